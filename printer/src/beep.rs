//! BEEP (tcpdump's print-beep.c, RFC 3080), TCP port 10288: the frame's keyword (MSG, RPY,
//! ERR, ANS, NUL, SEQ, END) when the segment starts with one.

use super::nd::Nd;

/// `beep_print`. tcpdump compares 4 bytes with `strncmp`, so "MSG" and "END" match only when
/// a NUL follows them, and every keyword needs 4 captured bytes within the segment.
pub(crate) fn beep_print(nd: &mut Nd, bp: usize, length: usize) {
    nd.proto = "beep";
    const KEYWORDS: [(&[u8; 4], &[u8]); 7] = [
        (b"MSG\0", b" BEEP MSG"),
        (b"RPY ", b" BEEP RPY"),
        (b"ERR ", b" BEEP ERR"),
        (b"ANS ", b" BEEP ANS"),
        (b"NUL ", b" BEEP NUL"),
        (b"SEQ ", b" BEEP SEQ"),
        (b"END\0", b" BEEP END"),
    ];
    let head = match nd.bytes(bp, 4) {
        Ok(h) if length >= 4 => Some(h),
        _ => None,
    };
    let line = KEYWORDS
        .iter()
        .find(|(k, _)| head == Some(k.as_slice()))
        .map_or(b" BEEP (payload or undecoded)".as_slice(), |&(_, l)| l);
    nd.s(line);
}
