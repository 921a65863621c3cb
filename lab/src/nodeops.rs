//! `dumpy-lab oom-kill` and `dumpy-lab evict`: posted to the running lab server's `/lab/v1`
//! operations (api::labops), which the node agent carries out. One plain HTTP request to
//! the address in the lab's kubeconfig.

use crate::agent::paths;
use crate::fixtures;
use anyhow::{bail, Context, Result};
use std::io::{Read, Write};
use std::path::Path;

/// Posts operation `op` for `pod` (NAMESPACE/NAME or NAME) and prints the server's answer.
pub fn post(state: &Path, pod: &str, op: &str, container: Option<&str>) -> Result<()> {
    let (ns, name) = pod.split_once('/').unwrap_or((fixtures::NAMESPACE, pod));
    if ns.is_empty() || name.is_empty() || name.contains('/') {
        bail!("{pod:?}: name the pod as NAMESPACE/NAME or NAME");
    }
    let kc = std::fs::read_to_string(paths::kubeconfig(state))
        .context("the lab is not running: start it with `dumpy-lab up`")?;
    let addr = kc
        .lines()
        .find_map(|l| l.trim().strip_prefix("server: http://"))
        .context("no server address in the lab's kubeconfig")?
        .to_string();
    let mut path = format!("/lab/v1/namespaces/{ns}/pods/{name}/{op}");
    if let Some(c) = container {
        path.push_str(&format!("?container={c}"));
    }
    let mut s = std::net::TcpStream::connect(&addr)
        .with_context(|| format!("connecting to the lab server at {addr}"))?;
    write!(
        s,
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    )?;
    let mut reply = String::new();
    s.read_to_string(&mut reply)?;
    let (head, body) = reply.split_once("\r\n\r\n").unwrap_or((&reply, ""));
    let ok = head.starts_with("HTTP/1.1 200");
    let v: serde_json::Value = serde_json::from_str(body).unwrap_or_default();
    let message = v["message"].as_str().unwrap_or(body.trim());
    if !ok {
        bail!("{message}");
    }
    println!("{message}");
    Ok(())
}
