//! NFS v2/v3 over Sun RPC (tcpdump's print-nfs.c and parsenfsfh.c): requests on port 2049
//! (`NFS request xid N 112 getattr fh ...`) and the replies they explain (`NFS reply xid N
//! reply ok 116 getattr DIR 40755 ...`). A reply carries no procedure number, so, as
//! tcpdump does, the last 64 calls are remembered by xid and addresses ([`XidMap`]) and a
//! reply whose call was not seen prints only `reply ok N`.
//!
//! Offsets are byte offsets into the packet, as tcpdump's `const uint32_t *dp` pointers;
//! `Ok(None)` is tcpdump's NULL return ("stop here", usually followed by ` [|nfs]`),
//! `Err(Trunc)` its longjmp out of a `GET_*` macro, and [`Nd::tcheck`] a `ND_TCHECK_*` that
//! jumps to the printer's own `trunc:` (the dumps then leave the link header out).

use super::fmt;
use super::nd::{Nd, R};

/// The RPC message: xid, direction, then a call or a reply body (rpc_msg.h).
const RM_DIRECTION: usize = 4;
const CB_VERS: usize = 16;
const CB_PROC: usize = 20;
const CB_CRED: usize = 24;
const RP_STAT: usize = 8;

pub(crate) const NFS_PORT: u16 = 2049;
/// `rm_direction` values.
pub(crate) const SUNRPC_CALL: u32 = 0;
pub(crate) const SUNRPC_REPLY: u32 = 1;

// The NFSv3 procedure numbers (nfs.h); v2 procedures are mapped onto them.
const NULL: u32 = 0;
const GETATTR: u32 = 1;
const SETATTR: u32 = 2;
const LOOKUP: u32 = 3;
const ACCESS: u32 = 4;
const READLINK: u32 = 5;
const READ: u32 = 6;
const WRITE: u32 = 7;
const CREATE: u32 = 8;
const MKDIR: u32 = 9;
const SYMLINK: u32 = 10;
const MKNOD: u32 = 11;
const REMOVE: u32 = 12;
const RMDIR: u32 = 13;
const RENAME: u32 = 14;
const LINK: u32 = 15;
const READDIR: u32 = 16;
const READDIRPLUS: u32 = 17;
const FSSTAT: u32 = 18;
const FSINFO: u32 = 19;
const PATHCONF: u32 = 20;
const COMMIT: u32 = 21;
const NOOP: u32 = 25;
const NFS_NPROCS: u32 = 26;

/// `nfsv3_procid`: NFSv2 procedure number -> the v3 number it is printed as.
const V2_PROCS: [u32; NFS_NPROCS as usize] = [
    NULL, GETATTR, SETATTR, NOOP, LOOKUP, READLINK, READ, NOOP, WRITE, CREATE, REMOVE, RENAME,
    LINK, SYMLINK, MKDIR, RMDIR, READDIR, FSSTAT, NOOP, NOOP, NOOP, NOOP, NOOP, NOOP, NOOP, NOOP,
];

const V3FATTR: usize = 84;
const V2FATTR: usize = 68;

fn proc_name(p: u32) -> Option<&'static str> {
    Some(match p {
        NOOP => "nop",
        NULL => "null",
        GETATTR => "getattr",
        SETATTR => "setattr",
        LOOKUP => "lookup",
        ACCESS => "access",
        READLINK => "readlink",
        READ => "read",
        WRITE => "write",
        CREATE => "create",
        MKDIR => "mkdir",
        SYMLINK => "symlink",
        MKNOD => "mknod",
        REMOVE => "remove",
        RMDIR => "rmdir",
        RENAME => "rename",
        LINK => "link",
        READDIR => "readdir",
        READDIRPLUS => "readdirplus",
        FSSTAT => "fsstat",
        FSINFO => "fsinfo",
        PATHCONF => "pathconf",
        COMMIT => "commit",
        _ => return None,
    })
}

fn status_name(e: u32) -> Option<&'static str> {
    Some(match e {
        1 => "Operation not permitted",
        2 => "No such file or directory",
        5 => "Input/output error",
        6 => "Device not configured",
        11 => "Resource deadlock avoided",
        12 => "Cannot allocate memory",
        13 => "Permission denied",
        17 => "File exists",
        18 => "Cross-device link",
        19 => "Operation not supported by device",
        20 => "Not a directory",
        21 => "Is a directory",
        22 => "Invalid argument",
        26 => "Text file busy",
        27 => "File too large",
        28 => "No space left on device",
        30 => "Read-only file system",
        31 => "Too many links",
        45 => "Operation not supported",
        62 => "Too many levels of symbolic links",
        63 => "File name too long",
        66 => "Directory not empty",
        69 => "Disc quota exceeded",
        70 => "Stale NFS file handle",
        71 => "Too many levels of remote in path",
        99 => "Write cache flushed to disk",
        10001 => "Illegal NFS file handle",
        10002 => "Update synchronization mismatch",
        10003 => "READDIR/READDIRPLUS cookie is stale",
        10004 => "Operation not supported",
        10005 => "Buffer or request is too small",
        10006 => "Unspecified error on server",
        10007 => "Object of that type not supported",
        10008 => "Request couldn't be completed in time",
        _ => return None,
    })
}

fn type_name(t: u32) -> Option<&'static str> {
    Some(match t {
        0 => "NON",
        1 => "REG",
        2 => "DIR",
        3 => "BLK",
        4 => "CHR",
        5 => "LNK",
        7 => "FIFO",
        _ => return None,
    })
}

/// `tok2str(nfsv3_writemodes, NULL, m)`.
fn write_mode(nd: &mut Nd, m: u32) {
    match m {
        0 => nd.s(b"unstable"),
        1 => nd.s(b"datasync"),
        2 => nd.s(b"filesync"),
        // tok2str's "#%d": the word as a signed number.
        _ => {
            nd.s(b"#");
            sdec(nd, m as i32);
        }
    }
}

/// `%o`
fn oct(nd: &mut Nd, v: u32) {
    let mut d = [0u8; 11];
    let mut i = d.len();
    let mut v = v;
    loop {
        i -= 1;
        d[i] = b'0' + (v & 7) as u8;
        v >>= 3;
        if v == 0 {
            break;
        }
    }
    nd.s(&d[i..]);
}

/// `%d` of a signed 32-bit value.
fn sdec(nd: &mut Nd, v: i32) {
    if v < 0 {
        nd.s(b"-");
    }
    nd.u(v.unsigned_abs() as u64);
}

/// `%u.%06u`
fn time(nd: &mut Nd, sec: u32, frac: u32) {
    nd.u(sec as u64);
    nd.s(b".");
    fmt::dec_pad(nd.out, frac as u64, 6);
}

fn be8(nd: &Nd, at: usize) -> R<u64> {
    nd.need(at, 8)?;
    Ok(((nd.be4(at)? as u64) << 32) | nd.be4(at + 4)? as u64)
}

/// One remembered call (`struct xid_map_entry`).
#[derive(Clone, Copy, Default)]
struct XidEntry {
    xid: u32,
    /// 0: never used (matches no packet).
    ipver: u8,
    client: [u8; 16],
    server: [u8; 16],
    proc_: u32,
    vers: u32,
}

/// tcpdump's `xid_map`: a ring of the last 64 NFS calls, searched from the last hit.
pub(crate) struct XidMap {
    e: [XidEntry; 64],
    next: usize,
    hint: usize,
}

impl Default for XidMap {
    fn default() -> XidMap {
        XidMap {
            e: [XidEntry::default(); 64],
            next: 0,
            hint: 0,
        }
    }
}

/// The IP version and the source and destination addresses of the header at `iph`.
fn ip_addrs(nd: &Nd, iph: usize) -> R<(u8, [u8; 16], [u8; 16])> {
    let ver = nd.u1(iph)? >> 4;
    let (mut s, mut d) = ([0u8; 16], [0u8; 16]);
    match ver {
        4 => {
            s[..4].copy_from_slice(nd.bytes(iph + 12, 4)?);
            d[..4].copy_from_slice(nd.bytes(iph + 16, 4)?);
        }
        6 => {
            s.copy_from_slice(nd.bytes(iph + 8, 16)?);
            d.copy_from_slice(nd.bytes(iph + 24, 16)?);
        }
        _ => {}
    }
    Ok((ver, s, d))
}

/// `xid_map_enter`: false when the procedure number is not captured.
fn xid_map_enter(nd: &mut Nd, rp: usize, iph: usize) -> R<bool> {
    if !nd.ttest(rp + CB_PROC, 4) {
        return Ok(false);
    }
    let (ver, client, server) = ip_addrs(nd, iph)?;
    if ver != 4 && ver != 6 {
        return Ok(true);
    }
    let entry = XidEntry {
        xid: nd.be4(rp)?,
        ipver: ver,
        client,
        server,
        proc_: nd.be4(rp + CB_PROC)?,
        vers: nd.be4(rp + CB_VERS)?,
    };
    let m = &mut nd.st.nfs;
    m.e[m.next] = entry;
    m.next = (m.next + 1) % m.e.len();
    Ok(true)
}

/// `xid_map_find`: the (procedure, version) of the call this reply answers.
fn xid_map_find(nd: &mut Nd, rp: usize, iph: usize) -> R<Option<(u32, u32)>> {
    let xid = nd.be4(rp)?;
    let (ver, src, dst) = ip_addrs(nd, iph)?;
    let m = &mut nd.st.nfs;
    let mut i = m.hint;
    loop {
        let e = &m.e[i];
        if e.ipver == ver
            && e.xid == xid
            && (ver == 4 || ver == 6)
            && e.server == src
            && e.client == dst
        {
            m.hint = i;
            return Ok(Some((e.proc_, e.vers)));
        }
        i = (i + 1) % m.e.len();
        if i == m.hint {
            return Ok(None);
        }
    }
}

/// `nfsreq_noaddr_print`: after "NFS request xid N ", the call at `bp` (`length` bytes of
/// RPC message), `iph` its IP header.
pub(crate) fn nfsreq_print(nd: &mut Nd, bp: usize, length: usize, iph: usize) -> R {
    nd.proto = "nfs";
    nd.u(length as u64);
    if !xid_map_enter(nd, bp, iph)? {
        nd.trunc();
        return Ok(());
    }
    let v3 = nd.be4(bp + CB_VERS)? == 3;
    let mut proc_ = nd.be4(bp + CB_PROC)?;
    if !v3 && proc_ < NFS_NPROCS {
        proc_ = V2_PROCS[proc_ as usize];
    }
    print_proc(nd, proc_);
    if request(nd, bp, length, v3, proc_)?.is_none() {
        nd.trunc();
    }
    Ok(())
}

fn print_proc(nd: &mut Nd, p: u32) {
    nd.s(b" ");
    match proc_name(p) {
        Some(n) => nd.st(n),
        None => {
            nd.s(b"proc-");
            nd.u(p as u64);
        }
    }
}

/// The arguments of each procedure; None where tcpdump jumps to its `trunc` label.
fn request(nd: &mut Nd, rp: usize, length: usize, v3: bool, proc_: u32) -> R<Option<()>> {
    macro_rules! t {
        ($e:expr) => {
            match $e? {
                Some(v) => v,
                None => return Ok(None),
            }
        };
    }
    match proc_ {
        GETATTR | SETATTR | READLINK | FSSTAT | FSINFO | PATHCONF => {
            let dp = t!(parsereq(nd, rp, length));
            t!(parsefh(nd, dp, v3));
        }
        LOOKUP | CREATE | MKDIR | REMOVE | RMDIR => {
            let dp = t!(parsereq(nd, rp, length));
            t!(parsefhn(nd, dp, v3));
        }
        ACCESS => {
            let dp = t!(parsereq(nd, rp, length));
            let dp = t!(parsefh(nd, dp, v3));
            let flags = nd.be4(dp)?;
            if flags & !0x3f != 0 {
                nd.s(b" ");
                nd.x0(flags as u64, 4);
            } else if flags & 0x3f == 0x3f {
                nd.s(b" NFS_ACCESS_FULL");
            } else {
                let mut sep = b" ";
                for (bit, name) in [
                    (0x01, &b"NFS_ACCESS_READ"[..]),
                    (0x02, b"NFS_ACCESS_LOOKUP"),
                    (0x04, b"NFS_ACCESS_MODIFY"),
                    (0x08, b"NFS_ACCESS_EXTEND"),
                    (0x10, b"NFS_ACCESS_DELETE"),
                    (0x20, b"NFS_ACCESS_EXECUTE"),
                ] {
                    if flags & bit != 0 {
                        nd.s(sep);
                        nd.s(name);
                        sep = b"|";
                    }
                }
            }
        }
        READ => {
            let dp = t!(parsereq(nd, rp, length));
            let dp = t!(parsefh(nd, dp, v3));
            let (count, off) = if v3 {
                (nd.be4(dp + 8)?, be8(nd, dp)?)
            } else {
                (nd.be4(dp + 4)?, nd.be4(dp)? as u64)
            };
            nd.s(b" ");
            nd.u(count as u64);
            nd.s(b" bytes @ ");
            nd.u(off);
        }
        WRITE => {
            let dp = t!(parsereq(nd, rp, length));
            let dp = t!(parsefh(nd, dp, v3));
            if v3 {
                let (a, b, off) = (nd.be4(dp + 16)?, nd.be4(dp + 8)?, be8(nd, dp)?);
                nd.s(b" ");
                nd.u(a as u64);
                nd.s(b" (");
                nd.u(b as u64);
                nd.s(b") bytes @ ");
                nd.u(off);
                if nd.vflag > 0 {
                    let m = nd.be4(dp + 12)?;
                    nd.s(b" <");
                    write_mode(nd, m);
                    nd.s(b">");
                }
            } else {
                let v = [
                    nd.be4(dp + 12)?,
                    nd.be4(dp + 8)?,
                    nd.be4(dp + 4)?,
                    nd.be4(dp)?,
                ];
                nd.s(b" ");
                nd.u(v[0] as u64);
                nd.s(b" (");
                nd.u(v[1] as u64);
                nd.s(b") bytes @ ");
                nd.u(v[2] as u64);
                nd.s(b" (");
                nd.u(v[3] as u64);
                nd.s(b")");
            }
        }
        SYMLINK => {
            let dp = t!(parsereq(nd, rp, length));
            let mut dp = t!(parsefhn(nd, dp, v3));
            nd.s(b" ->");
            let mut sa = Sattr3::default();
            if v3 {
                dp = parse_sattr3(nd, dp, &mut sa)?;
            }
            t!(parsefn(nd, dp));
            if v3 && nd.vflag > 0 {
                print_sattr3(nd, &sa);
            }
        }
        MKNOD => {
            let dp = t!(parsereq(nd, rp, length));
            let dp = t!(parsefhn(nd, dp, v3));
            let typ = nd.be4(dp)?;
            let mut sa = Sattr3::default();
            let dp = parse_sattr3(nd, dp + 4, &mut sa)?;
            nd.s(b" ");
            match type_name(typ) {
                Some(n) => nd.st(n),
                None => {
                    nd.s(b"unk-ft ");
                    nd.u(typ as u64);
                }
            }
            if nd.vflag > 0 && (typ == 4 || typ == 3) {
                let (a, b) = (nd.be4(dp)?, nd.be4(dp + 4)?);
                nd.s(b" ");
                nd.u(a as u64);
                nd.s(b"/");
                nd.u(b as u64);
            }
            if nd.vflag > 0 {
                print_sattr3(nd, &sa);
            }
        }
        RENAME => {
            let dp = t!(parsereq(nd, rp, length));
            let dp = t!(parsefhn(nd, dp, v3));
            nd.s(b" ->");
            t!(parsefhn(nd, dp, v3));
        }
        LINK => {
            let dp = t!(parsereq(nd, rp, length));
            let dp = t!(parsefh(nd, dp, v3));
            nd.s(b" ->");
            t!(parsefhn(nd, dp, v3));
        }
        READDIR => {
            let dp = t!(parsereq(nd, rp, length));
            let dp = t!(parsefh(nd, dp, v3));
            if v3 {
                let (count, cookie) = (nd.be4(dp + 16)?, be8(nd, dp)? as i64);
                nd.s(b" ");
                nd.u(count as u64);
                nd.s(b" bytes @ ");
                sdec64(nd, cookie);
                if nd.vflag > 0 {
                    let (a, b) = (nd.be4(dp + 8)?, nd.be4(dp + 12)?);
                    nd.s(b" verf ");
                    nd.x0(a as u64, 8);
                    nd.x0(b as u64, 8);
                }
            } else {
                let (count, cookie) = (nd.be4(dp + 4)?, nd.be4(dp)?);
                nd.s(b" ");
                nd.u(count as u64);
                nd.s(b" bytes @ ");
                nd.u(cookie as u64);
            }
        }
        READDIRPLUS => {
            let dp = t!(parsereq(nd, rp, length));
            let dp = t!(parsefh(nd, dp, v3));
            let (count, cookie) = (nd.be4(dp + 16)?, be8(nd, dp)? as i64);
            nd.s(b" ");
            nd.u(count as u64);
            nd.s(b" bytes @ ");
            sdec64(nd, cookie);
            if nd.vflag > 0 {
                let (max, a, b) = (nd.be4(dp + 20)?, nd.be4(dp + 8)?, nd.be4(dp + 12)?);
                nd.s(b" max ");
                nd.u(max as u64);
                nd.s(b" verf ");
                nd.x0(a as u64, 8);
                nd.x0(b as u64, 8);
            }
        }
        COMMIT => {
            let dp = t!(parsereq(nd, rp, length));
            let dp = t!(parsefh(nd, dp, v3));
            let (count, off) = (nd.be4(dp + 8)?, be8(nd, dp)?);
            nd.s(b" ");
            nd.u(count as u64);
            nd.s(b" bytes @ ");
            nd.u(off);
        }
        _ => {}
    }
    Ok(Some(()))
}

fn sdec64(nd: &mut Nd, v: i64) {
    if v < 0 {
        nd.s(b"-");
    }
    nd.u(v.unsigned_abs());
}

/// `roundup2(len, 4)` in 32 bits, as C computes it (a length near 2^32 wraps to 0).
fn round4(len: u32) -> u32 {
    len.wrapping_add(3) & !3
}

/// `parsereq`: skip the credentials and the verifier; the start of the arguments.
fn parsereq(nd: &mut Nd, rp: usize, length: usize) -> R<Option<usize>> {
    let mut dp = rp + CB_CRED;
    let mut length = length;
    if length < 8 {
        return Ok(None);
    }
    let len = nd.be4(dp + 4)?;
    let rounded = round4(len) as usize;
    if !nd.ttest(dp + 8, rounded) {
        return Ok(None);
    }
    if 8 + rounded <= length {
        dp += (len as usize + 11) / 4 * 4;
        length -= 8 + rounded;
        if length < 8 {
            return Ok(None);
        }
        let len = nd.be4(dp + 4)?;
        let rounded = round4(len) as usize;
        if !nd.ttest(dp + 8, rounded) {
            return Ok(None);
        }
        if 8 + rounded < length {
            return Ok(Some(dp + (len as usize + 11) / 4 * 4));
        }
    }
    Ok(None)
}

/// `parsefh`: a v2 (32 bytes) or v3 (counted) file handle, printed; what follows it.
fn parsefh(nd: &mut Nd, dp: usize, v3: bool) -> R<Option<usize>> {
    let (words, dp) = if v3 {
        ((nd.be4(dp)? / 4) as usize, dp + 4)
    } else {
        (8, dp)
    };
    if nd.ttest(dp, words * 4) {
        printfh(nd, dp, words)?;
        Ok(Some(dp + words * 4))
    } else {
        Ok(None)
    }
}

/// `parsefn`: a counted, padded file name, printed in quotes.
fn parsefn(nd: &mut Nd, dp: usize) -> R<Option<usize>> {
    let len = nd.be4(dp)?;
    let dp = dp + 4;
    if u32::MAX - len < 3 {
        nd.s(b"[cannot pad to 32-bit boundaries]");
        nd.invalid();
        return Ok(None);
    }
    let rounded = round4(len) as usize;
    if !nd.ttest(dp, rounded) {
        return Ok(None);
    }
    nd.s(b"\"");
    let snapend = nd.snapend;
    if nd.printn(dp, len as usize, Some(snapend))? {
        nd.s(b"\"");
        return Ok(None);
    }
    nd.s(b"\"");
    Ok(Some(dp + rounded))
}

fn parsefhn(nd: &mut Nd, dp: usize, v3: bool) -> R<Option<usize>> {
    match parsefh(nd, dp, v3)? {
        None => Ok(None),
        Some(dp) => {
            nd.s(b" ");
            parsefn(nd, dp)
        }
    }
}

/// `struct nfsv3_sattr`: the settable attributes, the ones present.
#[derive(Default)]
struct Sattr3 {
    mode: Option<u32>,
    uid: Option<u32>,
    gid: Option<u32>,
    atime: Option<(u32, u32)>,
    mtime: Option<(u32, u32)>,
}

/// `parse_sattr3`: each field is a "set" word, then the value when set.
fn parse_sattr3(nd: &mut Nd, mut dp: usize, sa: &mut Sattr3) -> R<usize> {
    let opt = |nd: &mut Nd, dp: &mut usize| -> R<Option<u32>> {
        let set = nd.be4(*dp)?;
        *dp += 4;
        if set != 0 {
            let v = nd.be4(*dp)?;
            *dp += 4;
            Ok(Some(v))
        } else {
            Ok(None)
        }
    };
    sa.mode = opt(nd, &mut dp)?;
    sa.uid = opt(nd, &mut dp)?;
    sa.gid = opt(nd, &mut dp)?;
    opt(nd, &mut dp)?; // size
    for t in [&mut sa.atime, &mut sa.mtime] {
        let how = nd.be4(dp)?;
        dp += 4;
        if how == 2 {
            *t = Some((nd.be4(dp)?, nd.be4(dp + 4)?));
            dp += 8;
        }
    }
    Ok(dp)
}

fn print_sattr3(nd: &mut Nd, sa: &Sattr3) {
    if let Some(m) = sa.mode {
        nd.s(b" mode ");
        oct(nd, m);
    }
    if let Some(u) = sa.uid {
        nd.s(b" uid ");
        nd.u(u as u64);
    }
    if let Some(g) = sa.gid {
        nd.s(b" gid ");
        nd.u(g as u64);
    }
    if nd.vflag > 1 {
        if let Some((s, n)) = sa.atime {
            nd.s(b" atime ");
            time(nd, s, n);
        }
        if let Some((s, n)) = sa.mtime {
            nd.s(b" mtime ");
            time(nd, s, n);
        }
    }
}

/// `nfs_printfh` (without -u): " fh MAJOR,MINOR/INODE" as `Parse_fh` guesses the server's
/// handle layout, or " fh Unknown/HEX" when it cannot.
fn printfh(nd: &mut Nd, fh: usize, words: usize) -> R {
    let f = nd.bytes(fh, words * 4)?;
    let p = parse_fh(f, words);
    match p.fsname {
        Some(name) => {
            // strncpy into a buffer of min(words, 64) characters, cut at the first space.
            let n = words.min(64);
            let mut s: Vec<u8> = name
                .iter()
                .take(n)
                .take_while(|&&c| c != 0)
                .copied()
                .collect();
            if let Some(sp) = s.iter().position(|&c| c == b' ') {
                s.truncate(sp);
            }
            nd.s(b" fh ");
            nd.s(&s);
            nd.s(b"/");
        }
        None => {
            nd.s(b" fh ");
            nd.u(p.major as u64);
            nd.s(b",");
            nd.u(p.minor as u64);
            nd.s(b"/");
        }
    }
    if p.minor == 257 {
        nd.s(&p.opaque);
    } else {
        nd.u(p.ino as u64);
    }
    Ok(())
}

struct Fh<'a> {
    major: u32,
    minor: u32,
    ino: u32,
    /// The server's file system name (VMS UCX handles; "Unknown" for a handle not understood).
    fsname: Option<&'a [u8]>,
    /// What tcpdump prints instead of the inode number when the minor device is 257.
    opaque: Vec<u8>,
}

#[derive(PartialEq)]
enum FhType {
    Unknown,
    Auspex,
    DecOsf,
    Irix4,
    SunOs4,
    SunOs5,
    Ultrix,
    VmsUcx,
    HpUx9,
    Bsd44,
}

/// `Parse_fh`: tcpdump's decision tree over the first bytes of a handle. `f` holds the
/// whole handle (`words` 32-bit words, all captured).
fn parse_fh(f: &[u8], words: usize) -> Fh<'_> {
    use FhType::*;
    let b = |i: usize| f[i];
    let be2 = |i: usize| u32::from(u16::from_be_bytes([f[i], f[i + 1]]));
    let be3 = |i: usize| u32::from_be_bytes([0, f[i], f[i + 1], f[i + 2]]);
    let be4 = |i: usize| u32::from_be_bytes([f[i], f[i + 1], f[i + 2], f[i + 3]]);
    let le4 = |i: usize| u32::from_le_bytes([f[i], f[i + 1], f[i + 2], f[i + 3]]);
    let t = if words < 4 {
        Unknown
    } else if b(0) == 0 && b(1) == 0 {
        if b(2) == 0 && b(3) == 0 {
            Auspex
        } else if b(4) != 0 && b(5) == 0 && b(8) == 12 && b(9) == 0 {
            DecOsf
        } else if b(4) == 0 && b(5) == 8 && b(6) == 0 && b(7) == 0 {
            Irix4
        } else {
            SunOs4
        }
    } else if b(2) == 0 && b(3) == 0 {
        if b(6) == 0 && b(7) == 0 {
            Bsd44
        } else if words >= 6 && b(21) == 0 && b(23) == 0 {
            Ultrix
        } else if b(9) == 10 {
            SunOs5
        } else {
            // tcpdump leaves the type unknown here.
            Unknown
        }
    } else if b(8) == 12 && b(9) == 0 {
        DecOsf
    } else if b(8) == 0 && b(9) == 10 {
        if b(7) == 0 && b(6) == 0 && b(5) == 0 && b(4) == 0 {
            HpUx9
        } else {
            SunOs5
        }
    } else if is_ucx(f, words) {
        VmsUcx
    } else {
        Unknown
    };
    let mut fh = Fh {
        major: 0,
        minor: 0,
        ino: 0,
        fsname: None,
        opaque: Vec::new(),
    };
    match t {
        Auspex => (fh.minor, fh.major, fh.ino) = (b(7).into(), b(6).into(), be4(12)),
        Bsd44 => (fh.minor, fh.major, fh.ino) = (b(0).into(), b(1).into(), le4(12)),
        DecOsf => {
            let temp = le4(0);
            (fh.minor, fh.major, fh.ino) = (temp & 0xfffff, (temp >> 20) & 0xfff, le4(12));
        }
        Irix4 => (fh.minor, fh.major, fh.ino) = (b(3).into(), b(2).into(), be4(8)),
        SunOs4 => (fh.minor, fh.major, fh.ino) = (b(3).into(), b(2).into(), be4(12)),
        SunOs5 => {
            fh.major = (be2(0) >> 2) & 0x3fff;
            fh.minor = be3(1) & 0x3ffff;
            fh.ino = be4(12);
        }
        Ultrix => (fh.minor, fh.major, fh.ino) = (b(0).into(), b(1).into(), le4(4)),
        VmsUcx => {
            // tcpdump copies the first 14 bytes over its fsid structure (host order: the
            // minor device is the first word) and names the file system from byte 1.
            fh.minor = le4(0);
            fh.major = le4(4);
            fh.ino = (u32::from(b(26)) << 24)
                | (u32::from(b(27)) << 16)
                | u32::from(u16::from_le_bytes([f[22], f[23]]));
            fh.fsname = Some(&f[1..]);
            fh.opaque = f[8..14].iter().take_while(|&&c| c != 0).copied().collect();
        }
        HpUx9 => (fh.major, fh.minor, fh.ino) = (b(0).into(), be3(1), be4(12)),
        Unknown => {
            // The handle in upper-case hex, at most 32 bytes of it.
            let mut hex = Vec::with_capacity(64);
            for &c in f.iter().take(32) {
                for d in [c >> 4, c & 15] {
                    hex.push(b"0123456789ABCDEF"[d as usize]);
                }
            }
            fh.opaque = hex;
            (fh.minor, fh.major, fh.ino) = (257, 257, 1);
            fh.fsname = Some(b"Unknown");
        }
    }
    fh
}

/// `is_UCX`: bytes 1..14 are a NUL-padded printable device name.
fn is_ucx(f: &[u8], words: usize) -> bool {
    if words < 7 {
        return false;
    }
    let mut seen_null = false;
    for &c in &f[1..14] {
        if (0x20..=0x7e).contains(&c) {
            if seen_null {
                return false;
            }
        } else if c == 0 {
            seen_null = true;
        } else {
            return false;
        }
    }
    true
}

/// `nfsreply_noaddr_print`: after "NFS reply xid N ", the reply at `bp`.
pub(crate) fn nfsreply_print(nd: &mut Nd, bp: usize, length: usize, iph: usize) -> R {
    nd.proto = "nfs";
    // Its `ND_TCHECK_4`s jump to its own `trunc:` (a local truncation, not a longjmp).
    nd.tcheck(bp + RP_STAT, 4)?;
    let stat = nd.be4(bp + RP_STAT)?;
    match stat {
        0 => {
            nd.s(b"reply ok ");
            nd.u(length as u64);
            if let Some((proc_, vers)) = xid_map_find(nd, bp, iph)? {
                interp_reply(nd, bp, proc_, vers, length)?;
            }
        }
        1 => {
            nd.s(b"reply ERR ");
            nd.u(length as u64);
            nd.s(b": ");
            nd.tcheck(bp + 12, 4)?;
            let rstat = nd.be4(bp + 12)?;
            match rstat {
                0 => {
                    nd.tcheck(bp + 20, 4)?;
                    let (lo, hi) = (nd.be4(bp + 16)?, nd.be4(bp + 20)?);
                    nd.s(b"RPC Version mismatch (");
                    nd.u(lo as u64);
                    nd.s(b"-");
                    nd.u(hi as u64);
                    nd.s(b")");
                }
                1 => {
                    nd.tcheck(bp + 16, 4)?;
                    let why = nd.be4(bp + 16)?;
                    nd.s(b"Auth ");
                    let s: &[u8] = match why {
                        0 => b"OK",
                        1 => b"Bogus Credentials (seal broken)",
                        2 => b"Rejected Credentials (client should begin new session)",
                        3 => b"Bogus Verifier (seal broken)",
                        4 => b"Verifier expired or was replayed",
                        5 => b"Credentials are too weak",
                        6 => b"Bogus response verifier",
                        7 => b"Unknown failure",
                        _ => {
                            nd.s(b"Invalid failure code ");
                            nd.u(why as u64);
                            b""
                        }
                    };
                    nd.s(s);
                }
                _ => {
                    nd.s(b"Unknown reason for rejecting rpc message ");
                    nd.u(rstat as u64);
                }
            }
        }
        _ => {
            nd.s(b"reply Unknown rpc response code=");
            nd.u(stat as u64);
            nd.s(b" ");
            nd.u(length as u64);
        }
    }
    Ok(())
}

/// The reply's state while it is decoded: tcpdump's `nfserr` (an NFS or RPC error was
/// printed, so a stop is not shown as truncation).
struct Rep {
    nfserr: bool,
}

/// `parserep`: skip the verifier; the start of the results when the call was accepted.
fn parserep(nd: &mut Nd, rp: usize, length: usize, r: &mut Rep) -> R<Option<usize>> {
    let dp = rp + 12;
    let len = nd.be4(dp + 4)?;
    if len as usize >= length {
        return Ok(None);
    }
    let dp = dp + (len as usize + 11) / 4 * 4;
    let astat = nd.be4(dp)?;
    if astat != 0 {
        nd.s(b" ");
        match astat {
            1 => nd.s(b"PROG_UNAVAIL"),
            2 => nd.s(b"PROG_MISMATCH"),
            3 => nd.s(b"PROC_UNAVAIL"),
            4 => nd.s(b"GARBAGE_ARGS"),
            5 => nd.s(b"SYSTEM_ERR"),
            _ => {
                nd.s(b"ar_stat ");
                nd.u(astat as u64);
            }
        }
        r.nfserr = true;
        return Ok(None);
    }
    Ok(Some(dp + 4))
}

/// `parsestatus`: the NFS status word, printed when it is an error; (next, status).
fn parsestatus(nd: &mut Nd, dp: usize, r: &mut Rep) -> R<(usize, u32)> {
    let e = nd.be4(dp)?;
    if e != 0 {
        if !nd.qflag {
            nd.s(b" ERROR: ");
            match status_name(e) {
                Some(s) => nd.st(s),
                None => {
                    nd.s(b"unk ");
                    nd.u(e as u64);
                }
            }
        }
        r.nfserr = true;
    }
    Ok((dp + 4, e))
}

/// `parsefattr`: file attributes, v2 or v3; from `verbose` 1 type, mode, ids and size,
/// from 2 the rest.
fn parsefattr(nd: &mut Nd, dp: usize, verbose: u8, v3: bool) -> R<Option<usize>> {
    if !nd.ttest(dp + 16, 4) {
        return Ok(None);
    }
    if verbose > 0 {
        let (t, mode, uid, gid) = (
            nd.be4(dp)?,
            nd.be4(dp + 4)?,
            nd.be4(dp + 12)? as i32,
            nd.be4(dp + 16)? as i32,
        );
        nd.s(b" ");
        match type_name(t) {
            Some(n) => nd.st(n),
            None => {
                nd.s(b"unk-ft ");
                nd.u(t as u64);
                nd.s(b" ");
            }
        }
        nd.s(b" ");
        oct(nd, mode);
        nd.s(b" ids ");
        sdec(nd, uid);
        nd.s(b"/");
        sdec(nd, gid);
        let sz = if v3 {
            be8(nd, dp + 20)?
        } else {
            nd.be4(dp + 20)? as u64
        };
        nd.s(b" sz ");
        nd.u(sz);
    }
    if verbose > 1 {
        if v3 {
            if !nd.ttest(dp + 76, 8) {
                return Ok(None);
            }
            let (nlink, r1, r2) = (nd.be4(dp + 8)?, nd.be4(dp + 36)?, nd.be4(dp + 40)?);
            nd.s(b" nlink ");
            nd.u(nlink as u64);
            nd.s(b" rdev ");
            nd.u(r1 as u64);
            nd.s(b"/");
            nd.u(r2 as u64);
            let fsid = be8(nd, dp + 44)?;
            nd.s(b" fsid ");
            nd.x(fsid);
            let fileid = be8(nd, dp + 52)?;
            nd.s(b" fileid ");
            nd.x(fileid);
            nd.s(b" a/m/ctime ");
            let t = [nd.be4(dp + 60)?, nd.be4(dp + 64)?];
            time(nd, t[0], t[1]);
            for at in [68, 76] {
                let t = [nd.be4(dp + at)?, nd.be4(dp + at + 4)?];
                nd.s(b" ");
                time(nd, t[0], t[1]);
            }
        } else {
            if !nd.ttest(dp + 60, 8) {
                return Ok(None);
            }
            let v = [
                nd.be4(dp + 8)?,
                nd.be4(dp + 28)?,
                nd.be4(dp + 36)?,
                nd.be4(dp + 40)?,
            ];
            nd.s(b" nlink ");
            nd.u(v[0] as u64);
            nd.s(b" rdev 0x");
            nd.x(v[1] as u64);
            nd.s(b" fsid 0x");
            nd.x(v[2] as u64);
            nd.s(b" nodeid 0x");
            nd.x(v[3] as u64);
            nd.s(b" a/m/ctime");
            for at in [44, 52, 60] {
                let t = [nd.be4(dp + at)?, nd.be4(dp + at + 4)?];
                nd.s(b" ");
                time(nd, t[0], t[1]);
            }
        }
    }
    Ok(Some(dp + if v3 { V3FATTR } else { V2FATTR }))
}

fn parseattrstat(nd: &mut Nd, dp: usize, verbose: u8, v3: bool, r: &mut Rep) -> R<bool> {
    let (dp, er) = parsestatus(nd, dp, r)?;
    if er != 0 {
        return Ok(true);
    }
    Ok(parsefattr(nd, dp, verbose, v3)?.is_some())
}

fn parsediropres(nd: &mut Nd, dp: usize, r: &mut Rep) -> R<bool> {
    let (dp, er) = parsestatus(nd, dp, r)?;
    if er != 0 {
        return Ok(true);
    }
    let Some(dp) = parsefh(nd, dp, false)? else {
        return Ok(false);
    };
    let v = nd.vflag;
    Ok(parsefattr(nd, dp, v, false)?.is_some())
}

fn parselinkres(nd: &mut Nd, dp: usize, v3: bool, r: &mut Rep) -> R<bool> {
    let (mut dp, er) = parsestatus(nd, dp, r)?;
    if er != 0 {
        return Ok(true);
    }
    if v3 {
        let v = nd.vflag;
        match parse_post_op_attr(nd, dp, v)? {
            Some(d) => dp = d,
            None => return Ok(false),
        }
    }
    nd.s(b" ");
    Ok(parsefn(nd, dp)?.is_some())
}

fn parsestatfs(nd: &mut Nd, dp: usize, v3: bool, r: &mut Rep) -> R<bool> {
    let (mut dp, er) = parsestatus(nd, dp, r)?;
    if !v3 && er != 0 {
        return Ok(true);
    }
    if nd.qflag {
        return Ok(true);
    }
    if v3 {
        if nd.vflag > 0 {
            nd.s(b" POST:");
        }
        let v = nd.vflag;
        match parse_post_op_attr(nd, dp, v)? {
            Some(d) => dp = d,
            None => return Ok(false),
        }
    }
    if !nd.ttest(dp, if v3 { 52 } else { 20 }) {
        return Ok(false);
    }
    if v3 {
        let v = [be8(nd, dp)?, be8(nd, dp + 8)?, be8(nd, dp + 16)?];
        nd.s(b" tbytes ");
        nd.u(v[0]);
        nd.s(b" fbytes ");
        nd.u(v[1]);
        nd.s(b" abytes ");
        nd.u(v[2]);
        if nd.vflag > 0 {
            let v = [be8(nd, dp + 24)?, be8(nd, dp + 32)?, be8(nd, dp + 40)?];
            let invar = nd.be4(dp + 48)?;
            nd.s(b" tfiles ");
            nd.u(v[0]);
            nd.s(b" ffiles ");
            nd.u(v[1]);
            nd.s(b" afiles ");
            nd.u(v[2]);
            nd.s(b" invar ");
            nd.u(invar as u64);
        }
    } else {
        for (i, label) in [
            &b" tsize "[..],
            b" bsize ",
            b" blocks ",
            b" bfree ",
            b" bavail ",
        ]
        .iter()
        .enumerate()
        {
            let v = nd.be4(dp + 4 * i)?;
            nd.s(label);
            nd.u(v as u64);
        }
    }
    Ok(true)
}

fn parserddires(nd: &mut Nd, dp: usize, r: &mut Rep) -> R<bool> {
    let (dp, er) = parsestatus(nd, dp, r)?;
    if er != 0 || nd.qflag {
        return Ok(true);
    }
    let (off, size) = (nd.be4(dp)?, nd.be4(dp + 4)?);
    nd.s(b" offset 0x");
    nd.x(off as u64);
    nd.s(b" size ");
    nd.u(size as u64);
    nd.s(b" ");
    if nd.be4(dp + 8)? != 0 {
        nd.s(b" eof");
    }
    Ok(true)
}

fn parse_wcc_attr(nd: &mut Nd, dp: usize) -> R<usize> {
    let sz = be8(nd, dp)?;
    nd.s(b" sz ");
    nd.u(sz);
    let t = [
        nd.be4(dp + 8)?,
        nd.be4(dp + 12)?,
        nd.be4(dp + 16)?,
        nd.be4(dp + 20)?,
    ];
    nd.s(b" mtime ");
    time(nd, t[0], t[1]);
    nd.s(b" ctime ");
    time(nd, t[2], t[3]);
    Ok(dp + 24)
}

fn parse_pre_op_attr(nd: &mut Nd, dp: usize, verbose: u8) -> R<Option<usize>> {
    if nd.be4(dp)? == 0 {
        return Ok(Some(dp + 4));
    }
    let dp = dp + 4;
    if !nd.ttest(dp, 24) {
        return Ok(None);
    }
    if verbose > 1 {
        Ok(Some(parse_wcc_attr(nd, dp)?))
    } else {
        Ok(Some(dp + 24))
    }
}

fn parse_post_op_attr(nd: &mut Nd, dp: usize, verbose: u8) -> R<Option<usize>> {
    if nd.be4(dp)? == 0 {
        return Ok(Some(dp + 4));
    }
    let dp = dp + 4;
    if verbose > 0 {
        parsefattr(nd, dp, verbose, true)
    } else {
        Ok(Some(dp + V3FATTR))
    }
}

fn parse_wcc_data(nd: &mut Nd, dp: usize, verbose: u8) -> R<Option<usize>> {
    if verbose > 1 {
        nd.s(b" PRE:");
    }
    let Some(dp) = parse_pre_op_attr(nd, dp, verbose)? else {
        return Ok(None);
    };
    if verbose > 0 {
        nd.s(b" POST:");
    }
    parse_post_op_attr(nd, dp, verbose)
}

fn parsecreateopres(nd: &mut Nd, dp: usize, verbose: u8, r: &mut Rep) -> R<Option<usize>> {
    let (dp, er) = parsestatus(nd, dp, r)?;
    if er != 0 {
        return parse_wcc_data(nd, dp, verbose);
    }
    if nd.be4(dp)? == 0 {
        return Ok(Some(dp + 4));
    }
    let Some(mut dp) = parsefh(nd, dp + 4, true)? else {
        return Ok(None);
    };
    if verbose > 0 {
        match parse_post_op_attr(nd, dp, verbose)? {
            Some(d) => dp = d,
            None => return Ok(None),
        }
        if nd.vflag > 1 {
            nd.s(b" dir attr:");
            return parse_wcc_data(nd, dp, verbose);
        }
    }
    Ok(Some(dp))
}

fn parsewccres(nd: &mut Nd, dp: usize, verbose: u8, r: &mut Rep) -> R<Option<usize>> {
    let (dp, _) = parsestatus(nd, dp, r)?;
    parse_wcc_data(nd, dp, verbose)
}

fn parsev3rddirres(nd: &mut Nd, dp: usize, verbose: u8, r: &mut Rep) -> R<Option<usize>> {
    let (dp, er) = parsestatus(nd, dp, r)?;
    if nd.vflag > 0 {
        nd.s(b" POST:");
    }
    let Some(mut dp) = parse_post_op_attr(nd, dp, verbose)? else {
        return Ok(None);
    };
    if er != 0 {
        return Ok(Some(dp));
    }
    if nd.vflag > 0 {
        let (a, b) = (nd.be4(dp)?, nd.be4(dp + 4)?);
        nd.s(b" verf ");
        nd.x0(a as u64, 8);
        nd.x0(b as u64, 8);
        dp += 8;
    }
    Ok(Some(dp))
}

fn parsefsinfo(nd: &mut Nd, dp: usize, r: &mut Rep) -> R<bool> {
    let (dp, er) = parsestatus(nd, dp, r)?;
    if nd.vflag > 0 {
        nd.s(b" POST:");
    }
    let v = nd.vflag;
    let Some(dp) = parse_post_op_attr(nd, dp, v)? else {
        return Ok(false);
    };
    if er != 0 {
        return Ok(true);
    }
    if !nd.ttest(dp, 48) {
        return Ok(false);
    }
    for (off, label) in [
        (0, &b" rtmax "[..]),
        (4, b" rtpref "),
        (12, b" wtmax "),
        (16, b" wtpref "),
        (24, b" dtpref "),
    ] {
        let v = nd.be4(dp + off)?;
        nd.s(label);
        nd.u(v as u64);
    }
    if nd.vflag > 0 {
        let (rm, wm, max) = (nd.be4(dp + 8)?, nd.be4(dp + 20)?, be8(nd, dp + 28)?);
        nd.s(b" rtmult ");
        nd.u(rm as u64);
        nd.s(b" wtmult ");
        nd.u(wm as u64);
        nd.s(b" maxfsz ");
        nd.u(max);
        let (s, n) = (nd.be4(dp + 36)?, nd.be4(dp + 40)?);
        nd.s(b" delta ");
        time(nd, s, n);
        nd.s(b" ");
    }
    Ok(true)
}

fn parsepathconf(nd: &mut Nd, dp: usize, r: &mut Rep) -> R<bool> {
    let (dp, er) = parsestatus(nd, dp, r)?;
    if nd.vflag > 0 {
        nd.s(b" POST:");
    }
    let v = nd.vflag;
    let Some(dp) = parse_post_op_attr(nd, dp, v)? else {
        return Ok(false);
    };
    if er != 0 {
        return Ok(true);
    }
    if !nd.ttest(dp, 24) {
        return Ok(false);
    }
    let w = [
        nd.be4(dp)?,
        nd.be4(dp + 4)?,
        nd.be4(dp + 8)?,
        nd.be4(dp + 12)?,
        nd.be4(dp + 16)?,
        nd.be4(dp + 20)?,
    ];
    nd.s(b" linkmax ");
    nd.u(w[0] as u64);
    nd.s(b" namemax ");
    nd.u(w[1] as u64);
    for (v, s) in [
        (w[2], &b"notrunc"[..]),
        (w[3], b"chownres"),
        (w[4], b"igncase"),
        (w[5], b"keepcase"),
    ] {
        nd.s(b" ");
        if v != 0 {
            nd.s(s);
        }
    }
    Ok(true)
}

/// `interp_reply`: the results of procedure `proc_` of NFS version `vers`.
fn interp_reply(nd: &mut Nd, rp: usize, proc_: u32, vers: u32, length: usize) -> R {
    let v3 = vers == 3;
    let mut proc_ = proc_;
    if !v3 && proc_ < NFS_NPROCS {
        proc_ = V2_PROCS[proc_ as usize];
    }
    print_proc(nd, proc_);
    let mut r = Rep { nfserr: false };
    if !reply(nd, rp, proc_, v3, length, &mut r)? && !r.nfserr {
        nd.trunc();
    }
    Ok(())
}

/// The body of `interp_reply`'s switch: false where it jumps to `trunc`.
fn reply(nd: &mut Nd, rp: usize, proc_: u32, v3: bool, length: usize, r: &mut Rep) -> R<bool> {
    macro_rules! t {
        ($e:expr) => {
            match $e? {
                Some(v) => v,
                None => return Ok(false),
            }
        };
    }
    macro_rules! b {
        ($e:expr) => {
            if !$e? {
                return Ok(false);
            }
        };
    }
    let vflag = nd.vflag;
    let notq = u8::from(!nd.qflag);
    match proc_ {
        GETATTR => {
            let dp = t!(parserep(nd, rp, length, r));
            b!(parseattrstat(nd, dp, notq, v3, r));
        }
        SETATTR => {
            let dp = t!(parserep(nd, rp, length, r));
            if v3 {
                t!(parsewccres(nd, dp, vflag, r));
            } else {
                b!(parseattrstat(nd, dp, notq, false, r));
            }
        }
        LOOKUP => {
            let dp = t!(parserep(nd, rp, length, r));
            if v3 {
                let (dp, er) = parsestatus(nd, dp, r)?;
                if er != 0 {
                    if vflag > 1 {
                        nd.s(b" post dattr:");
                        t!(parse_post_op_attr(nd, dp, vflag));
                    }
                } else {
                    let dp = t!(parsefh(nd, dp, v3));
                    let dp = t!(parse_post_op_attr(nd, dp, vflag));
                    if vflag > 1 {
                        nd.s(b" post dattr:");
                        t!(parse_post_op_attr(nd, dp, vflag));
                    }
                }
            } else {
                b!(parsediropres(nd, dp, r));
            }
        }
        ACCESS => {
            let dp = t!(parserep(nd, rp, length, r));
            let (dp, er) = parsestatus(nd, dp, r)?;
            if vflag > 0 {
                nd.s(b" attr:");
            }
            let dp = t!(parse_post_op_attr(nd, dp, vflag));
            if er == 0 {
                let c = nd.be4(dp)?;
                nd.s(b" c ");
                nd.x0(c as u64, 4);
            }
        }
        READLINK => {
            let dp = t!(parserep(nd, rp, length, r));
            b!(parselinkres(nd, dp, v3, r));
        }
        READ => {
            let dp = t!(parserep(nd, rp, length, r));
            if v3 {
                let (dp, er) = parsestatus(nd, dp, r)?;
                let dp = t!(parse_post_op_attr(nd, dp, vflag));
                if er == 0 && vflag > 0 {
                    let n = nd.be4(dp)?;
                    nd.s(b" ");
                    nd.u(n as u64);
                    nd.s(b" bytes");
                    if nd.be4(dp + 4)? != 0 {
                        nd.s(b" EOF");
                    }
                }
            } else {
                b!(parseattrstat(nd, dp, vflag, false, r));
            }
        }
        WRITE => {
            let dp = t!(parserep(nd, rp, length, r));
            if v3 {
                let (dp, er) = parsestatus(nd, dp, r)?;
                let dp = t!(parse_wcc_data(nd, dp, vflag));
                if er == 0 && vflag > 0 {
                    let n = nd.be4(dp)?;
                    nd.s(b" ");
                    nd.u(n as u64);
                    nd.s(b" bytes");
                    if vflag > 1 {
                        let m = nd.be4(dp + 4)?;
                        nd.s(b" <");
                        write_mode(nd, m);
                        nd.s(b">");
                        let verf = be8(nd, dp + 8)?;
                        nd.s(b" verf ");
                        nd.x(verf);
                    }
                }
            } else {
                b!(parseattrstat(nd, dp, vflag, v3, r));
            }
        }
        CREATE | MKDIR => {
            let dp = t!(parserep(nd, rp, length, r));
            if v3 {
                t!(parsecreateopres(nd, dp, vflag, r));
            } else {
                b!(parsediropres(nd, dp, r));
            }
        }
        SYMLINK => {
            let dp = t!(parserep(nd, rp, length, r));
            if v3 {
                t!(parsecreateopres(nd, dp, vflag, r));
            } else {
                parsestatus(nd, dp, r)?;
            }
        }
        MKNOD => {
            let dp = t!(parserep(nd, rp, length, r));
            t!(parsecreateopres(nd, dp, vflag, r));
        }
        REMOVE | RMDIR => {
            let dp = t!(parserep(nd, rp, length, r));
            if v3 {
                t!(parsewccres(nd, dp, vflag, r));
            } else {
                parsestatus(nd, dp, r)?;
            }
        }
        RENAME => {
            let dp = t!(parserep(nd, rp, length, r));
            if v3 {
                let (dp, _) = parsestatus(nd, dp, r)?;
                if vflag > 0 {
                    nd.s(b" from:");
                    let dp = t!(parse_wcc_data(nd, dp, vflag));
                    nd.s(b" to:");
                    t!(parse_wcc_data(nd, dp, vflag));
                }
            } else {
                parsestatus(nd, dp, r)?;
            }
        }
        LINK => {
            let dp = t!(parserep(nd, rp, length, r));
            if v3 {
                let (dp, _) = parsestatus(nd, dp, r)?;
                if vflag > 0 {
                    nd.s(b" file POST:");
                    let dp = t!(parse_post_op_attr(nd, dp, vflag));
                    nd.s(b" dir:");
                    t!(parse_wcc_data(nd, dp, vflag));
                }
            } else {
                parsestatus(nd, dp, r)?;
            }
        }
        READDIR => {
            let dp = t!(parserep(nd, rp, length, r));
            if v3 {
                t!(parsev3rddirres(nd, dp, vflag, r));
            } else {
                b!(parserddires(nd, dp, r));
            }
        }
        READDIRPLUS => {
            let dp = t!(parserep(nd, rp, length, r));
            t!(parsev3rddirres(nd, dp, vflag, r));
        }
        FSSTAT => {
            let dp = t!(parserep(nd, rp, length, r));
            b!(parsestatfs(nd, dp, v3, r));
        }
        FSINFO => {
            let dp = t!(parserep(nd, rp, length, r));
            b!(parsefsinfo(nd, dp, r));
        }
        PATHCONF => {
            let dp = t!(parserep(nd, rp, length, r));
            b!(parsepathconf(nd, dp, r));
        }
        COMMIT => {
            let dp = t!(parserep(nd, rp, length, r));
            let dp = t!(parsewccres(nd, dp, vflag, r));
            if vflag > 1 {
                let verf = be8(nd, dp)?;
                nd.s(b" verf ");
                nd.x(verf);
            }
        }
        _ => {}
    }
    Ok(true)
}

/// Whether an RPC message at `rp` is an NFS call or reply by tcpdump's port rule (a call to
/// port 2049, a reply from it); both UDP and TCP (after the record mark) use it.
pub(crate) fn direction(nd: &Nd, rp: usize, sport: u16, dport: u16) -> R<Option<bool>> {
    if !nd.ttest(rp + RM_DIRECTION, 4) {
        return Ok(None);
    }
    let d = nd.be4(rp + RM_DIRECTION)?;
    Ok(if dport == NFS_PORT && d == SUNRPC_CALL {
        Some(true)
    } else if sport == NFS_PORT && d == SUNRPC_REPLY {
        Some(false)
    } else {
        None
    })
}

/// "NFS request xid N ..." or "NFS reply xid N ..." for the message at `rp`.
pub(crate) fn nfs_print(nd: &mut Nd, rp: usize, length: usize, iph: usize, call: bool) -> R {
    let xid = nd.be4(rp)?;
    nd.s(if call {
        b"NFS request xid "
    } else {
        b"NFS reply xid "
    });
    nd.u(xid as u64);
    nd.s(b" ");
    if call {
        nfsreq_print(nd, rp, length, iph)
    } else {
        nfsreply_print(nd, rp, length, iph)
    }
}
