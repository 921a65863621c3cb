//! Ownership of a capture's output path, and its status file.
//!
//! Writer side ([`StatusFile`]): a capture takes an open-file-description lock (`F_OFD_SETLK`)
//! on its status file before it creates any capture file, and holds it for its whole life.
//! The kernel drops the lock when the process dies, however it dies, so the lock is the one
//! fact a reader can trust after a SIGKILL. A second capture on the same path finds the lock
//! taken and refuses to start.
//!
//! The status must stay writable when the disk fills up (a full disk is one of the ways a
//! capture ends, and its final status matters most then). So two inodes are kept, both
//! locked and both padded to a reserved size: the status file and a spare beside it. An
//! update overwrites the spare in place (no new blocks) and swaps the two names atomically
//! with `renameat2(RENAME_EXCHANGE)`, so readers only ever see a whole file. The spare is
//! removed when the capture ends.
//!
//! Reader side ([`read_live`], [`verify_sniffer`]): a status that says `starting` or
//! `capturing` while nobody holds the lock is reported as `dead`, and a process is signalled
//! only after its PID's start time and name prove it is the sniffer that wrote the status.

use sniffer_contract::status::{State, Status};
use std::fs::File;
use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{FileExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

/// The smallest reservation; the status of a capture with many files grows past it.
const MIN_RESERVED: usize = 16 * 1024;

/// The capture's claim on its output path and the writer of its status file.
pub struct StatusFile {
    path: PathBuf,
    spare_path: PathBuf,
    /// The inode currently named `path`.
    current: File,
    /// The inode currently named `spare_path`, overwritten by the next update.
    spare: File,
    reserved: usize,
    /// Whether `path` existed before this capture (so a failed start must not remove it).
    existed: bool,
    /// A write failed and was reported; the next failure is not reported again.
    failing: bool,
}

/// Why the path could not be taken.
pub enum AcquireError {
    /// Another live process holds the capture's lock; its status, when readable.
    Busy(Option<Box<Status>>),
    Io(io::Error),
}

fn open_rw(path: &Path) -> io::Result<(File, bool)> {
    let existed = path.exists();
    let f = File::options()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o644)
        .open(path)?;
    Ok((f, existed))
}

fn flock_struct(kind: libc::c_int) -> libc::flock {
    // SAFETY: flock is plain data; all-zero is a valid value (whole file, pid 0).
    let mut l: libc::flock = unsafe { std::mem::zeroed() };
    l.l_type = kind as libc::c_short;
    l.l_whence = libc::SEEK_SET as libc::c_short;
    l
}

/// Takes a write lock on the whole file without waiting; `Ok(false)` when someone has it.
fn try_lock(f: &File) -> io::Result<bool> {
    let l = flock_struct(libc::F_WRLCK);
    // SAFETY: valid fd and a valid flock for F_OFD_SETLK.
    if unsafe { libc::fcntl(f.as_raw_fd(), libc::F_OFD_SETLK, &l) } == 0 {
        return Ok(true);
    }
    let e = io::Error::last_os_error();
    match e.raw_os_error() {
        Some(libc::EAGAIN) | Some(libc::EACCES) => Ok(false),
        _ => Err(e),
    }
}

impl StatusFile {
    /// Claims the capture at `path` (its status file). Nothing is written yet.
    pub fn acquire(path: &Path) -> Result<StatusFile, AcquireError> {
        let (current, existed) = open_rw(path).map_err(AcquireError::Io)?;
        if !try_lock(&current).map_err(AcquireError::Io)? {
            return Err(AcquireError::Busy(Status::read(path).ok().map(Box::new)));
        }
        let mut spare_name = path.as_os_str().to_owned();
        spare_name.push(".spare");
        let spare_path = PathBuf::from(spare_name);
        let (spare, _) = open_rw(&spare_path).map_err(AcquireError::Io)?;
        if !try_lock(&spare).map_err(AcquireError::Io)? {
            return Err(AcquireError::Busy(Status::read(path).ok().map(Box::new)));
        }
        Ok(StatusFile {
            path: path.to_path_buf(),
            spare_path,
            current,
            spare,
            reserved: 0,
            existed,
            failing: false,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Replaces the status. A failure is reported on stderr once, not at every update.
    pub fn write(&mut self, s: &Status) {
        match self.try_write(s) {
            Ok(()) => {
                if self.failing {
                    eprintln!("sniffer: status file {} written again", self.path.display());
                    self.failing = false;
                }
            }
            Err(e) => {
                if !self.failing {
                    eprintln!(
                        "sniffer: cannot write status file {}: {e} (reported once; retrying)",
                        self.path.display()
                    );
                    self.failing = true;
                }
            }
        }
    }

    fn try_write(&mut self, s: &Status) -> io::Result<()> {
        let mut bytes = s.to_bytes();
        if bytes.len() > self.reserved {
            self.reserved = (bytes.len() * 2).max(MIN_RESERVED).next_multiple_of(4096);
        }
        // Trailing whitespace is valid JSON; the newline keeps `cat` tidy.
        let body = bytes.len() - 1;
        bytes.truncate(body);
        bytes.resize(self.reserved - 1, b' ');
        bytes.push(b'\n');
        self.spare.write_all_at(&bytes, 0)?;
        match exchange(&self.spare_path, &self.path) {
            Ok(()) => std::mem::swap(&mut self.current, &mut self.spare),
            // A filesystem without RENAME_EXCHANGE: rename, and start a new spare.
            Err(e) if matches!(e.raw_os_error(), Some(libc::EINVAL) | Some(libc::ENOSYS)) => {
                std::fs::rename(&self.spare_path, &self.path)?;
                let (fresh, _) = open_rw(&self.spare_path)?;
                try_lock(&fresh)?;
                self.current = std::mem::replace(&mut self.spare, fresh);
            }
            Err(e) => return Err(e),
        }
        // Keep the spare as large as the reservation now, while there may still be room,
        // so the next update needs no new blocks even on a full disk.
        if self.spare.metadata()?.len() < self.reserved as u64 {
            let _ = self.spare.write_all_at(&bytes, 0);
        }
        Ok(())
    }

    /// The capture is over: the last status was written; the spare goes. The lock stays
    /// until the process exits (a lingering sniffer still owns its path).
    pub fn finish(&mut self) {
        let _ = std::fs::remove_file(&self.spare_path);
    }

    /// The capture never started: remove what this claim created.
    pub fn discard(self) {
        let _ = std::fs::remove_file(&self.spare_path);
        if !self.existed {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// `renameat2(from, to, RENAME_EXCHANGE)` through the raw syscall (older C libraries, musl
/// among them, may lack the wrapper).
fn exchange(from: &Path, to: &Path) -> io::Result<()> {
    let c = |p: &Path| std::ffi::CString::new(p.as_os_str().as_bytes()).map_err(io::Error::other);
    let (from, to) = (c(from)?, c(to)?);
    // SAFETY: two valid NUL-terminated paths relative to the working directory.
    let r = unsafe {
        libc::syscall(
            libc::SYS_renameat2,
            libc::AT_FDCWD,
            from.as_ptr(),
            libc::AT_FDCWD,
            to.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if r == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

/// Whether a live process holds the capture's lock on the status file at `path`.
pub fn writer_alive(path: &Path) -> io::Result<bool> {
    let f = File::open(path)?;
    let mut l = flock_struct(libc::F_WRLCK);
    // SAFETY: valid fd and flock; F_OFD_GETLK only reads the lock table.
    if unsafe { libc::fcntl(f.as_raw_fd(), libc::F_OFD_GETLK, &mut l) } != 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(l.l_type != libc::F_UNLCK as libc::c_short)
}

/// Reads the status at `path` and corrects it with what is true now: a running state whose
/// writer no longer holds the lock becomes [`State::Dead`].
pub fn read_live(path: &Path) -> io::Result<Status> {
    let mut s = Status::read(path)?;
    if s.state.is_running() && !writer_alive(path)? {
        s.state = State::Dead;
        s.current = None;
        s.message = Some(format!(
            "the sniffer (PID {}) ended without writing a final status (killed?); its files \
             are kept",
            s.pid
        ));
    }
    Ok(s)
}

/// The process's start time in clock ticks since boot and its name, from /proc/PID/stat.
pub fn process_identity(pid: u32) -> Option<(u64, String)> {
    capture_core::procstat::identity(std::path::Path::new(&format!("/proc/{pid}")))
}

/// This process's start time, recorded in the status so readers can check the PID.
pub fn own_start_time() -> Option<u64> {
    process_identity(std::process::id()).map(|(t, _)| t)
}

/// A pidfd on `pid`, once it is proven to be the sniffer process that wrote `s`: the PID's
/// start time is the recorded one and its name is this program's. Opening the pidfd first
/// pins the process, so a signal sent through it cannot reach a later process with the
/// same PID.
pub fn verify_sniffer(s: &Status) -> Result<OwnedFd, String> {
    let pid = s.pid;
    // SAFETY: pidfd_open takes a pid and flags and returns a new fd or -1.
    let fd = unsafe { libc::syscall(libc::SYS_pidfd_open, pid as libc::pid_t, 0) };
    if fd < 0 {
        return Err(format!("sniffer process {pid} is gone"));
    }
    // SAFETY: a non-negative return is a fresh fd that we now own.
    let fd = unsafe { OwnedFd::from_raw_fd(fd as i32) };
    let Some(recorded) = s.pid_start else {
        return Err(format!(
            "the status does not record the start time of PID {pid}, so it cannot be proven \
             to be the sniffer; not signalling it"
        ));
    };
    let own_name = process_identity(std::process::id()).map(|(_, n)| n);
    match process_identity(pid) {
        Some((start, name)) if start == recorded && Some(&name) == own_name.as_ref() => Ok(fd),
        Some((_, name)) => Err(format!(
            "PID {pid} ({name}) is not the sniffer that wrote this status (its start time or \
             name differs); not signalling it"
        )),
        None => Err(format!("sniffer process {pid} is gone")),
    }
}

/// Sends `sig` through a pidfd from [`verify_sniffer`].
pub fn signal(fd: &OwnedFd, sig: nix::sys::signal::Signal) -> io::Result<()> {
    // SAFETY: a valid pidfd, a signal number, no siginfo, no flags.
    let r = unsafe {
        libc::syscall(
            libc::SYS_pidfd_send_signal,
            fd.as_raw_fd(),
            sig as libc::c_int,
            std::ptr::null::<libc::siginfo_t>(),
            0,
        )
    };
    if r == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(state: State) -> Status {
        Status {
            state,
            pid: std::process::id(),
            pid_start: own_start_time(),
            started_ms: None,
            ended_ms: None,
            interface: "lo".into(),
            filter: String::new(),
            packets_captured: 0,
            packets_received: 0,
            packets_dropped: 0,
            files: Vec::new(),
            current: None,
            message: None,
        }
    }

    #[test]
    fn lock_excludes_a_second_owner_and_readers_see_it() {
        let dir = std::env::temp_dir().join(format!("dumpy-statusfile-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("c.status.json");
        let Ok(mut a) = StatusFile::acquire(&p) else {
            panic!("first acquire")
        };
        a.write(&status(State::Capturing));
        a.write(&status(State::Capturing));
        assert!(writer_alive(&p).unwrap());
        assert_eq!(read_live(&p).unwrap().state, State::Capturing);
        // Another open file description in the same process conflicts like another process.
        assert!(matches!(
            StatusFile::acquire(&p),
            Err(AcquireError::Busy(Some(_)))
        ));
        // Gone without a final status: readers say dead.
        drop(a);
        assert!(!writer_alive(&p).unwrap());
        assert_eq!(read_live(&p).unwrap().state, State::Dead);
        // The path is free again; a clean end leaves only the status file.
        let Ok(mut b) = StatusFile::acquire(&p) else {
            panic!("second acquire")
        };
        b.write(&status(State::Stopped));
        b.finish();
        assert_eq!(read_live(&p).unwrap().state, State::Stopped);
        assert!(!dir.join("c.status.json.spare").exists());
        drop(b);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn own_identity_verifies() {
        let s = status(State::Capturing);
        assert!(verify_sniffer(&s).is_ok());
        let mut other = s.clone();
        other.pid_start = other.pid_start.map(|t| t + 1);
        assert!(verify_sniffer(&other).is_err());
    }
}
