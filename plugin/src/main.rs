//! `kubectl-dumpy`: a kubectl plugin that captures pod and node traffic with native sniffers.
//!
//! Output contract (for people and for the end-to-end tests): results go to stdout, errors
//! to stderr as one `error: …` line; exit 0 on success, 1 on failure, 2 on bad usage (clap,
//! and names that are not Kubernetes names), 130 after Ctrl-C.

mod access;
mod captures;
mod cli;
mod commands;
mod completion;
mod deadline;
mod error;
mod exec;
mod image;
mod kube_ctx;
mod labels;
mod libpcap;
mod linemerge;
mod merge;
mod names;
mod output;
mod podsecurity;
mod podspec;
mod progress;
mod quantity;
mod spec;
mod target;

use clap::Parser;
use cli::{Cli, Command};
use error::Result;

async fn run(cli: Cli) -> Result<()> {
    // Names become request paths and selectors: a bad one is a usage error (exit 2), found
    // before anything else.
    names::usage_all(&cli.command.names())?;
    // Commands that need no cluster.
    match &cli.command {
        Command::Completion { shell } => {
            return write_stdout(&completion::script(*shell)?);
        }
        Command::Version => {
            let text = format!(
                "kubectl-dumpy {}\nsniffer image: {}\n",
                env!("CARGO_PKG_VERSION"),
                cli::DEFAULT_IMAGE
            );
            return write_stdout(text.as_bytes());
        }
        // Bad input is reported before any cluster is contacted.
        Command::Capture(a) => commands::capture::precheck(a)?,
        Command::Restart(a) => commands::restart::precheck(a)?,
        Command::Export(a) => commands::export::precheck(a)?,
        _ => {}
    }
    let ctx = kube_ctx::connect(&cli.global).await?;
    match cli.command {
        Command::Capture(a) => commands::capture::run(&ctx, a).await,
        Command::Get(a) => commands::get::run(&ctx, a).await,
        Command::Export(a) => commands::export::run(&ctx, a).await,
        Command::Logs(a) => commands::logs::run(&ctx, a).await,
        Command::Stop(a) => commands::stop::run(&ctx, a).await,
        Command::Restart(a) => commands::restart::run(&ctx, a).await,
        Command::Delete(a) => commands::delete::run(&ctx, a).await,
        Command::Completion { .. } | Command::Version => unreachable!("handled above"),
    }
}

/// Writes to stdout; a closed pipe (`| head`) is not an error.
fn write_stdout(bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}

fn main() {
    // `kubectl_complete-dumpy`, `__complete` and the shell scripts' call-backs end here.
    completion::run_if_requested();
    let cli = Cli::parse();
    let filter = tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| {
        tracing_subscriber::EnvFilter::new(if cli.global.verbose {
            "kubectl_dumpy=debug,kube=debug,kube_client=debug"
        } else {
            "off"
        })
    });
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .init();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(4)
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            std::process::exit(error::EXIT_FAILURE);
        }
    };
    if let Err(e) = runtime.block_on(run(cli)) {
        eprintln!("error: {e}");
        std::process::exit(e.code);
    }
}
