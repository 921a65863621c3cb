//! MSDP (tcpdump's print-msdp.c, RFC 3618), TCP port 639: the TLVs of a segment by type
//! (Source-Active with its entry count, SA-Request, Keepalive, Notification); with -v each
//! TLV's length, with -vv the multicast data packet a Source-Active carries.

use super::ip;
use super::nd::{Nd, R};

/// The highest type that makes the segment look like the start of an MSDP message.
const MSDP_TYPE_MAX: u8 = 7;

/// `msdp_print`.
pub(crate) fn msdp_print(nd: &mut Nd, mut sp: usize, mut length: usize) -> R {
    nd.proto = "msdp";
    nd.s(b": msdp");
    // Not the start of a message: "truncated", as tcpdump puts it.
    let typ = nd.u1(sp)?;
    let len = nd.be2(sp + 1)? as usize;
    if !(3..=1500).contains(&len) || typ == 0 || typ > MSDP_TYPE_MAX {
        return Err(nd.local_trunc());
    }
    while length != 0 {
        let typ = nd.u1(sp)?;
        let len = nd.be2(sp + 1)? as usize;
        if len > 1400 || nd.vflag > 0 {
            nd.s(b" [len ");
            nd.u(len as u64);
            nd.s(b"]");
        }
        if len < 3 || length < len {
            return Err(nd.local_trunc());
        }
        sp += 3;
        length -= 3;
        match typ {
            1 | 3 => {
                nd.s(if typ == 1 { b" SA" } else { b" SA-Response" });
                let entries = nd.u1(sp)? as usize;
                nd.s(b" ");
                nd.u(entries as u64);
                nd.s(b" entries");
                if entries * 12 + 8 < len {
                    nd.s(b" [w/data]");
                    if nd.vflag > 1 {
                        nd.s(b" ");
                        ip::ip_print(nd, sp + entries * 12 + 8 - 3, len - (entries * 12 + 8))?;
                    }
                }
            }
            2 => {
                nd.s(b" SA-Request");
                nd.need(sp + 1, 4)?;
                nd.s(b" for ");
                nd.ip4(sp + 1)?;
            }
            4 => {
                nd.s(b" Keepalive");
                if len != 3 {
                    nd.s(b"[len=");
                    nd.u(len as u64);
                    nd.s(b"] ");
                }
            }
            5 => nd.s(b" Notification"),
            _ => {
                nd.s(b" [type=");
                nd.u(typ as u64);
                nd.s(b" len=");
                nd.u(len as u64);
                nd.s(b"]");
            }
        }
        sp += len - 3;
        length -= len - 3;
    }
    Ok(())
}
