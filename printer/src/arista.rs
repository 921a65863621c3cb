//! Arista's vendor-specific ethertype 0xd28b (tcpdump's print-arista.c): the timestamp header
//! a TapAgg switch inserts before the original ethertype (subtype, timescale, format, hardware
//! and the timestamp); Ethernet decoding then resumes at the type after it.

use super::nd::{Nd, R};
use super::tok::{self, Tok};
use super::{fmt, ts};

const SUBTYPE: Tok = &[(1, "Timestamp")];
const TIMESCALE: Tok = &[(0, "TAI"), (1, "UTC")];
const FORMAT: Tok = &[(1, "64-bit"), (2, "48-bit")];
const HW_INFO: Tok = &[(0, "R/R2"), (1, "R3")];

/// "%s (%u)" of `tok2str(t, "Unknown", v)`.
fn named(nd: &mut Nd, t: Tok, v: u32) {
    tok::tok2str(nd, t, "Unknown", v);
    nd.s(b" (");
    nd.u(v as u64);
    nd.s(b")");
}

/// `arista_ethertype_print`: the bytes of the Arista header (after the ethertype), or None
/// for a subtype or format it does not know (the frame is then dumped raw).
pub(crate) fn arista_ethertype_print(nd: &mut Nd, bp: usize) -> R<Option<usize>> {
    nd.proto = "arista";
    let subtype = nd.be2(bp)?;
    nd.s(b"SubType ");
    tok::tok2str(nd, SUBTYPE, "Unknown", subtype as u32);
    nd.s(b" (0x");
    nd.x0(subtype as u64, 4);
    nd.s(b"), ");
    if subtype != 1 {
        return Ok(None);
    }
    let timescale = nd.u1(bp + 2)?;
    nd.s(b"Timescale ");
    named(nd, TIMESCALE, timescale as u32);
    nd.s(b", ");
    let b = nd.u1(bp + 3)?;
    let (format, hw) = (b >> 4, b & 0x0f);
    nd.s(b"Format ");
    named(nd, FORMAT, format as u32);
    nd.s(b", HwInfo ");
    named(nd, HW_INFO, hw as u32);
    nd.s(b", Timestamp ");
    let consumed = match format {
        1 => {
            let (sec, nsec) = (nd.be4(bp + 4)?, nd.be4(bp + 8)?);
            date_hms_time(nd, sec, nsec);
            12
        }
        2 => {
            let (sec, nsec) = (nd.be2(bp + 4)? as u64, nd.be4(bp + 6)?);
            nd.u(sec + (nsec / 1_000_000_000) as u64);
            nd.s(b".");
            fmt::dec_pad(nd.out, (nsec % 1_000_000_000) as u64, 9);
            10
        }
        _ => return Ok(None),
    };
    nd.s(b": ");
    Ok(Some(consumed))
}

/// `arista_print_date_hms_time`: "%Y-%m-%d %H:%M:%S.%09u" in UTC.
fn date_hms_time(nd: &mut Nd, sec: u32, nsec: u32) {
    let t = sec as i64 + (nsec / 1_000_000_000) as i64;
    let (days, rem) = (t.div_euclid(86400), t.rem_euclid(86400));
    let (y, m, d) = ts::civil_from_days(days);
    fmt::dec_pad(nd.out, y as u64, 4);
    nd.s(b"-");
    fmt::dec_pad(nd.out, m as u64, 2);
    nd.s(b"-");
    fmt::dec_pad(nd.out, d as u64, 2);
    nd.s(b" ");
    fmt::dec_pad(nd.out, (rem / 3600) as u64, 2);
    nd.s(b":");
    fmt::dec_pad(nd.out, (rem / 60 % 60) as u64, 2);
    nd.s(b":");
    fmt::dec_pad(nd.out, (rem % 60) as u64, 2);
    nd.s(b".");
    fmt::dec_pad(nd.out, (nsec % 1_000_000_000) as u64, 9);
}
