//! `sniffer`: dumpy's capture engine binary. A compatible subset of tcpdump's command line,
//! plus target selection (`--netns`, `--pid`, `--container-id`) and the control
//! subcommands (`status`, `stop`, `export`) that the plugin runs through exec, because the
//! sniffer image has no shell.

mod capture_files;
mod cli;
mod control;
mod run;
mod signals;
mod statusfile;
mod target;

use clap::Parser;
use sniffer_contract::options::{reject_refused, split_options_and_expression};
use std::process::ExitCode;

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().collect();
    let argv = match expand_tcpdump_args(argv) {
        Ok(a) => a,
        Err(e) => return fail(&e),
    };
    if let Err(e) = reject_refused(&argv[1..]) {
        return fail(&e.to_string());
    }
    let cli = match cli::Cli::try_parse_from(&argv) {
        Ok(c) => c,
        Err(e) => {
            use clap::error::ErrorKind::*;
            if matches!(e.kind(), DisplayHelp | DisplayVersion) {
                let _ = e.print();
                return ExitCode::SUCCESS;
            }
            return fail(&format!(
                "{} (see sniffer --help)",
                one_line(&e.to_string())
            ));
        }
    };
    let result = match cli.command {
        Some(cli::Command::Status { at, ready }) => control::status(&at, ready),
        Some(cli::Command::Stop { at }) => control::stop(&at),
        Some(cli::Command::Export { at, follow, file }) => {
            control::export(&at, follow, file.as_deref())
        }
        None => run::run(cli.capture),
    };
    match result {
        Ok(code) => code,
        Err(e) => fail(&e),
    }
}

/// Replaces `--tcpdump-args STRING` (or `--tcpdump-args=STRING`) with the words of STRING:
/// its options in place, and its filter expression at the end of the command line, because
/// the expression swallows every word after it (as in tcpdump) and the plugin puts more
/// options after `--tcpdump-args`.
fn expand_tcpdump_args(argv: Vec<String>) -> Result<Vec<String>, String> {
    let mut out = Vec::with_capacity(argv.len());
    let mut expression = Vec::new();
    let mut it = argv.into_iter();
    while let Some(a) = it.next() {
        let value =
            if a == "--tcpdump-args" {
                Some(it.next().ok_or(
                    "--tcpdump-args needs a value, e.g. --tcpdump-args \"-i any port 80\"",
                )?)
            } else {
                a.strip_prefix("--tcpdump-args=").map(str::to_string)
            };
        match value {
            Some(v) => {
                let (options, expr) =
                    split_options_and_expression(&v).map_err(|e| e.to_string())?;
                out.extend(options);
                expression.extend(expr);
            }
            None => out.push(a),
        }
    }
    out.extend(expression);
    Ok(out)
}

/// clap's message as one line that names the problem: its first line, and when that line
/// introduces a list ("the following required arguments were not provided:"), the
/// indented items under it.
fn one_line(msg: &str) -> String {
    let mut lines = msg.lines();
    let mut out = lines
        .next()
        .unwrap_or("bad arguments")
        .trim_start_matches("error: ")
        .to_string();
    if out.ends_with(':') {
        let items: Vec<&str> = lines
            .take_while(|l| l.starts_with(char::is_whitespace) && !l.trim().is_empty())
            .map(str::trim)
            .collect();
        out = format!("{} {}", out, items.join(", "));
    }
    out
}

fn fail(msg: &str) -> ExitCode {
    eprintln!("sniffer: {msg}");
    ExitCode::FAILURE
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tcpdump_args_expand_in_place() {
        let v = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(
            expand_tcpdump_args(v(&[
                "sniffer",
                "-w",
                "x",
                "--tcpdump-args",
                "-i any 'port 80'"
            ]))
            .unwrap(),
            v(&["sniffer", "-w", "x", "-i", "any", "port 80"])
        );
        // The plugin's shape: options after --tcpdump-args stay options.
        assert_eq!(
            expand_tcpdump_args(v(&[
                "sniffer",
                "--tcpdump-args",
                "-i any port 80",
                "--pid",
                "1",
                "-w",
                "x"
            ]))
            .unwrap(),
            v(&["sniffer", "-i", "any", "--pid", "1", "-w", "x", "port", "80"])
        );
        assert_eq!(
            expand_tcpdump_args(v(&["sniffer", "--tcpdump-args=-nn tcp"])).unwrap(),
            v(&["sniffer", "-nn", "tcp"])
        );
        assert!(expand_tcpdump_args(v(&["sniffer", "--tcpdump-args", "'x"])).is_err());
    }
}
