//! OpenFlow, the version-independent part (tcpdump's print-openflow.c): TCP ports 6633 and
//! 6653, every message of the segment in turn (version, type, length, xid), the length checks
//! each message type declares, and the pieces the version printers share (vendor names,
//! bitmaps, opaque data). Version 1.0 is decoded by `openflow10`, 1.3 by `openflow13`; other
//! versions print their header only, as tcpdump 4.99 does.

use super::nd::{Nd, R};
use super::tok::{self, Tok};
use super::{openflow10, openflow13};

/// `OPENFLOW_PORT_OLD`, the port before IANA's assignment.
pub(crate) const PORT_OLD: u16 = 6633;
/// `OPENFLOW_PORT_IANA`.
pub(crate) const PORT_IANA: u16 = 6653;

const VER_1_0: u8 = 0x01;
const VER_1_3: u8 = 0x04;

/// `OF_HEADER_FIXLEN`: version, type, length, xid.
const HEADER_FIXLEN: usize = 8;

const OFVER_STR: Tok = &[
    (0x01, "1.0"),
    (0x02, "1.1"),
    (0x03, "1.2"),
    (0x04, "1.3"),
    (0x05, "1.4"),
    (0x06, "1.5"),
];

/// `onf_exp_str`: the experimenter IDs that are not OUIs.
const ONF_EXP_STR: Tok = &[
    (0x4f4e4600, "ONF Extensions"),
    (
        0xff000001,
        "Budapest University of Technology and Economics",
    ),
    (0xff000002, "NoviFlow"),
    (0xff000003, "L3+ Extensions, Vendor Neutral"),
    (0xff000004, "L4-L7 Extensions"),
    (0xff000005, "Wireless and Mobility Extensions"),
    (0xff000006, "Forwarding Abstractions Extensions"),
    (0xff000007, "Optical Transport Extensions"),
    (0xff000008, "Network Benchmarking Lab, NCTU"),
    (0xff000009, "Mobile Packet Core Extensions"),
    (0xff00000a, "MPLS-TP OpenFlow Extensions for SPTN"),
];

/// The body-length rule of a message type (`req_what`, `req_value`).
#[derive(Clone, Copy)]
pub(crate) enum Req {
    /// Any length.
    None,
    /// Exactly this many bytes past the header.
    Fix(usize),
    /// At least this many bytes past the header.
    Min(usize),
}

/// A body printer: `(nd, cp, len)`, the body past the common header.
pub(crate) type Decoder = fn(&mut Nd, usize, usize) -> R;

/// `struct of_msgtypeinfo`: the name, the body printer (None: not decoded) and the rule.
pub(crate) struct MsgType {
    pub name: &'static str,
    pub decoder: Option<Decoder>,
    pub req: Req,
}

impl MsgType {
    /// A row of a version's message-type table.
    pub(crate) const fn new(name: &'static str, decoder: Option<Decoder>, req: Req) -> MsgType {
        MsgType { name, decoder, req }
    }
}

/// `of10_error_print`/`of13_error_print`: the error type and code from the version's own
/// tables (`codes` by type), then the data.
pub(crate) fn error_print(nd: &mut Nd, cp: usize, len: usize, types: Tok, codes: &[Tok]) -> R {
    let typ = nd.be2(cp)?;
    nd.s(b"\n\t type ");
    tokf(nd, types, typ as u32, Unk::ParenHex("invalid", 4));
    let code = nd.be2(cp + 2)?;
    nd.s(b", code ");
    match codes.get(typ as usize) {
        Some(t) => tokf(nd, t, code as u32, Unk::ParenHex("invalid", 4)),
        None => {
            nd.s(b"invalid (0x");
            nd.x0(code as u64, 4);
            nd.s(b")");
        }
    }
    data_print(nd, cp + 4, len - 4)
}

/// What `tok2str` prints for a value missing from the table: its printf default.
#[derive(Clone, Copy)]
pub(crate) enum Unk {
    /// `"%u"`
    Dec,
    /// `"0x%0Nx"`
    Hex(usize),
    /// `"WORD (0x%0Nx)"`
    ParenHex(&'static str, usize),
    /// `"WORD (%u)"`
    ParenDec(&'static str),
    /// A format with no conversion, printed as it is.
    Lit(&'static str),
}

/// `tok2str(t, fmt, v)` with `fmt` as [`Unk`].
pub(crate) fn tokf(nd: &mut Nd, t: Tok, v: u32, unk: Unk) {
    if let Some(n) = tok::name(t, v) {
        nd.st(n);
        return;
    }
    match unk {
        Unk::Dec => nd.u(v as u64),
        Unk::Hex(w) => {
            nd.s(b"0x");
            nd.x0(v as u64, w);
        }
        Unk::ParenHex(word, w) => {
            nd.st(word);
            nd.s(b" (0x");
            nd.x0(v as u64, w);
            nd.s(b")");
        }
        Unk::ParenDec(word) => {
            nd.st(word);
            nd.s(b" (");
            nd.u(v as u64);
            nd.s(b")");
        }
        Unk::Lit(s) => nd.st(s),
    }
}

/// `GET_BE_U_8`.
pub(crate) fn be8(nd: &Nd, i: usize) -> R<u64> {
    nd.need(i, 8)?;
    Ok(((nd.be4(i)? as u64) << 32) | nd.be4(i + 4)? as u64)
}

/// `0x%016` PRIx64 of the 8 bytes at `i`, after `label`.
pub(crate) fn hex8(nd: &mut Nd, label: &[u8], i: usize) -> R {
    let v = be8(nd, i)?;
    nd.s(label);
    nd.x0(v, 16);
    Ok(())
}

/// `%` PRIu64 of the 8 bytes at `i`, after `label`.
pub(crate) fn dec8(nd: &mut Nd, label: &[u8], i: usize) -> R {
    let v = be8(nd, i)?;
    nd.s(label);
    nd.u(v);
    Ok(())
}

/// `%u` of the 4 bytes at `i`, after `label`.
pub(crate) fn dec4(nd: &mut Nd, label: &[u8], i: usize) -> R {
    let v = nd.be4(i)?;
    nd.s(label);
    nd.u(v as u64);
    Ok(())
}

/// `%u` of the 2 bytes at `i`, after `label`.
pub(crate) fn dec2(nd: &mut Nd, label: &[u8], i: usize) -> R {
    let v = nd.be2(i)?;
    nd.s(label);
    nd.u(v as u64);
    Ok(())
}

/// `0x%08x` of the 4 bytes at `i`, after `label`; returns the value.
pub(crate) fn hex4(nd: &mut Nd, label: &[u8], i: usize) -> R<u32> {
    let v = nd.be4(i)?;
    nd.s(label);
    nd.x0(v as u64, 8);
    Ok(v)
}

/// `label` and the MAC address at `i` (`GET_ETHERADDR_STRING`, fetched before printing).
pub(crate) fn mac(nd: &mut Nd, label: &[u8], i: usize) -> R {
    nd.need(i, 6)?;
    nd.s(label);
    nd.mac(i)
}

/// `label` and the IPv4 address at `i` (`GET_IPADDR_STRING`, fetched before printing).
pub(crate) fn ip4(nd: &mut Nd, label: &[u8], i: usize) -> R {
    nd.need(i, 4)?;
    nd.s(label);
    nd.ip4(i)
}

/// `label '` the NUL-padded string of `n` bytes at `i` `'` (`nd_printjnp`).
pub(crate) fn name(nd: &mut Nd, label: &[u8], i: usize, n: usize) -> R {
    nd.s(label);
    nd.s(b"'");
    nd.printjnp(i, n)?;
    nd.s(b"'");
    Ok(())
}

/// `of_vendor_name`: an OUI, or an ONF experimenter ID.
pub(crate) fn vendor_name(nd: &mut Nd, vendor: u32) {
    let t = if vendor & 0xff00_0000 == 0 {
        tok::OUI
    } else {
        ONF_EXP_STR
    };
    tok::tok2str(nd, t, "unknown", vendor);
}

/// `of_bitmap_print`: the names of the assigned bits set in `v`, then " (bogus)" if any bit
/// of `u` (the unassigned ones) is set.
pub(crate) fn bitmap(nd: &mut Nd, t: Tok, v: u32, u: u32) {
    if v & !u != 0 {
        nd.s(b" (");
        tok::bittok2str(nd, t, "", v);
        nd.s(b")");
    }
    if v & u != 0 {
        nd.s(b" (bogus)");
    }
}

/// `of_data_print`: the length of opaque data, dumped with -vv.
pub(crate) fn data_print(nd: &mut Nd, cp: usize, len: usize) -> R {
    if len == 0 {
        return Ok(());
    }
    nd.s(b"\n\t data (");
    nd.u(len as u64);
    nd.s(b" octets)");
    if nd.vflag >= 2 {
        nd.hex_and_ascii(b"\n\t  ", cp, len)
    } else {
        nd.need(cp, len)
    }
}

/// The `invalid:` label most printers share: " (invalid)", then the rest must be captured.
pub(crate) fn invalid(nd: &mut Nd, cp: usize, len: usize) -> R {
    nd.invalid();
    nd.need(cp, len)
}

/// `of_message_print`: the body of one message, `len` bytes past its header at `cp`.
fn message_print(nd: &mut Nd, cp: usize, len: usize, mti: Option<&MsgType>) -> R {
    let Some(mti) = mti else {
        return nd.need(cp, len);
    };
    let bad = match mti.req {
        Req::None => false,
        Req::Fix(v) => len != v,
        Req::Min(v) => len < v,
    };
    if bad {
        return invalid(nd, cp, len);
    }
    match mti.decoder {
        Some(decoder) if nd.vflag > 0 => decoder(nd, cp, len),
        _ => nd.need(cp, len),
    }
}

/// `openflow_print`: a TCP segment's worth of messages, the segment presumed to begin on a
/// message boundary. A message running past the segment is decoded as far as it goes and
/// ends the loop.
pub(crate) fn openflow_print(nd: &mut Nd, mut cp: usize, mut len: usize) -> R {
    nd.proto = "openflow";
    nd.s(b": OpenFlow");
    while len > 0 {
        let version = nd.u1(cp)?;
        cp += 1;
        len -= 1;
        nd.s(b"\n\tversion ");
        tokf(nd, OFVER_STR, version as u32, Unk::ParenHex("unknown", 2));
        if len < 1 {
            return partial_header(nd, cp, len);
        }
        let typ = nd.u1(cp)?;
        cp += 1;
        len -= 1;
        let mti = match version {
            VER_1_0 => openflow10::msgtype(typ),
            VER_1_3 => openflow13::msgtype(typ),
            _ => None,
        };
        match mti {
            Some(m) => {
                nd.s(b", type ");
                nd.st(m.name);
            }
            None => {
                nd.s(b", type unknown (0x");
                nd.x0(typ as u64, 2);
                nd.s(b")");
            }
        }
        if len < 2 {
            return partial_header(nd, cp, len);
        }
        let length = nd.be2(cp)? as usize;
        cp += 2;
        len -= 2;
        nd.s(b", length ");
        nd.u(length as u64);
        if length < HEADER_FIXLEN {
            nd.s(b" (too short!)");
        }
        if len < 4 {
            return partial_header(nd, cp, len);
        }
        hex4(nd, b", xid 0x", cp)?;
        cp += 4;
        len -= 4;
        // A length shorter than the header fails the rest of the segment.
        if length < HEADER_FIXLEN {
            return invalid(nd, cp, len);
        }
        let body = length - HEADER_FIXLEN;
        message_print(nd, cp, body, mti)?;
        if body > len {
            break;
        }
        cp += body;
        len -= body;
    }
    Ok(())
}

/// `partial_header:` the segment ends inside a message header.
fn partial_header(nd: &mut Nd, cp: usize, len: usize) -> R {
    nd.s(b" (end of TCP payload)");
    nd.need(cp, len)
}
