//! SIP (tcpdump's print-sip.c), UDP port 5060: a text protocol, printed by
//! [`txtproto`](super::txtproto) with SIP's methods (its first line; with -v every line).

use super::nd::{Nd, R};
use super::txtproto;

const SIP_CMDS: &[&[u8]] = &[
    b"ACK",
    b"BYE",
    b"CANCEL",
    b"DO",
    b"INFO",
    b"INVITE",
    b"MESSAGE",
    b"NOTIFY",
    b"OPTIONS",
    b"PRACK",
    b"QAUTH",
    b"REFER",
    b"REGISTER",
    b"SPRACK",
    b"SUBSCRIBE",
    b"UPDATE",
    b"PUBLISH",
];

/// `sip_print`: requests by method, responses by a three-digit code as the second token.
pub(crate) fn sip_print(nd: &mut Nd, p: usize, len: usize) -> R {
    nd.proto = "sip";
    txtproto::txtproto_print(nd, p, len, Some(SIP_CMDS), true)
}
