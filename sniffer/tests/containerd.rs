//! Target lookup through a real containerd (issue 2, test 3): a busybox container, built
//! locally into an OCI archive and imported with ctr, runs in its own network namespace;
//! the sniffer finds it by container ID through the containerd API, and through /proc when
//! the socket path points nowhere.

mod common;
use common::containerd::Containerd;
use common::*;
use std::path::Path;
use std::time::Duration;

/// A containerd namespace with one image and one running container, removed on drop.
struct Container {
    rt: Containerd,
    id: String,
}

impl Container {
    fn start(netns: &Path, dir: &Path) -> Container {
        let mut rt = Containerd::new(dir);
        let id = unique("web");
        rt.run(&id, netns, &[], &["/bin/busybox", "sleep", "600"]);
        Container { rt, id }
    }
}

fn capture_from_container(extra: &[&str], expect_in_stderr: &str) {
    require_root();
    let pair = Pair::new();
    let dir = TempDir::new();
    let c = Container::start(&pair.b.path(), dir.path());
    let out = dir.join("c.pcapng");
    let mut args = vec![
        "--container-id",
        &c.id,
        "--runtime-namespace",
        &c.rt.ns,
        "-w",
        out.to_str().unwrap(),
        "-c",
        "4",
    ];
    let id_arg = format!("containerd://{}", c.id);
    args[1] = &id_arg;
    args.extend_from_slice(extra);
    args.push("icmp");
    let sniffer = Sniffer::start(dir.path(), &args);
    assert!(
        sniffer.stderr().contains(expect_in_stderr),
        "{}",
        sniffer.stderr()
    );
    pair.ping(2);
    let done = sniffer.wait(Duration::from_secs(20));
    assert_eq!(done.code, Some(0), "{}", done.stderr);
    // The container's namespace is b's: the pings from a arrive on b's veth.
    let rows = tshark_fields(&out, None, &["frame.interface_name", "ip.src", "ip.dst"]);
    assert_eq!(rows.len(), 4, "{rows:?}");
    assert!(rows.iter().all(|r| r[0] == pair.if_b), "{rows:?}");
}

#[test]
fn finds_the_container_through_the_containerd_api() {
    capture_from_container(&[], "found through containerd");
}

#[test]
fn falls_back_to_proc_when_the_socket_is_absent() {
    capture_from_container(
        &["--runtime-endpoint", "unix:///nonexistent/containerd.sock"],
        "a /proc scan",
    );
}
