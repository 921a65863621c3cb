//! PIM (tcpdump's print-pim.c): PIMv2 on IP protocol 103 (the type, and with -v the checksum
//! verdict and each message: hello options, register with its inner packet, join/prune,
//! bootstrap, assert, candidate-RP, prune refresh, DF election), PIMv1 inside IGMP, and
//! Cisco Auto-RP on UDP 496.

use super::cksum;
use super::igmp::relts;
use super::nd::{Nd, R};
use super::{ip, ip6};

fn v2_type_name(t: u8) -> &'static str {
    match t {
        0 => "Hello",
        1 => "Register",
        2 => "Register Stop",
        3 => "Join / Prune",
        4 => "Bootstrap",
        5 => "Assert",
        6 => "Graft",
        7 => "Graft Acknowledgement",
        8 => "Candidate RP Advertisement",
        9 => "Prune Refresh",
        10 => "DF Election",
        11 => "ECMP Redirect",
        _ => "Unknown Type",
    }
}

fn hello_option_name(t: u16) -> &'static str {
    match t {
        1 => "Hold Time",
        2 => "LAN Prune Delay",
        18 => "DR Priority (Old)",
        19 => "DR Priority",
        20 => "Generation ID",
        21 => "State Refresh Capability",
        22 => "Bi-Directional Capability",
        24 => "Address List",
        65001 => "Address List (Old)",
        _ => "Unknown",
    }
}

/// `pim_print`: `iph` is the IPv4 or IPv6 header (the checksum's pseudo-header).
pub(crate) fn pim_print(nd: &mut Nd, bp: usize, len: usize, iph: usize) -> R {
    nd.proto = "pim";
    let typever = nd.u1(bp)?;
    let (ver, typ) = (typever >> 4, typever & 0x0f);
    nd.s(b"PIMv");
    nd.u(ver as u64);
    if ver != 2 {
        nd.s(b", length ");
        nd.u(len as u64);
        return Ok(());
    }
    if nd.vflag == 0 {
        nd.s(b", ");
        nd.st(v2_type_name(typ));
        nd.s(b", length ");
        nd.u(len as u64);
        return Ok(());
    }
    nd.s(b", length ");
    nd.u(len as u64);
    nd.s(b"\n\t");
    nd.st(v2_type_name(typ));
    match v2_print(nd, bp, len, iph)? {
        Some(()) => Ok(()),
        None => {
            nd.trunc();
            Ok(())
        }
    }
}

/// The kinds of encoded address (`enum pimv2_addrtype`).
#[derive(Clone, Copy, PartialEq)]
enum At {
    Unicast,
    Group,
    Source,
}

/// `pimv2_addr_print`: the bytes taken, or None (C's -1) for an address it cannot print.
/// `addr_len` 0 is the encoded form (family and encoding first), else RFC 2117's bare one.
fn addr(nd: &mut Nd, bp: usize, len: usize, at: At, addr_len: usize) -> R<Option<usize>> {
    let (v6, alen, hdrlen) = if addr_len == 0 {
        if len < 2 {
            return Ok(None);
        }
        let v6 = match nd.u1(bp)? {
            1 => false,
            2 => true,
            _ => return Ok(None),
        };
        if nd.u1(bp + 1)? != 0 {
            return Ok(None);
        }
        (v6, if v6 { 16 } else { 4 }, 2)
    } else {
        match addr_len {
            4 => (false, 4, 0),
            16 => (true, 16, 0),
            _ => return Ok(None),
        }
    };
    let (bp, len) = (bp + hdrlen, len - hdrlen);
    let put = |nd: &mut Nd, at: usize| if v6 { nd.ip6(at) } else { nd.ip4(at) };
    if at == At::Unicast {
        if len < alen || !nd.ttest(bp, alen) {
            return Ok(None);
        }
        put(nd, bp)?;
        return Ok(Some(hdrlen + alen));
    }
    if len < alen + 2 || !nd.ttest(bp, alen + 2) {
        return Ok(None);
    }
    put(nd, bp + 2)?;
    let mask = nd.u1(bp + 1)?;
    if mask != if v6 { 128 } else { 32 } {
        nd.s(b"/");
        nd.u(mask as u64);
    }
    let flags = nd.u1(bp)?;
    if flags != 0 {
        if at == At::Group {
            nd.s(b"(0x");
            nd.x0(flags as u64, 2);
            nd.s(b")");
        } else {
            nd.s(b"(");
            if flags & 4 != 0 {
                nd.s(b"S");
            }
            if flags & 2 != 0 {
                nd.s(b"W");
            }
            if flags & 1 != 0 {
                nd.s(b"R");
            }
            if flags & 0xf8 != 0 {
                nd.s(b"+0x");
                nd.x0((flags & 0xf8) as u64, 2);
            }
            nd.s(b")");
        }
    }
    Ok(Some(hdrlen + 2 + alen))
}

/// `pimv2_check_checksum`: None when the bytes are not all captured (unverified).
fn checksum_ok(nd: &Nd, bp: usize, iph: usize, len: usize) -> R<Option<bool>> {
    if !nd.ttest(bp, len) {
        return Ok(None);
    }
    match nd.u1(iph)? >> 4 {
        4 => Ok(Some(cksum::in_cksum(nd.bytes(bp, len)?) == 0)),
        6 => Ok(Some(cksum::nextproto(nd, iph, bp, len, 103)? == 0)),
        _ => Ok(None),
    }
}

/// `[option length N != M] (invalid)`.
fn bad_len(nd: &mut Nd, what: &[u8], n: usize, want: &[u8]) {
    nd.s(what);
    nd.u(n as u64);
    nd.s(want);
    nd.invalid();
}

/// `pimv2_print`: Ok(None) is C's `goto trunc` (" [|pimv2]", printed by the caller).
// Each address advances the cursor as C does, even the last one of a message.
#[allow(unused_assignments)]
fn v2_print(nd: &mut Nd, bp0: usize, len0: usize, iph: usize) -> R<Option<()>> {
    nd.proto = "pimv2";
    if len0 < 2 {
        bad_len(nd, b"[length ", len0, b" < 2]");
        return Ok(Some(()));
    }
    let typever = nd.u1(bp0)?;
    let typ = typever & 0x0f;
    let rsv = nd.u1(bp0 + 1)?;
    let alen = (rsv & 0x0f) as usize;
    if alen != 0 {
        nd.s(b", RFC2117-encoding");
    }
    if len0 < 4 {
        bad_len(nd, b"[length ", len0, b" < 4]");
        return Ok(Some(()));
    }
    let sum = nd.be2(bp0 + 2)?;
    nd.s(b", cksum 0x");
    nd.x0(sum as u64, 4);
    nd.s(b" ");
    if sum == 0 {
        nd.s(b"(unverified)");
    } else {
        let mut status = if typ == 1 {
            // A register's checksum covers its header only; RFC 4601 also accepts one over
            // the whole message.
            checksum_ok(nd, bp0, iph, 8)?
        } else {
            checksum_ok(nd, bp0, iph, len0)?
        };
        if typ == 1 && status == Some(false) {
            status = checksum_ok(nd, bp0, iph, len0)?;
        }
        nd.s(match status {
            Some(true) => &b"(correct)"[..],
            Some(false) => b"(incorrect)",
            None => b"(unverified)",
        });
    }
    let (mut bp, mut len) = (bp0 + 4, len0 - 4);
    // One encoded address, or the message's `goto trunc`.
    macro_rules! addr {
        ($at:expr) => {
            match addr(nd, bp, len, $at, alen)? {
                Some(n) => {
                    bp += n;
                    len -= n;
                }
                None => return Ok(None),
            }
        };
    }
    match typ {
        0 => {
            while len > 0 {
                if len < 4 {
                    return Ok(None);
                }
                let otype = nd.be2(bp)?;
                let olen = nd.be2(bp + 2)? as usize;
                nd.s(b"\n\t  ");
                nd.st(hello_option_name(otype));
                nd.s(b" Option (");
                nd.u(otype as u64);
                nd.s(b"), length ");
                nd.u(olen as u64);
                nd.s(b", Value: ");
                bp += 4;
                len -= 4;
                if len < olen || !nd.ttest(bp, olen) {
                    return Ok(None);
                }
                match otype {
                    1 => {
                        if olen != 2 {
                            bad_len(nd, b"[option length ", olen, b" != 2]");
                            return Ok(Some(()));
                        }
                        let v = nd.be2(bp)?;
                        relts(nd, v as u32);
                    }
                    2 => {
                        if olen != 4 {
                            bad_len(nd, b"[option length ", olen, b" != 4]");
                            return Ok(Some(()));
                        }
                        let delay = nd.be2(bp)?;
                        let over = nd.be2(bp + 2)?;
                        nd.s(b"\n\t    T-bit=");
                        nd.u((delay >> 15) as u64);
                        nd.s(b", LAN delay ");
                        nd.u((delay & 0x7fff) as u64);
                        nd.s(b"ms, Override interval ");
                        nd.u(over as u64);
                        nd.s(b"ms");
                    }
                    18 | 19 => match olen {
                        0 => nd.s(b"Bi-Directional Capability (Old)"),
                        4 => {
                            let v = nd.be4(bp)?;
                            nd.u(v as u64);
                        }
                        _ => {
                            bad_len(nd, b"[option length ", olen, b" != 4]");
                            return Ok(Some(()));
                        }
                    },
                    20 => {
                        if olen != 4 {
                            bad_len(nd, b"[option length ", olen, b" != 4]");
                            return Ok(Some(()));
                        }
                        let v = nd.be4(bp)?;
                        nd.s(b"0x");
                        nd.x0(v as u64, 8);
                    }
                    21 => {
                        if olen != 4 {
                            bad_len(nd, b"[option length ", olen, b" != 4]");
                            return Ok(Some(()));
                        }
                        let v = nd.u1(bp)?;
                        nd.s(b"v");
                        nd.u(v as u64);
                        let interval = nd.u1(bp + 1)?;
                        if interval != 0 {
                            nd.s(b", interval ");
                            relts(nd, interval as u32);
                        }
                        let rest = nd.be2(bp + 2)?;
                        if rest != 0 {
                            nd.s(b" ?0x");
                            nd.x0(rest as u64, 4);
                            nd.s(b"?");
                        }
                    }
                    22 => {}
                    24 | 65001 => {
                        if nd.vflag > 1 {
                            let (mut ptr, mut plen) = (bp, len);
                            while ptr < bp + olen {
                                nd.s(b"\n\t    ");
                                match addr(nd, ptr, plen, At::Unicast, alen)? {
                                    Some(n) => {
                                        ptr += n;
                                        plen -= n;
                                    }
                                    None => return Ok(None),
                                }
                            }
                        }
                    }
                    _ => {
                        if nd.vflag <= 1 {
                            nd.unknown_data(bp, b"\n\t    ", olen)?;
                        }
                    }
                }
                if nd.vflag > 1 {
                    nd.unknown_data(bp, b"\n\t    ", olen)?;
                }
                bp += olen;
                len -= olen;
            }
        }
        1 => {
            if len < 4 || !nd.ttest(bp, 4) {
                return Ok(None);
            }
            let flags = nd.be4(bp)?;
            nd.s(b", Flags [ ");
            nd.s(match flags {
                0x8000_0000 => &b"Border"[..],
                0x4000_0000 => b"Null",
                _ => b"none",
            });
            nd.s(b" ]\n\t");
            bp += 4;
            len -= 4;
            if len == 0 {
                return Ok(None);
            }
            match nd.u1(bp)? >> 4 {
                0 => {
                    // The addresses are read before anything is printed.
                    nd.need(bp + 12, 8)?;
                    nd.s(b"IP-Null-header ");
                    nd.ip4(bp + 12)?;
                    nd.s(b" > ");
                    nd.ip4(bp + 16)?;
                }
                4 => ip::ip_print(nd, bp, len)?,
                6 => ip6::ip6_print(nd, bp, len)?,
                v => {
                    nd.s(b"IP ver ");
                    nd.u(v as u64);
                }
            }
        }
        2 => {
            nd.s(b" group=");
            addr!(At::Group);
            nd.s(b" source=");
            addr!(At::Unicast);
        }
        3 | 6 | 7 => {
            if typ != 7 {
                nd.s(b", upstream-neighbor: ");
                addr!(At::Unicast);
            }
            if len < 4 || !nd.ttest(bp, 4) {
                return Ok(None);
            }
            let ngroup = nd.u1(bp + 1)?;
            let holdtime = nd.be2(bp + 2)?;
            nd.s(b"\n\t  ");
            nd.u(ngroup as u64);
            nd.s(b" group(s)");
            if typ != 7 {
                nd.s(b", holdtime: ");
                if holdtime == 0xffff {
                    nd.s(b"infinite");
                } else {
                    relts(nd, holdtime as u32);
                }
            }
            bp += 4;
            len -= 4;
            for i in 0..ngroup as u64 {
                nd.s(b"\n\t    group #");
                nd.u(i + 1);
                nd.s(b": ");
                addr!(At::Group);
                if len < 4 || !nd.ttest(bp, 4) {
                    return Ok(None);
                }
                let njoin = nd.be2(bp)?;
                let nprune = nd.be2(bp + 2)?;
                nd.s(b", joined sources: ");
                nd.u(njoin as u64);
                nd.s(b", pruned sources: ");
                nd.u(nprune as u64);
                bp += 4;
                len -= 4;
                for j in 0..njoin as u64 {
                    nd.s(b"\n\t      joined source #");
                    nd.u(j + 1);
                    nd.s(b": ");
                    addr!(At::Source);
                }
                for j in 0..nprune as u64 {
                    nd.s(b"\n\t      pruned source #");
                    nd.u(j + 1);
                    nd.s(b": ");
                    addr!(At::Source);
                }
            }
        }
        4 => {
            if len < 2 {
                return Ok(None);
            }
            let tag = nd.be2(bp)?;
            nd.s(b" tag=");
            nd.x(tag as u64);
            bp += 2;
            len -= 2;
            if len < 1 {
                return Ok(None);
            }
            let hashmlen = nd.u1(bp)?;
            nd.s(b" hashmlen=");
            nd.u(hashmlen as u64);
            if len < 2 || !nd.ttest(bp + 2, 1) {
                return Ok(None);
            }
            let prio = nd.u1(bp + 1)?;
            nd.s(b" BSRprio=");
            nd.u(prio as u64);
            bp += 2;
            len -= 2;
            nd.s(b" BSR=");
            addr!(At::Unicast);
            let mut i = 0u64;
            while len > 0 {
                nd.s(b" (group");
                nd.u(i);
                nd.s(b": ");
                addr!(At::Group);
                if len < 1 {
                    return Ok(None);
                }
                let rpcnt = nd.u1(bp)?;
                nd.s(b" RPcnt=");
                nd.u(rpcnt as u64);
                if len < 2 {
                    return Ok(None);
                }
                let frpcnt = nd.u1(bp + 1)?;
                nd.s(b" FRPcnt=");
                nd.u(frpcnt as u64);
                if len < 4 {
                    return Ok(None);
                }
                bp += 4;
                len -= 4;
                let mut j = 0u64;
                while j < frpcnt as u64 && len > 0 {
                    nd.s(b" RP");
                    nd.u(j);
                    nd.s(b"=");
                    addr!(At::Unicast);
                    if len < 2 {
                        return Ok(None);
                    }
                    nd.s(b",holdtime=");
                    let hold = nd.be2(bp)?;
                    relts(nd, hold as u32);
                    if len < 3 {
                        return Ok(None);
                    }
                    let prio = nd.u1(bp + 2)?;
                    nd.s(b",prio=");
                    nd.u(prio as u64);
                    if len < 4 {
                        return Ok(None);
                    }
                    bp += 4;
                    len -= 4;
                    j += 1;
                }
                nd.s(b")");
                i += 1;
            }
        }
        5 => {
            nd.s(b" group=");
            addr!(At::Group);
            nd.s(b" src=");
            addr!(At::Unicast);
            if len < 8 || !nd.ttest(bp, 8) {
                return Ok(None);
            }
            if nd.u1(bp)? & 0x80 != 0 {
                nd.s(b" RPT");
            }
            let pref = nd.be4(bp)? & 0x7fff_ffff;
            nd.s(b" pref=");
            nd.u(pref as u64);
            let metric = nd.be4(bp + 4)?;
            nd.s(b" metric=");
            nd.u(metric as u64);
        }
        8 => {
            if len < 1 {
                return Ok(None);
            }
            let pfxcnt = nd.u1(bp)?;
            nd.s(b" prefix-cnt=");
            nd.u(pfxcnt as u64);
            if len < 2 {
                return Ok(None);
            }
            let prio = nd.u1(bp + 1)?;
            nd.s(b" prio=");
            nd.u(prio as u64);
            if len < 4 {
                return Ok(None);
            }
            nd.s(b" holdtime=");
            let hold = nd.be2(bp + 2)?;
            relts(nd, hold as u32);
            bp += 4;
            len -= 4;
            nd.s(b" RP=");
            addr!(At::Unicast);
            let mut i = 0u64;
            while i < pfxcnt as u64 && len > 0 {
                nd.s(b" Group");
                nd.u(i);
                nd.s(b"=");
                addr!(At::Group);
                i += 1;
            }
        }
        9 => {
            nd.s(b" src=");
            addr!(At::Unicast);
            nd.s(b" grp=");
            addr!(At::Group);
            nd.s(b" forwarder=");
            addr!(At::Unicast);
            if len < 2 {
                return Ok(None);
            }
            nd.s(b" TUNR ");
            let tunr = nd.be2(bp)?;
            relts(nd, tunr as u32);
        }
        10 => {
            let subtype = rsv >> 4;
            nd.s(b"\n\t  ");
            nd.s(match subtype {
                1 => &b"Offer"[..],
                2 => b"Winner",
                3 => b"Backoff",
                4 => b"Pass",
                _ => b"Unknown",
            });
            nd.s(b", rpa=");
            addr!(At::Unicast);
            let pref = nd.be4(bp)?;
            nd.s(b" sender pref=");
            nd.u(pref as u64);
            let metric = nd.be4(bp + 4)?;
            nd.s(b" sender metric=");
            nd.u(metric as u64);
            bp += 8;
            // C's unsigned length wraps here; only the capture bounds what follows.
            len = len.wrapping_sub(8);
            if subtype == 3 || subtype == 4 {
                let what: &[u8] = if subtype == 3 {
                    b"offer"
                } else {
                    b"new winner"
                };
                nd.s(b"\n\t  ");
                nd.s(what);
                nd.s(b" addr=");
                addr!(At::Unicast);
                let pref = nd.be4(bp)?;
                nd.s(b" ");
                nd.s(what);
                nd.s(b" pref=");
                nd.u(pref as u64);
                let metric = nd.be4(bp + 4)?;
                nd.s(b" ");
                nd.s(what);
                nd.s(b" metric=");
                nd.u(metric as u64);
                bp += 8;
                if subtype == 3 {
                    let interval = nd.be2(bp)?;
                    nd.s(b" interval ");
                    nd.u(interval as u64);
                    nd.s(b"ms");
                }
            }
        }
        t => {
            nd.s(b" [type ");
            nd.u(t as u64);
            nd.s(b"]");
        }
    }
    Ok(Some(()))
}

fn v1_type(nd: &mut Nd, t: u8) {
    match t {
        0 => nd.s(b"Query"),
        1 => nd.s(b"Register"),
        2 => nd.s(b"Register-Stop"),
        3 => nd.s(b"Join/Prune"),
        4 => nd.s(b"RP-reachable"),
        5 => nd.s(b"Assert"),
        6 => nd.s(b"Graft"),
        7 => nd.s(b"Graft-ACK"),
        _ => {
            nd.s(b"[type ");
            nd.u(t as u64);
            nd.s(b"]");
        }
    }
}

/// `pimv1_print`: a PIMv1 message in an IGMP packet (IGMP type 0x14).
pub(crate) fn pimv1_print(nd: &mut Nd, bp: usize, len: usize) -> R {
    nd.proto = "pimv1";
    let typ = nd.u1(bp + 1)?;
    nd.s(b" ");
    v1_type(nd, typ);
    let pair = |nd: &mut Nd, a: usize, b: usize| -> R {
        nd.need(a, 4)?;
        nd.need(b, 4)?;
        nd.s(b" for ");
        nd.ip4(a)?;
        nd.s(b" > ");
        nd.ip4(b)
    };
    match typ {
        0 => {
            if nd.ttest(bp + 8, 1) {
                let mode = nd.u1(bp + 8)? >> 4;
                match mode {
                    0 => nd.s(b" Dense-mode"),
                    1 => nd.s(b" Sparse-mode"),
                    2 => nd.s(b" Sparse-Dense-mode"),
                    m => {
                        nd.s(b" mode-");
                        nd.u(m as u64);
                    }
                }
            }
            if nd.vflag > 0 {
                nd.s(b" (Hold-time ");
                let hold = nd.be2(bp + 10)?;
                relts(nd, hold as u32);
                nd.s(b")");
            }
        }
        1 => {
            if !nd.ttest(bp + 8, 20) {
                nd.trunc();
                return Ok(());
            }
            pair(nd, bp + 20, bp + 24)?;
        }
        2 => pair(nd, bp + 8, bp + 12)?,
        4 if nd.vflag > 0 => {
            nd.need(bp + 8, 4)?;
            nd.s(b" group ");
            nd.ip4(bp + 8)?;
            mask(nd, bp + 12)?;
            nd.need(bp + 16, 4)?;
            nd.s(b" RP ");
            nd.ip4(bp + 16)?;
            nd.s(b" hold ");
            let hold = nd.be2(bp + 22)?;
            relts(nd, hold as u32);
        }
        5 => {
            pair(nd, bp + 16, bp + 8)?;
            mask(nd, bp + 12)?;
            let b20 = nd.u1(bp + 20)?;
            let pref = nd.be4(bp + 20)? & 0x7fff_ffff;
            let metric = nd.be4(bp + 24)?;
            nd.s(if b20 & 0x80 != 0 {
                &b" RP-tree"[..]
            } else {
                b" SPT"
            });
            nd.s(b" pref ");
            nd.u(pref as u64);
            nd.s(b" metric ");
            nd.u(metric as u64);
        }
        3 | 6 | 7 if nd.vflag > 0 => {
            if len < 8 {
                nd.trunc();
                return Ok(());
            }
            v1_join_prune(nd, bp + 8, len - 8)?;
        }
        _ => {}
    }
    let v = nd.u1(bp + 4)? >> 4;
    if v != 1 {
        nd.s(b" [v");
        nd.u(v as u64);
        nd.s(b"]");
    }
    Ok(())
}

/// `pimv1_join_prune_print`: one line for a single group and source, else (-vv) the list.
/// Its `goto trunc` prints " [|pimv1]" and returns to `pimv1_print`, which goes on.
fn v1_join_prune(nd: &mut Nd, mut bp: usize, mut len: usize) -> R {
    if nd.ttest(bp, 30) && nd.u1(bp + 11)? == 1 {
        let njoin = nd.be2(bp + 20)?;
        if njoin as u32 + nd.be2(bp + 22)? as u32 == 1 {
            nd.need(bp, 4)?;
            nd.s(b" RPF ");
            nd.ip4(bp)?;
            nd.s(b" ");
            let hold = nd.be2(bp + 6)?;
            if hold != 180 {
                nd.s(b"Hold ");
                relts(nd, hold as u32);
            }
            nd.need(bp + 26, 4)?;
            nd.need(bp + 12, 4)?;
            let m = nd.u1(bp + 25)?;
            nd.s(if njoin != 0 { &b"Join"[..] } else { b"Prune" });
            nd.s(b" (");
            nd.ip4(bp + 26)?;
            nd.s(b"/");
            nd.u((m & 0x3f) as u64);
            nd.s(b", ");
            nd.ip4(bp + 12)?;
            if nd.be4(bp + 16)? != 0xffff_ffff {
                nd.s(b"/");
                nd.ip4(bp + 16)?;
            }
            let b24 = nd.u1(bp + 24)?;
            nd.s(b") ");
            nd.s(if b24 & 1 != 0 {
                &b"Sparse"[..]
            } else {
                b"Dense"
            });
            nd.s(if m & 0x80 != 0 { &b" WC"[..] } else { b"" });
            nd.s(b" ");
            nd.s(if m & 0x40 != 0 { &b"RP"[..] } else { b"SPT" });
            return Ok(());
        }
    }
    let trunc = |nd: &mut Nd| {
        nd.trunc();
        Ok(())
    };
    if len < 4 {
        return trunc(nd);
    }
    if nd.vflag > 1 {
        nd.s(b"\n");
    }
    nd.need(bp, 4)?;
    nd.s(b" Upstream Nbr: ");
    nd.ip4(bp)?;
    bp += 4;
    len -= 4;
    if len < 4 {
        return trunc(nd);
    }
    if nd.vflag > 1 {
        nd.s(b"\n");
    }
    nd.s(b" Hold time: ");
    let hold = nd.be2(bp + 2)?;
    relts(nd, hold as u32);
    if nd.vflag < 2 {
        return Ok(());
    }
    bp += 4;
    len -= 4;
    if len < 4 {
        return trunc(nd);
    }
    let mut ngroups = nd.u1(bp + 3)?;
    bp += 4;
    len -= 4;
    while ngroups != 0 {
        if len < 4 {
            return trunc(nd);
        }
        nd.need(bp, 4)?;
        nd.s(b"\n\tGroup: ");
        nd.ip4(bp)?;
        bp += 4;
        len -= 4;
        if len < 4 {
            return trunc(nd);
        }
        mask(nd, bp)?;
        bp += 4;
        len -= 4;
        if len < 4 {
            return trunc(nd);
        }
        let njoin = nd.be2(bp)? as u32;
        let nprune = nd.be2(bp + 2)? as u32;
        nd.s(b" joined: ");
        nd.u(njoin as u64);
        nd.s(b" pruned: ");
        nd.u(nprune as u64);
        bp += 4;
        len -= 4;
        for njp in 0..njoin + nprune {
            if len < 6 {
                return trunc(nd);
            }
            let (b0, b1) = (nd.u1(bp)?, nd.u1(bp + 1)?);
            nd.need(bp + 2, 4)?;
            nd.s(if njp < njoin {
                &b"\n\tJoin  "[..]
            } else {
                b"\n\tPrune "
            });
            nd.s(if b0 & 1 != 0 {
                &b"Sparse "[..]
            } else {
                b"Dense "
            });
            nd.s(if b1 & 0x80 != 0 { &b"WC "[..] } else { b"" });
            nd.s(if b1 & 0x40 != 0 { &b"RP "[..] } else { b"SPT " });
            nd.ip4(bp + 2)?;
            nd.s(b"/");
            nd.u((b1 & 0x3f) as u64);
            bp += 6;
            len -= 6;
        }
        ngroups -= 1;
    }
    Ok(())
}

/// "/mask" after an address, unless the mask is all ones.
fn mask(nd: &mut Nd, at: usize) -> R {
    if nd.be4(at)? != 0xffff_ffff {
        nd.s(b"/");
        nd.ip4(at)?;
    }
    Ok(())
}

/// `cisco_autorp_print`: Cisco Auto-RP announcements and mappings (UDP 496).
pub(crate) fn cisco_autorp_print(nd: &mut Nd, mut bp: usize, mut len: usize) -> R {
    nd.proto = "cisco_autorp";
    let trunc = |nd: &mut Nd| {
        nd.trunc();
        Ok(())
    };
    if len < 8 {
        return trunc(nd);
    }
    nd.s(b" auto-rp ");
    let typ = nd.u1(bp)?;
    match typ {
        0x11 => nd.s(b"candidate-advert"),
        0x12 => nd.s(b"mapping"),
        t => {
            nd.s(b"type-0x");
            nd.x0(t as u64, 2);
        }
    }
    let mut numrps = nd.u1(bp + 1)?;
    nd.s(b" Hold ");
    let hold = nd.be2(bp + 2)?;
    if hold != 0 {
        relts(nd, hold as u32);
    } else {
        nd.s(b"FOREVER");
    }
    bp += 8;
    len -= 8;
    while numrps != 0 {
        if len < 4 {
            return trunc(nd);
        }
        nd.need(bp, 4)?;
        nd.s(b" RP ");
        nd.ip4(bp)?;
        bp += 4;
        len -= 4;
        if len < 1 {
            return trunc(nd);
        }
        let v = nd.u1(bp)?;
        nd.s(match v & 3 {
            0 => &b" PIMv?"[..],
            1 => b" PIMv1",
            2 => b" PIMv2",
            _ => b" PIMv1+2",
        });
        if v & 0xfc != 0 {
            nd.s(b" [rsvd=0x");
            nd.x0((v & 0xfc) as u64, 2);
            nd.s(b"]");
        }
        bp += 1;
        len -= 1;
        if len < 1 {
            return trunc(nd);
        }
        let mut nentries = nd.u1(bp)?;
        bp += 1;
        len -= 1;
        let mut sep = b' ';
        while nentries != 0 {
            if len < 6 {
                return trunc(nd);
            }
            let b0 = nd.u1(bp)?;
            nd.need(bp + 2, 4)?;
            let m = nd.u1(bp + 1)?;
            nd.out.push(sep);
            if b0 & 1 != 0 {
                nd.s(b"!");
            }
            nd.ip4(bp + 2)?;
            nd.s(b"/");
            nd.u(m as u64);
            if b0 & 2 != 0 {
                nd.s(b" bidir");
            }
            if b0 & 0xfc != 0 {
                nd.s(b"[rsvd=0x");
                nd.x0((b0 & 0xfc) as u64, 2);
                nd.s(b"]");
            }
            sep = b',';
            bp += 6;
            len -= 6;
            nentries -= 1;
        }
        numrps -= 1;
    }
    Ok(())
}
