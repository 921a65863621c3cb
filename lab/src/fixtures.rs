//! The lab's standing cluster content: namespaces, nodes, a PVC, Deployment `web` (3 busybox
//! httpd replicas) with its ReplicaSet, DaemonSet `node-agent`, StatefulSet `db`, the
//! two-container pod `multi`, and pod `client` that keeps requesting the web pods. Also the
//! stand-in controllers' job that remains: keeping workload status counts current.

use crate::agent::node_runtime::{self, Presented};
use crate::api::objects::prepare_new;
use crate::api::{resources, validate, App};
use anyhow::{anyhow, bail, Result};
use serde_json::{json, Value};
use std::time::{Duration, Instant};

pub const NAMESPACE: &str = "demo";
pub const WORKLOAD_IMAGE: &str = "dumpy-lab/workload:1";
const TEMPLATE_HASH: &str = "7c5ddbdf54";

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

fn owner(kind: &str, o: &Value) -> Value {
    let api = if kind == "Node" { "v1" } else { "apps/v1" };
    json!([{"apiVersion": api, "kind": kind, "name": o["metadata"]["name"], "uid": o["metadata"]["uid"],
            "controller": true, "blockOwnerDeletion": true}])
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

fn suffix(i: usize) -> String {
    const A: &[u8] = b"bcdfghjklmnpqrstvwxz2456789";
    (0..5)
        .map(|k| A[(i * 7 + k * 13 + 3) % A.len()] as char)
        .collect()
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

    // Deployment web -> ReplicaSet web-<hash> -> 3 pods.
    let web_labels = json!({"app": "web"});
    let web_tpl = json!({"metadata": {"labels": {"app": "web", "pod-template-hash": TEMPLATE_HASH}},
                         "spec": pod_spec(json!([container("httpd", httpd(80), Some(80))]))});
    let deploy = put(
        app,
        "deployments",
        json!({
            "metadata": {"name": "web", "namespace": NAMESPACE, "labels": web_labels},
            "spec": {"replicas": 3, "selector": {"matchLabels": web_labels}, "strategy": {"type": "RollingUpdate"},
                     "template": {"metadata": {"labels": web_labels}, "spec": web_tpl["spec"]}},
        }),
    )?;
    let rs_name = format!("web-{TEMPLATE_HASH}");
    let rs = put(
        app,
        "replicasets",
        json!({
            "metadata": {"name": rs_name, "namespace": NAMESPACE, "labels": web_tpl["metadata"]["labels"],
                         "ownerReferences": owner("Deployment", &deploy),
                         "annotations": {"deployment.kubernetes.io/revision": "1"}},
            "spec": {"replicas": 3, "selector": {"matchLabels": web_tpl["metadata"]["labels"]}, "template": web_tpl},
        }),
    )?;
    for i in 0..3 {
        put(
            app,
            "pods",
            json!({
                "metadata": {"name": format!("{rs_name}-{}", suffix(i)), "namespace": NAMESPACE,
                             "labels": web_tpl["metadata"]["labels"], "ownerReferences": owner("ReplicaSet", &rs)},
                "spec": web_tpl["spec"],
            }),
        )?;
    }

    // DaemonSet node-agent: one pod per node.
    let ds_labels = json!({"app": "node-agent"});
    let ds_spec = pod_spec(json!([container("agent", httpd(9100), Some(9100))]));
    let ds = put(
        app,
        "daemonsets",
        json!({
            "metadata": {"name": "node-agent", "namespace": NAMESPACE, "labels": ds_labels},
            "spec": {"selector": {"matchLabels": ds_labels}, "template": {"metadata": {"labels": ds_labels}, "spec": ds_spec}},
        }),
    )?;
    for (i, node) in node_names.iter().enumerate() {
        let mut spec = ds_spec.clone();
        spec["nodeName"] = json!(node);
        put(
            app,
            "pods",
            json!({
                "metadata": {"name": format!("node-agent-{}", suffix(10 + i)), "namespace": NAMESPACE, "labels": ds_labels,
                             "ownerReferences": owner("DaemonSet", &ds)},
                "spec": spec,
            }),
        )?;
    }

    // StatefulSet db: db-0, db-1.
    let sts_labels = json!({"app": "db"});
    let sts_spec = pod_spec(json!([container("db", httpd(5432), Some(5432))]));
    let sts = put(
        app,
        "statefulsets",
        json!({
            "metadata": {"name": "db", "namespace": NAMESPACE, "labels": sts_labels},
            "spec": {"replicas": 2, "serviceName": "db", "selector": {"matchLabels": sts_labels},
                     "template": {"metadata": {"labels": sts_labels}, "spec": sts_spec}},
        }),
    )?;
    for i in 0..2 {
        let name = format!("db-{i}");
        put(
            app,
            "pods",
            json!({
                "metadata": {"name": name, "namespace": NAMESPACE, "ownerReferences": owner("StatefulSet", &sts),
                             "labels": {"app": "db", "statefulset.kubernetes.io/pod-name": name}},
                "spec": sts_spec,
            }),
        )?;
    }

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

    // Pod client, once the web pods have addresses.
    let web_ips = wait_for_ips(app, "app=web", 3).await?;
    let mut client = container("client", json!(["/bin/sh", "-c",
        "while true; do for ip in $WEB_PODS; do if wget -q -O /dev/null http://$ip/; then echo \"GET http://$ip/ ok\"; else echo \"GET http://$ip/ failed\"; fi; done; sleep 1; done"]), None);
    client["env"] = json!([{"name": "WEB_PODS", "value": web_ips.join(" ")}]);
    put(
        app,
        "pods",
        json!({"metadata": {"name": "client", "namespace": NAMESPACE, "labels": {"app": "client"}},
                            "spec": pod_spec(json!([client]))}),
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

/// Keeps the status counts of deployments, replicasets, daemonsets and statefulsets current.
pub async fn workload_status_loop(app: std::sync::Arc<App>) {
    loop {
        for plural in ["deployments", "replicasets", "daemonsets", "statefulsets"] {
            for w in app.store.list(plural, None).0 {
                let ns = w["metadata"]["namespace"]
                    .as_str()
                    .unwrap_or("")
                    .to_string();
                let name = w["metadata"]["name"].as_str().unwrap_or("").to_string();
                let labels: Vec<String> = w["spec"]["selector"]["matchLabels"]
                    .as_object()
                    .into_iter()
                    .flatten()
                    .map(|(k, v)| format!("{k}={}", v.as_str().unwrap_or("")))
                    .collect();
                let Ok(sel) = crate::api::selector::LabelSelector::parse(&labels.join(",")) else {
                    continue;
                };
                let pods: Vec<Value> = app
                    .store
                    .list("pods", Some(&ns))
                    .0
                    .into_iter()
                    .filter(|p| sel.matches(p))
                    .collect();
                let total = pods.len() as i64;
                let ready = pods.iter().filter(|p| is_ready(p)).count() as i64;
                let status = match plural {
                    "daemonsets" => {
                        json!({"desiredNumberScheduled": total, "currentNumberScheduled": total, "numberReady": ready,
                                           "numberAvailable": ready, "updatedNumberScheduled": total, "numberMisscheduled": 0, "observedGeneration": 1})
                    }
                    "statefulsets" => {
                        json!({"replicas": total, "readyReplicas": ready, "currentReplicas": total, "updatedReplicas": total,
                                             "availableReplicas": ready, "observedGeneration": 1})
                    }
                    "replicasets" => {
                        json!({"replicas": total, "readyReplicas": ready, "availableReplicas": ready, "fullyLabeledReplicas": total, "observedGeneration": 1})
                    }
                    _ => {
                        json!({"replicas": total, "readyReplicas": ready, "availableReplicas": ready, "updatedReplicas": total, "observedGeneration": 1,
                                "conditions": [{"type": "Available", "status": if ready == total { "True" } else { "False" }, "reason": "MinimumReplicasAvailable"}]})
                    }
                };
                app.store
                    .update(plural, &ns, &name, |o| o["status"] = status);
            }
        }
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
}
