//! A small pcapng block reader and rewriter for `export --merge` and live `export -`.
//!
//! Each input is one sniffer's export stream: one pcapng section per capture file. The output
//! is a single section with one interface per (pod, interface): every input IDB is rewritten
//! with nanosecond resolution and a description naming the pod, packets get the new
//! interface index and nanosecond timestamps. `merge_files` orders packets by time across
//! inputs (a k-way merge, reading each input once, in bounded memory); `Merger::feed`
//! alone serves live streaming, where packets are written as they arrive.
//!
//! A sniffer's own file is not strictly in time order: on `-i any` the kernel stamps a packet
//! when it sees it, then queues it to the capture ring from whichever CPU handled it, so a
//! packet can land a few microseconds (and a few packets) behind a later one. A k-way merge
//! that trusts each input's order passes that disorder through (capinfos: `Strict time order:
//! False`); so each input is read [`REORDER_WINDOW`] packets ahead and gives its earliest.

use crate::error::{Error, Result};
use pcapng::blocks::{
    CUSTOM, CUSTOM_NOCOPY, DSB, EPB, IDB, IF_DESCRIPTION, IF_NAME, IF_TSRESOL, ISB, ISB_ENDTIME,
    ISB_STARTTIME, NRB, SHB,
};
use pcapng::tsresol::TsResol;
use pcapng::view::{header, Block, Endian, Epb, FormatError, Idb, Isb, Opt, MIN_BLOCK_LEN};
use pcapng::writer::{encode_epb_from, encode_idb_with, encode_isb_with, encode_shb, SectionInfo};
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};
use std::path::{Path, PathBuf};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader, BufWriter};

/// Larger blocks are corruption, not packets (snaplen is at most 262144).
const MAX_BLOCK: usize = 16 << 20;

/// Packets read ahead in each input to put it in time order: far more than the few packets a
/// capture ring reorders, and bounded memory (about 1.5 MB per pod for full-size frames).
pub const REORDER_WINDOW: usize = 1024;

fn bad(msg: impl std::fmt::Display) -> Error {
    Error::new(format!("malformed pcapng from the sniffer: {msg}"))
}

/// Reads the next block, whole and checked by pcapng's views, or None at a clean end of
/// stream.
pub async fn read_block<R: AsyncRead + Unpin>(r: &mut R) -> Result<Option<Vec<u8>>> {
    // Every block has at least this much, and an SHB's byte-order magic lies within it.
    let mut head = [0u8; MIN_BLOCK_LEN];
    let mut got = 0;
    while got < head.len() {
        let n = r.read(&mut head[got..]).await?;
        if n == 0 {
            return if got == 0 {
                Ok(None)
            } else {
                Err(bad("stream ends inside a block header"))
            };
        }
        got += n;
    }
    // The sniffer writes little-endian; rewriting other orders is not worth its code.
    let h = header(&head, Endian::Little).map_err(bad)?;
    if h.endian == Endian::Big {
        return Err(bad("big-endian sections are not supported"));
    }
    if h.total_len > MAX_BLOCK {
        return Err(bad(format!("block length {}", h.total_len)));
    }
    let mut block = head.to_vec();
    block.resize(h.total_len, 0);
    r.read_exact(&mut block[MIN_BLOCK_LEN..])
        .await
        .map_err(|_| bad("stream ends inside a block"))?;
    Block::new_checked(&block, Endian::Little).map_err(bad)?;
    Ok(Some(block))
}

/// The output's section header block.
pub fn section_header() -> Vec<u8> {
    let mut out = Vec::new();
    let info = SectionInfo {
        userappl: Some(concat!("kubectl-dumpy ", env!("CARGO_PKG_VERSION")).into()),
        ..Default::default()
    };
    encode_shb(&mut out, &info);
    out
}

/// What one input block becomes in the output (encoded blocks).
#[derive(Debug, PartialEq, Eq)]
pub enum Out {
    /// Write now (interface descriptions, statistics, name resolution).
    Now(Vec<u8>),
    /// A packet with its time, for ordering.
    Packet(u64, Vec<u8>),
}

#[derive(Clone, Copy)]
struct Iface {
    out: u32,
    tsresol: TsResol,
}

/// Rewrites blocks from several inputs into one section.
#[derive(Default)]
pub struct Merger {
    /// Input labels (pod names), used in interface descriptions.
    labels: Vec<String>,
    /// Interfaces of each input's current section, by input index.
    sections: Vec<Vec<Iface>>,
    /// Output interface of each distinct (input, IDB), so rotated files that describe the
    /// same interface again do not multiply interfaces.
    known: HashMap<(usize, Vec<u8>), u32>,
    next_if: u32,
    pub packets: u64,
}

impl Merger {
    pub fn new(labels: Vec<String>) -> Self {
        let sections = vec![Vec::new(); labels.len()];
        Merger {
            labels,
            sections,
            ..Default::default()
        }
    }

    pub fn interfaces(&self) -> u32 {
        self.next_if
    }

    /// Feeds one block (as [`read_block`] returns it) read from input `input`.
    pub fn feed(&mut self, input: usize, bytes: Vec<u8>) -> Result<Option<Out>> {
        let block = Block::new_checked(&bytes, Endian::Little).map_err(bad)?;
        match block.kind() {
            SHB => {
                self.sections[input].clear();
                Ok(None)
            }
            IDB => self.interface(input, block),
            EPB => {
                let epb = Epb::new_checked(block).map_err(bad)?;
                let iface = self.iface(input, epb.interface_id())?;
                let ns = self.nanos(input, iface, epb.timestamp())?;
                let mut out = Vec::with_capacity(bytes.len());
                encode_epb_from(&mut out, &epb, iface.out, ns);
                self.packets += 1;
                Ok(Some(Out::Packet(ns, out)))
            }
            ISB => {
                let isb = Isb::new_checked(block).map_err(bad)?;
                let iface = self.iface(input, isb.interface_id())?;
                let ns = self.nanos(input, iface, isb.timestamp())?;
                let e = isb.options().endian();
                let mut opts = Vec::new();
                for o in isb.options() {
                    let o = o.map_err(bad)?;
                    // Start and end times are in the interface's resolution too.
                    let time =
                        (o.code == ISB_STARTTIME || o.code == ISB_ENDTIME) && o.value.len() == 8;
                    let t = if time {
                        Some(self.nanos(input, iface, e.timestamp(o.value, 0))?)
                    } else {
                        None
                    };
                    opts.push((o, t));
                }
                let mut out = Vec::new();
                encode_isb_with(&mut out, iface.out, ns, |w| {
                    for (o, t) in &opts {
                        match t {
                            Some(t) => w.ts(o.code, *t),
                            None => w.bytes(o.code, o.value),
                        }
                    }
                });
                Ok(Some(Out::Now(out)))
            }
            NRB | DSB | CUSTOM | CUSTOM_NOCOPY => Ok(Some(Out::Now(bytes))),
            // Simple and obsolete packet blocks carry no interface index: the sniffer never
            // writes them, so they are dropped rather than guessed.
            _ => Ok(None),
        }
    }

    /// An IDB: a new output interface, unless this input described it before.
    fn interface(&mut self, input: usize, block: Block<'_>) -> Result<Option<Out>> {
        let idb = Idb::new_checked(block).map_err(bad)?;
        let opts: Vec<Opt> = idb
            .options()
            .collect::<std::result::Result<_, FormatError>>()
            .map_err(bad)?;
        let tsresol = match opts
            .iter()
            .find(|o| o.code == IF_TSRESOL && !o.value.is_empty())
        {
            Some(o) => TsResol::decode(o.value[0])
                .map_err(|e| bad(format!("{}: {e}", self.labels[input])))?,
            None => TsResol::MICROS,
        };
        let key = (input, block.body().to_vec());
        if let Some(&out) = self.known.get(&key) {
            self.sections[input].push(Iface { out, tsresol });
            return Ok(None);
        }
        let out = self.next_if;
        self.next_if += 1;
        self.known.insert(key, out);
        self.sections[input].push(Iface { out, tsresol });
        let if_name = opts
            .iter()
            .find(|o| o.code == IF_NAME)
            .map(|o| String::from_utf8_lossy(o.value).to_string())
            .unwrap_or_else(|| format!("if{}", self.sections[input].len() - 1));
        let mut new = Vec::new();
        encode_idb_with(&mut new, idb.linktype(), idb.snaplen(), |w| {
            for o in &opts {
                if o.code != IF_TSRESOL && o.code != IF_DESCRIPTION {
                    w.bytes(o.code, o.value);
                }
            }
            w.str(IF_DESCRIPTION, &format!("{} {if_name}", self.labels[input]));
            w.bytes(IF_TSRESOL, &[TsResol::NANOS.code()]);
        });
        Ok(Some(Out::Now(new)))
    }

    /// Input `input`'s interface `id` in its current section.
    fn iface(&self, input: usize, id: u32) -> Result<Iface> {
        self.sections[input]
            .get(id as usize)
            .copied()
            .ok_or_else(|| bad(format!("block for undescribed interface {id}")))
    }

    /// A timestamp of `iface` in nanoseconds, which the output uses throughout.
    fn nanos(&self, input: usize, iface: Iface, ts: u64) -> Result<u64> {
        iface.tsresol.to_nanos(ts).ok_or_else(|| {
            bad(format!(
                "{}: timestamp {ts} (at {} per second) is past what nanoseconds since 1970 hold",
                self.labels[input],
                iface.tsresol.units_per_sec()
            ))
        })
    }
}

/// Statistics of a merge.
#[derive(Debug, PartialEq, Eq)]
pub struct MergeStats {
    pub packets: u64,
    pub interfaces: u32,
}

/// Merges pcapng files (one per pod, labelled) into file `out`, ordered by time.
pub async fn merge_files(inputs: &[(String, PathBuf)], out: &Path) -> Result<MergeStats> {
    let readers = open_all(inputs).await?;
    let file = tokio::fs::File::create(out)
        .await
        .map_err(|e| Error::new(format!("cannot create {}: {e}", out.display())))?;
    merge_readers(inputs, readers, file).await
}

/// Merges pcapng files into a writer (stdout for `export --merge -`), ordered by time.
pub async fn merge_files_to<W: AsyncWrite + Unpin>(
    inputs: &[(String, PathBuf)],
    out: W,
) -> Result<MergeStats> {
    let readers = open_all(inputs).await?;
    merge_readers(inputs, readers, out).await
}

async fn open_all(inputs: &[(String, PathBuf)]) -> Result<Vec<BufReader<tokio::fs::File>>> {
    let mut readers = Vec::new();
    for (_, path) in inputs {
        let f = tokio::fs::File::open(path)
            .await
            .map_err(|e| Error::new(format!("cannot open {}: {e}", path.display())))?;
        readers.push(BufReader::with_capacity(1 << 20, f));
    }
    Ok(readers)
}

/// One input's next packets, earliest first (ties in file order), read up to
/// [`REORDER_WINDOW`] ahead so small disorder within one input is put right.
#[derive(Default)]
struct Window {
    packets: BinaryHeap<Reverse<(u64, u64, Vec<u8>)>>,
    /// Packets read so far from this input: the tie-breaker that keeps file order.
    read: u64,
    ended: bool,
}

impl Window {
    /// Reads until the window is full or its input ends; other blocks go out as they come,
    /// so an IDB always precedes the packets that use it.
    async fn top_up<R: AsyncRead + Unpin, W: AsyncWrite + Unpin>(
        &mut self,
        merger: &mut Merger,
        r: &mut R,
        i: usize,
        w: &mut W,
    ) -> Result<()> {
        while !self.ended && self.packets.len() < REORDER_WINDOW {
            match advance(merger, r, i, w).await? {
                Some((ts, b)) => {
                    self.packets.push(Reverse((ts, self.read, b)));
                    self.read += 1;
                }
                None => self.ended = true,
            }
        }
        Ok(())
    }

    fn earliest(&self) -> Option<u64> {
        self.packets.peek().map(|Reverse((ts, _, _))| *ts)
    }

    fn pop(&mut self) -> Option<Vec<u8>> {
        self.packets.pop().map(|Reverse((_, _, b))| b)
    }
}

/// The k-way merge of `readers` (labelled by `inputs`) into `out`.
async fn merge_readers<R, W>(
    inputs: &[(String, PathBuf)],
    mut readers: Vec<R>,
    out: W,
) -> Result<MergeStats>
where
    R: AsyncRead + Unpin,
    W: AsyncWrite + Unpin,
{
    let mut w = BufWriter::with_capacity(1 << 20, out);
    w.write_all(&section_header()).await?;
    let mut merger = Merger::new(inputs.iter().map(|(l, _)| l.clone()).collect());
    // Each input's window holds its next packets, earliest first (ties in file order); the
    // heap holds each input's earliest. Other blocks are written as they are read, so an IDB
    // always precedes the packets that use it.
    let mut windows: Vec<Window> = (0..inputs.len()).map(|_| Window::default()).collect();
    let mut heap: BinaryHeap<Reverse<(u64, usize)>> = BinaryHeap::new();
    for i in 0..inputs.len() {
        windows[i]
            .top_up(&mut merger, &mut readers[i], i, &mut w)
            .await?;
        if let Some(ts) = windows[i].earliest() {
            heap.push(Reverse((ts, i)));
        }
    }
    while let Some(Reverse((_, i))) = heap.pop() {
        let block = windows[i]
            .pop()
            .expect("a packet in the window of every heap entry");
        w.write_all(&block).await?;
        windows[i]
            .top_up(&mut merger, &mut readers[i], i, &mut w)
            .await?;
        if let Some(ts) = windows[i].earliest() {
            heap.push(Reverse((ts, i)));
        }
    }
    w.flush().await?;
    Ok(MergeStats {
        packets: merger.packets,
        interfaces: merger.interfaces(),
    })
}

/// Reads input `i` up to its next packet, writing the blocks before it.
async fn advance<R: AsyncRead + Unpin, W: AsyncWrite + Unpin>(
    merger: &mut Merger,
    r: &mut R,
    i: usize,
    w: &mut W,
) -> Result<Option<(u64, Vec<u8>)>> {
    while let Some(block) = read_block(r).await? {
        match merger.feed(i, block)? {
            Some(Out::Packet(ts, b)) => return Ok(Some((ts, b))),
            Some(Out::Now(b)) => w.write_all(&b).await?,
            None => {}
        }
    }
    Ok(None)
}

/// Streams several live inputs into `out` as one section, packets in arrival order. Returns
/// when every input ends, or quietly when the reader of `out` goes away (Wireshark closed).
pub async fn live<R, W>(inputs: Vec<(String, R)>, out: &mut W) -> Result<u64>
where
    R: AsyncRead + Unpin + Send + 'static,
    W: AsyncWrite + Unpin,
{
    let labels = inputs.iter().map(|(l, _)| l.clone()).collect();
    let mut merger = Merger::new(labels);
    let (tx, mut rx) = tokio::sync::mpsc::channel::<(usize, Result<Option<Vec<u8>>>)>(1024);
    for (i, (_, mut r)) in inputs.into_iter().enumerate() {
        let tx = tx.clone();
        tokio::spawn(async move {
            loop {
                let b = read_block(&mut r).await;
                let end = !matches!(b, Ok(Some(_)));
                if tx.send((i, b)).await.is_err() || end {
                    break;
                }
            }
        });
    }
    drop(tx);
    let run = async {
        out.write_all(&section_header()).await?;
        out.flush().await?;
        while let Some((i, b)) = rx.recv().await {
            let Some(block) = b.map_err(|e| std::io::Error::other(e.message))? else {
                continue;
            };
            match merger
                .feed(i, block)
                .map_err(|e| std::io::Error::other(e.message))?
            {
                Some(Out::Now(b)) | Some(Out::Packet(_, b)) => out.write_all(&b).await?,
                None => {}
            }
            // Flush when nothing else is queued, so a viewer sees packets without delay.
            if rx.is_empty() {
                out.flush().await?;
            }
        }
        Ok::<(), std::io::Error>(())
    };
    match run.await {
        Ok(()) => {}
        // The viewer went away: that ends a live export normally.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        Err(e) => return Err(Error::new(e.to_string())),
    }
    Ok(merger.packets)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use pcapng::blocks::ISB_IFDROP;
    use pcapng::writer::encode_epb;

    /// A little-endian section header.
    pub fn shb() -> Vec<u8> {
        section_header()
    }

    pub fn idb(linktype: u16, name: &str, tsresol: Option<u8>) -> Vec<u8> {
        let mut v = Vec::new();
        encode_idb_with(&mut v, linktype, 262144, |o| {
            o.str(IF_NAME, name);
            if let Some(r) = tsresol {
                o.bytes(IF_TSRESOL, &[r]);
            }
        });
        v
    }

    /// A packet with its timestamp in the units of its interface's if_tsresol.
    pub fn epb(iface: u32, ts: u64, data: &[u8]) -> Vec<u8> {
        let mut v = Vec::new();
        encode_epb(&mut v, iface, ts, data, data.len() as u32, None);
        v
    }

    async fn blocks(bytes: &[u8]) -> Vec<Vec<u8>> {
        let mut r = bytes;
        let mut out = Vec::new();
        while let Some(b) = read_block(&mut r).await.unwrap() {
            out.push(b);
        }
        out
    }

    fn view(b: &[u8]) -> Block<'_> {
        Block::new_checked(b, Endian::Little).unwrap()
    }

    fn kind(b: &[u8]) -> u32 {
        view(b).kind()
    }

    fn epb_fields(b: &[u8]) -> (u32, u64) {
        let e = Epb::new_checked(view(b)).unwrap();
        (e.interface_id(), e.timestamp())
    }

    /// A minimal Ethernet/IPv4/UDP frame between documentation addresses.
    pub fn frame(tag: u8) -> Vec<u8> {
        let mut f = vec![0x02, 0, 0, 0, 0, 1, 0x02, 0, 0, 0, 0, 2, 0x08, 0x00];
        let ip = [
            0x45, 0, 0, 29, 0, 0, 0, 0, 64, 17, 0, 0, 192, 0, 2, 1, 192, 0, 2, 2,
        ];
        f.extend_from_slice(&ip);
        f.extend_from_slice(&[0x30, 0x39, 0x00, 0x35, 0, 9, 0, 0, tag]);
        f
    }

    fn pod_a() -> Vec<u8> {
        // Two sections (a rotation): the same eth0 described again, microsecond resolution.
        let mut v = shb();
        v.extend(idb(1, "eth0", None));
        v.extend(epb(0, 1_000_000, &frame(1))); // 1.000000 s
        v.extend(epb(0, 3_000_000, &frame(3))); // 3 s
        v.extend(shb());
        v.extend(idb(1, "eth0", None));
        v.extend(epb(0, 5_000_000, &frame(5))); // 5 s
        v
    }

    fn pod_b() -> Vec<u8> {
        // Nanosecond resolution, two interfaces.
        let mut v = shb();
        v.extend(idb(1, "eth0", Some(9)));
        v.extend(idb(1, "lo", Some(9)));
        v.extend(epb(1, 2_000_000_000, &frame(2)));
        v.extend(epb(0, 4_000_000_000, &frame(4)));
        v
    }

    /// As a capture ring writes them: a packet stamped 8 µs before the one written ahead of
    /// it (ns resolution).
    fn pod_c() -> Vec<u8> {
        let mut v = shb();
        v.extend(idb(1, "eth0", Some(9)));
        v.extend(epb(0, 2_500_000_000, &frame(6)));
        v.extend(epb(0, 2_500_008_000, &frame(8)));
        v.extend(epb(0, 2_500_000_000 - 1, &frame(7)));
        v.extend(epb(0, 6_000_000_000, &frame(9)));
        v
    }

    /// capinfos' verdict on the order of `path`'s packets.
    fn strict_time_order(path: &Path) -> bool {
        let info = tool("capinfos", &["-o".as_ref(), path.as_os_str()]);
        let line = info
            .lines()
            .find(|l| l.starts_with("Strict time order:"))
            .unwrap_or_else(|| panic!("{info}"));
        line.ends_with("True")
    }

    #[tokio::test]
    async fn merge_puts_slightly_disordered_inputs_in_strict_time_order() {
        let dir = std::env::temp_dir().join(format!("dumpy-order-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let _guard = DirGuard(dir.clone());
        let mut inputs = Vec::new();
        for (label, bytes) in [("web-a", pod_a()), ("web-b", pod_b()), ("web-c", pod_c())] {
            let p = dir.join(format!("{label}.pcapng"));
            std::fs::write(&p, bytes).unwrap();
            inputs.push((label.to_string(), p));
        }
        assert!(
            !strict_time_order(&inputs[2].1),
            "the input is out of order"
        );
        let out = dir.join("merged.pcapng");
        let stats = merge_files(&inputs, &out).await.unwrap();
        assert_eq!(stats.packets, 9);
        assert!(
            strict_time_order(&out),
            "merged output is not in time order"
        );
        let times = epochs(&out);
        assert_eq!(times.len(), 9);
        assert!(times[2].starts_with("2.499999999") && times[3].starts_with("2.500000000"));
    }

    #[tokio::test]
    async fn reader_rejects_garbage_with_a_clear_message() {
        let e = read_block(&mut &b"\x01\x00\x00\x00\x05\x00\x00\x00xxxx"[..])
            .await
            .unwrap_err();
        assert!(e.message.contains("malformed pcapng"), "{e}");
        let mut big_endian = b"\x0a\x0d\x0d\x0a\x00\x00\x00\x1c\x1a\x2b\x3c\x4d".to_vec();
        big_endian.resize(28, 0);
        let e = read_block(&mut &big_endian[..]).await.unwrap_err();
        assert!(e.message.contains("big-endian"), "{e}");
        let e = read_block(&mut &b"\x01\x00\x00"[..]).await.unwrap_err();
        assert!(e.message.contains("inside a block header"), "{e}");
        assert!(read_block(&mut &b""[..]).await.unwrap().is_none());
    }

    #[tokio::test]
    async fn merge_orders_by_time_with_one_interface_per_pod_interface() {
        let dir = std::env::temp_dir().join(format!("dumpy-merge-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let _guard = DirGuard(dir.clone());
        let (a, b, out) = (
            dir.join("a.pcapng"),
            dir.join("b.pcapng"),
            dir.join("merged.pcapng"),
        );
        std::fs::write(&a, pod_a()).unwrap();
        std::fs::write(&b, pod_b()).unwrap();
        let stats = merge_files(&[("web-a".into(), a), ("web-b".into(), b)], &out)
            .await
            .unwrap();
        assert_eq!(
            stats,
            MergeStats {
                packets: 5,
                interfaces: 3
            }
        );

        let bytes = std::fs::read(&out).unwrap();
        let all = blocks(&bytes).await;
        assert_eq!(all.iter().filter(|b| kind(b) == SHB).count(), 1);
        let descr: Vec<String> = all
            .iter()
            .filter(|b| kind(b) == IDB)
            .map(|b| {
                Idb::new_checked(view(b))
                    .unwrap()
                    .options()
                    .map(|o| o.unwrap())
                    .find(|o| o.code == IF_DESCRIPTION)
                    .map(|o| String::from_utf8_lossy(o.value).to_string())
                    .unwrap()
            })
            .collect();
        assert_eq!(descr, ["web-a eth0", "web-b eth0", "web-b lo"]);
        let packets: Vec<(u32, u64)> = all
            .iter()
            .filter(|b| kind(b) == EPB)
            .map(|b| epb_fields(b))
            .collect();
        assert_eq!(
            packets,
            [
                (0, 1_000_000_000),
                (2, 2_000_000_000),
                (0, 3_000_000_000),
                (1, 4_000_000_000),
                (0, 5_000_000_000)
            ]
        );
        judge_with_tshark(&out);
    }

    /// tshark, when installed (it is on CI: scripts/install-deps), must read the merge and see
    /// the packets in time order with their pod interfaces.
    fn judge_with_tshark(path: &Path) {
        let Ok(out) = std::process::Command::new("tshark")
            .args(["-r"])
            .arg(path)
            .args([
                "-T",
                "fields",
                "-e",
                "frame.time_epoch",
                "-e",
                "frame.interface_description",
                "-e",
                "udp.dstport",
            ])
            .output()
        else {
            panic!("tshark is needed to judge pcapng output: apt-get install tshark");
        };
        assert!(
            out.status.success(),
            "tshark: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8_lossy(&out.stdout);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 5, "{text}");
        assert!(
            lines[0].starts_with("1.0000000") && lines[0].contains("web-a eth0"),
            "{text}"
        );
        assert!(
            lines[1].starts_with("2.0000000") && lines[1].contains("web-b lo"),
            "{text}"
        );
        assert!(
            lines[4].starts_with("5.0000000") && lines[4].contains("\t53"),
            "{text}"
        );
    }

    fn tool(name: &str, args: &[&std::ffi::OsStr]) -> String {
        let out = std::process::Command::new(name)
            .args(args)
            .output()
            .unwrap_or_else(|e| {
                panic!("{name} is needed to judge pcapng output ({e}): apt-get install tshark")
            });
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).to_string()
    }

    fn epochs(path: &Path) -> Vec<String> {
        tool(
            "tshark",
            &[
                "-r".as_ref(),
                path.as_os_str(),
                "-T".as_ref(),
                "fields".as_ref(),
                "-e".as_ref(),
                "frame.time_epoch".as_ref(),
            ],
        )
        .lines()
        .map(str::to_string)
        .collect()
    }

    /// Files written by Wireshark's own pcapng writer (editcap) merge in the same order as
    /// Wireshark's mergecap puts them.
    #[tokio::test]
    async fn merge_agrees_with_mergecap_on_wireshark_written_files() {
        let dir = std::env::temp_dir().join(format!("dumpy-mergecap-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let _guard = DirGuard(dir.clone());
        let mut inputs = Vec::new();
        for (label, bytes) in [("web-a", pod_a()), ("web-b", pod_b())] {
            let raw = dir.join(format!("{label}.raw.pcapng"));
            let rewritten = dir.join(format!("{label}.pcapng"));
            std::fs::write(&raw, bytes).unwrap();
            tool(
                "editcap",
                &[
                    "-F".as_ref(),
                    "pcapng".as_ref(),
                    raw.as_os_str(),
                    rewritten.as_os_str(),
                ],
            );
            inputs.push((label.to_string(), rewritten));
        }
        let ours = dir.join("ours.pcapng");
        let reference = dir.join("mergecap.pcapng");
        let stats = merge_files(&inputs, &ours).await.unwrap();
        assert_eq!(stats.packets, 5);
        tool(
            "mergecap",
            &[
                "-F".as_ref(),
                "pcapng".as_ref(),
                "-w".as_ref(),
                reference.as_os_str(),
                inputs[0].1.as_os_str(),
                inputs[1].1.as_os_str(),
            ],
        );
        let (a, b) = (epochs(&ours), epochs(&reference));
        assert_eq!(a.len(), 5);
        assert_eq!(a, b);
        let info = tool("capinfos", &["-I".as_ref(), ours.as_os_str()]);
        assert!(
            info.contains("web-a eth0") && info.contains("web-b lo"),
            "{info}"
        );
    }

    #[test]
    fn statistics_follow_their_interface() {
        let mut m = Merger::new(vec!["p".into(), "q".into()]);
        assert!(m.feed(0, idb(1, "eth0", Some(9))).unwrap().is_some());
        assert!(m.feed(1, idb(1, "eth0", None)).unwrap().is_some());
        // An ISB for q's interface 0 (µs), with isb_starttime 2 s and isb_ifdrop.
        let mut isb = Vec::new();
        encode_isb_with(&mut isb, 0, 3_000_000, |o| {
            o.ts(ISB_STARTTIME, 2_000_000);
            o.u64(ISB_IFDROP, 7);
        });
        let Some(Out::Now(out)) = m.feed(1, isb).unwrap() else {
            panic!()
        };
        let out = Isb::new_checked(view(&out)).unwrap();
        assert_eq!(out.interface_id(), 1, "q's eth0 is output interface 1");
        assert_eq!(out.timestamp(), 3_000_000_000, "3 s in ns");
        let opts: Vec<Opt> = out.options().map(|o| o.unwrap()).collect();
        let t = opts.iter().find(|o| o.code == ISB_STARTTIME).unwrap().value;
        assert_eq!(Endian::Little.timestamp(t, 0), 2_000_000_000);
        assert_eq!(
            opts.iter().find(|o| o.code == ISB_IFDROP).unwrap().value,
            7u64.to_le_bytes()
        );
        // A packet for an interface never described is an error, not a guess.
        assert!(m.feed(0, epb(4, 1, &frame(1))).is_err());
    }

    /// A resolution finer than a u64 count per second is reported, as the reader does,
    /// rather than clamped to some other time.
    #[test]
    fn too_fine_a_resolution_is_reported_not_clamped() {
        let mut m = Merger::new(vec!["web-a".into()]);
        for code in [20u8, 38, 0x80 | 64] {
            let e = m.feed(0, idb(1, "eth0", Some(code))).unwrap_err();
            assert!(e.message.contains("web-a: if_tsresol too fine"), "{e}");
        }
        // Microseconds past 2^64 ns cannot be written in nanoseconds: reported too.
        assert!(m.feed(0, idb(1, "eth0", None)).unwrap().is_some());
        let e = m.feed(0, epb(0, u64::MAX, &frame(1))).unwrap_err();
        assert!(e.message.contains("past what nanoseconds"), "{e}");
    }

    #[tokio::test]
    async fn live_streams_one_section_from_many_inputs() {
        let inputs = vec![
            ("web-a".to_string(), std::io::Cursor::new(pod_a())),
            ("web-b".to_string(), std::io::Cursor::new(pod_b())),
        ];
        let mut out = Vec::new();
        let packets = live(inputs, &mut out).await.unwrap();
        assert_eq!(packets, 5);
        let all = blocks(&out).await;
        assert_eq!(kind(&all[0]), SHB);
        assert_eq!(all.iter().filter(|b| kind(b) == SHB).count(), 1);
        assert_eq!(all.iter().filter(|b| kind(b) == IDB).count(), 3);
        // Every packet's interface was described before it.
        let mut described = 0;
        for b in &all {
            match kind(b) {
                IDB => described += 1,
                EPB => assert!(epb_fields(b).0 < described),
                _ => {}
            }
        }
    }

    struct DirGuard(PathBuf);
    impl Drop for DirGuard {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}
