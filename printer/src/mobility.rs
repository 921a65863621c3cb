//! The IPv6 mobility header (RFC 3775/6275; tcpdump's print-mobility.c), next header 135 (and
//! the old 62): message type with its sequence, status, lifetime, nonce and home address;
//! with -v the test cookies and keygen tokens and the mobility options.

use super::nd::{Nd, R};
use super::tok::{self, Tok};

const TYPE: Tok = &[
    (0, "BRR"),
    (1, "HoTI"),
    (2, "CoTI"),
    (3, "HoT"),
    (4, "CoT"),
    (5, "BU"),
    (6, "BA"),
    (7, "BE"),
];

/// `ip6m_hdrlen`: the smallest header each known type fits in.
const MIN_HDRLEN: [usize; 8] = [8, 16, 16, 24, 24, 12, 12, 24];

/// IP6M_MINLEN: the fixed part every message starts with.
const MINLEN: usize = 8;

const BINDING_UPDATE_BITS: Tok = &[(0x08, "A"), (0x04, "H"), (0x02, "L"), (0x01, "K")];

/// `mobility_print`; like C it ends with " [|mobility]" (printed here, not carried up) when a
/// length check fails, and whatever it returns, the IPv6 header chain stops after it.
pub(crate) fn mobility_print(nd: &mut Nd, bp: usize) -> R {
    nd.proto = "mobility";
    if !nd.ttest(bp + 1, 1) {
        nd.trunc();
        return Ok(());
    }
    let mhlen = (nd.u1(bp + 1)? as usize + 1) << 3;
    let typ = nd.u1(bp + 2)?;
    if (typ as usize) < MIN_HDRLEN.len() && mhlen < MIN_HDRLEN[typ as usize] {
        nd.s(b"(header length ");
        nd.u(mhlen as u64);
        nd.s(b" is too small for type ");
        nd.u(typ as u64);
        nd.s(b")");
        nd.trunc();
        return Ok(());
    }
    nd.s(b"mobility: ");
    match tok::name(TYPE, typ as u32) {
        Some(n) => nd.st(n),
        None => {
            nd.s(b"type-#");
            nd.u(typ as u64);
        }
    }
    let cookie = |nd: &mut Nd, who: &[u8], what: &[u8], at: usize| -> R {
        let (a, b) = (nd.be4(at)?, nd.be4(at + 4)?);
        nd.s(b" ");
        nd.s(who);
        nd.s(what);
        nd.x0(a as u64, 8);
        nd.s(b":");
        nd.x0(b as u64, 8);
        Ok(())
    };
    let hlen = match typ {
        0 => MINLEN,
        1 | 2 => {
            if nd.vflag > 0 {
                let who: &[u8] = if typ == 1 { b"Home" } else { b"Care-of" };
                cookie(nd, who, b" Init Cookie=", bp + MINLEN)?;
            }
            MINLEN + 8
        }
        3 | 4 => {
            let nonce = nd.be2(bp + 6)?;
            nd.s(b" nonce id=0x");
            nd.x(nonce as u64);
            let who: &[u8] = if typ == 3 { b"Home" } else { b"Care-of" };
            if nd.vflag > 0 {
                cookie(nd, who, b" Init Cookie=", bp + MINLEN)?;
                cookie(nd, who, b" Keygen Token=", bp + MINLEN + 8)?;
            }
            MINLEN + 16
        }
        5 => {
            let seq = nd.be2(bp + 6)?;
            nd.s(b" seq#=");
            nd.u(seq as u64);
            if !nd.ttest(bp + MINLEN, 2) {
                nd.trunc();
                return Ok(());
            }
            let bits = (nd.u1(bp + MINLEN)? & 0xf0) >> 4;
            if bits != 0 {
                nd.s(b" ");
                tok::bittok(nd, BINDING_UPDATE_BITS, "", bits as u32, b"");
            }
            let lifetime = nd.be2(bp + MINLEN + 2)? as u64;
            nd.s(b" lifetime=");
            nd.u(lifetime << 2);
            MINLEN + 4
        }
        6 => {
            let status = nd.u1(bp + 6)?;
            nd.s(b" status=");
            nd.u(status as u64);
            if nd.u1(bp + 7)? & 0x80 != 0 {
                nd.s(b" K");
            }
            let seq = nd.be2(bp + MINLEN)?;
            nd.s(b" seq#=");
            nd.u(seq as u64);
            let lifetime = nd.be2(bp + MINLEN + 2)? as u64;
            nd.s(b" lifetime=");
            nd.u(lifetime << 2);
            MINLEN + 4
        }
        7 => {
            let status = nd.u1(bp + 6)?;
            nd.s(b" status=");
            nd.u(status as u64);
            nd.need(bp + MINLEN, 16)?;
            nd.s(b" homeaddr ");
            nd.ip6(bp + MINLEN)?;
            MINLEN + 16
        }
        _ => {
            let len = nd.u1(bp + 1)?;
            nd.s(b" len=");
            nd.u(len as u64);
            return Ok(());
        }
    };
    if nd.vflag > 0 && !opt_print(nd, bp + hlen, mhlen - hlen)? {
        nd.trunc();
    }
    Ok(())
}

/// `mobility_opt_print`: false where C returns 1 (an option past `len` or the capture).
fn opt_print(nd: &mut Nd, bp: usize, len: usize) -> R<bool> {
    let mut i = 0;
    while i < len {
        let t = nd.u1(bp + i)?;
        let optlen = if t == 0 {
            1
        } else if i + 1 < len {
            nd.u1(bp + i + 1)? as usize + 2
        } else {
            return Ok(false);
        };
        if i + optlen > len || !nd.ttest(bp + i + optlen, 1) {
            return Ok(false);
        }
        let left = len - i;
        let short = |nd: &mut Nd, min: usize, what: &[u8]| {
            if left < min {
                nd.s(what);
                true
            } else {
                false
            }
        };
        match t {
            0 => nd.s(b"(pad1)"),
            1 => {
                if short(nd, 2, b"(padn: trunc)") {
                    return Ok(false);
                }
                nd.s(b"(padn)");
            }
            2 => {
                if short(nd, 4, b"(refresh: trunc)") {
                    return Ok(false);
                }
                let r = nd.be2(bp + i + 2)? as u64;
                nd.s(b"(refresh: ");
                nd.u(r << 2);
                nd.s(b")");
            }
            3 => {
                if short(nd, 18, b"(altcoa: trunc)") {
                    return Ok(false);
                }
                nd.need(bp + i + 2, 16)?;
                nd.s(b"(alt-CoA: ");
                nd.ip6(bp + i + 2)?;
                nd.s(b")");
            }
            4 => {
                if short(nd, 6, b"(ni: trunc)") {
                    return Ok(false);
                }
                let (ho, co) = (nd.be2(bp + i + 2)?, nd.be2(bp + i + 4)?);
                nd.s(b"(ni: ho=0x");
                nd.x0(ho as u64, 4);
                nd.s(b" co=0x");
                nd.x0(co as u64, 4);
                nd.s(b")");
            }
            5 => {
                if short(nd, 12, b"(auth: trunc)") {
                    return Ok(false);
                }
                nd.s(b"(auth)");
            }
            _ => {
                if left < 2 {
                    nd.s(b"(sopt_type ");
                    nd.u(t as u64);
                    nd.s(b": trunc)");
                    return Ok(false);
                }
                let l = nd.u1(bp + i + 1)?;
                nd.s(b"(type-0x");
                nd.x0(t as u64, 2);
                nd.s(b": len=");
                nd.u(l as u64);
                nd.s(b")");
            }
        }
        i += optlen;
    }
    Ok(true)
}
