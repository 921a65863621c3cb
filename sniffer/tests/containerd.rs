//! Target lookup through a real containerd (issue 2, test 3): a busybox container, built
//! locally into an OCI archive and imported with ctr, runs in its own network namespace;
//! the sniffer finds it by container ID through the containerd API, through /proc when
//! the socket path points nowhere, and through /proc for a CRI-O container: one whose cgroup
//! has CRI-O's shape (`crio-<id>.scope`, set with ctr's --cgroup) and whose ID says cri-o://.

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
    /// `cgroup`: the container's cgroup path (ctr's default, `/<namespace>/<id>`, when None).
    fn start(netns: &Path, dir: &Path, cgroup: Option<&dyn Fn(&str) -> String>) -> Container {
        let mut rt = Containerd::new(dir);
        let id = unique("web");
        let cgroup = cgroup.map(|f| f(&id));
        rt.run_in(
            &id,
            netns,
            &[],
            cgroup.as_deref(),
            &["/bin/busybox", "sleep", "600"],
        );
        Container { rt, id }
    }
}

fn capture_from_container(extra: &[&str], expect_in_stderr: &str) {
    capture_from(None, "containerd", extra, expect_in_stderr);
}

/// Starts a container (in `cgroup`, if given), captures 4 pings in it by `scheme://ID`.
fn capture_from(
    cgroup: Option<&dyn Fn(&str) -> String>,
    scheme: &str,
    extra: &[&str],
    expect_in_stderr: &str,
) {
    require_root();
    let pair = Pair::new();
    let dir = TempDir::new();
    let c = Container::start(&pair.b.path(), dir.path(), cgroup);
    let out = dir.join("c.pcapng");
    let id_arg = format!("{scheme}://{}", c.id);
    let mut args = vec![
        "--container-id",
        &id_arg,
        "--runtime-namespace",
        &c.rt.ns,
        "-w",
        out.to_str().unwrap(),
        "-c",
        "4",
    ];
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

#[test]
fn finds_a_cri_o_container_through_proc() {
    // CRI-O's systemd-driver shape. No path component is the bare ID, and the containerd
    // socket exists: only a /proc scan that knows CRI-O's names finds this container.
    let crio_scope = |id: &str| format!("/crio-{id}.scope");
    capture_from(
        Some(&crio_scope),
        "cri-o",
        &[],
        "found through a /proc scan (a cri-o container)",
    );
}

#[test]
fn finds_a_cri_o_cgroupfs_container_through_proc() {
    // CRI-O's cgroupfs leaf, `crio-<id>` (under the pod's cgroup on a node; at the root here,
    // so that runc removes all of it with the container).
    let crio_cgroupfs = |id: &str| format!("/crio-{id}");
    capture_from(
        Some(&crio_cgroupfs),
        "cri-o",
        &[],
        "a /proc scan (a cri-o container)",
    );
}
