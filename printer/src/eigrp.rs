//! EIGRP (tcpdump's print-eigrp.c), IP protocol 88 over IPv4 and IPv6: the opcode and
//! length; with -v the common header and each TLV (general parameters, software version,
//! IPv4 and AppleTalk internal and external routes, AppleTalk cable setup; the others as
//! bytes), with -vv every TLV's bytes too.

use super::fmt;
use super::nd::{Nd, R};
use super::tok::{self, Tok};

const OPCODES: Tok = &[
    (1, "Update"),
    (3, "Query"),
    (4, "Reply"),
    (5, "Hello"),
    (6, "IPX SAP"),
    (7, "Probe"),
];

const FLAGS: Tok = &[
    (0x01, "Init"),
    (0x02, "Conditionally Received"),
    (0x04, "Restart"),
    (0x08, "End-of-Table"),
];

const TLVS: Tok = &[
    (0x0001, "General Parameters"),
    (0x0002, "Authentication"),
    (0x0003, "Sequence"),
    (0x0004, "Software Version"),
    (0x0005, "Next Multicast Sequence"),
    (0x0102, "IP Internal routes"),
    (0x0103, "IP External routes"),
    (0x0202, "AppleTalk Internal routes"),
    (0x0203, "AppleTalk External routes"),
    (0x0204, "AppleTalk Cable setup"),
    (0x0302, "IPX Internal routes"),
    (0x0303, "IPX External routes"),
];

const EXT_PROTOS: Tok = &[
    (0x01, "IGRP"),
    (0x02, "EIGRP"),
    (0x03, "Static"),
    (0x04, "RIP"),
    (0x05, "Hello"),
    (0x06, "OSPF"),
    (0x07, "IS-IS"),
    (0x08, "EGP"),
    (0x09, "BGP"),
    (0x0a, "IDRP"),
    (0x0b, "Connected"),
];

const HDR: usize = 20;
const TLV_HDR: usize = 4;

/// Sizes of the TLV bodies tcpdump decodes.
const GENERAL_PARM: usize = 8;
const SW_VERSION: usize = 4;
const IP_INT: usize = 22;
const IP_EXT: usize = 42;
const AT_CABLE_SETUP: usize = 8;
const AT_INT: usize = 24;
const AT_EXT: usize = 40;

fn opcode(nd: &mut Nd, op: u8, unknown: &[u8]) {
    match tok::name(OPCODES, op as u32) {
        Some(n) => nd.st(n),
        None => {
            nd.s(unknown);
            nd.u(op as u64);
            if unknown.ends_with(b"(") {
                nd.s(b")");
            }
        }
    }
}

/// `eigrp_print`.
pub(crate) fn eigrp_print(nd: &mut Nd, bp: usize, len: usize) -> R {
    nd.proto = "eigrp";
    nd.tcheck(bp, HDR)?;
    let version = nd.u1(bp)?;
    if version != 2 {
        nd.s(b"EIGRP version ");
        nd.u(version as u64);
        nd.s(b" packet not supported");
        return Ok(());
    }
    let op = nd.u1(bp + 1)?;
    if nd.vflag < 1 {
        nd.s(b"EIGRP ");
        opcode(nd, op, b"unknown (");
        nd.s(b", length: ");
        nd.u(len as u64);
        return Ok(());
    }
    if len < HDR {
        nd.s(b"EIGRP ");
        opcode(nd, op, b"unknown (");
        nd.s(b", length: ");
        nd.u(len as u64);
        nd.s(b" (too short, < 20)");
        return Ok(());
    }
    let mut tlen = len - HDR;
    nd.s(b"\n\tEIGRP v");
    nd.u(version as u64);
    nd.s(b", opcode: ");
    opcode(nd, op, b"unknown, type: ");
    nd.s(b" (");
    nd.u(op as u64);
    nd.s(b"), chksum: 0x");
    nd.x0(nd.be2(bp + 2)? as u64, 4);
    nd.s(b", Flags: [");
    let flags = nd.be4(bp + 4)?;
    tok::bittok2str(nd, FLAGS, "none", flags);
    nd.s(b"]\n\tseq: 0x");
    nd.x0(nd.be4(bp + 8)? as u64, 8);
    nd.s(b", ack: 0x");
    nd.x0(nd.be4(bp + 12)? as u64, 8);
    nd.s(b", VRID: ");
    nd.u(nd.be2(bp + 16)? as u64);
    nd.s(b", AS: ");
    nd.u(nd.be2(bp + 18)? as u64);
    nd.s(b", length: ");
    nd.u(tlen as u64);
    let mut tptr = bp + HDR;
    while tlen > 0 {
        nd.tcheck(tptr, TLV_HDR)?;
        let tlv_len = nd.be2(tptr + 2)? as usize;
        let tlv_type = nd.be2(tptr)?;
        if tlv_len < TLV_HDR || tlv_len > tlen {
            return nd.unknown_data(tptr + TLV_HDR, b"\n\t    ", tlen);
        }
        nd.s(b"\n\t  ");
        nd.st(tok::name(TLVS, tlv_type as u32).unwrap_or("Unknown"));
        nd.s(b" TLV (0x");
        nd.x0(tlv_type as u64, 4);
        nd.s(b"), length: ");
        nd.u(tlv_len as u64);
        let t = tptr + TLV_HDR;
        let tlv_tlen = tlv_len - TLV_HDR;
        nd.tcheck(tptr, tlv_len)?;
        let need = match tlv_type {
            0x0001 => GENERAL_PARM,
            0x0004 => SW_VERSION,
            0x0102 => IP_INT,
            0x0103 => IP_EXT,
            0x0204 => AT_CABLE_SETUP,
            0x0202 => AT_INT,
            0x0203 => AT_EXT,
            _ => 0,
        };
        if need == 0 {
            if nd.vflag <= 1 {
                nd.unknown_data(t, b"\n\t    ", tlv_tlen)?;
            }
        } else if tlv_tlen < need {
            nd.s(b" (too short, < ");
            nd.u((TLV_HDR + need) as u64);
            nd.s(b")");
        } else {
            tlv_body(nd, tlv_type, t)?;
        }
        if nd.vflag > 1 {
            nd.unknown_data(tptr + TLV_HDR, b"\n\t    ", tlv_len - TLV_HDR)?;
        }
        tptr += tlv_len;
        tlen -= tlv_len;
    }
    Ok(())
}

/// A decoded TLV's body at `t`, long enough for its type.
fn tlv_body(nd: &mut Nd, tlv_type: u16, t: usize) -> R {
    match tlv_type {
        0x0001 => {
            let hold = nd.be2(t + 6)?;
            nd.s(b"\n\t    holdtime: ");
            nd.u(hold as u64);
            nd.s(b"s");
            for (i, k) in [b"k1 ", b"k2 ", b"k3 ", b"k4 ", b"k5 "].iter().enumerate() {
                let v = nd.u1(t + i)?;
                nd.s(b", ");
                nd.s(*k);
                nd.u(v as u64);
            }
        }
        0x0004 => {
            let v: Vec<u8> = (0..4).map(|i| nd.u1(t + i)).collect::<R<_>>()?;
            nd.s(b"\n\t    IOS version: ");
            nd.u(v[0] as u64);
            nd.s(b".");
            nd.u(v[1] as u64);
            nd.s(b", EIGRP version ");
            nd.u(v[2] as u64);
            nd.s(b".");
            nd.u(v[3] as u64);
        }
        0x0102 | 0x0103 => {
            let ext = tlv_type == 0x0103;
            // The metric fields, after the external route's origin fields.
            let m = if ext { t + 24 } else { t + 4 };
            let plen_at = if ext { t + 40 } else { t + 20 };
            let bits = nd.u1(plen_at)? as usize;
            if bits > 32 {
                nd.s(b"\n\t    illegal prefix length ");
                nd.u(bits as u64);
                return Ok(());
            }
            let mut prefix = [0u8; 4];
            let bytes = nd.bytes(plen_at + 1, bits.div_ceil(8))?;
            prefix[..bytes.len()].copy_from_slice(bytes);
            let mut text = Vec::with_capacity(15);
            fmt::ipv4(&mut text, &prefix);
            nd.s(b"\n\t    IPv4 prefix: ");
            // "%15s"
            for _ in text.len()..15 {
                nd.s(b" ");
            }
            nd.s(&text);
            nd.s(b"/");
            nd.u(bits as u64);
            nd.s(b", nexthop: ");
            nexthop_ip(nd, t)?;
            if ext {
                nd.need(t + 4, 4)?;
                nd.s(b"\n\t      origin-router ");
                nd.ip4(t + 4)?;
                external(nd, t + 8, t + 16, 4)?;
            }
            metric(nd, m)?;
        }
        0x0204 => {
            let (start, end) = (nd.be2(t)?, nd.be2(t + 2)?);
            let rid = nd.be4(t + 4)?;
            nd.s(b"\n\t    Cable-range: ");
            nd.u(start as u64);
            nd.s(b"-");
            nd.u(end as u64);
            nd.s(b", Router-ID ");
            nd.u(rid as u64);
        }
        _ => {
            // AppleTalk internal (0x0202) and external (0x0203) routes.
            let ext = tlv_type == 0x0203;
            let cable = if ext { t + 36 } else { t + 20 };
            let (start, end) = (nd.be2(cable)?, nd.be2(cable + 2)?);
            nd.s(b"\n\t     Cable-Range: ");
            nd.u(start as u64);
            nd.s(b"-");
            nd.u(end as u64);
            nd.s(b", nexthop: ");
            if nd.be4(t)? == 0 {
                nd.s(b"self");
            } else {
                let (a, b) = (nd.be2(t)?, nd.be2(t + 2)?);
                nd.u(a as u64);
                nd.s(b".");
                nd.u(b as u64);
            }
            if ext {
                let router = nd.be4(t + 4)?;
                nd.s(b"\n\t      origin-router ");
                nd.u(router as u64);
                external(nd, t + 8, t + 18, 2)?;
            }
            metric(nd, if ext { t + 20 } else { t + 4 })?;
        }
    }
    Ok(())
}

/// "self" for a zero next hop, else its address.
fn nexthop_ip(nd: &mut Nd, t: usize) -> R {
    if nd.be4(t)? == 0 {
        nd.s(b"self");
        Ok(())
    } else {
        nd.ip4(t)
    }
}

/// An external route's ", origin-as ..., metric N": `o` is the origin AS (then the tag,
/// the protocol and flags in IP's order, tag/protocol/flags/metric in AppleTalk's), `metric`
/// the metric field of `metric_len` bytes.
fn external(nd: &mut Nd, o: usize, metric_at: usize, metric_len: usize) -> R {
    let asn = nd.be4(o)?;
    let tag = nd.be4(o + 4)?;
    let (proto_at, flags_at) = if metric_len == 4 {
        (o + 14, o + 15)
    } else {
        (o + 8, o + 9)
    };
    let proto = nd.u1(proto_at)?;
    let flags = nd.u1(flags_at)?;
    let metric = if metric_len == 4 {
        nd.be4(metric_at)?
    } else {
        nd.be2(metric_at)? as u32
    };
    nd.s(b", origin-as ");
    nd.u(asn as u64);
    nd.s(b", origin-proto ");
    nd.st(tok::name(EXT_PROTOS, proto as u32).unwrap_or("unknown"));
    nd.s(b", flags [0x");
    nd.x0(flags as u64, 2);
    nd.s(b"], tag 0x");
    nd.x0(tag as u64, 8);
    nd.s(b", metric ");
    nd.u(metric as u64);
    Ok(())
}

/// "delay N ms, bandwidth N Kbps, mtu N, hop N, reliability N, load N" from the delay at `m`.
fn metric(nd: &mut Nd, m: usize) -> R {
    let delay = nd.be4(m)?;
    let bw = nd.be4(m + 4)?;
    let mtu = nd.be3(m + 8)?;
    let (hop, rel, load) = (nd.u1(m + 11)?, nd.u1(m + 12)?, nd.u1(m + 13)?);
    nd.s(b"\n\t      delay ");
    nd.u((delay / 100) as u64);
    nd.s(b" ms, bandwidth ");
    nd.u(bw as u64);
    nd.s(b" Kbps, mtu ");
    nd.u(mtu as u64);
    nd.s(b", hop ");
    nd.u(hop as u64);
    nd.s(b", reliability ");
    nd.u(rel as u64);
    nd.s(b", load ");
    nd.u(load as u64);
    Ok(())
}
