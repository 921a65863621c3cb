//! wb, the LBL whiteboard (tcpdump's print-wb.c), UDP destination port 4567: session
//! announcements, repair requests and replies, drawing operations (their op types with -v)
//! and page vector requests and replies.

use super::nd::{Nd, R};
use super::tok::{self, Tok};

const DOP_STR: Tok = &[
    (2, "RECT"),
    (3, "LINE"),
    (4, "ML"),
    (5, "DEL"),
    (6, "XFORM"),
    (7, "ELL"),
    (8, "CHAR"),
    (9, "STR"),
    (10, "NOP"),
    (11, "PSCODE"),
    (12, "PSCOMP"),
    (13, "REF"),
    (14, "SKIP"),
    (15, "HOLE"),
];

/// Header sizes: the packet header, an announcement, an id/offset pair, a repair request,
/// a page request, a page vector reply, a page state, a drawing-op block, a repair reply.
const PKT_HDR: usize = 12;
const PKT_ID: usize = 28;
const ID_OFF: usize = 8;
const PKT_RREQ: usize = 20;
const PKT_PREQ: usize = 16;
const PKT_PREP: usize = 4;
const PGSTATE: usize = 16;
const PKT_DOP: usize = 16;
const PKT_RREP: usize = 20;

/// " SLOT/ADDR:UID" style: a number, "/", an address, ":", a number (all read first).
fn slot_page(nd: &mut Nd, sep: &[u8], slot: usize, page: usize) -> R {
    let (s, uid) = (nd.be4(slot)?, nd.be4(page + 4)?);
    nd.need(page, 4)?;
    nd.s(sep);
    nd.u(s as u64);
    nd.s(b"/");
    nd.ip4(page)?;
    nd.s(b":");
    nd.u(uid as u64);
    Ok(())
}

/// "<ADDR:OFF,ADDR:OFF" of `n` id/offset pairs; the position after them.
fn id_offs(nd: &mut Nd, mut io: usize, n: usize) -> R<usize> {
    let mut c = b"<";
    for _ in 0..n {
        let off = nd.be4(io + 4)?;
        nd.need(io, 4)?;
        nd.s(c);
        nd.ip4(io)?;
        nd.s(b":");
        nd.u(off as u64);
        c = b",";
        io += ID_OFF;
    }
    Ok(io)
}

/// `wb_id`; false for tcpdump's -1.
fn id(nd: &mut Nd, p: usize, len: usize) -> R<bool> {
    nd.s(b" wb-id:");
    if len < PKT_ID {
        return Ok(false);
    }
    let len = len - PKT_ID;
    nd.need(p, 12)?;
    nd.need(p + 12, 12)?;
    slot_page(nd, b" ", p + 12, p + 16)?;
    slot_page(nd, b" (max ", p, p + 4)?;
    nd.s(b") ");
    nd.need(p, PKT_ID)?;
    let nid = nd.be2(p + 24)? as usize;
    if len < ID_OFF * nid {
        return Ok(false);
    }
    let len = len - ID_OFF * nid;
    let sitename = id_offs(nd, p + PKT_ID, nid)?;
    nd.s(b"> \"");
    nd.printjnp(sitename, len)?;
    nd.s(b"\"");
    Ok(true)
}

/// "ADDR:UID<SSEQ:ESEQ>" of a page and its sequence range.
fn page_range(nd: &mut Nd, page: usize, seq: usize) -> R {
    let (uid, s, e) = (nd.be4(page + 4)?, nd.be4(seq)?, nd.be4(seq + 4)?);
    nd.need(page, 4)?;
    nd.ip4(page)?;
    nd.s(b":");
    nd.u(uid as u64);
    nd.s(b"<");
    nd.u(s as u64);
    nd.s(b":");
    nd.u(e as u64);
    nd.s(b">");
    Ok(())
}

/// `wb_rreq`.
fn rreq(nd: &mut Nd, p: usize, len: usize) -> R<bool> {
    nd.s(b" wb-rreq:");
    if len < PKT_RREQ {
        return Ok(false);
    }
    nd.need(p, PKT_RREQ)?;
    nd.s(b" please repair ");
    nd.ip4(p)?;
    nd.s(b" ");
    page_range(nd, p + 4, p + 12)?;
    Ok(true)
}

/// `wb_preq`.
fn preq(nd: &mut Nd, p: usize, len: usize) -> R<bool> {
    nd.s(b" wb-preq:");
    if len < PKT_PREQ {
        return Ok(false);
    }
    slot_page(nd, b" need ", p + 8, p)?;
    nd.need(p, PKT_PREQ)?;
    Ok(true)
}

/// `wb_prep`.
fn prep(nd: &mut Nd, p: usize, len: usize) -> R<bool> {
    nd.s(b" wb-prep:");
    if len < PKT_PREP {
        return Ok(false);
    }
    let mut n = nd.be4(p)?;
    let mut ps = p + PKT_PREP;
    while n != 0 {
        slot_page(nd, b" ", ps, ps + 4)?;
        nd.need(ps, PGSTATE)?;
        // tcpdump reads one byte of the two-byte count.
        let nid = nd.u1(ps + 12)? as usize;
        ps = id_offs(nd, ps + PGSTATE, nid)?;
        nd.s(b">");
        n -= 1;
    }
    Ok(true)
}

/// `wb_dops`: the drawing ops from sequence number `ss` to `es`.
fn dops(nd: &mut Nd, dop: usize, mut ss: u32, es: u32) -> R {
    let mut dh = dop + PKT_DOP;
    nd.s(b" <");
    while ss <= es {
        let t = nd.u1(dh + 7)?;
        nd.s(b" ");
        match tok::name(DOP_STR, t as u32) {
            Some(n) => nd.st(n),
            None => {
                nd.s(b"dop-");
                nd.u(t as u64);
                nd.s(b"!");
            }
        }
        if t == 14 || t == 15 {
            let ts = nd.be4(dh)?;
            nd.u(ts.wrapping_sub(ss).wrapping_add(1) as u64);
            if ss > ts || ts > es {
                nd.s(b"[|]");
                if ts < ss {
                    return Ok(());
                }
            }
            ss = ts;
        }
        // DOP_NEXT: past the header and the body, rounded up to four bytes.
        dh += (nd.be2(dh + 4)? as usize + 8).next_multiple_of(4);
        if ss == u32::MAX {
            // C's `++ss` wraps to 0 and goes on reading until the capture ends.
            ss = 0;
            continue;
        }
        ss += 1;
    }
    nd.s(b" >");
    Ok(())
}

/// `wb_rrep`.
fn rrep(nd: &mut Nd, p: usize, len: usize) -> R<bool> {
    nd.s(b" wb-rrep:");
    if len < PKT_RREP {
        return Ok(false);
    }
    let dop = p + 4;
    nd.need(p, PKT_RREP)?;
    nd.s(b" for ");
    nd.ip4(p)?;
    nd.s(b" ");
    page_range(nd, dop, dop + 8)?;
    if nd.vflag > 0 {
        let (s, e) = (nd.be4(dop + 8)?, nd.be4(dop + 12)?);
        dops(nd, dop, s, e)?;
    }
    Ok(true)
}

/// `wb_drawop`.
fn drawop(nd: &mut Nd, dop: usize, len: usize) -> R<bool> {
    nd.s(b" wb-dop:");
    if len < PKT_DOP {
        return Ok(false);
    }
    nd.need(dop, PKT_DOP)?;
    nd.s(b" ");
    page_range(nd, dop, dop + 8)?;
    if nd.vflag > 0 {
        let (s, e) = (nd.be4(dop + 8)?, nd.be4(dop + 12)?);
        dops(nd, dop, s, e)?;
    }
    Ok(true)
}

/// `wb_print`.
pub(crate) fn wb_print(nd: &mut Nd, hdr: usize, len: usize) -> R {
    nd.proto = "wb";
    if len < PKT_HDR {
        nd.invalid();
        return Ok(());
    }
    nd.need(hdr, PKT_HDR)?;
    let len = len - PKT_HDR;
    if nd.u1(hdr + 11)? != 0 {
        nd.s(b"*");
    }
    let typ = nd.u1(hdr + 10)?;
    let p = hdr + PKT_HDR;
    let ok = match typ {
        4 => {
            nd.s(b" wb-kill");
            return Ok(());
        }
        1 => id(nd, p, len)?,
        2 => rreq(nd, p, len)?,
        3 => rrep(nd, p, len)?,
        0 => drawop(nd, p, len)?,
        5 => preq(nd, p, len)?,
        7 => prep(nd, p, len)?,
        _ => {
            nd.s(b" wb-");
            nd.u(typ as u64);
            nd.s(b"!");
            false
        }
    };
    if !ok {
        nd.invalid();
    }
    Ok(())
}
