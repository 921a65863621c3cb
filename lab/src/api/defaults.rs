//! Defaulting as the API server does it on create: pod spec and container defaults (also
//! inside workload templates, so a template's hash and `get -o yaml` look as on a cluster),
//! the workload kinds' spec defaults (replicas, strategies, history limits), and the
//! `metadata.generation` bump on every spec change that the controllers' `observedGeneration`
//! (and `kubectl rollout status`) rely on.

use super::resources::Resource;
use serde_json::{json, Value};

/// Sets `obj[k] = v` for each pair whose key is absent.
fn fill(obj: &mut Value, pairs: impl IntoIterator<Item = (&'static str, Value)>) {
    for (k, v) in pairs {
        if obj[k].is_null() {
            obj[k] = v;
        }
    }
}

/// Pod spec defaults (pods and pod templates alike).
pub fn pod_spec(spec: &mut Value) {
    fill(
        spec,
        [
            ("restartPolicy", json!("Always")),
            ("terminationGracePeriodSeconds", json!(30)),
            ("dnsPolicy", json!("ClusterFirst")),
            ("schedulerName", json!("default-scheduler")),
            ("serviceAccountName", json!("default")),
            ("serviceAccount", json!("default")),
            ("securityContext", json!({})),
            ("enableServiceLinks", json!(true)),
            ("priority", json!(0)),
            ("preemptionPolicy", json!("PreemptLowerPriority")),
        ],
    );
    if let Some(cs) = spec["containers"].as_array_mut() {
        for c in cs {
            let image = c["image"].as_str().unwrap_or("").to_string();
            let latest =
                image.ends_with(":latest") || !image.rsplit('/').next().unwrap_or("").contains(':');
            fill(
                c,
                [
                    ("terminationMessagePath", json!("/dev/termination-log")),
                    ("terminationMessagePolicy", json!("File")),
                    (
                        "imagePullPolicy",
                        json!(if latest { "Always" } else { "IfNotPresent" }),
                    ),
                    ("resources", json!({})),
                ],
            );
        }
    }
}

/// Spec defaults of the workload kinds (apps/v1).
pub fn workload(plural: &str, obj: &mut Value) {
    let spec = &mut obj["spec"];
    match plural {
        "deployments" => fill(
            spec,
            [
                ("replicas", json!(1)),
                (
                    "strategy",
                    json!({"type": "RollingUpdate", "rollingUpdate": {"maxSurge": "25%", "maxUnavailable": "25%"}}),
                ),
                ("revisionHistoryLimit", json!(10)),
                ("progressDeadlineSeconds", json!(600)),
            ],
        ),
        "replicasets" => fill(spec, [("replicas", json!(1))]),
        "statefulsets" => fill(
            spec,
            [
                ("replicas", json!(1)),
                ("podManagementPolicy", json!("OrderedReady")),
                (
                    "updateStrategy",
                    json!({"type": "RollingUpdate", "rollingUpdate": {"partition": 0}}),
                ),
                ("revisionHistoryLimit", json!(10)),
            ],
        ),
        "daemonsets" => fill(
            spec,
            [
                (
                    "updateStrategy",
                    json!({"type": "RollingUpdate", "rollingUpdate": {"maxUnavailable": 1, "maxSurge": 0}}),
                ),
                ("revisionHistoryLimit", json!(10)),
            ],
        ),
        _ => return,
    }
    if spec["template"].is_object() {
        pod_spec(&mut spec["template"]["spec"]);
    }
}

/// `metadata.generation` counts spec changes of the kinds that have one.
pub fn bump_generation(res: &Resource, old: &Value, new: &mut Value) {
    if res.group == "apps" && new["spec"] != old["spec"] {
        let g = old["metadata"]["generation"].as_i64().unwrap_or(1);
        new["metadata"]["generation"] = json!(g + 1);
    }
}
