//! The kubelet's back-off (client-go's flowcontrol.Backoff as the kubelet uses it) for
//! restarting crashed containers (CrashLoopBackOff) and for pulling images
//! (ImagePullBackOff): the first delay is the base (10 s on a real node), each next one
//! doubles, capped at 30 × base (5 min); an entry unused for twice the cap starts over.

use std::time::{Duration, Instant};

#[derive(Clone, Debug)]
pub struct Backoff {
    base: Duration,
    cap: Duration,
    /// (current delay, when it was last set)
    entry: Option<(Duration, Instant)>,
}

impl Backoff {
    pub fn new(base: Duration) -> Self {
        Backoff {
            base,
            cap: base * 30,
            entry: None,
        }
    }

    /// The current delay, unless there is none yet or it expired (unused for 2 × cap).
    pub fn current(&self, now: Instant) -> Option<Duration> {
        self.entry
            .filter(|(_, last)| now.saturating_duration_since(*last) <= self.cap * 2)
            .map(|(d, _)| d)
    }

    /// Records an attempt at `now`: the base first (or after expiry), then double, capped.
    pub fn next(&mut self, now: Instant) -> Duration {
        let d = match self.current(now) {
            Some(d) => (d * 2).min(self.cap),
            None => self.base,
        };
        self.entry = Some((d, now));
        d
    }
}

/// A duration as Go prints one (`10s`, `1m20s`, `5m0s`, `500ms`), as in kubelet messages.
pub fn go_duration(d: Duration) -> String {
    let ms = d.as_millis();
    if ms < 1000 {
        return format!("{ms}ms");
    }
    let secs = d.as_secs_f64();
    let (m, s) = ((secs / 60.0).floor() as u64, secs % 60.0);
    let s = if s.fract() == 0.0 {
        format!("{}s", s as u64)
    } else {
        format!("{}s", (s * 1000.0).round() / 1000.0)
    };
    if m == 0 {
        s
    } else {
        format!("{m}m{s}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The kubelet's base delay (`dumpy-lab up --restart-backoff` defaults to it).
    const KUBELET_BASE: Duration = Duration::from_secs(10);

    #[test]
    fn doubles_from_ten_seconds_to_five_minutes() {
        let mut b = Backoff::new(KUBELET_BASE);
        let t = Instant::now();
        assert_eq!(b.current(t), None);
        let seen: Vec<String> = (0..7)
            .map(|i| go_duration(b.next(t + Duration::from_secs(i))))
            .collect();
        assert_eq!(
            seen,
            ["10s", "20s", "40s", "1m20s", "2m40s", "5m0s", "5m0s"]
        );
        // Ten quiet minutes later it starts over.
        let later = t + Duration::from_secs(6 + 601);
        assert_eq!(b.current(later), None);
        assert_eq!(b.next(later), KUBELET_BASE);
    }
}
