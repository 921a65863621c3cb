//! Controls sniffers by exec of the sniffer binary itself (the image has no shell):
//! `status`, `stop` and `export`, rendered by `sniffer_contract::invocation::Control`.

use crate::error::{Error, Result};
use crate::podspec::CONTAINER_NAME;
use k8s_openapi::api::core::v1::Pod;
use kube::api::{Api, AttachParams};
use sniffer_contract::invocation::Control;
use sniffer_contract::status::Status;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};

fn params() -> AttachParams {
    AttachParams::default()
        .container(CONTAINER_NAME)
        .stdin(false)
        .stdout(true)
        .stderr(true)
}

/// Runs `cmd` in sniffer `pod`, copying its stdout into `out` and calling `progress` with the
/// byte count so far. Fails with the sniffer's stderr when it exits non-zero.
pub async fn stream<W: AsyncWrite + Unpin>(
    pods: &Api<Pod>,
    pod: &str,
    cmd: &Control,
    out: &mut W,
    mut progress: impl FnMut(u64),
) -> Result<u64> {
    let what = cmd.name();
    let argv = cmd.argv();
    tracing::debug!(pod, ?argv, "exec");
    let mut proc = pods.exec(pod, argv, &params()).await.map_err(|e| {
        crate::access::exec_error(pods, e).context(format!("cannot exec `sniffer {what}` in {pod}"))
    })?;
    let mut stdout = proc
        .stdout()
        .ok_or_else(|| Error::new("exec gave no stdout"))?;
    let mut stderr = proc
        .stderr()
        .ok_or_else(|| Error::new("exec gave no stderr"))?;
    let status = proc.take_status();
    // stderr must be drained at the same time, or a chatty sniffer blocks the stream.
    let err_task = tokio::spawn(async move {
        let mut buf = Vec::new();
        let _ = stderr.read_to_end(&mut buf).await;
        buf
    });
    let mut total = 0u64;
    let mut buf = vec![0u8; 256 * 1024];
    loop {
        let n = stdout.read(&mut buf).await?;
        if n == 0 {
            break;
        }
        out.write_all(&buf[..n]).await?;
        total += n as u64;
        progress(total);
    }
    out.flush().await?;
    let stderr_text = String::from_utf8_lossy(&err_task.await.unwrap_or_default())
        .trim()
        .to_string();
    let status = match status {
        Some(s) => s.await,
        None => None,
    };
    let _ = proc.join().await;
    if let Some(s) = status {
        if s.status.as_deref() != Some("Success") {
            let msg = if !stderr_text.is_empty() {
                stderr_text.lines().last().unwrap_or_default().to_string()
            } else {
                s.message.unwrap_or_else(|| "failed".into())
            };
            return Err(Error::new(format!("`sniffer {what}` in {pod}: {msg}")));
        }
    }
    Ok(total)
}

/// Runs `cmd` and returns its stdout.
pub async fn output(pods: &Api<Pod>, pod: &str, cmd: &Control) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    stream(pods, pod, cmd, &mut out, |_| {}).await?;
    Ok(out)
}

pub async fn status(pods: &Api<Pod>, pod: &str, output_path: &str) -> Result<Status> {
    let out = output(pods, pod, &Control::status(output_path)).await?;
    serde_json::from_slice(&out)
        .map_err(|e| Error::new(format!("sniffer {pod} printed an unreadable status ({e}): is its image the same version as the plugin?")))
}

pub async fn stop(pods: &Api<Pod>, pod: &str, output_path: &str) -> Result<()> {
    output(pods, pod, &Control::stop(output_path))
        .await
        .map(drop)
}

/// The reader side of a streaming export (for live `export NAME -`).
pub async fn export_reader(
    pods: &Api<Pod>,
    pod: &str,
    output_path: &str,
) -> Result<(impl AsyncRead + Unpin, kube::api::AttachedProcess)> {
    let mut proc = pods
        .exec(
            pod,
            Control::export(output_path, true, None).argv(),
            &params().stderr(false),
        )
        .await
        .map_err(|e| {
            crate::access::exec_error(pods, e)
                .context(format!("cannot exec `sniffer export` in {pod}"))
        })?;
    let stdout = proc
        .stdout()
        .ok_or_else(|| Error::new("exec gave no stdout"))?;
    Ok((stdout, proc))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_json_parses() {
        // What `sniffer status` prints.
        let s: Status = serde_json::from_str(
            r#"{"state":"capturing","pid":42,"interface":"any","filter":"port 80",
                "packets_captured":10,"packets_received":10,"packets_dropped":0,
                "files":[{"name":"cap-web-1-000001.pcapng","size":1024}],"current":"cap-web-1-000001.pcapng","message":null}"#,
        )
        .unwrap();
        assert_eq!(s.state.to_string(), "capturing");
        assert_eq!(s.files[0].size, 1024);
    }

    #[test]
    fn commands_follow_the_contract() {
        assert_eq!(
            Control::export("/dumpy/a.pcapng", true, None).argv(),
            ["/sniffer", "export", "-w", "/dumpy/a.pcapng", "--follow"]
        );
        assert_eq!(
            Control::export("/dumpy/a.pcapng", false, Some("a-000002.pcapng")).argv(),
            [
                "/sniffer",
                "export",
                "-w",
                "/dumpy/a.pcapng",
                "--file",
                "a-000002.pcapng"
            ]
        );
        assert_eq!(
            Control::stop("/dumpy/a.pcapng").argv(),
            ["/sniffer", "stop", "-w", "/dumpy/a.pcapng"]
        );
    }
}
