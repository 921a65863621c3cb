//! `restart`: new sniffers (a new generation) for the target's current pods. The earlier
//! sniffers are stopped, not deleted, so their files stay exportable. If the new ones fail,
//! they are removed and the earlier ones keep capturing.

use super::capture::{
    apply_flags, check_pvc, check_quantity_flags, check_resources, resolve_targets, validate_filter,
};
use super::deploy;
use super::stop::stop_sniffers;
use crate::captures;
use crate::cli::RestartArgs;
use crate::error::Result;
use crate::kube_ctx::Ctx;
use crate::progress::Reporter;
use crate::{err, podsecurity};

/// Checks a new filter and the quantities given before any cluster is contacted.
pub fn precheck(args: &RestartArgs) -> Result<()> {
    check_quantity_flags(&args.sniffer)?;
    args.filter.as_deref().map_or(Ok(()), validate_filter)
}

pub async fn run(ctx: &Ctx, args: RestartArgs) -> Result<()> {
    let rep = Reporter::new(false);
    let namespace = ctx.namespace_or_default(args.namespace.as_deref());
    let view = captures::get(&ctx.client, &namespace, &args.name).await?;
    let mut capture = view.spec.clone().ok_or_else(|| {
        err!(
            "capture {:?} has no readable spec annotation: delete it and capture again",
            args.name
        )
    })?;
    crate::names::check_spec(&capture).map_err(|e| {
        err!(
            "capture {:?} has a spec annotation whose {e}; delete the capture and capture again",
            args.name
        )
    })?;
    if let Some(f) = &args.filter {
        validate_filter(f)?;
        capture.tcpdump_args = f.clone();
    }
    apply_flags(&mut capture, &args.sniffer);
    // A new request against the capture's old limit (or the reverse) is checked here,
    // before anything is created.
    check_resources(&capture)?;
    rep.line("Getting target resource info..");
    crate::access::check_capture(ctx, &capture, false, &rep).await?;
    let policy = podsecurity::read_policy(&ctx.client, &namespace, &rep).await?;
    let targets = resolve_targets(ctx, &capture, &rep).await?;
    check_pvc(ctx, &capture, &targets).await?;
    let generation = view.generation + 1;
    let plan = deploy::plan(&capture, targets, generation);
    podsecurity::check_plan(&namespace, policy.as_ref(), &plan, false, &rep)?;
    deploy::deploy(ctx, &capture, plan, generation, args.sniffer.wait, &rep).await?;
    let earlier: Vec<_> = view
        .sniffers
        .iter()
        .filter(|s| s.generation < generation)
        .cloned()
        .collect();
    let failed = stop_sniffers(ctx, &namespace, &earlier, &rep).await;
    if failed > 0 {
        rep.warn(format!(
            "{failed} earlier sniffers could not be stopped; `kubectl dumpy stop {}` retries",
            args.name
        ));
    }
    rep.line(format!(
        "Capture {} restarted (generation {generation}); earlier files stay exportable.",
        args.name
    ));
    Ok(())
}
