//! Cisco's VLAN Trunking Protocol (tcpdump's print-vtp.c), carried by SNAP with OUI
//! 0x00000c and PID 0x2003: version and message type; with -v the domain, the summary's
//! revision/updater/digest, the subset's VLAN records with their TLVs, a request's start.

use super::nd::{Nd, R};
use super::tok::{tok2str, Tok};

const HEADER_LEN: usize = 36;
const DOMAIN_NAME_LEN: u8 = 32;
const VLAN_INFO_FIXED_PART_LEN: usize = 12;

const MESSAGE_TYPE: Tok = &[
    (0x01, "Summary advertisement"),
    (0x02, "Subset advertisement"),
    (0x03, "Advertisement request"),
    (0x04, "Join message"),
];

/// What the header's third byte is, by message type.
const HEADER: Tok = &[
    (0x01, "Followers"),
    (0x02, "Seq number"),
    (0x03, "Rsvd"),
    (0x04, "Rsvd"),
];

const VLAN_TYPE: Tok = &[
    (0x01, "Ethernet"),
    (0x02, "FDDI"),
    (0x03, "TrCRF"),
    (0x04, "FDDI-net"),
    (0x05, "TrBRF"),
];

const VLAN_STATUS: Tok = &[(0x00, "Operational"), (0x01, "Suspended")];

const VLAN_TLV: Tok = &[
    (0x01, "Source-Routing Ring Number TLV"),
    (0x02, "Source-Routing Bridge Number TLV"),
    (0x03, "STP type TLV"),
    (0x04, "Parent VLAN TLV"),
    (0x05, "Translationally bridged VLANs TLV"),
    (0x06, "Pruning TLV"),
    (0x07, "Bridge Type TLV"),
    (0x08, "Max ARP Hop Count TLV"),
    (0x09, "Max STE Hop Count TLV"),
    (0x0a, "Backup CRF Mode TLV"),
];

const STP_TYPE: Tok = &[(1, "SRT"), (2, "SRB"), (3, "Auto")];

/// `vtp_print`: the PDU at `p`, `length` bytes after the SNAP header.
pub(crate) fn vtp_print(nd: &mut Nd, p: usize, length: usize) -> R {
    nd.proto = "vtp";
    if length < HEADER_LEN {
        return invalid(nd, p, length);
    }
    nd.need(p, HEADER_LEN)?;
    let (version, typ) = (nd.u1(p)?, nd.u1(p + 1)?);
    nd.s(b"VTPv");
    nd.u(version as u64);
    nd.s(b", Message ");
    tok2str(nd, MESSAGE_TYPE, "Unknown message type", typ as u32);
    nd.s(b" (0x");
    nd.x0(typ as u64, 2);
    nd.s(b"), length ");
    nd.u(length as u64);
    if nd.vflag < 1 {
        return nd.need(p, length);
    }
    nd.s(b"\n\tDomain name: ");
    let mgmtd_len = nd.u1(p + 3)?;
    if !(1..=DOMAIN_NAME_LEN).contains(&mgmtd_len) {
        nd.s(b" [invalid MgmtD Len ");
        nd.u(mgmtd_len as u64);
        nd.s(b"]");
        return invalid(nd, p, length);
    }
    nd.printjnp(p + 4, mgmtd_len as usize)?;
    let third = nd.u1(p + 2)?;
    nd.s(b", ");
    tok2str(nd, HEADER, "Unknown", typ as u32);
    nd.s(b": ");
    nd.u(third as u64);
    let mut t = p + HEADER_LEN;
    match typ {
        1 => {
            nd.need(t, 8)?;
            let rev = nd.be4(t)?;
            nd.s(b"\n\t  Config Rev ");
            nd.x(rev as u64);
            nd.s(b", Updater ");
            nd.ip4(t + 4)?;
            t += 8;
            nd.need(t, 12)?;
            nd.s(b", Timestamp");
            for i in 0..3 {
                let w = nd.be4(t + 4 * i)?;
                nd.s(b" 0x");
                nd.x0(w as u64, 8);
            }
            t += 12;
            nd.need(t, 16)?;
            nd.s(b", MD5 digest: ");
            for i in 0..4 {
                let w = nd.be4(t + 4 * i)?;
                nd.x0(w as u64, 8);
            }
        }
        2 => {
            let rev = nd.be4(t)?;
            nd.s(b", Config Rev ");
            nd.x(rev as u64);
            t += 4;
            while t - p < length {
                let mut len = nd.u1(t)? as usize;
                if len == 0 {
                    break;
                }
                nd.need(t, len)?;
                if len < VLAN_INFO_FIXED_PART_LEN {
                    return invalid(nd, p, length);
                }
                let (status, vtype, name_len) = (nd.u1(t + 1)?, nd.u1(t + 2)?, nd.u1(t + 3)?);
                let (vlanid, mtu, index) = (nd.be2(t + 4)?, nd.be2(t + 6)?, nd.be4(t + 8)?);
                nd.s(b"\n\tVLAN info status ");
                tok2str(nd, VLAN_STATUS, "Unknown", status as u32);
                nd.s(b", type ");
                tok2str(nd, VLAN_TYPE, "Unknown", vtype as u32);
                nd.s(b", VLAN-id ");
                nd.u(vlanid as u64);
                nd.s(b", MTU ");
                nd.u(mtu as u64);
                nd.s(b", SAID 0x");
                nd.x0(index as u64, 8);
                nd.s(b", Name ");
                len -= VLAN_INFO_FIXED_PART_LEN;
                t += VLAN_INFO_FIXED_PART_LEN;
                // VLAN names are padded to 32-bit boundaries.
                let padded = 4 * (name_len as usize).div_ceil(4);
                if len < padded {
                    return invalid(nd, p, length);
                }
                nd.printjnp(t, name_len as usize)?;
                len -= padded;
                t += padded;
                // TLVs of one byte of type and one of length (in 16-bit words), as on the
                // wire (Cisco's documents say two and two).
                while len > 0 {
                    if len < 2 {
                        return invalid(nd, p, length);
                    }
                    let (ttype, tlv_len) = (nd.u1(t)?, nd.u1(t + 1)? as usize);
                    nd.s(b"\n\t\t");
                    tok2str(nd, VLAN_TLV, "Unknown", ttype as u32);
                    nd.s(b" (0x");
                    nd.x0(ttype as u64, 4);
                    nd.s(b") TLV");
                    if len < tlv_len * 2 + 2 {
                        nd.s(b" (TLV goes past the end of the packet)");
                        return invalid(nd, p, length);
                    }
                    nd.need(t, tlv_len * 2 + 2)?;
                    if tlv_len != 1 {
                        nd.s(b" (invalid TLV length ");
                        nd.u(tlv_len as u64);
                        nd.s(b" != 1)");
                        return invalid(nd, p, length);
                    }
                    let v = nd.be2(t + 2)?;
                    let named = |nd: &mut Nd, name: &str| {
                        nd.s(b", ");
                        nd.st(name);
                        nd.s(b" (");
                        nd.u(v as u64);
                        nd.s(b")");
                    };
                    match ttype {
                        0x09 => {
                            nd.s(b", ");
                            nd.u(v as u64);
                        }
                        0x06 => named(nd, if v == 1 { "Enabled" } else { "Disabled" }),
                        0x03 => {
                            let n = super::tok::name(STP_TYPE, v as u32).unwrap_or("Unknown");
                            named(nd, n)
                        }
                        0x07 => named(nd, if v == 1 { "SRB" } else { "SRT" }),
                        0x0a => named(nd, if v == 1 { "Backup" } else { "Not backup" }),
                        _ => nd.unknown_data(t, b"\n\t\t  ", 2 + tlv_len * 2)?,
                    }
                    len -= 2 + tlv_len * 2;
                    t += 2 + tlv_len * 2;
                }
            }
        }
        3 => {
            let v = nd.be4(t)?;
            nd.s(b"\n\tStart value: ");
            nd.u(v as u64);
        }
        _ => {}
    }
    Ok(())
}

/// The `invalid:` label: " (invalid)", then a truncation if the PDU is not all captured.
fn invalid(nd: &mut Nd, p: usize, length: usize) -> R {
    nd.invalid();
    nd.need(p, length)
}
