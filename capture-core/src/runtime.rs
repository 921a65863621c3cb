//! Finds a container's PID from its runtime ID: through the containerd API, with a /proc
//! scan as the fallback when the socket is absent (a different mount path, tests), and as the
//! only way for the IDs of runtimes that are not containerd (`cri-o://`, `docker://`), whose
//! cgroups name the container (`crio-<id>.scope`, `crio/<id>`, `docker-<id>.scope`).

use std::path::{Path, PathBuf};
use std::time::Duration;

use sniffer_contract::runtime::{scheme, NodeRuntime};
pub use sniffer_contract::runtime::{DEFAULT_ENDPOINT, DEFAULT_NAMESPACE};

/// How long the whole containerd lookup may take by default (`--runtime-timeout`): it is
/// one local RPC, so a few seconds means the runtime is stuck.
pub const DEFAULT_TIMEOUT_SECS: u64 = 5;

#[derive(Debug, thiserror::Error)]
pub enum RuntimeError {
    #[error("container ID {0:?} is not valid: expected letters, digits, '-', '_' or '.' (up to 128), optionally after containerd://, cri-o:// or docker://")]
    BadId(String),
    #[error("container ID {id:?} is a {runtime} container; the sniffer knows containerd, cri-o and docker containers (ID, containerd://ID, cri-o://ID, docker://ID)")]
    OtherRuntime { id: String, runtime: String },
    #[error("containerd at {endpoint} did not answer within {secs} s (--runtime-timeout to wait longer)")]
    TimedOut { endpoint: String, secs: u64 },
    #[error("runtime endpoint {0:?} is not supported: use unix:///path/to/containerd.sock")]
    BadEndpoint(String),
    #[error("container {id} not found in containerd namespace {namespace:?} ({detail}); check the ID with `crictl ps` or `ctr -n {namespace} task ls`")]
    NotFound {
        id: String,
        namespace: String,
        detail: String,
    },
    #[error("container {id} has no running task; it may have exited")]
    NotRunning { id: String },
    #[error("cannot reach containerd at {endpoint}: {detail}")]
    Unreachable { endpoint: String, detail: String },
    #[error("container {id} not found: no process in /proc has it in its cgroup ({why}, so /proc was scanned)")]
    NotFoundInProc { id: String, why: &'static str },
}

/// Which runtime to ask, from `--runtime-endpoint` and `--runtime-namespace`.
#[derive(Clone, Debug)]
pub struct RuntimeConfig {
    pub endpoint: String,
    pub namespace: String,
    /// Deadline for the whole lookup (connect and request).
    pub timeout: Duration,
}

impl Default for RuntimeConfig {
    fn default() -> Self {
        RuntimeConfig {
            endpoint: DEFAULT_ENDPOINT.into(),
            namespace: DEFAULT_NAMESPACE.into(),
            timeout: Duration::from_secs(DEFAULT_TIMEOUT_SECS),
        }
    }
}

/// How the PID was found, for the log line the sniffer prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LookupMethod {
    ContainerdApi,
    /// A /proc scan, and why the runtime was not asked.
    ProcScan(&'static str),
}

impl LookupMethod {
    /// `containerd at ENDPOINT` or `a /proc scan (why)`.
    pub fn describe(self, endpoint: &str) -> String {
        match self {
            LookupMethod::ContainerdApi => format!("containerd at {endpoint}"),
            LookupMethod::ProcScan(why) => format!("a /proc scan ({why})"),
        }
    }
}

const SOCKET_ABSENT: &str = "containerd socket absent";

/// A container ID without its scheme, and the runtime the scheme names (containerd when
/// there is none).
#[derive(Debug)]
pub struct ContainerId {
    pub id: String,
    pub runtime: NodeRuntime,
}

/// Splits off the runtime scheme (`containerd://`, `cri-o://`, `docker://`, or none for
/// containerd) and checks the ID is a plain token (it ends up in a gRPC request and a
/// substring search, so no paths or separators).
pub fn parse_container_id(raw: &str) -> Result<ContainerId, RuntimeError> {
    let (runtime, id) = match raw.split_once("://") {
        None => (NodeRuntime::Containerd, raw),
        Some((s, id)) => match NodeRuntime::of_container_id(raw) {
            Some(rt) => (rt, id),
            None => {
                return Err(RuntimeError::OtherRuntime {
                    id: raw.to_string(),
                    runtime: s.to_string(),
                })
            }
        },
    };
    Ok(ContainerId {
        id: normalize_container_id(id)?,
        runtime,
    })
}

/// Strips an optional `containerd://` prefix and checks the ID is a plain token.
pub fn normalize_container_id(raw: &str) -> Result<String, RuntimeError> {
    let id = raw.strip_prefix("containerd://").unwrap_or(raw);
    if let Some((scheme, _)) = id.split_once("://") {
        return Err(RuntimeError::OtherRuntime {
            id: raw.to_string(),
            runtime: scheme.to_string(),
        });
    }
    let ok = !id.is_empty()
        && id.len() <= 128
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.');
    if ok {
        Ok(id.to_string())
    } else {
        Err(RuntimeError::BadId(raw.to_string()))
    }
}

fn socket_path(endpoint: &str) -> Result<PathBuf, RuntimeError> {
    match endpoint.strip_prefix("unix://") {
        Some(p) if p.starts_with('/') => Ok(PathBuf::from(p)),
        _ if endpoint.starts_with('/') => Ok(PathBuf::from(endpoint)),
        _ => Err(RuntimeError::BadEndpoint(endpoint.to_string())),
    }
}

/// The container label (set by containerd's CRI plugin) naming its pod's sandbox container.
pub const SANDBOX_ID_LABEL: &str = "io.kubernetes.cri.sandbox-id";
/// The container label naming the container within its pod: a restarted container is a new
/// containerd container with the same name and sandbox.
pub const CONTAINER_NAME_LABEL: &str = "io.kubernetes.container.name";

/// What the runtime knows about a container and the pod around it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ContainerInfo {
    /// Its init process, when it runs.
    pub pid: Option<u32>,
    /// Its pod's sandbox (the process that holds the pod's network namespace), when known.
    pub sandbox: Option<Sandbox>,
    /// The container's name in its pod ([`CONTAINER_NAME_LABEL`]), when known.
    pub name: Option<String>,
}

/// A pod's sandbox: the container (containerd) or process (/proc) that holds the pod's
/// namespaces for the pod's whole life, whatever its app containers do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sandbox {
    /// The sandbox container's ID (empty when found by a /proc scan).
    pub id: String,
    /// Its process, when it runs.
    pub pid: Option<u32>,
}

/// Finds the PID of the container's init process. Asks containerd when the ID is a
/// containerd one and the socket exists; otherwise scans /proc/*/cgroup for the ID.
pub fn find_pid(raw_id: &str, cfg: &RuntimeConfig) -> Result<(u32, LookupMethod), RuntimeError> {
    let (info, how) = lookup(raw_id, cfg)?;
    match info.pid {
        Some(pid) => Ok((pid, how)),
        None => Err(RuntimeError::NotRunning {
            id: normalize_container_id(raw_id)?,
        }),
    }
}

/// Finds the container, its process when it runs, and its pod's sandbox. Through containerd
/// when the ID is a containerd one and its socket exists (a container without a running task
/// is found, with no PID); otherwise by a /proc scan (CRI-O's and Docker's own APIs are not
/// containerd's, but their cgroups name the ID), which finds only running containers, and
/// the sandbox as the pod's oldest process in the same network namespace
/// ([`crate::sandbox::from_proc`]).
pub fn lookup(
    raw_id: &str,
    cfg: &RuntimeConfig,
) -> Result<(ContainerInfo, LookupMethod), RuntimeError> {
    let ContainerId { id, runtime } = parse_container_id(raw_id)?;
    let socket = socket_path(&cfg.endpoint)?;
    let why = if runtime.container_scheme() != scheme::CONTAINERD {
        match runtime {
            NodeRuntime::CriO => "a cri-o container",
            _ => "a docker container",
        }
    } else if socket.exists() {
        return lookup_containerd(&id, &socket, cfg).map(|i| (i, LookupMethod::ContainerdApi));
    } else {
        SOCKET_ABSENT
    };
    let pid = pid_from_proc(&id, Path::new("/proc")).map_err(|e| match e {
        RuntimeError::NotFoundInProc { id, .. } => RuntimeError::NotFoundInProc { id, why },
        e => e,
    })?;
    let sandbox = crate::sandbox::from_proc(pid, Path::new("/proc")).map(|pid| Sandbox {
        id: String::new(),
        pid: Some(pid),
    });
    Ok((
        ContainerInfo {
            pid: Some(pid),
            sandbox,
            name: None,
        },
        LookupMethod::ProcScan(why),
    ))
}

/// A running container of the same pod sandbox with the same name: the next incarnation of
/// a restarted container (CRI gives it a new ID). Its ID and PID. containerd only.
pub fn running_sibling(
    sandbox_id: &str,
    name: &str,
    cfg: &RuntimeConfig,
) -> Result<Option<(String, u32)>, RuntimeError> {
    use containerd_client::services::v1::{
        containers_client::ContainersClient, tasks_client::TasksClient, ListContainersRequest,
    };
    use tonic::Request;
    let socket = socket_path(&cfg.endpoint)?;
    with_containerd(&socket, cfg, |channel| async move {
        let mut containers = ContainersClient::new(channel.clone());
        let mut tasks = TasksClient::new(channel);
        let req = ListContainersRequest {
            filters: vec![format!(
                "labels.\"{SANDBOX_ID_LABEL}\"=={sandbox_id},labels.\"{CONTAINER_NAME_LABEL}\"=={name}"
            )],
        };
        let req = containerd_client::with_namespace!(req, cfg.namespace.as_str());
        let list = containers
            .list(req)
            .await
            .map_err(|s| status_error(&s, cfg))?
            .into_inner()
            .containers;
        for c in list {
            if let Some(pid) = task_pid(&mut tasks, &c.id, cfg).await? {
                return Ok(Some((c.id, pid)));
            }
        }
        Ok(None)
    })
}

fn status_error(status: &tonic::Status, cfg: &RuntimeConfig) -> RuntimeError {
    RuntimeError::Unreachable {
        endpoint: cfg.endpoint.clone(),
        detail: format!("{:?}: {}", status.code(), status.message()),
    }
}

/// The PID of a container's running task; `None` when it has no task or the task has no
/// process.
async fn task_pid(
    tasks: &mut containerd_client::services::v1::tasks_client::TasksClient<
        tonic::transport::Channel,
    >,
    id: &str,
    cfg: &RuntimeConfig,
) -> Result<Option<u32>, RuntimeError> {
    use containerd_client::services::v1::GetRequest;
    use tonic::Request;
    let req = GetRequest {
        container_id: id.to_string(),
        exec_id: String::new(),
    };
    let req = containerd_client::with_namespace!(req, cfg.namespace.as_str());
    match tasks.get(req).await {
        Ok(resp) => Ok(resp.into_inner().process.map(|p| p.pid).filter(|&p| p > 0)),
        Err(status) if status.code() == tonic::Code::NotFound => Ok(None),
        Err(status) => Err(status_error(&status, cfg)),
    }
}

/// Runs `f` on a fresh connection to containerd, on a private single-threaded runtime (the
/// lookups are a few RPCs, done outside the capture's hot path), with one deadline over
/// connect and requests: a socket that accepts and never answers must not hold the sniffer.
fn with_containerd<T, F, Fut>(socket: &Path, cfg: &RuntimeConfig, f: F) -> Result<T, RuntimeError>
where
    F: FnOnce(tonic::transport::Channel) -> Fut,
    Fut: std::future::Future<Output = Result<T, RuntimeError>>,
{
    let unreachable = |detail: String| RuntimeError::Unreachable {
        endpoint: cfg.endpoint.clone(),
        detail,
    };
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| unreachable(e.to_string()))?;
    let timed_out = || RuntimeError::TimedOut {
        endpoint: cfg.endpoint.clone(),
        secs: cfg.timeout.as_secs_f64().ceil() as u64,
    };
    rt.block_on(async {
        tokio::time::timeout(cfg.timeout, async {
            let channel = containerd_client::connect(socket)
                .await
                .map_err(|e| unreachable(error_chain(&e)))?;
            f(channel).await
        })
        .await
        .map_err(|_| timed_out())?
    })
}

fn lookup_containerd(
    id: &str,
    socket: &Path,
    cfg: &RuntimeConfig,
) -> Result<ContainerInfo, RuntimeError> {
    use containerd_client::services::v1::{
        containers_client::ContainersClient, tasks_client::TasksClient, GetContainerRequest,
    };
    use tonic::{Code, Request};

    with_containerd(socket, cfg, |channel| async move {
        let mut containers = ContainersClient::new(channel.clone());
        let mut tasks = TasksClient::new(channel);
        let req = GetContainerRequest { id: id.to_string() };
        let req = containerd_client::with_namespace!(req, cfg.namespace.as_str());
        let labels = match containers.get(req).await {
            Ok(resp) => resp
                .into_inner()
                .container
                .map(|c| c.labels)
                .unwrap_or_default(),
            Err(status) if status.code() == Code::NotFound => {
                return Err(RuntimeError::NotFound {
                    id: id.to_string(),
                    namespace: cfg.namespace.clone(),
                    detail: status.message().to_string(),
                })
            }
            Err(status) => return Err(status_error(&status, cfg)),
        };
        let pid = task_pid(&mut tasks, id, cfg).await?;
        let sandbox = match labels.get(SANDBOX_ID_LABEL).filter(|s| !s.is_empty()) {
            Some(sid) => Some(Sandbox {
                id: sid.clone(),
                pid: task_pid(&mut tasks, sid, cfg).await?,
            }),
            None => None,
        };
        Ok(ContainerInfo {
            pid,
            sandbox,
            name: labels.get(CONTAINER_NAME_LABEL).cloned(),
        })
    })
}

fn error_chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut cur = e.source();
    while let Some(c) = cur {
        s.push_str(": ");
        s.push_str(&c.to_string());
        cur = c.source();
    }
    s
}

/// The /proc fallback: the lowest PID whose cgroup path names the container. Every process
/// of a container shares its network namespace, so any of them would do; the lowest is
/// normally the init process.
pub fn pid_from_proc(id: &str, proc_root: &Path) -> Result<u32, RuntimeError> {
    let mut best: Option<u32> = None;
    let not_found = || RuntimeError::NotFoundInProc {
        id: id.to_string(),
        why: SOCKET_ABSENT,
    };
    let entries = std::fs::read_dir(proc_root).map_err(|_| not_found())?;
    for entry in entries.flatten() {
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|s| s.parse::<u32>().ok())
        else {
            continue;
        };
        // Processes come and go during the scan; unreadable ones are skipped.
        let Ok(cgroup) = std::fs::read_to_string(entry.path().join("cgroup")) else {
            continue;
        };
        if cgroup.lines().any(|l| cgroup_line_names(l, id)) && best.is_none_or(|b| pid < b) {
            best = Some(pid);
        }
    }
    best.ok_or_else(not_found)
}

/// A cgroup line `hier:controllers:/path` names the container when a path component is the
/// ID (`/k8s.io/<id>`, CRI-O's cgroupfs `crio/<id>`), or ends with it after a `-` or `:`
/// (systemd's `cri-containerd-<id>.scope`, `crio-<id>.scope`, `docker-<id>.scope`).
fn cgroup_line_names(line: &str, id: &str) -> bool {
    let path = line.splitn(3, ':').nth(2).unwrap_or("");
    path.split('/').any(|c| {
        let c = c.strip_suffix(".scope").unwrap_or(c);
        c == id || c.ends_with(&format!("-{id}")) || c.ends_with(&format!(":{id}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_normalized_and_checked() {
        assert_eq!(
            normalize_container_id("containerd://abc123").unwrap(),
            "abc123"
        );
        let e = normalize_container_id("docker://abc")
            .unwrap_err()
            .to_string();
        assert!(e.contains("docker container") && !e.contains("hex"), "{e}");
        assert!(normalize_container_id("../../etc").is_err());
        assert!(normalize_container_id("").is_err());
    }

    #[test]
    fn ids_carry_their_runtime() {
        let c = parse_container_id("cri-o://0123abcd").unwrap();
        assert_eq!((c.id.as_str(), c.runtime), ("0123abcd", NodeRuntime::CriO));
        let c = parse_container_id("docker://0123abcd").unwrap();
        assert_eq!(c.runtime, NodeRuntime::Docker);
        let c = parse_container_id("0123abcd").unwrap();
        assert_eq!(c.runtime, NodeRuntime::Containerd);
        let e = parse_container_id("frakti://abc").unwrap_err().to_string();
        assert!(e.contains("frakti container"), "{e}");
        assert!(parse_container_id("cri-o://../x").is_err());
        assert!(parse_container_id("cri-o://").is_err());
    }

    #[test]
    fn cri_o_ids_never_ask_containerd() {
        // The endpoint is a socket that exists (this file's directory would not do): a
        // cri-o ID must still go to /proc, where no process has this made-up ID.
        let dir = std::env::temp_dir().join(format!("dumpy-rt-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let sock = dir.join("containerd.sock");
        let _listener = std::os::unix::net::UnixListener::bind(&sock).unwrap();
        let cfg = RuntimeConfig {
            endpoint: format!("unix://{}", sock.display()),
            ..RuntimeConfig::default()
        };
        let e = find_pid("cri-o://dumpynosuchcontainer0", &cfg).unwrap_err();
        std::fs::remove_dir_all(&dir).unwrap();
        let e = e.to_string();
        assert!(e.contains("a cri-o container, so /proc was scanned"), "{e}");
    }

    #[test]
    fn cgroup_lines_match_whole_components() {
        let id = "0123abcd";
        assert!(cgroup_line_names("0::/k8s.io/0123abcd", id));
        assert!(cgroup_line_names(
            "0::/kubepods.slice/kubepods-pod1.slice/cri-containerd-0123abcd.scope",
            id
        ));
        assert!(!cgroup_line_names("0::/k8s.io/0123abcde", id));
        assert!(!cgroup_line_names("0::/", id));
        // CRI-O: systemd driver (v2 and v1), cgroupfs driver.
        assert!(cgroup_line_names(
            "0::/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod1.slice/crio-0123abcd.scope",
            id
        ));
        assert!(cgroup_line_names(
            "4:memory:/kubepods/besteffort/pod1/crio-0123abcd",
            id
        ));
        assert!(cgroup_line_names("4:memory:/crio/0123abcd", id));
        assert!(cgroup_line_names(
            "0::/system.slice/docker-0123abcd.scope",
            id
        ));
        assert!(!cgroup_line_names("0::/crio-0123abcde.scope", id));
    }

    #[test]
    fn endpoints() {
        assert_eq!(
            socket_path("unix:///run/x.sock").unwrap(),
            PathBuf::from("/run/x.sock")
        );
        assert!(socket_path("tcp://1.2.3.4:1").is_err());
    }
}
