//! Target resolution: from what the user named (a pod, a workload, a selector, a node) to the
//! list of running pods to sniff, with every check that can be made before creating anything.

use crate::err;
use crate::error::{is_not_found, Error, Result};
use crate::labels::{self, DEFAULT_CONTAINER_ANNOTATION};
use crate::spec::{SnifferTarget, TargetKind, TargetSpec};
use k8s_openapi::api::apps::v1::{DaemonSet, Deployment, ReplicaSet, StatefulSet};
use k8s_openapi::api::core::v1::{Namespace, Node, Pod};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::LabelSelector;
use kube::api::{Api, ListParams};
use kube::core::{Selector, SelectorExt};
use kube::{Client, Resource, ResourceExt};
use sniffer_contract::runtime::NodeRuntime;
use std::collections::{HashMap, HashSet};

/// Why one pod cannot be sniffed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PodProblem {
    /// Not running yet or any more (pending, terminating, completed): a workload can skip it.
    NotRunning(String),
    /// Wrong for every replica (missing container, unsupported runtime): always an error.
    Fatal(String),
}

impl PodProblem {
    pub fn message(&self) -> &str {
        match self {
            PodProblem::NotRunning(m) | PodProblem::Fatal(m) => m,
        }
    }
}

/// The pod's default container: the one named by `kubectl.kubernetes.io/default-container`
/// when it exists, else the first in the spec (not the first status, which is sorted by name).
pub fn default_container(pod: &Pod) -> Option<String> {
    let containers = &pod.spec.as_ref()?.containers;
    let annotated = pod.annotations().get(DEFAULT_CONTAINER_ANNOTATION);
    annotated
        .filter(|name| containers.iter().any(|c| &c.name == *name))
        .cloned()
        .or_else(|| containers.first().map(|c| c.name.clone()))
}

/// The runtime prefix of a status containerID: `containerd` in `containerd://abc`.
pub fn runtime_of(container_id: &str) -> &str {
    container_id
        .split_once("://")
        .map_or("unknown", |(rt, _)| rt)
}

/// Checks that `pod` runs, picks its container and returns what its sniffer needs.
pub fn check_pod(
    pod: &Pod,
    container: Option<&str>,
) -> std::result::Result<SnifferTarget, PodProblem> {
    let name = pod.name_any();
    let ns = pod.namespace().unwrap_or_default();
    if pod.meta().deletion_timestamp.is_some() {
        return Err(PodProblem::NotRunning(format!(
            "pod {ns}/{name} is terminating"
        )));
    }
    let phase = pod
        .status
        .as_ref()
        .and_then(|s| s.phase.clone())
        .unwrap_or_else(|| "Unknown".into());
    if phase != "Running" {
        return Err(PodProblem::NotRunning(format!(
            "pod {ns}/{name} is {phase}, not Running: wait until it runs, then capture again"
        )));
    }
    let spec_containers: Vec<&str> = pod
        .spec
        .iter()
        .flat_map(|s| s.containers.iter().map(|c| c.name.as_str()))
        .collect();
    let container = match container {
        Some(c) if spec_containers.contains(&c) => c.to_string(),
        Some(c) => {
            return Err(PodProblem::Fatal(format!(
                "pod {ns}/{name} has no container {c:?}: choose one of {} with -c",
                spec_containers.join(", ")
            )))
        }
        None => default_container(pod)
            .ok_or_else(|| PodProblem::Fatal(format!("pod {ns}/{name} has no containers")))?,
    };
    let status = pod
        .status
        .as_ref()
        .and_then(|s| s.container_statuses.as_ref())
        .and_then(|cs| cs.iter().find(|c| c.name == container));
    let running = status
        .and_then(|s| s.state.as_ref())
        .and_then(|s| s.running.as_ref())
        .is_some();
    let container_id = status
        .and_then(|s| s.container_id.clone())
        .unwrap_or_default();
    if !running || container_id.is_empty() {
        return Err(PodProblem::NotRunning(format!(
            "container {container:?} of pod {ns}/{name} is not running: wait until it runs, then capture again"
        )));
    }
    let runtime = runtime_of(&container_id);
    if NodeRuntime::of_container_id(&container_id).is_none() {
        return Err(PodProblem::Fatal(format!(
            "pod {ns}/{name} runs on container runtime {runtime:?}: dumpy supports containerd, cri-o and docker (cri-dockerd) (use `capture node` to sniff the node's host network instead)"
        )));
    }
    let node = pod
        .spec
        .as_ref()
        .and_then(|s| s.node_name.clone())
        .unwrap_or_default();
    if node.is_empty() {
        return Err(PodProblem::NotRunning(format!(
            "pod {ns}/{name} is not scheduled on a node yet"
        )));
    }
    Ok(SnifferTarget {
        pod: name,
        namespace: ns,
        container,
        container_id,
        node,
        // Filled in from the node by `assign_runtimes`.
        runtime: String::new(),
        runtime_socket: None,
    })
}

/// The runtime a node reports (`status.nodeInfo.containerRuntimeVersion`, and microk8s's
/// label), `None` when dumpy does not know it.
pub fn node_runtime(node: &Node) -> Option<NodeRuntime> {
    let version = node
        .status
        .as_ref()
        .and_then(|s| s.node_info.as_ref())
        .map_or("", |i| i.container_runtime_version.as_str());
    NodeRuntime::detect(version, |label| node.labels().contains_key(label))
}

/// Records in `t` its node's runtime and socket. The node's report counts when it agrees
/// with the container ID's scheme; otherwise (node unreadable, unknown runtime) the scheme
/// decides, with containerd at its default socket. Returns a warning when that guess is a
/// socket the user may need to correct.
pub fn apply_runtime(
    t: &mut SnifferTarget,
    node: std::result::Result<Option<NodeRuntime>, &str>,
) -> Option<String> {
    let of_id = NodeRuntime::of_container_id(&t.container_id).unwrap_or(NodeRuntime::Containerd);
    let (rt, warning) = match node {
        Ok(Some(rt)) if rt.container_scheme() == of_id.container_scheme() => (rt, None),
        Ok(_) => (of_id, None),
        Err(why) => (
            of_id,
            of_id.host_socket().map(|p| {
                format!(
                    "cannot read node {}'s container runtime ({why}): assuming {of_id} at {p}; pass --runtime-socket if it is elsewhere",
                    t.node
                )
            }),
        ),
    };
    t.runtime = rt.name().to_string();
    t.runtime_socket = rt.host_socket().map(str::to_string);
    warning
}

/// Reads the runtime of every target's node (each node once) and records it in the targets;
/// returns warnings for nodes that could not be read.
pub async fn assign_runtimes(client: &Client, targets: &mut [SnifferTarget]) -> Vec<String> {
    let nodes: Api<Node> = Api::all(client.clone());
    let mut seen: HashMap<String, std::result::Result<Option<NodeRuntime>, String>> =
        HashMap::new();
    let mut warnings = Vec::new();
    for t in targets.iter_mut() {
        if !seen.contains_key(&t.node) {
            let r = match nodes.get(&t.node).await {
                Ok(n) => Ok(node_runtime(&n)),
                Err(e) => Err(crate::error::Error::from(e).to_string()),
            };
            seen.insert(t.node.clone(), r);
        }
        let node = seen[&t.node].as_ref().map(|r| *r).map_err(String::as_str);
        if let Some(w) = apply_runtime(t, node) {
            if !warnings.contains(&w) {
                warnings.push(w);
            }
        }
    }
    warnings
}

/// Whether `pod`'s controller is one of `owners` (by UID).
pub fn controlled_by(
    meta: &k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta,
    owners: &HashSet<String>,
) -> bool {
    meta.owner_references
        .iter()
        .flatten()
        .any(|o| o.controller == Some(true) && owners.contains(&o.uid))
}

/// The selector of workload `what` in kube's form (its query string and its local match),
/// refused when it selects every pod of the namespace, which dumpy must never sniff, or when
/// it is not one the API server accepts (an unknown operator, `In` without values).
pub fn workload_selector(what: &str, sel: Option<LabelSelector>) -> Result<Selector> {
    let sel = Selector::try_from(sel.unwrap_or_default())
        .map_err(|e| err!("{what} has a selector dumpy cannot use: {e}"))?;
    if sel.selects_all() {
        return Err(err!(
            "{what} has an empty selector: dumpy will not sniff every pod of the namespace"
        ));
    }
    Ok(sel)
}

/// The pods among `pods` that belong to a workload with selector `sel` and UIDs `owners`:
/// matched by the selector and controlled by the workload, so that pods of another workload
/// with overlapping labels are never sniffed by mistake.
pub fn workload_pods(pods: Vec<Pod>, sel: &Selector, owners: &HashSet<String>) -> Vec<Pod> {
    pods.into_iter()
        .filter(|p| sel.matches(p.labels()) && controlled_by(p.meta(), owners))
        .collect()
}

/// A deployment's ReplicaSets (every revision: old ones may still have pods mid-rollout).
pub fn deployment_replicasets(deploy: &Deployment, rss: &[ReplicaSet]) -> HashSet<String> {
    let uid: HashSet<String> = deploy.uid().into_iter().collect();
    rss.iter()
        .filter(|rs| controlled_by(rs.meta(), &uid))
        .filter_map(|rs| rs.uid())
        .collect()
}

/// Turns per-pod results into the targets: a single pod must pass; a workload or selector
/// skips pods that are not running (reported in `skipped`) but fails on a fatal problem or
/// when nothing runs.
pub fn collect_targets(
    what: &str,
    results: Vec<std::result::Result<SnifferTarget, PodProblem>>,
    strict: bool,
    skipped: &mut Vec<String>,
) -> Result<Vec<SnifferTarget>> {
    if results.is_empty() {
        return Err(err!(
            "{what} has no pods: check the name, -t namespace and selector"
        ));
    }
    let mut targets = Vec::new();
    for r in results {
        match r {
            Ok(t) => targets.push(t),
            Err(PodProblem::NotRunning(m)) if !strict => skipped.push(m),
            Err(p) => return Err(Error::new(p.message())),
        }
    }
    if targets.is_empty() {
        return Err(err!("{what} has no running pods ({})", skipped.join("; ")));
    }
    targets.sort_by(|a, b| a.pod.cmp(&b.pod));
    Ok(targets)
}

fn not_found(kind: &str, name: &str, ns: &str) -> Error {
    err!("{kind} {name:?} not found in namespace {ns:?}: check the name, or pass its namespace with -t")
}

/// A workload that owns its pods directly (ReplicaSet, DaemonSet, StatefulSet): its pod
/// selector, and its UID as the one owner a selected pod must have.
async fn owning_workload<K>(
    client: &Client,
    ns: &str,
    kind: &str,
    name: &str,
    what: &str,
    selector_of: impl Fn(&K) -> Option<LabelSelector>,
) -> Result<(Selector, HashSet<String>)>
where
    K: Resource<Scope = k8s_openapi::NamespaceResourceScope>
        + Clone
        + serde::de::DeserializeOwned
        + std::fmt::Debug,
    K::DynamicType: Default,
{
    let w = get_or_not_found(&Api::<K>::namespaced(client.clone(), ns), kind, name, ns).await?;
    let sel = workload_selector(what, selector_of(&w))?;
    Ok((sel, w.uid().into_iter().collect()))
}

async fn get_or_not_found<K>(api: &Api<K>, kind: &str, name: &str, ns: &str) -> Result<K>
where
    K: Clone + serde::de::DeserializeOwned + std::fmt::Debug,
{
    api.get(name).await.map_err(|e| {
        if is_not_found(&e) {
            not_found(kind, name, ns)
        } else {
            e.into()
        }
    })
}

/// Whether `pod` is one of dumpy's own sniffers: never a target, whatever the selector
/// says (a sniffer of a sniffer would capture a capture).
pub fn is_sniffer(pod: &Pod) -> bool {
    pod.labels().get(labels::NAME_KEY).map(String::as_str) == Some(labels::NAME_VALUE)
}

/// `pods` without dumpy's sniffers; `excluded` counts those left out.
pub fn without_sniffers(pods: Vec<Pod>, excluded: &mut usize) -> Vec<Pod> {
    let before = pods.len();
    let kept: Vec<Pod> = pods.into_iter().filter(|p| !is_sniffer(p)).collect();
    *excluded += before - kept.len();
    kept
}

/// Checks that the target namespace exists, so that `-t nosuchns` says so instead of "pod
/// not found". A namespace the user may not read (403) is left to the target lookup.
pub async fn check_namespace(client: &Client, ns: &str) -> Result<()> {
    match Api::<Namespace>::all(client.clone()).get(ns).await {
        Ok(_) => Ok(()),
        Err(e) if is_not_found(&e) => Err(err!(
            "target namespace {ns:?} not found: check the name given with -t (kubectl get namespaces)"
        )),
        Err(kube::Error::Api(r)) if r.code == 403 => Ok(()),
        Err(e) => Err(e.into()),
    }
}

/// Resolves a pod target spec into running pods (node captures go through [`resolve_node`]).
/// `skipped` receives a line per pod left out because it was not running.
pub async fn resolve(
    client: &Client,
    t: &TargetSpec,
    skipped: &mut Vec<String>,
) -> Result<Vec<SnifferTarget>> {
    let ns = t.namespace.as_str();
    let pods: Api<Pod> = Api::namespaced(client.clone(), ns);
    let container = t.container.as_deref();
    let check_all = |list: Vec<Pod>| {
        list.iter()
            .map(|p| check_pod(p, container))
            .collect::<Vec<_>>()
    };
    let what = t.display();

    // With -l and no name, the selector alone picks the pods (never dumpy's own sniffers).
    if t.name.is_empty() {
        let sel = t.selector.clone().unwrap_or_default();
        let mut sniffers = 0;
        let list = without_sniffers(
            pods.list(&ListParams::default().labels(&sel)).await?.items,
            &mut sniffers,
        );
        if list.is_empty() {
            let only = if sniffers > 0 {
                format!(" but {sniffers} dumpy sniffer pods, which are never targets")
            } else {
                String::new()
            };
            return Err(err!("no pods match selector {sel:?} in namespace {ns:?}{only}: check the labels, or pass the namespace with -t"));
        }
        return collect_targets(&what, check_all(list), false, skipped);
    }

    let (sel, owners): (Selector, HashSet<String>) = match t.kind {
        TargetKind::Pod => {
            let pod = get_or_not_found(&pods, "pod", &t.name, ns).await?;
            if is_sniffer(&pod) {
                return Err(err!(
                    "pod {ns}/{} is a dumpy sniffer ({}={}): dumpy never captures its own sniffers",
                    t.name,
                    labels::NAME_KEY,
                    labels::NAME_VALUE
                ));
            }
            return collect_targets(&what, vec![check_pod(&pod, container)], true, skipped);
        }
        TargetKind::Deployment => {
            let d = get_or_not_found(
                &Api::<Deployment>::namespaced(client.clone(), ns),
                "deployment",
                &t.name,
                ns,
            )
            .await?;
            let sel = workload_selector(&what, d.spec.as_ref().map(|s| s.selector.clone()))?;
            let rss = Api::<ReplicaSet>::namespaced(client.clone(), ns)
                .list(&ListParams::default().labels_from(&sel))
                .await?
                .items;
            let owners = deployment_replicasets(&d, &rss);
            (sel, owners)
        }
        TargetKind::Replicaset => {
            owning_workload::<ReplicaSet>(client, ns, "replicaset", &t.name, &what, |w| {
                w.spec.as_ref().map(|s| s.selector.clone())
            })
            .await?
        }
        TargetKind::Daemonset => {
            owning_workload::<DaemonSet>(client, ns, "daemonset", &t.name, &what, |w| {
                w.spec.as_ref().map(|s| s.selector.clone())
            })
            .await?
        }
        TargetKind::Statefulset => {
            owning_workload::<StatefulSet>(client, ns, "statefulset", &t.name, &what, |w| {
                w.spec.as_ref().map(|s| s.selector.clone())
            })
            .await?
        }
        TargetKind::Node => return Err(err!("internal: node targets resolve with resolve_node")),
    };
    let mut query = sel.to_string();
    if let Some(extra) = &t.selector {
        // `deploy web -l version=2` narrows the workload's pods further.
        query = format!("{query},{extra}");
    }
    let list = without_sniffers(
        pods.list(&ListParams::default().labels(&query))
            .await?
            .items,
        &mut 0,
    );
    collect_targets(
        &what,
        check_all(workload_pods(list, &sel, &owners)),
        false,
        skipped,
    )
}

/// Checks a node target: it exists and is Ready. Its sniffer uses the host network (hostNetwork),
/// so the node's container runtime does not matter.
pub fn check_node(node: &Node) -> std::result::Result<SnifferTarget, String> {
    let name = node.name_any();
    let ready = node
        .status
        .as_ref()
        .and_then(|s| s.conditions.as_ref())
        .and_then(|c| c.iter().find(|c| c.type_ == "Ready"))
        .is_some_and(|c| c.status == "True");
    if !ready {
        return Err(format!(
            "node {name:?} is not Ready: pick a Ready node (kubectl get nodes)"
        ));
    }
    Ok(SnifferTarget {
        pod: name.clone(),
        namespace: String::new(),
        container: String::new(),
        container_id: String::new(),
        node: name,
        runtime: String::new(),
        runtime_socket: None,
    })
}

pub async fn resolve_node(client: &Client, name: &str) -> Result<SnifferTarget> {
    let node = Api::<Node>::all(client.clone())
        .get(name)
        .await
        .map_err(|e| {
            if is_not_found(&e) {
                err!("node {name:?} not found: check the name with kubectl get nodes")
            } else {
                e.into()
            }
        })?;
    check_node(&node).map_err(Error::new)
}

#[cfg(test)]
pub(crate) mod fixtures {
    use super::*;
    use k8s_openapi::api::apps::v1::{DeploymentSpec, ReplicaSetSpec};
    use k8s_openapi::api::core::v1::{
        Container, ContainerState, ContainerStateRunning, ContainerStatus, PodSpec, PodStatus,
    };
    use k8s_openapi::apimachinery::pkg::apis::meta::v1::{ObjectMeta, OwnerReference};
    use std::collections::BTreeMap;

    pub fn owner(kind: &str, name: &str, uid: &str) -> OwnerReference {
        OwnerReference {
            api_version: "apps/v1".into(),
            kind: kind.into(),
            name: name.into(),
            uid: uid.into(),
            controller: Some(true),
            block_owner_deletion: Some(true),
        }
    }

    pub fn labels(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    /// A running pod with containers `containers` (the statuses in name order, as the API gives).
    pub fn pod(
        name: &str,
        containers: &[&str],
        labels: &[(&str, &str)],
        owner: Option<OwnerReference>,
    ) -> Pod {
        let mut statuses: Vec<ContainerStatus> = containers
            .iter()
            .map(|c| ContainerStatus {
                name: c.to_string(),
                container_id: Some(format!("containerd://{c}-id")),
                state: Some(ContainerState {
                    running: Some(ContainerStateRunning::default()),
                    ..Default::default()
                }),
                ready: true,
                ..Default::default()
            })
            .collect();
        statuses.sort_by(|a, b| a.name.cmp(&b.name));
        Pod {
            metadata: ObjectMeta {
                name: Some(name.into()),
                namespace: Some("shop".into()),
                labels: Some(self::labels(labels)),
                owner_references: owner.map(|o| vec![o]),
                ..Default::default()
            },
            spec: Some(PodSpec {
                node_name: Some("node-1".into()),
                containers: containers
                    .iter()
                    .map(|c| Container {
                        name: c.to_string(),
                        ..Default::default()
                    })
                    .collect(),
                ..Default::default()
            }),
            status: Some(PodStatus {
                phase: Some("Running".into()),
                container_statuses: Some(statuses),
                ..Default::default()
            }),
        }
    }

    pub fn deployment(name: &str, uid: &str, sel: LabelSelector) -> Deployment {
        Deployment {
            metadata: ObjectMeta {
                name: Some(name.into()),
                uid: Some(uid.into()),
                ..Default::default()
            },
            spec: Some(DeploymentSpec {
                selector: sel,
                ..Default::default()
            }),
            ..Default::default()
        }
    }

    pub fn replicaset(name: &str, uid: &str, owner: Option<OwnerReference>) -> ReplicaSet {
        ReplicaSet {
            metadata: ObjectMeta {
                name: Some(name.into()),
                uid: Some(uid.into()),
                owner_references: owner.map(|o| vec![o]),
                ..Default::default()
            },
            spec: Some(ReplicaSetSpec::default()),
            ..Default::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fixtures::*;
    use super::*;
    use k8s_openapi::api::core::v1::{NodeCondition, NodeStatus};
    use k8s_openapi::apimachinery::pkg::apis::meta::v1::{LabelSelectorRequirement, Time};

    #[test]
    fn default_container_is_first_in_spec_not_first_status() {
        // Statuses are sorted by name ("app" < "zz-main"), the spec order is the truth.
        let p = pod("p", &["zz-main", "app"], &[], None);
        assert_eq!(default_container(&p).as_deref(), Some("zz-main"));
        assert_eq!(check_pod(&p, None).unwrap().container, "zz-main");
    }

    #[test]
    fn default_container_annotation_wins_when_it_exists() {
        let mut p = pod("p", &["istio-proxy", "app"], &[], None);
        p.metadata.annotations = Some(labels(&[(DEFAULT_CONTAINER_ANNOTATION, "app")]));
        assert_eq!(default_container(&p).as_deref(), Some("app"));
        // An annotation naming no container is ignored, as kubectl does.
        p.metadata.annotations = Some(labels(&[(DEFAULT_CONTAINER_ANNOTATION, "gone")]));
        assert_eq!(default_container(&p).as_deref(), Some("istio-proxy"));
    }

    #[test]
    fn check_pod_returns_sniffer_target() {
        let t = check_pod(&pod("web-1", &["nginx"], &[], None), None).unwrap();
        assert_eq!(
            t,
            SnifferTarget {
                pod: "web-1".into(),
                namespace: "shop".into(),
                container: "nginx".into(),
                container_id: "containerd://nginx-id".into(),
                node: "node-1".into(),
                runtime: String::new(),
                runtime_socket: None,
            }
        );
    }

    #[test]
    fn missing_container_is_fatal_and_lists_choices() {
        let e = check_pod(&pod("p", &["a", "b"], &[], None), Some("c")).unwrap_err();
        assert!(
            matches!(&e, PodProblem::Fatal(m) if m.contains("no container \"c\"") && m.contains("a, b")),
            "{e:?}"
        );
    }

    /// Pod `p` whose one container `a` runs as `id` (`<runtime>://<id>`, as the kubelet reports).
    fn pod_with_container_id(id: &str) -> Pod {
        let mut p = pod("p", &["a"], &[], None);
        p.status
            .as_mut()
            .unwrap()
            .container_statuses
            .as_mut()
            .unwrap()[0]
            .container_id = Some(id.into());
        p
    }

    #[test]
    fn other_runtimes_are_named() {
        // CRI-O and cri-dockerd containers are found through /proc.
        assert_eq!(
            check_pod(&pod_with_container_id("cri-o://123"), None)
                .unwrap()
                .container_id,
            "cri-o://123"
        );
        assert!(check_pod(&pod_with_container_id("docker://123"), None).is_ok());
        let e = check_pod(&pod_with_container_id("frakti://123"), None).unwrap_err();
        assert!(
            matches!(&e, PodProblem::Fatal(m) if m.contains("\"frakti\"") && m.contains("cri-o")),
            "{e:?}"
        );
    }

    fn node_reporting(version: &str, labels: &[(&str, &str)]) -> Node {
        Node {
            metadata: k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta {
                name: Some("n1".into()),
                labels: Some(self::labels(labels)),
                ..Default::default()
            },
            status: Some(NodeStatus {
                node_info: Some(k8s_openapi::api::core::v1::NodeSystemInfo {
                    container_runtime_version: version.into(),
                    ..Default::default()
                }),
                ..Default::default()
            }),
            ..Default::default()
        }
    }

    #[test]
    fn each_node_gets_its_runtimes_socket() {
        let target = |id: &str| check_pod(&pod_with_container_id(id), None).unwrap();
        let apply = |id: &str, node: &Node| {
            let mut t = target(id);
            let w = apply_runtime(&mut t, Ok(node_runtime(node)));
            assert_eq!(w, None);
            (t.runtime, t.runtime_socket)
        };
        let k3s = node_reporting("containerd://1.7.23-k3s1", &[]);
        assert_eq!(
            apply("containerd://a", &k3s),
            (
                "k3s containerd".into(),
                Some("/run/k3s/containerd/containerd.sock".into())
            )
        );
        let mk = node_reporting("containerd://1.6.28", &[("microk8s.io/cluster", "true")]);
        assert_eq!(
            apply("containerd://a", &mk).1.as_deref(),
            Some("/var/snap/microk8s/common/run/containerd.sock")
        );
        let crio = node_reporting("cri-o://1.30.2", &[]);
        assert_eq!(apply("cri-o://a", &crio), ("cri-o".into(), None));
        // A node runtime dumpy does not know: the container ID decides.
        let odd = node_reporting("", &[]);
        assert_eq!(
            apply("containerd://a", &odd).1.as_deref(),
            Some("/run/containerd/containerd.sock")
        );
    }

    #[test]
    fn an_unreadable_node_falls_back_on_the_container_id_with_a_warning() {
        let mut t = check_pod(&pod("p", &["a"], &[], None), None).unwrap();
        let w = apply_runtime(&mut t, Err("forbidden")).unwrap();
        assert!(
            w.contains("forbidden") && w.contains("--runtime-socket") && w.contains("node-1"),
            "{w}"
        );
        assert_eq!(
            t.runtime_socket.as_deref(),
            Some("/run/containerd/containerd.sock")
        );
        // A CRI-O container needs no socket, so there is nothing to warn about.
        let mut t = check_pod(&pod_with_container_id("cri-o://a"), None).unwrap();
        assert_eq!(apply_runtime(&mut t, Err("forbidden")), None);
        assert_eq!(t.runtime_socket, None);
    }

    #[test]
    fn pending_and_terminating_pods_are_not_running() {
        let mut p = pod("p", &["a"], &[], None);
        p.status.as_mut().unwrap().phase = Some("Pending".into());
        assert!(
            matches!(check_pod(&p, None), Err(PodProblem::NotRunning(m)) if m.contains("Pending"))
        );
        let mut p = pod("p", &["a"], &[], None);
        p.metadata.deletion_timestamp = Some(Time(Default::default()));
        assert!(matches!(
            check_pod(&p, None),
            Err(PodProblem::NotRunning(_))
        ));
        let mut p = pod("p", &["a"], &[], None);
        p.status
            .as_mut()
            .unwrap()
            .container_statuses
            .as_mut()
            .unwrap()[0]
            .state = None;
        assert!(matches!(
            check_pod(&p, None),
            Err(PodProblem::NotRunning(_))
        ));
    }

    #[test]
    fn deployment_resolves_through_its_replicasets() {
        let sel = LabelSelector {
            match_labels: Some(labels(&[("app", "web")])),
            match_expressions: Some(vec![LabelSelectorRequirement {
                key: "tier".into(),
                operator: "In".into(),
                values: Some(vec!["front".into()]),
            }]),
        };
        let d = deployment("web", "d-uid", sel.clone());
        let rss = vec![
            replicaset(
                "web-new",
                "rs-new",
                Some(owner("Deployment", "web", "d-uid")),
            ),
            replicaset(
                "web-old",
                "rs-old",
                Some(owner("Deployment", "web", "d-uid")),
            ),
            replicaset(
                "other",
                "rs-other",
                Some(owner("Deployment", "other", "other-uid")),
            ),
            replicaset("orphan", "rs-orphan", None),
        ];
        let owners = deployment_replicasets(&d, &rss);
        assert_eq!(
            owners,
            ["rs-new", "rs-old"].iter().map(|s| s.to_string()).collect()
        );

        let web = [("app", "web"), ("tier", "front")];
        let pods = vec![
            pod(
                "web-new-1",
                &["nginx"],
                &web,
                Some(owner("ReplicaSet", "web-new", "rs-new")),
            ),
            pod(
                "web-old-1",
                &["nginx"],
                &web,
                Some(owner("ReplicaSet", "web-old", "rs-old")),
            ),
            // Same labels but another workload's pod: must not be sniffed.
            pod(
                "other-1",
                &["nginx"],
                &web,
                Some(owner("ReplicaSet", "other", "rs-other")),
            ),
            // Owned, but fails matchExpressions.
            pod(
                "web-back",
                &["nginx"],
                &[("app", "web"), ("tier", "back")],
                Some(owner("ReplicaSet", "web-new", "rs-new")),
            ),
        ];
        let sel = workload_selector("deployment/web", Some(sel)).unwrap();
        let names: Vec<String> = workload_pods(pods, &sel, &owners)
            .iter()
            .map(|p| p.name_any())
            .collect();
        assert_eq!(names, ["web-new-1", "web-old-1"]);
    }

    fn req(key: &str, op: &str, values: &[&str]) -> LabelSelectorRequirement {
        LabelSelectorRequirement {
            key: key.into(),
            operator: op.into(),
            values: (!values.is_empty()).then(|| values.iter().map(|s| s.to_string()).collect()),
        }
    }

    /// matchLabels and every matchExpressions operator.
    fn full_selector() -> Selector {
        let sel = LabelSelector {
            match_labels: Some(labels(&[("app", "web")])),
            match_expressions: Some(vec![
                req("tier", "In", &["front", "edge"]),
                req("canary", "DoesNotExist", &[]),
                req("zone", "NotIn", &["b"]),
                req("team", "Exists", &[]),
            ]),
        };
        workload_selector("deployment/web", Some(sel)).unwrap()
    }

    #[test]
    fn workload_selector_query_has_kubectl_syntax() {
        assert_eq!(
            full_selector().to_string(),
            "app=web,tier in (edge,front),!canary,zone notin (b),team"
        );
    }

    #[test]
    fn workload_selector_honours_match_expressions() {
        let sel = full_selector();
        let base = [("app", "web"), ("tier", "front"), ("team", "x")];
        assert!(sel.matches(&labels(&base)));
        let with = |extra: (&'static str, &'static str)| {
            let mut l = labels(&base);
            l.insert(extra.0.into(), extra.1.into());
            l
        };
        assert!(sel.matches(&with(("zone", "a"))));
        assert!(sel.matches(&with(("tier", "edge"))));
        // Each requirement can fail on its own.
        assert!(!sel.matches(&with(("app", "api"))));
        assert!(!sel.matches(&with(("tier", "back"))));
        assert!(!sel.matches(&with(("canary", "1"))));
        assert!(!sel.matches(&with(("zone", "b"))));
        assert!(!sel.matches(&labels(&[("app", "web"), ("tier", "front")])));
    }

    #[test]
    fn workload_selector_refuses_empty_and_invalid_selectors() {
        let empty =
            "deployment/web has an empty selector: dumpy will not sniff every pod of the namespace";
        for sel in [None, Some(LabelSelector::default())] {
            assert_eq!(
                workload_selector("deployment/web", sel)
                    .unwrap_err()
                    .message,
                empty
            );
        }
        let bad = LabelSelector {
            match_expressions: Some(vec![req("tier", "Near", &["front"])]),
            ..Default::default()
        };
        let e = workload_selector("daemonset/agent", Some(bad))
            .unwrap_err()
            .message;
        assert!(
            e.starts_with("daemonset/agent has a selector dumpy cannot use: "),
            "{e}"
        );
        assert!(!e.contains('\n'), "{e}");
    }

    #[test]
    fn workloads_skip_pods_that_do_not_run() {
        let ok = check_pod(&pod("b", &["a"], &[], None), None);
        let mut pending = pod("a", &["a"], &[], None);
        pending.status.as_mut().unwrap().phase = Some("Pending".into());
        let mut skipped = Vec::new();
        let got = collect_targets(
            "deployment/web",
            vec![check_pod(&pending, None), ok.clone()],
            false,
            &mut skipped,
        )
        .unwrap();
        assert_eq!(got.len(), 1);
        assert_eq!(skipped.len(), 1);
        // A single pod must run.
        let e = collect_targets(
            "pod/a",
            vec![check_pod(&pending, None)],
            true,
            &mut Vec::new(),
        )
        .unwrap_err();
        assert!(e.message.contains("Pending"), "{e}");
        // Nothing at all is an error that names the target.
        let e = collect_targets("deployment/web", vec![], false, &mut Vec::new()).unwrap_err();
        assert!(e.message.contains("deployment/web has no pods"), "{e}");
    }

    #[test]
    fn nodes_must_be_ready() {
        let mut n = Node::default();
        n.metadata.name = Some("n1".into());
        assert!(check_node(&n).unwrap_err().contains("not Ready"));
        n.status = Some(NodeStatus {
            conditions: Some(vec![NodeCondition {
                type_: "Ready".into(),
                status: "True".into(),
                ..Default::default()
            }]),
            ..Default::default()
        });
        assert_eq!(check_node(&n).unwrap().node, "n1");
    }
}
