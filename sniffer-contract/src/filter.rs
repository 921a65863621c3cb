//! Filter expressions, compiled by libpcap's own compiler so their meaning is tcpdump's.
//!
//! The sniffer attaches the compiled program to its capture; the plugin compiles the same
//! expression locally, before it creates any pod, so a typo fails fast with libpcap's words.

use pcap::{Capture, Linktype};

/// Link type used to check an expression when the capture's real one is not known yet.
/// `any` captures use LINUX_SLL2, and an expression valid there is valid on Ethernet too.
pub const DEFAULT_CHECK_LINKTYPE: Linktype = Linktype::LINUX_SLL2;

/// An expression libpcap rejected, with libpcap's own message.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("invalid filter expression {expression:?}: {message}")]
pub struct FilterError {
    pub expression: String,
    pub message: String,
}

/// Compiles `expression` (optimised, as tcpdump does) for `linktype`, returning the program
/// so a caller can also filter packets offline with it. No snapshot length is taken: it only
/// sets the value an accepting program returns, and offline matching (the one use of the
/// returned program) looks at zero versus non-zero; live captures compile on their own
/// handle, whose snaplen libpcap knows.
pub fn compile(expression: &str, linktype: Linktype) -> Result<pcap::BpfProgram, FilterError> {
    let fail = |message: String| FilterError {
        expression: expression.to_string(),
        message,
    };
    let dead = Capture::dead_with_precision(linktype, pcap::Precision::Nano)
        .map_err(|e| fail(e.to_string()))?;
    dead.compile(expression, true)
        .map_err(|e| fail(strip_pcap_prefix(e)))
}

/// Checks that `expression` compiles for a capture on `interface`, for callers that only
/// validate. `any` captures are LINUX_SLL2; a named interface is assumed to be Ethernet, which
/// is what pod interfaces are. (Some expressions, such as `vlan`, are valid only on Ethernet.)
pub fn check(expression: &str, interface: &str) -> Result<(), FilterError> {
    let linktype = if interface == "any" {
        DEFAULT_CHECK_LINKTYPE
    } else {
        Linktype::ETHERNET
    };
    compile(expression, linktype).map(drop)
}

fn strip_pcap_prefix(e: pcap::Error) -> String {
    match e {
        pcap::Error::PcapError(s) => s,
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_expressions_compile() {
        check("", "any").unwrap();
        check("tcp port 80 and not host 192.0.2.1", "any").unwrap();
        check("vlan and udp", "eth0").unwrap();
        assert!(check("vlan and udp", "any").is_err());
    }

    #[test]
    fn invalid_expression_reports_libpcap_message() {
        let e = check("tcp port eighty", "any").unwrap_err();
        assert_eq!(e.expression, "tcp port eighty");
        assert!(e.message.contains("eighty"), "{}", e.message);
    }
}
