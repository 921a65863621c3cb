//! ZigBee Encapsulation Protocol (tcpdump's print-zep.c), UDP 17754: v1 and v2 headers
//! (channel, device, LQI or CRC mode, v2's NTP timestamp in local time, sequence), v2 acks.
//! The IEEE 802.15.4 frame a data message carries needs print-802_15_4.c's printer, which is
//! not ported: [`decodes`] tells the caller, which prints the plain UDP line for it.

use super::nd::{Nd, R};

/// NTP's epoch (1900) to the Unix epoch, in seconds.
const JAN_1970: u32 = 2_208_988_800;

/// The inner frame's length when the header says it (None: tcpdump stops before it).
fn inner_len(nd: &Nd, bp: usize, len: usize) -> Option<u8> {
    if nd.u1(bp).ok()? != b'E' || nd.u1(bp + 1).ok()? != b'X' {
        return None;
    }
    match nd.u1(bp + 2).ok()? {
        1 if len >= 16 => nd.u1(bp + 15).ok(),
        1 => None,
        _ => match nd.u1(bp + 3).ok()? {
            2 => None,
            _ if len >= 32 => nd.u1(bp + 31).ok(),
            _ => None,
        },
    }
}

/// Whether [`zep_print`] prints this datagram as tcpdump does: not when it carries an
/// 802.15.4 frame.
pub(crate) fn decodes(nd: &Nd, bp: usize, len: usize) -> bool {
    inner_len(nd, bp, len).is_none_or(|n| n == 0)
}

/// `ND_LCHECK_U(len, min)`: " [len N < MIN] (invalid)".
fn too_short(nd: &mut Nd, len: usize, min: u64) -> bool {
    if len < min as usize {
        nd.s(b" [len ");
        nd.u(len as u64);
        nd.s(b" < ");
        nd.u(min);
        nd.s(b"]");
        nd.invalid();
        return true;
    }
    false
}

/// "CRC, " or "LQI N, " by the mode byte at `at`.
fn crc_lqi(nd: &mut Nd, at: usize) -> R {
    if nd.u1(at)? != 0 {
        nd.s(b"CRC, ");
    } else {
        let lqi = nd.u1(at + 1)?;
        nd.s(b"LQI ");
        nd.u(lqi as u64);
        nd.s(b", ");
    }
    Ok(())
}

/// `zep_print_ts`: the NTP timestamp with C's single-precision fraction and, when not zero,
/// `strftime("%Y/%m/%d %H:%M:%S")` of its local time.
fn ts(nd: &mut Nd, at: usize) -> R {
    let i = nd.be4(at)?;
    let uf = nd.be4(at + 4)?;
    let ff = ((uf as f32 as f64) / 4_294_967_296.0) as f32;
    let f = (ff as f64 * 1_000_000_000.0) as u32;
    nd.u(i as u64);
    nd.s(b".");
    super::fmt::dec_pad(nd.out, f as u64, 9);
    if i != 0 {
        let secs = i.wrapping_sub(JAN_1970) as i64;
        let local = secs + super::ts::gmtoff(secs).unwrap_or(0);
        let (days, rem) = (local.div_euclid(86400), local.rem_euclid(86400));
        let (y, m, d) = super::ts::civil_from_days(days);
        nd.s(b" (");
        nd.u(y as u64);
        for (sep, v, w) in [
            (b"/", m as u64, 2),
            (b"/", d as u64, 2),
            (b" ", (rem / 3600) as u64, 2),
            (b":", (rem / 60 % 60) as u64, 2),
            (b":", (rem % 60) as u64, 2),
        ] {
            nd.s(sep);
            super::fmt::dec_pad(nd.out, v, w);
        }
        nd.s(b")");
    }
    Ok(())
}

/// `zep_print`; the caller has checked [`decodes`].
pub(crate) fn zep_print(nd: &mut Nd, bp: usize, len: usize) -> R {
    nd.proto = "zep";
    nd.s(b"ZEP");
    // C's `||` reads the second byte only after an 'E', and prints the first before it.
    let p0 = nd.u1(bp)?;
    if p0 != b'E' || nd.u1(bp + 1)? != b'X' {
        nd.s(b" [Preamble Code: ");
        nd.print_char(p0);
        let p1 = nd.u1(bp + 1)?;
        nd.print_char(p1);
        nd.s(b"]");
        nd.invalid();
        return Ok(());
    }
    let version = nd.u1(bp + 2)?;
    nd.s(b"v");
    nd.u(version as u64);
    nd.s(b" ");
    let hdr = if version == 1 {
        if too_short(nd, len, 16) {
            return Ok(());
        }
        let (chan, dev) = (nd.u1(bp + 3)?, nd.be2(bp + 4)?);
        nd.s(b"Channel ID ");
        nd.u(chan as u64);
        nd.s(b", Device ID 0x");
        nd.x0(dev as u64, 4);
        nd.s(b", ");
        crc_lqi(nd, bp + 6)?;
        let inner = nd.u1(bp + 15)?;
        nd.s(b"inner len = ");
        nd.u(inner as u64);
        16
    } else if nd.u1(bp + 3)? == 2 {
        if too_short(nd, len, 8) {
            return Ok(());
        }
        let seq = nd.be4(bp + 4)?;
        nd.s(b"ACK, seq# = ");
        nd.u(seq as u64);
        8
    } else {
        if too_short(nd, len, 32) {
            return Ok(());
        }
        let (typ, chan, dev) = (nd.u1(bp + 3)?, nd.u1(bp + 4)?, nd.be2(bp + 5)?);
        nd.s(b"Type ");
        nd.u(typ as u64);
        nd.s(b", Channel ID ");
        nd.u(chan as u64);
        nd.s(b", Device ID 0x");
        nd.x0(dev as u64, 4);
        nd.s(b", ");
        crc_lqi(nd, bp + 7)?;
        ts(nd, bp + 9)?;
        let (seq, inner) = (nd.be4(bp + 17)?, nd.u1(bp + 31)?);
        nd.s(b", seq# = ");
        nd.u(seq as u64);
        nd.s(b", inner len = ");
        nd.u(inner as u64);
        32
    };
    nd.default_print(bp + hdr, len - hdr)
}
