//! What the printer keeps between packets: what tcpdump remembers (the first sequence numbers
//! of each TCP connection, for relative seq/ack, in a table made for that one key, and SLL2
//! interface names), and the text of recently printed IPv6 addresses.

use crate::fmt;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Key of tcpdump's `tcp_seq_hash` tables: (src, dst, ports) normalised so both directions of
/// a connection share an entry, as four address words and one word holding the ports, the
/// family and an "occupied" bit (so an empty slot, all zeros, equals no key).
#[derive(Clone, Copy)]
pub(crate) struct TcpKey([u64; 5]);

/// Word by word, branch-free: the derived comparison calls memcmp.
impl PartialEq for TcpKey {
    #[inline]
    fn eq(&self, o: &TcpKey) -> bool {
        let (a, b) = (&self.0, &o.0);
        ((a[0] ^ b[0]) | (a[1] ^ b[1]) | (a[2] ^ b[2]) | (a[3] ^ b[3]) | (a[4] ^ b[4])) == 0
    }
}

impl TcpKey {
    /// `src`/`dst` are 4 (IPv4) or 16 (IPv6) bytes; `ports` is (low port << 16) | high
    /// port as tcpdump builds `tha.port`. IPv4 and IPv6 keys never compare equal, as
    /// tcpdump keeps them in separate tables.
    #[inline]
    pub fn new(src: &[u8], dst: &[u8], ports: u32) -> TcpKey {
        let w = |b: &[u8]| u64::from_ne_bytes(b.try_into().expect("8 bytes"));
        let mut k = [0u64; 5];
        if src.len() == 16 {
            k[0] = w(&src[..8]);
            k[1] = w(&src[8..]);
            k[2] = w(&dst[..8]);
            k[3] = w(&dst[8..]);
        } else {
            let a = u32::from_ne_bytes(src.try_into().expect("4 bytes"));
            let b = u32::from_ne_bytes(dst.try_into().expect("4 bytes"));
            k[0] = (u64::from(a) << 32) | u64::from(b);
        }
        let v6 = u64::from(src.len() == 16);
        k[4] = u64::from(ports) | (v6 << 32) | (1 << 33);
        TcpKey(k)
    }

    /// A multiply-xorshift mix of the words: a few cycles, and the high bits (which pick
    /// the slot) depend on every input bit.
    #[inline]
    fn hash(&self) -> u64 {
        const M: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut h = self.0[4].wrapping_mul(M);
        for w in &self.0[..4] {
            h = (h ^ w).wrapping_mul(M);
            h ^= h >> 32;
        }
        h.wrapping_mul(M)
    }
}

/// tcpdump's `tcp_seq_hash` entry: the base seq/ack of a connection.
#[derive(Clone, Copy)]
pub(crate) struct TcpSeq {
    pub seq: u32,
    pub ack: u32,
}

#[derive(Clone, Copy)]
struct Slot {
    key: TcpKey,
    val: TcpSeq,
}

const EMPTY: Slot = Slot {
    key: TcpKey([0; 5]),
    val: TcpSeq { seq: 0, ack: 0 },
};

/// The relative-sequence table: open addressing with linear probing on [`TcpKey::hash`],
/// at most half full. Like tcpdump's chained table it never forgets a connection (its
/// output depends on that), it only grows.
pub(crate) struct SeqTable {
    slots: Vec<Slot>,
    /// `64 - log2(slots.len())`: the hash's top bits pick the slot.
    shift: u32,
    len: usize,
}

impl SeqTable {
    pub fn new() -> SeqTable {
        SeqTable {
            slots: vec![EMPTY; 1024],
            shift: 64 - 10,
            len: 0,
        }
    }

    /// The slot holding `key`, or the empty slot where it would go.
    #[inline]
    fn find(&self, key: &TcpKey) -> usize {
        let mask = self.slots.len() - 1;
        let mut i = (key.hash() >> self.shift) as usize;
        loop {
            let s = &self.slots[i];
            if s.key == *key || s.key.0[4] == 0 {
                return i;
            }
            i = (i + 1) & mask;
        }
    }

    /// tcpdump's lookup: the entry of `key` unless `replace` (a SYN starts the connection
    /// anew); when there is none, or `replace`, `make()` becomes the entry. Returns the
    /// entry and whether it was found (and kept).
    #[inline]
    pub fn lookup(
        &mut self,
        key: &TcpKey,
        replace: bool,
        make: impl FnOnce() -> TcpSeq,
    ) -> (TcpSeq, bool) {
        let i = self.find(key);
        let found = self.slots[i].key.0[4] != 0;
        if found && !replace {
            return (self.slots[i].val, true);
        }
        let val = make();
        self.slots[i] = Slot { key: *key, val };
        if !found {
            self.len += 1;
            if self.len * 2 > self.slots.len() {
                self.grow();
            }
        }
        (val, false)
    }

    #[cold]
    fn grow(&mut self) {
        let bigger = vec![EMPTY; self.slots.len() * 2];
        let old = std::mem::replace(&mut self.slots, bigger);
        self.shift -= 1;
        for s in old.into_iter().filter(|s| s.key.0[4] != 0) {
            let i = self.find(&s.key);
            self.slots[i] = s;
        }
    }
}

/// FNV-1a: the keys are packet data, not attacker-controlled in a way that matters for a
/// printer, and SipHash would cost more than the rest of the TCP line.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf29ce484222325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= b as u64;
            h = h.wrapping_mul(0x100000001b3);
        }
        self.0 = h;
    }
}

pub(crate) type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// One remembered IPv6 address and its text (at most 39 bytes), 64 bytes in all.
#[derive(Clone, Copy)]
#[repr(C, align(64))]
struct V6Slot {
    addr: [u8; 16],
    text: [u8; 47],
    /// 0: the slot is empty (no address has empty text).
    len: u8,
}

/// The text of recently printed IPv6 addresses, so that the addresses of a conversation are
/// formatted once ([`fmt::ipv6`] looks for the longest zero run of eight words, a few hundred
/// instructions, and a line has two of them). Direct-mapped: an address replaces whatever
/// shared its slot. The text is [`fmt::ipv6`]'s, byte for byte; this only remembers it.
pub(crate) struct Ipv6Text {
    slots: Box<[V6Slot; 256]>,
}

impl Ipv6Text {
    pub fn new() -> Ipv6Text {
        Ipv6Text {
            slots: Box::new(
                [V6Slot {
                    addr: [0; 16],
                    text: [0; 47],
                    len: 0,
                }; 256],
            ),
        }
    }

    /// Appends the text of `a` (as [`fmt::ipv6`] does).
    #[inline]
    pub fn put(&mut self, out: &mut Vec<u8>, a: &[u8; 16]) {
        let w = |k: usize| u64::from_ne_bytes(a[k..k + 8].try_into().expect("8 bytes"));
        let h = (w(0) ^ w(8).rotate_left(29)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        let s = &mut self.slots[(h >> 56) as usize];
        if s.len != 0 && s.addr == *a {
            out.reserve(s.text.len());
            let len = out.len();
            // SAFETY: reserve made room for the whole fixed-size text at len (one fixed
            // copy, no memcpy call); only its first s.len bytes, the address, are kept.
            unsafe {
                std::ptr::copy_nonoverlapping(
                    s.text.as_ptr(),
                    out.as_mut_ptr().add(len),
                    s.text.len(),
                );
                out.set_len(len + s.len as usize);
            }
            return;
        }
        let start = out.len();
        fmt::ipv6(out, a);
        let text = &out[start..];
        if text.len() <= s.text.len() {
            s.addr = *a;
            s.text[..text.len()].copy_from_slice(text);
            s.len = text.len() as u8;
        }
    }
}

/// Maps an ifindex to a name (see `Printer::set_interface_resolver`).
pub type InterfaceResolver = Box<dyn FnMut(u32) -> Option<String> + Send>;

pub(crate) struct State {
    pub tcp: SeqTable,
    pub ipv6: Ipv6Text,
    pub ifnames: FnvMap<u32, Box<[u8]>>,
    pub resolver: InterfaceResolver,
    /// NFS calls awaiting their replies (tcpdump's `xid_map`).
    pub nfs: super::nfs::XidMap,
    /// Verbosity tcpdump loses for the rest of the capture: an OpenFlow 1.0 frame decoded at
    /// -vvv lowers `ndo_vflag` by 3 and a truncation inside it longjmps past the restore.
    pub vflag_lost: u8,
    /// IKEv1 initiator cookies (tcpdump's `cookiecache`).
    pub isakmp: super::isakmp::CookieCache,
    /// AFS Rx calls awaiting their replies (tcpdump's `rx_cache`).
    pub rx: super::rx::RxCache,
}

impl State {
    pub fn new() -> State {
        State {
            tcp: SeqTable::new(),
            ipv6: Ipv6Text::new(),
            ifnames: FnvMap::default(),
            resolver: Box::new(if_indextoname),
            nfs: Default::default(),
            vflag_lost: 0,
            isakmp: Default::default(),
            rx: Default::default(),
        }
    }

    /// The name of `ifindex`, or "?" as tcpdump prints when the kernel does not know it.
    pub fn ifname(&mut self, ifindex: u32) -> &[u8] {
        let resolver = &mut self.resolver;
        self.ifnames.entry(ifindex).or_insert_with(|| {
            let name = resolver(ifindex).unwrap_or_else(|| "?".to_string());
            name.into_bytes().into_boxed_slice()
        })
    }
}

/// libc `if_indextoname` in the calling thread's network namespace, as tcpdump's
/// `sll2_if_print` does (tcpdump asks per packet; we ask once per ifindex).
pub fn if_indextoname(ifindex: u32) -> Option<String> {
    let mut buf = [0 as libc::c_char; libc::IF_NAMESIZE];
    // SAFETY: buf holds IF_NAMESIZE bytes, as if_indextoname requires.
    let p = unsafe { libc::if_indextoname(ifindex, buf.as_mut_ptr()) };
    if p.is_null() {
        return None;
    }
    // SAFETY: on success the kernel wrote a NUL-terminated name into buf.
    let name = unsafe { std::ffi::CStr::from_ptr(buf.as_ptr()) };
    Some(name.to_string_lossy().into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every connection is found again after the table has grown many times, under its
    /// own entry; a SYN replaces an entry; the two directions and the two families of the
    /// same numbers are told apart as the key says.
    #[test]
    fn seq_table_keeps_every_connection() {
        let mut t = SeqTable::new();
        let key = |k: u32| {
            let a = k.to_be_bytes();
            if k % 3 == 0 {
                let mut s = [0u8; 16];
                s[12..].copy_from_slice(&a);
                TcpKey::new(&s, &[0x20; 16], k)
            } else {
                TcpKey::new(&a, &[192, 0, 2, 1], k >> 7)
            }
        };
        let seq = |k: u32| TcpSeq { seq: k, ack: !k };
        for k in 0..50_000 {
            assert!(!t.lookup(&key(k), false, || seq(k)).1);
        }
        for k in (0..50_000).rev() {
            let (v, found) = t.lookup(&key(k), false, || unreachable!());
            assert!(found);
            assert_eq!((v.seq, v.ack), (k, !k));
        }
        let (v, found) = t.lookup(&key(7), true, || seq(99));
        assert!(!found && v.seq == 99);
        assert_eq!(t.lookup(&key(7), false, || seq(0)).0.seq, 99);
        let (v4, v6) = (
            TcpKey::new(&[0; 4], &[0; 4], 80),
            TcpKey::new(&[0; 16], &[0; 16], 80),
        );
        assert!(!t.lookup(&v4, false, || seq(4)).1);
        assert!(!t.lookup(&v6, false, || seq(6)).1);
        assert_eq!(t.lookup(&v4, false, || seq(0)).0.seq, 4);
        assert_eq!(t.lookup(&v6, false, || seq(0)).0.seq, 6);
        assert_eq!(t.len, 50_002);
    }

    /// Remembered text is the formatter's, for addresses seen again, for addresses that
    /// evict each other from a slot, and for the longest forms.
    #[test]
    fn ipv6_text_is_the_formatters() {
        let mut addrs: Vec<[u8; 16]> = Vec::new();
        for k in 0..2000u32 {
            let mut a = [0u8; 16];
            a[..4].copy_from_slice(&[0x20, 0x01, 0x0d, 0xb8]);
            a[12..].copy_from_slice(&k.to_be_bytes());
            addrs.push(a);
        }
        addrs.push([0xff; 16]);
        addrs.push(std::net::Ipv6Addr::new(0, 0, 0, 0, 0, 0xffff, 0xc000, 0x0201).octets());
        addrs.push([0; 16]);
        let mut cache = Ipv6Text::new();
        for round in 0..3 {
            for a in addrs.iter().rev().step_by(round + 1) {
                let (mut got, mut want) = (b"x".to_vec(), b"x".to_vec());
                cache.put(&mut got, a);
                fmt::ipv6(&mut want, a);
                assert_eq!(got, want, "{a:?}");
            }
        }
    }
}
