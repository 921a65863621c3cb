//! LISP control messages (tcpdump's print-lisp.c), UDP 4342: the message type, and for
//! Map-Register and Map-Notify the records: EID prefixes, locators, and with -v TTLs,
//! actions, versions, priorities, weights, flags, the authentication data and the xTR and
//! site ids.

use super::nd::{Nd, R};
use super::tok::{self, Tok};

const MAP_REGISTER: u8 = 3;
const MAP_NOTIFY: u8 = 4;
/// `sizeof(lisp_map_register_hdr)`, `_eid`, `_loc`.
const HDR_LEN: usize = 16;
const EID_LEN: usize = 12;
const LOC_LEN: usize = 8;

/// `lisp_type`.
const TYPE: Tok = &[
    (0, "LISP-Reserved"),
    (1, "LISP-Map-Request"),
    (2, "LISP-Map-Reply"),
    (3, "LISP-Map-Register"),
    (4, "LISP-Map-Notify"),
    (8, "LISP-Encapsulated-Contol-Message"),
];

/// `map_register_hdr_flag`.
const REGISTER_FLAGS: Tok = &[
    (0x08000000, "P-Proxy-Map-Reply"),
    (0x04000000, "S-LISP-SEC-Capable"),
    (0x02000000, "I-xTR-ID-Present"),
    (0x01000000, "R-Build-For-RTR"),
    (0x00000100, "M-Want-Map-Notify"),
];

/// `map_notify_hdr_flag`.
const NOTIFY_FLAGS: Tok = &[
    (0x08000000, "I-xTR-ID-Present"),
    (0x04000000, "R-Build-For-RTR"),
];

/// `auth_type`.
const AUTH_TYPE: Tok = &[(0, "None"), (1, "SHA1"), (2, "SHA256")];

/// `lisp_eid_action`.
const EID_ACTION: Tok = &[
    (0, "No-Action"),
    (1, "Natively-Forward"),
    (2, "Send-Map-Request"),
    (3, "Drop"),
];

/// `lisp_loc_flag`.
const LOC_FLAGS: Tok = &[
    (0x0004, "Local-Locator"),
    (0x0002, "RLoc-Probed"),
    (0x0001, "Reachable"),
];

/// An address of LISP's AFI 1 (IPv4) or 2 (IPv6); None for the others.
fn afi_len(afi: u16) -> Option<usize> {
    match afi {
        1 => Some(4),
        2 => Some(16),
        _ => None,
    }
}

fn addr(nd: &mut Nd, at: usize, len: usize) -> R {
    if len == 4 {
        nd.ip4(at)
    } else {
        nd.ip6(at)
    }
}

/// `lisp_print`.
pub(crate) fn lisp_print(nd: &mut Nd, bp: usize, length: usize) -> R {
    nd.proto = "lisp";
    if !nd.ttest(bp, HDR_LEN) {
        nd.trunc();
        return Ok(());
    }
    let type_and_flag = nd.u1(bp)?;
    let typ = type_and_flag >> 4;
    match tok::name(TYPE, typ as u32) {
        Some(n) => nd.st(n),
        None => {
            nd.s(b"unknown-type-");
            nd.u(typ as u64);
        }
    }
    nd.s(b",");
    if nd.vflag > 0 && (typ == MAP_REGISTER || typ == MAP_NOTIFY) {
        let t = if typ == MAP_REGISTER {
            REGISTER_FLAGS
        } else {
            NOTIFY_FLAGS
        };
        let v = nd.be4(bp)?;
        nd.s(b" flags [");
        tok::bittok2str(nd, t, "none", v);
        nd.s(b"],");
    }
    if typ != MAP_REGISTER && typ != MAP_NOTIFY {
        return Ok(());
    }
    let xtr_present = type_and_flag & if typ == MAP_REGISTER { 2 } else { 8 } != 0;
    let auth_data_len = nd.be2(bp + 14)? as usize;
    let mut off = HDR_LEN;
    let mut record_count = nd.u1(bp + 3)?;
    if nd.vflag > 0 {
        let key_id = nd.be2(bp + 12)?;
        nd.s(b"\n    ");
        nd.u(record_count as u64);
        nd.s(b" record(s), Authentication ");
        tok::tok2str(nd, AUTH_TYPE, "unknown-type", key_id as u32);
        nd.s(b",");
        nd.hex_print(b"\n    Authentication-Data: ", bp + off, auth_data_len)?;
    } else {
        nd.s(b" ");
        nd.u(record_count as u64);
        nd.s(b" record(s),");
    }
    // C keeps the offset in 16 bits.
    off = (off + auth_data_len) & 0xffff;
    if record_count == 0 {
        nd.invalid();
        return Ok(());
    }
    while length > off && record_count != 0 {
        record_count -= 1;
        if !nd.ttest(bp + off, EID_LEN) {
            nd.trunc();
            return Ok(());
        }
        nd.s(b"\n");
        let eid = bp + off;
        off += EID_LEN;
        let mask_len = nd.u1(eid + 5)?;
        let eid_afi = nd.be2(eid + 10)?;
        let mut loc_count = nd.u1(eid + 4)?;
        if nd.vflag > 0 {
            let ttl = nd.be4(eid)?;
            nd.s(b"      Record TTL ");
            nd.u(ttl as u64);
            nd.s(b",");
            let aair = nd.u1(eid + 6)?;
            nd.s(if (aair >> 4) & 1 != 0 {
                b" Authoritative,"
            } else {
                b" Non-Authoritative,"
            });
            nd.s(b" ");
            tok::tok2str(nd, EID_ACTION, "unknown", (aair >> 5) as u32);
            nd.s(b",");
            let version = nd.be2(eid + 8)? & 0x0fff;
            nd.s(b" Map Version: ");
            nd.u(version as u64);
            nd.s(b",");
        }
        // No LCAF (or any other family) support, as in C.
        let Some(alen) = afi_len(eid_afi) else {
            return Ok(());
        };
        nd.need(bp + off, alen)?;
        nd.s(b" EID ");
        addr(nd, bp + off, alen)?;
        nd.s(b"/");
        nd.u(mask_len as u64);
        nd.s(b",");
        off += alen;
        nd.s(b" ");
        nd.u(loc_count as u64);
        nd.s(b" locator(s)");
        while loc_count != 0 {
            loc_count -= 1;
            if !nd.ttest(bp + off, LOC_LEN) {
                nd.trunc();
                return Ok(());
            }
            let loc = bp + off;
            off += LOC_LEN;
            let loc_afi = nd.be2(loc + 6)?;
            if nd.vflag > 0 {
                nd.s(b"\n       ");
            }
            if let Some(alen) = afi_len(loc_afi) {
                if !nd.ttest(bp + off, alen) {
                    nd.trunc();
                    return Ok(());
                }
                nd.s(b" LOC ");
                addr(nd, loc + LOC_LEN, alen)?;
                off += alen;
            }
            if nd.vflag > 0 {
                let (p, w, mp, mw) = (
                    nd.u1(loc)?,
                    nd.u1(loc + 1)?,
                    nd.u1(loc + 2)?,
                    nd.u1(loc + 3)?,
                );
                nd.s(b"\n          Priority/Weight ");
                nd.u(p as u64);
                nd.s(b"/");
                nd.u(w as u64);
                nd.s(b", Multicast Priority/Weight ");
                nd.u(mp as u64);
                nd.s(b"/");
                nd.u(mw as u64);
                nd.s(b",");
                let flags = nd.be2(loc + 4)?;
                nd.s(b" flags [");
                tok::bittok2str(nd, LOC_FLAGS, "none", flags as u32);
                nd.s(b"],");
            }
        }
        off &= 0xffff;
    }
    if xtr_present {
        if !nd.ttest(bp + off, 24) {
            nd.invalid();
            return Ok(());
        }
        nd.hex_print(b"\n    xTR-ID: ", bp + off, 16)?;
        let site = (nd.be4(bp + off + 16)? as u64) << 32 | nd.be4(bp + off + 20)? as u64;
        nd.s(b"\n    SITE-ID: ");
        nd.u(site);
    } else if bp + off < nd.snapend {
        let n = nd.avail(bp + off);
        nd.hex_print(b"\n    Data: ", bp + off, n)?;
    }
    Ok(())
}
