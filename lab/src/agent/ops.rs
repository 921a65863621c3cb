//! Requests to the node agent that no pod spec expresses: what a node's OOM killer and the
//! kubelet's node-pressure eviction do to a pod. The lab's `oom-kill` and `evict` commands
//! post them to the API server (`/lab/v1/…`); the pod's runner carries them out on its next
//! tick, so that the pod's status is written by one owner, as a kubelet's is.

use std::collections::HashMap;
use std::sync::Mutex;

/// One request for a pod's runner.
#[derive(Clone, Debug, PartialEq)]
pub enum Op {
    /// Kill the container with SIGKILL and report it as `OOMKilled`, exit code 137.
    OomKill { container: String },
    /// Node-pressure eviction: kill every container, fail the pod with reason `Evicted`.
    Evict { message: String },
}

/// Pending requests, by pod uid.
#[derive(Default)]
pub struct Ops {
    pending: Mutex<HashMap<String, Vec<Op>>>,
}

impl Ops {
    pub fn post(&self, uid: &str, op: Op) {
        self.pending
            .lock()
            .unwrap()
            .entry(uid.to_string())
            .or_default()
            .push(op);
    }

    /// Everything posted for the pod since the last call.
    pub fn take(&self, uid: &str) -> Vec<Op> {
        self.pending.lock().unwrap().remove(uid).unwrap_or_default()
    }
}
