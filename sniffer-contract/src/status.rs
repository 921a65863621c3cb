//! The status file: how a running sniffer tells `sniffer status|stop|export` (run by the
//! plugin through exec) what it is doing, which files it wrote and which one is current.
//!
//! It is JSON, replaced atomically (write to a temporary name, then rename), so readers
//! never see half of it.

use serde::{Deserialize, Serialize};
use std::path::Path;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum State {
    Starting,
    Capturing,
    Stopped,
    Failed,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileEntry {
    pub name: String,
    pub size: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Status {
    pub state: State,
    /// PID of the capturing sniffer process (as seen from the sniffer's PID namespace).
    pub pid: u32,
    pub interface: String,
    pub filter: String,
    pub packets_captured: u64,
    pub packets_received: u64,
    pub packets_dropped: u64,
    /// The capture's files, oldest first (file names, in the status file's directory).
    pub files: Vec<FileEntry>,
    /// The file being written, if any.
    pub current: Option<String>,
    pub message: Option<String>,
}

impl Status {
    pub fn write(&self, path: &Path) -> std::io::Result<()> {
        let tmp = path.with_extension("json.tmp");
        std::fs::write(
            &tmp,
            serde_json::to_vec_pretty(self).expect("status serializes"),
        )?;
        std::fs::rename(&tmp, path)
    }

    pub fn read(path: &Path) -> std::io::Result<Status> {
        let bytes = std::fs::read(path)?;
        serde_json::from_slice(&bytes)
            .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
    }
}
