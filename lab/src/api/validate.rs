//! Server-side validation, with the messages real API servers give, for what the plugin and
//! kubectl send: object names, label keys and values, annotation size, and the pod fields
//! that must be present.

use serde_json::Value;

pub type Causes = Vec<(String, String)>;

const DNS1123_LABEL_MSG: &str = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1123_SUBDOMAIN_MSG: &str = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_VALUE_MSG: &str = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const QUALIFIED_NAME_MSG: &str = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

pub fn is_dns1123_label(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && b.len() <= 63
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
        && b[0] != b'-'
        && b[b.len() - 1] != b'-'
}

pub fn is_dns1123_subdomain(s: &str) -> bool {
    s.len() <= 253 && s.split('.').all(is_dns1123_label)
}

fn is_label_value(s: &str) -> bool {
    let b = s.as_bytes();
    b.is_empty()
        || (b
            .iter()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.'))
            && b[0].is_ascii_alphanumeric()
            && b[b.len() - 1].is_ascii_alphanumeric())
}

fn q(s: &str) -> String {
    serde_json::to_string(s).unwrap()
}

fn check_label_name(field: &str, s: &str, out: &mut Causes) {
    if s.len() > 253 {
        out.push((
            field.into(),
            "Too long: may not be more than 253 bytes".to_string(),
        ));
    } else if !is_dns1123_subdomain(s) {
        out.push((
            field.into(),
            format!("Invalid value: {}: {DNS1123_SUBDOMAIN_MSG}", q(s)),
        ));
    }
}

fn check_dns_label(field: &str, s: &str, out: &mut Causes) {
    if s.len() > 63 {
        out.push((
            field.into(),
            format!(
                "Invalid value: {}: must be no more than 63 characters",
                q(s)
            ),
        ));
    } else if !is_dns1123_label(s) {
        out.push((
            field.into(),
            format!("Invalid value: {}: {DNS1123_LABEL_MSG}", q(s)),
        ));
    }
}

/// A qualified name (label or annotation key): optional DNS subdomain prefix, '/', name ≤ 63.
fn check_qualified_name(field: &str, key: &str, out: &mut Causes) {
    let (prefix, name) = match key.split_once('/') {
        Some((p, n)) => (Some(p), n),
        None => (None, key),
    };
    if let Some(p) = prefix {
        if p.is_empty() || !is_dns1123_subdomain(p) {
            out.push((
                field.into(),
                format!(
                    "Invalid value: {}: prefix part {DNS1123_SUBDOMAIN_MSG}",
                    q(key)
                ),
            ));
            return;
        }
    }
    if name.is_empty() {
        out.push((
            field.into(),
            format!("Invalid value: {}: name part must be non-empty", q(key)),
        ));
    } else if name.len() > 63 {
        out.push((
            field.into(),
            format!(
                "Invalid value: {}: name part must be no more than 63 characters",
                q(key)
            ),
        ));
    } else if !is_label_value(name) {
        out.push((
            field.into(),
            format!("Invalid value: {}: {QUALIFIED_NAME_MSG}", q(key)),
        ));
    }
}

/// metadata: name (DNS-1123 subdomain, or label for namespaces), labels, annotations.
pub fn metadata(obj: &Value, name_is_label: bool, out: &mut Causes) {
    let m = &obj["metadata"];
    let name = m["name"].as_str().unwrap_or("");
    if name.is_empty() {
        out.push((
            "metadata.name".into(),
            "Required value: name or generateName is required".into(),
        ));
    } else if name_is_label {
        check_dns_label("metadata.name", name, out);
    } else {
        check_label_name("metadata.name", name, out);
    }
    if let Some(labels) = m["labels"].as_object() {
        for (k, v) in labels {
            check_qualified_name("metadata.labels", k, out);
            match v.as_str() {
                Some(v) if v.len() > 63 => out.push((
                    "metadata.labels".into(),
                    format!(
                        "Invalid value: {}: must be no more than 63 characters",
                        q(v)
                    ),
                )),
                Some(v) if !is_label_value(v) => out.push((
                    "metadata.labels".into(),
                    format!("Invalid value: {}: {LABEL_VALUE_MSG}", q(v)),
                )),
                Some(_) => {}
                None => out.push((
                    "metadata.labels".into(),
                    format!("Invalid value: {v}: label values must be strings"),
                )),
            }
        }
    }
    if let Some(ann) = m["annotations"].as_object() {
        let mut total = 0;
        for (k, v) in ann {
            check_qualified_name("metadata.annotations", k, out);
            total += k.len() + v.as_str().map(str::len).unwrap_or(0);
        }
        if total > 256 * 1024 {
            out.push((
                "metadata.annotations".into(),
                "Too long: must have at most 262144 bytes".into(),
            ));
        }
    }
}

/// A pod spec (also used for the templates of workloads, under `prefix`).
pub fn pod_spec(spec: &Value, prefix: &str, out: &mut Causes) {
    let mut volumes = vec![];
    if let Some(vols) = spec["volumes"].as_array() {
        for (i, v) in vols.iter().enumerate() {
            let f = format!("{prefix}.volumes[{i}].name");
            let n = v["name"].as_str().unwrap_or("");
            if n.is_empty() {
                out.push((f, "Required value".into()));
            } else {
                check_dns_label(&f, n, out);
                if volumes.contains(&n) {
                    out.push((f, format!("Duplicate value: {}", q(n))));
                }
                volumes.push(n);
            }
            if let Some(hp) = v.get("hostPath") {
                if hp["path"].as_str().unwrap_or("").is_empty() {
                    out.push((
                        format!("{prefix}.volumes[{i}].hostPath.path"),
                        "Required value".into(),
                    ));
                }
            }
            if let Some(pvc) = v.get("persistentVolumeClaim") {
                if pvc["claimName"].as_str().unwrap_or("").is_empty() {
                    out.push((
                        format!("{prefix}.volumes[{i}].persistentVolumeClaim.claimName"),
                        "Required value".into(),
                    ));
                }
            }
        }
    }
    let containers = spec["containers"].as_array();
    if containers.is_none_or(|c| c.is_empty()) {
        out.push((format!("{prefix}.containers"), "Required value".into()));
    }
    let mut names = vec![];
    for (i, c) in containers.into_iter().flatten().enumerate() {
        let p = format!("{prefix}.containers[{i}]");
        let n = c["name"].as_str().unwrap_or("");
        if n.is_empty() {
            out.push((format!("{p}.name"), "Required value".into()));
        } else {
            check_dns_label(&format!("{p}.name"), n, out);
            if names.contains(&n) {
                out.push((format!("{p}.name"), format!("Duplicate value: {}", q(n))));
            }
            names.push(n);
        }
        if c["image"].as_str().unwrap_or("").is_empty() {
            out.push((format!("{p}.image"), "Required value".into()));
        }
        for (j, m) in c["volumeMounts"]
            .as_array()
            .into_iter()
            .flatten()
            .enumerate()
        {
            let mn = m["name"].as_str().unwrap_or("");
            if !volumes.contains(&mn) {
                out.push((
                    format!("{p}.volumeMounts[{j}].name"),
                    format!("Not found: {}", q(mn)),
                ));
            }
            if m["mountPath"].as_str().unwrap_or("").is_empty() {
                out.push((
                    format!("{p}.volumeMounts[{j}].mountPath"),
                    "Required value".into(),
                ));
            }
        }
        for (j, e) in c["env"].as_array().into_iter().flatten().enumerate() {
            if e["name"].as_str().unwrap_or("").is_empty() {
                out.push((format!("{p}.env[{j}].name"), "Required value".into()));
            }
        }
        if let Some(probe) = c.get("readinessProbe") {
            if let Some(exec) = probe.get("exec") {
                if exec["command"].as_array().is_none_or(|a| a.is_empty()) {
                    out.push((
                        format!("{p}.readinessProbe.exec.command"),
                        "Required value".into(),
                    ));
                }
            }
        }
    }
    if let Some(rp) = spec["restartPolicy"].as_str() {
        if !["Always", "OnFailure", "Never"].contains(&rp) {
            out.push((
                format!("{prefix}.restartPolicy"),
                format!(
                    "Unsupported value: {}: supported values: \"Always\", \"OnFailure\", \"Never\"",
                    q(rp)
                ),
            ));
        }
    }
    for (i, t) in spec["tolerations"]
        .as_array()
        .into_iter()
        .flatten()
        .enumerate()
    {
        if let Some(op) = t["operator"].as_str() {
            if !["Exists", "Equal"].contains(&op) {
                out.push((
                    format!("{prefix}.tolerations[{i}].operator"),
                    format!(
                        "Unsupported value: {}: supported values: \"Equal\", \"Exists\"",
                        q(op)
                    ),
                ));
            }
            if op == "Exists" && !t["value"].as_str().unwrap_or("").is_empty() {
                out.push((
                    format!("{prefix}.tolerations[{i}].operator"),
                    "Invalid value: \"Exists\": value must be empty when `operator` is 'Exists'"
                        .into(),
                ));
            }
        }
    }
    if let Some(n) = spec["nodeName"].as_str() {
        if !n.is_empty() && !is_dns1123_subdomain(n) {
            out.push((
                format!("{prefix}.nodeName"),
                format!("Invalid value: {}: {DNS1123_SUBDOMAIN_MSG}", q(n)),
            ));
        }
    }
}

/// All checks for an object of `plural`.
pub fn object(plural: &str, obj: &Value) -> Causes {
    let mut out = vec![];
    metadata(obj, plural == "namespaces", &mut out);
    match plural {
        "pods" => pod_spec(&obj["spec"], "spec", &mut out),
        "deployments" | "replicasets" | "daemonsets" | "statefulsets" => {
            if obj["spec"]["selector"].is_null() {
                out.push(("spec.selector".into(), "Required value".into()));
            }
            pod_spec(
                &obj["spec"]["template"]["spec"],
                "spec.template.spec",
                &mut out,
            );
        }
        _ => {}
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn names_follow_rfc1123() {
        assert!(is_dns1123_label("web-0"));
        assert!(!is_dns1123_label("Web"));
        assert!(!is_dns1123_label("-a"));
        assert!(!is_dns1123_label(&"a".repeat(64)));
        assert!(is_dns1123_subdomain("a.b-c"));
        assert!(!is_dns1123_subdomain("a..b"));
    }

    #[test]
    fn long_label_value_is_rejected() {
        let pod = json!({"metadata": {"name": "p", "labels": {"dumpy.io/target": "x".repeat(64)}},
                         "spec": {"containers": [{"name": "c", "image": "i"}]}});
        let causes = object("pods", &pod);
        assert_eq!(causes.len(), 1, "{causes:?}");
        assert!(causes[0].1.contains("must be no more than 63 characters"));
    }

    #[test]
    fn pod_without_containers_or_image_is_rejected() {
        let pod = json!({"metadata": {"name": "p"}, "spec": {"containers": [{"name": "c"}]}});
        assert_eq!(
            object("pods", &pod),
            vec![(
                "spec.containers[0].image".to_string(),
                "Required value".to_string()
            )]
        );
        let pod = json!({"metadata": {"name": "p"}, "spec": {}});
        assert_eq!(object("pods", &pod)[0].0, "spec.containers");
    }

    #[test]
    fn mount_of_unknown_volume_is_rejected() {
        let pod = json!({"metadata": {"name": "p"}, "spec": {"containers": [
            {"name": "c", "image": "i", "volumeMounts": [{"name": "nope", "mountPath": "/x"}]}]}});
        assert!(object("pods", &pod)[0].1.starts_with("Not found"));
    }
}
