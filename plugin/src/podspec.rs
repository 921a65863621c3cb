//! Builds the sniffer pod for one target; its commands are rendered by
//! `sniffer_contract::invocation`, the sniffer's command-line contract.
//!
//! The pod is pinned to the target's node, tolerates every taint, and gets only the
//! capabilities the sniffer needs unless `--privileged` is given. A pod capture's sniffer
//! shares the host PID namespace (to reach `/proc/PID/ns/net` of the target) and mounts the
//! node's containerd socket read-only (none on CRI-O and cri-dockerd nodes: the sniffer
//! finds the container through /proc there); a node capture's sniffer only uses the host
//! network (`hostNetwork` already puts it in the node's namespace), with NET_RAW alone.

use crate::labels::{sniffer_labels, SPEC_ANNOTATION};
use crate::spec::{SnifferSpec, TargetKind};
use k8s_openapi::api::core::v1::{
    Capabilities, Container, EmptyDirVolumeSource, ExecAction, HostPathVolumeSource,
    LocalObjectReference, PersistentVolumeClaimVolumeSource, Pod, PodSpec, Probe,
    ResourceRequirements, SecurityContext, Toleration, Volume, VolumeMount,
};
use k8s_openapi::apimachinery::pkg::api::resource::Quantity;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;
use sniffer_contract::invocation::{Control, Metadata, Rotation, SnifferInvocation, Target};
use sniffer_contract::runtime;
use std::collections::BTreeMap;

/// Where capture files go inside the sniffer: an emptyDir or the PVC.
pub const OUTPUT_DIR: &str = "/dumpy";
pub const CONTAINER_NAME: &str = "sniffer";
/// Time for the sniffer to close its files after SIGTERM (it needs well under a second; the
/// margin covers a slow disk or PVC).
pub const TERMINATION_GRACE_SECONDS: i64 = 30;
/// What the sniffer needs and no more, proven by sniffer/tests/privileges.rs: NET_RAW for
/// the AF_PACKET socket (promiscuous membership included), SYS_ADMIN for setns() into the
/// target's network namespace, SYS_PTRACE to open /proc/PID/ns/net of another user's
/// process. NET_ADMIN, in the starting set, turned out unnecessary.
pub const CAPABILITIES: &[&str] = &["NET_RAW", "SYS_ADMIN", "SYS_PTRACE"];
/// A node capture's sniffer enters no namespace: the AF_PACKET socket is all it opens.
pub const NODE_CAPABILITIES: &[&str] = &["NET_RAW"];

/// The sniffer's command line for `spec`.
pub fn sniffer_command(spec: &SnifferSpec) -> Vec<String> {
    let c = &spec.capture;
    let t = &spec.target;
    let node_capture = c.target.kind == TargetKind::Node;
    let target = if node_capture {
        // hostNetwork already puts the sniffer in the node's network namespace.
        Target::Current
    } else {
        Target::Container {
            id: t.container_id.clone(),
            // The node's socket is mounted where the sniffer looks by default; without one
            // the sniffer is told of none.
            runtime_endpoint: spec
                .runtime_socket()
                .map(|_| runtime::DEFAULT_ENDPOINT.into()),
        }
    };
    // A node capture has no target pod.
    let of_pod = |v: &String| (!node_capture).then(|| v.clone());
    SnifferInvocation {
        tcpdump_args: Some(c.tcpdump_args.clone()),
        target,
        write: Some(spec.output.clone()),
        rotation: Rotation {
            file_size_mb: Some(c.limits.max_file_size_mb),
            file_count: Some(c.limits.max_files),
            rotate_seconds: c.limits.rotate_seconds,
        },
        print: true,
        linger: true,
        metadata: Metadata {
            capture_name: Some(c.name.clone()),
            pod: of_pod(&t.pod),
            namespace: of_pod(&t.namespace),
            container: of_pod(&t.container),
            node: Some(t.node.clone()),
        },
    }
    .argv()
}

/// The readiness probe: `sniffer status --ready` exits 0 only while capturing, so "Ready"
/// means packets are being captured, not merely that the process started.
pub fn readiness_command(output: &str) -> Vec<String> {
    Control::ready(output).argv()
}

fn quantities(cpu: &str, memory: &str) -> BTreeMap<String, Quantity> {
    [
        ("cpu".to_string(), Quantity(cpu.into())),
        ("memory".to_string(), Quantity(memory.into())),
    ]
    .into()
}

/// The sniffer pod named `name` for `spec`.
pub fn sniffer_pod(spec: &SnifferSpec, name: &str) -> Pod {
    let c = &spec.capture;
    let t = &spec.target;
    let node_capture = c.target.kind == TargetKind::Node;

    let mut volumes = vec![Volume {
        name: "output".into(),
        empty_dir: c.pvc.is_none().then(EmptyDirVolumeSource::default),
        persistent_volume_claim: c
            .pvc
            .as_ref()
            .map(|claim| PersistentVolumeClaimVolumeSource {
                claim_name: claim.clone(),
                read_only: Some(false),
            }),
        ..Default::default()
    }];
    let mut mounts = vec![VolumeMount {
        name: "output".into(),
        mount_path: OUTPUT_DIR.into(),
        ..Default::default()
    }];
    if let Some(socket) = spec.runtime_socket() {
        volumes.push(Volume {
            name: "containerd-socket".into(),
            host_path: Some(HostPathVolumeSource {
                path: socket.to_string(),
                type_: Some("Socket".into()),
            }),
            ..Default::default()
        });
        mounts.push(VolumeMount {
            name: "containerd-socket".into(),
            // Inside the sniffer the socket is where it looks by default, whatever the
            // node's path.
            mount_path: runtime::DEFAULT_SOCKET.into(),
            read_only: Some(true),
            ..Default::default()
        });
    }

    let security_context = if c.privileged {
        SecurityContext {
            privileged: Some(true),
            read_only_root_filesystem: Some(true),
            run_as_user: Some(0),
            ..Default::default()
        }
    } else {
        SecurityContext {
            privileged: Some(false),
            read_only_root_filesystem: Some(true),
            run_as_user: Some(0),
            run_as_non_root: Some(false),
            capabilities: Some(Capabilities {
                add: Some(
                    if node_capture {
                        NODE_CAPABILITIES
                    } else {
                        CAPABILITIES
                    }
                    .iter()
                    .map(|s| s.to_string())
                    .collect(),
                ),
                drop: Some(vec!["ALL".into()]),
            }),
            ..Default::default()
        }
    };

    let container = Container {
        name: CONTAINER_NAME.into(),
        image: Some(c.image.clone()),
        command: Some(sniffer_command(spec)),
        volume_mounts: Some(mounts),
        security_context: Some(security_context),
        resources: Some(ResourceRequirements {
            requests: Some(quantities(
                &c.resources.cpu_request,
                &c.resources.memory_request,
            )),
            limits: Some(quantities(
                &c.resources.cpu_limit,
                &c.resources.memory_limit,
            )),
            ..Default::default()
        }),
        readiness_probe: Some(Probe {
            exec: Some(ExecAction {
                command: Some(readiness_command(&spec.output)),
            }),
            period_seconds: Some(2),
            timeout_seconds: Some(5),
            failure_threshold: Some(3),
            success_threshold: Some(1),
            ..Default::default()
        }),
        termination_message_policy: Some("FallbackToLogsOnError".into()),
        ..Default::default()
    };

    Pod {
        metadata: ObjectMeta {
            name: Some(name.into()),
            namespace: Some(c.namespace.clone()),
            labels: Some(sniffer_labels(&c.name, &t.pod, &t.node, spec.generation)),
            annotations: Some([(SPEC_ANNOTATION.to_string(), spec.to_annotation())].into()),
            ..Default::default()
        },
        spec: Some(PodSpec {
            node_name: Some(t.node.clone()),
            restart_policy: Some("Never".into()),
            // Only a pod capture reaches into another process's namespace.
            host_pid: (!node_capture).then_some(true),
            host_network: node_capture.then_some(true),
            automount_service_account_token: Some(false),
            enable_service_links: Some(false),
            termination_grace_period_seconds: Some(TERMINATION_GRACE_SECONDS),
            tolerations: Some(vec![Toleration {
                operator: Some("Exists".into()),
                ..Default::default()
            }]),
            image_pull_secrets: c
                .pull_secret
                .as_ref()
                .map(|s| vec![LocalObjectReference { name: s.clone() }]),
            containers: vec![container],
            volumes: Some(volumes),
            ..Default::default()
        }),
        status: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::labels::{CAPTURE_KEY, TARGET_POD_KEY};
    use crate::spec::fixtures::sniffer_spec;

    fn container(p: &Pod) -> &Container {
        &p.spec.as_ref().unwrap().containers[0]
    }

    #[test]
    fn command_follows_the_sniffer_contract() {
        let s = sniffer_spec("web-1", "node-1", 1);
        let cmd = sniffer_command(&s);
        let expected: Vec<&str> = vec![
            "/sniffer",
            "--tcpdump-args",
            "-i any port 80",
            "--container-id",
            "containerd://abc123",
            "--runtime-endpoint",
            "unix:///run/containerd/containerd.sock",
            "-w",
            "/dumpy/cap-web-1.pcapng",
            "-C",
            "100",
            "-W",
            "10",
            "--print",
            "--linger",
            "--capture-name",
            "cap",
            "--pod",
            "web-1",
            "--namespace",
            "shop",
            "--container",
            "nginx",
            "--node",
            "node-1",
        ];
        assert_eq!(cmd, expected);
    }

    #[test]
    fn rotation_seconds_become_g() {
        let mut s = sniffer_spec("web-1", "node-1", 1);
        s.capture.limits.rotate_seconds = Some(60);
        let cmd = sniffer_command(&s);
        let g = cmd.iter().position(|a| a == "-G").unwrap();
        assert_eq!(cmd[g + 1], "60");
    }

    #[test]
    fn node_capture_uses_host_network_and_net_raw_only() {
        let mut s = sniffer_spec("node-1", "node-1", 1);
        s.capture.target.kind = TargetKind::Node;
        let cmd = sniffer_command(&s);
        assert!(!cmd.iter().any(|a| a == "--pid"
            || a == "--netns"
            || a == "--container-id"
            || a == "--runtime-endpoint"));
        let pod = sniffer_pod(&s, "sniffer-cap-1");
        let spec = pod.spec.as_ref().unwrap();
        assert_eq!(spec.host_network, Some(true));
        assert_eq!(spec.host_pid, None);
        let caps = container(&pod)
            .security_context
            .as_ref()
            .unwrap()
            .capabilities
            .as_ref()
            .unwrap();
        assert_eq!(caps.add.as_ref().unwrap(), &["NET_RAW"]);
        assert_eq!(caps.drop.as_ref().unwrap(), &["ALL"]);
        // No containerd socket needed.
        assert_eq!(spec.volumes.as_ref().unwrap().len(), 1);
    }

    #[test]
    fn pod_is_pinned_hardened_and_labelled() {
        let s = sniffer_spec("web-1", "node-1", 1);
        let pod = sniffer_pod(&s, "sniffer-cap-abc");
        let spec = pod.spec.as_ref().unwrap();
        assert_eq!(spec.node_name.as_deref(), Some("node-1"));
        assert_eq!(spec.restart_policy.as_deref(), Some("Never"));
        assert_eq!(spec.host_pid, Some(true));
        assert_eq!(spec.host_network, None);
        assert_eq!(spec.automount_service_account_token, Some(false));
        assert_eq!(spec.termination_grace_period_seconds, Some(30));
        let tol = &spec.tolerations.as_ref().unwrap()[0];
        assert_eq!(
            (
                tol.operator.as_deref(),
                tol.key.as_deref(),
                tol.effect.as_deref()
            ),
            (Some("Exists"), None, None)
        );

        let c = container(&pod);
        let sc = c.security_context.as_ref().unwrap();
        assert_eq!(sc.read_only_root_filesystem, Some(true));
        assert_eq!(sc.privileged, Some(false));
        let caps = sc.capabilities.as_ref().unwrap();
        assert_eq!(
            caps.add.as_ref().unwrap(),
            &["NET_RAW", "SYS_ADMIN", "SYS_PTRACE"]
        );
        assert_eq!(caps.drop.as_ref().unwrap(), &["ALL"]);

        let socket = spec
            .volumes
            .as_ref()
            .unwrap()
            .iter()
            .find(|v| v.host_path.is_some())
            .unwrap();
        assert_eq!(
            socket.host_path.as_ref().unwrap().path,
            "/run/containerd/containerd.sock"
        );
        let mount = c
            .volume_mounts
            .as_ref()
            .unwrap()
            .iter()
            .find(|m| m.name == socket.name)
            .unwrap();
        assert_eq!(mount.read_only, Some(true));
        assert!(spec
            .volumes
            .as_ref()
            .unwrap()
            .iter()
            .any(|v| v.empty_dir.is_some()));

        let probe = c
            .readiness_probe
            .as_ref()
            .unwrap()
            .exec
            .as_ref()
            .unwrap()
            .command
            .as_ref()
            .unwrap();
        assert_eq!(
            probe,
            &[
                "/sniffer",
                "status",
                "-w",
                "/dumpy/cap-web-1.pcapng",
                "--ready"
            ]
        );

        let limits = c.resources.as_ref().unwrap().limits.as_ref().unwrap();
        assert_eq!(limits["memory"].0, "256Mi");

        let labels = pod.metadata.labels.as_ref().unwrap();
        assert_eq!(labels[CAPTURE_KEY], "cap");
        assert_eq!(labels[TARGET_POD_KEY], "web-1");
        let ann = &pod.metadata.annotations.as_ref().unwrap()[SPEC_ANNOTATION];
        assert_eq!(SnifferSpec::from_annotation(ann).unwrap(), s);
    }

    #[test]
    fn each_node_gets_its_runtimes_socket_and_cri_o_none() {
        let mut s = sniffer_spec("web-1", "node-1", 1);
        s.target.runtime = "k3s containerd".into();
        s.target.runtime_socket = Some("/run/k3s/containerd/containerd.sock".into());
        let pod = sniffer_pod(&s, "x");
        let vols = pod.spec.as_ref().unwrap().volumes.clone().unwrap();
        assert_eq!(
            vols[1].host_path.as_ref().unwrap().path,
            "/run/k3s/containerd/containerd.sock"
        );
        assert!(sniffer_command(&s).contains(&"unix:///run/containerd/containerd.sock".into()));

        s.target.container_id = "cri-o://abc123".into();
        s.target.runtime = "cri-o".into();
        s.target.runtime_socket = None;
        let pod = sniffer_pod(&s, "x");
        let spec = pod.spec.as_ref().unwrap();
        // No hostPath at all: a missing socket would keep the pod from starting.
        assert!(spec
            .volumes
            .as_ref()
            .unwrap()
            .iter()
            .all(|v| v.host_path.is_none()));
        assert_eq!(container(&pod).volume_mounts.as_ref().unwrap().len(), 1);
        let cmd = sniffer_command(&s);
        assert!(cmd
            .windows(2)
            .any(|w| w == ["--container-id", "cri-o://abc123"]));
        assert!(!cmd.iter().any(|a| a == "--runtime-endpoint"));
    }

    #[test]
    fn pvc_socket_path_and_privileged_escape_hatch() {
        let mut s = sniffer_spec("web-1", "node-1", 1);
        s.capture.pvc = Some("captures".into());
        s.capture.privileged = true;
        s.capture.runtime_socket = Some("/run/k3s/containerd/containerd.sock".into());
        s.capture.pull_secret = Some("regcred".into());
        let pod = sniffer_pod(&s, "x");
        let spec = pod.spec.as_ref().unwrap();
        let vols = spec.volumes.as_ref().unwrap();
        assert_eq!(
            vols[0].persistent_volume_claim.as_ref().unwrap().claim_name,
            "captures"
        );
        assert!(vols[0].empty_dir.is_none());
        assert_eq!(
            vols[1].host_path.as_ref().unwrap().path,
            "/run/k3s/containerd/containerd.sock"
        );
        // Inside the pod the socket is always at the same place, so the command never changes.
        assert!(sniffer_command(&s).contains(&"unix:///run/containerd/containerd.sock".to_string()));
        let sc = container(&pod).security_context.as_ref().unwrap();
        assert_eq!(sc.privileged, Some(true));
        assert!(sc.capabilities.is_none());
        assert_eq!(spec.image_pull_secrets.as_ref().unwrap()[0].name, "regcred");
    }
}
