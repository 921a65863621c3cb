//! UDP (tcpdump's print-udp.c) with the port-based decoders that matter in a cluster: DNS,
//! mDNS, VXLAN and Geneve. Other ports print "UDP, length N" as tcpdump does for them.

use super::nd::{Nd, R};
use super::{dns, tunnel};

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
    let port = |p: u16| sport == p || dport == p;
    if !nd.qflag {
        // NFS over UDP (2049) is not decoded.
        if port(53) {
            return dns::domain_print(nd, cp, length, false, false);
        } else if port(5353) {
            return dns::domain_print(nd, cp, length, false, true);
        } else if port(4789) && !earlier_decoder(sport, dport) {
            return tunnel::vxlan_print(nd, cp, length);
        } else if port(6081) && !earlier_decoder(sport, dport) {
            return tunnel::geneve_print(nd, cp, length);
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

/// True when tcpdump would pick a decoder it tests before VXLAN/Geneve (so the port pair
/// is not printed as a tunnel): the well-known ports in its `udp_print` chain.
fn earlier_decoder(sport: u16, dport: u16) -> bool {
    const EARLIER: &[u16] = &[
        525, 69, 67, 68, 520, 654, 500, 4500, 7500, 8500, 161, 162, 123, 88, 750, 1701, 137, 138,
        2103, 2104, 1293, 280, 5359, 2001, 646, 698, 3503, 8006, 6060, 6771, 4343, 1812, 1645,
        1813, 1646, 3799, 1700, 921, 701, 4784, 3784, 4785, 6343, 12222, 12223, 5060, 514, 8472,
    ];
    EARLIER.contains(&sport)
        || EARLIER.contains(&dport)
        || (7000..=7009).contains(&sport)
        || (7000..=7009).contains(&dport)
        || dport == 3456
        || dport == 4567
        || dport == 1985
}
