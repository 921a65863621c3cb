//! DVMRP (RFC 1075, draft-ietf-idmr-dvmrp-v3; tcpdump's print-dvmrp.c), IGMP type 0x13:
//! the message type; probes' generation id and neighbours (-v, -vv), route reports' masks,
//! origins and metrics (-vv), neighbour lists (old and v2 formats with their flags), prune,
//! graft and graft-ack source and group.

use super::fmt;
use super::igmp;
use super::nd::{Nd, R};
use super::tok::{self, Tok};

const TYPES: Tok = &[
    (1, "Probe"),
    (2, "Report"),
    (3, "Ask-neighbors(old)"),
    (4, "Neighbors(old)"),
    (5, "Ask-neighbors2"),
    (6, "Neighbors2"),
    (7, "Prune"),
    (8, "Graft"),
    (9, "Graft-ACK"),
];

/// `dvmrp_print`: `bp` is the IGMP header, `len` the IGMP length.
pub(crate) fn dvmrp_print(nd: &mut Nd, bp: usize, len: usize) -> R {
    nd.proto = "dvmrp";
    if len < 8 {
        nd.s(b" [length ");
        nd.u(len as u64);
        nd.s(b" < 8]");
        nd.invalid();
        return Ok(());
    }
    let typ = nd.u1(bp + 1)?;
    let (hdr, bp, len) = (bp, bp + 8, len - 8);
    nd.s(b" ");
    match tok::name(TYPES, typ as u32) {
        Some(n) => nd.st(n),
        None => {
            nd.s(b"[type ");
            nd.u(typ as u64);
            nd.s(b"]");
        }
    }
    match typ {
        1 if nd.vflag > 0 => probe(nd, bp, len)?,
        2 if nd.vflag > 1 => report(nd, bp, len)?,
        4 => neighbors(nd, bp, len)?,
        6 => {
            // The version is in the IGMP group address field.
            let major = nd.u1(hdr + 7)?;
            let minor = nd.u1(hdr + 6)?;
            neighbors2(nd, bp, len, major, minor)?;
        }
        7..=9 => {
            nd.need(bp, 8)?;
            nd.s(b" src ");
            nd.ip4(bp)?;
            nd.s(b" grp ");
            nd.ip4(bp + 4)?;
            if typ == 7 {
                nd.s(b" timer ");
                let timer = nd.be4(bp + 8)?;
                igmp::relts(nd, timer);
            }
        }
        _ => {}
    }
    Ok(())
}

/// `print_report`: masks, each followed by origins (as wide as the mask) and metrics, the
/// last with the high bit.
fn report(nd: &mut Nd, mut bp: usize, mut len: usize) -> R {
    while len > 0 {
        if len < 3 {
            nd.s(b" [length ");
            nd.u(len as u64);
            nd.s(b" < 3]");
            nd.invalid();
            return Ok(());
        }
        let m = [0xff, nd.u1(bp)?, nd.u1(bp + 1)?, nd.u1(bp + 2)?];
        let width = if m[3] != 0 {
            4
        } else if m[2] != 0 {
            3
        } else if m[1] != 0 {
            2
        } else {
            1
        };
        nd.s(b"\n\tMask ");
        fmt::ipv4(nd.out, &m);
        bp += 3;
        len -= 3;
        loop {
            if len < width + 1 {
                nd.s(b"\n\t  [Truncated Report]");
                nd.invalid();
                return Ok(());
            }
            let mut origin = [0u8; 4];
            for o in origin.iter_mut().take(width) {
                *o = nd.u1(bp)?;
                bp += 1;
            }
            let metric = nd.u1(bp)?;
            bp += 1;
            nd.s(b"\n\t  ");
            fmt::ipv4(nd.out, &origin);
            nd.s(b" metric ");
            nd.u((metric & 0x7f) as u64);
            len -= width + 1;
            if metric & 0x80 != 0 {
                break;
            }
        }
    }
    Ok(())
}

/// `print_probe`: the generation id; with -vv the neighbours.
fn probe(nd: &mut Nd, mut bp: usize, mut len: usize) -> R {
    if len < 4 {
        nd.s(b" [full length ");
        nd.u(len as u64);
        nd.s(b" < 4]");
        nd.invalid();
        return Ok(());
    }
    nd.s(if nd.vflag > 1 { b"\n\t" } else { b" " });
    let genid = nd.be4(bp)?;
    nd.s(b"genid ");
    nd.u(genid as u64);
    if nd.vflag < 2 {
        return Ok(());
    }
    bp += 4;
    len -= 4;
    while len > 0 {
        if len < 4 {
            nd.s(b"[remaining length ");
            nd.u(len as u64);
            nd.s(b" < 4]");
            nd.invalid();
            return Ok(());
        }
        nd.need(bp, 4)?;
        nd.s(b"\n\tneighbor ");
        nd.ip4(bp)?;
        bp += 4;
        len -= 4;
    }
    Ok(())
}

/// `print_neighbors`: the old format, `[local -> neighbour, (metric/threshold)]`.
fn neighbors(nd: &mut Nd, mut bp: usize, mut len: usize) -> R {
    while len > 0 {
        if len < 7 {
            nd.s(b" [length ");
            nd.u(len as u64);
            nd.s(b" < 7]");
            nd.invalid();
            return Ok(());
        }
        let laddr = bp;
        let metric = nd.u1(bp + 4)?;
        let thresh = nd.u1(bp + 5)?;
        let ncount = nd.u1(bp + 6)?;
        bp += 7;
        len -= 7;
        for _ in 0..ncount {
            if len < 4 {
                nd.s(b" [length ");
                nd.u(len as u64);
                nd.s(b" < 4]");
                nd.invalid();
                return Ok(());
            }
            nd.need(laddr, 4)?;
            nd.s(b" [");
            nd.ip4(laddr)?;
            nd.s(b" ->");
            nd.need(bp, 4)?;
            nd.s(b" ");
            nd.ip4(bp)?;
            nd.s(b", (");
            nd.u(metric as u64);
            nd.s(b"/");
            nd.u(thresh as u64);
            nd.s(b")]");
            bp += 4;
            len -= 4;
        }
    }
    Ok(())
}

/// `print_neighbors2`: the v2 format, with the neighbour flags.
fn neighbors2(nd: &mut Nd, mut bp: usize, mut len: usize, major: u8, minor: u8) -> R {
    nd.s(b" (v ");
    nd.u(major as u64);
    nd.s(b".");
    nd.u(minor as u64);
    nd.s(b"):");
    while len > 0 {
        if len < 8 {
            nd.s(b" [length ");
            nd.u(len as u64);
            nd.s(b" < 8]");
            nd.invalid();
            return Ok(());
        }
        let laddr = bp;
        let metric = nd.u1(bp + 4)?;
        let thresh = nd.u1(bp + 5)?;
        let flags = nd.u1(bp + 6)?;
        // C's `while (--ncount >= 0 && len > 0)` on an int: the count ends at -1 when
        // every neighbour was there.
        let mut ncount = nd.u1(bp + 7)? as i32;
        bp += 8;
        len -= 8;
        loop {
            ncount -= 1;
            if ncount < 0 || len == 0 {
                break;
            }
            if len < 4 {
                nd.s(b" [length ");
                nd.u(len as u64);
                nd.s(b" < 4]");
                nd.invalid();
                return Ok(());
            }
            nd.need(laddr, 4)?;
            nd.s(b" [");
            nd.ip4(laddr)?;
            nd.s(b" -> ");
            nd.need(bp, 4)?;
            nd.ip4(bp)?;
            nd.s(b" (");
            nd.u(metric as u64);
            nd.s(b"/");
            nd.u(thresh as u64);
            for (bit, name) in [
                (0x01, &b"/tunnel"[..]),
                (0x02, b"/srcrt"),
                (0x40, b"/querier"),
                (0x20, b"/disabled"),
                (0x10, b"/down"),
            ] {
                if flags & bit != 0 {
                    nd.s(name);
                }
            }
            nd.s(b")]");
            bp += 4;
            len -= 4;
        }
        if ncount != -1 {
            nd.s(b" [invalid ncount]");
            nd.invalid();
            return Ok(());
        }
    }
    Ok(())
}
