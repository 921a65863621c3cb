//! Test helpers: one packet through the whole printer, as a user sees it.

use crate::{PrintOptions, Printer};

/// The line printed for an Ethernet/IPv4/UDP frame 192.0.2.1.`sport` > 192.0.2.2.`dport`
/// carrying `payload` (checksums zero: not verified at default verbosity).
pub(crate) fn udp_line(sport: u16, dport: u16, payload: &[u8]) -> String {
    let mut f = vec![0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 1, 0x08, 0x00];
    let ip_len = (20 + 8 + payload.len()) as u16;
    f.extend_from_slice(&[0x45, 0, 0, 0, 0, 0, 0, 0, 64, 17, 0, 0]);
    f[16..18].copy_from_slice(&ip_len.to_be_bytes());
    f.extend_from_slice(&[192, 0, 2, 1, 192, 0, 2, 2]);
    f.extend_from_slice(&sport.to_be_bytes());
    f.extend_from_slice(&dport.to_be_bytes());
    f.extend_from_slice(&(8 + payload.len() as u16).to_be_bytes());
    f.extend_from_slice(&[0, 0]);
    f.extend_from_slice(payload);
    let pkt = pcapng::Packet {
        linktype: 1,
        ts_sec: 0,
        ts_nsec: 0,
        wire_len: f.len() as u32,
        data: &f,
    };
    let mut out = Vec::new();
    Printer::new(PrintOptions::default()).print(&pkt, &mut out);
    String::from_utf8(out).unwrap()
}
