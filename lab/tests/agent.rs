//! The node agent runs pods like a kubelet: a sniffer-shaped pod spec (hostPID, read-only
//! root, capabilities, emptyDir + PVC + hostPath socket, fieldRef env) behaves as on a real
//! node; readiness probes gate Ready; termination messages are reported; the sniffer image
//! runs this build's sniffer binary. Needs root and containerd.

mod common;
use common::{is_ready, Lab};
use serde_json::{json, Value};
use std::process::Command;

fn sniffer_shaped(name: &str, image: &str, command: Value) -> Value {
    json!({"apiVersion": "v1", "kind": "Pod",
    "metadata": {"name": name, "labels": {"app.kubernetes.io/name": "dumpy", "dumpy.io/capture": "agent-test"}},
    "spec": {
        "hostPID": true, "restartPolicy": "Never", "nodeName": "lab-node-2",
        "automountServiceAccountToken": false,
        "tolerations": [{"operator": "Exists"}],
        "volumes": [
            {"name": "out", "emptyDir": {}},
            {"name": "pvc", "persistentVolumeClaim": {"claimName": "captures"}},
            {"name": "sock", "hostPath": {"path": "/run/containerd/containerd.sock", "type": "Socket"}},
        ],
        "containers": [{
            "name": "sniffer", "image": image, "command": command,
            "env": [{"name": "NODE", "valueFrom": {"fieldRef": {"fieldPath": "spec.nodeName"}}}, {"name": "PLAIN", "value": "v"}],
            "securityContext": {"readOnlyRootFilesystem": true,
                "capabilities": {"drop": ["ALL"], "add": ["NET_RAW", "SYS_ADMIN", "SYS_PTRACE"]}},
            "volumeMounts": [
                {"name": "out", "mountPath": "/dumpy"},
                {"name": "pvc", "mountPath": "/pvc"},
                {"name": "sock", "mountPath": "/run/containerd/containerd.sock", "readOnly": true},
            ],
        }],
    }})
}

fn sh(lab: &Lab, pod: &str, script: &str) -> std::process::Output {
    lab.kubectl(&["exec", pod, "--", "/bin/sh", "-c", script])
}

#[test]
fn agent_runs_pods_like_a_kubelet() {
    let lab = Lab::up();
    let keep = ["/bin/sh", "-c", "while true; do sleep 0.2; done"];

    // A sniffer-shaped pod (on the workload image, which has a shell to look around with).
    let o = lab.create(&sniffer_shaped("ag-a", "dumpy-lab/workload:1", json!(keep)));
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let p = lab.wait_pod("ag-a", 30, "Ready", is_ready);
    assert_eq!(p["spec"]["nodeName"], "lab-node-2");
    let id = Lab::container_id(&p);
    let info = Lab::container_info(&p);
    assert!(
        info.status.success(),
        "the containerID is not a containerd container in namespace k8s.io"
    );

    // hostPID: the lab server (a host process) is visible.
    let server_pid = std::fs::read_to_string("/run/dumpy-lab/server.pid").unwrap();
    let o = sh(
        &lab,
        "ag-a",
        &format!("cat /proc/{}/cmdline", server_pid.trim()),
    );
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("serve"),
        "hostPID not honoured"
    );
    // Exec hands back a short command's whole output, every time (through `ctr task exec`
    // it was lost about once in 40 runs, and exports came back empty).
    for i in 0..60 {
        let o = sh(&lab, "ag-a", &format!("echo exec-{i}"));
        assert_eq!(
            String::from_utf8_lossy(&o.stdout),
            format!("exec-{i}\n"),
            "exec {i} of 60: {o:?}"
        );
    }
    // Read-only root, writable volumes.
    assert!(
        !sh(&lab, "ag-a", "echo x > /x").status.success(),
        "root filesystem is writable"
    );
    assert!(
        sh(&lab, "ag-a", "echo hi > /dumpy/f && echo a > /pvc/from-a")
            .status
            .success()
    );
    // The socket is there, read-only.
    let o = sh(&lab, "ag-a", "test -S /run/containerd/containerd.sock && grep ' /run/containerd/containerd.sock ' /proc/self/mountinfo");
    assert!(
        o.status.success() && String::from_utf8_lossy(&o.stdout).contains(" ro"),
        "{o:?}"
    );
    // Capabilities: exactly NET_RAW(13) SYS_PTRACE(19) SYS_ADMIN(21).
    let o = sh(&lab, "ag-a", "grep CapEff /proc/self/status");
    let want = (1u64 << 13) | (1 << 19) | (1 << 21);
    assert_eq!(
        String::from_utf8_lossy(&o.stdout)
            .split_whitespace()
            .nth(1)
            .unwrap(),
        format!("{want:016x}")
    );
    // RuntimeDefault seccomp, as kubelets apply by default.
    let o = sh(&lab, "ag-a", "grep '^Seccomp:' /proc/self/status");
    assert_eq!(
        String::from_utf8_lossy(&o.stdout).split_whitespace().nth(1),
        Some("2")
    );
    // Environment, including the downward API.
    let o = sh(&lab, "ag-a", "echo $NODE $PLAIN");
    assert_eq!(String::from_utf8_lossy(&o.stdout), "lab-node-2 v\n");

    // A second pod shares the PVC but not the emptyDir.
    assert!(lab
        .create(&sniffer_shaped("ag-b", "dumpy-lab/workload:1", json!(keep)))
        .status
        .success());
    lab.wait_pod("ag-b", 30, "Ready", is_ready);
    assert_eq!(
        String::from_utf8_lossy(&sh(&lab, "ag-b", "cat /pvc/from-a").stdout),
        "a\n"
    );
    assert!(
        !sh(&lab, "ag-b", "test -e /dumpy/f").status.success(),
        "emptyDir shared between pods"
    );
    assert!(std::path::Path::new("/run/dumpy-lab/pvc/demo/captures/from-a").exists());

    // Readiness probe (exec) gates Ready.
    let mut probe = sniffer_shaped("ag-probe", "dumpy-lab/workload:1", json!(keep));
    probe["spec"]["containers"][0]["readinessProbe"] =
        json!({"exec": {"command": ["/bin/sh", "-c", "test -f /dumpy/ready"]}, "periodSeconds": 1});
    assert!(lab.create(&probe).status.success());
    let p = lab.wait_pod("ag-probe", 30, "Running", |p| {
        p["status"]["phase"] == "Running"
    });
    std::thread::sleep(std::time::Duration::from_secs(3));
    let p2 = lab.pod_json("ag-probe");
    assert!(
        !is_ready(&p2) && !is_ready(&p),
        "Ready before the probe passed"
    );
    assert!(sh(&lab, "ag-probe", "touch /dumpy/ready").status.success());
    let p = lab.wait_pod("ag-probe", 20, "Ready", is_ready);
    assert_eq!(p["status"]["containerStatuses"][0]["ready"], true);

    // Termination message from terminationMessagePath, and the exit code.
    let o = lab.create(&sniffer_shaped(
        "ag-fail",
        "dumpy-lab/workload:1",
        json!([
            "/bin/sh",
            "-c",
            "echo 'bad filter: syntax error' > /dev/termination-log; exit 2"
        ]),
    ));
    assert!(o.status.success());
    let p = lab.wait_pod("ag-fail", 30, "Failed", |p| {
        p["status"]["phase"] == "Failed"
    });
    let t = &p["status"]["containerStatuses"][0]["state"]["terminated"];
    assert_eq!(t["exitCode"], 2);
    assert_eq!(t["reason"], "Error");
    assert_eq!(t["message"], "bad filter: syntax error\n");

    // The sniffer image runs this build's sniffer (no shell in it): same output as on the host.
    let sniffer = common::lab_bin().with_file_name("sniffer");
    let host = Command::new(&sniffer).arg("--version").output().unwrap();
    let o = lab.create(&sniffer_shaped(
        "ag-sniffer",
        "ghcr.io/dumpy/sniffer:dev",
        json!(["/sniffer", "--version"]),
    ));
    assert!(o.status.success());
    let p = lab.wait_pod("ag-sniffer", 30, "finished", |p| {
        !p["status"]["containerStatuses"][0]["state"]["terminated"].is_null()
    });
    assert_eq!(
        p["status"]["containerStatuses"][0]["state"]["terminated"]["exitCode"],
        host.status.code().unwrap()
    );
    assert_eq!(
        lab.ok(&["logs", "ag-sniffer"]).as_bytes(),
        [host.stdout, host.stderr].concat()
    );
    let o = lab.create(&sniffer_shaped(
        "ag-noshell",
        "ghcr.io/dumpy/sniffer:dev",
        json!(["/bin/sh", "-c", "true"]),
    ));
    assert!(o.status.success());
    let p = lab.wait_pod("ag-noshell", 30, "failed to start", |p| {
        p["status"]["containerStatuses"][0]["state"]["waiting"]["reason"] == "CreateContainerError"
    });
    assert!(
        p["status"]["containerStatuses"][0]["state"]["waiting"]["message"]
            .as_str()
            .unwrap()
            .contains("/bin/sh")
    );

    // Deleting removes containers and the pod's network namespace.
    let ns_before = std::fs::read_dir("/run/netns").unwrap().count();
    lab.ok(&[
        "delete",
        "pod",
        "ag-a",
        "ag-b",
        "ag-probe",
        "ag-fail",
        "ag-sniffer",
        "ag-noshell",
        "--grace-period=1",
    ]);
    assert_eq!(
        std::fs::read_dir("/run/netns").unwrap().count(),
        ns_before - 6
    );
    let info = Command::new("ctr")
        .args(["-n", "k8s.io", "containers", "info", &id])
        .output()
        .unwrap();
    assert!(!info.status.success(), "container {id} left behind");
}
