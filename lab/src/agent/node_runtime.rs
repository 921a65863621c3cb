//! How a lab node presents its container runtime. Every pod really runs on the machine's one
//! containerd; a node can present it as upstream containerd (the default), as k3s's
//! (`containerd://…-k3s1`, socket at /run/k3s/containerd/containerd.sock, a symlink the lab
//! makes at `up` and removes at `down`) or as CRI-O (`cri-o://…`, container IDs `cri-o://<id>`,
//! containers in CRI-O-shaped cgroups `crio-<id>.scope`, and no containerd socket on the
//! node's "host filesystem" for hostPath volumes).
//!
//! The node object's `containerRuntimeVersion` is the one record of what a node presents:
//! the agent reads it back through sniffer-contract's mapping, the same one the plugin uses.

use anyhow::{bail, Context, Result};
use sniffer_contract::runtime::{NodeRuntime, CONTAINERD_SOCKETS, DEFAULT_SOCKET, K3S_SOCKET};
use std::path::Path;

/// What `dumpy-lab up --runtimes` accepts, one per node.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Presented {
    Containerd,
    K3s,
    Crio,
}

impl Presented {
    /// The node's `status.nodeInfo.containerRuntimeVersion`.
    pub fn runtime_version(self) -> &'static str {
        match self {
            Presented::Containerd => "containerd://1.6.20",
            Presented::K3s => "containerd://1.6.20-k3s1",
            Presented::Crio => "cri-o://1.30.2",
        }
    }

    /// The name `--runtimes` uses.
    pub fn flag_name(self) -> &'static str {
        match self {
            Presented::Containerd => "containerd",
            Presented::K3s => "k3s",
            Presented::Crio => "crio",
        }
    }
}

/// The runtime of node `i` (0-based) of `runtimes`: nodes past the list are containerd.
pub fn for_node(runtimes: &[Presented], i: usize) -> Presented {
    runtimes.get(i).copied().unwrap_or(Presented::Containerd)
}

/// What a node with this `containerRuntimeVersion` presents (containerd when unknown).
pub fn of_version(version: &str) -> NodeRuntime {
    NodeRuntime::detect(version, |_| false).unwrap_or(NodeRuntime::Containerd)
}

/// The container ID a kubelet on this runtime reports: `<scheme>://<id>`.
pub fn container_id(rt: NodeRuntime, id: &str) -> String {
    format!("{}://{id}", rt.container_scheme())
}

/// The cgroup the container goes into (ctr's --cgroup), when not ctr's default
/// `/k8s.io/<id>`: CRI-O's systemd shape for CRI-O nodes, at the cgroup root so that runc
/// removes all of it with the container.
pub fn cgroup(rt: NodeRuntime, id: &str) -> Option<String> {
    (rt == NodeRuntime::CriO).then(|| format!("/crio-{id}.scope"))
}

/// Whether `path` is absent on this node's host filesystem: a containerd socket of another
/// runtime than the node's own (a k3s node has no /run/containerd/containerd.sock, a CRI-O
/// node no containerd socket at all), so that a hostPath of it fails as on a real node.
pub fn hides(rt: NodeRuntime, path: &Path) -> bool {
    CONTAINERD_SOCKETS
        .iter()
        .any(|s| Path::new(s) == path && rt.host_socket() != Some(*s))
}

/// Makes k3s's socket path lead to the machine's containerd (a symlink), for k3s nodes.
/// Refuses to touch a k3s socket the lab did not make.
pub fn link_k3s_socket() -> Result<()> {
    let link = Path::new(K3S_SOCKET);
    if std::fs::symlink_metadata(link).is_ok() {
        if is_lab_link(link) {
            return Ok(());
        }
        bail!(
            "{K3S_SOCKET} exists and is not the lab's: a k3s or RKE2 runs here; the lab will not present k3s nodes beside it"
        );
    }
    std::fs::create_dir_all(link.parent().unwrap())
        .with_context(|| format!("creating the directory of {K3S_SOCKET}"))?;
    std::os::unix::fs::symlink(DEFAULT_SOCKET, link)
        .with_context(|| format!("linking {K3S_SOCKET} to {DEFAULT_SOCKET}"))
}

/// Removes what [`link_k3s_socket`] made: the symlink, and its directories when empty.
pub fn unlink_k3s_socket() {
    let link = Path::new(K3S_SOCKET);
    if !is_lab_link(link) {
        return;
    }
    let _ = std::fs::remove_file(link);
    // /run/k3s/containerd, then /run/k3s; remove_dir leaves a directory with anything else in it.
    for dir in link.ancestors().skip(1).take(2) {
        let _ = std::fs::remove_dir(dir);
    }
}

/// The lab's link: a symlink to containerd's default socket (a real k3s has a socket there).
fn is_lab_link(link: &Path) -> bool {
    std::fs::read_link(link).is_ok_and(|t| t == Path::new(DEFAULT_SOCKET))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_presented_runtime_reads_back_as_itself() {
        assert_eq!(
            of_version(Presented::Containerd.runtime_version()),
            NodeRuntime::Containerd
        );
        assert_eq!(
            of_version(Presented::K3s.runtime_version()),
            NodeRuntime::K3s
        );
        assert_eq!(
            of_version(Presented::Crio.runtime_version()),
            NodeRuntime::CriO
        );
    }

    #[test]
    fn nodes_see_only_their_own_runtimes_socket() {
        let k3s = NodeRuntime::K3s;
        assert!(hides(k3s, Path::new("/run/containerd/containerd.sock")));
        assert!(!hides(
            k3s,
            Path::new("/run/k3s/containerd/containerd.sock")
        ));
        assert!(hides(
            NodeRuntime::CriO,
            Path::new("/run/containerd/containerd.sock")
        ));
        assert!(!hides(
            NodeRuntime::Containerd,
            Path::new("/run/containerd/containerd.sock")
        ));
        // Other host paths are the machine's.
        assert!(!hides(NodeRuntime::CriO, Path::new("/var/log")));
    }

    #[test]
    fn cri_o_containers_have_cri_o_ids_and_cgroups() {
        assert_eq!(container_id(NodeRuntime::CriO, "ab"), "cri-o://ab");
        assert_eq!(container_id(NodeRuntime::K3s, "ab"), "containerd://ab");
        assert_eq!(
            cgroup(NodeRuntime::CriO, "ab").as_deref(),
            Some("/crio-ab.scope")
        );
        assert_eq!(cgroup(NodeRuntime::Containerd, "ab"), None);
        assert_eq!(for_node(&[Presented::K3s], 0), Presented::K3s);
        assert_eq!(for_node(&[Presented::K3s], 2), Presented::Containerd);
    }
}
