//! Root filesystems for the lab's two images, built at `up` from what this host has:
//! `workload` (Debian's static busybox: httpd, wget, sh) and `sniffer` (the sniffer binary of
//! this build, with the host's /usr/lib mounted read-only for its shared libraries; the
//! image has no shell, like the real one).

use super::paths;
use anyhow::{Context, Result};
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};

pub const WORKLOAD: &str = "workload";
pub const SNIFFER: &str = "sniffer";

/// Which of the lab's own root filesystems an image reference runs with, if any: busybox and
/// `dumpy-lab/*` images run the workload rootfs; dumpy's sniffer images (the plugin's default
/// `dumpy/sniffer:<version>`, or any `…/dumpy/sniffer` or `…/dumpy-sniffer` repository) run
/// this build's sniffer. Any other image is not on this node (ErrImagePull).
pub fn for_image(image: &str) -> Option<&'static str> {
    let name = super::images::normalize(image);
    let repo = name.split(['@']).next().unwrap_or("");
    let repo = match repo.rfind(':') {
        Some(i) if !repo[i..].contains('/') => &repo[..i],
        _ => repo,
    };
    let last = repo.rsplit('/').next().unwrap_or("");
    if last == "busybox" || repo.starts_with("docker.io/dumpy-lab/") {
        Some(WORKLOAD)
    } else if repo.ends_with("/dumpy/sniffer") || last == "dumpy-sniffer" {
        Some(SNIFFER)
    } else {
        None
    }
}

/// Read-only host mounts an image needs (host path, container path).
pub fn image_mounts(kind: &str) -> Vec<(PathBuf, String, bool)> {
    if kind == SNIFFER {
        ["/usr/lib", "/usr/lib64"]
            .iter()
            .filter(|p| Path::new(p).exists())
            .map(|p| (PathBuf::from(p), p.to_string(), true))
            .collect()
    } else {
        vec![]
    }
}

/// The default entrypoint of an image (used when a container has no `command`).
pub fn entrypoint(kind: &str) -> Vec<String> {
    if kind == SNIFFER {
        vec!["/sniffer".into()]
    } else {
        vec![]
    }
}

fn dirs(root: &Path, list: &[&str]) -> Result<()> {
    for d in list {
        std::fs::create_dir_all(root.join(d))?;
    }
    Ok(())
}

pub fn build(state: &Path, sniffer: Option<&Path>) -> Result<()> {
    let w = paths::rootfs(state, WORKLOAD);
    dirs(&w, &["bin", "etc", "tmp", "www", "proc", "sys", "dev"])?;
    std::fs::copy("/bin/busybox", w.join("bin/busybox"))
        .context("copying /bin/busybox (install busybox-static)")?;
    for applet in [
        "sh", "httpd", "wget", "sleep", "cat", "ls", "echo", "nc", "date", "hostname", "ip", "ps",
    ] {
        let _ = symlink("busybox", w.join("bin").join(applet));
    }
    std::fs::write(
        w.join("www/index.html"),
        "<html><body>dumpy-lab web</body></html>\n",
    )?;
    std::fs::write(
        w.join("etc/passwd"),
        "root:x:0:0:root:/:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/sh\n",
    )?;
    std::fs::write(w.join("etc/group"), "root:x:0:\nnogroup:x:65534:\n")?;

    let s = paths::rootfs(state, SNIFFER);
    dirs(
        &s,
        &["usr/lib", "usr/lib64", "etc", "tmp", "proc", "sys", "dev"],
    )?;
    let _ = symlink("usr/lib", s.join("lib"));
    let _ = symlink("usr/lib64", s.join("lib64"));
    if let Some(sniffer) = sniffer {
        std::fs::copy(sniffer, s.join("sniffer"))
            .with_context(|| format!("copying the sniffer binary {}", sniffer.display()))?;
    }
    std::fs::write(s.join("etc/passwd"), "root:x:0:0:root:/:/sniffer\n")?;
    Ok(())
}
