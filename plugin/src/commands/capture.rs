//! `capture`: checks everything, then deploys one sniffer per target pod (or one for a node).

use super::deploy;
use crate::cli::{CaptureArgs, Setting, SnifferFlags};
use crate::error::{is_not_found, Error, Result};
use crate::kube_ctx::Ctx;
use crate::labels::{capture_selector, check_new_capture_name, generate_capture_name};
use crate::progress::Reporter;
use crate::spec::{CaptureSpec, Limits, Resources, SnifferTarget, TargetKind, TargetSpec};
use crate::{err, image, podsecurity, quantity, target};
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
    if args.list_datalinks || args.list_tstamp_types {
        let opt = if args.list_datalinks { "-L" } else { "-J" };
        return Err(bad(&format!(
            "{opt} lists the interface's types and exits, so no capture would run; remove it"
        )));
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

/// Applies the sniffer flags to a spec; for `restart`, only the flags given change it, and
/// `default` puts dumpy's default back.
pub fn apply_flags(spec: &mut CaptureSpec, flags: &SnifferFlags) {
    fn set<T: Clone>(field: &mut T, flag: &Option<Setting<T>>, default: T) {
        match flag {
            Some(Setting::Value(v)) => *field = v.clone(),
            Some(Setting::Default) => *field = default,
            None => {}
        }
    }
    let l = &mut spec.limits;
    match flags.duration {
        Some(Setting::Value(secs)) => l.rotate_seconds = Some(secs),
        Some(Setting::Default) => l.rotate_seconds = None,
        None => {}
    }
    set(
        &mut l.max_file_size_mb,
        &flags.max_file_size,
        DEFAULT_MAX_FILE_SIZE_MB,
    );
    set(&mut l.max_files, &flags.max_files, DEFAULT_MAX_FILES);
    if flags.privileged {
        spec.privileged = true;
    }
    if let Some(s) = &flags.runtime_socket {
        spec.runtime_socket = Some(s.clone());
    }
    let (cpu_request, cpu_limit, memory_request, memory_limit) = DEFAULT_RESOURCES;
    let r = &mut spec.resources;
    set(&mut r.cpu_request, &flags.cpu_request, cpu_request.into());
    set(&mut r.cpu_limit, &flags.cpu_limit, cpu_limit.into());
    set(
        &mut r.memory_request,
        &flags.memory_request,
        memory_request.into(),
    );
    set(
        &mut r.memory_limit,
        &flags.memory_limit,
        memory_limit.into(),
    );
}

/// Checks each quantity given on the command line (before `restart` reads the capture's
/// own, which its requests and limits are then compared with).
pub fn check_quantity_flags(flags: &SnifferFlags) -> Result<()> {
    for (flag, value) in [
        ("cpu-request", &flags.cpu_request),
        ("cpu-limit", &flags.cpu_limit),
        ("memory-request", &flags.memory_request),
        ("memory-limit", &flags.memory_limit),
    ] {
        if let Some(Setting::Value(q)) = value {
            quantity::parse(q).map_err(|e| Error::usage(format!("--{flag} {e}")))?;
        }
    }
    Ok(())
}

/// Checks what the sniffer flags made of a spec: quantities parse, requests are at most
/// their limits (a usage error: the command line alone decides it).
pub fn check_resources(spec: &CaptureSpec) -> Result<()> {
    quantity::check_resources(&spec.resources).map_err(Error::usage)
}

/// What the positional arguments and -l name. Every error is a usage error (exit 2): the
/// command line alone is wrong.
pub fn target_spec(args: &CaptureArgs, target_namespace: &str) -> Result<TargetSpec> {
    let usage = |m: &str| Err(Error::usage(m));
    if let Some(sel) = &args.selector {
        if sel.split(',').all(|term| term.trim().is_empty()) {
            return usage(&format!("-l {sel:?} selects every pod of the namespace: name the pods to capture, e.g. -l app=web"));
        }
    }
    let (kind, name) = match (args.kind, args.name.clone(), &args.selector) {
        (Some(TargetKind::Node), Some(n), None) => (TargetKind::Node, n),
        (Some(TargetKind::Node), _, Some(_)) => return usage("-l selects pods, not nodes: capture one node with `capture node NAME`"),
        (Some(k), Some(n), _) => (k, n),
        (None | Some(TargetKind::Pod), None, Some(_)) => (TargetKind::Pod, String::new()),
        (Some(k), None, None) => return usage(&format!("capture {k} needs a NAME: kubectl dumpy capture {k} NAME")),
        (Some(k), None, Some(_)) => return usage(&format!("capture {k} -l needs a NAME, or drop {k} to capture every pod matching -l")),
        (None, _, None) => {
            return usage("what to capture? kubectl dumpy capture <pod|deployment|replicaset|daemonset|statefulset|node> NAME, or -l SELECTOR")
        }
        (None, Some(n), Some(_)) => return usage(&format!("unexpected NAME {n:?} with -l: name a kind first, e.g. capture deploy {n} -l ...")),
    };
    if kind == TargetKind::Node && args.container.is_some() {
        return usage("-c names a container, but a node capture sniffs the host network: drop -c");
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
    let mut targets = target::resolve(&ctx.client, &capture.target, &mut skipped).await?;
    for s in skipped {
        rep.warn(format!("skipping {s}"));
    }
    // With --runtime-socket the nodes' runtimes decide nothing for containerd containers;
    // they are still read, so CRI-O containers get no socket.
    for w in target::assign_runtimes(&ctx.client, &mut targets).await {
        if capture.runtime_socket.is_none() {
            rep.warn(w);
        }
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

/// The capture the command line asks for, after every check that needs no cluster: the
/// target's form, the capture name, the image reference, the limits and resources, and the
/// filter. `precheck` runs it before the cluster is contacted, `run` with the namespaces.
pub fn spec_from_args(
    args: &CaptureArgs,
    namespace: &str,
    target_namespace: &str,
) -> Result<CaptureSpec> {
    let target = target_spec(args, target_namespace)?;
    let name = match &args.capture_name {
        Some(n) => {
            check_new_capture_name(n).map_err(Error::usage)?;
            n.clone()
        }
        None => generate_capture_name(),
    };
    image::check(&args.image).map_err(|e| Error::usage(format!("-i: {e}")))?;
    let (cpu_request, cpu_limit, memory_request, memory_limit) = DEFAULT_RESOURCES;
    let mut capture = CaptureSpec {
        name,
        namespace: namespace.to_string(),
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
        // Picked per node from its runtime unless --runtime-socket says.
        runtime_socket: None,
    };
    apply_flags(&mut capture, &args.sniffer);
    check_resources(&capture)?;
    validate_filter(&args.filter)?;
    Ok(capture)
}

/// Checks the arguments that need no cluster.
pub fn precheck(args: &CaptureArgs) -> Result<()> {
    spec_from_args(args, "", "").map(drop)
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
    let capture = spec_from_args(&args, &namespace, &target_namespace)?;

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
    if capture.target.kind != TargetKind::Node && target_namespace != namespace {
        target::check_namespace(&ctx.client, &target_namespace).await?;
    }
    let targets = resolve_targets(ctx, &capture, &rep).await?;
    check_pvc(ctx, &capture, &targets).await?;
    let plan = deploy::plan(&capture, targets, 1);
    podsecurity::check_plan(&namespace, policy.as_ref(), &plan, args.dry_run, &rep)?;
    if args.dry_run {
        // Which runtime and socket each sniffer uses (the YAML shows only the mount).
        for (_, s) in &plan {
            if let Some(note) = s.runtime_note() {
                rep.line(format!("{} on {}: {note}", s.target.pod, s.target.node));
            }
        }
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
        // The printing options and -y/-j are the sniffer's; -L/-J would end the capture.
        validate_filter("-i any -nn -XX -S -# --time-stamp-precision=nano -y LINUX_SLL port 80")
            .unwrap();
        let e = validate_filter("-i any -A -I").unwrap_err();
        assert!(e.message.contains("accepted: -i IFACE"), "{e}");
        for f in ["-L", "-i eth0 -J"] {
            let e = validate_filter(f).unwrap_err();
            assert!(e.message.contains("no capture would run"), "{f}: {e}");
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

    fn restart_flags(argv: &[&str]) -> SnifferFlags {
        let mut full = vec!["kubectl-dumpy", "restart", "cap"];
        full.extend_from_slice(argv);
        match Cli::try_parse_from(full).unwrap().command {
            Command::Restart(a) => a.sniffer,
            _ => unreachable!(),
        }
    }

    /// `restart` changes what is given, clears what is given as `default`, keeps the rest.
    #[test]
    fn restart_changes_or_clears_limits_and_resources() {
        let mut spec = crate::spec::fixtures::capture_spec();
        apply_flags(
            &mut spec,
            &restart_flags(&[
                "--duration",
                "1m",
                "--max-file-size",
                "5",
                "--max-files",
                "3",
                "--cpu-limit",
                "2",
                "--memory-request",
                "128Mi",
            ]),
        );
        assert_eq!(
            spec.limits,
            Limits {
                max_file_size_mb: 5,
                max_files: 3,
                rotate_seconds: Some(60)
            }
        );
        assert_eq!(
            (
                spec.resources.cpu_limit.as_str(),
                spec.resources.memory_request.as_str()
            ),
            ("2", "128Mi")
        );
        apply_flags(&mut spec, &restart_flags(&["--max-files", "7"]));
        assert_eq!(
            (spec.limits.max_files, spec.limits.rotate_seconds),
            (7, Some(60))
        );
        apply_flags(
            &mut spec,
            &restart_flags(&[
                "--duration",
                "default",
                "--max-file-size",
                "default",
                "--max-files",
                "default",
                "--cpu-limit",
                "default",
                "--memory-request",
                "default",
            ]),
        );
        assert_eq!(spec.limits, crate::spec::fixtures::capture_spec().limits);
        assert_eq!(
            spec.resources,
            crate::spec::fixtures::capture_spec().resources
        );
        // A new request is compared with the capture's own limit.
        let mut spec = crate::spec::fixtures::capture_spec();
        apply_flags(&mut spec, &restart_flags(&["--memory-request", "1Gi"]));
        let e = check_resources(&spec).unwrap_err();
        assert_eq!(e.code, crate::error::EXIT_USAGE);
        assert!(e.message.contains("above --memory-limit 256Mi"), "{e}");
    }

    #[test]
    fn durations_must_be_whole_positive_seconds() {
        let parse = |d: &str| {
            let flag = format!("--duration={d}");
            Cli::try_parse_from(["kubectl-dumpy", "capture", "pod", "p", flag.as_str()]).map(|c| {
                match c.command {
                    Command::Capture(a) => a.sniffer.duration,
                    _ => unreachable!(),
                }
            })
        };
        assert_eq!(parse("90s").unwrap(), Some(Setting::Value(90)));
        assert_eq!(parse("1h").unwrap(), Some(Setting::Value(3600)));
        assert_eq!(parse("default").unwrap(), Some(Setting::Default));
        for bad in ["0", "0s", "0m", "-5s", "-0", "1500ms", "500ms"] {
            let e = parse(bad).unwrap_err();
            assert_eq!(e.exit_code(), 2, "{bad}");
            assert!(e.to_string().contains("--duration"), "{bad}: {e}");
        }
    }

    #[test]
    fn the_command_line_alone_is_checked_before_the_cluster() {
        let usage = |argv: &[&str], needle: &str| {
            let e = precheck(&args(argv)).unwrap_err();
            assert_eq!(e.code, crate::error::EXIT_USAGE, "{argv:?}: {e}");
            assert!(e.message.contains(needle), "{argv:?}: {e}");
            assert!(!e.message.contains('\n'));
        };
        usage(&["-l", ""], "selects every pod");
        usage(&["-l", " , "], "selects every pod");
        usage(&["pod"], "needs a NAME");
        usage(&[], "what to capture");
        usage(
            &["pod", "p", "--cpu-limit", "abc"],
            "--cpu-limit \"abc\" is not a Kubernetes quantity",
        );
        usage(
            &["pod", "p", "--memory-request", "1Gi"],
            "above --memory-limit 256Mi",
        );
        usage(
            &["pod", "p", "-i", "Dumpy/Sniffer:1"],
            "not a valid image reference",
        );
        usage(&["pod", "p", "--name", &"c".repeat(47)], "at most 46");
        precheck(&args(&[
            "pod",
            "p",
            "--cpu-request",
            "1",
            "--cpu-limit",
            "1",
        ]))
        .unwrap();
        precheck(&args(&["-l", "app=web", "--name", &"c".repeat(46)])).unwrap();
    }
}
