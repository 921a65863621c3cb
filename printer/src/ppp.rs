//! PPP frames as tcpdump's `ppp_print` (print-ppp.c) prints them inside tunnels (L2TP data
//! messages): the optional address/control bytes, the protocol field (compressed or not),
//! with -e the protocol's name and the frame's length, then the payload: IPv4, IPv6, MPLS,
//! compressed data, and other protocols by name with their bytes in hex.
//!
//! Not ported yet: what `handle_ppp` hands to its control-protocol printers (LCP, IPCP,
//! IPv6CP, CCP, BACP, ...), CHAP, PAP, BAP, multilink, IPX, OSI and HDLC-escaped frames;
//! [`decodes`] tells a caller so, before anything is printed, for it to print what it
//! prints for data it does not decode.

use super::nd::{Nd, R};
use super::tok::{self, Tok};
use super::{ip, ip6, mpls};

const PPP_IP: u32 = 0x0021;
const PPP_VJNC: u32 = 0x002f;
const PPP_IPV6: u32 = 0x0057;
const PPP_COMP: u32 = 0x00fd;
const PPP_MPLS_UCAST: u32 = 0x0281;
const PPP_MPLS_MCAST: u32 = 0x0283;
const ETHERTYPE_IP: u32 = 0x0800;
const ETHERTYPE_IPV6: u32 = 0x86dd;

/// `ppptype2str`.
const PPPTYPE: Tok = &[
    (0x0021, "IP"),
    (0x0023, "OSI"),
    (0x0025, "NS"),
    (0x0027, "DECNET"),
    (0x0029, "APPLE"),
    (0x002b, "IPX"),
    (0x002d, "VJC IP"),
    (0x002f, "VJNC IP"),
    (0x0031, "BRPDU"),
    (0x0033, "STII"),
    (0x0035, "VINES"),
    (0x0281, "MPLS"),
    (0x0283, "MPLS"),
    (0x00fd, "Compressed"),
    (0x003d, "MLPPP"),
    (0x0057, "IP6"),
    (0x0201, "HELLO"),
    (0x0231, "LUXCOM"),
    (0x0233, "SNS"),
    (0x8021, "IPCP"),
    (0x8023, "OSICP"),
    (0x8025, "NSCP"),
    (0x8027, "DECNETCP"),
    (0x8029, "APPLECP"),
    (0x802b, "IPXCP"),
    (0x8033, "STIICP"),
    (0x8035, "VINESCP"),
    (0x8057, "IP6CP"),
    (0x8281, "MPLSCP"),
    (0xc021, "LCP"),
    (0xc023, "PAP"),
    (0xc025, "LQM"),
    (0xc223, "CHAP"),
    (0xc227, "EAP"),
    (0xc027, "SPAP"),
    (0xc123, "Old-SPAP"),
    (0xc02b, "BACP"),
    (0xc02d, "BAP"),
    (0xc03d, "MLPPP-CP"),
    (0x80fd, "CCP"),
];

/// The protocols `handle_ppp` gives to printers not ported here (see the module doc).
fn not_ported(proto: u32) -> bool {
    proto & 0xff00 == 0x7e00
        || matches!(
            proto,
            0xc021 // LCP
                | 0x8021 // IPCP
                | 0x8023 // OSICP
                | 0x8281 // MPLSCP
                | 0x8057 // IPv6CP
                | 0x80fd // CCP
                | 0xc02b // BACP
                | 0x003d // multilink
                | 0xc223 // CHAP
                | 0xc023 // PAP
                | 0xc02d // BAP
                | 0x002b // IPX
                | 0x8137 // IPX's ethertype
                | 0x0023 // OSI
        )
}

/// The address/control bytes at `p`: how many, and the direction -e shows.
fn addr_ctl(first: u16) -> (usize, Option<&'static [u8]>) {
    match first {
        0x0003 => (2, Some(b"In  ")),
        0x0103 => (2, Some(b"Out ")),
        0xff03 => (2, None),
        _ => (0, None),
    }
}

/// Whether [`ppp_print`] prints this frame as tcpdump does (false: a protocol whose printer
/// is not ported). A frame cut short is decoded: tcpdump's output stops at the same place.
pub(crate) fn decodes(nd: &Nd, p: usize, length: usize) -> bool {
    let proto = || -> Option<u32> {
        let (skip, _) = addr_ctl(nd.be2(p).ok()?);
        if length < 2 + skip {
            return None;
        }
        let b = nd.u1(p + skip).ok()?;
        if b % 2 == 1 {
            Some(b as u32)
        } else {
            nd.be2(p + skip).ok().map(u32::from)
        }
    };
    match proto() {
        None => true,
        // With -e an unknown protocol ends at its name.
        Some(proto) => !not_ported(proto) || (nd.eflag && tok::name(PPPTYPE, proto).is_none()),
    }
}

/// `ppp_print`: returns the PPP header's length (0 when cut short). The caller has checked
/// [`decodes`].
pub(crate) fn ppp_print(nd: &mut Nd, p: usize, length: usize) -> R<usize> {
    nd.proto = "ppp";
    if length < 2 {
        nd.trunc();
        return Ok(0);
    }
    let (skip, dir) = addr_ctl(nd.be2(p)?);
    if let (Some(d), true) = (dir, nd.eflag) {
        nd.s(d);
    }
    if length - skip < 2 {
        nd.trunc();
        return Ok(0);
    }
    let b = nd.u1(p + skip)?;
    let (proto, hdr_len) = if b % 2 == 1 {
        (b as u32, skip + 1)
    } else {
        (nd.be2(p + skip)? as u32, skip + 2)
    };
    if nd.eflag {
        let name = tok::name(PPPTYPE, proto);
        nd.st(name.unwrap_or("unknown"));
        nd.s(b" (0x");
        nd.x0(proto as u64, 4);
        nd.s(b"), length ");
        nd.u(length as u64);
        if name.is_none() {
            return Ok(hdr_len);
        }
        nd.s(b": ");
    }
    handle_ppp(nd, proto, p + hdr_len, length - hdr_len)?;
    Ok(hdr_len)
}

/// `handle_ppp` for the protocols ported here.
fn handle_ppp(nd: &mut Nd, proto: u32, p: usize, length: usize) -> R {
    match proto {
        ETHERTYPE_IP | PPP_VJNC | PPP_IP => ip::ip_print(nd, p, length),
        ETHERTYPE_IPV6 | PPP_IPV6 => ip6::ip6_print(nd, p, length),
        PPP_MPLS_UCAST | PPP_MPLS_MCAST => mpls::mpls_print(nd, p, length),
        PPP_COMP => {
            nd.s(b"compressed PPP data");
            Ok(())
        }
        _ => {
            match tok::name(PPPTYPE, proto) {
                Some(n) => nd.st(n),
                None => {
                    nd.s(b"unknown PPP protocol (0x");
                    nd.x0(proto as u64, 4);
                    nd.s(b")");
                }
            }
            nd.s(b" ");
            nd.unknown_data(p, b"\n\t", length)
        }
    }
}
