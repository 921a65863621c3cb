//! `up`, `down`, `env`, `status` and the background server (`serve`): the lab's life from
//! start to a clean machine. Everything made is either under the state directory or found
//! by name (netns `dlab-*`, links `dlv*`/`dlab0`) or label (containers `dumpy-lab=1`), or
//! is k3s's socket path as a symlink to containerd's (k3s nodes), so `down` — and `up`
//! after a crash — can remove it all.

use crate::agent::node_runtime::{self, Presented};
use crate::agent::{images, network, paths, pods, rootfs, runtime};
use crate::api::{self, App};
use crate::{controllers, fixtures};
use anyhow::{bail, Context, Result};
use nix::sys::signal::{kill, Signal};
use nix::unistd::Pid;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::AtomicUsize;
use std::sync::Arc;
use std::time::{Duration, Instant};

fn require_root() -> Result<()> {
    if !nix::unistd::geteuid().is_root() {
        bail!("run as root: the lab makes network namespaces and containerd containers");
    }
    Ok(())
}

fn server_pid(state: &Path) -> Option<Pid> {
    let pid: i32 = std::fs::read_to_string(paths::pid_file(state))
        .ok()?
        .trim()
        .parse()
        .ok()?;
    let alive = kill(Pid::from_raw(pid), None).is_ok();
    // A recycled pid must not be mistaken for the server: check its command line.
    let cmdline = std::fs::read_to_string(format!("/proc/{pid}/cmdline")).unwrap_or_default();
    (alive && cmdline.contains("serve")).then(|| Pid::from_raw(pid))
}

pub fn up(
    state: &Path,
    nodes: u16,
    runtimes: &[Presented],
    sniffer: Option<PathBuf>,
    sniffer_image: Option<PathBuf>,
    restart_backoff: Duration,
) -> Result<()> {
    require_root()?;
    if runtimes.len() > usize::from(nodes) {
        bail!(
            "--runtimes names {} runtimes for {nodes} nodes: give at most one per node",
            runtimes.len()
        );
    }
    let ok = Command::new("ctr")
        .arg("version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
    if !ok.is_ok_and(|s| s.success()) {
        bail!("containerd is not answering on /run/containerd/containerd.sock: start it with scripts/containerd-up");
    }
    if state.exists() || Path::new("/sys/class/net").join(network::BRIDGE).exists() {
        eprintln!("dumpy-lab: cleaning up an earlier lab first");
        down(state)?;
    }
    std::fs::create_dir_all(state)?;
    let sniffer = match sniffer {
        Some(s) => s,
        None => std::env::current_exe()?.with_file_name("sniffer"),
    };
    if !sniffer.exists() {
        // Workloads and kubectl work without it; only sniffer pods need it.
        eprintln!(
            "dumpy-lab: warning: sniffer binary {} not found (cargo build -p sniffer, or --sniffer PATH): sniffer pods will fail to start",
            sniffer.display()
        );
    }
    rootfs::build(state, Some(sniffer.as_path()).filter(|s| s.exists()))?;
    let mut imported = vec![];
    match images::find_mkoci() {
        Some(mkoci) => {
            let archive = state.join("workload.oci.tar");
            let rootfs = paths::rootfs(state, rootfs::WORKLOAD);
            imported.push(images::build_and_import(
                &mkoci,
                &rootfs,
                fixtures::WORKLOAD_IMAGE,
                &archive,
            )?);
        }
        None => eprintln!(
            "dumpy-lab: warning: images/mkoci not found; workloads run from a rootfs directory"
        ),
    }
    if let Some(archive) = sniffer_image {
        imported.push(images::import(&archive)?);
    }
    std::fs::write(paths::images_file(state), imported.join("\n"))?;
    if runtimes.contains(&Presented::K3s) {
        if let Err(e) = node_runtime::link_k3s_socket() {
            let _ = down(state);
            return Err(e);
        }
    }
    let runtime_names: Vec<&str> = runtimes.iter().map(|r| r.flag_name()).collect();
    let log = std::fs::File::create(paths::server_log(state))?;
    let mut server = Command::new(std::env::current_exe()?);
    server
        .arg("--state-dir")
        .arg(state)
        .args(["serve", "--nodes", &nodes.to_string()])
        .arg("--restart-backoff")
        .arg(format!("{}ms", restart_backoff.as_millis()));
    if !runtimes.is_empty() {
        server.args(["--runtimes", &runtime_names.join(",")]);
    }
    let mut child = server
        .stdin(Stdio::null())
        .stdout(log.try_clone()?)
        .stderr(log)
        .process_group(0)
        .spawn()
        .context("starting the lab server")?;
    std::fs::write(paths::pid_file(state), child.id().to_string())?;
    let deadline = Instant::now() + Duration::from_secs(180);
    while !paths::ready_file(state).exists() {
        if let Some(st) = child.try_wait()? {
            let log = std::fs::read_to_string(paths::server_log(state)).unwrap_or_default();
            let tail: Vec<&str> = log
                .lines()
                .rev()
                .take(15)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let _ = down(state);
            bail!(
                "the lab server exited ({st}) while starting:\n{}",
                tail.join("\n")
            );
        }
        if Instant::now() > deadline {
            let _ = down(state);
            bail!(
                "the lab did not become ready within 180 s; see {}",
                paths::server_log(state).display()
            );
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    println!("{}", paths::kubeconfig(state).display());
    Ok(())
}

pub fn down(state: &Path) -> Result<()> {
    require_root()?;
    if let Some(pid) = server_pid(state) {
        let _ = kill(pid, Signal::SIGTERM);
        let deadline = Instant::now() + Duration::from_secs(30);
        while kill(pid, None).is_ok() && Instant::now() < deadline {
            // Reap it if it is our child (a failed `up`); otherwise just wait.
            let _ = nix::sys::wait::waitpid(pid, Some(nix::sys::wait::WaitPidFlag::WNOHANG));
            std::thread::sleep(Duration::from_millis(100));
        }
        if kill(pid, None).is_ok() {
            let _ = kill(pid, Signal::SIGKILL);
        }
    }
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    rt.block_on(cleanup_runtime());
    node_runtime::unlink_k3s_socket();
    // Images go after the containers that used them; the workload image by name too, in
    // case the state directory was lost.
    let recorded = std::fs::read_to_string(paths::images_file(state)).unwrap_or_default();
    for name in recorded
        .lines()
        .chain([images::normalize(fixtures::WORKLOAD_IMAGE).as_str()])
    {
        images::remove(name);
    }
    if state.exists() {
        std::fs::remove_dir_all(state).with_context(|| format!("removing {}", state.display()))?;
    }
    Ok(())
}

/// Removes every lab container and every lab netns and link.
async fn cleanup_runtime() {
    let ids = runtime::lab_containers().await;
    let removals = ids.iter().map(|id| runtime::remove(id));
    futures::future::join_all(removals).await;
    network::cleanup_all().await;
}

pub fn env(state: &Path) -> Result<()> {
    let kc = paths::kubeconfig(state);
    if server_pid(state).is_none() || !kc.exists() {
        bail!("the lab is not running: start it with `dumpy-lab up`");
    }
    println!("export KUBECONFIG={}", kc.display());
    Ok(())
}

/// `dumpy-lab user NAME [--group G]`: a kubeconfig (on stdout) for the running lab whose user
/// is a client certificate for NAME in group G, signed by the lab's CA.
pub fn user(state: &Path, name: &str, group: Option<&str>) -> Result<()> {
    use base64::Engine;
    let admin = std::fs::read_to_string(paths::kubeconfig(state))
        .ok()
        .filter(|_| server_pid(state).is_some())
        .ok_or_else(|| anyhow::anyhow!("the lab is not running: start it with `dumpy-lab up`"))?;
    let field = |key: &str| {
        admin
            .lines()
            .find_map(|l| l.trim().strip_prefix(key))
            .unwrap_or("")
            .to_string()
    };
    let ca_key = std::fs::read_to_string(paths::ca_key(state))
        .with_context(|| format!("reading {}", paths::ca_key(state).display()))?;
    let (cert, key) = api::tls::client_certificate(&ca_key, name, group)?;
    let b64 = |s: &str| base64::engine::general_purpose::STANDARD.encode(s);
    print!(
        "apiVersion: v1\nkind: Config\nclusters:\n- name: dumpy-lab\n  cluster:\n    server: {}\n    certificate-authority-data: {}\n\
         contexts:\n- name: {name}@dumpy-lab\n  context:\n    cluster: dumpy-lab\n    user: {name}\n    namespace: {}\n\
         current-context: {name}@dumpy-lab\nusers:\n- name: {name}\n  user:\n    client-certificate-data: {}\n    client-key-data: {}\npreferences: {{}}\n",
        field("server: "),
        field("certificate-authority-data: "),
        fixtures::NAMESPACE,
        b64(&cert),
        b64(&key),
    );
    Ok(())
}

pub fn status(state: &Path) -> Result<()> {
    match server_pid(state) {
        Some(pid) if paths::ready_file(state).exists() => {
            println!(
                "running (pid {pid}), KUBECONFIG={}",
                paths::kubeconfig(state).display()
            );
            Ok(())
        }
        Some(pid) => {
            println!("starting (pid {pid})");
            Ok(())
        }
        None => bail!("not running"),
    }
}

/// Writes a file only root may read (the kubeconfig holds the admin token).
pub fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)?
        .write_all(text.as_bytes())
}

/// The admin kubeconfig: the lab's context, as a user in `system:masters` (everything allowed),
/// trusting the lab's CA.
fn kubeconfig(server: &str, ca_pem: &str, token: &str) -> String {
    use base64::Engine;
    let ca = base64::engine::general_purpose::STANDARD.encode(ca_pem);
    format!(
        "apiVersion: v1\nkind: Config\nclusters:\n- name: dumpy-lab\n  cluster:\n    server: {server}\n    certificate-authority-data: {ca}\n\
         contexts:\n- name: dumpy-lab\n  context:\n    cluster: dumpy-lab\n    user: dumpy-lab\n    namespace: {}\n\
         current-context: dumpy-lab\nusers:\n- name: dumpy-lab\n  user:\n    token: {token}\npreferences: {{}}\n",
        fixtures::NAMESPACE
    )
}

pub fn serve(
    state: &Path,
    nodes: u16,
    runtimes: &[Presented],
    restart_backoff: Duration,
) -> Result<()> {
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .init();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    rt.block_on(async {
        let r = serve_inner(state, nodes, runtimes, restart_backoff).await;
        tracing::info!("shutting down: removing containers, namespaces and links");
        cleanup_runtime().await;
        r
    })
}

async fn serve_inner(
    state: &Path,
    nodes: u16,
    runtimes: &[Presented],
    restart_backoff: Duration,
) -> Result<()> {
    network::create_bridge()
        .await
        .context("creating the lab bridge")?;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?.to_string();
    let app = Arc::new(App {
        store: api::store::Store::new(),
        addr: addr.clone(),
        state_dir: state.to_path_buf(),
        next_node: AtomicUsize::new(0),
        node_ops: Default::default(),
        tokens: api::auth::Tokens::new(),
    });
    api::rbac::bootstrap(&app);
    api::auth::start_serviceaccounts(app.clone());
    let _agent = pods::start(app.clone(), restart_backoff);
    tokio::spawn(controllers::run(app.clone()));
    let router = api::router(app.clone());
    let tls = api::tls::identity(&paths::ca_key(state))?;
    let listener = api::tls::Listener::new(listener, &tls);
    let server = tokio::spawn(async move {
        axum::serve(
            listener,
            router.into_make_service_with_connect_info::<api::tls::Peer>(),
        )
        .await
    });
    write_private(
        &paths::kubeconfig(state),
        &kubeconfig(&format!("https://{addr}"), &tls.ca_pem, app.tokens.admin()),
    )?;
    tracing::info!(%addr, "API server listening");

    let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())?;
    let mut int = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::interrupt())?;
    tokio::select! {
        r = fixtures::create(&app, nodes as usize, runtimes) => r?,
        _ = term.recv() => return Ok(()),
        _ = int.recv() => return Ok(()),
    }
    tokio::spawn(fixtures::endpoints_loop(app.clone()));
    std::fs::write(paths::ready_file(state), "")?;
    tracing::info!("lab ready");
    tokio::select! {
        _ = term.recv() => {}
        _ = int.recv() => {}
        r = server => { r??; }
    }
    Ok(())
}
