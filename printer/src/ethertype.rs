//! Ethernet II header length and the ethertype values the printer dispatches on (tcpdump's
//! ethertype.h), named once for every link layer and tunnel that carries them.

/// Destination, source, type.
pub const HEADER_LEN: usize = 14;
/// Largest value of the type field that is an 802.3 length.
pub const MAX_LENGTH_VAL: u16 = 1500;

pub const IPV4: u16 = 0x0800;
pub const ARP: u16 = 0x0806;
pub const REVARP: u16 = 0x8035;
pub const IPV6: u16 = 0x86dd;
pub const VLAN_8021Q: u16 = 0x8100;
pub const VLAN_9100: u16 = 0x9100;
pub const VLAN_9200: u16 = 0x9200;
pub const VLAN_QINQ: u16 = 0x88a8;
pub const MPLS: u16 = 0x8847;
pub const MPLS_MULTI: u16 = 0x8848;
/// Transparent Ethernet Bridging: a whole Ethernet frame (GRE, Geneve).
pub const TEB: u16 = 0x6558;
/// Link Layer Discovery Protocol (IEEE 802.1AB).
pub const LLDP: u16 = 0x88cc;
/// Ethernet configuration testing protocol ("Loopback").
pub const LOOPBACK: u16 = 0x9000;
/// IEEE 1588 precision time protocol.
pub const PTP: u16 = 0x88f7;
