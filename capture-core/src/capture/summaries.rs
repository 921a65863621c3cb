//! The printer thread: turns chunks of encoded packets into tcpdump lines on stdout.
//!
//! It reads the same EPBs the file gets, so printing costs the capture thread nothing but
//! a non-blocking hand-over. When stdout is slower than the traffic, whole chunks are
//! skipped and the gap is announced in the output as `[N packets not printed]`.

use super::pool::Chunk;
use pcapng::blocks::EPB;
use pcapng::tsresol::TsResol;
use pcapng::view::{Blocks, Epb};
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
        // Where each packet's text ends in line_buf: a packet's text may hold several lines
        // (-x/-X/-A dumps, VXLAN), so unwritten packets are counted by these, not by '\n'.
        let mut ends: Vec<usize> = Vec::new();
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
            ends.clear();
            let skipped = self.skipped.swap(0, Ordering::Relaxed);
            // -# numbers the packets captured, printed or not.
            self.printer.skip(skipped);
            if skipped > 0 {
                line_buf.extend_from_slice(format!("[{skipped} packets not printed]\n").as_bytes());
            }
            let linktypes = self.linktypes.read().unwrap().clone();
            for epb in epbs(chunk.blocks()) {
                let (sec, nsec) = TsResol::NANOS.split(epb.timestamp());
                let pkt = Packet {
                    linktype: linktypes
                        .get(epb.interface_id() as usize)
                        .copied()
                        .unwrap_or(1),
                    ts_sec: sec as i64,
                    ts_nsec: nsec,
                    wire_len: epb.original_len(),
                    data: epb.packet_data(),
                };
                self.printer.print(&pkt, &mut line_buf);
                ends.push(line_buf.len());
            }
            drop(chunk);
            let mut written = 0;
            for piece in line_buf.chunks(PIECE) {
                if late(&self.stop) {
                    // The packets whose text did not go out in full were not printed.
                    let rest = ends.iter().filter(|&&end| end > written).count();
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

/// The EPBs in a run of blocks that this crate's writer produced (nanosecond timestamps),
/// up to the first bad or incomplete block: views into the chunk, nothing copied.
fn epbs(bytes: &[u8]) -> impl Iterator<Item = Epb<'_>> {
    Blocks::new(bytes)
        .map_while(Result::ok)
        .filter(|b| b.kind() == EPB)
        .filter_map(|b| Epb::new_checked(b).ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use pcapng::writer::{encode_epb, encode_isb, InterfaceStats};

    #[test]
    fn epbs_are_read_up_to_the_first_incomplete_block() {
        let mut b = Vec::new();
        encode_epb(&mut b, 0, 1_000_000_007, b"one", 60, None);
        encode_isb(&mut b, 0, 5, &InterfaceStats::default());
        encode_epb(&mut b, 2, 9, b"", 0, Some(1));
        let whole = b.len();
        encode_epb(&mut b, 0, 1, b"cut", 3, None);
        let got: Vec<(u32, u64, u32, &[u8])> = epbs(&b[..b.len() - 1])
            .map(|e| {
                (
                    e.interface_id(),
                    e.timestamp(),
                    e.original_len(),
                    e.packet_data(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [(0, 1_000_000_007, 60, &b"one"[..]), (2, 9, 0, &b""[..])]
        );
        assert_eq!(epbs(&b[..whole]).count(), 2);
        assert_eq!(epbs(&b).count(), 3);
    }
}
