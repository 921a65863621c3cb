//! PGM, Pragmatic General Multicast (RFC 3208; tcpdump's print-pgm.c), IP protocol 113:
//! addresses, ports and length; with -v the global source ID, the packet type with its
//! sequence numbers and network-layer addresses, and the options.

use super::fmt;
use super::nd::{Nd, R};

/// sizeof(struct pgm_header) and the fixed part of each type after it.
const HEADER_LEN: usize = 16;
const SPM_LEN: usize = 16;
const POLL_LEN: usize = 12;
const POLR_LEN: usize = 8;
const DATA_LEN: usize = 8;
const NAK_LEN: usize = 8;
const ACK_LEN: usize = 8;

/// PGM_MIN_OPT_LEN.
const MIN_OPT_LEN: u32 = 4;

/// An address to print later (C formats it into a buffer early and prints it at the end).
#[derive(Clone, Copy)]
struct Nla {
    at: usize,
    v6: bool,
}

fn put_nla(nd: &mut Nd, a: Nla) {
    if a.v6 {
        fmt::ipv6(nd.out, &nd.b[a.at..a.at + 16]);
    } else {
        fmt::ipv4(nd.out, &nd.b[a.at..a.at + 4]);
    }
}

/// An address of family `afi` at `bp`, checked as C's `ND_TCHECK_LEN` (a local truncation);
/// None for other families, where C jumps to `trunc:` too.
fn nla(nd: &mut Nd, afi: u16, bp: usize) -> R<Option<Nla>> {
    let len = match afi {
        1 => 4,
        2 => 16,
        _ => return Ok(None),
    };
    nd.tcheck(bp, len)?;
    Ok(Some(Nla {
        at: bp,
        v6: afi == 2,
    }))
}

/// `pgm_print`: `iph` is the IPv4 or IPv6 header.
pub(crate) fn pgm_print(nd: &mut Nd, bp: usize, length: usize, iph: usize) -> R {
    nd.proto = "pgm";
    let v6 = nd.u1(iph)? >> 4 == 6;
    let (src, dst) = if v6 {
        (iph + 8, iph + 24)
    } else {
        (iph + 12, iph + 16)
    };
    let addr = |nd: &mut Nd, at: usize| if v6 { nd.ip6(at) } else { nd.ip4(at) };
    if !nd.ttest(bp + 2, 2) {
        nd.need(src, if v6 { 32 } else { 8 })?;
        addr(nd, src)?;
        nd.s(b" > ");
        addr(nd, dst)?;
        nd.s(b":");
        nd.trunc();
        return Ok(());
    }
    let (sport, dport) = (nd.be2(bp)?, nd.be2(bp + 2)?);
    let direct = if v6 {
        nd.u1(iph + 6)? == 113
    } else {
        nd.u1(iph + 9)? == 113
    };
    if direct {
        nd.need(src, if v6 { 32 } else { 8 })?;
        super::ip::addr_ports(nd, iph, v6, sport, dport)?;
        nd.s(b": ");
    } else {
        nd.u(sport as u64);
        nd.s(b" > ");
        nd.u(dport as u64);
        nd.s(b": ");
    }
    nd.tcheck(bp, HEADER_LEN)?;
    nd.s(b"PGM, length ");
    nd.u(nd.be2(bp + 14)? as u64);
    if nd.vflag == 0 {
        return Ok(());
    }
    let typ = nd.u1(bp + 4)?;
    nd.s(b" 0x");
    for i in 0..6 {
        nd.x0(nd.b[bp + 8 + i] as u64, 2);
    }
    nd.s(b" ");
    let body = bp + HEADER_LEN;
    // Where the options start: after the type's fields, but (as in C, whose `bp` is left
    // alone for them) at the PGM header itself for SPMR and unknown types.
    let mut p = bp;
    let trunc = |nd: &mut Nd| Err(nd.local_trunc());
    match typ {
        0 => {
            nd.tcheck(body, SPM_LEN)?;
            p = body + SPM_LEN;
            let Some(a) = nla(nd, nd.be2(body + 12)?, p)? else {
                return trunc(nd);
            };
            p += if a.v6 { 16 } else { 4 };
            let (seq, trail, lead) = (nd.be4(body)?, nd.be4(body + 4)?, nd.be4(body + 8)?);
            nd.s(b"SPM seq ");
            nd.u(seq as u64);
            nd.s(b" trail ");
            nd.u(trail as u64);
            nd.s(b" lead ");
            nd.u(lead as u64);
            nd.s(b" nla ");
            put_nla(nd, a);
        }
        1 => {
            nd.tcheck(body, POLL_LEN)?;
            p = body + POLL_LEN;
            let Some(a) = nla(nd, nd.be2(body + 8)?, p)? else {
                return trunc(nd);
            };
            p += if a.v6 { 16 } else { 4 };
            let (ivl, rnd, mask) = (nd.be4(p)?, nd.be4(p + 4)?, nd.be4(p + 8)?);
            p += 12;
            let (seq, round) = (nd.be4(body)?, nd.be2(body + 4)?);
            nd.s(b"POLL seq ");
            nd.u(seq as u64);
            nd.s(b" round ");
            nd.u(round as u64);
            nd.s(b" nla ");
            put_nla(nd, a);
            nd.s(b" ivl ");
            nd.u(ivl as u64);
            nd.s(b" rnd 0x");
            nd.x0(rnd as u64, 8);
            nd.s(b" mask 0x");
            nd.x0(mask as u64, 8);
        }
        2 => {
            nd.tcheck(body, POLR_LEN)?;
            let (seq, round) = (nd.be4(body)?, nd.be2(body + 4)?);
            nd.s(b"POLR seq ");
            nd.u(seq as u64);
            nd.s(b" round ");
            nd.u(round as u64);
            p = body + POLR_LEN;
        }
        4 | 5 => {
            nd.tcheck(body, DATA_LEN)?;
            let (seq, trail) = (nd.be4(body)?, nd.be4(body + 4)?);
            nd.s(if typ == 4 { b"ODATA" } else { b"RDATA" });
            nd.s(b" trail ");
            nd.u(trail as u64);
            nd.s(b" seq ");
            nd.u(seq as u64);
            p = body + DATA_LEN;
        }
        8..=10 => {
            nd.tcheck(body, NAK_LEN)?;
            p = body + NAK_LEN;
            let Some(source) = nla(nd, nd.be2(body + 4)?, p)? else {
                return trunc(nd);
            };
            p += if source.v6 { 16 } else { 4 };
            // As C: past the group's AFI and reserved field, then that address's first
            // two bytes are taken for its AFI.
            p += 4;
            let Some(group) = nla(nd, nd.be2(p)?, p)? else {
                return trunc(nd);
            };
            p += if group.v6 { 16 } else { 4 };
            nd.s(match typ {
                8 => b"NAK ",
                9 => b"NNAK ",
                _ => b"NCF ",
            });
            let seq = nd.be4(body)?;
            nd.s(b"(");
            put_nla(nd, source);
            nd.s(b" -> ");
            put_nla(nd, group);
            nd.s(b"), seq ");
            nd.u(seq as u64);
        }
        11 => {
            nd.tcheck(body, ACK_LEN)?;
            let seq = nd.be4(body)?;
            nd.s(b"ACK seq ");
            nd.u(seq as u64);
            p = body + ACK_LEN;
        }
        12 => nd.s(b"SPMR"),
        _ => {
            nd.s(b"UNKNOWN type 0x");
            nd.x0(typ as u64, 2);
        }
    }
    if nd.u1(bp + 5)? & 0x01 != 0 && !options(nd, p)? {
        return Ok(());
    }
    nd.s(b" [");
    nd.u(length as u64);
    nd.s(b"]");
    Ok(())
}

/// "[Bad OPT_x option, length N != M]" (or `<`).
fn bad(nd: &mut Nd, name: &[u8], len: u8, rel: &[u8], want: u32) {
    nd.s(b"[Bad ");
    nd.s(name);
    nd.s(b" option, length ");
    nd.u(len as u64);
    nd.s(rel);
    nd.u(want as u64);
    nd.s(b"]");
}

/// The options after the type's fields: false where C returns before the final " [len]".
fn options(nd: &mut Nd, mut bp: usize) -> R<bool> {
    nd.tcheck(bp, MIN_OPT_LEN as usize)?;
    let opt_type = nd.u1(bp)?;
    if opt_type & 0x7f != 0 {
        nd.s(b"[First option bad, should be PGM_OPT_LENGTH, is ");
        nd.u((opt_type & 0x7f) as u64);
        nd.s(b"]");
        return Ok(false);
    }
    let opt_len = nd.u1(bp + 1)?;
    if opt_len != 4 {
        nd.s(b"[Bad OPT_LENGTH option, length ");
        nd.u(opt_len as u64);
        nd.s(b" != 4]");
        return Ok(false);
    }
    let mut opts_len = nd.be2(bp + 2)? as u32;
    bp += 4;
    if opts_len < 4 {
        nd.s(b"[Bad total option length ");
        nd.u(opts_len as u64);
        nd.s(b" < 4]");
        return Ok(false);
    }
    nd.s(b" OPTS LEN ");
    nd.u(opts_len as u64);
    opts_len -= 4;
    while opts_len != 0 {
        if opts_len < MIN_OPT_LEN {
            nd.s(b"[Total option length leaves no room for final option]");
            return Ok(false);
        }
        let opt_type = nd.u1(bp)?;
        let mut opt_len = nd.u1(bp + 1)?;
        bp += 2;
        if (opt_len as u32) < MIN_OPT_LEN {
            nd.s(b"[Bad option, length ");
            nd.u(opt_len as u64);
            nd.s(b" < 4]");
            break;
        }
        if opts_len < opt_len as u32 {
            nd.s(b"[Total option length leaves no room for final option]");
            return Ok(false);
        }
        nd.tcheck(bp, opt_len as usize - 2)?;
        // Options of a fixed length: (name, total length, what to print).
        let fixed = |nd: &mut Nd, name: &[u8], want: u8| -> bool {
            if opt_len != want {
                bad(nd, name, opt_len, b" != ", want as u32);
                false
            } else {
                true
            }
        };
        match opt_type & 0x7f {
            0x00 => {
                if !fixed(nd, b"OPT_LENGTH", 4) {
                    return Ok(false);
                }
                nd.s(b" OPTS LEN (extra?) ");
                nd.u(nd.be2(bp)? as u64);
                bp += 2;
                opts_len -= 4;
            }
            0x01 => {
                if !fixed(nd, b"OPT_FRAGMENT", 16) {
                    return Ok(false);
                }
                let (seq, off, len) = (nd.be4(bp + 2)?, nd.be4(bp + 6)?, nd.be4(bp + 10)?);
                bp += 14;
                nd.s(b" FRAG seq ");
                nd.u(seq as u64);
                nd.s(b" off ");
                nd.u(off as u64);
                nd.s(b" len ");
                nd.u(len as u64);
                opts_len -= 16;
            }
            0x02 => {
                bp += 2;
                opt_len -= 4;
                nd.s(b" NAK LIST");
                while opt_len != 0 {
                    if opt_len < 4 {
                        nd.s(b"[Option length not a multiple of 4]");
                        return Ok(false);
                    }
                    let v = nd.be4(bp)?;
                    nd.s(b" ");
                    nd.u(v as u64);
                    bp += 4;
                    opt_len -= 4;
                    opts_len -= 4;
                }
            }
            0x03 => {
                if !fixed(nd, b"OPT_JOIN", 8) {
                    return Ok(false);
                }
                let seq = nd.be4(bp + 2)?;
                bp += 6;
                nd.s(b" JOIN ");
                nd.u(seq as u64);
                opts_len -= 8;
            }
            t @ (0x04 | 0x05) => {
                let (name, text): (&[u8], [&[u8]; 2]) = if t == 4 {
                    (b"OPT_NAK_BO_IVL", [b" BACKOFF ivl ", b" ivlseq "])
                } else {
                    (b"OPT_NAK_BO_RNG", [b" BACKOFF max ", b" min "])
                };
                if !fixed(nd, name, 12) {
                    return Ok(false);
                }
                let (a, b) = (nd.be4(bp + 2)?, nd.be4(bp + 6)?);
                bp += 10;
                nd.s(text[0]);
                nd.u(a as u64);
                nd.s(text[1]);
                nd.u(b as u64);
                opts_len -= 12;
            }
            0x07 => {
                if opt_len < 8 {
                    bad(nd, b"OPT_REDIRECT", opt_len, b" < ", 8);
                    return Ok(false);
                }
                let afi = nd.be2(bp + 2)?;
                bp += 6;
                let Some(a) = addr_option(nd, b"OPT_REDIRECT", opt_len, 8, afi, bp)? else {
                    return Ok(false);
                };
                let alen = if a.v6 { 16 } else { 4 };
                bp += alen;
                opts_len -= 8 + alen as u32;
                nd.s(b" REDIRECT ");
                put_nla(nd, a);
            }
            t @ (0x08..=0x0a) => {
                let (name, text): (&[u8], &[u8]) = match t {
                    0x08 => (b"OPT_PARITY_PRM", b" PARITY MAXTGS "),
                    0x09 => (b"OPT_PARITY_GRP", b" PARITY GROUP "),
                    _ => (b"OPT_CURR_TGSIZE", b" PARITY ATGS "),
                };
                if !fixed(nd, name, 8) {
                    return Ok(false);
                }
                let v = nd.be4(bp + 2)?;
                bp += 6;
                nd.s(text);
                nd.u(v as u64);
                opts_len -= 8;
            }
            t @ (0x0b | 0x0d | 0x0e | 0x0f | 0x11) => {
                let (name, text): (&[u8], &[u8]) = match t {
                    0x0b => (b"OPT_NBR_UNREACH", b" NBR_UNREACH"),
                    0x0d => (b"OPT_SYN", b" SYN"),
                    0x0e => (b"OPT_FIN", b" FIN"),
                    0x0f => (b"OPT_RST", b" RST"),
                    _ => (b"OPT_CRQST", b" CRQST"),
                };
                if !fixed(nd, name, 4) {
                    return Ok(false);
                }
                bp += 2;
                nd.s(text);
                opts_len -= 4;
            }
            0x0c => {
                nd.s(b" PATH_NLA [");
                nd.u(opt_len as u64);
                nd.s(b"]");
                bp += opt_len as usize;
                opts_len -= opt_len as u32;
            }
            0x10 => {
                nd.s(b" CR");
                bp += opt_len as usize;
                opts_len -= opt_len as u32;
            }
            t @ (0x12 | 0x13) => {
                let (name, short, text): (&[u8], &[u8], &[u8]) = if t == 0x12 {
                    (b"OPT_PGMCC_DATA", b"OPT_PGMCC_DATA", b" PGMCC DATA ")
                } else {
                    (
                        b"OPT_PGMCC_FEEDBACK",
                        b"PGM_OPT_PGMCC_FEEDBACK",
                        b" PGMCC FEEDBACK ",
                    )
                };
                if opt_len < 12 {
                    bad(nd, short, opt_len, b" < ", 12);
                    return Ok(false);
                }
                let offset = nd.be4(bp + 2)?;
                let afi = nd.be2(bp + 6)?;
                bp += 10;
                let Some(a) = addr_option(nd, name, opt_len, 12, afi, bp)? else {
                    return Ok(false);
                };
                let alen = if a.v6 { 16 } else { 4 };
                bp += alen;
                opts_len -= 12 + alen as u32;
                nd.s(text);
                nd.u(offset as u64);
                nd.s(b" ");
                put_nla(nd, a);
            }
            _ => {
                const HEX: &[u8; 16] = b"0123456789ABCDEF";
                nd.s(b" OPT_");
                nd.s(&[HEX[(opt_type >> 4) as usize], HEX[(opt_type & 15) as usize]]);
                nd.s(b" [");
                nd.u(opt_len as u64);
                nd.s(b"] ");
                bp += opt_len as usize;
                opts_len -= opt_len as u32;
            }
        }
        if opt_type & 0x80 != 0 {
            break;
        }
    }
    Ok(true)
}

/// The address of a redirect or PGMCC option (`fixed` bytes before it): None after printing
/// the length error; an unknown family is C's `goto trunc`.
fn addr_option(
    nd: &mut Nd,
    name: &[u8],
    opt_len: u8,
    fixed: u32,
    afi: u16,
    bp: usize,
) -> R<Option<Nla>> {
    let alen = match afi {
        1 => 4,
        2 => 16,
        _ => return Err(nd.local_trunc()),
    };
    if opt_len as u32 != fixed + alen {
        nd.s(b"[Bad ");
        nd.s(name);
        nd.s(b" option, length ");
        nd.u(opt_len as u64);
        nd.s(b" != ");
        nd.u(fixed as u64);
        nd.s(b" + address size]");
        return Ok(None);
    }
    nla(nd, afi, bp)
}
