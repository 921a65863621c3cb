//! Renders captures for `get`: the original's table and detail view, a wide table, JSON and
//! YAML. Pure functions of the [`CaptureView`] model, so their shape is tested exactly.

use crate::captures::CaptureView;
use crate::error::{Error, Result};
use comfy_table::{presets::NOTHING, CellAlignment, ContentArrangement, Table};
use k8s_openapi::chrono::{DateTime, Utc};

/// `-o` formats of `get`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Json,
    Yaml,
    Wide,
}

/// kubectl's compact age: `45s`, `12m`, `3h`, `2d`.
pub fn age(created: Option<DateTime<Utc>>, now: DateTime<Utc>) -> String {
    let Some(created) = created else {
        return "<unknown>".into();
    };
    let secs = (now - created).num_seconds().max(0);
    match secs {
        s if s < 120 => format!("{s}s"),
        s if s < 3600 * 2 => format!("{}m", s / 60),
        s if s < 86400 * 2 => format!("{}h", s / 3600),
        s => format!("{}d", s / 86400),
    }
}

/// A table in the original's style: upper-case headers, a row of dashes, columns two spaces
/// apart, no borders, no trailing spaces.
fn render_table(headers: &[&str], rows: Vec<Vec<String>>) -> String {
    let mut table = Table::new();
    table
        .load_style(NOTHING)
        .set_content_arrangement(ContentArrangement::Disabled);
    table.add_row(headers.to_vec());
    table.add_row(
        headers
            .iter()
            .map(|h| "-".repeat(h.len()))
            .collect::<Vec<_>>(),
    );
    for row in rows {
        table.add_row(row);
    }
    for column in table.column_iter_mut() {
        column
            .set_padding((0, 2))
            .set_cell_alignment(CellAlignment::Left);
    }
    let mut out = String::new();
    for line in table.lines() {
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn filters(c: &CaptureView) -> String {
    c.spec
        .as_ref()
        .map_or_else(String::new, |s| s.tcpdump_args.clone())
}

fn target_namespace(c: &CaptureView) -> String {
    c.spec
        .as_ref()
        .map_or_else(String::new, |s| s.target.namespace.clone())
}

/// The `get` table (`wide` adds state, generation, PVC, image and age).
pub fn table(captures: &[CaptureView], wide: bool, now: DateTime<Utc>) -> String {
    let mut headers = vec![
        "NAME",
        "NAMESPACE",
        "TARGET",
        "TARGETNAMESPACE",
        "TCPDUMPFILTERS",
        "SNIFFERS",
    ];
    if wide {
        headers.extend(["STATE", "GENERATION", "PVC", "IMAGE", "AGE"]);
    }
    let rows = captures
        .iter()
        .map(|c| {
            let mut row = vec![
                c.name.clone(),
                c.namespace.clone(),
                c.target_display(),
                target_namespace(c),
                filters(c),
                format!("{}/{}", c.ready, c.total),
            ];
            if wide {
                let spec = c.spec.as_ref();
                row.extend([
                    c.state.to_string(),
                    c.generation.to_string(),
                    spec.and_then(|s| s.pvc.clone())
                        .unwrap_or_else(|| "<none>".into()),
                    spec.map_or_else(String::new, |s| s.image.clone()),
                    age(c.created, now),
                ]);
            }
            row
        })
        .collect();
    render_table(&headers, rows)
}

/// `  12 packets, 0 dropped, 1 file, 4.1 kB` when the sniffer's status is known.
fn stats(s: &crate::captures::SnifferView) -> String {
    let Some(st) = &s.capture_status else {
        return String::new();
    };
    let bytes: u64 = st.files.iter().map(|f| f.size).sum();
    let files = st.files.len();
    format!(
        "  {} packets, {} dropped, {files} file{}, {}",
        st.packets_captured,
        st.packets_dropped,
        if files == 1 { "" } else { "s" },
        indicatif::HumanBytes(bytes)
    )
}

/// The detail view of one capture, in the original's layout, plus state, limits and the
/// sniffers of earlier generations (kept after `restart`, still exportable).
pub fn detail(c: &CaptureView) -> String {
    let spec = c.spec.as_ref();
    let s = |f: &dyn Fn(&crate::spec::CaptureSpec) -> String| spec.map_or_else(String::new, f);
    let mut out = String::new();
    out.push_str(&format!("name: {}\n", c.name));
    out.push_str(&format!("namespace: {}\n", c.namespace));
    out.push_str(&format!("tcpdumpfilters: {}\n", filters(c)));
    out.push_str(&format!("image: {}\n", s(&|s| s.image.clone())));
    out.push_str(&format!("state: {}\n", c.state));
    out.push_str(&format!("generation: {}\n", c.generation));
    out.push_str(&format!(
        "limits: {}\n",
        s(&|s| {
            let mut l = format!(
                "{} files of {} MB",
                s.limits.max_files, s.limits.max_file_size_mb
            );
            if let Some(g) = s.limits.rotate_seconds {
                l.push_str(&format!(", rotated every {g}s"));
            }
            l
        })
    ));
    out.push_str("targetSpec:\n");
    out.push_str(&format!("    name: {}\n", s(&|s| s.target.name.clone())));
    out.push_str(&format!("    namespace: {}\n", target_namespace(c)));
    out.push_str(&format!(
        "    type: {}\n",
        s(&|s| s.target.kind.to_string())
    ));
    if let Some(sel) = spec.and_then(|s| s.target.selector.clone()) {
        out.push_str(&format!("    selector: {sel}\n"));
    }
    let container = c
        .current()
        .map(|s| s.container.clone())
        .find(|c| !c.is_empty())
        .or_else(|| spec.and_then(|s| s.target.container.clone()))
        .unwrap_or_default();
    out.push_str(&format!("    container: {container}\n"));
    out.push_str("    items:\n");
    let width = c
        .sniffers
        .iter()
        .map(|s| s.target_pod.len())
        .max()
        .unwrap_or(0);
    for sn in c.current() {
        let runtime = sn
            .runtime
            .as_ref()
            .map_or_else(String::new, |r| format!(" ({r})"));
        out.push_str(&format!(
            "        {:width$}  <-----  {} [{}]{}{runtime}\n",
            sn.target_pod,
            sn.name,
            sn.status(),
            stats(sn)
        ));
    }
    let earlier: Vec<_> = c
        .sniffers
        .iter()
        .filter(|s| s.generation < c.generation)
        .collect();
    if !earlier.is_empty() {
        out.push_str("    earlier generations:\n");
        for sn in earlier {
            out.push_str(&format!(
                "        {:width$}  <-----  {} [{}] (generation {})\n",
                sn.target_pod,
                sn.name,
                sn.status(),
                sn.generation
            ));
        }
    }
    out.push('\n');
    out.push_str(&format!(
        "pvc: {}\n",
        s(&|s| s.pvc.clone().unwrap_or_default())
    ));
    out.push_str(&format!(
        "pullsecret: {}\n",
        s(&|s| s.pull_secret.clone().unwrap_or_default())
    ));
    out
}

/// JSON: one object for a named capture, an array for a listing.
pub fn json<T: serde::Serialize>(value: &T) -> Result<String> {
    serde_json::to_string_pretty(value)
        .map(|s| s + "\n")
        .map_err(|e| Error::new(e.to_string()))
}

pub fn yaml<T: serde::Serialize>(value: &T) -> Result<String> {
    serde_yaml::to_string(value).map_err(|e| Error::new(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::captures::fixtures::{sniffer, time};
    use crate::captures::group;
    use sniffer_contract::status::{FileEntry, State, Status};

    fn capture() -> CaptureView {
        group(&[
            sniffer(
                "sniffer-cap-aaaa",
                "web-58974b698b-fv9kb",
                1,
                "Running",
                true,
            ),
            sniffer(
                "sniffer-cap-bbbb",
                "web-58974b698b-vxxx6",
                1,
                "Running",
                true,
            ),
            sniffer(
                "sniffer-cap-cccc",
                "web-58974b698b-g44np",
                1,
                "Running",
                false,
            ),
        ])
        .remove(0)
    }

    #[test]
    fn table_has_the_original_shape() {
        let out = table(&[capture()], false, time("2026-11-26T10:05:00Z"));
        let expected = "\
NAME  NAMESPACE  TARGET          TARGETNAMESPACE  TCPDUMPFILTERS  SNIFFERS
----  ---------  ------          ---------------  --------------  --------
cap   dumpy-ns   deployment/web  shop             -i any port 80  2/3
";
        assert_eq!(out, expected);
    }

    #[test]
    fn wide_table_adds_columns() {
        let out = table(&[capture()], true, time("2026-11-26T13:00:00Z"));
        let lines: Vec<&str> = out.lines().collect();
        assert!(
            lines[0].ends_with("SNIFFERS  STATE     GENERATION  PVC     IMAGE                AGE"),
            "{out}"
        );
        assert!(
            lines[2].ends_with("2/3       Starting  1           <none>  dumpy/sniffer:0.1.0  3h"),
            "{out}"
        );
    }

    /// A deleted sniffer of three: `2/3` and `Lost` in the table, its line in the detail view.
    #[test]
    fn a_lost_sniffer_shows_in_table_and_detail() {
        let mut pods = crate::captures::fixtures::generation(
            &[("s-a", "web-a"), ("s-b", "web-b"), ("s-c", "web-c")],
            1,
        );
        pods.remove(2);
        let c = group(&pods).remove(0);
        let out = table(std::slice::from_ref(&c), true, time("2026-11-26T10:05:00Z"));
        let row = out.lines().nth(2).unwrap();
        assert!(row.contains("  2/3       Lost  "), "{out}");
        let d = detail(&c);
        assert!(
            d.contains("        web-c  <-----  s-c [Lost: the sniffer pod is gone (deleted, or evicted through the API)]\n"),
            "{d}"
        );
        assert!(d.contains("state: Lost\n"), "{d}");
    }

    #[test]
    fn detail_has_the_original_layout() {
        let out = detail(&capture());
        let expected = "\
name: cap
namespace: dumpy-ns
tcpdumpfilters: -i any port 80
image: dumpy/sniffer:0.1.0
state: Starting
generation: 1
limits: 10 files of 100 MB
targetSpec:
    name: web
    namespace: shop
    type: deployment
    container: nginx
    items:
        web-58974b698b-fv9kb  <-----  sniffer-cap-aaaa [Capturing]
        web-58974b698b-g44np  <-----  sniffer-cap-cccc [Starting]
        web-58974b698b-vxxx6  <-----  sniffer-cap-bbbb [Capturing]

pvc: 
pullsecret: 
";
        assert_eq!(out, expected);
    }

    #[test]
    fn detail_shows_sniffer_status_when_known() {
        let mut c = group(&[sniffer("s1", "web-1", 1, "Running", true)]).remove(0);
        c.sniffers[0].set_status(&Status {
            state: State::Capturing,
            pid: 7,
            pid_start: None,
            started_ms: None,
            ended_ms: None,
            interface: "any".into(),
            filter: "port 80".into(),
            packets_captured: 12,
            packets_received: 13,
            packets_dropped: 1,
            files: vec![FileEntry {
                name: "cap-web-1-000001.pcapng".into(),
                size: 4096,
            }],
            current: Some("cap-web-1-000001.pcapng".into()),
            message: None,
        });
        let out = detail(&c);
        assert!(
            out.contains(
                "web-1  <-----  s1 [Capturing]  12 packets, 1 dropped, 1 file, 4.00 KiB\n"
            ),
            "{out}"
        );
    }

    #[test]
    fn detail_names_a_runtime_that_is_not_the_default() {
        let mut c = group(&[sniffer("s1", "web-1", 1, "Running", true)]).remove(0);
        c.sniffers[0].runtime =
            Some("cri-o, no socket: the sniffer finds the container through /proc".into());
        let out = detail(&c);
        assert!(
            out.contains("web-1  <-----  s1 [Capturing] (cri-o, no socket: the sniffer finds the container through /proc)\n"),
            "{out}"
        );
    }

    #[test]
    fn detail_lists_earlier_generations() {
        let c = group(&[
            sniffer("s1", "web-1", 1, "Running", true),
            sniffer("s2", "web-1", 2, "Running", true),
        ])
        .remove(0);
        let out = detail(&c);
        assert!(
            out.contains("    items:\n        web-1  <-----  s2 [Capturing]\n"),
            "{out}"
        );
        assert!(
            out.contains(
                "earlier generations:\n        web-1  <-----  s1 [Capturing] (generation 1)\n"
            ),
            "{out}"
        );
    }

    #[test]
    fn json_and_yaml_carry_the_model() {
        let c = capture();
        let v: serde_json::Value = serde_json::from_str(&json(&c).unwrap()).unwrap();
        assert_eq!(v["name"], "cap");
        assert_eq!(v["ready"], 2);
        assert_eq!(v["spec"]["target"]["type"], "deployment");
        assert_eq!(v["sniffers"][0]["targetPod"], "web-58974b698b-fv9kb");
        let list: serde_json::Value =
            serde_json::from_str(&json(&vec![c.clone()]).unwrap()).unwrap();
        assert!(list.is_array());
        let y: serde_yaml::Value = serde_yaml::from_str(&yaml(&c).unwrap()).unwrap();
        assert_eq!(y["spec"]["tcpdumpArgs"].as_str(), Some("-i any port 80"));
        assert_eq!(y["sniffers"][2]["name"].as_str(), Some("sniffer-cap-bbbb"));
    }

    #[test]
    fn ages_read_like_kubectl() {
        let now = time("2026-11-26T10:00:00Z");
        assert_eq!(age(Some(time("2026-11-26T09:59:15Z")), now), "45s");
        assert_eq!(age(Some(time("2026-11-26T09:48:00Z")), now), "12m");
        assert_eq!(age(Some(time("2026-11-24T10:00:00Z")), now), "2d");
        assert_eq!(age(None, now), "<unknown>");
    }
}
