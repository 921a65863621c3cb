//! The lab's own operations, outside the Kubernetes API (under `/lab/v1`, used by the
//! `dumpy-lab oom-kill` and `dumpy-lab evict` commands): make a node do to a pod what its
//! OOM killer or the kubelet's node-pressure eviction would. The node agent carries them out.

use super::status::ApiError;
use super::App;
use crate::agent::ops::Op;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::Arc;

/// The container a command means: the named one, else the pod's default container
/// (`kubectl.kubernetes.io/default-container`), else its first.
fn container_of(pod: &Value, wanted: Option<&str>) -> Result<String, ApiError> {
    let names: Vec<&str> = pod["spec"]["containers"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|c| c["name"].as_str())
        .collect();
    let default = pod["metadata"]["annotations"]["kubectl.kubernetes.io/default-container"]
        .as_str()
        .or(names.first().copied());
    match wanted.or(default) {
        Some(c) if names.contains(&c) => Ok(c.to_string()),
        Some(c) => Err(ApiError::bad_request(format!(
            "container {c} is not valid for pod {}",
            pod["metadata"]["name"].as_str().unwrap_or("")
        ))),
        None => Err(ApiError::bad_request("the pod has no containers")),
    }
}

pub async fn handle(
    State(app): State<Arc<App>>,
    Path((ns, name, op)): Path<(String, String, String)>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    match run(&app, &ns, &name, &op, &q) {
        Ok(message) => (
            axum::http::StatusCode::OK,
            [("content-type", "application/json")],
            json!({"message": message}).to_string(),
        )
            .into_response(),
        Err(e) => e.into_response(),
    }
}

fn run(
    app: &App,
    ns: &str,
    name: &str,
    op: &str,
    q: &HashMap<String, String>,
) -> Result<String, ApiError> {
    let pod = app
        .store
        .get("pods", ns, name)
        .ok_or_else(|| ApiError::not_found("pods", "", name))?;
    let uid = pod["metadata"]["uid"].as_str().unwrap_or("");
    if pod["status"]["phase"] != "Running" && pod["status"]["phase"] != "Pending" {
        return Err(ApiError::bad_request(format!(
            "pod {ns}/{name} is {}: nothing runs in it",
            pod["status"]["phase"].as_str().unwrap_or("not running")
        )));
    }
    match op {
        "oom-kill" => {
            let c = container_of(&pod, q.get("container").map(String::as_str))?;
            let running = pod["status"]["containerStatuses"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|s| s["name"] == c.as_str() && s["state"]["running"].is_object());
            if !running {
                return Err(ApiError::bad_request(format!(
                    "container {c} of pod {ns}/{name} is not running"
                )));
            }
            app.node_ops.post(
                uid,
                Op::OomKill {
                    container: c.clone(),
                },
            );
            Ok(format!(
                "container {c} of pod {ns}/{name}: killed as by the OOM killer (OOMKilled, exit code 137)"
            ))
        }
        "evict" => {
            let message = q.get("message").cloned().unwrap_or_else(|| {
                "The node was low on resource: memory. Threshold quantity: 100Mi, available: 64Mi. (dumpy-lab evict)".into()
            });
            app.node_ops.post(uid, Op::Evict { message });
            Ok(format!(
                "pod {ns}/{name}: evicted by the node (phase Failed, reason Evicted)"
            ))
        }
        _ => Err(ApiError::not_found_path()),
    }
}
