//! AODV, Ad hoc On-Demand Distance Vector routing (tcpdump's print-aodv.c, RFC 3561 and the
//! IPv6 draft), UDP port 654: route requests, replies and errors with their addresses and
//! sequence numbers, and the Hello extension.

use super::nd::{Nd, R};

/// Where a request's or reply's fields are (they differ between IPv4, IPv6 and the IPv6
/// draft's own message types).
struct Layout {
    size: usize,
    /// Address length: 4 or 16.
    alen: usize,
    /// Request: id, destination, destination seq, originator, originator seq.
    /// Reply: (unused), destination, destination seq, originator, lifetime.
    id: usize,
    da: usize,
    ds: usize,
    oa: usize,
    os: usize,
}

const RREQ: Layout = Layout {
    size: 24,
    alen: 4,
    id: 4,
    da: 8,
    ds: 12,
    oa: 16,
    os: 20,
};
const RREQ6: Layout = Layout {
    size: 48,
    alen: 16,
    id: 4,
    da: 8,
    ds: 24,
    oa: 28,
    os: 44,
};
const RREQ6_DRAFT: Layout = Layout {
    size: 48,
    alen: 16,
    id: 4,
    da: 16,
    ds: 8,
    oa: 32,
    os: 12,
};
const RREP: Layout = Layout {
    size: 20,
    alen: 4,
    id: 0,
    da: 4,
    ds: 8,
    oa: 12,
    os: 16,
};
const RREP6: Layout = Layout {
    size: 44,
    alen: 16,
    id: 0,
    da: 4,
    ds: 20,
    oa: 24,
    os: 40,
};
const RREP6_DRAFT: Layout = Layout {
    size: 44,
    alen: 16,
    id: 0,
    da: 8,
    ds: 4,
    oa: 24,
    os: 40,
};

fn addr(nd: &mut Nd, at: usize, alen: usize) -> R {
    if alen == 4 {
        nd.ip4(at)
    } else {
        nd.ip6(at)
    }
}

/// `aodv_extension`.
fn extension(nd: &mut Nd, ep: usize, length: usize) -> R {
    nd.tcheck(ep, 2)?;
    let (typ, len) = (nd.u1(ep)?, nd.u1(ep + 1)?);
    if typ == 1 {
        nd.tcheck(ep, 6)?;
        if length < 6 {
            return Err(nd.local_trunc());
        }
        if len < 4 {
            nd.s(b"\n\text HELLO - bad length ");
            nd.u(len as u64);
        } else {
            let interval = nd.be4(ep + 2)?;
            nd.s(b"\n\text HELLO ");
            nd.u(interval as u64);
            nd.s(b" ms");
        }
    } else {
        nd.s(b"\n\text ");
        nd.u(typ as u64);
        nd.s(b" ");
        nd.u(len as u64);
    }
    Ok(())
}

/// The extension after a fixed-size message, if there is room for its header.
fn trailer(nd: &mut Nd, dat: usize, length: usize, size: usize) -> R {
    if length - size >= 2 {
        extension(nd, dat + size, length - size)?;
    }
    Ok(())
}

/// `aodv_rreq`, `aodv_v6_rreq`, `aodv_v6_draft_01_rreq` (`name`: " rreq" or " v6 rreq").
fn rreq(nd: &mut Nd, dat: usize, length: usize, l: &Layout, name: &[u8]) -> R {
    nd.tcheck(dat, l.size)?;
    if length < l.size {
        return Err(nd.local_trunc());
    }
    // tcpdump tests the flags in the type byte, not the flags byte.
    let typ = nd.u1(dat)?;
    nd.s(name);
    nd.s(b" ");
    nd.u(length as u64);
    nd.s(b" ");
    for (bit, f) in [
        (0x80, b"[J]"),
        (0x40, b"[R]"),
        (0x20, b"[G]"),
        (0x10, b"[D]"),
    ] {
        if typ & bit != 0 {
            nd.s(f);
        }
    }
    nd.s(if typ & 0x08 != 0 { b"[U] " } else { b" " });
    nd.s(b"hops ");
    nd.u(nd.u1(dat + 3)? as u64);
    nd.s(b" id 0x");
    nd.x0(nd.be4(dat + l.id)? as u64, 8);
    nd.s(b"\n\tdst ");
    addr(nd, dat + l.da, l.alen)?;
    nd.s(b" seq ");
    nd.u(nd.be4(dat + l.ds)? as u64);
    nd.s(b" src ");
    addr(nd, dat + l.oa, l.alen)?;
    nd.s(b" seq ");
    nd.u(nd.be4(dat + l.os)? as u64);
    trailer(nd, dat, length, l.size)
}

/// `aodv_rrep`, `aodv_v6_rrep`, `aodv_v6_draft_01_rrep`.
fn rrep(nd: &mut Nd, dat: usize, length: usize, l: &Layout) -> R {
    nd.tcheck(dat, l.size)?;
    if length < l.size {
        return Err(nd.local_trunc());
    }
    let typ = nd.u1(dat)?;
    nd.s(b" rrep ");
    nd.u(length as u64);
    nd.s(b" ");
    if typ & 0x80 != 0 {
        nd.s(b"[R]");
    }
    nd.s(if typ & 0x40 != 0 { b"[A] " } else { b" " });
    nd.s(b"prefix ");
    nd.u((nd.u1(dat + 2)? & 0x1f) as u64);
    nd.s(b" hops ");
    nd.u(nd.u1(dat + 3)? as u64);
    nd.s(b"\n\tdst ");
    addr(nd, dat + l.da, l.alen)?;
    nd.s(b" dseq ");
    nd.u(nd.be4(dat + l.ds)? as u64);
    nd.s(b" src ");
    addr(nd, dat + l.oa, l.alen)?;
    nd.s(b" ");
    nd.u(nd.be4(dat + l.os)? as u64);
    nd.s(b" ms");
    trailer(nd, dat, length, l.size)
}

/// `aodv_rerr` (`alen` 4) and its IPv6 forms (16): the unreachable destinations.
fn rerr(nd: &mut Nd, dat: usize, length: usize, alen: usize) -> R {
    nd.tcheck(dat, 4)?;
    if length < 4 {
        return Err(nd.local_trunc());
    }
    let (flags, dc) = (nd.u1(dat + 1)?, nd.u1(dat + 3)?);
    nd.s(b" rerr ");
    if flags & 0x80 != 0 {
        nd.s(b"[D]");
    }
    nd.s(b" [items ");
    nd.u(dc as u64);
    nd.s(b"] [");
    nd.u(length as u64);
    nd.s(b"]:");
    let item = alen + 4;
    let (mut dp, mut i) = (dat + 4, length - 4);
    for _ in 0..dc {
        nd.tcheck(dp, item)?;
        if i < item {
            return Err(nd.local_trunc());
        }
        nd.s(b" {");
        addr(nd, dp, alen)?;
        nd.s(b"}(");
        nd.u(nd.be4(dp + alen)? as u64);
        nd.s(b")");
        dp += item;
        i -= item;
    }
    Ok(())
}

/// `aodv_print`; `is_ip6` when carried over IPv6.
pub(crate) fn aodv_print(nd: &mut Nd, dat: usize, length: usize, is_ip6: bool) -> R {
    nd.proto = "aodv";
    let msg_type = nd.u1(dat)?;
    nd.s(b" aodv");
    match msg_type {
        1 if is_ip6 => rreq(nd, dat, length, &RREQ6, b" v6 rreq"),
        1 => rreq(nd, dat, length, &RREQ, b" rreq"),
        2 if is_ip6 => rrep(nd, dat, length, &RREP6),
        2 => rrep(nd, dat, length, &RREP),
        3 => rerr(nd, dat, length, if is_ip6 { 16 } else { 4 }),
        16 => rreq(nd, dat, length, &RREQ6_DRAFT, b" rreq"),
        17 => rrep(nd, dat, length, &RREP6_DRAFT),
        18 => rerr(nd, dat, length, 16),
        4 | 19 => {
            nd.s(b" rrep-ack ");
            nd.u(length as u64);
            Ok(())
        }
        _ => {
            nd.s(b" type ");
            nd.u(msg_type as u64);
            nd.s(b" ");
            nd.u(length as u64);
            Ok(())
        }
    }
}
