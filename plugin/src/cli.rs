//! The command line: the original dumpy's commands and flags, plus the new ones.

use crate::names::Rule;
use crate::output::Format;
use crate::spec::TargetKind;
use clap::{Args, Parser, Subcommand, ValueHint};
use clap_complete::ArgValueCandidates;
use std::path::PathBuf;
use std::time::Duration;

/// Default sniffer image: the one the release of this plugin's version publishes (the
/// repository comes from the workspace Cargo.toml through build.rs).
pub const DEFAULT_IMAGE: &str = concat!(
    env!("DUMPY_IMAGE_REPOSITORY"),
    ":",
    env!("CARGO_PKG_VERSION")
);

/// Default `--request-timeout`. kubectl's own default is 0 (no limit), which leaves the
/// plugin hanging on a server that accepts and never answers; a healthy API server answers
/// dumpy's requests (gets, label-selected lists, exec handshakes) within a second or two.
pub const DEFAULT_REQUEST_TIMEOUT: &str = "30s";

#[derive(Parser, Debug)]
#[command(
    name = "kubectl-dumpy",
    bin_name = "kubectl dumpy",
    version,
    about = "Capture network traffic from Kubernetes pods and nodes with native sniffers",
    propagate_version = true
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

/// How to reach the cluster, as kubectl does.
#[derive(Args, Debug, Clone, Default)]
pub struct Global {
    /// Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config).
    #[arg(long, global = true, value_name = "PATH", value_hint = ValueHint::FilePath)]
    pub kubeconfig: Option<PathBuf>,
    /// The kubeconfig context to use (default: the current context).
    #[arg(long, global = true, value_name = "NAME")]
    pub context: Option<String>,
    /// How many sniffers to act on at once.
    #[arg(long, global = true, default_value_t = 8, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub max_concurrency: u16,
    /// How long one API request may take, from connecting to the last byte of the answer
    /// (kubectl's convention: 0 for no limit, or e.g. 5s, 1m). Exec streams (export, live
    /// export) and followed logs (logs -f) are bounded until the API server opens them, never
    /// cut once they run.
    #[arg(long, global = true, default_value = DEFAULT_REQUEST_TIMEOUT, value_name = "DURATION", value_parser = parse_duration)]
    pub request_timeout: Duration,
    /// Log what the plugin does (to stderr); RUST_LOG also works.
    #[arg(long, global = true)]
    pub verbose: bool,
}

impl Global {
    /// `--request-timeout` as a limit: None for kubectl's `0`.
    pub fn request_limit(&self) -> Option<Duration> {
        (!self.request_timeout.is_zero()).then_some(self.request_timeout)
    }
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Deploy sniffers that capture the traffic of a pod, a workload, pods by label, or a node.
    #[command(after_help = CAPTURE_EXAMPLES)]
    Capture(CaptureArgs),
    /// List captures, or show one in detail.
    Get(GetArgs),
    /// Download a capture's pcapng files (also after `stop`), or stream it live with DIR `-`.
    Export(ExportArgs),
    /// Print every sniffer's packet summaries in one stream, each line prefixed with its pod.
    #[command(after_help = LOGS_EXAMPLES)]
    Logs(LogsArgs),
    /// End a capture; its sniffers stay so the files can still be exported.
    Stop(NameArgs),
    /// Start new sniffers for the target's current pods; earlier files are kept.
    Restart(RestartArgs),
    /// Remove a capture's sniffers (they close their files first).
    Delete(DeleteArgs),
    /// Print a shell completion script (see also kubectl_complete-dumpy in the README).
    Completion {
        /// The shell to complete for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the plugin version and the default sniffer image.
    Version,
}

impl Command {
    /// Every Kubernetes name on the command line: how the error line calls it, the name,
    /// and its rule. [`crate::names`] checks them before anything reaches the cluster.
    pub fn names(&self) -> Vec<(String, Option<&str>, Rule)> {
        match self {
            Command::Capture(a) => vec![
                (
                    format!("{} name", a.kind.map_or("target", TargetKind::as_str)),
                    a.name.as_deref(),
                    Rule::Subdomain,
                ),
                namespace_name(&a.namespace),
                (
                    "target namespace (-t)".into(),
                    a.target_namespace.as_deref(),
                    Rule::Label,
                ),
                (
                    "container name (-c)".into(),
                    a.container.as_deref(),
                    Rule::Label,
                ),
                ("PVC name (-v)".into(), a.pvc.as_deref(), Rule::Subdomain),
                (
                    "pull secret name (-s)".into(),
                    a.pull_secret.as_deref(),
                    Rule::Subdomain,
                ),
                (
                    "capture name".into(),
                    a.capture_name.as_deref(),
                    Rule::Label,
                ),
            ],
            Command::Get(a) => vec![
                ("capture name".into(), a.name.as_deref(), Rule::Label),
                namespace_name(&a.namespace),
            ],
            Command::Export(ExportArgs {
                name, namespace, ..
            })
            | Command::Stop(NameArgs { name, namespace })
            | Command::Logs(LogsArgs {
                name, namespace, ..
            })
            | Command::Restart(RestartArgs {
                name, namespace, ..
            })
            | Command::Delete(DeleteArgs {
                name, namespace, ..
            }) => vec![
                ("capture name".into(), Some(name.as_str()), Rule::Label),
                namespace_name(namespace),
            ],
            Command::Completion { .. } | Command::Version => Vec::new(),
        }
    }
}

fn namespace_name(n: &Option<String>) -> (String, Option<&str>, Rule) {
    ("namespace (-n)".into(), n.as_deref(), Rule::Label)
}

const CAPTURE_EXAMPLES: &str = "Examples:
  # capture all traffic from foo pod in current namespace
  kubectl dumpy capture pod foo
  # capture traffic from deployment foo-deploy in foo-ns with sniffers in bar-ns
  kubectl dumpy capture deploy foo-deploy -t foo-ns -n bar-ns
  # capture port 80 traffic of every pod labelled app=web
  kubectl dumpy capture -l app=web -f \"-i any port 80\"
  # capture a node's host network, in files of 50 MB, keeping at most 4
  kubectl dumpy capture node worker-1 --max-file-size 50 --max-files 4";

#[derive(Args, Debug, Clone)]
pub struct CaptureArgs {
    /// What to capture: pod (po), deployment (deploy), replicaset (rs), daemonset (ds),
    /// statefulset (sts) or node. Optional with -l (pods).
    #[arg(value_enum)]
    pub kind: Option<TargetKind>,
    /// The resource's name.
    pub name: Option<String>,
    /// Capture every pod matching this label selector (alone, or to narrow a workload).
    #[arg(short = 'l', long)]
    pub selector: Option<String>,
    /// Namespace where the sniffers are deployed (default: the context's namespace).
    #[arg(short = 'n', long)]
    pub namespace: Option<String>,
    /// Namespace of the target (default: the capture namespace).
    #[arg(short = 't', long = "target-namespace")]
    pub target_namespace: Option<String>,
    /// tcpdump options and filter expression, checked before anything is created.
    #[arg(
        short = 'f',
        long = "filter",
        default_value = "-i any",
        allow_hyphen_values = true
    )]
    pub filter: String,
    /// Target container (default: the pod's default container).
    #[arg(short = 'c', long)]
    pub container: Option<String>,
    /// PVC that the sniffers write to (ReadWriteMany when sniffers run on several nodes).
    #[arg(short = 'v', long)]
    pub pvc: Option<String>,
    /// Sniffer image.
    #[arg(short = 'i', long, default_value = DEFAULT_IMAGE)]
    pub image: String,
    /// Image pull secret for the sniffer image.
    #[arg(short = 's', long = "pull-secret")]
    pub pull_secret: Option<String>,
    /// Capture name (default: dumpy-<ID>); a DNS-1123 label.
    #[arg(long = "name", id = "capture_name", value_name = "NAME")]
    pub capture_name: Option<String>,
    /// Run every check, then print the sniffer pods as YAML instead of creating them.
    #[arg(long)]
    pub dry_run: bool,
    #[command(flatten)]
    pub sniffer: SnifferFlags,
}

/// A value of a sniffer flag, or `default`: back to dumpy's default (for `restart`, which
/// otherwise keeps what the capture has).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Setting<T> {
    Default,
    Value(T),
}

/// The word that asks for dumpy's default.
pub const DEFAULT_WORD: &str = "default";

fn setting<T>(s: &str, parse: impl Fn(&str) -> Result<T, String>) -> Result<Setting<T>, String> {
    if s == DEFAULT_WORD {
        Ok(Setting::Default)
    } else {
        parse(s).map(Setting::Value)
    }
}

/// `--duration`: whole seconds, at least one (a zero or negative rotation is refused, not
/// turned into `-G 1`), or `default` (no time rotation).
fn parse_rotation(s: &str) -> Result<Setting<u64>, String> {
    setting(s, |s| {
        if s.starts_with('-') {
            return Err(format!(
                "{s:?} is negative: use e.g. 30s, 10m or 1h, or `default` for no time rotation"
            ));
        }
        let d = parse_duration(s)?;
        if d.is_zero() {
            return Err(format!(
                "{s:?} is zero: use e.g. 30s, 10m or 1h, or `default` for no time rotation"
            ));
        }
        if d.subsec_nanos() != 0 {
            return Err(format!(
                "{s:?} is not a whole number of seconds (the sniffer rotates with -G SECONDS)"
            ));
        }
        Ok(d.as_secs())
    })
}

/// A count of at least 1 (`--max-file-size`, `--max-files`), or `default`.
fn parse_count<T: std::str::FromStr + TryFrom<u64>>(s: &str) -> Result<Setting<T>, String> {
    setting(s, |s| {
        let n: u64 = s
            .parse()
            .map_err(|_| format!("{s:?} is not a whole number (or `default`)"))?;
        if n == 0 {
            return Err("must be at least 1 (or `default`)".into());
        }
        T::try_from(n).map_err(|_| format!("{s:?} is too large"))
    })
}

/// A resource quantity, or `default`; checked (with requests against limits) before
/// anything is created, see [`crate::quantity`].
fn parse_quantity(s: &str) -> Result<Setting<String>, String> {
    setting(s, |s| Ok(s.to_string()))
}

/// Flags shared by `capture` and `restart` that shape the sniffer pods. On `restart` a flag
/// given changes the capture and `default` clears it back to dumpy's default; flags not
/// given keep what the capture has.
#[derive(Args, Debug, Clone, Default)]
pub struct SnifferFlags {
    /// Rotate to a new file every DURATION (e.g. 30s, 10m, 1h; passed to the sniffer as -G);
    /// `default`: no time rotation.
    #[arg(long, value_name = "DURATION", value_parser = parse_rotation)]
    pub duration: Option<Setting<u64>>,
    /// Largest file, in millions of bytes (sniffer -C). Default 100.
    #[arg(long, value_name = "MB", value_parser = parse_count::<u64>)]
    pub max_file_size: Option<Setting<u64>>,
    /// Most files kept per sniffer, the oldest removed (sniffer -W). Default 10, so a
    /// sniffer never holds more than max-file-size × max-files on disk.
    #[arg(long, value_name = "N", value_parser = parse_count::<u32>)]
    pub max_files: Option<Setting<u32>>,
    /// How long to wait for the sniffers to be Ready.
    #[arg(long, default_value = "2m", value_parser = parse_duration)]
    pub wait: Duration,
    /// Run sniffers privileged instead of with the minimal capabilities (escape hatch).
    #[arg(long)]
    pub privileged: bool,
    /// Host path of the containerd socket on every target node, instead of the one dumpy
    /// picks from each node's runtime (containerd, k3s/RKE2, microk8s; none on CRI-O).
    #[arg(long, value_name = "PATH")]
    pub runtime_socket: Option<String>,
    /// CPU the sniffer container requests (a Kubernetes quantity, e.g. 100m or 1). Default 100m.
    #[arg(long, value_name = "QUANTITY", value_parser = parse_quantity)]
    pub cpu_request: Option<Setting<String>>,
    /// Most CPU the sniffer container may use (e.g. 500m); above it, it is throttled. Default 1.
    #[arg(long, value_name = "QUANTITY", value_parser = parse_quantity)]
    pub cpu_limit: Option<Setting<String>>,
    /// Memory the sniffer container requests (a Kubernetes quantity, e.g. 64Mi). Default 64Mi.
    #[arg(long, value_name = "QUANTITY", value_parser = parse_quantity)]
    pub memory_request: Option<Setting<String>>,
    /// Most memory the sniffer container may use (e.g. 256Mi); above it, it is OOM-killed.
    /// Default 256Mi.
    #[arg(long, value_name = "QUANTITY", value_parser = parse_quantity)]
    pub memory_limit: Option<Setting<String>>,
}

#[derive(Args, Debug, Clone)]
pub struct GetArgs {
    /// Capture to show in detail (default: list all).
    #[arg(add = ArgValueCandidates::new(crate::completion::capture_names))]
    pub name: Option<String>,
    /// Namespace of the capture's sniffers (default: the context's namespace).
    #[arg(short = 'n', long)]
    pub namespace: Option<String>,
    /// List captures in every namespace.
    #[arg(short = 'A', long)]
    pub all_namespaces: bool,
    /// Output format (default: a table): wide adds columns; json and yaml print every field.
    #[arg(short = 'o', long, value_enum)]
    pub output: Option<Format>,
}

#[derive(Args, Debug, Clone)]
pub struct ExportArgs {
    /// The capture's name (as `kubectl dumpy get` lists it).
    #[arg(add = ArgValueCandidates::new(crate::completion::capture_names))]
    pub name: String,
    /// Directory for DIR/<capture>-<pod>.pcapng, or `-` to stream live to stdout.
    #[arg(value_hint = ValueHint::DirPath)]
    pub dir: Option<String>,
    /// Namespace of the capture's sniffers (default: the context's namespace).
    #[arg(short = 'n', long)]
    pub namespace: Option<String>,
    /// Keep rotated files apart (DIR/<capture>-<pod>-000001.pcapng, …) instead of as sections.
    #[arg(long)]
    pub split: bool,
    /// Also write one pcapng merging every pod, ordered by time, one interface per pod interface.
    #[arg(long, value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub merge: Option<PathBuf>,
    /// Exit 0 although some sniffers' files are gone (a Lost or Failed sniffer): they are
    /// still named on stderr, and the others exported. Without it such an export exits 1.
    #[arg(long)]
    pub allow_missing: bool,
}

const LOGS_EXAMPLES: &str = "Examples:
  # follow capture web-cap: every sniffer's lines, in time order, until the capture ends
  kubectl dumpy logs web-cap -f
  # the last 20 lines of each sniffer from the past 5 minutes
  kubectl dumpy logs web-cap --since 5m --tail 20";

#[derive(Args, Debug, Clone)]
pub struct LogsArgs {
    /// The capture's name (as `kubectl dumpy get` lists it).
    #[arg(add = ArgValueCandidates::new(crate::completion::capture_names))]
    pub name: String,
    /// Namespace of the capture's sniffers (default: the context's namespace).
    #[arg(short = 'n', long)]
    pub namespace: Option<String>,
    /// Keep streaming new lines, merged in time order, until the capture is stopped or
    /// deleted (or Ctrl-C).
    #[arg(short = 'f', long)]
    pub follow: bool,
    /// Only lines logged in the last DURATION (e.g. 30s, 5m, 1h).
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub since: Option<Duration>,
    /// Only the last N lines of each sniffer, then (with -f) what follows.
    #[arg(long, value_name = "N")]
    pub tail: Option<u32>,
}

#[derive(Args, Debug, Clone)]
pub struct NameArgs {
    /// The capture's name (as `kubectl dumpy get` lists it).
    #[arg(add = ArgValueCandidates::new(crate::completion::capture_names))]
    pub name: String,
    /// Namespace of the capture's sniffers (default: the context's namespace).
    #[arg(short = 'n', long)]
    pub namespace: Option<String>,
}

#[derive(Args, Debug, Clone)]
pub struct RestartArgs {
    /// The capture's name (as `kubectl dumpy get` lists it).
    #[arg(add = ArgValueCandidates::new(crate::completion::capture_names))]
    pub name: String,
    /// Namespace of the capture's sniffers (default: the context's namespace).
    #[arg(short = 'n', long)]
    pub namespace: Option<String>,
    /// New tcpdump options and filter (default: the capture's).
    #[arg(short = 'f', long = "filter", allow_hyphen_values = true)]
    pub filter: Option<String>,
    #[command(flatten)]
    pub sniffer: SnifferFlags,
}

#[derive(Args, Debug, Clone)]
pub struct DeleteArgs {
    /// The capture's name (as `kubectl dumpy get` lists it).
    #[arg(add = ArgValueCandidates::new(crate::completion::capture_names))]
    pub name: String,
    /// Namespace of the capture's sniffers (default: the context's namespace).
    #[arg(short = 'n', long)]
    pub namespace: Option<String>,
    /// Return without waiting for the sniffers to be gone.
    #[arg(long)]
    pub no_wait: bool,
}

/// Parses `30s`, `10m`, `1h`, `1h30m`, `500ms` or plain seconds (kubectl's duration syntax,
/// without fractions).
pub fn parse_duration(s: &str) -> Result<Duration, String> {
    let bad = || format!("invalid duration {s:?}: use e.g. 30s, 10m, 1h or 1h30m");
    if let Ok(secs) = s.parse::<u64>() {
        return Ok(Duration::from_secs(secs));
    }
    let mut total = Duration::ZERO;
    let mut rest = s;
    while !rest.is_empty() {
        let digits = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        let n: u64 = rest[..digits].parse().map_err(|_| bad())?;
        rest = &rest[digits..];
        let unit = rest
            .find(|c: char| c.is_ascii_digit())
            .unwrap_or(rest.len());
        let one = match &rest[..unit] {
            "h" => Duration::from_secs(3600),
            "m" => Duration::from_secs(60),
            "s" => Duration::from_secs(1),
            "ms" => Duration::from_millis(1),
            _ => return Err(bad()),
        };
        rest = &rest[unit..];
        total = u32::try_from(n)
            .ok()
            .and_then(|n| one.checked_mul(n))
            .and_then(|d| total.checked_add(d))
            .ok_or_else(bad)?;
    }
    if s.is_empty() {
        return Err(bad());
    }
    Ok(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(parse_duration("90").unwrap().as_secs(), 90);
        assert_eq!(parse_duration("1h30m").unwrap().as_secs(), 5400);
        assert_eq!(parse_duration("2m").unwrap().as_secs(), 120);
        assert_eq!(parse_duration("500ms").unwrap(), Duration::from_millis(500));
        assert_eq!(parse_duration("1m30s").unwrap().as_secs(), 90);
        assert!(parse_duration("5x").is_err());
        assert!(parse_duration("m").is_err());
        assert!(parse_duration("5").is_ok());
        assert!(parse_duration("5m5").is_err());
        assert!(parse_duration("-5s").is_err());
        assert!(parse_duration("1.5s").is_err());
        assert!(parse_duration("99999999999h").is_err());
        assert!(parse_duration("").is_err());
    }

    #[test]
    fn request_timeout_follows_kubectl() {
        let parse = |args: &[&str]| {
            let mut full = vec!["kubectl-dumpy"];
            full.extend_from_slice(args);
            Cli::try_parse_from(full).map(|c| c.global.request_limit())
        };
        assert_eq!(parse(&["get"]).unwrap(), Some(Duration::from_secs(30)));
        assert_eq!(parse(&["get", "--request-timeout", "0"]).unwrap(), None);
        assert_eq!(
            parse(&["--request-timeout", "5s", "get"]).unwrap(),
            Some(Duration::from_secs(5))
        );
        assert_eq!(
            parse(&["get", "--request-timeout=1m"]).unwrap(),
            Some(Duration::from_secs(60))
        );
        assert!(parse(&["get", "--request-timeout", "soon"]).is_err());
    }

    #[test]
    fn aliases_and_original_flags_parse() {
        let cli = Cli::try_parse_from([
            "kubectl-dumpy",
            "capture",
            "deploy",
            "web",
            "-n",
            "bar",
            "-t",
            "foo",
            "-f",
            "-i any port 80",
            "-c",
            "nginx",
            "-v",
            "pvc1",
            "-i",
            "repo/dumpy:1",
            "-s",
            "regcred",
            "--name",
            "mycap",
        ])
        .unwrap();
        let Command::Capture(a) = cli.command else {
            panic!()
        };
        assert_eq!(a.kind, Some(TargetKind::Deployment));
        assert_eq!(a.filter, "-i any port 80");
        assert_eq!(a.capture_name.as_deref(), Some("mycap"));
        assert_eq!(a.pvc.as_deref(), Some("pvc1"));
        for (alias, kind) in [
            ("po", TargetKind::Pod),
            ("rs", TargetKind::Replicaset),
            ("ds", TargetKind::Daemonset),
            ("sts", TargetKind::Statefulset),
        ] {
            let cli = Cli::try_parse_from(["kubectl-dumpy", "capture", alias, "x"]).unwrap();
            let Command::Capture(a) = cli.command else {
                panic!()
            };
            assert_eq!(a.kind, Some(kind));
        }
    }

    /// `--help` explains every flag and argument of every command (`-n`, `NAME` and the
    /// resource flags once showed a bare name).
    #[test]
    fn every_argument_has_help() {
        use clap::CommandFactory;
        fn walk(cmd: &clap::Command, path: &str, missing: &mut Vec<String>) {
            for a in cmd.get_arguments() {
                if a.get_help().is_none_or(|h| h.to_string().trim().is_empty()) {
                    missing.push(format!("{path} {}", a.get_id()));
                }
            }
            for sub in cmd.get_subcommands() {
                walk(sub, &format!("{path} {}", sub.get_name()), missing);
            }
        }
        let mut cmd = Cli::command();
        cmd.build();
        let mut missing = Vec::new();
        walk(&cmd, "dumpy", &mut missing);
        assert!(missing.is_empty(), "arguments without help: {missing:?}");
    }

    #[test]
    fn get_output_formats() {
        let cli = Cli::try_parse_from([
            "kubectl-dumpy",
            "get",
            "-A",
            "-o",
            "wide",
            "--context",
            "kind",
        ])
        .unwrap();
        let Command::Get(g) = cli.command else {
            panic!()
        };
        assert!(g.all_namespaces);
        assert_eq!(g.output, Some(Format::Wide));
        assert_eq!(cli.global.context.as_deref(), Some("kind"));
    }
}
