//! IEEE 802.1ag Connectivity Fault Management / ITU-T Y.1731 (tcpdump's print-cfm.c),
//! ethertype 0x8902 (and the old 0xabcd): version, opcode, MD level and length; with -v the
//! continuity check's intervals and MD/MA names, linktrace fields and the TLVs (sender ID,
//! port and interface status, organization specific), with -vv hex dumps of every TLV.

use super::nd::{Nd, R};
use super::tok::{self, Tok};

const OPCODE: Tok = &[
    (1, "Continuity Check Message"),
    (2, "Loopback Reply"),
    (3, "Loopback Message"),
    (4, "Linktrace Reply"),
    (5, "Linktrace Message"),
];

/// `ccm_interval_base[i]` (a float) and its products with 3.25 and 3.5, as `%.3f` prints
/// them: the interval, the minimum and the maximum CCM lifetime.
const CCM_INTERVAL: [(&str, &str, &str); 8] = [
    ("0.000", "0.000", "0.000"),
    ("0.003", "0.011", "0.012"),
    ("0.010", "0.032", "0.035"),
    ("0.100", "0.325", "0.350"),
    ("1.000", "3.250", "3.500"),
    ("10.000", "32.500", "35.000"),
    ("60.000", "195.000", "210.000"),
    ("600.000", "1950.000", "2100.000"),
];

const MD_NAMEFORMAT: Tok = &[
    (0, "IEEE 802.1"),
    (1, "No MD Name present"),
    (2, "DNS string"),
    (3, "MAC + 16Bit Integer"),
    (4, "Character string"),
];

const MA_NAMEFORMAT: Tok = &[
    (0, "IEEE 802.1"),
    (1, "Primary VID"),
    (2, "Character string"),
    (3, "16Bit Integer"),
    (4, "RFC2685 VPN-ID"),
];

const LTM_FLAG: Tok = &[(0x80, "Use Forwarding-DB only")];

const LTR_FLAG: Tok = &[
    (0x80, "UseFDB Only"),
    (0x40, "FwdYes"),
    (0x20, "Terminal MEP"),
];

const LTR_REPLAY_ACTION: Tok = &[(1, "Exact Match"), (2, "Filtering DB"), (3, "MIP CCM DB")];

const TLV: Tok = &[
    (0, "End"),
    (1, "Sender ID"),
    (2, "Port status"),
    (3, "Interface status"),
    (4, "Data"),
    (5, "Reply Ingress"),
    (6, "Reply Egress"),
    (31, "Organization Specific"),
];

const PORT_STATUS: Tok = &[(1, "Blocked"), (2, "Up")];

const INTERFACE_STATUS: Tok = &[
    (1, "Up"),
    (2, "Down"),
    (3, "Testing"),
    (5, "Dormant"),
    (6, "not present"),
    (7, "lower Layer down"),
];

const CHASSIS_ID: Tok = &[
    (0, "Reserved"),
    (1, "Chassis component"),
    (2, "Interface alias"),
    (3, "Port component"),
    (4, "MAC address"),
    (5, "Network address"),
    (6, "Interface name"),
    (7, "Locally assigned"),
];

/// sizeof(struct cfm_common_header_t), (cfm_ccm_t), (cfm_ltm_t), (cfm_ltr_t).
const HEADER_LEN: usize = 4;
const CCM_LEN: usize = 70;
const LTM_LEN: usize = 17;
const LTR_LEN: usize = 6;
/// sizeof(cfm_ccm_t.names): the MD and MA names share it.
const NAMES_LEN: usize = 48;

/// "%s (%u)" of a `tok2str(..., "Unknown", v)`.
fn named(nd: &mut Nd, t: Tok, v: u32) {
    tok::tok2str(nd, t, "Unknown", v);
    nd.s(b" (");
    nd.u(v as u64);
    nd.s(b")");
}

/// `cfm_print`.
pub(crate) fn cfm_print(nd: &mut Nd, pptr: usize, length: usize) -> R {
    nd.proto = "cfm";
    if length < HEADER_LEN {
        return too_short(nd);
    }
    nd.tcheck(pptr, HEADER_LEN)?;
    let mdlevel_version = nd.u1(pptr)?;
    let version = mdlevel_version & 0x1f;
    if version != 0 {
        nd.s(b"CFMv");
        nd.u(version as u64);
        nd.s(b" not supported, length ");
        nd.u(length as u64);
        return Ok(());
    }
    let opcode = nd.u1(pptr + 1)?;
    nd.s(b"CFMv0 ");
    match tok::name(OPCODE, opcode as u32) {
        Some(n) => nd.st(n),
        None => {
            nd.s(b"unknown (");
            nd.u(opcode as u64);
            nd.s(b")");
        }
    }
    nd.s(b", MD Level ");
    nd.u((mdlevel_version >> 5) as u64);
    nd.s(b", length ");
    nd.u(length as u64);
    if nd.vflag < 1 {
        return Ok(());
    }
    let flags = nd.u1(pptr + 2)?;
    let first_tlv_offset = nd.u1(pptr + 3)? as usize;
    nd.s(b"\n\tFirst TLV offset ");
    nd.u(first_tlv_offset as u64);
    let mut tptr = pptr + HEADER_LEN;
    let mut tlen = length - HEADER_LEN;
    if first_tlv_offset > tlen {
        nd.s(b" (too large, must be <= ");
        nd.u(tlen as u64);
        nd.s(b")");
        return Ok(());
    }
    let too_small = |nd: &mut Nd, n: u8, size: usize| {
        nd.s(b" (too small ");
        nd.u(n as u64);
        nd.s(b", must be >= ");
        nd.u(size as u64);
        nd.s(b")");
    };
    match opcode {
        1 => {
            if first_tlv_offset < CCM_LEN {
                too_small(nd, 1, CCM_LEN);
                return Ok(());
            }
            if tlen < CCM_LEN {
                return too_short(nd);
            }
            nd.tcheck(tptr, CCM_LEN)?;
            if !ccm(nd, tptr, flags)? {
                return Ok(());
            }
        }
        5 => {
            if first_tlv_offset < LTM_LEN {
                too_small(nd, 4, LTM_LEN);
                return Ok(());
            }
            if tlen < LTM_LEN {
                return too_short(nd);
            }
            nd.tcheck(tptr, LTM_LEN)?;
            nd.s(b", Flags [");
            tok::bittok2str(nd, LTM_FLAG, "none", flags as u32);
            nd.s(b"]\n\t  Transaction-ID 0x");
            nd.x0(nd.be4(tptr)? as u64, 8);
            nd.s(b", ttl ");
            nd.u(nd.u1(tptr + 4)? as u64);
            nd.s(b"\n\t  Original-MAC ");
            nd.mac(tptr + 5)?;
            nd.s(b", Target-MAC ");
            nd.mac(tptr + 11)?;
        }
        4 => {
            if first_tlv_offset < LTR_LEN {
                too_small(nd, 5, LTR_LEN);
                return Ok(());
            }
            if tlen < LTR_LEN {
                return too_short(nd);
            }
            nd.tcheck(tptr, LTR_LEN)?;
            nd.s(b", Flags [");
            tok::bittok2str(nd, LTR_FLAG, "none", flags as u32);
            nd.s(b"]\n\t  Transaction-ID 0x");
            nd.x0(nd.be4(tptr)? as u64, 8);
            nd.s(b", ttl ");
            nd.u(nd.u1(tptr + 4)? as u64);
            nd.s(b"\n\t  Replay-Action ");
            named(nd, LTR_REPLAY_ACTION, nd.u1(tptr + 5)? as u32);
        }
        _ => nd.unknown_data(tptr, b"\n\t  ", tlen - first_tlv_offset)?,
    }
    tptr += first_tlv_offset;
    tlen -= first_tlv_offset;
    while tlen > 0 {
        let typ = nd.u1(tptr)?;
        nd.s(b"\n\t");
        tok::tok2str(nd, TLV, "Unknown", typ as u32);
        nd.s(b" TLV (0x");
        nd.x0(typ as u64, 2);
        nd.s(b")");
        if typ == 0 {
            return Ok(());
        }
        if tlen < 3 {
            return too_short(nd);
        }
        nd.tcheck(tptr, 3)?;
        let mut tlv_len = nd.be2(tptr + 1)? as usize;
        nd.s(b", length ");
        nd.u(tlv_len as u64);
        tptr += 3;
        tlen -= 3;
        let tlv_ptr = tptr;
        if tlen < tlv_len {
            return too_short(nd);
        }
        nd.tcheck(tptr, tlv_len)?;
        let mut hexdump = false;
        match typ {
            2 | 3 => {
                if tlv_len < 1 {
                    nd.s(b" (too short, must be >= 1)");
                    return Ok(());
                }
                nd.s(b", Status: ");
                let t = if typ == 2 {
                    PORT_STATUS
                } else {
                    INTERFACE_STATUS
                };
                named(nd, t, nd.u1(tptr)? as u32);
            }
            31 => {
                if tlv_len < 4 {
                    nd.s(b" (too short, must be >= 4)");
                    return Ok(());
                }
                let oui = nd.be3(tptr)?;
                nd.s(b", Vendor: ");
                named(nd, tok::OUI, oui);
                nd.s(b", Sub-Type ");
                nd.u(nd.u1(tptr + 3)? as u64);
                hexdump = true;
            }
            1 => match sender_id(nd, &mut tptr, &mut tlen, &mut tlv_len)? {
                Sender::Done(h) => hexdump = h,
                Sender::NextTlv => {
                    tptr += tlv_len;
                    tlen -= tlv_len;
                    continue;
                }
                Sender::Return => return Ok(()),
            },
            _ => hexdump = true,
        }
        if hexdump || nd.vflag > 1 {
            nd.unknown_data(tlv_ptr, b"\n\t  ", tlv_len)?;
        }
        tptr += tlv_len;
        tlen -= tlv_len;
    }
    Ok(())
}

/// The continuity check message after the common header; false where C returns early.
fn ccm(nd: &mut Nd, tptr: usize, flags: u8) -> R<bool> {
    let interval = (flags & 0x07) as usize;
    nd.s(b", Flags [CCM Interval ");
    nd.u(interval as u64);
    if flags & 0x80 != 0 {
        nd.s(b", RDI");
    }
    nd.s(b"]");
    if interval != 0 {
        let (i, min, max) = CCM_INTERVAL[interval];
        nd.s(b"\n\t  CCM Interval ");
        nd.st(i);
        nd.s(b"s, min CCM Lifetime ");
        nd.st(min);
        nd.s(b"s, max CCM Lifetime ");
        nd.st(max);
        nd.s(b"s");
    }
    nd.s(b"\n\t  Sequence Number 0x");
    nd.x0(nd.be4(tptr)? as u64, 8);
    nd.s(b", MA-End-Point-ID 0x");
    nd.x0(nd.be2(tptr + 4)? as u64, 4);
    let mut namesp = tptr + 6;
    let mut remaining = NAMES_LEN;
    let md_format = nd.u1(namesp)?;
    namesp += 1;
    remaining -= 1;
    if md_format != 1 {
        let md_len = nd.u1(namesp)? as usize;
        namesp += 1;
        remaining -= 1;
        nd.s(b"\n\t  MD Name Format ");
        named(nd, MD_NAMEFORMAT, md_format as u32);
        nd.s(b", MD Name length ");
        nd.u(md_len as u64);
        if md_len > remaining - 3 {
            nd.s(b" (too large, must be <= ");
            nd.u((remaining - 2) as u64);
            nd.s(b")");
            return Ok(false);
        }
        nd.s(b"\n\t  MD Name: ");
        match md_format {
            2 | 4 => nd.printjnp(namesp, md_len)?,
            3 => {
                if md_len == 6 {
                    nd.s(b"\n\t  MAC ");
                    nd.mac(namesp)?;
                } else {
                    nd.s(b"\n\t  MAC (length invalid)");
                }
            }
            _ => nd.unknown_data(namesp, b"\n\t    ", md_len)?,
        }
        namesp += md_len;
        remaining -= md_len;
    } else {
        nd.s(b"\n\t  MD Name Format ");
        named(nd, MD_NAMEFORMAT, md_format as u32);
    }
    let ma_format = nd.u1(namesp)?;
    let ma_len = nd.u1(namesp + 1)? as usize;
    namesp += 2;
    remaining -= 2;
    nd.s(b"\n\t  MA Name-Format ");
    named(nd, MA_NAMEFORMAT, ma_format as u32);
    nd.s(b", MA name length ");
    nd.u(ma_len as u64);
    if ma_len > remaining {
        nd.s(b" (too large, must be <= ");
        nd.u(remaining as u64);
        nd.s(b")");
        return Ok(false);
    }
    nd.s(b"\n\t  MA Name: ");
    if ma_format == 2 {
        nd.printjnp(namesp, ma_len)?;
    } else {
        nd.unknown_data(namesp, b"\n\t    ", ma_len)?;
    }
    Ok(true)
}

/// How the sender ID TLV ended: C's `break` (with the hexdump verdict), `goto next_tlv`,
/// or `return`.
enum Sender {
    Done(bool),
    NextTlv,
    Return,
}

/// The sender ID TLV: chassis ID, management address domain and address. Like C, it
/// consumes `tptr`, `tlen` and `tlv_len` as it goes, so what is left is skipped after it.
fn sender_id(nd: &mut Nd, tptr: &mut usize, tlen: &mut usize, tlv_len: &mut usize) -> R<Sender> {
    let mut hexdump = false;
    if *tlv_len < 1 {
        nd.s(b" (too short, must be >= 1)");
        return Ok(Sender::NextTlv);
    }
    let chassis_len = nd.u1(*tptr)? as usize;
    *tptr += 1;
    *tlen -= 1;
    *tlv_len -= 1;
    if chassis_len != 0 {
        if *tlv_len < 1 {
            nd.s(b"\n\t  (TLV too short)");
            return Ok(Sender::NextTlv);
        }
        let chassis_type = nd.u1(*tptr)?;
        *tlv_len -= 1;
        nd.s(b"\n\t  Chassis-ID Type ");
        named(nd, CHASSIS_ID, chassis_type as u32);
        nd.s(b", Chassis-ID length ");
        nd.u(chassis_len as u64);
        if *tlv_len < chassis_len {
            nd.s(b"\n\t  (TLV too short)");
            return Ok(Sender::NextTlv);
        }
        match chassis_type {
            4 => {
                if chassis_len != 6 {
                    nd.s(b" (invalid MAC address length)");
                    hexdump = true;
                } else {
                    nd.s(b"\n\t  MAC ");
                    nd.mac(*tptr + 1)?;
                }
            }
            5 => hexdump |= network_addr_print(nd, *tptr + 1, chassis_len)?,
            1 | 2 | 3 | 6 | 7 => nd.printjnp(*tptr + 1, chassis_len)?,
            _ => hexdump = true,
        }
        *tlv_len -= chassis_len;
        *tptr += 1 + chassis_len;
        *tlen -= 1 + chassis_len;
    }
    if *tlv_len == 0 {
        return Ok(Sender::Done(hexdump));
    }
    let domain_len = nd.u1(*tptr)? as usize;
    *tptr += 1;
    *tlen -= 1;
    *tlv_len -= 1;
    nd.s(b"\n\t  Management Address Domain Length ");
    nd.u(domain_len as u64);
    if domain_len != 0 {
        if *tlv_len < domain_len {
            nd.s(b"\n\t  (TLV too short)");
            return Ok(Sender::NextTlv);
        }
        *tlv_len -= domain_len;
        nd.hex_print(b"\n\t  Management Address Domain: ", *tptr, domain_len)?;
        *tptr += domain_len;
        *tlen -= domain_len;
        if *tlv_len < 1 {
            nd.s(b" (Management Address Length is missing)");
            return Ok(Sender::Done(true));
        }
        let addr_len = nd.u1(*tptr)? as usize;
        *tptr += 1;
        *tlen -= 1;
        *tlv_len -= 1;
        nd.s(b"\n\t  Management Address Length ");
        nd.u(addr_len as u64);
        if addr_len != 0 {
            if *tlv_len < addr_len {
                nd.s(b"\n\t  (TLV too short)");
                return Ok(Sender::Return);
            }
            *tlv_len -= addr_len;
            nd.hex_print(b"\n\t  Management Address: ", *tptr, addr_len)?;
            *tptr += addr_len;
            *tlen -= addr_len;
        }
    }
    Ok(Sender::Done(hexdump))
}

/// `cfm_network_addr_print`: true when the caller should hex dump the TLV.
fn network_addr_print(nd: &mut Nd, tptr: usize, length: usize) -> R<bool> {
    if length < 1 {
        nd.s(b"\n\t  Network Address Type (invalid, no data");
        return Ok(false);
    }
    let t = nd.u1(tptr)?;
    nd.s(b"\n\t  Network Address Type ");
    named(nd, tok::AF, t as u32);
    match t {
        1 | 2 => {
            let alen = if t == 1 { 4 } else { 16 };
            if length != 1 + alen {
                nd.s(if t == 1 {
                    b"(invalid IPv4 address length "
                } else {
                    b"(invalid IPv6 address length "
                });
                nd.u((length - 1) as u64);
                nd.s(b")");
                return Ok(true);
            }
            nd.need(tptr + 1, alen)?;
            nd.s(b", ");
            if t == 1 {
                nd.ip4(tptr + 1)?;
            } else {
                nd.ip6(tptr + 1)?;
            }
            Ok(false)
        }
        _ => Ok(true),
    }
}

/// cfm_print's `tooshort:` label.
fn too_short(nd: &mut Nd) -> R {
    nd.s(b"\n\t\t packet is too short");
    Ok(())
}
