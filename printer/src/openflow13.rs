//! OpenFlow 1.3 messages (tcpdump's print-openflow-1.3.c): the message types and, with -v,
//! the bodies tcpdump 4.99 decodes: hello elements, errors, experimenter messages, features,
//! switch and table configuration, ports, roles and asynchronous-message masks. The others
//! (flows, groups, meters, multipart) print their header only. `openflow` prints the common
//! header and calls these.

use super::nd::{Nd, R};
use super::openflow::{
    self, bitmap, data_print, dec4, hex4, hex8, invalid, mac, name, tokf, vendor_name, Decoder,
    MsgType, Req, Unk,
};
use super::tok::Tok;

const OFP_CAPABILITIES_BM: Tok = &[
    (1 << 0, "FLOW_STATS"),
    (1 << 1, "TABLE_STATS"),
    (1 << 2, "PORT_STATS"),
    (1 << 3, "GROUP_STATS"),
    (1 << 5, "IP_REASM"),
    (1 << 6, "QUEUE_STATS"),
    (1 << 8, "PORT_BLOCKED"),
];
const OFPCAP_U: u32 = !(0x7f & !(1 << 4) | 1 << 8);

const OFP_CONFIG_STR: Tok = &[(0, "FRAG_NORMAL"), (1, "FRAG_DROP"), (2, "FRAG_REASM")];

const OFPTT_STR: Tok = &[(0xfe, "MAX"), (0xff, "ALL")];

const OFPCML_STR: Tok = &[(0xffe5, "MAX"), (0xffff, "NO_BUFFER")];

const OFPPC_BM: Tok = &[
    (1 << 0, "PORT_DOWN"),
    (1 << 2, "NO_RECV"),
    (1 << 5, "NO_FWD"),
    (1 << 6, "NO_PACKET_IN"),
];
const OFPPC_U: u32 = !(1 | 1 << 2 | 1 << 5 | 1 << 6);

const OFPPS_BM: Tok = &[(1 << 0, "LINK_DOWN"), (1 << 1, "BLOCKED"), (1 << 2, "LIVE")];
const OFPPS_U: u32 = !0x7;

const OFPPF_BM: Tok = &[
    (1 << 0, "10MB_HD"),
    (1 << 1, "10MB_FD"),
    (1 << 2, "100MB_HD"),
    (1 << 3, "100MB_FD"),
    (1 << 4, "1GB_HD"),
    (1 << 5, "1GB_FD"),
    (1 << 6, "10GB_FD"),
    (1 << 7, "40GB_FD"),
    (1 << 8, "100GB_FD"),
    (1 << 9, "1TB_FD"),
    (1 << 10, "OTHER"),
    (1 << 11, "COPPER"),
    (1 << 12, "FIBER"),
    (1 << 13, "AUTONEG"),
    (1 << 14, "PAUSE"),
    (1 << 15, "PAUSE_ASYM"),
];
const OFPPF_U: u32 = !0xffff;

const OFPHET_VERSIONBITMAP: u16 = 1;
const OFPHET_STR: Tok = &[(1, "VERSIONBITMAP")];

const OFPP_STR: Tok = &[
    (0xffffff00, "MAX"),
    (0xfffffff8, "IN_PORT"),
    (0xfffffff9, "TABLE"),
    (0xfffffffa, "NORMAL"),
    (0xfffffffb, "FLOOD"),
    (0xfffffffc, "ALL"),
    (0xfffffffd, "CONTROLLER"),
    (0xfffffffe, "LOCAL"),
    (0xffffffff, "ANY"),
];

const OFPCR_STR: Tok = &[(0, "NOCHANGE"), (1, "EQUAL"), (2, "MASTER"), (3, "SLAVE")];

/// The versions of a hello's version bitmap (bit N: wire version N + 1).
const OFVERBM_STR: Tok = &[
    (1 << 0, "1.0"),
    (1 << 1, "1.1"),
    (1 << 2, "1.2"),
    (1 << 3, "1.3"),
    (1 << 4, "1.4"),
    (1 << 5, "1.5"),
];
const OF_BIT_VER_U: u32 = !0x3f;

const ASYNC_OFPR_BM: Tok = &[
    (1 << 0, "NO_MATCH"),
    (1 << 1, "ACTION"),
    (1 << 2, "INVALID_TTL"),
];
const ASYNC_OFPR_U: u32 = !0x7;

const OFPPR_STR: Tok = &[(0, "ADD"), (1, "DELETE"), (2, "MODIFY")];

const ASYNC_OFPPR_BM: Tok = &[(1 << 0, "ADD"), (1 << 1, "DELETE"), (1 << 2, "MODIFY")];
const ASYNC_OFPPR_U: u32 = !0x7;

const OFPET_STR: Tok = &[
    (0, "HELLO_FAILED"),
    (1, "BAD_REQUEST"),
    (2, "BAD_ACTION"),
    (3, "BAD_INSTRUCTION"),
    (4, "BAD_MATCH"),
    (5, "FLOW_MOD_FAILED"),
    (6, "GROUP_MOD_FAILED"),
    (7, "PORT_MOD_FAILED"),
    (8, "TABLE_MOD_FAILED"),
    (9, "QUEUE_OP_FAILED"),
    (10, "SWITCH_CONFIG_FAILED"),
    (11, "ROLE_REQUEST_FAILED"),
    (12, "METER_MOD_FAILED"),
    (13, "TABLE_FEATURES_FAILED"),
    (0xffff, "EXPERIMENTER"),
];

/// `of13_ofpet2tokary`: the error codes of error types 0-13 (EXPERIMENTER defines none).
const OFPET_CODES: [Tok; 14] = [
    &[(0, "INCOMPATIBLE"), (1, "EPERM")],
    &[
        (0, "BAD_VERSION"),
        (1, "BAD_TYPE"),
        (2, "BAD_MULTIPART"),
        (3, "BAD_EXPERIMENTER"),
        (4, "BAD_EXP_TYPE"),
        (5, "EPERM"),
        (6, "BAD_LEN"),
        (7, "BUFFER_EMPTY"),
        (8, "BUFFER_UNKNOWN"),
        (9, "BAD_TABLE_ID"),
        (10, "IS_SLAVE"),
        (11, "BAD_PORT"),
        (12, "BAD_PACKET"),
        (13, "MULTIPART_BUFFER_OVERFLOW"),
    ],
    &[
        (0, "BAD_TYPE"),
        (1, "BAD_LEN"),
        (2, "BAD_EXPERIMENTER"),
        (3, "BAD_EXP_TYPE"),
        (4, "BAD_OUT_PORT"),
        (5, "BAD_ARGUMENT"),
        (6, "EPERM"),
        (7, "TOO_MANY"),
        (8, "BAD_QUEUE"),
        (9, "BAD_OUT_GROUP"),
        (10, "MATCH_INCONSISTENT"),
        (11, "UNSUPPORTED_ORDER"),
        (12, "BAD_TAG"),
        (13, "BAD_SET_TYPE"),
        (14, "BAD_SET_LEN"),
        (15, "BAD_SET_ARGUMENT"),
    ],
    &[
        (0, "UNKNOWN_INST"),
        (1, "UNSUP_INST"),
        (2, "BAD_TABLE_ID"),
        (3, "UNSUP_METADATA"),
        (4, "UNSUP_METADATA_MASK"),
        (5, "BAD_EXPERIMENTER"),
        (6, "BAD_EXP_TYPE"),
        (7, "BAD_LEN"),
        (8, "EPERM"),
    ],
    &[
        (0, "BAD_TYPE"),
        (1, "BAD_LEN"),
        (2, "BAD_TAG"),
        (3, "BAD_DL_ADDR_MASK"),
        (4, "BAD_NW_ADDR_MASK"),
        (5, "BAD_WILDCARDS"),
        (6, "BAD_FIELD"),
        (7, "BAD_VALUE"),
        (8, "BAD_MASK"),
        (9, "BAD_PREREQ"),
        (10, "DUP_FIELD"),
        (11, "EPERM"),
    ],
    &[
        (0, "UNKNOWN"),
        (1, "TABLE_FULL"),
        (2, "BAD_TABLE_ID"),
        (3, "OVERLAP"),
        (4, "EPERM"),
        (5, "BAD_TIMEOUT"),
        (6, "BAD_COMMAND"),
        (7, "BAD_FLAGS"),
    ],
    &[
        (0, "GROUP_EXISTS"),
        (1, "INVALID_GROUP"),
        (2, "WEIGHT_UNSUPPORTED"),
        (3, "OUT_OF_GROUPS"),
        (4, "OUT_OF_BUCKETS"),
        (5, "CHAINING_UNSUPPORTED"),
        (6, "WATCH_UNSUPPORTED"),
        (7, "LOOP"),
        (8, "UNKNOWN_GROUP"),
        (9, "CHAINED_GROUP"),
        (10, "BAD_TYPE"),
        (11, "BAD_COMMAND"),
        (12, "BAD_BUCKET"),
        (13, "BAD_MATCH"),
        (14, "EPERM"),
    ],
    &[
        (0, "BAD_PORT"),
        (1, "BAD_HW_ADDR"),
        (2, "BAD_CONFIG"),
        (3, "BAD_ADVERTISE"),
        (4, "EPERM"),
    ],
    &[(0, "BAD_TABLE"), (1, "BAD_CONFIG"), (2, "EPERM")],
    &[(0, "BAD_PORT"), (1, "BAD_QUEUE"), (2, "EPERM")],
    &[(0, "BAD_FLAGS"), (1, "BAD_LEN"), (2, "EPERM")],
    &[(0, "STALE"), (1, "UNSUP"), (2, "BAD_ROLE")],
    &[
        (0, "UNKNOWN"),
        (1, "METER_EXISTS"),
        (2, "INVALID_METER"),
        (3, "UNKNOWN_METER"),
        (4, "BAD_COMMAND"),
        (5, "BAD_FLAGS"),
        (6, "BAD_RATE"),
        (7, "BAD_BURST"),
        (8, "BAD_BAND"),
        (9, "BAD_BAND_VALUE"),
        (10, "OUT_OF_METERS"),
        (11, "OUT_OF_BANDS"),
    ],
    &[
        (0, "BAD_TABLE"),
        (1, "BAD_METADATA"),
        (2, "BAD_TYPE"),
        (3, "BAD_LEN"),
        (4, "BAD_ARGUMENT"),
        (5, "EPERM"),
    ],
];

/// `OF_HELLO_ELEM_MINSIZE`.
const OF_HELLO_ELEM_MINSIZE: usize = 4;
const OFP_MAX_PORT_NAME_LEN: usize = 16;

/// `of13_identify_msgtype`.
pub(crate) fn msgtype(typ: u8) -> Option<&'static MsgType> {
    MSGTYPES.get(typ as usize)
}

/// A 32-bit port number: its name or `%u`.
fn port(nd: &mut Nd, label: &[u8], i: usize) -> R {
    let v = nd.be4(i)?;
    nd.s(label);
    tokf(nd, OFPP_STR, v, Unk::Dec);
    Ok(())
}

/// A 32-bit bitmap field: `label0x%08x` and its names.
fn bits(nd: &mut Nd, label: &[u8], i: usize, t: Tok, u: u32) -> R {
    let v = hex4(nd, label, i)?;
    bitmap(nd, t, v, u);
    Ok(())
}

/// `of13_port_print`: a port description (64 bytes at `cp`).
fn port_print(nd: &mut Nd, cp: usize) -> R {
    port(nd, b"\n\t  port_no ", cp)?;
    mac(nd, b", hw_addr ", cp + 8)?;
    name(nd, b", name ", cp + 16, OFP_MAX_PORT_NAME_LEN)?;
    let cp = cp + 16 + OFP_MAX_PORT_NAME_LEN;
    if nd.vflag < 2 {
        return nd.need(cp, 32);
    }
    bits(nd, b"\n\t   config 0x", cp, OFPPC_BM, OFPPC_U)?;
    bits(nd, b"\n\t   state 0x", cp + 4, OFPPS_BM, OFPPS_U)?;
    bits(nd, b"\n\t   curr 0x", cp + 8, OFPPF_BM, OFPPF_U)?;
    bits(nd, b"\n\t   advertised 0x", cp + 12, OFPPF_BM, OFPPF_U)?;
    bits(nd, b"\n\t   supported 0x", cp + 16, OFPPF_BM, OFPPF_U)?;
    bits(nd, b"\n\t   peer 0x", cp + 20, OFPPF_BM, OFPPF_U)?;
    dec4(nd, b"\n\t   curr_speed ", cp + 24)?;
    nd.s(b"kbps");
    dec4(nd, b"\n\t   max_speed ", cp + 28)?;
    nd.s(b"kbps");
    Ok(())
}

/// `of13_features_reply_print`.
fn features_reply_print(nd: &mut Nd, cp: usize, _len: usize) -> R {
    hex8(nd, b"\n\t dpid 0x", cp)?;
    dec4(nd, b", n_buffers ", cp + 8)?;
    let n = nd.u1(cp + 12)?;
    nd.s(b", n_tables ");
    nd.u(n as u64);
    let a = nd.u1(cp + 13)?;
    nd.s(b", auxiliary_id ");
    nd.u(a as u64);
    bits(
        nd,
        b"\n\t capabilities 0x",
        cp + 16,
        OFP_CAPABILITIES_BM,
        OFPCAP_U,
    )?;
    nd.need(cp + 20, 4)
}

/// `of13_switch_config_msg_print`.
fn switch_config_msg_print(nd: &mut Nd, cp: usize, _len: usize) -> R {
    let flags = nd.be2(cp)?;
    nd.s(b"\n\t flags ");
    tokf(
        nd,
        OFP_CONFIG_STR,
        flags as u32,
        Unk::ParenHex("invalid", 4),
    );
    let m = nd.be2(cp + 2)?;
    nd.s(b", miss_send_len ");
    tokf(nd, OFPCML_STR, m as u32, Unk::Dec);
    Ok(())
}

/// `of13_table_mod_print`.
fn table_mod_print(nd: &mut Nd, cp: usize, _len: usize) -> R {
    let t = nd.u1(cp)?;
    nd.s(b"\n\t table_id ");
    tokf(nd, OFPTT_STR, t as u32, Unk::Dec);
    hex4(nd, b", config 0x", cp + 4)?;
    Ok(())
}

/// `of13_role_msg_print`.
fn role_msg_print(nd: &mut Nd, cp: usize, _len: usize) -> R {
    let role = nd.be4(cp)?;
    nd.s(b"\n\t role ");
    tokf(nd, OFPCR_STR, role, Unk::ParenHex("invalid", 8));
    hex8(nd, b", generation_id 0x", cp + 8)
}

/// `of13_async_msg_print`.
fn async_msg_print(nd: &mut Nd, cp: usize, _len: usize) -> R {
    bits(
        nd,
        b"\n\t packet_in_mask[EM] 0x",
        cp,
        ASYNC_OFPR_BM,
        ASYNC_OFPR_U,
    )?;
    bits(
        nd,
        b"\n\t packet_in_mask[S] 0x",
        cp + 4,
        ASYNC_OFPR_BM,
        ASYNC_OFPR_U,
    )?;
    bits(
        nd,
        b"\n\t port_status_mask[EM] 0x",
        cp + 8,
        ASYNC_OFPPR_BM,
        ASYNC_OFPPR_U,
    )?;
    bits(
        nd,
        b"\n\t port_status_mask[S] 0x",
        cp + 12,
        ASYNC_OFPPR_BM,
        ASYNC_OFPPR_U,
    )?;
    bits(
        nd,
        b"\n\t flow_removed_mask[EM] 0x",
        cp + 16,
        ASYNC_OFPPR_BM,
        ASYNC_OFPPR_U,
    )?;
    bits(
        nd,
        b"\n\t flow_removed_mask[S] 0x",
        cp + 20,
        ASYNC_OFPPR_BM,
        ASYNC_OFPPR_U,
    )
}

/// `of13_port_mod_print`.
fn port_mod_print(nd: &mut Nd, cp: usize, _len: usize) -> R {
    port(nd, b"\n\t port_no ", cp)?;
    mac(nd, b", hw_addr ", cp + 8)?;
    bits(nd, b"\n\t  config 0x", cp + 16, OFPPC_BM, OFPPC_U)?;
    bits(nd, b"\n\t  mask 0x", cp + 20, OFPPC_BM, OFPPC_U)?;
    bits(nd, b"\n\t  advertise 0x", cp + 24, OFPPF_BM, OFPPF_U)?;
    nd.need(cp + 28, 4)
}

/// `of13_port_status_print`.
fn port_status_print(nd: &mut Nd, cp: usize, _len: usize) -> R {
    let reason = nd.u1(cp)?;
    nd.s(b"\n\t reason ");
    // tcpdump's format here lacks its '%': an unknown reason prints it as it is.
    tokf(nd, OFPPR_STR, reason as u32, Unk::Lit("invalid (0x02x)"));
    port_print(nd, cp + 8)
}

/// `of13_hello_elements_print`.
fn hello_elements_print(nd: &mut Nd, mut cp: usize, mut len: usize) -> R {
    while len > 0 {
        if len < OF_HELLO_ELEM_MINSIZE {
            return invalid(nd, cp, len);
        }
        let typ = nd.be2(cp)?;
        cp += 2;
        len -= 2;
        nd.s(b"\n\t type ");
        tokf(nd, OFPHET_STR, typ as u32, Unk::ParenHex("unknown", 4));
        let bmlen = nd.be2(cp)? as usize;
        cp += 2;
        len -= 2;
        nd.s(b", length ");
        nd.u(bmlen as u64);
        if bmlen < OF_HELLO_ELEM_MINSIZE || bmlen > OF_HELLO_ELEM_MINSIZE + len {
            return invalid(nd, cp, len);
        }
        let n = bmlen - OF_HELLO_ELEM_MINSIZE;
        // Only a single bitmap with no padding is recognized, as in tcpdump.
        if typ == OFPHET_VERSIONBITMAP && n == 4 {
            let bitmap_v = hex4(nd, b", bitmap 0x", cp)?;
            bitmap(nd, OFVERBM_STR, bitmap_v, OF_BIT_VER_U);
        } else {
            if typ == OFPHET_VERSIONBITMAP {
                nd.s(b" (bogus)");
            }
            nd.need(cp, n)?;
        }
        cp += n;
        len -= n;
    }
    Ok(())
}

/// `of13_experimenter_message_print`.
fn experimenter_message_print(nd: &mut Nd, cp: usize, len: usize) -> R {
    let e = hex4(nd, b"\n\t experimenter 0x", cp)?;
    nd.s(b" (");
    vendor_name(nd, e);
    nd.s(b")");
    hex4(nd, b", exp_type 0x", cp + 4)?;
    data_print(nd, cp + 8, len - 8)
}

/// `of13_queue_get_config_request_print`.
fn queue_get_config_request_print(nd: &mut Nd, cp: usize, _len: usize) -> R {
    port(nd, b"\n\t port ", cp)?;
    nd.need(cp + 4, 4)
}

/// `of13_error_print`.
fn error_print(nd: &mut Nd, cp: usize, len: usize) -> R {
    openflow::error_print(nd, cp, len, OFPET_STR, &OFPET_CODES)
}

const fn mt(name: &'static str, decoder: Option<Decoder>, req: Req) -> MsgType {
    MsgType::new(name, decoder, req)
}

/// `of13_msgtypeinfo`: by type, the name, the body printer and the body's length rule
/// (the header's 8 bytes not counted).
static MSGTYPES: [MsgType; 30] = [
    mt("HELLO", Some(hello_elements_print), Req::Min(0)),
    mt("ERROR", Some(error_print), Req::Min(4)),
    mt("ECHO_REQUEST", Some(data_print), Req::Min(0)),
    mt("ECHO_REPLY", Some(data_print), Req::Min(0)),
    mt(
        "EXPERIMENTER",
        Some(experimenter_message_print),
        Req::Min(8),
    ),
    mt("FEATURES_REQUEST", None, Req::Fix(0)),
    mt("FEATURES_REPLY", Some(features_reply_print), Req::Fix(24)),
    mt("GET_CONFIG_REQUEST", None, Req::Fix(0)),
    mt(
        "GET_CONFIG_REPLY",
        Some(switch_config_msg_print),
        Req::Fix(4),
    ),
    mt("SET_CONFIG", Some(switch_config_msg_print), Req::Fix(4)),
    mt("PACKET_IN", None, Req::None),
    mt("FLOW_REMOVED", None, Req::None),
    mt("PORT_STATUS", Some(port_status_print), Req::Fix(72)),
    mt("PACKET_OUT", None, Req::None),
    mt("FLOW_MOD", None, Req::None),
    mt("GROUP_MOD", None, Req::None),
    mt("PORT_MOD", Some(port_mod_print), Req::Fix(32)),
    mt("TABLE_MOD", Some(table_mod_print), Req::Fix(8)),
    mt("MULTIPART_REQUEST", None, Req::None),
    mt("MULTIPART_REPLY", None, Req::None),
    mt("BARRIER_REQUEST", None, Req::Fix(0)),
    mt("BARRIER_REPLY", None, Req::Fix(0)),
    mt(
        "QUEUE_GET_CONFIG_REQUEST",
        Some(queue_get_config_request_print),
        Req::Fix(8),
    ),
    mt("QUEUE_GET_CONFIG_REPLY", None, Req::None),
    mt("ROLE_REQUEST", Some(role_msg_print), Req::Fix(16)),
    mt("ROLE_REPLY", Some(role_msg_print), Req::Fix(16)),
    mt("GET_ASYNC_REQUEST", None, Req::Fix(0)),
    mt("GET_ASYNC_REPLY", Some(async_msg_print), Req::Fix(24)),
    mt("SET_ASYNC", Some(async_msg_print), Req::Fix(24)),
    mt("METER_MOD", None, Req::None),
];

#[cfg(test)]
mod tests {
    use super::*;

    /// The unassigned-bit masks leave exactly the named bits assigned.
    #[test]
    fn capability_mask_covers_the_named_bits() {
        let named: u32 = OFP_CAPABILITIES_BM.iter().map(|&(b, _)| b).sum();
        assert_eq!(!OFPCAP_U, named);
        assert_eq!(msgtype(29).unwrap().name, "METER_MOD");
        assert!(msgtype(30).is_none());
    }
}
