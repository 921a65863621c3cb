//! tcpdump-identical one-line summaries (`tcpdump -nn` at default verbosity).
//!
//! STUB: the real printer (one module per protocol, like tcpdump's print-*.c) replaces this.

use crate::options::TimestampStyle;
use crate::packet::Packet;

/// How lines look, from the tcpdump flags that shape them.
#[derive(Clone, Debug)]
pub struct PrintOptions {
    pub timestamps: TimestampStyle,
    /// `-e`: print the link-level header.
    pub link_header: bool,
    /// `-q`: quieter protocol lines.
    pub quiet: bool,
    /// `-v` count; lines keep default-verbosity shape where we do not decode more.
    pub verbose: u8,
}

impl Default for PrintOptions {
    fn default() -> Self {
        PrintOptions {
            timestamps: TimestampStyle::Time,
            link_header: false,
            quiet: false,
            verbose: 0,
        }
    }
}

/// Maps an ifindex (from LINUX_SLL2 headers) to an interface name.
pub type InterfaceResolver = Box<dyn FnMut(u32) -> Option<String> + Send>;

/// Formats packets; keeps the state tcpdump keeps between lines (relative TCP sequence
/// numbers, the previous timestamp for `-ttt`, interface names).
pub struct Printer {
    opts: PrintOptions,
}

impl Printer {
    pub fn new(opts: PrintOptions) -> Printer {
        Printer { opts }
    }

    /// Replaces how SLL2 ifindexes become names. The default asks the kernel
    /// (`if_indextoname`) in the calling thread's network namespace, as tcpdump does.
    pub fn set_interface_resolver(&mut self, _resolver: InterfaceResolver) {}

    /// Appends the summary line of `pkt`, ending in '\n', to `out`.
    pub fn print(&mut self, pkt: &Packet<'_>, out: &mut Vec<u8>) {
        let _ = &self.opts;
        out.extend_from_slice(
            format!(
                "{}.{:06} packet, length {}\n",
                pkt.ts_sec,
                pkt.ts_nsec / 1000,
                pkt.wire_len
            )
            .as_bytes(),
        );
    }
}
