//! L2TP (tcpdump's print-l2tp.c), UDP 1701: the header's flags, tunnel and session ids and
//! sequence numbers; control messages with each AVP decoded (message type, result codes,
//! host and vendor names, capabilities, ids, ...; hidden ones as "???"), data messages with
//! the PPP frame they carry ([`ppp`]). L2F only by name.

use super::nd::{Nd, R};
use super::ppp;
use super::tok::{self, Tok};

const FLAG_TYPE: u16 = 0x8000;
const FLAG_LENGTH: u16 = 0x4000;
const FLAG_SEQUENCE: u16 = 0x0800;
const FLAG_OFFSET: u16 = 0x0200;
const FLAG_PRIORITY: u16 = 0x0100;

const AVP_MANDATORY: u16 = 0x8000;
const AVP_HIDDEN: u16 = 0x4000;
const AVP_LEN_MASK: u16 = 0x03ff;

/// `l2tp_msgtype2str`.
const MSGTYPE: Tok = &[
    (1, "SCCRQ"),
    (2, "SCCRP"),
    (3, "SCCCN"),
    (4, "StopCCN"),
    (6, "HELLO"),
    (7, "OCRQ"),
    (8, "OCRP"),
    (9, "OCCN"),
    (10, "ICRQ"),
    (11, "ICRP"),
    (12, "ICCN"),
    (14, "CDN"),
    (15, "WEN"),
    (16, "SLI"),
];

/// `l2tp_avp2str`.
const AVP: Tok = &[
    (0, "MSGTYPE"),
    (1, "RESULT_CODE"),
    (2, "PROTO_VER"),
    (3, "FRAMING_CAP"),
    (4, "BEARER_CAP"),
    (5, "TIE_BREAKER"),
    (6, "FIRM_VER"),
    (7, "HOST_NAME"),
    (8, "VENDOR_NAME"),
    (9, "ASSND_TUN_ID"),
    (10, "RECV_WIN_SIZE"),
    (11, "CHALLENGE"),
    (12, "Q931_CC"),
    (13, "CHALLENGE_RESP"),
    (14, "ASSND_SESS_ID"),
    (15, "CALL_SER_NUM"),
    (16, "MINIMUM_BPS"),
    (17, "MAXIMUM_BPS"),
    (18, "BEARER_TYPE"),
    (19, "FRAMING_TYPE"),
    (20, "PACKET_PROC_DELAY"),
    (21, "CALLED_NUMBER"),
    (22, "CALLING_NUMBER"),
    (23, "SUB_ADDRESS"),
    (24, "TX_CONN_SPEED"),
    (25, "PHY_CHANNEL_ID"),
    (26, "INI_RECV_LCP"),
    (27, "LAST_SENT_LCP"),
    (28, "LAST_RECV_LCP"),
    (29, "PROXY_AUTH_TYPE"),
    (30, "PROXY_AUTH_NAME"),
    (31, "PROXY_AUTH_CHAL"),
    (32, "PROXY_AUTH_ID"),
    (33, "PROXY_AUTH_RESP"),
    (34, "CALL_ERRORS"),
    (35, "ACCM"),
    (36, "RANDOM_VECTOR"),
    (37, "PRIVATE_GRP_ID"),
    (38, "RX_CONN_SPEED"),
    (39, "SEQ_REQUIRED"),
    (46, "PPP_DISCON_CC"),
];

/// `l2tp_authentype2str`.
const AUTHENTYPE: Tok = &[
    (0, "Reserved"),
    (1, "Textual"),
    (2, "CHAP"),
    (3, "PAP"),
    (4, "No Auth"),
    (5, "MS-CHAPv1"),
];

/// `l2tp_cc_direction2str`.
const CC_DIRECTION: Tok = &[(0, "global error"), (1, "at peer"), (2, "at local")];

/// `tok2str(t, "PREFIX-#%u", v)`.
fn tok_or(nd: &mut Nd, t: Tok, prefix: &[u8], v: u32) {
    match tok::name(t, v) {
        Some(n) => nd.st(n),
        None => {
            nd.s(prefix);
            nd.s(b"-#");
            nd.u(v as u64);
        }
    }
}

/// `print_string`.
fn string(nd: &mut Nd, dat: usize, length: usize) -> R {
    for i in 0..length {
        let c = nd.u1(dat + i)?;
        nd.print_char(c);
    }
    Ok(())
}

/// `print_octets`.
fn octets(nd: &mut Nd, dat: usize, length: usize) -> R {
    for i in 0..length {
        let c = nd.u1(dat + i)?;
        nd.x0(c as u64, 2);
    }
    Ok(())
}

fn too_short(nd: &mut Nd) {
    nd.s(b"AVP too short");
}

/// Two flags of a 32-bit value, as the capability and type AVPs print them.
fn two_flags(nd: &mut Nd, dat: usize, length: usize, hi: &[u8], lo: &[u8]) -> R {
    if length < 4 {
        too_short(nd);
        return Ok(());
    }
    let v = nd.be4(dat)?;
    if v & 2 != 0 {
        nd.s(hi);
    }
    if v & 1 != 0 {
        nd.s(lo);
    }
    Ok(())
}

/// `l2tp_call_errors_print` and `l2tp_accm_print`: a reserved 16-bit field, then 32-bit
/// values, each checked against the AVP's length.
fn u32_fields(nd: &mut Nd, mut dat: usize, mut length: usize, names: &[&[u8]], hex: bool) -> R {
    if length < 2 {
        too_short(nd);
        return Ok(());
    }
    dat += 2;
    length -= 2;
    for name in names {
        if length < 4 {
            too_short(nd);
            return Ok(());
        }
        let v = nd.be4(dat)?;
        dat += 4;
        length -= 4;
        nd.s(name);
        if hex {
            nd.x0(v as u64, 8);
        } else {
            nd.u(v as u64);
        }
        nd.s(b" ");
    }
    Ok(())
}

/// An IETF AVP's value (the switch in `l2tp_avp_print`); `len` is the value's length.
fn avp_value(nd: &mut Nd, attr: u16, dat: usize, len: usize) -> R {
    match attr {
        0 => {
            if len < 2 {
                too_short(nd);
            } else {
                let v = nd.be2(dat)?;
                tok_or(nd, MSGTYPE, b"MSGTYPE", v as u32);
            }
        }
        1 => {
            if len < 2 {
                too_short(nd);
                return Ok(());
            }
            let v = nd.be2(dat)?;
            nd.u(v as u64);
            if len == 2 {
                return Ok(());
            }
            if len < 4 {
                nd.s(b" ");
                too_short(nd);
                return Ok(());
            }
            let e = nd.be2(dat + 2)?;
            nd.s(b"/");
            nd.u(e as u64);
            if len == 4 {
                return Ok(());
            }
            nd.s(b" ");
            string(nd, dat + 4, len - 4)?;
        }
        2 => {
            if len < 2 {
                too_short(nd);
            } else {
                let v = nd.be2(dat)?;
                nd.u((v >> 8) as u64);
                nd.s(b".");
                nd.u((v & 0xff) as u64);
            }
        }
        3 | 19 => two_flags(nd, dat, len, b"A", b"S")?,
        4 | 18 => two_flags(nd, dat, len, b"A", b"D")?,
        5 => {
            if len < 8 {
                too_short(nd);
            } else {
                octets(nd, dat, 8)?;
            }
        }
        6 | 9 | 10 | 14 => {
            if len < 2 {
                too_short(nd);
            } else {
                let v = nd.be2(dat)?;
                nd.u(v as u64);
            }
        }
        7 | 8 | 21 | 22 | 23 | 30 | 37 => string(nd, dat, len)?,
        11 | 26 | 27 | 28 | 31 | 33 | 36 => octets(nd, dat, len)?,
        12 => {
            if len < 3 {
                too_short(nd);
                return Ok(());
            }
            let v = nd.be2(dat)?;
            nd.u(v as u64);
            let m = nd.u1(dat + 2)?;
            nd.s(b", ");
            nd.x0(m as u64, 2);
            if len > 3 {
                nd.s(b" ");
                string(nd, dat + 3, len - 3)?;
            }
        }
        13 => {
            if len < 16 {
                too_short(nd);
            } else {
                octets(nd, dat, 16)?;
            }
        }
        15 | 16 | 17 | 24 | 25 | 38 => {
            if len < 4 {
                too_short(nd);
            } else {
                let v = nd.be4(dat)?;
                nd.u(v as u64);
            }
        }
        20 => nd.s(b"obsolete"),
        29 => {
            if len < 2 {
                too_short(nd);
            } else {
                let v = nd.be2(dat)?;
                tok_or(nd, AUTHENTYPE, b"AuthType", v as u32);
            }
        }
        32 => {
            if len < 2 {
                too_short(nd);
            } else {
                let v = nd.be2(dat)?;
                nd.u((v & 0xff) as u64);
            }
        }
        34 => u32_fields(
            nd,
            dat,
            len,
            &[
                b"CRCErr=",
                b"FrameErr=",
                b"HardOver=",
                b"BufOver=",
                b"Timeout=",
                b"AlignErr=",
            ],
            false,
        )?,
        35 => u32_fields(nd, dat, len, &[b"send=", b"recv="], true)?,
        46 => {
            if len < 5 {
                too_short(nd);
                return Ok(());
            }
            let code = nd.be2(dat)?;
            nd.x0(code as u64, 4);
            nd.s(b", ");
            let proto = nd.be2(dat + 2)?;
            nd.x0(proto as u64, 4);
            nd.s(b" ");
            let dir = nd.u1(dat + 4)?;
            tok_or(nd, CC_DIRECTION, b"Direction", dir as u32);
            if len > 5 {
                nd.s(b" ");
                string(nd, dat + 5, len - 5)?;
            }
        }
        // SEQ_REQUIRED has no value; others are not decoded.
        _ => {}
    }
    Ok(())
}

/// `l2tp_avp_print`: one AVP; its length, or 0 when it is malformed or cut short (" [|l2tp]"
/// printed).
fn avp_print(nd: &mut Nd, dat: usize, length: usize) -> R<usize> {
    nd.s(b" ");
    let flags = nd.be2(dat)?;
    let len = (flags & AVP_LEN_MASK) as usize;
    if len < 6 || len > length || !nd.ttest(dat, len) {
        nd.trunc();
        return Ok(0);
    }
    if flags & AVP_MANDATORY != 0 {
        nd.s(b"*");
    }
    let hidden = flags & AVP_HIDDEN != 0;
    if hidden {
        nd.s(b"?");
    }
    let vendor = nd.be2(dat + 2)?;
    if vendor != 0 {
        nd.s(b"VENDOR");
        nd.x0(vendor as u64, 4);
        nd.s(b":ATTR");
        let attr = nd.be2(dat + 4)?;
        nd.x0(attr as u64, 4);
        nd.s(b"(");
        octets(nd, dat + 6, len - 6)?;
        nd.s(b")");
    } else {
        let attr = nd.be2(dat + 4)?;
        tok_or(nd, AVP, b"AVP", attr as u32);
        nd.s(b"(");
        if hidden {
            nd.s(b"???");
        } else {
            avp_value(nd, attr, dat + 6, len - 6)?;
        }
        nd.s(b")");
    }
    Ok(len)
}

/// `l2tp_print`.
pub(crate) fn l2tp_print(nd: &mut Nd, dat: usize, length: usize) -> R {
    nd.proto = "l2tp";
    let flags = nd.be2(dat)?;
    match flags & 0x000f {
        2 => nd.s(b" l2tp:"),
        1 => {
            nd.s(b" l2f:");
            return Ok(());
        }
        _ => {
            nd.s(b" Unknown Version, neither L2F(1) nor L2TP(2)");
            return Ok(());
        }
    }
    nd.s(b"[");
    for (bit, c) in [
        (FLAG_TYPE, b"T"),
        (FLAG_LENGTH, b"L"),
        (FLAG_SEQUENCE, b"S"),
        (FLAG_OFFSET, b"O"),
        (FLAG_PRIORITY, b"P"),
    ] {
        if flags & bit != 0 {
            nd.s(c);
        }
    }
    nd.s(b"]");
    let mut ptr = dat + 2;
    let mut cnt = 2;
    let mut l2tp_len = 0;
    if flags & FLAG_LENGTH != 0 {
        l2tp_len = nd.be2(ptr)? as usize;
        ptr += 2;
        cnt += 2;
    }
    let tunnel = nd.be2(ptr)?;
    nd.s(b"(");
    nd.u(tunnel as u64);
    nd.s(b"/");
    let session = nd.be2(ptr + 2)?;
    nd.u(session as u64);
    nd.s(b")");
    ptr += 4;
    cnt += 4;
    if flags & FLAG_SEQUENCE != 0 {
        let ns = nd.be2(ptr)?;
        nd.s(b"Ns=");
        nd.u(ns as u64);
        nd.s(b",");
        let nr = nd.be2(ptr + 2)?;
        nd.s(b"Nr=");
        nd.u(nr as u64);
        ptr += 4;
        cnt += 4;
    }
    if flags & FLAG_OFFSET != 0 {
        let pad = nd.be2(ptr)? as usize;
        if !nd.ttest(ptr + 2, pad) {
            nd.trunc();
            return Ok(());
        }
        ptr += 2 + pad;
        cnt += 2 + pad;
    }
    let mut length = length;
    if flags & FLAG_LENGTH != 0 {
        if length < l2tp_len {
            nd.s(b" Length ");
            nd.u(l2tp_len as u64);
            nd.s(b" larger than packet");
            return Ok(());
        }
        length = l2tp_len;
    }
    if length < cnt {
        nd.s(b" Length ");
        nd.u(length as u64);
        nd.s(b" smaller than header length");
        return Ok(());
    }
    if flags & FLAG_TYPE != 0 {
        if flags & FLAG_LENGTH == 0 {
            nd.s(b" No length");
            return Ok(());
        }
        if length == cnt {
            nd.s(b" ZLB");
        }
        while length > cnt {
            let n = avp_print(nd, ptr, length - cnt)?;
            if n == 0 {
                break;
            }
            cnt += n;
            ptr += n;
        }
    } else {
        nd.s(b" {");
        ppp::ppp_print(nd, ptr, length - cnt)?;
        nd.s(b"}");
    }
    Ok(())
}
