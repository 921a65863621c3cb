//! Authorization as the API server's RBAC authorizer does it, for every request: the request's
//! attributes (verb, API group, resource, subresource, namespace, name, or a non-resource
//! path) are read from its method and path like the API server's RequestInfo, and allowed
//! when a rule of a Role or ClusterRole bound to the user (or one of its groups, or its
//! ServiceAccount) matches them. RoleBindings grant in their own namespace, ClusterRoleBindings
//! everywhere; `system:masters` may do anything. A refusal is the API server's 403 Status.
//!
//! Also the review APIs built on it: SelfSubjectAccessReview (`kubectl auth can-i`) and
//! SelfSubjectRulesReview (`kubectl auth can-i --list`), and the bootstrap roles every
//! cluster has (`cluster-admin`, and discovery plus the self reviews for every authenticated
//! user). Not done: aggregation, escalation checks on creating roles and bindings.

use super::auth::{self, User};
use super::objects::prepare_new;
use super::resources;
use super::status::ApiError;
use super::App;
use axum::body::Bytes;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Extension, Router};
use serde_json::{json, Value};
use std::sync::Arc;

pub const GROUP: &str = "rbac.authorization.k8s.io";
/// The group of the review APIs (no stored objects: they are answered at once).
pub const REVIEW_GROUP: &str = "authorization.k8s.io";

/// What a request asks to do, as the authorizer sees it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Attributes {
    pub verb: String,
    pub resource_request: bool,
    pub group: String,
    pub resource: String,
    pub subresource: String,
    pub namespace: String,
    pub name: String,
    /// The path, for non-resource requests.
    pub path: String,
}

/// The attributes of a request, like the API server's RequestInfoFactory.
pub fn attributes(method: &Method, path: &str, query: &str) -> Attributes {
    let path = path.trim_end_matches('/');
    let path = if path.is_empty() { "/" } else { path };
    let verb = match *method {
        Method::POST => "create",
        Method::PUT => "update",
        Method::PATCH => "patch",
        Method::DELETE => "delete",
        _ => "get",
    };
    let non_resource = || Attributes {
        verb: verb.into(),
        path: path.to_string(),
        ..Default::default()
    };
    let segs: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    let (group, mut parts) = match segs.as_slice() {
        ["api", _v, rest @ ..] if !rest.is_empty() => ("", rest.to_vec()),
        ["apis", g, _v, rest @ ..] if !rest.is_empty() => (*g, rest.to_vec()),
        _ => return non_resource(),
    };
    let mut a = Attributes {
        resource_request: true,
        group: group.into(),
        ..Default::default()
    };
    if parts[0] == "namespaces" && parts.len() > 1 {
        // `namespaces/NAME` is the namespace object, in its own namespace (so a Role can
        // grant reading the namespace it lives in); `namespaces/NAME/pods/...` is a
        // namespaced resource.
        a.namespace = parts[1].to_string();
        if parts.len() > 2 && !matches!(parts[2], "status" | "finalize") {
            parts = parts[2..].to_vec();
        }
    }
    a.resource = parts[0].to_string();
    a.name = parts.get(1).map(|s| s.to_string()).unwrap_or_default();
    a.subresource = parts.get(2).map(|s| s.to_string()).unwrap_or_default();
    let watch = query
        .split('&')
        .any(|kv| kv == "watch=true" || kv == "watch=1");
    a.verb = match (verb, a.name.is_empty()) {
        ("get", true) if watch => "watch",
        ("get", true) => "list",
        ("delete", true) => "deletecollection",
        (v, _) => v,
    }
    .into();
    a
}

fn has(list: &Value, want: &str) -> bool {
    list.as_array()
        .into_iter()
        .flatten()
        .any(|v| v == "*" || v == want)
}

/// Whether one PolicyRule allows `a`.
pub fn rule_allows(rule: &Value, a: &Attributes) -> bool {
    if !has(&rule["verbs"], &a.verb) {
        return false;
    }
    if !a.resource_request {
        return rule["nonResourceURLs"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .any(|u| {
                u == "*"
                    || u == a.path
                    || u.strip_suffix('*').is_some_and(|p| a.path.starts_with(p))
            });
    }
    let combined = if a.subresource.is_empty() {
        a.resource.clone()
    } else {
        format!("{}/{}", a.resource, a.subresource)
    };
    let resource_ok = rule["resources"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .any(|r| {
            r == "*"
                || r == combined
                || (!a.subresource.is_empty() && r == format!("*/{}", a.subresource))
        });
    let names = rule["resourceNames"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    has(&rule["apiGroups"], &a.group)
        && resource_ok
        && (names.is_empty() || names.iter().any(|n| n == a.name.as_str()))
}

fn subject_matches(s: &Value, user: &User, binding_ns: &str) -> bool {
    let name = s["name"].as_str().unwrap_or("");
    match s["kind"].as_str() {
        Some("User") => name == user.name,
        Some("Group") => user.groups.iter().any(|g| g == name),
        Some("ServiceAccount") => {
            let ns = s["namespace"]
                .as_str()
                .filter(|n| !n.is_empty())
                .unwrap_or(binding_ns);
            user.name == format!("system:serviceaccount:{ns}:{name}")
        }
        _ => false,
    }
}

fn bound(binding: &Value, user: &User) -> bool {
    let ns = binding["metadata"]["namespace"].as_str().unwrap_or("");
    binding["subjects"]
        .as_array()
        .into_iter()
        .flatten()
        .any(|s| subject_matches(s, user, ns))
}

fn role_rules(app: &App, role_ref: &Value, binding_ns: &str) -> Vec<Value> {
    let name = role_ref["name"].as_str().unwrap_or("");
    let role = match role_ref["kind"].as_str() {
        Some("ClusterRole") => app.store.get("clusterroles", "", name),
        Some("Role") => app.store.get("roles", binding_ns, name),
        _ => None,
    };
    role.and_then(|r| r["rules"].as_array().cloned())
        .unwrap_or_default()
}

/// Every rule that applies to `user` in `namespace` ("" = cluster scope): the rules of the
/// ClusterRoles bound cluster-wide, and those bound in that namespace.
pub fn rules_for(app: &App, user: &User, namespace: &str) -> Vec<Value> {
    if user.is_master() {
        return vec![
            json!({"verbs": ["*"], "apiGroups": ["*"], "resources": ["*"]}),
            json!({"verbs": ["*"], "nonResourceURLs": ["*"]}),
        ];
    }
    let mut rules = vec![];
    for b in app.store.list("clusterrolebindings", None).0 {
        if bound(&b, user) && b["roleRef"]["kind"] == "ClusterRole" {
            rules.extend(role_rules(app, &b["roleRef"], ""));
        }
    }
    if !namespace.is_empty() {
        for b in app.store.list("rolebindings", Some(namespace)).0 {
            if bound(&b, user) {
                rules.extend(role_rules(app, &b["roleRef"], namespace));
            }
        }
    }
    rules
}

pub fn allowed(app: &App, user: &User, a: &Attributes) -> bool {
    let ns = if a.resource_request { &a.namespace } else { "" };
    rules_for(app, user, ns).iter().any(|r| rule_allows(r, a))
}

/// The API server's 403 for `a`.
pub fn forbidden(user: &User, a: &Attributes) -> ApiError {
    if !a.resource_request {
        return ApiError {
            code: 403,
            reason: "Forbidden",
            message: format!(
                "forbidden: User \"{}\" cannot {} path \"{}\"",
                user.name, a.verb, a.path
            ),
            details: json!({}),
        };
    }
    let what = if a.group.is_empty() {
        a.resource.clone()
    } else {
        format!("{}.{}", a.resource, a.group)
    };
    let subject = if a.name.is_empty() {
        what
    } else {
        format!("{what} \"{}\"", a.name)
    };
    let resource = if a.subresource.is_empty() {
        a.resource.clone()
    } else {
        format!("{}/{}", a.resource, a.subresource)
    };
    let scope = if a.namespace.is_empty() {
        "at the cluster scope".to_string()
    } else {
        format!("in the namespace \"{}\"", a.namespace)
    };
    let mut details = json!({"kind": a.resource});
    if !a.name.is_empty() {
        details["name"] = json!(a.name);
    }
    if !a.group.is_empty() {
        details["group"] = json!(a.group);
    }
    ApiError {
        code: 403,
        reason: "Forbidden",
        message: format!(
            "{subject} is forbidden: User \"{}\" cannot {} resource \"{resource}\" in API group \"{}\" {scope}",
            user.name, a.verb, a.group
        ),
        details,
    }
}

/// `kubectl --as USER [--as-group G]`: the request is made as USER when the caller may
/// `impersonate` that user (or ServiceAccount) and those groups, as the API server does it.
pub fn impersonate(app: &App, caller: User, headers: &HeaderMap) -> Result<User, ApiError> {
    let Some(name) = headers
        .get("impersonate-user")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
    else {
        return Ok(caller);
    };
    let groups: Vec<String> = headers
        .get_all("impersonate-group")
        .iter()
        .filter_map(|v| v.to_str().ok().map(str::to_string))
        .collect();
    let check = |resource: &str, namespace: &str, name: &str| {
        let a = Attributes {
            verb: "impersonate".into(),
            resource_request: true,
            resource: resource.into(),
            namespace: namespace.into(),
            name: name.into(),
            ..Default::default()
        };
        if allowed(app, &caller, &a) {
            Ok(())
        } else {
            Err(forbidden(&caller, &a))
        }
    };
    let mut user = match name
        .strip_prefix("system:serviceaccount:")
        .and_then(|r| r.split_once(':'))
    {
        Some((ns, sa)) => {
            check("serviceaccounts", ns, sa)?;
            User {
                name: name.clone(),
                groups: vec![
                    "system:serviceaccounts".into(),
                    format!("system:serviceaccounts:{ns}"),
                ],
            }
        }
        None => {
            check("users", "", &name)?;
            User {
                name: name.clone(),
                groups: vec![],
            }
        }
    };
    for g in groups {
        check("groups", "", &g)?;
        user.groups.push(g);
    }
    user.groups.push("system:authenticated".into());
    Ok(user)
}

/// The one hook into the request path: authenticates (401), authorizes (403), and hands the
/// user to the handlers that need it (the reviews).
pub async fn guard(State(app): State<Arc<App>>, mut req: Request, next: Next) -> Response {
    let certificate = req
        .extensions()
        .get::<axum::extract::ConnectInfo<super::tls::Peer>>()
        .and_then(|c| c.0 .0.clone());
    let user = match auth::authenticate(&app, req.headers(), certificate)
        .and_then(|u| impersonate(&app, u, req.headers()))
    {
        Ok(u) => u,
        Err(e) => return e.into_response(),
    };
    let a = attributes(
        req.method(),
        req.uri().path(),
        req.uri().query().unwrap_or(""),
    );
    // An exec over WebSocket is a GET, authorized as `get`; API servers since 1.35 also
    // require `create` (what a POST exec needs), and so does the lab.
    let mut checks = vec![a.clone()];
    if a.resource == "pods" && a.subresource == "exec" && a.verb == "get" {
        checks.push(Attributes {
            verb: "create".into(),
            ..a.clone()
        });
    }
    if let Some(refused) = checks.iter().find(|a| !allowed(&app, &user, a)) {
        tracing::info!(user = %user.name, ?refused, "forbidden");
        return forbidden(&user, refused).into_response();
    }
    req.extensions_mut().insert(user);
    next.run(req).await
}

/// The routes this module and [`auth`] answer themselves.
pub fn routes() -> Router<Arc<App>> {
    Router::new()
        .route(
            "/api/v1/namespaces/{ns}/serviceaccounts/{name}/token",
            post(auth::token_request),
        )
        .route(
            "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews",
            post(self_subject_access_review),
        )
        .route(
            "/apis/authorization.k8s.io/v1/selfsubjectrulesreviews",
            post(self_subject_rules_review),
        )
}

fn created(doc: Value) -> Response {
    (
        axum::http::StatusCode::CREATED,
        [("content-type", "application/json")],
        doc.to_string(),
    )
        .into_response()
}

fn parse(body: &Bytes) -> Result<Value, ApiError> {
    serde_json::from_slice(body).map_err(|e| {
        ApiError::bad_request(format!(
            "the body of the request could not be decoded as JSON: {e}"
        ))
    })
}

/// `kubectl auth can-i VERB RESOURCE`: may the caller do this?
async fn self_subject_access_review(
    State(app): State<Arc<App>>,
    Extension(user): Extension<User>,
    body: Bytes,
) -> Response {
    let mut review = match parse(&body) {
        Ok(v) => v,
        Err(e) => return e.into_response(),
    };
    let spec = &review["spec"];
    let s = |v: &Value| v.as_str().unwrap_or("").to_string();
    let a = if let Some(r) = spec["resourceAttributes"].as_object() {
        let r = Value::Object(r.clone());
        Attributes {
            verb: s(&r["verb"]),
            resource_request: true,
            group: s(&r["group"]),
            resource: s(&r["resource"]),
            subresource: s(&r["subresource"]),
            namespace: s(&r["namespace"]),
            name: s(&r["name"]),
            path: String::new(),
        }
    } else if let Some(n) = spec["nonResourceAttributes"].as_object() {
        let n = Value::Object(n.clone());
        Attributes {
            verb: s(&n["verb"]),
            path: s(&n["path"]),
            ..Default::default()
        }
    } else {
        return ApiError::invalid(
            "SelfSubjectAccessReview",
            REVIEW_GROUP,
            "",
            &[(
                "spec.resourceAttributes".into(),
                "Invalid value: \"null\": exactly one of nonResourceAttributes or resourceAttributes must be specified".into(),
            )],
        )
        .into_response();
    };
    let ok = allowed(&app, &user, &a);
    review["apiVersion"] = json!("authorization.k8s.io/v1");
    review["kind"] = json!("SelfSubjectAccessReview");
    review["metadata"] = json!({"creationTimestamp": null});
    review["status"] = if ok {
        json!({"allowed": true, "reason": "allowed by RBAC"})
    } else {
        json!({"allowed": false})
    };
    created(review)
}

/// `kubectl auth can-i --list`: every rule that applies to the caller in a namespace.
async fn self_subject_rules_review(
    State(app): State<Arc<App>>,
    Extension(user): Extension<User>,
    body: Bytes,
) -> Response {
    let mut review = match parse(&body) {
        Ok(v) => v,
        Err(e) => return e.into_response(),
    };
    let ns = review["spec"]["namespace"]
        .as_str()
        .unwrap_or("")
        .to_string();
    let (mut resource_rules, mut non_resource_rules) = (vec![], vec![]);
    for r in rules_for(&app, &user, &ns) {
        if r["nonResourceURLs"].is_array() {
            non_resource_rules
                .push(json!({"verbs": r["verbs"], "nonResourceURLs": r["nonResourceURLs"]}));
        } else {
            let mut rule = json!({"verbs": r["verbs"], "apiGroups": r["apiGroups"], "resources": r["resources"]});
            if r["resourceNames"].is_array() {
                rule["resourceNames"] = r["resourceNames"].clone();
            }
            resource_rules.push(rule);
        }
    }
    review["apiVersion"] = json!("authorization.k8s.io/v1");
    review["kind"] = json!("SelfSubjectRulesReview");
    review["metadata"] = json!({"creationTimestamp": null});
    review["status"] = json!({"resourceRules": resource_rules,
        "nonResourceRules": non_resource_rules, "incomplete": false});
    created(review)
}

/// The roles and bindings an API server bootstraps: `cluster-admin` for `system:masters`,
/// and for every authenticated user discovery (`system:discovery`) and the self reviews
/// (`system:basic-user`), without which `kubectl auth can-i` could not even ask.
pub fn bootstrap(app: &App) {
    let roles = [
        (
            "cluster-admin",
            json!([{"verbs": ["*"], "apiGroups": ["*"], "resources": ["*"]},
                   {"verbs": ["*"], "nonResourceURLs": ["*"]}]),
            json!({"kind": "Group", "apiGroup": GROUP, "name": auth::MASTERS}),
        ),
        (
            "system:basic-user",
            json!([{"verbs": ["create"], "apiGroups": [REVIEW_GROUP],
                    "resources": ["selfsubjectaccessreviews", "selfsubjectrulesreviews"]}]),
            json!({"kind": "Group", "apiGroup": GROUP, "name": "system:authenticated"}),
        ),
        (
            "system:discovery",
            json!([{"verbs": ["get"], "nonResourceURLs": ["/api", "/api/*", "/apis", "/apis/*",
                    "/healthz", "/livez", "/openapi", "/openapi/*", "/readyz", "/version", "/version/"]}]),
            json!({"kind": "Group", "apiGroup": GROUP, "name": "system:authenticated"}),
        ),
    ];
    for (name, rules, subject) in roles {
        let meta =
            json!({"name": name, "labels": {"kubernetes.io/bootstrapping": "rbac-defaults"}});
        for (plural, obj) in [
            ("clusterroles", json!({"metadata": meta, "rules": rules})),
            (
                "clusterrolebindings",
                json!({"metadata": meta, "subjects": [subject],
                       "roleRef": {"apiGroup": GROUP, "kind": "ClusterRole", "name": name}}),
            ),
        ] {
            if let Some(res) = resources::by_plural(plural) {
                let _ = app.store.create(plural, prepare_new(app, res, obj));
            }
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    fn attrs(method: Method, path: &str, query: &str) -> Attributes {
        attributes(&method, path, query)
    }

    #[test]
    fn request_attributes_like_the_api_server() {
        let a = attrs(Method::GET, "/api/v1/namespaces/demo/pods", "");
        assert_eq!(
            (a.verb.as_str(), a.resource.as_str(), a.namespace.as_str()),
            ("list", "pods", "demo")
        );
        let a = attrs(
            Method::GET,
            "/api/v1/namespaces/demo/pods",
            "watch=true&x=1",
        );
        assert_eq!(a.verb, "watch");
        let a = attrs(
            Method::GET,
            "/api/v1/namespaces/demo/pods/web-1/exec",
            "command=ls",
        );
        assert_eq!(
            (a.verb.as_str(), a.name.as_str(), a.subresource.as_str()),
            ("get", "web-1", "exec")
        );
        let a = attrs(
            Method::DELETE,
            "/apis/apps/v1/namespaces/demo/deployments",
            "",
        );
        assert_eq!(
            (a.verb.as_str(), a.group.as_str()),
            ("deletecollection", "apps")
        );
        // The namespace object lives in its own namespace.
        let a = attrs(Method::GET, "/api/v1/namespaces/demo", "");
        assert_eq!(
            (
                a.verb.as_str(),
                a.resource.as_str(),
                a.namespace.as_str(),
                a.name.as_str()
            ),
            ("get", "namespaces", "demo", "demo")
        );
        let a = attrs(Method::GET, "/api/v1/namespaces", "");
        assert_eq!((a.verb.as_str(), a.namespace.as_str()), ("list", ""));
        let a = attrs(Method::GET, "/api/v1/nodes/n1", "");
        assert_eq!((a.resource.as_str(), a.namespace.as_str()), ("nodes", ""));
        for p in [
            "/api",
            "/api/v1",
            "/apis/apps/v1",
            "/version",
            "/openapi/v3/api/v1",
        ] {
            let a = attrs(Method::GET, p, "");
            assert!(!a.resource_request, "{p}");
        }
    }

    #[test]
    fn rules_match_verbs_groups_subresources_and_names() {
        let get_exec = attrs(Method::POST, "/api/v1/namespaces/d/pods/p/exec", "");
        let rule = json!({"verbs": ["create"], "apiGroups": [""], "resources": ["pods/exec"]});
        assert!(rule_allows(&rule, &get_exec));
        // `pods` does not grant its subresources, nor `pods/exec` the pods.
        let pods = json!({"verbs": ["*"], "apiGroups": [""], "resources": ["pods"]});
        assert!(!rule_allows(&pods, &get_exec));
        let create_pod = attrs(Method::POST, "/api/v1/namespaces/d/pods", "");
        assert!(!rule_allows(&rule, &create_pod));
        assert!(rule_allows(&pods, &create_pod));
        let any_sub = json!({"verbs": ["create"], "apiGroups": ["*"], "resources": ["*/exec"]});
        assert!(rule_allows(&any_sub, &get_exec));
        // The group must match.
        let apps = json!({"verbs": ["get"], "apiGroups": ["apps"], "resources": ["pods"]});
        assert!(!rule_allows(
            &apps,
            &attrs(Method::GET, "/api/v1/namespaces/d/pods/p", "")
        ));
        // resourceNames restrict to those names, and never allow a list.
        let named = json!({"verbs": ["get", "list"], "apiGroups": [""], "resources": ["pods"], "resourceNames": ["p"]});
        assert!(rule_allows(
            &named,
            &attrs(Method::GET, "/api/v1/namespaces/d/pods/p", "")
        ));
        assert!(!rule_allows(
            &named,
            &attrs(Method::GET, "/api/v1/namespaces/d/pods/q", "")
        ));
        assert!(!rule_allows(
            &named,
            &attrs(Method::GET, "/api/v1/namespaces/d/pods", "")
        ));
        let urls = json!({"verbs": ["get"], "nonResourceURLs": ["/api/*", "/version"]});
        assert!(rule_allows(&urls, &attrs(Method::GET, "/api/v1", "")));
        assert!(rule_allows(&urls, &attrs(Method::GET, "/version", "")));
        assert!(!rule_allows(&urls, &attrs(Method::GET, "/apis", "")));
        assert!(!rule_allows(&urls, &create_pod));
    }

    #[test]
    fn forbidden_has_the_api_servers_message_shape() {
        let sa = User {
            name: "system:serviceaccount:ns:sa".into(),
            groups: vec![],
        };
        let e = forbidden(&sa, &attrs(Method::POST, "/api/v1/namespaces/ns/pods", ""));
        assert_eq!(e.code, 403);
        assert_eq!(
            e.message,
            r#"pods is forbidden: User "system:serviceaccount:ns:sa" cannot create resource "pods" in API group "" in the namespace "ns""#
        );
        let e = forbidden(
            &sa,
            &attrs(
                Method::GET,
                "/apis/apps/v1/namespaces/ns/deployments/web",
                "",
            ),
        );
        assert_eq!(
            e.message,
            r#"deployments.apps "web" is forbidden: User "system:serviceaccount:ns:sa" cannot get resource "deployments" in API group "apps" in the namespace "ns""#
        );
        assert_eq!(
            e.details,
            json!({"kind": "deployments", "name": "web", "group": "apps"})
        );
        let e = forbidden(&sa, &attrs(Method::GET, "/api/v1/nodes/n1", ""));
        assert!(
            e.message
                .ends_with(r#"cannot get resource "nodes" in API group "" at the cluster scope"#),
            "{}",
            e.message
        );
        let e = forbidden(
            &sa,
            &attrs(Method::GET, "/api/v1/namespaces/ns/pods/p/log", ""),
        );
        assert!(
            e.message.contains(r#"cannot get resource "pods/log""#),
            "{}",
            e.message
        );
    }

    pub(crate) fn app() -> App {
        App {
            store: super::super::store::Store::new(),
            addr: String::new(),
            state_dir: std::path::PathBuf::new(),
            next_node: std::sync::atomic::AtomicUsize::new(0),
            node_ops: Default::default(),
            tokens: auth::Tokens::new(),
        }
    }

    fn put(app: &App, plural: &str, obj: Value) {
        let res = resources::by_plural(plural).unwrap();
        app.store
            .create(plural, prepare_new(app, res, obj))
            .unwrap();
    }

    #[test]
    fn bindings_grant_in_their_namespace_and_cluster_wide() {
        let app = app();
        bootstrap(&app);
        let sa = User {
            name: "system:serviceaccount:team:alice".into(),
            groups: vec![
                "system:serviceaccounts".into(),
                "system:authenticated".into(),
            ],
        };
        let list_pods = |ns: &str| attrs(Method::GET, &format!("/api/v1/namespaces/{ns}/pods"), "");
        // Discovery and the self reviews for every authenticated user; nothing else yet.
        assert!(allowed(&app, &sa, &attrs(Method::GET, "/apis", "")));
        assert!(allowed(
            &app,
            &sa,
            &attrs(
                Method::POST,
                "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews",
                ""
            )
        ));
        assert!(!allowed(&app, &sa, &list_pods("shop")));
        put(
            &app,
            "roles",
            json!({"metadata": {"name": "reader", "namespace": "shop"},
            "rules": [{"verbs": ["list"], "apiGroups": [""], "resources": ["pods"]}]}),
        );
        put(
            &app,
            "rolebindings",
            json!({"metadata": {"name": "rb", "namespace": "shop"},
            "subjects": [{"kind": "ServiceAccount", "name": "alice", "namespace": "team"}],
            "roleRef": {"apiGroup": GROUP, "kind": "Role", "name": "reader"}}),
        );
        assert!(allowed(&app, &sa, &list_pods("shop")));
        assert!(!allowed(&app, &sa, &list_pods("other")));
        assert!(!allowed(&app, &sa, &attrs(Method::GET, "/api/v1/pods", "")));
        // A ClusterRole bound by a RoleBinding grants only in that namespace; by a
        // ClusterRoleBinding, everywhere (cluster-scoped resources too).
        put(
            &app,
            "clusterroles",
            json!({"metadata": {"name": "nodes"},
            "rules": [{"verbs": ["get"], "apiGroups": [""], "resources": ["nodes", "pods"]}]}),
        );
        put(
            &app,
            "rolebindings",
            json!({"metadata": {"name": "rb2", "namespace": "other"},
            "subjects": [{"kind": "Group", "name": "system:serviceaccounts"}],
            "roleRef": {"apiGroup": GROUP, "kind": "ClusterRole", "name": "nodes"}}),
        );
        let get_pod = |ns: &str| attrs(Method::GET, &format!("/api/v1/namespaces/{ns}/pods/p"), "");
        assert!(allowed(&app, &sa, &get_pod("other")));
        assert!(!allowed(&app, &sa, &get_pod("shop")));
        assert!(!allowed(
            &app,
            &sa,
            &attrs(Method::GET, "/api/v1/nodes/n1", "")
        ));
        put(
            &app,
            "clusterrolebindings",
            json!({"metadata": {"name": "crb"},
            "subjects": [{"kind": "User", "name": "system:serviceaccount:team:alice"}],
            "roleRef": {"apiGroup": GROUP, "kind": "ClusterRole", "name": "nodes"}}),
        );
        assert!(allowed(
            &app,
            &sa,
            &attrs(Method::GET, "/api/v1/nodes/n1", "")
        ));
        assert!(allowed(&app, &sa, &get_pod("shop")));
        // Someone else gets none of it; system:masters gets everything.
        let bob = User {
            name: "bob".into(),
            groups: vec!["system:authenticated".into()],
        };
        assert!(!allowed(&app, &bob, &list_pods("shop")));
        // `--as`: bob may not act as anyone.
        let mut h = HeaderMap::new();
        h.insert(
            "impersonate-user",
            "system:serviceaccount:team:alice".parse().unwrap(),
        );
        let e = impersonate(&app, bob.clone(), &h).unwrap_err();
        assert_eq!(e.code, 403);
        assert!(
            e.message
                .contains(r#"cannot impersonate resource "serviceaccounts""#),
            "{}",
            e.message
        );
        h.insert("impersonate-user", "carol".parse().unwrap());
        assert!(impersonate(&app, bob.clone(), &h).is_err());
        let admin = User {
            name: auth::ADMIN.into(),
            groups: vec![auth::MASTERS.into()],
        };
        assert!(allowed(
            &app,
            &admin,
            &attrs(Method::DELETE, "/api/v1/nodes/n1", "")
        ));
        // The admin may act as alice, and then has alice's rights only.
        h.insert(
            "impersonate-user",
            "system:serviceaccount:team:alice".parse().unwrap(),
        );
        let as_alice = impersonate(&app, admin, &h).unwrap();
        assert_eq!(as_alice.name, sa.name);
        assert!(allowed(&app, &as_alice, &list_pods("shop")));
        assert!(!allowed(&app, &as_alice, &list_pods("other")));
    }
}
