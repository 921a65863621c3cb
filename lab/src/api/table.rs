//! Server-side printing: `meta.k8s.io/v1 Table` responses, which kubectl asks for
//! (`Accept: application/json;as=Table;...`) and prints as its familiar columns.

use chrono::{DateTime, Utc};
use serde_json::{json, Value};

/// kubectl's short human durations ("45s", "3m12s", "5h", "2d").
pub fn human_age(created: &str) -> String {
    let Ok(t) = DateTime::parse_from_rfc3339(created) else {
        return "<unknown>".into();
    };
    let d = (Utc::now() - t.with_timezone(&Utc)).num_seconds().max(0);
    match d {
        s if s < 120 => format!("{s}s"),
        s if s < 600 => format!("{}m{}s", s / 60, s % 60),
        s if s < 3 * 3600 => format!("{}m", s / 60),
        s if s < 8 * 3600 => format!("{}h{}m", s / 3600, (s % 3600) / 60),
        s if s < 48 * 3600 => format!("{}h", s / 3600),
        s => format!("{}d", s / 86400),
    }
}

fn col(name: &str, ty: &str, priority: u32) -> Value {
    let format = if name == "Name" { "name" } else { "" };
    json!({"name": name, "type": ty, "format": format, "description": "", "priority": priority})
}

fn age(o: &Value) -> String {
    human_age(o["metadata"]["creationTimestamp"].as_str().unwrap_or(""))
}

fn s(v: &Value) -> String {
    v.as_str().unwrap_or("").to_string()
}

fn pod_row(p: &Value) -> Vec<Value> {
    let statuses = p["status"]["containerStatuses"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let total = p["spec"]["containers"]
        .as_array()
        .map(Vec::len)
        .unwrap_or(0);
    let ready = statuses.iter().filter(|c| c["ready"] == true).count();
    let restarts: i64 = statuses
        .iter()
        .map(|c| c["restartCount"].as_i64().unwrap_or(0))
        .sum();
    let mut reason = p["status"]["phase"]
        .as_str()
        .unwrap_or("Pending")
        .to_string();
    for c in &statuses {
        if let Some(r) = c["state"]["waiting"]["reason"].as_str() {
            reason = r.to_string();
        } else if let Some(t) = c["state"]["terminated"].as_object() {
            reason = t
                .get("reason")
                .and_then(Value::as_str)
                .unwrap_or("Error")
                .to_string();
        }
    }
    if p["status"]["phase"] == "Running"
        && statuses.iter().all(|c| c["state"]["running"].is_object())
    {
        reason = "Running".into();
    }
    if !p["metadata"]["deletionTimestamp"].is_null() {
        reason = "Terminating".into();
    }
    let ip = p["status"]["podIP"].as_str().unwrap_or("<none>");
    let node = p["spec"]["nodeName"].as_str().unwrap_or("<none>");
    vec![
        json!(s(&p["metadata"]["name"])),
        json!(format!("{ready}/{total}")),
        json!(reason),
        json!(restarts.to_string()),
        json!(age(p)),
        json!(ip),
        json!(node),
        json!("<none>"),
        json!("<none>"),
    ]
}

/// Renders one object as the cells of a row.
type RowFn = fn(&Value) -> Vec<Value>;

fn columns_and_row(plural: &str) -> (Vec<Value>, RowFn) {
    match plural {
        "pods" => (
            vec![
                col("Name", "string", 0),
                col("Ready", "string", 0),
                col("Status", "string", 0),
                col("Restarts", "string", 0),
                col("Age", "string", 0),
                col("IP", "string", 1),
                col("Node", "string", 1),
                col("Nominated Node", "string", 1),
                col("Readiness Gates", "string", 1),
            ],
            pod_row,
        ),
        "deployments" => (
            vec![
                col("Name", "string", 0),
                col("Ready", "string", 0),
                col("Up-to-date", "integer", 0),
                col("Available", "integer", 0),
                col("Age", "string", 0),
            ],
            |d| {
                let st = &d["status"];
                vec![
                    json!(s(&d["metadata"]["name"])),
                    json!(format!(
                        "{}/{}",
                        st["readyReplicas"].as_i64().unwrap_or(0),
                        d["spec"]["replicas"].as_i64().unwrap_or(1)
                    )),
                    json!(st["updatedReplicas"].as_i64().unwrap_or(0)),
                    json!(st["availableReplicas"].as_i64().unwrap_or(0)),
                    json!(age(d)),
                ]
            },
        ),
        "replicasets" => (
            vec![
                col("Name", "string", 0),
                col("Desired", "integer", 0),
                col("Current", "integer", 0),
                col("Ready", "integer", 0),
                col("Age", "string", 0),
            ],
            |d| {
                let st = &d["status"];
                vec![
                    json!(s(&d["metadata"]["name"])),
                    json!(d["spec"]["replicas"].as_i64().unwrap_or(1)),
                    json!(st["replicas"].as_i64().unwrap_or(0)),
                    json!(st["readyReplicas"].as_i64().unwrap_or(0)),
                    json!(age(d)),
                ]
            },
        ),
        "daemonsets" => (
            vec![
                col("Name", "string", 0),
                col("Desired", "integer", 0),
                col("Current", "integer", 0),
                col("Ready", "integer", 0),
                col("Age", "string", 0),
            ],
            |d| {
                let st = &d["status"];
                vec![
                    json!(s(&d["metadata"]["name"])),
                    json!(st["desiredNumberScheduled"].as_i64().unwrap_or(0)),
                    json!(st["currentNumberScheduled"].as_i64().unwrap_or(0)),
                    json!(st["numberReady"].as_i64().unwrap_or(0)),
                    json!(age(d)),
                ]
            },
        ),
        "statefulsets" => (
            vec![
                col("Name", "string", 0),
                col("Ready", "string", 0),
                col("Age", "string", 0),
            ],
            |d| {
                vec![
                    json!(s(&d["metadata"]["name"])),
                    json!(format!(
                        "{}/{}",
                        d["status"]["readyReplicas"].as_i64().unwrap_or(0),
                        d["spec"]["replicas"].as_i64().unwrap_or(1)
                    )),
                    json!(age(d)),
                ]
            },
        ),
        "nodes" => (
            vec![
                col("Name", "string", 0),
                col("Status", "string", 0),
                col("Roles", "string", 0),
                col("Age", "string", 0),
                col("Version", "string", 0),
            ],
            |n| {
                vec![
                    json!(s(&n["metadata"]["name"])),
                    json!("Ready"),
                    json!("<none>"),
                    json!(age(n)),
                    json!(s(&n["status"]["nodeInfo"]["kubeletVersion"])),
                ]
            },
        ),
        "persistentvolumeclaims" => (
            vec![
                col("Name", "string", 0),
                col("Status", "string", 0),
                col("Volume", "string", 0),
                col("Capacity", "string", 0),
                col("Access Modes", "string", 0),
                col("StorageClass", "string", 0),
                col("Age", "string", 0),
            ],
            |p| {
                vec![
                    json!(s(&p["metadata"]["name"])),
                    json!(s(&p["status"]["phase"])),
                    json!(s(&p["spec"]["volumeName"])),
                    json!(s(&p["status"]["capacity"]["storage"])),
                    json!("RWX"),
                    json!(s(&p["spec"]["storageClassName"])),
                    json!(age(p)),
                ]
            },
        ),
        "namespaces" => (
            vec![
                col("Name", "string", 0),
                col("Status", "string", 0),
                col("Age", "string", 0),
            ],
            |n| {
                vec![
                    json!(s(&n["metadata"]["name"])),
                    json!("Active"),
                    json!(age(n)),
                ]
            },
        ),
        _ => (
            vec![col("Name", "string", 0), col("Age", "string", 0)],
            |o| vec![json!(s(&o["metadata"]["name"])), json!(age(o))],
        ),
    }
}

/// The object part of a row, as `includeObject` asks (None, Metadata — the default — or Object).
fn row_object(o: &Value, include: &str) -> Value {
    match include {
        "None" => Value::Null,
        "Object" => o.clone(),
        _ => {
            json!({"kind": "PartialObjectMetadata", "apiVersion": "meta.k8s.io/v1", "metadata": o["metadata"]})
        }
    }
}

/// A Table of `items`.
pub fn table(plural: &str, items: &[Value], rv: u64, include: &str) -> Value {
    let (columns, row) = columns_and_row(plural);
    let rows: Vec<Value> = items
        .iter()
        .map(|o| json!({"cells": row(o), "object": row_object(o, include)}))
        .collect();
    json!({"kind": "Table", "apiVersion": "meta.k8s.io/v1", "metadata": {"resourceVersion": rv.to_string()},
           "columnDefinitions": columns, "rows": rows})
}

/// Does the Accept header ask for a Table?
pub fn wants_table(accept: &str) -> bool {
    accept
        .split(',')
        .next()
        .is_some_and(|first| first.contains("as=Table"))
}
