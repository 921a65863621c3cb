//! Cisco's Dynamic Trunking Protocol (tcpdump's print-dtp.c), carried by SNAP with OUI
//! 0x00000c and PID 0x2004: the version; with -v its TLVs (domain, status, type, neighbor).

use super::nd::{Nd, R};
use super::tok::{tok2str, Tok};

const TLV: Tok = &[
    (0x0001, "Domain"),
    (0x0002, "Status"),
    (0x0003, "DTP type"),
    (0x0004, "Neighbor"),
];

/// `dtp_print`: the PDU at `p`, `length` bytes after the SNAP header.
pub(crate) fn dtp_print(nd: &mut Nd, p: usize, length: usize) -> R {
    nd.proto = "dtp";
    let mut t = p;
    let mut length = length;
    if length < 1 {
        nd.s(b"[zero packet length]");
        return invalid(nd, t, length);
    }
    let version = nd.u1(t)?;
    nd.s(b"DTPv");
    nd.u(version as u64);
    nd.s(b", length ");
    nd.u(length as u64);
    if nd.vflag < 1 {
        return Ok(());
    }
    t += 1;
    length -= 1;
    while length > 0 {
        if length < 4 {
            nd.s(b"[");
            nd.u(length as u64);
            nd.s(b" bytes remaining]");
            return invalid(nd, t, length);
        }
        let typ = nd.be2(t)?;
        let len = nd.be2(t + 2)? as usize;
        // "should not be but sometimes it is, see the test captures"
        if typ == 0 {
            return Ok(());
        }
        nd.s(b"\n\t");
        tok2str(nd, TLV, "Unknown", typ as u32);
        nd.s(b" (0x");
        nd.x0(typ as u64, 4);
        nd.s(b") TLV, length ");
        nd.u(len as u64);
        if len < 4 || len > length {
            nd.s(b"[invalid TLV length ");
            nd.u(len as u64);
            nd.s(b"]");
            return invalid(nd, t, length);
        }
        match typ {
            1 => {
                nd.s(b", ");
                nd.printjnp(t + 4, len - 4)?;
            }
            2 | 3 => {
                if len != 5 {
                    return invalid(nd, t, length);
                }
                let v = nd.u1(t + 4)?;
                nd.s(b", 0x");
                nd.x(v as u64);
            }
            4 => {
                if len != 10 {
                    return invalid(nd, t, length);
                }
                nd.need(t + 4, 6)?;
                nd.s(b", ");
                nd.mac(t + 4)?;
            }
            _ => nd.need(t, len)?,
        }
        t += len;
        length -= len;
    }
    Ok(())
}

/// The `invalid:` label: " (invalid)", then a truncation if the rest is not captured.
fn invalid(nd: &mut Nd, t: usize, length: usize) -> R {
    nd.invalid();
    nd.need(t, length)
}
