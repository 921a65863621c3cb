//! `sniffer`: dumpy's capture engine binary. A compatible subset of tcpdump's command line,
//! plus target selection (`--netns`, `--pid`, `--container-id`) and the control
//! subcommands (`status`, `stop`, `export`) that the plugin runs through exec, because the
//! sniffer image has no shell.

mod capture_files;
mod cli;
mod control;
#[cfg(test)]
mod round_trip;
mod run;
mod signals;
mod statusfile;
mod target;

use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match cli::parse(std::env::args().collect()) {
        Ok(c) => c,
        Err(cli::Unparsed::Info(e)) => {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(cli::Unparsed::Bad(msg)) => return fail(&msg),
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

fn fail(msg: &str) -> ExitCode {
    eprintln!("sniffer: {msg}");
    ExitCode::FAILURE
}
