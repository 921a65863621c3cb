//! Zero-copy views over pcapng blocks, in the style of smoltcp's `wire`: a view wraps a
//! borrowed slice, `new_checked` validates its lengths once, and field reads never panic
//! (and never copy). This is the one place that knows where a block's fields lie; the
//! reader, the summary thread, the file cut-back, `sniffer export` and the plugin's merge
//! all walk blocks through it.
//!
//! - [`header`] and [`Block`]: any block (type, total length, body, section byte order);
//! - [`Blocks`]: the blocks of a buffer in order, following each section's byte order;
//! - [`whole_blocks`]: how many leading bytes of a buffer are complete blocks;
//! - [`Shb`], [`Idb`], [`Epb`] (also the obsolete PB), [`Spb`], [`Isb`]: the blocks' fixed
//!   fields, and [`Options`] for their options.

use crate::blocks::{BYTE_ORDER_MAGIC, EPB, IDB, ISB, OPT_ENDOFOPT, PB, SHB, SPB};

/// Type, length, trailer: the smallest block there is.
pub const MIN_BLOCK_LEN: usize = 12;

/// Byte order of a section, set by its SHB's byte-order magic.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Endian {
    /// What dumpy writes.
    #[default]
    Little,
    Big,
}

impl Endian {
    /// The `u16` at `at` in `b`; 0 when `b` is too short (views check lengths first).
    #[inline]
    pub fn u16(self, b: &[u8], at: usize) -> u16 {
        // Branch-free in the byte order: a swap is cheaper than a mispredicted branch.
        match b.get(at..at + 2) {
            Some(&[x, y]) => self.fix16(u16::from_le_bytes([x, y])),
            _ => 0,
        }
    }

    /// The `u32` at `at` in `b`; 0 when `b` is too short.
    #[inline]
    pub fn u32(self, b: &[u8], at: usize) -> u32 {
        match b.get(at..at + 4) {
            Some(&[w, x, y, z]) => self.fix32(u32::from_le_bytes([w, x, y, z])),
            _ => 0,
        }
    }

    #[inline]
    fn fix16(self, le: u16) -> u16 {
        if self == Endian::Big {
            le.swap_bytes()
        } else {
            le
        }
    }

    #[inline]
    fn fix32(self, le: u32) -> u32 {
        if self == Endian::Big {
            le.swap_bytes()
        } else {
            le
        }
    }

    /// The `u64` at `at` in `b`; 0 when `b` is too short.
    #[inline]
    pub fn u64(self, b: &[u8], at: usize) -> u64 {
        let (first, second) = (u64::from(self.u32(b, at)), u64::from(self.u32(b, at + 4)));
        match self {
            Endian::Little => (second << 32) | first,
            Endian::Big => (first << 32) | second,
        }
    }

    /// A pcapng timestamp at `at` in `b`: two `u32`s, the high half first, in this byte
    /// order (EPB, ISB, isb_starttime and isb_endtime store time so); 0 when `b` is too short.
    #[inline]
    pub fn timestamp(self, b: &[u8], at: usize) -> u64 {
        (u64::from(self.u32(b, at)) << 32) | u64::from(self.u32(b, at + 4))
    }
}

/// What is wrong with a block, and where: [`at`](FormatError::at) counts from the start of
/// the block (the reader adds the block's offset in the file).
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{problem}")]
pub struct FormatError {
    at: usize,
    problem: Problem,
}

/// The kinds of [`FormatError`]; the messages are what `sniffer -r` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    #[error("truncated block header ({0} bytes left)")]
    TruncatedHeader(usize),
    #[error("bad byte-order magic in section header")]
    ByteOrderMagic,
    #[error("bad block length {0}")]
    BadLength(u32),
    #[error("block of {0} bytes runs past the end of the file")]
    PastEnd(usize),
    #[error("block trailer length differs from its header")]
    Trailer,
    #[error("expected a block of type {expected:#x}, found {found:#x}")]
    WrongType { expected: u32, found: u32 },
    #[error("{0} too short")]
    TooShort(&'static str),
    #[error("packet data runs past its block")]
    DataPastBlock,
    #[error("option {code} of {len} bytes runs past its block")]
    OptionPastBlock { code: u16, len: u16 },
}

impl FormatError {
    /// Out of line: errors are rare, and keeping them out keeps the walk small.
    #[cold]
    #[inline(never)]
    fn new(at: usize, problem: Problem) -> FormatError {
        FormatError { at, problem }
    }

    /// Offset of the problem from the start of its block.
    #[inline]
    pub fn at(&self) -> usize {
        self.at
    }

    #[inline]
    pub fn problem(&self) -> Problem {
        self.problem
    }
}

/// The header of the block at the start of `bytes`: what a streaming reader needs before it
/// has the whole block. Needs [`MIN_BLOCK_LEN`] bytes (an SHB's byte-order magic lies there).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Header {
    pub kind: u32,
    pub total_len: usize,
    /// `section`, or for an SHB the byte order its magic says.
    pub endian: Endian,
}

/// Reads and checks the header of the block at the start of `bytes`: type, a total length
/// of at least [`MIN_BLOCK_LEN`] and a multiple of 4, and for an SHB the byte-order magic.
/// Blocks other than an SHB are read in `section`'s byte order.
#[inline]
pub fn header(bytes: &[u8], section: Endian) -> Result<Header, FormatError> {
    if bytes.len() < MIN_BLOCK_LEN {
        return Err(FormatError::new(0, Problem::TruncatedHeader(bytes.len())));
    }
    let mut endian = section;
    // SHB reads the same in both orders; its magic decides the order of everything else.
    if Endian::Little.u32(bytes, 0) == SHB {
        endian = match Endian::Little.u32(bytes, 8) {
            BYTE_ORDER_MAGIC => Endian::Little,
            m if m.swap_bytes() == BYTE_ORDER_MAGIC => Endian::Big,
            _ => return Err(FormatError::new(8, Problem::ByteOrderMagic)),
        };
    }
    let total = endian.u32(bytes, 4);
    if (total as usize) < MIN_BLOCK_LEN || total % 4 != 0 {
        return Err(FormatError::new(4, Problem::BadLength(total)));
    }
    Ok(Header {
        kind: endian.u32(bytes, 0),
        total_len: total as usize,
        endian,
    })
}

/// Any block: its type, total length and body (between the length fields).
#[derive(Clone, Copy, Debug)]
pub struct Block<'a> {
    /// Exactly the block, both length fields included.
    bytes: &'a [u8],
    /// `bytes` between the length fields.
    body: &'a [u8],
    kind: u32,
    endian: Endian,
}

impl<'a> Block<'a> {
    /// The block at the start of `bytes` (which may go on past it), checked: a good
    /// [`header`], the whole block present, the trailing length equal to the leading one.
    #[inline]
    pub fn new_checked(bytes: &'a [u8], section: Endian) -> Result<Block<'a>, FormatError> {
        let h = header(bytes, section)?;
        if h.total_len > bytes.len() {
            return Err(FormatError::new(0, Problem::PastEnd(h.total_len)));
        }
        let bytes = &bytes[..h.total_len];
        let body = &bytes[8..h.total_len - 4];
        if h.endian.u32(bytes, h.total_len - 4) as usize != h.total_len {
            return Err(FormatError::new(h.total_len - 4, Problem::Trailer));
        }
        Ok(Block {
            bytes,
            body,
            kind: h.kind,
            endian: h.endian,
        })
    }

    /// The block type (see [`crate::blocks`]).
    #[inline]
    pub fn kind(&self) -> u32 {
        self.kind
    }

    #[inline]
    pub fn total_len(&self) -> usize {
        self.bytes.len()
    }

    /// Byte order of the block's section (for an SHB, the one it sets).
    #[inline]
    pub fn endian(&self) -> Endian {
        self.endian
    }

    /// The bytes between the two length fields.
    #[inline]
    pub fn body(&self) -> &'a [u8] {
        self.body
    }

    /// The whole block, as it is in the buffer.
    #[inline]
    pub fn as_bytes(&self) -> &'a [u8] {
        self.bytes
    }

    /// A field of the body, in the section's byte order.
    #[inline]
    fn u16(&self, at: usize) -> u16 {
        self.endian.u16(self.body(), at)
    }
    #[inline]
    fn u32(&self, at: usize) -> u32 {
        self.endian.u32(self.body(), at)
    }

    /// Checks the type and that the body holds `fixed` bytes of fields.
    #[inline]
    fn expect(&self, kinds: &[u32], fixed: usize, name: &'static str) -> Result<(), FormatError> {
        if !kinds.contains(&self.kind) {
            return Err(FormatError::new(
                0,
                Problem::WrongType {
                    expected: kinds[0],
                    found: self.kind,
                },
            ));
        }
        if self.body().len() < fixed {
            return Err(FormatError::new(0, Problem::TooShort(name)));
        }
        Ok(())
    }

    /// The options from body offset `from` on.
    #[inline]
    fn options_from(&self, from: usize) -> Options<'a> {
        let body = self.body();
        Options {
            rest: body.get(from..).unwrap_or(&[]),
            endian: self.endian,
            at: 8 + from,
        }
    }
}

/// The blocks of a buffer in order, each checked, following each SHB's byte order (the
/// first section assumed little-endian until an SHB says otherwise). Ends at the end of the
/// buffer, or after yielding the error of the first bad or incomplete block.
#[derive(Clone, Debug)]
pub struct Blocks<'a> {
    rest: &'a [u8],
    endian: Endian,
    /// Offset of `rest` in the buffer.
    offset: usize,
}

impl<'a> Blocks<'a> {
    #[inline]
    pub fn new(bytes: &'a [u8]) -> Blocks<'a> {
        Blocks {
            rest: bytes,
            endian: Endian::Little,
            offset: 0,
        }
    }

    /// Offset in the buffer of the next block: after the last one yielded.
    #[inline]
    pub fn offset(&self) -> usize {
        self.offset
    }
}

impl<'a> Iterator for Blocks<'a> {
    type Item = Result<Block<'a>, FormatError>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        if self.rest.is_empty() {
            return None;
        }
        match Block::new_checked(self.rest, self.endian) {
            Ok(b) => {
                self.endian = b.endian;
                self.rest = &self.rest[b.total_len()..];
                self.offset += b.total_len();
                Some(Ok(b))
            }
            Err(e) => {
                self.rest = &[];
                Some(Err(e))
            }
        }
    }
}

/// How many leading bytes of `bytes` are complete, well-formed blocks: what may be copied
/// out of a file still being written, or kept of one cut short. A run that starts in the
/// middle of a section is read little-endian, the byte order dumpy writes.
#[inline]
pub fn whole_blocks(bytes: &[u8]) -> usize {
    let mut blocks = Blocks::new(bytes);
    while let Some(Ok(_)) = blocks.next() {}
    // After an error `offset` still stands after the last good block.
    blocks.offset()
}

/// Section Header Block: byte order, version, section length, options.
#[derive(Clone, Copy, Debug)]
pub struct Shb<'a>(Block<'a>);

impl<'a> Shb<'a> {
    /// Byte-order magic (4), major and minor version (2 + 2), section length (8).
    const FIXED: usize = 16;

    #[inline]
    pub fn new_checked(block: Block<'a>) -> Result<Shb<'a>, FormatError> {
        block.expect(&[SHB], Self::FIXED, "section header block")?;
        Ok(Shb(block))
    }

    #[inline]
    pub fn endian(&self) -> Endian {
        self.0.endian
    }
    #[inline]
    pub fn major(&self) -> u16 {
        self.0.u16(4)
    }
    #[inline]
    pub fn minor(&self) -> u16 {
        self.0.u16(6)
    }
    /// The section's length in bytes; None for -1 (unknown, as streaming writers say).
    #[inline]
    pub fn section_len(&self) -> Option<u64> {
        Some(self.0.endian.u64(self.0.body(), 8)).filter(|&l| l != u64::MAX)
    }
    #[inline]
    pub fn options(&self) -> Options<'a> {
        self.0.options_from(Self::FIXED)
    }
}

/// Interface Description Block: link type, snapshot length, options.
#[derive(Clone, Copy, Debug)]
pub struct Idb<'a>(Block<'a>);

impl<'a> Idb<'a> {
    /// Link type (2), reserved (2), snaplen (4).
    const FIXED: usize = 8;

    #[inline]
    pub fn new_checked(block: Block<'a>) -> Result<Idb<'a>, FormatError> {
        block.expect(&[IDB], Self::FIXED, "interface description block")?;
        Ok(Idb(block))
    }

    #[inline]
    pub fn linktype(&self) -> u16 {
        self.0.u16(0)
    }
    #[inline]
    pub fn snaplen(&self) -> u32 {
        self.0.u32(4)
    }
    #[inline]
    pub fn options(&self) -> Options<'a> {
        self.0.options_from(Self::FIXED)
    }
    #[inline]
    pub fn block(&self) -> Block<'a> {
        self.0
    }
}

/// An EPB's fixed fields: interface id (4), timestamp (8), captured and original length
/// (4 + 4).
const EPB_FIXED: usize = 20;

/// Enhanced Packet Block, or the obsolete Packet Block (the same layout, but a 16-bit
/// interface id followed by a 16-bit drop count).
#[derive(Clone, Copy, Debug)]
pub struct Epb<'a> {
    /// The fixed fields: read without bounds checks, as this runs once per packet.
    fixed: &'a [u8; EPB_FIXED],
    data: &'a [u8],
    /// What follows the data: padding, then options.
    rest: &'a [u8],
    endian: Endian,
    /// An obsolete Packet Block.
    pb: bool,
}

impl<'a> Epb<'a> {
    /// Accepts an EPB or a PB. Kept to plain slices (no [`Block`] inside): this view is built
    /// once per packet, and a smaller value stays in registers.
    #[inline]
    pub fn new_checked(block: Block<'a>) -> Result<Epb<'a>, FormatError> {
        block.expect(&[EPB, PB], EPB_FIXED, "packet block")?;
        let Some((fixed, rest)) = block.body.split_first_chunk::<EPB_FIXED>() else {
            return Err(FormatError::new(0, Problem::TooShort("packet block")));
        };
        let caplen = block.endian.u32(fixed, 12) as usize;
        if caplen > rest.len() {
            return Err(FormatError::new(0, Problem::DataPastBlock));
        }
        let (data, rest) = rest.split_at(caplen);
        Ok(Epb {
            fixed,
            data,
            rest,
            endian: block.endian,
            pb: block.kind == PB,
        })
    }

    #[inline]
    pub fn interface_id(&self) -> u32 {
        if self.pb {
            u32::from(self.endian.u16(self.fixed, 0))
        } else {
            self.endian.u32(self.fixed, 0)
        }
    }
    /// In the interface's `if_tsresol` units.
    #[inline]
    pub fn timestamp(&self) -> u64 {
        self.endian.timestamp(self.fixed, 4)
    }
    #[inline]
    pub fn caplen(&self) -> u32 {
        self.data.len() as u32
    }
    /// Length of the packet on the wire.
    #[inline]
    pub fn original_len(&self) -> u32 {
        self.endian.u32(self.fixed, 16)
    }
    #[inline]
    pub fn packet_data(&self) -> &'a [u8] {
        self.data
    }
    #[inline]
    pub fn endian(&self) -> Endian {
        self.endian
    }
    /// The options after the packet data and its padding.
    #[inline]
    pub fn options(&self) -> Options<'a> {
        let pad = self.data.len().next_multiple_of(4) - self.data.len();
        Options {
            rest: self.rest.get(pad..).unwrap_or(&[]),
            endian: self.endian,
            at: 8 + EPB_FIXED + self.data.len() + pad,
        }
    }
    /// The fields after the interface id and timestamp, the data and the options, as they
    /// are: for a copy of the block that changes only those two.
    #[inline]
    pub(crate) fn after_timestamp(&self) -> impl Iterator<Item = &'a [u8]> {
        [&self.fixed[12..], self.data, self.rest].into_iter()
    }
}

/// Simple Packet Block: an original length and the packet, cut to the block.
#[derive(Clone, Copy, Debug)]
pub struct Spb<'a>(Block<'a>);

impl<'a> Spb<'a> {
    #[inline]
    pub fn new_checked(block: Block<'a>) -> Result<Spb<'a>, FormatError> {
        block.expect(&[SPB], 4, "simple packet block")?;
        Ok(Spb(block))
    }
    #[inline]
    pub fn original_len(&self) -> u32 {
        self.0.u32(0)
    }
    /// Everything after the length: the packet, perhaps with padding (an SPB does not say
    /// how much was captured; cut it to the original length and the snaplen).
    #[inline]
    pub fn data(&self) -> &'a [u8] {
        self.0.body().get(4..).unwrap_or(&[])
    }
}

/// Interface Statistics Block: interface id, timestamp, options.
#[derive(Clone, Copy, Debug)]
pub struct Isb<'a>(Block<'a>);

impl<'a> Isb<'a> {
    /// Interface id (4), timestamp (8).
    const FIXED: usize = 12;

    #[inline]
    pub fn new_checked(block: Block<'a>) -> Result<Isb<'a>, FormatError> {
        block.expect(&[ISB], Self::FIXED, "interface statistics block")?;
        Ok(Isb(block))
    }
    #[inline]
    pub fn interface_id(&self) -> u32 {
        self.0.u32(0)
    }
    #[inline]
    pub fn timestamp(&self) -> u64 {
        self.0.endian.timestamp(self.0.body(), 4)
    }
    #[inline]
    pub fn options(&self) -> Options<'a> {
        self.0.options_from(Self::FIXED)
    }
}

/// One option: its code and value (padding left out).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Opt<'a> {
    pub code: u16,
    pub value: &'a [u8],
}

/// The options of a block, up to opt_endofopt or the end of the block; each value's padding
/// to 4 bytes is skipped. An option that runs past its block is an error, and the last item.
#[derive(Clone, Debug)]
pub struct Options<'a> {
    rest: &'a [u8],
    endian: Endian,
    /// Offset of `rest` from the start of the block.
    at: usize,
}

impl Options<'_> {
    #[inline]
    pub fn endian(&self) -> Endian {
        self.endian
    }
}

impl<'a> Iterator for Options<'a> {
    type Item = Result<Opt<'a>, FormatError>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        if self.rest.len() < 4 {
            return None;
        }
        let code = self.endian.u16(self.rest, 0);
        let len = self.endian.u16(self.rest, 2);
        if code == OPT_ENDOFOPT {
            self.rest = &[];
            return None;
        }
        let Some(value) = self.rest.get(4..4 + len as usize) else {
            let e = FormatError::new(self.at, Problem::OptionPastBlock { code, len });
            self.rest = &[];
            return Some(Err(e));
        };
        let step = 4 + (len as usize).next_multiple_of(4);
        self.rest = self.rest.get(step..).unwrap_or(&[]);
        self.at += step;
        Some(Ok(Opt { code, value }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blocks::*;

    /// A block of `kind` with `body`, in byte order `e`.
    fn block(e: Endian, kind: u32, body: &[u8]) -> Vec<u8> {
        let total = (body.len() + 12) as u32;
        let w = |v: u32| match e {
            Endian::Little => v.to_le_bytes(),
            Endian::Big => v.to_be_bytes(),
        };
        let mut b = w(kind).to_vec();
        b.extend_from_slice(&w(total));
        b.extend_from_slice(body);
        b.extend_from_slice(&w(total));
        b
    }

    fn u16s(e: Endian, v: u16) -> [u8; 2] {
        match e {
            Endian::Little => v.to_le_bytes(),
            Endian::Big => v.to_be_bytes(),
        }
    }
    fn u32s(e: Endian, v: u32) -> [u8; 4] {
        match e {
            Endian::Little => v.to_le_bytes(),
            Endian::Big => v.to_be_bytes(),
        }
    }

    fn option(e: Endian, code: u16, value: &[u8]) -> Vec<u8> {
        let mut o = u16s(e, code).to_vec();
        o.extend_from_slice(&u16s(e, value.len() as u16));
        o.extend_from_slice(value);
        o.resize(o.len().next_multiple_of(4), 0);
        o
    }

    fn shb(e: Endian) -> Vec<u8> {
        let mut body = u32s(e, BYTE_ORDER_MAGIC).to_vec();
        body.extend_from_slice(&u16s(e, 1));
        body.extend_from_slice(&u16s(e, 0));
        body.extend_from_slice(&[0xff; 8]);
        body.extend(option(e, SHB_USERAPPL, b"dumpy"));
        body.extend(option(e, OPT_ENDOFOPT, b""));
        block(e, SHB, &body)
    }

    fn idb(e: Endian) -> Vec<u8> {
        let mut body = u16s(e, 276).to_vec();
        body.extend_from_slice(&[0, 0]);
        body.extend_from_slice(&u32s(e, 65535));
        body.extend(option(e, IF_NAME, b"eth0")); // no padding needed
        body.extend(option(e, IF_TSRESOL, &[9])); // 3 bytes of padding
        body.extend(option(e, OPT_COMMENT, b"hello")); // 3 bytes of padding
        body.extend(option(e, OPT_ENDOFOPT, b""));
        block(e, IDB, &body)
    }

    fn epb(e: Endian, data: &[u8], flags: Option<u32>) -> Vec<u8> {
        let ts: u64 = 0x0000_0001_0000_0002;
        let mut body = u32s(e, 3).to_vec();
        body.extend_from_slice(&u32s(e, (ts >> 32) as u32));
        body.extend_from_slice(&u32s(e, ts as u32));
        body.extend_from_slice(&u32s(e, data.len() as u32));
        body.extend_from_slice(&u32s(e, 1500));
        body.extend_from_slice(data);
        body.resize(body.len().next_multiple_of(4), 0);
        if let Some(f) = flags {
            body.extend(option(e, EPB_FLAGS, &u32s(e, f)));
            body.extend(option(e, OPT_ENDOFOPT, b""));
        }
        block(e, EPB, &body)
    }

    fn opts(o: Options<'_>) -> Vec<(u16, Vec<u8>)> {
        o.map(|o| o.map(|o| (o.code, o.value.to_vec())))
            .collect::<Result<_, _>>()
            .unwrap()
    }

    #[test]
    fn good_blocks_in_both_byte_orders() {
        for e in [Endian::Little, Endian::Big] {
            let mut file = shb(e);
            file.extend(idb(e));
            file.extend(epb(e, b"abcde", Some(FLAG_INBOUND)));
            let blocks: Vec<Block> = Blocks::new(&file).map(Result::unwrap).collect();
            assert_eq!(
                blocks.iter().map(|b| b.kind()).collect::<Vec<_>>(),
                [SHB, IDB, EPB]
            );
            assert!(blocks.iter().all(|b| b.endian() == e));

            let s = Shb::new_checked(blocks[0]).unwrap();
            assert_eq!((s.endian(), s.major(), s.minor()), (e, 1, 0));
            assert_eq!(s.section_len(), None);
            assert_eq!(opts(s.options()), [(SHB_USERAPPL, b"dumpy".to_vec())]);

            let i = Idb::new_checked(blocks[1]).unwrap();
            assert_eq!((i.linktype(), i.snaplen()), (276, 65535));
            assert_eq!(
                opts(i.options()),
                [
                    (IF_NAME, b"eth0".to_vec()),
                    (IF_TSRESOL, vec![9]),
                    (OPT_COMMENT, b"hello".to_vec())
                ]
            );

            let p = Epb::new_checked(blocks[2]).unwrap();
            assert_eq!(p.interface_id(), 3);
            assert_eq!(p.timestamp(), 0x0000_0001_0000_0002);
            assert_eq!((p.caplen(), p.original_len()), (5, 1500));
            assert_eq!(p.packet_data(), b"abcde");
            let o: Vec<_> = p.options().map(Result::unwrap).collect();
            assert_eq!(o.len(), 1);
            assert_eq!(o[0].code, EPB_FLAGS);
            assert_eq!(e.u32(o[0].value, 0), FLAG_INBOUND);
            assert_eq!(whole_blocks(&file), file.len());
        }
    }

    #[test]
    fn the_writer_s_blocks_read_back() {
        let mut b = Vec::new();
        crate::writer::encode_epb(&mut b, 7, 1_700_000_000_123_456_789, b"xyz", 60, None);
        crate::writer::encode_epb(&mut b, 2, 5, b"", 0, Some(FLAG_OUTBOUND));
        let v: Vec<Epb> = Blocks::new(&b)
            .map(|b| Epb::new_checked(b.unwrap()).unwrap())
            .collect();
        assert_eq!(v[0].interface_id(), 7);
        assert_eq!(v[0].timestamp(), 1_700_000_000_123_456_789);
        assert_eq!((v[0].packet_data(), v[0].original_len()), (&b"xyz"[..], 60));
        assert_eq!(v[0].options().count(), 0);
        assert_eq!(v[1].packet_data(), b"");
        let o: Vec<_> = v[1].options().map(Result::unwrap).collect();
        assert_eq!(
            (o[0].code, o[0].value),
            (EPB_FLAGS, &2u32.to_le_bytes()[..])
        );
    }

    #[test]
    fn truncated_blocks_are_errors_and_not_whole() {
        let mut file = shb(Endian::Little);
        let first = file.len();
        file.extend(epb(Endian::Little, b"abcdefg", None));
        for cut in 0..file.len() {
            let part = &file[..cut];
            let expect = if cut >= first { first } else { 0 };
            assert_eq!(whole_blocks(part), expect, "cut at {cut}");
            let r = Block::new_checked(&part[expect..], Endian::Little);
            if cut == expect {
                continue;
            }
            let e = r.unwrap_err();
            if cut - expect < MIN_BLOCK_LEN {
                assert_eq!(e.problem(), Problem::TruncatedHeader(cut - expect));
            } else {
                assert!(matches!(e.problem(), Problem::PastEnd(_)), "{e}");
            }
        }
        // A view never reads past the slice it was given.
        let b = Block::new_checked(&file[first..], Endian::Little).unwrap();
        assert_eq!(b.total_len(), file.len() - first);
    }

    #[test]
    fn bad_lengths_are_errors() {
        let good = epb(Endian::Little, b"abcd", None);
        let with_len = |at: usize, v: u32| {
            let mut b = good.clone();
            b[at..at + 4].copy_from_slice(&v.to_le_bytes());
            b
        };
        let n = good.len();
        let err = |b: &[u8]| Block::new_checked(b, Endian::Little).unwrap_err();
        assert_eq!(
            err(&with_len(4, 8)),
            FormatError::new(4, Problem::BadLength(8))
        );
        assert_eq!(
            err(&with_len(4, 37)),
            FormatError::new(4, Problem::BadLength(37))
        );
        assert_eq!(
            err(&with_len(n - 4, 64)),
            FormatError::new(n - 4, Problem::Trailer)
        );
        // Header and trailer agree, but the block is longer than the slice.
        let mut long = with_len(4, n as u32 + 4);
        long.extend_from_slice(&(n as u32 + 4).to_le_bytes());
        assert!(Block::new_checked(&long, Endian::Little).is_ok());
        assert_eq!(
            err(&long[..n]),
            FormatError::new(0, Problem::PastEnd(n + 4))
        );
        // A caplen past the block, and a block too short for an EPB's fields.
        let b = with_len(20, 9);
        let b = Block::new_checked(&b, Endian::Little).unwrap();
        assert_eq!(
            Epb::new_checked(b).unwrap_err().problem(),
            Problem::DataPastBlock
        );
        let short = block(Endian::Little, EPB, &[0; 16]);
        let short = Block::new_checked(&short, Endian::Little).unwrap();
        assert_eq!(
            Epb::new_checked(short).unwrap_err().problem(),
            Problem::TooShort("packet block")
        );
        assert!(matches!(
            Idb::new_checked(short).unwrap_err().problem(),
            Problem::WrongType {
                expected: IDB,
                found: EPB
            }
        ));
        // An SHB whose magic is neither order.
        let mut s = shb(Endian::Little);
        s[8] = 0;
        assert_eq!(err(&s), FormatError::new(8, Problem::ByteOrderMagic));
        assert_eq!(whole_blocks(&s), 0);
    }

    #[test]
    fn options_honour_padding_end_and_bounds() {
        for e in [Endian::Little, Endian::Big] {
            // Values of every length mod 4, then endofopt, then junk that must not be read.
            let mut body = u32s(e, 0).to_vec();
            body.extend_from_slice(&[0; 4]);
            for (code, v) in [
                (1, &b"a"[..]),
                (2, b"bb"),
                (3, b"ccc"),
                (4, b"dddd"),
                (5, b""),
            ] {
                body.extend(option(e, code, v));
            }
            body.extend(option(e, OPT_ENDOFOPT, b""));
            body.extend(option(e, 6, b"junk"));
            let b = block(e, IDB, &body);
            let idb = Idb::new_checked(Block::new_checked(&b, e).unwrap()).unwrap();
            let got = opts(idb.options());
            let want: Vec<(u16, Vec<u8>)> = vec![
                (1, b"a".to_vec()),
                (2, b"bb".to_vec()),
                (3, b"ccc".to_vec()),
                (4, b"dddd".to_vec()),
                (5, vec![]),
            ];
            assert_eq!(got, want);

            // No endofopt: the options end with the block; an overrun is an error at its offset.
            let mut body = u32s(e, 0).to_vec();
            body.extend_from_slice(&[0; 4]);
            body.extend(option(e, 2, b"eth0"));
            body.extend_from_slice(&u16s(e, 3));
            body.extend_from_slice(&u16s(e, 40));
            body.extend_from_slice(b"shrt");
            let b = block(e, IDB, &body);
            let idb = Idb::new_checked(Block::new_checked(&b, e).unwrap()).unwrap();
            let all: Vec<_> = idb.options().collect();
            assert_eq!(all.len(), 2);
            assert_eq!(
                all[0],
                Ok(Opt {
                    code: 2,
                    value: b"eth0"
                })
            );
            assert_eq!(
                all[1],
                Err(FormatError::new(
                    24,
                    Problem::OptionPastBlock { code: 3, len: 40 }
                ))
            );
        }
    }

    #[test]
    fn sections_switch_byte_order() {
        let mut file = shb(Endian::Big);
        file.extend(idb(Endian::Big));
        file.extend(shb(Endian::Little));
        file.extend(idb(Endian::Little));
        let orders: Vec<Endian> = Blocks::new(&file).map(|b| b.unwrap().endian()).collect();
        assert_eq!(
            orders,
            [Endian::Big, Endian::Big, Endian::Little, Endian::Little]
        );
        assert_eq!(whole_blocks(&file), file.len());
        assert_eq!(
            whole_blocks(&file[..file.len() - 1]),
            file.len() - idb(Endian::Little).len()
        );
    }

    #[test]
    fn obsolete_packet_block_has_a_16_bit_interface() {
        let mut body = u16s(Endian::Big, 2).to_vec();
        body.extend_from_slice(&u16s(Endian::Big, 9)); // drops count
        body.extend_from_slice(&u32s(Endian::Big, 0));
        body.extend_from_slice(&u32s(Endian::Big, 10));
        body.extend_from_slice(&u32s(Endian::Big, 1));
        body.extend_from_slice(&u32s(Endian::Big, 1));
        body.extend_from_slice(&[0xee, 0, 0, 0]);
        let b = block(Endian::Big, PB, &body);
        let p = Epb::new_checked(Block::new_checked(&b, Endian::Big).unwrap()).unwrap();
        assert_eq!(
            (p.interface_id(), p.timestamp(), p.packet_data()),
            (2, 10, &[0xee][..])
        );
    }

    #[test]
    fn u64_and_timestamp_orders() {
        let b = [1, 0, 0, 0, 2, 0, 0, 0];
        assert_eq!(Endian::Little.u64(&b, 0), 0x0000_0002_0000_0001);
        assert_eq!(Endian::Little.timestamp(&b, 0), 0x0000_0001_0000_0002);
        assert_eq!(Endian::Big.u64(&b, 0), 0x0100_0000_0200_0000);
        assert_eq!(Endian::Big.timestamp(&b, 0), 0x0100_0000_0200_0000);
        // Short input reads as 0 rather than panicking.
        assert_eq!(Endian::Little.u32(&b, 6), 0);
    }
}
