//! VXLAN-GPE (tcpdump's print-vxlan-gpe.c), UDP 4790: flags, VNI and the inner IPv4, IPv6
//! or Ethernet frame. Its NSH payload (next protocol 4) needs print-nsh.c's printer, which is
//! not in this module: [`decodes`] tells the caller, which prints the plain UDP line for it.

use super::nd::{Nd, R};
use super::tok::{self, Tok};
use super::{ether, ip, ip6};

const HDR_LEN: usize = 8;
const NP_NSH: u8 = 4;

/// `vxlan_gpe_flags`.
const FLAGS: Tok = &[(0x08, "I"), (0x04, "P"), (0x02, "B"), (0x01, "O")];

/// Whether [`vxlan_gpe_print`] prints this datagram as tcpdump does: not when it carries NSH.
pub(crate) fn decodes(nd: &Nd, bp: usize, len: usize) -> bool {
    len < HDR_LEN || nd.u1(bp + 3).map_or(true, |np| np != NP_NSH)
}

/// `vxlan_gpe_print`.
pub(crate) fn vxlan_gpe_print(nd: &mut Nd, bp: usize, len: usize) -> R {
    nd.proto = "vxlan_gpe";
    nd.s(b"VXLAN-GPE, ");
    if len < HDR_LEN {
        nd.s(b" (len ");
        nd.u(len as u64);
        nd.s(b" < 8)");
        nd.invalid();
        return Ok(());
    }
    let flags = nd.u1(bp)?;
    nd.s(b"flags [");
    tok::bittok(nd, FLAGS, "none", flags as u32, b"");
    nd.s(b"], ");
    let next_protocol = nd.u1(bp + 3)?;
    let vni = nd.be3(bp + 4)?;
    nd.u1(bp + 7)?;
    nd.s(b"vni ");
    nd.u(vni as u64);
    nd.s(if nd.vflag > 0 { b"\n    " } else { b": " });
    let (inner, len) = (bp + HDR_LEN, len - HDR_LEN);
    match next_protocol {
        1 => ip::ip_print(nd, inner, len),
        2 => ip6::ip6_print(nd, inner, len),
        3 => {
            let avail = nd.avail(inner);
            ether::ether_print(nd, inner, len, avail).map(|_| ())
        }
        _ => {
            nd.s(b"ERROR: unknown-next-protocol");
            nd.invalid();
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testutil::udp_line;

    /// NSH inside (not decoded here) keeps the plain UDP line; IPv4 inside is decoded.
    #[test]
    fn nsh_keeps_the_udp_line() {
        let nsh = [
            0x0c, 0, 0, 4, 0, 0, 1, 0, 0x00, 0x02, 0x00, 0x01, 0, 0, 1, 0xff,
        ];
        let l = udp_line(40000, 4790, &nsh);
        assert!(l.ends_with("192.0.2.2.4790: UDP, length 16\n"), "{l}");
        let mut ip = vec![0x0c, 0, 0, 1, 0, 0, 1, 0];
        ip.extend_from_slice(&[0x45, 0, 0, 20, 0, 0, 0, 0, 64, 59, 0, 0]);
        ip.extend_from_slice(&[198, 51, 100, 1, 198, 51, 100, 2]);
        let l = udp_line(40000, 4790, &ip);
        assert!(
            l.contains("VXLAN-GPE, flags [IP], vni 1: IP 198.51.100.1 > "),
            "{l}"
        );
    }
}
