//! ns per line of the printer's hot paths, one benchmark each so each can be tuned alone
//! (issue 13): a TCP segment with timestamp options (and the SYN's full option set and a
//! SACK block), a DNS answer, an HTTP request line. Frames are taken from the pod-like mix
//! (`benches::mix`), the same bytes `read_vs_tcpdump` measures.
//! `cargo bench -p benches --bench print_paths`

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use pcapng::reader::Reader;
use printer::{PrintOptions, Printer};

/// The first `n` frames of the mix whose tcpdump line satisfies `want`.
fn frames(pick: impl Fn(&str) -> bool, n: usize) -> Vec<Vec<u8>> {
    let path = std::env::temp_dir().join(format!("dumpy-print-paths-{}.pcap", std::process::id()));
    benches::mix::write_mix(&path, 20_000, benches::mix::SEED).expect("write mix");
    let mut r = Reader::new(std::fs::read(&path).expect("read mix")).expect("pcap");
    let _ = std::fs::remove_file(&path);
    // Lines are judged by the printer itself (it matches tcpdump on this file).
    let mut p = Printer::new(PrintOptions::default());
    let mut out = Vec::new();
    let mut picked = Vec::new();
    while let Some(pkt) = r.next_packet().expect("packet") {
        out.clear();
        p.print(&pkt, &mut out);
        if pick(&String::from_utf8_lossy(&out)) {
            picked.push(pkt.data.to_vec());
            if picked.len() == n {
                break;
            }
        }
    }
    assert!(!picked.is_empty(), "no frame matched");
    picked
}

fn bench_path(c: &mut Criterion, name: &str, frames: &[Vec<u8>]) {
    let mut g = c.benchmark_group("print_path");
    g.throughput(Throughput::Elements(frames.len() as u64));
    g.bench_function(name, |b| {
        let mut p = Printer::new(PrintOptions::default());
        let mut out = Vec::with_capacity(1 << 16);
        b.iter(|| {
            out.clear();
            std::hint::black_box(benches::print_frames(
                &mut p,
                frames,
                1_764_597_600,
                &mut out,
            ))
        })
    });
    g.finish();
}

fn bench(c: &mut Criterion) {
    // The connection table is warm after the first iteration, as on a running capture.
    let ts = frames(
        |l| l.contains("options [nop,nop,TS val") && !l.contains("sack") && !l.contains("HTTP"),
        64,
    );
    bench_path(c, "tcp_ts_options", &ts);
    let syn = frames(|l| l.contains("options [mss "), 64);
    bench_path(c, "tcp_syn_options", &syn);
    let sack = frames(|l| l.contains(",sack 1 {"), 64);
    bench_path(c, "tcp_sack", &sack);
    let dns = frames(
        |l| l.contains(".53 > ") && (l.contains(" A ") || l.contains("AAAA ")),
        64,
    );
    bench_path(c, "dns_answer", &dns);
    let http = frames(
        |l| l.contains(": HTTP: GET ") || l.contains(": HTTP: POST "),
        64,
    );
    bench_path(c, "http_request", &http);
}

criterion_group!(benches, bench);
criterion_main!(benches);
