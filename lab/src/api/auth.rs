//! Authentication as the API server does it: a client certificate signed by the lab's CA
//! (its user read by [`super::tls`]), else a bearer token: the lab's admin token (in the
//! kubeconfig `dumpy-lab up` writes, group `system:masters`) or a ServiceAccount token issued
//! through the TokenRequest subresource (`kubectl create token SA`). A request without
//! credentials, or with a token the lab does not know (expired, or its ServiceAccount
//! deleted), gets 401 Unauthorized. Also the ServiceAccount controller's one job the lab needs: a `default`
//! ServiceAccount in every namespace.
//!
//! Tokens are opaque random strings (real ones are JWTs, which clients never look into).

use super::objects::{now, prepare_new};
use super::resources;
use super::status::ApiError;
use super::App;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use rand::Rng;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

/// The group whose members every request is allowed to (the API server's bypass).
pub const MASTERS: &str = "system:masters";
/// The lab admin's user name.
pub const ADMIN: &str = "dumpy-lab-admin";
/// TokenRequest's default and minimum lifetimes, as the API server has them.
const DEFAULT_EXPIRATION: i64 = 3600;
const MIN_EXPIRATION: i64 = 600;

/// Who made a request.
#[derive(Clone, Debug)]
pub struct User {
    pub name: String,
    pub groups: Vec<String>,
}

impl User {
    fn service_account(ns: &str, name: &str) -> User {
        User {
            name: format!("system:serviceaccount:{ns}:{name}"),
            groups: vec![
                "system:serviceaccounts".into(),
                format!("system:serviceaccounts:{ns}"),
                "system:authenticated".into(),
            ],
        }
    }

    pub fn is_master(&self) -> bool {
        self.groups.iter().any(|g| g == MASTERS)
    }
}

/// A ServiceAccount token: whose it is (by uid, so a deleted and re-created account does not
/// inherit it) and until when it is valid.
struct Issued {
    namespace: String,
    name: String,
    uid: String,
    expires: SystemTime,
}

/// The tokens the lab knows.
pub struct Tokens {
    admin: String,
    issued: Mutex<HashMap<String, Issued>>,
}

fn random_token() -> String {
    let b: [u8; 32] = rand::rng().random();
    b.iter().map(|x| format!("{x:02x}")).collect()
}

impl Default for Tokens {
    fn default() -> Self {
        Self::new()
    }
}

impl Tokens {
    pub fn new() -> Self {
        Tokens {
            admin: random_token(),
            issued: Mutex::new(HashMap::new()),
        }
    }

    /// The admin token, for the kubeconfig.
    pub fn admin(&self) -> &str {
        &self.admin
    }
}

fn unauthorized() -> ApiError {
    ApiError {
        code: 401,
        reason: "Unauthorized",
        message: "Unauthorized".into(),
        details: Value::Null,
    }
}

/// The user of a request: its verified client certificate's (`certificate`), else the one its
/// `Authorization: Bearer` header names; or 401.
pub fn authenticate(
    app: &App,
    headers: &HeaderMap,
    certificate: Option<User>,
) -> Result<User, ApiError> {
    // Like the API server's union of authenticators: x509 first.
    if let Some(user) = certificate {
        return Ok(user);
    }
    let token = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .ok_or_else(unauthorized)?;
    if token == app.tokens.admin {
        return Ok(User {
            name: ADMIN.into(),
            groups: vec![MASTERS.into(), "system:authenticated".into()],
        });
    }
    let issued = app.tokens.issued.lock().unwrap();
    let t = issued.get(token).ok_or_else(unauthorized)?;
    let alive = app
        .store
        .get("serviceaccounts", &t.namespace, &t.name)
        .is_some_and(|sa| sa["metadata"]["uid"] == t.uid.as_str());
    if !alive || SystemTime::now() > t.expires {
        return Err(unauthorized());
    }
    Ok(User::service_account(&t.namespace, &t.name))
}

/// POST .../namespaces/{ns}/serviceaccounts/{name}/token: a TokenRequest (`kubectl create
/// token`), authorized before it gets here as `create serviceaccounts/token`.
pub async fn token_request(
    State(app): State<Arc<App>>,
    Path((ns, name)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    let req: Value = serde_json::from_slice(&body).unwrap_or_else(|_| json!({}));
    let Some(sa) = app.store.get("serviceaccounts", &ns, &name) else {
        return ApiError::not_found("serviceaccounts", "", &name).into_response();
    };
    let seconds = req["spec"]["expirationSeconds"]
        .as_i64()
        .unwrap_or(DEFAULT_EXPIRATION);
    if seconds < MIN_EXPIRATION {
        return ApiError::invalid(
            "TokenRequest",
            "authentication.k8s.io",
            &name,
            &[(
                "spec.expirationSeconds".into(),
                format!(
                    "Invalid value: {seconds}: may not specify a duration less than 10 minutes"
                ),
            )],
        )
        .into_response();
    }
    let token = random_token();
    let expires = SystemTime::now() + Duration::from_secs(seconds as u64);
    app.tokens.issued.lock().unwrap().insert(
        token.clone(),
        Issued {
            namespace: ns.clone(),
            name: name.clone(),
            uid: sa["metadata"]["uid"].as_str().unwrap_or("").to_string(),
            expires,
        },
    );
    let expiration = chrono::DateTime::<chrono::Utc>::from(expires)
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let doc = json!({
        "kind": "TokenRequest", "apiVersion": "authentication.k8s.io/v1",
        "metadata": {"name": name, "namespace": ns, "creationTimestamp": now()},
        "spec": {"audiences": req["spec"]["audiences"].as_array().cloned().unwrap_or_default(),
                 "expirationSeconds": seconds, "boundObjectRef": req["spec"]["boundObjectRef"]},
        "status": {"token": token, "expirationTimestamp": expiration},
    });
    (
        axum::http::StatusCode::CREATED,
        [("content-type", "application/json")],
        doc.to_string(),
    )
        .into_response()
}

/// The ServiceAccount controller's part the lab needs: every namespace, present or future,
/// has a `default` ServiceAccount (pods run as it unless they name another).
pub fn start_serviceaccounts(app: Arc<App>) {
    let mut events = app.store.subscribe();
    for ns in app.store.list("namespaces", None).0 {
        default_serviceaccount(&app, ns["metadata"]["name"].as_str().unwrap_or(""));
    }
    tokio::spawn(async move {
        loop {
            match events.recv().await {
                Ok(e) if e.resource == "namespaces" && e.kind == "ADDED" => default_serviceaccount(
                    &app,
                    e.object["metadata"]["name"].as_str().unwrap_or(""),
                ),
                Ok(_) | Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => {}
                Err(_) => return,
            }
        }
    });
}

fn default_serviceaccount(app: &App, ns: &str) {
    let Some(res) = resources::by_plural("serviceaccounts") else {
        return;
    };
    if ns.is_empty() {
        return;
    }
    let sa = prepare_new(
        app,
        res,
        json!({"metadata": {"name": "default", "namespace": ns}}),
    );
    // Already there (re-created namespace events, or made by hand): keep it.
    let _ = app.store.create("serviceaccounts", sa);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::rbac::tests::app;

    fn bearer(token: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert("authorization", format!("Bearer {token}").parse().unwrap());
        h
    }

    async fn issue(app: &Arc<App>, ns: &str, name: &str, body: &str) -> (u16, Value) {
        let r = token_request(
            State(app.clone()),
            Path((ns.to_string(), name.to_string())),
            Bytes::from(body.to_string()),
        )
        .await;
        let code = r.status().as_u16();
        let body = axum::body::to_bytes(r.into_body(), 1 << 20).await.unwrap();
        (code, serde_json::from_slice(&body).unwrap())
    }

    #[tokio::test]
    async fn tokens_name_their_service_account_until_it_is_gone() {
        let app = Arc::new(app());
        let put_ns = |name: &str| {
            let res = resources::by_plural("namespaces").unwrap();
            let ns = prepare_new(&app, res, json!({"metadata": {"name": name}}));
            app.store.create("namespaces", ns).unwrap();
        };
        put_ns("shop");
        start_serviceaccounts(app.clone());
        put_ns("later");
        // The default ServiceAccount of a namespace made before and after the start.
        for _ in 0..100 {
            if app
                .store
                .get("serviceaccounts", "later", "default")
                .is_some()
            {
                break;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        assert!(app
            .store
            .get("serviceaccounts", "shop", "default")
            .is_some());
        assert!(app
            .store
            .get("serviceaccounts", "later", "default")
            .is_some());

        let (code, doc) = issue(&app, "shop", "default", r#"{"spec": {"audiences": []}}"#).await;
        assert_eq!(code, 201, "{doc}");
        assert_eq!(doc["kind"], "TokenRequest");
        assert_eq!(doc["spec"]["expirationSeconds"], DEFAULT_EXPIRATION);
        let token = doc["status"]["token"].as_str().unwrap().to_string();
        let user = authenticate(&app, &bearer(&token), None).unwrap();
        assert_eq!(user.name, "system:serviceaccount:shop:default");
        assert!(user
            .groups
            .contains(&"system:serviceaccounts:shop".to_string()));
        assert!(!user.is_master());

        let admin = authenticate(&app, &bearer(app.tokens.admin()), None).unwrap();
        assert!(admin.is_master());
        for headers in [bearer("nope"), HeaderMap::new(), bearer("")] {
            assert_eq!(authenticate(&app, &headers, None).unwrap_err().code, 401);
        }
        // No token for an account that does not exist, nor one shorter than ten minutes.
        assert_eq!(issue(&app, "shop", "ghost", "{}").await.0, 404);
        let (code, doc) = issue(
            &app,
            "shop",
            "default",
            r#"{"spec": {"expirationSeconds": 60}}"#,
        )
        .await;
        assert_eq!(code, 422, "{doc}");
        // A deleted account's tokens die with it, also when one of its name comes back.
        app.store
            .remove("serviceaccounts", "shop", "default")
            .unwrap();
        assert_eq!(
            authenticate(&app, &bearer(&token), None).unwrap_err().code,
            401
        );
        let res = resources::by_plural("serviceaccounts").unwrap();
        let again = prepare_new(
            &app,
            res,
            json!({"metadata": {"name": "default", "namespace": "shop"}}),
        );
        app.store.create("serviceaccounts", again).unwrap();
        assert_eq!(
            authenticate(&app, &bearer(&token), None).unwrap_err().code,
            401
        );
    }
}
