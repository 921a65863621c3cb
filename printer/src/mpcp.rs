//! IEEE 802.3ah EPON multi-point control protocol (tcpdump's print-mpcp.c), ethertype 0x8808:
//! opcode, timestamp and length; with -v a Gate's grants, a Report's queue sets, and the
//! register request, register and register-ack fields.

use super::nd::{Nd, R};
use super::tok::{self, Tok};

const OPCODES: Tok = &[
    (1, "Pause"),
    (2, "Gate"),
    (3, "Report"),
    (4, "Register Request"),
    (5, "Register"),
    (6, "Register ACK"),
];
const GRANT_FLAGS: Tok = &[
    (0x08, "Discovery"),
    (0x10, "Force Grant #1"),
    (0x20, "Force Grant #2"),
    (0x40, "Force Grant #3"),
    (0x80, "Force Grant #4"),
];
const REG_REQ_FLAGS: Tok = &[(1, "Register"), (3, "De-Register")];
const REG_FLAGS: Tok = &[
    (1, "Re-Register"),
    (2, "De-Register"),
    (3, "ACK"),
    (4, "NACK"),
];
const REPORT_BITMAP: Tok = &[
    (0x01, "Q0"),
    (0x02, "Q1"),
    (0x04, "Q2"),
    (0x08, "Q3"),
    (0x10, "Q4"),
    (0x20, "Q5"),
    (0x40, "Q6"),
    (0x80, "Q7"),
];
// Its 0 entry never matches in bittok2str: a 0 prints "Reserved".
const REG_ACK_FLAGS: Tok = &[(0, "NACK"), (1, "ACK")];

/// `mpcp_print`: the common header (opcode, timestamp) at `bp`, then the opcode's fields.
/// Each `ND_PRINT` reads all its fields before printing, hence the reads first below.
pub(crate) fn mpcp_print(nd: &mut Nd, bp: usize, length: usize) -> R {
    nd.proto = "mpcp";
    let opcode = nd.be2(bp)?;
    let timestamp = nd.be4(bp + 2)?;
    nd.s(b"MPCP, Opcode ");
    match tok::name(OPCODES, opcode as u32) {
        Some(n) => nd.st(n),
        None => {
            nd.s(b"Unknown (");
            nd.u(opcode as u64);
            nd.s(b")");
        }
    }
    if opcode != 1 {
        nd.s(b", Timestamp ");
        nd.u(timestamp as u64);
        nd.s(b" ticks");
    }
    nd.s(b", length ");
    nd.u(length as u64);
    if nd.vflag == 0 {
        return Ok(());
    }
    let mut t = bp + 6;
    match opcode {
        1 => {}
        2 => {
            let b = nd.u1(t)?;
            let grants = b & 0x7;
            nd.s(b"\n\tGrant Numbers ");
            nd.u(grants as u64);
            nd.s(b", Flags [ ");
            tok::bittok2str(nd, GRANT_FLAGS, "?", (b & !0x7) as u32);
            nd.s(b" ]");
            t += 1;
            for grant in 1..=grants {
                let (start, dur) = (nd.be4(t)?, nd.be2(t + 4)?);
                nd.s(b"\n\tGrant #");
                nd.u(grant as u64);
                nd.s(b", Start-Time ");
                nd.u(start as u64);
                nd.s(b" ticks, duration ");
                nd.u(dur as u64);
                nd.s(b" ticks");
                t += 6;
            }
            let sync = nd.be2(t)?;
            nd.s(b"\n\tSync-Time ");
            nd.u(sync as u64);
            nd.s(b" ticks");
        }
        3 => {
            let sets = nd.u1(t)?;
            t += 1;
            nd.s(b"\n\tTotal Queue-Sets ");
            nd.u(sets as u64);
            // tcpdump's loop starts at 1 and stops before `sets`, and prints the total as
            // each set's number.
            for _ in 1..sets {
                let mut bitmap = nd.u1(t)?;
                nd.s(b"\n\t  Queue-Set #");
                nd.u(sets as u64);
                nd.s(b", Report-Bitmap [ ");
                tok::bittok2str(nd, REPORT_BITMAP, "Unknown", bitmap as u32);
                nd.s(b" ]");
                t += 1;
                let mut report = 1u32;
                while bitmap != 0 {
                    if bitmap & 1 != 0 {
                        let d = nd.be2(t)?;
                        nd.s(b"\n\t    Q");
                        nd.u(report as u64);
                        nd.s(b" Report, Duration ");
                        nd.u(d as u64);
                        nd.s(b" ticks");
                        t += 2;
                    }
                    report += 1;
                    bitmap >>= 1;
                }
            }
        }
        4 => {
            let (flags, pending) = (nd.u1(t)?, nd.u1(t + 1)?);
            nd.s(b"\n\tFlags [ ");
            tok::bittok2str(nd, REG_REQ_FLAGS, "Reserved", flags as u32);
            nd.s(b" ], Pending-Grants ");
            nd.u(pending as u64);
        }
        5 => {
            let (port, flags) = (nd.be2(t)?, nd.u1(t + 2)?);
            let (sync, echoed) = (nd.be2(t + 3)?, nd.u1(t + 5)?);
            nd.s(b"\n\tAssigned-Port ");
            nd.u(port as u64);
            nd.s(b", Flags [ ");
            tok::bittok2str(nd, REG_FLAGS, "Reserved", flags as u32);
            nd.s(b" ]\n\tSync-Time ");
            nd.u(sync as u64);
            nd.s(b" ticks, Echoed-Pending-Grants ");
            nd.u(echoed as u64);
        }
        6 => {
            let (flags, port, sync) = (nd.u1(t)?, nd.be2(t + 1)?, nd.be2(t + 3)?);
            nd.s(b"\n\tEchoed-Assigned-Port ");
            nd.u(port as u64);
            nd.s(b", Flags [ ");
            tok::bittok2str(nd, REG_ACK_FLAGS, "Reserved", flags as u32);
            nd.s(b" ]\n\tEchoed-Sync-Time ");
            nd.u(sync as u64);
            nd.s(b" ticks");
        }
        _ => nd.unknown_data(bp, b"\n\t", length)?,
    }
    Ok(())
}
