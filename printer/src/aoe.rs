//! ATA over Ethernet (tcpdump's print-aoe.c), ethertype 0x88a2: length, version and flags;
//! with -v, version 1's error, shelf/slot, command and tag, then each command's arguments
//! (ATA issue, config query, MAC mask list, reserve/release).

use super::nd::{Nd, R};
use super::tok::{self, Tok};

const CMDCODE: Tok = &[
    (0, "Issue ATA Command"),
    (1, "Query Config Information"),
    (2, "MAC Mask List"),
    (3, "Reserve/Release"),
];

const FLAG: Tok = &[
    (0x08, "Response"),
    (0x04, "Error"),
    (0x02, "MBZ-1"),
    (0x01, "MBZ-0"),
];

const ERRCODE: Tok = &[
    (1, "Unrecognized command code"),
    (2, "Bad argument parameter"),
    (3, "Device unavailable"),
    (4, "Config string present"),
    (5, "Unsupported version"),
    (6, "Target is reserved"),
];

const AFLAG: Tok = &[
    (0x80, "MBZ-7"),
    (0x40, "Ext48"),
    (0x20, "MBZ-5"),
    (0x10, "Device"),
    (0x08, "MBZ-3"),
    (0x04, "MBZ-2"),
    (0x02, "Async"),
    (0x01, "Write"),
];

const CCMD: Tok = &[
    (0, "read config string"),
    (1, "test config string"),
    (2, "test config string prefix"),
    (3, "set config string"),
    (4, "force set config string"),
];

const MCMD: Tok = &[(0, "Read Mac Mask List"), (1, "Edit Mac Mask List")];

const MERROR: Tok = &[
    (1, "Unspecified Error"),
    (2, "Bad DCmd directive"),
    (3, "Mask list full"),
];

const DCMD: Tok = &[
    (0, "No Directive"),
    (1, "Add mac address to mask list"),
    (2, "Delete mac address from mask list"),
];

const RCMD: Tok = &[
    (0, "Read reserve list"),
    (1, "Set reserve list"),
    (2, "Force set reserve list"),
];

/// Up to (not including) the argument, and each command's fixed argument.
const COMMON_HDR_LEN: usize = 10;
const ISSUE_ARG_LEN: usize = 12;
const QUERY_ARG_LEN: usize = 8;
const MAC_ARG_LEN: usize = 4;
const RESERVE_ARG_LEN: usize = 2;
const MAX_CONFSTR_LEN: usize = 1024;

/// `tok2str(t, "Unknown (0x%02x)", v)`.
fn unknown_hex(nd: &mut Nd, t: Tok, v: u8) {
    match tok::name(t, v as u32) {
        Some(n) => nd.st(n),
        None => {
            nd.s(b"Unknown (0x");
            nd.x0(v as u64, 2);
            nd.s(b")");
        }
    }
}

/// Every printer's `invalid:` label: " (invalid)", then the rest must be captured.
fn invalid(nd: &mut Nd, cp: usize, len: usize) -> R {
    nd.invalid();
    nd.need(cp, len)
}

/// `aoe_print`.
pub(crate) fn aoe_print(nd: &mut Nd, cp: usize, len: usize) -> R {
    nd.proto = "aoe";
    nd.s(b"AoE length ");
    nd.u(len as u64);
    if len < 1 {
        return invalid(nd, cp, len);
    }
    let ver = nd.u1(cp)? >> 4;
    nd.s(b", Ver ");
    nd.u(ver as u64);
    if ver == 1 {
        v1_print(nd, cp, len)?;
    }
    Ok(())
}

/// `aoev1_print`: `cp` is the Ver/Flags octet.
fn v1_print(nd: &mut Nd, mut cp: usize, mut len: usize) -> R {
    if len < COMMON_HDR_LEN {
        return invalid(nd, cp, len);
    }
    let flags = nd.u1(cp)? & 0x0f;
    nd.s(b", Flags: [");
    tok::bittok2str(nd, FLAG, "none", flags as u32);
    nd.s(b"]");
    cp += 1;
    len -= 1;
    if nd.vflag == 0 {
        return Ok(());
    }
    if flags & 0x04 != 0 {
        let e = nd.u1(cp)?;
        nd.s(b"\n\tError: ");
        match tok::name(ERRCODE, e as u32) {
            Some(n) => nd.st(n),
            None => {
                nd.s(b"Invalid (");
                nd.u(e as u64);
                nd.s(b")");
            }
        }
    }
    let major = nd.be2(cp + 1)?;
    nd.s(b"\n\tMajor: 0x");
    nd.x0(major as u64, 4);
    let minor = nd.u1(cp + 3)?;
    nd.s(b", Minor: 0x");
    nd.x0(minor as u64, 2);
    let command = nd.u1(cp + 4)?;
    nd.s(b", Command: ");
    unknown_hex(nd, CMDCODE, command);
    let tag = nd.be4(cp + 5)?;
    nd.s(b", Tag: 0x");
    nd.x0(tag as u64, 8);
    cp += 9;
    len -= 9;
    match command {
        0 => issue_print(nd, cp, len),
        1 => query_print(nd, cp, len),
        2 => mac_print(nd, cp, len),
        3 => reserve_print(nd, cp, len),
        _ => Ok(()),
    }
}

/// `aoev1_issue_print`: an ATA command's registers.
fn issue_print(nd: &mut Nd, cp: usize, len: usize) -> R {
    if len < ISSUE_ARG_LEN {
        return invalid(nd, cp, len);
    }
    let aflags = nd.u1(cp)?;
    nd.s(b"\n\tAFlags: [");
    tok::bittok2str(nd, AFLAG, "none", aflags as u32);
    nd.s(b"]");
    const FIELDS: [&[u8]; 9] = [
        b", Err/Feature: ",
        b", Sector Count: ",
        b", Cmd/Status: ",
        b"\n\tlba0: ",
        b", lba1: ",
        b", lba2: ",
        b", lba3: ",
        b", lba4: ",
        b", lba5: ",
    ];
    for (i, label) in FIELDS.iter().enumerate() {
        let v = nd.u1(cp + 1 + i)?;
        nd.s(label);
        nd.u(v as u64);
    }
    nd.need(cp + 10, 2)?;
    let data = len - ISSUE_ARG_LEN;
    if data != 0 {
        nd.s(b"\n\tData: ");
        nd.u(data as u64);
        nd.s(b" bytes");
    }
    Ok(())
}

/// `aoev1_query_print`: buffer count, firmware, and the config string.
fn query_print(nd: &mut Nd, mut cp: usize, mut len: usize) -> R {
    if len < QUERY_ARG_LEN {
        return invalid(nd, cp, len);
    }
    let buffers = nd.be2(cp)?;
    nd.s(b"\n\tBuffer Count: ");
    nd.u(buffers as u64);
    let firmware = nd.be2(cp + 2)?;
    nd.s(b", Firmware Version: ");
    nd.u(firmware as u64);
    let sectors = nd.u1(cp + 4)?;
    nd.s(b", Sector Count: ");
    nd.u(sectors as u64);
    let b = nd.u1(cp + 5)?;
    nd.s(b", AoE: ");
    nd.u((b >> 4) as u64);
    nd.s(b", CCmd: ");
    // tcpdump's format here lacks its '%': an unknown CCmd prints it literally.
    tok::tok2str(nd, CCMD, "Unknown (0x02x)", (b & 0x0f) as u32);
    let cslen = nd.be2(cp + 6)? as usize;
    cp += QUERY_ARG_LEN;
    len -= QUERY_ARG_LEN;
    if cslen > MAX_CONFSTR_LEN || cslen > len {
        return invalid(nd, cp, len);
    }
    if cslen != 0 {
        nd.s(b"\n\tConfig String (length ");
        nd.u(cslen as u64);
        nd.s(b"): ");
        nd.printn(cp, cslen, None)?;
    }
    Ok(())
}

/// `aoev1_mac_print`: the MAC mask list and its directives.
fn mac_print(nd: &mut Nd, mut cp: usize, mut len: usize) -> R {
    if len < MAC_ARG_LEN {
        return invalid(nd, cp, len);
    }
    let mcmd = nd.u1(cp + 1)?;
    nd.s(b"\n\tMCmd: ");
    unknown_hex(nd, MCMD, mcmd);
    let merror = nd.u1(cp + 2)?;
    nd.s(b", MError: ");
    unknown_hex(nd, MERROR, merror);
    let dircount = nd.u1(cp + 3)? as usize;
    cp += MAC_ARG_LEN;
    len -= MAC_ARG_LEN;
    nd.s(b", Dir Count: ");
    nd.u(dircount as u64);
    if dircount * 8 > len {
        return invalid(nd, cp, len);
    }
    for _ in 0..dircount {
        let dcmd = nd.u1(cp + 1)?;
        nd.s(b"\n\t DCmd: ");
        unknown_hex(nd, DCMD, dcmd);
        nd.need(cp + 2, 6)?;
        nd.s(b", Ethernet Address: ");
        nd.mac(cp + 2)?;
        cp += 8;
    }
    Ok(())
}

/// `aoev1_reserve_print`: the reserve list.
fn reserve_print(nd: &mut Nd, mut cp: usize, mut len: usize) -> R {
    if len < RESERVE_ARG_LEN || (len - RESERVE_ARG_LEN) % 6 != 0 {
        return invalid(nd, cp, len);
    }
    let rcmd = nd.u1(cp)?;
    nd.s(b"\n\tRCmd: ");
    unknown_hex(nd, RCMD, rcmd);
    let nmacs = nd.u1(cp + 1)? as usize;
    cp += RESERVE_ARG_LEN;
    len -= RESERVE_ARG_LEN;
    nd.s(b", NMacs: ");
    nd.u(nmacs as u64);
    if nmacs * 6 != len {
        return invalid(nd, cp, len);
    }
    for i in 0..nmacs {
        nd.need(cp, 6)?;
        nd.s(b"\n\tEthernet Address ");
        nd.u(i as u64);
        nd.s(b": ");
        nd.mac(cp)?;
        cp += 6;
    }
    Ok(())
}
