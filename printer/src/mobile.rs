//! Minimal IP-in-IP encapsulation for Mobile IP (RFC 2004, IP protocol 55; tcpdump's
//! print-mobile.c): the forwarding header's flags, with -v its addresses and the inner
//! protocol, and a checksum verdict when it is wrong. (The IPv6 mobility header is
//! `mobility`.)

use super::cksum;
use super::nd::{Nd, R};

/// The header without (8) and with (12) the original source address.
const MOBILE_SIZE: usize = 8;
const OSRC_PRES: u16 = 0x0080;

/// `mobile_print`.
pub(crate) fn mobile_print(nd: &mut Nd, bp: usize, length: usize) -> R {
    nd.proto = "mobile";
    // C tests the whole struct (12 bytes) against the capture, 8 against the length.
    if length < MOBILE_SIZE || !nd.ttest(bp, 12) {
        nd.trunc();
        return Ok(());
    }
    nd.s(b"mobile: ");
    let proto = nd.be2(bp)?;
    let crc = nd.be2(bp + 2)?;
    let osp = proto & OSRC_PRES != 0;
    if osp {
        nd.s(b"[S] ");
        if nd.vflag > 0 {
            nd.ip4(bp + 8)?;
            nd.s(b" ");
        }
    } else {
        nd.s(b"[] ");
    }
    if nd.vflag > 0 {
        nd.s(b"> ");
        nd.ip4(bp + 4)?;
        nd.s(b" (oproto=");
        nd.u((proto >> 8) as u64);
        nd.s(b")");
    }
    if cksum::in_cksum(nd.bytes(bp, if osp { 12 } else { 8 })?) != 0 {
        nd.s(b" (bad checksum ");
        nd.u(crc as u64);
        nd.s(b")");
    }
    Ok(())
}
