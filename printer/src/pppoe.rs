//! PPPoE (RFC 2516; tcpdump's print-pppoe.c), ethertypes 0x8863/0x8864 (and 0x3c12/0x3c13):
//! discovery packets (PADI, PADO, PADR, PADS, PADT) with their tags, as text when mostly
//! printable, else in hex; session packets' PPP frame by [`super::ppp`].

use super::nd::{Nd, R};
use super::ppp;
use super::tok::{self, Tok};

const HDRLEN: usize = 6;
const PADI: u8 = 0x09;
/// `MAXTAGPRINT - 1`: the most characters of a tag printed as text.
const MAX_TAG_TEXT: usize = 79;

const CODES: Tok = &[
    (0x09, "PADI"),
    (0x07, "PADO"),
    (0x19, "PADR"),
    (0x65, "PADS"),
    (0xa7, "PADT"),
    (0, ""),
];

const TAGS: Tok = &[
    (0, "EOL"),
    (0x0101, "Service-Name"),
    (0x0102, "AC-Name"),
    (0x0103, "Host-Uniq"),
    (0x0104, "AC-Cookie"),
    (0x0105, "Vendor-Specific"),
    (0x0110, "Relay-Session-ID"),
    (0x0120, "PPP-Max-Payload"),
    (0x0201, "Service-Name-Error"),
    (0x0202, "AC-System-Error"),
    (0x0203, "Generic-Error"),
];

fn tag_name(nd: &mut Nd, t: u16) {
    match tok::name(TAGS, t as u32) {
        Some(n) => nd.st(n),
        None => {
            nd.s(b"TAG-0x");
            nd.x(t as u64);
        }
    }
}

/// `pppoe_print`: returns the PPPoE and PPP header length.
pub(crate) fn pppoe_print(nd: &mut Nd, bp: usize, length: usize) -> R<usize> {
    nd.proto = "pppoe";
    if length < HDRLEN {
        nd.s(b" (length ");
        nd.u(length as u64);
        nd.s(b" < 6)");
        nd.invalid();
        return Ok(0);
    }
    let length = length - HDRLEN;
    nd.need(bp, HDRLEN)?;
    let b0 = nd.u1(bp)?;
    let (ver, typ) = (b0 >> 4, b0 & 0x0f);
    let code = nd.u1(bp + 1)?;
    let sid = nd.be2(bp + 2)?;
    let mut plen = nd.be2(bp + 4)? as usize;
    let payload = bp + HDRLEN;
    if ver != 1 {
        nd.s(b" [ver ");
        nd.u(ver as u64);
        nd.s(b"]");
    }
    if typ != 1 {
        nd.s(b" [type ");
        nd.u(typ as u64);
        nd.s(b"]");
    }
    nd.s(b"PPPoE ");
    match tok::name(CODES, code as u32) {
        Some(n) => nd.st(n),
        None => {
            nd.s(b"PAD-");
            nd.x(code as u64);
        }
    }
    if code == PADI && plen > 1484 - HDRLEN {
        nd.s(b" [len ");
        nd.u(plen as u64);
        nd.s(b"!]");
    }
    if plen > length {
        nd.s(b" [len ");
        nd.u(plen as u64);
        nd.s(b" > ");
        nd.u(length as u64);
        nd.s(b"!]");
        plen = length;
    }
    if sid != 0 {
        nd.s(b" [ses 0x");
        nd.x(sid as u64);
        nd.s(b"]");
    }
    if code == 0 {
        nd.s(b" ");
        return Ok(HDRLEN + ppp::ppp_print(nd, payload, plen)?);
    }
    // Tags up to the end of the payload or an End-Of-List tag.
    let mut tag_type = 0xffff;
    let mut p = payload;
    while tag_type != 0 && p < payload + plen {
        tag_type = nd.be2(p)?;
        let tag_len = nd.be2(p + 2)? as usize;
        p += 4;
        if tag_len == 0 {
            nd.s(b" [");
            tag_name(nd, tag_type);
            nd.s(b"]");
        } else {
            nd.need(p, tag_len)?;
            let shown = &nd.b[p..p + tag_len.min(MAX_TAG_TEXT)];
            let ascii = shown.iter().filter(|c| (0x20..=0x7e).contains(*c)).count();
            if ascii > shown.len() - ascii {
                let text: Vec<u8> = shown
                    .iter()
                    .map(|&c| if (0x20..=0x7e).contains(&c) { c } else { b'.' })
                    .collect();
                nd.s(b" [");
                tag_name(nd, tag_type);
                nd.s(b" \"");
                nd.s(&text);
                nd.s(b"\"]");
            } else {
                nd.s(b" [");
                tag_name(nd, tag_type);
                nd.s(b" 0x");
                for i in p..p + tag_len {
                    let c = nd.b[i];
                    // "%02X"
                    for d in [c >> 4, c & 15] {
                        nd.out.push(b"0123456789ABCDEF"[d as usize]);
                    }
                }
                nd.s(b"]");
            }
        }
        p += tag_len;
    }
    Ok(HDRLEN)
}
