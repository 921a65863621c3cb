//! IEEE 802.2 LLC (tcpdump's print-llc.c): the LLC header of 802.3 frames. IP, STP and IPX
//! (also "raw" 802.3 IPX) over LLC are decoded, and SNAP ([`snap`]); OSI payloads are not
//! (they end in "[|llc]"); NetBEUI is printed as plain LLC, as Debian's tcpdump (built
//! without SMB) prints it.

use super::nd::{Nd, Trunc, R};
use super::{ip, snap, stp};

fn sap_name(sap: u8) -> Option<&'static str> {
    Some(match sap {
        0x00 => "Null",
        0xff => "Global",
        0x02 => "802.1B I",
        0x03 => "802.1B G",
        0x06 => "IP",
        0x04 => "SNA",
        0x0e => "ProWay NM",
        0x42 => "STP",
        0x4e => "RS511",
        0x7e => "ISO8208",
        0x8e => "ProWay",
        0xaa => "SNAP",
        0xe0 => "IPX",
        0xf0 => "NetBeui",
        0xfe => "OSI",
        _ => return None,
    })
}

fn flag_name(v: u16) -> &'static str {
    match v {
        0 => "Command",
        1 => "Response",
        0x10 | 0x100 => "Poll",
        0x11 | 0x101 => "Final",
        _ => "?",
    }
}

fn sap_or(nd: &mut Nd, sap: u8, what: &[u8]) {
    match sap_name(sap) {
        Some(n) => nd.st(n),
        None => {
            nd.s(what);
            nd.s(b" 0x");
            nd.x0(sap as u64, 2);
        }
    }
}

/// `llc_print`: Ok(n) with n > 0 the header length, n < 0 "print the payload raw" (minus the
/// header length), as in C. `addrs` are the Ethernet source and destination offsets.
pub(crate) fn llc_print(
    nd: &mut Nd,
    p: usize,
    length: usize,
    caplen: usize,
    addrs: Option<(usize, usize)>,
) -> R<i64> {
    nd.proto = "llc";
    if caplen < 3 {
        nd.trunc();
        nd.default_print_always(p, caplen)?;
        return Ok(caplen as i64);
    }
    if length < 3 {
        nd.trunc();
        nd.default_print_always(p, caplen)?;
        return Ok(length as i64);
    }
    let dsap_field = nd.u1(p)?;
    let ssap_field = nd.u1(p + 1)?;
    let mut control = nd.u1(p + 2)? as u16;
    let is_u;
    let hdrlen;
    if control & 3 == 3 {
        is_u = true;
        hdrlen = 3;
    } else {
        if caplen < 4 {
            nd.trunc();
            nd.default_print_always(p, caplen)?;
            return Ok(caplen as i64);
        }
        if length < 4 {
            nd.trunc();
            nd.default_print_always(p, caplen)?;
            return Ok(length as i64);
        }
        control = u16::from_le_bytes([nd.u1(p + 2)?, nd.u1(p + 3)?]);
        is_u = false;
        hdrlen = 4;
    }
    if ssap_field == 0xff && dsap_field == 0xff {
        // Novell "raw" 802.3: IPX with no LLC header.
        if nd.eflag {
            nd.s(b"IPX 802.3: ");
        }
        super::ipx::ipx_print(nd, p)?;
        return Ok(0);
    }
    let dsap = dsap_field & !1;
    let ssap = ssap_field & !1;
    if nd.eflag {
        nd.s(b"LLC, dsap ");
        nd.st(sap_name(dsap).unwrap_or("Unknown"));
        nd.s(b" (0x");
        nd.x0(dsap as u64, 2);
        nd.s(if dsap_field & 1 != 0 {
            b") Group, ssap "
        } else {
            b") Individual, ssap "
        });
        nd.st(sap_name(ssap).unwrap_or("Unknown"));
        nd.s(b" (0x");
        nd.x0(ssap as u64, 2);
        nd.s(if ssap_field & 1 != 0 {
            b") Response"
        } else {
            b") Command"
        });
        nd.s(b", ctrl 0x");
        nd.x0(control as u64, if is_u { 2 } else { 4 });
        nd.s(b": ");
    }
    let p = p + hdrlen;
    let length = length - hdrlen;
    if ssap == dsap && control == 3 {
        match ssap {
            0x06 => {
                ip::ip_print(nd, p, length)?;
                return Ok(hdrlen as i64);
            }
            0x42 => {
                stp::stp_print(nd, p, length)?;
                return Ok(hdrlen as i64);
            }
            0xaa => {
                return Ok(
                    match snap::snap_print(nd, p, length, caplen - hdrlen, addrs, 2)? {
                        true => hdrlen as i64 + 5,
                        false => -(hdrlen as i64 + 5),
                    },
                );
            }
            0xe0 => {
                if nd.eflag {
                    nd.s(b"IPX 802.2: ");
                }
                super::ipx::ipx_print(nd, p)?;
                return Ok(hdrlen as i64);
            }
            // OSI is not decoded.
            0xfe => return Err(Trunc),
            _ => {}
        }
    }
    // (NetBEUI frames go to tcpdump's netbeui_print only in builds with SMB, which Debian's
    // is not: they are printed as any other LLC frame.)
    if !nd.eflag {
        if ssap == dsap {
            if let Some((src, dst)) = addrs {
                nd.mac(src)?;
                nd.s(b" > ");
                nd.mac(dst)?;
                nd.s(b" ");
            }
            sap_or(nd, dsap, b"Unknown DSAP");
            nd.s(b" ");
        } else {
            if let Some((src, _)) = addrs {
                nd.mac(src)?;
                nd.s(b" ");
            }
            sap_or(nd, ssap, b"Unknown SSAP");
            nd.s(b" > ");
            if let Some((_, dst)) = addrs {
                nd.mac(dst)?;
                nd.s(b" ");
            }
            sap_or(nd, dsap, b"Unknown DSAP");
            nd.s(b" ");
        }
    }
    let caplen = caplen - hdrlen;
    if is_u {
        nd.s(b"Unnumbered, ");
        let cmd = control & 0xef;
        nd.s(match cmd {
            0x03 => b"ui" as &[u8],
            0xe3 => b"test",
            0xaf => b"xid",
            0x63 => b"ua",
            0x43 => b"disc",
            0x0f => b"dm",
            0x6f => b"sabme",
            0x87 => b"frmr",
            _ => b"",
        });
        if !matches!(cmd, 0x03 | 0xe3 | 0xaf | 0x63 | 0x43 | 0x0f | 0x6f | 0x87) {
            nd.x0(cmd as u64, 2);
        }
        nd.s(b", Flags [");
        nd.st(flag_name((ssap_field & 1) as u16 | (control & 0x10)));
        nd.s(b"], length ");
        nd.u((length + hdrlen) as u64);
        if control & !0x10 == 0xaf {
            if length == 0 {
                return Ok(hdrlen as i64);
            }
            if caplen < 1 {
                nd.trunc();
                return Ok(hdrlen as i64);
            }
            if nd.u1(p)? == 0x81 {
                if caplen < 3 || length < 3 {
                    nd.trunc();
                    nd.default_print_always(p, caplen)?;
                } else {
                    let (a, b) = (nd.u1(p + 1)?, nd.u1(p + 2)?);
                    nd.s(b": ");
                    nd.x0(a as u64, 2);
                    nd.s(b" ");
                    nd.x0(b as u64, 2);
                }
                return Ok(hdrlen as i64);
            }
        }
    } else if control & 1 == 1 {
        nd.s(b"Supervisory, ");
        nd.s(match (control >> 2) & 3 {
            0 => b"Receiver Ready" as &[u8],
            1 => b"Receiver not Ready",
            2 => b"Reject",
            _ => b"?",
        });
        nd.s(b", rcv seq ");
        nd.u(((control >> 9) & 0x7f) as u64);
        nd.s(b", Flags [");
        nd.st(flag_name((ssap_field & 1) as u16 | (control & 0x100)));
        nd.s(b"], length ");
        nd.u((length + hdrlen) as u64);
        return Ok(hdrlen as i64);
    } else {
        nd.s(b"Information, send seq ");
        nd.u(((control >> 1) & 0x7f) as u64);
        nd.s(b", rcv seq ");
        nd.u(((control >> 9) & 0x7f) as u64);
        nd.s(b", Flags [");
        nd.st(flag_name((ssap_field & 1) as u16 | (control & 0x100)));
        nd.s(b"], length ");
        nd.u((length + hdrlen) as u64);
    }
    Ok(-(hdrlen as i64))
}
