//! HSRP v0 (tcpdump's print-hsrp.c), UDP destination port 1985: op code, state, group and
//! virtual address; with -v the timers, priority and authentication string.

use super::igmp::relts;
use super::nd::{Nd, R};

/// `hsrp_print`.
pub(crate) fn hsrp_print(nd: &mut Nd, bp: usize, len: usize) -> R {
    nd.proto = "hsrp";
    let version = nd.u1(bp)?;
    nd.s(b"HSRPv");
    nd.u(version as u64);
    if version != 0 {
        return Ok(());
    }
    nd.s(b"-");
    match nd.u1(bp + 1)? {
        0 => nd.s(b"hello"),
        1 => nd.s(b"coup"),
        2 => nd.s(b"resign"),
        op => {
            nd.s(b"unknown (");
            nd.u(op as u64);
            nd.s(b")");
        }
    }
    nd.s(b" ");
    nd.u(len as u64);
    nd.s(b": ");
    let state = nd.u1(bp + 2)?;
    nd.s(b"state=");
    match state {
        0 => nd.s(b"initial"),
        1 => nd.s(b"learn"),
        2 => nd.s(b"listen"),
        4 => nd.s(b"speak"),
        8 => nd.s(b"standby"),
        16 => nd.s(b"active"),
        s => {
            nd.s(b"Unknown (");
            nd.u(s as u64);
            nd.s(b")");
        }
    }
    nd.s(b" ");
    let group = nd.u1(bp + 6)?;
    nd.s(b"group=");
    nd.u(group as u64);
    nd.s(b" ");
    let reserved = nd.u1(bp + 7)?;
    if reserved != 0 {
        nd.s(b"[reserved=");
        nd.u(reserved as u64);
        nd.s(b"!] ");
    }
    nd.need(bp + 16, 4)?;
    nd.s(b"addr=");
    nd.ip4(bp + 16)?;
    if nd.vflag > 0 {
        nd.s(b" hellotime=");
        let hello = nd.u1(bp + 3)?;
        relts(nd, hello as u32);
        nd.s(b" holdtime=");
        let hold = nd.u1(bp + 4)?;
        relts(nd, hold as u32);
        let prio = nd.u1(bp + 5)?;
        nd.s(b" priority=");
        nd.u(prio as u64);
        nd.s(b" auth=\"");
        nd.printjnp(bp + 8, 8)?;
        nd.s(b"\"");
    }
    Ok(())
}
