//! What tcpdump remembers between packets: the first sequence numbers of each TCP connection
//! (for relative seq/ack) and SLL2 interface names.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Key of tcpdump's `tcp_seq_hash` tables: (src, dst, ports) normalised so both directions of
/// a connection share an entry. IPv4 addresses sit in the first 4 bytes of each 16.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct TcpKey {
    pub v6: bool,
    pub src: [u8; 16],
    pub dst: [u8; 16],
    pub port: u32,
}

/// tcpdump's `tcp_seq_hash` entry: the base seq/ack of a connection.
#[derive(Clone, Copy)]
pub(crate) struct TcpSeq {
    pub seq: u32,
    pub ack: u32,
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
    pub tcp: FnvMap<TcpKey, TcpSeq>,
    pub ifnames: FnvMap<u32, Box<[u8]>>,
    pub resolver: InterfaceResolver,
}

impl State {
    pub fn new() -> State {
        State {
            tcp: FnvMap::default(),
            ifnames: FnvMap::default(),
            resolver: Box::new(if_indextoname),
        }
    }

    /// The name of `ifindex`, or "?" as tcpdump prints when the kernel does not know it.
    pub fn ifname(&mut self, ifindex: u32) -> &[u8] {
        if !self.ifnames.contains_key(&ifindex) {
            let name = (self.resolver)(ifindex).unwrap_or_else(|| "?".to_string());
            self.ifnames
                .insert(ifindex, name.into_bytes().into_boxed_slice());
        }
        &self.ifnames[&ifindex]
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
