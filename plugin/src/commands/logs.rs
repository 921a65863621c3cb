//! `logs`: every sniffer's packet summaries (the sniffer pods' logs) in one stream, each line
//! prefixed as `kubectl logs --prefix` does (`[pod/NAME/sniffer] `). One log stream per
//! sniffer, all at once and without a cap; the lines are put in timestamp order (with `-f`,
//! as [`linemerge::Window`] allows), and with `-f` the command ends when the capture does (stopped,
//! restarted or deleted), when every stream has closed, or on Ctrl-C.

use crate::captures::{self, SnifferView};
use crate::cli::LogsArgs;
use crate::error::{Error, Result};
use crate::kube_ctx::Ctx;
use crate::labels;
use crate::linemerge::{self, Window};
use crate::podspec::CONTAINER_NAME;
use crate::progress::Reporter;
use futures::AsyncBufReadExt;
use k8s_openapi::api::core::v1::Pod;
use kube::api::{Api, ListParams, LogParams};
use std::collections::BTreeSet;
use std::io::Write;
use std::time::Duration;
use tokio::sync::{mpsc, watch};
use tokio::time::Instant;

/// How often a followed capture is checked for its end. Stopped sniffers keep running (so
/// `export` still works), so their log streams stay open: the capture's state says when the
/// lines are over.
const END_POLL: Duration = Duration::from_secs(2);

/// After the capture has ended, how long the streams still get for their last lines.
const END_GRACE: Duration = Duration::from_secs(2);

/// What a sniffer's log task reports, with the sniffer's number.
enum Event {
    /// Its log stream is open.
    Opened(usize),
    /// One line, without its prefix.
    Line(usize, String),
    /// The stream ended.
    Closed(usize),
    /// The sniffer could not be reached, or its stream broke: why.
    Failed(usize, String),
}

pub async fn run(ctx: &Ctx, args: LogsArgs) -> Result<()> {
    let rep = Reporter::new(true);
    let namespace = ctx.namespace_or_default(args.namespace.as_deref());
    let view = captures::get(&ctx.client, &namespace, &args.name).await?;
    // The capture's current sniffers, as `get` counts them; earlier generations have ended.
    // A sniffer whose pod is gone (Lost, no phase) has no log left to read.
    let sniffers: Vec<SnifferView> = view
        .sniffers
        .into_iter()
        .filter(|s| s.generation == view.generation && !s.phase.is_empty())
        .collect();
    let pods: Api<Pod> = Api::namespaced(ctx.client.clone(), &namespace);
    let params = LogParams {
        container: Some(CONTAINER_NAME.into()),
        follow: args.follow,
        // The API takes whole seconds; round up so `--since 500ms` still means something.
        since_seconds: args
            .since
            .map(|d| i64::try_from(d.as_millis().div_ceil(1000).max(1)).unwrap_or(i64::MAX)),
        tail_lines: args.tail.map(i64::from),
        ..LogParams::default()
    };
    if args.follow {
        rep.note(format!(
            "Following {} sniffers of capture {} (Ctrl-C to end)",
            sniffers.len(),
            view.name
        ));
    }
    let (tx, mut rx) = mpsc::channel::<Event>(4096);
    let tasks: Vec<_> = sniffers
        .iter()
        .enumerate()
        .map(|(i, s)| {
            tokio::spawn(read_log(
                pods.clone(),
                i,
                s.name.clone(),
                params.clone(),
                tx.clone(),
            ))
        })
        .collect();
    drop(tx);
    let (ended_tx, mut ended) = watch::channel(false);
    let poller = args.follow.then(|| {
        let names: BTreeSet<String> = sniffers.iter().map(|s| s.name.clone()).collect();
        tokio::spawn(watch_end(pods.clone(), args.name.clone(), names, ended_tx))
    });

    let mut window = Window::new(
        args.follow.then_some(linemerge::WINDOW),
        sniffers
            .iter()
            .map(|s| format!("[pod/{}/{CONTAINER_NAME}] ", s.name))
            .collect(),
    );
    let mut out = std::io::stdout().lock();
    let mut unreached: Vec<(String, String)> = Vec::new();
    let mut end_at: Option<Instant> = None;
    let mut watching = args.follow;
    let interrupted = loop {
        let wake = [window.next_due().map(Instant::from_std), end_at]
            .into_iter()
            .flatten()
            .min();
        let lines = tokio::select! {
            ev = rx.recv() => {
                let now = std::time::Instant::now();
                match ev {
                    Some(Event::Opened(i)) => {
                        window.opened(i, now);
                        Vec::new()
                    }
                    Some(Event::Line(i, l)) => window.push(i, &l, now),
                    Some(Event::Closed(i)) => window.closed(i, now),
                    Some(Event::Failed(i, why)) => {
                        let pod = sniffers[i].name.clone();
                        rep.warn(format!("cannot read the log of pod/{pod}: {why}"));
                        unreached.push((pod, why));
                        window.closed(i, now)
                    }
                    None => break false,
                }
            }
            _ = tokio::time::sleep_until(wake.unwrap_or_else(Instant::now)), if wake.is_some() => {
                if end_at.is_some_and(|t| Instant::now() >= t) {
                    break false;
                }
                window.ready(std::time::Instant::now())
            }
            r = ended.changed(), if watching && end_at.is_none() => {
                match r {
                    Ok(()) if *ended.borrow() => end_at = Some(Instant::now() + END_GRACE),
                    Ok(()) => {}
                    // No poller (not following): the streams' end ends the command.
                    Err(_) => watching = false,
                }
                Vec::new()
            }
            _ = tokio::signal::ctrl_c() => break true,
        };
        if !write_lines(&mut out, &lines) {
            break false;
        }
    };
    write_lines(&mut out, &window.drain());
    for t in &tasks {
        t.abort();
    }
    if let Some(p) = poller {
        p.abort();
    }
    if args.follow && !interrupted && end_at.is_some() {
        rep.note(format!("Capture {} has ended", view.name));
    }
    if !unreached.is_empty() {
        let names: Vec<String> = unreached.iter().map(|(p, _)| format!("pod/{p}")).collect();
        let line = format!(
            "could not reach {} of {} sniffers: {}",
            unreached.len(),
            sniffers.len(),
            names.join(", ")
        );
        if unreached.len() == sniffers.len() {
            // One reason for all (a 403 on pods/log, say) belongs in the error line itself.
            let why = &unreached[0].1;
            if unreached.iter().all(|(_, w)| w == why) {
                return Err(Error::new(format!("{line}: {why}")));
            }
            return Err(Error::new(line));
        }
        rep.warn(line);
    }
    Ok(())
}

/// Writes lines and flushes them, so a follower sees them now; false once stdout is closed
/// (`| head`), which ends the command quietly.
fn write_lines(out: &mut impl Write, lines: &[String]) -> bool {
    if lines.is_empty() {
        return true;
    }
    let mut ok = true;
    for l in lines {
        ok = ok && writeln!(out, "{l}").is_ok();
    }
    ok && out.flush().is_ok()
}

/// Streams one sniffer's log, line by line, prefixed with its pod.
async fn read_log(
    pods: Api<Pod>,
    i: usize,
    name: String,
    params: LogParams,
    tx: mpsc::Sender<Event>,
) {
    let reader = match pods.log_stream(&name, &params).await {
        Ok(r) => r,
        Err(e) => {
            let _ = tx.send(Event::Failed(i, Error::from(e).message)).await;
            return;
        }
    };
    if tx.send(Event::Opened(i)).await.is_err() {
        return;
    }
    futures::pin_mut!(reader);
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match reader.read_until(b'\n', &mut buf).await {
            Ok(0) => {
                let _ = tx.send(Event::Closed(i)).await;
                return;
            }
            Ok(_) => {
                let line = String::from_utf8_lossy(buf.strip_suffix(b"\n").unwrap_or(&buf));
                if tx.send(Event::Line(i, line.into_owned())).await.is_err() {
                    return;
                }
            }
            Err(e) => {
                let _ = tx
                    .send(Event::Failed(i, format!("the log stream broke: {e}")))
                    .await;
                return;
            }
        }
    }
}

/// Sets `ended` once every followed sniffer is stopped, finished or gone: the capture was
/// stopped, restarted (its earlier sniffers are marked stopped) or deleted.
async fn watch_end(
    pods: Api<Pod>,
    capture: String,
    followed: BTreeSet<String>,
    ended: watch::Sender<bool>,
) {
    let selector = labels::capture_selector(&capture);
    loop {
        tokio::time::sleep(END_POLL).await;
        // A failed check (a slow or restarting API server) is tried again next time.
        let Ok(list) = pods.list(&ListParams::default().labels(&selector)).await else {
            continue;
        };
        let views = captures::group(&list.items);
        let live = views
            .iter()
            .flat_map(|v| &v.sniffers)
            .filter(|s| followed.contains(&s.name))
            .any(|s| !s.stopped && s.phase != "Succeeded" && s.phase != "Failed");
        if !live {
            let _ = ended.send(true);
            return;
        }
    }
}
