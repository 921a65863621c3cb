//! Reads captures back from the cluster: lists sniffer pods by label and groups them into
//! [`CaptureView`]s, the model that `get` prints and the other commands act on.

use crate::err;
use crate::error::Result;
use crate::labels::{self, CAPTURE_KEY, GENERATION_KEY, SPEC_ANNOTATION, STATE_ANNOTATION};
use crate::spec::{CaptureSpec, SnifferSpec};
use k8s_openapi::api::core::v1::Pod;
use k8s_openapi::chrono::{DateTime, Utc};
use kube::api::{Api, ListParams};
use kube::{Client, ResourceExt};
use serde::Serialize;
use std::collections::BTreeMap;

/// One sniffer pod as the user sees it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SnifferView {
    pub name: String,
    pub target_pod: String,
    pub target_namespace: String,
    pub container: String,
    pub node: String,
    pub generation: u32,
    /// The pod phase (Pending, Running, Succeeded, Failed).
    pub phase: String,
    pub ready: bool,
    /// `dumpy stop` ran on it (or it belongs to an earlier generation, stopped by restart).
    pub stopped: bool,
    /// The `-w` path inside the sniffer.
    pub output: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created: Option<DateTime<Utc>>,
    /// What `sniffer status` said, when it was asked (the detail view asks).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capture_status: Option<sniffer_contract::status::Status>,
    /// The target node's runtime and the socket used, when not containerd's default
    /// (`k3s containerd, socket /run/k3s/containerd/containerd.sock`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub runtime: Option<String>,
}

impl SnifferView {
    /// `Running`, or `Running, stopped` once stopped: what the detail view shows in brackets.
    pub fn status(&self) -> String {
        if self.stopped && self.phase == "Running" {
            format!("{}, stopped", self.phase)
        } else {
            self.phase.clone()
        }
    }

    /// Whether the sniffer can still be exec'd into for `export` or `stop`.
    pub fn is_running(&self) -> bool {
        self.phase == "Running"
    }
}

/// One capture: its spec and its sniffers (every generation).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CaptureView {
    pub name: String,
    pub namespace: String,
    /// The spec from the newest sniffer's annotation (None if it was unreadable).
    pub spec: Option<CaptureSpec>,
    /// The newest generation (1, then one more per restart).
    pub generation: u32,
    /// `Starting`, `Capturing`, `Stopped`, `Completed` or `Failed`, for the newest generation.
    pub state: String,
    /// Ready sniffers of the newest generation.
    pub ready: usize,
    /// Sniffers of the newest generation.
    pub total: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created: Option<DateTime<Utc>>,
    pub sniffers: Vec<SnifferView>,
}

impl CaptureView {
    pub fn current(&self) -> impl Iterator<Item = &SnifferView> {
        self.sniffers
            .iter()
            .filter(move |s| s.generation == self.generation)
    }

    pub fn target_display(&self) -> String {
        self.spec
            .as_ref()
            .map_or_else(|| "<unknown>".into(), |s| s.target.display())
    }
}

fn pod_ready(pod: &Pod) -> bool {
    pod.status
        .as_ref()
        .and_then(|s| s.conditions.as_ref())
        .and_then(|c| c.iter().find(|c| c.type_ == "Ready"))
        .is_some_and(|c| c.status == "True")
}

/// The view of one sniffer pod, with its spec when the annotation parses.
pub fn sniffer_view(pod: &Pod) -> (SnifferView, Option<SnifferSpec>) {
    let spec = pod
        .annotations()
        .get(SPEC_ANNOTATION)
        .and_then(|a| SnifferSpec::from_annotation(a).ok());
    let generation = spec
        .as_ref()
        .map(|s| s.generation)
        .or_else(|| {
            pod.labels()
                .get(GENERATION_KEY)
                .and_then(|g| g.parse().ok())
        })
        .unwrap_or(1);
    let phase = pod
        .status
        .as_ref()
        .and_then(|s| s.phase.clone())
        .unwrap_or_else(|| "Pending".into());
    let view = SnifferView {
        name: pod.name_any(),
        target_pod: spec
            .as_ref()
            .map_or_else(|| "<unknown>".into(), |s| s.target.pod.clone()),
        target_namespace: spec
            .as_ref()
            .map_or_else(String::new, |s| s.target.namespace.clone()),
        container: spec
            .as_ref()
            .map_or_else(String::new, |s| s.target.container.clone()),
        node: pod
            .spec
            .as_ref()
            .and_then(|s| s.node_name.clone())
            .unwrap_or_default(),
        generation,
        phase,
        ready: pod_ready(pod),
        stopped: pod
            .annotations()
            .get(STATE_ANNOTATION)
            .is_some_and(|s| s == "stopped"),
        output: spec.as_ref().map_or_else(String::new, |s| s.output.clone()),
        created: pod.metadata.creation_timestamp.as_ref().map(|t| t.0),
        capture_status: None,
        runtime: spec
            .as_ref()
            .filter(|s| !s.stock_runtime())
            .and_then(SnifferSpec::runtime_note),
    };
    (view, spec)
}

/// A sniffer and its spec, when the annotation parses.
type Member = (SnifferView, Option<SnifferSpec>);

/// Groups sniffer pods into captures, sorted by namespace then name; sniffers are sorted by
/// generation then target pod.
pub fn group(pods: &[Pod]) -> Vec<CaptureView> {
    let mut by_capture: BTreeMap<(String, String), Vec<Member>> = BTreeMap::new();
    for pod in pods {
        let Some(capture) = pod.labels().get(CAPTURE_KEY) else {
            continue;
        };
        by_capture
            .entry((pod.namespace().unwrap_or_default(), capture.clone()))
            .or_default()
            .push(sniffer_view(pod));
    }
    by_capture
        .into_iter()
        .map(|((namespace, name), mut members)| {
            members.sort_by(|a, b| {
                (a.0.generation, &a.0.target_pod).cmp(&(b.0.generation, &b.0.target_pod))
            });
            let generation = members.iter().map(|m| m.0.generation).max().unwrap_or(1);
            let spec = members
                .iter()
                .rev()
                .find_map(|m| m.1.as_ref().filter(|s| s.generation == generation))
                .or_else(|| members.iter().rev().find_map(|m| m.1.as_ref()))
                .map(|s| s.capture.clone());
            let sniffers: Vec<SnifferView> = members.into_iter().map(|m| m.0).collect();
            let current: Vec<&SnifferView> = sniffers
                .iter()
                .filter(|s| s.generation == generation)
                .collect();
            let ready = current.iter().filter(|s| s.ready).count();
            let total = current.len();
            let state = if current.iter().any(|s| s.phase == "Failed") {
                "Failed"
            } else if current.iter().all(|s| s.stopped) {
                "Stopped"
            } else if current.iter().all(|s| s.phase == "Succeeded") {
                "Completed"
            } else if ready == total {
                "Capturing"
            } else {
                "Starting"
            };
            let created = sniffers.iter().filter_map(|s| s.created).min();
            CaptureView {
                name,
                namespace,
                spec,
                generation,
                state: state.into(),
                ready,
                total,
                created,
                sniffers,
            }
        })
        .collect()
}

/// Lists captures in `namespace` (all namespaces when None).
pub async fn list(client: &Client, namespace: Option<&str>) -> Result<Vec<CaptureView>> {
    let api: Api<Pod> = match namespace {
        Some(ns) => Api::namespaced(client.clone(), ns),
        None => Api::all(client.clone()),
    };
    tracing::debug!(?namespace, "list sniffers");
    let pods = api
        .list(&ListParams::default().labels(&labels::all_sniffers_selector()))
        .await?
        .items;
    Ok(group(&pods))
}

/// Fetches one capture, with an error naming the fix when it does not exist.
pub async fn get(client: &Client, namespace: &str, name: &str) -> Result<CaptureView> {
    // A name that is not a label value would make an invalid selector; say so plainly.
    labels::check_capture_name(name).map_err(crate::error::Error::new)?;
    let api: Api<Pod> = Api::namespaced(client.clone(), namespace);
    let pods = api
        .list(&ListParams::default().labels(&labels::capture_selector(name)))
        .await?
        .items;
    group(&pods).into_iter().next().ok_or_else(|| {
        err!("capture {name:?} not found in namespace {namespace:?}: list captures with `kubectl dumpy get -A`, and pass the capture namespace with -n")
    })
}

#[cfg(test)]
pub(crate) mod fixtures {
    use super::*;
    use crate::podspec::sniffer_pod;
    use crate::spec::fixtures::sniffer_spec;
    use k8s_openapi::api::core::v1::{PodCondition, PodStatus};
    use k8s_openapi::apimachinery::pkg::apis::meta::v1::Time;

    pub fn time(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    /// A sniffer pod as the API would return it after `capture`.
    pub fn sniffer(name: &str, target: &str, generation: u32, phase: &str, ready: bool) -> Pod {
        let spec = sniffer_spec(target, "node-1", generation);
        let mut pod = sniffer_pod(&spec, name);
        pod.metadata.creation_timestamp = Some(Time(time("2026-11-26T10:00:00Z")));
        pod.status = Some(PodStatus {
            phase: Some(phase.into()),
            conditions: Some(vec![PodCondition {
                type_: "Ready".into(),
                status: if ready { "True" } else { "False" }.into(),
                ..Default::default()
            }]),
            ..Default::default()
        });
        pod
    }
}

#[cfg(test)]
mod tests {
    use super::fixtures::*;
    use super::*;

    #[test]
    fn groups_by_capture_and_counts_the_newest_generation() {
        let mut stopped = sniffer("sniffer-cap-1", "web-1", 1, "Running", true);
        stopped
            .metadata
            .annotations
            .as_mut()
            .unwrap()
            .insert(STATE_ANNOTATION.into(), "stopped".into());
        let pods = vec![
            sniffer("sniffer-cap-3", "web-2", 2, "Running", false),
            stopped,
            sniffer("sniffer-cap-2", "web-1", 2, "Running", true),
        ];
        let caps = group(&pods);
        assert_eq!(caps.len(), 1);
        let c = &caps[0];
        assert_eq!((c.name.as_str(), c.namespace.as_str()), ("cap", "dumpy-ns"));
        assert_eq!((c.generation, c.ready, c.total), (2, 1, 2));
        assert_eq!(c.state, "Starting");
        let order: Vec<(u32, &str)> = c
            .sniffers
            .iter()
            .map(|s| (s.generation, s.target_pod.as_str()))
            .collect();
        assert_eq!(order, [(1, "web-1"), (2, "web-1"), (2, "web-2")]);
        assert_eq!(c.sniffers[0].status(), "Running, stopped");
        assert_eq!(c.target_display(), "deployment/web");
    }

    #[test]
    fn sniffers_without_a_readable_spec_are_still_listed() {
        let mut pod = sniffer("sniffer-cap-x", "web-1", 3, "Running", true);
        pod.metadata
            .annotations
            .as_mut()
            .unwrap()
            .insert(SPEC_ANNOTATION.into(), "{not json".into());
        let c = group(&[pod]).remove(0);
        assert_eq!(c.spec, None);
        assert_eq!(c.target_display(), "<unknown>");
        // The generation label still places it.
        assert_eq!(c.generation, 3);
        assert_eq!(c.sniffers[0].target_pod, "<unknown>");
    }

    #[test]
    fn pods_of_other_captures_and_namespaces_stay_apart() {
        let a = sniffer("s-a", "web-1", 1, "Running", true);
        let mut b = sniffer("s-b", "web-1", 1, "Running", true);
        b.metadata.namespace = Some("other".into());
        let mut c = sniffer("s-c", "web-1", 1, "Running", true);
        c.metadata
            .labels
            .as_mut()
            .unwrap()
            .insert(CAPTURE_KEY.into(), "zzz".into());
        let caps = group(&[c, b, a]);
        let keys: Vec<(&str, &str)> = caps
            .iter()
            .map(|c| (c.namespace.as_str(), c.name.as_str()))
            .collect();
        assert_eq!(
            keys,
            [("dumpy-ns", "cap"), ("dumpy-ns", "zzz"), ("other", "cap")]
        );
    }

    #[test]
    fn capture_states() {
        let state = |pods: Vec<Pod>| group(&pods)[0].state.clone();
        assert_eq!(
            state(vec![sniffer("a", "p", 1, "Running", true)]),
            "Capturing"
        );
        assert_eq!(
            state(vec![
                sniffer("a", "p", 1, "Running", true),
                sniffer("b", "q", 1, "Failed", false)
            ]),
            "Failed"
        );
        assert_eq!(
            state(vec![sniffer("a", "p", 1, "Succeeded", false)]),
            "Completed"
        );
    }
}
