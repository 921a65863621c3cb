//! The sniffer's command line: tcpdump's option subset, target selection, capture
//! metadata, and the control subcommands the plugin runs through exec. The option names are
//! `sniffer_contract::invocation`'s, the ones the plugin renders.

use clap::{Args, Parser, Subcommand};
use sniffer_contract::invocation::{flag, subcommand, Metadata};
use sniffer_contract::options::{reject_refused, split_options_and_expression, TcpdumpArgs};
use sniffer_contract::runtime;
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(
    name = "sniffer",
    version,
    about = "dumpy's packet capture engine: a tcpdump-compatible sniffer that captures inside a \
             container's network namespace and writes rotating pcapng.",
    after_help = "Rotation: without -C/-G/-W the capture goes to exactly the -w path. With any of \
                  them, files are numbered: cap.pcapng -> cap-000001.pcapng, cap-000002.pcapng, \
                  ...; -W N keeps the newest N. <stem>.status.json beside them names the file \
                  being written.\n\nSignals: SIGINT/SIGTERM end the capture and exit; SIGUSR1 \
                  (sent by `sniffer stop`) ends the capture, and with --linger the process stays \
                  so files can still be exported.",
    args_conflicts_with_subcommands = true,
    disable_help_subcommand = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    #[command(flatten)]
    pub capture: CaptureArgs,
}

#[derive(Args, Debug)]
pub struct CaptureArgs {
    #[command(flatten)]
    pub tcpdump: TcpdumpArgs,

    #[command(flatten)]
    pub target: TargetArgs,

    #[command(flatten)]
    pub meta: Metadata,

    /// A tcpdump argument string, split with POSIX shell word rules (quotes honoured,
    /// nothing expanded): its options count as if they stood here, its filter expression as
    /// if it ended the command line. This is how the plugin hands over `-f`.
    #[arg(long = flag::TCPDUMP_ARGS, value_name = "STRING", allow_hyphen_values = true)]
    pub tcpdump_args: Option<String>,

    /// After the capture ends, keep running (idle) until SIGTERM, so a pod stays up and its
    /// files can be exported.
    #[arg(long = flag::LINGER)]
    pub linger: bool,
}

#[derive(Args, Debug, Default)]
pub struct TargetArgs {
    /// Capture in this network namespace file (e.g. /var/run/netns/x).
    #[arg(long = flag::NETNS, value_name = "PATH", conflicts_with_all = ["pid", "container_id"])]
    pub netns: Option<PathBuf>,
    /// Capture in the network namespace of this process.
    #[arg(long = flag::PID, value_name = "PID", conflicts_with = "container_id")]
    pub pid: Option<u32>,
    /// Capture in this container's network namespace (ID or containerd://ID), found
    /// through the containerd API, or by scanning /proc when the socket is absent; cri-o://ID
    /// and docker://ID are always found through /proc (their cgroups name the ID). The
    /// capture lasts as long as the container's pod (its sandbox), through restarts.
    #[arg(long = flag::CONTAINER_ID, value_name = "ID")]
    pub container_id: Option<String>,
    /// containerd endpoint [default: unix:///run/containerd/containerd.sock].
    #[arg(long = flag::RUNTIME_ENDPOINT, value_name = "URI")]
    pub runtime_endpoint: Option<String>,
    /// containerd namespace.
    #[arg(long = flag::RUNTIME_NAMESPACE, value_name = "NS", default_value = runtime::DEFAULT_NAMESPACE)]
    pub runtime_namespace: String,
    /// How long the containerd lookup may take, in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = capture_core::runtime::DEFAULT_TIMEOUT_SECS,
          value_parser = clap::value_parser!(u64).range(1..))]
    pub runtime_timeout: u64,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Print the status of the capture writing to -w PATH, as JSON.
    #[command(name = subcommand::STATUS)]
    Status {
        #[command(flatten)]
        at: CaptureLocation,
        /// Print nothing; exit 0 only while the capture is running (a readiness probe).
        #[arg(long = flag::READY)]
        ready: bool,
    },
    /// End the capture writing to -w PATH; its files are kept.
    #[command(name = subcommand::STOP)]
    Stop {
        #[command(flatten)]
        at: CaptureLocation,
    },
    /// Write the capture's files to stdout as one pcapng stream (one section per file).
    #[command(name = subcommand::EXPORT)]
    Export {
        #[command(flatten)]
        at: CaptureLocation,
        /// Keep streaming new packets and files until the capture ends.
        #[arg(long = flag::FOLLOW)]
        follow: bool,
        /// Export only this file (a name from `status`).
        #[arg(long = flag::FILE, value_name = "NAME")]
        file: Option<String>,
    },
}

#[derive(Args, Debug)]
pub struct CaptureLocation {
    /// The -w path the capture was started with.
    #[arg(short = flag::WRITE, value_name = "FILE")]
    pub write: PathBuf,
}

impl CaptureLocation {
    /// The status file of the capture started with `-w` at this path.
    pub fn status_path(&self) -> PathBuf {
        let naming =
            sniffer_contract::rotate::FileNaming::new(self.write.clone(), &Default::default());
        naming.status_path()
    }
}

/// Why a command line gave no [`Cli`].
#[derive(Debug)]
pub enum Unparsed {
    /// `--help` or `--version`: clap's text, to print before exiting successfully.
    Info(clap::Error),
    /// A bad command line, as one line for the user.
    Bad(String),
}

/// Parses the sniffer's command line (program name first): expands `--tcpdump-args`,
/// refuses what the sniffer never does, then lets clap read the rest.
pub fn parse(argv: Vec<String>) -> Result<Cli, Unparsed> {
    let argv = expand_tcpdump_args(argv).map_err(Unparsed::Bad)?;
    reject_refused(argv.get(1..).unwrap_or_default()).map_err(|e| Unparsed::Bad(e.to_string()))?;
    Cli::try_parse_from(&argv).map_err(|e| {
        use clap::error::ErrorKind::*;
        if matches!(e.kind(), DisplayHelp | DisplayVersion) {
            return Unparsed::Info(e);
        }
        // One line that names the problem, then where to look: for an unknown option, the
        // tcpdump options that are accepted.
        let mut line = one_line(&e.to_string()).to_string();
        if e.kind() == UnknownArgument {
            line.push_str("; accepted tcpdump options: ");
            line.push_str(&sniffer_contract::options::accepted_options());
        }
        Unparsed::Bad(format!("{line} (see sniffer --help)"))
    })
}

/// clap's message as one line that names the problem: its first line, and when that line
/// introduces a list ("the following required arguments were not provided:"), the
/// indented items under it.
fn one_line(msg: &str) -> String {
    let mut lines = msg.lines();
    let mut out = lines
        .next()
        .unwrap_or("bad arguments")
        .trim_start_matches("error: ")
        .to_string();
    if out.ends_with(':') {
        let items: Vec<&str> = lines
            .take_while(|l| l.starts_with(char::is_whitespace) && !l.trim().is_empty())
            .map(str::trim)
            .collect();
        out = format!("{} {}", out, items.join(", "));
    }
    out
}

/// Replaces `--tcpdump-args STRING` (or `--tcpdump-args=STRING`) with the words of STRING:
/// its options in place, and its filter expression at the end of the command line, because
/// the expression swallows every word after it (as in tcpdump) and the plugin puts more
/// options after `--tcpdump-args`.
fn expand_tcpdump_args(argv: Vec<String>) -> Result<Vec<String>, String> {
    let mut out = Vec::with_capacity(argv.len());
    let mut expression = Vec::new();
    let mut it = argv.into_iter();
    let option = format!("--{}", flag::TCPDUMP_ARGS);
    while let Some(a) = it.next() {
        let value = if a == option {
            Some(it.next().ok_or_else(|| {
                format!("{option} needs a value, e.g. {option} \"-i any port 80\"")
            })?)
        } else {
            a.strip_prefix(&format!("{option}=")).map(str::to_string)
        };
        match value {
            Some(v) => {
                let (options, expr) =
                    split_options_and_expression(&v).map_err(|e| e.to_string())?;
                out.extend(options);
                expression.extend(expr);
            }
            None => out.push(a),
        }
    }
    out.extend(expression);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tcpdump_args_expand_in_place() {
        let v = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(
            expand_tcpdump_args(v(&[
                "sniffer",
                "-w",
                "x",
                "--tcpdump-args",
                "-i any 'port 80'"
            ]))
            .unwrap(),
            v(&["sniffer", "-w", "x", "-i", "any", "port 80"])
        );
        // The plugin's shape: options after --tcpdump-args stay options.
        assert_eq!(
            expand_tcpdump_args(v(&[
                "sniffer",
                "--tcpdump-args",
                "-i any port 80",
                "--pid",
                "1",
                "-w",
                "x"
            ]))
            .unwrap(),
            v(&["sniffer", "-i", "any", "--pid", "1", "-w", "x", "port", "80"])
        );
        assert_eq!(
            expand_tcpdump_args(v(&["sniffer", "--tcpdump-args=-nn tcp"])).unwrap(),
            v(&["sniffer", "-nn", "tcp"])
        );
        assert!(expand_tcpdump_args(v(&["sniffer", "--tcpdump-args", "'x"])).is_err());
    }
}
