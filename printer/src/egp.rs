//! Exterior Gateway Protocol v2 (tcpdump's print-egp.c), IP protocol 8: version, AS and
//! sequence; with -v the message type (acquire, reach, poll, update, error) with its code,
//! status and reason, and an update's gateways with their distances and networks.
//!
//! tcpdump builds the update's addresses in host-order integers and prints their memory, so on
//! the little-endian hosts it runs on they come out byte-swapped; this port prints what that
//! tcpdump prints.

use super::fmt;
use super::nd::{Nd, R};

/// `sizeof(struct egp_packet)`.
const HDR: usize = 16;

const ACQUIRE_CODES: [&str; 5] = ["request", "confirm", "refuse", "cease", "cease_ack"];
const ACQUIRE_STATUS: [&str; 8] = [
    "unspecified",
    "active_mode",
    "passive_mode",
    "insufficient_resources",
    "administratively_prohibited",
    "going_down",
    "parameter_violation",
    "protocol_violation",
];
const REACH_CODES: [&str; 2] = ["hello", "i-h-u"];
const STATUS_UPDOWN: [&str; 3] = ["indeterminate", "up", "down"];
const REASONS: [&str; 7] = [
    "unspecified",
    "bad_EGP_header_format",
    "bad_EGP_data_field_format",
    "reachability_info_unavailable",
    "excessive_polling_rate",
    "no_response",
    "unsupported_version",
];

// glibc's <netinet/in.h> class tests, applied (as tcpdump applies them) to host-order values.
fn class_a(a: u32) -> bool {
    a & 0x8000_0000 == 0
}
fn class_b(a: u32) -> bool {
    a & 0xc000_0000 == 0x8000_0000
}
fn class_c(a: u32) -> bool {
    a & 0xe000_0000 == 0xc000_0000
}

/// `ipaddr_string(&addr)` of a local `uint32_t`: its little-endian memory.
fn addr(nd: &mut Nd, a: u32) {
    fmt::ipv4(nd.out, &a.to_le_bytes());
}

/// " state:NAME" or " [status N]".
fn updown(nd: &mut Nd, status: u8) {
    match STATUS_UPDOWN.get(status as usize) {
        Some(s) => {
            nd.s(b" state:");
            nd.st(s);
        }
        None => {
            nd.s(b" [status ");
            nd.u(status as u64);
            nd.s(b"]");
        }
    }
}

/// `egpnr_print`: the gateways of an update, each with its distances and their networks.
fn egpnr_print(nd: &mut Nd, bp: usize, length: usize) -> R {
    // GET_IPV4_TO_NETWORK_ORDER: the four bytes as they lie in memory.
    let src = u32::from_le_bytes(nd.bytes(bp + 12, 4)?.try_into().unwrap());
    let (net, netlen) = if class_a(src) {
        (src & 0xff00_0000, 1)
    } else if class_b(src) {
        (src & 0xffff_0000, 2)
    } else if class_c(src) {
        (src & 0xffff_ff00, 3)
    } else {
        (0, 0)
    };
    let mut cp = bp + HDR;
    let mut length = length - HDR;
    let intgw = nd.u1(bp + 10)? as u32;
    let extgw = nd.u1(bp + 11)? as u32;
    for gateway in 0..intgw + extgw {
        let host = 4 - netlen;
        if length < host {
            return Err(nd.local_trunc());
        }
        nd.tcheck(cp, host)?;
        // netlen 0 reads no byte (the C switch has no case for it).
        let mut a = 0u32;
        if (1..=3).contains(&netlen) {
            for _ in 0..host {
                a = (a << 8) | nd.u1(cp)? as u32;
                cp += 1;
            }
        }
        a |= net;
        length -= host;
        if length < 1 {
            return Err(nd.local_trunc());
        }
        let mut distances = nd.u1(cp)?;
        cp += 1;
        length -= 1;
        nd.s(if gateway < intgw { b" int " } else { b" ext " });
        addr(nd, a);
        nd.s(b" (");
        let mut comma: &[u8] = b"";
        while distances != 0 {
            if length < 2 {
                return Err(nd.local_trunc());
            }
            let d = nd.u1(cp)?;
            nd.s(comma);
            nd.s(b"d");
            nd.u(d as u64);
            nd.s(b":");
            cp += 1;
            comma = b", ";
            let mut networks = nd.u1(cp)?;
            cp += 1;
            length -= 2;
            while networks != 0 {
                if length < 1 {
                    return Err(nd.local_trunc());
                }
                let mut a = (nd.u1(cp)? as u32) << 24;
                cp += 1;
                length -= 1;
                if class_b(a) {
                    if length < 1 {
                        return Err(nd.local_trunc());
                    }
                    a |= (nd.u1(cp)? as u32) << 16;
                    cp += 1;
                    length -= 1;
                } else if !class_a(a) {
                    if length < 2 {
                        return Err(nd.local_trunc());
                    }
                    a |= (nd.u1(cp)? as u32) << 16;
                    a |= (nd.u1(cp + 1)? as u32) << 8;
                    cp += 2;
                    length -= 2;
                }
                nd.s(b" ");
                addr(nd, a);
                networks -= 1;
            }
            distances -= 1;
        }
        nd.s(b")");
    }
    Ok(())
}

/// `egp_print`: the header at `bp`, `length` bytes of IP payload.
pub(crate) fn egp_print(nd: &mut Nd, bp: usize, length: usize) -> R {
    nd.proto = "egp";
    if length < HDR || !nd.ttest(bp, HDR) {
        return Err(nd.local_trunc());
    }
    let version = nd.u1(bp)?;
    nd.s(b"EGPv");
    nd.u(version as u64);
    if nd.vflag == 0 {
        nd.s(b", AS ");
        nd.u(nd.be2(bp + 6)? as u64);
        nd.s(b", seq ");
        nd.u(nd.be2(bp + 8)? as u64);
        nd.s(b", length ");
        nd.u(length as u64);
        return Ok(());
    }
    nd.s(b", length ");
    nd.u(length as u64);
    if version != 2 {
        nd.s(b"[version ");
        nd.u(version as u64);
        nd.s(b"]");
        return Ok(());
    }
    let (typ, code, mut status) = (nd.u1(bp + 1)?, nd.u1(bp + 2)?, nd.u1(bp + 3)?);
    match typ {
        3 => {
            nd.s(b" acquire");
            match code {
                0 | 1 => {
                    nd.s(b" ");
                    nd.st(ACQUIRE_CODES[code as usize]);
                    if status <= 2 {
                        nd.s(b" ");
                        nd.st(ACQUIRE_STATUS[status as usize]);
                    } else {
                        nd.s(b" [status ");
                        nd.u(status as u64);
                        nd.s(b"]");
                    }
                    let hello = nd.be2(bp + 10)?;
                    let poll = nd.be2(bp + 12)?;
                    nd.s(b" hello:");
                    nd.u(hello as u64);
                    nd.s(b" poll:");
                    nd.u(poll as u64);
                }
                2..=4 => {
                    nd.s(b" ");
                    nd.st(ACQUIRE_CODES[code as usize]);
                    if status == 0 || (3..=7).contains(&status) {
                        nd.s(b" ");
                        nd.st(ACQUIRE_STATUS[status as usize]);
                    } else {
                        nd.s(b"[status ");
                        nd.u(status as u64);
                        nd.s(b"]");
                    }
                }
                _ => {
                    nd.s(b"[code ");
                    nd.u(code as u64);
                    nd.s(b"]");
                }
            }
        }
        5 => match code {
            0 | 1 => {
                nd.s(b" ");
                nd.st(REACH_CODES[code as usize]);
                updown(nd, status);
            }
            _ => {
                nd.s(b"[reach code ");
                nd.u(code as u64);
                nd.s(b"]");
            }
        },
        2 => {
            nd.s(b" poll");
            updown(nd, status);
            nd.need(bp + 12, 4)?;
            nd.s(b" net:");
            nd.ip4(bp + 12)?;
        }
        1 => {
            nd.s(b" update");
            if status & 0x80 != 0 {
                status &= !0x80;
                nd.s(b" unsolicited");
            }
            updown(nd, status);
            nd.need(bp + 12, 4)?;
            nd.s(b" ");
            nd.ip4(bp + 12)?;
            let (int, ext) = (nd.u1(bp + 10)?, nd.u1(bp + 11)?);
            nd.s(b" int ");
            nd.u(int as u64);
            nd.s(b" ext ");
            nd.u(ext as u64);
            egpnr_print(nd, bp, length)?;
        }
        8 => {
            nd.s(b" error");
            updown(nd, status);
            let reason = nd.be2(bp + 10)?;
            match REASONS.get(reason as usize) {
                Some(r) => {
                    nd.s(b" ");
                    nd.st(r);
                }
                None => {
                    nd.s(b" [reason ");
                    nd.u(reason as u64);
                    nd.s(b"]");
                }
            }
        }
        _ => {
            nd.s(b"[type ");
            nd.u(typ as u64);
            nd.s(b"]");
        }
    }
    Ok(())
}
