//! Ethernet (DLT_EN10MB) with 802.1Q/QinQ tags and MACsec ([`super::macsec`]), and the
//! ethertype demultiplexer (tcpdump's print-ether.c).

use super::nd::{Nd, R};
use super::{
    aoe, arista, arp, cfm, ip, ip6, lldp, loopback, macsec, mpls, msnlb, names, nsh, ptp, slow,
};
use crate::ethertype as eth;

/// `ether_if_print`: the top-level printer for DLT_EN10MB; returns the link-layer header
/// length (`ndo_ll_hdr_len`).
pub(crate) fn if_print(nd: &mut Nd, length: usize, caplen: usize) -> R<usize> {
    nd.proto = "ether";
    ether_print(nd, 0, length, caplen)
}

fn addresses(nd: &mut Nd, p: usize) -> R {
    nd.mac(p + 6)?;
    nd.s(b" > ");
    nd.mac(p)?;
    nd.s(b", ");
    Ok(())
}

/// `ether_type_print`.
pub(crate) fn type_print(nd: &mut Nd, t: u16) {
    if !nd.qflag {
        nd.s(b"ethertype ");
        nd.st(names::ethertype(t).unwrap_or("Unknown"));
        nd.s(b" (0x");
        nd.x0(t as u64, 4);
        nd.s(b")");
    } else {
        match names::ethertype(t) {
            Some(n) => nd.st(n),
            None => {
                nd.s(b"Unknown Ethertype (0x");
                nd.x0(t as u64, 4);
                nd.s(b")");
            }
        }
    }
}

/// `ether_print` / `ether_common_print` without switch tags or encapsulation headers.
/// Returns the link-layer header length.
pub(crate) fn ether_print(nd: &mut Nd, p0: usize, length: usize, caplen: usize) -> R<usize> {
    nd.proto = "ether";
    let (mut length, mut caplen) = (length, caplen);
    if length < caplen {
        nd.s(b"[length ");
        nd.u(length as u64);
        nd.s(b" < caplen ");
        nd.u(caplen as u64);
        nd.s(b"]");
        nd.invalid();
        return Ok(length);
    }
    if caplen < eth::HEADER_LEN {
        nd.trunc();
        return Ok(caplen);
    }
    let orig_length = length;
    let src_dst = p0;
    let mut p = p0 + 12;
    length -= 12;
    caplen -= 12;
    let mut hdrlen = 12;
    if nd.eflag {
        addresses(nd, src_dst)?;
    }
    // `goto recurse` after an Arista header is this loop: stacked headers cannot exhaust
    // the stack.
    loop {
        match recurse(nd, src_dst, p, length, caplen, hdrlen, orig_length)? {
            Recurse::Done(h) => return Ok(h),
            Recurse::Again(at, l, c, h) => (p, length, caplen, hdrlen) = (at, l, c, h),
        }
    }
}

/// How [`recurse`] ended: the link-layer header length, or the position, length, captured
/// length and header length after an Arista header, to decode the type field there.
enum Recurse {
    Done(usize),
    Again(usize, usize, usize, usize),
}

/// ether_common_print from its `recurse:` label: the type field and what follows.
fn recurse(
    nd: &mut Nd,
    src_dst: usize,
    mut p: usize,
    mut length: usize,
    mut caplen: usize,
    mut hdrlen: usize,
    orig_length: usize,
) -> R<Recurse> {
    let mut length_type = nd.be2(p)?;
    length -= 2;
    caplen -= 2;
    p += 2;
    hdrlen += 2;
    let mut printed_length = false;
    if length_type == eth::MACSEC {
        if nd.eflag {
            type_print(nd, length_type);
            nd.s(b", length ");
            nd.u(orig_length as u64);
            nd.s(b": ");
            printed_length = true;
        }
        let mut f = macsec::Frame {
            p,
            length,
            caplen,
            hdrlen,
        };
        match macsec::macsec_print(nd, &mut f, src_dst)? {
            macsec::Next::Encrypted => {
                nd.default_print(f.p, f.caplen)?;
                return Ok(Recurse::Done(f.hdrlen));
            }
            macsec::Next::Stop(hdrlen) => return Ok(Recurse::Done(hdrlen)),
            macsec::Next::Payload => {
                (p, length, caplen, hdrlen) = (f.p, f.length, f.caplen, f.hdrlen);
                length_type = nd.be2(p)?;
                if caplen < 2 {
                    nd.s(b" [caplen ");
                    nd.u(caplen as u64);
                    nd.s(b" < 2]");
                    return Ok(Recurse::Done(hdrlen));
                }
                length -= 2;
                caplen -= 2;
                p += 2;
                hdrlen += 2;
            }
        }
    }
    while matches!(
        length_type,
        eth::VLAN_8021Q | eth::VLAN_9100 | eth::VLAN_9200 | eth::VLAN_QINQ
    ) {
        if caplen < 4 {
            nd.proto = "vlan";
            nd.trunc();
            return Ok(Recurse::Done(hdrlen + caplen));
        }
        if length < 4 {
            nd.proto = "vlan";
            nd.trunc();
            return Ok(Recurse::Done(hdrlen + length));
        }
        if nd.eflag {
            let tag = nd.be2(p)?;
            type_print(nd, length_type);
            if !printed_length {
                nd.s(b", length ");
                nd.u(orig_length as u64);
                nd.s(b": ");
                printed_length = true;
            } else {
                nd.s(b", ");
            }
            tci(nd, tag);
            nd.s(b", ");
        }
        length_type = nd.be2(p + 2)?;
        p += 4;
        length -= 4;
        caplen -= 4;
        hdrlen += 4;
    }
    if length_type <= eth::MAX_LENGTH_VAL {
        // 802.3 length field + LLC: not decoded; tcpdump would print LLC here.
        let mut length = length;
        let mut caplen = caplen;
        if (length_type as usize) < length {
            length = length_type as usize;
            if caplen > length {
                caplen = length;
            }
        }
        let saved = nd.push_snaplen(p, length);
        if nd.eflag {
            nd.s(b"802.3");
            if !printed_length {
                nd.s(b", length ");
                nd.u(length as u64);
                nd.s(b": ");
            }
        }
        nd.set_ll_hdr_len(hdrlen);
        let r = super::llc::llc_print(nd, p, length, caplen, Some((src_dst + 6, src_dst)))?;
        if r < 0 {
            nd.default_print(p, caplen)?;
        }
        hdrlen += r.unsigned_abs() as usize;
        nd.snapend = saved;
    } else if length_type == eth::ARISTA {
        if caplen < 2 || length < 2 {
            nd.s(b"[|arista]");
            return Ok(Recurse::Done(hdrlen + caplen.min(length)));
        }
        type_print(nd, length_type);
        nd.s(b", length ");
        nd.u(orig_length as u64);
        nd.s(b": ");
        match arista::arista_ethertype_print(nd, p)? {
            Some(n) => {
                let (l, c) = (length.saturating_sub(n), caplen.saturating_sub(n));
                return Ok(Recurse::Again(p + n, l, c, hdrlen + n));
            }
            None => {
                if !nd.eflag {
                    addresses(nd, src_dst)?;
                    type_print(nd, length_type);
                    nd.s(b", length ");
                    nd.u(orig_length as u64);
                    nd.s(b": ");
                }
                nd.default_print(p, caplen)?;
            }
        }
    } else {
        if nd.eflag {
            type_print(nd, length_type);
            if !printed_length {
                nd.s(b", length ");
                nd.u(orig_length as u64);
                nd.s(b": ");
            } else {
                nd.s(b", ");
            }
        }
        nd.set_ll_hdr_len(hdrlen);
        let addrs = Some((src_dst + 6, src_dst));
        if !ethertype_print(nd, length_type, p, length, caplen, addrs)? {
            if !nd.eflag {
                addresses(nd, src_dst)?;
                type_print(nd, length_type);
                nd.s(b", length ");
                nd.u(orig_length as u64);
                nd.s(b": ");
            }
            nd.default_print(p, caplen)?;
        }
    }
    Ok(Recurse::Done(hdrlen))
}

/// `ieee8021q_tci_string`.
pub(crate) fn tci(nd: &mut Nd, tag: u16) {
    nd.s(b"vlan ");
    nd.u((tag & 0xfff) as u64);
    nd.s(b", p ");
    nd.u((tag >> 13) as u64);
    if tag & 0x1000 != 0 {
        nd.s(b", DEI");
    }
}

/// `ethertype_print`: false when the type is not one we decode. `addrs` are the link layer's
/// source and destination MACs, where it has them (GeoNetworking, CALM FAST and Realtek print
/// them).
pub(crate) fn ethertype_print(
    nd: &mut Nd,
    t: u16,
    p: usize,
    length: usize,
    caplen: usize,
    addrs: Option<(usize, usize)>,
) -> R<bool> {
    let src = addrs.map(|(s, _)| s);
    match t {
        eth::IPV4 => ip::ip_print(nd, p, length)?,
        eth::IPV6 => ip6::ip6_print(nd, p, length)?,
        eth::ARP | eth::REVARP => arp::arp_print(nd, p, length, caplen)?,
        eth::MPLS | eth::MPLS_MULTI => mpls::mpls_print(nd, p, length)?,
        eth::LLDP => lldp::lldp_print(nd, p, length)?,
        eth::LOOPBACK => loopback::loopback_print(nd, p, length)?,
        eth::PPPOED | eth::PPPOES | eth::PPPOED2 | eth::PPPOES2 => {
            super::pppoe::pppoe_print(nd, p, length)?;
        }
        eth::PPP => {
            if length > 0 {
                nd.s(b": ");
                super::ppp::ppp_print(nd, p, length)?;
            }
        }
        eth::MPCP => super::mpcp::mpcp_print(nd, p, length)?,
        eth::REALTEK => super::realtek::rtl_print(nd, p, addrs)?,
        eth::SLOW => slow::slow_print(nd, p, length)?,
        eth::EAPOL => super::eap::eapol_print(nd, p)?,
        eth::CFM | eth::CFM_OLD => cfm::cfm_print(nd, p, length)?,
        eth::NSH => nsh::nsh_print(nd, p, length)?,
        eth::MS_NLB_HB => msnlb::msnlb_print(nd, p)?,
        eth::AOE => aoe::aoe_print(nd, p, length)?,
        eth::IPX => {
            nd.s(b"(NOV-ETHII) ");
            super::ipx::ipx_print(nd, p)?
        }
        eth::GEONET | eth::GEONET_OLD => super::geonet::geonet_print(nd, p, length, src)?,
        eth::CALM_FAST => super::calm_fast::calm_fast_print(nd, p, length, src)?,
        eth::TIPC => super::tipc::tipc_print(nd, p)?,
        eth::PTP => ptp::ptp_print(nd, p, length)?,
        _ => return Ok(false),
    }
    Ok(true)
}
