//! ICMPv6 at default verbosity (tcpdump's print-icmp6.c): echo, errors, neighbour and router
//! discovery, MLD v1/v2. Node information, router renumbering and RPL are not decoded.

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
pub(crate) fn icmp6_print(nd: &mut Nd, bp: usize, length: usize, _iph: usize, _frag: bool) -> R {
    nd.proto = "icmp6";
    let oip = bp + 8;
    if length == 0 {
        nd.s(b"ICMP6, length 0");
        nd.invalid();
        return Ok(());
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
                    nd.hex_print(b"\n\t", bp, length.min(nd.avail(bp)))?;
                    return Ok(());
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
        133 | 134 | 141 | 142 => {}
        135 => {
            nd.need(bp + 8, 16)?;
            nd.s(b", who has ");
            nd.ip6(bp + 8)?;
        }
        136 => {
            nd.need(bp + 8, 16)?;
            nd.s(b", tgt is ");
            nd.ip6(bp + 8)?;
        }
        137 => {
            nd.need(bp + 24, 16)?;
            nd.s(b", ");
            nd.ip6(bp + 24)?;
            nd.need(bp + 8, 16)?;
            nd.s(b" to ");
            nd.ip6(bp + 8)?;
        }
        143 => {
            if length < 8 {
                nd.s(b" [invalid len ");
                nd.u(length as u64);
                nd.s(b"]");
            } else {
                let n = nd.be2(bp + 6)?;
                nd.s(b", ");
                nd.u(n as u64);
                nd.s(b" group record(s)");
            }
        }
        146 | 144 => {
            let id = nd.be2(bp + 4)?;
            nd.s(b", id 0x");
            nd.x0(id as u64, 4);
        }
        145 | 147 => {}
        138 | 139 | 140 | 155 => {
            // Router renumbering, node information and RPL are not decoded; tcpdump
            // prints their details here.
            nd.proto = "icmp6";
            return Err(Trunc);
        }
        _ => {
            nd.s(b", length ");
            nd.u(length as u64);
            let n = length.min(nd.avail(bp));
            nd.hex_print(b"\n\t", bp, n)?;
            return Ok(());
        }
    }
    nd.s(b", length ");
    nd.u(length as u64);
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
    nd.be2(bp + 4)?;
    nd.need(bp + 8, 16)?;
    nd.s(b" [gaddr ");
    nd.ip6(bp + 8)?;
    let nsrcs = nd.be2(bp + 26)? as usize;
    if nsrcs > 0 {
        if len < 28 + nsrcs * 16 {
            nd.s(b" [invalid number of sources]");
        } else {
            nd.s(b", ");
            nd.u(nsrcs as u64);
            nd.s(b" source(s)");
        }
    }
    nd.s(b"]");
    Ok(())
}
