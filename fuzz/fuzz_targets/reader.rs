//! Arbitrary bytes as a pcap/pcapng file: the reader must return packets or an error, never
//! panic; every packet it returns is printed.
#![no_main]

use pcapng::reader::Reader;
use printer::{PrintOptions, Printer};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(mut r) = Reader::from_bytes(data.to_vec()) else { return };
    let mut p = Printer::new(PrintOptions::default());
    let mut out = Vec::new();
    for _ in 0..10_000 {
        match r.next_packet() {
            Ok(Some(pkt)) => p.print(&pkt, &mut out),
            _ => break,
        }
    }
});
