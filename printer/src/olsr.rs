//! OLSR, the Optimized Link State Routing protocol (tcpdump's print-olsr.c, RFC 3626 and
//! olsr.org's extensions), UDP port 698: "OLSRv4, seq, length" and with -v each message:
//! Hello and TC neighbours (with link quality for the LQ variants), MID interfaces, HNA
//! networks and smart gateways, name service entries.

use super::fmt;
use super::nd::{Nd, R};
use super::rip::mask2plen;
use super::tok::{self, Tok};

const HELLO: u8 = 1;
const TC: u8 = 2;
const HELLO_LQ: u8 = 201;

const MSG_VALUES: Tok = &[
    (1, "Hello"),
    (2, "TC"),
    (3, "MID"),
    (4, "HNA"),
    (128, "Powerinfo"),
    (130, "Nameservice"),
    (201, "Hello-LQ"),
    (202, "TC-LQ"),
];

const LINK_TYPE: Tok = &[
    (0, "Unspecified"),
    (1, "Asymmetric"),
    (2, "Symmetric"),
    (3, "Lost"),
];
const NEIGHBOR_TYPE: Tok = &[(0, "Not-Neighbor"), (1, "Symmetric"), (2, "Symmetric-MPR")];

/// `ME_TO_DOUBLE`: a mantissa/exponent validity time in seconds.
fn me_to_double(me: u8) -> f64 {
    0.0625 * (1.0 + (me >> 4) as f64 / 16.0) * (1u32 << (me & 0x0f)) as f64
}

/// `deserialize_gw_speed`.
fn gw_speed(value: u8) -> u32 {
    match value {
        0 => 0,
        255 => 320_000_000,
        v => ((v >> 3) as u32 + 1) * 10u32.pow((v & 7) as u32),
    }
}

/// C's `%#0Nx` of a non-zero value (the zero cases never reach it): "0x" and the digits,
/// zero-padded to `width` characters in all.
fn alt_hex(nd: &mut Nd, v: u32, width: usize) {
    nd.s(b"0x");
    nd.x0(v as u64, width - 2);
}

fn addr(nd: &mut Nd, at: usize, v6: bool) -> R {
    if v6 {
        nd.ip6(at)
    } else {
        nd.ip4(at)
    }
}

/// `olsr_print_lq_neighbor4`/`6`.
fn lq_neighbors(nd: &mut Nd, mut p: usize, mut len: usize, v6: bool) -> R {
    let size = if v6 { 20 } else { 8 };
    let alen = size - 4;
    while len >= size {
        nd.tcheck(p, size)?;
        nd.s(b"\n\t      neighbor ");
        addr(nd, p, v6)?;
        nd.s(b", link-quality ");
        fmt::fixed(nd.out, nd.u1(p + alen)? as f64 / 2.55, 2);
        nd.s(b"%, neighbor-link-quality ");
        fmt::fixed(nd.out, nd.u1(p + alen + 1)? as f64 / 2.55, 2);
        nd.s(b"%");
        p += size;
        len -= size;
    }
    Ok(())
}

/// `olsr_print_neighbor`: IPv4 addresses, whatever the IP version (as tcpdump does).
fn neighbors(nd: &mut Nd, mut p: usize, mut len: usize) -> R {
    nd.s(b"\n\t      neighbor\n\t\t");
    while len >= 4 {
        nd.ip4(p)?;
        // tcpdump means to break the line every fourth address but never counts them.
        nd.s(b" ");
        p += 4;
        len -= 4;
    }
    Ok(())
}

/// The neighbours of a Hello or TC message, plain or with link quality.
fn neighbor_list(nd: &mut Nd, typ: u8, p: usize, len: usize, v6: bool) -> R {
    if typ == HELLO || typ == TC {
        neighbors(nd, p, len)
    } else {
        lq_neighbors(nd, p, len, v6)
    }
}

fn hello(nd: &mut Nd, typ: u8, mut data: usize, mut tlen: usize, v6: bool) -> R {
    if tlen < 4 {
        return Err(nd.local_trunc());
    }
    nd.tcheck(data, 4)?;
    let (htime, will) = (nd.u1(data + 2)?, nd.u1(data + 3)?);
    nd.s(b"\n\t  hello-time ");
    fmt::fixed(nd.out, me_to_double(htime), 3);
    nd.s(b"s, MPR willingness ");
    nd.u(will as u64);
    data += 4;
    tlen -= 4;
    while tlen >= 4 {
        nd.tcheck(data, 4)?;
        let mut hello_len = nd.be2(data + 2)? as usize;
        let code = nd.u1(data)?;
        let valid = hello_len <= tlen && hello_len >= 4;
        nd.s(b"\n\t    link-type ");
        tok::tok2str(nd, LINK_TYPE, "Unknown", (code & 3) as u32);
        nd.s(b", neighbor-type ");
        tok::tok2str(nd, NEIGHBOR_TYPE, "Unknown", (code >> 2) as u32);
        nd.s(b", len ");
        nd.u(hello_len as u64);
        if !valid {
            nd.s(b" (invalid)");
            break;
        }
        data += 4;
        tlen -= 4;
        hello_len -= 4;
        nd.tcheck(data, hello_len)?;
        neighbor_list(nd, typ, data, hello_len, v6)?;
        data += hello_len;
        tlen -= hello_len;
    }
    Ok(())
}

fn hna(nd: &mut Nd, mut data: usize, mut tlen: usize, v6: bool) -> R {
    let size = if v6 { 32 } else { 8 };
    nd.s(b"\n\t  Advertised networks (total ");
    nd.u((tlen / size) as u64);
    nd.s(b")");
    let mut col = 0;
    while tlen >= size {
        nd.tcheck(data, size)?;
        if v6 {
            // tcpdump numbers them all #0.
            nd.s(b"\n\t    #0: ");
            nd.ip6(data)?;
            nd.s(b"/");
            let mask = nd.bytes(data + 16, 16)?;
            nd.u(mask62plen(mask) as u64);
        } else {
            let net = nd.bytes(data, 4)?;
            let mask = nd.bytes(data + 4, 4)?;
            nd.s(if col == 0 { b"\n\t    " } else { b", " });
            if net == [0, 0, 0, 0] && mask[0] == 0 && mask[1] != 0 {
                let flags = mask[1];
                nd.s(b"Smart-Gateway:");
                for (bit, name) in [
                    (1, b" LINKSPEED".as_slice()),
                    (2, b" IPV4"),
                    (4, b" IPV4-NAT"),
                    (8, b" IPV6"),
                    (16, b" IPv6-PREFIX"),
                ] {
                    if flags & bit != 0 {
                        nd.s(name);
                    }
                }
                let speed = |v| if flags & 1 != 0 { gw_speed(v) } else { 0 };
                let (up, down) = (speed(mask[2]), speed(mask[3]));
                nd.s(b" ");
                nd.u(up as u64);
                nd.s(b"/");
                nd.u(down as u64);
            } else {
                let m = u32::from_be_bytes([mask[0], mask[1], mask[2], mask[3]]);
                nd.ip4(data)?;
                nd.s(b"/");
                // %u of the int: a non-contiguous mask's -1 prints as 4294967295.
                nd.u(mask2plen(m) as u32 as u64);
            }
            col = (col + 1) % 4;
        }
        data += size;
        tlen -= size;
    }
    Ok(())
}

/// `mask62plen`: the leading one bits of an IPv6 mask, counted up to its first byte that
/// is not 0xff (a byte that is no prefix mask counts 0).
fn mask62plen(mask: &[u8]) -> u32 {
    let mut len = 0;
    for &b in mask {
        if let Some(bits) = (0..=8u32).find(|&n| b == (0xff00u32 >> n) as u8) {
            len += bits;
        }
        if b != 0xff {
            break;
        }
    }
    len
}

fn nameservice(nd: &mut Nd, mut data: usize, mut tlen: usize, v6: bool) -> R {
    if tlen < 4 {
        return Err(nd.local_trunc());
    }
    let entries = nd.be2(data + 2)? as usize;
    let asize = if v6 { 16 } else { 4 };
    let valid = entries > 0 && entries * (4 + asize) <= tlen;
    let version = nd.be2(data)?;
    nd.s(b"\n\t  Version ");
    nd.u(version as u64);
    nd.s(b", Entries ");
    nd.u(entries as u64);
    if !valid {
        nd.s(b" (invalid)");
        return Ok(());
    }
    data += 4;
    tlen -= 4;
    for i in 0..entries {
        if tlen < 4 {
            break;
        }
        let (typ, len) = (nd.be2(data)?, nd.be2(data + 2)? as usize);
        data += 4;
        tlen -= 4;
        let len_valid = len > 0 && asize + len <= tlen;
        nd.s(b"\n\t    #");
        nd.u(i as u64);
        nd.s(b": type ");
        if typ == 0 {
            nd.s(b"000000");
        } else {
            alt_hex(nd, typ as u32, 6);
        }
        nd.s(b", length ");
        nd.u(len as u64);
        if !len_valid {
            nd.s(b" (invalid)");
            break;
        }
        let padding = (4 - len % 4) % 4;
        let total = asize + len + padding;
        if tlen < total {
            return Err(nd.local_trunc());
        }
        nd.tcheck(data, total)?;
        nd.s(b", address ");
        addr(nd, data, v6)?;
        nd.s(b", name \"");
        nd.printn(data + asize, len, None)?;
        nd.s(b"\"");
        data += total;
        tlen -= total;
    }
    Ok(())
}

/// `olsr_print`.
pub(crate) fn olsr_print(nd: &mut Nd, pptr: usize, length: usize, v6: bool) -> R {
    nd.proto = "olsr";
    nd.s(if v6 { b"OLSRv6" } else { b"OLSRv4" });
    if length < 4 {
        return Err(nd.local_trunc());
    }
    nd.tcheck(pptr, 4)?;
    let length = length.min(nd.be2(pptr)? as usize);
    let seq = nd.be2(pptr + 2)?;
    nd.s(b", seq 0x");
    nd.x0(seq as u64, 4);
    nd.s(b", length ");
    nd.u(length as u64);
    if nd.vflag < 1 {
        return Ok(());
    }
    let (hsize, alen) = if v6 { (24, 16) } else { (12, 4) };
    let mut tptr = pptr + 4;
    while tptr < pptr + length {
        nd.tcheck(tptr, hsize)?;
        let msg_type = nd.u1(tptr)?;
        let msg_len = nd.be2(tptr + 2)? as usize;
        let valid = msg_len >= hsize && msg_len <= length;
        // Against an endless loop.
        if msg_type == 0 || msg_len == 0 {
            return Ok(());
        }
        let at = tptr + 4 + alen;
        nd.s(b"\n\t");
        tok::tok2str(nd, MSG_VALUES, "Unknown", msg_type as u32);
        nd.s(b" Message (");
        alt_hex(nd, msg_type as u32, 4);
        nd.s(b"), originator ");
        addr(nd, tptr + 4, v6)?;
        nd.s(b", ttl ");
        nd.u(nd.u1(at)? as u64);
        nd.s(b", hop ");
        nd.u(nd.u1(at + 1)? as u64);
        nd.s(b"\n\t  vtime ");
        fmt::fixed(nd.out, me_to_double(nd.u1(tptr + 1)?), 3);
        nd.s(b"s, msg-seq 0x");
        nd.x0(nd.be2(at + 2)? as u64, 4);
        nd.s(b", length ");
        nd.u(msg_len as u64);
        if !valid {
            nd.s(b" (invalid)");
            return Ok(());
        }
        let (data, tlen) = (tptr + hsize, msg_len - hsize);
        match msg_type {
            HELLO | HELLO_LQ => hello(nd, msg_type, data, tlen, v6)?,
            TC | 202 => {
                if tlen < 4 {
                    return Err(nd.local_trunc());
                }
                nd.tcheck(data, 4)?;
                let ans = nd.be2(data)?;
                nd.s(b"\n\t    advertised neighbor seq 0x");
                nd.x0(ans as u64, 4);
                neighbor_list(nd, msg_type, data + 4, tlen - 4, v6)?;
            }
            3 => {
                let (mut p, mut left) = (data, tlen);
                while left >= alen {
                    nd.tcheck(p, alen)?;
                    nd.s(b"\n\t  interface address ");
                    addr(nd, p, v6)?;
                    p += alen;
                    left -= alen;
                }
            }
            4 => hna(nd, data, tlen, v6)?,
            130 => nameservice(nd, data, tlen, v6)?,
            _ => nd.unknown_data(data, b"\n\t    ", tlen)?,
        }
        tptr += msg_len;
    }
    Ok(())
}
