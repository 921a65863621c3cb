//! `kubectl dumpy` end to end against the lab, as a user drives it: the original README's
//! walkthrough, error paths, selectors, containers, PVC, merge, live export, a 50-pod
//! capture, a Pod Security–enforcing namespace, `logs -f` over six sniffers, captures that
//! follow a rollout restart and a scale-up through `restart`, issue 11's states and input (a
//! lost sniffer, an ended one, restart clearing limits, every bad input refused with nothing
//! created), and captures on k3s-style and CRI-O-style nodes without `--runtime-socket`.
//! Needs root, containerd, and the plugin and sniffer built
//! (`cargo build -p plugin -p sniffer`).

mod common;
use common::{is_ready, lab_bin, tshark_fields, Lab, TempDir, NS};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn plugin_dir() -> PathBuf {
    let dir = lab_bin().parent().unwrap().to_path_buf();
    assert!(
        dir.join("kubectl-dumpy").exists(),
        "kubectl-dumpy not built: cargo build -p plugin"
    );
    dir
}

fn dumpy_cmd(lab: &Lab, args: &[&str]) -> Command {
    let path = format!(
        "{}:{}",
        plugin_dir().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut c = Command::new("kubectl");
    c.env("KUBECONFIG", &lab.kubeconfig)
        .env("PATH", path)
        .arg("dumpy")
        .args(args);
    c
}

fn dumpy(lab: &Lab, args: &[&str]) -> Output {
    dumpy_cmd(lab, args).output().unwrap()
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn ok(lab: &Lab, args: &[&str]) -> String {
    let o = dumpy(lab, args);
    assert!(
        o.status.success(),
        "kubectl dumpy {args:?} failed:\n{}",
        text(&o)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn sniffers(lab: &Lab, capture: &str) -> Vec<Value> {
    let v: Value = serde_json::from_str(&lab.ok(&[
        "get",
        "pods",
        "-l",
        &format!("dumpy.io/capture={capture}"),
        "-o",
        "json",
    ]))
    .unwrap();
    v["items"].as_array().unwrap().clone()
}

fn wait_no_sniffers(lab: &Lab, capture: &str, secs: u64) {
    let deadline = Instant::now() + Duration::from_secs(secs);
    while !sniffers(lab, capture).is_empty() {
        assert!(
            Instant::now() < deadline,
            "sniffers of {capture} still there after {secs}s"
        );
        std::thread::sleep(Duration::from_millis(300));
    }
}

fn web_pods(lab: &Lab) -> Vec<(String, String)> {
    let v: Value =
        serde_json::from_str(&lab.ok(&["get", "pods", "-l", "app=web", "-o", "json"])).unwrap();
    v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["metadata"]["name"].as_str().unwrap().to_string(),
                p["status"]["podIP"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// Destination IPs of the HTTP GET requests tshark finds in `file`.
fn http_get_dsts(file: &Path) -> Vec<String> {
    tshark_fields(file, "http.request.method == \"GET\"", "ip.dst")
}

/// Waits (up to 60 s) until `capture`'s `n` sniffers of `generation` each report at least 20
/// packets and 2,000 bytes on disk: the client has reached every target, however loaded the
/// machine, before a test exports.
fn wait_for_traffic(lab: &Lab, capture: &str, generation: u32, n: usize) {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let v: Value =
            serde_json::from_str(&ok(lab, &["get", capture, "-n", NS, "-o", "json"])).unwrap();
        let gen: Vec<&Value> = v["sniffers"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["generation"] == generation)
            .collect();
        let on_disk = |s: &&Value| {
            let st = &s["captureStatus"];
            let bytes: u64 = st["files"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|f| f["size"].as_u64())
                .sum();
            st["packetsCaptured"].as_u64().unwrap_or(0) >= 20 && bytes >= 2000
        };
        if gen.len() == n && gen.iter().all(on_disk) {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "sniffers of {capture} (generation {generation}) saw no requests within 60 s: {v}"
        );
        std::thread::sleep(Duration::from_millis(500));
    }
}

/// Each exported file of `dir` holds GETs to its own web pod.
fn assert_gets_per_pod(dir: &Path, capture: &str, web: &[(String, String)]) {
    for (pod, ip) in web {
        let f = dir.join(format!("{capture}-{pod}.pcapng"));
        assert!(
            f.exists(),
            "{} missing; have {:?}",
            f.display(),
            std::fs::read_dir(dir)
                .unwrap()
                .flatten()
                .map(|e| e.file_name())
                .collect::<Vec<_>>()
        );
        let dsts = http_get_dsts(&f);
        assert!(
            dsts.iter().any(|d| d == ip),
            "no GET to {pod} ({ip}) in {}: {dsts:?}",
            f.display()
        );
    }
}

#[test]
fn readme_walkthrough() {
    let lab = Lab::up();
    let web = web_pods(&lab);
    let out = ok(
        &lab,
        &[
            "capture", "deploy", "web", "-n", NS, "--name", "wt", "-f", "-i any",
        ],
    );
    assert!(out.contains("All dumpy sniffers are Ready."), "{out}");
    for (pod, _) in &web {
        assert!(out.contains(&format!("PodName: {pod}")), "{out}");
    }
    let s = sniffers(&lab, "wt");
    assert_eq!(s.len(), 3);
    assert!(s.iter().all(is_ready));
    // Stock kubectl reaches the sniffer the same way: exec of the sniffer binary itself.
    let cmd: Vec<String> =
        serde_json::from_value(s[0]["spec"]["containers"][0]["command"].clone()).unwrap();
    let w = &cmd[cmd.iter().position(|a| a == "-w").unwrap() + 1];
    let name = s[0]["metadata"]["name"].as_str().unwrap();
    let status: Value =
        serde_json::from_str(&lab.ok(&["exec", name, "--", "/sniffer", "status", "-w", w]))
            .unwrap();
    assert!(status["state"].is_string(), "{status}");
    std::thread::sleep(Duration::from_secs(4)); // the client makes a few rounds of requests

    let table = ok(&lab, &["get", "-n", NS]);
    let row = table
        .lines()
        .find(|l| l.starts_with("wt "))
        .unwrap_or_else(|| panic!("{table}"));
    assert!(
        row.contains("deployment/web") && row.contains("3/3"),
        "{row}"
    );
    let detail = ok(&lab, &["get", "wt", "-n", NS]);
    for (pod, _) in &web {
        assert!(detail.contains(pod.as_str()), "{detail}");
    }

    let d1 = TempDir::new("wt1");
    ok(&lab, &["export", "wt", d1.0.to_str().unwrap(), "-n", NS]);
    assert_gets_per_pod(&d1.0, "wt", &web);

    ok(&lab, &["stop", "wt", "-n", NS]);
    let d2 = TempDir::new("wt2");
    ok(&lab, &["export", "wt", d2.0.to_str().unwrap(), "-n", NS]);
    assert_gets_per_pod(&d2.0, "wt", &web);

    ok(&lab, &["restart", "wt", "-n", NS, "-f", "-i any port 80"]);
    let detail = ok(&lab, &["get", "wt", "-n", NS]);
    assert!(detail.contains("-i any port 80"), "{detail}");

    ok(&lab, &["delete", "wt", "-n", NS]);
    wait_no_sniffers(&lab, "wt", 60);
}

#[test]
fn error_paths_leave_nothing_behind() {
    let lab = Lab::up();
    let one_line = |o: &Output| {
        assert!(!o.status.success(), "should fail: {}", text(o));
        let err = String::from_utf8_lossy(&o.stderr).trim().to_string();
        assert_eq!(err.lines().count(), 1, "not one line: {err}");
        err
    };
    let e = one_line(&dumpy(
        &lab,
        &["capture", "deploy", "nope", "-n", NS, "--name", "e1"],
    ));
    assert!(e.contains("nope"), "{e}");
    let e = one_line(&dumpy(
        &lab,
        &[
            "capture",
            "pod",
            "client",
            "-n",
            NS,
            "--name",
            "e2",
            "-f",
            "-i any port",
        ],
    ));
    assert!(e.to_lowercase().contains("filter"), "{e}");
    assert!(sniffers(&lab, "e1").is_empty() && sniffers(&lab, "e2").is_empty());

    ok(
        &lab,
        &["capture", "pod", "client", "-n", NS, "--name", "dup"],
    );
    let e = one_line(&dumpy(
        &lab,
        &["capture", "pod", "db-0", "-n", NS, "--name", "dup"],
    ));
    assert!(e.contains("dup"), "{e}");
    assert_eq!(sniffers(&lab, "dup").len(), 1);
    ok(&lab, &["delete", "dup", "-n", NS]);
    wait_no_sniffers(&lab, "dup", 60);

    // Ctrl-C while sniffers start: everything created is removed.
    let mut c = dumpy_cmd(
        &lab,
        &["capture", "deploy", "web", "-n", NS, "--name", "cc"],
    )
    .stdout(Stdio::null())
    .stderr(Stdio::piped())
    .spawn()
    .unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    while sniffers(&lab, "cc").is_empty() {
        assert!(Instant::now() < deadline, "capture created no sniffer");
        std::thread::sleep(Duration::from_millis(50));
    }
    nix::sys::signal::kill(
        nix::unistd::Pid::from_raw(c.id() as i32),
        nix::sys::signal::Signal::SIGINT,
    )
    .unwrap();
    let st = c.wait().unwrap();
    // The documented exit code after Ctrl-C (plugin/README.md, "Exit codes").
    assert_eq!(st.code(), Some(130), "{st:?}");
    wait_no_sniffers(&lab, "cc", 60);
}

#[test]
fn selector_container_pvc_merge_and_live_export() {
    let lab = Lab::up();
    let web = web_pods(&lab);

    // Label selector, on the PVC.
    ok(
        &lab,
        &[
            "capture", "-l", "app=web", "-n", NS, "--name", "sel", "-v", "captures",
        ],
    );
    assert_eq!(sniffers(&lab, "sel").len(), 3);
    wait_for_traffic(&lab, "sel", 1, 3);
    let pvc_files: Vec<_> = std::fs::read_dir("/run/dumpy-lab/pvc/demo/captures")
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .collect();
    assert!(
        pvc_files
            .iter()
            .filter(|f| f.starts_with("sel-") && f.ends_with(".pcapng"))
            .count()
            >= 3,
        "{pvc_files:?}"
    );

    // --merge: one file with GETs to every web pod.
    let d = TempDir::new("merge");
    let merged = d.0.join("all.pcapng");
    ok(
        &lab,
        &[
            "export",
            "sel",
            "--merge",
            merged.to_str().unwrap(),
            "-n",
            NS,
        ],
    );
    let dsts = http_get_dsts(&merged);
    for (pod, ip) in &web {
        assert!(dsts.contains(ip), "merged file lacks GETs to {pod}");
    }
    // Time order, as --merge promises: each sniffer's own file is not strictly ordered.
    let info = Command::new("capinfos")
        .arg("-o")
        .arg(&merged)
        .output()
        .unwrap();
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(
        info.lines()
            .any(|l| l.starts_with("Strict time order:") && l.ends_with("True")),
        "{info}"
    );

    // --merge -: the pcapng on stdout, every line on stderr, no file named `-`.
    let o = dumpy_cmd(&lab, &["export", "sel", "--merge", "-", "-n", NS])
        .current_dir(&d.0)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", text(&o));
    assert_eq!(
        &o.stdout[..4],
        b"\x0a\x0d\x0d\x0a",
        "stdout is not a pcapng"
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("---> stdout"), "{err}");
    assert!(!d.0.join("-").exists());
    let piped = d.0.join("piped.pcapng");
    std::fs::write(&piped, &o.stdout).unwrap();
    let dsts = http_get_dsts(&piped);
    for (pod, ip) in &web {
        assert!(dsts.contains(ip), "merged stdout lacks GETs to {pod}");
    }

    // Live export: a pcapng stream that keeps growing while the capture runs.
    let live = d.0.join("live.pcapng");
    let mut c = dumpy_cmd(&lab, &["export", "sel", "-", "-n", NS])
        .stdout(std::fs::File::create(&live).unwrap())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_secs(6));
    c.kill().unwrap();
    c.wait().unwrap();
    let o = Command::new("tshark")
        .arg("-r")
        .arg(&live)
        .args(["-Y", "http.request"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&o.stdout).lines().count() >= 3,
        "live stream: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    ok(&lab, &["delete", "sel", "-n", NS]);

    // A chosen container of a two-container pod.
    ok(
        &lab,
        &[
            "capture", "pod", "multi", "-c", "sidecar", "-n", NS, "--name", "mc",
        ],
    );
    let pod = lab.pod_json("multi");
    let sidecar_id = pod["status"]["containerStatuses"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "sidecar")
        .unwrap()["containerID"]
        .as_str()
        .unwrap()
        .to_string();
    let s = sniffers(&lab, "mc");
    assert_eq!(s.len(), 1);
    let cmd = s[0]["spec"]["containers"][0]["command"].to_string();
    assert!(
        cmd.contains(&sidecar_id),
        "sniffer does not target the sidecar: {cmd}"
    );
    ok(&lab, &["delete", "mc", "-n", NS]);
    wait_no_sniffers(&lab, "mc", 60);
    wait_no_sniffers(&lab, "sel", 60);
}

#[test]
fn capture_across_fifty_pods() {
    let lab = Lab::up();
    let items: Vec<Value> = (0..50).map(|i| json!({"apiVersion": "v1", "kind": "Pod",
        "metadata": {"name": format!("bulk-{i}"), "labels": {"app": "bulk"}},
        "spec": {"terminationGracePeriodSeconds": 1, "containers": [{"name": "httpd", "image": "dumpy-lab/workload:1",
            "command": ["/bin/busybox", "httpd", "-f", "-p", "80", "-h", "/www"]}]}})).collect();
    let t = Instant::now();
    let o = lab.create(&json!({"apiVersion": "v1", "kind": "List", "items": items}));
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    for i in 0..50 {
        lab.wait_pod(&format!("bulk-{i}"), 120, "Ready", is_ready);
    }
    eprintln!(
        "FIGURE: 50 workload pods created to all Ready: {:.1} s",
        t.elapsed().as_secs_f64()
    );
    let t = Instant::now();
    let out = ok(
        &lab,
        &[
            "capture", "-l", "app=bulk", "-n", NS, "--name", "bulk", "--wait", "10m",
        ],
    );
    let took = t.elapsed();
    assert!(out.contains("All dumpy sniffers are Ready."), "{out}");
    let s = sniffers(&lab, "bulk");
    assert_eq!(s.len(), 50);
    assert!(s.iter().all(is_ready));
    eprintln!(
        "FIGURE: capture across 50 pods: {:.1} s from command to all sniffers Ready",
        took.as_secs_f64()
    );
    ok(&lab, &["delete", "bulk", "-n", NS]);
    wait_no_sniffers(&lab, "bulk", 120);
}

/// Pod Security admission: in a namespace enforcing `baseline` the capture stops before
/// `Dumpy init` with one line and exit 1, creating nothing; the lab refuses a hostNetwork pod
/// from stock `kubectl run`, and the plugin's own sniffer pod, with Kubernetes' message; a
/// `privileged` namespace captures as before, and `restart` checks `restricted` too.
#[test]
fn pod_security_enforcing_namespace() {
    let lab = Lab::up();
    const GUARDED: &str = "guarded";
    lab.ok(&["create", "namespace", GUARDED]);
    lab.ok(&[
        "label",
        "ns",
        GUARDED,
        "pod-security.kubernetes.io/enforce=baseline",
    ]);
    let pods_in_guarded = || {
        let v: Value =
            serde_json::from_str(&lab.ok(&["get", "pods", "-n", GUARDED, "-o", "json"])).unwrap();
        v["items"].as_array().unwrap().len()
    };

    let o = dumpy(
        &lab,
        &[
            "capture", "pod", "client", "-n", GUARDED, "-t", NS, "--name", "ps1",
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(!text(&o).contains("Dumpy init"), "{}", text(&o));
    let err = String::from_utf8_lossy(&o.stderr).trim().to_string();
    assert_eq!(err.lines().count(), 1, "not one line: {err}");
    for part in [
        "namespace \"guarded\" enforces Pod Security \"baseline:latest\"",
        "hostPID=true",
        "capabilities NET_RAW,SYS_ADMIN,SYS_PTRACE",
        "hostPath volume containerd-socket",
        "-n NAMESPACE",
        "pod-security.kubernetes.io/enforce=privileged",
    ] {
        assert!(err.contains(part), "{part:?} missing: {err}");
    }
    assert_eq!(pods_in_guarded(), 0);

    // The lab refuses what a real API server refuses, in the same words.
    let e = lab.fails(&[
        "run",
        "hn",
        "-n",
        GUARDED,
        "--image=dumpy-lab/workload:1",
        "--restart=Never",
        "--overrides={\"apiVersion\":\"v1\",\"spec\":{\"hostNetwork\":true}}",
    ]);
    assert!(
        e.contains("Error from server (Forbidden): pods \"hn\" is forbidden: violates PodSecurity \"baseline:latest\": host namespaces (hostNetwork=true)"),
        "{e}"
    );
    // A plain pod passes baseline (server-side dry run: admission runs, nothing starts).
    lab.ok(&[
        "run",
        "plain",
        "-n",
        GUARDED,
        "--image=dumpy-lab/workload:1",
        "--restart=Never",
        "--dry-run=server",
    ]);
    // --dry-run creates nothing, so the refusal is a warning next to the YAML; the sniffer
    // pod it prints is refused by the lab as by Kubernetes.
    let o = dumpy(
        &lab,
        &[
            "capture",
            "pod",
            "client",
            "-n",
            GUARDED,
            "-t",
            NS,
            "--name",
            "ps1",
            "--dry-run",
        ],
    );
    assert!(o.status.success(), "{}", text(&o));
    assert!(String::from_utf8_lossy(&o.stderr).contains("warning: namespace \"guarded\" enforces"));
    let yaml = String::from_utf8_lossy(&o.stdout).into_owned();
    let mut c = Command::new("kubectl")
        .env("KUBECONFIG", &lab.kubeconfig)
        .args(["create", "-f", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    c.stdin.take().unwrap().write_all(yaml.as_bytes()).unwrap();
    let o = c.wait_with_output().unwrap();
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success());
    assert!(
        e.contains("is forbidden: violates PodSecurity \"baseline:latest\": non-default capabilities (container \"sniffer\" must not include \"NET_RAW\", \"SYS_ADMIN\", \"SYS_PTRACE\" in securityContext.capabilities.add), host namespaces (hostPID=true), hostPath volumes (volume \"containerd-socket\")"),
        "{e}"
    );
    assert_eq!(pods_in_guarded(), 0);

    // A namespace that does not exist: one clear line.
    let o = dumpy(
        &lab,
        &[
            "capture", "pod", "client", "-n", "nowhere", "-t", NS, "--name", "ps0",
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("namespace \"nowhere\" not found"),
        "{}",
        text(&o)
    );

    // privileged: captures as before.
    lab.ok(&[
        "label",
        "ns",
        GUARDED,
        "--overwrite",
        "pod-security.kubernetes.io/enforce=privileged",
    ]);
    let out = ok(
        &lab,
        &[
            "capture", "pod", "client", "-n", GUARDED, "-t", NS, "--name", "ps2",
        ],
    );
    assert!(out.contains("All dumpy sniffers are Ready."), "{out}");

    // restart checks too: under restricted the new generation is refused, the running
    // sniffer stays.
    lab.ok(&[
        "label",
        "ns",
        GUARDED,
        "--overwrite",
        "pod-security.kubernetes.io/enforce=restricted",
    ]);
    let o = dumpy(&lab, &["restart", "ps2", "-n", GUARDED]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("\"restricted:latest\"") && err.contains("runAsUser=0"),
        "{err}"
    );
    assert_eq!(pods_in_guarded(), 1);
    ok(&lab, &["delete", "ps2", "-n", GUARDED]);
}

/// The issue's acceptance for `logs -f`: a 6-pod capture gives one stream with lines from all
/// 6 sniffers, each prefixed with its pod, in non-decreasing tcpdump time, and the command
/// ends by itself when the capture is stopped.
#[test]
fn logs_follow_six_pods_in_time_order() {
    let lab = Lab::up();
    // Each pod serves and requests itself over loopback, so every sniffer sees traffic.
    let items: Vec<Value> = (0..6).map(|i| json!({"apiVersion": "v1", "kind": "Pod",
        "metadata": {"name": format!("six-{i}"), "labels": {"app": "six"}},
        "spec": {"terminationGracePeriodSeconds": 1, "containers": [{"name": "httpd", "image": "dumpy-lab/workload:1",
            "command": ["/bin/sh", "-c", "/bin/busybox httpd -p 80 -h /www; while true; do wget -q -O /dev/null http://127.0.0.1/; sleep 0.2; done"]}]}})).collect();
    let o = lab.create(&json!({"apiVersion": "v1", "kind": "List", "items": items}));
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    for i in 0..6 {
        lab.wait_pod(&format!("six-{i}"), 120, "Ready", is_ready);
    }
    let out = ok(
        &lab,
        &[
            "capture",
            "-l",
            "app=six",
            "-n",
            NS,
            "--name",
            "six",
            "-f",
            "-i any port 80",
        ],
    );
    assert!(out.contains("All dumpy sniffers are Ready."), "{out}");
    let names: Vec<String> = sniffers(&lab, "six")
        .iter()
        .map(|p| p["metadata"]["name"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(names.len(), 6);

    let mut child = dumpy_cmd(&lab, &["logs", "six", "-n", NS, "-f"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read while it runs: a full pipe would hold the command up.
    let drain = |mut r: Box<dyn std::io::Read + Send>| {
        std::thread::spawn(move || {
            let mut s = String::new();
            r.read_to_string(&mut s).unwrap();
            s
        })
    };
    let out_reader = drain(Box::new(child.stdout.take().unwrap()));
    let err_reader = drain(Box::new(child.stderr.take().unwrap()));
    std::thread::sleep(Duration::from_secs(6));
    ok(&lab, &["stop", "six", "-n", NS]);
    let t = Instant::now();
    let status = loop {
        if let Some(st) = child.try_wait().unwrap() {
            break st;
        }
        if t.elapsed() > Duration::from_secs(30) {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "logs -f still running 30 s after stop:\n{}",
                err_reader.join().unwrap()
            );
        }
        std::thread::sleep(Duration::from_millis(200));
    };
    eprintln!(
        "FIGURE: logs -f ended {:.1} s after stop returned",
        t.elapsed().as_secs_f64()
    );
    let stdout = out_reader.join().unwrap();
    let stderr = err_reader.join().unwrap();
    assert!(status.success(), "{stderr}");
    assert!(stderr.contains("Capture six has ended"), "{stderr}");

    let mut seen = std::collections::BTreeMap::<String, usize>::new();
    let mut last = String::new();
    for line in stdout.lines() {
        let rest = line
            .strip_prefix("[pod/")
            .unwrap_or_else(|| panic!("unprefixed line {line:?}"));
        let (prefix, summary) = rest.split_once("] ").unwrap_or((rest, ""));
        let pod = prefix
            .strip_suffix("/sniffer")
            .unwrap_or_else(|| panic!("no container in the prefix: {line:?}"));
        assert!(
            names.iter().any(|n| n == pod),
            "{pod} is not a sniffer of six"
        );
        // tcpdump's default timestamp, HH:MM:SS.ffffff: fixed width, so it compares as text.
        let ts = summary.split(' ').next().unwrap_or("");
        let timestamped = ts.len() == 15 && ts.as_bytes()[2] == b':' && ts.as_bytes()[8] == b'.';
        if timestamped {
            assert!(ts >= last.as_str(), "{ts} after {last}:\n{stdout}");
            last = ts.to_string();
            *seen.entry(pod.to_string()).or_default() += 1;
        }
    }
    assert_eq!(
        seen.len(),
        6,
        "summaries from {} of 6 sniffers: {seen:?}\n{stdout}",
        seen.len()
    );
    eprintln!(
        "FIGURE: logs -f on 6 sniffers: {} timestamped lines in time order",
        seen.values().sum::<usize>()
    );
    // Without -f: what the logs hold, read to the end; --tail counts per sniffer.
    let tail = ok(
        &lab,
        &["logs", "six", "-n", NS, "--tail", "2", "--since", "1h"],
    );
    let lines: Vec<&str> = tail.lines().collect();
    assert_eq!(lines.len(), 12, "{tail}");
    for n in &names {
        let prefix = format!("[pod/{n}/sniffer] ");
        assert_eq!(
            lines.iter().filter(|l| l.starts_with(&prefix)).count(),
            2,
            "{tail}"
        );
    }
    ok(&lab, &["delete", "six", "-n", NS]);
    wait_no_sniffers(&lab, "six", 60);
}

/// The `web` pods that are not being deleted, once there are exactly `n` of them, all Ready
/// and all of the deployment's current template (none of `gone`).
fn settled_web_pods(lab: &Lab, n: usize, gone: &[(String, String)]) -> Vec<(String, String)> {
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let v: Value =
            serde_json::from_str(&lab.ok(&["get", "pods", "-l", "app=web", "-o", "json"])).unwrap();
        let pods = v["items"].as_array().unwrap();
        let fresh = pods.iter().all(|p| {
            !gone
                .iter()
                .any(|(g, _)| p["metadata"]["name"] == g.as_str())
        });
        if pods.len() == n && fresh && pods.iter().all(is_ready) {
            return pods
                .iter()
                .map(|p| {
                    (
                        p["metadata"]["name"].as_str().unwrap().to_string(),
                        p["status"]["podIP"].as_str().unwrap().to_string(),
                    )
                })
                .collect();
        }
        assert!(
            Instant::now() < deadline,
            "web did not settle at {n} fresh pods: {:?}",
            pods.iter()
                .map(|p| &p["metadata"]["name"])
                .collect::<Vec<_>>()
        );
        std::thread::sleep(Duration::from_millis(500));
    }
}

/// The target pods of the sniffers of `capture`'s generation `generation`.
fn targets_of_generation(lab: &Lab, capture: &str, generation: u32) -> Vec<String> {
    let mut t: Vec<String> = sniffers(lab, capture)
        .iter()
        .filter(|s| {
            s["metadata"]["labels"]["dumpy.io/generation"]
                .as_str()
                .and_then(|g| g.parse::<u32>().ok())
                == Some(generation)
        })
        .map(|s| {
            s["metadata"]["labels"]["dumpy.io/target-pod"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    t.sort();
    t
}

/// Issue 11, acceptance 2: `kubectl rollout restart deploy/web` during a capture of
/// deploy/web; `kubectl dumpy restart` then captures exactly the new pods, and export holds
/// both generations (the old pods' files and the new ones', each with GETs to its pod).
#[test]
fn rollout_restart_then_dumpy_restart_follows_the_new_pods() {
    let lab = Lab::up();
    let old = settled_web_pods(&lab, 3, &[]);
    ok(
        &lab,
        &[
            "capture",
            "deploy",
            "web",
            "-n",
            NS,
            "--name",
            "ro",
            "-f",
            "-i any port 80",
        ],
    );
    std::thread::sleep(Duration::from_secs(4)); // the client makes a few rounds of requests
    let t = Instant::now();
    lab.ok(&["rollout", "restart", "deploy/web"]);
    lab.ok(&["rollout", "status", "deploy/web", "--timeout=120s"]);
    let new = settled_web_pods(&lab, 3, &old);
    eprintln!(
        "FIGURE: rollout restart of 3 web pods to all new pods Ready: {:.1} s",
        t.elapsed().as_secs_f64()
    );
    // The old pods' sniffers saw their pods go: TargetGone, with when.
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let v: Value =
            serde_json::from_str(&ok(&lab, &["get", "ro", "-n", NS, "-o", "json"])).unwrap();
        let olds: Vec<&Value> = v["sniffers"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| old.iter().any(|(p, _)| s["targetPod"] == p.as_str()))
            .collect();
        assert_eq!(olds.len(), 3, "{v}");
        if olds
            .iter()
            .all(|s| s["state"] == "TargetGone" && s["ended"].is_string())
        {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "old sniffers not TargetGone after 60 s: {v}"
        );
        std::thread::sleep(Duration::from_millis(500));
    }

    ok(&lab, &["restart", "ro", "-n", NS]);
    let mut want: Vec<String> = new.iter().map(|(p, _)| p.clone()).collect();
    want.sort();
    assert_eq!(targets_of_generation(&lab, "ro", 2), want);
    assert!(sniffers(&lab, "ro")
        .iter()
        .filter(|s| s["metadata"]["labels"]["dumpy.io/generation"] == "2")
        .all(is_ready));
    // The client reads the new pods' addresses within a second of their being Ready; wait
    // until each new sniffer has a few exchanges on disk rather than for a fixed time.
    wait_for_traffic(&lab, "ro", 2, 3);

    let d = TempDir::new("rollout");
    ok(&lab, &["export", "ro", d.0.to_str().unwrap(), "-n", NS]);
    assert_gets_per_pod(&d.0, "ro", &old);
    assert_gets_per_pod(&d.0, "ro", &new);
    ok(&lab, &["delete", "ro", "-n", NS]);
    wait_no_sniffers(&lab, "ro", 60);
}

/// Issue 11, acceptance 3: `kubectl scale deploy web --replicas=6`, then `kubectl dumpy
/// restart`: 6 sniffers, one per web pod.
#[test]
fn scale_then_dumpy_restart_gives_six_sniffers() {
    let lab = Lab::up();
    settled_web_pods(&lab, 3, &[]);
    ok(
        &lab,
        &["capture", "deploy", "web", "-n", NS, "--name", "sc"],
    );
    assert_eq!(targets_of_generation(&lab, "sc", 1).len(), 3);
    lab.ok(&["scale", "deploy", "web", "--replicas=6"]);
    lab.ok(&["rollout", "status", "deploy/web", "--timeout=120s"]);
    let web = settled_web_pods(&lab, 6, &[]);
    ok(&lab, &["restart", "sc", "-n", NS]);
    let mut want: Vec<String> = web.iter().map(|(p, _)| p.clone()).collect();
    want.sort();
    assert_eq!(targets_of_generation(&lab, "sc", 2), want);
    let second: Vec<Value> = sniffers(&lab, "sc")
        .into_iter()
        .filter(|s| s["metadata"]["labels"]["dumpy.io/generation"] == "2")
        .collect();
    assert_eq!(second.len(), 6);
    assert!(second.iter().all(is_ready));
    ok(&lab, &["delete", "sc", "-n", NS]);
    wait_no_sniffers(&lab, "sc", 60);
}

/// Issue 11, acceptance 4: one sniffer pod of three is deleted. `get` shows 2/3 and Lost for
/// that pod (table, wide, detail, JSON); `export` writes the other two files, names the
/// missing pod and its sniffer on stderr and exits 1; with --allow-missing it exits 0.
#[test]
fn lost_sniffer_is_counted_named_and_exported_around() {
    let lab = Lab::up();
    let web = web_pods(&lab);
    assert_eq!(web.len(), 3);
    ok(
        &lab,
        &["capture", "deploy", "web", "-n", NS, "--name", "lost"],
    );
    let s = sniffers(&lab, "lost");
    assert_eq!(s.len(), 3);
    let victim = s[1]["metadata"]["name"].as_str().unwrap().to_string();
    let victim_target = s[1]["metadata"]["labels"]["dumpy.io/target-pod"]
        .as_str()
        .unwrap()
        .to_string();
    std::thread::sleep(Duration::from_secs(3)); // a few rounds of the client's requests
    lab.ok(&["delete", "pod", &victim, "-n", NS]);
    let deadline = Instant::now() + Duration::from_secs(60);
    while sniffers(&lab, "lost").len() != 2 {
        assert!(Instant::now() < deadline, "{victim} not gone after 60 s");
        std::thread::sleep(Duration::from_millis(300));
    }

    let table = ok(&lab, &["get", "-n", NS]);
    let row = table.lines().find(|l| l.starts_with("lost ")).unwrap();
    assert!(row.contains(" 2/3"), "{table}");
    let wide = ok(&lab, &["get", "-n", NS, "-o", "wide"]);
    let row = wide.lines().find(|l| l.starts_with("lost ")).unwrap();
    assert!(row.contains(" 2/3 ") && row.contains(" Lost "), "{wide}");
    let detail = ok(&lab, &["get", "lost", "-n", NS]);
    let line = detail
        .lines()
        .find(|l| l.contains(&victim))
        .unwrap_or_else(|| panic!("{victim} not in the detail view:\n{detail}"));
    assert!(
        line.contains(&victim_target) && line.contains("[Lost: the sniffer pod is gone"),
        "{detail}"
    );
    assert_eq!(
        detail.lines().filter(|l| l.contains("[Capturing]")).count(),
        2,
        "{detail}"
    );
    let v: Value =
        serde_json::from_str(&ok(&lab, &["get", "lost", "-n", NS, "-o", "json"])).unwrap();
    assert_eq!(
        (v["ready"].as_u64(), v["total"].as_u64()),
        (Some(2), Some(3))
    );
    assert_eq!(v["state"], "Lost");
    for sn in v["sniffers"].as_array().unwrap() {
        if sn["name"] == victim.as_str() {
            assert_eq!(sn["state"], "Lost", "{sn}");
            assert_eq!(sn["targetPod"], victim_target.as_str());
        } else {
            assert_eq!(sn["state"], "Capturing", "{sn}");
            assert!(
                sn["captureStatus"]["packetsCaptured"].as_u64().is_some(),
                "{sn}"
            );
        }
    }

    let d = TempDir::new("lost");
    let o = dumpy(&lab, &["export", "lost", d.0.to_str().unwrap(), "-n", NS]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    let err = String::from_utf8_lossy(&o.stderr);
    let last = err.lines().last().unwrap_or("");
    assert!(
        last.starts_with("error: 1 of 3 sniffers of capture lost had no files to export")
            && last.contains(&victim_target)
            && last.contains(&victim)
            && last.contains("--allow-missing"),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "no files for target pod {victim_target} (generation 1): sniffer {victim} is Lost"
        )),
        "{err}"
    );
    let kept: Vec<(String, String)> = web
        .iter()
        .filter(|(p, _)| *p != victim_target)
        .cloned()
        .collect();
    assert_eq!(kept.len(), 2);
    assert_gets_per_pod(&d.0, "lost", &kept);
    assert!(!d.0.join(format!("lost-{victim_target}.pcapng")).exists());

    let d2 = TempDir::new("lost2");
    let o = dumpy(
        &lab,
        &[
            "export",
            "lost",
            d2.0.to_str().unwrap(),
            "-n",
            NS,
            "--allow-missing",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains(&victim),
        "{}",
        text(&o)
    );
    assert_gets_per_pod(&d2.0, "lost", &kept);
    ok(&lab, &["delete", "lost", "-n", NS]);
    wait_no_sniffers(&lab, "lost", 60);
}

/// Every pod in the lab, as `namespace/name`.
fn all_pods(lab: &Lab) -> Vec<String> {
    let v: Value = serde_json::from_str(&lab.ok(&["get", "pods", "-A", "-o", "json"])).unwrap();
    let mut pods: Vec<String> = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            format!(
                "{}/{}",
                p["metadata"]["namespace"].as_str().unwrap(),
                p["metadata"]["name"].as_str().unwrap()
            )
        })
        .collect();
    pods.sort();
    pods
}

/// Issue 11, acceptance 7: every input of "Input that never half-works", against the lab
/// with stock kubectl: one clear line, the documented exit code, nothing printed of a
/// deployment (`Dumpy init`), and no pod created anywhere.
#[test]
fn bad_input_creates_nothing() {
    let lab = Lab::up();
    // A capture already running, so that selectors can match its sniffer.
    ok(
        &lab,
        &["capture", "pod", "client", "-n", NS, "--name", "held"],
    );
    let held = sniffers(&lab, "held");
    assert_eq!(held.len(), 1);
    let held_sniffer = held[0]["metadata"]["name"].as_str().unwrap().to_string();
    let before = all_pods(&lab);
    let long_name = "c".repeat(47);
    let cases: Vec<(Vec<&str>, i32, &str)> = vec![
        (vec!["capture"], 2, "what to capture"),
        (vec!["capture", "pod"], 2, "capture pod needs a NAME"),
        (vec!["capture", "-l", ""], 2, "selects every pod"),
        (
            vec!["capture", "-l", "app=nosuch"],
            1,
            "no pods match selector \"app=nosuch\"",
        ),
        (
            vec!["capture", "-l", "app.kubernetes.io/name=dumpy"],
            1,
            "dumpy sniffer pods, which are never targets",
        ),
        (
            vec!["capture", "pod", held_sniffer.as_str()],
            1,
            "is a dumpy sniffer",
        ),
        (
            vec!["capture", "pod", "client", "--duration", "0"],
            2,
            "--duration",
        ),
        (
            vec!["capture", "pod", "client", "--duration", "0s"],
            2,
            "--duration",
        ),
        (
            vec!["capture", "pod", "client", "--duration=-5s"],
            2,
            "--duration",
        ),
        (
            vec!["capture", "pod", "client", "-n", "nosuchns"],
            1,
            "namespace \"nosuchns\" not found",
        ),
        (
            vec!["capture", "pod", "client", "-t", "nosuchns"],
            1,
            "target namespace \"nosuchns\" not found",
        ),
        (
            vec!["capture", "pod", "client", "--cpu-limit", "abc"],
            2,
            "--cpu-limit \"abc\" is not a Kubernetes quantity",
        ),
        (
            vec!["capture", "pod", "client", "--memory-request", "1Gi"],
            2,
            "--memory-request 1Gi is above --memory-limit 256Mi",
        ),
        (
            vec!["capture", "pod", "client", "-i", "Dumpy/Sniffer:1"],
            2,
            "not a valid image reference",
        ),
        (
            vec!["capture", "pod", "client", "--name", long_name.as_str()],
            2,
            "at most 46",
        ),
        (
            vec!["restart", "held", "--memory-request", "1Gi"],
            2,
            "--memory-request 1Gi is above --memory-limit 256Mi",
        ),
        (vec!["restart", "held", "--duration", "0"], 2, "--duration"),
        (
            vec!["restart", "held", "--cpu-request", "lots"],
            2,
            "--cpu-request \"lots\"",
        ),
    ];
    for (args, code, needle) in &cases {
        let mut full = args.clone();
        if !full.contains(&"-n") {
            full.extend(["-n", NS]);
        }
        let o = dumpy(&lab, &full);
        let err = String::from_utf8_lossy(&o.stderr).into_owned();
        assert_eq!(o.status.code(), Some(*code), "{full:?}: {}", text(&o));
        // One error line (clap adds its `For more information, try '--help'.` tip).
        let lines: Vec<&str> = err
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with("For more information"))
            .filter(|l| *l != "Getting target resource info..")
            .collect();
        assert_eq!(lines.len(), 1, "{full:?}: not one line: {err}");
        assert!(
            lines[0].starts_with("error: ") && lines[0].contains(needle),
            "{full:?}: {err}"
        );
        assert!(!text(&o).contains("Dumpy init"), "{full:?}: {}", text(&o));
        assert_eq!(all_pods(&lab), before, "{full:?} created a pod");
    }
    eprintln!(
        "FIGURE: {} bad inputs refused, each with one line and its exit code, no pod created",
        cases.len()
    );
    ok(&lab, &["delete", "held", "-n", NS]);
    wait_no_sniffers(&lab, "held", 60);
}

/// Issue 11: a sniffer that ended on its own (`-c` reached) lingers for export, not Ready;
/// `get` asks it and shows how it ended, no longer `0/1 Starting`.
#[test]
fn ended_sniffer_is_not_starting() {
    let lab = Lab::up();
    ok(
        &lab,
        &[
            "capture",
            "pod",
            "client",
            "-n",
            NS,
            "--name",
            "ended",
            "-f",
            "-i any -c 3",
        ],
    );
    // The client makes requests every second: 3 packets come at once.
    let deadline = Instant::now() + Duration::from_secs(60);
    let row = loop {
        let wide = ok(&lab, &["get", "-n", NS, "-o", "wide"]);
        let row = wide
            .lines()
            .find(|l| l.starts_with("ended "))
            .unwrap_or_else(|| panic!("{wide}"))
            .to_string();
        if !row.contains(" Capturing ") {
            break row;
        }
        assert!(
            Instant::now() < deadline,
            "still capturing after 60 s: {row}"
        );
        std::thread::sleep(Duration::from_millis(500));
    };
    assert!(row.contains(" 0/1 "), "{row}");
    // The sniffer says how it ended: -c reached is Completed, never Starting.
    let state = "Completed";
    assert!(row.contains(" Completed "), "not Completed: {row}");
    let v: Value =
        serde_json::from_str(&ok(&lab, &["get", "ended", "-n", NS, "-o", "json"])).unwrap();
    assert_eq!(v["state"], state, "{v}");
    assert_eq!(v["sniffers"][0]["state"], state, "{v}");
    assert_eq!(
        v["sniffers"][0]["captureStatus"]["packetsCaptured"], 3,
        "{v}"
    );
    let detail = ok(&lab, &["get", "ended", "-n", NS]);
    assert!(
        detail.contains(&format!("[{state}]  3 packets")),
        "{detail}"
    );
    ok(&lab, &["delete", "ended", "-n", NS]);
    wait_no_sniffers(&lab, "ended", 60);
}

/// Issue 11: `restart` changes or clears (`default`) the limits and resources, like `-f`.
#[test]
fn restart_changes_and_clears_limits_and_resources() {
    let lab = Lab::up();
    ok(
        &lab,
        &[
            "capture",
            "pod",
            "client",
            "-n",
            NS,
            "--name",
            "rl",
            "--duration",
            "30s",
            "--max-files",
            "4",
            "--cpu-limit",
            "500m",
        ],
    );
    // The newest sniffer's command and CPU limit.
    let newest = |generation: &str| {
        let s = sniffers(&lab, "rl");
        let pod = s
            .iter()
            .find(|p| p["metadata"]["labels"]["dumpy.io/generation"] == generation)
            .unwrap_or_else(|| panic!("no generation {generation}"))
            .clone();
        let c = &pod["spec"]["containers"][0];
        let cmd: Vec<String> = serde_json::from_value(c["command"].clone()).unwrap();
        let flag = |f: &str| cmd.iter().position(|a| a == f).map(|i| cmd[i + 1].clone());
        (
            flag("-G"),
            flag("-W"),
            flag("-C"),
            c["resources"]["limits"]["cpu"]
                .as_str()
                .unwrap()
                .to_string(),
        )
    };
    assert_eq!(
        newest("1"),
        (
            Some("30".into()),
            Some("4".into()),
            Some("100".into()),
            "500m".into()
        )
    );
    ok(
        &lab,
        &[
            "restart",
            "rl",
            "-n",
            NS,
            "--duration",
            "default",
            "--max-files",
            "default",
            "--cpu-limit",
            "default",
            "--max-file-size",
            "5",
        ],
    );
    assert_eq!(
        newest("2"),
        (None, Some("10".into()), Some("5".into()), "1".into())
    );
    ok(&lab, &["delete", "rl", "-n", NS]);
    wait_no_sniffers(&lab, "rl", 60);
}

/// Issue 15: nodes that present k3s's containerd and CRI-O. Without --runtime-socket, the
/// sniffer on the k3s node mounts k3s's socket and asks containerd there, the one on the
/// CRI-O node mounts no socket and finds the container through /proc (its cgroup is
/// `crio-<id>.scope`); both capture the client's GETs, which tshark reads in the exports.
#[test]
fn k3s_and_cri_o_nodes_without_runtime_socket() {
    let lab = Lab::up_with(&["--nodes", "3", "--runtimes", "containerd,k3s,crio"]);
    let nodes: Value = serde_json::from_str(&lab.ok(&["get", "nodes", "-o", "json"])).unwrap();
    let version = |node: &str| {
        nodes["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["metadata"]["name"] == node)
            .map(|n| n["status"]["nodeInfo"]["containerRuntimeVersion"].clone())
            .unwrap()
    };
    assert_eq!(version("lab-node-1"), "containerd://1.6.20");
    assert!(version("lab-node-2").as_str().unwrap().contains("-k3s"));
    assert!(version("lab-node-3")
        .as_str()
        .unwrap()
        .starts_with("cri-o://"));

    let cases = [
        (
            "lab-node-2",
            "k3s",
            Some("/run/k3s/containerd/containerd.sock"),
            "Runtime: k3s containerd, socket /run/k3s/containerd/containerd.sock",
            "found through containerd at unix:///run/containerd/containerd.sock",
        ),
        (
            "lab-node-3",
            "crio",
            None,
            "Runtime: cri-o, no socket: the sniffer finds the container through /proc",
            "found through a /proc scan (a cri-o container)",
        ),
    ];
    for (node, tag, socket, said, how) in cases {
        let selector = format!("spec.nodeName={node}");
        let pods: Value = serde_json::from_str(&lab.ok(&[
            "get",
            "pods",
            "-l",
            "app=web",
            "--field-selector",
            &selector,
            "-o",
            "json",
        ]))
        .unwrap();
        let pod = &pods["items"][0];
        let name = pod["metadata"]["name"]
            .as_str()
            .unwrap_or_else(|| panic!("no web pod on {node}: {pods}"));
        let ip = pod["status"]["podIP"].as_str().unwrap().to_string();
        let id = pod["status"]["containerStatuses"][0]["containerID"]
            .as_str()
            .unwrap();
        let scheme = if socket.is_some() {
            "containerd://"
        } else {
            "cri-o://"
        };
        assert!(id.starts_with(scheme), "{id}");

        let capture = format!("rt-{tag}");
        // --dry-run says which runtime and socket, and its YAML mounts just that.
        let o = dumpy(
            &lab,
            &[
                "capture",
                "pod",
                name,
                "-n",
                NS,
                "--name",
                &capture,
                "--dry-run",
            ],
        );
        assert!(o.status.success(), "{}", text(&o));
        let (yaml, notes) = (
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr),
        );
        assert!(
            notes.contains(&format!("{name} on {node}: {}", &said["Runtime: ".len()..])),
            "{notes}"
        );
        assert_eq!(yaml.contains("hostPath"), socket.is_some(), "{yaml}");
        let out = ok(
            &lab,
            &[
                "capture", "pod", name, "-n", NS, "--name", &capture, "-f", "-i any",
            ],
        );
        assert!(out.contains(said), "{out}");
        let s = sniffers(&lab, &capture);
        assert_eq!(s.len(), 1);
        let host_paths: Vec<&str> = s[0]["spec"]["volumes"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|v| v["hostPath"]["path"].as_str())
            .collect();
        assert_eq!(host_paths, socket.into_iter().collect::<Vec<_>>());
        let sniffer_pod = s[0]["metadata"]["name"].as_str().unwrap();
        let log = lab.ok(&["logs", sniffer_pod]);
        assert!(log.contains(how), "{log}");
        let detail = ok(&lab, &["get", &capture, "-n", NS]);
        assert!(detail.contains(&said["Runtime: ".len()..]), "{detail}");

        std::thread::sleep(Duration::from_secs(4)); // the client makes a few rounds of requests
        let dir = TempDir::new(tag);
        ok(
            &lab,
            &["export", &capture, dir.0.to_str().unwrap(), "-n", NS],
        );
        assert_gets_per_pod(&dir.0, &capture, &[(name.to_string(), ip)]);
        ok(&lab, &["delete", &capture, "-n", NS]);
    }

    // The lab's nodes are strict about it: containerd's default socket is not on the k3s
    // node, so a sniffer told to mount it never starts (what used to happen on such nodes).
    let pods: Value = serde_json::from_str(&lab.ok(&[
        "get",
        "pods",
        "-l",
        "app=web",
        "--field-selector",
        "spec.nodeName=lab-node-2",
        "-o",
        "json",
    ]))
    .unwrap();
    let name = pods["items"][0]["metadata"]["name"].as_str().unwrap();
    let o = dumpy(
        &lab,
        &[
            "capture",
            "pod",
            name,
            "-n",
            NS,
            "--name",
            "rt-wrong",
            "--runtime-socket",
            "/run/containerd/containerd.sock",
            "--wait",
            "30s",
        ],
    );
    assert!(!o.status.success(), "{}", text(&o));
    assert!(
        text(&o).contains("/run/containerd/containerd.sock does not exist"),
        "{}",
        text(&o)
    );
    wait_no_sniffers(&lab, "rt-wrong", 60);
}
