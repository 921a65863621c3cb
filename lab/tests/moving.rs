//! A cluster that moves, driven by stock kubectl: the Deployment, ReplicaSet, StatefulSet and
//! DaemonSet controllers (ownerReferences, pod-template-hash, status fields, scale, rollout
//! restart/status, set image, replacement of deleted pods, garbage collection), and the
//! kubelet's side (CrashLoopBackOff, OOM kill, node-pressure and API eviction with
//! `kubectl drain`, image reference errors, 253-character pod names).
//! Needs root and containerd (scripts/containerd-up is called).

mod common;
use common::{is_ready, lab_bin, Lab, NS};
use serde_json::{json, Value};
use std::process::Command;
use std::time::{Duration, Instant};

fn list(lab: &Lab, what: &str, selector: &str) -> Vec<Value> {
    let v: Value =
        serde_json::from_str(&lab.ok(&["get", what, "-l", selector, "-o", "json"])).unwrap();
    v["items"].as_array().unwrap().clone()
}

fn get(lab: &Lab, what: &str, name: &str) -> Value {
    serde_json::from_str(&lab.ok(&["get", what, name, "-o", "json"])).unwrap()
}

/// Polls `f` until it gives Some (panics with `what` after `secs`).
fn wait_for<T>(secs: u64, what: &str, mut f: impl FnMut() -> Option<T>) -> T {
    let deadline = Instant::now() + Duration::from_secs(secs);
    loop {
        if let Some(t) = f() {
            return t;
        }
        assert!(Instant::now() < deadline, "not {what} after {secs}s");
        std::thread::sleep(Duration::from_millis(250));
    }
}

fn name(o: &Value) -> String {
    o["metadata"]["name"].as_str().unwrap().to_string()
}

/// The controller ownerReference of `o`: (kind, name, uid).
fn controller(o: &Value) -> (String, String, String) {
    let refs = o["metadata"]["ownerReferences"].as_array().unwrap();
    assert_eq!(refs.len(), 1, "{refs:?}");
    let r = &refs[0];
    assert_eq!(r["controller"], true);
    assert_eq!(r["blockOwnerDeletion"], true);
    (
        r["kind"].as_str().unwrap().into(),
        r["name"].as_str().unwrap().into(),
        r["uid"].as_str().unwrap().into(),
    )
}

/// The active (not terminating, not finished) Ready pods of `selector`, once there are `n`.
fn ready_pods(lab: &Lab, selector: &str, n: usize) -> Vec<Value> {
    wait_for(120, &format!("{n} Ready pods of {selector}"), || {
        let pods: Vec<Value> = list(lab, "pods", selector)
            .into_iter()
            .filter(|p| {
                p["metadata"]["deletionTimestamp"].is_null()
                    && p["status"]["phase"] != "Failed"
                    && p["status"]["phase"] != "Succeeded"
            })
            .collect();
        (pods.len() == n && pods.iter().all(is_ready)).then_some(pods)
    })
}

#[test]
fn controllers_behave_as_real_ones() {
    let lab = Lab::up();

    // Deployment -> ReplicaSet -> pods, as the controllers made them.
    let deploy = get(&lab, "deploy", "web");
    let rss = list(&lab, "rs", "app=web");
    assert_eq!(rss.len(), 1);
    let rs = &rss[0];
    let hash = rs["metadata"]["labels"]["pod-template-hash"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(name(rs), format!("web-{hash}"));
    assert_eq!(
        controller(rs),
        (
            "Deployment".into(),
            "web".into(),
            deploy["metadata"]["uid"].as_str().unwrap().into()
        )
    );
    assert_eq!(
        rs["metadata"]["annotations"]["deployment.kubernetes.io/revision"],
        "1"
    );
    assert_eq!(
        rs["spec"]["selector"]["matchLabels"]["pod-template-hash"],
        hash.as_str()
    );
    let web = ready_pods(&lab, "app=web", 3);
    for p in &web {
        let n = name(p);
        let suffix = n.strip_prefix(&format!("web-{hash}-")).unwrap();
        assert_eq!(suffix.len(), 5, "{n}");
        assert_eq!(p["metadata"]["labels"]["pod-template-hash"], hash.as_str());
        assert_eq!(controller(p).0, "ReplicaSet");
        assert_eq!(controller(p).2, rs["metadata"]["uid"].as_str().unwrap());
    }
    let st = &get(&lab, "deploy", "web")["status"];
    for f in [
        "replicas",
        "readyReplicas",
        "updatedReplicas",
        "availableReplicas",
    ] {
        assert_eq!(st[f], 3, "{f}: {st}");
    }
    assert_eq!(st["observedGeneration"], 1);
    let cond = |st: &Value, ty: &str| {
        st["conditions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["type"] == ty)
            .cloned()
            .unwrap()
    };
    assert_eq!(cond(st, "Available")["status"], "True");
    assert_eq!(cond(st, "Progressing")["reason"], "NewReplicaSetAvailable");

    // StatefulSet: ordinal names; DaemonSet: one pod per node.
    let sts = get(&lab, "sts", "db");
    let db = ready_pods(&lab, "app=db", 2);
    let mut names: Vec<String> = db.iter().map(name).collect();
    names.sort();
    assert_eq!(names, ["db-0", "db-1"]);
    for p in &db {
        assert_eq!(controller(p).2, sts["metadata"]["uid"].as_str().unwrap());
        assert_eq!(
            p["metadata"]["labels"]["statefulset.kubernetes.io/pod-name"],
            name(p).as_str()
        );
        assert_eq!(p["spec"]["hostname"], name(p).as_str());
    }
    assert_eq!(get(&lab, "sts", "db")["status"]["readyReplicas"], 2);
    let agents = ready_pods(&lab, "app=node-agent", 3);
    let mut nodes: Vec<&str> = agents
        .iter()
        .map(|p| p["spec"]["nodeName"].as_str().unwrap())
        .collect();
    nodes.sort();
    assert_eq!(nodes, ["lab-node-1", "lab-node-2", "lab-node-3"]);
    assert!(agents.iter().all(|p| controller(p).0 == "DaemonSet"));
    let ds = &get(&lab, "ds", "node-agent")["status"];
    assert_eq!(
        (
            ds["desiredNumberScheduled"].as_i64(),
            ds["numberReady"].as_i64()
        ),
        (Some(3), Some(3))
    );

    // kubectl scale, both ways.
    assert!(lab
        .ok(&["scale", "deploy", "web", "--replicas=5"])
        .contains("scaled"));
    ready_pods(&lab, "app=web", 5);
    wait_for(30, "deploy web 5/5", || {
        let row = lab.ok(&["get", "deploy", "web", "--no-headers"]);
        row.split_whitespace()
            .nth(1)
            .filter(|r| *r == "5/5")
            .map(|_| ())
    });
    lab.ok(&["scale", "deploy", "web", "--replicas=3"]);
    let web = ready_pods(&lab, "app=web", 3);

    // A deleted pod is replaced: under a new name by a ReplicaSet, under the same name by a
    // StatefulSet, on the same node by a DaemonSet.
    let victim = name(&web[0]);
    lab.ok(&["delete", "pod", &victim, "--wait=false"]);
    let t = Instant::now();
    let web = ready_pods(&lab, "app=web", 3);
    assert!(web.iter().all(|p| name(p) != victim));
    eprintln!(
        "FIGURE: deleted web pod replaced (3 Ready) in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    let db1_uid = get(&lab, "pod", "db-1")["metadata"]["uid"].clone();
    lab.ok(&["delete", "pod", "db-1"]);
    let db1 = wait_for(60, "db-1 back", || {
        let o = lab.kubectl(&["get", "pod", "db-1", "-o", "json"]);
        let p: Value = serde_json::from_slice(&o.stdout).ok()?;
        (p["metadata"]["uid"] != db1_uid && is_ready(&p)).then_some(p)
    });
    assert_eq!(controller(&db1).0, "StatefulSet");
    lab.ok(&["scale", "sts", "db", "--replicas=3"]);
    ready_pods(&lab, "app=db", 3);
    assert!(lab
        .ok(&["get", "pod", "db-2", "-o", "name"])
        .contains("pod/db-2"));
    let agent = &agents[0];
    lab.ok(&["delete", "pod", &name(agent)]);
    let again = ready_pods(&lab, "app=node-agent", 3);
    assert!(again.iter().all(|p| name(p) != name(agent)));
    assert!(again
        .iter()
        .any(|p| p["spec"]["nodeName"] == agent["spec"]["nodeName"]));

    // rollout restart: a new ReplicaSet (revision 2), the old one at 0, rollout status ends.
    let t = Instant::now();
    lab.ok(&["rollout", "restart", "deploy/web"]);
    let out = lab.ok(&["rollout", "status", "deploy/web", "--timeout=120s"]);
    assert!(out.contains("successfully rolled out"), "{out}");
    eprintln!(
        "FIGURE: rollout restart of 3 pods: rollout status done in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    let d = get(&lab, "deploy", "web");
    assert_eq!(
        d["metadata"]["generation"], 4,
        "3 spec changes since creation: {}",
        d["metadata"]
    );
    assert_eq!(
        d["status"]["observedGeneration"],
        d["metadata"]["generation"]
    );
    assert!(
        d["spec"]["template"]["metadata"]["annotations"]["kubectl.kubernetes.io/restartedAt"]
            .is_string()
    );
    let rss = list(&lab, "rs", "app=web");
    assert_eq!(rss.len(), 2);
    let new_rs = rss
        .iter()
        .find(|r| name(r) != format!("web-{hash}"))
        .unwrap();
    let old_rs = rss
        .iter()
        .find(|r| name(r) == format!("web-{hash}"))
        .unwrap();
    assert_eq!(
        new_rs["metadata"]["annotations"]["deployment.kubernetes.io/revision"],
        "2"
    );
    assert_eq!(
        (
            old_rs["spec"]["replicas"].as_i64(),
            new_rs["spec"]["replicas"].as_i64()
        ),
        (Some(0), Some(3))
    );
    let new_hash = new_rs["metadata"]["labels"]["pod-template-hash"]
        .as_str()
        .unwrap();
    let web = ready_pods(&lab, "app=web", 3);
    assert!(web
        .iter()
        .all(|p| p["metadata"]["labels"]["pod-template-hash"] == new_hash));
    let out = lab.ok(&["rollout", "history", "deploy/web"]);
    assert!(out.contains('1') && out.contains('2'), "{out}");

    // set image: a strategic merge patch of one container field; the command stays.
    lab.ok(&["set", "image", "deploy/web", "httpd=busybox:1.36"]);
    lab.ok(&["rollout", "status", "deploy/web", "--timeout=120s"]);
    let web = ready_pods(&lab, "app=web", 3);
    for p in &web {
        let c = &p["spec"]["containers"][0];
        assert_eq!(c["image"], "busybox:1.36");
        assert_eq!(c["command"][1], "httpd", "{c}");
    }
    assert_eq!(list(&lab, "rs", "app=web").len(), 3);

    // Deleting the Deployment removes its ReplicaSets and their pods (garbage collection).
    lab.ok(&["delete", "deploy", "web"]);
    wait_for(60, "web's ReplicaSets and pods gone", || {
        (list(&lab, "rs", "app=web").is_empty() && list(&lab, "pods", "app=web").is_empty())
            .then_some(())
    });
}

fn lab_cmd(args: &[&str]) -> std::process::Output {
    Command::new(lab_bin()).args(args).output().unwrap()
}

fn waiting_reason(p: &Value) -> String {
    p["status"]["containerStatuses"][0]["state"]["waiting"]["reason"]
        .as_str()
        .unwrap_or("")
        .to_string()
}

#[test]
fn kubelet_restarts_evicts_and_checks_images() {
    // A 1 s back-off base (the kubelet's is 10 s) keeps the crash loop short.
    let lab = Lab::up_with(&["--restart-backoff", "1s"]);
    let pod = |name: &str, image: &str, policy: &str, script: &str| {
        json!({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": name},
               "spec": {"restartPolicy": policy, "terminationGracePeriodSeconds": 1,
                        "containers": [{"name": "c", "image": image, "command": ["/bin/sh", "-c", script]}]}})
    };
    let create = |o: Value| {
        let out = lab.create(&o);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    const W: &str = "dumpy-lab/workload:1";

    // CrashLoopBackOff: restarted at once, then after 1 s, 2 s, 4 s; the pod (and its IP,
    // its network namespace) lives on, phase Running.
    create(pod("crash", W, "Always", "echo up; sleep 0.3; exit 3"));
    let first = lab.wait_pod("crash", 30, "started", |p| p["status"]["podIP"].is_string());
    let ip = first["status"]["podIP"].clone();
    let mut messages: Vec<String> = vec![];
    let t = Instant::now();
    let last = wait_for(60, "4 restarts", || {
        let p = lab.pod_json("crash");
        if waiting_reason(&p) == "CrashLoopBackOff" {
            let m = p["status"]["containerStatuses"][0]["state"]["waiting"]["message"]
                .as_str()
                .unwrap()
                .to_string();
            if !messages.contains(&m) {
                messages.push(m);
            }
            assert_eq!(p["status"]["phase"], "Running");
        }
        (p["status"]["containerStatuses"][0]["restartCount"].as_u64() >= Some(4)).then_some(p)
    });
    eprintln!(
        "FIGURE: 4 restarts with a 1 s back-off base took {:.1} s",
        t.elapsed().as_secs_f64()
    );
    assert!(
        t.elapsed() >= Duration::from_secs(6),
        "1+2+4 s of back-off at least"
    );
    let prefixes: Vec<&str> = messages
        .iter()
        .map(|m| m.split(" restarting").next().unwrap())
        .collect();
    assert_eq!(
        prefixes,
        ["back-off 1s", "back-off 2s", "back-off 4s"],
        "{messages:?}"
    );
    assert!(
        messages[0].ends_with(&format!(
            "restarting failed container=c pod=crash_{NS}({})",
            first["metadata"]["uid"].as_str().unwrap()
        )),
        "{messages:?}"
    );
    let lt = &last["status"]["containerStatuses"][0]["lastState"]["terminated"];
    assert_eq!(
        (lt["exitCode"].as_i64(), lt["reason"].as_str()),
        (Some(3), Some("Error"))
    );
    assert_eq!(last["status"]["podIP"], ip);
    assert_eq!(last["metadata"]["uid"], first["metadata"]["uid"]);
    let row = wait_for(30, "CrashLoopBackOff in get pods", || {
        let row = lab.ok(&["get", "pod", "crash", "--no-headers"]);
        row.contains("CrashLoopBackOff").then_some(row)
    });
    assert!(
        row.split_whitespace()
            .nth(3)
            .unwrap()
            .parse::<u32>()
            .unwrap()
            >= 4,
        "{row}"
    );

    // OOM kill: OOMKilled, 137; Always restarts it, Never fails the pod.
    let keep = "while true; do sleep 0.2; done";
    create(pod("oom", W, "Always", keep));
    create(pod("oom-never", W, "Never", keep));
    lab.wait_pod("oom", 30, "Ready", is_ready);
    lab.wait_pod("oom-never", 30, "Ready", is_ready);
    let o = lab_cmd(&["oom-kill", "demo/oom"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).contains("OOMKilled"));
    let p = lab.wait_pod("oom", 30, "restarted", |p| {
        p["status"]["containerStatuses"][0]["restartCount"] == 1 && is_ready(p)
    });
    let lt = &p["status"]["containerStatuses"][0]["lastState"]["terminated"];
    assert_eq!(
        (lt["reason"].as_str(), lt["exitCode"].as_i64()),
        (Some("OOMKilled"), Some(137))
    );
    assert!(lab_cmd(&["oom-kill", "oom-never", "c"]).status.success());
    let p = lab.wait_pod("oom-never", 30, "Failed", |p| {
        p["status"]["phase"] == "Failed"
    });
    let t = &p["status"]["containerStatuses"][0]["state"]["terminated"];
    assert_eq!(
        (t["reason"].as_str(), t["exitCode"].as_i64()),
        (Some("OOMKilled"), Some(137))
    );
    assert!(lab
        .ok(&["get", "pod", "oom-never", "--no-headers"])
        .contains("OOMKilled"));
    let o = lab_cmd(&["oom-kill", "demo/nope"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("pods \"nope\" not found"));
    let o = lab_cmd(&["oom-kill", "demo/oom", "nope"]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("container nope is not valid for pod oom"));

    // Node-pressure eviction: the pod stays, Failed/Evicted, its sandbox gone; the
    // ReplicaSet replaces it.
    let web = ready_pods(&lab, "app=web", 3);
    let victim = name(&web[0]);
    let netns_before = std::fs::read_dir("/run/netns").unwrap().count();
    let o = lab_cmd(&["evict", &format!("{NS}/{victim}")]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let p = lab.wait_pod(&victim, 30, "Evicted", |p| {
        p["status"]["reason"] == "Evicted"
    });
    assert_eq!(p["status"]["phase"], "Failed");
    assert!(p["status"]["message"]
        .as_str()
        .unwrap()
        .contains("low on resource"));
    assert!(p["status"]["conditions"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["type"] == "DisruptionTarget"));
    let web = ready_pods(&lab, "app=web", 3);
    assert!(web.iter().all(|p| name(p) != victim));
    assert_eq!(
        std::fs::read_dir("/run/netns").unwrap().count(),
        netns_before,
        "one netns gone, one new"
    );
    lab.ok(&["delete", "pod", &victim]);

    // API eviction (policy/v1), as kubectl drain posts it: the pods are deleted and replaced
    // elsewhere; the node is cordoned, so nothing new lands on it.
    let node = web[0]["spec"]["nodeName"].as_str().unwrap().to_string();
    let out = lab.ok(&[
        "drain",
        &node,
        "--pod-selector=app=web",
        "--ignore-daemonsets",
        "--timeout=90s",
    ]);
    assert!(out.contains("evicted"), "{out}");
    let web = ready_pods(&lab, "app=web", 3);
    assert!(
        web.iter().all(|p| p["spec"]["nodeName"] != node.as_str()),
        "{node}"
    );
    assert!(lab
        .ok(&["get", "node", &node, "--no-headers"])
        .contains("SchedulingDisabled"));
    lab.ok(&["uncordon", &node]);
    let victim = name(&web[0]);
    let body = std::env::temp_dir().join(format!("eviction-{}.json", std::process::id()));
    std::fs::write(&body, json!({"apiVersion": "policy/v1", "kind": "Eviction", "metadata": {"name": victim, "namespace": NS}}).to_string()).unwrap();
    lab.ok(&[
        "create",
        "--raw",
        &format!("/api/v1/namespaces/{NS}/pods/{victim}/eviction"),
        "-f",
        body.to_str().unwrap(),
    ]);
    let _ = std::fs::remove_file(&body);
    wait_for(30, "evicted pod gone", || {
        lab.kubectl(&["get", "pod", &victim])
            .status
            .success()
            .then_some(())
            .xor(Some(()))
    });
    ready_pods(&lab, "app=web", 3);

    // Images: malformed -> InvalidImageName; not on the node -> ErrImagePull, then
    // ImagePullBackOff; the plugin's default sniffer image runs the lab's sniffer.
    create(pod("bad-image", "Dumpy/Workload:1", "Always", "true"));
    let p = lab.wait_pod("bad-image", 30, "InvalidImageName", |p| {
        waiting_reason(p) == "InvalidImageName"
    });
    assert_eq!(p["status"]["phase"], "Pending");
    assert!(
        p["status"]["containerStatuses"][0]["state"]["waiting"]["message"]
            .as_str()
            .unwrap()
            .contains("invalid reference format")
    );
    assert!(lab
        .ok(&["get", "pod", "bad-image", "--no-headers"])
        .contains("InvalidImageName"));
    create(pod(
        "no-image",
        "registry.example.com/nosuch/app:1",
        "Always",
        "true",
    ));
    let mut seen: Vec<String> = vec![];
    wait_for(30, "ErrImagePull and ImagePullBackOff", || {
        let r = waiting_reason(&lab.pod_json("no-image"));
        if !r.is_empty() && seen.last() != Some(&r) {
            seen.push(r);
        }
        (seen.iter().any(|r| r == "ErrImagePull") && seen.iter().any(|r| r == "ImagePullBackOff"))
            .then_some(())
    });
    assert_eq!(seen[0], "ErrImagePull", "{seen:?}");
    let p = lab.pod_json("no-image");
    assert_eq!(p["status"]["phase"], "Pending");
    let sniffer = json!({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "default-image"},
        "spec": {"restartPolicy": "Never", "containers": [{"name": "sniffer", "image": "dumpy/sniffer:9.9.9", "command": ["/sniffer", "--version"]}]}});
    create(sniffer);
    let p = lab.wait_pod("default-image", 30, "Succeeded", |p| {
        p["status"]["phase"] == "Succeeded"
    });
    assert_eq!(
        p["status"]["containerStatuses"][0]["state"]["terminated"]["exitCode"],
        0
    );

    // Pod names up to 253 characters (a DNS subdomain); the hostname is cut to 63.
    let long = format!(
        "{}.{}.{}.{}",
        "a".repeat(63),
        "b".repeat(63),
        "c".repeat(63),
        "d".repeat(61)
    );
    assert_eq!(long.len(), 253);
    create(pod(&long, W, "Always", keep));
    lab.wait_pod(&long, 30, "Ready", is_ready);
    assert_eq!(
        lab.ok(&["exec", &long, "--", "/bin/sh", "-c", "echo $HOSTNAME"])
            .trim(),
        "a".repeat(63)
    );
    let o = lab.create(&pod(&format!("{long}d"), W, "Always", keep));
    assert!(!o.status.success());
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("253"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}
