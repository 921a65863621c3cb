//! Reads legacy pcap (µs and ns magic, either byte order) and pcapng (several sections, several
//! interfaces with their own link types and `if_tsresol`/`if_tsoffset`, EPB, SPB and the
//! obsolete PB, unknown blocks skipped), handing out borrowed [`Packet`]s.
//!
//! The bytes are in memory ([`Reader::from_bytes`]), streamed from any [`std::io::Read`]
//! ([`Reader::from_read`]) through one refillable buffer of bounded size, so a file, a pipe
//! that is still being written and a hostile endless input are read alike, or mapped by the
//! caller ([`Reader::from_mapped`]: no copy at all) with the stream taking over at the map's
//! end: handing out a packet is a bounds check and a slice, no allocation per packet. Malformed input is an
//! error naming the offset, never a panic; input that ends inside a record is
//! [`ReadError::Truncated`].

use crate::blocks::{
    EPB, EPB_FLAGS, IDB, IF_FILTER, IF_FILTER_STRING, IF_NAME, IF_TSOFFSET, IF_TSRESOL,
    OPT_COMMENT, PB, SHB, SHB_HARDWARE, SHB_OS, SHB_USERAPPL, SPB, VERSION_MAJOR,
};
use crate::packet::Packet;
use crate::tsresol::TsResol;
use crate::view::{header, Block, Endian, Epb, FormatError, Idb, Options, Shb, Spb, MIN_BLOCK_LEN};
use std::io::Read;

const PCAP_MAGIC_US: u32 = 0xa1b2_c3d4;
const PCAP_MAGIC_NS: u32 = 0xa1b2_3c4d;
/// libpcap's largest accepted snapshot length for a packet record.
const MAX_CAPLEN: u32 = 262_144 * 4;
/// libpcap's `max_snaplen_for_dlt` for the link types read here (MAXIMUM_SNAPLEN): a pcap
/// record at most this long but longer than the file's snaplen is cut to the snaplen.
const MAX_SNAPLEN: u32 = 262_144;
/// A pcap record header: seconds, fraction, captured length, wire length.
const PCAP_RECORD_HEADER: usize = 16;
/// The largest pcapng block a stream is buffered for (libpcap's limit too): the bound on
/// the reader's memory whatever the input says.
pub const MAX_BLOCK_LEN: usize = 16 * 1024 * 1024;
/// How much a streaming reader asks its source for at once: few system calls per file.
const CHUNK: usize = 1024 * 1024;

/// What went wrong reading a capture file.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    /// The source failed (a streaming reader does not know its name: callers that do turn
    /// this into [`ReadError::Io`]).
    #[error("reading the capture: {0}")]
    Read(std::io::Error),
    #[error("{0}: not a pcap or pcapng file (unknown magic number); check the file name")]
    UnknownFormat(String),
    #[error("malformed capture file at byte {offset}: {what}")]
    Malformed { offset: usize, what: String },
    /// The input ended inside a record (tcpdump: "truncated dump file; tried to read …").
    #[error(
        "truncated capture file: the {what} at byte {offset} needs {needed} bytes, only {got} are there"
    )]
    Truncated {
        offset: usize,
        what: &'static str,
        needed: usize,
        got: usize,
    },
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

/// A pcap or pcapng file being read: from a byte buffer held in memory
/// ([`from_bytes`](Reader::from_bytes)), or streamed from any [`Read`]
/// ([`from_read`](Reader::from_read): a file, a pipe, standard input).
///
/// Either way the bytes sit in one buffer and a packet borrows from it. A stream refills the
/// buffer in [`CHUNK`]s, moving the partial block at its end to the front first (the only
/// copy), and grows it only for a block larger than the buffer, up to [`MAX_BLOCK_LEN`]; so
/// memory stays bounded whatever the input is, and a packet is handed out as soon as its
/// bytes have arrived.
pub struct Reader<R = std::io::Empty> {
    src: R,
    buf: Bytes,
    /// Next unread byte in `buf`.
    pos: usize,
    /// End of the bytes read into `buf`.
    end: usize,
    /// Offset in the file of `buf[0]` (for error messages).
    base: usize,
    /// The source has ended: `buf[..end]` is all there is.
    eof: bool,
    format: Format,
    seen: Described,
    last_interface: usize,
    last_flags: Option<u32>,
}

/// The bytes a reader walks: its own refillable buffer, or a caller's map of the file's
/// start (read in place; the first refill moves what is left of it into a buffer of its
/// own and the source takes over).
enum Bytes {
    Owned(Vec<u8>),
    /// The map's bytes, taken once from `_owner` (which keeps them alive and in place: it
    /// is never used otherwise), so reading them is no call.
    Mapped {
        ptr: *const u8,
        len: usize,
        _owner: Box<dyn AsRef<[u8]>>,
    },
}

impl Bytes {
    fn mapped(owner: Box<dyn AsRef<[u8]>>) -> Bytes {
        let s = (*owner).as_ref();
        Bytes::Mapped {
            ptr: s.as_ptr(),
            len: s.len(),
            _owner: owner,
        }
    }
}

impl std::ops::Deref for Bytes {
    type Target = [u8];
    #[inline]
    fn deref(&self) -> &[u8] {
        match self {
            Bytes::Owned(v) => v,
            // SAFETY: what `_owner.as_ref()` returned; the owner lives as long as self and
            // nothing can change it (it is only borrowed, immutably, that once).
            Bytes::Mapped { ptr, len, .. } => unsafe { std::slice::from_raw_parts(*ptr, *len) },
        }
    }
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

impl Reader<std::io::Empty> {
    /// Reads a capture held in memory, up to its first interface.
    pub fn new(buf: Vec<u8>) -> Result<Reader, ReadError> {
        let end = buf.len();
        Reader::with_buffer(std::io::empty(), Bytes::Owned(buf), end, true)
    }

    /// Reads a capture held in memory (the same as [`new`](Reader::new)).
    pub fn from_bytes(buf: Vec<u8>) -> Result<Reader, ReadError> {
        Reader::new(buf)
    }
}

impl<R: Read> Reader<R> {
    /// Streams the capture `src` gives, reading up to its first interface.
    pub fn from_read(src: R) -> Result<Reader<R>, ReadError> {
        Reader::with_buffer(src, Bytes::Owned(vec![0; CHUNK]), 0, false)
    }

    /// Reads the capture whose first bytes are `map` (a map of the file, read in place:
    /// packets borrow from it) and whose remaining bytes, if any, `src` gives (positioned
    /// just past what `map` holds). What the packets and errors are does not depend on where
    /// the map ends.
    pub fn from_mapped(src: R, map: Box<dyn AsRef<[u8]>>) -> Result<Reader<R>, ReadError> {
        let end = (*map).as_ref().len();
        Reader::with_buffer(src, Bytes::mapped(map), end, false)
    }

    /// The offset in the file of the next unread byte: the end of the last packet's record
    /// once [`next_packet`](Self::next_packet) has returned it.
    pub fn position(&self) -> u64 {
        (self.base + self.pos) as u64
    }

    /// A reader whose buffer holds `end` bytes of the file, with `src` giving the rest.
    fn with_buffer(src: R, buf: Bytes, end: usize, eof: bool) -> Result<Reader<R>, ReadError> {
        let mut r = Reader {
            src,
            buf,
            pos: 0,
            end,
            base: 0,
            eof,
            format: Format::Pcapng,
            seen: Described::default(),
            last_interface: 0,
            last_flags: None,
        };
        if !r.fill(4)? {
            if r.end == 0 {
                return malformed(0, "the file is empty");
            }
            return Err(ReadError::UnknownFormat(String::new()));
        }
        let m_le = Endian::Little.u32(&r.buf, 0);
        let m_be = Endian::Big.u32(&r.buf, 0);
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

    /// The source being read.
    pub fn get_ref(&self) -> &R {
        &self.src
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

    /// Whether [`next_packet`](Self::next_packet) would have to read from the source (and
    /// so may wait on a pipe): the next packet is not wholly buffered yet. A live consumer
    /// flushes its output then, so lines appear as packets arrive.
    pub fn would_read(&self) -> bool {
        if self.eof {
            return false;
        }
        let mut endian = self.seen.endian;
        let mut at = self.pos;
        loop {
            let rest = &self.buf[at..self.end];
            if let Format::Pcap { .. } = self.format {
                return rest.len() < PCAP_RECORD_HEADER
                    || rest.len() - PCAP_RECORD_HEADER < endian.u32(rest, 8) as usize;
            }
            let Ok(h) = header(rest, endian) else {
                // A bad header fails without reading; a short one needs more bytes.
                return rest.len() < MIN_BLOCK_LEN;
            };
            if h.total_len > rest.len() {
                return true;
            }
            match h.kind {
                EPB | PB | SPB => return false,
                SHB => endian = h.endian,
                _ => {}
            }
            at += h.total_len;
        }
    }

    /// Makes at least `need` bytes from `pos` available, reading the source as needed;
    /// false when the input ends first.
    #[inline]
    fn fill(&mut self, need: usize) -> Result<bool, ReadError> {
        if self.end - self.pos >= need {
            return Ok(true);
        }
        if self.eof {
            return Ok(false);
        }
        self.refill(need)
    }

    #[cold]
    #[inline(never)]
    fn refill(&mut self, need: usize) -> Result<bool, ReadError> {
        if let Bytes::Mapped { .. } = self.buf {
            // The map is used up: what is left of it moves into a buffer of our own, as a
            // partial record would, and the source gives the rest.
            let rest = &self.buf[self.pos..self.end];
            let mut own = vec![0; CHUNK.max(rest.len())];
            own[..rest.len()].copy_from_slice(rest);
            self.base += self.pos;
            self.end = rest.len();
            self.pos = 0;
            self.buf = Bytes::Owned(own);
        }
        let Bytes::Owned(buf) = &mut self.buf else {
            unreachable!("a map was just replaced by a buffer")
        };
        if self.pos > 0 {
            // What is left is less than one record: moving it is cheap.
            buf.copy_within(self.pos..self.end, 0);
            self.base += self.pos;
            self.end -= self.pos;
            self.pos = 0;
        }
        if need > buf.len() {
            // Callers check `need` against MAX_BLOCK_LEN (or MAX_CAPLEN) first.
            buf.resize(need.next_power_of_two(), 0);
        }
        // A pipe gives what it has: read only until the record is here, so it is handed
        // out without waiting for more.
        while self.end < need {
            match self.src.read(&mut buf[self.end..]) {
                Ok(0) => {
                    self.eof = true;
                    return Ok(false);
                }
                Ok(n) => self.end += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(ReadError::Read(e)),
            }
        }
        Ok(true)
    }

    /// The input ended inside the `what` at `pos`, which needs `needed` bytes.
    fn truncated<T>(&self, what: &'static str, needed: usize) -> Result<T, ReadError> {
        Err(ReadError::Truncated {
            offset: self.base + self.pos,
            what,
            needed,
            got: self.end - self.pos,
        })
    }

    fn read_pcap_header(&mut self) -> Result<(), ReadError> {
        if !self.fill(24)? {
            return self.truncated("pcap file header", 24);
        }
        let b = &self.buf[..self.end];
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
            let Some(at) = self.buffer_block()? else {
                return malformed(
                    self.base + self.pos,
                    "no interface description block in the file",
                );
            };
            let off = self.base + at;
            let block = block_at(&self.buf[..self.end], at, off, self.seen.endian)?;
            match block.kind() {
                SHB => self.seen.section(block, off)?,
                IDB => self.seen.interface(block, off)?,
                PB | SPB | EPB => return malformed(off, "packet block before any interface"),
                _ => {}
            }
            self.pos = at + block.total_len();
        }
        Ok(())
    }

    /// Makes the pcapng block at `pos` wholly buffered and returns `pos`; None at the end.
    fn buffer_block(&mut self) -> Result<Option<usize>, ReadError> {
        if !self.fill(MIN_BLOCK_LEN)? {
            if self.pos == self.end {
                return Ok(None);
            }
            return self.truncated("block header", MIN_BLOCK_LEN);
        }
        let off = self.base + self.pos;
        let h = header(&self.buf[self.pos..self.end], self.seen.endian).map_err(bad_block(off))?;
        if h.total_len > MAX_BLOCK_LEN {
            return malformed(
                off,
                format!(
                    "block of {} bytes is larger than the {} MiB this reader accepts",
                    h.total_len,
                    MAX_BLOCK_LEN >> 20
                ),
            );
        }
        if !self.fill(h.total_len)? {
            return self.truncated("block", h.total_len);
        }
        Ok(Some(self.pos))
    }

    /// The next packet, or None at the end of the file.
    pub fn next_packet(&mut self) -> Result<Option<Packet<'_>>, ReadError> {
        match self.format {
            Format::Pcap { .. } => self.next_pcap(),
            Format::Pcapng => self.next_pcapng(),
        }
    }

    fn next_pcap(&mut self) -> Result<Option<Packet<'_>>, ReadError> {
        if !self.fill(PCAP_RECORD_HEADER)? {
            if self.pos == self.end {
                return Ok(None);
            }
            return self.truncated("packet header", PCAP_RECORD_HEADER);
        }
        let e = self.seen.endian;
        let caplen = e.u32(&self.buf[..self.end], self.pos + 8);
        if caplen > MAX_CAPLEN {
            return malformed(
                self.base + self.pos + 8,
                format!("packet capture length {caplen} is too large"),
            );
        }
        let need = PCAP_RECORD_HEADER + caplen as usize;
        if !self.fill(need)? {
            return self.truncated("packet record", need);
        }
        let at = self.pos;
        let b = &self.buf[..self.end];
        let sec = e.u32(b, at);
        let frac = e.u32(b, at + 4);
        let len = e.u32(b, at + 12);
        let data_at = at + PCAP_RECORD_HEADER;
        self.pos = at + need;
        // libpcap's pcap_next_packet (sf-pcap.c): a record longer than the file's snapshot
        // length (a damaged or fuzzed file, or Solaris's BUFMOD bug) is read up to the
        // snaplen and the rest discarded, so printers see the packet cut at the snaplen.
        // (Longer than MAX_SNAPLEN libpcap refuses; those are left whole, for the printer's
        // "[Invalid header]".)
        let snaplen = self.seen.interfaces[0].snaplen;
        let kept = match caplen <= MAX_SNAPLEN && caplen > snaplen {
            true => snaplen as usize,
            false => caplen as usize,
        };
        self.last_interface = 0;
        let nanos = matches!(self.format, Format::Pcap { nanos: true, .. });
        let ts_nsec = subsec(frac, nanos);
        Ok(Some(Packet {
            linktype: self.seen.interfaces[0].linktype,
            ts_sec: sec as i64,
            ts_nsec,
            wire_len: len,
            data: &b[data_at..data_at + kept],
        }))
    }

    fn next_pcapng(&mut self) -> Result<Option<Packet<'_>>, ReadError> {
        // Walk to the next packet block. A packet is returned only after this loop: a
        // borrow of the buffer that may be returned cannot live across a refill.
        let at = loop {
            let Some(at) = self.buffer_block()? else {
                return Ok(None);
            };
            let off = self.base + at;
            let block = block_at(&self.buf[..self.end], at, off, self.seen.endian)?;
            match block.kind() {
                SHB => self.seen.section(block, off)?,
                IDB => self.seen.interface(block, off)?,
                EPB | PB | SPB => break at,
                _ => {}
            }
            self.pos = at + block.total_len();
        };
        let off = self.base + at;
        let block = block_at(&self.buf[..self.end], at, off, self.seen.endian)?;
        self.pos = at + block.total_len();
        let seen = &self.seen;
        if block.kind() == SPB {
            let spb = Spb::new_checked(block).map_err(bad_block(off))?;
            let Some(iface) = seen.interfaces.get(seen.section_base) else {
                return malformed(off, "simple packet block without an interface");
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
        let epb = Epb::new_checked(block).map_err(bad_block(off))?;
        self.last_flags = if block.kind() == EPB {
            flags(epb.options()).map_err(bad_block(off))?
        } else {
            None
        };
        let ifid = epb.interface_id() as usize;
        let idx = seen.section_base + ifid;
        let Some(iface) = seen.interfaces.get(idx) else {
            return malformed(
                off,
                format!("packet names interface {ifid}, which is not described"),
            );
        };
        let data = epb.packet_data();
        if data.len() > iface.snaplen as usize {
            // libpcap's pcap_ng_next_packet (sf-pcapng.c) refuses such a block, and tcpdump
            // stops there ("pcap_loop: invalid packet capture length …").
            return malformed(
                off,
                format!(
                    "invalid packet capture length {}, bigger than snaplen of {}",
                    data.len(),
                    iface.snaplen
                ),
            );
        }
        let (sec, nsec) = iface.tsresol.split(epb.timestamp());
        self.last_interface = idx;
        Ok(Some(Packet {
            linktype: iface.linktype,
            ts_sec: (sec as i64).wrapping_add(iface.ts_offset),
            ts_nsec: nsec,
            wire_len: epb.original_len(),
            data,
        }))
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

/// The checked block at `at` in `buf` (wholly buffered), `off` its offset in the file.
fn block_at(buf: &[u8], at: usize, off: usize, section: Endian) -> Result<Block<'_>, ReadError> {
    Block::new_checked(&buf[at..], section).map_err(bad_block(off))
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

/// libpcap's `pcap_adjust_snapshot`: 0 or a length that is not a positive C `int` means the
/// link type's maximum; any other value stands, even above that maximum (tcpdump's header
/// line shows it, and records up to it are not cut).
fn adjust_snaplen(snaplen: u32) -> u32 {
    if snaplen == 0 || snaplen > i32::MAX as u32 {
        MAX_SNAPLEN
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

    /// A record longer than the header's snapshot length is cut to it, as libpcap does.
    #[test]
    fn pcap_record_past_the_snaplen_is_cut() {
        let mut f = pcap(PCAP_MAGIC_US, false, &[(1, 0, b"abcdefgh")]);
        f[16..20].copy_from_slice(&5u32.to_le_bytes());
        let mut r = Reader::from_bytes(f).unwrap();
        let p = r.next_packet().unwrap().unwrap();
        assert_eq!((p.wire_len, p.data), (12, &b"abcde"[..]));
        assert!(r.next_packet().unwrap().is_none());
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

    /// tcpdump's own tests hold records longer than the file's snaplen (fuzzed files):
    /// libpcap reads them up to the snaplen and skips the rest, so the printer sees the
    /// packet cut there (`tcpdump -r` then prints "[|udp]" where the data stops), and the
    /// next record is read from the right place.
    #[test]
    fn pcap_records_longer_than_the_snaplen_are_cut_to_it() {
        let mut f = pcap(PCAP_MAGIC_US, false, &[(10, 5, b"abcdef"), (11, 6, b"xyz")]);
        f[16..20].copy_from_slice(&4u32.to_le_bytes());
        let mut r = Reader::from_bytes(f.clone()).unwrap();
        assert_eq!(r.first_interface().snaplen, 4);
        let p = r.next_packet().unwrap().unwrap();
        assert_eq!((p.ts_sec, p.wire_len, p.data), (10, 10, &b"abcd"[..]));
        let p = r.next_packet().unwrap().unwrap();
        assert_eq!((p.ts_sec, p.wire_len, p.data), (11, 7, &b"xyz"[..]));
        assert!(r.next_packet().unwrap().is_none());
        // A stream cuts alike.
        let mut r = Reader::from_read(std::io::Cursor::new(f)).unwrap();
        assert_eq!(r.next_packet().unwrap().unwrap().data, b"abcd");
        assert_eq!(r.next_packet().unwrap().unwrap().data, b"xyz");
        // Past libpcap's maximum (which libpcap refuses) the record is left whole, for the
        // printer's "[Invalid header: caplen(…) > 262144]".
        let big = vec![7u8; 262_145];
        let mut f = pcap(PCAP_MAGIC_US, false, &[(10, 5, &big)]);
        f[16..20].copy_from_slice(&4u32.to_le_bytes());
        let mut r = Reader::from_bytes(f).unwrap();
        assert_eq!(r.next_packet().unwrap().unwrap().data.len(), 262_145);
    }

    /// libpcap's pcapng reader refuses a packet block longer than its interface's snaplen
    /// (tcpdump: "pcap_loop: invalid packet capture length 3, bigger than snaplen of 2").
    #[test]
    fn pcapng_blocks_longer_than_the_snaplen_are_refused() {
        use crate::writer::*;
        let mut b = Vec::new();
        encode_shb(&mut b, &Default::default());
        encode_idb(&mut b, &crate::writer::tests::eth0(2, ""));
        encode_epb(&mut b, 0, 1, b"ab", 2, None);
        let at = b.len();
        encode_epb(&mut b, 0, 2, b"xyz", 3, None);
        let mut r = Reader::from_bytes(b).unwrap();
        assert_eq!(r.next_packet().unwrap().unwrap().data, b"ab");
        let e = r.next_packet().unwrap_err().to_string();
        assert_eq!(
            e,
            format!(
                "malformed capture file at byte {at}: invalid packet capture length 3, bigger than snaplen of 2"
            )
        );
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

    /// A source that hands out at most `step` bytes per read, as a slow pipe does.
    struct Trickle<'a> {
        bytes: &'a [u8],
        step: usize,
    }

    impl Read for Trickle<'_> {
        fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
            let n = self.step.min(out.len()).min(self.bytes.len());
            out[..n].copy_from_slice(&self.bytes[..n]);
            self.bytes = &self.bytes[n..];
            Ok(n)
        }
    }

    /// A packet as handed out: link type, time, wire length, data, interface index.
    type Seen = (u32, i64, u32, u32, Vec<u8>, usize);

    /// Everything a reader hands out, and how it ended.
    fn drain<R: Read>(mut r: Reader<R>) -> (Vec<Seen>, String) {
        let mut got = Vec::new();
        loop {
            match r.next_packet() {
                Ok(Some(p)) => got.push((
                    p.linktype,
                    p.ts_sec,
                    p.ts_nsec,
                    p.wire_len,
                    p.data.to_vec(),
                    0,
                )),
                Ok(None) => return (got, "end".into()),
                Err(e) => return (got, e.to_string()),
            }
            let last = got.last_mut().expect("just pushed");
            last.5 = r.last_interface();
        }
    }

    #[test]
    fn a_stream_reads_as_memory_does_whatever_the_read_sizes() {
        let pcap = pcap(
            PCAP_MAGIC_NS,
            true,
            &[(10, 5, b"abc"), (11, 6, b""), (12, 7, b"xy")],
        );
        for file in [pcap, pcapng_file(6), pcapng_file(20)] {
            for cut in [file.len(), file.len() - 1, file.len() - 5, 30] {
                let file = &file[..cut];
                let want = match Reader::from_bytes(file.to_vec()) {
                    Ok(r) => drain(r),
                    Err(e) => (Vec::new(), e.to_string()),
                };
                for step in [1, 3, 7, 4096] {
                    let got = match Reader::from_read(Trickle { bytes: file, step }) {
                        Ok(r) => drain(r),
                        Err(e) => (Vec::new(), e.to_string()),
                    };
                    assert_eq!(got, want, "cut {cut} step {step}");
                }
                // A map of any prefix, the stream giving the rest: the same packets and end.
                for split in 0..=file.len() {
                    let map: Box<dyn AsRef<[u8]>> = Box::new(file[..split].to_vec());
                    let got = match Reader::from_mapped(&file[split..], map) {
                        Ok(r) => drain(r),
                        Err(e) => (Vec::new(), e.to_string()),
                    };
                    assert_eq!(got, want, "cut {cut} map of {split} bytes");
                }
            }
        }
    }

    #[test]
    fn input_ending_inside_a_record_is_truncated() {
        let f = pcap(PCAP_MAGIC_US, false, &[(10, 5, b"abcdef")]);
        let e = drain(Reader::from_bytes(f[..f.len() - 2].to_vec()).unwrap()).1;
        assert_eq!(
            e,
            "truncated capture file: the packet record at byte 24 needs 22 bytes, only 20 are there"
        );
        let e = drain(Reader::from_bytes(f[..30].to_vec()).unwrap()).1;
        assert!(
            e.contains("the packet header at byte 24 needs 16 bytes, only 6"),
            "{e}"
        );
        let ng = pcapng_file(6);
        let e = drain(Reader::from_read(&ng[..ng.len() - 1]).unwrap()).1;
        assert!(
            e.starts_with("truncated capture file: the block at byte"),
            "{e}"
        );
    }

    #[test]
    fn endless_or_huge_input_is_refused_with_bounded_memory() {
        let e = Reader::from_read(std::io::repeat(0)).err().unwrap();
        assert!(matches!(e, ReadError::UnknownFormat(_)), "{e}");
        // A valid start, then a block claiming 4 GiB: refused before anything is buffered.
        let mut f = pcapng_file(6);
        f.extend_from_slice(&0x0BADu32.to_le_bytes());
        f.extend_from_slice(&0xFFFF_FFF0u32.to_le_bytes());
        f.extend_from_slice(&[0; 4]);
        let mut r = Reader::from_read(f.as_slice().chain(std::io::repeat(0))).unwrap();
        while let Ok(Some(_)) = r.next_packet() {}
        let e = r.next_packet().err().unwrap().to_string();
        assert!(
            e.contains("larger than the 16 MiB this reader accepts"),
            "{e}"
        );
        assert!(r.buf.len() <= CHUNK, "{}", r.buf.len());
        // The largest block accepted is buffered whole.
        let mut f = pcapng_file(6);
        let big = MAX_BLOCK_LEN - 32;
        // On an interface whose snaplen allows it (libpcap refuses longer packet blocks).
        crate::writer::encode_idb(&mut f, &crate::writer::tests::eth0(big as u32, ""));
        crate::writer::encode_epb(&mut f, 2, 1, &vec![7; big], big as u32, None);
        let mut r = Reader::from_read(Trickle {
            bytes: &f,
            step: CHUNK / 3,
        })
        .unwrap();
        let lens: Vec<usize> =
            std::iter::from_fn(|| r.next_packet().unwrap().map(|p| p.data.len())).collect();
        assert_eq!(lens, vec![2, 3, big]);
        assert!(r.buf.len() <= MAX_BLOCK_LEN);
    }

    #[test]
    fn would_read_says_whether_the_next_packet_is_buffered() {
        let f = pcapng_file(6);
        // The header and interfaces, half of the first packet: not buffered yet.
        let first_epb = f.len() - 2 * 40;
        let mut r = Reader::from_read(Trickle {
            bytes: &f,
            step: first_epb,
        })
        .unwrap();
        assert!(r.would_read());
        r.next_packet().unwrap().unwrap();
        r.next_packet().unwrap().unwrap();
        assert!(
            r.would_read(),
            "at the end a stream must read to learn it ended"
        );
        assert!(r.next_packet().unwrap().is_none());
        assert!(!r.would_read());
        let mut r = Reader::from_bytes(f).unwrap();
        assert!(!r.would_read());
        r.next_packet().unwrap().unwrap();
        assert!(!r.would_read());
    }
}
