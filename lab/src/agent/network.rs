//! The lab network: one bridge (`dlab0`, 198.51.100.1/24, a documentation range) and, per pod,
//! a network namespace joined to it by a veth pair. No default route is ever added, so pod
//! traffic cannot leave the bridge.

use anyhow::{bail, Context, Result};
use std::net::Ipv4Addr;
use tokio::process::Command;

pub const BRIDGE: &str = "dlab0";
pub const NETNS_PREFIX: &str = "dlab-";
pub const VETH_PREFIX: &str = "dlv";
pub const SUBNET: [u8; 3] = [198, 51, 100];

async fn ip(args: &[&str]) -> Result<()> {
    let out = Command::new("ip")
        .args(args)
        .output()
        .await
        .context("running ip (install iproute2)")?;
    if !out.status.success() {
        bail!(
            "ip {}: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    Ok(())
}

pub fn pod_ip(host: u8) -> Ipv4Addr {
    Ipv4Addr::new(SUBNET[0], SUBNET[1], SUBNET[2], host)
}

pub async fn create_bridge() -> Result<()> {
    ip(&["link", "add", BRIDGE, "type", "bridge"]).await?;
    ip(&["addr", "add", &format!("{}/24", pod_ip(1)), "dev", BRIDGE]).await?;
    ip(&["link", "set", BRIDGE, "up"]).await
}

/// Makes netns `dlab-<tag>` with eth0 = `addr`/24 on the bridge. `tag` is 8 hex digits.
pub async fn create_pod_network(tag: &str, addr: Ipv4Addr) -> Result<String> {
    let ns = format!("{NETNS_PREFIX}{tag}");
    let veth = format!("{VETH_PREFIX}{tag}");
    ip(&["netns", "add", &ns]).await?;
    let r = async {
        ip(&[
            "link", "add", &veth, "type", "veth", "peer", "name", "eth0", "netns", &ns,
        ])
        .await?;
        ip(&["link", "set", &veth, "master", BRIDGE, "up"]).await?;
        ip(&[
            "-n",
            &ns,
            "addr",
            "add",
            &format!("{addr}/24"),
            "dev",
            "eth0",
        ])
        .await?;
        ip(&["-n", &ns, "link", "set", "eth0", "up"]).await?;
        ip(&["-n", &ns, "link", "set", "lo", "up"]).await
    }
    .await;
    if let Err(e) = r {
        delete_pod_network(&ns).await;
        return Err(e);
    }
    Ok(ns)
}

/// Deleting the namespace also deletes its veth pair.
pub async fn delete_pod_network(ns: &str) {
    let _ = ip(&["netns", "delete", ns]).await;
    if let Some(tag) = ns.strip_prefix(NETNS_PREFIX) {
        let _ = ip(&["link", "delete", &format!("{VETH_PREFIX}{tag}")]).await;
    }
}

/// Removes every lab netns, veth and the bridge (by their name prefixes).
pub async fn cleanup_all() {
    if let Ok(entries) = std::fs::read_dir("/run/netns") {
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().to_string();
            if name.starts_with(NETNS_PREFIX) {
                delete_pod_network(&name).await;
            }
        }
    }
    if let Ok(entries) = std::fs::read_dir("/sys/class/net") {
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().to_string();
            if name.starts_with(VETH_PREFIX) || name == BRIDGE {
                let _ = ip(&["link", "delete", &name]).await;
            }
        }
    }
}
