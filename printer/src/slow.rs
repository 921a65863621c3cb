//! IEEE "slow protocols" (tcpdump's print-slow.c), ethertype 0x8809: LACP and Marker
//! (802.3ad link aggregation: what bonded NICs exchange) and OAM (802.3ah). The subtype,
//! version and length; with -v their TLVs (actor/partner system, key, port and state flags,
//! OAM information, link events, loopback control), with -vv hex dumps of every TLV.

use super::nd::{Nd, R};
use super::tok::{self, Tok};

const LACP: u8 = 1;
const MARKER: u8 = 2;
const OAM: u8 = 3;

const PROTO: Tok = &[(1, "LACP"), (2, "MARKER"), (3, "OAM")];

const OAM_FLAG: Tok = &[
    (0x0001, "Link Fault"),
    (0x0002, "Dying Gasp"),
    (0x0004, "Critical Event"),
    (0x0008, "Local Evaluating"),
    (0x0010, "Local Stable"),
    (0x0020, "Remote Evaluating"),
    (0x0040, "Remote Stable"),
];

const OAM_CODE: Tok = &[
    (0x00, "Information"),
    (0x01, "Event Notification"),
    (0x02, "Variable Request"),
    (0x03, "Variable Response"),
    (0x04, "Loopback Control"),
    (0xfe, "Vendor Private"),
];

const OAM_INFO_TYPE: Tok = &[
    (0x00, "End of TLV marker"),
    (0x01, "Local"),
    (0x02, "Remote"),
    (0xfe, "Organization specific"),
];

const OAM_PARSER: Tok = &[
    (0x00, "forwarding"),
    (0x01, "looping back"),
    (0x02, "discarding"),
    (0x03, "reserved"),
];

const OAM_MUX: Tok = &[(0x00, "forwarding"), (0x04, "discarding")];

const OAM_CONFIG: Tok = &[
    (0x01, "Active"),
    (0x02, "Unidirectional"),
    (0x04, "Remote-Loopback"),
    (0x08, "Link-Events"),
    (0x10, "Variable-Retrieval"),
];

const OAM_LINK_EVENT: Tok = &[
    (0x00, "End of TLV marker"),
    (0x01, "Errored Symbol Period Event"),
    (0x02, "Errored Frame Event"),
    (0x03, "Errored Frame Period Event"),
    (0x04, "Errored Frame Seconds Summary Event"),
    (0xfe, "Organization specific"),
];

const OAM_LOOPBACK_CMD: Tok = &[
    (0x01, "Enable OAM Remote Loopback"),
    (0x02, "Disable OAM Remote Loopback"),
];

/// Keyed by (subtype << 8) + TLV type: LACP and Marker share type codes.
const TLV: Tok = &[
    (0x100, "Terminator"),
    (0x101, "Actor Information"),
    (0x102, "Partner Information"),
    (0x103, "Collector Information"),
    (0x200, "Terminator"),
    (0x201, "Marker Information"),
];

const LACP_STATE: Tok = &[
    (0x01, "Activity"),
    (0x02, "Timeout"),
    (0x04, "Aggregation"),
    (0x08, "Synchronization"),
    (0x10, "Collecting"),
    (0x20, "Distributing"),
    (0x40, "Default"),
    (0x80, "Expired"),
];

/// sizeof(struct lacp_tlv_actor_partner_info_t), (lacp_tlv_collector_info_t),
/// (marker_tlv_marker_info_t), (slow_oam_info_t), (slow_oam_link_event_t).
const ACTOR_PARTNER_LEN: usize = 18;
const COLLECTOR_LEN: usize = 14;
const MARKER_INFO_LEN: usize = 14;
const OAM_INFO_LEN: u8 = 16;
const OAM_LINK_EVENT_LEN: u8 = 40;

/// Why a walk stopped early: the packet (its length, not the capture) is too short.
struct TooShort;

/// `tok2str(slow_proto_values, "unknown (%u)", subtype)`.
fn proto_name(nd: &mut Nd, subtype: u8) {
    match tok::name(PROTO, subtype as u32) {
        Some(n) => nd.st(n),
        None => {
            nd.s(b"unknown (");
            nd.u(subtype as u64);
            nd.s(b")");
        }
    }
}

/// `slow_print`.
pub(crate) fn slow_print(nd: &mut Nd, p: usize, len: usize) -> R {
    nd.proto = "slow";
    if len < 1 {
        return too_short_header(nd);
    }
    let subtype = nd.u1(p)?;
    // Some(true): a version byte to print; Some(false): none (OAM); None: unknown subtype.
    let print_version = match subtype {
        LACP | MARKER => {
            if len < 2 {
                return too_short_header(nd);
            }
            let v = nd.u1(p + 1)?;
            if v != 1 {
                nd.st(if subtype == LACP { "LACP" } else { "MARKER" });
                nd.s(b" version ");
                nd.u(v as u64);
                nd.s(b" packet not supported");
                return Ok(());
            }
            Some(true)
        }
        OAM => Some(false),
        _ => None,
    };
    if print_version == Some(true) {
        let v = nd.u1(p + 1)?;
        proto_name(nd, subtype);
        nd.s(b"v");
        nd.u(v as u64);
    } else {
        proto_name(nd, subtype);
    }
    nd.s(b", length ");
    nd.u(len as u64);
    if print_version.is_none() {
        return nd.unknown_data(p, b"\n\t", len);
    }
    if nd.vflag == 0 {
        return Ok(());
    }
    let r = if subtype == OAM {
        oam_print(nd, p + 1, len - 1)?
    } else {
        marker_lacp_print(nd, p + 2, len - 2, subtype)?
    };
    if r.is_err() {
        nd.s(b"\n\t\t packet is too short");
    }
    Ok(())
}

/// slow_print's `tooshort:` label.
fn too_short_header(nd: &mut Nd) -> R {
    if nd.vflag == 0 {
        nd.s(b" (packet is too short)");
    } else {
        nd.s(b"\n\t\t packet is too short");
    }
    Ok(())
}

/// "\n\t    ERROR: illegal length - should be >= N" / "should be N".
fn illegal_length(nd: &mut Nd, at_least: bool, n: usize) {
    nd.s(b"\n\t    ERROR: illegal length - should be ");
    if at_least {
        nd.s(b">= ");
    }
    nd.u(n as u64);
}

/// `slow_marker_lacp_print`: LACP's and Marker's TLVs.
fn marker_lacp_print(
    nd: &mut Nd,
    mut tptr: usize,
    mut tlen: usize,
    subtype: u8,
) -> R<Result<(), TooShort>> {
    while tlen > 0 {
        if tlen < 2 {
            return Ok(Err(TooShort));
        }
        let tlv_type = nd.u1(tptr)?;
        let tlv_len = nd.u1(tptr + 1)? as usize;
        let key = ((subtype as u32) << 8) + tlv_type as u32;
        nd.s(b"\n\t");
        tok::tok2str(nd, TLV, "Unknown", key);
        nd.s(b" TLV (0x");
        nd.x0(tlv_type as u64, 2);
        nd.s(b"), length ");
        nd.u(tlv_len as u64);
        if tlv_type == 0 {
            return Ok(Ok(()));
        }
        if tlv_len < 2 {
            illegal_length(nd, true, 2);
            return Ok(Ok(()));
        }
        if tlen < tlv_len {
            return Ok(Err(TooShort));
        }
        nd.need(tptr, tlv_len)?;
        let v = tptr + 2;
        let vlen = tlv_len - 2;
        match key {
            0x101 | 0x102 => {
                if vlen != ACTOR_PARTNER_LEN {
                    illegal_length(nd, false, 2 + ACTOR_PARTNER_LEN);
                } else {
                    let (pri, key, port, port_pri, state) = (
                        nd.be2(v)?,
                        nd.be2(v + 8)?,
                        nd.be2(v + 12)?,
                        nd.be2(v + 10)?,
                        nd.u1(v + 14)?,
                    );
                    nd.s(b"\n\t  System ");
                    nd.mac(v + 2)?;
                    nd.s(b", System Priority ");
                    nd.u(pri as u64);
                    nd.s(b", Key ");
                    nd.u(key as u64);
                    nd.s(b", Port ");
                    nd.u(port as u64);
                    nd.s(b", Port Priority ");
                    nd.u(port_pri as u64);
                    nd.s(b"\n\t  State Flags [");
                    tok::bittok2str(nd, LACP_STATE, "none", state as u32);
                    nd.s(b"]");
                }
            }
            0x103 => {
                if vlen != COLLECTOR_LEN {
                    illegal_length(nd, false, 2 + COLLECTOR_LEN);
                } else {
                    let d = nd.be2(v)?;
                    nd.s(b"\n\t  Max Delay ");
                    nd.u(d as u64);
                }
            }
            0x201 => {
                if vlen != MARKER_INFO_LEN {
                    illegal_length(nd, false, 2 + MARKER_INFO_LEN);
                } else {
                    let (port, id) = (nd.be2(v)?, nd.be4(v + 8)?);
                    nd.need(v + 2, 6)?;
                    nd.s(b"\n\t  Request System ");
                    nd.mac(v + 2)?;
                    nd.s(b", Request Port ");
                    nd.u(port as u64);
                    nd.s(b", Request Transaction ID 0x");
                    nd.x0(id as u64, 8);
                }
            }
            _ => {
                if nd.vflag <= 1 {
                    nd.unknown_data(v, b"\n\t  ", vlen)?;
                }
            }
        }
        if nd.vflag > 1 {
            nd.unknown_data(v, b"\n\t  ", vlen)?;
        }
        tptr += tlv_len;
        tlen -= tlv_len;
    }
    Ok(Ok(()))
}

/// `slow_oam_print`: the OAM PDU after its subtype.
fn oam_print(nd: &mut Nd, mut tptr: usize, mut tlen: usize) -> R<Result<(), TooShort>> {
    if tlen < 3 {
        return Ok(Err(TooShort));
    }
    nd.need(tptr, 3)?;
    let flags = nd.be2(tptr)?;
    let code = nd.u1(tptr + 2)?;
    tptr += 3;
    tlen -= 3;
    nd.s(b"\n\tCode ");
    match tok::name(OAM_CODE, code as u32) {
        Some(n) => nd.st(n),
        None => {
            nd.s(b"Unknown (");
            nd.u(code as u64);
            nd.s(b")");
        }
    }
    nd.s(b" OAM PDU, Flags [");
    tok::bittok2str(nd, OAM_FLAG, "none", flags as u32);
    nd.s(b"]");
    match code {
        0x00 => {
            while tlen > 0 {
                if tlen < 2 {
                    return Ok(Err(TooShort));
                }
                nd.need(tptr, 2)?;
                let (typ, length) = (nd.u1(tptr)?, nd.u1(tptr + 1)?);
                nd.s(b"\n\t  ");
                tok::tok2str(nd, OAM_INFO_TYPE, "Reserved", typ as u32);
                nd.s(b" Information Type (");
                nd.u(typ as u64);
                nd.s(b"), length ");
                nd.u(length as u64);
                if typ == 0 {
                    return Ok(Ok(()));
                }
                if length < 2 {
                    illegal_length(nd, true, 2);
                    return Ok(Ok(()));
                }
                let length = length as usize;
                if tlen < length {
                    return Ok(Err(TooShort));
                }
                nd.need(tptr, length)?;
                let mut hexdump = true;
                if typ == 1 || typ == 2 {
                    if nd.u1(tptr + 1)? != OAM_INFO_LEN {
                        illegal_length(nd, false, OAM_INFO_LEN as usize);
                    } else {
                        hexdump = false;
                        oam_info(nd, tptr)?;
                    }
                }
                if nd.vflag > 1 || hexdump {
                    nd.unknown_data(tptr, b"\n\t  ", length)?;
                }
                tlen -= length;
                tptr += length;
            }
        }
        0x01 => {
            if tlen < 2 {
                return Ok(Err(TooShort));
            }
            let seq = nd.be2(tptr)?;
            nd.s(b"\n\t  Sequence Number ");
            nd.u(seq as u64);
            tlen -= 2;
            tptr += 2;
            while tlen > 0 {
                if tlen < 2 {
                    return Ok(Err(TooShort));
                }
                let (typ, length) = (nd.u1(tptr)?, nd.u1(tptr + 1)?);
                nd.s(b"\n\t  ");
                tok::tok2str(nd, OAM_LINK_EVENT, "Reserved", typ as u32);
                nd.s(b" Link Event Type (");
                nd.u(typ as u64);
                nd.s(b"), length ");
                nd.u(length as u64);
                if typ == 0 {
                    return Ok(Ok(()));
                }
                if length < 2 {
                    illegal_length(nd, true, 2);
                    return Ok(Ok(()));
                }
                let length = length as usize;
                if tlen < length {
                    return Ok(Err(TooShort));
                }
                nd.need(tptr, length)?;
                let mut hexdump = true;
                if (1..=4).contains(&typ) {
                    if nd.u1(tptr + 1)? != OAM_LINK_EVENT_LEN {
                        illegal_length(nd, false, OAM_LINK_EVENT_LEN as usize);
                    } else {
                        hexdump = false;
                        link_event(nd, tptr)?;
                    }
                }
                if nd.vflag > 1 || hexdump {
                    nd.unknown_data(tptr, b"\n\t  ", length)?;
                }
                tlen -= length;
                tptr += length;
            }
        }
        0x04 => {
            if tlen < 1 {
                return Ok(Err(TooShort));
            }
            let command = nd.u1(tptr)?;
            nd.s(b"\n\t  Command ");
            tok::tok2str(nd, OAM_LOOPBACK_CMD, "Unknown", command as u32);
            nd.s(b" (");
            nd.u(command as u64);
            nd.s(b")");
        }
        _ => {
            if nd.vflag <= 1 {
                nd.unknown_data(tptr, b"\n\t  ", tlen)?;
            }
        }
    }
    Ok(Ok(()))
}

/// A local or remote `slow_oam_info_t`.
fn oam_info(nd: &mut Nd, t: usize) -> R {
    let (ver, rev) = (nd.u1(t + 2)?, nd.be2(t + 3)?);
    nd.s(b"\n\t    OAM-Version ");
    nd.u(ver as u64);
    nd.s(b", Revision ");
    nd.u(rev as u64);
    let state = nd.u1(t + 5)? as u32;
    nd.s(b"\n\t    State-Parser-Action ");
    tok::tok2str(nd, OAM_PARSER, "Reserved", state & 0x3);
    nd.s(b", State-MUX-Action ");
    tok::tok2str(nd, OAM_MUX, "Reserved", state & 0x4);
    let (config, pdu) = (nd.u1(t + 6)?, nd.be2(t + 7)?);
    nd.s(b"\n\t    OAM-Config Flags [");
    tok::bittok2str(nd, OAM_CONFIG, "none", config as u32);
    nd.s(b"], OAM-PDU-Config max-PDU size ");
    nd.u((pdu & 0x7ff) as u64);
    let (oui, private) = (nd.be3(t + 9)?, nd.be4(t + 12)?);
    nd.s(b"\n\t    OUI ");
    tok::tok2str(nd, tok::OUI, "Unknown", oui);
    nd.s(b" (0x");
    nd.x0(oui as u64, 6);
    nd.s(b"), Vendor-Private 0x");
    nd.x0(private as u64, 8);
    Ok(())
}

/// A `slow_oam_link_event_t` (the four errored-event types share it).
fn link_event(nd: &mut Nd, t: usize) -> R {
    let ts = nd.be2(t + 2)? as u64;
    let (window, threshold, errors, total) = (
        nd.be8(t + 4)?,
        nd.be8(t + 12)?,
        nd.be8(t + 20)?,
        nd.be8(t + 28)?,
    );
    let events = nd.be4(t + 36)?;
    nd.s(b"\n\t    Timestamp ");
    nd.u(ts * 100);
    nd.s(b" ms, Errored Window ");
    nd.u(window);
    nd.s(b"\n\t    Errored Threshold ");
    nd.u(threshold);
    nd.s(b"\n\t    Errors ");
    nd.u(errors);
    nd.s(b"\n\t    Error Running Total ");
    nd.u(total);
    nd.s(b"\n\t    Event Running Total ");
    nd.u(events as u64);
    Ok(())
}
