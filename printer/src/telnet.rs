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

#[cfg(test)]
mod tests {
    use crate::{Dump, PrintOptions, Printer, TimestampStyle};
    use pcapng::reader::Reader;

    /// With -vvv -X each command is dumped in hex before its name, as tcpdump prints it
    /// (`tcpdump -t -S -nn -vvv -X`): short commands padded to a column, a long one (the
    /// 11-byte subnegotiation) on a line of its own. The golden corpus has no -vvv -X set.
    #[test]
    fn vvv_x_dumps_each_command() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/golden/pcap/proto-telnet.pcap"
        );
        let mut reader = Reader::new(std::fs::read(path).unwrap()).unwrap();
        let mut printer = Printer::new(PrintOptions {
            timestamps: TimestampStyle::None,
            verbose: 3,
            absolute_seq: true,
            dump: Dump::HexAscii { link: false },
            ..PrintOptions::default()
        });
        let mut out = Vec::new();
        let mut n = 0;
        while let Some(pkt) = reader.next_packet().unwrap() {
            if [0, 3, 10].contains(&n) {
                printer.print(&pkt, &mut out);
            }
            n += 1;
        }
        let expected = concat!(
        "IP (tos 0x0, ttl 64, id 1, offset 0, flags [none], proto TCP (6), length 52)\n",
        "    192.0.2.2.23 > 192.0.2.1.40000: Flags [P.], cksum 0x3ebc (correct), seq 5000:5012, ack 1000, win 502, length 12\n",
        "Telnet:\n",
        "0x0000:  fffd 18               \tDO TERMINAL TYPE\n",
        "0x0003:  fffd 20               \tDO TSPEED\n",
        "0x0006:  fffd 23               \tDO XDISPLOC\n",
        "0x0009:  fffd 27               \tDO NEW-ENVIRON\n",
        "\n",
        "\t0x0000:  4500 0034 0001 0000 4006 f6bf c000 0202  E..4....@.......\n",
        "\t0x0010:  c000 0201 0017 9c40 0000 1388 0000 03e8  .......@........\n",
        "\t0x0020:  5018 01f6 3ebc 0000 fffd 18ff fd20 fffd  P...>...........\n",
        "\t0x0030:  23ff fd27                                #..'\n",
        "IP (tos 0x0, ttl 64, id 1, offset 0, flags [none], proto TCP (6), length 51)\n",
        "    192.0.2.1.40000 > 192.0.2.2.23: Flags [P.], cksum 0x8240 (correct), seq 1012:1023, ack 5018, win 502, length 11\n",
        "Telnet:\n",
        "0x0000:  fffa 1800 5854 4552 4dff f0\n",
        "\t\t\t\tSB TERMINAL TYPE IS 0x58 0x54 0x45 0x52 0x4d SE\n",
        "\n",
        "\t0x0000:  4500 0033 0001 0000 4006 f6c0 c000 0201  E..3....@.......\n",
        "\t0x0010:  c000 0202 9c40 0017 0000 03f4 0000 139a  .....@..........\n",
        "\t0x0020:  5018 01f6 8240 0000 fffa 1800 5854 4552  P....@......XTER\n",
        "\t0x0030:  4dff f0                                  M..\n",
        "IP (tos 0x0, ttl 64, id 1, offset 0, flags [none], proto TCP (6), length 74)\n",
        "    192.0.2.1.40000 > 192.0.2.2.23: Flags [P.], cksum 0x9d51 (correct), seq 1104:1138, ack 5028, win 502, length 34\n",
        "Telnet:\n",
        "0x0000:  ffec                  \tEOF\n",
        "0x0002:  ffed                  \tSUSP\n",
        "0x0004:  ffee                  \tABORT\n",
        "0x0006:  ffef                  \tEOR\n",
        "0x0008:  fff0                  \tSE\n",
        "0x000a:  fff1                  \tNOP\n",
        "0x000c:  fff2                  \tDMARK\n",
        "0x000e:  fff3                  \tBRK\n",
        "0x0010:  fff4                  \tIP\n",
        "0x0012:  fff5                  \tAO\n",
        "0x0014:  fff6                  \tAYT\n",
        "0x0016:  fff7                  \tEC\n",
        "0x0018:  fff8                  \tEL\n",
        "0x001a:  fff9                  \tGA\n",
        "0x001c:  ffff                  \tIAC IAC\n",
        "\n",
        "\t0x0000:  4500 004a 0001 0000 4006 f6a9 c000 0201  E..J....@.......\n",
        "\t0x0010:  c000 0202 9c40 0017 0000 0450 0000 13a4  .....@.....P....\n",
        "\t0x0020:  5018 01f6 9d51 0000 ffec ffed ffee ffef  P....Q..........\n",
        "\t0x0030:  fff0 fff1 fff2 fff3 fff4 fff5 fff6 fff7  ................\n",
        "\t0x0040:  fff8 fff9 ffff 6461 7461                 ......data\n",
        );
        assert_eq!(String::from_utf8_lossy(&out), expected);
    }
}
