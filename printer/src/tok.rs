//! tcpdump's `struct tok` value-to-name tables and their lookups (util-print.c's
//! `tok2str`, `bittok2str`, `bittok2str_nosep`), for the printers that print many tables
//! (LLDP, CDP, ...): one implementation of their exact matching and separators.

use super::nd::Nd;

/// A `struct tok` table: (value, name), searched in order.
pub(crate) type Tok = &'static [(u32, &'static str)];

/// `tok2str`'s lookup: the first name for `v`.
pub(crate) fn name(t: Tok, v: u32) -> Option<&'static str> {
    t.iter().find(|&&(k, _)| k == v).map(|&(_, n)| n)
}

/// `tok2str(t, unknown, v)` where `unknown` has no conversion (the common "unknown").
pub(crate) fn tok2str(nd: &mut Nd, t: Tok, unknown: &str, v: u32) {
    nd.st(name(t, v).unwrap_or(unknown));
}

/// `bittok2str_internal` (4.99's): each entry in table order whose bits are all set in `v`
/// names it (an entry of 0 never does; a multi-bit entry needs every one of its bits); names
/// are joined by `sep`; none matching prints `none`.
pub(crate) fn bittok(nd: &mut Nd, t: Tok, none: &str, v: u32, sep: &[u8]) {
    let mut first = true;
    for &(k, n) in t {
        if k != 0 && v & k == k {
            if !first {
                nd.s(sep);
            }
            nd.st(n);
            first = false;
        }
    }
    if first {
        nd.st(none);
    }
}

/// `bittok2str(t, none, v)`: ", "-separated.
pub(crate) fn bittok2str(nd: &mut Nd, t: Tok, none: &str, v: u32) {
    bittok(nd, t, none, v, b", ");
}

/// `oui_values` (oui.c).
pub(crate) const OUI: Tok = &[
    (0x000000, "Ethernet"),
    (0x00000c, "Cisco"),
    (0x00005e, "IANA"),
    (0x000081, "Nortel Networks SONMP"),
    (0x0000f8, "Cisco bridged"),
    (0x0080c2, "Ethernet bridged"),
    (0x00a03e, "ATM Forum"),
    (0x00e02f, "DOCSIS Spanning Tree"),
    (0x080007, "Appletalk"),
    (0x009069, "Juniper"),
    (0x080009, "Hewlett-Packard"),
    (0x0080c2, "IEEE 802.1 Private"),
    (0x00120f, "IEEE 802.3 Private"),
    (0x0012bb, "ANSI/TIA"),
    (0x001b21, "DCBX"),
    (0x002320, "Nicira Networks"),
    (0x5c16c7, "Big Switch Networks"),
    (0xb0d2f5, "Vello Systems"),
    (0x002481, "HP"),
    (0x0004ea, "HP-Labs"),
    (0x748771, "Infoblox Inc"),
    (0xa42305, "Open Networking Lab"),
    (0x00049f, "Freescale"),
    (0x0015ad, "Netronome"),
    (0x001018, "Broadcom"),
    (0x00e004, "PMC-Sierra"),
    (0xd0f0db, "Ericsson"),
];

/// `af_values` (af.c): address family numbers (IANA).
pub(crate) const AF: Tok = &[
    (0, "Reserved"),
    (1, "IPv4"),
    (2, "IPv6"),
    (3, "NSAP"),
    (4, "HDLC"),
    (5, "BBN 1822"),
    (6, "802"),
    (7, "E.163"),
    (8, "E.164"),
    (9, "F.69"),
    (10, "X.121"),
    (11, "Novell IPX"),
    (12, "Appletalk"),
    (13, "Decnet IV"),
    (14, "Banyan Vines"),
    (15, "E.164 with NSAP subaddress"),
    (196, "Layer-2 VPN"),
    (25, "VPLS"),
];

/// `mpls_pw_types_values` (l2vpn.c): MPLS pseudowire types (LDP, LSP ping).
pub(crate) const MPLS_PW_TYPES: Tok = &[
    (0x0000, "Reserved"),
    (0x0001, "Frame Relay DLCI (Martini Mode)"),
    (0x0002, "ATM AAL5 SDU VCC transport"),
    (0x0003, "ATM transparent cell transport"),
    (0x0004, "Ethernet VLAN"),
    (0x0005, "Ethernet"),
    (0x0006, "Cisco-HDLC"),
    (0x0007, "PPP"),
    (0x0008, "SONET/SDH Circuit Emulation Service over MPLS"),
    (0x0009, "ATM n-to-one VCC cell transport"),
    (0x000a, "ATM n-to-one VPC cell transport"),
    (0x000b, "IP Layer2 Transport"),
    (0x000c, "ATM one-to-one VCC Cell Mode"),
    (0x000d, "ATM one-to-one VPC Cell Mode"),
    (0x000e, "ATM AAL5 PDU VCC transport"),
    (0x000f, "Frame-Relay Port mode"),
    (0x0010, "SONET/SDH Circuit Emulation over Packet"),
    (0x0011, "Structure-agnostic E1 over Packet"),
    (0x0012, "Structure-agnostic T1 (DS1) over Packet"),
    (0x0013, "Structure-agnostic E3 over Packet"),
    (0x0014, "Structure-agnostic T3 (DS3) over Packet"),
    (0x0015, "CESoPSN basic mode"),
    (0x0016, "TDMoIP basic mode"),
    (0x0017, "CESoPSN TDM with CAS"),
    (0x0018, "TDMoIP TDM with CAS"),
    (0x0019, "Frame Relay DLCI"),
    (0x0040, "IP-interworking"),
];
