//! `dumpy-lab oom-kill` and `dumpy-lab evict`: posted to the running lab server's `/lab/v1`
//! operations (api::labops), which the node agent carries out. The request goes through
//! stock kubectl (`kubectl create --raw`) with the lab's admin kubeconfig: the server speaks
//! HTTPS only and wants a bearer token, which kubectl already handles.

use crate::agent::paths;
use crate::fixtures;
use anyhow::{bail, Context, Result};
use std::path::Path;
use std::process::Command;

/// Posts operation `op` for `pod` (NAMESPACE/NAME or NAME) and prints the server's answer.
pub fn post(state: &Path, pod: &str, op: &str, container: Option<&str>) -> Result<()> {
    let (ns, name) = pod.split_once('/').unwrap_or((fixtures::NAMESPACE, pod));
    if ns.is_empty() || name.is_empty() || name.contains('/') {
        bail!("{pod:?}: name the pod as NAMESPACE/NAME or NAME");
    }
    let kubeconfig = paths::kubeconfig(state);
    if !kubeconfig.exists() {
        bail!("the lab is not running: start it with `dumpy-lab up`");
    }
    let mut path = format!("/lab/v1/namespaces/{ns}/pods/{name}/{op}");
    if let Some(c) = container {
        path.push_str(&format!("?container={c}"));
    }
    let out = Command::new("kubectl")
        .arg("--kubeconfig")
        .arg(&kubeconfig)
        .args(["create", "--raw", &path, "-f", "/dev/null"])
        .output()
        .context("running kubectl (the lab's operations go through it)")?;
    let body = String::from_utf8_lossy(&out.stdout);
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        bail!(
            "{}",
            err.trim().trim_start_matches("Error from server").trim()
        );
    }
    let v: serde_json::Value = serde_json::from_str(&body).unwrap_or_default();
    println!("{}", v["message"].as_str().unwrap_or(body.trim()));
    Ok(())
}
