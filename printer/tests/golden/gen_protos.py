#!/usr/bin/env python3
"""Crafts the per-protocol corner cases of the printer's golden corpus with scapy.

usage: gen_protos.py PCAPDIR

Writes one Ethernet pcap per protocol family, proto-NAME.pcap: packets of the protocols
decoded by their own printer modules (VRRP, NFS, STP, TFTP, RIP and RIPng, MPLS, Redis
RESP, SIP, HSRP, RADIUS, PIM, SNMP, Kerberos, sFlow, LLDP, CDP and the rest of SNAP, Ethernet loopback, BGP) that the conformance rig's real traffic does not make, each in its
ordinary form and in the forms tcpdump prints differently: every version and type, bad checksums,
odd TTLs, and snaplen cuts inside each field ("[|proto]"). `regen` prints them with tcpdump
like every other pcap; `regen --corpus` leaves proto-* alone (run this script instead).
Documentation addresses only.
"""
import struct
import sys

from scapy.all import Dot3, Ether, IP, IPv6, LLC, Raw, TCP, UDP
from scapy.layers.vrrp import VRRP, VRRPv3

T0 = 1710053990.123456  # as gen_corners.py: 10 s before the US DST change
A4, B4 = "192.0.2.1", "192.0.2.2"
A6 = "2001:db8::1"
MA, MB = "02:00:00:00:00:0a", "01:00:5e:00:00:12"


def eth(p):
    return Ether(src=MA, dst=MB) / p


def vrrp_packets():
    v4 = lambda p, ttl=255: eth(IP(src=A4, dst="224.0.0.18", ttl=ttl, proto=112) / p)
    v6 = lambda p, hlim=255: eth(IPv6(src=A6, dst="ff02::12", hlim=hlim) / p)
    good = [
        v4(VRRP(vrid=7, priority=100, addrlist=[B4])),
        v4(VRRP(vrid=8, priority=254, authtype=1, auth1=0x73656372, auth2=0x65740000,
                addrlist=[B4, "192.0.2.3"])),
        # An 8-character password (no NUL) and an unprintable one.
        v4(VRRP(vrid=9, authtype=1, auth1=0x41424344, auth2=0x45464748, addrlist=[B4])),
        v4(VRRP(vrid=9, authtype=1, auth1=0x01ff7f80, auth2=0, addrlist=[B4])),
        v4(VRRP(vrid=10, authtype=2, adv=3, addrlist=[B4])),
        v4(VRRP(vrid=10, authtype=9, addrlist=[])),
        v4(VRRP(vrid=11, chksum=0x1234, addrlist=[B4])),
        v4(VRRP(vrid=12, addrlist=[B4]), ttl=64),
        v4(VRRPv3(vrid=20, priority=200, adv=100, addrlist=[B4, "192.0.2.4", "192.0.2.5"])),
        v4(VRRPv3(vrid=21, adv=4095, chksum=0xbeef, addrlist=[B4])),
        v6(VRRPv3(vrid=22, adv=100, ipcount=2, addrlist=["fe80::1", A6])),
        v6(VRRPv3(vrid=23, adv=100, chksum=0x0001, ipcount=1, addrlist=["fe80::1"]), hlim=1),
        # Another type, and versions the printer stops at.
        v4(Raw(bytes([0x22, 1, 100, 0, 0, 1, 0, 0]))),
        v4(Raw(bytes([0x11, 1, 100, 0, 0, 1, 0, 0]))),
        v4(Raw(bytes([0x41, 1, 100, 0, 0, 1, 0, 0]))),
    ]
    # Snaplen cuts: in the fixed header, in the addresses, in the password, and a count of
    # addresses larger than the packet.
    cuts = [(good[1], 34 + 2), (good[1], 34 + 5), (good[1], 34 + 10), (good[1], 34 + 18),
            (good[1], 34 + 22), (good[8], 34 + 14), (good[10], 54 + 20)]
    lying = v4(Raw(bytes([0x21, 5, 100, 3, 0, 1, 0, 0]) + bytes.fromhex("c0000201")))
    return good + [lying], cuts


def u32(*v):
    return b"".join(struct.pack(">I", x & 0xFFFFFFFF) for x in v)


def u64(v):
    return struct.pack(">Q", v & 0xFFFFFFFFFFFFFFFF)


def opaque(b):
    """XDR variable-length opaque: length, bytes, zero padding."""
    return u32(len(b)) + b + bytes(-len(b) % 4)


AUTH_UNIX = u32(1) + opaque(u32(0x5f3759df) + opaque(b"client") + u32(0, 0) + u32(1, 0))
AUTH_NONE = u32(0, 0)


def call(xid, proc, args, vers=3, cred=AUTH_UNIX):
    return u32(xid, 0, 2, 100003, vers, proc) + cred + AUTH_NONE + args


def accepted(xid, body, astat=0):
    return u32(xid, 1, 0) + AUTH_NONE + u32(astat) + body


def fattr3(typ=2, mode=0o40755, size=4096, fileid=2):
    return (u32(typ, mode, 2, 0, 0) + u64(size) + u64(8192) + u32(0, 0) + u64(0x1234) +
            u64(fileid) + u32(1700000000, 1) + u32(1700000001, 2) + u32(1700000002, 3))


def post_op(present=True, **kw):
    return u32(1) + fattr3(**kw) if present else u32(0)


def wcc(pre=True, post=True):
    return ((u32(1) + u64(512) + u32(1700000000, 5, 1700000000, 6)) if pre else u32(0)) + \
        post_op(post)


# File handles that take each branch of tcpdump's Parse_fh guess.
FH_LINUX = bytes.fromhex("01000601") + bytes(range(1, 25))        # Unknown: printed in hex
FH_BSD = bytes([3, 0, 0, 0, 0, 0, 0, 0, 9, 0, 0, 0, 0x39, 0x30, 0, 0]) + bytes(16)
FH_SUNOS5 = bytes([0, 0x88, 0, 1, 0, 0, 0, 2, 0, 10, 0, 0, 0, 0, 0x10, 0]) + bytes(16)
FH_AUSPEX = bytes([0, 0, 0, 0, 0, 0, 7, 3, 0, 0, 0, 0, 0, 0, 0, 42])
FH_DECOSF = bytes([1, 2, 3, 4, 5, 0, 0, 0, 12, 0, 0, 0, 7, 0, 0, 0])
FH_IRIX4 = bytes([0, 0, 1, 2, 0, 8, 0, 0, 0, 0, 0, 99, 0, 0, 0, 0])
FH_SUNOS4 = bytes([0, 0, 1, 2, 3, 4, 5, 6, 0, 0, 0, 0, 0, 0, 0, 77])
FH_ULTRIX = bytes([5, 6, 0, 0, 0x10, 0, 1, 1]) + bytes(24)
FH_HPUX = bytes([1, 2, 3, 4, 0, 0, 0, 0, 0, 10, 0, 0, 0, 0, 0, 5])
FH_UCX = bytes([0]) + b"DKA100 " + bytes(6) + bytes(range(14, 32))
FH_SHORT = bytes(8)


def nfs_packets():
    S, C = B4, A4
    v4u = lambda c2s, p, sp=800: eth(IP(src=C if c2s else S, dst=S if c2s else C) /
                                     UDP(sport=sp if c2s else 2049, dport=2049 if c2s else sp) / Raw(p))
    fh = lambda h: opaque(h)
    name = lambda n: opaque(n)
    sattr = u32(1, 0o644, 1, 1000, 1, 100, 0, 2, 1700000000, 7, 1)
    pkts = []
    x = 0x100

    def pair(proc, args, rep, vers=3, sp=800):
        nonlocal x
        x += 1
        pkts.append(v4u(True, call(x, proc, args, vers), sp))
        if rep is not None:
            pkts.append(v4u(False, rep(x), sp))

    ok = lambda body: (lambda xid: accepted(xid, body))
    ok0 = lambda rest: ok(u32(0) + rest)
    err = lambda e, rest=b"": ok(u32(e) + rest)
    # NFSv3, every procedure, a reply for each.
    pair(0, b"", ok(b""))
    for h in (FH_LINUX, FH_BSD, FH_SUNOS5, FH_AUSPEX, FH_DECOSF, FH_IRIX4, FH_SUNOS4,
              FH_ULTRIX, FH_HPUX, FH_UCX, FH_SHORT):
        pair(1, fh(h), ok0(fattr3()))
    pair(1, fh(FH_LINUX), err(70))
    pair(1, fh(FH_LINUX), err(12345))
    pair(2, fh(FH_LINUX) + sattr + u32(0), ok0(wcc()))
    pair(3, fh(FH_LINUX) + name(b"hello.txt"), ok0(fh(FH_LINUX) + post_op(typ=1, mode=0o100644, size=5) + post_op()))
    pair(3, fh(FH_LINUX) + name(b"missing\x01\xff"), err(2, post_op()))
    for a in (0x1f, 0x3f, 0x01, 0x2c, 0x40):
        pair(4, fh(FH_LINUX) + u32(a), ok0(post_op() + u32(a & 0x1f)))
    pair(5, fh(FH_LINUX), ok0(post_op(typ=5, mode=0o120777) + opaque(b"target/path")))
    pair(6, fh(FH_LINUX) + u64(8192) + u32(4096), ok0(post_op(typ=1, mode=0o100600) + u32(4096, 1) + opaque(b"x" * 16)))
    for mode in (0, 1, 2, 7):
        pair(7, fh(FH_LINUX) + u64(1 << 33) + u32(16, mode) + opaque(b"y" * 16),
             ok0(wcc() + u32(16, mode) + u64(0xdeadbeefcafe)))
    pair(7, fh(FH_LINUX) + u64(0) + u32(4, 2) + opaque(b"zzzz"), err(28, wcc(False, False)))
    pair(8, fh(FH_LINUX) + name(b"new") + u32(0) + sattr, ok0(u32(1) + fh(FH_LINUX) + post_op() + wcc()))
    pair(9, fh(FH_LINUX) + name(b"dir") + sattr, ok0(u32(0) + wcc()))
    pair(9, fh(FH_LINUX) + name(b"dir"), err(17, wcc()))
    pair(10, fh(FH_LINUX) + name(b"link") + sattr + name(b"/target"), ok0(u32(1) + fh(FH_LINUX) + post_op() + wcc()))
    pair(11, fh(FH_LINUX) + name(b"dev") + u32(4) + sattr + u32(1, 3), ok0(u32(1) + fh(FH_LINUX) + u32(0) + wcc()))
    pair(11, fh(FH_LINUX) + name(b"fifo") + u32(7) + sattr, ok0(u32(0) + wcc()))
    pair(11, fh(FH_LINUX) + name(b"odd") + u32(9) + u32(0, 0, 0, 0, 0, 0), err(10004, wcc()))
    pair(12, fh(FH_LINUX) + name(b"old"), ok0(wcc()))
    pair(13, fh(FH_LINUX) + name(b"dir"), err(66, wcc()))
    pair(14, fh(FH_LINUX) + name(b"a") + fh(FH_BSD) + name(b"b"), ok0(wcc() + wcc()))
    pair(15, fh(FH_LINUX) + fh(FH_BSD) + name(b"hard"), ok0(post_op() + wcc()))
    pair(16, fh(FH_LINUX) + u64(0) + u64(0x0102030405060708) + u32(4096), ok0(post_op() + u64(0x1122334455667788) + u32(0, 1)))
    pair(16, fh(FH_LINUX) + u64(0xffffffffffffffff) + u64(0) + u32(512), err(10003, post_op(False)))
    pair(17, fh(FH_LINUX) + u64(0) + u64(0) + u32(4096, 32768), ok0(post_op() + u64(7) + u32(0, 1)))
    pair(18, fh(FH_LINUX), ok0(post_op() + u64(1 << 40) + u64(1 << 39) + u64(1 << 38) + u64(1000) + u64(900) + u64(800) + u32(0)))
    pair(19, fh(FH_LINUX), ok0(post_op() + u32(1048576, 1048576, 4096, 1048576, 1048576, 4096, 1048576) + u64(1 << 63) + u32(0, 1, 0x1b)))
    pair(20, fh(FH_LINUX), ok0(post_op() + u32(255, 255, 1, 1, 0, 1)))
    pair(20, fh(FH_LINUX), ok0(post_op() + u32(32000, 255, 0, 0, 1, 0)))
    pair(21, fh(FH_LINUX) + u64(0) + u32(0), ok0(wcc() + u64(0xdeadbeefcafe)))
    pair(22, b"", ok(b""))
    # Rejected and refused calls, and a reply to a call never seen.
    pair(1, fh(FH_LINUX), lambda xid: u32(xid, 1, 1, 0, 2, 4))
    pair(1, fh(FH_LINUX), lambda xid: u32(xid, 1, 1, 1, 5))
    pair(1, fh(FH_LINUX), lambda xid: u32(xid, 1, 1, 1, 99))
    pair(1, fh(FH_LINUX), lambda xid: u32(xid, 1, 1, 7))
    pair(1, fh(FH_LINUX), lambda xid: u32(xid, 1, 7))
    pair(1, fh(FH_LINUX), lambda xid: accepted(xid, b"", astat=3))
    pair(1, fh(FH_LINUX), lambda xid: accepted(xid, b"", astat=9))
    pkts.append(v4u(False, accepted(0xabcdef, u32(0) + fattr3())))
    # NFSv2: the procedures are renumbered, attributes and handles are v2's.
    fh2 = FH_LINUX[:32]
    fattr2 = u32(1, 0o100644, 1, 0xfffffffe, 0xfffffffe, 10, 4096, 0, 1, 5, 6) + u32(1, 2, 3, 4, 5, 6)
    pair(1, fh2, ok(u32(0) + fattr2), vers=2)
    pair(4, fh2 + name(b"f"), ok(u32(0) + fh2 + fattr2), vers=2)
    pair(6, fh2 + u32(0, 1024, 0), ok(u32(0) + fattr2 + opaque(b"d")), vers=2)
    pair(8, fh2 + u32(0, 10, 0, 10) + opaque(b"data567890"), ok(u32(0) + fattr2), vers=2)
    pair(16, fh2 + u32(0, 512), ok(u32(0) + u32(0, 0, 1)), vers=2)
    pair(17, fh2, ok(u32(0) + u32(8192, 4096, 100, 50, 40)), vers=2)
    pair(10, fh2 + name(b"gone"), ok(u32(13)), vers=2)
    pair(20, fh2, ok(b""), vers=2)
    # Over TCP (a record mark first), and over IPv6.
    x += 1
    tcp = lambda c2s, p: eth(IP(src=C if c2s else S, dst=S if c2s else C) /
                             TCP(sport=700 if c2s else 2049, dport=2049 if c2s else 700, flags="PA",
                                 seq=1, ack=1) / Raw(u32(0x80000000 | len(p)) + p))
    pkts.append(tcp(True, call(x, 1, fh(FH_LINUX))))
    pkts.append(tcp(False, accepted(x, u32(0) + fattr3())))
    pkts.append(tcp(True, u32(1, 2, 3)[:3]))
    x += 1
    v6 = lambda c2s, p: eth(IPv6(src=A6 if c2s else "2001:db8::2", dst="2001:db8::2" if c2s else A6) /
                            UDP(sport=900 if c2s else 2049, dport=2049 if c2s else 900) / Raw(p))
    pkts.append(v6(True, call(x, 3, fh(FH_LINUX) + name(b"six"))))
    pkts.append(v6(False, accepted(x, u32(0) + fh(FH_LINUX) + post_op() + post_op())))
    # Not NFS: a reply to port 2049, a call from it, a name that cannot be padded.
    pkts.append(v4u(True, u32(5, 1, 0, 0)))
    pkts.append(v4u(False, call(9, 1, fh(FH_LINUX))))
    pkts.append(v4u(True, call(10, 3, fh(FH_LINUX) + u32(0xfffffffe))))
    # Snaplen cuts through a call and a reply at each stage.
    cuts = [(pkts[3], n) for n in (42 + 6, 42 + 12, 42 + 22, 42 + 30, 42 + 60, 42 + 80, 42 + 92)]
    # A reply is decoded only after its call: each cut reply follows its call, whole.
    for call_i in (30, 46, 48, 58, 84, 88):  # lookup, read, write, create, readdirplus, fsinfo
        for n in (42 + 10, 42 + 26, 42 + 34, 42 + 50, 42 + 90, 42 + 120, 42 + 140):
            cuts += [(pkts[call_i], None), (pkts[call_i + 1], n)]
    return pkts, cuts


def stp_packets():
    llc = lambda b: Dot3(src=MA, dst="01:80:c2:00:00:00") / LLC(dsap=0x42, ssap=0x42, ctrl=3) / Raw(b)
    bid = lambda prio, mac: struct.pack(">H", prio) + bytes.fromhex(mac)

    def bpdu(version=0, typ=0, flags=0, cost=4, port=0x8001, times=(0, 0x1400, 0x200, 0xf00),
             v1=None):
        b = struct.pack(">HBBB", 0, version, typ, flags) + bid(0x8000, "020000000001") + \
            u32(cost) + bid(0x8001, "02000000000a") + struct.pack(">H4H", port, *times)
        return b + (bytes([v1]) if v1 is not None else b"")

    def mstp(n_msti, version=3, flags=0x7c, v1=0, v3extra=0, spb=None):
        b = bpdu(version, 2, flags, v1=v1)
        body = bytes([0]) + b"region-one".ljust(32, b"\0") + struct.pack(">H", 7) + \
            bytes(range(16)) + u32(20000) + bid(0x8000, "02000000000b") + bytes([20])
        for i in range(n_msti):
            body += bytes([0x3c - 4 * i]) + bid(0x8000 | (i + 1), "02000000000c") + u32(100 * i) + \
                bytes([0x80, 0x80, 19])
        b += struct.pack(">H", len(body) + v3extra) + body
        if spb is not None:
            b += spb
        return b

    spb = struct.pack(">H", 85) + bytes([0]) + b"aux-name".ljust(32, b"\0") + \
        struct.pack(">H", 3) + bytes(range(16, 32)) + bytes([0xdc, 0, 0x12, 0x34]) + \
        struct.pack(">H", 9) + bytes(8) + bytes(range(20))
    pkts = [
        llc(bpdu()),
        llc(bpdu(flags=0x81, times=(0x20, 0x60, 0x1, 0xffff))),
        llc(bpdu(flags=0x7f, times=(0x80, 0x180, 0x280, 0x380))),
        llc(struct.pack(">HBB", 0, 0, 0x80)),
        llc(bpdu(2, 2, 0x3c, v1=0)),
        llc(bpdu(2, 2, 0x0e, v1=0)),
        llc(bpdu(2, 2, 0x02, v1=0)[:-1]),
        llc(bpdu(7, 0)),
        llc(struct.pack(">HBB", 1, 0, 0)),
        llc(bpdu(0, 0x33)),
        llc(bpdu(0, 2)),
        llc(bytes([0, 0])),
        llc(bpdu()[:30]),
        llc(mstp(0)),
        llc(mstp(2)),
        llc(mstp(1, v1=1)),
        llc(mstp(1)[:100]),
        llc(mstp(1, v3extra=40)),
        llc(mstp(1, version=4, spb=spb)),
        llc(mstp(0, version=4, spb=spb[:60])),
    ]
    cuts = [(pkts[1], n) for n in (14 + 3 + 3, 14 + 3 + 10, 14 + 3 + 30, 14 + 3 + 34)]
    cuts += [(pkts[14], n) for n in (14 + 3 + 40, 14 + 3 + 80, 14 + 3 + 100, 14 + 3 + 120, 14 + 3 + 140)]
    cuts += [(pkts[18], n) for n in (14 + 3 + 140, 14 + 3 + 170, 14 + 3 + 200)]
    return pkts, cuts


def tftp_packets():
    u = lambda p, sp=40000, dp=69: eth(IP(src=A4, dst=B4) / UDP(sport=sp, dport=dp) / Raw(p))
    op = lambda n: struct.pack(">H", n)
    pkts = [
        u(op(1) + b"boot/pxelinux.0\0octet\0"),
        u(op(1) + b"f\0netascii\0blksize\x001428\0tsize\x000\0"),
        u(op(2) + b"up\x01\xffload\0octet\0\0"),
        u(op(6) + b"blksize\x001428\0tsize\x0012345\0", sp=69, dp=40000),
        u(op(3) + op(1) + b"x" * 512, sp=69, dp=40000),
        u(op(4) + op(65535)),
        u(op(5) + op(1) + b"File not found\0", sp=69, dp=40000),
        u(op(5) + op(42) + b"odd code\0", sp=69, dp=40000),
        u(op(5) + op(0) + b"no terminator", sp=69, dp=40000),
        u(op(5) + op(2)),
        u(op(5) + op(2)[:1]),
        u(op(9) + b"junk"),
        u(op(0)),
        u(b"\x00"),
        u(b""),
        u(op(1) + b"name-only\0"),
        u(op(1) + b"no-nul"),
        u(op(1)),
        u(op(3)),
        u(op(6) + b"x\0y"),
        u(op(1) + b"a\0octet\0blksize\x001428\0", sp=69, dp=69),
    ]
    cuts = [(pkts[1], n) for n in (42 + 1, 42 + 3, 42 + 6, 42 + 14, 42 + 24)]
    cuts += [(pkts[6], n) for n in (42 + 3, 42 + 8)]
    return pkts, cuts


def rip_packets():
    u = lambda p: eth(IP(src=A4, dst="224.0.0.9") / UDP(sport=520, dport=520) / Raw(p))
    hdr = lambda cmd, vers: bytes([cmd, vers, 0, 0])
    v1 = lambda dest, metric, fam=2: struct.pack(">HH", fam, 0) + bytes(map(int, dest.split("."))) + \
        bytes(8) + u32(metric)
    v2 = lambda dest, mask, nh, metric, fam=2, tag=0: struct.pack(">HH", fam, tag) + \
        bytes(map(int, dest.split("."))) + u32(mask) + bytes(map(int, nh.split("."))) + u32(metric)
    auth = lambda typ, body: struct.pack(">HH", 0xffff, typ) + body
    pkts = [
        u(hdr(1, 1) + v1("0.0.0.0", 16, fam=0)),
        u(hdr(2, 1) + v1("198.51.100.0", 1) + v1("203.0.113.0", 2) + v1("192.0.2.0", 16, fam=0)),
        u(hdr(2, 1) + v1("198.51.100.0", 1, fam=24)),
        u(hdr(2, 1) + v1("198.51.100.0", 1)[:6] + b"\x01" + v1("198.51.100.0", 1)[7:]),
        u(hdr(2, 1) + v1("198.51.100.0", 1)[:12]),
        u(hdr(2, 1) + v1("198.51.100.0", 1)[:3] + b"\x07" + v1("198.51.100.0", 1)[4:]),
        u(hdr(2, 1) + v1("198.51.100.0", 1)[:11] + b"\x07" + v1("198.51.100.0", 1)[12:]),
        u(hdr(1, 2) + v2("0.0.0.0", 0, "0.0.0.0", 16, fam=0)),
        u(hdr(2, 2) + v2("198.51.100.0", 0xffffff00, "0.0.0.0", 1, tag=0x1234) +
          v2("203.0.113.128", 0xffffff80, "192.0.2.254", 3) + v2("10.0.0.0", 0xff00ff00, "0.0.0.0", 5) +
          v2("192.0.2.1", 0xffffffff, "0.0.0.0", 15)),
        u(hdr(2, 2) + auth(2, b"secret".ljust(16, b"\0")) + v2("198.51.100.0", 0xffffff00, "0.0.0.0", 1)),
        u(hdr(2, 2) + auth(2, b"sixteen-chars-pw") + v2("198.51.100.0", 0xffffff00, "0.0.0.0", 1)),
        u(hdr(2, 2) + auth(3, struct.pack(">HBBI", 44, 1, 16, 7) + bytes(8)) +
          v2("198.51.100.0", 0xffffff00, "0.0.0.0", 1) + auth(1, bytes(range(16)))),
        u(hdr(2, 2) + auth(9, bytes(range(12)))),
        u(hdr(2, 2) + v2("198.51.100.0", 0xffffff00, "0.0.0.0", 1, fam=28)),
        u(hdr(2, 2) + v2("198.51.100.0", 0xffffff00, "0.0.0.0", 1)[:10]),
        u(hdr(2, 2) + auth(3, bytes(6))),
        u(hdr(2, 2)[:2]),
        u(hdr(2, 0) + bytes(8)),
        u(hdr(3, 1) + b"/tmp/trace"),
        u(hdr(4, 1)),
        u(hdr(5, 2)),
        u(hdr(6, 2)),
        u(hdr(9, 1) + bytes(4)),
        u(hdr(2, 3) + v2("198.51.100.0", 0xffffff00, "0.0.0.0", 1)),
    ]
    cuts = [(pkts[6], n) for n in (42 + 2, 42 + 5, 42 + 14, 42 + 30, 42 + 50)]
    cuts += [(pkts[7], n) for n in (42 + 10, 42 + 20)]
    # RIPng (UDP port 521, over IPv6).
    import ipaddress
    u6 = lambda p: eth(IPv6(src="fe80::1", dst="ff02::9") / UDP(sport=521, dport=521) / Raw(p))
    net6 = lambda pfx, plen, metric, tag=0: ipaddress.IPv6Address(pfx).packed + \
        struct.pack(">HBB", tag, plen, metric)
    ng = [
        u6(hdr(1, 1) + net6("::", 0, 16)),
        u6(hdr(1, 1) + net6("2001:db8:1::", 48, 1) + net6("2001:db8:2::", 64, 0)),
        u6(hdr(2, 1) + net6("2001:db8:1::", 48, 1) + net6("2001:db8:2::", 64, 0, tag=7) +
           net6("2001:db8:3::", 56, 16)),
        u6(hdr(2, 1) + net6("2001:db8:1::", 48, 1) + b"xyz"),
        u6(hdr(2, 1)),
        u6(hdr(2, 1)[:3]),
        u6(hdr(2, 2) + net6("2001:db8:1::", 48, 1)),
        u6(hdr(9, 1)),
    ]
    cuts += [(ng[2], n) for n in (62 + 1, 62 + 10, 62 + 22, 62 + 23, 62 + 44)]
    return pkts + ng, cuts


def mpls_packets():
    lbl = lambda label, s=0, tc=0, ttl=64: u32((label << 12) | (tc << 9) | (s << 8) | ttl)
    e = lambda p, t=0x8847: Ether(src=MA, dst=MB, type=t) / Raw(p)
    ip4 = bytes(IP(src=A4, dst=B4) / UDP(sport=1000, dport=2000) / Raw(b"x" * 8))
    ip6 = bytes(IPv6(src=A6, dst="2001:db8::2") / UDP(sport=1000, dport=2000) / Raw(b"y" * 8))
    pkts = [
        e(lbl(100704, 1, 0, 1) + ip4),
        e(lbl(16, 0, 5, 255) + lbl(17, 0, 0, 254) + lbl(0, 1, 7, 253) + ip4),
        e(lbl(2, 1) + ip6),
        e(lbl(3, 1) + ip4, t=0x8848),
        e(lbl(1, 0) + lbl(15, 1) + ip6),
        # (An OSI payload, first byte 0x81-0x83, goes to tcpdump's isoclns_print, which the
        # printer does not carry: not here.)
        e(lbl(2000, 1) + b"\x99abcdefg"),
        e(lbl(2000, 1)),
        e(lbl(2000, 0) + lbl(2001, 0)),
        e(lbl(2000, 0)[:3]),
        eth(IP(src=A4, dst=B4) / UDP(sport=50000, dport=6635) / Raw(lbl(300, 1) + ip4)),
    ]
    cuts = [(pkts[1], n) for n in (14 + 2, 14 + 6, 14 + 12, 14 + 20, 14 + 30)]
    return pkts, cuts


def resp_packets():
    seq = [1]

    def t(p, to_server=True):
        sp, dp = (40000, 6379) if to_server else (6379, 40000)
        pkt = eth(IP(src=A4 if to_server else B4, dst=B4 if to_server else A4) /
                  TCP(sport=sp, dport=dp, flags="PA", seq=seq[0], ack=1) / Raw(p))
        seq[0] += len(p)
        return pkt

    pkts = [
        t(b"*3\r\n$3\r\nSET\r\n$3\r\nkey\r\n$5\r\nvalue\r\n"),
        t(b"+OK\r\n", False),
        t(b"*2\r\n$3\r\nGET\r\n$3\r\nkey\r\n*2\r\n$4\r\nINCR\r\n$1\r\nz\r\n"),
        t(b"$5\r\nvalue\r\n:42\r\n", False),
        t(b"$-1\r\n*-1\r\n*0\r\n$0\r\n\r\n-ERR unknown command 'FOO'\r\n", False),
        t(b"PING\r\nPING\nECHO hi\r\n\r\nQUIT\r\n"),
        t(b"*2\r\n*1\r\n:1\r\n*2\r\n+a\r\n$1\r\n\x01\r\n", False),
        t(b"$99999999999\r\n"),
        t(b"$-7\r\n"),
        t(b"$x\r\n"),
        t(b"$3\rx"),
        t(b"*2\r\n$3\r\nGET\r\n"),
        t(b"$10\r\nshort\r\n"),
        t(b"+no terminator"),
        t(b"*1\r\n" * 3000 + b"+deep\r\n"),
        t(b"\r\n\r\n"),
    ]
    cuts = [(pkts[0], n) for n in (54 + 1, 54 + 6, 54 + 12, 54 + 20)]
    return pkts, cuts


def sip_packets():
    u = lambda p, sp=5060, dp=5060: eth(IP(src=A4, dst=B4) / UDP(sport=sp, dport=dp) / Raw(p))
    inv = (b"INVITE sip:bob@example.com SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.1:5060\r\n"
           b"From: <sip:alice@example.com>;tag=1\r\nTo: <sip:bob@example.com>\r\n"
           b"Call-ID: 1@192.0.2.1\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n")
    pkts = [
        u(inv),
        u(b"SIP/2.0 200 OK\r\nCSeq: 1 INVITE\r\n\r\n", dp=40000),
        u(b"register sip:example.com SIP/2.0\r\n\r\n", sp=40000),
        u(b"SIP/2.0 180 Ringing\nContact: x\n"),
        u(b"FOO sip:x SIP/2.0\r\n\r\n"),
        u(b"SIP/2.0 20x Odd\r\n"),
        u(b"ACK"),
        u(b"\x00\x01binary"),
        u(b""),
    ]
    cuts = [(pkts[0], n) for n in (42 + 3, 42 + 20, 42 + 60)]
    return pkts, cuts


def hsrp_packets():
    u = lambda p, dp=1985: eth(IP(src=A4, dst="224.0.0.2", ttl=1) / UDP(sport=1985, dport=dp) / Raw(p))
    h = lambda op=0, state=16, hello=3, hold=10, prio=120, group=1, rsvd=0, auth=b"cisco\0\0\0", vers=0: \
        bytes([vers, op, state, hello, hold, prio, group, rsvd]) + auth + bytes([192, 0, 2, 254])
    pkts = [
        u(h()),
        u(h(op=1, state=4, hello=0, hold=200)),
        u(h(op=2, state=8, hello=61, hold=255, auth=b"8charsOK")),
        u(h(op=7, state=3, rsvd=5, auth=b"\x01\x7f\x80\xff\0\0\0\0")),
        u(h(state=0) + b"extra"),
        u(h(vers=1)),
        u(h(), dp=40000),
    ]
    cuts = [(pkts[0], n) for n in (42 + 1, 42 + 2, 42 + 3, 42 + 7, 42 + 8, 42 + 18, 42 + 20)]
    return pkts, cuts


def radius_packets():
    def u(p, sp=40000, dp=1812, v6=False):
        ip = IPv6(src=A6, dst="2001:db8::2") if v6 else IP(src=A4, dst=B4)
        return eth(ip / UDP(sport=sp, dport=dp) / Raw(p))

    def attr(t, v):
        return bytes([t, len(v) + 2]) + v

    def rad(code, ident, attrs, length=None):
        body = b"".join(attrs)
        n = 20 + len(body) if length is None else length
        return bytes([code, ident]) + struct.pack(">H", n) + bytes(range(16)) + body

    def eap(code, ident, body=b""):
        return bytes([code, ident]) + struct.pack(">H", 4 + len(body)) + body

    n32 = lambda v: struct.pack(">I", v)
    req = rad(1, 5, [
        attr(1, b"alice"), attr(4, bytes([192, 0, 2, 1])), attr(5, n32(50012)),
        attr(61, n32(15)), attr(6, n32(2)), attr(30, b"00-19-06-EA-B8-8C"),
        attr(79, eap(2, 0, b"\x01alice")), attr(80, bytes(range(0xf0, 0x100))),
        attr(2, bytes(16)), attr(24, b"st\x00ate"),
    ])
    accept = rad(2, 5, [
        attr(8, n32(0xFFFFFFFE)), attr(14, n32(0xFFFFFFFF)), attr(9, bytes([255, 255, 255, 0])),
        attr(27, n32(3700)), attr(28, n32(59)), attr(85, n32(600)), attr(41, n32(0)),
        attr(64, bytes([1, 0, 0, 13])), attr(65, bytes([0, 0, 0, 6])),
        attr(81, b"\x01vlan100"), attr(81, b"vlan200"), attr(83, bytes([0, 0, 0, 7])),
        attr(56, bytes([0x31, 0, 0, 100])), attr(58, b"\x32blue"), attr(69, b"\x02\x12\x34pw"),
        attr(26, n32(311) + bytes([1, 6]) + b"abcd" + bytes([7, 3, 0x80])),
        attr(26, n32(99999) + bytes([1, 1])), attr(26, n32(9) + bytes([1, 9, 0x41])),
        attr(79, eap(3, 1)), attr(37, n32(0)), attr(38, n32(0)), attr(23, n32(0xFFFFFFFE)),
    ])
    acct = rad(4, 9, [
        attr(40, n32(1)), attr(40, n32(99)), attr(55, n32(1710053990)), attr(49, n32(1)),
        attr(46, n32(86399)), attr(45, n32(1)), attr(10, n32(3)), attr(13, n32(4)),
        attr(15, n32(8)), attr(29, n32(1)), attr(72, n32(2)), attr(76, n32(1)),
        attr(57, n32(2)), attr(95, bytes.fromhex("20010db8000000000000000000000001")),
        attr(97, bytes([0, 64, 0x20, 0x01, 0x0d, 0xb8, 0, 1, 0, 0])),
        attr(123, bytes([0, 129])), attr(97, bytes([0, 96, 0x20, 0x01])),
        attr(101, n32(404)), attr(101, n32(999)), attr(124, bytes(6) + bytes([0x01, 0x03])),
        attr(125, bytes([64]) + bytes.fromhex("20010db8000000000000000000000000")),
        attr(126, b"\x31example.com"), attr(126, b"\x39x"),
        attr(70, bytes(range(16))), attr(71, bytes([1, 8]) + bytes(range(12))),
        attr(84, bytes(range(8))), attr(5, n32(1)[:2]), attr(55, b"12"),
        attr(127, bytes([0, 1, 0, 1]) + bytes(16) + b"GPS"),
        attr(128, bytes([0, 2]) + b"location"), attr(129, bytes([0x80, 1]) + bytes(8) + b"note"),
        attr(200, b"?"), attr(0, b"zero"), attr(17, b"x"), attr(3, b""),
    ])
    pkts = [
        u(req),
        u(accept, sp=1812, dp=40000),
        u(acct, dp=1813),
        u(rad(43, 1, [attr(1, b"bob"), attr(101, n32(201))]), dp=3799),
        u(rad(41, 1, []), sp=1700, dp=40000),
        u(rad(99, 2, [attr(1, b"x")]), dp=1645),
        u(rad(5, 3, []), sp=1646, dp=40000, v6=True),
        u(rad(1, 4, [attr(79, eap(1, 2, b"\x0d\xa0" + n32(1000))),
                     attr(79, eap(2, 2, b"\x03\x0d\x15\x19")),
                     attr(79, eap(1, 3, b"\x15\x21")), attr(79, eap(1, 3, b"\x2b\x81")),
                     attr(79, eap(1, 3, b"\x12\x0a")), attr(79, eap(1, 3, b"\x02hi")),
                     attr(79, eap(1, 3, b"\x02")), attr(79, eap(1, 3, b"\x04")),
                     attr(79, b"\x02\x03\x00\x09abc"), attr(79, b"\x01\x03\x00\x03")])),
        # A bogus attribute length, one past the packet, a header length below 20 and
        # one above the datagram.
        u(rad(1, 6, [attr(1, b"ok"), b"\x05\x01xx"])),
        u(rad(1, 6, [attr(1, b"ok"), b"\x05\x09xx"])),
        u(rad(1, 7, [], length=19)),
        u(rad(1, 8, [attr(1, b"ab")], length=400)),
        u(rad(1, 8, [attr(1, b"ab")]) + b"trailing"),
        u(b"\x01\x02\x00"),
    ]
    cuts = [(pkts[0], 42 + 10), (pkts[0], 42 + 22), (pkts[0], 42 + 24), (pkts[0], 42 + 40),
            (pkts[1], 42 + 200), (pkts[7], 42 + 25), (pkts[2], 42 + 150)]
    return pkts, cuts


def cksum16(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack(">%dH" % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def pim_packets():
    import ipaddress
    G, S, RP = "239.1.2.3", "198.51.100.7", "203.0.113.1"
    ip4 = lambda a: ipaddress.IPv4Address(a).packed
    ip6 = lambda a: ipaddress.IPv6Address(a).packed
    uni = lambda a: bytes([1, 0]) + ip4(a)
    uni6 = lambda a: bytes([2, 0]) + ip6(a)
    grp = lambda a, m=32, f=0: bytes([1, 0, f, m]) + ip4(a)
    src = lambda a, f=4, m=32: bytes([1, 0, f, m]) + ip4(a)

    def pim(typ, body, ver=2, rsv=0, sum_=None, v6=False):
        h = bytes([(ver << 4) | typ, rsv, 0, 0]) + body
        if sum_ is None:
            if v6:
                ph = ip6(A6) + ip6("ff02::d") + struct.pack(">IxxxB", len(h), 103)
                sum_ = cksum16(ph + h)
            else:
                sum_ = cksum16(h[:8] if typ == 1 else h)
        return h[:2] + struct.pack(">H", sum_) + h[4:]

    v4 = lambda b, dst="224.0.0.13": eth(IP(src=A4, dst=dst, ttl=1, proto=103) / Raw(b))
    v6 = lambda b: eth(IPv6(src=A6, dst="ff02::d", hlim=1, nh=103) / Raw(b))
    opt = lambda t, v: struct.pack(">HH", t, len(v)) + v
    hello = (opt(1, b"\x00\x69") + opt(2, b"\x81\xf4\x0b\xb8") + opt(19, struct.pack(">I", 1))
             + opt(18, b"") + opt(20, b"\x12\x34\x56\x78") + opt(21, b"\x01\x3c\x00\x00")
             + opt(21, b"\x01\x00\xbe\xef") + opt(22, b"") + opt(24, uni("192.0.2.9") + uni(RP))
             + opt(65001, uni("192.0.2.10")) + opt(99, b"\xde\xad"))
    inner = bytes(IP(src=S, dst=G, ttl=7) / UDP(sport=5000, dport=5001) / Raw(b"data"))
    inner6 = bytes(IPv6(src="2001:db8::7", dst="ff0e::1") / UDP(sport=5000, dport=5001) / Raw(b"x"))
    jp = (uni("192.0.2.254") + bytes([0, 2]) + struct.pack(">H", 210)
          + grp(G) + struct.pack(">HH", 2, 1) + src(S, 4) + src(RP, 7) + src("198.51.100.8", 0x0d)
          + grp("239.9.9.9", 24, 0x80) + struct.pack(">HH", 0, 1) + src(S, 0))
    pkts = [
        v4(pim(0, hello)),
        v4(pim(0, opt(1, b"\x00\x69") + opt(1, b"\x69"))),
        v4(pim(0, opt(2, b"\x00"))),
        v4(pim(0, opt(19, b"\x00\x01"))),
        v4(pim(0, opt(20, b"\x00"))),
        v4(pim(0, opt(21, b"\x00"))),
        v4(pim(0, opt(1, b"\x00\x69"), sum_=0x1234)),
        v4(pim(0, opt(1, b"\x00\x69"), sum_=0)),
        v6(pim(0, opt(1, b"\xff\xff") + opt(24, uni6("2001:db8::9")), v6=True)),
        v4(pim(1, struct.pack(">I", 0) + inner), dst=RP),
        v4(pim(1, struct.pack(">I", 0x80000000) + inner6), dst=RP),
        v4(pim(1, struct.pack(">I", 0x40000000) + bytes(12) + ip4(S) + ip4(G)), dst=RP),
        v4(pim(1, struct.pack(">I", 0xc0000000) + b"\x50abc"), dst=RP),
        v4(pim(1, struct.pack(">I", 0)), dst=RP),
        v4(pim(2, grp(G) + uni(S)), dst=A4),
        v4(pim(3, jp)),
        v4(pim(3, uni("192.0.2.254") + bytes([0, 1, 0xff, 0xff]) + grp(G) + bytes(4))),
        v4(pim(6, jp)),
        v4(pim(7, jp[6:])),
        v4(pim(4, b"\x12\x34\x1e\x40" + uni(RP) + grp("239.0.0.0", 8) + bytes([2, 2, 0, 0])
                + uni(RP) + b"\x00\x96\xc0\x00" + uni("203.0.113.2") + b"\x00\x00\x01\x00")),
        v4(pim(5, grp(G) + uni(S) + struct.pack(">II", 0x80000064, 10))),
        v4(pim(5, grp(G) + uni(S) + struct.pack(">II", 100, 20))),
        v4(pim(8, bytes([2, 192]) + struct.pack(">H", 150) + uni(RP) + grp("239.0.0.0", 8)
                + grp("239.1.0.0", 16)), dst=A4),
        v4(pim(9, uni(S) + grp(G) + uni(A4) + b"\x00\x3c")),
        v4(pim(10, uni(RP) + struct.pack(">II", 1, 2), rsv=0x10)),
        v4(pim(10, uni(RP) + struct.pack(">II", 1, 2) + uni(A4) + struct.pack(">IIH", 3, 4, 250),
               rsv=0x30)),
        v4(pim(10, uni(RP) + struct.pack(">II", 1, 2) + uni(A4) + struct.pack(">II", 3, 4),
               rsv=0x40)),
        v4(pim(11, b"\x00" * 8)),
        v4(pim(15, b"")),
        # RFC 2117 encoding: bare addresses of the header's length; a length it cannot use.
        v4(pim(2, bytes([0, 0, 0, 32]) + ip4(G) + ip4(S), rsv=4)),
        v4(pim(2, bytes([0, 0, 0, 32]) + ip4(G) + ip4(S), rsv=5)),
        v4(pim(2, bytes([3, 0, 0, 32]) + ip4(G) + ip4(S))),
        v4(pim(0, b"", ver=1)),
        v4(pim(0, b"", ver=3)),
        v4(b"\x20"),
        v4(b"\x20\x00\x00"),
    ]
    # PIMv1 in IGMP (type 0x14), and Cisco Auto-RP.
    igmp = lambda code, body: eth(IP(src=A4, dst="224.0.0.2", ttl=1, proto=2) / Raw(
        bytes([0x14, code, 0, 0]) + body))
    v1jp = (ip4("192.0.2.254") + bytes([0, 0, 0, 210]) + bytes([0, 0, 0, 1]) + ip4(G)
            + b"\xff\xff\xff\xff" + struct.pack(">HH", 1, 0) + bytes([1, 0xc0 | 32]) + ip4(S))
    v1multi = (ip4("192.0.2.254") + bytes([0, 0, 0, 180]) + bytes([0, 0, 0, 2]) + ip4(G)
               + ip4("255.255.255.0") + struct.pack(">HH", 1, 1) + bytes([1, 0x80 | 24]) + ip4(S)
               + bytes([0, 8]) + ip4(RP) + ip4("239.9.9.9") + b"\xff\xff\xff\xff"
               + struct.pack(">HH", 1, 0) + bytes([0, 0x40 | 32]) + ip4(S))
    pkts += [
        igmp(0, bytes([0x10, 0, 0, 0, 0x10, 0, 0, 105])),
        igmp(0, bytes([0x10, 0, 0, 0, 0x30, 0, 0, 105])),
        igmp(0, bytes([0x20, 0, 0, 0, 0x50, 0, 0, 105])),
        igmp(1, bytes([0x10, 0, 0, 0]) + bytes(IP(src=S, dst=G) / UDP())),
        igmp(2, bytes([0x10, 0, 0, 0]) + ip4(G) + ip4(S)),
        igmp(3, bytes([0x10, 0, 0, 0]) + v1jp),
        igmp(3, bytes([0x10, 0, 0, 0]) + v1multi),
        igmp(6, bytes([0x10, 0, 0, 0]) + v1multi),
        igmp(4, bytes([0x10, 0, 0, 0]) + ip4(G) + ip4("255.255.0.0") + ip4(RP) + bytes([0, 0, 0, 90])),
        igmp(5, bytes([0x20, 0, 0, 0]) + ip4(G) + b"\xff\xff\xff\xff" + ip4(S)
             + struct.pack(">II", 0x80000010, 5)),
        igmp(9, bytes([0x10, 0, 0, 0])),
        eth(IP(src=A4, dst="224.0.1.39", ttl=16) / UDP(sport=496, dport=496) / Raw(
            bytes([0x11, 2, 0, 181, 0, 0, 0, 0]) + ip4(RP) + bytes([3, 2])
            + bytes([0, 4]) + ip4("239.0.0.0") + bytes([3, 8]) + ip4("239.1.0.0")
            + ip4("203.0.113.2") + bytes([0xfd, 1]) + bytes([0, 32]) + ip4(G))),
        eth(IP(src=A4, dst="224.0.1.40", ttl=16) / UDP(sport=496, dport=496) / Raw(
            bytes([0x12, 0, 0, 0, 0, 0, 0, 0]))),
        eth(IP(src=A4, dst="224.0.1.40", ttl=16) / UDP(sport=496, dport=496) / Raw(
            bytes([0x13, 1, 0, 60, 0, 0, 0, 0]) + ip4(RP) + bytes([1, 2]) + bytes([0, 4]))),
        eth(IP(src=A4, dst="224.0.1.40", ttl=16) / UDP(sport=496, dport=496) / Raw(b"\x11\x01")),
    ]
    cuts = [(pkts[0], 34 + 2), (pkts[0], 34 + 6), (pkts[0], 34 + 30), (pkts[0], 34 + 60),
            (pkts[9], 34 + 10), (pkts[9], 34 + 30), (pkts[15], 34 + 12), (pkts[15], 34 + 40),
            (pkts[19], 34 + 20), (pkts[19], 34 + 33), (pkts[25], 34 + 30), (pkts[8], 54 + 20),
            (pkts[-9], 34 + 20), (pkts[-9], 34 + 40), (pkts[-5], 34 + 12), (pkts[-4], 42 + 14)]
    return pkts, cuts


def snmp_packets():
    def tlv(tag, v):
        n = len(v)
        if n < 128:
            ln = bytes([n])
        else:
            b = n.to_bytes((n.bit_length() + 7) // 8, "big")
            ln = bytes([0x80 | len(b)]) + b
        return bytes([tag]) + ln + v

    def integer(v):
        n = 1
        while not -(1 << (8 * n - 1)) <= v < (1 << (8 * n - 1)):
            n += 1
        return tlv(2, (v & ((1 << (8 * n)) - 1)).to_bytes(n, "big"))

    def oid(text):
        arcs = [int(a) for a in text.split(".")]
        out = []
        for a in [40 * arcs[0] + arcs[1]] + arcs[2:]:
            chunk = [a & 0x7F]
            a >>= 7
            while a:
                chunk.insert(0, 0x80 | (a & 0x7F))
                a >>= 7
            out += chunk
        return tlv(6, bytes(out))

    seq = lambda *e: tlv(0x30, b"".join(e))
    octets = lambda b: tlv(4, b)
    null = tlv(5, b"")
    vb = lambda o, v=null: seq(oid(o), v)
    vbl = lambda *v: seq(*v)
    pdu = lambda t, reqid, st, idx, binds: tlv(0xA0 | t, integer(reqid) + integer(st) + integer(idx) + binds)
    msg = lambda ver, comm, p: seq(integer(ver), octets(comm), p)
    u = lambda p, sp=40000, dp=161: eth(IP(src=A4, dst=B4) / UDP(sport=sp, dport=dp) / Raw(p))
    SYS = "1.3.6.1.2.1.1"
    values = vbl(
        vb(SYS + ".1.0", octets(b"Linux router 6.1")), vb(SYS + ".2.0", oid("1.3.6.1.4.1.8072.3.2.10")),
        vb(SYS + ".3.0", tlv(0x43, (123456).to_bytes(3, "big"))),
        vb("1.3.6.1.2.1.2.2.1.10.1", tlv(0x41, (4294967295).to_bytes(5, "big"))),
        vb("1.3.6.1.2.1.2.2.1.5.1", tlv(0x42, (1000000000).to_bytes(4, "big"))),
        vb("1.3.6.1.2.1.31.1.1.1.6.1", tlv(0x46, (2**63 + 5).to_bytes(9, "big"))),
        vb("1.3.6.1.2.1.4.20.1.1.192.0.2.1", tlv(0x40, bytes([192, 0, 2, 1]))),
        vb("1.3.6.1.2.1.4.20.1.2", tlv(0x40, bytes([1, 2, 3]))),
        vb(SYS + ".7.0", integer(-72)), vb(SYS + ".8.0", octets(b"\x00\x01\xfe")),
        vb(SYS + ".9.0", tlv(0x80, b"")), vb(SYS + ".9.1", tlv(0x81, b"")),
        vb(SYS + ".9.2", tlv(0x82, b"")), vb(SYS + ".9.3", tlv(0x44, b"op")),
        vb(SYS + ".9.4", tlv(0x01, b"\x01")), vb(SYS + ".9.5", tlv(0xC0, b"p")),
        vb("2.999.1", null), vb(SYS + ".9.6", tlv(0x83, b"")),
    )
    v3hdr = lambda flags, model=3: seq(integer(42), integer(65507), octets(bytes([flags])), integer(model))
    usm = octets(seq(octets(bytes.fromhex("80001f8880e9630000d61ff449")), integer(5), integer(1200),
                     octets(b"admin"), octets(bytes(12)), octets(b"")))
    scoped = seq(octets(bytes.fromhex("80001f8880e9630000d61ff449")), octets(b""),
                 pdu(0, 7, 0, 0, vbl(vb(SYS + ".5.0"))))
    trap = tlv(0xA4, oid("1.3.6.1.4.1.8072.4") + tlv(0x40, bytes([192, 0, 2, 1])) + integer(6)
               + integer(17) + tlv(0x43, b"\x01\x00") + vbl(vb(SYS + ".3.0", tlv(0x43, b"\x05"))))
    pkts = [
        u(msg(0, b"public", pdu(0, 1, 0, 0, vbl(vb(SYS + ".1.0"), vb(SYS + ".3.0"))))),
        u(msg(1, b"private", pdu(1, 2, 0, 0, vbl(vb(SYS + ".1.0"))))),
        u(msg(1, b"public", pdu(2, 2, 0, 0, values)), sp=161, dp=40000),
        u(msg(1, b"public", pdu(2, 3, 2, 1, vbl(vb(SYS + ".1.0")))), sp=161, dp=40000),
        u(msg(1, b"public", pdu(2, 3, 0, 1, vbl(vb(SYS + ".1.0")))), sp=161, dp=40000),
        u(msg(1, b"public", pdu(2, 3, 5, 0, vbl(vb(SYS + ".1.0")))), sp=161, dp=40000),
        u(msg(1, b"public", pdu(2, 3, 99, 2, vbl(vb(SYS + ".1.0")))), sp=161, dp=40000),
        u(msg(1, b"c\x01m", pdu(3, 4, 0, 0, vbl(vb(SYS + ".4.0", octets(b"me")))))),
        u(msg(1, b"public", pdu(3, 4, 3, 1, vbl(vb(SYS + ".4.0", octets(b"me")))))),
        u(msg(1, b"public", pdu(5, 5, 0, 10, vbl(vb("1.3.6.1.2.1.2"))))),
        u(msg(1, b"public", pdu(0, 6, 0, 0, vbl(vb(SYS + ".1.0", integer(1)))))),
        u(msg(1, b"public", pdu(6, 8, 0, 0, values)), dp=162),
        u(msg(1, b"public", pdu(7, 9, 0, 0, values)), dp=162),
        u(msg(1, b"public", pdu(8, 9, 0, 0, vbl())), dp=162),
        u(msg(0, b"public", trap), dp=162),
        u(msg(0, b"public", tlv(0xA4, oid("1.3.6.1.4.1.8072.4") + tlv(0x40, bytes([192, 0, 2, 1]))
                                + integer(3) + integer(2) + tlv(0x43, b"\x01") + vbl())), dp=162),
        u(msg(0, b"public", tlv(0xA4, oid("1.3.6.1.4.1.8072.4") + tlv(0x40, bytes([192, 0, 2, 1]))
                                + integer(9) + integer(0) + integer(1) + vbl())), dp=162),
        u(msg(1, b"public", trap), dp=162),
        u(msg(0, b"public", pdu(5, 5, 0, 10, vbl()))),
        u(seq(integer(3), v3hdr(4), usm, scoped)),
        u(seq(integer(3), v3hdr(7), usm, octets(b"encrypted scoped pdu"))),
        u(seq(integer(3), v3hdr(2), usm, scoped)),
        u(seq(integer(3), v3hdr(0, model=1), usm, scoped)),
        u(seq(integer(2), octets(b"public"))),
        u(seq(integer(7), octets(b"public"))),
        # Malformed: not a sequence, a bad length, trailing bytes, an extended tag, a long
        # length, an empty payload, a PDU that is not one, an integer of length 0.
        u(octets(b"oops")),
        u(b"\x30\x10\x02\x01\x00"),
        u(msg(0, b"public", pdu(0, 1, 0, 0, vbl(vb(SYS + ".1.0")))) + b"junk"),
        u(seq(integer(0), octets(b"public"), tlv(0xA0, integer(1) + integer(0) + integer(0)
                                                 + seq(vb(SYS + ".1.0"))) + b"xx")),
        u(b"\x30\x05\x1f\x81\x02\x01\x00"),
        u(b"\x30\x82\x00\x03\x02\x01\x01"),
        u(b"\x30\x84\x00\x00"),
        u(b""),
        u(seq(integer(0), octets(b"public"), integer(5))),
        u(seq(integer(0), octets(b"public"), tlv(0xA0, b"\x02\x00"))),
        u(seq(integer(1), octets(b"public"), pdu(0, 1, 0, 0, integer(4)))),
        u(seq(integer(1), octets(b"public"), pdu(0, 1, 0, 0, vbl(integer(4))))),
        u(seq(integer(1), octets(b"public"), pdu(0, 1, 0, 0, vbl(seq(integer(4)))))),
        u(seq(integer(1), integer(5))),
    ]
    cuts = [(pkts[2], 42 + 20), (pkts[2], 42 + 60), (pkts[2], 42 + 90), (pkts[0], 42 + 3),
            (pkts[19], 42 + 40), (pkts[14], 42 + 30)]
    return pkts, cuts


def krb_packets():
    u = lambda p, sp=40000, dp=88: eth(IP(src=A4, dst=B4) / UDP(sport=sp, dport=dp) / Raw(p))
    hdr = b"alice\0admin\0EXAMPLE.ORG\0"
    pkts = [
        u(bytes([4, 2]) + hdr + b"\x01\x02\x03\x04" + bytes([96]) + b"krbtgt\0EXAMPLE.ORG\0"),
        u(bytes([4, 3]) + hdr + b"\x01\x02\x03\x04" + bytes([12]) + b"krbtgt\0EXAMPLE.ORG\0"),
        u(bytes([4, 4]) + hdr + bytes(10) + b"\x01\x2c", sp=88, dp=40000),
        u(bytes([4, 5]) + hdr + bytes(10) + b"\x2c\x01", sp=88, dp=40000),
        u(bytes([4, 6, 5]) + b"EXAMPLE.ORG\0" + bytes([7, 200])),
        u(bytes([4, 10]) + hdr + bytes(4) + b"\x00\x08\x00\x00" + b"unknown\x01principal\0",
          sp=750, dp=40000),
        u(bytes([4, 11]) + hdr + bytes(4) + b"\x63\x00\x00\x00" + b"x\0", sp=750, dp=40000),
        u(bytes([4, 8]) + hdr), u(bytes([4, 126])), u(bytes([4, 40])),
        u(bytes([1, 2])), u(bytes([3])), u(bytes([5])),
        u(bytes([0x6a, 0x81, 0x90]) + bytes(20)), u(bytes([0x6b, 0x10]) + bytes(16), sp=88, dp=40000),
        u(bytes([0x6c, 0x10]) + bytes(16)), u(bytes([0x7e, 0x10]) + bytes(16), sp=88, dp=40000),
        u(b""),
        u(bytes([4, 2]) + b"no\xffnul\x80"),
    ]
    cuts = [(pkts[0], 42 + 1), (pkts[0], 42 + 8), (pkts[0], 42 + 30), (pkts[0], 42 + 33),
            (pkts[0], 42 + 40), (pkts[2], 42 + 28), (pkts[4], 42 + 16), (pkts[5], 42 + 30)]
    return pkts, cuts


def sflow_packets():
    import ipaddress
    u = lambda p, v6=False: eth((IPv6(src=A6, dst="2001:db8::2") if v6 else IP(src=A4, dst=B4))
                                / UDP(sport=40000, dport=6343) / Raw(p))
    I = lambda *v: b"".join(struct.pack(">I", x & 0xFFFFFFFF) for x in v)
    Q = lambda v: struct.pack(">Q", v)

    def dgram(samples, n=None, v6=False, version=5, ipv=None):
        agent = ipaddress.IPv6Address("2001:db8::7").packed if v6 else bytes([192, 0, 2, 7])
        head = I(version, ipv if ipv is not None else (2 if v6 else 1)) + agent + I(3, 1234, 99000)
        return head + I(len(samples) if n is None else n) + b"".join(samples)

    rec = lambda fmt, body: I(fmt, len(body)) + body
    sample = lambda fmt, body: I(fmt, len(body)) + body
    raw = rec(1, I(1, 1518, 4, 128) + bytes(128))
    ethf = rec(2, I(1500) + bytes(16) + I(0x0800))
    switch = rec(1001, I(100, 3, 200, 5))
    router = rec(1002, I(1) + bytes([192, 0, 2, 1]) + I(24, 24))
    unknown = rec(1999, b"\xde\xad\xbe\xef")
    vendor = rec((9 << 12) | 5, b"\x01\x02")
    flow = sample(1, I(7) + bytes([0]) + (5).to_bytes(3, "big") + I(512, 10000, 0, 5, 6, 6)
                  + raw + ethf + switch + router + unknown + vendor)
    xflow = sample(3, I(8, 0, 5, 512, 10000, 1, 0, 5, 0, 6, 2) + raw + switch)
    generic = rec(1, I(5, 6) + Q(10**10) + I(1, 3) + Q(123456789) + I(1, 2, 3, 4, 5, 6) + Q(987654321)
                  + I(7, 8, 9, 10, 11, 1))
    ethc = rec(2, I(*range(13)))
    tr = rec(3, b"")
    vg = rec(4, I(1) + Q(2) + I(3) + Q(4) + I(5, 6, 7, 8, 9) + Q(10) + I(11) + Q(12) + Q(13) + Q(14))
    vlan = rec(5, I(100) + Q(2**40) + I(1, 2, 3, 4))
    cpu = rec(1001, I(5, 10, 15) + Q(2**33) + Q(2**32))
    cunk = rec(77, b"\x00\x01\x02")
    cvendor = rec((4413 << 20) | 7, b"")
    counter = sample(2, I(9) + bytes([0]) + (5).to_bytes(3, "big")
                     + I(9) + generic + ethc + tr + vg + vlan + cpu + cunk + cvendor + rec(1, I(1)))
    xcounter = sample(4, I(10, 0, 5, 2) + ethc + vlan)
    pkts = [
        u(dgram([flow])),
        u(dgram([xflow, counter])),
        u(dgram([xcounter], v6=True), v6=True),
        u(dgram([sample(9, b"\x01\x02\x03\x04")])),
        u(dgram([sample(0, b"")])),
        u(dgram([sample(1, I(1))])),
        u(dgram([sample(2, I(1, 2, 1) + rec(1, I(5)))])),
        u(dgram([flow], n=3)),
        u(dgram([flow], version=4)),
        u(dgram([], ipv=3)),
        u(dgram([])[:20]),
        u(dgram([], v6=True)[:30], v6=True),
        u(dgram([]) + I(1)),
        u(dgram([sample(1, I(1, 2, 3))]) + b"\x00" * 4),
    ]
    cuts = [(pkts[0], 42 + 10), (pkts[0], 42 + 30), (pkts[0], 42 + 60), (pkts[1], 42 + 100),
            (pkts[1], 42 + 200), (pkts[1], 42 + 300), (pkts[2], 62 + 80)]
    return pkts, cuts


def lldp_tlv(t, v):
    return struct.pack(">H", (t << 9) | len(v)) + v


def lldp_packets():
    lldp = lambda *tlvs: Ether(src=MA, dst="01:80:c2:00:00:0e", type=0x88CC) / Raw(b"".join(tlvs))
    T = lldp_tlv
    org = lambda oui, sub, b: T(127, bytes.fromhex(oui) + bytes([sub]) + b)
    mac = bytes.fromhex("02000000000a")
    head = [T(1, b"\x04" + mac), T(2, b"\x05eth0"), T(3, struct.pack(">H", 120))]
    end = T(0, b"")
    mgmt4 = T(8, bytes([5, 1]) + bytes([192, 0, 2, 1]) + bytes([2]) + u32(2) + bytes([0]))
    mgmt6 = T(8, bytes([17, 2]) + bytes.fromhex("20010db8000000000000000000000001") + bytes([3]) +
              u32(7) + bytes([4]) + b"\x2b\x06\x01\x04")
    typical = lldp(*head, T(4, b"uplink to spine"), T(5, b"node-1.example"),
                   T(6, b"Debian GNU/Linux 12 (bookworm) Linux 6.1.0 x86_64"),
                   T(7, struct.pack(">HH", 0x14, 0x10)), mgmt4, mgmt6,
                   org("00120f", 1, bytes([3]) + struct.pack(">HH", 0x6c01, 16)),
                   org("00120f", 4, struct.pack(">H", 9000)),
                   org("0080c2", 1, struct.pack(">H", 100)),
                   org("0080c2", 3, struct.pack(">H", 100) + bytes([7]) + b"servers"),
                   end)
    med = lldp(*head, T(5, b"phone"),
               org("0012bb", 1, struct.pack(">H", 0x33) + bytes([3])),
               org("0012bb", 2, bytes([1]) + struct.pack(">H", 0x40c8 | 0x8000 >> 8) + bytes([0xae])),
               org("0012bb", 3, bytes([1, 0x51, 0x2c, 0x2a, 0x3b, 0x4c, 0x52, 0x0c, 0x3a, 0x2b, 0x5d,
                                       0x11, 0x00, 0x00, 0x10, 0x00, 0x01])),
               org("0012bb", 3, bytes([2, 14, 2]) + b"US" + bytes([1, 2]) + b"CA" + bytes([3, 5]) +
                   b"Paris"),
               # tcpdump wants one byte more than the civic address holds: with it, and without.
               org("0012bb", 3, bytes([2, 14, 2]) + b"US" + bytes([1, 2]) + b"CA" + bytes([3, 5]) +
                   b"Paris\0"),
               org("0012bb", 3, bytes([2, 7, 2]) + b"US" + bytes([0, 2]) + b"CA\0"),
               org("0012bb", 3, bytes([3]) + b"5551234567"),
               org("0012bb", 3, bytes([9, 1, 2, 3])),
               org("0012bb", 4, bytes([0x52]) + struct.pack(">H", 154)),
               org("0012bb", 4, bytes([0x93]) + struct.pack(">H", 2000)),
               org("0012bb", 5, b"rev B"), org("0012bb", 10, b"Model-X"),
               org("0012bb", 99, b"\x01\x02"),
               end)
    dot1 = lldp(*head,
                org("0080c2", 2, bytes([6]) + struct.pack(">H", 200)),
                org("0080c2", 4, bytes([4]) + b"\x88\x8e\x01\x00"),
                org("0080c2", 7, bytes([3]) + u32(5)),
                org("0080c2", 8, bytes([0xa5, 0x0f])),
                org("0080c2", 9, bytes([0xc3, 0x01, 0x23, 0x45, 0x67]) + bytes([10] * 8) +
                    bytes([0, 1, 2, 0, 2, 2, 2, 255])),
                org("0080c2", 10, bytes([0, 0x76, 0x54, 0x32, 0x10]) + bytes([12] * 8) + bytes(8)),
                org("0080c2", 11, bytes([0xd8, 0x28])),
                org("0080c2", 12, bytes([0]) + bytes([0x61]) + struct.pack(">H", 3260) +
                    bytes([0x24]) + struct.pack(">H", 0x8906)),
                org("0080c2", 12, bytes([0]) + bytes([0x61, 0, 1, 2])),
                org("0080c2", 13, bytes([0x0f, 0x1d, 0x34, 0xa5, 0x67])),
                org("0080c2", 14, bytes([0x88, 0, 0x00, 0x03]) + bytes([0x00, 0x10, 0x01, 0x00, 0x20, 0x02])),
                org("0080c2", 42, b"\x00"),
                org("00120f", 2, bytes([0x0f, 1, 3])),
                org("00120f", 3, bytes([1]) + u32(0)),
                org("00120f", 1, bytes([0, 0x80, 0x01, 0, 0x1e])),
                org("00120f", 9, b""),
                org("00005e", 1, b"https://example.com/mud.json"),
                org("00005e", 2, b"xxxx"),
                org("26e1aa", 1, b"vendor"),
                end)
    dcbx = lldp(*head,
                org("001b21", 1, b"\x00\x01"),
                org("001b21", 2,
                    T(1, bytes([0, 0]) + u32(7) + u32(6)) +
                    T(2, bytes([0, 0, 0x80, 0]) + u32(0x01234567) + bytes([12] * 8) + bytes([8])) +
                    T(3, bytes([0, 0, 0x60, 0, 0x88, 8])) +
                    T(4, bytes([0, 0, 0xe0, 0]) + bytes.fromhex("8906000000ff") +
                      bytes.fromhex("0cbc400001aa")) +
                    T(9, b"\x01\x02")),
                end)
    odd = [
        lldp(T(1, b"\x05" + bytes([1, 198, 51, 100, 7])), T(2, b"\x07local-port"),
             T(3, struct.pack(">H", 0)), T(9, b"unknown tlv"), end),
        lldp(T(1, b"\x09abc"), T(2, b"\x03" + mac), T(2, b"\x04" + bytes([6]) + mac),
             T(1, b"\x05" + bytes([2]) + bytes(16)), T(1, b"\x05" + bytes([9, 1, 2])), end),
        lldp(*head),  # no End TLV
        lldp(*head, T(5, b""), T(4, b"after a zero-length TLV")),
        lldp(T(1, b"\x04")),  # chassis MAC too short
        lldp(T(1, b"\x05\x01\xc0")),  # network address too short
        lldp(T(2, b"\x04")),
        lldp(T(3, b"\x01")),
        lldp(T(7, b"\x00\x04")),
        lldp(T(8, bytes([5, 1, 192, 0, 2, 1]))),  # no interface numbering
        lldp(T(8, bytes([9, 1, 192, 0, 2, 1]))),  # address longer than the TLV
        lldp(T(8, bytes([2, 1, 192]) + bytes([2]) + u32(1))),  # IPv4 address too short
        lldp(T(8, bytes([5, 1, 192, 0, 2, 1, 2]) + u32(1) + bytes([9, 1]))),  # OID too long
        lldp(T(127, b"\x00\x80")),
        lldp(T(5, b"name") + struct.pack(">H", (5 << 9) | 40) + b"short"),
        lldp(T(5, b"nul\x00padded\x00"), T(6, b"\x01\x7f\x80 ctl"), end),
        Ether(src=MA, dst="01:80:c2:00:00:0e", type=0x88CC) / Raw(b"\x02"),
    ]
    pkts = [typical, med, dot1, dcbx] + odd
    cuts = [(typical, n) for n in (14 + 1, 14 + 5, 14 + 12, 14 + 30, 14 + 60, 14 + 130, 14 + 160,
                                   14 + 175, 14 + 200)]
    cuts += [(med, n) for n in (14 + 40, 14 + 60, 14 + 90, 14 + 110)]
    cuts += [(dot1, n) for n in (14 + 40, 14 + 80, 14 + 120)]
    cuts += [(dcbx, n) for n in (14 + 30, 14 + 45, 14 + 70, 14 + 100)]
    return pkts, cuts


def snap(oui, pid, b, dst="01:00:0c:cc:cc:cc"):
    return Dot3(src=MA, dst=dst) / LLC(dsap=0xAA, ssap=0xAA, ctrl=3) / \
        Raw(bytes.fromhex(oui) + struct.pack(">H", pid) + b)


def cdp_packets():
    tlv = lambda t, v: struct.pack(">HH", t, len(v) + 4) + v
    cdp = lambda *tlvs, ver=2, ttl=180, sum=0xbeef: snap("00000c", 0x2000, bytes([ver, ttl]) +
                                                         struct.pack(">H", sum) + b"".join(tlvs))
    ip4 = struct.pack(">IBBB", 2, 1, 1, 0xCC) + struct.pack(">H", 4) + bytes([192, 0, 2, 1]) + \
        bytes([2, 8]) + bytes.fromhex("aaaa0300000086dd") + struct.pack(">H", 16) + \
        bytes.fromhex("20010db8000000000000000000000001")
    typical = cdp(tlv(1, b"switch-1.example"), tlv(2, ip4), tlv(3, b"GigabitEthernet0/1"),
                  tlv(4, u32(0x29)), tlv(5, b"Cisco IOS Software, C3560\nVersion 15.0(2)SE\n"),
                  tlv(6, b"cisco WS-C3560-24PS"), tlv(9, b"lab"), tlv(0x0a, struct.pack(">H", 5)),
                  tlv(0x0b, b"\x01"), tlv(0x16, ip4), tlv(0x11, u32(1500)))
    more = cdp(tlv(1, b"phone"), tlv(7, bytes([192, 0, 2, 0, 24, 198, 51, 100, 0, 25])),
               tlv(8, b"\x00\x00\x0c\x01\x12"), tlv(0x0b, b"\x00"),
               tlv(0x0e, bytes([1]) + struct.pack(">H", 10)), tlv(0x0f, struct.pack(">H", 0x2000)),
               tlv(0x0f, bytes([2]) + struct.pack(">H", 20)),
               tlv(0x10, struct.pack(">H", 15400)), tlv(0x10, bytes([125])), tlv(0x10, bytes([5])),
               tlv(0x10, b"\x00\x3a\x8d"), tlv(0x10, struct.pack(">H", 1375)),
               tlv(0x10, struct.pack(">H", 3015)), tlv(0x12, b"\x00"), tlv(0x13, b"\x05"),
               tlv(0x14, b"sysname"), tlv(0x15, b"\x2b\x06"), tlv(0x17, b"\x01closet 3"),
               tlv(0x17, b"\x02"), tlv(0x30, b"vendor"), tlv(0x0c, b""), tlv(0x0d, b"ab"), tlv(0, b"zero"),
               ver=1, ttl=60)
    bad = [
        cdp(tlv(4, u32(1)[:3]), tlv(0x0a, b"\x01"), tlv(0x10, b"\x00\x01\x02\x03"),
            tlv(0x16, b"\x00\x01")),
        cdp(tlv(7, bytes(7))),
        cdp(tlv(2, b"\x00\x00")),
        cdp(tlv(2, u32(2) + b"\x01")),
        cdp(tlv(2, u32(1) + b"\x01\x05")),
        cdp(tlv(2, u32(1) + bytes([1, 1, 0xcc, 0, 4, 192, 0]))),
        cdp(tlv(2, u32(1) + bytes([9, 2, 1, 2, 0, 3, 7, 8, 9]) + b"xy")),
        cdp(tlv(2, u32(1) + bytes([9, 2, 1, 2, 0, 3, 7]))),
        cdp(tlv(1, b"dev") + struct.pack(">HH", 3, 2)),
        cdp(tlv(1, b"dev") + struct.pack(">HH", 3, 40) + b"port"),
        cdp(tlv(1, b"dev") + b"\x00\x03"),
        cdp(),
        snap("00000c", 0x2000, b"\x02\xb4\x00"),
    ]
    pkts = [typical, more] + bad
    cuts = [(typical, n) for n in (14 + 3 + 5 + 2, 14 + 3 + 5 + 6, 14 + 3 + 5 + 12, 14 + 3 + 5 + 30,
                                   14 + 3 + 5 + 50, 14 + 3 + 5 + 70, 14 + 3 + 5 + 100,
                                   14 + 3 + 5 + 150)]
    cuts += [(more, n) for n in (14 + 3 + 5 + 20, 14 + 3 + 5 + 60)]
    return pkts, cuts


def snap_packets():
    """What else SNAP carries that tcpdump decodes: Cisco's DTP, UDLD, VTP and PVST+ BPDUs,
    encapsulated ethertypes, RFC 2684 bridged Ethernet and BPDUs; and unknown OUIs/PIDs.
    (Bridged Token Ring and FDDI frames and AppleTalk are not decoded by the printer.)"""
    tl = lambda t, v: struct.pack(">HH", t, len(v) + 4) + v
    dtp = lambda b: snap("00000c", 0x2004, b, dst="01:00:0c:cc:cc:cc")
    udld = lambda b: snap("00000c", 0x0111, b)
    vtp = lambda b: snap("00000c", 0x2003, b)
    pvst = lambda b, pid=0x010b: snap("00000c", pid, b, dst="01:00:0c:cc:cc:cd")
    bpdu = struct.pack(">HBBB", 0, 2, 2, 0x3c) + struct.pack(">H", 0x8005) + \
        bytes.fromhex("020000000001") + u32(4) + struct.pack(">H", 0x8005) + \
        bytes.fromhex("02000000000a") + struct.pack(">H4H", 0x8001, 0, 0x1400, 0x200, 0xf00) + \
        bytes([0]) + struct.pack(">HH", 0, 2) + struct.pack(">H", 5)
    vhead = lambda typ, third, dom=b"lab": bytes([1, typ, third, len(dom)]) + dom.ljust(32, b"\0")
    vlan = lambda vid, name, tlvs=b"": bytes([12 + 4 * ((len(name) + 3) // 4) + len(tlvs), 0, 1,
                                             len(name)]) + \
        struct.pack(">HHI", vid, 1500, 0x100000 + vid) + name.ljust(4 * ((len(name) + 3) // 4), b"\0") + tlvs
    pkts = [
        dtp(b"\x01" + tl(1, b"lab\0") + tl(2, b"\x03") + tl(3, b"\xa5") + tl(4, bytes.fromhex("02000000000a"))),
        dtp(b"\x01" + tl(9, b"ab") + struct.pack(">HH", 0, 0)),
        dtp(b"\x01" + tl(2, b"\x03\x04")),
        dtp(b"\x01" + tl(4, b"\x01")),
        dtp(b"\x01" + struct.pack(">HH", 1, 2)),
        dtp(b"\x01\x00\x01"),
        dtp(b""),
        udld(bytes([0x21, 0x03]) + struct.pack(">H", 0x1234) + tl(1, b"FOX1234") + tl(2, b"Gi0/1") +
             tl(3, u32(1) + b"FOX9") + tl(4, b"\x07") + tl(5, b"\x05") + tl(6, b"switch") +
             tl(7, u32(42)) + tl(9, b"zz")),
        udld(bytes([0x22, 0xfc, 0, 0]) + tl(4, b"\x07\x08")),
        udld(bytes([0x23, 0x00, 0, 0]) + tl(7, b"\x01")),
        udld(bytes([0x20, 0x00, 0, 0]) + struct.pack(">HH", 1, 4)),
        udld(bytes([0x21, 0x00, 0, 0]) + struct.pack(">HH", 1, 40) + b"abc"),
        udld(bytes([0x21, 0x00, 0, 0, 0, 1])),
        udld(bytes([0x21, 0x00, 0])),
        vtp(vhead(1, 0) + u32(2) + bytes([192, 0, 2, 1]) + b"930301000900" + bytes(range(16))),
        vtp(vhead(2, 1) + u32(2) + vlan(1, b"default") +
            vlan(1002, b"fddi-default", bytes([3, 1, 0, 2, 6, 1, 0, 1, 7, 1, 0, 0, 9, 1, 0, 7, 10, 1, 0, 1,
                                                1, 1, 0, 9])) + vlan(20, b"")),
        vtp(vhead(2, 1) + u32(2) + vlan(30, b"x", bytes([6, 2, 0, 1, 0, 0])) ),
        vtp(vhead(2, 1) + u32(2) + vlan(30, b"x", bytes([6, 1, 0]))),
        vtp(vhead(2, 1) + u32(2) + vlan(30, b"x", bytes([6]))),
        vtp(vhead(2, 1) + u32(2) + bytes([8, 0, 1, 0]) + bytes(4)),
        vtp(vhead(2, 1) + u32(2) + bytes([20, 0, 1, 9]) + bytes(16)),
        vtp(vhead(3, 0) + u32(1)),
        vtp(vhead(4, 0) + u32(1)),
        vtp(vhead(9, 0)),
        vtp(vhead(1, 0, b"")),
        vtp(vhead(1, 0, b"x" * 33)[:36]),
        vtp(bytes(20)),
        pvst(bpdu),
        pvst(bpdu, pid=0x010c),
        snap("0080c2", 0x000e, bpdu[:36], dst="01:80:c2:00:00:00"),
        snap("0080c2", 0x0007, b"\0\0" + bytes(Ether(src=MA, dst=MB) / IP(src=A4, dst=B4) / UDP(sport=1, dport=2))),
        snap("000000", 0x0800, bytes(IP(src=A4, dst=B4) / UDP(sport=1000, dport=2000))),
        snap("000000", 0x1234, b"unknown ethertype"),
        snap("0000f8", 0x0806, bytes(12)),
        snap("00000c", 0x9999, b"unknown pid"),
        snap("123456", 0x0001, b"unknown oui"),
        # A SNAP header cut short by the 802.3 length.
        Dot3(src=MA, dst="01:00:0c:cc:cc:cc") / LLC(dsap=0xAA, ssap=0xAA, ctrl=3) / Raw(b"\x00\x00\x0c"),
    ]
    cuts = [(pkts[0], n) for n in (14 + 3 + 3, 14 + 3 + 6, 14 + 3 + 10, 14 + 3 + 20)]
    cuts += [(pkts[7], n) for n in (14 + 3 + 5 + 1, 14 + 3 + 5 + 3, 14 + 3 + 5 + 10, 14 + 3 + 5 + 60)]
    cuts += [(pkts[14], n) for n in (14 + 3 + 5 + 20, 14 + 3 + 5 + 38, 14 + 3 + 5 + 44, 14 + 3 + 5 + 50,
                                     14 + 3 + 5 + 60)]
    cuts += [(pkts[15], n) for n in (14 + 3 + 5 + 42, 14 + 3 + 5 + 60, 14 + 3 + 5 + 80, 14 + 3 + 5 + 100)]
    cuts += [(pkts[27], 14 + 3 + 5 + 20), (pkts[30], 14 + 3 + 5 + 20)]
    return pkts, cuts


def loopback_packets():
    lb = lambda b: Ether(src=MA, dst=MA, type=0x9000) / Raw(b)
    le = lambda v: struct.pack("<H", v)
    pkts = [
        lb(le(0) + le(1) + le(0) + bytes(40)),
        lb(le(8) + bytes(8) + le(2) + bytes.fromhex("02000000000b") + b"data"),
        lb(le(3) + b"abc" + le(1) + le(7)),
        lb(le(0) + le(9) + b"xx"),
        lb(le(0) + le(1) + b"\x01"),
        lb(le(0) + le(2) + b"\x01\x02"),
        lb(le(0) + b"\x01"),
        lb(le(40) + b"short"),
    ]
    cuts = [(pkts[0], n) for n in (14 + 1, 14 + 3, 14 + 5, 14 + 20)]
    cuts += [(pkts[1], n) for n in (14 + 6, 14 + 14, 14 + 16)]
    return pkts, cuts


def bgp_packets():
    seq = [1000]

    def tcp(payload, sport=40179, dport=179):
        p = eth(IP(src=A4, dst=B4, ttl=1) / TCP(sport=sport, dport=dport, flags="PA", seq=seq[0],
                                                ack=1, window=502) / Raw(payload))
        seq[0] += len(payload)
        return p

    def msg(typ, body):
        return b"\xff" * 16 + struct.pack(">HB", 19 + len(body), typ) + body

    cap = lambda code, v: bytes([code, len(v)]) + v
    caps = lambda *cs: bytes([2, len(b"".join(cs))]) + b"".join(cs)

    def open_(asn=64512, hold=90, rid=(192, 0, 2, 1), opts=b""):
        return msg(1, struct.pack(">BHH", 4, asn, hold) + bytes(rid) + bytes([len(opts)]) + opts)

    def attr(flags, typ, v):
        if flags & 0x10:
            return struct.pack(">BBH", flags, typ, len(v)) + v
        return struct.pack(">BBB", flags, typ, len(v)) + v

    def update(withdrawn=b"", attrs=b"", nlri=b""):
        return msg(2, struct.pack(">H", len(withdrawn)) + withdrawn + struct.pack(">H", len(attrs)) +
                   attrs + nlri)

    def notif(major, minor, data=b""):
        return msg(3, bytes([major, minor]) + data)

    aspath2 = bytes([2, 3]) + struct.pack(">3H", 64512, 64513, 65000) + bytes([1, 2]) + \
        struct.pack(">2H", 100, 200)
    aspath4 = bytes([2, 2]) + struct.pack(">2I", 4200000000, 64512)
    typical_attrs = attr(0x40, 1, b"\x00") + attr(0x40, 2, aspath2) + \
        attr(0x40, 3, bytes([192, 0, 2, 1])) + attr(0x80, 4, u32(0)) + attr(0x40, 5, u32(100)) + \
        attr(0xc0, 8, u32(0xfde80064) + u32(0xffffff01) + u32(0xffffff02) + u32(0xffffff03) + u32(0x00010002))
    more_attrs = attr(0x50, 2, aspath4) + attr(0x40, 6, b"") + attr(0xc0, 7, struct.pack(">H", 64512) +
                                                                      bytes([192, 0, 2, 9])) + \
        attr(0xc0, 7, u32(4200000000) + bytes([192, 0, 2, 9])) + \
        attr(0xc0, 18, u32(4200000001) + bytes([192, 0, 2, 10])) + attr(0x80, 9, bytes([192, 0, 2, 7])) + \
        attr(0x80, 10, bytes([192, 0, 2, 7, 198, 51, 100, 1])) + \
        attr(0xc0, 17, bytes([2, 1]) + u32(4200000000)) + \
        attr(0xc0, 32, u32(64512) + u32(1) + u32(2) + u32(4200000000) + u32(3) + u32(4)) + \
        attr(0x40, 2, bytes([1, 1, 0xfc, 0x00, 3, 1, 0xfc, 0x01, 4, 1, 0xfc, 0x02, 9, 1, 0, 1])) + \
        attr(0x40, 2, b"") + attr(0x40, 1, b"\x05") + attr(0xc7, 99, b"\x01\x02\x03")
    bad_attrs = attr(0x40, 1, b"\x00\x00") + attr(0x40, 2, b"\x02") + attr(0x40, 3, b"\x01") + \
        attr(0x80, 4, b"\x01") + attr(0x40, 6, b"\x01") + attr(0xc0, 7, b"\x01") + \
        attr(0xc0, 18, b"\x01") + attr(0xc0, 8, b"\x01") + attr(0x80, 9, b"") + attr(0x80, 10, b"\x01") + \
        attr(0xc0, 32, b"") + attr(0xc0, 32, bytes(13))
    nlri = bytes([24, 198, 51, 100, 32, 192, 0, 2, 1, 0, 25, 203, 0, 113, 0xff, 8, 10])
    label = bytes([0x00, 0x27, 0x10])  # MPLS label 625
    pmsi_attrs = b"".join(attr(0xc0, 22, bytes([f, t]) + label + v) for f, t, v in [
        (1, 6, bytes([192, 0, 2, 1])), (0, 4, bytes([192, 0, 2, 2, 233, 252, 0, 1])),
        (0, 5, bytes([192, 0, 2, 3, 233, 252, 0, 2])), (0, 3, bytes([192, 0, 2, 4, 232, 1, 1, 1])),
        (0, 2, bytes([192, 0, 2, 5]) + u32(9)), (0, 7, bytes([192, 0, 2, 6]) + u32(10)),
        (2, 1, bytes([192, 0, 2, 7]) + u32(11)), (0, 9, b"\x01\x02\x03")])
    inner_set = attr(0xc0, 128, u32(65000) + attr(0x40, 1, b"\x02"))
    attr_sets = attr(0xc0, 128, u32(64512) + attr(0x40, 1, b"\x00") + attr(0x50, 2, bytes([2, 1, 0xfc, 0])) +
                     attr(0x00, 5, u32(200)) + inner_set) + \
        attr(0xc0, 128, u32(1) + b"\x40") + attr(0xc0, 128, u32(2) + b"\x50\x01\x00") + \
        attr(0xc0, 128, u32(3) + b"\x40\x01\x05\x00") + attr(0xc0, 128, b"\x00\x01")
    pkts = [
        tcp(open_(opts=caps(cap(1, struct.pack(">HBB", 1, 0, 1)), cap(1, struct.pack(">HBB", 2, 0, 1)),
                            cap(2, b""), cap(128, b""), cap(70, b""), cap(71, b""),
                            cap(64, struct.pack(">H", 0x8078) + struct.pack(">HBB", 1, 1, 0x80) +
                                struct.pack(">HBB", 2, 1, 0)),
                            cap(65, u32(4200000000)),
                            cap(69, struct.pack(">HBB", 1, 1, 3) + struct.pack(">HBB", 2, 1, 1) +
                                struct.pack(">HBB", 1, 4, 9)),
                            cap(8, struct.pack(">HBB", 1, 4, 2)), cap(99, b"\x01\x02")))),
        tcp(open_(asn=23456, opts=caps(cap(1, b"\x00\x01")) + caps(cap(64, b"\x00")) +
                  caps(cap(65, b"\x00")) + caps(cap(69, b"")) + caps(cap(69, b"\x00\x01\x01")) +
                  bytes([1, 2, 0xab, 0xcd]) + bytes([9, 0])), sport=179, dport=40179),
        tcp(open_(opts=bytes([2, 9, 1, 4]))),
        tcp(msg(4, b"")),
        tcp(msg(4, b"") + msg(4, b"") + msg(5, struct.pack(">HBB", 1, 0, 1))),
        tcp(update(attrs=typical_attrs, nlri=nlri)),
        tcp(update(attrs=more_attrs, nlri=bytes([24, 198, 51, 100]))),
        tcp(update(attrs=bad_attrs)),
        tcp(update(withdrawn=bytes([24, 198, 51, 100, 16, 10, 1]))),
        tcp(update(withdrawn=bytes([0, 0, 0, 1, 24, 198, 51, 100, 0, 0, 0, 2, 0]))),
        tcp(update(withdrawn=bytes([40, 1, 2, 3, 4, 5]))),
        tcp(update(withdrawn=bytes([24, 198, 51]))),
        tcp(update(withdrawn=b"\x00")),
        tcp(update(attrs=attr(0x40, 1, b"\x00"),
                   nlri=bytes([0, 0, 0, 1, 24, 198, 51, 100, 0, 0, 0, 2, 32, 192, 0, 2, 1]))),
        tcp(update(nlri=bytes([33, 1, 2, 3, 4, 5]))),
        tcp(update(nlri=bytes([24, 198]))),
        tcp(update()),
        tcp(update(attrs=b"\x40")),
        tcp(update(attrs=b"\x50\x02\x00")),
        tcp(msg(2, struct.pack(">H", 0) + struct.pack(">H", 10) + attr(0x40, 1, b"\x00"))),
        tcp(msg(2, struct.pack(">H", 0) + struct.pack(">H", 4) + bytes([0x40, 1, 9, 0]))),
        tcp(msg(2, b"\x00")),
        tcp(notif(1, 2, b"\x00\x10") + notif(2, 2) + notif(3, 11) + notif(4, 0) + notif(5, 3) +
            notif(7, 4) + notif(9, 9)),
        tcp(notif(6, 1, struct.pack(">HBI", 1, 1, 1000)) + notif(6, 1) + notif(6, 3) + notif(6, 9)),
        tcp(notif(6, 2, b"\x0cmaintenance")),
        tcp(notif(6, 4, b"\x04bye!\x01\x02\x03")),
        tcp(notif(6, 2, b"\x00")),
        tcp(notif(6, 2, b"\x00\xaa\xbb")),
        tcp(notif(6, 2, b"\x30short")),
        tcp(msg(3, b"\x06")),
        tcp(msg(5, struct.pack(">HBB", 2, 0, 128)) + msg(5, b"\x00")),
        tcp(msg(9, b"\x01\x02\x03")),
        tcp(b"junk" + msg(4, b"")),
        tcp(b"\xff" * 16 + struct.pack(">HB", 10, 4)),
        tcp(b"\xff\xff\xffnot a marker" + msg(4, b"")),
        tcp(b"no marker at all"),
        # Multiprotocol routes: IPv6 and IPv4 unicast/multicast (others are not decoded).
        tcp(update(attrs=attr(0x40, 1, b"\x00") + attr(0x40, 2, b"") +
                   attr(0x90, 14, struct.pack(">HBB", 2, 1, 32) +
                        bytes.fromhex("20010db8000000000000000000000001") +
                        bytes.fromhex("fe800000000000000000000000000001") + b"\x00" +
                        bytes([64]) + bytes.fromhex("20010db800010000") + bytes([128]) +
                        bytes.fromhex("20010db8000000000000000000000002") + bytes([0]) +
                        bytes([57]) + bytes.fromhex("20010db80002ffff")))),
        tcp(update(attrs=attr(0x80, 14, struct.pack(">HBB", 1, 2, 4) + bytes([192, 0, 2, 1]) +
                              b"\x02\x01\xaa\x00" + bytes([24, 198, 51, 100])) +
                   attr(0x80, 14, struct.pack(">HBB", 1, 3, 6) + bytes(6) + b"\x00" + bytes([8, 10])) +
                   attr(0x80, 14, struct.pack(">HBB", 2, 1, 8) + bytes(8) + b"\x00"))),
        tcp(update(attrs=attr(0x80, 15, struct.pack(">HB", 2, 1)) + attr(0x80, 15, struct.pack(">HB", 1, 1)) +
                   attr(0x80, 15, struct.pack(">HB", 2, 1) + bytes([48]) + bytes.fromhex("20010db80003") +
                        bytes([200, 1])) +
                   attr(0x80, 15, struct.pack(">HB", 2, 1) + u32(7) + bytes([64]) +
                        bytes.fromhex("20010db800040000") + u32(8) + bytes([0])))),
        tcp(update(attrs=attr(0x80, 15, struct.pack(">HB", 99, 1) + b"\x01\x02") +
                   attr(0x80, 14, struct.pack(">HBB", 2, 77, 0) + b"\x00") +
                   attr(0x80, 15, b"\x00\x02") + attr(0x40, 1, b"\x00") + attr(0x80, 14, b"\x00\x02"))),
        # MP_UNREACH shorter than its AFI/SAFI, whose SAFI (read past it) is one decoded (a
        # fuzzer find: the printer's length arithmetic underflowed).
        tcp(update(attrs=attr(0x80, 15, b"\x00\x01") + attr(0x01, 1, b"\x00"))),
        tcp(update(attrs=attr(0x80, 14, struct.pack(">HBB", 2, 1, 16) + bytes(16) + b"\x00" +
                              bytes([64, 0x20, 0x01])))),
        tcp(update(attrs=attr(0x80, 14, struct.pack(">HBB", 1, 1, 4) + bytes([192, 0, 2, 1])))),
        # Extended communities, every format; link bandwidths rounded as glibc rounds.
        tcp(update(attrs=attr(0xc0, 16, b"".join(
            struct.pack(">H", t) + v for t, v in [
                (0x0002, struct.pack(">HI", 64512, 100)), (0x0102, bytes([192, 0, 2, 1, 0, 7])),
                (0x0202, struct.pack(">IH", 4200000000, 9)), (0x0003, struct.pack(">HI", 1, 2)),
                (0x0103, bytes([192, 0, 2, 2, 0, 8])), (0x0203, struct.pack(">IH", 70000, 1)),
                (0x000a, struct.pack(">HI", 3, 4)), (0xf10a, bytes([198, 51, 100, 1, 0, 5])),
                (0x010b, bytes([198, 51, 100, 2, 0, 6])),
                (0x4004, struct.pack(">Hf", 64512, 125000000.0)), (0x4004, struct.pack(">Hf", 0, 7812.5)),
                (0x4004, struct.pack(">Hf", 0, 1234.567)), (0x4004, struct.pack(">Hf", 0, -2.5e9)),
                (0x4004, b"\x00\x00\x7f\xc0\x00\x00"), (0x4004, b"\x00\x00\xff\x80\x00\x00"),
                (0x4004, b"\x00\x00\x7f\x7f\xff\xff"), (0x4004, b"\x00\x00\x00\x00\x00\x01"),
                (0x0005, bytes([192, 0, 2, 3, 0, 0])), (0x8001, bytes([192, 0, 2, 4, 0, 0])),
                (0x0306, bytes([0, 0, 0, 1, 5, 1])), (0x8000, bytes([0, 0, 0, 2, 9, 0])),
                (0x0306, bytes([0, 0, 0, 3, 7, 0])), (0x800a, bytes([19, 0x0f]) + struct.pack(">HH", 1500, 0)),
                (0x800a, bytes([99, 0, 0, 0, 0, 0])), (0x0009, struct.pack(">HI", 65001, 0)),
                (0x030c, struct.pack(">IH", 0, 8)), (0x030c, struct.pack(">IH", 0, 99)),
                (0x4711, bytes([1, 2, 3, 4, 5, 6]))])) +
            attr(0xc0, 16, bytes(12)))),
        # AIGP and labeled unicast (RFC 3107) routes.
        tcp(update(attrs=attr(0x80, 26, bytes([1]) + struct.pack(">H", 11) + u64(123456789012) +
                              bytes([9]) + struct.pack(">H", 5) + b"\xab\xcd") +
                   attr(0x80, 14, struct.pack(">HBB", 1, 4, 4) + bytes([192, 0, 2, 1]) + b"\x00" +
                        bytes([48]) + bytes([0x00, 0x14, 0x11]) + bytes([198, 51, 100]) +
                        bytes([56]) + bytes([0x00, 0x03, 0xe0]) + bytes([203, 0, 113, 7]) +
                        bytes([20, 1, 2, 3])) +
                   attr(0x80, 14, struct.pack(">HBB", 2, 4, 16) +
                        bytes.fromhex("20010db8000000000000000000000001") + b"\x00" +
                        bytes([88]) + bytes([0x00, 0x06, 0x41]) + bytes.fromhex("20010db80005ffff")) +
                   attr(0x80, 15, struct.pack(">HB", 1, 4) + bytes([40, 0, 0, 1, 10, 9])) +
                   attr(0x80, 15, struct.pack(">HB", 1, 4) + bytes([40, 0, 0])))),
        # RFC 4684 route-target membership.
        tcp(update(attrs=attr(0x80, 14, struct.pack(">HBB", 1, 132, 4) + bytes([192, 0, 2, 1]) + b"\x00" +
                              bytes([0]) + bytes([32]) + u32(64512) +
                              bytes([96]) + u32(64512) + struct.pack(">HHI", 2, 65000, 100) +
                              bytes([96]) + u32(64513) + bytes([1, 2, 192, 0, 2, 9, 0, 7]) +
                              bytes([96]) + u32(64514) + struct.pack(">HIH", 0x0202, 4200000000, 3) +
                              bytes([92]) + u32(1) + struct.pack(">HHI", 2, 65000, 0xffffffff) +
                              bytes([44]) + u32(2) + b"\x00\xff" +
                              bytes([60]) + u32(3) + struct.pack(">HH", 0x4711, 0xabcd)) +
                   attr(0x80, 15, struct.pack(">HB", 1, 132) + bytes([20, 1, 2, 3])) +
                   attr(0x80, 15, struct.pack(">HB", 1, 132) + bytes([97]) + bytes(12)))),
        # PMSI tunnels (EVPN's ingress replication) and attribute sets (RFC 6368).
        tcp(update(attrs=pmsi_attrs + attr_sets)),
        # RFC 4364 VPN routes, every route distinguisher format.
        tcp(update(attrs=attr(0x80, 14, struct.pack(">HBB", 1, 128, 12) + bytes(8) + bytes([192, 0, 2, 1]) +
                              b"\x00" +
                              bytes([112, 0x00, 0x3e, 0x81]) + struct.pack(">HHI", 0, 64512, 7) +
                              bytes([198, 51, 100]) +
                              bytes([120, 0x00, 0x3e, 0x80]) + struct.pack(">HBBBBH", 1, 192, 0, 2, 1, 9) +
                              bytes([203, 0, 113, 5]) +
                              bytes([96, 0x00, 0x3e, 0x81]) + struct.pack(">HIH", 2, 4200000000, 3) + bytes([10]) +
                              bytes([88, 0x00, 0x3e, 0x81]) + struct.pack(">HHI", 7, 0, 0) +
                              bytes([80, 0, 0, 0])) +
                   attr(0x80, 14, struct.pack(">HBB", 2, 128, 24) + bytes(8) +
                        bytes.fromhex("20010db8000000000000000000000001") + b"\x00" +
                        bytes([152, 0x00, 0x3e, 0x81]) + struct.pack(">HHI", 0, 65000, 1) +
                        bytes.fromhex("20010db80006ffff")) +
                   attr(0x80, 14, struct.pack(">HBB", 1, 128, 4) + bytes([192, 0, 2, 1]) + b"\x00") +
                   attr(0x80, 15, struct.pack(">HB", 1, 128) + bytes([112, 0, 0, 1]) + bytes(8) +
                        bytes([198, 51, 100]) + bytes([250]) + bytes(3)))),
        tcp(update(attrs=attr(0xc0, 22, bytes([0, 4, 0, 0, 0]) + bytes([192, 0, 2])))),
        tcp(update(attrs=attr(0xc0, 22, bytes([0, 4, 0, 0])))),
        tcp(update(attrs=attr(0x80, 26, bytes([1]) + struct.pack(">H", 2)))),
        tcp(update(attrs=attr(0x80, 26, bytes([1]) + struct.pack(">H", 10) + bytes(7)))),
        tcp(update(attrs=attr(0x80, 26, bytes([1]) + struct.pack(">H", 12) + bytes(8)))),
    ]
    big = pkts[5]
    cuts = [(big, n) for n in (54 + 10, 54 + 17, 54 + 19, 54 + 21, 54 + 25, 54 + 30, 54 + 36, 54 + 45,
                               54 + 60, 54 + 75, 54 + 90, 54 + 100)]
    cuts += [(pkts[0], n) for n in (54 + 24, 54 + 29, 54 + 31, 54 + 35, 54 + 40, 54 + 50, 54 + 70)]
    cuts += [(pkts[6], n) for n in (54 + 30, 54 + 40, 54 + 60, 54 + 75)]
    cuts += [(pkts[22], n) for n in (54 + 20, 54 + 30)]
    cuts += [(pkts[25], 54 + 25), (pkts[9], 54 + 30), (pkts[13], 54 + 40), (pkts[13], 54 + 45)]
    cuts += [(pkts[36], n) for n in (54 + 40, 54 + 50, 54 + 70, 54 + 90, 54 + 100, 54 + 110)]
    cuts += [(pkts[43], n) for n in (54 + 27, 54 + 30, 54 + 36)]
    cuts += [(pkts[44], n) for n in (54 + 30, 54 + 70, 54 + 90)]
    return pkts, cuts


def tcp_stream(port, client_port=40000):
    """A function making the segments of one TCP connection to `port` (to the server by
    default), sequence numbers following on."""
    seq = {True: 1000, False: 5000}

    def t(payload, to_server=True, flags="PA"):
        sp, dp = (client_port, port) if to_server else (port, client_port)
        src, dst = (A4, B4) if to_server else (B4, A4)
        pkt = eth(IP(src=src, dst=dst) / TCP(sport=sp, dport=dp, flags=flags, seq=seq[to_server],
                                            ack=seq[not to_server], window=502) / Raw(payload))
        seq[to_server] += len(payload)
        return pkt

    return t


def telnet_packets():
    t = tcp_stream(23)
    IAC, SB, SE = 255, 250, 240
    cmd = lambda *b: bytes(b)
    pkts = [
        # The usual opening: DO/WILL/WONT/DONT of known options, several in one segment.
        t(cmd(IAC, 253, 24, IAC, 253, 32, IAC, 253, 35, IAC, 253, 39), False),
        t(cmd(IAC, 251, 24, IAC, 251, 32, IAC, 252, 35, IAC, 254, 1)),
        # Subnegotiations: TERMINAL TYPE SEND / IS "XTERM", NAWS, NEW-ENVIRON.
        t(cmd(IAC, SB, 24, 1, IAC, SE), False),
        t(cmd(IAC, SB, 24, 0) + b"XTERM" + cmd(IAC, SE)),
        t(cmd(IAC, SB, 31, 0, 80, 0, 24, IAC, SE)),
        t(cmd(IAC, SB, 39, 2, 0) + b"USER" + cmd(1) + b"x" + cmd(IAC, SE) + b"login: "),
        # AUTHENTICATION and ENCRYPT: known and unknown commands and types.
        t(cmd(IAC, SB, 37, 1, 2, 2, 0, 0, IAC, SE), False),
        t(cmd(IAC, SB, 37, 9, 8, IAC, SE, IAC, SB, 37, 0, IAC, SE, IAC, SB, 37, IAC, SE)),
        t(cmd(IAC, SB, 38, 1, 1, 2, IAC, SE, IAC, SB, 38, 12, 5, IAC, SE, IAC, SB, 38, 3, IAC, SE)),
        # Option numbers past the table, and 0x0 printed as "0".
        t(cmd(IAC, 253, 200, IAC, 251, 0, IAC, SB, 99, 7, 0, IAC, SE)),
        # The one-byte commands, IAC IAC, and data after the commands (not printed).
        t(cmd(*sum(([IAC, c] for c in range(236, 250)), [])) + cmd(IAC, IAC) + b"data"),
        # Text only, a byte below the command range, an unterminated subnegotiation.
        t(b"Debian GNU/Linux 12\r\n", False),
        t(cmd(IAC, 200, IAC, 251, 1)),
        t(cmd(IAC, 251, 1, IAC, SB, 24, 0, 65, 66)),
        t(cmd(IAC, 251, 1, IAC, SB, 24, 0, 65, IAC)),
        t(cmd(IAC, 251)),
        t(cmd(IAC)),
    ]
    # Cuts inside a command, a subnegotiation and the subnegotiation's end.
    cuts = [(pkts[0], 54 + 1), (pkts[0], 54 + 6), (pkts[3], 54 + 5), (pkts[3], 54 + 9),
            (pkts[3], 54 + 10), (pkts[8], 54 + 8)]
    return pkts, cuts


def pptp_packets():
    t = tcp_stream(1723)
    H = lambda *v: struct.pack(">" + "H" * len(v), *v)
    I = lambda *v: struct.pack(">" + "I" * len(v), *v)
    s64 = lambda b, n=64: b.ljust(n, b"\0")[:n]

    def msg(typ, body, cookie=0x1A2B3C4D, mtype=1, res=0):
        return H(12 + len(body), mtype) + I(cookie) + H(typ, res) + body

    sccrq = msg(1, H(0x100, 0) + I(3, 3) + H(0, 0x1234) + s64(b"pac.example") + s64(b"Vendor"))
    sccrp = msg(2, H(0x100) + bytes([1, 0]) + I(1, 2) + H(1, 2) + s64(b"lns") + s64(b"\x01\xffv"))
    ocrq = msg(7, H(7, 8) + I(300, 100000, 3, 1) + H(64, 0, 5, 0) + s64(b"5551234567") + s64(b"sub"))
    icrq = msg(9, H(9, 10) + I(2, 77) + H(3, 70) + s64(b"12345") + s64(b"6" * 64) + s64(b""))
    cdn = msg(13, H(11) + bytes([4, 0]) + H(0, 0) + s64(b"stats: fine", 128))
    pkts = [
        t(sccrq),
        t(sccrp, False),
        t(msg(3, bytes([1, 0]) + H(0))),
        t(msg(3, bytes([3, 1]) + H(2))),
        t(msg(3, bytes([9, 0]) + H(0))),
        t(msg(4, bytes([1, 0]) + H(0)), False),
        t(msg(4, bytes([2, 6]) + H(1)), False),
        t(msg(5, I(0xDEADBEEF))),
        t(msg(6, I(0xDEADBEEF) + bytes([1, 0]) + H(0)), False),
        t(msg(6, I(1) + bytes([9, 9]) + H(0)), False),
        t(ocrq),
        t(msg(8, H(7, 9) + bytes([1, 0]) + H(0) + I(64000) + H(64, 0) + I(5)), False),
        t(msg(8, H(7, 9) + bytes([8, 7]) + H(3) + I(0) + H(0, 0) + I(0)), False),
        t(icrq, False),
        t(msg(10, H(12, 9) + bytes([1, 0]) + H(64, 0, 0))),
        t(msg(10, H(12, 9) + bytes([3, 2]) + H(64, 0, 5))),
        t(msg(11, H(9, 0) + I(64000) + H(64, 0) + I(3)), False),
        t(msg(11, H(9, 1) + I(64000) + H(64, 0) + I(7)), False),
        t(msg(12, H(7, 0))),
        t(cdn, False),
        t(msg(13, H(11) + bytes([5, 1]) + H(2, 0) + s64(b"", 128)), False),
        t(msg(14, H(9, 0) + I(1, 2, 3, 4, 5, 6))),
        t(msg(15, H(9, 0) + I(0xFFFFFFFF, 0))),
        # The management class, another class, a wrong cookie, unknown and undefined types,
        # a reserved word set.
        t(msg(5, I(1), mtype=2)),
        t(msg(5, I(1), mtype=3)),
        t(msg(5, I(1), cookie=0x12345678)),
        t(msg(16, b"")),
        t(msg(0, b"")),
        t(msg(12, H(7, 0), res=5)),
        # A message shorter than its type's fields.
        t(msg(1, H(0x100, 0) + I(3))),
        t(msg(9, H(9, 10) + I(2, 77) + H(3, 70) + b"123")),
    ]
    # Cuts in the header and inside the fields and strings of several messages.
    cuts = [(pkts[0], 54 + n) for n in (1, 3, 6, 9, 11, 13, 20, 30, 40, 100, 150)]
    cuts += [(pkts[10], 54 + n) for n in (30, 50, 70, 110)]
    cuts += [(pkts[19], 54 + 30), (pkts[22], 54 + 18), (pkts[2], 54 + 13)]
    return pkts, cuts


def msdp_packets():
    t = tcp_stream(639)
    tlv = lambda typ, body: struct.pack(">BH", typ, 3 + len(body)) + body
    entry = lambda g, src: bytes(3) + bytes([32]) + bytes(map(int, g.split("."))) + \
        bytes(map(int, src.split(".")))
    rp = bytes([192, 0, 2, 9])
    data = bytes(IP(src="198.51.100.7", dst="233.252.0.1", ttl=3) / UDP(sport=5000, dport=5001)
                 / Raw(b"mcast"))
    sa = tlv(1, bytes([2]) + rp + entry("233.252.0.1", "198.51.100.7")
             + entry("233.252.0.2", "198.51.100.8"))
    pkts = [
        t(sa),
        t(tlv(1, bytes([1]) + rp + entry("233.252.0.1", "198.51.100.7") + data)),
        t(tlv(3, bytes([1]) + rp + entry("233.252.0.1", "198.51.100.7")), False),
        t(tlv(2, bytes([0]) + bytes([233, 252, 0, 1]))),
        # Keepalives, one with a body; a notification; unknown types; several in a segment.
        t(tlv(4, b"")),
        t(tlv(4, b"\x00\x01")),
        t(tlv(5, bytes([0x85, 1, 2, 3])), False),
        t(tlv(6, b"abc") + tlv(7, b"")),
        t(tlv(4, b"") + sa + tlv(2, bytes([0, 233, 252, 0, 9]))),
        t(tlv(4, b"") + tlv(9, b"zz")),
        # Not the start of a message (type 0, 8, a length under 3 or over 1500), a TLV longer
        # than the segment, a length under 3 after the first, and a long TLV (> 1400).
        t(bytes([0, 0, 3])),
        t(bytes([8, 0, 3])),
        t(bytes([4, 0, 2])),
        t(bytes([4, 0x05, 0xDD]) + bytes(10)),
        t(tlv(4, b"") + bytes([4, 0, 1])),
        t(bytes([1, 0, 30]) + bytes(10)),
        t(tlv(1, bytes([0]) + rp + bytes(1400))),
        t(b"\x04"),
    ]
    cuts = [(pkts[0], 54 + n) for n in (1, 2, 3, 4)] + [(pkts[3], 54 + 6), (pkts[1], 54 + 40),
                                                         (pkts[8], 54 + 5)]
    return pkts, cuts


def beep_packets():
    t = tcp_stream(10288)
    pkts = [t(b"MSG\x00 1 2 . 0 0\r\n"), t(b"RPY 0 0 . 0 110\r\n", False),
            t(b"ERR 0 1 . 0 0\r\n", False), t(b"ANS 1 0 . 0 5 0\r\n", False),
            t(b"NUL 1 0 . 0 0\r\n", False), t(b"SEQ 1 0 4096\r\n"), t(b"END\x00"),
            # tcpdump's strncmp: "MSG " and "END\r" are not keywords, nor anything short.
            t(b"MSG 0 1 . 0 52\r\n"), t(b"END\r\n"), t(b"RPY"), t(b"xyz0 rest")]
    cuts = [(pkts[1], 54 + 3), (pkts[1], 54 + 4)]
    return pkts, cuts


def rpki_rtr_packets():
    t = tcp_stream(323)
    pdu = lambda typ, sess, body, ver=0: struct.pack(">BBHI", ver, typ, sess, 8 + len(body)) + body
    I = lambda *v: struct.pack(">" + "I" * len(v), *v)
    v4 = pdu(4, 0, bytes([1, 24, 32, 0]) + bytes([192, 0, 2, 0]) + I(64496))
    v6 = pdu(6, 0, bytes([0, 32, 48, 0]) + bytes.fromhex("20010db8" + "00" * 12) + I(64497))
    notify = pdu(0, 0x1234, I(42))
    text = lambda s: I(len(s)) + s

    def err(code, inner, msg):
        return pdu(10, code, I(len(inner)) + inner + text(msg))

    pkts = [
        t(notify, False),
        t(pdu(1, 0x1234, I(41))),
        t(pdu(2, 0, b"")),
        t(pdu(3, 0x1234, b""), False),
        t(v4 + v6 + pdu(7, 0x1234, I(43)), False),
        t(pdu(8, 0, b""), False),
        t(err(5, pdu(99, 0, b""), b"unsupported PDU type")),
        t(err(7, v4, b"")),
        t(err(9, b"", b"bad \x01 text")),
        t(err(0, err(1, notify, b"inner"), b"outer")),
        # Unknown types (dumped with -v), another version, too short, lengths that do not
        # fit, and error reports whose parts overrun the PDU.
        t(pdu(9, 0, b"\xde\xad\xbe\xef")),
        t(pdu(1, 0, I(1), ver=1) + notify),
        t(bytes([0, 1, 0, 0])),
        t(pdu(1, 0, I(41) + b"xx")),
        t(struct.pack(">BBHI", 0, 2, 0, 4)),
        t(struct.pack(">BBHI", 0, 2, 0, 64) + bytes(8)),
        t(pdu(4, 0, bytes(8))),
        t(pdu(10, 0, I(100))),
        t(pdu(10, 0, I(0) + I(50) + b"short")),
        t(pdu(10, 0, b"")),
    ]
    cuts = [(pkts[0], 54 + n) for n in (2, 9, 13)] + [(pkts[4], 54 + n) for n in (14, 21, 30)]
    cuts += [(pkts[9], 54 + n) for n in (14, 20, 40, 60)]
    return pkts, cuts


def babel_packets():
    L6 = "fe80::1"

    def u(body, trailer=b"", v6=True, sport=6696, dport=6696, magic=42, ver=2, blen=None):
        head = struct.pack(">BBH", magic, ver, len(body) if blen is None else blen)
        ip = IPv6(src=L6, dst="ff02::1:6", hlim=1) if v6 else IP(src=A4, dst="224.0.0.111", ttl=1)
        return eth(ip / UDP(sport=sport, dport=dport) / Raw(head + body + trailer))

    tlv = lambda t, b: bytes([t, len(b)]) + b
    H = lambda *v: struct.pack(">" + "H" * len(v), *v)
    I = lambda *v: struct.pack(">" + "I" * len(v), *v)
    rid = bytes.fromhex("0200000000000a01")
    hello = tlv(4, H(0, 7, 400))
    hello_ts = tlv(4, H(0x8000, 8, 0) + bytes([3, 4]) + I(1234567))
    ihu6 = tlv(5, bytes([3, 0]) + H(96, 1200) + bytes.fromhex("0000000000000002"))
    ihu4 = tlv(5, bytes([1, 0]) + H(256, 1200) + bytes([192, 0, 2, 2]) + bytes([3, 10]) + I(1, 2000000))
    ihu_any = tlv(5, bytes([0, 0]) + H(0xFFFF, 0))
    upd4 = tlv(8, bytes([1, 0x80, 24, 0]) + H(1600, 9, 96) + bytes([192, 0, 2]))
    upd4_omit = tlv(8, bytes([1, 0x40, 32, 3]) + H(1600, 9, 0xFFFF) + bytes([7]))
    upd6 = tlv(8, bytes([2, 0x80, 64, 0]) + H(0xFFFF, 10, 256) + bytes.fromhex("20010db800010000")
               + bytes([2, 3, 1, 255, 9]))
    upd6_omit = tlv(8, bytes([2, 0x3f, 80, 8]) + H(400, 11, 512) + bytes([0xAB, 0xCD]) + bytes([0, 1, 0]))
    upd_any = tlv(8, bytes([0, 0, 0, 0]) + H(400, 12, 0xFFFF))
    pkts = [
        u(hello + ihu6 + tlv(6, H(0) + rid) + tlv(7, bytes([2, 0]) + bytes.fromhex("20010db8" + "00" * 11 + "01"))
          + upd6 + upd6_omit),
        u(tlv(0, b"")[:1] + tlv(1, bytes(3)) + tlv(2, H(0, 0x1234, 300)) + tlv(3, H(0x1234))),
        u(hello_ts + ihu4 + ihu_any + tlv(7, bytes([1, 0]) + bytes([192, 0, 2, 1])), v6=False),
        u(upd4 + upd4_omit + upd_any + tlv(7, bytes([0, 0]))),
        u(tlv(9, bytes([2, 48]) + bytes.fromhex("20010db80001")) + tlv(9, bytes([0, 0]))
          + tlv(9, bytes([1, 16, 198, 51]))),
        u(tlv(10, bytes([2, 32]) + H(5) + bytes([64, 0]) + rid + bytes.fromhex("20010db8"))
          + tlv(10, bytes([0, 0]) + H(6) + bytes([3, 0]) + rid)),
        u(tlv(11, H(3) + I(99999))),
        u(tlv(12, H(7) + bytes(range(16)))),
        u(tlv(13, bytes([2, 16, 48, 0]) + H(400, 1, 2) + bytes.fromhex("20010db80002")
              + bytes.fromhex("2001") + bytes([2, 1, 5])),
          tlv(12, H(1) + bytes(16))),
        u(tlv(14, bytes([2, 48, 16]) + bytes.fromhex("20010db80002") + bytes.fromhex("2001"))
          + tlv(14, bytes([0, 0, 0]))),
        u(tlv(15, bytes([1, 24]) + H(3) + bytes([8, 16]) + rid + bytes([192, 0, 2]) + bytes([198, 51]))),
        u(tlv(16, bytes(20)) + tlv(17, I(77) + b"ix") + tlv(18, bytes(8)) + tlv(19, bytes(8))
          + tlv(99, b"zz")),
        # Sub-TLVs: pads, mandatory bit, unknown, timestamp where bogus, a short one.
        u(tlv(4, H(0, 1, 100) + bytes([0, 1, 1, 0, 0x85, 1, 9, 2, 1, 4, 3, 2, 0, 0]))),
        u(tlv(5, bytes([0, 0]) + H(1, 1) + bytes([3, 4]) + I(5))),
        u(tlv(4, H(0, 1, 100) + bytes([3, 2, 0, 0]))),
        u(tlv(4, H(0, 1, 100) + bytes([1]))),
        u(tlv(4, H(0, 1, 100) + bytes([1, 5, 0]))),
        # Invalid TLVs: short, bad address encodings, a TLV past the body, challenge > 192.
        u(tlv(2, H(0)) + tlv(3, b"") + tlv(4, H(0))),
        u(tlv(5, bytes([9, 0]) + H(1, 1))),
        u(tlv(7, bytes([7, 0]))),
        u(tlv(8, bytes([1, 0, 40, 0]) + H(1, 1, 1) + bytes(5))),
        u(tlv(8, bytes([1, 0, 24, 2]) + H(1, 1, 1) + bytes(1))),
        u(tlv(8, bytes([2, 0, 64, 0]) + H(1, 1, 1) + bytes(2))),
        u(tlv(6, bytes(4))),
        u(tlv(18, bytes(193))),
        u(tlv(4, H(0, 1, 100)), blen=20),
        u(bytes([4, 10]) + H(0, 1, 100)),
        # Not Babel 2: another magic, another version, a short header; the old port.
        u(b"", magic=43),
        u(b"", ver=1),
        u(hello, sport=6697, dport=6697),
        u(hello, trailer=b"\x00" + tlv(1, b"")),
    ]
    b = len(eth(IPv6() / UDP()))
    cuts = [(pkts[0], b + n) for n in (2, 4, 6, 9, 20, 40)] + [(pkts[2], 42 + 4 + 10)]
    return pkts, cuts


def ahcp_packets():
    def u(payload, v6=True):
        ip = IPv6(src="fe80::1", dst="ff02::cca6:c0f9:e182:5359", hlim=1) if v6 else IP(src=A4, dst=B4)
        return eth(ip / UDP(sport=5359, dport=5359) / Raw(payload))

    src, dst = bytes.fromhex("0200000000000a01"), b"\xff" * 8

    def msg(typ, opts, mbz=0, blen=None, extra=b"", hops=(1, 2)):
        head = bytes([43, 1, hops[0], hops[1]]) + struct.pack(">I", 0x1234ABCD) + src + dst
        return head + struct.pack(">BBH", typ, mbz, len(opts) if blen is None else blen) + opts + extra

    opt = lambda n, b: bytes([n, len(b)]) + b
    a6 = bytes.fromhex("20010db8" + "00" * 11 + "01")
    a4 = bytes([192, 0, 2, 1])
    full = (bytes([0, 1]) + opt(2, struct.pack(">I", 1710054000)) + opt(3, struct.pack(">I", 3600))
            + opt(4, a6) + opt(5, a4) + opt(6, a6 + bytes([64]) + a6 + bytes([48]))
            + opt(7, a4 + bytes([24])) + opt(8, a6 + a6) + opt(9, a4 + bytes([198, 51, 100, 1]))
            + opt(10, a6 + bytes([56])) + opt(11, a4 + bytes([28])) + opt(12, a6) + opt(13, a6)
            + opt(99, b"xyz"))
    pkts = [
        u(msg(0, b"")),
        u(msg(1, full)),
        u(msg(2, opt(9, a4)), v6=False),
        u(msg(3, opt(3, struct.pack(">I", 60)), mbz=7)),
        u(msg(4, b"")), u(msg(5, b"")), u(msg(9, b"")),
        # Options: wrong sizes, a length past the body, a missing length.
        u(msg(1, opt(2, b"\x00\x01"))),
        u(msg(1, opt(3, b"\x00" * 5))),
        u(msg(1, opt(4, a6[:10]))),
        u(msg(1, opt(5, a4 + b"\x01"))),
        u(msg(1, opt(6, a6))),
        u(msg(1, opt(11, a4))),
        u(msg(1, bytes([4, 40]) + a6)),
        u(msg(1, bytes([0, 4]))),
        # Body length past the datagram, extra data after the body, a short body, short header,
        # another magic or version, too short for anything.
        u(msg(1, opt(9, a4), blen=40)),
        u(msg(1, opt(9, a4), extra=b"trailing")),
        u(msg(1, b"")[:25]),
        u(msg(1, b"")[:20]),
        u(bytes([42, 1]) + bytes(22)),
        u(bytes([43, 2]) + bytes(6)),
        u(b"\x2b"),
    ]
    b = len(eth(IPv6() / UDP()))
    cuts = [(pkts[1], b + n) for n in (1, 3, 10, 20, 26, 30, 40, 60, 100, 150)]
    return pkts, cuts


def hncp_packets():
    def u(payload, v6=True):
        ip = IPv6(src="fe80::1", dst="ff02::11", hlim=1) if v6 else IP(src=A4, dst=B4)
        return eth(ip / UDP(sport=8231, dport=8231) / Raw(payload))

    def tlv(t, body, pad=True):
        b = struct.pack(">HH", t, len(body)) + body
        return b + bytes(-len(body) % 4) if pad else b

    H = lambda *v: struct.pack(">" + "H" * len(v), *v)
    I = lambda *v: struct.pack(">" + "I" * len(v), *v)
    nid = bytes([1, 2, 3, 4])
    a6 = bytes.fromhex("20010db8" + "00" * 11 + "01")
    m4 = bytes(10) + b"\xff\xff" + bytes([192, 0, 2, 1])
    dns = lambda *labels: b"".join(bytes([len(x)]) + x for x in labels) + b"\0"
    pfx6 = bytes([48]) + bytes.fromhex("20010db80001")
    pfx4 = bytes([96 + 24]) + bytes(10) + b"\xff\xff" + bytes([198, 51, 100])
    dh4 = (bytes([6, 8, 192, 0, 2, 53, 192, 0, 2, 54]) + bytes([42, 4, 192, 0, 2, 123])
           + bytes([119, 13]) + dns(b"home", b"arpa") + bytes([1, 2, 9, 9]))
    dh6 = H(23, 16) + a6 + H(31, 16) + a6 + H(24, 11) + dns(b"lan", b"home") + H(99, 1) + b"x"
    node = tlv(5, nid + I(7, 20000) + bytes(range(8)) + tlv(32, H(0, 0x1234) + b"hnetd/1.0")
               + tlv(36, I(9) + a6) + tlv(36, I(10) + m4) + tlv(41, a6 + bytes([5]) + b"node1")
               + tlv(35, I(9) + bytes([3]) + pfx6 + tlv(99, b""))
               + tlv(34, I(3600000, 1800000) + pfx4 + tlv(43, bytes([0])))
               + tlv(33, tlv(34, I(1, 2) + pfx6) + tlv(37, dh4) + tlv(38, dh6)))
    pkts = [
        u(tlv(4, bytes(range(8))) + tlv(3, nid + I(1)) + tlv(9, I(1, 20000))),
        u(node + tlv(8, nid + I(2, 3)) + tlv(8, nid + I(4, 5))),
        u(tlv(1, b"") + tlv(2, nid) + tlv(10, bytes([1, 0, 0, 0]) + bytes(range(32)) + b"cn.example")
          + tlv(39, a6 + bytes([7]) + dns(b"home", b"arpa")) + tlv(40, dns(b"home"))
          + tlv(42, bytes(range(32, 64)) + tlv(0, b""))),
        u(tlv(43, bytes([129]) + dns(b"example", b"com")) + tlv(43, bytes([130]) + b"utf8 text")
          + tlv(43, bytes([131])) + tlv(43, bytes([200])) + tlv(43, bytes([24, 192, 0, 2]))
          + tlv(43, bytes([96 + 16]) + bytes(10) + b"\xff\xff" + bytes([10, 1]))),
        # Undefined types in each range, several in a row (listed as "(xN)").
        u(tlv(0, b"") + tlv(6, b"") + tlv(7, b"") + tlv(100, b"") + tlv(100, b"") + tlv(800, b"")
          + tlv(2000, b"ab")),
        # Invalid bodies of each kind, and a last TLV longer than the datagram.
        u(tlv(1, b"x") + tlv(2, b"abc") + tlv(3, b"") + tlv(4, b"") + tlv(5, bytes(4)) + tlv(8, b"")
          + tlv(9, b"") + tlv(10, bytes(36)) + tlv(32, b"") + tlv(34, bytes(9) + b"\xff")
          + tlv(34, I(0, 0) + bytes([200]) + bytes(30)) + tlv(35, bytes(6) + b"\x80")
          + tlv(36, bytes(4)) + tlv(39, bytes(4)) + tlv(39, a6 + bytes([0, 5]) + b"ab")
          + tlv(40, b"") + tlv(41, a6 + bytes([9]) + b"x") + tlv(41, a6 + bytes([70]) + bytes(70))
          + tlv(42, b"") + tlv(43, b"") + tlv(43, bytes([0, 1])) + tlv(43, bytes([131, 1]))
          + tlv(43, bytes([96 + 40]) + bytes(10) + b"\xff\xff" + bytes(5))
          + tlv(38, b"") + tlv(38, H(23, 3) + b"abc") + tlv(37, b"")),
        u(tlv(37, bytes([6, 3, 1, 2, 3]))),
        u(tlv(37, bytes([6, 9, 1, 2, 3]))),
        u(tlv(37, bytes([6]))),
        u(tlv(38, H(24, 2) + b"\x05a")),
        u(tlv(1, b"") + H(2, 40) + nid),
        u(tlv(1, b"") + b"\x00\x02"),
        u(b""),
    ]
    b = len(eth(IPv6() / UDP()))
    cuts = [(pkts[1], b + n) for n in (2, 6, 30, 60, 100, 150, 200, 260)] + [(pkts[0], b + 10)]
    return pkts, cuts


def aodv_packets():
    def u(payload, v6=False):
        ip = IPv6(src=A6, dst="2001:db8::2") if v6 else IP(src=A4, dst=B4)
        return eth(ip / UDP(sport=654, dport=654) / Raw(payload))

    I = lambda *v: struct.pack(">" + "I" * len(v), *v)
    a4 = lambda s: bytes(map(int, s.split(".")))
    a6 = lambda n: bytes.fromhex("20010db8" + "00" * 11 + "%02x" % n)
    hello = bytes([1, 4]) + I(1000)
    rreq = bytes([1, 0, 0, 3]) + I(0x1234) + a4("192.0.2.9") + I(5) + a4(A4) + I(6)
    rreq6 = bytes([1, 0, 0, 3]) + I(0x1234) + a6(9) + I(5) + a6(1) + I(6)
    rrep = bytes([2, 0, 5, 2]) + a4("192.0.2.9") + I(7) + a4(A4) + I(3000)
    rrep6 = bytes([2, 0, 64, 2]) + a6(9) + I(7) + a6(1) + I(3000)
    pkts = [
        u(rreq), u(rreq + hello), u(rreq6, True), u(rreq6 + hello, True),
        # The flags tcpdump reads from the type byte, as it does.
        u(bytes([0xF9]) + rreq[1:]),
        u(rrep), u(rrep + bytes([1, 2, 0, 0, 0, 0])), u(rrep6, True),
        u(bytes([3, 0x80, 0, 2]) + a4("192.0.2.9") + I(8) + a4("192.0.2.10") + I(9)),
        u(bytes([3, 0, 0, 1]) + a6(9) + I(8), True),
        u(bytes([3, 0, 0, 3]) + a4("192.0.2.9") + I(8)),
        u(bytes([4, 0])), u(bytes([19, 0]), True),
        u(bytes([16, 0, 0, 1]) + I(0x55, 1, 2) + a6(3) + a6(4) + hello, True),
        u(bytes([17, 0, 0, 1]) + I(1) + a6(3) + a6(4) + I(500), True),
        u(bytes([18, 0, 0, 1]) + a6(3) + I(8), True),
        u(bytes([77, 1, 2])),
        # Extensions: unknown, a short HELLO, a HELLO cut off by the datagram; short messages.
        u(rreq + bytes([9, 3, 1, 2, 3])), u(rreq + bytes([1, 2, 0, 0, 0, 0])),
        u(rreq + bytes([1, 4, 0, 0])), u(rreq[:20]), u(rrep[:10]), u(bytes([3, 0, 0])),
    ]
    cuts = [(pkts[1], 42 + n) for n in (0, 10, 24, 26, 28)] + [(pkts[8], 42 + 10), (pkts[3], 62 + 40)]
    return pkts, cuts


def olsr_packets():
    def u(msgs, v6=False, plen=None, seq=1):
        body = b"".join(msgs)
        head = struct.pack(">HH", 4 + len(body) if plen is None else plen, seq)
        ip = IPv6(src=A6, dst="ff02::6d") if v6 else IP(src=A4, dst="255.255.255.255")
        return eth(ip / UDP(sport=698, dport=698) / Raw(head + body))

    a4 = lambda s: bytes(map(int, s.split(".")))
    a6 = lambda n: bytes.fromhex("20010db8" + "00" * 11 + "%02x" % n)

    def msg(typ, body, v6=False, vtime=0x86, ttl=255, hops=0, seq=7, mlen=None):
        orig = a6(1) if v6 else a4(A4)
        n = 8 + len(orig) + len(body) if mlen is None else mlen
        return struct.pack(">BBH", typ, vtime, n) + orig + bytes([ttl, hops]) + struct.pack(">H", seq) + body

    link = lambda code, addrs: struct.pack(">BBH", code, 0, 4 + len(addrs)) + addrs
    lq4 = lambda a, lq, nlq: a4(a) + bytes([lq, nlq, 0, 0])
    lq6 = lambda n, lq, nlq: a6(n) + bytes([lq, nlq, 0, 0])
    hello = msg(1, bytes([0, 0, 0x0e, 3]) + link(0x06, a4("192.0.2.2") + a4("192.0.2.3"))
                + link(0x09, a4("192.0.2.4")) + link(0x0f, b""))
    name = lambda t, addr, n: struct.pack(">HH", t, len(n)) + addr + n + bytes(-len(n) % 4)
    pkts = [
        u([]),
        u([hello]),
        u([msg(201, bytes([0, 0, 0x2c, 7]) + link(0x0a, lq4("192.0.2.2", 255, 128) + lq4("192.0.2.3", 1, 0)))]),
        u([msg(201, bytes([0, 0, 0x2c, 7]) + link(0x0a, lq6(2, 200, 100)), v6=True)], v6=True),
        u([msg(2, struct.pack(">HH", 9, 0) + a4("192.0.2.2") + a4("192.0.2.5")),
           msg(202, struct.pack(">HH", 10, 0) + lq4("192.0.2.6", 77, 33))]),
        u([msg(3, a4("198.51.100.1") + a4("198.51.100.2"))]),
        u([msg(3, a6(5) + a6(6), v6=True)], v6=True),
        u([msg(4, a4("192.0.2.0") + a4("255.255.255.0") + a4("198.51.100.0") + a4("255.255.0.255")
               + bytes([0, 0, 0, 0, 0, 0x1f, 0x52, 0xff]) + bytes([0, 0, 0, 0, 0, 0x02, 1, 2])
               + a4("203.0.113.0") + a4("255.255.255.128"))]),
        u([msg(4, a6(0) + bytes.fromhex("ffffffffffffffff0000000000000000")
               + a6(7) + bytes.fromhex("ffffffe0" + "00" * 12), v6=True)], v6=True),
        u([msg(130, struct.pack(">HH", 1, 2) + name(0, a4("192.0.2.1"), b"host1")
               + name(1, a4("192.0.2.2"), b"gw.example"))]),
        u([msg(130, struct.pack(">HH", 1, 1) + name(2, a6(3), b"v6host"), v6=True)], v6=True),
        u([msg(128, b"\x01\x02\x03\x04"), msg(77, b"")]),
        # Invalid: a message longer than the packet, a zero type, bad Hello links, name
        # entries that do not fit, a short TC, the packet length field shorter than the data.
        u([msg(1, bytes(4), mlen=200)]),
        u([msg(0, b"")]),
        u([msg(1, bytes([0, 0, 0, 0]) + struct.pack(">BBH", 6, 0, 40))]),
        u([msg(130, struct.pack(">HH", 1, 9) + bytes(8))]),
        u([msg(130, struct.pack(">HH", 1, 1) + struct.pack(">HH", 0, 0) + bytes(4))]),
        u([msg(130, struct.pack(">HH", 1, 2) + struct.pack(">HH", 1, 3) + bytes(8) + bytes(8))]),
        u([msg(2, b"\x00")]),
        u([msg(1, b"\x00")]),
        u([hello, hello], plen=30),
        u([], plen=2),
    ]
    cuts = [(pkts[1], 42 + n) for n in (2, 6, 12, 20, 24, 30, 36)] + [(pkts[9], 42 + 30)]
    return pkts, cuts


def lwapp_packets():
    def u(payload, sport, dport):
        return eth(IP(src=A4, dst=B4) / UDP(sport=sport, dport=dport) / Raw(payload))

    ctl = lambda typ, body, seq=1: struct.pack(">BBHI", typ, seq, len(body), 0xC0FFEE) + body
    trans = lambda first, body, frag=0, tlen=None: struct.pack(
        ">BBHH", first, frag, len(body) if tlen is None else tlen, 0) + body
    ap = bytes.fromhex("020000000b01")
    msgs = ctl(1, b"") + ctl(2, b"abcd", 2) + ctl(22, b"") + ctl(99, b"xy")
    pkts = [
        u(ap + trans(0x04, msgs), 40000, 12223),
        u(trans(0x04 | 0x08 | 0x03, ctl(4, b"ok")), 12223, 40000),
        u(ap + trans(0x04, ctl(40, b"") + b"\x01\x02"), 40000, 12223),
        u(ap + trans(0x04, ctl(3, b"x" * 4), tlen=20), 40000, 12223),
        u(ap + trans(0x04, b"", tlen=3), 40000, 12223),
        u(ap + trans(0x44, msgs), 40000, 12223),
        u(trans(0x00 | 0x10, b"\x08\x02" + bytes(22), frag=3), 40000, 12222),
        u(trans(0x01, b"", tlen=4), 12222, 40000),
        u(trans(0xC0, b""), 12222, 40000),
        u(ap[:4], 40000, 12223),
        u(b"\x00\x00", 40000, 12222),
    ]
    cuts = [(pkts[0], 42 + n) for n in (3, 8, 12, 15, 22, 30)] + [(pkts[6], 42 + 10)]
    return pkts, cuts


def lmp_packets():
    def u(payload):
        return eth(IP(src=A4, dst=B4, ttl=1) / UDP(sport=701, dport=701) / Raw(payload))

    H = lambda *v: struct.pack(">" + "H" * len(v), *v)
    I = lambda *v: struct.pack(">" + "I" * len(v), *v)
    F = lambda v: struct.pack(">f", v)
    a4 = bytes([192, 0, 2, 1])
    a6 = bytes.fromhex("20010db8" + "00" * 11 + "01")

    def msg(typ, objs, flags=0, ver=1, tlen=None):
        body = b"".join(objs)
        return H(ver << 12) + bytes([flags, typ]) + H(8 + len(body) if tlen is None else tlen, 0) + body

    def obj(cls, ctype, body, neg=False, olen=None):
        return bytes([ctype | (0x80 if neg else 0), cls]) + H(4 + len(body) if olen is None else olen) + body

    sub_isc = bytes([1, 12, 51, 8]) + F(1.25e8) + F(2.5e9)
    sub_wl = bytes([2, 8, 0, 0]) + I(1550)
    pkts = [
        u(msg(1, [obj(1, 1, I(7)), obj(5, 1, I(1)), obj(2, 1, a4), obj(6, 1, H(150, 450), neg=True)])),
        u(msg(2, [obj(1, 2, I(8)), obj(5, 2, I(1)), obj(2, 2, a4)], flags=3)),
        u(msg(4, [obj(7, 1, I(10, 11))])),
        u(msg(5, [obj(3, 1, a4), obj(8, 1, H(3, 500) + I(4) + bytes([5, 0]) + H(0x8000) + F(1e9) + I(1310))])),
        u(msg(6, [obj(3, 2, a4), obj(9, 1, H(100, 0x1f40)), obj(10, 1, I(99))])),
        u(msg(14, [obj(5, 1, I(2)), obj(11, 1, bytes([3, 0, 0, 0]) + a4 + a4), obj(11, 2, bytes([1, 0, 0, 0]) + a6 + a6),
                   obj(11, 3, bytes([0, 0, 0, 0]) + I(5, 6)),
                   obj(12, 1, bytes([7, 0, 0, 0]) + a4 + a4 + sub_isc + sub_wl),
                   obj(12, 2, bytes([1, 0, 0, 0]) + a6 + a6), obj(12, 3, bytes(4) + I(9, 10) + bytes([9, 4, 0, 0]))])),
        u(msg(17, [obj(13, 1, a4 + I(0x80000001) + a4 + I(0x40000003)), obj(13, 2, a6 + I(2)),
                   obj(13, 3, I(4, 0xC0000007))])),
        u(msg(19, [obj(14, 1, a4 + a4), obj(14, 2, a6), obj(14, 3, I(5))])),
        u(msg(7, [obj(20, 1, I(0x1f)), obj(20, 2, I(0x21))])),
        u(msg(50, [obj(51, 1, bytes([3, 1, 0, 0])), obj(51, 2, bytes([5, 8, 7, 1]) + H(1, 2, 3, 4) + a4),
                   obj(51, 2, bytes([6, 12, 0, 0]) + H(0, 0, 0, 0) + a4), obj(51, 2, bytes([9, 1, 0, 0]) + bytes(8) + a4),
                   obj(51, 3, I(3) + bytes([0, 0, 0, 1])), obj(51, 4, bytes([0, 0, 0, 7]))])),
        # Unknown message, class and c-types; wrong object sizes; bad subobjects.
        u(msg(99, [obj(99, 1, b"abcd"), obj(3, 9, b"wxyz"), obj(51, 9, b"")])),
        u(msg(1, [obj(1, 1, I(1, 2)), obj(3, 3, a4), obj(2, 1, b""), obj(6, 1, b""), obj(7, 1, b""),
                  obj(8, 1, b""), obj(9, 1, b""), obj(10, 1, b""), obj(11, 1, b""), obj(12, 2, a6),
                  obj(20, 1, b""), obj(51, 1, b""), obj(51, 2, b""), obj(51, 3, b""), obj(51, 4, b""),
                  obj(5, 1, b"")])),
        u(msg(14, [obj(12, 1, bytes(12) + bytes([1, 2, 0, 0])), obj(12, 1, bytes(12) + bytes([1, 6, 0, 0, 0, 0, 0, 0])),
                   obj(12, 1, bytes(12) + bytes([2, 12, 0, 0, 0, 0, 0, 0])), obj(12, 1, bytes(12) + bytes([7, 4, 0, 0]) + sub_wl)])),
        u(msg(1, [obj(1, 1, I(7), olen=2)])),
        u(msg(1, [obj(1, 1, I(7), olen=6) + bytes(2)])),
        u(msg(1, [obj(1, 1, I(7))], tlen=4)),
        u(msg(1, [obj(1, 1, I(7))], tlen=40)),
        u(msg(1, [obj(1, 1, I(7)), obj(5, 1, I(1), olen=12)], tlen=24)),
        u(msg(1, [], ver=2)),
    ]
    cuts = [(pkts[0], 42 + n) for n in (2, 8, 12, 16, 30)] + [(pkts[5], 42 + 100), (pkts[9], 42 + 30)]
    return pkts, cuts


def zephyr_packets():
    def u(payload, sport=2104, dport=2103):
        return eth(IP(src=A4, dst=B4) / UDP(sport=sport, dport=dport) / Raw(payload))

    def notice(kind="2", cls=b"MESSAGE", inst=b"PERSONAL", op=b"", sender=b"alice@EXAMPLE.ORG",
               rcpt=b"bob@EXAMPLE.ORG", ver=b"ZEPH0.2", extra=b""):
        f = [ver, b"0x11", kind.encode(), b"uid", b"0x0", b"0", b"0", b"", cls, inst, op, sender,
             rcpt, b"fmt", b"0x12345", b"0", b"muid"]
        return b"".join(x + b"\0" for x in f) + extra

    pkts = [
        u(notice()),
        u(notice(kind="0x1", op=b"PING", rcpt=b"")),
        u(notice(kind="5", extra=b"SENT\0"), 2103, 2104),
        u(notice(kind="5", extra=b"LOST\0"), 2103, 2104),
        u(notice(kind="6", sender=b"")),
        u(notice(cls=b"USER_LOCATE", op=b"USER_HIDE")),
        u(notice(cls=b"USER_LOCATE", op=b"USER_UNHIDE")),
        u(notice(cls=b"USER_LOCATE", op=b"LOCATE", inst=b"carol@EXAMPLE.ORG")),
        u(notice(cls=b"ZEPHYR_ADMIN", op=b"Some-OpCode")),
        u(notice(cls=b"ZEPHYR_CTL", inst=b"CLIENT", op=b"SUBSCRIBE", extra=b"MESSAGE\0*\0\0")),
        u(notice(cls=b"ZEPHYR_CTL", inst=b"CLIENT", op=b"SUBSCRIBE_NODEFS", extra=b"c\0i\0r\0")),
        u(notice(cls=b"ZEPHYR_CTL", inst=b"CLIENT", op=b"UNSUBSCRIBE", extra=b"c\0i")),
        u(notice(kind="5", cls=b"ZEPHYR_CTL", inst=b"CLIENT", op=b"SUBSCRIBE", extra=b"SENT\0")),
        u(notice(cls=b"ZEPHYR_CTL", inst=b"CLIENT", op=b"GIMME")),
        u(notice(cls=b"ZEPHYR_CTL", inst=b"CLIENT", op=b"GIMMEDEFS")),
        u(notice(cls=b"ZEPHYR_CTL", inst=b"CLIENT", op=b"CLEARSUB")),
        u(notice(cls=b"ZEPHYR_CTL", inst=b"CLIENT", op=b"FLUSH")),
        u(notice(cls=b"ZEPHYR_CTL", inst=b"HM", op=b"BOOT")),
        u(notice(cls=b"ZEPHYR_CTL", inst=b"REALM", op=b"ADD_SUBSCRIBE")),
        u(notice(cls=b"ZEPHYR_CTL", inst=b"REALM", op=b"RLM_UNSUBSCRIBE")),
        u(notice(cls=b"ZEPHYR_CTL", inst=b"OTHER", op=b"X")),
        u(notice(cls=b"HM_CTL", inst=b"SERVER", op=b"SHUTDOWN")),
        u(notice(cls=b"HM_STAT", inst=b"HMST_CLIENT", op=b"GIMMESTATS")),
        u(notice(cls=b"HM_STAT", inst=b"HMST_CLIENT", op=b"OTHER")),
        u(notice(cls=b"WG_CTL", inst=b"Inst", op=b"Op")),
        u(notice(cls=b"LOGIN", op=b"USER_FLUSH")),
        u(notice(cls=b"LOGIN", op=b"REALM-VISIBLE")),
        u(notice(cls=b"LOGIN", op=b"OTHER")),
        # Kinds past the table (also negative and overflowing), escaped bytes, a long triple.
        u(notice(kind="  -0x7f")),
        u(notice(kind="99")),
        u(notice(kind="fffffffffffffffff")),
        u(notice(kind="0x")),
        u(notice(sender=b"\x01\xffme", cls=b"c" * 200, inst=b"i" * 100)),
        u(notice(cls=b"ZEPHYR_ADMIN", op=b"O" * 300)),
        # Another version, not Zephyr, a missing field, no NUL at all.
        u(notice(ver=b"ZEPH0.3")),
        u(notice(ver=b"ZEP")),
        u(notice()[:-5]),
        u(b"ZEPH0.2"),
    ]
    cuts = [(pkts[0], 42 + n) for n in (3, 20, 60)]
    return pkts, cuts


def vat_packets():
    u = lambda payload, dport=3456: eth(IP(src=A4, dst="233.252.0.1") / UDP(sport=40000, dport=dport)
                                        / Raw(payload))
    I = lambda *v: struct.pack(">" + "I" * len(v), *v)
    pkts = [
        u(I(0x00000007, 123456) + bytes(160)),
        u(I(0x3f9f0001, 99) + bytes(20)),
        u(I(0x00800002, 5)),
        u(struct.pack(">H", 0x1c05) + bytes(30)),
        u(struct.pack(">H", 0x0040) + bytes(2)),
        u(b"\x00"), u(b"\x00\x01\x02"), u(b""),
        # Only the destination port is vat's.
        eth(IP(src=A4, dst=B4) / UDP(sport=3456, dport=40000) / Raw(I(7, 8))),
    ]
    cuts = [(pkts[0], 42 + 1), (pkts[0], 42 + 6), (pkts[3], 42 + 1)]
    return pkts, cuts


def wb_packets():
    def u(payload):
        return eth(IP(src=A4, dst="233.252.0.2") / UDP(sport=40000, dport=4567) / Raw(payload))

    I = lambda *v: struct.pack(">" + "I" * len(v), *v)
    H = lambda *v: struct.pack(">" + "H" * len(v), *v)
    a4 = lambda s: bytes(map(int, s.split(".")))
    hdr = lambda typ, flags=0: I(0x0A000001, 1234) + H(1) + bytes([typ, flags])
    page = lambda sid, uid: a4(sid) + I(uid)
    dop = lambda t, ln=0, ts=0: I(ts) + H(ln) + bytes([0, t]) + bytes(ln) + bytes(-ln % 4)
    ops = dop(2, 4) + dop(3) + dop(14, 0, ts=12) + dop(9, 5) + dop(99)
    pkts = [
        u(hdr(1) + I(3) + page("192.0.2.9", 4) + I(5) + page("192.0.2.10", 6) + H(2, 0)
          + a4("192.0.2.11") + I(7) + a4("192.0.2.12") + I(8) + b"site.example\0"),
        u(hdr(2, 1) + a4("192.0.2.9") + page("192.0.2.10", 6) + I(10, 20)),
        u(hdr(3) + a4("192.0.2.9") + page("192.0.2.10", 6) + I(10, 14) + ops),
        u(hdr(0) + page("192.0.2.10", 6) + I(10, 14) + ops),
        u(hdr(0) + page("192.0.2.10", 6) + I(10, 12) + dop(15, 0, ts=40)),
        u(hdr(0) + page("192.0.2.10", 6) + I(10, 12) + dop(15, 0, ts=3)),
        u(hdr(5) + page("192.0.2.10", 6) + I(1, 9)),
        u(hdr(7) + I(2) + I(1) + page("192.0.2.10", 6) + bytes([1, 0]) + H(0) + a4("192.0.2.11") + I(3)
          + I(2) + page("192.0.2.12", 7) + bytes([0, 0]) + H(0)),
        u(hdr(4)),
        u(hdr(9)),
        # Bodies shorter than their type's, more ids than fit, a drawing op run past the capture.
        u(hdr(1) + bytes(20)), u(hdr(2) + bytes(8)), u(hdr(3) + bytes(8)), u(hdr(0) + bytes(8)),
        u(hdr(5) + bytes(8)), u(hdr(7)),
        u(hdr(1) + I(3) + page("192.0.2.9", 4) + I(5) + page("192.0.2.10", 6) + H(9, 0)),
        u(hdr(0) + page("192.0.2.10", 6) + I(1, 9) + dop(2)),
        u(bytes(8)),
    ]
    cuts = [(pkts[0], 42 + n) for n in (5, 12, 20, 40, 48, 60)] + [(pkts[7], 42 + 30), (pkts[2], 42 + 60)]
    return pkts, cuts


def rx_packets():
    I = lambda *v: struct.pack(">" + "I" * len(v), *v)
    call = [100]

    def rx(payload, port, typ=1, flags=1, seq=1, callnum=None, reply=False, svc=1, client=40000):
        cn = call[0] if callnum is None else callnum
        hdr = I(0x5f000000, 0x1000, cn, seq, seq) + bytes([typ, flags, 0, 2]) + struct.pack(">HH", 0, svc)
        sp, dp = (port, client) if reply else (client, port)
        src, dst = (B4, A4) if reply else (A4, B4)
        return eth(IP(src=src, dst=dst) / UDP(sport=sp, dport=dp) / Raw(hdr + payload))

    def pair(port, op, args, reply_body=None, abort=None):
        call[0] += 1
        out = [rx(I(op) + args, port)]
        if reply_body is not None:
            out.append(rx(reply_body, port, flags=0, reply=True))
        if abort is not None:
            out.append(rx(I(abort & 0xFFFFFFFF), port, typ=4, flags=0, reply=True))
        return out

    s = lambda b: I(len(b)) + b + bytes(-len(b) % 4)
    fid = I(536870913, 2, 3)
    attrs = I(0x41F, 1710054000, 1000, 100, 0o644, 65536)
    vec = lambda b, n: b"".join(I(c) for c in b.ljust(n, b"\0")[:n])
    uuid = I(0x01234567, 0x89AB, 0xCDEF) + b"".join(I(x) for x in range(8))
    acl = b"2 1\nsystem:administrators 127\nsystem:anyuser 9\nbob 4\n"
    pkts = []
    pkts += pair(7000, 130, fid + I(0, 4096))
    pkts += pair(7000, 131, fid, s(acl))
    pkts += pair(7000, 133, fid + attrs + I(0, 10, 10))
    pkts += pair(7000, 134, fid + s(acl))
    pkts += pair(7000, 135, fid + I(0x0E, 0, 1, 2, 0o100755, 0))
    pkts += pair(7000, 137, fid + s(b"newfile") + attrs, fid)
    pkts += pair(7000, 136, fid + s(b"gone"), abort=102)
    pkts += pair(7000, 138, fid + s(b"a") + fid + s(b"b"), abort=-100)
    pkts += pair(7000, 139, fid + s(b"ln") + s(b"target"), abort=-5)
    pkts += pair(7000, 140, fid + s(b"hard") + fid)
    pkts += pair(7000, 148, s(b"root.cell"))
    pkts += pair(7000, 149, I(536870913))
    pkts += pair(7000, 151, b"", s(b"root.afs"))
    pkts += pair(7000, 153, b"", I(1710054000, 0))
    pkts += pair(7000, 154, s(b"user.bob"))
    pkts += pair(7000, 155, I(2) + fid + fid)
    pkts += pair(7000, 65536, I(0))
    pkts += pair(7000, 65537, fid + I(1, 2, 0, 4096))
    pkts += pair(7000, 65538, fid + attrs + I(0, 0, 0, 1, 0, 1))
    pkts += pair(7000, 65541, I(7))
    pkts += pair(7000, 999, b"")
    pkts.append(rx(b"", 7000, flags=0, reply=True, typ=3))
    pkts += pair(7001, 204, I(1) + fid + I(1, 5, 1710054000, 1))
    pkts += pair(7001, 214, uuid)
    pkts += pair(7001, 213, b"", uuid)
    pkts += pair(7001, 206, b"", abort=5)
    pkts += pair(7002, 500, s(b"bob") + I(1000, 0))
    pkts += pair(7002, 503, I(1, 2))
    pkts += pair(7002, 504, I(2) + vec(b"bob", 64) + vec(b"carol", 64), I(2, 1000, 1001))
    pkts += pair(7002, 505, I(2, 1000, 0xFFFFFFFF), I(1) + vec(b"bob", 64))
    pkts += pair(7002, 508, I(1000), I(3, 1, 2, 3))
    pkts += pair(7002, 510, b"", I(1000, 0xFFFFFF00))
    pkts += pair(7002, 513, I(1000) + s(b"robert") + I(1000, 1001))
    pkts += pair(7002, 20004, b"", I(7, 9))
    pkts += pair(7002, 10000, I(1, 1710054000, 1, 2, 3, 4), abort=1)
    servers = b"".join(bytes([192, 0, 2, i]) for i in range(1, 9))
    parts = I(0, 1, 25, 26, 27, 0, 0, 0)
    entry8 = vec(b"root.cell", 65) + I(0) + I(2) + servers + parts + bytes(32) + I(1, 2, 3)
    servers13 = b"".join(bytes([192, 0, 2, i]) for i in range(1, 14))
    entry13 = vec(b"user.bob", 65) + I(3) + servers13 + I(*range(13)) + bytes(52) + I(4, 5, 6)
    entryu = vec(b"user.u", 65) + I(1) + uuid * 13 + bytes(52) + I(*range(13)) + bytes(52) + I(7, 8, 9)
    pkts += pair(7003, 503, I(536870913, 1), entry8)
    pkts += pair(7003, 504, s(b"root.cell"), entry8)
    pkts += pair(7003, 510, I(0), I(1, 2) + entry8)
    pkts += pair(7003, 518, I(536870913, 7), entry13)
    pkts += pair(7003, 521, I(3), I(1, 4) + entry13)
    pkts += pair(7003, 527, s(b"user.u"), entryu)
    pkts += pair(7003, 501, vec(b"newvol", 65))
    pkts += pair(7003, 505, I(1), I(536870999))
    pkts += pair(7003, 506, I(5, 2) + vec(b"rep", 65), abort=363524)
    pkts += pair(7003, 20001, I(1, 2))
    pkts += pair(7004, 21, s(b"bob") + s(b""), abort=180490)
    pkts += pair(7004, 23, I(3) + s(b"EXAMPLE.ORG") + I(8) + bytes(8) + s(b"afs") + s(b""), b"")
    pkts += pair(7004, 4, s(b"bob") + s(b"") + I(2))
    pkts += pair(7004, 12, s(b"bob"))
    pkts += pair(7004, 20002, I(1, 2, 3, 4, 5, 1))
    pkts += pair(7005, 100, I(1) + s(b"v") + I(0, 0), I(536870920, 7))
    pkts += pair(7005, 103, I(7, 1710054000, 1, 2, 3, 4))
    pkts += pair(7005, 105, I(7, 0, 1) + s(b"clone"), I(536870921))
    pkts += pair(7005, 113, I(7), I(*range(10)) + I(1710054000, 0, 1710054000, 0, 0, 1710054000))
    pkts += pair(7005, 116, I(0, 1), I(1) + vec(b"root.cell", 32) + I(536870913) + bytes(84))
    pkts += pair(7005, 128, I(7, 1710054000, 2, 1, 2, 3, 4, 5, 6))
    pkts += pair(7005, 112, I(7), s(b"name"))
    pkts += pair(7005, 104, I(7), I(0))
    pkts += pair(7007, 80, s(b"simple") + s(b"fs"), b"")
    pkts += pair(7007, 82, s(b"fs") + I(1), abort=-1)
    pkts += pair(7007, 105, s(b"/usr/afs/bin/fs") + I(1, 2, 3))
    pkts += pair(7007, 20006, I(1, 2, 3, 4))
    pkts += pair(7006, 1, b"")
    # Acks (ranges of acked and nacked packets, trailer fields), other packet types, flags.
    pkts.append(rx(I(0) * 0 + struct.pack(">HHIIIBB", 32, 0, 5, 4, 77, 1, 9) + bytes([1, 1, 1, 0, 0, 1, 0, 1, 1])
                   + bytes(3) + I(1444, 1444, 32, 4), 7000, typ=2, flags=0x22, seq=0))
    pkts.append(rx(struct.pack(">HHIIIBB", 32, 0, 1, 0, 78, 42, 0), 7000, typ=2, flags=2, seq=0))
    for t in (5, 6, 7, 8, 9, 13, 44):
        pkts.append(rx(b"", 7000, typ=t, flags=0x3f, seq=2))
    pkts.append(rx(I(130) + fid, 7000, seq=2))
    # Arguments cut short: a long name, a string past the capture, too few bytes.
    pkts += pair(7000, 136, fid + I(300) + b"x" * 8)
    pkts += pair(7000, 137, fid[:8])
    pkts.append(rx(b"", 7000)[:-4] if False else eth(IP(src=A4, dst=B4) / UDP(sport=40000, dport=7000) / Raw(bytes(20))))
    cuts = [(pkts[0], 42 + n) for n in (20, 30, 36, 44)] + [(pkts[2], 42 + 60), (pkts[4], 42 + 48)]
    return pkts, cuts


def write(fname, packets, cuts):
    """Ethernet pcap; each cut is (packet, caplen): the frame keeps its wire length (a
    caplen of None keeps the whole packet)."""
    with open(fname, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 262144, 1))
        recs = [(bytes(p), None) for p in packets] + [(bytes(p)[:n], len(bytes(p)))
                                                       for p, n in cuts]
        recs = [(b, w if w != len(b) else None) for b, w in recs]
        for i, (b, wire) in enumerate(recs):
            t = T0 + i
            sec = int(t)
            usec = int(round((t - sec) * 1e6))
            f.write(struct.pack("<IIII", sec, usec, len(b), wire or len(b)))
            f.write(b)


if __name__ == "__main__":
    packets, cuts = vrrp_packets()
    write(sys.argv[1] + "/proto-vrrp.pcap", packets, cuts)
    packets, cuts = nfs_packets()
    write(sys.argv[1] + "/proto-nfs.pcap", packets, cuts)
    packets, cuts = stp_packets()
    write(sys.argv[1] + "/proto-stp.pcap", packets, cuts)
    packets, cuts = tftp_packets()
    write(sys.argv[1] + "/proto-tftp.pcap", packets, cuts)
    packets, cuts = rip_packets()
    write(sys.argv[1] + "/proto-rip.pcap", packets, cuts)
    packets, cuts = mpls_packets()
    write(sys.argv[1] + "/proto-mpls.pcap", packets, cuts)
    packets, cuts = resp_packets()
    write(sys.argv[1] + "/proto-resp.pcap", packets, cuts)
    packets, cuts = sip_packets()
    write(sys.argv[1] + "/proto-sip.pcap", packets, cuts)
    packets, cuts = hsrp_packets()
    write(sys.argv[1] + "/proto-hsrp.pcap", packets, cuts)
    packets, cuts = radius_packets()
    write(sys.argv[1] + "/proto-radius.pcap", packets, cuts)
    packets, cuts = pim_packets()
    write(sys.argv[1] + "/proto-pim.pcap", packets, cuts)
    packets, cuts = snmp_packets()
    write(sys.argv[1] + "/proto-snmp.pcap", packets, cuts)
    packets, cuts = krb_packets()
    write(sys.argv[1] + "/proto-krb.pcap", packets, cuts)
    packets, cuts = sflow_packets()
    write(sys.argv[1] + "/proto-sflow.pcap", packets, cuts)
    packets, cuts = lldp_packets()
    write(sys.argv[1] + "/proto-lldp.pcap", packets, cuts)
    packets, cuts = cdp_packets()
    write(sys.argv[1] + "/proto-cdp.pcap", packets, cuts)
    packets, cuts = snap_packets()
    write(sys.argv[1] + "/proto-snap.pcap", packets, cuts)
    packets, cuts = loopback_packets()
    write(sys.argv[1] + "/proto-loopback.pcap", packets, cuts)
    packets, cuts = bgp_packets()
    write(sys.argv[1] + "/proto-bgp.pcap", packets, cuts)
    packets, cuts = telnet_packets()
    write(sys.argv[1] + "/proto-telnet.pcap", packets, cuts)
    packets, cuts = pptp_packets()
    write(sys.argv[1] + "/proto-pptp.pcap", packets, cuts)
    packets, cuts = msdp_packets()
    write(sys.argv[1] + "/proto-msdp.pcap", packets, cuts)
    packets, cuts = beep_packets()
    write(sys.argv[1] + "/proto-beep.pcap", packets, cuts)
    packets, cuts = rpki_rtr_packets()
    write(sys.argv[1] + "/proto-rpki-rtr.pcap", packets, cuts)
    packets, cuts = babel_packets()
    write(sys.argv[1] + "/proto-babel.pcap", packets, cuts)
    packets, cuts = ahcp_packets()
    write(sys.argv[1] + "/proto-ahcp.pcap", packets, cuts)
    packets, cuts = hncp_packets()
    write(sys.argv[1] + "/proto-hncp.pcap", packets, cuts)
    packets, cuts = aodv_packets()
    write(sys.argv[1] + "/proto-aodv.pcap", packets, cuts)
    packets, cuts = olsr_packets()
    write(sys.argv[1] + "/proto-olsr.pcap", packets, cuts)
    packets, cuts = lwapp_packets()
    write(sys.argv[1] + "/proto-lwapp.pcap", packets, cuts)
    packets, cuts = lmp_packets()
    write(sys.argv[1] + "/proto-lmp.pcap", packets, cuts)
    packets, cuts = zephyr_packets()
    write(sys.argv[1] + "/proto-zephyr.pcap", packets, cuts)
    packets, cuts = vat_packets()
    write(sys.argv[1] + "/proto-vat.pcap", packets, cuts)
    packets, cuts = wb_packets()
    write(sys.argv[1] + "/proto-wb.pcap", packets, cuts)
    packets, cuts = rx_packets()
    write(sys.argv[1] + "/proto-rx.pcap", packets, cuts)
