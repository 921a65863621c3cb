//! AHCP, the Ad-Hoc Configuration Protocol (tcpdump's print-ahcp.c), UDP port 5359:
//! "AHCP Version 1"; with -v the header (hop counts, nonce, source and destination ids) and
//! the message type and length, with -vv its options.

use super::fmt;
use super::nd::{Nd, R};
use super::tok::{self, Tok};
use super::ts;

const MSG: Tok = &[
    (0, "Discover"),
    (1, "Offer"),
    (2, "Request"),
    (3, "Ack"),
    (4, "Nack"),
    (5, "Release"),
];

const OPT: Tok = &[
    (0, "Pad"),
    (1, "Mandatory"),
    (2, "Origin Time"),
    (3, "Expires"),
    (4, "My-IPv6-Address"),
    (5, "My-IPv4-Address"),
    (6, "IPv6 Prefix"),
    (7, "IPv4 Prefix"),
    (8, "IPv6 Address"),
    (9, "IPv4 Address"),
    (10, "IPv6 Prefix Delegation"),
    (11, "IPv4 Prefix Delegation"),
    (12, "Name Server"),
    (13, "NTP Server"),
];

/// The fixed header after magic and version.
const HEADER_REST: usize = 22;

/// `tok2str(t, "Unknown-%u", v)`.
fn name_or_unknown(nd: &mut Nd, t: Tok, v: u8) {
    match tok::name(t, v as u32) {
        Some(n) => nd.st(n),
        None => {
            nd.s(b"Unknown-");
            nd.u(v as u64);
        }
    }
}

/// `goto invalid`: " (invalid)", and the rest must have been captured.
fn invalid(nd: &mut Nd, cp: usize, len: usize) -> R {
    nd.invalid();
    nd.need(cp, len)
}

/// How an option's value is printed (`data_decoders`).
#[derive(Clone, Copy)]
enum Value {
    Time,
    Seconds,
    /// Addresses (4 or 16 bytes) or prefixes (the address and a length byte).
    List {
        alen: usize,
        prefix: bool,
    },
}

fn decoder(option: u8) -> Option<Value> {
    let list = |alen, prefix| Some(Value::List { alen, prefix });
    match option {
        2 => Some(Value::Time),
        3 => Some(Value::Seconds),
        4 | 8 | 12 | 13 => list(16, false),
        5 | 9 => list(4, false),
        6 | 10 => list(16, true),
        11 => list(4, true),
        _ => None,
    }
}

fn value(nd: &mut Nd, v: Value, mut cp: usize, mut len: usize) -> R {
    match v {
        Value::Time | Value::Seconds => {
            if len != 4 {
                return invalid(nd, cp, len);
            }
            let t = nd.be4(cp)?;
            nd.s(b": ");
            if let Value::Time = v {
                ts::datetime(nd.out, t as i64, b'-');
                nd.s(b" UTC");
            } else {
                nd.u(t as u64);
                nd.s(b"s");
            }
        }
        Value::List { alen, prefix } => {
            let item = alen + prefix as usize;
            let mut sep = b": ";
            while len > 0 {
                if len < item {
                    return invalid(nd, cp, len);
                }
                let a = nd.bytes(cp, alen)?;
                let plen = if prefix {
                    Some(nd.u1(cp + alen)?)
                } else {
                    None
                };
                nd.s(sep);
                if alen == 4 {
                    fmt::ipv4(nd.out, a);
                } else {
                    nd.ip6(cp)?;
                }
                if let Some(p) = plen {
                    nd.s(b"/");
                    nd.u(p as u64);
                }
                cp += item;
                len -= item;
                sep = b", ";
            }
        }
    }
    Ok(())
}

/// `ahcp1_options_print`.
fn options(nd: &mut Nd, mut cp: usize, mut len: usize) -> R {
    while len > 0 {
        let option = nd.u1(cp)?;
        cp += 1;
        len -= 1;
        nd.s(b"\n\t ");
        name_or_unknown(nd, OPT, option);
        if option <= 1 {
            continue;
        }
        if len == 0 {
            return invalid(nd, cp, len);
        }
        let olen = nd.u1(cp)? as usize;
        cp += 1;
        len -= 1;
        if olen > len {
            return invalid(nd, cp, len);
        }
        match decoder(option) {
            Some(v) => value(nd, v, cp, olen)?,
            None => {
                nd.s(b" (Length ");
                nd.u(olen as u64);
                nd.s(b")");
                nd.need(cp, olen)?;
            }
        }
        cp += olen;
        len -= olen;
    }
    Ok(())
}

/// `ahcp1_body_print`.
fn body(nd: &mut Nd, cp: usize, len: usize) -> R {
    if len < 4 {
        return invalid(nd, cp, len);
    }
    let (typ, mbz, body_len) = (nd.u1(cp)?, nd.u1(cp + 1)?, nd.be2(cp + 2)? as usize);
    let (cp, len) = (cp + 4, len - 4);
    if nd.vflag > 0 {
        nd.s(b"\n\t");
        name_or_unknown(nd, MSG, typ);
        if mbz != 0 {
            nd.s(b", MBZ ");
            nd.u(mbz as u64);
        }
        nd.s(b", Length ");
        nd.u(body_len as u64);
    }
    if body_len > len {
        return invalid(nd, cp, len);
    }
    // The options within the body's length; anything after it is ignored.
    if nd.vflag >= 2 {
        options(nd, cp, body_len)
    } else {
        nd.need(cp, body_len)
    }
}

/// `ahcp_print`.
pub(crate) fn ahcp_print(nd: &mut Nd, cp: usize, len: usize) -> R {
    nd.proto = "ahcp";
    nd.s(b"AHCP");
    if len < 2 || nd.u1(cp)? != 43 {
        return invalid(nd, cp, len);
    }
    let version = nd.u1(cp + 1)?;
    let (mut cp, mut len) = (cp + 2, len - 2);
    if version != 1 {
        nd.s(b" Version ");
        nd.u(version as u64);
        nd.s(b" (unknown)");
        return nd.need(cp, len);
    }
    nd.s(b" Version 1");
    if len < HEADER_REST {
        return invalid(nd, cp, len);
    }
    if nd.vflag == 0 {
        nd.need(cp, HEADER_REST)?;
    } else {
        let hops = nd.u1(cp)?;
        nd.s(b"\n\tHopcount ");
        nd.u(hops as u64);
        let orig = nd.u1(cp + 1)?;
        nd.s(b", Original Hopcount ");
        nd.u(orig as u64);
        let nonce = nd.be4(cp + 2)?;
        nd.s(b", Nonce 0x");
        nd.x0(nonce as u64, 8);
        let ids: [(&[u8], usize); 2] = [(b", Source Id ", cp + 6), (b", Destination Id ", cp + 14)];
        for (label, at) in ids {
            let id = nd.bytes(at, 8)?;
            nd.s(label);
            fmt::hexbytes(nd.out, id, b':');
        }
    }
    cp += HEADER_REST;
    len -= HEADER_REST;
    body(nd, cp, len)
}
