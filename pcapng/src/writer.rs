//! Encodes pcapng blocks into a caller's buffer. This is the capture hot path: an EPB is
//! one bounds-checked reservation and one copy of the packet bytes, nothing else.
//!
//! Blocks are written little-endian (the byte-order magic tells readers). Timestamps are
//! always nanoseconds, and every IDB says so with if_tsresol = 9. [`encode_block`] and
//! [`OptionWriter`] also serve writers of other blocks (the plugin's merge).

use super::blocks::*;
use crate::tsresol::TsResol;
use crate::view::Epb;

/// What the Section Header Block says about the capture.
#[derive(Clone, Debug, Default)]
pub struct SectionInfo {
    pub hardware: Option<String>,
    pub os: Option<String>,
    pub userappl: Option<String>,
    pub comments: Vec<String>,
}

/// One Interface Description Block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InterfaceDesc {
    pub name: String,
    pub description: Option<String>,
    /// LINKTYPE_ value (fits in 16 bits by the format).
    pub linktype: u16,
    pub snaplen: u32,
    /// The libpcap filter expression, when there is one.
    pub filter: Option<String>,
}

/// The counters of one Interface Statistics Block. `None` leaves the option out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InterfaceStats {
    pub start_ns: Option<u64>,
    pub end_ns: Option<u64>,
    pub ifrecv: Option<u64>,
    pub ifdrop: Option<u64>,
    pub filteraccept: Option<u64>,
    pub osdrop: Option<u64>,
    pub usrdeliv: Option<u64>,
    pub comment: Option<String>,
}

#[inline]
fn pad4(n: usize) -> usize {
    (4 - (n & 3)) & 3
}

/// Appends little-endian options to a block under construction, each padded to 4 bytes.
pub struct OptionWriter<'a>(&'a mut Vec<u8>);

impl<'a> OptionWriter<'a> {
    pub fn new(buf: &'a mut Vec<u8>) -> OptionWriter<'a> {
        OptionWriter(buf)
    }
    pub fn bytes(&mut self, code: u16, value: &[u8]) {
        // An option value longer than 65535 bytes cannot be encoded; cut it rather than
        // write a corrupt block.
        let value = &value[..value.len().min(u16::MAX as usize - 3)];
        self.0.extend_from_slice(&code.to_le_bytes());
        self.0
            .extend_from_slice(&(value.len() as u16).to_le_bytes());
        self.0.extend_from_slice(value);
        self.0.extend_from_slice(&[0u8; 3][..pad4(value.len())]);
    }
    pub fn str(&mut self, code: u16, value: &str) {
        self.bytes(code, value.as_bytes());
    }
    pub fn u64(&mut self, code: u16, v: u64) {
        self.bytes(code, &v.to_le_bytes());
    }
    /// Timestamps in ISB options are two 32-bit halves, high first.
    pub fn ts(&mut self, code: u16, ts: u64) {
        self.bytes(code, &timestamp(ts));
    }
    /// opt_endofopt: the last option.
    pub fn end(self) {
        self.0.extend_from_slice(&[0u8; 4]);
    }
}

/// A timestamp as pcapng stores it (in EPB, ISB, isb_starttime/endtime): two little-endian
/// 32-bit halves, high first.
#[inline]
pub fn timestamp(ts: u64) -> [u8; 8] {
    let mut b = [0u8; 8];
    b[..4].copy_from_slice(&((ts >> 32) as u32).to_le_bytes());
    b[4..].copy_from_slice(&(ts as u32).to_le_bytes());
    b
}

/// Writes a block: type, a placeholder length, the body from `body`, then both lengths.
/// `body` must leave a multiple of 4 bytes (options do).
pub fn encode_block(buf: &mut Vec<u8>, kind: u32, body: impl FnOnce(&mut Vec<u8>)) {
    let start = buf.len();
    buf.extend_from_slice(&kind.to_le_bytes());
    buf.extend_from_slice(&[0u8; 4]);
    body(buf);
    let len = (buf.len() - start + 4) as u32;
    buf.extend_from_slice(&len.to_le_bytes());
    buf[start + 4..start + 8].copy_from_slice(&len.to_le_bytes());
}

/// A block of `kind`: the fields `fixed` writes, the options `options` writes, opt_endofopt.
fn encode_with_options(
    buf: &mut Vec<u8>,
    kind: u32,
    fixed: impl FnOnce(&mut Vec<u8>),
    options: impl FnOnce(&mut OptionWriter<'_>),
) {
    encode_block(buf, kind, |b| {
        fixed(b);
        let mut o = OptionWriter(b);
        options(&mut o);
        o.end();
    });
}

/// Section Header Block with an unknown section length (-1), as streaming writers do.
pub fn encode_shb(buf: &mut Vec<u8>, info: &SectionInfo) {
    let fixed = |b: &mut Vec<u8>| {
        b.extend_from_slice(&BYTE_ORDER_MAGIC.to_le_bytes());
        b.extend_from_slice(&VERSION_MAJOR.to_le_bytes());
        b.extend_from_slice(&0u16.to_le_bytes());
        b.extend_from_slice(&(-1i64).to_le_bytes());
    };
    encode_with_options(buf, SHB, fixed, |o| {
        for c in &info.comments {
            o.str(OPT_COMMENT, c);
        }
        if let Some(v) = &info.hardware {
            o.str(SHB_HARDWARE, v);
        }
        if let Some(v) = &info.os {
            o.str(SHB_OS, v);
        }
        if let Some(v) = &info.userappl {
            o.str(SHB_USERAPPL, v);
        }
    });
}

/// Interface Description Block with nanosecond resolution.
pub fn encode_idb(buf: &mut Vec<u8>, desc: &InterfaceDesc) {
    encode_idb_with(buf, desc.linktype, desc.snaplen, |o| {
        o.str(IF_NAME, &desc.name);
        if let Some(d) = &desc.description {
            o.str(IF_DESCRIPTION, d);
        }
        o.bytes(IF_TSRESOL, &[TsResol::NANOS.code()]);
        if let Some(f) = desc.filter.as_deref().filter(|f| !f.is_empty()) {
            let mut v = Vec::with_capacity(f.len() + 1);
            v.push(IF_FILTER_STRING);
            v.extend_from_slice(f.as_bytes());
            o.bytes(IF_FILTER, &v);
        }
    });
}

/// Interface Description Block with the options `options` writes (opt_endofopt follows).
pub fn encode_idb_with(
    buf: &mut Vec<u8>,
    linktype: u16,
    snaplen: u32,
    options: impl FnOnce(&mut OptionWriter<'_>),
) {
    let fixed = |b: &mut Vec<u8>| {
        b.extend_from_slice(&linktype.to_le_bytes());
        b.extend_from_slice(&0u16.to_le_bytes());
        b.extend_from_slice(&snaplen.to_le_bytes());
    };
    encode_with_options(buf, IDB, fixed, options);
}

/// Size in bytes of the EPB that [`encode_epb`] writes for `caplen` bytes of packet.
#[inline]
pub fn epb_len(caplen: usize, with_flags: bool) -> usize {
    32 + caplen + pad4(caplen) + if with_flags { 12 } else { 0 }
}

/// Enhanced Packet Block. `flags` is epb_flags, when the direction is known.
#[inline]
pub fn encode_epb(
    buf: &mut Vec<u8>,
    interface_id: u32,
    ts_ns: u64,
    data: &[u8],
    wire_len: u32,
    flags: Option<u32>,
) {
    let caplen = data.len();
    let total = epb_len(caplen, flags.is_some());
    let mut head = [0u8; 28];
    head[0..4].copy_from_slice(&EPB.to_le_bytes());
    head[4..8].copy_from_slice(&(total as u32).to_le_bytes());
    head[8..12].copy_from_slice(&interface_id.to_le_bytes());
    head[12..16].copy_from_slice(&((ts_ns >> 32) as u32).to_le_bytes());
    head[16..20].copy_from_slice(&(ts_ns as u32).to_le_bytes());
    head[20..24].copy_from_slice(&(caplen as u32).to_le_bytes());
    head[24..28].copy_from_slice(&wire_len.to_le_bytes());
    // Padding (up to 3 zero bytes), then the options and the trailing length.
    let mut tail = [0u8; 19];
    let pad = pad4(caplen);
    let n = match flags {
        Some(f) => {
            tail[pad..pad + 2].copy_from_slice(&EPB_FLAGS.to_le_bytes());
            tail[pad + 2..pad + 4].copy_from_slice(&4u16.to_le_bytes());
            tail[pad + 4..pad + 8].copy_from_slice(&f.to_le_bytes());
            // tail[pad + 8..pad + 12] stays zero: opt_endofopt.
            tail[pad + 12..pad + 16].copy_from_slice(&(total as u32).to_le_bytes());
            pad + 16
        }
        None => {
            tail[pad..pad + 4].copy_from_slice(&(total as u32).to_le_bytes());
            pad + 4
        }
    };
    debug_assert_eq!(28 + caplen + n, total);
    // One capacity check and three copies: this runs once per captured packet, and
    // per-call `extend_from_slice` bookkeeping was a third of its cost.
    // The tail is copied whole (fixed size: two moves instead of a memcpy call); the
    // bytes past `total` land in spare capacity and are overwritten by the next block.
    let start = buf.len();
    buf.reserve(total + tail.len());
    // SAFETY: `reserve` made room for `total + 19` bytes after `start`; the copies fill
    // 28 + caplen + n == total bytes below the new length (and at most 19 - n beyond it,
    // inside the reserved capacity), so every byte below the new length is initialised.
    unsafe {
        let p = buf.as_mut_ptr().add(start);
        std::ptr::copy_nonoverlapping(head.as_ptr(), p, 28);
        std::ptr::copy_nonoverlapping(data.as_ptr(), p.add(28), caplen);
        std::ptr::copy_nonoverlapping(tail.as_ptr(), p.add(28 + caplen), tail.len());
        buf.set_len(start + total);
    }
}

/// Interface Statistics Block.
pub fn encode_isb(buf: &mut Vec<u8>, interface_id: u32, ts_ns: u64, s: &InterfaceStats) {
    encode_isb_with(buf, interface_id, ts_ns, |o| {
        if let Some(c) = &s.comment {
            o.str(OPT_COMMENT, c);
        }
        if let Some(v) = s.start_ns {
            o.ts(ISB_STARTTIME, v);
        }
        if let Some(v) = s.end_ns {
            o.ts(ISB_ENDTIME, v);
        }
        for (code, v) in [
            (ISB_IFRECV, s.ifrecv),
            (ISB_IFDROP, s.ifdrop),
            (ISB_FILTERACCEPT, s.filteraccept),
            (ISB_OSDROP, s.osdrop),
            (ISB_USRDELIV, s.usrdeliv),
        ] {
            if let Some(v) = v {
                o.u64(code, v);
            }
        }
    });
}

/// Interface Statistics Block with the options `options` writes (opt_endofopt follows).
pub fn encode_isb_with(
    buf: &mut Vec<u8>,
    interface_id: u32,
    ts: u64,
    options: impl FnOnce(&mut OptionWriter<'_>),
) {
    let fixed = |b: &mut Vec<u8>| {
        b.extend_from_slice(&interface_id.to_le_bytes());
        b.extend_from_slice(&timestamp(ts));
    };
    encode_with_options(buf, ISB, fixed, options);
}

/// A copy of `epb` (little-endian, as it must be) with another interface id and timestamp;
/// lengths, data and options stay as they are. For rewriting packets from other files.
pub fn encode_epb_from(buf: &mut Vec<u8>, epb: &Epb<'_>, interface_id: u32, ts: u64) {
    debug_assert_eq!(epb.endian(), crate::view::Endian::Little);
    encode_block(buf, EPB, |b| {
        b.extend_from_slice(&interface_id.to_le_bytes());
        b.extend_from_slice(&timestamp(ts));
        for part in epb.after_timestamp() {
            b.extend_from_slice(part);
        }
    });
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// An Ethernet interface description, as the capture engine writes them.
    pub(crate) fn eth0(snaplen: u32, filter: &str) -> InterfaceDesc {
        InterfaceDesc {
            name: "eth0".into(),
            description: None,
            linktype: 1,
            snaplen,
            filter: Some(filter.into()),
        }
    }

    #[test]
    fn epb_length_matches_encoding() {
        for caplen in 0..9 {
            for flags in [None, Some(FLAG_INBOUND)] {
                let mut b = Vec::new();
                encode_epb(
                    &mut b,
                    3,
                    1_700_000_000_123_456_789,
                    &vec![0xAB; caplen],
                    1500,
                    flags,
                );
                assert_eq!(b.len(), epb_len(caplen, flags.is_some()));
                let block = crate::view::Block::new_checked(&b, Default::default()).unwrap();
                assert_eq!(block.total_len(), b.len());
            }
        }
    }

    #[test]
    fn a_rewritten_epb_keeps_all_but_interface_and_time() {
        let mut b = Vec::new();
        encode_epb(&mut b, 1, 10, b"hello", 70, Some(FLAG_INBOUND));
        let block = crate::view::Block::new_checked(&b, Default::default()).unwrap();
        let mut out = Vec::new();
        encode_epb_from(&mut out, &Epb::new_checked(block).unwrap(), 4, 1 << 40);
        assert_eq!(out.len(), b.len());
        assert_eq!(out[..8], b[..8]);
        assert_eq!(out[8..12], 4u32.to_le_bytes());
        assert_eq!(out[12..20], timestamp(1 << 40));
        assert_eq!(out[20..], b[20..]);
    }

    #[test]
    fn blocks_are_aligned_and_self_consistent() {
        let mut b = Vec::new();
        encode_shb(
            &mut b,
            &SectionInfo {
                userappl: Some("x".into()),
                comments: vec!["abc".into()],
                ..Default::default()
            },
        );
        encode_idb(&mut b, &eth0(262144, "tcp"));
        encode_isb(
            &mut b,
            0,
            5,
            &InterfaceStats {
                ifrecv: Some(1),
                ..Default::default()
            },
        );
        // The views check lengths, trailers and alignment.
        let kinds: Vec<u32> = crate::view::Blocks::new(&b)
            .map(|b| b.unwrap().kind())
            .collect();
        assert_eq!(kinds, vec![SHB, IDB, ISB]);
    }
}
