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
    // -M (tcpdump's ESP secret) is outside what the sniffer accepts.
    let (code, err) = sniffer(&["-M", "secret"]);
    assert_ne!(code, 0);
    assert_one_line(&err);
    assert!(err.contains("-M"), "{err}");
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

/// Every bad-input row of issue 16: exit code 1, one line that says what is wrong, and
/// nothing created in the working directory (nor a status file beside /dev/null).
#[test]
fn issue_16_bad_input_table() {
    require_root();
    let long_id = "a".repeat(64);
    let other = "frakti://abc".to_string();
    let rows: &[(&[&str], &[&str])] = &[
        (
            &["--netns", "/etc/passwd"],
            &["/etc/passwd is not a network namespace"],
        ),
        (
            &["--netns", "/proc/self/ns/mnt"],
            &["not a network namespace", "another kind"],
        ),
        (
            &["--container-id", &other],
            &["frakti container", "containerd, cri-o and docker"],
        ),
        (
            &["--container-id", "a/b"],
            &["\"a/b\" is not valid", "letters, digits"],
        ),
        (&["status"], &["required", "-w <FILE>"]),
        (&["stop"], &["required", "-w <FILE>"]),
        (
            &["-s", "262145", "-w", "x.pcapng"],
            &["-s 262145 is too large", "262144"],
        ),
        (&["-w", "-", "-C", "1"], &["-C cannot be used with -w -"]),
        (
            &["-w", "-", "--print"],
            &["--print cannot be used with -w -"],
        ),
        (
            &["--runtime-timeout", "0", "--container-id", &long_id],
            &["--runtime-timeout"],
        ),
    ];
    for (args, needles) in rows {
        let dir = TempDir::new();
        let out = Command::new(SNIFFER)
            .current_dir(dir.path())
            .args(*args)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert_one_line(&err);
        for n in *needles {
            assert!(err.contains(n), "{args:?}: {err:?} lacks {n:?}");
        }
        assert!(
            !err.contains("CAP_SYS_ADMIN") && !err.contains("hex"),
            "{args:?}: {err}"
        );
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert!(left.is_empty(), "{args:?} left {left:?}");
    }
    assert!(!std::path::Path::new("/dev/null.status.json").exists());
}
