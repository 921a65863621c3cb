//! IGMP (tcpdump's print-igmp.c; PIMv1 bodies by [`super::pim`], DVMRP by [`super::dvmrp`]):
//! queries, reports and leaves, mtrace queries and responses; with -v v3 group records and
//! a bad checksum, with -vv the sources.

use super::cksum;
use super::nd::{Nd, R};

pub(crate) fn igmp_print(nd: &mut Nd, bp: usize, len: usize) -> R {
    nd.proto = "igmp";
    if nd.qflag {
        nd.s(b"igmp");
        return Ok(());
    }
    body(nd, bp, len)?;
    if nd.vflag > 0 && len >= 4 && nd.ttest(bp, len) && cksum::in_cksum(&nd.b[bp..bp + len]) != 0 {
        let sum = nd.be2(bp + 2)?;
        nd.s(b" bad igmp cksum ");
        nd.x(sum as u64);
        nd.s(b"!");
    }
    Ok(())
}

/// The message itself; an early return is the end of one of tcpdump's sub-printers.
fn body(nd: &mut Nd, bp: usize, len: usize) -> R {
    match nd.u1(bp)? {
        0x11 => {
            nd.s(b"igmp query");
            if len >= 12 {
                nd.s(b" v3");
                if len < 12 || len & 3 != 0 {
                    nd.s(b" [invalid len ");
                    nd.u(len as u64);
                    nd.s(b"]");
                    return Ok(());
                }
                let mrc = nd.u1(bp + 1)? as u32;
                let mrt = if mrc < 128 {
                    mrc
                } else {
                    ((mrc & 0x0f) | 0x10) << (((mrc & 0x70) >> 4) + 3)
                };
                if mrc != 100 {
                    nd.s(b" [max resp time ");
                    if mrt < 600 {
                        nd.u((mrt / 10) as u64);
                        nd.s(b".");
                        nd.u((mrt % 10) as u64);
                        nd.s(b"s");
                    } else {
                        relts(nd, mrt / 10);
                    }
                    nd.s(b"]");
                }
                if nd.be4(bp + 4)? == 0 {
                    return Ok(());
                }
                nd.s(b" [gaddr ");
                nd.ip4(bp + 4)?;
                let nsrcs = nd.be2(bp + 10)? as usize;
                if nsrcs > 0 {
                    if len < 12 + (nsrcs << 2) {
                        nd.s(b" [invalid number of sources]");
                    } else if nd.vflag > 1 {
                        nd.s(b" {");
                        for i in 0..nsrcs {
                            nd.need(bp + 12 + (i << 2), 4)?;
                            nd.s(b" ");
                            nd.ip4(bp + 12 + (i << 2))?;
                        }
                        nd.s(b" }");
                    } else {
                        nd.s(b", ");
                        nd.u(nsrcs as u64);
                        nd.s(b" source(s)");
                    }
                }
                nd.s(b"]");
            } else {
                let mrt = nd.u1(bp + 1)?;
                if mrt != 0 {
                    nd.s(b" v2");
                    if mrt != 100 {
                        nd.s(b" [max resp time ");
                        nd.u(mrt as u64);
                        nd.s(b"]");
                    }
                } else {
                    nd.s(b" v1");
                }
                if nd.be4(bp + 4)? != 0 {
                    nd.s(b" [gaddr ");
                    nd.ip4(bp + 4)?;
                    nd.s(b"]");
                }
                if len != 8 {
                    nd.s(b" [len ");
                    nd.u(len as u64);
                    nd.s(b"]");
                }
            }
        }
        0x12 => {
            nd.need(bp + 4, 4)?;
            nd.s(b"igmp v1 report ");
            nd.ip4(bp + 4)?;
            if len != 8 {
                nd.s(b" [len ");
                nd.u(len as u64);
                nd.s(b"]");
            }
        }
        0x16 => {
            nd.need(bp + 4, 4)?;
            nd.s(b"igmp v2 report ");
            nd.ip4(bp + 4)?;
        }
        0x22 => {
            nd.s(b"igmp v3 report");
            if len < 16 || len & 3 != 0 {
                nd.s(b" [invalid len ");
                nd.u(len as u64);
                nd.s(b"]");
                return Ok(());
            }
            let ngroups = nd.be2(bp + 6)?;
            nd.s(b", ");
            nd.u(ngroups as u64);
            nd.s(b" group record(s)");
            if nd.vflag > 0 {
                v3_groups(nd, bp, len, ngroups)?;
            }
        }
        0x14 => {
            nd.s(b"igmp pimv1");
            super::pim::pimv1_print(nd, bp, len)?;
        }
        0x17 => {
            nd.need(bp + 4, 4)?;
            nd.s(b"igmp leave ");
            nd.ip4(bp + 4)?;
        }
        0x13 => {
            nd.s(b"igmp dvmrp");
            if len < 8 {
                nd.s(b" [len ");
                nd.u(len as u64);
                nd.s(b"]");
            } else {
                super::dvmrp::dvmrp_print(nd, bp, len)?;
            }
        }
        0x1e => mtrace(nd, b"mresp", bp, len)?,
        0x1f => mtrace(nd, b"mtrace", bp, len)?,
        t => {
            nd.s(b"igmp-");
            nd.u(t as u64);
        }
    }
    Ok(())
}

/// `print_mtrace`: an mtrace query or response's id, source, destination, reply address
/// and, for a multicast reply address, the response TTL.
fn mtrace(nd: &mut Nd, name: &[u8], bp: usize, len: usize) -> R {
    if len < 8 + 16 {
        nd.s(b" [invalid len ");
        nd.u(len as u64);
        nd.s(b"]");
        return Ok(());
    }
    let tr = bp + 8;
    nd.need(tr, 16)?;
    nd.s(name);
    nd.s(b" ");
    nd.u(nd.be3(tr + 13)? as u64);
    nd.s(b": ");
    nd.ip4(tr)?;
    nd.s(b" to ");
    nd.ip4(tr + 4)?;
    nd.s(b" reply-to ");
    nd.ip4(tr + 8)?;
    if nd.be4(tr + 8)? & 0xf000_0000 == 0xe000_0000 {
        let ttl = nd.u1(tr + 12)?;
        nd.s(b" with-ttl ");
        nd.u(ttl as u64);
    }
    Ok(())
}

/// The group records of a v3 report (-v; -vv with their sources).
fn v3_groups(nd: &mut Nd, bp: usize, len: usize, ngroups: u16) -> R {
    let mut group = 8;
    for _ in 0..ngroups {
        if len < group + 8 {
            nd.s(b" [invalid number of groups]");
            return Ok(());
        }
        nd.need(bp + group + 4, 4)?;
        nd.s(b" [gaddr ");
        nd.ip4(bp + group + 4)?;
        let t = nd.u1(bp + group)?;
        nd.s(b" ");
        match t {
            1 => nd.s(b"is_in"),
            2 => nd.s(b"is_ex"),
            3 => nd.s(b"to_in"),
            4 => nd.s(b"to_ex"),
            5 => nd.s(b"allow"),
            6 => nd.s(b"block"),
            _ => {
                nd.s(b" [v3-report-#");
                nd.u(t as u64);
                nd.s(b"]");
            }
        }
        let nsrcs = nd.be2(bp + group + 2)? as usize;
        if len < group + 8 + (nsrcs << 2) {
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
                nd.need(bp + group + 8 + (j << 2), 4)?;
                nd.s(b" ");
                nd.ip4(bp + group + 8 + (j << 2))?;
            }
            nd.s(b" }");
        }
        group += 8 + (nsrcs << 2);
        nd.s(b"]");
    }
    Ok(())
}

/// `unsigned_relts_print`: "1h2m3s" style durations.
pub(crate) fn relts(nd: &mut Nd, mut secs: u32) {
    const UNITS: [(&[u8], u32); 6] = [
        (b"y", 31536000),
        (b"w", 604800),
        (b"d", 86400),
        (b"h", 3600),
        (b"m", 60),
        (b"s", 1),
    ];
    if secs == 0 {
        nd.s(b"0s");
        return;
    }
    for (name, secs_per) in UNITS {
        if secs >= secs_per {
            nd.u((secs / secs_per) as u64);
            nd.s(name);
            secs %= secs_per;
        }
    }
}
