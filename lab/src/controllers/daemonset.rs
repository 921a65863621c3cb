//! The DaemonSet controller: one pod per node (`<name>-<5 random>`, bound to its node with
//! the node-affinity term the real controller sets), a deleted or failed pod replaced on the
//! same node, rolling updates one node at a time by `controller-revision-hash`, and the
//! status counts `kubectl get ds` shows.

use super::{create_pod, delete_pod, is_active, is_finished, is_ready, is_terminating};
use super::{name_of, owned, pod_from_template, set_status, template_hash, PodName};
use serde_json::{json, Value};

const REVISION: &str = "controller-revision-hash";

pub fn reconcile(app: &crate::api::App, ds: &Value, pods: &[Value], nodes: &[Value]) {
    let hash = template_hash(&ds["spec"]["template"], 0);
    let generation = ds["metadata"]["generation"].as_i64().unwrap_or(1);
    let mine = owned(pods, ds);
    let node_of = |p: &Value| p["spec"]["nodeName"].as_str().unwrap_or("").to_string();
    let node_names: Vec<&str> = nodes.iter().map(name_of).collect();
    let mut settled = true;
    for node in &node_names {
        let here: Vec<&&Value> = mine.iter().filter(|p| node_of(p) == *node).collect();
        for p in here.iter().filter(|p| is_finished(p) && !is_terminating(p)) {
            delete_pod(app, p);
        }
        let active: Vec<&&Value> = here.iter().copied().filter(|p| is_active(p)).collect();
        if active.is_empty() {
            settled = false;
            if here.iter().any(|p| is_terminating(p)) {
                continue; // the old one is still going
            }
            let mut pod = pod_from_template(
                &ds["spec"]["template"],
                ds,
                PodName::Generate(format!("{}-", name_of(ds))),
                &[
                    (REVISION, hash.clone()),
                    ("pod-template-generation", generation.to_string()),
                ],
            );
            pod["spec"]["nodeName"] = json!(node);
            pod["spec"]["affinity"] = json!({"nodeAffinity": {"requiredDuringSchedulingIgnoredDuringExecution": {
                "nodeSelectorTerms": [{"matchFields": [{"key": "metadata.name", "operator": "In", "values": [node]}]}]}}});
            create_pod(app, pod);
        }
        for p in active.iter().skip(1) {
            delete_pod(app, p);
        }
        if active.first().is_some_and(|p| !is_ready(p)) {
            settled = false;
        }
    }
    for p in mine
        .iter()
        .filter(|p| !node_names.contains(&node_of(p).as_str()))
    {
        delete_pod(app, p);
    }
    // Rolling update, maxUnavailable 1: replace one outdated pod while all others are Ready.
    if settled {
        let outdated = mine
            .iter()
            .find(|p| is_active(p) && p["metadata"]["labels"][REVISION] != hash.as_str());
        if let Some(p) = outdated {
            delete_pod(app, p);
        }
    }

    let active: Vec<&&Value> = mine.iter().filter(|p| is_active(p)).collect();
    let scheduled = node_names
        .iter()
        .filter(|n| active.iter().any(|p| node_of(p) == **n))
        .count();
    let ready = active.iter().filter(|p| is_ready(p)).count();
    let updated = active
        .iter()
        .filter(|p| p["metadata"]["labels"][REVISION] == hash.as_str())
        .count();
    set_status(
        app,
        "daemonsets",
        ds,
        json!({"desiredNumberScheduled": node_names.len(), "currentNumberScheduled": scheduled,
               "numberReady": ready, "numberAvailable": ready, "updatedNumberScheduled": updated,
               "numberUnavailable": node_names.len().saturating_sub(ready), "numberMisscheduled": 0,
               "observedGeneration": generation}),
    );
}
