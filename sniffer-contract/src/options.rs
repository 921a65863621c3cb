//! The tcpdump-compatible subset of options that `sniffer` accepts.
//!
//! Both binaries parse with this module: the sniffer for its own command line, and the
//! plugin to validate a user's `-f "<tcpdump args>"` before it creates anything. How the
//! printing flags shape lines is the printer's business (`capture_core::print_options`). Parsing is
//! clap's, configured to behave like tcpdump's getopt: bundled short flags (`-nn`, `-tttt`),
//! attached values (`-iany`, `-c10`) and a trailing filter expression of one or many words.
//!
//! Options that make tcpdump run programs or switch users (`-z`, `-Z`) are refused with a
//! message that names them, and so is every option outside the subset.

use crate::invocation::flag;
use clap::{ArgAction, Args, Parser, ValueEnum};
use std::path::PathBuf;

/// tcpdump's default snapshot length (and what `-s 0` means).
pub const DEFAULT_SNAPLEN: u32 = 262_144;

/// Which direction of traffic to capture (`-Q`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum, serde::Serialize, serde::Deserialize)]
pub enum Direction {
    In,
    Out,
    Inout,
}

/// `--time-stamp-precision`: the digits of the printed fractions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum TimestampPrecision {
    #[default]
    Micro,
    Nano,
}

/// `-y`: the link-layer header types a live capture may ask libpcap for: those the sniffer
/// prints (libpcap's names, any case; an interface offers only some of them, `-L` says which).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
#[value(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum DataLink {
    En10mb,
    LinuxSll,
    LinuxSll2,
    Raw,
    Null,
    Loop,
    Ipv4,
    Ipv6,
}

impl DataLink {
    /// The name libpcap knows it by (`pcap_datalink_name_to_val`).
    pub fn pcap_name(self) -> &'static str {
        match self {
            DataLink::En10mb => "EN10MB",
            DataLink::LinuxSll => "LINUX_SLL",
            DataLink::LinuxSll2 => "LINUX_SLL2",
            DataLink::Raw => "RAW",
            DataLink::Null => "NULL",
            DataLink::Loop => "LOOP",
            DataLink::Ipv4 => "IPV4",
            DataLink::Ipv6 => "IPV6",
        }
    }
}

/// `-j`: libpcap's time stamp types (`pcap_tstamp_type_name_to_val`'s names).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
#[value(rename_all = "snake_case")]
pub enum TimestampType {
    Host,
    HostLowprec,
    HostHiprec,
    Adapter,
    AdapterUnsynced,
}

/// The tcpdump options the sniffer understands, with tcpdump's letters and meanings.
#[derive(Args, Clone, Debug, Default, PartialEq, Eq)]
pub struct TcpdumpArgs {
    /// Interface to capture on, as named inside the target's network namespace.
    #[arg(short = 'i', value_name = "IFACE", default_value = "any")]
    pub interface: String,

    /// Snapshot length in bytes; 0 means the default, 262144.
    #[arg(short = 's', value_name = "SNAPLEN")]
    pub snaplen: Option<u32>,

    /// Exit after capturing (or reading) COUNT packets.
    #[arg(short = 'c', value_name = "COUNT")]
    pub count: Option<u64>,

    /// Kernel ring buffer size in KiB (default 32768, i.e. 32 MiB; libpcap rounds it to whole
    /// 256 KiB blocks).
    #[arg(short = 'B', value_name = "KiB")]
    pub buffer_kib: Option<u32>,

    /// Do not put the interface into promiscuous mode.
    #[arg(short = 'p')]
    pub no_promiscuous: bool,

    /// Capture only packets in this direction.
    #[arg(short = 'Q', value_enum, value_name = "in|out|inout")]
    pub direction: Option<Direction>,

    /// Numeric output. Accepted for compatibility: names are never resolved.
    #[arg(short = 'n', action = ArgAction::Count)]
    pub numeric: u8,

    /// Print the link-level header on each line.
    #[arg(short = 'e')]
    pub link_header: bool,

    /// Quick (quieter) output: less protocol information per line.
    #[arg(short = 'q')]
    pub quiet: bool,

    /// Timestamp style: -t none, -tt epoch, -ttt delta, -tttt date and time.
    #[arg(short = 't', action = ArgAction::Count)]
    pub timestamps: u8,

    /// Verbosity: -v IP header fields and checksums, -vv and -vvv more protocol detail.
    #[arg(short = 'v', action = ArgAction::Count)]
    pub verbose: u8,

    /// Do not verify IP, TCP, UDP and ICMP checksums (-v prints their verdicts otherwise).
    #[arg(short = 'K', long = "dont-verify-checksums")]
    pub dont_verify_checksums: bool,

    /// Print each packet's data in hex after its line, without the link-level header (-xx:
    /// with it).
    #[arg(short = 'x', action = ArgAction::Count)]
    pub hex: u8,

    /// Print each packet's data in hex and ASCII after its line, without the link-level header
    /// (-XX: with it). Wins over -x and -A.
    #[arg(short = 'X', action = ArgAction::Count)]
    pub hex_ascii: u8,

    /// Print each packet's data in ASCII after its line, without the link-level header (-AA:
    /// with it).
    #[arg(short = 'A', action = ArgAction::Count)]
    pub ascii: u8,

    /// Print absolute, not relative, TCP sequence numbers.
    #[arg(short = 'S')]
    pub absolute_seq: bool,

    /// Print a packet number at the start of each line.
    #[arg(short = '#', long = "number")]
    pub number: bool,

    /// Timestamp fractions in microseconds (6 digits) or nanoseconds (9), live and with -r.
    #[arg(long = "time-stamp-precision", value_enum, value_name = "micro|nano")]
    pub precision: Option<TimestampPrecision>,

    /// Line-buffered output. Accepted, changes nothing: live lines are written out as soon as
    /// each batch is printed, and -r writes its lines out before it waits for more input.
    #[arg(short = 'l')]
    pub line_buffered: bool,

    /// Immediate mode. Accepted, changes nothing: packets reach the printer and the file
    /// within about 0.3 s anyway (100 ms ring block timeout, 200 ms batches), and the capture
    /// keeps its batched, loss-free ring.
    #[arg(long = "immediate-mode")]
    pub immediate_mode: bool,

    /// Do not print domain names' qualification. Accepted: names are never resolved.
    #[arg(short = 'N')]
    pub no_domain: bool,

    /// Live capture: the link-layer header type to capture with (default: the interface's;
    /// on `any`, LINUX_SLL2). One the sniffer prints; -L lists what the interface offers.
    #[arg(short = 'y', value_enum, ignore_case = true, value_name = "LINKTYPE")]
    pub datalink: Option<DataLink>,

    /// List the interface's link-layer header types (in the target namespace) and exit.
    #[arg(short = 'L')]
    pub list_datalinks: bool,

    /// Live capture: the time stamp type to ask the interface for (-J lists them).
    #[arg(
        short = 'j',
        value_enum,
        ignore_case = true,
        value_name = "TSTAMP_TYPE"
    )]
    pub tstamp_type: Option<TimestampType>,

    /// List the interface's time stamp types (in the target namespace) and exit.
    #[arg(short = 'J')]
    pub list_tstamp_types: bool,

    /// Write packets to this pcapng file instead of printing them.
    #[arg(short = flag::WRITE, value_name = "FILE")]
    pub write: Option<PathBuf>,

    /// Rotate to a new file when the current one would exceed MB million bytes.
    #[arg(short = flag::FILE_SIZE, value_name = "MB")]
    pub file_size_mb: Option<u64>,

    /// Keep at most COUNT files, removing the oldest.
    #[arg(short = flag::FILE_COUNT, value_name = "COUNT")]
    pub file_count: Option<u32>,

    /// Rotate to a new file every SECONDS seconds, even when idle.
    #[arg(short = flag::ROTATE_SECONDS, value_name = "SECONDS")]
    pub rotate_seconds: Option<u64>,

    /// Packet-buffered output. Accepted: output is flushed per ring block anyway.
    #[arg(short = 'U')]
    pub unbuffered: bool,

    /// Print packet summaries even while writing with -w.
    #[arg(long = flag::PRINT)]
    pub print: bool,

    /// Read packets from a pcap or pcapng file ("-" for stdin) instead of capturing.
    #[arg(short = 'r', value_name = "FILE")]
    pub read: Option<PathBuf>,

    /// The filter expression, in libpcap's (tcpdump's) syntax.
    #[arg(
        value_name = "EXPRESSION",
        trailing_var_arg = true,
        allow_hyphen_values = false
    )]
    pub expression: Vec<String>,
}

impl TcpdumpArgs {
    /// The filter expression as libpcap takes it: the words joined by single spaces.
    pub fn filter_expression(&self) -> String {
        self.expression.join(" ")
    }

    /// The snapshot length that will be used, applying tcpdump's `-s 0` rule.
    pub fn effective_snaplen(&self) -> u32 {
        match self.snaplen {
            None | Some(0) => DEFAULT_SNAPLEN,
            Some(n) => n,
        }
    }

    /// `-w -`: the capture goes to stdout as one pcapng stream, as tcpdump's does.
    pub fn writes_stdout(&self) -> bool {
        self.write.as_deref() == Some(std::path::Path::new("-"))
    }

    /// Whether summaries go to stdout: always without -w, and with -w only on --print.
    pub fn prints_summaries(&self) -> bool {
        self.write.is_none() || self.print
    }

    /// Checks combinations that clap cannot express, with tcpdump's rules.
    pub fn validate(&self) -> Result<(), OptionsError> {
        let needs_w = |flag: &str| OptionsError::Invalid(format!("{flag} needs -w FILE"));
        if self.write.is_none() {
            if self.file_size_mb.is_some() {
                return Err(needs_w("-C"));
            }
            if self.rotate_seconds.is_some() {
                return Err(needs_w("-G"));
            }
            if self.file_count.is_some() {
                return Err(needs_w("-W"));
            }
        }
        if self.file_count == Some(0) {
            return Err(OptionsError::Invalid("-W must be at least 1".into()));
        }
        if self.file_size_mb == Some(0) {
            return Err(OptionsError::Invalid(
                "-C must be at least 1 (million bytes)".into(),
            ));
        }
        if self.rotate_seconds == Some(0) {
            return Err(OptionsError::Invalid("-G must be at least 1 second".into()));
        }
        if self.count == Some(0) {
            return Err(OptionsError::Invalid("-c must be at least 1".into()));
        }
        if let Some(n) = self.snaplen.filter(|&n| n > DEFAULT_SNAPLEN) {
            return Err(OptionsError::Invalid(format!(
                "-s {n} is too large: the snapshot length is at most {DEFAULT_SNAPLEN} (0 means \
                 {DEFAULT_SNAPLEN})"
            )));
        }
        if self.writes_stdout() {
            let flag = [
                (self.file_size_mb.is_some(), "-C"),
                (self.rotate_seconds.is_some(), "-G"),
                (self.file_count.is_some(), "-W"),
                (self.print, "--print"),
            ]
            .into_iter()
            .find_map(|(given, flag)| given.then_some(flag));
            if let Some(flag) = flag {
                return Err(OptionsError::Invalid(format!(
                    "{flag} cannot be used with -w - (the capture itself goes to stdout)"
                )));
            }
        }
        if self.read.is_some() {
            let live = [
                (self.datalink.is_some(), "-y"),
                (self.tstamp_type.is_some(), "-j"),
                (self.list_datalinks, "-L"),
                (self.list_tstamp_types, "-J"),
            ];
            if let Some((_, flag)) = live.into_iter().find(|(given, _)| *given) {
                return Err(OptionsError::Invalid(format!(
                    "{flag} applies to a live capture, not to -r"
                )));
            }
        }
        if self.read.is_some() && self.write.is_some() {
            return Err(OptionsError::Invalid(
                "-r with -w is not supported: use -r alone to print a file".into(),
            ));
        }
        if self.interface.is_empty() {
            return Err(OptionsError::Invalid("-i needs an interface name".into()));
        }
        Ok(())
    }
}

/// What went wrong with a command line, as one line for the user.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum OptionsError {
    #[error("option {0} is refused: the sniffer never runs programs or switches users")]
    Refused(String),
    #[error("{0}")]
    Invalid(String),
    #[error("cannot split tcpdump arguments {0:?}: unbalanced quotes")]
    Quoting(String),
}

/// Options that tcpdump has but the sniffer refuses on principle (not merely unsupported).
const REFUSED: &[char] = &['z', 'Z'];

/// Rejects `-z`/`-Z` (alone or inside a bundle such as `-nz`) before clap sees them, so the
/// message says why instead of only "unexpected argument".
pub fn reject_refused(args: &[String]) -> Result<(), OptionsError> {
    for arg in args {
        if arg == "--" {
            break;
        }
        if let Some(bundle) = arg.strip_prefix('-').filter(|rest| !rest.starts_with('-')) {
            for (i, c) in bundle.char_indices() {
                if REFUSED.contains(&c) {
                    return Err(OptionsError::Refused(format!("-{c}")));
                }
                // Letters after one that takes a value are that value (`-ilo`), not flags.
                if takes_value(c) && i + c.len_utf8() < bundle.len() {
                    break;
                }
            }
        } else if arg == "--relinquish-privileges" || arg.starts_with("--relinquish-privileges=") {
            return Err(OptionsError::Refused("--relinquish-privileges".into()));
        }
    }
    Ok(())
}

/// Splits a tcpdump argument string with POSIX shell word rules: quotes and backslashes are
/// honoured, nothing is expanded, and no shell is ever involved.
pub fn split_words(s: &str) -> Result<Vec<String>, OptionsError> {
    shlex::split(s).ok_or_else(|| OptionsError::Quoting(s.to_string()))
}

/// Whether `-c` (a short option of [`TcpdumpArgs`]) takes a value, read from its clap
/// definition so the letters are not listed a second time.
fn takes_value(c: char) -> bool {
    use clap::CommandFactory;
    static LETTERS: std::sync::OnceLock<Vec<char>> = std::sync::OnceLock::new();
    LETTERS
        .get_or_init(|| {
            Standalone::command()
                .get_arguments()
                .filter(|a| a.get_action().takes_values())
                .filter_map(|a| a.get_short())
                .collect()
        })
        .contains(&c)
}

/// Parser used by the plugin to validate a `-f` string on its own.
#[derive(Parser, Debug)]
#[command(name = "tcpdump-args", no_binary_name = true, disable_help_flag = true)]
struct Standalone {
    #[command(flatten)]
    args: TcpdumpArgs,
}

/// Parses tcpdump's words on their own, refusing what the sniffer refuses, without checking
/// how the options combine.
fn parse_words(words: &[String]) -> Result<TcpdumpArgs, OptionsError> {
    reject_refused(words)?;
    Standalone::try_parse_from(words)
        .map(|p| p.args)
        .map_err(|e| {
            let mut message = first_line(&e.to_string())
                .trim_start_matches("error: ")
                .to_string();
            if e.kind() == clap::error::ErrorKind::UnknownArgument {
                message.push_str("; accepted: ");
                message.push_str(&accepted_options());
            }
            OptionsError::Invalid(message)
        })
}

/// The options [`TcpdumpArgs`] accepts, as one line ("-i IFACE, -s SNAPLEN, ..., -e, ..."),
/// read from its clap definition so the list is never out of date.
pub fn accepted_options() -> String {
    use clap::CommandFactory;
    Standalone::command()
        .get_arguments()
        .filter(|a| !a.is_positional())
        .map(|a| {
            let mut names = Vec::new();
            if let Some(c) = a.get_short() {
                names.push(format!("-{c}"));
            }
            if let Some(l) = a.get_long() {
                names.push(format!("--{l}"));
            }
            let mut s = names.join("/");
            if a.get_action().takes_values() {
                let value = a
                    .get_value_names()
                    .and_then(|v| v.first().map(|v| v.to_string()))
                    .unwrap_or_else(|| "VALUE".into());
                s.push(if a.get_short().is_some() && a.get_long().is_none() {
                    ' '
                } else {
                    '='
                });
                s.push_str(&value);
            }
            s
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Parses a complete tcpdump argument string (as the plugin's `-f` carries it).
pub fn parse_tcpdump_args(s: &str) -> Result<TcpdumpArgs, OptionsError> {
    let args = parse_tcpdump_words(s)?;
    args.validate()?;
    Ok(args)
}

/// Parses a tcpdump argument string as the sniffer does, refusing what it refuses, but
/// without checking how the options combine ([`TcpdumpArgs::validate`]), for callers that
/// first look at which options were given.
pub fn parse_tcpdump_words(s: &str) -> Result<TcpdumpArgs, OptionsError> {
    parse_words(&split_words(s)?)
}

/// Splits a tcpdump argument string into its option words and its filter-expression words,
/// without validating how the options combine (other options may stand elsewhere on the
/// command line). The sniffer puts the expression words last, so options that follow
/// `--tcpdump-args` on its command line are not mistaken for filter words.
pub fn split_options_and_expression(s: &str) -> Result<(Vec<String>, Vec<String>), OptionsError> {
    let mut words = split_words(s)?;
    let parsed = parse_words(&words)?;
    // With a trailing var-arg, the expression is always a suffix of the words.
    let expression = words.split_off(words.len() - parsed.expression.len());
    if words.last().map(String::as_str) == Some("--") {
        words.pop();
    }
    Ok((words, expression))
}

fn first_line(s: &str) -> &str {
    s.lines().next().unwrap_or(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_options_from_expression() {
        let (o, e) =
            split_options_and_expression("-nn -i any -C 1 'tcp port 80' and not icmp").unwrap();
        assert_eq!(o, ["-nn", "-i", "any", "-C", "1"]);
        assert_eq!(e, ["tcp port 80", "and", "not", "icmp"]);
        let (o, e) = split_options_and_expression("-i any -- port 80").unwrap();
        assert_eq!(o, ["-i", "any"]);
        assert_eq!(e, ["port", "80"]);
        assert!(split_options_and_expression("-i any -z gzip").is_err());
    }

    #[test]
    fn parses_bundles_and_expression() {
        let a = parse_tcpdump_args("-nn -i eth0 -tttt -c10 'tcp port 80' and not host 192.0.2.1")
            .unwrap();
        assert_eq!(a.numeric, 2);
        assert_eq!(a.interface, "eth0");
        assert_eq!(a.timestamps, 4);
        assert_eq!(a.count, Some(10));
        assert_eq!(a.filter_expression(), "tcp port 80 and not host 192.0.2.1");
    }

    #[test]
    fn verbosity_and_checksum_flags() {
        let a = parse_tcpdump_args("-nnvvv -K port 53").unwrap();
        assert_eq!((a.verbose, a.dont_verify_checksums), (3, true));
        assert_eq!(a.filter_expression(), "port 53");
        let a = parse_tcpdump_args("-v --dont-verify-checksums").unwrap();
        assert_eq!((a.verbose, a.dont_verify_checksums), (1, true));
        let a = parse_tcpdump_args("-vK").unwrap();
        assert_eq!((a.verbose, a.dont_verify_checksums), (1, true));
        assert!(!parse_tcpdump_args("-v").unwrap().dont_verify_checksums);
    }

    #[test]
    fn defaults_follow_tcpdump() {
        let a = parse_tcpdump_args("").unwrap();
        assert_eq!(a.interface, "any");
        assert_eq!(a.effective_snaplen(), 262_144);
        assert_eq!(
            parse_tcpdump_args("-s 0").unwrap().effective_snaplen(),
            262_144
        );
        assert!(a.prints_summaries());
    }

    #[test]
    fn value_letters_come_from_the_option_model() {
        for c in "icBsQwCWGryj".chars() {
            assert!(takes_value(c), "-{c}");
        }
        for c in "npeqtvUxXAS#lNLJ".chars() {
            assert!(!takes_value(c), "-{c}");
        }
    }

    #[test]
    fn printing_options() {
        let a = parse_tcpdump_args("-nn -XX -A -S -# -l -N --immediate-mode port 80").unwrap();
        assert_eq!((a.hex, a.hex_ascii, a.ascii), (0, 2, 1));
        assert!(a.absolute_seq && a.number && a.line_buffered && a.no_domain);
        assert!(a.immediate_mode);
        assert_eq!(a.filter_expression(), "port 80");
        let a = parse_tcpdump_args("-xx --number --time-stamp-precision=nano -r f").unwrap();
        assert_eq!(a.hex, 2);
        assert!(a.number);
        assert_eq!(a.precision, Some(TimestampPrecision::Nano));
        let a = parse_tcpdump_args("--time-stamp-precision micro").unwrap();
        assert_eq!(a.precision, Some(TimestampPrecision::Micro));
        assert!(parse_tcpdump_args("--time-stamp-precision=pico").is_err());
    }

    #[test]
    fn live_link_and_timestamp_options() {
        let a = parse_tcpdump_args("-i eth0 -y en10mb -j adapter_unsynced").unwrap();
        assert_eq!(a.datalink, Some(DataLink::En10mb));
        assert_eq!(a.datalink.unwrap().pcap_name(), "EN10MB");
        assert_eq!(a.tstamp_type, Some(TimestampType::AdapterUnsynced));
        let a = parse_tcpdump_args("-i any -yLINUX_SLL -L -J").unwrap();
        assert_eq!(a.datalink, Some(DataLink::LinuxSll));
        assert!(a.list_datalinks && a.list_tstamp_types);
        // Only link types the sniffer prints; only with a live capture.
        assert!(parse_tcpdump_args("-y DOCSIS").is_err());
        assert!(parse_tcpdump_args("-j wallclock").is_err());
        for flag in ["-L", "-J", "-y EN10MB", "-j host"] {
            let e = parse_tcpdump_args(&format!("{flag} -r f"))
                .unwrap_err()
                .to_string();
            assert!(e.contains("live capture"), "{flag}: {e}");
        }
    }

    #[test]
    fn attached_values_are_not_flags() {
        // "-iz0" is interface "z0", not the refused -z.
        let a = parse_tcpdump_args("-iz0").unwrap();
        assert_eq!(a.interface, "z0");
    }

    #[test]
    fn refuses_z_and_unknown_options() {
        assert_eq!(
            parse_tcpdump_args("-w x -z gzip").unwrap_err(),
            OptionsError::Refused("-z".into())
        );
        assert_eq!(
            parse_tcpdump_args("-nZ root").unwrap_err(),
            OptionsError::Refused("-Z".into())
        );
        let e = parse_tcpdump_args("-I").unwrap_err().to_string();
        assert!(e.contains("-I"), "{e}");
        // The refusal lists what is accepted.
        assert!(e.contains("accepted: -i IFACE") && e.contains("-X"), "{e}");
    }

    #[test]
    fn quotes_are_honoured_and_nothing_expands() {
        let a = parse_tcpdump_args(r#"-i any "port 80" '$(reboot)'"#).unwrap();
        assert_eq!(a.expression, vec!["port 80", "$(reboot)"]);
        assert!(matches!(
            parse_tcpdump_args("'port 80"),
            Err(OptionsError::Quoting(_))
        ));
    }

    #[test]
    fn rotation_needs_w() {
        assert!(parse_tcpdump_args("-C 1").is_err());
        assert!(parse_tcpdump_args("-w f -C 1 -W 3 -G 5").is_ok());
        assert!(parse_tcpdump_args("-w f -W 0").is_err());
    }

    #[test]
    fn snaplen_and_stdout_limits() {
        assert!(parse_tcpdump_args("-s 262144").is_ok());
        let e = parse_tcpdump_args("-s 262145").unwrap_err().to_string();
        assert!(e.contains("262145") && e.contains("at most 262144"), "{e}");
        assert!(parse_tcpdump_args("-w -").unwrap().writes_stdout());
        let e = parse_tcpdump_args("-w - -C 1").unwrap_err().to_string();
        assert!(e.contains("-C") && e.contains("-w -"), "{e}");
    }
}
