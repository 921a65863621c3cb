//! OpenFlow 1.0 messages (tcpdump's print-openflow-1.0.c): the message types and, with -v,
//! their bodies: ports, matches, actions, flow and port changes, statistics, queues, errors,
//! vendor messages (Big Switch Networks' decoded), and at -vvv the Ethernet frame a
//! PACKET_IN or PACKET_OUT carries. `openflow` prints the common header and calls these.

use super::ether;
use super::nd::{Nd, Trunc, R};
use super::openflow::{
    self, bitmap, data_print, dec2, dec4, dec8, hex4, hex8, invalid, ip4, mac, name, tokf,
    vendor_name, Decoder, MsgType, Req, Unk,
};
use super::tok::Tok;

const OFPPC_BM: Tok = &[
    (1 << 0, "PORT_DOWN"),
    (1 << 1, "NO_STP"),
    (1 << 2, "NO_RECV"),
    (1 << 3, "NO_RECV_STP"),
    (1 << 4, "NO_FLOOD"),
    (1 << 5, "NO_FWD"),
    (1 << 6, "NO_PACKET_IN"),
];
const OFPPC_U: u32 = !0x7f;

/// The STP code point of a port state (bits 8-9); bit 0 is LINK_DOWN.
const OFPPS_STP_STR: Tok = &[
    (0 << 8, "STP_LISTEN"),
    (1 << 8, "STP_LEARN"),
    (2 << 8, "STP_FORWARD"),
    (3 << 8, "STP_BLOCK"),
];
const OFPPS_LINK_DOWN: u32 = 1;
const OFPPS_STP_MASK: u32 = 3 << 8;
const OFPPS_U: u32 = !(OFPPS_LINK_DOWN | OFPPS_STP_MASK);

const OFPP_CONTROLLER: u16 = 0xfffd;
const OFPP_STR: Tok = &[
    (0xff00, "MAX"),
    (0xfff8, "IN_PORT"),
    (0xfff9, "TABLE"),
    (0xfffa, "NORMAL"),
    (0xfffb, "FLOOD"),
    (0xfffc, "ALL"),
    (0xfffd, "CONTROLLER"),
    (0xfffe, "LOCAL"),
    (0xffff, "NONE"),
];

const OFPPF_BM: Tok = &[
    (1 << 0, "10MB_HD"),
    (1 << 1, "10MB_FD"),
    (1 << 2, "100MB_HD"),
    (1 << 3, "100MB_FD"),
    (1 << 4, "1GB_HD"),
    (1 << 5, "1GB_FD"),
    (1 << 6, "10GB_FD"),
    (1 << 7, "COPPER"),
    (1 << 8, "FIBER"),
    (1 << 9, "AUTONEG"),
    (1 << 10, "PAUSE"),
    (1 << 11, "PAUSE_ASYM"),
];
const OFPPF_U: u32 = !0xfff;

const OFPQT_NONE: u16 = 0;
const OFPQT_MIN_RATE: u16 = 1;
const OFPQT_STR: Tok = &[(0, "NONE"), (1, "MIN_RATE")];

const OFPFW_IN_PORT: u32 = 1 << 0;
const OFPFW_DL_VLAN: u32 = 1 << 1;
const OFPFW_DL_SRC: u32 = 1 << 2;
const OFPFW_DL_DST: u32 = 1 << 3;
const OFPFW_DL_TYPE: u32 = 1 << 4;
const OFPFW_NW_PROTO: u32 = 1 << 5;
const OFPFW_TP_SRC: u32 = 1 << 6;
const OFPFW_TP_DST: u32 = 1 << 7;
const OFPFW_NW_SRC_SHIFT: u32 = 8;
const OFPFW_NW_SRC_MASK: u32 = 0x3f << OFPFW_NW_SRC_SHIFT;
const OFPFW_NW_DST_SHIFT: u32 = 14;
const OFPFW_NW_DST_MASK: u32 = 0x3f << OFPFW_NW_DST_SHIFT;
const OFPFW_DL_VLAN_PCP: u32 = 1 << 20;
const OFPFW_NW_TOS: u32 = 1 << 21;
const OFPFW_BM: Tok = &[
    (OFPFW_IN_PORT, "IN_PORT"),
    (OFPFW_DL_VLAN, "DL_VLAN"),
    (OFPFW_DL_SRC, "DL_SRC"),
    (OFPFW_DL_DST, "DL_DST"),
    (OFPFW_DL_TYPE, "DL_TYPE"),
    (OFPFW_NW_PROTO, "NW_PROTO"),
    (OFPFW_TP_SRC, "TP_SRC"),
    (OFPFW_TP_DST, "TP_DST"),
    (OFPFW_DL_VLAN_PCP, "DL_VLAN_PCP"),
    (OFPFW_NW_TOS, "NW_TOS"),
];
/// The bits past OFPFW_ALL (the address prefix bits count as assigned).
const OFPFW_U: u32 = !((1 << 22) - 1);

const OFPAT_OUTPUT: u16 = 0x0000;
const OFPAT_SET_VLAN_VID: u16 = 0x0001;
const OFPAT_SET_VLAN_PCP: u16 = 0x0002;
const OFPAT_STRIP_VLAN: u16 = 0x0003;
const OFPAT_SET_DL_SRC: u16 = 0x0004;
const OFPAT_SET_DL_DST: u16 = 0x0005;
const OFPAT_SET_NW_SRC: u16 = 0x0006;
const OFPAT_SET_NW_DST: u16 = 0x0007;
const OFPAT_SET_NW_TOS: u16 = 0x0008;
const OFPAT_SET_TP_SRC: u16 = 0x0009;
const OFPAT_SET_TP_DST: u16 = 0x000a;
const OFPAT_ENQUEUE: u16 = 0x000b;
const OFPAT_VENDOR: u16 = 0xffff;
const OFPAT_STR: Tok = &[
    (0x0000, "OUTPUT"),
    (0x0001, "SET_VLAN_VID"),
    (0x0002, "SET_VLAN_PCP"),
    (0x0003, "STRIP_VLAN"),
    (0x0004, "SET_DL_SRC"),
    (0x0005, "SET_DL_DST"),
    (0x0006, "SET_NW_SRC"),
    (0x0007, "SET_NW_DST"),
    (0x0008, "SET_NW_TOS"),
    (0x0009, "SET_TP_SRC"),
    (0x000a, "SET_TP_DST"),
    (0x000b, "ENQUEUE"),
    (0xffff, "VENDOR"),
];
/// The action types as bits (no vendor action), for the features' `actions`.
const OFPAT_BM: Tok = &[
    (1 << 0, "OUTPUT"),
    (1 << 1, "SET_VLAN_VID"),
    (1 << 2, "SET_VLAN_PCP"),
    (1 << 3, "STRIP_VLAN"),
    (1 << 4, "SET_DL_SRC"),
    (1 << 5, "SET_DL_DST"),
    (1 << 6, "SET_NW_SRC"),
    (1 << 7, "SET_NW_DST"),
    (1 << 8, "SET_NW_TOS"),
    (1 << 9, "SET_TP_SRC"),
    (1 << 10, "SET_TP_DST"),
    (1 << 11, "ENQUEUE"),
];
const OFPAT_U: u32 = !0xfff;

const OFP_CAPABILITIES_BM: Tok = &[
    (1 << 0, "FLOW_STATS"),
    (1 << 1, "TABLE_STATS"),
    (1 << 2, "PORT_STATS"),
    (1 << 3, "STP"),
    (1 << 4, "RESERVED"),
    (1 << 5, "IP_REASM"),
    (1 << 6, "QUEUE_STATS"),
    (1 << 7, "ARP_MATCH_IP"),
];
/// RESERVED is named but counts as unassigned.
const OFPCAP_U: u32 = !(0xff & !(1 << 4));

const OFP_CONFIG_STR: Tok = &[(0, "FRAG_NORMAL"), (1, "FRAG_DROP"), (2, "FRAG_REASM")];

const OFPFC_ADD: u16 = 0;
const OFPFC_MODIFY: u16 = 1;
const OFPFC_MODIFY_STRICT: u16 = 2;
const OFPFC_DELETE: u16 = 3;
const OFPFC_DELETE_STRICT: u16 = 4;
const OFPFC_STR: Tok = &[
    (0, "ADD"),
    (1, "MODIFY"),
    (2, "MODIFY_STRICT"),
    (3, "DELETE"),
    (4, "DELETE_STRICT"),
];

const BUFFERID_STR: Tok = &[(0xffffffff, "NONE")];

const OFPFF_BM: Tok = &[
    (1 << 0, "SEND_FLOW_REM"),
    (1 << 1, "CHECK_OVERLAP"),
    (1 << 2, "EMERG"),
];
const OFPFF_U: u32 = !0x7;

const OFPST_DESC: u16 = 0x0000;
const OFPST_FLOW: u16 = 0x0001;
const OFPST_AGGREGATE: u16 = 0x0002;
const OFPST_TABLE: u16 = 0x0003;
const OFPST_PORT: u16 = 0x0004;
const OFPST_QUEUE: u16 = 0x0005;
const OFPST_VENDOR: u16 = 0xffff;
const OFPST_STR: Tok = &[
    (0x0000, "DESC"),
    (0x0001, "FLOW"),
    (0x0002, "AGGREGATE"),
    (0x0003, "TABLE"),
    (0x0004, "PORT"),
    (0x0005, "QUEUE"),
    (0xffff, "VENDOR"),
];

const TABLEID_STR: Tok = &[(0xfe, "EMERG"), (0xff, "ALL")];

const OFPQ_STR: Tok = &[(0xffffffff, "ALL")];

const OFPSF_REPLY_BM: Tok = &[(1, "MORE")];
const OFPSF_REPLY_U: u32 = !1;

const OFPR_STR: Tok = &[(0, "NO_MATCH"), (1, "ACTION")];

const OFPRR_STR: Tok = &[(0, "IDLE_TIMEOUT"), (1, "HARD_TIMEOUT"), (2, "DELETE")];

const OFPPR_STR: Tok = &[(0, "ADD"), (1, "DELETE"), (2, "MODIFY")];

const OFPET_STR: Tok = &[
    (0, "HELLO_FAILED"),
    (1, "BAD_REQUEST"),
    (2, "BAD_ACTION"),
    (3, "FLOW_MOD_FAILED"),
    (4, "PORT_MOD_FAILED"),
    (5, "QUEUE_OP_FAILED"),
];

/// `of10_ofpet2tokary`: the error codes of each error type.
const OFPET_CODES: [Tok; 6] = [
    &[(0, "INCOMPATIBLE"), (1, "EPERM")],
    &[
        (0, "BAD_VERSION"),
        (1, "BAD_TYPE"),
        (2, "BAD_STAT"),
        (3, "BAD_VENDOR"),
        (4, "BAD_SUBTYPE"),
        (5, "EPERM"),
        (6, "BAD_LEN"),
        (7, "BUFFER_EMPTY"),
        (8, "BUFFER_UNKNOWN"),
    ],
    &[
        (0, "BAD_TYPE"),
        (1, "BAD_LEN"),
        (2, "BAD_VENDOR"),
        (3, "BAD_VENDOR_TYPE"),
        (4, "BAD_OUT_PORT"),
        (5, "BAD_ARGUMENT"),
        (6, "EPERM"),
        (7, "TOO_MANY"),
        (8, "BAD_QUEUE"),
    ],
    &[
        (0, "ALL_TABLES_FULL"),
        (1, "OVERLAP"),
        (2, "EPERM"),
        (3, "BAD_EMERG_TIMEOUT"),
        (4, "BAD_COMMAND"),
        (5, "UNSUPPORTED"),
    ],
    &[(0, "BAD_PORT"), (1, "BAD_HW_ADDR")],
    &[(0, "BAD_PORT"), (1, "BAD_QUEUE"), (2, "EPERM")],
];

// Lengths of protocol structures ([OF10]).
const OF_PHY_PORT_FIXLEN: usize = 48;
const OF_ACTION_MINLEN: usize = 8;
const OF_MATCH_FIXLEN: usize = 40;
const OF_DESC_STATS_REPLY_FIXLEN: usize = 1056;
const OF_FLOW_STATS_REQUEST_FIXLEN: usize = 44;
const OF_FLOW_STATS_REPLY_MINLEN: usize = 88;
const OF_AGGREGATE_STATS_REPLY_FIXLEN: usize = 24;
const OF_TABLE_STATS_REPLY_FIXLEN: usize = 64;
const OF_PORT_STATS_REQUEST_FIXLEN: usize = 8;
const OF_PORT_STATS_REPLY_FIXLEN: usize = 104;
const OF_QUEUE_PROP_MINLEN: usize = 8;
const OF_QUEUE_PROP_MIN_RATE_FIXLEN: usize = 16;
const OF_PACKET_QUEUE_MINLEN: usize = 8;
const OF_QUEUE_STATS_REQUEST_FIXLEN: usize = 8;
const OF_QUEUE_STATS_REPLY_FIXLEN: usize = 32;

const OFP_MAX_TABLE_NAME_LEN: usize = 32;
const OFP_MAX_PORT_NAME_LEN: usize = 16;
const DESC_STR_LEN: usize = 256;
const SERIAL_NUM_LEN: usize = 32;
const OFP_VLAN_NONE: u16 = 0xffff;

const ETHERTYPE_IP: u16 = 0x0800;
const ETHERTYPE_ARP: u16 = 0x0806;
const ETHERTYPE_8021Q: u32 = 0x8100;
const IPPROTO_ICMP: u8 = 1;

/// `OUI_BSN`: Big Switch Networks, whose vendor messages and actions are decoded.
const OUI_BSN: u32 = 0x5c16c7;

const BSN_SET_IP_MASK: u32 = 0;
const BSN_GET_IP_MASK_REQUEST: u32 = 1;
const BSN_GET_IP_MASK_REPLY: u32 = 2;
const BSN_SET_MIRRORING: u32 = 3;
const BSN_GET_MIRRORING_REQUEST: u32 = 4;
const BSN_GET_MIRRORING_REPLY: u32 = 5;
const BSN_SHELL_COMMAND: u32 = 6;
const BSN_SHELL_OUTPUT: u32 = 7;
const BSN_SHELL_STATUS: u32 = 8;
const BSN_GET_INTERFACES_REQUEST: u32 = 9;
const BSN_GET_L2_TABLE_REQUEST: u32 = 13;
const BSN_VIRTUAL_PORT_REMOVE_REQUEST: u32 = 17;
const BSN_BW_ENABLE_GET_REQUEST: u32 = 19;
const BSN_BW_CLEAR_DATA_REQUEST: u32 = 21;
const BSN_HYBRID_GET_REQUEST: u32 = 27;
const BSN_SUBTYPE_STR: Tok = &[
    (0, "SET_IP_MASK"),
    (1, "GET_IP_MASK_REQUEST"),
    (2, "GET_IP_MASK_REPLY"),
    (3, "SET_MIRRORING"),
    (4, "GET_MIRRORING_REQUEST"),
    (5, "GET_MIRRORING_REPLY"),
    (6, "SHELL_COMMAND"),
    (7, "SHELL_OUTPUT"),
    (8, "SHELL_STATUS"),
    (9, "GET_INTERFACES_REQUEST"),
    (10, "GET_INTERFACES_REPLY"),
    (11, "SET_PKTIN_SUPPRESSION_REQUEST"),
    (12, "SET_L2_TABLE_REQUEST"),
    (13, "GET_L2_TABLE_REQUEST"),
    (14, "GET_L2_TABLE_REPLY"),
    (15, "VIRTUAL_PORT_CREATE_REQUEST"),
    (16, "VIRTUAL_PORT_CREATE_REPLY"),
    (17, "VIRTUAL_PORT_REMOVE_REQUEST"),
    (18, "BW_ENABLE_SET_REQUEST"),
    (19, "BW_ENABLE_GET_REQUEST"),
    (20, "BW_ENABLE_GET_REPLY"),
    (21, "BW_CLEAR_DATA_REQUEST"),
    (22, "BW_CLEAR_DATA_REPLY"),
    (23, "BW_ENABLE_SET_REPLY"),
    (24, "SET_L2_TABLE_REPLY"),
    (25, "SET_PKTIN_SUPPRESSION_REPLY"),
    (26, "VIRTUAL_PORT_REMOVE_REPLY"),
    (27, "HYBRID_GET_REQUEST"),
    (28, "HYBRID_GET_REPLY"),
    (31, "PDU_TX_REQUEST"),
    (32, "PDU_TX_REPLY"),
    (33, "PDU_RX_REQUEST"),
    (34, "PDU_RX_REPLY"),
    (35, "PDU_RX_TIMEOUT"),
];

const BSN_ACTION_MIRROR: u32 = 1;
const BSN_ACTION_SUBTYPE_STR: Tok = &[(1, "MIRROR"), (2, "SET_TUNNEL_DST"), (4, "CHECKSUM")];
const BSN_MIRROR_COPY_STAGE_STR: Tok = &[(0, "INGRESS"), (1, "EGRESS")];
const BSN_ONOFF_STR: Tok = &[(0, "OFF"), (1, "ON")];

/// `of10_identify_msgtype`.
pub(crate) fn msgtype(typ: u8) -> Option<&'static MsgType> {
    MSGTYPES.get(typ as usize)
}

/// A port number: its name or `%u`.
fn port(nd: &mut Nd, label: &[u8], i: usize) -> R<u16> {
    let v = nd.be2(i)?;
    nd.s(label);
    tokf(nd, OFPP_STR, v as u32, Unk::Dec);
    Ok(v)
}

/// `vlan_str`.
fn vlan_str(nd: &mut Nd, vid: u16) {
    if vid == OFP_VLAN_NONE {
        nd.s(b"NONE");
        return;
    }
    nd.u(vid as u64);
    if !(vid > 0 && vid < 0x0fff) {
        nd.s(b" (bogus)");
    }
}

/// `pcp_str`.
fn pcp_str(nd: &mut Nd, pcp: u8) {
    nd.u(pcp as u64);
    if pcp > 7 {
        nd.s(b" (bogus)");
    }
}

/// A 32-bit bitmap field: `label0x%08x` and its names.
fn bits(nd: &mut Nd, label: &[u8], i: usize, t: Tok, u: u32) -> R {
    let v = hex4(nd, label, i)?;
    bitmap(nd, t, v, u);
    Ok(())
}

/// `of10_bsn_message_print`: Big Switch Networks' vendor messages.
fn bsn_message_print(nd: &mut Nd, mut cp: usize, mut len: usize) -> R {
    if len < 4 {
        return invalid(nd, cp, len);
    }
    let subtype = nd.be4(cp)?;
    cp += 4;
    len -= 4;
    nd.s(b"\n\t subtype ");
    tokf(nd, BSN_SUBTYPE_STR, subtype, Unk::ParenHex("unknown", 8));
    match subtype {
        BSN_GET_IP_MASK_REQUEST => {
            if len != 8 {
                return invalid(nd, cp, len);
            }
            let v = nd.u1(cp)?;
            nd.s(b", index ");
            nd.u(v as u64);
            nd.need(cp + 1, 7)
        }
        BSN_SET_IP_MASK | BSN_GET_IP_MASK_REPLY => {
            if len != 8 {
                return invalid(nd, cp, len);
            }
            let v = nd.u1(cp)?;
            nd.s(b", index ");
            nd.u(v as u64);
            ip4(nd, b", mask ", cp + 4)
        }
        BSN_SET_MIRRORING | BSN_GET_MIRRORING_REQUEST | BSN_GET_MIRRORING_REPLY => {
            if len != 4 {
                return invalid(nd, cp, len);
            }
            let v = nd.u1(cp)?;
            nd.s(b", report_mirror_ports ");
            tokf(nd, BSN_ONOFF_STR, v as u32, Unk::ParenDec("bogus"));
            nd.need(cp + 1, 3)
        }
        BSN_GET_INTERFACES_REQUEST
        | BSN_GET_L2_TABLE_REQUEST
        | BSN_BW_ENABLE_GET_REQUEST
        | BSN_BW_CLEAR_DATA_REQUEST
        | BSN_HYBRID_GET_REQUEST => {
            if len != 0 {
                return invalid(nd, cp, len);
            }
            Ok(())
        }
        BSN_VIRTUAL_PORT_REMOVE_REQUEST => {
            if len != 4 {
                return invalid(nd, cp, len);
            }
            dec4(nd, b", vport_no ", cp)
        }
        BSN_SHELL_COMMAND => {
            if len < 4 {
                return invalid(nd, cp, len);
            }
            dec4(nd, b", service ", cp)?;
            cp += 4;
            len -= 4;
            nd.s(b", data '");
            nd.printn(cp, len, None)?;
            nd.s(b"'");
            Ok(())
        }
        BSN_SHELL_OUTPUT => {
            nd.s(b", data '");
            nd.printn(cp, len, None)?;
            nd.s(b"'");
            Ok(())
        }
        BSN_SHELL_STATUS => {
            if len != 4 {
                return invalid(nd, cp, len);
            }
            hex4(nd, b", status 0x", cp)?;
            Ok(())
        }
        _ => nd.need(cp, len),
    }
}

/// `of10_bsn_actions_print`: Big Switch Networks' vendor actions.
fn bsn_actions_print(nd: &mut Nd, mut cp: usize, mut len: usize) -> R {
    if len < 4 {
        return invalid(nd, cp, len);
    }
    let subtype = nd.be4(cp)?;
    cp += 4;
    len -= 4;
    nd.s(b"\n\t  subtype ");
    tokf(
        nd,
        BSN_ACTION_SUBTYPE_STR,
        subtype,
        Unk::ParenHex("unknown", 8),
    );
    if subtype != BSN_ACTION_MIRROR {
        return nd.need(cp, len);
    }
    if len != 12 {
        return invalid(nd, cp, len);
    }
    dec4(nd, b", dest_port ", cp)?;
    let vlan_tag = nd.be4(cp + 4)?;
    match vlan_tag >> 16 {
        0 => nd.s(b", vlan_tag none"),
        ETHERTYPE_8021Q => {
            nd.s(b", vlan_tag 802.1Q (");
            ether::tci(nd, vlan_tag as u16);
            nd.s(b")");
        }
        t => {
            nd.s(b", vlan_tag unknown (0x");
            nd.x0(t as u64, 4);
            nd.s(b")");
        }
    }
    let stage = nd.u1(cp + 8)?;
    nd.s(b", copy_stage ");
    tokf(
        nd,
        BSN_MIRROR_COPY_STAGE_STR,
        stage as u32,
        Unk::ParenDec("unknown"),
    );
    nd.need(cp + 9, 3)
}

/// The vendor ID (`, vendor 0x%08x (NAME)`); returns it.
fn vendor(nd: &mut Nd, cp: usize) -> R<u32> {
    let v = hex4(nd, b", vendor 0x", cp)?;
    nd.s(b" (");
    vendor_name(nd, v);
    nd.s(b")");
    Ok(v)
}

/// `of10_vendor_action_print`.
fn vendor_action_print(nd: &mut Nd, cp: usize, len: usize) -> R {
    if len < 4 {
        return invalid(nd, cp, len);
    }
    if vendor(nd, cp)? == OUI_BSN {
        bsn_actions_print(nd, cp + 4, len - 4)
    } else {
        data_print(nd, cp + 4, len - 4)
    }
}

/// `of10_vendor_message_print` (the type's minimum length covers the vendor ID).
fn vendor_message_print(nd: &mut Nd, cp: usize, len: usize) -> R {
    if vendor(nd, cp)? == OUI_BSN {
        bsn_message_print(nd, cp + 4, len - 4)
    } else {
        data_print(nd, cp + 4, len - 4)
    }
}

/// `of10_vendor_data_print`: a vendor ID, then opaque data.
fn vendor_data_print(nd: &mut Nd, cp: usize, len: usize) -> R {
    if len < 4 {
        return invalid(nd, cp, len);
    }
    vendor(nd, cp)?;
    data_print(nd, cp + 4, len - 4)
}

/// `of10_packet_data_print`: the frame of a PACKET_IN or PACKET_OUT, decoded at -vvv (with
/// three levels less verbosity) as an Ethernet frame ending with the message.
fn packet_data_print(nd: &mut Nd, cp: usize, len: usize) -> R {
    if len == 0 {
        return Ok(());
    }
    nd.s(b"\n\t data (");
    nd.u(len as u64);
    nd.s(b" octets)");
    if nd.vflag < 3 {
        return nd.need(cp, len);
    }
    nd.vflag -= 3;
    nd.s(b", frame decoding below\n");
    let saved = nd.snapend;
    nd.snapend = nd.snapend.min(cp + len);
    let caplen = nd.avail(cp);
    // A truncation inside the frame longjmps past tcpdump's restore: the verbosity stays
    // lowered for the rest of the capture.
    if ether::ether_print(nd, cp, len, caplen).is_err() {
        nd.st.vflag_lost = nd.st.vflag_lost.saturating_add(3);
        return Err(Trunc);
    }
    nd.snapend = saved;
    nd.vflag += 3;
    Ok(())
}

/// `of10_phy_port_print`: a port description (48 bytes at `cp`).
fn phy_port_print(nd: &mut Nd, cp: usize) -> R {
    port(nd, b"\n\t  port_no ", cp)?;
    mac(nd, b", hw_addr ", cp + 2)?;
    name(nd, b", name ", cp + 8, OFP_MAX_PORT_NAME_LEN)?;
    let cp = cp + 8 + OFP_MAX_PORT_NAME_LEN;
    if nd.vflag < 2 {
        return nd.need(cp, 24);
    }
    bits(nd, b"\n\t   config 0x", cp, OFPPC_BM, OFPPC_U)?;
    let state = nd.be4(cp + 4)?;
    nd.s(b"\n\t   state 0x");
    nd.x0(state as u64, 8);
    nd.s(b" (");
    tokf(nd, OFPPS_STP_STR, state & OFPPS_STP_MASK, Unk::Lit(""));
    if state & OFPPS_LINK_DOWN != 0 {
        nd.s(b", LINK_DOWN");
    }
    nd.s(b")");
    if state & OFPPS_U != 0 {
        nd.s(b" (bogus)");
    }
    bits(nd, b"\n\t   curr 0x", cp + 8, OFPPF_BM, OFPPF_U)?;
    bits(nd, b"\n\t   advertised 0x", cp + 12, OFPPF_BM, OFPPF_U)?;
    bits(nd, b"\n\t   supported 0x", cp + 16, OFPPF_BM, OFPPF_U)?;
    bits(nd, b"\n\t   peer 0x", cp + 20, OFPPF_BM, OFPPF_U)
}

/// `of10_queue_props_print`.
fn queue_props_print(nd: &mut Nd, mut cp: usize, mut len: usize) -> R {
    while len > 0 {
        if len < OF_QUEUE_PROP_MINLEN {
            return invalid(nd, cp, len);
        }
        let property = nd.be2(cp)?;
        cp += 2;
        len -= 2;
        nd.s(b"\n\t   property ");
        tokf(nd, OFPQT_STR, property as u32, Unk::ParenHex("invalid", 4));
        let plen = nd.be2(cp)? as usize;
        cp += 2;
        len -= 2;
        nd.s(b", len ");
        nd.u(plen as u64);
        if plen < OF_QUEUE_PROP_MINLEN || plen > len + 4 {
            return invalid(nd, cp, len);
        }
        // pad
        nd.need(cp, 4)?;
        cp += 4;
        len -= 4;
        let (plen_bogus, mut skip) = match property {
            OFPQT_NONE => (plen != OF_QUEUE_PROP_MINLEN, false),
            OFPQT_MIN_RATE => (plen != OF_QUEUE_PROP_MIN_RATE_FIXLEN, false),
            _ => (false, true),
        };
        if plen_bogus {
            nd.s(b" (bogus)");
            skip = true;
        }
        if skip {
            let n = plen - OF_QUEUE_PROP_MINLEN;
            nd.need(cp, n)?;
            cp += n;
            len -= n;
            continue;
        }
        if property == OFPQT_MIN_RATE {
            let rate = nd.be2(cp)?;
            cp += 2;
            len -= 2;
            if rate > 1000 {
                nd.s(b", rate disabled");
            } else {
                nd.s(b", rate ");
                nd.u((rate / 10) as u64);
                nd.s(b".");
                nd.u((rate % 10) as u64);
                nd.s(b"%");
            }
            nd.need(cp, 6)?;
            cp += 6;
            len -= 6;
        }
    }
    Ok(())
}

/// `of10_queues_print`.
fn queues_print(nd: &mut Nd, mut cp: usize, mut len: usize) -> R {
    while len > 0 {
        if len < OF_PACKET_QUEUE_MINLEN {
            return invalid(nd, cp, len);
        }
        dec4(nd, b"\n\t  queue_id ", cp)?;
        cp += 4;
        len -= 4;
        let desclen = nd.be2(cp)? as usize;
        cp += 2;
        len -= 2;
        nd.s(b", len ");
        nd.u(desclen as u64);
        if desclen < OF_PACKET_QUEUE_MINLEN || desclen > len + 6 {
            return invalid(nd, cp, len);
        }
        nd.need(cp, 2)?;
        cp += 2;
        len -= 2;
        let n = desclen - OF_PACKET_QUEUE_MINLEN;
        if nd.vflag >= 2 {
            queue_props_print(nd, cp, n)?;
        } else {
            nd.need(cp, n)?;
        }
        cp += n;
        len -= n;
    }
    Ok(())
}

/// `of10_match_print`: the fields a flow match does not wildcard, each after `pfx`.
fn match_print(nd: &mut Nd, pfx: &[u8], cp: usize) -> R {
    let wildcards = nd.be4(cp)?;
    if wildcards & OFPFW_U != 0 {
        nd.s(pfx);
        nd.s(b"wildcards 0x");
        nd.x0(wildcards as u64, 8);
        nd.s(b" (bogus)");
    }
    let set = |bit: u32| wildcards & bit == 0;
    if set(OFPFW_IN_PORT) {
        let v = nd.be2(cp + 4)?;
        nd.s(pfx);
        nd.s(b"match in_port ");
        tokf(nd, OFPP_STR, v as u32, Unk::Dec);
    }
    if set(OFPFW_DL_SRC) {
        nd.need(cp + 6, 6)?;
        nd.s(pfx);
        mac(nd, b"match dl_src ", cp + 6)?;
    }
    if set(OFPFW_DL_DST) {
        nd.need(cp + 12, 6)?;
        nd.s(pfx);
        mac(nd, b"match dl_dst ", cp + 12)?;
    }
    if set(OFPFW_DL_VLAN) {
        let v = nd.be2(cp + 18)?;
        nd.s(pfx);
        nd.s(b"match dl_vlan ");
        vlan_str(nd, v);
    }
    if set(OFPFW_DL_VLAN_PCP) {
        let v = nd.u1(cp + 20)?;
        nd.s(pfx);
        nd.s(b"match dl_vlan_pcp ");
        pcp_str(nd, v);
    }
    let dl_type = nd.be2(cp + 22)?;
    if set(OFPFW_DL_TYPE) {
        nd.s(pfx);
        nd.s(b"match dl_type 0x");
        nd.x0(dl_type as u64, 4);
    }
    if set(OFPFW_NW_TOS) {
        let v = nd.u1(cp + 24)?;
        nd.s(pfx);
        nd.s(b"match nw_tos 0x");
        nd.x0(v as u64, 2);
    }
    let nw_proto = nd.u1(cp + 25)?;
    if set(OFPFW_NW_PROTO) {
        nd.s(pfx);
        nd.s(if set(OFPFW_DL_TYPE) && dl_type == ETHERTYPE_ARP {
            b"match arp_opcode "
        } else {
            b"match nw_proto "
        });
        nd.u(nw_proto as u64);
    }
    let nw_bits = (wildcards & OFPFW_NW_SRC_MASK) >> OFPFW_NW_SRC_SHIFT;
    if nw_bits < 32 {
        nd.need(cp + 28, 4)?;
        nd.s(pfx);
        ip4(nd, b"match nw_src ", cp + 28)?;
        nd.s(b"/");
        nd.u((32 - nw_bits) as u64);
    }
    let nw_bits = (wildcards & OFPFW_NW_DST_MASK) >> OFPFW_NW_DST_SHIFT;
    if nw_bits < 32 {
        nd.need(cp + 32, 4)?;
        nd.s(pfx);
        ip4(nd, b"match nw_dst ", cp + 32)?;
        nd.s(b"/");
        nd.u((32 - nw_bits) as u64);
    }
    let icmp = set(OFPFW_DL_TYPE)
        && dl_type == ETHERTYPE_IP
        && set(OFPFW_NW_PROTO)
        && nw_proto == IPPROTO_ICMP;
    if set(OFPFW_TP_SRC) {
        let v = nd.be2(cp + 36)?;
        nd.s(pfx);
        nd.s(if icmp {
            b"match icmp_type "
        } else {
            b"match tp_src "
        });
        nd.u(v as u64);
    }
    if set(OFPFW_TP_DST) {
        let v = nd.be2(cp + 38)?;
        nd.s(pfx);
        nd.s(if icmp {
            b"match icmp_code "
        } else {
            b"match tp_dst "
        });
        nd.u(v as u64);
        Ok(())
    } else {
        nd.need(cp + 38, 2)
    }
}

/// `of10_actions_print`: a list of actions, each after `pfx`.
fn actions_print(nd: &mut Nd, pfx: &[u8], mut cp: usize, mut len: usize) -> R {
    while len > 0 {
        if len < OF_ACTION_MINLEN {
            return invalid(nd, cp, len);
        }
        let typ = nd.be2(cp)?;
        cp += 2;
        len -= 2;
        nd.s(pfx);
        nd.s(b"action type ");
        tokf(nd, OFPAT_STR, typ as u32, Unk::ParenHex("invalid", 4));
        let alen = nd.be2(cp)? as usize;
        cp += 2;
        len -= 2;
        nd.s(b", len ");
        nd.u(alen as u64);
        // On an action size underrun or overrun, skip the rest of the list.
        if alen < OF_ACTION_MINLEN || alen > len + 4 {
            return invalid(nd, cp, len);
        }
        let (alen_bogus, mut skip) = match typ {
            OFPAT_OUTPUT | OFPAT_SET_VLAN_VID | OFPAT_SET_VLAN_PCP | OFPAT_STRIP_VLAN
            | OFPAT_SET_NW_SRC | OFPAT_SET_NW_DST | OFPAT_SET_NW_TOS | OFPAT_SET_TP_SRC
            | OFPAT_SET_TP_DST => (alen != 8, false),
            OFPAT_SET_DL_SRC | OFPAT_SET_DL_DST | OFPAT_ENQUEUE => (alen != 16, false),
            OFPAT_VENDOR => (alen % 8 != 0, false),
            _ => (false, true),
        };
        if alen_bogus {
            nd.s(b" (bogus)");
            skip = true;
        }
        // The rest of the action: 4 or 12 bytes for the fixed types, more for a vendor's.
        let rest = alen - 4;
        if skip {
            nd.need(cp, rest)?;
            cp += rest;
            len -= rest;
            continue;
        }
        match typ {
            OFPAT_OUTPUT => {
                let output_port = port(nd, b", port ", cp)?;
                if output_port == OFPP_CONTROLLER {
                    dec2(nd, b", max_len ", cp + 2)?;
                } else {
                    nd.need(cp + 2, 2)?;
                }
            }
            OFPAT_SET_VLAN_VID => {
                let v = nd.be2(cp)?;
                nd.s(b", vlan_vid ");
                vlan_str(nd, v);
                nd.need(cp + 2, 2)?;
            }
            OFPAT_SET_VLAN_PCP => {
                let v = nd.u1(cp)?;
                nd.s(b", vlan_pcp ");
                pcp_str(nd, v);
                nd.need(cp + 1, 3)?;
            }
            OFPAT_SET_DL_SRC | OFPAT_SET_DL_DST => {
                mac(nd, b", dl_addr ", cp)?;
                nd.need(cp + 6, 6)?;
            }
            OFPAT_SET_NW_SRC | OFPAT_SET_NW_DST => {
                ip4(nd, b", nw_addr ", cp)?;
            }
            OFPAT_SET_NW_TOS => {
                let v = nd.u1(cp)?;
                nd.s(b", nw_tos 0x");
                nd.x0(v as u64, 2);
                nd.need(cp + 1, 3)?;
            }
            OFPAT_SET_TP_SRC | OFPAT_SET_TP_DST => {
                dec2(nd, b", tp_port ", cp)?;
                nd.need(cp + 2, 2)?;
            }
            OFPAT_ENQUEUE => {
                port(nd, b", port ", cp)?;
                let q = nd.be4(cp + 8)?;
                nd.s(b", queue_id ");
                tokf(nd, OFPQ_STR, q, Unk::Dec);
            }
            OFPAT_VENDOR => vendor_action_print(nd, cp, rest)?,
            // OFPAT_STRIP_VLAN: pad only.
            _ => nd.need(cp, 4)?,
        }
        cp += rest;
        len -= rest;
    }
    Ok(())
}

/// `of10_features_reply_print`.
fn features_reply_print(nd: &mut Nd, mut cp: usize, mut len: usize) -> R {
    hex8(nd, b"\n\t dpid 0x", cp)?;
    dec4(nd, b", n_buffers ", cp + 8)?;
    let n = nd.u1(cp + 12)?;
    nd.s(b", n_tables ");
    nd.u(n as u64);
    bits(
        nd,
        b"\n\t capabilities 0x",
        cp + 16,
        OFP_CAPABILITIES_BM,
        OFPCAP_U,
    )?;
    bits(nd, b"\n\t actions 0x", cp + 20, OFPAT_BM, OFPAT_U)?;
    cp += 24;
    len -= 24;
    while len > 0 {
        if len < OF_PHY_PORT_FIXLEN {
            return invalid(nd, cp, len);
        }
        phy_port_print(nd, cp)?;
        cp += OF_PHY_PORT_FIXLEN;
        len -= OF_PHY_PORT_FIXLEN;
    }
    Ok(())
}

/// `of10_switch_config_msg_print`.
fn switch_config_msg_print(nd: &mut Nd, cp: usize, _len: usize) -> R {
    let flags = nd.be2(cp)?;
    nd.s(b"\n\t flags ");
    tokf(
        nd,
        OFP_CONFIG_STR,
        flags as u32,
        Unk::ParenHex("invalid", 4),
    );
    dec2(nd, b", miss_send_len ", cp + 2)
}

/// `of10_flow_mod_print`.
fn flow_mod_print(nd: &mut Nd, cp: usize, len: usize) -> R {
    match_print(nd, b"\n\t ", cp)?;
    let cp = cp + OF_MATCH_FIXLEN;
    hex8(nd, b"\n\t cookie 0x", cp)?;
    let command = nd.be2(cp + 8)?;
    nd.s(b", command ");
    tokf(nd, OFPFC_STR, command as u32, Unk::ParenHex("invalid", 4));
    for (off, label) in [
        (10, &b", idle_timeout "[..]),
        (12, b", hard_timeout "),
        (14, b", priority "),
    ] {
        if nd.be2(cp + off)? != 0 {
            dec2(nd, label, cp + off)?;
        }
    }
    if matches!(command, OFPFC_ADD | OFPFC_MODIFY | OFPFC_MODIFY_STRICT) {
        let v = nd.be4(cp + 16)?;
        nd.s(b", buffer_id ");
        tokf(nd, BUFFERID_STR, v, Unk::Hex(8));
    }
    if matches!(command, OFPFC_DELETE | OFPFC_DELETE_STRICT) {
        port(nd, b", out_port ", cp + 20)?;
    }
    let flags = nd.be2(cp + 22)?;
    nd.s(b", flags 0x");
    nd.x0(flags as u64, 4);
    bitmap(nd, OFPFF_BM, flags as u32, OFPFF_U);
    actions_print(nd, b"\n\t ", cp + 24, len - OF_MATCH_FIXLEN - 24)
}

/// `of10_port_mod_print`.
fn port_mod_print(nd: &mut Nd, cp: usize, _len: usize) -> R {
    port(nd, b"\n\t port_no ", cp)?;
    mac(nd, b", hw_addr ", cp + 2)?;
    bits(nd, b"\n\t config 0x", cp + 8, OFPPC_BM, OFPPC_U)?;
    bits(nd, b"\n\t mask 0x", cp + 12, OFPPC_BM, OFPPC_U)?;
    bits(nd, b"\n\t advertise 0x", cp + 16, OFPPF_BM, OFPPF_U)?;
    nd.need(cp + 20, 4)
}

/// `of10_queue_get_config_request_print`.
fn queue_get_config_request_print(nd: &mut Nd, cp: usize, _len: usize) -> R {
    port(nd, b"\n\t port ", cp)?;
    nd.need(cp + 2, 2)
}

/// `of10_queue_get_config_reply_print`.
fn queue_get_config_reply_print(nd: &mut Nd, cp: usize, len: usize) -> R {
    port(nd, b"\n\t port ", cp)?;
    nd.need(cp + 2, 6)?;
    queues_print(nd, cp + 8, len - 8)
}

/// `of10_stats_request_print`.
fn stats_request_print(nd: &mut Nd, cp: usize, len: usize) -> R {
    let typ = nd.be2(cp)?;
    nd.s(b"\n\t type ");
    tokf(nd, OFPST_STR, typ as u32, Unk::ParenHex("invalid", 4));
    let flags = nd.be2(cp + 2)?;
    nd.s(b", flags 0x");
    nd.x0(flags as u64, 4);
    if flags != 0 {
        nd.s(b" (bogus)");
    }
    let (cp, len) = (cp + 4, len - 4);
    match typ {
        // No body.
        OFPST_DESC | OFPST_TABLE if len != 0 => return invalid(nd, cp, len),
        OFPST_FLOW | OFPST_AGGREGATE => {
            if len != OF_FLOW_STATS_REQUEST_FIXLEN {
                return invalid(nd, cp, len);
            }
            match_print(nd, b"\n\t ", cp)?;
            let cp = cp + OF_MATCH_FIXLEN;
            let t = nd.u1(cp)?;
            nd.s(b"\n\t table_id ");
            tokf(nd, TABLEID_STR, t as u32, Unk::Dec);
            port(nd, b", out_port ", cp + 2)?;
        }
        OFPST_PORT => {
            if len != OF_PORT_STATS_REQUEST_FIXLEN {
                return invalid(nd, cp, len);
            }
            port(nd, b"\n\t port_no ", cp)?;
            nd.need(cp + 2, 6)?;
        }
        OFPST_QUEUE => {
            if len != OF_QUEUE_STATS_REQUEST_FIXLEN {
                return invalid(nd, cp, len);
            }
            port(nd, b"\n\t port_no ", cp)?;
            let q = nd.be4(cp + 4)?;
            nd.s(b", queue_id ");
            tokf(nd, OFPQ_STR, q, Unk::Dec);
        }
        OFPST_VENDOR => vendor_data_print(nd, cp, len)?,
        _ => {}
    }
    Ok(())
}

/// `of10_desc_stats_reply_print`.
fn desc_stats_reply_print(nd: &mut Nd, cp: usize, len: usize) -> R {
    if len != OF_DESC_STATS_REPLY_FIXLEN {
        return invalid(nd, cp, len);
    }
    name(nd, b"\n\t  mfr_desc ", cp, DESC_STR_LEN)?;
    let cp = cp + DESC_STR_LEN;
    name(nd, b"\n\t  hw_desc ", cp, DESC_STR_LEN)?;
    let cp = cp + DESC_STR_LEN;
    name(nd, b"\n\t  sw_desc ", cp, DESC_STR_LEN)?;
    let cp = cp + DESC_STR_LEN;
    name(nd, b"\n\t  serial_num ", cp, SERIAL_NUM_LEN)?;
    let cp = cp + SERIAL_NUM_LEN;
    name(nd, b"\n\t  dp_desc ", cp, DESC_STR_LEN)
}

/// `of10_flow_stats_reply_print`.
fn flow_stats_reply_print(nd: &mut Nd, mut cp: usize, mut len: usize) -> R {
    while len > 0 {
        if len < OF_FLOW_STATS_REPLY_MINLEN {
            return invalid(nd, cp, len);
        }
        let entry_len = nd.be2(cp)? as usize;
        nd.s(b"\n\t length ");
        nd.u(entry_len as u64);
        if entry_len < OF_FLOW_STATS_REPLY_MINLEN || entry_len > len {
            return invalid(nd, cp, len);
        }
        let t = nd.u1(cp + 2)?;
        nd.s(b", table_id ");
        tokf(nd, TABLEID_STR, t as u32, Unk::Dec);
        match_print(nd, b"\n\t  ", cp + 4)?;
        let p = cp + 4 + OF_MATCH_FIXLEN;
        dec4(nd, b"\n\t  duration_sec ", p)?;
        dec4(nd, b", duration_nsec ", p + 4)?;
        dec2(nd, b", priority ", p + 8)?;
        dec2(nd, b", idle_timeout ", p + 10)?;
        dec2(nd, b", hard_timeout ", p + 12)?;
        hex8(nd, b", cookie 0x", p + 20)?;
        dec8(nd, b", packet_count ", p + 28)?;
        dec8(nd, b", byte_count ", p + 36)?;
        cp += OF_FLOW_STATS_REPLY_MINLEN;
        len -= OF_FLOW_STATS_REPLY_MINLEN;
        let n = entry_len - OF_FLOW_STATS_REPLY_MINLEN;
        actions_print(nd, b"\n\t  ", cp, n)?;
        cp += n;
        len -= n;
    }
    Ok(())
}

/// `of10_aggregate_stats_reply_print`.
fn aggregate_stats_reply_print(nd: &mut Nd, cp: usize, len: usize) -> R {
    if len != OF_AGGREGATE_STATS_REPLY_FIXLEN {
        return invalid(nd, cp, len);
    }
    dec8(nd, b"\n\t packet_count ", cp)?;
    dec8(nd, b", byte_count ", cp + 8)?;
    dec4(nd, b", flow_count ", cp + 16)?;
    nd.need(cp + 20, 4)
}

/// `of10_table_stats_reply_print`.
fn table_stats_reply_print(nd: &mut Nd, mut cp: usize, mut len: usize) -> R {
    while len > 0 {
        if len < OF_TABLE_STATS_REPLY_FIXLEN {
            return invalid(nd, cp, len);
        }
        let t = nd.u1(cp)?;
        nd.s(b"\n\t table_id ");
        tokf(nd, TABLEID_STR, t as u32, Unk::Dec);
        name(nd, b", name ", cp + 4, OFP_MAX_TABLE_NAME_LEN)?;
        let p = cp + 4 + OFP_MAX_TABLE_NAME_LEN;
        bits(nd, b"\n\t  wildcards 0x", p, OFPFW_BM, OFPFW_U)?;
        dec4(nd, b"\n\t  max_entries ", p + 4)?;
        dec4(nd, b", active_count ", p + 8)?;
        dec8(nd, b", lookup_count ", p + 12)?;
        dec8(nd, b", matched_count ", p + 20)?;
        cp += OF_TABLE_STATS_REPLY_FIXLEN;
        len -= OF_TABLE_STATS_REPLY_FIXLEN;
    }
    Ok(())
}

/// `of10_port_stats_reply_print`: the counters only with -vv.
fn port_stats_reply_print(nd: &mut Nd, mut cp: usize, mut len: usize) -> R {
    const COUNTERS: [&[u8]; 12] = [
        b", rx_packets ",
        b", tx_packets ",
        b", rx_bytes ",
        b", tx_bytes ",
        b", rx_dropped ",
        b", tx_dropped ",
        b", rx_errors ",
        b", tx_errors ",
        b", rx_frame_err ",
        b", rx_over_err ",
        b", rx_crc_err ",
        b", collisions ",
    ];
    while len > 0 {
        if len < OF_PORT_STATS_REPLY_FIXLEN {
            return invalid(nd, cp, len);
        }
        port(nd, b"\n\t  port_no ", cp)?;
        if nd.vflag < 2 {
            nd.need(cp + 2, OF_PORT_STATS_REPLY_FIXLEN - 2)?;
        } else {
            for (k, label) in COUNTERS.iter().enumerate() {
                dec8(nd, label, cp + 8 + 8 * k)?;
            }
        }
        cp += OF_PORT_STATS_REPLY_FIXLEN;
        len -= OF_PORT_STATS_REPLY_FIXLEN;
    }
    Ok(())
}

/// `of10_queue_stats_reply_print`.
fn queue_stats_reply_print(nd: &mut Nd, mut cp: usize, mut len: usize) -> R {
    while len > 0 {
        if len < OF_QUEUE_STATS_REPLY_FIXLEN {
            return invalid(nd, cp, len);
        }
        port(nd, b"\n\t  port_no ", cp)?;
        dec4(nd, b", queue_id ", cp + 4)?;
        dec8(nd, b", tx_bytes ", cp + 8)?;
        dec8(nd, b", tx_packets ", cp + 16)?;
        dec8(nd, b", tx_errors ", cp + 24)?;
        cp += OF_QUEUE_STATS_REPLY_FIXLEN;
        len -= OF_QUEUE_STATS_REPLY_FIXLEN;
    }
    Ok(())
}

/// `of10_stats_reply_print`.
fn stats_reply_print(nd: &mut Nd, cp: usize, len: usize) -> R {
    let typ = nd.be2(cp)?;
    nd.s(b"\n\t type ");
    tokf(nd, OFPST_STR, typ as u32, Unk::ParenHex("invalid", 4));
    let flags = nd.be2(cp + 2)?;
    nd.s(b", flags 0x");
    nd.x0(flags as u64, 4);
    bitmap(nd, OFPSF_REPLY_BM, flags as u32, OFPSF_REPLY_U);
    let (cp, len) = (cp + 4, len - 4);
    if nd.vflag > 0 {
        let decoder: Option<Decoder> = match typ {
            OFPST_DESC => Some(desc_stats_reply_print),
            OFPST_FLOW => Some(flow_stats_reply_print),
            OFPST_AGGREGATE => Some(aggregate_stats_reply_print),
            OFPST_TABLE => Some(table_stats_reply_print),
            OFPST_PORT => Some(port_stats_reply_print),
            OFPST_QUEUE => Some(queue_stats_reply_print),
            OFPST_VENDOR => Some(vendor_data_print),
            _ => None,
        };
        if let Some(decoder) = decoder {
            return decoder(nd, cp, len);
        }
    }
    nd.need(cp, len)
}

/// `of10_packet_out_print`.
fn packet_out_print(nd: &mut Nd, cp: usize, len: usize) -> R {
    hex4(nd, b"\n\t buffer_id 0x", cp)?;
    port(nd, b", in_port ", cp + 4)?;
    let actions_len = nd.be2(cp + 6)? as usize;
    let (cp, len) = (cp + 8, len - 8);
    if actions_len > len {
        return invalid(nd, cp, len);
    }
    actions_print(nd, b"\n\t ", cp, actions_len)?;
    packet_data_print(nd, cp + actions_len, len - actions_len)
}

/// `of10_packet_in_print`.
fn packet_in_print(nd: &mut Nd, cp: usize, len: usize) -> R {
    let b = nd.be4(cp)?;
    nd.s(b"\n\t buffer_id ");
    tokf(nd, BUFFERID_STR, b, Unk::Hex(8));
    dec2(nd, b", total_len ", cp + 4)?;
    port(nd, b", in_port ", cp + 6)?;
    let reason = nd.u1(cp + 8)?;
    nd.s(b", reason ");
    tokf(nd, OFPR_STR, reason as u32, Unk::ParenHex("invalid", 2));
    nd.need(cp + 9, 1)?;
    packet_data_print(nd, cp + 10, len - 10)
}

/// `of10_flow_removed_print`.
fn flow_removed_print(nd: &mut Nd, cp: usize, _len: usize) -> R {
    match_print(nd, b"\n\t ", cp)?;
    let cp = cp + OF_MATCH_FIXLEN;
    hex8(nd, b"\n\t cookie 0x", cp)?;
    if nd.be2(cp + 8)? != 0 {
        dec2(nd, b", priority ", cp + 8)?;
    }
    let reason = nd.u1(cp + 10)?;
    nd.s(b", reason ");
    tokf(nd, OFPRR_STR, reason as u32, Unk::ParenHex("unknown", 2));
    dec4(nd, b", duration_sec ", cp + 12)?;
    dec4(nd, b", duration_nsec ", cp + 16)?;
    if nd.be2(cp + 20)? != 0 {
        dec2(nd, b", idle_timeout ", cp + 20)?;
    }
    dec8(nd, b", packet_count ", cp + 24)?;
    dec8(nd, b", byte_count ", cp + 32)
}

/// `of10_port_status_print`.
fn port_status_print(nd: &mut Nd, cp: usize, _len: usize) -> R {
    let reason = nd.u1(cp)?;
    nd.s(b"\n\t reason ");
    tokf(nd, OFPPR_STR, reason as u32, Unk::ParenHex("invalid", 2));
    phy_port_print(nd, cp + 8)
}

/// `of10_error_print`.
fn error_print(nd: &mut Nd, cp: usize, len: usize) -> R {
    openflow::error_print(nd, cp, len, OFPET_STR, &OFPET_CODES)
}

const fn mt(name: &'static str, decoder: Option<Decoder>, req: Req) -> MsgType {
    MsgType::new(name, decoder, req)
}

/// `of10_msgtypeinfo`: by type, the name, the body printer and the body's length rule
/// (the header's 8 bytes not counted).
static MSGTYPES: [MsgType; 22] = [
    mt("HELLO", Some(data_print), Req::Min(0)),
    mt("ERROR", Some(error_print), Req::Min(4)),
    mt("ECHO_REQUEST", Some(data_print), Req::Min(0)),
    mt("ECHO_REPLY", Some(data_print), Req::Min(0)),
    mt("VENDOR", Some(vendor_message_print), Req::Min(4)),
    mt("FEATURES_REQUEST", None, Req::Fix(0)),
    mt("FEATURES_REPLY", Some(features_reply_print), Req::Min(24)),
    mt("GET_CONFIG_REQUEST", None, Req::Fix(0)),
    mt(
        "GET_CONFIG_REPLY",
        Some(switch_config_msg_print),
        Req::Fix(4),
    ),
    mt("SET_CONFIG", Some(switch_config_msg_print), Req::Fix(4)),
    // 12 bytes less the 2 of the frame the specification counts in its minimum.
    mt("PACKET_IN", Some(packet_in_print), Req::Min(10)),
    mt("FLOW_REMOVED", Some(flow_removed_print), Req::Fix(80)),
    mt("PORT_STATUS", Some(port_status_print), Req::Fix(56)),
    mt("PACKET_OUT", Some(packet_out_print), Req::Min(8)),
    mt("FLOW_MOD", Some(flow_mod_print), Req::Min(64)),
    mt("PORT_MOD", Some(port_mod_print), Req::Fix(24)),
    mt("STATS_REQUEST", Some(stats_request_print), Req::Min(4)),
    mt("STATS_REPLY", Some(stats_reply_print), Req::Min(4)),
    mt("BARRIER_REQUEST", None, Req::Fix(0)),
    mt("BARRIER_REPLY", None, Req::Fix(0)),
    mt(
        "QUEUE_GET_CONFIG_REQUEST",
        Some(queue_get_config_request_print),
        Req::Fix(4),
    ),
    mt(
        "QUEUE_GET_CONFIG_REPLY",
        Some(queue_get_config_reply_print),
        Req::Min(8),
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    /// The rules are [OF10]'s message sizes less the 8-byte header.
    #[test]
    fn length_rules_follow_the_specification() {
        let rule = |name: &str| {
            MSGTYPES
                .iter()
                .find(|m| m.name == name)
                .map(|m| m.req)
                .unwrap()
        };
        assert!(matches!(rule("FLOW_MOD"), Req::Min(64)));
        assert!(matches!(rule("FLOW_REMOVED"), Req::Fix(80)));
        assert!(matches!(rule("PORT_STATUS"), Req::Fix(56)));
        assert_eq!(msgtype(0x15).unwrap().name, "QUEUE_GET_CONFIG_REPLY");
        assert!(msgtype(0x16).is_none());
    }
}
