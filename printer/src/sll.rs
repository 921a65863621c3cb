//! Linux cooked captures, v1 (DLT_LINUX_SLL) and v2 (DLT_LINUX_SLL2) (tcpdump's print-sll.c).

use super::ether;
use super::fmt;
use super::names;
use super::nd::{Nd, R};

const SLL_HDR_LEN: usize = 16;
const SLL2_HDR_LEN: usize = 20;
const P_802_3: u16 = 0x0001;
const P_802_2: u16 = 0x0004;

fn pkttype(t: u32) -> &'static [u8] {
    match t {
        0 => b"In",
        1 => b"B",
        2 => b"M",
        3 => b"P",
        4 => b"Out",
        _ => b"?",
    }
}

/// The "ethertype X (0x....), length N: " part of `sll_print` / `sll2_print`.
fn proto_and_length(nd: &mut Nd, ether_type: u16, length: usize) {
    if nd.qflag {
        return;
    }
    if ether_type <= 1500 {
        match ether_type {
            P_802_3 => nd.s(b"802.3"),
            P_802_2 => nd.s(b"802.2"),
            _ => {
                nd.s(b"ethertype Unknown (0x");
                nd.x0(ether_type as u64, 4);
                nd.s(b")");
            }
        }
    } else {
        nd.s(b"ethertype ");
        nd.st(names::ethertype(ether_type).unwrap_or("Unknown"));
        nd.s(b" (0x");
        nd.x0(ether_type as u64, 4);
        nd.s(b")");
    }
    nd.s(b", length ");
    nd.u(length as u64);
    nd.s(b": ");
}

/// `sll_print`: the -e header of SLL v1.
fn sll_print(nd: &mut Nd, length: usize) -> R {
    nd.proto = "sll";
    let t = nd.be2(0)?;
    fmt::right(nd.out, pkttype(t as u32), 3);
    nd.s(b" ");
    if nd.be2(4)? == 6 {
        nd.mac(6)?;
        nd.s(b" ");
    }
    let et = nd.be2(14)?;
    proto_and_length(nd, et, length);
    Ok(())
}

/// `sll2_print`: the -e header of SLL v2.
fn sll2_print(nd: &mut Nd, length: usize) -> R {
    nd.proto = "sll2";
    nd.s(b"ifindex ");
    let ifx = nd.be4(4)?;
    nd.u(ifx as u64);
    nd.s(b" ");
    if nd.u1(11)? == 6 {
        nd.mac(12)?;
        nd.s(b" ");
    }
    let et = nd.be2(0)?;
    proto_and_length(nd, et, length);
    Ok(())
}

/// Everything after the cooked header, shared by v1 and v2 (`recurse:` in print-sll.c).
/// Returns the link-layer header length (`ndo_ll_hdr_len`): the cooked header (`p`), VLAN
/// tags and a known LLC header.
fn payload(
    nd: &mut Nd,
    v2: bool,
    mut ether_type: u16,
    mut p: usize,
    mut length: usize,
    mut caplen: usize,
) -> R<usize> {
    let mut hdrlen = p;
    loop {
        if ether_type <= 1500 {
            if ether_type == P_802_2 {
                nd.set_ll_hdr_len(hdrlen);
                let llc_hdrlen = super::llc::llc_print(nd, p, length, caplen, None)?;
                if llc_hdrlen < 0 {
                    nd.default_print(p, caplen)?;
                } else {
                    hdrlen += llc_hdrlen as usize;
                }
            } else if ether_type == P_802_3 {
                // Novell 802.3 (IPX) is not decoded.
                nd.proto = "ipx";
                return Err(super::nd::Trunc);
            } else {
                nd.default_print(p, caplen)?;
            }
            return Ok(hdrlen);
        } else if ether_type == crate::ethertype::VLAN_8021Q {
            if caplen < 4 {
                nd.proto = "vlan";
                nd.trunc();
                return Ok(hdrlen + caplen);
            }
            if nd.eflag {
                let tag = nd.be2(p)?;
                ether::tci(nd, tag);
                nd.s(b", ");
            }
            ether_type = nd.be2(p + 2)?;
            if ether_type <= 1500 {
                ether_type = P_802_2;
            }
            if !nd.qflag {
                nd.s(b"ethertype ");
                nd.st(names::ethertype(ether_type).unwrap_or("Unknown"));
                nd.s(b", ");
            }
            p += 4;
            length = length.wrapping_sub(4);
            caplen -= 4;
            hdrlen += 4;
            continue;
        } else {
            nd.set_ll_hdr_len(hdrlen);
            if !ether::ethertype_print(nd, ether_type, p, length, caplen, None)? {
                if !nd.eflag {
                    if v2 {
                        sll2_print(nd, length + SLL2_HDR_LEN)?;
                    } else {
                        sll_print(nd, length + SLL_HDR_LEN)?;
                    }
                }
                nd.default_print(p, caplen)?;
            }
            return Ok(hdrlen);
        }
    }
}

/// `sll_if_print`; returns the link-layer header length.
pub(crate) fn sll_if_print(nd: &mut Nd, length: usize, caplen: usize) -> R<usize> {
    nd.proto = "sll";
    if !nd.ttest(0, SLL_HDR_LEN) {
        return Err(super::nd::Trunc);
    }
    if nd.eflag {
        sll_print(nd, length)?;
    }
    let hatype = nd.be2(2)?;
    if hatype == 803 {
        // 802.11 radiotap is not decoded.
        nd.default_print(SLL_HDR_LEN, caplen - SLL_HDR_LEN)?;
        return Ok(SLL_HDR_LEN);
    }
    let et = nd.be2(14)?;
    payload(
        nd,
        false,
        et,
        SLL_HDR_LEN,
        length.wrapping_sub(SLL_HDR_LEN),
        caplen - SLL_HDR_LEN,
    )
}

/// `sll2_if_print`: always prints the interface name and direction, like tcpdump 4.99.
/// Returns the link-layer header length.
pub(crate) fn sll2_if_print(nd: &mut Nd, length: usize, caplen: usize) -> R<usize> {
    nd.proto = "sll2";
    if !nd.ttest(0, SLL2_HDR_LEN) {
        return Err(super::nd::Trunc);
    }
    let ifindex = nd.be4(4)?;
    let name = nd.st.ifname(ifindex);
    fmt::left(nd.out, name, 5);
    nd.s(b" ");
    let t = nd.u1(10)?;
    fmt::left(nd.out, pkttype(t as u32), 3);
    nd.s(b" ");
    if nd.eflag {
        sll2_print(nd, length)?;
    }
    let hatype = nd.be2(8)?;
    if hatype == 803 {
        nd.default_print(SLL2_HDR_LEN, caplen - SLL2_HDR_LEN)?;
        return Ok(SLL2_HDR_LEN);
    }
    let et = nd.be2(0)?;
    payload(
        nd,
        true,
        et,
        SLL2_HDR_LEN,
        length.wrapping_sub(SLL2_HDR_LEN),
        caplen - SLL2_HDR_LEN,
    )
}
