//! What tcpdump remembers between packets: the first sequence numbers of each TCP connection
//! (for relative seq/ack, in a table made for that one key) and SLL2 interface names.

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

/// Maps an ifindex to a name (see `Printer::set_interface_resolver`).
pub type InterfaceResolver = Box<dyn FnMut(u32) -> Option<String> + Send>;

pub(crate) struct State {
    pub tcp: SeqTable,
    pub ifnames: FnvMap<u32, Box<[u8]>>,
    pub resolver: InterfaceResolver,
    /// NFS calls awaiting their replies (tcpdump's `xid_map`).
    pub nfs: super::nfs::XidMap,
}

impl State {
    pub fn new() -> State {
        State {
            tcp: SeqTable::new(),
            ifnames: FnvMap::default(),
            resolver: Box::new(if_indextoname),
            nfs: Default::default(),
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
