//! Target lookup through a real containerd (issue 2, test 3): a busybox container, built
//! locally into an OCI archive and imported with ctr, runs in its own network namespace;
//! the sniffer finds it by container ID through the containerd API, through /proc when
//! the socket path points nowhere, and through /proc for a CRI-O container: one whose cgroup
//! has CRI-O's shape (`crio-<id>.scope`, set with ctr's --cgroup) and whose ID says cri-o://.

mod common;
use common::*;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

const SOCKET: &str = "/run/containerd/containerd.sock";

fn ctr(ns: &str) -> Command {
    let mut c = Command::new("ctr");
    c.args(["--address", SOCKET, "-n", ns]);
    c
}

/// A containerd namespace with one image and one running container, removed on drop.
struct Container {
    ns: String,
    id: String,
    image: String,
}

impl Container {
    /// `cgroup`: the container's cgroup path (ctr's default, `/<namespace>/<id>`, when None).
    fn start(netns: &Path, dir: &Path, cgroup: Option<&dyn Fn(&str) -> String>) -> Container {
        let ns = unique("dumpy-test-");
        let id = unique("web");
        let image = format!("dumpy.test/{}:1", unique("busybox"));
        let me = Container { ns, id, image };
        let rootfs = dir.join("rootfs");
        std::fs::create_dir_all(rootfs.join("bin")).unwrap();
        std::fs::copy("/bin/busybox", rootfs.join("bin/busybox"))
            .expect("busybox-static is installed");
        let archive = dir.join("busybox.oci.tar");
        let mkoci = Path::new(env!("CARGO_MANIFEST_DIR")).join("../images/mkoci");
        run(Command::new("python3").arg(mkoci).args([
            "--rootfs",
            rootfs.to_str().unwrap(),
            "--ref",
            &me.image,
            "--no-containerd-name",
            "--entrypoint",
            "/bin/busybox",
            "--out",
            archive.to_str().unwrap(),
        ]));
        run(ctr(&me.ns).args(["image", "import", archive.to_str().unwrap()]));
        let with_ns = format!("network:{}", netns.display());
        let mut run_cmd = ctr(&me.ns);
        run_cmd.args(["run", "-d", "--with-ns", &with_ns]);
        if let Some(cgroup) = cgroup {
            run_cmd.args(["--cgroup", &cgroup(&me.id)]);
        }
        run(run_cmd.args([&me.image, &me.id, "/bin/busybox", "sleep", "600"]));
        me
    }
}

impl Drop for Container {
    fn drop(&mut self) {
        let _ = ctr(&self.ns)
            .args(["task", "kill", "-s", "SIGKILL", &self.id])
            .output();
        for _ in 0..50 {
            let out = ctr(&self.ns).args(["task", "rm", &self.id]).output();
            if out.map(|o| o.status.success()).unwrap_or(false) {
                break;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let _ = ctr(&self.ns).args(["container", "rm", &self.id]).output();
        let _ = ctr(&self.ns).args(["image", "rm", &self.image]).output();
        let _ = ctr(&self.ns)
            .args(["content", "prune", "references"])
            .output();
        let _ = ctr("default").args(["namespace", "rm", &self.ns]).output();
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
    assert!(
        Path::new(SOCKET).exists(),
        "containerd is not running: start it with scripts/containerd-up"
    );
    let pair = Pair::new();
    let dir = TempDir::new();
    let c = Container::start(&pair.b.path(), dir.path(), cgroup);
    let out = dir.join("c.pcapng");
    let id_arg = format!("{scheme}://{}", c.id);
    let mut args = vec![
        "--container-id",
        &id_arg,
        "--runtime-namespace",
        &c.ns,
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
