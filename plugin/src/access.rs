//! Least privilege: what dumpy may do is decided by the roles of `deploy/rbac.yaml`, which
//! this module reads (embedded at build time) as the one statement of which role grants
//! what. Before `capture` and `restart` create anything they ask the API server, with
//! SelfSubjectAccessReviews, whether the user may do every step, and fail with one line
//! listing what is missing and the role that grants it. Every other command turns the API
//! server's 403 into one line naming the verb, the resource, the namespace and that role.

use crate::error::{Error, Result};
use crate::kube_ctx::Ctx;
use crate::progress::Reporter;
use crate::spec::{CaptureSpec, TargetKind};
use k8s_openapi::api::authorization::v1::{
    ResourceAttributes, SelfSubjectAccessReview, SelfSubjectAccessReviewSpec,
};
use k8s_openapi::api::core::v1::Pod;
use k8s_openapi::api::rbac::v1::PolicyRule;
use kube::api::{Api, PostParams};
use serde::Deserialize;

/// The shipped manifest: the roles a user of dumpy is bound to.
const MANIFEST: &str = include_str!("../../deploy/rbac.yaml");

/// One permission: a verb on a resource (`pods`, `pods/exec`, …) of an API group, in a
/// namespace ("" for cluster-scoped resources).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Need {
    pub verb: &'static str,
    pub group: &'static str,
    pub resource: &'static str,
    pub namespace: String,
}

impl Need {
    fn new(verb: &'static str, group: &'static str, resource: &'static str, ns: &str) -> Self {
        Need {
            verb,
            group,
            resource,
            namespace: ns.to_string(),
        }
    }

    /// `create pods/exec in namespace "shop" (Role dumpy-capture)`.
    fn describe(&self) -> String {
        let what = if self.group.is_empty() {
            self.resource.to_string()
        } else {
            format!("{}.{}", self.resource, self.group)
        };
        let scope = if self.namespace.is_empty() {
            String::new()
        } else {
            format!(" in namespace {:?}", self.namespace)
        };
        let roles = roles_granting(self.group, self.resource, self.verb);
        let role = if roles.is_empty() {
            String::new()
        } else {
            format!(" ({})", names(&roles))
        };
        format!("{} {what}{scope}{role}", self.verb)
    }
}

/// The (kind, name, rules) of every role in the manifest.
fn roles() -> Vec<(String, String, Vec<PolicyRule>)> {
    #[derive(Deserialize)]
    struct Doc {
        kind: String,
        metadata: kube::api::ObjectMeta,
        #[serde(default)]
        rules: Vec<PolicyRule>,
    }
    serde_yaml::Deserializer::from_str(MANIFEST)
        .filter_map(|d| Doc::deserialize(d).ok())
        .map(|d| (d.kind, d.metadata.name.unwrap_or_default(), d.rules))
        .collect()
}

/// The roles of deploy/rbac.yaml that grant `verb` on `resource` of `group`, as (kind, name).
pub fn roles_granting(group: &str, resource: &str, verb: &str) -> Vec<(String, String)> {
    let has = |list: &Option<Vec<String>>, want: &str| list.iter().flatten().any(|x| x == want);
    roles()
        .into_iter()
        .filter(|(_, _, rules)| {
            rules.iter().any(|r| {
                has(&r.api_groups, group)
                    && has(&r.resources, resource)
                    && r.verbs.iter().any(|v| v == verb)
            })
        })
        .map(|(kind, name, _)| (kind, name))
        .collect()
}

/// `Role dumpy-capture or Role dumpy-target`.
fn names(roles: &[(String, String)]) -> String {
    let all: Vec<String> = roles.iter().map(|(k, n)| format!("{k} {n}")).collect();
    all.join(" or ")
}

/// Every step `capture` (and `restart`) will take for `capture`: in the capture namespace,
/// create the sniffers, list them (readiness, `get`), exec into them (`status`, `stop`,
/// `export`; a WebSocket exec is checked as both `get` and `create`), patch them (`stop`)
/// and delete them (cleanup, `delete`), and read the PVC; in the target namespace, read the
/// target and its pods; for a node, read the node.
pub fn capture_needs(capture: &CaptureSpec) -> Vec<Need> {
    let ns = capture.namespace.as_str();
    let mut needs = vec![
        Need::new("create", "", "pods", ns),
        Need::new("list", "", "pods", ns),
        Need::new("delete", "", "pods", ns),
        Need::new("patch", "", "pods", ns),
        Need::new("create", "", "pods/exec", ns),
        Need::new("get", "", "pods/exec", ns),
    ];
    if capture.pvc.is_some() {
        needs.push(Need::new("get", "", "persistentvolumeclaims", ns));
    }
    let t = &capture.target;
    let tns = t.namespace.as_str();
    match t.kind {
        TargetKind::Node => needs.push(Need::new("get", "", "nodes", "")),
        TargetKind::Pod if !t.name.is_empty() => needs.push(Need::new("get", "", "pods", tns)),
        TargetKind::Pod => needs.push(Need::new("list", "", "pods", tns)),
        TargetKind::Deployment => needs.extend([
            Need::new("get", "apps", "deployments", tns),
            Need::new("list", "apps", "replicasets", tns),
            Need::new("list", "", "pods", tns),
        ]),
        TargetKind::Replicaset => needs.extend([
            Need::new("get", "apps", "replicasets", tns),
            Need::new("list", "", "pods", tns),
        ]),
        TargetKind::Daemonset => needs.extend([
            Need::new("get", "apps", "daemonsets", tns),
            Need::new("list", "", "pods", tns),
        ]),
        TargetKind::Statefulset => needs.extend([
            Need::new("get", "apps", "statefulsets", tns),
            Need::new("list", "", "pods", tns),
        ]),
    }
    needs
}

/// Whether the API server lets the user do `need`; None when it cannot say (the review API
/// is missing or itself forbidden).
async fn may(ctx: &Ctx, need: &Need) -> std::result::Result<bool, kube::Error> {
    let (resource, subresource) = match need.resource.split_once('/') {
        Some((r, s)) => (r, Some(s.to_string())),
        None => (need.resource, None),
    };
    let review = SelfSubjectAccessReview {
        spec: SelfSubjectAccessReviewSpec {
            resource_attributes: Some(ResourceAttributes {
                verb: Some(need.verb.into()),
                group: Some(need.group.into()),
                resource: Some(resource.into()),
                subresource,
                namespace: Some(need.namespace.clone()).filter(|n| !n.is_empty()),
                ..Default::default()
            }),
            ..Default::default()
        },
        ..Default::default()
    };
    let api: Api<SelfSubjectAccessReview> = Api::all(ctx.client.clone());
    let answer = api.create(&PostParams::default(), &review).await?;
    Ok(answer.status.is_some_and(|s| s.allowed))
}

/// Checks every step of `capture` before anything is created: one line listing what is
/// missing, with the role of deploy/rbac.yaml that grants it. With `warn_only` (`--dry-run`)
/// that line is a warning. When the API server cannot answer reviews, the check is skipped
/// with a warning (the API server still refuses what is not allowed).
pub async fn check_capture(
    ctx: &Ctx,
    capture: &CaptureSpec,
    warn_only: bool,
    rep: &Reporter,
) -> Result<()> {
    let needs = capture_needs(capture);
    let answers = futures::future::join_all(needs.iter().map(|n| may(ctx, n))).await;
    let mut missing = vec![];
    for (need, answer) in needs.iter().zip(answers) {
        match answer {
            Ok(true) => {}
            Ok(false) => missing.push(need.describe()),
            Err(e) => {
                rep.warn(format!(
                    "cannot check permissions in advance ({}); going on",
                    crate::error::describe_kube_error(&e)
                ));
                return Ok(());
            }
        }
    }
    if missing.is_empty() {
        return Ok(());
    }
    let msg = format!(
        "missing permissions: {}; ask your cluster admin to bind those roles of deploy/rbac.yaml to you; nothing was created",
        missing.join(", ")
    );
    if warn_only {
        rep.warn(msg);
        return Ok(());
    }
    Err(Error::new(msg))
}

/// One line for the API server's 403 (`pods is forbidden: User "u" cannot list resource
/// "pods" in API group "" in the namespace "shop"`): the verb, resource and namespace, and
/// the role of deploy/rbac.yaml that grants it.
pub fn describe_forbidden(message: &str) -> String {
    let Some((verb, resource, group, namespace)) = parse_forbidden(message) else {
        return format!(
            "forbidden: {message}; ask your cluster admin to bind the dumpy roles (deploy/rbac.yaml)"
        );
    };
    let user = message
        .split_once("User \"")
        .and_then(|(_, r)| r.split_once('"'))
        .map(|(u, _)| format!(" as {u:?}"))
        .unwrap_or_default();
    refusal(verb, resource, group, namespace, &user)
}

/// One line for the API server's 401.
pub fn credentials_refused(detail: &str) -> String {
    format!("the API server refused the credentials of the kubeconfig context ({detail}): log in again, or check the context's user (token or certificate)")
}

/// A WebSocket exec that the API server refuses comes back without its Status (kube only
/// reports the status of the protocol switch): the line is built from what was asked.
pub fn exec_error(pods: &Api<Pod>, e: kube::Error) -> Error {
    use kube::client::UpgradeConnectionError::ProtocolSwitch;
    match &e {
        kube::Error::UpgradeConnection(ProtocolSwitch(s)) if s.as_u16() == 403 => {
            let ns = pods
                .resource_url()
                .split('/')
                .skip_while(|s| *s != "namespaces")
                .nth(1);
            Error::new(refusal("create", "pods/exec", "", ns, ""))
        }
        kube::Error::UpgradeConnection(ProtocolSwitch(s)) if s.as_u16() == 401 => {
            Error::new(credentials_refused("401 Unauthorized"))
        }
        _ => Error::from(e),
    }
}

fn refusal(verb: &str, resource: &str, group: &str, namespace: Option<&str>, user: &str) -> String {
    let what = if group.is_empty() {
        resource.to_string()
    } else {
        format!("{resource}.{group}")
    };
    let roles = roles_granting(group, resource, verb);
    let cluster_wide = roles.iter().all(|(kind, _)| kind == "ClusterRole");
    match (namespace, roles.is_empty()) {
        (Some(ns), false) => format!(
            "forbidden: you may not {verb} {what} in namespace {ns:?}{user}: ask your cluster admin to bind {} of deploy/rbac.yaml to you in that namespace",
            names(&roles)
        ),
        (None, false) if cluster_wide => format!(
            "forbidden: you may not {verb} {what}{user}: ask your cluster admin to bind {} of deploy/rbac.yaml to you",
            names(&roles)
        ),
        (None, false) => format!(
            "forbidden: you may not {verb} {what} in all namespaces{user}: {} of deploy/rbac.yaml grants it per namespace; pass -n NAMESPACE",
            names(&roles)
        ),
        (ns, true) => format!(
            "forbidden: you may not {verb} {what}{}{user}, and no role of deploy/rbac.yaml grants it; ask your cluster admin",
            ns.map(|n| format!(" in namespace {n:?}")).unwrap_or_default()
        ),
    }
}

/// (verb, resource, group, namespace) from the RBAC authorizer's message.
fn parse_forbidden(m: &str) -> Option<(&str, &str, &str, Option<&str>)> {
    let rest = m.split_once(" cannot ")?.1;
    let (verb, rest) = rest.split_once(" resource \"")?;
    let (resource, rest) = rest.split_once("\" in API group \"")?;
    let (group, rest) = rest.split_once('"')?;
    let namespace = rest
        .strip_prefix(" in the namespace \"")
        .and_then(|r| r.split_once('"'))
        .map(|(n, _)| n);
    Some((verb, resource, group, namespace))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::fixtures::capture_spec;

    #[test]
    fn the_manifest_names_the_roles() {
        let role = |k: &str, n: &str| (k.to_string(), n.to_string());
        assert_eq!(
            roles_granting("", "pods/exec", "create"),
            [role("Role", "dumpy-capture")]
        );
        assert_eq!(
            roles_granting("apps", "replicasets", "list"),
            [role("Role", "dumpy-target")]
        );
        assert_eq!(
            roles_granting("", "nodes", "get"),
            [role("ClusterRole", "dumpy-node-capture")]
        );
        assert_eq!(
            names(&roles_granting("", "pods", "list")),
            "Role dumpy-capture or Role dumpy-target"
        );
        assert!(roles_granting("", "secrets", "get").is_empty());
    }

    #[test]
    fn every_step_of_a_capture_is_granted_by_a_role() {
        let mut spec = capture_spec();
        spec.pvc = Some("captures".into());
        for kind in [
            TargetKind::Pod,
            TargetKind::Deployment,
            TargetKind::Replicaset,
            TargetKind::Daemonset,
            TargetKind::Statefulset,
            TargetKind::Node,
        ] {
            spec.target.kind = kind;
            for n in capture_needs(&spec) {
                assert!(
                    !roles_granting(n.group, n.resource, n.verb).is_empty(),
                    "{kind:?}: {n:?} is granted by no role"
                );
            }
        }
        spec.target.kind = TargetKind::Node;
        let needs = capture_needs(&spec);
        assert!(needs.contains(&Need::new("get", "", "nodes", "")));
        assert_eq!(
            Need::new("get", "", "nodes", "").describe(),
            "get nodes (ClusterRole dumpy-node-capture)"
        );
    }

    fn kube_client() -> kube::Client {
        let config = kube::Config::new("https://192.0.2.10:6443".parse().unwrap());
        kube::Client::try_from(config).unwrap()
    }

    #[tokio::test]
    async fn forbidden_names_verb_resource_namespace_and_role() {
        let m = describe_forbidden(
            r#"pods is forbidden: User "system:serviceaccount:ns:sa" cannot create resource "pods/exec" in API group "" in the namespace "shop""#,
        );
        assert_eq!(
            m,
            r#"forbidden: you may not create pods/exec in namespace "shop" as "system:serviceaccount:ns:sa": ask your cluster admin to bind Role dumpy-capture of deploy/rbac.yaml to you in that namespace"#
        );
        let m = describe_forbidden(
            r#"pods is forbidden: User "bob" cannot list resource "pods" in API group "" at the cluster scope"#,
        );
        assert!(
            m.contains("list pods in all namespaces") && m.contains("-n NAMESPACE"),
            "{m}"
        );
        let m = describe_forbidden(
            r#"secrets is forbidden: User "bob" cannot get resource "secrets" in API group "" in the namespace "x""#,
        );
        assert!(m.contains("no role of deploy/rbac.yaml"), "{m}");
        let pods: Api<Pod> = Api::namespaced(kube_client(), "shop");
        let e = kube::Error::UpgradeConnection(
            kube::client::UpgradeConnectionError::ProtocolSwitch(http::StatusCode::FORBIDDEN),
        );
        assert_eq!(
            exec_error(&pods, e).message,
            r#"forbidden: you may not create pods/exec in namespace "shop": ask your cluster admin to bind Role dumpy-capture of deploy/rbac.yaml to you in that namespace"#
        );
        // A message in another shape is kept whole.
        let m = describe_forbidden("access denied by webhook");
        assert!(
            m.contains("access denied by webhook") && m.contains("deploy/rbac.yaml"),
            "{m}"
        );
    }
}
