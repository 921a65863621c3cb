//! Creating sniffers, shared by `capture` and `restart`: create one pod per target, wait
//! until every sniffer is Ready, and on failure or Ctrl-C remove everything created so that
//! no sniffer is ever orphaned.

use crate::err;
use crate::error::{is_not_found, Error, Result};
use crate::kube_ctx::Ctx;
use crate::labels::{capture_selector, file_stem, sniffer_pod_name, GENERATION_KEY};
use crate::podspec::{sniffer_pod, OUTPUT_DIR};
use crate::progress::Reporter;
use crate::spec::{CaptureSpec, SnifferSpec, SnifferTarget, TargetKind};
use futures::{stream, StreamExt};
use k8s_openapi::api::core::v1::Pod;
use kube::api::{Api, DeleteParams, ListParams, PostParams};
use kube::ResourceExt;
use sniffer_contract::status::State;
use std::collections::{BTreeMap, HashSet};
use std::time::{Duration, Instant};
use tokio::sync::watch;

/// Container waiting reasons that will not resolve by themselves.
const HOPELESS: &[&str] = &[
    "ErrImagePull",
    "ImagePullBackOff",
    "InvalidImageName",
    "ErrImageNeverPull",
    "CreateContainerConfigError",
    "CreateContainerError",
    "RunContainerError",
];

/// The sniffer specs (with pod names) for `targets`.
pub fn plan(
    capture: &CaptureSpec,
    targets: Vec<SnifferTarget>,
    generation: u32,
) -> Vec<(String, SnifferSpec)> {
    let names: Vec<String> = targets
        .iter()
        .map(|t| sniffer_pod_name(&capture.name, &t.namespace, &t.pod, generation))
        .collect();
    // Each sniffer carries the whole generation's roster, so `get` can tell 2/3 from 2/2.
    let roster: BTreeMap<String, String> = names
        .iter()
        .cloned()
        .zip(targets.iter().map(|t| t.pod.clone()))
        .collect();
    names
        .into_iter()
        .zip(targets)
        .map(|(name, t)| {
            let stem = file_stem(&capture.name, &t.pod, generation);
            let spec = SnifferSpec {
                capture: capture.clone(),
                target: t,
                generation,
                output: format!("{OUTPUT_DIR}/{stem}.pcapng"),
                sniffers: roster.clone(),
            };
            (name, spec)
        })
        .collect()
}

/// The lines the original printed before creating sniffers.
pub fn describe(capture: &CaptureSpec, plan: &[(String, SnifferSpec)]) -> Vec<String> {
    let mut lines = vec![
        "Dumpy init".to_string(),
        String::new(),
        format!("Capture name: {}", capture.name),
        String::new(),
    ];
    for (_, s) in plan {
        if capture.target.kind == TargetKind::Node {
            lines.push(format!("  NodeName: {}", s.target.node));
        } else {
            let id = s
                .target
                .container_id
                .split_once("://")
                .map_or(s.target.container_id.as_str(), |(_, id)| id);
            lines.push(format!("  PodName: {}", s.target.pod));
            lines.push(format!("  ContainerName: {}", s.target.container));
            lines.push(format!("  ContainerID: {id}"));
            lines.push(format!("  NodeName: {}", s.target.node));
            // Said when it is not the containerd default every cluster had before.
            if !s.stock_runtime() {
                if let Some(note) = s.runtime_note() {
                    lines.push(format!("  Runtime: {note}"));
                }
            }
        }
        lines.push(String::new());
    }
    lines
}

/// Creates the sniffers of `plan` and waits for them; removes them again on failure or Ctrl-C.
pub async fn deploy(
    ctx: &Ctx,
    capture: &CaptureSpec,
    plan: Vec<(String, SnifferSpec)>,
    generation: u32,
    wait: Duration,
    rep: &Reporter,
) -> Result<()> {
    for line in describe(capture, &plan) {
        rep.line(line);
    }
    let (cancel_tx, cancel_rx) = watch::channel(false);
    let signal = tokio::spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            let _ = cancel_tx.send(true);
        }
    });
    let names: Vec<String> = plan.iter().map(|(n, _)| n.clone()).collect();
    let result = create_and_wait(ctx, capture, plan, generation, wait, cancel_rx, rep).await;
    signal.abort();
    if let Err(e) = result {
        cleanup(ctx, capture, generation, &names, rep).await;
        return Err(e);
    }
    rep.line("All dumpy sniffers are Ready.");
    Ok(())
}

async fn create_and_wait(
    ctx: &Ctx,
    capture: &CaptureSpec,
    plan: Vec<(String, SnifferSpec)>,
    generation: u32,
    wait: Duration,
    mut cancel: watch::Receiver<bool>,
    rep: &Reporter,
) -> Result<()> {
    let pods: Api<Pod> = Api::namespaced(ctx.client.clone(), &capture.namespace);
    let total = plan.len();
    // Creates already sent are allowed to finish on Ctrl-C, so the cleanup sees every pod.
    let results: Vec<Result<()>> = stream::iter(plan)
        .map(|(name, spec)| {
            let pods = pods.clone();
            let cancel = cancel.clone();
            async move {
                if *cancel.borrow() {
                    return Ok(());
                }
                tracing::debug!(sniffer = %name, node = %spec.target.node, "create");
                match pods.create(&PostParams::default(), &sniffer_pod(&spec, &name)).await {
                    Ok(_) => Ok(()),
                    Err(kube::Error::Api(r)) if r.code == 409 => Err(err!(
                        "sniffer {name} already exists: delete the capture with `kubectl dumpy delete {}` first",
                        spec.capture.name
                    )),
                    Err(e) => Err(Error::from(e).context(format!("cannot create sniffer {name}"))),
                }
            }
        })
        .buffer_unordered(ctx.concurrency)
        .collect()
        .await;
    if *cancel.borrow() {
        return Err(Error::interrupted());
    }
    results.into_iter().collect::<Result<Vec<()>>>()?;

    let bar = rep.counter("sniffers Ready", total as u64);
    let selector = format!(
        "{},{GENERATION_KEY}={generation}",
        capture_selector(&capture.name)
    );
    let deadline = Instant::now() + wait;
    let mut announced = HashSet::new();
    loop {
        let list = pods
            .list(&ListParams::default().labels(&selector))
            .await?
            .items;
        if list.len() < total {
            return Err(err!(
                "{} of {total} sniffers disappeared while starting (deleted by someone else?)",
                total - list.len()
            ));
        }
        let mut waiting = Vec::new();
        for pod in &list {
            let name = pod.name_any();
            if let Some(problem) = failure(pod) {
                bar.finish_and_clear();
                return Err(err!("sniffer {name} failed: {problem}"));
            }
            if is_ready(pod) {
                if announced.insert(name.clone()) {
                    bar.inc(1);
                    rep.line(format!("{name} started sniffing"));
                }
            } else if announced.contains(&name) {
                // Ready once, then ended (e.g. -c reached): it did start.
            } else if let Some(state) = ended_before_ready(&pods, pod).await {
                if state == State::Failed || state == State::Dead {
                    bar.finish_and_clear();
                    return Err(err!("sniffer {name} failed: its capture ended {state}; see kubectl logs -n {} {name}", capture.namespace));
                }
                announced.insert(name.clone());
                bar.inc(1);
                rep.line(format!(
                    "{name} started sniffing, and has already ended ({state})"
                ));
            } else {
                waiting.push(format!("{name} ({})", why_not_ready(pod)));
            }
        }
        if waiting.is_empty() {
            bar.finish_and_clear();
            return Ok(());
        }
        if Instant::now() >= deadline {
            bar.finish_and_clear();
            return Err(err!(
                "sniffers not Ready after {}s: {}; see `kubectl describe pod -n {}`, or raise --wait",
                wait.as_secs(),
                waiting.join(", "),
                capture.namespace
            ));
        }
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_secs(1)) => {}
            _ = cancel.changed() => {
                bar.finish_and_clear();
                return Err(Error::interrupted());
            }
        }
    }
}

/// How long a sniffer may run without being Ready before it is asked why: a capture that
/// ends at once (`-c 3`) is never Ready, and must not be waited for until `--wait` runs out.
const ASK_AFTER: Duration = Duration::from_secs(3);

/// The state a running, not-Ready sniffer's capture ended in, if it ended (asked with
/// `sniffer status` once it has run for [`ASK_AFTER`]); None while it may still start.
async fn ended_before_ready(pods: &Api<Pod>, pod: &Pod) -> Option<State> {
    let started = pod
        .status
        .as_ref()?
        .container_statuses
        .as_ref()?
        .first()?
        .state
        .as_ref()?
        .running
        .as_ref()?
        .started_at
        .as_ref()?
        .0;
    let ran = k8s_openapi::chrono::Utc::now() - started;
    if ran.to_std().ok()? < ASK_AFTER {
        return None;
    }
    let output = crate::spec::SnifferSpec::from_annotation(
        pod.annotations().get(crate::labels::SPEC_ANNOTATION)?,
    )
    .ok()?
    .output;
    let status = tokio::time::timeout(
        Duration::from_secs(5),
        crate::exec::status(pods, &pod.name_any(), &output),
    )
    .await
    .ok()?
    .ok()?;
    (!status.state.is_running()).then_some(status.state)
}

fn is_ready(pod: &Pod) -> bool {
    pod.status
        .as_ref()
        .and_then(|s| s.conditions.as_ref())
        .and_then(|c| c.iter().find(|c| c.type_ == "Ready"))
        .is_some_and(|c| c.status == "True")
}

/// Why a sniffer can never become Ready, if it cannot.
pub fn failure(pod: &Pod) -> Option<String> {
    let status = pod.status.as_ref()?;
    let cs = status.container_statuses.as_ref().and_then(|c| c.first());
    if let Some(t) = cs
        .and_then(|c| c.state.as_ref())
        .and_then(|s| s.terminated.as_ref())
    {
        let msg = t.message.as_deref().unwrap_or("").trim();
        let last = msg.lines().last().unwrap_or("");
        return Some(format!(
            "exited with code {}{}",
            t.exit_code,
            if last.is_empty() {
                String::new()
            } else {
                format!(": {last}")
            }
        ));
    }
    if let Some(w) = cs
        .and_then(|c| c.state.as_ref())
        .and_then(|s| s.waiting.as_ref())
    {
        let reason = w.reason.as_deref().unwrap_or("");
        if HOPELESS.contains(&reason) {
            let hint = if reason.contains("Image") {
                " (check the image with -i and the pull secret with -s)"
            } else {
                ""
            };
            return Some(format!(
                "{reason}: {}{hint}",
                w.message.as_deref().unwrap_or("")
            ));
        }
    }
    match status.phase.as_deref() {
        Some("Failed") => Some(
            status
                .message
                .clone()
                .unwrap_or_else(|| "pod failed".into()),
        ),
        Some("Succeeded") => Some("exited before it was Ready".into()),
        _ => None,
    }
}

fn why_not_ready(pod: &Pod) -> String {
    let status = pod.status.as_ref();
    let waiting = status
        .and_then(|s| s.container_statuses.as_ref())
        .and_then(|c| c.first())
        .and_then(|c| c.state.as_ref())
        .and_then(|s| s.waiting.as_ref())
        .and_then(|w| w.reason.clone());
    let phase = status
        .and_then(|s| s.phase.clone())
        .unwrap_or_else(|| "Pending".into());
    match waiting {
        Some(reason) => format!("{phase}: {reason}"),
        None if phase == "Running" => "Running, not capturing yet".into(),
        None => phase,
    }
}

/// Deletes this generation's sniffers: by name (what we created) and by label (any create
/// whose answer was lost), ignoring those already gone.
pub async fn cleanup(
    ctx: &Ctx,
    capture: &CaptureSpec,
    generation: u32,
    names: &[String],
    rep: &Reporter,
) {
    let pods: Api<Pod> = Api::namespaced(ctx.client.clone(), &capture.namespace);
    let selector = format!(
        "{},{GENERATION_KEY}={generation}",
        capture_selector(&capture.name)
    );
    let mut all: Vec<String> = names.to_vec();
    if let Ok(list) = pods.list(&ListParams::default().labels(&selector)).await {
        all.extend(list.items.iter().map(|p| p.name_any()));
    }
    all.sort();
    all.dedup();
    stream::iter(all)
        .map(|name| {
            let pods = pods.clone();
            async move {
                match pods.delete(&name, &DeleteParams::default()).await {
                    Ok(_) => rep.note(format!("removed sniffer {name}")),
                    Err(e) if is_not_found(&e) => {}
                    Err(e) => rep.warn(format!(
                        "could not remove sniffer {name}: {}; delete it with kubectl delete pod -n {} {name}",
                        Error::from(e),
                        capture.namespace
                    )),
                }
            }
        })
        .buffer_unordered(ctx.concurrency)
        .collect::<Vec<()>>()
        .await;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::fixtures::capture_spec;
    use k8s_openapi::api::core::v1::{
        ContainerState, ContainerStateTerminated, ContainerStateWaiting, ContainerStatus, PodStatus,
    };

    fn target(pod: &str) -> SnifferTarget {
        SnifferTarget {
            pod: pod.into(),
            namespace: "shop".into(),
            container: "nginx".into(),
            container_id: "containerd://9f98ac".into(),
            node: "kind-worker".into(),
            runtime: "containerd".into(),
            runtime_socket: Some("/run/containerd/containerd.sock".into()),
        }
    }

    #[test]
    fn plan_names_files_per_capture_pod_and_generation() {
        let p = plan(&capture_spec(), vec![target("web-1"), target("web-2")], 2);
        assert_eq!(p[0].1.output, "/dumpy/cap-web-1-g2.pcapng");
        assert_eq!(p[1].1.output, "/dumpy/cap-web-2-g2.pcapng");
        assert_ne!(p[0].0, p[1].0);
        assert_eq!(p[0].1.generation, 2);
        // Every sniffer knows the whole generation.
        let roster: Vec<(&str, &str)> = p[1]
            .1
            .sniffers
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let mut expected = vec![(p[0].0.as_str(), "web-1"), (p[1].0.as_str(), "web-2")];
        expected.sort();
        assert_eq!(roster, expected);
        assert_eq!(p[0].1.sniffers, p[1].1.sniffers);
    }

    #[test]
    fn describe_has_the_original_shape() {
        let p = plan(&capture_spec(), vec![target("web-1")], 1);
        assert_eq!(
            describe(&capture_spec(), &p),
            [
                "Dumpy init",
                "",
                "Capture name: cap",
                "",
                "  PodName: web-1",
                "  ContainerName: nginx",
                "  ContainerID: 9f98ac",
                "  NodeName: kind-worker",
                ""
            ]
        );
    }

    #[test]
    fn describe_names_a_runtime_that_is_not_the_default() {
        let mut k3s = target("web-1");
        k3s.runtime = "k3s containerd".into();
        k3s.runtime_socket = Some("/run/k3s/containerd/containerd.sock".into());
        let mut crio = target("web-2");
        crio.container_id = "cri-o://77aa".into();
        crio.runtime = "cri-o".into();
        crio.runtime_socket = None;
        let p = plan(&capture_spec(), vec![k3s, crio], 1);
        let lines = describe(&capture_spec(), &p);
        assert!(lines.contains(
            &"  Runtime: k3s containerd, socket /run/k3s/containerd/containerd.sock".to_string()
        ));
        assert!(lines.contains(&"  ContainerID: 77aa".to_string()));
        assert!(lines.contains(
            &"  Runtime: cri-o, no socket: the sniffer finds the container through /proc"
                .to_string()
        ));
    }

    #[test]
    fn node_captures_describe_the_node_only() {
        let mut capture = capture_spec();
        capture.target.kind = TargetKind::Node;
        capture.target.name = "worker-1".into();
        let t = SnifferTarget {
            pod: "worker-1".into(),
            namespace: String::new(),
            container: String::new(),
            container_id: String::new(),
            node: "worker-1".into(),
            runtime: String::new(),
            runtime_socket: None,
        };
        let p = plan(&capture, vec![t], 1);
        assert_eq!(p[0].1.output, "/dumpy/cap-worker-1.pcapng");
        assert_eq!(
            describe(&capture, &p),
            [
                "Dumpy init",
                "",
                "Capture name: cap",
                "",
                "  NodeName: worker-1",
                ""
            ]
        );
    }

    fn with_state(state: ContainerState) -> Pod {
        Pod {
            status: Some(PodStatus {
                phase: Some("Pending".into()),
                container_statuses: Some(vec![ContainerStatus {
                    name: "sniffer".into(),
                    state: Some(state),
                    ..Default::default()
                }]),
                ..Default::default()
            }),
            ..Default::default()
        }
    }

    #[test]
    fn hopeless_states_fail_fast_with_a_hint() {
        let p = with_state(ContainerState {
            waiting: Some(ContainerStateWaiting {
                reason: Some("ImagePullBackOff".into()),
                message: Some("not found".into()),
            }),
            ..Default::default()
        });
        let f = failure(&p).unwrap();
        assert!(f.contains("ImagePullBackOff") && f.contains("-i"), "{f}");
        let p = with_state(ContainerState {
            waiting: Some(ContainerStateWaiting {
                reason: Some("ContainerCreating".into()),
                message: None,
            }),
            ..Default::default()
        });
        assert_eq!(failure(&p), None);
        assert_eq!(why_not_ready(&p), "Pending: ContainerCreating");
        let p = with_state(ContainerState {
            terminated: Some(ContainerStateTerminated {
                exit_code: 2,
                message: Some("log\nsniffer: no such container\n".into()),
                ..Default::default()
            }),
            ..Default::default()
        });
        assert_eq!(
            failure(&p).unwrap(),
            "exited with code 2: sniffer: no such container"
        );
    }
}
