//! MPLS label stacks (tcpdump's print-mpls.c): ethertypes 0x8847/0x8848 and UDP port 6635.
//! The payload after the bottom label is IPv4 or IPv6 by the reserved labels or by its first
//! byte, as tcpdump guesses it; anything else is dumped in hex, including OSI (CLNP, ES-IS,
//! IS-IS), which tcpdump decodes and this printer does not.

use super::nd::{Nd, R};
use super::{ip, ip6};

/// `mpls_print`.
pub(crate) fn mpls_print(nd: &mut Nd, bp: usize, length: usize) -> R {
    nd.proto = "mpls";
    nd.s(b"MPLS");
    let (mut p, mut length) = (bp, length);
    let mut depth = 0;
    let label = loop {
        if length < 4 {
            nd.invalid();
            nd.need(p, length)?;
            return Ok(());
        }
        let e = nd.be4(p)?;
        let label = e >> 12;
        nd.s(if depth > 0 && nd.vflag > 0 {
            b"\n\t(label "
        } else {
            b" (label "
        });
        nd.u(label as u64);
        depth += 1;
        if nd.vflag > 0 && label < 16 {
            nd.s(b" (");
            nd.s(match label {
                0 => b"IPv4 explicit NULL",
                1 => b"router alert",
                2 => b"IPv6 explicit NULL",
                3 => b"implicit NULL",
                _ => b"rsvd",
            });
            nd.s(b")");
        }
        nd.s(b", tc ");
        nd.u(((e >> 9) & 7) as u64);
        if e & 0x100 != 0 {
            nd.s(b", [S]");
        }
        nd.s(b", ttl ");
        nd.u((e & 0xff) as u64);
        nd.s(b")");
        p += 4;
        length -= 4;
        if e & 0x100 != 0 {
            break label;
        }
    };
    let v6 = match label {
        0 | 3 => false,
        2 => true,
        _ => {
            if length < 1 {
                return Ok(());
            }
            match nd.u1(p)? {
                0x45..=0x4f => false,
                0x60..=0x6f => true,
                // OSI (CLNP, ES-IS, IS-IS: 0x81..0x83) is not decoded: dumped like the rest.
                _ => return nd.default_print(p, length),
            }
        }
    };
    nd.s(if nd.vflag > 0 { b"\n\t" } else { b" " });
    if v6 {
        ip6::ip6_print(nd, p, length)
    } else {
        ip::ip_print(nd, p, length)
    }
}
