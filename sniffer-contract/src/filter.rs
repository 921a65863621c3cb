//! Filter expressions, compiled by libpcap's own compiler so their meaning is tcpdump's.
//!
//! The sniffer attaches the compiled program to its capture; the plugin compiles the same
//! expression locally, before it creates any pod, so a typo fails fast with libpcap's words.
//! The sniffer links libpcap (feature `libpcap`: [`compile`], [`check`]); the plugin loads it
//! at run time where one is installed. Both take the link type, the compiler's arguments and
//! the error from here, so the two checks cannot disagree.

use std::ffi::CString;

/// An expression libpcap rejected, with libpcap's own message.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("invalid filter expression {expression:?}: {message}")]
pub struct FilterError {
    pub expression: String,
    pub message: String,
}

impl FilterError {
    pub fn new(expression: &str, message: impl Into<String>) -> Self {
        FilterError {
            expression: expression.to_string(),
            message: message.into(),
        }
    }
}

/// The link type (the DLT_ value `pcap_open_dead` takes) to check an expression against
/// when the capture's real one is not known yet. `any` captures are LINUX_SLL2; a named
/// interface is assumed to be Ethernet, which is what pod interfaces are. (Some expressions,
/// such as `vlan`, are valid only on Ethernet.) For these two the DLT_ and LINKTYPE_ values
/// are the same number.
pub fn check_linktype(interface: &str) -> u32 {
    if interface == "any" {
        pcapng::linktype::LINUX_SLL2
    } else {
        pcapng::linktype::ETHERNET
    }
}

/// The snapshot length and netmask the `pcap` crate passes to `pcap_open_dead` and
/// `pcap_compile` (it takes neither from its caller), and with which the sniffer's live
/// filter is compiled too; a loaded libpcap is given the same so it answers the same. (With
/// a netmask of 0, rather than PCAP_NETMASK_UNKNOWN, `ip broadcast` compiles, as it does in
/// the sniffer.)
pub const COMPILE_SNAPLEN: i32 = 65535;
pub const COMPILE_NETMASK: u32 = 0;

/// The expression as the C string `pcap_compile` reads; one that holds a NUL byte is
/// rejected here, in words of our own, since libpcap would only see the part before it.
pub fn c_expression(expression: &str) -> Result<CString, FilterError> {
    CString::new(expression)
        .map_err(|_| FilterError::new(expression, "the expression contains a NUL byte"))
}

/// Compiles `expression` (optimised, as tcpdump does) for `linktype`, returning the program
/// so a caller can also filter packets offline with it. No snapshot length is taken: it only
/// sets the value an accepting program returns, and offline matching (the one use of the
/// returned program) looks at zero versus non-zero; live captures compile on their own
/// handle, whose snaplen libpcap knows.
#[cfg(feature = "libpcap")]
pub fn compile(
    expression: &str,
    linktype: pcap::Linktype,
) -> Result<pcap::BpfProgram, FilterError> {
    let fail = |message: String| FilterError::new(expression, message);
    c_expression(expression)?;
    let dead = pcap::Capture::dead_with_precision(linktype, pcap::Precision::Nano)
        .map_err(|e| fail(e.to_string()))?;
    dead.compile(expression, true)
        .map_err(|e| FilterError::from_pcap(expression, e))
}

/// Checks that `expression` compiles for a capture on `interface` (see [`check_linktype`]),
/// for callers that only validate.
#[cfg(feature = "libpcap")]
pub fn check(expression: &str, interface: &str) -> Result<(), FilterError> {
    compile(expression, pcap::Linktype(check_linktype(interface) as i32)).map(drop)
}

#[cfg(feature = "libpcap")]
impl FilterError {
    /// libpcap's refusal of `expression`, in libpcap's own words (without the `pcap` crate's
    /// prefix), for the offline compile here and the live capture's `setfilter` alike.
    pub fn from_pcap(expression: &str, e: pcap::Error) -> FilterError {
        FilterError::new(
            expression,
            match e {
                pcap::Error::PcapError(s) => s,
                other => other.to_string(),
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_is_cooked_v2_and_named_interfaces_are_ethernet() {
        assert_eq!(check_linktype("any"), 276);
        assert_eq!(check_linktype("eth0"), 1);
    }

    #[test]
    fn nul_bytes_are_rejected_before_libpcap() {
        let e = c_expression("tcp\0 or udp").unwrap_err();
        assert_eq!(e.expression, "tcp\0 or udp");
        assert!(e.message.contains("NUL"), "{}", e.message);
    }

    #[cfg(feature = "libpcap")]
    #[test]
    fn valid_expressions_compile() {
        check("", "any").unwrap();
        check("tcp port 80 and not host 192.0.2.1", "any").unwrap();
        check("vlan and udp", "eth0").unwrap();
        assert!(check("vlan and udp", "any").is_err());
    }

    #[cfg(feature = "libpcap")]
    #[test]
    fn invalid_expression_reports_libpcap_message() {
        let e = check("tcp port eighty", "any").unwrap_err();
        assert_eq!(e.expression, "tcp port eighty");
        assert!(e.message.contains("eighty"), "{}", e.message);
    }
}
