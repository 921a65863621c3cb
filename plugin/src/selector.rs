//! Label selectors: matchLabels and matchExpressions, both as the API's query string and as a
//! local match (used to double-check what the server returned and in tests).

use k8s_openapi::apimachinery::pkg::apis::meta::v1::LabelSelector;
use std::collections::BTreeMap;

/// The selector as a `labelSelector` query string, as kubectl writes it.
pub fn to_query(sel: &LabelSelector) -> String {
    let mut parts = Vec::new();
    for (k, v) in sel.match_labels.iter().flatten() {
        parts.push(format!("{k}={v}"));
    }
    for req in sel.match_expressions.iter().flatten() {
        let mut values = req.values.clone().unwrap_or_default();
        values.sort();
        let values = values.join(",");
        parts.push(match req.operator.as_str() {
            "In" => format!("{} in ({values})", req.key),
            "NotIn" => format!("{} notin ({values})", req.key),
            "Exists" => req.key.clone(),
            "DoesNotExist" => format!("!{}", req.key),
            // The API server rejects other operators on write; keep it visible if one appears.
            other => format!("{} {other} ({values})", req.key),
        });
    }
    parts.join(",")
}

/// Whether `labels` satisfy `sel`. An empty selector matches everything, as in the API.
pub fn matches(sel: &LabelSelector, labels: &BTreeMap<String, String>) -> bool {
    let labels_ok = sel
        .match_labels
        .iter()
        .flatten()
        .all(|(k, v)| labels.get(k) == Some(v));
    let exprs_ok = sel.match_expressions.iter().flatten().all(|req| {
        let values = req.values.as_deref().unwrap_or_default();
        let value = labels.get(&req.key);
        match req.operator.as_str() {
            "In" => value.is_some_and(|v| values.contains(v)),
            "NotIn" => !matches!(value, Some(v) if values.contains(v)),
            "Exists" => value.is_some(),
            "DoesNotExist" => value.is_none(),
            _ => false,
        }
    });
    labels_ok && exprs_ok
}

/// Whether a selector selects everything (workloads must not have one).
pub fn is_empty(sel: &LabelSelector) -> bool {
    sel.match_labels.iter().flatten().next().is_none()
        && sel.match_expressions.iter().flatten().next().is_none()
}

#[cfg(test)]
mod tests {
    use super::*;
    use k8s_openapi::apimachinery::pkg::apis::meta::v1::LabelSelectorRequirement;

    fn req(key: &str, op: &str, values: &[&str]) -> LabelSelectorRequirement {
        LabelSelectorRequirement {
            key: key.into(),
            operator: op.into(),
            values: if values.is_empty() {
                None
            } else {
                Some(values.iter().map(|s| s.to_string()).collect())
            },
        }
    }

    fn labels(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    fn selector() -> LabelSelector {
        LabelSelector {
            match_labels: Some(labels(&[("app", "web")])),
            match_expressions: Some(vec![
                req("tier", "In", &["front", "edge"]),
                req("canary", "DoesNotExist", &[]),
                req("zone", "NotIn", &["b"]),
                req("team", "Exists", &[]),
            ]),
        }
    }

    #[test]
    fn query_string_has_kubectl_syntax() {
        assert_eq!(
            to_query(&selector()),
            "app=web,tier in (edge,front),!canary,zone notin (b),team"
        );
    }

    #[test]
    fn match_expressions_are_honoured() {
        let sel = selector();
        let base = [("app", "web"), ("tier", "front"), ("team", "x")];
        assert!(matches(&sel, &labels(&base)));
        assert!(matches(
            &sel,
            &labels(&[
                ("app", "web"),
                ("tier", "edge"),
                ("team", "x"),
                ("zone", "a")
            ])
        ));
        // Each requirement can fail on its own.
        assert!(!matches(
            &sel,
            &labels(&[("app", "api"), ("tier", "front"), ("team", "x")])
        ));
        assert!(!matches(
            &sel,
            &labels(&[("app", "web"), ("tier", "back"), ("team", "x")])
        ));
        assert!(!matches(
            &sel,
            &labels(&[
                ("app", "web"),
                ("tier", "front"),
                ("team", "x"),
                ("canary", "1")
            ])
        ));
        assert!(!matches(
            &sel,
            &labels(&[
                ("app", "web"),
                ("tier", "front"),
                ("team", "x"),
                ("zone", "b")
            ])
        ));
        assert!(!matches(
            &sel,
            &labels(&[("app", "web"), ("tier", "front")])
        ));
    }

    #[test]
    fn empty_selector_matches_all() {
        let sel = LabelSelector::default();
        assert!(is_empty(&sel));
        assert!(matches(&sel, &labels(&[("a", "b")])));
        assert_eq!(to_query(&sel), "");
    }
}
