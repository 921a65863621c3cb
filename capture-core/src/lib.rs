//! capture-core: the Linux capture engine behind the `sniffer` binary.
//!
//! What the plugin also needs lives in portable crates beside this one: the option model,
//! filter check, status file and file naming in `sniffer-contract`, the file format in
//! `pcapng`, the summaries in `printer`. This crate holds what only a Linux sniffer does:
//!
//! - [`netns`]: entering a target's network namespace;
//! - [`runtime`]: finding a container's PID and its pod's sandbox through containerd (or /proc);
//! - [`sandbox`]: the /proc fallback for a pod's sandbox, and watching it end;
//! - [`interfaces`]: the target namespace's interface table and counters;
//! - [`capture`]: the engine (libpcap's TPACKET_V3 ring → pcapng files, summary thread);
//! - [`offline`]: `sniffer -r`, printing a capture file with a libpcap filter;
//! - [`mapped`]: the read-only file map `sniffer -r` reads in place, safe against truncation;
//! - [`listing`]: `-L` and `-J`, an interface's link-layer header and time stamp types.

pub mod capture;
pub mod interfaces;
pub mod listing;
pub mod mapped;
pub mod netns;
pub mod offline;
pub mod procstat;
pub mod runtime;
pub mod sandbox;

use printer::{Dump, PrintOptions, TimestampStyle};
use sniffer_contract::options::{TcpdumpArgs, TimestampPrecision};

/// How summaries look, from the tcpdump flags that shape them (-t…, -e, -q, -v, -K,
/// -x/-X/-A, -S, -#, --time-stamp-precision); shared by live capture and `-r`.
pub fn print_options(args: &TcpdumpArgs) -> PrintOptions {
    PrintOptions {
        timestamps: TimestampStyle::from_t_count(args.timestamps),
        link_header: args.link_header,
        quiet: args.quiet,
        verbose: args.verbose,
        dont_verify_checksums: args.dont_verify_checksums,
        dump: Dump::from_counts(args.hex, args.hex_ascii, args.ascii),
        absolute_seq: args.absolute_seq,
        numbered: args.number,
        nano: args.precision == Some(TimestampPrecision::Nano),
    }
}
