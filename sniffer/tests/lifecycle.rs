//! How captures end and how the plugin controls them: the target going away, a full disk,
//! and `sniffer status|stop|export` against a lingering capture.

mod common;
use common::*;
use nix::sys::signal::Signal;
use std::os::unix::fs::MetadataExt;
use std::process::Command;
use std::time::Duration;

#[test]
fn capture_ends_when_the_target_process_exits() {
    require_root();
    let pair = Pair::new();
    let dir = TempDir::new();
    let mut target = pair.b.exec(&["sleep", "60"]).spawn().unwrap();
    let pid = target.id().to_string();
    // `ip netns exec` enters the namespace after the spawn returns: wait for it, or the
    // sniffer could join the host's namespace instead.
    let want = std::fs::metadata(pair.b.path()).unwrap().ino();
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while std::fs::metadata(format!("/proc/{pid}/ns/net"))
        .map(|m| m.ino())
        .ok()
        != Some(want)
    {
        assert!(
            std::time::Instant::now() < deadline,
            "target never entered its netns"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    let out = dir.join("t.pcapng");
    let sniffer = Sniffer::start(
        dir.path(),
        &["--pid", &pid, "-w", out.to_str().unwrap(), "icmp"],
    );
    pair.ping(2);
    target.kill().unwrap();
    target.wait().unwrap();
    let done = sniffer.wait(Duration::from_secs(20));
    assert_eq!(done.code, Some(0), "{}", done.stderr);
    assert!(
        done.stderr
            .contains(&format!("target process {pid} exited")),
        "{}",
        done.stderr
    );
    assert_eq!(packet_count(&out), 4);
    assert_eq!(captured_line(&done.stderr), 4);
}

/// A tmpfs of a given size, unmounted and removed on drop.
struct SmallDisk(TempDir);

impl SmallDisk {
    fn new(size: &str) -> SmallDisk {
        let d = TempDir::new();
        run(Command::new("mount").args([
            "-t",
            "tmpfs",
            "-o",
            &format!("size={size}"),
            "dumpy-test",
            d.path().to_str().unwrap(),
        ]));
        SmallDisk(d)
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.0.path()).status();
    }
}

#[test]
fn full_disk_stops_writing_and_leaves_readable_files() {
    require_root();
    let pair = Pair::new();
    let scratch = TempDir::new();
    let disk = SmallDisk::new("1m");
    let out = disk.0.join("full.pcapng");
    let sniffer = Sniffer::start_in(
        scratch.path(),
        &pair.b,
        &["-i", &pair.if_b, "-w", out.to_str().unwrap(), "udp"],
    );
    // About 3 MB of UDP into a 1 MB disk.
    for _ in 0..3 {
        pair.udp_burst(5555, 2000, 1400);
    }
    let done = sniffer.wait(Duration::from_secs(20));
    assert_eq!(done.code, Some(1), "a full disk is fatal: {}", done.stderr);
    assert!(
        done.stderr.contains("No space left on device"),
        "{}",
        done.stderr
    );
    // The file is cut back to whole blocks: tshark reads it to the end without error.
    let n = packet_count(&out);
    assert!(n > 100, "{n}");
}

#[test]
fn stop_status_and_export_control_a_lingering_capture() {
    require_root();
    let pair = Pair::new();
    let dir = TempDir::new();
    let base = dir.join("ctl.pcapng");
    let w = base.to_str().unwrap();
    let sniffer = Sniffer::start_in(
        dir.path(),
        &pair.b,
        &["--linger", "-w", w, "-C", "1", "-W", "5", "udp or icmp"],
    );
    // status while capturing; the readiness probe says yes.
    let ready = Command::new(SNIFFER)
        .args(["status", "-w", w, "--ready"])
        .status()
        .unwrap();
    assert!(ready.success());
    for _ in 0..3 {
        pair.udp_burst(4444, 700, 1000);
    }
    pair.ping(2);

    // A live export while capturing: whole blocks only, so tshark reads it cleanly.
    let live = dir.join("live.pcapng");
    let o = Command::new(SNIFFER)
        .args(["export", "-w", w])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    std::fs::write(&live, &o.stdout).unwrap();
    assert!(packet_count(&live) > 0);

    let o = Command::new(SNIFFER)
        .args(["stop", "-w", w])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let ready = Command::new(SNIFFER)
        .args(["status", "-w", w, "--ready"])
        .status()
        .unwrap();
    assert!(!ready.success(), "a stopped capture is not ready");

    // The process lingers after stop.
    std::thread::sleep(Duration::from_millis(300));
    let mut sniffer = sniffer;
    assert!(
        sniffer.child.try_wait().unwrap().is_none(),
        "sniffer exited after stop despite --linger"
    );

    let status = Command::new(SNIFFER)
        .args(["status", "-w", w])
        .output()
        .unwrap();
    let status: serde_json::Value = serde_json::from_slice(&status.stdout).unwrap();
    assert_eq!(status["state"], "stopped");
    let captured = status["packets_captured"].as_u64().unwrap();
    let files = status["files"].as_array().unwrap();
    assert!(files.len() >= 2, "{status}");

    // Export after stop: every file, as sections of one stream, holds every packet.
    let all = dir.join("all.pcapng");
    let o = Command::new(SNIFFER)
        .args(["export", "-w", w])
        .output()
        .unwrap();
    assert!(o.status.success());
    std::fs::write(&all, &o.stdout).unwrap();
    assert_eq!(packet_count(&all) as u64, captured);
    // One file alone, as --split uses it.
    let first = files[0]["name"].as_str().unwrap();
    let o = Command::new(SNIFFER)
        .args(["export", "-w", w, "--file", first])
        .output()
        .unwrap();
    assert!(o.status.success());
    assert_eq!(o.stdout.len() as u64, files[0]["size"].as_u64().unwrap());

    // SIGTERM ends the lingering process.
    sniffer.signal(Signal::SIGTERM);
    let done = sniffer.wait(Duration::from_secs(10));
    assert_eq!(done.code, Some(0));
}

#[test]
fn export_follow_streams_until_the_capture_ends() {
    require_root();
    let pair = Pair::new();
    let dir = TempDir::new();
    let base = dir.join("f.pcapng");
    let w = base.to_str().unwrap().to_string();
    let sniffer = Sniffer::start_in(dir.path(), &pair.b, &["-w", &w, "-G", "1", "icmp"]);
    let follow = Command::new(SNIFFER)
        .args(["export", "-w", &w, "--follow"])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    pair.ping(6);
    let done = sniffer.stop(Signal::SIGINT);
    assert_eq!(done.code, Some(0));
    let out = follow.wait_with_output().unwrap();
    assert!(out.status.success());
    let streamed = dir.join("streamed.pcapng");
    std::fs::write(&streamed, &out.stdout).unwrap();
    assert_eq!(
        packet_count(&streamed),
        12,
        "every packet of every rotated file was streamed"
    );
}

#[test]
fn control_commands_without_a_capture_say_so() {
    let o = Command::new(SNIFFER)
        .args(["status", "-w", "/nonexistent/x.pcapng"])
        .output()
        .unwrap();
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("no capture status") && err.lines().count() == 1,
        "{err}"
    );
}
