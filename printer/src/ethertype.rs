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
/// IEEE 802.1AE MACsec.
pub const MACSEC: u16 = 0x88e5;
pub const MPLS: u16 = 0x8847;
pub const MPLS_MULTI: u16 = 0x8848;
/// Transparent Ethernet Bridging: a whole Ethernet frame (GRE, Geneve).
pub const TEB: u16 = 0x6558;
/// Link Layer Discovery Protocol (IEEE 802.1AB).
pub const LLDP: u16 = 0x88cc;
/// Ethernet configuration testing protocol ("Loopback").
pub const LOOPBACK: u16 = 0x9000;
/// PPP over Ethernet: discovery and session stages (RFC 2516), and the pre-standard values
/// some equipment sent.
pub const PPPOED: u16 = 0x8863;
pub const PPPOES: u16 = 0x8864;
pub const PPPOED2: u16 = 0x3c12;
pub const PPPOES2: u16 = 0x3c13;
/// PPP frames.
pub const PPP: u16 = 0x880b;
/// IEEE 802.1X (EAP over LANs).
pub const EAPOL: u16 = 0x888e;
/// IEEE 802.3ah EPON multi-point control (MPCP).
pub const MPCP: u16 = 0x8808;
/// Realtek switch protocols (RRCP, REP, RLDP, DSA tags).
pub const REALTEK: u16 = 0x8899;
/// IEEE 802.3 slow protocols: LACP, Marker, OAM.
pub const SLOW: u16 = 0x8809;
/// IEEE 802.1ag CFM / Y.1731, and the type used before it was assigned.
pub const CFM: u16 = 0x8902;
pub const CFM_OLD: u16 = 0xabcd;
/// Network Service Header (RFC 8300).
pub const NSH: u16 = 0x894f;
/// Arista's vendor-specific header (a TapAgg timestamp before the original type).
pub const ARISTA: u16 = 0xd28b;
/// Microsoft Network Load Balancing heartbeat.
pub const MS_NLB_HB: u16 = 0x886f;
/// ATA over Ethernet.
pub const AOE: u16 = 0x88a2;
/// ETSI ITS GeoNetworking, and the type it used before.
pub const GEONET: u16 = 0x8947;
pub const GEONET_OLD: u16 = 0x0707;
/// ISO CALM FAST.
pub const CALM_FAST: u16 = 0x1111;
/// Novell IPX.
pub const IPX: u16 = 0x8137;
/// Transparent Inter-Process Communication.
pub const TIPC: u16 = 0x88ca;
/// IEEE 1588 precision time protocol.
pub const PTP: u16 = 0x88f7;
