//! PPP (tcpdump's print-ppp.c, `ppp_print`): the address/control and protocol fields, the
//! control protocols (LCP, IPCP, IP6CP, CCP, BACP, OSICP, MPLSCP: code, id, length; with -v
//! the encoded length, the configuration options and the per-code fields; with -vv their
//! bytes), CHAP, PAP, Multilink, RFC 1662 octet-escaped frames, and IPv4, IPv6 and MPLS
//! payloads. Used by PPPoE sessions ([`super::pppoe`]) and Ethernet's PPP ethertype.
//!
//! IPX and OSI payloads are printed as protocols without a decoder (tcpdump decodes them
//! with print-ipx.c and print-isoclns.c, which the printer does not have).

use super::nd::{Nd, R};
use super::tok::{self, Tok};
use super::{ip, ip6, mpls};

const IP: u32 = 0x0021;
const OSI: u32 = 0x0023;
const IPX: u32 = 0x002b;
const VJNC: u32 = 0x002f;
const ML: u32 = 0x003d;
const IPV6: u32 = 0x0057;
const COMP: u32 = 0x00fd;
const MPLS_UCAST: u32 = 0x0281;
const MPLS_MCAST: u32 = 0x0283;
const IPCP: u32 = 0x8021;
const OSICP: u32 = 0x8023;
const IPV6CP: u32 = 0x8057;
const CCP: u32 = 0x80fd;
const MPLSCP: u32 = 0x8281;
const LCP: u32 = 0xc021;
const PAP: u32 = 0xc023;
const LQM: u32 = 0xc025;
const SPAP: u32 = 0xc027;
const BACP: u32 = 0xc02b;
const BAP: u32 = 0xc02d;
const SPAP_OLD: u32 = 0xc123;
const CHAP: u32 = 0xc223;
const EAP: u32 = 0xc227;

/// `ppptype2str`.
const TYPES: Tok = &[
    (IP, "IP"),
    (OSI, "OSI"),
    (0x0025, "NS"),
    (0x0027, "DECNET"),
    (0x0029, "APPLE"),
    (IPX, "IPX"),
    (0x002d, "VJC IP"),
    (VJNC, "VJNC IP"),
    (0x0031, "BRPDU"),
    (0x0033, "STII"),
    (0x0035, "VINES"),
    (MPLS_UCAST, "MPLS"),
    (MPLS_MCAST, "MPLS"),
    (COMP, "Compressed"),
    (ML, "MLPPP"),
    (IPV6, "IP6"),
    (0x0201, "HELLO"),
    (0x0231, "LUXCOM"),
    (0x0233, "SNS"),
    (IPCP, "IPCP"),
    (OSICP, "OSICP"),
    (0x8025, "NSCP"),
    (0x8027, "DECNETCP"),
    (0x8029, "APPLECP"),
    (0x802b, "IPXCP"),
    (0x8033, "STIICP"),
    (0x8035, "VINESCP"),
    (IPV6CP, "IP6CP"),
    (MPLSCP, "MPLSCP"),
    (LCP, "LCP"),
    (PAP, "PAP"),
    (LQM, "LQM"),
    (CHAP, "CHAP"),
    (EAP, "EAP"),
    (SPAP, "SPAP"),
    (SPAP_OLD, "Old-SPAP"),
    (BACP, "BACP"),
    (BAP, "BAP"),
    (0xc03d, "MLPPP-CP"),
    (CCP, "CCP"),
];

/// `cpcodes`: the control protocols' codes (RFC 1661, 1570, 1962, 2153).
const CPCODES: Tok = &[
    (0, "Vendor-Extension"),
    (1, "Conf-Request"),
    (2, "Conf-Ack"),
    (3, "Conf-Nack"),
    (4, "Conf-Reject"),
    (5, "Term-Request"),
    (6, "Term-Ack"),
    (7, "Code-Reject"),
    (8, "Prot-Reject"),
    (9, "Echo-Request"),
    (10, "Echo-Reply"),
    (11, "Disc-Req"),
    (12, "Ident"),
    (13, "Time-Rem"),
    (14, "Reset-Req"),
    (15, "Reset-Ack"),
];

/// `lcpconfopts`, indexed by option.
const LCP_OPTS: [&str; 31] = [
    "Vend-Ext",
    "MRU",
    "ACCM",
    "Auth-Prot",
    "Qual-Prot",
    "Magic-Num",
    "deprecated(6)",
    "PFC",
    "ACFC",
    "FCS-Alt",
    "SDP",
    "Num-Mode",
    "deprecated(12)",
    "Call-Back",
    "deprecated(14)",
    "deprecated(15)",
    "deprecated(16)",
    "MRRU",
    "12-Bit seq #",
    "End-Disc",
    "Proprietary",
    "DCE-Id",
    "MP+",
    "Link-Disc",
    "LCP-Auth-Opt",
    "COBS",
    "Prefix-elision",
    "Multilink-header-Form",
    "I18N",
    "SDL-over-SONET/SDH",
    "PPP-Muxing",
];

const CCP_OPTS: Tok = &[
    (0, "OUI"),
    (1, "Pred-1"),
    (2, "Pred-2"),
    (3, "Puddle"),
    (16, "HP-PPC"),
    (17, "Stac-LZS"),
    (18, "MPPC"),
    (19, "Gand-FZA"),
    (20, "V.42bis"),
    (21, "BSD-Comp"),
    (23, "LZS-DCP"),
    (24, "MVRCA"),
    (25, "DEC"),
    (26, "Deflate"),
    (255, "Reserved"),
];

const IPCP_OPTS: Tok = &[
    (1, "IP-Addrs"),
    (2, "IP-Comp"),
    (3, "IP-Addr"),
    (4, "Home-Addr"),
    (129, "Pri-DNS"),
    (130, "Pri-NBNS"),
    (131, "Sec-DNS"),
    (132, "Sec-NBNS"),
];

const IPCOMP_HDRCOMP: u16 = 0x61;
const IPCOMP_MINLEN: usize = 14;

const AUTH_ALGS: Tok = &[(5, "MD5"), (128, "MS-CHAPv1"), (129, "MS-CHAPv2")];

const CALLBACKS: Tok = &[
    (0, "UserAuth"),
    (1, "DialString"),
    (2, "LocalID"),
    (3, "E.164"),
    (4, "X.500"),
    (6, "CBCP"),
];

const CHAP_CODES: Tok = &[
    (1, "Challenge"),
    (2, "Response"),
    (3, "Success"),
    (4, "Fail"),
];
const PAP_CODES: Tok = &[(1, "Auth-Req"), (2, "Auth-ACK"), (3, "Auth-NACK")];
const ML_FLAGS: Tok = &[(0x80, "begin"), (0x40, "end")];

/// `tok2str(t, "...%u...", v)`-style: the name, or `pre` V `post`.
fn name_or(nd: &mut Nd, t: Tok, v: u32, pre: &[u8], post: &[u8]) {
    match tok::name(t, v) {
        Some(n) => nd.st(n),
        None => {
            nd.s(pre);
            nd.u(v as u64);
            nd.s(post);
        }
    }
}

/// `ppp_print`: `p` is the address/control field if there is one. Returns the PPP header
/// length.
pub(crate) fn ppp_print(nd: &mut Nd, p: usize, length: usize) -> R<usize> {
    nd.proto = "ppp";
    let olen = length;
    let (mut p, mut length, mut hdr_len) = (p, length, 0);
    if length < 2 {
        nd.trunc();
        return Ok(0);
    }
    match nd.be2(p)? {
        0x0003 | 0x0103 | 0xff03 => {
            match nd.b[p] {
                0x00 if nd.eflag => nd.s(b"In  "),
                0x01 if nd.eflag => nd.s(b"Out "),
                _ => {}
            }
            p += 2;
            length -= 2;
            hdr_len += 2;
        }
        _ => {}
    }
    if length < 2 {
        nd.trunc();
        return Ok(0);
    }
    let proto;
    if nd.u1(p)? % 2 != 0 {
        // Protocol field compression
        proto = nd.u1(p)? as u32;
        p += 1;
        length -= 1;
        hdr_len += 1;
    } else {
        proto = nd.be2(p)? as u32;
        p += 2;
        length -= 2;
        hdr_len += 2;
    }
    if nd.eflag {
        let known = tok::name(TYPES, proto);
        nd.st(known.unwrap_or("unknown"));
        nd.s(b" (0x");
        nd.x0(proto as u64, 4);
        nd.s(b"), length ");
        nd.u(olen as u64);
        if known.is_none() {
            return Ok(hdr_len);
        }
        nd.s(b": ");
    }
    handle_ppp(nd, proto, p, length)?;
    Ok(hdr_len)
}

/// `handle_ppp`: the protocol's printer.
fn handle_ppp(nd: &mut Nd, proto: u32, p: usize, length: usize) -> R {
    if proto & 0xff00 == 0x7e00 {
        return hdlc(nd, p - 1, length);
    }
    match proto {
        LCP | IPCP | OSICP | MPLSCP | IPV6CP | CCP | BACP => ctrl_proto(nd, proto, p, length),
        ML => mlppp(nd, p, length),
        CHAP => chap(nd, p, length),
        PAP => pap(nd, p, length),
        // BAP: "not yet completed" in tcpdump: nothing is printed.
        BAP => Ok(()),
        0x0800 | VJNC | IP => ip::ip_print(nd, p, length),
        0x86dd | IPV6 => ip6::ip6_print(nd, p, length),
        0x8137 | IPX => super::ipx::ipx_print(nd, p),
        MPLS_UCAST | MPLS_MCAST => mpls::mpls_print(nd, p, length),
        COMP => {
            nd.s(b"compressed PPP data");
            Ok(())
        }
        _ => {
            match tok::name(TYPES, proto) {
                Some(n) => nd.st(n),
                None => {
                    nd.s(b"unknown PPP protocol (0x");
                    nd.x0(proto as u64, 4);
                    nd.s(b")");
                }
            }
            nd.s(b" ");
            nd.unknown_data(p, b"\n\t", length)
        }
    }
}

/// `ppp_hdlc`: a frame with RFC 1662 octet escapes, unescaped into a buffer of its own
/// that the rest is printed from (as C swaps the packet pointer and snapend).
fn hdlc(nd: &mut Nd, p: usize, length: usize) -> R {
    let caplen = nd.avail(p);
    if caplen == 0 || length == 0 {
        return Ok(());
    }
    let mut b = Vec::with_capacity(caplen);
    let mut i = p;
    let end = p + caplen;
    while i < end {
        let mut c = nd.b[i];
        i += 1;
        if c == 0x7d {
            if i >= end {
                break;
            }
            c = nd.b[i] ^ 0x20;
            i += 1;
        }
        b.push(c);
    }
    let mut inner = Nd {
        b: &b,
        snapend: b.len(),
        proto: nd.proto,
        out: &mut *nd.out,
        eflag: nd.eflag,
        qflag: nd.qflag,
        vflag: nd.vflag,
        kflag: nd.kflag,
        suppress_default: nd.suppress_default,
        xflag: nd.xflag,
        sflag: nd.sflag,
        ll_hdr_len: nd.ll_hdr_len,
        trunc_local: false,
        st: &mut *nd.st,
    };
    let r = hdlc_unescaped(&mut inner);
    let proto = inner.proto;
    nd.proto = proto;
    match r {
        Ok(true) => Ok(()),
        Ok(false) => {
            nd.trunc();
            Ok(())
        }
        Err(e) => Err(e),
    }
}

/// The unescaped frame: a one-octet IPv4/IPv6 protocol, or an address/control field and
/// protocol, or a protocol. `Ok(false)` is C's `goto trunc`.
fn hdlc_unescaped(nd: &mut Nd) -> R<bool> {
    let length = nd.b.len();
    if length < 1 {
        return Ok(false);
    }
    match nd.u1(0)? as u32 {
        IP => {
            ip::ip_print(nd, 1, length - 1)?;
            return Ok(true);
        }
        IPV6 => {
            ip6::ip6_print(nd, 1, length - 1)?;
            return Ok(true);
        }
        _ => {}
    }
    if length < 2 {
        return Ok(false);
    }
    let (proto, at) = if nd.be2(0)? == 0xff03 {
        if length < 4 {
            return Ok(false);
        }
        (nd.be2(2)? as u32, 4)
    } else {
        (nd.be2(0)? as u32, 2)
    };
    if proto & 0xff00 == 0x7e00 {
        nd.s(b"(protocol 0x");
        nd.x0(proto as u64, 4);
        nd.s(b" invalid)");
    } else {
        handle_ppp(nd, proto, at, length - at)?;
    }
    Ok(true)
}

/// `handle_ctrl_proto`: the generic control-protocol message.
fn ctrl_proto(nd: &mut Nd, proto: u32, pptr: usize, length: usize) -> R {
    let typestr = tok::name(TYPES, proto).unwrap_or("");
    nd.st(typestr);
    nd.s(b", ");
    let trunc = |nd: &mut Nd| {
        nd.s(b"[|");
        nd.st(typestr);
        nd.s(b"]");
        Ok(())
    };
    if length < 4 || !nd.ttest(pptr, 2) {
        return trunc(nd);
    }
    let code = nd.u1(pptr)?;
    let id = nd.u1(pptr + 1)?;
    tok::tok2str(nd, CPCODES, "Unknown Opcode", code as u32);
    nd.s(b" (0x");
    nd.x0(code as u64, 2);
    nd.s(b"), id ");
    nd.u(id as u64);
    nd.s(b", length ");
    nd.u(length as u64 + 2);
    if nd.vflag == 0 {
        return Ok(());
    }
    let len = nd.be2(pptr + 2)? as usize;
    let mut tptr = pptr + 4;
    if len < 4 {
        nd.s(b"\n\tencoded length ");
        nd.u(len as u64);
        nd.s(b" (< 4))");
        return Ok(());
    }
    if len > length {
        nd.s(b"\n\tencoded length ");
        nd.u(len as u64);
        nd.s(b" (> packet length ");
        nd.u(length as u64);
        nd.s(b"))");
        return Ok(());
    }
    let length = len;
    nd.s(b"\n\tencoded length ");
    nd.u(len as u64);
    nd.s(b" (=Option(s) length ");
    nd.u(len as u64 - 4);
    nd.s(b")");
    if length == 4 {
        return Ok(());
    }
    if nd.vflag > 1 {
        nd.unknown_data(pptr - 2, b"\n\t", 6)?;
    }
    match code {
        0 => {
            if length >= 11 {
                let magic = nd.be4(tptr)?;
                nd.s(b"\n\t  Magic-Num 0x");
                nd.x0(magic as u64, 8);
                tptr += 4;
                let oui = nd.be3(tptr)?;
                nd.s(b" Vendor: ");
                nd.st(tok::name(tok::OUI, oui).unwrap_or("Unknown"));
                nd.s(b" (");
                nd.u(oui as u64);
                nd.s(b")");
            }
        }
        1..=4 => {
            let mut tlen = len - 4;
            let pfunc: Option<OptionPrinter> = match proto {
                LCP => Some(lcp_option),
                IPCP => Some(ipcp_option),
                IPV6CP => Some(ip6cp_option),
                CCP => Some(ccp_option),
                BACP => Some(bacp_option),
                _ => None,
            };
            if let Some(pfunc) = pfunc {
                loop {
                    // C passes the whole encoded length, not what is left of it.
                    let advance = pfunc(nd, tptr, len)?;
                    if advance == 0 {
                        break;
                    }
                    if tlen < advance {
                        nd.s(b" [remaining options length ");
                        nd.u(tlen as u64);
                        nd.s(b" < ");
                        nd.u(advance as u64);
                        nd.s(b"]");
                        nd.invalid();
                        break;
                    }
                    tlen -= advance;
                    tptr += advance;
                    if tlen == 0 {
                        break;
                    }
                }
            }
        }
        5..=7 => {}
        8 => {
            if length >= 6 {
                nd.need(tptr, 2)?;
                let rp = nd.be2(tptr)? as u32;
                nd.s(b"\n\t  Rejected ");
                nd.st(tok::name(TYPES, rp).unwrap_or("unknown"));
                nd.s(b" Protocol (0x");
                nd.x0(rp as u64, 4);
                nd.s(b")");
                if len > 6 {
                    nd.s(b"\n\t  Rejected Packet");
                    nd.unknown_data(tptr + 2, b"\n\t    ", len - 2)?;
                }
            }
        }
        9..=11 => {
            if length >= 8 {
                let magic = nd.be4(tptr)?;
                nd.s(b"\n\t  Magic-Num 0x");
                nd.x0(magic as u64, 8);
                if len > 8 {
                    nd.s(b"\n\t  -----trailing data-----");
                    if !nd.ttest(tptr + 4, len - 8) {
                        return trunc(nd);
                    }
                    nd.unknown_data(tptr + 4, b"\n\t  ", len - 8)?;
                }
            }
        }
        12 => {
            if length >= 8 {
                let magic = nd.be4(tptr)?;
                nd.s(b"\n\t  Magic-Num 0x");
                nd.x0(magic as u64, 8);
                if len > 8 {
                    nd.s(b"\n\t  Message\n\t    ");
                    // C prints len - 4 bytes from the message (4 past its end).
                    let end = nd.snapend;
                    if nd.printn(tptr + 4, len - 4, Some(end))? {
                        return trunc(nd);
                    }
                }
            }
        }
        13 => {
            if length >= 12 {
                let magic = nd.be4(tptr)?;
                nd.s(b"\n\t  Magic-Num 0x");
                nd.x0(magic as u64, 8);
                let secs = nd.be4(tptr + 4)?;
                nd.s(b", Seconds-Remaining ");
                nd.u(secs as u64);
                nd.s(b"s");
            }
        }
        _ => {
            if nd.vflag <= 1 {
                nd.unknown_data(pptr - 2, b"\n\t  ", length + 2)?;
            }
        }
    }
    Ok(())
}

/// A control protocol's configuration-option printer: the option at `p` within `length`
/// bytes of options; returns its length, or 0 to stop.
type OptionPrinter = fn(&mut Nd, usize, usize) -> R<usize>;

/// An option's "\n\t  NAME Option (0xNN), length N".
fn option_head(nd: &mut Nd, name: &str, opt: u8, len: usize) {
    nd.s(b"\n\t  ");
    nd.st(name);
    nd.s(b" Option (0x");
    nd.x0(opt as u64, 2);
    nd.s(b"), length ");
    nd.u(len as u64);
}

/// The end of every option printer: with -v an unknown option's bytes, with -vv every
/// option's.
fn option_tail(nd: &mut Nd, p: usize, len: usize, unknown: bool) -> R<usize> {
    if (unknown && nd.vflag < 2) || nd.vflag > 1 {
        nd.unknown_data(p + 2, b"\n\t    ", len - 2)?;
    }
    Ok(len)
}

/// The start every option printer shares: `Ok(None)` is its return of 0 (too short, a
/// length past the message, or `[|proto]` printed), else (option, length).
fn option_start(nd: &mut Nd, p: usize, length: usize, proto: &[u8]) -> R<Option<(u8, usize)>> {
    if length < 2 {
        return Ok(None);
    }
    if !nd.ttest(p, 2) {
        nd.s(b"[|");
        nd.s(proto);
        nd.s(b"]");
        return Ok(None);
    }
    let (opt, len) = (nd.u1(p)?, nd.u1(p + 1)? as usize);
    if length < len {
        return Ok(None);
    }
    Ok(Some((opt, len)))
}

fn bogus(nd: &mut Nd, what: &[u8], n: usize) {
    nd.s(b" (length bogus, should be ");
    nd.s(what);
    nd.u(n as u64);
    nd.s(b")");
}

/// `print_lcp_config_options`.
fn lcp_option(nd: &mut Nd, p: usize, length: usize) -> R<usize> {
    let Some((opt, len)) = option_start(nd, p, length, b"lcp")? else {
        return Ok(0);
    };
    let name = LCP_OPTS.get(opt as usize).copied();
    if len < 2 {
        match name {
            Some(n) => {
                option_head(nd, n, opt, len);
                nd.s(b" (length bogus, should be >= 2)");
            }
            None => {
                nd.s(b"\n\tunknown LCP option 0x");
                nd.x0(opt as u64, 2);
            }
        }
        return Ok(0);
    }
    match name {
        Some(n) => option_head(nd, n, opt, len),
        None => {
            nd.s(b"\n\tunknown LCP option 0x");
            nd.x0(opt as u64, 2);
            return Ok(len);
        }
    }
    let mut unknown = false;
    match opt {
        0 => {
            if len < 6 {
                bogus(nd, b">= ", 6);
                return Ok(len);
            }
            let oui = nd.be3(p + 2)?;
            nd.s(b": Vendor: ");
            nd.st(tok::name(tok::OUI, oui).unwrap_or("Unknown"));
            nd.s(b" (");
            nd.u(oui as u64);
            nd.s(b")");
        }
        1 | 17 => {
            if len != 4 {
                bogus(nd, b"= ", 4);
                return Ok(if opt == 1 { len } else { 0 });
            }
            let v = nd.be2(p + 2)?;
            nd.s(b": ");
            nd.u(v as u64);
        }
        2 | 5 => {
            if len != 6 {
                bogus(nd, b"= ", 6);
                return Ok(if opt == 2 { len } else { 0 });
            }
            let v = nd.be4(p + 2)?;
            nd.s(b": 0x");
            nd.x0(v as u64, 8);
        }
        3 => {
            if len < 4 {
                bogus(nd, b">= ", 4);
                return Ok(len);
            }
            let ap = nd.be2(p + 2)? as u32;
            nd.s(b": ");
            // tcpdump's format here has no conversion: printed as it is.
            nd.st(tok::name(TYPES, ap).unwrap_or("Unknown Auth Proto (0x04x)"));
            match ap {
                CHAP => {
                    let alg = nd.u1(p + 4)?;
                    nd.s(b", ");
                    name_or(nd, AUTH_ALGS, alg as u32, b"Unknown Auth Alg ", b"");
                }
                PAP | EAP | SPAP | SPAP_OLD => {}
                _ => nd.unknown_data(p, b"\n\t", len)?,
            }
        }
        4 => {
            if len < 4 {
                bogus(nd, b">= ", 4);
                return Ok(0);
            }
            let q = nd.be2(p + 2)? as u32;
            nd.s(if q == LQM { b": LQR" } else { b": unknown" });
        }
        7 | 8 => {}
        23 => {
            if len != 4 {
                bogus(nd, b"= ", 4);
                return Ok(0);
            }
            let v = nd.be2(p + 2)?;
            nd.s(b": 0x");
            nd.x0(v as u64, 4);
        }
        13 => {
            if len < 3 {
                bogus(nd, b">= ", 3);
                return Ok(0);
            }
            nd.s(b": ");
            let op = nd.u1(p + 2)?;
            nd.s(b": Callback Operation ");
            nd.st(tok::name(CALLBACKS, op as u32).unwrap_or("Unknown"));
            nd.s(b" (");
            nd.u(op as u64);
            nd.s(b")");
        }
        19 => {
            if len < 3 {
                bogus(nd, b">= ", 3);
                return Ok(0);
            }
            match nd.u1(p + 2)? {
                0 => nd.s(b": Null"),
                1 => nd.s(b": Local"),
                2 => {
                    if len != 7 {
                        bogus(nd, b"= ", 7);
                        return Ok(0);
                    }
                    nd.need(p + 3, 4)?;
                    nd.s(b": IPv4 ");
                    nd.ip4(p + 3)?;
                }
                3 => {
                    if len != 9 {
                        bogus(nd, b"= ", 9);
                        return Ok(0);
                    }
                    nd.need(p + 3, 6)?;
                    nd.s(b": MAC ");
                    nd.mac(p + 3)?;
                }
                4 => nd.s(b": Magic-Num-Block"),
                5 => nd.s(b": PSNDN"),
                c => {
                    nd.s(b": Unknown class ");
                    nd.u(c as u64);
                }
            }
        }
        _ => unknown = true,
    }
    option_tail(nd, p, len, unknown)
}

/// `print_ipcp_config_options`.
fn ipcp_option(nd: &mut Nd, p: usize, length: usize) -> R<usize> {
    let Some((opt, len)) = option_start(nd, p, length, b"ipcp")? else {
        return Ok(0);
    };
    option_head(
        nd,
        tok::name(IPCP_OPTS, opt as u32).unwrap_or("unknown"),
        opt,
        len,
    );
    if len < 2 {
        nd.s(b" (length bogus, should be >= 2)");
        return Ok(0);
    }
    // The header-compression case moves `p` on, and the -vv dump starts from there, as in C.
    let mut p = p;
    let mut unknown = false;
    match opt {
        1 => {
            if len != 10 {
                bogus(nd, b"= ", 10);
                return Ok(len);
            }
            nd.need(p + 2, 8)?;
            nd.s(b": src ");
            nd.ip4(p + 2)?;
            nd.s(b", dst ");
            nd.ip4(p + 6)?;
        }
        2 => {
            if len < 4 {
                bogus(nd, b">= ", 4);
                return Ok(0);
            }
            let cp = nd.be2(p + 2)?;
            nd.s(b": ");
            nd.st(match cp {
                0x002d => "VJ-Comp",
                IPCOMP_HDRCOMP => "IP Header Compression",
                _ => "Unknown",
            });
            nd.s(b" (0x");
            nd.x0(cp as u64, 2);
            nd.s(b"):");
            if cp == IPCOMP_HDRCOMP {
                if len < IPCOMP_MINLEN {
                    bogus(nd, b">= ", IPCOMP_MINLEN);
                    return Ok(0);
                }
                if !nd.ttest(p + 2, IPCOMP_MINLEN) {
                    nd.s(b"[|ipcp]");
                    return Ok(0);
                }
                let f: Vec<u16> = (0..5).map(|i| nd.be2(p + 4 + 2 * i)).collect::<R<_>>()?;
                nd.s(b"\n\t    TCP Space ");
                nd.u(f[0] as u64);
                nd.s(b", non-TCP Space ");
                nd.u(f[1] as u64);
                nd.s(b", maxPeriod ");
                nd.u(f[2] as u64);
                nd.s(b", maxTime ");
                nd.u(f[3] as u64);
                nd.s(b", maxHdr ");
                nd.u(f[4] as u64);
                if len > IPCOMP_MINLEN {
                    let mut total = len - IPCOMP_MINLEN;
                    p += IPCOMP_MINLEN;
                    nd.s(b"\n\t      Suboptions, length ");
                    nd.u(total as u64);
                    while total >= 2 {
                        if !nd.ttest(p, 2) {
                            nd.s(b"[|ipcp]");
                            return Ok(0);
                        }
                        let (so, sl) = (nd.u1(p)?, nd.u1(p + 1)? as usize);
                        if so == 0 || sl == 0 {
                            break;
                        }
                        nd.s(b"\n\t\t");
                        nd.st(match so {
                            1 => "RTP-Compression",
                            2 => "Enhanced RTP-Compression",
                            _ => "Unknown",
                        });
                        nd.s(b" Suboption #");
                        nd.u(so as u64);
                        nd.s(b", length ");
                        nd.u(sl as u64);
                        if total < sl {
                            nd.s(b" [remaining suboptions length ");
                            nd.u(total as u64);
                            nd.s(b" < ");
                            nd.u(sl as u64);
                            nd.s(b"]");
                            nd.invalid();
                            break;
                        }
                        total -= sl;
                        p += sl;
                    }
                }
            }
        }
        3 | 4 | 129..=132 => {
            if len != 6 {
                bogus(nd, b"= ", 6);
                return Ok(0);
            }
            nd.need(p + 2, 4)?;
            nd.s(b": ");
            nd.ip4(p + 2)?;
        }
        _ => unknown = true,
    }
    option_tail(nd, p, len, unknown)
}

/// `print_ip6cp_config_options`.
fn ip6cp_option(nd: &mut Nd, p: usize, length: usize) -> R<usize> {
    let Some((opt, len)) = option_start(nd, p, length, b"ip6cp")? else {
        return Ok(0);
    };
    option_head(
        nd,
        if opt == 1 { "Interface-ID" } else { "unknown" },
        opt,
        len,
    );
    if len < 2 {
        nd.s(b" (length bogus, should be >= 2)");
        return Ok(0);
    }
    let mut unknown = false;
    if opt == 1 {
        if len != 10 {
            bogus(nd, b"= ", 10);
            return Ok(len);
        }
        if !nd.ttest(p + 2, 8) {
            nd.s(b"[|ip6cp]");
            return Ok(0);
        }
        nd.s(b": ");
        for i in 0..4 {
            if i > 0 {
                nd.s(b":");
            }
            let v = nd.be2(p + 2 + 2 * i)?;
            nd.x0(v as u64, 4);
        }
    } else {
        unknown = true;
    }
    option_tail(nd, p, len, unknown)
}

/// `print_ccp_config_options`.
fn ccp_option(nd: &mut Nd, p: usize, length: usize) -> R<usize> {
    let Some((opt, len)) = option_start(nd, p, length, b"ccp")? else {
        return Ok(0);
    };
    option_head(
        nd,
        tok::name(CCP_OPTS, opt as u32).unwrap_or("Unknown"),
        opt,
        len,
    );
    if len < 2 {
        nd.s(b" (length bogus, should be >= 2)");
        return Ok(0);
    }
    let mut unknown = false;
    match opt {
        21 => {
            if len < 3 {
                bogus(nd, b">= ", 3);
                return Ok(len);
            }
            let b = nd.u1(p + 2)?;
            nd.s(b": Version: ");
            nd.u((b >> 5) as u64);
            nd.s(b", Dictionary Bits: ");
            nd.u((b & 0x1f) as u64);
        }
        24 => {
            if len < 4 {
                bogus(nd, b">= ", 4);
                return Ok(len);
            }
            let (b, c) = (nd.u1(p + 2)?, nd.u1(p + 3)?);
            nd.s(b": Features: ");
            nd.u(((b & 0xc0) >> 6) as u64);
            nd.s(b", PxP: ");
            nd.s(if b & 0x20 != 0 {
                b"Enabled"
            } else {
                b"Disabled"
            });
            nd.s(b", History: ");
            nd.u((b & 0x1f) as u64);
            nd.s(b", #CTX-ID: ");
            nd.u(c as u64);
        }
        26 => {
            if len < 4 {
                bogus(nd, b">= ", 4);
                return Ok(len);
            }
            let (b, c) = (nd.u1(p + 2)?, nd.u1(p + 3)?);
            nd.s(b": Window: ");
            nd.u(((b & 0xf0) >> 4) as u64);
            nd.s(b"K, Method: ");
            nd.s(if b & 0x0f == 8 { b"zlib" } else { b"unknown" });
            nd.s(b" (0x");
            nd.x((b & 0x0f) as u64);
            nd.s(b"), MBZ: ");
            nd.u(((c & 0xfc) >> 2) as u64);
            nd.s(b", CHK: ");
            nd.u((c & 0x03) as u64);
        }
        _ => unknown = true,
    }
    option_tail(nd, p, len, unknown)
}

/// `print_bacp_config_options`.
fn bacp_option(nd: &mut Nd, p: usize, length: usize) -> R<usize> {
    let Some((opt, len)) = option_start(nd, p, length, b"bacp")? else {
        return Ok(0);
    };
    option_head(
        nd,
        if opt == 1 { "Favored-Peer" } else { "Unknown" },
        opt,
        len,
    );
    if len < 2 {
        nd.s(b" (length bogus, should be >= 2)");
        return Ok(0);
    }
    let mut unknown = false;
    if opt == 1 {
        if len != 6 {
            bogus(nd, b"= ", 6);
            return Ok(len);
        }
        let m = nd.be4(p + 2)?;
        nd.s(b": Magic-Num 0x");
        nd.x0(m as u64, 8);
    } else {
        unknown = true;
    }
    option_tail(nd, p, len, unknown)
}

/// `handle_mlppp`: the Multilink sequence number and flags.
fn mlppp(nd: &mut Nd, p: usize, length: usize) -> R {
    if !nd.eflag {
        nd.s(b"MLPPP, ");
    }
    if length < 2 || !nd.ttest(p, 2) {
        nd.s(b"[|mlppp]");
        return Ok(());
    }
    let v = nd.be2(p)?;
    nd.s(b"seq 0x");
    nd.x0((v & 0x0fff) as u64, 3);
    nd.s(b", Flags [");
    tok::bittok2str(nd, ML_FLAGS, "none", (nd.b[p] & 0xc0) as u32);
    nd.s(b"], length ");
    nd.u(length as u64);
    Ok(())
}

/// `count` characters from `p` (a C unsigned count: a wrapped one runs to the capture end).
fn chars(nd: &mut Nd, mut p: usize, count: u32) -> R<usize> {
    for _ in 0..count {
        let c = nd.u1(p)?;
        nd.print_char(c);
        p += 1;
    }
    Ok(p)
}

/// The code, id and length that start CHAP and PAP; `Ok(None)` when too short.
fn auth_head(
    nd: &mut Nd,
    p: usize,
    length: usize,
    name: &[u8],
    codes: Tok,
) -> R<Option<(u8, usize)>> {
    if length < 1 {
        nd.s(b"[|");
        nd.s(&name.to_ascii_lowercase());
        nd.s(b"]");
        return Ok(None);
    }
    if length < 4 {
        let c = nd.u1(p)?;
        nd.s(b"[|");
        nd.s(&name.to_ascii_lowercase());
        nd.s(b" 0x");
        nd.x0(c as u64, 2);
        nd.s(b"]");
        return Ok(None);
    }
    let code = nd.u1(p)?;
    nd.s(name);
    nd.s(b", ");
    nd.st(tok::name(codes, code as u32).unwrap_or("unknown"));
    nd.s(b" (0x");
    nd.x0(code as u64, 2);
    nd.s(b")");
    let id = nd.u1(p + 1)?;
    nd.s(b", id ");
    nd.u(id as u64);
    let len = nd.be2(p + 2)? as usize;
    Ok(Some((code, len)))
}

/// `handle_chap`: the code, id and the fields every CHAP flavour shares.
fn chap(nd: &mut Nd, p0: usize, length: usize) -> R {
    let Some((code, len)) = auth_head(nd, p0, length, b"CHAP", CHAP_CODES)? else {
        return Ok(());
    };
    let mut p = p0 + 4;
    match code {
        1 | 2 => {
            if length < 5 {
                return Ok(());
            }
            let val_size = nd.u1(p)? as usize;
            p += 1;
            if length - 5 < val_size {
                return Ok(());
            }
            nd.s(b", Value ");
            for _ in 0..val_size {
                let c = nd.u1(p)?;
                nd.x0(c as u64, 2);
                p += 1;
            }
            nd.s(b", Name ");
            chars(nd, p, (len as u32).wrapping_sub((p - p0) as u32))?;
        }
        3 | 4 => {
            nd.s(b", Msg ");
            chars(nd, p, (len as u32).wrapping_sub((p - p0) as u32))?;
        }
        _ => {}
    }
    Ok(())
}

/// `handle_pap` (RFC 1334).
fn pap(nd: &mut Nd, p0: usize, length: usize) -> R {
    let Some((code, len)) = auth_head(nd, p0, length, b"PAP", PAP_CODES)? else {
        return Ok(());
    };
    if len > length {
        nd.s(b", length ");
        nd.u(len as u64);
        nd.s(b" > packet size");
        return Ok(());
    }
    let length = len;
    let mut p = p0 + 4;
    if length < 4 {
        nd.s(b", length ");
        nd.u(length as u64);
        nd.s(b" < PAP header length");
        return Ok(());
    }
    // One length-prefixed string, or None when the message ends first.
    let field = |nd: &mut Nd, p: usize, label: &[u8]| -> R<Option<usize>> {
        if length - (p - p0) < 1 {
            return Ok(None);
        }
        let n = nd.u1(p)? as usize;
        if length - (p + 1 - p0) < n {
            return Ok(None);
        }
        nd.s(label);
        chars(nd, p + 1, n as u32).map(Some)
    };
    match code {
        1 => {
            if len < 6 {
                nd.s(b"[|pap]");
                return Ok(());
            }
            let Some(next) = field(nd, p, b", Peer ")? else {
                return Ok(());
            };
            p = next;
            field(nd, p, b", Name ")?;
        }
        2 | 3 => {
            if len < 5 {
                nd.s(b"[|pap]");
                return Ok(());
            }
            field(nd, p, b", Msg ")?;
        }
        _ => {}
    }
    Ok(())
}
