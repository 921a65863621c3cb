//! Bad input (issue 2, test 6): a non-zero exit, one clear line that names the problem,
//! and nothing left behind.

mod common;
use common::*;
use std::process::Command;

fn sniffer(args: &[&str]) -> (i32, String) {
    let out = Command::new(SNIFFER).args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn assert_one_line(stderr: &str) {
    assert_eq!(
        stderr.trim_end().lines().count(),
        1,
        "expected one line, got:\n{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn unknown_option_is_named() {
    let (code, err) = sniffer(&["-K"]);
    assert_ne!(code, 0);
    assert_one_line(&err);
    assert!(err.contains("-K"), "{err}");
}

#[test]
fn z_and_big_z_are_refused() {
    for args in [
        &["-w", "/tmp/x", "-z", "gzip"][..],
        &["-Z", "root"][..],
        &["--tcpdump-args", "-nz gzip"][..],
    ] {
        let (code, err) = sniffer(args);
        assert_ne!(code, 0);
        assert_one_line(&err);
        assert!(err.contains("refused"), "{err}");
    }
}

#[test]
fn malformed_expression_leaves_no_file() {
    require_root();
    let dir = TempDir::new();
    let out = dir.join("x.pcapng");
    let (code, err) = sniffer(&["-i", "lo", "-w", out.to_str().unwrap(), "tcp port eighty"]);
    assert_ne!(code, 0);
    assert_one_line(&err);
    assert!(
        err.contains("tcp port eighty") && err.contains("eighty"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "files were left behind"
    );
}

#[test]
fn missing_container_is_reported() {
    require_root();
    let id = "0".repeat(64);
    // Socket pointing nowhere: the /proc fallback runs and finds nothing.
    let (code, err) = sniffer(&[
        "--container-id",
        &format!("containerd://{id}"),
        "--runtime-endpoint",
        "unix:///nonexistent/containerd.sock",
    ]);
    assert_ne!(code, 0);
    assert!(err.contains("not found") && err.contains(&id), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
}

#[test]
fn missing_container_through_containerd_is_reported() {
    require_root();
    let sock = "/run/containerd/containerd.sock";
    assert!(
        std::path::Path::new(sock).exists(),
        "containerd is not running: start it with scripts/containerd-up"
    );
    let id = "f".repeat(64);
    let (code, err) = sniffer(&[
        "--container-id",
        &id,
        "--runtime-namespace",
        "dumpy-test-none",
    ]);
    assert_ne!(code, 0);
    assert!(err.contains("not found") && err.contains(&id), "{err}");
}

#[test]
fn unwritable_output_directory() {
    require_root();
    let dir = TempDir::new();
    let blocker = dir.join("file");
    std::fs::write(&blocker, b"").unwrap();
    let out = blocker.join("cap.pcapng");
    let (code, err) = sniffer(&["-i", "lo", "-w", out.to_str().unwrap()]);
    assert_ne!(code, 0);
    assert_one_line(&err);
    assert!(
        err.contains("cannot create") && err.contains("cap.pcapng"),
        "{err}"
    );
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(left.len(), 1, "only the test's own file remains");
}

#[test]
fn missing_namespace_and_interface() {
    require_root();
    let (code, err) = sniffer(&["--netns", "/var/run/netns/dumpy-no-such-ns"]);
    assert_ne!(code, 0);
    assert_one_line(&err);
    assert!(err.contains("dumpy-no-such-ns"), "{err}");
    let (code, err) = sniffer(&["-i", "nosuch0"]);
    assert_ne!(code, 0);
    assert_one_line(&err);
    assert!(err.contains("nosuch0") && err.contains("lo"), "{err}");
}
