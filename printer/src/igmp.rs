//! IGMP at default verbosity (tcpdump's print-igmp.c; DVMRP, PIMv1 and mtrace bodies are not
//! decoded).

use super::nd::{Nd, R};

pub(crate) fn igmp_print(nd: &mut Nd, bp: usize, len: usize) -> R {
    nd.proto = "igmp";
    if nd.qflag {
        nd.s(b"igmp");
        return Ok(());
    }
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
        }
        0x17 => {
            nd.need(bp + 4, 4)?;
            nd.s(b"igmp leave ");
            nd.ip4(bp + 4)?;
        }
        t => {
            nd.s(b"igmp-");
            nd.u(t as u64);
        }
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
