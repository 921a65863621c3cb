//! Pod Security admission, as the API server's built-in PodSecurity plugin enforces it: a
//! namespace's `pod-security.kubernetes.io/enforce` label (level) and `enforce-version` label
//! pick the policy, and a pod that violates it is refused with 403 Forbidden and the same
//! message text (`violates PodSecurity "baseline:latest": host namespaces (hostPID=true), …`).
//!
//! The checks cover what the sniffer pods and the e2e tests touch: host namespaces,
//! privileged, capabilities, hostPath/restricted volume types, hostPort, seccomp, and for
//! `restricted` allowPrivilegeEscalation, runAsNonRoot and runAsUser. Like the real plugin,
//! checks run in the order of their check IDs, `restricted` includes every `baseline` check
//! it does not override, and a check applies from the policy version that introduced it.
//! Exemptions (usernames, runtime classes, namespaces) are not modelled: the lab has none.

use super::status::ApiError;
use serde_json::{json, Value};
use std::collections::BTreeSet;

pub const ENFORCE_LABEL: &str = "pod-security.kubernetes.io/enforce";
pub const ENFORCE_VERSION_LABEL: &str = "pod-security.kubernetes.io/enforce-version";

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Privileged,
    Baseline,
    Restricted,
}

/// A policy version: `latest`, or `v1.MINOR` (major is always 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Version {
    Latest,
    Minor(u32),
}

impl Version {
    fn at_least(self, minor: u32) -> bool {
        match self {
            Version::Latest => true,
            Version::Minor(m) => m >= minor,
        }
    }
}

/// The policy a namespace enforces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Policy {
    pub level: Level,
    pub version: Version,
}

impl std::fmt::Display for Policy {
    /// `baseline:latest`, `restricted:v1.25`: how the API server names the policy.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let level = match self.level {
            Level::Privileged => "privileged",
            Level::Baseline => "baseline",
            Level::Restricted => "restricted",
        };
        match self.version {
            Version::Latest => write!(f, "{level}:latest"),
            Version::Minor(m) => write!(f, "{level}:v1.{m}"),
        }
    }
}

/// The enforced policy of a namespace object. Without the label the default is
/// `privileged:latest`; a level or version label that does not parse makes the policy
/// `restricted:latest`, which is what the real plugin does (it fails closed).
pub fn namespace_policy(ns: &Value) -> Policy {
    let labels = &ns["metadata"]["labels"];
    let level = match labels[ENFORCE_LABEL].as_str() {
        None | Some("privileged") => Some(Level::Privileged),
        Some("baseline") => Some(Level::Baseline),
        Some("restricted") => Some(Level::Restricted),
        Some(_) => None,
    };
    let version = match labels[ENFORCE_VERSION_LABEL].as_str() {
        None => Some(Version::Latest),
        Some(v) => parse_version(v),
    };
    match (level, version) {
        (Some(level), Some(version)) => Policy { level, version },
        _ => Policy {
            level: Level::Restricted,
            version: Version::Latest,
        },
    }
}

fn parse_version(s: &str) -> Option<Version> {
    if s == "latest" {
        return Some(Version::Latest);
    }
    let minor = s.strip_prefix("v1.")?.parse().ok()?;
    Some(Version::Minor(minor))
}

/// One failed check: its reason and detail, as the API server words them.
type Violation = (&'static str, String);

/// Capabilities `baseline` lets a container add (Kubernetes' list for policy v1.0+).
const BASELINE_CAPABILITIES: &[&str] = &[
    "AUDIT_WRITE",
    "CHOWN",
    "DAC_OVERRIDE",
    "FOWNER",
    "FSETID",
    "KILL",
    "MKNOD",
    "NET_BIND_SERVICE",
    "SETFCAP",
    "SETGID",
    "SETPCAP",
    "SETUID",
    "SYS_CHROOT",
];
/// Volume types `restricted` allows; every other type is a "restricted volume type".
const RESTRICTED_VOLUME_TYPES: &[&str] = &[
    "configMap",
    "csi",
    "downwardAPI",
    "emptyDir",
    "ephemeral",
    "persistentVolumeClaim",
    "projected",
    "secret",
];

fn pluralize(one: &'static str, many: &'static str, n: usize) -> &'static str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// `"a", "b"`: Go's `%q` of each, joined.
fn join_quote<S: AsRef<str>>(items: impl IntoIterator<Item = S>) -> String {
    items
        .into_iter()
        .map(|s| serde_json::to_string(s.as_ref()).unwrap())
        .collect::<Vec<_>>()
        .join(", ")
}

fn containers_phrase(names: &[String]) -> String {
    format!(
        "{} {}",
        pluralize("container", "containers", names.len()),
        join_quote(names)
    )
}

/// Init, regular and ephemeral containers, in the order the real checks visit them.
fn containers(spec: &Value) -> impl Iterator<Item = &Value> {
    ["initContainers", "containers", "ephemeralContainers"]
        .into_iter()
        .flat_map(move |k| spec[k].as_array().into_iter().flatten())
}

fn name(c: &Value) -> String {
    c["name"].as_str().unwrap_or("").to_string()
}

fn is_true(v: &Value) -> bool {
    v.as_bool() == Some(true)
}

fn capabilities_baseline(spec: &Value) -> Option<Violation> {
    let mut bad = vec![];
    let mut caps = BTreeSet::new();
    for c in containers(spec) {
        let extra: Vec<&str> = c["securityContext"]["capabilities"]["add"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .filter(|cap| !BASELINE_CAPABILITIES.contains(cap))
            .collect();
        if !extra.is_empty() {
            bad.push(name(c));
            caps.extend(extra);
        }
    }
    (!bad.is_empty()).then(|| {
        (
            "non-default capabilities",
            format!(
                "{} must not include {} in securityContext.capabilities.add",
                containers_phrase(&bad),
                join_quote(&caps)
            ),
        )
    })
}

fn capabilities_restricted(spec: &Value) -> Option<Violation> {
    let mut missing_drop = vec![];
    let mut adding = vec![];
    let mut caps = BTreeSet::new();
    for c in containers(spec) {
        let cap = &c["securityContext"]["capabilities"];
        let drops_all = cap["drop"]
            .as_array()
            .is_some_and(|d| d.iter().any(|x| x == "ALL"));
        if !drops_all {
            missing_drop.push(name(c));
        }
        let extra: Vec<&str> = cap["add"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .filter(|x| *x != "NET_BIND_SERVICE")
            .collect();
        if !extra.is_empty() {
            adding.push(name(c));
            caps.extend(extra);
        }
    }
    let mut details = vec![];
    if !missing_drop.is_empty() {
        details.push(format!(
            "{} must set securityContext.capabilities.drop=[\"ALL\"]",
            containers_phrase(&missing_drop)
        ));
    }
    if !adding.is_empty() {
        details.push(format!(
            "{} must not include {} in securityContext.capabilities.add",
            containers_phrase(&adding),
            join_quote(&caps)
        ));
    }
    (!details.is_empty()).then(|| ("unrestricted capabilities", details.join("; ")))
}

fn host_namespaces(spec: &Value) -> Option<Violation> {
    let used: Vec<&str> = [
        ("hostNetwork", "hostNetwork=true"),
        ("hostPID", "hostPID=true"),
        ("hostIPC", "hostIPC=true"),
    ]
    .into_iter()
    .filter(|(field, _)| is_true(&spec[*field]))
    .map(|(_, text)| text)
    .collect();
    (!used.is_empty()).then(|| ("host namespaces", used.join(", ")))
}

fn volumes(spec: &Value) -> impl Iterator<Item = &serde_json::Map<String, Value>> {
    spec["volumes"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_object)
}

fn host_path_volumes(spec: &Value) -> Option<Violation> {
    let bad: Vec<String> = volumes(spec)
        .filter(|v| v.contains_key("hostPath"))
        .map(|v| v["name"].as_str().unwrap_or("").to_string())
        .collect();
    (!bad.is_empty()).then(|| {
        (
            "hostPath volumes",
            format!(
                "{} {}",
                pluralize("volume", "volumes", bad.len()),
                join_quote(&bad)
            ),
        )
    })
}

fn host_ports(spec: &Value) -> Option<Violation> {
    let mut bad = vec![];
    let mut ports = vec![];
    for c in containers(spec) {
        let used: Vec<String> = c["ports"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|p| p["hostPort"].as_i64().filter(|n| *n != 0))
            .map(|n| n.to_string())
            .collect();
        if !used.is_empty() {
            bad.push(name(c));
            ports.extend(used);
        }
    }
    (!bad.is_empty()).then(|| {
        (
            "hostPort",
            format!(
                "{} {} {} {}",
                containers_phrase(&bad),
                pluralize("uses", "use", bad.len()),
                pluralize("hostPort", "hostPorts", ports.len()),
                ports.join(", ")
            ),
        )
    })
}

fn privileged(spec: &Value) -> Option<Violation> {
    let bad: Vec<String> = containers(spec)
        .filter(|c| is_true(&c["securityContext"]["privileged"]))
        .map(name)
        .collect();
    (!bad.is_empty()).then(|| {
        (
            "privileged",
            format!(
                "{} must not set securityContext.privileged=true",
                containers_phrase(&bad)
            ),
        )
    })
}

fn restricted_volumes(spec: &Value) -> Option<Violation> {
    let mut bad = vec![];
    let mut types = BTreeSet::new();
    for v in volumes(spec) {
        let kinds: Vec<&String> = v
            .keys()
            .filter(|k| *k != "name" && !RESTRICTED_VOLUME_TYPES.contains(&k.as_str()))
            .collect();
        if !kinds.is_empty() {
            bad.push(v["name"].as_str().unwrap_or("").to_string());
            types.extend(kinds.into_iter().cloned());
        }
    }
    (!bad.is_empty()).then(|| {
        (
            "restricted volume types",
            format!(
                "{} {} {} {} {}",
                pluralize("volume", "volumes", bad.len()),
                join_quote(&bad),
                pluralize("uses", "use", bad.len()),
                pluralize(
                    "restricted volume type",
                    "restricted volume types",
                    types.len()
                ),
                join_quote(&types)
            ),
        )
    })
}

fn allow_privilege_escalation(spec: &Value) -> Option<Violation> {
    let bad: Vec<String> = containers(spec)
        .filter(|c| c["securityContext"]["allowPrivilegeEscalation"].as_bool() != Some(false))
        .map(name)
        .collect();
    (!bad.is_empty()).then(|| {
        (
            "allowPrivilegeEscalation != false",
            format!(
                "{} must set securityContext.allowPrivilegeEscalation=false",
                containers_phrase(&bad)
            ),
        )
    })
}

fn run_as_non_root(spec: &Value) -> Option<Violation> {
    let mut setters = vec![];
    let pod_level = spec["securityContext"]["runAsNonRoot"].as_bool();
    if pod_level == Some(false) {
        setters.push("pod".to_string());
    }
    let mut explicit = vec![];
    let mut implicit = vec![];
    for c in containers(spec) {
        match c["securityContext"]["runAsNonRoot"].as_bool() {
            Some(false) => explicit.push(name(c)),
            Some(true) => {}
            None if pod_level != Some(true) => implicit.push(name(c)),
            None => {}
        }
    }
    if !explicit.is_empty() {
        setters.push(containers_phrase(&explicit));
    }
    if !setters.is_empty() {
        return Some((
            "runAsNonRoot != true",
            format!(
                "{} must not set securityContext.runAsNonRoot=false",
                setters.join(" and ")
            ),
        ));
    }
    (!implicit.is_empty()).then(|| {
        (
            "runAsNonRoot != true",
            format!(
                "pod or {} must set securityContext.runAsNonRoot=true",
                containers_phrase(&implicit)
            ),
        )
    })
}

fn run_as_user(spec: &Value) -> Option<Violation> {
    let mut setters = vec![];
    if spec["securityContext"]["runAsUser"].as_i64() == Some(0) {
        setters.push("pod".to_string());
    }
    let bad: Vec<String> = containers(spec)
        .filter(|c| c["securityContext"]["runAsUser"].as_i64() == Some(0))
        .map(name)
        .collect();
    if !bad.is_empty() {
        setters.push(containers_phrase(&bad));
    }
    (!setters.is_empty()).then(|| {
        (
            "runAsUser=0",
            format!("{} must not set runAsUser=0", setters.join(" and ")),
        )
    })
}

fn seccomp_type(sc: &Value) -> Option<&str> {
    sc["seccompProfile"]["type"].as_str()
}

fn seccomp_baseline(spec: &Value) -> Option<Violation> {
    let mut setters = vec![];
    if seccomp_type(&spec["securityContext"]) == Some("Unconfined") {
        setters.push("pod".to_string());
    }
    let bad: Vec<String> = containers(spec)
        .filter(|c| seccomp_type(&c["securityContext"]) == Some("Unconfined"))
        .map(name)
        .collect();
    if !bad.is_empty() {
        setters.push(containers_phrase(&bad));
    }
    (!setters.is_empty()).then(|| {
        (
            "seccompProfile",
            format!(
                "{} must not set securityContext.seccompProfile.type to \"Unconfined\"",
                setters.join(" and ")
            ),
        )
    })
}

fn seccomp_restricted(spec: &Value) -> Option<Violation> {
    let valid = |t: &str| t == "RuntimeDefault" || t == "Localhost";
    let mut setters = vec![];
    let mut bad_values = BTreeSet::new();
    let mut pod_set = false;
    if let Some(t) = seccomp_type(&spec["securityContext"]) {
        if valid(t) {
            pod_set = true;
        } else {
            setters.push("pod".to_string());
            bad_values.insert(t.to_string());
        }
    }
    let mut explicit = vec![];
    let mut implicit = vec![];
    for c in containers(spec) {
        match seccomp_type(&c["securityContext"]) {
            Some(t) if !valid(t) => {
                explicit.push(name(c));
                bad_values.insert(t.to_string());
            }
            Some(_) => {}
            None if !pod_set => implicit.push(name(c)),
            None => {}
        }
    }
    if !explicit.is_empty() {
        setters.push(containers_phrase(&explicit));
    }
    if !setters.is_empty() {
        return Some((
            "seccompProfile",
            format!(
                "{} must not set securityContext.seccompProfile.type to {}",
                setters.join(" and "),
                join_quote(&bad_values)
            ),
        ));
    }
    (!implicit.is_empty()).then(|| {
        (
            "seccompProfile",
            format!(
                "pod or {} must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\"",
                containers_phrase(&implicit)
            ),
        )
    })
}

type CheckFn = fn(&Value) -> Option<Violation>;

/// A check: its ID (the evaluation order), level, the policy minor version it applies
/// from, and for `restricted` checks the `baseline` check it replaces.
struct Check {
    id: &'static str,
    level: Level,
    since: u32,
    overrides: Option<&'static str>,
    check: CheckFn,
}

/// Sorted by ID, as the real registry evaluates them.
const CHECKS: &[Check] = &[
    Check {
        id: "allowPrivilegeEscalation",
        level: Level::Restricted,
        since: 8,
        overrides: None,
        check: allow_privilege_escalation,
    },
    Check {
        id: "capabilities_baseline",
        level: Level::Baseline,
        since: 0,
        overrides: None,
        check: capabilities_baseline,
    },
    Check {
        id: "capabilities_restricted",
        level: Level::Restricted,
        since: 22,
        overrides: Some("capabilities_baseline"),
        check: capabilities_restricted,
    },
    Check {
        id: "hostNamespaces",
        level: Level::Baseline,
        since: 0,
        overrides: None,
        check: host_namespaces,
    },
    Check {
        id: "hostPathVolumes",
        level: Level::Baseline,
        since: 0,
        overrides: None,
        check: host_path_volumes,
    },
    Check {
        id: "hostPorts",
        level: Level::Baseline,
        since: 0,
        overrides: None,
        check: host_ports,
    },
    Check {
        id: "privileged",
        level: Level::Baseline,
        since: 0,
        overrides: None,
        check: privileged,
    },
    Check {
        id: "restrictedVolumes",
        level: Level::Restricted,
        since: 0,
        overrides: Some("hostPathVolumes"),
        check: restricted_volumes,
    },
    Check {
        id: "runAsNonRoot",
        level: Level::Restricted,
        since: 0,
        overrides: None,
        check: run_as_non_root,
    },
    Check {
        id: "runAsUser",
        level: Level::Restricted,
        since: 23,
        overrides: None,
        check: run_as_user,
    },
    Check {
        id: "seccompProfile_baseline",
        level: Level::Baseline,
        since: 19,
        overrides: None,
        check: seccomp_baseline,
    },
    Check {
        id: "seccompProfile_restricted",
        level: Level::Restricted,
        since: 19,
        overrides: Some("seccompProfile_baseline"),
        check: seccomp_restricted,
    },
];

/// What `policy` refuses in a pod spec, as the API server lists it; empty if allowed.
pub fn violations(policy: Policy, spec: &Value) -> Vec<Violation> {
    if policy.level == Level::Privileged {
        return vec![];
    }
    let applies = |c: &Check| c.level <= policy.level && policy.version.at_least(c.since);
    let overridden: Vec<&str> = CHECKS
        .iter()
        .filter(|c| applies(c))
        .filter_map(|c| c.overrides)
        .collect();
    CHECKS
        .iter()
        .filter(|c| applies(c) && !overridden.contains(&c.id))
        .filter_map(|c| (c.check)(spec))
        .collect()
}

/// Admission of a new pod in namespace object `ns`: the 403 the API server returns if the
/// namespace's enforced policy refuses it.
pub fn admit_pod(ns: &Value, pod: &Value) -> Result<(), ApiError> {
    let policy = namespace_policy(ns);
    let found = violations(policy, &pod["spec"]);
    if found.is_empty() {
        return Ok(());
    }
    let detail: Vec<String> = found
        .iter()
        .map(|(reason, detail)| {
            if detail.is_empty() {
                reason.to_string()
            } else {
                format!("{reason} ({detail})")
            }
        })
        .collect();
    let name = pod["metadata"]["name"].as_str().unwrap_or("");
    Err(ApiError {
        code: 403,
        reason: "Forbidden",
        message: format!(
            "pods {} is forbidden: violates PodSecurity {}: {}",
            serde_json::to_string(name).unwrap(),
            serde_json::to_string(&policy.to_string()).unwrap(),
            detail.join(", ")
        ),
        details: json!({"name": name, "kind": "pods"}),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ns(labels: Value) -> Value {
        json!({"metadata": {"name": "n", "labels": labels}})
    }

    /// The sniffer pod's security-relevant fields, as the plugin builds them.
    fn sniffer_pod() -> Value {
        json!({"metadata": {"name": "dumpy-x"}, "spec": {
            "hostPID": true,
            "containers": [{"name": "sniffer", "image": "i", "securityContext": {
                "privileged": false, "readOnlyRootFilesystem": true, "runAsUser": 0,
                "runAsNonRoot": false,
                "capabilities": {"add": ["NET_RAW", "SYS_ADMIN", "SYS_PTRACE"], "drop": ["ALL"]}}}],
            "volumes": [{"name": "output", "emptyDir": {}},
                        {"name": "containerd-socket", "hostPath": {"path": "/run/containerd/containerd.sock", "type": "Socket"}}]}})
    }

    fn message(labels: Value, pod: &Value) -> Option<String> {
        admit_pod(&ns(labels), pod).err().map(|e| {
            assert_eq!((e.code, e.reason), (403, "Forbidden"));
            e.message
        })
    }

    #[test]
    fn unlabelled_and_privileged_namespaces_admit_everything() {
        assert_eq!(message(json!({}), &sniffer_pod()), None);
        assert_eq!(
            message(json!({ENFORCE_LABEL: "privileged"}), &sniffer_pod()),
            None
        );
    }

    #[test]
    fn baseline_refuses_the_sniffer_pod_as_kubernetes_words_it() {
        assert_eq!(
            message(json!({ENFORCE_LABEL: "baseline"}), &sniffer_pod()).unwrap(),
            "pods \"dumpy-x\" is forbidden: violates PodSecurity \"baseline:latest\": \
             non-default capabilities (container \"sniffer\" must not include \"NET_RAW\", \
             \"SYS_ADMIN\", \"SYS_PTRACE\" in securityContext.capabilities.add), \
             host namespaces (hostPID=true), hostPath volumes (volume \"containerd-socket\")"
        );
    }

    #[test]
    fn restricted_adds_its_own_checks_and_overrides() {
        assert_eq!(
            message(
                json!({ENFORCE_LABEL: "restricted", ENFORCE_VERSION_LABEL: "v1.30"}),
                &sniffer_pod()
            )
            .unwrap(),
            "pods \"dumpy-x\" is forbidden: violates PodSecurity \"restricted:v1.30\": \
             allowPrivilegeEscalation != false (container \"sniffer\" must set securityContext.allowPrivilegeEscalation=false), \
             unrestricted capabilities (container \"sniffer\" must not include \"NET_RAW\", \"SYS_ADMIN\", \"SYS_PTRACE\" in securityContext.capabilities.add), \
             host namespaces (hostPID=true), \
             restricted volume types (volume \"containerd-socket\" uses restricted volume type \"hostPath\"), \
             runAsNonRoot != true (container \"sniffer\" must not set securityContext.runAsNonRoot=false), \
             runAsUser=0 (container \"sniffer\" must not set runAsUser=0), \
             seccompProfile (pod or container \"sniffer\" must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\")"
        );
    }

    #[test]
    fn a_plain_pod_passes_baseline_but_not_restricted() {
        let pod = json!({"metadata": {"name": "web"}, "spec": {"containers": [{"name": "web", "image": "i"}]}});
        assert_eq!(message(json!({ENFORCE_LABEL: "baseline"}), &pod), None);
        assert_eq!(
            message(json!({ENFORCE_LABEL: "restricted"}), &pod).unwrap(),
            "pods \"web\" is forbidden: violates PodSecurity \"restricted:latest\": \
             allowPrivilegeEscalation != false (container \"web\" must set securityContext.allowPrivilegeEscalation=false), \
             unrestricted capabilities (container \"web\" must set securityContext.capabilities.drop=[\"ALL\"]), \
             runAsNonRoot != true (pod or container \"web\" must set securityContext.runAsNonRoot=true), \
             seccompProfile (pod or container \"web\" must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\")"
        );
        // A pod that does what restricted asks is admitted.
        let ok = json!({"metadata": {"name": "web"}, "spec": {
            "securityContext": {"runAsNonRoot": true, "seccompProfile": {"type": "RuntimeDefault"}},
            "containers": [{"name": "web", "image": "i", "securityContext": {
                "allowPrivilegeEscalation": false, "capabilities": {"drop": ["ALL"], "add": ["NET_BIND_SERVICE"]}}}]}});
        assert_eq!(message(json!({ENFORCE_LABEL: "restricted"}), &ok), None);
    }

    #[test]
    fn host_network_privileged_and_host_ports() {
        let pod = json!({"metadata": {"name": "p"}, "spec": {"hostNetwork": true, "hostIPC": true,
            "containers": [{"name": "a", "image": "i", "securityContext": {"privileged": true},
                            "ports": [{"containerPort": 80, "hostPort": 8080}]},
                           {"name": "b", "image": "i", "securityContext": {"privileged": true}}]}});
        assert_eq!(
            message(json!({ENFORCE_LABEL: "baseline"}), &pod).unwrap(),
            "pods \"p\" is forbidden: violates PodSecurity \"baseline:latest\": \
             host namespaces (hostNetwork=true, hostIPC=true), \
             hostPort (container \"a\" uses hostPort 8080), \
             privileged (containers \"a\", \"b\" must not set securityContext.privileged=true)"
        );
    }

    #[test]
    fn versions_and_bad_labels() {
        // runAsUser and the restricted capabilities check came in v1.23 and v1.22.
        let pol = |v: &str| {
            namespace_policy(&ns(
                json!({ENFORCE_LABEL: "restricted", ENFORCE_VERSION_LABEL: v}),
            ))
        };
        let ids = |p: Policy| -> Vec<&str> {
            violations(p, &sniffer_pod()["spec"])
                .into_iter()
                .map(|(r, _)| r)
                .collect()
        };
        assert!(!ids(pol("v1.21")).contains(&"runAsUser=0"));
        assert!(ids(pol("v1.21")).contains(&"non-default capabilities"));
        assert!(ids(pol("v1.23")).contains(&"runAsUser=0"));
        // An unknown level fails closed, as restricted; an unparsable version is latest.
        let p = namespace_policy(&ns(
            json!({ENFORCE_LABEL: "strict", ENFORCE_VERSION_LABEL: "1.2"}),
        ));
        assert_eq!(p.to_string(), "restricted:latest");
    }
}
