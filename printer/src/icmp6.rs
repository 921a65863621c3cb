//! ICMPv6 (tcpdump's print-icmp6.c): echo, errors, neighbour and router discovery with their
//! options (-v), MLD v1/v2, the checksum verdict (-v). Node information, router renumbering
//! and RPL are not decoded.

use super::cksum;
use super::nd::{Nd, Trunc, R};

fn type_name(t: u8) -> Option<&'static str> {
    Some(match t {
        1 => "destination unreachable",
        2 => "packet too big",
        3 => "time exceeded in-transit",
        4 => "parameter problem",
        128 => "echo request",
        129 => "echo reply",
        130 => "multicast listener query",
        131 => "multicast listener report",
        132 => "multicast listener done",
        133 => "router solicitation",
        134 => "router advertisement",
        135 => "neighbor solicitation",
        136 => "neighbor advertisement",
        137 => "redirect",
        138 => "router renumbering",
        141 => "inverse neighbor solicitation",
        142 => "inverse neighbor advertisement",
        143 => "multicast listener report v2",
        144 => "ha discovery request",
        145 => "ha discovery reply",
        146 => "mobile router solicitation",
        147 => "mobile router advertisement",
        139 => "who-are-you request",
        140 => "who-are-you reply",
        201 => "mtrace message",
        200 => "mtrace response",
        155 => "RPL",
        _ => return None,
    })
}

/// `get_upperlayer`: the UDP/TCP header inside a quoted packet, with its protocol.
fn upperlayer(nd: &Nd, bp: usize) -> R<Option<(usize, u8)>> {
    if !nd.ttest(bp + 6, 1) {
        return Ok(None);
    }
    let mut nh = nd.u1(bp + 6)?;
    let mut hlen = 40usize;
    let mut bp = bp;
    while bp < nd.snapend {
        bp += hlen;
        match nh {
            6 | 17 => {
                if nd.ttest(bp + 2, 2) {
                    return Ok(Some((bp, nh)));
                }
                return Ok(None);
            }
            0 | 60 | 43 => {
                if !nd.ttest(bp + 1, 1) {
                    return Ok(None);
                }
                nh = nd.u1(bp)?;
                hlen = (nd.u1(bp + 1)? as usize + 1) << 3;
            }
            44 => {
                if !nd.ttest(bp + 2, 2) {
                    return Ok(None);
                }
                if nd.be2(bp + 2)? & 0xfff8 != 0 {
                    return Ok(None);
                }
                nh = nd.u1(bp)?;
                hlen = 8;
            }
            51 => {
                if !nd.ttest(bp + 1, 1) {
                    return Ok(None);
                }
                nh = nd.u1(bp)?;
                hlen = (nd.u1(bp + 1)? as usize + 2) << 2;
            }
            _ => return Ok(None),
        }
    }
    Ok(None)
}

fn mld6(nd: &mut Nd, bp: usize) -> R {
    if bp + 24 > nd.snapend {
        return Ok(());
    }
    let d = nd.be2(bp + 4)?;
    nd.s(b"max resp delay: ");
    nd.u(d as u64);
    nd.s(b" ");
    nd.need(bp + 8, 16)?;
    nd.s(b"addr: ");
    nd.ip6(bp + 8)
}

/// `icmp6_print`.
pub(crate) fn icmp6_print(nd: &mut Nd, bp: usize, length: usize, iph: usize, frag: bool) -> R {
    nd.proto = "icmp6";
    let oip = bp + 8;
    if length == 0 {
        nd.s(b"ICMP6, length 0");
        nd.invalid();
        return Ok(());
    }
    let v = nd.vflag;
    // tcpdump verifies ICMPv6 (and ICMP, IGMP) checksums even with -K.
    if v > 0 && !frag && nd.ttest(bp, length) {
        let icmp_sum = nd.be2(bp + 2)?;
        let sum = cksum::nextproto(nd, iph, bp, length, 58)?;
        if sum != 0 {
            nd.s(b"[bad icmp6 cksum 0x");
            nd.x0(icmp_sum as u64, 4);
            nd.s(b" -> 0x");
            nd.x0(cksum::shouldbe(icmp_sum, sum) as u64, 4);
            nd.s(b"!] ");
        } else {
            nd.s(b"[icmp6 sum ok] ");
        }
    }
    let t = nd.u1(bp)?;
    nd.s(b"ICMP6, ");
    match type_name(t) {
        Some(n) => nd.st(n),
        None => {
            nd.s(b"unknown icmp6 type (");
            nd.u(t as u64);
            nd.s(b")");
        }
    }
    // "display cosmetics": the types whose -v output runs on print the length first.
    if v > 0 && matches!(t, 133 | 134 | 135 | 136 | 137 | 145 | 147) {
        nd.s(b", length ");
        nd.u(length as u64);
    }
    let code = nd.u1(bp + 1)?;
    match t {
        1 => {
            nd.s(b", ");
            match code {
                0 => nd.s(b"unreachable route"),
                1 => nd.s(b" unreachable prohibited"),
                2 => nd.s(b"beyond scope"),
                3 => nd.s(b"unreachable address"),
                4 => nd.s(b"unreachable port"),
                c => {
                    nd.s(b"unknown unreach code (");
                    nd.u(c as u64);
                    nd.s(b")");
                }
            }
            match code {
                0 | 1 | 3 => {
                    nd.need(oip + 24, 16)?;
                    nd.s(b" ");
                    nd.ip6(oip + 24)?;
                }
                2 => {
                    nd.need(oip + 24, 16)?;
                    nd.need(oip + 8, 16)?;
                    nd.s(b" ");
                    nd.ip6(oip + 24)?;
                    nd.s(b", source address ");
                    nd.ip6(oip + 8)?;
                }
                4 => {
                    let Some((ouh, prot)) = upperlayer(nd, oip)? else {
                        nd.trunc();
                        return Ok(());
                    };
                    let dport = nd.be2(ouh + 2)?;
                    nd.need(oip + 24, 16)?;
                    nd.s(b", ");
                    nd.ip6(oip + 24)?;
                    match prot {
                        6 => nd.s(b" tcp port "),
                        17 => nd.s(b" udp port "),
                        _ => unreachable!(),
                    }
                    nd.u(dport as u64);
                }
                _ => {
                    if v <= 1 {
                        nd.unknown_data(bp, b"\n\t", length)?;
                        return Ok(());
                    }
                }
            }
        }
        2 => {
            let mtu = nd.be4(bp + 4)?;
            nd.s(b", mtu ");
            nd.u(mtu as u64);
        }
        3 => match code {
            0 => {
                nd.need(oip + 24, 16)?;
                nd.s(b" for ");
                nd.ip6(oip + 24)?;
            }
            1 => nd.s(b" (reassembly)"),
            c => {
                nd.s(b", unknown code (");
                nd.u(c as u64);
                nd.s(b")");
            }
        },
        4 => {
            if !nd.ttest(oip + 24, 16) {
                nd.trunc();
                return Ok(());
            }
            let what: &[u8] = match code {
                0 => b", erroneous - octet ",
                1 => b", next header - octet ",
                2 => b", option - octet ",
                3 => b", incomplete header chain - octet ",
                _ => b"",
            };
            if what.is_empty() {
                nd.s(b", code-#");
                nd.u(code as u64);
            } else {
                let p = nd.be4(bp + 4)?;
                nd.s(what);
                nd.u(p as u64);
            }
        }
        128 | 129 => {
            let id = nd.be2(bp + 4)?;
            let seq = nd.be2(bp + 6)?;
            nd.s(b", id ");
            nd.u(id as u64);
            nd.s(b", seq ");
            nd.u(seq as u64);
        }
        130 => {
            if length == 24 {
                mld6(nd, bp)?;
            } else if length >= 28 {
                nd.s(b" v2");
                mldv2_query(nd, bp, length)?;
            } else {
                nd.s(b" unknown-version (len ");
                nd.u(length as u64);
                nd.s(b") ");
            }
        }
        131 | 132 => mld6(nd, bp)?,
        141 | 142 => {}
        133 => {
            if v > 0 && !opt_print(nd, bp + 8, length as isize - 8)? {
                nd.trunc();
                return Ok(());
            }
        }
        134 => {
            if v > 0 {
                let hop = nd.u1(bp + 4)?;
                let flags = nd.u1(bp + 5)?;
                let lifetime = nd.be2(bp + 6)?;
                let reachable = nd.be4(bp + 8)?;
                let retrans = nd.be4(bp + 12)?;
                nd.s(b"\n\thop limit ");
                nd.u(hop as u64);
                nd.s(b", Flags [");
                bits(
                    nd,
                    flags as u32,
                    &[
                        (0x80, "managed"),
                        (0x40, "other stateful"),
                        (0x20, "home agent"),
                        (0x02, "ipv6 only"),
                    ],
                );
                nd.s(b"], pref ");
                nd.st(rtpref(flags));
                nd.s(b", router lifetime ");
                nd.u(lifetime as u64);
                nd.s(b"s, reachable time ");
                nd.u(reachable as u64);
                nd.s(b"ms, retrans timer ");
                nd.u(retrans as u64);
                nd.s(b"ms");
                if !opt_print(nd, bp + 16, length as isize - 16)? {
                    nd.trunc();
                    return Ok(());
                }
            }
        }
        135 => {
            nd.need(bp + 8, 16)?;
            nd.s(b", who has ");
            nd.ip6(bp + 8)?;
            if v > 0 && !opt_print(nd, bp + 24, length as isize - 24)? {
                nd.trunc();
                return Ok(());
            }
        }
        136 => {
            nd.need(bp + 8, 16)?;
            nd.s(b", tgt is ");
            nd.ip6(bp + 8)?;
            if v > 0 {
                let f = nd.be4(bp + 4)?;
                nd.s(b", Flags [");
                bits(
                    nd,
                    f,
                    &[
                        (0x8000_0000, "router"),
                        (0x4000_0000, "solicited"),
                        (0x2000_0000, "override"),
                    ],
                );
                nd.s(b"]");
                if !opt_print(nd, bp + 24, length as isize - 24)? {
                    nd.trunc();
                    return Ok(());
                }
            }
        }
        137 => {
            nd.need(bp + 24, 16)?;
            nd.s(b", ");
            nd.ip6(bp + 24)?;
            nd.need(bp + 8, 16)?;
            nd.s(b" to ");
            nd.ip6(bp + 8)?;
            if v > 0 && !opt_print(nd, bp + 40, length as isize - 40)? {
                nd.trunc();
                return Ok(());
            }
        }
        143 => mldv2_report(nd, bp, length)?,
        146 | 144 => {
            let id = nd.be2(bp + 4)?;
            nd.s(b", id 0x");
            nd.x0(id as u64, 4);
        }
        145 => {
            if v > 0 {
                let id = nd.be2(bp + 4)?;
                nd.s(b", id 0x");
                nd.x0(id as u64, 4);
                let mut p = bp + 8;
                while p < bp + length {
                    nd.need(p, 16)?;
                    nd.s(b", ");
                    nd.ip6(p)?;
                    p += 16;
                }
            }
        }
        147 => {
            if v > 0 {
                let id = nd.be2(bp + 4)?;
                nd.s(b", id 0x");
                nd.x0(id as u64, 4);
                let flags = nd.be2(bp + 6)?;
                if flags & 0xc000 != 0 {
                    nd.s(b" ");
                }
                if flags & 0x8000 != 0 {
                    nd.s(b"M");
                }
                if flags & 0x4000 != 0 {
                    nd.s(b"O");
                }
                if !opt_print(nd, bp + 8, length as isize - 8)? {
                    nd.trunc();
                    return Ok(());
                }
            }
        }
        138 | 139 | 140 | 155 => {
            // Router renumbering, node information and RPL are not decoded; tcpdump
            // prints their details here.
            nd.proto = "icmp6";
            return Err(Trunc);
        }
        _ => {
            nd.s(b", length ");
            nd.u(length as u64);
            if v <= 1 {
                nd.unknown_data(bp, b"\n\t", length)?;
            }
            return Ok(());
        }
    }
    if v == 0 {
        nd.s(b", length ");
        nd.u(length as u64);
    }
    Ok(())
}

/// `bittok2str(..., "none", v)`: the names of the set bits, ", "-separated.
fn bits(nd: &mut Nd, v: u32, table: &[(u32, &str)]) {
    let mut sep: &[u8] = b"";
    for &(bit, name) in table {
        if v & bit != 0 {
            nd.s(sep);
            nd.st(name);
            sep = b", ";
        }
    }
    if sep.is_empty() {
        nd.s(b"none");
    }
}

/// `get_rtpref`: the router preference bits (0x18).
fn rtpref(v: u8) -> &'static str {
    ["medium", "high", "rsv", "low"][((v & 0x18) >> 3) as usize]
}

/// `get_lifetime`.
fn lifetime(nd: &mut Nd, v: u32) {
    if v == u32::MAX {
        nd.s(b"infinity");
    } else {
        nd.u(v as u64);
        nd.s(b"s");
    }
}

/// `icmp6_opt_print`: neighbour discovery options (-v; -vv adds a hex dump of each).
/// Ok(false) is its -1 (the caller prints the truncation marker).
fn opt_print(nd: &mut Nd, bp: usize, mut resid: isize) -> R<bool> {
    let mut cp = bp;
    let ep = nd.snapend;
    while cp < ep {
        if !nd.ttest(cp + 1, 1) {
            return Ok(false);
        }
        if resid <= 0 {
            return Ok(true);
        }
        let t = nd.u1(cp)?;
        let l = nd.u1(cp + 1)? as usize;
        if l == 0 || cp + (l << 3) > ep {
            return Ok(false);
        }
        nd.s(b"\n\t  ");
        nd.s(match t {
            1 => b"source link-address",
            2 => b"destination link-address",
            3 => b"prefix info",
            4 => b"redirected header",
            5 => b"mtu",
            25 => b"rdnss",
            31 => b"dnssl",
            7 => b"advertisement interval",
            8 => b"homeagent information",
            24 => b"route info",
            _ => b"unknown",
        });
        nd.s(b" option (");
        nd.u(t as u64);
        nd.s(b"), length ");
        nd.u((l << 3) as u64);
        nd.s(b" (");
        nd.u(l as u64);
        nd.s(b"): ");
        match t {
            1 | 2 => {
                // print_lladdr
                for (k, q) in (cp + 2..cp + (l << 3)).enumerate() {
                    if k > 0 {
                        nd.s(b":");
                    }
                    let c = nd.u1(q)?;
                    nd.x0(c as u64, 2);
                }
            }
            3 => {
                nd.need(cp + 16, 16)?;
                let plen = nd.u1(cp + 2)?;
                let flags = nd.u1(cp + 3)?;
                let valid = nd.be4(cp + 4)?;
                nd.ip6(cp + 16)?;
                nd.s(b"/");
                nd.u(plen as u64);
                if l != 4 {
                    nd.s(b"badlen");
                }
                nd.s(b", Flags [");
                bits(
                    nd,
                    flags as u32,
                    &[(0x80, "onlink"), (0x40, "auto"), (0x20, "router")],
                );
                nd.s(b"], valid time ");
                lifetime(nd, valid);
                let pref = nd.be4(cp + 8)?;
                nd.s(b", pref. time ");
                lifetime(nd, pref);
            }
            4 => nd.unknown_data(bp, b"\n\t    ", l << 3)?,
            5 => {
                let mtu = nd.be4(cp + 4)?;
                nd.s(b" ");
                nd.u(mtu as u64);
                if l != 1 {
                    nd.s(b"bad option length");
                }
            }
            25 => {
                let lt = nd.be4(cp + 4)?;
                nd.s(b" lifetime ");
                nd.u(lt as u64);
                nd.s(b"s,");
                for i in 0..(l - 1) / 2 {
                    nd.need(cp + 8 + 16 * i, 16)?;
                    nd.s(b" addr: ");
                    nd.ip6(cp + 8 + 16 * i)?;
                }
            }
            31 => {
                let lt = nd.be4(cp + 4)?;
                nd.s(b" lifetime ");
                nd.u(lt as u64);
                nd.s(b"s, domain(s):");
                let mut domp = cp + 8;
                while domp < cp + (l << 3) && nd.u1(domp)? != 0 {
                    nd.s(b" ");
                    match super::dns::fqdn_print(nd, domp, bp)? {
                        Some(next) => domp = next,
                        None => return Ok(false),
                    }
                }
            }
            7 => {
                let i = nd.be4(cp + 4)?;
                nd.s(b" ");
                nd.u(i as u64);
                nd.s(b"ms");
            }
            8 => {
                let pref = nd.be2(cp + 4)?;
                let lt = nd.be2(cp + 6)?;
                nd.s(b" preference ");
                nd.u(pref as u64);
                nd.s(b", lifetime ");
                nd.u(lt as u64);
            }
            24 => {
                if !nd.ttest(cp + 4, 4) {
                    return Ok(false);
                }
                let mut in6 = [0u8; 16];
                match l {
                    1 => {}
                    2 => in6[..8].copy_from_slice(nd.bytes(cp + 8, 8)?),
                    3 => in6.copy_from_slice(nd.bytes(cp + 8, 16)?),
                    _ => return Ok(false),
                }
                let plen = nd.u1(cp + 2)?;
                nd.s(b" ");
                super::fmt::ipv6(nd.out, &in6);
                nd.s(b"/");
                nd.u(plen as u64);
                let f = nd.u1(cp + 3)?;
                nd.s(b", pref=");
                nd.st(rtpref(f));
                let lt = nd.be4(cp + 4)?;
                nd.s(b", lifetime=");
                lifetime(nd, lt);
            }
            _ => {
                if nd.vflag <= 1 {
                    nd.unknown_data(cp + 2, b"\n\t  ", (l << 3) - 2)?;
                    return Ok(true);
                }
            }
        }
        if nd.vflag > 1 {
            nd.unknown_data(cp + 2, b"\n\t    ", (l << 3) - 2)?;
        }
        cp += l << 3;
        resid -= (l << 3) as isize;
    }
    Ok(true)
}

/// `mldv2_report_print`: the group count, and from -v each group record (-vv: with its
/// sources).
fn mldv2_report(nd: &mut Nd, bp: usize, len: usize) -> R {
    if len < 8 {
        nd.s(b" [invalid len ");
        nd.u(len as u64);
        nd.s(b"]");
        return Ok(());
    }
    let ngroups = nd.be2(bp + 6)?;
    nd.s(b", ");
    nd.u(ngroups as u64);
    nd.s(b" group record(s)");
    if nd.vflag == 0 {
        return Ok(());
    }
    let mut group = 8;
    for _ in 0..ngroups {
        if len < group + 20 {
            nd.s(b" [invalid number of groups]");
            return Ok(());
        }
        nd.need(bp + group + 4, 16)?;
        nd.s(b" [gaddr ");
        nd.ip6(bp + group + 4)?;
        let rt = nd.u1(bp + group)?;
        nd.s(b" ");
        match rt {
            1 => nd.s(b"is_in"),
            2 => nd.s(b"is_ex"),
            3 => nd.s(b"to_in"),
            4 => nd.s(b"to_ex"),
            5 => nd.s(b"allow"),
            6 => nd.s(b"block"),
            _ => {
                nd.s(b" [v2-report-#");
                nd.u(rt as u64);
                nd.s(b"]");
            }
        }
        let nsrcs = nd.be2(bp + group + 2)? as usize;
        if len < group + 20 + nsrcs * 16 {
            nd.s(b" [invalid number of sources ");
            nd.u(nsrcs as u64);
            nd.s(b"]");
            return Ok(());
        }
        if nd.vflag == 1 {
            nd.s(b", ");
            nd.u(nsrcs as u64);
            nd.s(b" source(s)");
        } else {
            nd.s(b" {");
            for j in 0..nsrcs {
                nd.need(bp + group + 20 + j * 16, 16)?;
                nd.s(b" ");
                nd.ip6(bp + group + 20 + j * 16)?;
            }
            nd.s(b" }");
        }
        group += 20 + nsrcs * 16;
        nd.s(b"]");
    }
    Ok(())
}

/// `mldv2_query_print` at default verbosity.
fn mldv2_query(nd: &mut Nd, bp: usize, len: usize) -> R {
    if len < 28 {
        nd.s(b" [invalid len ");
        nd.u(len as u64);
        nd.s(b"]");
        return Ok(());
    }
    let mrc = nd.be2(bp + 4)? as u32;
    if nd.vflag > 0 {
        let mrt = if mrc < 32768 {
            mrc
        } else {
            ((mrc & 0x0fff) | 0x1000) << (((mrc & 0x7000) >> 12) + 3)
        };
        nd.s(b" [max resp delay=");
        nd.u(mrt as u64);
        nd.s(b"]");
    }
    nd.need(bp + 8, 16)?;
    nd.s(b" [gaddr ");
    nd.ip6(bp + 8)?;
    if nd.vflag > 0 {
        let f = nd.u1(bp + 24)?;
        if f & 0x08 != 0 {
            nd.s(b" sflag");
        }
        if f & 0x07 != 0 {
            nd.s(b" robustness=");
            nd.u((f & 7) as u64);
        }
        let q = nd.u1(bp + 25)? as u32;
        let qqi = if q < 128 {
            q
        } else {
            ((q & 0x0f) | 0x10) << (((q & 0x70) >> 4) + 3)
        };
        nd.s(b" qqi=");
        nd.u(qqi as u64);
    }
    let nsrcs = nd.be2(bp + 26)? as usize;
    if nsrcs > 0 {
        if len < 28 + nsrcs * 16 {
            nd.s(b" [invalid number of sources]");
        } else if nd.vflag > 1 {
            nd.s(b" {");
            for i in 0..nsrcs {
                nd.need(bp + 28 + i * 16, 16)?;
                nd.s(b" ");
                nd.ip6(bp + 28 + i * 16)?;
            }
            nd.s(b" }");
        } else {
            nd.s(b", ");
            nd.u(nsrcs as u64);
            nd.s(b" source(s)");
        }
    }
    nd.s(b"]");
    Ok(())
}
