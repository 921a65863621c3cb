//! Hand formatting into a byte buffer: decimal, hex and addresses, without `std::fmt`, which
//! costs more than the whole decode of a packet on the hot path.

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Appends `s`. Inlined at every call, so a literal's copy becomes a few moves instead of a
/// call to `Vec::extend_from_slice` and then to memcpy (most pieces of a line are literals).
#[inline(always)]
pub fn put(out: &mut Vec<u8>, s: &[u8]) {
    out.reserve(s.len());
    let len = out.len();
    // SAFETY: reserve made s.len() bytes of spare capacity at len, which s (a different
    // allocation: it is borrowed while out is borrowed mutably) is copied into.
    unsafe {
        std::ptr::copy_nonoverlapping(s.as_ptr(), out.as_mut_ptr().add(len), s.len());
        out.set_len(len + s.len());
    }
}

/// 10^k for k in 0..20.
const POW10: [u64; 20] = {
    let mut p = [1u64; 20];
    let mut k = 1;
    while k < 20 {
        p[k] = p[k - 1] * 10;
        k += 1;
    }
    p
};

/// Decimal digit count of `v`: log10 estimated from the bit length (1233/4096 ≈ log10 2),
/// corrected by one comparison, instead of a division per digit. (`v | 1` makes 0 count as
/// one digit and changes no other count: the powers of ten it is compared with are even.)
#[inline]
fn digits(v: u64) -> usize {
    let x = v | 1;
    let bits = 64 - x.leading_zeros() as usize;
    let t = (bits * 1233) >> 12;
    t + 1 - usize::from(x < POW10[t])
}

/// Writes `v` as exactly `n` digits (zero-padded; `n` >= its digit count) straight into the
/// vector's spare capacity: the general path, for numbers of more than 16 digits and pads
/// wider than 8 (neither is on the hot path: [`dec`] and [`dec_pad`] take the others).
#[cold]
#[inline(never)]
fn put_digits(out: &mut Vec<u8>, mut v: u64, n: usize) {
    out.reserve(n);
    let len = out.len();
    // SAFETY: reserve(n) made n bytes of spare capacity at len; every write below is at an
    // index in 0..n (i starts at n and only decreases, by one per write, down to 0, n being
    // at least v's digit count), and all n are written before set_len.
    unsafe {
        let p = out.as_mut_ptr().add(len);
        let mut i = n;
        loop {
            i -= 1;
            *p.add(i) = b'0' + (v % 10) as u8;
            v /= 10;
            if v == 0 {
                break;
            }
        }
        while i > 0 {
            i -= 1;
            *p.add(i) = b'0';
        }
        out.set_len(len + n);
    }
}

/// Eight '0' bytes: the ASCII offset of every digit of [`eight`]'s word.
const ZEROS: u64 = 0x3030_3030_3030_3030;

/// `v` (< 10^8) as eight zero-padded ASCII digits packed in a word whose lowest byte is the
/// first digit, so that a little-endian store writes them in order. Computed in the word's
/// lanes at once (two 4-digit halves, then four 2-digit quarters, then eight digits), with
/// multiply-shift divisions exact in these ranges (x * 10486 >> 20 = x / 100 for x < 10^4,
/// x * 103 >> 10 = x / 10 for x < 100) and no lane overflowing into the next: no division
/// instruction, no table, no loop (a number was ~60 instructions with a 2-digit table).
#[inline(always)]
fn eight(v: u32) -> u64 {
    debug_assert!(v < 100_000_000);
    let x = u64::from(v / 10_000) | (u64::from(v % 10_000) << 32);
    let hundreds = ((x * 10486) >> 20) & 0x0000_007f_0000_007f;
    let x = ((x - hundreds * 100) << 16) | hundreds;
    let tens = ((x * 103) >> 10) & 0x000f_000f_000f_000f;
    let x = ((x - tens * 10) << 8) | tens;
    x | ZEROS
}

/// How many of [`eight`]'s digits are leading zeros, at most 7 (a zero keeps one digit).
#[inline(always)]
fn leading_zeros8(w: u64) -> u32 {
    ((w ^ ZEROS).trailing_zeros() / 8).min(7)
}

/// The spare capacity [`dec`] and [`dec_pad`] write into: two 8-byte stores.
const DEC_ROOM: usize = 16;

/// Appends the first `n` (1..=8) digits of `w` and then, when `more` is Some, all eight of
/// that word: one or two unaligned 8-byte stores, then the length.
///
/// # Safety
/// `out` has at least [`DEC_ROOM`] bytes of spare capacity.
#[inline(always)]
unsafe fn store(out: &mut Vec<u8>, w: u64, n: usize, more: Option<u64>) {
    let len = out.len();
    // SAFETY: the caller guarantees DEC_ROOM bytes of spare capacity at len; the stores
    // cover at most len..len + n + 8 with n <= 8, and the length grows only over the
    // digits meant.
    unsafe {
        let p = out.as_mut_ptr().add(len);
        std::ptr::write_unaligned(p as *mut u64, w.to_le());
        match more {
            Some(m) => {
                std::ptr::write_unaligned(p.add(n) as *mut u64, m.to_le());
                out.set_len(len + n + 8);
            }
            None => out.set_len(len + n),
        }
    }
}

/// `%u`. The capacity check comes first and its slow side is a tail call, so the common
/// path calls nothing and saves no registers.
#[inline]
pub fn dec(out: &mut Vec<u8>, v: u64) {
    if out.capacity() - out.len() < DEC_ROOM {
        return dec_grow(out, v);
    }
    if v < 100_000_000 {
        let w = eight(v as u32);
        let z = leading_zeros8(w);
        // SAFETY: DEC_ROOM bytes of spare capacity, checked above.
        unsafe { store(out, w >> (8 * z), 8 - z as usize, None) };
    } else if v < 10_000_000_000_000_000 {
        // Up to 16 digits: the high part as above, then the low eight in full.
        let w = eight((v / 100_000_000) as u32);
        let z = leading_zeros8(w);
        let low = eight((v % 100_000_000) as u32);
        // SAFETY: as above.
        unsafe { store(out, w >> (8 * z), 8 - z as usize, Some(low)) };
    } else {
        put_digits(out, v, digits(v));
    }
}

#[cold]
#[inline(never)]
fn dec_grow(out: &mut Vec<u8>, v: u64) {
    out.reserve(DEC_ROOM);
    dec(out, v)
}

/// `%0Nu`
#[inline]
pub fn dec_pad(out: &mut Vec<u8>, v: u64, width: usize) {
    if out.capacity() - out.len() < DEC_ROOM {
        return dec_pad_grow(out, v, width);
    }
    if v < 100_000_000 && width <= 8 {
        let w = eight(v as u32);
        // Leading zeros are dropped only down to the field's width.
        let z = leading_zeros8(w).min(8 - width.max(1) as u32);
        // SAFETY: DEC_ROOM bytes of spare capacity, checked above.
        unsafe { store(out, w >> (8 * z), 8 - z as usize, None) };
    } else {
        put_digits(out, v, digits(v).max(width));
    }
}

#[cold]
#[inline(never)]
fn dec_pad_grow(out: &mut Vec<u8>, v: u64, width: usize) {
    out.reserve(DEC_ROOM);
    dec_pad(out, v, width)
}

/// glibc's `%.Nf` of a double, N = `prec` (at most 9): the exact binary value rounded to
/// nearest, ties to even; "inf", "nan" with their signs.
pub fn fixed(out: &mut Vec<u8>, v: f64, prec: usize) {
    let scale = 10u128.pow(prec as u32);
    if v.is_sign_negative() {
        put(out, b"-");
    }
    if v.is_nan() {
        put(out, b"nan");
        return;
    }
    if v.is_infinite() {
        put(out, b"inf");
        return;
    }
    let bits = v.abs().to_bits();
    let (exp, frac) = ((bits >> 52) as i32, bits & ((1 << 52) - 1));
    let (m, e) = match exp {
        0 => (frac, -1074),
        _ => (frac | 1 << 52, exp - 1075),
    };
    // |v| * 10^N = m * 10^N * 2^e, rounded: in u128 while it fits (every value the
    // printers compute does), else the nearest f64 digits are exact enough.
    let n = m as u128 * scale;
    let scaled = if e >= 0 {
        if e >= n.leading_zeros() as i32 {
            put(out, format!("{:.*}", prec, v.abs()).as_bytes());
            return;
        }
        n << e
    } else if -e >= 127 {
        0
    } else {
        let sh = -e as u32;
        let (q, r) = (n >> sh, n & ((1u128 << sh) - 1));
        let half = 1u128 << (sh - 1);
        q + u128::from(r > half || (r == half && q & 1 == 1))
    };
    // Past 2^64 the integer part needs u128 digits (a float bandwidth can reach 2^128).
    match u64::try_from(scaled / scale) {
        Ok(i) => dec(out, i),
        Err(_) => put(out, (scaled / scale).to_string().as_bytes()),
    }
    if prec > 0 {
        put(out, b".");
        dec_pad(out, (scaled % scale) as u64, prec);
    }
}

/// A big-endian IEEE single of bytes per second (`bits`) as megabits, `%.3f`, in C's float
/// arithmetic (`f * 8 / 1000000`) then printf's double: how the TE bandwidths of OSPF, LMP
/// and BGP's link-bandwidth community print.
pub fn mbps(out: &mut Vec<u8>, bits: u32) {
    let f = f32::from_bits(bits);
    fixed(out, ((f * 8.0) / 1_000_000.0) as f64, 3);
}

/// `%x`
#[inline]
pub fn hex(out: &mut Vec<u8>, v: u64) {
    hex_pad(out, v, 1);
}

/// `v` (< 2^32) as eight zero-padded lowercase hex digits packed in a word whose lowest
/// byte is the first digit (as [`eight`] does for decimal): the nibbles spread into byte
/// lanes by three shift-and-mask steps, then each lane made ASCII at once ('a'..'f' are 39
/// past '9' + 1; a lane holds 10..15 exactly when adding 6 sets its bit 4).
#[inline(always)]
fn hex8(v: u32) -> (u64, u32) {
    let x = u64::from(v);
    let x = ((x & 0xffff_0000) << 16) | (x & 0xffff);
    let x = ((x & 0x0000_ff00_0000_ff00) << 8) | (x & 0x0000_00ff_0000_00ff);
    let x = ((x & 0x00f0_00f0_00f0_00f0) << 4) | (x & 0x000f_000f_000f_000f);
    let x = x.swap_bytes();
    let zeros = (x.trailing_zeros() / 8).min(7);
    let letters = ((x + 0x0606_0606_0606_0606) & 0x1010_1010_1010_1010) >> 4;
    (x + ZEROS + letters * 39, zeros)
}

/// `%0Nx`. Values below 2^32 with widths up to 8 (checksums, TOS, flags) take
/// [`hex8`]'s one word and one store; the rest the digit loop.
#[inline]
pub fn hex_pad(out: &mut Vec<u8>, v: u64, width: usize) {
    if v <= u64::from(u32::MAX) && width <= 8 {
        if out.capacity() - out.len() < DEC_ROOM {
            out.reserve(DEC_ROOM);
        }
        let (w, z) = hex8(v as u32);
        let n = (8 - z as usize).max(width);
        // SAFETY: DEC_ROOM bytes of spare capacity, made above; n is 1..=8.
        unsafe { store(out, w >> (8 * (8 - n)), n, None) };
        return;
    }
    hex_pad_wide(out, v, width)
}

#[cold]
#[inline(never)]
fn hex_pad_wide(out: &mut Vec<u8>, mut v: u64, width: usize) {
    let mut buf = [b'0'; 16];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = HEX[(v & 0xf) as usize];
        v >>= 4;
        if v == 0 {
            break;
        }
    }
    let start = i.min(buf.len() - width.min(16));
    out.extend_from_slice(&buf[start..]);
}

/// Bytes as two-digit hex joined by `sep` (MAC addresses: `sep` = ':').
#[inline]
pub fn hexbytes(out: &mut Vec<u8>, a: &[u8], sep: u8) {
    for (k, &c) in a.iter().enumerate() {
        if k > 0 {
            out.push(sep);
        }
        out.push(HEX[(c >> 4) as usize]);
        out.push(HEX[(c & 0xf) as usize]);
    }
}

/// Each byte value as decimal text followed by '.', padded to 4 bytes, and its length with
/// the dot: an address octet is one 4-byte copy and an add, no branches on its size.
const OCTETS: ([[u8; 4]; 256], [u8; 256]) = {
    let mut t = [[0u8; 4]; 256];
    let mut l = [0u8; 256];
    let mut v = 0;
    while v < 256 {
        let (h, d, u) = ((v / 100) as u8, (v / 10 % 10) as u8, (v % 10) as u8);
        t[v] = if v >= 100 {
            [b'0' + h, b'0' + d, b'0' + u, b'.']
        } else if v >= 10 {
            [b'0' + d, b'0' + u, b'.', 0]
        } else {
            [b'0' + u, b'.', 0, 0]
        };
        l[v] = if v >= 100 {
            4
        } else if v >= 10 {
            3
        } else {
            2
        };
        v += 1;
    }
    (t, l)
};

/// Dotted quad, written straight into spare capacity (addresses are on every line).
#[inline]
pub fn ipv4(out: &mut Vec<u8>, a: &[u8]) {
    let a: [u8; 4] = a[..4].try_into().expect("4 bytes");
    out.reserve(16);
    let len = out.len();
    let mut n = 0;
    // SAFETY: reserve(16) made 16 bytes of spare capacity at len; the four 4-byte copies end
    // at most at 3 * 4 + 4 = 16; n - 1 of them (all but the last dot) are kept.
    unsafe {
        let p = out.as_mut_ptr().add(len);
        for c in a {
            let c = c as usize;
            std::ptr::copy_nonoverlapping(OCTETS.0[c].as_ptr(), p.add(n), 4);
            n += OCTETS.1[c] as usize;
        }
        out.set_len(len + n - 1);
    }
}

/// addrtoname.c's `isonsap_string`: an OSI NSAP as hex, a dot after the first octet and
/// after every second one from there ("47.0005.80ff"); 1 to 20 octets, else its complaint.
pub fn isonsap(out: &mut Vec<u8>, nsap: &[u8]) {
    if nsap.is_empty() || nsap.len() > 20 {
        put(out, b"isonsap_string: illegal length");
        return;
    }
    for (i, &c) in nsap.iter().enumerate() {
        out.push(HEX[(c >> 4) as usize]);
        out.push(HEX[(c & 15) as usize]);
        if i & 1 == 0 && i + 1 < nsap.len() {
            out.push(b'.');
        }
    }
}

/// `%x` of a 16-bit word (IPv6 groups) into `buf` at `n`: the word shifted so its first
/// significant nibble is on top, four digits written, the significant ones counted.
#[inline]
fn hex16(buf: &mut [u8; 48], n: usize, w: u16) -> usize {
    let k = (16 - (w | 1).leading_zeros() as usize).div_ceil(4).max(1);
    let v = (w as u32) << (4 * (4 - k));
    buf[n..n + 4].copy_from_slice(&[
        HEX[(v >> 12 & 0xf) as usize],
        HEX[(v >> 8 & 0xf) as usize],
        HEX[(v >> 4 & 0xf) as usize],
        HEX[(v & 0xf) as usize],
    ]);
    n + k
}

/// IPv6 text form exactly as tcpdump's `addrtostr6` makes it (longest zero run of two or
/// more words becomes "::", the first one on ties; `::a.b.c.d` and `::ffff:a.b.c.d`).
pub fn ipv6(out: &mut Vec<u8>, a: &[u8]) {
    let mut words = [0u16; 8];
    for (i, w) in words.iter_mut().enumerate() {
        *w = u16::from_be_bytes([a[2 * i], a[2 * i + 1]]);
    }
    let (mut best_base, mut best_len) = (-1i32, 0i32);
    let (mut cur_base, mut cur_len) = (-1i32, 0i32);
    for (i, &w) in words.iter().enumerate() {
        if w == 0 {
            if cur_base == -1 {
                cur_base = i as i32;
                cur_len = 1;
            } else {
                cur_len += 1;
            }
        } else if cur_base != -1 {
            if best_base == -1 || cur_len > best_len {
                best_base = cur_base;
                best_len = cur_len;
            }
            cur_base = -1;
        }
    }
    if cur_base != -1 && (best_base == -1 || cur_len > best_len) {
        best_base = cur_base;
        best_len = cur_len;
    }
    if best_base != -1 && best_len < 2 {
        best_base = -1;
    }
    // The text goes to a stack buffer first (at most 8 * 5 + 1 bytes, one more group's
    // worth of room for hex16's 4-byte writes), then out in one piece.
    let mut buf = [0u8; 48];
    let mut n = 0;
    let mut i = 0i32;
    while i < 8 {
        if best_base != -1 && i >= best_base && i < best_base + best_len {
            if i == best_base {
                buf[n] = b':';
                n += 1;
            }
            i += 1;
            continue;
        }
        if i != 0 {
            buf[n] = b':';
            n += 1;
        }
        if i == 6 && best_base == 0 && (best_len == 6 || (best_len == 5 && words[5] == 0xffff)) {
            put(out, &buf[..n]);
            ipv4(out, &a[12..16]);
            return;
        }
        n = hex16(&mut buf, n, words[i as usize]);
        i += 1;
    }
    if best_base != -1 && best_base + best_len == 8 {
        buf[n] = b':';
        n += 1;
    }
    put(out, &buf[..n]);
}

/// `%-Ns`: left-justified in a field of `width`.
#[inline]
pub fn left(out: &mut Vec<u8>, s: &[u8], width: usize) {
    out.extend_from_slice(s);
    for _ in s.len()..width {
        out.push(b' ');
    }
}

/// `%Ns`: right-justified in a field of `width`.
#[inline]
pub fn right(out: &mut Vec<u8>, s: &[u8], width: usize) {
    for _ in s.len()..width {
        out.push(b' ');
    }
    out.extend_from_slice(s);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v6(s: &str) -> String {
        let a: std::net::Ipv6Addr = s.parse().unwrap();
        let mut o = Vec::new();
        ipv6(&mut o, &a.octets());
        String::from_utf8(o).unwrap()
    }

    /// The word path of `%0Nx` against std's, on every width and digit count.
    #[test]
    fn hex_pad_equals_std() {
        let mut x = 0x9e37_79b9_7f4a_7c15_u64;
        let mut vals = vec![
            0,
            1,
            9,
            10,
            15,
            16,
            0xabcd,
            0xffff,
            0xffff_ffff,
            1 << 32,
            u64::MAX,
        ];
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            vals.push(x >> (x % 64));
        }
        let mut out = Vec::new();
        for v in vals {
            for width in [0, 1, 2, 4, 7, 8, 9, 16] {
                out.clear();
                hex_pad(&mut out, v, width);
                assert_eq!(
                    out,
                    format!("{v:0width$x}").into_bytes(),
                    "{v:#x} width {width}"
                );
            }
        }
    }

    #[test]
    fn ipv6_like_tcpdump() {
        assert_eq!(v6("::"), "::");
        assert_eq!(v6("::1"), "::1");
        assert_eq!(v6("2001:db8::1"), "2001:db8::1");
        assert_eq!(v6("fe80::"), "fe80::");
        assert_eq!(v6("2001:db8:0:1:0:0:0:1"), "2001:db8:0:1::1");
        assert_eq!(v6("2001:db8:0:0:1:0:0:1"), "2001:db8::1:0:0:1");
        assert_eq!(v6("::ffff:192.0.2.1"), "::ffff:192.0.2.1");
        assert_eq!(v6("::192.0.2.1"), "::192.0.2.1");
        assert_eq!(v6("2001:db8:1:2:3:4:5:6"), "2001:db8:1:2:3:4:5:6");
    }

    #[test]
    fn numbers() {
        let mut o = Vec::new();
        dec(&mut o, 0);
        o.push(b' ');
        dec(&mut o, 4294967295);
        o.push(b' ');
        hex_pad(&mut o, 0x800, 4);
        o.push(b' ');
        dec_pad(&mut o, 7, 6);
        o.push(b' ');
        hex(&mut o, 0);
        assert_eq!(o, b"0 4294967295 0800 000007 0");
    }

    /// Every 4-digit lane value in both halves of [`eight`]'s word (the lanes do not
    /// interact, so this covers every input's arithmetic), and the paths of `dec` and
    /// `dec_pad` around each power of ten, against std's formatting.
    #[test]
    fn eight_digits_and_numbers_like_std() {
        for x in 0..10_000u32 {
            for v in [x * 10_001, x * 10_000 + (9_999 - x)] {
                assert_eq!(eight(v).to_le_bytes(), *format!("{v:08}").as_bytes(), "{v}");
            }
        }
        let mut vals = vec![0u64, u64::MAX, u32::MAX as u64];
        for k in 0..20u32 {
            let p = 10u64.pow(k);
            vals.extend([p - 1, p, p + 1, p.wrapping_mul(7) + 3]);
        }
        let mut x = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..100_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            vals.extend([x, x >> 20, x >> 35, x >> 50]);
        }
        let mut o = Vec::new();
        for v in vals {
            o.clear();
            dec(&mut o, v);
            assert_eq!(o, v.to_string().as_bytes());
            for width in [0, 1, 2, 3, 6, 8, 9, 12] {
                o.clear();
                dec_pad(&mut o, v, width);
                assert_eq!(o, format!("{v:0width$}").as_bytes(), "{v} {width}");
            }
        }
    }

    #[test]
    fn digit_counts() {
        for k in 0..20u32 {
            let p = 10u64.pow(k);
            assert_eq!(digits(p), k as usize + 1, "{p}");
            if p > 1 {
                assert_eq!(digits(p - 1), k as usize, "{}", p - 1);
            }
        }
        assert_eq!(digits(0), 1);
        let mut o = Vec::new();
        for a in [[0u8, 9, 10, 99], [100, 199, 255, 1]] {
            ipv4(&mut o, &a);
            o.push(b' ');
        }
        assert_eq!(o, b"0.9.10.99 100.199.255.1 ");
        o.clear();
        dec_pad(&mut o, 42, 6);
        dec_pad(&mut o, 123456789, 3);
        assert_eq!(o, b"000042123456789");
        for w in [
            0u16, 1, 0xf, 0x10, 0xff, 0x100, 0xfff, 0x1000, 0xffff, 0xdb8,
        ] {
            let (mut a, mut b) = ([0u8; 48], Vec::new());
            let n = hex16(&mut a, 0, w);
            hex(&mut b, w as u64);
            assert_eq!(&a[..n], &b[..], "{w:x}");
        }
        assert_eq!(digits(u64::MAX), 20);
        for v in [7u64, 99, 12345, 4294967295, 18446744073709551615] {
            let mut o = Vec::new();
            dec(&mut o, v);
            assert_eq!(o, v.to_string().as_bytes());
        }
    }
}
