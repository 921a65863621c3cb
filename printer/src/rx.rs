//! AFS Rx (tcpdump's print-rx.c), UDP ports 7000-7009: the Rx packet type, with -v its
//! sequence numbers and flags; the AFS calls it carries to the file, callback, protection,
//! volume location, authentication, volume and basic overseer services (and their Ubik
//! database calls) with their arguments, and the replies to calls seen before (matched by
//! a cache of recent calls, as tcpdump keeps); ack packets' ranges.

use super::nd::{Nd, Trunc, R};
use super::tok::{self, Tok};
use super::ts;

const FS_RX_PORT: u16 = 7000;
const CB_RX_PORT: u16 = 7001;
const PROT_RX_PORT: u16 = 7002;
const VLDB_RX_PORT: u16 = 7003;
const KAUTH_RX_PORT: u16 = 7004;
const VOL_RX_PORT: u16 = 7005;
const BOS_RX_PORT: u16 = 7007;

const AFSOPAQUEMAX: usize = 1024;
const AFSNAMEMAX: u32 = 256;
const PRNAMEMAX: usize = 64;
const VLNAMEMAX: usize = 65;
const KANAMEMAX: u32 = 64;
const BOSNAMEMAX: u32 = 256;
const USERNAMEMAX: usize = 1024;

/// The Rx header: epoch, cid, call number, seq, serial, type, flags, user status,
/// security index, spare, service id.
const RX_HEADER: usize = 28;
const DATA: u8 = 1;
const ACK: u8 = 2;
const ABORT: u8 = 4;
const CLIENT_INITIATED: u8 = 1;

/// `rx_flags`: (flag, the packet type it is for or 0 for any, name).
const RX_FLAGS: [(u8, u8, &str); 7] = [
    (1, 0, "client-init"),
    (2, 0, "req-ack"),
    (4, 0, "last-pckt"),
    (8, 0, "more-pckts"),
    (16, 0, "free-pckt"),
    (32, ACK, "slow-start"),
    (32, DATA, "jumbogram"),
];

const VOLTYPE: [&str; 3] = ["read-write", "read-only", "backup"];

const FS_REQ: Tok = &[
    (130, "fetch-data"),
    (131, "fetch-acl"),
    (132, "fetch-status"),
    (133, "store-data"),
    (134, "store-acl"),
    (135, "store-status"),
    (136, "remove-file"),
    (137, "create-file"),
    (138, "rename"),
    (139, "symlink"),
    (140, "link"),
    (141, "makedir"),
    (142, "rmdir"),
    (143, "oldsetlock"),
    (144, "oldextlock"),
    (145, "oldrellock"),
    (146, "get-stats"),
    (147, "give-cbs"),
    (148, "get-vlinfo"),
    (149, "get-vlstats"),
    (150, "set-vlstats"),
    (151, "get-rootvl"),
    (152, "check-token"),
    (153, "get-time"),
    (154, "nget-vlinfo"),
    (155, "bulk-stat"),
    (156, "setlock"),
    (157, "extlock"),
    (158, "rellock"),
    (159, "xstat-ver"),
    (160, "get-xstat"),
    (161, "dfs-lookup"),
    (162, "dfs-flushcps"),
    (163, "dfs-symlink"),
    (220, "residency"),
    (65536, "inline-bulk-status"),
    (65537, "fetch-data-64"),
    (65538, "store-data-64"),
    (65539, "give-up-all-cbs"),
    (65540, "get-caps"),
    (65541, "cb-rx-conn-addr"),
];

const CB_REQ: Tok = &[
    (204, "callback"),
    (205, "initcb"),
    (206, "probe"),
    (207, "getlock"),
    (208, "getce"),
    (209, "xstatver"),
    (210, "getxstat"),
    (211, "initcb2"),
    (212, "whoareyou"),
    (213, "initcb3"),
    (214, "probeuuid"),
    (215, "getsrvprefs"),
    (216, "getcellservdb"),
    (217, "getlocalcell"),
    (218, "getcacheconf"),
    (65536, "getce64"),
    (65537, "getcellbynum"),
    (65538, "tellmeaboutyourself"),
];

const PT_REQ: Tok = &[
    (500, "new-user"),
    (501, "where-is-it"),
    (502, "dump-entry"),
    (503, "add-to-group"),
    (504, "name-to-id"),
    (505, "id-to-name"),
    (506, "delete"),
    (507, "remove-from-group"),
    (508, "get-cps"),
    (509, "new-entry"),
    (510, "list-max"),
    (511, "set-max"),
    (512, "list-entry"),
    (513, "change-entry"),
    (514, "list-elements"),
    (515, "same-mbr-of"),
    (516, "set-fld-sentry"),
    (517, "list-owned"),
    (518, "get-cps2"),
    (519, "get-host-cps"),
    (520, "update-entry"),
    (521, "list-entries"),
    (530, "list-super-groups"),
];

const VLDB_REQ: Tok = &[
    (501, "create-entry"),
    (502, "delete-entry"),
    (503, "get-entry-by-id"),
    (504, "get-entry-by-name"),
    (505, "get-new-volume-id"),
    (506, "replace-entry"),
    (507, "update-entry"),
    (508, "setlock"),
    (509, "releaselock"),
    (510, "list-entry"),
    (511, "list-attrib"),
    (512, "linked-list"),
    (513, "get-stats"),
    (514, "probe"),
    (515, "get-addrs"),
    (516, "change-addr"),
    (517, "create-entry-n"),
    (518, "get-entry-by-id-n"),
    (519, "get-entry-by-name-n"),
    (520, "replace-entry-n"),
    (521, "list-entry-n"),
    (522, "list-attrib-n"),
    (523, "linked-list-n"),
    (524, "update-entry-by-name"),
    (525, "create-entry-u"),
    (526, "get-entry-by-id-u"),
    (527, "get-entry-by-name-u"),
    (528, "replace-entry-u"),
    (529, "list-entry-u"),
    (530, "list-attrib-u"),
    (531, "linked-list-u"),
    (532, "regaddr"),
    (533, "get-addrs-u"),
    (534, "list-attrib-n2"),
];

const KAUTH_REQ: Tok = &[
    (1, "auth-old"),
    (21, "authenticate"),
    (22, "authenticate-v2"),
    (2, "change-pw"),
    (3, "get-ticket-old"),
    (23, "get-ticket"),
    (4, "set-pw"),
    (5, "set-fields"),
    (6, "create-user"),
    (7, "delete-user"),
    (8, "get-entry"),
    (9, "list-entry"),
    (10, "get-stats"),
    (11, "debug"),
    (12, "get-pw"),
    (13, "get-random-key"),
    (14, "unlock"),
    (15, "lock-status"),
];

const VOL_REQ: Tok = &[
    (100, "create-volume"),
    (101, "delete-volume"),
    (102, "restore"),
    (103, "forward"),
    (104, "end-trans"),
    (105, "clone"),
    (106, "set-flags"),
    (107, "get-flags"),
    (108, "trans-create"),
    (109, "dump"),
    (110, "get-nth-volume"),
    (111, "set-forwarding"),
    (112, "get-name"),
    (113, "get-status"),
    (114, "sig-restore"),
    (115, "list-partitions"),
    (116, "list-volumes"),
    (117, "set-id-types"),
    (118, "monitor"),
    (119, "partition-info"),
    (120, "reclone"),
    (121, "list-one-volume"),
    (122, "nuke"),
    (123, "set-date"),
    (124, "x-list-volumes"),
    (125, "x-list-one-volume"),
    (126, "set-info"),
    (127, "x-list-partitions"),
    (128, "forward-multiple"),
    (65536, "convert-ro"),
    (65537, "get-size"),
    (65538, "dump-v2"),
];

const BOS_REQ: Tok = &[
    (80, "create-bnode"),
    (81, "delete-bnode"),
    (82, "set-status"),
    (83, "get-status"),
    (84, "enumerate-instance"),
    (85, "get-instance-info"),
    (86, "get-instance-parm"),
    (87, "add-superuser"),
    (88, "delete-superuser"),
    (89, "list-superusers"),
    (90, "list-keys"),
    (91, "add-key"),
    (92, "delete-key"),
    (93, "set-cell-name"),
    (94, "get-cell-name"),
    (95, "get-cell-host"),
    (96, "add-cell-host"),
    (97, "delete-cell-host"),
    (98, "set-t-status"),
    (99, "shutdown-all"),
    (100, "restart-all"),
    (101, "startup-all"),
    (102, "set-noauth-flag"),
    (103, "re-bozo"),
    (104, "restart"),
    (105, "start-bozo-install"),
    (106, "uninstall"),
    (107, "get-dates"),
    (108, "exec"),
    (109, "prune"),
    (110, "set-restart-time"),
    (111, "get-restart-time"),
    (112, "start-bozo-log"),
    (113, "wait-all"),
    (114, "get-instance-strings"),
    (115, "get-restricted"),
    (116, "set-restricted"),
];

const UBIK_REQ: Tok = &[
    (10000, "vote-beacon"),
    (10001, "vote-debug-old"),
    (10002, "vote-sdebug-old"),
    (10003, "vote-getsyncsite"),
    (10004, "vote-debug"),
    (10005, "vote-sdebug"),
    (10006, "vote-xdebug"),
    (10007, "vote-xsdebug"),
    (20000, "disk-begin"),
    (20001, "disk-commit"),
    (20002, "disk-lock"),
    (20003, "disk-write"),
    (20004, "disk-getversion"),
    (20005, "disk-getfile"),
    (20006, "disk-sendfile"),
    (20007, "disk-abort"),
    (20008, "disk-releaselocks"),
    (20009, "disk-truncate"),
    (20010, "disk-probe"),
    (20011, "disk-writev"),
    (20012, "disk-interfaceaddr"),
    (20013, "disk-setversion"),
];

const RX_TYPES: Tok = &[
    (1, "data"),
    (2, "ack"),
    (3, "busy"),
    (4, "abort"),
    (5, "ackall"),
    (6, "challenge"),
    (7, "response"),
    (8, "debug"),
    (9, "params"),
    (13, "version"),
];

const AFS_FS_ERRORS: Tok = &[
    (101, "salvage volume"),
    (102, "no such vnode"),
    (103, "no such volume"),
    (104, "volume exist"),
    (105, "no service"),
    (106, "volume offline"),
    (107, "voline online"),
    (108, "diskfull"),
    (109, "diskquota exceeded"),
    (110, "volume busy"),
    (111, "volume moved"),
    (112, "AFS IO error"),
    (0xffffff9c, "restarting fileserver"),
];

const RX_ACK_REASONS: Tok = &[
    (1, "ack requested"),
    (2, "duplicate packet"),
    (3, "out of sequence"),
    (4, "exceeds window"),
    (5, "no buffer space"),
    (6, "ping"),
    (7, "ping response"),
    (8, "delay"),
    (9, "idle"),
];

/// One remembered call (`rx_cache_entry`), to name the opcode of its reply.
#[derive(Clone, Copy, Default)]
struct Entry {
    callnum: u32,
    client: u32,
    server: u32,
    dport: u16,
    service_id: u16,
    opcode: u32,
}

const RX_CACHE_SIZE: usize = 64;

/// tcpdump's `rx_cache`: the last 64 calls, searched from where the last search succeeded.
pub(crate) struct RxCache {
    entries: [Entry; RX_CACHE_SIZE],
    next: usize,
    hint: usize,
}

impl Default for RxCache {
    fn default() -> RxCache {
        RxCache {
            entries: [Entry::default(); RX_CACHE_SIZE],
            next: 0,
            hint: 0,
        }
    }
}

/// The IP header's source and destination words, read as IPv4 ones whatever the version
/// (tcpdump casts an IPv6 header to an IPv4 one here).
fn ip_words(nd: &Nd, iph: usize) -> R<(u32, u32)> {
    Ok((nd.be4(iph + 12)?, nd.be4(iph + 16)?))
}

/// `rx_cache_insert`.
fn cache_insert(nd: &mut Nd, bp: usize, iph: usize, dport: u16) -> R {
    if !nd.ttest(bp + RX_HEADER, 4) {
        return Ok(());
    }
    let (client, server) = ip_words(nd, iph)?;
    let e = Entry {
        callnum: nd.be4(bp + 8)?,
        client,
        server,
        dport,
        service_id: nd.be2(bp + 26)?,
        opcode: nd.be4(bp + RX_HEADER)?,
    };
    let c = &mut nd.st.rx;
    c.entries[c.next] = e;
    c.next = (c.next + 1) % RX_CACHE_SIZE;
    Ok(())
}

/// `rx_cache_find`: the opcode of the call this reply answers.
fn cache_find(nd: &mut Nd, bp: usize, iph: usize, sport: u16) -> R<Option<u32>> {
    let (sip, clip) = ip_words(nd, iph)?;
    let (callnum, service_id) = (nd.be4(bp + 8)?, nd.be2(bp + 26)?);
    let c = &mut nd.st.rx;
    let mut i = c.hint;
    loop {
        let e = c.entries[i];
        if e.callnum == callnum
            && e.client == clip
            && e.server == sip
            && e.service_id == service_id
            && e.dport == sport
        {
            c.hint = i;
            return Ok(Some(e.opcode));
        }
        i = (i + 1) % RX_CACHE_SIZE;
        if i == c.hint {
            return Ok(None);
        }
    }
}

/// How a service printer ended early: its own `goto trunc` (" [|svc]" and Rx goes on) or a
/// `GET_` longjmp out of everything.
enum Stop {
    Label,
    Get(Trunc),
}

impl From<Trunc> for Stop {
    fn from(t: Trunc) -> Stop {
        Stop::Get(t)
    }
}

type S<T = ()> = Result<T, Stop>;

/// A read position in the call's arguments, with tcpdump's grody output macros.
struct Args {
    bp: usize,
}

impl Args {
    /// `ND_TCHECK_LEN` to the function's `trunc:` label.
    fn check(&self, nd: &Nd, len: usize) -> S {
        if nd.ttest(self.bp, len) {
            Ok(())
        } else {
            Err(Stop::Label)
        }
    }

    fn u32(&mut self, nd: &Nd) -> R<u32> {
        let v = nd.be4(self.bp)?;
        self.bp += 4;
        Ok(v)
    }

    /// `FIDOUT`.
    fn fid(&mut self, nd: &mut Nd) -> S {
        self.check(nd, 12)?;
        let (a, b, c) = (self.u32(nd)?, self.u32(nd)?, self.u32(nd)?);
        nd.s(b" fid ");
        nd.u(a as u64);
        nd.s(b"/");
        nd.u(b as u64);
        nd.s(b"/");
        nd.u(c as u64);
        Ok(())
    }

    /// `STROUT(max)`.
    fn str(&mut self, nd: &mut Nd, max: u32) -> S {
        let n = nd.be4(self.bp)?;
        if n > max {
            return Err(Stop::Label);
        }
        self.bp += 4;
        nd.s(b" \"");
        if nd.printn(self.bp, n as usize, Some(nd.snapend))? {
            return Err(Stop::Label);
        }
        nd.s(b"\"");
        self.bp += (n as usize).next_multiple_of(4);
        Ok(())
    }

    /// `INTOUT`.
    fn int(&mut self, nd: &mut Nd) -> R {
        let v = self.u32(nd)? as i32;
        nd.s(b" ");
        if v < 0 {
            nd.s(b"-");
        }
        nd.u(v.unsigned_abs() as u64);
        Ok(())
    }

    /// `UINTOUT`.
    fn uint(&mut self, nd: &mut Nd) -> R {
        let v = self.u32(nd)?;
        nd.s(b" ");
        nd.u(v as u64);
        Ok(())
    }

    /// `UINT64OUT`.
    fn uint64(&mut self, nd: &mut Nd) -> R {
        let hi = nd.be4(self.bp)? as u64;
        let lo = nd.be4(self.bp + 4)? as u64;
        self.bp += 8;
        nd.s(b" ");
        nd.u(hi << 32 | lo);
        Ok(())
    }

    /// `DATEOUT`: a signed 32-bit time in local time, "%Y/%m/%d %H:%M:%S".
    fn date(&mut self, nd: &mut Nd) -> R {
        let t = self.u32(nd)? as i32 as i64;
        nd.s(b" ");
        ts::datetime(nd.out, ts::local(t), b'/');
        Ok(())
    }

    /// `STOREATTROUT`.
    fn storeattr(&mut self, nd: &mut Nd) -> S {
        self.check(nd, 24)?;
        let mask = self.u32(nd)?;
        if mask != 0 {
            nd.s(b" StoreStatus");
        }
        if mask & 1 != 0 {
            nd.s(b" date");
            self.date(nd)?;
        } else {
            self.bp += 4;
        }
        let owner = self.u32(nd)?;
        if mask & 2 != 0 {
            nd.s(b" owner ");
            nd.u(owner as u64);
        }
        let group = self.u32(nd)?;
        if mask & 4 != 0 {
            nd.s(b" group ");
            nd.u(group as u64);
        }
        let mode = self.u32(nd)?;
        if mask & 8 != 0 {
            nd.s(b" mode ");
            octal(nd, mode & 0o7777);
        }
        let segsize = self.u32(nd)?;
        if mask & 16 != 0 {
            nd.s(b" segsize ");
            nd.u(segsize as u64);
        }
        // Undocumented in the 3.3 documentation.
        if mask & 1024 != 0 {
            nd.s(b" fsync");
        }
        Ok(())
    }

    /// `UBIK_VERSIONOUT`.
    fn ubik_version(&mut self, nd: &mut Nd) -> S {
        self.check(nd, 8)?;
        let (epoch, counter) = (self.u32(nd)?, self.u32(nd)?);
        nd.s(b" ");
        nd.u(epoch as u64);
        nd.s(b".");
        nd.u(counter as u64);
        Ok(())
    }

    /// `AFSUUIDOUT`.
    fn afsuuid(&mut self, nd: &mut Nd) -> S {
        self.check(nd, 44)?;
        let a = self.u32(nd)?;
        nd.s(b" ");
        nd.x0(a as u64, 8);
        for _ in 0..2 {
            let v = self.u32(nd)?;
            nd.x0(v as u64, 4);
        }
        for _ in 0..8 {
            let v = self.u32(nd)?;
            nd.x0((v & 0xff) as u64, 2);
        }
        Ok(())
    }

    /// `VECOUT(max)`: `max` words, each one character, NUL-terminated.
    fn vec(&mut self, nd: &mut Nd, max: usize) -> S {
        self.check(nd, max * 4)?;
        let mut s = Vec::with_capacity(max);
        for _ in 0..max {
            s.push(self.u32(nd)? as u8);
        }
        nd.s(b" \"");
        for &c in s.iter().take_while(|&&c| c != 0) {
            nd.print_char(c);
        }
        nd.s(b"\"");
        Ok(())
    }

    /// `DESTSERVEROUT`.
    fn destserver(&mut self, nd: &mut Nd) -> S {
        self.check(nd, 12)?;
        let (a, b, c) = (self.u32(nd)?, self.u32(nd)?, self.u32(nd)?);
        nd.s(b" server ");
        nd.u(a as u64);
        nd.s(b":");
        nd.u(b as u64);
        nd.s(b":");
        nd.u(c as u64);
        Ok(())
    }

    /// A count, then that many FIDs (or destination servers) separated by ",", or
    /// " <none!>".
    fn list(&mut self, nd: &mut Nd, item: fn(&mut Args, &mut Nd) -> S) -> S {
        let j = self.u32(nd)?;
        for i in 0..j {
            item(self, nd)?;
            if i != j - 1 {
                nd.s(b",");
            }
        }
        if j == 0 {
            nd.s(b" <none!>");
        }
        Ok(())
    }

    /// A count, then that many signed ints, or " <none!>".
    fn ints(&mut self, nd: &mut Nd) -> S {
        let j = self.u32(nd)?;
        for _ in 0..j {
            self.int(nd)?;
        }
        if j == 0 {
            nd.s(b" <none!>");
        }
        Ok(())
    }

    /// A count, then that many `VECOUT(PRNAMEMAX)` names, or " <none!>".
    fn names(&mut self, nd: &mut Nd) -> S {
        let j = self.u32(nd)?;
        for _ in 0..j {
            self.vec(nd, PRNAMEMAX)?;
        }
        if j == 0 {
            nd.s(b" <none!>");
        }
        Ok(())
    }

    /// An ACL as text (`acl_print` over at most AFSOPAQUEMAX bytes, up to a NUL).
    fn acl(&mut self, nd: &mut Nd) -> S {
        let i = self.u32(nd)? as usize;
        self.check(nd, i)?;
        let i = i.min(AFSOPAQUEMAX);
        let raw = &nd.b[self.bp..self.bp + i];
        let text = &raw[..raw.iter().position(|&c| c == 0).unwrap_or(i)];
        acl_print(nd, text);
        Ok(())
    }
}

/// `%o`.
fn octal(nd: &mut Nd, v: u32) {
    let mut digits = [0u8; 11];
    let mut n = 0;
    let mut v = v;
    loop {
        digits[n] = b'0' + (v & 7) as u8;
        n += 1;
        v >>= 3;
        if v == 0 {
            break;
        }
    }
    digits[..n].reverse();
    nd.s(&digits[..n]);
}

/// `sscanf`'s view of the ACL text: white space, `%d`, `%Ns`.
struct Scan<'a> {
    s: &'a [u8],
    at: usize,
}

impl Scan<'_> {
    fn space(&mut self) {
        while self.at < self.s.len()
            && matches!(self.s[self.at], b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
        {
            self.at += 1;
        }
    }

    /// `%d`: strtol's digits, the long clamped, the int its low 32 bits.
    fn int(&mut self) -> Option<i32> {
        self.space();
        let mut i = self.at;
        let neg = i < self.s.len() && self.s[i] == b'-';
        if i < self.s.len() && (self.s[i] == b'-' || self.s[i] == b'+') {
            i += 1;
        }
        let start = i;
        let mut v: i128 = 0;
        while i < self.s.len() && self.s[i].is_ascii_digit() {
            v = (v * 10 + (self.s[i] - b'0') as i128).min(1 << 64);
            i += 1;
        }
        if i == start {
            return None;
        }
        self.at = i;
        let v = if neg { -v } else { v };
        Some(v.clamp(i64::MIN as i128, i64::MAX as i128) as i64 as i32)
    }

    /// `%Ns`: up to `max` bytes that are not white space.
    fn word(&mut self, max: usize) -> Option<&[u8]> {
        self.space();
        let start = self.at;
        while self.at < self.s.len()
            && self.at - start < max
            && !matches!(self.s[self.at], b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
        {
            self.at += 1;
        }
        if self.at == start {
            None
        } else {
            Some(&self.s[start..self.at])
        }
    }
}

/// `acl_print`: "POS NEG\n" then POS positive and NEG negative "USER RIGHTS\n" entries,
/// each printed " +{user rlidwka}" or " -{...}" in the order the fs command uses.
fn acl_print(nd: &mut Nd, s: &[u8]) {
    let mut sc = Scan { s, at: 0 };
    let (Some(pos), Some(neg)) = (sc.int(), sc.int()) else {
        return;
    };
    sc.space();
    for (count, sign) in [(pos, b" +{"), (neg, b" -{")] {
        for _ in 0..count.max(0) {
            let Some(user) = sc.word(USERNAMEMAX) else {
                return;
            };
            let user = user.to_vec();
            let Some(acl) = sc.int() else {
                return;
            };
            sc.space();
            nd.s(sign);
            for &c in &user {
                nd.print_char(c);
            }
            nd.s(b" ");
            for (bit, l) in [
                (1, b"r"),
                (8, b"l"),
                (4, b"i"),
                (16, b"d"),
                (2, b"w"),
                (32, b"k"),
                (64, b"a"),
            ] {
                if acl & bit != 0 {
                    nd.s(l);
                }
            }
            nd.s(b"}");
        }
    }
}

/// `tok2str(t, "op#%u", v)`.
fn op_name(nd: &mut Nd, t: Tok, v: u32) {
    match tok::name(t, v) {
        Some(n) => nd.st(n),
        None => {
            nd.s(b"op#");
            nd.u(v as u64);
        }
    }
}

/// Runs a service printer: its own truncation prints " [|svc]" and Rx goes on.
fn service(nd: &mut Nd, label: &[u8], f: impl FnOnce(&mut Nd) -> S) -> R {
    match f(nd) {
        Ok(()) => Ok(()),
        Err(Stop::Label) => {
            nd.s(label);
            Ok(())
        }
        Err(Stop::Get(t)) => Err(t),
    }
}

fn is_ubik(op: u32) -> bool {
    (10000..=10007).contains(&op) || (20000..=20013).contains(&op)
}

/// The reply's packet type and its arguments' start.
fn reply_start(nd: &Nd, bp: usize) -> R<(u8, Args)> {
    Ok((nd.u1(bp + 20)?, Args { bp: bp + RX_HEADER }))
}

/// " errcode N" of an abort.
fn errcode(nd: &mut Nd, a: &mut Args) -> R {
    nd.s(b" errcode");
    a.int(nd)
}

/// `fs_print`.
fn fs_print(nd: &mut Nd, bp: usize, length: usize) -> S {
    if length <= RX_HEADER {
        return Ok(());
    }
    let op = nd.be4(bp + RX_HEADER)?;
    nd.s(b" fs call ");
    op_name(nd, FS_REQ, op);
    let mut a = Args {
        bp: bp + RX_HEADER + 4,
    };
    match op {
        130 => {
            a.fid(nd)?;
            nd.s(b" offset");
            a.uint(nd)?;
            nd.s(b" length");
            a.uint(nd)?;
        }
        131 | 132 | 143 | 144 | 145 | 156 | 157 | 158 => a.fid(nd)?,
        135 => {
            a.fid(nd)?;
            a.storeattr(nd)?;
        }
        133 => {
            a.fid(nd)?;
            a.storeattr(nd)?;
            for l in [b" offset".as_slice(), b" length", b" flen"] {
                nd.s(l);
                a.uint(nd)?;
            }
        }
        134 => {
            a.fid(nd)?;
            a.acl(nd)?;
        }
        137 | 141 => {
            a.fid(nd)?;
            a.str(nd, AFSNAMEMAX)?;
            a.storeattr(nd)?;
        }
        136 | 142 => {
            a.fid(nd)?;
            a.str(nd, AFSNAMEMAX)?;
        }
        138 => {
            nd.s(b" old");
            a.fid(nd)?;
            a.str(nd, AFSNAMEMAX)?;
            nd.s(b" new");
            a.fid(nd)?;
            a.str(nd, AFSNAMEMAX)?;
        }
        139 => {
            a.fid(nd)?;
            a.str(nd, AFSNAMEMAX)?;
            nd.s(b" link to");
            a.str(nd, AFSNAMEMAX)?;
        }
        140 => {
            a.fid(nd)?;
            a.str(nd, AFSNAMEMAX)?;
            nd.s(b" link to");
            a.fid(nd)?;
        }
        148 => a.str(nd, AFSNAMEMAX)?,
        149 | 150 => {
            nd.s(b" volid");
            a.uint(nd)?;
        }
        154 => {
            nd.s(b" volname");
            a.str(nd, AFSNAMEMAX)?;
        }
        155 | 65536 => a.list(nd, Args::fid)?,
        65537 => {
            a.fid(nd)?;
            nd.s(b" offset");
            a.uint64(nd)?;
            nd.s(b" length");
            a.uint64(nd)?;
        }
        65538 => {
            a.fid(nd)?;
            a.storeattr(nd)?;
            for l in [b" offset".as_slice(), b" length", b" flen"] {
                nd.s(l);
                a.uint64(nd)?;
            }
        }
        65541 => {
            nd.s(b" addr");
            a.uint(nd)?;
        }
        _ => {}
    }
    Ok(())
}

/// `fs_reply_print`.
fn fs_reply_print(nd: &mut Nd, bp: usize, length: usize, op: u32) -> S {
    if length <= RX_HEADER {
        return Ok(());
    }
    nd.s(b" fs reply ");
    op_name(nd, FS_REQ, op);
    let (typ, mut a) = reply_start(nd, bp)?;
    if typ == DATA {
        match op {
            131 => a.acl(nd)?,
            137 | 141 => {
                nd.s(b" new");
                a.fid(nd)?;
            }
            151 => {
                nd.s(b" root volume");
                a.str(nd, AFSNAMEMAX)?;
            }
            153 => a.date(nd)?,
            _ => {}
        }
    } else if typ == ABORT {
        let e = a.u32(nd)?;
        nd.s(b" error ");
        match tok::name(AFS_FS_ERRORS, e) {
            Some(n) => nd.st(n),
            None => {
                nd.s(b"#");
                let e = e as i32;
                if e < 0 {
                    nd.s(b"-");
                }
                nd.u(e.unsigned_abs() as u64);
            }
        }
    } else {
        nd.s(b" strange fs reply of type ");
        nd.u(typ as u64);
    }
    Ok(())
}

/// `cb_print`.
fn cb_print(nd: &mut Nd, bp: usize, length: usize) -> S {
    if length <= RX_HEADER {
        return Ok(());
    }
    let op = nd.be4(bp + RX_HEADER)?;
    nd.s(b" cb call ");
    op_name(nd, CB_REQ, op);
    let mut a = Args {
        bp: bp + RX_HEADER + 4,
    };
    match op {
        204 => {
            a.list(nd, Args::fid)?;
            let j = a.u32(nd)?;
            if j != 0 {
                nd.s(b";");
            }
            for _ in 0..j {
                nd.s(b" ver");
                a.int(nd)?;
                nd.s(b" expires");
                a.date(nd)?;
                // tcpdump looks the callback type up in cb_types and prints nothing.
                a.u32(nd)?;
            }
        }
        214 => {
            nd.s(b" afsuuid");
            a.afsuuid(nd)?;
        }
        _ => {}
    }
    Ok(())
}

/// `cb_reply_print`.
fn cb_reply_print(nd: &mut Nd, bp: usize, length: usize, op: u32) -> S {
    if length <= RX_HEADER {
        return Ok(());
    }
    nd.s(b" cb reply ");
    op_name(nd, CB_REQ, op);
    let (typ, mut a) = reply_start(nd, bp)?;
    if typ == DATA {
        if op == 213 {
            a.afsuuid(nd)?;
        }
    } else {
        errcode(nd, &mut a)?;
    }
    Ok(())
}

/// `prot_print`.
fn prot_print(nd: &mut Nd, bp: usize, length: usize) -> R {
    if length <= RX_HEADER {
        return Ok(());
    }
    let op = nd.be4(bp + RX_HEADER)?;
    nd.s(b" pt");
    if is_ubik(op) {
        return service(nd, b" [|ubik]", |nd| ubik_print(nd, bp));
    }
    service(nd, b" [|pt]", |nd| {
        nd.s(b" call ");
        op_name(nd, PT_REQ, op);
        let mut a = Args {
            bp: bp + RX_HEADER + 4,
        };
        match op {
            500 => {
                a.str(nd, PRNAMEMAX as u32)?;
                nd.s(b" id");
                a.int(nd)?;
                nd.s(b" oldid");
                a.int(nd)?;
            }
            501 | 506 | 508 | 512 | 514 | 517 | 518 | 519 | 530 => {
                nd.s(b" id");
                a.int(nd)?;
            }
            502 => {
                nd.s(b" pos");
                a.int(nd)?;
            }
            503 | 507 | 515 => {
                nd.s(b" uid");
                a.int(nd)?;
                nd.s(b" gid");
                a.int(nd)?;
            }
            504 => a.names(nd)?,
            505 => {
                nd.s(b" ids:");
                a.ints(nd)?;
            }
            509 => {
                a.str(nd, PRNAMEMAX as u32)?;
                nd.s(b" flag");
                a.int(nd)?;
                nd.s(b" oid");
                a.int(nd)?;
            }
            511 => {
                nd.s(b" id");
                a.int(nd)?;
                nd.s(b" gflag");
                a.int(nd)?;
            }
            513 => {
                nd.s(b" id");
                a.int(nd)?;
                a.str(nd, PRNAMEMAX as u32)?;
                nd.s(b" oldid");
                a.int(nd)?;
                nd.s(b" newid");
                a.int(nd)?;
            }
            520 => {
                nd.s(b" id");
                a.int(nd)?;
                a.str(nd, PRNAMEMAX as u32)?;
            }
            _ => {}
        }
        Ok(())
    })
}

/// `prot_reply_print`.
fn prot_reply_print(nd: &mut Nd, bp: usize, length: usize, op: u32) -> R {
    if length < RX_HEADER {
        return Ok(());
    }
    nd.s(b" pt");
    if is_ubik(op) {
        return service(nd, b" [|ubik]", |nd| ubik_reply_print(nd, bp, length, op));
    }
    service(nd, b" [|pt]", |nd| {
        nd.s(b" reply ");
        op_name(nd, PT_REQ, op);
        let (typ, mut a) = reply_start(nd, bp)?;
        if typ == DATA {
            match op {
                504 => {
                    nd.s(b" ids:");
                    a.ints(nd)?;
                }
                505 => a.names(nd)?,
                508 | 514 | 517 | 518 | 519 => a.ints(nd)?,
                510 => {
                    nd.s(b" maxuid");
                    a.int(nd)?;
                    nd.s(b" maxgid");
                    a.int(nd)?;
                }
                _ => {}
            }
        } else {
            errcode(nd, &mut a)?;
        }
        Ok(())
    })
}

/// " type read-write|read-only|backup" of a volume type word (others print nothing).
fn voltype(nd: &mut Nd, a: &mut Args) -> R {
    let i = a.u32(nd)?;
    if let Some(t) = VOLTYPE.get(i as usize) {
        nd.s(b" type ");
        nd.st(t);
    }
    Ok(())
}

/// `vldb_print`.
fn vldb_print(nd: &mut Nd, bp: usize, length: usize) -> R {
    if length <= RX_HEADER {
        return Ok(());
    }
    let op = nd.be4(bp + RX_HEADER)?;
    nd.s(b" vldb");
    if is_ubik(op) {
        return service(nd, b" [|ubik]", |nd| ubik_print(nd, bp));
    }
    service(nd, b" [|vldb]", |nd| {
        nd.s(b" call ");
        op_name(nd, VLDB_REQ, op);
        let mut a = Args {
            bp: bp + RX_HEADER + 4,
        };
        match op {
            501 | 517 => a.vec(nd, VLNAMEMAX)?,
            502 | 503 | 507 | 508 | 509 | 518 => {
                nd.s(b" volid");
                a.int(nd)?;
                voltype(nd, &mut a)?;
            }
            504 | 519 | 524 | 527 => a.str(nd, VLNAMEMAX as u32)?,
            505 => {
                nd.s(b" bump");
                a.int(nd)?;
            }
            506 | 520 => {
                nd.s(b" volid");
                a.int(nd)?;
                voltype(nd, &mut a)?;
                a.vec(nd, VLNAMEMAX)?;
            }
            510 | 521 => {
                nd.s(b" index");
                a.int(nd)?;
            }
            _ => {}
        }
        Ok(())
    })
}

/// The partitions of `n` server slots: a letter for 0..=26 ('a' + n), else the number,
/// for the servers in use only.
fn partitions(nd: &mut Nd, a: &mut Args, slots: u32, nservers: u32) -> R {
    nd.s(b" partitions");
    for i in 0..slots {
        let j = a.u32(nd)?;
        if i < nservers && j <= 26 {
            nd.s(b" ");
            nd.out.push(b'a' + j as u8);
        } else if i < nservers {
            nd.s(b" ");
            nd.u(j as u64);
        }
    }
    Ok(())
}

/// A VLDB entry (the name, the servers as addresses or UUIDs, partitions, volume ids).
fn vldb_entry(nd: &mut Nd, a: &mut Args, slots: u32, uuids: bool, skip_word: bool) -> S {
    a.vec(nd, VLNAMEMAX)?;
    if skip_word {
        a.check(nd, 4)?;
        a.bp += 4;
    }
    nd.s(b" numservers");
    let nservers = a.u32(nd)?;
    nd.s(b" ");
    nd.u(nservers as u64);
    nd.s(b" servers");
    for i in 0..slots {
        if uuids {
            if i < nservers {
                nd.s(b" afsuuid");
                a.afsuuid(nd)?;
            } else {
                a.check(nd, 44)?;
                a.bp += 44;
            }
        } else {
            a.check(nd, 4)?;
            if i < nservers {
                nd.s(b" ");
                nd.ip4(a.bp)?;
            }
            a.bp += 4;
        }
    }
    if uuids {
        a.check(nd, 4 * 13)?;
        a.bp += 4 * 13;
    }
    partitions(nd, a, slots, nservers)?;
    a.check(nd, slots as usize * 4)?;
    a.bp += slots as usize * 4;
    for l in [b" rwvol".as_slice(), b" rovol", b" backup"] {
        nd.s(l);
        a.uint(nd)?;
    }
    Ok(())
}

/// `vldb_reply_print`.
fn vldb_reply_print(nd: &mut Nd, bp: usize, length: usize, op: u32) -> R {
    if length < RX_HEADER {
        return Ok(());
    }
    nd.s(b" vldb");
    if is_ubik(op) {
        return service(nd, b" [|ubik]", |nd| ubik_reply_print(nd, bp, length, op));
    }
    service(nd, b" [|vldb]", |nd| {
        nd.s(b" reply ");
        op_name(nd, VLDB_REQ, op);
        let (typ, mut a) = reply_start(nd, bp)?;
        if typ != DATA {
            errcode(nd, &mut a)?;
            return Ok(());
        }
        let count = |nd: &mut Nd, a: &mut Args| -> R {
            nd.s(b" count");
            a.int(nd)?;
            nd.s(b" nextindex");
            a.int(nd)
        };
        match op {
            510 => {
                count(nd, &mut a)?;
                vldb_entry(nd, &mut a, 8, false, true)?;
            }
            503 | 504 => vldb_entry(nd, &mut a, 8, false, true)?,
            505 => {
                nd.s(b" newvol");
                a.uint(nd)?;
            }
            521 | 529 => {
                count(nd, &mut a)?;
                vldb_entry(nd, &mut a, 13, false, false)?;
            }
            518 | 519 => vldb_entry(nd, &mut a, 13, false, false)?,
            526 | 527 => vldb_entry(nd, &mut a, 13, true, false)?,
            _ => {}
        }
        Ok(())
    })
}

/// `kauth_print`.
fn kauth_print(nd: &mut Nd, bp: usize, length: usize) -> R {
    if length <= RX_HEADER {
        return Ok(());
    }
    let op = nd.be4(bp + RX_HEADER)?;
    nd.s(b" kauth");
    if is_ubik(op) {
        return service(nd, b" [|ubik]", |nd| ubik_print(nd, bp));
    }
    service(nd, b" [|kauth]", |nd| {
        nd.s(b" call ");
        op_name(nd, KAUTH_REQ, op);
        let mut a = Args {
            bp: bp + RX_HEADER + 4,
        };
        match op {
            1 | 21 | 22 | 2 | 5 | 6 | 7 | 8 | 14 | 15 => {
                nd.s(b" principal");
                a.str(nd, KANAMEMAX)?;
                a.str(nd, KANAMEMAX)?;
            }
            3 | 23 => {
                nd.s(b" kvno");
                a.int(nd)?;
                nd.s(b" domain");
                a.str(nd, KANAMEMAX)?;
                let i = a.u32(nd)? as usize;
                a.check(nd, i)?;
                a.bp += i;
                nd.s(b" principal");
                a.str(nd, KANAMEMAX)?;
                a.str(nd, KANAMEMAX)?;
            }
            4 => {
                nd.s(b" principal");
                a.str(nd, KANAMEMAX)?;
                a.str(nd, KANAMEMAX)?;
                nd.s(b" kvno");
                a.int(nd)?;
            }
            12 => {
                nd.s(b" name");
                a.str(nd, KANAMEMAX)?;
            }
            _ => {}
        }
        Ok(())
    })
}

/// `kauth_reply_print`.
fn kauth_reply_print(nd: &mut Nd, bp: usize, length: usize, op: u32) -> R {
    if length <= RX_HEADER {
        return Ok(());
    }
    nd.s(b" kauth");
    if is_ubik(op) {
        return service(nd, b" [|ubik]", |nd| ubik_reply_print(nd, bp, length, op));
    }
    plain_reply(nd, bp, length, op, b" reply ", KAUTH_REQ)
}

/// The rest of `kauth_reply_print`, and `bos_reply_print`: the opcode, and an abort's error
/// code.
fn plain_reply(nd: &mut Nd, bp: usize, length: usize, op: u32, name: &[u8], t: Tok) -> R {
    if length <= RX_HEADER {
        return Ok(());
    }
    nd.s(name);
    op_name(nd, t, op);
    let (typ, mut a) = reply_start(nd, bp)?;
    if typ != DATA {
        errcode(nd, &mut a)?;
    }
    Ok(())
}

/// `vol_print`.
fn vol_print(nd: &mut Nd, bp: usize, length: usize) -> S {
    if length <= RX_HEADER {
        return Ok(());
    }
    let op = nd.be4(bp + RX_HEADER)?;
    nd.s(b" vol call ");
    op_name(nd, VOL_REQ, op);
    let mut a = Args {
        bp: bp + RX_HEADER + 4,
    };
    let uints = |nd: &mut Nd, a: &mut Args, labels: &[&[u8]]| -> R {
        for l in labels {
            nd.s(l);
            a.uint(nd)?;
        }
        Ok(())
    };
    match op {
        100 => {
            uints(nd, &mut a, &[b" partition"])?;
            nd.s(b" name");
            a.str(nd, AFSNAMEMAX)?;
            uints(nd, &mut a, &[b" type", b" parent"])?;
        }
        101 | 107 | 104 => uints(nd, &mut a, &[b" trans"])?,
        102 => uints(nd, &mut a, &[b" totrans", b" flags"])?,
        103 => {
            uints(nd, &mut a, &[b" fromtrans"])?;
            nd.s(b" fromdate");
            a.date(nd)?;
            a.destserver(nd)?;
            nd.s(b" desttrans");
            a.int(nd)?;
        }
        105 => {
            uints(nd, &mut a, &[b" trans", b" purgevol", b" newtype"])?;
            nd.s(b" newname");
            a.str(nd, AFSNAMEMAX)?;
        }
        106 => uints(nd, &mut a, &[b" trans", b" flags"])?,
        108 => uints(nd, &mut a, &[b" vol", b" partition", b" flags"])?,
        109 | 655537 => {
            uints(nd, &mut a, &[b" fromtrans"])?;
            nd.s(b" fromdate");
            a.date(nd)?;
        }
        110 => uints(nd, &mut a, &[b" index"])?,
        111 => uints(nd, &mut a, &[b" tid", b" newsite"])?,
        112 | 113 => nd.s(b" tid"),
        114 => {
            nd.s(b" name");
            a.str(nd, AFSNAMEMAX)?;
            uints(nd, &mut a, &[b" type", b" pid", b" cloneid"])?;
        }
        116 => uints(nd, &mut a, &[b" partition", b" flags"])?,
        117 => {
            uints(nd, &mut a, &[b" tid"])?;
            nd.s(b" name");
            a.str(nd, AFSNAMEMAX)?;
            uints(nd, &mut a, &[b" type", b" pid", b" clone", b" backup"])?;
        }
        119 => {
            nd.s(b" name");
            a.str(nd, AFSNAMEMAX)?;
        }
        120 | 126 => uints(nd, &mut a, &[b" tid"])?,
        121 | 122 | 124 | 125 | 65536 => uints(nd, &mut a, &[b" partid", b" volid"])?,
        123 => {
            uints(nd, &mut a, &[b" tid"])?;
            nd.s(b" date");
            a.date(nd)?;
        }
        128 => {
            uints(nd, &mut a, &[b" fromtrans"])?;
            nd.s(b" fromdate");
            a.date(nd)?;
            a.list(nd, Args::destserver)?;
        }
        65538 => {
            uints(nd, &mut a, &[b" fromtrans"])?;
            nd.s(b" fromdate");
            a.date(nd)?;
            uints(nd, &mut a, &[b" flags"])?;
        }
        _ => {}
    }
    Ok(())
}

/// `vol_reply_print`.
fn vol_reply_print(nd: &mut Nd, bp: usize, length: usize, op: u32) -> S {
    if length <= RX_HEADER {
        return Ok(());
    }
    nd.s(b" vol reply ");
    op_name(nd, VOL_REQ, op);
    let (typ, mut a) = reply_start(nd, bp)?;
    if typ != DATA {
        errcode(nd, &mut a)?;
        return Ok(());
    }
    let uints = |nd: &mut Nd, a: &mut Args, labels: &[&[u8]]| -> R {
        for l in labels {
            nd.s(l);
            a.uint(nd)?;
        }
        Ok(())
    };
    match op {
        100 => uints(nd, &mut a, &[b" volid", b" trans"])?,
        104 | 107 => uints(nd, &mut a, &[b""])?,
        105 => uints(nd, &mut a, &[b" newvol"])?,
        108 => uints(nd, &mut a, &[b" trans"])?,
        110 => uints(nd, &mut a, &[b" volume", b" partition"])?,
        112 => a.str(nd, AFSNAMEMAX)?,
        113 => {
            uints(
                nd,
                &mut a,
                &[
                    b" volid",
                    b" nextuniq",
                    b" type",
                    b" parentid",
                    b" clone",
                    b" backup",
                    b" restore",
                    b" maxquota",
                    b" minquota",
                    b" owner",
                ],
            )?;
            for l in [
                b" create".as_slice(),
                b" access",
                b" update",
                b" expire",
                b" backup",
                b" copy",
            ] {
                nd.s(l);
                a.date(nd)?;
            }
        }
        116 | 121 => {
            let j = a.u32(nd)?;
            for i in 0..j {
                nd.s(b" name");
                a.vec(nd, 32)?;
                uints(nd, &mut a, &[b" volid"])?;
                nd.s(b" type");
                a.bp += 4 * 21;
                if i != j - 1 {
                    nd.s(b",");
                }
            }
            if j == 0 {
                nd.s(b" <none!>");
            }
        }
        _ => {}
    }
    Ok(())
}

/// `bos_print`.
fn bos_print(nd: &mut Nd, bp: usize, length: usize) -> S {
    if length <= RX_HEADER {
        return Ok(());
    }
    let op = nd.be4(bp + RX_HEADER)?;
    nd.s(b" bos call ");
    op_name(nd, BOS_REQ, op);
    let mut a = Args {
        bp: bp + RX_HEADER + 4,
    };
    match op {
        80 => {
            nd.s(b" type");
            a.str(nd, BOSNAMEMAX)?;
            nd.s(b" instance");
            a.str(nd, BOSNAMEMAX)?;
        }
        81 | 83 | 85 | 87 | 88 | 93 | 96 | 97 | 104 | 106 | 108 | 112 | 114 => {
            a.str(nd, BOSNAMEMAX)?
        }
        82 | 98 => {
            a.str(nd, BOSNAMEMAX)?;
            nd.s(b" status");
            a.int(nd)?;
        }
        86 => {
            a.str(nd, BOSNAMEMAX)?;
            nd.s(b" num");
            a.int(nd)?;
        }
        84 | 89 | 90 | 91 | 92 | 95 => a.int(nd)?,
        105 => {
            a.str(nd, BOSNAMEMAX)?;
            for l in [b" size".as_slice(), b" flags", b" date"] {
                nd.s(l);
                a.int(nd)?;
            }
        }
        _ => {}
    }
    Ok(())
}

/// `ubik_print` (its callers have checked the opcode is there).
fn ubik_print(nd: &mut Nd, bp: usize) -> S {
    let op = nd.be4(bp + RX_HEADER)?;
    nd.s(b" ubik call ");
    op_name(nd, UBIK_REQ, op);
    let mut a = Args {
        bp: bp + RX_HEADER + 4,
    };
    let ints = |nd: &mut Nd, a: &mut Args, labels: &[&[u8]]| -> R {
        for l in labels {
            nd.s(l);
            a.int(nd)?;
        }
        Ok(())
    };
    match op {
        10000 => {
            let temp = a.u32(nd)?;
            nd.s(if temp != 0 {
                b" syncsite yes"
            } else {
                b" syncsite no"
            });
            nd.s(b" votestart");
            a.date(nd)?;
            nd.s(b" dbversion");
            a.ubik_version(nd)?;
            nd.s(b" tid");
            a.ubik_version(nd)?;
        }
        10003 => {
            nd.s(b" site");
            a.uint(nd)?;
        }
        20000 | 20001 | 20007 | 20008 | 20010 => {
            nd.s(b" tid");
            a.ubik_version(nd)?;
        }
        20002 => {
            nd.s(b" tid");
            a.ubik_version(nd)?;
            ints(nd, &mut a, &[b" file", b" pos", b" length"])?;
            // tcpdump looks the lock type up in ubik_lock_types and prints nothing.
            a.u32(nd)?;
        }
        20003 => {
            nd.s(b" tid");
            a.ubik_version(nd)?;
            ints(nd, &mut a, &[b" file", b" pos"])?;
        }
        20005 => ints(nd, &mut a, &[b" file"])?,
        20006 => {
            ints(nd, &mut a, &[b" file", b" length"])?;
            nd.s(b" dbversion");
            a.ubik_version(nd)?;
        }
        20009 => {
            nd.s(b" tid");
            a.ubik_version(nd)?;
            ints(nd, &mut a, &[b" file", b" length"])?;
        }
        20012 => {
            for l in [b" tid".as_slice(), b" oldversion", b" newversion"] {
                nd.s(l);
                a.ubik_version(nd)?;
            }
        }
        _ => {}
    }
    Ok(())
}

/// `ubik_reply_print`.
fn ubik_reply_print(nd: &mut Nd, bp: usize, length: usize, op: u32) -> S {
    if length < RX_HEADER {
        return Ok(());
    }
    nd.s(b" ubik reply ");
    op_name(nd, UBIK_REQ, op);
    let (typ, mut a) = reply_start(nd, bp)?;
    if typ == DATA {
        match op {
            10000 => nd.s(b" vote no"),
            20004 => {
                nd.s(b" dbversion");
                a.ubik_version(nd)?;
            }
            _ => {}
        }
    } else if op == 10000 {
        nd.s(b" vote yes until");
        a.date(nd)?;
    } else {
        errcode(nd, &mut a)?;
    }
    Ok(())
}

/// The acked (or nacked) packets as ranges: " acked 1-3,5".
fn ack_ranges(nd: &mut Nd, acks: &[u8], first: u32, want: u8, label: &[u8]) {
    let (mut start, mut last): (i64, i64) = (-2, -2);
    let n = acks.len() as i64;
    let num = |i: i64| first.wrapping_add(i as u32) as u64;
    for i in 0..n {
        if acks[i as usize] == want {
            if last == -2 {
                nd.s(label);
                nd.u(num(i));
                start = i;
            } else if last != i - 1 {
                nd.s(b",");
                nd.u(num(i));
                start = i;
            }
            last = i;
        } else if last == i - 1 && start != last {
            nd.s(b"-");
            nd.u(num(i - 1));
        }
    }
    if last == n - 1 && start != last {
        nd.s(b"-");
        nd.u(num(n - 1));
    }
}

/// `rx_ack_print`.
fn rx_ack_print(nd: &mut Nd, bp: usize, length: usize) -> S {
    if length < RX_HEADER {
        return Ok(());
    }
    let ap = bp + RX_HEADER;
    let mut a = Args { bp: ap };
    a.check(nd, 18)?;
    if nd.vflag > 2 {
        let (space, skew) = (nd.be2(ap)?, nd.be2(ap + 2)?);
        nd.s(b" bufspace ");
        nd.u(space as u64);
        nd.s(b" maxskew ");
        nd.u(skew as u64);
    }
    let first = nd.be4(ap + 4)?;
    let (serial, reason) = (nd.be4(ap + 12)?, nd.u1(ap + 16)?);
    nd.s(b" first ");
    nd.u(first as u64);
    nd.s(b" serial ");
    nd.u(serial as u64);
    nd.s(b" reason ");
    match tok::name(RX_ACK_REASONS, reason as u32) {
        Some(n) => nd.st(n),
        None => {
            nd.s(b"#");
            nd.u(reason as u64);
        }
    }
    let n_acks = nd.u1(ap + 17)? as usize;
    a.bp = ap + 18;
    if n_acks != 0 {
        a.check(nd, n_acks)?;
        let acks = nd.bytes(a.bp, n_acks)?;
        ack_ranges(nd, acks, first, 1, b" acked ");
        ack_ranges(nd, acks, first, 0, b" nacked ");
        a.bp += n_acks;
    }
    a.bp += 3;
    if nd.vflag > 1 {
        for l in [b" ifmtu".as_slice(), b" maxmtu", b" rwind", b" maxpackets"] {
            // TRUNCRET(4) (snapend - bp + 1 <= 4): stop quietly short of four more bytes.
            if (nd.snapend as i64) - (a.bp as i64) < 4 {
                return Ok(());
            }
            nd.s(l);
            a.uint(nd)?;
        }
    }
    Ok(())
}

/// `rx_print`: `iph` is the IP header (the call cache keys on its addresses).
pub(crate) fn rx_print(
    nd: &mut Nd,
    bp: usize,
    length: usize,
    sport: u16,
    dport: u16,
    iph: usize,
) -> R {
    nd.proto = "rx";
    if !nd.ttest(bp, RX_HEADER) {
        nd.s(b" [|rx] (");
        nd.u(length as u64);
        nd.s(b")");
        return Ok(());
    }
    let typ = nd.u1(bp + 20)?;
    nd.s(b" rx ");
    match tok::name(RX_TYPES, typ as u32) {
        Some(n) => nd.st(n),
        None => {
            nd.s(b"type ");
            nd.u(typ as u64);
        }
    }
    let flags = nd.u1(bp + 21)?;
    if nd.vflag > 0 {
        if nd.vflag > 1 {
            let (cid, call) = (nd.be4(bp + 4)?, nd.be4(bp + 8)?);
            nd.s(b" cid ");
            nd.x0(cid as u64, 8);
            nd.s(b" call# ");
            nd.u(call as u64);
        }
        let (seq, serial) = (nd.be4(bp + 12)?, nd.be4(bp + 16)?);
        nd.s(b" seq ");
        nd.u(seq as u64);
        nd.s(b" ser ");
        nd.u(serial as u64);
        if nd.vflag > 2 {
            let (sec, svc) = (nd.u1(bp + 23)?, nd.be2(bp + 26)?);
            nd.s(b" secindex ");
            nd.u(sec as u64);
            nd.s(b" serviceid ");
            nd.u(svc as u64);
        }
        if nd.vflag > 1 {
            let mut first = true;
            for (flag, ptype, name) in RX_FLAGS {
                if flags & flag != 0 && (ptype == 0 || typ == ptype) {
                    nd.s(if first { b" " } else { b"," });
                    first = false;
                    nd.s(b"<");
                    nd.st(name);
                    nd.s(b">");
                }
            }
        }
    }
    let seq = nd.be4(bp + 12)?;
    if typ == DATA && seq == 1 && flags & CLIENT_INITIATED != 0 {
        // A call: remembered so that its reply can be named.
        cache_insert(nd, bp, iph, dport)?;
        match dport {
            FS_RX_PORT => service(nd, b" [|fs]", |nd| fs_print(nd, bp, length))?,
            CB_RX_PORT => service(nd, b" [|cb]", |nd| cb_print(nd, bp, length))?,
            PROT_RX_PORT => prot_print(nd, bp, length)?,
            VLDB_RX_PORT => vldb_print(nd, bp, length)?,
            KAUTH_RX_PORT => kauth_print(nd, bp, length)?,
            VOL_RX_PORT => service(nd, b" [|vol]", |nd| vol_print(nd, bp, length))?,
            BOS_RX_PORT => service(nd, b" [|bos]", |nd| bos_print(nd, bp, length))?,
            _ => {}
        }
    } else if ((typ == DATA && seq == 1) || typ == ABORT) && flags & CLIENT_INITIATED == 0 {
        if let Some(op) = cache_find(nd, bp, iph, sport)? {
            match sport {
                FS_RX_PORT => service(nd, b" [|fs]", |nd| fs_reply_print(nd, bp, length, op))?,
                CB_RX_PORT => service(nd, b" [|cb]", |nd| cb_reply_print(nd, bp, length, op))?,
                PROT_RX_PORT => prot_reply_print(nd, bp, length, op)?,
                VLDB_RX_PORT => vldb_reply_print(nd, bp, length, op)?,
                KAUTH_RX_PORT => kauth_reply_print(nd, bp, length, op)?,
                VOL_RX_PORT => service(nd, b" [|vol]", |nd| vol_reply_print(nd, bp, length, op))?,
                BOS_RX_PORT => plain_reply(nd, bp, length, op, b" bos reply ", BOS_REQ)?,
                _ => {}
            }
        }
    } else if typ == ACK {
        service(nd, b" [|ack]", |nd| rx_ack_print(nd, bp, length))?;
    }
    nd.s(b" (");
    nd.u(length as u64);
    nd.s(b")");
    Ok(())
}
