//! `sniffer -r` and live summaries against tcpdump (issue 3): files captured from real
//! traffic in real namespaces, printed by both, compared byte for byte.

mod common;
use common::*;
use std::path::Path;
use std::process::{Command, Stdio};

/// stdout and stderr of `prog -nn OPTS -r FILE [FILTER]`.
fn read_with(prog: &str, opts: &[&str], file: &Path, filter: &[&str]) -> (String, String) {
    let out = Command::new(prog)
        .arg("-nn")
        .args(opts)
        .arg("-r")
        .arg(file)
        .args(filter)
        .env("TZ", "UTC")
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("cannot run {prog}: {e}"));
    assert!(
        out.status.success(),
        "{prog} -r {} failed: {}",
        file.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Asserts that sniffer and tcpdump print `file` identically with each option set.
fn assert_reads_like_tcpdump(file: &Path, filter: &[&str]) {
    for opts in [
        &[][..],
        &["-e"],
        &["-q"],
        &["-t"],
        &["-tt"],
        &["-ttt"],
        &["-tttt"],
        &["-e", "-tt"],
        &["-c", "5"],
    ] {
        let (ours, our_err) = read_with(SNIFFER, opts, file, filter);
        let (theirs, their_err) = read_with("tcpdump", opts, file, filter);
        assert!(!theirs.is_empty(), "tcpdump printed nothing for {file:?}");
        if ours != theirs {
            let first = ours
                .lines()
                .zip(theirs.lines())
                .find(|(a, b)| a != b)
                .map(|(a, b)| format!("sniffer: {a}\ntcpdump: {b}"))
                .unwrap_or_else(|| {
                    format!(
                        "line counts differ: {} vs {}",
                        ours.lines().count(),
                        theirs.lines().count()
                    )
                });
            panic!(
                "-nn {opts:?} -r {} {filter:?} differs from tcpdump:\n{first}",
                file.display()
            );
        }
        // The header line ("reading from file …, link-type …") matches too.
        assert_eq!(
            our_err.lines().next(),
            their_err.lines().next(),
            "header line for {opts:?}"
        );
    }
}

/// ping over IPv4 and IPv6, a TCP exchange and a UDP burst between the pair.
fn make_traffic(pair: &Pair) {
    pair.ping(3);
    run(&mut pair.a.exec(&[
        "ping",
        "-q",
        "-c",
        "2",
        "-i",
        "0.2",
        "-W",
        "2",
        "2001:db8::2",
    ]));
    pair.tcp_exchange(8080, 5, 3000);
    pair.udp_burst(5353, 3, 40);
}

#[test]
fn read_prints_files_exactly_as_tcpdump_does() {
    require_root();
    let pair = Pair::new();
    let dir = TempDir::new();
    let ours = dir.join("sniffer.pcapng");
    // Ethernet on one interface, and LINUX_SLL2 on `any`: both pcapng, from the sniffer.
    let eth = Sniffer::start_in(
        dir.path(),
        &pair.b,
        &["-i", &pair.if_b, "-w", ours.to_str().unwrap()],
    );
    let any_file = dir.join("any.pcapng");
    let any = Sniffer::start_in(dir.path(), &pair.b, &["-w", any_file.to_str().unwrap()]);
    // And a classic pcap from tcpdump itself, on the same traffic.
    let pcap = dir.join("tcpdump.pcap");
    let tcpdump = Tcpdump::start(&pair.b, &pair.if_b, &pcap, "");
    make_traffic(&pair);
    for s in [eth, any] {
        let done = s.stop(nix::sys::signal::Signal::SIGINT);
        assert_eq!(done.code, Some(0), "{}", done.stderr);
    }
    tcpdump.stop();

    for file in [&ours, &any_file, &pcap] {
        assert!(packet_count(file) >= 20, "too few packets in {file:?}");
        assert_reads_like_tcpdump(file, &[]);
        assert_reads_like_tcpdump(file, &["tcp", "or", "icmp6"]);
    }
}

#[test]
fn read_rejects_bad_input_with_one_line() {
    let dir = TempDir::new();
    let junk = dir.join("junk.pcapng");
    std::fs::write(&junk, b"this is not a capture file").unwrap();
    for (args, expect) in [
        (vec!["-r", "/nonexistent/x.pcap"], "No such file"),
        (vec!["-r", junk.to_str().unwrap()], ""),
    ] {
        let out = Command::new(SNIFFER).args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(
            err.starts_with("sniffer: ") && err.contains(expect),
            "{err}"
        );
    }
}

/// Live summaries (`-w FILE --print`) are what tcpdump prints when it reads FILE.
#[test]
fn live_summaries_equal_tcpdump_reading_the_written_file() {
    require_root();
    let pair = Pair::new();
    let dir = TempDir::new();
    let file = dir.join("live.pcapng");
    let sniffer = Sniffer::start_in(
        dir.path(),
        &pair.b,
        &[
            "-i",
            &pair.if_b,
            "-nn",
            "-w",
            file.to_str().unwrap(),
            "--print",
        ],
    );
    make_traffic(&pair);
    let done = sniffer.stop(nix::sys::signal::Signal::SIGTERM);
    assert_eq!(done.code, Some(0), "{}", done.stderr);
    // Live lines use local time: tcpdump reads in the same (inherited) zone.
    let theirs_local = Command::new("tcpdump")
        .args(["-nn", "-r"])
        .arg(&file)
        .output()
        .unwrap();
    let theirs_local = String::from_utf8_lossy(&theirs_local.stdout).into_owned();
    assert!(theirs_local.lines().count() >= 20, "{theirs_local}");
    assert_eq!(
        done.stdout.lines().collect::<Vec<_>>(),
        theirs_local.lines().collect::<Vec<_>>(),
        "live summaries differ from tcpdump -nn -r of the same file"
    );
}
