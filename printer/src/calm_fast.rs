//! ISO CALM FAST (tcpdump's print-calm-fast.c), ethertype 0x1111: the sender's MAC and the
//! source and destination network references; with -v the rest as hex.

use super::nd::{Nd, R};

/// `calm_fast_print`: `src` is the link layer's source MAC, when there is one.
pub(crate) fn calm_fast_print(nd: &mut Nd, bp: usize, length: usize, src: Option<usize>) -> R {
    nd.proto = "calm_fast";
    nd.s(b"CALM FAST");
    if let Some(s) = src {
        nd.s(b" src:");
        nd.mac(s)?;
    }
    nd.s(b"; ");
    if length < 2 {
        nd.s(b" (length ");
        nd.u(length as u64);
        nd.s(b" < 2)");
        nd.invalid();
        return nd.need(bp, length);
    }
    let s = nd.u1(bp)?;
    nd.s(b"SrcNwref:");
    nd.u(s as u64);
    nd.s(b"; ");
    let d = nd.u1(bp + 1)?;
    nd.s(b"DstNwref:");
    nd.u(d as u64);
    nd.s(b"; ");
    if nd.vflag > 0 {
        nd.default_print_always(bp + 2, length - 2)?;
    }
    Ok(())
}
