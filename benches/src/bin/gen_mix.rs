//! `cargo run --release -p benches --bin gen_mix -- OUT.pcap [PACKETS] [SEED]`: writes the
//! pod-like capture of [`benches::mix`] (default 1,000,000 packets, the seed
//! `read_vs_tcpdump` uses), for profiling or inspecting with tcpdump.

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(out) = args.next() else {
        eprintln!("usage: gen_mix OUT.pcap [PACKETS] [SEED]");
        std::process::exit(2);
    };
    let n = args
        .next()
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let seed = args
        .next()
        .and_then(|a| a.parse().ok())
        .unwrap_or(benches::mix::SEED);
    match benches::mix::write_mix(std::path::Path::new(&out), n, seed) {
        Ok(st) => println!(
            "{out}: {} packets, {} bytes, {} TCP connections",
            st.packets, st.bytes, st.tcp_connections
        ),
        Err(e) => {
            eprintln!("gen_mix: {out}: {e}");
            std::process::exit(1);
        }
    }
}
