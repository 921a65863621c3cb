//! The capture spec: what a user asked for, stored as JSON in every sniffer's
//! `dumpy.io/spec` annotation so later commands (`get`, `restart`, `export`) can read it back.

use serde::{Deserialize, Serialize};
use sniffer_contract::runtime::{self, NodeRuntime};
use std::collections::BTreeMap;

/// The kind of thing a capture targets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum TargetKind {
    #[value(alias = "po", alias = "pods")]
    Pod,
    #[value(alias = "deploy", alias = "deployments")]
    Deployment,
    #[value(alias = "rs", alias = "replicasets")]
    Replicaset,
    #[value(alias = "ds", alias = "daemonsets")]
    Daemonset,
    #[value(alias = "sts", alias = "statefulsets")]
    Statefulset,
    #[value(alias = "no", alias = "nodes")]
    Node,
}

impl TargetKind {
    pub fn as_str(self) -> &'static str {
        match self {
            TargetKind::Pod => "pod",
            TargetKind::Deployment => "deployment",
            TargetKind::Replicaset => "replicaset",
            TargetKind::Daemonset => "daemonset",
            TargetKind::Statefulset => "statefulset",
            TargetKind::Node => "node",
        }
    }
}

impl std::fmt::Display for TargetKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What the capture targets, as the user named it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TargetSpec {
    /// `pod`, `deployment`, …, `node`; for `-l` alone, `pod`.
    #[serde(rename = "type")]
    pub kind: TargetKind,
    /// The resource's name; empty for a `-l` selector capture.
    #[serde(default)]
    pub name: String,
    pub namespace: String,
    /// The `-l` label selector, when one was given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selector: Option<String>,
    /// The `-c` container, when one was given (otherwise each pod's default container).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub container: Option<String>,
}

impl TargetSpec {
    /// `deployment/web`, `pod/foo`, `node/n1`, or `pods/-l app=web` for a selector.
    pub fn display(&self) -> String {
        match (&self.selector, self.name.is_empty()) {
            (Some(sel), true) => format!("pods/-l {sel}"),
            (Some(sel), false) => format!("{}/{} -l {sel}", self.kind, self.name),
            (None, _) => format!("{}/{}", self.kind, self.name),
        }
    }
}

/// File size and rotation limits, passed to the sniffer as `-C`, `-W` and `-G`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Limits {
    pub max_file_size_mb: u64,
    pub max_files: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rotate_seconds: Option<u64>,
}

/// Resource requests and limits of the sniffer container.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Resources {
    pub cpu_request: String,
    pub cpu_limit: String,
    pub memory_request: String,
    pub memory_limit: String,
}

/// Everything a capture was created with; shared by all its sniffers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CaptureSpec {
    pub name: String,
    pub namespace: String,
    pub target: TargetSpec,
    /// The `-f` string, exactly as given (validated with capture-core).
    pub tcpdump_args: String,
    pub image: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pull_secret: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pvc: Option<String>,
    pub limits: Limits,
    pub resources: Resources,
    #[serde(default)]
    pub privileged: bool,
    /// `--runtime-socket`: host path of the containerd socket on every node, instead of the
    /// one dumpy picks from each node's runtime. Specs written before dumpy picked it always
    /// carry one, so their sniffers keep the socket they had.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub runtime_socket: Option<String>,
}

/// The one target of one sniffer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SnifferTarget {
    /// Target pod name, or the node name for node captures.
    pub pod: String,
    pub namespace: String,
    /// Empty for node captures.
    #[serde(default)]
    pub container: String,
    /// `containerd://<id>` (or `cri-o://<id>`, `docker://<id>`); empty for node captures.
    #[serde(default)]
    pub container_id: String,
    pub node: String,
    /// The node's container runtime as dumpy found it (`containerd`, `k3s containerd`,
    /// `cri-o`, …); empty for node captures.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub runtime: String,
    /// Host path of the node runtime's containerd socket; `None` when the runtime has none
    /// (CRI-O, cri-dockerd), or for node captures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub runtime_socket: Option<String>,
}

/// The JSON in the `dumpy.io/spec` annotation of one sniffer pod.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SnifferSpec {
    pub capture: CaptureSpec,
    pub target: SnifferTarget,
    pub generation: u32,
    /// The `-w` path; rotated files are `<stem>-000001.pcapng`, … next to it.
    pub output: String,
    /// Every sniffer of this generation (pod name → target pod), recorded at deploy: a
    /// sniffer pod that disappears (deleted, evicted through the API) is then still known,
    /// and shown as Lost, from the annotation of any of the others.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub sniffers: BTreeMap<String, String>,
}

impl SnifferSpec {
    /// The host path of the containerd socket this sniffer mounts: `--runtime-socket` when
    /// given, else the one of the target node's runtime; none for a node capture or a
    /// container of another runtime (the sniffer finds those through /proc).
    pub fn runtime_socket(&self) -> Option<&str> {
        if self.capture.target.kind == TargetKind::Node {
            return None;
        }
        let containerd = NodeRuntime::of_container_id(&self.target.container_id)
            .is_none_or(|rt| rt.container_scheme() == runtime::scheme::CONTAINERD);
        if !containerd {
            return None;
        }
        self.capture
            .runtime_socket
            .as_deref()
            .or(self.target.runtime_socket.as_deref())
            .or(Some(runtime::DEFAULT_SOCKET))
    }

    /// How the sniffer finds its container, for messages: `k3s containerd, socket
    /// /run/k3s/containerd/containerd.sock`, `cri-o: no socket, …`; `None` for node captures.
    pub fn runtime_note(&self) -> Option<String> {
        if self.capture.target.kind == TargetKind::Node {
            return None;
        }
        let runtime = match self.target.runtime.as_str() {
            "" => "containerd",
            rt => rt,
        };
        Some(
            match (self.runtime_socket(), &self.capture.runtime_socket) {
                (Some(p), Some(_)) => format!("{runtime}, socket {p} (--runtime-socket)"),
                (Some(p), None) => format!("{runtime}, socket {p}"),
                (None, _) => {
                    format!("{runtime}, no socket: the sniffer finds the container through /proc")
                }
            },
        )
    }

    /// Whether this sniffer uses containerd at its default socket, as every sniffer did
    /// before dumpy told runtimes apart (views then say nothing about the runtime).
    pub fn stock_runtime(&self) -> bool {
        self.capture.target.kind == TargetKind::Node
            || (matches!(self.target.runtime.as_str(), "" | "containerd")
                && self.runtime_socket() == Some(runtime::DEFAULT_SOCKET))
    }

    pub fn to_annotation(&self) -> String {
        serde_json::to_string(self).expect("spec serialises")
    }

    pub fn from_annotation(s: &str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(s)
    }
}

#[cfg(test)]
pub(crate) mod fixtures {
    use super::*;

    pub fn capture_spec() -> CaptureSpec {
        CaptureSpec {
            name: "cap".into(),
            namespace: "dumpy-ns".into(),
            target: TargetSpec {
                kind: TargetKind::Deployment,
                name: "web".into(),
                namespace: "shop".into(),
                selector: None,
                container: None,
            },
            tcpdump_args: "-i any port 80".into(),
            image: "dumpy/sniffer:0.1.0".into(),
            pull_secret: None,
            pvc: None,
            limits: Limits {
                max_file_size_mb: 100,
                max_files: 10,
                rotate_seconds: None,
            },
            resources: Resources {
                cpu_request: "100m".into(),
                cpu_limit: "1".into(),
                memory_request: "64Mi".into(),
                memory_limit: "256Mi".into(),
            },
            privileged: false,
            runtime_socket: None,
        }
    }

    pub fn sniffer_spec(pod: &str, node: &str, generation: u32) -> SnifferSpec {
        let capture = capture_spec();
        let stem = crate::labels::file_stem(&capture.name, pod, generation);
        SnifferSpec {
            capture,
            target: SnifferTarget {
                pod: pod.into(),
                namespace: "shop".into(),
                container: "nginx".into(),
                container_id: "containerd://abc123".into(),
                node: node.into(),
                runtime: "containerd".into(),
                runtime_socket: Some("/run/containerd/containerd.sock".into()),
            },
            generation,
            output: format!("/dumpy/{stem}.pcapng"),
            sniffers: BTreeMap::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annotation_round_trips() {
        let s = fixtures::sniffer_spec("web-1", "n1", 1);
        let json = s.to_annotation();
        assert!(json.contains(r#""type":"deployment""#), "{json}");
        assert!(json.contains(r#""tcpdumpArgs":"-i any port 80""#), "{json}");
        assert_eq!(SnifferSpec::from_annotation(&json).unwrap(), s);
    }

    #[test]
    fn the_socket_is_the_override_or_the_nodes_and_only_for_containerd() {
        let mut s = fixtures::sniffer_spec("web-1", "n1", 1);
        assert_eq!(s.runtime_socket(), Some("/run/containerd/containerd.sock"));
        assert!(s.stock_runtime());
        s.target.runtime = "k3s containerd".into();
        s.target.runtime_socket = Some("/run/k3s/containerd/containerd.sock".into());
        assert_eq!(
            s.runtime_socket(),
            Some("/run/k3s/containerd/containerd.sock")
        );
        assert!(!s.stock_runtime());
        assert_eq!(
            s.runtime_note().unwrap(),
            "k3s containerd, socket /run/k3s/containerd/containerd.sock"
        );
        s.capture.runtime_socket = Some("/x/containerd.sock".into());
        assert_eq!(s.runtime_socket(), Some("/x/containerd.sock"));
        assert!(s.runtime_note().unwrap().ends_with("(--runtime-socket)"));
        // A CRI-O container: no socket, whatever the flag says.
        s.target.container_id = "cri-o://abc".into();
        s.target.runtime = "cri-o".into();
        s.target.runtime_socket = None;
        assert_eq!(s.runtime_socket(), None);
        assert!(s.runtime_note().unwrap().contains("through /proc"));
        s.capture.target.kind = TargetKind::Node;
        assert_eq!((s.runtime_socket(), s.runtime_note()), (None, None));
    }

    #[test]
    fn specs_from_before_runtimes_keep_their_socket() {
        let old = r#"{"capture":{"name":"cap","namespace":"d","target":{"type":"pod","name":"p","namespace":"d"},
            "tcpdumpArgs":"","image":"i","limits":{"maxFileSizeMb":1,"maxFiles":1},
            "resources":{"cpuRequest":"1","cpuLimit":"1","memoryRequest":"1","memoryLimit":"1"},
            "runtimeSocket":"/run/k3s/containerd/containerd.sock"},
            "target":{"pod":"p","namespace":"d","containerId":"containerd://a","node":"n"},
            "generation":1,"output":"/dumpy/x.pcapng"}"#;
        let s = SnifferSpec::from_annotation(old).unwrap();
        assert_eq!(
            s.runtime_socket(),
            Some("/run/k3s/containerd/containerd.sock")
        );
    }

    #[test]
    fn target_display() {
        let mut t = fixtures::capture_spec().target;
        assert_eq!(t.display(), "deployment/web");
        t.kind = TargetKind::Pod;
        t.name.clear();
        t.selector = Some("app=web".into());
        assert_eq!(t.display(), "pods/-l app=web");
    }
}
