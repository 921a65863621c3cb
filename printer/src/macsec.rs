//! MACsec (IEEE 802.1AE; tcpdump's print-macsec.c), ethertype 0x88e5: the SecTAG (with -e,
//! or before an encrypted payload: association number, packet number, flags, short length,
//! secure channel id), then an integrity-only payload decoded as the frame's next
//! ethertype with the ICV left out, or an encrypted one dumped.

use super::nd::{Nd, R};
use super::tok::{self, Tok};

const ICV_LEN: usize = 16;
const SECTAG_NOSCI: usize = 6;
const SECTAG_SCI: usize = 14;
const TCI_VERSION: u8 = 0x80;
const TCI_SC: u8 = 0x20;
/// ES, SC, SCB, E, C.
const TCI_FLAGS: u8 = 0x7c;
/// E and C: the payload is encrypted or changed.
const TCI_CONFID: u8 = 0x0c;
const SL_MASK: u8 = 0x3f;

const FLAGS: Tok = &[
    (0x08, "E"),
    (0x04, "C"),
    (0x40, "S"),
    (0x10, "B"),
    (0x20, "I"),
];

/// What `macsec_print` leaves its caller: the frame's position and lengths past the SecTAG.
pub(crate) struct Frame {
    pub p: usize,
    pub length: usize,
    pub caplen: usize,
    pub hdrlen: usize,
}

/// What the caller does next (C's return value).
pub(crate) enum Next {
    /// Encrypted: dump the payload (0).
    Encrypted,
    /// The header could not be decoded: the frame ends, with this link-layer length (> 0).
    Stop(usize),
    /// Integrity only: go on with the ethertype that follows (< 0).
    Payload,
}

fn header(nd: &mut Nd, tag: usize, short_length: u8) -> R {
    let tci = nd.u1(tag)?;
    let pn = nd.be4(tag + 2)?;
    nd.s(b"an ");
    nd.u((tci & 0x03) as u64);
    nd.s(b", pn ");
    nd.u(pn as u64);
    nd.s(b", flags ");
    tok::bittok(nd, FLAGS, "none", (tci & TCI_FLAGS) as u32, b"");
    if short_length != 0 {
        nd.s(b", sl ");
        nd.u(short_length as u64);
    }
    if tci & TCI_SC != 0 {
        let hi = nd.be4(tag + 6)?;
        let lo = nd.be4(tag + 10)?;
        nd.s(b", sci ");
        nd.x0(((hi as u64) << 32) | lo as u64, 16);
    }
    nd.s(b", ");
    Ok(())
}

/// `macsec_print`: `f` starts at the SecTAG; `src_dst` is the Ethernet header (printed
/// before an encrypted payload when -e did not print it).
pub(crate) fn macsec_print(nd: &mut Nd, f: &mut Frame, src_dst: usize) -> R<Next> {
    let save = nd.proto;
    nd.proto = "macsec";
    let r = sectag(nd, f, src_dst);
    nd.proto = save;
    r
}

fn sectag(nd: &mut Nd, f: &mut Frame, src_dst: usize) -> R<Next> {
    let tag = f.p;
    let stop = Next::Stop(f.hdrlen + f.caplen);
    if f.caplen < SECTAG_NOSCI || f.length < SECTAG_NOSCI {
        nd.trunc();
        return Ok(stop);
    }
    let tci = nd.u1(tag)?;
    let sectag_len = if tci & TCI_SC != 0 {
        if f.caplen < SECTAG_SCI || f.length < SECTAG_SCI {
            nd.trunc();
            return Ok(stop);
        }
        SECTAG_SCI
    } else {
        SECTAG_NOSCI
    };
    let sl = nd.u1(tag + 1)?;
    if sl & !SL_MASK != 0 || tci & TCI_VERSION != 0 {
        nd.invalid();
        return Ok(stop);
    }
    let short_length = sl & SL_MASK;
    if nd.eflag {
        header(nd, tag, short_length)?;
    }
    f.p += sectag_len;
    f.hdrlen += sectag_len;
    f.length -= sectag_len;
    f.caplen -= sectag_len;
    if tci & TCI_CONFID != 0 {
        if !nd.eflag {
            nd.mac(src_dst + 6)?;
            nd.s(b" > ");
            nd.mac(src_dst)?;
            nd.s(b" 802.1AE MACsec, ");
            header(nd, tag, short_length)?;
        }
        return Ok(Next::Encrypted);
    }
    if f.length < ICV_LEN || f.caplen < ICV_LEN {
        nd.trunc();
        return Ok(stop);
    }
    f.length -= ICV_LEN;
    f.caplen -= ICV_LEN;
    // The ICV ends the frame: it is not payload for what follows.
    nd.snapend -= ICV_LEN;
    let sl = short_length as usize;
    if sl != 0 {
        if sl > f.length || sl > f.caplen {
            nd.trunc();
            return Ok(stop);
        }
        f.length = f.length.min(sl);
        f.caplen = f.caplen.min(sl);
    }
    Ok(Next::Payload)
}
