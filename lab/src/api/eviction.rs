//! The `pods/eviction` subresource (policy/v1 `Eviction`), as `kubectl drain` and other
//! eviction clients post it. An API-initiated eviction is a graceful deletion that first
//! marks the pod with a `DisruptionTarget` condition; the lab has no PodDisruptionBudgets, so
//! every eviction is allowed.

use super::objects::{delete, now};
use super::status::ApiError;
use super::{resources, App};
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::Arc;

pub async fn handle(
    State(app): State<Arc<App>>,
    Path((ns, name)): Path<(String, String)>,
    Query(q): Query<Vec<(String, String)>>,
    body: Bytes,
) -> Response {
    let q: HashMap<String, String> = q.into_iter().collect();
    match evict(&app, &ns, &name, &q, &body) {
        Ok(()) => (
            axum::http::StatusCode::CREATED,
            [("content-type", "application/json")],
            json!({"kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Success", "code": 201})
                .to_string(),
        )
            .into_response(),
        Err(e) => e.into_response(),
    }
}

fn evict(
    app: &App,
    ns: &str,
    name: &str,
    q: &HashMap<String, String>,
    body: &Bytes,
) -> Result<(), ApiError> {
    let ev: Value = serde_json::from_slice(body)
        .map_err(|e| ApiError::bad_request(format!("the body could not be decoded: {e}")))?;
    if ev["kind"].as_str().is_some_and(|k| k != "Eviction") {
        return Err(ApiError::bad_request(format!(
            "expected an Eviction, got {}",
            ev["kind"]
        )));
    }
    if ev["metadata"]["name"].as_str().is_some_and(|n| n != name) {
        return Err(ApiError::bad_request(
            "name in URL does not match name in Eviction object",
        ));
    }
    let pods = resources::by_plural("pods").unwrap();
    let pod = app
        .store
        .get("pods", ns, name)
        .ok_or_else(|| ApiError::not_found("pods", "", name))?;
    let dry_run = q.get("dryRun").is_some_and(|v| v == "All")
        || ev["deleteOptions"]["dryRun"]
            .as_array()
            .is_some_and(|d| d.iter().any(|v| v == "All"));
    if dry_run {
        return Ok(());
    }
    if pod["metadata"]["deletionTimestamp"].is_null() {
        app.store.update("pods", ns, name, |p| {
            let cond = json!({"type": "DisruptionTarget", "status": "True", "reason": "EvictionByEvictionAPI",
                              "message": "Eviction API: evicting", "lastProbeTime": null, "lastTransitionTime": now()});
            match p["status"]["conditions"].as_array_mut() {
                Some(cs) => {
                    cs.retain(|c| c["type"] != "DisruptionTarget");
                    cs.push(cond);
                }
                None => p["status"]["conditions"] = json!([cond]),
            }
        });
    }
    let opts = Bytes::from(ev["deleteOptions"].to_string());
    delete(app, pods, ns, name, &HashMap::new(), &opts, false)?;
    Ok(())
}
