//! BSD timed's time synchronization protocol (tcpdump's print-timed.c), UDP 525: message
//! type, version, sequence, the hop count or time some messages carry, and the host name.

use super::nd::{Nd, R};
use super::tok::{self, Tok};

/// `tsptype_str`.
const TSP_TYPE: Tok = &[
    (0, "TSP_ANY"),
    (1, "TSP_ADJTIME"),
    (2, "TSP_ACK"),
    (3, "TSP_MASTERREQ"),
    (4, "TSP_MASTERACK"),
    (5, "TSP_SETTIME"),
    (6, "TSP_MASTERUP"),
    (7, "TSP_SLAVEUP"),
    (8, "TSP_ELECTION"),
    (9, "TSP_ACCEPT"),
    (10, "TSP_REFUSE"),
    (11, "TSP_CONFLICT"),
    (12, "TSP_RESOLVE"),
    (13, "TSP_QUIT"),
    (14, "TSP_DATE"),
    (15, "TSP_DATEREQ"),
    (16, "TSP_DATEACK"),
    (17, "TSP_TRACEON"),
    (18, "TSP_TRACEOFF"),
    (19, "TSP_MSITE"),
    (20, "TSP_MSITEREQ"),
    (21, "TSP_TEST"),
    (22, "TSP_SETDATE"),
    (23, "TSP_SETDATEREQ"),
    (24, "TSP_LOOP"),
];

/// `timed_print`.
pub(crate) fn timed_print(nd: &mut Nd, bp: usize) -> R {
    nd.proto = "timed";
    let typ = nd.u1(bp)?;
    match tok::name(TSP_TYPE, typ as u32) {
        Some(n) => nd.st(n),
        None => {
            nd.s(b"(tsp_type 0x");
            nd.x(typ as u64);
            nd.s(b")");
        }
    }
    let vers = nd.u1(bp + 1)?;
    nd.s(b" vers ");
    nd.u(vers as u64);
    let seq = nd.be2(bp + 2)?;
    nd.s(b" seq ");
    nd.u(seq as u64);
    match typ {
        24 => {
            let hops = nd.u1(bp + 4)?;
            nd.s(b" hopcnt ");
            nd.u(hops as u64);
        }
        1 | 5 | 22 | 23 => {
            let mut sec = nd.be4(bp + 4)? as i32;
            let mut usec = nd.be4(bp + 8)? as i32;
            if usec < 0 {
                // Invalid: the rest of the packet is skipped.
                return Ok(());
            }
            nd.s(b" time ");
            if sec < 0 && usec != 0 {
                sec += 1;
                if sec == 0 {
                    nd.s(b"-");
                }
                usec = 1_000_000 - usec;
            }
            if sec < 0 {
                nd.s(b"-");
            }
            nd.u(sec.unsigned_abs() as u64);
            nd.s(b".");
            // "%06d": a negative value (a usec above a million) keeps its sign in the width.
            if usec < 0 {
                nd.s(b"-");
                super::fmt::dec_pad(nd.out, usec.unsigned_abs() as u64, 5);
            } else {
                super::fmt::dec_pad(nd.out, usec as u64, 6);
            }
        }
        _ => {}
    }
    nd.s(b" name ");
    nd.printjnp(bp + 12, 256)
}
