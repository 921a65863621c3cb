//! The lab's Kubernetes API server: routing, CRUD with defaults, list/watch, and the pod
//! subresources (log, exec) that talk to the node agent's containers. Every request is
//! authenticated ([`auth`]) and authorized ([`rbac`]) first, over HTTPS ([`tls`]).

pub mod auth;
pub mod defaults;
pub mod eviction;
pub mod exec;
pub mod labops;
pub mod logs;
pub mod objects;
pub mod podsecurity;
pub mod rbac;
pub mod resources;
pub mod scale;
pub mod selector;
pub mod status;
pub mod store;
pub mod strategic;
pub mod table;
pub mod tls;
pub mod validate;
pub mod watch;

use axum::routing::{any, post};
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
    /// Requests for the node agent (OOM kill, node-pressure eviction).
    pub node_ops: crate::agent::ops::Ops,
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
        .route(
            "/api/v1/namespaces/{ns}/pods/{name}/eviction",
            post(eviction::handle),
        )
        .route(
            "/apis/apps/v1/namespaces/{ns}/{plural}/{name}/scale",
            any(scale::handle),
        )
        .route(
            "/lab/v1/namespaces/{ns}/pods/{name}/{op}",
            post(labops::handle),
        )
        .merge(rbac::routes())
        .fallback(objects::handle)
        .layer(axum::middleware::from_fn_with_state(
            app.clone(),
            rbac::guard,
        ))
        .with_state(app)
}
