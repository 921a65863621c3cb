//! pcapng block and option codes (draft-ietf-opsawg-pcapng): the one place they are
//! written as numbers; the writer, the views, the reader and the plugin's merge name them.

/// Section Header Block. Its code reads the same in both byte orders.
pub const SHB: u32 = 0x0A0D_0D0A;
pub const IDB: u32 = 0x0000_0001;
/// Obsolete Packet Block, still found in old files.
pub const PB: u32 = 0x0000_0002;
pub const SPB: u32 = 0x0000_0003;
/// Name Resolution Block.
pub const NRB: u32 = 0x0000_0004;
pub const ISB: u32 = 0x0000_0005;
pub const EPB: u32 = 0x0000_0006;
/// Decryption Secrets Block.
pub const DSB: u32 = 0x0000_000A;
/// Custom Block that may be copied to other files.
pub const CUSTOM: u32 = 0x0000_0BAD;
/// Custom Block that must not be copied to other files unchanged.
pub const CUSTOM_NOCOPY: u32 = 0x4000_0BAD;
/// The first body field of an SHB; read in the wrong byte order it is 0x4D3C2B1A.
pub const BYTE_ORDER_MAGIC: u32 = 0x1A2B_3C4D;
/// The pcapng major version this crate reads and writes (minor 0).
pub const VERSION_MAJOR: u16 = 1;

pub const OPT_ENDOFOPT: u16 = 0;
pub const OPT_COMMENT: u16 = 1;

pub const SHB_HARDWARE: u16 = 2;
pub const SHB_OS: u16 = 3;
pub const SHB_USERAPPL: u16 = 4;

pub const IF_NAME: u16 = 2;
pub const IF_DESCRIPTION: u16 = 3;
pub const IF_TSRESOL: u16 = 9;
pub const IF_FILTER: u16 = 11;
pub const IF_OS: u16 = 12;
/// Seconds to add to every timestamp of the interface (a signed 64-bit value).
pub const IF_TSOFFSET: u16 = 14;
/// First byte of an if_filter value: the rest is a libpcap filter string.
pub const IF_FILTER_STRING: u8 = 0;

pub const EPB_FLAGS: u16 = 2;
pub const EPB_DROPCOUNT: u16 = 4;

pub const ISB_STARTTIME: u16 = 2;
pub const ISB_ENDTIME: u16 = 3;
pub const ISB_IFRECV: u16 = 4;
pub const ISB_IFDROP: u16 = 5;
pub const ISB_FILTERACCEPT: u16 = 6;
pub const ISB_OSDROP: u16 = 7;
pub const ISB_USRDELIV: u16 = 8;

/// epb_flags bits 0-1: direction.
pub const FLAG_INBOUND: u32 = 0b01;
pub const FLAG_OUTBOUND: u32 = 0b10;
/// epb_flags bits 2-4: reception type.
pub const FLAG_UNICAST: u32 = 1 << 2;
pub const FLAG_MULTICAST: u32 = 2 << 2;
pub const FLAG_BROADCAST: u32 = 3 << 2;
pub const FLAG_PROMISCUOUS: u32 = 4 << 2;

/// epb_flags for a LINUX_SLL/SLL2 packet type (0 host, 1 broadcast, 2 multicast,
/// 3 other host, 4 outgoing).
pub fn flags_from_sll_pkttype(pkttype: u8) -> Option<u32> {
    match pkttype {
        0 => Some(FLAG_INBOUND | FLAG_UNICAST),
        1 => Some(FLAG_INBOUND | FLAG_BROADCAST),
        2 => Some(FLAG_INBOUND | FLAG_MULTICAST),
        3 => Some(FLAG_INBOUND | FLAG_PROMISCUOUS),
        4 => Some(FLAG_OUTBOUND),
        _ => None,
    }
}
