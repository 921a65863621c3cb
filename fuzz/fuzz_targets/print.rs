//! Arbitrary bytes to the printer, for every link type it decodes (and one it does not),
//! under a random flag set. Byte 0 picks the link type; byte 1 the options (bit 0 -e, bit 1
//! -q, bits 2-4 the timestamp style, bit 7 nano precision); bytes 2..4 how much longer the
//! wire length claims to be than the captured bytes; byte 4 the dump and numbering options
//! (bits 0-1 the -x count, 2-3 the -X count, 4-5 the -A count, bit 6 -S, bit 7 -#); byte 5
//! the verbosity (bits 0-1: -v...-vvv; bit 2: -K); the rest is the packet. Each input is
//! printed twice so the TCP sequence-number state is exercised too, then split in two
//! packets printed one after the other (a call and its reply).
#![no_main]

use printer::TimestampStyle;
use pcapng::Packet;
use printer::{Dump, PrintOptions, Printer};
use libfuzzer_sys::fuzz_target;

const LINKTYPES: [u32; 11] = [1, 113, 276, 0, 108, 12, 14, 101, 228, 229, 147];

fuzz_target!(|data: &[u8]| {
    if data.len() < 6 {
        return;
    }
    let linktype = LINKTYPES[data[0] as usize % LINKTYPES.len()];
    let flags = data[1];
    let extra = u16::from_be_bytes([data[2], data[3]]) as u32 % 300;
    let more = data[4];
    let verbosity = data[5];
    let timestamps = match (flags >> 2) % 5 {
        0 => TimestampStyle::Time,
        1 => TimestampStyle::None,
        2 => TimestampStyle::Epoch,
        3 => TimestampStyle::Delta,
        _ => TimestampStyle::DateTime,
    };
    let opts = PrintOptions {
        timestamps,
        link_header: flags & 1 != 0,
        quiet: flags & 2 != 0,
        nano: flags & 0x80 != 0,
        dump: Dump::from_counts(more & 3, (more >> 2) & 3, (more >> 4) & 3),
        absolute_seq: more & 0x40 != 0,
        numbered: more & 0x80 != 0,
        verbose: verbosity & 3,
        dont_verify_checksums: verbosity & 4 != 0,
    };
    let mut p = Printer::new(opts);
    p.set_interface_resolver(Box::new(|i| if i % 2 == 0 { Some(format!("if{i}")) } else { None }));
    let body = &data[6..];
    let pkt = Packet {
        linktype,
        ts_sec: i64::from(flags) * 1_000_003,
        ts_nsec: (extra * 3_333_333) % 1_000_000_000,
        wire_len: body.len() as u32 + extra,
        data: body,
    };
    let mut out = Vec::new();
    p.print(&pkt, &mut out);
    p.skip(u64::from(more));
    p.print(&pkt, &mut out);
    assert_eq!(out.last(), Some(&b'\n'));
    // The body split in two packets (at bytes 2..4 modulo its length), printed in turn:
    // state one packet leaves for the next (an NFS call for its reply) is exercised too.
    if body.len() > 1 {
        let at = u16::from_be_bytes([data[2], data[3]]) as usize % body.len();
        for part in [&body[..at], &body[at..]] {
            let pkt = Packet {
                data: part,
                wire_len: part.len() as u32,
                ..pkt
            };
            p.print(&pkt, &mut out);
        }
        assert_eq!(out.last(), Some(&b'\n'));
    }
});
