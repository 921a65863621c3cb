//! The printer against tcpdump's recorded output: every pcap in tests/golden/pcap, printed
//! under every option set and time zone that tests/golden/out holds a `.out` file for, must
//! give that file line for line. Needs no root, tcpdump, scapy or network: only the files
//! and the system's time zone data (tzdata). tests/golden/regen makes the files with tcpdump
//! and says how they are laid out; capture-core/tests/print_golden.rs checks, as root in CI,
//! that tcpdump still prints exactly them.

use pcapng::reader::Reader;
use printer::{Dump, PrintOptions, Printer, TimestampStyle};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Instant;

/// One `.out` file: `out/ZONE/PCAP.FLAGS.out`.
struct Case {
    pcap: String,
    flags: String,
    zone: String,
    out: PathBuf,
}

impl Case {
    /// How a mismatch names the case: the command that made the file.
    fn title(&self) -> String {
        // As regen spells the option set's words out.
        let flags: String = match self.flags.as_str() {
            "plain" => String::new(),
            f => f
                .split('-')
                .map(|w| match w {
                    "number" => " -#".to_string(),
                    "nano" => " --time-stamp-precision=nano".to_string(),
                    w => format!(" -{w}"),
                })
                .collect(),
        };
        format!(
            "TZ={} tcpdump -nn{flags} -r {} ({})",
            self.zone,
            self.pcap,
            self.out
                .strip_prefix(golden())
                .unwrap_or(&self.out)
                .display()
        )
    }
}

/// One line where the printer and the `.out` file differ (`None`: the line is missing).
#[derive(Debug, PartialEq)]
struct Mismatch {
    line: usize,
    expected: Option<String>,
    got: Option<String>,
}

fn golden() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden"))
}

/// Every `.out` file, sorted; the zone is its directory under out/.
fn cases() -> Vec<Case> {
    fn walk(dir: &Path, v: &mut Vec<PathBuf>) {
        let entries =
            std::fs::read_dir(dir).unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()));
        for e in entries {
            let p = e.expect("directory entry").path();
            if p.is_dir() {
                walk(&p, v);
            } else {
                v.push(p);
            }
        }
    }
    let root = golden().join("out");
    let mut files = Vec::new();
    walk(&root, &mut files);
    files.sort();
    files
        .into_iter()
        .map(|out| {
            let zone = out.parent().unwrap().strip_prefix(&root).unwrap();
            let name = out.file_name().unwrap().to_str().expect("UTF-8 file name");
            let (pcap, flags) = name
                .strip_suffix(".out")
                .and_then(|s| s.rsplit_once('.'))
                .unwrap_or_else(|| panic!("{}: not PCAP.FLAGS.out", out.display()));
            Case {
                pcap: pcap.to_string(),
                flags: flags.to_string(),
                zone: zone.to_str().unwrap().to_string(),
                out: out.clone(),
            }
        })
        .collect()
}

/// The options tcpdump's flags select: the file name's FLAGS, as regen spells them ("plain":
/// none; '-'-separated words, each a bundle of one-letter flags as tcpdump takes them ("ev"
/// is -e -v, "vvK" -vv -K), or "number" (-#) or "nano" (the nano precision)).
fn options(flags: &str) -> PrintOptions {
    let mut o = PrintOptions::default();
    if flags == "plain" {
        return o;
    }
    let (mut x, mut big_x, mut a, mut t) = (0, 0, 0, 0u8);
    for word in flags.split('-') {
        match word {
            "number" => o.numbered = true,
            "nano" => o.nano = true,
            bundle => {
                for c in bundle.chars() {
                    match c {
                        'e' => o.link_header = true,
                        'q' => o.quiet = true,
                        'S' => o.absolute_seq = true,
                        't' => t += 1,
                        'v' => o.verbose += 1,
                        'K' => o.dont_verify_checksums = true,
                        'x' => x += 1,
                        'X' => big_x += 1,
                        'A' => a += 1,
                        other => {
                            panic!("unknown flag {other:?} in the golden option set {flags:?}")
                        }
                    }
                }
            }
        }
    }
    if t > 0 {
        o.timestamps = TimestampStyle::from_t_count(t);
    }
    o.dump = Dump::from_counts(x, big_x, a);
    o
}

/// The printer reads TZ (through tzset and localtime_r) from the process environment, which
/// every test thread shares: whoever prints holds this lock, with TZ set to its zone.
static TZ: Mutex<()> = Mutex::new(());

/// Prints every packet of `pcap` as the golden files were made: in `zone`, and with only `lo`
/// as ifindex 1 known (tcpdump ran in an empty network namespace).
fn print_pcap(pcap: &Path, flags: &str, zone: &str) -> Result<String, String> {
    let bytes = std::fs::read(pcap).map_err(|e| format!("reading {}: {e}", pcap.display()))?;
    let mut reader = Reader::new(bytes).map_err(|e| format!("{}: {e}", pcap.display()))?;
    let _tz = TZ.lock().unwrap_or_else(|e| e.into_inner());
    std::env::set_var("TZ", zone);
    // Printer::new calls tzset, so the zone is read here.
    let mut printer = Printer::new(options(flags));
    printer.set_interface_resolver(Box::new(|i| (i == 1).then(|| "lo".to_string())));
    let mut out = Vec::new();
    while let Some(pkt) = reader
        .next_packet()
        .map_err(|e| format!("{}: {e}", pcap.display()))?
    {
        printer.print(&pkt, &mut out);
    }
    String::from_utf8(out).map_err(|e| format!("{}: output is not UTF-8: {e}", pcap.display()))
}

/// Line-by-line differences, numbered from 1 as in the `.out` file.
fn compare(expected: &str, got: &str) -> Vec<Mismatch> {
    let (e, g): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), got.lines().collect());
    (0..e.len().max(g.len()))
        .filter(|&i| e.get(i) != g.get(i))
        .map(|i| Mismatch {
            line: i + 1,
            expected: e.get(i).map(|s| s.to_string()),
            got: g.get(i).map(|s| s.to_string()),
        })
        .collect()
}

/// Prints the case's pcap and compares it with `expected` (the `.out` file's text). A panic
/// in the printer is reported as this case's failure, so the report says which input did it.
fn check(case: &Case, expected: &str) -> Result<Vec<Mismatch>, String> {
    let pcap = golden().join("pcap").join(&case.pcap);
    let printed =
        std::panic::catch_unwind(|| print_pcap(&pcap, &case.flags, &case.zone)).map_err(|p| {
            let msg = p
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| p.downcast_ref::<&str>().copied())
                .unwrap_or("(no message)");
            format!("the printer panicked: {msg}")
        })?;
    Ok(compare(expected, &printed?))
}

/// A report a newcomer can act on: the case, then each differing line.
fn report(case: &Case, mismatches: &[Mismatch], into: &mut String) {
    const SHOWN: usize = 5;
    let _ = writeln!(
        into,
        "{}: {} line(s) differ",
        case.title(),
        mismatches.len()
    );
    let none = "<no line>".to_string();
    for m in mismatches.iter().take(SHOWN) {
        let _ = writeln!(into, "  line {}:", m.line);
        let _ = writeln!(
            into,
            "    expected: {}",
            m.expected.as_ref().unwrap_or(&none)
        );
        let _ = writeln!(into, "    got:      {}", m.got.as_ref().unwrap_or(&none));
    }
    if mismatches.len() > SHOWN {
        let _ = writeln!(into, "  ... and {} more", mismatches.len() - SHOWN);
    }
}

/// Fails with a clear message when a zone's data is missing: glibc would silently use UTC.
fn assert_zone_known(zone: &str) {
    if zone == "UTC" {
        return;
    }
    let dir = std::env::var_os("TZDIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/share/zoneinfo"));
    assert!(
        dir.join(zone).is_file(),
        "time zone {zone} not found in {} (install tzdata)",
        dir.display()
    );
}

#[test]
fn printer_prints_what_tcpdump_printed() {
    let start = Instant::now();
    let cases = cases();
    let pcap_dir = golden().join("pcap");
    let mut pcaps: Vec<String> = std::fs::read_dir(&pcap_dir)
        .expect("reading tests/golden/pcap")
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    pcaps.sort();
    // Every pcap has its files and every file its pcap: nothing is silently left out.
    for p in &pcaps {
        assert!(
            cases.iter().any(|c| &c.pcap == p),
            "pcap/{p} has no .out file; run tests/golden/regen"
        );
    }
    let mut zones: Vec<&str> = cases.iter().map(|c| c.zone.as_str()).collect();
    zones.dedup();
    zones.iter().for_each(|z| assert_zone_known(z));

    let (mut failures, mut failed, mut lines) = (String::new(), 0, 0);
    for case in &cases {
        assert!(
            pcaps.contains(&case.pcap),
            "{}: pcap/{} does not exist",
            case.out.display(),
            case.pcap
        );
        let expected = std::fs::read_to_string(&case.out)
            .unwrap_or_else(|e| panic!("reading {}: {e}", case.out.display()));
        lines += expected.lines().count();
        match check(case, &expected) {
            Ok(m) if m.is_empty() => {}
            Ok(m) => {
                failed += 1;
                report(case, &m, &mut failures);
            }
            Err(e) => {
                failed += 1;
                let _ = writeln!(failures, "{}: {e}", case.title());
            }
        }
    }
    println!(
        "golden: {} pcaps, {} .out files in {} zones, {lines} lines, {:.2?}",
        pcaps.len(),
        cases.len(),
        zones.len(),
        start.elapsed()
    );
    assert!(lines > 1000, "golden corpus unexpectedly small");
    assert!(
        failures.is_empty(),
        "{failed} of {} golden files differ from the printer:\n{failures}",
        cases.len()
    );
}

/// The check is not vacuous: one changed expected line is reported, with its number, the
/// changed text and what the printer printed, and nothing else.
#[test]
fn one_changed_expected_line_fails() {
    let cases = cases();
    let case = cases
        .iter()
        .find(|c| c.pcap == "corner-eth.pcap" && c.flags == "tttt" && c.zone != "UTC")
        .expect("the corner-eth.pcap -tttt case in a zone other than UTC");
    let expected = std::fs::read_to_string(&case.out).unwrap();
    assert_eq!(check(case, &expected).unwrap(), vec![], "{}", case.title());

    // Change one digit of the timestamp of line 20.
    let mut lines: Vec<String> = expected.lines().map(str::to_string).collect();
    let original = lines[19].clone();
    let flipped = original.replacen("2024-03-10 ", "2024-03-11 ", 1);
    assert_ne!(flipped, original, "line 20 has no date to change");
    lines[19] = flipped.clone();
    let mutated = lines.join("\n") + "\n";
    let mismatches = check(case, &mutated).unwrap();
    assert_eq!(
        mismatches,
        vec![Mismatch {
            line: 20,
            expected: Some(flipped),
            got: Some(original),
        }]
    );
    let mut text = String::new();
    report(case, &mismatches, &mut text);
    assert!(
        text.contains("corner-eth.pcap") && text.contains("-tttt") && text.contains("line 20:")
    );

    // A missing last line is reported too.
    let short = expected.lines().count() - 1;
    let truncated: String = expected
        .lines()
        .take(short)
        .map(|l| format!("{l}\n"))
        .collect();
    let m = check(case, &truncated).unwrap();
    assert_eq!(m.len(), 1);
    assert_eq!((m[0].line, m[0].expected.is_none()), (short + 1, true));
}
