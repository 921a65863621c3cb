//! Pod lifecycle on the node agent: start the pod's sandbox, check each container's image and
//! start it (volumes, env, security context, host PID, host network), watch them (exit codes,
//! restarts by restartPolicy with the kubelet's CrashLoopBackOff, ImagePullBackOff for images
//! the node cannot get), carry out OOM kills and node-pressure evictions (`ops`), evaluate
//! exec readiness probes, publish status like the kubelet, and on deletion send SIGTERM, then
//! SIGKILL after the grace period, clean up and remove the pod.

use super::backoff::{go_duration, Backoff};
use super::ops::Op;
use super::{images, network, node_runtime, paths, rootfs, runtime};
use crate::api::objects::now;
use crate::api::App;
use anyhow::{anyhow, bail, Result};
use serde_json::{json, Value};
use sniffer_contract::runtime::NodeRuntime;
use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::{broadcast, watch};

type Tasks = HashMap<String, (u32, String)>;

/// The CRI's label that tells a pod's sandbox from its containers.
const CONTAINER_TYPE_LABEL: &str = "io.kubernetes.cri.container-type";

pub struct Agent {
    app: Arc<App>,
    tasks: watch::Receiver<Tasks>,
    ips: Mutex<BTreeSet<u8>>,
    /// Images imported into containerd at `up` (normalised names).
    images: Vec<String>,
    /// uid -> deletion signal of the pod's task.
    pods: Mutex<HashMap<String, watch::Sender<bool>>>,
    /// First delay of the restart and image pull back-offs (the kubelet's is 10 s).
    backoff_base: Duration,
}

/// Starts the agent: a poller of containerd task states and the pod event loop.
pub fn start(app: Arc<App>, backoff_base: Duration) -> Arc<Agent> {
    let (tx, rx) = watch::channel(Tasks::new());
    tokio::spawn(async move {
        loop {
            if let Ok(t) = runtime::tasks().await {
                let _ = tx.send(t);
            }
            tokio::time::sleep(Duration::from_millis(500)).await;
        }
    });
    let images = std::fs::read_to_string(paths::images_file(&app.state_dir))
        .unwrap_or_default()
        .lines()
        .map(String::from)
        .collect();
    let agent = Arc::new(Agent {
        images,
        app,
        tasks: rx,
        ips: Mutex::new(BTreeSet::new()),
        pods: Mutex::new(HashMap::new()),
        backoff_base,
    });
    let a = agent.clone();
    let mut events = a.app.store.subscribe();
    tokio::spawn(async move {
        for p in a.app.store.list("pods", None).0 {
            a.consider(&p);
        }
        loop {
            match events.recv().await {
                Ok(ev) if ev.resource == "pods" && ev.kind != "DELETED" => a.consider(&ev.object),
                Ok(_) => {}
                Err(broadcast::error::RecvError::Lagged(_)) => {
                    for p in a.app.store.list("pods", None).0 {
                        a.consider(&p);
                    }
                }
                Err(broadcast::error::RecvError::Closed) => return,
            }
        }
    });
    agent
}

impl Agent {
    fn consider(self: &Arc<Self>, pod: &Value) {
        if pod["spec"]["nodeName"].as_str().unwrap_or("").is_empty() {
            return;
        }
        let uid = pod["metadata"]["uid"].as_str().unwrap_or("").to_string();
        let deleting = !pod["metadata"]["deletionTimestamp"].is_null();
        let mut pods = self.pods.lock().unwrap();
        if let Some(tx) = pods.get(&uid) {
            if deleting {
                let _ = tx.send(true);
            }
            return;
        }
        let (tx, rx) = watch::channel(deleting);
        pods.insert(uid.clone(), tx);
        let a = self.clone();
        let pod = pod.clone();
        tokio::spawn(async move {
            let mut p = PodRun::new(a.clone(), pod);
            p.run(rx).await;
            a.pods.lock().unwrap().remove(&uid);
        });
    }

    fn alloc_ip(&self) -> Option<u8> {
        let mut ips = self.ips.lock().unwrap();
        let free = (2..=254u8).find(|i| !ips.contains(i))?;
        ips.insert(free);
        Some(free)
    }

    fn free_ip(&self, host: u8) {
        self.ips.lock().unwrap().remove(&host);
    }
}

#[derive(Clone, Debug, PartialEq)]
enum State {
    Waiting(String, String),
    Running {
        started: String,
    },
    Terminated {
        code: i32,
        reason: String,
        message: String,
        started: String,
        finished: String,
    },
}

struct Ctr {
    spec: Value,
    id: String,
    state: State,
    ready: bool,
    restarts: u32,
    last: Value,
    probe_due: Option<Instant>,
    probe_failures: u32,
    /// CrashLoopBackOff between restarts.
    crash_backoff: Backoff,
    /// ImagePullBackOff between pull attempts.
    pull_backoff: Backoff,
    /// When a container waiting in a back-off is tried again.
    retry_at: Option<Instant>,
    /// When the last pull failed (ErrImagePull is shown for a second, then ImagePullBackOff).
    pull_failed_at: Option<Instant>,
    /// Killed by `dumpy-lab oom-kill`: its exit is reported as OOMKilled.
    oom_killed: bool,
}

struct PodRun {
    agent: Arc<Agent>,
    pod: Value,
    uid: String,
    ns: String,
    name: String,
    netns: Option<String>,
    /// `hostNetwork: true`: the pod's containers run in the host's network namespace and
    /// the pod's IP is the host's.
    host_network: bool,
    /// The pod's network is set up (its own namespace, or the host's).
    network_ready: bool,
    /// The sandbox container: it holds the pod's network namespace for the pod's whole life,
    /// as the CRI's pause container does; app containers carry its ID in the CRI's label.
    sandbox: Option<String>,
    ip: Option<u8>,
    ctrs: Vec<Ctr>,
    start_time: String,
    /// Evicted by the node (the message of its `Evicted` status); nothing runs any more.
    evicted: Option<String>,
    /// The runtime the pod's node presents (container IDs, cgroups, host sockets).
    runtime: NodeRuntime,
}

fn hex_id() -> String {
    (0..4)
        .map(|_| format!("{:016x}", rand::random::<u64>()))
        .collect()
}

impl PodRun {
    fn new(agent: Arc<Agent>, pod: Value) -> Self {
        let m = &pod["metadata"];
        let host_network = pod["spec"]["hostNetwork"].as_bool().unwrap_or(false);
        let ctrs = pod["spec"]["containers"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|c| Ctr {
                spec: c.clone(),
                id: String::new(),
                state: State::Waiting("ContainerCreating".into(), String::new()),
                ready: false,
                restarts: 0,
                last: json!({}),
                probe_due: None,
                probe_failures: 0,
                crash_backoff: Backoff::new(agent.backoff_base),
                pull_backoff: Backoff::new(agent.backoff_base),
                retry_at: None,
                pull_failed_at: None,
                oom_killed: false,
            })
            .collect();
        let node = pod["spec"]["nodeName"].as_str().unwrap_or("");
        let version = agent
            .app
            .store
            .get("nodes", "", node)
            .and_then(|n| {
                n["status"]["nodeInfo"]["containerRuntimeVersion"]
                    .as_str()
                    .map(String::from)
            })
            .unwrap_or_default();
        PodRun {
            runtime: node_runtime::of_version(&version),
            uid: m["uid"].as_str().unwrap_or("").into(),
            ns: m["namespace"].as_str().unwrap_or("").into(),
            name: m["name"].as_str().unwrap_or("").into(),
            agent,
            pod,
            netns: None,
            host_network,
            network_ready: false,
            sandbox: None,
            ip: None,
            ctrs,
            start_time: now(),
            evicted: None,
        }
    }

    fn state_dir(&self) -> PathBuf {
        self.agent.app.state_dir.clone()
    }

    async fn run(&mut self, mut deleted: watch::Receiver<bool>) {
        if !*deleted.borrow() {
            if let Err(e) = self.setup_network().await {
                for c in &mut self.ctrs {
                    c.state = State::Waiting(
                        "ContainerCreating".into(),
                        format!("network setup failed: {e}"),
                    );
                }
            } else {
                for i in 0..self.ctrs.len() {
                    self.start_container(i).await;
                }
            }
            self.publish();
            loop {
                tokio::select! {
                    _ = deleted.wait_for(|d| *d) => break,
                    _ = tokio::time::sleep(Duration::from_millis(500)) => {}
                }
                self.apply_ops().await;
                if self.evicted.is_none() {
                    self.observe().await;
                    self.retry_waiting().await;
                    self.probe().await;
                }
                self.publish();
            }
        }
        self.terminate().await;
    }

    async fn setup_network(&mut self) -> Result<()> {
        if !self.host_network {
            self.setup_pod_network().await?;
        }
        self.network_ready = true;
        self.start_sandbox().await
    }

    /// The sandbox: a process that only sleeps, in the pod's network namespace, with the
    /// CRI's labels, so that tools that follow a pod through containerd (the sniffer) find it
    /// the way they do on a kubelet's node.
    async fn start_sandbox(&mut self) -> Result<()> {
        let state = self.state_dir();
        let pod_dir = paths::pod_dir(&state, &self.uid);
        std::fs::create_dir_all(&pod_dir)?;
        let (_, cap_drop) = runtime::capability_flags(&[], &["ALL".into()]);
        let mut labels = self.cri_labels();
        labels.push(format!("{CONTAINER_TYPE_LABEL}=sandbox"));
        let id = hex_id();
        let spec = runtime::RunSpec {
            // In the node runtime's cgroup shape, like the pod's containers.
            cgroup: node_runtime::cgroup(self.runtime, &id),
            id,
            rootfs: paths::rootfs(&state, rootfs::WORKLOAD),
            argv: vec!["/bin/sleep".into(), "2147483647".into()],
            netns: self.netns.clone().unwrap_or_default(),
            host_network: self.host_network,
            labels,
            log: pod_dir.join("sandbox.log"),
            read_only: true,
            seccomp: true,
            cap_drop,
            ..Default::default()
        };
        runtime::run(&spec).await?;
        self.sandbox = Some(spec.id);
        Ok(())
    }

    /// The CRI's pod labels, on the sandbox and every container.
    fn cri_labels(&self) -> Vec<String> {
        vec![
            format!("io.kubernetes.pod.name={}", self.name),
            format!("io.kubernetes.pod.namespace={}", self.ns),
            format!("io.kubernetes.pod.uid={}", self.uid),
        ]
    }

    async fn setup_pod_network(&mut self) -> Result<()> {
        let host = self
            .agent
            .alloc_ip()
            .ok_or_else(|| anyhow!("the lab subnet is full"))?;
        self.ip = Some(host);
        let tag: String = self.uid.replace('-', "").chars().take(8).collect();
        self.netns = Some(network::create_pod_network(&tag, network::pod_ip(host)).await?);
        Ok(())
    }

    fn field(&self, path: &str) -> String {
        match path {
            "metadata.name" => self.name.clone(),
            "metadata.namespace" => self.ns.clone(),
            "metadata.uid" => self.uid.clone(),
            "spec.nodeName" => self.pod["spec"]["nodeName"].as_str().unwrap_or("").into(),
            "spec.serviceAccountName" => "default".into(),
            "status.podIP" => self.pod_ip().map(|ip| ip.to_string()).unwrap_or_default(),
            "status.hostIP" => network::pod_ip(1).to_string(),
            _ => String::new(),
        }
    }

    /// Host paths for the container's volume mounts, as the kubelet would provide them.
    fn mounts(&self, c: &Value) -> Result<Vec<(PathBuf, String, bool)>> {
        let state = self.state_dir();
        let mut out = vec![];
        for m in c["volumeMounts"].as_array().into_iter().flatten() {
            let vname = m["name"].as_str().unwrap_or("");
            let dst = m["mountPath"].as_str().unwrap_or("").to_string();
            let ro = m["readOnly"].as_bool().unwrap_or(false);
            let vol = self.pod["spec"]["volumes"]
                .as_array()
                .and_then(|vs| vs.iter().find(|v| v["name"] == vname))
                .ok_or_else(|| anyhow!("volume {vname} not found"))?;
            let mut src = if vol.get("emptyDir").is_some() {
                paths::empty_dir(&state, &self.uid, vname)
            } else if let Some(pvc) = vol.get("persistentVolumeClaim") {
                let claim = pvc["claimName"].as_str().unwrap_or("");
                if self
                    .agent
                    .app
                    .store
                    .get("persistentvolumeclaims", &self.ns, claim)
                    .is_none()
                {
                    bail!("persistentvolumeclaim \"{claim}\" not found");
                }
                paths::pvc_dir(&state, &self.ns, claim)
            } else if let Some(hp) = vol.get("hostPath") {
                let p = PathBuf::from(hp["path"].as_str().unwrap_or(""));
                let ty = hp["type"].as_str().unwrap_or("");
                if node_runtime::hides(self.runtime, &p) || !p.exists() {
                    if ty == "DirectoryOrCreate" {
                        std::fs::create_dir_all(&p)?;
                    } else {
                        bail!("hostPath type check failed: {} does not exist", p.display());
                    }
                }
                p
            } else {
                bail!("volume {vname}: only emptyDir, persistentVolumeClaim and hostPath are supported by the lab");
            };
            if vol.get("hostPath").is_none() {
                std::fs::create_dir_all(&src)?;
            }
            if let Some(sub) = m["subPath"].as_str().filter(|s| !s.is_empty()) {
                src = src.join(sub);
                std::fs::create_dir_all(&src)?;
            }
            out.push((src, dst, ro));
        }
        Ok(out)
    }

    /// The pod's hostname as the kubelet derives it: `spec.hostname`, else the pod's name cut
    /// to a DNS label (63 characters, no trailing '-' or '.'): pod names may be 253 long.
    fn hostname(&self) -> String {
        if let Some(h) = self.pod["spec"]["hostname"]
            .as_str()
            .filter(|h| !h.is_empty())
        {
            return h.to_string();
        }
        let cut: String = self.name.chars().take(63).collect();
        cut.trim_end_matches(['-', '.']).to_string()
    }

    /// The image check a node makes before creating a container: a malformed reference is
    /// `InvalidImageName` (not retried: it cannot get better); an image neither imported nor
    /// one of the lab's own is `ErrImagePull`, then `ImagePullBackOff` until the next try.
    fn image_ready(&mut self, i: usize) -> bool {
        let image = self.ctrs[i].spec["image"]
            .as_str()
            .unwrap_or("")
            .to_string();
        if let Err(msg) = images::check_reference(&image) {
            self.ctrs[i].state = State::Waiting("InvalidImageName".into(), msg);
            return false;
        }
        let imported = self.agent.images.contains(&images::normalize(&image));
        if imported || rootfs::for_image(&image).is_some() {
            return true;
        }
        let c = &mut self.ctrs[i];
        let now = Instant::now();
        let delay = c.pull_backoff.next(now);
        c.state = State::Waiting("ErrImagePull".into(), images::pull_error(&image));
        c.pull_failed_at = Some(now);
        c.retry_at = Some(now + Duration::from_secs(1) + delay);
        false
    }

    async fn start_container(&mut self, i: usize) {
        self.ctrs[i].retry_at = None;
        self.ctrs[i].oom_killed = false;
        if !self.image_ready(i) {
            return;
        }
        match self.try_start(i).await {
            Ok(id) => {
                let c = &mut self.ctrs[i];
                c.id = id;
                c.state = State::Running { started: now() };
                let probe = &c.spec["readinessProbe"];
                c.ready = probe.is_null();
                c.probe_failures = 0;
                c.probe_due = (!probe.is_null()).then(|| {
                    Instant::now()
                        + Duration::from_secs(probe["initialDelaySeconds"].as_u64().unwrap_or(0))
                });
            }
            Err(e) => {
                let c = &mut self.ctrs[i];
                c.state = State::Waiting("CreateContainerError".into(), e.to_string());
            }
        }
    }

    async fn try_start(&mut self, i: usize) -> Result<String> {
        let state = self.state_dir();
        let c = self.ctrs[i].spec.clone();
        let cname = c["name"].as_str().unwrap_or("");
        let reference = images::normalize(c["image"].as_str().unwrap_or(""));
        let imported = self.agent.images.contains(&reference);
        let kind = rootfs::for_image(c["image"].as_str().unwrap_or("")).unwrap_or(rootfs::SNIFFER);
        let mut argv: Vec<String> = match c["command"].as_array() {
            Some(cmd) if !cmd.is_empty() => cmd
                .iter()
                .filter_map(|s| s.as_str().map(String::from))
                .collect(),
            // An imported image brings its own entrypoint (ctr uses it when argv is empty).
            _ if imported => vec![],
            _ => rootfs::entrypoint(kind),
        };
        argv.extend(
            c["args"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|s| s.as_str().map(String::from)),
        );
        if argv.is_empty() && !imported {
            bail!("no command specified");
        }
        let mut env = vec![
            format!("HOSTNAME={}", self.hostname()),
            "PATH=/bin:/usr/bin:/".to_string(),
        ];
        for e in c["env"].as_array().into_iter().flatten() {
            let value = match e["value"].as_str() {
                Some(v) => v.to_string(),
                None => self.field(
                    e["valueFrom"]["fieldRef"]["fieldPath"]
                        .as_str()
                        .unwrap_or(""),
                ),
            };
            env.push(format!("{}={value}", e["name"].as_str().unwrap_or("")));
        }
        let mut mounts = if imported {
            vec![]
        } else {
            rootfs::image_mounts(kind)
        };
        mounts.extend(self.mounts(&c)?);
        let pod_dir = paths::pod_dir(&state, &self.uid);
        std::fs::create_dir_all(&pod_dir)?;
        let term = paths::termination_file(&state, &self.uid, cname);
        std::fs::write(&term, "")?;
        let term_path = c["terminationMessagePath"]
            .as_str()
            .unwrap_or("/dev/termination-log")
            .to_string();
        mounts.push((term, term_path, false));
        let sc = &c["securityContext"];
        let strings = |v: &Value| -> Vec<String> {
            v.as_array()
                .into_iter()
                .flatten()
                .filter_map(|s| s.as_str().map(String::from))
                .collect()
        };
        let (cap_add, cap_drop) = runtime::capability_flags(
            &strings(&sc["capabilities"]["add"]),
            &strings(&sc["capabilities"]["drop"]),
        );
        let id = hex_id();
        let spec = runtime::RunSpec {
            cgroup: node_runtime::cgroup(self.runtime, &id),
            id,
            rootfs: paths::rootfs(&state, kind),
            image: imported.then_some(reference),
            argv,
            env,
            cwd: c["workingDir"].as_str().map(String::from),
            netns: self.netns.clone().unwrap_or_default(),
            host_network: self.host_network,
            labels: {
                let mut l = self.cri_labels();
                l.push(format!("{CONTAINER_TYPE_LABEL}=container"));
                l.push(format!("io.kubernetes.container.name={cname}"));
                if let Some(sandbox) = &self.sandbox {
                    l.push(format!("io.kubernetes.cri.sandbox-id={sandbox}"));
                }
                l
            },
            host_pid: self.pod["spec"]["hostPID"].as_bool().unwrap_or(false),
            mounts,
            log: paths::log_file(&state, &self.uid, cname),
            privileged: sc["privileged"].as_bool().unwrap_or(false),
            read_only: sc["readOnlyRootFilesystem"].as_bool().unwrap_or(false),
            // Kubelets default to RuntimeDefault (SeccompDefault); Unconfined opts out.
            seccomp: seccomp_type(&self.pod["spec"]["securityContext"], sc) != "Unconfined",
            cap_add,
            cap_drop,
        };
        runtime::run(&spec).await?;
        Ok(spec.id)
    }

    /// Notices containers that exited, records how, and restarts them if the policy says so.
    async fn observe(&mut self) {
        let tasks = self.agent.tasks.borrow().clone();
        let policy = self.pod["spec"]["restartPolicy"]
            .as_str()
            .unwrap_or("Always")
            .to_string();
        for i in 0..self.ctrs.len() {
            let State::Running { started } = self.ctrs[i].state.clone() else {
                continue;
            };
            let id = self.ctrs[i].id.clone();
            if tasks.get(&id).is_some_and(|(_, s)| s != "STOPPED") {
                continue;
            }
            // The snapshot may predate the start; confirm with containerd before reaping.
            if !tasks.contains_key(&id) {
                if let Ok(fresh) = runtime::tasks().await {
                    if fresh.get(&id).is_some_and(|(_, s)| s != "STOPPED") {
                        continue;
                    }
                }
            }
            let mut code = runtime::reap(&id).await.unwrap_or(255);
            let message = self.termination_message(i, code);
            let pod_ref = format!("{}_{}({})", self.name, self.ns, self.uid);
            let c = &mut self.ctrs[i];
            c.ready = false;
            let reason = if c.oom_killed {
                code = 137;
                "OOMKilled"
            } else if code == 0 {
                "Completed"
            } else {
                "Error"
            };
            c.state = State::Terminated {
                code,
                reason: reason.into(),
                message,
                started,
                finished: now(),
            };
            let restart = policy == "Always" || (policy == "OnFailure" && code != 0);
            if restart {
                c.last = json!({"terminated": state_json(&c.state, &node_runtime::container_id(self.runtime, &c.id))["terminated"]});
                runtime::remove(&id).await;
                // The kubelet's rule: restart at once unless the container is in back-off
                // (it crashed before, less than 2 × the cap ago); then wait the back-off.
                let now = Instant::now();
                match c.crash_backoff.current(now) {
                    None => {
                        c.crash_backoff.next(now);
                        c.restarts += 1;
                        self.start_container(i).await;
                    }
                    Some(delay) => {
                        let cname = c.spec["name"].as_str().unwrap_or("");
                        c.state = State::Waiting(
                            "CrashLoopBackOff".into(),
                            format!(
                                "back-off {} restarting failed container={cname} pod={pod_ref}",
                                go_duration(delay)
                            ),
                        );
                        c.retry_at = Some(now + delay);
                    }
                }
            }
        }
    }

    /// Tries again the containers whose back-off (crash or image pull) has run out.
    async fn retry_waiting(&mut self) {
        let now = Instant::now();
        for i in 0..self.ctrs.len() {
            let c = &mut self.ctrs[i];
            let State::Waiting(reason, _) = &c.state else {
                continue;
            };
            let reason = reason.clone();
            let due = c.retry_at.is_some_and(|t| now >= t);
            let shown = c
                .pull_failed_at
                .is_some_and(|t| now >= t + Duration::from_secs(1));
            match (reason.as_str(), due) {
                ("CrashLoopBackOff", true) => {
                    c.crash_backoff.next(now);
                    c.restarts += 1;
                    self.start_container(i).await;
                }
                ("ErrImagePull" | "ImagePullBackOff", true) => self.start_container(i).await,
                ("ErrImagePull", false) if shown => {
                    let image = c.spec["image"].as_str().unwrap_or("");
                    c.state = State::Waiting(
                        "ImagePullBackOff".into(),
                        format!("Back-off pulling image \"{image}\""),
                    );
                }
                _ => {}
            }
        }
    }

    /// Carries out what `dumpy-lab oom-kill` and `dumpy-lab evict` asked for.
    async fn apply_ops(&mut self) {
        for op in self.agent.app.node_ops.take(&self.uid) {
            match op {
                Op::OomKill { container } => {
                    let found = self.ctrs.iter_mut().find(|c| {
                        c.spec["name"] == container.as_str()
                            && matches!(c.state, State::Running { .. })
                    });
                    if let Some(c) = found {
                        c.oom_killed = true;
                        let _ = runtime::kill(&c.id, "SIGKILL").await;
                    }
                }
                Op::Evict { message } if self.evicted.is_none() => self.evict(message).await,
                Op::Evict { .. } => {}
            }
        }
    }

    /// Node-pressure eviction as the kubelet does it: kill every container at once (a hard
    /// threshold has no grace period), tear down the pod's sandbox (its network namespace),
    /// and fail the pod with reason `Evicted`. The pod object stays until it is deleted.
    async fn evict(&mut self, message: String) {
        let running: Vec<usize> = (0..self.ctrs.len())
            .filter(|i| matches!(self.ctrs[*i].state, State::Running { .. }))
            .collect();
        for i in &running {
            let _ = runtime::kill(&self.ctrs[*i].id, "SIGKILL").await;
        }
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            let tasks = runtime::tasks().await.unwrap_or_default();
            if running.iter().all(|i| {
                tasks
                    .get(&self.ctrs[*i].id)
                    .is_none_or(|(_, s)| s == "STOPPED")
            }) {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        for i in running {
            let code = runtime::reap(&self.ctrs[i].id).await.unwrap_or(137);
            let c = &mut self.ctrs[i];
            let State::Running { started } = c.state.clone() else {
                continue;
            };
            c.state = State::Terminated {
                code,
                reason: "Error".into(),
                message: String::new(),
                started,
                finished: now(),
            };
        }
        for c in &mut self.ctrs {
            c.ready = false;
            c.retry_at = None;
        }
        // The sandbox goes with the pod's network, so what watches the pod (the sniffer
        // follows the sandbox) sees it end, as after a kubelet's eviction.
        if let Some(id) = self.sandbox.take() {
            runtime::remove(&id).await;
        }
        if let Some(ns) = self.netns.take() {
            network::delete_pod_network(&ns).await;
        }
        self.evicted = Some(message);
    }

    /// The kubelet's rule: the file at terminationMessagePath, else (FallbackToLogsOnError,
    /// on failure) the log's last lines; at most 4096 bytes.
    fn termination_message(&self, i: usize, code: i32) -> String {
        let state = self.state_dir();
        let c = &self.ctrs[i].spec;
        let cname = c["name"].as_str().unwrap_or("");
        let mut msg = std::fs::read_to_string(paths::termination_file(&state, &self.uid, cname))
            .unwrap_or_default();
        if msg.is_empty() && code != 0 && c["terminationMessagePolicy"] == "FallbackToLogsOnError" {
            let log = std::fs::read_to_string(paths::log_file(&state, &self.uid, cname))
                .unwrap_or_default();
            let lines: Vec<&str> = log.lines().collect();
            msg = lines[lines.len().saturating_sub(80)..].join("\n");
            if msg.len() > 2048 {
                msg = msg[msg.len() - 2048..].to_string();
            }
        }
        msg.truncate(4096);
        msg
    }

    /// Runs exec readiness probes that are due.
    async fn probe(&mut self) {
        for i in 0..self.ctrs.len() {
            let c = &self.ctrs[i];
            let Some(due) = c.probe_due else { continue };
            if !matches!(c.state, State::Running { .. }) || Instant::now() < due {
                continue;
            }
            let p = c.spec["readinessProbe"].clone();
            let period = p["periodSeconds"].as_u64().unwrap_or(10).max(1);
            // A probe may take longer than its timeoutSeconds when many start at once on this
            // small machine; the lab allows at least 10 s so that load does not fake failures.
            let timeout = p["timeoutSeconds"].as_u64().unwrap_or(1).max(10);
            let ok = match p["exec"]["command"].as_array() {
                Some(cmd) => {
                    let argv: Vec<String> = cmd
                        .iter()
                        .filter_map(|s| s.as_str().map(String::from))
                        .collect();
                    let mut command = runtime::exec_command(&c.id, &argv);
                    command
                        .stdout(std::process::Stdio::null())
                        .stderr(std::process::Stdio::null());
                    matches!(tokio::time::timeout(Duration::from_secs(timeout), command.status()).await, Ok(Ok(s)) if s.success())
                }
                None => true,
            };
            let c = &mut self.ctrs[i];
            if ok {
                c.ready = true;
                c.probe_failures = 0;
            } else {
                c.probe_failures += 1;
                if c.probe_failures >= p["failureThreshold"].as_u64().unwrap_or(3) as u32 {
                    c.ready = false;
                }
            }
            c.probe_due = Some(Instant::now() + Duration::from_secs(period));
        }
    }

    /// The pod phase by the kubelet's rule (getPhase): Pending while a container waits to
    /// start for the first time; Running while one runs, or all stopped and they will be
    /// restarted (a container in CrashLoopBackOff counts as stopped); else Succeeded or Failed.
    fn phase(&self, policy: &str) -> &'static str {
        if self.evicted.is_some() {
            return "Failed";
        }
        let (mut running, mut waiting, mut stopped, mut failed) = (0, 0, 0, 0);
        for c in &self.ctrs {
            match &c.state {
                State::Running { .. } => running += 1,
                State::Terminated { code, .. } => {
                    stopped += 1;
                    failed += usize::from(*code != 0);
                }
                State::Waiting(..) if c.last["terminated"].is_object() => {
                    stopped += 1;
                    failed += usize::from(c.last["terminated"]["exitCode"] != 0);
                }
                State::Waiting(..) => waiting += 1,
            }
        }
        if waiting > 0 {
            "Pending"
        } else if running > 0 {
            "Running"
        } else if stopped > 0 {
            match policy {
                "Always" => "Running",
                "OnFailure" if failed > 0 => "Running",
                "OnFailure" => "Succeeded",
                _ if failed > 0 => "Failed",
                _ => "Succeeded",
            }
        } else {
            "Pending"
        }
    }

    fn status(&self) -> Value {
        let all_ready = !self.ctrs.is_empty() && self.ctrs.iter().all(|c| c.ready);
        let policy = self.pod["spec"]["restartPolicy"]
            .as_str()
            .unwrap_or("Always");
        let phase = self.phase(policy);
        let tf = |b: bool| if b { "True" } else { "False" };
        let old = self.agent.app.store.get("pods", &self.ns, &self.name);
        let since = |ty: &str, val: &str| -> Value {
            // Keep lastTransitionTime while a condition's status is unchanged.
            old.as_ref()
                .and_then(|o| o["status"]["conditions"].as_array().cloned())
                .and_then(|cs| {
                    cs.into_iter()
                        .find(|c| c["type"] == ty && c["status"] == val)
                })
                .map(|c| c["lastTransitionTime"].clone())
                .unwrap_or_else(|| json!(now()))
        };
        let cond = |ty: &str, val: &str| json!({"type": ty, "status": val, "lastProbeTime": null, "lastTransitionTime": since(ty, val)});
        // A DisruptionTarget condition (set by an API eviction, or by the node's) stays.
        let disruption = match &self.evicted {
            Some(_) => Some(
                json!({"type": "DisruptionTarget", "status": "True", "reason": "TerminationByKubelet",
                                   "message": "The node was low on resource: memory.", "lastProbeTime": null,
                                   "lastTransitionTime": since("DisruptionTarget", "True")}),
            ),
            None => old.as_ref().and_then(|o| {
                o["status"]["conditions"]
                    .as_array()?
                    .iter()
                    .find(|c| c["type"] == "DisruptionTarget")
                    .cloned()
            }),
        };
        let statuses: Vec<Value> = self
            .ctrs
            .iter()
            .map(|c| {
                let mut s = json!({
                    "name": c.spec["name"], "image": c.spec["image"], "imageID": "",
                    "ready": c.ready, "restartCount": c.restarts, "state": state_json(&c.state, &node_runtime::container_id(self.runtime, &c.id)),
                    "lastState": c.last, "started": matches!(c.state, State::Running { .. }),
                });
                if !c.id.is_empty() {
                    s["containerID"] = json!(node_runtime::container_id(self.runtime, &c.id));
                }
                s
            })
            .collect();
        let mut st = json!({
            "phase": phase, "qosClass": "BestEffort", "startTime": self.start_time,
            "hostIP": network::pod_ip(1).to_string(), "hostIPs": [{"ip": network::pod_ip(1).to_string()}],
            "conditions": [
                cond("PodReadyToStartContainers", tf(self.network_ready)), cond("Initialized", "True"),
                cond("Ready", tf(all_ready && phase == "Running")), cond("ContainersReady", tf(all_ready)),
                cond("PodScheduled", "True"),
            ],
            "containerStatuses": statuses,
        });
        if let Some(d) = disruption {
            st["conditions"].as_array_mut().unwrap().push(d);
        }
        if let Some(message) = &self.evicted {
            st["reason"] = json!("Evicted");
            st["message"] = json!(message);
        }
        if let Some(ip) = self.pod_ip() {
            st["podIP"] = json!(ip.to_string());
            st["podIPs"] = json!([{"ip": ip.to_string()}]);
        }
        st
    }

    /// The pod's own address, or the host's for a hostNetwork pod.
    fn pod_ip(&self) -> Option<std::net::Ipv4Addr> {
        if self.host_network && self.network_ready {
            return Some(network::pod_ip(1));
        }
        self.ip.map(network::pod_ip)
    }

    fn publish(&self) {
        let st = self.status();
        let uid = self.uid.clone();
        self.agent
            .app
            .store
            .update("pods", &self.ns, &self.name, |o| {
                if o["metadata"]["uid"] == uid.as_str() {
                    o["status"] = st;
                }
            });
    }

    /// SIGTERM, wait up to the grace period, SIGKILL; then remove everything and the pod.
    async fn terminate(&mut self) {
        let pod = self.agent.app.store.get("pods", &self.ns, &self.name);
        let grace = pod
            .as_ref()
            .and_then(|p| p["metadata"]["deletionGracePeriodSeconds"].as_u64())
            .unwrap_or(30);
        let running: Vec<String> = self
            .ctrs
            .iter()
            .filter(|c| matches!(c.state, State::Running { .. }))
            .map(|c| c.id.clone())
            .collect();
        for id in &running {
            let _ = runtime::kill(id, "SIGTERM").await;
        }
        let deadline = Instant::now() + Duration::from_secs(grace);
        while !running.is_empty() && Instant::now() < deadline {
            let tasks = runtime::tasks().await.unwrap_or_default();
            if running
                .iter()
                .all(|id| tasks.get(id).is_none_or(|(_, s)| s == "STOPPED"))
            {
                break;
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        for id in &running {
            let _ = runtime::kill(id, "SIGKILL").await;
        }
        for c in &self.ctrs {
            if !c.id.is_empty() {
                runtime::remove(&c.id).await;
            }
        }
        // The sandbox goes last, with the pod's network, as a kubelet's pause container does.
        if let Some(id) = self.sandbox.take() {
            runtime::remove(&id).await;
        }
        if let Some(ns) = self.netns.take() {
            network::delete_pod_network(&ns).await;
        }
        if let Some(h) = self.ip.take() {
            self.agent.free_ip(h);
        }
        let _ = std::fs::remove_dir_all(paths::pod_dir(&self.state_dir(), &self.uid));
        if pod.is_some_and(|p| p["metadata"]["uid"] == self.uid.as_str()) {
            self.agent.app.store.remove("pods", &self.ns, &self.name);
        }
    }
}

/// The effective seccomp profile type: the container's, else the pod's, else RuntimeDefault.
fn seccomp_type<'a>(pod_sc: &'a Value, sc: &'a Value) -> &'a str {
    sc["seccompProfile"]["type"]
        .as_str()
        .or_else(|| pod_sc["seccompProfile"]["type"].as_str())
        .unwrap_or("RuntimeDefault")
}

/// `container_id` is the full `<scheme>://<id>` of the container.
fn state_json(s: &State, container_id: &str) -> Value {
    match s {
        State::Waiting(reason, message) if message.is_empty() => {
            json!({"waiting": {"reason": reason}})
        }
        State::Waiting(reason, message) => {
            json!({"waiting": {"reason": reason, "message": message}})
        }
        State::Running { started } => json!({"running": {"startedAt": started}}),
        State::Terminated {
            code,
            reason,
            message,
            started,
            finished,
        } => {
            let mut t = json!({"exitCode": code, "reason": reason, "startedAt": started, "finishedAt": finished,
                               "containerID": container_id});
            if !message.is_empty() {
                t["message"] = json!(message);
            }
            json!({"terminated": t})
        }
    }
}
