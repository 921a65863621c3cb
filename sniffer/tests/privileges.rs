//! The sniffer pod's capability set, proven minimal (issue 5): with exactly CAP_NET_RAW,
//! CAP_SYS_ADMIN and CAP_SYS_PTRACE the sniffer captures a target that runs as another user
//! in another network namespace (on `any`, and in promiscuous mode on an interface); without
//! any one of them it fails with one line that names the missing capability. CAP_NET_ADMIN,
//! which the original tool's privileged pods implied, is not needed: libpcap's ring,
//! filter and promiscuous membership work without it. A node capture, with no target to
//! enter, needs CAP_NET_RAW alone.

mod common;
use common::*;
use std::os::unix::fs::MetadataExt;
use std::process::{Child, Command};
use std::time::{Duration, Instant};

const MINIMAL: [&str; 3] = ["net_raw", "sys_admin", "sys_ptrace"];

/// A process in `ns` running as nobody, killed on drop.
struct Target(Child);

impl Target {
    fn start(ns: &Netns) -> Target {
        let child = ns
            .exec(&[
                "setpriv",
                "--reuid",
                "65534",
                "--regid",
                "65534",
                "--clear-groups",
                "sleep",
                "60",
            ])
            .spawn()
            .unwrap();
        let want = std::fs::metadata(ns.path()).unwrap().ino();
        let proc = format!("/proc/{}", child.id());
        let state = || {
            let ns = std::fs::metadata(format!("{proc}/ns/net")).ok()?.ino();
            let uid = std::fs::metadata(&proc).ok()?.uid();
            Some((ns, uid))
        };
        let deadline = Instant::now() + Duration::from_secs(10);
        // Ready once it runs as nobody inside the namespace.
        while state() != Some((want, 65534)) {
            assert!(Instant::now() < deadline, "target never started");
            std::thread::sleep(Duration::from_millis(10));
        }
        Target(child)
    }
}

impl Drop for Target {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Runs the sniffer as root with exactly `caps` (bounding set; nothing inheritable),
/// capturing 4 ICMP packets of a ping from a to b on `iface` of the target's namespace; with
/// no target, the sniffer starts inside b's namespace and takes no target option, as a node
/// capture's sniffer does in the host's (hostNetwork).
fn sniff_with(caps: &[&str], pair: &Pair, target: Option<&Target>, iface: &str) -> (bool, String) {
    let dir = TempDir::new();
    let out = dir.join("c.pcapng");
    let bounding = std::iter::once("-all".to_string())
        .chain(caps.iter().map(|c| format!("+{c}")))
        .collect::<Vec<_>>()
        .join(",");
    let mut cmd = match target {
        Some(_) => Command::new("setpriv"),
        None => pair.b.exec(&["setpriv"]),
    };
    cmd.args(["--bounding-set", &bounding, "--inh-caps", "-all", SNIFFER]);
    if let Some(t) = target {
        cmd.args(["--pid", &t.0.id().to_string()]);
    }
    let mut sniffer = cmd
        .args(["-i", iface, "-c", "4"])
        .arg("-w")
        .arg(&out)
        .arg("icmp")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Ping until the sniffer has its packets or gives up.
    let deadline = Instant::now() + Duration::from_secs(20);
    let status = loop {
        if let Some(st) = sniffer.try_wait().unwrap() {
            break st;
        }
        if Instant::now() > deadline {
            let _ = sniffer.kill();
            break sniffer.wait().unwrap();
        }
        let _ = pair
            .a
            .exec(&["ping", "-q", "-c", "1", "-W", "1", ADDR_B])
            .output();
    };
    let mut err = String::new();
    use std::io::Read;
    sniffer
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    let ok = status.success() && packet_count(&out) == 4;
    (ok, err)
}

#[test]
fn three_capabilities_suffice_and_each_is_needed() {
    require_root();
    let pair = Pair::new();
    let target = Target::start(&pair.b);

    for iface in ["any", pair.if_b.as_str()] {
        let (ok, err) = sniff_with(&MINIMAL, &pair, Some(&target), iface);
        assert!(ok, "minimal set on {iface} failed: {err}");
    }

    for (missing, says) in [
        ("net_raw", "CAP_NET_RAW"),
        ("sys_admin", "CAP_SYS_ADMIN"),
        ("sys_ptrace", "CAP_SYS_PTRACE"),
    ] {
        let caps: Vec<&str> = MINIMAL.iter().copied().filter(|c| *c != missing).collect();
        let (ok, err) = sniff_with(&caps, &pair, Some(&target), "any");
        assert!(!ok, "the sniffer worked without {missing}");
        assert_eq!(err.lines().count(), 1, "one line without {missing}: {err}");
        assert!(
            err.contains(says),
            "without {missing} the error should name {says}: {err}"
        );
    }
}

/// A node capture (issue 11): the sniffer already stands in the namespace it captures, takes
/// no target option, and needs CAP_NET_RAW alone; without it, one line names it.
#[test]
fn net_raw_alone_suffices_without_a_target() {
    require_root();
    let pair = Pair::new();
    for iface in ["any", pair.if_b.as_str()] {
        let (ok, err) = sniff_with(&["net_raw"], &pair, None, iface);
        assert!(ok, "NET_RAW alone on {iface} failed: {err}");
    }
    let (ok, err) = sniff_with(&[], &pair, None, "any");
    assert!(!ok, "the sniffer worked without NET_RAW");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("CAP_NET_RAW"), "{err}");
}
