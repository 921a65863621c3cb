//! Where the lab keeps what it makes: one state directory, so `down` can remove all of it.

use std::path::{Path, PathBuf};

pub const DEFAULT_STATE_DIR: &str = "/run/dumpy-lab";

pub fn pod_dir(state: &Path, uid: &str) -> PathBuf {
    state.join("pods").join(uid)
}

pub fn log_file(state: &Path, uid: &str, container: &str) -> PathBuf {
    pod_dir(state, uid).join(format!("{container}.log"))
}

pub fn termination_file(state: &Path, uid: &str, container: &str) -> PathBuf {
    pod_dir(state, uid).join(format!("{container}.termination-log"))
}

pub fn empty_dir(state: &Path, uid: &str, volume: &str) -> PathBuf {
    pod_dir(state, uid).join("volumes").join(volume)
}

/// A PVC's storage: one directory per claim, shared by every pod that mounts it.
pub fn pvc_dir(state: &Path, ns: &str, claim: &str) -> PathBuf {
    state.join("pvc").join(ns).join(claim)
}

pub fn rootfs(state: &Path, image: &str) -> PathBuf {
    state.join("rootfs").join(image)
}

pub fn kubeconfig(state: &Path) -> PathBuf {
    state.join("kubeconfig")
}

/// The key of the lab's CA, for `dumpy-lab user` (root only).
pub fn ca_key(state: &Path) -> PathBuf {
    state.join("ca.key")
}

pub fn pid_file(state: &Path) -> PathBuf {
    state.join("server.pid")
}

pub fn ready_file(state: &Path) -> PathBuf {
    state.join("ready")
}

pub fn server_log(state: &Path) -> PathBuf {
    state.join("server.log")
}

/// Names of the images `up` imported, one a line (`down` removes them).
pub fn images_file(state: &Path) -> PathBuf {
    state.join("images")
}

/// The lab's stand-in for Endpoints: one file per workload, the ready pods' IPs.
pub fn endpoints_dir(state: &Path) -> PathBuf {
    state.join("endpoints")
}
