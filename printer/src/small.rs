//! Short decoders tcpdump applies by port whose default-verbosity output is one phrase:
//! BOOTP/DHCP (print-bootp.c), NTP (print-ntp.c), syslog (print-syslog.c). With -v they
//! print their full headers.

use super::nd::{Nd, R};

/// `bootp_print`: with -v the header fields, addresses, server/file names and the DHCP
/// options (`dhcp`; the CMU vendor area is not decoded).
pub(crate) fn bootp_print(nd: &mut Nd, cp: usize, length: usize) -> R {
    nd.proto = "bootp";
    let op = nd.u1(cp)?;
    nd.s(b"BOOTP/DHCP, ");
    match op {
        1 => nd.s(b"Request"),
        2 => nd.s(b"Reply"),
        _ => {
            nd.s(b"unknown (0x");
            nd.x0(op as u64, 2);
            nd.s(b")");
        }
    }
    let htype = nd.u1(cp + 1)?;
    let hlen = nd.u1(cp + 2)?;
    if htype == 1 && hlen == 6 && op == 1 {
        nd.need(cp + 28, 6)?;
        nd.s(b" from ");
        nd.mac(cp + 28)?;
    }
    nd.s(b", length ");
    nd.u(length as u64);
    if nd.vflag == 0 {
        return Ok(());
    }
    bootp_verbose(nd, cp, htype, hlen)
}

fn bootp_verbose(nd: &mut Nd, cp: usize, htype: u8, hlen: u8) -> R {
    if !nd.ttest(cp + 8, 2) {
        nd.trunc();
        return Ok(());
    }
    if htype != 1 {
        nd.s(b", htype ");
        nd.u(htype as u64);
    }
    if htype != 1 || hlen != 6 {
        nd.s(b", hlen ");
        nd.u(hlen as u64);
    }
    let hops = nd.u1(cp + 3)?;
    if hops != 0 {
        nd.s(b", hops ");
        nd.u(hops as u64);
    }
    let xid = nd.be4(cp + 4)?;
    if xid != 0 {
        nd.s(b", xid 0x");
        nd.x(xid as u64);
    }
    let secs = nd.be2(cp + 8)?;
    if secs != 0 {
        nd.s(b", secs ");
        nd.u(secs as u64);
    }
    let flags = nd.be2(cp + 10)?;
    nd.s(if flags & 0x8000 != 0 {
        b", Flags [Broadcast]"
    } else {
        b", Flags [none]"
    });
    if nd.vflag > 1 {
        nd.s(b" (0x");
        nd.x0(flags as u64, 4);
        nd.s(b")");
    }
    for (off, label) in [
        (12, &b"\n\t  Client-IP "[..]),
        (16, b"\n\t  Your-IP "),
        (20, b"\n\t  Server-IP "),
        (24, b"\n\t  Gateway-IP "),
    ] {
        if nd.be4(cp + off)? != 0 {
            nd.s(label);
            nd.ip4(cp + off)?;
        }
    }
    if htype == 1 && hlen == 6 {
        nd.need(cp + 28, 6)?;
        nd.s(b"\n\t  Client-Ethernet-Address ");
        nd.mac(cp + 28)?;
    }
    for (off, size, label) in [
        (44, 64, &b"\n\t  sname \""[..]),
        (108, 128, b"\n\t  file \""),
    ] {
        if nd.u1(cp + off)? != 0 {
            nd.s(label);
            if !printztn(nd, cp + off, size)? {
                nd.s(b"\"");
                nd.trunc();
                return Ok(());
            }
            nd.s(b"\"");
        }
    }
    if !nd.ttest(cp + 236, 4) {
        nd.trunc();
        return Ok(());
    }
    match nd.be4(cp + 236)? {
        // A truncated text option ends the vendor area with tcpdump's marker: a local
        // truncation, which the top level prints like a failed `GET_*`.
        0x6382_5363 => super::dhcp::rfc1048_print(nd, cp + 236)?,
        // "CMU\0" (cmu_print is not ported) and an empty vendor area.
        0x434d_5500 | 0 => {}
        v => {
            nd.s(b"\n\t  Vendor-#0x");
            nd.x(v as u64);
        }
    }
    Ok(())
}

/// `nd_printztn` up to the captured end: false when no NUL came within `n` bytes or the
/// capture ended first.
fn printztn(nd: &mut Nd, mut s: usize, mut n: usize) -> R<bool> {
    loop {
        if n == 0 || s >= nd.snapend {
            return Ok(false);
        }
        let c = nd.u1(s)?;
        s += 1;
        n -= 1;
        if c == 0 {
            return Ok(true);
        }
        nd.print_char(c);
    }
}

/// `ntp_print` (-v: the whole header, see `ntp_time_print`).
pub(crate) fn ntp_print(nd: &mut Nd, cp: usize, length: usize) -> R {
    nd.proto = "ntp";
    let status = nd.u1(cp)?;
    nd.s(b"NTPv");
    nd.u(((status & 0x38) >> 3) as u64);
    nd.s(b", ");
    nd.s(match status & 7 {
        0 => b"unspecified" as &[u8],
        1 => b"symmetric active",
        2 => b"symmetric passive",
        3 => b"Client",
        4 => b"Server",
        5 => b"Broadcast",
        6 => b"Control Message",
        _ => b"Reserved",
    });
    nd.s(b", length ");
    nd.u(length as u64);
    if nd.vflag == 0 {
        return Ok(());
    }
    nd.s(b"\n");
    let leap = status & 0xc0;
    nd.s(b"\tLeap indicator: ");
    nd.s(match leap {
        0 => b"" as &[u8],
        0x40 => b"+1s",
        0x80 => b"-1s",
        _ => b"clock unsynchronized",
    });
    nd.s(b" (");
    nd.u(leap as u64);
    nd.s(b")");
    match status & 7 {
        0..=5 => ntp_time_print(nd, cp, length),
        6 => ntp_control_print(nd, cp, length),
        _ => Ok(()),
    }
}

/// The `(invalid)` ending of the NTP printers: a short message that is also cut short is
/// reported as truncated too.
fn ntp_invalid(nd: &mut Nd, cp: usize, length: usize) -> R {
    nd.invalid();
    if !nd.ttest(cp, length) {
        nd.trunc();
    }
    Ok(())
}

/// `ntp_time_print` (-v).
fn ntp_time_print(nd: &mut Nd, cp: usize, length: usize) -> R {
    if length < 48 {
        return ntp_invalid(nd, cp, length);
    }
    let stratum = nd.u1(cp + 1)?;
    nd.s(b", Stratum ");
    nd.u(stratum as u64);
    nd.s(b" (");
    nd.s(match stratum {
        0 => b"unspecified" as &[u8],
        1 => b"primary reference",
        2..=15 => b"secondary reference",
        _ => b"reserved",
    });
    nd.s(b")");
    let poll = nd.u1(cp + 2)? as i8 as i32;
    nd.s(b", poll ");
    sdec(nd, poll as i64);
    if poll > -32 && poll < 32 {
        if poll >= 0 {
            nd.s(b" (");
            nd.u(1u64 << poll);
            nd.s(b"s)");
        } else {
            nd.s(b" (1/");
            nd.u(1u64 << -poll);
            nd.s(b"s)");
        }
    }
    let precision = nd.u1(cp + 3)? as i8;
    nd.s(b", precision ");
    sdec(nd, precision as i64);
    nd.tcheck(cp + 4, 4)?;
    nd.s(b"\n\tRoot Delay: ");
    sfix(nd, cp + 4)?;
    nd.tcheck(cp + 8, 4)?;
    nd.s(b", Root dispersion: ");
    sfix(nd, cp + 8)?;
    nd.tcheck(cp + 12, 4)?;
    nd.s(b", Reference-ID: ");
    match stratum {
        0 => nd.s(b"(unspec)"),
        1 => {
            let se = nd.snapend;
            if nd.printn(cp + 12, 4, Some(se))? {
                return Err(nd.local_trunc());
            }
        }
        62 | 63 => {
            nd.ip4(cp + 12)?;
            nd.s(if stratum == 62 {
                b" INFO_QUERY"
            } else {
                b" INFO_REPLY"
            });
            return Ok(());
        }
        _ => {
            let r = nd.be4(cp + 12)?;
            nd.s(b"0x");
            nd.x0(r as u64, 8);
        }
    }
    for (off, label) in [
        (16, &b"\n\t  Reference Timestamp:  "[..]),
        (24, b"\n\t  Originator Timestamp: "),
        (32, b"\n\t  Receive Timestamp:    "),
        (40, b"\n\t  Transmit Timestamp:   "),
    ] {
        nd.tcheck(cp + off, 8)?;
        nd.s(label);
        ntp_time(nd, cp + off)?;
    }
    nd.s(b"\n\t    Originator - Receive Timestamp:  ");
    ntp_delta(nd, cp + 24, cp + 32)?;
    nd.s(b"\n\t    Originator - Transmit Timestamp: ");
    ntp_delta(nd, cp + 24, cp + 40)?;
    if length == 52 {
        let k = nd.be4(cp + 48)?;
        nd.s(b"\n\tKey id: ");
        nd.u(k as u64);
    } else if length == 68 || length == 72 {
        let k = nd.be4(cp + 48)?;
        nd.s(b"\n\tKey id: ");
        nd.u(k as u64);
        let n = if length == 68 { 16 } else { 20 };
        nd.tcheck(cp + 52, n)?;
        let mut words = Vec::with_capacity(5);
        for i in (0..n).step_by(4) {
            words.push(nd.be4(cp + 52 + i)?);
        }
        nd.s(b"\n\tAuthentication: ");
        for w in words {
            nd.x0(w as u64, 8);
        }
    } else if length > 48 {
        nd.s(b"\n\t(");
        nd.u((length - 48) as u64);
        nd.s(b" more bytes after the header)");
    }
    Ok(())
}

/// `ntp_control_print` (-v, mode 6).
fn ntp_control_print(nd: &mut Nd, cp: usize, length: usize) -> R {
    if length < 12 {
        return ntp_invalid(nd, cp, length);
    }
    let control = nd.u1(cp + 1)?;
    nd.s(if control & 0x80 != 0 {
        b", Response, "
    } else {
        b", Request, "
    });
    nd.s(if control & 0x40 != 0 {
        b"Error, "
    } else {
        b"OK, "
    });
    nd.s(if control & 0x20 != 0 {
        b"More"
    } else {
        b"Last"
    });
    nd.s(b", OpCode=");
    nd.u((control & 0x1f) as u64);
    nd.s(b"\n");
    let sequence = nd.be2(cp + 2)?;
    nd.s(b"\tSequence=");
    nd.u(sequence as u64);
    let status = nd.be2(cp + 4)?;
    // %#hx: no "0x" for zero.
    nd.s(b", Status=");
    if status != 0 {
        nd.s(b"0x");
    }
    nd.x(status as u64);
    let assoc = nd.be2(cp + 6)?;
    nd.s(b", Assoc.=");
    nd.u(assoc as u64);
    let offset = nd.be2(cp + 8)?;
    nd.s(b", Offset=");
    nd.u(offset as u64);
    let count = nd.be2(cp + 10)? as usize;
    nd.s(b", Count=");
    nd.u(count as u64);
    if 12 + count > length {
        return ntp_invalid(nd, cp, length);
    }
    if count != 0 {
        nd.tcheck(cp + 12, count)?;
        nd.s(b"\n\tTO-BE-DONE: data not interpreted");
    }
    Ok(())
}

/// `%d`.
fn sdec(nd: &mut Nd, v: i64) {
    if v < 0 {
        nd.s(b"-");
    }
    nd.u(v.unsigned_abs());
}

/// `p_sfix`: a 16.16 fixed-point number as `%d.%06d`.
fn sfix(nd: &mut Nd, at: usize) -> R {
    let i = nd.be2(at)?;
    let f = nd.be2(at + 2)?;
    let f = ((f as f64 / 65536.0) * 1_000_000.0) as i32;
    nd.u(i as u64);
    nd.s(b".");
    super::fmt::dec_pad(nd.out, f as u64, 6);
    Ok(())
}

/// The 32-bit fraction of an NTP timestamp in parts per billion, as tcpdump computes it.
fn ppb(uf: u32) -> u32 {
    ((uf as f64 / 4_294_967_296.0) * 1_000_000_000.0) as u32
}

/// `p_ntp_time`: `%u.%09u` and, for a non-zero time, its UTC date.
pub(crate) fn ntp_time(nd: &mut Nd, at: usize) -> R {
    let i = nd.be4(at)?;
    let uf = nd.be4(at + 4)?;
    nd.u(i as u64);
    nd.s(b".");
    super::fmt::dec_pad(nd.out, ppb(uf) as u64, 9);
    if i != 0 {
        let secs = i as i64 - 2_208_988_800;
        let (days, rem) = (secs.div_euclid(86400), secs.rem_euclid(86400));
        let (y, m, d) = super::ts::civil_from_days(days);
        nd.s(b" (");
        super::fmt::dec_pad(nd.out, y as u64, 4);
        nd.s(b"-");
        super::fmt::dec_pad(nd.out, m as u64, 2);
        nd.s(b"-");
        super::fmt::dec_pad(nd.out, d as u64, 2);
        nd.s(b"T");
        super::fmt::dec_pad(nd.out, (rem / 3600) as u64, 2);
        nd.s(b":");
        super::fmt::dec_pad(nd.out, (rem / 60 % 60) as u64, 2);
        nd.s(b":");
        super::fmt::dec_pad(nd.out, (rem % 60) as u64, 2);
        nd.s(b"Z)");
    }
    Ok(())
}

/// `p_ntp_delta`: the signed difference of two timestamps (or the second alone when the
/// first is zero).
fn ntp_delta(nd: &mut Nd, old: usize, new: usize) -> R {
    let u = nd.be4(new)?;
    let ou = nd.be4(old)?;
    let uf = nd.be4(new + 4)?;
    let ouf = nd.be4(old + 4)?;
    if ou == 0 && ouf == 0 {
        return ntp_time(nd, new);
    }
    let (neg, i, f) = if u > ou {
        let i = (u - ou).wrapping_sub((ouf > uf) as u32);
        (false, i, uf.wrapping_sub(ouf))
    } else if u < ou {
        let i = (ou - u).wrapping_sub((uf > ouf) as u32);
        (true, i, ouf.wrapping_sub(uf))
    } else if uf > ouf {
        (false, 0, uf - ouf)
    } else {
        (true, 0, ouf - uf)
    };
    nd.s(if neg { b"-" } else { b"+" });
    nd.u(i as u64);
    nd.s(b".");
    super::fmt::dec_pad(nd.out, ppb(f) as u64, 9);
    Ok(())
}

const SYSLOG_FACILITIES: [&str; 24] = [
    "kernel", "user", "mail", "daemon", "auth", "syslog", "lpr", "news", "uucp", "cron",
    "authpriv", "ftp", "ntp", "security", "console", "cron", "local0", "local1", "local2",
    "local3", "local4", "local5", "local6", "local7",
];
const SYSLOG_SEVERITIES: [&str; 8] = [
    "emergency",
    "alert",
    "critical",
    "error",
    "warning",
    "notice",
    "info",
    "debug",
];

/// `syslog_print` at default verbosity: "SYSLOG facility.severity, length: N".
pub(crate) fn syslog_print(nd: &mut Nd, p: usize, len: usize) -> R {
    nd.proto = "syslog";
    if nd.u1(p)? != b'<' {
        nd.invalid();
        return Ok(());
    }
    let mut off = 1;
    let mut pri: u16 = 0;
    while off <= 3 {
        let c = nd.u1(p + off)?;
        if !c.is_ascii_digit() {
            break;
        }
        pri = pri * 10 + (c - b'0') as u16;
        off += 1;
    }
    if nd.u1(p + off)? != b'>' {
        nd.invalid();
        return Ok(());
    }
    let facility = ((pri & 0x03f8) >> 3) as usize;
    let severity = (pri & 7) as usize;
    let facility_name = |nd: &mut Nd| match SYSLOG_FACILITIES.get(facility) {
        Some(f) => nd.st(f),
        None => {
            nd.s(b"unknown (");
            nd.u(facility as u64);
            nd.s(b")");
        }
    };
    if nd.vflag == 0 {
        nd.s(b"SYSLOG ");
        facility_name(nd);
        nd.s(b".");
        nd.st(SYSLOG_SEVERITIES[severity]);
        nd.s(b", length: ");
        nd.u(len as u64);
        return Ok(());
    }
    // -v: the facility and severity with their numbers, then the message as sent.
    nd.s(b"SYSLOG, length: ");
    nd.u(len as u64);
    nd.s(b"\n\tFacility ");
    facility_name(nd);
    nd.s(b" (");
    nd.u(facility as u64);
    nd.s(b"), Severity ");
    nd.st(SYSLOG_SEVERITIES[severity]);
    nd.s(b" (");
    nd.u(severity as u64);
    nd.s(b")\n\tMsg: ");
    let msg_off = off + 1;
    if len > msg_off {
        nd.printn(p + msg_off, len - msg_off, None)?;
    }
    if nd.vflag > 1 {
        nd.unknown_data(p, b"\n\t", len)?;
    }
    Ok(())
}
