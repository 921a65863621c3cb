//! Timestamps as tcpdump's `ts_print` writes them (microsecond fractions, or nanosecond ones
//! with `--time-stamp-precision=nano`): local time for no -t and -tttt (honouring TZ through
//! libc's localtime, like tcpdump), seconds since the epoch for -tt, and the delta from the
//! previous packet for -ttt.

use super::fmt;
use crate::TimestampStyle;

extern "C" {
    fn tzset();
}

pub(crate) struct Clock {
    style: TimestampStyle,
    /// `--time-stamp-precision=nano`: fractions count nanoseconds, printed with 9 digits.
    nano: bool,
    /// The fraction's digits: 6, or 9 with `nano`.
    width: usize,
    /// One second in fraction units: 10^6, or 10^9 with `nano`.
    unit: i64,
    /// `tv_ref` of -ttt: the previous packet's (sec, fraction); (0, 0) means unset, as in C.
    prev: (i64, i64),
    /// UTC offset known to hold for the whole hour starting at `.0` (see `utc_offset`).
    cache: Option<(i64, i64)>,
    /// The text before the fraction for the second in `.0` ("HH:MM:SS" and so on): packets
    /// come many per second, and only the fraction changes between them.
    line_sec: Option<i64>,
    /// Fixed-size so the per-packet copy is one 32-byte move, not a memmove call.
    line_text: [u8; 32],
    line_len: usize,
}

impl Clock {
    pub fn new(style: TimestampStyle, nano: bool) -> Clock {
        // localtime_r does not promise to read TZ itself; localtime (tcpdump's) does.
        // SAFETY: tzset only (re)reads the TZ environment variable into libc's globals.
        unsafe { tzset() };
        Clock {
            style,
            nano,
            width: if nano { 9 } else { 6 },
            unit: if nano { 1_000_000_000 } else { 1_000_000 },
            prev: (0, 0),
            cache: None,
            line_sec: None,
            line_text: [0; 32],
            line_len: 0,
        }
    }

    pub fn print(&mut self, out: &mut Vec<u8>, sec: i64, nsec: u32) {
        // ts_nsec from 10^9 up carries a damaged file's raw microsecond field (see
        // pcapng::reader); tcpdump prints it as is.
        // `usec` is the fraction in the chosen precision's units (tcpdump's `tv_usec`, which
        // libpcap fills with nanoseconds under nano precision).
        let usec = if nsec < 1_000_000_000 {
            if self.nano {
                nsec as i64
            } else {
                (nsec / 1000) as i64
            }
        } else {
            let raw_usec = (nsec - 1_000_000_000) as i64 + 1_000_000;
            if self.nano {
                raw_usec * 1000
            } else {
                raw_usec
            }
        };
        let (unit, width) = (self.unit, self.width);
        match self.style {
            TimestampStyle::Time | TimestampStyle::DateTime => {
                let date = self.style == TimestampStyle::DateTime;
                match self.line_sec {
                    Some(s) if s == sec && (0..unit).contains(&usec) => {
                        out.reserve(32);
                        let len = out.len();
                        // SAFETY: reserve(32) made 32 bytes of spare capacity at len, which
                        // the copy fills from line_text (not part of out); line_len <= 32 of
                        // them are kept. (A copy loop over spare_capacity_mut compiled to 32
                        // byte moves, as the two could not be shown apart.)
                        unsafe {
                            std::ptr::copy_nonoverlapping(
                                self.line_text.as_ptr(),
                                out.as_mut_ptr().add(len),
                                32,
                            );
                            out.set_len(len + self.line_len);
                        }
                        fmt::dec_pad(out, usec as u64, width);
                    }
                    _ => {
                        let start = out.len();
                        self.hmsfrac(out, sec, usec, date, true);
                        // Cache what precedes the fraction when the line has one.
                        let text = (out.len() - start).saturating_sub(width);
                        if (sec as u32) & 0x8000_0000 == 0
                            && (0..unit).contains(&usec)
                            && text <= self.line_text.len()
                        {
                            self.line_text[..text].copy_from_slice(&out[start..start + text]);
                            self.line_len = text;
                            self.line_sec = Some(sec);
                        }
                    }
                }
                out.push(b' ');
            }
            TimestampStyle::None => {}
            TimestampStyle::Epoch => {
                if (sec as u32) & 0x8000_0000 != 0 {
                    out.extend_from_slice(b"[Error converting time]");
                } else {
                    fmt::dec(out, sec as u32 as u64);
                    out.push(b'.');
                    fmt::dec_pad(out, usec as u64, width);
                }
                out.push(b' ');
            }
            TimestampStyle::Delta => {
                let cur = (sec, usec);
                if self.prev == (0, 0) {
                    self.prev = cur;
                }
                let negative = cur < self.prev;
                let (a, b) = if negative {
                    (self.prev, cur)
                } else {
                    (cur, self.prev)
                };
                let mut ds = a.0 - b.0;
                let mut du = a.1 - b.1;
                if du < 0 {
                    ds -= 1;
                    du += unit;
                }
                out.push(if negative { b'-' } else { b' ' });
                self.hmsfrac(out, ds, du, false, false);
                out.push(b' ');
                self.prev = cur;
            }
        }
    }

    /// `ts_date_hmsfrac_print`.
    fn hmsfrac(&mut self, out: &mut Vec<u8>, sec: i64, usec: i64, date: bool, local: bool) {
        if (sec as u32) & 0x8000_0000 != 0 {
            out.extend_from_slice(b"[Error converting time]");
            return;
        }
        let t = if local {
            match self.utc_offset(sec) {
                Some(off) => sec + off,
                None => {
                    out.extend_from_slice(b"[Error converting time]");
                    return;
                }
            }
        } else {
            sec
        };
        let days = t.div_euclid(86400);
        let sod = t.rem_euclid(86400);
        if date {
            let (y, m, d) = civil_from_days(days);
            fmt::dec_pad(out, y as u64, 4);
            out.push(b'-');
            fmt::dec_pad(out, m as u64, 2);
            out.push(b'-');
            fmt::dec_pad(out, d as u64, 2);
            out.push(b' ');
        }
        fmt::dec_pad(out, (sod / 3600) as u64, 2);
        out.push(b':');
        fmt::dec_pad(out, (sod / 60 % 60) as u64, 2);
        out.push(b':');
        fmt::dec_pad(out, (sod % 60) as u64, 2);
        out.push(b'.');
        fmt::dec_pad(out, usec as u64, self.width);
    }

    /// The local UTC offset at `sec`. localtime_r is slow (it may stat /etc/localtime), so
    /// the offset is cached per hour, but only for hours whose first and last second have
    /// the same offset: an hour holding a DST change is asked second by second, so the
    /// result is exact.
    fn utc_offset(&mut self, sec: i64) -> Option<i64> {
        let hour = sec - sec.rem_euclid(3600);
        if let Some((h, off)) = self.cache {
            if h == hour {
                return Some(off);
            }
        }
        let start = gmtoff(hour)?;
        let end = gmtoff(hour + 3599)?;
        if start == end {
            self.cache = Some((hour, start));
            Some(start)
        } else {
            gmtoff(sec)
        }
    }
}

// libc deprecates the `time_t` alias for musl targets (it will follow musl 1.2's 64-bit
// time_t); on x86_64 it is 64-bit with glibc and musl alike, so the cast is exact.
#[allow(deprecated)]
pub(crate) fn gmtoff(sec: i64) -> Option<i64> {
    let t = sec as libc::time_t;
    // SAFETY: tm is plain data; localtime_r writes it and returns NULL on failure.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    let r = unsafe { libc::localtime_r(&t, &mut tm) };
    if r.is_null() {
        None
    } else {
        Some(tm.tm_gmtoff as i64)
    }
}

/// `ctime(3)` without its newline ("Thu Nov 24 18:22:48 1986"), in local time as tcpdump
/// prints attribute timestamps (RADIUS Event-Timestamp).
pub(crate) fn ctime(out: &mut Vec<u8>, sec: i64) {
    const DAYS: [&[u8]; 7] = [b"Thu", b"Fri", b"Sat", b"Sun", b"Mon", b"Tue", b"Wed"];
    const MONTHS: [&[u8]; 12] = [
        b"Jan", b"Feb", b"Mar", b"Apr", b"May", b"Jun", b"Jul", b"Aug", b"Sep", b"Oct", b"Nov",
        b"Dec",
    ];
    let local = sec + gmtoff(sec).unwrap_or(0);
    let (days, rem) = (local.div_euclid(86400), local.rem_euclid(86400));
    let (y, m, d) = civil_from_days(days);
    fmt::put(out, DAYS[days.rem_euclid(7) as usize]);
    out.push(b' ');
    fmt::put(out, MONTHS[m as usize - 1]);
    out.push(b' ');
    if d < 10 {
        out.push(b' ');
    }
    fmt::dec(out, d as u64);
    out.push(b' ');
    fmt::dec_pad(out, (rem / 3600) as u64, 2);
    out.push(b':');
    fmt::dec_pad(out, (rem / 60 % 60) as u64, 2);
    out.push(b':');
    fmt::dec_pad(out, (rem % 60) as u64, 2);
    out.push(b' ');
    if y < 0 {
        out.push(b'-');
    }
    fmt::dec(out, y.unsigned_abs());
}

/// `strftime("%Y{sep}%m{sep}%d %H:%M:%S", tm)` of `sec` as [`local`] or UTC gives it,
/// for years 0..=9999 (AHCP's times in UTC, "-"; AFS Rx dates in local time, "/").
pub(crate) fn datetime(out: &mut Vec<u8>, sec: i64, sep: u8) {
    let (days, rem) = (sec.div_euclid(86400), sec.rem_euclid(86400));
    let (y, m, d) = civil_from_days(days);
    fmt::dec_pad(out, y as u64, 4);
    out.push(sep);
    fmt::dec_pad(out, m as u64, 2);
    out.push(sep);
    fmt::dec_pad(out, d as u64, 2);
    out.push(b' ');
    fmt::dec_pad(out, (rem / 3600) as u64, 2);
    out.push(b':');
    fmt::dec_pad(out, (rem / 60 % 60) as u64, 2);
    out.push(b':');
    fmt::dec_pad(out, (rem % 60) as u64, 2);
}

/// `sec` moved to local time (`localtime`'s offset for it, TZ honoured), for [`datetime`].
pub(crate) fn local(sec: i64) -> i64 {
    sec + gmtoff(sec).unwrap_or(0)
}

/// Days since 1970-01-01 to (year, month, day), proleptic Gregorian (H. Hinnant's algorithm).
pub(crate) fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z.rem_euclid(146097);
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(19723), (2024, 1, 1));
        assert_eq!(civil_from_days(19782), (2024, 2, 29));
    }

    #[test]
    fn ctime_in_utc() {
        std::env::set_var("TZ", "UTC");
        let mut out = Vec::new();
        ctime(&mut out, 533234568);
        assert_eq!(out, b"Mon Nov 24 16:42:48 1986");
    }
}
