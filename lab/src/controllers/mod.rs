//! The lab's controller manager: the Deployment, ReplicaSet, StatefulSet and DaemonSet
//! controllers and the garbage collector, reconciling every workload whenever the store
//! changes (and every second). They make pods as the real ones do — names, labels
//! (`pod-template-hash`, `controller-revision-hash`, …), `ownerReferences` with
//! `controller: true` — and keep the workloads' status fields current, so that `kubectl
//! scale`, `kubectl rollout restart|status`, `kubectl set image` and a deleted pod being
//! replaced behave as on a cluster.

mod daemonset;
mod deployment;
mod replicaset;
mod statefulset;

use crate::api::objects::{delete, generate_name, now, prepare_new};
use crate::api::{podsecurity, resources, validate, App};
use axum::body::Bytes;
use serde_json::{json, Value};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::broadcast::error::TryRecvError;

/// The kinds whose objects the controllers own, and the resources they own.
const WATCHED: &[&str] = &[
    "pods",
    "replicasets",
    "deployments",
    "statefulsets",
    "daemonsets",
    "nodes",
];

/// Runs the controllers until the process ends.
pub async fn run(app: Arc<App>) {
    let mut events = app.store.subscribe();
    loop {
        reconcile_all(&app);
        tokio::select! {
            _ = async {
                while let Ok(ev) = events.recv().await {
                    if WATCHED.contains(&ev.resource.as_str()) { break; }
                }
            } => {}
            _ = tokio::time::sleep(Duration::from_secs(1)) => {}
        }
        // Let a burst of changes (a kubectl apply, a node agent's status round) settle.
        tokio::time::sleep(Duration::from_millis(100)).await;
        while let Ok(_) | Err(TryRecvError::Lagged(_)) = events.try_recv() {}
    }
}

/// One pass of every controller over the whole store.
pub fn reconcile_all(app: &App) {
    collect_garbage(app);
    let pods = app.store.list("pods", None).0;
    for d in app.store.list("deployments", None).0 {
        deployment::reconcile(app, &d, &pods);
    }
    let pods = app.store.list("pods", None).0;
    for rs in app.store.list("replicasets", None).0 {
        replicaset::reconcile(app, &rs, &pods);
    }
    for s in app.store.list("statefulsets", None).0 {
        statefulset::reconcile(app, &s, &pods);
    }
    let nodes = app.store.list("nodes", None).0;
    for ds in app.store.list("daemonsets", None).0 {
        daemonset::reconcile(app, &ds, &pods, &nodes);
    }
}

fn str_of<'a>(v: &'a Value, path: &[&str]) -> &'a str {
    path.iter().fold(v, |v, k| &v[*k]).as_str().unwrap_or("")
}

pub fn ns_of(o: &Value) -> &str {
    str_of(o, &["metadata", "namespace"])
}

pub fn name_of(o: &Value) -> &str {
    str_of(o, &["metadata", "name"])
}

fn uid_of(o: &Value) -> &str {
    str_of(o, &["metadata", "uid"])
}

/// The uid of the object's controller (the ownerReference with `controller: true`).
fn controller_uid(o: &Value) -> Option<&str> {
    o["metadata"]["ownerReferences"]
        .as_array()?
        .iter()
        .find(|r| r["controller"] == true)?["uid"]
        .as_str()
}

/// The objects of `items` that `owner` controls.
pub fn owned<'a>(items: &'a [Value], owner: &Value) -> Vec<&'a Value> {
    items
        .iter()
        .filter(|o| ns_of(o) == ns_of(owner) && controller_uid(o) == Some(uid_of(owner)))
        .collect()
}

/// An ownerReference to `owner`, as controllers set it.
pub fn owner_ref(owner: &Value) -> Value {
    json!({"apiVersion": owner["apiVersion"], "kind": owner["kind"], "name": owner["metadata"]["name"],
           "uid": owner["metadata"]["uid"], "controller": true, "blockOwnerDeletion": true})
}

pub fn is_ready(p: &Value) -> bool {
    p["status"]["conditions"]
        .as_array()
        .into_iter()
        .flatten()
        .any(|c| c["type"] == "Ready" && c["status"] == "True")
}

pub fn is_terminating(p: &Value) -> bool {
    !p["metadata"]["deletionTimestamp"].is_null()
}

pub fn is_finished(p: &Value) -> bool {
    p["status"]["phase"] == "Failed" || p["status"]["phase"] == "Succeeded"
}

/// Counted by controllers: not being deleted and not finished (an evicted pod is Failed).
pub fn is_active(p: &Value) -> bool {
    !is_terminating(p) && !is_finished(p)
}

/// The hash controllers name template revisions by: FNV-1a (32 bit) of the template (and the
/// collision count), printed in decimal and mapped onto Kubernetes' safe alphabet, like
/// `controller.ComputeHash` + `rand.SafeEncodeString` (`web-7c5ddbdf54`).
pub fn template_hash(template: &Value, collisions: u64) -> String {
    let mut h: u32 = 0x811c_9dc5;
    let mut feed = |bytes: &[u8]| {
        for b in bytes {
            h ^= u32::from(*b);
            h = h.wrapping_mul(0x0100_0193);
        }
    };
    feed(template.to_string().as_bytes());
    if collisions > 0 {
        feed(&collisions.to_le_bytes());
    }
    const ALPHANUMS: &[u8] = b"bcdfghjklmnpqrstvwxz2456789";
    h.to_string()
        .bytes()
        .map(|b| ALPHANUMS[usize::from(b) % ALPHANUMS.len()] as char)
        .collect()
}

/// Creates an object as a controller does (defaults, validation, Pod Security admission for
/// pods); a refusal is logged, as a controller's FailedCreate event would say it.
pub fn create(app: &App, plural: &str, obj: Value) -> Option<Value> {
    let res = resources::by_plural(plural)?;
    let obj = prepare_new(app, res, obj);
    let what = format!("{plural} {}/{}", ns_of(&obj), name_of(&obj));
    let causes = validate::object(plural, &obj);
    if !causes.is_empty() {
        tracing::warn!("controller: cannot create {what}: {causes:?}");
        return None;
    }
    if plural == "pods" {
        if let Some(namespace) = app.store.get("namespaces", "", ns_of(&obj)) {
            if let Err(e) = podsecurity::admit_pod(&namespace, &obj) {
                tracing::warn!("controller: {what} refused: {}", e.message);
                return None;
            }
        }
    }
    app.store.create(plural, obj).ok()
}

/// A pod from `template`: its labels and annotations plus `labels`, controlled by `owner`.
pub fn pod_from_template(
    template: &Value,
    owner: &Value,
    name: PodName,
    labels: &[(&str, String)],
) -> Value {
    let mut meta = json!({"namespace": ns_of(owner), "ownerReferences": [owner_ref(owner)]});
    match name {
        PodName::Fixed(n) => meta["name"] = json!(n),
        PodName::Generate(prefix) => meta["generateName"] = json!(prefix),
    }
    meta["labels"] = template["metadata"]["labels"].clone();
    if meta["labels"].is_null() {
        meta["labels"] = json!({});
    }
    for (k, v) in labels {
        meta["labels"][*k] = json!(v);
    }
    if template["metadata"]["annotations"].is_object() {
        meta["annotations"] = template["metadata"]["annotations"].clone();
    }
    json!({"apiVersion": "v1", "kind": "Pod", "metadata": meta, "spec": template["spec"]})
}

pub enum PodName {
    Fixed(String),
    /// `generateName`: the API server adds five random characters.
    Generate(String),
}

/// Creates a pod; a generated name is drawn here (the store has no generateName).
pub fn create_pod(app: &App, mut pod: Value) -> Option<Value> {
    if let Some(prefix) = pod["metadata"]["generateName"].as_str() {
        pod["metadata"]["name"] = json!(generate_name(prefix));
    }
    create(app, "pods", pod)
}

/// Deletes a pod gracefully (its own grace period), as controllers do.
pub fn delete_pod(app: &App, pod: &Value) {
    if is_terminating(pod) {
        return;
    }
    let res = resources::by_plural("pods").unwrap();
    let _ = delete(
        app,
        res,
        ns_of(pod),
        name_of(pod),
        &HashMap::new(),
        &Bytes::new(),
        false,
    );
}

/// Sets a workload's status (and nothing else); no event when it is unchanged. Conditions
/// keep their transition times while their status stays the same.
pub fn set_status(app: &App, plural: &str, obj: &Value, mut status: Value) {
    if let Some(conds) = status["conditions"].as_array_mut() {
        for c in conds {
            let old = obj["status"]["conditions"]
                .as_array()
                .into_iter()
                .flatten()
                .find(|o| o["type"] == c["type"]);
            let same = old.is_some_and(|o| o["status"] == c["status"]);
            let same_reason = old.is_some_and(|o| o["reason"] == c["reason"]);
            let t = now();
            c["lastTransitionTime"] = match old {
                Some(o) if same => o["lastTransitionTime"].clone(),
                _ => json!(t),
            };
            if plural == "deployments" {
                c["lastUpdateTime"] = match old {
                    Some(o) if same && same_reason => o["lastUpdateTime"].clone(),
                    _ => json!(t),
                };
            }
        }
    }
    let uid = uid_of(obj).to_string();
    app.store.update(plural, ns_of(obj), name_of(obj), |o| {
        if o["metadata"]["uid"] == uid.as_str() {
            o["status"] = status;
        }
    });
}

/// Changes a workload's `spec.replicas` (a controller scaling its ReplicaSet).
pub fn set_replicas(app: &App, plural: &str, obj: &Value, replicas: i64) {
    let uid = uid_of(obj).to_string();
    app.store.update(plural, ns_of(obj), name_of(obj), |o| {
        if o["metadata"]["uid"] == uid.as_str() && o["spec"]["replicas"] != replicas {
            o["spec"]["replicas"] = json!(replicas);
            let g = o["metadata"]["generation"].as_i64().unwrap_or(1);
            o["metadata"]["generation"] = json!(g + 1);
        }
    });
}

/// The garbage collector (background propagation): objects whose controlling owner is
/// gone are deleted, so deleting a Deployment removes its ReplicaSets and their pods.
fn collect_garbage(app: &App) {
    let mut owners: HashSet<String> = HashSet::new();
    for plural in ["deployments", "replicasets", "statefulsets", "daemonsets"] {
        for o in app.store.list(plural, None).0 {
            owners.insert(uid_of(&o).to_string());
        }
    }
    let managed = ["Deployment", "ReplicaSet", "StatefulSet", "DaemonSet"];
    for plural in ["replicasets", "pods"] {
        for o in app.store.list(plural, None).0 {
            let orphaned = o["metadata"]["ownerReferences"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|r| {
                    managed.contains(&r["kind"].as_str().unwrap_or(""))
                        && !owners.contains(r["uid"].as_str().unwrap_or(""))
                });
            if !orphaned {
                continue;
            }
            if plural == "pods" {
                delete_pod(app, &o);
            } else {
                app.store.remove(plural, ns_of(&o), name_of(&o));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::template_hash;
    use serde_json::json;

    #[test]
    fn template_hashes_look_like_kubernetes_ones() {
        let t = json!({"metadata": {"labels": {"app": "web"}}, "spec": {"containers": []}});
        let h = template_hash(&t, 0);
        assert!((8..=10).contains(&h.len()), "{h}");
        assert!(h
            .bytes()
            .all(|b| b"bcdfghjklmnpqrstvwxz2456789".contains(&b)));
        assert_eq!(h, template_hash(&t, 0), "stable");
        assert_ne!(h, template_hash(&t, 1), "a collision count changes it");
        let other = json!({"metadata": {"labels": {"app": "web"}, "annotations": {"x": "1"}}, "spec": {"containers": []}});
        assert_ne!(h, template_hash(&other, 0));
    }
}
