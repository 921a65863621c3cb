//! `dumpy-lab up/env/status/down`: --nodes, --runtimes, recovery after a crashed server
//! (kill -9), and a machine left exactly as found. Needs root and containerd.

mod common;
use common::{lab_bin, leftovers, Lab};
use std::process::Command;

#[test]
fn up_recovers_from_a_crash_and_down_leaves_nothing() {
    // An extra image archive (as images/build makes for the sniffer), built with images/mkoci.
    let dir = std::env::temp_dir().join(format!("dumpy-lab-img-{}", std::process::id()));
    struct RmDir(std::path::PathBuf);
    impl Drop for RmDir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
    let _rm = RmDir(dir.clone());
    std::fs::create_dir_all(dir.join("rootfs/bin")).unwrap();
    std::fs::copy("/bin/busybox", dir.join("rootfs/bin/busybox")).unwrap();
    let archive = dir.join("img.oci.tar");
    let st = Command::new(common::repo_root().join("images/mkoci"))
        .args([
            "--ref",
            "lab-test/imported:1",
            "--entrypoint",
            "[\"/bin/busybox\", \"echo\", \"from-image\"]",
            "--rootfs",
        ])
        .arg(dir.join("rootfs"))
        .arg("--out")
        .arg(&archive)
        .status()
        .unwrap();
    assert!(st.success());
    {
        let lab = Lab::up_with(&[
            "--nodes",
            "5",
            "--runtimes",
            "k3s,crio",
            "--sniffer-image",
            archive.to_str().unwrap(),
        ]);
        // k3s's socket path leads to the machine's containerd while the lab is up.
        assert!(std::path::Path::new("/run/k3s/containerd/containerd.sock").exists());
        // A pod naming the imported image runs from it, with the image's entrypoint.
        let o = lab.create(&serde_json::json!({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "from-image"},
            "spec": {"restartPolicy": "Never", "containers": [{"name": "c", "image": "lab-test/imported:1"}]}}));
        assert!(o.status.success());
        let p = lab.wait_pod("from-image", 30, "Succeeded", |p| {
            p["status"]["phase"] == "Succeeded"
        });
        assert_eq!(lab.ok(&["logs", "from-image"]), "from-image\n");
        let info = Lab::container_info(&p);
        assert!(String::from_utf8_lossy(&info.stdout)
            .contains("\"Image\": \"docker.io/lab-test/imported:1\""));

        assert_eq!(lab.ok(&["get", "nodes", "-o", "name"]).lines().count(), 5);
        assert_eq!(
            lab.ok(&["get", "pods", "-l", "app=node-agent", "-o", "name"])
                .lines()
                .count(),
            5
        );
        let env = Command::new(lab_bin()).arg("env").output().unwrap();
        assert_eq!(
            String::from_utf8_lossy(&env.stdout),
            "export KUBECONFIG=/run/dumpy-lab/kubeconfig\n"
        );
        assert!(Command::new(lab_bin())
            .arg("status")
            .status()
            .unwrap()
            .success());

        // Crash the server: its containers and netns stay behind.
        let pid = std::fs::read_to_string("/run/dumpy-lab/server.pid").unwrap();
        assert!(Command::new("kill")
            .args(["-9", pid.trim()])
            .status()
            .unwrap()
            .success());
        std::thread::sleep(std::time::Duration::from_millis(500));
        assert!(!leftovers().is_empty());
        assert!(!Command::new(lab_bin())
            .arg("status")
            .status()
            .unwrap()
            .success());
        drop(lab); // `down` after a crash
    }
    assert_eq!(leftovers(), Vec::<String>::new());

    // `up` over a crashed lab cleans up first, then works.
    let lab = Lab::up();
    let pid = std::fs::read_to_string("/run/dumpy-lab/server.pid").unwrap();
    Command::new("kill")
        .args(["-9", pid.trim()])
        .status()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(500));
    let out = Command::new(lab_bin()).arg("up").output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("cleaning up an earlier lab"));
    assert_eq!(lab.ok(&["get", "pods", "-o", "name"]).lines().count(), 10);
    drop(lab);
    assert_eq!(leftovers(), Vec::<String>::new());
    // down with nothing up is fine.
    assert!(Command::new(lab_bin())
        .arg("down")
        .status()
        .unwrap()
        .success());
}
