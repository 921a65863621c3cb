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

/// Checks an image reference as a container runtime parses it (distribution's reference
/// grammar: `[domain[:port]/]path[:tag][@algo:hex]`, lowercase path components); the error is
/// the kubelet's `InvalidImageName` message.
pub fn check_reference(reference: &str) -> Result<(), String> {
    let bad = || {
        Err(format!(
            "Failed to apply default image tag \"{reference}\": couldn't parse image name \"{reference}\": invalid reference format"
        ))
    };
    let (rest, digest) = match reference.split_once('@') {
        Some((r, d)) => (r, Some(d)),
        None => (reference, None),
    };
    if let Some(d) = digest {
        let ok = d.split_once(':').is_some_and(|(algo, hex)| {
            !algo.is_empty()
                && algo
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "+._-".contains(c))
                && hex.len() >= 32
                && hex.chars().all(|c| c.is_ascii_hexdigit())
        });
        if !ok {
            return bad();
        }
    }
    // The tag follows the last ':' that comes after the last '/'.
    let slash = rest.rfind('/').map_or(0, |i| i + 1);
    let (name, tag) = match rest[slash..].rfind(':') {
        Some(i) => (&rest[..slash + i], Some(&rest[slash + i + 1..])),
        None => (rest, None),
    };
    if let Some(t) = tag {
        let word = |c: char| c.is_ascii_alphanumeric() || c == '_';
        let ok = t.len() <= 128
            && t.starts_with(word)
            && t.chars().all(|c| word(c) || c == '.' || c == '-');
        if !ok {
            return bad();
        }
    }
    if name.is_empty() || name.len() > 255 {
        return bad();
    }
    let mut parts: Vec<&str> = name.split('/').collect();
    let first = parts[0];
    if parts.len() > 1 && (first.contains('.') || first.contains(':') || first == "localhost")
        || first.chars().any(|c| c.is_ascii_uppercase())
    {
        let (host, port) = first.split_once(':').unwrap_or((first, ""));
        let host_ok = host.split('.').all(|l| {
            !l.is_empty()
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                && !l.starts_with('-')
                && !l.ends_with('-')
        });
        if !host_ok || !port.chars().all(|c| c.is_ascii_digit()) || parts.len() < 2 {
            return bad();
        }
        parts.remove(0);
    }
    let component_ok = |p: &str| {
        let b = p.as_bytes();
        !b.is_empty()
            && b[0].is_ascii_lowercase() | b[0].is_ascii_digit()
            && b[b.len() - 1].is_ascii_lowercase() | b[b.len() - 1].is_ascii_digit()
            && p.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "._-".contains(c))
            && !p.contains("..")
            && !p.contains("___")
    };
    if parts.iter().all(|p| component_ok(p)) {
        Ok(())
    } else {
        bad()
    }
}

/// The kubelet's `ErrImagePull` message for an image this node cannot get.
pub fn pull_error(reference: &str) -> String {
    let n = normalize(reference);
    format!(
        "failed to pull and unpack image \"{n}\": failed to resolve reference \"{n}\": dumpy-lab has no registry: \
         only images imported at `dumpy-lab up` and the lab's own (busybox, dumpy-lab/*, dumpy sniffer images) run"
    )
}

#[cfg(test)]
mod tests {
    use super::{check_reference, normalize};

    #[test]
    fn references_parse_like_a_runtime() {
        for ok in [
            "busybox",
            "busybox:1.36",
            "dumpy/sniffer:0.3.0",
            "ghcr.io/dumpy/sniffer:dev",
            "localhost:5000/a/b_c.d-e:v1.2",
            "registry.example.com/x@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        ] {
            assert_eq!(check_reference(ok), Ok(()), "{ok}");
        }
        for bad in [
            "",
            "Busybox",
            "dumpy/Sniffer:1",
            "busybox:",
            "busybox::1",
            "a//b",
            "-a/b",
            "busybox:-x",
            "x@sha256:12",
            "bad image",
        ] {
            let e = check_reference(bad).unwrap_err();
            assert!(e.ends_with("invalid reference format"), "{bad}: {e}");
        }
    }

    #[test]
    fn normalizes_like_cri() {
        assert_eq!(normalize("busybox"), "docker.io/library/busybox:latest");
        assert_eq!(normalize("dumpy/sniffer:1"), "docker.io/dumpy/sniffer:1");
    }
}
