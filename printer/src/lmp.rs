//! LMP, the Link Management Protocol (tcpdump's print-lmp.c, RFC 4204 and the UNI 1.0
//! service discovery objects), UDP port 701: the message type, and with -v the header and
//! each object (control channel, node, link and interface ids, hello, TE and data links
//! with their subobjects, verification, channel status, error codes, service config).

use super::fmt;
use super::gmpls;
use super::nd::{Nd, R};
use super::tok::{self, Tok};

const HEADER_FLAGS: Tok = &[(0x01, "Control Channel Down"), (0x02, "LMP restart")];
const TE_LINK_FLAGS: Tok = &[
    (0x01, "Fault Management Supported"),
    (0x02, "Link Verification Supported"),
];
const DATA_LINK_FLAGS: Tok = &[
    (0x01, "Data Link Port"),
    (0x02, "Allocated for user traffic"),
    (0x04, "Failed link"),
];
const CHANNEL_STATUS: Tok = &[
    (1, "Signal Okay"),
    (2, "Signal Degraded"),
    (3, "Signal Fail"),
];
const BEGIN_VERIFY_FLAGS: Tok = &[(0x0001, "Verify all links"), (0x0002, "Data link type")];
const BEGIN_VERIFY_ERRORS: Tok = &[
    (0x01, "Link Verification Procedure Not supported"),
    (0x02, "Unwilling to verify"),
    (0x04, "Unsupported verification transport mechanism"),
    (0x08, "Link-Id configuration error"),
    (0x10, "Unknown object c-type"),
];
const LINK_SUMMARY_ERRORS: Tok = &[
    (0x01, "Unacceptable non-negotiable LINK-SUMMARY parameters"),
    (0x02, "Renegotiate LINK-SUMMARY parameters"),
    (0x04, "Invalid TE-LINK Object"),
    (0x08, "Invalid DATA-LINK Object"),
    (0x10, "Unknown TE-LINK Object c-type"),
    (0x20, "Unknown DATA-LINK Object c-type"),
];
const SP_FLAGS: Tok = &[(0x01, "RSVP Supported"), (0x02, "LDP Supported")];
const CPSA_TP_FLAGS: Tok = &[
    (0x01, "Path/VC Overhead Transparency Supported"),
    (0x02, "Line/MS Overhead Transparency Supported"),
    (0x04, "Section/RS Overhead Transparency Supported"),
];
const CPSA_CCT_FLAGS: Tok = &[(0x01, "Contiguous Concatenation Types Supported")];
const NSA_TRANSPARENCY_FLAGS: Tok = &[
    (0x01, "Standard SOH/RSOH Transparency Supported"),
    (0x02, "Standard LOH/MSOH Transparency Supported"),
];
const NSA_TCM_FLAGS: Tok = &[(0x01, "Transparent Tandem Connection Monitoring Supported")];
const NSA_DIVERSITY_FLAGS: Tok = &[
    (0x01, "Node Diversity Supported"),
    (0x02, "Link Diversity Supported"),
    (0x04, "SRLG Diversity Supported"),
];

const MSG_TYPES: Tok = &[
    (1, "Config"),
    (2, "Config ACK"),
    (3, "Config NACK"),
    (4, "Hello"),
    (5, "Begin Verify"),
    (6, "Begin Verify ACK"),
    (7, "Begin Verify NACK"),
    (8, "End Verify"),
    (9, "End Verify ACK"),
    (10, "Test"),
    (11, "Test Status Success"),
    (12, "Test Status Failure"),
    (13, "Test Status ACK"),
    (14, "Link Summary"),
    (15, "Link Summary ACK"),
    (16, "Link Summary NACK"),
    (17, "Channel Status"),
    (18, "Channel Status ACK"),
    (19, "Channel Status Request"),
    (20, "Channel Status Response"),
    (50, "Service Config"),
    (51, "Service Config ACK"),
    (52, "Service Config NACK"),
];

const OBJ_VALUES: Tok = &[
    (1, "Control Channel ID"),
    (2, "Node ID"),
    (3, "Link ID"),
    (4, "Interface ID"),
    (5, "Message ID"),
    (6, "Configuration"),
    (7, "Hello"),
    (8, "Verify Begin"),
    (9, "Verify Begin ACK"),
    (10, "Verify ID"),
    (11, "TE Link"),
    (12, "Data Link"),
    (13, "Channel Status"),
    (14, "Channel Status Request"),
    (20, "Error Code"),
    (51, "Service Config"),
];

const SUBOBJ: Tok = &[(1, "Interface Switching Type"), (2, "Wavelength")];

/// `lmp_ctype_values`, keyed by class * 256 + c-type.
const CTYPE_VALUES: Tok = &[
    (0x101, "Local"),
    (0x102, "Remote"),
    (0x201, "Local"),
    (0x202, "Remote"),
    (0x301, "IPv4 Local"),
    (0x302, "IPv4 Remote"),
    (0x303, "IPv6 Local"),
    (0x304, "IPv6 Remote"),
    (0x305, "Unnumbered Local"),
    (0x306, "Unnumbered Remote"),
    (0x401, "IPv4 Local"),
    (0x402, "IPv4 Remote"),
    (0x403, "IPv6 Local"),
    (0x404, "IPv6 Remote"),
    (0x405, "Unnumbered Local"),
    (0x406, "Unnumbered Remote"),
    (0x501, "1"),
    (0x502, "2"),
    (0x601, "1"),
    (0x701, "1"),
    (0x801, "1"),
    (0x901, "1"),
    (0xa01, "1"),
    (0xb01, "IPv4"),
    (0xb02, "IPv6"),
    (0xb03, "Unnumbered"),
    (0xc01, "IPv4"),
    (0xc02, "IPv6"),
    (0xc03, "Unnumbered"),
    (0xd01, "IPv4"),
    (0xd02, "IPv6"),
    (0xd03, "Unnumbered"),
    (0xe01, "IPv4"),
    (0xe02, "IPv6"),
    (0xe03, "Unnumbered"),
    (0x1401, "1"),
    (0x1402, "2"),
    (0x3301, "1"),
    (0x3302, "2"),
    (0x3303, "3"),
    (0x3304, "4"),
];

/// How an id is shown: as an IPv4 or IPv6 address, or a number (unnumbered).
#[derive(Clone, Copy, PartialEq)]
enum Id {
    V4,
    V6,
    Unnumbered,
}

impl Id {
    fn len(self) -> usize {
        if self == Id::V6 {
            16
        } else {
            4
        }
    }
}

/// "\n\t    LABEL: VALUE (0x%08x)", the hex of the id's first four bytes.
fn id_line(nd: &mut Nd, label: &[u8], at: usize, kind: Id) -> R {
    nd.need(at, kind.len())?;
    let first = nd.be4(at)?;
    nd.s(label);
    match kind {
        Id::V4 => nd.ip4(at)?,
        Id::V6 => nd.ip6(at)?,
        Id::Unnumbered => nd.u(first as u64),
    }
    nd.s(b" (0x");
    nd.x0(first as u64, 8);
    nd.s(b")");
    Ok(())
}

/// A float field in bytes per second, in Mbps as tcpdump computes it (single precision).
fn mbps(nd: &mut Nd, at: usize) -> R {
    let bits = nd.be4(at)?;
    fmt::mbps(nd.out, bits);
    nd.s(b" Mbps");
    Ok(())
}

/// "NAME (N)" with tok2str's "Unknown".
fn named(nd: &mut Nd, t: Tok, v: u32) {
    tok::tok2str(nd, t, "Unknown", v);
    nd.s(b" (");
    nd.u(v as u64);
    nd.s(b")");
}

/// `lmp_print_data_link_subobjs`: true when an unknown subobject asks for a hex dump.
fn data_link_subobjs(nd: &mut Nd, obj: usize, mut total: isize, mut offset: usize) -> R<bool> {
    while total > 0 {
        let (typ, len) = (nd.u1(obj + offset)?, nd.u1(obj + offset + 1)?);
        nd.s(b"\n\t    Subobject, Type: ");
        named(nd, SUBOBJ, typ as u32);
        nd.s(b", Length: ");
        nd.u(len as u64);
        if len < 4 {
            nd.s(b" (too short)");
            break;
        }
        if len % 4 != 0 {
            nd.s(b" (not a multiple of 4)");
            break;
        }
        if total < len as isize {
            nd.s(b" (goes past the end of the object)");
            break;
        }
        match typ {
            1 => {
                let sw = nd.u1(obj + offset + 2)?;
                nd.s(b"\n\t      Switching Type: ");
                named(nd, gmpls::SWITCH_CAP, sw as u32);
                let enc = nd.u1(obj + offset + 3)?;
                nd.s(b"\n\t      Encoding Type: ");
                named(nd, gmpls::ENCODING, enc as u32);
                nd.need(obj + offset + 4, 4)?;
                nd.s(b"\n\t      Min Reservable Bandwidth: ");
                mbps(nd, obj + offset + 4)?;
                nd.need(obj + offset + 8, 4)?;
                nd.s(b"\n\t      Max Reservable Bandwidth: ");
                mbps(nd, obj + offset + 8)?;
            }
            2 => {
                let w = nd.be4(obj + offset + 4)?;
                nd.s(b"\n\t      Wavelength: ");
                nd.u(w as u64);
            }
            // An unknown subobject ends the walk.
            _ => return Ok(true),
        }
        total -= len as isize;
        offset += len as usize;
    }
    Ok(false)
}

/// One channel status pair: the interface id, then the status word's bits.
fn channel_status(nd: &mut Nd, at: usize, kind: Id) -> R {
    id_line(nd, b"\n\t    Interface ID: ", at, kind)?;
    let w = nd.be4(at + kind.len())?;
    nd.s(b"\n\t\t    Active: ");
    nd.s(if w >> 31 != 0 {
        b"Allocated".as_slice()
    } else {
        b"Non-allocated"
    });
    nd.s(b" (");
    nd.u((w >> 31) as u64);
    nd.s(b")\n\t\t    Direction: ");
    nd.s(if (w >> 30) & 1 != 0 {
        b"Transmit".as_slice()
    } else {
        b"Receive"
    });
    nd.s(b" (");
    nd.u(((w >> 30) & 1) as u64);
    nd.s(b")\n\t\t    Channel Status: ");
    named(nd, CHANNEL_STATUS, w & 0x3ff_ffff);
    Ok(())
}

/// "\n\tPREFIX" and the flags of a `bittok2str` table.
fn flags_line(nd: &mut Nd, prefix: &[u8], t: Tok, v: u32) {
    nd.s(prefix);
    tok::bittok2str(nd, t, "none", v);
}

/// An object's body; true when tcpdump adds a hex dump of it.
fn object(nd: &mut Nd, class: u8, ctype: u8, o: usize, tlen: usize) -> R<bool> {
    let wrong = |nd: &mut Nd| {
        nd.s(b" (not correct for object)");
        Ok(false)
    };
    let kind = |ctype: u8| match ctype {
        1 => Some(Id::V4),
        2 => Some(Id::V6),
        3 => Some(Id::Unnumbered),
        _ => None,
    };
    match (class, ctype) {
        (1, 1 | 2) => {
            if tlen != 4 {
                return wrong(nd);
            }
            id_line(nd, b"\n\t    Control Channel ID: ", o, Id::Unnumbered)?;
        }
        (3 | 4, 1..=6) => {
            let (k, label): (Id, &[u8]) = match ctype {
                1 | 2 => (Id::V4, b"\n\t    IPv4 Link ID: "),
                3 | 4 => (Id::V6, b"\n\t    IPv6 Link ID: "),
                _ => (Id::Unnumbered, b"\n\t    Link ID: "),
            };
            if tlen != k.len() {
                return wrong(nd);
            }
            id_line(nd, label, o, k)?;
        }
        (5, 1 | 2) => {
            if tlen != 4 {
                return wrong(nd);
            }
            let label: &[u8] = if ctype == 1 {
                b"\n\t    Message ID: "
            } else {
                b"\n\t    Message ID Ack: "
            };
            id_line(nd, label, o, Id::Unnumbered)?;
        }
        (2, 1 | 2) => {
            if tlen != 4 {
                return wrong(nd);
            }
            id_line(nd, b"\n\t    Node ID: ", o, Id::V4)?;
        }
        (6, 1) => {
            if tlen != 4 {
                return wrong(nd);
            }
            let (a, b) = (nd.be2(o)?, nd.be2(o + 2)?);
            nd.s(b"\n\t    Hello Interval: ");
            nd.u(a as u64);
            nd.s(b"\n\t    Hello Dead Interval: ");
            nd.u(b as u64);
        }
        (7, 1) => {
            if tlen != 8 {
                return wrong(nd);
            }
            let (a, b) = (nd.be4(o)?, nd.be4(o + 4)?);
            nd.s(b"\n\t    Tx Seq: ");
            nd.u(a as u64);
            nd.s(b", Rx Seq: ");
            nd.u(b as u64);
        }
        (11 | 12, 1..=3) => {
            let k = kind(ctype).expect("1..=3");
            let need = 4 + 2 * k.len();
            let te = class == 11;
            if (te && tlen != need) || (!te && tlen < need) {
                return wrong(nd);
            }
            let f = nd.u1(o)?;
            flags_line(
                nd,
                b"\n\t    Flags: [",
                if te { TE_LINK_FLAGS } else { DATA_LINK_FLAGS },
                f as u32,
            );
            nd.s(b"]");
            let (local, remote): (&[u8], &[u8]) = if te {
                (b"\n\t    Local Link-ID: ", b"\n\t    Remote Link-ID: ")
            } else {
                (
                    b"\n\t    Local Interface ID: ",
                    b"\n\t    Remote Interface ID: ",
                )
            };
            nd.need(o + 4, 2 * k.len())?;
            id_line(nd, local, o + 4, k)?;
            id_line(nd, remote, o + 4 + k.len(), k)?;
            if !te {
                return data_link_subobjs(nd, o, tlen as isize - need as isize, need);
            }
        }
        (8, 1) => {
            if tlen != 20 {
                return wrong(nd);
            }
            let f = nd.be2(o)?;
            flags_line(nd, b"\n\t    Flags: ", BEGIN_VERIFY_FLAGS, f as u32);
            nd.s(b"\n\t    Verify Interval: ");
            nd.u(nd.be2(o + 2)? as u64);
            nd.s(b"\n\t    Data links: ");
            nd.u(nd.be4(o + 4)? as u64);
            let enc = nd.u1(o + 8)?;
            nd.s(b"\n\t    Encoding type: ");
            tok::tok2str(nd, gmpls::ENCODING, "Unknown", enc as u32);
            let mech = nd.be2(o + 10)?;
            nd.s(b"\n\t    Verify Transport Mechanism: ");
            nd.u(mech as u64);
            nd.s(b" (0x");
            nd.x(mech as u64);
            nd.s(b")");
            // tcpdump masks with decimal 8000, not 0x8000.
            if mech & 8000 != 0 {
                nd.s(b" (Payload test messages capable)");
            }
            nd.need(o + 12, 4)?;
            nd.s(b"\n\t    Transmission Rate: ");
            mbps(nd, o + 12)?;
            nd.s(b"\n\t    Wavelength: ");
            nd.u(nd.be4(o + 16)? as u64);
        }
        (9, 1) => {
            if tlen != 4 {
                return wrong(nd);
            }
            let (a, b) = (nd.be2(o)?, nd.be2(o + 2)?);
            nd.s(b"\n\t    Verify Dead Interval: ");
            nd.u(a as u64);
            nd.s(b"\n\t    Verify Transport Response: ");
            nd.u(b as u64);
        }
        (10, 1) => {
            if tlen != 4 {
                return wrong(nd);
            }
            let v = nd.be4(o)?;
            nd.s(b"\n\t    Verify ID: ");
            nd.u(v as u64);
        }
        (13, 1..=3) => {
            let k = kind(ctype).expect("1..=3");
            let mut off = 0;
            while off + k.len() + 4 <= tlen {
                channel_status(nd, o + off, k)?;
                off += k.len() + 4;
            }
        }
        (14, 1..=3) => {
            let k = kind(ctype).expect("1..=3");
            let mut off = 0;
            while off + k.len() <= tlen {
                id_line(nd, b"\n\t    Interface ID: ", o + off, k)?;
                off += k.len();
            }
        }
        (20, 1 | 2) => {
            if tlen != 4 {
                return wrong(nd);
            }
            let v = nd.be4(o)?;
            let t = if ctype == 1 {
                BEGIN_VERIFY_ERRORS
            } else {
                LINK_SUMMARY_ERRORS
            };
            flags_line(nd, b"\n\t    Error Code: ", t, v);
        }
        (51, 1) => {
            if tlen != 4 {
                return wrong(nd);
            }
            let f = nd.u1(o)?;
            flags_line(nd, b"\n\t Flags: ", SP_FLAGS, f as u32);
            nd.s(b"\n\t  UNI Version: ");
            nd.u(nd.u1(o + 1)? as u64);
        }
        (51, 2) => {
            if tlen != 16 {
                return wrong(nd);
            }
            let link_type = nd.u1(o)?;
            nd.s(b"\n\t Link Type: ");
            named(nd, gmpls::CPSA_LINK_TYPE, link_type as u32);
            let signals = match link_type {
                5 => Some(gmpls::CPSA_SIGNAL_SDH),
                6 => Some(gmpls::CPSA_SIGNAL_SONET),
                _ => None,
            };
            if let Some(t) = signals {
                let s = nd.u1(o + 1)?;
                nd.s(b"\n\t Signal Type: ");
                named(nd, t, s as u32);
            }
            let tp = nd.u1(o + 2)?;
            flags_line(nd, b"\n\t Transparency: ", CPSA_TP_FLAGS, tp as u32);
            let cct = nd.u1(o + 3)?;
            flags_line(
                nd,
                b"\n\t Contiguous Concatenation Types: ",
                CPSA_CCT_FLAGS,
                cct as u32,
            );
            for (label, at) in [
                (b"\n\t Minimum NCC: ".as_slice(), o + 4),
                (b"\n\t Maximum NCC: ", o + 6),
                (b"\n\t Minimum NVC:", o + 8),
                (b"\n\t Maximum NVC:", o + 10),
            ] {
                let v = nd.be2(at)?;
                nd.s(label);
                nd.u(v as u64);
            }
            id_line(nd, b"\n\t    Local Interface ID: ", o + 12, Id::V4)?;
        }
        (51, 3) => {
            if tlen != 8 {
                return wrong(nd);
            }
            let t = nd.be4(o)?;
            flags_line(nd, b"\n\t Transparency Flags: ", NSA_TRANSPARENCY_FLAGS, t);
            let m = nd.u1(o + 7)?;
            flags_line(nd, b"\n\t TCM Monitoring Flags: ", NSA_TCM_FLAGS, m as u32);
        }
        (51, 4) => {
            if tlen != 4 {
                return wrong(nd);
            }
            let d = nd.u1(o + 3)?;
            flags_line(
                nd,
                b"\n\t Diversity: Flags: ",
                NSA_DIVERSITY_FLAGS,
                d as u32,
            );
        }
        // A known class with an unknown c-type.
        (1..=14 | 20 | 51, _) => return Ok(true),
        _ => {
            if nd.vflag <= 1 {
                nd.unknown_data(o, b"\n\t    ", tlen)?;
            }
        }
    }
    Ok(false)
}

/// `tok2str(lmp_msg_type_values, fmt, v)` with the unknown format `unknown` + the number
/// (+ `close`).
fn msg_type(nd: &mut Nd, v: u8, unknown: &[u8], close: &[u8]) {
    match tok::name(MSG_TYPES, v as u32) {
        Some(n) => nd.st(n),
        None => {
            nd.s(unknown);
            nd.u(v as u64);
            nd.s(close);
        }
    }
}

/// `lmp_print`.
pub(crate) fn lmp_print(nd: &mut Nd, pptr: usize, length: usize) -> R {
    nd.proto = "lmp";
    nd.need(pptr, 8)?;
    let version = (nd.be2(pptr)? >> 12) & 0xf;
    if version != 1 {
        nd.s(b"LMP version ");
        nd.u(version as u64);
        nd.s(b" packet not supported");
        return Ok(());
    }
    let typ = nd.u1(pptr + 3)?;
    if nd.vflag < 1 {
        nd.s(b"LMPv1 ");
        msg_type(nd, typ, b"unknown (", b")");
        nd.s(b" Message, length: ");
        nd.u(length as u64);
        return Ok(());
    }
    let mut tlen = nd.be2(pptr + 4)? as usize;
    let flags = nd.u1(pptr + 2)?;
    nd.s(b"\n\tLMPv1, msg-type: ");
    msg_type(nd, typ, b"unknown, type: ", b"");
    nd.s(b", Flags: [");
    tok::bittok2str(nd, HEADER_FLAGS, "none", flags as u32);
    nd.s(b"], length: ");
    nd.u(tlen as u64);
    if tlen < 8 {
        nd.s(b" (too short)");
        return Ok(());
    }
    if tlen > length {
        nd.s(b" (too long)");
        tlen = length;
    }
    let mut tptr = pptr + 8;
    tlen -= 8;
    while tlen > 0 {
        let obj_len = nd.be2(tptr + 2)? as usize;
        let ctype_byte = nd.u1(tptr)?;
        let ctype = ctype_byte & 0x7f;
        let class = nd.u1(tptr + 1)?;
        nd.s(b"\n\t  ");
        tok::tok2str(nd, OBJ_VALUES, "Unknown", class as u32);
        nd.s(b" Object (");
        nd.u(class as u64);
        nd.s(b"), Class-Type: ");
        tok::tok2str(
            nd,
            CTYPE_VALUES,
            "Unknown",
            ((class as u32) << 8) + ctype as u32,
        );
        nd.s(b" (");
        nd.u(ctype as u64);
        nd.s(b") Flags: [");
        if ctype_byte & 0x80 == 0 {
            nd.s(b"non-");
        }
        nd.s(b"negotiable], length: ");
        nd.u(obj_len as u64);
        if obj_len < 4 {
            nd.s(b" (too short)");
            return Ok(());
        }
        if obj_len % 4 != 0 {
            nd.s(b" (not a multiple of 4)");
            return Ok(());
        }
        nd.need(tptr, obj_len)?;
        let hexdump = object(nd, class, ctype, tptr + 4, obj_len - 4)?;
        if nd.vflag > 1 || hexdump {
            nd.unknown_data(tptr + 4, b"\n\t    ", obj_len - 4)?;
        }
        if tlen < obj_len {
            nd.s(b" [remaining objects length ");
            nd.u(tlen as u64);
            nd.s(b" < ");
            nd.u(obj_len as u64);
            nd.s(b"]");
            nd.invalid();
            break;
        }
        tptr += obj_len;
        tlen -= obj_len;
    }
    Ok(())
}
