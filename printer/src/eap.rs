//! EAP requests and responses (tcpdump's print-eap.c `eap_print`), as RADIUS carries them in
//! its EAP-Message attribute: code, id, length and the request/response type with the few
//! fields tcpdump shows for it; and the 802.1X frames that carry EAP on a LAN (`eapol_print`,
//! ethertype 0x888e).

use super::nd::{Nd, R};
use super::tok::{tok2str, Tok};

fn code_name(c: u8) -> &'static str {
    match c {
        1 => "Request",
        2 => "Response",
        3 => "Success",
        4 => "Failure",
        _ => "unknown",
    }
}

fn type_name(t: u8) -> &'static str {
    match t {
        0 => "No proposed",
        1 => "Identity",
        2 => "Notification",
        3 => "Nak",
        4 => "MD5-challenge",
        5 => "OTP",
        6 => "GTC",
        13 => "TLS",
        18 => "SIM",
        21 => "TTLS",
        23 => "AKA",
        43 => "FAST",
        254 => "Expanded types",
        255 => "Experimental",
        _ => "unknown",
    }
}

fn aka_subtype_name(t: u8) -> &'static str {
    match t {
        1 => "Challenge",
        2 => "Auth reject",
        4 => "Sync failure",
        5 => "Identity",
        10 => "Start",
        11 => "Challenge",
        12 => "Notification",
        13 => "Reauth",
        14 => "Client error",
        _ => "unknown",
    }
}

/// `bittok2str(eap_tls_flags_values, "none", flags)`.
fn tls_flags(nd: &mut Nd, flags: u8) {
    let mut sep: &[u8] = b"";
    let mut any = false;
    for (bit, name) in [
        (0x80u8, &b"L bit"[..]),
        (0x40, b"More fragments bit"),
        (0x20, b"Start bit"),
    ] {
        if flags & bit != 0 {
            nd.s(sep);
            nd.s(name);
            sep = b", ";
            any = true;
        }
    }
    if !any {
        nd.s(b"none");
    }
}

/// `eap_print`: one EAP packet of `length` bytes at `cp`. A packet whose own length is not
/// `length` is a fragment; a body past the capture is ` [|proto]` (the caller's protocol).
pub(crate) fn eap_print(nd: &mut Nd, cp: usize, length: usize) -> R {
    let typ = nd.u1(cp)?;
    let len = nd.be2(cp + 2)? as usize;
    if len != length {
        nd.s(b"EAP fragment?");
        return Ok(());
    }
    let id = nd.u1(cp + 1)?;
    nd.st(code_name(typ));
    nd.s(b" (");
    nd.u(typ as u64);
    nd.s(b"), id ");
    nd.u(id as u64);
    nd.s(b", len ");
    nd.u(len as u64);
    if len < 4 {
        nd.s(b" (too short for EAP header)");
        return Ok(());
    }
    if !nd.ttest(cp, len) {
        nd.trunc();
        return Ok(());
    }
    if typ != 1 && typ != 2 {
        return Ok(());
    }
    if len < 5 {
        nd.s(b" (too short for EAP request/response)");
        return Ok(());
    }
    let subtype = nd.u1(cp + 4)?;
    nd.s(b"\n\t\t Type ");
    nd.st(type_name(subtype));
    nd.s(b" (");
    nd.u(subtype as u64);
    nd.s(b")");
    match subtype {
        // RFC 3748: the identity is optional.
        1 if len > 5 => {
            nd.s(b", Identity: ");
            nd.printjnp(cp + 5, len - 5)?;
        }
        2 => {
            if len < 6 {
                nd.s(b" (too short for EAP Notification request/response)");
                return Ok(());
            }
            nd.s(b", Notification: ");
            nd.printjnp(cp + 5, len - 5)?;
        }
        3 => {
            if len < 6 {
                nd.s(b" (too short for EAP Legacy NAK request/response)");
                return Ok(());
            }
            let mut sep: &[u8] = b"";
            for at in cp + 5..cp + len {
                let t = nd.u1(at)?;
                nd.s(sep);
                nd.s(b" ");
                nd.st(type_name(t));
                nd.s(b" (");
                nd.u(t as u64);
                nd.s(b")");
                sep = b",";
            }
        }
        13 | 21 | 43 => {
            if len < 6 {
                nd.s(match subtype {
                    43 => &b" (too short for EAP FAST request/response)"[..],
                    _ => b" (too short for EAP TLS/TTLS request/response)",
                });
                return Ok(());
            }
            let flags = nd.u1(cp + 5)?;
            match subtype {
                21 => {
                    nd.s(b" TTLSv");
                    nd.u((flags & 7) as u64);
                }
                43 => {
                    nd.s(b" FASTv");
                    nd.u((flags & 7) as u64);
                }
                _ => {}
            }
            nd.s(b" flags [");
            tls_flags(nd, flags);
            nd.s(b"] 0x");
            nd.x0(flags as u64, 2);
            if flags & 0x80 != 0 {
                if len < 10 {
                    nd.s(match subtype {
                        43 => &b" (too short for EAP FAST request/response with length)"[..],
                        _ => b" (too short for EAP TLS/TTLS request/response with length)",
                    });
                    return Ok(());
                }
                let l = nd.be4(cp + 6)?;
                nd.s(b", len ");
                nd.u(l as u64);
            }
        }
        18 | 23 => {
            if len < 6 {
                nd.s(b" (too short for EAP SIM/AKA request/response)");
                return Ok(());
            }
            let st = nd.u1(cp + 5)?;
            nd.s(b" subtype [");
            nd.st(aka_subtype_name(st));
            nd.s(b"] 0x");
            nd.x0(st as u64, 2);
        }
        _ => {}
    }
    Ok(())
}

/// `eap_frame_type_values`: the 802.1X frame types.
const FRAME_TYPE: Tok = &[
    (0, "EAP packet"),
    (1, "EAPOL start"),
    (2, "EAPOL logoff"),
    (3, "EAPOL key"),
    (4, "Encapsulated ASF alert"),
];

/// `eapol_print`: an 802.1X frame (version, type, length), and at `-v` the EAP packet an
/// "EAP packet" frame carries.
pub(crate) fn eapol_print(nd: &mut Nd, cp: usize) -> R {
    nd.proto = "eap";
    if !nd.ttest(cp, 4) {
        nd.trunc();
        return Ok(());
    }
    let (version, typ, len) = (nd.u1(cp)?, nd.u1(cp + 1)?, nd.be2(cp + 2)? as usize);
    tok2str(nd, FRAME_TYPE, "unknown", typ as u32);
    nd.s(b" (");
    nd.u(typ as u64);
    nd.s(b") v");
    nd.u(version as u64);
    nd.s(b", len ");
    nd.u(len as u64);
    if nd.vflag < 1 || typ != 0 {
        return Ok(());
    }
    if len == 0 {
        nd.trunc();
        return Ok(());
    }
    nd.s(b", ");
    eap_print(nd, cp + 4, len)
}
