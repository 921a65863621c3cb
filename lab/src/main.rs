//! `dumpy-lab`: a local stand-in for a small Kubernetes cluster (API server, node agent on
//! containerd, fixture workloads) that stock kubectl and `kubectl dumpy` work against.
//! Test and demo infrastructure only: one machine, everything in memory.

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
    },
}

fn main() {
    let cli = Cli::parse();
    let r = match cli.cmd {
        Cmd::Up {
            nodes,
            sniffer,
            sniffer_image,
        } => lifecycle::up(&cli.state_dir, nodes, sniffer, sniffer_image),
        Cmd::Down => lifecycle::down(&cli.state_dir),
        Cmd::Env => lifecycle::env(&cli.state_dir),
        Cmd::User { name, group } => lifecycle::user(&cli.state_dir, &name, group.as_deref()),
        Cmd::Status => lifecycle::status(&cli.state_dir),
        Cmd::Serve { nodes } => lifecycle::serve(&cli.state_dir, nodes),
    };
    if let Err(e) = r {
        eprintln!("dumpy-lab: {e:#}");
        std::process::exit(1);
    }
}
