//! DHCPv6 (tcpdump's print-dhcp6.c): the message type, and with -v the transaction id (or a
//! relay message's addresses) and every option in tcpdump's form.

use super::dns::fqdn_print;
use super::nd::{Nd, R};

/// `dh6opt_str`.
fn opt_name(t: u16) -> Option<&'static str> {
    Some(match t {
        1 => "client-ID",
        2 => "server-ID",
        3 => "IA_NA",
        4 => "IA_TA",
        5 => "IA_ADDR",
        6 => "option-request",
        7 => "preference",
        8 => "elapsed-time",
        9 => "relay-message",
        11 => "authentication",
        12 => "server-unicast",
        13 => "status-code",
        14 => "rapid-commit",
        15 => "user-class",
        16 => "vendor-class",
        17 => "vendor-specific-info",
        18 => "interface-ID",
        19 => "reconfigure-message",
        20 => "reconfigure-accept",
        21 => "SIP-servers-domain",
        22 => "SIP-servers-address",
        23 => "DNS-server",
        24 => "DNS-search-list",
        25 => "IA_PD",
        26 => "IA_PD-prefix",
        31 => "SNTP-servers",
        32 => "lifetime",
        27 => "NIS-server",
        28 => "NIS+-server",
        29 => "NIS-domain-name",
        30 => "NIS+-domain-name",
        33 => "BCMCS-domain-name",
        34 => "BCMCS-server",
        36 => "Geoconf-Civic",
        37 => "Remote-ID",
        38 => "Subscriber-ID",
        39 => "Client-FQDN",
        40 => "PANA-agent",
        41 => "POSIX-timezone",
        42 => "POSIX-tz-database",
        43 => "Echo-request-option",
        44 => "Lease-query",
        45 => "LQ-client-data",
        46 => "Clt-time",
        47 => "LQ-relay-data",
        48 => "LQ-client-link",
        56 => "NTP-server",
        64 => "AFTR-Name",
        112 => "MUD-URL",
        _ => return None,
    })
}

fn print_opt_name(nd: &mut Nd, t: u16) {
    match opt_name(t) {
        Some(n) => nd.st(n),
        None => {
            nd.s(b"opt_");
            nd.u(t as u64);
        }
    }
}

/// `dhcp6_print`.
pub(crate) fn dhcp6_print(nd: &mut Nd, cp: usize, length: usize) -> R {
    nd.proto = "dhcp6";
    nd.s(b"dhcp6");
    let ep = nd.snapend.min(cp + length);
    if !nd.ttest(cp, 4) {
        nd.trunc();
        return Ok(());
    }
    let t = nd.u1(cp)?;
    nd.s(b" ");
    let name: &[u8] = match t {
        1 => b"solicit",
        2 => b"advertise",
        3 => b"request",
        4 => b"confirm",
        5 => b"renew",
        6 => b"rebind",
        7 => b"reply",
        8 => b"release",
        9 => b"decline",
        10 => b"reconfigure",
        11 => b"inf-req",
        12 => b"relay-fwd",
        13 => b"relay-reply",
        14 => b"leasequery",
        15 => b"leasequery-reply",
        _ => b"",
    };
    if name.is_empty() {
        nd.s(b"msgtype-");
        nd.u(t as u64);
    } else {
        nd.s(name);
    }
    if nd.vflag == 0 {
        return Ok(());
    }
    nd.s(b" (");
    if t != 12 && t != 13 {
        let xid = nd.be4(cp)? & 0x00ff_ffff;
        nd.s(b"xid=");
        nd.x(xid as u64);
        opt_print(nd, cp + 4, ep)?;
    } else {
        nd.need(cp + 2, 16)?;
        nd.s(b"linkaddr=");
        nd.ip6(cp + 2)?;
        nd.need(cp + 18, 16)?;
        nd.s(b" peeraddr=");
        nd.ip6(cp + 18)?;
        opt_print(nd, cp + 34, ep)?;
    }
    nd.s(b")");
    Ok(())
}

/// `%02x` of each byte in `from..to`.
fn hex_bytes(nd: &mut Nd, from: usize, to: usize) -> R {
    for i in from..to {
        let v = nd.u1(i)?;
        nd.x0(v as u64, 2);
    }
    Ok(())
}

/// `nd_printjnp`: at most `n` characters, stopping at a NUL.
fn printjnp(nd: &mut Nd, mut s: usize, mut n: usize) -> R {
    while n > 0 {
        let c = nd.u1(s)?;
        if c == 0 {
            break;
        }
        nd.print_char(c);
        n -= 1;
        s += 1;
    }
    Ok(())
}

/// `dhcp6opt_print`: the options from `cp` to `ep`; a malformed one ends them with the
/// truncation marker (tcpdump's `goto trunc`), not the whole line.
fn opt_print(nd: &mut Nd, mut cp: usize, ep: usize) -> R {
    if cp == ep {
        return Ok(());
    }
    while cp < ep {
        if ep < cp + 4 || !nd.ttest(cp, 4) {
            nd.trunc();
            return Ok(());
        }
        let optlen = nd.be2(cp + 2)? as usize;
        if ep < cp + 4 + optlen {
            nd.trunc();
            return Ok(());
        }
        let t = nd.be2(cp)?;
        nd.s(b" (");
        print_opt_name(nd, t);
        if !nd.ttest(cp + 4, optlen) {
            nd.trunc();
            return Ok(());
        }
        let tp = cp + 4;
        let end = tp + optlen;
        let bad = |nd: &mut Nd| nd.s(b" ?)");
        match t {
            1 | 2 => {
                if optlen < 2 {
                    bad(nd);
                } else {
                    match nd.be2(tp)? {
                        1 if optlen >= 8 => {
                            let hw = nd.be2(tp + 2)?;
                            let time = nd.be4(tp + 4)?;
                            nd.s(b" hwaddr/time type ");
                            nd.u(hw as u64);
                            nd.s(b" time ");
                            nd.u(time as u64);
                            nd.s(b" ");
                            hex_bytes(nd, tp + 8, end)?;
                            nd.s(b")");
                        }
                        2 if optlen >= 10 => {
                            nd.s(b" vid ");
                            hex_bytes(nd, tp + 2, tp + 10)?;
                            nd.s(b")");
                        }
                        3 if optlen >= 4 => {
                            let hw = nd.be2(tp + 2)?;
                            nd.s(b" hwaddr type ");
                            nd.u(hw as u64);
                            nd.s(b" ");
                            hex_bytes(nd, tp + 4, end)?;
                            nd.s(b")");
                        }
                        1..=3 => bad(nd),
                        d => {
                            nd.s(b" type ");
                            nd.u(d as u64);
                            nd.s(b")");
                        }
                    }
                }
            }
            5 => {
                if optlen < 24 {
                    bad(nd);
                } else {
                    nd.need(tp, 16)?;
                    nd.s(b" ");
                    nd.ip6(tp)?;
                    let (pl, vl) = (nd.be4(tp + 16)?, nd.be4(tp + 20)?);
                    nd.s(b" pltime:");
                    nd.u(pl as u64);
                    nd.s(b" vltime:");
                    nd.u(vl as u64);
                    if optlen > 24 {
                        opt_print(nd, tp + 24, end)?;
                    }
                    nd.s(b")");
                }
            }
            6 | 43 => {
                if optlen % 2 != 0 {
                    bad(nd);
                } else {
                    for i in (0..optlen).step_by(2) {
                        let o = nd.be2(tp + i)?;
                        nd.s(b" ");
                        print_opt_name(nd, o);
                    }
                    nd.s(b")");
                }
            }
            7 | 19 if optlen != 1 => bad(nd),
            7 => {
                let v = nd.u1(tp)?;
                nd.s(b" ");
                nd.u(v as u64);
                nd.s(b")");
            }
            8 => {
                if optlen != 2 {
                    bad(nd);
                } else {
                    let v = nd.be2(tp)?;
                    nd.s(b" ");
                    nd.u(v as u64);
                    nd.s(b")");
                }
            }
            9 => {
                nd.s(b" (");
                let saved = nd.snapend;
                nd.snapend = end.min(nd.snapend);
                let r = dhcp6_print(nd, tp, optlen);
                nd.snapend = saved;
                r?;
                nd.s(b")");
            }
            11 => auth(nd, tp, optlen)?,
            14 | 20 => nd.s(b")"),
            18 | 38 => {
                nd.s(b" ");
                hex_bytes(nd, tp, tp + optlen.min(10))?;
                nd.s(b"...)");
            }
            19 => {
                let v = nd.u1(tp)?;
                match v {
                    5 => nd.s(b" for renew)"),
                    11 => nd.s(b" for inf-req)"),
                    _ => {
                        nd.s(b" for ???(");
                        nd.x0(v as u64, 2);
                        nd.s(b"))");
                    }
                }
            }
            22 | 23 | 31 | 27 | 28 | 34 | 40 | 48 => {
                if optlen % 16 != 0 {
                    bad(nd);
                } else {
                    for i in (0..optlen).step_by(16) {
                        nd.need(tp + i, 16)?;
                        nd.s(b" ");
                        nd.ip6(tp + i)?;
                    }
                    nd.s(b")");
                }
            }
            21 | 24 => {
                let mut p = tp;
                while p < end {
                    nd.s(b" ");
                    match fqdn_print(nd, p, end)? {
                        Some(n) => p = n,
                        None => {
                            nd.trunc();
                            return Ok(());
                        }
                    }
                }
                nd.s(b")");
            }
            13 => {
                if optlen < 2 {
                    bad(nd);
                } else {
                    let code = nd.be2(tp)?;
                    nd.s(b" ");
                    nd.s(match code {
                        0 => b"Success" as &[u8],
                        1 => b"UnspecFail",
                        2 => b"NoAddrsAvail",
                        3 => b"NoBinding",
                        4 => b"NotOnLink",
                        5 => b"UseMulticast",
                        6 => b"NoPrefixAvail",
                        7 => b"UnknownQueryType",
                        8 => b"MalformedQuery",
                        9 => b"NotConfigured",
                        10 => b"NotAllowed",
                        256.. => b"INVALID code",
                        _ => b"",
                    });
                    if (11..256).contains(&code) {
                        nd.s(b"code");
                        nd.u(code as u64);
                    }
                    nd.s(b")");
                }
            }
            3 | 25 => {
                if optlen < 12 {
                    bad(nd);
                } else {
                    let (a, b, c) = (nd.be4(tp)?, nd.be4(tp + 4)?, nd.be4(tp + 8)?);
                    nd.s(b" IAID:");
                    nd.u(a as u64);
                    nd.s(b" T1:");
                    nd.u(b as u64);
                    nd.s(b" T2:");
                    nd.u(c as u64);
                    if optlen > 12 {
                        opt_print(nd, tp + 12, end)?;
                    }
                    nd.s(b")");
                }
            }
            4 => {
                if optlen < 4 {
                    bad(nd);
                } else {
                    let a = nd.be4(tp)?;
                    nd.s(b" IAID:");
                    nd.u(a as u64);
                    if optlen > 4 {
                        opt_print(nd, tp + 4, end)?;
                    }
                    nd.s(b")");
                }
            }
            26 => {
                if optlen < 25 {
                    bad(nd);
                } else {
                    nd.need(tp + 9, 16)?;
                    let plen = nd.u1(tp + 8)?;
                    nd.s(b" ");
                    nd.ip6(tp + 9)?;
                    nd.s(b"/");
                    nd.u(plen as u64);
                    let (pl, vl) = (nd.be4(tp)?, nd.be4(tp + 4)?);
                    nd.s(b" pltime:");
                    nd.u(pl as u64);
                    nd.s(b" vltime:");
                    nd.u(vl as u64);
                    if optlen > 25 {
                        opt_print(nd, tp + 25, end)?;
                    }
                    nd.s(b")");
                }
            }
            32 | 46 => {
                if optlen != 4 {
                    bad(nd);
                } else {
                    let v = nd.be4(tp)?;
                    nd.s(b" ");
                    nd.u(v as u64);
                    nd.s(b")");
                }
            }
            37 => {
                if optlen < 4 {
                    bad(nd);
                } else {
                    let v = nd.be4(tp)?;
                    nd.s(b" ");
                    nd.u(v as u64);
                    nd.s(b" ");
                    hex_bytes(nd, tp + 4, tp + optlen.min(14))?;
                    nd.s(b"...)");
                }
            }
            44 => {
                if optlen < 17 {
                    bad(nd);
                } else {
                    match nd.u1(tp)? {
                        1 => nd.s(b" by-address"),
                        2 => nd.s(b" by-clientID"),
                        q => {
                            nd.s(b" type_");
                            nd.u(q as u64);
                        }
                    }
                    nd.need(tp + 1, 16)?;
                    nd.s(b" ");
                    nd.ip6(tp + 1)?;
                    if optlen > 17 {
                        opt_print(nd, tp + 17, end)?;
                    }
                    nd.s(b")");
                }
            }
            45 => {
                if optlen > 0 {
                    opt_print(nd, tp, end)?;
                }
                nd.s(b")");
            }
            47 => {
                if optlen < 16 {
                    bad(nd);
                } else {
                    nd.need(tp, 16)?;
                    nd.s(b" ");
                    nd.ip6(tp)?;
                    nd.s(b" ");
                    hex_bytes(nd, tp + 16, tp + optlen.min(26))?;
                    nd.s(b"...)");
                }
            }
            56 => {
                if optlen < 4 {
                    bad(nd);
                } else {
                    let mut p = tp;
                    while p < end - 4 {
                        let code = nd.be2(p)?;
                        let sublen = nd.be2(p + 2)? as usize;
                        p += 4;
                        if p + sublen > end {
                            nd.trunc();
                            return Ok(());
                        }
                        nd.s(b" subopt:");
                        nd.u(code as u64);
                        match code {
                            1 | 2 if sublen != 16 => nd.s(b" ?"),
                            1 | 2 => {
                                nd.need(p, 16)?;
                                nd.s(b" ");
                                nd.ip6(p)?;
                            }
                            3 => {
                                nd.s(b" ");
                                if fqdn_print(nd, p, p + sublen)?.is_none() {
                                    nd.trunc();
                                    return Ok(());
                                }
                            }
                            _ => nd.s(b" ?"),
                        }
                        p += sublen;
                    }
                    nd.s(b")");
                }
            }
            64 => {
                if optlen < 3 {
                    bad(nd);
                } else {
                    let mut p = tp;
                    let mut remain = optlen;
                    nd.s(b" ");
                    while remain > 0 && nd.u1(p)? != 0 {
                        let l = nd.u1(p)? as usize;
                        p += 1;
                        if l < remain - 1 {
                            printjnp(nd, p, l)?;
                            p += l;
                            remain -= l + 1;
                            if nd.u1(p)? != 0 {
                                nd.s(b".");
                            }
                        } else {
                            nd.s(b" ?");
                            break;
                        }
                    }
                    nd.s(b")");
                }
            }
            41 | 42 | 112 => {
                if optlen < 5 {
                    bad(nd);
                } else {
                    nd.s(b" ");
                    printjnp(nd, tp, optlen)?;
                    nd.s(b")");
                }
            }
            _ => nd.s(b")"),
        }
        cp += 4 + optlen;
    }
    Ok(())
}

/// The authentication option (RFC 3315 21.4).
fn auth(nd: &mut Nd, mut tp: usize, optlen: usize) -> R {
    if optlen < 11 {
        nd.s(b" ?)");
        return Ok(());
    }
    let proto = nd.u1(tp)?;
    match proto {
        2 => nd.s(b" proto: delayed"),
        3 => nd.s(b" proto: reconfigure"),
        p => {
            nd.s(b" proto: ");
            nd.u(p as u64);
        }
    }
    tp += 1;
    match nd.u1(tp)? {
        1 => nd.s(b", alg: HMAC-MD5"),
        a => {
            nd.s(b", alg: ");
            nd.u(a as u64);
        }
    }
    tp += 1;
    match nd.u1(tp)? {
        0 => nd.s(b", RDM: mono"),
        r => {
            nd.s(b", RDM: ");
            nd.u(r as u64);
        }
    }
    tp += 1;
    nd.s(b", RD:");
    for _ in 0..4 {
        let v = nd.be2(tp)?;
        nd.s(b" ");
        nd.x0(v as u64, 4);
        tp += 2;
    }
    let infolen = optlen - 11;
    match proto {
        2 => {
            if infolen != 0 {
                if infolen < 20 {
                    nd.s(b" ??");
                } else {
                    let realm = infolen - 20;
                    if realm > 0 {
                        nd.s(b", realm: ");
                    }
                    hex_bytes(nd, tp, tp + realm)?;
                    tp += realm;
                    let k = nd.be4(tp)?;
                    nd.s(b", key ID: ");
                    nd.x0(k as u64, 8);
                    tp += 4;
                    nd.s(b", HMAC-MD5:");
                    for _ in 0..4 {
                        let v = nd.be4(tp)?;
                        nd.s(b" ");
                        nd.x0(v as u64, 8);
                        tp += 4;
                    }
                }
            }
        }
        3 => {
            if infolen != 17 {
                nd.s(b" ??");
            } else {
                match nd.u1(tp)? {
                    1 => nd.s(b" reconfig-key"),
                    2 => nd.s(b" type: HMAC-MD5"),
                    _ => nd.s(b" type: ??"),
                }
                tp += 1;
                nd.s(b" value:");
                for _ in 0..4 {
                    let v = nd.be4(tp)?;
                    nd.s(b" ");
                    nd.x0(v as u64, 8);
                    tp += 4;
                }
            }
        }
        _ => nd.s(b" ??"),
    }
    nd.s(b")");
    Ok(())
}
