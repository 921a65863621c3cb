//! dumpy under least privilege, against the lab's RBAC: a ServiceAccount bound only to the
//! roles of deploy/rbac.yaml (its token from `kubectl create token`, its kubeconfig built
//! with stock `kubectl config`) runs the whole walkthrough; `kubectl auth can-i --list` as
//! that user shows exactly the manifest; each rule removed in turn stops the command that
//! needs it with one line and leaves the cluster as it was; unknown or missing credentials
//! get 401; and the sniffer pods' service account reads nothing. Needs root, containerd,
//! and `cargo build -p lab -p plugin -p sniffer`.

mod common;
use common::{lab_bin, repo_root, tshark_fields, Lab, TempDir, NS};
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// A kubeconfig of its own, for one ServiceAccount (removed at the end).
struct User {
    kubeconfig: PathBuf,
    ca: PathBuf,
}

impl Drop for User {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.kubeconfig);
        let _ = std::fs::remove_file(&self.ca);
    }
}

/// ServiceAccount `sa` in `NS`, its token from `kubectl create token`, and a kubeconfig for
/// it made with `kubectl config` alone, as someone testing RBAC on a real cluster does.
fn service_account_user(lab: &Lab, sa: &str) -> User {
    lab.ok(&["create", "serviceaccount", sa, "-n", NS]);
    let token = lab.ok(&["create", "token", sa, "-n", NS]);
    user_with_token(lab, sa, token.trim())
}

fn user_with_token(lab: &Lab, tag: &str, token: &str) -> User {
    use base64::Engine;
    let base = std::env::temp_dir().join(format!("dumpy-rbac-{tag}-{}", std::process::id()));
    let user = User {
        kubeconfig: base.with_extension("kubeconfig"),
        ca: base.with_extension("ca.crt"),
    };
    let ca = base64::engine::general_purpose::STANDARD
        .decode(lab.kubeconfig_field("certificate-authority-data"))
        .unwrap();
    std::fs::write(&user.ca, ca).unwrap();
    let server = lab.kubeconfig_field("server");
    let kc = user.kubeconfig.to_str().unwrap();
    for args in [
        vec![
            "set-cluster",
            "lab",
            "--server",
            &server,
            "--certificate-authority",
            user.ca.to_str().unwrap(),
            "--embed-certs=true",
        ],
        vec!["set-credentials", tag, "--token", token],
        vec![
            "set-context",
            tag,
            "--cluster=lab",
            &format!("--user={tag}"),
            &format!("--namespace={NS}"),
        ],
        vec!["use-context", tag],
    ] {
        let o = Command::new("kubectl")
            .args(["config", "--kubeconfig", kc])
            .args(&args)
            .output()
            .unwrap();
        assert!(o.status.success(), "kubectl config {args:?}: {}", text(&o));
    }
    user
}

/// deploy/rbac.yaml applied by the admin in `capture_ns` and `target_ns`, its Roles bound to
/// ServiceAccount `sa` there, its ClusterRole cluster-wide.
fn bind_manifest(lab: &Lab, sa: &str, capture_ns: &str, target_ns: &str) {
    let manifest = repo_root().join("deploy/rbac.yaml");
    let subject = format!("--serviceaccount={NS}:{sa}");
    for ns in BTreeSet::from([capture_ns, target_ns]) {
        let o = lab.kubectl(&["create", "-n", ns, "-f", manifest.to_str().unwrap()]);
        let out = text(&o);
        // The ClusterRole is created once; a second namespace finds it there.
        assert!(
            o.status.success()
                || out
                    .lines()
                    .all(|l| !l.contains("Error") || l.contains("AlreadyExists")),
            "{out}"
        );
    }
    lab.ok(&[
        "create",
        "rolebinding",
        "dumpy-capture",
        "-n",
        capture_ns,
        "--role=dumpy-capture",
        &subject,
    ]);
    lab.ok(&[
        "create",
        "rolebinding",
        "dumpy-target",
        "-n",
        target_ns,
        "--role=dumpy-target",
        &subject,
    ]);
    lab.ok(&[
        "create",
        "clusterrolebinding",
        &format!("dumpy-node-capture-{sa}"),
        "--clusterrole=dumpy-node-capture",
        &subject,
    ]);
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// `kubectl dumpy ARGS` with this build's plugin, as `user`.
fn dumpy(user: &User, args: &[&str]) -> Output {
    let dir = lab_bin().parent().unwrap().to_path_buf();
    assert!(dir.join("kubectl-dumpy").exists(), "cargo build -p plugin");
    let path = format!(
        "{}:{}",
        dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    Command::new("kubectl")
        .env("KUBECONFIG", &user.kubeconfig)
        .env("PATH", path)
        .arg("dumpy")
        .args(args)
        .output()
        .unwrap()
}

fn ok(user: &User, args: &[&str]) -> String {
    let o = dumpy(user, args);
    assert!(
        o.status.success(),
        "kubectl dumpy {args:?} failed:\n{}",
        text(&o)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A failure with exactly one error line on stderr, exit 1; returns that line.
fn fails_in_one_line(user: &User, args: &[&str]) -> String {
    fails(user, args).0
}

/// A failure with exactly one error line, exit 1: (that line, all of stderr).
fn fails(user: &User, args: &[&str]) -> (String, String) {
    let o = dumpy(user, args);
    assert_eq!(
        o.status.code(),
        Some(1),
        "kubectl dumpy {args:?}: {}",
        text(&o)
    );
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    let lines: Vec<&str> = err.lines().filter(|l| l.starts_with("error: ")).collect();
    assert_eq!(lines.len(), 1, "kubectl dumpy {args:?}: {err}");
    (lines[0].to_string(), err)
}

fn kubectl_as(user: &User, args: &[&str]) -> Output {
    Command::new("kubectl")
        .env("KUBECONFIG", &user.kubeconfig)
        .args(args)
        .output()
        .unwrap()
}

fn sniffer_pods(lab: &Lab, ns: &str, capture: &str) -> Vec<Value> {
    let v: Value = serde_json::from_str(&lab.ok(&[
        "get",
        "pods",
        "-n",
        ns,
        "-l",
        &format!("dumpy.io/capture={capture}"),
        "-o",
        "json",
    ]))
    .unwrap();
    v["items"].as_array().unwrap().clone()
}

fn wait_no_sniffers(lab: &Lab, ns: &str, capture: &str) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while !sniffer_pods(lab, ns, capture).is_empty() {
        assert!(
            Instant::now() < deadline,
            "sniffers of {capture} still there"
        );
        std::thread::sleep(Duration::from_millis(300));
    }
}

/// How many HTTP GETs tshark finds in `file`.
fn http_gets(file: &Path) -> usize {
    tshark_fields(file, "http.request.method == \"GET\"", "ip.dst").len()
}

/// Each exported pcapng of `dir` holds HTTP GETs (the client requests every web pod).
fn assert_exported(dir: &Path, n: usize) {
    let files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "pcapng"))
        .collect();
    assert_eq!(files.len(), n, "{files:?}");
    for f in files {
        if http_gets(&f) == 0 {
            // What the file does hold tells an export that fell short from a capture that did.
            let summary = Command::new("capinfos").arg(&f).output().unwrap();
            panic!(
                "no GET in {}: {}",
                f.display(),
                String::from_utf8_lossy(&summary.stdout)
            );
        }
    }
}

/// resource (with `.group`) -> verbs, as `kubectl auth can-i --list` prints them.
fn can_i_list(kubeconfig: &Path, ns: &str, extra: &[&str]) -> BTreeMap<String, BTreeSet<String>> {
    let o = Command::new("kubectl")
        .env("KUBECONFIG", kubeconfig)
        .args(["auth", "can-i", "--list", "-n", ns, "--no-headers"])
        .args(extra)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", text(&o));
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for line in String::from_utf8_lossy(&o.stdout).lines() {
        let cols: Vec<&str> = line.split_whitespace().collect();
        // Resource rows start with the resource; non-resource rows with "[/path]".
        if cols.is_empty() || cols[0].starts_with('[') {
            continue;
        }
        let verbs = line[line.rfind('[').unwrap() + 1..line.rfind(']').unwrap()]
            .split_whitespace()
            .map(String::from);
        out.entry(cols[0].to_string()).or_default().extend(verbs);
    }
    out
}

/// The same map from the rules of roles as the API server holds them.
fn granted_by(roles: &[Value]) -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for role in roles {
        for rule in role["rules"].as_array().unwrap() {
            for g in rule["apiGroups"].as_array().unwrap() {
                for r in rule["resources"].as_array().unwrap() {
                    let (g, r) = (g.as_str().unwrap(), r.as_str().unwrap());
                    let key = if g.is_empty() {
                        r.to_string()
                    } else {
                        format!("{r}.{g}")
                    };
                    let verbs = rule["verbs"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|v| v.as_str().unwrap().to_string());
                    out.entry(key).or_default().extend(verbs);
                }
            }
        }
    }
    out
}

#[test]
fn walkthrough_as_a_user_bound_only_to_the_manifest() {
    let lab = Lab::up();
    let user = service_account_user(&lab, "dumpy-user");
    bind_manifest(&lab, "dumpy-user", NS, NS);

    // What the user may do is what the manifest says, plus the self reviews everyone has.
    let roles: Vec<Value> = [
        "role/dumpy-capture",
        "role/dumpy-target",
        "clusterrole/dumpy-node-capture",
    ]
    .iter()
    .map(|r| serde_json::from_str(&lab.ok(&["get", r, "-n", NS, "-o", "json"])).unwrap())
    .collect();
    let mut expected = granted_by(&roles);
    for review in ["selfsubjectaccessreviews", "selfsubjectrulesreviews"] {
        expected.insert(
            format!("{review}.authorization.k8s.io"),
            BTreeSet::from(["create".to_string()]),
        );
    }
    assert_eq!(can_i_list(&user.kubeconfig, NS, &[]), expected);
    // The admin sees the same through impersonation.
    let as_user = ["--as", "system:serviceaccount:demo:dumpy-user"];
    assert_eq!(can_i_list(&lab.kubeconfig, NS, &as_user), expected);
    // Elsewhere only the ClusterRole and the reviews.
    let elsewhere = can_i_list(&user.kubeconfig, "default", &[]);
    assert_eq!(
        elsewhere.keys().cloned().collect::<Vec<_>>(),
        [
            "nodes",
            "selfsubjectaccessreviews.authorization.k8s.io",
            "selfsubjectrulesreviews.authorization.k8s.io"
        ]
    );

    let out = ok(
        &user,
        &[
            "capture", "deploy", "web", "-n", NS, "--name", "lp", "-f", "-i any",
        ],
    );
    assert!(out.contains("All dumpy sniffers are Ready."), "{out}");
    assert!(
        !out.contains("was not checked") && !out.contains("warning"),
        "{out}"
    );
    assert_eq!(sniffer_pods(&lab, NS, "lp").len(), 3);
    std::thread::sleep(Duration::from_secs(4)); // the client makes a few rounds of requests

    let table = ok(&user, &["get", "-n", NS]);
    assert!(
        table
            .lines()
            .any(|l| l.starts_with("lp ") && l.contains("3/3")),
        "{table}"
    );
    let logs = ok(&user, &["logs", "lp", "-n", NS, "--tail", "1"]);
    assert!(!logs.trim().is_empty(), "no summary lines");

    let d1 = TempDir::new("lp1");
    ok(&user, &["export", "lp", d1.0.to_str().unwrap(), "-n", NS]);
    assert_exported(&d1.0, 3);
    ok(&user, &["stop", "lp", "-n", NS]);
    let d2 = TempDir::new("lp2");
    ok(&user, &["export", "lp", d2.0.to_str().unwrap(), "-n", NS]);
    assert_exported(&d2.0, 3);

    ok(&user, &["restart", "lp", "-n", NS, "-f", "-i any port 80"]);
    assert!(ok(&user, &["get", "lp", "-n", NS]).contains("-i any port 80"));
    std::thread::sleep(Duration::from_secs(3));
    let d3 = TempDir::new("lp3");
    let merged = d3.0.join("all.pcapng");
    ok(
        &user,
        &[
            "export",
            "lp",
            d3.0.to_str().unwrap(),
            "-n",
            NS,
            "--merge",
            merged.to_str().unwrap(),
        ],
    );
    assert!(http_gets(&merged) > 0);

    // `get -A` needs a ClusterRole the manifest does not grant: one line that says so.
    let line = fails_in_one_line(&user, &["get", "-A"]);
    assert!(
        line.contains("list pods in all namespaces") && line.contains("-n NAMESPACE"),
        "{line}"
    );

    // The sniffers run as the namespace's default ServiceAccount, with no token mounted;
    // and a token of that account (had one been mounted) reads nothing.
    let s = &sniffer_pods(&lab, NS, "lp")[0];
    assert_eq!(
        s["spec"]["automountServiceAccountToken"],
        json!(false),
        "{}",
        s["spec"]
    );
    let sa = s["spec"]["serviceAccountName"]
        .as_str()
        .unwrap_or("default")
        .to_string();
    let token = lab.ok(&["create", "token", &sa, "-n", NS]);
    let sniffer = user_with_token(&lab, "sniffer-sa", token.trim());
    for args in [
        &["get", "pods", "-n", NS][..],
        &["get", "nodes"][..],
        &["get", "serviceaccounts", "-n", NS][..],
    ] {
        let o = kubectl_as(&sniffer, args);
        assert!(!o.status.success(), "{args:?}: {}", text(&o));
        assert!(text(&o).contains("Forbidden"), "{args:?}: {}", text(&o));
    }
    ok(&user, &["delete", "lp", "-n", NS]);
    wait_no_sniffers(&lab, NS, "lp");

    // Credentials the lab does not know, or none: 401, and the plugin says so.
    let stranger = user_with_token(&lab, "stranger", "not-a-token");
    let line = fails_in_one_line(&stranger, &["get", "-n", NS]);
    assert!(line.contains("refused the credentials"), "{line}");
    let o = kubectl_as(&stranger, &["get", "pods"]);
    assert!(text(&o).contains("Unauthorized"), "{}", text(&o));
    // A client certificate of the lab's CA: its common name is the user, its organizations
    // the groups (what `dumpy-lab user` issues, like `kubeadm kubeconfig user`).
    let o = Command::new(lab_bin())
        .args(["user", "carol", "--group", "dumpy-users"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", text(&o));
    let carol = User {
        kubeconfig: std::env::temp_dir().join(format!("dumpy-rbac-carol-{}", std::process::id())),
        ca: std::env::temp_dir().join(format!("dumpy-rbac-carol-{}.none", std::process::id())),
    };
    std::fs::write(&carol.kubeconfig, &o.stdout).unwrap();
    let can_i = |args: &[&str]| {
        let o = kubectl_as(&carol, &[&["auth", "can-i"][..], args].concat());
        String::from_utf8_lossy(&o.stdout).trim().to_string()
    };
    assert_eq!(can_i(&["list", "pods", "-n", NS]), "no");
    lab.ok(&[
        "create",
        "rolebinding",
        "users-target",
        "-n",
        NS,
        "--role=dumpy-target",
        "--group=dumpy-users",
    ]);
    assert_eq!(can_i(&["list", "pods", "-n", NS]), "yes");
    assert_eq!(can_i(&["list", "pods", "-n", "default"]), "no");
    let o = kubectl_as(&carol, &["get", "nodes"]);
    assert!(
        text(&o).contains(r#"nodes is forbidden: User "carol" cannot list resource "nodes""#),
        "{}",
        text(&o)
    );
    assert!(kubectl_as(&carol, &["get", "pods", "-n", NS])
        .status
        .success());

    // A token dies with its ServiceAccount.
    lab.ok(&["delete", "serviceaccount", "dumpy-user", "-n", NS]);
    let line = fails_in_one_line(&user, &["get", "-n", NS]);
    assert!(line.contains("refused the credentials"), "{line}");
}

/// The admin's view of the cluster that a failed command must leave unchanged.
fn cluster_state(lab: &Lab) -> String {
    lab.ok(&["get", "pods", "-A", "-o", "name"])
}

#[test]
fn each_missing_rule_stops_the_command_that_needs_it() {
    const CAPS: &str = "rbac-caps";
    let lab = Lab::up();
    lab.ok(&["create", "namespace", CAPS]);
    let user = service_account_user(&lab, "least");
    bind_manifest(&lab, "least", CAPS, NS);
    // A capture to act on (made by the admin), in its own namespace, of a pod in demo.
    let web0 = lab.ok(&[
        "get",
        "pods",
        "-l",
        "app=web",
        "-o",
        "jsonpath={.items[0].metadata.name}",
    ]);
    let admin_dumpy = |args: &[&str]| {
        let dir = lab_bin().parent().unwrap().to_path_buf();
        let path = format!(
            "{}:{}",
            dir.display(),
            std::env::var("PATH").unwrap_or_default()
        );
        let o = Command::new("kubectl")
            .env("KUBECONFIG", &lab.kubeconfig)
            .env("PATH", path)
            .arg("dumpy")
            .args(args)
            .output()
            .unwrap();
        assert!(o.status.success(), "{args:?}: {}", text(&o));
    };
    admin_dumpy(&[
        "capture", "pod", &web0, "-t", NS, "-n", CAPS, "--name", "lg",
    ]);

    let capture: &[&str] = &[
        "capture", "deploy", "web", "-t", NS, "-n", CAPS, "--name", "t", "-v", "claim",
    ];
    // With everything granted, the same command goes past the permission check (and then
    // stops: the claim does not exist).
    let line = fails_in_one_line(&user, capture);
    assert!(line.contains("PVC \"claim\" not found"), "{line}");

    let mut cases = 0;
    let scratch = TempDir::new("scratch");
    let dir = scratch.0.to_str().unwrap();
    for (kind, role, ns) in [
        ("role", "dumpy-capture", CAPS),
        ("role", "dumpy-target", NS),
        ("clusterrole", "dumpy-node-capture", NS),
    ] {
        let original: Value =
            serde_json::from_str(&lab.ok(&["get", kind, role, "-n", ns, "-o", "json"])).unwrap();
        let rules = original["rules"].as_array().unwrap().clone();
        for (i, rule) in rules.iter().enumerate() {
            let mut cut = original.clone();
            cut["rules"].as_array_mut().unwrap().remove(i);
            lab.replace(&cut);
            let started = Instant::now();
            let before = cluster_state(&lab);
            let resources: Vec<&str> = rule["resources"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r.as_str().unwrap())
                .collect();
            let what = format!("{role} without {resources:?}");
            match resources[0] {
                // Optional: the Pod Security check is skipped with a warning, and dry-run goes on.
                "namespaces" => {
                    let o = dumpy(
                        &user,
                        &[
                            "capture",
                            "deploy",
                            "web",
                            "-t",
                            NS,
                            "-n",
                            CAPS,
                            "--dry-run",
                        ],
                    );
                    assert!(o.status.success(), "{what}: {}", text(&o));
                    assert!(
                        text(&o).contains(
                            "neither that it exists nor its Pod Security level was checked"
                        ),
                        "{what}: {}",
                        text(&o)
                    );
                }
                // `logs` needs pods/log: one line naming it.
                "pods/log" => {
                    let line = fails_in_one_line(&user, &["logs", "lg", "-n", CAPS]);
                    assert!(
                        line.contains(&format!("get pods/log in namespace \"{CAPS}\""))
                            && line.contains("Role dumpy-capture"),
                        "{what}: {line}"
                    );
                }
                "nodes" => {
                    let line = fails_in_one_line(
                        &user,
                        &["capture", "node", "lab-node-1", "-n", CAPS, "--name", "t"],
                    );
                    assert!(
                        line.contains("get nodes (ClusterRole dumpy-node-capture)")
                            && line.contains("nothing was created"),
                        "{what}: {line}"
                    );
                }
                _ => {
                    let line = fails_in_one_line(&user, capture);
                    assert!(
                        line.contains("missing permissions")
                            && line.contains(role)
                            && line.contains("nothing was created"),
                        "{what}: {line}"
                    );
                    if role == "dumpy-capture" && resources[0] == "pods" {
                        // Without list on pods every other command stops at once, in one line.
                        for args in [
                            &["get", "-n", CAPS][..],
                            &["export", "lg", dir, "-n", CAPS][..],
                            &["stop", "lg", "-n", CAPS][..],
                            &["restart", "lg", "-n", CAPS][..],
                            &["delete", "lg", "-n", CAPS][..],
                        ] {
                            let line = fails_in_one_line(&user, args);
                            assert!(
                                line.contains(&format!("list pods in namespace \"{CAPS}\""))
                                    && line.contains("Role dumpy-capture"),
                                "{args:?}: {line}"
                            );
                        }
                    }
                    if resources[0] == "pods/exec" {
                        // Export and stop reach the sniffers by exec: the refusal names it
                        // (stop says per sniffer which one it could not stop, then fails).
                        for args in [
                            &["export", "lg", dir, "-n", CAPS][..],
                            &["stop", "lg", "-n", CAPS][..],
                        ] {
                            let (_, err) = fails(&user, args);
                            assert!(
                                err.contains(&format!("pods/exec in namespace \"{CAPS}\""))
                                    && err.contains("Role dumpy-capture"),
                                "{args:?}: {err}"
                            );
                        }
                    }
                }
            }
            assert_eq!(cluster_state(&lab), before, "{what}: the cluster changed");
            assert!(
                sniffer_pods(&lab, CAPS, "t").is_empty(),
                "{what}: sniffers were created"
            );
            lab.replace(&original);
            eprintln!("{what}: {:.1} s", started.elapsed().as_secs_f64());
            cases += 1;
        }
    }
    assert_eq!(cases, 9, "every rule of deploy/rbac.yaml is covered");
    admin_dumpy(&["delete", "lg", "-n", CAPS]);
}
