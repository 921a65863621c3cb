//! `sniffer -r`: reads a pcap or pcapng file (mapped and read in place when it is a regular
//! file), a pipe or standard input (streamed, with bounded memory), filters it with
//! libpcap's BPF and prints tcpdump's lines, in big writes (and at once when the input is a
//! stream that has nothing more yet).

use crate::mapped::{MappedFile, Tripwire};
use pcapng::linktype;
use pcapng::reader::{ReadError, Reader};
use pcapng::Packet;
use printer::{PrintOptions, Printer};
use sniffer_contract::filter;
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

/// What `sniffer -r` was asked to do.
#[derive(Clone, Debug)]
pub struct OfflineOptions {
    /// The file; "-" is standard input.
    pub path: PathBuf,
    /// Filter expression (empty: every packet).
    pub filter: String,
    /// `-c`: stop after this many matching packets.
    pub count: Option<u64>,
    pub print: PrintOptions,
}

/// Counts after a run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct OfflineStats {
    /// Packets read from the file.
    pub read: u64,
    /// Packets that matched the filter and were printed.
    pub printed: u64,
}

#[derive(Debug, thiserror::Error)]
pub enum OfflineError {
    #[error(transparent)]
    Read(#[from] ReadError),
    #[error(transparent)]
    Filter(#[from] sniffer_contract::filter::FilterError),
    #[error("writing output: {0}")]
    Write(std::io::Error),
}

/// Flush the output buffer once it holds this much: few, large writes.
const FLUSH_AT: usize = 256 * 1024;

/// libpcap's BPF interpreter, which takes the wire length apart from the captured length
/// (the `pcap` crate's `BpfProgram::filter` passes the captured length for both).
mod bpf {
    #[repr(C)]
    pub struct Insn {
        code: u16,
        jt: u8,
        jf: u8,
        k: u32,
    }
    extern "C" {
        pub fn bpf_filter(pc: *const Insn, p: *const u8, wirelen: u32, buflen: u32) -> u32;
    }
}

struct Filter {
    linktype: u32,
    program: pcap::BpfProgram,
}

impl Filter {
    fn matches(&self, pkt: &Packet<'_>) -> bool {
        let insns = self.program.get_instructions();
        if insns.is_empty() {
            return true;
        }
        // SAFETY: BpfInstruction is repr(transparent) over libpcap's struct bpf_insn, which
        // Insn mirrors; the program came from pcap_compile, and the packet pointer and length
        // describe a live slice.
        unsafe {
            bpf::bpf_filter(
                insns.as_ptr() as *const bpf::Insn,
                pkt.data.as_ptr(),
                pkt.wire_len,
                pkt.data.len() as u32,
            ) != 0
        }
    }
}

/// The libpcap DLT_ for a file's LINKTYPE_ (they differ for raw IP).
fn dlt_of(lt: u32) -> i32 {
    match lt {
        linktype::RAW => linktype::DLT_RAW as i32,
        other => other as i32,
    }
}

/// tcpdump's "reading from file X, link-type NAME (DESCRIPTION), snapshot length N", and its
/// warning for LINUX_SLL2 (names come from this host's interfaces, not the capture's).
fn header_line(path: &str, lt: u32, snaplen: u32) -> String {
    let dlt = dlt_of(lt);
    let pcap_lt = pcap::Linktype(dlt);
    let link = match (pcap_lt.get_name(), pcap_lt.get_description()) {
        (Ok(name), Ok(descr)) => format!("{name} ({descr})"),
        _ => format!("{dlt}"),
    };
    let mut s = format!("reading from file {path}, link-type {link}, snapshot length {snaplen}\n");
    if lt == linktype::LINUX_SLL2 {
        s.push_str("Warning: interface names might be incorrect\n");
    }
    s
}

/// Where `sniffer -r` reads from. A regular file is mapped and read in place (no copy
/// through `read(2)`); its map survives a truncation (see [`crate::mapped`]) and
/// [`print_file`] checks its [`Tripwire`] before lines read from it go out. Anything else is
/// streamed through the reader's bounded buffer, without reading a pipe to its end before
/// printing.
pub enum Input {
    /// A regular file and its length when opened: ending short of that means it shrank
    /// while being read, which is an error rather than a quiet, shorter end. When mapped,
    /// `read` starts at `len` (the file is positioned there: what it gains is streamed).
    File {
        file: std::fs::File,
        len: u64,
        read: u64,
    },
    /// Standard input, a pipe, a device: read as it comes, and may wait for a writer.
    Stream(Box<dyn Read>),
}

impl Input {
    /// Whether a read may wait for a writer (so output is flushed before one).
    pub fn is_stream(&self) -> bool {
        matches!(self, Input::Stream(_))
    }
}

/// The one error for a file that got shorter while it was read, mapped or streamed.
fn shrank(len: u64, now: u64) -> std::io::Error {
    std::io::Error::other(format!(
        "the file shrank while it was read ({len} bytes when opened, {now} now)"
    ))
}

impl Read for Input {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        match self {
            Input::Stream(r) => r.read(out),
            Input::File { file, len, read } => {
                let n = file.read(out)?;
                *read += n as u64;
                if n == 0 && !out.is_empty() {
                    let now = file.metadata().map(|m| m.len()).unwrap_or(0);
                    if *read < *len || now < *len {
                        return Err(shrank(*len, now));
                    }
                }
                Ok(n)
            }
        }
    }
}

/// A reader error with the input's name where the reader could not know it.
fn named(e: ReadError, name: &str) -> ReadError {
    match e {
        ReadError::UnknownFormat(_) => ReadError::UnknownFormat(name.to_string()),
        ReadError::Read(source) => ReadError::Io {
            path: name.to_string(),
            source,
        },
        e => e,
    }
}

/// Opens `path` ("-" reads standard input) and reads up to the first interface; with the
/// map's tripwire when the file is read through a map.
pub fn open(path: &Path) -> Result<(Reader<Input>, Option<Tripwire>), ReadError> {
    let name = path.display().to_string();
    let io = |source| ReadError::Io {
        path: name.clone(),
        source,
    };
    let input = if path.as_os_str() == "-" {
        Input::Stream(Box::new(std::io::stdin().lock()))
    } else {
        let file = std::fs::File::open(path).map_err(io)?;
        let meta = file.metadata().map_err(io)?;
        if meta.is_file() {
            let len = meta.len();
            if let Some(map) = MappedFile::new(&file, len) {
                let mut file = file;
                file.seek(std::io::SeekFrom::Start(len)).map_err(io)?;
                let wire = map.tripwire();
                let input = Input::File {
                    file,
                    len,
                    read: len,
                };
                let reader =
                    Reader::from_mapped(input, Box::new(map)).map_err(|e| named(e, &name))?;
                return Ok((reader, Some(wire)));
            }
            Input::File { file, len, read: 0 }
        } else {
            Input::Stream(Box::new(file))
        }
    };
    let reader = Reader::from_read(input).map_err(|e| named(e, &name))?;
    Ok((reader, None))
}

/// Lines printed from a mapped file, not yet written: for each, where its record ends in
/// the file and where its text ends in the output buffer.
type Pending = Vec<(u64, usize)>;

/// Before lines read through a map go out (every [`FLUSH_AT`] bytes, at the end, on an
/// error): when the file has become shorter than the map, some of them may come from zeros
/// (see [`crate::mapped`]), so only the lines of records that lie wholly within the file's
/// present length are kept (written), and the read ends with the same error as a streamed
/// file that shrank. (Zeros read after a truncation cost at most one more batch: a pcapng
/// reader stops at the first zero block, and a pcap file's zero records print ~25 bytes each
/// from 16.) A map that faulted on a file that has grown back since is not trusted either.
fn settle(
    wire: &Tripwire,
    pending: &Pending,
    buf: &mut Vec<u8>,
    out: &mut dyn Write,
    path: &str,
) -> Result<(), OfflineError> {
    let now = match wire.shrank() {
        Some(now) => now,
        None if wire.faulted() => 0,
        None => return Ok(()),
    };
    let keep = pending.partition_point(|&(end, _)| end <= now);
    let cut = keep.checked_sub(1).map_or(0, |i| pending[i].1);
    out.write_all(&buf[..cut]).map_err(OfflineError::Write)?;
    buf.clear();
    Err(OfflineError::Read(ReadError::Io {
        path: path.to_string(),
        source: shrank(wire.mapped_len(), wire.now()),
    }))
}

/// Prints the packets of `opts.path` that match `opts.filter` to `out`, tcpdump's header
/// line to `err`.
pub fn print_file(
    opts: &OfflineOptions,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<OfflineStats, OfflineError> {
    let (mut reader, wire) = open(&opts.path)?;
    let live = reader.get_ref().is_stream();
    let first = reader.first_interface().clone();
    let path = opts.path.display().to_string();
    err.write_all(header_line(&path, first.linktype, first.snaplen).as_bytes())
        .map_err(OfflineError::Write)?;
    let mut filters: Vec<Filter> = Vec::new();
    let mut printer = Printer::new(opts.print.clone());
    let mut buf: Vec<u8> = Vec::with_capacity(FLUSH_AT + 64 * 1024);
    let mut pending: Pending = Vec::new();
    let mut stats = OfflineStats::default();
    let filtering = !opts.filter.trim().is_empty();
    loop {
        if opts.count.is_some_and(|c| stats.printed >= c) {
            break;
        }
        // Before waiting on a pipe, print what is ready: lines appear as packets arrive.
        if live && !buf.is_empty() && reader.would_read() {
            out.write_all(&buf).map_err(OfflineError::Write)?;
            out.flush().map_err(OfflineError::Write)?;
            buf.clear();
        }
        let pkt = match reader.next_packet() {
            Ok(Some(p)) => p,
            Ok(None) => break,
            Err(e) => {
                // A malformed record read as zeros from a shrunk map is the shrinking.
                if let Some(wire) = &wire {
                    settle(wire, &pending, &mut buf, out, &path)?;
                }
                out.write_all(&buf).map_err(OfflineError::Write)?;
                return Err(named(e, &path).into());
            }
        };
        stats.read += 1;
        if filtering {
            let f = match filters.iter().position(|f| f.linktype == pkt.linktype) {
                Some(i) => &filters[i],
                None => {
                    let program =
                        filter::compile(&opts.filter, pcap::Linktype(dlt_of(pkt.linktype)))?;
                    filters.push(Filter {
                        linktype: pkt.linktype,
                        program,
                    });
                    filters.last().expect("just pushed")
                }
            };
            if !f.matches(&pkt) {
                continue;
            }
        }
        printer.print(&pkt, &mut buf);
        stats.printed += 1;
        if wire.is_some() {
            pending.push((reader.position(), buf.len()));
        }
        if buf.len() >= FLUSH_AT {
            if let Some(wire) = &wire {
                settle(wire, &pending, &mut buf, out, &path)?;
                pending.clear();
            }
            out.write_all(&buf).map_err(OfflineError::Write)?;
            buf.clear();
        }
    }
    if let Some(wire) = &wire {
        settle(wire, &pending, &mut buf, out, &path)?;
    }
    out.write_all(&buf).map_err(OfflineError::Write)?;
    out.flush().map_err(OfflineError::Write)?;
    Ok(stats)
}
