//! Container runtime defaults: where the sniffer looks for containerd, and so where the
//! plugin mounts the node's socket inside the sniffer pod.

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
