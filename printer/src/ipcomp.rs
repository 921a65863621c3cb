//! IP Payload Compression (RFC 3173; tcpdump's print-ipcomp.c), IP protocol 108: the
//! compression parameter index. The compressed payload is not decoded (tcpdump does not
//! decompress it either), so nothing follows.

use super::nd::{Nd, R};

/// `ipcomp_print`.
pub(crate) fn ipcomp_print(nd: &mut Nd, bp: usize) -> R {
    nd.proto = "ipcomp";
    let cpi = nd.be2(bp + 2)?;
    nd.s(b"IPComp(cpi=0x");
    nd.x0(cpi as u64, 4);
    nd.s(b")");
    Ok(())
}
