//! Reads the published sniffer image's repository from the workspace Cargo.toml
//! (`[workspace.metadata.release] image`), its one place, so the plugin's default `-i`
//! is the reference the release publishes: `<image>:<version>`.

use std::path::Path;

fn main() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR")).join("../Cargo.toml");
    println!("cargo:rerun-if-changed={}", manifest.display());
    let text = std::fs::read_to_string(&manifest)
        .unwrap_or_else(|e| panic!("reading {}: {e}", manifest.display()));
    let doc: toml::Table = text
        .parse()
        .unwrap_or_else(|e| panic!("parsing {}: {e}", manifest.display()));
    let image = doc
        .get("workspace")
        .and_then(|w| w.get("metadata"))
        .and_then(|m| m.get("release"))
        .and_then(|r| r.get("image"))
        .and_then(|i| i.as_str())
        .unwrap_or_else(|| {
            panic!(
                "{}: no [workspace.metadata.release] image",
                manifest.display()
            )
        });
    println!("cargo:rustc-env=DUMPY_IMAGE_REPOSITORY={image}");
}
