//! `offline::print_file` beyond plain printing: BPF filters (with tcpdump's wire-length
//! semantics), -c, standard input, the header line, bad files; and the reader on pcapng with
//! several sections and interfaces of different link types and timestamp resolutions.
//! tcpdump is the judge wherever it can read the file.

use capture_core::offline::{print_file, OfflineError, OfflineOptions};
use pcapng::reader::Reader;
use printer::PrintOptions;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

struct TempDir(PathBuf);
impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn temp(name: &str) -> TempDir {
    let d = std::env::temp_dir().join(format!("dumpy-offline-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    TempDir(d)
}

fn corners(dir: &Path) -> PathBuf {
    let gen = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/gen_corners.py");
    let st = Command::new("python3")
        .arg(gen)
        .arg(dir)
        .status()
        .expect("python3 with scapy");
    assert!(st.success(), "gen_corners.py failed");
    dir.join("eth.pcap")
}

fn tcpdump(file: &Path, extra: &[&str]) -> (String, String) {
    let out = Command::new("tcpdump")
        .args(["-nn", "-r"])
        .arg(file)
        .args(extra)
        .env("TZ", "UTC")
        .output()
        .expect("tcpdump");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn ours(path: &Path, filter: &str, count: Option<u64>) -> Result<(String, String), OfflineError> {
    std::env::set_var("TZ", "UTC");
    let opts = OfflineOptions {
        path: path.to_path_buf(),
        filter: filter.to_string(),
        count,
        print: PrintOptions::default(),
    };
    let (mut o, mut e) = (Vec::new(), Vec::new());
    print_file(&opts, &mut o, &mut e)?;
    Ok((String::from_utf8(o).unwrap(), String::from_utf8(e).unwrap()))
}

#[test]
fn filters_count_and_header_match_tcpdump() {
    let d = temp("filter");
    let f = corners(&d.0);
    for filter in [
        "icmp",
        "tcp port 8080",
        "ip6 and udp",
        "len > 100",
        "greater 120",
        "vlan",
        "arp or icmp6",
    ] {
        let (want, want_err) = tcpdump(&f, &[filter]);
        let (got, got_err) = ours(&f, filter, None).unwrap();
        assert!(
            !want.is_empty() || filter == "vlan",
            "filter {filter} matched nothing"
        );
        assert_eq!(got, want, "filter {filter:?}");
        assert_eq!(got_err.lines().next(), want_err.lines().next());
    }
    let (want, _) = tcpdump(&f, &["-c", "7", "udp"]);
    let (got, _) = ours(&f, "udp", Some(7)).unwrap();
    assert_eq!(got, want);
    assert_eq!(got.lines().count(), 7);
}

#[test]
fn bad_filter_and_bad_file_are_errors() {
    let d = temp("bad");
    let f = corners(&d.0);
    let e = ours(&f, "tcp port eighty", None).unwrap_err();
    assert!(matches!(e, OfflineError::Filter(_)), "{e}");
    let junk = d.0.join("junk.pcap");
    std::fs::write(&junk, b"this is not a capture file at all").unwrap();
    let e = ours(&junk, "", None).unwrap_err();
    assert!(e.to_string().contains("not a pcap or pcapng file"), "{e}");
    let e = ours(&d.0.join("missing.pcap"), "", None).unwrap_err();
    assert!(e.to_string().contains("missing.pcap"), "{e}");
    // A file cut in the middle of a packet: the packets before it print, then an error.
    let data = std::fs::read(&f).unwrap();
    let cut = d.0.join("cut.pcap");
    std::fs::write(&cut, &data[..data.len() - 7]).unwrap();
    assert!(ours(&cut, "", None).is_err());
}

/// Runs the `read_file` example (the print_file driver) on standard input, as `-r -` does.
#[test]
fn reads_standard_input() {
    let d = temp("stdin");
    let f = corners(&d.0);
    let st = Command::new(env!("CARGO"))
        .args([
            "build",
            "-q",
            "-p",
            "capture-core",
            "--example",
            "read_file",
        ])
        .status()
        .unwrap();
    assert!(st.success());
    let bin = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/debug/examples/read_file");
    let mut child = Command::new(bin)
        .args(["-r", "-"])
        .env("TZ", "UTC")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(&std::fs::read(&f).unwrap())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let want = Command::new("tcpdump")
        .args(["-nn", "-r", "-"])
        .env("TZ", "UTC")
        .stdin(std::fs::File::open(&f).unwrap())
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&want.stdout)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).lines().next(),
        String::from_utf8_lossy(&want.stderr).lines().next()
    );
}

/// pcapng writer for the test: little or big endian, blocks as given.
struct Ng {
    be: bool,
    out: Vec<u8>,
}

impl Ng {
    fn u16(&self, v: u16) -> [u8; 2] {
        if self.be {
            v.to_be_bytes()
        } else {
            v.to_le_bytes()
        }
    }
    fn u32(&self, v: u32) -> [u8; 4] {
        if self.be {
            v.to_be_bytes()
        } else {
            v.to_le_bytes()
        }
    }
    fn block(&mut self, t: u32, body: &[u8]) {
        let len = 12 + body.len().div_ceil(4) * 4;
        let (a, b) = (self.u32(t), self.u32(len as u32));
        self.out.extend_from_slice(&a);
        self.out.extend_from_slice(&b);
        self.out.extend_from_slice(body);
        self.out.resize(self.out.len() + (len - 12 - body.len()), 0);
        self.out.extend_from_slice(&b);
    }
    fn opt(&self, code: u16, val: &[u8]) -> Vec<u8> {
        let mut v = self.u16(code).to_vec();
        v.extend_from_slice(&self.u16(val.len() as u16));
        v.extend_from_slice(val);
        v.resize(4 + val.len().div_ceil(4) * 4, 0);
        v
    }
    fn shb(&mut self, comment: &str) {
        let mut b = self.u32(0x1A2B3C4D).to_vec();
        b.extend_from_slice(&self.u16(1));
        b.extend_from_slice(&self.u16(0));
        b.extend_from_slice(&[0xff; 8]);
        b.extend(self.opt(1, comment.as_bytes()));
        b.extend(self.opt(0, b""));
        self.block(0x0A0D0D0A, &b);
    }
    fn idb(&mut self, linktype: u16, name: &str, tsresol: Option<u8>) {
        let mut b = self.u16(linktype).to_vec();
        b.extend_from_slice(&[0, 0]);
        b.extend_from_slice(&self.u32(0));
        b.extend(self.opt(2, name.as_bytes()));
        if let Some(r) = tsresol {
            b.extend(self.opt(9, &[r]));
        }
        b.extend(self.opt(0, b""));
        self.block(1, &b);
    }
    fn epb(&mut self, ifid: u32, ts: u64, data: &[u8], flags: Option<u32>) {
        let mut b = self.u32(ifid).to_vec();
        b.extend_from_slice(&self.u32((ts >> 32) as u32));
        b.extend_from_slice(&self.u32(ts as u32));
        b.extend_from_slice(&self.u32(data.len() as u32));
        b.extend_from_slice(&self.u32(data.len() as u32 + 10));
        b.extend_from_slice(data);
        b.resize(20 + data.len().div_ceil(4) * 4, 0);
        if let Some(f) = flags {
            let v = self.u32(f);
            b.extend(self.opt(2, &v));
            b.extend(self.opt(0, b""));
        }
        self.block(6, &b);
    }
}

#[test]
fn pcapng_sections_interfaces_and_resolutions() {
    let ip = [
        0x45u8, 0, 0, 28, 0, 0, 0, 0, 64, 1, 0, 0, 192, 0, 2, 1, 192, 0, 2, 2, 8, 0, 0, 0, 0, 1, 0,
        1,
    ];
    let mut eth = vec![2, 0, 0, 0, 0, 0xb, 2, 0, 0, 0, 0, 0xa, 8, 0];
    eth.extend_from_slice(&ip);
    for be in [false, true] {
        let mut ng = Ng {
            be,
            out: Vec::new(),
        };
        ng.shb("first section");
        ng.idb(1, "eth0", None); // µs
        ng.idb(101, "tun0", Some(9)); // ns, raw IP
        ng.block(0x0BAD, b"unknown block, skipped");
        ng.epb(0, 1_700_000_000_123_456, &eth, Some(1));
        ng.epb(1, 1_700_000_001_987_654_321, &ip, None);
        ng.shb("second section");
        ng.idb(1, "eth1", Some(0x80 | 10)); // 2^-10 s
        ng.epb(0, (1_700_000_002u64 << 10) | 512, &eth, None);
        let mut r = Reader::from_bytes(ng.out.clone()).unwrap();
        let mut got = Vec::new();
        while let Some(p) = r.next_packet().unwrap() {
            got.push((p.linktype, p.ts_sec, p.ts_nsec, p.data.len(), p.wire_len));
        }
        assert_eq!(
            got,
            vec![
                (
                    1,
                    1_700_000_000,
                    123_456_000,
                    eth.len(),
                    eth.len() as u32 + 10
                ),
                (
                    101,
                    1_700_000_001,
                    987_654_321,
                    ip.len(),
                    ip.len() as u32 + 10
                ),
                (
                    1,
                    1_700_000_002,
                    500_000_000,
                    eth.len(),
                    eth.len() as u32 + 10
                ),
            ]
        );
        let names: Vec<_> = r
            .interfaces()
            .iter()
            .map(|i| (i.section, i.name.clone().unwrap()))
            .collect();
        assert_eq!(
            names,
            vec![(0, "eth0".into()), (0, "tun0".into()), (1, "eth1".into())]
        );
        assert_eq!(r.sections().len(), 2);
        assert_eq!(r.sections()[1].comments, vec!["second section".to_string()]);
        // Every truncation of the file is an error or fewer packets, never a panic.
        for cut in 0..ng.out.len() {
            if let Ok(mut r) = Reader::from_bytes(ng.out[..cut].to_vec()) {
                while let Ok(Some(_)) = r.next_packet() {}
            }
        }
    }
}

#[test]
fn pcapng_file_matches_tcpdump() {
    // One section, one Ethernet interface with ns resolution: tcpdump can read it.
    let d = temp("ng");
    let mut eth = vec![2, 0, 0, 0, 0, 0xb, 2, 0, 0, 0, 0, 0xa, 8, 0];
    eth.extend_from_slice(&[
        0x45, 0, 0, 28, 0, 0, 0, 0, 64, 1, 0, 0, 192, 0, 2, 1, 192, 0, 2, 2, 8, 0, 0, 0, 0, 1, 0, 1,
    ]);
    let mut ng = Ng {
        be: true,
        out: Vec::new(),
    };
    ng.shb("x");
    ng.idb(1, "eth0", Some(9));
    for k in 0..5u64 {
        ng.epb(
            0,
            1_700_000_000_000_000_000 + k * 1_234_567_891,
            &eth,
            Some(2),
        );
    }
    let f = d.0.join("x.pcapng");
    std::fs::write(&f, &ng.out).unwrap();
    let (want, want_err) = tcpdump(&f, &[]);
    let (got, got_err) = ours(&f, "", None).unwrap();
    assert_eq!(got, want);
    assert_eq!(got_err.lines().next(), want_err.lines().next());
}
