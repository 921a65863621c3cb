//! TCP (tcpdump's print-tcp.c): flags, sequence numbers relative per connection exactly as
//! tcpdump computes them, window, options, length, and the payload printers tcpdump calls by
//! port that we carry (telnet, SMTP, whois, BGP, PPTP, Redis, SSH, BEEP, OpenFlow, FTP, HTTP,
//! RTSP, DNS, MSDP, RPKI-RTR, LDP, NFS).

use super::cksum;
use super::nd::{Nd, Trunc, R};
use super::state::{TcpKey, TcpSeq};
use super::{
    beep, bgp, dns, ldp, mptcp, msdp, nfs, openflow, pptp, resp, rpki_rtr, telnet, txtproto,
};

const TH_FIN: u8 = 0x01;
const TH_SYN: u8 = 0x02;
const TH_RST: u8 = 0x04;
const TH_ACK: u8 = 0x10;
const TH_URG: u8 = 0x20;

const FLAGS: [(u8, u8); 8] = [
    (0x01, b'F'),
    (0x02, b'S'),
    (0x04, b'R'),
    (0x08, b'P'),
    (0x10, b'.'),
    (0x20, b'U'),
    (0x40, b'E'),
    (0x80, b'W'),
];

/// The text between "Flags [" and "]" for each flags byte: the letters of the set bits in
/// FLAGS order, or "none".
const FLAG_TEXT: [([u8; 8], u8); 256] = {
    let mut t = [([0u8; 8], 0u8); 256];
    let mut f = 0;
    while f < 256 {
        let (mut text, mut n) = ([0u8; 8], 0);
        if f == 0 {
            text = *b"none\0\0\0\0";
            n = 4;
        }
        let mut k = 0;
        while k < 8 {
            if f as u8 & FLAGS[k].0 != 0 {
                text[n] = FLAGS[k].1;
                n += 1;
            }
            k += 1;
        }
        t[f] = (text, n as u8);
        f += 1;
    }
    t
};

fn option_name(opt: u8) -> Option<&'static str> {
    Some(match opt {
        0 => "eol",
        1 => "nop",
        2 => "mss",
        3 => "wscale",
        4 => "sackOK",
        5 => "sack",
        6 => "echo",
        7 => "echoreply",
        8 => "TS",
        11 => "cc",
        12 => "ccnew",
        13 => "",
        19 => "md5",
        20 => "scps",
        28 => "uto",
        29 => "tcp-ao",
        30 => "mptcp",
        34 => "tfo",
        254 => "exp",
        _ => return None,
    })
}

/// Where the option loop ends (tcpdump's `goto bad` / `goto trunc` inside the options).
enum OptEnd {
    /// `goto bad`
    Bad,
    /// `goto trunc` (a failed LENCHECK): " [|tcp]" and, oddly but faithfully, ">".
    Trunc,
    /// A `GET_*` past the data: tcpdump longjmps to the top level.
    Jmp,
}

/// `tcp_print`.
pub(crate) fn tcp_print(nd: &mut Nd, bp: usize, length: usize, iph: usize, fragmented: bool) -> R {
    nd.proto = "tcp";
    let v6 = nd.u1(iph)? >> 4 == 6;
    let mut ch: u8 = 0;
    if !nd.ttest(bp + 2, 2) {
        if v6 {
            nd.ip6(iph + 8)?;
            nd.s(b" > ");
            nd.ip6(iph + 24)?;
        } else {
            nd.ip4(iph + 12)?;
            nd.s(b" > ");
            nd.ip4(iph + 16)?;
        }
        nd.s(b":");
        nd.trunc();
        return Ok(());
    }
    let sport = nd.be2(bp)?;
    let dport = nd.be2(bp + 2)?;
    let ip_proto = if v6 { nd.u1(iph + 6)? } else { nd.u1(iph + 9)? };
    if ip_proto == 6 {
        super::ip::addr_ports(nd, iph, v6, sport, dport)?;
        nd.s(b": ");
    } else {
        nd.u(sport as u64);
        nd.s(b" > ");
        nd.u(dport as u64);
        nd.s(b": ");
    }
    if !nd.ttest(bp, 20) {
        nd.trunc();
        return Ok(());
    }
    let mut hlen = ((nd.u1(bp + 12)? >> 4) as usize) * 4;
    if hlen < 20 {
        nd.s(b" tcp ");
        nd.u(length.wrapping_sub(hlen) as u32 as u64);
        nd.s(b" [bad hdr length ");
        nd.u(hlen as u64);
        nd.s(b" - too short, < 20]");
        return Ok(());
    }
    let mut seq = nd.be4(bp + 4)?;
    let mut ack = nd.be4(bp + 8)?;
    let win = nd.be2(bp + 14)?;
    let urp = nd.be2(bp + 18)?;
    if nd.qflag {
        nd.s(b"tcp ");
        nd.u(length.wrapping_sub(hlen) as u32 as u64);
        if hlen > length {
            nd.s(b" [bad hdr length ");
            nd.u(hlen as u64);
            nd.s(b" - too long, > ");
            nd.u(length as u64);
            nd.s(b"]");
        }
        return Ok(());
    }
    let flags = nd.u1(bp + 13)?;
    nd.s(b"Flags [");
    let (text, n) = &FLAG_TEXT[flags as usize];
    nd.s(&text[..*n as usize]);
    nd.s(b"]");

    let (thseq, thack, rev);
    // -S prints the sequence numbers as they are (print-tcp.c's `ndo_Sflag`).
    if flags & TH_ACK != 0 && !nd.sflag {
        let alen = if v6 { 16 } else { 4 };
        let (so, dof) = if v6 {
            (iph + 8, iph + 24)
        } else {
            (iph + 12, iph + 16)
        };
        let src = nd.bytes(so, alen)?;
        let dst = nd.bytes(dof, alen)?;
        let r = sport > dport || (sport == dport && src > dst);
        let key = if r {
            TcpKey::new(dst, src, ((dport as u32) << 16) | sport as u32)
        } else {
            TcpKey::new(src, dst, ((sport as u32) << 16) | dport as u32)
        };
        let (th, found) = nd.st.tcp.lookup(&key, flags & TH_SYN != 0, || {
            if r {
                TcpSeq {
                    ack: seq,
                    seq: ack.wrapping_sub(1),
                }
            } else {
                TcpSeq {
                    seq,
                    ack: ack.wrapping_sub(1),
                }
            }
        });
        if found {
            if r {
                seq = seq.wrapping_sub(th.ack);
                ack = ack.wrapping_sub(th.seq);
            } else {
                seq = seq.wrapping_sub(th.seq);
                ack = ack.wrapping_sub(th.ack);
            }
        }
        thseq = th.seq;
        thack = th.ack;
        rev = r;
    } else {
        thseq = 0;
        thack = 0;
        rev = false;
    }
    if hlen > length {
        nd.s(b" [bad hdr length ");
        nd.u(hlen as u64);
        nd.s(b" - too long, > ");
        nd.u(length as u64);
        nd.s(b"]");
        return Ok(());
    }
    // The verbosity is read once: at -nn each of its tests is one register compare.
    let vflag = nd.vflag;
    if vflag > 0 && !nd.kflag && !fragmented && nd.ttest(bp, length) {
        verify(nd, bp, length, iph)?;
    }
    let th_off = hlen;
    let length = length - hlen;
    if length > 0 || flags & (TH_SYN | TH_FIN | TH_RST) != 0 || vflag > 1 {
        nd.s(b", seq ");
        nd.u(seq as u64);
        if length > 0 {
            nd.s(b":");
            nd.u(seq.wrapping_add(length as u32) as u64);
        }
    }
    if flags & TH_ACK != 0 {
        nd.s(b", ack ");
        nd.u(ack as u64);
    }
    nd.s(b", win ");
    nd.u(win as u64);
    if flags & TH_URG != 0 {
        nd.s(b", urg ");
        nd.u(urp as u64);
    }
    if hlen > 20 {
        hlen -= 20;
        let mut cp = bp + 20;
        nd.s(b", options [");
        // tcp_verify_signature: can the whole segment be read?
        let sig_data_ok = bp + th_off + length <= nd.snapend;
        if common_options(nd, cp, hlen) {
            nd.s(b"]");
        } else {
            match options(
                nd,
                &mut cp,
                &mut hlen,
                &mut ch,
                sig_data_ok,
                flags,
                rev,
                thseq,
                thack,
            ) {
                Ok(()) => nd.s(b"]"),
                Err(OptEnd::Bad) => {
                    nd.s(b"[bad opt]");
                    if ch != 0 {
                        nd.s(b"]");
                    }
                    return Ok(());
                }
                Err(OptEnd::Jmp) => return Err(Trunc),
                Err(OptEnd::Trunc) => {
                    nd.trunc();
                    if ch != 0 {
                        nd.s(b">");
                    }
                    return Ok(());
                }
            }
        }
    }
    nd.s(b", length ");
    nd.u(length as u64);
    if length == 0 {
        return Ok(());
    }
    let header_len = ((nd.u1(bp + 12)? >> 4) as usize) * 4;
    if !nd.ttest(bp, header_len) {
        nd.s(b" [remaining caplen(");
        nd.u(nd.avail(bp) as u64);
        nd.s(b") < header length(");
        nd.u(header_len as u64);
        nd.s(b")]");
        return Err(Trunc);
    }
    let bp = bp + header_len;
    if flags & TH_RST != 0 && vflag > 0 {
        return rst_data(nd, bp, length);
    }
    match Port::of(sport).min(Port::of(dport)) {
        Port::Telnet => telnet::telnet_print(nd, bp, length)?,
        Port::Smtp => {
            nd.s(b": ");
            txtproto::smtp_print(nd, bp, length)?;
        }
        Port::Whois => {
            nd.s(b": ");
            nd.proto = "whois";
            txtproto::whois_print(nd, bp, length)?;
        }
        Port::Bgp => bgp::bgp_print(nd, bp)?,
        Port::Pptp => pptp::pptp_print(nd, bp)?,
        Port::Redis => resp::resp_print(nd, bp, length)?,
        Port::Ssh => txtproto::ssh_print(nd, bp, length)?,
        Port::Beep => beep::beep_print(nd, bp, length),
        Port::Openflow => openflow::openflow_print(nd, bp, length)?,
        Port::Ftp => {
            nd.s(b": ");
            txtproto::ftp_print(nd, bp, length)?;
        }
        Port::Http => {
            nd.s(b": ");
            txtproto::http_print(nd, bp, length)?;
        }
        Port::Rtsp => {
            nd.s(b": ");
            txtproto::rtsp_print(nd, bp, length)?;
        }
        Port::Dns => dns::domain_print(nd, bp, length, true, false)?,
        Port::Msdp => msdp::msdp_print(nd, bp, length)?,
        Port::RpkiRtr => rpki_rtr::rpki_rtr_print(nd, bp, length)?,
        Port::Ldp => ldp::ldp_print(nd, bp, length)?,
        // (NetBIOS and SMB, which tcpdump tests before NFS, only in builds with SMB, which
        // Debian's is not.)
        Port::Nfs if length >= 4 && nd.ttest(bp, 4) => {
            // An RPC record mark, then the message.
            let fraglen = ((nd.be4(bp)? & 0x7fff_ffff) as usize).min(length - 4);
            if let Some(call) = nfs::direction(nd, bp + 4, sport, dport)? {
                nd.s(b": ");
                nfs::nfs_print(nd, bp + 4, fraglen, iph, call)?;
            }
        }
        Port::Nfs | Port::None => {}
    }
    Ok(())
}

/// The decoders of tcpdump's TCP port tests, in the order it tests them: where both ports
/// have one, the earlier test wins, which is the smaller of the two ([`Port::of`] each, then
/// `min`): two table lookups instead of walking the chain for every segment.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Port {
    Telnet,
    Smtp,
    Whois,
    Bgp,
    Pptp,
    Redis,
    Ssh,
    Beep,
    Openflow,
    Ftp,
    Http,
    Rtsp,
    Dns,
    Msdp,
    RpkiRtr,
    Ldp,
    Nfs,
    None,
}

impl Port {
    #[inline(always)]
    fn of(p: u16) -> Port {
        match p {
            23 => Port::Telnet,
            25 => Port::Smtp,
            43 => Port::Whois,
            179 => Port::Bgp,
            1723 => Port::Pptp,
            6379 => Port::Redis,
            22 => Port::Ssh,
            10288 => Port::Beep,
            openflow::PORT_OLD | openflow::PORT_IANA => Port::Openflow,
            21 => Port::Ftp,
            80 | 8080 => Port::Http,
            554 | 8554 => Port::Rtsp,
            53 => Port::Dns,
            639 => Port::Msdp,
            323 => Port::RpkiRtr,
            646 => Port::Ldp,
            nfs::NFS_PORT => Port::Nfs,
            _ => Port::None,
        }
    }
}

/// -v's checksum verdict: `, cksum 0x1234 (correct)` or `(incorrect -> 0x...)`.
#[cold]
#[inline(never)]
fn verify(nd: &mut Nd, bp: usize, length: usize, iph: usize) -> R {
    let sum = cksum::nextproto(nd, iph, bp, length, 6)?;
    let tcp_sum = nd.be2(bp + 16)?;
    nd.s(b", cksum 0x");
    nd.x0(tcp_sum as u64, 4);
    if sum != 0 {
        nd.s(b" (incorrect -> 0x");
        nd.x0(cksum::shouldbe(tcp_sum, sum) as u64, 4);
        nd.s(b")");
    } else {
        nd.s(b" (correct)");
    }
    Ok(())
}

/// `print_tcp_rst_data`: the text a RST carries (RFC 1122 4.2.2.12), at most 30 characters.
#[cold]
#[inline(never)]
fn rst_data(nd: &mut Nd, mut sp: usize, mut length: usize) -> R {
    nd.s(if nd.ttest(sp, length) {
        b" [RST"
    } else {
        b" [!RST"
    });
    if length > 30 {
        length = 30;
        nd.s(b"+");
    }
    nd.s(b" ");
    while length > 0 && sp < nd.snapend {
        let c = nd.u1(sp)?;
        sp += 1;
        nd.print_char(c);
        length -= 1;
    }
    nd.s(b"]");
    Ok(())
}

/// The two option layouts nearly every Linux segment carries, `nop,nop,TS` and the SYN's
/// `mss,sackOK,TS,nop,wscale`, printed without the general loop: the text is what
/// [`options`] prints for them when all their bytes are captured. False, having printed
/// nothing, for any other layout or a short capture.
#[inline]
fn common_options(nd: &mut Nd, cp: usize, optlen: usize) -> bool {
    let Ok(o) = nd.bytes(cp, optlen) else {
        return false;
    };
    let be4 = |i: usize| u32::from_be_bytes([o[i], o[i + 1], o[i + 2], o[i + 3]]);
    match optlen {
        12 if o[..4] == [1, 1, 8, 10] => {
            nd.s(b"nop,nop,TS val ");
            nd.u(be4(4) as u64);
            nd.s(b" ecr ");
            nd.u(be4(8) as u64);
            true
        }
        20 if o[..2] == [2, 4] && o[4..8] == [4, 2, 8, 10] && o[16..19] == [1, 3, 3] => {
            nd.s(b"mss ");
            nd.u(u16::from_be_bytes([o[2], o[3]]) as u64);
            nd.s(b",sackOK,TS val ");
            nd.u(be4(8) as u64);
            nd.s(b" ecr ");
            nd.u(be4(12) as u64);
            nd.s(b",nop,wscale ");
            nd.u(o[19] as u64);
            true
        }
        _ => false,
    }
}

#[allow(clippy::too_many_arguments)]
fn options(
    nd: &mut Nd,
    cp: &mut usize,
    hlen: &mut usize,
    ch: &mut u8,
    sig_data_ok: bool,
    flags: u8,
    rev: bool,
    thseq: u32,
    thack: u32,
) -> Result<(), OptEnd> {
    let g1 = |nd: &Nd, i: usize| nd.u1(i).map_err(|_| OptEnd::Jmp);
    let g2 = |nd: &Nd, i: usize| nd.be2(i).map_err(|_| OptEnd::Jmp);
    let g4 = |nd: &Nd, i: usize| nd.be4(i).map_err(|_| OptEnd::Jmp);
    while *hlen > 0 {
        if *ch != 0 {
            nd.out.push(*ch);
        }
        let opt = g1(nd, *cp)?;
        *cp += 1;
        let len: usize;
        if opt == 0 || opt == 1 {
            len = 1;
        } else {
            len = g1(nd, *cp)? as usize;
            *cp += 1;
            if len < 2 || len > *hlen {
                return Err(OptEnd::Bad);
            }
            *hlen -= 1;
        }
        *hlen -= 1;
        let mut datalen = 0usize;
        let hl = *hlen;
        let lencheck = |nd: &Nd, l: usize| -> Result<(), OptEnd> {
            if l > hl {
                return Err(OptEnd::Bad);
            }
            if !nd.ttest(*cp, l) {
                return Err(OptEnd::Trunc);
            }
            Ok(())
        };
        match option_name(opt) {
            Some(n) => nd.st(n),
            None => {
                nd.s(b"unknown-");
                nd.u(opt as u64);
            }
        }
        let c = *cp;
        match opt {
            2 => {
                datalen = 2;
                lencheck(nd, datalen)?;
                nd.s(b" ");
                let v = g2(nd, c)?;
                nd.u(v as u64);
            }
            3 => {
                datalen = 1;
                lencheck(nd, datalen)?;
                nd.s(b" ");
                let v = g1(nd, c)?;
                nd.u(v as u64);
            }
            5 => {
                datalen = len - 2;
                if datalen % 8 != 0 {
                    nd.s(b" invalid sack");
                } else {
                    nd.s(b" ");
                    nd.u((datalen / 8) as u64);
                    nd.s(b" ");
                    let mut i = 0;
                    while i < datalen {
                        lencheck(nd, i + 4)?;
                        let mut s = g4(nd, c + i)?;
                        lencheck(nd, i + 8)?;
                        let mut e = g4(nd, c + i + 4)?;
                        if rev {
                            s = s.wrapping_sub(thseq);
                            e = e.wrapping_sub(thseq);
                        } else {
                            s = s.wrapping_sub(thack);
                            e = e.wrapping_sub(thack);
                        }
                        nd.s(b"{");
                        nd.u(s as u64);
                        nd.s(b":");
                        nd.u(e as u64);
                        nd.s(b"}");
                        i += 8;
                    }
                }
            }
            11 | 12 | 13 | 6 | 7 => {
                datalen = 4;
                lencheck(nd, datalen)?;
                nd.s(b" ");
                let v = g4(nd, c)?;
                nd.u(v as u64);
            }
            8 => {
                datalen = 8;
                lencheck(nd, datalen)?;
                let a = g4(nd, c)?;
                let b = g4(nd, c + 4)?;
                nd.s(b" val ");
                nd.u(a as u64);
                nd.s(b" ecr ");
                nd.u(b as u64);
            }
            19 => {
                datalen = 16;
                lencheck(nd, datalen)?;
                // tcpdump 4.99 as Debian builds it (with libcrypto, no -M secret).
                if sig_data_ok {
                    nd.s(b" shared secret not supplied with -M, can't check - ");
                } else {
                    nd.s(b" snaplen too short, can't check - ");
                }
                for i in 0..16 {
                    let v = g1(nd, c + i)?;
                    nd.x0(v as u64, 2);
                }
            }
            20 => {
                datalen = 2;
                lencheck(nd, datalen)?;
                let a = g1(nd, c)?;
                let b = g1(nd, c + 1)?;
                nd.s(b" cap ");
                nd.x0(a as u64, 2);
                nd.s(b" id ");
                nd.u(b as u64);
            }
            29 => {
                datalen = len - 2;
                if datalen < 2 {
                    nd.invalid();
                } else {
                    lencheck(nd, 1)?;
                    nd.s(b" keyid ");
                    let v = g1(nd, c)?;
                    nd.u(v as u64);
                    lencheck(nd, 2)?;
                    nd.s(b" rnextkeyid ");
                    let v = g1(nd, c + 1)?;
                    nd.u(v as u64);
                    if datalen > 2 {
                        nd.s(b" mac 0x");
                        for i in 2..datalen {
                            lencheck(nd, i + 1)?;
                            let v = g1(nd, c + i)?;
                            nd.x0(v as u64, 2);
                        }
                    }
                }
            }
            0 | 1 | 4 => {}
            28 => {
                datalen = 2;
                lencheck(nd, datalen)?;
                let mut uto = g2(nd, c)? as u32;
                nd.s(b" 0x");
                nd.x(uto as u64);
                if uto & 1 != 0 {
                    uto = (uto >> 1) * 60;
                } else {
                    uto >>= 1;
                }
                nd.s(b" ");
                nd.u(uto as u64);
            }
            30 => {
                datalen = len - 2;
                lencheck(nd, datalen)?;
                let saved = nd.snapend;
                nd.snapend = nd.snapend.min(c - 2 + len);
                let r = mptcp::mptcp_print(nd, c - 2, len, flags);
                nd.snapend = saved;
                match r {
                    Ok(true) => {}
                    Ok(false) => return Err(OptEnd::Bad),
                    Err(_) => return Err(OptEnd::Jmp),
                }
            }
            34 => {
                datalen = len - 2;
                lencheck(nd, datalen)?;
                nd.s(b" ");
                fastopen(nd, c, datalen, false).map_err(|_| OptEnd::Jmp)?;
            }
            254 => {
                datalen = len - 2;
                lencheck(nd, datalen)?;
                if datalen < 2 {
                    return Err(OptEnd::Bad);
                }
                let magic = g2(nd, c)?;
                nd.s(b"-");
                if magic == 0xf989 {
                    fastopen(nd, c + 2, datalen - 2, true).map_err(|_| OptEnd::Jmp)?;
                } else {
                    nd.x0(magic as u64, 4);
                }
            }
            _ => {
                datalen = len - 2;
                if datalen > 0 {
                    nd.s(b" 0x");
                }
                for i in 0..datalen {
                    lencheck(nd, i + 1)?;
                    let v = g1(nd, c + i)?;
                    nd.x0(v as u64, 2);
                }
            }
        }
        *cp += datalen;
        *hlen -= datalen;
        let mut dl = datalen + 1;
        if opt != 0 && opt != 1 {
            dl += 1;
        }
        if dl != len {
            nd.s(b"[len ");
            nd.u(len as u64);
            nd.s(b"]");
        }
        *ch = b',';
        if opt == 0 {
            break;
        }
    }
    Ok(())
}

/// `print_tcp_fastopen_option`.
fn fastopen(nd: &mut Nd, cp: usize, datalen: usize, exp: bool) -> R {
    if exp {
        nd.s(b"tfo");
    }
    if datalen == 0 {
        nd.s(b" cookiereq");
    } else if datalen % 2 != 0 || !(4..=16).contains(&datalen) {
        nd.invalid();
    } else {
        nd.s(b" cookie ");
        for i in 0..datalen {
            let v = nd.u1(cp + i)?;
            nd.x0(v as u64, 2);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::Port;

    /// tcpdump's TCP port tests in its order (print-tcp.c), each port with what it picks.
    const CHAIN: &[(&[u16], Port)] = &[
        (&[23], Port::Telnet),
        (&[25], Port::Smtp),
        (&[43], Port::Whois),
        (&[179], Port::Bgp),
        (&[1723], Port::Pptp),
        (&[6379], Port::Redis),
        (&[22], Port::Ssh),
        (&[10288], Port::Beep),
        (&[6633, 6653], Port::Openflow),
        (&[21], Port::Ftp),
        (&[80, 8080], Port::Http),
        (&[554, 8554], Port::Rtsp),
        (&[53], Port::Dns),
        (&[639], Port::Msdp),
        (&[323], Port::RpkiRtr),
        (&[646], Port::Ldp),
        (&[2049], Port::Nfs),
    ];

    /// The first test of the chain that either port passes, as tcpdump walks it.
    fn walk(sport: u16, dport: u16) -> Port {
        CHAIN
            .iter()
            .find(|(ports, _)| ports.contains(&sport) || ports.contains(&dport))
            .map_or(Port::None, |&(_, d)| d)
    }

    /// The two lookups and `min` pick what walking the chain picks, for every pair of the
    /// chain's ports (either way round) and every port against an unclaimed one.
    #[test]
    fn lookups_pick_what_the_chain_picks() {
        let ports: Vec<u16> = CHAIN.iter().flat_map(|(p, _)| p.iter().copied()).collect();
        for &a in ports.iter().chain([40000u16].iter()) {
            for &b in ports.iter().chain([40001u16].iter()) {
                assert!(
                    Port::of(a).min(Port::of(b)) == walk(a, b),
                    "ports {a} > {b}"
                );
            }
        }
        for p in 0..=u16::MAX {
            assert!(
                Port::of(p).min(Port::of(40000)) == walk(p, 40000),
                "port {p}"
            );
        }
    }
}
