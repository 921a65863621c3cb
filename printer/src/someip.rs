//! SOME/IP (tcpdump's print-someip.c), UDP 30490: service and method or event, length,
//! client and session, versions, message type and return code. tcpdump ends its line with a
//! newline of its own, so every SOME/IP line is followed by an empty one.

use super::nd::{Nd, R};
use super::tok::{self, Tok};

/// `message_type_values`.
const MESSAGE_TYPE: Tok = &[
    (0x00, "REQUEST"),
    (0x01, "REQUEST_NO_RETURN"),
    (0x02, "NOTIFICATION"),
    (0x80, "RESPONSE"),
    (0x81, "ERROR"),
    (0x20, "TP_REQUEST"),
    (0x21, "TP_REQUEST_NO_RETURN"),
    (0x22, "TP_NOTIFICATION"),
    (0xa0, "TP_RESPONSE"),
    (0xa1, "TP_ERROR"),
];

/// `return_code_values`.
const RETURN_CODE: Tok = &[
    (0x00, "E_OK"),
    (0x01, "E_NOT_OK"),
    (0x02, "E_UNKNOWN_SERVICE"),
    (0x03, "E_UNKNOWN_METHOD"),
    (0x04, "E_NOT_READY"),
    (0x05, "E_NOT_REACHABLE"),
    (0x06, "E_TIMEOUT"),
    (0x07, "E_WRONG_PROTOCOL_VERSION"),
    (0x08, "E_WRONG_INTERFACE_VERSION"),
    (0x09, "E_MALFORMED_MESSAGE"),
    (0x0a, "E_WRONG_MESSAGE_TYPE"),
    (0x0b, "E_E2E_REPEATED"),
    (0x0c, "E_E2E_WRONG_SEQUENCE"),
    (0x0d, "E_E2E"),
    (0x0e, "E_E2E_NOT_AVAILABLE"),
    (0x0f, "E_E2E_NO_NEW_DATA"),
];

/// `someip_print`.
pub(crate) fn someip_print(nd: &mut Nd, bp: usize, len: usize) -> R {
    nd.proto = "someip";
    nd.s(b"SOMEIP");
    if len < 16 {
        nd.invalid();
        return Ok(());
    }
    let message_id = nd.be4(bp)?;
    nd.s(b", service ");
    nd.u((message_id >> 16) as u64);
    nd.s(if message_id & 0x8000 != 0 {
        b", event "
    } else {
        b", method "
    });
    nd.u((message_id & 0x7fff) as u64);
    let message_len = nd.be4(bp + 4)?;
    nd.s(b", len ");
    nd.u(message_len as u64);
    let request_id = nd.be4(bp + 8)?;
    nd.s(b", client ");
    nd.u((request_id >> 16) as u64);
    nd.s(b", session ");
    nd.u((request_id & 0xffff) as u64);
    let pver = nd.u1(bp + 12)?;
    nd.s(b", pver ");
    nd.u(pver as u64);
    let iver = nd.u1(bp + 13)?;
    nd.s(b", iver ");
    nd.u(iver as u64);
    let msgtype = nd.u1(bp + 14)?;
    nd.s(b", msgtype ");
    tok::tok2str(nd, MESSAGE_TYPE, "Unknown", msgtype as u32);
    let retcode = nd.u1(bp + 15)?;
    nd.s(b", retcode ");
    tok::tok2str(nd, RETURN_CODE, "Unknown", retcode as u32);
    nd.s(b"\n");
    Ok(())
}
