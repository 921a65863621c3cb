//! RADIUS (tcpdump's print-radius.c), UDP 1645/1812 (authentication), 1646/1813
//! (accounting), 1700/3799 (CoA): the command, id and length; with -v the authenticator and
//! every attribute decoded as tcpdump decodes it (-vv adds each attribute's hex).

use super::nd::{Nd, R};
use super::{eap, small, smi, ts};

const MIN_RADIUS_LEN: usize = 20;

fn command_name(c: u8) -> &'static str {
    match c {
        1 => "Access-Request",
        2 => "Access-Accept",
        3 => "Access-Reject",
        4 => "Accounting-Request",
        5 => "Accounting-Response",
        11 => "Access-Challenge",
        12 => "Status-Server",
        13 => "Status-Client",
        40 => "Disconnect-Request",
        41 => "Disconnect-ACK",
        42 => "Disconnect-NAK",
        43 => "CoA-Request",
        44 => "CoA-ACK",
        45 => "CoA-NAK",
        255 => "Reserved",
        _ => "Unknown Command",
    }
}

// Attribute codes print_attr_* treat specially.
const FRM_IPADDR: u8 = 8;
const LOG_IPHOST: u8 = 14;
const FRM_IPX: u8 = 23;
const SESSION_TIMEOUT: u8 = 27;
const IDLE_TIMEOUT: u8 = 28;
const FRM_ATALK_LINK: u8 = 37;
const FRM_ATALK_NETWORK: u8 = 38;
const ACCT_DELAY: u8 = 41;
const ACCT_SESSION_TIME: u8 = 46;
const EGRESS_VLAN_ID: u8 = 56;
const EGRESS_VLAN_NAME: u8 = 58;
const TUNNEL_TYPE: u8 = 64;
const TUNNEL_MEDIUM: u8 = 65;
const TUNNEL_CLIENT_END: u8 = 66;
const TUNNEL_SERVER_END: u8 = 67;
const TUNNEL_PASS: u8 = 69;
const ARAP_PASS: u8 = 70;
const ARAP_FEATURES: u8 = 71;
const EAP_MESSAGE: u8 = 79;
const TUNNEL_PRIV_GROUP: u8 = 81;
const TUNNEL_ASSIGN_ID: u8 = 82;
const TUNNEL_PREFERENCE: u8 = 83;
const ARAP_CHALLENGE_RESP: u8 = 84;
const ACCT_INT_INTERVAL: u8 = 85;
const TUNNEL_CLIENT_AUTH: u8 = 90;
const TUNNEL_SERVER_AUTH: u8 = 91;
const ERROR_CAUSE: u8 = 101;

/// How an attribute's value is printed (the C table's `print_func`).
#[derive(Clone, Copy, PartialEq)]
enum P {
    None,
    Str,
    Num,
    Vendor,
    Addr,
    Addr6,
    Netmask6,
    Mip6Prefix,
    OperatorName,
    LocationInfo,
    LocationData,
    Blpr,
    Time,
    Vector64,
    Strange,
}

/// The value names of a numeric attribute: `names[v]` for `first <= v < names.len()` (the
/// C table's `subtypes`, `siz_subtypes` and `first_subtype`).
struct Sub {
    names: &'static [&'static str],
    first: u32,
}

const SERV: Sub = Sub {
    first: 1,
    names: &[
        "",
        "Login",
        "Framed",
        "Callback Login",
        "Callback Framed",
        "Outbound",
        "Administrative",
        "NAS Prompt",
        "Authenticate Only",
        "Callback NAS Prompt",
        "Call Check",
        "Callback Administrative",
        "Voice",
        "Fax",
        "Modem Relay",
        "IAPP-Register",
        "IAPP-AP-Check",
        "Authorize Only",
        "Framed-Management",
        "Additional-Authorization",
    ],
};
const FRM_PROTO: Sub = Sub {
    first: 1,
    names: &[
        "",
        "PPP",
        "SLIP",
        "ARAP",
        "Gandalf proprietary",
        "Xylogics IPX/SLIP",
        "X.75 Synchronous",
        "GPRS PDP Context",
    ],
};
const FRM_ROUTING: Sub = Sub {
    first: 0,
    names: &["None", "Send", "Listen", "Send&Listen"],
};
const FRM_COMP: Sub = Sub {
    first: 0,
    names: &["None", "VJ TCP/IP", "IPX", "Stac-LZS"],
};
const LOGIN_SERV: Sub = Sub {
    first: 0,
    names: &[
        "Telnet",
        "Rlogin",
        "TCP Clear",
        "PortMaster(proprietary)",
        "LAT",
        "X.25-PAD",
        "X.25-T3POS",
        "Unassigned",
        "TCP Clear Quiet",
    ],
};
const TERM_ACTION: Sub = Sub {
    first: 0,
    names: &["Default", "RADIUS-Request"],
};
const INGRESS_FILTERS: Sub = Sub {
    first: 1,
    names: &["", "Enabled", "Disabled"],
};
const NAS_PORT_TYPE: Sub = Sub {
    first: 0,
    names: &[
        "Async",
        "Sync",
        "ISDN Sync",
        "ISDN Async V.120",
        "ISDN Async V.110",
        "Virtual",
        "PIAFS",
        "HDLC Clear Channel",
        "X.25",
        "X.75",
        "G.3 Fax",
        "SDSL",
        "ADSL-CAP",
        "ADSL-DMT",
        "ISDN-DSL",
        "Ethernet",
        "xDSL",
        "Cable",
        "Wireless - Other",
        "Wireless - IEEE 802.11",
        "Token-Ring",
        "FDDI",
        "Wireless - CDMA200",
        "Wireless - UMTS",
        "Wireless - 1X-EV",
        "IAPP",
        "FTTP",
        "Wireless - IEEE 802.16",
        "Wireless - IEEE 802.20",
        "Wireless - IEEE 802.22",
        "PPPoA",
        "PPPoEoA",
        "PPPoEoE",
        "PPPoEoVLAN",
        "PPPoEoQinQ",
        "xPON",
        "Wireless - XGP",
        "WiMAX Pre-Release 8 IWK Function",
        "WIMAX-WIFI-IWK",
        "WIMAX-SFF",
        "WIMAX-HA-LMA",
        "WIMAX-DHCP",
        "WIMAX-LBS",
        "WIMAX-WVS",
    ],
};
const ACCT_STATUS: Sub = Sub {
    first: 1,
    names: &[
        "",
        "Start",
        "Stop",
        "Interim-Update",
        "Unassigned",
        "Unassigned",
        "Unassigned",
        "Accounting-On",
        "Accounting-Off",
        "Tunnel-Start",
        "Tunnel-Stop",
        "Tunnel-Reject",
        "Tunnel-Link-Start",
        "Tunnel-Link-Stop",
        "Tunnel-Link-Reject",
        "Failed",
    ],
};
const ACCT_AUTH: Sub = Sub {
    first: 1,
    names: &["", "RADIUS", "Local", "Remote", "Diameter"],
};
const ACCT_TERM: Sub = Sub {
    first: 1,
    names: &[
        "",
        "User Request",
        "Lost Carrier",
        "Lost Service",
        "Idle Timeout",
        "Session Timeout",
        "Admin Reset",
        "Admin Reboot",
        "Port Error",
        "NAS Error",
        "NAS Request",
        "NAS Reboot",
        "Port Unneeded",
        "Port Preempted",
        "Port Suspended",
        "Service Unavailable",
        "Callback",
        "User Error",
        "Host Request",
        "Supplicant Restart",
        "Reauthentication Failure",
        "Port Reinitialized",
        "Port Administratively Disabled",
        "Lost Power",
    ],
};
const TUNNEL_TYPES: Sub = Sub {
    first: 1,
    names: &[
        "",
        "PPTP",
        "L2F",
        "L2TP",
        "ATMP",
        "VTP",
        "AH",
        "IP-IP",
        "MIN-IP-IP",
        "ESP",
        "GRE",
        "DVS",
        "IP-in-IP Tunneling",
        "VLAN",
    ],
};
const TUNNEL_MEDIUMS: Sub = Sub {
    first: 1,
    names: &[
        "",
        "IPv4",
        "IPv6",
        "NSAP",
        "HDLC",
        "BBN 1822",
        "802",
        "E.163",
        "E.164",
        "F.69",
        "X.121",
        "IPX",
        "Appletalk",
        "Decnet IV",
        "Banyan Vines",
        "E.164 with NSAP subaddress",
    ],
};
const ARAP_ZONE: Sub = Sub {
    first: 1,
    names: &[
        "",
        "Only access to dfl zone",
        "Use zone filter inc.",
        "Not used",
        "Use zone filter exc.",
    ],
};
const PROMPT: Sub = Sub {
    first: 0,
    names: &["No Echo", "Echo"],
};

/// `attr_type[]`: name, value names, printer; indexed by attribute code (0 has no name).
const ATTRS: &[(&str, Option<&Sub>, P)] = &[
    ("", None, P::None),
    ("User-Name", None, P::Str),
    ("User-Password", None, P::None),
    ("CHAP-Password", None, P::None),
    ("NAS-IP-Address", None, P::Addr),
    ("NAS-Port", None, P::Num),
    ("Service-Type", Some(&SERV), P::Num),
    ("Framed-Protocol", Some(&FRM_PROTO), P::Num),
    ("Framed-IP-Address", None, P::Addr),
    ("Framed-IP-Netmask", None, P::Addr),
    ("Framed-Routing", Some(&FRM_ROUTING), P::Num),
    ("Filter-Id", None, P::Str),
    ("Framed-MTU", None, P::Num),
    ("Framed-Compression", Some(&FRM_COMP), P::Num),
    ("Login-IP-Host", None, P::Addr),
    ("Login-Service", Some(&LOGIN_SERV), P::Num),
    ("Login-TCP-Port", None, P::Num),
    ("Unassigned", None, P::None),
    ("Reply-Message", None, P::Str),
    ("Callback-Number", None, P::Str),
    ("Callback-Id", None, P::Str),
    ("Unassigned", None, P::None),
    ("Framed-Route", None, P::Str),
    ("Framed-IPX-Network", None, P::Num),
    ("State", None, P::Str),
    ("Class", None, P::Str),
    ("Vendor-Specific", None, P::Vendor),
    ("Session-Timeout", None, P::Num),
    ("Idle-Timeout", None, P::Num),
    ("Termination-Action", Some(&TERM_ACTION), P::Num),
    ("Called-Station-Id", None, P::Str),
    ("Calling-Station-Id", None, P::Str),
    ("NAS-Identifier", None, P::Str),
    ("Proxy-State", None, P::Str),
    ("Login-LAT-Service", None, P::Str),
    ("Login-LAT-Node", None, P::Str),
    ("Login-LAT-Group", None, P::Str),
    ("Framed-AppleTalk-Link", None, P::Num),
    ("Framed-AppleTalk-Network", None, P::Num),
    ("Framed-AppleTalk-Zone", None, P::Str),
    ("Acct-Status-Type", Some(&ACCT_STATUS), P::Num),
    ("Acct-Delay-Time", None, P::Num),
    ("Acct-Input-Octets", None, P::Num),
    ("Acct-Output-Octets", None, P::Num),
    ("Acct-Session-Id", None, P::Str),
    ("Acct-Authentic", Some(&ACCT_AUTH), P::Num),
    ("Acct-Session-Time", None, P::Num),
    ("Acct-Input-Packets", None, P::Num),
    ("Acct-Output-Packets", None, P::Num),
    ("Acct-Terminate-Cause", Some(&ACCT_TERM), P::Num),
    ("Acct-Multi-Session-Id", None, P::Str),
    ("Acct-Link-Count", None, P::Num),
    ("Acct-Input-Gigawords", None, P::Num),
    ("Acct-Output-Gigawords", None, P::Num),
    ("Unassigned", None, P::None),
    ("Event-Timestamp", None, P::Time),
    ("Egress-VLANID", None, P::Num),
    ("Ingress-Filters", Some(&INGRESS_FILTERS), P::Num),
    ("Egress-VLAN-Name", None, P::Str),
    ("User-Priority-Table", None, P::None),
    ("CHAP-Challenge", None, P::Str),
    ("NAS-Port-Type", Some(&NAS_PORT_TYPE), P::Num),
    ("Port-Limit", None, P::Num),
    ("Login-LAT-Port", None, P::Str),
    ("Tunnel-Type", Some(&TUNNEL_TYPES), P::Num),
    ("Tunnel-Medium-Type", Some(&TUNNEL_MEDIUMS), P::Num),
    ("Tunnel-Client-Endpoint", None, P::Str),
    ("Tunnel-Server-Endpoint", None, P::Str),
    ("Acct-Tunnel-Connection", None, P::Str),
    ("Tunnel-Password", None, P::Str),
    ("ARAP-Password", None, P::Strange),
    ("ARAP-Features", None, P::Strange),
    ("ARAP-Zone-Access", Some(&ARAP_ZONE), P::Num),
    ("ARAP-Security", None, P::Str),
    ("ARAP-Security-Data", None, P::Str),
    ("Password-Retry", None, P::Num),
    ("Prompt", Some(&PROMPT), P::Num),
    ("Connect-Info", None, P::Str),
    ("Configuration-Token", None, P::Str),
    ("EAP-Message", None, P::Str),
    ("Message-Authenticator", None, P::Str),
    ("Tunnel-Private-Group-ID", None, P::Str),
    ("Tunnel-Assignment-ID", None, P::Str),
    ("Tunnel-Preference", None, P::Num),
    ("ARAP-Challenge-Response", None, P::Strange),
    ("Acct-Interim-Interval", None, P::Num),
    ("Acct-Tunnel-Packets-Lost", None, P::Num),
    ("NAS-Port-Id", None, P::Str),
    ("Framed-Pool", None, P::Str),
    ("CUI", None, P::Str),
    ("Tunnel-Client-Auth-ID", None, P::Str),
    ("Tunnel-Server-Auth-ID", None, P::Str),
    ("NAS-Filter-Rule", None, P::Str),
    ("Unassigned", None, P::None),
    ("Originating-Line-Info", None, P::None),
    ("NAS-IPv6-Address", None, P::Addr6),
    ("Framed-Interface-ID", None, P::None),
    ("Framed-IPv6-Prefix", None, P::Netmask6),
    ("Login-IPv6-Host", None, P::Addr6),
    ("Framed-IPv6-Route", None, P::Str),
    ("Framed-IPv6-Pool", None, P::Str),
    ("Error-Cause", None, P::Strange),
    ("EAP-Key-Name", None, P::None),
    ("Digest-Response", None, P::Str),
    ("Digest-Realm", None, P::Str),
    ("Digest-Nonce", None, P::Str),
    ("Digest-Response-Auth", None, P::Str),
    ("Digest-Nextnonce", None, P::Str),
    ("Digest-Method", None, P::Str),
    ("Digest-URI", None, P::Str),
    ("Digest-Qop", None, P::Str),
    ("Digest-Algorithm", None, P::Str),
    ("Digest-Entity-Body-Hash", None, P::Str),
    ("Digest-CNonce", None, P::Str),
    ("Digest-Nonce-Count", None, P::Str),
    ("Digest-Username", None, P::Str),
    ("Digest-Opaque", None, P::Str),
    ("Digest-Auth-Param", None, P::Str),
    ("Digest-AKA-Auts", None, P::Str),
    ("Digest-Domain", None, P::Str),
    ("Digest-Stale", None, P::Str),
    ("Digest-HA1", None, P::Str),
    ("SIP-AOR", None, P::Str),
    ("Delegated-IPv6-Prefix", None, P::Netmask6),
    ("MIP6-Feature-Vector", None, P::Vector64),
    ("MIP6-Home-Link-Prefix", None, P::Mip6Prefix),
    ("Operator-Name", None, P::OperatorName),
    ("Location-Information", None, P::LocationInfo),
    ("Location-Data", None, P::LocationData),
    ("Basic-Location-Policy-Rules", None, P::Blpr),
];

fn error_cause_name(v: u32) -> Option<&'static str> {
    Some(match v {
        201 => "Residual Session Context Removed",
        202 => "Invalid EAP Packet (Ignored)",
        401 => "Unsupported Attribute",
        402 => "Missing Attribute",
        403 => "NAS Identification Mismatch",
        404 => "Invalid Request",
        405 => "Unsupported Service",
        406 => "Unsupported Extension",
        407 => "Invalid Attribute Value",
        501 => "Administratively Prohibited",
        502 => "Request Not Routable (Proxy)",
        503 => "Session Context Not Found",
        504 => "Session Context Not Removable",
        505 => "Other Proxy Processing Error",
        506 => "Resources Unavailable",
        507 => "Request Initiated",
        508 => "Multiple Session Selection Unsupported",
        509 => "Location Info Required",
        _ => return None,
    })
}

const MIP6_FEATURES: [(u64, &str); 12] = [
    (0x0000000000000001, "MIP6_INTEGRATED"),
    (0x0000000000000002, "LOCAL_HOME_AGENT_ASSIGNMENT"),
    (0x0000010000000000, "PMIP6_SUPPORTED"),
    (0x0000020000000000, "IP4_HOA_SUPPORTED"),
    (0x0000040000000000, "LOCAL_MAG_ROUTING_SUPPORTED"),
    (0x0000080000000000, "ASSIGN_LOCAL_IP"),
    (0x0000100000000000, "MIP4_SUPPORTED"),
    (0x0000200000000000, "OPTIMIZED_IDLE_MODE_MOBILITY"),
    (0x0000400000000000, "GTPv2_SUPPORTED"),
    (0x0000800000000000, "IP4_TRANSPORT_SUPPORTED"),
    (0x0001000000000000, "IP4_HOA_ONLY_SUPPORTED"),
    (0x0002000000000000, "INTER_MAG_ROUTING_SUPPORTED"),
];

/// `rfc4675_tagged`.
fn tagged_name(t: u8) -> &'static str {
    match t {
        0x31 => "Tagged",
        0x32 => "Untagged",
        _ => "Unknown tag",
    }
}

/// `radius_print`.
pub(crate) fn radius_print(nd: &mut Nd, dat: usize, length: usize) -> R {
    nd.proto = "radius";
    if !nd.ttest(dat, MIN_RADIUS_LEN) {
        nd.trunc();
        return Ok(());
    }
    let mut len = nd.be2(dat + 2)? as usize;
    if len < MIN_RADIUS_LEN {
        nd.trunc();
        return Ok(());
    }
    if len > length {
        len = length;
    }
    let code = nd.u1(dat)?;
    let id = nd.u1(dat + 1)?;
    if nd.vflag < 1 {
        nd.s(b"RADIUS, ");
        nd.st(command_name(code));
        nd.s(b" (");
        nd.u(code as u64);
        nd.s(b"), id: 0x");
        nd.x0(id as u64, 2);
        nd.s(b" length: ");
        nd.u(len as u64);
        return Ok(());
    }
    nd.s(b"RADIUS, length: ");
    nd.u(len as u64);
    nd.s(b"\n\t");
    nd.st(command_name(code));
    nd.s(b" (");
    nd.u(code as u64);
    nd.s(b"), id: 0x");
    nd.x0(id as u64, 2);
    nd.s(b", Authenticator: ");
    for &b in nd.bytes(dat + 4, 16)? {
        nd.x0(b as u64, 2);
    }
    if len > MIN_RADIUS_LEN {
        attrs_print(nd, dat + MIN_RADIUS_LEN, len - MIN_RADIUS_LEN)?;
    }
    Ok(())
}

/// `radius_attrs_print`: the attributes in `length` bytes at `at`.
fn attrs_print(nd: &mut Nd, mut at: usize, mut length: usize) -> R {
    while length > 0 {
        if length < 2 || !nd.ttest(at, 2) {
            nd.trunc();
            return Ok(());
        }
        let typ = nd.u1(at)?;
        let len = nd.u1(at + 1)? as usize;
        let attr = ATTRS.get(typ as usize).filter(|_| typ != 0);
        nd.s(b"\n\t  ");
        nd.st(attr.map_or("Unknown", |a| a.0));
        nd.s(b" Attribute (");
        nd.u(typ as u64);
        nd.s(b"), length: ");
        nd.u(len as u64);
        if len < 2 {
            nd.s(b" (bogus, must be >= 2)");
            return Ok(());
        }
        if len > length {
            nd.s(b" (bogus, goes past end of packet)");
            return Ok(());
        }
        nd.s(b", Value: ");
        if let Some(&(_, sub, p)) = ATTRS.get(typ as usize) {
            if len > 2 {
                value(nd, p, sub, at + 2, len - 2, typ)?;
            }
        }
        if nd.vflag > 1 {
            nd.unknown_data(at + 2, b"\n\t    ", len - 2)?;
        }
        length -= len;
        at += len;
    }
    Ok(())
}

/// An attribute's value by its printer. A `goto trunc` in C prints ` [|radius]` and goes on
/// with the next attribute; a `GET_*` past the capture ends the packet (`?`).
fn value(nd: &mut Nd, p: P, sub: Option<&Sub>, data: usize, length: usize, code: u8) -> R {
    match p {
        P::None => Ok(()),
        P::Str => attr_string(nd, data, length, code),
        P::Num => attr_num(nd, data, length, code, sub),
        P::Vendor => vendor_attr(nd, data, length),
        P::Addr => {
            if length != 4 {
                return len_error(nd, b"ERROR: length ", length, b" != 4");
            }
            let v = nd.be4(data)?;
            if (code == FRM_IPADDR || code == LOG_IPHOST) && v == 0xffff_ffff {
                nd.s(b"User Selected");
            } else if (code == FRM_IPADDR || code == LOG_IPHOST) && v == 0xffff_fffe {
                nd.s(b"NAS Select");
            } else {
                nd.ip4(data)?;
            }
            Ok(())
        }
        P::Addr6 => {
            if length != 16 {
                return len_error(nd, b"ERROR: length ", length, b" != 16");
            }
            nd.ip6(data)
        }
        P::Netmask6 => netmask6(nd, data, length),
        P::Mip6Prefix => {
            if length != 17 {
                return len_error(nd, b"ERROR: length ", length, b" != 17");
            }
            if !nd.ttest(data, length) {
                nd.trunc();
                return Ok(());
            }
            let plen = nd.u1(data)?;
            if plen > 128 {
                return len_error(
                    nd,
                    b"ERROR: netmask ",
                    plen as usize,
                    b" not in range (0..128)",
                );
            }
            nd.ip6(data + 1)?;
            nd.s(b"/");
            nd.u(plen as u64);
            Ok(())
        }
        P::OperatorName => {
            if !nd.ttest(data, length) {
                nd.trunc();
                return Ok(());
            }
            if length < 2 {
                return len_error(nd, b"ERROR: length ", length, b" < 2");
            }
            let ns = nd.u1(data)?;
            nd.s(b"[");
            match ns {
                0x30 => nd.s(b"TADIG"),
                0x31 => nd.s(b"REALM"),
                0x32 => nd.s(b"E212"),
                0x33 => nd.s(b"ICC"),
                _ => {
                    nd.s(b"unknown namespace ");
                    nd.u(ns as u64);
                }
            }
            nd.s(b"] ");
            nd.printn(data + 1, length - 1, None)?;
            Ok(())
        }
        P::LocationInfo => {
            if !nd.ttest(data, length) {
                nd.trunc();
                return Ok(());
            }
            if length < 21 {
                return len_error(nd, b"ERROR: length ", length, b" < 21");
            }
            let index = nd.be2(data)?;
            let code = nd.u1(data + 2)?;
            let entity = nd.u1(data + 3)?;
            nd.s(b"index ");
            nd.u(index as u64);
            nd.s(b", code ");
            match code {
                0 => nd.s(b"Civic"),
                1 => nd.s(b"Geospatial"),
                c => {
                    nd.s(b"Unknown (");
                    nd.u(c as u64);
                    nd.s(b")");
                }
            }
            nd.s(b", entity ");
            match entity {
                0 => nd.s(b"User"),
                1 => nd.s(b"RADIUS"),
                e => {
                    nd.s(b"Unknown (");
                    nd.u(e as u64);
                    nd.s(b")");
                }
            }
            nd.s(b", sighting time ");
            small::ntp_time(nd, data + 4)?;
            nd.s(b", time to live ");
            small::ntp_time(nd, data + 12)?;
            nd.s(b", method \"");
            nd.printn(data + 20, length - 20, None)?;
            nd.s(b"\"");
            Ok(())
        }
        P::LocationData => {
            if !nd.ttest(data, length) {
                nd.trunc();
                return Ok(());
            }
            if length < 3 {
                return len_error(nd, b"ERROR: length ", length, b" < 3");
            }
            let index = nd.be2(data)?;
            nd.s(b"index ");
            nd.u(index as u64);
            nd.s(b", location");
            nd.hex_and_ascii(b"\n\t    ", data + 2, length - 2)
        }
        P::Blpr => {
            if !nd.ttest(data, length) {
                nd.trunc();
                return Ok(());
            }
            if length < 10 {
                return len_error(nd, b"ERROR: length ", length, b" < 10");
            }
            let flags = nd.be2(data)?;
            nd.s(b"flags [");
            // bittok2str(blpr_bm): bit 15 is "Retransmission Allowed", bits 14..0 "MBZ-1".."MBZ-15".
            let mut sep: &[u8] = b"";
            for bit in 0..16u16 {
                if flags & (1 << bit) != 0 {
                    nd.s(sep);
                    if bit == 15 {
                        nd.s(b"Retransmission Allowed");
                    } else {
                        nd.s(b"MBZ-");
                        nd.u(15 - bit as u64);
                    }
                    sep = b", ";
                }
            }
            if flags == 0 {
                nd.s(b"none");
            }
            nd.s(b"], retention expires ");
            small::ntp_time(nd, data + 2)?;
            if length > 10 {
                nd.s(b", note well \"");
                nd.printn(data + 10, length - 10, None)?;
                nd.s(b"\"");
            }
            Ok(())
        }
        P::Time => {
            if length != 4 {
                return len_error(nd, b"ERROR: length ", length, b" != 4");
            }
            let t = nd.be4(data)?;
            ts::ctime(nd.out, t as i64);
            Ok(())
        }
        P::Vector64 => {
            if length != 8 {
                return len_error(nd, b"ERROR: length ", length, b" != 8");
            }
            nd.s(b"[");
            let v = ((nd.be4(data)? as u64) << 32) | nd.be4(data + 4)? as u64;
            let mut sep: &[u8] = b"";
            for (bit, name) in MIP6_FEATURES {
                if v & bit != 0 {
                    nd.s(sep);
                    nd.st(name);
                    sep = b", ";
                }
            }
            nd.s(b"]");
            Ok(())
        }
        P::Strange => attr_strange(nd, data, length, code),
    }
}

/// `ND_PRINT("<pre>%u<post>", n)`: the value errors of the attribute printers.
fn len_error(nd: &mut Nd, pre: &[u8], n: usize, post: &[u8]) -> R {
    nd.s(pre);
    nd.u(n as u64);
    nd.s(post);
    Ok(())
}

/// `ND_PRINT("%c", ND_ASCII_ISPRINT(c) ? c : '.')`.
fn char_or_dot(nd: &mut Nd, c: u8) {
    nd.out
        .push(if (0x20..=0x7e).contains(&c) { c } else { b'.' });
}

/// `print_attr_string`.
fn attr_string(nd: &mut Nd, mut data: usize, mut length: usize, code: u8) -> R {
    if !nd.ttest(data, length) {
        nd.trunc();
        return Ok(());
    }
    match code {
        TUNNEL_PASS => {
            if length < 3 {
                nd.trunc();
                return Ok(());
            }
            let tag = nd.u1(data)?;
            if tag != 0 && tag <= 0x1f {
                nd.s(b"Tag[");
                nd.u(tag as u64);
                nd.s(b"] ");
            } else {
                nd.s(b"Tag[Unused] ");
            }
            let salt = nd.be2(data + 1)?;
            nd.s(b"Salt ");
            nd.u(salt as u64);
            nd.s(b" ");
            data += 3;
            length -= 3;
        }
        TUNNEL_CLIENT_END | TUNNEL_SERVER_END | TUNNEL_PRIV_GROUP | TUNNEL_ASSIGN_ID
        | TUNNEL_CLIENT_AUTH | TUNNEL_SERVER_AUTH => {
            let tag = nd.u1(data)?;
            if tag <= 0x1f {
                if tag != 0 {
                    nd.s(b"Tag[");
                    nd.u(tag as u64);
                    nd.s(b"] ");
                } else {
                    nd.s(b"Tag[Unused] ");
                }
                data += 1;
                length -= 1;
            }
        }
        EGRESS_VLAN_NAME => {
            let tag = nd.u1(data)?;
            nd.st(tagged_name(tag));
            nd.s(b" (0x");
            nd.x0(tag as u64, 2);
            nd.s(b") ");
            data += 1;
            length -= 1;
        }
        EAP_MESSAGE => return eap::eap_print(nd, data, length),
        _ => {}
    }
    for at in data..data + length {
        let c = nd.u1(at)?;
        if c == 0 {
            break;
        }
        char_or_dot(nd, c);
    }
    Ok(())
}

/// `print_vendor_attr`.
fn vendor_attr(nd: &mut Nd, mut data: usize, mut length: usize) -> R {
    if length < 4 {
        nd.trunc();
        return Ok(());
    }
    let vendor = nd.be4(data)?;
    data += 4;
    length -= 4;
    nd.s(b"Vendor: ");
    nd.st(smi::smi_name(vendor).unwrap_or("Unknown"));
    nd.s(b" (");
    nd.u(vendor as u64);
    nd.s(b")");
    while length >= 2 {
        let vtype = nd.u1(data)?;
        let vlen = nd.u1(data + 1)? as usize;
        if vlen < 2 || vlen > length {
            nd.s(b"\n\t    Vendor Attribute: ");
            nd.u(vtype as u64);
            nd.s(b", Length: ");
            nd.u(vlen as u64);
            nd.s(if vlen < 2 {
                &b" (bogus, must be >= 2)"[..]
            } else {
                b" (bogus, goes past end of vendor-specific attribute)"
            });
            return Ok(());
        }
        data += 2;
        let vlen = vlen - 2;
        length -= 2;
        if !nd.ttest(data, vlen) {
            nd.trunc();
            return Ok(());
        }
        nd.s(b"\n\t    Vendor Attribute: ");
        nd.u(vtype as u64);
        nd.s(b", Length: ");
        nd.u(vlen as u64);
        nd.s(b", Value: ");
        for at in data..data + vlen {
            let c = nd.u1(at)?;
            char_or_dot(nd, c);
        }
        data += vlen;
        length -= vlen;
    }
    Ok(())
}

/// `print_attr_num`.
fn attr_num(nd: &mut Nd, data: usize, length: usize, code: u8, sub: Option<&Sub>) -> R {
    if length != 4 {
        return len_error(nd, b"ERROR: length ", length, b" != 4");
    }
    if let Some(sub) = sub {
        let v = if code == TUNNEL_TYPE || code == TUNNEL_MEDIUM {
            tag(nd, data)?;
            nd.be3(data + 1)?
        } else {
            nd.be4(data)?
        };
        if v >= sub.first && (v as usize) < sub.names.len() {
            nd.st(sub.names[v as usize]);
        } else {
            nd.s(b"#");
            nd.u(v as u64);
        }
        return Ok(());
    }
    match code {
        FRM_IPX => {
            let v = nd.be4(data)?;
            if v == 0xffff_fffe {
                nd.s(b"NAS Select");
            } else {
                nd.u(v as u64);
            }
        }
        SESSION_TIMEOUT | IDLE_TIMEOUT | ACCT_DELAY | ACCT_SESSION_TIME | ACCT_INT_INTERVAL => {
            let t = nd.be4(data)? as u64;
            let d2 = |nd: &mut Nd, v: u64| super::fmt::dec_pad(nd.out, v, 2);
            if t < 60 {
                d2(nd, t);
                nd.s(b" secs");
            } else if t < 3600 {
                d2(nd, t / 60);
                nd.s(b":");
                d2(nd, t % 60);
                nd.s(b" min");
            } else {
                d2(nd, t / 3600);
                nd.s(b":");
                d2(nd, t % 3600 / 60);
                nd.s(b":");
                d2(nd, t % 60);
                nd.s(b" hours");
            }
        }
        FRM_ATALK_LINK | FRM_ATALK_NETWORK => {
            let v = nd.be4(data)?;
            if v != 0 {
                nd.u(v as u64);
            } else if code == FRM_ATALK_LINK {
                nd.s(b"Unnumbered");
            } else {
                nd.s(b"NAS assigned");
            }
        }
        TUNNEL_PREFERENCE => {
            tag(nd, data)?;
            let v = nd.be3(data + 1)?;
            nd.u(v as u64);
        }
        EGRESS_VLAN_ID => {
            let t = nd.u1(data)?;
            nd.st(tagged_name(t));
            nd.s(b" (0x");
            nd.x0(t as u64, 2);
            nd.s(b") ");
            let v = nd.be3(data + 1)?;
            nd.u(v as u64);
        }
        _ => {
            let v = nd.be4(data)?;
            nd.u(v as u64);
        }
    }
    Ok(())
}

/// A tunnel attribute's tag byte: "Tag[N] " or "Tag[Unused] ".
fn tag(nd: &mut Nd, data: usize) -> R {
    let t = nd.u1(data)?;
    if t == 0 {
        nd.s(b"Tag[Unused] ");
    } else {
        nd.s(b"Tag[");
        nd.u(t as u64);
        nd.s(b"] ");
    }
    Ok(())
}

/// `PRINT_HEX`: `n` bytes as `%02X`.
fn hex_upper(nd: &mut Nd, data: usize, n: usize) -> R {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for at in data..data + n {
        let c = nd.u1(at)?;
        nd.out.push(HEX[(c >> 4) as usize]);
        nd.out.push(HEX[(c & 15) as usize]);
    }
    Ok(())
}

/// `print_attr_strange`.
fn attr_strange(nd: &mut Nd, data: usize, length: usize, code: u8) -> R {
    match code {
        ARAP_PASS => {
            if length != 16 {
                return len_error(nd, b"ERROR: length ", length, b" != 16");
            }
            nd.s(b"User_challenge (");
            hex_upper(nd, data, 8)?;
            nd.s(b") User_resp(");
            hex_upper(nd, data + 8, 8)?;
            nd.s(b")");
        }
        ARAP_FEATURES => {
            if length != 14 {
                return len_error(nd, b"ERROR: length ", length, b" != 14");
            }
            if nd.u1(data)? != 0 {
                nd.s(b"User can change password");
            } else {
                nd.s(b"User cannot change password");
            }
            let min = nd.u1(data + 1)?;
            nd.s(b", Min password length: ");
            nd.u(min as u64);
            nd.s(b", created at: ");
            hex_upper(nd, data + 2, 4)?;
            nd.s(b", expires in: ");
            hex_upper(nd, data + 6, 4)?;
            nd.s(b", Current Time: ");
            hex_upper(nd, data + 10, 4)?;
        }
        ARAP_CHALLENGE_RESP => {
            if length < 8 {
                return len_error(nd, b"ERROR: length ", length, b" != 8");
            }
            hex_upper(nd, data, 8)?;
        }
        ERROR_CAUSE => {
            if length != 4 {
                return len_error(nd, b"Error: length ", length, b" != 4");
            }
            let v = nd.be4(data)?;
            nd.s(b"Error cause ");
            nd.u(v as u64);
            nd.s(b": ");
            match error_cause_name(v) {
                Some(n) => nd.st(n),
                None => {
                    nd.s(b"Error-Cause ");
                    nd.u(v as u64);
                    nd.s(b" not known");
                }
            }
        }
        _ => {}
    }
    Ok(())
}

/// `print_attr_netmask6`: a prefix length and up to 16 bytes of prefix.
fn netmask6(nd: &mut Nd, data: usize, length: usize) -> R {
    if !(2..=18).contains(&length) {
        return len_error(nd, b"ERROR: length ", length, b" not in range (2..18)");
    }
    if !nd.ttest(data, length) {
        nd.trunc();
        return Ok(());
    }
    let plen = nd.u1(data + 1)?;
    if plen > 128 {
        return len_error(
            nd,
            b"ERROR: netmask ",
            plen as usize,
            b" not in range (0..128)",
        );
    }
    let mut a = [0u8; 16];
    a[..length - 2].copy_from_slice(nd.bytes(data + 2, length - 2)?);
    nd.st.ipv6.put(nd.out, &a);
    nd.s(b"/");
    nd.u(plen as u64);
    if plen as usize > 8 * (length - 2) {
        nd.s(b" (inconsistent prefix length)");
    }
    Ok(())
}
