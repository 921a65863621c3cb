//! Conformance of the printer with tcpdump 4.99 (`tcpdump -nn -r`), line for line.
//!
//! The corpus is made here, every run:
//! - real traffic captured by tcpdump in two throw-away network namespaces joined by a veth
//!   pair: ping (IPv4/IPv6, so also ARP and neighbour discovery), HTTP (busybox httpd and
//!   wget), DNS over UDP and TCP answered by dnsmasq, ICMP port unreachable, and ping over a
//!   VXLAN link made with iproute2. Captured as Ethernet, Linux cooked v1 and v2 ("any"),
//!   with µs and ns timestamps, and converted to pcapng with editcap;
//! - corner cases crafted with scapy (tests/data/gen_corners.py) for every link type;
//! - printer/tests/golden/pcap/fuzz-*.pcap: inputs the fuzzer found (malformed and truncated
//!   packets of every link type) on which we print what tcpdump prints.
//!
//! Each file is printed by tcpdump and by `offline::print_file` with no option, -e, -q, -t,
//! -tt, -ttt and -tttt, under TZ=UTC and TZ=America/New_York (the crafted packets cross a DST
//! change). Any differing line fails the test, with the diff. A per-protocol match table is
//! printed. Needs root (namespaces); it fails, never skips, without it.
//!
//! `DUMPY_PRINT_CORPUS=DIR` makes the corpus in DIR (real traffic at the top, the crafted
//! corner cases in DIR/corners), keeps it and stops before comparing: that is where
//! `printer/tests/golden/regen --corpus` takes the golden corpus from.

mod common;

use common::{
    ns_run, ns_spawn, run, start_recorder, stop_recorders, veth_pair, Cleanup, Comparison,
};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

/// Captures real traffic between two namespaces; returns the capture files.
fn capture_real_traffic(dir: &Path, guard: &mut Cleanup) -> Vec<PathBuf> {
    let (na, nb, va, vb) = veth_pair(&format!("dpc{}", std::process::id()), guard);
    for (ns, dev, vx4, remote) in [
        (&na, &va, "198.51.100.1/24", "192.0.2.2"),
        (&nb, &vb, "198.51.100.2/24", "192.0.2.1"),
    ] {
        ns_run(
            ns,
            &[
                "ip", "link", "add", "vx0", "type", "vxlan", "id", "42", "remote", remote,
                "dstport", "4789", "dev", dev,
            ],
        );
        ns_run(ns, &["ip", "addr", "add", vx4, "dev", "vx0"]);
        ns_run(ns, &["ip", "link", "set", "vx0", "up"]);
        // flannel's and Cilium's VXLAN port, which tcpdump reads as OTV.
        ns_run(
            ns,
            &[
                "ip", "link", "add", "vx1", "type", "vxlan", "id", "1", "remote", remote,
                "dstport", "8472", "dev", dev,
            ],
        );
        let fl = vx4.replace("198.51.100.", "203.0.113.");
        ns_run(ns, &["ip", "addr", "add", &fl, "dev", "vx1"]);
        ns_run(ns, &["ip", "link", "set", "vx1", "up"]);
    }
    let caps = [
        ("eth.pcap", vec!["-i", &va]),
        (
            "eth-nano.pcap",
            vec!["-i", &va, "--time-stamp-precision=nano"],
        ),
        ("any-sll2.pcap", vec!["-i", "any"]),
        ("any-sll.pcap", vec!["-i", "any", "-y", "LINUX_SLL"]),
    ];
    let mut files = Vec::new();
    let mut tcpdumps = Vec::new();
    for (name, args) in &caps {
        let f = dir.join(name);
        tcpdumps.push(start_recorder(&na, &f, args, guard));
        files.push(f);
    }

    // Servers in B: HTTP and DNS.
    let www = dir.join("www");
    std::fs::create_dir_all(&www).unwrap();
    std::fs::write(www.join("index.html"), "<html>dumpy</html>\n").unwrap();
    let httpd = ns_spawn(
        &nb,
        &[
            "busybox",
            "httpd",
            "-f",
            "-p",
            "80",
            "-h",
            www.to_str().unwrap(),
        ],
        &dir.join("httpd.log"),
    );
    guard.children.push(httpd);
    let dnsmasq = ns_spawn(
        &nb,
        &[
            "dnsmasq",
            "-k",
            "-C",
            "/dev/null",
            "--no-resolv",
            "--no-hosts",
            "--pid-file=",
            "--user=root",
            "--bind-interfaces",
            "--listen-address=192.0.2.2",
            "--address=/example.test/192.0.2.80",
            "--address=/example.test/2001:db8::80",
            "--txt-record=txt.example.test,dumpy",
            "--mx-host=example.test,mail.example.test,10",
        ],
        &dir.join("dnsmasq.log"),
    );
    guard.children.push(dnsmasq);
    std::thread::sleep(Duration::from_millis(500));

    ns_run(&na, &["ping", "-c", "2", "-i", "0.2", "192.0.2.2"]);
    ns_run(&na, &["ping", "-6", "-c", "2", "-i", "0.2", "2001:db8::2"]);
    ns_run(
        &na,
        &[
            "busybox",
            "wget",
            "-q",
            "-O",
            "/dev/null",
            "http://192.0.2.2/index.html",
        ],
    );
    ns_run(
        &na,
        &[
            "busybox",
            "wget",
            "-q",
            "-O",
            "/dev/null",
            "http://[2001:db8::2]/index.html",
        ],
    );
    let _ = Command::new("ip")
        .args([
            "netns",
            "exec",
            &na,
            "busybox",
            "wget",
            "-q",
            "-O",
            "/dev/null",
            "http://192.0.2.2/missing",
        ])
        .status();
    for q in ["www.example.test", "txt.example.test"] {
        ns_run(&na, &["busybox", "nslookup", q, "192.0.2.2"]);
    }
    ns_run(
        &na,
        &[
            "busybox",
            "nslookup",
            "-type=mx",
            "example.test",
            "192.0.2.2",
        ],
    );
    let _ = Command::new("ip")
        .args([
            "netns",
            "exec",
            &na,
            "busybox",
            "nslookup",
            "nothing.invalid",
            "192.0.2.2",
        ])
        .output();
    // DNS over TCP, and a datagram to a closed port (ICMP port unreachable).
    let py = r#"
import socket, struct
q = bytes.fromhex('beef01000001000000000000') + b'\x03www\x07example\x04test\x00\x00\x01\x00\x01'
s = socket.create_connection(('192.0.2.2', 53), timeout=5)
s.sendall(struct.pack('!H', len(q)) + q)
s.recv(4096)
s.close()
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u.sendto(b'hello', ('192.0.2.2', 9))
u.settimeout(1)
try:
    u.recv(10)
except OSError:
    pass
"#;
    ns_run(&na, &["python3", "-c", py]);
    ns_run(&na, &["ping", "-c", "2", "-i", "0.2", "198.51.100.2"]);
    ns_run(&na, &["ping", "-c", "2", "-i", "0.2", "203.0.113.2"]);
    std::thread::sleep(Duration::from_millis(300));

    stop_recorders(&tcpdumps, guard);
    let mut out = Vec::new();
    for f in files {
        let ng = f.with_extension("pcapng");
        run(&[
            "editcap",
            "-F",
            "pcapng",
            f.to_str().unwrap(),
            ng.to_str().unwrap(),
        ]);
        out.push(f);
        out.push(ng);
    }
    out
}

/// The crafted corner cases (made in `dir`/corners), then, with `fuzz`, the fuzzer's inputs.
fn corner_files(dir: &Path, fuzz: bool) -> Vec<PathBuf> {
    let gen = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/gen_corners.py");
    let cdir = dir.join("corners");
    std::fs::create_dir_all(&cdir).unwrap();
    run(&["python3", gen.to_str().unwrap(), cdir.to_str().unwrap()]);
    let mut v: Vec<PathBuf> = std::fs::read_dir(&cdir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "pcap"))
        .collect();
    v.sort();
    let eth = cdir.join("eth.pcap");
    let ng = cdir.join("eth-corners.pcapng");
    run(&[
        "editcap",
        "-F",
        "pcapng",
        eth.to_str().unwrap(),
        ng.to_str().unwrap(),
    ]);
    v.push(ng);
    if !fuzz {
        return v;
    }
    // Inputs found by fuzzing the printer, kept where we print what tcpdump prints (with no
    // option, -e and -q): odd and truncated packets of every link type, as regression guard.
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../printer/tests/golden/pcap");
    let mut fz: Vec<PathBuf> = std::fs::read_dir(&data)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("fuzz-")
        })
        .collect();
    fz.sort();
    v.extend(fz);
    v
}

/// The protocol a tcpdump line is about, for the match table.
fn classify(line: &str) -> String {
    let has = |s: &str| line.contains(s);
    // -v puts the IPv4 header on a line of its own; the protocol follows on the next.
    let p = if has("IP (tos ") || has("IP truncated-ip - ") && has("(tos ") {
        "IPv4 hdr (-v)"
    } else if has("VXLAN") || has("OTV") {
        "VXLAN/OTV"
    } else if has("Geneve") {
        "Geneve"
    } else if has("GREv") {
        "GRE"
    } else if has("ICMP6") {
        "ICMPv6"
    } else if has("ICMP") {
        "ICMP"
    } else if has("igmp") {
        "IGMP"
    } else if has("ARP") {
        "ARP"
    } else if has("Flags [") || has(": tcp ") {
        if has(".53:") || has(".53 >") {
            "DNS/TCP"
        } else if has("HTTP") {
            "TCP+HTTP"
        } else {
            "TCP"
        }
    } else if has(".53:") || has(".53 >") || has(".5353") {
        "DNS/UDP"
    } else if has("UDP") {
        "UDP"
    } else if has("IP6") {
        "IPv6 (other)"
    } else if has("IP ") {
        "IPv4 (other)"
    } else {
        "other/link"
    };
    p.to_string()
}

#[test]
fn printer_matches_tcpdump() {
    assert!(
        nix::unistd::geteuid().is_root(),
        "this test needs root (network namespaces)"
    );
    let keep = std::env::var_os("DUMPY_PRINT_CORPUS").map(PathBuf::from);
    let dir = keep.clone().unwrap_or_else(|| {
        std::env::temp_dir().join(format!("dumpy-print-conf-{}", std::process::id()))
    });
    std::fs::create_dir_all(&dir).unwrap();
    let mut guard = Cleanup {
        netns: Vec::new(),
        children: Vec::new(),
        dir: keep.is_none().then(|| dir.clone()),
    };

    let mut files = capture_real_traffic(&dir, &mut guard);
    if keep.is_some() {
        // The kept corpus is what this test makes; the fuzz inputs are committed already.
        corner_files(&dir, false);
        println!("corpus kept in {}", dir.display());
        return;
    }
    files.extend(corner_files(&dir, true));

    let option_sets: &[&[&str]] = &[
        &[],
        &["-e"],
        &["-q"],
        &["-t"],
        &["-tt"],
        &["-ttt"],
        &["-tttt"],
        &["-v"],
        &["-vv"],
        &["-vvv"],
        &["-e", "-v"],
        &["-vv", "-K"],
    ];
    let mut cmp = Comparison::default();
    for file in &files {
        for tz in ["UTC", "America/New_York"] {
            for opts in option_sets {
                cmp.compare(file, opts, tz, classify);
            }
        }
    }
    cmp.print_table(&format!(
        "printer conformance with tcpdump -nn ({} files)",
        files.len()
    ));
    assert!(cmp.lines() > 1000, "corpus unexpectedly small");
    assert!(
        cmp.failures.is_empty(),
        "output differs from tcpdump:\n{}",
        cmp.failures
    );
}
