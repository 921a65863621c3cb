//! ICMP at default verbosity (tcpdump's print-icmp.c): the quoted packet of error messages is
//! printed only with -v, so here it is only read for the addresses in the summary.

use super::nd::{Nd, R};

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
pub(crate) fn icmp_print(nd: &mut Nd, bp: usize, plen: usize, _iph: usize, _frag: bool) -> R {
    nd.proto = "icmp";
    let start = nd.out.len();
    let r = body(nd, bp);
    if r.is_err() {
        nd.out.truncate(start);
        return r;
    }
    nd.s(b", length ");
    nd.u(plen as u64);
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
