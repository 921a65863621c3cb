//! The printer thread: turns chunks of encoded packets into tcpdump lines on stdout.
//!
//! It reads the same EPBs the file gets, so printing costs the capture thread nothing but
//! a non-blocking hand-over. When stdout is slower than the traffic, whole chunks are
//! skipped and the gap is announced in the output as `[N packets not printed]`.

use super::pool::Chunk;
use pcapng::blocks::EPB;
use pcapng::Packet;
use printer::Printer;
use std::io::Write;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::Receiver;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

/// Link types by pcapng interface id, shared with the capture thread (which adds
/// interfaces as they appear).
pub type LinkTypes = Arc<RwLock<Vec<u32>>>;

pub struct SummaryThread {
    pub printer: Printer,
    pub linktypes: LinkTypes,
    pub skipped: Arc<AtomicU64>,
    pub out: Box<dyn Write + Send>,
    /// Set when the capture is asked to stop: from then on printing gets [`STOP_GRACE`] to
    /// catch up, so a slow reader of stdout cannot hold the sniffer's exit hostage.
    pub stop: Arc<AtomicBool>,
}

/// How long printing may continue after a stop request.
const STOP_GRACE: Duration = Duration::from_secs(1);

/// Output goes out in pieces this big, so a stop is noticed between them.
const PIECE: usize = 64 * 1024;

impl SummaryThread {
    pub fn run(mut self, rx: Receiver<Arc<Chunk>>) {
        let mut line_buf = Vec::with_capacity(1 << 20);
        let mut broken = false;
        let mut deadline: Option<Instant> = None;
        let mut late = |stop: &AtomicBool| {
            if !stop.load(Ordering::Relaxed) {
                return false;
            }
            Instant::now() >= *deadline.get_or_insert_with(|| Instant::now() + STOP_GRACE)
        };
        for chunk in rx {
            if broken {
                continue;
            }
            if late(&self.stop) {
                self.skipped
                    .fetch_add(u64::from(chunk.packets), Ordering::Relaxed);
                continue;
            }
            line_buf.clear();
            let skipped = self.skipped.swap(0, Ordering::Relaxed);
            if skipped > 0 {
                line_buf.extend_from_slice(format!("[{skipped} packets not printed]\n").as_bytes());
            }
            let linktypes = self.linktypes.read().unwrap().clone();
            for_each_epb(chunk.blocks(), |iface, ts_ns, wire_len, data| {
                let pkt = Packet {
                    linktype: linktypes.get(iface as usize).copied().unwrap_or(1),
                    ts_sec: (ts_ns / 1_000_000_000) as i64,
                    ts_nsec: (ts_ns % 1_000_000_000) as u32,
                    wire_len,
                    data,
                };
                self.printer.print(&pkt, &mut line_buf);
            });
            drop(chunk);
            let mut written = 0;
            for piece in line_buf.chunks(PIECE) {
                if late(&self.stop) {
                    // One line per packet: the unwritten lines are the packets not printed.
                    let rest = line_buf[written..].iter().filter(|&&b| b == b'\n').count();
                    self.skipped.fetch_add(rest as u64, Ordering::Relaxed);
                    break;
                }
                // A closed stdout (e.g. `| head`) ends printing, never the capture.
                if self
                    .out
                    .write_all(piece)
                    .and_then(|_| self.out.flush())
                    .is_err()
                {
                    broken = true;
                    break;
                }
                written += piece.len();
            }
        }
        let skipped = self.skipped.swap(0, Ordering::Relaxed);
        if skipped > 0 && !broken {
            let _ = writeln!(self.out, "[{skipped} packets not printed]");
            let _ = self.out.flush();
        }
    }
}

/// Calls `f(interface_id, ts_ns, wire_len, data)` for each EPB in a run of little-endian
/// blocks that this crate's writer produced.
pub fn for_each_epb(mut bytes: &[u8], mut f: impl FnMut(u32, u64, u32, &[u8])) {
    let u32_at = |b: &[u8], o: usize| u32::from_le_bytes([b[o], b[o + 1], b[o + 2], b[o + 3]]);
    while bytes.len() >= 12 {
        let kind = u32_at(bytes, 0);
        let len = u32_at(bytes, 4) as usize;
        if len < 12 || len > bytes.len() {
            return;
        }
        if kind == EPB && len >= 32 {
            let caplen = u32_at(bytes, 20) as usize;
            if 28 + caplen <= len {
                let ts = (u64::from(u32_at(bytes, 12)) << 32) | u64::from(u32_at(bytes, 16));
                f(
                    u32_at(bytes, 8),
                    ts,
                    u32_at(bytes, 24),
                    &bytes[28..28 + caplen],
                );
            }
        }
        bytes = &bytes[len..];
    }
}
