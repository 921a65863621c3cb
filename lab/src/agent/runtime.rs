//! containerd through its own CLI, `ctr` (namespace k8s.io, the one the kubelet's CRI plugin
//! uses and the sniffer looks in). Every container the lab makes carries the label
//! `dumpy-lab=1`, so cleanup can find them all even after a crash.

use anyhow::{bail, Context, Result};
use std::collections::HashMap;
use std::path::PathBuf;
use tokio::process::Command;

pub const NAMESPACE: &str = "k8s.io";
pub const LABEL: &str = "dumpy-lab=1";

/// The Linux capabilities containerd (and the kubelet) give a container by default.
pub const DEFAULT_CAPS: &[&str] = &[
    "CHOWN",
    "DAC_OVERRIDE",
    "FSETID",
    "FOWNER",
    "MKNOD",
    "NET_RAW",
    "SETGID",
    "SETUID",
    "SETFCAP",
    "SETPCAP",
    "NET_BIND_SERVICE",
    "SYS_CHROOT",
    "KILL",
    "AUDIT_WRITE",
];

/// One container to start.
#[derive(Debug, Default)]
pub struct RunSpec {
    pub id: String,
    pub rootfs: PathBuf,
    /// Run from this imported image instead of `rootfs`.
    pub image: Option<String>,
    pub argv: Vec<String>,
    pub env: Vec<String>,
    pub cwd: Option<String>,
    /// The pod's network namespace (a name under /run/netns); unused with `host_network`.
    pub netns: String,
    /// The host's network namespace (`hostNetwork: true`).
    pub host_network: bool,
    pub host_pid: bool,
    /// Extra container labels (`key=value`), e.g. the CRI's pod and sandbox labels.
    pub labels: Vec<String>,
    /// (host path, container path, read-only)
    pub mounts: Vec<(PathBuf, String, bool)>,
    pub log: PathBuf,
    pub privileged: bool,
    pub read_only: bool,
    /// containerd's default seccomp profile (what the kubelet's RuntimeDefault means).
    pub seccomp: bool,
    pub cap_add: Vec<String>,
    pub cap_drop: Vec<String>,
    /// The container's cgroup path (ctr's default, `/k8s.io/<id>`, when None).
    pub cgroup: Option<String>,
}

fn ctr() -> Command {
    let mut c = Command::new("ctr");
    c.args(["-n", NAMESPACE]);
    c.kill_on_drop(true);
    c
}

async fn output(mut c: Command) -> Result<std::process::Output> {
    c.output()
        .await
        .context("running ctr (install containerd; scripts/containerd-up starts it)")
}

/// Kubernetes capability semantics (drop first, ALL allowed, then add) mapped onto ctr's flags.
pub fn capability_flags(add: &[String], drop: &[String]) -> (Vec<String>, Vec<String>) {
    let norm = |c: &String| c.trim_start_matches("CAP_").to_uppercase();
    let drop_all = drop.iter().any(|d| norm(d) == "ALL");
    let mut finals: Vec<String> = DEFAULT_CAPS
        .iter()
        .map(|s| s.to_string())
        .filter(|c| !drop_all && !drop.iter().any(|d| norm(d) == *c))
        .collect();
    for a in add {
        let a = norm(a);
        if !finals.contains(&a) {
            finals.push(a);
        }
    }
    let cap_add = finals
        .iter()
        .filter(|c| !DEFAULT_CAPS.contains(&c.as_str()))
        .map(|c| format!("CAP_{c}"))
        .collect();
    let cap_drop = DEFAULT_CAPS
        .iter()
        .filter(|c| !finals.iter().any(|f| f == *c))
        .map(|c| format!("CAP_{c}"))
        .collect();
    (cap_add, cap_drop)
}

/// Creates and starts the container, detached; its stdout and stderr go to `spec.log`.
pub async fn run(spec: &RunSpec) -> Result<()> {
    let mut c = ctr();
    c.args(["run", "-d", "--label", LABEL]);
    for l in &spec.labels {
        c.arg("--label").arg(l);
    }
    c.arg("--log-uri")
        .arg(format!("file://{}", spec.log.display()));
    if spec.host_network {
        c.arg("--net-host");
    } else {
        c.arg("--with-ns")
            .arg(format!("network:/run/netns/{}", spec.netns));
    }
    if spec.host_pid {
        // The host PID namespace, named through this (host) process: /proc/1 may be unreadable.
        c.arg("--with-ns")
            .arg(format!("pid:/proc/{}/ns/pid", std::process::id()));
    }
    for e in &spec.env {
        c.arg("--env").arg(e);
    }
    if let Some(cwd) = &spec.cwd {
        c.arg("--cwd").arg(cwd);
    }
    for (src, dst, ro) in &spec.mounts {
        let opts = if *ro { "rbind:ro" } else { "rbind:rw" };
        c.arg("--mount").arg(format!(
            "type=bind,src={},dst={dst},options={opts}",
            src.display()
        ));
    }
    if spec.privileged {
        c.arg("--privileged");
    }
    if spec.seccomp && !spec.privileged {
        c.arg("--seccomp");
    }
    if spec.read_only {
        c.arg("--read-only");
    }
    for a in &spec.cap_add {
        c.arg("--cap-add").arg(a);
    }
    for d in &spec.cap_drop {
        c.arg("--cap-drop").arg(d);
    }
    if let Some(cgroup) = &spec.cgroup {
        c.arg("--cgroup").arg(cgroup);
    }
    match &spec.image {
        Some(image) => c.arg(image).arg(&spec.id),
        None => c.arg("--rootfs").arg(&spec.rootfs).arg(&spec.id),
    };
    c.args(&spec.argv);
    let out = output(c).await?;
    if !out.status.success() {
        bail!("{}", String::from_utf8_lossy(&out.stderr).trim());
    }
    Ok(())
}

/// `runc exec` of `argv` in the container, stdio left for the caller to wire: the process
/// gets the container's own process settings (user, environment, working directory,
/// capabilities, seccomp), as an exec through the CRI does.
///
/// Not `ctr task exec`: ctr cancels its copy of the process's output as soon as the process
/// has exited, so a short command's stdout is sometimes lost whole (measured here: 1 run in
/// 40 of `sniffer --version` printed nothing), and `kubectl dumpy export` wrote an empty
/// file now and then in the e2e tests. runc hands the process the caller's own pipes (0 of
/// 60 lost). The runc state directory is the one containerd's runc shim uses for the
/// namespace.
pub fn exec_command(id: &str, argv: &[String]) -> Command {
    let mut c = Command::new("runc");
    c.args([
        "--root",
        &format!("/run/containerd/runc/{NAMESPACE}"),
        "exec",
        id,
    ]);
    c.args(argv);
    c.kill_on_drop(true);
    c
}

/// Sends a signal to the container's init process.
pub async fn kill(id: &str, signal: &str) -> Result<()> {
    let mut c = ctr();
    c.args(["task", "kill", "-s", signal, id]);
    let out = output(c).await?;
    if !out.status.success() {
        bail!("{}", String::from_utf8_lossy(&out.stderr).trim());
    }
    Ok(())
}

/// Task states of all lab containers: id -> (pid, RUNNING|STOPPED|…).
pub async fn tasks() -> Result<HashMap<String, (u32, String)>> {
    let mut c = ctr();
    c.args(["task", "ls"]);
    let out = output(c).await?;
    let mut map = HashMap::new();
    for line in String::from_utf8_lossy(&out.stdout).lines().skip(1) {
        let f: Vec<&str> = line.split_whitespace().collect();
        if f.len() >= 3 {
            map.insert(
                f[0].to_string(),
                (f[1].parse().unwrap_or(0), f[2].to_string()),
            );
        }
    }
    Ok(map)
}

/// Deletes the stopped task and returns its exit code (ctr reports it as a warning).
pub async fn reap(id: &str) -> Option<i32> {
    let mut c = ctr();
    c.args(["task", "delete", id]);
    let out = output(c).await.ok()?;
    let err = String::from_utf8_lossy(&out.stderr);
    if let Some(pos) = err.find("exit code ") {
        let code: String = err[pos + 10..]
            .chars()
            .take_while(|c| c.is_ascii_digit())
            .collect();
        return code.parse().ok();
    }
    out.status.success().then_some(0)
}

/// Force-removes the container: kill, delete the task, delete the container.
pub async fn remove(id: &str) {
    let mut c = ctr();
    c.args(["task", "delete", "-f", id]);
    let _ = output(c).await;
    let mut c = ctr();
    c.args(["container", "delete", id]);
    let _ = output(c).await;
}

/// IDs of every container the lab made (found by label).
pub async fn lab_containers() -> Vec<String> {
    let mut c = ctr();
    c.args(["container", "ls", "-q", "labels.\"dumpy-lab\"==1"]);
    match output(c).await {
        Ok(o) => String::from_utf8_lossy(&o.stdout)
            .lines()
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .collect(),
        Err(_) => vec![],
    }
}

#[cfg(test)]
mod tests {
    use super::capability_flags;

    #[test]
    fn drop_all_then_add() {
        let (add, drop) =
            capability_flags(&["NET_RAW".into(), "NET_ADMIN".into()], &["ALL".into()]);
        assert_eq!(add, ["CAP_NET_ADMIN"]);
        assert!(drop.contains(&"CAP_CHOWN".to_string()));
        assert!(!drop.contains(&"CAP_NET_RAW".to_string()));
    }

    #[test]
    fn defaults_unchanged() {
        let (add, drop) = capability_flags(&[], &[]);
        assert!(add.is_empty() && drop.is_empty());
    }
}
