//! What the root conformance tests (print_conformance, daemon_conformance) share: throw-away
//! network namespaces joined by a veth pair, processes run in them, tcpdump as the recorder,
//! and the judge: `tcpdump -nn [flags] -r` against `offline::print_file`, line for line, with
//! a per-protocol match table. Each test binary uses a part of it.
#![allow(dead_code)]

use capture_core::offline::{print_file, OfflineOptions};
use printer::PrintOptions;
use printer::TimestampStyle;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Removes what a test made (processes, namespaces, files), even when it fails.
pub struct Cleanup {
    pub netns: Vec<String>,
    pub children: Vec<Child>,
    /// The scratch directory, removed at the end; None when the corpus is kept.
    pub dir: Option<PathBuf>,
}

impl Drop for Cleanup {
    fn drop(&mut self) {
        for c in &mut self.children {
            let _ = c.kill();
            let _ = c.wait();
        }
        for ns in &self.netns {
            // Deleting the namespace ends what still lives in it only once its last process
            // is gone; those were started through `ip netns exec` and killed above.
            let _ = Command::new("ip").args(["netns", "del", ns]).status();
        }
        if let Some(dir) = &self.dir {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

pub fn run(cmd: &[&str]) {
    let out = Command::new(cmd[0])
        .args(&cmd[1..])
        .output()
        .unwrap_or_else(|e| panic!("spawn {:?}: {e}", cmd[0]));
    assert!(
        out.status.success(),
        "{:?} failed: {}{}",
        cmd,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

pub fn ns_cmd(ns: &str, cmd: &[&str]) -> Command {
    let mut c = Command::new("ip");
    c.args(["netns", "exec", ns]).args(cmd);
    c
}

pub fn ns_run(ns: &str, cmd: &[&str]) {
    let mut v = vec!["ip", "netns", "exec", ns];
    v.extend_from_slice(cmd);
    run(&v);
}

/// Runs `cmd` in `ns`, returns its stdout; its failure is the caller's to judge.
pub fn ns_output(ns: &str, cmd: &[&str]) -> (bool, String) {
    let out = ns_cmd(ns, cmd)
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("spawn {cmd:?}: {e}"));
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr),
    )
}

/// Starts `cmd` in `ns`, its stdout and stderr into the file `log`. `ip netns exec` execs
/// the command, so the child is the command itself (signals reach it).
pub fn ns_spawn(ns: &str, cmd: &[&str], log: &Path) -> Child {
    let f = std::fs::File::create(log).unwrap();
    ns_cmd(ns, cmd)
        .stdin(Stdio::null())
        .stdout(f.try_clone().unwrap())
        .stderr(f)
        .spawn()
        .unwrap_or_else(|e| panic!("spawn {cmd:?}: {e}"))
}

pub fn wait_for(what: &str, limit: Duration, mut f: impl FnMut() -> bool) {
    let t = Instant::now();
    while !f() {
        assert!(t.elapsed() < limit, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Two namespaces `{tag}a` and `{tag}b` joined by the veth pair `{tag}va` (in a) and `{tag}vb`
/// (in b), up, with 192.0.2.1/24 and 2001:db8::1/64 in a, .2 and ::2 in b (no DAD, so the
/// IPv6 addresses work at once). Returns (a, b, va, vb).
pub fn veth_pair(tag: &str, guard: &mut Cleanup) -> (String, String, String, String) {
    let (na, nb) = (format!("{tag}a"), format!("{tag}b"));
    let (va, vb) = (format!("{tag}va"), format!("{tag}vb"));
    run(&["ip", "netns", "add", &na]);
    guard.netns.push(na.clone());
    run(&["ip", "netns", "add", &nb]);
    guard.netns.push(nb.clone());
    run(&[
        "ip", "link", "add", &va, "netns", &na, "type", "veth", "peer", "name", &vb, "netns", &nb,
    ]);
    for (ns, dev, v4, v6) in [
        (&na, &va, "192.0.2.1/24", "2001:db8::1/64"),
        (&nb, &vb, "192.0.2.2/24", "2001:db8::2/64"),
    ] {
        ns_run(ns, &["ip", "link", "set", "lo", "up"]);
        ns_run(ns, &["ip", "addr", "add", v4, "dev", dev]);
        ns_run(ns, &["ip", "addr", "add", v6, "dev", dev, "nodad"]);
        ns_run(ns, &["ip", "link", "set", dev, "up"]);
    }
    (na, nb, va, vb)
}

/// Starts `tcpdump -w file args` in `ns` and waits until it listens; returns its index in
/// `guard.children`, for [`stop_recorders`].
pub fn start_recorder(ns: &str, file: &Path, args: &[&str], guard: &mut Cleanup) -> usize {
    let log = file.with_extension("log");
    let mut cmd = vec![
        "tcpdump",
        "-n",
        "-U",
        "-s",
        "262144",
        "-w",
        file.to_str().unwrap(),
    ];
    cmd.extend_from_slice(args);
    let child = ns_spawn(ns, &cmd, &log);
    wait_for("tcpdump to listen", Duration::from_secs(10), || {
        std::fs::read_to_string(&log)
            .map(|s| s.contains("listening on"))
            .unwrap_or(false)
    });
    guard.children.push(child);
    guard.children.len() - 1
}

/// SIGINT lets each tcpdump flush and close its file; waits for them to exit.
pub fn stop_recorders(recorders: &[usize], guard: &mut Cleanup) {
    for &i in recorders {
        let _ = nix::sys::signal::kill(
            nix::unistd::Pid::from_raw(guard.children[i].id() as i32),
            nix::sys::signal::Signal::SIGINT,
        );
    }
    for &i in recorders {
        let _ = guard.children[i].wait();
    }
}

pub fn tcpdump(file: &Path, opts: &[&str], tz: &str) -> (String, String) {
    let out = Command::new("tcpdump")
        .arg("-nn")
        .args(opts)
        .arg("-r")
        .arg(file)
        .env("TZ", tz)
        .output()
        .expect("run tcpdump");
    assert!(out.status.success(), "tcpdump -r {} failed", file.display());
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

pub fn ours(file: &Path, opts: &[&str], tz: &str) -> (String, String) {
    // Each test is one #[test] function, so setting TZ here races with nothing; the printer
    // calls tzset() when it is made.
    std::env::set_var("TZ", tz);
    let mut print = PrintOptions::default();
    for o in opts {
        match *o {
            "-e" => print.link_header = true,
            "-q" => print.quiet = true,
            "-t" => print.timestamps = TimestampStyle::None,
            "-tt" => print.timestamps = TimestampStyle::Epoch,
            "-ttt" => print.timestamps = TimestampStyle::Delta,
            "-tttt" => print.timestamps = TimestampStyle::DateTime,
            "-v" => print.verbose = 1,
            "-vv" => print.verbose = 2,
            "-vvv" => print.verbose = 3,
            "-K" => print.dont_verify_checksums = true,
            _ => unreachable!(),
        }
    }
    let opts = OfflineOptions {
        path: file.to_path_buf(),
        filter: String::new(),
        count: None,
        print,
    };
    let (mut out, mut err) = (Vec::new(), Vec::new());
    print_file(&opts, &mut out, &mut err).expect("print_file");
    (
        String::from_utf8(out).expect("utf-8 output"),
        String::from_utf8(err).unwrap(),
    )
}

/// The judge's tally: per (option set, protocol), lines that match and lines; every
/// differing line with its file and options.
#[derive(Default)]
pub struct Comparison {
    pub table: BTreeMap<(String, String), (u64, u64)>,
    pub failures: String,
    pub total: u64,
}

impl Comparison {
    /// Prints `file` with tcpdump and with the printer under `opts` and `tz`; each tcpdump
    /// line is counted under the protocol `classify` names for it.
    pub fn compare(
        &mut self,
        file: &Path,
        opts: &[&str],
        tz: &str,
        classify: impl Fn(&str) -> String,
    ) {
        let (want, want_err) = tcpdump(file, opts, tz);
        let (got, got_err) = ours(file, opts, tz);
        if want_err != got_err {
            self.failures.push_str(&format!(
                "{} stderr:\n  tcpdump: {want_err:?}\n  ours:    {got_err:?}\n",
                file.display()
            ));
        }
        // Line by line (hex dumps, -v's second lines and VXLAN's inner frame are lines of
        // their own).
        let (w, g): (Vec<&str>, Vec<&str>) = (want.lines().collect(), got.lines().collect());
        if w.len() != g.len() {
            self.failures.push_str(&format!(
                "{} {:?} TZ={tz}: {} lines from tcpdump, {} from us\n",
                file.display(),
                opts,
                w.len(),
                g.len()
            ));
        }
        for (a, b) in w.iter().zip(g.iter()) {
            self.total += 1;
            let e = self.table.entry((opts.join(" "), classify(a))).or_default();
            e.1 += 1;
            if a == b {
                e.0 += 1;
            } else if self.failures.len() < 20_000 {
                self.failures.push_str(&format!(
                    "{} {:?} TZ={tz}\n- tcpdump: {a}\n+ ours:    {b}\n",
                    file.display(),
                    opts
                ));
            }
        }
    }

    /// The per-protocol match table, on stdout (`--nocapture` shows it).
    pub fn print_table(&self, title: &str) {
        println!("\n{title} ({} packet lines):", self.total);
        println!(
            "{:<10} {:<14} {:>8} {:>8} {:>8}",
            "options", "protocol", "match", "total", "rate"
        );
        for ((o, p), (ok, n)) in &self.table {
            println!(
                "{:<10} {p:<14} {ok:>8} {n:>8} {:>7.2}%",
                if o.is_empty() { "-nn" } else { o },
                *ok as f64 * 100.0 / *n as f64
            );
        }
    }

    /// Lines compared, over all option sets and protocols.
    pub fn lines(&self) -> u64 {
        self.table.values().map(|v| v.1).sum()
    }
}
