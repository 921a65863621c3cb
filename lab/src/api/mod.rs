//! The lab's Kubernetes API server: routing, CRUD with defaults, list/watch, and the pod
//! subresources (log, exec) that talk to the node agent's containers. Every request is
//! authenticated ([`auth`]) and authorized ([`rbac`]) first, over HTTPS ([`tls`]).

pub mod auth;
pub mod exec;
pub mod logs;
pub mod objects;
pub mod podsecurity;
pub mod rbac;
pub mod resources;
pub mod selector;
pub mod status;
pub mod store;
pub mod table;
pub mod tls;
pub mod validate;
pub mod watch;

use axum::routing::any;
use axum::Router;
use std::path::PathBuf;
use std::sync::atomic::AtomicUsize;
use std::sync::Arc;
use store::Store;

/// What every handler shares.
pub struct App {
    pub store: Store,
    /// host:port of the server, for discovery's serverAddressByClientCIDRs.
    pub addr: String,
    /// Where the node agent keeps pod logs.
    pub state_dir: PathBuf,
    /// Round-robin cursor of the stand-in scheduler.
    pub next_node: AtomicUsize,
    /// The bearer tokens the server accepts.
    pub tokens: auth::Tokens,
}

pub fn router(app: Arc<App>) -> Router {
    Router::new()
        .route(
            "/api/v1/namespaces/{ns}/pods/{name}/exec",
            any(exec::handle),
        )
        .route("/api/v1/namespaces/{ns}/pods/{name}/log", any(logs::handle))
        .merge(rbac::routes())
        .fallback(objects::handle)
        .layer(axum::middleware::from_fn_with_state(
            app.clone(),
            rbac::guard,
        ))
        .with_state(app)
}
