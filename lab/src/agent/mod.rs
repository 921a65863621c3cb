//! The node agent: runs every scheduled pod as real containerd containers (namespace k8s.io),
//! each pod in its own network namespace on the lab bridge, and keeps pod status current.

pub mod backoff;
pub mod images;
pub mod network;
pub mod node_runtime;
pub mod ops;
pub mod paths;
pub mod pods;
pub mod rootfs;
pub mod runtime;
