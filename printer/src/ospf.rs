//! OSPFv2 (tcpdump's print-ospf.c, ospf.h), IP protocol 89 over IPv4: the packet type and
//! length; with -v the router and area, authentication, and each type's body: hello
//! timers and neighbours, database description headers, LS requests, LS updates with every
//! LSA tcpdump decodes (router, network, summary, ASBR summary, external, NSSA, multicast
//! group, opaque: traffic engineering with GMPLS sub-TLVs, graceful restart, router
//! information), LS acknowledgements, and the LLS block; -vv adds a hex dump of each LSA.
//!
//! The traffic-engineering and graceful-restart TLV walkers (with the GMPLS tables of
//! tcpdump's gmpls.c) serve OSPFv3's LSAs too, as in C: `pub(crate)` for ospf6.rs.

use super::fmt;
use super::gmpls;
use super::nd::{Nd, Trunc, R};
use super::tok::{self, bittok2str, tok2str, Tok};

const OPTION_VALUES: Tok = &[
    (0x01, "MultiTopology"),
    (0x02, "External"),
    (0x04, "Multicast"),
    (0x08, "NSSA"),
    (0x10, "LLS"),
    (0x20, "Demand Circuit"),
    (0x40, "Opaque"),
    (0x80, "Up/Down"),
];
const OPTION_L: u8 = 0x10;

const AUTHTYPE_VALUES: Tok = &[(0, "none"), (1, "simple"), (2, "MD5")];
const AUTH_MD5: u16 = 2;
const AUTH_MD5_LEN: usize = 16;

const RLA_FLAG_VALUES: Tok = &[
    (0x01, "ABR"),
    (0x02, "ASBR"),
    (0x04, "Virtual"),
    (0x08, "Wildcard"),
    (0x10, "Nt"),
    (0x80, "Host"),
];

const TYPE_VALUES: Tok = &[
    (1, "Hello"),
    (2, "Database Description"),
    (3, "LS-Request"),
    (4, "LS-Update"),
    (5, "LS-Ack"),
];

const LSA_VALUES: Tok = &[
    (1, "Router"),
    (2, "Network"),
    (3, "Summary"),
    (4, "ASBR Summary"),
    (5, "External"),
    (6, "Multicast Group"),
    (7, "NSSA"),
    (9, "Link Local Opaque"),
    (10, "Area Local Opaque"),
    (11, "Domain Wide Opaque"),
];

const DD_FLAG_VALUES: Tok = &[
    (0x04, "Init"),
    (0x02, "More"),
    (0x01, "Master"),
    (0x08, "OOBResync"),
];

const OPAQUE_VALUES: Tok = &[
    (1, "Traffic Engineering"),
    (3, "Graceful restart"),
    (4, "Router Information"),
];

const TE_TLV_VALUES: Tok = &[(1, "Router Address"), (2, "Link")];

const TE_LINK_SUBTLV_VALUES: Tok = &[
    (1, "Link Type"),
    (2, "Link ID"),
    (3, "Local Interface IP address"),
    (4, "Remote Interface IP address"),
    (5, "Traffic Engineering Metric"),
    (6, "Maximum Bandwidth"),
    (7, "Maximum Reservable Bandwidth"),
    (8, "Unreserved Bandwidth"),
    (9, "Administrative Group"),
    (11, "Link Local/Remote Identifier"),
    (14, "Link Protection Type"),
    (15, "Interface Switching Capability"),
    (16, "Shared Risk Link Group"),
    (17, "Bandwidth Constraints"),
];

const GRACE_TLV_VALUES: Tok = &[
    (1, "Grace Period"),
    (2, "Graceful restart Reason"),
    (3, "IPv4 interface address"),
];

const GRACE_REASON_VALUES: Tok = &[
    (0, "Unknown"),
    (1, "Software Restart"),
    (2, "Software Reload/Upgrade"),
    (3, "Control Processor Switch"),
];

const TE_LINK_TYPE_VALUES: Tok = &[(1, "Point-to-point"), (2, "Multi-Access")];

const RI_TLV_VALUES: Tok = &[(1, "Router Capabilities")];

const RI_CAP_VALUES: Tok = &[
    (1, "Reserved"),
    (2, "Reserved"),
    (4, "Reserved"),
    (8, "Reserved"),
    (16, "graceful restart capable"),
    (32, "graceful restart helper"),
    (64, "Stub router support"),
    (128, "Traffic engineering"),
    (256, "p2p over LAN"),
    (512, "path computation server"),
];

const LLS_TLV_VALUES: Tok = &[(1, "Extended Options"), (2, "MD5 Authentication")];
const LLS_EO_OPTIONS: Tok = &[(0x1, "LSDB resync"), (0x2, "Restart")];

/// draft-ietf-ospf-mt-09
const TOPOLOGY_VALUES: Tok = &[(0, "default"), (1, "multicast"), (2, "management")];

/// The size of `struct lsa_hdr`.
const LSA_HDR_LEN: usize = 20;

/// `print_unknown_data` with its verdict: false (and an error line) when `cp` is past the
/// captured data, which makes the TLV walkers stop.
pub(crate) fn unknown_data(nd: &mut Nd, cp: usize, ident: &[u8], len: usize) -> R<bool> {
    let ok = cp <= nd.snapend;
    nd.unknown_data(cp, ident, len)?;
    Ok(ok)
}

/// `bw.f * 8 / 1000000` printed with `%.3f`.
fn mbps(nd: &mut Nd, bits: u32) {
    fmt::mbps(nd.out, bits);
}

/// The "OSPF packets and TLVs are 32-bit aligned" padding.
fn pad4(n: usize) -> usize {
    if n % 4 != 0 {
        n + 4 - n % 4
    } else {
        n
    }
}

/// `ospf_grace_lsa_print`: the graceful-restart TLVs of `ls_length` bytes at `tptr`.
/// `Ok(false)` is C's -1 (stop this LSA), truncation included.
pub(crate) fn grace_lsa_print(nd: &mut Nd, mut tptr: usize, mut ls_length: usize) -> R<bool> {
    while ls_length > 0 {
        if !nd.ttest(tptr, 4) {
            return Ok(false);
        }
        if ls_length < 4 {
            nd.s(b"\n\t    Remaining LS length ");
            nd.u(ls_length as u64);
            nd.s(b" < 4");
            return Ok(false);
        }
        let tlv_type = nd.be2(tptr)? as u32;
        let mut tlv_length = nd.be2(tptr + 2)? as usize;
        tptr += 4;
        ls_length -= 4;
        nd.s(b"\n\t    ");
        tok2str(nd, GRACE_TLV_VALUES, "unknown", tlv_type);
        nd.s(b" TLV (");
        nd.u(tlv_type as u64);
        nd.s(b"), length ");
        nd.u(tlv_length as u64);
        nd.s(b", value: ");
        if tlv_length > ls_length {
            bogus(nd, tlv_length, b" > ", ls_length);
            return Ok(false);
        }
        // Infinite loop protection.
        if tlv_type == 0 || tlv_length == 0 {
            return Ok(false);
        }
        if !nd.ttest(tptr, tlv_length) {
            return Ok(false);
        }
        match tlv_type {
            1 => {
                if tlv_length != 4 {
                    bogus(nd, tlv_length, b" != ", 4);
                    return Ok(false);
                }
                let v = nd.be4(tptr)?;
                nd.u(v as u64);
                nd.s(b"s");
            }
            2 => {
                if tlv_length != 1 {
                    bogus(nd, tlv_length, b" != ", 1);
                    return Ok(false);
                }
                let v = nd.u1(tptr)?;
                tok2str(nd, GRACE_REASON_VALUES, "Unknown", v as u32);
                nd.s(b" (");
                nd.u(v as u64);
                nd.s(b")");
            }
            3 => {
                if tlv_length != 4 {
                    bogus(nd, tlv_length, b" != ", 4);
                    return Ok(false);
                }
                nd.ip4(tptr)?;
            }
            _ => {
                if nd.vflag <= 1 && !unknown_data(nd, tptr, b"\n\t      ", tlv_length)? {
                    return Ok(false);
                }
            }
        }
        tlv_length = pad4(tlv_length);
        // C subtracts unsigned: a padded length past the end wraps and ends the walk at
        // the next truncation check.
        ls_length = ls_length.wrapping_sub(tlv_length);
        tptr = tptr.wrapping_add(tlv_length);
    }
    Ok(true)
}

/// "\n\t    Bogus length A OP B".
fn bogus(nd: &mut Nd, a: usize, op: &[u8], b: usize) {
    nd.s(b"\n\t    Bogus length ");
    nd.u(a as u64);
    nd.s(op);
    nd.u(b as u64);
}

/// The outcome of a TE sub-TLV that C leaves with `goto invalid`.
enum Te {
    Stop,
    Invalid,
}

/// `ospf_te_lsa_print`: the traffic-engineering TLVs of `ls_length` bytes at `tptr`.
/// `Ok(false)` is C's -1 (stop this LSA).
pub(crate) fn te_lsa_print(nd: &mut Nd, tptr: usize, ls_length: usize) -> R<bool> {
    match te_tlvs(nd, tptr, ls_length)? {
        Ok(()) => Ok(true),
        Err(Te::Stop) => Ok(false),
        Err(Te::Invalid) => {
            nd.invalid();
            Ok(false)
        }
    }
}

fn te_tlvs(nd: &mut Nd, mut tptr: usize, mut ls_length: usize) -> R<Result<(), Te>> {
    while ls_length != 0 {
        if !nd.ttest(tptr, 4) {
            return Ok(Err(Te::Stop));
        }
        if ls_length < 4 {
            nd.s(b"\n\t    Remaining LS length ");
            nd.u(ls_length as u64);
            nd.s(b" < 4");
            return Ok(Err(Te::Stop));
        }
        let tlv_type = nd.be2(tptr)? as u32;
        let mut tlv_length = nd.be2(tptr + 2)? as usize;
        tptr += 4;
        ls_length -= 4;
        nd.s(b"\n\t    ");
        tok2str(nd, TE_TLV_VALUES, "unknown", tlv_type);
        nd.s(b" TLV (");
        nd.u(tlv_type as u64);
        nd.s(b"), length: ");
        nd.u(tlv_length as u64);
        if tlv_length > ls_length {
            bogus(nd, tlv_length, b" > ", ls_length);
            return Ok(Err(Te::Stop));
        }
        // Infinite loop protection.
        if tlv_type == 0 || tlv_length == 0 {
            return Ok(Err(Te::Stop));
        }
        match tlv_type {
            2 => {
                while tlv_length != 0 {
                    if tlv_length < 4 {
                        nd.s(b"\n\t    Remaining TLV length ");
                        nd.u(tlv_length as u64);
                        nd.s(b" < 4");
                        return Ok(Err(Te::Stop));
                    }
                    let subtlv_type = nd.be2(tptr)? as u32;
                    let mut subtlv_length = nd.be2(tptr + 2)? as usize;
                    tptr += 4;
                    tlv_length -= 4;
                    // Infinite loop protection.
                    if subtlv_type == 0 || subtlv_length == 0 {
                        return Ok(Err(Te::Invalid));
                    }
                    nd.s(b"\n\t      ");
                    tok2str(nd, TE_LINK_SUBTLV_VALUES, "unknown", subtlv_type);
                    nd.s(b" subTLV (");
                    nd.u(subtlv_type as u64);
                    nd.s(b"), length: ");
                    nd.u(subtlv_length as u64);
                    if tlv_length < subtlv_length {
                        remaining(nd, tlv_length, subtlv_length);
                        return Ok(Err(Te::Stop));
                    }
                    if !nd.ttest(tptr, subtlv_length) {
                        return Ok(Err(Te::Stop));
                    }
                    if let Err(e) = te_link_subtlv(nd, &mut tptr, subtlv_type, subtlv_length)? {
                        return Ok(Err(e));
                    }
                    subtlv_length = pad4(subtlv_length);
                    if tlv_length < subtlv_length {
                        remaining(nd, tlv_length, subtlv_length);
                        return Ok(Err(Te::Stop));
                    }
                    tlv_length -= subtlv_length;
                    tptr += subtlv_length;
                }
            }
            1 => {
                if tlv_length < 4 {
                    nd.s(b"\n\t    TLV length ");
                    nd.u(tlv_length as u64);
                    nd.s(b" < 4");
                    return Ok(Err(Te::Stop));
                }
                nd.need(tptr, 4)?;
                nd.s(b", ");
                nd.ip4(tptr)?;
            }
            _ => {
                if nd.vflag <= 1 && !unknown_data(nd, tptr, b"\n\t      ", tlv_length)? {
                    return Ok(Err(Te::Stop));
                }
            }
        }
        tlv_length = pad4(tlv_length);
        if tlv_length > ls_length {
            nd.s(b"\n\t    Bogus padded length ");
            nd.u(tlv_length as u64);
            nd.s(b" > ");
            nd.u(ls_length as u64);
            return Ok(Err(Te::Stop));
        }
        ls_length -= tlv_length;
        tptr += tlv_length;
    }
    Ok(Ok(()))
}

/// "\n\t    Remaining TLV length A+4 < B+4".
fn remaining(nd: &mut Nd, tlv_length: usize, subtlv_length: usize) {
    nd.s(b"\n\t    Remaining TLV length ");
    nd.u(tlv_length as u64 + 4);
    nd.s(b" < ");
    nd.u(subtlv_length as u64 + 4);
}

/// One sub-TLV of a TE Link TLV (captured whole: the caller checked). `tptr` moves on
/// inside the shared-risk-group list as in C, which then skips the sub-TLV's length again.
fn te_link_subtlv(
    nd: &mut Nd,
    tptr: &mut usize,
    subtlv_type: u32,
    subtlv_length: usize,
) -> R<Result<(), Te>> {
    let p = *tptr;
    let want = |nd: &mut Nd, ok: bool, what: &[u8]| {
        if !ok {
            nd.s(what);
        }
        ok
    };
    match subtlv_type {
        9 => {
            if !want(nd, subtlv_length == 4, b" != 4") {
                return Ok(Err(Te::Invalid));
            }
            let v = nd.be4(p)?;
            nd.s(b", 0x");
            nd.x0(v as u64, 8);
        }
        2 | 11 => {
            if !want(
                nd,
                subtlv_length == 4 || subtlv_length == 8,
                b" != 4 && != 8",
            ) {
                return Ok(Err(Te::Invalid));
            }
            for at in (0..subtlv_length).step_by(4) {
                let v = nd.be4(p + at)?;
                nd.s(b", ");
                nd.ip4(p + at)?;
                nd.s(b" (0x");
                nd.x0(v as u64, 8);
                nd.s(b")");
            }
        }
        3 | 4 => {
            if !want(nd, subtlv_length == 4, b" != 4") {
                return Ok(Err(Te::Invalid));
            }
            nd.need(p, 4)?;
            nd.s(b", ");
            nd.ip4(p)?;
        }
        6 | 7 => {
            if !want(nd, subtlv_length == 4, b" != 4") {
                return Ok(Err(Te::Invalid));
            }
            let v = nd.be4(p)?;
            nd.s(b", ");
            mbps(nd, v);
            nd.s(b" Mbps");
        }
        8 => {
            if !want(nd, subtlv_length == 32, b" != 32") {
                return Ok(Err(Te::Invalid));
            }
            for te_class in 0..8 {
                let v = nd.be4(p + te_class * 4)?;
                nd.s(b"\n\t\tTE-Class ");
                nd.u(te_class as u64);
                nd.s(b": ");
                mbps(nd, v);
                nd.s(b" Mbps");
            }
        }
        17 => {
            if !want(nd, subtlv_length >= 4, b" < 4") {
                return Ok(Err(Te::Invalid));
            }
            let model = nd.u1(p)?;
            nd.s(b"\n\t\tBandwidth Constraints Model ID: ");
            tok2str(nd, gmpls::DIFFSERV_TE_BC, "unknown", model as u32);
            nd.s(b" (");
            nd.u(model as u64);
            nd.s(b")");
            if subtlv_length % 4 != 0 {
                nd.s(b"\n\t\tlength ");
                nd.u(subtlv_length as u64);
                nd.s(b" != N x 4");
                return Ok(Err(Te::Invalid));
            }
            if subtlv_length > 36 {
                nd.s(b"\n\t\tlength ");
                nd.u(subtlv_length as u64);
                nd.s(b" > 36");
                return Ok(Err(Te::Invalid));
            }
            for te_class in 0..(subtlv_length - 4) / 4 {
                let v = nd.be4(p + 4 + te_class * 4)?;
                nd.s(b"\n\t\t  Bandwidth constraint CT");
                nd.u(te_class as u64);
                nd.s(b": ");
                mbps(nd, v);
                nd.s(b" Mbps");
            }
        }
        5 => {
            if !want(nd, subtlv_length == 4, b" != 4") {
                return Ok(Err(Te::Invalid));
            }
            let v = nd.be4(p)?;
            nd.s(b", Metric ");
            nd.u(v as u64);
        }
        14 => {
            if !want(nd, subtlv_length == 4, b" != 4") {
                return Ok(Err(Te::Invalid));
            }
            let v = nd.u1(p)?;
            nd.s(b", ");
            bittok2str(nd, gmpls::LINK_PROT, "none", v as u32);
        }
        15 => {
            if !want(nd, subtlv_length >= 36, b" < 36") {
                return Ok(Err(Te::Invalid));
            }
            let cap = nd.u1(p)?;
            nd.s(b"\n\t\tInterface Switching Capability: ");
            tok2str(nd, gmpls::SWITCH_CAP, "Unknown", cap as u32);
            let enc = nd.u1(p + 1)?;
            nd.s(b"\n\t\tLSP Encoding: ");
            tok2str(nd, gmpls::ENCODING, "Unknown", enc as u32);
            nd.s(b"\n\t\tMax LSP Bandwidth:");
            for level in 0..8 {
                let v = nd.be4(p + 4 + level * 4)?;
                nd.s(b"\n\t\t  priority level ");
                nd.u(level as u64);
                nd.s(b": ");
                mbps(nd, v);
                nd.s(b" Mbps");
            }
        }
        1 => {
            if !want(nd, subtlv_length == 1, b" != 1") {
                return Ok(Err(Te::Invalid));
            }
            let v = nd.u1(p)?;
            nd.s(b", ");
            tok2str(nd, TE_LINK_TYPE_VALUES, "unknown", v as u32);
            nd.s(b" (");
            nd.u(v as u64);
            nd.s(b")");
        }
        16 => {
            if !want(nd, subtlv_length % 4 == 0, b" != N x 4") {
                return Ok(Err(Te::Invalid));
            }
            let mut count = subtlv_length / 4;
            if count != 0 {
                nd.s(b"\n\t\t  Shared risk group: ");
            }
            while count > 0 {
                let v = nd.be4(*tptr)?;
                nd.u(v as u64);
                *tptr += 4;
                count -= 1;
                if count > 0 {
                    nd.s(b", ");
                }
            }
        }
        _ => {
            if nd.vflag <= 1 && !unknown_data(nd, p, b"\n\t\t", subtlv_length)? {
                return Ok(Err(Te::Stop));
            }
        }
    }
    Ok(Ok(()))
}

/// `ospf_print_lshdr`: the LSA header at `p`; `None` (C's -1) for a length shorter than the
/// header, else the LSA's length.
fn print_lshdr(nd: &mut Nd, p: usize) -> R<Option<usize>> {
    let ls_length = nd.be2(p + 18)? as usize;
    if ls_length < LSA_HDR_LEN {
        nd.s(b"\n\t    Bogus length ");
        nd.u(ls_length as u64);
        nd.s(b" < header (20)");
        return Ok(None);
    }
    // The length field is the header's last: everything before it is captured.
    let (seq, age) = (nd.be4(p + 12)?, nd.be2(p)?);
    nd.s(b"\n\t  Advertising Router ");
    nd.ip4(p + 8)?;
    nd.s(b", seq 0x");
    nd.x0(seq as u64, 8);
    nd.s(b", age ");
    nd.u(age as u64);
    nd.s(b"s, length ");
    nd.u((ls_length - LSA_HDR_LEN) as u64);
    let ls_type = nd.u1(p + 3)? as u32;
    nd.s(b"\n\t    ");
    tok2str(nd, LSA_VALUES, "unknown", ls_type);
    nd.s(b" LSA (");
    nd.u(ls_type as u64);
    match ls_type {
        // The LSA header of opaque LSAs splits the LSA-ID.
        9..=11 => {
            let (ot, oid) = (nd.u1(p + 4)?, nd.be3(p + 5)?);
            nd.s(b"), Opaque-Type ");
            tok2str(nd, OPAQUE_VALUES, "unknown", ot as u32);
            nd.s(b" LSA (");
            nd.u(ot as u64);
            nd.s(b"), Opaque-ID ");
            nd.u(oid as u64);
        }
        _ => {
            nd.s(b"), LSA-ID: ");
            nd.ip4(p + 4)?;
        }
    }
    let opts = nd.u1(p + 2)?;
    nd.s(b"\n\t    Options: [");
    bittok2str(nd, OPTION_VALUES, "none", opts as u32);
    nd.s(b"]");
    Ok(Some(ls_length))
}

/// `ospf_print_tos_metrics`: the metric of a router link at `tos` and its TOS metrics.
fn print_tos_metrics(nd: &mut Nd, mut tos: usize) -> R {
    let mut toscount = nd.u1(tos + 1)? as u32 + 1;
    let mut metric_count = 0;
    // All but the first metric carry a topology id.
    while toscount != 0 {
        let tos_type = nd.u1(tos)? as u32;
        let metric = nd.be2(tos + 2)?;
        let topology = if metric_count != 0 { tos_type } else { 0 };
        nd.s(b"\n\t\ttopology ");
        tok2str(nd, TOPOLOGY_VALUES, "Unknown", topology);
        nd.s(b" (");
        nd.u(topology as u64);
        nd.s(b"), metric ");
        nd.u(metric as u64);
        metric_count += 1;
        tos += 4;
        toscount -= 1;
    }
    Ok(())
}

/// The summary LSAs' "topology T (n) metric M" list from `lp` to `ls_end`.
fn sla_metrics(nd: &mut Nd, mut lp: usize, ls_end: usize) -> R {
    while lp < ls_end {
        let ul = nd.be4(lp)?;
        let topology = (ul & 0x7f00_0000) >> 24;
        nd.s(b"\n\t\ttopology ");
        tok2str(nd, TOPOLOGY_VALUES, "Unknown", topology);
        nd.s(b" (");
        nd.u(topology as u64);
        nd.s(b") metric ");
        nd.u((ul & 0x00ff_ffff) as u64);
        lp += 4;
    }
    Ok(())
}

/// `ospf_print_lsa`: one LSA at `p`; the offset past it, `None` when its header is bogus.
/// Truncation is carried up (C's NULL, which ends the packet with `[|ospf2]`).
fn print_lsa(nd: &mut Nd, p: usize) -> R<Option<usize>> {
    let Some(ls_length) = print_lshdr(nd, p)? else {
        return Ok(None);
    };
    let ls_end = p + ls_length;
    let ls_length = ls_length - LSA_HDR_LEN;
    let body = p + LSA_HDR_LEN;
    match nd.u1(p + 3)? {
        1 => {
            let flags = nd.u1(body)?;
            nd.s(b"\n\t    Router LSA Options: [");
            bittok2str(nd, RLA_FLAG_VALUES, "none", flags as u32);
            nd.s(b"]");
            let rla_count = nd.be2(body + 2)?;
            let mut rlp = body + 4;
            nd.need(rlp, 12)?;
            for _ in 0..rla_count {
                nd.need(rlp, 12)?;
                let what: &[u8] = match nd.u1(rlp + 8)? {
                    4 => b"\n\t      Virtual Link: Neighbor Router-ID: ",
                    1 => b"\n\t      Neighbor Router-ID: ",
                    2 => b"\n\t      Neighbor Network-ID: ",
                    3 => b"\n\t      Stub Network: ",
                    t => {
                        nd.s(b"\n\t      Unknown Router Link Type (");
                        nd.u(t as u64);
                        nd.s(b")");
                        return Ok(Some(ls_end));
                    }
                };
                let sep: &[u8] = if nd.b[rlp + 8] == 3 {
                    b", Mask: "
                } else {
                    b", Interface Address: "
                };
                nd.s(what);
                nd.ip4(rlp)?;
                nd.s(sep);
                nd.ip4(rlp + 4)?;
                print_tos_metrics(nd, rlp + 8)?;
                rlp += 12 + nd.u1(rlp + 9)? as usize * 4;
            }
        }
        2 => {
            nd.need(body, 4)?;
            nd.s(b"\n\t    Mask ");
            nd.ip4(body)?;
            nd.s(b"\n\t    Connected Routers:");
            let mut ap = body + 4;
            while ap < ls_end {
                nd.need(ap, 4)?;
                nd.s(b"\n\t      ");
                nd.ip4(ap)?;
                ap += 4;
            }
        }
        3 => {
            nd.need(body, 4)?;
            nd.s(b"\n\t    Mask ");
            nd.ip4(body)?;
            nd.need(body + 4, 4)?;
            sla_metrics(nd, body + 4, ls_end)?;
        }
        4 => {
            nd.need(body + 4, 4)?;
            sla_metrics(nd, body + 4, ls_end)?;
        }
        5 | 7 => {
            nd.need(body, 4)?;
            nd.s(b"\n\t    Mask ");
            nd.ip4(body)?;
            nd.need(body + 4, 4)?;
            let mut almp = body + 4;
            while almp < ls_end {
                let ul = nd.be4(almp)?;
                let topology = (ul & 0x7f00_0000) >> 24;
                nd.s(b"\n\t\ttopology ");
                tok2str(nd, TOPOLOGY_VALUES, "Unknown", topology);
                nd.s(b" (");
                nd.u(topology as u64);
                nd.s(b"), type ");
                nd.u(if ul & 0x8000_0000 != 0 { 2 } else { 1 });
                nd.s(b", metric");
                if ul & 0x00ff_ffff == 0x00ff_ffff {
                    nd.s(b" infinite");
                } else {
                    nd.s(b" ");
                    nd.u((ul & 0x00ff_ffff) as u64);
                }
                if nd.be4(almp + 4)? != 0 {
                    nd.s(b", forward ");
                    nd.ip4(almp + 4)?;
                }
                if nd.be4(almp + 8)? != 0 {
                    nd.s(b", tag ");
                    nd.ip4(almp + 8)?;
                }
                almp += 12;
            }
        }
        6 => {
            // Multicast extensions as of 23 July 1991.
            let mut mcp = body;
            while mcp < ls_end {
                match nd.be4(mcp)? {
                    1 => {
                        nd.need(mcp + 4, 4)?;
                        nd.s(b"\n\t    Router Router-ID ");
                        nd.ip4(mcp + 4)?;
                    }
                    2 => {
                        nd.need(mcp + 4, 4)?;
                        nd.s(b"\n\t    Network Designated Router ");
                        nd.ip4(mcp + 4)?;
                    }
                    t => {
                        nd.s(b"\n\t    unknown VertexType (");
                        nd.u(t as u64);
                        nd.s(b")");
                    }
                }
                mcp += 8;
            }
        }
        9..=11 => match nd.u1(p + 4)? {
            4 => {
                let mut tptr = body;
                let mut left = ls_length;
                while left != 0 {
                    nd.need(tptr, 4)?;
                    if left < 4 {
                        nd.s(b"\n\t    Remaining LS length ");
                        nd.u(left as u64);
                        nd.s(b" < 4");
                        return Ok(Some(ls_end));
                    }
                    let tlv_type = nd.be2(tptr)? as u32;
                    let tlv_length = nd.be2(tptr + 2)? as usize;
                    tptr += 4;
                    left -= 4;
                    nd.s(b"\n\t    ");
                    tok2str(nd, RI_TLV_VALUES, "unknown", tlv_type);
                    nd.s(b" TLV (");
                    nd.u(tlv_type as u64);
                    nd.s(b"), length: ");
                    nd.u(tlv_length as u64);
                    nd.s(b", value: ");
                    if tlv_length > left {
                        nd.s(b"\n\t    Bogus length ");
                        nd.u(tlv_length as u64);
                        nd.s(b" > remaining LS length ");
                        nd.u(left as u64);
                        return Ok(Some(ls_end));
                    }
                    nd.need(tptr, tlv_length)?;
                    match tlv_type {
                        1 => {
                            if tlv_length != 4 {
                                bogus(nd, tlv_length, b" != ", 4);
                                return Ok(Some(ls_end));
                            }
                            let caps = nd.be4(tptr)?;
                            nd.s(b"Capabilities: ");
                            bittok2str(nd, RI_CAP_VALUES, "Unknown", caps);
                        }
                        _ => {
                            if nd.vflag <= 1 && !unknown_data(nd, tptr, b"\n\t      ", tlv_length)?
                            {
                                return Ok(Some(ls_end));
                            }
                        }
                    }
                    tptr += tlv_length;
                    left -= tlv_length;
                }
            }
            3 => {
                if !grace_lsa_print(nd, body, ls_length)? {
                    return Ok(Some(ls_end));
                }
            }
            1 => {
                if !te_lsa_print(nd, body, ls_length)? {
                    return Ok(Some(ls_end));
                }
            }
            _ => {
                if nd.vflag <= 1 && !unknown_data(nd, body, b"\n\t    ", ls_length)? {
                    return Ok(Some(ls_end));
                }
            }
        },
        _ => {}
    }
    // -vv: a hex dump of every LSA's body too.
    if nd.vflag > 1 {
        unknown_data(nd, body, b"\n\t    ", ls_length)?;
    }
    Ok(Some(ls_end))
}

/// `ospf_decode_lls`: the link-local signalling block after the OSPF packet (RFC 5613) of a
/// hello or DD with the L option; `op` is the OSPF header, `length` the IP payload's.
fn decode_lls(nd: &mut Nd, op: usize, length: usize) -> R {
    let opts = match nd.u1(op + 1)? {
        1 => nd.u1(op + 24 + 6)?,
        2 => nd.u1(op + 24 + 2)?,
        _ => return Ok(()),
    };
    if opts & OPTION_L == 0 {
        return Ok(());
    }
    let mut length2 = nd.be2(op + 2)? as usize;
    let mut dptr = op + length2;
    let dataend = op + length;
    if nd.be2(op + 14)? == AUTH_MD5 {
        let n = nd.u1(op + 16 + 3)? as usize;
        dptr += n;
        length2 += n;
    }
    if length2 >= length {
        nd.s(b"\n\t[LLS truncated]");
        return Ok(());
    }
    let ck = nd.be2(dptr)?;
    nd.s(b"\n\t  LLS: checksum: 0x");
    nd.x0(ck as u64, 4);
    dptr += 2;
    let l = nd.be2(dptr)?;
    nd.s(b", length: ");
    nd.u(l as u64);
    dptr += 2;
    while dptr < dataend {
        let lls_type = nd.be2(dptr)? as u32;
        nd.s(b"\n\t    ");
        tok2str(nd, LLS_TLV_VALUES, "Unknown TLV", lls_type);
        nd.s(b" (");
        nd.u(lls_type as u64);
        nd.s(b")");
        dptr += 2;
        let mut lls_len = nd.be2(dptr)? as usize;
        nd.s(b", length: ");
        nd.u(lls_len as u64);
        dptr += 2;
        match lls_type {
            1 => {
                if lls_len != 4 {
                    nd.s(b" [should be 4]");
                    lls_len = 4;
                }
                let flags = nd.be4(dptr)?;
                nd.s(b"\n\t      Options: 0x");
                nd.x0(flags as u64, 8);
                nd.s(b" [");
                bittok2str(nd, LLS_EO_OPTIONS, "?", flags);
                nd.s(b"]");
            }
            2 => {
                if lls_len != 20 {
                    nd.s(b" [should be 20]");
                    lls_len = 20;
                }
                let seq = nd.be4(dptr)?;
                nd.s(b"\n\t      Sequence number: 0x");
                nd.x0(seq as u64, 8);
            }
            _ => {}
        }
        dptr += lls_len;
    }
    Ok(())
}

/// `ospf_decode_v2`: the body after the 24-byte header at `op`, up to `dataend`.
fn decode_v2(nd: &mut Nd, op: usize, dataend: usize) -> R {
    let b = op + 24;
    match nd.u1(op + 1)? {
        1 => {
            let opts = nd.u1(b + 6)?;
            nd.s(b"\n\tOptions [");
            bittok2str(nd, OPTION_VALUES, "none", opts as u32);
            nd.s(b"]");
            let (hello, dead, prio) = (nd.be2(b + 4)?, nd.be4(b + 8)?, nd.u1(b + 7)?);
            nd.need(b, 4)?;
            nd.s(b"\n\t  Hello Timer ");
            nd.u(hello as u64);
            nd.s(b"s, Dead Timer ");
            nd.u(dead as u64);
            nd.s(b"s, Mask ");
            nd.ip4(b)?;
            nd.s(b", Priority ");
            nd.u(prio as u64);
            if nd.be4(b + 12)? != 0 {
                nd.s(b"\n\t  Designated Router ");
                nd.ip4(b + 12)?;
            }
            if nd.be4(b + 16)? != 0 {
                nd.s(b", Backup Designated Router ");
                nd.ip4(b + 16)?;
            }
            let mut ap = b + 20;
            if ap < dataend {
                nd.s(b"\n\t  Neighbor List:");
            }
            while ap < dataend {
                nd.need(ap, 4)?;
                nd.s(b"\n\t    ");
                nd.ip4(ap)?;
                ap += 4;
            }
        }
        2 => {
            let opts = nd.u1(b + 2)?;
            nd.s(b"\n\tOptions [");
            bittok2str(nd, OPTION_VALUES, "none", opts as u32);
            nd.s(b"]");
            let flags = nd.u1(b + 3)?;
            nd.s(b", DD Flags [");
            bittok2str(nd, DD_FLAG_VALUES, "none", flags as u32);
            nd.s(b"]");
            let mtu = nd.be2(b)?;
            if mtu != 0 {
                nd.s(b", MTU: ");
                nd.u(mtu as u64);
            }
            let seq = nd.be4(b + 4)?;
            nd.s(b", Sequence: 0x");
            nd.x0(seq as u64, 8);
            let mut lshp = b + 8;
            while lshp < dataend && print_lshdr(nd, lshp)?.is_some() {
                lshp += LSA_HDR_LEN;
            }
        }
        3 => {
            let mut lsrp = b;
            while lsrp < dataend {
                nd.need(lsrp, 12)?;
                let ls_type = nd.be4(lsrp)?;
                nd.s(b"\n\t  Advertising Router: ");
                nd.ip4(lsrp + 8)?;
                nd.s(b", ");
                tok2str(nd, LSA_VALUES, "unknown", ls_type);
                nd.s(b" LSA (");
                nd.u(ls_type as u64);
                nd.s(b")");
                match ls_type {
                    9..=11 => {
                        let (ot, oid) = (nd.u1(lsrp + 4)?, nd.be3(lsrp + 5)?);
                        nd.s(b", Opaque-Type: ");
                        tok2str(nd, OPAQUE_VALUES, "unknown", ot as u32);
                        nd.s(b" LSA (");
                        nd.u(ot as u64);
                        nd.s(b"), Opaque-ID: ");
                        nd.u(oid as u64);
                    }
                    _ => {
                        nd.s(b", LSA-ID: ");
                        nd.ip4(lsrp + 4)?;
                    }
                }
                lsrp += 12;
            }
        }
        4 => {
            let count = nd.be4(b)?;
            nd.s(b", ");
            nd.u(count as u64);
            nd.s(if count == 1 { b" LSA" } else { b" LSAs" });
            let mut lsap = b + 4;
            for n in 1..=count {
                nd.s(b"\n\t  LSA #");
                nd.u(n as u64);
                match print_lsa(nd, lsap)? {
                    Some(next) => lsap = next,
                    // C's NULL: a bogus header ends the packet as a truncation does.
                    None => return Err(Trunc),
                }
            }
        }
        5 => {
            // No end check: the walk stops at a bogus header or the captured end.
            let mut lshp = b;
            while print_lshdr(nd, lshp)?.is_some() {
                lshp += LSA_HDR_LEN;
            }
        }
        _ => {}
    }
    Ok(())
}

/// `ospf_print`: the OSPF packet at `bp`, `length` bytes of IP payload.
pub(crate) fn ospf_print(nd: &mut Nd, bp: usize, length: usize) -> R {
    nd.proto = "ospf2";
    let authtype = nd.be2(bp + 14)?;
    let mut length = length as u32;
    // Before anything else, the MD5 trailer is cut off (C lets the length wrap).
    if authtype == AUTH_MD5 {
        length = length.wrapping_sub(AUTH_MD5_LEN as u32);
        nd.snapend = nd.snapend.saturating_sub(AUTH_MD5_LEN);
    }
    let typ = nd.u1(bp + 1)?;
    let version = nd.u1(bp)?;
    nd.s(b"OSPFv");
    nd.u(version as u64);
    nd.s(b", ");
    let known = tok::name(TYPE_VALUES, typ as u32);
    match known {
        Some(n) => nd.st(n),
        None => {
            nd.s(b"unknown LS-type ");
            nd.u(typ as u64);
        }
    }
    nd.s(b", length ");
    nd.u(length as u64);
    if known.is_none() || nd.vflag == 0 {
        return Ok(());
    }
    let length = length as usize;
    let ospf_len = nd.be2(bp + 2)? as usize;
    if length != ospf_len {
        nd.s(b" [len ");
        nd.u(ospf_len as u64);
        nd.s(b"]");
    }
    let dataend = bp + length.min(ospf_len);
    nd.need(bp + 4, 4)?;
    nd.s(b"\n\tRouter-ID ");
    nd.ip4(bp + 4)?;
    if nd.be4(bp + 8)? != 0 {
        nd.s(b", Area ");
        nd.ip4(bp + 8)?;
    } else {
        nd.s(b", Backbone Area");
    }
    // Authentication data (tcpdump: "should we really do this?").
    nd.need(bp + 16, 8)?;
    nd.s(b", Authentication Type: ");
    tok2str(nd, AUTHTYPE_VALUES, "unknown", authtype as u32);
    nd.s(b" (");
    nd.u(authtype as u64);
    nd.s(b")");
    match authtype {
        0 => {}
        1 => {
            nd.s(b"\n\tSimple text password: ");
            nd.printjnp(bp + 16, 8)?;
        }
        2 => {
            let (key, alen, seq) = (nd.u1(bp + 18)?, nd.u1(bp + 19)?, nd.be4(bp + 20)?);
            nd.s(b"\n\tKey-ID: ");
            nd.u(key as u64);
            nd.s(b", Auth-Length: ");
            nd.u(alen as u64);
            nd.s(b", Crypto Sequence Number: 0x");
            nd.x0(seq as u64, 8);
        }
        _ => return Ok(()),
    }
    if version == 2 {
        decode_v2(nd, bp, dataend)?;
        if length > ospf_len {
            decode_lls(nd, bp, length)?;
        }
    } else {
        nd.s(b" ospf [version ");
        nd.u(version as u64);
        nd.s(b"]");
    }
    Ok(())
}
