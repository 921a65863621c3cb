//! Watches: a chunked stream of `{"type": …, "object": …}` lines, resumable from a
//! resourceVersion (past events come from the store's history), with label and field
//! selectors, `timeoutSeconds`, and Table-shaped objects for `kubectl get -w`.

use super::resources::Resource;
use super::selector::{FieldSelector, LabelSelector};
use super::status::ApiError;
use super::store::Event;
use super::{table, App};
use axum::body::Body;
use axum::response::Response;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{broadcast, mpsc};
use tokio_stream::wrappers::ReceiverStream;

pub fn serve(
    app: &Arc<App>,
    res: &'static Resource,
    ns: Option<String>,
    q: &HashMap<String, String>,
    as_table: bool,
) -> Result<Response, ApiError> {
    let ls = LabelSelector::parse(q.get("labelSelector").map(String::as_str).unwrap_or(""))
        .map_err(ApiError::bad_request)?;
    let fs = FieldSelector::parse(
        q.get("fieldSelector").map(String::as_str).unwrap_or(""),
        res.plural,
    )
    .map_err(ApiError::bad_request)?;
    let since: u64 = match q.get("resourceVersion").map(String::as_str) {
        None | Some("") | Some("0") => 0,
        Some(v) => v
            .parse()
            .map_err(|_| ApiError::bad_request(format!("invalid resourceVersion {v:?}")))?,
    };
    let timeout = q
        .get("timeoutSeconds")
        .and_then(|t| t.parse::<u64>().ok())
        .unwrap_or(1800);
    let include = q
        .get("includeObject")
        .cloned()
        .unwrap_or_else(|| "Metadata".into());

    // No resourceVersion: the current state first, as synthetic ADDED events (like the API server).
    let (initial, past, mut rx) = if since == 0 {
        let (past, rx) = app.store.watch_from(app.store.current_rv());
        let (items, _) = app.store.list(res.plural, ns.as_deref());
        (items, past.unwrap_or_default(), rx)
    } else {
        let (past, rx) = app.store.watch_from(since);
        match past {
            Some(p) => (vec![], p, rx),
            None => {
                let gone = json!({"type": "ERROR", "object": {"kind": "Status", "apiVersion": "v1", "metadata": {},
                    "status": "Failure", "message": format!("too old resource version: {since}"), "reason": "Expired", "code": 410}});
                return Ok(stream_response(futures::stream::iter(vec![Ok::<
                    _,
                    std::io::Error,
                >(
                    format!(
                    "{gone}\n"
                )
                )])));
            }
        }
    };

    let matches = move |e: &Event| -> bool {
        e.resource == res.plural
            && ns
                .as_deref()
                .is_none_or(|n| e.object["metadata"]["namespace"].as_str() == Some(n))
            && ls.matches(&e.object)
            && fs.matches(&e.object)
    };
    let encode = move |kind: &str, obj: &Value| -> String {
        let object = if as_table {
            let rv = obj["metadata"]["resourceVersion"]
                .as_str()
                .unwrap_or("0")
                .parse()
                .unwrap_or(0);
            table::table(res.plural, std::slice::from_ref(obj), rv, &include)
        } else {
            obj.clone()
        };
        format!("{}\n", json!({"type": kind, "object": object}))
    };

    let (tx, out) = mpsc::channel::<Result<String, std::io::Error>>(256);
    tokio::spawn(async move {
        let mut last = 0;
        for obj in initial {
            let ev = Event {
                resource: res.plural.to_string(),
                kind: "ADDED",
                rv: 0,
                object: obj,
            };
            if matches(&ev) && tx.send(Ok(encode("ADDED", &ev.object))).await.is_err() {
                return;
            }
        }
        for ev in past {
            last = ev.rv;
            if matches(&ev) && tx.send(Ok(encode(ev.kind, &ev.object))).await.is_err() {
                return;
            }
        }
        let deadline = tokio::time::sleep(Duration::from_secs(timeout));
        tokio::pin!(deadline);
        loop {
            tokio::select! {
                _ = &mut deadline => return,
                _ = tx.closed() => return,
                r = rx.recv() => match r {
                    Ok(ev) if ev.rv > last && matches(&ev) => {
                        if tx.send(Ok(encode(ev.kind, &ev.object))).await.is_err() { return; }
                    }
                    Ok(_) => {}
                    // Fell behind: end the watch; clients re-list and watch again.
                    Err(broadcast::error::RecvError::Lagged(_)) => return,
                    Err(broadcast::error::RecvError::Closed) => return,
                }
            }
        }
    });
    Ok(stream_response(ReceiverStream::new(out)))
}

fn stream_response<S>(s: S) -> Response
where
    S: futures::Stream<Item = Result<String, std::io::Error>> + Send + 'static,
{
    Response::builder()
        .status(200)
        .header("content-type", "application/json")
        .body(Body::from_stream(s))
        .unwrap()
}
