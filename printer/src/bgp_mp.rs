//! The multiprotocol BGP routes beyond IP unicast and VPN-IP (print-bgp.c's
//! `decode_multicast_vpn`, `decode_mdt_vpn_nlri`, `decode_labeled_vpn_l2`,
//! `decode_clnp_prefix` and `decode_labeled_vpn_clnp_prefix`): multicast VPN (RFC 6514),
//! Cisco's MDT SAFI, L2VPN/VPLS (RFC 4761, 6074) and NSAP (RFC 2545's CLNP) routes.
//!
//! tcpdump writes each of these routes into a 164-byte buffer and prints it whole after the
//! decode: a route whose decode runs off the capture prints nothing of itself, and a longer
//! text is cut to 163 characters. [`Line`] keeps both behaviours.

use super::bgp::{label_print, vpn_rd};
use super::fmt;
use super::nd::{Nd, R};
use super::tok::{tok2str, Tok};

/// print-bgp.c's `char buf[MAXHOSTNAMELEN + 100]`, less its NUL.
const BUF_MAX: usize = 64 + 100 - 1;

/// One route's text: written to the output as it is decoded, taken back if the decode
/// fails (C never printed its buffer), cut to [`BUF_MAX`] when it is done.
struct Line {
    mark: usize,
}

impl Line {
    /// Opens the route's line after its "\n\t      " prefix (C prints both together).
    fn open(nd: &mut Nd) -> Line {
        let mark = nd.out.len();
        nd.s(b"\n\t      ");
        Line { mark }
    }

    fn close(self, nd: &mut Nd) {
        nd.out.truncate(self.mark + 8 + BUF_MAX);
    }

    fn drop_it(self, nd: &mut Nd) {
        nd.out.truncate(self.mark);
    }
}

/// Runs a route decoder inside a [`Line`]: Ok(Some(n)) printed (n bytes taken), Ok(None) is
/// C's -2 (`goto trunc`, nothing printed), Err the longjmp (nothing printed either).
fn in_line(nd: &mut Nd, f: impl FnOnce(&mut Nd) -> R<Option<usize>>) -> R<Option<usize>> {
    let line = Line::open(nd);
    match f(nd) {
        Ok(Some(n)) => {
            line.close(nd);
            Ok(Some(n))
        }
        Ok(None) => {
            line.drop_it(nd);
            Ok(None)
        }
        Err(e) => {
            line.drop_it(nd);
            Err(e)
        }
    }
}

/// `bgp_vpn_ip_print`: an IPv4 or IPv6 address by its length in bits.
fn vpn_ip(nd: &mut Nd, p: usize, bits: u32) -> R {
    match bits {
        32 => nd.ip4(p),
        128 => nd.ip6(p),
        _ => {
            nd.s(b"bogus address length ");
            nd.u(bits as u64);
            Ok(())
        }
    }
}

/// `bgp_vpn_sg_print`: the (S,G) of a route; the bytes it counted, which stop short where
/// an address runs off the capture (C's local `goto trunc`).
fn vpn_sg(nd: &mut Nd, mut p: usize) -> R<usize> {
    let mut total = 0;
    for what in [&b", Source "[..], b", Group "] {
        let bits = nd.u1(p)?;
        p += 1;
        let n = (bits >> 3) as usize;
        if !nd.ttest(p, n) {
            return Ok(total);
        }
        total += n + 1;
        if bits != 0 {
            nd.s(what);
            vpn_ip(nd, p, bits as u32)?;
            p += n;
        }
    }
    Ok(total)
}

const MVPN_ROUTE_TYPE: Tok = &[
    (1, "Intra-AS I-PMSI"),
    (2, "Inter-AS I-PMSI"),
    (3, "S-PMSI"),
    (4, "Intra-AS Segment-Leaf"),
    (5, "Source-Active"),
    (6, "Shared Tree Join"),
    (7, "Source Tree Join"),
];

/// `decode_multicast_vpn` (RFC 6514), printed: Ok(None) is C's -2.
pub(crate) fn multicast_vpn(nd: &mut Nd, p: usize) -> R<Option<usize>> {
    in_line(nd, |nd| {
        let rtype = nd.u1(p)?;
        let rlen = nd.u1(p + 1)?;
        let p = p + 2;
        nd.s(b"Route-Type: ");
        tok2str(nd, MVPN_ROUTE_TYPE, "Unknown", rtype as u32);
        nd.s(b" (");
        nd.u(rtype as u64);
        nd.s(b"), length: ");
        nd.u(rlen as u64);
        let rd = |nd: &mut Nd, extra: usize| -> R<bool> {
            if !nd.ttest(p, 8 + extra) {
                return Ok(false);
            }
            nd.s(b", RD: ");
            vpn_rd(nd, p)?;
            Ok(true)
        };
        let source_as = |nd: &mut Nd| -> R {
            nd.s(b", Source-AS ");
            let a = nd.be4(p + 8)?;
            nd.u(a as u64);
            Ok(())
        };
        match rtype {
            1 => {
                if !rd(nd, 0)? {
                    return Ok(None);
                }
                nd.s(b", Originator ");
                // C's (route_length - 8) << 3 in int arithmetic, then taken as unsigned.
                vpn_ip(nd, p + 8, ((rlen as i32 - 8) << 3) as u32)?;
            }
            2 => {
                if !rd(nd, 4)? {
                    return Ok(None);
                }
                source_as(nd)?;
            }
            3 => {
                if !rd(nd, 0)? {
                    return Ok(None);
                }
                let sg = vpn_sg(nd, p + 8)?;
                let alen = (rlen as u32).wrapping_sub(sg as u32);
                // tcpdump reads the originator where the (S,G) starts.
                if !nd.ttest(p + 8, alen as usize) {
                    return Ok(None);
                }
                nd.s(b", Originator ");
                vpn_ip(nd, p + 8, alen.wrapping_shl(3))?;
            }
            5 => {
                if !rd(nd, 0)? {
                    return Ok(None);
                }
                vpn_sg(nd, p + 8)?;
            }
            6 | 7 => {
                if !rd(nd, 4)? {
                    return Ok(None);
                }
                source_as(nd)?;
                vpn_sg(nd, p + 12)?;
            }
            _ => {}
        }
        Ok(Some(rlen as usize + 2))
    })
}

/// What an MDT, L2VPN or NSAP route decoder returns beyond the bytes it took.
pub(crate) enum Route {
    Taken(usize),
    /// C's -1: "(illegal prefix length)" and the NLRI loop stops.
    Illegal,
    /// C's -2: `goto trunc`.
    Trunc,
}

impl From<Option<usize>> for Route {
    fn from(o: Option<usize>) -> Route {
        o.map_or(Route::Trunc, Route::Taken)
    }
}

/// `decode_mdt_vpn_nlri`: RD, the VPN's address and the multicast group.
pub(crate) fn mdt_vpn(nd: &mut Nd, p: usize) -> R<Route> {
    if nd.u1(p)? != 16 * 8 {
        return Ok(Route::Illegal);
    }
    Ok(in_line(nd, |nd| {
        if !nd.ttest(p + 1, 8) {
            return Ok(None);
        }
        nd.need(p + 9, 8)?;
        nd.s(b"RD: ");
        vpn_rd(nd, p + 1)?;
        nd.s(b", VPN IP Address: ");
        nd.ip4(p + 9)?;
        nd.s(b", MC Group Address: ");
        nd.ip4(p + 13)?;
        Ok(Some(17))
    })?
    .into())
}

/// The running `buflen` of `decode_labeled_vpn_l2`'s `UPDATE_BUF_BUFLEN`: once a piece does
/// not fit, nothing more is written, and (a tcpdump quirk kept for what it reads next) the
/// circuit-status-vector loop stops advancing its pointer.
fn full(nd: &Nd, line_start: usize) -> bool {
    nd.out.len() > line_start + BUF_MAX
}

/// `decode_labeled_vpn_l2` (RFC 4761 VPLS, RFC 6074 auto-discovery): Route::Trunc for a
/// length it cannot place (C's "complain bitterly" `goto trunc`).
pub(crate) fn labeled_vpn_l2(nd: &mut Nd, p: usize) -> R<Route> {
    let plen = nd.be2(p)? as usize;
    Ok(in_line(nd, |nd| {
        let start = nd.out.len();
        let mut q = p + 2;
        if plen == 12 {
            if !nd.ttest(q, 12) {
                return Ok(None);
            }
            nd.s(b"RD: ");
            vpn_rd(nd, q)?;
            nd.s(b", BGPNH: ");
            nd.ip4(q + 8)?;
            return Ok(Some(plen + 2));
        }
        if plen <= 17 {
            return Ok(None);
        }
        if !nd.ttest(q, 15) {
            return Ok(None);
        }
        nd.s(b"RD: ");
        vpn_rd(nd, q)?;
        let (ce, off, base) = (nd.be2(q + 8)?, nd.be2(q + 10)?, nd.be3(q + 12)? >> 4);
        nd.s(b", CE-ID: ");
        nd.u(ce as u64);
        nd.s(b", Label-Block Offset: ");
        nd.u(off as u64);
        nd.s(b", Label Base ");
        nd.u(base as u64);
        q += 15;
        let mut tlen = plen - 15;
        while tlen != 0 {
            if tlen < 3 {
                if !full(nd, start) {
                    nd.s(b"\n\t\tran past the end");
                }
                return Ok(Some(plen + 2));
            }
            let ttype = nd.u1(q)?;
            let tl = nd.be2(q + 1)?;
            let mut tbytes = (tl as usize).div_ceil(8);
            q += 3;
            if ttype == 1 {
                if !full(nd, start) {
                    nd.s(b"\n\t\tcircuit status vector (");
                    nd.u(ttype as u64);
                    nd.s(b") length: ");
                    nd.u(tl as u64);
                    nd.s(b": 0x");
                }
                while tbytes != 0 {
                    if tlen < 1 {
                        if !full(nd, start) {
                            nd.s(b" (ran past the end)");
                        }
                        return Ok(Some(plen + 2));
                    }
                    if !nd.ttest(q, 1) {
                        return Ok(None);
                    }
                    if !full(nd, start) {
                        let b = nd.u1(q)?;
                        nd.x0(b as u64, 2);
                        q += 1;
                    }
                    tbytes -= 1;
                    tlen -= 1;
                }
            } else {
                if !full(nd, start) {
                    nd.s(b"\n\t\tunknown TLV #");
                    nd.u(ttype as u64);
                    nd.s(b", length: ");
                    nd.u(tl as u64);
                }
                if tlen < tbytes {
                    if !full(nd, start) {
                        nd.s(b" (ran past the end)");
                    }
                    return Ok(Some(plen + 2));
                }
                // C takes the TLV's length off without moving past it.
                tlen -= tbytes;
            }
        }
        Ok(Some(plen + 2))
    })?
    .into())
}

/// `decode_clnp_prefix` (`vpn` false) or `decode_labeled_vpn_clnp_prefix`: an NSAP prefix,
/// after its label and RD for a VPN route.
pub(crate) fn clnp_prefix(nd: &mut Nd, p: usize, vpn: bool) -> R<Route> {
    let mut plen = nd.u1(p)? as usize;
    if vpn {
        if plen < 24 + 64 {
            return Ok(Route::Illegal);
        }
        plen -= 24 + 64;
    }
    if plen > 152 {
        return Ok(Route::Illegal);
    }
    let n = plen.div_ceil(8);
    // C copies from 4 bytes in (12 for VPN routes), past where RFC 2545 puts the prefix.
    let from = p + if vpn { 12 } else { 4 };
    let mut a = [0u8; 19];
    a[..n].copy_from_slice(nd.bytes(from, n)?);
    if plen % 8 != 0 {
        a[n - 1] &= ((0xff00u32 >> (plen % 8)) & 0xff) as u8;
    }
    let label = if vpn {
        Some((nd.be3(p + 1)? >> 4, nd.u1(p + 3)? & 1))
    } else {
        None
    };
    if vpn {
        nd.need(p + 4, 8)?;
    }
    Ok(in_line(nd, |nd| {
        if vpn {
            nd.s(b"RD: ");
            vpn_rd(nd, p + 4)?;
            nd.s(b", ");
        }
        fmt::isonsap(nd.out, &a[..n]);
        nd.s(b"/");
        nd.u(plen as u64);
        if let Some((label, bos)) = label {
            label_print(nd, label, bos);
        }
        Ok(Some(if vpn { 12 } else { 1 } + n))
    })?
    .into())
}

/// The next hop of an NSAP VPN route (RD, then the NSAP), with the IPv4 (RFC 986) or IPv6
/// (RFC 1888) address an NSAP may map, as tcpdump prints it; false is `goto trunc`.
pub(crate) fn nsap_vpn_nexthop(nd: &mut Nd, t: usize, nhlen: usize) -> R<bool> {
    if !nd.ttest(t, nhlen) {
        return Ok(false);
    }
    nd.s(b"RD: ");
    vpn_rd(nd, t)?;
    nd.s(b", ");
    fmt::isonsap(nd.out, &nd.b[t + 8..t + nhlen]);
    if nd.be4(t + 8)? == 0x4700_0601 {
        nd.s(b" = ");
        nd.ip4(t + 12)?;
    } else if nd.be3(t + 8)? == 0x35_0000 {
        nd.s(b" = ");
        nd.ip6(t + 11)?;
    }
    Ok(true)
}
