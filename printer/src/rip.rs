//! RIP v1 and v2 (tcpdump's print-rip.c), UDP port 520: version, command and length; with
//! -v the route entries (v1 and v2, with v2's simple and cryptographic authentication
//! entries), with -vv a hex dump of the whole message.

use super::fmt;
use super::nd::{Nd, R};

const ROUTELEN: usize = 20;

/// `tok2str(bsd_af_values, ...)`: None for a family it does not name.
fn bsd_af(f: u16) -> Option<&'static str> {
    Some(match f {
        2 => "IPv4",
        6 => "NS",
        7 => "ISO",
        16 => "Appletalk",
        23 => "IPX",
        24 | 28 | 30 => "IPv6",
        _ => return None,
    })
}

fn af_or_unknown(nd: &mut Nd, f: u16) {
    match bsd_af(f) {
        Some(s) => nd.st(s),
        None => {
            nd.s(b"Unknown (");
            nd.u(f as u64);
            nd.s(b")");
        }
    }
}

/// `mask2plen`: the prefix length of a contiguous mask, -1 otherwise.
pub(crate) fn mask2plen(mask: u32) -> i32 {
    (0..=32)
        .rev()
        .find(|&l| mask == if l == 0 { 0 } else { u32::MAX << (32 - l) })
        .map_or(-1, |l| l)
}

/// `rip_entry_print_v1`: the entry's size, 0 for "too short" (tcpdump then prints
/// `[|rip]`).
fn entry_v1(nd: &mut Nd, p: usize, remaining: usize) -> R<usize> {
    if remaining < ROUTELEN || !nd.ttest(p, ROUTELEN) {
        return Ok(0);
    }
    let family = nd.be2(p)?;
    if family != 2 && family != 0 {
        nd.s(b"\n\t AFI ");
        af_or_unknown(nd, family);
        nd.s(b", ");
        nd.unknown_data(p + 4, b"\n\t  ", ROUTELEN - 4)?;
        return Ok(ROUTELEN);
    }
    if nd.be2(p + 2)? != 0 || nd.be4(p + 8)? != 0 || nd.be4(p + 12)? != 0 {
        // Must-be-zero fields that are not.
        nd.unknown_data(p, b"\n\t  ", ROUTELEN)?;
        return Ok(ROUTELEN);
    }
    let metric = nd.be4(p + 16)?;
    nd.s(if family == 0 {
        b"\n\t  AFI 0, "
    } else {
        b"\n\t  "
    });
    nd.ip4(p + 4)?;
    nd.s(b", metric: ");
    nd.u(metric as u64);
    Ok(ROUTELEN)
}

/// `rip_entry_print_v2`.
fn entry_v2(nd: &mut Nd, p: usize, remaining: usize) -> R<usize> {
    if remaining < 4 || !nd.ttest(p, 4) {
        return Ok(0);
    }
    let family = nd.be2(p)?;
    if family == 0xffff {
        let auth_type = nd.be2(p + 2)?;
        let (p, remaining) = (p + 4, remaining - 4);
        match auth_type {
            2 => {
                nd.s(b"\n\t  Simple Text Authentication data: ");
                nd.printjnp(p, 16)?;
            }
            3 => {
                if !nd.ttest(p, 16) || remaining < 16 {
                    return Ok(0);
                }
                nd.s(b"\n\t  Auth header: Packet Len ");
                nd.u(nd.be2(p)? as u64);
                nd.s(b", Key-ID ");
                nd.u(nd.u1(p + 2)? as u64);
                nd.s(b", Auth Data Len ");
                nd.u(nd.u1(p + 3)? as u64);
                nd.s(b", SeqNo ");
                nd.u(nd.be4(p + 4)? as u64);
                nd.s(b", MBZ ");
                nd.u(nd.be4(p + 8)? as u64);
                nd.s(b", MBZ ");
                nd.u(nd.be4(p + 12)? as u64);
            }
            1 => {
                // The trailer runs to the end of the packet.
                nd.s(b"\n\t  Auth trailer:");
                nd.unknown_data(p, b"\n\t  ", remaining)?;
                return Ok(4 + remaining);
            }
            _ => {
                nd.s(b"\n\t  Unknown (");
                nd.u(auth_type as u64);
                nd.s(b") Authentication data:");
                nd.unknown_data(p, b"\n\t  ", remaining)?;
                return Ok(4 + remaining);
            }
        }
    } else if family != 2 && family != 0 {
        nd.s(b"\n\t  AFI ");
        af_or_unknown(nd, family);
        nd.unknown_data(p + 4, b"\n\t  ", ROUTELEN - 4)?;
    } else {
        if !nd.ttest(p, ROUTELEN) || remaining < ROUTELEN {
            return Ok(0);
        }
        let (mask, tag, metric) = (nd.be4(p + 8)?, nd.be2(p + 2)?, nd.be4(p + 16)?);
        nd.s(b"\n\t  AFI ");
        if family == 2 {
            nd.s(b"IPv4");
        } else {
            nd.s(b"0");
        }
        nd.s(b", ");
        // %15s: the address right-justified.
        let mut a = Vec::with_capacity(15);
        fmt::ipv4(&mut a, nd.bytes(p + 4, 4)?);
        fmt::right(nd.out, &a, 15);
        nd.s(b"/");
        // %-2d
        let plen = mask2plen(mask);
        let mut d = Vec::with_capacity(3);
        if plen < 0 {
            d.push(b'-');
        }
        fmt::dec(&mut d, plen.unsigned_abs() as u64);
        fmt::left(nd.out, &d, 2);
        nd.s(b", tag 0x");
        nd.x0(tag as u64, 4);
        nd.s(b", metric: ");
        nd.u(metric as u64);
        nd.s(b", next-hop: ");
        if nd.be4(p + 12)? != 0 {
            nd.ip4(p + 12)?;
        } else {
            nd.s(b"self");
        }
    }
    Ok(ROUTELEN)
}

/// `rip_print`.
pub(crate) fn rip_print(nd: &mut Nd, dat: usize, length: usize) -> R {
    nd.proto = "rip";
    if nd.snapend < dat {
        nd.trunc();
        return Ok(());
    }
    let mut len = nd.avail(dat).min(length);
    if len < 4 {
        nd.trunc();
        return Ok(());
    }
    len -= 4;
    let vers = nd.u1(dat + 1)?;
    if nd.vflag >= 1 {
        nd.s(b"\n\t");
    }
    nd.s(b"RIPv");
    nd.u(vers as u64);
    if vers == 0 {
        return nd.unknown_data(dat, b"\n\t", length);
    }
    let cmd = nd.u1(dat)?;
    nd.s(b", ");
    match cmd {
        1 => nd.s(b"Request"),
        2 => nd.s(b"Response"),
        3 => nd.s(b"Trace on"),
        4 => nd.s(b"Trace off"),
        5 => nd.s(b"Poll"),
        6 => nd.s(b"Poll Entry"),
        _ => {
            nd.s(b"unknown command (");
            nd.u(cmd as u64);
            nd.s(b")");
        }
    }
    nd.s(b", length: ");
    nd.u(length as u64);
    if nd.vflag < 1 {
        return Ok(());
    }
    match cmd {
        1 | 2 => match vers {
            1 | 2 => {
                nd.s(b", routes: ");
                nd.u((length / ROUTELEN) as u64);
                if vers == 2 {
                    nd.s(b" or less");
                }
                let mut p = dat + 4;
                while len != 0 {
                    let size = if vers == 1 {
                        entry_v1(nd, p, len)?
                    } else {
                        entry_v2(nd, p, len)?
                    };
                    if size == 0 {
                        nd.trunc();
                        break;
                    }
                    if len < size {
                        nd.s(b" [remaining entries length ");
                        nd.u(len as u64);
                        nd.s(b" < ");
                        nd.u(size as u64);
                        nd.s(b"]");
                        nd.invalid();
                        break;
                    }
                    p += size;
                    len -= size;
                }
            }
            _ => nd.s(b", unknown version"),
        },
        4..=6 => {}
        _ => {
            if nd.vflag <= 1 {
                nd.unknown_data(dat, b"\n\t", length)?;
            }
        }
    }
    if nd.vflag > 1 {
        nd.unknown_data(dat, b"\n\t", length)?;
    }
    Ok(())
}
