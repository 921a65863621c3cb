//! MPLS LSP ping (tcpdump's print-lspping.c), UDP 3503: message type, sequence and length,
//! and with -v the reply mode, return codes, handle, timestamps and TLVs: the target FEC
//! stack's sub-TLVs (LDP, BGP, RSVP, VPN prefixes, L2 VPN endpoints, pseudowires),
//! downstream mappings, BFD discriminators, vendors; -vv adds every TLV in hex.

use super::nd::{Nd, Trunc, R};
use super::tok::{self, Tok};
use super::{bgp, small, smi};

/// `sizeof(struct lspping_common_header)`.
const HDR_LEN: usize = 32;

/// `lspping_msg_type_values`.
const MSG_TYPE: Tok = &[(1, "MPLS Echo Request"), (2, "MPLS Echo Reply")];

/// `lspping_reply_mode_values`.
const REPLY_MODE: Tok = &[
    (1, "Do not reply"),
    (2, "Reply via an IPv4/IPv6 UDP packet"),
    (3, "Reply via an IPv4/IPv6 UDP packet with Router Alert"),
    (4, "Reply via application level control channel"),
];

/// `lspping_return_code_values`.
const RETURN_CODE: Tok = &[
    (
        0,
        "No return code or return code contained in the Error Code TLV",
    ),
    (1, "Malformed echo request received"),
    (2, "One or more of the TLVs was not understood"),
    (3, "Replying router is an egress for the FEC at stack depth"),
    (
        4,
        "Replying router has no mapping for the FEC at stack depth",
    ),
    (5, "Reserved"),
    (6, "Reserved"),
    (7, "Reserved"),
    (8, "Label switched at stack-depth"),
    (9, "Label switched but no MPLS forwarding at stack-depth"),
    (
        10,
        "Mapping for this FEC is not the given label at stack depth",
    ),
    (11, "No label entry at stack-depth"),
    (
        12,
        "Protocol not associated with interface at FEC stack depth",
    ),
    (
        13,
        "Premature termination of ping due to label stack shrinking to a single label",
    ),
];

/// `lspping_tlv_values`.
const TLV: Tok = &[
    (1, "Target FEC Stack"),
    (2, "Downstream Mapping"),
    (3, "Pad"),
    (9, "Error Code"),
    (5, "Vendor Enterprise Code"),
    (7, "Interface Label Stack"),
    (10, "Reply TOS Byte"),
    (15, "BFD Discriminator"),
    (0xfc00, "Vendor Private Code"),
];

/// `lspping_tlvtargetfec_subtlv_values`.
const SUBTLV: Tok = &[
    (1, "LDP IPv4 prefix"),
    (2, "LDP IPv6 prefix"),
    (3, "RSVP IPv4 Session Query"),
    (4, "RSVP IPv6 Session Query"),
    (5, "Reserved"),
    (6, "VPN IPv4 prefix"),
    (7, "VPN IPv6 prefix"),
    (8, "L2 VPN endpoint"),
    (9, "FEC 128 pseudowire (old)"),
    (10, "FEC 128 pseudowire"),
    (12, "BGP labeled IPv4 prefix"),
    (13, "BGP labeled IPv6 prefix"),
];

/// `lspping_tlv_downstream_addr_values`.
const DOWNSTREAM_ADDR: Tok = &[
    (1, "IPv4"),
    (2, "Unnumbered IPv4"),
    (3, "IPv6"),
    (4, "IPv6"),
];

fn addr(nd: &mut Nd, at: usize, v6: bool) -> R {
    if v6 {
        nd.ip6(at)
    } else {
        nd.ip4(at)
    }
}

/// A pseudowire type by name and number.
fn pw_type(nd: &mut Nd, at: usize) -> R {
    let t = nd.be2(at)?;
    tok::tok2str(nd, tok::MPLS_PW_TYPES, "unknown", t as u32);
    nd.s(b" (");
    nd.u(t as u64);
    nd.s(b")");
    Ok(())
}

/// One target FEC sub-TLV's value (`len` bytes at `p`, captured); false: dump it in hex.
fn subtlv(nd: &mut Nd, typ: u16, p: usize, len: usize) -> R<bool> {
    let want = match typ {
        1 | 12 => 5,
        2 | 13 => 17,
        3 => 20,
        4 => 56,
        6 => 13,
        7 => 25,
        8 | 10 => 14,
        9 => 10,
        _ => return Ok(false),
    };
    if len != want {
        nd.s(b"\n\t      invalid subTLV length, should be ");
        nd.u(want as u64);
        return Ok(false);
    }
    match typ {
        1 | 2 | 12 | 13 => {
            let v6 = typ == 2 || typ == 13;
            let alen = if v6 { 16 } else { 4 };
            nd.need(p, alen + 1)?;
            nd.s(b"\n\t      ");
            addr(nd, p, v6)?;
            nd.s(b"/");
            let plen = nd.u1(p + alen)?;
            nd.u(plen as u64);
        }
        3 | 4 => {
            let v6 = typ == 4;
            let a = if v6 { 16 } else { 4 };
            // endpoint, 2 reserved, tunnel id, extended tunnel id, sender, 2 reserved, lsp id.
            let (tid, ext, sender, lsp) = (p + a + 2, p + a + 4, p + 2 * a + 4, p + 3 * a + 6);
            nd.need(p, 3 * a + 8)?;
            nd.s(b"\n\t      tunnel end-point ");
            addr(nd, p, v6)?;
            nd.s(b", tunnel sender ");
            addr(nd, sender, v6)?;
            nd.s(b", lsp-id 0x");
            let l = nd.be2(lsp)?;
            nd.x0(l as u64, 4);
            nd.s(b"\n\t      tunnel-id 0x");
            let t = nd.be2(tid)?;
            nd.x0(t as u64, 4);
            nd.s(b", extended tunnel-id ");
            addr(nd, ext, v6)?;
        }
        6 | 7 => {
            let v6 = typ == 7;
            let alen = if v6 { 16 } else { 4 };
            nd.need(p, 8 + alen + 1)?;
            nd.s(b"\n\t      RD: ");
            bgp::vpn_rd(nd, p)?;
            nd.s(b", ");
            addr(nd, p + 8, v6)?;
            nd.s(b"/");
            let plen = nd.u1(p + 8 + alen)?;
            nd.u(plen as u64);
        }
        8 => {
            nd.need(p, 14)?;
            nd.s(b"\n\t      RD: ");
            bgp::vpn_rd(nd, p)?;
            let (s, r) = (nd.be2(p + 8)?, nd.be2(p + 10)?);
            nd.s(b", Sender VE ID: ");
            nd.u(s as u64);
            nd.s(b", Receiver VE ID: ");
            nd.u(r as u64);
            nd.s(b"\n\t      Encapsulation Type: ");
            pw_type(nd, p + 12)?;
        }
        9 => {
            nd.need(p, 10)?;
            nd.s(b"\n\t      Remote PE: ");
            nd.ip4(p)?;
            let id = nd.be4(p + 4)?;
            nd.s(b"\n\t      PW ID: 0x");
            nd.x0(id as u64, 8);
            nd.s(b", PW Type: ");
            pw_type(nd, p + 8)?;
        }
        _ => {
            nd.need(p, 14)?;
            nd.s(b"\n\t      Sender PE: ");
            nd.ip4(p)?;
            nd.s(b", Remote PE: ");
            nd.ip4(p + 4)?;
            let id = nd.be4(p + 8)?;
            nd.s(b"\n\t      PW ID: 0x");
            nd.x0(id as u64, 8);
            nd.s(b", PW Type: ");
            pw_type(nd, p + 12)?;
        }
    }
    Ok(true)
}

/// What a TLV's decoding ends with.
enum TlvEnd {
    /// Decoded (the bool: dump it in hex anyway).
    Done(bool),
    /// C's `return` from the whole printer.
    Stop,
}

fn too_short(nd: &mut Nd) -> R<TlvEnd> {
    nd.s(b"\n\t      TLV is too short");
    Ok(TlvEnd::Done(true))
}

/// The target FEC stack's sub-TLVs. C advances past each by its (padded) value length only,
/// not its header: the next one is read 4 bytes early, as here.
fn fec_stack(nd: &mut Nd, mut p: usize, mut tlen: usize) -> R<TlvEnd> {
    while tlen != 0 {
        if tlen < 4 {
            return too_short(nd);
        }
        let typ = nd.be2(p)?;
        let mut len = nd.be2(p + 2)? as usize;
        if tlen < len + 4 {
            return too_short(nd);
        }
        if !nd.ttest(p + 4, len) {
            return Err(Trunc);
        }
        nd.s(b"\n\t    ");
        tok::tok2str(nd, SUBTLV, "Unknown", typ as u32);
        nd.s(b" subTLV (");
        nd.u(typ as u64);
        nd.s(b"), length: ");
        nd.u(len as u64);
        let decoded = subtlv(nd, typ, p + 4, len)?;
        if nd.vflag > 1 || !decoded {
            nd.unknown_data(p + 4, b"\n\t      ", len)?;
        }
        if len % 4 != 0 {
            len += 4 - len % 4;
            if tlen < len + 4 {
                nd.s(b"\n\t\t TLV is too short");
                return Ok(TlvEnd::Stop);
            }
        }
        p += len;
        tlen -= len + 4;
    }
    Ok(TlvEnd::Done(false))
}

/// The downstream mapping TLV: MTU, address type and addresses (the rest in hex).
fn downstream(nd: &mut Nd, mut p: usize, mut tlen: usize) -> R<TlvEnd> {
    if tlen < 4 {
        return too_short(nd);
    }
    let (mtu, at) = (nd.be2(p)?, nd.u1(p + 2)?);
    nd.s(b"\n\t    MTU: ");
    nd.u(mtu as u64);
    nd.s(b", Address-Type: ");
    tok::tok2str(nd, DOWNSTREAM_ADDR, "unknown", at as u32);
    nd.s(b" (");
    nd.u(at as u64);
    nd.s(b")");
    let (v6, numbered) = match at {
        1 => (false, true),
        2 => (false, false),
        3 => (true, true),
        4 => (true, false),
        _ => (false, false),
    };
    if (1..=4).contains(&at) {
        let alen = if v6 { 16 } else { 4 };
        let size = 4 + alen + if numbered { alen } else { 4 };
        if tlen < size {
            return too_short(nd);
        }
        nd.need(p, size)?;
        nd.s(b"\n\t    Downstream IP: ");
        addr(nd, p + 4, v6)?;
        if numbered {
            nd.s(b"\n\t    Downstream Interface IP: ");
            addr(nd, p + 4 + alen, v6)?;
        } else {
            let idx = nd.be4(p + 4 + alen)?;
            nd.s(b"\n\t    Downstream Interface Index: 0x");
            nd.x0(idx as u64, 8);
        }
        p += size;
        tlen -= size;
    }
    if tlen < 4 {
        return too_short(nd);
    }
    nd.need(p, 4)?;
    // Multipath information and labels are not decoded (C dumps the TLV).
    Ok(TlvEnd::Done(true))
}

/// `lspping_print`.
pub(crate) fn lspping_print(nd: &mut Nd, pptr: usize, len: usize) -> R {
    nd.proto = "lspping";
    let too_short = |nd: &mut Nd| {
        nd.s(b"\n\t\t packet is too short");
        Ok(())
    };
    if len < HDR_LEN {
        return too_short(nd);
    }
    if !nd.ttest(pptr, HDR_LEN) {
        return Err(Trunc);
    }
    let version = nd.be2(pptr)?;
    if version != 1 {
        nd.s(b"LSP-PING version ");
        nd.u(version as u64);
        nd.s(b" packet not supported");
        return Ok(());
    }
    let msg_type = nd.u1(pptr + 4)?;
    if nd.vflag < 1 {
        let seq = nd.be4(pptr + 12)?;
        nd.s(b"LSP-PINGv1, ");
        match tok::name(MSG_TYPE, msg_type as u32) {
            Some(n) => nd.st(n),
            None => {
                nd.s(b"unknown (");
                nd.u(msg_type as u64);
                nd.s(b")");
            }
        }
        nd.s(b", seq ");
        nd.u(seq as u64);
        nd.s(b", length: ");
        nd.u(len as u64);
        return Ok(());
    }
    let reply_mode = nd.u1(pptr + 5)?;
    nd.s(b"\n\tLSP-PINGv1, msg-type: ");
    tok::tok2str(nd, MSG_TYPE, "unknown", msg_type as u32);
    nd.s(b" (");
    nd.u(msg_type as u64);
    nd.s(b"), length: ");
    nd.u(len as u64);
    nd.s(b"\n\t  reply-mode: ");
    tok::tok2str(nd, REPLY_MODE, "unknown", reply_mode as u32);
    nd.s(b" (");
    nd.u(reply_mode as u64);
    nd.s(b")");
    let (rc, sub) = (nd.u1(pptr + 6)?, nd.u1(pptr + 7)?);
    nd.s(b"\n\t  Return Code: ");
    tok::tok2str(nd, RETURN_CODE, "unknown", rc as u32);
    if matches!(rc, 3 | 4 | 8 | 10 | 11 | 12) {
        nd.s(b" ");
        nd.u(sub as u64);
    }
    nd.s(b" (");
    nd.u(rc as u64);
    nd.s(b")\n\t  Return Subcode: (");
    nd.u(sub as u64);
    nd.s(b")");
    let (handle, seq) = (nd.be4(pptr + 8)?, nd.be4(pptr + 12)?);
    nd.s(b"\n\t  Sender Handle: 0x");
    nd.x0(handle as u64, 8);
    nd.s(b", Sequence: ");
    nd.u(seq as u64);
    nd.s(b"\n\t  Sender Timestamp: ");
    small::ntp_time(nd, pptr + 16)?;
    nd.s(b" ");
    let (ip, frac) = (nd.be4(pptr + 24)?, nd.be4(pptr + 28)?);
    nd.s(b"Receiver Timestamp: ");
    if ip == 0 && frac == 0 {
        nd.s(b"no timestamp");
    } else {
        small::ntp_time(nd, pptr + 24)?;
    }
    let mut tptr = pptr + HDR_LEN;
    let mut tlen = len - HDR_LEN;
    while tlen != 0 {
        if tlen < 4 {
            return too_short(nd);
        }
        let typ = nd.be2(tptr)?;
        let mut tlv_len = nd.be2(tptr + 2)? as usize;
        nd.s(b"\n\t  ");
        tok::tok2str(nd, TLV, "Unknown", typ as u32);
        nd.s(b" TLV (");
        nd.u(typ as u64);
        nd.s(b"), length: ");
        nd.u(tlv_len as u64);
        if tlv_len == 0 {
            tptr += 4;
            tlen -= 4;
            continue;
        }
        let v = tptr + 4;
        if tlen < tlv_len + 4 {
            return too_short(nd);
        }
        if !nd.ttest(v, tlv_len) {
            return Err(Trunc);
        }
        let end = match typ {
            1 => fec_stack(nd, v, tlv_len)?,
            2 => downstream(nd, v, tlv_len)?,
            15 | 5 if tlv_len < 4 => {
                nd.s(b"\n\t      TLV is too short");
                TlvEnd::Done(true)
            }
            15 => {
                let d = nd.be4(v)?;
                nd.s(b"\n\t    BFD Discriminator 0x");
                nd.x0(d as u64, 8);
                TlvEnd::Done(false)
            }
            5 => {
                let id = nd.be4(v)?;
                nd.s(b"\n\t    Vendor: ");
                nd.st(smi::smi_name(id).unwrap_or("Unknown"));
                nd.s(b" (0x");
                nd.x0(id as u64, 4);
                nd.s(b")");
                TlvEnd::Done(false)
            }
            _ => {
                if nd.vflag <= 1 {
                    nd.unknown_data(v, b"\n\t    ", tlv_len)?;
                }
                TlvEnd::Done(false)
            }
        };
        let hexdump = match end {
            TlvEnd::Stop => return Ok(()),
            TlvEnd::Done(h) => h,
        };
        if nd.vflag > 1 || hexdump {
            nd.unknown_data(v, b"\n\t    ", tlv_len)?;
        }
        if tlv_len % 4 != 0 {
            tlv_len += 4 - tlv_len % 4;
            if tlen < tlv_len + 4 {
                return too_short(nd);
            }
        }
        tptr += tlv_len + 4;
        tlen -= tlv_len + 4;
    }
    Ok(())
}
