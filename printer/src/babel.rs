//! Babel (tcpdump's print-babel.c: RFC 6126, 7298, 7557, rfc6126bis, HMAC and
//! source-specific drafts), UDP ports 6696 and 6697: "babel 2 (LEN)" and the TLV names of
//! body and trailer; with -v each TLV on its own line with its fields (prefixes kept across
//! Updates as the protocol compresses them) and sub-TLVs.

use super::fmt;
use super::nd::{Nd, R};

const PAD1: u8 = 0;
const HELLO: u8 = 4;
const IHU: u8 = 5;
const UPDATE: u8 = 8;
const UPDATE_SRC_SPECIFIC: u8 = 13;

/// An IPv4-mapped address's first 12 bytes.
const V4PREFIX: [u8; 16] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0, 0, 0];

/// Why a TLV walk stopped (`babel_print_v2_tlvs`' -1 and -2).
enum Stop {
    Trunc,
    Invalid,
}

/// `format_id`: eight bytes as colon-separated hex.
fn id(nd: &mut Nd, at: usize) -> R {
    let b = nd.bytes(at, 8)?;
    fmt::hexbytes(nd.out, b, b':');
    Ok(())
}

/// `format_interval`: centiseconds as "S.CCs".
fn interval(nd: &mut Nd, i: u16) {
    if i == 0 {
        nd.s(b"0.0s (bogus)");
        return;
    }
    nd.u((i / 100) as u64);
    nd.s(b".");
    fmt::dec_pad(nd.out, (i % 100) as u64, 2);
    nd.s(b"s");
}

/// `format_interval_update`.
fn interval_update(nd: &mut Nd, i: u16) {
    if i == 0xffff {
        nd.s(b"infinity");
    } else {
        interval(nd, i);
    }
}

/// `format_timestamp`: microseconds as "S.UUUUUUs".
fn timestamp(nd: &mut Nd, t: u32) {
    nd.u((t / 1_000_000) as u64);
    nd.s(b".");
    fmt::dec_pad(nd.out, (t % 1_000_000) as u64, 6);
    nd.s(b"s");
}

/// `format_address`: IPv4-mapped addresses as IPv4.
fn address(nd: &mut Nd, a: &[u8; 16]) {
    if a[..12] == V4PREFIX[..12] {
        fmt::ipv4(nd.out, &a[12..]);
    } else {
        nd.st.ipv6.put(nd.out, a);
    }
}

/// `format_prefix`.
fn prefix(nd: &mut Nd, a: &[u8; 16], plen: u8) {
    if plen >= 96 && a[..12] == V4PREFIX[..12] {
        fmt::ipv4(nd.out, &a[12..]);
        nd.s(b"/");
        nd.u((plen - 96) as u64);
    } else {
        nd.st.ipv6.put(nd.out, a);
        nd.s(b"/");
        nd.u(plen as u64);
    }
}

/// `network_prefix`: the prefix of address encoding `ae` at `p` (`plen` None: a whole
/// address), its first `omitted` bytes taken from `dp` (`omit`: both); the bytes it took
/// from the packet, or None for an encoding error.
fn network_prefix(
    nd: &Nd,
    ae: u8,
    plen: Option<u8>,
    omit: (usize, Option<&[u8; 16]>),
    p: usize,
    len: usize,
    out: &mut [u8; 16],
) -> R<Option<usize>> {
    let (omitted, dp) = omit;
    let pb = match plen {
        Some(l) => (l as usize).div_ceil(8),
        None if ae == 1 => 4,
        None => 16,
    };
    if pb > 16 {
        return Ok(None);
    }
    let mut pfx = [0u8; 16];
    let mut consumed = 0;
    match ae {
        0 => {}
        1 => {
            if omitted > 4 || pb > 4 || (pb > omitted && len < pb - omitted) {
                return Ok(None);
            }
            pfx[..12].copy_from_slice(&V4PREFIX[..12]);
            if omitted > 0 {
                let Some(dp) = dp else { return Ok(None) };
                pfx[..12 + omitted].copy_from_slice(&dp[..12 + omitted]);
            }
            if pb > omitted {
                let n = pb - omitted;
                pfx[12 + omitted..12 + pb].copy_from_slice(nd.bytes(p, n)?);
                consumed = n;
            }
        }
        2 => {
            if omitted > 16 || (pb > omitted && len < pb - omitted) {
                return Ok(None);
            }
            if omitted > 0 {
                let Some(dp) = dp else { return Ok(None) };
                pfx[..omitted].copy_from_slice(&dp[..omitted]);
            }
            if pb > omitted {
                let n = pb - omitted;
                pfx[omitted..pb].copy_from_slice(nd.bytes(p, n)?);
                consumed = n;
            }
        }
        3 => {
            if pb > 8 && len < pb - 8 {
                return Ok(None);
            }
            pfx[0] = 0xfe;
            pfx[1] = 0x80;
            if pb > 8 {
                pfx[8..pb].copy_from_slice(nd.bytes(p, pb - 8)?);
                consumed = pb - 8;
            }
        }
        _ => return Ok(None),
    }
    *out = pfx;
    Ok(Some(consumed))
}

/// `subtlvs_print`: the sub-TLVs in `cp..ep` of a TLV of type `tlv_type`.
fn subtlvs(nd: &mut Nd, mut cp: usize, ep: usize, tlv_type: u8) -> R {
    while cp < ep {
        let subtype = nd.u1(cp)?;
        cp += 1;
        if subtype == 0 {
            nd.s(b" sub-pad1");
            continue;
        }
        if subtype & 0x80 != 0 {
            nd.s(b" (M)");
        }
        if cp == ep {
            nd.invalid();
            return Ok(());
        }
        let mut sublen = nd.u1(cp)? as usize;
        cp += 1;
        if cp + sublen > ep {
            nd.invalid();
            return Ok(());
        }
        match subtype {
            1 => {
                nd.s(b" sub-padn");
                cp += sublen;
            }
            2 => {
                nd.s(b" sub-diversity");
                if sublen == 0 {
                    nd.s(b" empty");
                    continue;
                }
                let mut sep = b" ";
                while sublen > 0 {
                    let c = nd.u1(cp)?;
                    nd.s(sep);
                    match c {
                        0 => nd.s(b"reserved"),
                        255 => nd.s(b"all"),
                        c => nd.u(c as u64),
                    }
                    cp += 1;
                    sep = b"-";
                    sublen -= 1;
                }
                if tlv_type != UPDATE && tlv_type != UPDATE_SRC_SPECIFIC {
                    nd.s(b" (bogus)");
                }
            }
            3 => {
                nd.s(b" sub-timestamp");
                if tlv_type == HELLO {
                    if sublen < 4 {
                        nd.invalid();
                        return Ok(());
                    }
                    let t1 = nd.be4(cp)?;
                    nd.s(b" ");
                    timestamp(nd, t1);
                } else if tlv_type == IHU {
                    if sublen < 8 {
                        nd.invalid();
                        return Ok(());
                    }
                    let t1 = nd.be4(cp)?;
                    nd.s(b" ");
                    timestamp(nd, t1);
                    let t2 = nd.be4(cp + 4)?;
                    nd.s(b"|");
                    timestamp(nd, t2);
                } else {
                    nd.s(b" (bogus)");
                }
                cp += sublen;
            }
            _ => {
                nd.s(b" sub-unknown-0x");
                nd.x0(subtype as u64, 2);
                cp += sublen;
            }
        }
    }
    Ok(())
}

/// " /prefix/id/unknown" of an Update's flags byte.
fn update_flags(nd: &mut Nd, flags: u8) {
    if flags & 0x80 != 0 {
        nd.s(b"/prefix");
    }
    if flags & 0x40 != 0 {
        nd.s(b"/id");
    }
    if flags & 0x3f != 0 {
        nd.s(b"/unknown");
    }
}

/// `babel_print_v2_tlvs`: the TLVs of `tlvs_length` bytes at `cp`.
fn tlvs(nd: &mut Nd, cp: usize, tlvs_length: usize, remaining: usize) -> R<Option<Stop>> {
    let mut v4_prefix = V4PREFIX;
    let mut v6_prefix = [0u8; 16];
    let v = nd.vflag > 0;
    let mut i = 0;
    // ICHECK
    let fits = |i: usize, l: usize| i + l <= tlvs_length && i + l <= remaining;
    while i < tlvs_length {
        let message = cp + i;
        if !fits(i, 1) {
            return Ok(Some(Stop::Invalid));
        }
        let typ = nd.u1(message)?;
        if typ == PAD1 {
            nd.s(if v { b"\n\tPad 1" } else { b" pad1" });
            i += 1;
            continue;
        }
        if !fits(i, 2) {
            return Ok(Some(Stop::Invalid));
        }
        if !nd.ttest(message, 2) {
            return Ok(Some(Stop::Trunc));
        }
        let len = nd.u1(message + 1)? as usize;
        if !fits(i, 2 + len) {
            return Ok(Some(Stop::Invalid));
        }
        if !nd.ttest(message, 2 + len) {
            return Ok(Some(Stop::Trunc));
        }
        let m = message;
        let bad = Ok(Some(Stop::Invalid));
        match typ {
            1 => {
                if !v {
                    nd.s(b" padN");
                } else {
                    nd.s(b"\n\tPad ");
                    nd.u((len + 2) as u64);
                }
            }
            2 => {
                if !v {
                    nd.s(b" ack-req");
                } else {
                    nd.s(b"\n\tAcknowledgment Request ");
                    if len < 6 {
                        return bad;
                    }
                    let (nonce, ivl) = (nd.be2(m + 4)?, nd.be2(m + 6)?);
                    nd.x0(nonce as u64, 4);
                    nd.s(b" ");
                    interval(nd, ivl);
                }
            }
            3 => {
                if !v {
                    nd.s(b" ack");
                } else {
                    nd.s(b"\n\tAcknowledgment ");
                    if len < 2 {
                        return bad;
                    }
                    let nonce = nd.be2(m + 2)?;
                    nd.x0(nonce as u64, 4);
                }
            }
            HELLO => {
                if !v {
                    nd.s(b" hello");
                } else {
                    nd.s(b"\n\tHello ");
                    if len < 6 {
                        return bad;
                    }
                    let unicast = nd.be2(m + 2)? & 0x8000 != 0;
                    let (seqno, ivl) = (nd.be2(m + 4)?, nd.be2(m + 6)?);
                    if unicast {
                        nd.s(b"(Unicast) ");
                    }
                    nd.s(b"seqno ");
                    nd.u(seqno as u64);
                    nd.s(b" ");
                    if ivl != 0 {
                        nd.s(b"interval ");
                        interval(nd, ivl);
                    } else {
                        nd.s(b"unscheduled");
                    }
                    if len > 6 {
                        subtlvs(nd, m + 8, m + 2 + len, typ)?;
                    }
                }
            }
            IHU => {
                if !v {
                    nd.s(b" ihu");
                } else {
                    nd.s(b"\n\tIHU ");
                    if len < 6 {
                        return bad;
                    }
                    let (rxcost, ivl) = (nd.be2(m + 4)?, nd.be2(m + 6)?);
                    let ae = nd.u1(m + 2)?;
                    let mut a = [0u8; 16];
                    match network_prefix(nd, ae, None, (0, None), m + 8, len - 6, &mut a)? {
                        // tcpdump prints its truncation mark here and goes on.
                        None => nd.trunc(),
                        Some(rc) => {
                            if ae == 0 {
                                nd.s(b"any");
                            } else {
                                address(nd, &a);
                            }
                            nd.s(b" rxcost ");
                            nd.u(rxcost as u64);
                            nd.s(b" interval ");
                            interval(nd, ivl);
                            if rc < len - 6 {
                                subtlvs(nd, m + 8 + rc, m + 2 + len, typ)?;
                            }
                        }
                    }
                }
            }
            6 => {
                if !v {
                    nd.s(b" router-id");
                } else {
                    nd.s(b"\n\tRouter Id");
                    if len < 10 {
                        return bad;
                    }
                    nd.need(m + 4, 8)?;
                    nd.s(b" ");
                    id(nd, m + 4)?;
                }
            }
            7 => {
                if !v {
                    nd.s(b" nh");
                } else {
                    nd.s(b"\n\tNext Hop");
                    if len < 2 {
                        return bad;
                    }
                    let ae = nd.u1(m + 2)?;
                    let mut nh = [0u8; 16];
                    if network_prefix(nd, ae, None, (0, None), m + 4, len - 2, &mut nh)?.is_none() {
                        return bad;
                    }
                    nd.s(b" ");
                    if ae == 0 {
                        nd.s(b"invalid AE 0");
                    } else {
                        address(nd, &nh);
                    }
                }
            }
            UPDATE => {
                if !v {
                    nd.s(b" update");
                    if len < 10 {
                        return bad;
                    }
                    let flags = nd.u1(m + 3)?;
                    update_flags(nd, flags);
                } else {
                    nd.s(b"\n\tUpdate");
                    if len < 10 {
                        return bad;
                    }
                    let ae = nd.u1(m + 2)?;
                    let raw_plen = nd.u1(m + 4)?;
                    let plen = raw_plen.wrapping_add(if ae == 1 { 96 } else { 0 });
                    let omitted = nd.u1(m + 5)? as usize;
                    let dp = if ae == 1 { v4_prefix } else { v6_prefix };
                    let mut pfx = [0u8; 16];
                    let Some(rc) = network_prefix(
                        nd,
                        ae,
                        Some(raw_plen),
                        (omitted, Some(&dp)),
                        m + 12,
                        len - 10,
                        &mut pfx,
                    )?
                    else {
                        return bad;
                    };
                    let (ivl, seqno, metric) = (nd.be2(m + 6)?, nd.be2(m + 8)?, nd.be2(m + 10)?);
                    let flags = nd.u1(m + 3)?;
                    update_flags(nd, flags);
                    nd.s(b" ");
                    if ae == 0 {
                        nd.s(b"any");
                    } else {
                        prefix(nd, &pfx, plen);
                    }
                    nd.s(b" metric ");
                    nd.u(metric as u64);
                    nd.s(b" seqno ");
                    nd.u(seqno as u64);
                    nd.s(b" interval ");
                    interval_update(nd, ivl);
                    if flags & 0x80 != 0 {
                        if ae == 1 {
                            v4_prefix = pfx;
                        } else {
                            v6_prefix = pfx;
                        }
                    }
                    if rc < len - 10 {
                        subtlvs(nd, m + 12 + rc, m + 2 + len, typ)?;
                    }
                }
            }
            9 => {
                if !v {
                    nd.s(b" route-request");
                } else {
                    nd.s(b"\n\tRoute Request ");
                    if len < 2 {
                        return bad;
                    }
                    let ae = nd.u1(m + 2)?;
                    let raw_plen = nd.u1(m + 3)?;
                    let plen = raw_plen.wrapping_add(if ae == 1 { 96 } else { 0 });
                    let mut pfx = [0u8; 16];
                    let r = network_prefix(
                        nd,
                        ae,
                        Some(raw_plen),
                        (0, None),
                        m + 4,
                        len - 2,
                        &mut pfx,
                    )?;
                    if r.is_none() {
                        return bad;
                    }
                    nd.s(b"for ");
                    if ae == 0 {
                        nd.s(b"any");
                    } else {
                        prefix(nd, &pfx, plen);
                    }
                }
            }
            10 => {
                if !v {
                    nd.s(b" seqno-request");
                } else {
                    nd.s(b"\n\tSeqno Request ");
                    if len < 14 {
                        return bad;
                    }
                    let ae = nd.u1(m + 2)?;
                    let seqno = nd.be2(m + 4)?;
                    let raw_plen = nd.u1(m + 3)?;
                    let mut pfx = [0u8; 16];
                    let r = network_prefix(
                        nd,
                        ae,
                        Some(raw_plen),
                        (0, None),
                        m + 16,
                        len - 14,
                        &mut pfx,
                    )?;
                    if r.is_none() {
                        return bad;
                    }
                    let plen = raw_plen.wrapping_add(if ae == 1 { 96 } else { 0 });
                    let hops = nd.u1(m + 6)?;
                    nd.need(m + 8, 8)?;
                    nd.s(b"(");
                    nd.u(hops as u64);
                    nd.s(b" hops) for ");
                    if ae == 0 {
                        nd.s(b"invalid AE 0");
                    } else {
                        prefix(nd, &pfx, plen);
                    }
                    nd.s(b" seqno ");
                    nd.u(seqno as u64);
                    nd.s(b" id ");
                    id(nd, m + 8)?;
                }
            }
            11 => {
                if !v {
                    nd.s(b" tspc");
                } else {
                    nd.s(b"\n\tTS/PC ");
                    if len < 6 {
                        return bad;
                    }
                    let (ts, pc) = (nd.be4(m + 4)?, nd.be2(m + 2)?);
                    nd.s(b"timestamp ");
                    nd.u(ts as u64);
                    nd.s(b" packetcounter ");
                    nd.u(pc as u64);
                }
            }
            12 => {
                if !v {
                    nd.s(b" hmac");
                } else {
                    nd.s(b"\n\tHMAC ");
                    if len < 18 {
                        return bad;
                    }
                    let key = nd.be2(m + 2)?;
                    nd.s(b"key-id ");
                    nd.u(key as u64);
                    nd.s(b" digest-");
                    nd.u((len - 2) as u64);
                    nd.s(b" ");
                    for j in 0..len - 2 {
                        let c = nd.u1(m + j + 4)?;
                        for d in [c >> 4, c & 15] {
                            nd.out.push(b"0123456789ABCDEF"[d as usize]);
                        }
                    }
                }
            }
            UPDATE_SRC_SPECIFIC => {
                if !v {
                    nd.s(b" ss-update");
                } else {
                    nd.s(b"\n\tSS-Update");
                    if len < 10 {
                        return bad;
                    }
                    let ae = nd.u1(m + 2)?;
                    let mut src_plen = nd.u1(m + 3)?;
                    let mut plen = nd.u1(m + 4)?;
                    let omitted = nd.u1(m + 5)? as usize;
                    let (ivl, seqno, metric) = (nd.be2(m + 6)?, nd.be2(m + 8)?, nd.be2(m + 10)?);
                    let mut parsed = 10;
                    let dp = if ae == 1 { v4_prefix } else { v6_prefix };
                    let (mut pfx, mut src) = ([0u8; 16], [0u8; 16]);
                    let at = m + 2 + parsed;
                    let Some(rc) = network_prefix(
                        nd,
                        ae,
                        Some(plen),
                        (omitted, Some(&dp)),
                        at,
                        len - parsed,
                        &mut pfx,
                    )?
                    else {
                        return bad;
                    };
                    if ae == 1 {
                        plen = plen.wrapping_add(96);
                    }
                    parsed += rc;
                    let at = m + 2 + parsed;
                    let Some(rc) = network_prefix(
                        nd,
                        ae,
                        Some(src_plen),
                        (0, None),
                        at,
                        len - parsed,
                        &mut src,
                    )?
                    else {
                        return bad;
                    };
                    if ae == 1 {
                        src_plen = src_plen.wrapping_add(96);
                    }
                    parsed += rc;
                    nd.s(b" ");
                    prefix(nd, &pfx, plen);
                    nd.s(b" from ");
                    prefix(nd, &src, src_plen);
                    nd.s(b" metric ");
                    nd.u(metric as u64);
                    nd.s(b" seqno ");
                    nd.u(seqno as u64);
                    nd.s(b" interval ");
                    interval_update(nd, ivl);
                    if parsed < len {
                        subtlvs(nd, m + 2 + parsed, m + 2 + len, typ)?;
                    }
                }
            }
            14 => {
                if !v {
                    nd.s(b" ss-request");
                } else {
                    nd.s(b"\n\tSS-Request ");
                    if len < 3 {
                        return bad;
                    }
                    let ae = nd.u1(m + 2)?;
                    let mut plen = nd.u1(m + 3)?;
                    let mut src_plen = nd.u1(m + 4)?;
                    let mut parsed = 3;
                    let (mut pfx, mut src) = ([0u8; 16], [0u8; 16]);
                    let at = m + 2 + parsed;
                    let Some(rc) =
                        network_prefix(nd, ae, Some(plen), (0, None), at, len - parsed, &mut pfx)?
                    else {
                        return bad;
                    };
                    if ae == 1 {
                        plen = plen.wrapping_add(96);
                    }
                    parsed += rc;
                    let at = m + 2 + parsed;
                    if network_prefix(
                        nd,
                        ae,
                        Some(src_plen),
                        (0, None),
                        at,
                        len - parsed,
                        &mut src,
                    )?
                    .is_none()
                    {
                        return bad;
                    }
                    if ae == 1 {
                        src_plen = src_plen.wrapping_add(96);
                    }
                    if ae == 0 {
                        nd.s(b"for any");
                    } else {
                        nd.s(b"for (");
                        prefix(nd, &pfx, plen);
                        nd.s(b", ");
                        prefix(nd, &src, src_plen);
                        nd.s(b")");
                    }
                }
            }
            15 => {
                if !v {
                    nd.s(b" ss-mh-request");
                } else {
                    nd.s(b"\n\tSS-MH-Request ");
                    if len < 14 {
                        return bad;
                    }
                    let ae = nd.u1(m + 2)?;
                    let mut plen = nd.u1(m + 3)?;
                    let seqno = nd.be2(m + 4)?;
                    let hopc = nd.u1(m + 6)?;
                    let mut src_plen = nd.u1(m + 7)?;
                    let mut parsed = 14;
                    let (mut pfx, mut src) = ([0u8; 16], [0u8; 16]);
                    let at = m + 2 + parsed;
                    let Some(rc) =
                        network_prefix(nd, ae, Some(plen), (0, None), at, len - parsed, &mut pfx)?
                    else {
                        return bad;
                    };
                    if ae == 1 {
                        plen = plen.wrapping_add(96);
                    }
                    parsed += rc;
                    let at = m + 2 + parsed;
                    if network_prefix(
                        nd,
                        ae,
                        Some(src_plen),
                        (0, None),
                        at,
                        len - parsed,
                        &mut src,
                    )?
                    .is_none()
                    {
                        return bad;
                    }
                    if ae == 1 {
                        src_plen = src_plen.wrapping_add(96);
                    }
                    nd.s(b"(");
                    nd.u(hopc as u64);
                    nd.s(b" hops) for (");
                    prefix(nd, &pfx, plen);
                    nd.s(b", ");
                    nd.need(m + 8, 8)?;
                    prefix(nd, &src, src_plen);
                    nd.s(b") seqno ");
                    nd.u(seqno as u64);
                    nd.s(b" id ");
                    id(nd, m + 8)?;
                }
            }
            16 => {
                if !v {
                    nd.s(b" mac");
                } else {
                    nd.s(b"\n\tMAC len ");
                    nd.u(len as u64);
                }
            }
            17 => {
                if !v {
                    nd.s(b" pc");
                } else {
                    nd.s(b"\n\tPC");
                    if len < 4 {
                        return bad;
                    }
                    let value = nd.be4(m + 2)?;
                    nd.s(b" value ");
                    nd.u(value as u64);
                    nd.s(b" index len ");
                    nd.u((len - 4) as u64);
                }
            }
            18 | 19 => {
                if !v {
                    nd.s(if typ == 18 {
                        b" challenge_request"
                    } else {
                        b" challenge_reply"
                    });
                } else {
                    nd.s(if typ == 18 {
                        b"\n\tChallenge Request".as_slice()
                    } else {
                        b"\n\tChallenge Reply"
                    });
                    if len > 192 {
                        return bad;
                    }
                    nd.s(b" len ");
                    nd.u(len as u64);
                }
            }
            _ => {
                if !v {
                    nd.s(b" unknown");
                } else {
                    nd.s(b"\n\tUnknown message type ");
                    nd.u(typ as u64);
                }
            }
        }
        i += len + 2;
    }
    Ok(None)
}

/// The end of a TLV walk: a truncation ends the line like tcpdump's own `trunc:` label.
fn stop(nd: &mut Nd, s: Option<Stop>) -> R<bool> {
    match s {
        None => Ok(false),
        Some(Stop::Trunc) => Err(nd.local_trunc()),
        Some(Stop::Invalid) => {
            nd.invalid();
            Ok(true)
        }
    }
}

/// `babel_print`.
pub(crate) fn babel_print(nd: &mut Nd, cp: usize, length: usize) -> R {
    nd.proto = "babel";
    nd.s(b"babel");
    nd.tcheck(cp, 4)?;
    if nd.u1(cp)? != 42 {
        nd.s(b" invalid header");
        return Ok(());
    }
    let version = nd.u1(cp + 1)?;
    nd.s(b" ");
    nd.u(version as u64);
    if version != 2 {
        nd.s(b" unknown version");
        return Ok(());
    }
    // babel_print_v2
    if length < 4 {
        nd.invalid();
        return Ok(());
    }
    let bodylen = nd.be2(cp + 2)? as usize;
    nd.s(b" (");
    nd.u(bodylen as u64);
    nd.s(b")");
    let (cp, length) = (cp + 4, length - 4);
    if length < bodylen {
        nd.invalid();
        return Ok(());
    }
    let s = tlvs(nd, cp, bodylen, length)?;
    if stop(nd, s)? {
        return Ok(());
    }
    let (cp, length) = (cp + bodylen, length - bodylen);
    if length != 0 {
        nd.s(if nd.vflag > 0 { b"\n\t----" } else { b" |" });
        let s = tlvs(nd, cp, length, length)?;
        stop(nd, s)?;
    }
    Ok(())
}
