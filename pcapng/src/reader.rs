//! Reads legacy pcap (µs and ns magic, either byte order) and pcapng (several sections, several
//! interfaces with their own link types and `if_tsresol`/`if_tsoffset`, EPB, SPB and the
//! obsolete PB, unknown blocks skipped), handing out borrowed [`Packet`]s.
//!
//! The whole file is read into one buffer up front (a capture file is read once, start to
//! end), so handing out a packet is a bounds check and a slice: no allocation per packet.
//! Malformed input is an error naming the offset, never a panic.

use crate::blocks::{BYTE_ORDER_MAGIC, EPB, IDB, PB, SHB, SPB};
use crate::packet::Packet;

const PCAP_MAGIC_US: u32 = 0xa1b2_c3d4;
const PCAP_MAGIC_NS: u32 = 0xa1b2_3c4d;
/// libpcap's largest accepted snapshot length for a packet record.
const MAX_CAPLEN: u32 = 262_144 * 4;

/// What went wrong reading a capture file.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{0}: not a pcap or pcapng file (unknown magic number); check the file name")]
    UnknownFormat(String),
    #[error("malformed capture file at byte {offset}: {what}")]
    Malformed { offset: usize, what: String },
}

/// Which of the two formats the file is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Legacy pcap; `nanos` for the 0xa1b23c4d magic.
    Pcap {
        nanos: bool,
        big_endian: bool,
    },
    Pcapng,
}

/// One interface (pcapng IDB, or the single implicit interface of a pcap file).
#[derive(Clone, Debug)]
pub struct InterfaceInfo {
    /// Index of the section this interface belongs to.
    pub section: usize,
    pub linktype: u32,
    pub snaplen: u32,
    /// `if_name`, when the file has it.
    pub name: Option<String>,
    /// `if_filter` (libpcap string form), when the file has it.
    pub filter: Option<String>,
    /// Timestamp units per second (`if_tsresol`; 10^6 when absent).
    pub units_per_sec: u64,
    /// `if_tsoffset`, seconds.
    pub ts_offset: i64,
}

/// One pcapng section (SHB), or the whole of a pcap file.
#[derive(Clone, Debug, Default)]
pub struct SectionInfo {
    pub big_endian: bool,
    pub major: u16,
    pub minor: u16,
    pub hardware: Option<String>,
    pub os: Option<String>,
    pub user_application: Option<String>,
    pub comments: Vec<String>,
}

/// A pcap or pcapng file being read, from any byte buffer: a `Vec<u8>`, or a memory map
/// (the sniffer's `-r` maps regular files; this crate stays free of I/O policy).
pub struct Reader<B = Vec<u8>> {
    buf: B,
    pos: usize,
    format: Format,
    /// Byte order of the current pcapng section (or of the pcap file).
    big_endian: bool,
    interfaces: Vec<InterfaceInfo>,
    sections: Vec<SectionInfo>,
    /// Index in `interfaces` of the current section's interface 0.
    section_base: usize,
    last_interface: usize,
    last_flags: Option<u32>,
}

fn malformed<T>(offset: usize, what: impl Into<String>) -> Result<T, ReadError> {
    Err(ReadError::Malformed {
        offset,
        what: what.into(),
    })
}

impl Reader<Vec<u8>> {
    /// Reads a capture held in memory.
    pub fn from_bytes(buf: Vec<u8>) -> Result<Reader, ReadError> {
        Reader::new(buf)
    }
}

impl<B: AsRef<[u8]>> Reader<B> {
    /// Reads the capture in `buf` up to its first interface.
    pub fn new(buf: B) -> Result<Reader<B>, ReadError> {
        let b = buf.as_ref();
        if b.len() < 4 {
            if b.is_empty() {
                return malformed(0, "the file is empty");
            }
            return Err(ReadError::UnknownFormat(String::new()));
        }
        let m_le = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
        let m_be = u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
        let mut r = Reader {
            buf,
            pos: 0,
            format: Format::Pcapng,
            big_endian: false,
            interfaces: Vec::new(),
            sections: Vec::new(),
            section_base: 0,
            last_interface: 0,
            last_flags: None,
        };
        let pcap = |m: u32| m == PCAP_MAGIC_US || m == PCAP_MAGIC_NS;
        if pcap(m_le) || pcap(m_be) {
            let big_endian = !pcap(m_le);
            let magic = if big_endian { m_be } else { m_le };
            r.big_endian = big_endian;
            r.format = Format::Pcap {
                nanos: magic == PCAP_MAGIC_NS,
                big_endian,
            };
            r.read_pcap_header()?;
        } else if m_le == SHB {
            r.read_pcapng_start()?;
        } else {
            return Err(ReadError::UnknownFormat(String::new()));
        }
        Ok(r)
    }

    pub fn format(&self) -> Format {
        self.format
    }

    /// Interfaces seen so far (all of a pcap file's, and pcapng IDBs read up to now).
    pub fn interfaces(&self) -> &[InterfaceInfo] {
        &self.interfaces
    }

    /// Sections seen so far.
    pub fn sections(&self) -> &[SectionInfo] {
        &self.sections
    }

    /// The first interface: what tcpdump's "reading from file" line describes.
    pub fn first_interface(&self) -> &InterfaceInfo {
        &self.interfaces[0]
    }

    /// Index in [`interfaces`](Self::interfaces) of the last packet's interface.
    pub fn last_interface(&self) -> usize {
        self.last_interface
    }

    /// `epb_flags` of the last packet, when it had them.
    pub fn last_flags(&self) -> Option<u32> {
        self.last_flags
    }

    fn u16_at(&self, at: usize) -> u16 {
        let b = [self.buf.as_ref()[at], self.buf.as_ref()[at + 1]];
        if self.big_endian {
            u16::from_be_bytes(b)
        } else {
            u16::from_le_bytes(b)
        }
    }

    fn u32_at(&self, at: usize) -> u32 {
        let b = [
            self.buf.as_ref()[at],
            self.buf.as_ref()[at + 1],
            self.buf.as_ref()[at + 2],
            self.buf.as_ref()[at + 3],
        ];
        if self.big_endian {
            u32::from_be_bytes(b)
        } else {
            u32::from_le_bytes(b)
        }
    }

    fn read_pcap_header(&mut self) -> Result<(), ReadError> {
        if self.buf.as_ref().len() < 24 {
            return malformed(
                self.buf.as_ref().len(),
                "truncated pcap file header (24 bytes needed)",
            );
        }
        let major = self.u16_at(4);
        let minor = self.u16_at(6);
        let snaplen = self.u32_at(16);
        let linktype = self.u32_at(20) & 0x03FF_FFFF;
        self.sections.push(SectionInfo {
            big_endian: self.big_endian,
            major,
            minor,
            ..Default::default()
        });
        let nanos = matches!(self.format, Format::Pcap { nanos: true, .. });
        self.interfaces.push(InterfaceInfo {
            section: 0,
            linktype,
            snaplen: adjust_snaplen(snaplen),
            name: None,
            filter: None,
            units_per_sec: if nanos { 1_000_000_000 } else { 1_000_000 },
            ts_offset: 0,
        });
        self.pos = 24;
        Ok(())
    }

    /// Reads pcapng blocks up to and including the first IDB, so the link type is known.
    fn read_pcapng_start(&mut self) -> Result<(), ReadError> {
        while self.interfaces.is_empty() {
            let start = self.pos;
            let Some((btype, body, total)) = self.block_at(start)? else {
                return malformed(start, "no interface description block in the file");
            };
            match btype {
                SHB => self.section(start, body, total)?,
                IDB => self.interface(start, body, total)?,
                PB | SPB | EPB => return malformed(start, "packet block before any interface"),
                _ => {}
            }
            self.pos = start + total;
        }
        Ok(())
    }

    /// The block at `at`: (type, body offset, total length); None at the end of the file.
    /// An SHB sets the byte order first, since its own length is written in it.
    fn block_at(&mut self, at: usize) -> Result<Option<(u32, usize, usize)>, ReadError> {
        let left = self.buf.as_ref().len() - at;
        if left == 0 {
            return Ok(None);
        }
        if left < 12 {
            return malformed(at, format!("truncated block header ({left} bytes left)"));
        }
        let raw = u32::from_le_bytes([
            self.buf.as_ref()[at],
            self.buf.as_ref()[at + 1],
            self.buf.as_ref()[at + 2],
            self.buf.as_ref()[at + 3],
        ]);
        if raw == SHB {
            let bom = &self.buf.as_ref()[at + 8..at + 12];
            self.big_endian = match u32::from_le_bytes([bom[0], bom[1], bom[2], bom[3]]) {
                BYTE_ORDER_MAGIC => false,
                m if m.swap_bytes() == BYTE_ORDER_MAGIC => true,
                _ => return malformed(at + 8, "bad byte-order magic in section header"),
            };
        }
        let btype = self.u32_at(at);
        let total = self.u32_at(at + 4) as usize;
        if total < 12 || total % 4 != 0 {
            return malformed(at + 4, format!("bad block length {total}"));
        }
        if total > left {
            return malformed(
                at,
                format!("block of {total} bytes runs past the end of the file"),
            );
        }
        if self.u32_at(at + total - 4) as usize != total {
            return malformed(
                at + total - 4,
                "block trailer length differs from its header",
            );
        }
        Ok(Some((btype, at + 8, total)))
    }

    fn section(&mut self, at: usize, body: usize, total: usize) -> Result<(), ReadError> {
        if total < 28 {
            return malformed(at, "section header block too short");
        }
        let mut s = SectionInfo {
            big_endian: self.big_endian,
            major: self.u16_at(body + 4),
            minor: self.u16_at(body + 6),
            ..Default::default()
        };
        if s.major != 1 {
            return malformed(
                body + 4,
                format!("unsupported pcapng version {}.{}", s.major, s.minor),
            );
        }
        for (code, val) in self.options(body + 16, at + total - 4)? {
            let text = || String::from_utf8_lossy(val).into_owned();
            match code {
                1 => s.comments.push(text()),
                2 => s.hardware = Some(text()),
                3 => s.os = Some(text()),
                4 => s.user_application = Some(text()),
                _ => {}
            }
        }
        self.sections.push(s);
        self.section_base = self.interfaces.len();
        Ok(())
    }

    fn interface(&mut self, at: usize, body: usize, total: usize) -> Result<(), ReadError> {
        if total < 20 {
            return malformed(at, "interface description block too short");
        }
        if self.sections.is_empty() {
            return malformed(at, "interface description before any section header");
        }
        let mut i = InterfaceInfo {
            section: self.sections.len() - 1,
            linktype: self.u16_at(body) as u32,
            snaplen: adjust_snaplen(self.u32_at(body + 4)),
            name: None,
            filter: None,
            units_per_sec: 1_000_000,
            ts_offset: 0,
        };
        for (code, val) in self.options(body + 8, at + total - 4)? {
            match code {
                2 => i.name = Some(String::from_utf8_lossy(val).into_owned()),
                9 if !val.is_empty() => {
                    let v = val[0];
                    let exp = (v & 0x7f) as u32;
                    i.units_per_sec = if v & 0x80 != 0 {
                        if exp > 63 {
                            return malformed(at, "if_tsresol too fine");
                        }
                        1u64 << exp
                    } else {
                        if exp > 19 {
                            return malformed(at, "if_tsresol too fine");
                        }
                        10u64.pow(exp)
                    };
                }
                11 if !val.is_empty() && val[0] == 0 => {
                    i.filter = Some(String::from_utf8_lossy(&val[1..]).into_owned())
                }
                14 if val.len() == 8 => {
                    let b: [u8; 8] = val.try_into().unwrap_or([0; 8]);
                    i.ts_offset = if self.big_endian {
                        i64::from_be_bytes(b)
                    } else {
                        i64::from_le_bytes(b)
                    };
                }
                _ => {}
            }
        }
        self.interfaces.push(i);
        Ok(())
    }

    /// The options between `from` and `end` as (code, value) pairs, up to opt_endofopt.
    fn options(&self, from: usize, end: usize) -> Result<Vec<(u16, &[u8])>, ReadError> {
        let mut v = Vec::new();
        let mut p = from;
        while p + 4 <= end {
            let code = self.u16_at(p);
            let len = self.u16_at(p + 2) as usize;
            if code == 0 {
                break;
            }
            let val_end = p + 4 + len;
            if val_end > end {
                return malformed(
                    p,
                    format!("option {code} of {len} bytes runs past its block"),
                );
            }
            v.push((code, &self.buf.as_ref()[p + 4..val_end]));
            p = val_end + (4 - len % 4) % 4;
        }
        Ok(v)
    }

    /// The next packet, or None at the end of the file.
    pub fn next_packet(&mut self) -> Result<Option<Packet<'_>>, ReadError> {
        match self.format {
            Format::Pcap { .. } => self.next_pcap(),
            Format::Pcapng => self.next_pcapng(),
        }
    }

    fn next_pcap(&mut self) -> Result<Option<Packet<'_>>, ReadError> {
        let at = self.pos;
        let left = self.buf.as_ref().len() - at;
        if left == 0 {
            return Ok(None);
        }
        if left < 16 {
            return malformed(at, format!("truncated packet header ({left} bytes left)"));
        }
        // One 16-byte read of the record header (every packet passes here).
        let h: [u8; 16] = self.buf.as_ref()[at..at + 16]
            .try_into()
            .expect("16 bytes checked above");
        let big_endian = self.big_endian;
        let field = |o: usize| {
            let b = [h[o], h[o + 1], h[o + 2], h[o + 3]];
            if big_endian {
                u32::from_be_bytes(b)
            } else {
                u32::from_le_bytes(b)
            }
        };
        let (sec, frac, caplen, len) = (field(0), field(4), field(8), field(12));
        if caplen > MAX_CAPLEN {
            return malformed(
                at + 8,
                format!("packet capture length {caplen} is too large"),
            );
        }
        let data_at = at + 16;
        if caplen as usize > self.buf.as_ref().len() - data_at {
            return malformed(at, "packet data runs past the end of the file");
        }
        self.pos = data_at + caplen as usize;
        self.last_interface = 0;
        let nanos = matches!(self.format, Format::Pcap { nanos: true, .. });
        let ts_nsec = subsec(frac, nanos);
        Ok(Some(Packet {
            linktype: self.interfaces[0].linktype,
            ts_sec: sec as i64,
            ts_nsec,
            wire_len: len,
            data: &self.buf.as_ref()[data_at..data_at + caplen as usize],
        }))
    }

    fn next_pcapng(&mut self) -> Result<Option<Packet<'_>>, ReadError> {
        loop {
            let at = self.pos;
            let Some((btype, body, total)) = self.block_at(at)? else {
                return Ok(None);
            };
            let end = at + total - 4;
            self.pos = at + total;
            match btype {
                SHB => self.section(at, body, total)?,
                IDB => self.interface(at, body, total)?,
                EPB | PB => {
                    let fixed = 20;
                    if body + fixed > end {
                        return malformed(at, "packet block too short");
                    }
                    let (ifid, ts_hi, ts_lo, caplen, len) = if btype == EPB {
                        (
                            self.u32_at(body) as usize,
                            self.u32_at(body + 4),
                            self.u32_at(body + 8),
                            self.u32_at(body + 12) as usize,
                            self.u32_at(body + 16),
                        )
                    } else {
                        (
                            self.u16_at(body) as usize,
                            self.u32_at(body + 4),
                            self.u32_at(body + 8),
                            self.u32_at(body + 12) as usize,
                            self.u32_at(body + 16),
                        )
                    };
                    let data_at = body + fixed;
                    if caplen > end - data_at {
                        return malformed(at, "packet data runs past its block");
                    }
                    let padded = data_at + caplen.div_ceil(4) * 4;
                    let mut flags = None;
                    if btype == EPB && padded < end {
                        for (code, val) in self.options(padded, end)? {
                            if code == 2 && val.len() == 4 {
                                let b = [val[0], val[1], val[2], val[3]];
                                flags = Some(if self.big_endian {
                                    u32::from_be_bytes(b)
                                } else {
                                    u32::from_le_bytes(b)
                                });
                            }
                        }
                    }
                    self.last_flags = flags;
                    let idx = self.section_base + ifid;
                    if idx >= self.interfaces.len() {
                        return malformed(
                            at,
                            format!("packet names interface {ifid}, which is not described"),
                        );
                    }
                    let iface = &self.interfaces[idx];
                    let ts = ((ts_hi as u64) << 32) | ts_lo as u64;
                    let units = iface.units_per_sec;
                    let sec = (ts / units) as i64 + iface.ts_offset;
                    let nsec = ((ts % units) as u128 * 1_000_000_000 / units as u128) as u32;
                    self.last_interface = idx;
                    return Ok(Some(Packet {
                        linktype: iface.linktype,
                        ts_sec: sec,
                        ts_nsec: nsec,
                        wire_len: len,
                        data: &self.buf.as_ref()[data_at..data_at + caplen],
                    }));
                }
                SPB => {
                    if body + 4 > end {
                        return malformed(at, "simple packet block too short");
                    }
                    if self.section_base >= self.interfaces.len() {
                        return malformed(at, "simple packet block without an interface");
                    }
                    let len = self.u32_at(body);
                    let iface = &self.interfaces[self.section_base];
                    let mut caplen = (len as usize).min(end - (body + 4));
                    if iface.snaplen != 0 {
                        caplen = caplen.min(iface.snaplen as usize);
                    }
                    self.last_interface = self.section_base;
                    self.last_flags = None;
                    let data_at = body + 4;
                    return Ok(Some(Packet {
                        linktype: iface.linktype,
                        ts_sec: 0,
                        ts_nsec: 0,
                        wire_len: len,
                        data: &self.buf.as_ref()[data_at..data_at + caplen],
                    }));
                }
                _ => {}
            }
        }
    }
}

/// The `ts_nsec` of a pcap record. A fraction field out of range (a damaged file) cannot be
/// normalised without changing what tcpdump prints (it prints the raw microsecond value, e.g.
/// ".808464432"), so values from 10^9 up stand for the microsecond value 10^6 + (v - 10^9);
/// the printer decodes them so.
fn subsec(frac: u32, nanos: bool) -> u32 {
    if nanos && frac < 1_000_000_000 {
        return frac;
    }
    if !nanos && frac < 1_000_000 {
        return frac * 1000;
    }
    let usec = if nanos { frac / 1000 } else { frac } as u64;
    (1_000_000_000 + usec - 1_000_000).min(u32::MAX as u64) as u32
}

/// libpcap's `pcap_adjust_snapshot`: 0 or out-of-range snapshot lengths mean the maximum.
fn adjust_snaplen(snaplen: u32) -> u32 {
    if snaplen == 0 || snaplen > 262_144 {
        262_144
    } else {
        snaplen
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pcap(magic: u32, be: bool, recs: &[(u32, u32, &[u8])]) -> Vec<u8> {
        let w32 = |v: &mut Vec<u8>, x: u32| {
            v.extend_from_slice(&if be { x.to_be_bytes() } else { x.to_le_bytes() })
        };
        let w16 = |v: &mut Vec<u8>, x: u16| {
            v.extend_from_slice(&if be { x.to_be_bytes() } else { x.to_le_bytes() })
        };
        let mut v = Vec::new();
        w32(&mut v, magic);
        w16(&mut v, 2);
        w16(&mut v, 4);
        w32(&mut v, 0);
        w32(&mut v, 0);
        w32(&mut v, 65535);
        w32(&mut v, 1);
        for (s, f, d) in recs {
            w32(&mut v, *s);
            w32(&mut v, *f);
            w32(&mut v, d.len() as u32);
            w32(&mut v, d.len() as u32 + 4);
            v.extend_from_slice(d);
        }
        v
    }

    #[test]
    fn pcap_all_magics() {
        for (magic, be, nsec) in [
            (PCAP_MAGIC_US, false, 5000),
            (PCAP_MAGIC_US, true, 5000),
            (PCAP_MAGIC_NS, false, 5),
            (PCAP_MAGIC_NS, true, 5),
        ] {
            let f = pcap(magic, be, &[(10, 5, b"abc"), (11, 6, b"")]);
            let mut r = Reader::from_bytes(f).unwrap();
            assert_eq!(r.first_interface().linktype, 1);
            assert_eq!(r.first_interface().snaplen, 65535);
            let p = r.next_packet().unwrap().unwrap();
            assert_eq!(
                (p.ts_sec, p.ts_nsec, p.wire_len, p.data),
                (10, nsec, 7, &b"abc"[..])
            );
            assert!(r.next_packet().unwrap().is_some());
            assert!(r.next_packet().unwrap().is_none());
        }
    }

    #[test]
    fn malformed_is_an_error_not_a_panic() {
        let f = pcap(PCAP_MAGIC_US, false, &[(10, 5, b"abcdef")]);
        for cut in 0..f.len() {
            match Reader::from_bytes(f[..cut].to_vec()) {
                Err(_) => {}
                Ok(mut r) => while let Ok(Some(_)) = r.next_packet() {},
            }
        }
        assert!(matches!(
            Reader::from_bytes(b"hello world".to_vec()),
            Err(ReadError::UnknownFormat(_))
        ));
    }
}
