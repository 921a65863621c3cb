//! RPKI-Router PDUs (tcpdump's print-rpki-rtr.c, RFC 6810), TCP port 323: ", RPKI-RTR" at
//! default verbosity; with -v each PDU (serial notify/query, prefixes, end of data, error
//! reports with the PDU they carry), with -vv a hex dump of each.

use super::nd::{Nd, R};
use super::tok::{self, Tok};

/// The common PDU header: version, type, session id or error code, length.
const HDR: usize = 8;

const PDU_VALUES: Tok = &[
    (0, "Serial Notify"),
    (1, "Serial Query"),
    (2, "Reset Query"),
    (3, "Cache Response"),
    (4, "IPV4 Prefix"),
    (6, "IPV6 Prefix"),
    (7, "End of Data"),
    (8, "Cache Reset"),
    (10, "Error Report"),
];

const ERROR_CODES: Tok = &[
    (0, "Corrupt Data"),
    (1, "Internal Error"),
    (2, "No Data Available"),
    (3, "Invalid Request"),
    (4, "Unsupported Protocol Version"),
    (5, "Unsupported PDU Type"),
    (6, "Withdrawal of Unknown Record"),
    (7, "Duplicate Announcement Received"),
];

/// `indent_string`: a newline, a tab per 8 columns, then spaces.
fn indent(nd: &mut Nd, n: usize) {
    nd.s(b"\n");
    for _ in 0..n / 8 {
        nd.s(b"\t");
    }
    for _ in 0..n % 8 {
        nd.s(b" ");
    }
}

/// `rpki_rtr_pdu_print`: one PDU of at most `len` bytes; the bytes it took.
fn pdu_print(nd: &mut Nd, tptr: usize, len: usize, recurse: bool, ind: usize) -> R<usize> {
    let version = nd.u1(tptr)?;
    if version != 0 {
        // No way to know how long a PDU of another version is: the rest is skipped.
        indent(nd, 8);
        nd.s(b"RPKI-RTRv");
        nd.u(version as u64);
        nd.s(b" (unknown)");
        return Ok(len);
    }
    if len < HDR {
        nd.s(b"(");
        nd.u(len as u64);
        nd.s(b" bytes is too few to decode)");
        return invalid(nd, tptr, len);
    }
    nd.need(tptr, HDR)?;
    let pdu_type = nd.u1(tptr + 1)?;
    let pdu_len = nd.be4(tptr + 4)? as usize;
    indent(nd, 8);
    nd.s(b"RPKI-RTRv");
    nd.u(version as u64);
    nd.s(b", ");
    tok::tok2str(nd, PDU_VALUES, "Unknown", pdu_type as u32);
    nd.s(b" PDU (");
    nd.u(pdu_type as u64);
    nd.s(b"), length: ");
    nd.u(pdu_len as u64);
    if pdu_len < HDR || pdu_len > len {
        return invalid(nd, tptr, len);
    }
    let mut hexdump = false;
    match pdu_type {
        0 | 1 | 7 => {
            if pdu_len != HDR + 4 {
                return invalid(nd, tptr, len);
            }
            let (session, serial) = (nd.be2(tptr + 2)?, nd.be4(tptr + HDR)?);
            indent(nd, ind + 2);
            nd.s(b"Session ID: 0x");
            nd.x0(session as u64, 4);
            nd.s(b", Serial: ");
            nd.u(serial as u64);
        }
        2 | 8 => {
            if pdu_len != HDR {
                return invalid(nd, tptr, len);
            }
        }
        3 => {
            if pdu_len != HDR {
                return invalid(nd, tptr, len);
            }
            let session = nd.be2(tptr + 2)?;
            indent(nd, ind + 2);
            nd.s(b"Session ID: 0x");
            nd.x0(session as u64, 4);
        }
        4 | 6 => {
            let alen = if pdu_type == 4 { 4 } else { 16 };
            if pdu_len != HDR + 8 + alen {
                return invalid(nd, tptr, len);
            }
            // The arguments are all read before anything is printed.
            let pfx = tptr + HDR + 4;
            nd.need(pfx, alen)?;
            let (plen, maxlen) = (nd.u1(tptr + HDR + 1)?, nd.u1(tptr + HDR + 2)?);
            let (asn, flags) = (nd.be4(pfx + alen)?, nd.u1(tptr + HDR)?);
            indent(nd, ind + 2);
            if alen == 4 {
                nd.s(b"IPv4 Prefix ");
                nd.ip4(pfx)?;
            } else {
                nd.s(b"IPv6 Prefix ");
                nd.ip6(pfx)?;
            }
            nd.s(b"/");
            nd.u(plen as u64);
            nd.s(b"-");
            nd.u(maxlen as u64);
            nd.s(b", origin-as ");
            nd.u(asn as u64);
            nd.s(b", flags 0x");
            nd.x0(flags as u64, 2);
        }
        10 => {
            let mut tlen = HDR;
            if pdu_len < tlen + 4 {
                return invalid(nd, tptr, len);
            }
            nd.need(tptr, tlen + 4)?;
            let encapsulated = nd.be4(tptr + HDR)? as usize;
            tlen += 4;
            let error_code = nd.be2(tptr + 2)?;
            indent(nd, ind + 2);
            nd.s(b"Error code: ");
            tok::tok2str(nd, ERROR_CODES, "Unknown", error_code as u32);
            nd.s(b" (");
            nd.u(error_code as u64);
            nd.s(b"), Encapsulated PDU length: ");
            nd.u(encapsulated as u64);
            if encapsulated != 0 {
                // Only the two outermost layers are decoded, each checked on its own.
                if pdu_len < tlen + encapsulated {
                    return invalid(nd, tptr, len);
                }
                if !recurse {
                    nd.need(tptr, tlen + encapsulated)?;
                } else {
                    indent(nd, ind + 4);
                    nd.s(b"-----encapsulated PDU-----");
                    pdu_print(nd, tptr + tlen, encapsulated, false, ind + 2)?;
                }
                tlen += encapsulated;
            }
            if pdu_len < tlen + 4 {
                return invalid(nd, tptr, len);
            }
            nd.need(tptr, tlen + 4)?;
            let text_length = nd.be4(tptr + tlen)? as usize;
            tlen += 4;
            if text_length != 0 {
                if pdu_len < tlen + text_length {
                    return invalid(nd, tptr, len);
                }
                indent(nd, ind + 2);
                nd.s(b"Error text: ");
                nd.printn(tptr + tlen, text_length, None)?;
            }
        }
        _ => {
            nd.need(tptr, pdu_len)?;
            hexdump = true;
        }
    }
    if nd.vflag > 1 || (nd.vflag > 0 && hexdump) {
        nd.unknown_data(tptr, b"\n\t  ", pdu_len)?;
    }
    Ok(pdu_len)
}

/// `goto invalid`: " (invalid)", and the rest of the PDU must have been captured.
fn invalid(nd: &mut Nd, tptr: usize, len: usize) -> R<usize> {
    nd.invalid();
    nd.need(tptr, len)?;
    Ok(len)
}

/// `rpki_rtr_print`.
pub(crate) fn rpki_rtr_print(nd: &mut Nd, mut pptr: usize, mut len: usize) -> R {
    nd.proto = "rpki_rtr";
    if nd.vflag == 0 {
        nd.s(b", RPKI-RTR");
        return Ok(());
    }
    while len > 0 {
        let pdu_len = pdu_print(nd, pptr, len, true, 8)?;
        len -= pdu_len;
        pptr += pdu_len;
    }
    Ok(())
}
