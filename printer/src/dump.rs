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
