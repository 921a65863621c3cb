//! Reads pcap and pcapng files, handing out borrowed [`Packet`](crate::packet::Packet)s.
//!
//! STUB: replaced by the real reader.
