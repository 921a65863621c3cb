//! ICMP at default verbosity (tcpdump's print-icmp.c): the quoted packet of error messages is
//! printed only with -v, so here it is only read for the addresses in the summary.

use super::nd::{Nd, R};
use super::{cksum, ip};

fn unreach_text(code: u8) -> Option<(&'static [u8], &'static [u8])> {
    // (prefix before the address, suffix after it)
    Some(match code {
        0 => (b"net ", b" unreachable"),
        1 => (b"host ", b" unreachable"),
        5 => (b"", b" unreachable - source route failed"),
        6 => (b"net ", b" unreachable - unknown"),
        7 => (b"host ", b" unreachable - unknown"),
        8 => (b"", b" unreachable - source host isolated"),
        9 => (b"net ", b" unreachable - admin prohibited"),
        10 => (b"host ", b" unreachable - admin prohibited"),
        11 => (b"net ", b" unreachable - tos prohibited"),
        12 => (b"host ", b" unreachable - tos prohibited"),
        13 => (b"host ", b" unreachable - admin prohibited filter"),
        14 => (b"host ", b" unreachable - host precedence violation"),
        15 => (b"host ", b" unreachable - precedence cutoff"),
        _ => return None,
    })
}

fn tstamp(nd: &mut Nd, t: u32) {
    let msec = t % 1000;
    let sec = t / 1000;
    let min = sec / 60;
    let sec = sec - min * 60;
    let hrs = min / 60;
    let min = min - hrs * 60;
    let o = &mut *nd.out;
    super::fmt::dec_pad(o, hrs as u64, 2);
    o.push(b':');
    super::fmt::dec_pad(o, min as u64, 2);
    o.push(b':');
    super::fmt::dec_pad(o, sec as u64, 2);
    o.push(b'.');
    super::fmt::dec_pad(o, msec as u64, 3);
}

/// `icmp_print`. tcpdump formats the message into a buffer before printing
/// "ICMP <msg>, length N"; a read past the data aborts before anything is printed, which
/// the staging buffer here reproduces.
pub(crate) fn icmp_print(nd: &mut Nd, bp: usize, plen: usize, _iph: usize, frag: bool) -> R {
    nd.proto = "icmp";
    let start = nd.out.len();
    let r = body(nd, bp);
    if r.is_err() {
        nd.out.truncate(start);
        return r;
    }
    nd.s(b", length ");
    nd.u(plen as u64);
    if nd.vflag > 0 {
        verbose(nd, bp, plen, frag)?;
    }
    Ok(())
}

/// What `-v` adds: a wrong checksum, and for error messages the quoted IP header on a
/// continuation line.
#[cold]
#[inline(never)]
fn verbose(nd: &mut Nd, bp: usize, plen: usize, frag: bool) -> R {
    if !frag && nd.ttest(bp, plen) {
        let sum = cksum::in_cksum(&nd.b[bp..bp + plen]);
        if sum != 0 {
            let icmp_sum = nd.be2(bp + 2)?;
            nd.s(b" (wrong icmp cksum ");
            nd.x(icmp_sum as u64);
            nd.s(b" (->");
            nd.x(cksum::shouldbe(icmp_sum, sum) as u64);
            nd.s(b")!)");
        }
    }
    let t = nd.u1(bp)?;
    // ICMP_ERRTYPE: unreachable, source quench, redirect, time exceeded, parameter problem.
    if matches!(t, 3 | 4 | 5 | 11 | 12) {
        let ip = bp + 8;
        nd.s(b"\n\t");
        let saved = nd.snapend;
        let ip_len = nd.be2(ip + 2)? as usize;
        nd.snapend = (ip + ip_len).min(nd.snapend);
        // tcpdump reads ip_len again for ip_print's argument, after shrinking snapend: a
        // length under 4 makes that read fail (" [|icmp]").
        let r = match nd.be2(ip + 2) {
            Ok(l) => ip::ip_print(nd, ip, l as usize),
            Err(t) => Err(t),
        };
        nd.snapend = saved;
        r?;
    }
    nd.proto = "icmp";
    // RFC 4884 multi-part extensions (unreachable, time exceeded, parameter problem).
    if plen > 136 && matches!(t, 3 | 11 | 12) {
        return multipart(nd, bp, plen);
    }
    Ok(())
}

/// The RFC 4884 extension structure that follows the 128-byte original datagram.
fn multipart(nd: &mut Nd, bp: usize, plen: usize) -> R {
    if !nd.ttest(bp, 141) {
        nd.trunc();
        return Ok(());
    }
    let ext = bp + 136;
    // Without a length field, a wrong checksum means there is no extension at all.
    if nd.u1(bp + 5)? == 0
        && nd.ttest(ext, plen - 136)
        && cksum::in_cksum(&nd.b[ext..ext + plen - 136]) != 0
    {
        return Ok(());
    }
    let version = nd.b[ext] >> 4;
    nd.s(b"\n\tICMP Multi-Part extension v");
    nd.u(version as u64);
    if version != 2 {
        nd.s(b" packet not supported");
        return Ok(());
    }
    let hlen = plen - 136;
    if nd.ttest(ext, hlen) {
        let sum = nd.be2(ext + 2)?;
        nd.s(b", checksum 0x");
        nd.x0(sum as u64, 4);
        nd.s(if cksum::in_cksum(&nd.b[ext..ext + hlen]) != 0 {
            b" (incorrect), length "
        } else {
            b" (correct), length "
        });
        nd.u(hlen as u64);
    }
    // tcpdump's u_int arithmetic: a short extension wraps and the loop runs until the
    // objects run past the capture.
    let mut hlen = (hlen as u32).wrapping_sub(4);
    let mut p = ext + 4;
    while hlen > 4 {
        if !nd.ttest(p, 4) {
            nd.trunc();
            return Ok(());
        }
        let obj_tlen = nd.be2(p)? as usize;
        let class = nd.u1(p + 2)?;
        let ctype = nd.u1(p + 3)?;
        p += 4;
        nd.s(b"\n\t  ");
        nd.s(match class {
            1 => b"MPLS Stack Entry" as &[u8],
            2 => b"Interface Identification",
            _ => b"unknown",
        });
        nd.s(b" Object (");
        nd.u(class as u64);
        nd.s(b"), Class-Type: ");
        nd.u(ctype as u64);
        nd.s(b", length ");
        nd.u(obj_tlen as u64);
        hlen -= 4;
        if class == 0 || obj_tlen < 4 {
            return Ok(());
        }
        let obj_tlen = obj_tlen - 4;
        if class == 1 && ctype == 1 {
            let raw = nd.be4(p)?;
            nd.s(b"\n\t    label ");
            nd.u(((raw >> 12) & 0xfffff) as u64);
            nd.s(b", tc ");
            nd.u(((raw >> 9) & 7) as u64);
            if (raw >> 8) & 1 != 0 {
                nd.s(b", [S]");
            }
            nd.s(b", ttl ");
            nd.u((raw & 0xff) as u64);
        } else {
            nd.unknown_data(p, b"\n\t    ", obj_tlen)?;
        }
        if (hlen as usize) < obj_tlen {
            break;
        }
        hlen -= obj_tlen as u32;
        p += obj_tlen;
    }
    Ok(())
}

fn body(nd: &mut Nd, bp: usize) -> R {
    let t = nd.u1(bp)?;
    let code = nd.u1(bp + 1)?;
    let oip = bp + 8;
    nd.s(b"ICMP ");
    match t {
        0 | 8 => {
            let id = nd.be2(bp + 4)?;
            let seq = nd.be2(bp + 6)?;
            nd.s(if t == 8 {
                b"echo request, id "
            } else {
                b"echo reply, id "
            });
            nd.u(id as u64);
            nd.s(b", seq ");
            nd.u(seq as u64);
        }
        3 => match code {
            2 => {
                nd.ip4(oip + 16)?;
                nd.s(b" protocol ");
                let p = nd.u1(oip + 9)?;
                nd.u(p as u64);
                nd.s(b" unreachable");
            }
            3 => {
                nd.tcheck(oip + 9, 1)?;
                let hlen = ((nd.u1(oip)? & 0x0f) as usize) * 4;
                let dport = nd.be2(oip + hlen + 2)?;
                let proto = nd.u1(oip + 9)?;
                nd.ip4(oip + 16)?;
                match proto {
                    6 => nd.s(b" tcp port "),
                    17 => nd.s(b" udp port "),
                    _ => {
                        nd.s(b" protocol ");
                        nd.u(proto as u64);
                        nd.s(b" port ");
                    }
                }
                nd.u(dport as u64);
                nd.s(b" unreachable");
            }
            4 => {
                let mtu = nd.be2(bp + 6)?;
                nd.ip4(oip + 16)?;
                nd.s(b" unreachable - need to frag");
                if mtu != 0 {
                    nd.s(b" (mtu ");
                    nd.u(mtu as u64);
                    nd.s(b")");
                }
            }
            c => match unreach_text(c) {
                Some((pre, post)) => {
                    nd.s(pre);
                    nd.ip4(oip + 16)?;
                    nd.s(post);
                }
                None => {
                    nd.ip4(oip + 16)?;
                    nd.s(b" unreachable - #");
                    nd.u(c as u64);
                }
            },
        },
        5 => {
            let (pre, mid): (&[u8], &[u8]) = match code {
                0 => (b"redirect ", b" to net "),
                1 => (b"redirect ", b" to host "),
                2 => (b"redirect-tos ", b" to net "),
                3 => (b"redirect-tos ", b" to host "),
                _ => (b"", b" to "),
            };
            if code > 3 {
                nd.s(b"redirect-#");
                nd.u(code as u64);
                nd.s(b" ");
            } else {
                nd.s(pre);
            }
            nd.ip4(oip + 16)?;
            nd.s(mid);
            nd.ip4(bp + 4)?;
        }
        9 => {
            nd.s(b"router advertisement");
            // ND_TCHECK_SIZE in print-icmp.c jumps to its local trunc label.
            nd.tcheck(bp + 4, 4)?;
            nd.s(b" lifetime ");
            let lifetime = nd.be2(bp + 6)? as u64;
            if lifetime < 60 {
                nd.u(lifetime);
            } else if lifetime < 3600 {
                nd.u(lifetime / 60);
                nd.s(b":");
                super::fmt::dec_pad(nd.out, lifetime % 60, 2);
            } else {
                nd.u(lifetime / 3600);
                nd.s(b":");
                super::fmt::dec_pad(nd.out, (lifetime % 3600) / 60, 2);
                nd.s(b":");
                super::fmt::dec_pad(nd.out, lifetime % 60, 2);
            }
            let num = nd.u1(bp + 4)?;
            nd.s(b" ");
            nd.u(num as u64);
            nd.s(b":");
            let size = nd.u1(bp + 5)?;
            if size != 2 {
                nd.s(b" [size ");
                nd.u(size as u64);
                nd.s(b"]");
            } else {
                let mut idp = bp + 8;
                for _ in 0..num {
                    nd.tcheck(idp, 8)?;
                    nd.s(b" {");
                    nd.ip4(idp)?;
                    nd.s(b" ");
                    let pref = nd.be4(idp + 4)?;
                    nd.u(pref as u64);
                    nd.s(b"}");
                    idp += 8;
                }
            }
        }
        11 => {
            nd.tcheck(oip + 16, 4)?;
            match code {
                0 => nd.s(b"time exceeded in-transit"),
                1 => nd.s(b"ip reassembly time exceeded"),
                c => {
                    nd.s(b"time exceeded-#");
                    nd.u(c as u64);
                }
            }
        }
        12 => {
            if code != 0 {
                nd.s(b"parameter problem - code ");
                nd.u(code as u64);
            } else {
                let p = nd.u1(bp + 4)?;
                nd.s(b"parameter problem - octet ");
                nd.u(p as u64);
            }
        }
        18 => {
            let m = nd.be4(bp + 8)?;
            nd.s(b"address mask is 0x");
            nd.x0(m as u64, 8);
        }
        13 => {
            let id = nd.be2(bp + 4)?;
            let seq = nd.be2(bp + 6)?;
            nd.s(b"time stamp query id ");
            nd.u(id as u64);
            nd.s(b" seq ");
            nd.u(seq as u64);
        }
        14 => {
            nd.tcheck(bp + 16, 4)?;
            let id = nd.be2(bp + 4)?;
            let seq = nd.be2(bp + 6)?;
            nd.s(b"time stamp reply id ");
            nd.u(id as u64);
            nd.s(b" seq ");
            nd.u(seq as u64);
            nd.s(b": org ");
            let o = nd.be4(bp + 8)?;
            tstamp(nd, o);
            nd.s(b", recv ");
            let r = nd.be4(bp + 12)?;
            tstamp(nd, r);
            nd.s(b", xmit ");
            let x = nd.be4(bp + 16)?;
            tstamp(nd, x);
        }
        4 => nd.s(b"source quench"),
        10 => nd.s(b"router solicitation"),
        15 => nd.s(b"information request"),
        16 => nd.s(b"information reply"),
        17 => nd.s(b"address mask request"),
        t => {
            nd.s(b"type-#");
            nd.u(t as u64);
        }
    }
    Ok(())
}
