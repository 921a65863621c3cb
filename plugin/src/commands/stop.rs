//! `stop`: ends the capture in every sniffer (`sniffer stop`, files closed) and marks the pods
//! stopped. The sniffers keep running idle, so `export` still works.

use crate::captures::{self, SnifferView};
use crate::cli::NameArgs;
use crate::err;
use crate::error::{Error, Result};
use crate::exec;
use crate::kube_ctx::Ctx;
use crate::labels::STATE_ANNOTATION;
use crate::progress::Reporter;
use futures::{stream, StreamExt};
use k8s_openapi::api::core::v1::Pod;
use kube::api::{Api, Patch, PatchParams};

/// Stops `sniffers` (skipping those already stopped or not running); returns how many failed.
pub async fn stop_sniffers(
    ctx: &Ctx,
    namespace: &str,
    sniffers: &[SnifferView],
    rep: &Reporter,
) -> usize {
    let pods: Api<Pod> = Api::namespaced(ctx.client.clone(), namespace);
    let todo: Vec<&SnifferView> = sniffers
        .iter()
        .filter(|s| !s.stopped && s.is_running())
        .collect();
    let results: Vec<Result<()>> = stream::iter(todo)
        .map(|s| {
            let pods = pods.clone();
            async move {
                exec::stop(&pods, &s.name, &s.output).await?;
                let patch = serde_json::json!({ "metadata": { "annotations": { STATE_ANNOTATION: "stopped" } } });
                pods.patch(&s.name, &PatchParams::default(), &Patch::Merge(&patch))
                    .await
                    .map_err(|e| Error::from(e).context(format!("stopped {}, but cannot mark it", s.name)))?;
                rep.line(format!("{} stopped", s.name));
                Ok(())
            }
        })
        .buffer_unordered(ctx.concurrency)
        .collect()
        .await;
    let mut failed = 0;
    for r in results {
        if let Err(e) = r {
            rep.warn(e.message);
            failed += 1;
        }
    }
    failed
}

pub async fn run(ctx: &Ctx, args: NameArgs) -> Result<()> {
    let rep = Reporter::new(false);
    let namespace = ctx.namespace_or_default(args.namespace.as_deref());
    let view = captures::get(&ctx.client, &namespace, &args.name).await?;
    for s in view.sniffers.iter().filter(|s| !s.is_running()) {
        rep.warn(format!(
            "{} is {}: nothing to stop there",
            s.name,
            s.status()
        ));
    }
    if view.sniffers.iter().all(|s| s.stopped || !s.is_running()) {
        rep.line(format!("Capture {} is already stopped.", args.name));
        return Ok(());
    }
    let failed = stop_sniffers(ctx, &namespace, &view.sniffers, &rep).await;
    if failed > 0 {
        return Err(err!("{failed} sniffers of capture {} could not be stopped (see above); run stop again, or delete the capture", args.name));
    }
    rep.line(format!(
        "Capture {} stopped; export it with `kubectl dumpy export {} DIR`.",
        args.name, args.name
    ));
    Ok(())
}
