//! pcapng EPB encoding throughput against a plain memcpy of the same packet bytes into the
//! same kind of 1 MiB chunk. The ratio (memcpy time / encode time) is the figure: ≥ 0.7.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use pcapng::writer::encode_epb;
use std::hint::black_box;

const CHUNK: usize = 1 << 20;

fn encode_vs_memcpy(c: &mut Criterion) {
    let mut g = c.benchmark_group("epb_vs_memcpy");
    for size in [64usize, 512, 1500] {
        let pkt = benches::udp_frame([2, 0, 0, 0, 0, 2], [2, 0, 0, 0, 0, 1], size, 9);
        let per_chunk = CHUNK / (size + 64);
        g.throughput(Throughput::Bytes((per_chunk * size) as u64));
        let mut buf: Vec<u8> = Vec::with_capacity(CHUNK);
        g.bench_with_input(BenchmarkId::new("memcpy", size), &pkt, |b, pkt| {
            b.iter(|| {
                buf.clear();
                for _ in 0..per_chunk {
                    buf.extend_from_slice(black_box(pkt));
                }
                black_box(buf.len())
            })
        });
        g.bench_with_input(BenchmarkId::new("encode_epb", size), &pkt, |b, pkt| {
            b.iter(|| {
                buf.clear();
                for i in 0..per_chunk {
                    encode_epb(
                        &mut buf,
                        0,
                        i as u64,
                        black_box(pkt),
                        pkt.len() as u32,
                        Some(1),
                    );
                }
                black_box(buf.len())
            })
        });
    }
    g.finish();
}

criterion_group!(benches, encode_vs_memcpy);
criterion_main!(benches);
