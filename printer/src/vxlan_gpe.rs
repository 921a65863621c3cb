//! VXLAN-GPE (tcpdump's print-vxlan-gpe.c), UDP 4790: flags, VNI and the inner IPv4, IPv6,
//! Ethernet or NSH packet.

use super::nd::{Nd, R};
use super::tok::{self, Tok};
use super::{ether, ip, ip6, nsh};

const HDR_LEN: usize = 8;

/// `vxlan_gpe_flags`.
const FLAGS: Tok = &[(0x08, "I"), (0x04, "P"), (0x02, "B"), (0x01, "O")];

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
        4 => nsh::nsh_print(nd, inner, len),
        _ => {
            nd.s(b"ERROR: unknown-next-protocol");
            nd.invalid();
            Ok(())
        }
    }
}
