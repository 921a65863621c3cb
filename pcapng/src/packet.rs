//! The one packet type every stage passes around: a borrowed view, never a copy.

/// A captured packet as the capture loop, the file reader and the printer see it. `data`
/// points into libpcap's ring or into a read buffer; nothing here owns packet bytes.
#[derive(Clone, Copy, Debug)]
pub struct Packet<'a> {
    /// libpcap DLT_/LINKTYPE_ value of `data` (see [`crate::linktype`]).
    pub linktype: u32,
    /// Capture time: seconds since the Unix epoch.
    pub ts_sec: i64,
    /// Capture time: nanoseconds within the second.
    pub ts_nsec: u32,
    /// Length of the packet on the wire (`data` may be shorter: the snaplen cut it).
    pub wire_len: u32,
    /// Captured bytes, starting with the link-layer header.
    pub data: &'a [u8],
}
