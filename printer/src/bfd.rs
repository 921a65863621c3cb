//! BFD (tcpdump's print-bfd.c), UDP to ports 3784 (single hop control), 4784 (multihop),
//! 6784 (LAG) and 3785 (echo): version, state, flags and length; with -v the diagnostic,
//! timers, discriminators and the authentication section (password, MD5 or SHA1 digest).

use super::nd::{Nd, R};
use super::tok::{bittok2str, tok2str, Tok};

const CONTROL_PORT: u16 = 3784;
const ECHO_PORT: u16 = 3785;
const MULTIHOP_PORT: u16 = 4784;
const LAG_PORT: u16 = 6784;

/// The size of `struct bfd_header_t`.
const HDR_LEN: usize = 24;

const AUTH_VALUES: Tok = &[
    (1, "Simple Password"),
    (2, "Keyed MD5"),
    (3, "Meticulous Keyed MD5"),
    (4, "Keyed SHA1"),
    (5, "Meticulous Keyed SHA1"),
];

const DIAG_VALUES: Tok = &[
    (0, "No Diagnostic"),
    (1, "Control Detection Time Expired"),
    (2, "Echo Function Failed"),
    (3, "Neighbor Signaled Session Down"),
    (4, "Forwarding Plane Reset"),
    (5, "Path Down"),
    (6, "Concatenated Path Down"),
    (7, "Administratively Down"),
    (8, "Reverse Concatenated Path Down"),
];

const FLAG_AUTH: u8 = 0x04;

const V0_FLAG_VALUES: Tok = &[
    (0x80, "I Hear You"),
    (0x40, "Demand"),
    (0x20, "Poll"),
    (0x10, "Final"),
    (0x08, "Control Plane Independent"),
    (0x04, "Authentication Present"),
    (0x02, "Reserved"),
    (0x01, "Reserved"),
];

const V1_FLAG_VALUES: Tok = &[
    (0x20, "Poll"),
    (0x10, "Final"),
    (0x08, "Control Plane Independent"),
    (0x04, "Authentication Present"),
    (0x02, "Demand"),
    (0x01, "Multipoint"),
];

const V1_STATE_VALUES: Tok = &[(0, "AdminDown"), (1, "Down"), (2, "Init"), (3, "Up")];

/// `tok2str(t, "unknown (%u)", v)`.
fn tok_or_unknown(nd: &mut Nd, t: Tok, v: u32) {
    match super::tok::name(t, v) {
        Some(n) => nd.st(n),
        None => {
            nd.s(b"unknown (");
            nd.u(v as u64);
            nd.s(b")");
        }
    }
}

/// `auth_print`: the authentication section after the header at `p`.
fn auth_print(nd: &mut Nd, p: usize) -> R {
    let a = p + HDR_LEN;
    nd.need(a, 4)?;
    let (auth_type, auth_len) = (nd.u1(a)?, nd.u1(a + 1)?);
    nd.s(b"\n\tAuthentication: ");
    tok2str(nd, AUTH_VALUES, "Unknown", auth_type as u32);
    nd.s(b" (");
    nd.u(auth_type as u64);
    nd.s(b"), length: ");
    nd.u(auth_len as u64);
    let key = nd.u1(a + 2)?;
    nd.s(b"\n\t  Auth Key ID: ");
    nd.u(key as u64);
    let (want, hash_len, what): (&dyn Fn(u8) -> bool, usize, &[u8]) = match auth_type {
        1 => (&|l| (4..=19).contains(&l), 0, b""),
        2 | 3 => (&|l| l == 24, 16, b"\n\t  Digest: "),
        4 | 5 => (&|l| l == 28, 20, b"\n\t  Hash: "),
        _ => return Ok(()),
    };
    if !want(auth_len) {
        nd.s(b"[invalid length ");
        nd.u(auth_len as u64);
        nd.s(b"]");
        return Ok(());
    }
    if auth_type == 1 {
        // The length is the password's plus three.
        nd.s(b", Password: ");
        nd.printn(a + 3, auth_len as usize - 3, None)?;
        return Ok(());
    }
    let seq = nd.be4(a + 4)?;
    nd.s(b", Sequence Number: 0x");
    nd.x0(seq as u64, 8);
    let hash = nd.bytes(a + 8, hash_len)?;
    nd.s(what);
    for &c in hash {
        nd.x0(c as u64, 2);
    }
    Ok(())
}

/// The -v body of a v0 or v1 control packet, after its first line.
fn control_verbose(nd: &mut Nd, p: usize, flags: u8) -> R {
    let (mult, tx, blen) = (nd.u1(p + 2)?, nd.be4(p + 12)?, nd.u1(p + 3)?);
    nd.s(b"\n\tDetection Timer Multiplier: ");
    nd.u(mult as u64);
    nd.s(b" (");
    // C's unsigned int arithmetic.
    nd.u(((mult as u32).wrapping_mul(tx) / 1000) as u64);
    nd.s(b" ms Detection time), BFD Length: ");
    nd.u(blen as u64);
    let mine = nd.be4(p + 4)?;
    nd.s(b"\n\tMy Discriminator: 0x");
    nd.x0(mine as u64, 8);
    let yours = nd.be4(p + 8)?;
    nd.s(b", Your Discriminator: 0x");
    nd.x0(yours as u64, 8);
    for (label, at) in [
        (&b"\n\t  Desired min Tx Interval:    "[..], 12),
        (&b"\n\t  Required min Rx Interval:   "[..], 16),
        (&b"\n\t  Required min Echo Interval: "[..], 20),
    ] {
        let v = nd.be4(p + at)? / 1000;
        nd.s(label);
        // %4u
        let start = nd.out.len();
        nd.u(v as u64);
        let digits = nd.out.len() - start;
        if digits < 4 {
            nd.out
                .splice(start..start, std::iter::repeat_n(b' ', 4 - digits));
        }
        nd.s(b" ms");
    }
    if flags & FLAG_AUTH != 0 {
        auth_print(nd, p)?;
    }
    Ok(())
}

/// `bfd_print`: the datagram at `p`, `len` bytes, sent to `port`.
pub(crate) fn bfd_print(nd: &mut Nd, p: usize, len: usize, port: u16) -> R {
    nd.proto = "bfd";
    if matches!(port, CONTROL_PORT | MULTIHOP_PORT | LAG_PORT) {
        nd.need(p, HDR_LEN)?;
        let version_diag = nd.u1(p)?;
        let (version, diag) = (version_diag >> 5, version_diag & 0x1f);
        let flags = nd.u1(p + 1)?;
        match version {
            0 | 1 => {
                let (ftab, fbits) = if version == 0 {
                    (V0_FLAG_VALUES, flags)
                } else {
                    (V1_FLAG_VALUES, flags & 0x3f)
                };
                nd.s(b"BFDv");
                nd.u(version as u64);
                nd.s(b", ");
                if nd.vflag > 0 {
                    nd.s(b"length: ");
                    nd.u(len as u64);
                    nd.s(b"\n\t");
                }
                if version == 0 {
                    nd.s(b"Control");
                } else {
                    tok_or_unknown(
                        nd,
                        &[
                            (CONTROL_PORT as u32, "Control"),
                            (MULTIHOP_PORT as u32, "Multihop"),
                            (LAG_PORT as u32, "Lag"),
                        ],
                        port as u32,
                    );
                    nd.s(b", State ");
                    tok_or_unknown(nd, V1_STATE_VALUES, ((flags & 0xc0) >> 6) as u32);
                }
                nd.s(b", Flags: [");
                bittok2str(nd, ftab, "none", fbits as u32);
                nd.s(b"]");
                if nd.vflag == 0 {
                    nd.s(b", length: ");
                    nd.u(len as u64);
                    return Ok(());
                }
                nd.s(b", Diagnostic: ");
                tok2str(nd, DIAG_VALUES, "unknown", diag as u32);
                nd.s(b" (0x");
                nd.x0(diag as u64, 2);
                nd.s(b")");
                control_verbose(nd, p, flags)
            }
            v => {
                nd.s(b"BFDv");
                nd.u(v as u64);
                nd.s(b", Control, length: ");
                nd.u(len as u64);
                if nd.vflag > 0 {
                    nd.unknown_data(p, b"\n\t", len)?;
                }
                Ok(())
            }
        }
    } else {
        if port == ECHO_PORT {
            nd.s(b"BFD, Echo, length: ");
        } else {
            nd.s(b"BFD, unknown (");
            nd.u(port as u64);
            nd.s(b"), length: ");
        }
        nd.u(len as u64);
        if nd.vflag > 0 {
            nd.unknown_data(p, b"\n\t", len)?;
        }
        Ok(())
    }
}
