//! Connects to the cluster the way kubectl does: `--kubeconfig`, else `$KUBECONFIG` (several
//! files merged), else `~/.kube/config`; `--context` or the current context; and that
//! context's namespace as the default namespace. Every request has the deadlines of
//! [`crate::deadline`].

use crate::cli::Global;
use crate::deadline::{DeadlineLayer, CONNECT_TIMEOUT};
use crate::error::{Error, Result};
use crate::names;
use kube::config::{KubeConfigOptions, Kubeconfig};
use kube::{Client, Config};

/// What every command needs: a client, the default namespace and the concurrency bound.
#[derive(Clone)]
pub struct Ctx {
    pub client: Client,
    /// The context's namespace, or `default`.
    pub namespace: String,
    pub concurrency: usize,
}

impl Ctx {
    /// `explicit` (a command's -n) or the context's namespace.
    pub fn namespace_or_default(&self, explicit: Option<&str>) -> String {
        explicit.map_or_else(|| self.namespace.clone(), str::to_string)
    }
}

pub async fn connect(g: &Global) -> Result<Ctx> {
    let options = KubeConfigOptions {
        context: g.context.clone(),
        cluster: None,
        user: None,
    };
    let config = match &g.kubeconfig {
        Some(path) => {
            let kubeconfig = Kubeconfig::read_from(path).map_err(|e| {
                Error::new(format!("cannot read kubeconfig {}: {e}; check the --kubeconfig path", path.display()))
            })?;
            Config::from_custom_kubeconfig(kubeconfig, &options).await
        }
        None => Config::from_kubeconfig(&options).await,
    }
    .map_err(|e| {
        let which = g.context.as_deref().map(|c| format!(" (context {c:?})")).unwrap_or_default();
        Error::new(format!(
            "cannot load kubeconfig{which}: {e}; set KUBECONFIG, pass --kubeconfig, or pick a context with --context"
        ))
    })?;
    let mut config = config;
    let namespace = config.default_namespace.clone();
    // It becomes request paths like any -n: check it as one (a kubeconfig problem, exit 1).
    names::check(
        "the kubeconfig context's namespace",
        &namespace,
        names::Rule::Label,
    )
    .map_err(|e| {
        Error::new(format!(
            "{e}; fix the namespace of that context in the kubeconfig"
        ))
    })?;
    config.connect_timeout = Some(CONNECT_TIMEOUT);
    // kube's read and write timeouts are idle limits on the connection, upgraded exec
    // streams included: they would cut a quiet live export. The deadline layer bounds each
    // request instead.
    config.read_timeout = None;
    config.write_timeout = None;
    let layer = DeadlineLayer::new(
        &config.cluster_url.to_string(),
        g.request_limit(),
        CONNECT_TIMEOUT,
    );
    let client = kube::client::ClientBuilder::try_from(config)
        .map_err(|e| Error::new(format!("cannot build a client from the kubeconfig: {e}")))?
        .with_layer(&layer)
        .build();
    Ok(Ctx {
        client,
        namespace,
        concurrency: usize::from(g.max_concurrency),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const KUBECONFIG: &str = "apiVersion: v1
kind: Config
clusters:
- name: c
  cluster: {server: \"https://192.0.2.10:6443\"}
users:
- name: u
  user: {token: t}
contexts:
- name: one
  context: {cluster: c, user: u, namespace: shop}
- name: two
  context: {cluster: c, user: u}
current-context: one
";

    struct TempFile(std::path::PathBuf);
    impl Drop for TempFile {
        fn drop(&mut self) {
            let _ = std::fs::remove_file(&self.0);
        }
    }

    fn kubeconfig(tag: &str) -> TempFile {
        let path =
            std::env::temp_dir().join(format!("dumpy-kubeconfig-{tag}-{}", std::process::id()));
        std::fs::write(&path, KUBECONFIG).unwrap();
        TempFile(path)
    }

    #[tokio::test]
    async fn context_namespace_is_the_default() {
        let f = kubeconfig("ns");
        let g = Global {
            kubeconfig: Some(f.0.clone()),
            max_concurrency: 3,
            ..Default::default()
        };
        let ctx = connect(&g).await.unwrap();
        assert_eq!(ctx.namespace, "shop");
        assert_eq!(ctx.concurrency, 3);
        assert_eq!(ctx.namespace_or_default(Some("other")), "other");
        let g = Global {
            kubeconfig: Some(f.0.clone()),
            context: Some("two".into()),
            max_concurrency: 1,
            ..Default::default()
        };
        assert_eq!(connect(&g).await.unwrap().namespace, "default");
    }

    #[tokio::test]
    async fn unknown_context_and_missing_file_are_one_line_errors() {
        let f = kubeconfig("ctx");
        let g = Global {
            kubeconfig: Some(f.0.clone()),
            context: Some("nope".into()),
            max_concurrency: 1,
            ..Default::default()
        };
        let e = connect(&g).await.err().unwrap();
        assert!(
            e.message.contains("\"nope\"") && e.message.contains("--context"),
            "{e}"
        );
        assert!(!e.message.contains('\n'));
        let g = Global {
            kubeconfig: Some("/nonexistent/kubeconfig".into()),
            max_concurrency: 1,
            ..Default::default()
        };
        let e = connect(&g).await.err().unwrap();
        assert!(e.message.contains("--kubeconfig"), "{e}");
    }
}
