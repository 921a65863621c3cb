//! Ethernet II frames and the ethertype values the printer and tests use.

/// Destination, source, type.
pub const HEADER_LEN: usize = 14;
/// Largest value of the type field that is an 802.3 length.
pub const MAX_LENGTH_VAL: u16 = 1500;

pub const TYPE_IPV4: u16 = 0x0800;
pub const TYPE_ARP: u16 = 0x0806;
pub const TYPE_REVARP: u16 = 0x8035;
pub const TYPE_IPV6: u16 = 0x86dd;
pub const TYPE_8021Q: u16 = 0x8100;
pub const TYPE_8021Q9100: u16 = 0x9100;
pub const TYPE_8021Q9200: u16 = 0x9200;
pub const TYPE_8021QINQ: u16 = 0x88a8;
pub const TYPE_TEB: u16 = 0x6558;

/// A read-only view of an Ethernet II header.
#[derive(Clone, Copy, Debug)]
pub struct Frame<'a>(&'a [u8]);

impl<'a> Frame<'a> {
    pub fn new_checked(b: &'a [u8]) -> Option<Frame<'a>> {
        (b.len() >= HEADER_LEN).then_some(Frame(b))
    }
    pub fn dst(&self) -> &'a [u8] {
        &self.0[0..6]
    }
    pub fn src(&self) -> &'a [u8] {
        &self.0[6..12]
    }
    pub fn ethertype(&self) -> u16 {
        u16::from_be_bytes([self.0[12], self.0[13]])
    }
    pub fn payload(&self) -> &'a [u8] {
        &self.0[HEADER_LEN..]
    }
}
