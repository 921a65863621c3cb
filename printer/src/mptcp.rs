//! Multipath TCP options inside TCP's option list (tcpdump's print-mptcp.c).

use super::nd::{Nd, R};

const TH_SYN: u8 = 0x02;
const TH_ACK: u8 = 0x10;

fn be8(nd: &Nd, i: usize) -> R<u64> {
    Ok(((nd.be4(i)? as u64) << 32) | nd.be4(i + 4)? as u64)
}

fn capable(nd: &mut Nd, opt: usize, len: usize, flags: u8) -> R<bool> {
    if !((len == 12 || len == 4) && flags & TH_SYN != 0)
        && !((len == 20 || len == 22) && flags & (TH_SYN | TH_ACK) == TH_ACK)
    {
        return Ok(false);
    }
    let version = nd.u1(opt + 2)? & 0xf;
    if version <= 1 {
        nd.s(b" v");
        nd.u(version as u64);
    } else {
        nd.s(b" Unknown Version (");
        nd.u(version as u64);
        nd.s(b")");
        return Ok(true);
    }
    if nd.u1(opt + 3)? & 0x80 != 0 {
        nd.s(b" csum");
    }
    if len == 12 || len >= 20 {
        let k = be8(nd, opt + 4)?;
        nd.s(b" {0x");
        nd.x(k);
        if len >= 20 {
            let r = be8(nd, opt + 12)?;
            nd.s(b",0x");
            nd.x(r);
        }
        nd.s(b"}");
    }
    Ok(true)
}

// The condition is print-mptcp.c's, kept in its shape so the two read side by side.
#[allow(clippy::nonminimal_bool)]
fn join(nd: &mut Nd, opt: usize, len: usize, flags: u8) -> R<bool> {
    if !(len == 12 && flags & TH_SYN != 0)
        && !(len == 16 && flags & (TH_SYN | TH_ACK) == (TH_SYN | TH_ACK))
        && !(len == 24 && flags & TH_ACK != 0)
    {
        return Ok(false);
    }
    if len != 24 {
        if nd.u1(opt + 2)? & 1 != 0 {
            nd.s(b" backup");
        }
        let id = nd.u1(opt + 3)?;
        nd.s(b" id ");
        nd.u(id as u64);
    }
    match len {
        12 => {
            let (t, n) = (nd.be4(opt + 4)?, nd.be4(opt + 8)?);
            nd.s(b" token 0x");
            nd.x(t as u64);
            nd.s(b" nonce 0x");
            nd.x(n as u64);
        }
        16 => {
            let (m, n) = (be8(nd, opt + 4)?, nd.be4(opt + 12)?);
            nd.s(b" hmac 0x");
            nd.x(m);
            nd.s(b" nonce 0x");
            nd.x(n as u64);
        }
        24 => {
            nd.s(b" hmac 0x");
            for i in 0..20 {
                let v = nd.u1(opt + 4 + i)?;
                nd.x0(v as u64, 2);
            }
        }
        _ => {}
    }
    Ok(true)
}

fn dss(nd: &mut Nd, opt: usize, len: usize, flags: u8) -> R<bool> {
    if len < 4 || flags & TH_SYN != 0 {
        return Ok(false);
    }
    let f = nd.u1(opt + 3)?;
    if f & 0x10 != 0 {
        nd.s(b" fin");
    }
    let mut p = opt + 4;
    let mut left = len - 4;
    if f & 0x01 != 0 {
        nd.s(b" ack ");
        if f & 0x02 != 0 {
            if left < 8 {
                return Ok(false);
            }
            let v = be8(nd, p)?;
            nd.u(v);
            p += 8;
            left -= 8;
        } else {
            if left < 4 {
                return Ok(false);
            }
            let v = nd.be4(p)?;
            nd.u(v as u64);
            p += 4;
            left -= 4;
        }
    }
    if f & 0x04 != 0 {
        nd.s(b" seq ");
        if f & 0x08 != 0 {
            if left < 8 {
                return Ok(false);
            }
            let v = be8(nd, p)?;
            nd.u(v);
            p += 8;
            left -= 8;
        } else {
            if left < 4 {
                return Ok(false);
            }
            let v = nd.be4(p)?;
            nd.u(v as u64);
            p += 4;
            left -= 4;
        }
        if left < 4 {
            return Ok(false);
        }
        let v = nd.be4(p)?;
        nd.s(b" subseq ");
        nd.u(v as u64);
        p += 4;
        left -= 4;
        if left < 2 {
            return Ok(false);
        }
        let v = nd.be2(p)?;
        nd.s(b" len ");
        nd.u(v as u64);
        p += 2;
        left -= 2;
        if left >= 2 {
            let v = nd.be2(p)?;
            nd.s(b" csum 0x");
            nd.x(v as u64);
            left -= 2;
        }
    }
    Ok(left == 0)
}

fn add_addr(nd: &mut Nd, opt: usize, len: usize) -> R<bool> {
    if ![8, 10, 16, 18, 20, 22, 28, 30].contains(&len) {
        return Ok(false);
    }
    let se = nd.u1(opt + 2)? & 0xf;
    nd.s(b" ");
    nd.s(match se {
        6 => b"v0-ip6" as &[u8],
        4 => b"v0-ip4",
        1 => b"v1-echo",
        0 => b"v1",
        _ => b"[bad version/echo]",
    });
    let id = nd.u1(opt + 3)?;
    nd.s(b" id ");
    nd.u(id as u64);
    let a = opt + 4;
    if matches!(len, 8 | 10 | 16 | 18) {
        nd.need(a, 4)?;
        nd.s(b" ");
        nd.ip4(a)?;
        if len == 10 || len == 18 {
            let port = nd.be2(a + 4)?;
            nd.s(b":");
            nd.u(port as u64);
        }
        if len == 16 {
            let m = be8(nd, a + 4)?;
            nd.s(b" hmac 0x");
            nd.x(m);
        }
        if len == 18 {
            let m = be8(nd, a + 6)?;
            nd.s(b" hmac 0x");
            nd.x(m);
        }
    } else {
        nd.need(a, 16)?;
        nd.s(b" ");
        nd.ip6(a)?;
        if len == 22 || len == 30 {
            let port = nd.be2(a + 16)?;
            nd.s(b":");
            nd.u(port as u64);
        }
        if len == 28 {
            let m = be8(nd, a + 16)?;
            nd.s(b" hmac 0x");
            nd.x(m);
        }
        if len == 30 {
            let m = be8(nd, a + 18)?;
            nd.s(b" hmac 0x");
            nd.x(m);
        }
    }
    Ok(true)
}

/// `mptcp_print`: `cp` is the option's kind byte, `len` its length. Ok(false) is tcpdump's
/// "bad option".
pub(crate) fn mptcp_print(nd: &mut Nd, cp: usize, len: usize, flags: u8) -> R<bool> {
    nd.proto = "mptcp";
    if len < 3 {
        return Ok(false);
    }
    let subtype = ((nd.u1(cp + 2)? >> 4) & 0xf).min(8);
    nd.s(b" ");
    nd.u(len as u64);
    nd.s(b" ");
    const NAMES: [&[u8]; 9] = [
        b"capable",
        b"join",
        b"dss",
        b"add-addr",
        b"rem-addr",
        b"prio",
        b"fail",
        b"fast-close",
        b"unknown",
    ];
    nd.s(NAMES[subtype as usize]);
    match subtype {
        0 => capable(nd, cp, len, flags),
        1 => join(nd, cp, len, flags),
        2 => dss(nd, cp, len, flags),
        3 => add_addr(nd, cp, len),
        4 => {
            if len < 4 {
                return Ok(false);
            }
            nd.s(b" id");
            for i in 0..len - 3 {
                let v = nd.u1(cp + 3 + i)?;
                nd.s(b" ");
                nd.u(v as u64);
            }
            Ok(true)
        }
        5 => {
            if len != 3 && len != 4 {
                return Ok(false);
            }
            if nd.u1(cp + 2)? & 1 != 0 {
                nd.s(b" backup");
            } else {
                nd.s(b" non-backup");
            }
            if len == 4 {
                let id = nd.u1(cp + 3)?;
                nd.s(b" id ");
                nd.u(id as u64);
            }
            Ok(true)
        }
        6 => {
            if len != 12 {
                return Ok(false);
            }
            let v = be8(nd, cp + 4)?;
            nd.s(b" seq ");
            nd.u(v);
            Ok(true)
        }
        7 => {
            if len != 12 {
                return Ok(false);
            }
            let v = be8(nd, cp + 4)?;
            nd.s(b" key 0x");
            nd.x(v);
            Ok(true)
        }
        _ => Ok(true),
    }
}
