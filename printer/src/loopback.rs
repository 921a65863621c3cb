//! Ethernet configuration testing protocol, "Loopback" (tcpdump's print-loopback.c),
//! ethertype 0x9000: the keepalives Cisco switch ports send to themselves. The skip count
//! and the first message (reply or forward-data).

use super::nd::{Nd, R};

/// A little-endian 16-bit field (this protocol's byte order).
fn le2(nd: &Nd, p: usize) -> R<u16> {
    let b = nd.bytes(p, 2)?;
    Ok(u16::from_le_bytes([b[0], b[1]]))
}

fn message(nd: &mut Nd, mut p: usize, mut len: usize) -> R {
    if len < 2 {
        return invalid(nd, p, len);
    }
    let function = le2(nd, p)?;
    p += 2;
    len -= 2;
    nd.s(b", ");
    match function {
        1 => nd.s(b"Reply"),
        2 => nd.s(b"Forward Data"),
        f => {
            nd.s(b" invalid (");
            nd.u(f as u64);
            nd.s(b")");
        }
    }
    match function {
        1 => {
            if len < 2 {
                return invalid(nd, p, len);
            }
            let receipt = le2(nd, p)?;
            nd.s(b", receipt number ");
            nd.u(receipt as u64);
            p += 2;
            len -= 2;
        }
        2 => {
            if len < 6 {
                return invalid(nd, p, len);
            }
            nd.need(p, 6)?;
            nd.s(b", forwarding address ");
            nd.mac(p)?;
            p += 6;
            len -= 6;
        }
        _ => return nd.need(p, len),
    }
    nd.s(b", data (");
    nd.u(len as u64);
    nd.s(b" octets)");
    nd.need(p, len)
}

/// `loopback_print`: the frame's payload at `p`, `len` bytes.
pub(crate) fn loopback_print(nd: &mut Nd, p: usize, len: usize) -> R {
    nd.proto = "loopback";
    nd.s(b"Loopback");
    if len < 2 {
        return invalid(nd, p, len);
    }
    let skip = le2(nd, p)? as usize;
    let (p, len) = (p + 2, len - 2);
    nd.s(b", skipCount ");
    nd.u(skip as u64);
    if skip % 8 != 0 {
        nd.s(b" (bogus)");
    }
    if skip > len {
        return invalid(nd, p, len);
    }
    nd.need(p, skip)?;
    message(nd, p + skip, len - skip)
}

/// The `invalid:` label: " (invalid)", then a truncation if the rest is not captured.
fn invalid(nd: &mut Nd, p: usize, len: usize) -> R {
    nd.invalid();
    nd.need(p, len)
}
