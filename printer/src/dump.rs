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

    /// An Ethernet/IPv4/UDP BOOTP request from 192.0.2.1 with the DHCP magic cookie and,
    /// after it, `opts` (a capture cut inside the options).
    fn dhcp_frame(opts: &[u8]) -> Vec<u8> {
        let mut f = vec![2, 0, 0, 0, 0, 0xb, 2, 0, 0, 0, 0, 0xa, 8, 0];
        let udp_len = 8 + 240 + 4;
        let ip_len = 20 + udp_len;
        f.extend_from_slice(&[
            0x45,
            0,
            (ip_len >> 8) as u8,
            ip_len as u8,
            0,
            1,
            0,
            0,
            64,
            17,
        ]);
        f.extend_from_slice(&[0, 0, 192, 0, 2, 1, 192, 0, 2, 2]);
        f.extend_from_slice(&[0, 68, 0, 67, (udp_len >> 8) as u8, udp_len as u8, 0, 0]);
        let mut bootp = vec![0u8; 236];
        bootp[..3].copy_from_slice(&[1, 1, 6]);
        f.extend_from_slice(&bootp);
        f.extend_from_slice(&[0x63, 0x82, 0x53, 0x63]);
        f.extend_from_slice(opts);
        f
    }

    /// `-v -x` of a frame cut to `data`, the whole frame being `wire_len` bytes.
    fn verbose_hex(data: &[u8], wire_len: usize) -> String {
        let mut p = Printer::new(PrintOptions {
            timestamps: TimestampStyle::None,
            verbose: 1,
            dump: Dump::Hex { link: false },
            ..PrintOptions::default()
        });
        let pkt = Packet {
            linktype: pcapng::linktype::ETHERNET,
            ts_sec: 0,
            ts_nsec: 0,
            wire_len: wire_len as u32,
            data,
        };
        let mut out = Vec::new();
        p.print(&pkt, &mut out);
        String::from_utf8(out).unwrap()
    }

    /// print-bootp.c's rfc1048_print: an option's value cut short is its own `goto trunc`
    /// (the dump leaves the Ethernet header out), its length byte cut short a `GET_U_1`
    /// longjmp (the dump starts at the Ethernet header), both ending in " [|bootp]".
    #[test]
    fn dhcp_option_cut_short_local_or_longjmp() {
        let whole = dhcp_frame(&[53, 1, 1, 255]);
        let value_missing = verbose_hex(&whole[..whole.len() - 2], whole.len());
        assert!(
            value_missing.contains("DHCP-Message (53), length 1:  [|bootp]\n\t0x0000:  4500 "),
            "{value_missing}"
        );
        let length_missing = verbose_hex(&whole[..whole.len() - 3], whole.len());
        assert!(
            length_missing.contains(" [|bootp]\n\t0x0000:  0200 0000 000b 0200"),
            "{length_missing}"
        );
    }
}
