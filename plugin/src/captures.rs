//! Reads captures back from the cluster: lists sniffer pods by label and groups them into
//! [`CaptureView`]s, the model that `get` prints and the other commands act on.
//!
//! It owns the capture states: every sniffer is in one [`SnifferState`], derived from its
//! pod (phase, eviction, OOM kill, absence from the generation's roster) and, while the pod
//! runs, from what `sniffer status` says; the capture's state and its `ready/total` count
//! follow from its newest generation's sniffers. The table, the detail view, JSON, YAML and
//! `export` all read these, so they never disagree.

use crate::err;
use crate::error::Result;
use crate::labels::{self, CAPTURE_KEY, GENERATION_KEY, SPEC_ANNOTATION, STATE_ANNOTATION};
use crate::spec::{CaptureSpec, SnifferSpec};
use k8s_openapi::api::core::v1::Pod;
use k8s_openapi::chrono::{DateTime, Utc};
use kube::api::{Api, ListParams};
use kube::{Client, ResourceExt};
use serde::Serialize;
use sniffer_contract::status::{State, Status};
use std::collections::BTreeMap;

/// What one sniffer is doing (or what became of it), as every view shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum SnifferState {
    /// Created, not capturing yet (pulling, starting, entering the target).
    Starting,
    Capturing,
    /// Ended by `kubectl dumpy stop` (or `restart`, for earlier generations).
    Stopped,
    /// Ended on its own: `-c` reached, or a budget that ends the capture.
    Completed,
    /// Ended because the target pod is gone; `ended` says when.
    TargetGone,
    /// Ended by an error; `reason` has the sniffer's one-line reason.
    Failed,
    /// The sniffer pod is gone (deleted), evicted or OOM-killed: its files with it.
    Lost,
}

impl SnifferState {
    pub fn as_str(self) -> &'static str {
        match self {
            SnifferState::Starting => "Starting",
            SnifferState::Capturing => "Capturing",
            SnifferState::Stopped => "Stopped",
            SnifferState::Completed => "Completed",
            SnifferState::TargetGone => "TargetGone",
            SnifferState::Failed => "Failed",
            SnifferState::Lost => "Lost",
        }
    }

    /// The state a running sniffer pod is in when its status file says `state`.
    fn of_status(state: State) -> SnifferState {
        match state {
            State::Starting => SnifferState::Starting,
            State::Capturing => SnifferState::Capturing,
            State::Stopped => SnifferState::Stopped,
            State::Completed => SnifferState::Completed,
            State::TargetGone => SnifferState::TargetGone,
            State::Failed | State::Dead => SnifferState::Failed,
        }
    }
}

impl std::fmt::Display for SnifferState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A file of a sniffer's capture, as `get -o json|yaml` shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FileView {
    pub name: String,
    pub size: u64,
}

/// What `sniffer status` said, with the plugin's field names (camelCase, as the rest of the
/// output and the Kubernetes API conventions); the status file's own format stays the
/// sniffer contract's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CaptureStatus {
    /// The sniffer's own word: starting, capturing, stopped, completed, target-gone, failed,
    /// or dead (its process vanished without recording why).
    pub state: String,
    pub interface: String,
    pub filter: String,
    pub packets_captured: u64,
    pub packets_received: u64,
    pub packets_dropped: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub started: Option<DateTime<Utc>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ended: Option<DateTime<Utc>>,
    pub files: Vec<FileView>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current_file: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

fn from_ms(ms: Option<u64>) -> Option<DateTime<Utc>> {
    ms.and_then(|ms| i64::try_from(ms).ok())
        .and_then(DateTime::from_timestamp_millis)
}

impl From<&Status> for CaptureStatus {
    fn from(s: &Status) -> Self {
        CaptureStatus {
            state: s.state.to_string(),
            interface: s.interface.clone(),
            filter: s.filter.clone(),
            packets_captured: s.packets_captured,
            packets_received: s.packets_received,
            packets_dropped: s.packets_dropped,
            started: from_ms(s.started_ms),
            ended: from_ms(s.ended_ms),
            files: s
                .files
                .iter()
                .map(|f| FileView {
                    name: f.name.clone(),
                    size: f.size,
                })
                .collect(),
            current_file: s.current.clone(),
            message: s.message.clone(),
        }
    }
}

/// One sniffer pod as the user sees it (or one its generation expected and is gone).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SnifferView {
    pub name: String,
    pub target_pod: String,
    pub target_namespace: String,
    pub container: String,
    pub node: String,
    pub generation: u32,
    /// What the sniffer is doing; see [`SnifferState`].
    pub state: SnifferState,
    /// Why it is Failed or Lost (the sniffer's own line, the eviction message, …), or what
    /// a Starting sniffer waits for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// When a sniffer that ended did (TargetGone: when the target went away).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ended: Option<DateTime<Utc>>,
    /// The pod phase (Pending, Running, Succeeded, Failed); empty when the pod is gone.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub phase: String,
    pub ready: bool,
    /// `dumpy stop` ran on it (or it belongs to an earlier generation, stopped by restart).
    pub stopped: bool,
    /// The `-w` path inside the sniffer.
    pub output: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created: Option<DateTime<Utc>>,
    /// What `sniffer status` said, when it was asked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capture_status: Option<CaptureStatus>,
    /// The target node's runtime and the socket used, when not containerd's default
    /// (`k3s containerd, socket /run/k3s/containerd/containerd.sock`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub runtime: Option<String>,
}

impl SnifferView {
    /// `Capturing`, `TargetGone at 10:04:05Z`, `Lost: evicted (…)`: the state as the detail
    /// view shows it in brackets.
    pub fn status(&self) -> String {
        let mut s = self.state.to_string();
        if let Some(t) = self
            .ended
            .filter(|_| self.state == SnifferState::TargetGone)
        {
            s.push_str(&format!(" at {}", t.format("%Y-%m-%dT%H:%M:%SZ")));
        }
        if let Some(r) = &self.reason {
            s.push_str(&format!(": {r}"));
        }
        s
    }

    /// Whether the sniffer can still be exec'd into for `export` or `stop`.
    pub fn is_running(&self) -> bool {
        self.phase == "Running"
    }

    /// Takes what `sniffer status` said: while the pod runs, the sniffer knows best.
    pub fn set_status(&mut self, status: &Status) {
        if self.is_running() && self.state != SnifferState::Lost {
            self.state = SnifferState::of_status(status.state);
            self.reason = match status.state {
                State::Failed => Some(
                    status
                        .message
                        .clone()
                        .unwrap_or_else(|| "the sniffer failed without a message".into()),
                ),
                State::Dead => Some("the sniffer process ended without recording why".into()),
                _ => None,
            };
            self.ended = from_ms(status.ended_ms).filter(|_| !status.state.is_running());
        }
        self.capture_status = Some(status.into());
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
    /// The newest generation's state: Failed or Lost when any sniffer is, else Starting
    /// while any starts, Capturing while any captures, else how they ended (Stopped,
    /// Completed, TargetGone).
    pub state: SnifferState,
    /// Capturing sniffers of the newest generation.
    pub ready: usize,
    /// Sniffers of the newest generation, lost ones included.
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

    /// Recomputes the capture's state and count from its sniffers' states.
    pub fn summarize(&mut self) {
        use SnifferState::*;
        let states: Vec<SnifferState> = self.current().map(|s| s.state).collect();
        let any = |s: SnifferState| states.contains(&s);
        self.state = [Failed, Lost, Starting, Capturing, Stopped, Completed]
            .into_iter()
            .find(|s| any(*s))
            .unwrap_or(TargetGone);
        self.ready = states.iter().filter(|s| **s == Capturing).count();
        self.total = states.len();
    }

    /// The sniffers whose files cannot be exported, each with why.
    pub fn missing(&self) -> Vec<(&SnifferView, String)> {
        self.sniffers
            .iter()
            .filter(|s| !s.is_running())
            .map(|s| {
                let why = match (s.state, &s.reason) {
                    (_, Some(r))
                        if matches!(s.state, SnifferState::Lost | SnifferState::Failed) =>
                    {
                        format!("{}: {r}", s.state)
                    }
                    _ => format!("{} (pod {})", s.state, s.phase),
                };
                (s, why)
            })
            .collect()
    }
}

fn pod_ready(pod: &Pod) -> bool {
    pod.status
        .as_ref()
        .and_then(|s| s.conditions.as_ref())
        .and_then(|c| c.iter().find(|c| c.type_ == "Ready"))
        .is_some_and(|c| c.status == "True")
}

/// Whether the sniffer container was OOM-killed (now, or before a restart of the container).
fn oom_killed(pod: &Pod) -> bool {
    let statuses = pod
        .status
        .as_ref()
        .and_then(|s| s.container_statuses.as_ref());
    statuses.into_iter().flatten().any(|c| {
        [c.state.as_ref(), c.last_state.as_ref()]
            .into_iter()
            .flatten()
            .filter_map(|s| s.terminated.as_ref())
            .any(|t| t.reason.as_deref() == Some("OOMKilled"))
    })
}

/// The state a sniffer pod shows by itself, before anyone asks the sniffer.
fn pod_state(pod: &Pod, phase: &str, stopped: bool) -> (SnifferState, Option<String>) {
    use SnifferState::*;
    if pod.metadata.deletion_timestamp.is_some() {
        return (Lost, Some("the sniffer pod is being deleted".into()));
    }
    if oom_killed(pod) {
        return (
            Lost,
            Some("OOM-killed: raise --memory-limit (restart accepts it)".into()),
        );
    }
    let status = pod.status.as_ref();
    if phase == "Failed" && status.and_then(|s| s.reason.as_deref()) == Some("Evicted") {
        let message = status.and_then(|s| s.message.as_deref()).unwrap_or("");
        return (
            Lost,
            Some(if message.is_empty() {
                "evicted".into()
            } else {
                format!("evicted: {}", message.trim())
            }),
        );
    }
    let failure = || crate::commands::deploy::failure(pod);
    match phase {
        "Failed" => (Failed, failure()),
        "Succeeded" if stopped => (Stopped, None),
        "Succeeded" => (Completed, Some("the sniffer exited".into())),
        "Running" if stopped => (Stopped, None),
        "Running" if pod_ready(pod) => (Capturing, None),
        "Running" => (Starting, None),
        _ => match failure() {
            Some(why) => (Failed, Some(why)),
            None => (Starting, None),
        },
    }
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
    let stopped = pod
        .annotations()
        .get(STATE_ANNOTATION)
        .is_some_and(|s| s == "stopped");
    let (state, reason) = pod_state(pod, &phase, stopped);
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
        state,
        reason,
        ended: None,
        phase,
        ready: pod_ready(pod),
        stopped,
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

/// A sniffer that its generation's roster names and that no longer exists.
fn gone(name: &str, target_pod: &str, target_namespace: &str, generation: u32) -> SnifferView {
    SnifferView {
        name: name.to_string(),
        target_pod: target_pod.to_string(),
        target_namespace: target_namespace.to_string(),
        container: String::new(),
        node: String::new(),
        generation,
        state: SnifferState::Lost,
        reason: Some("the sniffer pod is gone (deleted, or evicted through the API)".into()),
        ended: None,
        phase: String::new(),
        ready: false,
        stopped: false,
        output: String::new(),
        created: None,
        capture_status: None,
        runtime: None,
    }
}

/// A sniffer and its spec, when the annotation parses.
type Member = (SnifferView, Option<SnifferSpec>);

/// The sniffers each generation was created with but that are not among `members` (their
/// roster is in every sniffer's spec, so one sniffer left is enough to know the others).
fn missing_members(members: &[Member]) -> Vec<SnifferView> {
    let present: std::collections::HashSet<&str> =
        members.iter().map(|m| m.0.name.as_str()).collect();
    let mut expected: BTreeMap<(u32, &str), (&str, &str)> = BTreeMap::new();
    for (_, spec) in members {
        let Some(spec) = spec else { continue };
        for (sniffer, target) in &spec.sniffers {
            expected.insert(
                (spec.generation, sniffer.as_str()),
                (target.as_str(), spec.capture.target.namespace.as_str()),
            );
        }
    }
    expected
        .into_iter()
        .filter(|((_, name), _)| !present.contains(name))
        .map(|((generation, name), (target, ns))| gone(name, target, ns, generation))
        .collect()
}

/// Groups sniffer pods into captures, sorted by namespace then name; sniffers are sorted by
/// generation then target pod, and those a generation lost are listed as Lost.
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
            let lost = missing_members(&members);
            members.extend(lost.into_iter().map(|s| (s, None)));
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
            let created = sniffers.iter().filter_map(|s| s.created).min();
            let mut view = CaptureView {
                name,
                namespace,
                spec,
                generation,
                state: SnifferState::Starting,
                ready: 0,
                total: 0,
                created,
                sniffers,
            };
            view.summarize();
            view
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

    /// Sniffer pods of one generation, each with the generation's roster, as `capture`
    /// creates them: (sniffer name, target pod) pairs.
    pub fn generation(members: &[(&str, &str)], generation: u32) -> Vec<Pod> {
        let roster: BTreeMap<String, String> = members
            .iter()
            .map(|(n, t)| (n.to_string(), t.to_string()))
            .collect();
        members
            .iter()
            .map(|(name, target)| {
                let mut spec = sniffer_spec(target, "node-1", generation);
                spec.sniffers = roster.clone();
                let mut pod = sniffer(name, target, generation, "Running", true);
                pod.metadata
                    .annotations
                    .as_mut()
                    .unwrap()
                    .insert(SPEC_ANNOTATION.into(), spec.to_annotation());
                pod
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::fixtures::*;
    use super::*;
    use k8s_openapi::api::core::v1::{
        ContainerState, ContainerStateTerminated, ContainerStatus, PodStatus,
    };
    use sniffer_contract::status::FileEntry;

    fn status(state: State) -> Status {
        Status {
            state,
            pid: 7,
            pid_start: None,
            started_ms: Some(1_795_000_000_000),
            ended_ms: (!state.is_running()).then_some(1_795_000_060_000),
            interface: "any".into(),
            filter: "port 80".into(),
            packets_captured: 12,
            packets_received: 13,
            packets_dropped: 1,
            files: vec![FileEntry {
                name: "cap-web-1-000001.pcapng".into(),
                size: 4096,
            }],
            current: Some("cap-web-1-000001.pcapng".into()),
            message: (state == State::Failed).then(|| "No space left on device".into()),
        }
    }

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
        assert_eq!(c.state, SnifferState::Starting);
        let order: Vec<(u32, &str)> = c
            .sniffers
            .iter()
            .map(|s| (s.generation, s.target_pod.as_str()))
            .collect();
        assert_eq!(order, [(1, "web-1"), (2, "web-1"), (2, "web-2")]);
        assert_eq!(c.sniffers[0].status(), "Stopped");
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

    /// A pod deleted from a generation of three: 2/3, the capture and that sniffer Lost,
    /// named with its target, and missing for export.
    #[test]
    fn a_deleted_sniffer_is_lost_and_counted() {
        let mut pods = generation(&[("s-a", "web-a"), ("s-b", "web-b"), ("s-c", "web-c")], 1);
        pods.remove(1);
        let c = group(&pods).remove(0);
        assert_eq!((c.ready, c.total, c.state), (2, 3, SnifferState::Lost));
        let lost = c.sniffers.iter().find(|s| s.name == "s-b").unwrap();
        assert_eq!(
            (lost.state, lost.target_pod.as_str()),
            (SnifferState::Lost, "web-b")
        );
        assert_eq!(lost.target_namespace, "shop");
        assert!(
            lost.status().starts_with("Lost: the sniffer pod is gone"),
            "{}",
            lost.status()
        );
        let missing: Vec<(&str, String)> = c
            .missing()
            .into_iter()
            .map(|(s, why)| (s.name.as_str(), why))
            .collect();
        assert_eq!(missing.len(), 1);
        assert_eq!(missing[0].0, "s-b");
        assert!(
            missing[0].1.starts_with("Lost: the sniffer pod is gone"),
            "{missing:?}"
        );
        // Nothing is missing when all are there.
        let c = group(&generation(&[("s-a", "web-a"), ("s-b", "web-b")], 1)).remove(0);
        assert_eq!((c.ready, c.total, c.state), (2, 2, SnifferState::Capturing));
        assert!(c.missing().is_empty());
    }

    #[test]
    fn evicted_and_oom_killed_sniffers_are_lost_and_say_which() {
        let mut evicted = sniffer("s-e", "web-1", 1, "Failed", false);
        let st = evicted.status.as_mut().unwrap();
        st.reason = Some("Evicted".into());
        st.message = Some("The node was low on resource: ephemeral-storage. ".into());
        let (v, _) = sniffer_view(&evicted);
        assert_eq!(v.state, SnifferState::Lost);
        assert_eq!(
            v.status(),
            "Lost: evicted: The node was low on resource: ephemeral-storage."
        );

        let mut oom = sniffer("s-o", "web-2", 1, "Failed", false);
        oom.status = Some(PodStatus {
            phase: Some("Failed".into()),
            container_statuses: Some(vec![ContainerStatus {
                name: "sniffer".into(),
                state: Some(ContainerState {
                    terminated: Some(ContainerStateTerminated {
                        exit_code: 137,
                        reason: Some("OOMKilled".into()),
                        ..Default::default()
                    }),
                    ..Default::default()
                }),
                ..Default::default()
            }]),
            ..Default::default()
        });
        let (v, _) = sniffer_view(&oom);
        assert_eq!(v.state, SnifferState::Lost);
        assert!(v.status().starts_with("Lost: OOM-killed"), "{}", v.status());

        // A sniffer that failed on its own is Failed, with its last line.
        let mut failed = sniffer("s-f", "web-3", 1, "Failed", false);
        failed.status = Some(PodStatus {
            phase: Some("Failed".into()),
            container_statuses: Some(vec![ContainerStatus {
                name: "sniffer".into(),
                state: Some(ContainerState {
                    terminated: Some(ContainerStateTerminated {
                        exit_code: 1,
                        message: Some("sniffer: no such container abc\n".into()),
                        ..Default::default()
                    }),
                    ..Default::default()
                }),
                ..Default::default()
            }]),
            ..Default::default()
        });
        let (v, _) = sniffer_view(&failed);
        assert_eq!(
            v.status(),
            "Failed: exited with code 1: sniffer: no such container abc"
        );
    }

    /// A running, not-Ready sniffer is Starting until it says otherwise: `0/1 Starting` for
    /// a sniffer whose target went away was the bug.
    #[test]
    fn the_sniffer_status_decides_for_running_pods() {
        let mut c = group(&[sniffer("s1", "web-1", 1, "Running", false)]).remove(0);
        assert_eq!((c.state, c.ready, c.total), (SnifferState::Starting, 0, 1));
        for (st, want, status_line) in [
            (State::Starting, SnifferState::Starting, "Starting"),
            (State::Capturing, SnifferState::Capturing, "Capturing"),
            (State::Stopped, SnifferState::Stopped, "Stopped"),
            (State::Completed, SnifferState::Completed, "Completed"),
            (
                State::TargetGone,
                SnifferState::TargetGone,
                "TargetGone at 2026-11-18T11:07:40Z",
            ),
            (
                State::Failed,
                SnifferState::Failed,
                "Failed: No space left on device",
            ),
            (
                State::Dead,
                SnifferState::Failed,
                "Failed: the sniffer process ended without recording why",
            ),
        ] {
            c.sniffers[0].set_status(&status(st));
            c.summarize();
            assert_eq!(c.sniffers[0].state, want, "{st}");
            assert_eq!(c.sniffers[0].status(), status_line);
            assert_eq!(c.state, want, "{st}");
            assert_eq!(c.ready, usize::from(want == SnifferState::Capturing));
        }
        // Pods that do not run keep what their pod says.
        let mut done = group(&[sniffer("s1", "web-1", 1, "Succeeded", false)]).remove(0);
        done.sniffers[0].set_status(&status(State::Capturing));
        assert_eq!(done.sniffers[0].state, SnifferState::Completed);
    }

    #[test]
    fn capture_states_follow_the_sniffers() {
        let state = |pods: Vec<Pod>| group(&pods)[0].state;
        assert_eq!(
            state(vec![sniffer("a", "p", 1, "Running", true)]),
            SnifferState::Capturing
        );
        assert_eq!(
            state(vec![
                sniffer("a", "p", 1, "Running", true),
                sniffer("b", "q", 1, "Failed", false)
            ]),
            SnifferState::Failed
        );
        assert_eq!(
            state(vec![sniffer("a", "p", 1, "Succeeded", false)]),
            SnifferState::Completed
        );
        assert_eq!(
            state(vec![sniffer("a", "p", 1, "Pending", false)]),
            SnifferState::Starting
        );
        // Ended captures: one TargetGone and one still capturing is Capturing, 1/2.
        let mut c = group(&[
            sniffer("a", "p", 1, "Running", true),
            sniffer("b", "q", 1, "Running", false),
        ])
        .remove(0);
        c.sniffers[1].set_status(&status(State::TargetGone));
        c.summarize();
        assert_eq!((c.state, c.ready, c.total), (SnifferState::Capturing, 1, 2));
        c.sniffers[0].set_status(&status(State::TargetGone));
        c.summarize();
        assert_eq!((c.state, c.ready), (SnifferState::TargetGone, 0));
    }

    #[test]
    fn json_names_are_camel_case() {
        let mut c = group(&[sniffer("s1", "web-1", 1, "Running", true)]).remove(0);
        c.sniffers[0].set_status(&status(State::Capturing));
        let v = serde_json::to_value(&c).unwrap();
        let st = &v["sniffers"][0]["captureStatus"];
        assert_eq!(st["packetsCaptured"], 12);
        assert_eq!(st["packetsReceived"], 13);
        assert_eq!(st["packetsDropped"], 1);
        assert_eq!(st["currentFile"], "cap-web-1-000001.pcapng");
        assert_eq!(v["state"], "Capturing");
        assert_eq!(v["sniffers"][0]["state"], "Capturing");
        // No snake_case key anywhere.
        fn keys(v: &serde_json::Value, out: &mut Vec<String>) {
            match v {
                serde_json::Value::Object(m) => {
                    for (k, v) in m {
                        out.push(k.clone());
                        keys(v, out);
                    }
                }
                serde_json::Value::Array(a) => a.iter().for_each(|v| keys(v, out)),
                _ => {}
            }
        }
        let mut all = Vec::new();
        keys(&v, &mut all);
        assert!(all.iter().all(|k| !k.contains('_')), "{all:?}");
    }
}
