//! The raw dumps of `-x`/`-xx`, `-X`/`-XX` and `-A`/`-AA`, printed after a packet's line
//! (the tail of tcpdump's `pretty_print_packet` in print.c). The dump formats themselves
//! are print-ascii.c's, in [`Nd`]'s `hex_print`, `hex_and_ascii` and `ascii_print`.

use super::nd::Nd;
use crate::Dump;

/// Dumps the captured bytes: all of them when the flag was doubled (`link`), otherwise those
/// after the link-layer header (`hdrlen`, 0 when the decoder was cut short), and nothing when
/// nothing follows that header.
pub(crate) fn dump(nd: &mut Nd, how: Dump, hdrlen: usize, caplen: usize) {
    // A decoder may have shrunk snapend (`nd_push_snaplen`); the dump sees the whole capture.
    nd.snapend = caplen;
    let (start, link) = match how {
        Dump::None => return,
        Dump::Hex { link } | Dump::HexAscii { link } | Dump::Ascii { link } => {
            (if link { 0 } else { hdrlen }, link)
        }
    };
    if !link && caplen <= hdrlen {
        return;
    }
    let len = caplen - start;
    // The whole range is captured, so these cannot report truncation.
    let _ = match how {
        Dump::Hex { .. } => nd.hex_print(b"\n\t", start, len),
        Dump::HexAscii { .. } => nd.hex_and_ascii(b"\n\t", start, len),
        _ => nd.ascii_print(start, len),
    };
}

#[cfg(test)]
mod tests {
    use crate::{Dump, PrintOptions, Printer, TimestampStyle};
    use pcapng::Packet;

    fn dump(how: Dump, data: &[u8]) -> String {
        let mut p = Printer::new(PrintOptions {
            timestamps: TimestampStyle::None,
            dump: how,
            ..PrintOptions::default()
        });
        let pkt = Packet {
            linktype: pcapng::linktype::RAW,
            ts_sec: 0,
            ts_nsec: 0,
            wire_len: data.len() as u32,
            data,
        };
        let mut out = Vec::new();
        p.print(&pkt, &mut out);
        String::from_utf8(out).unwrap()
    }

    /// print-ascii.c's `0x%04x` grows past four digits from 64 KiB on, and an odd last
    /// byte of -x stands alone.
    #[test]
    fn offsets_past_64k_and_odd_lengths() {
        let mut data = vec![0x41u8; 0x10011];
        data[0] = 0x60; // IPv6, so the line is short
        let x = dump(Dump::Hex { link: false }, &data);
        assert!(
            x.contains("\n\t0xfff0:  4141 4141 4141 4141 4141 4141 4141 4141\n\t0x10000:  4141")
        );
        assert!(x.ends_with("\n\t0x10010:  41\n"), "{}", &x[x.len() - 40..]);
        let big_x = dump(Dump::HexAscii { link: false }, &data);
        assert!(big_x.ends_with("\n\t0x10010:  41                                       A\n"));
        assert!(big_x
            .contains("\n\t0x10000:  4141 4141 4141 4141 4141 4141 4141 4141  AAAAAAAAAAAAAAAA\n"));
    }
}
