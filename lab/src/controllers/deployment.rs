//! The Deployment controller: one ReplicaSet per pod template (`<name>-<pod-template-hash>`,
//! revision annotations), rolling updates within maxSurge/maxUnavailable (or Recreate), and
//! the status fields `kubectl get deploy` and `kubectl rollout status` read.

use super::{create, is_active, is_ready, name_of, ns_of, owned, owner_ref, set_replicas};
use super::{set_status, template_hash};
use serde_json::{json, Value};

const REVISION: &str = "deployment.kubernetes.io/revision";
const HASH: &str = "pod-template-hash";

fn revision(rs: &Value) -> i64 {
    rs["metadata"]["annotations"][REVISION]
        .as_str()
        .and_then(|r| r.parse().ok())
        .unwrap_or(0)
}

/// maxSurge / maxUnavailable: an int, or a percentage of `desired` (surge rounds up,
/// unavailable down, as Kubernetes resolves them).
fn resolve(v: &Value, desired: i64, round_up: bool) -> i64 {
    if let Some(n) = v.as_i64() {
        return n;
    }
    let pct: i64 = v
        .as_str()
        .and_then(|s| s.strip_suffix('%'))
        .and_then(|p| p.parse().ok())
        .unwrap_or(25);
    if round_up {
        (desired * pct + 99) / 100
    } else {
        desired * pct / 100
    }
}

pub fn reconcile(app: &crate::api::App, d: &Value, pods: &[Value]) {
    let ns = ns_of(d);
    let name = name_of(d);
    let desired = d["spec"]["replicas"].as_i64().unwrap_or(1);
    let template = &d["spec"]["template"];
    let hash = template_hash(
        template,
        d["status"]["collisionCount"].as_u64().unwrap_or(0),
    );
    let rss: Vec<Value> = owned(&app.store.list("replicasets", Some(ns)).0, d)
        .into_iter()
        .cloned()
        .collect();
    let max_rev = rss.iter().map(revision).max().unwrap_or(0);
    let Some(new_rs) = rss
        .iter()
        .find(|rs| rs["metadata"]["labels"][HASH] == hash.as_str())
    else {
        // A new template: its ReplicaSet starts at 0 and is scaled up on the next pass.
        let mut tpl = template.clone();
        tpl["metadata"]["labels"][HASH] = json!(hash);
        let mut selector = d["spec"]["selector"].clone();
        selector["matchLabels"][HASH] = json!(hash);
        create(
            app,
            "replicasets",
            json!({
                "apiVersion": "apps/v1", "kind": "ReplicaSet",
                "metadata": {"name": format!("{name}-{hash}"), "namespace": ns, "labels": tpl["metadata"]["labels"],
                             "annotations": {REVISION: (max_rev + 1).to_string(),
                                             "deployment.kubernetes.io/desired-replicas": desired.to_string()},
                             "ownerReferences": [owner_ref(d)]},
                "spec": {"replicas": 0, "minReadySeconds": d["spec"]["minReadySeconds"].as_i64().unwrap_or(0),
                         "selector": selector, "template": tpl},
            }),
        );
        return;
    };
    // Going back to an older template makes its ReplicaSet the newest revision.
    if revision(new_rs) < max_rev {
        app.store.update("replicasets", ns, name_of(new_rs), |o| {
            o["metadata"]["annotations"][REVISION] = json!((max_rev + 1).to_string());
        });
    }
    let old: Vec<&Value> = rss
        .iter()
        .filter(|rs| name_of(rs) != name_of(new_rs))
        .collect();
    let pods_of = |rs: &Value| -> (i64, i64) {
        let mine = owned(pods, rs);
        let active = mine.iter().filter(|p| is_active(p)).count() as i64;
        let ready = mine.iter().filter(|p| is_active(p) && is_ready(p)).count() as i64;
        (active, ready)
    };
    let spec_of = |rs: &Value| rs["spec"]["replicas"].as_i64().unwrap_or(0);

    if d["spec"]["paused"] != true {
        if d["spec"]["strategy"]["type"] == "Recreate" {
            // Recreate: every old pod goes first, then the new ReplicaSet scales up.
            let old_left: i64 = old.iter().map(|rs| spec_of(rs) + pods_of(rs).0).sum();
            for rs in &old {
                set_replicas(app, "replicasets", rs, 0);
            }
            if old_left == 0 {
                set_replicas(app, "replicasets", new_rs, desired);
            }
        } else {
            let ru = &d["spec"]["strategy"]["rollingUpdate"];
            let surge = resolve(&ru["maxSurge"], desired, true);
            let mut unavailable = resolve(&ru["maxUnavailable"], desired, false);
            if surge == 0 && unavailable == 0 {
                unavailable = 1;
            }
            // Scale the new ReplicaSet up as far as maxSurge allows (or down to desired).
            let total: i64 = rss.iter().map(spec_of).sum();
            let new_spec = spec_of(new_rs);
            let new_target = if new_spec > desired {
                desired
            } else {
                (new_spec + (desired + surge - total).max(0)).min(desired)
            };
            set_replicas(app, "replicasets", new_rs, new_target);
            // Scale old ones down: their unready pods at once, ready ones while at least
            // desired - maxUnavailable pods stay available.
            let available: i64 = rss.iter().map(|rs| pods_of(rs).1).sum();
            let mut can_remove = (available - (desired - unavailable)).max(0);
            for rs in &old {
                let spec = spec_of(rs);
                let unready = (spec - pods_of(rs).1).max(0);
                let cut = (unready + can_remove).min(spec);
                can_remove -= (cut - unready).max(0);
                set_replicas(app, "replicasets", rs, spec - cut);
            }
        }
    }

    let (mut replicas, mut ready) = (0, 0);
    for rs in &rss {
        let (a, r) = pods_of(rs);
        replicas += a;
        ready += r;
    }
    let (updated, _) = pods_of(new_rs);
    let ru = &d["spec"]["strategy"]["rollingUpdate"];
    let min_available = desired - resolve(&ru["maxUnavailable"], desired, false);
    let complete = updated == desired && replicas == desired && ready == desired;
    let rs_name = name_of(new_rs);
    let status = json!({
        "observedGeneration": d["metadata"]["generation"],
        "replicas": replicas, "updatedReplicas": updated, "readyReplicas": ready,
        "availableReplicas": ready, "unavailableReplicas": (desired - ready).max(0),
        "conditions": [
            if ready >= min_available {
                json!({"type": "Available", "status": "True", "reason": "MinimumReplicasAvailable", "message": "Deployment has minimum availability."})
            } else {
                json!({"type": "Available", "status": "False", "reason": "MinimumReplicasUnavailable", "message": "Deployment does not have minimum availability."})
            },
            if complete {
                json!({"type": "Progressing", "status": "True", "reason": "NewReplicaSetAvailable",
                       "message": format!("ReplicaSet \"{rs_name}\" has successfully progressed.")})
            } else {
                json!({"type": "Progressing", "status": "True", "reason": "ReplicaSetUpdated",
                       "message": format!("ReplicaSet \"{rs_name}\" is progressing.")})
            },
        ],
    });
    let rev = revision(new_rs).max(max_rev).to_string();
    if d["metadata"]["annotations"][REVISION] != rev.as_str() {
        app.store.update("deployments", ns, name, |o| {
            o["metadata"]["annotations"][REVISION] = json!(rev);
        });
    }
    let d = app
        .store
        .get("deployments", ns, name)
        .unwrap_or_else(|| d.clone());
    set_status(app, "deployments", &d, status);
}
