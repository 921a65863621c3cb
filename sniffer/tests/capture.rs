//! The capture engine end to end (issue 2, tests 1, 2, 4, 5): real packets through real
//! namespaces, with tcpdump, tshark and capinfos as judges.

mod common;
use common::*;
use nix::sys::signal::Signal;
use std::process::Command;
use std::time::Duration;

#[test]
fn tcp_filter_captures_exactly_the_tcp_packets() {
    require_root();
    let pair = Pair::new();
    let dir = TempDir::new();
    let out = dir.join("cap.pcapng");
    let judge = dir.join("judge.pcap");
    let sniffer = Sniffer::start_in(
        dir.path(),
        &pair.b,
        &[
            "-i",
            &pair.if_b,
            "-w",
            out.to_str().unwrap(),
            "--capture-name",
            "cap1",
            "--pod",
            "web-0",
            "--namespace",
            "shop",
            "--container",
            "nginx",
            "--node",
            "node-1",
            "tcp port 8080",
        ],
    );
    let tcpdump = Tcpdump::start(&pair.b, &pair.if_b, &judge, "tcp port 8080");

    pair.ping(3);
    let received = pair.tcp_exchange(8080, 5, 1000);
    pair.udp_burst(9090, 20, 100);
    assert_eq!(received, 5000);

    tcpdump.stop();
    let done = sniffer.stop(Signal::SIGINT);
    assert_eq!(done.code, Some(0), "{}", done.stderr);

    // Exactly the TCP packets: tcpdump saw the same number, and nothing else is in the file.
    let ours = packet_count(&out);
    let theirs = packet_count(&judge);
    assert!(
        ours >= 8,
        "a TCP exchange has at least 8 packets, got {ours}"
    );
    assert_eq!(
        ours,
        theirs,
        "sniffer and tcpdump disagree on the packet count; tcpdump said: {}",
        std::fs::read_to_string(judge.with_extension("stderr")).unwrap_or_default()
    );
    assert_eq!(captured_line(&done.stderr), ours as u64);
    assert!(tshark_fields(&out, Some("!(tcp.port == 8080)"), &["frame.number"]).is_empty());
    assert!(tshark_fields(&out, Some("icmp || udp"), &["frame.number"]).is_empty());
    // Every payload byte the client sent is in the file.
    let payload: usize = tshark_fields(&out, Some("tcp.dstport == 8080"), &["tcp.len"])
        .iter()
        .map(|f| f[0].parse::<usize>().unwrap())
        .sum();
    assert_eq!(payload, 5000);
    let syns = tshark_fields(&out, Some("tcp.flags.syn == 1"), &["frame.number"]).len();
    assert_eq!(syns, 2, "SYN and SYN-ACK");

    let info = capinfos(&out);
    assert!(
        info.contains("File type:           Wireshark/... - pcapng"),
        "{info}"
    );
    assert!(info.contains("nanoseconds (9)"), "{info}");
    assert!(info.contains(&format!("Name = {}", pair.if_b)), "{info}");
    assert!(info.contains("Filter string = tcp port 8080"), "{info}");
    assert!(
        info.contains("Capture application: dumpy sniffer"),
        "{info}"
    );
    assert!(
        info.contains(
            "dumpy capture: capture=cap1 pod=web-0 namespace=shop container=nginx node=node-1"
        ),
        "{info}"
    );
}

#[test]
fn any_writes_one_interface_per_device_with_directions() {
    require_root();
    let pair = Pair::new();
    let dir = TempDir::new();
    let out = dir.join("any.pcapng");
    let sniffer = Sniffer::start_in(dir.path(), &pair.b, &["-w", out.to_str().unwrap(), "icmp"]);
    pair.ping(3);
    // Loopback traffic inside b, so lo shows up too.
    run(&mut pair
        .b
        .exec(&["ping", "-q", "-c", "2", "-i", "0.2", "127.0.0.1"]));
    let done = sniffer.stop(Signal::SIGTERM);
    assert_eq!(done.code, Some(0), "{}", done.stderr);

    let info = capinfos(&out);
    assert!(info.contains("Linux cooked-mode capture v2"), "{info}");
    assert!(info.contains(&format!("Name = {}", pair.if_b)), "{info}");
    assert!(info.contains("Name = lo"), "{info}");

    let rows = tshark_fields(
        &out,
        None,
        &[
            "frame.interface_name",
            "frame.packet_flags_direction",
            "ip.src",
            "icmp.type",
        ],
    );
    let on_veth: Vec<_> = rows.iter().filter(|r| r[0] == pair.if_b).collect();
    assert_eq!(on_veth.len(), 6, "{rows:?}");
    for r in &on_veth {
        // Requests come in from a (direction 1), replies go out from b (direction 2).
        let expected = if r[2] == ADDR_A {
            "0x00000001"
        } else {
            "0x00000002"
        };
        assert_eq!(r[1], expected, "{r:?}");
    }
    assert!(rows.iter().any(|r| r[0] == "lo"), "{rows:?}");
    assert_eq!(captured_line(&done.stderr), rows.len() as u64);
}

#[test]
fn rotation_by_size_keeps_at_most_w_files() {
    require_root();
    let pair = Pair::new();
    let dir = TempDir::new();
    let out = dir.join("rot.pcapng");
    let sniffer = Sniffer::start_in(
        dir.path(),
        &pair.b,
        &[
            "-i",
            &pair.if_b,
            "-w",
            out.to_str().unwrap(),
            "-C",
            "1",
            "-W",
            "3",
            "udp",
        ],
    );
    // About 6 MB of UDP: enough for six 1 MB files.
    for _ in 0..6 {
        pair.udp_burst(9999, 800, 1200);
        std::thread::sleep(Duration::from_millis(50));
    }
    let done = sniffer.stop(Signal::SIGINT);
    assert_eq!(done.code, Some(0), "{}", done.stderr);

    let mut files: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with("rot-") && n.ends_with(".pcapng"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 3, "{files:?}");
    assert!(
        files[0].as_str() > "rot-000003.pcapng",
        "the oldest files were removed: {files:?}"
    );
    for f in &files {
        let p = dir.join(f);
        let size = std::fs::metadata(&p).unwrap().len();
        // -C counts millions of bytes; one packet's block at most beyond (we never exceed).
        assert!(size <= 1_000_000 + 1300, "{f} is {size} bytes");
        assert!(packet_count(&p) > 0, "{f} is empty");
        assert!(capinfos(&p).contains("pcapng"));
    }
    // The status file lists exactly the kept files.
    let status = std::fs::read_to_string(dir.join("rot.status.json")).unwrap();
    for f in &files {
        assert!(status.contains(f.as_str()), "{status}");
    }
}

#[test]
fn rotation_by_time_even_when_idle() {
    require_root();
    let pair = Pair::new();
    let dir = TempDir::new();
    let out = dir.join("tick.pcapng");
    let sniffer = Sniffer::start_in(
        dir.path(),
        &pair.b,
        &["-w", out.to_str().unwrap(), "-G", "1", "icmp"],
    );
    pair.ping(1);
    // Idle for the rest: files must still rotate.
    std::thread::sleep(Duration::from_millis(3500));
    let done = sniffer.stop(Signal::SIGINT);
    assert_eq!(done.code, Some(0), "{}", done.stderr);
    let files: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with("tick-") && n.ends_with(".pcapng"))
        .collect();
    assert!(
        files.len() >= 3,
        "expected at least 3 one-second files, got {files:?}"
    );
    for f in &files {
        // Each is a complete section, empty or not.
        assert!(capinfos(&dir.join(f)).contains("pcapng"));
    }
}

#[test]
fn sigterm_mid_capture_loses_nothing() {
    require_root();
    let pair = Pair::new();
    let dir = TempDir::new();
    let out = dir.join("term.pcapng");
    let sniffer = Sniffer::start_in(dir.path(), &pair.b, &["-w", out.to_str().unwrap(), "udp"]);
    // Traffic still flowing when SIGTERM arrives.
    let a = pair.a.path();
    let sender = std::thread::spawn(move || {
        let f = std::fs::File::open(&a).unwrap();
        nix::sched::setns(&f, nix::sched::CloneFlags::CLONE_NEWNET).unwrap();
        let s = std::net::UdpSocket::bind((ADDR_A, 0)).unwrap();
        let deadline = std::time::Instant::now() + Duration::from_millis(1500);
        while std::time::Instant::now() < deadline {
            let _ = s.send_to(&[1u8; 200], (ADDR_B, 7777));
            std::thread::sleep(Duration::from_micros(200));
        }
    });
    std::thread::sleep(Duration::from_millis(700));
    sniffer.signal(Signal::SIGTERM);
    let done = sniffer.wait(Duration::from_secs(20));
    sender.join().unwrap();
    assert_eq!(done.code, Some(0), "{}", done.stderr);
    let in_file = packet_count(&out) as u64;
    assert!(in_file > 100, "traffic was flowing: {in_file}");
    assert_eq!(in_file, captured_line(&done.stderr), "{}", done.stderr);
    // A clean close ends with the interface statistics.
    let info = capinfos(&out);
    assert!(info.contains("Number of stat entries = 1"), "{info}");
}

#[test]
fn count_ends_the_capture_and_prints_summaries() {
    require_root();
    let pair = Pair::new();
    let dir = TempDir::new();
    let sniffer = Sniffer::start_in(dir.path(), &pair.b, &["-nn", "-c", "4", "icmp"]);
    pair.ping(3);
    let done = sniffer.wait(Duration::from_secs(20));
    assert_eq!(done.code, Some(0), "{}", done.stderr);
    assert_eq!(captured_line(&done.stderr), 4);
    let lines: Vec<_> = done.stdout.lines().collect();
    assert_eq!(lines.len(), 4, "{}", done.stdout);
    assert!(
        lines
            .iter()
            .all(|l| l.contains(ADDR_A) || l.contains(ADDR_B)),
        "{}",
        done.stdout
    );
}

/// -L and -J list the target namespace's interface as tcpdump run in that namespace lists
/// it; -y picks the link-layer header type of the capture and -j the time stamp type.
#[test]
fn link_and_time_stamp_types_of_the_target_interface() {
    require_root();
    let pair = Pair::new();
    let netns = pair.b.path();
    let netns = netns.to_str().unwrap();
    for (iface, flag) in [
        (pair.if_b.as_str(), "-L"),
        ("any", "-L"),
        (pair.if_b.as_str(), "-J"),
    ] {
        let ours = run(Command::new(SNIFFER).args(["--netns", netns, "-i", iface, flag]));
        let theirs = pair
            .b
            .exec(&["tcpdump", "-i", iface, flag])
            .output()
            .unwrap();
        assert!(theirs.status.success(), "tcpdump -i {iface} {flag}");
        let (ours, theirs) = (
            String::from_utf8_lossy(&ours.stderr).into_owned(),
            String::from_utf8_lossy(&theirs.stderr).into_owned(),
        );
        assert!(ours.lines().count() >= 2, "{ours}");
        assert_eq!(ours, theirs, "-i {iface} {flag}");
    }
    // The veth (in b's namespace only) lists EN10MB; outside it the interface does not exist.
    let listed = run(Command::new(SNIFFER).args(["--netns", netns, "-i", &pair.if_b, "-L"]));
    assert!(String::from_utf8_lossy(&listed.stderr).contains("  EN10MB (Ethernet)\n"));
    let elsewhere = Command::new(SNIFFER)
        .args(["-i", &pair.if_b, "-L"])
        .output()
        .unwrap();
    assert_eq!(elsewhere.status.code(), Some(1));

    // -y LINUX_SLL on `any` (instead of LINUX_SLL2), with -j host.
    let dir = TempDir::new();
    let file = dir.join("sll.pcapng");
    let s = Sniffer::start_in(
        dir.path(),
        &pair.b,
        &[
            "-y",
            "linux_sll",
            "-j",
            "host",
            "-w",
            file.to_str().unwrap(),
        ],
    );
    assert!(
        s.stderr().contains("link-type LINUX_SLL (Linux cooked v1)"),
        "{}",
        s.stderr()
    );
    pair.ping(2);
    let done = s.stop(nix::sys::signal::Signal::SIGINT);
    assert_eq!(done.code, Some(0), "{}", done.stderr);
    assert!(
        capinfos(&file).contains("Linux cooked-mode capture v1"),
        "{}",
        capinfos(&file)
    );
    // A type the interface does not offer is one error line.
    let bad = Command::new(SNIFFER)
        .args([
            "--netns",
            netns,
            "-i",
            &pair.if_b,
            "-y",
            "LINUX_SLL2",
            "-c",
            "1",
        ])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(1));
    let err = String::from_utf8_lossy(&bad.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
}
