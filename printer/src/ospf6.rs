//! OSPFv3 (tcpdump's print-ospf6.c), next header 89 over IPv6: the packet type and length;
//! with -v the router, area and instance, hello and DD fields, and the trailing LLS block
//! and authentication trailer; with -vv hello neighbours, DD and ack LSA headers, LS
//! requests and LS updates with their LSAs (router, network, inter-area prefix, external,
//! link, intra-area prefix; grace and intra-area TE through OSPFv2's TLV walkers).

use super::nd::{Nd, R};
use super::ospf;
use super::tok::{bittok2str, tok2str, Tok};

const OPTION_VALUES: Tok = &[
    (0x01, "V6"),
    (0x02, "External"),
    (0x04, "Deprecated"),
    (0x08, "NSSA"),
    (0x10, "Router"),
    (0x20, "Demand Circuit"),
    (0x0100, "AFs Support"),
    (0x0200, "LLS"),
    (0x0400, "Authentication Trailer"),
];
const OPTION_L: u32 = 0x0200;

const RLA_FLAG_VALUES: Tok = &[
    (0x01, "ABR"),
    (0x02, "External"),
    (0x04, "Virtual-Link Endpoint"),
    (0x08, "Deprecated"),
    (0x10, "NSSA Translator"),
];

const ASLA_FLAG_FWDADDR: u32 = 0x0200_0000;
const ASLA_FLAG_ROUTETAG: u32 = 0x0100_0000;
const ASLA_FLAG_VALUES: Tok = &[
    (0x8000_0000, "External Type 2"),
    (ASLA_FLAG_FWDADDR, "Forwarding"),
    (ASLA_FLAG_ROUTETAG, "Tag"),
];

const TYPE_VALUES: Tok = &[
    (1, "Hello"),
    (2, "Database Description"),
    (3, "LS-Request"),
    (4, "LS-Update"),
    (5, "LS-Ack"),
];

const LSA_VALUES: Tok = &[
    (1, "Router"),
    (2, "Network"),
    (3, "Inter-Area Prefix"),
    (4, "Inter-Area Router"),
    (5, "External"),
    (6, "Deprecated"),
    (7, "NSSA"),
    (8, "Link"),
    (9, "Intra-Area Prefix"),
    (10, "Intra-Area TE"),
    (11, "Grace"),
    (12, "Router Information"),
    (13, "Inter-AS-TE"),
    (14, "Layer 1 VPN"),
];

const LS_SCOPE_VALUES: Tok = &[
    (0x0000, "Link Local"),
    (0x2000, "Area Local"),
    (0x4000, "Domain Wide"),
];

const DD_FLAG_VALUES: Tok = &[
    (0x04, "Init"),
    (0x02, "More"),
    (0x01, "Master"),
    (0x10, "IPv6 MTU"),
];

const PREFIX_OPTION_VALUES: Tok = &[
    (0x01, "No Unicast"),
    (0x02, "Local address"),
    (0x04, "Deprecated"),
    (0x08, "Propagate"),
    (0x10, "Down"),
    (0x20, "N-bit"),
];

/// The OSPFv3 header's length.
const HDR_LEN: usize = 16;
/// The size of `struct lsa6_hdr`.
const LSA_HDR_LEN: usize = 20;
/// `ls_type` values with their flooding scope bits (RFC 5340 A.4.2.1).
const SCOPE_AREA: u16 = 0x2000;
const SCOPE_AS: u16 = 0x4000;

/// Where C's `return 1` / `goto trunc` leads: `ospf6_print` prints `[|ospf3]` and returns
/// (a local truncation, not a `GET_*` longjmp).
type V<T = ()> = R<Result<T, ()>>;

/// `ospf6_print_ls_type`.
fn print_ls_type(nd: &mut Nd, ls_type: u16, stateid: usize) -> R {
    nd.need(stateid, 4)?;
    let t = (ls_type & 0x1fff) as u32;
    nd.s(b"\n\t    ");
    tok2str(nd, LSA_VALUES, "Unknown", t);
    nd.s(b" LSA (");
    nd.u(t as u64);
    nd.s(b"), ");
    tok2str(nd, LS_SCOPE_VALUES, "Unknown", (ls_type & 0x6000) as u32);
    nd.s(b" Scope");
    if ls_type & 0x8000 != 0 {
        nd.s(b", transitive");
    }
    nd.s(b", LSA-ID ");
    nd.ip4(stateid)
}

/// `ospf6_print_lshdr`: the LSA header at `p`, which must end by `dataend`.
fn print_lshdr(nd: &mut Nd, p: usize, dataend: usize) -> V {
    if p + LSA_HDR_LEN > dataend {
        return Ok(Err(()));
    }
    let (seq, age, len) = (nd.be4(p + 12)?, nd.be2(p)?, nd.be2(p + 18)?);
    nd.need(p + 8, 4)?;
    nd.s(b"\n\t  Advertising Router ");
    nd.ip4(p + 8)?;
    nd.s(b", seq 0x");
    nd.x0(seq as u64, 8);
    nd.s(b", age ");
    nd.u(age as u64);
    nd.s(b"s, length ");
    // `%zu` of an unsigned length minus sizeof: a short one wraps in 64 bits.
    nd.u((len as u64).wrapping_sub(LSA_HDR_LEN as u64));
    let ls_type = nd.be2(p + 2)?;
    print_ls_type(nd, ls_type, p + 4)?;
    Ok(Ok(()))
}

/// `ospf6_print_lsaprefix`: a prefix at `p` with `lsa_length` bytes left; its size.
fn print_lsaprefix(nd: &mut Nd, p: usize, lsa_length: usize) -> V<usize> {
    if lsa_length < 4 {
        return Ok(Err(()));
    }
    let lsa_length = lsa_length - 4;
    if !nd.ttest(p, 4) {
        return Ok(Err(()));
    }
    let plen = nd.u1(p)?;
    let wordlen = (plen as usize).div_ceil(32);
    if wordlen * 4 > 16 {
        nd.s(b" bogus prefixlen /");
        nd.u(plen as u64);
        return Ok(Err(()));
    }
    if lsa_length < wordlen * 4 {
        return Ok(Err(()));
    }
    let mut prefix = [0u8; 16];
    prefix[..wordlen * 4].copy_from_slice(nd.bytes(p + 4, wordlen * 4)?);
    nd.s(b"\n\t\t");
    nd.st.ipv6.put(nd.out, &prefix);
    nd.s(b"/");
    nd.u(plen as u64);
    let opt = nd.u1(p + 1)?;
    if opt != 0 {
        nd.s(b", Options [");
        bittok2str(nd, PREFIX_OPTION_VALUES, "none", opt as u32);
        nd.s(b"]");
    }
    let metric = nd.be2(p + 2)?;
    nd.s(b", metric ");
    nd.u(metric as u64);
    Ok(Ok(4 + wordlen * 4))
}

/// `count` prefixes from `p` (the Link and Intra-Area-Prefix LSAs).
fn prefixes(nd: &mut Nd, mut p: usize, mut count: u32, mut lsa_length: usize) -> V {
    while count > 0 {
        let Ok(n) = print_lsaprefix(nd, p, lsa_length)? else {
            return Ok(Err(()));
        };
        count -= 1;
        lsa_length -= n;
        p += n;
    }
    Ok(Ok(()))
}

/// `ospf6_print_lsa`: one LSA at `p`, which must end by `dataend`.
fn print_lsa(nd: &mut Nd, p: usize, dataend: usize) -> V {
    if print_lshdr(nd, p, dataend)?.is_err() {
        return Ok(Err(()));
    }
    let length = nd.be2(p + 18)? as usize;
    if length < LSA_HDR_LEN || p + length > dataend {
        return Ok(Err(()));
    }
    let mut lsa_length = length - LSA_HDR_LEN;
    let body = p + LSA_HDR_LEN;
    let ls_type = nd.be2(p + 2)?;
    const ROUTER: u16 = 1 | SCOPE_AREA;
    const NETWORK: u16 = 2 | SCOPE_AREA;
    const INTER_AP: u16 = 3 | SCOPE_AREA;
    const ASE: u16 = 5 | SCOPE_AS;
    const INTRA_AP: u16 = 9 | SCOPE_AREA;
    match ls_type {
        ROUTER => {
            if lsa_length < 4 {
                return Ok(Err(()));
            }
            lsa_length -= 4;
            let opts = nd.be4(body)?;
            nd.s(b"\n\t      Options [");
            bittok2str(nd, OPTION_VALUES, "none", opts);
            nd.s(b"]");
            let flags = nd.u1(body)?;
            nd.s(b", RLA-Flags [");
            bittok2str(nd, RLA_FLAG_VALUES, "none", flags as u32);
            nd.s(b"]");
            let mut rlp = body + 4;
            while lsa_length != 0 {
                if lsa_length < 16 {
                    return Ok(Err(()));
                }
                lsa_length -= 16;
                if !nd.ttest(rlp, 16) {
                    return Ok(Err(()));
                }
                let what: &[u8] = match nd.u1(rlp)? {
                    4 => b"\n\t      Virtual Link: Neighbor Router-ID ",
                    1 => b"\n\t      Neighbor Router-ID ",
                    2 => b"\n\t      Neighbor Network-ID ",
                    t => {
                        nd.s(b"\n\t      Unknown Router Links Type 0x");
                        nd.x0(t as u64, 2);
                        return Ok(Ok(()));
                    }
                };
                nd.s(what);
                nd.ip4(rlp + 12)?;
                nd.s(b"\n\t      Neighbor Interface-ID ");
                nd.ip4(rlp + 8)?;
                nd.s(b", Interface ");
                nd.ip4(rlp + 4)?;
                let metric = nd.be2(rlp + 2)?;
                nd.s(b", metric ");
                nd.u(metric as u64);
                rlp += 16;
            }
        }
        NETWORK => {
            if lsa_length < 4 {
                return Ok(Err(()));
            }
            lsa_length -= 4;
            let opts = nd.be4(body)?;
            nd.s(b"\n\t      Options [");
            bittok2str(nd, OPTION_VALUES, "none", opts);
            nd.s(b"]");
            nd.s(b"\n\t      Connected Routers:");
            let mut ap = body + 4;
            while lsa_length != 0 {
                if lsa_length < 4 {
                    return Ok(Err(()));
                }
                lsa_length -= 4;
                nd.need(ap, 4)?;
                nd.s(b"\n\t\t");
                nd.ip4(ap)?;
                ap += 4;
            }
        }
        INTER_AP => {
            if lsa_length < 4 {
                return Ok(Err(()));
            }
            lsa_length -= 4;
            let metric = nd.be4(body)?;
            nd.s(b", metric ");
            nd.u((metric & 0x00ff_ffff) as u64);
            let mut tptr = body + 4;
            while lsa_length != 0 {
                let Ok(n) = print_lsaprefix(nd, tptr, lsa_length)? else {
                    return Ok(Err(()));
                };
                lsa_length -= n;
                tptr += n;
            }
        }
        ASE => {
            if lsa_length < 4 {
                return Ok(Err(()));
            }
            lsa_length -= 4;
            let flags32 = nd.be4(body)?;
            nd.s(b"\n\t     Flags [");
            bittok2str(nd, ASLA_FLAG_VALUES, "none", flags32);
            nd.s(b"]");
            nd.s(b" metric ");
            nd.u((flags32 & 0x00ff_ffff) as u64);
            let lsapp = body + 4;
            let Ok(n) = print_lsaprefix(nd, lsapp, lsa_length)? else {
                return Ok(Err(()));
            };
            lsa_length -= n;
            let mut tptr = lsapp + n;
            if flags32 & ASLA_FLAG_FWDADDR != 0 {
                if lsa_length < 16 {
                    return Ok(Err(()));
                }
                lsa_length -= 16;
                nd.need(tptr, 16)?;
                nd.s(b" forward ");
                nd.ip6(tptr)?;
                tptr += 16;
            }
            if flags32 & ASLA_FLAG_ROUTETAG != 0 {
                if lsa_length < 4 {
                    return Ok(Err(()));
                }
                lsa_length -= 4;
                nd.need(tptr, 4)?;
                nd.s(b" tag ");
                nd.ip4(tptr)?;
                tptr += 4;
            }
            // C tests the first byte of the prefix's metric field (the referenced LS type
            // in RFC 5340).
            if nd.u1(lsapp + 2)? != 0 {
                if lsa_length < 4 {
                    return Ok(Err(()));
                }
                nd.need(tptr, 4)?;
                nd.s(b" RefLSID: ");
                nd.ip4(tptr)?;
            }
        }
        8 => {
            if lsa_length < 4 {
                return Ok(Err(()));
            }
            lsa_length -= 4;
            if !nd.ttest(body, 4) {
                return Ok(Err(()));
            }
            let opts = nd.be4(body)?;
            nd.s(b"\n\t      Options [");
            bittok2str(nd, OPTION_VALUES, "none", opts);
            nd.s(b"]");
            if lsa_length < 20 {
                return Ok(Err(()));
            }
            lsa_length -= 20;
            let count = nd.be4(body + 20)?;
            let prio = nd.u1(body)?;
            nd.need(body + 4, 16)?;
            nd.s(b"\n\t      Priority ");
            nd.u(prio as u64);
            nd.s(b", Link-local address ");
            nd.ip6(body + 4)?;
            nd.s(b", Prefixes ");
            nd.u(count as u64);
            nd.s(b":");
            return prefixes(nd, body + 24, count, lsa_length);
        }
        INTRA_AP => {
            if lsa_length < 4 {
                return Ok(Err(()));
            }
            lsa_length -= 4;
            if !nd.ttest(body + 8, 4) {
                return Ok(Err(()));
            }
            let t = nd.be2(body + 2)?;
            print_ls_type(nd, t, body + 4)?;
            if lsa_length < 2 {
                return Ok(Err(()));
            }
            lsa_length -= 2;
            let count = nd.be2(body)?;
            nd.s(b"\n\t      Prefixes ");
            nd.u(count as u64);
            nd.s(b":");
            return prefixes(nd, body + 12, count as u32, lsa_length);
        }
        11 => {
            if !ospf::grace_lsa_print(nd, body, lsa_length)? {
                return Ok(Err(()));
            }
        }
        10 => {
            if !ospf::te_lsa_print(nd, body, lsa_length)? {
                return Ok(Err(()));
            }
        }
        _ => {
            if !ospf::unknown_data(nd, body, b"\n\t      ", lsa_length)? {
                return Ok(Err(()));
            }
        }
    }
    Ok(Ok(()))
}

/// `ospf6_decode_v3`: the body after the header at `op`, up to `dataend`.
fn decode_v3(nd: &mut Nd, op: usize, dataend: usize) -> V {
    let b = op + HDR_LEN;
    let vv = nd.vflag > 1;
    match nd.u1(op + 1)? {
        1 => {
            let opts = nd.be4(b + 4)?;
            nd.s(b"\n\tOptions [");
            bittok2str(nd, OPTION_VALUES, "none", opts);
            nd.s(b"]");
            let (hello, dead, prio) = (nd.be2(b + 8)?, nd.be2(b + 10)?, nd.u1(b + 4)?);
            nd.need(b, 4)?;
            nd.s(b"\n\t  Hello Timer ");
            nd.u(hello as u64);
            nd.s(b"s, Dead Timer ");
            nd.u(dead as u64);
            nd.s(b"s, Interface-ID ");
            nd.ip4(b)?;
            nd.s(b", Priority ");
            nd.u(prio as u64);
            if nd.be4(b + 12)? != 0 {
                nd.s(b"\n\t  Designated Router ");
                nd.ip4(b + 12)?;
            }
            if nd.be4(b + 16)? != 0 {
                nd.s(b", Backup Designated Router ");
                nd.ip4(b + 16)?;
            }
            if vv {
                nd.s(b"\n\t  Neighbor List:");
                let mut ap = b + 20;
                while ap < dataend {
                    nd.need(ap, 4)?;
                    nd.s(b"\n\t    ");
                    nd.ip4(ap)?;
                    ap += 4;
                }
            }
        }
        2 => {
            let opts = nd.be4(b)?;
            nd.s(b"\n\tOptions [");
            bittok2str(nd, OPTION_VALUES, "none", opts);
            nd.s(b"]");
            let flags = nd.u1(b + 7)?;
            nd.s(b", DD Flags [");
            bittok2str(nd, DD_FLAG_VALUES, "none", flags as u32);
            nd.s(b"]");
            let (mtu, seq) = (nd.be2(b + 4)?, nd.be4(b + 8)?);
            nd.s(b", MTU ");
            nd.u(mtu as u64);
            nd.s(b", DD-Sequence 0x");
            nd.x0(seq as u64, 8);
            if vv {
                let mut lshp = b + 12;
                while lshp < dataend {
                    if print_lshdr(nd, lshp, dataend)?.is_err() {
                        return Ok(Err(()));
                    }
                    lshp += LSA_HDR_LEN;
                }
            }
        }
        3 if vv => {
            let mut lsrp = b;
            while lsrp < dataend {
                if !nd.ttest(lsrp, 12) {
                    return Ok(Err(()));
                }
                nd.s(b"\n\t  Advertising Router ");
                nd.ip4(lsrp + 8)?;
                let t = nd.be2(lsrp + 2)?;
                print_ls_type(nd, t, lsrp + 4)?;
                lsrp += 12;
            }
        }
        4 if vv => {
            // C counts down a signed int: a count of 2^31 or more runs to the end.
            let mut i = nd.be4(b)? as i32;
            let mut lsap = b + 4;
            while lsap < dataend && i != 0 {
                i = i.wrapping_sub(1);
                if print_lsa(nd, lsap, dataend)?.is_err() {
                    return Ok(Err(()));
                }
                lsap += nd.be2(lsap + 18)? as usize;
            }
        }
        5 if vv => {
            let mut lshp = b;
            while lshp < dataend {
                if print_lshdr(nd, lshp, dataend)?.is_err() {
                    return Ok(Err(()));
                }
                lshp += LSA_HDR_LEN;
            }
        }
        _ => {}
    }
    Ok(Ok(()))
}

/// `ospf6_print_lls`: the LLS block's header at `cp` (RFC 5613 2.2, TLVs not decoded);
/// its length.
fn print_lls(nd: &mut Nd, cp: usize, len: usize) -> V<usize> {
    if len == 0 {
        return Ok(Ok(0));
    }
    if len < 4 {
        return Ok(Err(()));
    }
    let ck = nd.be2(cp)?;
    nd.s(b"\n\tLLS Checksum 0x");
    nd.x0(ck as u64, 4);
    let n = nd.be2(cp + 2)? as usize;
    nd.s(b", Data Length ");
    nd.u(n as u64);
    if n < 4 || n > len || !nd.ttest(cp + 4, n - 4) {
        return Ok(Err(()));
    }
    Ok(Ok(n))
}

/// `ospf6_decode_at`: the authentication trailer at `cp` (RFC 6506 4.1).
fn decode_at(nd: &mut Nd, cp: usize, len: usize) -> V {
    if len == 0 {
        return Ok(Ok(()));
    }
    if len < 16 {
        return Ok(Err(()));
    }
    let t = nd.be2(cp)?;
    nd.s(b"\n\tAuthentication Type ");
    if t == 1 {
        nd.s(b"HMAC");
    } else {
        nd.s(b"unknown (0x");
        nd.x0(t as u64, 4);
        nd.s(b")");
    }
    let n = nd.be2(cp + 2)? as usize;
    nd.s(b", Length ");
    nd.u(n as u64);
    if n < 16 || n > len {
        return Ok(Err(()));
    }
    let said = nd.be2(cp + 6)?;
    nd.s(b", SAID ");
    nd.u(said as u64);
    let hi = nd.be4(cp + 8)?;
    nd.s(b", CSN 0x");
    nd.x0(hi as u64, 8);
    let lo = nd.be4(cp + 12)?;
    nd.s(b":");
    nd.x0(lo as u64, 8);
    if !nd.ttest(cp + 16, n - 16) {
        return Ok(Err(()));
    }
    if nd.vflag > 1 {
        nd.unknown_data(cp + 16, b"\n\tAuthentication Data ", n - 16)?;
    }
    Ok(Ok(()))
}

/// `ospf6_decode_v3_trailer`: LLS (hello and DD with the L bit) then the authentication
/// trailer, in the `len` bytes after the OSPF packet at `cp`.
fn decode_trailer(nd: &mut Nd, op: usize, cp: usize, len: usize) -> V {
    let lls = match nd.u1(op + 1)? {
        1 => nd.be4(op + HDR_LEN + 4)? & OPTION_L != 0,
        2 => nd.be4(op + HDR_LEN)? & OPTION_L != 0,
        _ => false,
    };
    let mut llslen = 0;
    if lls {
        match print_lls(nd, cp, len)? {
            Ok(n) => llslen = n,
            Err(()) => return Ok(Err(())),
        }
    }
    decode_at(nd, cp + llslen, len - llslen)
}

/// `ospf6_print`: the OSPFv3 packet at `bp`, `length` bytes of IPv6 payload.
pub(crate) fn ospf6_print(nd: &mut Nd, bp: usize, length: usize) -> R {
    nd.proto = "ospf3";
    let typ = nd.u1(bp + 1)?;
    let version = nd.u1(bp)?;
    nd.s(b"OSPFv");
    nd.u(version as u64);
    nd.s(b", ");
    let known = super::tok::name(TYPE_VALUES, typ as u32);
    match known {
        Some(n) => nd.st(n),
        None => {
            nd.s(b"unknown packet type (");
            nd.u(typ as u64);
            nd.s(b")");
        }
    }
    nd.s(b", length ");
    nd.u(length as u64);
    if known.is_none() || nd.vflag == 0 {
        return Ok(());
    }
    // The OSPFv3 packet comes first; trailing data may follow.
    let datalen = nd.be2(bp + 2)? as usize;
    if datalen > length {
        nd.s(b" [len ");
        nd.u(datalen as u64);
        nd.s(b"]");
        return Ok(());
    }
    let dataend = bp + datalen;
    nd.need(bp + 4, 4)?;
    nd.s(b"\n\tRouter-ID ");
    nd.ip4(bp + 4)?;
    if nd.be4(bp + 8)? != 0 {
        nd.s(b", Area ");
        nd.ip4(bp + 8)?;
    } else {
        nd.s(b", Backbone Area");
    }
    let instance = nd.u1(bp + 14)?;
    if instance != 0 {
        nd.s(b", Instance ");
        nd.u(instance as u64);
    }
    if version == 3
        && (decode_v3(nd, bp, dataend)?.is_err()
            || decode_trailer(nd, bp, dataend, length - datalen)?.is_err())
    {
        // `nd_print_trunc` and a normal return.
        return Err(nd.local_trunc());
    }
    Ok(())
}
