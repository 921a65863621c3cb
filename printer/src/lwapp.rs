//! LWAPP, Cisco's Lightweight Access Point Protocol (tcpdump's print-lwapp.c), UDP ports
//! 12223 (control: with -v its messages' headers) and 12222 (data: with -v a hex dump of the
//! 802.11 frame it carries).

use super::nd::{Nd, R};
use super::tok::{self, Tok};

const HEADER_BITS: Tok = &[
    (0x01, "Last Fragment Bit"),
    (0x02, "Fragment Bit"),
    (0x04, "Control Bit"),
];

const MSG_TYPES: Tok = &[
    (1, "Discovery req"),
    (2, "Discovery resp"),
    (3, "Join req"),
    (4, "Join resp"),
    (5, "Join ack"),
    (6, "Join confirm"),
    (10, "Configure req"),
    (11, "Configure resp"),
    (12, "Update req"),
    (13, "Update resp"),
    (14, "WTP event req"),
    (15, "WTP event resp"),
    (16, "Change state event req"),
    (17, "Change state event resp"),
    (22, "Echo req"),
    (23, "Echo resp"),
    (24, "Image data req"),
    (25, "Image data resp"),
    (26, "Channel status req"),
    (27, "Channel status resp"),
    (30, "Key update req"),
    (31, "Key update resp"),
    (32, "Primary discovery req"),
    (33, "Primary discovery resp"),
    (34, "Data transfer req"),
    (35, "Data transfer resp"),
    (36, "Clear config ind"),
    (37, "Wlan config req"),
    (38, "Wlan config resp"),
    (39, "Mobile config req"),
    (40, "Mobile config resp"),
];

/// The transport header: version/radio id/control bit/flags, fragment id, length, status.
const TRANSPORT: usize = 6;
/// A control message's header: type, sequence number, length, session id.
const CONTROL: usize = 8;

/// "LWAPPvN, Control|Data frame" from the first byte.
fn frame(nd: &mut Nd, version: u8) {
    nd.s(b"LWAPPv");
    nd.u((version >> 6) as u64);
    nd.s(if version & 0x04 != 0 {
        b", Control frame".as_slice()
    } else {
        b", Data frame"
    });
}

fn flags(nd: &mut Nd, version: u8) {
    nd.s(b", Flags [");
    tok::bittok2str(nd, HEADER_BITS, "none", (version & 0x07) as u32);
    nd.s(b"]");
}

/// The checks and the default-verbosity line both printers share; None when done.
fn header(nd: &mut Nd, th: usize, len: usize) -> R<Option<u8>> {
    nd.tcheck(th, TRANSPORT)?;
    let version = nd.u1(th)?;
    if version >> 6 != 0 {
        nd.s(b"LWAPP version ");
        nd.u((version >> 6) as u64);
        nd.s(b" packet not supported");
        return Ok(None);
    }
    if nd.vflag < 1 {
        frame(nd, version);
        flags(nd, version);
        nd.s(b", length ");
        nd.u(len as u64);
        return Ok(None);
    }
    Ok(Some(version))
}

/// `lwapp_control_print`; `has_ap_ident` when sent to the controller (an AP's MAC first).
pub(crate) fn lwapp_control_print(nd: &mut Nd, pptr: usize, len: usize, has_ap_ident: bool) -> R {
    nd.proto = "lwapp_control";
    let th = if has_ap_ident {
        nd.tcheck(pptr, 6)?;
        pptr + 6
    } else {
        pptr
    };
    let Some(version) = header(nd, th, len)? else {
        return Ok(());
    };
    let mut tlen = nd.be2(th + 2)? as usize;
    let frag = nd.u1(th + 1)?;
    frame(nd, version);
    nd.s(b", Radio-id ");
    nd.u(((version >> 3) & 7) as u64);
    flags(nd, version);
    nd.s(b", Frag-id ");
    nd.u(frag as u64);
    nd.s(b", length ");
    nd.u(tlen as u64);
    if has_ap_ident {
        nd.need(pptr, 6)?;
        nd.s(b"\n\tAP identity: ");
        nd.mac(pptr)?;
    }
    let mut tptr = th + TRANSPORT;
    while tlen != 0 {
        nd.tcheck(tptr, CONTROL)?;
        if tlen < CONTROL {
            nd.s(b"\n\t  Msg goes past end of PDU");
            break;
        }
        let msg_tlen = nd.be2(tptr + 2)? as usize;
        if tlen < CONTROL + msg_tlen {
            nd.s(b"\n\t  Msg goes past end of PDU");
            break;
        }
        let (typ, seq, session) = (nd.u1(tptr)?, nd.u1(tptr + 1)?, nd.be4(tptr + 4)?);
        nd.s(b"\n\t  Msg type: ");
        tok::tok2str(nd, MSG_TYPES, "Unknown", typ as u32);
        nd.s(b" (");
        nd.u(typ as u64);
        nd.s(b"), Seqnum: ");
        nd.u(seq as u64);
        nd.s(b", Msg len: ");
        nd.u(msg_tlen as u64);
        nd.s(b", Session: 0x");
        nd.x0(session as u64, 8);
        // The message's own elements are not decoded, but must have been captured.
        nd.tcheck(tptr, msg_tlen)?;
        tptr += CONTROL + msg_tlen;
        tlen -= CONTROL + msg_tlen;
    }
    Ok(())
}

/// `lwapp_data_print`.
pub(crate) fn lwapp_data_print(nd: &mut Nd, pptr: usize, len: usize) -> R {
    nd.proto = "lwapp_data";
    nd.tcheck(pptr, 6)?;
    let Some(version) = header(nd, pptr, len)? else {
        return Ok(());
    };
    let tlen = nd.be2(pptr + 2)? as usize;
    frame(nd, version);
    nd.s(b", Radio-id  ");
    nd.u(((version >> 3) & 7) as u64);
    flags(nd, version);
    if tlen < TRANSPORT {
        nd.s(b", length ");
        nd.u(tlen as u64);
        nd.s(b" < transport header length");
        return Ok(());
    }
    let frag = nd.u1(pptr + 1)?;
    nd.s(b", Frag-id  ");
    nd.u(frag as u64);
    nd.s(b", length ");
    nd.u(tlen as u64);
    // The 802.11 frame that follows is dumped, not decoded.
    nd.unknown_data(pptr + TRANSPORT, b"\n\t", tlen - TRANSPORT)
}
