//! The ReplicaSet controller: keeps `spec.replicas` active pods (`<rs-name>-<5 random>`,
//! labelled from the template, controlled by the ReplicaSet), replaces pods that are deleted
//! or fail (an evicted pod stays, Failed, next to its replacement), removes the least
//! valuable pods first when there are too many, and reports the counts in its status.

use super::{create_pod, delete_pod, is_active, is_ready, name_of, owned, pod_from_template};
use super::{set_status, PodName};
use serde_json::{json, Value};

pub fn reconcile(app: &crate::api::App, rs: &Value, pods: &[Value]) {
    let desired = rs["spec"]["replicas"].as_i64().unwrap_or(1).max(0) as usize;
    let mut active: Vec<&Value> = owned(pods, rs)
        .into_iter()
        .filter(|p| is_active(p))
        .collect();
    let ready = active.iter().filter(|p| is_ready(p)).count();
    let count = active.len();
    if count < desired {
        for _ in count..desired {
            let pod = pod_from_template(
                &rs["spec"]["template"],
                rs,
                PodName::Generate(format!("{}-", name_of(rs))),
                &[],
            );
            create_pod(app, pod);
        }
    } else if count > desired {
        // Kubernetes' order (ActivePods): unscheduled before scheduled, pending before
        // running, not ready before ready, newer before older.
        active.sort_by_key(|p| {
            (
                !p["spec"]["nodeName"].as_str().unwrap_or("").is_empty(),
                p["status"]["phase"] != "Pending",
                is_ready(p),
                std::cmp::Reverse(
                    p["metadata"]["creationTimestamp"]
                        .as_str()
                        .unwrap_or("")
                        .to_string(),
                ),
            )
        });
        for p in &active[..count - desired] {
            delete_pod(app, p);
        }
    }
    set_status(
        app,
        "replicasets",
        rs,
        json!({"replicas": count, "fullyLabeledReplicas": count, "readyReplicas": ready,
               "availableReplicas": ready, "observedGeneration": rs["metadata"]["generation"]}),
    );
}
