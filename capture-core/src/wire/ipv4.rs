//! IPv4 headers.

pub const MIN_HEADER_LEN: usize = 20;

/// A read-only view of an IPv4 header.
#[derive(Clone, Copy, Debug)]
pub struct Packet<'a>(&'a [u8]);

impl<'a> Packet<'a> {
    pub fn new_checked(b: &'a [u8]) -> Option<Packet<'a>> {
        (b.len() >= MIN_HEADER_LEN && b[0] >> 4 == 4).then_some(Packet(b))
    }
    pub fn header_len(&self) -> usize {
        ((self.0[0] & 0x0f) as usize) * 4
    }
    pub fn total_len(&self) -> u16 {
        u16::from_be_bytes([self.0[2], self.0[3]])
    }
    pub fn protocol(&self) -> u8 {
        self.0[9]
    }
    pub fn src(&self) -> [u8; 4] {
        [self.0[12], self.0[13], self.0[14], self.0[15]]
    }
    pub fn dst(&self) -> [u8; 4] {
        [self.0[16], self.0[17], self.0[18], self.0[19]]
    }
    /// The bytes after the header, if the header length fits the slice.
    pub fn payload(&self) -> Option<&'a [u8]> {
        self.0.get(self.header_len()..)
    }
}
