//! UDP headers.

pub const HEADER_LEN: usize = 8;

/// A read-only view of a UDP header.
#[derive(Clone, Copy, Debug)]
pub struct Datagram<'a>(&'a [u8]);

impl<'a> Datagram<'a> {
    pub fn new_checked(b: &'a [u8]) -> Option<Datagram<'a>> {
        (b.len() >= HEADER_LEN).then_some(Datagram(b))
    }
    pub fn src_port(&self) -> u16 {
        u16::from_be_bytes([self.0[0], self.0[1]])
    }
    pub fn dst_port(&self) -> u16 {
        u16::from_be_bytes([self.0[2], self.0[3]])
    }
    pub fn len(&self) -> u16 {
        u16::from_be_bytes([self.0[4], self.0[5]])
    }
    pub fn is_empty(&self) -> bool {
        self.len() <= HEADER_LEN as u16
    }
    pub fn payload(&self) -> &'a [u8] {
        &self.0[HEADER_LEN..]
    }
}
