//! The sniffer's command line: tcpdump's option subset, target selection, capture
//! metadata, and the control subcommands the plugin runs through exec.

use clap::{Args, Parser, Subcommand};
use sniffer_contract::options::TcpdumpArgs;
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
    #[arg(long, value_name = "STRING", allow_hyphen_values = true)]
    pub tcpdump_args: Option<String>,

    /// After the capture ends, keep running (idle) until SIGTERM, so a pod stays up and its
    /// files can be exported.
    #[arg(long)]
    pub linger: bool,
}

#[derive(Args, Debug, Default)]
pub struct TargetArgs {
    /// Capture in this network namespace file (e.g. /var/run/netns/x).
    #[arg(long, value_name = "PATH", conflicts_with_all = ["pid", "container_id"])]
    pub netns: Option<PathBuf>,
    /// Capture in the network namespace of this process.
    #[arg(long, value_name = "PID", conflicts_with = "container_id")]
    pub pid: Option<u32>,
    /// Capture in this container's network namespace (ID or containerd://ID), found
    /// through the containerd API, or by scanning /proc when the socket is absent.
    #[arg(long, value_name = "ID")]
    pub container_id: Option<String>,
    /// containerd endpoint.
    #[arg(long, value_name = "URI", default_value = capture_core::runtime::DEFAULT_ENDPOINT)]
    pub runtime_endpoint: String,
    /// containerd namespace.
    #[arg(long, value_name = "NS", default_value = capture_core::runtime::DEFAULT_NAMESPACE)]
    pub runtime_namespace: String,
    /// How long the containerd lookup may take, in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = capture_core::runtime::DEFAULT_TIMEOUT_SECS,
          value_parser = clap::value_parser!(u64).range(1..))]
    pub runtime_timeout: u64,
}

/// Capture metadata, recorded as a comment in every file's section header.
#[derive(Args, Debug, Default)]
pub struct Metadata {
    #[arg(long, env = "DUMPY_CAPTURE_NAME", value_name = "NAME")]
    pub capture_name: Option<String>,
    #[arg(long, env = "DUMPY_POD", value_name = "POD")]
    pub pod: Option<String>,
    #[arg(long, env = "DUMPY_NAMESPACE", value_name = "NS")]
    pub namespace: Option<String>,
    #[arg(long, env = "DUMPY_CONTAINER", value_name = "NAME")]
    pub container: Option<String>,
    #[arg(long, env = "DUMPY_NODE", value_name = "NODE")]
    pub node: Option<String>,
}

impl Metadata {
    /// `key=value` pairs in a fixed order, or nothing when no metadata was given.
    pub fn comment(&self) -> Option<String> {
        let pairs: Vec<String> = [
            ("capture", &self.capture_name),
            ("pod", &self.pod),
            ("namespace", &self.namespace),
            ("container", &self.container),
            ("node", &self.node),
        ]
        .iter()
        .filter_map(|(k, v)| v.as_ref().map(|v| format!("{k}={v}")))
        .collect();
        (!pairs.is_empty()).then(|| format!("dumpy capture: {}", pairs.join(" ")))
    }
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Print the status of the capture writing to -w PATH, as JSON.
    Status {
        #[command(flatten)]
        at: CaptureLocation,
        /// Print nothing; exit 0 only while the capture is running (a readiness probe).
        #[arg(long)]
        ready: bool,
    },
    /// End the capture writing to -w PATH; its files are kept.
    Stop {
        #[command(flatten)]
        at: CaptureLocation,
    },
    /// Write the capture's files to stdout as one pcapng stream (one section per file).
    Export {
        #[command(flatten)]
        at: CaptureLocation,
        /// Keep streaming new packets and files until the capture ends.
        #[arg(long)]
        follow: bool,
        /// Export only this file (a name from `status`).
        #[arg(long, value_name = "NAME")]
        file: Option<String>,
    },
}

#[derive(Args, Debug)]
pub struct CaptureLocation {
    /// The -w path the capture was started with.
    #[arg(short = 'w', value_name = "FILE")]
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
