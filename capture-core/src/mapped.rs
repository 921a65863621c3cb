//! A read-only map of a regular file that survives the file being truncated under it.
//!
//! `sniffer -r` reads a file in place instead of copying it through `read(2)` (the copy was
//! a fifth of its CPU time). Touching a mapped page that a truncation removed raises
//! SIGBUS, which would kill the process without a word. So every map is registered in a
//! small table that a SIGBUS handler (installed once, chaining to the one before it) looks
//! the faulting address up in: for one of ours it maps a zero page over the faulting page,
//! so the load completes (reading zeros), and raises the map's [`MappedFile::faulted`] flag;
//! any other SIGBUS goes to the previous handler (or the default action) as before.
//!
//! The zeros are never trusted: the caller checks [`faulted`](MappedFile::faulted) and the
//! file's length ([`MappedFile::shrank`]) before it lets anything it derived from the bytes
//! out. A truncation to a length inside a page makes the rest of that page read as zeros
//! with no fault at all, which is why the length check is needed as well as the flag.

use std::fs::File;
use std::os::fd::AsRawFd;
use std::sync::atomic::{compiler_fence, AtomicBool, AtomicUsize, Ordering};
use std::sync::OnceLock;

/// How many maps may be live at once; one more is refused (the caller then streams).
const SLOTS: usize = 16;

/// One live map's address range, published with a sequence count so the handler never
/// uses a range that is being written (odd count: being changed).
struct Slot {
    /// Owned by a live [`MappedFile`].
    claimed: AtomicBool,
    seq: AtomicUsize,
    start: AtomicUsize,
    end: AtomicUsize,
    faulted: AtomicBool,
}

#[allow(clippy::declare_interior_mutable_const)] // only to initialise the array below
const FREE: Slot = Slot {
    claimed: AtomicBool::new(false),
    seq: AtomicUsize::new(0),
    start: AtomicUsize::new(0),
    end: AtomicUsize::new(0),
    faulted: AtomicBool::new(false),
};
static TABLE: [Slot; SLOTS] = [FREE; SLOTS];

/// The page size and the SIGBUS action that was in place before ours, read once when ours
/// is installed (the handler may not call sysconf or allocate).
struct Installed {
    page: usize,
    previous: libc::sigaction,
}
static INSTALLED: OnceLock<Option<Installed>> = OnceLock::new();

/// A read-only, private map of a whole regular file, registered with the SIGBUS handler.
pub struct MappedFile {
    ptr: *mut libc::c_void,
    len: usize,
    slot: usize,
    file: File,
}

impl MappedFile {
    /// Maps `file` (`len` bytes: its length when opened). None when it cannot be mapped
    /// (empty, not mappable, no free slot, the handler could not be installed): the caller
    /// reads it as a stream instead.
    pub fn new(file: &File, len: u64) -> Option<MappedFile> {
        let len = usize::try_from(len).ok().filter(|&l| l > 0)?;
        install()?;
        let slot = claim()?;
        // SAFETY: a fresh read-only private map of an open descriptor; nothing else refers
        // to the range. The map stays valid after the descriptor is closed, but one is kept
        // (cloned) to read the file's length later.
        let ptr = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                len,
                libc::PROT_READ,
                libc::MAP_PRIVATE,
                file.as_raw_fd(),
                0,
            )
        };
        if ptr == libc::MAP_FAILED {
            release(slot);
            return None;
        }
        // Read front to back: ask for aggressive read-ahead. Advice only; failure is fine.
        // SAFETY: the range was just mapped.
        unsafe { libc::madvise(ptr, len, libc::MADV_SEQUENTIAL) };
        let Ok(file) = file.try_clone() else {
            // SAFETY: our own map, not yet handed out.
            unsafe { libc::munmap(ptr, len) };
            release(slot);
            return None;
        };
        publish(slot, ptr as usize, ptr as usize + len);
        Some(MappedFile {
            ptr,
            len,
            slot,
            file,
        })
    }

    /// A handle on the map's fault flag that outlives a borrow of the map (the map itself
    /// goes into the reader).
    pub fn tripwire(&self) -> Tripwire {
        Tripwire {
            slot: self.slot,
            file: self.file.try_clone().ok(),
            len: self.len as u64,
        }
    }
}

impl AsRef<[u8]> for MappedFile {
    fn as_ref(&self) -> &[u8] {
        // SAFETY: `len` readable bytes from `ptr` for as long as self lives. A truncation
        // of the file does not unmap them: a faulting page is replaced by a zero page (see
        // the module comment), so every load stays inside the map and completes.
        unsafe { std::slice::from_raw_parts(self.ptr as *const u8, self.len) }
    }
}

impl Drop for MappedFile {
    fn drop(&mut self) {
        unpublish(self.slot);
        // SAFETY: our own map; no slice of it outlives self.
        unsafe { libc::munmap(self.ptr, self.len) };
        release(self.slot);
    }
}

/// What the reader of a [`MappedFile`] checks before trusting what it read from it.
pub struct Tripwire {
    slot: usize,
    file: Option<File>,
    /// The file's length when mapped.
    len: u64,
}

impl Tripwire {
    /// Whether a load from the map hit a page the file no longer has (and read zeros).
    #[inline]
    pub fn faulted(&self) -> bool {
        // The handler runs on the faulting thread, between two of its instructions: only
        // the compiler could move our loads of the map past this check.
        compiler_fence(Ordering::SeqCst);
        TABLE[self.slot].faulted.load(Ordering::Relaxed)
    }

    /// The file's length when it was mapped.
    pub fn mapped_len(&self) -> u64 {
        self.len
    }

    /// The file's length now (0 when fstat fails).
    pub fn now(&self) -> u64 {
        compiler_fence(Ordering::SeqCst);
        match &self.file {
            Some(f) => f.metadata().map(|m| m.len()).unwrap_or(0),
            None => 0,
        }
    }

    /// The file's length now, when it is shorter than it was when mapped; bytes of the map
    /// from there on may have read as zeros.
    pub fn shrank(&self) -> Option<u64> {
        let now = self.now();
        (now < self.len).then_some(now)
    }
}

/// Claims a free slot.
fn claim() -> Option<usize> {
    (0..SLOTS).find(|&i| {
        TABLE[i]
            .claimed
            .compare_exchange(false, true, Ordering::AcqRel, Ordering::Relaxed)
            .is_ok()
    })
}

fn release(slot: usize) {
    TABLE[slot].claimed.store(false, Ordering::Release);
}

/// Makes `start..end` the slot's range, with its flag down (seqlock write).
fn publish(slot: usize, start: usize, end: usize) {
    let s = &TABLE[slot];
    s.seq.fetch_add(1, Ordering::AcqRel);
    s.start.store(start, Ordering::Relaxed);
    s.end.store(end, Ordering::Relaxed);
    s.faulted.store(false, Ordering::Relaxed);
    s.seq.fetch_add(1, Ordering::Release);
}

/// Empties the slot's range (before the map goes away).
fn unpublish(slot: usize) {
    publish(slot, 0, 0);
}

/// Installs the SIGBUS handler once; None if that failed.
fn install() -> Option<&'static Installed> {
    INSTALLED
        .get_or_init(|| {
            // SAFETY: sysconf and sigaction with valid arguments; the previous action is
            // read first and kept before ours can run, so the handler always finds it.
            unsafe {
                let page = usize::try_from(libc::sysconf(libc::_SC_PAGESIZE)).ok()?;
                let mut previous: libc::sigaction = std::mem::zeroed();
                if libc::sigaction(libc::SIGBUS, std::ptr::null(), &mut previous) != 0 {
                    return None;
                }
                Some(Installed { page, previous })
            }
        })
        .as_ref()
        .filter(|_| {
            static ONCE: std::sync::Once = std::sync::Once::new();
            static OK: AtomicBool = AtomicBool::new(false);
            ONCE.call_once(|| {
                // SAFETY: a handler of the SA_SIGINFO form, which only does what a signal
                // handler may (atomics, mmap, sigaction, the previous handler).
                unsafe {
                    let mut act: libc::sigaction = std::mem::zeroed();
                    act.sa_sigaction = on_sigbus as *const () as usize;
                    act.sa_flags = libc::SA_SIGINFO | libc::SA_ONSTACK;
                    libc::sigemptyset(&mut act.sa_mask);
                    OK.store(
                        libc::sigaction(libc::SIGBUS, &act, std::ptr::null_mut()) == 0,
                        Ordering::Release,
                    );
                }
            });
            OK.load(Ordering::Acquire)
        })
}

/// The slot whose live range holds `addr` (seqlock read: a slot being changed is skipped;
/// the faulting thread's own map never changes while it faults in it).
fn slot_of(addr: usize) -> Option<&'static Slot> {
    TABLE.iter().find(|s| {
        let seq = s.seq.load(Ordering::Acquire);
        if seq % 2 == 1 {
            return false;
        }
        let (start, end) = (
            s.start.load(Ordering::Relaxed),
            s.end.load(Ordering::Relaxed),
        );
        std::sync::atomic::fence(Ordering::Acquire);
        s.seq.load(Ordering::Relaxed) == seq && start <= addr && addr < end
    })
}

extern "C" fn on_sigbus(sig: libc::c_int, info: *mut libc::siginfo_t, ctx: *mut libc::c_void) {
    let Some(Some(inst)) = INSTALLED.get() else {
        return;
    };
    // SAFETY: the kernel passes a valid siginfo to an SA_SIGINFO handler; si_addr is the
    // faulting address when the kernel raised it for a fault (si_code > 0), not when sent.
    let (code, addr) = unsafe { ((*info).si_code, (*info).si_addr() as usize) };
    if let Some(slot) = (code > 0).then(|| slot_of(addr)).flatten() {
        let page = addr & !(inst.page - 1);
        // SAFETY: replaces one page inside our own live map (found above) by a private
        // zero page; mmap is a plain system call, safe in a handler.
        let p = unsafe {
            libc::mmap(
                page as *mut libc::c_void,
                inst.page,
                libc::PROT_READ,
                libc::MAP_FIXED | libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                -1,
                0,
            )
        };
        if p != libc::MAP_FAILED {
            slot.faulted.store(true, Ordering::Relaxed);
            return;
        }
    }
    // Not ours (or no page to put there): what would have happened without us.
    let prev = &inst.previous;
    let h = prev.sa_sigaction;
    if h == libc::SIG_DFL || h == libc::SIG_IGN {
        // SAFETY: restores the default action; returning re-runs the faulting load, which
        // then ends the process with SIGBUS as it would have.
        unsafe {
            let mut dfl: libc::sigaction = std::mem::zeroed();
            dfl.sa_sigaction = libc::SIG_DFL;
            libc::sigaction(libc::SIGBUS, &dfl, std::ptr::null_mut());
        }
    } else if prev.sa_flags & libc::SA_SIGINFO != 0 {
        // SAFETY: the previous handler, called as it was registered.
        let f: extern "C" fn(libc::c_int, *mut libc::siginfo_t, *mut libc::c_void) =
            unsafe { std::mem::transmute(h) };
        f(sig, info, ctx);
    } else {
        // SAFETY: as above, the one-argument form.
        let f: extern "C" fn(libc::c_int) = unsafe { std::mem::transmute(h) };
        f(sig);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file truncated under a live map: the lost pages read as zeros instead of killing
    /// the process, the flag goes up, the length check says how long the file is now; the
    /// pages that remain still read their bytes.
    #[test]
    fn truncation_under_the_map_reads_zeros_and_is_flagged() {
        let path = std::env::temp_dir().join(format!("dumpy-mapped-{}", std::process::id()));
        let page = 4096;
        let bytes: Vec<u8> = (0..16 * page).map(|i| (i % 251) as u8 + 1).collect();
        std::fs::write(&path, &bytes).unwrap();
        let file = File::open(&path).unwrap();
        let map = MappedFile::new(&file, bytes.len() as u64).unwrap();
        let wire = map.tripwire();
        assert_eq!(map.as_ref(), &bytes[..]);
        assert!(!wire.faulted());
        assert_eq!(wire.shrank(), None);
        let cut = 5 * page + 100;
        File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_len(cut as u64)
            .unwrap();
        let m = map.as_ref();
        // Inside the last page: zeros, and no fault (only the length says so).
        assert_eq!(m[cut - 1], bytes[cut - 1]);
        assert_eq!(m[cut], 0);
        assert!(!wire.faulted());
        assert_eq!(wire.shrank(), Some(cut as u64));
        // Past it: a fault, handled.
        let tail: u64 = m[8 * page..].iter().map(|&b| b as u64).sum();
        assert_eq!(tail, 0);
        assert!(wire.faulted());
        assert_eq!(&m[..cut], &bytes[..cut]);
        drop(map);
        std::fs::remove_file(&path).unwrap();
        // A slot is free again, and a fresh map's flag is down.
        let again = File::open("/proc/self/exe").unwrap();
        let len = again.metadata().unwrap().len();
        let map = MappedFile::new(&again, len).unwrap();
        assert!(!map.tripwire().faulted());
    }

    /// A SIGBUS that is not about one of our maps (a truncated file mapped by someone
    /// else) still ends the process with SIGBUS (checked in a child: the test re-runs
    /// itself).
    #[test]
    fn other_sigbus_still_kills() {
        let path = std::env::temp_dir().join(format!("dumpy-mapped-other-{}", std::process::id()));
        if let Some(p) = std::env::var_os("DUMPY_MAPPED_CHILD") {
            let file = File::open("/proc/self/exe").unwrap();
            let _ours = MappedFile::new(&file, file.metadata().unwrap().len()).unwrap();
            let theirs = File::options().read(true).write(true).open(p).unwrap();
            // SAFETY: a map of 2 pages of a file cut to 0: its read faults, deliberately.
            unsafe {
                let m = libc::mmap(
                    std::ptr::null_mut(),
                    8192,
                    libc::PROT_READ,
                    libc::MAP_PRIVATE,
                    theirs.as_raw_fd(),
                    0,
                );
                assert_ne!(m, libc::MAP_FAILED);
                theirs.set_len(0).unwrap();
                std::ptr::read_volatile(m as *const u8);
            }
            std::process::exit(0);
        }
        std::fs::write(&path, [1u8; 8192]).unwrap();
        let exe = std::env::current_exe().unwrap();
        let out = std::process::Command::new(exe)
            .args([
                "--exact",
                "mapped::tests::other_sigbus_still_kills",
                "--nocapture",
            ])
            .env("DUMPY_MAPPED_CHILD", &path)
            .output()
            .unwrap();
        std::fs::remove_file(&path).unwrap();
        use std::os::unix::process::ExitStatusExt;
        assert_eq!(out.status.signal(), Some(libc::SIGBUS), "{out:?}");
    }
}
