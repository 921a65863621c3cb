//! `dumpy-lab`: a local stand-in for a small Kubernetes cluster (API server, node agent on
//! containerd, fixture workloads) that stock kubectl and `kubectl dumpy` work against.
//! Test and demo infrastructure only: plain HTTP, no auth, one machine.

mod agent;
mod api;
mod fixtures;
mod lifecycle;

use clap::{Parser, Subcommand};
use std::path::PathBuf;

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
    },
    /// Stop the lab and remove every process, container, netns, link and file it made.
    Down,
    /// Print `export KUBECONFIG=…` for the running lab.
    Env,
    /// Say whether the lab is running.
    Status,
    /// Run the server in the foreground (what `up` starts in the background).
    #[command(hide = true)]
    Serve {
        #[arg(long)]
        nodes: u16,
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
        } => lifecycle::up(&cli.state_dir, nodes, &runtimes, sniffer, sniffer_image),
        Cmd::Down => lifecycle::down(&cli.state_dir),
        Cmd::Env => lifecycle::env(&cli.state_dir),
        Cmd::Status => lifecycle::status(&cli.state_dir),
        Cmd::Serve { nodes, runtimes } => lifecycle::serve(&cli.state_dir, nodes, &runtimes),
    };
    if let Err(e) = r {
        eprintln!("dumpy-lab: {e:#}");
        std::process::exit(1);
    }
}
