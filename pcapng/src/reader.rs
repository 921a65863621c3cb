//! Reads legacy pcap (µs and ns magic, either byte order) and pcapng (several sections, several
//! interfaces with their own link types and `if_tsresol`/`if_tsoffset`, EPB, SPB and the
//! obsolete PB, unknown blocks skipped), handing out borrowed [`Packet`]s.
//!
//! The whole file is read into one buffer up front (a capture file is read once, start to
//! end), so handing out a packet is a bounds check and a slice: no allocation per packet.
//! Malformed input is an error naming the offset, never a panic.

use crate::blocks::{
    EPB, EPB_FLAGS, IDB, IF_FILTER, IF_FILTER_STRING, IF_NAME, IF_TSOFFSET, IF_TSRESOL,
    OPT_COMMENT, PB, SHB, SHB_HARDWARE, SHB_OS, SHB_USERAPPL, SPB, VERSION_MAJOR,
};
use crate::packet::Packet;
use crate::tsresol::TsResol;
use crate::view::{Block, Endian, Epb, FormatError, Idb, Options, Shb, Spb};

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
    /// Timestamp resolution (`if_tsresol`; microseconds when absent).
    pub tsresol: TsResol,
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
    seen: Described,
    last_interface: usize,
    last_flags: Option<u32>,
}

/// What the file has described so far: kept apart from the buffer so that blocks borrowed
/// from it can update this.
#[derive(Default)]
struct Described {
    /// Byte order of the current pcapng section (or of the pcap file).
    endian: Endian,
    interfaces: Vec<InterfaceInfo>,
    sections: Vec<SectionInfo>,
    /// Index in `interfaces` of the current section's interface 0.
    section_base: usize,
}

fn malformed<T>(offset: usize, what: impl Into<String>) -> Result<T, ReadError> {
    Err(ReadError::Malformed {
        offset,
        what: what.into(),
    })
}

/// A view's complaint about the block at `block`, placed in the file.
fn bad_block(block: usize) -> impl Fn(FormatError) -> ReadError {
    move |e| ReadError::Malformed {
        offset: block + e.at(),
        what: e.to_string(),
    }
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
        let m_le = Endian::Little.u32(b, 0);
        let m_be = Endian::Big.u32(b, 0);
        let mut r = Reader {
            buf,
            pos: 0,
            format: Format::Pcapng,
            seen: Described::default(),
            last_interface: 0,
            last_flags: None,
        };
        let pcap = |m: u32| m == PCAP_MAGIC_US || m == PCAP_MAGIC_NS;
        if pcap(m_le) || pcap(m_be) {
            let big_endian = !pcap(m_le);
            let magic = if big_endian { m_be } else { m_le };
            r.seen.endian = if big_endian {
                Endian::Big
            } else {
                Endian::Little
            };
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
        &self.seen.interfaces
    }

    /// Sections seen so far.
    pub fn sections(&self) -> &[SectionInfo] {
        &self.seen.sections
    }

    /// The first interface: what tcpdump's "reading from file" line describes.
    pub fn first_interface(&self) -> &InterfaceInfo {
        &self.seen.interfaces[0]
    }

    /// Index in [`interfaces`](Self::interfaces) of the last packet's interface.
    pub fn last_interface(&self) -> usize {
        self.last_interface
    }

    /// `epb_flags` of the last packet, when it had them.
    pub fn last_flags(&self) -> Option<u32> {
        self.last_flags
    }

    fn read_pcap_header(&mut self) -> Result<(), ReadError> {
        let b = self.buf.as_ref();
        if b.len() < 24 {
            return malformed(b.len(), "truncated pcap file header (24 bytes needed)");
        }
        let e = self.seen.endian;
        let (major, minor) = (e.u16(b, 4), e.u16(b, 6));
        let snaplen = e.u32(b, 16);
        let linktype = e.u32(b, 20) & 0x03FF_FFFF;
        self.seen.sections.push(SectionInfo {
            big_endian: e == Endian::Big,
            major,
            minor,
            ..Default::default()
        });
        let nanos = matches!(self.format, Format::Pcap { nanos: true, .. });
        self.seen.interfaces.push(InterfaceInfo {
            section: 0,
            linktype,
            snaplen: adjust_snaplen(snaplen),
            name: None,
            filter: None,
            tsresol: if nanos {
                TsResol::NANOS
            } else {
                TsResol::MICROS
            },
            ts_offset: 0,
        });
        self.pos = 24;
        Ok(())
    }

    /// Reads pcapng blocks up to and including the first IDB, so the link type is known.
    fn read_pcapng_start(&mut self) -> Result<(), ReadError> {
        while self.seen.interfaces.is_empty() {
            let at = self.pos;
            let buf = self.buf.as_ref();
            let Some(block) = block_at(buf, at, self.seen.endian)? else {
                return malformed(at, "no interface description block in the file");
            };
            match block.kind() {
                SHB => self.seen.section(block, at)?,
                IDB => self.seen.interface(block, at)?,
                PB | SPB | EPB => return malformed(at, "packet block before any interface"),
                _ => {}
            }
            self.pos = at + block.total_len();
        }
        Ok(())
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
        let b = self.buf.as_ref();
        let left = b.len() - at;
        if left == 0 {
            return Ok(None);
        }
        if left < 16 {
            return malformed(at, format!("truncated packet header ({left} bytes left)"));
        }
        let e = self.seen.endian;
        let sec = e.u32(b, at);
        let frac = e.u32(b, at + 4);
        let caplen = e.u32(b, at + 8);
        let len = e.u32(b, at + 12);
        if caplen > MAX_CAPLEN {
            return malformed(
                at + 8,
                format!("packet capture length {caplen} is too large"),
            );
        }
        let data_at = at + 16;
        if caplen as usize > b.len() - data_at {
            return malformed(at, "packet data runs past the end of the file");
        }
        self.pos = data_at + caplen as usize;
        self.last_interface = 0;
        let nanos = matches!(self.format, Format::Pcap { nanos: true, .. });
        let ts_nsec = subsec(frac, nanos);
        Ok(Some(Packet {
            linktype: self.seen.interfaces[0].linktype,
            ts_sec: sec as i64,
            ts_nsec,
            wire_len: len,
            data: &b[data_at..data_at + caplen as usize],
        }))
    }

    fn next_pcapng(&mut self) -> Result<Option<Packet<'_>>, ReadError> {
        let buf = self.buf.as_ref();
        loop {
            let at = self.pos;
            let Some(block) = block_at(buf, at, self.seen.endian)? else {
                return Ok(None);
            };
            self.pos = at + block.total_len();
            let seen = &mut self.seen;
            match block.kind() {
                SHB => seen.section(block, at)?,
                IDB => seen.interface(block, at)?,
                EPB | PB => {
                    let epb = Epb::new_checked(block).map_err(bad_block(at))?;
                    self.last_flags = if block.kind() == EPB {
                        flags(epb.options()).map_err(bad_block(at))?
                    } else {
                        None
                    };
                    let ifid = epb.interface_id() as usize;
                    let idx = seen.section_base + ifid;
                    let Some(iface) = seen.interfaces.get(idx) else {
                        return malformed(
                            at,
                            format!("packet names interface {ifid}, which is not described"),
                        );
                    };
                    let (sec, nsec) = iface.tsresol.split(epb.timestamp());
                    self.last_interface = idx;
                    return Ok(Some(Packet {
                        linktype: iface.linktype,
                        ts_sec: (sec as i64).wrapping_add(iface.ts_offset),
                        ts_nsec: nsec,
                        wire_len: epb.original_len(),
                        data: epb.packet_data(),
                    }));
                }
                SPB => {
                    let spb = Spb::new_checked(block).map_err(bad_block(at))?;
                    let Some(iface) = seen.interfaces.get(seen.section_base) else {
                        return malformed(at, "simple packet block without an interface");
                    };
                    let len = spb.original_len();
                    let mut data = spb.data();
                    data = &data[..data.len().min(len as usize)];
                    if iface.snaplen != 0 {
                        data = &data[..data.len().min(iface.snaplen as usize)];
                    }
                    self.last_interface = seen.section_base;
                    self.last_flags = None;
                    return Ok(Some(Packet {
                        linktype: iface.linktype,
                        ts_sec: 0,
                        ts_nsec: 0,
                        wire_len: len,
                        data,
                    }));
                }
                _ => {}
            }
        }
    }
}

impl Described {
    fn section(&mut self, block: Block<'_>, at: usize) -> Result<(), ReadError> {
        let shb = Shb::new_checked(block).map_err(bad_block(at))?;
        self.endian = shb.endian();
        let mut s = SectionInfo {
            big_endian: shb.endian() == Endian::Big,
            major: shb.major(),
            minor: shb.minor(),
            ..Default::default()
        };
        if s.major != VERSION_MAJOR {
            return malformed(
                at + 12,
                format!("unsupported pcapng version {}.{}", s.major, s.minor),
            );
        }
        for o in shb.options() {
            let o = o.map_err(bad_block(at))?;
            let text = || String::from_utf8_lossy(o.value).into_owned();
            match o.code {
                OPT_COMMENT => s.comments.push(text()),
                SHB_HARDWARE => s.hardware = Some(text()),
                SHB_OS => s.os = Some(text()),
                SHB_USERAPPL => s.user_application = Some(text()),
                _ => {}
            }
        }
        self.sections.push(s);
        self.section_base = self.interfaces.len();
        Ok(())
    }

    fn interface(&mut self, block: Block<'_>, at: usize) -> Result<(), ReadError> {
        let idb = Idb::new_checked(block).map_err(bad_block(at))?;
        if self.sections.is_empty() {
            return malformed(at, "interface description before any section header");
        }
        let mut i = InterfaceInfo {
            section: self.sections.len() - 1,
            linktype: u32::from(idb.linktype()),
            snaplen: adjust_snaplen(idb.snaplen()),
            name: None,
            filter: None,
            tsresol: TsResol::MICROS,
            ts_offset: 0,
        };
        let opts = idb.options();
        let e = opts.endian();
        for o in opts {
            let o = o.map_err(bad_block(at))?;
            let val = o.value;
            match o.code {
                IF_NAME => i.name = Some(String::from_utf8_lossy(val).into_owned()),
                IF_TSRESOL if !val.is_empty() => {
                    i.tsresol = TsResol::decode(val[0]).or_else(|e| malformed(at, e.to_string()))?
                }
                IF_FILTER if val.first() == Some(&IF_FILTER_STRING) => {
                    i.filter = Some(String::from_utf8_lossy(&val[1..]).into_owned())
                }
                IF_TSOFFSET if val.len() == 8 => i.ts_offset = e.u64(val, 0) as i64,
                _ => {}
            }
        }
        self.interfaces.push(i);
        Ok(())
    }
}

/// The checked block at `at` in `buf`; None at the end of the file.
fn block_at(buf: &[u8], at: usize, section: Endian) -> Result<Option<Block<'_>>, ReadError> {
    let rest = &buf[at..];
    if rest.is_empty() {
        return Ok(None);
    }
    Block::new_checked(rest, section)
        .map(Some)
        .map_err(bad_block(at))
}

/// epb_flags among a packet's options, when present.
fn flags(opts: Options<'_>) -> Result<Option<u32>, FormatError> {
    let e = opts.endian();
    let mut flags = None;
    for o in opts {
        let o = o?;
        if o.code == EPB_FLAGS && o.value.len() == 4 {
            flags = Some(e.u32(o.value, 0));
        }
    }
    Ok(flags)
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

    /// A pcapng file as dumpy writes it, plus an interface in microseconds with if_tsoffset.
    fn pcapng_file(tsresol: u8) -> Vec<u8> {
        use crate::blocks::{IF_NAME, IF_TSOFFSET, IF_TSRESOL};
        use crate::writer::*;
        let mut b = Vec::new();
        encode_shb(&mut b, &Default::default());
        encode_idb(&mut b, &crate::writer::tests::eth0(65535, "udp"));
        encode_block(&mut b, IDB, |b| {
            b.extend_from_slice(&101u16.to_le_bytes());
            b.extend_from_slice(&[0; 6]);
            let mut o = OptionWriter::new(b);
            o.str(IF_NAME, "lo");
            o.bytes(IF_TSRESOL, &[tsresol]);
            o.u64(IF_TSOFFSET, 100);
            o.end();
        });
        encode_epb(&mut b, 0, 1_500_000_000, b"ab", 60, Some(0b10));
        encode_epb(&mut b, 1, 2_000_001, b"xyz", 3, None);
        b
    }

    #[test]
    fn pcapng_interfaces_resolutions_and_flags() {
        let mut r = Reader::from_bytes(pcapng_file(6)).unwrap();
        assert_eq!(r.format(), Format::Pcapng);
        let p = r.next_packet().unwrap().unwrap();
        assert_eq!(
            (p.linktype, p.ts_sec, p.ts_nsec, p.wire_len, p.data),
            (1, 1, 500_000_000, 60, &b"ab"[..])
        );
        assert_eq!(r.last_flags(), Some(0b10));
        let p = r.next_packet().unwrap().unwrap();
        assert_eq!(
            (p.linktype, p.ts_sec, p.ts_nsec, p.data),
            (101, 102, 1_000, &b"xyz"[..])
        );
        assert_eq!((r.last_interface(), r.last_flags()), (1, None));
        assert!(r.next_packet().unwrap().is_none());
        let i = r.interfaces();
        assert_eq!(i[0].filter.as_deref(), Some("udp"));
        assert_eq!(
            (i[0].tsresol, i[1].tsresol),
            (TsResol::NANOS, TsResol::MICROS)
        );
        assert_eq!(i[1].name.as_deref(), Some("lo"));
    }

    #[test]
    fn too_fine_a_resolution_is_reported() {
        let mut r = Reader::from_bytes(pcapng_file(20)).unwrap();
        let e = r.next_packet().unwrap_err().to_string();
        assert!(e.contains("if_tsresol too fine: 10^-20 s"), "{e}");
    }

    #[test]
    fn malformed_pcapng_is_an_error_not_a_panic() {
        let f = pcapng_file(9);
        for cut in 0..f.len() {
            match Reader::from_bytes(f[..cut].to_vec()) {
                Err(_) => {}
                Ok(mut r) => while let Ok(Some(_)) = r.next_packet() {},
            }
        }
        let mut bad = f.clone();
        let last = bad.len() - 4;
        bad[last] ^= 4;
        let mut r = Reader::from_bytes(bad).unwrap();
        r.next_packet().unwrap();
        let e = r.next_packet().unwrap_err().to_string();
        assert_eq!(
            e,
            format!(
                "malformed capture file at byte {last}: block trailer length differs from its header"
            )
        );
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
