//! Entering a target's network namespace.
//!
//! `setns(CLONE_NEWNET)` switches only the calling thread, so the capture thread calls
//! [`enter`] itself before it opens the pcap handle or lists interfaces. Sockets opened
//! afterwards stay in the target namespace for their whole life.

use nix::sched::{setns, CloneFlags};
use std::fs::File;
use std::path::{Path, PathBuf};

/// Where to capture.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// The namespace the sniffer already runs in.
    Current,
    /// A namespace file, e.g. /var/run/netns/x or /proc/PID/ns/net.
    Path(PathBuf),
}

impl Target {
    pub fn of_pid(pid: u32) -> Target {
        Target::Path(PathBuf::from(format!("/proc/{pid}/ns/net")))
    }
}

#[derive(Debug, thiserror::Error)]
pub enum NetnsError {
    #[error("cannot open network namespace {path}: {source}{hint}")]
    Open {
        path: PathBuf,
        source: std::io::Error,
        hint: &'static str,
    },
    #[error("{path} is not a network namespace{what}; expected e.g. /var/run/netns/NAME or /proc/PID/ns/net")]
    NotNetns { path: PathBuf, what: &'static str },
    #[error("cannot enter network namespace {path}: {source}{hint}")]
    Enter {
        path: PathBuf,
        source: nix::Error,
        hint: &'static str,
    },
}

/// `NS_GET_NSTYPE` (linux/nsfs.h): `_IO(0xb7, 0x3)`; answers the namespace type of an nsfs
/// file and fails with ENOTTY on any other file.
const NS_GET_NSTYPE: libc::c_ulong = 0xb703;

/// Checks that `file` is a network namespace, so a wrong path gets a message that says so
/// instead of a failed `setns` later.
fn check_netns(path: &Path, file: &File) -> Result<(), NetnsError> {
    use std::os::fd::AsRawFd;
    // SAFETY: an ioctl without an argument on a valid fd.
    let t = unsafe { libc::ioctl(file.as_raw_fd(), NS_GET_NSTYPE as _) };
    let what = if t == libc::CLONE_NEWNET {
        return Ok(());
    } else if t >= 0 {
        " (it is another kind of namespace)"
    } else {
        ""
    };
    Err(NetnsError::NotNetns {
        path: path.to_path_buf(),
        what,
    })
}

/// An open handle on the target namespace, opened early so a bad path fails before any
/// thread or file is created.
pub struct Namespace {
    file: Option<(PathBuf, File)>,
}

impl Namespace {
    pub fn open(target: &Target) -> Result<Namespace, NetnsError> {
        match target {
            Target::Current => Ok(Namespace { file: None }),
            Target::Path(path) => {
                let file = File::open(path).map_err(|source| {
                    let hint = match source.kind() {
                        std::io::ErrorKind::NotFound => {
                            " (no such namespace: is the target running?)"
                        }
                        std::io::ErrorKind::PermissionDenied => {
                            " (permission denied: run as root or with CAP_SYS_PTRACE)"
                        }
                        _ => "",
                    };
                    NetnsError::Open {
                        path: path.clone(),
                        source,
                        hint,
                    }
                })?;
                check_netns(path, &file)?;
                Ok(Namespace {
                    file: Some((path.clone(), file)),
                })
            }
        }
    }

    /// Moves the calling thread into the namespace. Call it on the capture thread.
    pub fn enter(&self) -> Result<(), NetnsError> {
        if let Some((path, file)) = &self.file {
            setns(file, CloneFlags::CLONE_NEWNET).map_err(|source| NetnsError::Enter {
                path: path.clone(),
                source,
                hint: if source == nix::Error::EPERM {
                    " (the sniffer needs CAP_SYS_ADMIN)"
                } else {
                    ""
                },
            })?;
        }
        Ok(())
    }

    pub fn path(&self) -> Option<&Path> {
        self.file.as_ref().map(|(p, _)| p.as_path())
    }
}
