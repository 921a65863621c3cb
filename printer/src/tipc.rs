//! TIPC, Transparent Inter-Process Communication (tcpdump's print-tipc.c), ethertype 0x88ca:
//! the header of payload messages, internal protocol messages and neighbor detection, by
//! user; with -v their link-level fields.

use super::nd::{Nd, R};
use super::tok::{self, Tok};

const USER: Tok = &[
    (0, "Low Importance Data payload"),
    (1, "Medium Importance Data payload"),
    (2, "High Importance Data payload"),
    (3, "Critical Importance Data payload"),
    (5, "Broadcast Link Protocol internal"),
    (6, "Message Bundler Protocol internal"),
    (7, "Link State Protocol internal"),
    (8, "Connection Manager internal"),
    (10, "Link Changeover Protocol internal"),
    (11, "Name Table Update Protocol internal"),
    (12, "Message Fragmentation Protocol internal"),
    (13, "Neighbor Detection Protocol internal"),
];

/// tcpdump's table, names crossed as they are there (1 is "MCAST_MSG", 3 "DIRECT_MSG").
const MTYPE: Tok = &[
    (0, "CONN_MSG"),
    (1, "MCAST_MSG"),
    (2, "NAMED_MSG"),
    (3, "DIRECT_MSG"),
];

const LINKCONF_MTYPE: Tok = &[(0, "Link request"), (1, "Link response")];

/// "Z.C.N": a TIPC network address's zone, cluster and node.
fn node(nd: &mut Nd, a: u32) {
    nd.u((a >> 24) as u64);
    nd.s(b".");
    nd.u(((a >> 12) & 0xfff) as u64);
    nd.s(b".");
    nd.u((a & 0xfff) as u64);
}

/// "TIPC vN.0 ": the version from word 0.
fn version(nd: &mut Nd, w0: u32) {
    nd.s(b"TIPC v");
    nd.u((w0 >> 29) as u64);
    nd.s(b".0 ");
}

/// ", headerlength N bytes, MessageSize N bytes, USER, messageType MTYPE".
fn sizes_user_type(nd: &mut Nd, w0: u32, w1: u32, mtypes: Tok) {
    nd.s(b", headerlength ");
    nd.u((((w0 >> 21) & 0xf) * 4) as u64);
    nd.s(b" bytes, MessageSize ");
    nd.u((w0 & 0x1ffff) as u64);
    nd.s(b" bytes, ");
    tok::tok2str(nd, USER, "unknown", (w0 >> 25) & 0xf);
    nd.s(b", messageType ");
    tok::tok2str(nd, mtypes, "Unknown", w1 >> 29);
}

/// `tipc_print`. Like C, it reads each field (truncating there) before printing the line
/// that holds it, and does not check the length.
pub(crate) fn tipc_print(nd: &mut Nd, bp: usize) -> R {
    nd.proto = "tipc";
    let w0 = nd.be4(bp)?;
    match (w0 >> 25) & 0xf {
        0..=3 | 8 | 11 => payload(nd, bp),
        13 => link_conf(nd, bp),
        5..=7 | 10 | 12 => internal(nd, bp),
        _ => Ok(()),
    }
}

/// `print_payload`.
fn payload(nd: &mut Nd, bp: usize) -> R {
    let (w0, w1) = (nd.be4(bp)?, nd.be4(bp + 4)?);
    let (prev_node, orig_port, dest_port) = (nd.be4(bp + 12)?, nd.be4(bp + 16)?, nd.be4(bp + 20)?);
    if (w0 >> 21) & 0xf <= 6 {
        version(nd, w0);
        node(nd, prev_node);
        nd.s(b":");
        nd.u(orig_port as u64);
        nd.s(b" > ");
        nd.u(dest_port as u64);
        sizes_user_type(nd, w0, w1, MTYPE);
        return Ok(());
    }
    let (orig_node, dest_node) = (nd.be4(bp + 24)?, nd.be4(bp + 28)?);
    version(nd, w0);
    node(nd, orig_node);
    nd.s(b":");
    nd.u(orig_port as u64);
    nd.s(b" > ");
    node(nd, dest_node);
    nd.s(b":");
    nd.u(dest_port as u64);
    sizes_user_type(nd, w0, w1, MTYPE);
    if nd.vflag > 0 {
        let w2 = nd.be4(bp + 8)?;
        nd.s(b"\n\tPrevious Node ");
        node(nd, prev_node);
        nd.s(b", Broadcast Ack ");
        nd.u((w1 & 0xffff) as u64);
        nd.s(b", Link Ack ");
        nd.u((w2 >> 16) as u64);
        nd.s(b", Link Sequence ");
        nd.u((w2 & 0xffff) as u64);
    }
    Ok(())
}

/// `print_internal`.
fn internal(nd: &mut Nd, bp: usize) -> R {
    let (w0, w1) = (nd.be4(bp)?, nd.be4(bp + 4)?);
    let (orig_node, dest_node) = (nd.be4(bp + 24)?, nd.be4(bp + 28)?);
    version(nd, w0);
    node(nd, orig_node);
    nd.s(b" > ");
    node(nd, dest_node);
    sizes_user_type(nd, w0, w1, MTYPE);
    nd.s(b" (0x");
    nd.x0(w1 as u64, 8);
    nd.s(b")");
    if nd.vflag > 0 {
        let (w2, prev_node, w4, w5) = (
            nd.be4(bp + 8)?,
            nd.be4(bp + 12)?,
            nd.be4(bp + 16)?,
            nd.be4(bp + 20)?,
        );
        let (trans_seq, w9) = (nd.be4(bp + 32)?, nd.be4(bp + 36)?);
        nd.s(b"\n\tPrevious Node ");
        node(nd, prev_node);
        let fields: [(&[u8], u32); 10] = [
            (b", Session No. ", w5 >> 16),
            (b", Broadcast Ack ", w1 & 0xffff),
            (b", Sequence Gap ", (w1 >> 16) & 0x1fff),
            (b",  Broadcast Gap After ", w2 >> 16),
            (b", Broadcast Gap To ", w2 & 0xffff),
            (b", Last Sent Packet No. ", w4 >> 16),
            (b", Next sent Packet No. ", w4 & 0xffff),
            (b", Transport Sequence ", trans_seq),
            (b", msg_count ", w9 >> 16),
            (b", Link Tolerance ", w9 & 0xffff),
        ];
        for (label, v) in fields {
            nd.s(label);
            nd.u(v as u64);
        }
    }
    Ok(())
}

/// `print_link_conf`: neighbor detection.
fn link_conf(nd: &mut Nd, bp: usize) -> R {
    let (w0, w1) = (nd.be4(bp)?, nd.be4(bp + 4)?);
    let (dest_domain, prev_node) = (nd.be4(bp + 8)?, nd.be4(bp + 12)?);
    version(nd, w0);
    node(nd, prev_node);
    nd.s(b" > ");
    node(nd, dest_domain);
    sizes_user_type(nd, w0, w1, LINKCONF_MTYPE);
    if nd.vflag > 0 {
        let (ntwrk_id, w5) = (nd.be4(bp + 16)?, nd.be4(bp + 20)?);
        nd.s(b"\n\tNodeSignature ");
        nd.u((w1 & 0xffff) as u64);
        nd.s(b", network_id ");
        nd.u(ntwrk_id as u64);
        nd.s(b", media_id ");
        nd.u((w5 & 0xff) as u64);
    }
    Ok(())
}
