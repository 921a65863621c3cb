//! Novell IPX (tcpdump's print-ipx.c): over Ethernet II (0x8137), raw 802.3, 802.2 LLC (SAP
//! 0xe0) and SNAP. Network.node.socket addresses, then by destination socket: NCP, SAP
//! requests and responses, RIP, NetBIOS, diagnostics, NWLink.

use super::fmt;
use super::nd::{Nd, R};

/// sizeof(struct ipxHdr).
const HDR_LEN: usize = 30;

/// `ipx_print`.
pub(crate) fn ipx_print(nd: &mut Nd, p: usize) -> R {
    nd.proto = "ipx";
    if !nd.eflag {
        nd.s(b"IPX ");
    }
    let (src_net, src_skt) = (nd.be4(p + 18)?, nd.be2(p + 28)?);
    nd.need(p + 22, 6)?;
    addr(nd, src_net, p + 22);
    nd.s(b".");
    nd.x0(src_skt as u64, 4);
    nd.s(b" > ");
    let (dst_net, dst_skt) = (nd.be4(p + 6)?, nd.be2(p + 16)?);
    nd.need(p + 10, 6)?;
    addr(nd, dst_net, p + 10);
    nd.s(b".");
    nd.x0(dst_skt as u64, 4);
    nd.s(b": ");
    // The length is the IPX header's, not the link layer's.
    let length = nd.be2(p + 2)? as usize;
    if length < HDR_LEN {
        nd.s(b"[length ");
        nd.u(length as u64);
        nd.s(b" < 30]");
        nd.invalid();
        return Ok(());
    }
    decode(nd, dst_skt, p + HDR_LEN, length - HDR_LEN)
}

/// `ipxaddr_string`: "%08x.%02x:...:%02x" (the caller has checked the node is captured).
fn addr(nd: &mut Nd, net: u32, node: usize) {
    nd.x0(net as u64, 8);
    nd.s(b".");
    fmt::hexbytes(nd.out, &nd.b[node..node + 6], b':');
}

/// `ipxsap_string`: with -n (which the printer always is) tcpdump leaves its table of
/// service names empty, so a service type prints as four hex digits.
fn sap_name(nd: &mut Nd, v: u16) {
    nd.x0(v as u64, 4);
}

/// `ipx_decode`: by destination socket.
fn decode(nd: &mut Nd, skt: u16, datap: usize, length: usize) -> R {
    let label: &[u8] = match skt {
        0x0451 => b"ipx-ncp ",
        0x0452 => return sap_print(nd, datap, length),
        0x0453 => return rip_print(nd, datap, length),
        0x0455 => b"ipx-netbios ",
        0x0456 => b"ipx-diags ",
        0x0553 => b"ipx-nwlink-dgm ",
        _ => {
            // Cisco EIGRP over IPX (0x85be) goes to tcpdump's eigrp_print, which the
            // printer does not have yet: printed as any other socket until it does.
            nd.s(b"ipx-#");
            nd.x(skt as u64);
            nd.s(b" ");
            nd.u(length as u64);
            return Ok(());
        }
    };
    nd.s(label);
    nd.u(length as u64);
    Ok(())
}

/// `ND_LCHECK_U(length, 2)` failing: the length is shorter than the command just read.
fn lcheck(nd: &mut Nd, length: usize) -> R {
    nd.s(b" [length ");
    nd.u(length as u64);
    nd.s(b" < 2]");
    nd.invalid();
    Ok(())
}

/// `ipx_sap_print`: service advertising requests and responses.
fn sap_print(nd: &mut Nd, mut ipx: usize, mut length: usize) -> R {
    let command = nd.be2(ipx)?;
    if length < 2 {
        return lcheck(nd, length);
    }
    ipx += 2;
    length -= 2;
    match command {
        1 | 3 => {
            nd.s(if command == 1 {
                b"ipx-sap-req"
            } else {
                b"ipx-sap-nearest-req"
            });
            let t = nd.be2(ipx)?;
            nd.s(b" ");
            sap_name(nd, t);
        }
        2 | 4 => {
            nd.s(if command == 2 {
                b"ipx-sap-resp"
            } else {
                b"ipx-sap-nearest-resp"
            });
            let mut i = 0;
            while i < 8 && length != 0 {
                nd.need(ipx, 2)?;
                if length < 2 {
                    nd.invalid();
                    return Ok(());
                }
                let t = nd.be2(ipx)?;
                nd.s(b" ");
                sap_name(nd, t);
                nd.s(b" '");
                ipx += 2;
                length -= 2;
                if length < 48 {
                    nd.s(b"'");
                    nd.invalid();
                    return Ok(());
                }
                nd.printjnp(ipx, 48)?;
                nd.s(b"'");
                ipx += 48;
                length -= 48;
                nd.need(ipx, 10)?;
                if length < 10 {
                    nd.invalid();
                    return Ok(());
                }
                let net = nd.be4(ipx)?;
                nd.s(b" addr ");
                addr(nd, net, ipx + 4);
                ipx += 10;
                length -= 10;
                nd.need(ipx, 4)?;
                if length < 4 {
                    nd.invalid();
                    return Ok(());
                }
                ipx += 4;
                length -= 4;
                i += 1;
            }
        }
        _ => {
            nd.s(b"ipx-sap-?");
            nd.x(command as u64);
        }
    }
    Ok(())
}

/// `ipx_rip_print`: routing requests and responses.
fn rip_print(nd: &mut Nd, mut ipx: usize, mut length: usize) -> R {
    let command = nd.be2(ipx)?;
    if length < 2 {
        return lcheck(nd, length);
    }
    ipx += 2;
    length -= 2;
    let route = |nd: &mut Nd, at: usize| -> R {
        let (net, hops, ticks) = (nd.be4(at)?, nd.be2(at + 4)?, nd.be2(at + 6)?);
        nd.s(b" ");
        nd.x0(net as u64, 8);
        nd.s(b"/");
        nd.u(hops as u64);
        nd.s(b".");
        nd.u(ticks as u64);
        Ok(())
    };
    match command {
        1 => {
            nd.s(b"ipx-rip-req");
            if length != 0 {
                if length < 8 {
                    nd.invalid();
                    return Ok(());
                }
                route(nd, ipx)?;
            }
        }
        2 => {
            nd.s(b"ipx-rip-resp");
            let mut i = 0;
            while i < 50 && length != 0 {
                if length < 8 {
                    nd.invalid();
                    return Ok(());
                }
                route(nd, ipx)?;
                ipx += 8;
                length -= 8;
                i += 1;
            }
        }
        _ => {
            nd.s(b"ipx-rip-?");
            nd.x(command as u64);
        }
    }
    Ok(())
}
