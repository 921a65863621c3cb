//! VRRP v2 and v3 advertisements (tcpdump's print-vrrp.c), IP protocol 112: version, type,
//! router id, priority, interval and length; with -v the checksum verdict, the virtual
//! addresses and a v2 simple-authentication password.

use super::cksum;
use super::nd::{Nd, R};

/// `vrrp_print`: `iph` is the IPv4 or IPv6 header (v3 checksums use its pseudo-header),
/// `ttl` its TTL or hop limit (VRRP requires 255: anything else is shown), `ver` 4 or 6.
pub(crate) fn vrrp_print(nd: &mut Nd, bp: usize, len: usize, iph: usize, ttl: u8, ver: u8) -> R {
    nd.proto = "vrrp";
    nd.s(b"VRRP");
    let b0 = nd.u1(bp)?;
    let (version, typ) = (b0 >> 4, b0 & 0x0f);
    nd.s(b"v");
    nd.u(version as u64);
    if typ == 1 {
        nd.s(b", Advertisement");
    } else {
        nd.s(b", unknown type (");
        nd.u(typ as u64);
        nd.s(b")");
    }
    if ttl != 255 {
        nd.s(b", (ttl ");
        nd.u(ttl as u64);
        nd.s(b")");
    }
    if !(2..=3).contains(&version) || typ != 1 {
        return Ok(());
    }
    let (vrid, prio) = (nd.u1(bp + 1)?, nd.u1(bp + 2)?);
    nd.s(b", vrid ");
    nd.u(vrid as u64);
    nd.s(b", prio ");
    nd.u(prio as u64);
    let mut auth_type = 0;
    if version == 2 {
        auth_type = nd.u1(bp + 4)?;
        nd.s(b", authtype ");
        // tok2str with a NULL format: "#N" for an unknown value.
        match auth_type {
            0 => nd.s(b"none"),
            1 => nd.s(b"simple"),
            2 => nd.s(b"ah"),
            a => {
                nd.s(b"#");
                nd.u(a as u64);
            }
        }
        let intvl = nd.u1(bp + 5)?;
        nd.s(b", intvl ");
        nd.u(intvl as u64);
        nd.s(b"s, length ");
    } else {
        let intvl = ((nd.u1(bp + 4)? as u64 & 0x0f) << 8) | nd.u1(bp + 5)? as u64;
        nd.s(b", intvl ");
        nd.u(intvl);
        nd.s(b"cs, length ");
    }
    nd.u(len as u64);
    if nd.vflag == 0 {
        return Ok(());
    }
    let naddrs = nd.u1(bp + 3)?;
    if nd.ttest(bp, len) {
        let bad = if version == 2 {
            cksum::in_cksum(nd.bytes(bp, len)?) != 0
        } else {
            cksum::nextproto(nd, iph, bp, len, 112)? != 0
        };
        if bad {
            let sum = nd.be2(bp + 6)?;
            nd.s(b", (bad vrrp cksum ");
            nd.x(sum as u64);
            nd.s(b")");
        }
    }
    nd.s(b", addrs");
    if naddrs > 1 {
        nd.s(b"(");
        nd.u(naddrs as u64);
        nd.s(b")");
    }
    nd.s(b":");
    let mut c = b" ";
    let mut at = bp + 8;
    let alen = if ver == 4 { 4 } else { 16 };
    for _ in 0..naddrs {
        nd.need(at, alen)?;
        nd.s(c);
        if ver == 4 {
            nd.ip4(at)?;
        } else {
            nd.ip6(at)?;
        }
        at += alen;
        c = b",";
    }
    if version == 2 && auth_type == 1 {
        nd.s(b" auth \"");
        nd.printjnp(at, 8)?;
        nd.s(b"\"");
    }
    Ok(())
}
