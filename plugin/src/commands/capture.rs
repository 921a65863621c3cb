//! `capture`: checks everything, then deploys one sniffer per target pod (or one for a node).

use super::deploy;
use crate::cli::{CaptureArgs, SnifferFlags};
use crate::error::{is_not_found, Error, Result};
use crate::kube_ctx::Ctx;
use crate::labels::{capture_selector, check_capture_name, generate_capture_name};
use crate::progress::Reporter;
use crate::spec::{CaptureSpec, Limits, Resources, SnifferTarget, TargetKind, TargetSpec};
use crate::{err, podsecurity, target};
use k8s_openapi::api::core::v1::{PersistentVolumeClaim, Pod};
use kube::api::{Api, ListParams};
use std::collections::HashSet;

/// 100 MB files, 10 at most: a sniffer never holds more than 1 GB, whatever the traffic, so
/// a forgotten capture cannot fill a node's disk (emptyDir) or a shared PVC.
pub const DEFAULT_MAX_FILE_SIZE_MB: u64 = 100;
pub const DEFAULT_MAX_FILES: u32 = 10;
/// Room for libpcap's ring (2 MiB+), the write buffer and concurrent `export` execs.
pub const DEFAULT_RESOURCES: (&str, &str, &str, &str) = ("100m", "1", "64Mi", "256Mi");

/// Checks a `-f` string exactly as the sniffer will parse it, and compiles its filter with
/// libpcap. Output and rotation options belong to dumpy's own flags.
pub fn validate_filter(f: &str) -> Result<()> {
    let bad = |e: &dyn std::fmt::Display| err!("invalid -f {f:?}: {e}");
    // The sniffer's own parser, so combined short options (`-nw FILE`) are seen as it sees them.
    let args = sniffer_contract::options::parse_tcpdump_words(f).map_err(|e| bad(&e))?;
    if args.write.is_some() || args.read.is_some() {
        let opt = if args.write.is_some() { "-w" } else { "-r" };
        return Err(bad(&format!("dumpy chooses the output files itself; remove {opt} (use `kubectl dumpy export` to get the files)")));
    }
    for (given, opt) in [
        (args.file_size_mb.is_some(), "-C"),
        (args.file_count.is_some(), "-W"),
        (args.rotate_seconds.is_some(), "-G"),
    ] {
        if given {
            return Err(bad(&format!(
                "remove {opt} and use --max-file-size (-C), --max-files (-W) or --duration (-G)"
            )));
        }
    }
    args.validate().map_err(|e| bad(&e))?;
    check_filter_expression(&args)
}

/// Compiles the filter with the installed libpcap, loaded at run time; where there is none
/// the sniffer compiles it when it starts and reports libpcap's message as its pod's
/// failure reason.
fn check_filter_expression(args: &sniffer_contract::options::TcpdumpArgs) -> Result<()> {
    match crate::libpcap::check(&args.filter_expression(), &args.interface) {
        Some(checked) => checked.map_err(|e| err!("{e}; fix the filter given with -f")),
        None => Ok(()),
    }
}

/// Applies the sniffer flags to a spec; for `restart`, only the flags given change it.
pub fn apply_flags(spec: &mut CaptureSpec, flags: &SnifferFlags) {
    if let Some(d) = flags.duration {
        spec.limits.rotate_seconds = Some(d.as_secs().max(1));
    }
    if let Some(c) = flags.max_file_size {
        spec.limits.max_file_size_mb = c;
    }
    if let Some(w) = flags.max_files {
        spec.limits.max_files = w;
    }
    if flags.privileged {
        spec.privileged = true;
    }
    if let Some(s) = &flags.runtime_socket {
        spec.runtime_socket = s.clone();
    }
    let r = &mut spec.resources;
    for (flag, field) in [
        (&flags.cpu_request, &mut r.cpu_request),
        (&flags.cpu_limit, &mut r.cpu_limit),
        (&flags.memory_request, &mut r.memory_request),
        (&flags.memory_limit, &mut r.memory_limit),
    ] {
        if let Some(v) = flag {
            *field = v.clone();
        }
    }
}

/// What the positional arguments and -l name.
pub fn target_spec(args: &CaptureArgs, target_namespace: &str) -> Result<TargetSpec> {
    let (kind, name) = match (args.kind, args.name.clone(), &args.selector) {
        (Some(TargetKind::Node), Some(n), None) => (TargetKind::Node, n),
        (Some(TargetKind::Node), _, Some(_)) => return Err(err!("-l selects pods, not nodes: capture one node with `capture node NAME`")),
        (Some(k), Some(n), _) => (k, n),
        (None | Some(TargetKind::Pod), None, Some(_)) => (TargetKind::Pod, String::new()),
        (Some(k), None, None) => return Err(err!("capture {k} needs a NAME: kubectl dumpy capture {k} NAME")),
        (Some(k), None, Some(_)) => return Err(err!("capture {k} -l needs a NAME, or drop {k} to capture every pod matching -l")),
        (None, _, None) => {
            return Err(err!("what to capture? kubectl dumpy capture <pod|deployment|replicaset|daemonset|statefulset|node> NAME, or -l SELECTOR"))
        }
        (None, Some(n), Some(_)) => return Err(err!("unexpected NAME {n:?} with -l: name a kind first, e.g. capture deploy {n} -l ...")),
    };
    if kind == TargetKind::Node && args.container.is_some() {
        return Err(err!(
            "-c names a container, but a node capture sniffs the host network: drop -c"
        ));
    }
    Ok(TargetSpec {
        kind,
        name,
        namespace: if kind == TargetKind::Node {
            String::new()
        } else {
            target_namespace.to_string()
        },
        selector: args.selector.clone(),
        container: args.container.clone(),
    })
}

/// Resolves the targets of `capture` (printing skipped pods as warnings).
pub async fn resolve_targets(
    ctx: &Ctx,
    capture: &CaptureSpec,
    rep: &Reporter,
) -> Result<Vec<SnifferTarget>> {
    if capture.target.kind == TargetKind::Node {
        return Ok(vec![
            target::resolve_node(&ctx.client, &capture.target.name).await?,
        ]);
    }
    let mut skipped = Vec::new();
    let targets = target::resolve(&ctx.client, &capture.target, &mut skipped).await?;
    for s in skipped {
        rep.warn(format!("skipping {s}"));
    }
    Ok(targets)
}

/// The PVC exists, and can be shared when sniffers run on several nodes.
pub async fn check_pvc(ctx: &Ctx, capture: &CaptureSpec, targets: &[SnifferTarget]) -> Result<()> {
    let Some(claim) = &capture.pvc else {
        return Ok(());
    };
    let api: Api<PersistentVolumeClaim> = Api::namespaced(ctx.client.clone(), &capture.namespace);
    let pvc = api.get(claim).await.map_err(|e| {
        if is_not_found(&e) {
            err!("PVC {claim:?} not found in namespace {:?}: create it there first, or omit -v to write to an emptyDir", capture.namespace)
        } else {
            e.into()
        }
    })?;
    let nodes: HashSet<&str> = targets.iter().map(|t| t.node.as_str()).collect();
    let modes = pvc.spec.and_then(|s| s.access_modes).unwrap_or_default();
    if nodes.len() > 1 && !modes.iter().any(|m| m == "ReadWriteMany") {
        return Err(err!(
            "PVC {claim:?} is {} but the sniffers run on {} nodes: use a ReadWriteMany PVC, or omit -v",
            if modes.is_empty() { "not shareable".to_string() } else { modes.join(",") },
            nodes.len()
        ));
    }
    Ok(())
}

/// Checks the arguments that need no cluster: target form, capture name, filter.
pub fn precheck(args: &CaptureArgs) -> Result<()> {
    target_spec(args, "")?;
    if let Some(n) = &args.capture_name {
        check_capture_name(n).map_err(Error::new)?;
    }
    validate_filter(&args.filter)
}

/// `--dry-run`: the pods that would be created, as a YAML stream (for review or `kubectl apply`).
fn print_pods(plan: &[(String, crate::spec::SnifferSpec)]) -> Result<()> {
    use std::io::Write;
    let mut out = String::new();
    for (name, spec) in plan {
        let mut pod = serde_json::to_value(crate::podspec::sniffer_pod(spec, name))
            .map_err(|e| err!("{e}"))?;
        pod["apiVersion"] = "v1".into();
        pod["kind"] = "Pod".into();
        out.push_str("---\n");
        out.push_str(&crate::output::yaml(&pod)?);
    }
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(out.as_bytes())?;
    Ok(())
}

pub async fn run(ctx: &Ctx, args: CaptureArgs) -> Result<()> {
    // With --dry-run stdout carries the YAML, so progress lines go to stderr.
    let rep = Reporter::new(args.dry_run);
    let namespace = ctx.namespace_or_default(args.namespace.as_deref());
    let target_namespace = args
        .target_namespace
        .clone()
        .unwrap_or_else(|| namespace.clone());
    let target = target_spec(&args, &target_namespace)?;
    let name = match &args.capture_name {
        Some(n) => {
            check_capture_name(n).map_err(Error::new)?;
            n.clone()
        }
        None => generate_capture_name(),
    };
    validate_filter(&args.filter)?;
    let (cpu_request, cpu_limit, memory_request, memory_limit) = DEFAULT_RESOURCES;
    let mut capture = CaptureSpec {
        name,
        namespace: namespace.clone(),
        target,
        tcpdump_args: args.filter.clone(),
        image: args.image.clone(),
        pull_secret: args.pull_secret.clone(),
        pvc: args.pvc.clone(),
        limits: Limits {
            max_file_size_mb: DEFAULT_MAX_FILE_SIZE_MB,
            max_files: DEFAULT_MAX_FILES,
            rotate_seconds: None,
        },
        resources: Resources {
            cpu_request: cpu_request.into(),
            cpu_limit: cpu_limit.into(),
            memory_request: memory_request.into(),
            memory_limit: memory_limit.into(),
        },
        privileged: false,
        // containerd's default; k3s and others are set with --runtime-socket.
        runtime_socket: sniffer_contract::runtime::DEFAULT_SOCKET.into(),
    };
    apply_flags(&mut capture, &args.sniffer);

    rep.line("Getting target resource info..");
    crate::access::check_capture(ctx, &capture, args.dry_run, &rep).await?;
    let policy = podsecurity::read_policy(&ctx.client, &namespace, &rep).await?;
    let pods: Api<Pod> = Api::namespaced(ctx.client.clone(), &namespace);
    let taken = pods
        .list(
            &ListParams::default()
                .labels(&capture_selector(&capture.name))
                .limit(1),
        )
        .await?;
    if !taken.items.is_empty() {
        return Err(err!(
            "capture {:?} already exists in namespace {namespace:?}: choose another --name, or `kubectl dumpy delete {}` first",
            capture.name,
            capture.name
        ));
    }
    let targets = resolve_targets(ctx, &capture, &rep).await?;
    check_pvc(ctx, &capture, &targets).await?;
    let plan = deploy::plan(&capture, targets, 1);
    podsecurity::check_plan(&namespace, policy.as_ref(), &plan, args.dry_run, &rep)?;
    if args.dry_run {
        return print_pods(&plan);
    }
    deploy::deploy(ctx, &capture, plan, 1, args.sniffer.wait, &rep).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::{Cli, Command};
    use clap::Parser;

    fn args(argv: &[&str]) -> CaptureArgs {
        let mut full = vec!["kubectl-dumpy", "capture"];
        full.extend_from_slice(argv);
        match Cli::try_parse_from(full).unwrap().command {
            Command::Capture(a) => a,
            _ => unreachable!(),
        }
    }

    #[test]
    fn filters_are_checked_like_the_sniffer_does() {
        validate_filter("-i any").unwrap();
        validate_filter("-nn -i eth0 tcp port 80 and not host 192.0.2.1").unwrap();
        let e = validate_filter("-i any tcp port eighty").unwrap_err();
        assert!(
            e.message.contains("eighty") && e.message.contains("-f"),
            "{e}"
        );
        let e = validate_filter("-i any -w /tmp/x").unwrap_err();
        assert!(e.message.contains("remove -w"), "{e}");
        // Combined short options are read as the sniffer reads them.
        for f in ["-nw /etc/passwd", "-nr /etc/shadow", "-nnw/tmp/x"] {
            let e = validate_filter(f).unwrap_err();
            assert!(e.message.contains("remove -"), "{f}: {e}");
        }
        let e = validate_filter("-C 5").unwrap_err();
        assert!(e.message.contains("--max-file-size"), "{e}");
        let e = validate_filter("-z gzip").unwrap_err();
        assert!(e.message.contains("-z"), "{e}");
        let e = validate_filter("'port 80").unwrap_err();
        assert!(e.message.contains("quotes"), "{e}");
    }

    #[test]
    fn positional_forms() {
        let t = target_spec(&args(&["deploy", "web"]), "shop").unwrap();
        assert_eq!(
            (t.kind, t.name.as_str(), t.namespace.as_str()),
            (TargetKind::Deployment, "web", "shop")
        );
        let t = target_spec(&args(&["-l", "app=web"]), "shop").unwrap();
        assert_eq!(
            (t.kind, t.name.as_str(), t.selector.as_deref()),
            (TargetKind::Pod, "", Some("app=web"))
        );
        let t = target_spec(&args(&["node", "worker-1"]), "shop").unwrap();
        assert_eq!((t.kind, t.namespace.as_str()), (TargetKind::Node, ""));
        for bad in [
            &["deploy"][..],
            &[][..],
            &["node", "n", "-c", "x"][..],
            &["node", "n", "-l", "a=b"][..],
        ] {
            let e = target_spec(&args(bad), "shop").unwrap_err();
            assert!(!e.message.is_empty());
        }
    }

    #[test]
    fn flags_set_limits_and_resources() {
        let a = args(&[
            "pod",
            "p",
            "--duration",
            "10m",
            "--max-file-size",
            "50",
            "--max-files",
            "4",
            "--memory-limit",
            "1Gi",
            "--privileged",
        ]);
        let mut spec = crate::spec::fixtures::capture_spec();
        apply_flags(&mut spec, &a.sniffer);
        assert_eq!(
            spec.limits,
            Limits {
                max_file_size_mb: 50,
                max_files: 4,
                rotate_seconds: Some(600)
            }
        );
        assert_eq!(spec.resources.memory_limit, "1Gi");
        assert_eq!(spec.resources.cpu_limit, "1");
        assert!(spec.privileged);
        // Zero would mean "no limit" to some tools: refused at parse time.
        assert!(
            Cli::try_parse_from(["kubectl-dumpy", "capture", "pod", "p", "--max-files", "0"])
                .is_err()
        );
    }
}
