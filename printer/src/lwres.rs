//! BIND 9's lightweight resolver protocol (tcpdump's print-lwres.c), UDP 921: version,
//! opcode, query or response, and per opcode the names, address types, addresses, record
//! types, classes, TTLs and data; -vv adds serial, result and receive length.

use super::dns;
use super::nd::{Nd, Trunc, R};
use super::tok::{self, Tok};

/// `sizeof(struct lwres_lwpacket)`.
const HDR_LEN: usize = 28;

/// `opcode`.
const OPCODE: Tok = &[
    (0x00000000, "noop"),
    (0x00010001, "getaddrsbyname"),
    (0x00010002, "getnamebyaddr"),
    (0x00010003, "getrdatabyname"),
];

/// `lwres_printname`: " NAME" (`l` bytes) and whether a NUL follows; the bytes taken.
fn printname(nd: &mut Nd, l: usize, p: usize) -> R<usize> {
    nd.s(b" ");
    nd.printn(p, l, None)?;
    if nd.u1(p + l)? != 0 {
        nd.s(b" (not NUL-terminated!)");
    }
    Ok(l + 1)
}

/// `lwres_printnamelen`: a length-prefixed name.
fn printnamelen(nd: &mut Nd, p: usize) -> R<usize> {
    let l = nd.be2(p)? as usize;
    Ok(2 + printname(nd, l, p + 2)?)
}

/// `lwres_printbinlen`: length-prefixed bytes in hex.
fn printbinlen(nd: &mut Nd, p: usize) -> R<usize> {
    let l = nd.be2(p)? as usize;
    for i in 0..l {
        let c = nd.u1(p + 2 + i)?;
        nd.x0(c as u64, 2);
    }
    Ok(2 + l)
}

/// `lwres_printaddr`: family, length, address; the bytes taken (C counts only the 4 or 16
/// bytes an IPv4 or IPv6 address uses, whatever the length says), None for a short one.
fn printaddr(nd: &mut Nd, p0: usize) -> R<Option<usize>> {
    let l = nd.be2(p0 + 4)? as usize;
    let p = p0 + 6;
    if !nd.ttest(p, l) {
        return Err(Trunc);
    }
    let family = nd.be4(p0)?;
    let used = match family {
        1 | 2 => {
            let alen = if family == 1 { 4 } else { 16 };
            if l < alen {
                return Ok(None);
            }
            nd.need(p, alen)?;
            nd.s(b" ");
            if alen == 4 {
                nd.ip4(p)?;
            } else {
                nd.ip6(p)?;
            }
            alen
        }
        _ => {
            nd.s(b" ");
            nd.u(family as u64);
            nd.s(b"/");
            for i in 0..l {
                let c = nd.u1(p + i)?;
                nd.x0(c as u64, 2);
            }
            l
        }
    };
    Ok(Some(6 + used))
}

/// `tok2str(ns_type2str, "Type%u")` and, when not IN, `tok2str(ns_class2str, "Class%u")`.
fn type_class(nd: &mut Nd, class_at: usize) -> R {
    let (class, typ) = (nd.be2(class_at)?, nd.be2(class_at + 2)?);
    nd.s(b" ");
    match dns::type_name(typ) {
        Some(n) => nd.st(n),
        None => {
            nd.s(b"Type");
            nd.u(typ as u64);
        }
    }
    if class != 1 {
        nd.s(b" ");
        match dns::class_name(class) {
            Some(n) => nd.st(n),
            None => {
                nd.s(b"Class");
                nd.u(class as u64);
            }
        }
    }
    Ok(())
}

/// " flags:0x..." of the 32-bit flags at `p`, from -vvv.
fn flags(nd: &mut Nd, p: usize) -> R {
    if nd.vflag > 2 {
        let f = nd.be4(p)?;
        nd.s(b" flags:0x");
        nd.x(f as u64);
    }
    Ok(())
}

/// `lwres_print`.
pub(crate) fn lwres_print(nd: &mut Nd, bp: usize, length: usize) -> R {
    nd.proto = "lwres";
    if !nd.ttest(bp + 26, 2) {
        return Err(Trunc);
    }
    nd.s(b" lwres");
    let v = nd.be2(bp + 4)?;
    if nd.vflag > 0 || v != 0 {
        nd.s(b" v");
        nd.u(v as u64);
    }
    let plen = nd.be4(bp)?;
    // Where decoding ended, as an offset from `bp` (C's `s`); C's `unsupported`.
    let (end, unsupported) = if v != 0 {
        (plen as u64, false)
    } else {
        match body(nd, bp)? {
            Some(r) => r,
            None => {
                nd.invalid();
                return Ok(());
            }
        }
    };
    if plen as usize != length {
        nd.s(b" [len: ");
        nd.u(plen as u64);
        nd.s(b" != ");
        nd.u(length as u64);
        nd.s(b"]");
    }
    if !unsupported && end < plen as u64 {
        nd.s(b"[extra]");
    }
    Ok(())
}

/// A version 0 packet after the version: (end offset, unsupported opcode), None when an
/// address is too short (C's `goto invalid`).
fn body(nd: &mut Nd, bp: usize) -> R<Option<(u64, bool)>> {
    let pktflags = nd.be2(bp + 6)?;
    let response = pktflags & 1 != 0;
    let op = nd.be4(bp + 12)?;
    nd.s(b" ");
    match tok::name(OPCODE, op) {
        Some(n) => nd.st(n),
        None => {
            nd.s(b"#0x");
            nd.x(op as u64);
        }
    }
    if !response {
        nd.s(b"?");
    }
    if pktflags & !1 != 0 {
        nd.s(b"[0x");
        nd.x(pktflags as u64);
        nd.s(b"]");
    }
    if nd.vflag > 1 {
        let (serial, result, recvlen) = (nd.be4(bp + 8)?, nd.be4(bp + 16)?, nd.be4(bp + 20)?);
        nd.s(b" (serial:0x");
        nd.x(serial as u64);
        nd.s(b" result:0x");
        nd.x(result as u64);
        nd.s(b" recvlen:");
        nd.u(recvlen as u64);
        if nd.vflag > 2 {
            let (at, al) = (nd.be2(bp + 24)?, nd.be2(bp + 26)?);
            nd.s(b" authtype:0x");
            nd.x(at as u64);
            nd.s(b" authlen:");
            nd.u(al as u64);
        }
        nd.s(b")");
    }
    let p = bp + HDR_LEN;
    let mut s = p;
    match (response, op) {
        (_, 0x00000000) => {}
        (false, 0x00010001) => {
            nd.need(p + 8, 2)?;
            flags(nd, p)?;
            let v = nd.be4(p + 4)?;
            match v & 3 {
                1 => nd.s(b" IPv4"),
                2 => nd.s(b" IPv6"),
                3 => nd.s(b" IPv4/6"),
                _ => {}
            }
            if v & !3 != 0 {
                nd.s(b"[0x");
                nd.x(v as u64);
                nd.s(b"]");
            }
            s = p + 10;
            let l = nd.be2(p + 8)? as usize;
            s += printname(nd, l, s)?;
        }
        (false, 0x00010002) => {
            nd.need(p, 4)?;
            flags(nd, p)?;
            s = p + 4;
            match printaddr(nd, s)? {
                Some(n) => s += n,
                None => return Ok(None),
            }
        }
        (false, 0x00010003) => {
            nd.need(p + 8, 2)?;
            flags(nd, p)?;
            type_class(nd, p + 4)?;
            s = p + 10;
            let l = nd.be2(p + 8)? as usize;
            s += printname(nd, l, s)?;
        }
        (true, 0x00010001) => {
            nd.need(p + 8, 2)?;
            flags(nd, p)?;
            let (naliases, naddrs) = (nd.be2(p + 4)?, nd.be2(p + 6)?);
            nd.s(b" ");
            nd.u(naliases as u64);
            nd.s(b"/");
            nd.u(naddrs as u64);
            s = p + 10;
            let l = nd.be2(p + 8)? as usize;
            s += printname(nd, l, s)?;
            for _ in 0..naliases {
                s += printnamelen(nd, s)?;
            }
            for _ in 0..naddrs {
                match printaddr(nd, s)? {
                    Some(n) => s += n,
                    None => return Ok(None),
                }
            }
        }
        (true, 0x00010002) => {
            nd.need(p + 6, 2)?;
            flags(nd, p)?;
            let naliases = nd.be2(p + 4)?;
            nd.s(b" ");
            nd.u(naliases as u64);
            s = p + 8;
            let l = nd.be2(p + 6)? as usize;
            s += printname(nd, l, s)?;
            for _ in 0..naliases {
                s += printnamelen(nd, s)?;
            }
        }
        (true, 0x00010003) => {
            nd.need(p + 14, 2)?;
            flags(nd, p)?;
            type_class(nd, p + 4)?;
            let ttl = nd.be4(p + 8)?;
            nd.s(b" TTL ");
            super::igmp::relts(nd, ttl);
            let (nrdatas, nsigs) = (nd.be2(p + 12)?, nd.be2(p + 14)?);
            nd.s(b" ");
            nd.u(nrdatas as u64);
            nd.s(b"/");
            nd.u(nsigs as u64);
            s = p + 16;
            s += printnamelen(nd, s)?;
            for _ in 0..nrdatas {
                s += printbinlen(nd, s)?;
            }
            for _ in 0..nsigs {
                s += printbinlen(nd, s)?;
            }
        }
        _ => return Ok(Some(((s - bp) as u64, true))),
    }
    Ok(Some(((s - bp) as u64, false)))
}
