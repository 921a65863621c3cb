//! `cargo run -p capture-core --example read_file -- [-e] [-q] [-t|-tt|-ttt|-tttt] FILE [FILTER...]`:
//! drives `offline::print_file` the way `sniffer -r` does (used by the conformance tests).

use capture_core::offline::{print_file, OfflineOptions};
use printer::PrintOptions;
use printer::TimestampStyle;

fn main() {
    let mut print = PrintOptions::default();
    let mut path = None;
    let mut filter = Vec::new();
    let mut count = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "-e" => print.link_header = true,
            "-q" => print.quiet = true,
            "-n" | "-nn" => {}
            "-t" => print.timestamps = TimestampStyle::None,
            "-tt" => print.timestamps = TimestampStyle::Epoch,
            "-ttt" => print.timestamps = TimestampStyle::Delta,
            "-tttt" => print.timestamps = TimestampStyle::DateTime,
            "-c" => count = args.next().and_then(|c| c.parse().ok()),
            "-r" => path = args.next(),
            _ if path.is_none() => path = Some(a),
            _ => filter.push(a),
        }
    }
    let Some(path) = path else {
        eprintln!("usage: read_file [-e] [-q] [-t...] FILE [FILTER]");
        std::process::exit(2);
    };
    let opts = OfflineOptions {
        path: path.into(),
        filter: filter.join(" "),
        count,
        print,
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if let Err(e) = print_file(&opts, &mut out, &mut std::io::stderr()) {
        eprintln!("read_file: {e}");
        std::process::exit(1);
    }
}
