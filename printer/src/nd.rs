//! The printing context, after tcpdump's `netdissect_options`: the packet bytes, the current
//! end of trustworthy data (`snapend`), the protocol being decoded (for `[|proto]`), the output
//! buffer and the flags that shape lines.
//!
//! tcpdump's `GET_*` macros `longjmp` out of the whole printer when they would read past
//! `snapend`, and the top level then prints ` [|proto]`. Here the getters return
//! `Err(Trunc)` and `?` carries it to the top, which prints the same marker. `ND_TTEST`-style
//! checks (`ttest`) are plain booleans that printers handle locally, as in C.

use super::fmt;
use super::state::State;

const HEX_DIGITS: &[u8; 16] = b"0123456789abcdef";

/// "0x%04x: " is 8 bytes (more past 0xffff).
const HEX_LINE_PREFIX: usize = 8;

/// A dump line's "0x%04x: ".
#[inline]
fn offset(out: &mut Vec<u8>, oset: usize) {
    if oset <= 0xffff {
        out.extend_from_slice(&[
            b'0',
            b'x',
            HEX_DIGITS[oset >> 12],
            HEX_DIGITS[(oset >> 8) & 15],
            HEX_DIGITS[(oset >> 4) & 15],
            HEX_DIGITS[oset & 15],
            b':',
            b' ',
        ]);
    } else {
        out.extend_from_slice(b"0x");
        fmt::hex_pad(out, oset as u64, 4);
        out.extend_from_slice(b": ");
    }
}

/// A read past the captured data: the packet was truncated (tcpdump's `ND_TRUNCATED`).
#[derive(Debug)]
pub(crate) struct Trunc;

pub(crate) type R<T = ()> = Result<T, Trunc>;

/// Offsets are absolute indexes into `b` (the whole captured packet), like tcpdump's pointers.
pub(crate) struct Nd<'a, 'o, 's> {
    pub b: &'a [u8],
    pub snapend: usize,
    pub proto: &'static str,
    pub out: &'o mut Vec<u8>,
    /// `-e`
    pub eflag: bool,
    /// `-q`
    pub qflag: bool,
    /// `-v` count
    pub vflag: u8,
    /// `-K`: no checksum verification
    pub kflag: bool,
    /// `-X` given (tcpdump's `ndo_Xflag`): telnet dumps its commands with `-vvv`.
    pub xflag: bool,
    /// `ndo_suppress_default_print`: `-q`, `-x` or `-X` (undecoded data is not dumped).
    pub suppress_default: bool,
    /// `-S`: absolute TCP sequence numbers.
    pub sflag: bool,
    /// The outermost link-layer header's length, recorded before its payload is decoded, for
    /// the dumps when that decoding ends in a local truncation ([`Nd::tcheck`]).
    pub ll_hdr_len: Option<usize>,
    /// The truncation being carried up came from a `goto trunc`, not a `GET_*` longjmp.
    pub trunc_local: bool,
    pub st: &'s mut State,
}

impl<'a, 'o, 's> Nd<'a, 'o, 's> {
    #[inline(always)]
    pub fn u1(&self, i: usize) -> R<u8> {
        if i < self.snapend {
            Ok(self.b[i])
        } else {
            Err(Trunc)
        }
    }

    #[inline(always)]
    pub fn be2(&self, i: usize) -> R<u16> {
        if i + 2 <= self.snapend {
            Ok(u16::from_be_bytes([self.b[i], self.b[i + 1]]))
        } else {
            Err(Trunc)
        }
    }

    #[inline]
    pub fn be3(&self, i: usize) -> R<u32> {
        if i + 3 <= self.snapend {
            Ok(u32::from_be_bytes([
                0,
                self.b[i],
                self.b[i + 1],
                self.b[i + 2],
            ]))
        } else {
            Err(Trunc)
        }
    }

    #[inline(always)]
    pub fn be4(&self, i: usize) -> R<u32> {
        if i + 4 <= self.snapend {
            Ok(u32::from_be_bytes([
                self.b[i],
                self.b[i + 1],
                self.b[i + 2],
                self.b[i + 3],
            ]))
        } else {
            Err(Trunc)
        }
    }

    /// `GET_BE_U_8`.
    #[inline]
    pub fn be8(&self, i: usize) -> R<u64> {
        Ok(((self.be4(i)? as u64) << 32) | self.be4(i + 4)? as u64)
    }

    /// Host-endian 32 bits (DLT_NULL's family field).
    #[inline]
    pub fn he4(&self, i: usize) -> R<u32> {
        if i + 4 <= self.snapend {
            Ok(u32::from_ne_bytes([
                self.b[i],
                self.b[i + 1],
                self.b[i + 2],
                self.b[i + 3],
            ]))
        } else {
            Err(Trunc)
        }
    }

    /// `len` bytes at `i`, or `Trunc` (`GET_CPY_BYTES` / `ND_TCHECK_LEN` + access).
    #[inline]
    pub fn bytes(&self, i: usize, len: usize) -> R<&'a [u8]> {
        if self.ttest(i, len) {
            Ok(&self.b[i..i + len])
        } else {
            Err(Trunc)
        }
    }

    /// `ND_TTEST_LEN(p, len)`: are `len` bytes at `i` captured?
    #[inline]
    pub fn ttest(&self, i: usize, len: usize) -> bool {
        i <= self.snapend && len <= self.snapend - i
    }

    /// `ND_BYTES_AVAILABLE_AFTER(p)`.
    #[inline]
    pub fn avail(&self, i: usize) -> usize {
        self.snapend.saturating_sub(i)
    }

    /// `nd_push_snaplen`: shrink snapend to `i + len` if that is shorter. Returns the old
    /// snapend for the caller to restore (`nd_pop_packet_info`).
    #[inline]
    pub fn push_snaplen(&mut self, i: usize, len: usize) -> usize {
        let old = self.snapend;
        if i <= self.snapend && len <= self.snapend - i {
            self.snapend = i + len;
        }
        old
    }

    /// `ND_TCHECK_LEN` that longjmps: C evaluates a `GET_*` argument before printing any of
    /// its `ND_PRINT`, so a prefix must not be printed when the field is missing.
    #[inline]
    pub fn need(&self, i: usize, len: usize) -> R {
        if self.ttest(i, len) {
            Ok(())
        } else {
            Err(Trunc)
        }
    }

    /// `ND_TCHECK_*`, which in C jumps to the printer's own `trunc:` label: it prints
    /// " [|proto]" and returns normally, so (unlike a `GET_*` longjmp) the link-layer header
    /// still counts as decoded and `-x`/`-X`/`-A` leave it out of the dump.
    #[inline]
    pub fn tcheck(&mut self, i: usize, len: usize) -> R {
        if self.ttest(i, len) {
            Ok(())
        } else {
            Err(self.local_trunc())
        }
    }

    /// The error of a `goto trunc` (see [`Nd::tcheck`]).
    #[cold]
    pub fn local_trunc(&mut self) -> Trunc {
        self.trunc_local = true;
        Trunc
    }

    /// Records the link-layer header length (`ndo_ll_hdr_len`) before the payload is decoded;
    /// only the outermost link layer counts (an inner Ethernet frame in VXLAN does not).
    #[inline]
    pub fn set_ll_hdr_len(&mut self, len: usize) {
        if self.ll_hdr_len.is_none() {
            self.ll_hdr_len = Some(len);
        }
    }

    /// `nd_print_trunc`: " [|proto]".
    pub fn trunc(&mut self) {
        self.out.extend_from_slice(b" [|");
        self.out.extend_from_slice(self.proto.as_bytes());
        self.out.push(b']');
    }

    /// `nd_print_invalid`.
    #[inline]
    pub fn invalid(&mut self) {
        self.s(b" (invalid)");
    }

    #[inline(always)]
    pub fn s(&mut self, s: &[u8]) {
        fmt::put(self.out, s);
    }

    #[inline(always)]
    pub fn st(&mut self, s: &str) {
        fmt::put(self.out, s.as_bytes());
    }

    #[inline]
    pub fn u(&mut self, v: u64) {
        fmt::dec(self.out, v);
    }

    #[inline]
    pub fn x(&mut self, v: u64) {
        fmt::hex(self.out, v);
    }

    /// `%0Nx`
    #[inline]
    pub fn x0(&mut self, v: u64, width: usize) {
        fmt::hex_pad(self.out, v, width);
    }

    /// `GET_IPADDR_STRING(p)`.
    pub fn ip4(&mut self, i: usize) -> R {
        let a = self.bytes(i, 4)?;
        fmt::ipv4(self.out, a);
        Ok(())
    }

    /// `GET_IP6ADDR_STRING(p)`.
    pub fn ip6(&mut self, i: usize) -> R {
        let a = self.bytes(i, 16)?;
        self.st.ipv6.put(self.out, a.try_into().expect("16 bytes"));
        Ok(())
    }

    /// `GET_ETHERADDR_STRING(p)` (with -n: always hex).
    pub fn mac(&mut self, i: usize) -> R {
        let a = self.bytes(i, 6)?;
        fmt::hexbytes(self.out, a, b':');
        Ok(())
    }

    /// `fn_print_char`: printable ASCII as is, others as `M-` / `^` escapes.
    pub fn print_char(&mut self, mut c: u8) {
        if c >= 0x80 {
            c &= 0x7f;
            self.s(b"M-");
        }
        if !(0x20..=0x7e).contains(&c) {
            c ^= 0x40;
            self.out.push(b'^');
        }
        self.out.push(c);
    }

    /// `nd_printjnp`: at most `n` characters at `i`, stopping at a NUL; a byte past the
    /// capture is `Trunc`.
    pub fn printjnp(&mut self, i: usize, n: usize) -> R {
        for k in 0..n {
            let c = self.u1(i + k)?;
            if c == 0 {
                break;
            }
            self.print_char(c);
        }
        Ok(())
    }

    /// `nd_printztn`: a NUL-terminated string of at most `n` bytes at `i`, stopping at the
    /// captured end; the bytes taken including the NUL, or 0 when no NUL came first.
    pub fn printztn(&mut self, mut i: usize, mut n: usize) -> R<usize> {
        let mut bytes = 0;
        loop {
            if n == 0 || i >= self.snapend {
                return Ok(0);
            }
            let c = self.u1(i)?;
            i += 1;
            bytes += 1;
            n -= 1;
            if c == 0 {
                return Ok(bytes);
            }
            self.print_char(c);
        }
    }

    /// `nd_printn`: at most `n` characters, stopping at `ep` (`None`: no limit but snapend,
    /// which raises `Trunc`). Returns true if it stopped early.
    pub fn printn(&mut self, mut i: usize, mut n: usize, ep: Option<usize>) -> R<bool> {
        // Names and labels are nearly always plain printable text, captured whole: copied
        // at once, the same bytes the loop below would write one by one.
        let stop = i.saturating_add(n).min(ep.unwrap_or(usize::MAX));
        if i < stop && stop <= self.snapend {
            let run = &self.b[i..stop];
            if run.iter().all(|c| (0x20..=0x7e).contains(c)) {
                fmt::put(self.out, run);
                return Ok(n != stop - i);
            }
        }
        while n > 0 && ep.is_none_or(|e| i < e) {
            n -= 1;
            let c = self.u1(i)?;
            i += 1;
            self.print_char(c);
        }
        Ok(n != 0)
    }

    /// `hex_and_ascii_print(ident, cp, length)`, tcpdump's default dump of undecoded data and
    /// `-X`'s: lines of 16 bytes, "IDENT0x0010:  4500 0054 ...  ASCII". Each line is built
    /// in a fixed array and appended once: with -X this runs for every byte of every packet.
    pub fn hex_and_ascii(&mut self, ident: &[u8], cp: usize, length: usize) -> R {
        let mut length = length;
        let caplength = self.avail(cp);
        let truncated = length > caplength;
        if truncated {
            length = caplength;
        }
        let data = &self.b[cp..cp + length];
        self.out
            .reserve(data.len().div_ceil(16) * (ident.len() + HEX_LINE_PREFIX + 58));
        for (k, chunk) in data.chunks(16).enumerate() {
            self.out.extend_from_slice(ident);
            offset(self.out, k * 16);
            // " xxxx" per two bytes, padded to 40 columns, two spaces, then the ASCII column.
            let mut line = [b' '; 58];
            for (i, &c) in chunk.iter().enumerate() {
                let at = (i / 2) * 5 + 1 + (i % 2) * 2;
                line[at] = HEX_DIGITS[(c >> 4) as usize];
                line[at + 1] = HEX_DIGITS[(c & 15) as usize];
                line[42 + i] = if (0x21..=0x7e).contains(&c) { c } else { b'.' };
            }
            self.out.extend_from_slice(&line[..42 + chunk.len()]);
        }
        if truncated {
            return Err(Trunc);
        }
        Ok(())
    }

    /// `hex_print(ident, cp, length)` (-x): lines of 16 bytes, "IDENT0x0010:  4500 0054 ...",
    /// an odd last byte on its own.
    pub fn hex_print(&mut self, ident: &[u8], cp: usize, length: usize) -> R {
        self.hex_print_at(ident, cp, length, 0)
    }

    /// `hex_print_with_offset`: [`Nd::hex_print`] with the line offsets counted from `oset`.
    pub fn hex_print_at(&mut self, ident: &[u8], cp: usize, length: usize, oset: usize) -> R {
        let mut length = length;
        let caplength = self.avail(cp);
        let truncated = length > caplength;
        if truncated {
            length = caplength;
        }
        let data = &self.b[cp..cp + length];
        self.out
            .reserve(data.len().div_ceil(16) * (ident.len() + HEX_LINE_PREFIX + 40));
        for (k, chunk) in data.chunks(16).enumerate() {
            self.out.extend_from_slice(ident);
            offset(self.out, oset + k * 16);
            let mut line = [b' '; 40];
            let mut n = 0;
            for pair in chunk.chunks(2) {
                n += 1;
                for &c in pair {
                    line[n] = HEX_DIGITS[(c >> 4) as usize];
                    line[n + 1] = HEX_DIGITS[(c & 15) as usize];
                    n += 2;
                }
            }
            self.out.extend_from_slice(&line[..n]);
        }
        if truncated {
            return Err(Trunc);
        }
        Ok(())
    }

    /// `print_unknown_data(ndo, cp, ident, len)`: a hex dump of what is captured of `len`
    /// bytes at `cp`.
    pub fn unknown_data(&mut self, cp: usize, ident: &[u8], len: usize) -> R {
        if cp > self.snapend {
            self.s(ident);
            self.s(b"Dissector error: print_unknown_data called with pointer past end of packet");
            return Ok(());
        }
        let n = len.min(self.avail(cp));
        self.hex_print(ident, cp, n)
    }

    /// `if (!ndo->ndo_suppress_default_print) ND_DEFAULTPRINT(p, caplen)`: -q, -x and -X
    /// suppress it.
    pub fn default_print(&mut self, cp: usize, caplen: usize) -> R {
        if self.suppress_default {
            return Ok(());
        }
        self.hex_and_ascii(b"\n\t", cp, caplen)
    }

    /// `ND_DEFAULTPRINT(p, caplen)` where C calls it unconditionally (print-llc.c,
    /// print-arp.c): printed whatever the flags.
    pub fn default_print_always(&mut self, cp: usize, caplen: usize) -> R {
        self.hex_and_ascii(b"\n\t", cp, caplen)
    }

    /// `ascii_print(cp, length)` (-A): printable bytes, tab, space and newline as they are,
    /// others as '.', a CR dropped before a newline (or at the very end).
    pub fn ascii_print(&mut self, cp: usize, length: usize) -> R {
        self.proto = "ascii";
        let caplength = self.avail(cp);
        let truncated = length > caplength;
        let length = length.min(caplength);
        self.out.push(b'\n');
        let data = &self.b[cp..cp + length];
        for (i, &c) in data.iter().enumerate() {
            let left = length - i - 1;
            if c == b'\r' {
                if left > 1 && data[i + 1] != b'\n' {
                    self.out.push(b'.');
                }
            } else if (0x21..=0x7e).contains(&c) || c == b'\t' || c == b' ' || c == b'\n' {
                self.out.push(c);
            } else {
                self.out.push(b'.');
            }
        }
        if truncated {
            return Err(Trunc);
        }
        Ok(())
    }
}
