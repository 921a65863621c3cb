//! Container runtimes: which one a node runs (from its `status.nodeInfo`), where that
//! runtime keeps its socket on the node (what the plugin mounts into the sniffer pod), where
//! the sniffer looks for it inside the pod, and the runtime schemes of container IDs.
//!
//! Sources for the paths: containerd's default is containerd's own; k3s and RKE2 run their
//! containerd at `/run/k3s/containerd/containerd.sock` (docs.rke2.io "CLI tools", k3s's
//! `containerd -a` argument) and report `containerd://<version>-k3sN`; microk8s's snap keeps
//! it at `/var/snap/microk8s/common/run/containerd.sock` and reports an upstream version, so
//! its nodes are told apart by the label its kubelet sets, `microk8s.io/cluster=true`.

/// containerd's default socket path; the plugin mounts the node's socket here in the pod.
macro_rules! containerd_socket {
    () => {
        "/run/containerd/containerd.sock"
    };
}

/// containerd's default socket, as a path.
pub const DEFAULT_SOCKET: &str = containerd_socket!();
/// containerd's default socket, as a URI in the CRI style (`--runtime-endpoint`).
pub const DEFAULT_ENDPOINT: &str = concat!("unix://", containerd_socket!());
/// Kubernetes' containerd namespace (`--runtime-namespace`).
pub const DEFAULT_NAMESPACE: &str = "k8s.io";
/// The socket of the containerd that k3s and RKE2 embed.
pub const K3S_SOCKET: &str = "/run/k3s/containerd/containerd.sock";
/// The socket of microk8s's containerd (the snap's `$SNAP_COMMON/run`).
pub const MICROK8S_SOCKET: &str = "/var/snap/microk8s/common/run/containerd.sock";
/// The node label microk8s's kubelet sets (`--node-labels`); its runtime version is upstream's.
pub const MICROK8S_LABEL: &str = "microk8s.io/cluster";

/// Every containerd socket path dumpy knows, for whoever must tell them apart (the lab
/// presents a node's filesystem with only its own runtime's socket).
pub const CONTAINERD_SOCKETS: &[&str] = &[DEFAULT_SOCKET, K3S_SOCKET, MICROK8S_SOCKET];

/// Container ID schemes (`<scheme>://<id>` in a pod's `containerStatuses[].containerID`).
pub mod scheme {
    pub const CONTAINERD: &str = "containerd";
    pub const CRI_O: &str = "cri-o";
    /// cri-dockerd (and the old dockershim).
    pub const DOCKER: &str = "docker";
}

/// The container runtime of a node, as far as dumpy cares: where its socket is, or that it
/// has none the sniffer can use (then the sniffer finds the container through /proc).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NodeRuntime {
    /// Upstream containerd at its default socket (kubeadm, EKS, GKE, AKS, kind, …).
    Containerd,
    /// k3s's or RKE2's embedded containerd.
    K3s,
    /// microk8s's snapped containerd.
    Microk8s,
    /// CRI-O (OpenShift and others).
    CriO,
    /// Docker Engine through cri-dockerd.
    Docker,
}

impl NodeRuntime {
    /// The runtime of a node from its `status.nodeInfo.containerRuntimeVersion`
    /// (`containerd://1.7.24`, `containerd://1.7.23-k3s1`, `cri-o://1.30.2`,
    /// `docker://24.0.7`) and whether it carries `label` ([`MICROK8S_LABEL`] is the one
    /// asked about). `None` for a runtime dumpy does not know.
    pub fn detect(runtime_version: &str, has_label: impl Fn(&str) -> bool) -> Option<NodeRuntime> {
        let (scheme, version) = runtime_version.split_once("://")?;
        match scheme {
            scheme::CONTAINERD if version.contains("-k3s") || version.contains("rke2") => {
                Some(NodeRuntime::K3s)
            }
            scheme::CONTAINERD if has_label(MICROK8S_LABEL) => Some(NodeRuntime::Microk8s),
            scheme::CONTAINERD => Some(NodeRuntime::Containerd),
            scheme::CRI_O => Some(NodeRuntime::CriO),
            scheme::DOCKER => Some(NodeRuntime::Docker),
            _ => None,
        }
    }

    /// The runtime of a container from its ID's scheme (`cri-o://…`), when the node's own
    /// report cannot be read: containerd is then assumed to be at its default socket.
    pub fn of_container_id(container_id: &str) -> Option<NodeRuntime> {
        match container_id.split_once("://").map(|(s, _)| s) {
            Some(scheme::CONTAINERD) => Some(NodeRuntime::Containerd),
            Some(scheme::CRI_O) => Some(NodeRuntime::CriO),
            Some(scheme::DOCKER) => Some(NodeRuntime::Docker),
            _ => None,
        }
    }

    /// The host path of the containerd socket the sniffer should ask, or `None` when the
    /// runtime is not containerd: the sniffer pod then mounts no socket (a hostPath of type
    /// Socket that does not exist would keep the pod from starting) and scans /proc.
    pub fn host_socket(self) -> Option<&'static str> {
        match self {
            NodeRuntime::Containerd => Some(DEFAULT_SOCKET),
            NodeRuntime::K3s => Some(K3S_SOCKET),
            NodeRuntime::Microk8s => Some(MICROK8S_SOCKET),
            NodeRuntime::CriO | NodeRuntime::Docker => None,
        }
    }

    /// The scheme of this runtime's container IDs.
    pub fn container_scheme(self) -> &'static str {
        match self {
            NodeRuntime::Containerd | NodeRuntime::K3s | NodeRuntime::Microk8s => {
                scheme::CONTAINERD
            }
            NodeRuntime::CriO => scheme::CRI_O,
            NodeRuntime::Docker => scheme::DOCKER,
        }
    }

    /// A short name for messages: `containerd`, `k3s containerd`, `cri-o`, ….
    pub fn name(self) -> &'static str {
        match self {
            NodeRuntime::Containerd => "containerd",
            NodeRuntime::K3s => "k3s containerd",
            NodeRuntime::Microk8s => "microk8s containerd",
            NodeRuntime::CriO => "cri-o",
            NodeRuntime::Docker => "docker (cri-dockerd)",
        }
    }
}

impl std::fmt::Display for NodeRuntime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detect(version: &str) -> Option<NodeRuntime> {
        NodeRuntime::detect(version, |_| false)
    }

    #[test]
    fn runtime_versions_pick_their_socket() {
        let socket = |v: &str| detect(v).and_then(NodeRuntime::host_socket);
        assert_eq!(
            socket("containerd://1.7.24"),
            Some("/run/containerd/containerd.sock")
        );
        assert_eq!(socket("containerd://2.0.0"), Some(DEFAULT_SOCKET));
        // k3s and RKE2 ship k3s-io's containerd build.
        for v in [
            "containerd://1.7.23-k3s1",
            "containerd://1.7.11-k3s2.27",
            "containerd://v1.7.17-k3s1",
            "containerd://1.7.21-rke2r1",
        ] {
            assert_eq!(
                socket(v),
                Some("/run/k3s/containerd/containerd.sock"),
                "{v}"
            );
        }
        assert_eq!(socket("cri-o://1.30.2"), None);
        assert_eq!(socket("docker://24.0.7"), None);
        assert_eq!(detect("cri-o://1.30.2"), Some(NodeRuntime::CriO));
        assert_eq!(detect("docker://24.0.7"), Some(NodeRuntime::Docker));
    }

    #[test]
    fn microk8s_is_told_by_its_node_label() {
        let mk = NodeRuntime::detect("containerd://1.6.28", |l| l == MICROK8S_LABEL);
        assert_eq!(mk, Some(NodeRuntime::Microk8s));
        assert_eq!(
            mk.unwrap().host_socket(),
            Some("/var/snap/microk8s/common/run/containerd.sock")
        );
        // The label does not turn another runtime into microk8s's containerd.
        assert_eq!(
            NodeRuntime::detect("cri-o://1.30.2", |l| l == MICROK8S_LABEL),
            Some(NodeRuntime::CriO)
        );
    }

    #[test]
    fn unknown_or_malformed_versions_are_none() {
        assert_eq!(detect("frakti://0.3"), None);
        assert_eq!(detect(""), None);
        assert_eq!(detect("containerd"), None);
    }

    #[test]
    fn container_ids_name_their_runtime() {
        assert_eq!(
            NodeRuntime::of_container_id("cri-o://abc"),
            Some(NodeRuntime::CriO)
        );
        assert_eq!(
            NodeRuntime::of_container_id("containerd://abc"),
            Some(NodeRuntime::Containerd)
        );
        assert_eq!(
            NodeRuntime::of_container_id("docker://abc").map(NodeRuntime::container_scheme),
            Some("docker")
        );
        assert_eq!(NodeRuntime::of_container_id("abc"), None);
        assert_eq!(NodeRuntime::K3s.container_scheme(), "containerd");
    }

    #[test]
    fn every_containerd_flavour_has_a_known_socket() {
        for rt in [
            NodeRuntime::Containerd,
            NodeRuntime::K3s,
            NodeRuntime::Microk8s,
        ] {
            assert!(CONTAINERD_SOCKETS.contains(&rt.host_socket().unwrap()));
        }
    }
}
