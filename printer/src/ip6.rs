//! IPv6 and its extension headers at default verbosity (tcpdump's print-ip6.c,
//! print-ip6opts.c, print-frag6.c, print-rt6.c; mobility headers are not decoded).

use super::ip;
use super::names;
use super::nd::{Nd, R};

/// `ip6_print`.
pub(crate) fn ip6_print(nd: &mut Nd, bp: usize, length: usize) -> R {
    nd.proto = "ip6";
    if !nd.ttest(bp, 40) {
        nd.trunc();
        return Ok(());
    }
    if length < 40 {
        nd.s(b"truncated-ip6 ");
        nd.u(length as u64);
        return Ok(());
    }
    if !nd.eflag {
        nd.s(b"IP6 ");
    }
    let v = nd.u1(bp)? >> 4;
    if v != 6 {
        nd.s(b"version error: ");
        nd.u(v as u64);
        nd.s(b" != 6");
        return Ok(());
    }
    let mut payload_len = nd.be2(bp + 4)? as usize;
    let mut len;
    if payload_len != 0 {
        len = payload_len + 40;
        if length < len {
            nd.s(b"truncated-ip6 - ");
            nd.u((len - length) as u64);
            nd.s(b" bytes missing!");
        }
    } else {
        len = length + 40;
    }
    let mut ph: u8 = 255;
    let mut nh = nd.u1(bp + 6)?;
    if nd.vflag > 0 {
        let flow = nd.be4(bp)?;
        nd.s(b"(");
        if flow & 0x0ff0_0000 != 0 {
            nd.s(b"class 0x");
            nd.x0(((flow & 0x0ff0_0000) >> 20) as u64, 2);
            nd.s(b", ");
        }
        if flow & 0x000f_ffff != 0 {
            nd.s(b"flowlabel 0x");
            nd.x0((flow & 0x000f_ffff) as u64, 5);
            nd.s(b", ");
        }
        let hlim = nd.u1(bp + 7)?;
        nd.s(b"hlim ");
        nd.u(hlim as u64);
        nd.s(b", next-header ");
        nd.st(names::ipproto(nh).unwrap_or("unknown"));
        nd.s(b" (");
        nd.u(nh as u64);
        nd.s(b") payload length: ");
        nd.u(payload_len as u64);
        nd.s(b") ");
    }
    let saved = nd.push_snaplen(bp, len);
    let mut cp = bp;
    let mut advance: usize = 40;
    let mut total_advance = 0usize;
    let mut found_ext = false;
    let mut found_jumbo = false;
    let mut found_hbh = false;
    let mut fragmented = false;
    while cp < nd.snapend {
        if len < advance {
            nd.trunc();
            return Ok(());
        }
        cp += advance;
        len -= advance;
        total_advance += advance;
        if cp == bp + 40 && !matches!(nh, 6 | 17 | 33 | 132) {
            nd.ip6(bp + 8)?;
            nd.s(b" > ");
            nd.ip6(bp + 24)?;
            nd.s(b": ");
        }
        match nh {
            0 => {
                if found_hbh {
                    nd.s(b"[The Hop-by-Hop Options header was already found]");
                    nd.invalid();
                    return Ok(());
                }
                if ph != 255 {
                    nd.s(b"[The Hop-by-Hop Options header don't follow the IPv6 header]");
                    nd.invalid();
                    return Ok(());
                }
                let r = hbhopt_process(nd, cp, &mut found_jumbo, &mut payload_len)?;
                if payload_len == 0 && !found_jumbo {
                    nd.s(b"[No valid Jumbo Payload Hop-by-Hop option found]");
                    nd.invalid();
                    return Ok(());
                }
                match r {
                    Some(a) => advance = a,
                    None => {
                        nd.snapend = saved;
                        return Ok(());
                    }
                }
                found_ext = true;
                found_hbh = true;
                nh = nd.u1(cp)?;
            }
            60 => {
                match dstopt_process(nd, cp)? {
                    Some(a) => advance = a,
                    None => {
                        nd.snapend = saved;
                        return Ok(());
                    }
                }
                found_ext = true;
                nh = nd.u1(cp)?;
            }
            44 => {
                match frag6_print(nd, cp, bp)? {
                    Some(a) if nd.snapend > cp + a => advance = a,
                    _ => {
                        nd.snapend = saved;
                        return Ok(());
                    }
                }
                found_ext = true;
                nh = nd.u1(cp)?;
                fragmented = true;
            }
            43 => {
                if !nd.ttest(cp, 1) {
                    nd.trunc();
                    return Ok(());
                }
                match rt6_print(nd, cp)? {
                    Some(a) => advance = a,
                    None => {
                        nd.snapend = saved;
                        return Ok(());
                    }
                }
                found_ext = true;
                nh = nd.u1(cp)?;
            }
            135 | 62 => {
                // tcpdump stops the header chain after a mobility header, whatever follows.
                super::mobility::mobility_print(nd, cp)?;
                nd.snapend = saved;
                return Ok(());
            }
            _ => {
                if found_jumbo {
                    len = payload_len + 40;
                    if len < total_advance {
                        nd.trunc();
                        return Ok(());
                    }
                    if length < len {
                        nd.s(b"truncated-ip6 - ");
                        nd.u((len - length) as u64);
                        nd.s(b" bytes missing!");
                    }
                    change_snaplen(nd, bp, len);
                    len -= total_advance;
                } else if payload_len == 0 {
                    if found_ext {
                        nd.trunc();
                        return Ok(());
                    }
                    len = 40;
                    change_snaplen(nd, bp, len);
                    len -= total_advance;
                }
                let hl = nd.u1(bp + 7)?;
                ip::demux(nd, cp, len, 6, fragmented, hl, nh, bp)?;
                nd.snapend = saved;
                return Ok(());
            }
        }
        ph = nh;
        nd.proto = "ip6";
        let _ = ph;
    }
    nd.snapend = saved;
    Ok(())
}

/// `nd_change_snaplen`: snapend = bp + len, but never past the captured data.
fn change_snaplen(nd: &mut Nd, bp: usize, len: usize) {
    let end = (bp + len).min(nd.b.len());
    nd.snapend = end;
}

/// `ip6_opt_process`: errors always print, the options themselves from `-v` on.
/// Returns Ok(false) where tcpdump returns -1.
fn opt_process(
    nd: &mut Nd,
    bp: usize,
    len: usize,
    found_jumbo: &mut bool,
    payload_len: Option<&mut usize>,
) -> R<bool> {
    let mut i = 0usize;
    let mut jumbo_seen = false;
    let mut payload_len = payload_len;
    let v = nd.vflag > 0;
    if len == 0 {
        return Ok(true);
    }
    while i < len {
        let t = nd.u1(bp + i)?;
        let optlen = if t == 0 {
            1
        } else if i + 1 < len {
            nd.u1(bp + i + 1)? as usize + 2
        } else {
            return Ok(false);
        };
        if i + optlen > len {
            return Ok(false);
        }
        match t {
            0 => {
                if v {
                    nd.s(b"(pad1)");
                }
            }
            1 => {
                if len - i < 2 {
                    nd.s(b"(padn: trunc)");
                    return Ok(false);
                }
                if v {
                    nd.s(b"(padn)");
                }
            }
            5 => {
                if len - i < 4 {
                    nd.s(b"(rtalert: trunc)");
                    return Ok(false);
                }
                let l = nd.u1(bp + i + 1)?;
                if l != 2 {
                    nd.s(b"(rtalert: invalid len ");
                    nd.u(l as u64);
                    nd.s(b")");
                    return Ok(false);
                }
                if v {
                    let a = nd.be2(bp + i + 2)?;
                    nd.s(b"(rtalert: 0x");
                    nd.x0(a as u64, 4);
                    nd.s(b") ");
                }
            }
            0xc2 => {
                if len - i < 6 {
                    nd.s(b"(jumbo: trunc)");
                    return Ok(false);
                }
                let l = nd.u1(bp + i + 1)?;
                if l != 4 {
                    nd.s(b"(jumbo: invalid len ");
                    nd.u(l as u64);
                    nd.s(b")");
                    return Ok(false);
                }
                let jumbolen = nd.be4(bp + i + 2)?;
                let why: Option<&[u8]> = if jumbo_seen {
                    Some(b" - already seen")
                } else {
                    jumbo_seen = true;
                    match payload_len.as_deref_mut() {
                        None => Some(b" - not a hop-by-hop option"),
                        Some(p) if *p != 0 => Some(b" - payload len != 0"),
                        Some(_) if jumbolen < 65536 => Some(b" - < 65536"),
                        Some(p) => {
                            *found_jumbo = true;
                            *p = jumbolen as usize;
                            None
                        }
                    }
                };
                if v {
                    nd.s(b"(jumbo: ");
                    nd.u(jumbolen as u64);
                    if let Some(w) = why {
                        nd.s(w);
                    }
                    nd.s(b") ");
                }
            }
            0xc9 => {
                if len - i < 18 {
                    nd.s(b"(homeaddr: trunc)");
                    return Ok(false);
                }
                let l = nd.u1(bp + i + 1)?;
                if (l as usize) < 16 {
                    nd.s(b"(homeaddr: invalid len ");
                    nd.u(l as u64);
                    nd.s(b")");
                    return Ok(false);
                }
                if v {
                    nd.s(b"(homeaddr: ");
                    nd.ip6(bp + i + 2)?;
                    if l > 16 && !sopt_print(nd, bp + i + 18, optlen - 18)? {
                        return Ok(false);
                    }
                    nd.s(b")");
                }
            }
            t => {
                if len - i < 2 {
                    nd.s(b"(type ");
                    nd.u(t as u64);
                    nd.s(b": trunc)");
                    return Ok(false);
                }
                if v {
                    let l = nd.u1(bp + i + 1)?;
                    nd.s(b"(opt_type 0x");
                    nd.x0(t as u64, 2);
                    nd.s(b": len=");
                    nd.u(l as u64);
                    nd.s(b")");
                }
            }
        }
        i += optlen;
    }
    if v {
        nd.s(b" ");
    }
    Ok(true)
}

/// `ip6_sopt_print`: the sub-options of a home address option (`-v`).
fn sopt_print(nd: &mut Nd, bp: usize, len: usize) -> R<bool> {
    let mut i = 0;
    while i < len {
        let t = nd.u1(bp + i)?;
        let optlen = if t == 0 {
            1
        } else if i + 1 < len {
            nd.u1(bp + i + 1)? as usize + 2
        } else {
            return Ok(false);
        };
        if i + optlen > len {
            return Ok(false);
        }
        match t {
            0 => nd.s(b", pad1"),
            1 => {
                if len - i < 2 {
                    nd.s(b", padn: trunc");
                    return Ok(false);
                }
                nd.s(b", padn");
            }
            _ => {
                if len - i < 2 {
                    nd.s(b", sopt_type ");
                    nd.u(t as u64);
                    nd.s(b": trunc)");
                    return Ok(false);
                }
                let l = nd.u1(bp + i + 1)?;
                nd.s(b", sopt_type 0x");
                nd.x0(t as u64, 2);
                nd.s(b": len=");
                nd.u(l as u64);
            }
        }
        i += optlen;
    }
    Ok(true)
}

/// `hbhopt_process`: Some(header length) or None where tcpdump returns -1.
fn hbhopt_process(
    nd: &mut Nd,
    bp: usize,
    found_jumbo: &mut bool,
    payload_len: &mut usize,
) -> R<Option<usize>> {
    nd.proto = "hbhopt";
    let hbhlen = (nd.u1(bp + 1)? as usize + 1) << 3;
    if !nd.ttest(bp, hbhlen) {
        nd.trunc();
        return Ok(None);
    }
    nd.s(b"HBH ");
    if !opt_process(nd, bp + 2, hbhlen - 2, found_jumbo, Some(payload_len))? {
        nd.trunc();
        return Ok(None);
    }
    Ok(Some(hbhlen))
}

/// `dstopt_process`: at default verbosity the options are not even parsed.
fn dstopt_process(nd: &mut Nd, bp: usize) -> R<Option<usize>> {
    nd.proto = "dstopt";
    let l = (nd.u1(bp + 1)? as usize + 1) << 3;
    if !nd.ttest(bp, l) {
        nd.trunc();
        return Ok(None);
    }
    nd.s(b"DSTOPT ");
    if nd.vflag > 0 && !opt_process(nd, bp + 2, l - 2, &mut false, None)? {
        nd.trunc();
        return Ok(None);
    }
    Ok(Some(l))
}

/// `frag6_print`.
fn frag6_print(nd: &mut Nd, bp: usize, ip6: usize) -> R<Option<usize>> {
    nd.proto = "frag6";
    let offlg = nd.be2(bp + 2)?;
    let plen = nd.be2(ip6 + 4)? as i64;
    // C evaluates every argument (the identification too) before printing any of it.
    let ident = if nd.vflag > 0 {
        Some(nd.be4(bp + 4)?)
    } else {
        None
    };
    nd.s(b"frag (");
    if let Some(ident) = ident {
        nd.s(b"0x");
        nd.x0(ident as u64, 8);
        nd.s(b":");
    }
    nd.u((offlg & 0xfff8) as u64);
    nd.s(b"|");
    // sizeof(ip6_hdr) + plen - (bp - bp2) - sizeof(ip6_frag), as a size_t.
    let v = 40 + plen - (bp - ip6) as i64 - 8;
    nd.u(v as u64);
    nd.s(b")");
    if offlg & 0xfff8 != 0 {
        Ok(None)
    } else {
        nd.s(b" ");
        Ok(Some(8))
    }
}

/// `rt6_print`.
fn rt6_print(nd: &mut Nd, bp: usize) -> R<Option<usize>> {
    nd.proto = "rt6";
    nd.s(b"RT6");
    let mut len = nd.u1(bp + 1)? as usize;
    nd.s(b" (len=");
    nd.u(len as u64);
    let t = nd.u1(bp + 2)?;
    nd.s(b", type=");
    nd.u(t as u64);
    if t == 0 {
        nd.s(b" [Deprecated]");
    }
    let sl = nd.u1(bp + 3)?;
    nd.s(b", segleft=");
    nd.u(sl as u64);
    match t {
        0 | 2 => {
            let rsv = nd.be4(bp + 4)?;
            if rsv != 0 || nd.vflag > 0 {
                nd.s(b", rsv=0x");
                nd.x(rsv as u64);
            }
            if len % 2 == 1 {
                nd.s(b" (invalid length ");
                nd.u(len as u64);
                nd.s(b")");
                nd.invalid();
                return Ok(None);
            }
            len >>= 1;
            let mut p = bp + 8;
            for i in 0..len {
                nd.need(p, 16)?;
                nd.s(b", [");
                nd.u(i as u64);
                nd.s(b"]");
                nd.ip6(p)?;
                p += 16;
            }
            nd.s(b") ");
            Ok(Some((nd.u1(bp + 1)? as usize + 1) << 3))
        }
        4 => {
            let last = nd.u1(bp + 4)?;
            nd.s(b", last-entry=");
            nd.u(last as u64);
            let flags = nd.u1(bp + 5)?;
            if flags != 0 || nd.vflag > 0 {
                nd.s(b", flags=0x");
                nd.x(flags as u64);
            }
            let tag = nd.be2(bp + 6)?;
            nd.s(b", tag=");
            nd.x(tag as u64);
            if len % 2 == 1 {
                nd.s(b" (invalid length ");
                nd.u(len as u64);
                nd.s(b")");
                nd.invalid();
                return Ok(None);
            }
            len >>= 1;
            let mut p = bp + 8;
            for i in 0..len {
                nd.need(p, 16)?;
                nd.s(b", [");
                nd.u(i as u64);
                nd.s(b"]");
                nd.ip6(p)?;
                p += 16;
            }
            nd.s(b") ");
            Ok(Some((nd.u1(bp + 1)? as usize + 1) << 3))
        }
        _ => {
            nd.s(b" (unknown type)");
            nd.invalid();
            Ok(None)
        }
    }
}

/// `ip6_finddst`: the final destination for pseudo-header checksums, from the first routing
/// header (types 0 and 2: its last address; type 4: segment 0) if one comes before the
/// payload, else the header's destination.
pub(crate) fn finddst(nd: &Nd, ip6: usize) -> R<[u8; 16]> {
    let mut cp = ip6;
    let mut advance = 40;
    let mut nh = nd.u1(ip6 + 6)?;
    let mut dst = ip6 + 24;
    while cp < nd.snapend {
        cp += advance;
        match nh {
            0 | 60 | 135 | 62 => {
                advance = (nd.u1(cp + 1)? as usize + 1) << 3;
                nh = nd.u1(cp)?;
            }
            44 => {
                advance = 8;
                nh = nd.u1(cp)?;
            }
            43 => {
                // ND_TCHECK failures end the search with what was found so far.
                if !nd.ttest(cp, 4) {
                    break;
                }
                let len = nd.u1(cp + 1)? as usize;
                match nd.u1(cp + 2)? {
                    0 | 2 if len % 2 == 0 => {
                        let mut p = cp + 8;
                        for _ in 0..len / 2 {
                            if !nd.ttest(p, 16) {
                                break;
                            }
                            dst = p;
                            p += 16;
                        }
                    }
                    4 if len % 2 == 0 && nd.ttest(cp + 8, 16) => dst = cp + 8,
                    _ => {}
                }
                break;
            }
            _ => break,
        }
    }
    Ok(nd.bytes(dst, 16)?.try_into().unwrap())
}
