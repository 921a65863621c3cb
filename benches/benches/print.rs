//! ns per packet of the printer (no I/O) on a TCP/UDP/DNS mix, and of the reader+printer.
//! `cargo bench -p benches --bench print`

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use printer::{PrintOptions, Printer};

fn ipv4_frame(proto: u8, l4: &[u8]) -> Vec<u8> {
    let mut f = vec![2, 0, 0, 0, 0, 0xb, 2, 0, 0, 0, 0, 0xa, 8, 0];
    let total = 20 + l4.len();
    f.extend_from_slice(&[
        0x45,
        0,
        (total >> 8) as u8,
        total as u8,
        0,
        1,
        0x40,
        0,
        64,
        proto,
        0,
        0,
    ]);
    f.extend_from_slice(&[192, 0, 2, 1, 192, 0, 2, 2]);
    f.extend_from_slice(l4);
    f
}

fn mix() -> Vec<Vec<u8>> {
    // TCP SYN with options, an ACK with timestamps and payload, plain UDP, a DNS query and a
    // DNS answer.
    let mut syn = vec![
        0x9c, 0x40, 0, 80, 0, 0, 0x03, 0xe8, 0, 0, 0, 0, 0xa0, 0x02, 0xfa, 0xf0, 0, 0, 0, 0,
    ];
    syn.extend_from_slice(&[
        2, 4, 5, 0xb4, 4, 2, 8, 10, 0, 1, 0xe2, 0x40, 0, 0, 0, 0, 1, 3, 3, 7,
    ]);
    let mut ack = vec![
        0x9c, 0x40, 0, 80, 0, 0, 0x03, 0xe9, 0, 0, 0x13, 0x89, 0x80, 0x18, 0x01, 0xf6, 0, 0, 0, 0,
    ];
    ack.extend_from_slice(&[1, 1, 8, 10, 0, 1, 0xe2, 0x41, 0, 0, 0, 99]);
    ack.extend_from_slice(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    let mut udp = vec![0x75, 0x30, 0x27, 0x0f, 0, 26, 0, 0];
    udp.extend_from_slice(&[b'x'; 18]);
    let q: &[u8] = b"\x12\x34\x01\x00\x00\x01\x00\x00\x00\x00\x00\x00\x03www\x07example\x04test\x00\x00\x01\x00\x01";
    let mut dnsq = vec![0xd4, 0x31, 0, 53, 0, (8 + q.len()) as u8, 0, 0];
    dnsq.extend_from_slice(q);
    let mut a = q.to_vec();
    a[2] = 0x81;
    a[3] = 0x80;
    a[7] = 1;
    a.extend_from_slice(b"\xc0\x0c\x00\x01\x00\x01\x00\x00\x00\x3c\x00\x04\xc0\x00\x02\x50");
    let mut dnsr = vec![0, 53, 0xd4, 0x31, 0, (8 + a.len()) as u8, 0, 0];
    dnsr.extend_from_slice(&a);
    vec![
        ipv4_frame(6, &syn),
        ipv4_frame(6, &ack),
        ipv4_frame(17, &udp),
        ipv4_frame(17, &dnsq),
        ipv4_frame(17, &dnsr),
    ]
}

fn bench(c: &mut Criterion) {
    let frames = mix();
    let mut g = c.benchmark_group("print");
    g.throughput(Throughput::Elements(frames.len() as u64));
    g.bench_function("tcp_udp_dns_mix", |b| {
        let mut p = Printer::new(PrintOptions::default());
        let mut out = Vec::with_capacity(1 << 16);
        // Many packets per second, as on a busy link: the timestamp text is reused.
        let ts = 1_700_000_000i64;
        b.iter(|| {
            out.clear();
            std::hint::black_box(benches::print_frames(&mut p, &frames, ts, &mut out))
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
