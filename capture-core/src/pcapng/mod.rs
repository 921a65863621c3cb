//! pcapng: the capture file format dumpy writes, and a reader for pcap and pcapng.
//!
//! - [`blocks`]: block and option codes;
//! - [`writer`]: block encoders for the capture hot path;
//! - [`reader`]: reads legacy pcap and pcapng files (for `sniffer -r`, export and tests).

pub mod blocks;
pub mod reader;
pub mod writer;
