//! Cisco's UniDirectional Link Detection, RFC 5171 (tcpdump's print-udld.c), carried by
//! SNAP with OUI 0x00000c and PID 0x0111: version, opcode and flags; with -v the checksum
//! and the TLVs.

use super::nd::{Nd, R};
use super::tok::{bittok2str, tok2str, Tok};

const TLV: Tok = &[
    (0x0001, "Device-ID TLV"),
    (0x0002, "Port-ID TLV"),
    (0x0003, "Echo TLV"),
    (0x0004, "Message Interval TLV"),
    (0x0005, "Timeout Interval TLV"),
    (0x0006, "Device Name TLV"),
    (0x0007, "Sequence Number TLV"),
];

const CODE: Tok = &[
    (0x00, "Reserved"),
    (0x01, "Probe message"),
    (0x02, "Echo message"),
    (0x03, "Flush message"),
];

const FLAGS: Tok = &[
    (1 << 0, "RT"),
    (1 << 1, "RSY"),
    (1 << 2, "MBZ-2"),
    (1 << 3, "MBZ-3"),
    (1 << 4, "MBZ-4"),
    (1 << 5, "MBZ-5"),
    (1 << 6, "MBZ-6"),
    (1 << 7, "MBZ-7"),
];

/// `udld_print`: the PDU at `p`, `length` bytes after the SNAP header.
pub(crate) fn udld_print(nd: &mut Nd, p: usize, length: usize) -> R {
    nd.proto = "udld";
    let mut t = p;
    let mut length = length;
    if length < 4 {
        return invalid(nd, t, length);
    }
    let b = nd.u1(t)?;
    let (ver, code) = ((b & 0xe0) >> 5, b & 0x1f);
    let flags = nd.u1(t + 1)?;
    t += 2;
    length -= 2;
    nd.s(b"UDLDv");
    nd.u(ver as u64);
    nd.s(b", Code ");
    tok2str(nd, CODE, "Reserved", code as u32);
    nd.s(b" (");
    nd.x(code as u64);
    nd.s(b"), Flags [");
    bittok2str(nd, FLAGS, "none", flags as u32);
    nd.s(b"] (0x");
    nd.x0(flags as u64, 2);
    nd.s(b"), length ");
    nd.u((length + 2) as u64);
    if nd.vflag < 1 {
        return nd.need(t, length);
    }
    let sum = nd.be2(t)?;
    nd.s(b"\n\tChecksum 0x");
    nd.x0(sum as u64, 4);
    nd.s(b" (unverified)");
    t += 2;
    length -= 2;
    while length > 0 {
        if length < 4 {
            return invalid(nd, t, length);
        }
        let typ = nd.be2(t)?;
        let len = nd.be2(t + 2)? as usize;
        t += 4;
        length -= 4;
        nd.s(b"\n\t");
        tok2str(nd, TLV, "Unknown", typ as u32);
        nd.s(b" (0x");
        nd.x0(typ as u64, 4);
        nd.s(b") TLV, length ");
        nd.u(len as u64);
        if len <= 4 {
            return invalid(nd, t, length);
        }
        let len = len - 4;
        if length < len {
            return invalid(nd, t, length);
        }
        match typ {
            1 | 2 | 6 => {
                nd.s(b", ");
                nd.printjnp(t, len)?;
            }
            3 => {
                nd.s(b", ");
                nd.printn(t, len, None)?;
            }
            4 | 5 => {
                if len != 1 {
                    return invalid(nd, t, length);
                }
                let v = nd.u1(t)?;
                nd.s(b", ");
                nd.u(v as u64);
                nd.s(b"s");
            }
            7 => {
                if len != 4 {
                    return invalid(nd, t, length);
                }
                let v = nd.be4(t)?;
                nd.s(b", ");
                nd.u(v as u64);
            }
            _ => nd.need(t, len)?,
        }
        t += len;
        length -= len;
    }
    Ok(())
}

/// The `invalid:` label: " (invalid)", then a truncation if the rest is not captured.
fn invalid(nd: &mut Nd, t: usize, length: usize) -> R {
    nd.invalid();
    nd.need(t, length)
}
