//! The capture command: start the engine, keep the status file current, react to
//! signals and to the target going away, print tcpdump's statistics, and linger if asked.

use crate::cli::CaptureArgs;
use crate::{signals, target};
use capture_core::capture::{self, CaptureConfig, EndReason, RunningCapture};
use capture_core::offline::{print_file, OfflineError, OfflineOptions};
use nix::sys::signal::Signal;
use sniffer_contract::rotate::{FileNaming, RotationPolicy};
use sniffer_contract::status::{State, Status};
use std::os::fd::FromRawFd;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::Ordering;
use std::time::Duration;

pub fn run(args: CaptureArgs) -> Result<ExitCode, String> {
    let tcpdump = args.tcpdump;
    tcpdump.validate().map_err(|e| e.to_string())?;
    if let Some(path) = &tcpdump.read {
        return read_file(path.clone(), &tcpdump);
    }
    // Every thread spawned from here on inherits the blocked mask.
    signals::block();
    let target = target::resolve(&args.target)?;
    let status_path = tcpdump
        .write
        .as_ref()
        .map(|w| FileNaming::new(w.clone(), &RotationPolicy::default()).status_path());

    let summary_out: Box<dyn std::io::Write + Send> = Box::new(raw_stdout());
    let cfg = CaptureConfig {
        args: tcpdump.clone(),
        namespace: target.namespace,
        comments: args.meta.comment().into_iter().collect(),
        userappl: format!("dumpy sniffer {}", env!("CARGO_PKG_VERSION")),
        summary_out,
    };
    let running = capture::start(cfg).map_err(|e| e.to_string())?;
    let l = &running.listening;
    if tcpdump.prints_summaries() && tcpdump.verbose == 0 {
        eprintln!("sniffer: verbose output suppressed, use -v[v]... for full protocol decode");
    }
    eprintln!(
        "sniffer: listening on {}, link-type {} ({}), snapshot length {} bytes",
        l.interface, l.linktype_name, l.linktype_description, l.snaplen
    );

    let status = |r: &RunningCapture, state: State, message: Option<String>| {
        if let Some(p) = &status_path {
            let (files, current) = r.files();
            let s = Status {
                state,
                pid: std::process::id(),
                interface: tcpdump.interface.clone(),
                filter: tcpdump.filter_expression(),
                packets_captured: r.counters.captured.load(Ordering::Relaxed),
                packets_received: r.counters.received.load(Ordering::Relaxed),
                packets_dropped: r.counters.dropped.load(Ordering::Relaxed),
                files,
                current: if state == State::Capturing {
                    current
                } else {
                    None
                },
                message,
            };
            if let Err(e) = s.write(p) {
                eprintln!("sniffer: cannot write status file {}: {e}", p.display());
            }
        }
    };
    status(&running, State::Capturing, None);

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
        status(&running, State::Capturing, None);
    }
    let counters = running.counters.clone();
    let files = running.files();
    let report = running.wait();
    eprintln!("{} packets captured", report.captured);
    eprintln!("{} packets received by filter", report.received);
    eprintln!("{} packets dropped by kernel", report.dropped);

    let (state, message, code) = match &report.end {
        EndReason::Stopped | EndReason::CountReached => (State::Stopped, gone, ExitCode::SUCCESS),
        EndReason::RingError(e) => {
            eprintln!("sniffer: capture ended: {e}");
            (
                State::Stopped,
                Some(format!("capture ended: {e}")),
                ExitCode::SUCCESS,
            )
        }
        EndReason::WriteFailed(e) => (State::Failed, Some(e.clone()), ExitCode::FAILURE),
    };
    if let Some(p) = &status_path {
        // Re-read sizes now that every file is closed.
        let naming = FileNaming::new(
            tcpdump.write.clone().unwrap_or_default(),
            &RotationPolicy::from_args(&tcpdump),
        );
        let files = files
            .0
            .into_iter()
            .map(|mut f| {
                f.size = std::fs::metadata(naming.dir().join(&f.name))
                    .map(|m| m.len())
                    .unwrap_or(f.size);
                f
            })
            .collect();
        let s = Status {
            state,
            pid: std::process::id(),
            interface: tcpdump.interface.clone(),
            filter: tcpdump.filter_expression(),
            packets_captured: report.captured,
            packets_received: report.received,
            packets_dropped: report.dropped,
            files,
            current: None,
            message,
        };
        let _ = s.write(p);
    }
    drop(counters);
    if !exit_after {
        eprintln!("sniffer: capture ended; lingering so files can be exported (SIGTERM to exit)");
        while !matches!(
            signals::wait(Duration::from_secs(3600)),
            Some(Signal::SIGTERM | Signal::SIGINT)
        ) {}
    }
    Ok(code)
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
