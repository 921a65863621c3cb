//! `kubectl dumpy <TAB>` against the lab, driven exactly as kubectl's shell scripts drive it:
//! `kubectl __complete dumpy WORDS… CURRENT`, with `kubectl_complete-dumpy` (a symlink to the
//! built plugin, as plugin/README.md installs it) on PATH. Capture names come from the cluster.
//! Needs root, containerd, and the plugin and sniffer built (`cargo build -p plugin -p sniffer`).

mod common;
use common::{lab_bin, Lab, NS};
use std::path::PathBuf;
use std::process::Command;

/// A directory holding `kubectl-dumpy` and `kubectl_complete-dumpy`, removed on drop.
struct PluginDir(PathBuf);
impl PluginDir {
    fn new() -> Self {
        let built = lab_bin().parent().unwrap().join("kubectl-dumpy");
        assert!(
            built.exists(),
            "kubectl-dumpy not built: cargo build -p plugin"
        );
        let dir = std::env::temp_dir().join(format!("dumpy-complete-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        for name in ["kubectl-dumpy", "kubectl_complete-dumpy"] {
            std::os::unix::fs::symlink(&built, dir.join(name)).unwrap();
        }
        PluginDir(dir)
    }
}
impl Drop for PluginDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// What `kubectl dumpy WORDS<TAB>` offers: kubectl's own `__complete` answer (values, and
/// the directive number it ends with).
fn complete(lab: &Lab, dir: &PluginDir, words: &[&str]) -> (Vec<String>, String) {
    let path = format!(
        "{}:{}",
        dir.0.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let o = Command::new("kubectl")
        .env("KUBECONFIG", &lab.kubeconfig)
        .env("PATH", path)
        .arg("__complete")
        .arg("dumpy")
        .args(words)
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&o.stdout).to_string();
    assert!(
        o.status.success(),
        "kubectl __complete dumpy {words:?}: {out}{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let mut lines: Vec<&str> = out.lines().collect();
    let directive = lines.pop().unwrap_or_default().to_string();
    let values = lines
        .iter()
        .map(|l| l.split('\t').next().unwrap().to_string())
        .collect();
    (values, directive)
}

#[test]
fn kubectl_dumpy_tab_completes_from_the_cluster() {
    let lab = Lab::up();
    let dir = PluginDir::new();

    // Subcommands, target kinds, a flag and a flag value: no cluster needed.
    let (subs, _) = complete(&lab, &dir, &[""]);
    assert!(subs.contains(&"export".to_string()), "{subs:?}");
    let (kinds, directive) = complete(&lab, &dir, &["capture", ""]);
    for k in ["pod", "deployment", "daemonset", "node"] {
        assert!(kinds.contains(&k.to_string()), "{kinds:?}");
    }
    assert_eq!(directive, ":4", "no file names among target kinds");
    let (flags, _) = complete(&lab, &dir, &["capture", "pod", "web", "--max-f"]);
    assert_eq!(flags, ["--max-file-size", "--max-files"]);
    let (formats, _) = complete(&lab, &dir, &["get", "-o", ""]);
    assert_eq!(formats, ["json", "yaml", "wide"]);

    // Capture names, listed from the lab's sniffer pods in -n's namespace.
    let path = format!(
        "{}:{}",
        dir.0.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let capture = |name: &str| {
        let o = Command::new("kubectl")
            .env("KUBECONFIG", &lab.kubeconfig)
            .env("PATH", &path)
            .args([
                "dumpy", "capture", "-l", "app=web", "-n", NS, "--name", name,
            ])
            .output()
            .unwrap();
        assert!(
            o.status.success(),
            "capture {name}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
    };
    capture("tab-one");
    capture("tab-two");
    let (names, _) = complete(&lab, &dir, &["export", "-n", NS, ""]);
    for n in ["tab-one", "tab-two"] {
        assert!(names.contains(&n.to_string()), "{names:?}");
    }
    let (names, _) = complete(&lab, &dir, &["delete", "-n", NS, "tab-t"]);
    assert_eq!(names, ["tab-two"]);
    // Another namespace holds no captures: no names, only flags.
    let (names, _) = complete(&lab, &dir, &["stop", "-n", "kube-system", ""]);
    assert!(names.iter().all(|n| n.starts_with('-')), "{names:?}");

    for n in ["tab-one", "tab-two"] {
        let o = Command::new("kubectl")
            .env("KUBECONFIG", &lab.kubeconfig)
            .env("PATH", &path)
            .args(["dumpy", "delete", n, "-n", NS])
            .output()
            .unwrap();
        assert!(o.status.success(), "delete {n}");
    }
}
