//! IPv4 and the IP next-protocol demultiplexer (tcpdump's print-ip.c, print-ip-demux.c).
//! At default verbosity tcpdump prints neither options nor TTL/id, so neither do we.

use super::names;
use super::nd::{Nd, Trunc, R};
use super::{ether, gre, icmp, icmp6, igmp, ip6, ipsec, tcp, udp};

const IP_MF: u16 = 0x2000;
const IP_OFFMASK: u16 = 0x1fff;

/// `ip_print`: `bp` is the IPv4 header, `length` what the layer below says is left.
pub(crate) fn ip_print(nd: &mut Nd, bp: usize, length: usize) -> R {
    nd.proto = "ip";
    let v = nd.u1(bp)? >> 4;
    if v != 4 {
        if v == 6 {
            nd.s(b"IP6, wrong link-layer encapsulation");
        } else {
            nd.s(b"IP");
            nd.u(v as u64);
        }
        nd.invalid();
        return Ok(());
    }
    if !nd.eflag {
        nd.s(b"IP ");
    }
    if !nd.ttest(bp, 20) {
        nd.trunc();
        return Ok(());
    }
    if length < 20 {
        nd.s(b"truncated-ip ");
        nd.u(length as u64);
        return Ok(());
    }
    let hlen = ((nd.u1(bp)? & 0x0f) as usize) * 4;
    if hlen < 20 {
        nd.s(b"bad-hlen ");
        nd.u(hlen as u64);
        return Ok(());
    }
    let mut len = nd.be2(bp + 2)? as usize;
    if length < len {
        nd.s(b"truncated-ip - ");
        nd.u((len - length) as u64);
        nd.s(b" bytes missing! ");
    }
    if len < hlen {
        nd.s(b"bad-len ");
        nd.u(len as u64);
        return Ok(());
    }
    let saved = nd.push_snaplen(bp, len);
    len -= hlen;
    let off = nd.be2(bp + 6)?;
    let proto = nd.u1(bp + 9)?;
    if off & IP_OFFMASK == 0 {
        if !matches!(proto, 6 | 17 | 132 | 33) {
            nd.ip4(bp + 12)?;
            nd.s(b" > ");
            nd.ip4(bp + 16)?;
            nd.s(b": ");
        }
        if !nd.ttest(bp, hlen) {
            nd.s(b" [remaining caplen(");
            nd.u(nd.avail(bp) as u64);
            nd.s(b") < header length(");
            nd.u(hlen as u64);
            nd.s(b")]");
            return Err(Trunc);
        }
        let ttl = nd.u1(bp + 8)?;
        demux(nd, bp + hlen, len, 4, off & IP_MF != 0, ttl, proto, bp)?;
    } else {
        nd.ip4(bp + 12)?;
        nd.s(b" > ");
        nd.ip4(bp + 16)?;
        nd.s(b": ip-proto-");
        nd.u(proto as u64);
    }
    nd.snapend = saved;
    Ok(())
}

/// `ipN_print`: IPv4 or IPv6 by the version nibble (raw IP link types).
pub(crate) fn ipn_print(nd: &mut Nd, bp: usize, length: usize) -> R {
    nd.proto = "ipn";
    if length < 1 {
        nd.s(b"truncated-ip ");
        nd.u(length as u64);
        return Ok(());
    }
    match nd.u1(bp)? & 0xf0 {
        0x40 => ip_print(nd, bp, length),
        0x60 => ip6::ip6_print(nd, bp, length),
        v => {
            nd.s(b"unknown ip ");
            nd.u((v >> 4) as u64);
            Ok(())
        }
    }
}

fn requires(nd: &mut Nd, nh: u8, what: &[u8]) {
    nd.s(b"[");
    nd.st(names::ipproto(nh).unwrap_or("unknown"));
    nd.s(b" requires ");
    nd.s(what);
    nd.s(b"]");
    nd.invalid();
}

/// `ip_demux_print`: the payload of IPv4 or IPv6 by next-header value.
#[allow(clippy::too_many_arguments)]
pub(crate) fn demux(
    nd: &mut Nd,
    bp: usize,
    length: usize,
    ver: u8,
    fragmented: bool,
    ttl_hl: u8,
    nh: u8,
    iph: usize,
) -> R {
    let _ = ttl_hl;
    let (mut bp, mut length, mut nh) = (bp, length, nh);
    // AH is followed by the next header ("goto again" in print-ip-demux.c).
    while nh == 51 {
        if !nd.ttest(bp, 1) {
            nd.proto = "ah";
            nd.trunc();
            return Ok(());
        }
        let next = nd.u1(bp)?;
        let advance = ipsec::ah_print(nd, bp)?;
        bp += advance;
        length = length.wrapping_sub(advance);
        nh = next;
    }
    match nh {
        50 => ipsec::esp_print(nd, bp, length),
        6 => tcp::tcp_print(nd, bp, length, iph, fragmented),
        17 => udp::udp_print(nd, bp, length, iph, fragmented),
        1 => {
            if ver == 4 {
                icmp::icmp_print(nd, bp, length, iph, fragmented)
            } else {
                requires(nd, nh, b"IPv4");
                Ok(())
            }
        }
        58 => {
            if ver == 6 {
                icmp6::icmp6_print(nd, bp, length, iph, fragmented)
            } else {
                requires(nd, nh, b"IPv6");
                Ok(())
            }
        }
        2 => {
            if ver == 4 {
                igmp::igmp_print(nd, bp, length)
            } else {
                requires(nd, nh, b"IPv4");
                Ok(())
            }
        }
        4 => ip_print(nd, bp, length),
        41 => ip6::ip6_print(nd, bp, length),
        47 => gre::gre_print(nd, bp, length),
        77 => {
            nd.s(b" nd ");
            nd.u(length as u64);
            Ok(())
        }
        59 => {
            nd.s(b"no next header");
            Ok(())
        }
        143 => {
            if ver == 6 {
                let avail = nd.avail(bp);
                ether::ether_print(nd, bp, length, avail)?;
            } else {
                requires(nd, nh, b"IPv6");
            }
            Ok(())
        }
        _ => {
            // Protocols tcpdump decodes but we do not (SCTP, OSPF, PIM, VRRP, ESP, AH, ...)
            // print as tcpdump prints an unknown protocol.
            nd.s(b" ip-proto-");
            nd.u(nh as u64);
            nd.s(b" ");
            nd.u(length as u64);
            Ok(())
        }
    }
}
