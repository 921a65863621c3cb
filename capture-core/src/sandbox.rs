//! A pod's sandbox: the process that holds the pod's network namespace for the pod's whole
//! life (the pause process under the CRI), found without containerd, and watched through a
//! pidfd so the capture knows when the pod, not one of its containers, is gone.
//!
//! A pidfd needs no ptrace access to the process it names: it only says when it exits.

use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::fs::MetadataExt;
use std::path::Path;

/// The /proc fallback: the sandbox of the pod that `pid` runs in. Candidates are the other
/// processes in the same network namespace (same nsfs device and inode), outside `pid`'s own
/// cgroup (a container is not its own sandbox) and, when `pid`'s cgroup sits in a pod cgroup
/// (a path component with `pod` in it, as the kubelet makes them), inside that pod cgroup. A
/// process named `pause` wins; otherwise the oldest, since the sandbox starts before the
/// pod's containers. `None` when nothing else holds the namespace.
pub fn from_proc(pid: u32, proc_root: &Path) -> Option<u32> {
    let netns = |p: u32| {
        std::fs::metadata(proc_root.join(p.to_string()).join("ns/net"))
            .ok()
            .map(|m| (m.dev(), m.ino()))
    };
    let cgroup = |p: u32| {
        std::fs::read_to_string(proc_root.join(p.to_string()).join("cgroup"))
            .ok()
            .map(|s| unified_path(&s))
    };
    let want_ns = netns(pid)?;
    let own_cgroup = cgroup(pid)?;
    let pod_cgroup = pod_cgroup(&own_cgroup);
    let me = std::process::id();
    let mut best: Option<(bool, u64, u32)> = None;
    for entry in std::fs::read_dir(proc_root).ok()?.flatten() {
        let Some(p) = entry
            .file_name()
            .to_str()
            .and_then(|s| s.parse::<u32>().ok())
        else {
            continue;
        };
        if p == pid || p == me || netns(p) != Some(want_ns) {
            continue;
        }
        let Some(cg) = cgroup(p) else { continue };
        if cg == own_cgroup || pod_cgroup.is_some_and(|pc| !cg.starts_with(&format!("{pc}/"))) {
            continue;
        }
        let Some((start, name)) = crate::procstat::identity(&proc_root.join(p.to_string())) else {
            continue;
        };
        // Order: a pause process first, then the earliest start.
        let key = (name != "pause", start, p);
        if best.is_none_or(|b| key < b) {
            best = Some(key);
        }
    }
    best.map(|(_, _, p)| p)
}

/// The path of the cgroup v2 line (`0::/path`), or else the first line's path.
fn unified_path(cgroup_file: &str) -> String {
    let path = |l: &str| l.splitn(3, ':').nth(2).unwrap_or("").to_string();
    cgroup_file
        .lines()
        .find(|l| l.starts_with("0::"))
        .or_else(|| cgroup_file.lines().next())
        .map(path)
        .unwrap_or_default()
}

/// The pod's cgroup among `path`'s ancestors: the deepest component that names a pod
/// (`kubepods-burstable-pod<uid>.slice`, `pod<uid>`).
fn pod_cgroup(path: &str) -> Option<&str> {
    let mut end = None;
    let mut at = 0;
    for c in path.split('/') {
        at += c.len();
        if c.starts_with("pod") || c.contains("-pod") {
            end = Some(at);
        }
        at += 1;
    }
    end.map(|e| &path[..e])
}

/// A pidfd on `pid`, or `None` when the process is already gone.
pub fn pidfd(pid: u32) -> Option<OwnedFd> {
    // SAFETY: pidfd_open takes a pid and flags and returns a new fd or -1.
    let fd = unsafe { libc::syscall(libc::SYS_pidfd_open, pid as libc::pid_t, 0) };
    // SAFETY: a non-negative return is a fresh fd that we now own.
    (fd >= 0).then(|| unsafe { OwnedFd::from_raw_fd(fd as i32) })
}

/// Whether the process behind a pidfd has exited (the pidfd is readable then).
pub fn exited(fd: &OwnedFd) -> bool {
    let mut p = libc::pollfd {
        fd: fd.as_raw_fd(),
        events: libc::POLLIN,
        revents: 0,
    };
    // SAFETY: one valid pollfd, zero timeout.
    unsafe { libc::poll(&mut p, 1, 0) > 0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pod_cgroups() {
        assert_eq!(
            pod_cgroup("/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod12_ab.slice/cri-containerd-0123.scope"),
            Some("/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod12_ab.slice")
        );
        assert_eq!(
            pod_cgroup("/kubepods/besteffort/pod1234/0123"),
            Some("/kubepods/besteffort/pod1234")
        );
        assert_eq!(pod_cgroup("/k8s.io/0123"), None);
        assert_eq!(
            unified_path("1:name=systemd:/a\n0::/k8s.io/x\n"),
            "/k8s.io/x"
        );
    }

    #[test]
    fn a_process_alone_in_its_namespace_has_no_sandbox_and_a_pidfd_sees_exits() {
        // This test process shares the host namespace with many others, but a child in a
        // cgroup of its own is not needed: check the exit side, which needs no root.
        let mut child = std::process::Command::new("sleep")
            .arg("30")
            .spawn()
            .unwrap();
        let fd = pidfd(child.id()).unwrap();
        assert!(!exited(&fd));
        child.kill().unwrap();
        child.wait().unwrap();
        assert!(exited(&fd));
        assert!(from_proc(u32::MAX, Path::new("/proc")).is_none());
    }
}
