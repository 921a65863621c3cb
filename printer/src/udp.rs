//! UDP (tcpdump's print-udp.c) with the port-based decoders that matter in a cluster: NFS
//! (Sun RPC on port 2049), DNS, mDNS, timed, TFTP, RIP, RIPng, AODV, ISAKMP/IKE, SNMP,
//! Kerberos, L2TP, vat, Zephyr, AFS Rx, DHCPv6, AHCP, Babel, HNCP, wb, Cisco Auto-RP, RADIUS,
//! HSRP, LWRES, LDP, OLSR, LSP ping, BCM-LI, BFD, LMP, VQP, sFlow, LWAPP, SIP, syslog, OTV,
//! VXLAN, Geneve, LISP, VXLAN-GPE, ZEP, MPLS, PTP and SOME/IP. Other ports print
//! "UDP, length N" as tcpdump does for them.

use super::cksum;
use super::nd::{Nd, R};
use super::{
    ahcp, aodv, babel, bcm_li, bfd, dhcp6, dns, hncp, hsrp, ipsec, isakmp, krb, l2tp, ldp, lisp,
    lmp, lspping, lwapp, lwres, mpls, nfs, olsr, pim, ptp, radius, rip, ripng, rx, sflow, sip,
    small, snmp, someip, tftp, timed, tunnel, vat, vqp, vxlan_gpe, wb, zep, zephyr,
};

/// `udpipaddr_print`; `ports` None is tcpdump's sport == -1.
fn addrs(nd: &mut Nd, iph: usize, ports: Option<(u16, u16)>) -> R {
    let v6 = nd.u1(iph)? >> 4 == 6;
    let proto = if v6 { nd.u1(iph + 6)? } else { nd.u1(iph + 9)? };
    let (s, d, l) = if v6 {
        (iph + 8, iph + 24, 16)
    } else {
        (iph + 12, iph + 16, 4)
    };
    let addr = |nd: &mut Nd, at: usize| if l == 16 { nd.ip6(at) } else { nd.ip4(at) };
    if proto == 17 {
        match ports {
            None => {
                addr(nd, s)?;
                nd.s(b" > ");
                addr(nd, d)?;
                nd.s(b": ");
            }
            Some((sp, dp)) => {
                addr(nd, s)?;
                nd.s(b".");
                nd.u(sp as u64);
                nd.s(b" > ");
                addr(nd, d)?;
                nd.s(b".");
                nd.u(dp as u64);
                nd.s(b": ");
            }
        }
    } else if let Some((sp, dp)) = ports {
        nd.u(sp as u64);
        nd.s(b" > ");
        nd.u(dp as u64);
        nd.s(b": ");
    }
    Ok(())
}

/// `udp_print`.
pub(crate) fn udp_print(nd: &mut Nd, bp: usize, length: usize, iph: usize, fragmented: bool) -> R {
    nd.proto = "udp";
    if !nd.ttest(bp + 2, 2) {
        addrs(nd, iph, None)?;
        nd.trunc();
        return Ok(());
    }
    let sport = nd.be2(bp)?;
    let dport = nd.be2(bp + 2)?;
    if length < 8 {
        addrs(nd, iph, Some((sport, dport)))?;
        nd.s(b"truncated-udp ");
        nd.u(length as u64);
        return Ok(());
    }
    if !nd.ttest(bp + 4, 2) {
        addrs(nd, iph, Some((sport, dport)))?;
        nd.trunc();
        return Ok(());
    }
    let mut ulen = nd.be2(bp + 4)? as usize;
    if ulen == 0 && length > 65535 {
        ulen = length;
    }
    if ulen < 8 {
        addrs(nd, iph, Some((sport, dport)))?;
        nd.s(b"truncated-udplength ");
        nd.u(ulen as u64);
        return Ok(());
    }
    ulen -= 8;
    let mut length = length - 8;
    if ulen < length {
        length = ulen;
    }
    let cp = bp + 8;
    if cp > nd.snapend {
        addrs(nd, iph, Some((sport, dport)))?;
        nd.trunc();
        return Ok(());
    }
    addrs(nd, iph, Some((sport, dport)))?;
    // Sun RPC to or from the NFS port, before the checksum and the port table as in tcpdump.
    if (sport == nfs::NFS_PORT || dport == nfs::NFS_PORT) && !nd.qflag {
        if let Some(call) = nfs::direction(nd, cp, sport, dport)? {
            return nfs::nfs_print(nd, cp, length, iph, call);
        }
    }
    if nd.vflag > 0 && !nd.kflag && !fragmented {
        verify(nd, bp, cp, length, iph)?;
    }
    if !nd.qflag {
        match udp_decoder(sport, dport) {
            Decoder::Dns => return dns::domain_print(nd, cp, length, false, false),
            Decoder::Mdns => return dns::domain_print(nd, cp, length, false, true),
            Decoder::Timed => return timed::timed_print(nd, cp),
            Decoder::Tftp => return tftp::tftp_print(nd, cp, length),
            Decoder::Bootp => return small::bootp_print(nd, cp, length),
            Decoder::Rip => return rip::rip_print(nd, cp, length),
            Decoder::Ripng => return ripng::ripng_print(nd, cp, length),
            Decoder::Snmp => return snmp::snmp_print(nd, cp, length),
            Decoder::Ntp => return small::ntp_print(nd, cp, length),
            Decoder::Krb => return krb::krb_print(nd, cp),
            Decoder::L2tp => return l2tp::l2tp_print(nd, cp, length),
            Decoder::Dhcp6 => return dhcp6::dhcp6_print(nd, cp, length),
            Decoder::Isakmp => return isakmp::isakmp_print(nd, cp, length, iph),
            Decoder::NatT => return ipsec::rfc3948_print(nd, cp, length, iph),
            Decoder::AutoRp => return pim::cisco_autorp_print(nd, cp, length),
            Decoder::Radius => return radius::radius_print(nd, cp, length),
            Decoder::Hsrp => return hsrp::hsrp_print(nd, cp, length),
            Decoder::Lwres => return lwres::lwres_print(nd, cp, length),
            Decoder::Ldp => return ldp::ldp_print(nd, cp, length),
            Decoder::Lspping => return lspping::lspping_print(nd, cp, length),
            Decoder::BcmLi => return bcm_li::bcm_li_print(nd, cp, length),
            Decoder::Vqp => return vqp::vqp_print(nd, cp, length),
            Decoder::Sflow => return sflow::sflow_print(nd, cp, length),
            Decoder::Bfd => return bfd::bfd_print(nd, cp, length, dport),
            Decoder::Sip => return sip::sip_print(nd, cp, length),
            Decoder::Syslog => return small::syslog_print(nd, cp, length),
            Decoder::Otv => return tunnel::otv_print(nd, cp, length),
            Decoder::Vxlan => return tunnel::vxlan_print(nd, cp, length),
            Decoder::Geneve => return tunnel::geneve_print(nd, cp, length),
            Decoder::Lisp => return lisp::lisp_print(nd, cp, length),
            Decoder::VxlanGpe => return vxlan_gpe::vxlan_gpe_print(nd, cp, length),
            Decoder::Mpls => return mpls::mpls_print(nd, cp, length),
            // An 802.15.4 frame inside gets the plain line (see zep.rs).
            Decoder::Zep if zep::decodes(nd, cp, length) => return zep::zep_print(nd, cp, length),
            // tcpdump tries AppleTalk-in-UDP before these two (see `llap`), not decoded here.
            Decoder::Ptp if !llap(nd, cp, sport, dport) => return ptp::ptp_print(nd, cp, length),
            Decoder::Someip if !llap(nd, cp, sport, dport) => {
                return someip::someip_print(nd, cp, length)
            }
            Decoder::Babel => return babel::babel_print(nd, cp, length),
            Decoder::Ahcp => return ahcp::ahcp_print(nd, cp, length),
            Decoder::Hncp => return hncp::hncp_print(nd, cp, length),
            Decoder::Aodv => {
                let v6 = nd.u1(iph)? >> 4 == 6;
                return aodv::aodv_print(nd, cp, length, v6);
            }
            Decoder::LwappControl { ap_ident } => {
                return lwapp::lwapp_control_print(nd, cp, length, ap_ident)
            }
            Decoder::LwappData => return lwapp::lwapp_data_print(nd, cp, length),
            Decoder::Lmp => return lmp::lmp_print(nd, cp, length),
            Decoder::Zephyr => return zephyr::zephyr_print(nd, cp, length),
            Decoder::Vat => return vat::vat_print(nd, cp, length),
            Decoder::Rx => return rx::rx_print(nd, cp, length, sport, dport, iph),
            Decoder::Wb => return wb::wb_print(nd, cp, length),
            Decoder::Olsr => {
                let v6 = nd.u1(iph)? >> 4 == 6;
                return olsr::olsr_print(nd, cp, length, v6);
            }
            // ZEP carrying 802.15.4, and PTP or SOME/IP that tcpdump takes for AppleTalk in
            // UDP (neither decoded here), print the generic line, as ports without a decoder.
            Decoder::Zep | Decoder::Ptp | Decoder::Someip | Decoder::None => {}
        }
    }
    if ulen > length && !fragmented {
        nd.s(b"UDP, bad length ");
        nd.u(ulen as u64);
        nd.s(b" > ");
        nd.u(length as u64);
    } else {
        nd.s(b"UDP, length ");
        nd.u(ulen as u64);
    }
    Ok(())
}

/// tcpdump's AppleTalk-in-UDP ("kip") test, between MPLS and PTP in its chain: a DDP type
/// byte after an AppleTalk port (PTP's 319 and 320 are AppleTalk ports too).
fn llap(nd: &Nd, cp: usize, sport: u16, dport: u16) -> bool {
    let atalk = |p: u16| {
        (p.wrapping_sub(16512) as u32) < 128
            || (p.wrapping_sub(200) as u32) < 128
            || (p.wrapping_sub(768) as u32) < 128
    };
    nd.u1(cp + 2).is_ok_and(|t| t == 2) && (atalk(sport) || atalk(dport))
}

/// The checksum verdict: IPv6 from `-v` on (the checksum is mandatory there), IPv4 from
/// `-vv` on, as tcpdump does.
#[cold]
#[inline(never)]
fn verify(nd: &mut Nd, bp: usize, cp: usize, length: usize, iph: usize) -> R {
    let v6 = nd.u1(iph)? >> 4 == 6;
    if !v6 && nd.vflag < 2 {
        return Ok(());
    }
    let udp_sum = nd.be2(bp + 6)?;
    if !v6 && udp_sum == 0 {
        nd.s(b"[no cksum] ");
        return Ok(());
    }
    if !nd.ttest(cp, length) {
        return Ok(());
    }
    let sum = cksum::nextproto(nd, iph, bp, length + 8, 17)?;
    if sum != 0 {
        nd.s(b"[bad udp cksum 0x");
        nd.x0(udp_sum as u64, 4);
        nd.s(b" -> 0x");
        nd.x0(cksum::shouldbe(udp_sum, sum) as u64, 4);
        nd.s(b"!] ");
    } else {
        nd.s(b"[udp sum ok] ");
    }
    Ok(())
}

enum Decoder {
    Dns,
    Mdns,
    Timed,
    Tftp,
    Bootp,
    Rip,
    Snmp,
    Ntp,
    Krb,
    L2tp,
    Ripng,
    Dhcp6,
    Isakmp,
    NatT,
    AutoRp,
    Radius,
    Hsrp,
    Lwres,
    Ldp,
    Lspping,
    BcmLi,
    Vqp,
    Sflow,
    Bfd,
    Sip,
    Syslog,
    Otv,
    Vxlan,
    Geneve,
    Lisp,
    VxlanGpe,
    Zep,
    Mpls,
    Ptp,
    Someip,
    Babel,
    Ahcp,
    Hncp,
    Aodv,
    Olsr,
    /// To the controller (an AP's identity first) or from it.
    LwappControl {
        ap_ident: bool,
    },
    LwappData,
    Lmp,
    Zephyr,
    Vat,
    Wb,
    Rx,
    None,
}

/// Every port any test of the chain below looks at (source, destination or either).
const CHAIN_PORTS: &[u16] = &[
    53, 5353, 525, 69, 68, 67, 520, 654, 500, 4500, 7500, 8500, 161, 162, 123, 88, 750, 1701, 3456,
    2103, 2104, 7000, 7001, 7002, 7003, 7004, 7005, 7006, 7007, 7008, 7009, 521, 546, 547, 5359,
    6696, 6697, 8231, 4567, 496, 1645, 1812, 1646, 1813, 1700, 3799, 1985, 921, 646, 698, 3503,
    49152, 3784, 4784, 6784, 3785, 701, 1589, 6343, 12223, 12222, 5060, 514, 8472, 4789, 6081,
    4342, 4790, 17754, 6635, 319, 320, 30490,
];

fn chain_ports() -> &'static [u64; 1024] {
    static MAP: std::sync::OnceLock<[u64; 1024]> = std::sync::OnceLock::new();
    MAP.get_or_init(|| {
        let mut m = [0u64; 1024];
        for &p in CHAIN_PORTS {
            m[(p >> 6) as usize] |= 1u64 << (p & 63);
        }
        m
    })
}

/// tcpdump's `udp_print` port chain, in its order (the first test that matches wins, so a
/// port pair like 53/123 is DNS, and 69/4789 is TFTP, not VXLAN).
fn udp_decoder(sport: u16, dport: u16) -> Decoder {
    // Most datagrams use ports no decoder claims: one bitmap test instead of the chain.
    let map = chain_ports();
    let hit = |p: u16| map[(p >> 6) as usize] & (1u64 << (p & 63)) != 0;
    if !hit(sport) && !hit(dport) {
        return Decoder::None;
    }
    chain(sport, dport)
}

fn chain(sport: u16, dport: u16) -> Decoder {
    let port = |p: u16| sport == p || dport == p;
    let any = |ps: &[u16]| ps.iter().any(|&p| port(p));
    if port(53) {
        Decoder::Dns
    } else if port(5353) {
        Decoder::Mdns
    } else if port(525) {
        Decoder::Timed
    } else if port(69) {
        Decoder::Tftp
    } else if any(&[68, 67]) {
        Decoder::Bootp
    } else if port(520) {
        Decoder::Rip
    } else if port(654) {
        Decoder::Aodv
    } else if port(500) {
        Decoder::Isakmp
    } else if port(4500) {
        Decoder::NatT
    } else if any(&[7500, 8500]) {
        Decoder::Isakmp // the user ports
    } else if any(&[161, 162]) {
        Decoder::Snmp
    } else if port(123) {
        Decoder::Ntp
    } else if any(&[88, 750]) {
        Decoder::Krb
    } else if port(1701) {
        Decoder::L2tp
    // (NetBIOS, 137 and 138, is tested here only in builds with SMB, which Debian's is not:
    // those ports go on down the chain.)
    } else if dport == 3456 {
        Decoder::Vat
    } else if any(&[2103, 2104]) {
        Decoder::Zephyr
    } else if (7000..=7009).contains(&sport) || (7000..=7009).contains(&dport) {
        Decoder::Rx
    } else if port(521) {
        Decoder::Ripng
    } else if any(&[546, 547]) {
        Decoder::Dhcp6
    } else if port(5359) {
        Decoder::Ahcp
    } else if any(&[6696, 6697]) {
        Decoder::Babel
    } else if port(8231) {
        Decoder::Hncp
    } else if dport == 4567 {
        Decoder::Wb
    } else if port(496) {
        Decoder::AutoRp
    } else if any(&[1645, 1812, 1646, 1813, 1700, 3799]) {
        Decoder::Radius
    } else if dport == 1985 {
        Decoder::Hsrp
    } else if port(921) {
        Decoder::Lwres
    } else if port(646) {
        Decoder::Ldp
    } else if port(698) {
        Decoder::Olsr
    } else if port(3503) {
        Decoder::Lspping
    } else if sport == 49152 {
        Decoder::BcmLi
    } else if matches!(dport, 3784 | 4784 | 6784 | 3785) {
        Decoder::Bfd
    } else if port(701) {
        Decoder::Lmp
    } else if port(1589) {
        Decoder::Vqp
    } else if port(6343) {
        Decoder::Sflow
    } else if dport == 12223 {
        Decoder::LwappControl { ap_ident: true }
    } else if sport == 12223 {
        Decoder::LwappControl { ap_ident: false }
    } else if port(12222) {
        Decoder::LwappData
    } else if port(5060) {
        Decoder::Sip
    } else if port(514) {
        Decoder::Syslog
    } else if port(8472) {
        Decoder::Otv
    } else if port(4789) {
        Decoder::Vxlan
    } else if port(6081) {
        Decoder::Geneve
    } else if port(4342) {
        Decoder::Lisp
    } else if port(4790) {
        Decoder::VxlanGpe
    } else if port(17754) {
        Decoder::Zep
    } else if port(6635) {
        Decoder::Mpls
    } else if any(&[319, 320]) {
        Decoder::Ptp
    } else if port(30490) {
        Decoder::Someip
    } else {
        Decoder::None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// PTP and SOME/IP after an AppleTalk port with a DDP type byte are tcpdump's "kip"
    /// (not decoded here): the plain line; without that byte they are decoded.
    #[test]
    fn appletalk_before_ptp_and_someip() {
        use crate::testutil::udp_line;
        let mut someip = vec![0, 1, 0, 2, 0, 0, 0, 8, 0, 8, 0, 5, 1, 1, 1, 0];
        assert!(udp_line(56001, 30490, &someip).contains(": SOMEIP, service 1, method 2"));
        assert!(udp_line(300, 30490, &someip).contains(": SOMEIP, service 1, method 2"));
        someip[2] = 2;
        assert!(udp_line(56001, 30490, &someip).contains(": SOMEIP, service 1, method 514"));
        let l = udp_line(300, 30490, &someip);
        assert!(l.ends_with("192.0.2.2.30490: UDP, length 16\n"), "{l}");
        let mut ptp = vec![2, 2, 0, 34];
        ptp.resize(34, 0);
        assert!(udp_line(319, 319, &ptp)
            .contains(": PTPv2, v1 compat : no, msg type : peer delay req msg"));
        ptp[2] = 2;
        let l = udp_line(319, 319, &ptp);
        assert!(l.ends_with("192.0.2.2.319: UDP, length 34\n"), "{l}");
    }

    /// The bitmap fast path never hides a decoder the chain would pick.
    #[test]
    fn bitmap_covers_the_chain() {
        for p in 0..=u16::MAX {
            for (s, d) in [(p, 40000), (40000, p)] {
                let fast = matches!(udp_decoder(s, d), Decoder::None);
                let slow = matches!(chain(s, d), Decoder::None);
                assert_eq!(fast, slow, "ports {s} > {d}");
            }
        }
    }
}
