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
        let target = std::io::stderr()
            .is_terminal()
            .then(ProgressDrawTarget::stderr);
        Self::with_target(target, lines_to_stderr)
    }

    /// Bars drawn on `target` (None: no bars, plain lines).
    fn with_target(target: Option<ProgressDrawTarget>, lines_to_stderr: bool) -> Self {
        Reporter {
            multi: target.map(MultiProgress::with_draw_target),
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

    /// A byte-count bar for a download (hidden when not on a terminal). It counts what
    /// [`ProgressBar::set_position`] reports as bytes arrive; an export's bytes often come in
    /// the last moments of a short exec, so the final count belongs in the line that replaces
    /// the bar.
    pub fn bytes(&self, label: &str) -> ProgressBar {
        match &self.multi {
            Some(m) => {
                let bar = m.add(ProgressBar::new_spinner());
                bar.set_style(
                    ProgressStyle::with_template("{spinner} {msg} {bytes} ({bytes_per_sec})")
                        .unwrap_or_else(|_| ProgressStyle::default_spinner()),
                );
                bar.set_message(label.to_string());
                bar.enable_steady_tick(std::time::Duration::from_millis(100));
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

#[cfg(test)]
mod tests {
    use super::*;
    use indicatif::TermLike;
    use std::sync::{Arc, Mutex};

    /// A terminal that keeps what is drawn on it.
    #[derive(Clone, Debug, Default)]
    struct Screen(Arc<Mutex<String>>);
    impl TermLike for Screen {
        fn width(&self) -> u16 {
            100
        }
        fn move_cursor_up(&self, _: usize) -> std::io::Result<()> {
            Ok(())
        }
        fn move_cursor_down(&self, _: usize) -> std::io::Result<()> {
            Ok(())
        }
        fn move_cursor_right(&self, _: usize) -> std::io::Result<()> {
            Ok(())
        }
        fn move_cursor_left(&self, _: usize) -> std::io::Result<()> {
            Ok(())
        }
        fn write_line(&self, s: &str) -> std::io::Result<()> {
            self.write_str(s)
        }
        fn write_str(&self, s: &str) -> std::io::Result<()> {
            self.0.lock().unwrap().push_str(s);
            self.0.lock().unwrap().push('\n');
            Ok(())
        }
        fn clear_line(&self) -> std::io::Result<()> {
            Ok(())
        }
        fn flush(&self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn byte_bars_count_bytes_as_they_arrive() {
        let screen = Screen::default();
        let rep = Reporter::with_target(
            Some(ProgressDrawTarget::term_like_with_hz(
                Box::new(screen.clone()),
                50,
            )),
            false,
        );
        let bar = rep.bytes("web-1");
        for _ in 0..10 {
            bar.set_position(bar.position() + 300 * 1024);
            std::thread::sleep(std::time::Duration::from_millis(60));
        }
        std::thread::sleep(std::time::Duration::from_millis(300));
        let drawn = screen.0.lock().unwrap().clone();
        eprintln!("{drawn}");
        assert!(drawn.contains("web-1 2.93 MiB"), "{drawn}");
    }
}
