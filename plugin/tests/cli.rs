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
        format!(
            "kubectl-dumpy {v}\nsniffer image: {}:{v}\n",
            env!("DUMPY_IMAGE_REPOSITORY")
        )
    );
}

#[test]
fn completion_scripts_for_each_shell() {
    for (shell, marker) in [
        ("bash", "complete -o nospace -o bashdefault -o nosort -F _clap_complete_kubectl_dumpy kubectl-dumpy"),
        ("zsh", "compdef _clap_dynamic_completer_kubectl_dumpy kubectl-dumpy"),
        ("fish", "complete --keep-order --exclusive --command kubectl-dumpy"),
    ] {
        let o = dumpy(&["completion", shell]);
        assert!(o.status.success(), "{shell}: {}", stderr(&o));
        let script = String::from_utf8_lossy(&o.stdout);
        assert!(script.contains(marker), "{shell}: {script}");
        // Every script asks kubectl-dumpy itself, so subcommands, flags and capture names
        // all come from one place.
        assert!(
            script.contains(&format!("KUBECTL_DUMPY_COMPLETE=\"{shell}\""))
                || script.contains(&format!("KUBECTL_DUMPY_COMPLETE={shell} ")),
            "{shell}: {script}"
        );
    }
    assert_eq!(dumpy(&["completion", "tcsh"]).status.code(), Some(2));
}

/// Sources the bash script and calls its completion function as bash's programmable
/// completion does (COMP_WORDS, COMP_CWORD, and the function's $1 $2 $3), with the built
/// kubectl-dumpy first on PATH as an installed one would be. Returns COMPREPLY, one a line.
fn bash_complete(words: &[&str]) -> Vec<String> {
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_kubectl-dumpy"));
    let path = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let cword = words.len() - 1;
    let script = format!(
        r#"source <(kubectl-dumpy completion bash) || exit 9
COMP_WORDS=({words})
COMP_CWORD={cword}
COMP_LINE="${{COMP_WORDS[*]}}"
COMP_POINT=${{#COMP_LINE}}
COMP_TYPE=9
_clap_complete_kubectl_dumpy kubectl-dumpy "${{COMP_WORDS[COMP_CWORD]}}" "${{COMP_WORDS[COMP_CWORD-1]}}"
printf '%s\n' "${{COMPREPLY[@]}}""#,
        words = quoted.join(" ")
    );
    let o = Command::new("bash")
        .args(["-c", &script])
        .env("PATH", path)
        .env("KUBECONFIG", "/nonexistent/dumpy-test-kubeconfig")
        .output()
        .expect("run bash");
    assert!(o.status.success(), "bash: {}", stderr(&o));
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn bash_completes_subcommands_kinds_flags_and_flag_values() {
    let subs = bash_complete(&["kubectl-dumpy", ""]);
    for s in ["capture", "get", "export", "stop", "restart", "delete"] {
        assert!(subs.iter().any(|c| c == s), "{subs:?}");
    }
    // The bug this replaces: `capture <TAB>` offered nothing.
    let kinds = bash_complete(&["kubectl-dumpy", "capture", ""]);
    for k in [
        "pod",
        "deployment",
        "replicaset",
        "daemonset",
        "statefulset",
        "node",
    ] {
        assert!(kinds.iter().any(|c| c == k), "{kinds:?}");
    }
    assert_eq!(
        bash_complete(&["kubectl-dumpy", "capture", "d"]),
        ["deployment", "daemonset"]
    );
    assert_eq!(
        bash_complete(&["kubectl-dumpy", "capture", "pod", "web", "--memory-l"]),
        ["--memory-limit"]
    );
    assert_eq!(
        bash_complete(&["kubectl-dumpy", "get", "-o", ""]),
        ["json", "yaml", "wide"]
    );
    assert_eq!(
        bash_complete(&["kubectl-dumpy", "completion", "z"]),
        ["zsh"]
    );
}

/// kubectl ≥ 1.26 runs `kubectl_complete-dumpy WORDS… CURRENT` and reads cobra's protocol.
#[test]
fn kubectl_complete_speaks_cobras_protocol() {
    let dir = std::env::temp_dir().join(format!("dumpy-kc-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let link = dir.join("kubectl_complete-dumpy");
    let _ = std::fs::remove_file(&link);
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_kubectl-dumpy"), &link).unwrap();
    let run = |args: &[&str]| {
        let o = Command::new(&link)
            .args(args)
            .env("KUBECONFIG", "/nonexistent/dumpy-test-kubeconfig")
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", stderr(&o));
        String::from_utf8_lossy(&o.stdout).to_string()
    };
    assert_eq!(run(&["capture", "s"]), "statefulset\n:4\n");
    assert_eq!(
        run(&["get", "--out"]),
        "--output\tOutput format (default: a table): wide adds columns; json and yaml print every field\n:4\n"
    );
    // The same answer from `kubectl-dumpy __complete`, cobra plugins' usual entry point.
    let o = dumpy(&["__complete", "capture", "s"]);
    assert_eq!(String::from_utf8_lossy(&o.stdout), "statefulset\n:4\n");
    // No cluster: no capture names, and no wait (the flags are still offered).
    let start = std::time::Instant::now();
    let out = run(&["export", ""]);
    assert!(
        out.starts_with("--namespace\t") && out.ends_with("\n:4\n"),
        "{out}"
    );
    assert!(start.elapsed() < std::time::Duration::from_secs(3));
    let _ = std::fs::remove_dir_all(&dir);
}

/// Bad input: the documented exit code, a single `error:` line that says how to fix it, and
/// no mention of the (unreachable) kubeconfig, proving nothing was attempted on a cluster.
fn assert_input_error(args: &[&str], code: i32, needle: &str) {
    let o = dumpy(args);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(code), "{args:?}: {err}");
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

/// `-f` is checked as the sniffer would check it: a failure (exit 1), like tcpdump's.
#[test]
fn bad_filters_fail_before_the_cluster() {
    for (args, needle) in [
        (
            &["capture", "pod", "p", "-f", "-i any tcp port eighty"][..],
            "eighty",
        ),
        (
            &["capture", "pod", "p", "-f", "-i any -w /tmp/x"],
            "remove -w",
        ),
        (&["capture", "pod", "p", "-f", "-z gzip"], "-z"),
        (&["restart", "cap", "-f", "port 99999999"], "-f"),
    ] {
        assert_input_error(args, 1, needle);
    }
}

/// What the command line alone gets wrong is bad usage (exit 2), in one line, before any
/// cluster: missing or conflicting arguments, and values that cannot be right whatever the
/// cluster holds.
#[test]
fn bad_usage_fails_before_the_cluster() {
    let long_name = "c".repeat(47);
    for (args, needle) in [
        (&["capture"][..], "what to capture"),
        (&["capture", "pod"], "capture pod needs a NAME"),
        (&["capture", "deploy"], "needs a NAME"),
        (&["capture", "node", "n1", "-c", "app"], "drop -c"),
        (&["capture", "-l", ""], "selects every pod"),
        (
            &["capture", "pod", "p", "--cpu-limit", "abc"],
            "--cpu-limit \"abc\" is not a Kubernetes quantity",
        ),
        (
            &[
                "capture",
                "pod",
                "p",
                "--memory-request",
                "512Mi",
                "--memory-limit",
                "256Mi",
            ],
            "above --memory-limit",
        ),
        (
            &["capture", "pod", "p", "--cpu-request", "2"],
            "--cpu-request 2 is above --cpu-limit 1",
        ),
        (
            &["capture", "pod", "p", "-i", "Dumpy/Sniffer:1"],
            "not a valid image reference",
        ),
        (
            &["capture", "pod", "p", "-i", "dumpy/sniffer:"],
            "not a valid image reference",
        ),
        (&["capture", "pod", "p", "--name", &long_name], "at most 46"),
        (
            &["restart", "cap", "--memory-limit", "lots"],
            "--memory-limit \"lots\"",
        ),
        (&["export", "cap"], "needs a DIR"),
        (
            &["export", "cap", "-", "--merge", "x.pcapng"],
            "drop --split and --merge",
        ),
        (
            &["export", "cap", "--split", "--merge", "x.pcapng"],
            "--split needs a DIR",
        ),
    ] {
        assert_input_error(args, 2, needle);
    }
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["capture", "cronjob", "x"][..],
        &["capture", "pod", "p", "--max-files", "0"],
        &["capture", "pod", "p", "--duration", "0"],
        &["capture", "pod", "p", "--duration", "0s"],
        &["capture", "pod", "p", "--duration=-5s"],
        &["restart", "cap", "--duration", "0m"],
        &["get", "-o", "toml"],
        &["frobnicate"],
        // Names that are not Kubernetes names (the table is in tests/faults.rs).
        &["capture", "pod", "p", "--name", "Not_A_Label"],
    ] {
        let o = dumpy(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = stderr(&o);
        assert!(err.starts_with("error: "), "{args:?}: {err}");
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

/// Every exit code the README documents, each from a real run: 0 success, 1 failure, 2 bad
/// usage (130 after Ctrl-C needs a capture under way: lab/tests/e2e.rs holds it).
#[test]
fn documented_exit_codes() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let section = &readme[readme
        .find("## Exit codes")
        .expect("README has ## Exit codes")..];
    for code in ["0 success", "1 failure", "2 bad usage", "130 after Ctrl-C"] {
        assert!(section.contains(code), "README exit codes lack {code:?}");
    }
    assert_eq!(dumpy(&["version"]).status.code(), Some(0));
    assert_eq!(dumpy(&["get"]).status.code(), Some(1));
    assert_eq!(dumpy(&["capture"]).status.code(), Some(2));
}
