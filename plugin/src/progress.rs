//! Progress for long operations: live bars on a terminal (drawn on stderr), plain lines
//! when output goes to a pipe or file, so logs and scripts get one line per event.

use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::{IsTerminal, Write};

/// Reports events (lines) and per-item progress (bars).
#[derive(Clone)]
pub struct Reporter {
    multi: Option<MultiProgress>,
    /// Lines go to stderr when stdout carries data (export to `-`, `get -o json`).
    lines_to_stderr: bool,
}

impl Reporter {
    pub fn new(lines_to_stderr: bool) -> Self {
        let multi = std::io::stderr()
            .is_terminal()
            .then(|| MultiProgress::with_draw_target(ProgressDrawTarget::stderr()));
        Reporter {
            multi,
            lines_to_stderr,
        }
    }

    /// Prints a line (above any bars).
    pub fn line(&self, msg: impl AsRef<str>) {
        let msg = msg.as_ref();
        let print = || {
            if self.lines_to_stderr {
                eprintln!("{msg}");
            } else {
                let mut out = std::io::stdout().lock();
                let _ = writeln!(out, "{msg}");
                let _ = out.flush();
            }
        };
        match &self.multi {
            Some(m) => m.suspend(print),
            None => print(),
        }
    }

    /// A warning, always on stderr.
    pub fn warn(&self, msg: impl AsRef<str>) {
        let print = || eprintln!("warning: {}", msg.as_ref());
        match &self.multi {
            Some(m) => m.suspend(print),
            None => print(),
        }
    }

    /// A note on stderr (what was cleaned up, what is being streamed).
    pub fn note(&self, msg: impl AsRef<str>) {
        let print = || eprintln!("{}", msg.as_ref());
        match &self.multi {
            Some(m) => m.suspend(print),
            None => print(),
        }
    }

    /// A byte-count bar for a download (hidden when not on a terminal).
    pub fn bytes(&self, label: &str) -> ProgressBar {
        match &self.multi {
            Some(m) => {
                let bar = m.add(ProgressBar::new_spinner());
                bar.set_style(
                    ProgressStyle::with_template("{spinner} {msg} {bytes} ({bytes_per_sec})")
                        .unwrap_or_else(|_| ProgressStyle::default_spinner()),
                );
                bar.set_message(label.to_string());
                bar.enable_steady_tick(std::time::Duration::from_millis(200));
                bar
            }
            None => ProgressBar::hidden(),
        }
    }

    /// A counter bar (e.g. sniffers Ready out of N), hidden when not on a terminal.
    pub fn counter(&self, label: &str, total: u64) -> ProgressBar {
        match &self.multi {
            Some(m) => {
                let bar = m.add(ProgressBar::new(total));
                bar.set_style(
                    ProgressStyle::with_template("{spinner} {msg} {pos}/{len} [{elapsed}]")
                        .unwrap_or_else(|_| ProgressStyle::default_spinner()),
                );
                bar.set_message(label.to_string());
                bar.enable_steady_tick(std::time::Duration::from_millis(200));
                bar
            }
            None => ProgressBar::hidden(),
        }
    }
}
