//! `delete`: removes a capture's sniffers with the pod's grace period, so each sniffer gets
//! SIGTERM and closes its files before it goes.

use crate::captures;
use crate::cli::DeleteArgs;
use crate::err;
use crate::error::{is_not_found, Error, Result};
use crate::kube_ctx::Ctx;
use crate::labels::capture_selector;
use crate::podspec::TERMINATION_GRACE_SECONDS;
use crate::progress::Reporter;
use futures::{stream, StreamExt};
use k8s_openapi::api::core::v1::Pod;
use kube::api::{Api, DeleteParams, ListParams};
use std::time::{Duration, Instant};

pub async fn run(ctx: &Ctx, args: DeleteArgs) -> Result<()> {
    let rep = Reporter::new(false);
    let namespace = ctx.namespace_or_default(args.namespace.as_deref());
    let view = captures::get(&ctx.client, &namespace, &args.name).await?;
    let pods: Api<Pod> = Api::namespaced(ctx.client.clone(), &namespace);
    let results: Vec<Result<()>> = stream::iter(view.sniffers.iter())
        .map(|s| {
            let pods = pods.clone();
            async move {
                match pods.delete(&s.name, &DeleteParams::default()).await {
                    Ok(_) => Ok(()),
                    Err(e) if is_not_found(&e) => Ok(()),
                    Err(e) => Err(Error::from(e).context(format!("cannot delete {}", s.name))),
                }
            }
        })
        .buffer_unordered(ctx.concurrency)
        .collect()
        .await;
    results.into_iter().collect::<Result<Vec<()>>>()?;
    if !args.no_wait {
        // Wait for the sniffers to close their files and go, a little longer than their grace.
        let deadline = Instant::now() + Duration::from_secs(TERMINATION_GRACE_SECONDS as u64 + 15);
        loop {
            let left = pods
                .list(&ListParams::default().labels(&capture_selector(&args.name)))
                .await?
                .items
                .len();
            if left == 0 {
                break;
            }
            if Instant::now() >= deadline {
                return Err(err!("{left} sniffers of capture {} are still terminating; check with kubectl get pods -n {namespace}", args.name));
            }
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    }
    rep.line(format!("Capture {} deleted.", args.name));
    Ok(())
}
