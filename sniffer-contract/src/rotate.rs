//! Output file naming and the rotation policy (`-w`, `-C`, `-G`, `-W`).
//!
//! Without a rotation option the capture goes to exactly the `-w` path. With any of
//! `-C`/`-G`/`-W`, files are numbered from 1 with six digits before the extension:
//! `cap.pcapng` → `cap-000001.pcapng`, `cap-000002.pcapng`, … (`cap` → `cap-000001`).
//! The numbers never repeat within a capture, so the newest file is the highest number, and
//! `-W N` keeps the N highest. The status file `<stem>.status.json` beside them names the
//! file being written (see [`crate::status`]).
//!
//! Unlike tcpdump, `-W` with `-G` does not end the capture after N files, and `-W` with
//! both `-C` and `-G` is honoured: the budget always holds.

use std::path::{Path, PathBuf};
use std::time::Duration;

/// When to start a new file, and how many to keep.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RotationPolicy {
    /// `-C`: rotate before a packet would take the file past this many bytes.
    pub max_bytes: Option<u64>,
    /// `-G`: rotate after this long, whether or not packets arrive.
    pub max_age: Option<Duration>,
    /// `-W`: keep at most this many files, removing the oldest.
    pub max_files: Option<u32>,
}

impl RotationPolicy {
    pub fn from_args(args: &crate::options::TcpdumpArgs) -> RotationPolicy {
        RotationPolicy {
            max_bytes: args.file_size_mb.map(|mb| mb * 1_000_000),
            max_age: args.rotate_seconds.map(Duration::from_secs),
            max_files: args.file_count,
        }
    }

    pub fn rotates(&self) -> bool {
        self.max_bytes.is_some() || self.max_age.is_some() || self.max_files.is_some()
    }
}

/// Names the files of one capture.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileNaming {
    base: PathBuf,
    numbered: bool,
}

impl FileNaming {
    pub fn new(base: impl Into<PathBuf>, policy: &RotationPolicy) -> FileNaming {
        FileNaming {
            base: base.into(),
            numbered: policy.rotates(),
        }
    }

    /// The `-w` path as given.
    pub fn base(&self) -> &Path {
        &self.base
    }

    pub fn is_numbered(&self) -> bool {
        self.numbered
    }

    /// The directory the files go to.
    pub fn dir(&self) -> PathBuf {
        match self.base.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        }
    }

    fn stem_ext(&self) -> (String, String) {
        let name = self
            .base
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        match name.rfind('.') {
            Some(i) if i > 0 => (name[..i].to_string(), name[i..].to_string()),
            _ => (name, String::new()),
        }
    }

    /// Path of file number `seq` (from 1).
    pub fn path(&self, seq: u64) -> PathBuf {
        if !self.numbered {
            return self.base.clone();
        }
        let (stem, ext) = self.stem_ext();
        self.dir().join(format!("{stem}-{seq:06}{ext}"))
    }

    /// The sequence number of `file_name` if it is one of this capture's numbered files.
    pub fn seq_of(&self, file_name: &str) -> Option<u64> {
        if !self.numbered {
            return (Some(file_name) == self.base.file_name().and_then(|n| n.to_str()))
                .then_some(1);
        }
        let (stem, ext) = self.stem_ext();
        let digits = file_name
            .strip_prefix(&stem)?
            .strip_prefix('-')?
            .strip_suffix(ext.as_str())?;
        (digits.len() >= 6 && digits.bytes().all(|b| b.is_ascii_digit()))
            .then(|| digits.parse().ok())
            .flatten()
    }

    /// The capture's files that exist now, oldest first.
    pub fn existing(&self) -> std::io::Result<Vec<(u64, PathBuf)>> {
        let mut found = Vec::new();
        for entry in std::fs::read_dir(self.dir())? {
            let entry = entry?;
            if let Some(seq) = entry.file_name().to_str().and_then(|n| self.seq_of(n)) {
                found.push((seq, entry.path()));
            }
        }
        found.sort();
        Ok(found)
    }

    /// Where the status file of this capture lives: `<dir>/<stem>.status.json`.
    pub fn status_path(&self) -> PathBuf {
        let (stem, _) = self.stem_ext();
        self.dir().join(format!("{stem}.status.json"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rotating() -> RotationPolicy {
        RotationPolicy {
            max_files: Some(3),
            ..Default::default()
        }
    }

    #[test]
    fn numbered_names() {
        let n = FileNaming::new("/d/cap.pcapng", &rotating());
        assert_eq!(n.path(1), PathBuf::from("/d/cap-000001.pcapng"));
        assert_eq!(n.path(1234567), PathBuf::from("/d/cap-1234567.pcapng"));
        assert_eq!(n.seq_of("cap-000042.pcapng"), Some(42));
        assert_eq!(n.seq_of("cap-42.pcapng"), None);
        assert_eq!(n.seq_of("cap.pcapng"), None);
        assert_eq!(n.seq_of("cap-000042.pcap"), None);
        assert_eq!(n.status_path(), PathBuf::from("/d/cap.status.json"));
        let bare = FileNaming::new("cap", &rotating());
        assert_eq!(bare.path(2), PathBuf::from("./cap-000002"));
    }

    #[test]
    fn unnumbered_is_the_path_itself() {
        let n = FileNaming::new("/d/cap.pcapng", &RotationPolicy::default());
        assert_eq!(n.path(1), PathBuf::from("/d/cap.pcapng"));
        assert_eq!(n.seq_of("cap.pcapng"), Some(1));
    }
}
