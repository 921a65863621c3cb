//! A small pool of large buffers that carry encoded blocks from the capture thread to the
//! file writer and the printer. Reusing them keeps the hot path free of allocation, and the
//! pool's size bounds the memory a capture can use beyond the kernel ring.

use super::outfile::ALIGN;
use std::sync::{Arc, Condvar, Mutex};

struct Shared {
    free: Mutex<(Vec<Vec<u8>>, usize)>,
    available: Condvar,
    buf_size: usize,
    max_bufs: usize,
}

/// Hands out [`Chunk`]s; a chunk's buffer comes back when the last holder drops it.
#[derive(Clone)]
pub struct Pool(Arc<Shared>);

/// A buffer of whole pcapng blocks, and how many EPBs it holds.
///
/// The blocks start at `lead`, after scratch space where the file writer puts the file's
/// last partial aligned block, so that the blocks can go to an O_DIRECT file without a
/// copy (see `outfile`). The encoder chooses `lead` so that scratch start is aligned.
pub struct Chunk {
    pub bytes: Vec<u8>,
    pub packets: u32,
    pub lead: usize,
    /// Sent because it was full: more blocks follow at once.
    pub more: bool,
    pool: Arc<Shared>,
}

impl Chunk {
    /// Resets the chunk so its blocks start right after `tail` scratch bytes, the first of
    /// which sits on an [`ALIGN`] boundary.
    pub fn begin(&mut self, tail: usize) {
        let pad = self.bytes.as_ptr().align_offset(ALIGN);
        self.bytes.clear();
        self.more = false;
        if pad + tail <= self.bytes.capacity() {
            self.bytes.resize(pad + tail, 0);
            self.lead = pad + tail;
        } else {
            self.lead = 0;
        }
    }

    /// The pcapng blocks.
    pub fn blocks(&self) -> &[u8] {
        &self.bytes[self.lead..]
    }

    pub fn is_empty(&self) -> bool {
        self.bytes.len() <= self.lead
    }
}

/// Room kept beyond `buf_size` in each buffer: alignment padding, the writer's partial
/// block, and the few blocks (ISBs, IDBs) written without a size check.
const HEADROOM: usize = 4 * ALIGN;

impl Pool {
    pub fn new(buf_size: usize, max_bufs: usize) -> Pool {
        Pool(Arc::new(Shared {
            free: Mutex::new((Vec::new(), 0)),
            available: Condvar::new(),
            buf_size,
            max_bufs: max_bufs.max(2),
        }))
    }

    pub fn buf_size(&self) -> usize {
        self.0.buf_size
    }

    /// Takes an empty chunk, allocating up to the pool's bound and then waiting for one to
    /// come back. Waiting pushes back into the kernel ring, which is where drops belong.
    pub fn take(&self) -> Chunk {
        let s = &self.0;
        let mut g = s.free.lock().unwrap();
        loop {
            let bytes = if let Some(bytes) = g.0.pop() {
                Some(bytes)
            } else if g.1 < s.max_bufs {
                g.1 += 1;
                Some(Vec::with_capacity(s.buf_size + HEADROOM))
            } else {
                None
            };
            if let Some(bytes) = bytes {
                let mut c = Chunk {
                    bytes,
                    packets: 0,
                    lead: 0,
                    more: false,
                    pool: self.0.clone(),
                };
                c.begin(0);
                return c;
            }
            g = s.available.wait(g).unwrap();
        }
    }
}

impl Drop for Chunk {
    fn drop(&mut self) {
        let bytes = std::mem::take(&mut self.bytes);
        let mut g = self.pool.free.lock().unwrap();
        g.0.push(bytes);
        self.pool.available.notify_one();
    }
}
