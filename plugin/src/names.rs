//! Kubernetes object names, checked as the API server checks them, before a name reaches a
//! request path (`deployments/<name>`), a label selector (`dumpy.io/capture=<name>`) or a
//! label. kube-rs puts names into URLs as given, so `../secrets/foo` would otherwise become
//! `deployments/../secrets/foo`; `a,b=c` would add a term to a selector.
//!
//! Two rules cover every name dumpy handles: a DNS-1123 label (namespaces, containers,
//! capture names) and a DNS-1123 subdomain (pods, workloads, nodes, PVCs, secrets).

use crate::error::Error;
use crate::spec::{CaptureSpec, TargetKind};

/// The two shapes of Kubernetes names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// At most 63 lowercase letters, digits and `-`, starting and ending with a letter or
    /// digit.
    Label,
    /// At most 253 characters: DNS-1123 labels joined by `.`.
    Subdomain,
}

impl Rule {
    fn max_len(self) -> usize {
        match self {
            Rule::Label => 63,
            Rule::Subdomain => 253,
        }
    }

    /// What a valid name looks like, for the error line.
    fn looks_like(self) -> &'static str {
        match self {
            Rule::Label => "a DNS-1123 label: lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters, e.g. \"web-1\"",
            Rule::Subdomain => "a DNS-1123 subdomain: lowercase letters, digits, '-' and '.', each dot-separated part starting and ending with a letter or digit, at most 253 characters, e.g. \"web-1\" or \"web.v2\"",
        }
    }
}

/// Why `name` breaks `rule` (`it contains '/'`), or None when it is valid.
fn problem(name: &str, rule: Rule) -> Option<String> {
    if name.is_empty() {
        return Some("is empty".into());
    }
    let len = name.chars().count();
    if len > rule.max_len() {
        return Some(format!("it is {len} characters long"));
    }
    if let Some(c) = name.chars().find(|c| c.is_ascii_uppercase()) {
        return Some(format!("it contains upper case {c:?}"));
    }
    let allowed = |c: char| {
        c.is_ascii_lowercase()
            || c.is_ascii_digit()
            || c == '-'
            || (c == '.' && rule == Rule::Subdomain)
    };
    if let Some(c) = name.chars().find(|c| !allowed(*c)) {
        return Some(format!("it contains {c:?}"));
    }
    // Each dot-separated part (the whole name for a label) starts and ends alphanumeric,
    // which also rules out `.`, `..` and empty parts.
    for part in name.split('.') {
        let whose = if part == name {
            "it".to_string()
        } else {
            format!("its part {part:?}")
        };
        match (part.chars().next(), part.chars().last()) {
            (None, _) | (_, None) => return Some("it has an empty part between dots".into()),
            (Some(c), _) if !c.is_ascii_alphanumeric() => {
                return Some(format!("{whose} starts with {c:?}"))
            }
            (_, Some(c)) if !c.is_ascii_alphanumeric() => {
                return Some(format!("{whose} ends with {c:?}"))
            }
            _ => {}
        }
    }
    None
}

/// Checks `name`, described to the user as `what` (e.g. `namespace (-n)`), against `rule`:
/// one line saying what is wrong and what a valid name looks like.
pub fn check(what: &str, name: &str, rule: Rule) -> Result<(), String> {
    match problem(name, rule) {
        None => Ok(()),
        Some(p) if name.is_empty() => Err(format!("{what} {p}: use {}", rule.looks_like())),
        Some(p) => Err(format!(
            "{what} {name:?} is not a valid Kubernetes name ({p}): use {}",
            rule.looks_like()
        )),
    }
}

/// [`check`] for a name the user typed: a usage error.
pub fn usage(what: &str, name: &str, rule: Rule) -> Result<(), Error> {
    check(what, name, rule).map_err(Error::usage)
}

/// [`check`] for each name given on the command line (see `Command::names`).
pub fn usage_all(names: &[(String, Option<&str>, Rule)]) -> Result<(), Error> {
    for (what, name, rule) in names {
        if let Some(n) = name {
            usage(what, n, *rule)?;
        }
    }
    Ok(())
}

/// Checks the names in a capture spec read back from a sniffer's annotation (for `restart`):
/// anyone who can edit a sniffer pod could otherwise steer the user's requests elsewhere.
pub fn check_spec(spec: &CaptureSpec) -> Result<(), String> {
    let t = &spec.target;
    fn optional(n: &Option<String>) -> Option<&str> {
        n.as_deref().filter(|n| !n.is_empty())
    }
    let names = [
        ("capture name", Some(spec.name.as_str()), Rule::Label),
        ("namespace", Some(spec.namespace.as_str()), Rule::Label),
        (
            t.kind.as_str(),
            Some(t.name.as_str()).filter(|n| !n.is_empty()),
            Rule::Subdomain,
        ),
        (
            "target namespace",
            Some(t.namespace.as_str()).filter(|_| t.kind != TargetKind::Node),
            Rule::Label,
        ),
        ("container", optional(&t.container), Rule::Label),
        ("PVC", optional(&spec.pvc), Rule::Subdomain),
        ("pull secret", optional(&spec.pull_secret), Rule::Subdomain),
    ];
    for (what, name, rule) in names {
        if let Some(n) = name {
            check(what, n, rule)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_names() {
        for n in ["web", "web-1", "0", "a".repeat(63).as_str()] {
            check("x", n, Rule::Label).unwrap();
            check("x", n, Rule::Subdomain).unwrap();
        }
        check("x", "web-7c5d.v2.example", Rule::Subdomain).unwrap();
        check(
            "x",
            &format!("{}.{}", "a".repeat(63), "b".repeat(189)),
            Rule::Subdomain,
        )
        .unwrap();
    }

    #[test]
    fn invalid_names_say_what_and_how() {
        for (name, rule, why) in [
            ("", Rule::Label, "is empty"),
            ("../x", Rule::Subdomain, "(it contains '/')"),
            ("..", Rule::Subdomain, "(it has an empty part between dots)"),
            (".", Rule::Subdomain, "empty part"),
            ("a/b", Rule::Subdomain, "contains '/'"),
            ("a..b", Rule::Subdomain, "empty part"),
            ("a.-b", Rule::Subdomain, "(its part \"-b\" starts with '-')"),
            ("a.b-", Rule::Subdomain, "part \"b-\" ends with '-'"),
            ("Web", Rule::Label, "(it contains upper case 'W')"),
            ("web.v2", Rule::Label, "contains '.'"),
            ("-web", Rule::Label, "(it starts with '-')"),
            ("web-", Rule::Label, "(it ends with '-')"),
            ("a,b=c", Rule::Label, "contains ','"),
            ("a b", Rule::Subdomain, "contains ' '"),
            ("wéb", Rule::Subdomain, "contains 'é'"),
            ("a%2f", Rule::Subdomain, "contains '%'"),
            (&"a".repeat(64), Rule::Label, "(it is 64 characters long)"),
            (&"a".repeat(254), Rule::Subdomain, "254 characters long"),
        ] {
            let e = check("deployment name", name, rule).unwrap_err();
            assert!(e.starts_with("deployment name"), "{name:?}: {e}");
            assert!(e.contains(why), "{name:?}: {e}");
            assert!(e.contains("DNS-1123") && e.contains("e.g."), "{e}");
            assert!(!e.contains('\n'));
        }
        assert_eq!(
            usage("namespace (-n)", "A", Rule::Label).unwrap_err().code,
            crate::error::EXIT_USAGE
        );
    }

    #[test]
    fn specs_from_annotations_are_checked() {
        let mut spec = crate::spec::fixtures::capture_spec();
        check_spec(&spec).unwrap();
        spec.target.name = "../secrets/foo".into();
        assert!(check_spec(&spec)
            .unwrap_err()
            .starts_with("deployment \"../secrets/foo\""));
        let mut spec = crate::spec::fixtures::capture_spec();
        spec.pvc = Some("a/b".into());
        assert!(check_spec(&spec).unwrap_err().starts_with("PVC"));
        // Node captures have no target namespace; selector captures no target name.
        let mut spec = crate::spec::fixtures::capture_spec();
        spec.target.kind = TargetKind::Node;
        spec.target.namespace.clear();
        check_spec(&spec).unwrap();
        spec.target.kind = TargetKind::Pod;
        spec.target.name.clear();
        spec.target.namespace = "shop".into();
        check_spec(&spec).unwrap();
    }
}
