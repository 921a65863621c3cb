//! Which network namespace to capture in, and how to notice that the target went away.
//!
//! A container's capture holds its pod, not its process: the namespace is entered once
//! (the capture's socket keeps it for the capture's whole life), and what is watched is the
//! pod's sandbox, which holds the pod's network namespace while the pod exists. A restart of
//! the container, which under the CRI is a new container in the same sandbox, never ends the
//! capture; the sandbox's end (the pod deleted or evicted) does.

use crate::cli::TargetArgs;
use crate::signals;
use capture_core::netns::{Namespace, Target};
use capture_core::runtime::{self, ContainerInfo, RuntimeConfig, RuntimeError};
use capture_core::sandbox;
use std::os::fd::OwnedFd;
use std::path::PathBuf;
use std::time::Duration;

/// How often a container that is down is looked up again while the sniffer waits for it.
const WAIT_POLL: Duration = Duration::from_millis(500);

pub struct Resolved {
    pub namespace: Namespace,
    pub watch: Watch,
}

/// Watches the target so the capture can end when the target does.
pub enum Watch {
    Nothing,
    /// The pod's sandbox process: its pidfd becomes readable when the pod is gone.
    Sandbox {
        pid: u32,
        fd: OwnedFd,
    },
    /// A process (`--pid`, or a container whose pod has no sandbox the sniffer can see):
    /// its pidfd becomes readable when it exits.
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
            Watch::Sandbox { pid, fd } => sandbox::exited(fd).then(|| {
                format!(
                    "the pod's sandbox (PID {pid}) exited: the pod and its network namespace \
                     are gone"
                )
            }),
            Watch::Process { pid, fd } => sandbox::exited(fd)
                .then(|| format!("target process {pid} exited (its container stopped)")),
            Watch::Path(p) => {
                (!p.exists()).then(|| format!("network namespace {} was removed", p.display()))
            }
        }
    }
}

/// Runs `f` on a thread of its own while this one keeps taking signals: SIGTERM (or SIGINT,
/// or `sniffer stop`'s SIGUSR1) ends the sniffer at once even when the runtime hangs. The
/// lookup's own deadline bounds it otherwise.
fn or_signal<T: Send + 'static>(
    what: &str,
    endpoint: &str,
    f: impl FnOnce() -> Result<T, RuntimeError> + Send + 'static,
) -> Result<Result<T, RuntimeError>, String> {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .name("runtime-lookup".into())
        .spawn(move || {
            let _ = tx.send(f());
        })
        .map_err(|e| format!("cannot start the lookup of {what}: {e}"))?;
    loop {
        if let Some(sig) = signals::wait(Duration::from_millis(50)) {
            return Err(format!(
                "{sig} while looking up {what} at {endpoint}; exiting before the capture started"
            ));
        }
        match rx.try_recv() {
            Ok(r) => return Ok(r),
            Err(std::sync::mpsc::TryRecvError::Empty) => {}
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                return Err(format!("the lookup of {what} failed unexpectedly"))
            }
        }
    }
}

fn open_pid(pid: u32) -> Result<Namespace, String> {
    Namespace::open(&Target::of_pid(pid)).map_err(|e| e.to_string())
}

pub fn resolve(t: &TargetArgs, waiting: &mut dyn FnMut(String)) -> Result<Resolved, String> {
    if let Some(path) = &t.netns {
        let namespace = Namespace::open(&Target::Path(path.clone())).map_err(|e| e.to_string())?;
        return Ok(Resolved {
            namespace,
            watch: Watch::Path(path.clone()),
        });
    }
    if let Some(pid) = t.pid {
        let namespace = open_pid(pid)?;
        let watch = sandbox::pidfd(pid)
            .map(|fd| Watch::Process { pid, fd })
            .unwrap_or(Watch::Nothing);
        return Ok(Resolved { namespace, watch });
    }
    if let Some(id) = &t.container_id {
        let cfg = RuntimeConfig {
            endpoint: t
                .runtime_endpoint
                .clone()
                .unwrap_or_else(|| runtime::DEFAULT_ENDPOINT.into()),
            namespace: t.runtime_namespace.clone(),
            timeout: Duration::from_secs(t.runtime_timeout),
        };
        return resolve_container(id, &cfg, waiting);
    }
    Ok(Resolved {
        namespace: Namespace::open(&Target::Current).map_err(|e| e.to_string())?,
        watch: Watch::Nothing,
    })
}

/// A container's namespace, entered through its own process when it runs (on AppArmor
/// nodes containerd's default profile may forbid reading the pause process's namespace),
/// and through the pod's sandbox when the container is down and the sandbox is readable;
/// otherwise the sniffer waits for the container's next start.
fn resolve_container(
    id: &str,
    cfg: &RuntimeConfig,
    waiting: &mut dyn FnMut(String),
) -> Result<Resolved, String> {
    let lookup = |cfg: &RuntimeConfig| {
        let (id, c) = (id.to_string(), cfg.clone());
        or_signal(&format!("container {id}"), &cfg.endpoint, move || {
            runtime::lookup(&id, &c)
        })
    };
    let (info, how) = lookup(cfg)?.map_err(|e| e.to_string())?;
    let how = how.describe(&cfg.endpoint);
    if let Some(pid) = info.pid {
        eprintln!(
            "sniffer: container {id} has PID {pid} (found through {how}); entering its network \
             namespace through it"
        );
        let namespace = open_pid(pid)?;
        return Ok(Resolved {
            namespace,
            watch: watch_pod(&info, pid),
        });
    }

    // The container is down (mid crash loop). Its pod's namespace is still there.
    let sandbox_fd = info
        .sandbox
        .as_ref()
        .and_then(|s| s.pid)
        .and_then(|p| sandbox::pidfd(p).map(|fd| (p, fd)));
    let why_wait = match &sandbox_fd {
        Some((spid, _)) => match open_pid(*spid) {
            Ok(namespace) => {
                eprintln!(
                    "sniffer: container {id} is not running (found through {how}); entering the \
                     pod's network namespace through its sandbox (PID {spid})"
                );
                let (pid, fd) = sandbox_fd.expect("matched Some");
                return Ok(Resolved {
                    namespace,
                    watch: Watch::Sandbox { pid, fd },
                });
            }
            Err(e) => format!("its pod's sandbox (PID {spid}) cannot be entered ({e})"),
        },
        None => "its pod's sandbox is not known or not running".to_string(),
    };
    let line = format!(
        "container {id} is not running and {why_wait}; waiting for the container's next start"
    );
    eprintln!("sniffer: {line}");
    waiting(line);

    let sibling = info
        .sandbox
        .as_ref()
        .filter(|s| !s.id.is_empty())
        .zip(info.name.as_ref())
        .map(|(s, n)| (s.id.clone(), n.clone()));
    loop {
        if let Some(sig) = signals::wait(WAIT_POLL) {
            return Err(format!(
                "{sig} while waiting for container {id} to start; exiting before the capture \
                 started"
            ));
        }
        if sandbox_fd
            .as_ref()
            .is_some_and(|(_, fd)| sandbox::exited(fd))
        {
            return Err(format!(
                "the pod of container {id} is gone (its sandbox exited) before the container \
                 started again"
            ));
        }
        // The same container started again (a runtime that restarts in place) …
        let again = match lookup(cfg)? {
            Ok((again, _)) => again.pid.map(|pid| (id.to_string(), pid, again)),
            Err(RuntimeError::NotFound { .. }) if sibling.is_some() => None,
            Err(e) => return Err(e.to_string()),
        };
        // … or, as under the CRI, a new container with its name in the same sandbox.
        let again = match (again, &sibling) {
            (Some(a), _) => Some(a),
            (None, Some((sid, name))) => {
                let (s, n, c) = (sid.clone(), name.clone(), cfg.clone());
                or_signal(&format!("container {name}"), &cfg.endpoint, move || {
                    runtime::running_sibling(&s, &n, &c)
                })?
                .map_err(|e| e.to_string())?
                .map(|(new_id, pid)| (new_id, pid, info.clone()))
            }
            (None, None) => None,
        };
        if let Some((new_id, pid, now)) = again {
            eprintln!(
                "sniffer: container {id} started (as {new_id}, PID {pid}); entering its network \
                 namespace through it"
            );
            let namespace = open_pid(pid)?;
            let info = ContainerInfo {
                sandbox: now.sandbox.or(info.sandbox),
                ..now
            };
            return Ok(Resolved {
                namespace,
                watch: watch_pod(&info, pid),
            });
        }
    }
}

/// The pod's sandbox when it runs, else the container's own process, with a log line that
/// says which and what ends the capture.
fn watch_pod(info: &ContainerInfo, pid: u32) -> Watch {
    let sandbox = info.sandbox.as_ref().and_then(|s| s.pid.map(|p| (s, p)));
    if let Some((s, spid)) = sandbox {
        if let Some(fd) = sandbox::pidfd(spid) {
            let name = if s.id.is_empty() {
                String::new()
            } else {
                format!(" {}", s.id)
            };
            eprintln!(
                "sniffer: watching the pod's sandbox{name} (PID {spid}): container restarts do \
                 not end the capture; the pod's end does"
            );
            return Watch::Sandbox { pid: spid, fd };
        }
    }
    eprintln!(
        "sniffer: no pod sandbox found for this container; the capture ends when its process \
         {pid} exits"
    );
    match sandbox::pidfd(pid) {
        Some(fd) => Watch::Process { pid, fd },
        None => Watch::Nothing,
    }
}
