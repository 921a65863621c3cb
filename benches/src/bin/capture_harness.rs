//! Capture harness (issue 4): sniffer vs tcpdump under a CPU quota, on a veth pair between
//! two network namespaces fed by trafgen. Needs root. Everything it makes (netns, veth,
//! cgroups, processes, files) is removed at the end, on failure and on Ctrl-C.
//!
//! `cargo run --release -p benches --bin capture-harness -- [--quick] [--ring-kib K,...]
//!  [--quota 2,5,10,0] [--size 64,512,1500] [--sniffer PATH] [--no-print-run]`

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

static INTERRUPTED: AtomicBool = AtomicBool::new(false);

extern "C" fn on_signal(_: libc::c_int) {
    INTERRUPTED.store(true, Ordering::SeqCst);
}

type Res<T> = Result<T, String>;

fn run(cmd: &mut Command) -> Res<String> {
    let out = cmd.output().map_err(|e| format!("{cmd:?}: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "{cmd:?} failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

fn check_interrupt() -> Res<()> {
    if INTERRUPTED.load(Ordering::SeqCst) {
        Err("interrupted".into())
    } else {
        Ok(())
    }
}

/// Two namespaces, a veth pair, a work directory; torn down on drop.
struct Lab {
    tx_ns: String,
    rx_ns: String,
    dir: PathBuf,
    rx_mac: [u8; 6],
    tx_mac: [u8; 6],
}

impl Lab {
    fn new(tag: &str) -> Res<Lab> {
        let mut lab = Lab {
            tx_ns: format!("dpyh-tx-{tag}"),
            rx_ns: format!("dpyh-rx-{tag}"),
            // /var/tmp: the same disk for every engine, not a tmpfs.
            dir: PathBuf::from(format!("/var/tmp/dumpy-harness-{tag}")),
            rx_mac: [0; 6],
            tx_mac: [0; 6],
        };
        fs::create_dir_all(&lab.dir).map_err(|e| format!("{}: {e}", lab.dir.display()))?;
        run(Command::new("ip").args(["netns", "add", &lab.tx_ns]))?;
        run(Command::new("ip").args(["netns", "add", &lab.rx_ns]))?;
        run(Command::new("ip").args([
            "-n", &lab.tx_ns, "link", "add", "vtx", "type", "veth", "peer", "name", "vrx", "netns",
            &lab.rx_ns,
        ]))?;
        for (ns, dev, addr) in [
            (&lab.tx_ns, "vtx", "198.51.100.1/24"),
            (&lab.rx_ns, "vrx", "198.51.100.2/24"),
        ] {
            run(Command::new("ip").args(["-n", ns, "addr", "add", addr, "dev", dev]))?;
            run(Command::new("ip").args(["-n", ns, "link", "set", dev, "up"]))?;
            run(Command::new("ip").args(["-n", ns, "link", "set", "lo", "up"]))?;
        }
        lab.rx_mac = mac(&lab.rx_ns, "vrx")?;
        lab.tx_mac = mac(&lab.tx_ns, "vtx")?;
        Ok(lab)
    }
}

impl Drop for Lab {
    fn drop(&mut self) {
        for ns in [&self.tx_ns, &self.rx_ns] {
            let _ = Command::new("ip").args(["netns", "del", ns]).output();
        }
        let _ = fs::remove_dir_all(&self.dir);
    }
}

fn mac(ns: &str, dev: &str) -> Res<[u8; 6]> {
    let s = run(Command::new("ip").args([
        "netns",
        "exec",
        ns,
        "cat",
        &format!("/sys/class/net/{dev}/address"),
    ]))?;
    let mut m = [0u8; 6];
    for (i, p) in s.trim().split(':').enumerate().take(6) {
        m[i] = u8::from_str_radix(p, 16).map_err(|e| format!("mac {s}: {e}"))?;
    }
    Ok(m)
}

/// A CPU cgroup with a quota (v1 cpu controller or v2 cpu.max); removed on drop.
struct Cgroup {
    dir: PathBuf,
    v2: bool,
}

impl Cgroup {
    fn new(name: &str, quota_pct: u32) -> Res<Cgroup> {
        let v1 = Path::new("/sys/fs/cgroup/cpu/cpu.cfs_quota_us").exists();
        let (dir, v2) = if v1 {
            (PathBuf::from("/sys/fs/cgroup/cpu").join(name), false)
        } else if Path::new("/sys/fs/cgroup/cgroup.controllers").exists() {
            let _ = fs::write("/sys/fs/cgroup/cgroup.subtree_control", "+cpu");
            (PathBuf::from("/sys/fs/cgroup").join(name), true)
        } else {
            return Err("no cgroup cpu controller: mount cgroup v1 cpu or v2".into());
        };
        fs::create_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let cg = Cgroup { dir, v2 };
        let quota = if quota_pct == 0 {
            None
        } else {
            Some(quota_pct * 1000)
        };
        if cg.v2 {
            let v = match quota {
                Some(q) => format!("{q} 100000"),
                None => "max 100000".into(),
            };
            cg.write("cpu.max", &v)?;
        } else {
            cg.write("cpu.cfs_period_us", "100000")?;
            cg.write(
                "cpu.cfs_quota_us",
                &quota.map(|q| q as i64).unwrap_or(-1).to_string(),
            )?;
        }
        Ok(cg)
    }

    fn write(&self, f: &str, v: &str) -> Res<()> {
        fs::write(self.dir.join(f), v).map_err(|e| format!("{}/{f}: {e}", self.dir.display()))
    }

    fn procs(&self) -> PathBuf {
        self.dir.join("cgroup.procs")
    }

    /// CPU time used by everything in the group, ns.
    fn usage_ns(&self) -> u64 {
        if self.v2 {
            let s = fs::read_to_string(self.dir.join("cpu.stat")).unwrap_or_default();
            s.lines()
                .find_map(|l| l.strip_prefix("usage_usec "))
                .and_then(|v| v.trim().parse::<u64>().ok())
                .map(|u| u * 1000)
                .unwrap_or(0)
        } else {
            let p = Path::new("/sys/fs/cgroup/cpuacct").join(self.dir.file_name().unwrap());
            let s = fs::read_to_string(self.dir.join("cpuacct.usage"))
                .or_else(|_| fs::read_to_string(p.join("cpuacct.usage")))
                .unwrap_or_default();
            s.trim().parse().unwrap_or(0)
        }
    }
}

impl Drop for Cgroup {
    fn drop(&mut self) {
        for _ in 0..50 {
            if fs::remove_dir(&self.dir).is_ok() {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum Engine {
    Sniffer,
    Tcpdump,
}

struct Outcome {
    captured: u64,
    dropped: u64,
    cpu_ns: u64,
    maxrss_kib: u64,
    secs: f64,
}

/// A running engine; killed and reaped on drop if the run fails half-way.
struct Running {
    child: Option<Child>,
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Some(c) = self.child.as_mut() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

struct Setting {
    engine: Engine,
    quota: u32,
    size: usize,
    n: u64,
    ring_kib: u32,
    print: bool,
}

fn run_one(lab: &Lab, sniffer: &Path, s: &Setting, tag: &str) -> Res<Outcome> {
    check_interrupt()?;
    let out = lab.dir.join(format!("{tag}.cap"));
    let errf = lab.dir.join(format!("{tag}.err"));
    let cfg = lab.dir.join(format!("{tag}.trafgen"));
    let frame = benches::udp_frame(lab.rx_mac, lab.tx_mac, s.size, 9);
    let bytes: Vec<String> = frame.iter().map(|b| format!("0x{b:02x}")).collect();
    fs::write(&cfg, format!("{{ {} }}\n", bytes.join(", "))).map_err(|e| e.to_string())?;

    let cg = Cgroup::new(&format!("dpyh-{tag}"), s.quota)?;
    let ring = s.ring_kib.to_string();
    let snap = "262144";
    let netns_path = format!("/var/run/netns/{}", lab.rx_ns);
    let mut cmd = Command::new("taskset");
    cmd.args(["-c", "1"]);
    match s.engine {
        Engine::Sniffer => {
            cmd.arg(sniffer)
                .args(["--netns", &netns_path, "-i", "vrx", "-w"])
                .arg(&out);
            cmd.args(["-B", &ring, "-s", snap]);
            if s.print {
                cmd.arg("--print");
            }
            cmd.arg("udp");
        }
        Engine::Tcpdump => {
            cmd.args([
                "ip", "netns", "exec", &lab.rx_ns, "tcpdump", "-Z", "root", "-n", "-i", "vrx", "-w",
            ]);
            cmd.arg(&out).args(["-B", &ring, "-s", snap]);
            if s.print {
                cmd.arg("--print");
            }
            cmd.arg("udp");
        }
    }
    let procs = cg.procs();
    unsafe {
        use std::os::unix::process::CommandExt;
        // Join the cgroup before exec so every thread the engine starts is limited.
        cmd.pre_exec(move || {
            fs::write(&procs, std::process::id().to_string())?;
            Ok(())
        });
    }
    cmd.stdin(Stdio::null())
        .stderr(fs::File::create(&errf).map_err(|e| e.to_string())?)
        .stdout(if s.print {
            Stdio::piped()
        } else {
            Stdio::null()
        });
    let mut child = cmd.spawn().map_err(|e| format!("{:?}: {e}", s.engine))?;
    // The slow reader: 4 KiB every 50 ms (≈80 KiB/s), far below the packet rate.
    let reader = child.stdout.take().map(|mut so| {
        std::thread::spawn(move || {
            let mut b = [0u8; 4096];
            let mut total = 0u64;
            while let Ok(n) = so.read(&mut b) {
                if n == 0 {
                    break;
                }
                total += n as u64;
                std::thread::sleep(Duration::from_millis(50));
            }
            total
        })
    });
    let pid = child.id() as libc::pid_t;
    let mut running = Running { child: Some(child) };

    // Ready when the output file exists (both engines create it after activating).
    let t0 = Instant::now();
    while !out.exists() {
        check_interrupt()?;
        if t0.elapsed() > Duration::from_secs(20) {
            return Err(format!(
                "{:?} did not start: {}",
                s.engine,
                fs::read_to_string(&errf).unwrap_or_default()
            ));
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    std::thread::sleep(Duration::from_millis(500));

    let start = Instant::now();
    let mut tg = Command::new("taskset")
        .args([
            "-c", "0", "ip", "netns", "exec", &lab.tx_ns, "trafgen", "-o", "vtx", "-i",
        ])
        .arg(&cfg)
        .args(["-n", &s.n.to_string(), "-P", "1", "-C", "-Q"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("trafgen: {e}"))?;
    let tg_status = loop {
        if INTERRUPTED.load(Ordering::SeqCst) {
            let _ = tg.kill();
            let _ = tg.wait();
            return Err("interrupted".into());
        }
        if let Some(st) = tg.try_wait().map_err(|e| e.to_string())? {
            break st;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let secs = start.elapsed().as_secs_f64();
    if !tg_status.success() {
        return Err(format!("trafgen failed ({tg_status})"));
    }
    // Let the engine drain its ring: wait until it spends < 1 ms CPU in 1 s (cap 60 s).
    let mut last = cg.usage_ns();
    for _ in 0..60 {
        check_interrupt()?;
        std::thread::sleep(Duration::from_secs(1));
        let now = cg.usage_ns();
        if now - last < 1_000_000 {
            break;
        }
        last = now;
    }
    unsafe { libc::kill(pid, libc::SIGINT) };
    let mut status = 0;
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    let t = Instant::now();
    loop {
        let r = unsafe { libc::wait4(pid, &mut status, libc::WNOHANG, &mut ru) };
        if r == pid {
            break;
        }
        if t.elapsed() > Duration::from_secs(30) {
            return Err(format!("{:?} did not stop on SIGINT", s.engine));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    // Reaped by wait4: std's Child must not wait or kill it again.
    std::mem::forget(running.child.take());
    drop(running);
    let printed = reader.map(|r| r.join().unwrap_or(0));
    let err = fs::read_to_string(&errf).unwrap_or_default();
    let captured = count_packets(&out)?;
    // tcpdump blocked on a slow stdout dies in write(2) on SIGINT without its statistics:
    // then every packet not in the file counts as dropped.
    let dropped = match stat_line(&err, "packets dropped by kernel") {
        Some(d) => d,
        None if s.print => {
            eprintln!(
                "    ({:?} printed no statistics; dropped = offered - captured)",
                s.engine
            );
            s.n.saturating_sub(captured)
        }
        None => return Err(format!("{:?}: no statistics on stderr: {err}", s.engine)),
    };
    let cpu_ns = (ru.ru_utime.tv_sec as u64 * 1_000_000_000 + ru.ru_utime.tv_usec as u64 * 1000)
        + (ru.ru_stime.tv_sec as u64 * 1_000_000_000 + ru.ru_stime.tv_usec as u64 * 1000);
    let cpu_ns = cpu_ns.max(cg.usage_ns());
    if let Some(p) = printed {
        eprintln!("    ({:?} --print: slow reader got {p} bytes)", s.engine);
    }
    let _ = fs::remove_file(&out);
    Ok(Outcome {
        captured,
        dropped,
        cpu_ns,
        maxrss_kib: ru.ru_maxrss as u64,
        secs,
    })
}

fn stat_line(err: &str, what: &str) -> Option<u64> {
    err.lines()
        .find(|l| l.contains(what))
        .and_then(|l| l.split_whitespace().next())
        .and_then(|n| n.parse().ok())
}

/// Packets in a pcap or pcapng file (little-endian files, as both engines write here).
fn count_packets(p: &Path) -> Res<u64> {
    let d = fs::read(p).map_err(|e| format!("{}: {e}", p.display()))?;
    let rd = |o: usize| u32::from_le_bytes(d[o..o + 4].try_into().unwrap()) as usize;
    if d.len() < 24 {
        return Ok(0);
    }
    let mut n = 0;
    if rd(0) == 0x0A0D0D0A {
        let mut o = 0;
        while o + 12 <= d.len() {
            let (ty, len) = (rd(o), rd(o + 4));
            if len < 12 {
                break;
            }
            if ty == 6 || ty == 3 {
                n += 1;
            }
            o += len;
        }
    } else if rd(0) == 0xa1b2c3d4 || rd(0) == 0xa1b23c4d {
        let mut o = 24;
        while o + 16 <= d.len() {
            n += 1;
            o += 16 + rd(o + 8);
        }
    } else {
        return Err(format!("{}: neither pcap nor pcapng", p.display()));
    }
    Ok(n)
}

fn list<T: std::str::FromStr>(v: &str) -> Res<Vec<T>> {
    v.split(',')
        .map(|x| {
            x.trim()
                .parse()
                .map_err(|_| format!("bad list value {x:?}"))
        })
        .collect()
}

fn main() {
    unsafe {
        libc::signal(libc::SIGINT, on_signal as *const () as libc::sighandler_t);
        libc::signal(libc::SIGTERM, on_signal as *const () as libc::sighandler_t);
    }
    if let Err(e) = real_main() {
        eprintln!("capture-harness: {e}");
        std::process::exit(1);
    }
}

fn real_main() -> Res<()> {
    let mut quick = false;
    let mut rings: Vec<u32> = vec![2048, 32768];
    let mut quotas: Vec<u32> = vec![2, 5, 10, 0];
    let mut sizes: Vec<usize> = vec![64, 512, 1500];
    let mut print_run = true;
    let mut sniffer = std::env::current_exe()
        .ok()
        .and_then(|p| p.parent().map(|d| d.join("sniffer")))
        .unwrap_or_else(|| PathBuf::from("sniffer"));
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut val = || it.next().ok_or_else(|| format!("{a} needs a value"));
        match a.as_str() {
            "--quick" => quick = true,
            "--ring-kib" => rings = list(&val()?)?,
            "--quota" => quotas = list(&val()?)?,
            "--size" => sizes = list(&val()?)?,
            "--sniffer" => sniffer = PathBuf::from(val()?),
            "--no-print-run" => print_run = false,
            "-h" | "--help" => {
                println!("usage: capture-harness [--quick] [--ring-kib K,..] [--quota PCT,..(0=unlimited)] [--size BYTES,..] [--sniffer PATH] [--no-print-run]");
                return Ok(());
            }
            _ => return Err(format!("unknown argument {a:?}; see --help")),
        }
    }
    if unsafe { libc::geteuid() } != 0 {
        return Err("needs root (netns, veth, cgroups); run with sudo".into());
    }
    if !sniffer.exists() {
        return Err(format!(
            "{} not found: cargo build --release -p sniffer, or pass --sniffer PATH",
            sniffer.display()
        ));
    }
    if quick {
        quotas = vec![2, 0];
        sizes = vec![64];
        rings.truncate(1);
    }
    let tag = std::process::id().to_string();
    let lab = Lab::new(&tag)?;
    println!("ring_KiB quota size engine   offered captured dropped  drop%  cpu_ms/Mpkt peak_RSS_MiB secs");
    let mut rows = Vec::new();
    for &ring in &rings {
        for &q in &quotas {
            for &size in &sizes {
                // trafgen offers ~480 kpps at 64 B and ~450 kpps at 1500 B on this veth:
                // these counts keep every setting at 5 s or more.
                let n: u64 = if quick {
                    200_000
                } else {
                    match size {
                        0..=128 => 3_000_000,
                        129..=600 => 2_500_000,
                        _ => 2_500_000,
                    }
                };
                let mut pair = Vec::new();
                for engine in [Engine::Sniffer, Engine::Tcpdump] {
                    let s = Setting {
                        engine,
                        quota: q,
                        size,
                        n,
                        ring_kib: ring,
                        print: false,
                    };
                    let o = run_one(&lab, &sniffer, &s, &format!("{tag}-{}", rows.len()))?;
                    report(&s, &o);
                    pair.push(o);
                    rows.push(());
                }
                ratio(&pair[0], &pair[1]);
            }
        }
    }
    if print_run {
        println!("-- --print to a pipe drained by a slow reader (4 KiB / 50 ms) --");
        for &q in &[0u32, 5] {
            for engine in [Engine::Sniffer, Engine::Tcpdump] {
                let s = Setting {
                    engine,
                    quota: q,
                    size: 64,
                    n: if quick { 200_000 } else { 3_000_000 },
                    ring_kib: rings[0],
                    print: true,
                };
                let o = run_one(&lab, &sniffer, &s, &format!("{tag}-{}", rows.len()))?;
                report(&s, &o);
                rows.push(());
            }
        }
    }
    drop(lab);
    Ok(())
}

fn report(s: &Setting, o: &Outcome) {
    let q = if s.quota == 0 {
        "unl".to_string()
    } else {
        format!("{}%", s.quota)
    };
    println!(
        "{:>8} {:>5} {:>4} {:<8} {:>7} {:>8} {:>7} {:>6.2} {:>11.0} {:>12.1} {:>4.1}{}",
        s.ring_kib,
        q,
        s.size,
        format!("{:?}", s.engine).to_lowercase(),
        s.n,
        o.captured,
        o.dropped,
        100.0 * o.dropped as f64 / s.n as f64,
        o.cpu_ns as f64 / 1e6 / (s.n as f64 / 1e6),
        o.maxrss_kib as f64 / 1024.0,
        o.secs,
        if s.print { "  (--print)" } else { "" }
    );
}

fn ratio(sn: &Outcome, td: &Outcome) {
    let r = |a: f64, b: f64| {
        if b == 0.0 {
            if a == 0.0 {
                "1.00".to_string()
            } else {
                "inf".into()
            }
        } else {
            format!("{:.2}", a / b)
        }
    };
    println!(
        "{:>30} sniffer/tcpdump: drops {}  cpu {}  rss {}",
        "",
        r(sn.dropped as f64, td.dropped as f64),
        r(sn.cpu_ns as f64, td.cpu_ns as f64),
        r(sn.maxrss_kib as f64, td.maxrss_kib as f64)
    );
}
