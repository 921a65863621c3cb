//! Spanning tree BPDUs (tcpdump's print-stp.c), carried by LLC SAP 0x42: 802.1D
//! configuration and topology-change BPDUs, 802.1w (RSTP), 802.1s (MSTP, with its MSTI
//! records at -v) and 802.1aq (SPB, its BPDUv4 part at -v).

use super::nd::{Nd, R};

/// `sizeof(struct stp_bpdu_)`: the 802.1D/802.1w BPDU up to and including the v1 length.
const BPDU_LEN: usize = 36;
const MSTP_MIN_LEN: usize = 102;
const VER3_LEN_OFFSET: usize = 36;
const CONFIG_NAME_OFFSET: usize = 39;
const CONFIG_DIGEST_OFFSET: usize = 73;
const CIST_INT_PATH_COST_OFFSET: usize = 89;
const CIST_BRIDGE_ID_OFFSET: usize = 93;
const CIST_REMAIN_HOPS_OFFSET: usize = 101;
const MSTI_OFFSET: usize = 102;
const MSTI_LENGTH: usize = 16;
const CONFIG_INFO_LENGTH: usize = 64;
const SPB_MIN_LEN: usize = 87;

// Fields of the common BPDU.
const PROTOCOL_VERSION: usize = 2;
const BPDU_TYPE: usize = 3;
const FLAGS: usize = 4;
const ROOT_ID: usize = 5;
const ROOT_PATH_COST: usize = 13;
const BRIDGE_ID: usize = 17;
const PORT_ID: usize = 25;
const MESSAGE_AGE: usize = 27;
const V1_LENGTH: usize = 35;

/// `bittok2str(stp_bpdu_flag_values, "none", flags)`.
fn flags(nd: &mut Nd, f: u8) {
    let mut sep: &[u8] = b"";
    for (bit, name) in [
        (0x01, &b"Topology change"[..]),
        (0x02, b"Proposal"),
        (0x10, b"Learn"),
        (0x20, b"Forward"),
        (0x40, b"Agreement"),
        (0x80, b"Topology change ACK"),
    ] {
        if f & bit != 0 {
            nd.s(sep);
            nd.s(name);
            sep = b", ";
        }
    }
    if sep.is_empty() {
        nd.s(b"none");
    }
}

/// `RSTP_EXTRACT_PORT_ROLE` through `rstp_obj_port_role_values`.
fn port_role(nd: &mut Nd, f: u8) {
    nd.s(match (f & 0x0c) >> 2 {
        1 => b"Alternate",
        2 => b"Root",
        3 => b"Designated",
        _ => b"Unknown",
    });
}

/// `stp_print_bridge_id`: "pppp.aa:bb:cc:dd:ee:ff".
fn bridge_id(nd: &mut Nd, p: usize) -> R {
    let b = nd.bytes(p, 8)?;
    nd.x0(u16::from_be_bytes([b[0], b[1]]) as u64, 4);
    nd.s(b".");
    for (i, &c) in b[2..].iter().enumerate() {
        if i > 0 {
            nd.s(b":");
        }
        nd.x0(c as u64, 2);
    }
    Ok(())
}

/// `%.2f` of `v / 256` (STP_TIME_BASE), rounded as glibc rounds the exact binary value:
/// to nearest, ties to even.
fn time(nd: &mut Nd, v: u16) {
    let n = v as u64 * 100;
    let (mut q, r) = (n / 256, n % 256);
    if r * 2 > 256 || (r * 2 == 256 && q & 1 == 1) {
        q += 1;
    }
    nd.u(q / 100);
    nd.s(b".");
    let f = q % 100;
    if f < 10 {
        nd.s(b"0");
    }
    nd.u(f);
}

/// The four timers, "\n\tmessage-age ...s, max-age ...".
fn timers(nd: &mut Nd, p: usize) -> R {
    let t = [
        nd.be2(p + MESSAGE_AGE)?,
        nd.be2(p + MESSAGE_AGE + 2)?,
        nd.be2(p + MESSAGE_AGE + 4)?,
        nd.be2(p + MESSAGE_AGE + 6)?,
    ];
    nd.s(b"\n\tmessage-age ");
    time(nd, t[0]);
    nd.s(b"s, max-age ");
    time(nd, t[1]);
    nd.s(b"s, hello-time ");
    time(nd, t[2]);
    nd.s(b"s, forwarding-delay ");
    time(nd, t[3]);
    nd.s(b"s");
    Ok(())
}

fn config_bpdu(nd: &mut Nd, p: usize, length: usize) -> R {
    let f = nd.u1(p + FLAGS)?;
    nd.s(b", Flags [");
    flags(nd, f);
    nd.s(b"]");
    nd.need(p + BRIDGE_ID, 8)?;
    let port = nd.be2(p + PORT_ID)?;
    nd.s(b", bridge-id ");
    bridge_id(nd, p + BRIDGE_ID)?;
    nd.s(b".");
    nd.x0(port as u64, 4);
    nd.s(b", length ");
    nd.u(length as u64);
    if nd.vflag == 0 {
        return Ok(());
    }
    timers(nd, p)?;
    nd.need(p + ROOT_ID, 8)?;
    let cost = nd.be4(p + ROOT_PATH_COST)?;
    nd.s(b"\n\troot-id ");
    bridge_id(nd, p + ROOT_ID)?;
    nd.s(b", root-pathcost ");
    nd.u(cost as u64);
    if nd.u1(p + PROTOCOL_VERSION)? == 2 {
        nd.s(b", port-role ");
        port_role(nd, f);
    }
    Ok(())
}

fn digest(nd: &mut Nd, p: usize, words: usize) -> R {
    nd.need(p, 4 * words)?;
    for i in 0..words {
        let w = nd.be4(p + 4 * i)?;
        nd.x0(w as u64, 8);
    }
    Ok(())
}

fn mstp_bpdu(nd: &mut Nd, p: usize, length: usize) -> R {
    let f = nd.u1(p + FLAGS)?;
    nd.s(b", CIST Flags [");
    flags(nd, f);
    nd.s(b"], length ");
    nd.u(length as u64);
    if nd.vflag == 0 {
        return Ok(());
    }
    nd.s(b"\n\tport-role ");
    port_role(nd, f);
    nd.s(b", ");
    nd.need(p + ROOT_ID, 8)?;
    let cost = nd.be4(p + ROOT_PATH_COST)?;
    nd.s(b"CIST root-id ");
    bridge_id(nd, p + ROOT_ID)?;
    nd.s(b", CIST ext-pathcost ");
    nd.u(cost as u64);
    nd.need(p + BRIDGE_ID, 8)?;
    nd.s(b"\n\tCIST regional-root-id ");
    bridge_id(nd, p + BRIDGE_ID)?;
    nd.s(b", ");
    let port = nd.be2(p + PORT_ID)?;
    nd.s(b"CIST port-id ");
    nd.x0(port as u64, 4);
    nd.s(b",");
    timers(nd, p)?;
    let v3len = nd.be2(p + VER3_LEN_OFFSET)?;
    nd.s(b"\n\tv3len ");
    nd.u(v3len as u64);
    nd.s(b", ");
    nd.s(b"MCID Name ");
    nd.printjnp(p + CONFIG_NAME_OFFSET, 32)?;
    let rev = nd.be2(p + CONFIG_NAME_OFFSET + 32)?;
    nd.need(p + CONFIG_DIGEST_OFFSET, 16)?;
    nd.s(b", rev ");
    nd.u(rev as u64);
    nd.s(b",\n\t\tdigest ");
    digest(nd, p + CONFIG_DIGEST_OFFSET, 4)?;
    nd.s(b", ");
    let cost = nd.be4(p + CIST_INT_PATH_COST_OFFSET)?;
    nd.s(b"CIST int-root-pathcost ");
    nd.u(cost as u64);
    nd.s(b",");
    nd.need(p + CIST_BRIDGE_ID_OFFSET, 8)?;
    nd.s(b"\n\tCIST bridge-id ");
    bridge_id(nd, p + CIST_BRIDGE_ID_OFFSET)?;
    nd.s(b", ");
    let hops = nd.u1(p + CIST_REMAIN_HOPS_OFFSET)?;
    nd.s(b"CIST remaining-hops ");
    nd.u(hops as u64);
    let v3len = v3len as usize;
    if v3len > CONFIG_INFO_LENGTH {
        // C keeps the remaining length in 16 bits; v3len is 16 bits, so it cannot wrap.
        let mut len = v3len - CONFIG_INFO_LENGTH;
        let mut off = MSTI_OFFSET;
        while len >= MSTI_LENGTH {
            let m = p + off;
            let msti = nd.be2(m + 1)? & 0x0fff;
            let mf = nd.u1(m)?;
            nd.s(b"\n\tMSTI ");
            nd.u(msti as u64);
            nd.s(b", Flags [");
            flags(nd, mf);
            nd.s(b"], port-role ");
            port_role(nd, mf);
            nd.need(m + 1, 8)?;
            let cost = nd.be4(m + 9)?;
            nd.s(b"\n\t\tMSTI regional-root-id ");
            bridge_id(nd, m + 1)?;
            nd.s(b", pathcost ");
            nd.u(cost as u64);
            let (bp, pp, h) = (nd.u1(m + 13)?, nd.u1(m + 14)?, nd.u1(m + 15)?);
            nd.s(b"\n\t\tMSTI bridge-prio ");
            nd.u((bp >> 4) as u64);
            nd.s(b", port-prio ");
            nd.u((pp >> 4) as u64);
            nd.s(b", hops ");
            nd.u(h as u64);
            len -= MSTI_LENGTH;
            off += MSTI_LENGTH;
        }
    }
    Ok(())
}

fn spb_bpdu(nd: &mut Nd, p: usize, offset: usize) -> R {
    if nd.vflag == 0 {
        return Ok(());
    }
    let q = p + offset;
    let v4len = nd.be2(q)?;
    nd.s(b"\n\tv4len ");
    nd.u(v4len as u64);
    nd.s(b", ");
    nd.s(b"AUXMCID Name ");
    nd.printjnp(q + 3, 32)?;
    let rev = nd.be2(q + 35)?;
    nd.need(q + 37, 16)?;
    nd.s(b", Rev ");
    nd.u(rev as u64);
    nd.s(b",\n\t\tdigest ");
    digest(nd, q + 37, 4)?;
    // SPB_BPDU_AGREEMENT_OFFSET and the fields after it.
    let a = q + 53;
    let (ag, fmt, con) = (nd.u1(a)?, nd.u1(a + 2)?, nd.u1(a + 3)?);
    let edge = nd.be2(a + 4)?;
    nd.need(a + 14, 20)?;
    nd.s(b"\n\tAgreement num ");
    nd.u((ag >> 6) as u64);
    nd.s(b", Discarded Agreement num ");
    nd.u(((ag >> 4) & 3) as u64);
    nd.s(b", Agreement valid-flag ");
    nd.u(((ag >> 3) & 1) as u64);
    nd.s(b",\n\tRestricted role-flag: ");
    nd.u(((ag >> 2) & 1) as u64);
    nd.s(b", Format id ");
    nd.u((fmt >> 4) as u64);
    nd.s(b" cap ");
    nd.u(fmt as u64);
    nd.s(b", Convention id ");
    nd.u((con >> 4) as u64);
    nd.s(b" cap ");
    nd.u(con as u64);
    nd.s(b",\n\tEdge count ");
    nd.u(edge as u64);
    nd.s(b", Agreement digest ");
    digest(nd, a + 14, 5)
}

/// `stp_print`: the BPDU at `p`, `length` bytes after the LLC header.
pub(crate) fn stp_print(nd: &mut Nd, p: usize, length: usize) -> R {
    nd.proto = "stp";
    if length < 4 {
        nd.invalid();
        return Ok(());
    }
    if nd.be2(p)? != 0 {
        nd.s(b"unknown STP version, length ");
        nd.u(length as u64);
        return Ok(());
    }
    let version = nd.u1(p + PROTOCOL_VERSION)?;
    nd.s(b"STP ");
    match version {
        0 => nd.s(b"802.1d"),
        2 => nd.s(b"802.1w"),
        3 => nd.s(b"802.1s"),
        4 => nd.s(b"802.1aq"),
        v => {
            nd.s(b"Unknown STP protocol (0x");
            nd.x0(v as u64, 2);
            nd.s(b")");
            return Ok(());
        }
    }
    let typ = nd.u1(p + BPDU_TYPE)?;
    match typ {
        0 => nd.s(b", Config"),
        2 => nd.s(b", Rapid STP"),
        0x80 => nd.s(b", Topology Change"),
        t => {
            nd.s(b", Unknown BPDU Type (0x");
            nd.x0(t as u64, 2);
            nd.s(b")");
        }
    }
    match typ {
        0 => {
            if length < BPDU_LEN - 1 {
                nd.invalid();
                return Ok(());
            }
            config_bpdu(nd, p, length)?;
        }
        2 if version == 2 => {
            if length < BPDU_LEN {
                nd.invalid();
                return Ok(());
            }
            config_bpdu(nd, p, length)?;
        }
        2 if version == 3 || version == 4 => {
            if length < MSTP_MIN_LEN || nd.u1(p + V1_LENGTH)? != 0 {
                nd.invalid();
                return Ok(());
            }
            let mstp_len = nd.be2(p + VER3_LEN_OFFSET)? as usize + 2;
            if length < BPDU_LEN + mstp_len {
                nd.invalid();
                return Ok(());
            }
            mstp_bpdu(nd, p, length)?;
            if version == 4 {
                let spb_len = nd.be2(p + VER3_LEN_OFFSET + mstp_len)? as usize + 2;
                if length < BPDU_LEN + mstp_len + spb_len || spb_len < SPB_MIN_LEN {
                    nd.invalid();
                    return Ok(());
                }
                spb_bpdu(nd, p, BPDU_LEN + mstp_len)?;
            }
        }
        _ => {}
    }
    Ok(())
}
