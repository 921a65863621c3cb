//! Server-side printing: `meta.k8s.io/v1 Table` responses, which kubectl asks for
//! (`Accept: application/json;as=Table;...`) and prints as its familiar columns.
//!
//! Each kind's columns are data (one [`Column`] list per kind, in kubectl's order); one
//! function, [`table`], turns any list into the Table, so adding a kind or a column is one line.

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

/// One column of a kind's Table: its `columnDefinitions` entry and how to fill its cell.
struct Column {
    /// The header (kubectl upper-cases it).
    name: &'static str,
    /// The OpenAPI type of the cells: "string" or "integer".
    ty: &'static str,
    /// "name" marks the object's name column; empty otherwise.
    format: &'static str,
    description: &'static str,
    /// 0: always printed; 1: only with `-o wide`.
    priority: u32,
    /// The cell of one object.
    cell: fn(&Value) -> Value,
}

impl Column {
    fn definition(&self) -> Value {
        json!({"name": self.name, "type": self.ty, "format": self.format,
               "description": self.description, "priority": self.priority})
    }
}

const fn string(name: &'static str, cell: fn(&Value) -> Value) -> Column {
    Column {
        name,
        ty: "string",
        format: "",
        description: "",
        priority: 0,
        cell,
    }
}

const fn integer(name: &'static str, cell: fn(&Value) -> Value) -> Column {
    Column {
        ty: "integer",
        ..string(name, cell)
    }
}

/// A string column shown only by `-o wide`.
const fn wide(name: &'static str, cell: fn(&Value) -> Value) -> Column {
    Column {
        priority: 1,
        ..string(name, cell)
    }
}

/// The first column of every kind.
const NAME: Column = Column {
    format: "name",
    ..string("Name", |o| text(&o["metadata"]["name"]))
};

/// Every kind has it; its place differs.
const AGE: Column = string("Age", |o| {
    json!(human_age(
        o["metadata"]["creationTimestamp"].as_str().unwrap_or("")
    ))
});

/// What kubectl prints where it has nothing.
const NONE: fn(&Value) -> Value = |_| json!("<none>");

const PODS: &[Column] = &[
    NAME,
    string("Ready", |p| {
        let ready = statuses(p).iter().filter(|c| c["ready"] == true).count();
        let total = p["spec"]["containers"].as_array().map_or(0, Vec::len);
        json!(format!("{ready}/{total}"))
    }),
    string("Status", |p| json!(pod_status(p))),
    string("Restarts", |p| {
        let restarts: i64 = statuses(p)
            .iter()
            .map(|c| c["restartCount"].as_i64().unwrap_or(0))
            .sum();
        json!(restarts.to_string())
    }),
    AGE,
    wide("IP", |p| {
        json!(p["status"]["podIP"].as_str().unwrap_or("<none>"))
    }),
    wide("Node", |p| {
        json!(p["spec"]["nodeName"].as_str().unwrap_or("<none>"))
    }),
    wide("Nominated Node", NONE),
    wide("Readiness Gates", NONE),
];

const DEPLOYMENTS: &[Column] = &[
    NAME,
    string("Ready", ready_of_replicas),
    integer("Up-to-date", |d| count(&d["status"]["updatedReplicas"])),
    integer("Available", |d| count(&d["status"]["availableReplicas"])),
    AGE,
];

const REPLICASETS: &[Column] = &[
    NAME,
    integer("Desired", |r| {
        json!(r["spec"]["replicas"].as_i64().unwrap_or(1))
    }),
    integer("Current", |r| count(&r["status"]["replicas"])),
    integer("Ready", |r| count(&r["status"]["readyReplicas"])),
    AGE,
];

const DAEMONSETS: &[Column] = &[
    NAME,
    integer("Desired", |d| count(&d["status"]["desiredNumberScheduled"])),
    integer("Current", |d| count(&d["status"]["currentNumberScheduled"])),
    integer("Ready", |d| count(&d["status"]["numberReady"])),
    AGE,
];

const STATEFULSETS: &[Column] = &[NAME, string("Ready", ready_of_replicas), AGE];

const NODES: &[Column] = &[
    NAME,
    // The lab's nodes are always up and have no roles.
    // kubectl's node printer adds SchedulingDisabled for a cordoned node.
    string("Status", |n| {
        json!(if n["spec"]["unschedulable"] == true {
            "Ready,SchedulingDisabled"
        } else {
            "Ready"
        })
    }),
    string("Roles", NONE),
    AGE,
    string("Version", |n| {
        text(&n["status"]["nodeInfo"]["kubeletVersion"])
    }),
];

const PERSISTENTVOLUMECLAIMS: &[Column] = &[
    NAME,
    string("Status", |p| text(&p["status"]["phase"])),
    string("Volume", |p| text(&p["spec"]["volumeName"])),
    string("Capacity", |p| text(&p["status"]["capacity"]["storage"])),
    // The lab's claims are host directories every pod can share.
    string("Access Modes", |_| json!("RWX")),
    string("StorageClass", |p| text(&p["spec"]["storageClassName"])),
    AGE,
];

const NAMESPACES: &[Column] = &[NAME, string("Status", |_| json!("Active")), AGE];

/// What the API server prints for a kind without its own columns.
const DEFAULT: &[Column] = &[NAME, AGE];

/// The columns of a kind, by its plural.
fn columns(plural: &str) -> &'static [Column] {
    match plural {
        "pods" => PODS,
        "deployments" => DEPLOYMENTS,
        "replicasets" => REPLICASETS,
        "daemonsets" => DAEMONSETS,
        "statefulsets" => STATEFULSETS,
        "nodes" => NODES,
        "persistentvolumeclaims" => PERSISTENTVOLUMECLAIMS,
        "namespaces" => NAMESPACES,
        _ => DEFAULT,
    }
}

/// A string field as a cell; empty when absent.
fn text(v: &Value) -> Value {
    json!(v.as_str().unwrap_or(""))
}

/// A replica count as a cell; 0 when absent (the controller has not reported yet).
fn count(v: &Value) -> Value {
    json!(v.as_i64().unwrap_or(0))
}

/// "ready/wanted" of a Deployment or StatefulSet (`spec.replicas` defaults to 1).
fn ready_of_replicas(o: &Value) -> Value {
    json!(format!(
        "{}/{}",
        o["status"]["readyReplicas"].as_i64().unwrap_or(0),
        o["spec"]["replicas"].as_i64().unwrap_or(1)
    ))
}

fn statuses(p: &Value) -> &[Value] {
    p["status"]["containerStatuses"]
        .as_array()
        .map_or(&[], Vec::as_slice)
}

/// A pod's STATUS as kubectl shows it: the phase, overridden by a container's waiting or
/// terminated reason, and by Terminating while the pod is being deleted.
fn pod_status(p: &Value) -> String {
    let statuses = statuses(p);
    let mut reason = p["status"]["phase"]
        .as_str()
        .unwrap_or("Pending")
        .to_string();
    // A pod-level reason (Evicted, …) wins over the phase, as in kubectl's printer.
    if let Some(r) = p["status"]["reason"].as_str().filter(|r| !r.is_empty()) {
        reason = r.to_string();
    }
    for c in statuses {
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
    reason
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
    let columns = columns(plural);
    let definitions: Vec<Value> = columns.iter().map(Column::definition).collect();
    let rows: Vec<Value> = items
        .iter()
        .map(|o| {
            let cells: Vec<Value> = columns.iter().map(|c| (c.cell)(o)).collect();
            json!({"cells": cells, "object": row_object(o, include)})
        })
        .collect();
    json!({"kind": "Table", "apiVersion": "meta.k8s.io/v1", "metadata": {"resourceVersion": rv.to_string()},
           "columnDefinitions": definitions, "rows": rows})
}

/// Does the Accept header ask for a Table?
pub fn wants_table(accept: &str) -> bool {
    accept
        .split(',')
        .next()
        .is_some_and(|first| first.contains("as=Table"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (name, type, format, priority) of each column, as the Table declares them.
    fn definitions(plural: &str) -> Vec<(String, String, String, u64)> {
        table(plural, &[], 1, "")["columnDefinitions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                assert_eq!(c["description"], "");
                (
                    c["name"].as_str().unwrap().into(),
                    c["type"].as_str().unwrap().into(),
                    c["format"].as_str().unwrap().into(),
                    c["priority"].as_u64().unwrap(),
                )
            })
            .collect()
    }

    fn cells(plural: &str, o: Value) -> Value {
        table(plural, &[o], 1, "")["rows"][0]["cells"].clone()
    }

    fn def(name: &str, ty: &str, priority: u64) -> (String, String, String, u64) {
        let format = if name == "Name" { "name" } else { "" };
        (name.into(), ty.into(), format.into(), priority)
    }

    #[test]
    fn pods_have_kubectls_columns_and_cells() {
        assert_eq!(
            definitions("pods"),
            [
                def("Name", "string", 0),
                def("Ready", "string", 0),
                def("Status", "string", 0),
                def("Restarts", "string", 0),
                def("Age", "string", 0),
                def("IP", "string", 1),
                def("Node", "string", 1),
                def("Nominated Node", "string", 1),
                def("Readiness Gates", "string", 1),
            ]
        );
        let running = json!({
            "metadata": {"name": "web-1"},
            "spec": {"containers": [{}, {}], "nodeName": "lab-node-1"},
            "status": {"phase": "Running", "podIP": "198.51.100.2", "containerStatuses": [
                {"ready": true, "restartCount": 2, "state": {"running": {}}},
                {"ready": false, "restartCount": 1, "state": {"running": {}}}]}});
        assert_eq!(
            cells("pods", running),
            json!([
                "web-1",
                "1/2",
                "Running",
                "3",
                "<unknown>",
                "198.51.100.2",
                "lab-node-1",
                "<none>",
                "<none>"
            ])
        );
        // A waiting container's reason wins over the phase; deletion wins over both.
        let waiting = json!({"metadata": {"name": "w"}, "spec": {"containers": [{}]},
            "status": {"phase": "Running", "containerStatuses": [
                {"state": {"waiting": {"reason": "CrashLoopBackOff"}}}]}});
        assert_eq!(cells("pods", waiting.clone())[2], "CrashLoopBackOff");
        let mut deleting = waiting;
        deleting["metadata"]["deletionTimestamp"] = json!("2026-01-01T00:00:00Z");
        assert_eq!(cells("pods", deleting)[2], "Terminating");
        let failed = json!({"metadata": {"name": "f"}, "status": {"phase": "Failed",
            "containerStatuses": [{"state": {"terminated": {"exitCode": 1}}}]}});
        assert_eq!(
            cells("pods", failed),
            json!([
                "f",
                "0/0",
                "Error",
                "0",
                "<unknown>",
                "<none>",
                "<none>",
                "<none>",
                "<none>"
            ])
        );
    }

    #[test]
    fn workloads_have_kubectls_columns_and_cells() {
        let w = json!({"metadata": {"name": "web"}, "spec": {"replicas": 3},
            "status": {"readyReplicas": 2, "updatedReplicas": 3, "availableReplicas": 1,
                       "replicas": 3, "desiredNumberScheduled": 4, "currentNumberScheduled": 5,
                       "numberReady": 6}});
        assert_eq!(
            definitions("deployments"),
            [
                def("Name", "string", 0),
                def("Ready", "string", 0),
                def("Up-to-date", "integer", 0),
                def("Available", "integer", 0),
                def("Age", "string", 0),
            ]
        );
        assert_eq!(
            cells("deployments", w.clone()),
            json!(["web", "2/3", 3, 1, "<unknown>"])
        );
        let counts = [
            def("Name", "string", 0),
            def("Desired", "integer", 0),
            def("Current", "integer", 0),
            def("Ready", "integer", 0),
            def("Age", "string", 0),
        ];
        assert_eq!(definitions("replicasets"), counts);
        assert_eq!(
            cells("replicasets", w.clone()),
            json!(["web", 3, 3, 2, "<unknown>"])
        );
        assert_eq!(definitions("daemonsets"), counts);
        assert_eq!(
            cells("daemonsets", w.clone()),
            json!(["web", 4, 5, 6, "<unknown>"])
        );
        // Before the controller reports, counts are 0 and spec.replicas defaults to 1.
        assert_eq!(
            cells("statefulsets", json!({"metadata": {"name": "db"}})),
            json!(["db", "0/1", "<unknown>"])
        );
    }

    #[test]
    fn other_kinds_have_name_and_age() {
        assert_eq!(
            definitions("services"),
            [def("Name", "string", 0), def("Age", "string", 0)]
        );
        let old = json!({"metadata": {"name": "a", "creationTimestamp": "2000-01-01T00:00:00Z"}});
        let age = cells("services", old)[1].as_str().unwrap().to_string();
        assert!(age.ends_with('d') && age.len() > 4, "{age}");
    }

    #[test]
    fn rows_carry_the_object_as_asked() {
        let o = json!({"metadata": {"name": "a"}, "spec": {"x": 1}});
        let object = |include| {
            table("namespaces", std::slice::from_ref(&o), 7, include)["rows"][0]["object"].clone()
        };
        assert_eq!(object("None"), Value::Null);
        assert_eq!(object("Object"), o);
        assert_eq!(
            object(""),
            json!({"kind": "PartialObjectMetadata", "apiVersion": "meta.k8s.io/v1",
                   "metadata": {"name": "a"}})
        );
        assert_eq!(
            table("namespaces", &[], 7, "")["metadata"]["resourceVersion"],
            "7"
        );
    }
}
