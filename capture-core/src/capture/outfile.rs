//! One capture file being written, through O_DIRECT where the filesystem allows it.
//!
//! Why: a buffered `write(2)` copies every byte into freshly allocated page-cache pages, and
//! on this machine that copy plus the page-cache bookkeeping was over half of the sniffer's
//! CPU per packet (perf: `copy_folio_from_iter_atomic`). It also charges the dirty pages to
//! the sniffer pod's memory cgroup, where a tight limit turns into reclaim stalls. O_DIRECT
//! hands the buffer to the device instead.
//!
//! O_DIRECT needs aligned memory, offsets and lengths, while pcapng blocks end anywhere. So
//! whole aligned blocks of the file go out directly, and the last partial block (the
//! "tail", under [`ALIGN`] bytes) is also written through the page cache, so that readers of
//! a live file (`sniffer export --follow`) always see every complete pcapng block. The next
//! direct write covers that block again with the same bytes plus new ones; the kernel writes
//! back and drops the cached copy first. Where O_DIRECT is refused (some filesystems), the
//! file is written buffered as before.
//!
//! `-w -` writes to stdout instead: a stream, appended to in order, never cut back.

use std::fs::File;
use std::io;
use std::os::unix::fs::{FileExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

/// Alignment of memory, file offsets and lengths for direct writes: 4 KiB suits devices
/// with 512-byte and 4 KiB logical blocks alike.
pub const ALIGN: usize = 4096;

/// A heap buffer whose contents start on an [`ALIGN`] boundary.
struct AlignedBuf {
    raw: Vec<u8>,
    pad: usize,
    len: usize,
}

impl AlignedBuf {
    fn new() -> AlignedBuf {
        AlignedBuf {
            raw: Vec::new(),
            pad: 0,
            len: 0,
        }
    }

    /// Makes room for `cap` bytes, keeping nothing.
    fn reset(&mut self, cap: usize) {
        if self.raw.len() < self.pad + cap {
            self.raw = vec![0u8; cap + ALIGN];
            self.pad = self.raw.as_ptr().align_offset(ALIGN);
        }
        self.len = 0;
    }

    fn extend(&mut self, b: &[u8]) {
        let at = self.pad + self.len;
        self.raw[at..at + b.len()].copy_from_slice(b);
        self.len += b.len();
    }

    fn as_slice(&self) -> &[u8] {
        &self.raw[self.pad..self.pad + self.len]
    }
}

pub struct OutFile {
    pub path: PathBuf,
    buffered: File,
    direct: Option<File>,
    /// Bytes of whole blocks written so far: the file's length.
    len: u64,
    /// The bytes of the last partial aligned block (`len % ALIGN` of them).
    tail: Vec<u8>,
    /// Whether `tail` is in the file yet (see [`OutFile::append_in_place`]'s `more`).
    tail_on_disk: bool,
    /// A block boundary at or below which the file is surely complete.
    safe: u64,
    staging: AlignedBuf,
    /// stdout (`-w -`): written in order with write(2), since a pipe has no offsets.
    stream: bool,
}

impl OutFile {
    /// The capture stream on stdout, for `-w -`.
    pub fn stdout() -> io::Result<OutFile> {
        use std::os::fd::FromRawFd;
        // SAFETY: dup returns a new descriptor that we own, or -1.
        let fd = unsafe { libc::dup(1) };
        if fd < 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(OutFile {
            path: PathBuf::from("-"),
            // SAFETY: fd is a fresh descriptor owned by nobody else.
            buffered: unsafe { File::from_raw_fd(fd) },
            direct: None,
            len: 0,
            tail: Vec::new(),
            tail_on_disk: true,
            safe: 0,
            staging: AlignedBuf::new(),
            stream: true,
        })
    }

    /// Creates (truncates) `path`, and opens a second, direct descriptor when allowed.
    pub fn create(path: &Path) -> io::Result<OutFile> {
        let buffered = File::options()
            .write(true)
            .create(true)
            .truncate(true)
            .open(path)?;
        let direct = File::options()
            .write(true)
            .custom_flags(libc::O_DIRECT)
            .open(path)
            .ok();
        Ok(OutFile {
            path: path.to_path_buf(),
            buffered,
            direct,
            len: 0,
            tail: Vec::with_capacity(ALIGN),
            tail_on_disk: true,
            safe: 0,
            staging: AlignedBuf::new(),
            stream: false,
        })
    }

    /// Appends `data` (whole pcapng blocks). On error the file is cut back to the whole
    /// blocks that reached it.
    pub fn append(&mut self, data: &[u8]) -> io::Result<()> {
        let prev = self.len;
        let r = self.append_raw(data);
        self.after(prev, data, r)
    }

    fn append_raw(&mut self, data: &[u8]) -> io::Result<()> {
        if data.is_empty() {
            return Ok(());
        }
        if self.stream {
            io::Write::write_all(&mut self.buffered, data)?;
            self.len += data.len() as u64;
            return Ok(());
        }
        if self.direct.is_some() {
            match self.append_direct(data) {
                Ok(()) => {
                    self.len += data.len() as u64;
                    return Ok(());
                }
                // The filesystem took the open but not the I/O: write buffered from now on.
                Err(e) if e.raw_os_error() == Some(libc::EINVAL) => self.direct = None,
                Err(e) => return Err(e),
            }
        }
        if !self.tail_on_disk {
            let at = self.on_disk();
            self.buffered.write_all_at(&self.tail, at)?;
            self.tail_on_disk = true;
        }
        self.buffered.write_all_at(data, self.len)?;
        self.len += data.len() as u64;
        Ok(())
    }

    /// Appends `buf[lead..]`, using `buf[..lead]` as scratch: when the scratch space ends
    /// where the file's tail should go and starts it on an aligned address, the tail is
    /// copied in and the blocks go to the device straight from `buf`, without a copy.
    ///
    /// `more` says more data follows at once (the chunk was full): then the new partial
    /// block waits in memory for the next write instead of costing an I/O of its own.
    /// Readers copy whole pcapng blocks only, so they just see the file a little later.
    pub fn append_in_place(&mut self, buf: &mut [u8], lead: usize, more: bool) -> io::Result<()> {
        let prev = self.len;
        let r = self.append_in_place_raw(buf, lead, more);
        self.after(prev, &buf[lead..], r)
    }

    fn append_in_place_raw(&mut self, buf: &mut [u8], lead: usize, more: bool) -> io::Result<()> {
        let t = self.tail.len();
        let aligned =
            lead >= t && (buf.as_ptr() as usize + (lead - t)) % ALIGN == 0 && lead < buf.len();
        if self.direct.is_none() || !aligned {
            return self.append_raw(&buf[lead..]);
        }
        buf[lead - t..lead].copy_from_slice(&self.tail);
        let n = buf.len() - lead;
        match self.write_direct(&buf[lead - t..], !more) {
            Ok(()) => {
                self.len += n as u64;
                Ok(())
            }
            Err(e) if e.raw_os_error() == Some(libc::EINVAL) => {
                self.direct = None;
                self.append_raw(&buf[lead..])
            }
            Err(e) => Err(e),
        }
    }

    fn append_direct(&mut self, data: &[u8]) -> io::Result<()> {
        let mut staging = std::mem::replace(&mut self.staging, AlignedBuf::new());
        staging.reset(self.tail.len() + data.len());
        staging.extend(&self.tail);
        staging.extend(data);
        let r = self.write_direct(staging.as_slice(), true);
        self.staging = staging;
        r
    }

    /// Writes `all` (the tail, then new blocks) at the tail's aligned offset: whole
    /// aligned blocks directly, the rest through the page cache, and keeps the new tail.
    fn write_direct(&mut self, all: &[u8], persist_tail: bool) -> io::Result<()> {
        let base = self.len - self.tail.len() as u64;
        let whole = all.len() / ALIGN * ALIGN;
        if whole > 0 {
            let direct = self.direct.as_ref().expect("checked by the caller");
            direct.write_all_at(&all[..whole], base)?;
        }
        let rest = &all[whole..];
        if !rest.is_empty() && persist_tail {
            self.buffered.write_all_at(rest, base + whole as u64)?;
        }
        self.tail.clear();
        self.tail.extend_from_slice(rest);
        self.tail_on_disk = rest.is_empty() || persist_tail;
        Ok(())
    }

    /// What the file holds for sure: everything, or all but a tail still in memory.
    fn on_disk(&self) -> u64 {
        if self.tail_on_disk {
            self.len
        } else {
            self.len - self.tail.len() as u64
        }
    }

    /// Bookkeeping after an append of `data` at `prev`: on success, remember a block
    /// boundary that is surely on disk; on failure (a full disk), cut the file back to the
    /// last whole block that reached it, so it stays readable to the end.
    fn after(&mut self, prev: u64, data: &[u8], r: io::Result<()>) -> io::Result<()> {
        match r {
            Ok(()) => {
                // `prev` is where this append's blocks began: a block boundary.
                self.safe = if self.tail_on_disk {
                    self.len
                } else if prev <= self.on_disk() {
                    prev
                } else {
                    self.safe
                };
                Ok(())
            }
            // A stream cannot be cut back; what went out went out.
            Err(e) if self.stream => Err(e),
            Err(e) => {
                let size = self.buffered.metadata().map(|m| m.len()).unwrap_or(0);
                let cut = cut_back(prev, data, size, self.safe);
                let _ = self.buffered.set_len(cut);
                self.len = cut;
                self.tail.clear();
                self.tail_on_disk = true;
                self.safe = cut;
                Err(e)
            }
        }
    }

    /// Writes a pending tail and flushes the file's data to the device.
    pub fn sync(&mut self) -> io::Result<()> {
        if !self.tail_on_disk {
            let at = self.on_disk();
            self.buffered.write_all_at(&self.tail, at)?;
            self.tail_on_disk = true;
        }
        if self.stream {
            return Ok(());
        }
        self.buffered.sync_data()
    }
}

/// Where to cut a file of `size` bytes after an append of `data` at `prev` failed: after
/// the blocks of `data` that reached the file completely, or at `safe` (a boundary known to
/// be on disk) when the file is shorter than `prev`.
fn cut_back(prev: u64, data: &[u8], size: u64, safe: u64) -> u64 {
    if prev > size {
        return safe;
    }
    let reached = data.len().min((size - prev) as usize);
    prev + pcapng::whole_blocks(&data[..reached]) as u64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::capture::pool::Pool;
    use pcapng::blocks::EPB;
    use pcapng::writer::encode_block;

    /// A fake pcapng block of `len` bytes (a multiple of 4) with its length fields set.
    fn block(len: usize, fill: u8) -> Vec<u8> {
        let mut b = Vec::new();
        encode_block(&mut b, EPB, |b| b.resize(b.len() + len - 12, fill));
        b
    }

    #[test]
    fn a_failed_append_is_cut_back_to_whole_blocks() {
        let mut data = block(40, 1);
        data.extend(block(100, 2));
        data.extend(block(12, 3));
        // The file had 1000 bytes; the append reached it up to `size`.
        for (size, cut) in [
            (1000, 1000),
            (1039, 1000),
            (1040, 1040),
            (1139, 1040),
            (1140, 1140),
            (1152, 1152),
            (5000, 1152),
        ] {
            assert_eq!(cut_back(1000, &data, size, 800), cut, "size {size}");
        }
        // Shorter than where the append began: back to the last boundary known on disk.
        assert_eq!(cut_back(1000, &data, 900, 800), 800);
    }

    /// Removes the test's file however the test ends (a failed assertion unwinds through it).
    struct RemoveOnDrop<'a>(&'a std::path::Path);

    impl Drop for RemoveOnDrop<'_> {
        fn drop(&mut self) {
            let _ = std::fs::remove_file(self.0);
        }
    }

    /// Appends chunks of odd-sized blocks the way the sink does (in place, with and
    /// without `more`, plus the copying path) and checks the file byte for byte, on the
    /// disk under /var/tmp (O_DIRECT) and on /dev/shm (tmpfs).
    #[test]
    fn file_holds_exactly_what_was_appended() {
        for dir in ["/var/tmp", "/dev/shm"] {
            let path = PathBuf::from(dir).join(format!("dumpy-outfile-{}", std::process::id()));
            let _remove = RemoveOnDrop(&path);
            let mut f = OutFile::create(&path).unwrap();
            // ext4 takes O_DIRECT; the test must exercise that path.
            assert!(dir != "/var/tmp" || f.direct.is_some());
            let pool = Pool::new(64 * 1024, 2);
            let mut expect = Vec::new();
            for i in 0..40usize {
                let mut c = pool.take();
                c.begin((expect.len() % ALIGN) * usize::from(i % 5 != 4));
                let mut n = 0;
                while n < 3000 + i * 1111 {
                    let b = block(12 + 4 * ((i * 7 + n) % 400), i as u8);
                    c.bytes.extend_from_slice(&b);
                    n += b.len();
                }
                expect.extend_from_slice(c.blocks());
                let lead = c.lead;
                if i % 7 == 3 {
                    f.append(c.blocks()).unwrap();
                } else {
                    f.append_in_place(&mut c.bytes, lead, i % 3 == 0).unwrap();
                }
            }
            f.sync().unwrap();
            let got = std::fs::read(&path).unwrap();
            assert_eq!(got.len(), expect.len(), "{dir}");
            assert!(got == expect, "{dir}: contents differ");
        }
    }
}
