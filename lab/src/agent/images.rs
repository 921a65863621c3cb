//! Container images: the workload image is built at `up` from its rootfs with
//! `images/mkoci` and imported with `ctr image import` (there is no registry); an OCI archive
//! of the sniffer image can be imported the same way. Pods whose image is present in
//! containerd run from it; others fall back to the lab's rootfs directories.

use super::runtime::NAMESPACE;
use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The name CRI resolves a reference to ("busybox" -> "docker.io/library/busybox:latest").
pub fn normalize(reference: &str) -> String {
    let (name, digest) = match reference.split_once('@') {
        Some((n, d)) => (n.to_string(), Some(d)),
        None => (reference.to_string(), None),
    };
    let mut name = name;
    if !name.rsplit('/').next().unwrap_or("").contains(':') && digest.is_none() {
        name.push_str(":latest");
    }
    let first = name.split('/').next().unwrap_or("");
    if !name.contains('/') {
        name = format!("docker.io/library/{name}");
    } else if !first.contains('.') && !first.contains(':') && first != "localhost" {
        name = format!("docker.io/{name}");
    }
    match digest {
        Some(d) => format!("{name}@{d}"),
        None => name,
    }
}

/// images/mkoci of this checkout, found from the binary's place (target/<profile>/dumpy-lab).
pub fn find_mkoci() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    exe.ancestors()
        .map(|a| a.join("images/mkoci"))
        .find(|p| p.is_file())
}

/// Packs `rootfs` as image `reference` and imports it; returns the imported name.
pub fn build_and_import(
    mkoci: &Path,
    rootfs: &Path,
    reference: &str,
    archive: &Path,
) -> Result<String> {
    let out = Command::new(mkoci)
        .arg("--rootfs")
        .arg(rootfs)
        .args(["--ref", reference, "--out"])
        .arg(archive)
        .output()
        .context("running images/mkoci")?;
    if !out.status.success() {
        bail!(
            "images/mkoci failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    import(archive)
}

/// `ctr image import` of an OCI archive; returns the image name containerd gave it.
pub fn import(archive: &Path) -> Result<String> {
    let out = Command::new("ctr")
        .args(["-n", NAMESPACE, "image", "import", "--all-platforms"])
        .arg(archive)
        .output()?;
    if !out.status.success() {
        bail!(
            "ctr image import {}: {}",
            archive.display(),
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    // ctr prints "unpacking NAME (sha256:…)...done".
    let text = String::from_utf8_lossy(&out.stdout);
    let name = text
        .lines()
        .find_map(|l| {
            l.strip_prefix("unpacking ")
                .and_then(|r| r.split_whitespace().next())
        })
        .context("ctr image import printed no image name")?;
    Ok(name.to_string())
}

pub fn remove(name: &str) {
    let _ = Command::new("ctr")
        .args(["-n", NAMESPACE, "image", "rm", name])
        .output();
}
