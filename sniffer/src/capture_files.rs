//! Which files belong to a capture, for `sniffer export`: the ones its status lists, and
//! the ones on disk that its naming rule (`sniffer_contract::rotate::FileNaming`) gives,
//! so a file the status missed (a status that could not be written, a killed sniffer) is
//! never left out. Names from the status are trusted only as plain file names inside the
//! capture's directory.

use sniffer_contract::rotate::{FileNaming, RotationPolicy};
use sniffer_contract::status::{is_plain_file_name, Status};
use std::path::Path;
use std::time::{Duration, UNIX_EPOCH};

/// The capture's file names, oldest first.
pub fn list(write: &Path, s: &Status) -> Result<Vec<String>, String> {
    for f in s.files.iter().map(|f| &f.name).chain(s.current.as_ref()) {
        if !is_plain_file_name(f) {
            return Err(format!(
                "the status file names {f:?}, which is not a file in the capture's directory; \
                 refusing to read it"
            ));
        }
    }
    let numbered = FileNaming::new(
        write.to_path_buf(),
        &RotationPolicy {
            max_files: Some(1),
            ..Default::default()
        },
    );
    let mut names: Vec<String> = s.files.iter().map(|f| f.name.clone()).collect();
    // A numbered capture (its status lists numbered files) may have more on disk; files of
    // the same naming from before this capture started are another capture's.
    if let Some(started) = s.started_ms {
        if s.files.iter().any(|f| numbered.seq_of(&f.name).is_some()) {
            // A second of slack: file times come from a coarser clock than the start's.
            let started = UNIX_EPOCH + Duration::from_millis(started.saturating_sub(1000));
            for (_, path) in numbered.existing().unwrap_or_default() {
                let fresh = std::fs::metadata(&path)
                    .and_then(|m| m.modified())
                    .is_ok_and(|t| t >= started);
                let name = path.file_name().and_then(|n| n.to_str()).map(String::from);
                if let Some(name) = name.filter(|n| fresh && !names.contains(n)) {
                    names.push(name);
                }
            }
            names.sort_by_key(|n| numbered.seq_of(n).unwrap_or(0));
        }
    }
    Ok(names)
}
