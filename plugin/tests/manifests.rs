//! The shipped manifests parse as what they claim to be, and the RBAC Roles grant exactly
//! the calls the plugin makes (no wildcards, nothing missing).

use k8s_openapi::api::rbac::v1::{ClusterRole, PolicyRule, Role};
use serde::Deserialize;

const RBAC: &str = include_str!("../../deploy/rbac.yaml");
const KREW: &str = include_str!("../../deploy/krew/dumpy.yaml");

fn documents() -> Vec<serde_yaml::Value> {
    serde_yaml::Deserializer::from_str(RBAC)
        .map(serde_yaml::Value::deserialize)
        .collect::<Result<Vec<_>, _>>()
        .unwrap()
        .into_iter()
        .filter(|d| !d.is_null())
        .collect()
}

fn grants(rules: &[PolicyRule], group: &str, resource: &str, verb: &str) -> bool {
    rules.iter().any(|r| {
        r.api_groups
            .as_deref()
            .unwrap_or_default()
            .iter()
            .any(|g| g == group)
            && r.resources
                .as_deref()
                .unwrap_or_default()
                .iter()
                .any(|x| x == resource)
            && r.verbs.iter().any(|v| v == verb)
    })
}

fn role(name: &str) -> Vec<PolicyRule> {
    documents()
        .into_iter()
        .filter(|d| d["kind"] == "Role")
        .map(|d| serde_yaml::from_value::<Role>(d).unwrap())
        .find(|r| r.metadata.name.as_deref() == Some(name))
        .unwrap_or_else(|| panic!("Role {name} missing"))
        .rules
        .unwrap()
}

#[test]
fn capture_role_covers_the_plugin_calls() {
    let rules = role("dumpy-capture");
    for (g, r, v) in [
        ("", "pods", "create"),
        ("", "pods", "delete"),
        ("", "pods", "list"),
        ("", "pods", "patch"),
        ("", "pods/exec", "create"),
        ("", "pods/exec", "get"),
        ("", "pods/log", "get"),
        ("", "persistentvolumeclaims", "get"),
    ] {
        assert!(grants(&rules, g, r, v), "{r} {v}");
    }
    assert!(!grants(&rules, "", "secrets", "get"));
    // The plugin never reads a sniffer pod by name, nor watches.
    assert!(!grants(&rules, "", "pods", "get"));
    assert!(!grants(&rules, "", "pods", "watch"));
}

#[test]
fn target_role_is_read_only() {
    let rules = role("dumpy-target");
    assert!(grants(&rules, "apps", "replicasets", "list"));
    assert!(grants(&rules, "apps", "deployments", "get"));
    for rule in &rules {
        for v in &rule.verbs {
            assert!(
                ["get", "list"].contains(&v.as_str()),
                "target role grants {v}"
            );
        }
    }
}

#[test]
fn no_wildcards_anywhere() {
    for d in documents() {
        let rules: Vec<PolicyRule> = match d["kind"].as_str() {
            Some("Role") => serde_yaml::from_value::<Role>(d).unwrap().rules.unwrap(),
            Some("ClusterRole") => serde_yaml::from_value::<ClusterRole>(d)
                .unwrap()
                .rules
                .unwrap(),
            other => panic!("unexpected kind {other:?}"),
        };
        for r in rules {
            let all = r
                .verbs
                .iter()
                .chain(r.resources.iter().flatten())
                .chain(r.api_groups.iter().flatten());
            assert!(all.into_iter().all(|s| s != "*"));
        }
    }
}

/// deploy/krew/dumpy.yaml is the template scripts/release fills (version, uri, sha256): its
/// placeholders must be the ones the release replaces, and it must name one archive per
/// platform the release builds, each installing the binary and its completion helper.
#[test]
fn krew_template_names_every_release_archive() {
    let m: serde_yaml::Value = serde_yaml::from_str(KREW).unwrap();
    assert_eq!(m["kind"], "Plugin");
    assert_eq!(m["metadata"]["name"], "dumpy");
    assert_eq!(m["spec"]["version"].as_str(), Some("v0.0.0"));
    let platforms = m["spec"]["platforms"].as_sequence().unwrap();
    let mut seen = Vec::new();
    for p in platforms {
        let os = p["selector"]["matchLabels"]["os"].as_str().unwrap();
        let arch = p["selector"]["matchLabels"]["arch"].as_str().unwrap();
        let (exe, ext) = if os == "windows" {
            (".exe", "zip")
        } else {
            ("", "tar.gz")
        };
        let uri = p["uri"].as_str().unwrap();
        assert!(
            uri.ends_with(&format!("/v0.0.0/kubectl-dumpy_{os}_{arch}.{ext}")),
            "{uri}"
        );
        assert_eq!(p["sha256"].as_str(), Some("0".repeat(64).as_str()));
        assert_eq!(
            p["bin"].as_str(),
            Some(format!("kubectl-dumpy{exe}").as_str())
        );
        let froms: Vec<&str> = p["files"]
            .as_sequence()
            .unwrap()
            .iter()
            .map(|f| f["from"].as_str().unwrap())
            .collect();
        assert_eq!(
            froms,
            [
                format!("kubectl-dumpy{exe}"),
                format!("kubectl_complete-dumpy{exe}"),
                "LICENSE".to_string()
            ]
        );
        seen.push(format!("{os}/{arch}"));
    }
    seen.sort();
    assert_eq!(
        seen,
        [
            "darwin/amd64",
            "darwin/arm64",
            "linux/amd64",
            "linux/arm64",
            "windows/amd64"
        ]
    );
}
