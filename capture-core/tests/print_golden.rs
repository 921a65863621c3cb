//! The judge of the printer's golden corpus (printer/tests/golden): tcpdump, run now on every
//! committed pcap, must print exactly the committed `.out` files, so they cannot rot while
//! `cargo test -p printer` keeps comparing the printer with them. How the files are made
//! (option sets, zones, the empty network namespace) is the regen script's alone; this runs
//! its `--check`. Needs root and tcpdump 4.99; it fails, never skips, without them.

use std::path::Path;
use std::process::Command;

#[test]
fn golden_files_are_what_tcpdump_prints() {
    assert!(
        nix::unistd::geteuid().is_root(),
        "this test needs root (tcpdump runs in a fresh network namespace)"
    );
    let regen = Path::new(env!("CARGO_MANIFEST_DIR")).join("../printer/tests/golden/regen");
    let out = Command::new(&regen)
        .arg("--check")
        .output()
        .unwrap_or_else(|e| panic!("running {}: {e}", regen.display()));
    let text = String::from_utf8_lossy(&out.stdout) + String::from_utf8_lossy(&out.stderr);
    println!("{text}");
    assert!(out.status.success(), "regen --check failed:\n{text}");
}
