//! PTP, IEEE 1588 precision time (tcpdump's print-ptp.c), UDP 319/320 and ethertype 0x88f7:
//! version 2's common header (message type, length, domain, flags, correction, clock and
//! port identity, sequence id, control, log interval) and each message's timestamps, port
//! identities and announce fields; version 1 only by number.

use super::nd::{Nd, R};
use super::tok::{self, Tok};

const HDR_LEN: usize = 0x22;

/// `ptp_msg_type`.
const MSG_TYPE: Tok = &[
    (0x0, "sync msg"),
    (0x1, "delay req msg"),
    (0x2, "peer delay req msg"),
    (0x3, "peer delay resp msg"),
    (0x8, "follow up msg"),
    (0x9, "delay resp msg"),
    (0xa, "pdelay resp fup msg"),
    (0xb, "announce msg"),
    (0xc, "signalling msg"),
    (0xd, "management msg"),
];

/// `ptp_control_field`.
const CONTROL: Tok = &[
    (0x0, "Sync"),
    (0x1, "Delay_Req"),
    (0x2, "Follow_Up"),
    (0x3, "Delay_Resp"),
    (0x4, "Management"),
    (0x5, "Other"),
];

/// `ptp_flag_values`.
const FLAGS: Tok = &[
    (0x1, "l1 61"),
    (0x2, "l1 59"),
    (0x4, "utc reasonable"),
    (0x8, "timescale"),
    (0x10, "time tracable"),
    (0x20, "frequency tracable"),
    (0x100, "alternate master"),
    (0x200, "two step"),
    (0x400, "unicast"),
    (0x1000, "profile specific 1"),
    (0x2000, "profile specific 2"),
    (0x4000, "security mask"),
    (0x18c0, "unknown"),
];

const PORIGIN_TS: &[u8] = b"preciseOriginTimeStamp";
const ORIGIN_TS: &[u8] = b"originTimeStamp";
const RECV_TS: &[u8] = b"receiveTimeStamp";

/// `GET_BE_U_6`.
fn be6(nd: &Nd, at: usize) -> R<u64> {
    Ok((nd.be2(at)? as u64) << 32 | nd.be4(at + 2)? as u64)
}

/// `GET_BE_U_8`.
fn be8(nd: &Nd, at: usize) -> R<u64> {
    Ok((nd.be4(at)? as u64) << 32 | nd.be4(at + 4)? as u64)
}

/// `ptp_print`.
pub(crate) fn ptp_print(nd: &mut Nd, bp: usize, length: usize) -> R {
    nd.proto = "ptp";
    if length < HDR_LEN {
        nd.s(b" [length ");
        nd.u(length as u64);
        nd.s(b" < 34]");
        nd.invalid();
        return Ok(());
    }
    let vers = nd.be2(bp)? & 0xff;
    nd.s(b"PTPv");
    nd.u(vers as u64);
    match vers {
        1 => nd.s(b" (not implemented)"),
        2 => print_2(nd, bp)?,
        _ => {}
    }
    Ok(())
}

/// ", NAME : N" of the common header.
fn field(nd: &mut Nd, name: &[u8], v: u64) {
    nd.s(b", ");
    nd.s(name);
    nd.s(b" : ");
    nd.u(v);
}

/// `ptp_print_2`.
fn print_2(nd: &mut Nd, bp: usize) -> R {
    let foct = nd.u1(bp)?;
    nd.s(b", v1 compat : ");
    nd.s(if foct & 0x10 != 0 { b"yes" } else { b"no" });
    let msg_type = foct & 0x0f;
    nd.s(b", msg type : ");
    tok::tok2str(nd, MSG_TYPE, "Reserved", msg_type as u32);
    let msg_len = nd.be2(bp + 2)?;
    field(nd, b"length", msg_len as u64);
    let w = nd.be2(bp + 4)?;
    field(nd, b"domain", (w >> 8) as u64);
    field(nd, b"reserved1", (w & 0xff) as u64);
    let flags = nd.be2(bp + 6)?;
    nd.s(b", Flags [");
    tok::bittok2str(nd, FLAGS, "none", flags as u32);
    nd.s(b"]");
    let ns_corr = be6(nd, bp + 8)?;
    field(nd, b"NS correction", ns_corr);
    let sns_corr = nd.be2(bp + 14)?;
    field(nd, b"sub NS correction", sns_corr as u64);
    let rsvd2 = nd.be4(bp + 16)?;
    field(nd, b"reserved2", rsvd2 as u64);
    let clk_id = be8(nd, bp + 20)?;
    nd.s(b", clock identity : 0x");
    nd.x(clk_id);
    let port_id = nd.be2(bp + 28)?;
    field(nd, b"port id", port_id as u64);
    let seq_id = nd.be2(bp + 30)?;
    field(nd, b"seq id", seq_id as u64);
    let control = nd.u1(bp + 32)?;
    field(nd, b"control", control as u64);
    nd.s(b" (");
    tok::tok2str(nd, CONTROL, "Reserved", control as u32);
    nd.s(b")");
    let lm_int = nd.be2(bp + 32)? & 0xff;
    field(nd, b"log message interval", lm_int as u64);
    let bp = bp + HDR_LEN;
    match msg_type {
        0x0 | 0x1 => timestamp(nd, bp, ORIGIN_TS, true),
        0x8 => timestamp(nd, bp, PORIGIN_TS, true),
        0x2 | 0xa => timestamp_identity(nd, bp, PORIGIN_TS),
        0x3 | 0x9 => timestamp_identity(nd, bp, RECV_TS),
        0xb => announce(nd, bp),
        0xc => port_identity(nd, bp),
        0xd => {
            port_identity(nd, bp)?;
            // C passes `bp` by value: every field is read from the port identity's first
            // byte, and the names carry their own ", ".
            for (name, hex) in [
                (&b", start boundary hops "[..], false),
                (b", boundary hops ", false),
                (b", flags ", true),
                (b", reserved ", true),
            ] {
                let v = nd.u1(bp)?;
                nd.s(b", ");
                nd.s(name);
                if hex {
                    nd.s(b" 0x");
                    nd.x(v as u64);
                } else {
                    nd.s(b" ");
                    nd.u(v as u64);
                }
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

/// `ptp_print_timestamp` (`comma`: the "," after the seconds, which the announce message's
/// lacks).
fn timestamp(nd: &mut Nd, bp: usize, name: &[u8], comma: bool) -> R {
    nd.s(b", ");
    nd.s(name);
    nd.s(b" :");
    let secs = be6(nd, bp)?;
    nd.s(b" ");
    nd.u(secs);
    nd.s(if comma { b" seconds," } else { b" seconds" });
    let nsecs = nd.be4(bp + 6)?;
    nd.s(b" ");
    nd.u(nsecs as u64);
    nd.s(b" nanoseconds");
    Ok(())
}

/// `ptp_print_timestamp_identity`.
fn timestamp_identity(nd: &mut Nd, bp: usize, name: &[u8]) -> R {
    timestamp(nd, bp, name, true)?;
    port_identity(nd, bp + 10)
}

/// `ptp_print_port_id`.
fn port_identity(nd: &mut Nd, bp: usize) -> R {
    let id = be8(nd, bp)?;
    nd.s(b", port identity : 0x");
    nd.x(id);
    let port = nd.be2(bp + 8)?;
    field(nd, b"port id", port as u64);
    Ok(())
}

/// `ptp_print_announce_msg`.
fn announce(nd: &mut Nd, bp: usize) -> R {
    timestamp(nd, bp, ORIGIN_TS, false)?;
    let utc = nd.be2(bp + 10)?;
    nd.s(b", origin cur utc :");
    nd.u(utc as u64);
    let rsvd = nd.u1(bp + 12)?;
    field(nd, b"rsvd", rsvd as u64);
    let p1 = nd.u1(bp + 13)?;
    field(nd, b"gm priority_1", p1 as u64);
    let cls = nd.u1(bp + 14)?;
    field(nd, b"gm clock class", cls as u64);
    let acc = nd.u1(bp + 15)?;
    field(nd, b"gm clock accuracy", acc as u64);
    let var = nd.be2(bp + 16)?;
    field(nd, b"gm clock variance", var as u64);
    let p2 = nd.u1(bp + 18)?;
    field(nd, b"gm priority_2", p2 as u64);
    let gm = be8(nd, bp + 19)?;
    nd.s(b", gm clock id : 0x");
    nd.x(gm);
    let steps = nd.be2(bp + 27)?;
    field(nd, b"steps removed", steps as u64);
    let src = nd.u1(bp + 29)?;
    nd.s(b", time source : 0x");
    nd.x(src as u64);
    Ok(())
}
