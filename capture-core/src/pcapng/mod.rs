//! pcapng: the capture file format dumpy writes, and a reader for pcap and pcapng.
//!
//! - [`reader`]: reads legacy pcap and pcapng files (for `sniffer -r`, export and tests).

pub mod reader;
