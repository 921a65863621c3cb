//! Hand formatting into a byte buffer: decimal, hex and addresses, without `std::fmt`, which
//! costs more than the whole decode of a packet on the hot path.

const HEX: &[u8; 16] = b"0123456789abcdef";

/// `%u`
#[inline]
pub fn dec(out: &mut Vec<u8>, mut v: u64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    out.extend_from_slice(&buf[i..]);
}

/// `%0Nu`
#[inline]
pub fn dec_pad(out: &mut Vec<u8>, v: u64, width: usize) {
    let mut buf = [b'0'; 20];
    let mut i = buf.len();
    let mut v = v;
    loop {
        i -= 1;
        buf[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    let start = i.min(buf.len() - width.min(20));
    out.extend_from_slice(&buf[start..]);
}

/// `%x`
#[inline]
pub fn hex(out: &mut Vec<u8>, v: u64) {
    hex_pad(out, v, 1);
}

/// `%0Nx`
#[inline]
pub fn hex_pad(out: &mut Vec<u8>, mut v: u64, width: usize) {
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

/// Dotted quad.
#[inline]
pub fn ipv4(out: &mut Vec<u8>, a: &[u8]) {
    for (k, &c) in a.iter().take(4).enumerate() {
        if k > 0 {
            out.push(b'.');
        }
        dec(out, c as u64);
    }
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
    let mut i = 0i32;
    while i < 8 {
        if best_base != -1 && i >= best_base && i < best_base + best_len {
            if i == best_base {
                out.push(b':');
            }
            i += 1;
            continue;
        }
        if i != 0 {
            out.push(b':');
        }
        if i == 6 && best_base == 0 && (best_len == 6 || (best_len == 5 && words[5] == 0xffff)) {
            ipv4(out, &a[12..16]);
            return;
        }
        hex(out, words[i as usize] as u64);
        i += 1;
    }
    if best_base != -1 && best_base + best_len == 8 {
        out.push(b':');
    }
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
}
