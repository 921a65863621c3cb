//! `export`: downloads each sniffer's capture through `sniffer export` (exec, so it works
//! after `stop` too), concurrently with progress; `--split` keeps rotated files apart,
//! `--merge` writes one time-ordered pcapng (FILE `-`: to stdout, progress then on stderr),
//! and DIR `-` streams live to stdout.

use crate::captures::{self, CaptureView, SnifferView};
use crate::cli::ExportArgs;
use crate::err;
use crate::error::{Error, Result};
use crate::exec;
use crate::kube_ctx::Ctx;
use crate::merge;
use crate::progress::Reporter;
use futures::{stream, StreamExt};
use indicatif::HumanBytes;
use k8s_openapi::api::core::v1::Pod;
use kube::api::Api;
use sniffer_contract::invocation::Control;
use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

/// The sniffers of each target pod, oldest generation first: one output file per pod.
pub fn by_target(view: &CaptureView) -> BTreeMap<String, Vec<SnifferView>> {
    let mut groups: BTreeMap<String, Vec<SnifferView>> = BTreeMap::new();
    for s in &view.sniffers {
        groups
            .entry(s.target_pod.clone())
            .or_default()
            .push(s.clone());
    }
    for g in groups.values_mut() {
        g.sort_by_key(|s| s.generation);
    }
    groups
}

/// `DIR/<capture>-<pod>.pcapng`.
pub fn pod_file(dir: &Path, capture: &str, pod: &str) -> PathBuf {
    dir.join(format!("{capture}-{pod}.pcapng"))
}

/// A file name reported by a sniffer, reduced to a plain name so it cannot escape DIR.
pub fn safe_file_name(name: &str) -> Option<&str> {
    let base = name.rsplit('/').next()?;
    (!base.is_empty() && base != "." && base != "..").then_some(base)
}

/// Removes a directory on drop (the temporary per-pod files of a `--merge` alone).
struct TempDir(PathBuf);
impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The name that means stdout, for DIR and for `--merge`.
const STDOUT: &str = "-";

/// `--merge -`: the merged pcapng goes to stdout.
fn merge_to_stdout(args: &ExportArgs) -> bool {
    args.merge.as_deref() == Some(Path::new(STDOUT))
}

/// Checks the argument combination before any cluster is contacted.
pub fn precheck(args: &ExportArgs) -> Result<()> {
    if merge_to_stdout(args) && std::io::stdout().is_terminal() {
        return Err(err!(
            "stdout is a terminal: pipe the merged pcapng, e.g. kubectl dumpy export {} --merge - | tshark -r -",
            args.name
        ));
    }
    // Arguments that do not fit together are usage errors (exit 2).
    match args.dir.as_deref() {
        Some("-") if args.split || args.merge.is_some() => Err(Error::usage(
            "export to `-` streams one live pcapng: drop --split and --merge",
        )),
        None if args.merge.is_none() => Err(Error::usage(format!(
            "export needs a DIR (or `-` to stream live, or --merge FILE): kubectl dumpy export {} DIR",
            args.name
        ))),
        None if args.split => Err(Error::usage(format!(
            "--split needs a DIR: kubectl dumpy export {} DIR --split",
            args.name
        ))),
        _ => Ok(()),
    }
}

pub async fn run(ctx: &Ctx, args: ExportArgs) -> Result<()> {
    let namespace = ctx.namespace_or_default(args.namespace.as_deref());
    let view = captures::get(&ctx.client, &namespace, &args.name).await?;
    let pods: Api<Pod> = Api::namespaced(ctx.client.clone(), &namespace);
    if args.dir.as_deref() == Some("-") {
        if args.split || args.merge.is_some() {
            return Err(err!(
                "export to `-` streams one live pcapng: drop --split and --merge"
            ));
        }
        return live(&pods, &view).await;
    }
    let merge_stdout = merge_to_stdout(&args);
    // With the merge on stdout, every line goes to stderr.
    let rep = Reporter::new(merge_stdout);
    let dir = match &args.dir {
        Some(d) => Some(PathBuf::from(d)),
        None if args.merge.is_some() => None,
        None => return Err(err!("export needs a DIR (or `-` to stream live, or --merge FILE): kubectl dumpy export {} DIR", args.name)),
    };
    if let Some(d) = &dir {
        std::fs::create_dir_all(d)
            .map_err(|e| err!("cannot create directory {}: {e}", d.display()))?;
    }
    // Sniffers whose pod is gone or not running: their files cannot be had. Each is named
    // now; the export of the others goes on, and the exit code says it was partial.
    let missing = view.missing();
    for (s, why) in &missing {
        rep.warn(format!(
            "no files for target pod {} (generation {}): sniffer {} is {why}",
            s.target_pod, s.generation, s.name
        ));
    }
    rep.line("Downloading capture dumps from sniffers:");
    let mut failures = Vec::new();

    // Per-pod files: in DIR, unless --split keeps them apart there and --merge still needs them.
    let mut _temp = None;
    let per_pod_dir = match (&dir, args.split, &args.merge) {
        (Some(d), false, _) => Some(d.clone()),
        (_, _, Some(merge_file)) => {
            let temp_root = std::env::temp_dir();
            let parent = if merge_stdout {
                temp_root.as_path()
            } else {
                merge_file
                    .parent()
                    .filter(|p| !p.as_os_str().is_empty())
                    .unwrap_or(Path::new("."))
            };
            let t = parent.join(format!(".dumpy-{}-{}", args.name, std::process::id()));
            std::fs::create_dir_all(&t).map_err(|e| err!("cannot create {}: {e}", t.display()))?;
            _temp = Some(TempDir(t.clone()));
            Some(t)
        }
        _ => None,
    };
    let mut downloaded = Vec::new();
    if let Some(pdir) = &per_pod_dir {
        let show = _temp.is_none();
        let (ok, mut failed) = download_per_pod(ctx, &pods, &view, pdir, show, &rep).await;
        downloaded = ok;
        failures.append(&mut failed);
    }
    if args.split {
        let d = dir.as_ref().expect("split has a DIR");
        failures.append(&mut download_split(ctx, &pods, &view, d, &rep).await);
    }
    if let Some(merge_file) = &args.merge {
        if downloaded.is_empty() {
            return Err(err!(
                "nothing to merge: no sniffer of capture {} could be exported",
                args.name
            ));
        }
        let (stats, to) = if merge_stdout {
            let stats = merge::merge_files_to(&downloaded, tokio::io::stdout()).await?;
            (stats, "stdout".to_string())
        } else {
            let stats = merge::merge_files(&downloaded, merge_file).await?;
            (stats, format!("path {}", merge_file.display()))
        };
        rep.line(format!(
            "Merged {} packets from {} interfaces ---> {to}",
            stats.packets, stats.interfaces
        ));
    }
    if !failures.is_empty() {
        return Err(err!(
            "{} exports failed: {}",
            failures.len(),
            failures.join("; ")
        ));
    }
    if !missing.is_empty() && !args.allow_missing {
        let pods: Vec<String> = missing
            .iter()
            .map(|(s, _)| format!("{} (sniffer {})", s.target_pod, s.name))
            .collect();
        return Err(err!(
            "{} of {} sniffers of capture {} had no files to export: {}; the others were exported; pass --allow-missing to accept a partial export",
            missing.len(),
            view.sniffers.len(),
            args.name,
            pods.join(", ")
        ));
    }
    Ok(())
}

/// Downloads one file per target pod (every generation, each file a section). Returns the
/// (pod, path) of each success and the failures.
async fn download_per_pod(
    ctx: &Ctx,
    pods: &Api<Pod>,
    view: &CaptureView,
    dir: &Path,
    show: bool,
    rep: &Reporter,
) -> (Vec<(String, PathBuf)>, Vec<String>) {
    // Pods whose sniffers are all gone were named as missing already.
    let groups: BTreeMap<String, Vec<SnifferView>> = by_target(view)
        .into_iter()
        .filter(|(_, g)| g.iter().any(SnifferView::is_running))
        .collect();
    let results: Vec<std::result::Result<(String, PathBuf), String>> = stream::iter(groups)
        .map(|(pod, sniffers)| {
            let path = pod_file(dir, &view.name, &pod);
            async move {
                let bar = rep.bytes(&pod);
                let r = download_group(pods, &sniffers, &path, &bar).await;
                bar.finish_and_clear();
                match r {
                    Ok(bytes) => {
                        if show {
                            rep.line(format!(
                                "  {pod} ---> path {} ({})",
                                path.display(),
                                HumanBytes(bytes)
                            ));
                        }
                        Ok((pod, path))
                    }
                    Err(e) => {
                        let _ = tokio::fs::remove_file(&path).await;
                        Err(format!("{pod}: {e}"))
                    }
                }
            }
        })
        .buffer_unordered(ctx.concurrency)
        .collect()
        .await;
    let mut ok = Vec::new();
    let mut failed = Vec::new();
    for r in results {
        match r {
            Ok(x) => ok.push(x),
            Err(e) => failed.push(e),
        }
    }
    ok.sort();
    (ok, failed)
}

async fn download_group(
    pods: &Api<Pod>,
    sniffers: &[SnifferView],
    path: &Path,
    bar: &indicatif::ProgressBar,
) -> Result<u64> {
    let running: Vec<&SnifferView> = sniffers.iter().filter(|s| s.is_running()).collect();
    if running.is_empty() {
        return Err(Error::new("no running sniffer holds its files"));
    }
    let file = tokio::fs::File::create(path)
        .await
        .map_err(|e| err!("cannot create {}: {e}", path.display()))?;
    let mut w = tokio::io::BufWriter::with_capacity(1 << 20, file);
    let mut total = 0;
    for s in running {
        let base = total;
        total += exec::stream(
            pods,
            &s.name,
            &Control::export(&s.output, false, None),
            &mut w,
            |n| bar.set_position(base + n),
        )
        .await?;
    }
    Ok(total)
}

/// Downloads every file of every sniffer as it is: DIR/<capture>-<pod>-000001.pcapng, …
async fn download_split(
    ctx: &Ctx,
    pods: &Api<Pod>,
    view: &CaptureView,
    dir: &Path,
    rep: &Reporter,
) -> Vec<String> {
    let sniffers: Vec<&SnifferView> = view.sniffers.iter().filter(|s| s.is_running()).collect();
    let results: Vec<Vec<String>> = stream::iter(sniffers)
        .map(|s| async move {
            let status = match exec::status(pods, &s.name, &s.output).await {
                Ok(st) => st,
                Err(e) => return vec![format!("{}: {e}", s.target_pod)],
            };
            let mut failed = Vec::new();
            for f in &status.files {
                let Some(name) = safe_file_name(&f.name) else {
                    failed.push(format!(
                        "{}: sniffer reported a bad file name {:?}",
                        s.target_pod, f.name
                    ));
                    continue;
                };
                let path = dir.join(name);
                let bar = rep.bytes(name);
                let r = async {
                    let file = tokio::fs::File::create(&path)
                        .await
                        .map_err(|e| err!("cannot create {}: {e}", path.display()))?;
                    let mut w = tokio::io::BufWriter::new(file);
                    exec::stream(
                        pods,
                        &s.name,
                        &Control::export(&s.output, false, Some(&f.name)),
                        &mut w,
                        |n| bar.set_position(n),
                    )
                    .await
                }
                .await;
                bar.finish_and_clear();
                match r {
                    Ok(bytes) => rep.line(format!(
                        "  {} ---> path {} ({})",
                        s.target_pod,
                        path.display(),
                        HumanBytes(bytes)
                    )),
                    Err(e) => {
                        let _ = tokio::fs::remove_file(&path).await;
                        failed.push(format!("{}: {e}", s.target_pod));
                    }
                }
            }
            failed
        })
        .buffer_unordered(ctx.concurrency)
        .collect()
        .await;
    results.into_iter().flatten().collect()
}

/// Streams the newest generation live to stdout as one pcapng.
async fn live(pods: &Api<Pod>, view: &CaptureView) -> Result<()> {
    if std::io::stdout().is_terminal() {
        return Err(err!("stdout is a terminal: pipe the stream, e.g. kubectl dumpy export {} - | wireshark -k -i -", view.name));
    }
    let current: Vec<&SnifferView> = view.current().filter(|s| s.is_running()).collect();
    if current.is_empty() {
        return Err(err!(
            "no running sniffer in capture {}: nothing to stream",
            view.name
        ));
    }
    let mut inputs = Vec::new();
    let mut procs = Vec::new();
    for s in current {
        let (reader, proc) = exec::export_reader(pods, &s.name, &s.output).await?;
        inputs.push((s.target_pod.clone(), reader));
        procs.push(proc);
    }
    eprintln!(
        "Streaming {} sniffers of capture {} to stdout (Ctrl-C to end)",
        inputs.len(),
        view.name
    );
    let mut stdout = tokio::io::stdout();
    tokio::select! {
        r = merge::live(inputs, &mut stdout) => { r?; }
        _ = tokio::signal::ctrl_c() => {}
    }
    for p in &procs {
        p.abort();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::captures::fixtures::sniffer;
    use crate::captures::group;

    #[test]
    fn one_file_per_target_pod_with_generations_in_order() {
        let view = group(&[
            sniffer("s3", "web-1", 2, "Running", true),
            sniffer("s1", "web-1", 1, "Running", true),
            sniffer("s2", "web-2", 1, "Running", true),
        ])
        .remove(0);
        let g = by_target(&view);
        assert_eq!(g.keys().collect::<Vec<_>>(), ["web-1", "web-2"]);
        assert_eq!(
            g["web-1"]
                .iter()
                .map(|s| s.name.as_str())
                .collect::<Vec<_>>(),
            ["s1", "s3"]
        );
        assert_eq!(
            pod_file(Path::new("/tmp/d"), "cap", "web-1"),
            PathBuf::from("/tmp/d/cap-web-1.pcapng")
        );
    }

    #[test]
    fn sniffer_file_names_cannot_escape_dir() {
        assert_eq!(
            safe_file_name("cap-web-1-000001.pcapng"),
            Some("cap-web-1-000001.pcapng")
        );
        assert_eq!(
            safe_file_name("/dumpy/cap-web-1-000002.pcapng"),
            Some("cap-web-1-000002.pcapng")
        );
        assert_eq!(safe_file_name("../../etc/passwd"), Some("passwd"));
        assert_eq!(safe_file_name(".."), None);
        assert_eq!(safe_file_name("x/"), None);
    }
}
