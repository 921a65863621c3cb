//! pods/log: the container's log file written by containerd's shim, with sinceSeconds,
//! tailLines, limitBytes and follow (streams until the container has terminated and the file
//! is drained).

use super::status::ApiError;
use super::App;
use crate::agent::paths;
use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use serde_json::Value;
use std::collections::HashMap;
use std::io::SeekFrom;
use std::sync::Arc;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncSeekExt};
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;

/// Picks the container a request means: the named one, or the only one.
pub fn pick_container(pod: &Value, wanted: Option<&String>) -> Result<String, ApiError> {
    let name = pod["metadata"]["name"].as_str().unwrap_or("");
    let names: Vec<String> = pod["spec"]["containers"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|c| c["name"].as_str().map(String::from))
        .collect();
    match wanted.filter(|w| !w.is_empty()) {
        Some(w) if names.contains(w) => Ok(w.clone()),
        Some(w) => Err(ApiError::bad_request(format!(
            "container {w} is not valid for pod {name}"
        ))),
        None if names.len() == 1 => Ok(names[0].clone()),
        None => Err(ApiError::bad_request(format!(
            "a container name must be specified for pod {name}, choose one of: [{}]",
            names.join(" ")
        ))),
    }
}

/// The status entry of `container`, if the agent has reported one.
pub fn container_status<'a>(pod: &'a Value, container: &str) -> Option<&'a Value> {
    pod["status"]["containerStatuses"]
        .as_array()?
        .iter()
        .find(|c| c["name"] == container)
}

pub async fn handle(
    State(app): State<Arc<App>>,
    Path((ns, name)): Path<(String, String)>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    match serve(app, ns, name, q).await {
        Ok(r) => r,
        Err(e) => e.into_response(),
    }
}

fn tail(data: &[u8], lines: usize) -> &[u8] {
    let trimmed = data.strip_suffix(b"\n").unwrap_or(data);
    let mut count = 0;
    for (i, b) in trimmed.iter().enumerate().rev() {
        if *b == b'\n' {
            count += 1;
            if count == lines {
                return &data[i + 1..];
            }
        }
    }
    if lines == 0 {
        &[]
    } else {
        data
    }
}

/// Whether the lines already in the log fall in the last `since` seconds. The shim's file
/// carries no per-line times (the kubelet's CRI log does), so the lab dates them by the
/// container's start and the file's last write: all are in when the container started inside
/// the window, none when the file was last written before it, and otherwise all (some may be
/// older: the lab errs towards showing lines). Lines that arrive while following are new.
fn within(status: Option<&Value>, modified: Option<std::time::SystemTime>, since: i64) -> bool {
    let cutoff = chrono::Utc::now() - chrono::Duration::seconds(since);
    let state = status.map(|s| &s["state"]);
    let started = state
        .and_then(|s| {
            s["running"]["startedAt"]
                .as_str()
                .or(s["terminated"]["startedAt"].as_str())
        })
        .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok());
    if started.is_some_and(|t| t >= cutoff) {
        return true;
    }
    match modified {
        Some(m) => chrono::DateTime::<chrono::Utc>::from(m) >= cutoff,
        None => true,
    }
}

async fn serve(
    app: Arc<App>,
    ns: String,
    name: String,
    q: HashMap<String, String>,
) -> Result<Response, ApiError> {
    let pod = app
        .store
        .get("pods", &ns, &name)
        .ok_or_else(|| ApiError::not_found("pods", "", &name))?;
    let container = pick_container(&pod, q.get("container"))?;
    let started =
        container_status(&pod, &container).is_some_and(|s| s["state"]["waiting"].is_null());
    if !started {
        return Err(ApiError::bad_request(format!(
            "container \"{container}\" in pod \"{name}\" is waiting to start: ContainerCreating"
        )));
    }
    let uid = pod["metadata"]["uid"].as_str().unwrap_or("").to_string();
    let path = paths::log_file(&app.state_dir, &uid, &container);
    let mut data = tokio::fs::read(&path).await.unwrap_or_default();
    // Following goes on from the end of what is there now, whatever of it is shown.
    let mut offset = data.len() as u64;
    if let Some(since) = q.get("sinceSeconds").and_then(|s| s.parse::<i64>().ok()) {
        if since <= 0 {
            return Err(ApiError::bad_request(
                "sinceSeconds: Invalid value: must be greater than 0".to_string(),
            ));
        }
        let status = container_status(&pod, &container).cloned();
        let modified = tokio::fs::metadata(&path)
            .await
            .and_then(|m| m.modified())
            .ok();
        if !within(status.as_ref(), modified, since) {
            data.clear();
        }
    }
    let mut first: Vec<u8> = match q.get("tailLines").and_then(|t| t.parse::<usize>().ok()) {
        Some(n) => tail(&data, n).to_vec(),
        None => data.clone(),
    };
    if let Some(limit) = q.get("limitBytes").and_then(|l| l.parse::<usize>().ok()) {
        first.truncate(limit);
    }
    let follow = q.get("follow").is_some_and(|f| f == "true" || f == "1");
    if !follow {
        return Ok(([("content-type", "text/plain")], first).into_response());
    }
    let (tx, rx) = mpsc::channel::<Result<Vec<u8>, std::io::Error>>(64);
    tokio::spawn(async move {
        if !first.is_empty() && tx.send(Ok(first)).await.is_err() {
            return;
        }
        loop {
            // Read what is new; stop once the container is gone and nothing more arrives.
            let done = match app.store.get("pods", &ns, &name) {
                None => true,
                Some(p) => {
                    p["metadata"]["uid"] != uid.as_str()
                        || container_status(&p, &container)
                            .is_some_and(|s| !s["state"]["terminated"].is_null())
                }
            };
            if let Ok(mut f) = tokio::fs::File::open(&path).await {
                if f.seek(SeekFrom::Start(offset)).await.is_ok() {
                    let mut buf = vec![];
                    if f.read_to_end(&mut buf).await.is_ok() && !buf.is_empty() {
                        offset += buf.len() as u64;
                        if tx.send(Ok(buf)).await.is_err() {
                            return;
                        }
                        continue;
                    }
                }
            }
            if done {
                return;
            }
            tokio::select! {
                _ = tx.closed() => return,
                _ = tokio::time::sleep(Duration::from_millis(200)) => {}
            }
        }
    });
    Ok(Response::builder()
        .status(200)
        .header("content-type", "text/plain")
        .body(Body::from_stream(ReceiverStream::new(rx)))
        .unwrap())
}

#[cfg(test)]
mod tests {
    #[test]
    fn tail_lines() {
        assert_eq!(super::tail(b"a\nb\nc\n", 2), b"b\nc\n");
        assert_eq!(super::tail(b"a\nb\nc\n", 5), b"a\nb\nc\n");
        assert_eq!(super::tail(b"a\nb\nc\n", 0), b"");
    }

    #[test]
    fn since_seconds_dates_the_log_by_start_and_last_write() {
        use std::time::{Duration, SystemTime};
        let started = |ago: i64| {
            let t = chrono::Utc::now() - chrono::Duration::seconds(ago);
            serde_json::json!({"state": {"running": {"startedAt": t.to_rfc3339()}}})
        };
        let hour_ago = SystemTime::now() - Duration::from_secs(3600);
        // Started inside the window: every line is newer.
        assert!(super::within(Some(&started(5)), Some(hour_ago), 60));
        // Started and last written before it: nothing is.
        assert!(!super::within(Some(&started(7200)), Some(hour_ago), 60));
        // Written inside it: shown.
        assert!(super::within(
            Some(&started(7200)),
            Some(SystemTime::now()),
            60
        ));
    }
}
