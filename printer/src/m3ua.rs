//! M3UA (SS7 MTP3 user adaptation, RFC 4666; tcpdump's print-m3ua.c), the payload of SCTP
//! DATA chunks with payload protocol 3, decoded with -vv: message class and type, then each
//! parameter by name with its value (routing context, network appearance, correlation id)
//! or its length.

use super::nd::{Nd, R};
use super::tok::{self, Tok};

const CLASSES: Tok = &[
    (0, "Management"),
    (1, "Transfer"),
    (2, "SS7"),
    (3, "ASP"),
    (4, "ASP"),
    (9, "Routing Key Management"),
];

/// `m3ua_msgc2tokary`: the message types of each class.
fn messages(class: u8) -> Option<Tok> {
    Some(match class {
        0 => &[(0, "Error"), (1, "Notify")],
        1 => &[(1, "Data")],
        2 => &[
            (1, "Destination Unavailable"),
            (2, "Destination Available"),
            (3, "Destination State Audit"),
            (4, "Signalling Congestion"),
            (5, "Destination User Part Unavailable"),
            (6, "Destination Restricted"),
        ],
        3 => &[
            (1, "Up"),
            (2, "Down"),
            (3, "Heartbeat"),
            (4, "Up Acknowledgement"),
            (5, "Down Acknowledgement"),
            (6, "Heartbeat Acknowledgement"),
        ],
        4 => &[
            (1, "Active"),
            (2, "Inactive"),
            (3, "Active Acknowledgement"),
            (4, "Inactive Acknowledgement"),
        ],
        9 => &[
            (1, "Registration Request"),
            (2, "Registration Response"),
            (3, "Deregistration Request"),
            (4, "Deregistration Response"),
        ],
        _ => return None,
    })
}

const PARAMS: Tok = &[
    (0x0004, "INFO String"),
    (0x0006, "Routing Context"),
    (0x0007, "Diagnostic Info"),
    (0x0009, "Heartbeat Data"),
    (0x000b, "Traffic Mode Type"),
    (0x000c, "Error Code"),
    (0x000d, "Status"),
    (0x0011, "ASP Identifier"),
    (0x0012, "Affected Point Code"),
    (0x0013, "Correlation ID"),
    (0x0200, "Network Appearance"),
    (0x0204, "User/Cause"),
    (0x0205, "Congestion Indications"),
    (0x0206, "Concerned Destination"),
    (0x0207, "Routing Key"),
    (0x0208, "Registration Result"),
    (0x0209, "Deregistration Result"),
    (0x020a, "Local Routing Key Identifier"),
    (0x020b, "Destination Point Code"),
    (0x020c, "Service Indicators"),
    (0x020e, "Originating Point Code List"),
    (0x0210, "Protocol Data"),
    (0x0212, "Registration Status"),
    (0x0213, "Deregistration Status"),
];

const HDR: usize = 8;
const PARAM_HDR: usize = 4;

/// `m3ua_print`: `size` bytes of M3UA message at `bp` (its header included).
pub(crate) fn m3ua_print(nd: &mut Nd, bp: usize, size: usize) -> R {
    nd.proto = "m3ua";
    if size < HDR {
        nd.invalid();
        return nd.need(bp, size);
    }
    nd.need(bp, HDR)?;
    if nd.u1(bp)? != 1 {
        return Ok(());
    }
    let class = nd.u1(bp + 2)?;
    nd.s(b"\n\t\t");
    match tok::name(CLASSES, class as u32) {
        Some(n) => nd.st(n),
        None => {
            nd.s(b"Unknown message class ");
            nd.u(class as u64);
        }
    }
    if let Some(dict) = messages(class) {
        let typ = nd.u1(bp + 3)?;
        nd.s(b" ");
        match tok::name(dict, typ as u32) {
            Some(n) => nd.st(n),
            None => {
                nd.s(b"Unknown (0x");
                nd.x0(typ as u64, 2);
                nd.s(b")");
            }
        }
        nd.s(b" Message");
    }
    let len = nd.be4(bp + 4)?;
    if size as u64 != len as u64 {
        nd.s(b"\n\t\t\t@@@@@@ Corrupted length ");
        nd.u(len as u64);
        nd.s(b" of message @@@@@@");
        Ok(())
    } else {
        tags_print(nd, bp + HDR, len as usize - HDR)
    }
}

/// `m3ua_tags_print`: the parameters, each padded to 4 bytes.
fn tags_print(nd: &mut Nd, buf: usize, size: usize) -> R {
    let mut p = buf;
    while p < buf + size {
        if p + PARAM_HDR > buf + size {
            return invalid(nd, buf, size);
        }
        let tag = nd.be2(p)?;
        nd.s(b"\n\t\t\t");
        match tok::name(PARAMS, tag as u32) {
            Some(n) => nd.st(n),
            None => {
                nd.s(b"Unknown Parameter (0x");
                nd.x0(tag as u64, 4);
                nd.s(b")");
            }
        }
        nd.s(b": ");
        let hlen = nd.be2(p + 2)? as usize;
        if hlen < PARAM_HDR {
            return invalid(nd, buf, size);
        }
        let align = match (p + hlen - buf) % 4 {
            0 => 0,
            a => 4 - a,
        };
        nd.need(p, hlen + align)?;
        value_print(nd, p, tag, hlen - PARAM_HDR)?;
        p += hlen + align;
    }
    Ok(())
}

/// `tag_value_print`: `buf` is the parameter (its header included), `size` its value's.
fn value_print(nd: &mut Nd, buf: usize, tag: u16, size: usize) -> R {
    match tag {
        0x0200 | 0x0006 | 0x0013 => {
            if size < 4 {
                nd.invalid();
            } else {
                let v = nd.be4(buf)?;
                nd.s(b"0x");
                nd.x0(v as u64, 8);
            }
        }
        _ => {
            nd.s(b"(length ");
            nd.u((size + PARAM_HDR) as u64);
            nd.s(b")");
        }
    }
    nd.need(buf, size)
}

/// The `invalid:` label: " (invalid)", then the whole span must still be captured.
fn invalid(nd: &mut Nd, buf: usize, size: usize) -> R {
    nd.invalid();
    nd.need(buf, size)
}
