//! pods/exec over WebSocket with the channel protocols (v4.channel.k8s.io and
//! v5.channel.k8s.io, whose extra close signal ends stdin). The command runs in the pod's
//! container through the runtime (`runc exec`, see `runtime::exec_command`), so it sees the
//! container's mount namespace and runs with its process settings.

use super::logs::{container_status, pick_container};
use super::status::ApiError;
use super::App;
use crate::agent::runtime;
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use futures::{SinkExt, StreamExt};
use serde_json::json;
use std::process::Stdio;
use std::sync::Arc;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::sync::mpsc;

const STDIN: u8 = 0;
const STDOUT: u8 = 1;
const STDERR: u8 = 2;
const ERROR: u8 = 3;
const CLOSE: u8 = 255;

/// The query of an exec request; `command` repeats.
#[derive(Default)]
struct ExecQuery {
    command: Vec<String>,
    container: Option<String>,
    stdin: bool,
}

fn parse_query(pairs: Vec<(String, String)>) -> ExecQuery {
    let mut q = ExecQuery::default();
    for (k, v) in pairs {
        match k.as_str() {
            "command" => q.command.push(v),
            "container" => q.container = Some(v),
            "stdin" => q.stdin = v == "true" || v == "1",
            _ => {}
        }
    }
    q
}

pub async fn handle(
    State(app): State<Arc<App>>,
    Path((ns, name)): Path<(String, String)>,
    Query(pairs): Query<Vec<(String, String)>>,
    ws: Result<WebSocketUpgrade, axum::extract::ws::rejection::WebSocketUpgradeRejection>,
) -> Response {
    let q = parse_query(pairs);
    let prepared = (|| -> Result<String, ApiError> {
        let pod = app
            .store
            .get("pods", &ns, &name)
            .ok_or_else(|| ApiError::not_found("pods", "", &name))?;
        let container = pick_container(&pod, q.container.as_ref())?;
        if q.command.is_empty() {
            return Err(ApiError::bad_request(
                "you must specify at least one command for the container",
            ));
        }
        let phase = pod["status"]["phase"].as_str().unwrap_or("Pending");
        if phase == "Succeeded" || phase == "Failed" {
            return Err(ApiError::bad_request(format!(
                "cannot exec into a container in a completed pod; current phase is {phase}"
            )));
        }
        let st = container_status(&pod, &container);
        if !st.is_some_and(|s| s["state"]["running"].is_object()) {
            return Err(ApiError::bad_request(format!(
                "container {container} is not running in pod {name}"
            )));
        }
        let id = st.and_then(|s| s["containerID"].as_str()).unwrap_or("");
        // containerd://ID or cri-o://ID (CRI-O-presenting nodes): the ID is containerd's.
        Ok(id.split_once("://").map_or(id, |(_, id)| id).to_string())
    })();
    let cid = match prepared {
        Ok(c) => c,
        Err(e) => return e.into_response(),
    };
    let ws = match ws {
        Ok(ws) => ws,
        Err(_) => {
            return ApiError::bad_request(
                "the lab serves exec over WebSocket only (v4/v5.channel.k8s.io)",
            )
            .into_response()
        }
    };
    let ws = ws.protocols(["v5.channel.k8s.io", "v4.channel.k8s.io"]);
    let v5 = ws
        .selected_protocol()
        .is_some_and(|p| p == "v5.channel.k8s.io");
    ws.on_upgrade(move |socket| run(socket, cid, q, v5))
        .into_response()
}

async fn run(socket: WebSocket, cid: String, q: ExecQuery, v5: bool) {
    let (mut sink, mut source) = socket.split();
    let mut cmd = runtime::exec_command(&cid, &q.command);
    cmd.stdin(if q.stdin {
        Stdio::piped()
    } else {
        Stdio::null()
    })
    .stdout(Stdio::piped())
    .stderr(Stdio::piped())
    .kill_on_drop(true);
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => {
            let st = json!({"metadata": {}, "status": "Failure", "message": format!("failed to start exec: {e}"), "reason": "InternalError"});
            let _ = sink
                .send(Message::Binary(
                    frame(ERROR, st.to_string().as_bytes()).into(),
                ))
                .await;
            return;
        }
    };
    let (tx, mut rx) = mpsc::channel::<Vec<u8>>(64);
    let pump = |mut r: Box<dyn tokio::io::AsyncRead + Unpin + Send>,
                ch: u8,
                tx: mpsc::Sender<Vec<u8>>| async move {
        let mut buf = vec![0u8; 32 * 1024];
        loop {
            match r.read(&mut buf).await {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    if tx.send(frame(ch, &buf[..n])).await.is_err() {
                        break;
                    }
                }
            }
        }
    };
    let out = tokio::spawn(pump(
        Box::new(child.stdout.take().unwrap()),
        STDOUT,
        tx.clone(),
    ));
    let err = tokio::spawn(pump(
        Box::new(child.stderr.take().unwrap()),
        STDERR,
        tx.clone(),
    ));
    drop(tx);
    let mut stdin = child.stdin.take();
    // Client → stdin, until the client closes stdin (v5 close signal) or the socket.
    let reader = tokio::spawn(async move {
        while let Some(Ok(msg)) = source.next().await {
            let data = match msg {
                Message::Binary(b) => b.to_vec(),
                Message::Close(_) => break,
                _ => continue,
            };
            match data.first() {
                Some(&STDIN) => {
                    if let Some(s) = stdin.as_mut() {
                        if s.write_all(&data[1..]).await.is_err() {
                            stdin = None;
                        }
                    }
                }
                Some(&CLOSE) if v5 && data.get(1) == Some(&STDIN) => stdin = None,
                _ => {}
            }
        }
    });
    while let Some(f) = rx.recv().await {
        if sink.send(Message::Binary(f.into())).await.is_err() {
            break;
        }
    }
    let _ = out.await;
    let _ = err.await;
    let status = match child.wait().await {
        Ok(s) if s.success() => json!({"metadata": {}, "status": "Success"}),
        Ok(s) => {
            let code = s.code().unwrap_or(137);
            json!({"metadata": {}, "status": "Failure",
                   "message": format!("command terminated with non-zero exit code: error executing command [{}], exit code {code}", q.command.join(" ")),
                   "reason": "NonZeroExitCode",
                   "details": {"causes": [{"reason": "ExitCode", "message": code.to_string()}]}})
        }
        Err(e) => {
            json!({"metadata": {}, "status": "Failure", "message": e.to_string(), "reason": "InternalError"})
        }
    };
    let _ = sink
        .send(Message::Binary(
            frame(ERROR, status.to_string().as_bytes()).into(),
        ))
        .await;
    // Code 1000: client-go reads a normal closure as the end of every stream; without a
    // code (1005) it reports an error.
    let _ = sink
        .send(Message::Close(Some(axum::extract::ws::CloseFrame {
            code: 1000,
            reason: "".into(),
        })))
        .await;
    reader.abort();
}

fn frame(ch: u8, data: &[u8]) -> Vec<u8> {
    let mut v = Vec::with_capacity(data.len() + 1);
    v.push(ch);
    v.extend_from_slice(data);
    v
}

#[cfg(test)]
mod tests {
    #[test]
    fn query_keeps_repeated_commands() {
        let raw = "command=%2Fsniffer&command=status&command=-w&command=%2Fdumpy%2Fa+b&container=s&stdin=true";
        let q = super::parse_query(serde_urlencoded::from_str(raw).unwrap());
        assert_eq!(q.command, ["/sniffer", "status", "-w", "/dumpy/a b"]);
        assert_eq!(q.container.as_deref(), Some("s"));
        assert!(q.stdin);
    }
}
