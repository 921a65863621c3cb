//! Network Service Header (RFC 8300; tcpdump's print-nsh.c), ethertype 0x894f, and what
//! VXLAN-GPE carries with next protocol 4 (`nsh_print` is the entry for it): flags, service
//! path and index, then the IPv4, IPv6 or Ethernet packet inside; with -vv the version and
//! next protocol, with -vvv TTL, length, MD type and the context headers (MD type 1) or TLVs
//! (MD type 2).

use super::nd::{Nd, R};
use super::tok::{self, Tok};
use super::{ether, ip, ip6};

const FLAGS: Tok = &[(0x2, "O")];

const MD_TYPE: Tok = &[
    (0x0, "reserved"),
    (0x1, "1"),
    (0x2, "2"),
    (0xf, "experimental"),
];

const NEXT_PROTO: Tok = &[
    (0x01, "IPv4"),
    (0x02, "IPv6"),
    (0x03, "Ethernet"),
    (0x04, "NSH"),
    (0x05, "MPLS"),
    (0xfe, "Experiment 1"),
    (0xff, "Experiment 2"),
];

/// The base and service path headers; lengths count 4-byte words.
const BASE_AND_PATH_LEN: usize = 8;
const WORD: usize = 4;

/// "%s" of `tok2str(t, "unknown (0x%02x)", v)`.
fn name(nd: &mut Nd, t: Tok, v: u32) {
    match tok::name(t, v) {
        Some(n) => nd.st(n),
        None => {
            nd.s(b"unknown (0x");
            nd.x0(v as u64, 2);
            nd.s(b")");
        }
    }
}

/// `nsh_print`.
pub(crate) fn nsh_print(nd: &mut Nd, bp: usize, len: usize) -> R {
    nd.proto = "nsh";
    if len < BASE_AND_PATH_LEN {
        nd.s(b" (packet length ");
        nd.u(len as u64);
        nd.s(b" < 8)");
        nd.invalid();
        return Ok(());
    }
    let base = nd.be4(bp)?;
    let mut bp = bp + 4;
    let ver = base >> 30;
    let length = ((base >> 16) & 0x3f) as usize;
    let md_type = (base >> 8) & 0xf;
    let next_protocol = base & 0xff;
    nd.s(b"NSH, ");
    if nd.vflag > 1 {
        nd.s(b"ver ");
        nd.u(ver as u64);
        nd.s(b", ");
    }
    if ver != 0 {
        return Ok(());
    }
    nd.s(b"flags [");
    tok::bittok(nd, FLAGS, "none", (base >> 28) & 0x3, b"");
    nd.s(b"], ");
    if nd.vflag > 2 {
        nd.s(b"TTL ");
        nd.u(((base >> 22) & 0x3f) as u64);
        nd.s(b", length ");
        nd.u(length as u64);
        nd.s(b", md type ");
        name(nd, MD_TYPE, md_type);
        nd.s(b", ");
    }
    if nd.vflag > 1 {
        nd.s(b"next-protocol ");
        name(nd, NEXT_PROTO, next_protocol);
        nd.s(b", ");
    }
    if len < length * WORD {
        nd.s(b" (too many headers for packet length ");
        nd.u(len as u64);
        nd.s(b")");
        nd.invalid();
        return Ok(());
    }
    let spi = nd.be3(bp)?;
    nd.s(b"service-path-id 0x");
    nd.x0(spi as u64, 6);
    nd.s(b", ");
    let si = nd.u1(bp + 3)?;
    nd.s(b"service-index 0x");
    nd.x(si as u64);
    bp += 4;
    if length < 2 {
        nd.s(b" (less than two headers)");
        nd.invalid();
        return Ok(());
    }
    let mut past_headers = false;
    if nd.vflag > 2 {
        if md_type == 1 {
            if length != 6 {
                nd.s(b" (invalid length for the MD type)");
                nd.invalid();
                return Ok(());
            }
            for n in 0..length - 2 {
                let c = nd.be4(bp)?;
                nd.s(b"\n        Context[");
                fmt_02u(nd, n);
                nd.s(b"]: 0x");
                nd.x0(c as u64, 8);
                bp += WORD;
            }
            past_headers = true;
        } else if md_type == 2 {
            let mut n = 0;
            while n < length - 2 {
                let class = nd.be2(bp)?;
                let typ = nd.u1(bp + 2)?;
                let tlv_len = (nd.u1(bp + 3)? & 0x7f) as usize;
                bp += 4;
                let padded = tlv_len.next_multiple_of(WORD);
                nd.s(b"\n        TLV Class ");
                nd.u(class as u64);
                nd.s(b", Type ");
                nd.u(typ as u64);
                nd.s(b", Len ");
                nd.u(tlv_len as u64);
                n += 1;
                if length - 2 < n + padded / WORD {
                    nd.s(b" (length too big)");
                    nd.invalid();
                    return Ok(());
                }
                if tlv_len != 0 {
                    nd.s(b"\n            Value: ");
                    let mut sep: &[u8] = b"0x";
                    for _ in 0..tlv_len {
                        let v = nd.u1(bp)?;
                        nd.s(sep);
                        nd.x0(v as u64, 2);
                        bp += 1;
                        sep = b":";
                    }
                    nd.need(bp, padded - tlv_len)?;
                    bp += padded - tlv_len;
                    n += padded / WORD;
                }
            }
            past_headers = true;
        }
    }
    if !past_headers {
        nd.need(bp, (length - 2) * WORD)?;
        bp += (length - 2) * WORD;
    }
    nd.s(if nd.vflag > 0 { b"\n    " } else { b": " });
    let next_len = len - length * WORD;
    match next_protocol {
        1 => ip::ip_print(nd, bp, next_len),
        2 => ip6::ip6_print(nd, bp, next_len),
        3 => {
            let avail = nd.avail(bp);
            ether::ether_print(nd, bp, next_len, avail).map(|_| ())
        }
        _ => {
            nd.s(b"ERROR: unknown-next-protocol");
            Ok(())
        }
    }
}

/// `%02u`.
fn fmt_02u(nd: &mut Nd, n: usize) {
    if n < 10 {
        nd.s(b"0");
    }
    nd.u(n as u64);
}
