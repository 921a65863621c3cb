//! ISAKMP / IKE (tcpdump's print-isakmp.c): UDP 500, the user ports 7500 and 8500, and IKE
//! behind NAT on UDP 4500 (after the four zero bytes of the non-ESP marker, see
//! [`super::ipsec::rfc3948_print`]). The header line (version, message id, cookies from
//! -vv), IKEv1's phase, initiator/responder side and exchange type, IKEv2's SA kind and
//! flags, and from -v every payload as tcpdump prints it: SA, proposals and transforms with
//! their attributes, key exchange, identities, certificates, hashes, signatures, nonces,
//! notifications, deletes, vendor ids, traffic selectors, encrypted payloads (never
//! decrypted: there are no secrets here). Payload data is shown in hex from -vvv, as tcpdump
//! does.
//!
//! tcpdump keeps the initiator cookies of the last 20 exchanges with their addresses, to tell
//! "I" from "R" in later IKEv1 messages: [`CookieCache`] in the printer's state.

use super::nd::{Nd, R};

const NP_SA: u8 = 1;
const NP_P: u8 = 2;
const NP_T: u8 = 3;
const NP_KE: u8 = 4;
const NP_ID: u8 = 5;
const NP_CERT: u8 = 6;
const NP_CR: u8 = 7;
const NP_HASH: u8 = 8;
const NP_SIG: u8 = 9;
const NP_NONCE: u8 = 10;
const NP_N: u8 = 11;
const NP_D: u8 = 12;
const NP_VID: u8 = 13;
const NP_V2E: u8 = 46;

const FLAG_E: u8 = 0x01;
const FLAG_C: u8 = 0x02;
const FLAG_I: u8 = 1 << 3;
const FLAG_V: u8 = 1 << 4;
const FLAG_R: u8 = 1 << 5;

/// `sizeof(struct isakmp)`.
const HDR: usize = 28;

const MAXINITIATORS: usize = 20;

/// tcpdump's `cookiecache`: initiator cookies with the initiator's and responder's
/// addresses (IPv4 in the first 4 bytes), filled round-robin.
pub(crate) struct CookieCache {
    entries: [Initiator; MAXINITIATORS],
    next: usize,
}

/// One `cookiecache` entry.
#[derive(Clone, Copy, Default)]
struct Initiator {
    cookie: [u8; 8],
    /// The IP version; 0 in a slot never filled.
    version: u8,
    addrs: Addrs,
}

/// The initiator's and the responder's addresses (IPv4 in the first 4 bytes).
#[derive(Clone, Copy, Default)]
struct Addrs {
    src: [u8; 16],
    dst: [u8; 16],
}

impl Default for CookieCache {
    fn default() -> Self {
        CookieCache {
            entries: [Initiator::default(); MAXINITIATORS],
            next: 0,
        }
    }
}

impl CookieCache {
    /// `cookie_find`: the all-zero slots of an empty cache match an all-zero cookie, as in C.
    fn find(&self, ck: &[u8]) -> Option<usize> {
        self.entries.iter().position(|e| e.cookie == ck)
    }
}

/// The IP version and (source, destination) of the header at `iph`.
fn ip_addrs(nd: &Nd, iph: usize) -> R<Option<(u8, Addrs)>> {
    let v = nd.u1(iph)? >> 4;
    let (s, d, l) = match v {
        4 => (iph + 12, iph + 16, 4),
        6 => (iph + 8, iph + 24, 16),
        _ => return Ok(None),
    };
    let mut a = Addrs::default();
    a.src[..l].copy_from_slice(nd.bytes(s, l)?);
    a.dst[..l].copy_from_slice(nd.bytes(d, l)?);
    Ok(Some((v, a)))
}

const PROTOIDSTR: &[Option<&str>] = &[
    None,
    Some("isakmp"),
    Some("ipsec-ah"),
    Some("ipsec-esp"),
    Some("ipcomp"),
];

const NPSTR: &[&str] = &[
    "none", "sa", "p", "t", "ke", "id", "cert", "cr", "hash", "sig", "nonce", "n", "d", "vid",
    "pay14", "pay15", "pay16", "pay17", "pay18", "pay19", "pay20", "pay21", "pay22", "pay23",
    "pay24", "pay25", "pay26", "pay27", "pay28", "pay29", "pay30", "pay31", "pay32", "v2sa",
    "v2ke", "v2IDi", "v2IDr", "v2cert", "v2cr", "v2auth", "v2nonce", "v2n", "v2d", "v2vid",
    "v2TSi", "v2TSr", "v2e", "v2cp", "v2eap",
];

const ETYPESTR: &[Option<&str>] = &[
    Some("none"),
    Some("base"),
    Some("ident"),
    Some("auth"),
    Some("agg"),
    Some("inf"),
    None,
    None,
    None,
    None,
    None,
    None,
    None,
    None,
    None,
    None,
    None,
    None,
    None,
    None,
    None,
    None,
    None,
    None,
    None,
    None,
    None,
    None,
    None,
    None,
    None,
    None,
    Some("oakley-quick"),
    Some("oakley-newgroup"),
    Some("ikev2_init"),
    Some("ikev2_auth"),
    Some("child_sa"),
    Some("inf2"),
];

const IKEV1_P_MAP: &[Option<&str>] = &[None, Some("ike")];
const IKEV2_T_TYPE_MAP: &[Option<&str>] = &[
    None,
    Some("encr"),
    Some("prf"),
    Some("integ"),
    Some("dh"),
    Some("esn"),
];
const AH_P_MAP: &[Option<&str>] = &[
    None,
    Some("(reserved)"),
    Some("md5"),
    Some("sha"),
    Some("1des"),
    Some("sha2-256"),
    Some("sha2-384"),
    Some("sha2-512"),
];
const PRF_P_MAP: &[Option<&str>] = &[
    None,
    Some("hmac-md5"),
    Some("hmac-sha"),
    Some("hmac-tiger"),
    Some("aes128_xcbc"),
];
const INTEG_P_MAP: &[Option<&str>] = &[
    None,
    Some("hmac-md5"),
    Some("hmac-sha"),
    Some("dec-mac"),
    Some("kpdk-md5"),
    Some("aes-xcbc"),
];
const ESN_P_MAP: &[Option<&str>] = &[Some("no-esn"), Some("esn")];
/// The Diffie-Hellman groups (`dh_p_map`, and the "group desc" attribute values).
const DH_P_MAP: &[Option<&str>] = &[
    None,
    Some("modp768"),
    Some("modp1024"),
    Some("EC2N 2^155"),
    Some("EC2N 2^185"),
    Some("modp1536"),
    Some("iana-grp06"),
    Some("iana-grp07"),
    Some("iana-grp08"),
    Some("iana-grp09"),
    Some("iana-grp10"),
    Some("iana-grp11"),
    Some("iana-grp12"),
    Some("iana-grp13"),
    Some("modp2048"),
    Some("modp3072"),
    Some("modp4096"),
    Some("modp6144"),
    Some("modp8192"),
];
const ESP_P_MAP: &[Option<&str>] = &[
    None,
    Some("1des-iv64"),
    Some("1des"),
    Some("3des"),
    Some("rc5"),
    Some("idea"),
    Some("cast"),
    Some("blowfish"),
    Some("3idea"),
    Some("1des-iv32"),
    Some("rc4"),
    Some("null"),
    Some("aes"),
];
const IPCOMP_P_MAP: &[Option<&str>] = &[None, Some("oui"), Some("deflate"), Some("lzs")];

/// `struct attrmap`: an attribute type's name and its named values; only values below
/// `nvalue` are looked up (so "group desc" never names group 18, as in C).
struct AttrMap {
    name: Option<&'static str>,
    nvalue: usize,
    values: &'static [Option<&'static str>],
}

const fn am(
    name: Option<&'static str>,
    nvalue: usize,
    values: &'static [Option<&'static str>],
) -> AttrMap {
    AttrMap {
        name,
        nvalue,
        values,
    }
}

const LIFETYPE: &[Option<&str>] = &[None, Some("sec"), Some("kb")];

const IPSEC_T_MAP: &[AttrMap] = &[
    am(None, 0, &[]),
    am(Some("lifetype"), 3, LIFETYPE),
    am(Some("life"), 0, &[]),
    am(Some("group desc"), 18, DH_P_MAP),
    am(
        Some("enc mode"),
        3,
        &[None, Some("tunnel"), Some("transport")],
    ),
    am(
        Some("auth"),
        5,
        &[
            None,
            Some("hmac-md5"),
            Some("hmac-sha1"),
            Some("1des-mac"),
            Some("keyed"),
        ],
    ),
    am(Some("keylen"), 0, &[]),
    am(Some("rounds"), 0, &[]),
    am(Some("dictsize"), 0, &[]),
    am(Some("privalg"), 0, &[]),
];

const ENCR_T_MAP: &[AttrMap] = &[
    am(None, 0, &[]),
    am(None, 0, &[]),
    am(None, 0, &[]),
    am(None, 0, &[]),
    am(None, 0, &[]),
    am(None, 0, &[]),
    am(None, 0, &[]),
    am(None, 0, &[]),
    am(None, 0, &[]),
    am(None, 0, &[]),
    am(None, 0, &[]),
    am(None, 0, &[]),
    am(None, 0, &[]),
    am(None, 0, &[]),
    am(Some("keylen"), 14, &[]),
];

const OAKLEY_T_MAP: &[AttrMap] = &[
    am(None, 0, &[]),
    am(
        Some("enc"),
        8,
        &[
            None,
            Some("1des"),
            Some("idea"),
            Some("blowfish"),
            Some("rc5"),
            Some("3des"),
            Some("cast"),
            Some("aes"),
        ],
    ),
    am(
        Some("hash"),
        7,
        &[
            None,
            Some("md5"),
            Some("sha1"),
            Some("tiger"),
            Some("sha2-256"),
            Some("sha2-384"),
            Some("sha2-512"),
        ],
    ),
    am(
        Some("auth"),
        6,
        &[
            None,
            Some("preshared"),
            Some("dss"),
            Some("rsa sig"),
            Some("rsa enc"),
            Some("rsa enc revised"),
        ],
    ),
    am(Some("group desc"), 18, DH_P_MAP),
    am(
        Some("group type"),
        4,
        &[None, Some("MODP"), Some("ECP"), Some("EC2N")],
    ),
    am(Some("group prime"), 0, &[]),
    am(Some("group gen1"), 0, &[]),
    am(Some("group gen2"), 0, &[]),
    am(Some("group curve A"), 0, &[]),
    am(Some("group curve B"), 0, &[]),
    am(Some("lifetype"), 3, LIFETYPE),
    am(Some("lifeduration"), 0, &[]),
    am(Some("prf"), 0, &[]),
    am(Some("keylen"), 0, &[]),
    am(Some("field"), 0, &[]),
    am(Some("order"), 0, &[]),
];

/// `STR_OR_ID(x, tab)`: the table's name, or "#x".
fn str_or_id(nd: &mut Nd, tab: &[Option<&str>], x: u32) {
    match tab.get(x as usize).copied().flatten() {
        Some(s) => nd.st(s),
        None => {
            nd.s(b"#");
            nd.u(x as u64);
        }
    }
}

/// `NPSTR(np)`.
fn npstr(nd: &mut Nd, np: u8) {
    match NPSTR.get(np as usize) {
        Some(s) => nd.st(s),
        None => {
            nd.s(b"#");
            nd.u(np as u64);
        }
    }
}

/// A payload printer's `trunc:` label: " [|NAME]".
fn trunc_np(nd: &mut Nd, np: u8) {
    nd.s(b" [|");
    npstr(nd, np);
    nd.s(b"]");
}

/// `rawprint`: `len` bytes in hex, or false (nothing printed) when they are not captured.
fn rawprint(nd: &mut Nd, at: usize, len: usize) -> bool {
    if !nd.ttest(at, len) {
        return false;
    }
    for i in at..at + len {
        nd.x0(nd.b[i] as u64, 2);
    }
    true
}

/// `ike_show_somedata`: the first 10 and the last 20 bytes up to `ep`.
fn show_somedata(nd: &mut Nd, cp: usize, ep: usize) -> bool {
    let mut end = ep.wrapping_sub(20);
    let mut elen = 20;
    let len = (ep - cp).min(10);
    if end < cp + len || ep < 20 {
        end = cp + len;
        elen = ep - end;
    }
    nd.s(b" data=(");
    if !rawprint(nd, cp, len) {
        return false;
    }
    nd.s(b"...");
    if elen > 0 && !rawprint(nd, end, elen) {
        return false;
    }
    nd.s(b")");
    true
}

/// A payload printer's result: `Some(next)` or C's NULL (stop, already reported); `Err` is a
/// `GET_*` past the capture.
type Next = R<Option<usize>>;

/// `ikev1_attrmap_print` (with a map) and `ikev1_attr_print` (without).
fn attr_print(nd: &mut Nd, p: usize, ep2: usize, map: Option<&[AttrMap]>) -> Next {
    let b0 = nd.u1(p)?;
    let totlen = if b0 & 0x80 != 0 {
        4
    } else {
        4 + nd.be2(p + 2)? as usize
    };
    if ep2 < p + totlen {
        nd.s(b"[|attr]");
        return Ok(Some(ep2 + 1));
    }
    nd.s(b"(");
    let t = (nd.be2(p)? & 0x7fff) as usize;
    let entry = map.and_then(|m| m.get(t));
    match entry.and_then(|e| e.name) {
        Some(n) => {
            nd.s(b"type=");
            nd.st(n);
            nd.s(b" ");
        }
        None => {
            nd.s(b"type=#");
            nd.u(t as u64);
            nd.s(b" ");
        }
    }
    let ok = if b0 & 0x80 != 0 {
        nd.s(b"value=");
        let v = nd.be2(p + 2)? as usize;
        let name = entry
            .filter(|e| v < e.nvalue)
            .and_then(|e| e.values.get(v).copied().flatten());
        match name {
            Some(n) => {
                nd.st(n);
                true
            }
            None => rawprint(nd, p + 2, 2),
        }
    } else {
        nd.s(b"len=");
        nd.u(totlen as u64 - 4);
        nd.s(b" value=");
        rawprint(nd, p + 4, totlen - 4)
    };
    nd.s(b")");
    Ok(if ok { Some(p + totlen) } else { None })
}

/// What a payload printer knows besides the payload (tcpdump's common arguments).
#[derive(Clone, Copy)]
struct Ctx {
    /// The end of the capture (C's `ep`): some data is shown up to it, past the payload.
    ep: usize,
    /// The proposal's protocol, which names its transforms.
    proto: u32,
    /// The nesting level: four spaces each.
    depth: usize,
}

/// The IKEv1 payload printers (`npfunc[1..=13]`).
fn v1_payload(nd: &mut Nd, np: u8, ext: usize, item_len: usize, c: Ctx) -> Next {
    match np {
        NP_SA => v1_sa(nd, ext, c),
        NP_P => v1_p(nd, ext, c),
        NP_T => v1_t(nd, ext, item_len, c),
        NP_KE | NP_HASH | NP_SIG | NP_VID => {
            nd.st(NPSTR[np as usize]);
            nd.s(b":");
            if !nd.ttest(ext, 4) {
                trunc_np(nd, np);
                return Ok(None);
            }
            nd.s(if np == NP_KE { b" key len=" } else { b" len=" });
            nd.u(item_len as u64 - 4);
            data_vvv(nd, np, ext, item_len)
        }
        NP_ID => v1_id(nd, ext, item_len),
        NP_CERT | NP_CR => {
            nd.st(NPSTR[np as usize]);
            nd.s(b":");
            if !nd.ttest(ext, 6) {
                trunc_np(nd, np);
                return Ok(None);
            }
            nd.s(b" len=");
            nd.u(item_len as u64 - 4);
            nd.s(b" type=");
            let enc = nd.u1(ext + 4)?;
            str_or_id(nd, CERTSTR, enc as u32);
            data_vvv(nd, np, ext, item_len)
        }
        NP_NONCE => {
            nd.s(b"nonce:");
            if !nd.ttest(ext, 4) {
                trunc_np(nd, np);
                return Ok(None);
            }
            nd.s(b" n len=");
            nd.u(item_len as u64 - 4);
            if item_len > 4 {
                let ok = if nd.vflag > 2 {
                    nd.s(b" ");
                    rawprint(nd, ext + 4, item_len - 4)
                } else if nd.vflag > 1 {
                    nd.s(b" ");
                    show_somedata(nd, ext + 4, c.ep)
                } else {
                    true
                };
                if !ok {
                    trunc_np(nd, np);
                    return Ok(None);
                }
            }
            Ok(Some(ext + item_len))
        }
        NP_N => v1_n(nd, ext, item_len, c),
        NP_D => v1_d(nd, ext),
        _ => unreachable!("not an IKEv1 payload"),
    }
}

const CERTSTR: &[Option<&str>] = &[
    Some("none"),
    Some("pkcs7"),
    Some("pgp"),
    Some("dns"),
    Some("x509sign"),
    Some("x509ke"),
    Some("kerberos"),
    Some("crl"),
    Some("arl"),
    Some("spki"),
    Some("x509attr"),
];

/// The whole payload in hex from -vvv (the tail of the IKEv1 printers and `ikev2_gen_print`).
fn data_vvv(nd: &mut Nd, np: u8, ext: usize, item_len: usize) -> Next {
    if nd.vflag > 2 && item_len > 4 {
        nd.s(b" ");
        if !rawprint(nd, ext + 4, item_len - 4) {
            trunc_np(nd, np);
            return Ok(None);
        }
    }
    Ok(Some(ext + item_len))
}

/// `ikev1_sa_print`.
fn v1_sa(nd: &mut Nd, ext: usize, c: Ctx) -> Next {
    nd.s(b"sa:");
    if !nd.ttest(ext, 12) {
        trunc_np(nd, NP_SA);
        return Ok(None);
    }
    let doi = nd.be4(ext + 4)?;
    let sit = nd.be4(ext + 8)?;
    if doi != 1 {
        nd.s(b" doi=");
        nd.u(doi as u64);
        nd.s(b" situation=");
        nd.u(sit as u64);
        return Ok(Some(ext + 12));
    }
    nd.s(b" doi=ipsec situation=");
    let mut t = false;
    if sit & 0x01 != 0 {
        nd.s(b"identity");
        t = true;
    }
    if sit & 0x02 != 0 {
        nd.s(if t { b"+secrecy" } else { b"secrecy" });
        t = true;
    }
    if sit & 0x04 != 0 {
        nd.s(if t { b"+integrity" } else { b"integrity" });
    }
    let mut np = ext + 12;
    if sit != 0x01 {
        // C reads `ext + 1`, a struct isakmp_gen further: the DOI field again.
        let ident = nd.be4(ext + 4)?;
        nd.s(b" ident=");
        nd.u(ident as u64);
        np += 4;
    }
    if !nd.ttest(np, 4) {
        trunc_np(nd, NP_SA);
        return Ok(None);
    }
    sub_print(nd, NP_P, np, c, false)
}

/// `ikev1_p_print`.
fn v1_p(nd: &mut Nd, ext: usize, c: Ctx) -> Next {
    nd.s(b"p:");
    if !nd.ttest(ext, 8) {
        trunc_np(nd, NP_P);
        return Ok(None);
    }
    let p_no = nd.u1(ext + 4)?;
    let prot_id = nd.u1(ext + 5)?;
    let num_t = nd.u1(ext + 7)?;
    nd.s(b" #");
    nd.u(p_no as u64);
    nd.s(b" protoid=");
    str_or_id(nd, PROTOIDSTR, prot_id as u32);
    nd.s(b" transform=");
    nd.u(num_t as u64);
    let spi_size = nd.u1(ext + 6)? as usize;
    if spi_size > 0 {
        nd.s(b" spi=");
        if !rawprint(nd, ext + 8, spi_size) {
            trunc_np(nd, NP_P);
            return Ok(None);
        }
    }
    let next = ext + 8 + spi_size;
    if !nd.ttest(next, 4) {
        trunc_np(nd, NP_P);
        return Ok(None);
    }
    sub_print(
        nd,
        NP_T,
        next,
        Ctx {
            proto: prot_id as u32,
            ..c
        },
        false,
    )
}

/// The transform attributes up to the payload's end (`ep2`) or the capture's (`ep`), shared
/// by `ikev1_t_print` and `ikev2_t_print`; false on a truncated attribute.
fn attrs(nd: &mut Nd, mut cp: usize, ep: usize, ep2: usize, map: Option<&[AttrMap]>) -> Next {
    while cp < ep && cp < ep2 {
        match attr_print(nd, cp, ep2, map)? {
            Some(n) => cp = n,
            None => return Ok(None),
        }
    }
    if ep < ep2 {
        nd.s(b"...");
    }
    Ok(Some(cp))
}

/// `ikev1_t_print`.
fn v1_t(nd: &mut Nd, ext: usize, item_len: usize, c: Ctx) -> Next {
    nd.s(b"t:");
    if !nd.ttest(ext, 8) {
        trunc_np(nd, NP_T);
        return Ok(None);
    }
    let (idmap, map): (Option<&[Option<&str>]>, Option<&[AttrMap]>) = match c.proto {
        1 => (Some(IKEV1_P_MAP), Some(OAKLEY_T_MAP)),
        2 => (Some(AH_P_MAP), Some(IPSEC_T_MAP)),
        3 => (Some(ESP_P_MAP), Some(IPSEC_T_MAP)),
        4 => (Some(IPCOMP_P_MAP), Some(IPSEC_T_MAP)),
        _ => (None, None),
    };
    let t_id = nd.u1(ext + 5)?;
    let t_no = nd.u1(ext + 4)?;
    nd.s(b" #");
    nd.u(t_no as u64);
    nd.s(b" id=");
    match idmap {
        Some(m) => str_or_id(nd, m, t_id as u32),
        None => nd.u(t_id as u64),
    }
    nd.s(b" ");
    match attrs(nd, ext + 8, c.ep, ext + item_len, map)? {
        Some(cp) => Ok(Some(cp)),
        None => {
            trunc_np(nd, NP_T);
            Ok(None)
        }
    }
}

const IPSECIDTYPESTR: &[Option<&str>] = &[
    None,
    Some("IPv4"),
    Some("FQDN"),
    Some("user FQDN"),
    Some("IPv4net"),
    Some("IPv6"),
    Some("IPv6net"),
    Some("IPv4range"),
    Some("IPv6range"),
    Some("ASN1 DN"),
    Some("ASN1 GN"),
    Some("keyid"),
];

/// `ikev1_id_print` (the IPsec DOI form, which tcpdump uses in both phases).
fn v1_id(nd: &mut Nd, ext: usize, item_len: usize) -> Next {
    nd.s(b"id:");
    if !nd.ttest(ext, 8) {
        trunc_np(nd, NP_ID);
        return Ok(None);
    }
    let (data, mut len) = if item_len > 8 {
        (Some(ext + 8), item_len - 8)
    } else {
        (None, 0)
    };
    // tcpdump's other branch (`idtypestr`) is for phases other than 1 and 2: none.
    {
        let typ = nd.u1(ext + 4)?;
        nd.s(b" idtype=");
        str_or_id(nd, IPSECIDTYPESTR, typ as u32);
        let proto_id = nd.u1(ext + 5)?;
        nd.s(b" protoid=");
        nd.u(proto_id as u64);
        let port = nd.be2(ext + 6)?;
        nd.s(b" port=");
        nd.u(port as u64);
        if len > 0 {
            let data = data.expect("len > 0");
            if !nd.ttest(data, len) {
                trunc_np(nd, NP_ID);
                return Ok(None);
            }
            let bad = |nd: &mut Nd, len: usize, min: &[u8]| {
                nd.s(b" len=");
                nd.u(len as u64);
                nd.s(b" [bad: < ");
                nd.s(min);
                nd.s(b"]");
            };
            let head = |nd: &mut Nd, len: usize| {
                nd.s(b" len=");
                nd.u(len as u64);
                nd.s(b" ");
            };
            match typ {
                1 => {
                    if len < 4 {
                        bad(nd, len, b"4");
                    } else {
                        nd.need(data, 4)?;
                        head(nd, len);
                        nd.ip4(data)?;
                    }
                    len = 0;
                }
                2 | 3 => {
                    head(nd, len);
                    for i in 0..len {
                        let ch = nd.u1(data + i)?;
                        nd.print_char(ch);
                    }
                    len = 0;
                }
                4 => {
                    if len < 8 {
                        bad(nd, len, b"8");
                    } else {
                        nd.need(data, 8)?;
                        head(nd, len);
                        nd.ip4(data)?;
                        for i in 0..4 {
                            nd.s(if i == 0 { b"/" } else { b"." });
                            let m = nd.u1(data + 4 + i)?;
                            nd.u(m as u64);
                        }
                    }
                    len = 0;
                }
                5 => {
                    if len < 16 {
                        bad(nd, len, b"16");
                    } else {
                        nd.need(data, 16)?;
                        head(nd, len);
                        nd.ip6(data)?;
                    }
                    len = 0;
                }
                6 => {
                    if len < 32 {
                        bad(nd, len, b"32");
                    } else {
                        nd.need(data, 32)?;
                        head(nd, len);
                        nd.ip6(data)?;
                        nd.s(b"/0x");
                        for i in 0..16 {
                            let m = nd.u1(data + 16 + i)?;
                            nd.x0(m as u64, 2);
                        }
                    }
                    len = 0;
                }
                7 | 8 => {
                    let (min, al) = if typ == 7 { (8, 4) } else { (32, 16) };
                    if len < min {
                        bad(nd, len, if typ == 7 { b"8" } else { b"32" });
                    } else {
                        nd.need(data, min)?;
                        head(nd, len);
                        if al == 4 {
                            nd.ip4(data)?;
                            nd.s(b"-");
                            nd.ip4(data + 4)?;
                        } else {
                            nd.ip6(data)?;
                            nd.s(b"-");
                            nd.ip6(data + 16)?;
                        }
                    }
                    len = 0;
                }
                _ => {}
            }
        }
    }
    if let (Some(data), true) = (data, len > 0) {
        nd.s(b" len=");
        nd.u(len as u64);
        if nd.vflag > 2 {
            nd.s(b" ");
            if !rawprint(nd, data, len) {
                trunc_np(nd, NP_ID);
                return Ok(None);
            }
        }
    }
    Ok(Some(ext + item_len))
}

const NOTIFY_ERROR_STR: &[Option<&str>] = &[
    None,
    Some("INVALID-PAYLOAD-TYPE"),
    Some("DOI-NOT-SUPPORTED"),
    Some("SITUATION-NOT-SUPPORTED"),
    Some("INVALID-COOKIE"),
    Some("INVALID-MAJOR-VERSION"),
    Some("INVALID-MINOR-VERSION"),
    Some("INVALID-EXCHANGE-TYPE"),
    Some("INVALID-FLAGS"),
    Some("INVALID-MESSAGE-ID"),
    Some("INVALID-PROTOCOL-ID"),
    Some("INVALID-SPI"),
    Some("INVALID-TRANSFORM-ID"),
    Some("ATTRIBUTES-NOT-SUPPORTED"),
    Some("NO-PROPOSAL-CHOSEN"),
    Some("BAD-PROPOSAL-SYNTAX"),
    Some("PAYLOAD-MALFORMED"),
    Some("INVALID-KEY-INFORMATION"),
    Some("INVALID-ID-INFORMATION"),
    Some("INVALID-CERT-ENCODING"),
    Some("INVALID-CERTIFICATE"),
    Some("CERT-TYPE-UNSUPPORTED"),
    Some("INVALID-CERT-AUTHORITY"),
    Some("INVALID-HASH-INFORMATION"),
    Some("AUTHENTICATION-FAILED"),
    Some("INVALID-SIGNATURE"),
    Some("ADDRESS-NOTIFICATION"),
    Some("NOTIFY-SA-LIFETIME"),
    Some("CERTIFICATE-UNAVAILABLE"),
    Some("UNSUPPORTED-EXCHANGE-TYPE"),
    Some("UNEQUAL-PAYLOAD-LENGTHS"),
];
const IPSEC_NOTIFY_ERROR_STR: &[Option<&str>] = &[Some("RESERVED")];
const NOTIFY_STATUS_STR: &[Option<&str>] = &[Some("CONNECTED")];
const IPSEC_NOTIFY_STATUS_STR: &[Option<&str>] = &[
    Some("RESPONDER-LIFETIME"),
    Some("REPLAY-STATUS"),
    Some("INITIAL-CONTACT"),
];

/// `ikev1_n_print`.
fn v1_n(nd: &mut Nd, ext: usize, item_len: usize, c: Ctx) -> Next {
    nd.s(b"n:");
    if !nd.ttest(ext, 12) {
        trunc_np(nd, NP_N);
        return Ok(None);
    }
    let doi = nd.be4(ext + 4)?;
    let proto = nd.u1(ext + 8)?;
    let typ = nd.be2(ext + 10)? as u32;
    let num = |nd: &mut Nd, t: u32| {
        nd.s(b"#");
        nd.u(t as u64);
    };
    if doi != 1 {
        nd.s(b" doi=");
        nd.u(doi as u64);
        nd.s(b" proto=");
        nd.u(proto as u64);
        nd.s(b" type=");
        match typ {
            0..=8191 => str_or_id(nd, NOTIFY_ERROR_STR, typ),
            16384..=24575 => str_or_id(nd, NOTIFY_STATUS_STR, typ - 16384),
            _ => num(nd, typ),
        }
        let spi_size = nd.u1(ext + 9)? as usize;
        if spi_size > 0 {
            nd.s(b" spi=");
            if !rawprint(nd, ext + 12, spi_size) {
                trunc_np(nd, NP_N);
                return Ok(None);
            }
        }
        return Ok(Some(ext + 12 + spi_size));
    }
    nd.s(b" doi=ipsec proto=");
    str_or_id(nd, PROTOIDSTR, proto as u32);
    nd.s(b" type=");
    match typ {
        0..=8191 => str_or_id(nd, NOTIFY_ERROR_STR, typ),
        8192..=16383 => str_or_id(nd, IPSEC_NOTIFY_ERROR_STR, typ - 8192),
        16384..=24575 => str_or_id(nd, NOTIFY_STATUS_STR, typ - 16384),
        24576..=32767 => str_or_id(nd, IPSEC_NOTIFY_STATUS_STR, typ - 24576),
        _ => num(nd, typ),
    }
    let spi_size = nd.u1(ext + 9)? as usize;
    if spi_size > 0 {
        nd.s(b" spi=");
        if !rawprint(nd, ext + 12, spi_size) {
            trunc_np(nd, NP_N);
            return Ok(None);
        }
    }
    let mut cp = ext + 12 + spi_size;
    let ep = c.ep;
    let ep2 = ext + item_len;
    if cp < ep {
        match typ {
            24576 => {
                nd.s(b" attrs=(");
                while cp < ep && cp < ep2 {
                    match attr_print(nd, cp, ep2, Some(OAKLEY_T_MAP))? {
                        Some(n) => cp = n,
                        None => {
                            nd.s(b")");
                            trunc_np(nd, NP_N);
                            return Ok(None);
                        }
                    }
                }
                nd.s(b")");
            }
            24577 => {
                nd.s(b" status=(");
                let v = nd.be4(cp)?;
                nd.s(b"replay detection ");
                nd.s(if v != 0 { b"en" } else { b"dis" });
                nd.s(b"abled)");
            }
            _ => {
                let ok = if nd.vflag > 3 {
                    nd.s(b" data=(");
                    let ok = rawprint(nd, cp, ep - cp);
                    if ok {
                        nd.s(b")");
                    }
                    ok
                } else {
                    show_somedata(nd, cp, ep)
                };
                if !ok {
                    trunc_np(nd, NP_N);
                    return Ok(None);
                }
            }
        }
    }
    Ok(Some(ext + item_len))
}

/// `ikev1_d_print`: the next payload starts after the SPIs, whatever the length says.
fn v1_d(nd: &mut Nd, ext: usize) -> Next {
    nd.s(b"d:");
    if !nd.ttest(ext, 12) {
        trunc_np(nd, NP_D);
        return Ok(None);
    }
    let doi = nd.be4(ext + 4)?;
    let proto = nd.u1(ext + 8)?;
    if doi != 1 {
        nd.s(b" doi=");
        nd.u(doi as u64);
        nd.s(b" proto=");
        nd.u(proto as u64);
    } else {
        nd.s(b" doi=ipsec proto=");
        str_or_id(nd, PROTOIDSTR, proto as u32);
    }
    let spi_size = nd.u1(ext + 9)? as usize;
    nd.s(b" spilen=");
    nd.u(spi_size as u64);
    let num_spi = nd.be2(ext + 10)?;
    nd.s(b" nspi=");
    nd.u(num_spi as u64);
    nd.s(b" spi=");
    let mut q = ext + 12;
    for i in 0..num_spi {
        if i != 0 {
            nd.s(b",");
        }
        if !rawprint(nd, q, spi_size) {
            trunc_np(nd, NP_D);
            return Ok(None);
        }
        q += spi_size;
    }
    Ok(Some(q))
}

/// "\n" and four spaces per level, then "(": each payload on its own line.
fn indent(nd: &mut Nd, depth: usize) {
    nd.s(b"\n");
    for _ in 0..depth {
        nd.s(b"    ");
    }
    nd.s(b"(");
}

/// `ikev1_sub_print` (`v2` false) and `ikev2_sub_print`, the same walk: a chain of payloads
/// starting with `np` at `ext`.
fn sub_print(nd: &mut Nd, mut np: u8, mut ext: usize, c: Ctx, v2: bool) -> Next {
    let mut cp = ext;
    while np != 0 {
        if !nd.ttest(ext, 4) {
            trunc_np(nd, np);
            return Ok(None);
        }
        let item_len = nd.be2(ext + 2)? as usize;
        if !nd.ttest(ext, item_len) {
            trunc_np(nd, np);
            return Ok(None);
        }
        let depth = c.depth + 1;
        indent(nd, depth);
        let r = sub0_print(nd, np, ext, Ctx { depth, ..c }, v2)?;
        nd.s(b")");
        match r {
            Some(n) => cp = n,
            None => return Ok(None),
        }
        np = nd.u1(ext)?;
        ext = cp;
    }
    Ok(Some(cp))
}

/// `ike_sub0_print` and `ikev2_sub0_print`: one payload by its type.
fn sub0_print(nd: &mut Nd, np: u8, ext: usize, c: Ctx, v2: bool) -> Next {
    if !nd.ttest(ext, 4) {
        nd.trunc();
        return Ok(None);
    }
    let item_len = nd.be2(ext + 2)? as usize;
    if item_len <= 4 {
        return Ok(None);
    }
    match np {
        NP_V2E if v2 => v2_e(nd, ext, item_len),
        1..=13 => v1_payload(nd, np, ext, item_len, c),
        33..=45 | 47 | 48 => v2_payload(nd, np, ext, item_len, c),
        _ => {
            npstr(nd, np);
            Ok(Some(ext + item_len))
        }
    }
}

/// `ikev2_pay_print`: the payload's name, "[C]" when critical, ":".
fn v2_pay(nd: &mut Nd, name: &str, critical: u8) {
    nd.st(name);
    if critical & 0x80 != 0 {
        nd.s(b"[C]");
    }
    nd.s(b":");
}

/// The IKEv2 payload printers (`npfunc[33..=48]` but the encrypted payload).
fn v2_payload(nd: &mut Nd, np: u8, ext: usize, item_len: usize, c: Ctx) -> Next {
    let name = NPSTR[np as usize];
    match np {
        33 => v2_sa(nd, ext, c),
        34 => {
            if !nd.ttest(ext, 8) {
                trunc_np(nd, np);
                return Ok(None);
            }
            let crit = nd.u1(ext + 1)?;
            v2_pay(nd, name, crit);
            if item_len < 8 {
                nd.s(b" len=");
                nd.u(item_len as u64);
                nd.s(b" < 8");
                return Ok(Some(ext + item_len));
            }
            nd.s(b" len=");
            nd.u(item_len as u64 - 8);
            nd.s(b" group=");
            let g = nd.be2(ext + 4)?;
            str_or_id(nd, DH_P_MAP, g as u32);
            if nd.vflag > 2 && item_len > 8 {
                nd.s(b" ");
                if !rawprint(nd, ext + 8, item_len - 8) {
                    trunc_np(nd, np);
                    return Ok(None);
                }
            }
            Ok(Some(ext + item_len))
        }
        35 | 36 => v2_id(nd, np, ext, item_len),
        39 => v2_auth(nd, ext, item_len, c),
        40 => {
            let crit = nd.u1(ext + 1)?;
            v2_pay(nd, "nonce", crit);
            nd.s(b" len=");
            nd.u(item_len as u64 - 4);
            let ok = if nd.vflag > 1 && item_len > 4 {
                nd.s(b" nonce=(");
                let ok = rawprint(nd, ext + 4, item_len - 4);
                if ok {
                    nd.s(b") ");
                }
                ok
            } else if nd.vflag > 0 && item_len > 4 {
                show_somedata(nd, ext + 4, c.ep)
            } else {
                true
            };
            if !ok {
                trunc_np(nd, np);
                return Ok(None);
            }
            Ok(Some(ext + item_len))
        }
        41 => v2_n(nd, ext, item_len, c),
        43 => {
            let crit = nd.u1(ext + 1)?;
            v2_pay(nd, name, crit);
            nd.s(b" len=");
            nd.u(item_len as u64 - 4);
            nd.s(b" vid=");
            let len = item_len - 4;
            if !nd.ttest(ext + 4, len) {
                trunc_np(nd, np);
                return Ok(None);
            }
            ascii(nd, ext + 4, len);
            // The hex from -vvv only past 4 bytes of data (not of payload, as elsewhere).
            if len > 4 {
                data_vvv(nd, np, ext, item_len)
            } else {
                Ok(Some(ext + item_len))
            }
        }
        // cert, cr, d, TSi, TSr, cp, eap: `ikev2_gen_print`.
        _ => {
            let crit = nd.u1(ext + 1)?;
            v2_pay(nd, name, crit);
            nd.s(b" len=");
            nd.u(item_len as u64 - 4);
            data_vvv(nd, np, ext, item_len)
        }
    }
}

/// Printable ASCII as is, anything else as '.' (IKEv2 identities and vendor ids).
fn ascii(nd: &mut Nd, at: usize, len: usize) {
    for i in at..at + len {
        let ch = nd.b[i];
        if (0x20..=0x7e).contains(&ch) {
            nd.out.push(ch);
        } else {
            nd.s(b".");
        }
    }
}

/// `ikev2_sa_print`: the proposals, each on its own line.
fn v2_sa(nd: &mut Nd, ext1: usize, c: Ctx) -> Next {
    let tpay = 33;
    let crit = nd.u1(ext1 + 1)?;
    v2_pay(nd, "sa", crit);
    let osa_length = nd.be2(ext1 + 2)? as usize;
    let mut sa_length = osa_length - 4;
    nd.s(b" len=");
    nd.u(sa_length as u64);
    let mut cp = ext1 + 4;
    let mut np = NP_P;
    while np != 0 {
        let ext = cp;
        if sa_length < 4 {
            cp += sa_length;
            trunc_np(nd, tpay);
            return Ok(Some(cp));
        }
        if !nd.ttest(ext, 4) {
            trunc_np(nd, tpay);
            return Ok(None);
        }
        let item_len = nd.be2(ext + 2)? as usize;
        if item_len <= 4 {
            trunc_np(nd, tpay);
            return Ok(None);
        }
        if sa_length < item_len {
            cp += sa_length;
            trunc_np(nd, tpay);
            return Ok(Some(cp));
        }
        if !nd.ttest(cp, item_len) {
            trunc_np(nd, tpay);
            return Ok(None);
        }
        let depth = c.depth + 1;
        indent(nd, depth);
        if np == NP_P {
            match v2_p(nd, ext, item_len, c.ep, depth)? {
                Some(n) => cp = n,
                None => return Ok(None),
            }
        } else {
            npstr(nd, np);
            cp += item_len;
        }
        nd.s(b")");
        sa_length -= item_len;
        np = nd.u1(ext)?;
    }
    Ok(Some(cp))
}

/// `ikev2_p_print`: a proposal and its transforms.
fn v2_p(nd: &mut Nd, ext0: usize, oprop_length: usize, ep: usize, depth: usize) -> Next {
    if !nd.ttest(ext0, 8) {
        trunc_np(nd, NP_P);
        return Ok(None);
    }
    let crit = nd.u1(ext0 + 1)?;
    v2_pay(nd, "p", crit);
    let mut prop_length = oprop_length - 4;
    let p_no = nd.u1(ext0 + 4)?;
    let prot_id = nd.u1(ext0 + 5)?;
    let num_t = nd.u1(ext0 + 7)?;
    nd.s(b" #");
    nd.u(p_no as u64);
    nd.s(b" protoid=");
    str_or_id(nd, PROTOIDSTR, prot_id as u32);
    nd.s(b" transform=");
    nd.u(num_t as u64);
    nd.s(b" len=");
    nd.u(oprop_length as u64);
    let mut cp = ext0 + 8;
    let spi_size = nd.u1(ext0 + 6)? as usize;
    // `toolong:` skips the rest of the proposal.
    let toolong = |nd: &mut Nd, cp: usize, rest: usize| {
        trunc_np(nd, NP_P);
        Ok(Some(cp + rest))
    };
    if spi_size > 0 {
        if prop_length < spi_size {
            return toolong(nd, cp, prop_length);
        }
        nd.s(b" spi=");
        if !rawprint(nd, cp, spi_size) {
            trunc_np(nd, NP_P);
            return Ok(None);
        }
        cp += spi_size;
        prop_length -= spi_size;
    }
    let mut np = NP_T;
    let mut tcount = 0;
    while np != 0 {
        tcount += 1;
        let ext = cp;
        if prop_length < 4 {
            return toolong(nd, cp, prop_length);
        }
        if !nd.ttest(ext, 4) {
            trunc_np(nd, NP_P);
            return Ok(None);
        }
        let item_len = nd.be2(ext + 2)? as usize;
        if item_len <= 4 {
            trunc_np(nd, NP_P);
            return Ok(None);
        }
        if prop_length < item_len {
            return toolong(nd, cp, prop_length);
        }
        if !nd.ttest(cp, item_len) {
            trunc_np(nd, NP_P);
            return Ok(None);
        }
        indent(nd, depth + 1);
        if np == NP_T {
            match v2_t(nd, tcount, ext, item_len, ep)? {
                Some(n) => cp = n,
                None => return Ok(None),
            }
        } else {
            npstr(nd, np);
            cp += item_len;
        }
        nd.s(b")");
        prop_length -= item_len;
        np = nd.u1(ext)?;
    }
    Ok(Some(cp))
}

/// `ikev2_t_print`.
fn v2_t(nd: &mut Nd, tcount: u32, ext: usize, item_len: usize, ep: usize) -> Next {
    if !nd.ttest(ext, 8) {
        trunc_np(nd, NP_T);
        return Ok(None);
    }
    let crit = nd.u1(ext + 1)?;
    v2_pay(nd, "t", crit);
    let t_id = nd.be2(ext + 6)? as u32;
    let t_type = nd.u1(ext + 4)?;
    let (idmap, map): (Option<&[Option<&str>]>, Option<&[AttrMap]>) = match t_type {
        1 => (Some(ESP_P_MAP), Some(ENCR_T_MAP)),
        2 => (Some(PRF_P_MAP), None),
        3 => (Some(INTEG_P_MAP), None),
        4 => (Some(DH_P_MAP), None),
        5 => (Some(ESN_P_MAP), None),
        _ => (None, None),
    };
    nd.s(b" #");
    nd.u(tcount as u64);
    nd.s(b" type=");
    str_or_id(nd, IKEV2_T_TYPE_MAP, t_type as u32);
    nd.s(b" id=");
    match idmap {
        Some(m) => str_or_id(nd, m, t_id),
        None => nd.u(t_id as u64),
    }
    nd.s(b" ");
    match attrs(nd, ext + 8, ep, ext + item_len, map)? {
        Some(cp) => Ok(Some(cp)),
        None => {
            trunc_np(nd, NP_T);
            Ok(None)
        }
    }
}

/// `ikev2_ID_print`.
fn v2_id(nd: &mut Nd, np: u8, ext: usize, item_len: usize) -> Next {
    if !nd.ttest(ext, 8) {
        trunc_np(nd, np);
        return Ok(None);
    }
    let crit = nd.u1(ext + 1)?;
    v2_pay(nd, NPSTR[np as usize], crit);
    nd.s(b" len=");
    nd.u(item_len as u64 - 4);
    if nd.vflag > 2 && item_len > 4 {
        nd.s(b" ");
        if !rawprint(nd, ext + 4, item_len - 4) {
            trunc_np(nd, np);
            return Ok(None);
        }
    }
    // An unsigned subtraction in C: below 8 it wraps and the data is "truncated".
    let idtype_len = (item_len as u32).wrapping_sub(8) as usize;
    let typedata = ext + 8;
    let (label, hex): (&[u8], bool) = match nd.u1(ext + 4)? {
        1 => (b" ipv4:", true),
        2 => (b" fqdn:", false),
        3 => (b" rfc822:", false),
        5 => (b" ipv6:", true),
        9 => (b" dn:", true),
        10 => (b" gn:", true),
        11 => (b" keyid:", true),
        _ => return Ok(Some(ext + item_len)),
    };
    nd.s(label);
    let ok = if hex {
        rawprint(nd, typedata, idtype_len)
    } else if nd.ttest(typedata, idtype_len) {
        ascii(nd, typedata, idtype_len);
        true
    } else {
        false
    };
    if !ok {
        trunc_np(nd, np);
        return Ok(None);
    }
    Ok(Some(ext + item_len))
}

const V2_AUTH: &[Option<&str>] = &[
    Some("invalid"),
    Some("rsasig"),
    Some("shared-secret"),
    Some("dsssig"),
];

/// `ikev2_auth_print`.
fn v2_auth(nd: &mut Nd, ext: usize, item_len: usize, c: Ctx) -> Next {
    let np = 39;
    if !nd.ttest(ext, 8) {
        trunc_np(nd, np);
        return Ok(None);
    }
    let crit = nd.u1(ext + 1)?;
    v2_pay(nd, "v2auth", crit);
    nd.s(b" len=");
    nd.u(item_len as u64 - 4);
    nd.s(b" method=");
    let m = nd.u1(ext + 4)?;
    str_or_id(nd, V2_AUTH, m as u32);
    let authdata = ext + 8;
    if item_len > 4 {
        let ok = if nd.vflag > 1 {
            nd.s(b" authdata=(");
            let ok = rawprint(nd, authdata, (item_len as u32).wrapping_sub(8) as usize);
            if ok {
                nd.s(b") ");
            }
            ok
        } else if nd.vflag > 0 {
            show_somedata(nd, authdata, c.ep)
        } else {
            true
        };
        if !ok {
            trunc_np(nd, np);
            return Ok(None);
        }
    }
    Ok(Some(ext + item_len))
}

/// `ikev2_n_print`: the notify type's name and whether tcpdump shows its SPI and data.
fn v2_notify(t: u16) -> (&'static str, bool, bool) {
    match t {
        1 => ("unsupported_critical_payload", false, false),
        4 => ("invalid_ike_spi", true, false),
        5 => ("invalid_major_version", false, false),
        7 => ("invalid_syntax", true, false),
        9 => ("invalid_message_id", true, false),
        11 => ("invalid_spi", true, false),
        14 => ("no_protocol_chosen", true, false),
        17 => ("invalid_ke_payload", true, false),
        24 => ("authentication_failed", true, false),
        34 => ("single_pair_required", true, false),
        35 => ("no_additional_sas", false, false),
        36 => ("internal_address_failure", false, false),
        37 => ("failed:cp_required", false, false),
        39 => ("invalid_selectors", false, false),
        16384 => ("initial_contact", false, false),
        16385 => ("set_window_size", false, false),
        16386 => ("additional_ts_possible", false, false),
        16387 => ("ipcomp_supported", false, false),
        16388 => ("nat_detection_source_ip", true, false),
        16389 => ("nat_detection_destination_ip", true, false),
        16390 => ("cookie", true, true),
        16391 => ("use_transport_mode", false, false),
        16392 => ("http_cert_lookup_supported", false, false),
        16393 => ("rekey_sa", true, false),
        16394 => ("tfc_padding_not_supported", false, false),
        16395 => ("non_first_fragment_also", false, false),
        _ => {
            let kind = match t {
                0..=8191 => "error",
                8192..=16383 => "private-error",
                16384..=40959 => "status",
                _ => "private-status",
            };
            (kind, true, false)
        }
    }
}

/// `ikev2_n_print`.
fn v2_n(nd: &mut Nd, ext: usize, item_len: usize, c: Ctx) -> Next {
    let np = NP_N;
    if !nd.ttest(ext, 8) {
        trunc_np(nd, np);
        return Ok(None);
    }
    let crit = nd.u1(ext + 1)?;
    v2_pay(nd, "n", crit);
    nd.s(b" prot_id=");
    let prot = nd.u1(ext + 4)?;
    str_or_id(nd, PROTOIDSTR, prot as u32);
    let typ = nd.be2(ext + 6)?;
    let (name, showspi, somedata) = v2_notify(typ);
    nd.s(b" type=");
    nd.u(typ as u64);
    nd.s(b"(");
    nd.st(name);
    nd.s(b")");
    let spi_size = nd.u1(ext + 5)? as usize;
    if showspi && spi_size > 0 {
        nd.s(b" spi=");
        if !rawprint(nd, ext + 8, spi_size) {
            trunc_np(nd, np);
            return Ok(None);
        }
    }
    let cp = ext + 8 + spi_size;
    let ep = c.ep;
    if cp < ep {
        let ok = if nd.vflag > 3 || (somedata && ep - cp < 30) {
            nd.s(b" data=(");
            let ok = rawprint(nd, cp, ep - cp);
            if ok {
                nd.s(b")");
            }
            ok
        } else if somedata {
            show_somedata(nd, cp, ep)
        } else {
            true
        };
        if !ok {
            trunc_np(nd, np);
            return Ok(None);
        }
    }
    Ok(Some(ext + item_len))
}

/// `ikev2_e_print`: never decrypted here; the chain ends with it.
fn v2_e(nd: &mut Nd, ext: usize, item_len: usize) -> Next {
    let np = NP_V2E;
    let crit = nd.u1(ext + 1)?;
    v2_pay(nd, "v2e", crit);
    let dlen = item_len - 4;
    nd.s(b" len=");
    nd.u(dlen as u64);
    if nd.vflag > 2 && dlen > 4 {
        nd.s(b" ");
        if !rawprint(nd, ext + 4, dlen) {
            trunc_np(nd, np);
            return Ok(None);
        }
    }
    if !nd.ttest(ext + 4, dlen) {
        trunc_np(nd, np);
    }
    Ok(None)
}

/// `ikev1_print`.
fn v1_print(nd: &mut Nd, bp: usize, length: usize, iph: usize) -> R {
    let phase = if nd.be4(bp + 20)? == 0 { 1 } else { 2 };
    nd.s(if phase == 1 {
        b" phase 1"
    } else {
        b" phase 2/others"
    });
    let ck: [u8; 8] = nd.bytes(bp, 8)?.try_into().expect("8 bytes");
    match nd.st.isakmp.find(&ck) {
        None => {
            if nd.bytes(bp + 8, 8)?.iter().all(|&b| b == 0) {
                // The first packet of an exchange.
                nd.s(b" I");
                if let Some((version, addrs)) = ip_addrs(nd, iph)? {
                    let cache = &mut nd.st.isakmp;
                    let n = cache.next;
                    cache.entries[n] = Initiator {
                        cookie: ck,
                        version,
                        addrs,
                    };
                    cache.next = (n + 1) % MAXINITIATORS;
                }
            } else {
                nd.s(b" ?");
            }
        }
        Some(i) => {
            let e = nd.st.isakmp.entries[i];
            let side = match ip_addrs(nd, iph)? {
                Some((v, a)) if v == e.version && a.src == e.addrs.src => b" I",
                Some((v, a)) if v == e.version && a.src == e.addrs.dst => b" R",
                _ => b" ?",
            };
            nd.s(side);
        }
    }
    finish(nd, bp, length, false)
}

/// `ikev2_print`.
fn v2_print(nd: &mut Nd, bp: usize, length: usize) -> R {
    let phase = if nd.be4(bp + 20)? == 0 { 1 } else { 2 };
    nd.s(if phase == 1 {
        b" parent_sa"
    } else {
        b" child_sa "
    });
    finish(nd, bp, length, true)
}

/// The exchange type, the flags and (from -v) the payloads and the length check, common
/// to `ikev1_print` and `ikev2_print`.
fn finish(nd: &mut Nd, bp: usize, length: usize, v2: bool) -> R {
    nd.s(b" ");
    let etype = nd.u1(bp + 18)?;
    str_or_id(nd, ETYPESTR, etype as u32);
    let flags = nd.u1(bp + 19)?;
    if flags != 0 {
        nd.s(b"[");
        if v2 {
            if flags & FLAG_I != 0 {
                nd.s(b"I");
            }
            if flags & FLAG_V != 0 {
                nd.s(b"V");
            }
            if flags & FLAG_R != 0 {
                nd.s(b"R");
            }
        } else {
            if flags & FLAG_E != 0 {
                nd.s(b"E");
            }
            if flags & FLAG_C != 0 {
                nd.s(b"C");
            }
        }
        nd.s(b"]");
    }
    if nd.vflag == 0 {
        return Ok(());
    }
    nd.s(b":");
    let np = nd.u1(bp + 16)?;
    if flags & FLAG_E != 0 {
        nd.s(b" [encrypted ");
        npstr(nd, np);
        nd.s(b"]");
    } else {
        let c = Ctx {
            ep: nd.snapend,
            proto: 0,
            depth: 0,
        };
        if v2 {
            sub_print(nd, np, bp + HDR, c, true)?;
        } else {
            sub_print(nd, np, bp + HDR, c, false)?;
        }
    }
    let len = nd.be4(bp + 24)?;
    if len as usize != length {
        nd.s(b" (len mismatch: isakmp ");
        nd.u(len as u64);
        nd.s(b"/ip ");
        nd.u(length as u64);
        nd.s(b")");
    }
    Ok(())
}

/// `isakmp_print`: `iph` is the IPv4 or IPv6 header (the initiator's address is kept with
/// its cookie).
pub(crate) fn isakmp_print(nd: &mut Nd, bp: usize, length: usize, iph: usize) -> R {
    nd.proto = "isakmp";
    if nd.snapend < bp + HDR {
        nd.trunc();
        return Ok(());
    }
    nd.s(b"isakmp");
    let vers = nd.u1(bp + 17)?;
    let (major, minor) = (vers >> 4, vers & 0x0f);
    if nd.vflag > 0 {
        nd.s(b" ");
        nd.u(major as u64);
        nd.s(b".");
        nd.u(minor as u64);
        nd.s(b" msgid ");
        rawprint(nd, bp + 20, 4);
    }
    if nd.vflag > 1 {
        nd.s(b" cookie ");
        rawprint(nd, bp, 8);
        nd.s(b"->");
        rawprint(nd, bp + 8, 8);
    }
    nd.s(b":");
    match major {
        1 => v1_print(nd, bp, length, iph),
        2 => v2_print(nd, bp, length),
        _ => Ok(()),
    }
}
