//! ICMPv6 (tcpdump's print-icmp6.c): echo, errors, neighbour and router discovery with their
//! options (-v), MLD v1/v2, node information queries and replies (RFC 4620), router
//! renumbering (RFC 2894), RPL control messages (RFC 6550), the checksum verdict (-v).

use super::cksum;
use super::nd::{Nd, R};

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
        138 => rrenum_print(nd, bp)?,
        139 | 140 => nodeinfo_print(nd, length, bp)?,
        155 => rpl_print(nd, code, bp + 4, length.wrapping_sub(4))?,
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

/// `dnsname_print`: a DNS name of labels between `cp` and `ep`, quoted, without compression.
fn dnsname_print(nd: &mut Nd, mut cp: usize, ep: usize) -> R {
    nd.s(b", \"");
    while cp < ep {
        let i = nd.u1(cp)? as usize;
        cp += 1;
        if i != 0 {
            if i > ep - cp {
                nd.s(b"???");
                break;
            }
            for _ in 0..i {
                if cp >= ep {
                    break;
                }
                let c = nd.u1(cp)?;
                nd.print_char(c);
                cp += 1;
            }
            if cp + 1 < ep && nd.u1(cp)? != 0 {
                nd.s(b".");
            }
        } else {
            if cp == ep {
                // A fully qualified name.
                nd.s(b".");
            } else if cp + 1 == ep && nd.u1(cp)? == 0 {
                // Truncated: nothing.
            } else {
                nd.s(b"???");
            }
            break;
        }
    }
    nd.s(b"\"");
    Ok(())
}

/// A name that is the draft icmp-name-lookup-03's Pascal string (its length byte counts the
/// rest of the packet), printed whole; any other as `dnsname_print`.
fn ni_name(nd: &mut Nd, cp: usize, ep: usize) -> R {
    if nd.u1(cp)? as i64 == ep as i64 - cp as i64 - 1 {
        if nd.vflag > 0 {
            nd.s(b", 03 draft");
        }
        nd.s(b", \"");
        for i in cp + 1..ep {
            let c = nd.u1(i)?;
            nd.print_char(c);
        }
        nd.s(b"\"");
        Ok(())
    } else {
        dnsname_print(nd, cp, ep)
    }
}

/// The node-address flags `[aGSLCA]` (and `T`, the truncation flag of replies).
fn ni_nodeaddr_flags(nd: &mut Nd, f: u16, reply: bool) {
    nd.s(b" [");
    for (bit, c) in [
        (0x40, b"a"),
        (0x20, b"G"),
        (0x10, b"S"),
        (0x08, b"L"),
        (0x04, b"C"),
    ] {
        if f & bit != 0 {
            nd.s(c);
        }
    }
    if f & 0x02 != 0 {
        nd.s(b"A");
    }
    if reply && f & 0x01 != 0 {
        nd.s(b"T");
    }
    nd.s(b"]");
}

/// `icmp6_nodeinfo_print` (types 139 and 140). Its sizes are what is captured (to C's
/// `ep`, the snapshot end), not the ICMPv6 length; its `goto trunc` prints `[|icmp6]`
/// and the caller's line goes on.
fn nodeinfo_print(nd: &mut Nd, icmp6len: usize, bp: usize) -> R {
    const NI: usize = 16;
    let ep = nd.snapend;
    if ep < bp {
        return Ok(());
    }
    let siz = ep - bp;
    let v = nd.vflag > 0;
    if nd.u1(bp)? == 139 {
        if siz == 8 + 4 {
            // KAME who-are-you
            nd.s(b" who-are-you request");
            return Ok(());
        }
        nd.s(b" node information query");
        if !nd.ttest(bp, NI) {
            nd.trunc();
            return Ok(());
        }
        nd.s(b" (");
        let qtype = nd.be2(bp + 4)?;
        let flags = nd.be2(bp + 6)?;
        match qtype {
            0 => nd.s(b"noop"),
            1 => {
                nd.s(b"supported qtypes");
                if flags != 0 {
                    nd.s(if flags & 1 != 0 { b" [C]" } else { b" []" });
                }
            }
            2 => nd.s(b"DNS name"),
            3 => {
                nd.s(b"node addresses");
                if flags != 0 {
                    ni_nodeaddr_flags(nd, flags, false);
                }
            }
            _ => nd.s(b"unknown"),
        }
        if qtype == 0 || qtype == 1 {
            if siz != NI && v {
                nd.s(b", invalid len");
            }
            nd.s(b")");
            return Ok(());
        }
        if siz == NI {
            // icmp-name-lookup-03, for backward compatibility
            nd.s(b", 03 draft)");
            return Ok(());
        }
        let cp = bp + NI;
        match nd.u1(bp + 1)? {
            0 => {
                if nd.ttest(bp, NI + 16) {
                    if siz != NI + 16 {
                        if v {
                            nd.s(b", invalid subject len");
                        }
                    } else {
                        nd.s(b", subject=");
                        nd.ip6(cp)?;
                    }
                }
            }
            1 => {
                nd.s(b", subject=DNS name");
                ni_name(nd, cp, ep)?;
            }
            2 => {
                if nd.ttest(bp, NI + 4) {
                    if siz != NI + 4 {
                        if v {
                            nd.s(b", invalid subject len");
                        }
                    } else {
                        nd.s(b", subject=");
                        nd.ip4(cp)?;
                    }
                }
            }
            _ => nd.s(b", unknown subject"),
        }
        nd.s(b")");
        return Ok(());
    }
    // 140, the reply
    if icmp6len > siz || !nd.ttest(bp, NI) {
        nd.trunc();
        return Ok(());
    }
    nd.s(b" node information reply (");
    let code = nd.u1(bp + 1)?;
    let mut comma = false;
    match code {
        0 if v => {
            nd.s(b"success");
            comma = true;
        }
        1 | 2 => {
            nd.s(if code == 1 { b"refused" } else { b"unknown" });
            comma = true;
            if siz != NI && v {
                nd.s(b", invalid length");
            }
        }
        _ => {}
    }
    if code != 0 {
        nd.s(b")");
        return Ok(());
    }
    if comma {
        nd.s(b", ");
    }
    let flags = nd.be2(bp + 6)?;
    match nd.be2(bp + 4)? {
        0 => {
            nd.s(b"noop");
            if siz != NI && v {
                nd.s(b", invalid length");
            }
        }
        1 => {
            nd.s(b"supported qtypes");
            if flags != 0 {
                nd.s(if flags & 1 != 0 { b" [C]" } else { b" []" });
            }
        }
        2 => {
            nd.s(b"DNS name");
            ni_name(nd, bp + NI + 4, ep)?;
            if flags & 1 != 0 {
                let ttl = nd.be4(bp + NI)?;
                nd.s(b" [TTL=");
                nd.u(ttl as u64);
                nd.s(b"]");
            }
        }
        3 => {
            nd.s(b"node addresses");
            let mut i = NI;
            while i < siz && i + 4 + 16 <= siz {
                nd.need(bp + i, 20)?;
                nd.s(b" ");
                nd.ip6(bp + i + 4)?;
                let ttl = nd.be4(bp + i)?;
                nd.s(b"(");
                nd.u(ttl as u64);
                nd.s(b")");
                i += 20;
            }
            if flags != 0 {
                ni_nodeaddr_flags(nd, flags, true);
            }
        }
        _ => nd.s(b"unknown"),
    }
    nd.s(b")");
    Ok(())
}

/// `icmp6_rrenum_print` (type 138): the code, sequence number, with -v the flags, segment
/// and delay; a command's match-prefix part and its use-prefix parts. Its `goto trunc`
/// prints `[|icmp6]` and the caller's line goes on.
fn rrenum_print(nd: &mut Nd, bp: usize) -> R {
    if !nd.ttest(bp + 12, 4) {
        nd.trunc();
        return Ok(());
    }
    let code = nd.u1(bp + 1)?;
    match code {
        0 => nd.s(b", command"),
        1 => nd.s(b", result"),
        255 => nd.s(b", sequence number reset"),
        c => {
            nd.s(b", code-#");
            nd.u(c as u64);
        }
    }
    let seq = nd.be4(bp + 4)?;
    nd.s(b", seq=");
    nd.u(seq as u64);
    let v = nd.vflag;
    if v > 0 {
        let flags = nd.u1(bp + 9)?;
        nd.s(b"[");
        if flags != 0 {
            for (bit, c) in [
                (0x80, b"T"),
                (0x40, b"R"),
                (0x20, b"A"),
                (0x10, b"S"),
                (0x08, b"P"),
            ] {
                if flags & bit != 0 {
                    nd.s(c);
                }
            }
            nd.s(b",");
        }
        let seg = nd.u1(bp + 8)?;
        nd.s(b"seg=");
        nd.u(seg as u64);
        let delay = nd.be2(bp + 10)?;
        nd.s(b",maxdelay=");
        nd.u(delay as u64);
        let rsvd = nd.be4(bp + 12)?;
        if rsvd != 0 {
            nd.s(b"rsvd=0x");
            nd.x(rsvd as u64);
        }
        nd.s(b"]");
    }
    if code != 0 {
        return Ok(());
    }
    let sep: &[u8] = if v > 1 { b"\n\t" } else { b" " };
    let m = bp + 16;
    if !nd.ttest(m + 8, 16) {
        nd.trunc();
        return Ok(());
    }
    nd.s(sep);
    nd.s(b"match(");
    match nd.u1(m)? {
        1 => nd.s(b"add"),
        2 => nd.s(b"change"),
        3 => nd.s(b"setglobal"),
        c => {
            nd.s(b"#");
            nd.u(c as u64);
        }
    }
    if v > 0 {
        for (at, name) in [(2, b",ord="), (4, b",min="), (5, b",max=")] {
            let x = nd.u1(m + at)?;
            nd.s(name);
            nd.u(x as u64);
        }
    }
    nd.s(b",");
    nd.ip6(m + 8)?;
    let matchlen = nd.u1(m + 3)?;
    nd.s(b"/");
    nd.u(matchlen as u64);
    nd.s(b")");
    // The part's length counts 8-byte units: 3 for the match part, 4 for each use part.
    let mut n = nd.u1(m + 1)? as i32 - 3;
    if n % 4 != 0 {
        nd.trunc();
        return Ok(());
    }
    n /= 4;
    let mut u = m + 24;
    while n > 0 {
        n -= 1;
        if !nd.ttest(u + 16, 16) {
            nd.trunc();
            return Ok(());
        }
        nd.s(sep);
        nd.s(b"use(");
        // C tests the first byte of the 32-bit flags field against htonl(0x80000000) and
        // htonl(0x40000000): on the little-endian machines tcpdump runs on, 0x80 and 0x40.
        let f = nd.u1(u + 12)?;
        if f != 0 {
            if f & 0x80 != 0 {
                nd.s(b"V");
            }
            if f & 0x40 != 0 {
                nd.s(b"P");
            }
            nd.s(b",");
        }
        if v > 0 {
            let mask = nd.u1(u + 2)?;
            nd.s(b"mask=0x");
            nd.x(mask as u64);
            let raflags = nd.u1(u + 3)?;
            nd.s(b",raflags=0x");
            nd.x(raflags as u64);
            nd.s(b",");
            for (at, name) in [(4, &b"vltime="[..]), (8, &b"pltime="[..])] {
                let t = nd.be4(u + at)?;
                nd.s(name);
                if t == 0xffff_ffff {
                    nd.s(b"infty,");
                } else {
                    nd.u(t as u64);
                    nd.s(b",");
                }
            }
        }
        nd.ip6(u + 16)?;
        let uselen = nd.u1(u)?;
        nd.s(b"/");
        nd.u(uselen as u64);
        let keeplen = nd.u1(u + 1)?;
        nd.s(b"/");
        nd.u(keeplen as u64);
        nd.s(b")");
        u += 32;
    }
    Ok(())
}

/// `rpl_print`: the RPL control message's code; with -v the DIO, DAO or DAO-ACK fields,
/// with -vv their options. `bp` is the message body, `length` its length.
fn rpl_print(nd: &mut Nd, code: u8, bp: usize, length: usize) -> R {
    if code & 0x80 != 0 {
        nd.s(b", (SEC) [worktodo]");
        return Ok(());
    }
    nd.s(b", (CLR)");
    let v = nd.vflag > 0;
    match code {
        0 => nd.s(b"DODAG Information Solicitation"),
        1 => {
            nd.s(b"DODAG Information Object");
            if v {
                rpl_dio(nd, bp, length)?;
            }
        }
        2 => {
            nd.s(b"Destination Advertisement Object");
            if v {
                rpl_dao(nd, bp, length)?;
            }
        }
        3 => {
            nd.s(b"Destination Advertisement Object Ack");
            if v {
                rpl_daoack(nd, bp, length)?;
            }
        }
        c => {
            nd.s(b"RPL message, unknown code ");
            nd.u(c as u64);
        }
    }
    Ok(())
}

const RPL_DIO_LEN: usize = 24;
const RPL_DAO_MIN_LEN: usize = 4;
const RPL_DAGID_LEN: usize = 16;

/// `rpl_dio_print`.
fn rpl_dio(nd: &mut Nd, bp: usize, length: usize) -> R {
    if length < RPL_DIO_LEN {
        nd.s(b" [length ");
        nd.u(length as u64);
        nd.s(b" < 24]");
        nd.invalid();
        return Ok(());
    }
    nd.need(bp, RPL_DIO_LEN)?;
    let mopprf = nd.u1(bp + 4)?;
    nd.s(b" [dagid:");
    nd.ip6(bp + 8)?;
    nd.s(b",seq:");
    nd.u(nd.b[bp + 5] as u64);
    nd.s(b",instance:");
    nd.u(nd.b[bp] as u64);
    nd.s(b",rank:");
    nd.u(nd.be2(bp + 2)? as u64);
    nd.s(b",");
    if mopprf & 0x80 != 0 {
        nd.s(b"grounded,");
    }
    nd.s(b"mop:");
    match (mopprf >> 3) & 7 {
        0 => nd.s(b"nonstoring"),
        1 => nd.s(b"storing"),
        2 => nd.s(b"nonstoring-multicast"),
        3 => nd.s(b"storing-multicast"),
        m => {
            nd.s(b"mop");
            nd.u(m as u64);
        }
    }
    nd.s(b",prf:");
    nd.u((mopprf & 7) as u64);
    nd.s(b"]");
    if nd.vflag > 1 {
        rpl_printopts(nd, bp + RPL_DIO_LEN, length - RPL_DIO_LEN)?;
    }
    Ok(())
}

/// `rpl_dao_print` (`ack` false) and `rpl_daoack_print` (true): the DAGID when its flag
/// says it is there, sequence, instance, and the DAO's flags or the ACK's status.
fn rpl_dao_common(nd: &mut Nd, bp: usize, length: usize, ack: bool) -> R {
    // The DAO checks its whole structure, DAGID included, present or not.
    let check = if ack {
        RPL_DAO_MIN_LEN
    } else {
        RPL_DAO_MIN_LEN + RPL_DAGID_LEN
    };
    if !nd.ttest(bp, check) {
        nd.trunc();
        return Ok(());
    }
    let tooshort: &[u8] = if ack {
        b" [|dao-length too short]"
    } else {
        b" [|length too short]"
    };
    if length < RPL_DAO_MIN_LEN {
        nd.s(tooshort);
        return Ok(());
    }
    let (mut at, mut length) = (bp + RPL_DAO_MIN_LEN, length - RPL_DAO_MIN_LEN);
    let flags = nd.u1(bp + 1)?;
    let has_dagid = flags & if ack { 0x80 } else { 0x40 } != 0;
    if has_dagid {
        if !nd.ttest(bp + 4, RPL_DAGID_LEN) {
            nd.trunc();
            return Ok(());
        }
        if length < RPL_DAGID_LEN {
            nd.s(tooshort);
            return Ok(());
        }
        at += RPL_DAGID_LEN;
        length -= RPL_DAGID_LEN;
    }
    let (seq, instance) = if ack {
        (nd.u1(bp + 2)?, nd.u1(bp)?)
    } else {
        (nd.u1(bp + 3)?, nd.u1(bp)?)
    };
    let status = nd.u1(bp + 3)?;
    nd.s(b" [dagid:");
    if has_dagid {
        nd.ip6(bp + 4)?;
    } else {
        nd.s(b"<elided>");
    }
    nd.s(b",seq:");
    nd.u(seq as u64);
    nd.s(b",instance:");
    nd.u(instance as u64);
    if ack {
        nd.s(b",status:");
        nd.u(status as u64);
    } else {
        if flags & 0x80 != 0 {
            nd.s(b",acK");
        }
        if has_dagid {
            nd.s(b",Dagid");
        }
        nd.s(b",");
        nd.x0(flags as u64, 2);
    }
    nd.s(b"]");
    if nd.vflag > 1 {
        rpl_printopts(nd, at, length)?;
    }
    Ok(())
}

fn rpl_dao(nd: &mut Nd, bp: usize, length: usize) -> R {
    rpl_dao_common(nd, bp, length, false)
}

fn rpl_daoack(nd: &mut Nd, bp: usize, length: usize) -> R {
    rpl_dao_common(nd, bp, length, true)
}

/// `rpl_printopts`: each option's name and length; with -vvv its bytes. Its `goto trunc`
/// prints `[|icmp6]` and the line goes on.
fn rpl_printopts(nd: &mut Nd, mut opts: usize, mut length: usize) -> R {
    while length != 0 {
        let t = nd.u1(opts)?;
        let optlen;
        if t == 0 {
            optlen = 1;
            nd.s(b" opt:pad1");
        } else {
            if length < 2 {
                nd.trunc();
                return Ok(());
            }
            optlen = nd.u1(opts + 1)? as usize + 2;
            nd.s(b" opt:");
            match t {
                1 => nd.s(b"padN"),
                2 => nd.s(b"metrics"),
                3 => nd.s(b"routinginfo"),
                4 => nd.s(b"config"),
                5 => nd.s(b"rpltarget"),
                6 => nd.s(b"transitinfo"),
                8 => nd.s(b"destprefix"),
                9 => nd.s(b"rpltargetdesc"),
                _ => {
                    nd.s(b"subopt:");
                    nd.u(t as u64);
                }
            }
            nd.s(b" len:");
            nd.u(optlen as u64);
            nd.s(b" ");
            if !nd.ttest(opts, optlen) || length < optlen {
                nd.trunc();
                return Ok(());
            }
            if nd.vflag > 2 {
                nd.hex_print(b" ", opts + 2, optlen - 2)?;
            }
        }
        opts += optlen;
        length -= optlen;
    }
    Ok(())
}
