//! `sniffer -r`: reads a pcap or pcapng file, filters it with libpcap's BPF and prints
//! tcpdump's lines, in big writes.

use pcapng::linktype;
use pcapng::reader::{ReadError, Reader};
use pcapng::Packet;
use printer::{PrintOptions, Printer};
use sniffer_contract::filter;
use std::io::{Read, Write};
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

/// A capture file's bytes: mapped for regular files (no copy, pages come in as they are
/// read), or read into memory (standard input, pipes).
enum Bytes {
    Owned(Vec<u8>),
    Mapped(memmap2::Mmap),
}

impl AsRef<[u8]> for Bytes {
    fn as_ref(&self) -> &[u8] {
        match self {
            Bytes::Owned(v) => v,
            Bytes::Mapped(m) => m,
        }
    }
}

/// Opens `path` ("-" reads standard input) and reads up to the first interface.
pub fn open(path: &Path) -> Result<Reader<impl AsRef<[u8]>>, ReadError> {
    let name = path.display().to_string();
    let io = |source| ReadError::Io {
        path: name.clone(),
        source,
    };
    let buf = if path.as_os_str() == "-" {
        let mut v = Vec::new();
        std::io::stdin().lock().read_to_end(&mut v).map_err(io)?;
        Bytes::Owned(v)
    } else {
        let f = std::fs::File::open(path).map_err(io)?;
        let meta = f.metadata().map_err(io)?;
        if meta.is_file() && meta.len() > 0 {
            // SAFETY: the map is read-only and private to this reader. A capture file
            // truncated by another process while mapped would fault; capture files are
            // written once and then read, which is the case this serves.
            let m = unsafe { memmap2::MmapOptions::new().populate().map(&f) }.map_err(io)?;
            Bytes::Mapped(m)
        } else {
            let mut v = Vec::new();
            (&f).read_to_end(&mut v).map_err(io)?;
            Bytes::Owned(v)
        }
    };
    Reader::new(buf).map_err(|e| match e {
        ReadError::UnknownFormat(_) => ReadError::UnknownFormat(name.clone()),
        e => e,
    })
}

/// Prints the packets of `opts.path` that match `opts.filter` to `out`, tcpdump's header
/// line to `err`.
pub fn print_file(
    opts: &OfflineOptions,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<OfflineStats, OfflineError> {
    let mut reader = open(&opts.path)?;
    let first = reader.first_interface().clone();
    let path = opts.path.display().to_string();
    err.write_all(header_line(&path, first.linktype, first.snaplen).as_bytes())
        .map_err(OfflineError::Write)?;
    let mut filters: Vec<Filter> = Vec::new();
    let mut printer = Printer::new(opts.print.clone());
    let mut buf: Vec<u8> = Vec::with_capacity(FLUSH_AT + 64 * 1024);
    let mut stats = OfflineStats::default();
    let filtering = !opts.filter.trim().is_empty();
    loop {
        if opts.count.is_some_and(|c| stats.printed >= c) {
            break;
        }
        let pkt = match reader.next_packet() {
            Ok(Some(p)) => p,
            Ok(None) => break,
            Err(e) => {
                out.write_all(&buf).map_err(OfflineError::Write)?;
                return Err(e.into());
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
        if buf.len() >= FLUSH_AT {
            out.write_all(&buf).map_err(OfflineError::Write)?;
            buf.clear();
        }
    }
    out.write_all(&buf).map_err(OfflineError::Write)?;
    out.flush().map_err(OfflineError::Write)?;
    Ok(stats)
}
