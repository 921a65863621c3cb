//! Zephyr notices (tcpdump's print-zephyr.c), UDP ports 2103 and 2104: the kind, sender and
//! what the notice is about (locate, subscriptions, admin and control opcodes, or the
//! <class,instance,recipient> triple it is sent to).

use super::nd::{Nd, R};
use super::tok::{self, Tok};

const SERVACK: i32 = 5;

const Z_TYPES: Tok = &[
    (0, "unsafe"),
    (1, "unacked"),
    (2, "acked"),
    (3, "hm-ack"),
    (4, "hm-ctl"),
    (5, "serv-ack"),
    (6, "serv-nak"),
    (7, "client-ack"),
    (8, "stat"),
];

/// tcpdump's static `z_buf`: what `str_to_lower` and `z_triple` build is cut to 255 bytes.
const Z_BUF: usize = 255;

/// The NUL-terminated fields of the notice, read in order (`parse_field`).
struct Fields<'a> {
    b: &'a [u8],
    at: usize,
    len: usize,
}

impl<'a> Fields<'a> {
    /// The next field without its NUL, or None when the notice ends first.
    fn next(&mut self, nd: &Nd) -> R<Option<&'a [u8]>> {
        let start = self.at;
        loop {
            if self.len == 0 {
                return Ok(None);
            }
            if nd.u1(self.at)? == 0 {
                break;
            }
            self.at += 1;
            self.len -= 1;
        }
        let s = &self.b[start..self.at];
        self.at += 1;
        self.len -= 1;
        Ok(Some(s))
    }
}

/// `strtol(s, 0, 16)` stored in an int: leading space, a sign, an optional 0x, hex digits;
/// a long's overflow clamps, then the int keeps the low 32 bits.
fn strtol16(s: &[u8]) -> i32 {
    let mut i = 0;
    while i < s.len() && matches!(s[i], b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r') {
        i += 1;
    }
    let neg = i < s.len() && s[i] == b'-';
    if i < s.len() && (s[i] == b'-' || s[i] == b'+') {
        i += 1;
    }
    if s.len() > i + 2 && s[i] == b'0' && (s[i + 1] | 0x20) == b'x' && s[i + 2].is_ascii_hexdigit()
    {
        i += 2;
    }
    let mut v: i128 = 0;
    while i < s.len() && s[i].is_ascii_hexdigit() {
        v = (v * 16 + (s[i] as char).to_digit(16).expect("hex digit") as i128).min(1 << 64);
        i += 1;
    }
    let v = if neg { -v } else { v };
    v.clamp(i64::MIN as i128, i64::MAX as i128) as i64 as i32
}

/// `ZEPHYR_PRINT(label, s)`: the label, then the string escaped as `fn_print_str` does.
fn zprint(nd: &mut Nd, label: &[u8], s: &[u8]) {
    nd.s(label);
    for &c in s {
        nd.print_char(c);
    }
}

/// `str_to_lower` (ASCII letters only, in the 255-byte buffer).
fn lower(s: &[u8]) -> Vec<u8> {
    s.iter()
        .take(Z_BUF)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// `z_triple`: "<class,inst,recipient>", an empty recipient as "*".
fn triple(class: &[u8], inst: &[u8], recipient: &[u8]) -> Vec<u8> {
    let recipient: &[u8] = if recipient.is_empty() {
        b"*"
    } else {
        recipient
    };
    let mut t = Vec::with_capacity(class.len() + inst.len() + recipient.len() + 4);
    t.push(b'<');
    t.extend_from_slice(class);
    t.push(b',');
    t.extend_from_slice(inst);
    t.push(b',');
    t.extend_from_slice(recipient);
    t.push(b'>');
    t.truncate(Z_BUF);
    t
}

/// `zephyr_print`.
pub(crate) fn zephyr_print(nd: &mut Nd, cp: usize, length: usize) -> R {
    nd.proto = "zephyr";
    let mut f = Fields {
        b: nd.b,
        at: cp,
        len: length,
    };
    let Some(version) = f.next(nd)? else {
        nd.invalid();
        return Ok(());
    };
    if !version.starts_with(b"ZEPH") {
        return Ok(());
    }
    // numfields, kind, uid, port, auth, authlen, authdata, class, inst, opcode, sender,
    // recipient, format, cksum, multi, multi_uid: all must be there.
    let mut v: [&[u8]; 16] = [b""; 16];
    let mut lose = false;
    for slot in v.iter_mut() {
        match f.next(nd)? {
            Some(s) => *slot = s,
            None => lose = true,
        }
    }
    if lose {
        nd.invalid();
        return Ok(());
    }
    let kind = strtol16(v[1]);
    let (class, inst, opcode, sender, recipient) = (v[7], v[8], v[9], v[10], v[11]);
    nd.s(b" zephyr");
    if !version[4..].starts_with(b"0.2") {
        zprint(nd, b" v", &version[4..]);
        return Ok(());
    }
    nd.s(b" ");
    match tok::name(Z_TYPES, kind as u32).filter(|_| kind >= 0) {
        Some(n) => nd.st(n),
        None => {
            nd.s(b"type ");
            if kind < 0 {
                nd.s(b"-");
            }
            nd.u(kind.unsigned_abs() as u64);
        }
    }
    if kind == SERVACK {
        if let Some(ack) = f.next(nd)? {
            if ack != b"SENT" {
                zprint(nd, b"/", &lower(ack));
            }
        }
    }
    if !sender.is_empty() {
        zprint(nd, b" ", sender);
    }
    match class {
        b"USER_LOCATE" => {
            match opcode {
                b"USER_HIDE" => nd.s(b" hide"),
                b"USER_UNHIDE" => nd.s(b" unhide"),
                _ => zprint(nd, b" locate ", inst),
            }
            return Ok(());
        }
        b"ZEPHYR_ADMIN" => {
            zprint(nd, b" zephyr-admin ", &lower(opcode));
            return Ok(());
        }
        b"ZEPHYR_CTL" => match inst {
            b"CLIENT" => {
                match opcode {
                    b"SUBSCRIBE" | b"SUBSCRIBE_NODEFS" | b"UNSUBSCRIBE" => {
                        nd.s(if opcode == b"SUBSCRIBE" {
                            b" sub"
                        } else {
                            b" unsub"
                        });
                        if opcode == b"SUBSCRIBE_NODEFS" {
                            nd.s(b"-nodefs");
                        }
                        if kind != SERVACK {
                            let (c, i, r) = (f.next(nd)?, f.next(nd)?, f.next(nd)?);
                            if let (Some(c), Some(i), Some(r)) = (c, i, r) {
                                zprint(nd, b" ", &triple(c, i, r));
                            }
                        }
                    }
                    b"GIMME" => nd.s(b" ret"),
                    b"GIMMEDEFS" => nd.s(b" gimme-defs"),
                    b"CLEARSUB" => nd.s(b" clear-subs"),
                    _ => zprint(nd, b" ", &lower(opcode)),
                }
                return Ok(());
            }
            b"HM" => {
                zprint(nd, b" ", &lower(opcode));
                return Ok(());
            }
            b"REALM" => {
                match opcode {
                    b"ADD_SUBSCRIBE" => nd.s(b" realm add-subs"),
                    b"REQ_SUBSCRIBE" => nd.s(b" realm req-subs"),
                    b"RLM_SUBSCRIBE" => nd.s(b" realm rlm-sub"),
                    b"RLM_UNSUBSCRIBE" => nd.s(b" realm rlm-unsub"),
                    _ => {}
                }
                return Ok(());
            }
            _ => {}
        },
        b"HM_CTL" | b"WG_CTL" => {
            let label: &[u8] = if class == b"HM_CTL" {
                b" hm_ctl "
            } else {
                b" wg_ctl "
            };
            zprint(nd, label, &lower(inst));
            zprint(nd, b" ", &lower(opcode));
            return Ok(());
        }
        b"HM_STAT" if inst == b"HMST_CLIENT" && opcode == b"GIMMESTATS" => {
            nd.s(b" get-client-stats");
            return Ok(());
        }
        b"LOGIN" => match opcode {
            b"USER_FLUSH" => {
                nd.s(b" flush_locs");
                return Ok(());
            }
            b"NONE" | b"OPSTAFF" | b"REALM-VISIBLE" | b"REALM-ANNOUNCED" | b"NET-VISIBLE"
            | b"NET-ANNOUNCED" => {
                zprint(nd, b" set-exposure ", &lower(opcode));
                return Ok(());
            }
            _ => {}
        },
        _ => {}
    }
    zprint(nd, b" to ", &triple(class, inst, recipient));
    if !opcode.is_empty() {
        zprint(nd, b" op ", opcode);
    }
    Ok(())
}
