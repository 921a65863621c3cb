//! Telnet option negotiation (tcpdump's print-telnet.c), TCP port 23: the IAC commands at the
//! start of a segment, `[telnet WILL ECHO, SB TERMINAL TYPE SEND SE]`; with `-vvv -X` each
//! command's bytes in hex before it. Data after the commands is not printed.

use super::nd::{Nd, R};

const IAC: u8 = 255;
const SB: u8 = 250;
const SE: u8 = 240;
/// `TELCMD_FIRST` (xEOF): `TELCMDS` starts there.
const TELCMD_FIRST: u8 = 236;

const TELCMDS: [&str; 20] = [
    "EOF", "SUSP", "ABORT", "EOR", "SE", "NOP", "DMARK", "BRK", "IP", "AO", "AYT", "EC", "EL",
    "GA", "SB", "WILL", "WONT", "DO", "DONT", "IAC",
];

const TELOPTS: [&str; 40] = [
    "BINARY",
    "ECHO",
    "RCP",
    "SUPPRESS GO AHEAD",
    "NAME",
    "STATUS",
    "TIMING MARK",
    "RCTE",
    "NAOL",
    "NAOP",
    "NAOCRD",
    "NAOHTS",
    "NAOHTD",
    "NAOFFD",
    "NAOVTS",
    "NAOVTD",
    "NAOLFD",
    "EXTEND ASCII",
    "LOGOUT",
    "BYTE MACRO",
    "DATA ENTRY TERMINAL",
    "SUPDUP",
    "SUPDUP OUTPUT",
    "SEND LOCATION",
    "TERMINAL TYPE",
    "END OF RECORD",
    "TACACS UID",
    "OUTPUT MARKING",
    "TTYLOC",
    "3270 REGIME",
    "X.3 PAD",
    "NAWS",
    "TSPEED",
    "LFLOW",
    "LINEMODE",
    "XDISPLOC",
    "OLD-ENVIRON",
    "AUTHENTICATION",
    "ENCRYPT",
    "NEW-ENVIRON",
];

const TELOPT_AUTHENTICATION: u8 = 37;
const TELOPT_ENCRYPT: u8 = 38;

const CMDS: &[Option<&str>] = &[Some("IS"), Some("SEND"), Some("INFO")];
const AUTHCMD: &[Option<&str>] = &[Some("IS"), Some("SEND"), Some("REPLY"), Some("NAME")];
const AUTHTYPE: &[Option<&str>] = &[
    Some("NULL"),
    Some("KERBEROS_V4"),
    Some("KERBEROS_V5"),
    Some("SPX"),
    Some("MINK"),
    Some("SRP"),
    Some("RSA"),
    Some("SSL"),
    None,
    None,
    Some("LOKI"),
    Some("SSA"),
    Some("KEA_SJ"),
    Some("KEA_SJ_INTEG"),
    Some("DSS"),
    Some("NTLM"),
];
const ENCCMD: &[Option<&str>] = &[
    Some("IS"),
    Some("SUPPORT"),
    Some("REPLY"),
    Some("START"),
    Some("END"),
    Some("REQUEST-START"),
    Some("REQUEST-END"),
    Some("END_KEYID"),
    Some("DEC_KEYID"),
];
const ENCTYPE: &[Option<&str>] = &[
    Some("NULL"),
    Some("DES_CFB64"),
    Some("DES_OFB64"),
    Some("DES3_CFB64"),
    Some("DES3_OFB64"),
    None,
    Some("CAST5_40_CFB64"),
    Some("CAST5_40_OFB64"),
    Some("CAST128_CFB64"),
    Some("CAST128_OFB64"),
];

/// C's `%#x`: "0" for zero, "0x..." otherwise.
fn alt_hex(nd: &mut Nd, v: u8) {
    if v == 0 {
        nd.s(b"0");
    } else {
        nd.s(b"0x");
        nd.x(v as u64);
    }
}

/// `STR_OR_ID(c, tab)`: the table's name, or `%#x`.
fn str_or_id(nd: &mut Nd, tab: &[Option<&str>], c: u8) {
    nd.s(b" ");
    match tab.get(c as usize).copied().flatten() {
        Some(name) => nd.st(name),
        None => alt_hex(nd, c),
    }
}

/// `telnet_parse`: the length of the command at `sp` (printing it when `print`), or `None`
/// (C's -1) when it is not one. `length` wraps as C's unsigned does: the `IAC SE` skipped at
/// the end of a subnegotiation is not checked against it.
fn parse(nd: &mut Nd, mut sp: usize, mut length: u32, print: bool) -> R<Option<usize>> {
    let osp = sp;
    // FETCH: a byte, or the end of the command.
    macro_rules! fetch {
        () => {{
            if length < 1 {
                return Ok(None);
            }
            let c = nd.u1(sp)?;
            sp += 1;
            length -= 1;
            c
        }};
    }
    if fetch!() != IAC {
        return Ok(None);
    }
    let c = fetch!();
    if c == IAC {
        if print {
            nd.s(b"IAC IAC");
        }
        return Ok(Some(sp - osp));
    }
    if c < TELCMD_FIRST {
        return Ok(None);
    }
    let cmd = TELCMDS[(c - TELCMD_FIRST) as usize];
    if !(SB..=254).contains(&c) {
        if print {
            nd.st(cmd);
        }
        return Ok(Some(sp - osp));
    }
    // DONT/DO/WONT/WILL/SB x
    let x = fetch!();
    if print {
        nd.st(cmd);
        nd.s(b" ");
        match TELOPTS.get(x as usize) {
            Some(name) => nd.st(name),
            None => alt_hex(nd, x),
        }
    }
    if c != SB {
        return Ok(Some(sp - osp));
    }
    // IAC SB .... IAC SE
    let mut p = sp;
    while length as usize > p + 1 - sp {
        if nd.u1(p)? == IAC && nd.u1(p + 1)? == SE {
            break;
        }
        p += 1;
    }
    if nd.u1(p)? != IAC {
        return Ok(None);
    }
    let (first, second) = match x {
        TELOPT_AUTHENTICATION => (AUTHCMD, Some(AUTHTYPE)),
        TELOPT_ENCRYPT => (ENCCMD, Some(ENCTYPE)),
        _ => (CMDS, None),
    };
    'sub: {
        if p <= sp {
            break 'sub;
        }
        let c = fetch!();
        if print {
            str_or_id(nd, first, c);
        }
        if let Some(second) = second {
            if p <= sp {
                break 'sub;
            }
            let c = fetch!();
            if print {
                str_or_id(nd, second, c);
            }
        }
    }
    while p > sp {
        let x = fetch!();
        if print {
            nd.s(b" ");
            alt_hex(nd, x);
        }
    }
    if print {
        nd.s(b" SE");
    }
    sp += 2;
    Ok(Some(sp - osp))
}

/// `telnet_print`: the commands at the start of the segment, each parsed once for its
/// length and again to print it.
pub(crate) fn telnet_print(nd: &mut Nd, mut sp: usize, length: usize) -> R {
    nd.proto = "telnet";
    let osp = sp;
    let mut length = length as u32;
    let mut first = true;
    let hex = nd.xflag && nd.vflag > 2;
    while length > 0 && nd.u1(sp)? == IAC {
        let Some(l) = parse(nd, sp, length, false)? else {
            break;
        };
        if hex {
            if first {
                nd.s(b"\nTelnet:");
            }
            nd.hex_print_at(b"\n", sp, l, sp - osp)?;
            if l > 8 {
                nd.s(b"\n\t\t\t\t");
            } else {
                for _ in 0..(8 - l) * 3 {
                    nd.s(b" ");
                }
                nd.s(b"\t");
            }
        } else {
            nd.s(if first { b" [telnet " } else { b", " });
        }
        parse(nd, sp, length, true)?;
        first = false;
        sp += l;
        length = length.wrapping_sub(l as u32);
    }
    if !first {
        nd.s(if hex { b"\n" } else { b"]" });
    }
    Ok(())
}
