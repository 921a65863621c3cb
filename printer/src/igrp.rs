//! Cisco IGRP routing updates and requests (tcpdump's print-igrp.c), IP protocol 9: opcode,
//! version, edition, AS and the interior/system/exterior route counts, then each 14-byte
//! route entry with its delay, bandwidth, reliability, load, composite metric, MTU and hops.

use super::nd::{Nd, R};
use super::tok::Tok;

const OP2STR: Tok = &[(1, "update"), (2, "request")];

/// `igrp_entry_print`: the metrics of the 14-byte entry at `at`. Its one `ND_PRINT` reads
/// every field first, so a cut entry prints none of them.
fn entry(nd: &mut Nd, at: usize) -> R {
    let delay = nd.be3(at + 3)?;
    let bandwidth = nd.be3(at + 6)?;
    let metric = (bandwidth as u64 + delay as u64).min(0xffffff);
    let mtu = nd.be2(at + 9)?;
    let (rel, ld, hct) = (nd.u1(at + 11)?, nd.u1(at + 12)?, nd.u1(at + 13)?);
    nd.s(b" d=");
    nd.u((10 * delay) as u64);
    nd.s(b" b=");
    nd.u(10_000_000u32.checked_div(bandwidth).unwrap_or(0) as u64);
    nd.s(b" r=");
    nd.u(rel as u64);
    nd.s(b" l=");
    nd.u(ld as u64);
    nd.s(b" M=");
    nd.u(metric);
    nd.s(b" mtu=");
    nd.u(mtu as u64);
    nd.s(b" in ");
    nd.u(hct as u64);
    nd.s(b" hops");
    Ok(())
}

/// `igrp_print`: the header at `bp`, then entries while `length` holds one.
pub(crate) fn igrp_print(nd: &mut Nd, bp: usize, length: usize) -> R {
    nd.proto = "igrp";
    nd.s(b"igrp:");
    let mut nint = nd.be2(bp + 4)?;
    let mut nsys = nd.be2(bp + 6)?;
    let mut next = nd.be2(bp + 8)?;
    let vop = nd.u1(bp)?;
    nd.s(b" ");
    match super::tok::name(OP2STR, (vop & 0x0f) as u32) {
        Some(n) => nd.st(n),
        None => {
            nd.s(b"op-#");
            nd.u((vop & 0x0f) as u64);
        }
    }
    nd.s(b" V");
    nd.u((vop >> 4) as u64);
    nd.s(b" edit=");
    nd.u(nd.u1(bp + 1)? as u64);
    nd.s(b" AS=");
    nd.u(nd.be2(bp + 2)? as u64);
    nd.s(b" (");
    nd.u(nint as u64);
    nd.s(b"/");
    nd.u(nsys as u64);
    nd.s(b"/");
    nd.u(next as u64);
    nd.s(b")");
    let cksum = nd.be2(bp + 10)?;
    if nd.vflag != 0 {
        nd.s(b" checksum=0x");
        nd.x0(cksum as u64, 4);
    }
    // u_int arithmetic: a length under the header's 12 wraps and the entries run into the
    // capture's end, as tcpdump's do.
    let mut length = (length as u32).wrapping_sub(12);
    let mut cp = bp + 12;
    while length >= 14 {
        let (n0, n1, n2) = (nd.u1(cp)?, nd.u1(cp + 1)?, nd.u1(cp + 2)?);
        let (pre, suf): (&[u8], &[u8]) = if nint > 0 {
            nint -= 1;
            (b" *.", b"")
        } else if nsys > 0 {
            nsys -= 1;
            (b" ", b".0")
        } else if next > 0 {
            next -= 1;
            (b" X", b".0")
        } else {
            nd.s(b" [extra bytes ");
            nd.u(length as u64);
            nd.s(b"]");
            break;
        };
        nd.s(pre);
        nd.u(n0 as u64);
        nd.s(b".");
        nd.u(n1 as u64);
        nd.s(b".");
        nd.u(n2 as u64);
        nd.s(suf);
        entry(nd, cp)?;
        cp += 14;
        length -= 14;
    }
    if nint != 0 || nsys != 0 || next != 0 || length != 0 {
        nd.invalid();
    }
    Ok(())
}
