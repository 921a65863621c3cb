//! sniffer-contract: everything the `sniffer` and the `kubectl-dumpy` plugin must agree on,
//! in one small crate that builds on any OS, so the two sides cannot drift apart.
//!
//! - [`options`]: the tcpdump-compatible option subset and its parser (the plugin checks a
//!   user's `-f` with the very parser the sniffer runs);
//! - [`filter`]: filter expressions, compiled by libpcap (linked with feature `libpcap`);
//! - [`rotate`]: output file naming and the rotation policy;
//! - [`status`]: the status file a running sniffer keeps and `sniffer status` prints;
//! - [`runtime`]: the container runtime defaults the sniffer and the pod spec share;
//! - [`invocation`]: the sniffer's command line as the plugin renders it (the pod's capture
//!   command and the control commands), with the flag names the sniffer's parser uses.

pub mod filter;
pub mod invocation;
pub mod options;
pub mod rotate;
pub mod runtime;
pub mod status;
