//! LDP, MPLS label distribution (tcpdump's print-ldp.c), UDP and TCP 646: the PDU header
//! (LSR id, label space, length) and with -v every message and its TLVs (hello parameters,
//! transport addresses, address lists, session parameters, FECs with prefixes and Martini
//! pseudowires, labels, status, fault tolerance, MTU); -vv adds each message in hex.

use super::bgp::{self, Prefix};
use super::nd::{Nd, Trunc, R};
use super::tok::{self, Tok};

/// `sizeof(struct ldp_common_header)`, `sizeof(struct ldp_msg_header)`.
const COMMON_LEN: usize = 10;
const MSG_LEN: usize = 8;

/// `ldp_msg_values`.
const MSG: Tok = &[
    (0x0001, "Notification"),
    (0x0100, "Hello"),
    (0x0200, "Initialization"),
    (0x0201, "Keepalive"),
    (0x0300, "Address"),
    (0x0301, "Address Withdraw"),
    (0x0400, "Label Mapping"),
    (0x0401, "Label Request"),
    (0x0402, "Label Withdraw"),
    (0x0403, "Label Release"),
    (0x0404, "Label Abort Request"),
];

/// `ldp_tlv_values`.
const TLV: Tok = &[
    (0x0100, "FEC"),
    (0x0101, "Address List"),
    (0x0103, "Hop Count"),
    (0x0104, "Path Vector"),
    (0x0200, "Generic Label"),
    (0x0201, "ATM Label"),
    (0x0202, "Frame-Relay Label"),
    (0x0300, "Status"),
    (0x0301, "Extended Status"),
    (0x0302, "Returned PDU"),
    (0x0303, "Returned Message"),
    (0x0400, "Common Hello Parameters"),
    (0x0401, "IPv4 Transport Address"),
    (0x0402, "Configuration Sequence Number"),
    (0x0403, "IPv6 Transport Address"),
    (0x0500, "Common Session Parameters"),
    (0x0501, "ATM Session Parameters"),
    (0x0502, "Frame-Relay Session Parameters"),
    (0x0503, "Fault-Tolerant Session Parameters"),
    (0x0600, "Label Request Message ID"),
    (0x0601, "MTU"),
];

/// `ldp_fec_values`.
const FEC: Tok = &[
    (0x01, "Wildcard"),
    (0x02, "Prefix"),
    (0x03, "Host address"),
    (0x80, "Martini VC"),
];

/// `ldp_fec_martini_ifparm_values`.
const IFPARM: Tok = &[(0x01, "MTU"), (0x03, "Description"), (0x0c, "VCCV")];
/// `ldp_fec_martini_ifparm_vccv_cc_values`.
const VCCV_CC: Tok = &[
    (0x01, "PWE3 control word"),
    (0x02, "MPLS Router Alert Label"),
    (0x04, "MPLS inner label TTL = 1"),
];
/// `ldp_fec_martini_ifparm_vccv_cv_values`.
const VCCV_CV: Tok = &[(0x01, "ICMP Ping"), (0x02, "LSP Ping"), (0x04, "BFD")];

/// `TLV_TCHECK(min)`: false after " [tlv length N < MIN] (invalid)".
fn tlv_check(nd: &mut Nd, tlv_tlen: usize, min: usize) -> bool {
    if tlv_tlen < min {
        nd.s(b" [tlv length ");
        nd.u(tlv_tlen as u64);
        nd.s(b" < ");
        nd.u(min as u64);
        nd.s(b"]");
        nd.invalid();
        return false;
    }
    true
}

/// `ldp_tlv_print`: the bytes taken (0: the TLV goes past its message).
fn tlv_print(nd: &mut Nd, tptr: usize, msg_tlen: usize) -> R<usize> {
    if !nd.ttest(tptr, 4) {
        return Err(Trunc);
    }
    let tlv_len = nd.be2(tptr + 2)? as usize;
    if tlv_len + 4 > msg_tlen {
        nd.s(b"\n\t\t TLV contents go past end of message");
        return Ok(0);
    }
    let raw = nd.be2(tptr)?;
    let tlv_type = raw & 0x3fff;
    nd.s(b"\n\t    ");
    tok::tok2str(nd, TLV, "Unknown", tlv_type as u32);
    nd.s(b" TLV (0x");
    nd.x0(tlv_type as u64, 4);
    nd.s(b"), length: ");
    nd.u(tlv_len as u64);
    nd.s(b", Flags: [");
    nd.s(if raw & 0x8000 != 0 {
        b"continue processing"
    } else {
        b"ignore"
    });
    nd.s(b" and ");
    nd.s(if raw & 0x4000 != 0 { b"do" } else { b"don't" });
    nd.s(b" forward if unknown]");
    let done = tlv_len + 4;
    let mut t = tptr + 4;
    // C keeps the TLV's remaining length in 16 bits.
    let mut tlv_tlen = tlv_len;
    macro_rules! check {
        ($min:expr) => {
            if !tlv_check(nd, tlv_tlen, $min) {
                return Ok(done);
            }
        };
    }
    match tlv_type {
        0x0400 => {
            check!(4);
            let (hold, flags) = (nd.be2(t)?, nd.be2(t + 2)?);
            nd.s(b"\n\t      Hold Time: ");
            nd.u(hold as u64);
            nd.s(b"s, Flags: [");
            nd.s(if flags & 0x8000 != 0 {
                b"Targeted"
            } else {
                b"Link"
            });
            nd.s(b" Hello");
            if flags & 0x4000 != 0 {
                nd.s(b", Request for targeted Hellos");
            }
            nd.s(b"]");
        }
        0x0401 => {
            check!(4);
            nd.need(t, 4)?;
            nd.s(b"\n\t      IPv4 Transport Address: ");
            nd.ip4(t)?;
        }
        0x0403 => {
            check!(16);
            nd.need(t, 16)?;
            nd.s(b"\n\t      IPv6 Transport Address: ");
            nd.ip6(t)?;
        }
        0x0402 => {
            check!(4);
            let v = nd.be4(t)?;
            nd.s(b"\n\t      Sequence Number: ");
            nd.u(v as u64);
        }
        0x0101 => {
            check!(2);
            let af = nd.be2(t)?;
            t += 2;
            tlv_tlen -= 2;
            nd.s(b"\n\t      Address Family: ");
            match tok::name(tok::AF, af as u32) {
                Some(n) => nd.st(n),
                None => {
                    nd.s(b"Unknown (");
                    nd.u(af as u64);
                    nd.s(b")");
                }
            }
            nd.s(b", addresses");
            let alen = match af {
                1 => 4,
                2 => 16,
                _ => 0,
            };
            while alen > 0 && tlv_tlen >= alen {
                nd.need(t, alen)?;
                nd.s(b" ");
                if alen == 4 {
                    nd.ip4(t)?;
                } else {
                    nd.ip6(t)?;
                }
                tlv_tlen -= alen;
                t += alen;
            }
        }
        0x0500 => {
            check!(8);
            let (ver, ka, flags) = (nd.be2(t)?, nd.be2(t + 2)?, nd.be2(t + 6)?);
            nd.s(b"\n\t      Version: ");
            nd.u(ver as u64);
            nd.s(b", Keepalive: ");
            nd.u(ka as u64);
            nd.s(b"s, Flags: [Downstream ");
            nd.s(if flags & 0x8000 != 0 {
                b"On Demand"
            } else {
                b"Unsolicited"
            });
            nd.s(b", Loop Detection ");
            nd.s(if flags & 0x4000 != 0 {
                b"Enabled"
            } else {
                b"Disabled"
            });
            nd.s(b"]");
        }
        0x0100 => {
            check!(1);
            let fec_type = nd.u1(t)?;
            nd.s(b"\n\t      ");
            tok::tok2str(nd, FEC, "Unknown", fec_type as u32);
            nd.s(b" FEC (0x");
            nd.x0(fec_type as u64, 2);
            nd.s(b")");
            t += 1;
            tlv_tlen -= 1;
            match fec_type {
                0x02 => {
                    check!(2);
                    let af = nd.be2(t)?;
                    t += 2;
                    tlv_tlen -= 2;
                    if af == 1 || af == 2 {
                        let (v6, head): (bool, &[u8]) = if af == 1 {
                            (false, b": IPv4 prefix ")
                        } else {
                            (true, b": IPv6 prefix ")
                        };
                        match bgp::prefix(nd, t, tlv_tlen, v6, head)? {
                            Prefix::Taken(_) => {}
                            Prefix::Short => return Err(Trunc),
                            Prefix::Illegal => {
                                nd.s(if v6 {
                                    b": IPv6 prefix (invalid length)"
                                } else {
                                    b": IPv4 prefix (invalid length)"
                                });
                            }
                        }
                    } else {
                        nd.s(b": Address family ");
                        nd.u(af as u64);
                        nd.s(b" prefix");
                    }
                }
                0x80 => martini(nd, t, tlv_tlen)?,
                _ => {}
            }
        }
        0x0200 => {
            check!(4);
            let v = nd.be4(t)?;
            nd.s(b"\n\t      Label: ");
            nd.u((v & 0xfffff) as u64);
        }
        0x0300 => {
            check!(8);
            let ui = nd.be4(t)?;
            nd.s(b"\n\t      Status: 0x");
            nd.x0((ui & 0x3fffffff) as u64, 2);
            nd.s(b", Flags: [");
            nd.s(if ui & 0x80000000 != 0 {
                b"Fatal error"
            } else {
                b"Advisory Notification"
            });
            nd.s(b" and ");
            nd.s(if ui & 0x40000000 != 0 {
                b"do"
            } else {
                b"don't"
            });
            nd.s(b" forward]");
            let id = nd.be4(t + 4)?;
            if id != 0 {
                nd.s(b", causing Message ID: 0x");
                nd.x0(id as u64, 8);
            }
        }
        0x0503 => {
            check!(12);
            let f = nd.be2(t)?;
            nd.s(b"\n\t      Flags: [");
            nd.s(if f & 0x8000 != 0 { b"" } else { b"No " });
            nd.s(b"Reconnect, ");
            nd.s(if f & 0x8 != 0 { b"" } else { b"Don't " });
            nd.s(b"Save State, ");
            nd.s(if f & 0x4 != 0 { b"" } else { b"No " });
            nd.s(b"All-Label Protection, ");
            nd.s(if f & 0x2 != 0 {
                b"Sequence Numbered Label"
            } else {
                b"All Labels"
            });
            nd.s(b" Checkpoint, ");
            nd.s(if f & 0x1 != 0 { b"" } else { b"Don't " });
            nd.s(b"Re-Learn State]");
            let rt = nd.be4(t + 4)?;
            if rt != 0 {
                nd.s(b", Reconnect Timeout: ");
                nd.u(rt as u64);
                nd.s(b"ms");
            }
            let rec = nd.be4(t + 8)?;
            if rec != 0 {
                nd.s(b", Recovery Time: ");
                nd.u(rec as u64);
                nd.s(b"ms");
            }
        }
        0x0601 => {
            check!(2);
            let mtu = nd.be2(t)?;
            nd.s(b"\n\t      MTU: ");
            nd.u(mtu as u64);
        }
        _ => {
            if nd.vflag <= 1 {
                nd.unknown_data(t, b"\n\t      ", tlv_tlen)?;
            }
        }
    }
    Ok(done)
}

/// The Martini VC FEC element (RFC 4906) and its interface parameters.
fn martini(nd: &mut Nd, mut t: usize, mut tlv_tlen: usize) -> R {
    if !tlv_check(nd, tlv_tlen, 7) {
        return Ok(());
    }
    let mut vc_info_len = nd.u1(t + 2)? as usize;
    // RFC 4908: no VC id (nor parameters) when the VC info length is zero.
    if vc_info_len != 0 && !tlv_check(nd, tlv_tlen, 11) {
        return Ok(());
    }
    let w = nd.be2(t)?;
    let group = nd.be4(t + 3)?;
    let vc_id = if vc_info_len != 0 {
        Some(nd.be4(t + 7)?)
    } else {
        None
    };
    nd.s(b": ");
    tok::tok2str(nd, tok::MPLS_PW_TYPES, "Unknown", (w & 0x7fff) as u32);
    nd.s(b", ");
    if w & 0x8000 == 0 {
        nd.s(b"no ");
    }
    nd.s(b"control word, group-ID ");
    nd.u(group as u64);
    if let Some(id) = vc_id {
        nd.s(b", VC-ID ");
        nd.u(id as u64);
    }
    nd.s(b", VC-info-length: ");
    nd.u(vc_info_len as u64);
    if vc_id.is_none() {
        return Ok(());
    }
    if vc_info_len < 4 {
        // tcpdump leaves the parenthesis open.
        nd.s(b" (invalid, < 4");
        return Ok(());
    }
    vc_info_len -= 4;
    t += 11;
    tlv_tlen -= 11;
    if !tlv_check(nd, tlv_tlen, vc_info_len) {
        return Ok(());
    }
    while vc_info_len > 2 {
        let (typ, len) = (nd.u1(t)?, nd.u1(t + 1)? as usize);
        if len < 2 || vc_info_len < len {
            break;
        }
        nd.s(b"\n\t\tInterface Parameter: ");
        tok::tok2str(nd, IFPARM, "Unknown", typ as u32);
        nd.s(b" (0x");
        nd.x0(typ as u64, 2);
        nd.s(b"), len ");
        nd.u(len as u64);
        match typ {
            0x01 => {
                let mtu = nd.be2(t + 2)?;
                nd.s(b": ");
                nd.u(mtu as u64);
            }
            0x03 => {
                nd.s(b": ");
                for i in 2..len {
                    let c = nd.u1(t + i)?;
                    nd.print_char(c);
                }
            }
            0x0c => {
                let cc = nd.u1(t + 2)?;
                nd.s(b"\n\t\t  Control Channels (0x");
                nd.x0(cc as u64, 2);
                nd.s(b") = [");
                tok::bittok2str(nd, VCCV_CC, "none", cc as u32);
                let cv = nd.u1(t + 3)?;
                nd.s(b"]\n\t\t  CV Types (0x");
                nd.x0(cv as u64, 2);
                nd.s(b") = [");
                tok::bittok2str(nd, VCCV_CV, "none", cv as u32);
                nd.s(b"]");
            }
            _ => nd.unknown_data(t + 2, b"\n\t\t  ", len - 2)?,
        }
        vc_info_len -= len;
        t += len;
    }
    Ok(())
}

/// `ldp_pdu_print`: the PDU's length with its first 4 bytes (0: stop).
fn pdu_print(nd: &mut Nd, pptr: usize) -> R<usize> {
    if !nd.ttest(pptr, COMMON_LEN) {
        return Err(Trunc);
    }
    let nl: &[u8] = if nd.vflag < 1 { b"" } else { b"\n\t" };
    let version = nd.be2(pptr)?;
    if version != 1 {
        nd.s(nl);
        nd.s(b"LDP version ");
        nd.u(version as u64);
        nd.s(b" packet not supported");
        return Ok(0);
    }
    let pdu_len = nd.be2(pptr + 2)? as usize;
    if pdu_len < COMMON_LEN - 4 {
        nd.s(nl);
        nd.s(b"LDP, pdu-length: ");
        nd.u(pdu_len as u64);
        nd.s(b" (too short, < 6)");
        return Ok(0);
    }
    let label_space = nd.be2(pptr + 8)?;
    nd.need(pptr + 4, 4)?;
    nd.s(nl);
    nd.s(b"LDP, Label-Space-ID: ");
    nd.ip4(pptr + 4)?;
    nd.s(b":");
    nd.u(label_space as u64);
    nd.s(b", pdu-length: ");
    nd.u(pdu_len as u64);
    if nd.vflag < 1 {
        return Ok(0);
    }
    let mut tptr = pptr + COMMON_LEN;
    // C's u_short: a message longer than the PDU wraps it, and the loop reads on.
    let mut tlen = (pdu_len - (COMMON_LEN - 4)) as u16;
    while tlen > 0 {
        if !nd.ttest(tptr, MSG_LEN) {
            return Err(Trunc);
        }
        let msg_len = nd.be2(tptr + 2)? as usize;
        let raw = nd.be2(tptr)?;
        let msg_type = raw & 0x7fff;
        nd.s(b"\n\t  ");
        tok::tok2str(nd, MSG, "Unknown", msg_type as u32);
        nd.s(b" Message (0x");
        nd.x0(msg_type as u64, 4);
        nd.s(b"), length: ");
        nd.u(msg_len as u64);
        if msg_len < MSG_LEN - 4 {
            nd.s(b" (too short, < 4)");
            return Ok(0);
        }
        let id = nd.be4(tptr + 4)?;
        nd.s(b", Message ID: 0x");
        nd.x0(id as u64, 8);
        nd.s(b", Flags: [");
        nd.s(if raw & 0x8000 != 0 {
            b"continue processing"
        } else {
            b"ignore"
        });
        nd.s(b" if unknown]");
        let mut msg_tptr = tptr + MSG_LEN;
        let mut msg_tlen = msg_len - (MSG_LEN - 4);
        if !nd.ttest(tptr, msg_len) {
            return Err(Trunc);
        }
        match msg_type {
            0x0001 | 0x0100 | 0x0200 | 0x0201 | 0x0300 | 0x0400 | 0x0301 | 0x0402 => {
                while msg_tlen >= 4 {
                    let n = tlv_print(nd, msg_tptr, msg_tlen)?;
                    if n == 0 {
                        break;
                    }
                    msg_tlen -= n;
                    msg_tptr += n;
                }
            }
            _ => {
                if nd.vflag <= 1 {
                    nd.unknown_data(msg_tptr, b"\n\t  ", msg_tlen)?;
                }
            }
        }
        if nd.vflag > 1 {
            nd.unknown_data(tptr + MSG_LEN, b"\n\t  ", msg_len)?;
        }
        tptr += msg_len + 4;
        tlen = tlen.wrapping_sub((msg_len + 4) as u16);
    }
    Ok(pdu_len + 4)
}

/// `ldp_print`: the PDUs of a datagram or segment.
pub(crate) fn ldp_print(nd: &mut Nd, mut pptr: usize, mut len: usize) -> R {
    nd.proto = "ldp";
    while len > COMMON_LEN + MSG_LEN {
        let processed = pdu_print(nd, pptr)?;
        if processed == 0 {
            return Ok(());
        }
        if len < processed {
            nd.s(b" [remaining length ");
            nd.u(len as u64);
            nd.s(b" < ");
            nd.u(processed as u64);
            nd.s(b"]");
            nd.invalid();
            break;
        }
        len -= processed;
        pptr += processed;
    }
    Ok(())
}
