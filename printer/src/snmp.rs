//! SNMP v1, v2c and v3 (tcpdump's print-snmp.c, built without libsmi as Debian's tcpdump
//! is), UDP 161/162: community, PDU type and variable bindings with numeric object
//! identifiers; with -v the version, request id and message structure in braces. The BER
//! elements are [`super::asn1`]'s.

use super::asn1::{self, Be, Type};
use super::nd::{Nd, R};

const GETREQ: u8 = 0;
const GETNEXTREQ: u8 = 1;
const SETREQ: u8 = 3;
const TRAP: u8 = 4;
const GETBULKREQ: u8 = 5;
const INFORMREQ: u8 = 6;
const V2TRAP: u8 = 7;
const REPORT: u8 = 8;

const ERROR_STATUS: [&str; 19] = [
    "noError",
    "tooBig",
    "noSuchName",
    "badValue",
    "readOnly",
    "genErr",
    "noAccess",
    "wrongType",
    "wrongLength",
    "wrongEncoding",
    "wrongValue",
    "noCreation",
    "inconsistentValue",
    "resourceUnavailable",
    "commitFailed",
    "undoFailed",
    "authorizationError",
    "notWritable",
    "inconsistentName",
];

const GENERIC_TRAP: [&str; 7] = [
    "coldStart",
    "warmStart",
    "linkDown",
    "linkUp",
    "authenticationFailure",
    "egpNeighborLoss",
    "enterpriseSpecific",
];

const VERSIONS: [&str; 4] = ["SNMPv1", "SNMPv2c", "SNMPv2u", "SNMPv3"];

fn int(nd: &mut Nd, v: i32) {
    if v < 0 {
        nd.s(b"-");
    }
    nd.u(v.unsigned_abs() as u64);
}

/// `DECODE_ErrorStatus`.
fn error_status(nd: &mut Nd, e: i32) {
    match ERROR_STATUS.get(e as usize).filter(|_| e >= 0) {
        Some(s) => nd.st(s),
        None => {
            nd.s(b"err=");
            nd.u(e as u32 as u64);
        }
    }
}

/// The element at `np`, or the caller's `return` (C's `asn1_parse(...) < 0`).
macro_rules! parse {
    ($nd:expr, $np:expr, $len:expr) => {
        match asn1::parse($nd, $np, $len)? {
            Some(v) => v,
            None => return Ok(()),
        }
    };
}

/// C's "if (elem.type != X) { ND_PRINT(msg); asn1_print(elem); return; }".
fn wrong(nd: &mut Nd, msg: &[u8], e: &Be) -> R {
    nd.s(msg);
    asn1::print(nd, e)?;
    Ok(())
}

fn int_of(e: &Be) -> Option<i32> {
    match e.typ {
        Type::Int(v) => Some(v),
        _ => None,
    }
}

/// `snmp_print`.
pub(crate) fn snmp_print(nd: &mut Nd, np: usize, length: usize) -> R {
    nd.proto = "snmp";
    nd.s(b" ");
    let (e, count) = parse!(nd, np, length);
    if e.typ != Type::Seq {
        return wrong(nd, b"[!init SEQ]", &e);
    }
    if count < length {
        extra(nd, b"[", length - count, b" extra after iSEQ]");
    }
    let (mut np, mut length) = (e.data, e.asnlen as usize);
    let (e, count) = parse!(nd, np, length);
    let Some(version) = int_of(&e) else {
        return wrong(nd, b"[version!=INT]", &e);
    };
    match version {
        0 | 1 | 3 => {
            if nd.vflag > 0 {
                nd.s(b"{ ");
                nd.st(VERSIONS[version as usize]);
                nd.s(b" ");
            }
        }
        v => {
            nd.s(b"SNMP [version = ");
            int(nd, v);
            nd.s(b"]");
            return Ok(());
        }
    }
    length -= count;
    np += count;
    if version == 3 {
        v3msg_print(nd, np, length)?;
    } else {
        community_print(nd, np, length, version)?;
    }
    if nd.vflag > 0 {
        nd.s(b"} ");
    }
    Ok(())
}

/// "[%d extra after ...]".
fn extra(nd: &mut Nd, pre: &[u8], n: usize, post: &[u8]) {
    nd.s(pre);
    int(nd, n as i32);
    nd.s(post);
}

/// `community_print`: "C=..." unless the community is "public", then the PDU.
fn community_print(nd: &mut Nd, np: usize, length: usize, version: i32) -> R {
    let (e, count) = parse!(nd, np, length);
    if e.typ != Type::Str {
        return wrong(nd, b"[comm!=STR]", &e);
    }
    let public = e.asnlen == 6 && nd.bytes(e.data, 6).is_ok_and(|b| b == b"public");
    if !public {
        nd.s(b"C=");
        if !asn1::print_string(nd, &e)? {
            return Ok(());
        }
        nd.s(b" ");
    }
    pdu_print(nd, np + count, length - count, version)
}

/// `pdu_print`.
fn pdu_print(nd: &mut Nd, np: usize, length: usize, version: i32) -> R {
    let (pdu, count) = parse!(nd, np, length);
    if pdu.typ != Type::Pdu {
        nd.s(b"[no PDU]");
        return Ok(());
    }
    if count < length {
        extra(nd, b"[", length - count, b" extra after PDU]");
    }
    if nd.vflag > 0 {
        nd.s(b"{ ");
    }
    if !asn1::print(nd, &pdu)? {
        return Ok(());
    }
    nd.s(b" ");
    let (np, length) = (pdu.data, pdu.asnlen as usize);
    if version == 0 && matches!(pdu.id, GETBULKREQ | INFORMREQ | V2TRAP | REPORT) {
        nd.s(b"[v2 PDU in v1 message]");
        return Ok(());
    }
    if version == 1 && pdu.id == TRAP {
        nd.s(b"[v1 PDU in v2 message]");
        return Ok(());
    }
    match pdu.id {
        TRAP => trappdu_print(nd, np, length)?,
        _ => snmppdu_print(nd, pdu.id, np, length)?,
    }
    if nd.vflag > 0 {
        nd.s(b" } ");
    }
    Ok(())
}

/// The PDU types whose error status and index must be zero.
fn request_class(pduid: u8) -> bool {
    matches!(
        pduid,
        GETREQ | GETNEXTREQ | SETREQ | INFORMREQ | V2TRAP | REPORT
    )
}

/// `snmppdu_print`: request id (-v), error status and index, variable bindings.
fn snmppdu_print(nd: &mut Nd, pduid: u8, mut np: usize, mut length: usize) -> R {
    let (e, count) = parse!(nd, np, length);
    let Some(reqid) = int_of(&e) else {
        return wrong(nd, b"[reqId!=INT]", &e);
    };
    if nd.vflag > 0 {
        nd.s(b"R=");
        int(nd, reqid);
        nd.s(b" ");
    }
    length -= count;
    np += count;
    let (e, count) = parse!(nd, np, length);
    let Some(status) = int_of(&e) else {
        return wrong(nd, b"[errorStatus!=INT]", &e);
    };
    let mut error_status = 0;
    if request_class(pduid) && status != 0 {
        nd.s(b"[errorStatus(");
        self::error_status(nd, status);
        nd.s(b")!=0]");
    } else if pduid == GETBULKREQ {
        nd.s(b" N=");
        int(nd, status);
    } else if status != 0 {
        nd.s(b" ");
        self::error_status(nd, status);
        error_status = status;
    }
    length -= count;
    np += count;
    let (e, count) = parse!(nd, np, length);
    let Some(index) = int_of(&e) else {
        return wrong(nd, b"[errorIndex!=INT]", &e);
    };
    if request_class(pduid) && index != 0 {
        nd.s(b"[errorIndex(");
        int(nd, index);
        nd.s(b")!=0]");
    } else if pduid == GETBULKREQ {
        nd.s(b" M=");
        int(nd, index);
    } else if index != 0 {
        if error_status == 0 {
            nd.s(b"[errorIndex(");
            int(nd, index);
            nd.s(b") w/o errorStatus]");
        } else {
            nd.s(b"@");
            int(nd, index);
        }
    } else if error_status != 0 {
        nd.s(b"[errorIndex==0]");
    }
    varbind_print(nd, pduid, np + count, length - count)
}

/// `trappdu_print`: a v1 trap's enterprise, agent, generic and specific trap, time stamp.
fn trappdu_print(nd: &mut Nd, mut np: usize, mut length: usize) -> R {
    nd.s(b" ");
    let (e, count) = parse!(nd, np, length);
    if e.typ != Type::Oid {
        return wrong(nd, b"[enterprise!=OID]", &e);
    }
    if !asn1::print(nd, &e)? {
        return Ok(());
    }
    length -= count;
    np += count;
    nd.s(b" ");
    let (e, count) = parse!(nd, np, length);
    if e.typ != Type::InetAddr {
        return wrong(nd, b"[agent-addr!=INETADDR]", &e);
    }
    if !asn1::print(nd, &e)? {
        return Ok(());
    }
    length -= count;
    np += count;
    let (e, count) = parse!(nd, np, length);
    let Some(generic) = int_of(&e) else {
        return wrong(nd, b"[generic-trap!=INT]", &e);
    };
    nd.s(b" ");
    match GENERIC_TRAP.get(generic as usize).filter(|_| generic >= 0) {
        Some(s) => nd.st(s),
        None => {
            nd.s(b"gt=");
            int(nd, generic);
        }
    }
    length -= count;
    np += count;
    let (e, count) = parse!(nd, np, length);
    let Some(specific) = int_of(&e) else {
        return wrong(nd, b"[specific-trap!=INT]", &e);
    };
    if generic != 6 {
        if specific != 0 {
            nd.s(b"[specific-trap(");
            int(nd, specific);
            nd.s(b")!=0]");
        }
    } else {
        nd.s(b" s=");
        int(nd, specific);
    }
    length -= count;
    np += count;
    nd.s(b" ");
    let (e, count) = parse!(nd, np, length);
    if !matches!(e.typ, Type::Uns(_)) {
        return wrong(nd, b"[time-stamp!=TIMETICKS]", &e);
    }
    if !asn1::print(nd, &e)? {
        return Ok(());
    }
    varbind_print(nd, TRAP, np + count, length - count)
}

/// `varbind_print`: " name=value" per binding (requests show names only).
fn varbind_print(nd: &mut Nd, pduid: u8, np: usize, length: usize) -> R {
    let (e, count) = parse!(nd, np, length);
    if e.typ != Type::Seq {
        return wrong(nd, b"[!SEQ of varbind]", &e);
    }
    if count < length {
        extra(nd, b"[", length - count, b" extra after SEQ of varbind]");
    }
    let request = matches!(pduid, GETREQ | GETNEXTREQ | GETBULKREQ);
    let (mut np, mut length) = (e.data, e.asnlen as usize);
    while length > 0 {
        nd.s(b" ");
        let (e, count) = parse!(nd, np, length);
        if e.typ != Type::Seq {
            return wrong(nd, b"[!varbind]", &e);
        }
        let vbend = np + count;
        let vblength = length - count;
        let (mut vp, mut vlen) = (e.data, e.asnlen as usize);
        let (e, count) = parse!(nd, vp, vlen);
        if e.typ != Type::Oid {
            return wrong(nd, b"[objName!=OID]", &e);
        }
        if !asn1::print(nd, &e)? {
            return Ok(());
        }
        vlen -= count;
        vp += count;
        if !request {
            nd.s(b"=");
        }
        let (e, _) = parse!(nd, vp, vlen);
        if e.typ != Type::Null {
            if request {
                nd.s(b"[objVal!=NULL]");
            }
            if !asn1::print(nd, &e)? {
                return Ok(());
            }
        }
        length = vblength;
        np = vbend;
    }
    Ok(())
}

/// `v3msg_print`: the header data (-v), the security parameters and the scoped PDU.
fn v3msg_print(nd: &mut Nd, np0: usize, length0: usize) -> R {
    let (e, _) = parse!(nd, np0, length0);
    if e.typ != Type::Seq {
        return wrong(nd, b"[!message]", &e);
    }
    let (mut np, mut length) = (e.data, e.asnlen as usize);
    if nd.vflag > 0 {
        nd.s(b"{ ");
    }
    let (e, count) = parse!(nd, np, length);
    if int_of(&e).is_none() {
        return wrong(nd, b"[msgID!=INT]", &e);
    }
    length -= count;
    np += count;
    let (e, count) = parse!(nd, np, length);
    if int_of(&e).is_none() {
        return wrong(nd, b"[msgMaxSize!=INT]", &e);
    }
    length -= count;
    np += count;
    let (e, count) = parse!(nd, np, length);
    if e.typ != Type::Str {
        return wrong(nd, b"[msgFlags!=STR]", &e);
    }
    if e.asnlen != 1 {
        nd.s(b"[msgFlags size ");
        int(nd, e.asnlen as i32);
        nd.s(b"]");
        return Ok(());
    }
    let flags = nd.u1(e.data)?;
    if !matches!(flags, 0 | 1 | 3 | 4 | 5 | 7) {
        nd.s(b"[msgFlags=0x");
        const HEX: &[u8; 16] = b"0123456789ABCDEF";
        nd.out.push(HEX[(flags >> 4) as usize]);
        nd.out.push(HEX[(flags & 15) as usize]);
        nd.s(b"]");
        return Ok(());
    }
    length -= count;
    np += count;
    nd.s(b"F=");
    if flags & 1 != 0 {
        nd.s(b"a");
    }
    if flags & 2 != 0 {
        nd.s(b"p");
    }
    if flags & 4 != 0 {
        nd.s(b"r");
    }
    nd.s(b" ");
    let (e, count) = parse!(nd, np, length);
    let Some(model) = int_of(&e) else {
        return wrong(nd, b"[msgSecurityModel!=INT]", &e);
    };
    length -= count;
    np += count;
    if count < length {
        extra(nd, b"[", length - count, b" extra after message SEQ]");
    }
    if nd.vflag > 0 {
        nd.s(b"} ");
    }
    if model != 3 {
        nd.s(b"[security model ");
        int(nd, model);
        nd.s(b"]");
        return Ok(());
    }
    if nd.vflag > 0 {
        nd.s(b"{ USM ");
    }
    // The security parameters follow the header data inside the message sequence; C
    // measures what is left from the start of the whole message.
    let mut length = length0.wrapping_sub(np - np0);
    let (e, count) = parse!(nd, np, length);
    if e.typ != Type::Str {
        return wrong(nd, b"[msgSecurityParameters!=STR]", &e);
    }
    length -= count;
    np += count;
    usm_print(nd, e.data, e.asnlen as usize)?;
    if nd.vflag > 0 {
        nd.s(b"} ");
    }
    if nd.vflag > 0 {
        nd.s(b"{ ScopedPDU ");
    }
    scopedpdu_print(nd, np, length, 3)?;
    if nd.vflag > 0 {
        nd.s(b"} ");
    }
    Ok(())
}

/// `usm_print`: engine boots and time (-v), user name.
fn usm_print(nd: &mut Nd, mut np: usize, mut length: usize) -> R {
    let (e, _) = parse!(nd, np, length);
    if e.typ != Type::Seq {
        return wrong(nd, b"[!usm]", &e);
    }
    length = e.asnlen as usize;
    np = e.data;
    let (e, count) = parse!(nd, np, length);
    if e.typ != Type::Str {
        return wrong(nd, b"[msgAuthoritativeEngineID!=STR]", &e);
    }
    length -= count;
    np += count;
    let (e, count) = parse!(nd, np, length);
    let Some(boots) = int_of(&e) else {
        return wrong(nd, b"[msgAuthoritativeEngineBoots!=INT]", &e);
    };
    if nd.vflag > 0 {
        nd.s(b"B=");
        int(nd, boots);
        nd.s(b" ");
    }
    length -= count;
    np += count;
    let (e, count) = parse!(nd, np, length);
    let Some(time) = int_of(&e) else {
        return wrong(nd, b"[msgAuthoritativeEngineTime!=INT]", &e);
    };
    if nd.vflag > 0 {
        nd.s(b"T=");
        int(nd, time);
        nd.s(b" ");
    }
    length -= count;
    np += count;
    let (e, count) = parse!(nd, np, length);
    if e.typ != Type::Str {
        return wrong(nd, b"[msgUserName!=STR]", &e);
    }
    length -= count;
    np += count;
    nd.s(b"U=");
    if !asn1::print_string(nd, &e)? {
        return Ok(());
    }
    nd.s(b" ");
    let (e, count) = parse!(nd, np, length);
    if e.typ != Type::Str {
        return wrong(nd, b"[msgAuthenticationParameters!=STR]", &e);
    }
    length -= count;
    np += count;
    let (e, count) = parse!(nd, np, length);
    if e.typ != Type::Str {
        return wrong(nd, b"[msgPrivacyParameters!=STR]", &e);
    }
    length -= count;
    if count < length {
        extra(nd, b"[", length - count, b" extra after usm SEQ]");
    }
    Ok(())
}

/// `scopedpdu_print`: context engine id and name, then the PDU.
fn scopedpdu_print(nd: &mut Nd, np: usize, length: usize, version: i32) -> R {
    let (e, _) = parse!(nd, np, length);
    if e.typ != Type::Seq {
        return wrong(nd, b"[!scoped PDU]", &e);
    }
    let (mut np, mut length) = (e.data, e.asnlen as usize);
    let (e, count) = parse!(nd, np, length);
    if e.typ != Type::Str {
        return wrong(nd, b"[contextEngineID!=STR]", &e);
    }
    length -= count;
    np += count;
    nd.s(b"E=");
    if !asn1::print_octets(nd, &e)? {
        return Ok(());
    }
    nd.s(b" ");
    let (e, count) = parse!(nd, np, length);
    if e.typ != Type::Str {
        return wrong(nd, b"[contextName!=STR]", &e);
    }
    length -= count;
    np += count;
    nd.s(b"C=");
    if !asn1::print_string(nd, &e)? {
        return Ok(());
    }
    nd.s(b" ");
    pdu_print(nd, np, length, version)
}
