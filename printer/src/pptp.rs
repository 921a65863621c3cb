//! PPTP control messages (tcpdump's print-pptp.c, RFC 2637), TCP port 1723: the header's
//! magic cookie and message type, then each message's fields as `NAME(value)`; with -v the
//! length, message class and the result/error code names.

use super::nd::{Nd, R};
use super::tok::{self, Tok};

const MAGIC_COOKIE: u32 = 0x1a2b3c4d;

const SCCRP: u16 = 2;
const STOP_CCRP: u16 = 4;
const ECHORP: u16 = 6;
const OCRP: u16 = 8;
const ICRP: u16 = 10;
const CDN: u16 = 13;

const MESSAGE_TYPES: [&str; 16] = [
    "NOT_DEFINED",
    "SCCRQ",
    "SCCRP",
    "StopCCRQ",
    "StopCCRP",
    "ECHORQ",
    "ECHORP",
    "OCRQ",
    "OCRP",
    "ICRQ",
    "ICRP",
    "ICCN",
    "CCRQ",
    "CDN",
    "WEN",
    "SLI",
];

const BTYPE: Tok = &[(1, "A"), (2, "D"), (3, "Any")];
const FTYPE: Tok = &[(1, "A"), (2, "S"), (3, "E")];
const ERRCODE: Tok = &[
    (0, "None"),
    (1, "Not-Connected"),
    (2, "Bad-Format"),
    (3, "Bad-Value"),
    (4, "No-Resource"),
    (5, "Bad-Call-ID"),
    (6, "PAC-Error"),
];
const SCCRP_RESULT: Tok = &[
    (1, "Successful channel establishment"),
    (2, "General error"),
    (3, "Command channel already exists"),
    (
        4,
        "Requester is not authorized to establish a command channel",
    ),
    (5, "The protocol version of the requester is not supported"),
];
const ECHORP_RESULT: Tok = &[(1, "OK"), (2, "General Error")];
const OCRP_RESULT: Tok = &[
    (1, "Connected"),
    (2, "General Error"),
    (3, "No Carrier"),
    (4, "Busy"),
    (5, "No Dial Tone"),
    (6, "Time-out"),
    (7, "Do Not Accept"),
];
const ICRP_RESULT: Tok = &[(1, "Connect"), (2, "General Error"), (3, "Do Not Accept")];
const CDN_RESULT: Tok = &[
    (1, "Lost Carrier"),
    (2, "General Error"),
    (3, "Admin Shutdown"),
    (4, "Request"),
];

/// ` NAME(value)` of a 16-bit field.
fn u16_field(nd: &mut Nd, name: &[u8], at: usize) -> R {
    let v = nd.be2(at)?;
    nd.s(b" ");
    nd.s(name);
    nd.s(b"(");
    nd.u(v as u64);
    nd.s(b")");
    Ok(())
}

/// ` NAME(value)` of a 32-bit field.
fn u32_field(nd: &mut Nd, name: &[u8], at: usize) -> R {
    let v = nd.be4(at)?;
    nd.s(b" ");
    nd.s(name);
    nd.s(b"(");
    nd.u(v as u64);
    nd.s(b")");
    Ok(())
}

/// `PRINT_RESERVED_IF_NOT_ZERO_1`/`_2`.
fn reserved(nd: &mut Nd, at: usize, width: usize) -> R {
    let v = if width == 1 {
        nd.u1(at)? as u32
    } else {
        nd.be2(at)? as u32
    };
    if v != 0 {
        nd.s(b" [ERROR: reserved=");
        nd.u(v as u64);
        nd.s(b" must be zero]");
    }
    Ok(())
}

/// ` NAME(` a NUL-terminated string of at most `n` bytes `)`.
fn string(nd: &mut Nd, name: &[u8], at: usize, n: usize) -> R {
    nd.s(b" ");
    nd.s(name);
    nd.s(b"(");
    nd.printjnp(at, n)?;
    nd.s(b")");
    Ok(())
}

/// A length-bounded string: ` NAME(` at most min(64, the length field at `len_at`) `)`.
fn counted_string(nd: &mut Nd, name: &[u8], at: usize, len_at: usize) -> R {
    nd.s(b" ");
    nd.s(name);
    nd.s(b"(");
    let n = nd.be2(len_at)?.min(64) as usize;
    nd.printjnp(at, n)?;
    nd.s(b")");
    Ok(())
}

fn proto_ver(nd: &mut Nd, at: usize) -> R {
    let v = nd.be2(at)?;
    nd.s(b" PROTO_VER(");
    nd.u((v >> 8) as u64);
    nd.s(b".");
    nd.u((v & 0xff) as u64);
    nd.s(b")");
    Ok(())
}

fn framing_cap(nd: &mut Nd, at: usize) -> R {
    nd.s(b" FRAME_CAP(");
    let v = nd.be4(at)?;
    if v & 1 != 0 {
        nd.s(b"A");
    }
    if v & 2 != 0 {
        nd.s(b"S");
    }
    nd.s(b")");
    Ok(())
}

fn bearer_cap(nd: &mut Nd, at: usize) -> R {
    let v = nd.be4(at)?;
    nd.s(b" BEARER_CAP(");
    if v & 2 != 0 {
        nd.s(b"D");
    }
    if v & 1 != 0 {
        nd.s(b"A");
    }
    nd.s(b")");
    Ok(())
}

/// ` NAME(` the table's name or "?" `)`.
fn typed(nd: &mut Nd, name: &[u8], t: Tok, at: usize) -> R {
    let v = nd.be4(at)?;
    nd.s(b" ");
    nd.s(name);
    nd.s(b"(");
    tok::tok2str(nd, t, "?", v);
    nd.s(b")");
    Ok(())
}

fn result_code(nd: &mut Nd, at: usize, msg: u16) -> R {
    let v = nd.u1(at)?;
    nd.s(b" RESULT_CODE(");
    nd.u(v as u64);
    if nd.vflag > 0 {
        let dict = match msg {
            SCCRP => SCCRP_RESULT,
            STOP_CCRP | ECHORP => ECHORP_RESULT,
            OCRP => OCRP_RESULT,
            ICRP => ICRP_RESULT,
            _ => CDN_RESULT,
        };
        nd.s(b":");
        tok::tok2str(nd, dict, "?", v as u32);
    }
    nd.s(b")");
    Ok(())
}

fn err_code(nd: &mut Nd, at: usize) -> R {
    let v = nd.u1(at)?;
    nd.s(b" ERR_CODE(");
    nd.u(v as u64);
    if nd.vflag > 0 {
        nd.s(b":");
        tok::tok2str(nd, ERRCODE, "?", v as u32);
    }
    nd.s(b")");
    Ok(())
}

/// SCCRQ and SCCRP share their layout but for the reserved field / result and error codes.
fn sccr(nd: &mut Nd, d: usize, reply: bool) -> R {
    proto_ver(nd, d)?;
    if reply {
        result_code(nd, d + 2, SCCRP)?;
        err_code(nd, d + 3)?;
    } else {
        reserved(nd, d + 2, 2)?;
    }
    framing_cap(nd, d + 4)?;
    bearer_cap(nd, d + 8)?;
    u16_field(nd, b"MAX_CHAN", d + 12)?;
    u16_field(nd, b"FIRM_REV", d + 14)?;
    string(nd, b"HOSTNAME", d + 16, 64)?;
    string(nd, b"VENDOR", d + 80, 64)
}

fn stopccrq(nd: &mut Nd, d: usize) -> R {
    let reason = nd.u1(d)?;
    nd.s(b" REASON(");
    nd.u(reason as u64);
    if nd.vflag > 0 {
        nd.s(match reason {
            1 => b":None".as_slice(),
            2 => b":Stop-Protocol",
            3 => b":Stop-Local-Shutdown",
            _ => b":?",
        });
    }
    nd.s(b")");
    reserved(nd, d + 1, 1)?;
    reserved(nd, d + 2, 2)
}

fn message(nd: &mut Nd, d: usize, typ: u16) -> R {
    match typ {
        1 => sccr(nd, d, false)?,
        SCCRP => sccr(nd, d, true)?,
        3 => stopccrq(nd, d)?,
        STOP_CCRP => {
            result_code(nd, d, STOP_CCRP)?;
            err_code(nd, d + 1)?;
            reserved(nd, d + 2, 2)?;
        }
        5 => u32_field(nd, b"ID", d)?,
        ECHORP => {
            u32_field(nd, b"ID", d)?;
            result_code(nd, d + 4, ECHORP)?;
            err_code(nd, d + 5)?;
            reserved(nd, d + 6, 2)?;
        }
        7 => {
            u16_field(nd, b"CALL_ID", d)?;
            u16_field(nd, b"CALL_SER_NUM", d + 2)?;
            u32_field(nd, b"MIN_BPS", d + 4)?;
            u32_field(nd, b"MAX_BPS", d + 8)?;
            typed(nd, b"BEARER_TYPE", BTYPE, d + 12)?;
            typed(nd, b"FRAME_TYPE", FTYPE, d + 16)?;
            u16_field(nd, b"RECV_WIN", d + 20)?;
            u16_field(nd, b"PROC_DELAY", d + 22)?;
            u16_field(nd, b"PHONE_NO_LEN", d + 24)?;
            reserved(nd, d + 26, 2)?;
            counted_string(nd, b"PHONE_NO", d + 28, d + 24)?;
            string(nd, b"SUB_ADDR", d + 92, 64)?;
        }
        OCRP => {
            u16_field(nd, b"CALL_ID", d)?;
            u16_field(nd, b"PEER_CALL_ID", d + 2)?;
            result_code(nd, d + 4, OCRP)?;
            err_code(nd, d + 5)?;
            u16_field(nd, b"CAUSE_CODE", d + 6)?;
            u32_field(nd, b"CONN_SPEED", d + 8)?;
            u16_field(nd, b"RECV_WIN", d + 12)?;
            u16_field(nd, b"PROC_DELAY", d + 14)?;
            u32_field(nd, b"PHY_CHAN_ID", d + 16)?;
        }
        9 => {
            u16_field(nd, b"CALL_ID", d)?;
            u16_field(nd, b"CALL_SER_NUM", d + 2)?;
            typed(nd, b"BEARER_TYPE", BTYPE, d + 4)?;
            u32_field(nd, b"PHY_CHAN_ID", d + 8)?;
            u16_field(nd, b"DIALED_NO_LEN", d + 12)?;
            u16_field(nd, b"DIALING_NO_LEN", d + 14)?;
            counted_string(nd, b"DIALED_NO", d + 16, d + 12)?;
            counted_string(nd, b"DIALING_NO", d + 80, d + 14)?;
            string(nd, b"SUB_ADDR", d + 144, 64)?;
        }
        ICRP => {
            u16_field(nd, b"CALL_ID", d)?;
            u16_field(nd, b"PEER_CALL_ID", d + 2)?;
            result_code(nd, d + 4, ICRP)?;
            err_code(nd, d + 5)?;
            u16_field(nd, b"RECV_WIN", d + 6)?;
            u16_field(nd, b"PROC_DELAY", d + 8)?;
            reserved(nd, d + 10, 2)?;
        }
        11 => {
            u16_field(nd, b"PEER_CALL_ID", d)?;
            reserved(nd, d + 2, 2)?;
            u32_field(nd, b"CONN_SPEED", d + 4)?;
            u16_field(nd, b"RECV_WIN", d + 8)?;
            u16_field(nd, b"PROC_DELAY", d + 10)?;
            typed(nd, b"FRAME_TYPE", FTYPE, d + 12)?;
        }
        12 => {
            u16_field(nd, b"CALL_ID", d)?;
            reserved(nd, d + 2, 2)?;
        }
        CDN => {
            u16_field(nd, b"CALL_ID", d)?;
            result_code(nd, d + 2, CDN)?;
            err_code(nd, d + 3)?;
            u16_field(nd, b"CAUSE_CODE", d + 4)?;
            reserved(nd, d + 6, 2)?;
            string(nd, b"CALL_STATS", d + 8, 128)?;
        }
        14 => {
            u16_field(nd, b"PEER_CALL_ID", d)?;
            reserved(nd, d + 2, 2)?;
            u32_field(nd, b"CRC_ERR", d + 4)?;
            u32_field(nd, b"FRAMING_ERR", d + 8)?;
            u32_field(nd, b"HARDWARE_OVERRUN", d + 12)?;
            u32_field(nd, b"BUFFER_OVERRUN", d + 16)?;
            u32_field(nd, b"TIMEOUT_ERR", d + 20)?;
            u32_field(nd, b"ALIGN_ERR", d + 24)?;
        }
        15 => {
            u16_field(nd, b"PEER_CALL_ID", d)?;
            reserved(nd, d + 2, 2)?;
            for (name, at) in [(b"SEND_ACCM", d + 4), (b"RECV_ACCM", d + 8)] {
                let v = nd.be4(at)?;
                nd.s(b" ");
                nd.s(name);
                nd.s(b"(0x");
                nd.x0(v as u64, 8);
                nd.s(b")");
            }
        }
        _ => {}
    }
    Ok(())
}

/// `pptp_print`: the 12-byte header, then the control message.
pub(crate) fn pptp_print(nd: &mut Nd, dat: usize) -> R {
    nd.proto = "pptp";
    nd.s(b": pptp");
    if nd.vflag > 0 {
        let len = nd.be2(dat)?;
        nd.s(b" Length=");
        nd.u(len as u64);
        nd.s(match nd.be2(dat + 2)? {
            1 => b" CTRL-MSG".as_slice(),
            2 => b" MGMT-MSG",
            _ => b" UNKNOWN-MSG-TYPE",
        });
    }
    let mc = nd.be4(dat + 4)?;
    if mc != MAGIC_COOKIE {
        nd.s(b" UNEXPECTED Magic-Cookie!!(");
        nd.x0(mc as u64, 8);
        nd.s(b")");
    }
    if nd.vflag > 0 || mc != MAGIC_COOKIE {
        nd.s(b" Magic-Cookie=");
        nd.x0(mc as u64, 8);
    }
    let typ = nd.be2(dat + 8)?;
    match MESSAGE_TYPES.get(typ as usize) {
        Some(name) => {
            nd.s(b" CTRL_MSGTYPE=");
            nd.st(name);
        }
        None => {
            nd.s(b" UNKNOWN_CTRL_MSGTYPE(");
            nd.u(typ as u64);
            nd.s(b")");
        }
    }
    reserved(nd, dat + 10, 2)?;
    message(nd, dat + 12, typ)
}
