//! A small pcapng block reader and rewriter for `export --merge` and live `export -`.
//!
//! Each input is one sniffer's export stream: one pcapng section per capture file. The output
//! is a single section with one interface per (pod, interface): every input IDB is rewritten
//! with nanosecond resolution and a description naming the pod, packets get the new
//! interface index and nanosecond timestamps. `merge_files` orders packets by time across
//! inputs (a k-way merge, reading each input once, in constant memory); `Merger::feed`
//! alone serves live streaming, where packets are written as they arrive.

use crate::error::{Error, Result};
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};
use std::path::{Path, PathBuf};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader, BufWriter};

pub const SHB: u32 = 0x0A0D_0D0A;
pub const IDB: u32 = 1;
pub const NRB: u32 = 4;
pub const ISB: u32 = 5;
pub const EPB: u32 = 6;
pub const DSB: u32 = 10;
const CUSTOM: u32 = 0x0000_0BAD;
const CUSTOM_NOCOPY: u32 = 0x4000_0BAD;
const BYTE_ORDER_MAGIC: u32 = 0x1A2B_3C4D;
/// Larger blocks are corruption, not packets (snaplen is at most 262144).
const MAX_BLOCK: u32 = 16 << 20;

const OPT_END: u16 = 0;
const IF_NAME: u16 = 2;
const IF_DESCRIPTION: u16 = 3;
const IF_TSRESOL: u16 = 9;
const ISB_STARTTIME: u16 = 2;
const ISB_ENDTIME: u16 = 3;

/// One block: its type and the body between the two length fields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawBlock {
    pub kind: u32,
    pub body: Vec<u8>,
}

impl RawBlock {
    pub fn encode(&self) -> Vec<u8> {
        let total = (self.body.len() + 12) as u32;
        let mut out = Vec::with_capacity(total as usize);
        out.extend_from_slice(&self.kind.to_le_bytes());
        out.extend_from_slice(&total.to_le_bytes());
        out.extend_from_slice(&self.body);
        out.extend_from_slice(&total.to_le_bytes());
        out
    }
}

fn bad(msg: impl Into<String>) -> Error {
    Error::new(format!("malformed pcapng from the sniffer: {}", msg.into()))
}

/// Reads the next block, or None at a clean end of stream.
pub async fn read_block<R: AsyncRead + Unpin>(r: &mut R) -> Result<Option<RawBlock>> {
    let mut head = [0u8; 8];
    let mut got = 0;
    while got < 8 {
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
    let kind = u32::from_le_bytes(head[0..4].try_into().unwrap());
    let len = u32::from_le_bytes(head[4..8].try_into().unwrap());
    let mut rest = Vec::new();
    if kind == SHB {
        // The byte-order magic decides how to read the length, so check it first.
        let mut magic = [0u8; 4];
        r.read_exact(&mut magic)
            .await
            .map_err(|_| bad("stream ends inside a section header"))?;
        match u32::from_le_bytes(magic) {
            BYTE_ORDER_MAGIC => rest.extend_from_slice(&magic),
            m if m.swap_bytes() == BYTE_ORDER_MAGIC => {
                return Err(bad("big-endian sections are not supported"))
            }
            _ => return Err(bad("section header without byte-order magic")),
        }
    }
    if len < 12 + rest.len() as u32 || len % 4 != 0 || len > MAX_BLOCK {
        return Err(bad(format!("block length {len}")));
    }
    let already = rest.len();
    rest.resize(len as usize - 8, 0);
    r.read_exact(&mut rest[already..])
        .await
        .map_err(|_| bad("stream ends inside a block"))?;
    let trailer = u32::from_le_bytes(rest[rest.len() - 4..].try_into().unwrap());
    if trailer != len {
        return Err(bad("block lengths disagree"));
    }
    rest.truncate(rest.len() - 4);
    Ok(Some(RawBlock { kind, body: rest }))
}

fn u16_at(b: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([b[at], b[at + 1]])
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(b[at..at + 4].try_into().unwrap())
}

/// Iterates the (code, value) options of a block body starting at `start`.
fn options(body: &[u8], start: usize) -> Vec<(u16, &[u8])> {
    let mut out = Vec::new();
    let mut at = start;
    while at + 4 <= body.len() {
        let code = u16_at(body, at);
        let len = u16_at(body, at + 2) as usize;
        if code == OPT_END || at + 4 + len > body.len() {
            break;
        }
        out.push((code, &body[at + 4..at + 4 + len]));
        at += 4 + len.div_ceil(4) * 4;
    }
    out
}

fn push_option(out: &mut Vec<u8>, code: u16, value: &[u8]) {
    out.extend_from_slice(&code.to_le_bytes());
    out.extend_from_slice(&(value.len() as u16).to_le_bytes());
    out.extend_from_slice(value);
    out.resize(out.len() + (4 - value.len() % 4) % 4, 0);
}

/// Converts a timestamp in units of `tsresol` (pcapng's encoding) to nanoseconds.
pub fn to_nanos(ts: u64, tsresol: u8) -> u64 {
    let per_second: u128 = if tsresol & 0x80 == 0 {
        10u128.pow(u32::from(tsresol.min(38)))
    } else {
        1u128 << u32::from((tsresol & 0x7f).min(127))
    };
    ((ts as u128) * 1_000_000_000 / per_second.max(1)) as u64
}

/// The output's section header block.
pub fn section_header() -> RawBlock {
    let mut body = Vec::new();
    body.extend_from_slice(&BYTE_ORDER_MAGIC.to_le_bytes());
    body.extend_from_slice(&1u16.to_le_bytes());
    body.extend_from_slice(&0u16.to_le_bytes());
    body.extend_from_slice(&(-1i64).to_le_bytes());
    push_option(
        &mut body,
        4,
        concat!("kubectl-dumpy ", env!("CARGO_PKG_VERSION")).as_bytes(),
    );
    push_option(&mut body, OPT_END, &[]);
    RawBlock { kind: SHB, body }
}

/// What one input block becomes in the output.
#[derive(Debug, PartialEq, Eq)]
pub enum Out {
    /// Write now (interface descriptions, statistics, name resolution).
    Now(RawBlock),
    /// A packet with its time, for ordering.
    Packet(u64, RawBlock),
}

#[derive(Clone, Copy)]
struct Iface {
    out: u32,
    tsresol: u8,
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

    /// Feeds one block read from input `input`.
    pub fn feed(&mut self, input: usize, block: RawBlock) -> Result<Option<Out>> {
        let body = &block.body;
        match block.kind {
            SHB => {
                self.sections[input].clear();
                Ok(None)
            }
            IDB => {
                if body.len() < 8 {
                    return Err(bad("short interface description"));
                }
                let opts = options(body, 8);
                let tsresol = opts
                    .iter()
                    .find(|(c, v)| *c == IF_TSRESOL && !v.is_empty())
                    .map_or(6, |(_, v)| v[0]);
                if let Some(&out) = self.known.get(&(input, body.clone())) {
                    self.sections[input].push(Iface { out, tsresol });
                    return Ok(None);
                }
                let out = self.next_if;
                self.next_if += 1;
                self.known.insert((input, body.clone()), out);
                self.sections[input].push(Iface { out, tsresol });
                let if_name = opts
                    .iter()
                    .find(|(c, _)| *c == IF_NAME)
                    .map(|(_, v)| String::from_utf8_lossy(v).to_string())
                    .unwrap_or_else(|| format!("if{}", self.sections[input].len() - 1));
                let mut new = body[..8].to_vec();
                for (code, value) in &opts {
                    if *code != IF_TSRESOL && *code != IF_DESCRIPTION {
                        push_option(&mut new, *code, value);
                    }
                }
                push_option(
                    &mut new,
                    IF_DESCRIPTION,
                    format!("{} {if_name}", self.labels[input]).as_bytes(),
                );
                push_option(&mut new, IF_TSRESOL, &[9]);
                push_option(&mut new, OPT_END, &[]);
                Ok(Some(Out::Now(RawBlock {
                    kind: IDB,
                    body: new,
                })))
            }
            EPB | ISB => {
                if body.len() < 12 {
                    return Err(bad("short packet or statistics block"));
                }
                let Some(iface) = self.sections[input].get(u32_at(body, 0) as usize).copied()
                else {
                    return Err(bad(format!(
                        "block for undescribed interface {}",
                        u32_at(body, 0)
                    )));
                };
                let ts = (u64::from(u32_at(body, 4)) << 32) | u64::from(u32_at(body, 8));
                let ns = to_nanos(ts, iface.tsresol);
                let mut new = body.clone();
                new[0..4].copy_from_slice(&iface.out.to_le_bytes());
                new[4..8].copy_from_slice(&((ns >> 32) as u32).to_le_bytes());
                new[8..12].copy_from_slice(&(ns as u32).to_le_bytes());
                if block.kind == EPB {
                    self.packets += 1;
                    return Ok(Some(Out::Packet(
                        ns,
                        RawBlock {
                            kind: EPB,
                            body: new,
                        },
                    )));
                }
                // ISB start and end times are in the interface's resolution too.
                let mut at = 12;
                while at + 4 <= new.len() {
                    let (code, len) = (u16_at(&new, at), u16_at(&new, at + 2) as usize);
                    if code == OPT_END || at + 4 + len > new.len() {
                        break;
                    }
                    if (code == ISB_STARTTIME || code == ISB_ENDTIME) && len == 8 {
                        let v = at + 4;
                        let t = (u64::from(u32_at(&new, v)) << 32) | u64::from(u32_at(&new, v + 4));
                        let t = to_nanos(t, iface.tsresol);
                        new[v..v + 4].copy_from_slice(&((t >> 32) as u32).to_le_bytes());
                        new[v + 4..v + 8].copy_from_slice(&(t as u32).to_le_bytes());
                    }
                    at += 4 + len.div_ceil(4) * 4;
                }
                Ok(Some(Out::Now(RawBlock {
                    kind: ISB,
                    body: new,
                })))
            }
            NRB | DSB | CUSTOM | CUSTOM_NOCOPY => Ok(Some(Out::Now(block))),
            // Simple and obsolete packet blocks carry no interface index: the sniffer never
            // writes them, so they are dropped rather than guessed.
            _ => Ok(None),
        }
    }
}

/// Statistics of a merge.
#[derive(Debug, PartialEq, Eq)]
pub struct MergeStats {
    pub packets: u64,
    pub interfaces: u32,
}

/// Merges pcapng files (one per pod, labelled) into `out`, ordered by time.
pub async fn merge_files(inputs: &[(String, PathBuf)], out: &Path) -> Result<MergeStats> {
    let mut readers = Vec::new();
    for (_, path) in inputs {
        let f = tokio::fs::File::open(path)
            .await
            .map_err(|e| Error::new(format!("cannot open {}: {e}", path.display())))?;
        readers.push(BufReader::with_capacity(1 << 20, f));
    }
    let file = tokio::fs::File::create(out)
        .await
        .map_err(|e| Error::new(format!("cannot create {}: {e}", out.display())))?;
    let mut w = BufWriter::with_capacity(1 << 20, file);
    w.write_all(&section_header().encode()).await?;
    let mut merger = Merger::new(inputs.iter().map(|(l, _)| l.clone()).collect());
    // The heap holds the next packet of each input; other blocks are written as they are read.
    let mut heap: BinaryHeap<Reverse<(u64, usize)>> = BinaryHeap::new();
    let mut pending: Vec<Option<RawBlock>> = vec![None; inputs.len()];
    for i in 0..inputs.len() {
        if let Some((ts, b)) = advance(&mut merger, &mut readers[i], i, &mut w).await? {
            pending[i] = Some(b);
            heap.push(Reverse((ts, i)));
        }
    }
    while let Some(Reverse((_, i))) = heap.pop() {
        let block = pending[i]
            .take()
            .expect("a pending packet for every heap entry");
        w.write_all(&block.encode()).await?;
        if let Some((ts, b)) = advance(&mut merger, &mut readers[i], i, &mut w).await? {
            pending[i] = Some(b);
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
) -> Result<Option<(u64, RawBlock)>> {
    while let Some(block) = read_block(r).await? {
        match merger.feed(i, block)? {
            Some(Out::Packet(ts, b)) => return Ok(Some((ts, b))),
            Some(Out::Now(b)) => w.write_all(&b.encode()).await?,
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
    let (tx, mut rx) = tokio::sync::mpsc::channel::<(usize, Result<Option<RawBlock>>)>(1024);
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
        out.write_all(&section_header().encode()).await?;
        out.flush().await?;
        while let Some((i, b)) = rx.recv().await {
            let Some(block) = b.map_err(|e| std::io::Error::other(e.message))? else {
                continue;
            };
            match merger
                .feed(i, block)
                .map_err(|e| std::io::Error::other(e.message))?
            {
                Some(Out::Now(b)) | Some(Out::Packet(_, b)) => out.write_all(&b.encode()).await?,
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

    /// A little-endian section header.
    pub fn shb() -> Vec<u8> {
        section_header().encode()
    }

    pub fn idb(linktype: u16, name: &str, tsresol: Option<u8>) -> Vec<u8> {
        let mut body = Vec::new();
        body.extend_from_slice(&linktype.to_le_bytes());
        body.extend_from_slice(&0u16.to_le_bytes());
        body.extend_from_slice(&262144u32.to_le_bytes());
        push_option(&mut body, IF_NAME, name.as_bytes());
        if let Some(r) = tsresol {
            push_option(&mut body, IF_TSRESOL, &[r]);
        }
        push_option(&mut body, OPT_END, &[]);
        RawBlock { kind: IDB, body }.encode()
    }

    pub fn epb(iface: u32, ts: u64, data: &[u8]) -> Vec<u8> {
        let mut body = Vec::new();
        body.extend_from_slice(&iface.to_le_bytes());
        body.extend_from_slice(&((ts >> 32) as u32).to_le_bytes());
        body.extend_from_slice(&(ts as u32).to_le_bytes());
        body.extend_from_slice(&(data.len() as u32).to_le_bytes());
        body.extend_from_slice(&(data.len() as u32).to_le_bytes());
        body.extend_from_slice(data);
        body.resize(body.len() + (4 - data.len() % 4) % 4, 0);
        RawBlock { kind: EPB, body }.encode()
    }

    async fn blocks(bytes: &[u8]) -> Vec<RawBlock> {
        let mut r = bytes;
        let mut out = Vec::new();
        while let Some(b) = read_block(&mut r).await.unwrap() {
            out.push(b);
        }
        out
    }

    fn epb_fields(b: &RawBlock) -> (u32, u64) {
        (
            u32_at(&b.body, 0),
            (u64::from(u32_at(&b.body, 4)) << 32) | u64::from(u32_at(&b.body, 8)),
        )
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

    #[test]
    fn timestamps_convert_to_nanoseconds() {
        assert_eq!(to_nanos(1_500_000, 6), 1_500_000_000);
        assert_eq!(to_nanos(7, 9), 7);
        assert_eq!(to_nanos(1 << 20, 0x80 | 20), 1_000_000_000);
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
        assert_eq!(all.iter().filter(|b| b.kind == SHB).count(), 1);
        let idbs: Vec<_> = all.iter().filter(|b| b.kind == IDB).collect();
        let descr: Vec<String> = idbs
            .iter()
            .map(|b| {
                options(&b.body, 8)
                    .iter()
                    .find(|(c, _)| *c == IF_DESCRIPTION)
                    .map(|(_, v)| String::from_utf8_lossy(v).to_string())
                    .unwrap()
            })
            .collect();
        assert_eq!(descr, ["web-a eth0", "web-b eth0", "web-b lo"]);
        let packets: Vec<(u32, u64)> = all
            .iter()
            .filter(|b| b.kind == EPB)
            .map(epb_fields)
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
        let block = |bytes: Vec<u8>| {
            let kind = u32_at(&bytes, 0);
            RawBlock {
                kind,
                body: bytes[8..bytes.len() - 4].to_vec(),
            }
        };
        assert!(m.feed(0, block(idb(1, "eth0", Some(9)))).unwrap().is_some());
        assert!(m.feed(1, block(idb(1, "eth0", None))).unwrap().is_some());
        // An ISB for q's interface 0 (µs), with isb_starttime 2 s and isb_ifdrop.
        let mut body = Vec::new();
        body.extend_from_slice(&0u32.to_le_bytes());
        body.extend_from_slice(&0u32.to_le_bytes());
        body.extend_from_slice(&3_000_000u32.to_le_bytes());
        let start = 2_000_000u64;
        let mut v = ((start >> 32) as u32).to_le_bytes().to_vec();
        v.extend_from_slice(&(start as u32).to_le_bytes());
        push_option(&mut body, ISB_STARTTIME, &v);
        push_option(&mut body, 5, &7u64.to_le_bytes());
        push_option(&mut body, OPT_END, &[]);
        let Some(Out::Now(out)) = m.feed(1, RawBlock { kind: ISB, body }).unwrap() else {
            panic!()
        };
        assert_eq!(u32_at(&out.body, 0), 1, "q's eth0 is output interface 1");
        assert_eq!(u32_at(&out.body, 8), 3_000_000_000, "3 s in ns");
        let opts = options(&out.body, 12);
        let t = &opts.iter().find(|(c, _)| *c == ISB_STARTTIME).unwrap().1;
        let t = (u64::from(u32_at(t, 0)) << 32) | u64::from(u32_at(t, 4));
        assert_eq!(t, 2_000_000_000);
        assert_eq!(
            opts.iter().find(|(c, _)| *c == 5).unwrap().1,
            7u64.to_le_bytes()
        );
        // A packet for an interface never described is an error, not a guess.
        assert!(m.feed(0, block(epb(4, 1, &frame(1)))).is_err());
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
        assert_eq!(all[0].kind, SHB);
        assert_eq!(all.iter().filter(|b| b.kind == SHB).count(), 1);
        assert_eq!(all.iter().filter(|b| b.kind == IDB).count(), 3);
        // Every packet's interface was described before it.
        let mut described = 0;
        for b in &all {
            match b.kind {
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
