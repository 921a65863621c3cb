//! The StatefulSet controller: pods `<name>-<ordinal>` made in order (OrderedReady: each
//! waits for the one before to be Ready; Parallel: all at once), a deleted or failed pod
//! replaced under the same name, scale-down from the highest ordinal, rolling updates from
//! the highest ordinal by `controller-revision-hash`, and the status counts and revisions.

use super::{create_pod, delete_pod, is_finished, is_ready, is_terminating, name_of, owned};
use super::{pod_from_template, set_status, template_hash, PodName};
use serde_json::{json, Value};
use std::collections::BTreeMap;

const REVISION: &str = "controller-revision-hash";

pub fn reconcile(app: &crate::api::App, sts: &Value, pods: &[Value]) {
    let name = name_of(sts);
    let replicas = sts["spec"]["replicas"].as_i64().unwrap_or(1).max(0) as usize;
    let parallel = sts["spec"]["podManagementPolicy"] == "Parallel";
    let revision = format!("{name}-{}", template_hash(&sts["spec"]["template"], 0));
    let mut by_ordinal: BTreeMap<usize, &Value> = BTreeMap::new();
    for p in owned(pods, sts) {
        let ordinal = name_of(p)
            .strip_prefix(&format!("{name}-"))
            .and_then(|o| o.parse().ok());
        if let Some(o) = ordinal {
            by_ordinal.insert(o, p);
        }
    }
    let healthy = |p: &Value| !is_terminating(p) && is_ready(p);
    let mut busy = false;
    for i in 0..replicas {
        match by_ordinal.get(&i) {
            None => {
                let pod_name = format!("{name}-{i}");
                let mut pod = pod_from_template(
                    &sts["spec"]["template"],
                    sts,
                    PodName::Fixed(pod_name.clone()),
                    &[
                        ("statefulset.kubernetes.io/pod-name", pod_name.clone()),
                        ("apps.kubernetes.io/pod-index", i.to_string()),
                        (REVISION, revision.clone()),
                    ],
                );
                pod["spec"]["hostname"] = json!(pod_name);
                if let Some(svc) = sts["spec"]["serviceName"].as_str() {
                    pod["spec"]["subdomain"] = json!(svc);
                }
                create_pod(app, pod);
                busy = true;
            }
            // A failed pod is deleted; it comes back under its name once it is gone.
            Some(p) if is_finished(p) && !is_terminating(p) => {
                delete_pod(app, p);
                busy = true;
            }
            Some(p) if !healthy(p) => busy = true,
            Some(_) => {}
        }
        if busy && !parallel {
            break;
        }
    }
    // Scale down from the highest ordinal, one at a time unless Parallel.
    let extra: Vec<&&Value> = by_ordinal.range(replicas..).map(|(_, p)| p).rev().collect();
    if !busy || parallel {
        for p in extra.iter().take(if parallel { extra.len() } else { 1 }) {
            delete_pod(app, p);
            busy = true;
        }
    }
    // Rolling update: once all are healthy, replace the highest outdated pod.
    if !busy && extra.is_empty() {
        let outdated = by_ordinal
            .range(..replicas)
            .rev()
            .find(|(_, p)| p["metadata"]["labels"][REVISION] != revision.as_str());
        if let Some((_, p)) = outdated {
            delete_pod(app, p);
        }
    }

    let live: Vec<&&Value> = by_ordinal.values().filter(|p| !is_terminating(p)).collect();
    let ready = live.iter().filter(|p| is_ready(p)).count();
    let updated = live
        .iter()
        .filter(|p| p["metadata"]["labels"][REVISION] == revision.as_str())
        .count();
    let current_revision = if updated == replicas {
        revision.clone()
    } else {
        sts["status"]["currentRevision"]
            .as_str()
            .unwrap_or(&revision)
            .to_string()
    };
    let current = live
        .iter()
        .filter(|p| p["metadata"]["labels"][REVISION] == current_revision.as_str())
        .count();
    set_status(
        app,
        "statefulsets",
        sts,
        json!({"observedGeneration": sts["metadata"]["generation"], "replicas": live.len(),
               "readyReplicas": ready, "currentReplicas": current, "updatedReplicas": updated,
               "availableReplicas": ready, "currentRevision": current_revision,
               "updateRevision": revision, "collisionCount": 0}),
    );
}
