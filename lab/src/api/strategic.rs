//! Strategic merge patches, as far as kubectl sends them for the lab's kinds: like a JSON
//! merge patch, except that lists of named things (containers, env, volumes, ports, …) are
//! merged element by element on their merge key instead of being replaced, and the
//! `$setElementOrder`/`$retainKeys` directives are honoured or ignored harmlessly. Without
//! this, `kubectl set image deploy/web httpd=…` (which sends only `{name, image}` for the
//! container) would wipe the container's command.

use super::objects::merge_patch;
use serde_json::Value;

/// The merge key of a list field, as Kubernetes' API types declare it (`patchMergeKey`).
fn merge_key(field: &str) -> Option<&'static str> {
    Some(match field {
        "containers"
        | "initContainers"
        | "ephemeralContainers"
        | "env"
        | "volumes"
        | "imagePullSecrets"
        | "hostAliases"
        | "resourceClaims" => "name",
        "volumeMounts" => "mountPath",
        "volumeDevices" => "devicePath",
        "ports" => "containerPort",
        "conditions" => "type",
        _ => return None,
    })
}

/// Applies a strategic merge patch to `target`.
pub fn apply(target: &mut Value, patch: &Value) {
    let (Some(t), Some(p)) = (target.as_object_mut(), patch.as_object()) else {
        *target = patch.clone();
        return;
    };
    for (k, v) in p {
        if k.starts_with('$') {
            // $setElementOrder/…, $retainKeys, $deleteFromPrimitiveList/…, $patch: ordering and
            // pruning hints that change nothing for the patches kubectl sends here.
            continue;
        }
        if v.is_null() {
            t.remove(k);
            continue;
        }
        match (merge_key(k), v.as_array(), t.get_mut(k)) {
            (Some(key), Some(items), Some(Value::Array(existing))) => {
                merge_list(existing, items, key)
            }
            (_, _, Some(cur)) if v.is_object() && cur.is_object() => apply(cur, v),
            _ => {
                let mut fresh = Value::Null;
                merge_patch(&mut fresh, v);
                strip_directives(&mut fresh);
                t.insert(k.clone(), fresh);
            }
        }
    }
}

fn merge_list(existing: &mut Vec<Value>, items: &[Value], key: &str) {
    for item in items {
        let id = &item[key];
        let pos = existing.iter().position(|e| !id.is_null() && e[key] == *id);
        let delete = item["$patch"] == "delete";
        match (pos, delete) {
            (Some(i), true) => {
                existing.remove(i);
            }
            (Some(i), false) => apply(&mut existing[i], item),
            (None, true) => {}
            (None, false) => {
                let mut fresh = item.clone();
                strip_directives(&mut fresh);
                existing.push(fresh);
            }
        }
    }
}

fn strip_directives(v: &mut Value) {
    match v {
        Value::Object(m) => {
            m.retain(|k, _| !k.starts_with('$'));
            m.values_mut().for_each(strip_directives);
        }
        Value::Array(a) => a.iter_mut().for_each(strip_directives),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::apply;
    use serde_json::json;

    #[test]
    fn set_image_keeps_the_rest_of_the_container() {
        let mut d = json!({"spec": {"template": {"spec": {"containers": [
            {"name": "httpd", "image": "a:1", "command": ["httpd"]},
            {"name": "side", "image": "b:1"}]}}}});
        // What `kubectl set image deploy/web httpd=a:2` sends.
        apply(
            &mut d,
            &json!({"spec": {"template": {"spec": {
                "$setElementOrder/containers": [{"name": "httpd"}, {"name": "side"}],
                "containers": [{"image": "a:2", "name": "httpd"}]}}}}),
        );
        let cs = &d["spec"]["template"]["spec"]["containers"];
        assert_eq!(
            cs[0],
            json!({"name": "httpd", "image": "a:2", "command": ["httpd"]})
        );
        assert_eq!(cs[1]["image"], "b:1");
    }

    #[test]
    fn maps_merge_null_deletes_and_patch_delete_removes_an_element() {
        let mut d = json!({"metadata": {"annotations": {"a": "1", "b": "2"}},
                           "spec": {"containers": [{"name": "x"}, {"name": "y"}]}});
        apply(
            &mut d,
            &json!({"metadata": {"annotations": {"a": null, "c": "3"}},
                    "spec": {"containers": [{"name": "x", "$patch": "delete"}]}}),
        );
        assert_eq!(d["metadata"]["annotations"], json!({"b": "2", "c": "3"}));
        assert_eq!(d["spec"]["containers"], json!([{"name": "y"}]));
    }
}
