//! The `scale` subresource of deployments, replicasets and statefulsets, as autoscaling/v1
//! `Scale` objects: what `kubectl scale` reads and patches.

use super::objects::merge_patch;
use super::status::ApiError;
use super::{defaults, resources, App};
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::Method;
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};
use std::sync::Arc;

/// The label selector of a workload as a string (`status.selector` of its Scale).
pub fn selector_string(sel: &Value) -> String {
    let mut parts: Vec<String> = sel["matchLabels"]
        .as_object()
        .into_iter()
        .flatten()
        .map(|(k, v)| format!("{k}={}", v.as_str().unwrap_or("")))
        .collect();
    for e in sel["matchExpressions"].as_array().into_iter().flatten() {
        let key = e["key"].as_str().unwrap_or("");
        let values: Vec<&str> = e["values"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        parts.push(match e["operator"].as_str().unwrap_or("") {
            "In" => format!("{key} in ({})", values.join(",")),
            "NotIn" => format!("{key} notin ({})", values.join(",")),
            "Exists" => key.to_string(),
            _ => format!("!{key}"),
        });
    }
    parts.join(",")
}

fn scale_of(obj: &Value) -> Value {
    let m = &obj["metadata"];
    json!({
        "kind": "Scale", "apiVersion": "autoscaling/v1",
        "metadata": {"name": m["name"], "namespace": m["namespace"], "uid": m["uid"],
                     "resourceVersion": m["resourceVersion"], "creationTimestamp": m["creationTimestamp"]},
        "spec": {"replicas": obj["spec"]["replicas"].as_i64().unwrap_or(1)},
        "status": {"replicas": obj["status"]["replicas"].as_i64().unwrap_or(0),
                   "selector": selector_string(&obj["spec"]["selector"])},
    })
}

fn reply(code: u16, v: &Value) -> Response {
    (
        axum::http::StatusCode::from_u16(code).unwrap(),
        [("content-type", "application/json")],
        v.to_string(),
    )
        .into_response()
}

pub async fn handle(
    State(app): State<Arc<App>>,
    Path((ns, plural, name)): Path<(String, String, String)>,
    method: Method,
    body: Bytes,
) -> Response {
    match scale(&app, &ns, &plural, &name, &method, &body) {
        Ok(v) => reply(200, &v),
        Err(e) => e.into_response(),
    }
}

fn scale(
    app: &App,
    ns: &str,
    plural: &str,
    name: &str,
    method: &Method,
    body: &Bytes,
) -> Result<Value, ApiError> {
    let res = match plural {
        "deployments" | "replicasets" | "statefulsets" => resources::by_plural(plural).unwrap(),
        _ => return Err(ApiError::not_found_path()),
    };
    let obj = app
        .store
        .get(plural, ns, name)
        .ok_or_else(|| ApiError::not_found(plural, res.group, name))?;
    if *method == Method::GET {
        return Ok(scale_of(&obj));
    }
    if *method != Method::PATCH && *method != Method::PUT {
        return Err(ApiError::method_not_allowed());
    }
    let input: Value = serde_json::from_slice(body)
        .map_err(|e| ApiError::bad_request(format!("the body could not be decoded: {e}")))?;
    let mut wanted = scale_of(&obj);
    if *method == Method::PATCH {
        merge_patch(&mut wanted, &input);
    } else {
        wanted = input;
    }
    let Some(replicas) = wanted["spec"]["replicas"].as_i64() else {
        return Err(ApiError::bad_request("spec.replicas is required"));
    };
    if replicas < 0 {
        return Err(ApiError::invalid(
            "Scale",
            "autoscaling",
            name,
            &[(
                "spec.replicas".into(),
                format!("Invalid value: {replicas}: must be greater than or equal to 0"),
            )],
        ));
    }
    let updated = app
        .store
        .update(plural, ns, name, |o| {
            let old = o.clone();
            o["spec"]["replicas"] = json!(replicas);
            defaults::bump_generation(res, &old, o);
        })
        .ok_or_else(|| ApiError::not_found(plural, res.group, name))?;
    Ok(scale_of(&updated))
}
