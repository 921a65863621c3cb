//! `sniffer status|stop|export`: what the plugin runs in a sniffer pod through exec.
//! They find the running capture through its status file, corrected for a sniffer that
//! died without updating it (see `statusfile`).

use crate::cli::CaptureLocation;
use crate::statusfile;
use pcapng::view::{header, Endian, MIN_BLOCK_LEN};
use sniffer_contract::status::{State, Status};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

fn read_status(at: &CaptureLocation) -> Result<Status, String> {
    let p = at.status_path();
    statusfile::read_live(&p).map_err(|e| {
        format!(
            "no capture status at {} ({e}); is a capture running with -w {}?",
            p.display(),
            at.write.display()
        )
    })
}

pub fn status(at: &CaptureLocation, ready: bool) -> Result<ExitCode, String> {
    if ready {
        let ok = read_status(at)
            .map(|s| s.state == State::Capturing)
            .unwrap_or(false);
        return Ok(if ok {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        });
    }
    let s = read_status(at)?;
    println!(
        "{}",
        serde_json::to_string_pretty(&s).expect("status serializes")
    );
    Ok(ExitCode::SUCCESS)
}

pub fn stop(at: &CaptureLocation) -> Result<ExitCode, String> {
    let s = read_status(at)?;
    if !s.state.is_running() {
        println!("capture already {}", s.state.as_str());
        return Ok(ExitCode::SUCCESS);
    }
    // Only the very process that writes this capture is signalled, never a PID that merely
    // appears in the file.
    let pidfd = statusfile::verify_sniffer(&s)?;
    statusfile::signal(&pidfd, nix::sys::signal::Signal::SIGUSR1)
        .map_err(|e| format!("cannot signal sniffer process {}: {e}", s.pid))?;
    let deadline = Instant::now() + Duration::from_secs(15);
    while Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(100));
        if let Ok(s) = read_status(at) {
            if !s.state.is_running() {
                println!(
                    "capture {}: {} packets captured",
                    s.state.as_str(),
                    s.packets_captured
                );
                return Ok(ExitCode::SUCCESS);
            }
        }
    }
    Err(format!(
        "sniffer process {} did not stop within 15 s",
        s.pid
    ))
}

/// Streams the capture's files as one pcapng stream. Only whole blocks are ever sent, so a
/// file being written is safe to read: a block still in flight is sent on the next pass.
pub fn export(at: &CaptureLocation, follow: bool, only: Option<&str>) -> Result<ExitCode, String> {
    let dir = at
        .write
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .to_path_buf();
    let mut out = std::io::stdout().lock();
    let mut done: Vec<String> = Vec::new();
    let mut current: Option<(String, std::fs::File, u64)> = None;
    loop {
        let s = read_status(at)?;
        let running = s.state == State::Capturing;
        let all = crate::capture_files::list(&at.write, &s)?;
        let files: Vec<String> = match only {
            Some(name) => {
                if !all.iter().any(|f| f == name) {
                    return Err(format!(
                        "no file {name:?} in this capture; `sniffer status -w {}` lists them",
                        at.write.display()
                    ));
                }
                vec![name.to_string()]
            }
            None => all,
        };
        let mut progressed = false;
        let pending: Vec<String> = files
            .iter()
            .filter(|n| !done.contains(n))
            .cloned()
            .collect();
        for name in &pending {
            if current.as_ref().is_none_or(|(n, _, _)| n != name) {
                let path: PathBuf = dir.join(name);
                match std::fs::File::open(&path) {
                    Ok(f) => current = Some((name.clone(), f, 0)),
                    // Removed by -W since the status was written: skip it.
                    Err(_) => {
                        done.push(name.clone());
                        continue;
                    }
                }
            }
            let (_, file, offset) = current.as_mut().expect("opened above");
            let sent = copy_whole_blocks(file, *offset, &mut out)
                .map_err(|e| format!("export of {name}: {e}"))?;
            progressed |= sent > 0;
            *offset += sent;
            let still_written = running && s.current.as_deref() == Some(name.as_str());
            if still_written && follow {
                break;
            }
            if still_written && !follow {
                // A snapshot: what is complete now.
                done.push(name.clone());
                continue;
            }
            done.push(name.clone());
            current = None;
        }
        out.flush().map_err(|e| e.to_string())?;
        let all_done = files.iter().all(|n| done.contains(n));
        if !follow || (!running && all_done) {
            return Ok(ExitCode::SUCCESS);
        }
        if !progressed {
            std::thread::sleep(Duration::from_millis(200));
        }
    }
}

/// Copies the whole pcapng blocks found from `offset` on, in windows of a few MiB; returns
/// the bytes copied.
fn copy_whole_blocks(
    file: &mut std::fs::File,
    offset: u64,
    out: &mut impl Write,
) -> std::io::Result<u64> {
    const WINDOW: u64 = 4 << 20;
    let len = file.metadata()?.len();
    let mut pos = offset;
    let mut buf = Vec::new();
    while pos < len {
        buf.clear();
        // A window always holds at least one whole block when one is complete.
        let want = (len - pos).min(WINDOW.max(peek_block_len(file, pos)?));
        file.seek(SeekFrom::Start(pos))?;
        (&mut *file).take(want).read_to_end(&mut buf)?;
        let whole = pcapng::whole_blocks(&buf);
        if whole == 0 {
            break;
        }
        out.write_all(&buf[..whole])?;
        pos += whole as u64;
    }
    Ok(pos - offset)
}

/// The length of the block at `pos`, or 0 when its header is incomplete or bad.
fn peek_block_len(file: &mut std::fs::File, pos: u64) -> std::io::Result<u64> {
    let mut head = [0u8; MIN_BLOCK_LEN];
    file.seek(SeekFrom::Start(pos))?;
    if file.read_exact(&mut head).is_err() {
        return Ok(0);
    }
    Ok(header(&head, Endian::Little).map_or(0, |h| h.total_len as u64))
}
