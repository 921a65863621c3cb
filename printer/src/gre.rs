//! GRE versions 0 and 1 (tcpdump's print-gre.c; source-route entries are not decoded; PPTP's
//! PPP payloads by [`super::ppp`]). -v adds the flags and checksum and puts the payload on its
//! own line.

use super::nd::{Nd, R};
use super::{ether, ethertype, ip, ip6, names};

const GRE_CP: u16 = 0x8000;
const GRE_RP: u16 = 0x4000;
const GRE_KP: u16 = 0x2000;
const GRE_SP: u16 = 0x1000;
const GRE_AP: u16 = 0x0080;

pub(crate) fn gre_print(nd: &mut Nd, bp: usize, length: usize) -> R {
    nd.proto = "gre";
    if !nd.ttest(bp, 2) || length < 2 {
        nd.trunc();
        return Ok(());
    }
    let vers = nd.be2(bp)? & 7;
    nd.s(b"GREv");
    nd.u(vers as u64);
    match vers {
        0 => gre0(nd, bp, length),
        1 => gre1(nd, bp, length),
        _ => {
            nd.s(b" ERROR: unknown-version");
            Ok(())
        }
    }
}

fn proto_e(nd: &mut Nd, prot: u16) {
    if nd.eflag {
        nd.s(b", proto ");
        nd.st(names::ethertype(prot).unwrap_or("unknown"));
        nd.s(b" (0x");
        nd.x0(prot as u64, 4);
        nd.s(b")");
    }
}

/// -v: `, Flags [...]` (bittok2str of gre_flag_values).
fn flags_v(nd: &mut Nd, flags: u16) {
    if nd.vflag == 0 {
        return;
    }
    nd.s(b", Flags [");
    let mut sep: &[u8] = b"";
    for (bit, name) in [
        (GRE_CP, &b"checksum present"[..]),
        (GRE_RP, b"routing present"),
        (GRE_KP, b"key present"),
        (GRE_SP, b"sequence# present"),
        (0x0800, b"source routing present"),
        (GRE_AP, b"ack present"),
    ] {
        if flags & bit != 0 {
            nd.s(sep);
            nd.s(name);
            sep = b", ";
        }
    }
    if sep.is_empty() {
        nd.s(b"none");
    }
    nd.s(b"]");
}

/// The protocol demarcation: ": " at default verbosity, a new line with -v.
fn demarc(nd: &mut Nd) {
    nd.s(if nd.vflag > 0 { b"\n\t" } else { b": " });
}

fn gre0(nd: &mut Nd, bp: usize, length: usize) -> R {
    let mut len = length;
    let flags = nd.be2(bp)?;
    flags_v(nd, flags);
    len -= 2;
    let mut bp = bp + 2;
    macro_rules! need {
        ($n:expr) => {
            if !nd.ttest(bp, $n) || len < $n {
                nd.trunc();
                return Ok(());
            }
        };
    }
    need!(2);
    let prot = nd.be2(bp)?;
    len -= 2;
    bp += 2;
    if flags & (GRE_CP | GRE_RP) != 0 {
        need!(2);
        if nd.vflag > 0 {
            let sum = nd.be2(bp)?;
            nd.s(b", sum 0x");
            nd.x(sum as u64);
        }
        bp += 2;
        len -= 2;
        need!(2);
        nd.s(b", off 0x");
        let off = nd.be2(bp)?;
        nd.x(off as u64);
        bp += 2;
        len -= 2;
    }
    if flags & GRE_KP != 0 {
        need!(4);
        nd.s(b", key=0x");
        let k = nd.be4(bp)?;
        nd.x(k as u64);
        bp += 4;
        len -= 4;
    }
    if flags & GRE_SP != 0 {
        need!(4);
        nd.s(b", seq ");
        let s = nd.be4(bp)?;
        nd.u(s as u64);
        bp += 4;
        len -= 4;
    }
    if flags & GRE_RP != 0 {
        // The source route entries (RFC 1701), up to the null one.
        loop {
            need!(4);
            let af = nd.be2(bp)?;
            let sreoff = nd.u1(bp + 2)?;
            let srelen = nd.u1(bp + 3)?;
            bp += 4;
            len -= 4;
            if af == 0 && srelen == 0 {
                break;
            }
            if !sre_print(nd, af, sreoff, srelen, bp, len)? || len < srelen as usize {
                nd.trunc();
                return Ok(());
            }
            bp += srelen as usize;
            len -= srelen as usize;
        }
    }
    proto_e(nd, prot);
    nd.s(b", length ");
    nd.u(length as u64);
    demarc(nd);
    match prot {
        ethertype::IPV4 => ip::ip_print(nd, bp, len)?,
        ethertype::IPV6 => ip6::ip6_print(nd, bp, len)?,
        ethertype::TEB => {
            let avail = nd.avail(bp);
            ether::ether_print(nd, bp, len, avail)?;
        }
        _ => {
            nd.s(b"gre-proto-0x");
            nd.x(prot as u64);
        }
    }
    Ok(())
}

/// `gre_sre_print`: one source route entry; false where tcpdump's goes to `trunc`.
fn sre_print(nd: &mut Nd, af: u16, sreoff: u8, srelen: u8, bp: usize, len: usize) -> R<bool> {
    // IP addresses (4 bytes) or AS numbers (2 bytes), the one at the offset starred.
    let (name, width): (&[u8], u8) = match af {
        0x0800 => (b"ip", 4),
        0xfffe => (b"asn", 2),
        _ => {
            nd.s(b", (rtaf=0x");
            nd.x(af as u64);
            nd.s(b")");
            return Ok(true);
        }
    };
    nd.s(b", (rtaf=");
    nd.s(name);
    let ok = sre_entries(nd, width, sreoff, srelen, bp, len)?;
    nd.s(b")");
    Ok(ok)
}

fn sre_entries(nd: &mut Nd, width: u8, sreoff: u8, srelen: u8, bp: usize, len: usize) -> R<bool> {
    if sreoff % width != 0 {
        nd.s(b", badoffset=");
        nd.u(sreoff as u64);
        return Ok(true);
    }
    if srelen % width != 0 {
        nd.s(b", badlength=");
        nd.u(srelen as u64);
        return Ok(true);
    }
    if sreoff >= srelen {
        nd.s(b", badoff/len=");
        nd.u(sreoff as u64);
        nd.s(b"/");
        nd.u(srelen as u64);
        return Ok(true);
    }
    let w = width as usize;
    let (mut at, mut left, mut rest) = (bp, srelen as usize, len);
    while left != 0 {
        if !nd.ttest(at, w) || rest < w {
            return Ok(false);
        }
        nd.s(if at - bp == sreoff as usize {
            b" *"
        } else {
            b" "
        });
        if w == 4 {
            nd.ip4(at)?;
        } else {
            let a = nd.be2(at)?;
            nd.x(a as u64);
        }
        at += w;
        rest -= w;
        left -= w;
    }
    Ok(true)
}

fn gre1(nd: &mut Nd, bp: usize, length: usize) -> R {
    let mut len = length;
    let flags = nd.be2(bp)?;
    len -= 2;
    let mut bp = bp + 2;
    flags_v(nd, flags);
    macro_rules! need {
        ($n:expr) => {
            if !nd.ttest(bp, $n) || len < $n {
                nd.trunc();
                return Ok(());
            }
        };
    }
    need!(2);
    let prot = nd.be2(bp)?;
    len -= 2;
    bp += 2;
    if flags & GRE_KP != 0 {
        need!(4);
        let k = nd.be4(bp)?;
        nd.s(b", call ");
        nd.u((k & 0xffff) as u64);
        len -= 4;
        bp += 4;
    }
    if flags & GRE_SP != 0 {
        need!(4);
        nd.s(b", seq ");
        let s = nd.be4(bp)?;
        nd.u(s as u64);
        bp += 4;
        len -= 4;
    }
    if flags & GRE_AP != 0 {
        need!(4);
        nd.s(b", ack ");
        let a = nd.be4(bp)?;
        nd.u(a as u64);
        bp += 4;
        len -= 4;
    }
    if flags & GRE_SP == 0 {
        nd.s(b", no-payload");
    }
    proto_e(nd, prot);
    nd.s(b", length ");
    nd.u(length as u64);
    if flags & GRE_SP == 0 {
        return Ok(());
    }
    demarc(nd);
    if prot == 0x880b {
        super::ppp::ppp_print(nd, bp, len)?;
    } else {
        nd.s(b"gre-proto-0x");
        nd.x(prot as u64);
    }
    Ok(())
}
