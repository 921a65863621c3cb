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

impl State {
    /// The state's word, as the status file spells it (and as the plugin shows it).
    pub fn as_str(self) -> &'static str {
        match self {
            State::Starting => "starting",
            State::Capturing => "capturing",
            State::Stopped => "stopped",
            State::Failed => "failed",
        }
    }
}

impl std::fmt::Display for State {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn state_words_are_the_files_words() {
        for state in [
            State::Starting,
            State::Capturing,
            State::Stopped,
            State::Failed,
        ] {
            let json = serde_json::to_string(&state).unwrap();
            assert_eq!(json, format!("\"{state}\""));
            assert_eq!(serde_json::from_str::<State>(&json).unwrap(), state);
        }
    }
}
