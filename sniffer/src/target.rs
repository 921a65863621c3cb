//! Which network namespace to capture in, and how to notice that the target went away.

use crate::cli::TargetArgs;
use crate::signals;
use capture_core::netns::{Namespace, Target};
use capture_core::runtime::{self, LookupMethod, RuntimeConfig};
use std::os::fd::{FromRawFd, OwnedFd};
use std::path::PathBuf;

pub struct Resolved {
    pub namespace: Namespace,
    pub watch: Watch,
}

/// Watches the target so the capture can end when the target does.
pub enum Watch {
    Nothing,
    /// A pidfd becomes readable when the process exits.
    Process {
        pid: u32,
        fd: OwnedFd,
    },
    /// A namespace file (e.g. `ip netns` bind mount) that may be removed.
    Path(PathBuf),
}

impl Watch {
    /// Says why the target is gone, if it is.
    pub fn gone(&self) -> Option<String> {
        match self {
            Watch::Nothing => None,
            Watch::Process { pid, fd } => {
                let mut p = libc::pollfd {
                    fd: std::os::fd::AsRawFd::as_raw_fd(fd),
                    events: libc::POLLIN,
                    revents: 0,
                };
                // SAFETY: one valid pollfd, zero timeout.
                let n = unsafe { libc::poll(&mut p, 1, 0) };
                (n > 0).then(|| format!("target process {pid} exited (its container stopped)"))
            }
            Watch::Path(p) => {
                (!p.exists()).then(|| format!("network namespace {} was removed", p.display()))
            }
        }
    }
}

fn pidfd(pid: u32) -> Option<OwnedFd> {
    // SAFETY: pidfd_open takes a pid and flags and returns a new fd or -1.
    let fd = unsafe { libc::syscall(libc::SYS_pidfd_open, pid as libc::pid_t, 0) };
    // SAFETY: a non-negative return is a fresh fd that we now own.
    (fd >= 0).then(|| unsafe { OwnedFd::from_raw_fd(fd as i32) })
}

/// The runtime lookup, on a thread of its own while this one keeps taking signals: SIGTERM
/// (or SIGINT, or `sniffer stop`'s SIGUSR1) ends the sniffer at once even when the runtime
/// hangs. The lookup's own deadline bounds it otherwise.
fn find_pid_or_signal(id: &str, cfg: &RuntimeConfig) -> Result<(u32, LookupMethod), String> {
    let (tx, rx) = std::sync::mpsc::channel();
    let (thread_id, thread_cfg) = (id.to_string(), cfg.clone());
    std::thread::Builder::new()
        .name("runtime-lookup".into())
        .spawn(move || {
            let _ = tx.send(runtime::find_pid(&thread_id, &thread_cfg));
        })
        .map_err(|e| format!("cannot start the container lookup: {e}"))?;
    loop {
        if let Some(sig) = signals::wait(std::time::Duration::from_millis(50)) {
            return Err(format!(
                "{sig} while looking up container {id} at {}; exiting before the capture started",
                cfg.endpoint
            ));
        }
        match rx.try_recv() {
            Ok(r) => return r.map_err(|e| e.to_string()),
            Err(std::sync::mpsc::TryRecvError::Empty) => {}
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                return Err(format!("the lookup of container {id} failed unexpectedly"))
            }
        }
    }
}

pub fn resolve(t: &TargetArgs) -> Result<Resolved, String> {
    let by_pid = |pid: u32| -> Result<Resolved, String> {
        let namespace = Namespace::open(&Target::of_pid(pid)).map_err(|e| e.to_string())?;
        let watch = pidfd(pid)
            .map(|fd| Watch::Process { pid, fd })
            .unwrap_or(Watch::Nothing);
        Ok(Resolved { namespace, watch })
    };
    if let Some(path) = &t.netns {
        let namespace = Namespace::open(&Target::Path(path.clone())).map_err(|e| e.to_string())?;
        return Ok(Resolved {
            namespace,
            watch: Watch::Path(path.clone()),
        });
    }
    if let Some(pid) = t.pid {
        return by_pid(pid);
    }
    if let Some(id) = &t.container_id {
        let cfg = RuntimeConfig {
            endpoint: t
                .runtime_endpoint
                .clone()
                .unwrap_or_else(|| runtime::DEFAULT_ENDPOINT.into()),
            namespace: t.runtime_namespace.clone(),
            timeout: std::time::Duration::from_secs(t.runtime_timeout),
        };
        let (pid, how) = find_pid_or_signal(id, &cfg)?;
        let how = how.describe(&cfg.endpoint);
        eprintln!("sniffer: container {id} has PID {pid} (found through {how})");
        return by_pid(pid);
    }
    Ok(Resolved {
        namespace: Namespace::open(&Target::Current).map_err(|e| e.to_string())?,
        watch: Watch::Nothing,
    })
}
