//! Drives the built `kubectl-dumpy` binary as a user does, for everything that needs no
//! cluster: version, completion scripts, and bad input that must fail before any cluster is
//! contacted (one `error:` line, exit code 1; usage errors exit 2).

use std::process::{Command, Output};

fn dumpy(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kubectl-dumpy"))
        .args(args)
        // A kubeconfig that points nowhere: prechecks must fail before it matters.
        .env("KUBECONFIG", "/nonexistent/dumpy-test-kubeconfig")
        .output()
        .expect("run kubectl-dumpy")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

#[test]
fn version_names_plugin_and_image() {
    let o = dumpy(&["version"]);
    assert!(o.status.success());
    let out = String::from_utf8_lossy(&o.stdout);
    let v = env!("CARGO_PKG_VERSION");
    assert_eq!(
        out,
        format!("kubectl-dumpy {v}\nsniffer image: dumpy/sniffer:{v}\n")
    );
}

#[test]
fn completion_scripts_for_each_shell() {
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef kubectl-dumpy"),
        ("fish", "complete -c kubectl-dumpy"),
    ] {
        let o = dumpy(&["completion", shell]);
        assert!(o.status.success(), "{shell}: {}", stderr(&o));
        let script = String::from_utf8_lossy(&o.stdout);
        assert!(script.contains(marker), "{shell}");
        assert!(
            script.contains("capture") && script.contains("export"),
            "{shell}"
        );
    }
    assert_eq!(dumpy(&["completion", "tcsh"]).status.code(), Some(2));
}

/// Bad input: exit 1, a single `error:` line that says how to fix it, and no mention of the
/// (unreachable) kubeconfig, proving nothing was attempted on a cluster.
fn assert_input_error(args: &[&str], needle: &str) {
    let o = dumpy(args);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{args:?}: {err}");
    assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
    assert!(
        err.starts_with("error: ") && err.contains(needle),
        "{args:?}: {err}"
    );
    assert!(
        !err.contains("kubeconfig"),
        "{args:?} contacted the cluster: {err}"
    );
    assert!(o.stdout.is_empty());
}

#[test]
fn bad_input_fails_before_the_cluster() {
    assert_input_error(
        &["capture", "pod", "p", "-f", "-i any tcp port eighty"],
        "eighty",
    );
    assert_input_error(
        &["capture", "pod", "p", "-f", "-i any -w /tmp/x"],
        "remove -w",
    );
    assert_input_error(&["capture", "pod", "p", "-f", "-z gzip"], "-z");
    assert_input_error(&["capture", "deploy"], "needs a NAME");
    assert_input_error(&["capture"], "what to capture");
    assert_input_error(&["capture", "node", "n1", "-c", "app"], "drop -c");
    assert_input_error(&["restart", "cap", "-f", "port 99999999"], "-f");
    assert_input_error(&["export", "cap"], "needs a DIR");
    assert_input_error(
        &["export", "cap", "-", "--merge", "x.pcapng"],
        "drop --split and --merge",
    );
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["capture", "cronjob", "x"][..],
        &["capture", "pod", "p", "--max-files", "0"],
        &["get", "-o", "toml"],
        &["frobnicate"],
        // Names that are not Kubernetes names (the table is in tests/faults.rs).
        &["capture", "pod", "p", "--name", "Not_A_Label"],
    ] {
        assert_eq!(dumpy(args).status.code(), Some(2), "{args:?}");
    }
}

#[test]
fn missing_kubeconfig_is_one_line_naming_the_fix() {
    let o = dumpy(&["get"]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("KUBECONFIG") && err.contains("--kubeconfig"),
        "{err}"
    );
}
