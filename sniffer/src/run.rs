//! The capture command: start the engine, keep the status file current, react to
//! signals and to the target going away, print tcpdump's statistics, and linger if asked.

use crate::cli::CaptureArgs;
use crate::statusfile::{self, AcquireError, StatusFile};
use crate::{signals, target};
use capture_core::capture::{self, CaptureConfig, EndReason, RunningCapture};
use capture_core::offline::{print_file, OfflineError, OfflineOptions};
use nix::sys::signal::Signal;
use sniffer_contract::rotate::{FileNaming, RotationPolicy};
use sniffer_contract::status::{State, Status};
use std::os::fd::FromRawFd;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::Ordering;
use std::time::Duration;

pub fn run(args: CaptureArgs) -> Result<ExitCode, String> {
    let tcpdump = args.tcpdump;
    tcpdump.validate().map_err(|e| e.to_string())?;
    if let Some(path) = &tcpdump.read {
        return read_file(path.clone(), &tcpdump);
    }
    if let Some(kib) = tcpdump.buffer_kib.filter(|&k| k > capture::MAX_RING_KIB) {
        eprintln!(
            "sniffer: -B {kib} is more than libpcap can use; using -B {} (2 GiB)",
            capture::MAX_RING_KIB
        );
    }
    // Every thread spawned from here on inherits the blocked mask.
    signals::block();

    // Before any file exists: files of this naming that are older belong to another capture.
    let started_ms = now_ms();
    // Claim the output path before any capture file is created (or truncated), and before
    // the target is looked up: a sniffer waiting for its container says so in its status.
    let mut status = match status_path(&tcpdump) {
        Some(p) => Some(claim(
            &p,
            tcpdump.write.as_deref().unwrap_or(Path::new("")),
        )?),
        None => None,
    };
    let mut base = Status {
        state: State::Starting,
        pid: std::process::id(),
        pid_start: statusfile::own_start_time(),
        started_ms,
        ended_ms: None,
        interface: tcpdump.interface.clone(),
        filter: tcpdump.filter_expression(),
        packets_captured: 0,
        packets_received: 0,
        packets_dropped: 0,
        files: Vec::new(),
        current: None,
        message: None,
    };
    if let Some(f) = &mut status {
        f.write(&base);
    }
    let mut note_waiting = |line: String| {
        if let Some(f) = &mut status {
            f.write(&Status {
                message: Some(line),
                ..base.clone()
            });
        }
    };
    let target = match target::resolve(&args.target, &mut note_waiting) {
        Ok(t) => t,
        Err(e) => {
            if let Some(s) = status {
                s.discard();
            }
            return Err(e);
        }
    };
    // -L and -J list what the interface offers and exit, on stderr as tcpdump does.
    if tcpdump.list_datalinks || tcpdump.list_tstamp_types {
        if let Some(s) = status {
            s.discard();
        }
        let iface = &tcpdump.interface;
        let list = if tcpdump.list_datalinks {
            capture_core::listing::datalinks(&target.namespace, iface)
        } else {
            capture_core::listing::tstamp_types(&target.namespace, iface)
        };
        eprint!("{}", list?);
        return Ok(ExitCode::SUCCESS);
    }

    let summary_out: Box<dyn std::io::Write + Send> = Box::new(raw_stdout());
    let cfg = CaptureConfig {
        args: tcpdump.clone(),
        namespace: target.namespace,
        comments: args.meta.comment().into_iter().collect(),
        userappl: format!("dumpy sniffer {}", env!("CARGO_PKG_VERSION")),
        summary_out,
    };
    let running = match capture::start(cfg) {
        Ok(r) => r,
        Err(e) => {
            if let Some(s) = status {
                s.discard();
            }
            return Err(e.to_string());
        }
    };
    let l = &running.listening;
    if tcpdump.prints_summaries() && tcpdump.verbose == 0 {
        eprintln!("sniffer: verbose output suppressed, use -v[v]... for full protocol decode");
    }
    eprintln!(
        "sniffer: listening on {}, link-type {} ({}), snapshot length {} bytes",
        l.interface, l.linktype_name, l.linktype_description, l.snaplen
    );

    base.state = State::Capturing;
    let publish = |status: &mut Option<StatusFile>, r: &RunningCapture| {
        if let Some(f) = status {
            let (files, current) = r.files();
            // Captured first (Acquire): the capture thread raises received before it
            // publishes captured, so the file never shows received below captured.
            let captured = r.counters.captured.load(Ordering::Acquire);
            f.write(&Status {
                packets_captured: captured,
                packets_received: r.counters.received.load(Ordering::Relaxed),
                packets_dropped: r.counters.dropped.load(Ordering::Relaxed),
                files,
                current,
                ..base.clone()
            });
        }
    };
    publish(&mut status, &running);

    let mut exit_after = !args.linger;
    let mut gone: Option<String> = None;
    while !running.is_finished() {
        match signals::wait(Duration::from_millis(500)) {
            Some(Signal::SIGUSR1) => running.request_stop(),
            Some(_) => {
                exit_after = true;
                running.request_stop();
            }
            None => {}
        }
        if gone.is_none() {
            if let Some(why) = target.watch.gone() {
                eprintln!("sniffer: {why}; ending the capture");
                gone = Some(why);
                running.request_stop();
            }
        }
        publish(&mut status, &running);
    }
    if gone.is_none() {
        // The ring may have failed first as the target's interfaces went away with it.
        gone = target.watch.gone();
    }
    let files = running.files();
    let report = running.wait();
    eprintln!("{} packets captured", report.captured);
    eprintln!("{} packets received by filter", report.received);
    eprintln!("{} packets dropped by kernel", report.dropped);

    // Why it ended, as the status file says it: the pod's end wins over whatever the ring
    // reported while its interfaces went away.
    let (state, message, code) = match (&report.end, gone) {
        (EndReason::WriteFailed(e), _) => (State::Failed, Some(e.clone()), ExitCode::FAILURE),
        (_, Some(why)) => (State::TargetGone, Some(why), ExitCode::SUCCESS),
        (EndReason::Stopped, None) => (State::Stopped, None, ExitCode::SUCCESS),
        (EndReason::CountReached, None) => (State::Completed, None, ExitCode::SUCCESS),
        (EndReason::RingError(e), None) => {
            eprintln!("sniffer: capture ended: {e}");
            (
                State::Failed,
                Some(format!("capture ended: {e}")),
                ExitCode::SUCCESS,
            )
        }
    };
    if let Some(f) = &mut status {
        // The writer has closed every file: list what is on disk now, at its final size.
        let (files, _) = files;
        let dir = FileNaming::new(f.path().to_path_buf(), &RotationPolicy::default()).dir();
        let files = files
            .into_iter()
            .filter_map(|mut e| {
                e.size = std::fs::metadata(dir.join(&e.name)).ok()?.len();
                Some(e)
            })
            .collect();
        f.write(&Status {
            state,
            packets_captured: report.captured,
            packets_received: report.received,
            packets_dropped: report.dropped,
            files,
            current: None,
            message,
            ended_ms: now_ms(),
            ..base.clone()
        });
        f.finish();
    }
    if !exit_after {
        eprintln!("sniffer: capture ended; lingering so files can be exported (SIGTERM to exit)");
        while !matches!(
            signals::wait(Duration::from_secs(3600)),
            Some(Signal::SIGTERM | Signal::SIGINT)
        ) {}
    }
    Ok(code)
}

fn now_ms() -> Option<u64> {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()
        .map(|d| d.as_millis() as u64)
}

/// Where the capture's status file goes: beside a `-w` file. Not for `-w -` (stdout) nor a
/// `-w` that names something other than a regular file (`/dev/null`, a FIFO): there is no
/// capture directory to put it in.
fn status_path(args: &sniffer_contract::options::TcpdumpArgs) -> Option<PathBuf> {
    let w = args.write.as_ref()?;
    if args.writes_stdout() || std::fs::metadata(w).is_ok_and(|m| !m.is_file()) {
        return None;
    }
    Some(FileNaming::new(w.clone(), &RotationPolicy::default()).status_path())
}

/// Takes the capture's path, or says which capture has it.
fn claim(status_path: &Path, w: &Path) -> Result<StatusFile, String> {
    match StatusFile::acquire(status_path) {
        Ok(f) => Ok(f),
        Err(AcquireError::Busy(Some(s))) => Err(format!(
            "another capture is writing to {}: sniffer PID {} ({}); stop it with `sniffer stop \
             -w {}` or choose another -w path",
            w.display(),
            s.pid,
            s.state.as_str(),
            w.display()
        )),
        Err(AcquireError::Busy(None)) => Err(format!(
            "another sniffer is writing to {} (it holds {}); choose another -w path",
            w.display(),
            status_path.display()
        )),
        Err(AcquireError::Io(e)) => Err(format!(
            "cannot create {}, the status file of -w {}: {e}",
            status_path.display(),
            w.display()
        )),
    }
}

/// stdout without Rust's line buffering: the printer hands over large buffers.
fn raw_stdout() -> std::fs::File {
    // SAFETY: dup(1) returns a new descriptor we own (or -1, which File would misuse, so check).
    let fd = unsafe { libc::dup(1) };
    assert!(fd >= 0, "stdout is closed");
    // SAFETY: fd is a fresh, owned descriptor.
    unsafe { std::fs::File::from_raw_fd(fd) }
}

/// `-r FILE`: print a pcap or pcapng file as tcpdump -r does (header line on stderr,
/// summaries on stdout), through the same printer as live capture.
fn read_file(
    path: PathBuf,
    args: &sniffer_contract::options::TcpdumpArgs,
) -> Result<ExitCode, String> {
    if args.write.is_some() {
        return Err(
            "-r and -w together are not supported; use -r FILE to print, or capture with -w".into(),
        );
    }
    let opts = OfflineOptions {
        path,
        filter: args.filter_expression(),
        count: args.count,
        print: capture_core::print_options(args),
    };
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    match print_file(&opts, &mut stdout.lock(), &mut stderr.lock()) {
        Ok(_) => Ok(ExitCode::SUCCESS),
        // A closed pipe (`sniffer -r f | head`) ends the run quietly, as in tcpdump.
        Err(OfflineError::Write(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => {
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => Err(e.to_string()),
    }
}
