//! BGP-4 (tcpdump's print-bgp.c), TCP port 179: ": BGP" at default verbosity; with -v every
//! message of the segment: OPEN with its capabilities, UPDATE (withdrawn routes, the path
//! attributes below, IPv4 NLRI, ADD-PATH path IDs), NOTIFICATION (with RFC 4486/9003 cease
//! details), KEEPALIVE and ROUTE-REFRESH; -vv adds hex dumps.
//!
//! Path attributes decoded: ORIGIN, AS_PATH/AS4_PATH, NEXT_HOP, MED, LOCAL_PREF,
//! ATOMIC_AGGREGATE, AGGREGATOR/AGGREGATOR4, COMMUNITIES, ORIGINATOR_ID, CLUSTER_LIST,
//! LARGE_COMMUNITY, EXTD_COMMUNITIES, AIGP, and MP_REACH/MP_UNREACH for IPv4 and IPv6
//! unicast, multicast and labeled unicast, and IPv4 route targets, PMSI_TUNNEL and ATTR_SET:
//! every attribute tcpdump decodes, with IPv4/IPv6 VPN routes too; the multicast-VPN, MDT,
//! L2VPN/VPLS and NSAP routes are decoded in `bgp_mp`.
//!
//! print-bgp.c's own truncation checks print " [|bgp]" where they fail and carry on with
//! the next message; only its `GET_*` reads end the whole packet.

use super::bgp_mp;
use super::nd::{Nd, R};
use super::tok::{self, tok2str, Tok};

const BGP_SIZE: usize = 19;
const OPEN_SIZE: usize = 29;
const NOTIFICATION_SIZE: usize = 21;
const ROUTE_REFRESH_SIZE: usize = 23;

const MSG: Tok = &[
    (1, "Open"),
    (2, "Update"),
    (3, "Notification"),
    (4, "Keepalive"),
    (5, "Route Refresh"),
];

const ATTR: Tok = &[
    (1, "Origin"),
    (2, "AS Path"),
    (17, "AS4 Path"),
    (3, "Next Hop"),
    (4, "Multi Exit Discriminator"),
    (5, "Local Preference"),
    (6, "Atomic Aggregate"),
    (7, "Aggregator"),
    (18, "Aggregator4"),
    (8, "Community"),
    (9, "Originator ID"),
    (10, "Cluster List"),
    (11, "DPA"),
    (12, "Advertisers"),
    (13, "RCID Path / Cluster ID"),
    (14, "Multi-Protocol Reach NLRI"),
    (15, "Multi-Protocol Unreach NLRI"),
    (16, "Extended Community"),
    (22, "PMSI Tunnel"),
    (23, "Tunnel Encapsulation"),
    (24, "Traffic Engineering"),
    (25, "IPv6 Extended Community"),
    (26, "Accumulated IGP Metric"),
    (27, "PE Distinguisher Label"),
    (28, "Entropy Label"),
    (32, "Large Community"),
    (128, "Attribute Set"),
    (255, "Reserved for development"),
];

const SEGMENT_OPEN: Tok = &[(2, ""), (1, "{ "), (3, "( "), (4, "({ ")];
const SEGMENT_CLOSE: Tok = &[(2, ""), (1, "}"), (3, ")"), (4, "})")];

const OPT: Tok = &[
    (1, "Authentication Information"),
    (2, "Capabilities Advertisement"),
];

const CAPCODE: Tok = &[
    (1, "Multiprotocol Extensions"),
    (2, "Route Refresh"),
    (3, "Cooperative Route Filtering"),
    (4, "Multiple Routes to a Destination"),
    (5, "Extended Next Hop Encoding"),
    (8, "Multiple Labels"),
    (64, "Graceful Restart"),
    (65, "32-Bit AS Number"),
    (67, "Dynamic Capability"),
    (68, "Multisession BGP"),
    (69, "Multiple Paths"),
    (70, "Enhanced Route Refresh"),
    (71, "Long-lived Graceful Restart"),
    (128, "Route Refresh (Cisco)"),
];

const NOTIFY_MAJOR: Tok = &[
    (1, "Message Header Error"),
    (2, "OPEN Message Error"),
    (3, "UPDATE Message Error"),
    (4, "Hold Timer Expired"),
    (5, "Finite State Machine Error"),
    (6, "Cease"),
    (7, "Capability Message Error"),
];

const NOTIFY_MINOR_CEASE: Tok = &[
    (1, "Maximum Number of Prefixes Reached"),
    (2, "Administrative Shutdown"),
    (3, "Peer Unconfigured"),
    (4, "Administrative Reset"),
    (5, "Connection Rejected"),
    (6, "Other Configuration Change"),
    (7, "Connection Collision Resolution"),
];

const NOTIFY_MINOR_MSG: Tok = &[
    (1, "Connection Not Synchronized"),
    (2, "Bad Message Length"),
    (3, "Bad Message Type"),
];

const NOTIFY_MINOR_OPEN: Tok = &[
    (1, "Unsupported Version Number"),
    (2, "Bad Peer AS"),
    (3, "Bad BGP Identifier"),
    (4, "Unsupported Optional Parameter"),
    (5, "Authentication Failure"),
    (6, "Unacceptable Hold Time"),
    (7, "Capability Message Error"),
];

const NOTIFY_MINOR_UPDATE: Tok = &[
    (1, "Malformed Attribute List"),
    (2, "Unrecognized Well-known Attribute"),
    (3, "Missing Well-known Attribute"),
    (4, "Attribute Flags Error"),
    (5, "Attribute Length Error"),
    (6, "Invalid ORIGIN Attribute"),
    (7, "AS Routing Loop"),
    (8, "Invalid NEXT_HOP Attribute"),
    (9, "Optional Attribute Error"),
    (10, "Invalid Network Field"),
    (11, "Malformed AS_PATH"),
];

const NOTIFY_MINOR_FSM: Tok = &[
    (0, "Unspecified Error"),
    (1, "In OpenSent State"),
    (2, "In OpenConfirm State"),
    (3, "In Established State"),
];

const NOTIFY_MINOR_CAP: Tok = &[
    (1, "Invalid Action Value"),
    (2, "Invalid Capability Length"),
    (3, "Malformed Capability Value"),
    (4, "Unsupported Capability Code"),
];

const ORIGIN: Tok = &[(0, "IGP"), (1, "EGP"), (2, "Incomplete")];

const SAFI: Tok = &[
    (0, "Reserved"),
    (1, "Unicast"),
    (2, "Multicast"),
    (3, "Unicast+Multicast"),
    (4, "labeled Unicast"),
    (64, "Tunnel"),
    (65, "VPLS"),
    (66, "MDT"),
    (70, "EVPN"),
    (128, "labeled VPN Unicast"),
    (129, "labeled VPN Multicast"),
    (130, "labeled VPN Unicast+Multicast"),
    (132, "Route Target Routing Information"),
    (5, "Multicast VPN"),
];

const ADD_PATH_RECVSEND: Tok = &[(1, "Receive"), (2, "Send"), (3, "Both")];

/// "AFI NAME (N), SAFI NAME (N)" from the AFI at `p` and the SAFI at `safi`.
fn afi_safi(nd: &mut Nd, p: usize, safi: usize) -> R {
    let (afi, s) = (nd.be2(p)?, nd.u1(safi)?);
    nd.s(b"AFI ");
    tok2str(nd, tok::AF, "Unknown", afi as u32);
    nd.s(b" (");
    nd.u(afi as u64);
    nd.s(b"), SAFI ");
    tok2str(nd, SAFI, "Unknown", s as u32);
    nd.s(b" (");
    nd.u(s as u64);
    nd.s(b")");
    Ok(())
}

/// `bgp_capabilities_print`.
fn capabilities(nd: &mut Nd, opt: usize, caps_len: usize) -> R {
    let mut i = 0;
    while i < caps_len {
        if !nd.ttest(opt + i, 2) {
            nd.trunc();
            return Ok(());
        }
        let (cap_type, cap_len) = (nd.u1(opt + i)?, nd.u1(opt + i + 1)? as usize);
        nd.s(b"\n\t      ");
        tok2str(nd, CAPCODE, "Unknown", cap_type as u32);
        nd.s(b" (");
        nd.u(cap_type as u64);
        nd.s(b"), length: ");
        nd.u(cap_len as u64);
        if !nd.ttest(opt + 2 + i, cap_len) {
            nd.trunc();
            return Ok(());
        }
        let c = opt + i + 2;
        match cap_type {
            1 => {
                if cap_len < 4 {
                    nd.s(b" (too short, < 4)");
                    return Ok(());
                }
                nd.s(b"\n\t\t");
                afi_safi(nd, c, c + 3)?;
            }
            8 => {
                let mut off = 0;
                let mut left = cap_len;
                while left >= 4 {
                    let count = nd.u1(c + off + 3)?;
                    nd.need(c + off, 3)?;
                    nd.s(b"\n\t\t");
                    afi_safi(nd, c + off, c + off + 2)?;
                    nd.s(b", Count: ");
                    nd.u(count as u64);
                    left -= 4;
                    off += 4;
                }
            }
            64 => {
                if cap_len < 2 {
                    nd.s(b" (too short, < 2)");
                    return Ok(());
                }
                let (f, t) = (nd.u1(c)?, nd.be2(c)?);
                nd.s(b"\n\t\tRestart Flags: [");
                nd.s(if f & 0x80 != 0 { b"R" } else { b"none" });
                nd.s(b"], Restart Time ");
                nd.u((t & 0xfff) as u64);
                nd.s(b"s");
                let mut left = cap_len - 2;
                let mut off = 2;
                while left >= 4 {
                    let fs = nd.u1(c + off + 3)?;
                    nd.need(c + off, 3)?;
                    nd.s(b"\n\t\t  ");
                    afi_safi(nd, c + off, c + off + 2)?;
                    nd.s(b", Forwarding state preserved: ");
                    nd.s(if fs & 0x80 != 0 { b"yes" } else { b"no" });
                    left -= 4;
                    off += 4;
                }
            }
            2 | 71 | 128 => {}
            65 => {
                if cap_len < 4 {
                    nd.s(b" (too short, < 4)");
                    return Ok(());
                }
                let asn = nd.be4(c)?;
                nd.s(b"\n\t\t 4 Byte AS ");
                nd.u(asn as u64);
            }
            69 => {
                if cap_len == 0 {
                    nd.s(b" (bogus)");
                } else {
                    let mut left = cap_len;
                    let mut off = 0;
                    while left != 0 {
                        if left < 4 {
                            nd.invalid();
                            break;
                        }
                        let sr = nd.u1(c + off + 3)?;
                        nd.need(c + off, 3)?;
                        nd.s(b"\n\t\t");
                        afi_safi(nd, c + off, c + off + 2)?;
                        nd.s(b", Send/Receive: ");
                        match tok::name(ADD_PATH_RECVSEND, sr as u32) {
                            Some(n) => nd.st(n),
                            None => {
                                nd.s(b"Bogus (0x");
                                nd.x0(sr as u64, 2);
                                nd.s(b")");
                            }
                        }
                        left -= 4;
                        off += 4;
                    }
                }
            }
            _ => {
                nd.s(b"\n\t\tno decoder for Capability ");
                nd.u(cap_type as u64);
                if nd.vflag <= 1 {
                    nd.unknown_data(c, b"\n\t\t", cap_len)?;
                }
            }
        }
        if nd.vflag > 1 && cap_len != 0 {
            nd.unknown_data(c, b"\n\t\t", cap_len)?;
        }
        i += 2 + cap_len;
    }
    Ok(())
}

/// `bgp_open_print`.
fn open(nd: &mut Nd, dat: usize, length: usize) -> R {
    if !nd.ttest(dat, OPEN_SIZE) || length < OPEN_SIZE {
        nd.trunc();
        return Ok(());
    }
    let version = nd.u1(dat + 19)?;
    nd.s(b"\n\t  Version ");
    nd.u(version as u64);
    let asn = nd.be2(dat + 20)?;
    nd.s(b", my AS ");
    nd.u(asn as u64);
    let hold = nd.be2(dat + 22)?;
    nd.s(b", Holdtime ");
    nd.u(hold as u64);
    nd.s(b"s, ID ");
    nd.ip4(dat + 24)?;
    let optslen = nd.u1(dat + 28)? as usize;
    nd.s(b"\n\t  Optional parameters, length: ");
    nd.u(optslen as u64);
    let opt = dat + OPEN_SIZE;
    let length = length - OPEN_SIZE;
    let mut i = 0;
    while i < optslen {
        if !nd.ttest(opt + i, 2) || length < 2 + i {
            nd.trunc();
            return Ok(());
        }
        let (opt_type, opt_len) = (nd.u1(opt + i)?, nd.u1(opt + i + 1)? as usize);
        if 2 + i + opt_len > optslen {
            nd.s(b"\n\t     Option ");
            nd.u(opt_type as u64);
            nd.s(b", length: ");
            nd.u(opt_len as u64);
            nd.s(b", goes past the end of the options");
            break;
        }
        nd.s(b"\n\t    Option ");
        tok2str(nd, OPT, "Unknown", opt_type as u32);
        nd.s(b" (");
        nd.u(opt_type as u64);
        nd.s(b"), length: ");
        nd.u(opt_len as u64);
        if opt_type == 2 {
            capabilities(nd, opt + 2 + i, opt_len)?;
        } else {
            nd.s(b"\n\t      no decoder for option ");
            nd.u(opt_type as u64);
        }
        i += 2 + opt_len;
    }
    Ok(())
}

/// What `decode_prefix4`/`decode_prefix6` return: the bytes taken (the prefix printed
/// after `indent`), C's -1 (a prefix length over the address's) or -2 (fewer bytes than
/// the prefix needs).
pub(crate) enum Prefix {
    Taken(usize),
    Illegal,
    Short,
}

/// `decode_prefix4` (`v6` false) or `decode_prefix6`, printed after `indent`.
pub(crate) fn prefix(nd: &mut Nd, p: usize, itemlen: usize, v6: bool, indent: &[u8]) -> R<Prefix> {
    if itemlen < 1 {
        return Ok(Prefix::Short);
    }
    let plen = nd.u1(p)? as usize;
    let max = if v6 { 128 } else { 32 };
    if plen > max {
        return Ok(Prefix::Illegal);
    }
    let bytes = plen.div_ceil(8);
    if itemlen - 1 < bytes {
        return Ok(Prefix::Short);
    }
    let mut a = [0u8; 16];
    a[..bytes].copy_from_slice(nd.bytes(p + 1, bytes)?);
    if plen % 8 != 0 {
        a[bytes - 1] &= ((0xff00u32 >> (plen % 8)) & 0xff) as u8;
    }
    nd.s(indent);
    if v6 {
        nd.st.ipv6.put(nd.out, &a);
    } else {
        super::fmt::ipv4(nd.out, &a[..4]);
    }
    nd.s(b"/");
    nd.u(plen as u64);
    Ok(Prefix::Taken(1 + bytes))
}

/// `decode_prefix4` for the UPDATE's own routes.
fn prefix4(nd: &mut Nd, p: usize, itemlen: usize) -> R<Prefix> {
    prefix(nd, p, itemlen, false, b"\n\t    ")
}

/// `check_add_path`: whether IPv4 NLRI at `p` look like ADD-PATH ones (a path ID before
/// each prefix), judged as tcpdump judges them.
fn check_add_path(nd: &Nd, p: usize, length: usize) -> R<bool> {
    check_add_path_max(nd, p, length, 32)
}

/// `check_add_path` with the address family's longest prefix.
fn check_add_path_max(nd: &Nd, p: usize, length: usize, max: usize) -> R<bool> {
    if length < 5 {
        return Ok(false);
    }
    let mut off = 0;
    while off < length {
        off += 4;
        if !nd.ttest(p + off, 1) {
            break;
        }
        let plen = nd.u1(p + off)? as usize;
        if plen > max {
            return Ok(false);
        }
        off += 1 + plen.div_ceil(8);
    }
    if off > length {
        return Ok(false);
    }
    off = 0;
    while off < length {
        if !nd.ttest(p + off, 1) {
            break;
        }
        let plen = nd.u1(p + off)? as usize;
        if !(1..=max).contains(&plen) {
            return Ok(true);
        }
        off += 1 + plen.div_ceil(8);
    }
    Ok(off > length)
}

/// The routes of an UPDATE (withdrawn or NLRI), `n` bytes: Ok(None) is C's `goto trunc`,
/// Ok(Some(left)) the bytes not decoded (after an illegal prefix length).
fn routes(
    nd: &mut Nd,
    p: &mut usize,
    length: &mut usize,
    mut n: usize,
    add_path: bool,
    withdrawn: bool,
) -> R<Option<usize>> {
    let mut path_id = 0;
    while n != 0 {
        if add_path {
            if withdrawn && n < 4 {
                *p += n;
                *length -= n;
                break;
            }
            if !withdrawn && (!nd.ttest(*p, 4) || n < 4) {
                return Ok(None);
            }
            path_id = nd.be4(*p)?;
            *p += 4;
            *length -= 4;
            n -= 4;
        }
        match prefix4(nd, *p, n)? {
            Prefix::Illegal => {
                nd.s(b"\n\t    (illegal prefix length)");
                break;
            }
            Prefix::Short => return Ok(None),
            Prefix::Taken(k) => {
                if add_path {
                    nd.s(b"   Path Id: ");
                    nd.u(path_id as u64);
                }
                *p += k;
                *length -= k;
                n -= k;
            }
        }
    }
    Ok(Some(n))
}

/// `bgp_update_print`.
fn update(nd: &mut Nd, dat: usize, length: usize) -> R {
    if !update_inner(nd, dat, length)? {
        nd.trunc();
    }
    Ok(())
}

fn update_inner(nd: &mut Nd, dat: usize, length: usize) -> R<bool> {
    if !nd.ttest(dat, BGP_SIZE) || length < BGP_SIZE {
        return Ok(false);
    }
    let mut p = dat + BGP_SIZE;
    let mut length = length - BGP_SIZE;
    if !nd.ttest(p, 2) || length < 2 {
        return Ok(false);
    }
    let withdrawn_len = nd.be2(p)? as usize;
    p += 2;
    length -= 2;
    if !nd.ttest(p, withdrawn_len) || length < withdrawn_len {
        return Ok(false);
    }
    // What C's counter holds after the routes (zero unless they ended early).
    let mut withdrawn_left = withdrawn_len;
    if withdrawn_len > 1 {
        nd.s(b"\n\t  Withdrawn routes:");
        let add_path = check_add_path(nd, p, withdrawn_len)?;
        match routes(nd, &mut p, &mut length, withdrawn_len, add_path, true)? {
            Some(left) => withdrawn_left = left,
            None => return Ok(false),
        }
    } else {
        p += withdrawn_len;
        length -= withdrawn_len;
    }
    if !nd.ttest(p, 2) || length < 2 {
        return Ok(false);
    }
    let mut len = nd.be2(p)? as usize;
    p += 2;
    length -= 2;
    if withdrawn_left == 0 && len == 0 && length == 0 {
        nd.s(b"\n\t  End-of-Rib Marker (empty NLRI)");
        return Ok(true);
    }
    if len != 0 {
        if length < len {
            return Ok(false);
        }
        while len != 0 {
            if !nd.ttest(p, 2) || length < 2 {
                return Ok(false);
            }
            if len < 2 {
                nd.s(b"\n\t  [path attrs too short]");
                p += len;
                length -= len;
                break;
            }
            let (aflags, atype) = (nd.u1(p)?, nd.u1(p + 1)?);
            p += 2;
            len -= 2;
            length -= 2;
            let alenlen = if aflags & 0x10 != 0 { 2 } else { 1 };
            if !nd.ttest(p, alenlen) || length < alenlen {
                return Ok(false);
            }
            if len < alenlen {
                nd.s(b"\n\t  [path attrs too short]");
                p += len;
                length -= len;
                break;
            }
            let alen = if alenlen == 2 {
                nd.be2(p)? as usize
            } else {
                nd.u1(p)? as usize
            };
            p += alenlen;
            len -= alenlen;
            length -= alenlen;
            nd.s(b"\n\t  ");
            tok2str(nd, ATTR, "Unknown Attribute", atype as u32);
            nd.s(b" (");
            nd.u(atype as u64);
            nd.s(b"), length: ");
            nd.u(alen as u64);
            if aflags != 0 {
                attr_flags(nd, aflags);
                nd.s(b"]: ");
            }
            if len < alen {
                nd.s(b" [path attrs too short]");
                p += len;
                length -= len;
                break;
            }
            if length < alen {
                return Ok(false);
            }
            if !attr(nd, atype, p, alen, 0)? {
                return Ok(false);
            }
            p += alen;
            len -= alen;
            length -= alen;
        }
    }
    if length != 0 {
        let add_path = check_add_path(nd, p, length)?;
        nd.s(b"\n\t  Updated routes:");
        let n = length;
        if routes(nd, &mut p, &mut length, n, add_path, false)?.is_none() {
            return Ok(false);
        }
    }
    Ok(true)
}

/// How a decoded address family's routes look.
#[derive(Clone, Copy)]
enum Fam {
    /// IPv4 (false) or IPv6 (true) unicast/multicast prefixes (Calico's, MetalLB's).
    Plain(bool),
    /// RFC 3107 labeled unicast, IPv4 or IPv6.
    Labeled(bool),
    /// RFC 4684 route-target membership (IPv4 next hops).
    RouteTarget,
    /// RFC 4364 VPN routes (route distinguisher, label, prefix), IPv4 or IPv6.
    Vpn(bool),
    /// RFC 6514 multicast VPN routes (IPv4 next hops).
    Mvpn,
    /// Cisco's MDT SAFI (IPv4).
    Mdt,
    /// L2VPN/VPLS routes (RFC 4761, 6074; IPv4 next hops).
    L2vpn,
    /// NSAP prefixes (RFC 2545), plain (false) or VPN (true), with NSAP next hops.
    Nsap(bool),
}

impl Fam {
    fn v6(self) -> bool {
        matches!(self, Fam::Plain(true) | Fam::Labeled(true) | Fam::Vpn(true))
    }
}

/// The address families `bgp_mp_af_print` accepts (IPv6 multicast VPN is not one of them;
/// AFI 196 is tcpdump's L2VPN, AFI 25 SAFI 65 VPLS).
fn mp_af_decoded(af: u16, safi: u8) -> Option<Fam> {
    match (af, safi) {
        (1 | 2, 1..=3) => Some(Fam::Plain(af == 2)),
        (1 | 2, 4) => Some(Fam::Labeled(af == 2)),
        (1, 132) => Some(Fam::RouteTarget),
        (1 | 2, 128..=130) => Some(Fam::Vpn(af == 2)),
        (1, 5) => Some(Fam::Mvpn),
        (1, 66) => Some(Fam::Mdt),
        (3, 1..=3) => Some(Fam::Nsap(false)),
        (3, 128..=130) => Some(Fam::Nsap(true)),
        (196, 128..=130) | (25, 65) => Some(Fam::L2vpn),
        _ => None,
    }
}

/// `decode_rt_routing_info` (with `bgp_rt_prefix_print`): Some(bytes taken), or None for
/// an illegal prefix length (printed).
fn rt_routing_info(nd: &mut Nd, p: usize) -> R<Option<usize>> {
    let plen = nd.u1(p)? as usize;
    if plen == 0 {
        nd.s(b"\n\t      default route target");
        return Ok(Some(1));
    }
    if plen < 32 {
        nd.s(b"\n\t      (illegal prefix length)");
        return Ok(None);
    }
    let origin = nd.be4(p + 1)?;
    let plen = plen - 32;
    if plen > 64 {
        nd.s(b"\n\t      (illegal prefix length)");
        return Ok(None);
    }
    let n = plen.div_ceil(8);
    let mut rt = [0u8; 8];
    rt[..n].copy_from_slice(nd.bytes(p + 5, n)?);
    if plen % 8 != 0 {
        rt[n - 1] &= ((0xff00u32 >> (plen % 8)) & 0xff) as u8;
    }
    nd.s(b"\n\t      origin AS: ");
    nd.u(origin as u64);
    nd.s(b", ");
    if plen == 0 {
        nd.s(b"route-target: 0:0/0");
        return Ok(Some(5));
    }
    // The prefix in hex, a space after every second octet but the last.
    let hex = |nd: &mut Nd| {
        for (i, &c) in rt[..n].iter().enumerate() {
            nd.x0(c as u64, 2);
            if i % 2 == 1 && i < n - 1 {
                nd.s(b" ");
            }
        }
    };
    let be2 = |i: usize| u16::from_be_bytes([rt[i], rt[i + 1]]);
    let be4 = |i: usize| u32::from_be_bytes([rt[i], rt[i + 1], rt[i + 2], rt[i + 3]]);
    if plen < 16 {
        nd.s(b"route-target: partial-type: (");
        hex(nd);
        nd.s(b"/");
        nd.u(plen as u64);
        nd.s(b")");
        return Ok(Some(5 + n));
    }
    let typ = be2(0);
    match typ {
        0x0002 | 0x0102 | 0x0202 => {
            nd.s(b"route-target: ");
            match typ {
                0x0002 => {
                    nd.u(be2(2) as u64);
                    nd.s(b":");
                    nd.u(be4(4) as u64);
                }
                0x0102 => {
                    super::fmt::ipv4(nd.out, &rt[2..6]);
                    nd.s(b":");
                    nd.u(be2(6) as u64);
                }
                _ => {
                    nd.u(be4(2) as u64);
                    nd.s(b":");
                    nd.u(be2(6) as u64);
                }
            }
            nd.s(b"/");
            nd.u(plen as u64);
            nd.s(b" (");
            hex(nd);
            nd.s(b")");
        }
        _ => {
            nd.s(b"route target: unknown-type(");
            nd.x0(typ as u64, 4);
            nd.s(b") (");
            hex(nd);
            nd.s(b"/");
            nd.u(plen as u64);
            nd.s(b")");
        }
    }
    Ok(Some(5 + n))
}

/// `bgp_vpn_rd_print`: the route distinguisher at `p` (8 bytes, captured).
pub(crate) fn vpn_rd(nd: &mut Nd, p: usize) -> R {
    let b = nd.bytes(p, 8)?;
    let be2 = |i: usize| u16::from_be_bytes([b[i], b[i + 1]]) as u64;
    let be4 = |i: usize| u32::from_be_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]) as u64;
    let quad = |nd: &mut Nd, i: usize| super::fmt::ipv4(nd.out, &b[i..i + 4]);
    match be2(0) {
        0 => {
            nd.u(be2(2));
            nd.s(b":");
            nd.u(be4(4));
            nd.s(b" (= ");
            quad(nd, 4);
            nd.s(b")");
        }
        1 => {
            quad(nd, 2);
            nd.s(b":");
            nd.u(be2(6));
        }
        2 => {
            nd.u(be4(2));
            nd.s(b":");
            nd.u(be2(6));
            nd.s(b" (");
            quad(nd, 2);
            nd.s(b":");
            nd.u(be2(6));
            nd.s(b")");
        }
        _ => nd.s(b"unknown RD format"),
    }
    Ok(())
}

/// ", label:N (bottom)" of a route's MPLS label, with its bottom-of-stack bit `bos`.
pub(crate) fn label_print(nd: &mut Nd, label: u32, bos: u8) {
    nd.s(b", label:");
    nd.u(label as u64);
    nd.s(if bos == 0 {
        b" (BOGUS: Bottom of Stack NOT set!)"
    } else {
        b" (bottom)"
    });
}

/// `decode_labeled_vpn_prefix4`/`6`: "RD: ..., ADDR/LEN, label:N (bottom)"; None for an
/// illegal prefix length. (C checks no room against the attribute's length here.)
fn vpn_prefix(nd: &mut Nd, p: usize, v6: bool) -> R<Option<usize>> {
    let plen = nd.u1(p)? as usize;
    if plen < 88 || plen - 88 > if v6 { 128 } else { 32 } {
        return Ok(None);
    }
    let plen = plen - 88;
    let bytes = plen.div_ceil(8);
    // Everything is read before the line is printed.
    nd.need(p, 12 + bytes)?;
    let mut a = [0u8; 16];
    a[..bytes].copy_from_slice(nd.bytes(p + 12, bytes)?);
    if plen % 8 != 0 {
        a[bytes - 1] &= ((0xff00u32 >> (plen % 8)) & 0xff) as u8;
    }
    let (label, bos) = (nd.be3(p + 1)? >> 4, nd.u1(p + 3)? & 1);
    nd.s(b"\n\t      RD: ");
    vpn_rd(nd, p + 4)?;
    nd.s(b", ");
    if v6 {
        nd.st.ipv6.put(nd.out, &a);
    } else {
        super::fmt::ipv4(nd.out, &a[..4]);
    }
    nd.s(b"/");
    nd.u(plen as u64);
    label_print(nd, label, bos);
    Ok(Some(12 + bytes))
}

/// What `decode_labeled_prefix4`/`6` return beyond a prefix: -1, -2 and -3.
enum Labeled {
    Taken(usize),
    Illegal,
    Trunc,
    Bad,
}

/// `decode_labeled_prefix4` (`v6` false) or `decode_labeled_prefix6`: a prefix after its
/// one label, printed as "ADDR/LEN, label:N (bottom)".
fn labeled_prefix(nd: &mut Nd, p: usize, itemlen: usize, v6: bool) -> R<Labeled> {
    if !nd.ttest(p, 4) {
        return Ok(Labeled::Trunc);
    }
    if itemlen < 4 {
        return Ok(Labeled::Bad);
    }
    let plen = nd.u1(p)? as usize;
    // The label's 24 bits are counted in the prefix length (RFC 3107).
    if plen < 24 || plen - 24 > if v6 { 128 } else { 32 } {
        return Ok(Labeled::Illegal);
    }
    let plen = plen - 24;
    let bytes = plen.div_ceil(8);
    // C checks the room for the address bytes in IPv4 only.
    if !v6 && itemlen - 4 < bytes {
        return Ok(Labeled::Bad);
    }
    let mut a = [0u8; 16];
    a[..bytes].copy_from_slice(nd.bytes(p + 4, bytes)?);
    if plen % 8 != 0 {
        a[bytes - 1] &= ((0xff00u32 >> (plen % 8)) & 0xff) as u8;
    }
    let (label, bos) = (nd.be3(p + 1)? >> 4, nd.u1(p + 3)? & 1);
    nd.s(b"\n\t      ");
    if v6 {
        nd.st.ipv6.put(nd.out, &a);
    } else {
        super::fmt::ipv4(nd.out, &a[..4]);
    }
    nd.s(b"/");
    nd.u(plen as u64);
    label_print(nd, label, bos);
    Ok(Labeled::Taken(4 + bytes))
}

/// `bgp_mp_af_print`: Ok(Some((af, safi))) to go on, Ok(None) for C's -1 (printed as
/// not decoded), Err-like `goto trunc` as Ok(Err(())).
fn mp_af(nd: &mut Nd, p: usize, tlen: usize) -> R<Result<Option<(u16, u8)>, ()>> {
    let (af, safi) = (nd.be2(p)?, nd.u1(p + 2)?);
    nd.s(b"\n\t    AFI: ");
    tok2str(nd, tok::AF, "Unknown AFI", af as u32);
    nd.s(b" (");
    nd.u(af as u64);
    nd.s(b"), ");
    if safi > 128 {
        nd.s(b"vendor specific ");
    }
    nd.s(b"SAFI: ");
    tok2str(nd, SAFI, "Unknown SAFI", safi as u32);
    nd.s(b" (");
    nd.u(safi as u64);
    nd.s(b")");
    if mp_af_decoded(af, safi).is_some() {
        return Ok(Ok(Some((af, safi))));
    }
    // tcpdump's `default:` (and, for the families it knows and the printer does not
    // decode, where the two differ).
    if !nd.ttest(p, tlen) {
        return Ok(Err(()));
    }
    nd.s(b"\n\t    no AFI ");
    nd.u(af as u64);
    nd.s(b" / SAFI ");
    nd.u(safi as u64);
    nd.s(b" decoder");
    if nd.vflag <= 1 {
        nd.unknown_data(p, b"\n\t    ", tlen)?;
    }
    Ok(Ok(None))
}

/// The NLRI of MP_REACH/MP_UNREACH (`bgp_nlri_print` for IPv4/IPv6): `len` is the whole
/// attribute's length, which C passes as each prefix's room. Ok(false) is `goto trunc`.
fn mp_nlri(nd: &mut Nd, mut t: usize, attr: usize, len: usize, fam: Fam) -> R<bool> {
    let v6 = fam.v6();
    if matches!(fam, Fam::Mvpn | Fam::Mdt | Fam::L2vpn | Fam::Nsap(_)) {
        while t < attr + len {
            let route = match fam {
                Fam::Mvpn => bgp_mp::multicast_vpn(nd, t)?.into(),
                Fam::Mdt => bgp_mp::mdt_vpn(nd, t)?,
                Fam::L2vpn => bgp_mp::labeled_vpn_l2(nd, t)?,
                _ => bgp_mp::clnp_prefix(nd, t, matches!(fam, Fam::Nsap(true)))?,
            };
            match route {
                bgp_mp::Route::Taken(k) => t += k,
                bgp_mp::Route::Illegal => {
                    nd.s(b"\n\t    (illegal prefix length)");
                    break;
                }
                bgp_mp::Route::Trunc => return Ok(false),
            }
        }
        return Ok(true);
    }
    if let Fam::RouteTarget = fam {
        while t < attr + len {
            match rt_routing_info(nd, t)? {
                Some(k) => t += k,
                None => break,
            }
        }
        return Ok(true);
    }
    if let Fam::Vpn(_) = fam {
        while t < attr + len {
            match vpn_prefix(nd, t, v6)? {
                Some(k) => t += k,
                None => {
                    nd.s(b"\n\t    (illegal prefix length)");
                    break;
                }
            }
        }
        return Ok(true);
    }
    if let Fam::Labeled(_) = fam {
        while t < attr + len {
            match labeled_prefix(nd, t, len, v6)? {
                Labeled::Taken(k) => t += k,
                Labeled::Illegal => {
                    nd.s(b"\n\t    (illegal prefix length)");
                    break;
                }
                Labeled::Trunc => return Ok(false),
                Labeled::Bad => break,
            }
        }
        return Ok(true);
    }
    let left = len - (t - attr);
    let add_path = check_add_path_max(nd, t, left, if v6 { 128 } else { 32 })?;
    while t < attr + len {
        let mut path_id = 0;
        let mut q = t;
        if add_path {
            path_id = nd.be4(q)?;
            q += 4;
        }
        let advance = match prefix(nd, q, len, v6, b"\n\t      ")? {
            Prefix::Taken(k) => k,
            Prefix::Illegal => {
                nd.s(b"\n\t    (illegal prefix length)");
                if add_path {
                    nd.s(b"   Path Id: ");
                    nd.u(path_id as u64);
                }
                // C adds the path ID's 4 to -1 and goes on 3 bytes further.
                if add_path {
                    t += 3;
                    continue;
                }
                break;
            }
            Prefix::Short => return Ok(false),
        };
        if add_path {
            nd.s(b"   Path Id: ");
            nd.u(path_id as u64);
        }
        t += advance + if add_path { 4 } else { 0 };
    }
    Ok(true)
}

/// MP_REACH_NLRI (`reach`) or MP_UNREACH_NLRI: Ok(false) is `goto trunc`.
fn mp_attr(nd: &mut Nd, p: usize, len: usize, reach: bool) -> R<bool> {
    // C checks MP_UNREACH's three bytes only against the capture.
    if !nd.ttest(p, 3) || (reach && len < 3) {
        return Ok(false);
    }
    let (af, safi) = match mp_af(nd, p, len)? {
        Err(()) => return Ok(false),
        Ok(None) => return Ok(true),
        Ok(Some(x)) => x,
    };
    let fam = mp_af_decoded(af, safi).expect("a decoded family");
    let v6 = fam.v6();
    let mut t = p + 3;
    if !reach {
        if len == 3 {
            nd.s(b"\n\t      End-of-Rib Marker (empty NLRI)");
        }
        // Shorter than its AFI/SAFI (read past it, as C reads them): no routes.
        if len < 3 {
            return Ok(true);
        }
        return mp_nlri(nd, t, p, len, fam);
    }
    let mut tlen = len - 3;
    if !nd.ttest(t, 1) || tlen < 1 {
        return Ok(false);
    }
    let nhlen = nd.u1(t)? as usize;
    t += 1;
    tlen -= 1;
    if nhlen != 0 {
        if tlen < nhlen {
            return Ok(false);
        }
        nd.s(b"\n\t    nexthop: ");
        if let Fam::Nsap(vpn) = fam {
            // One NSAP, the whole next hop (after an RD for VPN routes).
            if vpn && nhlen < 9 {
                nd.s(b"invalid len");
            } else if vpn {
                if !bgp_mp::nsap_vpn_nexthop(nd, t, nhlen)? {
                    return Ok(false);
                }
            } else {
                super::fmt::isonsap(nd.out, nd.bytes(t, nhlen)?);
            }
            t += nhlen;
            tlen -= nhlen;
        }
        // VPN next hops carry a (zero) route distinguisher before the address.
        let rd = if let Fam::Vpn(_) = fam { 8 } else { 0 };
        let alen = rd + if v6 { 16 } else { 4 };
        let mut left = if let Fam::Nsap(_) = fam { 0 } else { nhlen };
        let mut n = 0;
        while left != 0 {
            if n > 0 {
                nd.s(b", ");
            }
            n += 1;
            if left < alen {
                nd.s(b"invalid len");
                t += left;
                tlen -= left;
                left = 0;
            } else {
                nd.need(t, alen)?;
                if rd != 0 {
                    nd.s(b"RD: ");
                    vpn_rd(nd, t)?;
                    nd.s(b", ");
                }
                if v6 {
                    nd.ip6(t + rd)?;
                } else {
                    nd.ip4(t + rd)?;
                }
                t += alen;
                tlen -= alen;
                left -= alen;
            }
        }
    }
    nd.s(b", nh-length: ");
    nd.u(nhlen as u64);
    if tlen < 1 {
        return Ok(false);
    }
    let snpa = nd.u1(t)?;
    t += 1;
    tlen -= 1;
    if snpa != 0 {
        nd.s(b"\n\t    ");
        nd.u(snpa as u64);
        nd.s(b" SNPA");
        for _ in 0..snpa {
            if tlen < 1 {
                return Ok(false);
            }
            let l = nd.u1(t)? as usize;
            nd.s(b"\n\t      ");
            nd.u(l as u64);
            nd.s(b" bytes");
            t += 1;
            tlen -= 1;
            if tlen < l || !nd.ttest(t, l) {
                return Ok(false);
            }
            t += l;
            tlen -= l;
        }
    } else {
        nd.s(b", no SNPA");
    }
    mp_nlri(nd, t, p, len, fam)
}

const EXTD_COMM_FLAG: Tok = &[(0x8000, "vendor-specific"), (0x4000, "non-transitive")];

const EXTD_COMM_SUBTYPE: Tok = &[
    (0x0002, "target"),
    (0x0102, "target"),
    (0x0202, "target"),
    (0x0003, "origin"),
    (0x0103, "origin"),
    (0x0203, "origin"),
    (0x4004, "link-BW"),
    (0x0005, "ospf-domain"),
    (0x0105, "ospf-domain"),
    (0x0205, "ospf-domain"),
    (0x8005, "ospf-domain"),
    (0x0306, "ospf-route-type"),
    (0x8000, "ospf-route-type"),
    (0x030c, "encapsulation"),
    (0x0107, "ospf-router-id"),
    (0x8001, "ospf-router-id"),
    (0x800a, "layer2-info"),
    (0x8800, "eigrp-general-route (flag, tag)"),
    (0x8801, "eigrp-route-metric (AS, delay)"),
    (
        0x8802,
        "eigrp-route-metric (reliability, nexthop, bandwidth)",
    ),
    (0x8803, "eigrp-route-metric (load, MTU)"),
    (0x8804, "eigrp-external-route (remote-AS, remote-ID)"),
    (0x8805, "eigrp-external-route (remote-proto, remote-metric)"),
    (0x0009, "source-AS"),
    (0x010b, "vrf-route-import"),
    (0x000a, "l2vpn-id"),
    (0xf10a, "l2vpn-id"),
];

const ENCAP_TUNNEL: Tok = &[
    (1, "L2TPv3 over IP"),
    (2, "GRE"),
    (3, "Transmit Tunnel"),
    (4, "IPsec"),
    (5, "IP in IP with IPsec"),
    (6, "MPLS in IP with IPsec"),
    (7, "IP in IP"),
    (8, "VXLAN"),
    (9, "NVGRE"),
    (10, "MPLS"),
    (11, "MPLS in GRE"),
    (12, "VXLAN GPE"),
    (13, "MPLS in UDP"),
    (14, "IPv6"),
    (15, "SR TE"),
    (16, "Bare"),
    (17, "SR"),
];

const OSPF_RTYPE: Tok = &[
    (1, "Router"),
    (2, "Network"),
    (3, "Summary"),
    (5, "External"),
    (7, "NSSA External"),
    (129, "MPLS-VPN Sham"),
];

/// `l2vpn_encaps_values` (l2vpn.c).
const L2VPN_ENCAPS: Tok = &[
    (0, "Reserved"),
    (1, "Frame Relay"),
    (2, "ATM AAL5 SDU VCC transport"),
    (3, "ATM transparent cell transport"),
    (4, "Ethernet (VLAN) Tagged Mode"),
    (5, "Ethernet Raw Mode"),
    (6, "Cisco HDLC"),
    (7, "PPP"),
    (8, "SONET/SDH Circuit Emulation Service over MPLS"),
    (9, "ATM n-to-one VCC cell transport"),
    (10, "ATM n-to-one VPC cell transport"),
    (11, "IP layer 2 transport"),
    (15, "Frame Relay Port mode"),
    (17, "Structure-agnostic E1 over packet"),
    (18, "Structure-agnostic T1 (DS1) over packet"),
    (19, "VPLS"),
    (20, "Structure-agnostic T3 (DS3) over packet"),
    (21, "Nx64kbit/s Basic Service using Structure-aware"),
    (25, "Frame Relay DLCI"),
    (40, "Structure-agnostic E3 over packet"),
    (
        41,
        "Octet-aligned playload for Structure-agnostic DS1 circuits",
    ),
    (42, "E1 Nx64kbit/s with CAS using Structure-aware"),
    (43, "DS1 (ESF) Nx64kbit/s with CAS using Structure-aware"),
    (44, "DS1 (SF) Nx64kbit/s with CAS using Structure-aware"),
];

/// `bgp_extended_community_print`: the 8 bytes at `p`.
fn extended_community(nd: &mut Nd, p: usize) -> R {
    let typ = nd.be2(p)?;
    match typ {
        0x0002 | 0x0003 | 0x000a => {
            let (a, b) = (nd.be2(p + 2)?, nd.be4(p + 4)?);
            nd.need(p + 4, 4)?;
            nd.u(a as u64);
            nd.s(b":");
            nd.u(b as u64);
            nd.s(b" (= ");
            nd.ip4(p + 4)?;
            nd.s(b")");
        }
        0x0102 | 0x0103 | 0xf10a | 0x010b => {
            let n = nd.be2(p + 6)?;
            nd.ip4(p + 2)?;
            nd.s(b":");
            nd.u(n as u64);
        }
        0x0202 | 0x0203 => {
            let (a, n) = (nd.be4(p + 2)?, nd.be2(p + 6)?);
            nd.u(a as u64);
            nd.s(b":");
            nd.u(n as u64);
        }
        0x4004 => {
            let bw = nd.be4(p + 4)?;
            nd.s(b"bandwidth: ");
            super::fmt::mbps(nd.out, bw);
            nd.s(b" Mbps");
        }
        0x0005 | 0x0105 | 0x0205 | 0x8005 | 0x0107 | 0x8001 => nd.ip4(p + 2)?,
        0x0306 | 0x8000 => {
            let (rt, opt) = (nd.u1(p + 6)?, nd.u1(p + 7)?);
            nd.need(p + 2, 4)?;
            nd.s(b"area:");
            nd.ip4(p + 2)?;
            nd.s(b", router-type:");
            match tok::name(OSPF_RTYPE, rt as u32) {
                Some(n) => nd.st(n),
                None => {
                    nd.s(b"unknown (0x");
                    nd.x0(rt as u64, 2);
                    nd.s(b")");
                }
            }
            nd.s(b", metric-type:");
            if opt & 1 != 0 {
                nd.s(b"E2");
            }
            if rt == 5 || rt == 7 {
                nd.s(b"E1");
            }
        }
        0x800a => {
            let (enc, flags, mtu) = (nd.u1(p + 2)?, nd.u1(p + 3)?, nd.be2(p + 4)?);
            tok2str(nd, L2VPN_ENCAPS, "unknown encaps", enc as u32);
            nd.s(b" Control Flags [0x");
            nd.x0(flags as u64, 2);
            nd.s(b"]:MTU ");
            nd.u(mtu as u64);
        }
        0x0009 => {
            let a = nd.be2(p + 2)?;
            nd.s(b"AS ");
            nd.u(a as u64);
        }
        0x030c => {
            let t = nd.be2(p + 6)?;
            nd.s(b"Tunnel type: ");
            tok2str(nd, ENCAP_TUNNEL, "unknown encaps", t as u32);
        }
        _ => {
            for &c in nd.bytes(p + 2, 6)? {
                nd.x0(c as u64, 2);
            }
        }
    }
    Ok(())
}

const PMSI_TUNNEL: Tok = &[
    (1, "RSVP-TE P2MP LSP"),
    (2, "LDP P2MP LSP"),
    (3, "PIM-SSM Tree"),
    (4, "PIM-SM Tree"),
    (5, "PIM-Bidir Tree"),
    (6, "Ingress Replication"),
    (7, "LDP MP2MP LSP"),
];

const PMSI_FLAG: Tok = &[(0x01, "Leaf Information required")];

/// An attribute's ", Flags [OTPE+x" (the caller closes it).
fn attr_flags(nd: &mut Nd, aflags: u8) {
    nd.s(b", Flags [");
    for (bit, c) in [(0x80, b"O"), (0x40, b"T"), (0x20, b"P"), (0x10, b"E")] {
        if aflags & bit != 0 {
            nd.s(c);
        }
    }
    if aflags & 0xf != 0 {
        nd.s(b"+");
        nd.x((aflags & 0xf) as u64);
    }
}

/// `bgp_attr_get_as_size`: 2 when the path parses with 2-byte AS numbers, else 4.
fn as_size(nd: &Nd, atype: u8, p: usize, len: usize) -> R<usize> {
    if atype == 17 {
        return Ok(4);
    }
    let mut t = p;
    while t < p + len {
        let seg = nd.u1(t)?;
        if !(1..=4).contains(&seg) {
            return Ok(4);
        }
        t += 2 + nd.u1(t + 1)? as usize * 2;
    }
    Ok(if t == p + len { 2 } else { 4 })
}

/// `bgp_attr_print` for the attributes decoded here: Ok(false) is C's `return 0`.
fn attr(nd: &mut Nd, atype: u8, p: usize, len: usize, level: u32) -> R<bool> {
    let invalid = |nd: &mut Nd| nd.s(b"invalid len");
    // The -vv dump's length: C's large-community loop counts `len` itself down to zero.
    let mut dump_len = len;
    match atype {
        1 => {
            if len != 1 {
                invalid(nd);
            } else {
                let o = nd.u1(p)?;
                tok2str(nd, ORIGIN, "Unknown Origin Typecode", o as u32);
            }
        }
        2 | 17 => {
            if len % 2 != 0 {
                invalid(nd);
            } else if len == 0 {
                nd.s(b"empty");
            } else {
                let size = as_size(nd, atype, p, len)?;
                let mut t = p;
                while t < p + len {
                    let seg = nd.u1(t)?;
                    tok2str(nd, SEGMENT_OPEN, "?", seg as u32);
                    let n = nd.u1(t + 1)? as usize * size;
                    let mut i = 0;
                    while i < n {
                        if !nd.ttest(t + 2 + i, size) {
                            return Ok(false);
                        }
                        let asn = if size == 2 {
                            nd.be2(t + i + 2)? as u32
                        } else {
                            nd.be4(t + i + 2)?
                        };
                        nd.u(asn as u64);
                        nd.s(b" ");
                        i += size;
                    }
                    let seg = nd.u1(t)?;
                    tok2str(nd, SEGMENT_CLOSE, "?", seg as u32);
                    t += 2 + nd.u1(t + 1)? as usize * size;
                }
            }
        }
        3 | 9 => {
            if len != 4 {
                invalid(nd);
            } else {
                nd.ip4(p)?;
            }
        }
        4 | 5 => {
            if len != 4 {
                invalid(nd);
            } else {
                let v = nd.be4(p)?;
                nd.u(v as u64);
            }
        }
        6 => {
            if len != 0 {
                invalid(nd);
            }
        }
        7 | 18 => {
            if (atype == 7 && len != 6 && len != 8) || (atype == 18 && len != 8) {
                invalid(nd);
            } else {
                if atype == 7 && !nd.ttest(p, len) {
                    return Ok(false);
                }
                let (asn, at) = if len == 6 {
                    (nd.be2(p)? as u32, p + 2)
                } else {
                    (nd.be4(p)?, p + 4)
                };
                nd.need(at, 4)?;
                nd.s(b" AS #");
                nd.u(asn as u64);
                nd.s(b", origin ");
                nd.ip4(at)?;
            }
        }
        8 => {
            if len % 4 != 0 {
                invalid(nd);
            } else {
                let (mut t, mut left) = (p, len);
                while left != 0 {
                    if !nd.ttest(t, 4) {
                        return Ok(false);
                    }
                    let comm = nd.be4(t)?;
                    match comm {
                        0xffffff01 => nd.s(b" NO_EXPORT"),
                        0xffffff02 => nd.s(b" NO_ADVERTISE"),
                        0xffffff03 => nd.s(b" NO_EXPORT_SUBCONFED"),
                        _ => {
                            nd.u((comm >> 16) as u64);
                            nd.s(b":");
                            nd.u((comm & 0xffff) as u64);
                            if left > 4 {
                                nd.s(b", ");
                            }
                        }
                    }
                    left -= 4;
                    t += 4;
                }
            }
        }
        10 => {
            if len % 4 != 0 {
                invalid(nd);
            } else {
                let (mut t, mut left) = (p, len);
                while left != 0 {
                    nd.ip4(t)?;
                    if left > 4 {
                        nd.s(b", ");
                    }
                    left -= 4;
                    t += 4;
                }
            }
        }
        14 | 15 => {
            if !mp_attr(nd, p, len, atype == 14)? {
                return Ok(false);
            }
        }
        22 => {
            if !nd.ttest(p, 5) || len < 5 {
                return Ok(false);
            }
            let (flags, typ, label) = (nd.u1(p)?, nd.u1(p + 1)?, nd.be3(p + 2)? >> 4);
            nd.s(b"\n\t    Tunnel-type ");
            tok2str(nd, PMSI_TUNNEL, "Unknown", typ as u32);
            nd.s(b" (");
            nd.u(typ as u64);
            nd.s(b"), Flags [");
            super::tok::bittok2str(nd, PMSI_FLAG, "none", flags as u32);
            nd.s(b"], MPLS Label ");
            nd.u(label as u64);
            let t = p + 5;
            let two = |nd: &mut Nd, a: &[u8], b: &[u8], addr: bool| -> R {
                nd.need(t, 8)?;
                nd.s(b"\n\t      ");
                nd.s(a);
                nd.ip4(t)?;
                nd.s(b);
                if addr {
                    nd.ip4(t + 4)?;
                } else {
                    let id = nd.be4(t + 4)?;
                    nd.x0(id as u64, 8);
                }
                Ok(())
            };
            match typ {
                4 | 5 => two(nd, b"Sender ", b", P-Group ", true)?,
                3 => two(nd, b"Root-Node ", b", P-Group ", true)?,
                6 => {
                    nd.need(t, 4)?;
                    nd.s(b"\n\t      Tunnel-Endpoint ");
                    nd.ip4(t)?;
                }
                2 | 7 => two(nd, b"Root-Node ", b", LSP-ID 0x", false)?,
                1 => two(nd, b"Extended-Tunnel-ID ", b", P2MP-ID 0x", false)?,
                _ => {
                    if nd.vflag <= 1 {
                        nd.unknown_data(t, b"\n\t      ", len - 5)?;
                    }
                }
            }
        }
        128 => {
            // ATTR_SET counts `len` down itself: the -vv dump shows what it leaves.
            if !nd.ttest(p, 4) || len < 4 {
                return Ok(false);
            }
            let origin = nd.be4(p)?;
            nd.s(b"\n\t    Origin AS: ");
            nd.u(origin as u64);
            let mut t = p + 4;
            let mut left = len - 4;
            while left != 0 {
                if !nd.ttest(t, 2) {
                    return Ok(false);
                }
                if left < 2 {
                    nd.s(b" [path attr too short]");
                    break;
                }
                let (aflags, atype) = (nd.u1(t)?, nd.u1(t + 1)?);
                t += 2;
                left -= 2;
                let alenlen = if aflags & 0x10 != 0 { 2 } else { 1 };
                if !nd.ttest(t, alenlen) {
                    return Ok(false);
                }
                if left < alenlen {
                    nd.s(b" [path attr too short]");
                    break;
                }
                let alen = if alenlen == 2 {
                    nd.be2(t)? as usize
                } else {
                    nd.u1(t)? as usize
                };
                t += alenlen;
                left -= alenlen;
                nd.s(b"\n\t      ");
                tok2str(nd, ATTR, "Unknown Attribute", atype as u32);
                nd.s(b" (");
                nd.u(atype as u64);
                nd.s(b"), length: ");
                nd.u(alen as u64);
                if aflags != 0 {
                    attr_flags(nd, aflags);
                    nd.s(b"]");
                }
                nd.s(b": ");
                if left < alen {
                    nd.s(b" [path attr too short]");
                    break;
                }
                // Nesting is limited as in C (live exchanges never nest this deep).
                if level == 10 {
                    nd.s(b"(too many nested levels, not recursing)");
                } else if !attr(nd, atype, t, alen, level + 1)? {
                    return Ok(false);
                }
                t += alen;
                left -= alen;
            }
            dump_len = left;
        }
        26 => {
            // AIGP's TLVs; tlen is C's own counter (the -vv dump still shows `len`).
            let (mut t, mut left) = (p, len);
            while left >= 3 {
                let (typ, l) = (nd.u1(t)?, nd.be2(t + 1)? as usize);
                t += 3;
                left -= 3;
                nd.s(b"\n\t    ");
                nd.s(if typ == 1 { b"AIGP" } else { b"Unknown" });
                nd.s(b" TLV (");
                nd.u(typ as u64);
                nd.s(b"), length ");
                nd.u(l as u64);
                if l < 3 || left < l - 3 {
                    return Ok(false);
                }
                let l = l - 3;
                if typ == 1 {
                    if l < 8 {
                        return Ok(false);
                    }
                    let b = nd.bytes(t, 8)?;
                    nd.s(b", metric ");
                    nd.u(u64::from_be_bytes(b.try_into().expect("8 bytes")));
                } else if nd.vflag <= 1 {
                    nd.unknown_data(t, b"\n\t      ", l)?;
                }
                t += l;
                left -= l;
            }
        }
        16 => {
            if len % 8 != 0 {
                invalid(nd);
            } else {
                let (mut t, mut left) = (p, len);
                while left != 0 {
                    if !nd.ttest(t, 2) || left < 2 {
                        return Ok(false);
                    }
                    let c = nd.be2(t)?;
                    nd.s(b"\n\t    ");
                    tok2str(
                        nd,
                        EXTD_COMM_SUBTYPE,
                        "unknown extd community typecode",
                        c as u32,
                    );
                    nd.s(b" (0x");
                    nd.x0(c as u64, 4);
                    nd.s(b"), Flags [");
                    super::tok::bittok2str(nd, EXTD_COMM_FLAG, "none", c as u32);
                    nd.s(b"]");
                    if !nd.ttest(t, 8) || left < 8 {
                        return Ok(false);
                    }
                    nd.s(b": ");
                    extended_community(nd, t)?;
                    left -= 8;
                    t += 8;
                }
            }
        }
        32 => {
            if len == 0 || len % 12 != 0 {
                invalid(nd);
            } else {
                nd.s(b"\n\t    ");
                let (mut t, mut left) = (p, len);
                while left != 0 {
                    let (a, b, c) = (nd.be4(t)?, nd.be4(t + 4)?, nd.be4(t + 8)?);
                    nd.u(a as u64);
                    nd.s(b":");
                    nd.u(b as u64);
                    nd.s(b":");
                    nd.u(c as u64);
                    if left > 12 {
                        nd.s(b", ");
                    }
                    t += 12;
                    left -= 12;
                }
                dump_len = 0;
            }
        }
        _ => {
            // tcpdump's `default:`; for the attributes it decodes and this printer does
            // not (MP_REACH, extended communities, ...), this is where they differ.
            if !nd.ttest(p, len) {
                return Ok(false);
            }
            nd.s(b"\n\t    no Attribute ");
            nd.u(atype as u64);
            nd.s(b" decoder");
            if nd.vflag <= 1 {
                nd.unknown_data(p, b"\n\t    ", len)?;
            }
        }
    }
    if nd.vflag > 1 && dump_len != 0 {
        if !nd.ttest(p, dump_len) {
            return Ok(false);
        }
        nd.unknown_data(p, b"\n\t    ", dump_len)?;
    }
    Ok(true)
}

/// `bgp_notification_print`.
fn notification(nd: &mut Nd, dat: usize, length: usize) -> R {
    if !nd.ttest(dat, NOTIFICATION_SIZE) {
        nd.trunc();
        return Ok(());
    }
    if length < NOTIFICATION_SIZE {
        return Ok(());
    }
    let (major, minor) = (nd.u1(dat + 19)?, nd.u1(dat + 20)?);
    nd.s(b", ");
    tok2str(nd, NOTIFY_MAJOR, "Unknown Error", major as u32);
    nd.s(b" (");
    nd.u(major as u64);
    nd.s(b")");
    let subcode = |nd: &mut Nd, sep: &[u8], t: Tok| {
        nd.s(sep);
        nd.s(b"subcode ");
        tok2str(nd, t, "Unknown", minor as u32);
        nd.s(b" (");
        nd.u(minor as u64);
        nd.s(b")");
    };
    match major {
        1 => subcode(nd, b", ", NOTIFY_MINOR_MSG),
        2 => subcode(nd, b", ", NOTIFY_MINOR_OPEN),
        3 => subcode(nd, b", ", NOTIFY_MINOR_UPDATE),
        5 => subcode(nd, b" ", NOTIFY_MINOR_FSM),
        7 => subcode(nd, b" ", NOTIFY_MINOR_CAP),
        6 => {
            subcode(nd, b", ", NOTIFY_MINOR_CEASE);
            let t = dat + NOTIFICATION_SIZE;
            if minor == 1 && length >= NOTIFICATION_SIZE + 7 {
                let max = nd.be4(t + 3)?;
                nd.need(t, 3)?;
                nd.s(b", ");
                afi_safi(nd, t, t + 2)?;
                nd.s(b", Max Prefixes: ");
                nd.u(max as u64);
            }
            if (minor == 2 || minor == 4) && length > NOTIFICATION_SIZE {
                let comm_len = nd.u1(t)? as usize;
                let mut remainder = 0;
                if comm_len > length - (NOTIFICATION_SIZE + 1) {
                    nd.s(b", invalid Shutdown Communication length");
                } else if comm_len == 0 {
                    nd.s(b", empty Shutdown Communication");
                    remainder += 1;
                } else {
                    nd.s(b", Shutdown Communication (length: ");
                    nd.u(comm_len as u64);
                    nd.s(b"): \"");
                    nd.printn(t + 1, comm_len, None)?;
                    nd.s(b"\"");
                    remainder += comm_len + 1;
                }
                let rest = length - (remainder + NOTIFICATION_SIZE);
                if rest > 0 {
                    nd.s(b", Data: (length: ");
                    nd.u(rest as u64);
                    nd.s(b")");
                    nd.hex_print(b"\n\t\t", t + remainder, rest)?;
                }
            }
        }
        _ => {}
    }
    Ok(())
}

/// `bgp_route_refresh_print`.
fn route_refresh(nd: &mut Nd, p: usize, len: usize) -> R {
    if !nd.ttest(p, ROUTE_REFRESH_SIZE) {
        nd.trunc();
        return Ok(());
    }
    if len < ROUTE_REFRESH_SIZE {
        return Ok(());
    }
    nd.s(b"\n\t  ");
    afi_safi(nd, p + 19, p + 22)?;
    if nd.vflag > 1 {
        if !nd.ttest(p, len) {
            nd.trunc();
            return Ok(());
        }
        nd.unknown_data(p, b"\n\t  ", len)?;
    }
    Ok(())
}

/// `bgp_pdu_print`: false after an unknown message that is not all captured.
fn pdu(nd: &mut Nd, dat: usize, length: usize) -> R<bool> {
    let typ = nd.u1(dat + 18)?;
    nd.s(b"\n\t");
    tok2str(nd, MSG, "Unknown", typ as u32);
    nd.s(b" Message (");
    nd.u(typ as u64);
    nd.s(b"), length: ");
    nd.u(length as u64);
    match typ {
        1 => open(nd, dat, length)?,
        2 => update(nd, dat, length)?,
        3 => notification(nd, dat, length)?,
        4 => {}
        5 => route_refresh(nd, dat, length)?,
        _ => {
            if !nd.ttest(dat, length) {
                nd.trunc();
                return Ok(false);
            }
            nd.s(b"\n\t  no Message ");
            nd.u(typ as u64);
            nd.s(b" decoder");
            nd.unknown_data(dat, b"\n\t  ", length)?;
        }
    }
    Ok(true)
}

/// `bgp_print`: the TCP payload at `dat`; every BGP message found in it (by its marker).
pub(crate) fn bgp_print(nd: &mut Nd, dat: usize) -> R {
    nd.proto = "bgp";
    nd.s(b": BGP");
    if nd.vflag < 1 {
        return Ok(());
    }
    let ep = nd.snapend;
    let mut p = dat;
    let mut start = p;
    while p < ep {
        if nd.u1(p)? != 0xff {
            p += 1;
            continue;
        }
        if !nd.ttest(p, 16) {
            break;
        }
        if nd.bytes(p, 16)?.iter().any(|&b| b != 0xff) {
            p += 1;
            continue;
        }
        // A header: its truncation is the packet's.
        if !nd.ttest(p, BGP_SIZE) {
            nd.trunc();
            return Ok(());
        }
        if start != p {
            nd.trunc();
        }
        let hlen = nd.be2(p + 16)? as usize;
        if hlen < BGP_SIZE {
            nd.s(b"\nmessage length ");
            nd.u(hlen as u64);
            nd.s(b" < 19");
            nd.invalid();
            break;
        }
        if nd.ttest(p, hlen) {
            if !pdu(nd, p, hlen)? {
                return Ok(());
            }
            p += hlen;
            start = p;
        } else {
            let typ = nd.u1(p + 18)?;
            nd.s(b"\n[|BGP ");
            tok2str(nd, MSG, "Unknown Message Type", typ as u32);
            nd.s(b"]");
            break;
        }
    }
    Ok(())
}
