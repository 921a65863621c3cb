//! VXLAN, OTV (UDP 8472, which is also flannel's and Cilium's VXLAN port) and Geneve, with
//! the inner frame (tcpdump's print-vxlan.c, print-otv.c, print-geneve.c).

use super::ether;
use super::names;
use super::nd::{Nd, Trunc, R};

/// `vxlan_print`: "VXLAN, flags [I] (0x08), vni N" and, on the next line, the inner frame.
pub(crate) fn vxlan_print(nd: &mut Nd, bp: usize, len: usize) -> R {
    nd.proto = "vxlan";
    nd.s(b"VXLAN");
    if len < 8 {
        nd.invalid();
        return Ok(());
    }
    let flags = nd.u1(bp)?;
    nd.s(b", flags [");
    if flags & 0x08 != 0 {
        nd.s(b"I");
    } else {
        nd.s(b"invalid");
    }
    nd.s(b"] (0x");
    nd.x0(flags as u64, 2);
    nd.s(b"), ");
    let vni = nd.be3(bp + 4)?;
    nd.s(b"vni ");
    nd.u(vni as u64);
    nd.s(b"\n");
    if !nd.ttest(bp + 7, 1) {
        return Err(Trunc);
    }
    let inner = bp + 8;
    let avail = nd.avail(inner);
    ether::ether_print(nd, inner, len - 8, avail)?;
    Ok(())
}

/// `geneve_print`.
pub(crate) fn geneve_print(nd: &mut Nd, bp: usize, len: usize) -> R {
    nd.proto = "geneve";
    nd.s(b"Geneve");
    if len < 8 {
        nd.s(b" [length ");
        nd.u(len as u64);
        nd.s(b" < 8]");
        nd.invalid();
        return Ok(());
    }
    if !nd.ttest(bp, 8) {
        nd.trunc();
        return Ok(());
    }
    let ver_opt = nd.u1(bp)?;
    let version = ver_opt >> 6;
    if version != 0 {
        nd.s(b" ERROR: unknown-version ");
        nd.u(version as u64);
        return Ok(());
    }
    let flags = nd.u1(bp + 1)?;
    let prot = nd.be2(bp + 2)?;
    let vni = nd.be3(bp + 4)?;
    let reserved = nd.u1(bp + 7)?;
    let mut len = len - 8;
    let mut bp = bp + 8;
    nd.s(b", Flags [");
    if flags == 0 {
        nd.s(b"none");
    } else {
        const NAMES: [&[u8]; 8] = [b"O", b"C", b"R1", b"R2", b"R3", b"R4", b"R5", b"R6"];
        for (k, name) in NAMES.iter().enumerate() {
            if flags & (0x80 >> k) != 0 {
                nd.s(name);
            }
        }
    }
    nd.s(b"], vni 0x");
    nd.x(vni as u64);
    if reserved != 0 {
        nd.s(b", rsvd 0x");
        nd.x(reserved as u64);
    }
    if nd.eflag {
        nd.s(b", proto ");
        nd.st(names::ethertype(prot).unwrap_or("unknown"));
        nd.s(b" (0x");
        nd.x0(prot as u64, 4);
        nd.s(b")");
    }
    let opts_len = ((ver_opt & 0x3f) as usize) * 4;
    if len < opts_len {
        nd.s(b" truncated-geneve - ");
        nd.u((opts_len - len) as u64);
        nd.s(b" bytes missing");
        return Ok(());
    }
    if !nd.ttest(bp, opts_len) {
        nd.trunc();
        return Ok(());
    }
    if opts_len > 0 {
        nd.s(b", options [");
        if nd.vflag > 0 {
            opts_print(nd, bp, opts_len)?;
        } else {
            nd.u(opts_len as u64);
            nd.s(b" bytes");
        }
        nd.s(b"]");
    }
    bp += opts_len;
    len -= opts_len;
    nd.s(if nd.vflag > 0 { b"\n\t" } else { b": " });
    let avail = nd.avail(bp);
    if !ether::ethertype_print(nd, prot, bp, len, avail, None)? {
        if prot == crate::ethertype::TEB {
            ether::ether_print(nd, bp, len, avail)?;
        } else {
            nd.s(b"geneve-proto-0x");
            nd.x(prot as u64);
        }
    }
    Ok(())
}

/// `geneve_opts_print` (-v; -vv adds each option's data words).
fn opts_print(nd: &mut Nd, mut bp: usize, mut len: usize) -> R {
    let mut sep: &[u8] = b"";
    while len > 0 {
        nd.s(sep);
        sep = b", ";
        let class = nd.be2(bp)?;
        let t = nd.u1(bp + 2)?;
        let opt_len = 4 + ((nd.u1(bp + 3)? & 0x1f) as usize) * 4;
        nd.s(b"class ");
        nd.s(match class {
            0x0100 => b"Linux",
            0x0101 => b"Open vSwitch",
            0x0102 => b"Open Virtual Networking (OVN)",
            0x0103 => b"In-band Network Telemetry (INT)",
            0x0104 => b"VMware",
            0..=0xff => b"Standard",
            0xfff0.. => b"Experimental",
            _ => b"Unknown",
        });
        nd.s(b" (0x");
        nd.x(class as u64);
        nd.s(b") type 0x");
        nd.x(t as u64);
        if t & 0x80 != 0 {
            nd.s(b"(C)");
        }
        nd.s(b" len ");
        nd.u(opt_len as u64);
        if opt_len > len {
            nd.s(b" [bad length]");
            return Ok(());
        }
        if nd.vflag > 1 && opt_len > 4 {
            nd.s(b" data");
            let mut i = 4;
            while i < opt_len {
                let w = nd.be4(bp + i)?;
                nd.s(b" ");
                nd.x0(w as u64, 8);
                i += 4;
            }
        }
        bp += opt_len;
        len -= opt_len;
    }
    Ok(())
}

/// `otv_print`: tcpdump reads UDP 8472 as OTV, whose header has VXLAN's layout.
pub(crate) fn otv_print(nd: &mut Nd, bp: usize, len: usize) -> R {
    nd.proto = "otv";
    nd.s(b"OTV, ");
    if len < 8 {
        nd.s(b"[length ");
        nd.u(len as u64);
        nd.s(b" < 8]");
        nd.invalid();
        if !nd.ttest(bp, len) {
            return Err(Trunc);
        }
        return Ok(());
    }
    let flags = nd.u1(bp)?;
    nd.s(b"flags [");
    nd.s(if flags & 0x08 != 0 { b"I" } else { b"." });
    nd.s(b"] (0x");
    nd.x0(flags as u64, 2);
    nd.s(b"), ");
    let overlay = nd.be3(bp + 1)?;
    nd.s(b"overlay ");
    nd.u(overlay as u64);
    nd.s(b", ");
    let instance = nd.be3(bp + 4)?;
    nd.s(b"instance ");
    nd.u(instance as u64);
    nd.s(b"\n");
    if !nd.ttest(bp + 7, 1) {
        return Err(Trunc);
    }
    let inner = bp + 8;
    let avail = nd.avail(inner);
    ether::ether_print(nd, inner, len - 8, avail)?;
    Ok(())
}
