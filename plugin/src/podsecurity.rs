//! Pod Security admission, checked before anything is created: the capture namespace's
//! `pod-security.kubernetes.io/enforce` label (with `enforce-version`) names the level the
//! API server enforces there, and at `baseline` or `restricted` it refuses sniffer pods. Read
//! first, that is one clear line naming the level, the fields of the sniffer pod that violate
//! it and the fix, instead of the API server's rejection after `Dumpy init`.
//!
//! What each level forbids follows the Pod Security Standards for the fields a sniffer pod
//! sets (host namespaces, privileged, added capabilities, hostPath volumes; for `restricted`
//! also privilege escalation, root and seccomp). The API server stays the authority: when
//! this check passes or is skipped, its own answer is still explained by the error module.

use crate::error::{is_not_found, Error, Result};
use crate::podspec::sniffer_pod;
use crate::progress::Reporter;
use crate::spec::SnifferSpec;
use k8s_openapi::api::core::v1::{Namespace, Pod};
use kube::api::Api;
use kube::Client;

pub const ENFORCE_LABEL: &str = "pod-security.kubernetes.io/enforce";
pub const ENFORCE_VERSION_LABEL: &str = "pod-security.kubernetes.io/enforce-version";

/// Capabilities `baseline` lets a container add; `restricted` allows only NET_BIND_SERVICE.
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

/// The enforced policy of a namespace, as the API server names it (`baseline:latest`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy {
    pub restricted: bool,
    pub name: String,
}

/// The policy the namespace's labels enforce, or None where everything is admitted (no
/// label, or `privileged`). Labels the API server cannot parse make it enforce
/// `restricted:latest` (it fails closed), and so does this.
pub fn policy_of(ns: &Namespace) -> Option<Policy> {
    let labels = ns.metadata.labels.as_ref();
    let get = |k: &str| labels.and_then(|l| l.get(k)).map(String::as_str);
    let version = get(ENFORCE_VERSION_LABEL).unwrap_or("latest");
    let version_ok = version == "latest" || version.strip_prefix("v1.").is_some_and(is_number);
    match get(ENFORCE_LABEL) {
        None | Some("privileged") if version_ok => None,
        Some(level @ ("baseline" | "restricted")) if version_ok => Some(Policy {
            restricted: level == "restricted",
            name: format!("{level}:{version}"),
        }),
        _ => Some(Policy {
            restricted: true,
            name: "restricted:latest".into(),
        }),
    }
}

fn is_number(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// The capture namespace's enforced policy. A missing namespace is an error (nothing could
/// be created there); a namespace the user may not read only skips the check, with a warning,
/// since the API server will still say what it refuses.
pub async fn read_policy(
    client: &Client,
    namespace: &str,
    rep: &Reporter,
) -> Result<Option<Policy>> {
    let api: Api<Namespace> = Api::all(client.clone());
    match api.get(namespace).await {
        Ok(ns) => Ok(policy_of(&ns)),
        Err(e) if is_not_found(&e) => Err(Error::new(format!(
            "namespace {namespace:?} not found: create it, or capture into an existing namespace with -n"
        ))),
        Err(kube::Error::Api(r)) if r.code == 403 => {
            rep.warn(format!(
                "cannot read namespace {namespace:?} (forbidden), so neither that it exists nor its Pod Security level was checked; going on"
            ));
            Ok(None)
        }
        Err(e) => Err(e.into()),
    }
}

/// The fields of `pod` that `policy` refuses, in words a user can match to the pod spec.
pub fn violations(policy: &Policy, pod: &Pod) -> Vec<String> {
    let mut out = vec![];
    let Some(spec) = &pod.spec else {
        return out;
    };
    for (on, field) in [
        (spec.host_network, "hostNetwork=true"),
        (spec.host_pid, "hostPID=true"),
        (spec.host_ipc, "hostIPC=true"),
    ] {
        if on == Some(true) {
            out.push(field.to_string());
        }
    }
    for c in &spec.containers {
        let sc = c.security_context.clone().unwrap_or_default();
        if sc.privileged == Some(true) {
            out.push("privileged=true".into());
        }
        let caps = sc.capabilities.clone().unwrap_or_default();
        let refused: Vec<&str> = caps
            .add
            .iter()
            .flatten()
            .map(String::as_str)
            .filter(|cap| {
                if policy.restricted {
                    *cap != "NET_BIND_SERVICE"
                } else {
                    !BASELINE_CAPABILITIES.contains(cap)
                }
            })
            .collect();
        if !refused.is_empty() {
            out.push(format!("capabilities {}", refused.join(",")));
        }
        if policy.restricted {
            if !caps.drop.iter().flatten().any(|d| d == "ALL") {
                out.push("no capabilities drop ALL".into());
            }
            if sc.allow_privilege_escalation != Some(false) {
                out.push("allowPrivilegeEscalation not false".into());
            }
            let pod_sc = spec.security_context.clone().unwrap_or_default();
            if sc.run_as_non_root.or(pod_sc.run_as_non_root) != Some(true) {
                out.push("runAsNonRoot not true".into());
            }
            if sc.run_as_user == Some(0) || pod_sc.run_as_user == Some(0) {
                out.push("runAsUser=0".into());
            }
            let seccomp = sc.seccomp_profile.or(pod_sc.seccomp_profile);
            if !seccomp.is_some_and(|s| s.type_ == "RuntimeDefault" || s.type_ == "Localhost") {
                out.push("no seccompProfile".into());
            }
        }
    }
    for v in spec.volumes.iter().flatten() {
        if v.host_path.is_some() {
            out.push(format!("hostPath volume {}", v.name));
        }
    }
    out
}

/// Fails with one line if `policy` would refuse `pod`, the sniffer pod about to be created
/// in `namespace`.
pub fn check(namespace: &str, policy: &Policy, pod: &Pod) -> Result<()> {
    let refused = violations(policy, pod);
    if refused.is_empty() {
        return Ok(());
    }
    Err(Error::new(format!(
        "namespace {namespace:?} enforces Pod Security {:?}, which refuses sniffer pods ({}): \
         capture into a namespace that allows privileged pods with -n NAMESPACE, or have it \
         labelled {ENFORCE_LABEL}=privileged (or exempted) by your cluster admin; nothing was created",
        policy.name,
        refused.join(", ")
    )))
}

/// Checks the sniffer pods of `plan` against `policy`, read before with [`read_policy`]:
/// every sniffer pod of a capture has the same security fields, so the first one stands for
/// all. With `warn_only` (`--dry-run`, which creates nothing) a refusal is a warning.
pub fn check_plan(
    namespace: &str,
    policy: Option<&Policy>,
    plan: &[(String, SnifferSpec)],
    warn_only: bool,
    rep: &Reporter,
) -> Result<()> {
    let (Some(policy), Some((name, spec))) = (policy, plan.first()) else {
        return Ok(());
    };
    match check(namespace, policy, &sniffer_pod(spec, name)) {
        Err(e) if warn_only => {
            rep.warn(e.message);
            Ok(())
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::fixtures::sniffer_spec;
    use kube::api::ObjectMeta;

    fn ns(labels: &[(&str, &str)]) -> Namespace {
        Namespace {
            metadata: ObjectMeta {
                name: Some("shop".into()),
                labels: Some(
                    labels
                        .iter()
                        .map(|(k, v)| (k.to_string(), v.to_string()))
                        .collect(),
                ),
                ..Default::default()
            },
            ..Default::default()
        }
    }

    #[test]
    fn levels_from_labels() {
        assert_eq!(policy_of(&ns(&[])), None);
        assert_eq!(policy_of(&ns(&[(ENFORCE_LABEL, "privileged")])), None);
        let p = policy_of(&ns(&[(ENFORCE_LABEL, "baseline")])).unwrap();
        assert_eq!((p.restricted, p.name.as_str()), (false, "baseline:latest"));
        let p = policy_of(&ns(&[
            (ENFORCE_LABEL, "restricted"),
            (ENFORCE_VERSION_LABEL, "v1.29"),
        ]))
        .unwrap();
        assert_eq!((p.restricted, p.name.as_str()), (true, "restricted:v1.29"));
        // What the API server cannot parse, it enforces as restricted:latest.
        for bad in [
            &[(ENFORCE_LABEL, "strict")][..],
            &[(ENFORCE_LABEL, "baseline"), (ENFORCE_VERSION_LABEL, "1.29")][..],
        ] {
            assert_eq!(policy_of(&ns(bad)).unwrap().name, "restricted:latest");
        }
    }

    #[test]
    fn the_sniffer_pod_is_refused_at_baseline_with_its_fields_named() {
        let pod = sniffer_pod(&sniffer_spec("web-1", "node-1", 1), "dumpy-x");
        let base = policy_of(&ns(&[(ENFORCE_LABEL, "baseline")])).unwrap();
        assert_eq!(
            violations(&base, &pod),
            [
                "hostPID=true",
                "capabilities NET_RAW,SYS_ADMIN,SYS_PTRACE",
                "hostPath volume containerd-socket"
            ]
        );
        let e = check("shop", &base, &pod).unwrap_err();
        assert_eq!(e.code, crate::error::EXIT_FAILURE);
        assert!(!e.message.contains('\n'));
        for part in [
            "namespace \"shop\" enforces Pod Security \"baseline:latest\"",
            "hostPID=true",
            "-n NAMESPACE",
            "pod-security.kubernetes.io/enforce=privileged",
        ] {
            assert!(e.message.contains(part), "{part}: {}", e.message);
        }
        let restricted = policy_of(&ns(&[(ENFORCE_LABEL, "restricted")])).unwrap();
        let v = violations(&restricted, &pod);
        for f in ["runAsUser=0", "runAsNonRoot not true", "no seccompProfile"] {
            assert!(v.iter().any(|x| x == f), "{f}: {v:?}");
        }
    }
}
