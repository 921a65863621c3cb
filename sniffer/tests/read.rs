//! `sniffer -r` and live summaries against tcpdump (issue 3): files captured from real
//! traffic in real namespaces, printed by both, compared byte for byte.

mod common;
use common::*;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

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
        &["-v"],
        &["-vv"],
        &["-vvv", "-K"],
        &["-e", "-v"],
        &["-x"],
        &["-xx"],
        &["-X"],
        &["-XX"],
        &["-A"],
        &["-AA"],
        &["-e", "-X"],
        // tcpdump -r ignores -s, and so does sniffer -r.
        &["-s", "96", "-X"],
        &["-S"],
        &["-#"],
        &["--time-stamp-precision=nano"],
        &["--time-stamp-precision=nano", "-ttt"],
        &["-v", "-X"],
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

/// Live lines with the printing options (dumps, -S, -#, nano precision) are what tcpdump
/// prints with them when it reads the written file; with `-s 96` the dumps stop at 96 bytes.
#[test]
fn live_dumps_equal_tcpdump_reading_the_written_file() {
    require_root();
    let pair = Pair::new();
    let dir = TempDir::new();
    let file = dir.join("live-dump.pcapng");
    let flags = ["-X", "-S", "-#", "--time-stamp-precision=nano"];
    let mut args = vec!["-i", &pair.if_b, "-nn", "-s", "96", "-w"];
    args.push(file.to_str().unwrap());
    args.push("--print");
    args.extend(flags);
    let sniffer = Sniffer::start_in(dir.path(), &pair.b, &args);
    make_traffic(&pair);
    let done = sniffer.stop(nix::sys::signal::Signal::SIGTERM);
    assert_eq!(done.code, Some(0), "{}", done.stderr);
    let theirs = Command::new("tcpdump")
        .arg("-nn")
        .args(flags)
        .arg("-r")
        .arg(&file)
        .output()
        .unwrap();
    let theirs = String::from_utf8_lossy(&theirs.stdout).into_owned();
    assert!(
        theirs.contains("\t0x0050:  "),
        "no 96-byte dump in {theirs}"
    );
    assert!(
        !theirs.contains("\t0x0060:  "),
        "a dump past 96 bytes in {theirs}"
    );
    assert!(theirs.starts_with("    1  "), "{theirs}");
    assert_eq!(
        done.stdout.lines().collect::<Vec<_>>(),
        theirs.lines().collect::<Vec<_>>(),
        "live lines with {flags:?} differ from tcpdump's reading of the same file"
    );
}

/// An Ethernet/IPv4/UDP frame 192.0.2.1 → 192.0.2.2, its payload 1..=64 bytes long so that
/// records of many sizes straddle the reader's refills.
fn udp_frame(i: u32) -> Vec<u8> {
    let payload = 1 + (i % 64) as usize;
    let mut f = vec![2, 0, 0, 0, 0, 0xb, 2, 0, 0, 0, 0, 0xa, 8, 0];
    let ip_len = (20 + 8 + payload) as u16;
    f.extend_from_slice(&[0x45, 0]);
    f.extend_from_slice(&ip_len.to_be_bytes());
    f.extend_from_slice(&(i as u16).to_be_bytes());
    f.extend_from_slice(&[0x40, 0, 64, 17, 0, 0, 192, 0, 2, 1, 192, 0, 2, 2]);
    f.extend_from_slice(&(40000 + (i % 1000) as u16).to_be_bytes());
    f.extend_from_slice(&9999u16.to_be_bytes());
    f.extend_from_slice(&((8 + payload) as u16).to_be_bytes());
    f.extend_from_slice(&[0, 0]);
    f.resize(f.len() + payload, b'x');
    f
}

/// A pcapng capture of `packets` UDP frames, 1000 a second, written by dumpy's own encoders.
fn pcapng_capture(first: u32, packets: u32) -> Vec<u8> {
    use pcapng::writer::{encode_epb, encode_idb, encode_shb, InterfaceDesc};
    let mut b = Vec::new();
    if first == 0 {
        encode_shb(&mut b, &Default::default());
        encode_idb(
            &mut b,
            &InterfaceDesc {
                name: "eth0".into(),
                description: None,
                linktype: 1,
                snaplen: 262_144,
                filter: None,
            },
        );
    }
    for i in first..first + packets {
        let f = udp_frame(i);
        let ts = 1_700_000_000_000_000_000 + u64::from(i) * 1_000_000;
        encode_epb(&mut b, 0, ts, &f, f.len() as u32, None);
    }
    b
}

/// Records longer than the file's snaplen (tcpdump's own test files hold such fuzzed
/// records): read as libpcap reads them, cut at the snaplen (" [|udp]" where the data
/// stops), the next record from the right place; in pcapng, the block is refused with one
/// line and exit 1, as tcpdump stops ("invalid packet capture length").
#[test]
fn records_longer_than_the_snaplen_read_like_tcpdump() {
    let dir = TempDir::new();
    let pcap = dir.join("over-snaplen.pcap");
    let mut b = Vec::new();
    for v in [0xa1b2_c3d4u32, 0x0004_0002, 0, 0, 40, 1] {
        b.extend_from_slice(&v.to_le_bytes());
    }
    for i in 0..8 {
        let f = udp_frame(i * 9);
        for v in [1_700_000_000 + i, 0, f.len() as u32, f.len() as u32] {
            b.extend_from_slice(&v.to_le_bytes());
        }
        b.extend_from_slice(&f);
    }
    std::fs::write(&pcap, &b).unwrap();
    assert_reads_like_tcpdump(&pcap, &[]);
    let (ours, _) = read_with(SNIFFER, &[], &pcap, &[]);
    assert_eq!(ours.lines().count(), 8);
    assert!(ours.lines().all(|l| l.ends_with(" [|udp]")), "{ours}");

    use pcapng::writer::{encode_epb, encode_idb, encode_shb, InterfaceDesc};
    let ng = dir.join("over-snaplen.pcapng");
    let mut b = Vec::new();
    encode_shb(&mut b, &Default::default());
    let idb = InterfaceDesc {
        name: "eth0".into(),
        description: None,
        linktype: 1,
        snaplen: 40,
        filter: None,
    };
    encode_idb(&mut b, &idb);
    let f = udp_frame(1);
    encode_epb(
        &mut b,
        0,
        1_700_000_000_000_000_000,
        &f[..40],
        f.len() as u32,
        None,
    );
    encode_epb(
        &mut b,
        0,
        1_700_000_001_000_000_000,
        &f,
        f.len() as u32,
        None,
    );
    std::fs::write(&ng, &b).unwrap();
    for prog in [SNIFFER, "tcpdump"] {
        let out = Command::new(prog)
            .args(["-nn", "-r"])
            .arg(&ng)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{prog}");
        assert_eq!(
            String::from_utf8_lossy(&out.stdout).lines().count(),
            1,
            "{prog}"
        );
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("invalid packet capture length 44, bigger than snaplen of 40"),
            "{prog}: {err}"
        );
    }
}

/// The peak RSS of the running process `pid`, KiB (VmHWM: its own address space only; a
/// waited child's rusage would count the test process it was forked from).
fn peak_rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let line = status.lines().find(|l| l.starts_with("VmHWM:")).unwrap();
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

/// A file that shrinks while it is read (it used to be mapped: SIGBUS, exit 135, no word)
/// ends the read with one line and exit 1.
#[test]
fn read_a_file_that_shrinks_ends_with_one_line() {
    use std::io::{BufRead, BufReader, Read};
    use std::os::unix::process::ExitStatusExt;
    let dir = TempDir::new();
    let file = dir.join("shrinks.pcapng");
    // ~8 MB: far more than one refill plus what the stdout pipe and buffer hold.
    std::fs::write(&file, pcapng_capture(0, 100_000)).unwrap();
    let mut child = Command::new(SNIFFER)
        .args(["-nn", "-r"])
        .arg(&file)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut header = String::new();
    stderr.read_line(&mut header).unwrap();
    assert!(header.starts_with("reading from file"), "{header}");
    // Nobody reads stdout yet: the sniffer is blocked writing, mid-file. Then a real
    // truncate(1), and a reader for what is left.
    std::thread::sleep(Duration::from_millis(500));
    run(Command::new("truncate").args(["-s", "1000"]).arg(&file));
    let mut stdout = child.stdout.take().unwrap();
    let drain = std::thread::spawn(move || {
        let mut v = Vec::new();
        stdout.read_to_end(&mut v).unwrap();
        v.len()
    });
    let mut rest = String::new();
    stderr.read_to_string(&mut rest).unwrap();
    let status = child.wait().unwrap();
    assert!(drain.join().unwrap() > 0);
    assert_eq!(status.signal(), None, "killed by a signal: {rest}");
    assert_eq!(status.code(), Some(1), "{rest}");
    assert_eq!(rest.lines().count(), 1, "{rest}");
    assert!(
        rest.starts_with(&format!(
            "sniffer: {}: the file shrank while it was read",
            file.display()
        )),
        "{rest}"
    );
}

/// The same frames as [`pcapng_capture`] in a legacy pcap file, where a record read as
/// zeros would still be a valid (empty) packet: the case a map's zeros must never print.
fn pcap_capture(packets: u32) -> Vec<u8> {
    let mut b = Vec::new();
    for v in [0xa1b2_c3d4u32, 0x0004_0002, 0, 0, 262_144, 1] {
        b.extend_from_slice(&v.to_le_bytes());
    }
    for i in 0..packets {
        let f = udp_frame(i);
        for v in [
            1_700_000_000 + i / 1000,
            (i % 1000) * 1000,
            f.len() as u32,
            f.len() as u32,
        ] {
            b.extend_from_slice(&v.to_le_bytes());
        }
        b.extend_from_slice(&f);
    }
    b
}

/// A file truncated at any moment of its read, to a length inside a page (pcap and pcapng):
/// never a signal, never a line that is not the file's own; either the whole output (the
/// read was over first) or a prefix of it and one error line, exit 1. Run with the mapped
/// reader, this shows the zeros a truncation leaves in the map never reach the output.
#[test]
fn read_a_file_cut_while_it_is_read_prints_only_its_own_lines() {
    use std::io::Read;
    use std::os::unix::process::ExitStatusExt;
    let dir = TempDir::new();
    for (name, bytes) in [
        ("cut.pcap", pcap_capture(100_000)),
        ("cut.pcapng", pcapng_capture(0, 100_000)),
    ] {
        let file = dir.join(name);
        std::fs::write(&file, &bytes).unwrap();
        let (full, _) = read_with(SNIFFER, &[], &file, &[]);
        for trial in 0..12u64 {
            std::fs::write(&file, &bytes).unwrap();
            let mut child = Command::new(SNIFFER)
                .args(["-nn", "-r"])
                .arg(&file)
                .env("TZ", "UTC")
                .stdin(Stdio::null())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap();
            let mut stdout = child.stdout.take().unwrap();
            let drain = std::thread::spawn(move || {
                let mut v = String::new();
                stdout.read_to_string(&mut v).unwrap();
                v
            });
            std::thread::sleep(Duration::from_millis(trial * 15));
            // A length inside a page, before or behind where the reader is.
            let cut = bytes.len() as u64 * (trial % 4 + 1) / 6 + 1001;
            std::fs::File::options()
                .write(true)
                .open(&file)
                .unwrap()
                .set_len(cut)
                .unwrap();
            let mut err = String::new();
            child
                .stderr
                .take()
                .unwrap()
                .read_to_string(&mut err)
                .unwrap();
            let status = child.wait().unwrap();
            let out = drain.join().unwrap();
            let what = format!("{name} trial {trial}, cut at {cut}: {err}");
            assert_eq!(status.signal(), None, "killed by a signal: {what}");
            assert!(
                full.starts_with(&out),
                "lines that are not the file's: {what}"
            );
            assert!(out.is_empty() || out.ends_with('\n'), "{what}");
            let err: Vec<&str> = err.lines().skip(1).collect();
            if status.code() == Some(0) {
                assert_eq!(out, full, "{what}");
                assert!(err.is_empty(), "{what}");
            } else {
                assert_eq!(status.code(), Some(1), "{what}");
                assert_eq!(err.len(), 1, "{what}");
                // Shrank under the read, or (cut before it opened the file) just short.
                let shrank = format!(
                    "sniffer: {}: the file shrank while it was read",
                    file.display()
                );
                assert!(
                    err[0].starts_with(&shrank)
                        || err[0].starts_with("sniffer: truncated capture file: "),
                    "{what}"
                );
                assert!(out.len() < full.len(), "{what}");
            }
        }
    }
}

/// An endless input that is not a capture is refused at once (it used to be read whole,
/// growing ~1 GB/s: an exit at all shows the read is bounded; the RSS bound on a long
/// stream is checked below).
#[test]
fn read_dev_zero_is_refused_at_once() {
    let start = Instant::now();
    let out = Command::new(SNIFFER)
        .args(["-nn", "-r", "/dev/zero"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert_eq!(
        err,
        "sniffer: /dev/zero: not a pcap or pcapng file (unknown magic number); check the file name\n"
    );
    assert!(out.stdout.is_empty());
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "{:?}",
        start.elapsed()
    );
}

/// `-r -` prints each packet as it arrives (not when the writer ends), and reads an
/// input larger than its memory bound with bounded memory.
#[test]
fn read_stdin_streams_packets_as_they_arrive() {
    use std::io::{BufRead, BufReader, Write};
    let mut child = Command::new(SNIFFER)
        .args(["-nn", "-r", "-"])
        .env("TZ", "UTC")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let stdout = child.stdout.take().unwrap();
    let lines = std::thread::spawn(move || {
        let mut n = 0u64;
        for l in BufReader::new(stdout).lines() {
            let l = l.unwrap();
            if n < 3 {
                tx.send(l).unwrap();
            }
            n += 1;
        }
        n
    });
    // The writer sends the header and one packet at a time, and waits for its line.
    let header = pcapng_capture(0, 0);
    stdin.write_all(&header).unwrap();
    for i in 0..3 {
        stdin.write_all(&pcapng_capture(i, 1)).unwrap();
        stdin.flush().unwrap();
        let line = rx
            .recv_timeout(Duration::from_secs(10))
            .unwrap_or_else(|_| panic!("no line for packet {i} while the writer waits"));
        let want = format!(
            "192.0.2.1.{} > 192.0.2.2.9999: UDP, length {}",
            40000 + i,
            1 + i
        );
        assert!(line.contains(&want), "{line}");
    }
    // Then ~60 MB more, far past what the reader may hold.
    let more = 700_000;
    let mut sent = 3;
    while sent < 3 + more {
        stdin.write_all(&pcapng_capture(sent, 10_000)).unwrap();
        sent += 10_000;
    }
    // All but a pipe's worth is read by now; before, the whole input was held.
    let rss_kib = peak_rss_kib(child.id());
    drop(stdin);
    let status = child.wait().unwrap();
    let mut err = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
    assert_eq!(status.code(), Some(0), "{err}");
    assert_eq!(lines.join().unwrap(), u64::from(sent));
    assert!(
        rss_kib < 24 * 1024,
        "peak RSS {rss_kib} KiB for a 60 MB stream"
    );
}

/// `tcpdump -w - | sniffer -r -` prints live: the ping's lines come while tcpdump runs.
#[test]
fn read_stdin_from_tcpdump_is_live() {
    use std::io::{BufRead, BufReader};
    require_root();
    let pair = Pair::new();
    let dir = TempDir::new();
    let (mut tcpdump, capture) = Tcpdump::start_to_stdout(&pair.b, &pair.if_b, dir.path());
    let mut child = Command::new(SNIFFER)
        .args(["-nn", "-r", "-", "icmp"])
        .stdin(Stdio::from(capture))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let stdout = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for l in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = tx.send(l);
        }
    });
    pair.ping(2);
    let line = rx
        .recv_timeout(Duration::from_secs(10))
        .expect("no line while tcpdump is still capturing");
    assert!(
        line.contains("IP 192.0.2.1 > 192.0.2.2: ICMP echo request"),
        "{line}"
    );
    assert!(tcpdump.running(), "tcpdump ended: the line was not live");
    tcpdump.stop();
    let status = child.wait().unwrap();
    let mut err = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
    assert_eq!(status.code(), Some(0), "{err}");
    assert!(
        err.starts_with("reading from file -, link-type EN10MB"),
        "{err}"
    );
}

/// A file of many refills prints exactly as tcpdump prints it, from the file and from a
/// pipe.
#[test]
fn read_a_large_file_like_tcpdump_from_file_and_pipe() {
    let dir = TempDir::new();
    let file = dir.join("large.pcapng");
    std::fs::write(&file, pcapng_capture(0, 150_000)).unwrap();
    let (ours, _) = read_with(SNIFFER, &[], &file, &[]);
    let (theirs, _) = read_with("tcpdump", &[], &file, &[]);
    assert_eq!(ours.lines().count(), 150_000);
    assert!(
        ours == theirs,
        "sniffer -nn -r differs from tcpdump on {file:?}"
    );
    let piped = Command::new(SNIFFER)
        .args(["-nn", "-r", "-"])
        .env("TZ", "UTC")
        .stdin(std::fs::File::open(&file).unwrap())
        .output()
        .unwrap();
    assert!(piped.status.success());
    assert!(
        piped.stdout == theirs.as_bytes(),
        "sniffer -nn -r - differs from tcpdump"
    );
}
