//! Image references (`-i`), checked by the grammar of the distribution project's `reference`
//! package, which the kubelet applies before it pulls: a malformed reference would otherwise
//! become a sniffer pod that fails with `InvalidImageName` after `Dumpy init`.
//!
//! ```text
//! reference  := name [ ":" tag ] [ "@" digest ]
//! name       := [domain '/'] path-component ['/' path-component]*   (at most 255 characters)
//! domain     := host [':' port]
//! tag        := [\w][\w.-]{0,127}
//! digest     := algorithm ":" hex (at least 32 hex digits)
//! ```

use regex::Regex;
use std::sync::LazyLock;

/// The expressions of distribution/reference's regexp.go, anchored.
static REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    let alnum = "[a-z0-9]+";
    let separator = "(?:[._]|__|[-]+)";
    let path_component = format!("{alnum}(?:{separator}{alnum})*");
    let domain_component = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    let domain_name = format!("{domain_component}(?:\\.{domain_component})*");
    let ipv6 = r"\[(?:[a-fA-F0-9:]+)\]";
    let host = format!("(?:{domain_name}|{ipv6})");
    let domain = format!("{host}(?::[0-9]+)?");
    let name = format!("(?P<name>(?:{domain}/)?{path_component}(?:/{path_component})*)");
    let tag = r"[\w][\w.-]{0,127}";
    let digest = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
    Regex::new(&format!("^{name}(?::{tag})?(?:@{digest})?$")).expect("reference grammar")
});

/// Longest repository name the grammar allows.
const NAME_MAX: usize = 255;

/// Checks an image reference; the error names the flag and shows the expected shape.
pub fn check(image: &str) -> Result<(), String> {
    let shape =
        "use e.g. dumpy/sniffer:0.1.0 or registry.example:5000/team/sniffer@sha256:<64 hex>";
    let Some(caps) = REFERENCE.captures(image) else {
        return Err(format!(
            "image {image:?} is not a valid image reference (repository names are lowercase; a tag follows ':' and a digest '@'): {shape}"
        ));
    };
    let name = &caps["name"];
    if name.len() > NAME_MAX {
        return Err(format!(
            "image {image:?} is not a valid image reference (its repository name is {} characters long, at most {NAME_MAX}): {shape}",
            name.len()
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn well_formed_references_pass() {
        for ok in [
            "dumpy/sniffer:0.1.0",
            "busybox",
            "docker.io/library/busybox:1.36",
            "localhost:5000/dumpy/sniffer",
            "registry.example:5000/team/sniffer@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
            "registry.example/a/b/c:v1_2.3-rc",
            "[2001:db8::1]:5000/sniffer:1",
            "Registry.Example/sniffer",
            "a__b/c--d:latest",
        ] {
            check(ok).unwrap_or_else(|e| panic!("{ok}: {e}"));
        }
    }

    #[test]
    fn malformed_references_are_refused() {
        for bad in [
            "",
            "Dumpy/Sniffer",
            "dumpy/sniffer:",
            "dumpy/sniffer:-x",
            "dumpy//sniffer",
            "dumpy/sniffer@sha256:abc",
            "dumpy sniffer",
            ":tag",
            "dumpy/sniffer:1:2",
            "/sniffer",
            "sniffer/",
            "-sniffer",
        ] {
            let e = check(bad).unwrap_err();
            assert!(
                e.contains("not a valid image reference") && e.contains("e.g."),
                "{bad:?}: {e}"
            );
        }
        let long = format!("{}/sniffer", "a".repeat(250));
        assert!(check(&long).unwrap_err().contains("at most 255"));
    }
}
