//! A small pool of large buffers that carry encoded blocks from the capture thread to the
//! file writer and the printer. Reusing them keeps the hot path free of allocation, and the
//! pool's size bounds the memory a capture can use beyond the kernel ring.

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
pub struct Chunk {
    pub bytes: Vec<u8>,
    pub packets: u32,
    pool: Arc<Shared>,
}

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
            if let Some(mut bytes) = g.0.pop() {
                bytes.clear();
                return Chunk {
                    bytes,
                    packets: 0,
                    pool: self.0.clone(),
                };
            }
            if g.1 < s.max_bufs {
                g.1 += 1;
                return Chunk {
                    bytes: Vec::with_capacity(s.buf_size),
                    packets: 0,
                    pool: self.0.clone(),
                };
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
