//! sFlow v5 (tcpdump's print-sflow.c), UDP 6343: the agent and length; with -v every
//! sample (flow, counter and their expanded forms) and the records tcpdump decodes in them.

use super::nd::{Nd, R};

const DATAGRAM: usize = 28;
const DATAGRAM_V6: usize = 40;

/// A u64 field (`GET_BE_U_8`).
fn be8(nd: &Nd, at: usize) -> R<u64> {
    Ok(((nd.be4(at)? as u64) << 32) | nd.be4(at + 4)? as u64)
}

/// `ND_PRINT(fmt, ...)` for the record printers: literal text and numbers in turn.
enum F<'a> {
    S(&'a [u8]),
    U(u64),
}

fn put(nd: &mut Nd, parts: &[F]) {
    for p in parts {
        match p {
            F::S(s) => nd.s(s),
            F::U(v) => nd.u(*v),
        }
    }
}

/// `sflow_print`.
pub(crate) fn sflow_print(nd: &mut Nd, pptr: usize, len: usize) -> R {
    nd.proto = "sflow";
    let ip_version = nd.be4(pptr + 4)?;
    if (len < DATAGRAM && ip_version == 1) || (len < DATAGRAM_V6 && ip_version == 2) {
        let v = nd.be4(pptr)?;
        put(
            nd,
            &[
                F::S(b"sFlowv"),
                F::U(v as u64),
                F::S(b" [length "),
                F::U(len as u64),
                F::S(b" < 28]"),
            ],
        );
        nd.invalid();
        return Ok(());
    }
    nd.need(pptr, DATAGRAM)?;
    let version = nd.be4(pptr)?;
    if version != 5 {
        nd.s(b"sFlow version ");
        nd.u(version as u64);
        nd.s(b" packet not supported");
        return Ok(());
    }
    let v4 = ip_version == 1;
    let id_at = if v4 { pptr + 12 } else { pptr + 24 };
    if nd.vflag < 1 {
        if v4 {
            nd.need(pptr + 8, 4)?;
        } else {
            nd.need(pptr + 8, 16)?;
        }
        nd.need(id_at, 4)?;
        nd.s(b"sFlowv5, ");
        nd.s(if v4 { b"IPv4" } else { b"IPv6" });
        nd.s(b" agent ");
        if v4 {
            nd.ip4(pptr + 8)?;
        } else {
            nd.ip6(pptr + 8)?;
        }
        let id = nd.be4(id_at)?;
        nd.s(b", agent-id ");
        nd.u(id as u64);
        nd.s(b", length ");
        nd.u(len as u64);
        return Ok(());
    }
    let hdr = if v4 { DATAGRAM } else { DATAGRAM_V6 };
    let nsamples = nd.be4(pptr + hdr - 4)?;
    let seqnum = nd.be4(id_at + 4)?;
    let uptime = nd.be4(id_at + 8)?;
    let id = nd.be4(id_at)?;
    if v4 {
        nd.need(pptr + 8, 4)?;
    } else {
        nd.need(pptr + 8, 16)?;
    }
    nd.s(b"sFlowv5, ");
    nd.s(if v4 { b"IPv4" } else { b"IPv6" });
    nd.s(b" agent ");
    if v4 {
        nd.ip4(pptr + 8)?;
    } else {
        nd.ip6(pptr + 8)?;
    }
    put(
        nd,
        &[
            F::S(b", agent-id "),
            F::U(id as u64),
            F::S(b", seqnum "),
            F::U(seqnum as u64),
            F::S(b", uptime "),
            F::U(uptime as u64),
            F::S(b", samples "),
            F::U(nsamples as u64),
            F::S(b", length "),
            F::U(len as u64),
        ],
    );
    let (mut tptr, mut tlen) = (pptr, len);
    if tlen < hdr {
        put(
            nd,
            &[
                F::S(b" [tlen "),
                F::U(tlen as u64),
                F::S(b" < "),
                F::U(hdr as u64),
                F::S(b"]"),
            ],
        );
        return invalid(nd, tptr, tlen);
    }
    tptr += hdr;
    tlen -= hdr;
    let mut nsamples = nsamples;
    while nsamples > 0 && tlen > 0 {
        let stype = nd.be4(tptr)? & 0x0fff;
        let slen = nd.be4(tptr + 4)? as usize;
        if tlen < 8 {
            return invalid(nd, tptr, tlen);
        }
        tptr += 8;
        tlen -= 8;
        nd.s(b"\n\t");
        nd.s(match stype {
            1 => &b"flow sample"[..],
            2 => b"counter sample",
            3 => b"expanded flow sample",
            4 => b"expanded counter sample",
            _ => b"Unknown",
        });
        put(
            nd,
            &[
                F::S(b" ("),
                F::U(stype as u64),
                F::S(b"), length "),
                F::U(slen as u64),
                F::S(b","),
            ],
        );
        if stype == 0 || slen == 0 {
            return Ok(());
        }
        if tlen < slen {
            return invalid(nd, tptr, tlen);
        }
        nd.need(tptr, slen)?;
        let bad = match stype {
            1 => flow_sample(nd, tptr, tlen, false)?,
            2 => counter_sample(nd, tptr, tlen, false)?,
            3 => flow_sample(nd, tptr, tlen, true)?,
            4 => counter_sample(nd, tptr, tlen, true)?,
            _ => {
                if nd.vflag <= 1 {
                    nd.unknown_data(tptr, b"\n\t    ", slen)?;
                }
                false
            }
        };
        if bad {
            return invalid(nd, tptr, tlen);
        }
        tptr += slen;
        tlen -= slen;
        nsamples -= 1;
    }
    Ok(())
}

/// C's `invalid:` label: " (invalid)", then the rest must be captured.
fn invalid(nd: &mut Nd, tptr: usize, tlen: usize) -> R {
    nd.invalid();
    nd.need(tptr, tlen)
}

/// `sflow_print_flow_sample` / `sflow_print_expanded_flow_sample`; true is C's 1 (invalid).
fn flow_sample(nd: &mut Nd, p: usize, len: usize, expanded: bool) -> R<bool> {
    let size = if expanded { 44 } else { 32 };
    if len < size {
        return Ok(true);
    }
    let nrecords = nd.be4(p + size - 4)?;
    let seqnum = nd.be4(p)?;
    if expanded {
        let mut f = vec![F::S(b" seqnum "), F::U(seqnum as u64)];
        for (name, at) in [
            (&b", type "[..], 4),
            (b", idx ", 8),
            (b", rate ", 12),
            (b", pool ", 16),
            (b", drops ", 20),
        ] {
            f.push(F::S(name));
            f.push(F::U(nd.be4(p + at)? as u64));
        }
        f.push(F::S(b", records "));
        f.push(F::U(nrecords as u64));
        put(nd, &f);
    } else {
        let typ = nd.u1(p + 4)?;
        let idx = nd.be3(p + 5)?;
        let mut f = vec![
            F::S(b" seqnum "),
            F::U(seqnum as u64),
            F::S(b", type "),
            F::U(typ as u64),
            F::S(b", idx "),
            F::U(idx as u64),
        ];
        for (name, at) in [
            (&b", rate "[..], 8),
            (b", pool ", 12),
            (b", drops ", 16),
            (b", input ", 20),
            (b" output ", 24),
        ] {
            f.push(F::S(name));
            f.push(F::U(nd.be4(p + at)? as u64));
        }
        f.push(F::S(b" records "));
        f.push(F::U(nrecords as u64));
        put(nd, &f);
    }
    flow_records(nd, p + size, len - size, nrecords)
}

/// `sflow_print_flow_records`.
fn flow_records(nd: &mut Nd, mut tptr: usize, mut tlen: usize, mut nrecords: u32) -> R<bool> {
    while nrecords > 0 {
        if tlen < 8 {
            return Ok(true);
        }
        let format = nd.be4(tptr)?;
        let ftype = format & 0x0fff;
        let enterprise = format >> 12;
        let flen = nd.be4(tptr + 4)? as usize;
        let name: &[u8] = if enterprise != 0 {
            b"Unknown"
        } else {
            match ftype {
                1 => b"Raw packet",
                2 => b"Ethernet frame",
                3 => b"IPv4 Data",
                4 => b"IPv6 Data",
                1001 => b"Extended Switch data",
                1002 => b"Extended Router data",
                1003 => b"Extended Gateway data",
                1004 => b"Extended User data",
                1005 => b"Extended URL data",
                1006 => b"Extended MPLS data",
                1007 => b"Extended NAT data",
                1008 => b"Extended MPLS tunnel",
                1009 => b"Extended MPLS VC",
                1010 => b"Extended MPLS FEC",
                1011 => b"Extended MPLS LVP FEC",
                1012 => b"Extended VLAN Tunnel",
                _ => b"Unknown",
            }
        };
        put(
            nd,
            &[
                F::S(b"\n\t    enterprise "),
                F::U(enterprise as u64),
                F::S(b" "),
                F::S(name),
                F::S(b" ("),
                F::U(ftype as u64),
                F::S(b") length "),
                F::U(flen as u64),
            ],
        );
        tptr += 8;
        tlen -= 8;
        if tlen < flen {
            return Ok(true);
        }
        if enterprise == 0 {
            match ftype {
                1 => {
                    if tlen < 16 {
                        return Ok(true);
                    }
                    let proto = nd.be4(tptr)?;
                    let (l, stripped, hsize) =
                        (nd.be4(tptr + 4)?, nd.be4(tptr + 8)?, nd.be4(tptr + 12)?);
                    let pname: &[u8] = match proto {
                        1 => b"Ethernet",
                        11 => b"IPv4",
                        12 => b"IPv6",
                        _ => b"Unknown",
                    };
                    put(
                        nd,
                        &[
                            F::S(b"\n\t      protocol "),
                            F::S(pname),
                            F::S(b" ("),
                            F::U(proto as u64),
                            F::S(b"), length "),
                            F::U(l as u64),
                            F::S(b", stripped bytes "),
                            F::U(stripped as u64),
                            F::S(b", header_size "),
                            F::U(hsize as u64),
                        ],
                    );
                }
                1001 => {
                    if tlen < 16 {
                        return Ok(true);
                    }
                    let v: Vec<u64> = (0..4)
                        .map(|k| nd.be4(tptr + 4 * k).map(|x| x as u64))
                        .collect::<R<_>>()?;
                    put(
                        nd,
                        &[
                            F::S(b"\n\t      src vlan "),
                            F::U(v[0]),
                            F::S(b", src pri "),
                            F::U(v[1]),
                            F::S(b", dst vlan "),
                            F::U(v[2]),
                            F::S(b", dst pri "),
                            F::U(v[3]),
                        ],
                    );
                }
                2 => {
                    if tlen < 24 {
                        return Ok(true);
                    }
                    let (l, t) = (nd.be4(tptr)?, nd.be4(tptr + 20)?);
                    put(
                        nd,
                        &[
                            F::S(b"\n\t      frame len "),
                            F::U(l as u64),
                            F::S(b", type "),
                            F::U(t as u64),
                        ],
                    );
                }
                3 | 4 | 1002..=1012 => {}
                _ => {
                    if nd.vflag <= 1 {
                        nd.unknown_data(tptr, b"\n\t\t", flen)?;
                    }
                }
            }
        }
        tptr += flen;
        tlen -= flen;
        nrecords -= 1;
    }
    Ok(false)
}

/// `sflow_print_counter_sample` / `sflow_print_expanded_counter_sample`.
fn counter_sample(nd: &mut Nd, p: usize, len: usize, expanded: bool) -> R<bool> {
    let size = if expanded { 16 } else { 12 };
    if len < size {
        return Ok(true);
    }
    let nrecords = nd.be4(p + size - 4)?;
    let seqnum = nd.be4(p)?;
    let (typ, idx) = if expanded {
        (nd.be4(p + 4)?, nd.be4(p + 8)?)
    } else {
        (nd.u1(p + 4)? as u32, nd.be3(p + 5)?)
    };
    put(
        nd,
        &[
            F::S(b" seqnum "),
            F::U(seqnum as u64),
            F::S(b", type "),
            F::U(typ as u64),
            F::S(b", idx "),
            F::U(idx as u64),
            F::S(b", records "),
            F::U(nrecords as u64),
        ],
    );
    counter_records(nd, p + size, len - size, nrecords)
}

/// Reads `n` fields at `at`: `4` a u32, `8` a u64, in order.
fn fields(nd: &Nd, mut at: usize, sizes: &[usize]) -> R<Vec<u64>> {
    let mut v = Vec::with_capacity(sizes.len());
    for &s in sizes {
        v.push(if s == 8 {
            be8(nd, at)?
        } else {
            nd.be4(at)? as u64
        });
        at += s;
    }
    Ok(v)
}

/// Prints `labels[i]` then `values[i]` for each field.
fn labelled(nd: &mut Nd, labels: &[&[u8]], values: &[u64]) {
    for (l, v) in labels.iter().zip(values) {
        nd.s(l);
        nd.u(*v);
    }
}

/// One C statement of a record printer: its fields at `at` read (the packet may end
/// there), then printed each after its label.
fn stmt(nd: &mut Nd, at: usize, sizes: &[usize], labels: &[&[u8]]) -> R {
    let v = fields(nd, at, sizes)?;
    labelled(nd, labels, &v);
    Ok(())
}

/// `sflow_print_counter_records`.
fn counter_records(nd: &mut Nd, mut tptr: usize, mut tlen: usize, mut nrecords: u32) -> R<bool> {
    while nrecords > 0 {
        if tlen < 8 {
            return Ok(true);
        }
        let format = nd.be4(tptr)?;
        let ctype = format & 0x0fff;
        let enterprise = format >> 20;
        let clen = nd.be4(tptr + 4)? as usize;
        let name: &[u8] = if enterprise != 0 {
            b"Unknown"
        } else {
            match ctype {
                1 => b"Generic counter",
                2 => b"Ethernet counter",
                3 => b"Token ring counter",
                4 => b"100 BaseVG counter",
                5 => b"Vlan counter",
                1001 => b"Processor counter",
                _ => b"Unknown",
            }
        };
        put(
            nd,
            &[
                F::S(b"\n\t    enterprise "),
                F::U(enterprise as u64),
                F::S(b", "),
                F::S(name),
                F::S(b" ("),
                F::U(ctype as u64),
                F::S(b") length "),
                F::U(clen as u64),
            ],
        );
        tptr += 8;
        tlen -= 8;
        if tlen < clen {
            return Ok(true);
        }
        if enterprise == 0 {
            let bad = match ctype {
                1 => generic_counter(nd, tptr, tlen)?,
                2 => {
                    if tlen < 52 {
                        true
                    } else {
                        stmt(
                            nd,
                            tptr,
                            &[4; 5],
                            &[
                                b"\n\t      align errors ",
                                b", fcs errors ",
                                b", single collision ",
                                b", multiple collision ",
                                b", test error ",
                            ],
                        )?;
                        stmt(
                            nd,
                            tptr + 20,
                            &[4; 4],
                            &[
                                b"\n\t      deferred ",
                                b", late collision ",
                                b", excessive collision ",
                                b", mac trans error ",
                            ],
                        )?;
                        stmt(
                            nd,
                            tptr + 36,
                            &[4; 4],
                            &[
                                b"\n\t      carrier error ",
                                b", frames too long ",
                                b", mac receive errors ",
                                b", symbol errors ",
                            ],
                        )?;
                        false
                    }
                }
                3 => false,
                4 => {
                    if tlen < 80 {
                        true
                    } else {
                        stmt(
                            nd,
                            tptr,
                            &[4, 8],
                            &[b"\n\t      in high prio frames ", b", in high prio octets "],
                        )?;
                        stmt(
                            nd,
                            tptr + 12,
                            &[4, 8],
                            &[b"\n\t      in norm prio frames ", b", in norm prio octets "],
                        )?;
                        stmt(
                            nd,
                            tptr + 24,
                            &[4; 4],
                            &[
                                b"\n\t      in ipm errors ",
                                b", oversized ",
                                b", in data errors ",
                                b", null addressed frames ",
                            ],
                        )?;
                        stmt(
                            nd,
                            tptr + 40,
                            &[4, 8, 4],
                            &[
                                b"\n\t      out high prio frames ",
                                b", out high prio octets ",
                                b", trans into frames ",
                            ],
                        )?;
                        stmt(
                            nd,
                            tptr + 56,
                            &[8; 3],
                            &[
                                b"\n\t      in hc high prio octets ",
                                b", in hc norm prio octets ",
                                b", out hc high prio octets ",
                            ],
                        )?;
                        false
                    }
                }
                5 => {
                    if tlen < 28 {
                        true
                    } else {
                        stmt(
                            nd,
                            tptr,
                            &[4, 8, 4, 4, 4, 4],
                            &[
                                b"\n\t      vlan_id ",
                                b", octets ",
                                b", unicast_pkt ",
                                b", multicast_pkt ",
                                b", broadcast_pkt ",
                                b", discards ",
                            ],
                        )?;
                        false
                    }
                }
                1001 => {
                    if tlen < 28 {
                        true
                    } else {
                        // tcpdump labels the free memory "total_mem" too.
                        stmt(
                            nd,
                            tptr,
                            &[4, 4, 4, 8, 8],
                            &[
                                b"\n\t      5sec ",
                                b", 1min ",
                                b", 5min ",
                                b", total_mem ",
                                b", total_mem ",
                            ],
                        )?;
                        false
                    }
                }
                _ => {
                    if nd.vflag <= 1 {
                        nd.unknown_data(tptr, b"\n\t\t", clen)?;
                    }
                    false
                }
            };
            if bad {
                return Ok(true);
            }
        }
        tptr += clen;
        tlen -= clen;
        nrecords -= 1;
    }
    Ok(false)
}

/// `print_sflow_counter_generic`: each C statement reads all its fields before printing.
fn generic_counter(nd: &mut Nd, p: usize, len: usize) -> R<bool> {
    if len < 88 {
        return Ok(true);
    }
    let v = fields(nd, p, &[4, 4, 8, 4])?;
    labelled(
        nd,
        &[
            b"\n\t      ifindex ",
            b", iftype ",
            b", ifspeed ",
            b", ifdirection ",
        ],
        &v,
    );
    nd.s(match v[3] {
        0 => &b" (unknown)"[..],
        1 => b" (full-duplex)",
        2 => b" (half-duplex)",
        3 => b" (in)",
        4 => b" (out)",
        _ => b" (Unknown)",
    });
    let status = nd.be4(p + 20)?;
    nd.s(b"\n\t      ifstatus ");
    nd.u(status as u64);
    nd.s(b", adminstatus: ");
    nd.s(if status & 1 != 0 { b"up" } else { b"down" });
    nd.s(b", operstatus: ");
    nd.s(if (status >> 1) & 1 != 0 {
        b"up"
    } else {
        b"down"
    });
    let v = fields(nd, p + 24, &[8, 4, 4, 4, 4])?;
    labelled(
        nd,
        &[
            b"\n\t      In octets ",
            b", unicast pkts ",
            b", multicast pkts ",
            b", broadcast pkts ",
            b", discards ",
        ],
        &v,
    );
    let v = fields(nd, p + 48, &[4, 4])?;
    labelled(nd, &[b"\n\t      In errors ", b", unknown protos "], &v);
    let v = fields(nd, p + 56, &[8, 4, 4, 4, 4])?;
    labelled(
        nd,
        &[
            b"\n\t      Out octets ",
            b", unicast pkts ",
            b", multicast pkts ",
            b", broadcast pkts ",
            b", discards ",
        ],
        &v,
    );
    let v = fields(nd, p + 80, &[4, 4])?;
    labelled(nd, &[b"\n\t      Out errors ", b", promisc mode "], &v);
    Ok(false)
}
