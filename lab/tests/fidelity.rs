//! Stock kubectl against the lab: get (tables, -A, selectors), logs (-f), exec (exit codes,
//! stdin, the pod's own filesystem), watch, API errors, and graceful deletion.
//! Needs root and containerd (scripts/containerd-up is called).

mod common;
use common::{is_ready, Lab, NS};
use serde_json::json;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn pods(lab: &Lab, selector: &str) -> Vec<serde_json::Value> {
    let v: serde_json::Value =
        serde_json::from_str(&lab.ok(&["get", "pods", "-l", selector, "-o", "json"])).unwrap();
    v["items"].as_array().unwrap().clone()
}

#[test]
fn stock_kubectl_works_against_the_lab() {
    let lab = Lab::up();

    // get pods -A: every fixture pod, all containers ready and Running.
    let out = lab.ok(&["get", "pods", "-A"]);
    let header: Vec<&str> = out.lines().next().unwrap().split_whitespace().collect();
    assert_eq!(
        header,
        ["NAMESPACE", "NAME", "READY", "STATUS", "RESTARTS", "AGE"]
    );
    let rows: Vec<Vec<&str>> = out
        .lines()
        .skip(1)
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert_eq!(rows.len(), 3 + 3 + 2 + 1 + 1, "{out}");
    for r in &rows {
        assert_eq!(r[0], NS);
        assert_eq!(r[3], "Running", "{out}");
        let (a, b) = r[2].split_once('/').unwrap();
        assert_eq!(a, b, "{out}");
    }
    assert!(rows.iter().any(|r| r[1] == "multi" && r[2] == "2/2"));

    // get deploy and the other workload kinds.
    let out = lab.ok(&["get", "deploy"]);
    assert!(
        out.lines()
            .nth(1)
            .unwrap()
            .split_whitespace()
            .collect::<Vec<_>>()[..4]
            == ["web", "3/3", "3", "3"],
        "{out}"
    );
    let out = lab.ok(&["get", "rs,ds,sts,pvc", "-o", "name"]);
    for want in [
        "replicaset.apps/web-",
        "daemonset.apps/node-agent",
        "statefulset.apps/db",
        "persistentvolumeclaim/captures",
    ] {
        assert!(out.contains(want), "{want} missing from {out}");
    }
    assert_eq!(lab.ok(&["get", "nodes", "-o", "name"]).lines().count(), 3);

    // Label and field selectors.
    let web = pods(&lab, "app=web");
    assert_eq!(web.len(), 3);
    let node = web[0]["spec"]["nodeName"].as_str().unwrap();
    let on_node = lab.ok(&[
        "get",
        "pods",
        "-l",
        "app in (web, db)",
        "--field-selector",
        &format!("spec.nodeName={node}"),
        "-o",
        "name",
    ]);
    assert!(
        on_node.lines().count() >= 1
            && on_node.contains(web[0]["metadata"]["name"].as_str().unwrap()),
        "{on_node}"
    );
    let one = lab.ok(&[
        "get",
        "pods",
        "--field-selector",
        "metadata.name=client",
        "-o",
        "name",
    ]);
    assert_eq!(one.trim(), "pod/client");

    // Pod status as a kubelet writes it.
    for p in &web {
        assert!(p["status"]["containerStatuses"][0]["containerID"]
            .as_str()
            .unwrap()
            .starts_with("containerd://"));
        assert!(p["status"]["podIP"]
            .as_str()
            .unwrap()
            .starts_with("198.51.100."));
        assert!(is_ready(p));
    }

    // logs: the client reaches every web pod over the lab network.
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let logs = lab.ok(&["logs", "client"]);
        let all = web.iter().all(|p| {
            logs.contains(&format!(
                "GET http://{}/ ok",
                p["status"]["podIP"].as_str().unwrap()
            ))
        });
        if all {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "client never reached every web pod:\n{logs}"
        );
        std::thread::sleep(Duration::from_millis(500));
    }
    assert_eq!(lab.ok(&["logs", "--tail=2", "client"]).lines().count(), 2);
    let err = lab.fails(&["logs", "multi", "-c", "nope"]);
    assert!(
        err.contains("container nope is not valid for pod multi"),
        "{err}"
    );
    // multi's default container comes from its annotation (kubectl reads it).
    assert!(
        lab.ok(&["logs", "multi", "-c", "sidecar"])
            .contains("sidecar: app ok")
            || {
                std::thread::sleep(Duration::from_secs(3));
                lab.ok(&["logs", "multi", "-c", "sidecar"])
                    .contains("sidecar: app ok")
            }
    );

    // logs -f streams new lines as they come.
    let mut f = Command::new("kubectl")
        .env("KUBECONFIG", &lab.kubeconfig)
        .args(["logs", "-f", "--tail=0", "client"])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(f.stdout.take().unwrap()).lines();
    let started = Instant::now();
    for _ in 0..3 {
        let l = lines.next().expect("logs -f ended early").unwrap();
        assert!(l.starts_with("GET http://198.51.100."), "{l}");
    }
    assert!(started.elapsed() < Duration::from_secs(10));
    f.kill().unwrap();
    f.wait().unwrap();

    // logs -f of a container that exits: all output, then the stream ends.
    let o = lab.create(&json!({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "fid-once"},
        "spec": {"restartPolicy": "Never", "containers": [{"name": "c", "image": "dumpy-lab/workload:1",
            "command": ["/bin/sh", "-c", "echo one; sleep 2; echo two; exit 3"]}]}}));
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    lab.wait_pod("fid-once", 30, "started", |p| {
        p["status"]["containerStatuses"][0]["state"]["waiting"].is_null()
    });
    let t = Instant::now();
    let out = lab.ok(&["logs", "-f", "fid-once"]);
    assert_eq!(out, "one\ntwo\n");
    assert!(t.elapsed() < Duration::from_secs(15));
    let p = lab.wait_pod("fid-once", 10, "Failed", |p| {
        p["status"]["phase"] == "Failed"
    });
    assert_eq!(
        p["status"]["containerStatuses"][0]["state"]["terminated"]["exitCode"],
        3
    );

    // exec: output, exit codes, stdin, and the pod's own filesystem and environment.
    let w0 = web[0]["metadata"]["name"].as_str().unwrap();
    assert_eq!(
        lab.ok(&["exec", w0, "--", "/bin/sh", "-c", "echo $HOSTNAME; ls /www"]),
        format!("{w0}\nindex.html\n")
    );
    let o = lab.kubectl(&[
        "exec",
        "multi",
        "-c",
        "sidecar",
        "--",
        "/bin/sh",
        "-c",
        "echo to-stderr >&2; exit 7",
    ]);
    assert_eq!(o.status.code(), Some(7));
    assert!(String::from_utf8_lossy(&o.stderr).contains("to-stderr"));
    let mut c = Command::new("kubectl")
        .env("KUBECONFIG", &lab.kubeconfig)
        .args(["exec", "-i", "client", "--", "/bin/busybox", "wc", "-c"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let mut stdin = c.stdin.take().unwrap();
        stdin.write_all(&[b'x'; 100_000]).unwrap();
    }
    let o = c.wait_with_output().unwrap();
    assert_eq!(String::from_utf8_lossy(&o.stdout).trim(), "100000");
    let err = lab.fails(&["exec", "fid-once", "--", "/bin/true"]);
    assert!(err.contains("completed pod"), "{err}");

    // API errors, shaped as Kubernetes shapes them.
    assert!(lab
        .fails(&["get", "pod", "nope"])
        .contains("Error from server (NotFound): pods \"nope\" not found"));
    let bad = |name: &str, labels: serde_json::Value| {
        let o = lab.create(
            &json!({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": name, "labels": labels},
            "spec": {"containers": [{"name": "c", "image": "dumpy-lab/workload:1"}]}}),
        );
        assert!(!o.status.success());
        String::from_utf8_lossy(&o.stderr).into_owned()
    };
    let e = bad("Bad_Name", json!({}));
    assert!(
        e.contains("is invalid") && e.contains("metadata.name: Invalid value: \"Bad_Name\""),
        "{e}"
    );
    let e = bad("ok-name", json!({"dumpy.io/target": "x".repeat(64)}));
    assert!(
        e.contains("metadata.labels: Invalid value")
            && e.contains("must be no more than 63 characters"),
        "{e}"
    );
    let e = bad("client", json!({}));
    assert!(
        e.contains("AlreadyExists") && e.contains("pods \"client\" already exists"),
        "{e}"
    );
    let o = lab.create(&json!({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "x", "namespace": "no-such-ns"},
        "spec": {"containers": [{"name": "c", "image": "i"}]}}));
    assert!(String::from_utf8_lossy(&o.stderr).contains("namespaces \"no-such-ns\" not found"));

    // get -w sees a new pod.
    let mut w = Command::new("kubectl")
        .env("KUBECONFIG", &lab.kubeconfig)
        .args([
            "get",
            "pods",
            "-w",
            "--output-watch-events",
            "-l",
            "fid=watch",
        ])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(500));
    let o = lab.create(&json!({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "fid-watch", "labels": {"fid": "watch"}},
        "spec": {"terminationGracePeriodSeconds": 2, "containers": [{"name": "c", "image": "dumpy-lab/workload:1",
            "command": ["/bin/sh", "-c", "trap '' TERM; while true; do sleep 0.2; done"]}]}}));
    assert!(o.status.success());
    // Read in a thread so that a missing event fails the test instead of hanging it.
    let (tx, rx) = std::sync::mpsc::channel();
    let stdout = w.stdout.take().unwrap();
    std::thread::spawn(move || {
        for l in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(l).is_err() {
                break;
            }
        }
    });
    let mut saw = vec![];
    while !saw.last().is_some_and(|l: &String| l.contains("Running")) {
        let l = rx
            .recv_timeout(Duration::from_secs(30))
            .unwrap_or_else(|_| panic!("watch saw only {saw:?}"));
        if l.contains("fid-watch") {
            saw.push(l);
        }
    }
    assert!(saw[0].starts_with("ADDED"), "{saw:?}");
    assert!(saw.last().unwrap().starts_with("MODIFIED"), "{saw:?}");
    w.kill().unwrap();
    w.wait().unwrap();

    // Deletion: a container that ignores SIGTERM is killed after the grace period (2 s).
    lab.wait_pod("fid-watch", 30, "Ready", is_ready);
    let t = Instant::now();
    lab.ok(&["delete", "pod", "fid-watch"]);
    let took = t.elapsed();
    assert!(
        took >= Duration::from_secs(2) && took < Duration::from_secs(15),
        "delete took {took:?}"
    );
    assert!(lab.fails(&["get", "pod", "fid-watch"]).contains("NotFound"));
    lab.ok(&["delete", "pod", "fid-once"]);
}

/// Exec the way kube-rs (the plugin) does it: WebSocket with v4.channel.k8s.io, a large binary
/// stdout (like `sniffer export`), and the exit status on the error channel.
#[test]
fn exec_v4_protocol_as_kube_rs_uses_it() {
    use futures::StreamExt;
    use tokio_tungstenite::tungstenite::{client::IntoClientRequest, Message};
    let lab = Lab::up();
    let server = lab.server_addr();
    let token = lab.kubeconfig_field("token");
    let rt = tokio::runtime::Runtime::new().unwrap();
    let run = |script: &str| -> (Vec<u8>, Vec<u8>, serde_json::Value) {
        let q = serde_urlencoded::to_string([
            ("command", "/bin/sh"),
            ("command", "-c"),
            ("command", script),
            ("stdout", "true"),
            ("stderr", "true"),
        ])
        .unwrap();
        let url = format!("wss://{server}/api/v1/namespaces/{NS}/pods/client/exec?{q}");
        rt.block_on(async {
            let mut req = url.into_client_request().unwrap();
            req.headers_mut().insert(
                "Sec-WebSocket-Protocol",
                "v4.channel.k8s.io".parse().unwrap(),
            );
            req.headers_mut()
                .insert("Authorization", format!("Bearer {token}").parse().unwrap());
            let tls = lab.tls_connect().await;
            let (mut ws, resp) = tokio_tungstenite::client_async(req, tls).await.unwrap();
            assert_eq!(
                resp.headers()["sec-websocket-protocol"],
                "v4.channel.k8s.io"
            );
            let (mut out, mut err, mut status) = (vec![], vec![], serde_json::Value::Null);
            while let Some(m) = ws.next().await {
                match m.unwrap() {
                    Message::Binary(b) => match b[0] {
                        1 => out.extend_from_slice(&b[1..]),
                        2 => err.extend_from_slice(&b[1..]),
                        3 => status = serde_json::from_slice(&b[1..]).unwrap(),
                        c => panic!("unexpected channel {c}"),
                    },
                    Message::Close(f) => {
                        assert_eq!(u16::from(f.unwrap().code), 1000);
                        break;
                    }
                    _ => {}
                }
            }
            (out, err, status)
        })
    };
    let (out, _, status) =
        run("head -c 5000000 /dev/urandom | tee /tmp/blob | md5sum >&2; cat /tmp/blob");
    assert_eq!(out.len(), 5_000_000);
    assert_eq!(status["status"], "Success");
    let (_, err, status) = run("echo oops >&2; exit 4");
    assert_eq!(err, b"oops\n");
    assert_eq!(status["reason"], "NonZeroExitCode");
    assert_eq!(status["details"]["causes"][0]["message"], "4");
}
