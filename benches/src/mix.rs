//! A reproducible capture that looks like pod traffic, for `read_vs_tcpdump` and the
//! profiles behind issue 13.
//!
//! [`write_mix`] writes a little-endian µs pcap of N Ethernet frames from a fixed seed:
//!
//! - TCP (~70 % of packets), IPv4 and IPv6, about 256 connections open at any time and
//!   thousands over the file: handshakes with Linux's SYN options (mss, sackOK, TS, wscale),
//!   data and ACKs with timestamps, ACKs with SACK blocks after a lost segment and its
//!   retransmission, FIN or RST at the end. Servers on 80 and 8080 speak HTTP/1.1 (requests
//!   and responses, bodies split over several segments); 443, 5432, 9092 and 50051 carry
//!   opaque bytes (6379 is left out: tcpdump decodes RESP there, the printer does not).
//! - DNS over UDP (~16 %): A, AAAA and SRV queries, answers with A/AAAA records, CNAME
//!   chains, SRV records and NXDOMAIN for search-path misses, compression pointers, an EDNS
//!   OPT record in about a third of the exchanges.
//! - plain UDP (~8 %), ICMP echo and port-unreachable, ICMPv6 echo and neighbour discovery,
//!   ARP requests and replies.
//!
//! Addresses are documentation ones only (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24,
//! 2001:db8::/32), names are under example.com/.net/.org. Timestamps advance by 0–240 µs a
//! packet. Checksums are computed, so `tcpdump -v` finds nothing to complain about either.

use std::collections::VecDeque;
use std::io::Write;
use std::path::Path;

/// The seed of the file `read_vs_tcpdump` measures: change it and the figures move.
pub const SEED: u64 = 0x6475_6d70_7931_3133;

/// SplitMix64: tiny, deterministic on every platform, good enough to pick traffic.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        ((self.next_u64() >> 32) * n) >> 32
    }

    /// True with probability `pct` percent.
    pub fn pct(&mut self, pct: u64) -> bool {
        self.below(100) < pct
    }

    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len() as u64) as usize]
    }
}

/// Writes pcap records: the file header once, then one record per frame.
pub struct PcapWriter<W: Write> {
    w: W,
}

impl<W: Write> PcapWriter<W> {
    /// Ethernet, µs timestamps, snapshot length 262144.
    pub fn new(mut w: W) -> std::io::Result<PcapWriter<W>> {
        w.write_all(&0xa1b2c3d4u32.to_le_bytes())?;
        w.write_all(&2u16.to_le_bytes())?;
        w.write_all(&4u16.to_le_bytes())?;
        w.write_all(&[0; 8])?;
        w.write_all(&262144u32.to_le_bytes())?;
        w.write_all(&1u32.to_le_bytes())?;
        Ok(PcapWriter { w })
    }

    pub fn record(&mut self, ts_us: u64, frame: &[u8]) -> std::io::Result<()> {
        let len = frame.len() as u32;
        for v in [
            (ts_us / 1_000_000) as u32,
            (ts_us % 1_000_000) as u32,
            len,
            len,
        ] {
            self.w.write_all(&v.to_le_bytes())?;
        }
        self.w.write_all(frame)
    }

    pub fn finish(mut self) -> std::io::Result<W> {
        self.w.flush()?;
        Ok(self.w)
    }
}

/// An IPv4 or IPv6 address (IPv4 in the first 4 bytes).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Addr {
    V4([u8; 4]),
    V6([u8; 16]),
}

fn v6(group: u16, host: u16) -> Addr {
    let mut a = [0u8; 16];
    a[..4].copy_from_slice(&[0x20, 0x01, 0x0d, 0xb8]);
    a[4..6].copy_from_slice(&group.to_be_bytes());
    a[14..16].copy_from_slice(&host.to_be_bytes());
    Addr::V6(a)
}

/// A locally administered MAC derived from an address, so each host keeps its MAC.
fn mac_of(a: Addr) -> [u8; 6] {
    match a {
        Addr::V4(b) => [0x02, 0x42, b[0], b[1], b[2], b[3]],
        Addr::V6(b) => [0x02, 0x66, b[12], b[13], b[14], b[15]],
    }
}

/// Ones' complement sum of `b` (odd length padded), not yet folded or inverted.
fn sum(b: &[u8]) -> u32 {
    let mut s = 0u32;
    let mut it = b.chunks_exact(2);
    for c in &mut it {
        s += u32::from(u16::from_be_bytes([c[0], c[1]]));
    }
    if let [last] = it.remainder() {
        s += u32::from(*last) << 8;
    }
    s
}

fn fold(mut s: u32) -> u16 {
    while s > 0xffff {
        s = (s & 0xffff) + (s >> 16);
    }
    !(s as u16)
}

/// Frame builder: Ethernet + IP + `l4` (whose checksum at `csum_at`, if any, is filled in
/// over the pseudo-header).
struct Frames {
    buf: Vec<u8>,
    ip_id: u16,
}

impl Frames {
    fn ip(&mut self, src: Addr, dst: Addr, proto: u8, l4: &[u8], csum_at: Option<usize>) {
        let f = &mut self.buf;
        f.clear();
        f.extend_from_slice(&mac_of(dst));
        f.extend_from_slice(&mac_of(src));
        let mut pseudo = match (src, dst) {
            (Addr::V4(s), Addr::V4(d)) => {
                f.extend_from_slice(&[0x08, 0x00]);
                self.ip_id = self.ip_id.wrapping_add(1);
                let tot = (20 + l4.len()) as u16;
                let mut ip = [0u8; 20];
                ip[0] = 0x45;
                ip[2..4].copy_from_slice(&tot.to_be_bytes());
                ip[4..6].copy_from_slice(&self.ip_id.to_be_bytes());
                ip[6] = 0x40; // DF
                ip[8] = 64;
                ip[9] = proto;
                ip[12..16].copy_from_slice(&s);
                ip[16..20].copy_from_slice(&d);
                let c = fold(sum(&ip));
                ip[10..12].copy_from_slice(&c.to_be_bytes());
                f.extend_from_slice(&ip);
                sum(&s) + sum(&d)
            }
            (Addr::V6(s), Addr::V6(d)) => {
                f.extend_from_slice(&[0x86, 0xdd]);
                let mut ip = [0u8; 40];
                ip[0] = 0x60;
                ip[4..6].copy_from_slice(&(l4.len() as u16).to_be_bytes());
                ip[6] = proto;
                ip[7] = if proto == 58 { 255 } else { 64 };
                ip[8..24].copy_from_slice(&s);
                ip[24..40].copy_from_slice(&d);
                f.extend_from_slice(&ip);
                sum(&s) + sum(&d)
            }
            _ => unreachable!("mixed address families"),
        };
        let l4_at = f.len();
        f.extend_from_slice(l4);
        if let Some(at) = csum_at {
            // ICMPv4 has no pseudo-header.
            if proto == 1 {
                pseudo = 0;
            } else {
                pseudo += u32::from(proto) + l4.len() as u32;
            }
            let c = fold(pseudo + sum(&f[l4_at..]));
            // UDP sends a computed 0 as 0xffff.
            let c = if proto == 17 && c == 0 { 0xffff } else { c };
            f[l4_at + at..l4_at + at + 2].copy_from_slice(&c.to_be_bytes());
        }
    }

    fn udp(&mut self, src: Addr, dst: Addr, sport: u16, dport: u16, payload: &[u8]) {
        let mut u = Vec::with_capacity(8 + payload.len());
        u.extend_from_slice(&sport.to_be_bytes());
        u.extend_from_slice(&dport.to_be_bytes());
        u.extend_from_slice(&((8 + payload.len()) as u16).to_be_bytes());
        u.extend_from_slice(&[0, 0]);
        u.extend_from_slice(payload);
        self.ip(src, dst, 17, &u, Some(6));
    }
}

/// TCP option layouts Linux sends.
#[derive(Clone, Copy)]
enum Opts {
    /// SYN and SYN-ACK: mss, sackOK, TS, nop, wscale.
    Syn,
    /// nop, nop, TS.
    Ts,
    /// nop, nop, TS, nop, nop, sack 1 {left:right} (absolute sequence numbers).
    TsSack(u32, u32),
    /// None (RSTs).
    None,
}

/// One segment of a connection, planned ahead with absolute sequence numbers.
struct Seg {
    from_client: bool,
    flags: u8,
    seq: u32,
    ack: u32,
    opts: Opts,
    payload: Vec<u8>,
}

const FIN: u8 = 0x01;
const SYN: u8 = 0x02;
const RST: u8 = 0x04;
const PSH: u8 = 0x08;
const ACK: u8 = 0x10;

/// What the server of a connection speaks.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Service {
    Http,
    Opaque,
}

struct Conn {
    client: Addr,
    server: Addr,
    cport: u16,
    sport: u16,
    service: Service,
    /// Next sequence number of each side.
    c_next: u32,
    s_next: u32,
    /// Timestamp clocks (ms) of each side, and the last value each side saw.
    c_ts: u32,
    s_ts: u32,
    c_seen: u32,
    s_seen: u32,
    /// Exchanges left before the close.
    exchanges: u32,
    pending: VecDeque<Seg>,
    closed: bool,
}

const HTTP_PATHS: &[&str] = &[
    "/",
    "/healthz",
    "/readyz",
    "/metrics",
    "/api/v1/orders",
    "/api/v1/orders/8812",
    "/api/v1/users/me",
    "/api/v2/catalog/items?page=3&size=50",
    "/static/app.3f9c2a.js",
    "/v1/traces",
];
const HTTP_HOSTS: &[&str] = &[
    "orders.example.com",
    "users.example.net",
    "catalog.example.org",
    "api.example.com",
];
const HTTP_STATUS: &[&str] = &[
    "200 OK",
    "200 OK",
    "200 OK",
    "200 OK",
    "201 Created",
    "302 Found",
    "404 Not Found",
    "503 Service Unavailable",
];

const MSS: usize = 1448;

impl Conn {
    fn new(rng: &mut Rng, v6_conn: bool) -> Conn {
        let (service, sport) = match rng.below(10) {
            0..=3 => (Service::Http, 80),
            4 => (Service::Http, 8080),
            5 => (Service::Opaque, 443),
            6 => (Service::Opaque, 5432),
            7 => (Service::Opaque, 9092),
            _ => (Service::Opaque, 50051),
        };
        let (client, server) = if v6_conn {
            (
                v6(1, 0x100 + rng.below(200) as u16),
                v6(2, 0x10 + rng.below(24) as u16),
            )
        } else {
            let c = if rng.pct(50) {
                [198, 51, 100, 10 + rng.below(200) as u8]
            } else {
                [192, 0, 2, 10 + rng.below(200) as u8]
            };
            (
                Addr::V4(c),
                Addr::V4([203, 0, 113, 10 + rng.below(24) as u8]),
            )
        };
        // Mostly the client is the higher port (tcpdump's key then swaps the two ends);
        // sometimes a server port above the client's, as for 50051 against low ephemerals.
        let cport = ephemeral(rng);
        let exchanges = match rng.below(10) {
            0..=4 => 1,
            5..=7 => 2 + rng.below(4) as u32,
            _ => 6 + rng.below(20) as u32,
        };
        Conn {
            client,
            server,
            cport,
            sport,
            service,
            c_next: rng.next_u64() as u32,
            s_next: rng.next_u64() as u32,
            c_ts: rng.next_u64() as u32,
            s_ts: rng.next_u64() as u32,
            c_seen: 0,
            s_seen: 0,
            exchanges,
            pending: VecDeque::new(),
            closed: false,
        }
    }

    fn push(&mut self, from_client: bool, flags: u8, opts: Opts, payload: Vec<u8>) {
        let (seq, ack) = if from_client {
            (self.c_next, self.s_next)
        } else {
            (self.s_next, self.c_next)
        };
        let adv = payload.len() as u32 + u32::from(flags & (SYN | FIN) != 0);
        if from_client {
            self.c_next = self.c_next.wrapping_add(adv);
        } else {
            self.s_next = self.s_next.wrapping_add(adv);
        }
        self.pending.push_back(Seg {
            from_client,
            flags,
            seq,
            ack,
            opts,
            payload,
        });
    }

    fn handshake(&mut self) {
        self.push(true, SYN, Opts::Syn, Vec::new());
        self.push(false, SYN | ACK, Opts::Syn, Vec::new());
        self.push(true, ACK, Opts::Ts, Vec::new());
    }

    fn request(&self, rng: &mut Rng) -> Vec<u8> {
        match self.service {
            Service::Http => {
                let path = rng.pick(HTTP_PATHS);
                let host = rng.pick(HTTP_HOSTS);
                if rng.pct(25) {
                    let body = format!(
                        "{{\"item\":{},\"qty\":{},\"note\":\"{}\"}}",
                        rng.below(100000),
                        1 + rng.below(9),
                        "x".repeat(rng.below(200) as usize)
                    );
                    format!(
                        "POST {path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: okhttp/4.12.0\r\n\
                         Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
                        body.len()
                    )
                    .into_bytes()
                } else {
                    format!(
                        "GET {path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: kube-probe/1.30\r\n\
                         Accept: */*\r\nConnection: keep-alive\r\n\r\n"
                    )
                    .into_bytes()
                }
            }
            Service::Opaque => {
                let n = 40 + rng.below(600) as usize;
                opaque(rng, n)
            }
        }
    }

    fn response(&self, rng: &mut Rng) -> Vec<u8> {
        let body_len = match rng.below(10) {
            0..=5 => rng.below(400) as usize,
            6..=8 => 400 + rng.below(4000) as usize,
            _ => 4000 + rng.below(20000) as usize,
        };
        match self.service {
            Service::Http => {
                let status = rng.pick(HTTP_STATUS);
                let mut r = format!(
                    "HTTP/1.1 {status}\r\nContent-Type: application/json\r\n\
                     Content-Length: {body_len}\r\nDate: Tue, 01 Dec 2026 14:00:00 GMT\r\n\r\n"
                )
                .into_bytes();
                r.extend((0..body_len).map(|i| b"{\"id\":1,\"v\":\"abc\"}"[i % 18]));
                r
            }
            Service::Opaque => opaque(rng, 20 + body_len),
        }
    }

    /// Plans the next exchange: handshake, a request and its response, or the close.
    fn plan(&mut self, rng: &mut Rng, fresh: bool) {
        if fresh {
            self.handshake();
            return;
        }
        if self.exchanges == 0 {
            match rng.below(10) {
                0 => self.push(false, RST | ACK, Opts::None, Vec::new()),
                1 => self.push(true, RST, Opts::None, Vec::new()),
                _ => {
                    let client_first = rng.pct(70);
                    self.push(client_first, FIN | ACK, Opts::Ts, Vec::new());
                    self.push(!client_first, FIN | ACK, Opts::Ts, Vec::new());
                    self.push(client_first, ACK, Opts::Ts, Vec::new());
                }
            }
            self.closed = true;
            return;
        }
        self.exchanges -= 1;
        let req = self.request(rng);
        self.push(true, PSH | ACK, Opts::Ts, req);
        if rng.pct(40) {
            self.push(false, ACK, Opts::Ts, Vec::new());
        }
        let resp = self.response(rng);
        let segs: Vec<Vec<u8>> = resp.chunks(MSS).map(|c| c.to_vec()).collect();
        let n = segs.len();
        // One lost segment in some multi-segment responses: the client SACKs what came
        // after it, the server retransmits, the client acks everything.
        let lost = if n >= 3 && rng.pct(30) {
            Some(rng.below(n as u64 - 1) as usize)
        } else {
            None
        };
        let mut lost_seg: Option<(u32, Vec<u8>)> = None;
        let mut sack_from = 0u32;
        for (i, s) in segs.into_iter().enumerate() {
            let flags = if i + 1 == n { PSH | ACK } else { ACK };
            if Some(i) == lost {
                lost_seg = Some((self.s_next, s.clone()));
                sack_from = self.s_next.wrapping_add(s.len() as u32);
                self.push(false, flags, Opts::Ts, s);
                continue;
            }
            self.push(false, flags, Opts::Ts, s);
            if let Some((hole, _)) = &lost_seg {
                let hole = *hole;
                self.push(true, ACK, Opts::TsSack(sack_from, self.s_next), Vec::new());
                self.pending.back_mut().expect("just pushed").ack = hole;
            } else if i % 2 == 1 || i + 1 == n {
                self.push(true, ACK, Opts::Ts, Vec::new());
            }
        }
        if let Some((hole, s)) = lost_seg {
            // The retransmission: planned with its original sequence number.
            let (next, ack) = (self.s_next, self.c_next);
            self.pending.push_back(Seg {
                from_client: false,
                flags: ACK,
                seq: hole,
                ack,
                opts: Opts::Ts,
                payload: s,
            });
            self.push(true, ACK, Opts::Ts, Vec::new());
            self.pending.back_mut().expect("just pushed").ack = next;
        }
    }

    /// Writes the next segment's frame; false when the connection has nothing left.
    fn emit(&mut self, rng: &mut Rng, f: &mut Frames, now_ms: u32, fresh: bool) -> bool {
        if self.pending.is_empty() {
            if self.closed {
                return false;
            }
            self.plan(rng, fresh);
        }
        let s = self.pending.pop_front().expect("planned");
        let (src, dst, sp, dp) = if s.from_client {
            (self.client, self.server, self.cport, self.sport)
        } else {
            (self.server, self.client, self.sport, self.cport)
        };
        let (tsval, tsecr) = if s.from_client {
            let v = self.c_ts.wrapping_add(now_ms);
            self.s_seen = v;
            (v, self.c_seen)
        } else {
            let v = self.s_ts.wrapping_add(now_ms);
            self.c_seen = v;
            (v, self.s_seen)
        };
        let mut opts = Vec::with_capacity(32);
        let ts = |o: &mut Vec<u8>, ecr: u32| {
            o.extend_from_slice(&[8, 10]);
            o.extend_from_slice(&tsval.to_be_bytes());
            o.extend_from_slice(&ecr.to_be_bytes());
        };
        match s.opts {
            Opts::Syn => {
                opts.extend_from_slice(&[2, 4, 0x05, 0xb4, 4, 2]);
                ts(&mut opts, if s.flags & ACK != 0 { tsecr } else { 0 });
                opts.extend_from_slice(&[1, 3, 3, 7]);
            }
            Opts::Ts => {
                opts.extend_from_slice(&[1, 1]);
                ts(&mut opts, tsecr);
            }
            Opts::TsSack(l, r) => {
                opts.extend_from_slice(&[1, 1]);
                ts(&mut opts, tsecr);
                opts.extend_from_slice(&[1, 1, 5, 10]);
                opts.extend_from_slice(&l.to_be_bytes());
                opts.extend_from_slice(&r.to_be_bytes());
            }
            Opts::None => {}
        }
        let win: u16 = match (s.flags & SYN != 0, s.flags & RST != 0) {
            (true, _) => 64240,
            (_, true) => 0,
            _ => 502 + (s.seq % 7000) as u16,
        };
        let mut t = Vec::with_capacity(20 + opts.len() + s.payload.len());
        t.extend_from_slice(&sp.to_be_bytes());
        t.extend_from_slice(&dp.to_be_bytes());
        t.extend_from_slice(&s.seq.to_be_bytes());
        let ack = if s.flags & ACK != 0 { s.ack } else { 0 };
        t.extend_from_slice(&ack.to_be_bytes());
        t.push((((20 + opts.len()) / 4) as u8) << 4);
        t.push(s.flags);
        t.extend_from_slice(&win.to_be_bytes());
        t.extend_from_slice(&[0, 0, 0, 0]);
        t.extend_from_slice(&opts);
        t.extend_from_slice(&s.payload);
        f.ip(src, dst, 6, &t, Some(16));
        true
    }
}

/// A Linux ephemeral port, skipping 49152, where tcpdump's UDP printer would see
/// Broadcom's LI shim (a decoder the printer does not carry).
fn ephemeral(rng: &mut Rng) -> u16 {
    match 32768 + rng.below(28232) as u16 {
        49152 => 49153,
        p => p,
    }
}

fn opaque(rng: &mut Rng, n: usize) -> Vec<u8> {
    let mut v = Vec::with_capacity(n + 8);
    while v.len() < n {
        v.extend_from_slice(&rng.next_u64().to_le_bytes());
    }
    v.truncate(n);
    v
}

/// DNS name in wire form, no compression.
fn qname(name: &str) -> Vec<u8> {
    let mut v = Vec::with_capacity(name.len() + 2);
    for l in name.split('.').filter(|l| !l.is_empty()) {
        v.push(l.len() as u8);
        v.extend_from_slice(l.as_bytes());
    }
    v.push(0);
    v
}

const DNS_SERVICES: &[&str] = &[
    "orders", "users", "catalog", "payments", "search", "auth", "cart", "redis", "postgres",
];
const DNS_ZONES: &[&str] = &["example.com", "example.net", "example.org"];

/// A DNS query and its answer over UDP.
fn dns_exchange(rng: &mut Rng, f: &mut Frames, out: &mut Vec<Vec<u8>>) {
    let v6_transport = rng.pct(15);
    let (client, server) = if v6_transport {
        (v6(1, 0x100 + rng.below(200) as u16), v6(0x53, 0xa))
    } else {
        (
            Addr::V4([198, 51, 100, 10 + rng.below(200) as u8]),
            Addr::V4([203, 0, 113, 53]),
        )
    };
    let cport = ephemeral(rng);
    let id = rng.next_u64() as u16;
    let svc = *rng.pick(DNS_SERVICES);
    let zone = *rng.pick(DNS_ZONES);
    // Kinds: A hit, AAAA hit, search-path miss (NXDomain), CNAME chain to A, SRV.
    let kind = rng.below(10);
    let (name, qtype, zone) = match kind {
        0..=3 => (format!("{svc}.{zone}"), 1u16, zone),
        4..=5 => (format!("{svc}.{zone}"), 28, zone),
        6..=7 => {
            let search = *rng.pick(DNS_ZONES);
            (format!("{svc}.svc.{zone}.{search}"), 1, search)
        }
        8 => (format!("www.{svc}.{zone}"), 1, zone),
        _ => (format!("_grpc._tcp.{svc}.{zone}"), 33, zone),
    };
    let edns = rng.pct(33);
    let mut q = Vec::with_capacity(128);
    q.extend_from_slice(&id.to_be_bytes());
    q.extend_from_slice(&[0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, u8::from(edns)]);
    q.extend_from_slice(&qname(&name));
    q.extend_from_slice(&qtype.to_be_bytes());
    q.extend_from_slice(&[0, 1]);
    let opt = |m: &mut Vec<u8>| {
        // Root name, OPT, UDP size 1232, no extended rcode, version 0, DO clear.
        m.extend_from_slice(&[0, 0, 41, 0x04, 0xd0, 0, 0, 0, 0, 0, 0]);
    };
    let question_end = q.len();
    if edns {
        opt(&mut q);
    }
    f.udp(client, server, cport, 53, &q);
    out.push(f.buf.clone());

    // The answer starts with the question (offset 12 is the name, for pointers).
    let mut a = q[..question_end].to_vec();
    a[2] = 0x81;
    a[3] = 0x80;
    // Where the name's last labels (the zone) start in the question, for pointers.
    let zone_at = 12 + name.len() - zone.len();
    let mut ancount = 0u16;
    let rr = |a: &mut Vec<u8>, name_ptr: u16, t: u16, ttl: u32, rdata: &[u8]| {
        a.extend_from_slice(&(0xc000 | name_ptr).to_be_bytes());
        a.extend_from_slice(&t.to_be_bytes());
        a.extend_from_slice(&[0, 1]);
        a.extend_from_slice(&ttl.to_be_bytes());
        a.extend_from_slice(&(rdata.len() as u16).to_be_bytes());
        a.extend_from_slice(rdata);
    };
    match kind {
        0..=3 => {
            for _ in 0..1 + rng.below(3) {
                let ip = [203, 0, 113, 10 + rng.below(24) as u8];
                rr(&mut a, 12, 1, 30, &ip);
                ancount += 1;
            }
        }
        4..=5 => {
            for _ in 0..1 + rng.below(2) {
                let Addr::V6(ip) = v6(2, 0x10 + rng.below(24) as u16) else {
                    unreachable!()
                };
                rr(&mut a, 12, 28, 30, &ip);
                ancount += 1;
            }
        }
        6..=7 => {
            a[3] = 0x83; // NXDomain
        }
        8 => {
            // www.svc.zone CNAME lb-N.zone (pointer to the zone in the question), then A.
            let target_at = a.len() + 12;
            let mut cname = Vec::new();
            let lb = format!("lb-{}", rng.below(8));
            cname.push(lb.len() as u8);
            cname.extend_from_slice(lb.as_bytes());
            cname.extend_from_slice(&(0xc000 | zone_at as u16).to_be_bytes());
            rr(&mut a, 12, 5, 300, &cname);
            rr(
                &mut a,
                target_at as u16,
                1,
                30,
                &[203, 0, 113, 10 + rng.below(24) as u8],
            );
            ancount += 2;
        }
        _ => {
            for k in 0..1 + rng.below(3) {
                let mut srv = Vec::new();
                srv.extend_from_slice(&[0, 0, 0, 100]);
                srv.extend_from_slice(&50051u16.to_be_bytes());
                let host = format!("{svc}-{k}");
                srv.push(host.len() as u8);
                srv.extend_from_slice(host.as_bytes());
                srv.extend_from_slice(&(0xc000 | zone_at as u16).to_be_bytes());
                rr(&mut a, 12, 33, 30, &srv);
                ancount += 1;
            }
        }
    }
    a[6..8].copy_from_slice(&ancount.to_be_bytes());
    if a[3] == 0x83 {
        // A miss names the zone's SOA in the authority section.
        a[9] = 1;
        let mut soa = Vec::new();
        soa.extend_from_slice(b"\x02ns");
        soa.extend_from_slice(&(0xc000 | zone_at as u16).to_be_bytes());
        soa.extend_from_slice(b"\x0ahostmaster");
        soa.extend_from_slice(&(0xc000 | zone_at as u16).to_be_bytes());
        for v in [2026120101u32, 7200, 3600, 1209600, 30] {
            soa.extend_from_slice(&v.to_be_bytes());
        }
        rr(&mut a, zone_at as u16, 6, 30, &soa);
    }
    if edns {
        a[11] = 1;
        opt(&mut a);
    }
    f.udp(server, client, 53, cport, &a);
    out.push(f.buf.clone());
}

/// Frames that are neither TCP nor DNS: plain UDP, ICMP, ICMPv6, ARP.
fn other(rng: &mut Rng, f: &mut Frames, out: &mut Vec<Vec<u8>>) {
    let host = |rng: &mut Rng| Addr::V4([198, 51, 100, 10 + rng.below(200) as u8]);
    let server = |rng: &mut Rng| Addr::V4([203, 0, 113, 10 + rng.below(24) as u8]);
    match rng.below(100) {
        // Plain UDP: metrics (statsd), traces, a game-ish protocol on high ports.
        0..=54 => {
            let (a, b) = (host(rng), server(rng));
            let (port, payload): (u16, Vec<u8>) = match rng.below(3) {
                0 => (
                    8125,
                    format!(
                        "orders.requests:{}|c|#pod:orders-{}",
                        rng.below(50),
                        rng.below(9)
                    )
                    .into_bytes(),
                ),
                1 => {
                    let n = 100 + rng.below(900) as usize;
                    (6831, opaque(rng, n))
                }
                _ => {
                    let n = 20 + rng.below(100) as usize;
                    (27015, opaque(rng, n))
                }
            };
            f.udp(a, b, ephemeral(rng), port, &payload);
            out.push(f.buf.clone());
        }
        // ICMP echo request and reply.
        55..=69 => {
            let (a, b) = (host(rng), server(rng));
            let (id, seq) = (rng.next_u64() as u16, rng.below(1000) as u16);
            for (t, s, d) in [(8u8, a, b), (0, b, a)] {
                let mut m = vec![t, 0, 0, 0];
                m.extend_from_slice(&id.to_be_bytes());
                m.extend_from_slice(&seq.to_be_bytes());
                m.extend((0..56).map(|i| i as u8));
                f.ip(s, d, 1, &m, Some(2));
                out.push(f.buf.clone());
            }
        }
        // ICMP port unreachable, quoting the UDP datagram that caused it.
        70..=74 => {
            let (a, b) = (host(rng), server(rng));
            f.udp(a, b, ephemeral(rng), 9999, b"ping");
            let quoted = f.buf[14..].to_vec();
            let mut m = vec![3, 3, 0, 0, 0, 0, 0, 0];
            m.extend_from_slice(&quoted);
            f.ip(b, a, 1, &m, Some(2));
            out.push(f.buf.clone());
        }
        // ICMPv6 echo request and reply.
        75..=84 => {
            let (a, b) = (
                v6(1, 0x100 + rng.below(200) as u16),
                v6(2, 0x10 + rng.below(24) as u16),
            );
            let (id, seq) = (rng.next_u64() as u16, rng.below(1000) as u16);
            for (t, s, d) in [(128u8, a, b), (129, b, a)] {
                let mut m = vec![t, 0, 0, 0];
                m.extend_from_slice(&id.to_be_bytes());
                m.extend_from_slice(&seq.to_be_bytes());
                m.extend((0..56).map(|i| i as u8));
                f.ip(s, d, 58, &m, Some(2));
                out.push(f.buf.clone());
            }
        }
        // Neighbour solicitation and advertisement.
        85..=91 => {
            let (a, b) = (
                v6(1, 0x100 + rng.below(200) as u16),
                v6(2, 0x10 + rng.below(24) as u16),
            );
            let Addr::V6(target) = b else { unreachable!() };
            let mut ns = vec![135, 0, 0, 0, 0, 0, 0, 0];
            ns.extend_from_slice(&target);
            ns.extend_from_slice(&[1, 1]);
            ns.extend_from_slice(&mac_of(a));
            f.ip(a, b, 58, &ns, Some(2));
            out.push(f.buf.clone());
            let mut na = vec![136, 0, 0, 0, 0x60, 0, 0, 0];
            na.extend_from_slice(&target);
            na.extend_from_slice(&[2, 1]);
            na.extend_from_slice(&mac_of(b));
            f.ip(b, a, 58, &na, Some(2));
            out.push(f.buf.clone());
        }
        // ARP request (broadcast) and reply; received frames padded to 60 bytes.
        _ => {
            let (Addr::V4(a), Addr::V4(b)) = (host(rng), server(rng)) else {
                unreachable!()
            };
            let (ma, mb) = (mac_of(Addr::V4(a)), mac_of(Addr::V4(b)));
            for (op, smac, sip, tmac, tip, dst) in [
                (1u8, ma, a, [0u8; 6], b, [0xffu8; 6]),
                (2, mb, b, ma, a, ma),
            ] {
                let mut fr = Vec::with_capacity(60);
                fr.extend_from_slice(&dst);
                fr.extend_from_slice(&smac);
                fr.extend_from_slice(&[0x08, 0x06, 0, 1, 0x08, 0, 6, 4, 0, op]);
                fr.extend_from_slice(&smac);
                fr.extend_from_slice(&sip);
                fr.extend_from_slice(&tmac);
                fr.extend_from_slice(&tip);
                if op == 2 {
                    fr.resize(60, 0);
                }
                out.push(fr);
            }
        }
    }
}

/// What [`write_mix`] wrote.
#[derive(Clone, Copy, Debug, Default)]
pub struct MixStats {
    pub packets: u64,
    pub bytes: u64,
    pub tcp_connections: u64,
}

/// Writes `n` frames of the mix to `path`.
pub fn write_mix(path: &Path, n: u64, seed: u64) -> std::io::Result<MixStats> {
    let file = std::fs::File::create(path)?;
    let mut w = PcapWriter::new(std::io::BufWriter::with_capacity(1 << 20, file))?;
    let mut rng = Rng::new(seed);
    let mut f = Frames {
        buf: Vec::with_capacity(2048),
        ip_id: 0,
    };
    let mut stats = MixStats::default();
    // Connections open at any time; each finished one is replaced by a fresh one.
    const OPEN: usize = 256;
    let mut conns: Vec<(Conn, bool)> = Vec::with_capacity(OPEN);
    let mut ts_us: u64 = 1_764_597_600_000_000; // 2025-12-01 14:00:00 UTC
    let mut batch: Vec<Vec<u8>> = Vec::new();
    while stats.packets < n {
        batch.clear();
        let now_ms = (ts_us / 1000) as u32;
        let r = rng.below(100);
        if r < 70 {
            if conns.len() < OPEN {
                let v6_conn = rng.pct(20);
                conns.push((Conn::new(&mut rng, v6_conn), true));
                stats.tcp_connections += 1;
            }
            let i = rng.below(conns.len() as u64) as usize;
            let (c, fresh) = &mut conns[i];
            if c.emit(&mut rng, &mut f, now_ms, *fresh) {
                *fresh = false;
                batch.push(f.buf.clone());
            } else {
                conns.swap_remove(i);
            }
        } else if r < 78 {
            dns_exchange(&mut rng, &mut f, &mut batch);
        } else {
            other(&mut rng, &mut f, &mut batch);
        }
        for fr in &batch {
            if stats.packets == n {
                break;
            }
            ts_us += rng.below(240);
            w.record(ts_us, fr)?;
            stats.packets += 1;
            stats.bytes += fr.len() as u64;
        }
    }
    w.finish()?;
    Ok(stats)
}

/// Writes `n` identical-shape 60-byte Ethernet/IPv4/UDP frames (ports no tcpdump decoder
/// claims, so every line is "UDP, length 18"), 1000 packets per second: the original
/// `read_vs_tcpdump` file.
pub fn write_udp(path: &Path, n: u64) -> std::io::Result<()> {
    let file = std::fs::File::create(path)?;
    let mut w = PcapWriter::new(std::io::BufWriter::with_capacity(1 << 20, file))?;
    let mut fr = Vec::with_capacity(60);
    for i in 0..n {
        fr.clear();
        fr.extend_from_slice(&[2, 0, 0, 0, 0, 0xb, 2, 0, 0, 0, 0, 0xa, 8, 0]);
        let mut ip = [0u8; 20];
        ip[0] = 0x45;
        ip[2..4].copy_from_slice(&46u16.to_be_bytes());
        ip[4..6].copy_from_slice(&(i as u16).to_be_bytes());
        ip[8] = 64;
        ip[9] = 17;
        ip[12..16].copy_from_slice(&[192, 0, 2, 1]);
        ip[16..20].copy_from_slice(&[192, 0, 2, 2]);
        let c = crate::csum(&ip);
        ip[10..12].copy_from_slice(&c.to_be_bytes());
        fr.extend_from_slice(&ip);
        let sport = 40000 + (i % 1000) as u16;
        fr.extend_from_slice(&sport.to_be_bytes());
        fr.extend_from_slice(&9999u16.to_be_bytes());
        fr.extend_from_slice(&26u16.to_be_bytes());
        fr.extend_from_slice(&[0, 0]);
        fr.extend_from_slice(&[b'x'; 18]);
        let ts_us = (1_700_000_000 + i / 1000) * 1_000_000 + (i % 1000) * 1000;
        w.record(ts_us, &fr)?;
    }
    w.finish()?;
    Ok(())
}
