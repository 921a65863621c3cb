//! DCCP, the Datagram Congestion Control Protocol (RFC 4340; tcpdump's print-dccp.c), IP
//! protocol 33: addresses and ports, packet type with its service, reset code and
//! acknowledgement number; with -v CCVal, checksum coverage and the checksum verdict; with
//! -vv the sequence number and the options.

use super::cksum;
use super::nd::{Nd, R};
use super::tok::{self, Tok};

const TYPE: Tok = &[
    (0, "DCCP-Request"),
    (1, "DCCP-Response"),
    (2, "DCCP-Data"),
    (3, "DCCP-Ack"),
    (4, "DCCP-DataAck"),
    (5, "DCCP-CloseReq"),
    (6, "DCCP-Close"),
    (7, "DCCP-Reset"),
    (8, "DCCP-Sync"),
    (9, "DCCP-SyncAck"),
];

const RESET_CODE: [&str; 12] = [
    "unspecified",
    "closed",
    "aborted",
    "no_connection",
    "packet_error",
    "option_error",
    "mandatory_error",
    "connection_refused",
    "bad_service_code",
    "too_busy",
    "bad_init_cookie",
    "aggression_penalty",
];

const FEATURE: [&str; 10] = [
    "reserved",
    "ccid",
    "allow_short_seqno",
    "sequence_window",
    "ecn_incapable",
    "ack_ratio",
    "send_ack_vector",
    "send_ndp_count",
    "minimum checksum coverage",
    "check data checksum",
];

const OPTION: Tok = &[
    (0, "nop"),
    (1, "mandatory"),
    (2, "slowreceiver"),
    (32, "change_l"),
    (33, "confirm_l"),
    (34, "change_r"),
    (35, "confirm_r"),
    (36, "initcookie"),
    (37, "ndp_count"),
    (38, "ack_vector0"),
    (39, "ack_vector1"),
    (40, "data_dropped"),
    (41, "timestamp"),
    (42, "timestamp_echo"),
    (43, "elapsed_time"),
    (44, "data_checksum"),
];

/// sizeof(struct dccp_hdr) and (struct dccp_hdr_ext): 24- and 48-bit sequence numbers.
const HDR_LEN: usize = 12;
const HDR_EXT_LEN: usize = 16;

/// `GET_BE_U_6`.
fn be6(nd: &Nd, i: usize) -> R<u64> {
    Ok(((nd.be2(i)? as u64) << 32) | nd.be4(i + 2)? as u64)
}

/// `dccp_print`: `bp` is the DCCP header, `iph` the IPv4 or IPv6 header carrying it.
pub(crate) fn dccp_print(nd: &mut Nd, bp: usize, iph: usize, len: usize) -> R {
    nd.proto = "dccp";
    let v6 = nd.u1(iph)? >> 4 == 6;
    if bp + HDR_LEN > nd.snapend {
        return Err(nd.local_trunc());
    }
    if len < HDR_LEN {
        nd.s(b"truncated-dccp - ");
        nd.u((HDR_LEN - len) as u64);
        nd.s(b" bytes missing!");
        return Ok(());
    }
    let xtr = nd.u1(bp + 8)?;
    let x = xtr & 1 != 0;
    let mut fixed = if x { HDR_EXT_LEN } else { HDR_LEN };
    if len < fixed {
        nd.s(b"truncated-dccp - ");
        nd.u((fixed - len) as u64);
        nd.s(b" bytes missing!");
        return Ok(());
    }
    nd.tcheck(bp, fixed)?;
    let (sport, dport) = (nd.be2(bp)?, nd.be2(bp + 2)?);
    let mut hlen = nd.u1(bp + 4)? as usize * 4;
    if v6 {
        nd.need(iph + 8, 32)?;
    } else {
        nd.need(iph + 12, 8)?;
    }
    super::ip::addr_ports(nd, iph, v6, sport, dport)?;
    nd.s(b": DCCP");
    if nd.qflag {
        nd.s(b" ");
        nd.u(len.wrapping_sub(hlen) as u32 as u64);
        if hlen > len {
            nd.s(b" [bad hdr length ");
            nd.u(hlen as u64);
            nd.s(b" - too long, > ");
            nd.u(len as u64);
            nd.s(b"]");
        }
        return Ok(());
    }
    let ccval_cscov = nd.u1(bp + 5)?;
    if nd.vflag > 0 {
        nd.s(b" (CCVal ");
        nd.u((ccval_cscov >> 4) as u64);
        nd.s(b", CsCov ");
        nd.u((ccval_cscov & 0xf) as u64);
    }
    // Unlike TCP's and UDP's, this verdict ignores -K (as print-dccp.c does).
    if nd.vflag > 0 && nd.ttest(bp, len) {
        let dccp_sum = nd.be2(bp + 6)?;
        nd.s(b", cksum 0x");
        nd.x0(dccp_sum as u64, 4);
        nd.s(b" ");
        let cscov = (ccval_cscov & 0xf) as usize;
        let cov = if cscov == 0 {
            len
        } else {
            ((nd.u1(bp + 4)? as usize + cscov - 1) * 4).min(len)
        };
        let sum = cksum::nextproto_cov(nd, iph, bp, len, cov, 33)?;
        if sum != 0 {
            nd.s(b"(incorrect -> 0x");
            nd.x0(cksum::shouldbe(dccp_sum, sum) as u64, 4);
            nd.s(b")");
        } else {
            nd.s(b"(correct)");
        }
    }
    if nd.vflag > 0 {
        nd.s(b")");
    }
    nd.s(b" ");
    let typ = (xtr >> 1) & 0xf;
    let name = tok::name(TYPE, typ as u32).unwrap_or("");
    // The bytes each type adds to the generic header.
    let extra = match typ {
        0 => 4,
        1 | 7 => 12,
        2 => 0,
        3..=9 => 8,
        _ => {
            nd.s(b"unknown-type-");
            nd.u(typ as u64);
            nd.s(b" ");
            0
        }
    };
    if typ <= 9 {
        fixed += extra;
        if len < fixed {
            nd.s(b"truncated-");
            nd.st(name);
            nd.s(b" - ");
            nd.u((fixed - len) as u64);
            nd.s(b" bytes missing!");
            return Ok(());
        }
        match typ {
            0 | 1 => {
                nd.tcheck(fixed - extra + bp, extra)?;
                let service = nd.be4(bp + fixed - 4)?;
                nd.st(name);
                nd.s(b" (service=");
                nd.u(service as u64);
                nd.s(b") ");
            }
            7 => {
                nd.tcheck(fixed - extra + bp, extra)?;
                let code = nd.u1(bp + fixed - 4)? as usize;
                nd.st(name);
                nd.s(b" (code=");
                nd.st(RESET_CODE.get(code).copied().unwrap_or("invalid"));
                nd.s(b") ");
            }
            _ => {
                nd.st(name);
                nd.s(b" ");
            }
        }
    }
    if typ != 2 && typ != 0 {
        let ackp = bp + if x { HDR_EXT_LEN } else { HDR_LEN };
        let ackno = if x {
            be6(nd, ackp + 2)?
        } else {
            nd.be3(ackp + 1)? as u64
        };
        nd.s(b"(ack=");
        nd.u(ackno);
        nd.s(b") ");
    }
    if nd.vflag < 2 {
        return Ok(());
    }
    let seq = if x {
        be6(nd, bp + 10)?
    } else {
        nd.be3(bp + 9)? as u64
    };
    nd.s(b"seq ");
    nd.u(seq);
    if hlen > fixed {
        let mut cp = bp + fixed;
        nd.s(b" <");
        hlen -= fixed;
        loop {
            let optlen = print_option(nd, cp, hlen)?;
            if optlen == 0 || hlen <= optlen {
                break;
            }
            hlen -= optlen;
            cp += optlen;
            nd.s(b", ");
        }
        nd.s(b">");
    }
    Ok(())
}

/// An option's name: `tok2str(dccp_option_values, "Option %u", t)`, or "CCID option N".
fn option_name(nd: &mut Nd, t: u8) {
    if t >= 128 {
        nd.s(b"CCID option ");
        nd.u(t as u64);
    } else {
        match tok::name(OPTION, t as u32) {
            Some(n) => nd.st(n),
            None => {
                nd.s(b"Option ");
                nd.u(t as u64);
            }
        }
    }
}

/// `dccp_print_option`: the option's length, 0 to stop (bad length, or truncated: its
/// " [|dccp]" is printed here and the list still closes).
fn print_option(nd: &mut Nd, option: usize, hlen: usize) -> R<usize> {
    let t = nd.u1(option)?;
    let optlen = if t >= 32 {
        let l = nd.u1(option + 1)? as usize;
        if l < 2 {
            option_name(nd, t);
            nd.s(b" optlen too short");
            return Ok(0);
        }
        l
    } else {
        1
    };
    if hlen < optlen {
        option_name(nd, t);
        nd.s(b" optlen goes past header length");
        return Ok(0);
    }
    if !nd.ttest(option, optlen) {
        nd.trunc();
        return Ok(0);
    }
    option_name(nd, t);
    let hex = |nd: &mut Nd, prefix: &[u8]| -> R {
        if optlen > 2 {
            nd.s(prefix);
            for i in 0..optlen - 2 {
                nd.x0(nd.u1(option + 2 + i)? as u64, 2);
            }
        }
        Ok(())
    };
    if t >= 128 {
        match optlen {
            4 => {
                nd.s(b" ");
                nd.u(nd.be2(option + 2)? as u64);
            }
            6 => {
                nd.s(b" ");
                nd.u(nd.be4(option + 2)? as u64);
            }
            _ => {}
        }
        return Ok(optlen);
    }
    match t {
        32..=35 => {
            if optlen < 3 {
                nd.s(b" optlen too short");
                return Ok(optlen);
            }
            let f = nd.u1(option + 2)? as usize;
            if f < 10 {
                nd.s(b" ");
                nd.st(FEATURE[f]);
                for i in 0..optlen - 3 {
                    nd.s(b" ");
                    nd.u(nd.u1(option + 3 + i)? as u64);
                }
            }
        }
        36 | 38..=40 => hex(nd, b" 0x")?,
        37 => {
            for i in 0..optlen.saturating_sub(2) {
                nd.s(b" ");
                nd.u(nd.u1(option + 2 + i)? as u64);
            }
        }
        41 => {
            if optlen == 6 {
                nd.s(b" ");
                nd.u(nd.be4(option + 2)? as u64);
            } else {
                nd.s(b" [optlen != 6]");
            }
        }
        42 => match optlen {
            6 | 8 | 10 => {
                nd.s(b" ");
                nd.u(nd.be4(option + 2)? as u64);
                if optlen > 6 {
                    let elapsed = if optlen == 8 {
                        nd.be2(option + 6)? as u64
                    } else {
                        nd.be4(option + 6)? as u64
                    };
                    nd.s(b" (elapsed time ");
                    nd.u(elapsed);
                    nd.s(b")");
                }
            }
            _ => nd.s(b" [optlen != 6 or 8 or 10]"),
        },
        43 => match optlen {
            6 => {
                nd.s(b" ");
                nd.u(nd.be4(option + 2)? as u64);
            }
            4 => {
                nd.s(b" ");
                nd.u(nd.be2(option + 2)? as u64);
            }
            _ => nd.s(b" [optlen != 4 or 6]"),
        },
        44 => hex(nd, b" ")?,
        _ => {}
    }
    Ok(optlen)
}
