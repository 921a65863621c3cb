//! Microsoft Network Load Balancing heartbeats (tcpdump's print-msnlb.c), ethertype 0x886f:
//! host priority, cluster IP and host IP (the rest of the undocumented format is skipped).

use super::nd::{Nd, R};

/// `msnlb_print`.
pub(crate) fn msnlb_print(nd: &mut Nd, bp: usize) -> R {
    nd.proto = "msnlb";
    nd.s(b"MS NLB heartbeat");
    // GET_LE_U_4: the host priority is little-endian.
    let prio = u32::from_le_bytes(nd.bytes(bp + 8, 4)?.try_into().expect("4 bytes"));
    nd.s(b", host priority: ");
    nd.u(prio as u64);
    nd.need(bp + 12, 4)?;
    nd.s(b", cluster IP: ");
    nd.ip4(bp + 12)?;
    nd.need(bp + 16, 4)?;
    nd.s(b", host IP: ");
    nd.ip4(bp + 16)?;
    Ok(())
}
