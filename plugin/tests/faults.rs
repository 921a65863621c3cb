//! Faults between the plugin and the API server, made real on 127.0.0.1: a server that
//! accepts TCP and never speaks, one that completes the TLS handshake and never answers, and
//! one that only counts connections. The plugin must end within its timeout with one line
//! saying which wait ran out and against which server (exit 1), and must refuse names that
//! are not Kubernetes names before any connection (exit 2).

use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use std::io::Read;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How long past its timeout the plugin may take to exit (process start, a loaded machine).
const MARGIN: Duration = Duration::from_secs(3);

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A server on 127.0.0.1 that never answers; `accepted` counts TCP connections and
/// `handshakes` completed TLS handshakes.
struct Silent {
    port: u16,
    accepted: Arc<AtomicUsize>,
    handshakes: Arc<AtomicUsize>,
}

impl Silent {
    /// Accepts TCP, then holds the connection and reads nothing.
    fn tcp() -> Silent {
        Self::start(|_, _| {})
    }

    /// Completes the TLS handshake with the fixture's certificate (127.0.0.1), then reads
    /// and discards the request and never writes a byte.
    fn tls() -> Silent {
        let cert = CertificateDer::from_pem_file(fixture("silent-server.crt")).unwrap();
        let key = PrivateKeyDer::from_pem_file(fixture("silent-server.key")).unwrap();
        let config = Arc::new(
            rustls::ServerConfig::builder_with_provider(Arc::new(
                rustls::crypto::ring::default_provider(),
            ))
            .with_safe_default_protocol_versions()
            .unwrap()
            .with_no_client_auth()
            .with_single_cert(vec![cert], key)
            .unwrap(),
        );
        Self::start(move |mut sock, handshakes| {
            let mut conn = rustls::ServerConnection::new(config.clone()).unwrap();
            while conn.is_handshaking() {
                if conn.complete_io(&mut sock).is_err() {
                    return;
                }
            }
            handshakes.fetch_add(1, Ordering::SeqCst);
            let mut tls = rustls::StreamOwned::new(conn, sock);
            let mut sink = [0u8; 4096];
            while matches!(tls.read(&mut sink), Ok(n) if n > 0) {}
        })
    }

    fn start(serve: impl Fn(TcpStream, &AtomicUsize) + Send + Sync + 'static) -> Silent {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let accepted = Arc::new(AtomicUsize::new(0));
        let handshakes = Arc::new(AtomicUsize::new(0));
        let (a, h) = (accepted.clone(), handshakes.clone());
        let serve = Arc::new(serve);
        std::thread::spawn(move || {
            for sock in listener.incoming().flatten() {
                a.fetch_add(1, Ordering::SeqCst);
                let (serve, h) = (serve.clone(), h.clone());
                // The connection stays open (and silent) until the client gives up.
                std::thread::spawn(move || {
                    serve(sock.try_clone().unwrap(), &h);
                    let mut sock = sock;
                    let mut sink = [0u8; 4096];
                    while matches!(sock.read(&mut sink), Ok(n) if n > 0) {}
                });
            }
        });
        Silent {
            port,
            accepted,
            handshakes,
        }
    }

    /// A kubeconfig for this server (`https` trusts the fixture certificate), in `dir`.
    fn kubeconfig(&self, dir: &TempDir, scheme: &str) -> PathBuf {
        let server = format!("{scheme}://127.0.0.1:{}", self.port);
        let ca = match scheme {
            "https" => format!(
                ", certificate-authority: {}",
                fixture("silent-server.crt").display()
            ),
            _ => String::new(),
        };
        let path = dir.0.join("kubeconfig");
        std::fs::write(
            &path,
            format!(
                "apiVersion: v1
kind: Config
clusters:
- name: silent
  cluster: {{server: \"{server}\"{ca}}}
users:
- name: u
  user: {{token: t}}
contexts:
- name: silent
  context: {{cluster: silent, user: u, namespace: shop}}
current-context: silent
"
            ),
        )
        .unwrap();
        path
    }

    fn server(&self, scheme: &str) -> String {
        format!("{scheme}://127.0.0.1:{}", self.port)
    }
}

struct TempDir(PathBuf);

impl TempDir {
    fn new(tag: &str) -> TempDir {
        let p = std::env::temp_dir().join(format!("dumpy-faults-{tag}-{}", std::process::id()));
        std::fs::create_dir_all(&p).unwrap();
        TempDir(p)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn dumpy(kubeconfig: &Path, args: &[&str]) -> (Output, Duration) {
    let start = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_kubectl-dumpy"))
        .arg("--kubeconfig")
        .arg(kubeconfig)
        .args(args)
        .env_remove("KUBECONFIG")
        .output()
        .expect("run kubectl-dumpy");
    (out, start.elapsed())
}

/// The single `error:` line of a failed run with exit code `code`.
fn one_line(o: &Output, code: i32, what: &str) -> String {
    let err = String::from_utf8_lossy(&o.stderr).to_string();
    assert_eq!(o.status.code(), Some(code), "{what}: {err}");
    assert_eq!(err.lines().count(), 1, "{what}: {err}");
    assert!(err.starts_with("error: "), "{what}: {err}");
    assert!(o.stdout.is_empty(), "{what}");
    err.trim_end().to_string()
}

fn assert_within(elapsed: Duration, timeout: Duration, what: &str) {
    assert!(
        elapsed >= timeout && elapsed < timeout + MARGIN,
        "{what}: exited after {elapsed:?}, timeout {timeout:?}"
    );
}

#[test]
fn tcp_without_tls_is_a_connect_timeout() {
    let server = Silent::tcp();
    let dir = TempDir::new("tcp");
    let kc = server.kubeconfig(&dir, "https");
    let (o, took) = dumpy(&kc, &["--request-timeout", "2s", "get"]);
    let err = one_line(&o, 1, "get");
    assert_eq!(
        err,
        format!(
            "error: connect timed out after 2s: no TCP and TLS connection to the API server {} (is the server address in the kubeconfig right, and is the cluster up?); raise --request-timeout (0 means no limit)",
            server.server("https")
        )
    );
    assert_within(took, Duration::from_secs(2), "get");
    assert!(server.accepted.load(Ordering::SeqCst) >= 1);
}

#[test]
fn connect_timeout_holds_without_a_request_timeout() {
    let server = Silent::tcp();
    let dir = TempDir::new("tcp0");
    let kc = server.kubeconfig(&dir, "https");
    let (o, took) = dumpy(&kc, &["--request-timeout", "0", "stop", "cap"]);
    let err = one_line(&o, 1, "stop");
    assert!(
        err.contains(&format!(
            "connect timed out after 10s: no TCP and TLS connection to the API server {}",
            server.server("https")
        )) && !err.contains("--request-timeout"),
        "{err}"
    );
    assert_within(took, Duration::from_secs(10), "stop");
}

#[test]
fn tls_without_an_answer_is_a_request_timeout() {
    let server = Silent::tls();
    let dir = TempDir::new("tls");
    let kc = server.kubeconfig(&dir, "https");
    for (args, request) in [
        (
            &["--request-timeout", "2s", "get"][..],
            "GET /api/v1/namespaces/shop/pods",
        ),
        (
            &[
                "export",
                "cap",
                "out",
                "-n",
                "other",
                "--request-timeout=1500ms",
            ][..],
            "GET /api/v1/namespaces/other/pods",
        ),
    ] {
        let (o, took) = dumpy(&kc, args);
        let err = one_line(&o, 1, &format!("{args:?}"));
        let after = if args.contains(&"get") {
            "2s"
        } else {
            "1s500ms"
        };
        assert!(
            err.starts_with(&format!(
                "error: request timed out after {after}: the API server {} accepted the connection but did not answer {request}",
                server.server("https")
            )) && err.ends_with("raise --request-timeout (0 means no limit)"),
            "{err}"
        );
        let timeout = if after == "2s" { 2000 } else { 1500 };
        assert_within(took, Duration::from_millis(timeout), &format!("{args:?}"));
    }
    // The handshakes really completed: the wait that ran out was the answer's.
    assert!(server.handshakes.load(Ordering::SeqCst) >= 2);
}

/// Every command that takes a name, with `{}` where the bad name goes, how the error line
/// calls the name, and whether it is a DNS-1123 label (else a subdomain).
const NAMED: &[(&[&str], &str, bool)] = &[
    (&["capture", "pod", "{}"], "pod name", false),
    (&["capture", "deploy", "{}"], "deployment name", false),
    (&["capture", "rs", "{}"], "replicaset name", false),
    (&["capture", "ds", "{}"], "daemonset name", false),
    (&["capture", "sts", "{}"], "statefulset name", false),
    (&["capture", "node", "{}"], "node name", false),
    (&["capture", "pod", "p", "-n", "{}"], "namespace (-n)", true),
    (
        &["capture", "pod", "p", "-t", "{}"],
        "target namespace (-t)",
        true,
    ),
    (
        &["capture", "pod", "p", "-c", "{}"],
        "container name (-c)",
        true,
    ),
    (&["capture", "pod", "p", "-v", "{}"], "PVC name (-v)", false),
    (
        &["capture", "pod", "p", "-s", "{}"],
        "pull secret name (-s)",
        false,
    ),
    (
        &["capture", "pod", "p", "--name", "{}"],
        "capture name",
        true,
    ),
    (&["get", "{}"], "capture name", true),
    (&["get", "-n", "{}"], "namespace (-n)", true),
    (&["export", "{}", "out"], "capture name", true),
    (
        &["export", "cap", "out", "-n", "{}"],
        "namespace (-n)",
        true,
    ),
    (&["stop", "{}"], "capture name", true),
    (&["stop", "cap", "-n", "{}"], "namespace (-n)", true),
    (&["restart", "{}"], "capture name", true),
    (&["restart", "cap", "-n", "{}"], "namespace (-n)", true),
    (&["delete", "{}"], "capture name", true),
    (&["delete", "cap", "-n", "{}"], "namespace (-n)", true),
];

#[test]
fn bad_names_are_usage_errors_before_any_request() {
    let server = Silent::tcp();
    let dir = TempDir::new("names");
    let kc = server.kubeconfig(&dir, "http");
    for (template, what, label) in NAMED {
        let long = "a".repeat(if *label { 64 } else { 254 });
        for (bad, why) in [
            (
                "../x",
                if *label {
                    "(it contains '.')"
                } else {
                    "(it contains '/')"
                },
            ),
            ("a/b", "(it contains '/')"),
            ("Web", "(it contains upper case 'W')"),
            (long.as_str(), "characters long)"),
            ("", "is empty"),
        ] {
            let args: Vec<&str> = template
                .iter()
                .map(|a| if *a == "{}" { bad } else { a })
                .collect();
            let (o, _) = dumpy(&kc, &args);
            let err = one_line(&o, 2, &format!("{args:?}"));
            let rule = if *label {
                "a DNS-1123 label"
            } else {
                "a DNS-1123 subdomain"
            };
            assert!(
                err.starts_with(&format!("error: {what} "))
                    && err.contains(why)
                    && err.contains(rule)
                    && err.contains("e.g."),
                "{args:?}: {err}"
            );
        }
    }
    assert_eq!(
        server.accepted.load(Ordering::SeqCst),
        0,
        "a bad name reached the server"
    );
    // The same server does see a good name's request, so the count above means something.
    let (o, took) = dumpy(&kc, &["get", "cap", "--request-timeout", "1s"]);
    let err = one_line(&o, 1, "get cap");
    assert!(err.contains("request timed out after 1s"), "{err}");
    assert_within(took, Duration::from_secs(1), "get cap");
    assert_eq!(server.accepted.load(Ordering::SeqCst), 1);
}

#[test]
fn a_refused_connection_says_why() {
    // A port that was just free: nothing listens there.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let dir = TempDir::new("refused");
    let kc = dir.0.join("kubeconfig");
    std::fs::write(
        &kc,
        format!(
            "apiVersion: v1
kind: Config
clusters:
- name: c
  cluster: {{server: \"https://127.0.0.1:{port}\"}}
users:
- name: u
  user: {{token: t}}
contexts:
- name: c
  context: {{cluster: c, user: u}}
current-context: c
"
        ),
    )
    .unwrap();
    let (o, took) = dumpy(&kc, &["get"]);
    let err = one_line(&o, 1, "get");
    assert!(
        err.contains("cannot reach the API server") && err.contains("Connection refused"),
        "{err}"
    );
    assert!(took < MARGIN, "{took:?}");
}
