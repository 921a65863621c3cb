//! `dumpy-lab`: a local stand-in for a small Kubernetes cluster (API server, node agent on
//! containerd, fixture workloads) that stock kubectl and `kubectl dumpy` work against.
//! Test and demo infrastructure only: one machine, everything in memory.

mod agent;
mod api;
mod controllers;
mod fixtures;
mod lifecycle;
mod nodeops;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::time::Duration;

/// `500ms`, `1s`, `10s`, `2m`: a positive duration.
fn parse_duration(s: &str) -> Result<Duration, String> {
    let (num, unit) = s.split_at(s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len()));
    let n: u64 = num
        .parse()
        .map_err(|_| format!("{s:?} is not a duration like 500ms, 10s or 2m"))?;
    let d = match unit {
        "ms" => Duration::from_millis(n),
        "s" => Duration::from_secs(n),
        "m" => Duration::from_secs(n * 60),
        _ => return Err(format!("{s:?} is not a duration like 500ms, 10s or 2m")),
    };
    if d.is_zero() {
        return Err("the back-off must be longer than zero".into());
    }
    Ok(d)
}

#[derive(Parser)]
#[command(
    name = "dumpy-lab",
    version,
    about = "A local stand-in Kubernetes cluster for dumpy's tests and demo"
)]
struct Cli {
    /// Where the lab keeps its state (kubeconfig, pid, logs, volumes).
    #[arg(long, global = true, default_value = agent::paths::DEFAULT_STATE_DIR)]
    state_dir: PathBuf,
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Start the lab (cleaning up a crashed one first) and print the kubeconfig path.
    Up {
        /// Number of nodes.
        #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u16).range(1..=20))]
        nodes: u16,
        /// The sniffer binary sniffer pods run (default: `sniffer` next to this binary).
        #[arg(long, env = "DUMPY_LAB_SNIFFER")]
        sniffer: Option<PathBuf>,
        /// An OCI archive of the sniffer image (images/build) to import; pods naming that
        /// image then run from it instead of from `--sniffer`.
        #[arg(long)]
        sniffer_image: Option<PathBuf>,
        /// The runtime each node presents, in node order (e.g. containerd,k3s,crio); nodes
        /// past the list present containerd.
        #[arg(long, value_enum, value_delimiter = ',', value_name = "RUNTIME,...")]
        runtimes: Vec<agent::node_runtime::Presented>,
        /// First delay of the kubelet's CrashLoopBackOff and ImagePullBackOff (doubling, capped
        /// at 30 times it); a real kubelet's is 10s, tests may shorten it.
        #[arg(long, default_value = "10s", value_parser = parse_duration)]
        restart_backoff: Duration,
    },
    /// Kill a container of a pod as the node's OOM killer would: its state says OOMKilled,
    /// exit code 137, and its restartPolicy applies.
    OomKill {
        /// The pod, as NAMESPACE/NAME (or NAME in the lab's namespace, demo).
        pod: String,
        /// The container (default: the pod's default container).
        container: Option<String>,
    },
    /// Evict a pod as the kubelet does under node pressure: its containers are killed and the
    /// pod stays, Failed with reason Evicted. (`kubectl drain` or a policy/v1 Eviction evicts
    /// through the API instead, which deletes the pod.)
    Evict {
        /// The pod, as NAMESPACE/NAME (or NAME in the lab's namespace, demo).
        pod: String,
    },
    /// Stop the lab and remove every process, container, netns, link and file it made.
    Down,
    /// Print `export KUBECONFIG=…` for the running lab.
    Env,
    /// Print a kubeconfig for USER, authenticated by a client certificate of the lab's CA
    /// (common name USER, organization GROUP), like `kubeadm kubeconfig user`.
    User {
        /// The user name (the certificate's common name).
        name: String,
        /// The user's group (the certificate's organization; one, as rcgen writes one
        /// value per subject attribute).
        #[arg(long, value_name = "GROUP")]
        group: Option<String>,
    },
    /// Say whether the lab is running.
    Status,
    /// Run the server in the foreground (what `up` starts in the background).
    #[command(hide = true)]
    Serve {
        #[arg(long)]
        nodes: u16,
        #[arg(long, default_value = "10s", value_parser = parse_duration)]
        restart_backoff: Duration,
        #[arg(long, value_enum, value_delimiter = ',')]
        runtimes: Vec<agent::node_runtime::Presented>,
    },
}

fn main() {
    let cli = Cli::parse();
    let r = match cli.cmd {
        Cmd::Up {
            nodes,
            sniffer,
            sniffer_image,
            runtimes,
            restart_backoff,
        } => lifecycle::up(
            &cli.state_dir,
            nodes,
            &runtimes,
            sniffer,
            sniffer_image,
            restart_backoff,
        ),
        Cmd::Down => lifecycle::down(&cli.state_dir),
        Cmd::Env => lifecycle::env(&cli.state_dir),
        Cmd::User { name, group } => lifecycle::user(&cli.state_dir, &name, group.as_deref()),
        Cmd::Status => lifecycle::status(&cli.state_dir),
        Cmd::Serve {
            nodes,
            runtimes,
            restart_backoff,
        } => lifecycle::serve(&cli.state_dir, nodes, &runtimes, restart_backoff),
        Cmd::OomKill { pod, container } => {
            nodeops::post(&cli.state_dir, &pod, "oom-kill", container.as_deref())
        }
        Cmd::Evict { pod } => nodeops::post(&cli.state_dir, &pod, "evict", None),
    };
    if let Err(e) = r {
        eprintln!("dumpy-lab: {e:#}");
        std::process::exit(1);
    }
}
