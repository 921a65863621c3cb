//! The capture thread's side of output: turns ring slices into EPBs inside pooled chunks,
//! keeps the interface table, and decides rotation (it alone knows every block's size).
//!
//! Per packet this does one interface lookup, one size check and one copy into the chunk.

use super::outfile::ALIGN;
use super::pool::{Chunk, Pool};
use super::sink::{forward_to_printer, SinkMsg};
use super::summaries::LinkTypes;
use crate::interfaces;
use pcapng::blocks::flags_from_sll_pkttype;
use pcapng::writer::{self, InterfaceDesc, InterfaceStats, SectionInfo};
use sniffer_contract::rotate::RotationPolicy;
use std::collections::HashMap;
use std::sync::atomic::AtomicU64;
use std::sync::mpsc::SyncSender;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// Where finished chunks go.
pub enum Route {
    /// To the file writer thread (which passes them on to the printer when summaries are on).
    Files(SyncSender<SinkMsg>),
    /// Straight to the printer: no `-w`.
    PrinterOnly(SyncSender<Arc<Chunk>>, Arc<AtomicU64>),
}

/// Interfaces by pcapng interface id. Ids are stable for the whole capture: every file
/// repeats the same IDBs in the same order.
pub struct InterfaceSet {
    descs: Vec<InterfaceDesc>,
    by_ifindex: HashMap<u32, u32>,
    /// ifindex per id, for the ISB counters (`None` for a single named interface).
    ifindex: Vec<Option<u32>>,
    /// Shared with the printer thread.
    pub linktypes: LinkTypes,
    /// ifindex → name, shared with the printer thread for SLL2 lines.
    pub names: Arc<RwLock<HashMap<u32, String>>>,
    template: InterfaceDesc,
    per_ifindex: bool,
}

impl InterfaceSet {
    /// One IDB per ifindex on `any`; otherwise one IDB for the named interface.
    pub fn new(
        template: InterfaceDesc,
        per_ifindex: bool,
        table: &interfaces::InterfaceTable,
    ) -> Self {
        let mut set = InterfaceSet {
            descs: Vec::new(),
            by_ifindex: HashMap::new(),
            ifindex: Vec::new(),
            linktypes: Arc::new(RwLock::new(Vec::new())),
            names: Arc::new(RwLock::new(
                table.iter().map(|(i, n)| (*i, n.clone())).collect(),
            )),
            template: template.clone(),
            per_ifindex,
        };
        if per_ifindex {
            for (ifindex, name) in table {
                set.add(*ifindex, name.clone());
            }
        } else {
            set.push(template, None);
        }
        set
    }

    fn push(&mut self, desc: InterfaceDesc, ifindex: Option<u32>) -> u32 {
        let id = self.descs.len() as u32;
        self.linktypes
            .write()
            .unwrap()
            .push(u32::from(desc.linktype));
        self.descs.push(desc);
        self.ifindex.push(ifindex);
        id
    }

    fn add(&mut self, ifindex: u32, name: String) -> u32 {
        let desc = InterfaceDesc {
            name: name.clone(),
            ..self.template.clone()
        };
        self.names.write().unwrap().insert(ifindex, name);
        let id = self.push(desc, Some(ifindex));
        self.by_ifindex.insert(ifindex, id);
        id
    }

    pub fn count(&self) -> usize {
        self.descs.len()
    }
}

/// Per-file bookkeeping for rotation and the ISBs that close each file.
struct OpenFile {
    seq: u64,
    bytes: u64,
    packets: u64,
    opened: Instant,
    start_ns: u64,
    accepted: Vec<u64>,
    if_counters_at_open: std::collections::BTreeMap<String, interfaces::Counters>,
    osdrop_at_open: u64,
}

pub struct Encoder {
    pool: Pool,
    chunk: Chunk,
    route: Route,
    pub ifaces: InterfaceSet,
    section: SectionInfo,
    policy: RotationPolicy,
    file: Option<OpenFile>,
    fixed_flags: Option<u32>,
    last_send: Instant,
    last_ifindex: (u32, u32),
    /// The kernel's drop counter as last read, for per-file ISB deltas.
    pub kernel_drops: u64,
    pub captured: u64,
    /// The size of one closing ISB (see [`isb_len`]), kept off the hot path.
    isb_bytes: u64,
}

/// The comment an ISB carries on `any`, where one kernel ring serves every interface.
fn isb_comment(shared_ring: bool) -> Option<String> {
    shared_ring.then(|| {
        "isb_osdrop counts drops of the capture's one kernel ring, shared by all interfaces of `any`"
            .to_string()
    })
}

/// The size of the ISB that [`Encoder::end_file`] writes per interface: its options are
/// fixed-size numbers (all present at most), so every ISB of a capture has at most this size.
fn isb_len(shared_ring: bool) -> u64 {
    let most = InterfaceStats {
        start_ns: Some(0),
        end_ns: Some(0),
        ifrecv: Some(0),
        ifdrop: Some(0),
        filteraccept: Some(0),
        osdrop: Some(0),
        usrdeliv: Some(0),
        comment: isb_comment(shared_ring),
    };
    let mut b = Vec::new();
    writer::encode_isb(&mut b, 0, 0, &most);
    b.len() as u64
}

pub fn now_ns() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0)
}

impl Encoder {
    pub fn new(
        pool: Pool,
        route: Route,
        ifaces: InterfaceSet,
        section: SectionInfo,
        policy: RotationPolicy,
        fixed_flags: Option<u32>,
    ) -> Encoder {
        let chunk = pool.take();
        let mut enc = Encoder {
            pool,
            chunk,
            route,
            ifaces,
            section,
            policy,
            file: None,
            fixed_flags,
            last_send: Instant::now(),
            last_ifindex: (u32::MAX, 0),
            kernel_drops: 0,
            captured: 0,
            isb_bytes: 0,
        };
        enc.isb_bytes = isb_len(enc.ifaces.per_ifindex);
        if matches!(enc.route, Route::Files(_)) {
            // File 1 was created by the sink before the capture started.
            enc.begin_file(1);
        }
        enc
    }

    fn begin_file(&mut self, seq: u64) {
        let start = self.chunk.bytes.len();
        writer::encode_shb(&mut self.chunk.bytes, &self.section);
        for d in &self.ifaces.descs {
            writer::encode_idb(&mut self.chunk.bytes, d);
        }
        let header = (self.chunk.bytes.len() - start) as u64;
        self.file = Some(OpenFile {
            seq,
            bytes: header,
            packets: 0,
            opened: Instant::now(),
            start_ns: now_ns(),
            accepted: vec![0; self.ifaces.count()],
            if_counters_at_open: interfaces::counters().unwrap_or_default(),
            osdrop_at_open: self.kernel_drops,
        });
    }

    /// Writes the ISBs that close the current file.
    fn end_file(&mut self) {
        let Some(f) = self.file.take() else { return };
        let end = now_ns();
        let counters = interfaces::counters().unwrap_or_default();
        let shared_ring = self.ifaces.per_ifindex;
        for (id, desc) in self.ifaces.descs.clone().iter().enumerate() {
            let accepted = f.accepted.get(id).copied().unwrap_or(0);
            let delta = |now: Option<&interfaces::Counters>| {
                let before = f
                    .if_counters_at_open
                    .get(&desc.name)
                    .copied()
                    .unwrap_or_default();
                now.map(|c| {
                    (
                        c.packets.saturating_sub(before.packets),
                        c.dropped.saturating_sub(before.dropped),
                    )
                })
            };
            let (ifrecv, ifdrop) = match delta(counters.get(&desc.name)) {
                Some((r, d)) => (Some(r), Some(d)),
                None => (None, None),
            };
            let stats = InterfaceStats {
                start_ns: Some(f.start_ns),
                end_ns: Some(end),
                ifrecv,
                ifdrop,
                filteraccept: Some(accepted),
                osdrop: Some(self.kernel_drops.saturating_sub(f.osdrop_at_open)),
                usrdeliv: Some(accepted),
                comment: isb_comment(shared_ring),
            };
            self.reserve(512);
            writer::encode_isb(&mut self.chunk.bytes, id as u32, end, &stats);
        }
    }

    fn reserve(&mut self, n: usize) {
        if self.chunk.bytes.len() + n > self.pool.buf_size() {
            self.chunk.more = true;
            self.send();
        }
    }

    /// Sends the current chunk on its way (if it holds anything) and takes a fresh one.
    pub fn send(&mut self) {
        if self.chunk.is_empty() {
            return;
        }
        let full = std::mem::replace(&mut self.chunk, self.pool.take());
        // The next blocks continue the current file after this many bytes of its last
        // partial aligned block (none after a rotation, which has ended the file).
        let tail = self
            .file
            .as_ref()
            .map_or(0, |f| (f.bytes % ALIGN as u64) as usize);
        self.chunk.begin(tail);
        let full = Arc::new(full);
        match &self.route {
            Route::Files(tx) => {
                // A hung-up sink means writing failed; the capture loop notices the flag.
                let _ = tx.send(SinkMsg::Data(full));
            }
            Route::PrinterOnly(tx, skipped) => {
                forward_to_printer(Some(&(tx.clone(), skipped.clone())), full)
            }
        }
        self.last_send = Instant::now();
    }

    /// Closes the current file and opens the next one.
    pub fn rotate(&mut self) {
        let Some(seq) = self.file.as_ref().map(|f| f.seq) else {
            return;
        };
        self.end_file();
        self.send();
        if let Route::Files(tx) = &self.route {
            let _ = tx.send(SinkMsg::Close);
            let _ = tx.send(SinkMsg::Open(seq + 1));
        }
        self.begin_file(seq + 1);
        // The new file's header goes out at once, so the file is a readable (if empty)
        // capture from its first moment, even if the sniffer is killed right after.
        self.send();
    }

    /// The hot path: one packet from the ring.
    #[inline]
    pub fn packet(&mut self, ts_sec: i64, ts_nsec: u32, wire_len: u32, data: &[u8]) {
        let (id, flags) = if self.ifaces.per_ifindex && data.len() >= 20 {
            let ifindex = u32::from_be_bytes([data[4], data[5], data[6], data[7]]);
            (self.interface_id(ifindex), flags_from_sll_pkttype(data[10]))
        } else {
            (0, self.fixed_flags)
        };
        let len = writer::epb_len(data.len(), flags.is_some());
        if let (Some(max), Some(f)) = (self.policy.max_bytes, self.file.as_ref()) {
            // -C bounds the whole file, the ISBs that will close it included.
            if f.packets > 0 && f.bytes + len as u64 + self.closing_bytes() > max {
                self.rotate();
            }
        }
        if self.chunk.bytes.len() + len > self.pool.buf_size() {
            self.chunk.more = true;
            self.send();
        }
        let ts_ns = (ts_sec as u64)
            .wrapping_mul(1_000_000_000)
            .wrapping_add(u64::from(ts_nsec));
        writer::encode_epb(&mut self.chunk.bytes, id, ts_ns, data, wire_len, flags);
        self.chunk.packets += 1;
        self.captured += 1;
        if let Some(f) = self.file.as_mut() {
            f.bytes += len as u64;
            f.packets += 1;
            if let Some(a) = f.accepted.get_mut(id as usize) {
                *a += 1;
            }
        }
    }

    /// Bytes the current file's closing ISBs will take.
    fn closing_bytes(&self) -> u64 {
        self.isb_bytes * self.ifaces.count() as u64
    }

    #[inline]
    fn interface_id(&mut self, ifindex: u32) -> u32 {
        if self.last_ifindex.0 == ifindex {
            return self.last_ifindex.1;
        }
        let id = match self.ifaces.by_ifindex.get(&ifindex) {
            Some(id) => *id,
            None => self.new_interface(ifindex),
        };
        self.last_ifindex = (ifindex, id);
        id
    }

    /// An interface that appeared during the capture: name it (this thread is in the
    /// target namespace) and announce it with an IDB in the current section.
    #[cold]
    fn new_interface(&mut self, ifindex: u32) -> u32 {
        let name = interfaces::name_of(ifindex).unwrap_or_else(|| format!("ifindex{ifindex}"));
        if let (Some(max), Some(f)) = (self.policy.max_bytes, self.file.as_ref()) {
            // Its IDB and ISB must fit too; if they do not, the next file starts with them.
            let mut idb = Vec::new();
            let desc = InterfaceDesc {
                name: name.clone(),
                ..self.ifaces.template.clone()
            };
            writer::encode_idb(&mut idb, &desc);
            let more = idb.len() as u64 + self.isb_bytes;
            if f.packets > 0 && f.bytes + self.closing_bytes() + more > max {
                self.rotate();
            }
        }
        let id = self.ifaces.add(ifindex, name);
        if let Some(f) = self.file.as_mut() {
            f.accepted.push(0);
            let before = self.chunk.bytes.len();
            writer::encode_idb(&mut self.chunk.bytes, &self.ifaces.descs[id as usize]);
            f.bytes += (self.chunk.bytes.len() - before) as u64;
        }
        id
    }

    /// Called after every ring read: flushes for latency and rotates on time.
    pub fn tick(&mut self, flush_after: Duration) {
        if let (Some(age), Some(f)) = (self.policy.max_age, self.file.as_ref()) {
            if f.opened.elapsed() >= age {
                self.rotate();
            }
        }
        if self.chunk.bytes.len() >= self.pool.buf_size() / 2
            || self.last_send.elapsed() >= flush_after
        {
            self.send();
        }
    }

    /// Ends the capture's output: ISBs, the last chunk, and the last file's close.
    pub fn finish(mut self) {
        self.end_file();
        self.send();
        if let Route::Files(tx) = &self.route {
            let _ = tx.send(SinkMsg::Close);
        }
    }
}
