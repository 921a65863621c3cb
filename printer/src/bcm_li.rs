//! Broadcom lawful-intercept shim (tcpdump's print-bcm-li.c), from UDP source port 49152:
//! direction, packet type and subtype, LI id, and with -v the intercepted Ethernet, IPv4 or
//! IPv6 packet.

use super::nd::{Nd, Trunc, R};
use super::tok::{self, Tok};
use super::{ether, ip, ip6};

const SHIM_LEN: usize = 4;

/// `bcm_li_direction_values`.
const DIRECTION: Tok = &[(1, "unused"), (2, "egress"), (3, "ingress")];
/// `bcm_li_pkt_type_values`.
const PKT_TYPE: Tok = &[(4, "undecided"), (5, "ipv4"), (6, "ipv6"), (7, "ethernet")];
/// `bcm_li_pkt_subtype_values`.
const PKT_SUBTYPE: Tok = &[
    (1, "single VLAN tag"),
    (2, "double VLAN tag"),
    (3, "untagged"),
];

/// `bcm_li_print`.
pub(crate) fn bcm_li_print(nd: &mut Nd, bp: usize, length: usize) -> R {
    nd.proto = "bcm_li";
    if length < SHIM_LEN {
        nd.s(b" (length ");
        nd.u(length as u64);
        nd.s(b" < 4)");
        nd.invalid();
        return Ok(());
    }
    let shim = nd.be4(bp)?;
    let pkt_type = (shim >> 25) & 0xf;
    let (bp, length) = (bp + SHIM_LEN, length - SHIM_LEN);
    let nl: &[u8] = if nd.vflag > 0 { b"\n    " } else { b"" };
    nd.s(nl);
    nd.s(b"BCM-LI-SHIM: direction ");
    tok::tok2str(nd, DIRECTION, "unknown", (shim >> 29) & 0x7);
    nd.s(b", pkt-type ");
    tok::tok2str(nd, PKT_TYPE, "unknown", pkt_type);
    nd.s(b", pkt-subtype ");
    tok::tok2str(nd, PKT_SUBTYPE, "unknown", (shim >> 22) & 0x7);
    nd.s(b", li-id ");
    nd.u((shim & 0x3fffff) as u64);
    nd.s(nl);
    if nd.vflag == 0 {
        return if nd.ttest(bp, length) {
            Ok(())
        } else {
            Err(Trunc)
        };
    }
    match pkt_type {
        7 => {
            let avail = nd.avail(bp);
            ether::ether_print(nd, bp, length, avail).map(|_| ())
        }
        5 => ip::ip_print(nd, bp, length),
        6 => ip6::ip6_print(nd, bp, length),
        4 => match nd.u1(bp)? >> 4 {
            4 => ip::ip_print(nd, bp, length),
            6 => ip6::ip6_print(nd, bp, length),
            _ => {
                nd.s(b"unknown payload");
                Ok(())
            }
        },
        _ => {
            nd.invalid();
            Ok(())
        }
    }
}
