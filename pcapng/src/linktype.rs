//! Link-layer header types (LINKTYPE_ values, as stored in pcap headers and pcapng IDBs),
//! for the ones dumpy writes, reads or prints. Where libpcap hands out a different DLT_
//! value live, both are named.

/// BSD loopback (DLT_NULL): a 4-byte host-order address family.
pub const NULL: u32 = 0;
pub const ETHERNET: u32 = 1;
/// DLT_RAW as some platforms number it live (12 on Linux and most BSDs).
pub const DLT_RAW: u32 = 12;
/// DLT_RAW on OpenBSD (14).
pub const DLT_RAW_OPENBSD: u32 = 14;
/// Raw IP, no link header (LINKTYPE_RAW).
pub const RAW: u32 = 101;
/// OpenBSD loopback (DLT_LOOP): a 4-byte network-order address family.
pub const LOOP: u32 = 108;
/// Linux cooked capture v1 (libpcap's `any` before 1.10).
pub const LINUX_SLL: u32 = 113;
/// Raw IPv4 (LINKTYPE_IPV4).
pub const IPV4: u32 = 228;
/// Raw IPv6 (LINKTYPE_IPV6).
pub const IPV6: u32 = 229;
/// Linux cooked capture v2: what `-i any` gives, with the ifindex per packet.
pub const LINUX_SLL2: u32 = 276;
