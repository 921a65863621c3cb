//! DHCP options (the BOOTP vendor area in RFC 1048 form) as tcpdump prints them at `-v`
//! (print-bootp.c's `rfc1048_print`; -vvv also shows PAD and END).

use super::nd::{Nd, R};

/// `tag2str`: the option's name after a format letter (`i` addresses, `l`/`L` 32-bit
/// words, `s` shorts, `a` text, `b`/`x` bytes, `p` address pairs, `B` booleans, `$` special,
/// ` ` none); `None` is tcpdump's "?Unknown".
fn tag2str(tag: u8) -> Option<&'static str> {
    Some(match tag {
        0 => " PAD",
        1 => "iSubnet-Mask",
        2 => "LTime-Zone",
        3 => "iDefault-Gateway",
        4 => "iTime-Server",
        5 => "iIEN-Name-Server",
        6 => "iDomain-Name-Server",
        7 => "iLOG",
        8 => "iCS",
        9 => "iLPR-Server",
        10 => "iIM",
        11 => "iRL",
        12 => "aHostname",
        13 => "sBS",
        255 => " END",
        14 => "aDP",
        15 => "aDomain-Name",
        16 => "iSS",
        17 => "aRP",
        18 => "aEP",
        19 => "BIPF",
        20 => "BSRT",
        21 => "pPF",
        22 => "sRSZ",
        23 => "bTTL",
        24 => "lMTU-Timeout",
        25 => "sMTU-Table",
        26 => "sMTU",
        27 => "BLSN",
        28 => "iBR",
        29 => "BMD",
        30 => "BMS",
        31 => "BRouter-Discovery",
        32 => "iRSA",
        33 => "pStatic-Route",
        34 => "BUT",
        35 => "lAT",
        36 => "BIE",
        37 => "bTT",
        38 => "lKI",
        39 => "BKG",
        40 => "aYD",
        41 => "iYS",
        42 => "iNTP",
        43 => "bVendor-Option",
        44 => "iNetbios-Name-Server",
        45 => "iWDD",
        46 => "$Netbios-Node",
        47 => "aNetbios-Scope",
        48 => "iXFS",
        49 => "iXDM",
        64 => "sN+D",
        65 => "iN+S",
        68 => "iMH",
        69 => "iSMTP",
        70 => "iPOP3",
        71 => "iNNTP",
        72 => "iWWW",
        73 => "iFG",
        74 => "iIRC",
        75 => "iSTS",
        76 => "iSTDA",
        50 => "iRequested-IP",
        51 => "lLease-Time",
        52 => "$OO",
        66 => "aTFTP",
        67 => "aBF",
        53 => " DHCP-Message",
        54 => "iServer-ID",
        55 => "bParameter-Request",
        56 => "aMSG",
        57 => "sMSZ",
        58 => "lRN",
        59 => "lRB",
        60 => "aVendor-Class",
        61 => "$Client-ID",
        98 => "aUAP",
        116 => "BNOAUTO",
        78 => "bSLP-DA",
        79 => "bSLP-SCOPE",
        117 => "sNSSEARCH",
        77 => "$User-Class",
        118 => "iSUBNET",
        121 => "$Classless-Static-Route",
        249 => "$Classless-Static-Route-Microsoft",
        150 => "iTFTP-Server-Address",
        80 => "aSLP-NA",
        81 => "$FQDN",
        82 => "$Agent-Information",
        83 => "bARMT",
        88 => "aTZSTR",
        89 => "bFQDNS",
        90 => "bAUTH",
        91 => "LLast-Transaction-Time",
        92 => "iAssociated-IP",
        93 => "sARCH",
        94 => "bNDI",
        97 => "bGUID",
        95 => "aLDAP",
        100 => "aPOSIX-TZ",
        101 => "aTZ-Name",
        112 => "iNI",
        113 => "aNITAG",
        114 => "aURL",
        161 => "aMUD-URL",
        _ => return None,
    })
}

/// `rfc1048_print`: `bp` is the magic cookie.
pub(crate) fn rfc1048_print(nd: &mut Nd, mut bp: usize) -> R {
    nd.s(b"\n\t  Vendor-rfc1048 Extensions");
    let cookie = nd.be4(bp)?;
    nd.s(b"\n\t    Magic Cookie 0x");
    nd.x0(cookie as u64, 8);
    bp += 4;
    while nd.ttest(bp, 1) {
        let tag = nd.u1(bp)?;
        bp += 1;
        if (tag == 0 || tag == 255) && nd.vflag < 3 {
            if tag == 255 {
                return Ok(());
            }
            continue;
        }
        let name = tag2str(tag).unwrap_or("?Unknown");
        let mut c = name.as_bytes()[0];
        let mut len = if tag == 0 || tag == 255 {
            0
        } else {
            let l = nd.u1(bp)? as usize;
            bp += 1;
            l
        };
        nd.s(b"\n\t    ");
        nd.st(&name[1..]);
        nd.s(b" (");
        nd.u(tag as u64);
        nd.s(b"), length ");
        nd.u(len as u64);
        if len > 0 {
            nd.s(b": ");
        }
        if tag == 0 && nd.vflag > 2 {
            let mut ntag = 1;
            while nd.ttest(bp, 1) && nd.u1(bp)? == 0 {
                bp += 1;
                ntag += 1;
            }
            if ntag > 1 {
                nd.s(b", occurs ");
                nd.u(ntag);
            }
        }
        if !nd.ttest(bp, len) {
            nd.trunc();
            return Ok(());
        }
        if tag == 53 && len == 1 {
            let m = nd.u1(bp)?;
            match m {
                1 => nd.s(b"Discover"),
                2 => nd.s(b"Offer"),
                3 => nd.s(b"Request"),
                4 => nd.s(b"Decline"),
                5 => nd.s(b"ACK"),
                6 => nd.s(b"NACK"),
                7 => nd.s(b"Release"),
                8 => nd.s(b"Inform"),
                10 => nd.s(b"LeaseQuery"),
                11 => nd.s(b"LeaseUnassigned"),
                12 => nd.s(b"LeaseUnknown"),
                13 => nd.s(b"LeaseActive"),
                _ => {
                    nd.s(b"Unknown (");
                    nd.u(m as u64);
                    nd.s(b")");
                }
            }
            bp += 1;
            continue;
        }
        if tag == 55 {
            let mut idx = 0;
            while len > 0 {
                let inner = nd.u1(bp)?;
                bp += 1;
                len -= 1;
                nd.s(if idx % 4 == 0 { b"\n\t      " } else { b", " });
                nd.st(&tag2str(inner).unwrap_or("?Unknown")[1..]);
                nd.s(b" (");
                nd.u(inner as u64);
                nd.s(b")");
                idx += 1;
            }
            continue;
        }
        if c == b'?' {
            c = if len & 1 != 0 {
                b'b'
            } else if len & 2 != 0 {
                b's'
            } else {
                b'l'
            };
        }
        let mut first = true;
        match c {
            b'a' => {
                nd.s(b"\"");
                let se = nd.snapend;
                if nd.printn(bp, len, Some(se))? {
                    nd.s(b"\"");
                    nd.trunc();
                    return Ok(());
                }
                nd.s(b"\"");
                bp += len;
                len = 0;
            }
            b'i' | b'l' | b'L' => {
                while len >= 4 {
                    if !first {
                        nd.s(b",");
                    }
                    if c == b'i' {
                        nd.ip4(bp)?;
                    } else if c == b'L' {
                        let v = nd.be4(bp)? as i32;
                        if v < 0 {
                            nd.s(b"-");
                        }
                        nd.u(v.unsigned_abs() as u64);
                    } else {
                        let v = nd.be4(bp)?;
                        nd.u(v as u64);
                    }
                    bp += 4;
                    len -= 4;
                    first = false;
                }
            }
            b'p' => {
                while len >= 8 {
                    if !first {
                        nd.s(b",");
                    }
                    nd.need(bp, 4)?;
                    nd.s(b"(");
                    nd.ip4(bp)?;
                    nd.s(b":");
                    nd.ip4(bp + 4)?;
                    nd.s(b")");
                    bp += 8;
                    len -= 8;
                    first = false;
                }
            }
            b's' => {
                while len >= 2 {
                    if !first {
                        nd.s(b",");
                    }
                    let v = nd.be2(bp)?;
                    nd.u(v as u64);
                    bp += 2;
                    len -= 2;
                    first = false;
                }
            }
            b'B' => {
                while len > 0 {
                    if !first {
                        nd.s(b",");
                    }
                    match nd.u1(bp)? {
                        0 => nd.s(b"N"),
                        1 => nd.s(b"Y"),
                        v => {
                            nd.u(v as u64);
                            nd.s(b"?");
                        }
                    }
                    bp += 1;
                    len -= 1;
                    first = false;
                }
            }
            b'$' => special(nd, tag, &mut bp, &mut len)?,
            _ => {
                while len > 0 {
                    if !first {
                        nd.s(if c == b'x' { b":" } else { b"." });
                    }
                    let v = nd.u1(bp)?;
                    if c == b'x' {
                        nd.x0(v as u64, 2);
                    } else {
                        nd.u(v as u64);
                    }
                    bp += 1;
                    len -= 1;
                    first = false;
                }
            }
        }
        if len > 0 {
            nd.s(b"\n\t  trailing data length ");
            nd.u(len as u64);
            bp += len;
        }
    }
    Ok(())
}

/// `tok2str(table, NULL, v)`: the name, or "#v".
fn name_or_number(nd: &mut Nd, name: Option<&str>, v: u8) {
    match name {
        Some(n) => nd.st(n),
        None => {
            nd.s(b"#");
            nd.u(v as u64);
        }
    }
}

/// The `$` options, each with its own layout. A truncated text ends the whole vendor area
/// with the marker, as tcpdump's `goto trunc` does (reported here as a local truncation,
/// [`Nd::local_trunc`], after the closing quote; the top level prints it).
fn special(nd: &mut Nd, tag: u8, bp: &mut usize, len: &mut usize) -> R {
    let quoted = |nd: &mut Nd, at: usize, n: usize| -> R {
        nd.s(b"\"");
        let se = nd.snapend;
        if nd.printn(at, n, Some(se))? {
            nd.s(b"\"");
            return Err(nd.local_trunc());
        }
        nd.s(b"\"");
        Ok(())
    };
    match tag {
        46 | 52 => {
            if *len < 1 {
                nd.s(b"[ERROR: length < 1 bytes]");
                return Ok(());
            }
            let v = nd.u1(*bp)?;
            *bp += 1;
            *len -= 1;
            let name = if tag == 46 {
                match v {
                    1 => Some("b-node"),
                    2 => Some("p-node"),
                    4 => Some("m-node"),
                    8 => Some("h-node"),
                    _ => None,
                }
            } else {
                match v {
                    1 => Some("file"),
                    2 => Some("sname"),
                    3 => Some("file+sname"),
                    _ => None,
                }
            };
            name_or_number(nd, name, v);
        }
        81 => {
            if *len < 3 {
                nd.s(b"[ERROR: length < 3 bytes]");
                *bp += *len;
                *len = 0;
                return Ok(());
            }
            let f = nd.u1(*bp)?;
            if f & 0xf0 != 0 {
                nd.s(b"[ERROR: MBZ nibble 0x");
                nd.x((f >> 4) as u64);
                nd.s(b" != 0] ");
            }
            if f & 0x0f != 0 {
                nd.s(b"[");
                for (bit, l) in [(1, b"S"), (2, b"O"), (4, b"E"), (8, b"N")] {
                    if f & bit != 0 {
                        nd.s(l);
                    }
                }
                nd.s(b"] ");
            }
            *bp += 1;
            let (r1, r2) = (nd.u1(*bp)?, nd.u1(*bp + 1)?);
            if r1 != 0 || r2 != 0 {
                nd.u(r1 as u64);
                nd.s(b"/");
                nd.u(r2 as u64);
                nd.s(b" ");
            }
            *bp += 2;
            quoted(nd, *bp, *len - 3)?;
            *bp += *len - 3;
            *len = 0;
        }
        61 => {
            if *len < 1 {
                nd.s(b"[ERROR: length < 1 bytes]");
                return Ok(());
            }
            let t = nd.u1(*bp)?;
            *bp += 1;
            *len -= 1;
            if t == 0 {
                quoted(nd, *bp, *len)?;
                *bp += *len;
                *len = 0;
            } else {
                match t {
                    1 => nd.s(b"ether"),
                    6 => nd.s(b"ieee802"),
                    7 => nd.s(b"arcnet"),
                    0xf => nd.s(b"frelay"),
                    0x17 => nd.s(b"strip"),
                    0x18 => nd.s(b"ieee1394"),
                    _ => {
                        nd.s(b"hardware-type ");
                        nd.u(t as u64);
                        nd.s(b",");
                    }
                }
                nd.s(b" ");
                let mut first = true;
                while *len > 0 {
                    if !first {
                        nd.s(b":");
                    }
                    let v = nd.u1(*bp)?;
                    nd.x0(v as u64, 2);
                    *bp += 1;
                    *len -= 1;
                    first = false;
                }
            }
        }
        82 => {
            while *len >= 2 {
                let sub = nd.u1(*bp)?;
                let sublen = nd.u1(*bp + 1)? as usize;
                *bp += 2;
                *len -= 2;
                let sname = match sub {
                    1 => "Circuit-ID",
                    2 => "Remote-ID",
                    6 => "Subscriber-ID",
                    _ => "Unknown",
                };
                nd.s(b"\n\t      ");
                nd.st(sname);
                nd.s(b" SubOption ");
                nd.u(sub as u64);
                nd.s(b", length ");
                nd.u(sublen as u64);
                if sublen > *len {
                    nd.s(b": length goes past end of option");
                    *bp += *len;
                    *len = 0;
                    break;
                }
                nd.s(b": ");
                match sub {
                    1 | 2 | 6 => {
                        let se = nd.snapend;
                        if nd.printn(*bp, sublen, Some(se))? {
                            return Err(nd.local_trunc());
                        }
                    }
                    _ => nd.unknown_data(*bp, b"\n\t\t", sublen)?,
                }
                *len -= sublen;
                *bp += sublen;
            }
        }
        121 | 249 => {
            if *len < 5 {
                nd.s(b"[ERROR: length < 5 bytes]");
                *bp += *len;
                *len = 0;
                return Ok(());
            }
            let mut first = true;
            while *len > 0 {
                if !first {
                    nd.s(b",");
                }
                let w = nd.u1(*bp)? as usize;
                *bp += 1;
                *len -= 1;
                if w > 32 {
                    nd.s(b"[ERROR: Mask width (");
                    nd.u(w as u64);
                    nd.s(b") > 32]");
                    *bp += *len;
                    *len = 0;
                    break;
                }
                let sig = w.div_ceil(8);
                if *len < sig + 4 {
                    nd.s(b"[ERROR: Remaining length (");
                    nd.u(*len as u64);
                    nd.s(b") < ");
                    nd.u((sig + 4) as u64);
                    nd.s(b" bytes]");
                    *bp += *len;
                    *len = 0;
                    break;
                }
                nd.s(b"(");
                if w == 0 {
                    nd.s(b"default");
                } else {
                    for i in 0..sig {
                        if i > 0 {
                            nd.s(b".");
                        }
                        let v = nd.u1(*bp)?;
                        nd.u(v as u64);
                        *bp += 1;
                    }
                    for _ in sig..4 {
                        nd.s(b".0");
                    }
                    nd.s(b"/");
                    nd.u(w as u64);
                }
                nd.s(b":");
                nd.ip4(*bp)?;
                nd.s(b")");
                *bp += 4;
                *len -= sig + 4;
                first = false;
            }
        }
        77 => {
            if *len < 2 {
                nd.s(b"[ERROR: length < 2 bytes]");
                *bp += *len;
                *len = 0;
                return Ok(());
            }
            let mut n = 1;
            while *len > 0 {
                let sublen = nd.u1(*bp)? as usize;
                *bp += 1;
                *len -= 1;
                nd.s(b"\n\t      instance#");
                nd.u(n);
                nd.s(b": ");
                if sublen == 0 {
                    nd.s(b"[ERROR: suboption length must be non-zero]");
                    *bp += *len;
                    *len = 0;
                    break;
                }
                if *len < sublen {
                    nd.s(b"[ERROR: invalid option]");
                    *bp += *len;
                    *len = 0;
                    break;
                }
                quoted(nd, *bp, sublen)?;
                nd.s(b", length ");
                nd.u(sublen as u64);
                n += 1;
                *len -= sublen;
                *bp += sublen;
            }
        }
        _ => {
            nd.s(b"[unknown special tag ");
            nd.u(tag as u64);
            nd.s(b", size ");
            nd.u(*len as u64);
            nd.s(b"]");
            *bp += *len;
            *len = 0;
        }
    }
    Ok(())
}
