//! `cargo run --release -p benches --bin read_vs_tcpdump [-- PACKETS]`: the speed target of
//! `sniffer -nn -r` against `tcpdump -nn -r`, measured in one run.
//!
//! Generates a capture of PACKETS (default 1,000,000) 60-byte Ethernet/IPv4/UDP frames, then
//! times `tcpdump -nn -r FILE > /dev/null` and our reader+printer on the same file to
//! /dev/null (the `sniffer` binary with `-nn -r` when target/release/sniffer exists and
//! accepts -r, else `capture_core::offline::print_file` in this process, which is what
//! `sniffer -r` calls). Prints both times and the ratio, and checks once, untimed, that the
//! two outputs are byte-identical. A harness, not a test: nothing here pass/fails on time.

use capture_core::offline::{print_file, OfflineOptions};
use printer::PrintOptions;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A little-endian µs pcap of `n` 60-byte UDP frames, 1000 packets per second.
fn write_capture(path: &Path, n: u64) -> std::io::Result<()> {
    let mut w = std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(path)?);
    w.write_all(&0xa1b2c3d4u32.to_le_bytes())?;
    w.write_all(&2u16.to_le_bytes())?;
    w.write_all(&4u16.to_le_bytes())?;
    w.write_all(&[0; 8])?;
    w.write_all(&262144u32.to_le_bytes())?;
    w.write_all(&1u32.to_le_bytes())?;
    for i in 0..n {
        let mut f = Vec::with_capacity(60);
        f.extend_from_slice(&[2, 0, 0, 0, 0, 0xb, 2, 0, 0, 0, 0, 0xa, 8, 0]);
        let mut ip = [0u8; 20];
        ip[0] = 0x45;
        ip[2..4].copy_from_slice(&46u16.to_be_bytes());
        ip[4..6].copy_from_slice(&(i as u16).to_be_bytes());
        ip[8] = 64;
        ip[9] = 17;
        ip[12..16].copy_from_slice(&[192, 0, 2, 1]);
        ip[16..20].copy_from_slice(&[192, 0, 2, 2]);
        let c = benches::csum(&ip);
        ip[10..12].copy_from_slice(&c.to_be_bytes());
        f.extend_from_slice(&ip);
        // Ports no tcpdump decoder claims, so both print "UDP, length 18".
        let sport = 40000 + (i % 1000) as u16;
        f.extend_from_slice(&sport.to_be_bytes());
        f.extend_from_slice(&9999u16.to_be_bytes());
        f.extend_from_slice(&26u16.to_be_bytes());
        f.extend_from_slice(&[0, 0]);
        f.extend_from_slice(&[b'x'; 18]);
        let ts = 1_700_000_000 + (i / 1000) as u32;
        let us = ((i % 1000) * 1000) as u32;
        for v in [ts, us, 60, 60] {
            w.write_all(&v.to_le_bytes())?;
        }
        w.write_all(&f)?;
    }
    w.flush()
}

fn time_cmd(cmd: &mut Command, out: Stdio) -> Duration {
    let t = Instant::now();
    let st = cmd
        .stdout(out)
        .stderr(Stdio::null())
        .status()
        .expect("run command");
    let d = t.elapsed();
    assert!(st.success(), "{cmd:?} failed");
    d
}

fn sniffer_binary() -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()?
        .to_path_buf();
    for p in ["target/release/sniffer", "target/debug/sniffer"] {
        let b = root.join(p);
        if b.exists() {
            // Only if it already has -r (the lead wires it to offline::print_file).
            let ok = Command::new(&b)
                .args(["-nn", "-r", "/nonexistent"])
                .output()
                .ok()?;
            let err = String::from_utf8_lossy(&ok.stderr);
            if !err.contains("unknown")
                && !err.contains("unsupported")
                && !err.contains("unexpected")
            {
                return Some(b);
            }
        }
    }
    None
}

fn main() {
    let n: u64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let dir = std::env::temp_dir().join(format!("dumpy-read-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("udp.pcap");
    write_capture(&file, n).expect("write capture");
    println!("capture: {} packets of 60-byte UDP, {}", n, file.display());

    let devnull = || Stdio::from(std::fs::File::create("/dev/null").unwrap());
    // Warm the page cache for both.
    let _ = std::fs::read(&file);
    // The machine is shared: take the best of RUNS for each side.
    const RUNS: usize = 3;
    let td = (0..RUNS)
        .map(|_| {
            time_cmd(
                Command::new("tcpdump").args(["-nn", "-r"]).arg(&file),
                devnull(),
            )
        })
        .min()
        .unwrap();

    let sniffer = sniffer_binary();
    let (label, ours) = match &sniffer {
        Some(b) => (
            format!("{} -nn -r", b.display()),
            (0..RUNS)
                .map(|_| time_cmd(Command::new(b).args(["-nn", "-r"]).arg(&file), devnull()))
                .min()
                .unwrap(),
        ),
        None => {
            let opts = OfflineOptions {
                path: file.clone(),
                filter: String::new(),
                count: None,
                print: PrintOptions::default(),
            };
            let best = (0..RUNS)
                .map(|_| {
                    let mut out = std::fs::File::create("/dev/null").unwrap();
                    let t = Instant::now();
                    print_file(&opts, &mut out, &mut std::io::sink()).expect("print_file");
                    t.elapsed()
                })
                .min()
                .unwrap();
            (
                "offline::print_file (in process; sniffer -r not built)".to_string(),
                best,
            )
        }
    };
    println!(
        "tcpdump -nn -r      : {:>8.3} s (best of {RUNS})",
        td.as_secs_f64()
    );
    println!("{label}: {:.3} s (best of {RUNS})", ours.as_secs_f64());
    println!(
        "ratio               : {:>8.1}x faster (target: >= 10x)",
        td.as_secs_f64() / ours.as_secs_f64()
    );

    // Untimed: the two outputs must be the same bytes.
    let want = Command::new("tcpdump")
        .args(["-nn", "-r"])
        .arg(&file)
        .stderr(Stdio::null())
        .output()
        .unwrap()
        .stdout;
    let got = match &sniffer {
        Some(b) => {
            Command::new(b)
                .args(["-nn", "-r"])
                .arg(&file)
                .stderr(Stdio::null())
                .output()
                .unwrap()
                .stdout
        }
        None => {
            let opts = OfflineOptions {
                path: file.clone(),
                filter: String::new(),
                count: None,
                print: PrintOptions::default(),
            };
            let mut v = Vec::new();
            print_file(&opts, &mut v, &mut std::io::sink()).expect("print_file");
            v
        }
    };
    println!(
        "outputs identical   : {}",
        if want == got { "yes" } else { "NO" }
    );
    if want != got {
        let w = String::from_utf8_lossy(&want);
        let g = String::from_utf8_lossy(&got);
        if let Some((a, b)) = w.lines().zip(g.lines()).find(|(a, b)| a != b) {
            println!("first difference:\n  tcpdump: {a}\n  ours:    {b}");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
