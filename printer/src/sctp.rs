//! SCTP (tcpdump's print-sctp.c), IP protocol 132 over IPv4 and IPv6: the common header's
//! ports and each chunk on its own, `(N) [TYPE] ...`; DATA (flags, TSN, stream, sequence and
//! payload protocol), INIT and INIT ACK, SACK with its gap blocks and duplicate TSNs; the
//! other chunks by name. With -vv each chunk starts a line and a DATA payload is dumped, or
//! decoded as M3UA (`m3ua`) for its payload protocol identifier.
//!
//! The ForCES ports (6704-6706) and payload protocols (21-23) are marked as tcpdump marks
//! them, but their payload (print-forces.c) is not decoded: tcpdump's tests for ForCES are
//! on the suite's GAPS list.

use super::m3ua;
use super::nd::{Nd, R};
use super::tok::{self, Tok};

const CHUNK_IDS: Tok = &[
    (0x00, "DATA"),
    (0x01, "INIT"),
    (0x02, "INIT ACK"),
    (0x03, "SACK"),
    (0x04, "HB REQ"),
    (0x05, "HB ACK"),
    (0x06, "ABORT"),
    (0x07, "SHUTDOWN"),
    (0x08, "SHUTDOWN ACK"),
    (0x09, "OP ERR"),
    (0x0a, "COOKIE ECHO"),
    (0x0b, "COOKIE ACK"),
    (0x0c, "ECN ECHO"),
    (0x0d, "ECN CWR"),
    (0x0e, "SHUTDOWN COMPLETE"),
    (0xc0, "FOR CUM TSN"),
    (0xc1, "REL CTRL"),
    (0xc2, "REL CTRL ACK"),
];

/// `PayloadProto_idents`: the DATA chunk's payload protocol identifiers.
const PPIDS: Tok = &[
    (1, "ISDN Q.921"),
    (2, "M2UA"),
    (3, "M3UA"),
    (4, "SUA"),
    (5, "M2PA"),
    (6, "V5.2"),
    (7, "H.248"),
    (8, "BICC"),
    (9, "TALI"),
    (10, "DUA"),
    (11, "ASAP"),
    (12, "ENRP"),
    (13, "H.323"),
    (14, "Q.IPC"),
    (15, "SIMCO"),
    (16, "DDPSC"),
    (17, "DDPSSC"),
    (18, "S1AP"),
    (19, "RUA"),
    (20, "HNBAP"),
    (21, "ForCES HP"),
    (22, "ForCES MP"),
    (23, "ForCES LP"),
    (24, "SBc-AP"),
    (25, "NBAP"),
    (27, "X2AP"),
];

const PPID_M3UA: u32 = 3;

/// `ForCES_channels`: the ForCES ports.
fn forces_channel(port: u16) -> Option<&'static [u8]> {
    match port {
        6704 => Some(b"ForCES HP"),
        6705 => Some(b"ForCES MP"),
        6706 => Some(b"ForCES LP"),
        _ => None,
    }
}

/// Sizes of the common header, a chunk descriptor, the DATA, INIT and SACK chunk headers
/// and a gap ack block.
const HDR: u32 = 12;
const DESC: u16 = 4;
const DATA_HDR: u16 = 12;
const INIT_HDR: u16 = 16;
const SACK_HDR: u16 = 12;
const FRAG: u16 = 4;

/// `sctp_print`: `bp` the SCTP header, `iph` the enclosing IPv4 or IPv6 header (whose
/// addresses it prints), `length` the IP payload length.
pub(crate) fn sctp_print(nd: &mut Nd, bp: usize, iph: usize, length: usize) -> R {
    nd.proto = "sctp";
    if length < HDR as usize {
        nd.s(b"truncated-sctp - ");
        nd.u(HDR as u64 - length as u64);
        nd.s(b" bytes missing!");
        return Ok(());
    }
    nd.tcheck(bp, HDR as usize)?;
    // The C length is an unsigned int that its subtractions may wrap.
    let mut remaining = length as u32;
    let sport = nd.be2(bp)?;
    let dport = nd.be2(bp + 2)?;
    let v6 = nd.u1(iph)? >> 4 == 6;
    if v6 {
        nd.need(iph + 8, 32)?;
    } else {
        nd.need(iph + 12, 8)?;
    }
    super::ip::addr_ports(nd, iph, v6, sport, dport)?;
    nd.s(b": sctp");
    let mut isforces = false;
    for port in [sport, dport] {
        if let Some(name) = forces_channel(port) {
            nd.s(b"[");
            nd.s(name);
            nd.s(b"]");
            isforces = true;
        }
    }
    let mut bp = bp + HDR as usize;
    remaining -= HDR;
    let mut sep: &[u8] = if nd.vflag >= 2 { b"\n\t" } else { b" (" };
    let mut count: u64 = 0;
    while remaining != 0 {
        count += 1;
        let chunk = bp;
        if remaining < DESC as u32 {
            nd.s(sep);
            nd.u(count);
            nd.s(b") [chunk descriptor cut off at end of packet]");
            break;
        }
        nd.tcheck(chunk, DESC as usize)?;
        let chunk_len = nd.be2(chunk + 2)?;
        if chunk_len < DESC {
            nd.s(sep);
            nd.u(count);
            nd.s(b") [Bad chunk length ");
            nd.u(chunk_len as u64);
            nd.s(b", < size of chunk descriptor]");
            break;
        }
        let align = match chunk_len % 4 {
            0 => 0,
            a => 4 - a,
        };
        if remaining < align as u32 {
            nd.s(sep);
            nd.u(count);
            nd.s(b") [Bad chunk length ");
            nd.u(chunk_len as u64);
            nd.s(b", > remaining data in packet]");
            break;
        }
        nd.tcheck(chunk, chunk_len as usize)?;
        bp += DESC as usize;
        remaining = remaining.wrapping_sub(DESC as u32);
        let mut left = chunk_len - DESC;
        nd.s(sep);
        nd.u(count);
        nd.s(b") ");
        let id = nd.u1(chunk)?;
        nd.s(b"[");
        match tok::name(CHUNK_IDS, id as u32) {
            Some(n) => nd.st(n),
            None => {
                nd.s(b"Unknown chunk type: 0x");
                nd.x(id as u64);
            }
        }
        nd.s(b"] ");
        match id {
            0x00 => {
                let flags = nd.u1(chunk + 1)?;
                if flags & 0x04 != 0 {
                    nd.s(b"(U)");
                }
                if flags & 0x02 != 0 {
                    nd.s(b"(B)");
                }
                if flags & 0x01 != 0 {
                    nd.s(b"(E)");
                }
                if flags & 0x07 != 0 {
                    nd.s(b" ");
                }
                if left < DATA_HDR {
                    return bogus(nd, chunk_len);
                }
                let ppid = nd.be4(bp + 8)?;
                let tsn = nd.be4(bp)?;
                nd.s(b"[TSN: ");
                nd.u(tsn as u64);
                let sid = nd.be2(bp + 4)?;
                nd.s(b"] [SID: ");
                nd.u(sid as u64);
                let sseq = nd.be2(bp + 6)?;
                nd.s(b"] [SSEQ ");
                nd.u(sseq as u64);
                nd.s(b"] [PPID ");
                match tok::name(PPIDS, ppid) {
                    Some(n) => nd.st(n),
                    None => {
                        nd.s(b"0x");
                        nd.x(ppid as u64);
                    }
                }
                nd.s(b"] ");
                isforces = isforces || (21..=23).contains(&ppid);
                bp += DATA_HDR as usize;
                remaining = remaining.wrapping_sub(DATA_HDR as u32);
                left -= DATA_HDR;
                let payload = left;
                if payload == 0 {
                    return bogus(nd, chunk_len);
                }
                if isforces {
                    // print-forces.c is not ported (see the module comment).
                } else if nd.vflag >= 2 {
                    if ppid == PPID_M3UA {
                        m3ua::m3ua_print(nd, bp, payload as usize)?;
                        nd.proto = "sctp";
                    } else {
                        nd.s(b"[Payload");
                        if !nd.suppress_default {
                            nd.s(b":");
                            nd.hex_and_ascii(b"\n\t", bp, payload as usize)?;
                        }
                        nd.s(b"]");
                    }
                }
                bp += payload as usize;
                remaining = remaining.wrapping_sub(payload as u32);
                left = 0;
            }
            0x01 | 0x02 => {
                if left < INIT_HDR {
                    return bogus(nd, chunk_len);
                }
                let tag = nd.be4(bp)?;
                nd.s(b"[init tag: ");
                nd.u(tag as u64);
                let rwnd = nd.be4(bp + 4)?;
                nd.s(b"] [rwnd: ");
                nd.u(rwnd as u64);
                let os = nd.be2(bp + 8)?;
                nd.s(b"] [OS: ");
                nd.u(os as u64);
                let mis = nd.be2(bp + 10)?;
                nd.s(b"] [MIS: ");
                nd.u(mis as u64);
                let tsn = nd.be4(bp + 12)?;
                nd.s(b"] [init TSN: ");
                nd.u(tsn as u64);
                nd.s(b"] ");
                // The optional parameters are skipped, as in C.
                bp += chunk_len as usize - DESC as usize;
                remaining = remaining.wrapping_sub((chunk_len - DESC) as u32);
                left = 0;
            }
            0x03 => {
                if left < SACK_HDR {
                    return bogus(nd, chunk_len);
                }
                let sack = bp;
                let cum = nd.be4(sack)?;
                nd.s(b"[cum ack ");
                nd.u(cum as u64);
                let rwnd = nd.be4(sack + 4)?;
                nd.s(b"] [a_rwnd ");
                nd.u(rwnd as u64);
                let gaps = nd.be2(sack + 8)?;
                nd.s(b"] [#gap acks ");
                nd.u(gaps as u64);
                let dups = nd.be2(sack + 10)?;
                nd.s(b"] [#dup tsns ");
                nd.u(dups as u64);
                nd.s(b"] ");
                bp += SACK_HDR as usize;
                remaining = remaining.wrapping_sub(SACK_HDR as u32);
                left -= SACK_HDR;
                let mut n = 0u16;
                while left != 0 && n < nd.be2(sack + 8)? {
                    if left < FRAG {
                        return bogus(nd, chunk_len);
                    }
                    let cum = nd.be4(sack)?;
                    let start = cum.wrapping_add(nd.be2(bp)? as u32);
                    let end = cum.wrapping_add(nd.be2(bp + 2)? as u32);
                    nd.s(b"\n\t\t[gap ack block #");
                    nd.u(n as u64 + 1);
                    nd.s(b": start = ");
                    nd.u(start as u64);
                    nd.s(b", end = ");
                    nd.u(end as u64);
                    nd.s(b"] ");
                    bp += FRAG as usize;
                    remaining = remaining.wrapping_sub(FRAG as u32);
                    left -= FRAG;
                    n += 1;
                }
                let mut n = 0u16;
                while left != 0 && n < nd.be2(sack + 10)? {
                    if left < 4 {
                        return bogus(nd, chunk_len);
                    }
                    let tsn = nd.be4(bp)?;
                    nd.s(b"\n\t\t[dup TSN #");
                    nd.u(n as u64 + 1);
                    nd.s(b": ");
                    nd.u(tsn as u64);
                    nd.s(b"] ");
                    bp += 4;
                    remaining = remaining.wrapping_sub(4);
                    left -= 4;
                    n += 1;
                }
            }
            _ => {
                bp += left as usize;
                remaining = remaining.wrapping_sub(left as u32);
                left = 0;
            }
        }
        // Whatever follows inside the chunk is skipped.
        bp += left as usize;
        remaining = remaining.wrapping_sub(left as u32);
        if nd.vflag < 2 {
            sep = b", (";
        }
        if align != 0 {
            nd.tcheck(bp, align as usize)?;
            bp += align as usize;
            remaining = remaining.wrapping_sub(align as u32);
        }
    }
    Ok(())
}

/// A chunk too short for its type's header ends the packet: "bogus chunk length N]".
fn bogus(nd: &mut Nd, chunk_len: u16) -> R {
    nd.s(b"bogus chunk length ");
    nd.u(chunk_len as u64);
    nd.s(b"]");
    Ok(())
}
