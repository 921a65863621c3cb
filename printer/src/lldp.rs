//! LLDP, IEEE 802.1AB (tcpdump's print-lldp.c), ethertype 0x88cc: "LLDP, length N" and the
//! system name; with -v every TLV (chassis and port IDs, TTL, capabilities, management
//! addresses, the IEEE 802.1/802.3, TIA LLDP-MED, IANA MUD-URL and DCBX organisation TLVs),
//! with -vv a hex dump of each TLV too.

use super::fmt;
use super::nd::{Nd, R};
use super::tok::{self, bittok2str, tok2str, Tok};

const TLV: Tok = &[
    (0, "End"),
    (1, "Chassis ID"),
    (2, "Port ID"),
    (3, "Time to Live"),
    (4, "Port Description"),
    (5, "System Name"),
    (6, "System Description"),
    (7, "System Capabilities"),
    (8, "Management Address"),
    (127, "Organization specific"),
];

const CHASSIS_SUBTYPE: Tok = &[
    (1, "Chassis component"),
    (2, "Interface alias"),
    (3, "Port component"),
    (4, "MAC address"),
    (5, "Network address"),
    (6, "Interface name"),
    (7, "Local"),
];

const PORT_SUBTYPE: Tok = &[
    (1, "Interface alias"),
    (2, "Port component"),
    (3, "MAC address"),
    (4, "Network Address"),
    (5, "Interface Name"),
    (6, "Agent circuit ID"),
    (7, "Local"),
];

const CAP: Tok = &[
    (1 << 0, "Other"),
    (1 << 1, "Repeater"),
    (1 << 2, "Bridge"),
    (1 << 3, "WLAN AP"),
    (1 << 4, "Router"),
    (1 << 5, "Telephone"),
    (1 << 6, "Docsis"),
    (1 << 7, "Station Only"),
];

const SUBTYPE_8021: Tok = &[
    (1, "Port VLAN Id"),
    (2, "Port and Protocol VLAN ID"),
    (3, "VLAN name"),
    (4, "Protocol Identity"),
    (7, "Link aggregation"),
    (8, "Congestion Notification"),
    (9, "ETS Configuration"),
    (10, "ETS Recommendation"),
    (11, "Priority Flow Control Configuration"),
    (12, "Application Priority"),
    (13, "EVB"),
    (14, "CDCP"),
];

const PORT_PROTOCOL_ID: Tok = &[(1 << 1, "supported"), (1 << 2, "enabled")];

const SUBTYPE_8023: Tok = &[
    (1, "MAC/PHY configuration/status"),
    (2, "Power via MDI"),
    (3, "Link aggregation"),
    (4, "Max frame size"),
];

const TIA_SUBTYPE: Tok = &[
    (1, "LLDP-MED Capabilities"),
    (2, "Network policy"),
    (3, "Location identification"),
    (4, "Extended power-via-MDI"),
    (5, "Inventory - hardware revision"),
    (6, "Inventory - firmware revision"),
    (7, "Inventory - software revision"),
    (8, "Inventory - serial number"),
    (9, "Inventory - manufacturer name"),
    (10, "Inventory - model name"),
    (11, "Inventory - asset ID"),
];

const TIA_ALTITUDE_TYPE: Tok = &[(1, "meters"), (2, "floors")];

const TIA_LCI_CATYPE: Tok = &[
    (
        1,
        "national subdivisions (state,canton,region,province,prefecture)",
    ),
    (2, "county, parish, gun, district"),
    (3, "city, township, shi"),
    (4, "city division, borough, city district, ward chou"),
    (5, "neighborhood, block"),
    (6, "street"),
];

const TIA_LCI_WHAT: Tok = &[
    (0, "location of DHCP server"),
    (
        1,
        "location of the network element believed to be closest to the client",
    ),
    (2, "location of the client"),
];

const MAU_TYPES: Tok = &[
    (0, "Unknown"),
    (1, "AUI"),
    (2, "10BASE_5"),
    (3, "FOIRL"),
    (4, "10BASE2"),
    (5, "10BASET duplex mode unknown"),
    (6, "10BASEFP"),
    (7, "10BASEFB"),
    (8, "10BASEFL duplex mode unknown"),
    (9, "10BROAD36"),
    (10, "10BASET hdx"),
    (11, "10BASET fdx"),
    (12, "10BASEFL hdx"),
    (13, "10BASEFL fdx"),
    (14, "100BASET4"),
    (15, "100BASETX hdx"),
    (16, "100BASETX fdx"),
    (17, "100BASEFX hdx"),
    (18, "100BASEFX fdx"),
    (19, "100BASET2 hdx"),
    (20, "100BASET2 fdx"),
    (21, "1000BASEX hdx"),
    (22, "1000BASEX fdx"),
    (23, "1000BASELX hdx"),
    (24, "1000BASELX fdx"),
    (25, "1000BASESX hdx"),
    (26, "1000BASESX fdx"),
    (27, "1000BASECX hdx"),
    (28, "1000BASECX fdx"),
    (29, "1000BASET hdx"),
    (30, "1000BASET fdx"),
    (31, "10GBASEX"),
    (32, "10GBASELX4"),
    (33, "10GBASER"),
    (34, "10GBASEER"),
    (35, "10GBASELR"),
    (36, "10GBASESR"),
    (37, "10GBASEW"),
    (38, "10GBASEEW"),
    (39, "10GBASELW"),
    (40, "10GBASESW"),
];

const AUTONEGOTIATION: Tok = &[(1 << 0, "supported"), (1 << 1, "enabled")];

const TIA_CAPABILITIES: Tok = &[
    (1 << 0, "LLDP-MED capabilities"),
    (1 << 1, "network policy"),
    (1 << 2, "location identification"),
    (1 << 3, "extended power via MDI-PSE"),
    (1 << 4, "extended power via MDI-PD"),
    (1 << 5, "Inventory"),
];

const TIA_DEVICE_TYPE: Tok = &[
    (1, "endpoint class 1"),
    (2, "endpoint class 2"),
    (3, "endpoint class 3"),
    (4, "network connectivity"),
];

const TIA_APPLICATION_TYPE: Tok = &[
    (1, "voice"),
    (2, "voice signaling"),
    (3, "guest voice"),
    (4, "guest voice signaling"),
    (5, "softphone voice"),
    (6, "video conferencing"),
    (7, "streaming video"),
    (8, "video signaling"),
];

const TIA_NETWORK_POLICY_BITS: Tok = &[
    (1 << 7, "Unknown"),
    (1 << 6, "Tagged"),
    (1 << 5, "reserved"),
];

const TIA_LOCATION_DATA_FORMAT: Tok = &[
    (1, "coordinate-based LCI"),
    (2, "civic address LCI"),
    (3, "ECS ELIN"),
];

const TIA_LOCATION_DATUM: Tok = &[
    (1, "World Geodesic System 1984"),
    (2, "North American Datum 1983 (NAVD88)"),
    (3, "North American Datum 1983 (MLLW)"),
];

const TIA_POWER_SOURCE: Tok = &[
    (1, "PSE - primary power source"),
    (2, "local - backup power source"),
    (3, "PSE+local - reserved"),
];

const TIA_POWER_PRIORITY: Tok = &[(1, "critical"), (2, "high"), (3, "low")];

const TIA_INVENTORY: Tok = &[
    (5, "Hardware revision"),
    (6, "Firmware revision"),
    (7, "Software revision"),
    (8, "Serial number"),
    (9, "Manufacturer name"),
    (10, "Model name"),
    (11, "Asset ID"),
];

const PMD_CAPABILITY: Tok = &[
    (1 << 14, "10BASE-T hdx"),
    (1 << 13, "10BASE-T fdx"),
    (1 << 12, "100BASE-T4"),
    (1 << 11, "100BASE-TX hdx"),
    (1 << 10, "100BASE-TX fdx"),
    (1 << 9, "100BASE-T2 hdx"),
    (1 << 8, "100BASE-T2 fdx"),
    (1 << 7, "Pause for fdx links"),
    (1 << 6, "Asym PAUSE for fdx"),
    (1 << 5, "Sym PAUSE for fdx"),
    (1 << 4, "Asym and Sym PAUSE for fdx"),
    (1 << 3, "1000BASE-{X LX SX CX} hdx"),
    (1 << 2, "1000BASE-{X LX SX CX} fdx"),
    (1 << 1, "1000BASE-T hdx"),
    (1 << 0, "1000BASE-T fdx"),
];

const MDI: Tok = &[
    (1 << 0, "PSE"),
    (1 << 1, "supported"),
    (1 << 2, "enabled"),
    (1 << 3, "can be controlled"),
];

const MDI_POWER_PAIRS: Tok = &[(1, "signal"), (2, "spare")];

const MDI_POWER_CLASS: Tok = &[
    (1, "class0"),
    (2, "class1"),
    (3, "class2"),
    (4, "class3"),
    (5, "class4"),
];

const AGGREGATION: Tok = &[(1 << 0, "supported"), (1 << 1, "enabled")];

const DCBX_SUBTYPE: Tok = &[
    (1, "DCB Capability Exchange Protocol Rev 1"),
    (2, "DCB Capability Exchange Protocol Rev 1.01"),
];

const INTF_NUMB_SUBTYPE: Tok = &[(2, "Interface Index"), (3, "System Port Number")];

const EVB_MODE: Tok = &[
    (0, "Not Supported"),
    (1, "EVB Bridge"),
    (2, "EVB Station"),
    (3, "Reserved for future Standardization"),
];

const IANA_SUBTYPE: Tok = &[(1, "MUD-URL")];

const OUI_IEEE_8021_PRIVATE: u32 = 0x0080c2;
const OUI_IEEE_8023_PRIVATE: u32 = 0x00120f;
const OUI_IANA: u32 = 0x00005e;
const OUI_TIA: u32 = 0x0012bb;
const OUI_DCBX: u32 = 0x001b21;

/// An LLDP TLV header: 7 bits of type, 9 of length.
fn tlv_header(h: u16) -> (u32, usize) {
    (((h & 0xfe00) >> 9) as u32, (h & 0x01ff) as usize)
}

/// `%-Nd`
fn left_dec(nd: &mut Nd, v: u64, width: usize) {
    let mut b = Vec::with_capacity(8);
    fmt::dec(&mut b, v);
    fmt::left(nd.out, &b, width);
}

/// "\n\t  NAME Subtype (N)" of an organisation TLV.
fn subtype_line(nd: &mut Nd, t: Tok, subtype: u8) {
    nd.s(b"\n\t  ");
    tok2str(nd, t, "unknown", subtype as u32);
    nd.s(b" Subtype (");
    nd.u(subtype as u64);
    nd.s(b")");
}

/// Eight table values, "%-3d " each but the last.
fn row8(nd: &mut Nd, v: [u8; 8]) {
    for (i, x) in v.iter().enumerate() {
        if i < 7 {
            left_dec(nd, *x as u64, 3);
            nd.s(b" ");
        } else {
            left_dec(nd, *x as u64, 3);
        }
    }
}

fn ets_priority_assignment_table(nd: &mut Nd, p: usize) -> R {
    let b = [nd.u1(p)?, nd.u1(p + 1)?, nd.u1(p + 2)?, nd.u1(p + 3)?];
    nd.s(b"\n\t    Priority Assignment Table");
    nd.s(b"\n\t     Priority : 0   1   2   3   4   5   6   7");
    nd.s(b"\n\t     Value    : ");
    row8(
        nd,
        [
            b[0] >> 4,
            b[0] & 15,
            b[1] >> 4,
            b[1] & 15,
            b[2] >> 4,
            b[2] & 15,
            b[3] >> 4,
            b[3] & 15,
        ],
    );
    Ok(())
}

fn eight(nd: &Nd, p: usize) -> R<[u8; 8]> {
    let b = nd.bytes(p, 8)?;
    Ok(b.try_into().expect("8 bytes"))
}

fn tc_bandwidth_table(nd: &mut Nd, p: usize) -> R {
    let v = eight(nd, p)?;
    nd.s(b"\n\t    TC Bandwidth Table");
    nd.s(b"\n\t     TC%   : 0   1   2   3   4   5   6   7");
    nd.s(b"\n\t     Value : ");
    row8(nd, v);
    Ok(())
}

fn tsa_assignment_table(nd: &mut Nd, p: usize) -> R {
    let v = eight(nd, p)?;
    nd.s(b"\n\t    TSA Assignment Table");
    nd.s(b"\n\t     Traffic Class: 0   1   2   3   4   5   6   7");
    nd.s(b"\n\t     Value        : ");
    row8(nd, v);
    Ok(())
}

/// The eight bits of `v`, lowest first, "%-2d " each.
fn bits8(nd: &mut Nd, v: u8) {
    for i in 0..8 {
        left_dec(nd, ((v >> i) & 1) as u64, 2);
        nd.s(b" ");
    }
}

/// `lldp_private_8021_print`: Ok(true) when the TLV should be hex dumped.
fn private_8021(nd: &mut Nd, t: usize, len: usize) -> R<bool> {
    if len < 4 {
        return Ok(false);
    }
    let subtype = nd.u1(t + 3)?;
    subtype_line(nd, SUBTYPE_8021, subtype);
    match subtype {
        1 => {
            if len < 6 {
                return Ok(false);
            }
            let v = nd.be2(t + 4)?;
            nd.s(b"\n\t    port vlan id (PVID): ");
            nd.u(v as u64);
        }
        2 => {
            if len < 7 {
                return Ok(false);
            }
            let (v, f) = (nd.be2(t + 5)?, nd.u1(t + 4)?);
            nd.s(b"\n\t    port and protocol vlan id (PPVID): ");
            nd.u(v as u64);
            nd.s(b", flags [");
            bittok2str(nd, PORT_PROTOCOL_ID, "none", f as u32);
            nd.s(b"] (0x");
            nd.x0(f as u64, 2);
            nd.s(b")");
        }
        3 => {
            if len < 6 {
                return Ok(false);
            }
            let v = nd.be2(t + 4)?;
            nd.s(b"\n\t    vlan id (VID): ");
            nd.u(v as u64);
            if len < 7 {
                return Ok(false);
            }
            let sublen = nd.u1(t + 6)? as usize;
            if len < 7 + sublen {
                return Ok(false);
            }
            nd.s(b"\n\t    vlan name: ");
            nd.printjnp(t + 7, sublen)?;
        }
        4 => {
            if len < 5 {
                return Ok(false);
            }
            let sublen = nd.u1(t + 4)? as usize;
            if len < 5 + sublen {
                return Ok(false);
            }
            nd.s(b"\n\t    protocol identity: ");
            nd.printjnp(t + 5, sublen)?;
        }
        7 => {
            if len < 9 {
                return Ok(false);
            }
            aggregation(nd, t)?;
        }
        8 => {
            if len < 6 {
                return Ok(false);
            }
            let v = nd.u1(t + 4)?;
            nd.s(b"\n\t    Pre-Priority CNPV Indicator");
            nd.s(b"\n\t     Priority : 0  1  2  3  4  5  6  7");
            nd.s(b"\n\t     Value    : ");
            bits8(nd, v);
            let v = nd.u1(t + 5)?;
            nd.s(b"\n\t    Pre-Priority Ready Indicator");
            nd.s(b"\n\t     Priority : 0  1  2  3  4  5  6  7");
            nd.s(b"\n\t     Value    : ");
            bits8(nd, v);
        }
        9 => {
            if len < 25 {
                return Ok(false);
            }
            let v = nd.u1(t + 4)?;
            nd.s(b"\n\t    Willing:");
            nd.u((v >> 7) as u64);
            nd.s(b", CBS:");
            nd.u(((v >> 6) & 2) as u64);
            nd.s(b", RES:");
            nd.u(((v >> 3) & 7) as u64);
            nd.s(b", Max TCs:");
            nd.u((v & 7) as u64);
            ets_priority_assignment_table(nd, t + 5)?;
            tc_bandwidth_table(nd, t + 9)?;
            tsa_assignment_table(nd, t + 17)?;
        }
        10 => {
            if len < 25 {
                return Ok(false);
            }
            let v = nd.u1(t + 4)?;
            nd.s(b"\n\t    RES: ");
            nd.u(v as u64);
            ets_priority_assignment_table(nd, t + 5)?;
            tc_bandwidth_table(nd, t + 9)?;
            tsa_assignment_table(nd, t + 17)?;
        }
        11 => {
            if len < 6 {
                return Ok(false);
            }
            let v = nd.u1(t + 4)?;
            nd.s(b"\n\t    Willing: ");
            nd.u((v >> 7) as u64);
            nd.s(b", MBC: ");
            nd.u(((v >> 6) & 1) as u64);
            nd.s(b", RES: ");
            nd.u(((v >> 4) & 3) as u64);
            nd.s(b", PFC cap:");
            nd.u((v & 0x0f) as u64);
            nd.s(b" ");
            nd.s(b"\n\t    PFC Enable");
            let v = nd.u1(t + 5)?;
            nd.s(b"\n\t     Priority : 0  1  2  3  4  5  6  7");
            nd.s(b"\n\t     Value    : ");
            bits8(nd, v);
        }
        12 => {
            if len < 5 {
                return Ok(false);
            }
            let v = nd.u1(t + 4)?;
            nd.s(b"\n\t    RES: ");
            nd.u(v as u64);
            if len <= 5 {
                return Ok(false);
            }
            let sublen = len - 5;
            if sublen % 3 != 0 {
                return Ok(false);
            }
            nd.s(b"\n\t    Application Priority Table");
            let mut i = 0;
            while i < sublen {
                let v = nd.u1(t + i + 5)?;
                let id = nd.be2(t + i + 6)?;
                nd.s(b"\n\t      Priority: ");
                nd.u((v >> 5) as u64);
                nd.s(b", RES: ");
                nd.u(((v >> 3) & 3) as u64);
                nd.s(b", Sel: ");
                nd.u((v & 7) as u64);
                nd.s(b", Protocol ID: ");
                nd.u(id as u64);
                i += 3;
            }
        }
        13 => {
            if len < 9 {
                return Ok(false);
            }
            nd.s(b"\n\t    EVB Bridge Status");
            let v = nd.u1(t + 4)?;
            nd.s(b"\n\t      RES: ");
            nd.u((v >> 3) as u64);
            nd.s(b", BGID: ");
            nd.u(((v >> 2) & 1) as u64);
            nd.s(b", RRCAP: ");
            nd.u(((v >> 1) & 1) as u64);
            nd.s(b", RRCTR: ");
            nd.u((v & 1) as u64);
            nd.s(b"\n\t    EVB Station Status");
            let v = nd.u1(t + 5)?;
            nd.s(b"\n\t      RES: ");
            nd.u((v >> 4) as u64);
            nd.s(b", SGID: ");
            nd.u(((v >> 3) & 1) as u64);
            nd.s(b", RRREQ: ");
            nd.u(((v >> 2) & 1) as u64);
            nd.s(b",RRSTAT: ");
            nd.u((v & 3) as u64);
            let v = nd.u1(t + 6)?;
            nd.s(b"\n\t    R: ");
            nd.u((v >> 5) as u64);
            nd.s(b", RTE: ");
            nd.u((v & 0x1f) as u64);
            nd.s(b", ");
            let v = nd.u1(t + 7)?;
            nd.s(b"EVB Mode: ");
            tok2str(nd, EVB_MODE, "unknown", (v >> 6) as u32);
            nd.s(b" [");
            nd.u((v >> 6) as u64);
            nd.s(b"]");
            nd.s(b"\n\t    ROL: ");
            nd.u(((v >> 5) & 1) as u64);
            nd.s(b", RWD: ");
            nd.u((v & 0x1f) as u64);
            nd.s(b", ");
            let v = nd.u1(t + 8)?;
            nd.s(b"RES: ");
            nd.u((v >> 6) as u64);
            nd.s(b", ROL: ");
            nd.u(((v >> 5) & 1) as u64);
            nd.s(b", RKA: ");
            nd.u((v & 0x1f) as u64);
        }
        14 => {
            if len < 8 {
                return Ok(false);
            }
            let v = nd.u1(t + 4)?;
            nd.s(b"\n\t    Role: ");
            nd.u((v >> 7) as u64);
            nd.s(b", RES: ");
            nd.u(((v >> 4) & 7) as u64);
            nd.s(b", Scomp: ");
            nd.u(((v >> 3) & 1) as u64);
            nd.s(b" ");
            let c = nd.be2(t + 6)?;
            nd.s(b"ChnCap: ");
            nd.u((c & 0x0fff) as u64);
            let sublen = len - 8;
            if sublen % 3 != 0 {
                return Ok(false);
            }
            let mut i = 0;
            while i < sublen {
                let v = nd.be3(t + i + 8)?;
                nd.s(b"\n\t    SCID: ");
                nd.u((v >> 12) as u64);
                nd.s(b", SVID: ");
                nd.u((v & 0xfff) as u64);
                i += 3;
            }
        }
        _ => return Ok(true),
    }
    Ok(false)
}

/// The link aggregation subtype, alike in 802.1 and 802.3.
fn aggregation(nd: &mut Nd, t: usize) -> R {
    let (s, id) = (nd.u1(t + 4)?, nd.be4(t + 5)?);
    nd.s(b"\n\t    aggregation status [");
    bittok2str(nd, AGGREGATION, "none", s as u32);
    nd.s(b"], aggregation port ID ");
    nd.u(id as u64);
    Ok(())
}

/// `lldp_private_8023_print`.
fn private_8023(nd: &mut Nd, t: usize, len: usize) -> R<bool> {
    if len < 4 {
        return Ok(false);
    }
    let subtype = nd.u1(t + 3)?;
    subtype_line(nd, SUBTYPE_8023, subtype);
    match subtype {
        1 => {
            if len < 9 {
                return Ok(false);
            }
            let a = nd.u1(t + 4)?;
            nd.s(b"\n\t    autonegotiation [");
            bittok2str(nd, AUTONEGOTIATION, "none", a as u32);
            nd.s(b"] (0x");
            nd.x0(a as u64, 2);
            nd.s(b")");
            let c = nd.be2(t + 5)?;
            nd.s(b"\n\t    PMD autoneg capability [");
            bittok2str(nd, PMD_CAPABILITY, "unknown", c as u32);
            nd.s(b"] (0x");
            nd.x0(c as u64, 4);
            nd.s(b")");
            let m = nd.be2(t + 7)?;
            nd.s(b"\n\t    MAU type ");
            tok2str(nd, MAU_TYPES, "unknown", m as u32);
            nd.s(b" (0x");
            nd.x0(m as u64, 4);
            nd.s(b")");
        }
        2 => {
            if len < 7 {
                return Ok(false);
            }
            let (a, b, c) = (nd.u1(t + 4)?, nd.u1(t + 5)?, nd.u1(t + 6)?);
            nd.s(b"\n\t    MDI power support [");
            bittok2str(nd, MDI, "none", a as u32);
            nd.s(b"], power pair ");
            tok2str(nd, MDI_POWER_PAIRS, "unknown", b as u32);
            nd.s(b", power class ");
            tok2str(nd, MDI_POWER_CLASS, "unknown", c as u32);
        }
        3 => {
            if len < 9 {
                return Ok(false);
            }
            aggregation(nd, t)?;
        }
        4 => {
            if len < 6 {
                return Ok(false);
            }
            let v = nd.be2(t + 4)?;
            nd.s(b"\n\t    MTU size ");
            nd.u(v as u64);
        }
        _ => return Ok(true),
    }
    Ok(false)
}

/// `lldp_extract_latlon`: 34 bits of latitude or longitude.
fn latlon(nd: &Nd, p: usize) -> R<u64> {
    Ok(((nd.u1(p)? as u64 & 3) << 32) | nd.be4(p + 1)? as u64)
}

/// `lldp_private_iana_print`.
fn private_iana(nd: &mut Nd, t: usize, len: usize) -> R<bool> {
    if len < 8 {
        return Ok(false);
    }
    let subtype = nd.u1(t + 3)?;
    subtype_line(nd, IANA_SUBTYPE, subtype);
    match subtype {
        1 => {
            nd.s(b"\n\t  MUD-URL=");
            nd.printn(t + 4, len - 4, None)?;
            Ok(false)
        }
        _ => Ok(true),
    }
}

/// `lldp_private_tia_print`.
fn private_tia(nd: &mut Nd, t: usize, len: usize) -> R<bool> {
    if len < 4 {
        return Ok(false);
    }
    let subtype = nd.u1(t + 3)?;
    subtype_line(nd, TIA_SUBTYPE, subtype);
    match subtype {
        1 => {
            if len < 7 {
                return Ok(false);
            }
            let c = nd.be2(t + 4)?;
            nd.s(b"\n\t    Media capabilities [");
            bittok2str(nd, TIA_CAPABILITIES, "none", c as u32);
            nd.s(b"] (0x");
            nd.x0(c as u64, 4);
            nd.s(b")");
            let d = nd.u1(t + 6)?;
            nd.s(b"\n\t    Device type [");
            tok2str(nd, TIA_DEVICE_TYPE, "unknown", d as u32);
            nd.s(b"] (0x");
            nd.x0(d as u64, 2);
            nd.s(b")");
        }
        2 => {
            if len < 8 {
                return Ok(false);
            }
            let a = nd.u1(t + 4)?;
            nd.s(b"\n\t    Application type [");
            tok2str(nd, TIA_APPLICATION_TYPE, "none", a as u32);
            nd.s(b"] (0x");
            nd.x0(a as u64, 2);
            nd.s(b")");
            let f = nd.u1(t + 5)?;
            nd.s(b", Flags [");
            bittok2str(nd, TIA_NETWORK_POLICY_BITS, "none", f as u32);
            nd.s(b"]");
            let v = nd.be2(t + 5)?;
            nd.s(b"\n\t    Vlan id ");
            nd.u(((v & 0x1ffe) >> 1) as u64);
            let v = nd.be2(t + 6)?;
            nd.s(b", L2 priority ");
            nd.u(((v & 0x01ff) >> 6) as u64);
            nd.s(b", DSCP value ");
            nd.u((v & 0x3f) as u64);
        }
        3 => {
            if len < 5 {
                return Ok(false);
            }
            let format = nd.u1(t + 4)?;
            nd.s(b"\n\t    Location data format ");
            tok2str(nd, TIA_LOCATION_DATA_FORMAT, "unknown", format as u32);
            nd.s(b" (0x");
            nd.x0(format as u64, 2);
            nd.s(b")");
            match format {
                1 => {
                    if len < 21 {
                        return Ok(false);
                    }
                    let (r, v) = (nd.u1(t + 5)? >> 2, latlon(nd, t + 5)?);
                    nd.s(b"\n\t    Latitude resolution ");
                    nd.u(r as u64);
                    nd.s(b", latitude value ");
                    nd.u(v);
                    let (r, v) = (nd.u1(t + 10)? >> 2, latlon(nd, t + 10)?);
                    nd.s(b"\n\t    Longitude resolution ");
                    nd.u(r as u64);
                    nd.s(b", longitude value ");
                    nd.u(v);
                    let a = nd.u1(t + 15)? >> 4;
                    nd.s(b"\n\t    Altitude type ");
                    tok2str(nd, TIA_ALTITUDE_TYPE, "unknown", a as u32);
                    nd.s(b" (");
                    nd.u(a as u64);
                    nd.s(b")");
                    let (r, v) = (nd.be2(t + 15)?, nd.be4(t + 16)?);
                    nd.s(b"\n\t    Altitude resolution ");
                    nd.u(((r >> 6) & 0x3f) as u64);
                    nd.s(b", altitude value 0x");
                    nd.x((v & 0x3fff_ffff) as u64);
                    let d = nd.u1(t + 20)?;
                    nd.s(b"\n\t    Datum ");
                    tok2str(nd, TIA_LOCATION_DATUM, "unknown", d as u32);
                    nd.s(b" (0x");
                    nd.x0(d as u64, 2);
                    nd.s(b")");
                }
                2 => {
                    if len < 6 {
                        return Ok(false);
                    }
                    let mut lci_len = nd.u1(t + 5)? as usize;
                    if lci_len < 3 || len < 7 + lci_len {
                        return Ok(false);
                    }
                    let what = nd.u1(t + 6)?;
                    nd.s(b"\n\t    LCI length ");
                    nd.u(lci_len as u64);
                    nd.s(b", LCI what ");
                    tok2str(nd, TIA_LCI_WHAT, "unknown", what as u32);
                    nd.s(b" (0x");
                    nd.x0(what as u64, 2);
                    nd.s(b"), Country-code ");
                    nd.printjnp(t + 7, 2)?;
                    lci_len -= 3;
                    let mut p = t + 9;
                    while lci_len > 0 {
                        if lci_len < 2 {
                            return Ok(false);
                        }
                        let (ca_type, ca_len) = (nd.u1(p)?, nd.u1(p + 1)? as usize);
                        p += 2;
                        lci_len -= 2;
                        nd.s(b"\n\t      CA type '");
                        tok2str(nd, TIA_LCI_CATYPE, "unknown", ca_type as u32);
                        nd.s(b"' (");
                        nd.u(ca_type as u64);
                        nd.s(b"), length ");
                        nd.u(ca_len as u64);
                        nd.s(b": ");
                        if ca_type == 0 || ca_len == 0 || lci_len < ca_len {
                            return Ok(false);
                        }
                        nd.printjnp(p, ca_len)?;
                        p += ca_len;
                        lci_len -= ca_len;
                    }
                }
                3 => {
                    nd.s(b"\n\t    ECS ELIN id ");
                    nd.printjnp(t + 5, len - 5)?;
                }
                _ => {
                    nd.s(b"\n\t    Location ID ");
                    nd.unknown_data(t + 5, b"\n\t      ", len - 5)?;
                }
            }
        }
        4 => {
            if len < 7 {
                return Ok(false);
            }
            let b = nd.u1(t + 4)?;
            // C's `& 0xC0 >> 6` is `& 0x03`: operator precedence, kept.
            nd.s(b"\n\t    Power type [");
            nd.s(if b & 0x03 != 0 {
                b"PD device"
            } else {
                b"PSE device"
            });
            nd.s(b"], Power source [");
            tok2str(nd, TIA_POWER_SOURCE, "none", ((b & 0x30) >> 4) as u32);
            nd.s(b"]\n\t    Power priority [");
            tok2str(nd, TIA_POWER_PRIORITY, "none", (b & 0x0f) as u32);
            nd.s(b"] (0x");
            nd.x0((b & 0x0f) as u64, 2);
            nd.s(b")");
            let power = nd.be2(t + 5)?;
            if power < 1024 {
                // "%.1f" of power / 10.0: exact to one decimal for these integers.
                nd.s(b", Power ");
                nd.u((power / 10) as u64);
                nd.s(b".");
                nd.u((power % 10) as u64);
                nd.s(b" Watts");
            } else {
                nd.s(b", Power ");
                nd.u(power as u64);
                nd.s(b" (Reserved)");
            }
        }
        5..=11 => {
            nd.s(b"\n\t  ");
            tok2str(nd, TIA_INVENTORY, "unknown", subtype as u32);
            nd.s(b" ");
            nd.printjnp(t + 4, len - 4)?;
        }
        _ => return Ok(true),
    }
    Ok(false)
}

/// The DCBX feature TLVs' common "Oper_Version ... SubType" lines.
fn dcbx_feature_head(nd: &mut Nd, t: usize) -> R {
    let (o, m, info, sub) = (nd.u1(t)?, nd.u1(t + 1)?, nd.u1(t + 2)?, nd.u1(t + 3)?);
    nd.s(b"\n\t      Oper_Version: ");
    nd.u(o as u64);
    nd.s(b"\n\t      Max_Version: ");
    nd.u(m as u64);
    nd.s(b"\n\t      Info block(0x");
    hex_upper(nd, info);
    nd.s(b"): Enable bit: ");
    nd.u((info & 0x80 != 0) as u64);
    nd.s(b", Willing bit: ");
    nd.u((info & 0x40 != 0) as u64);
    nd.s(b", Error Bit: ");
    nd.u((info & 0x20 != 0) as u64);
    nd.s(b"\n\t      SubType: ");
    nd.u(sub as u64);
    Ok(())
}

/// `%02X`
fn hex_upper(nd: &mut Nd, v: u8) {
    const H: &[u8; 16] = b"0123456789ABCDEF";
    nd.out.push(H[(v >> 4) as usize]);
    nd.out.push(H[(v & 15) as usize]);
}

/// `lldp_private_dcbx_print`: its truncation checks end the TLV walk silently.
fn private_dcbx(nd: &mut Nd, p: usize, len: usize) -> R<bool> {
    if len < 4 {
        return Ok(false);
    }
    let subtype = nd.u1(p + 3)?;
    subtype_line(nd, DCBX_SUBTYPE, subtype);
    if subtype == 1 {
        return Ok(true);
    }
    let mut t = p + 4;
    let mut tlen = len - 4;
    let mut hexdump = false;
    while tlen >= 2 {
        if !nd.ttest(t, 2) {
            return Ok(hexdump);
        }
        let (typ, tlv_len) = tlv_header(nd.be2(t)?);
        hexdump = false;
        tlen -= 2;
        t += 2;
        if typ == 0 || tlv_len == 0 {
            break;
        }
        if !nd.ttest(t, tlv_len) || tlen < tlv_len {
            return Ok(hexdump);
        }
        match typ {
            1 => {
                if tlv_len < 10 {
                    return Ok(hexdump);
                }
                nd.s(b"\n\t    Control - Protocol Control (type 0x1, length ");
                nd.u(tlv_len as u64);
                nd.s(b")");
                let (o, m) = (nd.u1(t)?, nd.u1(t + 1)?);
                nd.s(b"\n\t      Oper_Version: ");
                nd.u(o as u64);
                nd.s(b"\n\t      Max_Version: ");
                nd.u(m as u64);
                let s = nd.be4(t + 2)?;
                nd.s(b"\n\t      Sequence Number: ");
                nd.u(s as u64);
                let a = nd.be4(t + 6)?;
                nd.s(b"\n\t      Acknowledgement Number: ");
                nd.u(a as u64);
            }
            2 => {
                if tlv_len < 17 {
                    return Ok(hexdump);
                }
                nd.s(b"\n\t    Feature - Priority Group (type 0x2, length ");
                nd.u(tlv_len as u64);
                nd.s(b")");
                dcbx_feature_head(nd, t)?;
                nd.s(b"\n\t      Priority Allocation");
                let pg = nd.be4(t + 4)?;
                for i in 0..8u32 {
                    nd.s(b"\n\t          PgId_");
                    nd.u(i as u64);
                    nd.s(b": ");
                    nd.u(((pg >> (28 - 4 * i)) & 0xf) as u64);
                }
                nd.s(b"\n\t      Priority Group Allocation");
                for i in 0..8 {
                    let v = nd.u1(t + 8 + i)?;
                    nd.s(b"\n\t          Pg percentage[");
                    nd.u(i as u64);
                    nd.s(b"]: ");
                    nd.u(v as u64);
                }
                let n = nd.u1(t + 16)?;
                nd.s(b"\n\t      NumTCsSupported: ");
                nd.u(n as u64);
            }
            3 => {
                if tlv_len < 6 {
                    return Ok(hexdump);
                }
                nd.s(b"\n\t    Feature - Priority Flow Control");
                nd.s(b" (type 0x3, length ");
                nd.u(tlv_len as u64);
                nd.s(b")");
                dcbx_feature_head(nd, t)?;
                let v = nd.u1(t + 4)?;
                nd.s(b"\n\t      PFC Config (0x");
                hex_upper(nd, v);
                nd.s(b")");
                for i in 0..8 {
                    nd.s(b"\n\t          Priority Bit ");
                    nd.u(i as u64);
                    nd.s(if v & (1 << i) != 0 {
                        b": Enabled"
                    } else {
                        b": Disabled"
                    });
                }
                let n = nd.u1(t + 5)?;
                nd.s(b"\n\t      NumTCPFCSupported: ");
                nd.u(n as u64);
            }
            4 => {
                if tlv_len < 4 {
                    return Ok(hexdump);
                }
                nd.s(b"\n\t    Feature - Application (type 0x4, length ");
                nd.u(tlv_len as u64);
                nd.s(b")");
                dcbx_feature_head(nd, t)?;
                let mut left = tlv_len - 4;
                let mut m = t + 4;
                while left >= 6 {
                    let id = nd.be2(m)?;
                    nd.s(b"\n\t      Application Value");
                    nd.s(b"\n\t          Application Protocol ID: 0x");
                    nd.x0(id as u64, 4);
                    let u = nd.be3(m + 2)?;
                    nd.s(b"\n\t          SF (0x");
                    nd.x((u >> 22) as u64);
                    nd.s(b") Application Protocol ID is ");
                    nd.s(if u >> 22 != 0 {
                        b"Socket Number"
                    } else {
                        b"L2 EtherType"
                    });
                    nd.s(b"\n\t          OUI: 0x");
                    nd.x0((u & 0x3fffff) as u64, 6);
                    let map = nd.u1(m + 5)?;
                    nd.s(b"\n\t          User Priority Map: 0x");
                    nd.x0(map as u64, 2);
                    left -= 6;
                    m += 6;
                }
            }
            _ => hexdump = true,
        }
        if nd.vflag > 1 || (nd.vflag > 0 && hexdump) {
            nd.unknown_data(t, b"\n\t    ", tlv_len)?;
        }
        tlen -= tlv_len;
        t += tlv_len;
    }
    Ok(hexdump)
}

/// `lldp_network_addr_print`: false where C returns NULL (too short for its family).
fn network_addr(nd: &mut Nd, t: usize, len: usize) -> R<bool> {
    if len < 1 {
        return Ok(false);
    }
    let len = len - 1;
    let af = nd.u1(t)?;
    let need = match af {
        1 => 4,
        2 => 16,
        6 => 6,
        _ => 0,
    };
    if len < need {
        return Ok(false);
    }
    // C formats the whole string before it is printed: a missing address prints nothing.
    if need > 0 {
        nd.need(t + 1, need)?;
    }
    nd.s(b"AFI ");
    tok2str(nd, tok::AF, "Unknown", af as u32);
    nd.s(b" (");
    nd.u(af as u64);
    match af {
        1 => {
            nd.s(b"): ");
            nd.ip4(t + 1)?;
        }
        2 => {
            nd.s(b"): ");
            nd.ip6(t + 1)?;
        }
        6 => {
            nd.s(b"): ");
            nd.mac(t + 1)?;
        }
        _ => nd.s(b"), no AF printer !"),
    }
    Ok(true)
}

/// `lldp_mgmt_addr_tlv_print`: false where C returns 0 (the TLV ends the walk, truncated).
fn mgmt_addr(nd: &mut Nd, p: usize, len: usize) -> R<bool> {
    let mut t = p;
    let mut tlen = len;
    if tlen < 1 {
        return Ok(false);
    }
    let addr_len = nd.u1(t)? as usize;
    t += 1;
    tlen -= 1;
    if tlen < addr_len {
        return Ok(false);
    }
    // The address is formatted into a buffer before anything of this TLV is printed.
    let mark = nd.out.len();
    nd.s(b"\n\t  Management Address length ");
    nd.u(addr_len as u64);
    nd.s(b", ");
    match network_addr(nd, t, addr_len) {
        Ok(true) => {}
        Ok(false) => {
            nd.out.truncate(mark);
            return Ok(false);
        }
        Err(e) => {
            nd.out.truncate(mark);
            return Err(e);
        }
    }
    t += addr_len;
    tlen -= addr_len;
    if tlen < 5 {
        return Ok(false);
    }
    let (sub, num) = (nd.u1(t)?, nd.be4(t + 1)?);
    nd.s(b"\n\t  ");
    tok2str(nd, INTF_NUMB_SUBTYPE, "Unknown", sub as u32);
    nd.s(b" Interface Numbering (");
    nd.u(sub as u64);
    nd.s(b"): ");
    nd.u(num as u64);
    t += 5;
    tlen -= 5;
    if tlen > 0 {
        let oid_len = nd.u1(t)? as usize;
        if tlen < 1 + oid_len {
            return Ok(false);
        }
        if oid_len > 0 {
            nd.s(b"\n\t  OID length ");
            nd.u(oid_len as u64);
            nd.printjnp(t + 1, oid_len)?;
        }
    }
    Ok(true)
}

/// The chassis and port ID TLVs, which differ only in their subtype numbers and names.
/// Ok(None) is C's `goto trunc`, Ok(Some(hexdump)) otherwise.
fn id_tlv(nd: &mut Nd, t: usize, len: usize, names: Tok, mac: u8, net: u8) -> R<Option<bool>> {
    if len < 2 {
        return Ok(None);
    }
    let subtype = nd.u1(t)?;
    nd.s(b"\n\t  Subtype ");
    tok2str(nd, names, "Unknown", subtype as u32);
    nd.s(b" (");
    nd.u(subtype as u64);
    nd.s(b"): ");
    if subtype == mac {
        if len < 7 {
            return Ok(None);
        }
        nd.mac(t + 1)?;
    } else if subtype == net {
        if !network_addr(nd, t + 1, len - 1)? {
            return Ok(None);
        }
    } else if (1..=7).contains(&subtype) {
        nd.printjnp(t + 1, len - 1)?;
    } else {
        return Ok(Some(true));
    }
    Ok(Some(false))
}

/// `lldp_print`: the LLDPDU at `p`, `len` bytes.
pub(crate) fn lldp_print(nd: &mut Nd, p: usize, len: usize) -> R {
    nd.proto = "lldp";
    nd.s(b"LLDP, length ");
    nd.u(len as u64);
    let mut t = p;
    let mut tlen = len;
    let v = nd.vflag > 0;
    while tlen >= 2 {
        if !nd.ttest(t, 2) {
            return Err(nd.local_trunc());
        }
        let (typ, tlv_len) = tlv_header(nd.be2(t)?);
        tlen -= 2;
        t += 2;
        if v {
            nd.s(b"\n\t");
            tok2str(nd, TLV, "Unknown", typ);
            nd.s(b" TLV (");
            nd.u(typ as u64);
            nd.s(b"), length ");
            nd.u(tlv_len as u64);
        }
        if typ == 0 || tlv_len == 0 {
            break;
        }
        if !nd.ttest(t, tlv_len) || tlen < tlv_len {
            return Err(nd.local_trunc());
        }
        let mut hexdump = false;
        match typ {
            1 | 2 if v => {
                let r = if typ == 1 {
                    id_tlv(nd, t, tlv_len, CHASSIS_SUBTYPE, 4, 5)?
                } else {
                    id_tlv(nd, t, tlv_len, PORT_SUBTYPE, 3, 4)?
                };
                match r {
                    Some(h) => hexdump = h,
                    None => return Err(nd.local_trunc()),
                }
            }
            3 if v => {
                if tlv_len < 2 {
                    return Err(nd.local_trunc());
                }
                let ttl = nd.be2(t)?;
                nd.s(b": TTL ");
                nd.u(ttl as u64);
                nd.s(b"s");
            }
            4 if v => {
                nd.s(b": ");
                nd.printjnp(t, tlv_len)?;
            }
            5 => {
                // Printed without -v too, as CDP prints its device ID.
                nd.s(b": ");
                nd.printjnp(t, tlv_len)?;
            }
            6 if v => {
                nd.s(b"\n\t  ");
                nd.printjnp(t, tlv_len)?;
            }
            7 if v => {
                if tlv_len < 4 {
                    return Err(nd.local_trunc());
                }
                let (cap, ena) = (nd.be2(t)?, nd.be2(t + 2)?);
                nd.s(b"\n\t  System  Capabilities [");
                bittok2str(nd, CAP, "none", cap as u32);
                nd.s(b"] (0x");
                nd.x0(cap as u64, 4);
                nd.s(b")\n\t  Enabled Capabilities [");
                bittok2str(nd, CAP, "none", ena as u32);
                nd.s(b"] (0x");
                nd.x0(ena as u64, 4);
                nd.s(b")");
            }
            8 if v => {
                if !mgmt_addr(nd, t, tlv_len)? {
                    return Err(nd.local_trunc());
                }
            }
            127 if v => {
                if tlv_len < 3 {
                    return Err(nd.local_trunc());
                }
                let oui = nd.be3(t)?;
                nd.s(b": OUI ");
                tok2str(nd, tok::OUI, "Unknown", oui);
                nd.s(b" (0x");
                nd.x0(oui as u64, 6);
                nd.s(b")");
                hexdump = match oui {
                    OUI_IEEE_8021_PRIVATE => private_8021(nd, t, tlv_len)?,
                    OUI_IEEE_8023_PRIVATE => private_8023(nd, t, tlv_len)?,
                    OUI_IANA => private_iana(nd, t, tlv_len)?,
                    OUI_TIA => private_tia(nd, t, tlv_len)?,
                    OUI_DCBX => private_dcbx(nd, t, tlv_len)?,
                    _ => true,
                };
            }
            1..=4 | 6..=8 | 127 => {}
            _ => hexdump = true,
        }
        if nd.vflag > 1 || (v && hexdump) {
            nd.unknown_data(t, b"\n\t  ", tlv_len)?;
        }
        tlen -= tlv_len;
        t += tlv_len;
    }
    Ok(())
}
