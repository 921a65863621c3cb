//! `if_tsresol`: the one decoder of an interface's timestamp resolution, used by the reader
//! and by the plugin's merge.
//!
//! The option is one byte: bit 7 clear, the resolution is 10^-n s; set, 2^-n s (n is the low
//! seven bits). Absent, it is 10^-6 s.
//!
//! **One rule, the strict one: a resolution whose units per second do not fit in a `u64` is
//! an error** (decimal exponents above 19, binary ones above 63). Why strict rather than
//! clamping to what a wider integer holds: such a file cannot be read faithfully by anyone.
//! 10^-20 s units count past `u64::MAX` within 0.19 s of the epoch, so a real clock cannot
//! have written them; the file is damaged or from a broken writer. Clamping (as the merge once
//! did, to 10^-38 or 2^-127) silently turns its timestamps into other times, while an error
//! names the problem. Every reader of the format here therefore agrees on which files it
//! accepts.

/// An interface's timestamp resolution, as units per second.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TsResol {
    /// The option byte it was decoded from (or would be encoded as).
    code: u8,
    units_per_sec: u64,
}

/// An `if_tsresol` finer than a `u64` count of units per second can hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "if_tsresol too fine: {}^-{} s (at most 10^-19 s or 2^-63 s fit in 64-bit units per second)",
    if .0 & 0x80 == 0 { 10 } else { 2 },
    .0 & 0x7f
)]
pub struct TsResolError(pub u8);

impl TsResol {
    /// Microseconds: what an interface without the option uses.
    pub const MICROS: TsResol = TsResol {
        code: 6,
        units_per_sec: 1_000_000,
    };
    /// Nanoseconds: what dumpy writes.
    pub const NANOS: TsResol = TsResol {
        code: 9,
        units_per_sec: 1_000_000_000,
    };

    /// Decodes the option's byte; see the module doc for the rule.
    pub fn decode(code: u8) -> Result<TsResol, TsResolError> {
        let exp = u32::from(code & 0x7f);
        let units_per_sec = if code & 0x80 == 0 {
            10u64.checked_pow(exp)
        } else {
            1u64.checked_shl(exp)
        }
        .ok_or(TsResolError(code))?;
        Ok(TsResol {
            code,
            units_per_sec,
        })
    }

    /// The option's byte.
    pub fn code(self) -> u8 {
        self.code
    }

    pub fn units_per_sec(self) -> u64 {
        self.units_per_sec
    }

    /// A timestamp in these units as whole seconds and nanoseconds within the second.
    /// Inlined, so that for a constant resolution (the summary thread's `NANOS`) it is two
    /// divisions by a constant: it runs once per printed packet.
    #[inline]
    pub fn split(self, ts: u64) -> (u64, u32) {
        const NS: u64 = 1_000_000_000;
        let units = self.units_per_sec;
        let (sec, rem) = (ts / units, ts % units);
        let nsec = if units <= NS && NS % units == 0 {
            rem * (NS / units)
        } else {
            (u128::from(rem) * u128::from(NS) / u128::from(units)) as u64
        };
        (sec, nsec as u32)
    }

    /// A timestamp in these units as nanoseconds since the epoch; None past what a `u64`
    /// holds (the year 2554).
    pub fn to_nanos(self, ts: u64) -> Option<u64> {
        u64::try_from(u128::from(ts) * 1_000_000_000 / u128::from(self.units_per_sec)).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_and_binary_resolutions() {
        assert_eq!(TsResol::decode(6), Ok(TsResol::MICROS));
        assert_eq!(TsResol::decode(9), Ok(TsResol::NANOS));
        assert_eq!(TsResol::decode(0).unwrap().units_per_sec(), 1);
        assert_eq!(
            TsResol::decode(19).unwrap().units_per_sec(),
            10_000_000_000_000_000_000
        );
        assert_eq!(TsResol::decode(0x80 | 20).unwrap().units_per_sec(), 1 << 20);
        assert_eq!(TsResol::decode(0x80 | 63).unwrap().units_per_sec(), 1 << 63);
        assert_eq!(TsResol::decode(0x80 | 9).unwrap().code(), 0x89);
    }

    #[test]
    fn what_does_not_fit_is_an_error_not_a_clamp() {
        for code in [20u8, 38, 127, 0x80 | 64, 0x80 | 127] {
            assert_eq!(TsResol::decode(code), Err(TsResolError(code)));
        }
        assert_eq!(
            TsResolError(20).to_string(),
            "if_tsresol too fine: 10^-20 s (at most 10^-19 s or 2^-63 s fit in 64-bit units per second)"
        );
        assert!(TsResolError(0x80 | 64).to_string().contains("2^-64 s"));
    }

    #[test]
    fn conversions() {
        assert_eq!(TsResol::MICROS.to_nanos(1_500_000), Some(1_500_000_000));
        assert_eq!(TsResol::NANOS.to_nanos(7), Some(7));
        assert_eq!(TsResol::NANOS.to_nanos(u64::MAX), Some(u64::MAX));
        let binary = TsResol::decode(0x80 | 20).unwrap();
        assert_eq!(binary.to_nanos(1 << 20), Some(1_000_000_000));
        assert_eq!(binary.split(3 << 19), (1, 500_000_000));
        assert_eq!(TsResol::MICROS.split(1_000_002), (1, 2_000));
        // Microseconds past 2^64 ns do not fit: reported, not wrapped around.
        assert_eq!(TsResol::MICROS.to_nanos(u64::MAX), None);
        let fine = TsResol::decode(19).unwrap();
        assert_eq!(fine.split(u64::MAX), (1, 844_674_407));
    }
}
