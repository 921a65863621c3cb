//! A process's identity from `/proc/PID/stat`: its start time (so a recycled PID is not
//! taken for the process it replaced) and its name. Read by the sandbox finder and by the
//! sniffer's status file.

use std::path::Path;

/// The start time (field 22 of stat, clock ticks since boot) and name of the process whose
/// /proc directory is `proc_dir`, or `None` when it is gone or unreadable.
pub fn identity(proc_dir: &Path) -> Option<(u64, String)> {
    let stat = std::fs::read_to_string(proc_dir.join("stat")).ok()?;
    // The name is in parentheses and may itself contain spaces and ')'.
    let open = stat.find('(')?;
    let close = stat.rfind(')')?;
    let name = stat.get(open + 1..close)?.to_string();
    // Fields after the name start at field 3; the start time is field 22.
    let start = stat[close + 1..]
        .split_whitespace()
        .nth(22 - 3)?
        .parse()
        .ok()?;
    Some((start, name))
}

#[cfg(test)]
mod tests {
    #[test]
    fn own_identity() {
        let (start, name) = super::identity(std::path::Path::new("/proc/self")).unwrap();
        assert!(start > 0);
        assert!(!name.is_empty());
    }
}
