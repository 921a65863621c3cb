//! ASN.1 BER elements as tcpdump reads and prints them (print-snmp.c's `asn1_parse`,
//! `asn1_print`, `asn1_print_octets`, `asn1_print_string`): one tag-length-value at a time,
//! decoded into a [`Be`] and printed in tcpdump's terse notation. Written once for every
//! BER-encoded protocol (SNMP; Kerberos 5 would reuse it).

use super::nd::{Nd, R};

/// `Class[]`: the names of each tag class's identifiers. C builds the class names with a
/// macro that does not stringify (`"x"`), so every class is named "x" in its messages.
const UNIVERSAL: [&str; 18] = [
    "U-0",
    "Boolean",
    "Integer",
    "Bitstring",
    "String",
    "Null",
    "ObjID",
    "ObjectDes",
    "U-8",
    "U-9",
    "U-10",
    "U-11",
    "U-12",
    "U-13",
    "U-14",
    "U-15",
    "Sequence",
    "Set",
];
const APPLICATION: [&str; 7] = [
    "IpAddress",
    "Counter",
    "Gauge",
    "TimeTicks",
    "Opaque",
    "C-5",
    "Counter64",
];
/// The context-specific identifiers: SNMP's PDU types.
pub(crate) const CONTEXT: [&str; 9] = [
    "GetRequest",
    "GetNextRequest",
    "GetResponse",
    "SetRequest",
    "Trap",
    "GetBulk",
    "Inform",
    "V2Trap",
    "Report",
];
const PRIVATE: [&str; 1] = ["P-0"];
const EXCEPTIONS: [&str; 3] = ["noSuchObject", "noSuchInstance", "endOfMibView"];
const CLASS_NAME: &[u8] = b"x";

fn class_ids(class: u8) -> &'static [&'static str] {
    match class {
        0 => &UNIVERSAL,
        1 => &APPLICATION,
        2 => &CONTEXT,
        _ => &PRIVATE,
    }
}

/// What an element holds (`BE_*`).
#[derive(Clone, Copy, PartialEq, Debug)]
pub(crate) enum Type {
    Any,
    Null,
    Octet,
    Oid,
    Int(i32),
    Uns(u32),
    Str,
    Seq,
    InetAddr,
    Pdu,
    Uns64(u64),
    NoSuchObject,
    NoSuchInst,
    EndOfMibView,
}

/// One decoded element (`struct be`): its contents are `asnlen` bytes at `data`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Be {
    pub asnlen: u32,
    pub data: usize,
    pub id: u8,
    pub typ: Type,
}

/// `asn1_parse`: the element at `p` within `len` bytes and the bytes it takes, or None
/// after printing why not (tcpdump's -1: "[nothing to parse]", "[len5<asnlen9]", ` [|snmp]`).
pub(crate) fn parse(nd: &mut Nd, p: usize, len: usize) -> R<Option<(Be, usize)>> {
    if len < 1 {
        nd.s(b"[nothing to parse]");
        return Ok(None);
    }
    let (mut p, mut len) = (p, len);
    let b0 = nd.u1(p)?;
    let mut id = b0 & 0x1f;
    let form = (b0 & 0x20) >> 5;
    let class = (b0 & 0xc0) >> 6;
    p += 1;
    len -= 1;
    let mut hdr = 1;
    if id == 0x1f {
        // A multi-byte tag; C keeps it in a u_char.
        id = 0;
        while nd.u1(p)? & 0x80 != 0 {
            if len < 1 {
                nd.s(b"[Xtagfield?]");
                return Ok(None);
            }
            id = (id << 7) | (nd.u1(p)? & 0x7f);
            len -= 1;
            hdr += 1;
            p += 1;
        }
        if len < 1 {
            nd.s(b"[Xtagfield?]");
            return Ok(None);
        }
        id = (id << 7) | nd.u1(p)?;
        len -= 1;
        hdr += 1;
        p += 1;
    }
    if len < 1 {
        nd.s(b"[no asnlen]");
        return Ok(None);
    }
    let mut asnlen = nd.u1(p)? as u32;
    p += 1;
    len -= 1;
    hdr += 1;
    if asnlen & 0x80 != 0 {
        let noct = (asnlen % 0x80) as usize;
        asnlen = 0;
        if len < noct {
            nd.s(b"[asnlen? ");
            nd.u(len as u64);
            nd.s(b"<");
            nd.u(noct as u64);
            nd.s(b"]");
            return Ok(None);
        }
        if !nd.ttest(p, noct) {
            nd.trunc();
            return Ok(None);
        }
        for _ in 0..noct {
            asnlen = (asnlen << 8) | nd.u1(p)? as u32;
            p += 1;
            len -= 1;
            hdr += 1;
        }
    }
    if (len as u64) < asnlen as u64 {
        nd.s(b"[len");
        nd.u(len as u64);
        nd.s(b"<asnlen");
        nd.u(asnlen as u64);
        nd.s(b"]");
        return Ok(None);
    }
    let ids = class_ids(class);
    if id as usize >= ids.len() {
        nd.s(b"[id?");
        nd.s(if form == 0 { b"P" } else { b"C" });
        nd.s(b"/");
        nd.s(CLASS_NAME);
        nd.s(b"/");
        nd.u(id as u64);
        nd.s(b"]");
        return Ok(None);
    }
    if !nd.ttest(p, asnlen as usize) {
        nd.trunc();
        return Ok(None);
    }
    let name = ids[id as usize];
    let typ = match (form, class) {
        (0, 0) => match id {
            4 => Type::Str,
            2 => {
                if asnlen == 0 {
                    nd.s(b"[asnlen=0]");
                    return Ok(None);
                }
                let mut data: i32 = if nd.u1(p)? & 0x80 != 0 { -1 } else { 0 };
                for k in 0..asnlen as usize {
                    data = (data << 8) | nd.u1(p + k)? as i32;
                }
                Type::Int(data)
            }
            6 => Type::Oid,
            5 => Type::Null,
            _ => {
                nd.s(b"[P/U/");
                nd.st(name);
                nd.s(b"]");
                Type::Octet
            }
        },
        (0, 1) => match id {
            0 => Type::InetAddr,
            1..=3 => {
                let mut data: u32 = 0;
                for k in 0..asnlen as usize {
                    data = (data << 8).wrapping_add(nd.u1(p + k)? as u32);
                }
                Type::Uns(data)
            }
            6 => {
                let mut data: u64 = 0;
                for k in 0..asnlen as usize {
                    data = (data << 8).wrapping_add(nd.u1(p + k)? as u64);
                }
                Type::Uns64(data)
            }
            _ => {
                nd.s(b"[P/A/");
                nd.st(name);
                nd.s(b"]");
                Type::Octet
            }
        },
        (0, 2) => match id {
            0 => Type::NoSuchObject,
            1 => Type::NoSuchInst,
            2 => Type::EndOfMibView,
            _ => Type::Any,
        },
        (0, _) => {
            nd.s(b"[P/");
            nd.s(CLASS_NAME);
            nd.s(b"/");
            nd.st(name);
            nd.s(b"]");
            Type::Octet
        }
        (_, 0) => {
            if id == 16 {
                Type::Seq
            } else {
                nd.s(b"C/U/");
                nd.st(name);
                Type::Octet
            }
        }
        (_, 2) => Type::Pdu,
        _ => {
            nd.s(b"C/");
            nd.s(CLASS_NAME);
            nd.s(b"/");
            nd.st(name);
            Type::Octet
        }
    };
    let be = Be {
        asnlen,
        data: p,
        id,
        typ,
    };
    Ok(Some((be, asnlen as usize + hdr)))
}

/// `asn1_print_octets`: "_xx" per byte; false (C's -1) after ` [|proto]`.
pub(crate) fn print_octets(nd: &mut Nd, e: &Be) -> R<bool> {
    if !nd.ttest(e.data, e.asnlen as usize) {
        nd.trunc();
        return Ok(false);
    }
    for at in e.data..e.data + e.asnlen as usize {
        let c = nd.u1(at)?;
        nd.s(b"_");
        nd.x0(c as u64, 2);
    }
    Ok(true)
}

/// `asn1_print_string`: quoted if every byte is printable, else "xx_xx_..".
pub(crate) fn print_string(nd: &mut Nd, e: &Be) -> R<bool> {
    let n = e.asnlen as usize;
    if !nd.ttest(e.data, n) {
        nd.trunc();
        return Ok(false);
    }
    let bytes = nd.bytes(e.data, n)?;
    if bytes.iter().all(|c| (0x20..=0x7e).contains(c)) {
        nd.s(b"\"");
        nd.s(bytes);
        nd.s(b"\"");
    } else {
        for (i, &c) in bytes.iter().enumerate() {
            if i > 0 {
                nd.s(b"_");
            }
            nd.x0(c as u64, 2);
        }
    }
    Ok(true)
}

/// `asn1_print` (with -n: object identifiers in numbers, ".1.3.6..."); false is C's -1.
pub(crate) fn print(nd: &mut Nd, e: &Be) -> R<bool> {
    match e.typ {
        Type::Octet => return print_octets(nd, e),
        Type::Null => {}
        Type::Oid => {
            let mut o: i32 = 0;
            let mut first = true;
            for at in e.data..e.data + e.asnlen as usize {
                let c = nd.u1(at)?;
                o = (o << 7).wrapping_add((c & 0x7f) as i32);
                if c & 0x80 != 0 {
                    continue;
                }
                if first {
                    // The first sub-identifier holds two arcs (X.690 8.19.4).
                    first = false;
                    let s = (o / 40).min(2);
                    nd.s(b".");
                    nd.u(s as u32 as u64);
                    o = o.wrapping_sub(s.wrapping_mul(40));
                }
                nd.s(b".");
                nd.u(o as u32 as u64);
                o = 0;
            }
        }
        Type::Int(v) => {
            if v < 0 {
                nd.s(b"-");
            }
            nd.u(v.unsigned_abs() as u64);
        }
        Type::Uns(v) => nd.u(v as u64),
        Type::Uns64(v) => nd.u(v),
        Type::Str => return print_string(nd, e),
        Type::Seq => {
            nd.s(b"Seq(");
            nd.u(e.asnlen as u64);
            nd.s(b")");
        }
        Type::InetAddr => {
            if e.asnlen != 4 {
                nd.s(b"[inetaddr len!=4]");
            }
            let n = e.asnlen as usize;
            if !nd.ttest(e.data, n) {
                nd.trunc();
                return Ok(false);
            }
            for k in 0..n {
                if k > 0 {
                    nd.s(b".");
                }
                let c = nd.u1(e.data + k)?;
                nd.u(c as u64);
            }
        }
        Type::NoSuchObject | Type::NoSuchInst | Type::EndOfMibView => {
            nd.s(b"[");
            nd.st(EXCEPTIONS[e.id as usize]);
            nd.s(b"]");
        }
        Type::Pdu => {
            nd.st(CONTEXT[e.id as usize]);
            nd.s(b"(");
            nd.u(e.asnlen as u64);
            nd.s(b")");
        }
        Type::Any => nd.s(b"[BE_ANY!?]"),
    }
    Ok(true)
}
