//! Shell completion. One engine, clap_complete's dynamic engine walking the clap command
//! tree of [`crate::cli`], answers every way of asking:
//!
//! - `kubectl dumpy <TAB>` (kubectl ≥ 1.26): kubectl runs `kubectl_complete-dumpy` from PATH
//!   with the words after `dumpy`, the last one being the word under the cursor, and reads
//!   cobra's `__complete` answer: one candidate a line (`value<TAB>help`), then `:<directive>`.
//!   `kubectl_complete-dumpy` is `kubectl-dumpy` under another name (a symlink or a copy), or
//!   `kubectl-dumpy __complete WORDS…`.
//! - `kubectl-dumpy <TAB>`: `kubectl-dumpy completion bash|zsh|fish|…` prints a script that
//!   calls back `kubectl-dumpy` with [`ENV_VAR`] set (clap_complete's `CompleteEnv`).
//!
//! Static scripts (clap_complete's `generate`) cannot serve a plugin: they key their states on
//! the bin name, which for `kubectl dumpy` comes out as two words, and they cannot ask the
//! cluster for capture names. Capture names come from the cluster with a short deadline
//! ([`CLUSTER_DEADLINE`]) so a slow or absent cluster never hangs the shell.

use crate::captures;
use crate::cli::{Cli, Global};
use crate::kube_ctx;
use clap::CommandFactory;
use clap_complete::env::{CompleteEnv, Shells};
use clap_complete::CompletionCandidate;
use std::ffi::OsString;
use std::sync::Mutex;
use std::time::Duration;

/// The name kubectl looks for on PATH to complete `kubectl dumpy …`.
pub const KUBECTL_COMPLETE: &str = "kubectl_complete-dumpy";
/// The argument that asks `kubectl-dumpy` itself for a cobra-style answer.
pub const COBRA_ARG: &str = "__complete";
/// Set by the shell scripts when they call back for candidates.
pub const ENV_VAR: &str = "KUBECTL_DUMPY_COMPLETE";
/// The command the shell scripts complete and call back.
const BIN: &str = "kubectl-dumpy";
/// How long a completion may wait for the cluster, connection included: a person is waiting
/// at the prompt.
pub const CLUSTER_DEADLINE: Duration = Duration::from_secs(2);

/// cobra's ShellCompDirective bits that dumpy uses.
const DIRECTIVE_DEFAULT: u32 = 0;
const DIRECTIVE_NO_SPACE: u32 = 2;
const DIRECTIVE_NO_FILE_COMP: u32 = 4;

/// The words being completed (after the command name): the capture-name completer reads
/// `--kubeconfig`, `--context` and `-n` from them, which the engine does not pass it.
static WORDS: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Answers a completion request, if this run is one, and exits; returns otherwise.
pub fn run_if_requested() {
    let args: Vec<OsString> = std::env::args_os().collect();
    let invoked_as = args
        .first()
        .and_then(|a| std::path::Path::new(a).file_name().map(|n| n.to_owned()));
    let words: Option<Vec<String>> = if invoked_as.as_deref() == Some(KUBECTL_COMPLETE.as_ref()) {
        Some(lossy(&args[1..]))
    } else if args.get(1).map(|a| a == COBRA_ARG).unwrap_or(false) {
        Some(lossy(&args[2..]))
    } else {
        None
    };
    if let Some(words) = words {
        print!("{}", cobra(&words));
        std::process::exit(0);
    }
    if std::env::var_os(ENV_VAR).is_some() {
        // The shell scripts pass `-- kubectl-dumpy WORDS…`.
        let after = args
            .iter()
            .position(|a| a == "--")
            .map_or(args.len(), |i| i + 1);
        set_words(lossy(args.get(after + 1..).unwrap_or_default()));
    }
    CompleteEnv::with_factory(Cli::command)
        .var(ENV_VAR)
        .bin(BIN)
        .complete();
}

fn lossy(args: &[OsString]) -> Vec<String> {
    args.iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect()
}

fn set_words(words: Vec<String>) {
    *WORDS.lock().unwrap_or_else(|e| e.into_inner()) = words;
}

/// The script for `kubectl-dumpy completion SHELL`: it registers a completer for
/// `kubectl-dumpy` that calls back `kubectl-dumpy` (looked up on PATH) for candidates.
pub fn script(shell: clap_complete::Shell) -> std::io::Result<Vec<u8>> {
    let name = shell.to_string();
    let shells = Shells::builtins();
    let completer = shells
        .completer(&name)
        .ok_or_else(|| std::io::Error::other(format!("no completion for shell {name}")))?;
    let mut out = Vec::new();
    completer.write_registration(ENV_VAR, BIN, BIN, BIN, &mut out)?;
    Ok(out)
}

/// cobra's `__complete` answer for `words` (after `dumpy`; the last is the word under the
/// cursor, possibly empty).
pub fn cobra(words: &[String]) -> String {
    let words: Vec<String> = if words.is_empty() {
        vec![String::new()]
    } else {
        words.to_vec()
    };
    set_words(words.clone());
    let mut args: Vec<OsString> = vec![BIN.into()];
    args.extend(words.iter().map(OsString::from));
    let index = args.len() - 1;
    let cwd = std::env::current_dir().ok();
    let candidates =
        clap_complete::engine::complete(&mut Cli::command(), args, index, cwd.as_deref())
            .unwrap_or_default();
    let mut out = String::new();
    let mut directive = DIRECTIVE_NO_FILE_COMP;
    for c in candidates.iter().filter(|c| !c.is_hide_set()) {
        let value = c.get_value().to_string_lossy();
        if value.ends_with('=') || value.ends_with('/') {
            directive |= DIRECTIVE_NO_SPACE;
        }
        out.push_str(&value);
        if let Some(help) = c.get_help() {
            let help = help.to_string();
            if let Some(first) = help.lines().next().filter(|l| !l.is_empty()) {
                out.push('\t');
                out.push_str(first);
            }
        }
        out.push('\n');
    }
    if out.is_empty() {
        // Nothing to offer (DIR, --merge FILE, --kubeconfig PATH, or an unreachable
        // cluster): let the shell complete file names, as cobra's default does.
        directive = DIRECTIVE_DEFAULT;
    }
    out.push_str(&format!(":{directive}\n"));
    out
}

/// The value of flag `long` (or `-short`) among `words`, in any of the forms clap accepts.
fn flag_value(words: &[String], long: &str, short: Option<char>) -> Option<String> {
    let long = format!("--{long}");
    let short = short.map(|c| format!("-{c}"));
    let mut found = None;
    let mut it = words.iter().peekable();
    while let Some(w) = it.next() {
        if w == "--" {
            break;
        }
        let flag = [Some(&long), short.as_ref()].into_iter().flatten();
        for f in flag {
            if w == f {
                found = it.peek().map(|v| v.to_string());
            } else if let Some(v) = w.strip_prefix(&format!("{f}=")) {
                found = Some(v.to_string());
            } else if f.len() == 2 && w.starts_with(f.as_str()) && w.len() > 2 {
                found = Some(w[2..].to_string());
            }
        }
    }
    found
}

/// Capture names in the namespace the words name (else the context's), for `get`, `export`,
/// `stop`, `restart` and `delete`; the state is the help. Empty when the cluster does not
/// answer within [`CLUSTER_DEADLINE`].
pub fn capture_names() -> Vec<CompletionCandidate> {
    let words = WORDS.lock().unwrap_or_else(|e| e.into_inner()).clone();
    let global = Global {
        kubeconfig: flag_value(&words, "kubeconfig", None).map(Into::into),
        context: flag_value(&words, "context", None),
        max_concurrency: 1,
        request_timeout: CLUSTER_DEADLINE,
        verbose: false,
    };
    let namespace = flag_value(&words, "namespace", Some('n'));
    let Ok(rt) = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    else {
        return Vec::new();
    };
    // The deadline's timer needs the runtime, so it is made inside it.
    let found = rt.block_on(async {
        let list = async {
            let ctx = kube_ctx::connect(&global).await?;
            let ns = ctx.namespace_or_default(namespace.as_deref());
            captures::list(&ctx.client, Some(&ns)).await
        };
        tokio::time::timeout(CLUSTER_DEADLINE, list).await
    });
    match found {
        Ok(Ok(views)) => views
            .into_iter()
            .map(|v| CompletionCandidate::new(v.name).help(Some(v.state.as_str().into())))
            .collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(words: &[&str]) -> (Vec<String>, u32) {
        let words: Vec<String> = words.iter().map(|s| s.to_string()).collect();
        let out = cobra(&words);
        let mut lines: Vec<&str> = out.lines().collect();
        let directive = lines.pop().unwrap();
        let directive = directive.strip_prefix(':').unwrap().parse().unwrap();
        let values = lines
            .iter()
            .map(|l| l.split('\t').next().unwrap().to_string())
            .collect();
        (values, directive)
    }

    #[test]
    fn subcommands_kinds_flags_and_flag_values() {
        let (v, d) = answer(&[""]);
        for sub in [
            "capture",
            "get",
            "export",
            "stop",
            "restart",
            "delete",
            "completion",
        ] {
            assert!(v.contains(&sub.to_string()), "{v:?}");
        }
        assert_eq!(d, DIRECTIVE_NO_FILE_COMP);
        let (v, _) = answer(&["capture", ""]);
        for kind in ["pod", "deployment", "daemonset", "statefulset", "node"] {
            assert!(v.contains(&kind.to_string()), "{v:?}");
        }
        let (v, _) = answer(&["capture", "pod", "web", "--max"]);
        assert!(v.contains(&"--max-file-size".to_string()), "{v:?}");
        assert!(v.contains(&"--max-files".to_string()), "{v:?}");
        let (v, _) = answer(&["get", "-o", ""]);
        assert!(
            v.contains(&"json".to_string()) && v.contains(&"wide".to_string()),
            "{v:?}"
        );
        let (v, _) = answer(&["completion", ""]);
        assert!(v.contains(&"bash".to_string()) && v.contains(&"fish".to_string()));
    }

    #[test]
    fn no_candidates_leave_file_names_to_the_shell() {
        let (v, d) = answer(&["export", "cap", "--merge", "/nonexistent/dumpy/x"]);
        assert!(v.is_empty(), "{v:?}");
        assert_eq!(d, DIRECTIVE_DEFAULT);
        // A missing kubeconfig: no capture names and no wait, the flags still offered.
        let start = std::time::Instant::now();
        let (v, d) = answer(&["--kubeconfig", "/nonexistent/dumpy", "export", ""]);
        assert!(v.iter().all(|c| c.starts_with("--")), "{v:?}");
        assert_eq!(d, DIRECTIVE_NO_FILE_COMP);
        assert!(start.elapsed() < CLUSTER_DEADLINE);
    }

    #[test]
    fn flags_are_read_in_every_form() {
        let w: Vec<String> = ["get", "-n", "a", "--context=c", "-nb", "--kubeconfig", "/k"]
            .map(String::from)
            .to_vec();
        assert_eq!(flag_value(&w, "namespace", Some('n')).as_deref(), Some("b"));
        assert_eq!(flag_value(&w, "context", None).as_deref(), Some("c"));
        assert_eq!(flag_value(&w, "kubeconfig", None).as_deref(), Some("/k"));
        assert_eq!(flag_value(&w, "verbose", None), None);
    }
}
