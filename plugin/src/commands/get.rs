//! `get`: the captures table, or one capture's detail view; JSON and YAML for scripts.

use crate::captures::{self, CaptureView};
use crate::cli::GetArgs;
use crate::error::Result;
use crate::exec;
use crate::kube_ctx::Ctx;
use crate::output::{self, Format};
use futures::{stream, StreamExt};
use k8s_openapi::api::core::v1::Pod;
use k8s_openapi::chrono::Utc;
use kube::api::Api;
use sniffer_contract::status::Status;
use std::io::Write;
use std::time::Duration;

fn print(s: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(s.as_bytes())?;
    out.flush()?;
    Ok(())
}

/// Asks every running sniffer for its status, concurrently and briefly: its state when the
/// pod alone cannot say it (Running but not Ready: starting, or ended and lingering), and
/// the live figures (packets, files) of every view (table, detail, JSON, YAML), which must be
/// those of the moment. A sniffer that does not answer in time keeps the state its pod shows.
pub async fn add_status(ctx: &Ctx, view: &mut CaptureView) {
    let pods: Api<Pod> = Api::namespaced(ctx.client.clone(), &view.namespace);
    let asks = view
        .sniffers
        .iter()
        .enumerate()
        .filter(|(_, s)| s.is_running())
        .map(|(i, s)| {
            let pods = pods.clone();
            let (name, output) = (s.name.clone(), s.output.clone());
            async move { (i, ask(&pods, &name, &output).await) }
        });
    let answers: Vec<_> = stream::iter(asks)
        .buffer_unordered(ctx.concurrency)
        .collect()
        .await;
    for (i, st) in answers {
        if let Some(st) = st {
            view.sniffers[i].set_status(&st);
        }
    }
    view.summarize();
}

/// One sniffer's status within 5 s. A failed answer (an exec that broke or came back empty
/// on a busy node) is asked once more in what is left of the time: one bad exec must not
/// hide a capturing sniffer's figures.
async fn ask(pods: &Api<Pod>, name: &str, output: &str) -> Option<Status> {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    for attempt in 1..=2 {
        match tokio::time::timeout_at(deadline, exec::status(pods, name, output)).await {
            Ok(Ok(st)) => return Some(st),
            Ok(Err(e)) => tracing::debug!(sniffer = name, attempt, "no status: {e}"),
            Err(_) => {
                tracing::debug!(sniffer = name, "no status within 5 s");
                return None;
            }
        }
    }
    None
}

pub async fn run(ctx: &Ctx, args: GetArgs) -> Result<()> {
    let namespace = ctx.namespace_or_default(args.namespace.as_deref());
    if let Some(name) = &args.name {
        let mut view = captures::get(&ctx.client, &namespace, name).await?;
        add_status(ctx, &mut view).await;
        return match args.output {
            Some(Format::Json) => print(&output::json(&view)?),
            Some(Format::Yaml) => print(&output::yaml(&view)?),
            None | Some(Format::Wide) => {
                eprintln!("Getting capture details..\n");
                print(&output::detail(&view))
            }
        };
    }
    let scope = (!args.all_namespaces).then_some(namespace.as_str());
    let mut views = captures::list(&ctx.client, scope).await?;
    for v in &mut views {
        add_status(ctx, v).await;
    }
    match args.output {
        Some(Format::Json) => print(&output::json(&views)?),
        Some(Format::Yaml) => print(&output::yaml(&views)?),
        wide => {
            if views.is_empty() {
                match scope {
                    Some(ns) => eprintln!("No captures found in namespace {ns}."),
                    None => eprintln!("No captures found."),
                }
                return Ok(());
            }
            print(&output::table(
                &views,
                wide == Some(Format::Wide),
                Utc::now(),
            ))
        }
    }
}
