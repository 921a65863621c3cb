//! Kerberos (tcpdump's print-krb.c), UDP 88 and 750. tcpdump 4.99 decodes Kerberos 4 only
//! (byte order, message type, principal names); of Kerberos 5 it recognises AS-REQ and
//! AS-REP by their first byte (" v5") and prints nothing for the other messages.

use super::nd::{Nd, R};

fn type_name(nd: &mut Nd, t: u8) {
    let name: &[u8] = match t {
        2 => b"KDC_REQUEST",
        4 => b"KDC_REPLY",
        6 => b"APPL_REQUEST",
        8 => b"APPL_REQUEST_MUTUAL",
        10 => b"ERR_REPLY",
        12 => b"PRIVATE",
        14 => b"SAFE",
        16 => b"APPL_ERR",
        126 => b"DIE",
        _ => {
            nd.s(b"#");
            nd.u(t as u64);
            return;
        }
    };
    nd.s(name);
}

fn error_name(nd: &mut Nd, e: u16) {
    const NAMES: [&str; 11] = [
        "OK",
        "NAME_EXP",
        "SERVICE_EXP",
        "AUTH_EXP",
        "PKT_VER",
        "NAME_MAST_KEY_VER",
        "SERV_MAST_KEY_VER",
        "BYTE_ORDER",
        "PRINCIPAL_UNKNOWN",
        "PRINCIPAL_NOT_UNIQUE",
        "NULL_KEY",
    ];
    match NAMES.get(e as usize) {
        Some(n) => nd.st(n),
        None => {
            nd.s(b"#");
            nd.u(e as u64);
        }
    }
}

/// `krb_print`.
pub(crate) fn krb_print(nd: &mut Nd, dat: usize) -> R {
    nd.proto = "krb";
    if dat >= nd.snapend {
        nd.trunc();
        return Ok(());
    }
    let pvno = nd.u1(dat)?;
    match pvno {
        1..=3 => {
            nd.s(b" v");
            nd.u(pvno as u64);
        }
        4 => {
            nd.s(b" v4");
            krb4_print(nd, dat)?;
        }
        106 | 107 => nd.s(b" v5"),
        _ => {}
    }
    Ok(())
}

/// `c_print`: a NUL-terminated string up to the end of the capture; the position after its
/// NUL, or None (the caller's ` [|krb]`) when the capture ends first.
fn c_print(nd: &mut Nd, mut s: usize) -> R<Option<usize>> {
    while s < nd.snapend {
        let c = nd.u1(s)?;
        s += 1;
        if c == 0 {
            return Ok(Some(s));
        }
        nd.print_char(c);
    }
    Ok(None)
}

/// `krb4_print_hdr`: "name.instance@realm" after the two header bytes.
fn krb4_print_hdr(nd: &mut Nd, cp: usize) -> R<Option<usize>> {
    let mut cp = cp + 2;
    for sep in [&b"."[..], b"@", b""] {
        match c_print(nd, cp)? {
            Some(next) => cp = next,
            None => return Ok(None),
        }
        nd.s(sep);
    }
    Ok(Some(cp))
}

/// `krb4_print`.
fn krb4_print(nd: &mut Nd, kp: usize) -> R {
    let tb = nd.u1(kp + 1)?;
    let le = tb & 1 != 0;
    let typ = tb & 0xfe;
    nd.s(if le { b" le " } else { b" be " });
    type_name(nd, typ);
    nd.s(b": ");
    let ktohs = |nd: &Nd, at: usize| -> R<u16> {
        if le {
            Ok(u16::from_le_bytes([nd.u1(at)?, nd.u1(at + 1)?]))
        } else {
            nd.be2(at)
        }
    };
    // C's PRINT: a string, or ` [|krb]` and the end of the message.
    macro_rules! string {
        ($cp:expr) => {
            match c_print(nd, $cp)? {
                Some(next) => next,
                None => {
                    nd.trunc();
                    return Ok(());
                }
            }
        };
    }
    match typ {
        2 => {
            let Some(cp) = krb4_print_hdr(nd, kp)? else {
                nd.trunc();
                return Ok(());
            };
            let cp = cp + 4;
            let life = nd.u1(cp)? as u64 * 5;
            nd.s(b" ");
            nd.u(life);
            nd.s(b"min ");
            let cp = string!(cp + 1);
            nd.s(b".");
            string!(cp);
        }
        6 => {
            let v = nd.u1(kp + 2)?;
            nd.s(b"v");
            nd.u(v as u64);
            nd.s(b" ");
            let cp = string!(kp + 3);
            let a = nd.u1(cp)?;
            nd.s(b" (");
            nd.u(a as u64);
            nd.s(b")");
            let b = nd.u1(cp + 1)?;
            nd.s(b" (");
            nd.u(b as u64);
            nd.s(b")");
        }
        4 => {
            let Some(cp) = krb4_print_hdr(nd, kp)? else {
                nd.trunc();
                return Ok(());
            };
            let len = ktohs(nd, cp + 10)?;
            nd.s(b" (");
            nd.u(len as u64);
            nd.s(b")");
        }
        10 => {
            let Some(cp) = krb4_print_hdr(nd, kp)? else {
                nd.trunc();
                return Ok(());
            };
            let e = ktohs(nd, cp + 4)?;
            nd.s(b" ");
            error_name(nd, e);
            nd.s(b" ");
            string!(cp + 8);
        }
        _ => nd.s(b"(unknown)"),
    }
    Ok(())
}
