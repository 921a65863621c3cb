//! Names, labels and annotations that dumpy puts on its sniffer pods.
//!
//! A capture is not an object of its own: it is the set of sniffer pods that carry the label
//! `dumpy.io/capture=<name>` in the capture namespace. Everything `get`, `export` or
//! `restart` needs to know is read back from those labels and the JSON spec annotation.

use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

pub const NAME_KEY: &str = "app.kubernetes.io/name";
pub const NAME_VALUE: &str = "dumpy";
pub const COMPONENT_KEY: &str = "app.kubernetes.io/component";
pub const COMPONENT_VALUE: &str = "sniffer";
pub const MANAGED_BY_KEY: &str = "app.kubernetes.io/managed-by";
pub const MANAGED_BY_VALUE: &str = "kubectl-dumpy";
pub const CAPTURE_KEY: &str = "dumpy.io/capture";
/// The target pod (or node, for node captures), hashed when longer than a label value may be.
pub const TARGET_POD_KEY: &str = "dumpy.io/target-pod";
pub const NODE_KEY: &str = "dumpy.io/node";
/// Which `capture`/`restart` created the sniffer: 1, then one more per restart.
pub const GENERATION_KEY: &str = "dumpy.io/generation";
/// The JSON annotation that holds the full capture spec.
pub const SPEC_ANNOTATION: &str = "dumpy.io/spec";
/// Set to `stopped` by `dumpy stop`, so `get` can tell without an exec.
pub const STATE_ANNOTATION: &str = "dumpy.io/state";
/// The kubectl convention naming a pod's default container.
pub const DEFAULT_CONTAINER_ANNOTATION: &str = "kubectl.kubernetes.io/default-container";

/// Longest label value Kubernetes accepts.
pub const MAX_LABEL_VALUE: usize = 63;

/// Selector for every dumpy sniffer (of any capture).
pub fn all_sniffers_selector() -> String {
    format!("{NAME_KEY}={NAME_VALUE},{COMPONENT_KEY}={COMPONENT_VALUE},{MANAGED_BY_KEY}={MANAGED_BY_VALUE},{CAPTURE_KEY}")
}

/// Selector for the sniffers of one capture.
pub fn capture_selector(capture: &str) -> String {
    format!("{NAME_KEY}={NAME_VALUE},{COMPONENT_KEY}={COMPONENT_VALUE},{MANAGED_BY_KEY}={MANAGED_BY_VALUE},{CAPTURE_KEY}={capture}")
}

/// The labels of one sniffer pod.
pub fn sniffer_labels(
    capture: &str,
    target_pod: &str,
    node: &str,
    generation: u32,
) -> BTreeMap<String, String> {
    [
        (NAME_KEY, NAME_VALUE.to_string()),
        (COMPONENT_KEY, COMPONENT_VALUE.to_string()),
        (MANAGED_BY_KEY, MANAGED_BY_VALUE.to_string()),
        (CAPTURE_KEY, capture.to_string()),
        (TARGET_POD_KEY, label_value(target_pod)),
        (NODE_KEY, label_value(node)),
        (GENERATION_KEY, generation.to_string()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect()
}

/// Hex digest of `s`, `len` characters long.
pub fn short_hash(s: &str, len: usize) -> String {
    let digest = Sha256::digest(s.as_bytes());
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    hex[..len.min(hex.len())].to_string()
}

/// A valid label value for `s`: `s` itself when it is one, else a readable prefix plus a hash
/// of the whole, so that distinct long names stay distinct (pod names may be 253 long).
pub fn label_value(s: &str) -> String {
    if is_valid_label_value(s) {
        return s.to_string();
    }
    let hash = short_hash(s, 10);
    let keep: String = s
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || "-_.".contains(*c))
        .take(MAX_LABEL_VALUE - hash.len() - 1)
        .collect();
    let keep = keep.trim_start_matches(|c: char| !c.is_ascii_alphanumeric());
    let keep = keep.trim_end_matches(|c: char| !c.is_ascii_alphanumeric());
    if keep.is_empty() {
        hash
    } else {
        format!("{keep}-{hash}")
    }
}

/// Kubernetes' rule for label values: at most 63 characters, alphanumerics with `-_.` inside.
pub fn is_valid_label_value(s: &str) -> bool {
    if s.is_empty() {
        return true;
    }
    let b = s.as_bytes();
    s.len() <= MAX_LABEL_VALUE
        && b[0].is_ascii_alphanumeric()
        && b[b.len() - 1].is_ascii_alphanumeric()
        && b.iter()
            .all(|c| c.is_ascii_alphanumeric() || b"-_.".contains(c))
}

/// Checks a capture name: a DNS-1123 label, since it becomes a label value, part of the
/// sniffer pods' names and a selector term.
pub fn check_capture_name(name: &str) -> Result<(), String> {
    crate::names::check("capture name", name, crate::names::Rule::Label)
}

/// What a sniffer pod's name adds to its capture's name: `sniffer-<capture>-<8 hex>`.
const SNIFFER_PREFIX: &str = "sniffer-";
const SNIFFER_HASH_LEN: usize = 8;
/// Longest capture name whose sniffer pod names still fit a DNS-1123 label (63), so that they
/// stay valid label values and hostnames.
pub const MAX_CAPTURE_NAME: usize = MAX_LABEL_VALUE - SNIFFER_PREFIX.len() - 1 - SNIFFER_HASH_LEN;

/// Checks the name of a capture about to be created: a capture name, short enough for its
/// sniffer pods' names (see [`MAX_CAPTURE_NAME`]).
pub fn check_new_capture_name(name: &str) -> Result<(), String> {
    check_capture_name(name)?;
    if name.len() > MAX_CAPTURE_NAME {
        return Err(format!(
            "capture name {name:?} is {} characters long: at most {MAX_CAPTURE_NAME}, so that its sniffer pods' names ({SNIFFER_PREFIX}<name>-<{SNIFFER_HASH_LEN} characters>) fit the 63-character limit of a label",
            name.len()
        ));
    }
    Ok(())
}

/// A fresh capture name like the original's `dumpy-49366665`.
pub fn generate_capture_name() -> String {
    let seed = format!(
        "{:?}-{}",
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default(),
        std::process::id()
    );
    let digits: String = Sha256::digest(seed.as_bytes())
        .iter()
        .take(8)
        .map(|b| char::from(b'0' + b % 10))
        .collect();
    format!("dumpy-{digits}")
}

/// The sniffer pod's name: unique per capture, target and generation, and stable so that a
/// retried create collides instead of duplicating.
pub fn sniffer_pod_name(
    capture: &str,
    target_namespace: &str,
    target: &str,
    generation: u32,
) -> String {
    let hash = short_hash(
        &format!("{target_namespace}/{target}/{generation}"),
        SNIFFER_HASH_LEN,
    );
    format!("{SNIFFER_PREFIX}{capture}-{hash}")
}

/// Longest file stem we allow, leaving room for `-000001.pcapng` and `.status.json` within
/// the 255-byte file-name limit.
const MAX_STEM: usize = 200;

/// The file stem of one sniffer's output: `<capture>-<targetpod>`, plus `-g<N>` after a
/// restart so that generations sharing a PVC never overwrite each other. Capture names are
/// unique in a namespace (and a PVC belongs to one), so stems never collide across sniffers.
pub fn file_stem(capture: &str, target: &str, generation: u32) -> String {
    let mut stem = format!("{capture}-{target}");
    if stem.len() > MAX_STEM {
        let hash = short_hash(&stem, 10);
        stem.truncate(MAX_STEM - 11);
        stem = format!("{}-{hash}", stem.trim_end_matches(['-', '.']));
    }
    if generation > 1 {
        stem.push_str(&format!("-g{generation}"));
    }
    stem
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_values_are_kept() {
        assert_eq!(label_value("nginx-7d9c-abcde"), "nginx-7d9c-abcde");
        let exact = "a".repeat(63);
        assert_eq!(label_value(&exact), exact);
    }

    #[test]
    fn long_values_are_hashed_and_stay_distinct() {
        let a = format!("{}-one", "x".repeat(100));
        let b = format!("{}-two", "x".repeat(100));
        let (la, lb) = (label_value(&a), label_value(&b));
        assert!(is_valid_label_value(&la), "{la}");
        assert!(la.len() <= 63);
        assert_ne!(la, lb);
        assert!(la.starts_with("xxxx"));
        // Deterministic, so the label can be recomputed to find the sniffer.
        assert_eq!(la, label_value(&a));
    }

    #[test]
    fn hashed_values_never_end_with_a_separator() {
        let s = format!("{}.{}", "a".repeat(51), "b".repeat(200));
        let v = label_value(&s);
        assert!(is_valid_label_value(&v), "{v}");
    }

    #[test]
    fn capture_names_are_dns1123_labels() {
        assert!(check_capture_name("mycap").is_ok());
        assert!(check_capture_name("dumpy-49366665").is_ok());
        for bad in [
            "",
            "MyCap",
            "-cap",
            "cap-",
            "cap_1",
            "cap.1",
            &"a".repeat(64),
        ] {
            let e = check_capture_name(bad).unwrap_err();
            assert!(e.contains("capture name"), "{e}");
        }
        assert!(check_capture_name(&generate_capture_name()).is_ok());
    }

    #[test]
    fn new_capture_names_leave_room_for_the_sniffer_names() {
        let longest = "c".repeat(MAX_CAPTURE_NAME);
        check_new_capture_name(&longest).unwrap();
        assert_eq!(sniffer_pod_name(&longest, "ns", "pod", 1).len(), 63);
        let e = check_new_capture_name(&format!("{longest}c")).unwrap_err();
        assert!(e.contains("47 characters long: at most 46"), "{e}");
        assert!(check_new_capture_name("Bad").is_err());
        check_new_capture_name(&generate_capture_name()).unwrap();
    }

    #[test]
    fn generated_names_look_like_the_original() {
        let n = generate_capture_name();
        assert_eq!(n.len(), "dumpy-49366665".len());
        assert!(n[6..].chars().all(|c| c.is_ascii_digit()));
    }

    #[test]
    fn sniffer_names_are_stable_and_distinct() {
        let a = sniffer_pod_name("cap", "ns", "pod-a", 1);
        assert_eq!(a, sniffer_pod_name("cap", "ns", "pod-a", 1));
        assert_ne!(a, sniffer_pod_name("cap", "ns", "pod-a", 2));
        assert_ne!(a, sniffer_pod_name("cap", "ns", "pod-b", 1));
        assert!(a.starts_with("sniffer-cap-") && a.len() == "sniffer-cap-".len() + 8);
    }

    #[test]
    fn stems_fit_file_names() {
        assert_eq!(file_stem("cap", "web-0", 1), "cap-web-0");
        assert_eq!(file_stem("cap", "web-0", 3), "cap-web-0-g3");
        let long = file_stem(&"c".repeat(63), &"p".repeat(253), 12);
        assert!(long.len() + "-000001.pcapng".len() < 255, "{}", long.len());
        assert_ne!(
            long,
            file_stem(&"c".repeat(63), &format!("{}q", "p".repeat(252)), 12)
        );
    }

    #[test]
    fn labels_are_all_valid() {
        let labels = sniffer_labels("cap", &"p".repeat(200), &"n".repeat(100), 2);
        for (k, v) in &labels {
            assert!(is_valid_label_value(v), "{k}={v}");
        }
        assert_eq!(labels[CAPTURE_KEY], "cap");
        assert_eq!(labels[NAME_KEY], "dumpy");
        assert_eq!(labels[COMPONENT_KEY], "sniffer");
        assert_eq!(labels[MANAGED_BY_KEY], "kubectl-dumpy");
        assert_eq!(labels[GENERATION_KEY], "2");
    }
}
