//! ARP and RARP (tcpdump's print-arp.c; ATM ARP is not decoded).

use super::fmt;
use super::names;
use super::nd::{Nd, Trunc, R};

use crate::ethertype::IPV4 as ETHERTYPE_IP;
const ETHERTYPE_TRAIL: u16 = 0x1000;

fn hrd_name(h: u16) -> Option<&'static str> {
    Some(match h {
        1 => "Ethernet",
        6 => "TokenRing",
        7 => "ArcNet",
        15 => "FrameRelay",
        23 => "Strip",
        24 => "IEEE 1394",
        19 => "ATM",
        32 => "InfiniBand",
        _ => return None,
    })
}

fn op_name(op: u16) -> Option<&'static str> {
    Some(match op {
        1 => "Request",
        2 => "Reply",
        3 => "Reverse Request",
        4 => "Reverse Reply",
        8 => "Inverse Request",
        9 => "Inverse Reply",
        10 => "NACK Reply",
        _ => return None,
    })
}

/// `GET_LINKADDR_STRING(p, LINKADDR_ETHER, len)` (frame relay's q922 form is not decoded).
fn linkaddr(nd: &mut Nd, p: usize, len: usize) -> R {
    if len == 0 {
        nd.s(b"<empty>");
        return Ok(());
    }
    let a = nd.bytes(p, len)?;
    fmt::hexbytes(nd.out, a, b':');
    Ok(())
}

/// `arp_print`.
pub(crate) fn arp_print(nd: &mut Nd, bp: usize, length: usize, caplen: usize) -> R {
    nd.proto = "arp";
    if !nd.ttest(bp, 8) {
        return Err(Trunc);
    }
    let hrd = nd.be2(bp)?;
    let pro = nd.be2(bp + 2)?;
    let hln = nd.u1(bp + 4)? as usize;
    let pln = nd.u1(bp + 5)? as usize;
    let op = nd.be2(bp + 6)?;
    if hrd == 19 {
        // ATM ARP (RFC 2225): tcpdump's checks, then the raw bytes (not decoded further).
        if !nd.ttest(bp, 12) {
            return Err(Trunc);
        }
        let sh = (nd.u1(bp + 4)? & 0x3f) as usize;
        let ss = (nd.u1(bp + 5)? & 0x3f) as usize;
        let spln = nd.u1(bp + 8)? as usize;
        let th = (nd.u1(bp + 9)? & 0x3f) as usize;
        let ts = (nd.u1(bp + 10)? & 0x3f) as usize;
        let tpln = nd.u1(bp + 11)? as usize;
        if !nd.ttest(bp + 12 + sh + ss + spln + th + ts, tpln) {
            return Err(Trunc);
        }
        if !nd.eflag {
            nd.s(b"ARP, ");
        }
        nd.default_print_always(bp, caplen)?;
        return Ok(());
    }
    let sha = bp + 8;
    let spa = sha + hln;
    let tha = spa + pln;
    let tpa = tha + hln;
    if !nd.ttest(tpa, pln) {
        return Err(Trunc);
    }
    if !nd.eflag {
        nd.s(b"ARP, ");
    }
    let odd = (pro != ETHERTYPE_IP && pro != ETHERTYPE_TRAIL) || pln != 4 || hln == 0;
    // -v always prints the hardware and protocol types, then decodes the operation anyway.
    if odd || nd.vflag > 0 {
        match hrd_name(hrd) {
            Some(n) => nd.st(n),
            None => {
                nd.s(b"Unknown Hardware (");
                nd.u(hrd as u64);
                nd.s(b")");
            }
        }
        nd.s(b" (len ");
        nd.u(hln as u64);
        nd.s(b"), ");
        match names::ethertype(pro) {
            Some(n) => nd.st(n),
            None => {
                nd.s(b"Unknown Protocol (0x");
                nd.x0(pro as u64, 4);
                nd.s(b")");
            }
        }
        nd.s(b" (len ");
        nd.u(pln as u64);
        nd.s(b")");
    }
    if odd && nd.vflag == 0 {
        // "don't know about the address formats"
    } else {
        if nd.vflag > 0 {
            nd.s(b", ");
        }
        match op_name(op) {
            Some(n) => nd.st(n),
            None => {
                nd.s(b"Unknown (");
                nd.u(op as u64);
                nd.s(b")");
            }
        }
        nd.s(b" ");
        let paddr = |nd: &mut Nd, at: usize| -> R {
            if pro != ETHERTYPE_IP && pro != ETHERTYPE_TRAIL {
                nd.s(b"<wrong proto type>");
            } else if pln != 4 {
                nd.s(b"<wrong len>");
            } else {
                nd.ip4(at)?;
            }
            Ok(())
        };
        match op {
            1 => {
                nd.s(b"who-has ");
                paddr(nd, tpa)?;
                let t = nd.bytes(tha, hln)?;
                if t.iter().any(|&c| c != 0) {
                    nd.s(b" (");
                    linkaddr(nd, tha, hln)?;
                    nd.s(b")");
                }
                nd.s(b" tell ");
                paddr(nd, spa)?;
            }
            2 => {
                paddr(nd, spa)?;
                nd.need(sha, hln)?;
                nd.s(b" is-at ");
                linkaddr(nd, sha, hln)?;
            }
            3 | 8 => {
                nd.need(tha, hln)?;
                nd.s(b"who-is ");
                linkaddr(nd, tha, hln)?;
                nd.need(sha, hln)?;
                nd.s(b" tell ");
                linkaddr(nd, sha, hln)?;
            }
            4 => {
                linkaddr(nd, tha, hln)?;
                nd.s(b" at ");
                paddr(nd, tpa)?;
            }
            9 => {
                linkaddr(nd, sha, hln)?;
                nd.s(b" at ");
                paddr(nd, spa)?;
            }
            _ => {
                nd.default_print_always(bp, caplen)?;
                return Ok(());
            }
        }
    }
    nd.s(b", length ");
    nd.u(length as u64);
    Ok(())
}
