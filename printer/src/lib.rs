//! printer: tcpdump-identical summaries (`tcpdump -nn`, 4.99.3), at default verbosity and with
//! `-v`/`-vv`/`-vvv` (IP header fields, checksum verdicts unless `-K`, protocol details and
//! tcpdump's continuation lines).
//!
//! It depends only on packet bytes ([`pcapng::Packet`]) and [`PrintOptions`]: no capture,
//! no I/O, no platform calls beyond the optional interface-name lookup, so it can be tested
//! and tuned on any machine: `cargo test -p printer` checks every line it prints for the
//! committed golden corpus (`tests/golden/`: pcaps and tcpdump's `.out` files, made by
//! `tests/golden/regen`) without root or tcpdump; README.md says how to run and regenerate it.
//!
//! One module per protocol, each a port of tcpdump's print-*.c: the same decisions, the same
//! strings, the same truncation markers. Lines are formatted by hand into the caller's
//! `Vec<u8>`: no allocation per packet, no `std::fmt`.
//!
//! - [`nd`]: the printing context (tcpdump's `netdissect_options`) and truncation;
//! - [`ts`]: timestamps (-t/-tt/-ttt/-tttt, local time honouring TZ);
//! - link layers: [`ether`] (with 802.1Q and [`macsec`]), [`sll`] (v1 and v2), [`null`] (NULL/LOOP/RAW);
//! - [`arp`], [`ip`] (and the next-protocol demux), [`ip6`] (with extension headers, [`mobility`]), [`ipcomp`], [`mobile`],
//!   [`icmp`], [`icmp6`], [`igmp`] (with [`dvmrp`]), [`tcp`], [`udp`], [`dccp`], [`pgm`], [`dns`], [`txtproto`] (HTTP, FTP, ...),
//!   [`tunnel`] (VXLAN, Geneve), [`gre`], [`small`] (BOOTP, NTP, syslog), [`dhcp`] (DHCP
//!   options, -v), [`dhcp6`], [`vrrp`], [`nfs`] (NFS v2/v3 over Sun RPC),
//!   [`stp`] (spanning tree BPDUs, via [`llc`]), [`tftp`], [`rip`], [`ripng`], [`mpls`], [`resp`] (Redis), [`sip`], [`hsrp`], [`bfd`],
//!   [`radius`] (with [`eap`] and [`smi`]'s enterprise names), [`pim`] (and Cisco Auto-RP),
//!   [`snmp`] (on [`asn1`], the BER reader), [`krb`], [`sflow`], [`isakmp`] (IKEv1/IKEv2),
//!   [`l2tp`] (with [`ppp`]), [`vxlan_gpe`], [`lisp`], [`ptp`],
//!   [`someip`], [`timed`], [`bcm_li`], [`zep`], [`vqp`], [`ldp`] (UDP and TCP),
//!   [`lspping`], [`lwres`],
//!   [`sctp`] (and [`m3ua`] in its DATA chunks), [`pppoe`] (and its [`ppp`] frames), [`eigrp`],
//!   [`bgp`], [`ospf`] (OSPFv2), [`ospf6`] (OSPFv3), [`lldp`], [`loopback`], [`slow`] (LACP, Marker, OAM), [`cfm`], [`nsh`], [`arista`], [`msnlb`], [`aoe`], [`geonet`], [`calm_fast`], [`ipx`] (via [`llc`] too), [`tipc`], [`snap`] (LLC/SNAP: [`cdp`], [`dtp`], [`udld`], [`vtp`], PVST+ BPDUs);
//!   [`openflow`] (with [`openflow10`] and [`openflow13`]);
//! - the rest of tcpdump's TCP and UDP port tests: [`telnet`], [`pptp`], [`beep`], [`msdp`],
//!   [`rpki_rtr`]; UDP: [`aodv`], [`ahcp`], [`babel`], [`hncp`], [`olsr`],
//!   [`lmp`] (with [`gmpls`]'s tables), [`lwapp`], [`zephyr`], [`vat`],
//!   [`wb`], [`rx`] (AFS);
//! - [`tok`]: tcpdump's value-to-name tables and their lookups (`tok2str`, `bittok2str`);
//! - [`cksum`]: the checksums -v verifies (unless -K), with tcpdump's pseudo-headers.
//! - [`dump`]: the `-x`/`-X`/`-A` dumps after the line.

mod ahcp;
mod aodv;
mod aoe;
mod arista;
mod arp;
mod asn1;
mod babel;
mod bcm_li;
mod beep;
mod bfd;
mod bgp;
mod bgp_mp;
mod calm_fast;
mod cdp;
mod cfm;
mod cksum;
mod dccp;
mod dhcp;
mod dhcp6;
mod dns;
mod dtp;
mod dump;
mod dvmrp;
mod eap;
mod egp;
mod eigrp;
mod ether;
pub mod ethertype;
mod fmt;
mod geonet;
mod gmpls;
mod gre;
mod hncp;
mod hsrp;
mod icmp;
mod icmp6;
mod igmp;
mod igrp;
mod ip;
mod ip6;
mod ipcomp;
mod ipsec;
mod ipx;
mod isakmp;
mod krb;
mod l2tp;
mod ldp;
mod lisp;
mod llc;
mod lldp;
mod lmp;
mod loopback;
mod lspping;
mod lwapp;
mod lwres;
mod m3ua;
mod macsec;
mod mobile;
mod mobility;
mod mpcp;
mod mpls;
mod mptcp;
mod msdp;
mod msnlb;
mod names;
mod nd;
mod nfs;
mod nsh;
mod null;
mod olsr;
mod openflow;
mod openflow10;
mod openflow13;
mod ospf;
mod ospf6;
mod pgm;
mod pim;
mod ppp;
mod pppoe;
mod pptp;
mod ptp;
mod radius;
mod realtek;
mod resp;
mod rip;
mod ripng;
mod rpki_rtr;
mod rx;
mod sctp;
mod sflow;
mod sip;
mod sll;
mod slow;
mod small;
mod smi;
mod snap;
mod snmp;
mod someip;
mod state;
mod stp;
mod tcp;
mod telnet;
#[cfg(test)]
mod testutil;
mod tftp;
mod timed;
mod tipc;
mod tok;
mod ts;
mod tunnel;
mod txtproto;
mod udld;
mod udp;
mod vat;
mod vqp;
mod vrrp;
mod vtp;
mod vxlan_gpe;
mod wb;
mod zep;
mod zephyr;

use pcapng::linktype;
use pcapng::Packet;

pub use state::{if_indextoname, InterfaceResolver};

/// tcpdump's MAXIMUM_SNAPLEN: larger caplen/len values are reported as an invalid header.
const MAXIMUM_SNAPLEN: u32 = 262_144;

/// The timestamp style selected by the number of `-t` flags.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimestampStyle {
    /// `HH:MM:SS.ffffff` in local time (no -t).
    Time,
    /// No timestamp (-t).
    None,
    /// Seconds since the epoch (-tt).
    Epoch,
    /// Delta since the previous packet (-ttt).
    Delta,
    /// Date and time (-tttt).
    DateTime,
}

impl TimestampStyle {
    /// tcpdump's rule: each `-t` selects the next style, four or more mean date and time.
    pub fn from_t_count(count: u8) -> TimestampStyle {
        match count {
            0 => TimestampStyle::Time,
            1 => TimestampStyle::None,
            2 => TimestampStyle::Epoch,
            3 => TimestampStyle::Delta,
            _ => TimestampStyle::DateTime,
        }
    }
}

/// How lines look, from the tcpdump flags that shape them.
#[derive(Clone, Debug)]
pub struct PrintOptions {
    pub timestamps: TimestampStyle,
    /// `-e`: print the link-level header.
    pub link_header: bool,
    /// `-q`: quieter protocol lines.
    pub quiet: bool,
    /// `-v` count: 1 adds IP header fields and checksum verdicts, 2 and 3 more detail
    /// where tcpdump prints more.
    pub verbose: u8,
    /// `-K`: do not verify checksums.
    pub dont_verify_checksums: bool,
    /// `-x`/`-xx`/`-X`/`-XX`/`-A`/`-AA`: the packet's bytes dumped after its line.
    pub dump: Dump,
    /// `-S`: absolute TCP sequence numbers.
    pub absolute_seq: bool,
    /// `-#`: each line starts with the packet's number.
    pub numbered: bool,
    /// `--time-stamp-precision=nano`: nine digits of fraction instead of six.
    pub nano: bool,
}

impl Default for PrintOptions {
    fn default() -> Self {
        PrintOptions {
            timestamps: TimestampStyle::Time,
            link_header: false,
            quiet: false,
            verbose: 0,
            dont_verify_checksums: false,
            dump: Dump::None,
            absolute_seq: false,
            numbered: false,
            nano: false,
        }
    }
}

/// What `-x`, `-X` and `-A` add after each line (print.c's `pretty_print_packet`): the
/// bytes after the link-layer header, or (flag given twice) the whole captured packet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dump {
    None,
    /// `-x`: hex, 16 bytes a line (`hex_print`).
    Hex {
        link: bool,
    },
    /// `-X`: hex and ASCII (`hex_and_ascii_print`).
    HexAscii {
        link: bool,
    },
    /// `-A`: ASCII (`ascii_print`).
    Ascii {
        link: bool,
    },
}

impl Dump {
    /// From the number of `-x`, `-X` and `-A` flags, with tcpdump's precedence: `-X` over
    /// `-x` over `-A`, and only the winner's count says whether the link header is included.
    pub fn from_counts(x: u8, big_x: u8, a: u8) -> Dump {
        if big_x > 0 {
            Dump::HexAscii { link: big_x > 1 }
        } else if x > 0 {
            Dump::Hex { link: x > 1 }
        } else if a > 0 {
            Dump::Ascii { link: a > 1 }
        } else {
            Dump::None
        }
    }

    /// `-x` and `-X` also stop the protocol printers' own hex dumps of undecoded data
    /// (tcpdump's `ndo_suppress_default_print`); `-A` does not.
    fn suppresses_default_print(self) -> bool {
        matches!(self, Dump::Hex { .. } | Dump::HexAscii { .. })
    }
}

/// Link types the printer decodes (LINKTYPE_ values as in files, plus the DLT_ values
/// libpcap hands out live where they differ).
pub fn linktype_supported(linktype: u32) -> bool {
    use linktype::*;
    matches!(
        linktype,
        NULL | ETHERNET
            | DLT_RAW
            | DLT_RAW_OPENBSD
            | RAW
            | LOOP
            | LINUX_SLL
            | IPV4
            | IPV6
            | LINUX_SLL2
    )
}

/// Formats packets; keeps the state tcpdump keeps between lines (relative TCP sequence
/// numbers, the previous timestamp for `-ttt`, interface names).
pub struct Printer {
    opts: PrintOptions,
    clock: ts::Clock,
    state: state::State,
    /// tcpdump's `packets_captured`, printed by `-#`.
    number: u32,
}

impl Printer {
    pub fn new(opts: PrintOptions) -> Printer {
        let clock = ts::Clock::new(opts.timestamps, opts.nano);
        Printer {
            opts,
            clock,
            state: state::State::new(),
            number: 0,
        }
    }

    /// Replaces how SLL2 ifindexes become names. The default asks the kernel
    /// (`if_indextoname`) in the calling thread's network namespace, as tcpdump does.
    pub fn set_interface_resolver(&mut self, resolver: InterfaceResolver) {
        self.state.resolver = resolver;
        self.state.ifnames.clear();
    }

    /// Appends the summary line of `pkt`, ending in '\n', to `out`. (Like tcpdump's, the
    /// "line" holds embedded newlines for VXLAN's inner frame and hex dumps of undecoded
    /// payloads.)
    /// Counts `n` packets that were not handed to [`Printer::print`] (lines skipped to keep
    /// up), so `-#` numbers stay those of the packets captured.
    pub fn skip(&mut self, n: u64) {
        self.number = self.number.wrapping_add(n as u32);
    }

    pub fn print(&mut self, pkt: &Packet<'_>, out: &mut Vec<u8>) {
        self.number = self.number.wrapping_add(1);
        if self.opts.numbered {
            number(out, self.number);
        }
        let caplen = pkt.data.len() as u32;
        let len = pkt.wire_len;
        if caplen == 0
            || len == 0
            || len < caplen
            || caplen > MAXIMUM_SNAPLEN
            || len > MAXIMUM_SNAPLEN
        {
            invalid_header(out, caplen, len);
            return;
        }
        self.clock.print(out, pkt.ts_sec, pkt.ts_nsec);
        let mut nd = nd::Nd {
            b: pkt.data,
            snapend: pkt.data.len(),
            proto: "",
            out,
            eflag: self.opts.link_header,
            qflag: self.opts.quiet,
            vflag: self.opts.verbose.saturating_sub(self.state.vflag_lost),
            kflag: self.opts.dont_verify_checksums,
            xflag: matches!(self.opts.dump, Dump::HexAscii { .. }),
            suppress_default: self.opts.quiet || self.opts.dump.suppresses_default_print(),
            sflag: self.opts.absolute_seq,
            ll_hdr_len: None,
            trunc_local: false,
            st: &mut self.state,
        };
        let (len, caplen) = (len as usize, caplen as usize);
        use linktype::*;
        let r = match pkt.linktype {
            ETHERNET => ether::if_print(&mut nd, len, caplen),
            LINUX_SLL => sll::sll_if_print(&mut nd, len, caplen),
            LINUX_SLL2 => sll::sll2_if_print(&mut nd, len, caplen),
            NULL | LOOP => null::null_if_print(&mut nd, len, caplen),
            DLT_RAW | DLT_RAW_OPENBSD | RAW | IPV4 | IPV6 => null::raw_if_print(&mut nd, len),
            _ => {
                // `unsupported_if_print`
                nd.proto = "unsupported";
                nd.s(b"UNSUPPORTED");
                nd.hex_and_ascii(b"\n\t", 0, caplen).map(|()| 0)
            }
        };
        // `ndo_ll_hdr_len`: a packet whose decoding was cut short by a longjmp is dumped whole.
        let hdrlen = r.unwrap_or_else(|_| {
            nd.trunc();
            match nd.trunc_local {
                true => nd.ll_hdr_len.unwrap_or(0),
                false => 0,
            }
        });
        if self.opts.dump != Dump::None {
            dump::dump(&mut nd, self.opts.dump, hdrlen, caplen);
        }
        out.push(b'\n');
    }
}

/// `-#`: `%5u  `.
fn number(out: &mut Vec<u8>, n: u32) {
    let start = out.len();
    fmt::dec(out, n as u64);
    let digits = out.len() - start;
    if digits < 5 {
        out.splice(start..start, std::iter::repeat_n(b' ', 5 - digits));
    }
    out.extend_from_slice(b"  ");
}

/// pretty_print_packet's "[Invalid header: ...]" line.
fn invalid_header(out: &mut Vec<u8>, caplen: u32, len: u32) {
    let mut first = caplen != 0;
    if caplen == 0 {
        out.extend_from_slice(b"[Invalid header: caplen==0");
    }
    let mut open = |out: &mut Vec<u8>| {
        if first {
            out.extend_from_slice(b"[Invalid header:");
            first = false;
        } else {
            out.push(b',');
        }
    };
    if len == 0 {
        open(out);
        out.extend_from_slice(b" len==0");
    } else if len < caplen {
        open(out);
        out.extend_from_slice(b" len(");
        fmt::dec(out, len as u64);
        out.extend_from_slice(b") < caplen(");
        fmt::dec(out, caplen as u64);
        out.push(b')');
    }
    if caplen > MAXIMUM_SNAPLEN {
        open(out);
        out.extend_from_slice(b" caplen(");
        fmt::dec(out, caplen as u64);
        out.extend_from_slice(b") > 262144");
    }
    if len > MAXIMUM_SNAPLEN {
        open(out);
        out.extend_from_slice(b" len(");
        fmt::dec(out, len as u64);
        out.extend_from_slice(b") > 262144");
    }
    out.extend_from_slice(b"]\n");
}
