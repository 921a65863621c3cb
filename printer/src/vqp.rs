//! Cisco VLAN Query Protocol (tcpdump's print-vqp.c), UDP 1589: message type and error code,
//! and with -v the sequence and each object (client address, port, VLAN and VTP domain
//! names, MAC addresses, others in hex).

use super::nd::{Nd, Trunc, R};
use super::tok::{self, Tok};

const HDR_LEN: usize = 8;
const TLV_LEN: usize = 6;

/// `vqp_msg_type_values`.
const MSG_TYPE: Tok = &[
    (0x01, "Request, Join Port"),
    (0x02, "Response, VLAN"),
    (0x03, "Request, Reconfirm"),
    (0x04, "Response, Reconfirm"),
];

/// `vqp_error_code_values`.
const ERROR_CODE: Tok = &[
    (0x00, "No error"),
    (0x03, "Access denied"),
    (0x04, "Shutdown port"),
    (0x05, "Wrong VTP domain"),
];

/// `vqp_obj_values`.
const OBJ: Tok = &[
    (0x0c01, "Client IP Address"),
    (0x0c02, "Port Name"),
    (0x0c03, "VLAN Name"),
    (0x0c04, "VTP Domain"),
    (0x0c05, "Ethernet Packet"),
    (0x0c06, "MAC Null"),
    (0x0c08, "MAC Address"),
];

/// The message type, its error code by name and number (both lines have them).
fn msg_and_error(nd: &mut Nd, bp: usize) -> R {
    let (msg, err) = (nd.u1(bp + 1)?, nd.u1(bp + 2)?);
    match tok::name(MSG_TYPE, msg as u32) {
        Some(n) => nd.st(n),
        None => {
            nd.s(b"unknown (");
            nd.u(msg as u64);
            nd.s(b")");
        }
    }
    nd.s(b" Message, error-code ");
    tok::tok2str(nd, ERROR_CODE, "unknown", err as u32);
    nd.s(b" (");
    nd.u(err as u64);
    nd.s(b")");
    Ok(())
}

/// `vqp_print`.
pub(crate) fn vqp_print(nd: &mut Nd, bp: usize, len: usize) -> R {
    nd.proto = "vqp";
    if !nd.ttest(bp, HDR_LEN) {
        return Err(Trunc);
    }
    if len < HDR_LEN {
        nd.invalid();
        return Ok(());
    }
    let version = nd.u1(bp)?;
    if version != 1 {
        nd.s(b"VQP version ");
        nd.u(version as u64);
        nd.s(b" packet not supported");
        return Ok(());
    }
    if nd.vflag == 0 {
        nd.s(b"VQPv1 ");
        msg_and_error(nd, bp)?;
        nd.s(b", length ");
        nd.u(len as u64);
        return Ok(());
    }
    let mut nitems = nd.u1(bp + 3)?;
    nd.s(b"\n\tVQPv1, ");
    msg_and_error(nd, bp)?;
    let seq = nd.be4(bp + 4)?;
    nd.s(b", seq 0x");
    nd.x0(seq as u64, 8);
    nd.s(b", items ");
    nd.u(nitems as u64);
    nd.s(b", length ");
    nd.u(len as u64);
    let (mut tptr, mut tlen) = (bp + HDR_LEN, len - HDR_LEN);
    while nitems != 0 && tlen != 0 {
        if !nd.ttest(tptr, TLV_LEN) {
            return Err(Trunc);
        }
        if tlen < TLV_LEN {
            nd.invalid();
            return Ok(());
        }
        let obj_type = nd.be4(tptr)?;
        let obj_len = nd.be2(tptr + 4)? as usize;
        tptr += TLV_LEN;
        tlen -= TLV_LEN;
        nd.s(b"\n\t  ");
        tok::tok2str(nd, OBJ, "Unknown", obj_type);
        nd.s(b" Object (0x");
        nd.x0(obj_type as u64, 8);
        nd.s(b"), length ");
        nd.u(obj_len as u64);
        nd.s(b", value: ");
        if obj_type == 0 || obj_len == 0 {
            return Ok(());
        }
        if !nd.ttest(tptr, obj_len) {
            return Err(Trunc);
        }
        if obj_len > tlen {
            nd.invalid();
            return Ok(());
        }
        match obj_type {
            0x0c01 => {
                if obj_len != 4 {
                    nd.invalid();
                    return Ok(());
                }
                nd.ip4(tptr)?;
                let v = nd.be4(tptr)?;
                nd.s(b" (0x");
                nd.x0(v as u64, 8);
                nd.s(b")");
            }
            0x0c02..=0x0c05 => nd.printjnp(tptr, obj_len)?,
            0x0c06 | 0x0c08 => {
                if obj_len != 6 {
                    nd.invalid();
                    return Ok(());
                }
                nd.mac(tptr)?;
            }
            _ => {
                if nd.vflag <= 1 {
                    nd.unknown_data(tptr, b"\n\t    ", obj_len)?;
                }
            }
        }
        tptr += obj_len;
        tlen -= obj_len;
        nitems -= 1;
    }
    Ok(())
}
