//! Signal handling without handlers: the signals the sniffer reacts to are blocked in every
//! thread (the mask is inherited by threads spawned later) and collected synchronously by
//! the main thread with `sigtimedwait`, so no code runs in signal context.

use nix::sys::signal::{SigSet, Signal};
use std::time::Duration;

fn set() -> SigSet {
    let mut s = SigSet::empty();
    s.add(Signal::SIGINT);
    s.add(Signal::SIGTERM);
    s.add(Signal::SIGUSR1);
    s
}

/// Blocks the handled signals in the calling thread. Call before spawning any thread.
///
/// Their dispositions are reset to the default first: a shell starts background jobs with
/// SIGINT ignored, and an ignored signal is discarded even while blocked, so `kill -INT`
/// would never reach `sigtimedwait`.
pub fn block() {
    use nix::sys::signal::{sigaction, SaFlags, SigAction, SigHandler};
    let dfl = SigAction::new(SigHandler::SigDfl, SaFlags::empty(), SigSet::empty());
    for s in set().iter() {
        // SAFETY: installing SIG_DFL runs no code of ours in signal context.
        let _ = unsafe { sigaction(s, &dfl) };
    }
    let _ = set().thread_block();
}

/// Waits up to `timeout` for one of the handled signals.
pub fn wait(timeout: Duration) -> Option<Signal> {
    let s = set();
    let ts = libc::timespec {
        tv_sec: timeout.as_secs() as libc::time_t,
        tv_nsec: timeout.subsec_nanos() as libc::c_long,
    };
    // SAFETY: plain syscall wrapper with valid pointers; a null siginfo is allowed.
    let r = unsafe { libc::sigtimedwait(s.as_ref(), std::ptr::null_mut(), &ts) };
    if r > 0 {
        Signal::try_from(r).ok()
    } else {
        None
    }
}
