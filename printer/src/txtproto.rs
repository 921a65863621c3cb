//! Text protocols tcpdump shows by their first line (with -v: all their text lines): HTTP,
//! RTSP, FTP, SMTP (util-print.c's `txtproto_print`), and the SSH version banner (print-ssh.c).

use super::nd::{Nd, Trunc, R};

const HTTP_CMDS: &[&[u8]] = &[
    b"GET",
    b"PUT",
    b"COPY",
    b"HEAD",
    b"LOCK",
    b"MOVE",
    b"POLL",
    b"POST",
    b"BCOPY",
    b"BMOVE",
    b"MKCOL",
    b"TRACE",
    b"LABEL",
    b"MERGE",
    b"DELETE",
    b"SEARCH",
    b"UNLOCK",
    b"REPORT",
    b"UPDATE",
    b"NOTIFY",
    b"BDELETE",
    b"CONNECT",
    b"OPTIONS",
    b"CHECKIN",
    b"PROPFIND",
    b"CHECKOUT",
    b"CCM_POST",
    b"SUBSCRIBE",
    b"PROPPATCH",
    b"BPROPFIND",
    b"BPROPPATCH",
    b"UNCHECKOUT",
    b"MKACTIVITY",
    b"MKWORKSPACE",
    b"UNSUBSCRIBE",
    b"RPC_CONNECT",
    b"VERSION-CONTROL",
    b"BASELINE-CONTROL",
];

const RTSP_CMDS: &[&[u8]] = &[
    b"DESCRIBE",
    b"ANNOUNCE",
    b"GET_PARAMETER",
    b"OPTIONS",
    b"PAUSE",
    b"PLAY",
    b"RECORD",
    b"REDIRECT",
    b"SETUP",
    b"SET_PARAMETER",
    b"TEARDOWN",
];

const MAX_TOKEN: usize = 128;

#[inline]
fn isprint(c: u8) -> bool {
    (0x20..=0x7e).contains(&c)
}

pub(crate) fn http_print(nd: &mut Nd, p: usize, len: usize) -> R {
    nd.proto = "http";
    txtproto_print(nd, p, len, Some(HTTP_CMDS), true)
}

pub(crate) fn rtsp_print(nd: &mut Nd, p: usize, len: usize) -> R {
    nd.proto = "rtsp";
    txtproto_print(nd, p, len, Some(RTSP_CMDS), true)
}

pub(crate) fn ftp_print(nd: &mut Nd, p: usize, len: usize) -> R {
    nd.proto = "ftp";
    txtproto_print(nd, p, len, None, false)
}

pub(crate) fn whois_print(nd: &mut Nd, p: usize, len: usize) -> R {
    nd.proto = "whois";
    txtproto_print(nd, p, len, None, false)
}

pub(crate) fn smtp_print(nd: &mut Nd, p: usize, len: usize) -> R {
    nd.proto = "smtp";
    txtproto_print(nd, p, len, None, false)
}

/// `fetch_token`: the token at `idx` (its bytes are `nd.b[p + start..p + start + n]`, set in
/// `tok` as (start, n): the token is a slice of the packet, not a copy); returns the index
/// after it and the blanks that follow, or 0 for "no token".
fn fetch_token(nd: &Nd, p: usize, mut idx: usize, len: usize, tok: &mut (usize, usize)) -> usize {
    *tok = (idx, 0);
    // The captured bytes from p on: a byte past them ends the token as tcpdump's
    // ND_TTEST_1 does (checked once here, not per byte).
    let data = &nd.b[p.min(nd.snapend)..nd.snapend];
    // Eight bytes a step while all are token bytes (0x21..=0x7e) and the token stays
    // within MAX_TOKEN: HTTP body segments are scanned this way on every packet.
    const ONES: u64 = u64::MAX / 255;
    while tok.1 + 8 <= MAX_TOKEN && idx + 8 <= len && idx + 8 <= data.len() {
        let x = u64::from_le_bytes(data[idx..idx + 8].try_into().expect("8 bytes"));
        let below = x.wrapping_sub(ONES * 0x21) & !x & (ONES * 0x80);
        // Adding 127 - 0x7e = 1 to each byte sets its top bit when it is above 0x7e.
        let above = (x.wrapping_add(ONES) | x) & (ONES * 0x80);
        if below | above != 0 {
            break;
        }
        tok.1 += 8;
        idx += 8;
    }
    while idx < len {
        let Some(&c) = data.get(idx) else {
            return 0;
        };
        if c >= 0x80 {
            return 0;
        }
        if c == b' ' || c == b'\t' || c == b'\r' || c == b'\n' {
            break;
        }
        if !isprint(c) {
            return 0;
        }
        if tok.1 + 2 > MAX_TOKEN + 1 {
            return 0;
        }
        tok.1 += 1;
        idx += 1;
    }
    if tok.1 == 0 {
        return 0;
    }
    while idx < len {
        let Some(&c) = data.get(idx) else {
            break;
        };
        if c == b'\r' || c == b'\n' || !isprint(c) || (c != b' ' && c != b'\t') {
            break;
        }
        idx += 1;
    }
    idx
}

/// How many of `data`'s first bytes are printable (0x20..=0x7e), counted in whole
/// 16-byte blocks with SSE2 (x86-64's baseline): exact up to the first other byte when it
/// lies in a whole block, else a multiple of 16 (the caller's byte loop does the rest).
#[cfg(target_arch = "x86_64")]
#[inline]
fn printable_blocks(data: &[u8]) -> usize {
    use std::arch::x86_64::{
        __m128i, _mm_and_si128, _mm_cmpgt_epi8, _mm_cmplt_epi8, _mm_loadu_si128, _mm_movemask_epi8,
        _mm_set1_epi8,
    };
    let mut at = 0;
    // SAFETY: SSE2 is part of x86-64; each load reads the 16 bytes data[at..at + 16].
    #[allow(unused_unsafe)] // the intrinsics are safe fns from Rust 1.87 on
    unsafe {
        // Signed compares: bytes from 0x80 up are negative, so not above 0x1f.
        let (lo, hi) = (_mm_set1_epi8(0x1f), _mm_set1_epi8(0x7f));
        while at + 16 <= data.len() {
            let x = _mm_loadu_si128(data.as_ptr().add(at) as *const __m128i);
            let ok = _mm_and_si128(_mm_cmpgt_epi8(x, lo), _mm_cmplt_epi8(x, hi));
            let m = _mm_movemask_epi8(ok) as u32;
            if m != 0xffff {
                return at + (!m).trailing_zeros() as usize;
            }
            at += 16;
        }
    }
    at
}

/// Elsewhere, eight bytes a step in a 64-bit word.
#[cfg(not(target_arch = "x86_64"))]
#[inline]
fn printable_blocks(data: &[u8]) -> usize {
    const ONES: u64 = u64::MAX / 255;
    let mut at = 0;
    while at + 8 <= data.len() {
        let x = u64::from_le_bytes(data[at..at + 8].try_into().expect("8 bytes"));
        let below = x.wrapping_sub(ONES * 0x20) & !x & (ONES * 0x80);
        let above = (x.wrapping_add(ONES) | x) & (ONES * 0x80);
        if below | above != 0 {
            break;
        }
        at += 8;
    }
    at
}

/// `print_txt_line`: the line at `idx` after `prefix`; returns the index after its end of
/// line, or 0 when it is not a complete text line.
fn print_txt_line(nd: &mut Nd, prefix: &[u8], p: usize, mut idx: usize, len: usize) -> R<usize> {
    let start = idx;
    // Bytes past the capture raise Trunc, as tcpdump's GET_U_1 longjmps.
    let data = &nd.b[p.min(nd.snapend)..nd.snapend];
    // -v prints every line of every HTTP segment: the printable run (0x20..=0x7e) is
    // skipped in whole blocks; a tab, CR, LF, anything else and the last bytes are left to
    // the byte loop below.
    if idx < len.min(data.len()) {
        idx += printable_blocks(&data[idx..len.min(data.len())]);
    }
    while idx < len {
        let c = *data.get(idx).ok_or(Trunc)?;
        if c == b'\n' {
            nd.s(prefix);
            nd.s(&data[start..idx]);
            return Ok(idx + 1);
        } else if c == b'\r' {
            if idx + 1 >= len {
                return Ok(0);
            }
            if *data.get(idx + 1).ok_or(Trunc)? == b'\n' {
                nd.s(prefix);
                nd.s(&data[start..idx]);
                return Ok(idx + 2);
            }
            return Ok(0);
        } else if !isprint(c) && c != b'\t' {
            return Ok(0);
        }
        idx += 1;
    }
    nd.s(prefix);
    // Empty (and maybe past the capture) when the loop read nothing.
    nd.s(data.get(start..idx).unwrap_or(&[]));
    nd.trunc();
    Ok(0)
}

/// `txtproto_print`: `cmds` the request words (None: every message is shown),
/// `resp_code_second` whether a response has its three-digit code as the second token.
pub(crate) fn txtproto_print(
    nd: &mut Nd,
    p: usize,
    len: usize,
    cmds: Option<&[&[u8]]>,
    resp_code_second: bool,
) -> R {
    let print_this = match cmds {
        None => true,
        Some(cmds) => {
            let mut tok = (0, 0);
            let word = |tok: (usize, usize)| &nd.b[p + tok.0..p + tok.0 + tok.1];
            let mut this = false;
            let mut idx = fetch_token(nd, p, 0, len, &mut tok);
            if idx != 0 {
                if cmds.iter().any(|c| c.eq_ignore_ascii_case(word(tok))) {
                    this = true;
                }
                if resp_code_second {
                    idx = fetch_token(nd, p, idx, len, &mut tok);
                }
                if idx != 0 && tok.1 == 3 && word(tok).iter().all(|c| c.is_ascii_digit()) {
                    this = true;
                }
            }
            this
        }
    };
    for &c in nd.proto.as_bytes() {
        nd.out.push(c.to_ascii_uppercase());
    }
    if print_this {
        if nd.vflag > 0 {
            all_lines(nd, p, len)?;
        } else {
            print_txt_line(nd, b": ", p, 0, len)?;
        }
    }
    Ok(())
}

/// -v: the length, then every text line on a continuation line of its own.
#[cold]
#[inline(never)]
fn all_lines(nd: &mut Nd, p: usize, len: usize) -> R {
    nd.s(b", length: ");
    nd.u(len as u64);
    let mut idx = 0;
    while idx < len {
        match print_txt_line(nd, b"\n\t", p, idx, len)? {
            0 => break,
            eol => idx = eol,
        }
    }
    Ok(())
}

/// `ssh_print`: ": SSH: <version line>" when the payload starts with a complete "SSH-" line.
pub(crate) fn ssh_print(nd: &mut Nd, p: usize, len: usize) -> R {
    nd.proto = "ssh";
    for (k, &c) in b"SSH-".iter().enumerate() {
        if nd.u1(p + k)? != c {
            return Ok(());
        }
    }
    let mut idx = 4;
    while idx < len {
        let c = nd.u1(p + idx)?;
        if c == b'\n' {
            break;
        } else if c == b'\r' {
            if idx + 1 >= len {
                return Ok(());
            }
            if nd.u1(p + idx + 1)? == b'\n' {
                break;
            }
            return Ok(());
        } else if !isprint(c) {
            return Ok(());
        }
        idx += 1;
    }
    if idx >= len {
        return Ok(());
    }
    nd.s(b": SSH: ");
    nd.out.extend_from_slice(&nd.b[p..p + idx]);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The block scan never passes a byte that is not printable, leaves less than a block
    /// to the byte loop, and (SSE2) stops at the first such byte when it is in a whole block.
    #[test]
    fn printable_blocks_stops_at_the_first_other_byte() {
        let line = b"GET /index.html HTTP/1.1 Host: example.com Accept: */* ~~";
        for len in 0..line.len() {
            for bad in [0u8, b'\t', b'\r', b'\n', 0x1f, 0x7f, 0x80, 0xff] {
                for at in 0..len {
                    let mut v = line[..len].to_vec();
                    v[at] = bad;
                    let n = printable_blocks(&v);
                    assert!(n <= at, "len {len} bad {bad:#x} at {at}: {n}");
                    if cfg!(target_arch = "x86_64") && at < len / 16 * 16 {
                        assert_eq!(n, at, "len {len} bad {bad:#x} at {at}");
                    }
                }
                let n = printable_blocks(&line[..len]);
                assert!(n <= len && len - n < 16, "len {len}: {n}");
            }
        }
    }
}
