//! Puts summary lines from several sniffers into one stream in timestamp order. Each
//! sniffer's own lines come in order, so a line may go out once every other sniffer has sent
//! a later one, or has been quiet for a short window (see [`Window`]). A packet's
//! continuation lines (`-v`'s second line, hex dumps, VXLAN's inner frame: they start with a
//! tab or spaces) stay with its first line. Other lines without a timestamp (the sniffer's
//! own messages) pass straight through, in arrival order.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

/// How long a sniffer must be quiet before the others' lines stop waiting for it. Log
/// streams deliver a sniffer's lines within a fraction of a second (the sniffer flushes
/// every 200 ms, the kubelet streams the file as it grows); a second covers that with room
/// for a busy node, and is still live to a person watching.
pub const WINDOW: Duration = Duration::from_secs(1);

/// Most lines held at once: beyond it the earliest goes out at once, so a flood of traffic
/// cannot grow memory without bound.
const MAX_HELD: usize = 100_000;

/// A line's tcpdump timestamp as a sortable number (nanoseconds), in whichever of tcpdump's
/// styles the capture prints: `HH:MM:SS.frac` (default), `YYYY-MM-DD HH:MM:SS.frac`
/// (`-tttt`) or `SECONDS.frac` (`-tt`). Lines of one capture share one style, so the
/// numbers compare; None when the line does not start with one.
pub fn timestamp(line: &str) -> Option<i128> {
    let first = line.split(' ').next()?;
    if let Some(date) = parse_date(first) {
        let time = line[first.len()..].strip_prefix(' ')?.split(' ').next()?;
        return Some(date * DAY + parse_time_of_day(time)?);
    }
    if let Some(t) = parse_time_of_day(first) {
        return Some(t);
    }
    // `-tt`: seconds since the epoch, with a fraction (tcpdump always prints one).
    let (secs, frac) = first.split_once('.')?;
    if secs.len() < 9 || !all_digits(secs) {
        return None;
    }
    Some(secs.parse::<i128>().ok()? * SECOND + fraction(frac)?)
}

const SECOND: i128 = 1_000_000_000;
const DAY: i128 = 86_400 * SECOND;

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// `.123456` (micro) or `.123456789` (nano) as nanoseconds.
fn fraction(s: &str) -> Option<i128> {
    if !all_digits(s) || s.len() > 9 {
        return None;
    }
    Some(s.parse::<i128>().ok()? * 10i128.pow(9 - s.len() as u32))
}

/// `HH:MM:SS.frac` as nanoseconds since midnight.
fn parse_time_of_day(s: &str) -> Option<i128> {
    let (hms, frac) = s.split_once('.')?;
    let mut parts = hms.split(':');
    let mut n: i128 = 0;
    for limit in [24, 60, 60] {
        let p = parts.next()?;
        if p.len() != 2 || !all_digits(p) {
            return None;
        }
        let v: i128 = p.parse().ok()?;
        if v >= limit {
            return None;
        }
        n = n * 60 + v;
    }
    if parts.next().is_some() {
        return None;
    }
    Some(n * SECOND + fraction(frac)?)
}

/// `YYYY-MM-DD` as days since 1970-01-01 (Howard Hinnant's days_from_civil).
fn parse_date(s: &str) -> Option<i128> {
    let mut parts = s.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    if !(all_digits(y) && all_digits(m) && all_digits(d)) {
        return None;
    }
    let (y, m, d): (i128, i128, i128) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// Lines from several sources (one per sniffer) waiting to go out, earliest timestamp first.
///
/// The front line (earliest timestamp T) goes out once no open source can still send an
/// earlier one: each has sent a line at T or later, or has been quiet for the window (a
/// sniffer that sees no traffic, or one whose stream has not opened yet only holds lines up
/// to [`MAX_WAIT`]). A source that lags behind the others therefore delays the stream rather
/// than disorders it.
pub struct Window {
    /// None: hold every line until [`Window::drain`] (logs that are read to their end).
    window: Option<Duration>,
    /// (timestamp, arrival number) orders; the arrival number keeps equal timestamps in
    /// arrival order.
    held: BTreeMap<(i128, u64), Held>,
    arrivals: u64,
    sources: Vec<Source>,
}

/// What the window knows of one source.
#[derive(Clone, Default)]
struct Source {
    /// What goes before each of its lines (`[pod/NAME/sniffer] `).
    prefix: String,
    /// The latest timestamp it sent.
    latest: Option<i128>,
    /// When it last showed life: its stream opened, or a line arrived.
    active: Option<Instant>,
    closed: bool,
    /// Its last timestamped line, where its continuation lines go while it is held.
    last: Option<(i128, u64)>,
}

/// The longest any line is held, whatever the sources do: a stream that never opens or a
/// sniffer far behind cannot stop the others' lines for longer.
pub const MAX_WAIT: Duration = Duration::from_secs(10);

struct Held {
    arrived: Instant,
    line: String,
}

impl Window {
    /// A window over sources numbered from 0, each line of which goes out after its prefix.
    pub fn new(window: Option<Duration>, prefixes: Vec<String>) -> Self {
        Window {
            window,
            held: BTreeMap::new(),
            arrivals: 0,
            sources: prefixes
                .into_iter()
                .map(|prefix| Source {
                    prefix,
                    ..Source::default()
                })
                .collect(),
        }
    }

    /// Source `src`'s stream is open (its earlier lines come right after).
    pub fn opened(&mut self, src: usize, now: Instant) {
        self.sources[src].active = Some(now);
    }

    /// Source `src` will send nothing more; returns the lines that may go out now.
    pub fn closed(&mut self, src: usize, now: Instant) -> Vec<String> {
        self.sources[src].closed = true;
        self.ready(now)
    }

    /// Takes a line from `src` that arrived at `now`; returns the lines that may go out now,
    /// in order. An untimestamped line goes out at once, after what may go out before it (it
    /// is not ordered).
    pub fn push(&mut self, src: usize, line: &str, now: Instant) -> Vec<String> {
        let source = &mut self.sources[src];
        source.active = Some(now);
        let ts = timestamp(line);
        let continuation = line.starts_with('\t') || line.starts_with(' ');
        let line = format!("{}{line}", source.prefix);
        let Some(ts) = ts else {
            if continuation {
                if let Some(held) = source.last.and_then(|k| self.held.get_mut(&k)) {
                    held.line.push('\n');
                    held.line.push_str(&line);
                    return self.ready(now);
                }
            }
            let mut out = self.ready(now);
            out.push(line);
            return out;
        };
        source.latest = Some(source.latest.map_or(ts, |l| l.max(ts)));
        self.arrivals += 1;
        source.last = Some((ts, self.arrivals));
        self.held
            .insert((ts, self.arrivals), Held { arrived: now, line });
        self.ready(now)
    }

    /// When the front line may go out without another event (None: nothing held, or only
    /// an arrival or a close can release it).
    fn front_due(&self) -> Option<Instant> {
        let window = self.window?;
        let (&(ts, _), h) = self.held.first_key_value()?;
        let ts = &ts;
        let mut due = h.arrived;
        for s in self.sources.iter().filter(|s| !s.closed) {
            if s.latest.is_some_and(|l| l >= *ts) {
                continue;
            }
            match s.active {
                Some(a) => due = due.max(a + window),
                None => return Some(h.arrived + MAX_WAIT),
            }
        }
        Some(due.min(h.arrived + MAX_WAIT))
    }

    /// The lines that may go out by `now` (see [`Window`]), earliest timestamp first.
    pub fn ready(&mut self, now: Instant) -> Vec<String> {
        let mut out = Vec::new();
        while !self.held.is_empty() {
            let due = self.front_due().is_some_and(|d| d <= now);
            if !due && self.held.len() <= MAX_HELD {
                break;
            }
            let (_, h) = self.held.pop_first().expect("not empty");
            out.push(h.line);
        }
        out
    }

    /// When to look again with [`Window::ready`] if nothing arrives.
    pub fn next_due(&self) -> Option<Instant> {
        self.front_due()
    }

    /// Everything still held, in timestamp order: the streams have ended.
    pub fn drain(&mut self) -> Vec<String> {
        let mut out = Vec::with_capacity(self.held.len());
        while let Some((_, h)) = self.held.pop_first() {
            out.push(h.line);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_in_each_tcpdump_style() {
        let t = |s: &str| timestamp(s);
        assert_eq!(
            t("10:00:01.000002 IP 192.0.2.1.80 > 192.0.2.2.1234: Flags [S]"),
            Some(36_001 * SECOND + 2_000)
        );
        assert_eq!(t("00:00:00.5 x"), Some(SECOND / 2));
        assert_eq!(
            t("1764583201.000001 IP x"),
            Some(1_764_583_201 * SECOND + 1_000)
        );
        assert_eq!(
            t("1970-01-02 00:00:01.000000 IP x"),
            Some(DAY + SECOND),
            "-tttt"
        );
        assert!(t("2026-12-01 10:00:00.000000 a") > t("2026-11-30 23:59:59.999999 a"));
        assert!(t("2024-03-01 00:00:00.000000 a") > t("2024-02-29 23:59:59.999999 a"));
        for bad in [
            "tcpdump: listening on any, link-type LINUX_SLL2",
            "10:00:01 IP x",
            "25:00:00.000000 x",
            "1.5 packets",
            "",
            "12:3:45.000000 x",
        ] {
            assert_eq!(t(bad), None, "{bad:?}");
        }
    }

    fn at(base: Instant, ms: u64) -> Instant {
        base + Duration::from_millis(ms)
    }

    #[test]
    fn lines_are_ordered_within_the_window() {
        let base = Instant::now();
        let mut w = Window::new(Some(Duration::from_millis(1000)), vec![String::new(); 2]);
        w.opened(0, at(base, 0));
        w.opened(1, at(base, 0));
        // Pod a's line is later in time but arrives first; b's earlier line comes 300 ms on.
        assert!(w.push(0, "10:00:02.000000 a", at(base, 0)).is_empty());
        // Each source's lines come in order, and a is already past b's line: it goes out.
        assert_eq!(
            w.push(1, "10:00:01.000000 b", at(base, 300)),
            ["10:00:01.000000 b"]
        );
        // b holds up a: b might still send something before 10:00:02 until it is quiet
        // for the window.
        assert_eq!(w.next_due(), Some(at(base, 1300)));
        // A sniffer's own message is not held.
        assert_eq!(
            w.push(0, "listening on any", at(base, 400)),
            ["listening on any"]
        );
        // b went past a's time: a goes out now, without waiting for the window.
        assert_eq!(
            w.push(1, "10:00:02.500000 b", at(base, 500)),
            ["10:00:02.000000 a"]
        );
        // a is quiet; b's line waits for a's window (from a's last line, at 400).
        assert!(w.ready(at(base, 1399)).is_empty());
        assert_eq!(w.ready(at(base, 1400)), ["10:00:02.500000 b"]);
        assert_eq!(w.next_due(), None);
        // Equal timestamps keep their arrival order (b's message makes it active again).
        assert_eq!(w.push(1, "b: hello", at(base, 1999)), ["b: hello"]);
        assert!(w.push(0, "10:00:03.000000 c", at(base, 2000)).is_empty());
        assert!(w.push(0, "10:00:03.000000 d", at(base, 2001)).is_empty());
        assert_eq!(
            w.push(1, "10:00:04.000000 e", at(base, 2002)),
            ["10:00:03.000000 c", "10:00:03.000000 d"]
        );
        assert_eq!(
            w.push(0, "10:00:03.500000 f", at(base, 2100)),
            ["10:00:03.500000 f"]
        );
        // When the streams end, what is left goes out.
        assert_eq!(w.drain(), ["10:00:04.000000 e"]);
    }

    #[test]
    fn a_lagging_source_delays_rather_than_disorders() {
        let base = Instant::now();
        let mut w = Window::new(Some(Duration::from_millis(100)), vec![String::new(); 2]);
        // b's stream has not opened yet: a's lines wait for it (up to MAX_WAIT).
        assert!(w.push(0, "10:00:02.000000 a", at(base, 0)).is_empty());
        assert!(w.ready(at(base, 5000)).is_empty());
        w.opened(1, at(base, 5000));
        // b sends its history, older than a's line, after 5 s: still in order.
        assert_eq!(
            w.push(1, "10:00:01.000000 b", at(base, 5050)),
            ["10:00:01.000000 b"]
        );
        assert_eq!(
            w.push(1, "10:00:01.500000 b", at(base, 5100)),
            ["10:00:01.500000 b"]
        );
        // a's line waits until b has been quiet for the window.
        assert!(w.ready(at(base, 5199)).is_empty());
        assert_eq!(w.ready(at(base, 5200)), ["10:00:02.000000 a"]);
        // A closed source holds nothing up.
        w.push(1, "sniffer: stopping", at(base, 5290));
        assert!(w.push(0, "10:00:03.000000 a", at(base, 5300)).is_empty());
        assert_eq!(w.closed(1, at(base, 5300)), ["10:00:03.000000 a"]);
        // A source that never opens holds a line MAX_WAIT at most.
        let mut w = Window::new(Some(Duration::from_millis(100)), vec![String::new(); 2]);
        w.push(0, "10:00:02.000000 a", at(base, 0));
        assert_eq!(w.next_due(), Some(base + MAX_WAIT));
        assert_eq!(w.ready(base + MAX_WAIT), ["10:00:02.000000 a"]);
    }

    /// -v's second line (and hex dumps) stay under their packet's first line, with their
    /// pod's prefix, however the pods' packets are ordered.
    #[test]
    fn continuation_lines_stay_with_their_packet() {
        let base = Instant::now();
        let mut w = Window::new(None, vec!["[a] ".into(), "[b] ".into()]);
        w.opened(0, at(base, 0));
        w.opened(1, at(base, 0));
        assert!(w
            .push(0, "10:00:02.000000 IP (tos 0x0, ttl 64)", at(base, 0))
            .is_empty());
        assert!(w
            .push(0, "    192.0.2.1 > 192.0.2.2: ICMP", at(base, 1))
            .is_empty());
        assert!(w
            .push(1, "10:00:01.000000 IP (tos 0x0, ttl 63)", at(base, 2))
            .is_empty());
        assert!(w
            .push(1, "    192.0.2.3.53 > 192.0.2.4.1: 1 1/0/0", at(base, 3))
            .is_empty());
        assert!(w.push(1, "\t0x0000:  4500 0054", at(base, 4)).is_empty());
        assert_eq!(
            w.push(0, "sniffer: verbose output", at(base, 5)),
            ["[a] sniffer: verbose output"]
        );
        assert_eq!(
            w.drain(),
            [
                "[b] 10:00:01.000000 IP (tos 0x0, ttl 63)\n[b]     192.0.2.3.53 > 192.0.2.4.1: 1 1/0/0\n[b] \t0x0000:  4500 0054",
                "[a] 10:00:02.000000 IP (tos 0x0, ttl 64)\n[a]     192.0.2.1 > 192.0.2.2: ICMP",
            ]
        );
        // Once its packet is out, a late continuation line goes straight out after it.
        assert_eq!(w.push(0, "\tlate", at(base, 6)), ["[a] \tlate"]);
    }

    #[test]
    fn without_a_window_everything_waits_for_the_end() {
        let base = Instant::now();
        let mut w = Window::new(
            None,
            vec!["[pod/a/sniffer] ".into(), "[pod/b/sniffer] ".into()],
        );
        w.opened(0, base);
        w.push(0, "10:00:02.000000 a", at(base, 0));
        w.push(1, "10:00:01.000000 b", at(base, 5000));
        assert!(w.ready(at(base, 100_000)).is_empty());
        assert_eq!(w.next_due(), None);
        // The timestamp is read after the prefix, which leads the line that goes out.
        assert_eq!(
            w.drain(),
            [
                "[pod/b/sniffer] 10:00:01.000000 b",
                "[pod/a/sniffer] 10:00:02.000000 a"
            ]
        );
    }
}
