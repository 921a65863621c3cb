//! DNS over UDP and TCP, and mDNS, at default verbosity (tcpdump's print-domain.c).
//! Offsets are absolute packet indexes; tcpdump's NULL pointer returns are `None`.

use super::fmt;
use super::nd::{Nd, R};

const NS_OPS: [&str; 16] = [
    "",
    " inv_q",
    " stat",
    " op3",
    " notify",
    " update",
    " op6",
    " op7",
    " op8",
    " updateA",
    " updateD",
    " updateDA",
    " updateM",
    " updateMA",
    " zoneInit",
    " zoneRef",
];

const NS_RESP: [&str; 24] = [
    "",
    " FormErr",
    " ServFail",
    " NXDomain",
    " NotImp",
    " Refused",
    " YXDomain",
    " YXRRSet",
    " NXRRSet",
    " NotAuth",
    " NotZone",
    " Resp11",
    " Resp12",
    " Resp13",
    " Resp14",
    " NoChange",
    " BadVers",
    "Resp17",
    " Resp18",
    " Resp19",
    " Resp20",
    "Resp21",
    " Resp22",
    " BadCookie",
];

const MAXCDNAME: usize = 255;
const T_OPT: u16 = 41;

/// `ns_type2str` (LWRES prints it too).
pub(crate) fn type_name(t: u16) -> Option<&'static str> {
    Some(match t {
        1 => "A",
        2 => "NS",
        3 => "MD",
        4 => "MF",
        5 => "CNAME",
        6 => "SOA",
        7 => "MB",
        8 => "MG",
        9 => "MR",
        10 => "NULL",
        11 => "WKS",
        12 => "PTR",
        13 => "HINFO",
        14 => "MINFO",
        15 => "MX",
        16 => "TXT",
        17 => "RP",
        18 => "AFSDB",
        19 => "X25",
        20 => "ISDN",
        21 => "RT",
        22 => "NSAP",
        23 => "NSAP_PTR",
        24 => "SIG",
        25 => "KEY",
        26 => "PX",
        27 => "GPOS",
        28 => "AAAA",
        29 => "LOC",
        30 => "NXT",
        31 => "EID",
        32 => "NIMLOC",
        33 => "SRV",
        34 => "ATMA",
        35 => "NAPTR",
        36 => "KX",
        37 => "CERT",
        38 => "A6",
        39 => "DNAME",
        40 => "SINK",
        41 => "OPT",
        42 => "APL",
        43 => "DS",
        44 => "SSHFP",
        45 => "IPSECKEY",
        46 => "RRSIG",
        47 => "NSEC",
        48 => "DNSKEY",
        99 => "SPF",
        100 => "UINFO",
        101 => "UID",
        102 => "GID",
        103 => "UNSPEC",
        104 => "UNSPECA",
        249 => "TKEY",
        250 => "TSIG",
        251 => "IXFR",
        252 => "AXFR",
        253 => "MAILB",
        254 => "MAILA",
        255 => "ANY",
        256 => "URI",
        _ => return None,
    })
}

fn print_type(nd: &mut Nd, t: u16) {
    match type_name(t) {
        Some(n) => nd.st(n),
        None => {
            nd.s(b"Type");
            nd.u(t as u64);
        }
    }
}

/// `ns_class2str` (LWRES prints it too).
pub(crate) fn class_name(c: u16) -> Option<&'static str> {
    Some(match c {
        1 => "IN",
        3 => "CHAOS",
        4 => "HS",
        255 => "ANY",
        _ => return None,
    })
}

fn print_class(nd: &mut Nd, c: u16) {
    match class_name(c) {
        Some(n) => nd.st(n),
        None => {
            nd.s(b"(Class ");
            nd.u(c as u64);
            nd.s(b")");
        }
    }
}

/// `ns_nskip`: the index after the name at `cp`.
fn nskip(nd: &Nd, mut cp: usize) -> R<Option<usize>> {
    if !nd.ttest(cp, 1) {
        return Ok(None);
    }
    let mut i = nd.u1(cp)?;
    cp += 1;
    while i != 0 {
        match i & 0xc0 {
            0xc0 => return Ok(Some(cp + 1)),
            0x40 => {
                if i & 0x3f != 1 {
                    return Ok(None);
                }
                if !nd.ttest(cp, 1) {
                    return Ok(None);
                }
                let mut bitlen = nd.u1(cp)? as usize;
                if bitlen == 0 {
                    bitlen = 256;
                }
                cp += 1;
                cp += bitlen.div_ceil(8);
            }
            0x80 => return Ok(None),
            _ => cp += i as usize,
        }
        if !nd.ttest(cp, 1) {
            return Ok(None);
        }
        i = nd.u1(cp)?;
        cp += 1;
    }
    Ok(Some(cp))
}

/// `blabel_print`.
fn blabel_print(nd: &mut Nd, cp: usize) -> R<Option<usize>> {
    if !nd.ttest(cp, 1) {
        return Ok(None);
    }
    let mut bitlen = nd.u1(cp)? as usize;
    if bitlen == 0 {
        bitlen = 256;
    }
    let slen = bitlen.div_ceil(4);
    let lim = cp + 1 + slen;
    nd.s(b"\\[x");
    let mut bitp = cp + 1;
    let mut b = bitlen;
    while bitp < lim && b > 7 {
        let v = nd.u1(bitp)?;
        nd.x0(v as u64, 2);
        b -= 8;
        bitp += 1;
    }
    if b > 4 {
        let tc = nd.u1(bitp)? as u32;
        nd.x0((tc & (0xff << (8 - b))) as u64, 2);
    } else if b > 0 {
        let tc = nd.u1(bitp)? as u32;
        nd.x(((tc >> 4) & 0x0f & (0x0f << (4 - b))) as u64);
    }
    nd.s(b"/");
    nd.u(bitlen as u64);
    nd.s(b"]");
    Ok(Some(lim))
}

/// `labellen`: None where tcpdump returns -1.
fn labellen(nd: &mut Nd, cp: usize) -> R<Option<usize>> {
    if !nd.ttest(cp, 1) {
        return Ok(None);
    }
    let i = nd.u1(cp)?;
    match i & 0xc0 {
        0x40 => {
            let elt = i & 0x3f;
            if elt != 1 {
                nd.s(b"<ELT ");
                nd.u(elt as u64);
                nd.s(b">");
                return Ok(None);
            }
            if !nd.ttest(cp + 1, 1) {
                return Ok(None);
            }
            let mut bitlen = nd.u1(cp + 1)? as usize;
            if bitlen == 0 {
                bitlen = 256;
            }
            Ok(Some(bitlen.div_ceil(8) + 1))
        }
        0xc0 | 0x00 => Ok(Some(i as usize)),
        _ => {
            nd.s(b"<BAD LABEL TYPE>");
            Ok(None)
        }
    }
}

/// `fqdn_print`: prints the name at `cp` (compression relative to `bp`); returns the index
/// after it in the record.
pub(crate) fn fqdn_print(nd: &mut Nd, cp: usize, bp: usize) -> R<Option<usize>> {
    let mut cp = cp;
    let Some(mut l) = labellen(nd, cp)? else {
        return Ok(None);
    };
    if !nd.ttest(cp, 1) {
        return Ok(None);
    }
    // C's `(u_int)(cp - bp)`: DHCPv6 passes a `bp` past `cp` (the option's end), which
    // wraps to a large bound rather than failing.
    let mut max_offset = cp.wrapping_sub(bp) as u32 as usize;
    let mut i = nd.u1(cp)?;
    cp += 1;
    let mut compress = false;
    let mut rp: usize = 0;
    if i & 0xc0 != 0xc0 {
        rp = cp + l;
    }
    let mut name_chars = 0usize;
    if i != 0 {
        while i != 0 && cp < nd.snapend {
            match i & 0xc0 {
                0xc0 => {
                    if !compress {
                        rp = cp + 1;
                        compress = true;
                    }
                    if !nd.ttest(cp, 1) {
                        return Ok(None);
                    }
                    let offset = (((i as usize) << 8) | nd.u1(cp)? as usize) & 0x3fff;
                    if offset >= max_offset {
                        nd.s(b"<BAD PTR>");
                        return Ok(None);
                    }
                    max_offset = offset;
                    cp = bp + offset;
                    if !nd.ttest(cp, 1) {
                        return Ok(None);
                    }
                    i = nd.u1(cp)?;
                    match labellen(nd, cp)? {
                        Some(x) => l = x,
                        None => return Ok(None),
                    }
                    cp += 1;
                    continue;
                }
                0x40 => {
                    let elt = i & 0x3f;
                    if elt == 1 {
                        if blabel_print(nd, cp)?.is_none() {
                            return Ok(None);
                        }
                    } else {
                        nd.s(b"<ELT ");
                        nd.u(elt as u64);
                        nd.s(b">");
                        return Ok(None);
                    }
                }
                0x80 => {
                    nd.s(b"<BAD LABEL TYPE>");
                    return Ok(None);
                }
                _ => {
                    let se = nd.snapend;
                    if name_chars + l <= MAXCDNAME {
                        if nd.printn(cp, l, Some(se))? {
                            return Ok(None);
                        }
                    } else if name_chars < MAXCDNAME
                        && nd.printn(cp, MAXCDNAME - name_chars, Some(se))?
                    {
                        return Ok(None);
                    }
                    name_chars += l;
                }
            }
            cp += l;
            if name_chars <= MAXCDNAME {
                nd.s(b".");
            }
            name_chars += 1;
            if !nd.ttest(cp, 1) {
                return Ok(None);
            }
            i = nd.u1(cp)?;
            match labellen(nd, cp)? {
                Some(x) => l = x,
                None => return Ok(None),
            }
            cp += 1;
            if !compress {
                rp = rp.wrapping_add(l + 1);
            }
        }
        if name_chars > MAXCDNAME {
            nd.s(b"<DOMAIN NAME TOO LONG>");
        }
    } else {
        nd.s(b".");
    }
    Ok(Some(rp))
}

/// `ns_cprint`: a character string.
fn cprint(nd: &mut Nd, cp: usize) -> R<Option<usize>> {
    if !nd.ttest(cp, 1) {
        return Ok(None);
    }
    let i = nd.u1(cp)? as usize;
    let se = nd.snapend;
    if nd.printn(cp + 1, i, Some(se))? {
        return Ok(None);
    }
    Ok(Some(cp + 1 + i))
}

/// `ns_qprint`.
fn qprint(nd: &mut Nd, cp: usize, bp: usize, is_mdns: bool) -> R<Option<usize>> {
    let np = cp;
    let cp = match nskip(nd, cp)? {
        Some(c) if nd.ttest(c, 4) => c,
        _ => return Ok(None),
    };
    let t = nd.be2(cp)?;
    nd.s(b" ");
    print_type(nd, t);
    let i = nd.be2(cp + 2)?;
    let class = if is_mdns { i & !0x8000 } else { i };
    if class != 1 {
        nd.s(b" ");
        print_class(nd, class);
    }
    if is_mdns {
        nd.s(if i & 0x8000 != 0 { b" (QU)" } else { b" (QM)" });
    }
    nd.s(b"? ");
    Ok(fqdn_print(nd, np, bp)?.map(|c| c.wrapping_add(4)))
}

/// `ns_rprint`: -v prints the owner name, -vvv the TTL.
fn rprint(nd: &mut Nd, cp: usize, bp: usize, is_mdns: bool) -> R<Option<usize>> {
    let next = if nd.vflag > 0 {
        nd.s(b" ");
        match fqdn_print(nd, cp, bp)? {
            Some(c) => Some(c),
            None => return Ok(None),
        }
    } else {
        nskip(nd, cp)?
    };
    let mut cp = match next {
        Some(c) if nd.ttest(c, 10) => c,
        _ => return Ok(Some(nd.snapend)),
    };
    let typ = nd.be2(cp)?;
    cp += 2;
    let i = nd.be2(cp)?;
    cp += 2;
    let class = if is_mdns { i & !0x8000 } else { i };
    if class != 1 && typ != T_OPT {
        nd.s(b" ");
        print_class(nd, class);
    }
    if is_mdns && i & 0x8000 != 0 {
        nd.s(b" (Cache flush)");
    }
    let mut opt_flags = 0u16;
    if typ == T_OPT {
        cp += 2;
        opt_flags = nd.be2(cp)?;
        cp += 2;
    } else if nd.vflag > 2 {
        let ttl = nd.be4(cp)?;
        nd.s(b" [");
        super::igmp::relts(nd, ttl);
        nd.s(b"]");
        cp += 4;
    } else {
        cp += 4;
    }
    let len = nd.be2(cp)? as usize;
    cp += 2;
    let rp = cp + len;
    nd.s(b" ");
    print_type(nd, typ);
    if rp > nd.snapend {
        return Ok(None);
    }
    match typ {
        1 => {
            if !nd.ttest(cp, 4) {
                return Ok(None);
            }
            nd.s(b" ");
            nd.ip4(cp)?;
        }
        2 | 5 | 12 | 39 => {
            nd.s(b" ");
            if fqdn_print(nd, cp, bp)?.is_none() {
                return Ok(None);
            }
        }
        15 => {
            nd.s(b" ");
            if !nd.ttest(cp, 2) {
                return Ok(None);
            }
            if fqdn_print(nd, cp + 2, bp)?.is_none() {
                return Ok(None);
            }
            nd.s(b" ");
            let v = nd.be2(cp)?;
            nd.u(v as u64);
        }
        16 => {
            while cp < rp {
                nd.s(b" \"");
                match cprint(nd, cp)? {
                    Some(c) => cp = c,
                    None => return Ok(None),
                }
                nd.s(b"\"");
            }
        }
        33 => {
            nd.s(b" ");
            if !nd.ttest(cp, 6) {
                return Ok(None);
            }
            if fqdn_print(nd, cp + 6, bp)?.is_none() {
                return Ok(None);
            }
            nd.s(b":");
            let port = nd.be2(cp + 4)?;
            nd.u(port as u64);
            nd.s(b" ");
            let prio = nd.be2(cp)?;
            nd.u(prio as u64);
            nd.s(b" ");
            let w = nd.be2(cp + 2)?;
            nd.u(w as u64);
        }
        28 => {
            if !nd.ttest(cp, 16) {
                return Ok(None);
            }
            nd.s(b" ");
            nd.ip6(cp)?;
        }
        38 => {
            if !nd.ttest(cp, 1) {
                return Ok(None);
            }
            let pbit = nd.u1(cp)? as usize;
            let pbyte = (pbit & !7) / 8;
            if pbit > 128 {
                nd.s(b" ");
                nd.u(pbit as u64);
                nd.s(b"(bad plen)");
            } else {
                if pbit < 128 {
                    let mut a = [0u8; 16];
                    let src = nd.bytes(cp + 1, 16 - pbyte)?;
                    a[pbyte..].copy_from_slice(src);
                    nd.s(b" ");
                    nd.u(pbit as u64);
                    nd.s(b" ");
                    fmt::ipv6(nd.out, &a);
                }
                if pbit > 0 {
                    nd.s(b" ");
                    if fqdn_print(nd, cp + 1 + 16 - pbyte, bp)?.is_none() {
                        return Ok(None);
                    }
                }
            }
        }
        256 => {
            if !nd.ttest(cp, len) {
                return Ok(None);
            }
            let a = nd.be2(cp)?;
            let b = nd.be2(cp + 2)?;
            nd.s(b" ");
            nd.u(a as u64);
            nd.s(b" ");
            nd.u(b as u64);
            nd.s(b" ");
            let se = nd.snapend;
            if nd.printn(cp + 4, len.wrapping_sub(4) as u32 as usize, Some(se))? {
                return Ok(None);
            }
        }
        T_OPT => {
            nd.s(b" UDPsize=");
            nd.u(class as u64);
            if opt_flags & 0x8000 != 0 {
                nd.s(b" DO");
            }
            if cp < rp {
                nd.s(b" [");
                while cp < rp {
                    match eopt_print(nd, cp)? {
                        Some(c) => cp = c,
                        None => return Ok(None),
                    }
                    if cp < rp {
                        nd.s(b",");
                    }
                }
                nd.s(b"]");
            }
        }
        104 => {
            if !nd.ttest(cp, len) {
                return Ok(None);
            }
            let se = nd.snapend;
            if nd.printn(cp, len, Some(se))? {
                return Ok(None);
            }
        }
        6 if nd.vflag > 0 => {
            nd.s(b" ");
            let Some(c) = fqdn_print(nd, cp, bp)? else {
                return Ok(None);
            };
            nd.s(b" ");
            let Some(mut c) = fqdn_print(nd, c, bp)? else {
                return Ok(None);
            };
            if !nd.ttest(c, 20) {
                return Ok(None);
            }
            for _ in 0..5 {
                let v = nd.be4(c)?;
                nd.s(b" ");
                nd.u(v as u64);
                c += 4;
            }
        }
        250 if cp + len > nd.snapend => {
            return Ok(None);
        }
        250 if nd.vflag > 0 => {
            nd.s(b" ");
            let Some(mut c) = fqdn_print(nd, cp, bp)? else {
                return Ok(None);
            };
            c += 6;
            for (k, what) in [
                &b" fudge="[..],
                b" maclen=",
                b" origid=",
                b" error=",
                b" otherlen=",
            ]
            .into_iter()
            .enumerate()
            {
                if !nd.ttest(c, 2) {
                    return Ok(None);
                }
                let v = nd.be2(c)?;
                nd.s(what);
                nd.u(v as u64);
                // The MAC itself is skipped.
                c += if k == 1 { 2 + v as usize } else { 2 };
            }
        }
        _ => {}
    }
    Ok(Some(rp))
}

fn alg_list(nd: &mut Nd, cp: usize, n: usize, names: fn(u8) -> Option<&'static str>) -> R {
    for i in 0..n {
        if i > 0 {
            nd.s(b" ");
        }
        let v = nd.u1(cp + i)?;
        match names(v) {
            Some(s) => nd.st(s),
            None => {
                nd.s(b"Alg_");
                nd.u(v as u64);
            }
        }
    }
    Ok(())
}

/// `eopt_print`: one EDNS option.
fn eopt_print(nd: &mut Nd, cp: usize) -> R<Option<usize>> {
    if !nd.ttest(cp, 2) {
        return Ok(None);
    }
    let opt = nd.be2(cp)?;
    let name = match opt {
        1 => Some("LLQ"),
        2 => Some("UL"),
        3 => Some("NSID"),
        5 => Some("DAU"),
        6 => Some("DHU"),
        7 => Some("N3U"),
        8 => Some("ECS"),
        9 => Some("EXPIRE"),
        10 => Some("COOKIE"),
        11 => Some("KEEPALIVE"),
        12 => Some("PADDING"),
        13 => Some("CHAIN"),
        14 => Some("KEY-TAG"),
        16 => Some("CLIENT-TAG"),
        17 => Some("SERVER-TAG"),
        _ => None,
    };
    match name {
        Some(n) => nd.st(n),
        None => {
            nd.s(b"Opt");
            nd.u(opt as u64);
        }
    }
    let cp = cp + 2;
    if !nd.ttest(cp, 2) {
        return Ok(None);
    }
    let data_len = nd.be2(cp)? as usize;
    let cp = cp + 2;
    if !nd.ttest(cp, data_len) {
        return Ok(None);
    }
    if data_len > 0 {
        nd.s(b" ");
        match opt {
            8 => ecs(nd, cp, data_len)?,
            10 => {
                if data_len < 8 || (data_len > 8 && data_len < 16) || data_len > 40 {
                    nd.invalid();
                } else {
                    for i in 0..data_len {
                        if i == 8 {
                            nd.s(b" ");
                        }
                        let v = nd.u1(cp + i)?;
                        nd.x0(v as u64, 2);
                    }
                }
            }
            11 => {
                if data_len != 2 {
                    nd.invalid();
                } else {
                    // "%0.1f sec" of v / 10.0: v/10 is exact in one decimal.
                    let v = nd.be2(cp)? as u64;
                    nd.u(v / 10);
                    nd.s(b".");
                    nd.u(v % 10);
                    nd.s(b" sec");
                }
            }
            9 => {
                if data_len != 4 {
                    nd.invalid();
                } else {
                    let v = nd.be4(cp)?;
                    nd.u(v as u64);
                    nd.s(b" sec");
                }
            }
            12 => {
                nd.s(b"(");
                nd.u(data_len as u64);
                nd.s(b")");
            }
            14 => {
                if data_len % 2 != 0 {
                    nd.invalid();
                } else {
                    let mut i = 0;
                    while i < data_len {
                        if i > 0 {
                            nd.s(b" ");
                        }
                        let v = nd.be2(cp + i)?;
                        nd.u(v as u64);
                        i += 2;
                    }
                }
            }
            5 => alg_list(nd, cp, data_len, |v| {
                Some(match v {
                    0 => "DELETE",
                    1 => "RSAMD5",
                    2 => "DH",
                    3 => "DS",
                    5 => "RSASHA1",
                    6 => "DSA-NSEC3-SHA1",
                    7 => "RSASHA1-NSEC3-SHA1",
                    8 => "RSASHA256",
                    10 => "RSASHA512",
                    12 => "ECC-GOST",
                    13 => "ECDSAP256SHA256",
                    14 => "ECDSAP384SHA384",
                    15 => "ED25519",
                    16 => "ED448",
                    252 => "INDIRECT",
                    253 => "PRIVATEDNS",
                    254 => "PRIVATEOID",
                    _ => return None,
                })
            })?,
            6 => alg_list(nd, cp, data_len, |v| {
                Some(match v {
                    1 => "SHA-1",
                    2 => "SHA-256",
                    3 => "GOST_R_34.11-94",
                    4 => "SHA-384",
                    _ => return None,
                })
            })?,
            7 => alg_list(
                nd,
                cp,
                data_len,
                |v| if v == 1 { Some("SHA-1") } else { None },
            )?,
            13 => {
                fqdn_print(nd, cp, cp + data_len)?;
            }
            _ => {
                for i in 0..data_len {
                    let v = nd.u1(cp + i)?;
                    nd.x0(v as u64, 2);
                }
            }
        }
    }
    Ok(Some(cp + data_len))
}

/// `print_eopt_ecs`: EDNS client subnet.
fn ecs(nd: &mut Nd, cp: usize, data_len: usize) -> R {
    if data_len < 4 {
        nd.invalid();
        return Ok(());
    }
    let family = nd.be2(cp)?;
    let src_len = nd.u1(cp + 2)? as usize;
    let scope_len = nd.u1(cp + 3)? as usize;
    let addr_bits = match family {
        1 => 32,
        2 => 128,
        _ => {
            nd.invalid();
            return Ok(());
        }
    };
    if data_len - 4 > addr_bits / 8 {
        nd.invalid();
        return Ok(());
    }
    if src_len > addr_bits || scope_len > addr_bits || src_len.div_ceil(8) != data_len - 4 {
        nd.invalid();
        return Ok(());
    }
    let mut padded = [0u8; 16];
    padded[..data_len - 4].copy_from_slice(&nd.b[cp + 4..cp + data_len]);
    if family == 1 {
        fmt::ipv4(nd.out, &padded[..4]);
    } else {
        fmt::ipv6(nd.out, &padded);
    }
    nd.s(b"/");
    nd.u(src_len as u64);
    nd.s(b"/");
    nd.u(scope_len as u64);
    Ok(())
}

/// `domain_print`.
/// The authority (" ns:") and additional (" ar:") sections tcpdump prints at -vv.
/// Ok(false): a record could not be printed (the caller's `goto trunc`).
fn sections(
    nd: &mut Nd,
    cp: &mut usize,
    np: usize,
    is_mdns: bool,
    nscount: u32,
    arcount: u32,
) -> R<bool> {
    for (label, mut count) in [(&b" ns:"[..], nscount), (b" ar:", arcount)] {
        if *cp < nd.snapend && count > 0 {
            nd.s(label);
            match rprint(nd, *cp, np, is_mdns)? {
                Some(c) => *cp = c,
                None => return Ok(false),
            }
            count -= 1;
            while *cp < nd.snapend && count > 0 {
                nd.s(b",");
                match rprint(nd, *cp, np, is_mdns)? {
                    Some(c) => *cp = c,
                    None => return Ok(false),
                }
                count -= 1;
            }
        }
        if count > 0 {
            return Ok(false);
        }
    }
    Ok(true)
}

pub(crate) fn domain_print(
    nd: &mut Nd,
    bp: usize,
    length: usize,
    over_tcp: bool,
    is_mdns: bool,
) -> R {
    nd.proto = "domain";
    let mut bp = bp;
    let mut length = length;
    if over_tcp {
        if length < 2 {
            nd.s(b" [DNS over TCP: length ");
            nd.u(length as u64);
            nd.s(b" < 2]");
            nd.invalid();
            return Ok(());
        }
        length -= 2;
        let pl = nd.be2(bp)? as usize;
        if pl != length {
            nd.s(b" [prefix length(");
            nd.u(pl as u64);
            nd.s(b") != length(");
            nd.u(length as u64);
            nd.s(b")]");
            nd.invalid();
            return Ok(());
        }
        bp += 2;
        nd.s(b" ");
    }
    let np = bp;
    if length < 12 {
        nd.s(b"domain [length ");
        nd.u(length as u64);
        nd.s(b" < 12]");
        nd.invalid();
        return Ok(());
    }
    if !nd.ttest(np, 12) {
        nd.trunc();
        return Ok(());
    }
    let flags = nd.be2(np + 2)?;
    let qdcount = nd.be2(np + 4)? as u32;
    let mut ancount = nd.be2(np + 6)? as u32;
    let nscount = nd.be2(np + 8)? as u32;
    let arcount = nd.be2(np + 10)? as u32;
    let mut rcode = (flags & 0xf) as u32;

    // Scan for the EDNS OPT record, whose TTL holds the high bits of the rcode.
    'scan: {
        let mut cp = np + 12;
        for _ in 0..qdcount {
            match nskip(nd, cp)? {
                Some(c) => cp = c + 4,
                None => break 'scan,
            }
            if cp >= nd.snapend {
                break 'scan;
            }
        }
        for _ in 0..ancount + nscount {
            match nskip(nd, cp)? {
                Some(c) => cp = c + 8,
                None => break 'scan,
            }
            if cp + 2 > nd.snapend {
                break 'scan;
            }
            let rdlen = nd.be2(cp)? as usize;
            cp += 2 + rdlen;
            if cp >= nd.snapend {
                break 'scan;
            }
        }
        for _ in 0..arcount {
            match nskip(nd, cp)? {
                Some(c) => cp = c,
                None => break 'scan,
            }
            if cp + 2 > nd.snapend {
                break 'scan;
            }
            let t = nd.be2(cp)?;
            cp += 4;
            if cp + 1 > nd.snapend {
                break 'scan;
            }
            if t == T_OPT {
                rcode |= (nd.u1(cp)? as u32) << 4;
                break 'scan;
            }
            cp += 4;
            if cp + 2 > nd.snapend {
                break 'scan;
            }
            let rdlen = nd.be2(cp)? as usize;
            cp += 2 + rdlen;
            if cp >= nd.snapend {
                break 'scan;
            }
        }
    }

    let id = nd.be2(np)?;
    let opcode = ((flags >> 11) & 0xf) as usize;
    let trunc = |nd: &mut Nd| {
        nd.trunc();
        Ok(())
    };
    if flags & 0x8000 != 0 {
        nd.u(id as u64);
        nd.st(NS_OPS[opcode]);
        if (rcode as usize) < NS_RESP.len() {
            nd.st(NS_RESP[rcode as usize]);
        } else {
            nd.s(b" Resp");
            nd.u((rcode & 0xfff) as u64);
        }
        if flags & 0x0400 != 0 {
            nd.s(b"*");
        }
        if flags & 0x0080 == 0 {
            nd.s(b"-");
        }
        if flags & 0x0200 != 0 {
            nd.s(b"|");
        }
        if flags & 0x0020 != 0 {
            nd.s(b"$");
        }
        if qdcount != 1 {
            nd.s(b" [");
            nd.u(qdcount as u64);
            nd.s(b"q]");
        }
        let mut cp = np + 12;
        for i in 0..qdcount {
            if i != 0 {
                nd.s(b",");
            }
            if nd.vflag > 1 {
                nd.s(b" q:");
                match qprint(nd, cp, np, is_mdns)? {
                    Some(c) => cp = c,
                    None => return trunc(nd),
                }
            } else {
                match nskip(nd, cp)? {
                    Some(c) => cp = c + 4,
                    None => return trunc(nd),
                }
            }
        }
        nd.s(b" ");
        nd.u(ancount as u64);
        nd.s(b"/");
        nd.u(nscount as u64);
        nd.s(b"/");
        nd.u(arcount as u64);
        if ancount > 0 {
            match rprint(nd, cp, np, is_mdns)? {
                Some(c) => cp = c,
                None => return trunc(nd),
            }
            ancount -= 1;
            while cp < nd.snapend && ancount > 0 {
                nd.s(b",");
                match rprint(nd, cp, np, is_mdns)? {
                    Some(c) => cp = c,
                    None => return trunc(nd),
                }
                ancount -= 1;
            }
        }
        if ancount > 0 {
            return trunc(nd);
        }
        if nd.vflag > 1 && !sections(nd, &mut cp, np, is_mdns, nscount, arcount)? {
            return trunc(nd);
        }
    } else {
        nd.u(id as u64);
        nd.st(NS_OPS[opcode]);
        if flags & 0x0100 != 0 {
            nd.s(b"+");
        }
        if flags & 0x0010 != 0 {
            nd.s(b"%");
        }
        let b2 = flags;
        if b2 & 0x6cf != 0 {
            nd.s(b" [b2&3=0x");
            nd.x(b2 as u64);
            nd.s(b"]");
        }
        if opcode == 1 {
            if qdcount != 0 {
                nd.s(b" [");
                nd.u(qdcount as u64);
                nd.s(b"q]");
            }
            if ancount != 1 {
                nd.s(b" [");
                nd.u(ancount as u64);
                nd.s(b"a]");
            }
        } else {
            if ancount != 0 {
                nd.s(b" [");
                nd.u(ancount as u64);
                nd.s(b"a]");
            }
            if qdcount != 1 {
                nd.s(b" [");
                nd.u(qdcount as u64);
                nd.s(b"q]");
            }
        }
        if nscount != 0 {
            nd.s(b" [");
            nd.u(nscount as u64);
            nd.s(b"n]");
        }
        if arcount != 0 {
            nd.s(b" [");
            nd.u(arcount as u64);
            nd.s(b"au]");
        }
        let mut cp = np + 12;
        let mut qd = qdcount;
        if qd > 0 {
            match qprint(nd, cp, np, is_mdns)? {
                Some(c) => cp = c,
                None => return trunc(nd),
            }
            qd -= 1;
            while cp < nd.snapend && qd > 0 {
                match qprint(nd, cp, np, is_mdns)? {
                    Some(c) => cp = c,
                    None => return trunc(nd),
                }
                qd -= 1;
            }
        }
        if qd > 0 {
            return trunc(nd);
        }
        if nd.vflag > 1 {
            if ancount > 0 {
                match rprint(nd, cp, np, is_mdns)? {
                    Some(c) => cp = c,
                    None => return trunc(nd),
                }
                ancount -= 1;
                while cp < nd.snapend && ancount > 0 {
                    nd.s(b",");
                    match rprint(nd, cp, np, is_mdns)? {
                        Some(c) => cp = c,
                        None => return trunc(nd),
                    }
                    ancount -= 1;
                }
            }
            if ancount > 0 {
                return trunc(nd);
            }
            if !sections(nd, &mut cp, np, is_mdns, nscount, arcount)? {
                return trunc(nd);
            }
        }
    }
    nd.s(b" (");
    nd.u(length as u64);
    nd.s(b")");
    Ok(())
}
