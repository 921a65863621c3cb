//! The status file: how a running sniffer tells `sniffer status|stop|export` (run by the
//! plugin through exec) what it is doing, which files it wrote and which one is current.
//!
//! It is JSON, replaced atomically, so readers never see half of it. The sniffer's writer
//! pads it with trailing whitespace (valid JSON) to a reserved size; see the sniffer's
//! `statusfile` module for how it is written and how readers tell a live writer from a dead
//! one. Fields added after the first version are optional, so older files still parse.

use serde::{Deserialize, Serialize};
use std::path::Path;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum State {
    Starting,
    Capturing,
    /// Ended by `sniffer stop` (the plugin's `stop`) or a signal.
    Stopped,
    /// Ended on its own because the capture's budget was reached (`-c`, or a size/time
    /// budget that ends the capture).
    Completed,
    /// Ended because the target pod's network namespace went away (pod deleted or evicted);
    /// `ended_ms` says when.
    TargetGone,
    /// Ended by an error; `message` has the sniffer's one-line reason.
    Failed,
    /// Never written by a sniffer: readers report it when the file says `starting` or
    /// `capturing` but the process that wrote it is gone (e.g. killed with SIGKILL).
    Dead,
}

impl State {
    /// The state's word, as the status file spells it (and as the plugin shows it).
    pub fn as_str(self) -> &'static str {
        match self {
            State::Starting => "starting",
            State::Capturing => "capturing",
            State::Stopped => "stopped",
            State::Completed => "completed",
            State::TargetGone => "target-gone",
            State::Failed => "failed",
            State::Dead => "dead",
        }
    }

    /// Whether a sniffer was still working on the capture when it wrote this state.
    pub fn is_running(self) -> bool {
        matches!(self, State::Starting | State::Capturing)
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
    /// The process's start time (field 22 of /proc/PID/stat, clock ticks since boot), so a
    /// reader can tell the sniffer from a later process that reused its PID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pid_start: Option<u64>,
    /// When the capture started, in milliseconds since the Unix epoch: files of the
    /// capture's naming that are older belong to an earlier capture on the same path.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started_ms: Option<u64>,
    /// When the capture ended (any state that is not running), in milliseconds since the
    /// Unix epoch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended_ms: Option<u64>,
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
    pub fn read(path: &Path) -> std::io::Result<Status> {
        let bytes = std::fs::read(path)?;
        Status::parse(&bytes)
    }

    /// Parses a status file's bytes (trailing padding included).
    pub fn parse(bytes: &[u8]) -> std::io::Result<Status> {
        serde_json::from_slice(bytes)
            .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
    }

    /// The status as written to disk: pretty JSON and a newline.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut v = serde_json::to_vec_pretty(self).expect("status serializes");
        v.push(b'\n');
        v
    }
}

/// Whether `name` is a plain file name: one path component, so joining it to the capture's
/// directory cannot leave that directory.
pub fn is_plain_file_name(name: &str) -> bool {
    !name.is_empty() && name != "." && name != ".." && !name.contains(['/', '\0'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn older_files_parse_and_padding_is_ignored() {
        let old = br#"{"state":"capturing","pid":7,"interface":"any","filter":"",
            "packets_captured":1,"packets_received":1,"packets_dropped":0,
            "files":[{"name":"c.pcapng","size":10}],"current":"c.pcapng","message":null}"#;
        let mut padded = old.to_vec();
        padded.extend_from_slice(&[b' '; 100]);
        padded.push(b'\n');
        let s = Status::parse(&padded).unwrap();
        assert_eq!(s.state, State::Capturing);
        assert_eq!(s.pid_start, None);
        let again = Status::parse(&s.to_bytes()).unwrap();
        assert_eq!(again, s);
        assert!(!String::from_utf8(s.to_bytes())
            .unwrap()
            .contains("pid_start"));
        for st in [
            State::Starting,
            State::Capturing,
            State::Stopped,
            State::Completed,
            State::TargetGone,
            State::Failed,
            State::Dead,
        ] {
            let json = serde_json::to_string(&st).unwrap();
            assert_eq!(json, format!("\"{st}\""));
            assert_eq!(serde_json::from_str::<State>(&json).unwrap(), st);
        }
    }

    #[test]
    fn plain_file_names() {
        assert!(is_plain_file_name("cap-000001.pcapng"));
        for bad in ["", ".", "..", "../x", "a/b", "/etc/x", "x\0"] {
            assert!(!is_plain_file_name(bad), "{bad:?}");
        }
    }
}
