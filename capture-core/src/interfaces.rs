//! Interfaces of the calling thread's network namespace: names by ifindex, and counters.
//!
//! Both must be read on the thread that entered the target namespace: `if_nameindex` asks
//! the kernel over a netlink socket created in that thread's namespace, and
//! /proc/thread-self/net/dev describes the thread's namespace, where /sys and /proc/self
//! describe the namespace of whoever mounted them or of the main thread.

use std::collections::BTreeMap;

/// ifindex → interface name, as seen inside one network namespace.
pub type InterfaceTable = BTreeMap<u32, String>;

/// Lists the interfaces of the calling thread's network namespace.
pub fn list() -> std::io::Result<InterfaceTable> {
    let list = nix::net::if_::if_nameindex().map_err(std::io::Error::from)?;
    Ok(list
        .iter()
        .map(|i| (i.index(), i.name().to_string_lossy().into_owned()))
        .collect())
}

/// Looks up one ifindex (for interfaces that appear during a capture): the printer's
/// `if_indextoname`, since tcpdump's SLL2 printer asks the kernel the same way.
pub use printer::if_indextoname as name_of;

/// Packet counters of one interface, from /proc/thread-self/net/dev.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counters {
    /// Packets received plus sent.
    pub packets: u64,
    /// Packets the interface (driver) dropped, received plus sent.
    pub dropped: u64,
}

/// Counters of every interface in the calling thread's namespace, by name.
pub fn counters() -> std::io::Result<BTreeMap<String, Counters>> {
    let text = std::fs::read_to_string("/proc/thread-self/net/dev")?;
    Ok(parse_net_dev(&text))
}

fn parse_net_dev(text: &str) -> BTreeMap<String, Counters> {
    // Two header lines, then `name: rx_bytes rx_packets rx_errs rx_drop … (8 rx fields)
    // tx_bytes tx_packets tx_errs tx_drop …`.
    text.lines()
        .skip(2)
        .filter_map(|line| {
            let (name, rest) = line.split_once(':')?;
            let f: Vec<u64> = rest
                .split_whitespace()
                .filter_map(|v| v.parse().ok())
                .collect();
            (f.len() >= 12).then(|| {
                let c = Counters {
                    packets: f[1] + f[9],
                    dropped: f[3] + f[11],
                };
                (name.trim().to_string(), c)
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_loopback() {
        let t = list().unwrap();
        assert!(t.values().any(|n| n == "lo"), "{t:?}");
        let lo = t.iter().find(|(_, n)| *n == "lo").unwrap().0;
        assert_eq!(name_of(*lo).as_deref(), Some("lo"));
    }

    #[test]
    fn parses_proc_net_dev() {
        let text = "Inter-|   Receive                                                |  Transmit\n face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed\n    lo:  1000      10    0    1    0     0          0         0     2000      20    0    2    0     0       0          0\n";
        let c = parse_net_dev(text);
        assert_eq!(
            c["lo"],
            Counters {
                packets: 30,
                dropped: 3
            }
        );
        assert!(counters().unwrap().contains_key("lo"));
    }
}
