//! Connects to the cluster the way kubectl does: `--kubeconfig`, else `$KUBECONFIG` (several
//! files merged), else `~/.kube/config`; `--context` or the current context; and that
//! context's namespace as the default namespace.

use crate::cli::Global;
use crate::error::{Error, Result};
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
    let namespace = config.default_namespace.clone();
    let client = Client::try_from(config)
        .map_err(|e| Error::new(format!("cannot build a client from the kubeconfig: {e}")))?;
    Ok(Ctx {
        client,
        namespace,
        concurrency: usize::from(g.max_concurrency),
    })
}
