//! Issue 11, the sniffer's side, end to end in the lab with stock kubectl and `kubectl dumpy`:
//! a capture of a crash-looping pod goes on through every restart (acceptance 1), the status
//! `get` shows is live while capturing (acceptance 5), and a node capture works with NET_RAW
//! only (acceptance 6). Needs root, containerd, and `cargo build -p lab -p sniffer -p plugin`.

mod common;
use common::{is_ready, tshark_fields, Lab, TempDir, NS, STATE_DIR};
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const KILLS: usize = 5;

/// A field of the sniffer's status as `get -o json` shows it, whichever case the plugin
/// spells it in (`packets_captured` or `packetsCaptured`).
fn field<'a>(st: &'a Value, snake: &str) -> &'a Value {
    let camel: String = snake
        .split('_')
        .enumerate()
        .map(|(i, w)| {
            if i == 0 {
                w.to_string()
            } else {
                w[..1].to_uppercase() + &w[1..]
            }
        })
        .collect();
    match &st[snake] {
        Value::Null => &st[camel.as_str()],
        v => v,
    }
}

/// The one sniffer's status, as `kubectl dumpy get NAME -o json` shows it.
fn capture_status(lab: &Lab, capture: &str) -> Value {
    let v: Value =
        serde_json::from_str(&lab.dumpy_ok(&["get", capture, "-n", NS, "-o", "json"])).unwrap();
    let s = &v["sniffers"][0];
    field(s, "capture_status").clone()
}

fn sniffer_pod(lab: &Lab, capture: &str) -> Value {
    let v: Value = serde_json::from_str(&lab.ok(&[
        "get",
        "pods",
        "-n",
        NS,
        "-l",
        &format!("dumpy.io/capture={capture}"),
        "-o",
        "json",
    ]))
    .unwrap();
    let items = v["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "{v}");
    items[0].clone()
}

/// The sniffer's output directory on this host (the lab's emptyDir for `output`).
fn output_dir(pod: &Value) -> PathBuf {
    Path::new(STATE_DIR)
        .join("pods")
        .join(pod["metadata"]["uid"].as_str().unwrap())
        .join("volumes/output")
}

/// The HTTP response bodies tshark finds in `file`.
fn http_bodies(file: &Path) -> Vec<String> {
    tshark_fields(file, "http.response", "http.file_data")
        .iter()
        .map(|l| {
            // tshark 4 prints the body as hex; older ones as text.
            let hex = l.len() % 2 == 0 && l.bytes().all(|b| b.is_ascii_hexdigit());
            if hex && !l.is_empty() {
                let bytes: Vec<u8> = (0..l.len())
                    .step_by(2)
                    .map(|i| u8::from_str_radix(&l[i..i + 2], 16).unwrap())
                    .collect();
                String::from_utf8_lossy(&bytes).trim().to_string()
            } else {
                l.trim().replace("\\n", "")
            }
        })
        .collect()
}

fn tshark_count(file: &Path, filter: &str) -> usize {
    tshark_fields(file, filter, "frame.number").len()
}

/// A web server whose every incarnation serves a page of its own (written to an emptyDir
/// at start), so a response says which incarnation sent it.
fn crashy_pod() -> Value {
    json!({
        "apiVersion": "v1", "kind": "Pod",
        "metadata": {"name": "crashy", "namespace": NS, "labels": {"app": "crashy"}},
        "spec": {
            "restartPolicy": "Always",
            "containers": [{
                "name": "app", "image": "busybox",
                "command": ["sh", "-c",
                    "echo inc-$(date +%s%N) > /d/index.html; exec httpd -f -p 8080 -h /d"],
                "volumeMounts": [{"name": "d", "mountPath": "/d"}],
            }],
            "volumes": [{"name": "d", "emptyDir": {}}],
        }
    })
}

fn client_pod(ip: &str) -> Value {
    json!({
        "apiVersion": "v1", "kind": "Pod",
        "metadata": {"name": "crashy-client", "namespace": NS},
        "spec": {
            "restartPolicy": "Always",
            "terminationGracePeriodSeconds": 1,
            // (No wget -T: this busybox build crashes with it; a killed server resets the
            // connection anyway.)
            "containers": [{
                "name": "client", "image": "busybox",
                "command": ["sh", "-c", &format!(
                    "while true; do wget -q -O - http://{ip}:8080/ ; sleep 0.3; done")],
            }],
        }
    })
}

fn restart_count(p: &Value) -> u64 {
    p["status"]["containerStatuses"][0]["restartCount"]
        .as_u64()
        .unwrap_or(0)
}

fn running(p: &Value) -> bool {
    p["status"]["containerStatuses"][0]["state"]["running"].is_object()
}

/// Acceptance 1 and 5: a pod whose container is killed five times while a client keeps
/// sending requests; one capture holds requests from all six incarnations, in one file
/// series, and its status says capturing throughout. Then, during the client's steady flow,
/// the status `get` shows is at most ~2 s behind, and once the flow stops it equals what is
/// on disk: the current file's size and the packets in it.
#[test]
fn crash_loop_capture_and_live_figures() {
    let lab = Lab::up();
    let o = lab.create(&crashy_pod());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let p = lab.wait_pod("crashy", 60, "running", running);
    let ip = p["status"]["podIP"].as_str().unwrap().to_string();
    let o = lab.create(&client_pod(&ip));
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    lab.wait_pod("crashy-client", 60, "running", running);

    let out = lab.dumpy_ok(&[
        "capture",
        "pod",
        "crashy",
        "-n",
        NS,
        "--name",
        "crash",
        "-f",
        "-i any port 8080",
    ]);
    assert!(out.contains("All dumpy sniffers are Ready."), "{out}");
    let st = capture_status(&lab, "crash");
    assert_eq!(st["state"], "capturing", "{st}");
    std::thread::sleep(Duration::from_secs(2));

    for k in 1..=KILLS {
        let before = lab.pod_json("crashy");
        let old_id = Lab::container_id(&before);
        let o = Command::new("ctr")
            .args(["-n", "k8s.io", "task", "kill", "-s", "SIGKILL", &old_id])
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        // The kubelet's back-off may make a restart wait; a capture must outlast it.
        let after = lab.wait_pod("crashy", 330, "restarted", |p| {
            restart_count(p) >= k as u64 && running(p) && Lab::container_id(p) != old_id
        });
        assert_eq!(restart_count(&after), k as u64);
        let st = capture_status(&lab, "crash");
        assert_eq!(st["state"], "capturing", "after restart {k}: {st}");
        // A few requests to this incarnation.
        std::thread::sleep(Duration::from_secs(2));
    }
    let st = capture_status(&lab, "crash");
    assert_eq!(st["state"], "capturing", "{st}");

    // Every incarnation answered requests, and every answer is in the capture.
    let d = TempDir::new("crash");
    lab.dumpy_ok(&["export", "crash", d.0.to_str().unwrap(), "-n", NS]);
    let f = d.0.join("crash-crashy.pcapng");
    assert!(f.exists(), "{:?}", std::fs::read_dir(&d.0).unwrap().count());
    let bodies = http_bodies(&f);
    let incarnations: BTreeSet<&str> = bodies
        .iter()
        .map(String::as_str)
        .filter(|b| b.starts_with("inc-"))
        .collect();
    assert_eq!(
        incarnations.len(),
        KILLS + 1,
        "responses from {} incarnations: {incarnations:?}",
        incarnations.len()
    );
    assert!(tshark_count(&f, "http.request.method == \"GET\"") > 3 * (KILLS + 1));
    // One series: the sniffer's files, numbered without a gap, one of them current.
    let files: Vec<String> = st["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap().to_string())
        .collect();
    assert!(!files.is_empty(), "{st}");
    let numbers: Vec<u64> = files
        .iter()
        .map(|n| {
            n.trim_end_matches(".pcapng")
                .rsplit('-')
                .next()
                .unwrap()
                .parse()
                .unwrap()
        })
        .collect();
    assert!(numbers.windows(2).all(|w| w[1] == w[0] + 1), "{files:?}");
    assert_eq!(
        field(&st, "current_file").as_str(),
        files.last().map(String::as_str),
        "{st}"
    );

    // Acceptance 5, during the steady flow: what `get` shows covers at least what was on
    // disk 2.5 s before it was asked, and no more than is on disk after.
    let pod = sniffer_pod(&lab, "crash");
    let dir = output_dir(&pod);
    let current =
        |st: &Value| dir.join(field(st, "current_file").as_str().expect("a current file"));
    let on_disk = |p: &Path| std::fs::metadata(p).unwrap().len();
    let path = current(&capture_status(&lab, "crash"));
    let mut behind = Vec::new();
    for _ in 0..3 {
        let earlier = on_disk(&path);
        std::thread::sleep(Duration::from_millis(2500));
        let st = capture_status(&lab, "crash");
        let later = on_disk(&path);
        let shown = st["files"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| path.ends_with(f["name"].as_str().unwrap()))
            .map(|f| f["size"].as_u64().unwrap())
            .expect("the current file in the status");
        assert!(later > earlier, "no steady flow: {earlier} -> {later}");
        assert!(
            earlier <= shown && shown <= later,
            "status size {shown} outside [{earlier}, {later}] (on disk 2.5 s before and after)"
        );
        let captured = field(&st, "packets_captured")
            .as_u64()
            .expect("packets captured");
        assert!(
            field(&st, "packets_received").as_u64() >= Some(captured),
            "{st}"
        );
        behind.push(later - shown);
    }
    eprintln!("live figures: status behind the disk by {behind:?} bytes at most 2.5 s apart");

    // Once the flow stops, the status equals the disk exactly.
    lab.ok(&["delete", "pod", "crashy-client", "-n", NS]);
    std::thread::sleep(Duration::from_secs(3));
    let st = capture_status(&lab, "crash");
    let path = current(&st);
    let size = on_disk(&path);
    let shown = st["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| path.ends_with(f["name"].as_str().unwrap()))
        .map(|f| f["size"].as_u64().unwrap())
        .unwrap();
    assert_eq!(shown, size, "status size against the size on disk");
    // Every file's packets, as tshark counts them, against the captured count.
    let in_files: usize = st["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| tshark_count(&dir.join(f["name"].as_str().unwrap()), "frame"))
        .sum();
    assert_eq!(
        field(&st, "packets_captured").as_u64(),
        Some(in_files as u64),
        "{st}"
    );
    assert_eq!(st["state"], "capturing");

    lab.dumpy_ok(&["delete", "crash", "-n", NS]);
}

/// Acceptance 6: a node capture runs in the node's network namespace (hostNetwork) with
/// NET_RAW only, no hostPID and no target option, and captures the node's traffic.
#[test]
fn node_capture_with_net_raw_only() {
    let lab = Lab::up();
    let out = lab.dumpy_ok(&[
        "capture",
        "node",
        "lab-node-1",
        "-n",
        NS,
        "--name",
        "nodecap",
        "-f",
        "-i any port 80",
    ]);
    assert!(out.contains("All dumpy sniffers are Ready."), "{out}");
    let pod = sniffer_pod(&lab, "nodecap");
    assert!(is_ready(&pod));
    let spec = &pod["spec"];
    assert_eq!(spec["hostNetwork"], true, "{spec}");
    assert!(
        spec["hostPID"].is_null() || spec["hostPID"] == false,
        "{spec}"
    );
    let c = &spec["containers"][0];
    assert_eq!(
        c["securityContext"]["capabilities"]["add"],
        json!(["NET_RAW"]),
        "{c}"
    );
    let argv: Vec<String> = serde_json::from_value(c["command"].clone()).unwrap();
    assert!(
        !argv
            .iter()
            .any(|a| a == "--pid" || a == "--netns" || a == "--container-id"),
        "{argv:?}"
    );
    // The pod's IP is the node's.
    assert_eq!(pod["status"]["podIP"], pod["status"]["hostIP"], "{pod}");

    // The lab's client fetches every web pod each second, across the node's bridge.
    std::thread::sleep(Duration::from_secs(4));
    let st = capture_status(&lab, "nodecap");
    assert_eq!(st["state"], "capturing", "{st}");
    let d = TempDir::new("node");
    lab.dumpy_ok(&["export", "nodecap", d.0.to_str().unwrap(), "-n", NS]);
    let files: Vec<PathBuf> = std::fs::read_dir(&d.0)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let web: Value =
        serde_json::from_str(&lab.ok(&["get", "pods", "-n", NS, "-l", "app=web", "-o", "json"]))
            .unwrap();
    for p in web["items"].as_array().unwrap() {
        let ip = p["status"]["podIP"].as_str().unwrap();
        let n = tshark_count(
            &files[0],
            &format!("http.request.method == \"GET\" && ip.dst == {ip}"),
        );
        assert!(n > 0, "no GET to {ip} in the node capture");
    }
    lab.dumpy_ok(&["delete", "nodecap", "-n", NS]);
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let v: Value = serde_json::from_str(&lab.ok(&[
            "get",
            "pods",
            "-n",
            NS,
            "-l",
            "dumpy.io/capture=nodecap",
            "-o",
            "json",
        ]))
        .unwrap();
        if v["items"].as_array().unwrap().is_empty() {
            break;
        }
        assert!(Instant::now() < deadline, "node sniffer not deleted");
        std::thread::sleep(Duration::from_millis(300));
    }
}
