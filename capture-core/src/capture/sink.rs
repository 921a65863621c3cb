//! The file writer thread: creates, writes, closes and prunes the capture's files.
//!
//! The capture thread decides what goes in which file (it knows every block's size); this
//! thread only performs the I/O, so a slow or stalled disk never stops the ring from being
//! drained. Every write is a whole chunk of whole blocks. If a write fails (disk full), the
//! file is cut back to its last complete block, so it stays readable, and writing stops.

use super::outfile::OutFile;
use super::pool::Chunk;
use sniffer_contract::rotate::FileNaming;
use sniffer_contract::status::FileEntry;
use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, SyncSender, TrySendError};
use std::sync::{Arc, Mutex};

/// How stale the file sizes the writer publishes may get: `sniffer status` (and the
/// plugin's `get`) read them through the status file, which is rewritten every 500 ms.
const PUBLISH_EVERY: std::time::Duration = std::time::Duration::from_millis(500);

pub enum SinkMsg {
    /// Start file number `seq`.
    Open(u64),
    Data(Arc<Chunk>),
    /// Close the current file (its blocks are complete).
    Close,
}

/// What the rest of the sniffer may read about the files while the capture runs.
#[derive(Default)]
pub struct FilesState {
    /// Each file's size is its size on disk when last published: every packet handed to the
    /// writer is in it (the partial last block goes through the page cache); packets the
    /// capture thread still holds (at most its flush interval's worth) are not.
    pub files: Vec<FileEntry>,
    pub current: Option<String>,
    pub error: Option<String>,
}

pub struct Sink {
    naming: FileNaming,
    max_files: Option<u32>,
    current: Option<OutFile>,
    kept: VecDeque<PathBuf>,
    state: Arc<Mutex<FilesState>>,
    failed: Arc<AtomicBool>,
    /// Where chunks go next for printing, if summaries are on.
    printer: Option<(SyncSender<Arc<Chunk>>, Arc<AtomicU64>)>,
}

impl Sink {
    /// Creates file 1 right away, on the caller's thread, so an unwritable directory fails
    /// before any capture thread exists.
    pub fn create(
        naming: FileNaming,
        max_files: Option<u32>,
        failed: Arc<AtomicBool>,
        printer: Option<(SyncSender<Arc<Chunk>>, Arc<AtomicU64>)>,
    ) -> std::io::Result<Sink> {
        let mut sink = Sink {
            naming,
            max_files,
            current: None,
            kept: VecDeque::new(),
            state: Arc::new(Mutex::new(FilesState::default())),
            failed,
            printer,
        };
        sink.open(1)?;
        Ok(sink)
    }

    pub fn state(&self) -> Arc<Mutex<FilesState>> {
        self.state.clone()
    }

    /// Removes the first file again, for a capture that failed to start.
    pub fn discard(mut self) {
        if let Some(f) = self.current.take() {
            remove_if_regular(&f);
        }
    }

    fn open(&mut self, seq: u64) -> std::io::Result<()> {
        let path = self.naming.path(seq);
        let created = if is_stdout(&path) {
            OutFile::stdout()
        } else {
            OutFile::create(&path)
        };
        let file = created.map_err(|e| {
            std::io::Error::new(e.kind(), format!("cannot create {}: {e}", path.display()))
        })?;
        self.kept.push_back(path.clone());
        if let Some(max) = self.max_files {
            while self.kept.len() > max as usize {
                if let Some(old) = self.kept.pop_front() {
                    let _ = std::fs::remove_file(&old);
                }
            }
        }
        self.current = Some(file);
        self.publish();
        Ok(())
    }

    fn publish(&self) {
        let mut st = self.state.lock().unwrap();
        st.files = self
            .kept
            .iter()
            .map(|p| FileEntry {
                name: file_name(p),
                size: std::fs::metadata(p).map(|m| m.len()).unwrap_or(0),
            })
            .collect();
        st.current = self.current.as_ref().map(|f| file_name(&f.path));
    }

    fn fail(&mut self, what: String) {
        eprintln!("sniffer: {what}; writing stopped, files written so far are complete");
        self.state.lock().unwrap().error = Some(what);
        self.failed.store(true, Ordering::SeqCst);
        // A file that ended up empty (created on a full disk) holds nothing readable.
        if let Some(f) = self.current.take() {
            if std::fs::metadata(&f.path).is_ok_and(|m| m.is_file() && m.len() == 0) {
                remove_if_regular(&f);
                self.kept.retain(|p| p != &f.path);
            }
        }
        self.publish();
    }

    fn write(&mut self, chunk: &mut Arc<Chunk>) {
        let Some(file) = self.current.as_mut() else {
            return;
        };
        // The sink holds the only reference until it forwards the chunk to the printer.
        let r = match Arc::get_mut(chunk) {
            Some(c) => file.append_in_place(&mut c.bytes, c.lead, c.more),
            None => file.append(chunk.blocks()),
        };
        if let Err(e) = r {
            // The file was cut back to its last whole block, so it stays readable.
            let msg = format!("write to {} failed: {e}", file.path.display());
            self.fail(msg);
        }
    }

    fn close(&mut self) {
        if let Some(mut file) = self.current.take() {
            if let Err(e) = file.sync() {
                self.fail(format!("closing {} failed: {e}", file.path.display()));
            }
        }
        self.publish();
    }

    /// The thread body: runs until the capture side hangs up.
    pub fn run(mut self, rx: Receiver<SinkMsg>) {
        // Sizes in the status file refresh every 16 chunks or every PUBLISH_EVERY, whichever
        // is first, also when no chunk comes: cheap at high rates, and current for `kubectl
        // dumpy get` at low ones and after a burst.
        let mut since_publish = 0usize;
        let mut published_at = std::time::Instant::now();
        loop {
            let msg = match rx.recv_timeout(PUBLISH_EVERY) {
                Ok(m) => m,
                Err(RecvTimeoutError::Timeout) => {
                    since_publish = 0;
                    published_at = std::time::Instant::now();
                    self.publish();
                    continue;
                }
                Err(RecvTimeoutError::Disconnected) => break,
            };
            match msg {
                SinkMsg::Open(seq) => {
                    if self.failed.load(Ordering::SeqCst) {
                        continue;
                    }
                    if let Err(e) = self.open(seq) {
                        self.fail(e.to_string());
                    }
                }
                SinkMsg::Data(mut chunk) => {
                    if !self.failed.load(Ordering::SeqCst) {
                        self.write(&mut chunk);
                    }
                    since_publish += 1;
                    if since_publish >= 16 || published_at.elapsed() >= PUBLISH_EVERY {
                        since_publish = 0;
                        published_at = std::time::Instant::now();
                        self.publish();
                    }
                    forward_to_printer(self.printer.as_ref(), chunk);
                }
                SinkMsg::Close => self.close(),
            }
        }
        self.close();
    }
}

/// Offers a chunk to the printer without ever waiting: when the printer is behind, the
/// chunk's packets are counted as not printed instead.
pub fn forward_to_printer(
    printer: Option<&(SyncSender<Arc<Chunk>>, Arc<AtomicU64>)>,
    chunk: Arc<Chunk>,
) {
    if let Some((tx, skipped)) = printer {
        if chunk.packets == 0 {
            return;
        }
        match tx.try_send(chunk) {
            Ok(()) => {}
            Err(TrySendError::Full(c)) | Err(TrySendError::Disconnected(c)) => {
                skipped.fetch_add(u64::from(c.packets), Ordering::Relaxed);
            }
        }
    }
}

/// `-w -`: the capture goes to stdout.
fn is_stdout(p: &std::path::Path) -> bool {
    p.as_os_str() == "-"
}

/// Removes a file this capture made, never stdout or a device such as `/dev/null`.
fn remove_if_regular(f: &OutFile) {
    let regular = std::fs::symlink_metadata(&f.path).is_ok_and(|m| m.is_file());
    if regular && !is_stdout(&f.path) {
        let _ = std::fs::remove_file(&f.path);
    }
}

fn file_name(p: &std::path::Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}
