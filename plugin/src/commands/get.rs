//! `get`: the captures table, or one capture's detail view; JSON and YAML for scripts.

use crate::captures;
use crate::cli::GetArgs;
use crate::error::Result;
use crate::kube_ctx::Ctx;
use crate::output::{self, Format};
use k8s_openapi::chrono::Utc;
use std::io::Write;

fn print(s: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(s.as_bytes())?;
    out.flush()?;
    Ok(())
}

pub async fn run(ctx: &Ctx, args: GetArgs) -> Result<()> {
    let namespace = ctx.namespace_or_default(args.namespace.as_deref());
    if let Some(name) = &args.name {
        let view = captures::get(&ctx.client, &namespace, name).await?;
        return match args.output {
            Some(Format::Json) => print(&output::json(&view)?),
            Some(Format::Yaml) => print(&output::yaml(&view)?),
            None | Some(Format::Wide) => {
                eprintln!("Getting capture details..\n");
                print(&output::detail(&view))
            }
        };
    }
    let scope = (!args.all_namespaces).then_some(namespace.as_str());
    let views = captures::list(&ctx.client, scope).await?;
    match args.output {
        Some(Format::Json) => print(&output::json(&views)?),
        Some(Format::Yaml) => print(&output::yaml(&views)?),
        wide => {
            if views.is_empty() {
                match scope {
                    Some(ns) => eprintln!("No captures found in namespace {ns}."),
                    None => eprintln!("No captures found."),
                }
                return Ok(());
            }
            print(&output::table(
                &views,
                wide == Some(Format::Wide),
                Utc::now(),
            ))
        }
    }
}
