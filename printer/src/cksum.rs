//! Internet checksums as tcpdump verifies them at `-v` (tcpdump's in_cksum.c and the
//! pseudo-header sums of print-ip.c / print-ip6.c: `nextproto4_cksum`, `nextproto6_cksum`).
//!
//! Sums are computed in network byte order, so the value tcpdump gets from
//! `ntohs(in_cksum(...))` is what these functions return directly.

use super::nd::{Nd, R};
use super::{ip, ip6};

/// Adds `data` as big-endian 16-bit words (an odd last byte padded with zero) to `sum`.
///
/// -v checksums every TCP payload, so this is the hot loop of verbose printing: the bytes
/// are summed as little-endian 32-bit words into 64-bit accumulators (2^32 = 1 modulo
/// 2^16 - 1, so no carry has to be carried round: 2^32 words would be needed to overflow),
/// which needs no byte swaps and no carry chain ([`wide`]: 32 bytes in a dozen vector
/// instructions); the folded 16-bit result is swapped once at the end (a little-endian sum
/// is 256 times the big-endian one, modulo 2^16 - 1).
#[inline]
fn add(sum: u64, data: &[u8]) -> u64 {
    sum + be16(le_words(data))
}

/// `data` summed as little-endian 32-bit words, unfolded (see [`add`]). Sums of pieces of
/// even length may be added before one [`be16`]: what they stand for modulo 2^16 - 1 adds.
#[inline]
fn le_words(data: &[u8]) -> u64 {
    let (mut acc, data) = wide(data);
    let mut words = data.chunks_exact(4);
    for c in &mut words {
        acc += u64::from(u32::from_le_bytes([c[0], c[1], c[2], c[3]]));
    }
    let rest = words.remainder();
    if !rest.is_empty() {
        let mut last = [0u8; 4];
        last[..rest.len()].copy_from_slice(rest);
        acc += u64::from(u32::from_le_bytes(last));
    }
    acc
}

/// A [`le_words`] sum folded to 16 bits and turned into the big-endian words' sum.
#[inline]
fn be16(acc: u64) -> u64 {
    let mut f = (acc >> 32) + (acc & 0xffff_ffff);
    while f >> 16 != 0 {
        f = (f >> 16) + (f & 0xffff);
    }
    (f as u16).swap_bytes() as u64
}

/// The sum of `data`'s whole 32-byte blocks as little-endian 32-bit words, and the bytes
/// after them: each word widened to 64 bits in an SSE2 lane (x86-64's baseline) and added.
#[cfg(target_arch = "x86_64")]
#[inline]
fn wide(data: &[u8]) -> (u64, &[u8]) {
    use std::arch::x86_64::{
        __m128i, _mm_add_epi64, _mm_loadu_si128, _mm_setzero_si128, _mm_storeu_si128,
        _mm_unpackhi_epi32, _mm_unpacklo_epi32,
    };
    let mut blocks = data.chunks_exact(32);
    // SAFETY: SSE2 is part of x86-64; the loads read 2 x 16 bytes of a 32-byte block, the
    // store writes the 16 bytes of `lanes`.
    #[allow(unused_unsafe)] // the intrinsics are safe fns from Rust 1.87 on
    unsafe {
        let zero = _mm_setzero_si128();
        let (mut a, mut b) = (zero, zero);
        for c in &mut blocks {
            let x = _mm_loadu_si128(c.as_ptr() as *const __m128i);
            let y = _mm_loadu_si128(c.as_ptr().add(16) as *const __m128i);
            a = _mm_add_epi64(a, _mm_unpacklo_epi32(x, zero));
            b = _mm_add_epi64(b, _mm_unpackhi_epi32(x, zero));
            a = _mm_add_epi64(a, _mm_unpacklo_epi32(y, zero));
            b = _mm_add_epi64(b, _mm_unpackhi_epi32(y, zero));
        }
        let mut lanes = [0u64; 2];
        _mm_storeu_si128(lanes.as_mut_ptr() as *mut __m128i, _mm_add_epi64(a, b));
        (lanes[0] + lanes[1], blocks.remainder())
    }
}

/// Elsewhere the word loop of [`add`] does it all (compilers vectorise it there).
#[cfg(not(target_arch = "x86_64"))]
#[inline]
fn wide(data: &[u8]) -> (u64, &[u8]) {
    (0, data)
}

#[inline]
fn fold(mut sum: u64) -> u16 {
    while sum >> 16 != 0 {
        sum = (sum & 0xffff) + (sum >> 16);
    }
    !(sum as u16)
}

/// `in_cksum` over one buffer: 0 when the embedded checksum is right.
pub(crate) fn in_cksum(data: &[u8]) -> u16 {
    fold(add(0, data))
}

/// `in_cksum_shouldbe`: the checksum field that would have made `computed` zero.
pub(crate) fn shouldbe(sum: u16, computed: u16) -> u16 {
    let mut s = sum as u32 + computed as u32;
    s = (s & 0xffff) + (s >> 16);
    s = (s & 0xffff) + (s >> 16);
    s as u16
}

/// `nextproto4_cksum`: the IPv4 pseudo-header (`src`, `dst`, protocol, `len`) and `data`.
pub(crate) fn v4(src: &[u8], dst: &[u8], proto: u8, len: usize, data: &[u8]) -> u16 {
    // The addresses and the data in one little-endian sum, folded once.
    let mut sum = be16(le_words(src) + le_words(dst) + le_words(data));
    sum += proto as u64;
    sum += (len as u16) as u64;
    fold(sum)
}

/// `nextproto6_cksum`: the IPv6 pseudo-header (`src`, `dst`, 32-bit `len`, next header).
pub(crate) fn v6(src: &[u8], dst: &[u8], proto: u8, len: usize, data: &[u8]) -> u16 {
    let mut sum = be16(le_words(src) + le_words(dst) + le_words(data));
    let l = len as u32;
    sum += (l >> 16) as u64 + (l & 0xffff) as u64;
    sum += proto as u64;
    fold(sum)
}

/// The pseudo-header checksum of the `len` bytes at `data` carried by the IPv4 or IPv6
/// header at `iph` (`nextproto4_cksum` / `nextproto6_cksum`, the destination found past
/// source routes as tcpdump finds it). The caller has checked the bytes are captured.
pub(crate) fn nextproto(nd: &Nd, iph: usize, data: usize, len: usize, proto: u8) -> R<u16> {
    nextproto_cov(nd, iph, data, len, len, proto)
}

/// [`nextproto`] over the first `covlen` bytes of the `len` the pseudo-header counts
/// (DCCP's partial checksum coverage).
pub(crate) fn nextproto_cov(
    nd: &Nd,
    iph: usize,
    data: usize,
    len: usize,
    covlen: usize,
    proto: u8,
) -> R<u16> {
    let payload = nd.bytes(data, covlen)?;
    if nd.u1(iph)? >> 4 == 6 {
        let src = nd.bytes(iph + 8, 16)?;
        let dst = match nd.u1(iph + 6)? {
            0 | 60 | 62 | 135 | 44 | 43 => ip6::finddst(nd, iph)?,
            _ => nd.bytes(iph + 24, 16)?.try_into().unwrap(),
        };
        Ok(v6(src, &dst, proto, len, payload))
    } else {
        let src = nd.bytes(iph + 12, 4)?;
        let dst = if nd.u1(iph)? & 0x0f == 5 {
            nd.bytes(iph + 16, 4)?.try_into().unwrap()
        } else {
            ip::finddst(nd, iph)?
        };
        Ok(v4(src, &dst, proto, len, payload))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc1071_example_and_shouldbe() {
        // An IPv4 header with a correct checksum (0xb861) sums to zero.
        let mut h = [
            0x45, 0x00, 0x00, 0x73, 0x00, 0x00, 0x40, 0x00, 0x40, 0x11, 0xb8, 0x61, 0xc0, 0xa8,
            0x00, 0x01, 0xc0, 0xa8, 0x00, 0xc7,
        ];
        assert_eq!(in_cksum(&h), 0);
        h[10] = 0;
        h[11] = 0;
        let c = in_cksum(&h);
        assert_eq!(c, 0xb861);
        h[11] = 0x01;
        assert_eq!(shouldbe(0x0001, in_cksum(&h)), 0xb861);
        // Odd length pads with zero.
        assert_eq!(in_cksum(&[0x01]), !0x0100);
    }

    /// The pseudo-header sums, folded once, equal the sums of their pieces folded one by
    /// one (the former code, as tcpdump adds them), for every data length up to 200, on
    /// random, all-zero and all-ones data.
    #[test]
    fn pseudo_header_sums_equal_piecewise_sums() {
        let (s4, d4) = ([198u8, 51, 100, 7], [0xffu8, 0, 2, 1]);
        let (s6, d6) = (
            [0x20u8, 1, 0xd, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1],
            [0xffu8; 16],
        );
        let mut x = 0x2545_f491_u32;
        let mut random = Vec::new();
        for len in 0..200usize {
            for d in [random.clone(), vec![0u8; len], vec![0xffu8; len]] {
                let head = add(add(0, &s4), &d4) + 6 + u64::from(len as u16);
                assert_eq!(v4(&s4, &d4, 6, len, &d), fold(add(head, &d)), "v4 {len}");
                let l = len as u32;
                let head = add(add(0, &s6), &d6) + u64::from(l >> 16) + u64::from(l & 0xffff) + 17;
                assert_eq!(v6(&s6, &d6, 17, len, &d), fold(add(head, &d)), "v6 {len}");
                let zero = [0u8; 16];
                assert_eq!(
                    v4(&zero[..4], &zero[..4], 0, 0, &d),
                    fold(add(0, &d)),
                    "{len}"
                );
            }
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
            random.push((x >> 16) as u8);
        }
    }

    /// The wide path gives what the plain 16-bit sum gives, for every length and for
    /// sums that wrap many times.
    #[test]
    fn wide_sum_equals_word_sum() {
        fn plain(data: &[u8]) -> u16 {
            let mut sum = 0u64;
            for w in data.chunks(2) {
                sum += ((w[0] as u64) << 8) | w.get(1).copied().unwrap_or(0) as u64;
            }
            fold(sum)
        }
        let mut x = 0x1234_5678_u32;
        let mut data = Vec::new();
        for len in 0..300 {
            assert_eq!(in_cksum(&data), plain(&data), "length {len}");
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
            data.push((x >> 16) as u8);
        }
        let ones = vec![0xff; 4096];
        assert_eq!(in_cksum(&ones), plain(&ones));
        assert_eq!(in_cksum(&[0; 64]), 0xffff);
    }
}
