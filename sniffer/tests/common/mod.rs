//! Test fixtures with real parts: network namespaces joined by veth, traffic made by real
//! sockets inside them, the real sniffer binary, and tshark/capinfos/tcpdump as judges.
//! Every fixture removes what it made on drop, so a failing test leaves nothing behind.
#![allow(dead_code)]

pub mod containerd;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

pub const SNIFFER: &str = env!("CARGO_BIN_EXE_sniffer");

/// These tests need root (namespaces, raw sockets). They fail loudly rather than skip.
pub fn require_root() {
    assert!(
        nix::unistd::geteuid().is_root(),
        "this test needs root (network namespaces and raw sockets): run `scripts/test` as root"
    );
}

/// A name no other test (or test process) uses: prefix, pid, counter.
pub fn unique(prefix: &str) -> String {
    static N: AtomicU32 = AtomicU32::new(0);
    format!(
        "{prefix}{}x{}",
        std::process::id() % 100_000,
        N.fetch_add(1, Ordering::Relaxed)
    )
}

pub fn run(cmd: &mut Command) -> Output {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}\n{}",
        String::from_utf8_lossy(&out.stderr),
        String::from_utf8_lossy(&out.stdout)
    );
    out
}

pub fn ip(args: &[&str]) {
    run(Command::new("ip").args(args));
}

/// A network namespace made with `ip netns add`, deleted on drop.
pub struct Netns {
    pub name: String,
}

impl Netns {
    pub fn new(prefix: &str) -> Netns {
        let name = unique(prefix);
        ip(&["netns", "add", &name]);
        ip(&["-n", &name, "link", "set", "lo", "up"]);
        Netns { name }
    }

    pub fn path(&self) -> PathBuf {
        PathBuf::from(format!("/var/run/netns/{}", self.name))
    }

    /// Runs `f` on a thread that has entered this namespace.
    pub fn run<R: Send + 'static>(&self, f: impl FnOnce() -> R + Send + 'static) -> R {
        let path = self.path();
        std::thread::spawn(move || {
            let file = std::fs::File::open(&path).expect("open netns");
            nix::sched::setns(&file, nix::sched::CloneFlags::CLONE_NEWNET).expect("setns");
            f()
        })
        .join()
        .expect("netns thread panicked")
    }

    pub fn exec(&self, args: &[&str]) -> Command {
        let mut c = Command::new("ip");
        c.args(["netns", "exec", &self.name]).args(args);
        c
    }
}

impl Drop for Netns {
    fn drop(&mut self) {
        let _ = Command::new("ip")
            .args(["netns", "del", &self.name])
            .status();
    }
}

/// Two namespaces joined by a veth pair: `a` is 192.0.2.1, `b` is 192.0.2.2 (and
/// 2001:db8::1/2), documentation addresses with no route anywhere else.
pub struct Pair {
    pub a: Netns,
    pub b: Netns,
    pub if_a: String,
    pub if_b: String,
}

pub const ADDR_A: &str = "192.0.2.1";
pub const ADDR_B: &str = "192.0.2.2";

impl Pair {
    pub fn new() -> Pair {
        let a = Netns::new("dta");
        let b = Netns::new("dtb");
        let if_a = unique("va");
        let if_b = unique("vb");
        ip(&[
            "link", "add", &if_a, "netns", &a.name, "type", "veth", "peer", "name", &if_b, "netns",
            &b.name,
        ]);
        ip(&[
            "-n",
            &a.name,
            "addr",
            "add",
            &format!("{ADDR_A}/24"),
            "dev",
            &if_a,
        ]);
        ip(&[
            "-n",
            &b.name,
            "addr",
            "add",
            &format!("{ADDR_B}/24"),
            "dev",
            &if_b,
        ]);
        ip(&[
            "-n",
            &a.name,
            "addr",
            "add",
            "2001:db8::1/64",
            "dev",
            &if_a,
            "nodad",
        ]);
        ip(&[
            "-n",
            &b.name,
            "addr",
            "add",
            "2001:db8::2/64",
            "dev",
            &if_b,
            "nodad",
        ]);
        ip(&["-n", &a.name, "link", "set", &if_a, "up"]);
        ip(&["-n", &b.name, "link", "set", &if_b, "up"]);
        Pair { a, b, if_a, if_b }
    }

    /// `count` pings from a to b.
    pub fn ping(&self, count: u32) {
        run(&mut self.a.exec(&[
            "ping",
            "-q",
            "-c",
            &count.to_string(),
            "-i",
            "0.2",
            "-W",
            "2",
            ADDR_B,
        ]));
    }

    /// A TCP exchange a → b:port: the client sends `messages` of `size` bytes, the server
    /// reads them all, then both close. Returns the bytes the server received.
    pub fn tcp_exchange(&self, port: u16, messages: usize, size: usize) -> usize {
        use std::io::{Read, Write};
        let (ready_tx, ready_rx) = std::sync::mpsc::channel();
        let server = {
            let b = self.b.path();
            std::thread::spawn(move || {
                let f = std::fs::File::open(&b).unwrap();
                nix::sched::setns(&f, nix::sched::CloneFlags::CLONE_NEWNET).unwrap();
                let l = std::net::TcpListener::bind((ADDR_B, port)).unwrap();
                ready_tx.send(()).unwrap();
                let (mut s, _) = l.accept().unwrap();
                let mut got = Vec::new();
                s.read_to_end(&mut got).unwrap();
                s.write_all(b"bye").unwrap();
                got.len()
            })
        };
        ready_rx
            .recv_timeout(Duration::from_secs(10))
            .expect("server listening");
        self.a.run(move || {
            let mut s = std::net::TcpStream::connect((ADDR_B, port)).unwrap();
            for _ in 0..messages {
                s.write_all(&vec![b'x'; size]).unwrap();
            }
            s.shutdown(std::net::Shutdown::Write).unwrap();
            let mut rest = Vec::new();
            s.read_to_end(&mut rest).unwrap();
        });
        server.join().unwrap()
    }

    /// `count` UDP datagrams of `size` bytes a → b:port (nobody listens; that is fine).
    pub fn udp_burst(&self, port: u16, count: usize, size: usize) {
        self.a.run(move || {
            let s = std::net::UdpSocket::bind((ADDR_A, 0)).unwrap();
            let payload = vec![0x55u8; size];
            for _ in 0..count {
                // ICMP port unreachable may make a send fail; keep sending.
                let _ = s.send_to(&payload, (ADDR_B, port));
            }
        });
    }
}

/// A running sniffer, killed on drop if the test did not stop it.
pub struct Sniffer {
    pub child: Child,
    pub stderr_path: PathBuf,
    pub stdout_path: PathBuf,
}

pub struct Finished {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Sniffer {
    pub fn start(dir: &Path, args: &[&str]) -> Sniffer {
        let stderr_path = dir.join(unique("sniffer-stderr-"));
        let stdout_path = dir.join(unique("sniffer-stdout-"));
        let child = Command::new(SNIFFER)
            .args(args)
            .stdout(std::fs::File::create(&stdout_path).unwrap())
            .stderr(std::fs::File::create(&stderr_path).unwrap())
            .stdin(Stdio::null())
            .spawn()
            .expect("spawn sniffer");
        let s = Sniffer {
            child,
            stderr_path,
            stdout_path,
        };
        s.wait_for_stderr("listening on", Duration::from_secs(20));
        s
    }

    /// Starts the sniffer with `--netns` pointing at `ns`, then `args`.
    pub fn start_in(dir: &Path, ns: &Netns, args: &[&str]) -> Sniffer {
        let path = ns.path();
        let mut all = vec!["--netns", path.to_str().unwrap()];
        all.extend_from_slice(args);
        Sniffer::start(dir, &all)
    }

    pub fn stderr(&self) -> String {
        std::fs::read_to_string(&self.stderr_path).unwrap_or_default()
    }

    pub fn wait_for_stderr(&self, needle: &str, timeout: Duration) {
        let deadline = Instant::now() + timeout;
        while Instant::now() < deadline {
            if self.stderr().contains(needle) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!(
            "sniffer never printed {needle:?}; stderr:\n{}",
            self.stderr()
        );
    }

    pub fn signal(&self, sig: nix::sys::signal::Signal) {
        nix::sys::signal::kill(nix::unistd::Pid::from_raw(self.child.id() as i32), sig).unwrap();
    }

    /// Waits for the sniffer to exit by itself (e.g. after -c).
    pub fn wait(mut self, timeout: Duration) -> Finished {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return Finished {
                    code: status.code(),
                    stdout: std::fs::read_to_string(&self.stdout_path).unwrap_or_default(),
                    stderr: self.stderr(),
                };
            }
            assert!(
                Instant::now() < deadline,
                "sniffer did not exit; stderr:\n{}",
                self.stderr()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Sends `sig` and waits for the exit.
    pub fn stop(self, sig: nix::sys::signal::Signal) -> Finished {
        // Give the last packets a ring timeout to reach the ring before stopping.
        std::thread::sleep(Duration::from_millis(300));
        self.signal(sig);
        self.wait(Duration::from_secs(20))
    }
}

impl Drop for Sniffer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// tcpdump's "N packets captured" line.
pub fn captured_line(stderr: &str) -> u64 {
    stderr
        .lines()
        .find_map(|l| {
            l.strip_suffix(" packets captured")
                .and_then(|n| n.parse().ok())
        })
        .unwrap_or_else(|| panic!("no 'packets captured' line in:\n{stderr}"))
}

/// A temporary directory, removed on drop.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new() -> TempDir {
        let p = std::env::temp_dir().join(unique("dumpy-test-"));
        std::fs::create_dir_all(&p).unwrap();
        TempDir(p)
    }
    pub fn join(&self, s: &str) -> PathBuf {
        self.0.join(s)
    }
    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// tshark's fields, one Vec per packet. Fails the test on any tshark error (a file tshark
/// cannot read completely is a broken file).
pub fn tshark_fields(
    file: &Path,
    display_filter: Option<&str>,
    fields: &[&str],
) -> Vec<Vec<String>> {
    let mut c = Command::new("tshark");
    c.arg("-r")
        .arg(file)
        .args(["-T", "fields", "-E", "separator=\t"]);
    if let Some(f) = display_filter {
        c.args(["-Y", f]);
    }
    for f in fields {
        c.args(["-e", f]);
    }
    let out = c.output().expect("run tshark");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let real_errors: Vec<&str> = stderr
        .lines()
        .filter(|l| !l.contains("Running as user \"root\""))
        .collect();
    assert!(
        out.status.success() && real_errors.is_empty(),
        "tshark failed on {}: {stderr}",
        file.display()
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect()
}

pub fn packet_count(file: &Path) -> usize {
    tshark_fields(file, None, &["frame.number"]).len()
}

pub fn capinfos(file: &Path) -> String {
    let out = run(Command::new("capinfos").arg(file));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// tcpdump run beside the sniffer on the same interface, as the reference count. It runs in
/// immediate mode because on SIGINT tcpdump does not drain its ring: packets in a block the
/// kernel has not yet retired would be lost (its own "N packets captured" shows it).
pub struct Tcpdump(std::process::Child, std::path::PathBuf);

impl Tcpdump {
    pub fn start(ns: &Netns, iface: &str, out: &std::path::Path, filter: &str) -> Tcpdump {
        let out_arg = out.to_str().unwrap();
        Tcpdump::spawn(
            ns,
            iface,
            out_arg,
            filter,
            out.with_extension("stderr"),
            Stdio::null(),
        )
    }

    /// tcpdump writing its capture to standard output (`-w -`), packet by packet; its
    /// stderr goes to a file in `dir`.
    pub fn start_to_stdout(
        ns: &Netns,
        iface: &str,
        dir: &Path,
    ) -> (Tcpdump, std::process::ChildStdout) {
        let errp = dir.join(unique("tcpdump-stderr-"));
        let mut t = Tcpdump::spawn(ns, iface, "-", "", errp, Stdio::piped());
        let out = t.0.stdout.take().expect("piped stdout");
        (t, out)
    }

    fn spawn(
        ns: &Netns,
        iface: &str,
        out: &str,
        filter: &str,
        errp: PathBuf,
        stdout: Stdio,
    ) -> Tcpdump {
        let child = ns
            .exec(&[
                "tcpdump",
                "-Z",
                "root",
                "--immediate-mode",
                "-i",
                iface,
                "-U",
                "-w",
                out,
                filter,
            ])
            .stdout(stdout)
            .stderr(std::fs::File::create(&errp).unwrap())
            .spawn()
            .unwrap();
        let t = Tcpdump(child, errp);
        for _ in 0..200 {
            if std::fs::read_to_string(&t.1)
                .unwrap_or_default()
                .contains("listening on")
            {
                return t;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!(
            "tcpdump did not start: {}",
            std::fs::read_to_string(&t.1).unwrap_or_default()
        );
    }

    /// Whether tcpdump is still running.
    pub fn running(&mut self) -> bool {
        matches!(self.0.try_wait(), Ok(None))
    }

    pub fn stop(mut self) {
        std::thread::sleep(Duration::from_millis(300));
        nix::sys::signal::kill(
            nix::unistd::Pid::from_raw(self.0.id() as i32),
            nix::sys::signal::Signal::SIGINT,
        )
        .unwrap();
        let _ = self.0.wait();
    }
}

impl Drop for Tcpdump {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}
