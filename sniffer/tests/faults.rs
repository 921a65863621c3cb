//! Fault injection (issue 16): real faults against the real sniffer — SIGKILL, a full
//! tmpfs, a containerd socket that never answers, a stdout nobody reads, a forged status
//! file — each test asserting what must hold afterwards: files tshark reads, the packets
//! `export` sends equal to those on disk, a true status, exit codes, and a bounded exit.

mod common;
use common::*;
use nix::sys::signal::Signal;
use std::os::fd::AsRawFd;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// What a control command did: exit code, stdout bytes, stderr, how long it took.
struct Ran {
    code: Option<i32>,
    stdout: Vec<u8>,
    stderr: String,
    took: Duration,
}

/// Runs the sniffer with `args`, killing it after `limit` (the test then fails on the time).
fn sniffer(args: &[&str], limit: Duration) -> Ran {
    let start = Instant::now();
    let dir = TempDir::new();
    let (out, err) = (dir.join("out"), dir.join("err"));
    let mut child = Command::new(SNIFFER)
        .args(args)
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out).unwrap())
        .stderr(std::fs::File::create(&err).unwrap())
        .spawn()
        .unwrap();
    let code = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s.code();
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Ran {
        code,
        stdout: std::fs::read(&out).unwrap(),
        stderr: std::fs::read_to_string(&err).unwrap(),
        took: start.elapsed(),
    }
}

fn status_json(w: &Path) -> serde_json::Value {
    let r = sniffer(
        &["status", "-w", w.to_str().unwrap()],
        Duration::from_secs(5),
    );
    assert_eq!(r.code, Some(0), "status failed: {}", r.stderr);
    serde_json::from_slice(&r.stdout).unwrap()
}

fn ready(w: &Path) -> Option<i32> {
    sniffer(
        &["status", "--ready", "-w", w.to_str().unwrap()],
        Duration::from_secs(5),
    )
    .code
}

/// `export` into a file; returns the file and the run.
fn export(w: &Path, follow: bool, to: &Path) -> Ran {
    let mut args = vec!["export", "-w", w.to_str().unwrap()];
    if follow {
        args.push("--follow");
    }
    let r = sniffer(&args, Duration::from_secs(10));
    std::fs::write(to, &r.stdout).unwrap();
    r
}

/// Packets tshark reads from a file even when its last block is cut short (a SIGKILL).
fn packets_lenient(file: &Path) -> usize {
    let out = Command::new("tshark")
        .arg("-r")
        .arg(file)
        .args(["-T", "fields", "-e", "frame.number"])
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).lines().count()
}

/// Packets per file, from one capinfos run over all of them; fails the test unless every
/// file reads to its end.
fn counts(files: &[PathBuf]) -> Vec<usize> {
    if files.is_empty() {
        return Vec::new();
    }
    let out = run(Command::new("capinfos")
        .args(["-c", "-T", "-r"])
        .args(files));
    let text = String::from_utf8_lossy(&out.stdout);
    let v: Vec<usize> = text
        .lines()
        .map(|l| l.rsplit('\t').next().unwrap().trim().parse().unwrap())
        .collect();
    assert_eq!(v.len(), files.len(), "{text}");
    v
}

/// The capture's data files in `dir` (not the status file), sorted.
fn capture_files(dir: &Path, stem: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let n = p.file_name().unwrap().to_str().unwrap();
            n.starts_with(stem) && n.ends_with(".pcapng")
        })
        .collect();
    v.sort();
    v
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    v.sort();
    v
}

/// A small tmpfs mounted on a temporary directory, unmounted on drop.
struct SmallFs(TempDir);

impl SmallFs {
    fn new(size: &str) -> SmallFs {
        let d = TempDir::new();
        run(Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(d.path()));
        SmallFs(d)
    }
}

impl Drop for SmallFs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.0.path()).status();
    }
}

fn flood(pair: &Pair, seconds: u64) {
    let _ = pair
        .a
        .exec(&[
            "timeout",
            &seconds.to_string(),
            "ping",
            "-f",
            "-q",
            "-s",
            "1200",
            ADDR_B,
        ])
        .stdout(Stdio::null())
        .status();
}

/// `count` flood pings of 1200 bytes a → b (about 3 MB on the wire each way per 1000).
fn flood_count(pair: &Pair, count: u32) {
    let _ = pair
        .a
        .exec(&[
            "ping",
            "-f",
            "-q",
            "-c",
            &count.to_string(),
            "-s",
            "1200",
            ADDR_B,
        ])
        .stdout(Stdio::null())
        .status();
}

/// Item 1: a second capture on the same path fails with one line naming the running one,
/// and the first capture's file stays whole.
#[test]
fn second_capture_on_one_path_is_refused() {
    require_root();
    let pair = Pair::new();
    let dir = TempDir::new();
    let w = dir.join("c.pcapng");
    let ws = w.to_str().unwrap();
    let first = Sniffer::start_in(dir.path(), &pair.b, &["-i", &pair.if_b, "-w", ws]);
    pair.ping(3);
    let path = pair.b.path();
    let second = sniffer(
        &[
            "--netns",
            path.to_str().unwrap(),
            "-i",
            &pair.if_b,
            "-w",
            ws,
        ],
        Duration::from_secs(10),
    );
    assert_eq!(second.code, Some(1), "{}", second.stderr);
    assert_eq!(
        second.stderr.trim_end().lines().count(),
        1,
        "{}",
        second.stderr
    );
    assert!(
        second.stderr.contains("another capture")
            && second.stderr.contains(&first.child.id().to_string()),
        "{}",
        second.stderr
    );
    pair.ping(3);
    let stop = sniffer(&["stop", "-w", ws], Duration::from_secs(20));
    assert_eq!(stop.code, Some(0), "{}", stop.stderr);
    let done = first.wait(Duration::from_secs(10));
    assert_eq!(done.code, Some(0));
    // Whole and readable, with every packet the sniffer counted.
    assert_eq!(packet_count(&w) as u64, captured_line(&done.stderr));
    assert!(captured_line(&done.stderr) >= 12);
    assert_eq!(status_json(&w)["state"], "stopped");
}

/// Item 2: on a full disk the capture ends as failed, the status says so and lists every
/// file on disk, each file is readable, `export` sends exactly what is on disk, and nothing
/// else is left behind.
#[test]
fn full_disk_ends_with_a_true_status() {
    require_root();
    let pair = Pair::new();
    let fs = SmallFs::new("8m");
    let logs = TempDir::new();
    let w = fs.0.join("c.pcapng");
    let ws = w.to_str().unwrap();
    let s = Sniffer::start_in(
        logs.path(),
        &pair.b,
        &["-i", &pair.if_b, "-C", "1", "-w", ws, "icmp"],
    );
    let mut flooding = pair
        .a
        .exec(&["timeout", "30", "ping", "-f", "-q", "-s", "1200", ADDR_B])
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let done = s.wait(Duration::from_secs(30));
    // `ip netns exec` became `timeout`, which passes SIGTERM on to ping.
    let _ = nix::sys::signal::kill(
        nix::unistd::Pid::from_raw(flooding.id() as i32),
        Signal::SIGTERM,
    );
    let _ = flooding.wait();
    assert_eq!(done.code, Some(1), "{}", done.stderr);
    assert!(done.stderr.contains("No space left"), "{}", done.stderr);

    let st = status_json(&w);
    assert_eq!(st["state"], "failed", "{st}");
    assert!(st["message"].as_str().unwrap().contains("No space"), "{st}");
    assert_eq!(
        st["packets_captured"].as_u64(),
        Some(captured_line(&done.stderr))
    );
    let files = capture_files(fs.0.path(), "c-");
    assert!(files.len() >= 5, "{files:?}");
    let listed: Vec<String> = st["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap().to_string())
        .collect();
    let on_disk: Vec<String> = files
        .iter()
        .map(|p| p.file_name().unwrap().to_str().unwrap().to_string())
        .collect();
    assert_eq!(listed, on_disk);
    let total: usize = counts(&files).iter().sum();
    let exported = logs.join("export.pcapng");
    let r = export(&w, true, &exported);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.took < Duration::from_secs(5), "{:?}", r.took);
    assert_eq!(packet_count(&exported), total);
    assert_eq!(ready(&w), Some(1));
    // Only the capture's files and its status remain: no temporary or spare file.
    let mut expect = on_disk.clone();
    expect.push("c.status.json".into());
    expect.sort();
    assert_eq!(names(fs.0.path()), expect);
}

/// Item 3: after SIGKILL the readers say dead (status, --ready, stop, export --follow all
/// end at once), nothing is signalled, and `export` sends every whole packet on disk.
#[test]
fn killed_sniffer_is_reported_dead() {
    require_root();
    let pair = Pair::new();
    let dir = TempDir::new();
    let w = dir.join("c.pcapng");
    let ws = w.to_str().unwrap();
    let s = Sniffer::start_in(
        dir.path(),
        &pair.b,
        &["-i", &pair.if_b, "-C", "1", "-W", "3", "-w", ws, "icmp"],
    );
    flood(&pair, 2);
    assert_eq!(ready(&w), Some(0));
    // A live follower must end when the writer dies.
    let follower = {
        let ws = ws.to_string();
        std::thread::spawn(move || {
            let r = sniffer(&["export", "-w", &ws, "--follow"], Duration::from_secs(20));
            (r, Instant::now())
        })
    };
    std::thread::sleep(Duration::from_millis(500));
    s.signal(Signal::SIGKILL);
    let killed = Instant::now();
    let _ = s.wait(Duration::from_secs(5));

    let st = status_json(&w);
    assert_eq!(st["state"], "dead", "{st}");
    assert_eq!(ready(&w), Some(1));
    let stop = sniffer(&["stop", "-w", ws], Duration::from_secs(5));
    assert_eq!(stop.code, Some(0), "{}", stop.stderr);
    let said = String::from_utf8_lossy(&stop.stdout);
    assert!(said.contains("dead"), "{said}");
    let (followed, ended) = follower.join().unwrap();
    assert_eq!(followed.code, Some(0), "{}", followed.stderr);
    assert!(ended.duration_since(killed) < Duration::from_secs(5));

    let exported = dir.join("export.pcapng");
    let r = export(&w, false, &exported);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let sent = packet_count(&exported);
    let files = capture_files(dir.path(), "c-");
    for f in &files {
        // Even the file being written when the kill came has its header.
        assert!(
            std::fs::metadata(f).unwrap().len() > 0,
            "{} is empty",
            f.display()
        );
    }
    let on_disk: usize = files.iter().map(|f| packets_lenient(f)).sum();
    assert!(sent > 0);
    assert_eq!(sent, on_disk);
}

/// Item 4: with -C, no file passes MB million bytes, closing statistics blocks included,
/// on one interface and on `any` (one ISB per interface, with a comment).
#[test]
fn rotated_files_never_pass_c() {
    require_root();
    let pair = Pair::new();
    for iface in [pair.if_b.as_str(), "any"] {
        let dir = TempDir::new();
        let w = dir.join("c.pcapng");
        let s = Sniffer::start_in(
            dir.path(),
            &pair.b,
            &["-i", iface, "-C", "1", "-w", w.to_str().unwrap(), "icmp"],
        );
        flood_count(&pair, 2500);
        let done = s.stop(Signal::SIGINT);
        let files = capture_files(dir.path(), "c-");
        assert!(files.len() >= 3, "{iface}: {files:?}");
        for f in &files {
            let len = std::fs::metadata(f).unwrap().len();
            assert!(len <= 1_000_000, "{iface}: {} is {len} bytes", f.display());
        }
        let total: usize = counts(&files).iter().sum();
        assert_eq!(total as u64, captured_line(&done.stderr), "{iface}");
    }
}

/// Takes an OFD write lock on `f`, as a sniffer does on its status file.
fn lock(f: &std::fs::File) {
    // SAFETY: flock is plain data; all-zero is a whole-file lock description.
    let mut l: libc::flock = unsafe { std::mem::zeroed() };
    l.l_type = libc::F_WRLCK as libc::c_short;
    // SAFETY: a valid fd and flock.
    assert_eq!(
        unsafe { libc::fcntl(f.as_raw_fd(), libc::F_OFD_SETLK, &l) },
        0
    );
}

/// Item 5: `stop` signals only the verified sniffer: a forged status naming another live
/// process, with or without the capture's lock held, leaves that process alone.
#[test]
fn stop_never_signals_another_process() {
    require_root();
    let pair = Pair::new();
    let dir = TempDir::new();
    let w = dir.join("c.pcapng");
    let s = Sniffer::start_in(
        dir.path(),
        &pair.b,
        &["-i", &pair.if_b, "-w", w.to_str().unwrap()],
    );
    let mut victim = Command::new("sleep").arg("60").spawn().unwrap();
    let forged_dir = TempDir::new();
    let forged = forged_dir.join("x.status.json");
    let mut st = status_json(&w);
    st["pid"] = victim.id().into();
    std::fs::write(&forged, serde_json::to_vec(&st).unwrap()).unwrap();
    let fw = forged_dir.join("x.pcapng");

    // No sniffer holds the forged capture: it is dead, and nothing is signalled.
    let r = sniffer(
        &["stop", "-w", fw.to_str().unwrap()],
        Duration::from_secs(5),
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(String::from_utf8_lossy(&r.stdout).contains("dead"));
    // Held by a live process, but the PID is not the sniffer that wrote it: refused.
    let held = std::fs::File::options()
        .read(true)
        .write(true)
        .open(&forged)
        .unwrap();
    lock(&held);
    let r = sniffer(
        &["stop", "-w", fw.to_str().unwrap()],
        Duration::from_secs(5),
    );
    assert_eq!(r.code, Some(1));
    assert!(r.stderr.contains("not signalling"), "{}", r.stderr);
    std::thread::sleep(Duration::from_millis(200));
    assert!(
        victim.try_wait().unwrap().is_none(),
        "the victim was signalled"
    );
    let _ = victim.kill();
    let _ = victim.wait();
    // The real capture still stops.
    let r = sniffer(
        &["stop", "-w", w.to_str().unwrap()],
        Duration::from_secs(20),
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(s.wait(Duration::from_secs(10)).code, Some(0));
}

/// Item 6: `export` refuses file names that leave the capture's directory.
#[test]
fn export_refuses_names_outside_the_directory() {
    let root = TempDir::new();
    let dir = root.join("cap");
    std::fs::create_dir(&dir).unwrap();
    // Something export must never send.
    std::fs::write(root.join("secret"), b"\x0a\x0d\x0d\x0aSECRET").unwrap();
    for name in ["../secret", "/etc/passwd", ".."] {
        let st = serde_json::json!({
            "state": "stopped", "pid": 1, "interface": "any", "filter": "",
            "packets_captured": 0, "packets_received": 0, "packets_dropped": 0,
            "files": [{"name": name, "size": 10}], "current": null, "message": null
        });
        std::fs::write(dir.join("c.status.json"), st.to_string()).unwrap();
        let r = sniffer(
            &["export", "-w", dir.join("c.pcapng").to_str().unwrap()],
            Duration::from_secs(5),
        );
        assert_eq!(r.code, Some(1), "{name}");
        assert!(r.stdout.is_empty(), "{name}: sent {} bytes", r.stdout.len());
        assert!(r.stderr.contains("refusing"), "{}", r.stderr);
        assert_eq!(r.stderr.trim_end().lines().count(), 1, "{}", r.stderr);
    }
}

/// A containerd socket that accepts connections and never answers.
struct SilentSocket {
    _dir: TempDir,
    path: PathBuf,
}

impl SilentSocket {
    fn new() -> SilentSocket {
        let dir = TempDir::new();
        let path = dir.join("containerd.sock");
        let l = std::os::unix::net::UnixListener::bind(&path).unwrap();
        std::thread::spawn(move || {
            let mut held = Vec::new();
            for c in l.incoming() {
                held.push(c);
            }
        });
        SilentSocket { _dir: dir, path }
    }
    fn endpoint(&self) -> String {
        format!("unix://{}", self.path.display())
    }
}

/// Item 10: the containerd lookup has a deadline (default and --runtime-timeout) and
/// SIGTERM ends the sniffer while it waits.
#[test]
fn silent_containerd_times_out_and_sigterm_ends_the_wait() {
    require_root();
    let sock = SilentSocket::new();
    let ep = sock.endpoint();
    let id = "e".repeat(64);
    let base = ["--container-id", &id, "--runtime-endpoint", &ep];

    let mut args = base.to_vec();
    args.extend(["--runtime-timeout", "1"]);
    let r = sniffer(&args, Duration::from_secs(10));
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    assert!(r.took < Duration::from_secs(4), "{:?}", r.took);
    assert!(
        r.stderr.contains("did not answer within 1 s"),
        "{}",
        r.stderr
    );

    let r = sniffer(&base, Duration::from_secs(15));
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    assert!(
        r.took < Duration::from_secs(8),
        "default deadline: {:?}",
        r.took
    );

    let mut child = Command::new(SNIFFER)
        .args(base)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(700));
    let sent = Instant::now();
    nix::sys::signal::kill(
        nix::unistd::Pid::from_raw(child.id() as i32),
        Signal::SIGTERM,
    )
    .unwrap();
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        assert!(sent.elapsed() < Duration::from_secs(2), "SIGTERM ignored");
        std::thread::sleep(Duration::from_millis(20));
    }
    let mut err = String::new();
    std::io::Read::read_to_string(child.stderr.as_mut().unwrap(), &mut err).unwrap();
    assert!(err.contains("SIGTERM"), "{err}");
}

/// Item 11: SIGTERM ends the sniffer in bounded time while its stdout is a FIFO that
/// nobody reads (the printer is left behind after its grace).
#[test]
fn sigterm_with_a_stdout_nobody_reads() {
    require_root();
    let pair = Pair::new();
    let dir = TempDir::new();
    let fifo = dir.join("f");
    nix::unistd::mkfifo(&fifo, nix::sys::stat::Mode::from_bits_truncate(0o600)).unwrap();
    // Held open for reading and writing, and never read.
    let held = std::fs::File::options()
        .read(true)
        .write(true)
        .open(&fifo)
        .unwrap();
    let path = pair.b.path();
    let mut child = Command::new(SNIFFER)
        .args(["--netns", path.to_str().unwrap(), "-i", &pair.if_b, "-nn"])
        .stdout(std::fs::File::options().write(true).open(&fifo).unwrap())
        .stderr(std::fs::File::create(dir.join("err")).unwrap())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(500));
    flood(&pair, 2);
    let sent = Instant::now();
    nix::sys::signal::kill(
        nix::unistd::Pid::from_raw(child.id() as i32),
        Signal::SIGTERM,
    )
    .unwrap();
    let code = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s.code();
        }
        if sent.elapsed() > Duration::from_secs(5) {
            let _ = child.kill();
            panic!("still running 5 s after SIGTERM");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(code, Some(0));
    drop(held);
}

/// `packets_received` is never below `packets_captured` while the capture runs.
#[test]
fn received_is_never_below_captured() {
    require_root();
    let pair = Pair::new();
    let dir = TempDir::new();
    let w = dir.join("c.pcapng");
    let s = Sniffer::start_in(
        dir.path(),
        &pair.b,
        &["-i", &pair.if_b, "-w", w.to_str().unwrap()],
    );
    let a = pair.a.name.clone();
    let flooding = std::thread::spawn(move || {
        let _ = Command::new("ip")
            .args([
                "netns", "exec", &a, "timeout", "4", "ping", "-f", "-q", ADDR_B,
            ])
            .stdout(Stdio::null())
            .status();
    });
    let mut seen = 0;
    for _ in 0..12 {
        std::thread::sleep(Duration::from_millis(300));
        let st = status_json(&w);
        let (c, r) = (
            st["packets_captured"].as_u64().unwrap(),
            st["packets_received"].as_u64().unwrap(),
        );
        assert!(r >= c, "received {r} < captured {c}");
        seen = seen.max(c);
    }
    flooding.join().unwrap();
    assert!(seen > 0);
    s.stop(Signal::SIGINT);
}

/// `-w -` writes a live pcapng stream to stdout (a reader gets packets while the capture
/// runs), and creates no file named `-` nor a status file.
#[test]
fn write_to_stdout_is_a_live_stream() {
    require_root();
    let pair = Pair::new();
    let dir = TempDir::new();
    let path = pair.b.path();
    let mut sniffer = Command::new(SNIFFER)
        .current_dir(dir.path())
        .args([
            "--netns",
            path.to_str().unwrap(),
            "-i",
            &pair.if_b,
            "-w",
            "-",
            "icmp",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let tshark = Command::new("tshark")
        .args(["-r", "-", "-c", "4", "-T", "fields", "-e", "icmp.type"])
        .stdin(sniffer.stdout.take().unwrap())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(500));
    pair.ping(4);
    // tshark ends after 4 packets while the sniffer is still capturing: the stream is live.
    let out = tshark.wait_with_output().unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 4);
    let _ = nix::sys::signal::kill(
        nix::unistd::Pid::from_raw(sniffer.id() as i32),
        Signal::SIGTERM,
    );
    let _ = sniffer.wait();
    assert!(names(dir.path()).is_empty(), "{:?}", names(dir.path()));
}

/// `-w /dev/null` captures without creating `/dev/null.status.json`; `-B` beyond what
/// libpcap can use says what is used instead.
#[test]
fn dev_null_and_a_huge_ring() {
    require_root();
    let pair = Pair::new();
    let dir = TempDir::new();
    let s = Sniffer::start_in(
        dir.path(),
        &pair.b,
        &[
            "-i",
            &pair.if_b,
            "-B",
            "4000000",
            "-c",
            "2",
            "-w",
            "/dev/null",
            "icmp",
        ],
    );
    pair.ping(2);
    let done = s.wait(Duration::from_secs(10));
    assert_eq!(done.code, Some(0), "{}", done.stderr);
    assert!(
        done.stderr.contains("-B 4000000") && done.stderr.contains("using -B 2097151"),
        "{}",
        done.stderr
    );
    assert!(!Path::new("/dev/null.status.json").exists());
    use std::os::unix::fs::FileTypeExt;
    assert!(std::fs::metadata("/dev/null")
        .unwrap()
        .file_type()
        .is_char_device());
}

/// A status file that cannot be written is reported once (not every half second), the
/// capture goes on, and at the end the status is true and no spare or temporary is left.
#[test]
fn failing_status_write_is_reported_once() {
    require_root();
    let pair = Pair::new();
    let dir = TempDir::new();
    let capdir = dir.join("cap");
    std::fs::create_dir(&capdir).unwrap();
    let w = capdir.join("c.pcapng");
    let s = Sniffer::start_in(
        dir.path(),
        &pair.b,
        &["-i", &pair.if_b, "-w", w.to_str().unwrap()],
    );
    // An immutable directory refuses the rename that publishes a status.
    run(Command::new("chattr").arg("+i").arg(&capdir));
    pair.ping(10);
    run(Command::new("chattr").arg("-i").arg(&capdir));
    pair.ping(2);
    let done = s.stop(Signal::SIGINT);
    let _ = Command::new("chattr").arg("-i").arg(&capdir).status();
    assert_eq!(done.code, Some(0));
    let reports = done
        .stderr
        .lines()
        .filter(|l| l.contains("cannot write status file"))
        .count();
    assert_eq!(reports, 1, "{}", done.stderr);
    let st = status_json(&w);
    assert_eq!(st["state"], "stopped");
    assert_eq!(
        st["packets_captured"].as_u64(),
        Some(captured_line(&done.stderr))
    );
    assert_eq!(names(&capdir), ["c.pcapng", "c.status.json"]);
}
