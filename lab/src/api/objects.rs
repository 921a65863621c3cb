//! CRUD for every served resource: path parsing, defaults on create (uid, timestamps,
//! generateName, pod defaults and scheduling), validation, Pod Security admission of new
//! pods, dry-run, merge patch, delete with graceful pod termination (the node agent finishes
//! it), list and the hand-off to watch.

use super::resources::{self, Resource};
use super::selector::{FieldSelector, LabelSelector};
use super::status::ApiError;
use super::{defaults, podsecurity, strategic, table, validate, watch, App};
use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, Method, Uri};
use axum::response::{IntoResponse, Response};
use rand::Rng;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::atomic::Ordering;
use std::sync::Arc;

/// A parsed resource path.
struct Target {
    res: &'static Resource,
    ns: Option<String>,
    name: Option<String>,
    sub: Option<String>,
}

fn parse_path(path: &str) -> Option<Target> {
    let segs: Vec<&str> = path.trim_matches('/').split('/').collect();
    let (group, version, rest) = match segs.as_slice() {
        ["api", v, rest @ ..] => ("", *v, rest),
        ["apis", g, v, rest @ ..] => (*g, *v, rest),
        _ => return None,
    };
    let (ns, rest) = match rest {
        ["namespaces", ns, plural, more @ ..]
            if resources::find(group, version, plural).is_some_and(|r| r.namespaced) =>
        {
            (Some(ns.to_string()), [&[*plural][..], more].concat())
        }
        _ => (None, rest.to_vec()),
    };
    let res = resources::find(group, version, rest.first()?)?;
    Some(Target {
        res,
        ns,
        name: rest.get(1).map(|s| s.to_string()),
        sub: rest.get(2).map(|s| s.to_string()),
    })
    .filter(|_| rest.len() <= 3)
}

pub fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

pub fn new_uid() -> String {
    let b: [u8; 16] = rand::rng().random();
    let h: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    )
}

/// A name from `generateName`, as the API server's generator makes it: the prefix cut to 58
/// characters, so that it and 5 random characters still fit a DNS label.
pub fn generate_name(prefix: &str) -> String {
    let prefix: String = prefix.chars().take(58).collect();
    format!("{prefix}{}", name_suffix(5))
}

fn name_suffix(n: usize) -> String {
    const ALPHABET: &[u8] = b"bcdfghjklmnpqrstvwxz2456789";
    let mut r = rand::rng();
    (0..n)
        .map(|_| ALPHABET[r.random_range(0..ALPHABET.len())] as char)
        .collect()
}

fn json_response(code: u16, v: &Value) -> Response {
    (
        axum::http::StatusCode::from_u16(code).unwrap(),
        [("content-type", "application/json")],
        v.to_string(),
    )
        .into_response()
}

pub async fn handle(
    State(app): State<Arc<App>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    Query(q): Query<Vec<(String, String)>>,
    body: Bytes,
) -> Response {
    let q: HashMap<String, String> = q.into_iter().collect();
    match route(&app, &method, &uri, &headers, &q, &body).await {
        Ok(r) => r,
        Err(e) => e.into_response(),
    }
}

async fn route(
    app: &Arc<App>,
    method: &Method,
    uri: &Uri,
    headers: &HeaderMap,
    q: &HashMap<String, String>,
    body: &Bytes,
) -> Result<Response, ApiError> {
    let path = uri.path().trim_end_matches('/');
    if let Some(doc) = resources::discovery(path, &app.addr) {
        return Ok(json_response(200, &doc));
    }
    let t = parse_path(path).ok_or_else(ApiError::not_found_path)?;
    let accept = headers
        .get("accept")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let dry_run = q.get("dryRun").is_some_and(|v| v == "All");
    match (method.clone(), &t.name) {
        (Method::GET, None) => {
            if q.get("watch").is_some_and(|w| w == "true" || w == "1") {
                return watch::serve(app, t.res, t.ns, q, table::wants_table(accept));
            }
            list(app, &t, q, accept)
        }
        (Method::POST, None) => create(app, &t, body, dry_run),
        (Method::DELETE, None) => {
            let (items, _) = list_items(app, &t, q)?;
            let mut out = vec![];
            for o in items {
                let name = o["metadata"]["name"].as_str().unwrap_or("").to_string();
                let ns = o["metadata"]["namespace"]
                    .as_str()
                    .unwrap_or("")
                    .to_string();
                out.push(delete(app, t.res, &ns, &name, q, body, dry_run)?);
            }
            Ok(json_response(
                200,
                &list_doc(t.res, out, app.store.current_rv()),
            ))
        }
        (Method::GET, Some(name)) => {
            let ns = t.ns.clone().unwrap_or_default();
            let obj = app
                .store
                .get(t.res.plural, &ns, name)
                .ok_or_else(|| ApiError::not_found(t.res.plural, t.res.group, name))?;
            if table::wants_table(accept) {
                let rv = obj["metadata"]["resourceVersion"]
                    .as_str()
                    .unwrap_or("0")
                    .parse()
                    .unwrap_or(0);
                let include = q
                    .get("includeObject")
                    .map(String::as_str)
                    .unwrap_or("Metadata");
                return Ok(json_response(
                    200,
                    &table::table(t.res.plural, &[obj], rv, include),
                ));
            }
            Ok(json_response(200, &obj))
        }
        (Method::PUT, Some(name)) => replace(app, &t, name, body, dry_run),
        (Method::PATCH, Some(name)) => {
            let strategic = headers
                .get("content-type")
                .and_then(|v| v.to_str().ok())
                .is_some_and(|c| c.contains("strategic-merge-patch"));
            patch(app, &t, name, body, dry_run, strategic)
        }
        (Method::DELETE, Some(name)) => {
            let ns = t.ns.clone().unwrap_or_default();
            let obj = delete(app, t.res, &ns, name, q, body, dry_run)?;
            Ok(json_response(200, &obj))
        }
        _ => Err(ApiError::method_not_allowed()),
    }
}

fn list_items(
    app: &App,
    t: &Target,
    q: &HashMap<String, String>,
) -> Result<(Vec<Value>, u64), ApiError> {
    let ls = LabelSelector::parse(q.get("labelSelector").map(String::as_str).unwrap_or(""))
        .map_err(ApiError::bad_request)?;
    let fs = FieldSelector::parse(
        q.get("fieldSelector").map(String::as_str).unwrap_or(""),
        t.res.plural,
    )
    .map_err(ApiError::bad_request)?;
    let (items, rv) = app.store.list(t.res.plural, t.ns.as_deref());
    Ok((
        items
            .into_iter()
            .filter(|o| ls.matches(o) && fs.matches(o))
            .collect(),
        rv,
    ))
}

fn list_doc(res: &Resource, items: Vec<Value>, rv: u64) -> Value {
    json!({"kind": format!("{}List", res.kind), "apiVersion": res.api_version(),
           "metadata": {"resourceVersion": rv.to_string()}, "items": items})
}

fn list(
    app: &App,
    t: &Target,
    q: &HashMap<String, String>,
    accept: &str,
) -> Result<Response, ApiError> {
    let (items, rv) = list_items(app, t, q)?;
    if table::wants_table(accept) {
        let include = q
            .get("includeObject")
            .map(String::as_str)
            .unwrap_or("Metadata");
        return Ok(json_response(
            200,
            &table::table(t.res.plural, &items, rv, include),
        ));
    }
    Ok(json_response(200, &list_doc(t.res, items, rv)))
}

fn parse_body(body: &Bytes) -> Result<Value, ApiError> {
    serde_json::from_slice(body).map_err(|e| {
        ApiError::bad_request(format!(
            "the body of the request could not be decoded as JSON: {e}"
        ))
    })
}

fn check_valid(res: &Resource, obj: &Value) -> Result<(), ApiError> {
    let causes = validate::object(res.plural, obj);
    if causes.is_empty() {
        return Ok(());
    }
    let name = obj["metadata"]["name"].as_str().unwrap_or("");
    Err(ApiError::invalid(res.kind, res.group, name, &causes))
}

fn create(app: &App, t: &Target, body: &Bytes, dry_run: bool) -> Result<Response, ApiError> {
    let mut obj = parse_body(body)?;
    if !obj.is_object() || !obj["metadata"].is_object() {
        return Err(ApiError::bad_request("the object has no metadata"));
    }
    if let Some(kind) = obj["kind"].as_str() {
        if kind != t.res.kind {
            return Err(ApiError::bad_request(format!(
                "the API version in the data ({}) does not match the expected API version ({})",
                obj["apiVersion"].as_str().unwrap_or(""),
                t.res.api_version()
            )));
        }
    }
    if let Some(ns) = &t.ns {
        match obj["metadata"]["namespace"].as_str() {
            Some(b) if !b.is_empty() && b != ns => {
                return Err(ApiError::bad_request("the namespace of the provided object does not match the namespace sent on the request"))
            }
            _ => obj["metadata"]["namespace"] = json!(ns),
        }
        if app.store.get("namespaces", "", ns).is_none() {
            return Err(ApiError::not_found("namespaces", "", ns));
        }
    }
    if obj["metadata"]["name"].as_str().unwrap_or("").is_empty() {
        if let Some(g) = obj["metadata"]["generateName"]
            .as_str()
            .filter(|g| !g.is_empty())
        {
            obj["metadata"]["name"] = json!(generate_name(g));
        }
    }
    let obj = prepare_new(app, t.res, obj);
    check_valid(t.res, &obj)?;
    // Validating admission comes after field validation, and runs for dry runs too.
    if t.res.plural == "pods" {
        let ns = obj["metadata"]["namespace"].as_str().unwrap_or("");
        if let Some(namespace) = app.store.get("namespaces", "", ns) {
            podsecurity::admit_pod(&namespace, &obj)?;
        }
    }
    let name = obj["metadata"]["name"].as_str().unwrap_or("").to_string();
    if dry_run {
        let ns = obj["metadata"]["namespace"].as_str().unwrap_or("");
        if app.store.get(t.res.plural, ns, &name).is_some() {
            return Err(ApiError::already_exists(t.res.plural, t.res.group, &name));
        }
        return Ok(json_response(201, &obj));
    }
    let created = app
        .store
        .create(t.res.plural, obj)
        .map_err(|_| ApiError::already_exists(t.res.plural, t.res.group, &name))?;
    Ok(json_response(201, &created))
}

/// Sets what the API server and its controllers (scheduler included) would set on a new object.
pub fn prepare_new(app: &App, res: &Resource, mut obj: Value) -> Value {
    obj["kind"] = json!(res.kind);
    obj["apiVersion"] = json!(res.api_version());
    let m = &mut obj["metadata"];
    m["uid"] = json!(new_uid());
    m["creationTimestamp"] = json!(now());
    if res.group == "apps" {
        m["generation"] = json!(1);
    }
    if res.plural == "pods" {
        pod_defaults(app, &mut obj);
    }
    defaults::workload(res.plural, &mut obj);
    if res.plural == "namespaces" && obj["status"].is_null() {
        obj["spec"] = json!({"finalizers": ["kubernetes"]});
        obj["status"] = json!({"phase": "Active"});
    }
    obj
}

fn pod_defaults(app: &App, pod: &mut Value) {
    defaults::pod_spec(&mut pod["spec"]);
    let spec = &mut pod["spec"];
    // The stand-in scheduler: round robin over the nodes that are not cordoned.
    if spec["nodeName"].as_str().unwrap_or("").is_empty() {
        let nodes: Vec<Value> = app
            .store
            .list("nodes", None)
            .0
            .into_iter()
            .filter(|n| n["spec"]["unschedulable"] != true)
            .collect();
        if !nodes.is_empty() {
            let i = app.next_node.fetch_add(1, Ordering::Relaxed) % nodes.len();
            spec["nodeName"] = nodes[i]["metadata"]["name"].clone();
        }
    }
    let scheduled = !spec["nodeName"].as_str().unwrap_or("").is_empty();
    let ts = now();
    pod["status"] = json!({
        "phase": "Pending", "qosClass": "BestEffort",
        "conditions": if scheduled { json!([{"type": "PodScheduled", "status": "True", "lastProbeTime": null, "lastTransitionTime": ts}]) } else { json!([]) },
    });
}

fn replace(
    app: &App,
    t: &Target,
    name: &str,
    body: &Bytes,
    dry_run: bool,
) -> Result<Response, ApiError> {
    let new = parse_body(body)?;
    apply_update(app, t, name, dry_run, |old| {
        let mut obj = new.clone();
        keep_server_metadata(&mut obj, old);
        // The subresource `status` only changes status.
        if t.sub.as_deref() == Some("status") {
            let mut o = old.clone();
            o["status"] = obj["status"].clone();
            return o;
        }
        obj["status"] = old["status"].clone();
        obj["kind"] = old["kind"].clone();
        obj["apiVersion"] = old["apiVersion"].clone();
        obj
    })
}

/// Identity and bookkeeping belong to the server: an update (replace or patch) never changes
/// them, whatever the client sent.
fn keep_server_metadata(obj: &mut Value, old: &Value) {
    for k in [
        "uid",
        "creationTimestamp",
        "namespace",
        "name",
        "generation",
        "deletionTimestamp",
    ] {
        obj["metadata"][k] = old["metadata"][k].clone();
    }
}

/// RFC 7386 JSON merge patch (strategic merge patches are applied the same way, which is
/// right for the map-shaped fields kubectl and the plugin patch: labels, annotations).
pub fn merge_patch(target: &mut Value, patch: &Value) {
    match (target.as_object_mut(), patch.as_object()) {
        (Some(t), Some(p)) => {
            for (k, v) in p {
                if v.is_null() {
                    t.remove(k);
                } else {
                    merge_patch(t.entry(k.clone()).or_insert(Value::Null), v);
                }
            }
        }
        _ => *target = patch.clone(),
    }
}

fn patch(
    app: &App,
    t: &Target,
    name: &str,
    body: &Bytes,
    dry_run: bool,
    strategic: bool,
) -> Result<Response, ApiError> {
    let p = parse_body(body)?;
    if p.is_array() {
        return Err(ApiError {
            code: 415,
            reason: "UnsupportedMediaType",
            message: "the lab supports merge and strategic merge patches, not JSON patches".into(),
            details: Value::Null,
        });
    }
    apply_update(app, t, name, dry_run, |old| {
        let mut o = old.clone();
        if strategic {
            strategic::apply(&mut o, &p);
        } else {
            merge_patch(&mut o, &p);
        }
        keep_server_metadata(&mut o, old);
        o
    })
}

fn apply_update(
    app: &App,
    t: &Target,
    name: &str,
    dry_run: bool,
    f: impl Fn(&Value) -> Value,
) -> Result<Response, ApiError> {
    let ns = t.ns.clone().unwrap_or_default();
    let old = app
        .store
        .get(t.res.plural, &ns, name)
        .ok_or_else(|| ApiError::not_found(t.res.plural, t.res.group, name))?;
    let f = |o: &Value| {
        let mut new = f(o);
        defaults::workload(t.res.plural, &mut new);
        defaults::bump_generation(t.res, o, &mut new);
        new
    };
    let candidate = f(&old);
    check_valid(t.res, &candidate)?;
    if dry_run {
        return Ok(json_response(200, &candidate));
    }
    let updated = app
        .store
        .update(t.res.plural, &ns, name, |o| *o = f(o))
        .ok_or_else(|| ApiError::not_found(t.res.plural, t.res.group, name))?;
    Ok(json_response(200, &updated))
}

/// Deletes an object. Pods on a node get a deletionTimestamp; the node agent stops their
/// containers (SIGTERM, then SIGKILL after the grace period) and then removes them.
pub fn delete(
    app: &App,
    res: &Resource,
    ns: &str,
    name: &str,
    q: &HashMap<String, String>,
    body: &Bytes,
    dry_run: bool,
) -> Result<Value, ApiError> {
    let obj = app
        .store
        .get(res.plural, ns, name)
        .ok_or_else(|| ApiError::not_found(res.plural, res.group, name))?;
    if dry_run {
        return Ok(obj);
    }
    let opts: Value = serde_json::from_slice(body).unwrap_or(Value::Null);
    let grace = q
        .get("gracePeriodSeconds")
        .and_then(|g| g.parse::<i64>().ok())
        .or_else(|| opts["gracePeriodSeconds"].as_i64());
    if res.plural == "pods" && !obj["spec"]["nodeName"].as_str().unwrap_or("").is_empty() {
        let grace = grace.unwrap_or_else(|| {
            obj["spec"]["terminationGracePeriodSeconds"]
                .as_i64()
                .unwrap_or(30)
        });
        let updated = app.store.update("pods", ns, name, |o| {
            if o["metadata"]["deletionTimestamp"].is_null() {
                o["metadata"]["deletionTimestamp"] = json!(now());
                o["metadata"]["deletionGracePeriodSeconds"] = json!(grace);
            } else if grace
                < o["metadata"]["deletionGracePeriodSeconds"]
                    .as_i64()
                    .unwrap_or(i64::MAX)
            {
                o["metadata"]["deletionGracePeriodSeconds"] = json!(grace);
            }
        });
        return updated.ok_or_else(|| ApiError::not_found(res.plural, res.group, name));
    }
    if res.plural == "namespaces" {
        for r in resources::RESOURCES.iter().filter(|r| r.namespaced) {
            for o in app.store.list(r.plural, Some(name)).0 {
                let n = o["metadata"]["name"].as_str().unwrap_or("").to_string();
                let _ = delete(app, r, name, &n, &HashMap::new(), &Bytes::new(), false);
            }
        }
    }
    app.store
        .remove(res.plural, ns, name)
        .ok_or_else(|| ApiError::not_found(res.plural, res.group, name))
}
