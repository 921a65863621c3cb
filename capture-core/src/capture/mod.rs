//! The capture engine: one capture thread on libpcap's memory-mapped TPACKET_V3 ring, a
//! file writer thread, and a printer thread.
//!
//! ```text
//!  kernel ring ──dispatch()──▶ capture thread ──chunks──▶ writer thread ──▶ files
//!  (zero-copy slices)          (encode EPBs,              │
//!                               rotate)                   └─try_send─▶ printer thread ──▶ stdout
//! ```
//!
//! The capture thread enters the target's network namespace first, then lists interfaces
//! and opens the handle, so names and the socket belong to the target. Packet bytes are
//! copied once, from the ring into a pooled chunk; the writer and the printer share that
//! chunk. Neither a slow disk nor a slow stdout can stall the ring: the writer has its own
//! thread, and the printer is offered chunks without waiting.

mod encoder;
mod outfile;
mod pool;
mod sink;
mod summaries;

use crate::interfaces;
use crate::netns::{Namespace, NetnsError};
use encoder::{Encoder, InterfaceSet, Route};
use pcapng::blocks::{FLAG_INBOUND, FLAG_OUTBOUND};
use pcapng::writer::{InterfaceDesc, SectionInfo};
use pool::Pool;
use printer::Printer;
use sink::{FilesState, Sink, SinkMsg};
use sniffer_contract::filter::FilterError;
use sniffer_contract::options::{Direction, TcpdumpArgs, TimestampType};
use sniffer_contract::rotate::{FileNaming, RotationPolicy};
use sniffer_contract::status::FileEntry;
use std::io::Write;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// Block retire timeout. libpcap's TPACKET_V3 holds a partly filled 256 KiB block until it
/// fills or this expires, so it bounds the latency of quiet traffic (0 would mean forever).
const RING_TIMEOUT_MS: i32 = 100;
/// How long encoded packets may wait in a chunk before going to the writer and printer.
const FLUSH_AFTER: Duration = Duration::from_millis(200);
/// How often the kernel's packet counters are read while capturing.
const STATS_EVERY: Duration = Duration::from_millis(500);
/// Chunk size and count: the memory a capture uses beyond the kernel ring.
const CHUNK_BYTES: usize = 2 << 20;
const MAX_CHUNKS: usize = 4;
/// Printer queue length in chunks; beyond it chunks are skipped, not waited for.
const PRINT_QUEUE: usize = 1;
/// Default kernel ring when `-B` is not given, in KiB.
pub const DEFAULT_RING_KIB: u32 = 32 * 1024;
/// The largest ring libpcap can ask for (its buffer size is an `int` of bytes), in KiB;
/// a larger `-B` is capped to this.
pub const MAX_RING_KIB: u32 = (i32::MAX as u64 / 1024) as u32;
/// How long the end of a capture may take for the capture thread and the file writer
/// (draining the ring, writing the last chunk, closing the file), whatever the disk does.
const FINISH_DEADLINE: Duration = Duration::from_secs(10);
/// How long the printer may take after the capture thread ended: its own grace after a stop
/// request (see `summaries`), plus a margin. A stdout nobody reads is abandoned after it.
const PRINT_DEADLINE: Duration = Duration::from_millis(1500);

/// Everything one capture needs.
pub struct CaptureConfig {
    pub args: TcpdumpArgs,
    pub namespace: Namespace,
    /// SHB comments (capture metadata).
    pub comments: Vec<String>,
    /// shb_userappl.
    pub userappl: String,
    /// Where summary lines go when they are printed.
    pub summary_out: Box<dyn Write + Send>,
}

#[derive(Debug, thiserror::Error)]
pub enum CaptureError {
    #[error(transparent)]
    Netns(#[from] NetnsError),
    #[error("{0}")]
    Filter(#[from] FilterError),
    #[error(
        "interface {name:?} does not exist in the target's network namespace (it has: {have})"
    )]
    NoSuchInterface { name: String, have: String },
    #[error("cannot open capture on {iface}: {message}")]
    Open { iface: String, message: String },
    #[error("{0}")]
    Output(String),
}

/// Counters shared with whoever watches the capture.
#[derive(Default)]
pub struct Counters {
    pub captured: AtomicU64,
    pub received: AtomicU64,
    pub dropped: AtomicU64,
}

/// What the capture thread says once it is listening.
#[derive(Clone, Debug)]
pub struct Listening {
    pub interface: String,
    pub linktype_name: String,
    pub linktype_description: String,
    pub snaplen: u32,
}

/// Why a capture ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EndReason {
    Stopped,
    CountReached,
    /// The ring reported an error, e.g. the interface went away with the target.
    RingError(String),
    WriteFailed(String),
}

/// Final figures of a capture, tcpdump's three lines plus why it ended.
#[derive(Clone, Debug)]
pub struct Report {
    pub captured: u64,
    pub received: u64,
    pub dropped: u64,
    pub end: EndReason,
}

/// A capture in progress.
pub struct RunningCapture {
    stop: Arc<AtomicBool>,
    pub counters: Arc<Counters>,
    pub listening: Listening,
    files: Option<Arc<Mutex<FilesState>>>,
    capture: Option<JoinHandle<Report>>,
    writer: Option<JoinHandle<()>>,
    printer: Option<JoinHandle<()>>,
}

/// Waits for `h` until `deadline`; `None` if it is still running then (it is left to end
/// with the process).
fn join_by<T>(h: JoinHandle<T>, deadline: std::time::Instant) -> Option<std::thread::Result<T>> {
    while !h.is_finished() {
        if std::time::Instant::now() >= deadline {
            return None;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    Some(h.join())
}

impl RunningCapture {
    /// Asks the capture to end; it does within one ring timeout.
    pub fn request_stop(&self) {
        self.stop.store(true, Ordering::SeqCst);
    }

    pub fn stop_handle(&self) -> Arc<AtomicBool> {
        self.stop.clone()
    }

    pub fn is_finished(&self) -> bool {
        self.capture.as_ref().is_none_or(|h| h.is_finished())
    }

    /// The capture's files so far, and the one being written.
    pub fn files(&self) -> (Vec<FileEntry>, Option<String>) {
        match &self.files {
            Some(f) => {
                let g = f.lock().unwrap();
                (g.files.clone(), g.current.clone())
            }
            None => (Vec::new(), None),
        }
    }

    /// Waits for the capture thread, then for the writer and printer to drain, each within
    /// a deadline: a stalled disk or a stdout nobody reads must not keep the sniffer from
    /// exiting. A writer that misses its deadline makes the capture end as a write failure.
    pub fn wait(mut self) -> Report {
        let deadline = std::time::Instant::now() + FINISH_DEADLINE;
        let late = |what: &str| {
            EndReason::WriteFailed(format!(
                "the {what} did not finish within {} s",
                FINISH_DEADLINE.as_secs()
            ))
        };
        let mut report = match join_by(self.capture.take().expect("waited once"), deadline) {
            Some(Ok(r)) => r,
            Some(Err(_)) => Report {
                captured: self.counters.captured.load(Ordering::Relaxed),
                received: self.counters.received.load(Ordering::Relaxed),
                dropped: self.counters.dropped.load(Ordering::Relaxed),
                end: EndReason::RingError("capture thread panicked".into()),
            },
            None => Report {
                captured: self.counters.captured.load(Ordering::Relaxed),
                received: self.counters.received.load(Ordering::Relaxed),
                dropped: self.counters.dropped.load(Ordering::Relaxed),
                end: late("capture thread"),
            },
        };
        if let Some(w) = self.writer.take() {
            if join_by(w, deadline).is_none() {
                report.end = late("file writer");
            }
        }
        // The writer knows what failed (e.g. "No space left on device"); say that.
        if let (EndReason::WriteFailed(why), Some(files)) = (&mut report.end, &self.files) {
            if let Some(e) = files.lock().unwrap().error.clone() {
                *why = e;
            }
        }
        if let Some(p) = self.printer.take() {
            let _ = join_by(p, std::time::Instant::now() + PRINT_DEADLINE);
        }
        report
    }
}

/// Starts a capture: opens the first file (so an unwritable directory fails here), starts
/// the threads, and returns once the ring is open and filtered, or with the reason it
/// could not be.
pub fn start(cfg: CaptureConfig) -> Result<RunningCapture, CaptureError> {
    let args = cfg.args.clone();
    let stop = Arc::new(AtomicBool::new(false));
    let write_failed = Arc::new(AtomicBool::new(false));
    let counters = Arc::new(Counters::default());
    let skipped = Arc::new(AtomicU64::new(0));

    let (print_tx, print_rx) = if args.prints_summaries() {
        let (tx, rx) = mpsc::sync_channel::<Arc<pool::Chunk>>(PRINT_QUEUE);
        (Some(tx), Some(rx))
    } else {
        (None, None)
    };

    let policy = RotationPolicy::from_args(&args);
    let (route, files, sink) = match &args.write {
        Some(path) => {
            let naming = FileNaming::new(path.clone(), &policy);
            let printer = print_tx.clone().map(|tx| (tx, skipped.clone()));
            let sink = Sink::create(naming, policy.max_files, write_failed.clone(), printer)
                .map_err(|e| CaptureError::Output(e.to_string()))?;
            let (tx, rx) = mpsc::sync_channel::<SinkMsg>(MAX_CHUNKS);
            (Route::Files(tx), Some(sink.state()), Some((sink, rx)))
        }
        None => (
            Route::PrinterOnly(
                print_tx.clone().expect("prints without -w"),
                skipped.clone(),
            ),
            None,
            None,
        ),
    };
    drop(print_tx);

    // The capture thread reports its setup result, and then hands over the interface set's
    // shared tables for the printer.
    let (ready_tx, ready_rx) =
        mpsc::channel::<Result<(Listening, summaries::LinkTypes, NameTable), CaptureError>>();
    let thread_stop = stop.clone();
    let thread_counters = counters.clone();
    let thread_failed = write_failed.clone();
    let namespace = cfg.namespace;
    let section = SectionInfo {
        hardware: None,
        os: Some(os_string()),
        userappl: Some(cfg.userappl.clone()),
        comments: cfg.comments.clone(),
    };
    let capture = std::thread::Builder::new()
        .name("capture".into())
        .spawn(move || {
            capture_thread(
                args,
                namespace,
                section,
                policy,
                route,
                thread_stop,
                thread_counters,
                thread_failed,
                ready_tx,
            )
        })
        .expect("spawn capture thread");

    let (listening, linktypes, names) = match ready_rx.recv() {
        Ok(Ok(v)) => v,
        Ok(Err(e)) => {
            let _ = capture.join();
            if let Some((sink, _)) = sink {
                sink.discard();
            }
            return Err(e);
        }
        Err(_) => {
            let _ = capture.join();
            if let Some((sink, _)) = sink {
                sink.discard();
            }
            return Err(CaptureError::Open {
                iface: cfg.args.interface.clone(),
                message: "capture thread ended".into(),
            });
        }
    };

    let writer = sink.map(|(sink, rx)| {
        std::thread::Builder::new()
            .name("writer".into())
            .spawn(move || sink.run(rx))
            .expect("spawn writer")
    });
    let printer = print_rx.map(|rx| {
        let mut printer = Printer::new(crate::print_options(&cfg.args));
        // Interface names come from the target namespace, read by the capture thread.
        printer.set_interface_resolver(Box::new(move |ifindex| {
            names.read().unwrap().get(&ifindex).cloned()
        }));
        let t = summaries::SummaryThread {
            printer,
            linktypes,
            skipped,
            out: cfg.summary_out,
            stop: stop.clone(),
        };
        std::thread::Builder::new()
            .name("printer".into())
            .spawn(move || t.run(rx))
            .expect("spawn printer")
    });

    Ok(RunningCapture {
        stop,
        counters,
        listening,
        files,
        capture: Some(capture),
        writer,
        printer,
    })
}

type NameTable = Arc<std::sync::RwLock<std::collections::HashMap<u32, String>>>;

#[allow(clippy::too_many_arguments)]
fn capture_thread(
    args: TcpdumpArgs,
    namespace: Namespace,
    section: SectionInfo,
    policy: RotationPolicy,
    route: Route,
    stop: Arc<AtomicBool>,
    counters: Arc<Counters>,
    write_failed: Arc<AtomicBool>,
    ready: mpsc::Sender<Result<(Listening, summaries::LinkTypes, NameTable), CaptureError>>,
) -> Report {
    let (mut cap, listening, ifaces) = match open_ring(&args, &namespace) {
        Ok(v) => v,
        Err(e) => {
            let end = EndReason::RingError(e.to_string());
            let _ = ready.send(Err(e));
            return Report {
                captured: 0,
                received: 0,
                dropped: 0,
                end,
            };
        }
    };
    let fixed_flags = match args.direction {
        Some(Direction::In) => Some(FLAG_INBOUND),
        Some(Direction::Out) => Some(FLAG_OUTBOUND),
        _ => None,
    };
    let _ = ready.send(Ok((
        listening,
        ifaces.linktypes.clone(),
        ifaces.names.clone(),
    )));
    let mut enc = Encoder::new(
        Pool::new(CHUNK_BYTES, MAX_CHUNKS),
        route,
        ifaces,
        section,
        policy,
        fixed_flags,
    );

    let ring_fd = std::os::fd::AsRawFd::as_raw_fd(&cap);
    let mut end = EndReason::Stopped;
    let mut last_stats = std::time::Instant::now();
    loop {
        if stop.load(Ordering::Relaxed) {
            break;
        }
        if write_failed.load(Ordering::Relaxed) {
            end = EndReason::WriteFailed("writing the capture file failed".into());
            break;
        }
        // The handle is non-blocking; poll() gives the loop its heartbeat. (A blocking
        // TPACKET_V3 read never returns on an idle interface: the kernel only retires
        // blocks that hold a packet, so stop requests and -G would wait for traffic.)
        // The kernel's counters, read on a clock of their own (not only when packets come),
        // so the live status is as current as the status file.
        if last_stats.elapsed() >= STATS_EVERY {
            last_stats = std::time::Instant::now();
            if let Ok(s) = cap.stats() {
                enc.kernel_drops = u64::from(s.dropped);
                counters
                    .received
                    .store(u64::from(s.received).max(enc.captured), Ordering::Relaxed);
                counters
                    .dropped
                    .store(u64::from(s.dropped), Ordering::Relaxed);
            }
        }
        if !wait_readable(ring_fd, RING_TIMEOUT_MS) {
            enc.tick(FLUSH_AFTER);
            continue;
        }
        let remaining = args.count.map(|c| c.saturating_sub(enc.captured) as usize);
        let result = cap.dispatch(remaining, |p| {
            enc.packet(
                p.header.ts.tv_sec,
                p.header.ts.tv_usec as u32,
                p.header.len,
                p.data,
            )
        });
        if let Err(e) = result {
            end = EndReason::RingError(e.to_string());
            break;
        }
        // The kernel's count is read less often; it has seen at least what was captured.
        // Raised before the captured count is published (Release, read with Acquire), so a
        // reader that sees a captured count also sees a received count at least as large.
        counters.received.fetch_max(enc.captured, Ordering::Relaxed);
        counters.captured.store(enc.captured, Ordering::Release);
        if args.count.is_some_and(|c| enc.captured >= c) {
            end = EndReason::CountReached;
            break;
        }
        enc.tick(FLUSH_AFTER);
    }
    if end == EndReason::Stopped {
        // Packets that arrived before the stop may sit in a ring block the kernel has not
        // retired yet; it does so within one block timeout. Wait for that, then drain.
        std::thread::sleep(Duration::from_millis(RING_TIMEOUT_MS as u64 + 20));
        while let Ok(n) = cap.dispatch(None, |p| {
            enc.packet(
                p.header.ts.tv_sec,
                p.header.ts.tv_usec as u32,
                p.header.len,
                p.data,
            )
        }) {
            if n == 0 {
                break;
            }
        }
    }
    let (received, dropped) = match cap.stats() {
        Ok(s) => (u64::from(s.received), u64::from(s.dropped)),
        Err(_) => (
            counters.received.load(Ordering::Relaxed),
            counters.dropped.load(Ordering::Relaxed),
        ),
    };
    enc.kernel_drops = dropped;
    let captured = enc.captured;
    // The kernel has seen at least what was captured (its count can lag a ring's last block).
    let received = received.max(captured);
    counters.received.store(received, Ordering::Relaxed);
    counters.captured.store(captured, Ordering::Release);
    counters.dropped.store(dropped, Ordering::Relaxed);
    enc.finish();
    Report {
        captured,
        received,
        dropped,
        end,
    }
}

/// Enters the namespace, checks the interface, and opens and filters the ring.
fn open_ring(
    args: &TcpdumpArgs,
    namespace: &Namespace,
) -> Result<(pcap::Capture<pcap::Active>, Listening, InterfaceSet), CaptureError> {
    namespace.enter()?;
    let table = interfaces::list().map_err(|e| CaptureError::Open {
        iface: args.interface.clone(),
        message: e.to_string(),
    })?;
    let any = args.interface == "any";
    if !any && !table.values().any(|n| n == &args.interface) {
        let have = table.values().cloned().collect::<Vec<_>>().join(", ");
        return Err(CaptureError::NoSuchInterface {
            name: args.interface.clone(),
            have,
        });
    }
    let snaplen = args.effective_snaplen();
    let ring_kib = args
        .buffer_kib
        .unwrap_or(DEFAULT_RING_KIB)
        .min(MAX_RING_KIB);
    let ring_bytes = u64::from(ring_kib) * 1024;
    let open_err = |e: pcap::Error| CaptureError::Open {
        iface: args.interface.clone(),
        message: e.to_string(),
    };
    let mut inactive = pcap::Capture::from_device(args.interface.as_str()).map_err(open_err)?;
    if let Some(t) = args.tstamp_type {
        inactive = inactive.tstamp_type(match t {
            TimestampType::Host => pcap::TimestampType::Host,
            TimestampType::HostLowprec => pcap::TimestampType::HostLowPrec,
            TimestampType::HostHiprec => pcap::TimestampType::HostHighPrec,
            TimestampType::Adapter => pcap::TimestampType::Adapter,
            TimestampType::AdapterUnsynced => pcap::TimestampType::AdapterUnsynced,
        });
    }
    let mut cap = inactive
        .snaplen(snaplen as i32)
        .promisc(!args.no_promiscuous && !any)
        .timeout(RING_TIMEOUT_MS)
        .buffer_size(ring_bytes as i32)
        .precision(pcap::Precision::Nano)
        .immediate_mode(false)
        .open()
        .map_err(|e| {
            let mut message = e.to_string();
            if message.contains("ermission") || message.contains("not permitted") {
                message.push_str(" (the sniffer needs CAP_NET_RAW)");
            }
            CaptureError::Open {
                iface: args.interface.clone(),
                message,
            }
        })?;
    // -y, else LINUX_SLL2 on `any` (interface names and directions per packet).
    let datalink = match args.datalink {
        Some(d) => Some(pcap::Linktype::from_name(d.pcap_name()).map_err(open_err)?),
        None if any => Some(pcap::Linktype(pcapng::linktype::LINUX_SLL2 as i32)),
        None => None,
    };
    if let Some(d) = datalink {
        cap.set_datalink(d).map_err(open_err)?;
    }
    if let Some(d) = args.direction {
        let d = match d {
            Direction::In => pcap::Direction::In,
            Direction::Out => pcap::Direction::Out,
            Direction::Inout => pcap::Direction::InOut,
        };
        cap.direction(d).map_err(open_err)?;
    }
    let expr = args.filter_expression();
    let linktype = cap.get_datalink();
    if !expr.is_empty() {
        cap.filter(&expr, true)
            .map_err(|e| CaptureError::Filter(FilterError::from_pcap(&expr, e)))?;
    }
    let cap = cap.setnonblock().map_err(open_err)?;
    let listening = Listening {
        interface: args.interface.clone(),
        linktype_name: linktype
            .get_name()
            .unwrap_or_else(|_| format!("{}", linktype.0)),
        linktype_description: linktype.get_description().unwrap_or_default(),
        snaplen,
    };
    let template = InterfaceDesc {
        name: args.interface.clone(),
        description: None,
        linktype: linktype.0 as u16,
        snaplen,
        filter: (!expr.is_empty()).then_some(expr),
    };
    let ifaces = InterfaceSet::new(template, any, &table);
    Ok((cap, listening, ifaces))
}

/// Waits until the ring has data (or an error to report), at most `timeout_ms`.
fn wait_readable(fd: std::os::fd::RawFd, timeout_ms: i32) -> bool {
    let mut p = libc::pollfd {
        fd,
        events: libc::POLLIN,
        revents: 0,
    };
    // SAFETY: one valid pollfd.
    let n = unsafe { libc::poll(&mut p, 1, timeout_ms) };
    n != 0
}

fn os_string() -> String {
    match nix::sys::utsname::uname() {
        Ok(u) => format!(
            "{} {}",
            u.sysname().to_string_lossy(),
            u.release().to_string_lossy()
        ),
        Err(_) => "Linux".into(),
    }
}

impl From<std::io::Error> for CaptureError {
    fn from(e: std::io::Error) -> Self {
        CaptureError::Output(e.to_string())
    }
}
