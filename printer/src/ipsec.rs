//! IPsec headers at default verbosity: AH, ESP (no decryption: tcpdump has no -E secret
//! here), and ESP or IKE in UDP 4500 (tcpdump's print-ah.c, print-esp.c, `isakmp_rfc3948_print`).

use super::isakmp;
use super::nd::{Nd, R};

/// `ah_print`: returns the AH header length.
pub(crate) fn ah_print(nd: &mut Nd, bp: usize) -> R<usize> {
    nd.proto = "ah";
    nd.s(b"AH");
    let ah_len = nd.u1(bp + 1)? as usize;
    let hdr_len = (ah_len + 2) * 4;
    nd.s(b"(");
    if nd.vflag > 0 {
        nd.s(b"length=");
        nd.u(ah_len as u64);
        nd.s(b"(");
        nd.u(hdr_len as u64);
        nd.s(b"-bytes),");
    }
    let reserved = nd.be2(bp + 2)?;
    if reserved != 0 {
        nd.s(b"reserved=0x");
        nd.x(reserved as u64);
        nd.s(b"[MustBeZero],");
    }
    let spi = nd.be4(bp + 4)?;
    nd.s(b"spi=0x");
    nd.x0(spi as u64, 8);
    nd.s(b",");
    let seq = nd.be4(bp + 8)?;
    nd.s(b"seq=0x");
    nd.x(seq as u64);
    nd.s(b",icv=0x");
    let mut p = bp + 12;
    while p < bp + hdr_len {
        let v = nd.u1(p)?;
        nd.x0(v as u64, 2);
        p += 1;
    }
    nd.s(b"): ");
    Ok(hdr_len)
}

/// `esp_print`.
pub(crate) fn esp_print(nd: &mut Nd, bp: usize, length: usize) -> R {
    nd.proto = "esp";
    if bp + 8 >= nd.snapend {
        nd.trunc();
        return Ok(());
    }
    let spi = nd.be4(bp)?;
    nd.s(b"ESP(spi=0x");
    nd.x0(spi as u64, 8);
    let seq = nd.be4(bp + 4)?;
    nd.s(b",seq=0x");
    nd.x(seq as u64);
    nd.s(b"), length ");
    nd.u(length as u64);
    Ok(())
}

/// `isakmp_rfc3948_print`: UDP 4500, ESP or IKE behind NAT.
pub(crate) fn rfc3948_print(nd: &mut Nd, bp: usize, length: usize, iph: usize) -> R {
    nd.proto = "isakmp_rfc3948";
    if length == 1 && nd.u1(bp)? == 0xff {
        nd.s(b"isakmp-nat-keep-alive");
        return Ok(());
    }
    if length < 4 {
        nd.trunc();
        return Ok(());
    }
    if nd.be4(bp)? == 0 {
        // The non-ESP marker: IKE behind NAT.
        nd.s(b"NONESP-encap: ");
        return isakmp::isakmp_print(nd, bp + 4, length - 4, iph);
    }
    nd.s(b"UDP-encap: ");
    esp_print(nd, bp, length)
}
