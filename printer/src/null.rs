//! BSD loopback (DLT_NULL, DLT_LOOP) and raw IP (DLT_RAW, DLT_IPV4, DLT_IPV6)
//! (tcpdump's print-null.c and print-raw.c).

use super::nd::{Nd, Trunc, R};
use super::{ip, ip6};

fn af_name(family: u32) -> Option<&'static str> {
    Some(match family {
        2 => "IPv4",
        6 => "NS",
        7 => "ISO",
        16 => "Appletalk",
        23 => "IPX",
        24 | 28 | 30 => "IPv6",
        _ => return None,
    })
}

fn hdr_print(nd: &mut Nd, family: u32, length: usize) {
    if !nd.qflag {
        nd.s(b"AF ");
        nd.st(af_name(family).unwrap_or("Unknown"));
        nd.s(b" (");
        nd.u(family as u64);
        nd.s(b")");
    } else {
        match af_name(family) {
            Some(n) => nd.st(n),
            None => {
                nd.s(b"Unknown AF ");
                nd.u(family as u64);
            }
        }
    }
    nd.s(b", length ");
    nd.u(length as u64);
    nd.s(b": ");
}

/// `null_if_print` (also used for DLT_LOOP, as tcpdump does).
/// Returns the link-layer header length (`ndo_ll_hdr_len`).
pub(crate) fn null_if_print(nd: &mut Nd, length: usize, caplen: usize) -> R<usize> {
    nd.proto = "null";
    if !nd.ttest(0, 4) {
        return Err(Trunc);
    }
    let mut family = nd.he4(0)?;
    if family & 0xFFFF_0000 != 0 {
        family = family.swap_bytes();
    }
    if nd.eflag {
        hdr_print(nd, family, length);
    }
    let length = length.wrapping_sub(4);
    let caplen = caplen - 4;
    nd.set_ll_hdr_len(4);
    match family {
        2 => ip::ip_print(nd, 4, length)?,
        24 | 28 | 30 => ip6::ip6_print(nd, 4, length)?,
        _ => {
            if !nd.eflag {
                hdr_print(nd, family, length + 4);
            }
            nd.default_print(4, caplen)?;
        }
    }
    Ok(4)
}

/// `raw_if_print`: no link-layer header (length 0).
pub(crate) fn raw_if_print(nd: &mut Nd, length: usize) -> R<usize> {
    nd.proto = "raw";
    if nd.eflag {
        nd.s(b"ip: ");
    }
    nd.set_ll_hdr_len(0);
    ip::ipn_print(nd, 0, length)?;
    Ok(0)
}
