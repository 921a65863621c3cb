//! capture-core: what the `sniffer` and the `kubectl-dumpy` plugin share.
//!
//! - [`options`]: the tcpdump-compatible option subset and its parser;
//! - [`filter`]: filter expressions, compiled by libpcap;
//! - [`print`]: tcpdump-identical one-line packet summaries;
//! - [`pcapng`]: the pcapng writer (hot path) and a pcap/pcapng reader;
//! - [`wire`]: zero-copy views of protocol headers, one protocol per file.

pub mod capture;
pub mod filter;
pub mod interfaces;
pub mod netns;
pub mod offline;
pub mod options;
pub mod packet;
pub mod pcapng;
pub mod print;
pub mod rotate;
pub mod runtime;
pub mod status;
pub mod wire;
