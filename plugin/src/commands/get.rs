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
use std::io::Write;
use std::time::Duration;

fn print(s: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(s.as_bytes())?;
    out.flush()?;
    Ok(())
}

/// Asks running sniffers for their status, concurrently and briefly (`all`: every running
/// one, for the detail view's figures; else those whose pod alone cannot say their state,
/// Running but not Ready: starting, or ended and lingering). A sniffer that does not answer
/// in time keeps the state its pod shows.
pub async fn add_status(ctx: &Ctx, view: &mut CaptureView, all: bool) {
    let pods: Api<Pod> = Api::namespaced(ctx.client.clone(), &view.namespace);
    let asks = view
        .sniffers
        .iter()
        .enumerate()
        .filter(|(_, s)| {
            if all {
                s.is_running()
            } else {
                s.needs_status()
            }
        })
        .map(|(i, s)| {
            let pods = pods.clone();
            let (name, output) = (s.name.clone(), s.output.clone());
            async move {
                let st = tokio::time::timeout(
                    Duration::from_secs(5),
                    exec::status(&pods, &name, &output),
                )
                .await;
                (i, st.ok().and_then(|r| r.ok()))
            }
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

pub async fn run(ctx: &Ctx, args: GetArgs) -> Result<()> {
    let namespace = ctx.namespace_or_default(args.namespace.as_deref());
    if let Some(name) = &args.name {
        let mut view = captures::get(&ctx.client, &namespace, name).await?;
        add_status(ctx, &mut view, true).await;
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
        add_status(ctx, v, false).await;
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
