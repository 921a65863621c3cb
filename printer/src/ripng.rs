//! RIPng (tcpdump's print-ripng.c), UDP port 521: requests (or a whole-table dump request)
//! and responses with their prefixes, route tags and metrics, one line (one per entry at
//! -vv).

use super::nd::{Nd, R};

/// `sizeof(struct netinfo6)`: prefix, route tag, prefix length, metric.
const NETINFO: usize = 20;

/// `rip6_entry_print`.
fn entry(nd: &mut Nd, ni: usize, print_metric: bool) -> R {
    let plen = nd.u1(ni + 18)?;
    nd.need(ni, 16)?;
    nd.ip6(ni)?;
    nd.s(b"/");
    nd.u(plen as u64);
    let tag = nd.be2(ni + 16)?;
    if tag != 0 {
        nd.s(b" [");
        nd.u(tag as u64);
        nd.s(b"]");
    }
    let metric = nd.u1(ni + 19)?;
    if metric != 0 && print_metric {
        nd.s(b" (");
        nd.u(metric as u64);
        nd.s(b")");
    }
    Ok(())
}

/// `ripng_print`.
pub(crate) fn ripng_print(nd: &mut Nd, dat: usize, length: usize) -> R {
    nd.proto = "ripng";
    let vers = nd.u1(dat + 1)?;
    if vers != 1 {
        nd.s(b" [vers ");
        nd.u(vers as u64);
        nd.s(b"]");
        nd.invalid();
        return Ok(());
    }
    let cmd = nd.u1(dat)?;
    if cmd != 1 && cmd != 2 {
        nd.s(b" ripng-");
        nd.u(cmd as u64);
        nd.s(b" ?? ");
        nd.u(length as u64);
        nd.invalid();
        return Ok(());
    }
    if length < 4 {
        nd.invalid();
        return Ok(());
    }
    let mut left = length - 4;
    let j = left / NETINFO;
    let nets = dat + 4;
    if cmd == 1 && j == 1 && nd.u1(nets + 19)? == 16 && nd.bytes(nets, 16)?.iter().all(|&b| b == 0)
    {
        nd.s(b" ripng-req dump");
        return Ok(());
    }
    nd.s(if cmd == 1 {
        b" ripng-req "
    } else {
        b" ripng-resp "
    });
    nd.u(j as u64);
    if j * NETINFO != left {
        nd.s(b"[");
        nd.u(length as u64);
        nd.s(b"]");
    }
    nd.s(b":");
    let mut ni = nets;
    while left >= NETINFO {
        nd.s(if nd.vflag > 1 { b"\n\t" } else { b" " });
        entry(nd, ni, cmd == 2)?;
        left -= NETINFO;
        ni += NETINFO;
    }
    if left != 0 {
        nd.invalid();
    }
    Ok(())
}
