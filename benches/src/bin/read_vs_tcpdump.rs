//! `cargo run --release -p benches --bin read_vs_tcpdump [-- [PACKETS] [--runs R] [--keep DIR]]`:
//! the speed target of `sniffer -nn -r` against `tcpdump -nn -r` (issue 13), measured in one
//! run on two captures of PACKETS packets each (default 1,000,000):
//!
//! - `mix`: pod-like traffic from [`benches::mix::write_mix`] (TCP with options, HTTP, DNS,
//!   UDP, ICMP/ICMPv6, ARP), fixed seed;
//! - `udp`: identical 60-byte Ethernet/IPv4/UDP frames ([`benches::mix::write_udp`]).
//!
//! For each file it runs `tcpdump -nn -r FILE > /dev/null` and `sniffer -nn -r FILE >
//! /dev/null` R times (default 5), alternating which goes first, and prints the median wall
//! time and the median CPU time (user+sys from `wait4`) of each, and their ratios; then the
//! same on `mix` with `-X` added (hex and ASCII dumps, issue 12), and with `-v` (verbose
//! lines, checksums verified, issue 12), on both sides. The
//! sniffer is target/release/sniffer when it exists, else `offline::print_file` in this
//! process (what `sniffer -r` calls). Then it checks, untimed, that the two outputs are
//! byte-identical. A harness, not a test: nothing here pass/fails on time.

use benches::mix;
use capture_core::offline::{print_file, OfflineOptions};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Wall and CPU (user+sys) time of one run.
#[derive(Clone, Copy)]
struct Run {
    wall: Duration,
    cpu: Duration,
}

fn tv(t: libc::timeval) -> Duration {
    Duration::from_secs(t.tv_sec as u64) + Duration::from_micros(t.tv_usec as u64)
}

/// Runs `cmd` with stdout to /dev/null and reaps it with wait4 for its rusage (which
/// `Child::wait` does not give; clippy cannot see that wait4 reaps it).
#[allow(clippy::zombie_processes)]
fn time_cmd(cmd: &mut Command) -> Run {
    let devnull = std::fs::File::create("/dev/null").expect("/dev/null");
    let t = Instant::now();
    let child = cmd
        .stdout(devnull)
        .stderr(Stdio::null())
        .spawn()
        .expect("run command");
    let mut status = 0;
    // SAFETY: rusage is plain data that wait4 fills in; the pid is our own child, which
    // nothing else reaps (std's Child does not wait on drop).
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    let r = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut ru) };
    let wall = t.elapsed();
    assert!(
        r > 0 && libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "{cmd:?} failed"
    );
    Run {
        wall,
        cpu: tv(ru.ru_utime) + tv(ru.ru_stime),
    }
}

fn self_cpu() -> Duration {
    // SAFETY: as above; RUSAGE_SELF of this process.
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut ru) };
    tv(ru.ru_utime) + tv(ru.ru_stime)
}

fn sniffer_binary() -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent()?;
    let b = root.join("target/release/sniffer");
    b.exists().then_some(b)
}

/// `flags`: the printing flags after `-nn` (as `sniffer -nn FLAGS -r FILE` takes them).
fn offline_opts(file: &Path, flags: &[&str]) -> OfflineOptions {
    let args =
        sniffer_contract::options::parse_tcpdump_words(&flags.join(" ")).expect("printing flags");
    OfflineOptions {
        path: file.to_path_buf(),
        filter: String::new(),
        count: None,
        print: capture_core::print_options(&args),
    }
}

fn run_ours(sniffer: Option<&Path>, file: &Path, flags: &[&str]) -> Run {
    match sniffer {
        Some(b) => time_cmd(Command::new(b).arg("-nn").args(flags).arg("-r").arg(file)),
        None => {
            let mut out = std::fs::File::create("/dev/null").expect("/dev/null");
            let (t, c) = (Instant::now(), self_cpu());
            print_file(&offline_opts(file, flags), &mut out, &mut std::io::sink())
                .expect("print_file");
            Run {
                wall: t.elapsed(),
                cpu: self_cpu() - c,
            }
        }
    }
}

fn output_ours(sniffer: Option<&Path>, file: &Path, flags: &[&str]) -> Vec<u8> {
    match sniffer {
        Some(b) => {
            Command::new(b)
                .arg("-nn")
                .args(flags)
                .arg("-r")
                .arg(file)
                .stderr(Stdio::null())
                .output()
                .expect("run sniffer")
                .stdout
        }
        None => {
            let mut v = Vec::new();
            print_file(&offline_opts(file, flags), &mut v, &mut std::io::sink())
                .expect("print_file");
            v
        }
    }
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2
    }
}

fn secs(d: Duration) -> String {
    format!("{:.3} s", d.as_secs_f64())
}

/// Times both on `file` with `-nn FLAGS` and checks their outputs; returns (wall ratio, cpu
/// ratio, identical).
fn compare(
    name: &str,
    file: &Path,
    flags: &[&str],
    runs: usize,
    sniffer: Option<&Path>,
) -> (f64, f64, bool) {
    let shown = format!("-nn {}", flags.join(" "));
    let shown = shown.trim_end();
    // Warm the page cache for both.
    let _ = std::fs::read(file);
    let (mut td, mut us) = (Vec::new(), Vec::new());
    for i in 0..runs {
        let tcpdump = || {
            time_cmd(
                Command::new("tcpdump")
                    .arg("-nn")
                    .args(flags)
                    .arg("-r")
                    .arg(file),
            )
        };
        if i % 2 == 0 {
            td.push(tcpdump());
            us.push(run_ours(sniffer, file, flags));
        } else {
            us.push(run_ours(sniffer, file, flags));
            td.push(tcpdump());
        }
    }
    let med = |v: &[Run], f: fn(&Run) -> Duration| median(v.iter().map(f).collect());
    let (tw, tc) = (med(&td, |r| r.wall), med(&td, |r| r.cpu));
    let (uw, uc) = (med(&us, |r| r.wall), med(&us, |r| r.cpu));
    let (rw, rc) = (
        tw.as_secs_f64() / uw.as_secs_f64(),
        tc.as_secs_f64() / uc.as_secs_f64(),
    );
    println!("[{name}] {shown}, median of {runs}, alternating:");
    println!("  tcpdump : wall {:>9}  cpu {:>9}", secs(tw), secs(tc));
    println!("  sniffer : wall {:>9}  cpu {:>9}", secs(uw), secs(uc));
    println!("  ratio   : wall {rw:>7.1}x  cpu {rc:>7.1}x");

    // Untimed: the two outputs must be the same bytes.
    let want = Command::new("tcpdump")
        .arg("-nn")
        .args(flags)
        .arg("-r")
        .arg(file)
        .stderr(Stdio::null())
        .output()
        .expect("run tcpdump")
        .stdout;
    let got = output_ours(sniffer, file, flags);
    let same = want == got;
    println!(
        "  outputs : {} ({} lines, {} bytes)",
        if same { "identical" } else { "DIFFERENT" },
        want.iter().filter(|&&b| b == b'\n').count(),
        want.len()
    );
    if !same {
        let w = String::from_utf8_lossy(&want);
        let g = String::from_utf8_lossy(&got);
        if let Some((k, (a, b))) = w
            .lines()
            .zip(g.lines())
            .enumerate()
            .find(|(_, (a, b))| a != b)
        {
            println!(
                "  first difference, line {}:\n    tcpdump: {a}\n    ours:    {b}",
                k + 1
            );
        }
    }
    (rw, rc, same)
}

fn main() {
    let mut n: u64 = 1_000_000;
    let mut runs: usize = 5;
    let mut keep: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--runs" => runs = args.next().and_then(|v| v.parse().ok()).unwrap_or(runs),
            "--keep" => keep = args.next().map(PathBuf::from),
            _ => match a.parse() {
                Ok(v) => n = v,
                Err(_) => {
                    eprintln!("usage: read_vs_tcpdump [PACKETS] [--runs R] [--keep DIR]");
                    std::process::exit(2);
                }
            },
        }
    }
    let runs = runs.max(1);
    let dir = keep.clone().unwrap_or_else(|| {
        std::env::temp_dir().join(format!("dumpy-read-bench-{}", std::process::id()))
    });
    std::fs::create_dir_all(&dir).expect("temp dir");
    let mix_file = dir.join("mix.pcap");
    let udp_file = dir.join("udp.pcap");
    let st = mix::write_mix(&mix_file, n, mix::SEED).expect("write mix");
    mix::write_udp(&udp_file, n).expect("write udp");
    println!(
        "captures: mix {} packets ({} MB, {} TCP connections), udp {} packets of 60 bytes, in {}",
        st.packets,
        st.bytes / 1_000_000,
        st.tcp_connections,
        n,
        dir.display()
    );
    let sniffer = sniffer_binary();
    match &sniffer {
        Some(b) => println!("sniffer: {}", b.display()),
        None => {
            println!("sniffer: offline::print_file in process (target/release/sniffer not built)")
        }
    }
    let (mw, mc, ms) = compare("mix", &mix_file, &[], runs, sniffer.as_deref());
    let (uw, uc, us) = compare("udp", &udp_file, &[], runs, sniffer.as_deref());
    let (xw, xc, xs) = compare("mix", &mix_file, &["-X"], runs, sniffer.as_deref());
    let (vw, vc, vs) = compare("mix", &mix_file, &["-v"], runs, sniffer.as_deref());
    println!(
        "summary: mix {mw:.1}x wall / {mc:.1}x cpu (target >= 10x), \
         udp {uw:.1}x wall / {uc:.1}x cpu (target >= 12x), \
         mix -X {xw:.1}x wall / {xc:.1}x cpu (target >= 8x), \
         mix -v {vw:.1}x wall / {vc:.1}x cpu (target >= 8x), outputs {}",
        if ms && us && xs && vs {
            "identical"
        } else {
            "DIFFERENT"
        }
    );
    if keep.is_none() {
        let _ = std::fs::remove_dir_all(&dir);
    }
}
