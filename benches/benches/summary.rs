//! Summary formatting cost, ns per packet, over a TCP/UDP/DNS mix, through the public
//! `Printer` API the sniffer's `--print` path uses.

use capture_core::packet::Packet;
use capture_core::print::{PrintOptions, Printer};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

fn summary_mix(c: &mut Criterion) {
    let frames = [
        benches::tcp_frame(),
        benches::udp_frame([2, 0, 0, 0, 0, 2], [2, 0, 0, 0, 0, 1], 128, 9),
        benches::dns_frame(),
    ];
    let pkts: Vec<Packet<'_>> = frames
        .iter()
        .enumerate()
        .map(|(i, f)| Packet {
            linktype: 1,
            ts_sec: 1_700_000_000 + i as i64,
            ts_nsec: 123_456_000,
            wire_len: f.len() as u32,
            data: f,
        })
        .collect();
    let mut g = c.benchmark_group("summary");
    g.throughput(Throughput::Elements(pkts.len() as u64));
    let mut printer = Printer::new(PrintOptions::default());
    let mut out = Vec::with_capacity(4096);
    g.bench_function("tcp_udp_dns_mix", |b| {
        b.iter(|| {
            out.clear();
            for p in &pkts {
                printer.print(black_box(p), &mut out);
            }
            black_box(out.len())
        })
    });
    g.finish();
}

criterion_group!(benches, summary_mix);
criterion_main!(benches);
