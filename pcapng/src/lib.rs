//! pcapng: the capture file format dumpy writes, and a reader for pcap and pcapng.
//!
//! This crate owns the format: every other part of dumpy (the capture engine, the summary
//! thread, `sniffer export`, the plugin's merge) reads and writes blocks through it. It is
//! portable (no I/O policy, no platform calls), so the plugin can use it on any OS.
//!
//! - [`blocks`]: block and option codes, epb_flags bits;
//! - [`view`]: zero-copy, checked views over blocks and their options, and
//!   [`whole_blocks`];
//! - [`tsresol`]: the one `if_tsresol` decoder;
//! - [`linktype`]: the LINKTYPE_ values dumpy meets;
//! - [`packet`]: the borrowed packet record every stage passes around;
//! - [`writer`]: block encoders for the capture hot path;
//! - [`reader`]: reads legacy pcap and pcapng files (for `sniffer -r`, export and tests).

pub mod blocks;
pub mod linktype;
pub mod packet;
pub mod reader;
pub mod tsresol;
pub mod view;
pub mod writer;

pub use packet::Packet;
pub use view::whole_blocks;
