//! pcapng block and option codes (draft-ietf-opsawg-pcapng), shared by writer and reader.

pub const SHB: u32 = 0x0A0D_0D0A;
pub const IDB: u32 = 0x0000_0001;
/// Obsolete Packet Block, still found in old files.
pub const PB: u32 = 0x0000_0002;
pub const SPB: u32 = 0x0000_0003;
pub const ISB: u32 = 0x0000_0005;
pub const EPB: u32 = 0x0000_0006;
pub const BYTE_ORDER_MAGIC: u32 = 0x1A2B_3C4D;

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
