//! Realtek switch protocols (tcpdump 4.99.3's print-realtek.c), ethertype 0x8899: RRCP
//! (remote control: hello, get, set, with their registers and cookies), REP, RLDP, and the
//! DSA tags (8-byte, RTL8306, RTL8366RB) some Realtek switch chips hand their host CPU.

use super::nd::{Nd, R};
use super::tok::{self, Tok};

const OPCODES: Tok = &[(0, "hello"), (1, "get"), (2, "set")];

/// `rrcp_print`: the RRCP packet at `cp`. Each `ND_PRINT` reads all its fields first.
fn rrcp_print(nd: &mut Nd, cp: usize) -> R {
    nd.proto = "rrcp";
    let b1 = nd.u1(cp + 1)?;
    let opcode = b1 & 0x7f;
    let reply = b1 & 0x80 != 0;
    nd.s(b"RRCP ");
    nd.s(if reply { b"reply" } else { b"query" });
    nd.s(b": ");
    match tok::name(OPCODES, opcode as u32) {
        Some(n) => nd.st(n),
        None => {
            nd.s(b"unknown opcode (0x");
            nd.x0(opcode as u64, 2);
            nd.s(b")");
        }
    }
    let getset = opcode == 1 || opcode == 2;
    if getset {
        let addr = u16::from_le_bytes([nd.u1(cp + 4)?, nd.u1(cp + 5)?]);
        let data = u32::from_le_bytes(nd.bytes(cp + 6, 4)?.try_into().unwrap());
        nd.s(b" addr=0x");
        nd.x0(addr as u64, 4);
        nd.s(b", data=0x");
        nd.x0(data as u64, 8);
    }
    let auth = nd.be2(cp + 2)?;
    nd.s(b", auth=0x");
    nd.x0(auth as u64, 4);
    if opcode == 0 && reply {
        let (down, up) = (nd.u1(cp + 4)?, nd.u1(cp + 5)?);
        let (vendor, chip) = (nd.be4(cp + 14)?, nd.be2(cp + 12)?);
        nd.s(b" downlink_port=");
        nd.u(down as u64);
        nd.s(b", uplink_port=");
        nd.u(up as u64);
        nd.s(b", uplink_mac=");
        nd.mac(cp + 6)?;
        nd.s(b", vendor_id=");
        nd.x0(vendor as u64, 8);
        nd.s(b" ,chip_id=");
        nd.x0(chip as u64, 4);
        nd.s(b" ");
    } else if getset {
        let (c2, c1) = (nd.be4(cp + 14)?, nd.be4(cp + 10)?);
        nd.s(b", cookie=0x");
        nd.x0(c2 as u64, 8);
        nd.x0(c1 as u64, 8);
        nd.s(b" ");
    }
    Ok(())
}

/// `rtl_print`: `addrs` are the link layer's (source, destination) MACs, when it has them
/// (tcpdump prints them first, even after `-e` printed them).
pub(crate) fn rtl_print(nd: &mut Nd, cp: usize, addrs: Option<(usize, usize)>) -> R {
    nd.proto = "rtl";
    if let Some((src, dst)) = addrs {
        nd.mac(src)?;
        nd.s(b" > ");
        nd.mac(dst)?;
        nd.s(b", ");
    }
    match nd.u1(cp)? {
        0x01 => rrcp_print(nd, cp)?,
        0x02 => nd.s(b"REP"),
        0x03 | 0x23 => nd.s(b"RLDP"),
        0x04 => nd.s(b"Realtek 8-byte DSA tag"),
        p if p & 0xf0 == 0x90 => nd.s(b"Realtek RTL8306 4-byte DSA tag"),
        p if p & 0xf0 == 0xa0 => nd.s(b"Realtek RTL8366RB 4-byte DSA tag"),
        p => {
            nd.s(b"Realtek unknown type 0x");
            nd.x0(p as u64, 2);
        }
    }
    Ok(())
}
