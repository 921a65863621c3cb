//! IPv4 and the IP next-protocol demultiplexer (tcpdump's print-ip.c, print-ip-demux.c).
//! At default verbosity tcpdump prints neither options nor TTL/id; from `-v` on the header
//! fields, options and checksum verdict come first, on a line of their own.

use super::cksum;
use super::names;
use super::nd::{Nd, Trunc, R};
use super::{ether, gre, icmp, icmp6, igmp, ip6, ipsec, ospf, ospf6, pim, tcp, udp, vrrp};

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
    if nd.vflag > 0 && header_verbose(nd, bp, hlen, off, proto)? {
        nd.ip4(bp + 12)?;
        nd.s(b" > ");
        nd.ip4(bp + 16)?;
        nd.s(b": ");
        nd.trunc();
        nd.snapend = saved;
        return Ok(());
    }
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

/// The `-v` part of `ip_print`: `(tos 0x0, ttl 64, id 1, offset 0, flags [DF], proto TCP (6),
/// length 60[, options (...)][, bad cksum ...])` and the continuation "\n    ". Returns true
/// when the options were truncated (the caller then prints the addresses and `[|ip]`).
#[cold]
#[inline(never)]
fn header_verbose(nd: &mut Nd, bp: usize, hlen: usize, off: u16, proto: u8) -> R<bool> {
    let tos = nd.u1(bp + 1)?;
    nd.s(b"(tos 0x");
    nd.x(tos as u64);
    match tos & 3 {
        1 => nd.s(b",ECT(1)"),
        2 => nd.s(b",ECT(0)"),
        3 => nd.s(b",CE"),
        _ => {}
    }
    let ttl = nd.u1(bp + 8)?;
    if ttl >= 1 {
        nd.s(b", ttl ");
        nd.u(ttl as u64);
    }
    let id = nd.be2(bp + 4)?;
    nd.s(b", id ");
    nd.u(id as u64);
    // Every -v line has this text: whole pieces, the flags (bittok2str(ip_frag_values):
    // MF "+", DF, reserved "rsvd", in that order) and the two protocols nearly every
    // packet carries looked up rather than assembled.
    const FLAGS: [&[u8]; 8] = [
        b", flags [none], proto ",
        b", flags [+], proto ",
        b", flags [DF], proto ",
        b", flags [+, DF], proto ",
        b", flags [rsvd], proto ",
        b", flags [+, rsvd], proto ",
        b", flags [DF, rsvd], proto ",
        b", flags [+, DF, rsvd], proto ",
    ];
    if off & IP_OFFMASK == 0 {
        nd.s(b", offset 0");
    } else {
        nd.s(b", offset ");
        nd.u(((off & IP_OFFMASK) as u64) * 8);
    }
    nd.s(FLAGS[(off >> 13) as usize]);
    match proto {
        6 => nd.s(b"TCP (6), length "),
        17 => nd.s(b"UDP (17), length "),
        _ => {
            nd.st(names::ipproto(proto).unwrap_or("unknown"));
            nd.s(b" (");
            nd.u(proto as u64);
            nd.s(b"), length ");
        }
    }
    let len = nd.be2(bp + 2)?;
    nd.u(len as u64);
    let mut truncated = false;
    if hlen > 20 {
        nd.s(b", options (");
        if optprint(nd, bp + 20, hlen - 20)?.is_none() {
            nd.s(b" [truncated-option]");
            truncated = true;
        }
        nd.s(b")");
    }
    if !nd.kflag && nd.ttest(bp, hlen) {
        let sum = cksum::in_cksum(&nd.b[bp..bp + hlen]);
        if sum != 0 {
            let ip_sum = nd.be2(bp + 10)?;
            nd.s(b", bad cksum ");
            nd.x(ip_sum as u64);
            nd.s(b" (->");
            nd.x(cksum::shouldbe(ip_sum, sum) as u64);
            nd.s(b")!");
        }
    }
    nd.s(b")\n    ");
    Ok(truncated)
}

/// `ip_optprint`. `Ok(None)` is its -1 (an option runs past the captured data).
fn optprint(nd: &mut Nd, mut cp: usize, mut length: usize) -> R<Option<()>> {
    let mut sep: &[u8] = b"";
    while length > 0 {
        nd.s(sep);
        sep = b",";
        let code = nd.u1(cp)?;
        match code {
            0 => nd.s(b"EOL"),
            1 => nd.s(b"NOP"),
            68 => nd.s(b"timestamp"),
            130 => nd.s(b"security"),
            7 => nd.s(b"RR"),
            137 => nd.s(b"SSRR"),
            131 => nd.s(b"LSRR"),
            148 => nd.s(b"RA"),
            82 => nd.s(b"traceroute"),
            _ => {
                nd.s(b"unknown ");
                nd.u(code as u64);
            }
        }
        let option_len = if code == 0 || code == 1 {
            1
        } else {
            let l = nd.u1(cp + 1)? as usize;
            if l < 2 {
                nd.s(b" [bad length ");
                nd.u(l as u64);
                nd.s(b"]");
                return Ok(Some(()));
            }
            l
        };
        if option_len > length {
            nd.s(b" [bad length ");
            nd.u(option_len as u64);
            nd.s(b"]");
            return Ok(Some(()));
        }
        if !nd.ttest(cp, option_len) {
            return Ok(None);
        }
        match code {
            0 => return Ok(Some(())),
            68 if printts(nd, cp, option_len)?.is_none() => return Ok(None),
            7 | 137 | 131 if printroute(nd, cp, option_len)?.is_none() => return Ok(None),
            148 => {
                if option_len < 4 {
                    nd.s(b" [bad length ");
                    nd.u(option_len as u64);
                    nd.s(b"]");
                } else {
                    let v = nd.be2(cp + 2)?;
                    if v != 0 {
                        nd.s(b" value ");
                        nd.u(v as u64);
                    }
                }
            }
            _ => {}
        }
        cp += option_len;
        length -= option_len;
    }
    Ok(Some(()))
}

/// `ip_printroute` (RR, SSRR, LSRR).
fn printroute(nd: &mut Nd, cp: usize, length: usize) -> R<Option<()>> {
    if length < 3 {
        nd.s(b" [bad length ");
        nd.u(length as u64);
        nd.s(b"]");
        return Ok(Some(()));
    }
    if (length + 1) & 3 != 0 {
        nd.s(b" [bad length ");
        nd.u(length as u64);
        nd.s(b"]");
    }
    let p = nd.u1(cp + 2)?;
    let ptr = (p as u32).wrapping_sub(1);
    if ptr < 3 || (ptr.wrapping_add(1)) & 3 != 0 || ptr > length as u32 + 1 {
        nd.s(b" [bad ptr ");
        nd.u(p as u64);
        nd.s(b"]");
    }
    let mut len = 3;
    while len < length {
        if !nd.ttest(cp + len, 4) {
            return Ok(None);
        }
        nd.s(b" ");
        nd.ip4(cp + len)?;
        if ptr > len as u32 {
            nd.s(b",");
        }
        len += 4;
    }
    Ok(Some(()))
}

/// `ip_printts` (the timestamp option).
fn printts(nd: &mut Nd, cp: usize, length: usize) -> R<Option<()>> {
    if length < 4 {
        nd.s(b"[bad length ");
        nd.u(length as u64);
        nd.s(b"]");
        return Ok(Some(()));
    }
    nd.s(b" TS{");
    let flags = nd.u1(cp + 3)?;
    // Only TSONLY (0) has 4-byte hops; the others carry an address too.
    let hoplen = if flags & 0xf != 0 { 8 } else { 4 };
    if (length - 4) & (hoplen - 1) != 0 {
        nd.s(b"[bad length ");
        nd.u(length as u64);
        nd.s(b"]");
    }
    let p = nd.u1(cp + 2)?;
    let ptr = (p as u32).wrapping_sub(1);
    let mut len = 0usize;
    if ptr < 4 || (ptr.wrapping_sub(4)) & (hoplen as u32 - 1) != 0 || ptr > length as u32 + 1 {
        nd.s(b"[bad ptr ");
        nd.u(p as u64);
        nd.s(b"]");
    }
    let known = match flags & 0xf {
        0 => {
            nd.s(b"TSONLY");
            true
        }
        1 => {
            nd.s(b"TS+ADDR");
            true
        }
        3 => {
            nd.s(b"PRESPEC");
            true
        }
        t => {
            nd.s(b"[bad ts type ");
            nd.u(t as u64);
            nd.s(b"]");
            false
        }
    };
    if known {
        let mut ty: &[u8] = b" ";
        len = 4;
        while len < length {
            if ptr == len as u32 {
                ty = b" ^ ";
            }
            if !nd.ttest(cp + len, hoplen) {
                return Ok(None);
            }
            nd.s(ty);
            let ts = nd.be4(cp + len + hoplen - 4)?;
            nd.u(ts as u64);
            nd.s(b"@");
            if hoplen == 8 {
                nd.ip4(cp + len)?;
            }
            ty = b" ";
            len += hoplen;
        }
    }
    if ptr == len as u32 {
        nd.s(b" ^ ");
    }
    if flags >> 4 != 0 {
        nd.s(b" [");
        nd.u((flags >> 4) as u64);
        nd.s(b" hops not recorded]} ");
    } else {
        nd.s(b"}");
    }
    Ok(Some(()))
}

/// The destination for pseudo-header checksums (`ip_finddst`): the last address of a
/// source-route option (LSRR/SSRR) if there is one, else the header's destination.
pub(crate) fn finddst(nd: &Nd, iph: usize) -> R<[u8; 4]> {
    let hlen = ((nd.u1(iph)? & 0x0f) as usize) * 4;
    let mut cp = iph + 20;
    let mut length = hlen.saturating_sub(20);
    while length != 0 {
        let code = nd.u1(cp)?;
        if code == 0 {
            break;
        }
        let len = if code == 1 {
            1
        } else {
            let l = nd.u1(cp + 1)? as usize;
            if l < 2 {
                break;
            }
            l
        };
        if length < len || !nd.ttest(cp, len) {
            break;
        }
        if (code == 137 || code == 131) && len >= 7 {
            return Ok(nd.bytes(cp + len - 4, 4)?.try_into().unwrap());
        }
        cp += len;
        length -= len;
    }
    Ok(nd.bytes(iph + 16, 4)?.try_into().unwrap())
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
        33 => super::dccp::dccp_print(nd, bp, iph, length),
        108 => super::ipcomp::ipcomp_print(nd, bp),
        113 => super::pgm::pgm_print(nd, bp, length, iph),
        103 => pim::pim_print(nd, bp, length, iph),
        112 => vrrp::vrrp_print(nd, bp, length, iph, ttl_hl, ver),
        89 if ver == 6 => ospf6::ospf6_print(nd, bp, length),
        89 => ospf::ospf_print(nd, bp, length),
        132 => super::sctp::sctp_print(nd, bp, iph, length),
        88 => super::eigrp::eigrp_print(nd, bp, length),
        55 => super::mobile::mobile_print(nd, bp, length),
        9 => super::igrp::igrp_print(nd, bp, length),
        8 => super::egp::egp_print(nd, bp, length),
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
            // Unknown protocols, and those tcpdump decodes but we do not yet (RSVP,
            // IS-IS over IP, ...), print as tcpdump prints an unknown protocol.
            nd.s(b" ip-proto-");
            nd.u(nh as u64);
            nd.s(b" ");
            nd.u(length as u64);
            Ok(())
        }
    }
}

/// "SRC.SPORT > DST.DPORT" from the IPv4 (`v6` false) or IPv6 header at `iph`: how TCP,
/// DCCP, SCTP and PGM start their line when that header is their packet's own. (Inlined:
/// it is on every TCP line.)
#[inline(always)]
pub(crate) fn addr_ports(nd: &mut Nd, iph: usize, v6: bool, sport: u16, dport: u16) -> R {
    if v6 {
        nd.ip6(iph + 8)?;
    } else {
        nd.ip4(iph + 12)?;
    }
    nd.s(b".");
    nd.u(sport as u64);
    nd.s(b" > ");
    if v6 {
        nd.ip6(iph + 24)?;
    } else {
        nd.ip4(iph + 16)?;
    }
    nd.s(b".");
    nd.u(dport as u64);
    Ok(())
}
