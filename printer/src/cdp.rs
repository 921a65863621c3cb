//! Cisco Discovery Protocol (tcpdump's print-cdp.c), carried by SNAP with OUI 0x00000c and
//! PID 0x2000: version, TTL and the device ID; with -v every TLV (addresses, capabilities,
//! the version string, VLANs, power, ...).

use super::nd::{Nd, R};
use super::tok::{bittok2str, Tok};

const HEADER_LEN: usize = 4;
const TLV_HEADER_LEN: usize = 4;
const T_DEV_ID: u16 = 0x01;

const CAPABILITY: Tok = &[
    (0x01, "Router"),
    (0x02, "Transparent Bridge"),
    (0x04, "Source Route Bridge"),
    (0x08, "L2 Switch"),
    (0x10, "L3 capable"),
    (0x20, "IGMP snooping"),
    (0x40, "L1 capable"),
];

/// How a TLV's value is printed (`cdp_tlvinfo.printer`).
#[derive(Clone, Copy)]
enum Value {
    String,
    Addr,
    Capability,
    Version,
    Prefixes,
    Uint16,
    Duplex,
    Ata186,
    Power,
    Mtu,
    Uint8x,
    PhysLoc,
    /// Named but not decoded (no hex dump either).
    None,
}

/// `cdptlvs`: name, printer, minimum and maximum value length (0: no bound); None past
/// the table's end.
fn info(t: u16) -> Option<(&'static str, Value, usize, usize)> {
    use Value::*;
    Some(match t {
        0x01 => ("Device-ID", String, 0, 0),
        0x02 => ("Address", Addr, 0, 0),
        0x03 => ("Port-ID", String, 0, 0),
        0x04 => ("Capability", Capability, 4, 4),
        0x05 => ("Version String", Version, 0, 0),
        0x06 => ("Platform", String, 0, 0),
        0x07 => ("Prefixes", Prefixes, 0, 0),
        0x08 => ("Protocol-Hello option", None, 0, 0),
        0x09 => ("VTP Management Domain", String, 0, 0),
        0x0a => ("Native VLAN ID", Uint16, 2, 2),
        0x0b => ("Duplex", Duplex, 1, 1),
        0x0e => ("ATA-186 VoIP VLAN assignment", Ata186, 3, 3),
        0x0f => ("ATA-186 VoIP VLAN request", Ata186, 2, 3),
        0x10 => ("power consumption", Power, 1, 3),
        0x11 => ("MTU", Mtu, 4, 4),
        0x12 => ("AVVID trust bitmap", Uint8x, 1, 1),
        0x13 => ("AVVID untrusted ports CoS", Uint8x, 1, 1),
        0x14 => ("System Name", String, 0, 0),
        0x15 => ("System Object ID (not decoded)", None, 0, 0),
        0x16 => ("Management Addresses", Addr, 4, 0),
        0x17 => ("Physical Location", PhysLoc, 1, 0),
        // The table's empty slots (0x00, 0x0c, 0x0d): C finds an entry without a name or
        // printer, so these print no hex dump, unlike types past the table.
        0x00..=0x17 => ("unknown field type", None, 0, 0),
        _ => return Option::None,
    })
}

fn plural(nd: &mut Nd, n: usize) {
    if n != 1 {
        nd.s(b"s");
    }
}

/// `"%1.2f"` of `val / 1000.0` as glibc prints the double: the exact binary value rounded
/// to nearest, ties to even (ties are exact only when 125 divides `val`).
fn milli_2f(nd: &mut Nd, val: u32) {
    let mut q = (val / 10) as u64;
    let r = val % 10;
    let up = match r {
        0..=4 => false,
        6..=9 => true,
        _ if val % 125 == 0 => q & 1 == 1,
        _ => {
            // Which side of the midpoint the double val / 1000.0 lies on.
            let d = val as f64 / 1000.0;
            d.mul_add(1000.0, -(val as f64)) > 0.0
        }
    };
    if up {
        q += 1;
    }
    nd.u(q / 100);
    nd.s(b".");
    if q % 100 < 10 {
        nd.s(b"0");
    }
    nd.u(q % 100);
}

/// `cdp_print_string`.
fn string(nd: &mut Nd, p: usize, len: usize) -> R {
    nd.s(b"'");
    nd.printn(p, len, None)?;
    nd.s(b"'");
    Ok(())
}

/// `cdp_print_addr`.
fn addr(nd: &mut Nd, mut p: usize, mut l: usize) -> R {
    const PROT_IPV6: [u8; 8] = [0xaa, 0xaa, 0x03, 0x00, 0x00, 0x00, 0x86, 0xdd];
    if l < 4 {
        nd.s(b" (not enough space for num)");
        return nd.need(p, l);
    }
    let mut num = nd.be4(p)?;
    p += 4;
    l -= 4;
    while num != 0 {
        if l < 2 {
            nd.s(b" (not enough space for PT+PL)");
            return nd.need(p, l);
        }
        let (pt, pl) = (nd.u1(p)?, nd.u1(p + 1)? as usize);
        p += 2;
        l -= 2;
        if l < pl + 2 {
            nd.s(b" (not enough space for P+AL)");
            return nd.need(p, l);
        }
        let al = nd.be2(p + pl)? as usize;
        if pt == 1 && pl == 1 && nd.u1(p)? == 0xcc && al == 4 {
            p += pl + 2;
            l -= pl + 2;
            if l < al {
                nd.s(b" (not enough space for A)");
                return nd.need(p, l);
            }
            nd.need(p, 4)?;
            nd.s(b"IPv4 (");
            nd.u(num as u64);
            nd.s(b") ");
            nd.ip4(p)?;
            p += al;
            l -= al;
        } else if pt == 2 && pl == 8 && nd.bytes(p, 8)? == PROT_IPV6 && al == 16 {
            p += pl + 2;
            l -= pl + 2;
            if l < al {
                nd.s(b" (not enough space for A)");
                return nd.need(p, l);
            }
            nd.need(p, 16)?;
            nd.s(b"IPv6 (");
            nd.u(num as u64);
            nd.s(b") ");
            nd.ip6(p)?;
            p += al;
            l -= al;
        } else {
            nd.s(b"pt=0x");
            nd.x0(pt as u64, 2);
            nd.s(b", pl=");
            nd.u(pl as u64);
            nd.s(b", pb=");
            for _ in 0..pl {
                let c = nd.u1(p)?;
                nd.s(b" ");
                nd.x0(c as u64, 2);
                p += 1;
                l -= 1;
            }
            nd.s(b", al=");
            nd.u(al as u64);
            nd.s(b", a=");
            p += 2;
            l -= 2;
            if l < al {
                nd.s(b" (not enough space for A)");
                return nd.need(p, l);
            }
            for _ in 0..al {
                let c = nd.u1(p)?;
                nd.s(b" ");
                nd.x0(c as u64, 2);
                p += 1;
                l -= 1;
            }
        }
        num -= 1;
        if num != 0 {
            nd.s(b" ");
        }
    }
    if l != 0 {
        nd.s(b" (");
        nd.u(l as u64);
        nd.s(b" bytes of stray data)");
    }
    Ok(())
}

/// `cdp_print_prefixes`.
fn prefixes(nd: &mut Nd, mut p: usize, mut l: usize) -> R {
    if l % 5 != 0 {
        nd.s(b" [length ");
        nd.u(l as u64);
        nd.s(b" is not a multiple of 5]");
        return nd.need(p, l);
    }
    nd.s(b" IPv4 Prefixes (");
    nd.u((l / 5) as u64);
    nd.s(b"):");
    while l > 0 {
        let b = nd.bytes(p, 5)?;
        nd.s(b" ");
        for (i, &c) in b[..4].iter().enumerate() {
            if i > 0 {
                nd.s(b".");
            }
            nd.u(c as u64);
        }
        nd.s(b"/");
        nd.u(b[4] as u64);
        l -= 5;
        p += 5;
    }
    Ok(())
}

fn value(nd: &mut Nd, how: Value, p: usize, len: usize) -> R {
    match how {
        Value::String => string(nd, p, len)?,
        Value::Addr => addr(nd, p, len)?,
        Value::Prefixes => prefixes(nd, p, len)?,
        Value::Capability => {
            let v = nd.be4(p)?;
            nd.s(b"(0x");
            nd.x0(v as u64, 8);
            nd.s(b"): ");
            bittok2str(nd, CAPABILITY, "none", v);
        }
        Value::Version => {
            // The version string's lines, each indented.
            nd.s(b"\n\t  ");
            for i in 0..len {
                let c = nd.u1(p + i)?;
                if c == b'\n' {
                    nd.s(b"\n\t  ");
                } else {
                    nd.print_char(c);
                }
            }
        }
        Value::Uint16 => {
            let v = nd.be2(p)?;
            nd.u(v as u64);
        }
        Value::Duplex => {
            let v = nd.u1(p)?;
            nd.s(if v != 0 { b"full" } else { b"half" });
        }
        Value::Ata186 => {
            if len == 2 {
                let v = nd.be2(p)?;
                nd.s(b"unknown 0x");
                nd.x0(v as u64, 4);
            } else {
                let (a, v) = (nd.u1(p)?, nd.be2(p + 1)?);
                nd.s(b"app ");
                nd.u(a as u64);
                nd.s(b", vlan ");
                nd.u(v as u64);
            }
        }
        Value::Power => {
            let v = match len {
                1 => nd.u1(p)? as u32,
                2 => nd.be2(p)? as u32,
                3 => nd.be3(p)?,
                _ => 0,
            };
            milli_2f(nd, v);
            nd.s(b"W");
        }
        Value::Mtu => {
            let v = nd.be4(p)?;
            nd.u(v as u64);
            nd.s(b" bytes");
        }
        Value::Uint8x => {
            let v = nd.u1(p)?;
            nd.s(b"0x");
            nd.x0(v as u64, 2);
        }
        Value::PhysLoc => {
            let v = nd.u1(p)?;
            nd.s(b"0x");
            nd.x0(v as u64, 2);
            if len > 1 {
                nd.s(b"/");
                nd.printn(p + 1, len - 1, None)?;
            }
        }
        Value::None => nd.need(p, len)?,
    }
    Ok(())
}

/// `cdp_print`: the CDP PDU at `p`, `length` bytes after the SNAP header.
pub(crate) fn cdp_print(nd: &mut Nd, p: usize, length: usize) -> R {
    nd.proto = "cdp";
    let orig_length = length;
    let mut t = p;
    let mut length = length;
    if length < HEADER_LEN {
        nd.s(b" (packet length ");
        nd.u(length as u64);
        nd.s(b" < 4)");
        return invalid(nd, t, length);
    }
    let (version, ttl) = (nd.u1(t)?, nd.u1(t + 1)?);
    nd.s(b"CDPv");
    nd.u(version as u64);
    nd.s(b", ttl: ");
    nd.u(ttl as u64);
    nd.s(b"s");
    let checksum = nd.be2(t + 2)?;
    if nd.vflag > 0 {
        nd.s(b", checksum: 0x");
        nd.x0(checksum as u64, 4);
        nd.s(b" (unverified), length ");
        nd.u(orig_length as u64);
    }
    t += HEADER_LEN;
    length -= HEADER_LEN;
    while length > 0 {
        if length < TLV_HEADER_LEN {
            nd.s(b" (remaining packet length ");
            nd.u(length as u64);
            nd.s(b" < 4)");
            return invalid(nd, t, length);
        }
        let typ = nd.be2(t)?;
        let len = nd.be2(t + 2)? as usize;
        let info = info(typ);
        let name = info.map_or("unknown field type", |i| i.0);
        if len < TLV_HEADER_LEN {
            if nd.vflag > 0 {
                nd.s(b"\n\t");
                nd.st(name);
                nd.s(b" (0x");
                nd.x0(typ as u64, 2);
                nd.s(b"), TLV length: ");
                nd.u(len as u64);
                nd.s(b" byte");
                plural(nd, len);
                nd.s(b" (too short)");
            } else {
                nd.s(b", ");
                nd.st(name);
                nd.s(b" TLV length ");
                nd.u(len as u64);
                nd.s(b" too short");
            }
            return invalid(nd, t, length);
        }
        if len > length {
            nd.s(b" (TLV length ");
            nd.u(len as u64);
            nd.s(b" > ");
            nd.u(length as u64);
            nd.s(b")");
            return invalid(nd, t, length);
        }
        t += TLV_HEADER_LEN;
        length -= TLV_HEADER_LEN;
        let len = len - TLV_HEADER_LEN;
        if nd.vflag == 0 && typ == T_DEV_ID {
            nd.s(b", Device-ID ");
        } else if nd.vflag > 0 {
            nd.s(b"\n\t");
            nd.st(name);
            nd.s(b" (0x");
            nd.x0(typ as u64, 2);
            nd.s(b"), value length: ");
            nd.u(len as u64);
            nd.s(b" byte");
            plural(nd, len);
            nd.s(b": ");
        }
        let mut covered = false;
        if let Some((_, how, min, max)) = info {
            if (min > 0 && len < min) || (max > 0 && len > max) {
                nd.s(b" (malformed TLV)");
            } else if nd.vflag > 0 || typ == T_DEV_ID {
                value(nd, how, t, len)?;
                covered = true;
            }
        }
        if !covered {
            nd.need(t, len)?;
            nd.unknown_data(t, b"\n\t  ", len)?;
        }
        t += len;
        length -= len;
    }
    if nd.vflag == 0 {
        nd.s(b", length ");
        nd.u(orig_length as u64);
    }
    Ok(())
}

/// The `invalid:` label: " (invalid)", then a truncation if the rest is not captured.
fn invalid(nd: &mut Nd, t: usize, length: usize) -> R {
    nd.invalid();
    nd.need(t, length)
}
