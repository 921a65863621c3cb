//! ETSI ITS GeoNetworking (EN 302 636; tcpdump's print-geonet.c), ethertypes 0x8947 and the
//! old 0x0707: the sender's MAC, the common header (version, next header, header type, hop
//! limit, payload, long position vector), the BTP ports and ITS PDU header; with -v the
//! user data as hex.

use super::fmt;
use super::nd::{Nd, R};
use super::tok::{self, Tok};

const MSG_TYPE: Tok = &[
    (0, "CAM"),
    (1, "DENM"),
    (101, "TPEGM"),
    (102, "TSPDM"),
    (103, "VPM"),
    (104, "SRM"),
    (105, "SLAM"),
    (106, "ecoCAM"),
    (107, "ITM"),
    (150, "SA"),
];

/// The common header, and a GeoNetworking address.
const COMMON_HDR_LEN: usize = 36;
const ADDR_LEN: usize = 8;

/// `geonet_print`: `src` is the link layer's source MAC, when there is one.
pub(crate) fn geonet_print(nd: &mut Nd, bp: usize, length: usize, src: Option<usize>) -> R {
    nd.proto = "geonet";
    nd.s(b"GeoNet ");
    if let Some(s) = src {
        nd.s(b"src:");
        nd.mac(s)?;
    }
    nd.s(b"; ");
    if length < COMMON_HDR_LEN {
        nd.s(b" (common header length ");
        nd.u(length as u64);
        nd.s(b" < 36)");
        nd.invalid();
        return Ok(());
    }
    let (b0, b1) = (nd.u1(bp)?, nd.u1(bp + 1)?);
    let (version, next_hdr, hdr_type, hdr_subtype) = (b0 >> 4, b0 & 0x0f, b1 >> 4, b1 & 0x0f);
    let payload_length = nd.be2(bp + 4)?;
    let hop_limit = nd.u1(bp + 7)?;
    let next_hdr_txt: &[u8] = match next_hdr {
        0 => b"Any",
        1 => b"BTP-A",
        2 => b"BTP-B",
        3 => b"IPv6",
        _ => b"Unknown",
    };
    let hdr_type_txt: &[u8] = match (hdr_type, hdr_subtype) {
        (0, _) => b"Any",
        (1, _) => b"Beacon",
        (2, _) => b"GeoUnicast",
        (3, 0) => b"GeoAnycastCircle",
        (3, 1) => b"GeoAnycastRect",
        (3, 2) => b"GeoAnycastElipse",
        (4, 0) => b"GeoBroadcastCircle",
        (4, 1) => b"GeoBroadcastRect",
        (4, 2) => b"GeoBroadcastElipse",
        (5, 0) => b"TopoScopeBcast-SH",
        (5, 1) => b"TopoScopeBcast-MH",
        (6, 0) => b"LocService-Request",
        (6, 1) => b"LocService-Reply",
        _ => b"Unknown",
    };
    nd.s(b"v:");
    nd.u(version as u64);
    nd.s(b" NH:");
    nd.u(next_hdr as u64);
    nd.s(b"-");
    nd.s(next_hdr_txt);
    nd.s(b" HT:");
    nd.u(hdr_type as u64);
    nd.s(b"-");
    nd.u(hdr_subtype as u64);
    nd.s(b"-");
    nd.s(hdr_type_txt);
    nd.s(b" HopLim:");
    nd.u(hop_limit as u64);
    nd.s(b" Payload:");
    nd.u(payload_length as u64);
    nd.s(b" ");
    long_pos_vector(nd, bp + 8)?;
    nd.need(bp, COMMON_HDR_LEN)?;
    let mut length = length - COMMON_HDR_LEN;
    let mut bp = bp + COMMON_HDR_LEN;
    // The extended headers tcpdump knows the size of (the others stop the decoding here).
    let hdr_size = match (hdr_type, hdr_subtype) {
        (0, _) | (1, _) | (5, 0) => Some(0),
        (5, 1) => Some(68 - COMMON_HDR_LEN),
        _ => None,
    };
    if let Some(hdr_size) = hdr_size {
        if length < hdr_size {
            nd.s(b" (header size ");
            nd.u(hdr_size as u64);
            nd.s(b" > ");
            nd.u(length as u64);
            nd.s(b")");
            nd.invalid();
            return Ok(());
        }
        nd.need(bp, hdr_size)?;
        length -= hdr_size;
        bp += hdr_size;
        if next_hdr == 1 || next_hdr == 2 {
            if length < 4 {
                nd.s(b" (BTP length ");
                nd.u(length as u64);
                nd.s(b" < 4)");
                nd.invalid();
                return Ok(());
            }
            let dst = nd.be2(bp)?;
            nd.s(b"; BTP Dst:");
            nd.u(dst as u64);
            let src = nd.be2(bp + 2)?;
            nd.s(b" Src:");
            nd.u(src as u64);
            length -= 4;
            bp += 4;
            if length >= 2 {
                let v = nd.u1(bp)?;
                nd.s(b"; ItsPduHeader v:");
                nd.u(v as u64);
                let t = nd.u1(bp + 1)?;
                nd.s(b" t:");
                nd.u(t as u64);
                nd.s(b"-");
                match tok::name(MSG_TYPE, t as u32) {
                    Some(n) => nd.st(n),
                    None => {
                        nd.s(b"unknown (");
                        nd.u(t as u64);
                        nd.s(b")");
                    }
                }
            }
        }
    }
    if nd.vflag > 0 {
        nd.default_print_always(bp, length)?;
    }
    Ok(())
}

/// `print_long_pos_vector`: the address (as `linkaddr_string`: hex bytes), latitude and
/// longitude.
fn long_pos_vector(nd: &mut Nd, bp: usize) -> R {
    let a = nd.bytes(bp, ADDR_LEN)?;
    nd.s(b"GN_ADDR:");
    fmt::hexbytes(nd.out, a, b':');
    nd.s(b" ");
    let lat = nd.be4(bp + 12)?;
    nd.s(b"lat:");
    nd.u(lat as u64);
    nd.s(b" ");
    let lon = nd.be4(bp + 16)?;
    nd.s(b"lon:");
    nd.u(lon as u64);
    Ok(())
}
