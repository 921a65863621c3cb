//! The lab's standing cluster content: namespaces, nodes, a PVC, Deployment `web` (3 busybox
//! httpd replicas), DaemonSet `node-agent`, StatefulSet `db` (their ReplicaSet and pods are
//! the controllers' work), the two-container pod `multi`, and pod `client` that keeps
//! requesting the ready web pods, whose addresses the lab keeps in a file (an Endpoints
//! stand-in), so that the client follows rollouts and scaling.

use crate::agent::node_runtime::{self, Presented};
use crate::agent::paths;
use crate::api::objects::prepare_new;
use crate::api::{resources, validate, App};
use anyhow::{anyhow, bail, Result};
use serde_json::{json, Value};
use std::time::{Duration, Instant};

pub const NAMESPACE: &str = "demo";
pub const WORKLOAD_IMAGE: &str = "dumpy-lab/workload:1";

fn put(app: &App, plural: &str, obj: Value) -> Result<Value> {
    let res = resources::by_plural(plural).ok_or_else(|| anyhow!("unknown resource {plural}"))?;
    let obj = prepare_new(app, res, obj);
    let causes = validate::object(plural, &obj);
    if !causes.is_empty() {
        bail!(
            "fixture {plural}/{} is invalid: {causes:?}",
            obj["metadata"]["name"]
        );
    }
    app.store
        .create(plural, obj)
        .map_err(|_| anyhow!("fixture {plural} exists"))
}

fn httpd(port: u16) -> Value {
    json!([
        "/bin/busybox",
        "httpd",
        "-f",
        "-v",
        "-p",
        port.to_string(),
        "-h",
        "/www"
    ])
}

fn pod_spec(containers: Value) -> Value {
    json!({"containers": containers, "terminationGracePeriodSeconds": 2})
}

fn container(name: &str, command: Value, port: Option<u16>) -> Value {
    let mut c = json!({"name": name, "image": WORKLOAD_IMAGE, "command": command});
    if let Some(p) = port {
        c["ports"] = json!([{"containerPort": p, "protocol": "TCP"}]);
    }
    c
}

/// Creates everything, then waits until the workload pods run and `client` has its targets.
pub async fn create(app: &App, nodes: usize, runtimes: &[Presented]) -> Result<()> {
    for ns in ["default", "kube-system", "kube-public", NAMESPACE] {
        put(
            app,
            "namespaces",
            json!({"metadata": {"name": ns, "labels": {"kubernetes.io/metadata.name": ns}}}),
        )?;
    }
    let mut node_names = vec![];
    for i in 1..=nodes {
        let name = format!("lab-node-{i}");
        put(
            app,
            "nodes",
            json!({
                "metadata": {"name": name, "labels": {"kubernetes.io/hostname": name, "kubernetes.io/os": "linux", "kubernetes.io/arch": "amd64"}},
                "spec": {"podCIDR": "198.51.100.0/24"},
                "status": {
                    "conditions": [{"type": "Ready", "status": "True", "reason": "KubeletReady", "message": "dumpy-lab node agent is posting ready status"}],
                    "addresses": [{"type": "InternalIP", "address": "198.51.100.1"}, {"type": "Hostname", "address": name}],
                    "capacity": {"cpu": "2", "memory": "8Gi", "pods": "110"},
                    "allocatable": {"cpu": "2", "memory": "8Gi", "pods": "110"},
                    "nodeInfo": {"containerRuntimeVersion": node_runtime::for_node(runtimes, i - 1).runtime_version(), "kubeletVersion": "v1.30.0-dumpy-lab",
                                 "kubeProxyVersion": "v1.30.0-dumpy-lab", "operatingSystem": "linux", "architecture": "amd64",
                                 "osImage": "dumpy-lab", "kernelVersion": "", "machineID": "", "systemUUID": "", "bootID": ""},
                },
            }),
        )?;
        node_names.push(name);
    }
    put(
        app,
        "persistentvolumeclaims",
        json!({
            "metadata": {"name": "captures", "namespace": NAMESPACE},
            "spec": {"accessModes": ["ReadWriteMany"], "resources": {"requests": {"storage": "1Gi"}},
                     "storageClassName": "lab-local", "volumeMode": "Filesystem", "volumeName": "pv-demo-captures"},
            "status": {"phase": "Bound", "accessModes": ["ReadWriteMany"], "capacity": {"storage": "1Gi"}},
        }),
    )?;

    // The workloads; the controllers make their ReplicaSet and pods.
    let web_labels = json!({"app": "web"});
    put(
        app,
        "deployments",
        json!({
            "metadata": {"name": "web", "namespace": NAMESPACE, "labels": web_labels},
            "spec": {"replicas": 3, "selector": {"matchLabels": web_labels},
                     "template": {"metadata": {"labels": web_labels},
                                  "spec": pod_spec(json!([container("httpd", httpd(80), Some(80))]))}},
        }),
    )?;
    let ds_labels = json!({"app": "node-agent"});
    put(
        app,
        "daemonsets",
        json!({
            "metadata": {"name": "node-agent", "namespace": NAMESPACE, "labels": ds_labels},
            "spec": {"selector": {"matchLabels": ds_labels}, "template": {"metadata": {"labels": ds_labels},
                     "spec": pod_spec(json!([container("agent", httpd(9100), Some(9100))]))}},
        }),
    )?;
    let sts_labels = json!({"app": "db"});
    put(
        app,
        "statefulsets",
        json!({
            "metadata": {"name": "db", "namespace": NAMESPACE, "labels": sts_labels},
            "spec": {"replicas": 2, "serviceName": "db", "selector": {"matchLabels": sts_labels},
                     "template": {"metadata": {"labels": sts_labels},
                                  "spec": pod_spec(json!([container("db", httpd(5432), Some(5432))]))}},
        }),
    )?;

    // Pod multi: app + sidecar, app is the default container.
    put(
        app,
        "pods",
        json!({
            "metadata": {"name": "multi", "namespace": NAMESPACE, "labels": {"app": "multi"},
                         "annotations": {"kubectl.kubernetes.io/default-container": "app"}},
            "spec": pod_spec(json!([
                container("app", httpd(8080), Some(8080)),
                container("sidecar", json!(["/bin/sh", "-c", "while true; do wget -q -O /dev/null http://127.0.0.1:8080/ && echo sidecar: app ok; sleep 2; done"]), None),
            ])),
        }),
    )?;

    // Pod client, once the web pods have addresses. It reads them each round from the lab's
    // stand-in for the web endpoints (a file the lab keeps current), so it follows rollouts.
    wait_for_ips(app, "app=web", 3).await?;
    let endpoints = paths::endpoints_dir(&app.state_dir);
    std::fs::create_dir_all(&endpoints)?;
    write_web_endpoints(app)?;
    let mut client = container("client", json!(["/bin/sh", "-c",
        "while true; do for ip in $(cat /lab/endpoints/web); do if wget -q -O /dev/null http://$ip/; then echo \"GET http://$ip/ ok\"; else echo \"GET http://$ip/ failed\"; fi; done; sleep 1; done"]), None);
    client["volumeMounts"] =
        json!([{"name": "endpoints", "mountPath": "/lab/endpoints", "readOnly": true}]);
    let mut spec = pod_spec(json!([client]));
    spec["volumes"] =
        json!([{"name": "endpoints", "hostPath": {"path": endpoints, "type": "Directory"}}]);
    put(
        app,
        "pods",
        json!({"metadata": {"name": "client", "namespace": NAMESPACE, "labels": {"app": "client"}},
                            "spec": spec}),
    )?;
    wait_all_ready(app, Duration::from_secs(120)).await
}

async fn wait_for_ips(app: &App, selector: &str, n: usize) -> Result<Vec<String>> {
    let sel = crate::api::selector::LabelSelector::parse(selector).map_err(|e| anyhow!(e))?;
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let ips: Vec<String> = app
            .store
            .list("pods", Some(NAMESPACE))
            .0
            .iter()
            .filter(|p| sel.matches(p))
            .filter_map(|p| p["status"]["podIP"].as_str().map(String::from))
            .collect();
        if ips.len() >= n {
            return Ok(ips);
        }
        if Instant::now() > deadline {
            bail!("web pods got no IPs within 60 s (see the server log)");
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

fn is_ready(p: &Value) -> bool {
    p["status"]["conditions"]
        .as_array()
        .into_iter()
        .flatten()
        .any(|c| c["type"] == "Ready" && c["status"] == "True")
}

async fn wait_all_ready(app: &App, limit: Duration) -> Result<()> {
    let deadline = Instant::now() + limit;
    loop {
        let pods = app.store.list("pods", None).0;
        let pending: Vec<String> = pods
            .iter()
            .filter(|p| !is_ready(p))
            .map(|p| {
                format!(
                    "{} {}",
                    p["metadata"]["name"], p["status"]["containerStatuses"]
                )
            })
            .collect();
        if pending.is_empty() {
            return Ok(());
        }
        if Instant::now() > deadline {
            bail!("fixture pods not Ready: {}", pending.join("; "));
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// The ready web pods' addresses, one a line, in the file the client pod reads.
fn write_web_endpoints(app: &App) -> Result<()> {
    let sel = crate::api::selector::LabelSelector::parse("app=web").map_err(|e| anyhow!(e))?;
    let mut ips: Vec<String> = app
        .store
        .list("pods", Some(NAMESPACE))
        .0
        .iter()
        .filter(|p| sel.matches(p) && is_ready(p) && p["metadata"]["deletionTimestamp"].is_null())
        .filter_map(|p| p["status"]["podIP"].as_str().map(String::from))
        .collect();
    ips.sort();
    let file = paths::endpoints_dir(&app.state_dir).join("web");
    let text = ips.join("\n") + "\n";
    if std::fs::read_to_string(&file).ok().as_deref() != Some(text.as_str()) {
        // Written whole and renamed, so the client never reads half a list.
        let tmp = file.with_extension("tmp");
        std::fs::write(&tmp, &text)?;
        std::fs::rename(&tmp, &file)?;
    }
    Ok(())
}

/// Keeps the web endpoints file current (once a second), as endpoints follow a Service.
pub async fn endpoints_loop(app: std::sync::Arc<App>) {
    loop {
        if let Err(e) = write_web_endpoints(&app) {
            tracing::warn!("web endpoints: {e:#}");
        }
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
}
