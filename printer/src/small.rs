//! Short decoders tcpdump applies by port whose default-verbosity output is one phrase:
//! BOOTP/DHCP (print-bootp.c), NTP (print-ntp.c), DHCPv6 (print-dhcp6.c), syslog
//! (print-syslog.c).

use super::nd::{Nd, R};

/// `bootp_print` at default verbosity.
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
    Ok(())
}

/// `ntp_print` at default verbosity.
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
    Ok(())
}

/// `dhcp6_print` at default verbosity.
pub(crate) fn dhcp6_print(nd: &mut Nd, cp: usize) -> R {
    nd.proto = "dhcp6";
    nd.s(b"dhcp6");
    if !nd.ttest(cp, 4) {
        nd.trunc();
        return Ok(());
    }
    let t = nd.u1(cp)?;
    let name: &[u8] = match t {
        1 => b"solicit",
        2 => b"advertise",
        3 => b"request",
        4 => b"confirm",
        5 => b"renew",
        6 => b"rebind",
        7 => b"reply",
        8 => b"release",
        9 => b"decline",
        10 => b"reconfigure",
        11 => b"inf-req",
        12 => b"relay-fwd",
        13 => b"relay-reply",
        14 => b"leasequery",
        15 => b"leasequery-reply",
        _ => b"",
    };
    nd.s(b" ");
    if name.is_empty() {
        nd.s(b"msgtype-");
        nd.u(t as u64);
    } else {
        nd.s(name);
    }
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
