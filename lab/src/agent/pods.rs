//! Pod lifecycle on the node agent: start each container of a scheduled pod (volumes, env,
//! security context, host PID), watch them (exit codes, restarts for restartPolicy Always),
//! evaluate exec readiness probes, publish status like the kubelet, and on deletion send
//! SIGTERM, then SIGKILL after the grace period, clean up and remove the pod.

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

pub struct Agent {
    app: Arc<App>,
    tasks: watch::Receiver<Tasks>,
    ips: Mutex<BTreeSet<u8>>,
    /// Images imported into containerd at `up` (normalised names).
    images: Vec<String>,
    /// uid -> deletion signal of the pod's task.
    pods: Mutex<HashMap<String, watch::Sender<bool>>>,
}

/// Starts the agent: a poller of containerd task states and the pod event loop.
pub fn start(app: Arc<App>) -> Arc<Agent> {
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
}

struct PodRun {
    agent: Arc<Agent>,
    pod: Value,
    uid: String,
    ns: String,
    name: String,
    netns: Option<String>,
    ip: Option<u8>,
    ctrs: Vec<Ctr>,
    start_time: String,
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
            ip: None,
            ctrs,
            start_time: now(),
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
                self.observe().await;
                self.probe().await;
                self.publish();
            }
        }
        self.terminate().await;
    }

    async fn setup_network(&mut self) -> Result<()> {
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
            "status.podIP" => self
                .ip
                .map(|h| network::pod_ip(h).to_string())
                .unwrap_or_default(),
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

    async fn start_container(&mut self, i: usize) {
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
        let kind = rootfs::for_image(c["image"].as_str().unwrap_or(""));
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
            format!("HOSTNAME={}", self.name),
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
            let code = runtime::reap(&id).await.unwrap_or(255);
            let message = self.termination_message(i, code);
            let c = &mut self.ctrs[i];
            c.ready = false;
            c.state = State::Terminated {
                code,
                reason: if code == 0 {
                    "Completed".into()
                } else {
                    "Error".into()
                },
                message,
                started,
                finished: now(),
            };
            let restart = policy == "Always" || (policy == "OnFailure" && code != 0);
            if restart {
                c.last = json!({"terminated": state_json(&c.state, &node_runtime::container_id(self.runtime, &c.id))["terminated"]});
                c.restarts += 1;
                runtime::remove(&id).await;
                self.start_container(i).await;
            }
        }
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

    fn status(&self) -> Value {
        let all_ready = !self.ctrs.is_empty() && self.ctrs.iter().all(|c| c.ready);
        let terminated: Vec<i32> = self
            .ctrs
            .iter()
            .filter_map(|c| match c.state {
                State::Terminated { code, .. } => Some(code),
                _ => None,
            })
            .collect();
        let policy = self.pod["spec"]["restartPolicy"]
            .as_str()
            .unwrap_or("Always");
        let phase = if terminated.len() == self.ctrs.len() && policy != "Always" {
            if terminated.iter().all(|c| *c == 0) {
                "Succeeded"
            } else {
                "Failed"
            }
        } else if self
            .ctrs
            .iter()
            .all(|c| !matches!(c.state, State::Waiting(..)))
        {
            "Running"
        } else {
            "Pending"
        };
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
                cond("PodReadyToStartContainers", tf(self.netns.is_some())), cond("Initialized", "True"),
                cond("Ready", tf(all_ready && phase == "Running")), cond("ContainersReady", tf(all_ready)),
                cond("PodScheduled", "True"),
            ],
            "containerStatuses": statuses,
        });
        if let Some(h) = self.ip {
            st["podIP"] = json!(network::pod_ip(h).to_string());
            st["podIPs"] = json!([{"ip": network::pod_ip(h).to_string()}]);
        }
        st
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
