//! Test harness: one lab at a time on this machine (a lock file serialises test binaries),
//! started with `dumpy-lab up` and always torn down by a Drop guard, plus kubectl helpers.
#![allow(dead_code)]

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

pub const STATE_DIR: &str = "/run/dumpy-lab";
pub const NS: &str = "demo";

pub fn lab_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_dumpy-lab"))
}

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

fn ensure_root_and_containerd() {
    assert!(
        nix::unistd::geteuid().is_root(),
        "the lab tests need root (they run containerd containers and netns)"
    );
    let st = Command::new(repo_root().join("scripts/containerd-up"))
        .status()
        .expect("scripts/containerd-up");
    assert!(st.success(), "scripts/containerd-up failed");
}

/// A running lab; dropping it runs `dumpy-lab down`.
pub struct Lab {
    pub kubeconfig: PathBuf,
    _lock: nix::fcntl::Flock<File>,
}

impl Lab {
    /// `ctr containers info` of the pod's (first) container.
    pub fn container_info(pod: &serde_json::Value) -> Output {
        Command::new("ctr")
            .args([
                "-n",
                "k8s.io",
                "containers",
                "info",
                &Self::container_id(pod),
            ])
            .output()
            .unwrap()
    }

    /// The containerd ID in the pod's (first) `containerID: containerd://…` status.
    pub fn container_id(pod: &serde_json::Value) -> String {
        pod["status"]["containerStatuses"][0]["containerID"]
            .as_str()
            .expect("containerID in the pod status")
            .trim_start_matches("containerd://")
            .to_string()
    }

    pub fn up() -> Lab {
        Self::up_with(&[])
    }

    pub fn up_with(extra: &[&str]) -> Lab {
        ensure_root_and_containerd();
        let f = File::create("/run/dumpy-lab.test.lock").unwrap();
        let lock = nix::fcntl::Flock::lock(f, nix::fcntl::FlockArg::LockExclusive)
            .map_err(|(_, e)| e)
            .unwrap();
        let out = Command::new(lab_bin())
            .arg("up")
            .args(extra)
            .output()
            .unwrap();
        let lab = Lab {
            kubeconfig: PathBuf::from(STATE_DIR).join("kubeconfig"),
            _lock: lock,
        };
        assert!(
            out.status.success(),
            "dumpy-lab up failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            String::from_utf8_lossy(&out.stdout).trim(),
            lab.kubeconfig.to_str().unwrap()
        );
        lab
    }

    /// A field of the admin kubeconfig the lab writes (`server`, `token`,
    /// `certificate-authority-data`).
    pub fn kubeconfig_field(&self, key: &str) -> String {
        let kc = std::fs::read_to_string(&self.kubeconfig).unwrap();
        kc.lines()
            .find_map(|l| l.trim().strip_prefix(&format!("{key}: ")))
            .unwrap_or_else(|| panic!("no {key} in the kubeconfig"))
            .to_string()
    }

    /// host:port of the API server (HTTPS).
    pub fn server_addr(&self) -> String {
        let server = self.kubeconfig_field("server");
        server.strip_prefix("https://").unwrap().to_string()
    }

    /// A TLS connection to the API server, trusting the lab's CA from the kubeconfig.
    pub async fn tls_connect(&self) -> tokio_rustls::client::TlsStream<tokio::net::TcpStream> {
        use base64::Engine;
        use tokio_rustls::rustls;
        let pem = base64::engine::general_purpose::STANDARD
            .decode(self.kubeconfig_field("certificate-authority-data"))
            .unwrap();
        let mut roots = rustls::RootCertStore::empty();
        for cert in rustls::pki_types::pem::PemObject::pem_slice_iter(&pem) {
            let cert: rustls::pki_types::CertificateDer = cert.unwrap();
            roots.add(cert).unwrap();
        }
        let config = rustls::ClientConfig::builder_with_provider(std::sync::Arc::new(
            rustls::crypto::ring::default_provider(),
        ))
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_root_certificates(roots)
        .with_no_client_auth();
        let tcp = tokio::net::TcpStream::connect(self.server_addr())
            .await
            .unwrap();
        let name = rustls::pki_types::ServerName::try_from("127.0.0.1").unwrap();
        tokio_rustls::TlsConnector::from(std::sync::Arc::new(config))
            .connect(name, tcp)
            .await
            .unwrap()
    }

    pub fn kubectl(&self, args: &[&str]) -> Output {
        Command::new("kubectl")
            .env("KUBECONFIG", &self.kubeconfig)
            .args(args)
            .output()
            .unwrap()
    }

    /// kubectl that must succeed; returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let o = self.kubectl(args);
        assert!(
            o.status.success(),
            "kubectl {args:?} failed: {}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        );
        String::from_utf8_lossy(&o.stdout).into_owned()
    }

    /// kubectl that must fail; returns stderr.
    pub fn fails(&self, args: &[&str]) -> String {
        let o = self.kubectl(args);
        assert!(
            !o.status.success(),
            "kubectl {args:?} should have failed: {}",
            String::from_utf8_lossy(&o.stdout)
        );
        String::from_utf8_lossy(&o.stderr).into_owned()
    }

    /// `kubectl dumpy ARGS` with this build's plugin first on PATH.
    pub fn dumpy(&self, args: &[&str]) -> Output {
        let dir = lab_bin().parent().unwrap().to_path_buf();
        assert!(
            dir.join("kubectl-dumpy").exists(),
            "kubectl-dumpy not built: cargo build -p plugin"
        );
        let path = format!(
            "{}:{}",
            dir.display(),
            std::env::var("PATH").unwrap_or_default()
        );
        Command::new("kubectl")
            .env("KUBECONFIG", &self.kubeconfig)
            .env("PATH", path)
            .arg("dumpy")
            .args(args)
            .output()
            .unwrap()
    }

    /// `kubectl dumpy` that must succeed; returns stdout.
    pub fn dumpy_ok(&self, args: &[&str]) -> String {
        let o = self.dumpy(args);
        assert!(
            o.status.success(),
            "kubectl dumpy {args:?} failed: {}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        );
        String::from_utf8_lossy(&o.stdout).into_owned()
    }

    /// `kubectl create -f -` of a JSON object.
    pub fn create(&self, obj: &serde_json::Value) -> Output {
        self.pipe("create", obj)
    }

    /// `kubectl replace -f -` of a JSON object, which must succeed.
    pub fn replace(&self, obj: &serde_json::Value) {
        let o = self.pipe("replace", obj);
        assert!(
            o.status.success(),
            "kubectl replace: {}",
            String::from_utf8_lossy(&o.stderr)
        );
    }

    fn pipe(&self, verb: &str, obj: &serde_json::Value) -> Output {
        let mut c = Command::new("kubectl")
            .env("KUBECONFIG", &self.kubeconfig)
            .args([verb, "--validate=false", "-f", "-"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        use std::io::Write;
        c.stdin
            .take()
            .unwrap()
            .write_all(obj.to_string().as_bytes())
            .unwrap();
        c.wait_with_output().unwrap()
    }

    pub fn pod_json(&self, name: &str) -> serde_json::Value {
        serde_json::from_str(&self.ok(&["get", "pod", name, "-o", "json"])).unwrap()
    }

    /// Waits until `f(pod)` holds (panics after `secs`).
    pub fn wait_pod(
        &self,
        name: &str,
        secs: u64,
        what: &str,
        f: impl Fn(&serde_json::Value) -> bool,
    ) -> serde_json::Value {
        let deadline = Instant::now() + Duration::from_secs(secs);
        loop {
            let o = self.kubectl(&["get", "pod", name, "-o", "json"]);
            if o.status.success() {
                let p: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
                if f(&p) {
                    return p;
                }
                if Instant::now() > deadline {
                    panic!("pod {name}: not {what} after {secs}s: {}", p["status"]);
                }
            } else if Instant::now() > deadline {
                panic!(
                    "pod {name}: not {what} after {secs}s: {}",
                    String::from_utf8_lossy(&o.stderr)
                );
            }
            std::thread::sleep(Duration::from_millis(200));
        }
    }
}

impl Drop for Lab {
    fn drop(&mut self) {
        let out = Command::new(lab_bin()).arg("down").output().unwrap();
        if !out.status.success() {
            eprintln!(
                "dumpy-lab down failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
}

pub fn is_ready(p: &serde_json::Value) -> bool {
    p["status"]["conditions"]
        .as_array()
        .into_iter()
        .flatten()
        .any(|c| c["type"] == "Ready" && c["status"] == "True")
}

/// What the lab leaves on the machine: lab netns, lab links, lab containers, state dir.
pub fn leftovers() -> Vec<String> {
    let mut left = vec![];
    for e in std::fs::read_dir("/run/netns")
        .into_iter()
        .flatten()
        .flatten()
    {
        let n = e.file_name().to_string_lossy().to_string();
        if n.starts_with("dlab-") {
            left.push(format!("netns {n}"));
        }
    }
    for e in std::fs::read_dir("/sys/class/net")
        .into_iter()
        .flatten()
        .flatten()
    {
        let n = e.file_name().to_string_lossy().to_string();
        if n.starts_with("dlv") || n == "dlab0" {
            left.push(format!("link {n}"));
        }
    }
    let out = Command::new("ctr")
        .args([
            "-n",
            "k8s.io",
            "containers",
            "ls",
            "-q",
            "labels.\"dumpy-lab\"==1",
        ])
        .output()
        .unwrap();
    for id in String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| !l.trim().is_empty())
    {
        left.push(format!("container {id}"));
    }
    let out = Command::new("ctr")
        .args([
            "-n",
            "k8s.io",
            "images",
            "ls",
            "-q",
            "name==docker.io/dumpy-lab/workload:1",
        ])
        .output()
        .unwrap();
    for name in String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| !l.trim().is_empty())
    {
        left.push(format!("image {name}"));
    }
    if Path::new(STATE_DIR).exists() {
        left.push(format!("dir {STATE_DIR}"));
    }
    // What k3s-presenting nodes need (`--runtimes k3s`); this machine runs no real k3s.
    if Path::new("/run/k3s").exists() {
        left.push("dir /run/k3s".into());
    }
    let ps = Command::new("pgrep")
        .args(["-f", "dumpy-lab.* serve"])
        .output()
        .unwrap();
    for pid in String::from_utf8_lossy(&ps.stdout).lines() {
        left.push(format!("process {pid}"));
    }
    left
}

/// The values of tshark field `field` for the packets of `file` that match display filter
/// `filter`, one a packet (the judge's reading of an exported capture).
pub fn tshark_fields(file: &Path, filter: &str, field: &str) -> Vec<String> {
    let o = Command::new("tshark")
        .arg("-r")
        .arg(file)
        .args(["-Y", filter, "-T", "fields", "-e", field])
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "tshark cannot read {}: {}",
        file.display(),
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(String::from)
        .collect()
}

/// A scratch directory `dumpy-lab-test-TAG-PID` under the temp dir, removed on drop.
pub struct TempDir(pub PathBuf);
impl TempDir {
    pub fn new(tag: &str) -> Self {
        let p = std::env::temp_dir().join(format!("dumpy-lab-test-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).unwrap();
        TempDir(p)
    }
}
impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
