//! Redis RESP (tcpdump's print-resp.c), TCP port 6379: simple strings, errors, integers,
//! bulk strings and arrays, and inline commands, each value in quotes; pipelined messages
//! one after the other. Every stop tcpdump makes prints ` [|resp]` and ends the line, so both
//! are `Err` here; but a `goto trunc` (`LCHECK`, `ND_TCHECK_*`, a bad length) returns
//! normally in C, so it is [`Nd::local_trunc`] (the dumps leave the link header out), and
//! only a failed `GET_*` is a plain longjmp `Trunc`.

use super::nd::{Nd, R};

/// `LCHECK2`: a `goto trunc`.
fn lcheck(nd: &mut Nd, tot: i64, len: i64) -> R {
    if tot < len {
        Err(nd.local_trunc())
    } else {
        Ok(())
    }
}

/// `RESP_PRINT_SEGMENT`
fn segment(nd: &mut Nd, bp: usize, len: i64) -> R {
    nd.s(b" \"");
    let snapend = nd.snapend;
    if nd.printn(bp, len.max(0) as usize, Some(snapend))? {
        return Err(nd.local_trunc());
    }
    nd.print_char(b'"');
    Ok(())
}

/// `FIND_CRLF`: the offset of the next CR LF.
fn find_crlf(nd: &mut Nd, mut p: usize, len: &mut i64) -> R<usize> {
    loop {
        lcheck(nd, *len, 2)?;
        nd.tcheck(p, 2)?;
        if nd.u1(p)? == b'\r' && nd.u1(p + 1)? == b'\n' {
            return Ok(p);
        }
        p += 1;
        *len -= 1;
    }
}

/// `CONSUME_CR_OR_LF`: past any run of CR and LF (at least one, unless the data ends).
fn consume_cr_or_lf(nd: &mut Nd, mut p: usize, len: &mut i64) -> R<usize> {
    let mut found = false;
    loop {
        if *len == 0 || !nd.ttest(p, 1) {
            return if found { Ok(p) } else { Err(nd.local_trunc()) };
        }
        let c = nd.u1(p)?;
        if c != b'\r' && c != b'\n' {
            return Ok(p);
        }
        found = true;
        p += 1;
        *len -= 1;
    }
}

/// `resp_get_length`: (length or its error code, end of the length line). Codes: -1 null,
/// -2 truncated, -3 too large, -4 negative and not -1, -5 invalid.
fn get_length(nd: &Nd, mut bp: usize, mut len: i64) -> R<(i64, usize)> {
    if len == 0 {
        return Ok((-2, bp));
    }
    let mut too_large = false;
    let mut neg = false;
    if nd.u1(bp)? == b'-' {
        neg = true;
        bp += 1;
        len -= 1;
    }
    let mut result: i64 = 0;
    let mut saw_digit = false;
    const MAX: i64 = i32::MAX as i64;
    loop {
        if len == 0 {
            return Ok((-2, bp));
        }
        let c = nd.u1(bp)?;
        if !c.is_ascii_digit() {
            if !saw_digit {
                return Ok((-5, bp + 1));
            }
            break;
        }
        let d = (c - b'0') as i64;
        if result > MAX / 10 {
            too_large = true;
        } else {
            result *= 10;
            if result == (MAX / 10) * 10 && d > MAX % 10 {
                too_large = true;
            } else {
                result += d;
            }
        }
        bp += 1;
        len -= 1;
        saw_digit = true;
    }
    if nd.u1(bp)? != b'\r' {
        return Ok((-5, bp + 1));
    }
    bp += 1;
    len -= 1;
    if len == 0 {
        return Ok((-2, bp));
    }
    if nd.u1(bp)? != b'\n' {
        return Ok((-5, bp + 1));
    }
    bp += 1;
    if neg {
        if too_large || result != 1 {
            return Ok((-4, bp));
        }
        return Ok((-1, bp));
    }
    Ok((if too_large { -3 } else { result }, bp))
}

/// The words tcpdump prints for an empty, null or bad length.
fn length_word(nd: &mut Nd, v: i64) -> R {
    match v {
        0 => nd.s(b" empty"),
        -1 => nd.s(b" null"),
        -2 => return Err(nd.local_trunc()),
        -3 => nd.s(b" length too large"),
        -4 => nd.s(b" length negative and not -1"),
        _ => nd.s(b" invalid"),
    }
    Ok(())
}

/// `resp_parse`: one value, arrays with all their elements; the bytes it took. tcpdump
/// recurses into arrays; nothing is printed after an array's last element, so a count of
/// the values still to parse does the same without a stack as deep as the nesting.
fn parse(nd: &mut Nd, bp: usize, length: i64) -> R<i64> {
    let (mut p, mut cur, mut pending) = (bp, length, 1i64);
    while pending > 0 {
        let (r, elements) = parse_one(nd, p, cur)?;
        p += r as usize;
        cur -= r;
        pending += elements - 1;
    }
    Ok(length - cur)
}

/// One value, or an array's header: (bytes taken, elements that follow).
fn parse_one(nd: &mut Nd, bp: usize, length: i64) -> R<(i64, i64)> {
    lcheck(nd, length, 1)?;
    match nd.u1(bp)? {
        b'+' | b':' | b'-' => {
            let mut cur = length - 1;
            let start = bp + 1;
            let end = find_crlf(nd, start, &mut cur)?;
            let len = (end - start) as i64;
            segment(nd, start, len)?;
            Ok((1 + len + 2, 0))
        }
        b'$' => {
            let mut cur = length - 1;
            let (n, end) = get_length(nd, bp + 1, cur)?;
            cur -= (end - (bp + 1)) as i64;
            let mut p = end;
            if n >= 0 {
                if n == 0 {
                    nd.s(b" empty");
                } else {
                    lcheck(nd, cur, n)?;
                    nd.tcheck(p, n as usize)?;
                    segment(nd, p, n)?;
                    p += n as usize;
                    cur -= n;
                }
                find_crlf(nd, p, &mut cur)?;
                cur -= 2;
            } else {
                length_word(nd, n)?;
            }
            Ok((length - cur, 0))
        }
        b'*' => {
            let mut cur = length - 1;
            let (n, end) = get_length(nd, bp + 1, cur)?;
            cur -= (end - (bp + 1)) as i64;
            if n > 0 {
                return Ok((length - cur, n));
            }
            length_word(nd, n)?;
            Ok((length - cur, 0))
        }
        _ => {
            // An inline command: text up to CR or LF (after any leading ones).
            let mut cur = length;
            let start = consume_cr_or_lf(nd, bp, &mut cur)?;
            let mut p = start;
            loop {
                lcheck(nd, cur, 1)?;
                let c = nd.u1(p)?;
                if c == b'\r' || c == b'\n' {
                    break;
                }
                p += 1;
                cur -= 1;
            }
            segment(nd, start, (p - start) as i64)?;
            consume_cr_or_lf(nd, p, &mut cur)?;
            Ok((length - cur, 0))
        }
    }
}

/// `resp_print`: ": RESP" and every message in the segment.
pub(crate) fn resp_print(nd: &mut Nd, bp: usize, length: usize) -> R {
    nd.proto = "resp";
    nd.s(b": RESP");
    let (mut bp, mut length) = (bp, length as i64);
    while length > 0 {
        let r = parse(nd, bp, length)?;
        bp = bp.wrapping_add(r as usize);
        length -= r;
    }
    Ok(())
}
