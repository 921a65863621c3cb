//! HNCP, the Home Networking Control Protocol over DNCP (tcpdump's print-hncp.c, RFC 7787
//! and 7788), UDP port 8231: "hncp (LEN)" and its TLVs, listed by type on one line at the
//! levels the verbosity does not open up, or each with its fields (node and endpoint ids,
//! prefixes, addresses, DHCP data, names) and nested TLVs on lines of their own.

use super::bgp::{self, Prefix};
use super::dns;
use super::fmt;
use super::nd::{Nd, R};
use super::tok::{self, Tok};

/// Where a type outside the defined ones falls (`type_mask`'s ranges).
const RANGE_DNCP_RESERVED: u32 = 0x10000;
const RANGE_HNCP_UNASSIGNED: u32 = 0x10001;
const RANGE_DNCP_PRIVATE_USE: u32 = 0x10002;
const RANGE_DNCP_FUTURE_USE: u32 = 0x10003;

const TYPE_VALUES: Tok = &[
    (1, "Request network state"),
    (2, "Request node state"),
    (3, "Node endpoint"),
    (4, "Network state"),
    (5, "Node state"),
    (8, "Peer"),
    (9, "Keep-alive interval"),
    (10, "Trust-Verdict"),
    (32, "HNCP-Version"),
    (33, "External-Connection"),
    (34, "Delegated-Prefix"),
    (43, "Prefix-Policy"),
    (37, "DHCPv4-Data"),
    (38, "DHCPv6-Data"),
    (35, "Assigned-Prefix"),
    (36, "Node-Address"),
    (39, "DNS-Delegated-Zone"),
    (40, "Domain-Name"),
    (41, "Node-Name"),
    (42, "Managed-PSK"),
    (RANGE_DNCP_RESERVED, "Reserved"),
    (RANGE_HNCP_UNASSIGNED, "Unassigned"),
    (RANGE_DNCP_PRIVATE_USE, "Private use"),
    (RANGE_DNCP_FUTURE_USE, "Future use"),
];

const DH4OPT: Tok = &[(6, "DNS-server"), (42, "NTP-server"), (119, "DNS-search")];
const DH6OPT: Tok = &[
    (23, "DNS-server"),
    (24, "DNS-search-list"),
    (31, "SNTP-servers"),
];

const V4MAPPED: [u8; 12] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];

/// "\n" and `indent` tabs.
fn newline(nd: &mut Nd, indent: usize) {
    nd.s(b"\n");
    for _ in 0..indent {
        nd.s(b"\t");
    }
}

/// `format_nid`.
fn nid(nd: &mut Nd, at: usize) -> R {
    let b = nd.bytes(at, 4)?;
    fmt::hexbytes(nd.out, b, b':');
    Ok(())
}

/// `n` bytes as 2n hex digits: `format_256` (32) and a hash's `%016" PRIx64` (8).
fn hex(nd: &mut Nd, at: usize, n: usize) -> R {
    let b = nd.bytes(at, n)?;
    for &c in b {
        fmt::hex_pad(nd.out, c as u64, 2);
    }
    Ok(())
}

/// `format_interval`: milliseconds as "S.MMMs".
fn interval(nd: &mut Nd, n: u32) {
    nd.u((n / 1000) as u64);
    nd.s(b".");
    fmt::dec_pad(nd.out, (n % 1000) as u64, 3);
    nd.s(b"s");
}

/// `format_ip6addr`: IPv4-mapped addresses as IPv4.
fn ip6addr(nd: &mut Nd, at: usize) -> R {
    let a = nd.bytes(at, 16)?;
    if a[..12] == V4MAPPED {
        fmt::ipv4(nd.out, &a[12..]);
    } else {
        nd.ip6(at)?;
    }
    Ok(())
}

/// `print_prefix`: an IPv4-mapped or IPv6 prefix (its length byte first); the bytes taken,
/// or C's -1 (length too long), -2/-3 (past the end).
fn print_prefix(nd: &mut Nd, p: usize, max_length: usize) -> R<Result<usize, i32>> {
    let first = nd.u1(p)?;
    if first >= 96 && max_length > V4MAPPED.len() && nd.bytes(p + 1, 12)? == V4MAPPED {
        let plen = (first - 96) as usize;
        if plen > 32 {
            return Ok(Err(-1));
        }
        let bytes = plen.div_ceil(8);
        if max_length - 1 < bytes + 12 {
            return Ok(Err(-3));
        }
        let mut a = [0u8; 4];
        a[..bytes].copy_from_slice(nd.bytes(p + 13, bytes)?);
        if plen % 8 != 0 {
            a[bytes - 1] &= ((0xff00u32 >> (plen % 8)) & 0xff) as u8;
        }
        fmt::ipv4(nd.out, &a);
        nd.s(b"/");
        nd.u(plen as u64);
        return Ok(Ok(bytes + 13));
    }
    Ok(match bgp::prefix(nd, p, max_length, true, b"")? {
        Prefix::Taken(n) => Ok(n),
        Prefix::Illegal => Err(-1),
        Prefix::Short => Err(-2),
    })
}

/// `print_dns_label` (printing): the labels of a name within `max_length`; the bytes taken,
/// or None (after "[|DNS]") when the name does not end in time.
fn dns_label(nd: &mut Nd, cp: usize, max_length: usize) -> R<Option<usize>> {
    let mut length = 0;
    while length < max_length {
        let lab = nd.u1(cp + length)? as usize;
        length += 1;
        if lab == 0 {
            return Ok(Some(length));
        }
        if length > 1 {
            nd.s(b".");
        }
        if length + lab > max_length {
            nd.printjnp(cp + length, max_length - length)?;
            break;
        }
        nd.printjnp(cp + length, lab)?;
        length += lab;
    }
    nd.s(b"[|DNS]");
    Ok(None)
}

/// `dhcpv4_print` (`v6` false) and `dhcpv6_print`: false for C's -1.
fn dhcp_print(nd: &mut Nd, cp: usize, length: usize, indent: usize, v6: bool) -> R<bool> {
    let hlen = if v6 { 4 } else { 2 };
    let mut i = 0;
    while i < length {
        if i + hlen > length {
            return Ok(false);
        }
        let tlv = cp + i;
        let (typ, optlen) = if v6 {
            (nd.be2(tlv)? as u32, nd.be2(tlv + 2)? as usize)
        } else {
            (nd.u1(tlv)? as u32, nd.u1(tlv + 1)? as usize)
        };
        let value = tlv + hlen;
        newline(nd, indent);
        tok::tok2str(nd, if v6 { DH6OPT } else { DH4OPT }, "Unknown", typ);
        nd.s(b" (");
        nd.u((optlen + hlen) as u64);
        nd.s(b")");
        if i + hlen + optlen > length {
            return Ok(false);
        }
        let servers = if v6 { [23, 31] } else { [6, 42] };
        let search = if v6 { 24 } else { 119 };
        if servers.contains(&typ) {
            let alen = if v6 { 16 } else { 4 };
            if v6 && optlen % 16 != 0 {
                nd.invalid();
                return Ok(false);
            }
            if !v6 && (optlen < 4 || optlen % 4 != 0) {
                return Ok(false);
            }
            for t in (0..optlen).step_by(alen) {
                let a = nd.bytes(value + t, alen)?;
                nd.s(b" ");
                if v6 {
                    nd.ip6(value + t)?;
                } else {
                    fmt::ipv4(nd.out, a);
                }
            }
        } else if typ == search {
            let mut tp = value;
            while tp < value + optlen {
                nd.s(b" ");
                match dns::fqdn_print(nd, tp, value + optlen)? {
                    Some(next) => tp = next,
                    None => return Ok(false),
                }
            }
        }
        i += hlen + optlen;
    }
    Ok(true)
}

/// `is_in_line`: the TLVs of this level are only listed by type.
fn in_line(nd: &Nd, indent: usize) -> bool {
    indent > nd.vflag as usize && nd.vflag < 3
}

/// `print_type_in_line`.
fn type_in_line(nd: &mut Nd, typ: u32, count: i32, indent: usize, first: &mut bool) {
    if count <= 0 {
        return;
    }
    if *first {
        *first = false;
        if indent > 1 {
            newline(nd, indent);
        } else {
            nd.s(b" ");
        }
    } else {
        nd.s(b", ");
    }
    tok::tok2str(nd, TYPE_VALUES, "Easter Egg", typ);
    if count > 1 {
        nd.s(b" (x");
        nd.u(count as u64);
        nd.s(b")");
    }
}

/// `type_mask`: a defined type itself, or the range it falls in.
fn type_mask(typ: u16) -> u32 {
    let typ = typ as u32;
    if TYPE_VALUES.iter().any(|&(k, _)| k <= 0xffff && k == typ) {
        return typ;
    }
    match typ {
        0 => RANGE_DNCP_RESERVED,
        44..=511 => RANGE_HNCP_UNASSIGNED,
        768..=1023 => RANGE_DNCP_PRIVATE_USE,
        _ => RANGE_DNCP_FUTURE_USE,
    }
}

/// `-l & 3` of C's int arithmetic: the padding to the next multiple of four.
fn pad4(l: usize) -> usize {
    l.wrapping_neg() & 3
}

/// `hncp_print_rec`: the TLVs of one level. A truncation or an invalid TLV ends this level
/// only (tcpdump's labels are in this function); the enclosing level goes on.
fn print_rec(nd: &mut Nd, cp: usize, length: usize, indent: usize) -> R {
    let inline = in_line(nd, indent);
    let mut first = true;
    let mut last_mask = u32::MAX;
    let mut last_count: i32 = -1;
    let mut i = 0;
    while i < length {
        let tlv = cp + i;
        if !inline {
            newline(nd, indent);
        }
        if !nd.ttest(tlv, 4) {
            nd.trunc();
            return Ok(());
        }
        if i + 4 > length {
            nd.invalid();
            return Ok(());
        }
        let typ = nd.be2(tlv)?;
        let bodylen = nd.be2(tlv + 2)? as usize;
        let value = tlv + 4;
        if !nd.ttest(value, bodylen) {
            nd.trunc();
            return Ok(());
        }
        if i + bodylen + 4 > length {
            nd.invalid();
            return Ok(());
        }
        let mask = type_mask(typ);
        if inline {
            if last_mask == mask {
                last_count += 1;
            } else {
                type_in_line(nd, last_mask, last_count, indent, &mut first);
                last_mask = mask;
                last_count = 1;
            }
        } else if !tlv_print(nd, mask, typ, value, bodylen, indent)? {
            nd.invalid();
            return Ok(());
        }
        i += 4 + bodylen.next_multiple_of(4);
    }
    type_in_line(nd, last_mask, last_count, indent, &mut first);
    Ok(())
}

/// One TLV on its own line; false where tcpdump ends the level as invalid.
fn tlv_print(
    nd: &mut Nd,
    mask: u32,
    typ: u16,
    value: usize,
    bodylen: usize,
    indent: usize,
) -> R<bool> {
    tok::tok2str(nd, TYPE_VALUES, "Easter Egg (42)", mask);
    if mask > 0xffff {
        nd.s(b": type=");
        nd.u(typ as u64);
    }
    nd.s(b" (");
    nd.u((bodylen + 4) as u64);
    nd.s(b")");
    let bad = |nd: &mut Nd| {
        nd.invalid();
        Ok(true)
    };
    match mask {
        1 if bodylen != 0 => nd.invalid(),
        2 => {
            if bodylen != 4 {
                return bad(nd);
            }
            nd.need(value, 4)?;
            nd.s(b" NID: ");
            nid(nd, value)?;
        }
        3 => {
            if bodylen != 8 {
                return bad(nd);
            }
            nd.need(value, 8)?;
            let epid = nd.be4(value + 4)?;
            nd.s(b" NID: ");
            nid(nd, value)?;
            nd.s(b" EPID: ");
            nd.x0(epid as u64, 8);
        }
        4 => {
            if bodylen != 8 {
                return bad(nd);
            }
            nd.need(value, 8)?;
            nd.s(b" hash: ");
            hex(nd, value, 8)?;
        }
        5 => {
            if bodylen < 20 {
                return bad(nd);
            }
            nd.need(value, 20)?;
            let (seq, ivl) = (nd.be4(value + 4)?, nd.be4(value + 8)?);
            nd.s(b" NID: ");
            nid(nd, value)?;
            nd.s(b" seqno: ");
            nd.u(seq as u64);
            nd.s(b" ");
            interval(nd, ivl);
            nd.s(b" hash: ");
            hex(nd, value + 12, 8)?;
            print_rec(nd, value + 20, bodylen - 20, indent + 1)?;
        }
        8 => {
            if bodylen != 12 {
                return bad(nd);
            }
            nd.need(value, 12)?;
            let (peer, local) = (nd.be4(value + 4)?, nd.be4(value + 8)?);
            nd.s(b" Peer-NID: ");
            nid(nd, value)?;
            nd.s(b" Peer-EPID: ");
            nd.x0(peer as u64, 8);
            nd.s(b" Local-EPID: ");
            nd.x0(local as u64, 8);
        }
        9 => {
            if bodylen < 8 {
                return bad(nd);
            }
            let (epid, ivl) = (nd.be4(value)?, nd.be4(value + 4)?);
            nd.s(b" EPID: ");
            nd.x0(epid as u64, 8);
            nd.s(b" Interval: ");
            interval(nd, ivl);
        }
        10 => {
            if bodylen <= 36 {
                return bad(nd);
            }
            let verdict = nd.u1(value)?;
            nd.need(value + 4, 32)?;
            nd.s(b" Verdict: ");
            nd.u(verdict as u64);
            nd.s(b" Fingerprint: ");
            hex(nd, value + 4, 32)?;
            nd.s(b" Common Name: ");
            nd.printjnp(value + 36, bodylen - 36)?;
        }
        32 => {
            if bodylen < 5 {
                return bad(nd);
            }
            let caps = nd.be2(value + 2)?;
            for (label, shift) in [(b" M: ", 12), (b" P: ", 8), (b" H: ", 4), (b" L: ", 0)] {
                nd.s(label);
                nd.u(((caps >> shift) & 0xf) as u64);
            }
            nd.s(b" User-agent: ");
            nd.printjnp(value + 4, bodylen - 4)?;
        }
        33 => print_rec(nd, value, bodylen, indent + 1)?,
        34 => {
            if bodylen < 9 || bodylen < 9 + (nd.u1(value + 8)? as usize).div_ceil(8) {
                return bad(nd);
            }
            let (vlso, plso) = (nd.be4(value)?, nd.be4(value + 4)?);
            nd.s(b" VLSO: ");
            interval(nd, vlso);
            nd.s(b" PLSO: ");
            interval(nd, plso);
            nd.s(b" Prefix: ");
            match print_prefix(nd, value + 8, bodylen - 8)? {
                Err(-1) => nd.s(b"(length is invalid)"),
                Err(_) => nd.invalid(),
                Ok(l) => {
                    let l = l + 8 + pad4(l);
                    if bodylen >= l {
                        print_rec(nd, value + l, bodylen - l, indent + 1)?;
                    }
                }
            }
        }
        43 => {
            if bodylen < 1 {
                return bad(nd);
            }
            let policy = nd.u1(value)?;
            nd.s(b" type: ");
            match policy {
                0 => {
                    if bodylen != 1 {
                        return bad(nd);
                    }
                    nd.s(b"Internet connectivity");
                }
                1..=128 => {
                    nd.s(b"Dest-Prefix: ");
                    match print_prefix(nd, value, bodylen)? {
                        Err(-1) => nd.s(b"(length is invalid)"),
                        Err(_) => nd.invalid(),
                        Ok(_) => {}
                    }
                }
                129 => {
                    nd.s(b"DNS domain: ");
                    dns_label(nd, value + 1, bodylen - 1)?;
                }
                130 => {
                    nd.s(b"Opaque UTF-8: ");
                    nd.printjnp(value + 1, bodylen - 1)?;
                }
                131 => {
                    if bodylen != 1 {
                        return bad(nd);
                    }
                    nd.s(b"Restrictive assignment");
                }
                _ => {
                    nd.s(b"Unknown (");
                    nd.u(policy as u64);
                    nd.s(b")");
                }
            }
        }
        37 => {
            if bodylen == 0 {
                return bad(nd);
            }
            if !dhcp_print(nd, value, bodylen, indent + 1, false)? {
                return Ok(false);
            }
        }
        38 => {
            if bodylen == 0 {
                return bad(nd);
            }
            if !dhcp_print(nd, value, bodylen, indent + 1, true)? {
                return bad(nd);
            }
        }
        35 => {
            if bodylen < 6 || bodylen < 6 + (nd.u1(value + 5)? as usize).div_ceil(8) {
                return bad(nd);
            }
            let prty = nd.u1(value + 4)? & 0xf;
            let epid = nd.be4(value)?;
            nd.s(b" EPID: ");
            nd.x0(epid as u64, 8);
            nd.s(b" Prty: ");
            nd.u(prty as u64);
            nd.s(b" Prefix: ");
            match print_prefix(nd, value + 5, bodylen - 5)? {
                Err(_) => return bad(nd),
                Ok(l) => {
                    let l = l + 5;
                    let l = l + pad4(l);
                    if bodylen >= l {
                        print_rec(nd, value + l, bodylen - l, indent + 1)?;
                    }
                }
            }
        }
        36 => {
            if bodylen < 20 {
                return bad(nd);
            }
            let epid = nd.be4(value)?;
            nd.need(value + 4, 16)?;
            nd.s(b" EPID: ");
            nd.x0(epid as u64, 8);
            nd.s(b" IP Address: ");
            ip6addr(nd, value + 4)?;
            print_rec(nd, value + 20, bodylen - 20, indent + 1)?;
        }
        39 => {
            if bodylen < 17 {
                return bad(nd);
            }
            nd.need(value, 17)?;
            let flags = nd.u1(value + 16)?;
            nd.s(b" IP-Address: ");
            ip6addr(nd, value)?;
            nd.s(b" ");
            nd.s(if flags & 4 != 0 { b"l" } else { b"-" });
            nd.s(if flags & 2 != 0 { b"b" } else { b"-" });
            nd.s(if flags & 1 != 0 { b"s" } else { b"-" });
            nd.s(b" ");
            let Some(len) = dns_label(nd, value + 17, bodylen - 17)? else {
                return bad(nd);
            };
            let len = len + 17;
            let len = len + pad4(len);
            if bodylen >= len {
                print_rec(nd, value + len, bodylen - len, indent + 1)?;
            }
        }
        40 => {
            if bodylen == 0 {
                return bad(nd);
            }
            nd.s(b" Domain: ");
            dns_label(nd, value, bodylen)?;
        }
        41 => {
            if bodylen < 17 {
                return bad(nd);
            }
            let l = nd.u1(value + 16)? as usize;
            if bodylen < 17 + l {
                return bad(nd);
            }
            nd.need(value, 16)?;
            nd.s(b" IP-Address: ");
            ip6addr(nd, value)?;
            nd.s(b" Name: ");
            if l < 64 {
                nd.s(b"\"");
                nd.printjnp(value + 17, l)?;
                nd.s(b"\"");
            } else {
                nd.invalid();
            }
            let l = (l + 17).next_multiple_of(4);
            if bodylen >= l {
                print_rec(nd, value + l, bodylen - l, indent + 1)?;
            }
        }
        42 => {
            if bodylen < 32 {
                return bad(nd);
            }
            nd.need(value, 32)?;
            nd.s(b" PSK: ");
            hex(nd, value, 32)?;
            print_rec(nd, value + 32, bodylen - 32, indent + 1)?;
        }
        _ => {}
    }
    Ok(true)
}

/// `hncp_print`.
pub(crate) fn hncp_print(nd: &mut Nd, cp: usize, length: usize) -> R {
    nd.proto = "hncp";
    nd.s(b"hncp (");
    nd.u(length as u64);
    nd.s(b")");
    print_rec(nd, cp, length, 1)
}
