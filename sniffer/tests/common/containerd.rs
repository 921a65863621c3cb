//! A real containerd for the tests: a containerd namespace of their own holding a busybox
//! image built locally (images/mkoci) and imported with ctr, and containers run from it in
//! a given network namespace. Everything is removed on drop.

use super::{run, unique};
use std::path::Path;
use std::process::Command;
use std::time::Duration;

pub const SOCKET: &str = "/run/containerd/containerd.sock";

/// A containerd namespace with the busybox image; the containers started through it.
pub struct Containerd {
    pub ns: String,
    pub image: String,
    ids: Vec<String>,
}

impl Containerd {
    /// Builds the image in `dir` and imports it into a new containerd namespace.
    pub fn new(dir: &Path) -> Containerd {
        assert!(
            Path::new(SOCKET).exists(),
            "containerd is not running: start it with scripts/containerd-up"
        );
        let me = Containerd {
            ns: unique("dumpy-test-"),
            image: format!("dumpy.test/{}:1", unique("busybox")),
            ids: Vec::new(),
        };
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
        run(me
            .ctr()
            .args(["image", "import", archive.to_str().unwrap()]));
        me
    }

    pub fn ctr(&self) -> Command {
        let mut c = Command::new("ctr");
        c.args(["--address", SOCKET, "-n", &self.ns]);
        c
    }

    /// Starts container `id` in the network namespace at `netns`, with `labels` (`k=v`),
    /// running `argv` (busybox applets: `/bin/busybox …`).
    pub fn run(&mut self, id: &str, netns: &Path, labels: &[String], argv: &[&str]) {
        self.run_in(id, netns, labels, None, argv)
    }

    /// [`Containerd::run`] in cgroup `cgroup` (ctr's `--cgroup`; ctr's default,
    /// `/<namespace>/<id>`, when None), e.g. CRI-O's shape `/crio-<id>.scope`.
    pub fn run_in(
        &mut self,
        id: &str,
        netns: &Path,
        labels: &[String],
        cgroup: Option<&str>,
        argv: &[&str],
    ) {
        let mut c = self.ctr();
        c.args([
            "run",
            "-d",
            "--with-ns",
            &format!("network:{}", netns.display()),
        ]);
        if let Some(cgroup) = cgroup {
            c.args(["--cgroup", cgroup]);
        }
        for l in labels {
            c.args(["--label", l]);
        }
        c.args([&self.image, id]).args(argv);
        self.ids.push(id.to_string());
        run(&mut c);
    }

    /// Creates container `id` without starting it (a container whose task is down).
    pub fn create(&mut self, id: &str, netns: &Path, labels: &[String], argv: &[&str]) {
        let mut c = self.ctr();
        c.args([
            "container",
            "create",
            "--with-ns",
            &format!("network:{}", netns.display()),
        ]);
        for l in labels {
            c.args(["--label", l]);
        }
        c.args([&self.image, id]).args(argv);
        self.ids.push(id.to_string());
        run(&mut c);
    }

    /// Removes container `id` on drop too (one started by other means).
    pub fn adopt(&mut self, id: &str) {
        self.ids.push(id.to_string());
    }

    /// Kills the container's task with SIGKILL and removes the task (the container stays).
    pub fn kill(&self, id: &str) {
        let _ = self
            .ctr()
            .args(["task", "kill", "-s", "SIGKILL", id])
            .output();
        for _ in 0..100 {
            let out = self.ctr().args(["task", "rm", id]).output();
            if out.map(|o| o.status.success()).unwrap_or(false) {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("task {id} could not be removed");
    }

    /// Kills the task and removes the container.
    pub fn remove(&self, id: &str) {
        self.kill(id);
        let _ = self.ctr().args(["container", "rm", id]).output();
    }
}

impl Drop for Containerd {
    fn drop(&mut self) {
        for id in &self.ids {
            let _ = self
                .ctr()
                .args(["task", "kill", "-s", "SIGKILL", id])
                .output();
            for _ in 0..50 {
                let out = self.ctr().args(["task", "rm", id]).output();
                match out {
                    Ok(o) if o.status.success() => break,
                    // No task (never started, or already removed).
                    Ok(o) if String::from_utf8_lossy(&o.stderr).contains("not found") => break,
                    _ => std::thread::sleep(Duration::from_millis(100)),
                }
            }
            let _ = self.ctr().args(["container", "rm", id]).output();
        }
        let _ = self.ctr().args(["image", "rm", &self.image]).output();
        let _ = self.ctr().args(["content", "prune", "references"]).output();
        let _ = Command::new("ctr")
            .args(["--address", SOCKET, "namespace", "rm", &self.ns])
            .output();
    }
}
