//! vat/vt audio (tcpdump's `vat_print` in print-udp.c), UDP destination port 3456: the
//! header's length, conference id and timestamp, or vt's sizes.

use super::nd::{Nd, R};

/// `vat_print`.
pub(crate) fn vat_print(nd: &mut Nd, hdr: usize, length: usize) -> R {
    nd.proto = "vat";
    if length < 2 {
        nd.s(b"udp/va/vat, length ");
        nd.u(length as u64);
        nd.s(b" < 2");
        return Ok(());
    }
    let ts = nd.be2(hdr)?;
    if ts & 0xf060 != 0 {
        // Probably vt.
        nd.s(b"udp/vt ");
        nd.u(length as u64);
        nd.s(b" ");
        nd.u((ts & 0x3ff) as u64);
        nd.s(b" / ");
        nd.u((ts >> 10) as u64);
        return Ok(());
    }
    if length < 8 {
        nd.s(b"udp/vat, length ");
        nd.u(length as u64);
        nd.s(b" < 8");
        return Ok(());
    }
    let (i0, i1) = (nd.be4(hdr)?, nd.be4(hdr + 4)?);
    nd.s(b"udp/vat ");
    nd.u((length - 8) as u64);
    nd.s(b" c");
    nd.u((i0 & 0xffff) as u64);
    nd.s(b" ");
    nd.u(i1 as u64);
    if i0 & 0x80_0000 != 0 {
        nd.s(b"*");
    }
    // The audio format.
    if i0 & 0x1f_0000 != 0 {
        nd.s(b" f");
        nd.u(((i0 >> 16) & 0x1f) as u64);
    }
    if i0 & 0x3f00_0000 != 0 {
        nd.s(b" s");
        nd.u(((i0 >> 24) & 0x3f) as u64);
    }
    Ok(())
}
