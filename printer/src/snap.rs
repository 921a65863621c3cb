//! SNAP, the 802.2 LLC extension naming a protocol by OUI and PID (`snap_print` in
//! tcpdump's print-llc.c): encapsulated ethertypes, Cisco's protocols (CDP, DTP, UDLD, VTP,
//! PVST+ BPDUs), RFC 2684 bridged Ethernet and BPDUs; anything else (including what tcpdump
//! decodes and the printer does not: AppleTalk, bridged Token Ring and FDDI) prints its SNAP
//! header and is dumped raw by the caller.

use super::nd::{Nd, R};
use super::tok::{self, tok2str, Tok};
use super::{cdp, dtp, ether, names, stp, udld, vtp};

const OUI_ENCAP_ETHER: u32 = 0x000000;
const OUI_CISCO: u32 = 0x00000c;
const OUI_CISCO_90: u32 = 0x0000f8;
const OUI_RFC2684: u32 = 0x0080c2;
const OUI_APPLETALK: u32 = 0x080007;
const ETHERTYPE_ATALK: u16 = 0x809b;

const PID_CISCO_CDP: u16 = 0x2000;
const PID_CISCO_VTP: u16 = 0x2003;
const PID_CISCO_DTP: u16 = 0x2004;
const PID_CISCO_UDLD: u16 = 0x0111;
const PID_CISCO_PVST: u16 = 0x010b;
const PID_CISCO_VLANBRIDGE: u16 = 0x010c;
const PID_RFC2684_ETH_FCS: u16 = 0x0001;
const PID_RFC2684_ETH_NOFCS: u16 = 0x0007;
const PID_RFC2684_BPDU: u16 = 0x000e;

const CISCO: Tok = &[
    (PID_CISCO_CDP as u32, "CDP"),
    (PID_CISCO_VTP as u32, "VTP"),
    (PID_CISCO_DTP as u32, "DTP"),
    (PID_CISCO_UDLD as u32, "UDLD"),
    (PID_CISCO_PVST as u32, "PVST"),
    (PID_CISCO_VLANBRIDGE as u32, "VLAN Bridge"),
];

const BRIDGED: Tok = &[
    (0x0001, "Ethernet + FCS"),
    (0x0007, "Ethernet w/o FCS"),
    (0x0002, "802.4 + FCS"),
    (0x0008, "802.4 w/o FCS"),
    (0x0003, "Token Ring + FCS"),
    (0x0009, "Token Ring w/o FCS"),
    (0x0004, "FDDI + FCS"),
    (0x000a, "FDDI w/o FCS"),
    (0x0005, "802.6 + FCS"),
    (0x000b, "802.6 w/o FCS"),
    (0x000e, "BPDU"),
];

/// `tok2str(oui_to_struct_tok(orgcode), "Unknown", et)`: the PID's name in the OUI's table.
fn pid_name(nd: &mut Nd, orgcode: u32, et: u16) {
    match orgcode {
        OUI_ENCAP_ETHER | OUI_CISCO_90 | OUI_APPLETALK => {
            nd.st(names::ethertype(et).unwrap_or("Unknown"))
        }
        OUI_CISCO => tok2str(nd, CISCO, "Unknown", et as u32),
        OUI_RFC2684 => tok2str(nd, BRIDGED, "Unknown", et as u32),
        _ => nd.s(b"Unknown"),
    }
}

/// `snap_print`: Ok(true) when the payload was printed, Ok(false) when the caller should
/// dump it raw. `addrs` are the link layer's source and destination offsets, if any;
/// `bridge_pad` the padding before a bridged frame.
pub(crate) fn snap_print(
    nd: &mut Nd,
    p: usize,
    length: usize,
    caplen: usize,
    addrs: Option<(usize, usize)>,
    bridge_pad: usize,
) -> R<bool> {
    nd.proto = "snap";
    if !nd.ttest(p, 5) || caplen < 5 || length < 5 {
        nd.trunc();
        return Ok(true);
    }
    let orgcode = nd.be3(p)?;
    let et = nd.be2(p + 3)?;
    if nd.eflag {
        nd.s(b"oui ");
        tok2str(nd, tok::OUI, "Unknown", orgcode);
        nd.s(b" (0x");
        nd.x0(orgcode as u64, 6);
        nd.s(if orgcode == 0 {
            b"), ethertype "
        } else {
            b"), pid "
        });
        pid_name(nd, orgcode, et);
        nd.s(b" (0x");
        nd.x0(et as u64, 4);
        nd.s(b"), length ");
        nd.u((length - 5) as u64);
        nd.s(b": ");
    }
    let p = p + 5;
    let length = length - 5;
    let caplen = caplen - 5;
    // An encapsulated ethertype (AppleTalk's DDP is one the printer declines: a raw dump).
    let ethertype = matches!(orgcode, OUI_ENCAP_ETHER | OUI_CISCO_90)
        || (orgcode == OUI_APPLETALK && et == ETHERTYPE_ATALK);
    if ethertype && ether::ethertype_print(nd, et, p, length, caplen, addrs)? {
        return Ok(true);
    }
    match orgcode {
        OUI_CISCO => match et {
            PID_CISCO_CDP => {
                cdp::cdp_print(nd, p, length)?;
                return Ok(true);
            }
            PID_CISCO_DTP => {
                dtp::dtp_print(nd, p, length)?;
                return Ok(true);
            }
            PID_CISCO_UDLD => {
                udld::udld_print(nd, p, length)?;
                return Ok(true);
            }
            PID_CISCO_PVST | PID_CISCO_VLANBRIDGE => {
                stp::stp_print(nd, p, length)?;
                return Ok(true);
            }
            PID_CISCO_VTP => {
                vtp::vtp_print(nd, p, length)?;
                return Ok(true);
            }
            _ => {}
        },
        OUI_RFC2684 => match et {
            PID_RFC2684_ETH_FCS | PID_RFC2684_ETH_NOFCS => {
                nd.need(p, bridge_pad)?;
                ether::ether_print(
                    nd,
                    p + bridge_pad,
                    length.saturating_sub(bridge_pad),
                    caplen.saturating_sub(bridge_pad),
                )?;
                return Ok(true);
            }
            PID_RFC2684_BPDU => {
                stp::stp_print(nd, p, length)?;
                return Ok(true);
            }
            // 802.5 and FDDI frames are not decoded: dumped raw, below.
            _ => {}
        },
        _ => {}
    }
    if !nd.eflag {
        if let Some((src, dst)) = addrs {
            nd.mac(src)?;
            nd.s(b" > ");
            nd.mac(dst)?;
            nd.s(b" ");
        }
        if orgcode == 0 {
            nd.s(b"SNAP, ethertype ");
            nd.st(names::ethertype(et).unwrap_or("Unknown"));
        } else {
            nd.s(b"SNAP, oui ");
            tok2str(nd, tok::OUI, "Unknown", orgcode);
            nd.s(b" (0x");
            nd.x0(orgcode as u64, 6);
            nd.s(b"), pid ");
            pid_name(nd, orgcode, et);
        }
        nd.s(b" (0x");
        nd.x0(et as u64, 4);
        nd.s(b"), length ");
        nd.u(length as u64);
        nd.s(b": ");
    }
    Ok(false)
}
