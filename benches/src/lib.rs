//! Shared test packets for the criterion benches and the capture harness: real
//! Ethernet/IPv4/UDP|TCP frames addressed inside documentation ranges; [`mix`] writes the
//! pod-like capture `read_vs_tcpdump` measures.

pub mod mix;

/// Internet checksum over `b`.
pub fn csum(b: &[u8]) -> u16 {
    let mut s = 0u32;
    for c in b.chunks(2) {
        s += u32::from(u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]));
    }
    while s > 0xffff {
        s = (s & 0xffff) + (s >> 16);
    }
    !(s as u16)
}

/// An Ethernet/IPv4 frame carrying `l4` with IP protocol `proto`, 198.51.100.1 → .2.
pub fn ipv4_frame(dst_mac: [u8; 6], src_mac: [u8; 6], proto: u8, l4: &[u8]) -> Vec<u8> {
    let mut f = Vec::with_capacity(34 + l4.len());
    f.extend_from_slice(&dst_mac);
    f.extend_from_slice(&src_mac);
    f.extend_from_slice(&[0x08, 0x00]);
    let tot = (20 + l4.len()) as u16;
    let mut ip = [
        0x45, 0, 0, 0, 0, 1, 0x40, 0, 64, proto, 0, 0, 198, 51, 100, 1, 198, 51, 100, 2,
    ];
    ip[2..4].copy_from_slice(&tot.to_be_bytes());
    let c = csum(&ip);
    ip[10..12].copy_from_slice(&c.to_be_bytes());
    f.extend_from_slice(&ip);
    f.extend_from_slice(l4);
    f
}

/// A UDP frame of exactly `size` bytes (Ethernet header included, minimum 42).
pub fn udp_frame(dst_mac: [u8; 6], src_mac: [u8; 6], size: usize, dport: u16) -> Vec<u8> {
    let payload = size.saturating_sub(42);
    let mut udp = Vec::with_capacity(8 + payload);
    udp.extend_from_slice(&40000u16.to_be_bytes());
    udp.extend_from_slice(&dport.to_be_bytes());
    udp.extend_from_slice(&((8 + payload) as u16).to_be_bytes());
    udp.extend_from_slice(&[0, 0]); // checksum 0: allowed for UDP over IPv4
    udp.extend((0..payload).map(|i| i as u8));
    ipv4_frame(dst_mac, src_mac, 17, &udp)
}

/// A DNS query for `example.com` A, in an Ethernet/IPv4/UDP frame.
pub fn dns_frame() -> Vec<u8> {
    let mut q = vec![0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0];
    q.extend_from_slice(b"\x07example\x03com\x00\x00\x01\x00\x01");
    let mut udp = Vec::new();
    udp.extend_from_slice(&53000u16.to_be_bytes());
    udp.extend_from_slice(&53u16.to_be_bytes());
    udp.extend_from_slice(&((8 + q.len()) as u16).to_be_bytes());
    udp.extend_from_slice(&[0, 0]);
    udp.extend_from_slice(&q);
    ipv4_frame([2, 0, 0, 0, 0, 2], [2, 0, 0, 0, 0, 1], 17, &udp)
}

/// A TCP segment (PSH|ACK, 100 payload bytes) in an Ethernet/IPv4 frame.
pub fn tcp_frame() -> Vec<u8> {
    let mut t = Vec::new();
    t.extend_from_slice(&40000u16.to_be_bytes());
    t.extend_from_slice(&80u16.to_be_bytes());
    t.extend_from_slice(&1000u32.to_be_bytes());
    t.extend_from_slice(&2000u32.to_be_bytes());
    t.extend_from_slice(&[0x50, 0x18, 0xff, 0xff, 0, 0, 0, 0]);
    t.extend(std::iter::repeat_n(b'x', 100));
    ipv4_frame([2, 0, 0, 0, 0, 2], [2, 0, 0, 0, 0, 1], 6, &t)
}

/// Prints `frames` (Ethernet) as packets 1 µs apart from `ts_sec` into `out`, as the print
/// benches do every iteration; returns the output length for `black_box`.
pub fn print_frames(
    p: &mut printer::Printer,
    frames: &[Vec<u8>],
    ts_sec: i64,
    out: &mut Vec<u8>,
) -> usize {
    for (k, f) in frames.iter().enumerate() {
        let pkt = pcapng::Packet {
            linktype: pcapng::linktype::ETHERNET,
            ts_sec,
            ts_nsec: k as u32 * 1000,
            wire_len: f.len() as u32,
            data: f,
        };
        p.print(&pkt, out);
    }
    out.len()
}
