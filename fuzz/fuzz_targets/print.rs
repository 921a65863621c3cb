//! Arbitrary bytes to the printer, for every link type it decodes (and one it does not).
//! Byte 0 picks the link type, byte 1 the options (-e, -q, timestamp style, -v count, -K), bytes 2..4 how
//! much longer the wire length claims to be than the captured bytes; the rest is the packet.
//! Each input is printed twice so the TCP sequence-number state is exercised too, then split
//! in two packets printed one after the other (a call and its reply).
#![no_main]

use printer::TimestampStyle;
use pcapng::Packet;
use printer::{PrintOptions, Printer};
use libfuzzer_sys::fuzz_target;

const LINKTYPES: [u32; 11] = [1, 113, 276, 0, 108, 12, 14, 101, 228, 229, 147];

fuzz_target!(|data: &[u8]| {
    if data.len() < 4 {
        return;
    }
    let linktype = LINKTYPES[data[0] as usize % LINKTYPES.len()];
    let flags = data[1];
    let extra = u16::from_be_bytes([data[2], data[3]]) as u32 % 300;
    let timestamps = match (flags >> 2) % 5 {
        0 => TimestampStyle::Time,
        1 => TimestampStyle::None,
        2 => TimestampStyle::Epoch,
        3 => TimestampStyle::Delta,
        _ => TimestampStyle::DateTime,
    };
    // Bits 5-6: verbosity 0 to 3 (-v...-vvv); bit 7: -K.
    let opts = PrintOptions {
        timestamps,
        link_header: flags & 1 != 0,
        quiet: flags & 2 != 0,
        verbose: (flags >> 5) & 3,
        dont_verify_checksums: flags & 0x80 != 0,
    };
    let mut p = Printer::new(opts);
    p.set_interface_resolver(Box::new(|i| if i % 2 == 0 { Some(format!("if{i}")) } else { None }));
    let body = &data[4..];
    let pkt = Packet {
        linktype,
        ts_sec: i64::from(flags) * 1_000_003,
        ts_nsec: (extra * 3_333_333) % 1_000_000_000,
        wire_len: body.len() as u32 + extra,
        data: body,
    };
    let mut out = Vec::new();
    p.print(&pkt, &mut out);
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
