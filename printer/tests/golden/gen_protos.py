#!/usr/bin/env python3
"""Crafts the per-protocol corner cases of the printer's golden corpus with scapy.

usage: gen_protos.py PCAPDIR

Writes one Ethernet pcap per protocol family, proto-NAME.pcap (one generator function each
below): packets of the protocols decoded by their own printer modules, and QUIC, which
tcpdump 4.99 does not decode (proto-cooked.pcap: the ethertype ones over Linux cooked
captures), that the conformance rig's real traffic does not make, each in its
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


def bgp_kit():
    """BGP message builders: (tcp, msg, attr, update), tcp numbering its own stream."""
    seq = [1000]

    def tcp(payload, sport=40179, dport=179):
        p = eth(IP(src=A4, dst=B4, ttl=1) / TCP(sport=sport, dport=dport, flags="PA", seq=seq[0],
                                                ack=1, window=502) / Raw(payload))
        seq[0] += len(payload)
        return p

    def msg(typ, body):
        return b"\xff" * 16 + struct.pack(">HB", 19 + len(body), typ) + body

    def attr(flags, typ, v):
        if flags & 0x10:
            return struct.pack(">BBH", flags, typ, len(v)) + v
        return struct.pack(">BBB", flags, typ, len(v)) + v

    def update(withdrawn=b"", attrs=b"", nlri=b""):
        return msg(2, struct.pack(">H", len(withdrawn)) + withdrawn + struct.pack(">H", len(attrs)) +
                   attrs + nlri)

    return tcp, msg, attr, update


def bgp_packets():
    tcp, msg, attr, update = bgp_kit()

    cap = lambda code, v: bytes([code, len(v)]) + v
    caps = lambda *cs: bytes([2, len(b"".join(cs))]) + b"".join(cs)

    def open_(asn=64512, hold=90, rid=(192, 0, 2, 1), opts=b""):
        return msg(1, struct.pack(">BHH", 4, asn, hold) + bytes(rid) + bytes([len(opts)]) + opts)

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


def bgp_mp_packets():
    """MP-BGP routes of the families beyond IP unicast and VPN-IP: multicast VPN (every route
    type, IPv4 and IPv6 (S,G)s, bogus address lengths), MDT, L2VPN/VPLS (auto-discovery, the
    old format with its TLVs, a route long enough for tcpdump's 164-byte buffer to cut it),
    NSAP and NSAP-VPN (with RFC 986/1888 mapped next hops), and cuts inside each."""
    tcp, msg, attr, update = bgp_kit()
    ip4 = lambda *o: bytes([192, 0, 2, *o]) if o else bytes([192, 0, 2, 1])
    rd0 = struct.pack(">HHI", 0, 64512, 7)
    rd1 = struct.pack(">H", 1) + bytes([198, 51, 100, 1]) + struct.pack(">H", 5)
    rd2 = struct.pack(">HIH", 2, 4200000000, 9)
    reach = lambda afi, safi, nh, nlri: attr(0x90, 14, struct.pack(">HBB", afi, safi, len(nh)) + nh +
                                             b"\x00" + nlri)
    unreach = lambda afi, safi, nlri: attr(0x90, 15, struct.pack(">HB", afi, safi) + nlri)
    route = lambda t, body: bytes([t, len(body)]) + body
    sg4 = bytes([32]) + ip4(10) + bytes([32]) + bytes([232, 1, 1, 1])
    sg6 = bytes([128]) + bytes.fromhex("20010db8000000000000000000000010") + bytes([128]) + \
        bytes.fromhex("ff3e0000000000000000000000000001")
    mvpn = b"".join([
        route(1, rd0 + ip4()), route(1, rd1 + bytes.fromhex("20010db8000000000000000000000001")),
        route(1, rd2 + b"\x01\x02"), route(2, rd0 + u32(4200000000)), route(3, rd0 + sg4 + ip4(2)),
        route(4, b"\x01\x02\x03\x04\x05"), route(5, rd1 + sg4), route(5, rd2 + sg6),
        route(5, rd0 + b"\x00\x00"), route(5, rd0 + bytes([24]) + b"\x01\x02\x03" + b"\x00"),
        route(6, rd0 + u32(64512) + sg4), route(7, rd2 + u32(65000) + sg6), route(9, b"\xaa\xbb\xcc"),
    ])
    mdt = bytes([128]) + rd0 + ip4(3) + bytes([239, 1, 2, 3])
    l2_ad = struct.pack(">H", 12) + rd0 + ip4(4)
    l2_old = lambda tlvs: struct.pack(">H", 15 + len(tlvs)) + rd1 + struct.pack(">HH", 3, 10) + \
        bytes([0x27, 0x10, 0x01]) + tlvs
    csv = lambda data: bytes([1]) + struct.pack(">H", len(data) * 8) + data
    nsap_nh = bytes.fromhex("470005 80ffef00000001000001 00005e000101 00".replace(" ", ""))
    nsap986 = rd0 + bytes.fromhex("47000601") + ip4(5)
    nsap1888 = rd0 + bytes.fromhex("350000") + bytes.fromhex("20010db8000000000000000000000005")
    nsap_pfx = bytes([72]) + bytes.fromhex("4700058000ffef000000")
    vpn_nsap = bytes([88 + 72]) + bytes([0x00, 0x27, 0x11]) + rd2 + bytes.fromhex("470005800000ffef0001")
    pkts = [
        tcp(update(attrs=reach(1, 5, ip4(), mvpn))),
        tcp(update(attrs=unreach(1, 5, b"") + unreach(1, 5, route(5, rd1 + sg4)))),
        tcp(update(attrs=reach(2, 5, bytes(16), route(4, b"\x01")))),
        tcp(update(attrs=reach(1, 5, ip4(), route(3, rd0 + bytes([32]) + ip4(6) + bytes([32, 232, 1]))))),
        tcp(update(attrs=reach(1, 66, ip4(), mdt + mdt) + unreach(1, 66, bytes([64]) + mdt[1:]))),
        tcp(update(attrs=reach(25, 65, ip4(), l2_ad + l2_old(csv(b"\xc0\x01")) +
                               l2_old(bytes([9]) + struct.pack(">H", 8) + b"\x55")))),
        tcp(update(attrs=reach(196, 128, ip4(), l2_old(csv(bytes(range(60))))))),
        tcp(update(attrs=reach(25, 65, ip4(), struct.pack(">H", 14) + rd0 + b"\x00" * 6))),
        tcp(update(attrs=reach(25, 65, ip4(), l2_old(csv(b"\xff" * 3)[:4])))),
        tcp(update(attrs=reach(3, 1, nsap_nh, nsap_pfx + bytes([0]) + b"\x00" * 4) +
                   unreach(3, 2, bytes([160]) + bytes(20)))),
        tcp(update(attrs=reach(3, 128, nsap986, vpn_nsap) + reach(3, 129, nsap1888, vpn_nsap) +
                   reach(3, 130, rd0[:5], bytes([40]) + bytes(11)))),
        tcp(update(attrs=reach(3, 1, bytes(21), b""))),
    ]
    cuts = [(pkts[0], n) for n in (54 + 45, 54 + 60, 54 + 75, 54 + 100, 54 + 140, 54 + 200)]
    cuts += [(pkts[4], n) for n in (54 + 40, 54 + 50)]
    cuts += [(pkts[5], n) for n in (54 + 42, 54 + 60, 54 + 75)]
    cuts += [(pkts[9], n) for n in (54 + 40, 54 + 60)]
    cuts += [(pkts[10], n) for n in (54 + 35, 54 + 48, 54 + 80)]
    return pkts, cuts


def eapol_packets():
    """802.1X (ethertype 0x888e): every frame type, EAP packets of each code (identity,
    MD5 challenge, TLS), a zero length (tcpdump's [|eap] at -v), an unknown type, a fragment
    (EAP length other than the frame's) and cuts."""
    pae = "01:80:c2:00:00:03"
    frame = lambda ver, typ, body, n=None: Ether(src=MA, dst=pae, type=0x888e) / Raw(
        struct.pack(">BBH", ver, typ, len(body) if n is None else n) + body)
    eap = lambda code, ident, data=b"": struct.pack(">BBH", code, ident, 4 + len(data)) + data
    pkts = [
        frame(1, 1, b""),
        frame(2, 0, eap(1, 1, b"\x01")),
        frame(2, 0, eap(2, 1, b"\x01user@example.org")),
        frame(2, 0, eap(1, 2, b"\x04\x10" + bytes(range(16)))),
        frame(2, 0, eap(2, 2, b"\x04\x10" + bytes(16) + b"name")),
        frame(2, 0, eap(1, 3, b"\x0d\x20")),
        frame(2, 0, eap(2, 3, b"\x0d\x80" + struct.pack(">I", 100) + bytes(20))),
        frame(2, 0, eap(3, 4)),
        frame(2, 0, eap(4, 4)),
        frame(2, 0, b"", n=0),
        frame(2, 0, eap(1, 5, b"\x01"), n=9),
        frame(2, 2, b""),
        frame(2, 3, bytes(95)),
        frame(2, 4, b"\x01\x02"),
        frame(3, 9, b"\xff"),
    ]
    cuts = [(pkts[1], 14 + 2), (pkts[2], 14 + 6), (pkts[3], 14 + 9), (pkts[6], 14 + 12)]
    return pkts, cuts


def udp_chain_packets():
    """tcpdump's UDP port chain decides by the first test either port passes: port pairs two
    decoders claim (DNS before NTP, TFTP before VXLAN, SNMP before syslog, RIP before BFD),
    and the NetBIOS ports 137/138, which Debian's tcpdump (built without SMB) passes on down
    the chain to vat, Zephyr and the rest."""
    u = lambda s, d, body=bytes(40): eth(IP(src=A4, dst=B4) / UDP(sport=s, dport=d) / Raw(body))
    pkts = [u(53, 123), u(123, 53), u(69, 4789), u(4789, 69), u(161, 514), u(520, 3784),
            u(137, 3456), u(3456, 137), u(138, 2103), u(137, 137), u(138, 138), u(137, 7001),
            u(40000, 137), u(138, 40000, b"\x11\x02")]
    return pkts, []


def mobile_packets():
    """Minimal encapsulation for Mobile IP (IP protocol 55): with and without the original
    source, good and bad header checksums, over IPv6 too, and short ones."""
    def hdr(oproto, dst, src=None, good=True):
        flags = 0x80 if src else 0
        b = struct.pack(">BBH", oproto, flags, 0) + bytes(dst) + (bytes(src) if src else b"")
        if good:
            b = b[:2] + struct.pack(">H", cksum16(b)) + b[4:]
        else:
            b = b[:2] + b"\x12\x34" + b[4:]
        return b
    v4 = lambda b: eth(IP(src=A4, dst=B4, proto=55) / Raw(b))
    v6 = lambda b: eth(IPv6(src=A6, dst="2001:db8::2", nh=55) / Raw(b))
    d, s_ = [198, 51, 100, 7], [203, 0, 113, 9]
    pkts = [
        v4(hdr(6, d) + bytes(20)),
        v4(hdr(17, d, s_) + bytes(20)),
        v4(hdr(6, d, good=False) + bytes(4)),
        v4(hdr(1, d, s_, good=False)),
        v6(hdr(6, d) + bytes(8)),
        v4(hdr(6, d)[:6]),
        v4(hdr(6, d)),
    ]
    cuts = [(pkts[1], 34 + 10), (pkts[0], 34 + 11)]
    return pkts, cuts


def ppp_ipx_packets():
    """IPX inside PPP (protocol 0x002b), as a PPPoE session carries it, whole and cut."""
    ipx = struct.pack(">HHBB", 0xffff, 30 + 4, 0, 4) + struct.pack(">I", 1) + bytes.fromhex(
        "0000000000aa") + struct.pack(">H", 0x0452) + struct.pack(">I", 2) + bytes.fromhex(
        "0000000000bb") + struct.pack(">H", 0x0453) + b"\x00\x01\x02\x03"
    sess = lambda body: Ether(src=MA, dst="02:00:00:00:00:0b", type=0x8864) / Raw(
        struct.pack(">BBHH", 0x11, 0, 0x17, len(body)) + body)
    pkts = [sess(b"\x00\x2b" + ipx), sess(b"\x00\x2b" + ipx[:20]), sess(b"\x81\x37" + ipx)]
    cuts = [(pkts[0], 14 + 6 + 2 + 10)]
    return pkts, cuts


def netbeui_packets():
    """NetBEUI over LLC (SAP 0xf0): Debian's tcpdump, built without SMB, prints these frames
    as plain LLC (information, unnumbered and supervisory), not as NetBEUI."""
    llc = lambda ctrl, body=bytes(20): Dot3(src=MA, dst="03:00:00:00:00:01") / LLC(
        dsap=0xf0, ssap=0xf0, ctrl=ctrl) / Raw(body)
    i_frame = lambda ns, nr: Dot3(src=MA, dst="03:00:00:00:00:01") / Raw(
        bytes([0xf0, 0xf0]) + struct.pack("<H", (ns << 1) | (nr << 9)) + bytes(20))
    pkts = [i_frame(3, 5), llc(0x03), llc(0x03, b"\xff\xef" + bytes(30)),
            Dot3(src=MA, dst="03:00:00:00:00:01") / Raw(bytes([0xf0, 0xf1, 0x01, 0x0a]))]
    return pkts, [(pkts[0], 14 + 3)]


def quic_packets():
    """QUIC v1 and v2 on UDP 443 (RFC 9000/9369: every long-header type, the short header,
    version negotiation, a retry): tcpdump 4.99 has no QUIC printer (print-quic.c came after
    4.99), so it prints these as `UDP, length N`, which is what the printer must print too."""

    rnd = lambda n, seed: bytes((seed * 31 + i * 17) & 0xFF for i in range(n))
    cid = lambda n, seed: bytes([n]) + rnd(n, seed)

    def long_hdr(typ, version=1, token=b"", body=1200):
        first = 0xC0 | (typ << 4) | 0x03  # fixed bit, 4-byte packet number
        h = bytes([first]) + struct.pack(">I", version) + cid(8, 1) + cid(8, 2)
        if typ == 0:  # Initial: token length and token
            h += bytes([len(token)]) + token
        return h + struct.pack(">H", 0x4000 | (body + 4)) + b"\0\0\0\1" + rnd(body, typ)

    def udp4(payload, sport=50443, dport=443):
        return eth(IP(src=A4, dst=B4) / UDP(sport=sport, dport=dport) / Raw(payload))

    def udp6(payload, sport=50443, dport=443):
        return eth(IPv6(src=A6, dst="2001:db8::2") / UDP(sport=sport, dport=dport) / Raw(payload))

    short = bytes([0x43]) + rnd(8, 1) + rnd(40, 9)
    vneg = bytes([0x80]) + b"\0\0\0\0" + cid(8, 2) + cid(8, 1) + struct.pack(">II", 1, 0x6B3343CF)
    retry = bytes([0xF0]) + struct.pack(">I", 1) + cid(8, 2) + cid(8, 3) + rnd(24, 4) + rnd(16, 5)
    pkts = [
        udp4(long_hdr(0)),  # client Initial, padded to 1200+
        udp4(long_hdr(0, token=rnd(16, 7)), sport=443, dport=50443),
        udp4(long_hdr(1, body=60)),  # 0-RTT
        udp4(long_hdr(2, body=300), sport=443, dport=50443),  # Handshake
        udp4(short),
        udp4(short, sport=443, dport=50443),
        udp4(vneg, sport=443, dport=50443),
        udp4(retry, sport=443, dport=50443),
        udp4(long_hdr(0, version=0x6B3343CF)),  # QUIC v2
        udp6(long_hdr(0)),
        udp6(short, sport=443, dport=50443),
        udp4(b"\x40"),  # a one-byte datagram
    ]
    cuts = [(pkts[0], 42 + 20), (pkts[4], 42 + 3)]
    return pkts, cuts
def ospf_hdr(typ, body, rid="192.0.2.1", area="0.0.0.0", auth=0, authdata=bytes(8), ver=2,
             length=None, trailer=b""):
    """An OSPFv2 packet: the 24-byte header (length over header and body unless given;
    tcpdump checks no OSPF checksum), the body, then what follows the OSPF length (an MD5
    digest, an LLS block)."""
    n = 24 + len(body) if length is None else length
    return (struct.pack(">BBH4s4sHH", ver, typ, n, ip4(rid), ip4(area), 0, auth) + authdata
            + body + trailer)


def ip4(a):
    return bytes(int(x) for x in a.split("."))


def lsa_hdr(typ, lsid, body=b"", adv="192.0.2.1", seq=0x80000001, age=3, opts=0x02,
            length=None):
    """An LSA: the 20-byte header (length over header and body unless given), then body."""
    n = 20 + len(body) if length is None else length
    idb = lsid if isinstance(lsid, bytes) else ip4(lsid)
    return struct.pack(">HBB4s4sIHH", age, opts, typ, idb, ip4(adv), seq, 0, n) + body


def opaque_id(otype, oid):
    return bytes([otype]) + struct.pack(">I", oid)[1:]


def tlv16(t, v, pad=True):
    """An OSPF TLV: type, length, value padded to 32 bits."""
    return struct.pack(">HH", t, len(v)) + v + (bytes(-len(v) % 4) if pad else b"")


def ospf_packets():
    v4 = lambda o, dst="224.0.0.5": eth(IP(src=A4, dst=dst, ttl=1, tos=0xC0, proto=89) / Raw(o))
    f32 = lambda x: struct.pack(">f", x)
    hello = lambda opts=0x02, nbrs=("192.0.2.2", "192.0.2.3"), dr="192.0.2.1", bdr="192.0.2.2": (
        ip4("255.255.255.0") + struct.pack(">HBBI", 10, opts, 1, 40) + ip4(dr) + ip4(bdr)
        + b"".join(ip4(n) for n in nbrs))
    lls = lambda tlvs, n=None: struct.pack(">HH", 0xFFF6, n if n is not None else
                                           1 + len(tlvs) // 4) + tlvs
    md5 = bytes([0, 0, 1, 16]) + struct.pack(">I", 0x5F000001)
    # LSAs, as bird2 sends them and beyond: a router LSA with every link type and TOS
    # metrics, network, summary, ASBR summary, external and NSSA, multicast group, and the
    # opaque ones (TE with GMPLS sub-TLVs, graceful restart, router information).
    rla = lambda lid, ldata, typ, metric, tos=b"": (ip4(lid) + ip4(ldata)
                                                     + struct.pack(">BBH", typ, len(tos) // 4, metric) + tos)
    router = lsa_hdr(1, "192.0.2.1", struct.pack(">BBH", 0x03, 0, 5)
                     + rla("192.0.2.2", "192.0.2.1", 1, 10)
                     + rla("192.0.2.9", "192.0.2.1", 2, 10, struct.pack(">BBH", 1, 0, 20)
                           + struct.pack(">BBH", 7, 0, 30))
                     + rla("198.51.100.0", "255.255.255.0", 3, 1)
                     + rla("192.0.2.3", "192.0.2.1", 4, 5)
                     + rla("203.0.113.0", "255.255.255.0", 3, 65535), opts=0x22)
    router_unknown = lsa_hdr(1, "192.0.2.4", struct.pack(">BBH", 0x98, 0, 3)
                             + rla("192.0.2.2", "192.0.2.1", 1, 10)
                             + rla("192.0.2.2", "192.0.2.1", 9, 10)
                             + rla("192.0.2.2", "192.0.2.1", 1, 10), adv="192.0.2.4")
    network = lsa_hdr(2, "192.0.2.9", ip4("255.255.255.0") + ip4("192.0.2.1") + ip4("192.0.2.2"))
    summary = lsa_hdr(3, "198.51.100.0", ip4("255.255.255.0") + u32(20, 0x01000005, 0x02FFFFFF),
                      opts=0)
    asbr = lsa_hdr(4, "192.0.2.7", ip4("0.0.0.0") + u32(30, 0x7F000001))
    ext = lsa_hdr(5, "203.0.113.0", ip4("255.255.255.0")
                  + u32(0x80000014) + ip4("0.0.0.0") + ip4("0.0.0.0")
                  + u32(0x00000001) + ip4("192.0.2.9") + ip4("0.0.0.7")
                  + u32(0x81FFFFFF) + ip4("0.0.0.0") + ip4("0.0.0.0"), age=3600)
    nssa = lsa_hdr(7, "198.51.100.128", ip4("255.255.255.128")
                   + u32(0x80000002) + ip4("192.0.2.1") + ip4("0.0.0.0"), opts=0x08)
    group = lsa_hdr(6, "224.1.2.3", u32(1) + ip4("192.0.2.1") + u32(2) + ip4("192.0.2.9")
                    + u32(7) + ip4("0.0.0.0"))
    te_link = (tlv16(1, b"\x01") + tlv16(2, ip4("192.0.2.2")) + tlv16(3, ip4("192.0.2.1"))
               + tlv16(4, ip4("192.0.2.2")) + tlv16(5, u32(10)) + tlv16(6, f32(1.25e8))
               + tlv16(7, f32(1e8)) + tlv16(8, b"".join(f32(1e6 * (i + 1)) for i in range(8)))
               + tlv16(9, u32(0x0000000F)) + tlv16(11, u32(7, 9)) + tlv16(14, bytes([0x0A, 0, 0, 0]))
               + tlv16(15, bytes([51, 2, 0, 0]) + b"".join(f32(1e7) for _ in range(8)))
               + tlv16(16, u32(100, 200, 300)) + tlv16(17, bytes([1, 0, 0, 0]) + f32(5e7) + f32(2.5e7))
               + tlv16(12, b"\xaa\xbb\xcc"))
    te = lsa_hdr(10, opaque_id(1, 7), tlv16(1, ip4("192.0.2.1")) + tlv16(2, te_link) + tlv16(9, b"xyz"),
                 opts=0x42)
    te_bad = [
        lsa_hdr(10, opaque_id(1, 8), tlv16(2, tlv16(1, b"\x01\x02"))),
        lsa_hdr(10, opaque_id(1, 9), tlv16(2, tlv16(17, bytes([0, 0, 0, 0]) + f32(1.0) + b"\0\0"))),
        lsa_hdr(10, opaque_id(1, 10), tlv16(2, tlv16(17, bytes([254]) + bytes(39)))),
        lsa_hdr(10, opaque_id(1, 11), tlv16(2, struct.pack(">HH", 0, 4) + bytes(4))),
        lsa_hdr(10, opaque_id(1, 12), tlv16(2, struct.pack(">HH", 5, 12) + bytes(4))),
        lsa_hdr(10, opaque_id(1, 13), struct.pack(">HH", 2, 40) + bytes(8)),
        lsa_hdr(10, opaque_id(1, 14), tlv16(1, b"\x01\x02")),
        lsa_hdr(10, opaque_id(1, 15), struct.pack(">HH", 0, 0)),
        lsa_hdr(10, opaque_id(1, 16), b"\0\x01"),
        lsa_hdr(10, opaque_id(1, 17), tlv16(2, tlv16(2, bytes(6)) + tlv16(15, bytes(8))
                                             + tlv16(16, bytes(5)) + tlv16(8, bytes(4)))),
        lsa_hdr(10, opaque_id(1, 18), tlv16(2, tlv16(11, ip4("192.0.2.5")) + tlv16(14, bytes(3)))),
        lsa_hdr(10, opaque_id(1, 19), tlv16(2, tlv16(6, bytes([0x7F, 0x80, 0, 0])) + tlv16(7, bytes([0xFF, 0xC0, 0, 0]))
                                             + tlv16(3, bytes(5)))),
        # Bandwidths past 2^64 Mbps and past a float's range (the fuzzer's: %.3f of big values).
        lsa_hdr(10, opaque_id(1, 20), tlv16(2, tlv16(6, f32(5e27)) + tlv16(7, f32(3e38))
                                             + tlv16(8, f32(1e20) + f32(-2.5e30) + bytes([0x7F, 0x7F, 0xFF, 0xFF])
                                                     + bytes([0x00, 0x00, 0x00, 0x01]) + bytes(16)))),
    ]
    grace = lsa_hdr(9, opaque_id(3, 0), tlv16(1, u32(120)) + tlv16(2, b"\x01") + tlv16(3, ip4("192.0.2.1"))
                    + tlv16(7, b"ab") + tlv16(2, b"\x09"), opts=0x42)
    grace_bad = [
        lsa_hdr(9, opaque_id(3, 1), tlv16(1, b"\0\0")),
        lsa_hdr(9, opaque_id(3, 2), tlv16(2, b"\x01\x02")),
        lsa_hdr(9, opaque_id(3, 3), tlv16(3, b"\x01")),
        lsa_hdr(9, opaque_id(3, 4), struct.pack(">HH", 1, 12) + bytes(4)),
        lsa_hdr(9, opaque_id(3, 5), struct.pack(">HH", 1, 0)),
        lsa_hdr(9, opaque_id(3, 6), b"\0\x01"),
    ]
    ri = lsa_hdr(10, opaque_id(4, 0), tlv16(1, u32(0x3F0)) + tlv16(1, u32(0)) + tlv16(5, b"abcd")
                 + struct.pack(">HH", 7, 0))
    ri_bad = [
        lsa_hdr(11, opaque_id(4, 1), tlv16(1, b"\x01\x02\x03\x04\x05")),
        lsa_hdr(11, opaque_id(4, 2), struct.pack(">HH", 1, 9) + bytes(4)),
        lsa_hdr(11, opaque_id(4, 3), b"\0\x01"),
    ]
    opaque_other = lsa_hdr(11, opaque_id(200, 0x123456), b"\x01\x02\x03\x04\x05\x06")
    other = lsa_hdr(8, "192.0.2.1", b"\xde\xad\xbe\xef")
    bogus = lsa_hdr(1, "192.0.2.1", b"", length=12)
    all_lsas = [router, router_unknown, network, summary, asbr, ext, nssa, group, te, grace, ri,
                opaque_other, other]
    lsu = lambda lsas, count=None: u32(len(lsas) if count is None else count) + b"".join(lsas)
    hdrs = lambda lsas: b"".join(l[:20] for l in lsas)
    lsr = lambda: (u32(1) + ip4("192.0.2.1") + ip4("192.0.2.1") + u32(2) + ip4("192.0.2.9")
                   + ip4("192.0.2.2") + u32(10) + opaque_id(1, 7)[:4] + ip4("192.0.2.1")
                   + u32(9) + opaque_id(3, 0)[:4] + ip4("192.0.2.1") + u32(99) + ip4("192.0.2.5")
                   + ip4("192.0.2.5"))
    dd = lambda flags, lsas=(), mtu=1500, opts=0x52: struct.pack(">HBBI", mtu, opts, flags, 0x1234) + hdrs(lsas)
    good = [
        v4(ospf_hdr(1, hello())),
        v4(ospf_hdr(1, hello(opts=0x00, nbrs=(), dr="0.0.0.0", bdr="0.0.0.0"), area="0.0.0.1")),
        v4(ospf_hdr(1, hello(opts=0xFF, bdr="0.0.0.0"), area="198.51.100.1")),
        # Authentication: simple (8 characters, shorter, unprintable), MD5 with its digest
        # after the OSPF length, an unknown type (nothing more is printed).
        v4(ospf_hdr(1, hello(), auth=1, authdata=b"password")),
        v4(ospf_hdr(1, hello(), auth=1, authdata=b"ab\x01\xff\0xyz")),
        v4(ospf_hdr(1, hello(), auth=2, authdata=md5, trailer=bytes(range(16)))),
        v4(ospf_hdr(1, hello(), auth=7, authdata=b"xxxxxxxx")),
        # LLS: extended options, cryptographic sequence, an unknown TLV, odd lengths; after
        # an MD5 digest; an L bit without the block.
        v4(ospf_hdr(1, hello(opts=0x12), trailer=lls(tlv16(1, u32(3)) + tlv16(2, u32(0x55) + bytes(16))
                                                           + tlv16(9, b"zz")))),
        v4(ospf_hdr(1, hello(opts=0x12), trailer=lls(struct.pack(">HH", 1, 8) + u32(1, 2)
                                                           + struct.pack(">HH", 2, 4) + u32(7) + bytes(16)))),
        v4(ospf_hdr(2, dd(0x07), auth=2, authdata=md5, trailer=bytes(16) + lls(tlv16(1, u32(1))))),
        v4(ospf_hdr(2, dd(0x07), auth=2, authdata=bytes([0, 0, 1, 40]) + u32(1), trailer=bytes(16) + lls(tlv16(1, u32(1))))),
        v4(ospf_hdr(1, hello(opts=0x12))),
        # Database description: flags, MTU 0, headers (opaque ones too), a bogus header.
        v4(ospf_hdr(2, dd(0x07))),
        v4(ospf_hdr(2, dd(0x08, [router, network, te, grace, ext], mtu=0))),
        v4(ospf_hdr(2, dd(0x02, [router]) + bogus[:20])),
        v4(ospf_hdr(2, dd(0x00, [router, network]), length=24 + 8 + 20)),
        # LS request, update (each LSA alone and all together), acknowledgement.
        v4(ospf_hdr(3, lsr())),
        v4(ospf_hdr(4, lsu(all_lsas)), dst="224.0.0.6"),
        v4(ospf_hdr(4, lsu([router]))),
        v4(ospf_hdr(4, lsu([router_unknown, network]))),
        v4(ospf_hdr(4, lsu(te_bad))),
        v4(ospf_hdr(4, lsu(grace_bad[:3]))),
        v4(ospf_hdr(4, lsu(grace_bad[3:]))),
        v4(ospf_hdr(4, lsu(ri_bad))),
        v4(ospf_hdr(4, lsu([network, bogus, router]))),
        v4(ospf_hdr(4, lsu([network], count=3))),
        v4(ospf_hdr(4, lsu([]))),
        v4(ospf_hdr(5, hdrs([router, network, te]))),
        v4(ospf_hdr(5, hdrs([router]) + bogus[:20])),
        # Unknown type, version 3 over IPv4, a length field that disagrees, a short packet.
        v4(ospf_hdr(9, hello())),
        v4(ospf_hdr(1, hello(), ver=3)),
        v4(ospf_hdr(1, hello(), length=40)),
        v4(ospf_hdr(1, hello(), length=200)),
        v4(ospf_hdr(1, b"")[:20]),
        v4(ospf_hdr(1, b"", auth=2)[:10]),
    ]
    # Snaplen cuts: in the header, the authentication, the hello, a DD header, a request, in
    # each kind of LSA, in the TE, grace and RI TLVs, in an LLS block.
    off = 34
    cuts = [(good[0], off + 1), (good[0], off + 14), (good[0], off + 20), (good[0], off + 30),
            (good[0], off + 40), (good[0], off + 50), (good[3], off + 20), (good[5], off + 30),
            (good[7], off + 70), (good[7], off + 80), (good[13], off + 40), (good[13], off + 60),
            (good[16], off + 40), (good[30], off + 50)]
    lsu_all = good[17]
    at = off + 28
    for lsa in all_lsas:
        cuts += [(lsu_all, at + 10), (lsu_all, at + 22), (lsu_all, at + min(len(lsa), 34)),
                 (lsu_all, at + len(lsa) - 2)]
        at += len(lsa)
    return good, cuts


def ospf6_packets():
    import ipaddress
    v6 = lambda o, dst="ff02::5": eth(IPv6(src="fe80::1", dst=dst, hlim=1, nh=89) / Raw(o))
    ip6b = lambda a: ipaddress.IPv6Address(a).packed

    def hdr(typ, body, rid="192.0.2.1", area="0.0.0.0", inst=0, ver=3, length=None, trailer=b""):
        n = 16 + len(body) if length is None else length
        return struct.pack(">BBH4s4sHBB", ver, typ, n, ip4(rid), ip4(area), 0, inst, 0) + body + trailer

    def lsa(typ, lsid, body=b"", adv="192.0.2.1", length=None, age=1):
        n = 20 + len(body) if length is None else length
        return struct.pack(">HH4s4sIHH", age, typ, ip4(lsid), ip4(adv), 0x80000002, 0, n) + body

    def prefix(a, plen, opt=0, metric=0):
        words = (plen + 31) // 32
        return struct.pack(">BBH", plen, opt, metric) + ip6b(a)[:words * 4]

    hello = lambda opts=0x13, prio=1, dr="192.0.2.1", bdr="192.0.2.2", nbrs=("192.0.2.2",): (
        u32(5) + struct.pack(">I", (prio << 24) | opts) + struct.pack(">HH", 10, 40) + ip4(dr)
        + ip4(bdr) + b"".join(ip4(n) for n in nbrs))
    dd = lambda flags, hdrs=b"", opts=0x13, mtu=1500: u32(opts) + struct.pack(">HBBI", mtu, 0, flags, 0x4321) + hdrs
    at = lambda typ=1, n=32, said=7: struct.pack(">HHHHII", typ, n, 0, said, 1, 0x10) + bytes(range(n - 16))
    router = lsa(0x2001, "0.0.0.0", u32(0x01000033)
                 + struct.pack(">BBHI4s4s", 1, 0, 10, 5, ip4("0.0.0.6"), ip4("192.0.2.2"))
                 + struct.pack(">BBHI4s4s", 2, 0, 20, 5, ip4("0.0.0.5"), ip4("192.0.2.1"))
                 + struct.pack(">BBHI4s4s", 4, 0, 30, 7, ip4("0.0.0.8"), ip4("192.0.2.3")))
    router_unknown = lsa(0x2001, "0.0.0.1", u32(0x1f)
                         + struct.pack(">BBHI4s4s", 1, 0, 10, 5, ip4("0.0.0.6"), ip4("192.0.2.2"))
                         + struct.pack(">BBHI4s4s", 9, 0, 10, 5, ip4("0.0.0.6"), ip4("192.0.2.2")))
    network = lsa(0x2002, "0.0.0.5", u32(0x33) + ip4("192.0.2.1") + ip4("192.0.2.2"))
    inter_ap = lsa(0x2003, "0.0.0.1", u32(0x00000040) + prefix("2001:db8:1::", 48)
                   + prefix("2001:db8::", 32, 0x3F, 1) + prefix("::", 0) + prefix("2001:db8::7", 128, 0x02))
    inter_ar = lsa(0x2004, "0.0.0.2", u32(0x13, 20) + ip4("192.0.2.9"))
    ext = lsa(0x4005, "0.0.0.3", u32(0x8300000A) + prefix("2001:db8:2::", 64, 0, 0x0100)
              + ip6b("2001:db8::9") + ip4("0.0.0.7") + ip4("192.0.2.4"))
    ext_plain = lsa(0x4005, "0.0.0.4", u32(20) + prefix("2001:db8:3::", 56))
    nssa = lsa(0x2007, "0.0.0.5", u32(20) + prefix("2001:db8:4::", 64))
    link = lsa(0x0008, "0.0.0.5", u32(0x01000013) + ip6b("fe80::1") + u32(2)
               + prefix("2001:db8:5::", 64) + prefix("2001:db8:6::", 64, 0x08))
    intra = lsa(0x2009, "0.0.0.0", struct.pack(">HH", 2, 0x2001) + ip4("0.0.0.0") + ip4("192.0.2.1")
                + prefix("2001:db8:7::", 64, 0, 10) + prefix("2001:db8::1", 128, 0x02))
    grace = lsa(0x000B, "0.0.0.5", tlv16(1, u32(90)) + tlv16(2, b"\x02"))
    te = lsa(0x000A, "0.0.0.6", tlv16(1, ip4("192.0.2.1")) + tlv16(2, tlv16(5, u32(7))))
    ri = lsa(0xA00C, "0.0.0.0", tlv16(1, u32(0x30)))
    other = lsa(0x800E, "0.0.0.9", b"\x01\x02\x03")
    lsas = [router, router_unknown, network, inter_ap, inter_ar, ext, ext_plain, nssa, link, intra,
            grace, te, ri, other]
    lsu = lambda ls, count=None: u32(len(ls) if count is None else count) + b"".join(ls)
    lsr = (struct.pack(">HH", 0, 0x2001) + ip4("0.0.0.0") + ip4("192.0.2.2")
           + struct.pack(">HH", 0, 0x0008) + ip4("0.0.0.5") + ip4("192.0.2.2")
           + struct.pack(">HH", 0, 0xC005) + ip4("0.0.0.3") + ip4("192.0.2.2")
           + struct.pack(">HH", 0, 0x6077) + ip4("0.0.0.3") + ip4("192.0.2.2"))
    good = [
        v6(hdr(1, hello())),
        v6(hdr(1, hello(opts=0x0, prio=0, dr="0.0.0.0", bdr="0.0.0.0", nbrs=()), area="0.0.0.1", inst=5)),
        v6(hdr(1, hello(opts=0x73F, bdr="0.0.0.0"))),
        # Trailers: LLS then an authentication trailer, each alone, and the broken forms.
        v6(hdr(1, hello(opts=0x613), trailer=struct.pack(">HH", 0xABCD, 12) + bytes(8) + at())),
        v6(hdr(1, hello(opts=0x413), trailer=at(typ=3, n=16))),
        v6(hdr(2, dd(0x07), trailer=at())),
        v6(hdr(3, lsr, trailer=at(n=20))),
        v6(hdr(1, hello(opts=0x213), trailer=struct.pack(">HH", 1, 2))),
        v6(hdr(1, hello(opts=0x213), trailer=struct.pack(">HH", 1, 40) + bytes(8))),
        v6(hdr(1, hello(opts=0x213), trailer=b"\x01\x02")),
        v6(hdr(1, hello(), trailer=at()[:10])),
        v6(hdr(1, hello(), trailer=at(n=64))),
        v6(hdr(1, hello(), trailer=at(n=8) + bytes(8))),
        # DD with the IPv6 MTU flag and headers, a request, updates, acknowledgements.
        v6(hdr(2, dd(0x17, b"".join(l[:20] for l in [router, network, link, ext, other])))),
        v6(hdr(2, dd(0x00, mtu=9000))),
        v6(hdr(3, lsr)),
        v6(hdr(4, lsu(lsas)), dst="ff02::6"),
        v6(hdr(4, lsu([router]))),
        v6(hdr(4, lsu([network], count=5))),
        v6(hdr(4, lsu([network], count=0xFFFFFFFF))),
        v6(hdr(4, lsu([lsa(0x2003, "0.0.0.1", u32(1) + prefix("2001:db8::", 32)[:4] + bytes([0xFF]) + bytes(16))]))),
        v6(hdr(4, lsu([lsa(0x2003, "0.0.0.1", u32(1) + struct.pack(">BBH", 200, 0, 0) + bytes(16))]))),
        v6(hdr(4, lsu([lsa(0x2003, "0.0.0.1", u32(1) + prefix("2001:db8::", 64)[:8])]))),
        v6(hdr(4, lsu([lsa(0x2001, "0.0.0.1", b"\0\0")]))),
        v6(hdr(4, lsu([lsa(0x2001, "0.0.0.1", u32(0) + bytes(10))]))),
        v6(hdr(4, lsu([lsa(0x2002, "0.0.0.1", u32(0) + bytes(6))]))),
        v6(hdr(4, lsu([lsa(0x0008, "0.0.0.1", u32(0) + bytes(10))]))),
        v6(hdr(4, lsu([lsa(0x0008, "0.0.0.1", u32(0) + ip6b("fe80::2") + u32(3) + prefix("2001:db8::", 64))]))),
        v6(hdr(4, lsu([lsa(0x2009, "0.0.0.1", b"\0\0")]))),
        v6(hdr(4, lsu([lsa(0x2009, "0.0.0.1", struct.pack(">HH", 1, 0x2002) + bytes(4))]))),
        v6(hdr(4, lsu([lsa(0x4005, "0.0.0.1", u32(0x0200000A) + prefix("2001:db8::", 64) + bytes(4))]))),
        v6(hdr(4, lsu([lsa(0x4005, "0.0.0.1", u32(0x0100000A) + prefix("2001:db8::", 64))]))),
        v6(hdr(4, lsu([lsa(0x4005, "0.0.0.1", u32(0x0000000A) + prefix("2001:db8::", 64, 0, 0x0200))]))),
        v6(hdr(4, lsu([lsa(0x4005, "0.0.0.1", b"\0\0")]))),
        v6(hdr(4, lsu([lsa(0x000B, "0.0.0.1", struct.pack(">HH", 1, 8) + bytes(4))]))),
        v6(hdr(4, lsu([lsa(0x000A, "0.0.0.1", struct.pack(">HH", 0, 0))]))),
        v6(hdr(4, lsu([lsa(0x2001, "0.0.0.1", length=12)]))),
        v6(hdr(4, lsu([lsa(0x2001, "0.0.0.1", length=400)]))),
        v6(hdr(5, b"".join(l[:20] for l in [router, intra, grace]))),
        v6(hdr(5, lsa(0x2001, "0.0.0.1", length=4) + router[:12])),
        # Unknown type, another version, a length field past the packet, a short header.
        v6(hdr(9, hello())),
        v6(hdr(1, hello(), ver=2)),
        v6(hdr(1, hello(), length=300)),
        v6(hdr(1, b"")[:12]),
    ]
    off = 54
    cuts = [(good[0], off + 1), (good[0], off + 10), (good[0], off + 15), (good[0], off + 22),
            (good[0], off + 30), (good[0], off + 38), (good[3], off + 16 + 24 + 6),
            (good[3], off + 16 + 24 + 14), (good[3], off + 16 + 24 + 12 + 10),
            (good[3], off + 16 + 24 + 12 + 20), (good[13], off + 16 + 12 + 10),
            (good[13], off + 16 + 12 + 30), (good[15], off + 16 + 6), (good[15], off + 16 + 20)]
    at_ = off + 16 + 4
    lsu_all = good[16]
    for l in lsas:
        cuts += [(lsu_all, at_ + 10), (lsu_all, at_ + 22), (lsu_all, at_ + min(len(l), 30)),
                 (lsu_all, at_ + len(l) - 2)]
        at_ += len(l)
    return good, cuts


def bfd_packets():
    # Source ports are 49152-65535 (RFC 5881), but 49152 itself is BCM-LI in tcpdump's chain.
    u = lambda b, dport=3784, sport=49153, v6=False: eth(
        (IPv6(src=A6, dst="2001:db8::2", hlim=255) if v6 else IP(src=A4, dst=B4, ttl=255))
        / UDP(sport=sport, dport=dport) / Raw(b))

    def ctl(state=3, flags=0, diag=0, ver=1, mult=3, my=1, your=2, tx=300000, rx=300000,
            echo=50000, auth=b"", blen=None):
        n = 24 + len(auth) if blen is None else blen
        return struct.pack(">BBBBIIIII", (ver << 5) | diag, (state << 6) | flags, mult, n, my,
                           your, tx, rx, echo) + auth

    pw = lambda key, p, n=None: bytes([1, 3 + len(p) if n is None else n, key]) + p
    md5 = lambda t=2, n=24: bytes([t, n, 5, 0]) + u32(0x1234) + bytes(range(16))
    sha1 = lambda t=4, n=28: bytes([t, n, 6, 0]) + u32(0xABCDEF01) + bytes(range(20))
    good = [u(ctl(state=s, flags=f, diag=d)) for s, f, d in
            [(0, 0, 7), (1, 0x20, 1), (2, 0x10, 3), (3, 0x08, 0), (3, 0x3B, 8), (1, 0, 20)]]
    good += [
        u(ctl(), dport=4784), u(ctl(), dport=6784), u(ctl(state=1), v6=True),
        u(ctl(ver=0, flags=0xFF, state=3, auth=pw(1, b"secret"))),
        u(ctl(ver=0, flags=0x80)),
        u(ctl(ver=2)), u(ctl(ver=7, diag=31)),
        u(b"\x01\x02\x03\x04\x05\x06\x07\x08", dport=3785),
        u(b"", dport=3785),
        # Authentication: each type, lengths at and past the limits, an unknown type.
        u(ctl(flags=0x04, auth=pw(1, b"x"))),
        u(ctl(flags=0x04, auth=pw(2, b"0123456789abcdef"))),
        u(ctl(flags=0x04, auth=pw(3, b"ab\x01\xff\x7f"))),
        u(ctl(flags=0x04, auth=pw(4, b"", n=3) + b"\0")),
        u(ctl(flags=0x04, auth=pw(5, b"0123456789abcdefg"))),
        u(ctl(flags=0x04, auth=md5())), u(ctl(flags=0x04, auth=md5(t=3))),
        u(ctl(flags=0x04, auth=md5(n=20))),
        u(ctl(flags=0x04, auth=sha1())), u(ctl(flags=0x04, auth=sha1(t=5))),
        u(ctl(flags=0x04, auth=sha1(n=24))),
        u(ctl(flags=0x04, auth=bytes([9, 8, 7, 0]) + bytes(4))),
        u(ctl(flags=0x04)),
        # Timers: a multiplier times an interval that wraps 32 bits, zero intervals.
        u(ctl(mult=255, tx=0xFFFFFFFF, rx=0, echo=0)),
        u(ctl(mult=0, tx=999, rx=123456789, echo=4294967295, blen=99)),
        # The chain decides: DNS's source port comes first; a source port alone is not BFD.
        u(ctl(), sport=53), u(ctl(), sport=3784, dport=40000),
    ]
    off = 42
    cuts = [(good[0], off + 1), (good[0], off + 23), (good[9], off + 25), (good[9], off + 27),
            (good[9], off + 29), (good[17], off + 27), (good[19], off + 30), (good[19], off + 40),
            (good[22], off + 45), (good[13], off + 4)]
    return good, cuts


def openflow_packets():
    """OpenFlow 1.0 and 1.3 over TCP 6653 (and the old 6633): every message type in its
    ordinary form, the length rules broken, several messages in one segment, a segment ending
    inside a header or a message, and versions tcpdump does not decode."""
    from scapy.contrib.openflow import (OFPATEnqueue, OFPATOutput, OFPATSetDlSrc,
                                        OFPATSetNwSrc, OFPATSetVLANVID, OFPATStripVLAN,
                                        OFPMatch, OFPPhyPort, OFPTFeaturesReply, OFPTFlowMod,
                                        OFPTHello, OFPTPacketIn)
    seq = [1, 1]

    def t(p, to_switch=True, port=6653):
        p = bytes(p)
        sp, dp = (40001, port) if to_switch else (port, 40001)
        k = 0 if to_switch else 1
        pkt = eth(IP(src=A4 if to_switch else B4, dst=B4 if to_switch else A4) /
                  TCP(sport=sp, dport=dp, flags="PA", seq=seq[k], ack=seq[1 - k]) / Raw(p))
        seq[k] += len(p)
        return pkt

    def of(typ, body=b"", ver=1, xid=0x10, length=None):
        n = 8 + len(body) if length is None else length
        return struct.pack(">BBHI", ver, typ, n, xid) + body

    h16 = lambda *v: b"".join(struct.pack(">H", x) for x in v)
    mac_a, mac_b = bytes.fromhex("02000000000a"), bytes.fromhex("02000000000b")
    ip_a, ip_b = bytes([192, 0, 2, 1]), bytes([198, 51, 100, 7])
    name16 = lambda s: s.encode().ljust(16, b"\0")

    def phy_port(no, nm, config=0, state=0, curr=0x2a0, adv=0, sup=0, peer=0):
        return h16(no) + mac_a + name16(nm) + u32(config, state, curr, adv, sup, peer)

    def match(wild, in_port=1, dl_type=0x0800, nw_proto=6, tp=(80, 443), vlan=10, pcp=3):
        return (u32(wild) + h16(in_port) + mac_a + mac_b + h16(vlan) + bytes([pcp, 0]) +
                h16(dl_type) + bytes([0x10, nw_proto, 0, 0]) + ip_a + ip_b + h16(*tp))

    def action(typ, body):
        return h16(typ, 4 + len(body)) + body

    actions = (bytes(OFPATOutput(port=0xfffd, max_len=128)) + bytes(OFPATOutput(port=3)) +
               bytes(OFPATSetVLANVID(vlan_vid=100)) + action(1, h16(0) + h16(0)) +
               action(2, bytes([9, 0, 0, 0])) + bytes(OFPATStripVLAN()) +
               bytes(OFPATSetDlSrc(dl_addr="02:00:00:00:00:0c")) +
               bytes(OFPATSetNwSrc(nw_addr="203.0.113.9")) + action(8, bytes([0x2e, 0, 0, 0])) +
               action(9, h16(8080, 0)) + action(10, h16(53, 0)) +
               bytes(OFPATEnqueue(port=2, queue_id=0xffffffff)) +
               # Big Switch Networks' mirror action (with an 802.1Q tag, none, another),
               # another vendor with data, an unknown type and a bogus length.
               action(0xffff, u32(0x5c16c7, 1, 4, 0x81002005) + bytes([1, 0, 0, 0]) + bytes(4)) +
               action(0xffff, u32(0x5c16c7, 1, 4, 0) + bytes([7, 0, 0, 0]) + bytes(4)) +
               action(0xffff, u32(0x5c16c7, 1, 4, 0x88a80001) + bytes([0, 0, 0, 0]) + bytes(4)) +
               action(0xffff, u32(0x5c16c7, 2) + bytes(8)) +
               action(0xffff, u32(0x002320) + b"nicira!\0" + bytes(4)) +
               action(0x20, bytes(4)) + action(0, bytes(12)))
    frame = bytes(Ether(src=MA, dst="02:00:00:00:00:0b") / IP(src=A4, dst=B4) /
                  UDP(sport=5000, dport=53) / Raw(b"\x12\x34\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00"))
    # Cut inside its UDP header: the frame's decoding runs out.
    short_frame = frame[:40]
    desc = (b"Example Maker".ljust(256, b"\0") + b"hw\x01\xff".ljust(256, b"\0") +
            b"sw 1.0".ljust(256, b"\0") + b"SN123".ljust(32, b"\0") + b"x" * 256)
    flow_entry = (h16(88 + 16) + bytes([0xfe, 0]) + match(0x3820f0, dl_type=0x0806) +
                  u32(30, 500) + h16(100, 60, 0) + bytes(6) + u64(0x1122334455667788) +
                  u64(12345678901) + u64(99) + bytes(OFPATOutput(port=0xfffb)) +
                  bytes(OFPATOutput(port=7)))
    table = bytes([0, 0, 0, 0]) + b"classifier".ljust(32, b"\0") + u32(0x3fffff | 1 << 23,
                                                                        1000, 12) + u64(5) + u64(4)
    port_stats = h16(0xfffe) + bytes(6) + b"".join(u64(i) for i in range(12))
    queue_stats = h16(1, 0) + u32(7) + u64(1000) + u64(10) + u64(0)
    queues = (u32(1) + h16(8 + 16 + 8 + 16 + 8 + 8 + 8, 0) +
              h16(1, 16) + bytes(4) + h16(500) + bytes(6) +
              h16(0, 8) + bytes(4) +
              h16(1, 16) + bytes(4) + h16(1001) + bytes(6) +
              h16(0, 16) + bytes(4) + bytes(8) +
              h16(7, 8) + bytes(4) +
              h16(1, 8) + bytes(4) +
              u32(2) + h16(8, 0) +
              u32(3) + h16(40, 0) + h16(1, 4) + bytes(4))
    bsn = lambda sub, body=b"": of(4, u32(0x5c16c7, sub) + body)
    v10 = [
        of(0), bytes(OFPTHello(xid=1)) + b"",
        of(0, b"extra data, to dump at -vv"),
        of(2, b"ping"), of(3, b"ping"),
        of(5), of(5, bytes(4)),
        bytes(OFPTFeaturesReply(xid=2, datapath_id=0x0000020000000001, n_buffers=256,
                                n_tables=2, capabilities=0xff, actions=0x1fff,
                                ports=[OFPPhyPort(port_no=1, hw_addr="02:00:00:00:00:01",
                                                  port_name="eth1", curr=0x2c0)])),
        of(6, u64(0xdeadbeef) + u32(0, 1) + u32(0x100 | 0x87, 0xfff) +
           phy_port(0xfffe, "br0", config=0xff, state=0x301, curr=0x1000, adv=0xfff,
                    sup=0x1, peer=0x3) + phy_port(2, "p\x01rt\xff2", state=0x200) + bytes(20)),
        of(7), of(8, h16(1, 128)), of(9, h16(7, 0xffff)), of(9, h16(0)),
        bytes(OFPTPacketIn(xid=3, buffer_id=0xffffffff, total_len=len(frame), in_port=1,
                           reason=1, data=frame)),
        of(10, u32(0x100) + h16(200, 0xfff8) + bytes([5, 0])),
        of(11, match(0x3fffff) + u64(7) + h16(0) + bytes([1, 0]) + u32(3, 4) + h16(0, 0) +
           u64(10) + u64(1000)),
        of(11, match(0x0000c0 | 0x100000, tp=(8, 0)) + u64(7) + h16(9) + bytes([9, 0]) +
           u32(3, 4) + h16(60, 0) + u64(10) + u64(1000)),
        of(12, bytes([2]) + bytes(7) + phy_port(3, "eth3", config=1, state=1)),
        of(12, bytes([9]) + bytes(7) + phy_port(0xff00, "max")),
        of(13, u32(0xffffffff) + h16(0xfffd, len(actions)) + actions + frame),
        of(13, u32(0x200) + h16(1, 8) + bytes(OFPATOutput(port=4))),
        of(13, u32(0x200) + h16(1, 200) + bytes(OFPATOutput(port=4))),
        bytes(OFPTFlowMod(xid=4, match=OFPMatch(in_port=1, dl_type=0x0800,
                                                 nw_proto=1, nw_src="192.0.2.1",
                                                 nw_dst="198.51.100.0", tp_src=8, tp_dst=0),
                          cookie=5, cmd=0, idle_timeout=10, hard_timeout=0, priority=0x8000,
                          buffer_id=0xffffffff, flags=3,
                          actions=[OFPATOutput(port=2)])),
        of(14, match(0x400000 | 0x3fffff) + u64(0) + h16(3, 0, 30, 0) + u32(7) + h16(0xfffc, 0xf8)),
        of(14, match(0) + u64(0) + h16(9, 0, 0, 1) + u32(0x300) + h16(5, 0) + action(0, bytes(2))),
        of(15, h16(1) + mac_a + u32(0x41, 0x7f, 0x3000) + bytes(4)),
        of(16, h16(0, 0)), of(16, h16(3, 0)), of(16, h16(0, 1) + bytes(4)),
        of(16, h16(1, 0) + match(0x3ffffe) + bytes([0xff, 0]) + h16(0xffff)),
        of(16, h16(2, 0) + match(0x3fffff) + bytes([3, 0]) + h16(9)),
        of(16, h16(4, 0) + h16(0xfffe) + bytes(6)),
        of(16, h16(5, 0) + h16(1, 0) + u32(0xffffffff)),
        of(16, h16(5, 0) + h16(1, 0)),
        of(16, h16(0xffff, 0) + u32(0x5c16c7) + b"abc"), of(16, h16(0xffff, 0) + b"ab"),
        of(16, h16(7, 0) + bytes(3)),
        of(17, h16(0, 0) + desc), of(17, h16(0, 0) + desc[:100]),
        of(17, h16(1, 1) + flow_entry + flow_entry),
        of(17, h16(1, 0) + flow_entry[:80]),
        of(17, h16(1, 0) + h16(200) + flow_entry[2:]),
        of(17, h16(2, 0) + u64(100) + u64(20000) + u32(3) + bytes(4)),
        of(17, h16(2, 0) + u64(100)),
        of(17, h16(3, 2) + table + table[:10]),
        of(17, h16(4, 0) + port_stats + port_stats),
        of(17, h16(4, 0) + port_stats[:50]),
        of(17, h16(5, 0) + queue_stats + queue_stats[:8]),
        of(17, h16(0xffff, 0) + u32(0xff000002) + b"vendor stats"),
        of(17, h16(9, 0) + b"??"),
        of(18), of(19), of(19, b"x"),
        of(20, h16(0xfffe) + bytes(2)), of(20, h16(1)),
        of(21, h16(1) + bytes(6) + queues),
        of(21, h16(1) + bytes(6) + u32(1) + h16(4, 0)),
        of(1, h16(0, 1) + b"bad hello"), of(1, h16(1, 8)), of(1, h16(2, 9)), of(1, h16(3, 5)),
        of(1, h16(4, 1)), of(1, h16(5, 2) + of(16, h16(5, 0))), of(1, h16(5, 3)),
        of(1, h16(6, 0)), of(1, h16(1, 0x20)), of(1, h16(1)),
        bsn(0, bytes([3, 0, 0, 0]) + bytes([255, 255, 255, 0])), bsn(1, bytes([5]) + bytes(7)),
        bsn(2, bytes([1, 0, 0, 0]) + bytes([255, 255, 0, 0])), bsn(3, bytes([1, 0, 0, 0])),
        bsn(4, bytes([0, 0, 0, 0])), bsn(5, bytes([2, 0, 0, 0])), bsn(6, u32(1) + b"show version"),
        bsn(7, b"ok\n\x01"), bsn(8, u32(0xfffffffe)), bsn(9), bsn(13), bsn(19), bsn(21),
        bsn(27), bsn(17, u32(12)), bsn(28, b"rest"), bsn(30), bsn(9, b"x"), bsn(1, bytes(3)),
        bsn(6, b"ab"), bsn(8), of(4, b"\x5c\x16\xc7"),
        of(4, u32(0x5c16c7)), of(4, u32(0x4f4e4600) + b"onf"), of(4, u32(0xff00000b) + b"?"),
        of(4, u32(0x00000c) + b"cisco data"),
        # Several messages in one segment, and one shorter than its header.
        of(2, xid=0x21) + of(3, xid=0x22) + of(18, xid=0x23),
        of(2, xid=0x24) + of(3, length=4) + of(18),
        of(0x16), of(0xff, b"??"),
        of(0, ver=2), of(0, ver=3, length=12) + b"abcd", of(0, ver=5), of(6, b"z" * 4, ver=6),
        of(0, ver=0x7f) + of(0),
        # The segment ends inside a header, or the message runs past it.
        b"\x01", b"\x01\x00", b"\x01\x00\x00", b"\x01\x00\x00\x08\x00\x00",
        of(0) + b"\x01\x0e", of(2, length=100) + b"partial echo",
        of(14, match(0) + u64(0), length=80),
    ]
    hello_el = lambda typ, body: h16(typ, 4 + len(body)) + body
    err13 = lambda typ, code: of(1, h16(typ, code) + b"data", ver=4)
    port13 = (u32(0xfffffffe, 0) + mac_b + bytes(2) + name16("br-int") +
              u32(0x65, 0x7, 0x2840, 0x1ffff, 0, 0, 10000000, 40000000))
    v13 = [
        of(0, ver=4), of(0, hello_el(1, u32(0x12)), ver=4),
        of(0, hello_el(1, u32(0x12 | 1 << 31)) + hello_el(2, b"abcd") + hello_el(1, u32(1, 2)),
           ver=4),
        of(0, hello_el(1, u32(0x3f)) + hello_el(1, b"") + h16(1, 30), ver=4),
        of(0, hello_el(3, b"") + b"\x00", ver=4),
        err13(0, 1), err13(1, 13), err13(2, 15), err13(3, 8), err13(4, 11), err13(5, 7),
        err13(6, 14), err13(7, 4), err13(8, 2), err13(9, 2), err13(10, 2), err13(11, 2),
        err13(12, 11), err13(13, 5), err13(13, 6), err13(0xffff, 7), err13(14, 0),
        of(1, h16(1), ver=4),
        of(2, b"ping", ver=4), of(3, ver=4),
        of(4, u32(0x4f4e4600, 2) + b"onf data", ver=4), of(4, u32(0x002320, 0x10), ver=4),
        of(4, u32(0x002320), ver=4),
        of(5, ver=4), of(5, b"!", ver=4),
        of(6, u64(0x0a0b0c0d) + u32(256) + bytes([254, 1, 0, 0]) + u32(0x1ff, 0), ver=4),
        of(6, u64(1), ver=4),
        of(7, ver=4), of(8, h16(2, 0xffe5), ver=4), of(9, h16(0, 0xffff), ver=4),
        of(9, h16(3, 1500), ver=4),
        of(10, bytes(30), ver=4), of(11, bytes(40), ver=4),
        of(12, bytes([1]) + bytes(7) + port13, ver=4),
        of(12, bytes([7]) + bytes(7) + port13, ver=4),
        of(12, bytes([0]) + bytes(3), ver=4),
        of(13, bytes(24), ver=4), of(14, bytes(48), ver=4), of(15, bytes(16), ver=4),
        of(16, u32(3, 0) + mac_a + bytes(2) + u32(0x65, 0x1, 0x28000) + bytes(4), ver=4),
        of(17, bytes([0xfe, 0, 0, 0]) + u32(3), ver=4),
        of(17, bytes([7, 0, 0, 0]) + u32(0), ver=4),
        of(18, bytes(8), ver=4), of(19, bytes(8), ver=4), of(20, ver=4), of(21, ver=4),
        of(22, u32(0xfffffffd, 0), ver=4), of(22, u32(0xffffffff), ver=4),
        of(23, bytes(8), ver=4),
        of(24, u32(2, 0) + u64(0x100), ver=4), of(25, u32(9, 0) + u64(1), ver=4),
        of(24, u32(3), ver=4),
        of(26, ver=4), of(27, u32(1, 7, 0xf, 0, 1, 2), ver=4),
        of(28, u32(0, 0, 0, 0, 0, 0x80000004), ver=4), of(28, bytes(4), ver=4),
        of(29, bytes(8), ver=4), of(30, ver=4),
    ]
    pkts = [t(m, k % 3 != 2) for k, m in enumerate(v10)]
    pkts += [t(m, k % 3 != 2) for k, m in enumerate(v13)]
    # The old port, and the frame of a PACKET_IN ending early (at -vvv its decoding runs out
    # of data); then a message, to show the verbosity the rest of the file is printed with.
    tcp_frame = bytes(Ether(src=MA, dst="02:00:00:00:00:0b") / IP(src=A4, dst=B4) /
                      TCP(sport=5001, dport=80, flags="S", options=[("MSS", 1460)]))
    # OpenFlow in the frame, its xid cut off: a truncation tcpdump ends the packet at.
    of_frame = bytes(Ether(src=MA, dst="02:00:00:00:00:0b") / IP(src=A4, dst=B4) /
                     TCP(sport=6653, dport=40002, flags="PA") / Raw(of(2, b"abc")))[:-5]
    pkts += [t(of(2, b"old port"), port=6633)]
    def frame_in(k, f):
        return [t(bytes(OFPTPacketIn(xid=5 + k, buffer_id=7, total_len=len(frame), in_port=2,
                                     reason=0, data=f)), False),
                t(of(5)), t(of(12, bytes([2]) + bytes(7) + phy_port(3, "eth3")), False)]

    for k, f in enumerate((short_frame, frame[:16], tcp_frame[:44], tcp_frame[:60])):
        pkts += frame_in(k, f)
    feat = pkts[8]
    cuts = [(pkts[0], 54 + 3), (pkts[0], 54 + 7), (feat, 54 + 8 + 30), (feat, 54 + 8 + 24 + 10),
            (feat, 54 + 8 + 24 + 30), (feat, 54 + 8 + 24 + 48 + 40)]
    # Cuts inside: data, actions, matches, strings, stats entries, queues, a frame.
    for k in (2, 19, 23, 24, 29, 37, 39, 55, 13):
        n = len(bytes(pkts[k]))
        cuts += [(pkts[k], 54 + 8 + (n - 62) // 3), (pkts[k], n - 2)]
    # Last, whole: after it tcpdump prints the rest of the file 3 levels less verbose.
    cuts += [(p, len(bytes(p))) for p in frame_in(4, of_frame)]
    return pkts, cuts
def sctp_chunk(t, body=b"", flags=0, length=None, pad=True):
    """An SCTP chunk: type, flags, length (the real one unless given), body, padding."""
    n = 4 + len(body) if length is None else length
    return struct.pack(">BBH", t, flags, n) + body + (bytes(-len(body) % 4) if pad else b"")


def m3ua(cls, typ, params=b"", version=1, length=None):
    n = 8 + len(params) if length is None else length
    return struct.pack(">BBBBI", version, 0, cls, typ, n) + params


def m3ua_param(tag, value):
    return struct.pack(">HH", tag, 4 + len(value)) + value + bytes(-len(value) % 4)


def sctp_packets():
    """SCTP (IP protocol 132) over IPv4 and IPv6: every chunk type tcpdump names, DATA with
    each flag, payload protocol and M3UA message (-vv), SACK gap blocks and duplicate TSNs,
    bundles, and the malformed and cut forms print-sctp.c reports. No ForCES port or payload
    protocol: print-forces.c is not ported (the suite's GAPS)."""
    from scapy.layers.sctp import SCTP

    def v4(chunks, sport=2905, dport=36412, raw=None):
        ip = IP(src=A4, dst=B4, proto=132)
        return eth(ip / Raw(raw)) if raw is not None else \
            eth(ip / SCTP(sport=sport, dport=dport, tag=0x1234) / Raw(chunks))

    def v6(chunks, sport=38412, dport=38412):
        return eth(IPv6(src=A6, dst="2001:db8::2", nh=132) /
                   SCTP(sport=sport, dport=dport, tag=7) / Raw(chunks))

    def data(tsn, payload, flags=3, sid=1, ssn=2, ppid=0):
        return sctp_chunk(0, struct.pack(">IHHI", tsn, sid, ssn, ppid) + payload, flags)

    init = struct.pack(">IIHHI", 0xdeadbeef, 106496, 10, 65535, 0x01020304)
    params = bytes.fromhex("000c000600050000") + bytes.fromhex("8000000480080005c000000000")
    sack = lambda gaps, dups, ng=None, nd=None: sctp_chunk(3, struct.pack(
        ">IIHH", 1000, 65536, len(gaps) if ng is None else ng, len(dups) if nd is None else nd)
        + b"".join(struct.pack(">HH", a, b) for a, b in gaps) + u32(*dups))
    m3ua_data = m3ua(1, 1, m3ua_param(0x0200, u32(7)) + m3ua_param(0x0006, u32(0x11223344))
                     + m3ua_param(0x0210, bytes(range(13))) + m3ua_param(0x0013, u32(5)))
    good = [
        v4(sctp_chunk(1, init)),
        v4(sctp_chunk(1, init + params)),
        v4(sctp_chunk(2, init + sctp_chunk(7, bytes(16))), sport=36412, dport=2905),
        v4(sctp_chunk(10, bytes(range(20)))),
        v4(sctp_chunk(11), sport=36412, dport=2905),
        v4(data(1, b"hello world\n", flags=3, ppid=18)),
        v4(data(2, b"x" * 40, flags=2, ppid=0)),
        v4(data(3, b"y", flags=1, ppid=27)),
        v4(data(4, b"z" * 5, flags=0, ppid=26)),
        v4(data(5, b"abc", flags=7, ppid=0xdeadbeef)),
        v4(data(6, b"abcd", flags=4, ppid=1)),
        v4(data(7, m3ua_data, ppid=3)),
        v4(data(8, m3ua(3, 3, m3ua_param(0x0009, b"beat")), ppid=3)),
        v4(data(9, m3ua(0, 1, m3ua_param(0x0013, b"\x01")), ppid=3)),
        v4(data(10, m3ua(4, 9) + bytes(4), ppid=3)),
        v4(data(11, m3ua(7, 1), ppid=3)),
        v4(data(12, m3ua(9, 2, m3ua_param(0x7777, b"ab")), ppid=3)),
        v4(data(13, m3ua(2, 1, length=99), ppid=3)),
        v4(data(14, m3ua(1, 1, version=2), ppid=3)),
        v4(data(15, b"\x01\x00\x01", ppid=3)),
        v4(data(16, m3ua(1, 1, struct.pack(">HH", 6, 2)), ppid=3)),
        v4(data(17, m3ua(1, 1, b"\x00\x06"), ppid=3)),
        v4(sack([], [])),
        v4(sack([(2, 5), (8, 9)], [999, 998, 1])),
        v4(sack([(1, 1)], [], ng=4)),
        v4(sack([], [1, 2], nd=9)),
        v4(sctp_chunk(4, bytes.fromhex("000100080102030405060708"))),
        v4(sctp_chunk(5, bytes.fromhex("000100080102030405060708"))),
        v4(sctp_chunk(6, bytes.fromhex("000d0004"), flags=1)),
        v4(sctp_chunk(7, u32(1000))),
        v4(sctp_chunk(8)),
        v4(sctp_chunk(14, flags=1)),
        v4(sctp_chunk(9, bytes.fromhex("00010008000a0000"))),
        v4(sctp_chunk(12, u32(5))),
        v4(sctp_chunk(13, u32(5))),
        v4(sctp_chunk(0xc0, u32(77))),
        v4(sctp_chunk(0xc1, b"ab")),
        v4(sctp_chunk(0xc2)),
        v4(sctp_chunk(0x55, b"q")),
        # Bundles: COOKIE ECHO with DATA, SACK with DATA, and three chunks.
        v4(sctp_chunk(10, bytes(6)) + data(20, b"first")),
        v4(sack([(3, 4)], [12]) + data(21, b"second", flags=2) + sctp_chunk(4, bytes(4))),
        v6(sctp_chunk(1, init)),
        v6(data(30, b"over ipv6", ppid=46) + sctp_chunk(3, struct.pack(">IIHH", 5, 6, 0, 0))),
        # Malformed: short common header, descriptor cut off, chunk length below 4, padding
        # past the end, DATA/INIT/SACK shorter than their headers, an empty DATA chunk,
        # a chunk longer than the packet, a gap block cut in the chunk, trailing bytes.
        v4(None, raw=bytes(8)),
        v4(sctp_chunk(11)[:2]),
        v4(sctp_chunk(11, length=2)),
        v4(sctp_chunk(11, b"ab", pad=False)),
        v4(sctp_chunk(0, bytes(4))),
        v4(sctp_chunk(0, bytes(12))),
        v4(sctp_chunk(1, bytes(8))),
        v4(sctp_chunk(2, bytes(12))),
        v4(sctp_chunk(3, bytes(4))),
        v4(sctp_chunk(11, length=40)),
        v4(sctp_chunk(3, struct.pack(">IIHH", 9, 9, 1, 0) + b"\x00\x01")),
        v4(sctp_chunk(3, struct.pack(">IIHH", 9, 9, 0, 1) + b"\x00\x01\x02\x03\x04\x05")),
        v4(data(40, b"tail") + b"\x00\x01"),
        v4(sctp_chunk(0, struct.pack(">IHHI", 1, 2, 3, 4) + b"pad", length=19)),
        v4(sctp_chunk(7, u32(1) + b"extra!")),
    ]
    # Snaplen cuts: in the common header, in a chunk descriptor, in a chunk, in the padding,
    # in the second chunk of a bundle, in an M3UA parameter.
    cuts = [(good[0], 34 + 6), (good[0], 34 + 14), (good[0], 34 + 20), (good[7], 34 + 30),
            (good[40], 34 + 32), (good[40], 34 + 44), (good[11], 34 + 12 + 16 + 20),
            (good[11], 34 + 12 + 16 + 10), (good[23], 34 + 30), (good[42], 54 + 20)]
    return good, cuts


def icmp6ni_packets():
    """ICMPv6 node information (139/140, RFC 4620) and router renumbering (138, RFC 2894):
    every query type, subject and reply form print-icmp6.c tells apart (KAME who-are-you,
    the 03 draft, DNS names Pascal-style, as labels and broken), node-address flags, the
    renumbering codes, flags and prefix parts; lengths that lie and snaplen cuts."""
    from scapy.layers.inet6 import ICMPv6Unknown

    def icmp(t, code, body, dst="2001:db8::2", plen=None):
        ip = IPv6(src=A6, dst=dst) if plen is None else IPv6(src=A6, dst=dst, plen=plen)
        return eth(ip / ICMPv6Unknown(type=t, code=code, msgbody=body))

    nonce = bytes.fromhex("0102030405060708")
    q = lambda qtype, flags, subj, code=0: icmp(139, code, struct.pack(">HH", qtype, flags)
                                                 + nonce + subj)
    r = lambda code, qtype, flags, data=b"": icmp(140, code, struct.pack(">HH", qtype, flags)
                                                   + nonce + data)
    a6 = bytes.fromhex("20010db8000000000000000000000002")
    name = b"\x04host\x07example\x03com\x00"
    good = [
        icmp(139, 0, bytes(8)),                            # who-are-you: 12 bytes
        q(0, 0, b""), q(0, 0, b"xx"), q(1, 0, b""), q(1, 1, b""), q(1, 2, b"abcd"),
        q(2, 0, b""),                                      # 03 draft
        q(3, 0x7e, a6), q(3, 0x02, a6), q(3, 0x40, a6), q(3, 0, a6 + b"zz"),
        q(3, 0x20, a6[:8]), q(7, 0, a6),
        q(2, 0, name, code=1), q(2, 0, b"\x0bhost.domain", code=1),
        q(2, 0, b"\x04host\x07example", code=1), q(2, 0, b"\x04host\x00\x00", code=1),
        q(2, 0, b"\x04host\x00\x01x", code=1), q(2, 0, b"\x09ab", code=1),
        q(2, 0, b"\x02\x01\xff\x00", code=1),
        q(4, 0, bytes([192, 0, 2, 1]), code=2), q(4, 0, bytes([192, 0, 2, 1, 0]), code=2),
        q(4, 0, b"\x01", code=2), q(3, 0, a6, code=9),
        r(0, 0, 0), r(0, 0, 0, b"xy"), r(1, 0, 0), r(1, 0, 0, b"x"), r(2, 3, 0), r(5, 3, 0),
        r(0, 1, 0), r(0, 1, 1), r(0, 1, 4),
        r(0, 2, 1, u32(300) + name), r(0, 2, 0, u32(0) + b"\x0bhost.domain"),
        r(0, 2, 0, u32(0) + b"\x03abc"),
        r(0, 3, 0x7f, u32(60) + a6 + u32(0xffffffff) + bytes(16) + b"abc"),
        r(0, 3, 0, u32(1) + a6[:10]), r(0, 9, 0),
        # A payload length shorter than the ICMPv6 header (tcpdump's icmp6_nodeinfo_oobr).
        icmp(140, 4, b"\x08", dst="2001:db8::3", plen=4),
    ]
    match = lambda code, plen, n, prefix="fec0::": struct.pack(
        ">BBBBBBH", code, 3 + 4 * n, 1, plen, 2, 128, 0) + bytes(IPv6(dst=prefix))[24:40]
    use = lambda flags, vl=2592000, pl=604800, prefix="3ffe:501:fffe::": struct.pack(
        ">BBBBIIB3x", 48, 16, 0xc0, 0x80, vl, pl, flags) + bytes(IPv6(dst=prefix))[24:40]
    rr = lambda code, seq, flags, body, seg=0, delay=0, rsvd=0: eth(
        IPv6(src=A6, dst="ff02::2") / ICMPv6Unknown(
            type=138, code=code, msgbody=struct.pack(">IBBHI", seq, seg, flags, delay, rsvd)
            + body))
    good += [
        rr(0, 0, 0x10, match(1, 48, 1) + use(0)),
        rr(0, 16777216, 0xf8, match(2, 64, 2, "2001:db8:1::") + use(0x80) +
           use(0xc0, 0xffffffff, 0xffffffff, "2001:db8:2::"), seg=3, delay=500, rsvd=9),
        rr(0, 5, 0, match(3, 0, 0)), rr(0, 6, 0x40, match(9, 8, 1) + use(0x40)),
        rr(1, 7, 0, bytes(24)), rr(255, 8, 0, b""), rr(4, 9, 0x80, b""),
        # A match length that is not 3 + 4n, and one below 3.
        rr(0, 10, 0, struct.pack(">BB", 1, 5) + match(1, 48, 0)[2:]),
        rr(0, 11, 0, struct.pack(">BB", 1, 2) + match(1, 48, 0)[2:]),
        # More use parts announced than the packet carries.
        rr(0, 12, 0, struct.pack(">BB", 1, 11) + match(1, 48, 0)[2:] + use(0)),
    ]
    # Snaplen cuts: in the NI header and subject, in a reply's addresses, in the renumbering
    # header, match prefix and use prefix.
    cuts = [(good[7], 54 + 12), (good[7], 54 + 20), (good[7], 54 + 30), (good[13], 54 + 22),
            (good[36], 54 + 40), (good[25], 54 + 17), (good[40], 54 + 14),
            (good[40], 54 + 30), (good[40], 54 + 60), (good[41], 54 + 100)]
    return good, cuts


def dvmrp_packets():
    """IGMP's mtrace/mresp (0x1f/0x1e) and DVMRP (0x13): every DVMRP message type with what
    -v and -vv add (probe neighbours, route reports), the neighbour lists' flags and counts,
    prune timers; the short and lying lengths print-dvmrp.c reports, a bad checksum and
    snaplen cuts."""
    def igmp(t, code, rest, dst="224.0.0.4", good=True):
        b = struct.pack(">BBH", t, code, 0) + rest
        if good:
            b = b[:2] + struct.pack(">H", cksum16(b)) + b[4:]
        return eth(IP(src=A4, dst=dst, proto=2, ttl=1) / Raw(b))

    ip = lambda a: bytes(map(int, a.split(".")))
    dv = lambda t, rest, minor=0, major=0, **kw: igmp(0x13, t, bytes([0, 0, minor, major]) + rest,
                                                      **kw)
    tr = lambda t, dst, raddr, qid=7, ttl=64: igmp(
        t, 0, ip("233.252.0.9") + ip("198.51.100.1") + ip(dst) + ip(raddr) + bytes([ttl])
        + struct.pack(">I", qid)[1:])
    nbr2 = lambda laddr, metric, thresh, flags, addrs, n=None: ip(laddr) + bytes(
        [metric, thresh, flags, len(addrs) if n is None else n]) + b"".join(map(ip, addrs))
    nbr = lambda laddr, metric, thresh, addrs, n=None: ip(laddr) + bytes(
        [metric, thresh, len(addrs) if n is None else n]) + b"".join(map(ip, addrs))
    good = [
        tr(0x1f, "198.51.100.2", "198.51.100.3"),
        tr(0x1f, "198.51.100.2", "224.0.1.32", qid=0xabcdef, ttl=32),
        tr(0x1e, "198.51.100.2", "239.255.255.255", ttl=255),
        igmp(0x1f, 0, bytes(12)),
        dv(1, u32(0x12345678)),
        dv(1, u32(1) + ip("192.0.2.7") + ip("192.0.2.8")),
        dv(1, b"\x01\x02"),
        dv(1, u32(1) + b"\x01\x02"),
        dv(2, bytes([255, 255, 0]) + ip("10.1.0.0")[:2] + b"\x01" + ip("10.2.0.0")[:2] + b"\x82"
           + bytes([255, 255, 255]) + ip("192.0.2.0")[:3] + b"\x83"),
        dv(2, bytes([0, 0, 0]) + b"\x00\x80"),
        dv(2, bytes([255, 0, 0]) + b"\x0a\x05"),
        dv(2, b"\xff\x00"),
        dv(3, b""), dv(5, b""),
        dv(4, nbr("192.0.2.1", 1, 2, ["192.0.2.9", "192.0.2.10"]) + nbr("192.0.2.2", 3, 0, [])),
        dv(4, nbr("192.0.2.1", 1, 2, ["192.0.2.9"], n=3)),
        dv(4, b"\x01\x02\x03"),
        dv(6, nbr2("10.0.0.2", 1, 0, 0x40, ["10.0.0.1"]) + nbr2("10.0.0.9", 1, 0, 0, ["10.0.0.10"]),
           minor=4, major=12),
        dv(6, nbr2("192.0.2.1", 2, 1, 0x73, ["192.0.2.5", "192.0.2.6"]), minor=255, major=3),
        dv(6, nbr2("192.0.2.1", 2, 1, 0, ["192.0.2.5"], n=2)),
        dv(6, nbr2("192.0.2.1", 2, 1, 0, ["192.0.2.5"], n=0)),
        dv(6, nbr2("192.0.2.1", 2, 1, 0, []) + b"\x01\x02"),
        dv(6, nbr2("192.0.2.1", 2, 1, 0, ["192.0.2.5"], n=2) + b"\x01\x02"),
        dv(7, ip("192.0.2.1") + ip("233.252.0.1") + u32(7384)),
        dv(7, ip("192.0.2.1") + ip("233.252.0.1") + u32(0)),
        dv(8, ip("192.0.2.1") + ip("233.252.0.1")),
        dv(9, ip("192.0.2.1") + ip("233.252.0.1")),
        dv(7, ip("192.0.2.1") + ip("233.252.0.1")),
        dv(42, b"abcd"),
        dv(1, u32(5), good=False),
        igmp(0x13, 1, b"\x00\x00"),
    ]
    # Snaplen cuts: in an mtrace query, in a probe, a report, a neighbour list, a prune.
    cuts = [(good[1], 34 + 22), (good[5], 34 + 14), (good[8], 34 + 15), (good[17], 34 + 21),
            (good[23], 34 + 18)]
    return good, cuts


def macsec_packets():
    """MACsec (ethertype 0x88e5): integrity-only payloads decoded past the SecTAG and ICV
    (with and without SCI, a short length, a VLAN tag and an 802.3 length after it),
    encrypted and changed payloads dumped, every flag and association number; version bit
    and short-length errors, frames too short for the SecTAG or the ICV, and snaplen cuts."""
    icv = bytes(range(0xa0, 0xb0))

    def sec(tci, pn, payload, sl=0, sci=0x020000000001abcd, extra=b"", dst="02:00:00:00:00:0b"):
        tag = struct.pack(">BBI", tci, sl, pn) + (u64(sci) if tci & 0x20 else b"")
        return Ether(src=MA, dst=dst, type=0x88e5) / Raw(tag + payload + icv + extra)

    ip4 = bytes(IP(src=A4, dst=B4, id=1) / UDP(sport=1024, dport=9) / Raw(b"hi!!"))
    udp = b"\x08\x00" + ip4
    arp = b"\x08\x06" + bytes.fromhex("0001080006040001020000000000a0c0000201000000000000c0000202")
    good = [
        sec(0x2c | 0x00, 72, bytes(range(48))),            # E, C, SCI: encrypted
        sec(0x24 | 0x01, 6, udp),                          # C only: "changed", dumped
        sec(0x08 | 0x02, 7, bytes(20)),                    # E only, no SCI
        sec(0x20, 68, udp),                                # integrity only, SCI
        sec(0x00, 69, arp),                                # integrity only, no SCI
        sec(0x70 | 0x03, 70, udp),                         # S, I, B flags, AN 3
        sec(0x40, 71, b"\x86\xdd" + bytes(IPv6(src=A6, dst="2001:db8::2") / UDP(sport=7, dport=7))),
        sec(0x20, 72, udp[:34], sl=34, extra=b""),         # short length
        sec(0x20, 73, udp[:34] + bytes(6), sl=34),         # short length, padded
        sec(0x20, 74, b"\x81\x00\x00\x05" + udp),          # a VLAN tag inside
        sec(0x20, 75, struct.pack(">H", 7) + bytes.fromhex("424203000000000000")),  # 802.3
        sec(0x20, 76, b"\x88\xb5" + b"local experimental"),
        sec(0xa0, 77, udp),                                # version bit: invalid
        sec(0x20, 78, udp, sl=0x40 | 5),                   # short length's reserved bits
        sec(0x20, 79, udp[:10], sl=40),                    # short length past the data
        sec(0x20, 80, b"\x08\x00\x45", sl=1),              # short length 1: "caplen 1 < 2"
        Ether(src=MA, dst=MB, type=0x88e5) / Raw(bytes.fromhex("2000000000")),
        Ether(src=MA, dst=MB, type=0x88e5) / Raw(bytes.fromhex("200000000001aabbccdd")),
        Ether(src=MA, dst=MB, type=0x88e5) / Raw(bytes.fromhex("000000000001") + bytes(10)),
        Ether(src=MA, dst=MB, type=0x8100) / Raw(b"\x00\x07\x88\xe5" + bytes(30)),
    ]
    # Snaplen cuts: in the SecTAG, in the SCI, in the payload, in the ICV, in the encrypted
    # data.
    cuts = [(good[3], 14 + 4), (good[3], 14 + 10), (good[3], 14 + 14 + 20),
            (good[3], 14 + 14 + len(udp) + 8), (good[0], 14 + 30)]
    return good, cuts


def pppoe_packets():
    """PPPoE discovery (every code, text and binary tags, End-Of-List, lengths that lie)
    and sessions carrying PPP: LCP/IPCP/IP6CP/CCP/BACP/OSICP messages of every code with
    their options (each option's short and long forms), CHAP, PAP, Multilink, IPv4, IPv6
    and MPLS payloads, protocol-field compression, octet-escaped (RFC 1662) frames, and
    the PPP ethertype. IPX and OSI payloads are left out: print-ipx.c and print-isoclns.c
    are not ported."""
    def disc(code, tags, sid=0, plen=None, vt=0x11):
        n = len(tags) if plen is None else plen
        return Ether(src=MA, dst="ff:ff:ff:ff:ff:ff", type=0x8863) / Raw(
            struct.pack(">BBHH", vt, code, sid, n) + tags)

    def sess(ppp, sid=0x17, plen=None, t=0x8864):
        n = len(ppp) if plen is None else plen
        return Ether(src=MA, dst="02:00:00:00:00:0b", type=t) / Raw(
            struct.pack(">BBHH", 0x11, 0, sid, n) + ppp)

    tag = lambda t, v=b"": struct.pack(">HH", t, len(v)) + v
    cp = lambda proto, code, body, ident=1, enc=None: struct.pack(
        ">HBBH", proto, code, ident, 4 + len(body) if enc is None else enc) + body
    opt = lambda o, v=b"", n=None: bytes([o, 2 + len(v) if n is None else n]) + v
    lcp = lambda code, body, **kw: cp(0xc021, code, body, **kw)
    ip4 = bytes(IP(src=A4, dst=B4, id=1) / UDP(sport=1024, dport=9) / Raw(b"ppp"))
    ip6 = bytes(IPv6(src=A6, dst="2001:db8::2") / UDP(sport=7, dport=7))
    lcp_opts = (opt(1, struct.pack(">H", 1492)) + opt(2, u32(0)) + opt(3, b"\xc2\x23\x05")
                + opt(5, u32(0x2a3b4c5d)) + opt(7) + opt(8))
    good = [
        disc(0x09, tag(0x0101) + tag(0x0120, b"\x05\xdc") + tag(0x0103, b"\x16\x37\x2c\x16")),
        disc(0x07, tag(0x0102, b"access-concentrator-1") + tag(0x0101, b"internet")
             + tag(0x0104, bytes(range(16))) + tag(0x0105, b"\x00\x00\x0d\xe9ab")
             + tag(0x0999, b"xyz") + tag(0x0110, b"\x01\x02"), sid=0),
        disc(0x19, tag(0x0101, b"internet") + tag(0, b"") + tag(0x0102, b"after EOL")),
        disc(0x65, tag(0x0101, b"internet"), sid=0x1234),
        disc(0xa7, tag(0x0203, b"session closed\x00\x01"), sid=0x1234),
        disc(0x33, tag(0x0202, b"x" * 100) + tag(0x0201, b"ab\x01\x02\x03")),
        disc(0x09, tag(0x0101), vt=0x23),
        disc(0x09, tag(0x0101), plen=1500),
        disc(0x09, tag(0x0101) + tag(0x0103, b"\x01"), plen=6),
        disc(0x09, tag(0x0102, b"ab") + b"\x01\x03\x00\x40" + b"abc"),
        Ether(src=MA, dst="ff:ff:ff:ff:ff:ff", type=0x8863) / Raw(b"\x11\x09\x00\x00"),
        # PPP in sessions: LCP.
        sess(lcp(1, lcp_opts)),
        sess(b"\xff\x03" + lcp(2, lcp_opts, ident=2)),
        sess(lcp(3, opt(3, b"\xc0\x23") + opt(3, b"\xc2\x27") + opt(3, b"\x12\x34\x00")
                 + opt(3, b"\xc2\x23\x81") + opt(3, b"\xc2\x23\x07") + opt(4, b"\xc0\x25")
                 + opt(4, b"\x00\x01"))),
        sess(lcp(4, opt(13, b"\x01") + opt(13, b"\x09") + opt(17, b"\x05\xdc")
                 + opt(19, b"\x00") + opt(19, b"\x01ab") + opt(19, b"\x02" + bytes([192, 0, 2, 9]))
                 + opt(19, b"\x03\x02\x00\x00\x00\x00\x01") + opt(19, b"\x04") + opt(19, b"\x05")
                 + opt(19, b"\x09") + opt(23, b"\x00\x10") + opt(0, b"\x00\x00\x0c\x01")
                 + opt(9, b"\x01") + opt(30) + opt(40, b"zz"))),
        sess(lcp(1, opt(1, b"\x05") + opt(1, b"\x05\xdc"))),
        sess(lcp(1, opt(2, b"\x00"))),
        sess(lcp(1, opt(0, b"\x00"))),
        sess(lcp(1, opt(3, b"\xc2"))),
        sess(lcp(1, opt(4, b"\xc0"))),
        sess(lcp(1, opt(5, b"\x00"))),
        sess(lcp(1, opt(23, b"\x00"))),
        sess(lcp(1, opt(13))),
        sess(lcp(1, opt(17, b"\x01"))),
        sess(lcp(1, opt(19))),
        sess(lcp(1, opt(19, b"\x02\x01"))),
        sess(lcp(1, opt(19, b"\x03\x01"))),
        sess(lcp(1, opt(1, b"\x05\xdc", n=1))),
        sess(lcp(1, opt(45, b"", n=1))),
        sess(lcp(1, opt(1, b"\x05\xdc", n=9))),
        sess(lcp(1, opt(1, b"\x05\xdc") + b"\x07")),
        sess(lcp(5, b"bye")), sess(lcp(6, b"")), sess(lcp(7, b"\x01\x02\x03\x04")),
        sess(lcp(8, b"\x80\x21" + b"rejected!")), sess(lcp(8, b"\x12\x34")),
        sess(lcp(9, u32(0x01020304))), sess(lcp(10, u32(0x01020304) + b"trailing")),
        sess(lcp(11, u32(7))), sess(lcp(9, b"\x00\x01")),
        sess(lcp(12, u32(9) + b"hello peer")), sess(lcp(12, u32(9))),
        sess(lcp(13, u32(9) + u32(3600))), sess(lcp(13, u32(9) + b"\x00")),
        sess(lcp(0, u32(9) + b"\x00\x00\x0c\x01abc")), sess(lcp(0, b"\x00")),
        sess(lcp(0x20, b"unknown code")),
        sess(lcp(1, lcp_opts, enc=3)), sess(lcp(1, lcp_opts, enc=200)),
        sess(lcp(9, b"")), sess(struct.pack(">HBB", 0xc021, 9, 1)), sess(b"\xc0\x21\x09"),
        # The other control protocols.
        sess(cp(0x8021, 1, opt(3, bytes([192, 0, 2, 1])) + opt(129, bytes([198, 51, 100, 53]))
                + opt(132, bytes(4)) + opt(2, b"\x00\x2d\x0f\x01") + opt(1, bytes(8))
                + opt(9, b"qq"))),
        sess(cp(0x8021, 4, opt(2, b"\x00\x61" + struct.pack(">HHHHH", 15, 16, 256, 5, 168)
                                + b"\x01\x02\x02\x02"))),
        sess(cp(0x8021, 4, opt(2, b"\x00\x61" + struct.pack(">HHHHH", 15, 16, 256, 5, 168)
                                + b"\x01\x05\x02"))),
        sess(cp(0x8021, 4, opt(2, b"\x00\x61" + struct.pack(">HHHHH", 15, 16, 256, 5, 168)
                                + b"\x00\x02"))),
        sess(cp(0x8021, 1, opt(2, b"\x00\x61\x00\x01"))),
        sess(cp(0x8021, 1, opt(2, b"\x12\x34"))),
        sess(cp(0x8021, 1, opt(2, b"\x00"))),
        sess(cp(0x8021, 1, opt(3, b"\x01"))),
        sess(cp(0x8021, 1, opt(1, b"\x01"))),
        sess(cp(0x8021, 1, opt(3, b"", n=1))),
        sess(cp(0x8057, 1, opt(1, bytes.fromhex("0200000000000001")) + opt(2, b"x"))),
        sess(cp(0x8057, 2, opt(1, b"\x01"))), sess(cp(0x8057, 2, opt(1, b"", n=0))),
        sess(cp(0x80fd, 1, opt(26, b"\x78\x00") + opt(21, b"\x2f") + opt(24, b"\xe5\x03")
                + opt(18, u32(1)) + opt(26, b"\x41") + opt(21) + opt(24, b"\x01"))),
        sess(cp(0x80fd, 1, opt(26, b"", n=1))),
        sess(cp(0x80fd, 14, b"reset")), sess(cp(0x80fd, 15, b"")),
        sess(cp(0xc02b, 1, opt(1, u32(0xdeadbeef)) + opt(1, b"\x01") + opt(7, b"q"))),
        sess(cp(0xc02b, 1, opt(1, b"", n=1))),
        sess(cp(0x8023, 1, b"\x01\x02\x03\x04")), sess(cp(0x8281, 2, b"")),
        # Authentication: CHAP and PAP.
        sess(b"\xc2\x23" + struct.pack(">BBH", 1, 7, 4 + 1 + 4 + 6) + b"\x04\xde\xad\xbe\xef"
             + b"server"),
        sess(b"\xc2\x23" + struct.pack(">BBH", 2, 7, 4 + 1 + 2 + 3) + b"\x02\x01\x02usr"),
        sess(b"\xc2\x23" + struct.pack(">BBH", 3, 7, 4 + 7) + b"Welcome"),
        sess(b"\xc2\x23" + struct.pack(">BBH", 4, 7, 4 + 6) + b"denied"),
        sess(b"\xc2\x23" + struct.pack(">BBH", 9, 7, 4)),
        sess(b"\xc2\x23" + struct.pack(">BBH", 1, 7, 9) + b"\x09ab"),
        sess(b"\xc2\x23" + struct.pack(">BBH", 3, 7, 2) + b"ok"),
        sess(b"\xc2\x23\x01\x02"), sess(b"\xc2\x23"),
        sess(b"\xc0\x23" + struct.pack(">BBH", 1, 3, 4 + 1 + 4 + 1 + 6) + b"\x04user\x06secret"),
        sess(b"\xc0\x23" + struct.pack(">BBH", 2, 3, 4 + 1 + 8) + b"\x08Login ok"),
        sess(b"\xc0\x23" + struct.pack(">BBH", 3, 3, 4 + 1 + 3) + b"\x03bad"),
        sess(b"\xc0\x23" + struct.pack(">BBH", 1, 3, 5) + b"\x04"),
        sess(b"\xc0\x23" + struct.pack(">BBH", 2, 3, 4)),
        sess(b"\xc0\x23" + struct.pack(">BBH", 1, 3, 40) + b"\x04user"),
        sess(b"\xc0\x23" + struct.pack(">BBH", 1, 3, 2) + b"\x04user"),
        sess(b"\xc0\x23" + struct.pack(">BBH", 1, 3, 9) + b"\x09user"),
        sess(b"\xc0\x23" + struct.pack(">BBH", 1, 3, 10) + b"\x04user\x09"),
        sess(b"\xc0\x23" + struct.pack(">BBH", 5, 3, 4)),
        sess(b"\xc0\x23\x01"),
        sess(b"\xc0\x2d\x01\x02\x00\x04"),
        # Multilink, payloads, protocol-field compression, address/control and pppd headers.
        sess(b"\x00\x3d\x80\x05" + b"\x00\x21"), sess(b"\x00\x3d\x41\x23"), sess(b"\x00\x3d\x00"),
        sess(b"\x00\x21" + ip4), sess(b"\x21" + ip4), sess(b"\xff\x03\x00\x21" + ip4),
        sess(b"\x00\x03\x00\x21" + ip4), sess(b"\x01\x03\x00\x57" + ip6),
        sess(b"\x00\x57" + ip6), sess(b"\x86\xdd" + ip6), sess(b"\x08\x00" + ip4),
        sess(b"\x00\x2f" + ip4),
        sess(b"\x02\x81" + b"\x00\x01\x01\x40" + ip4), sess(b"\x00\xfd" + b"compressed"),
        sess(b"\x43\x21" + b"\x01\x02"), sess(b"\x00\x29" + b"apple"), sess(b"\x80\x2b\x01"),
        sess(b"\xff\x03"), sess(b"\x21"), sess(b""),
        # RFC 1662 octet escapes: IPv4 after a one-octet protocol, LCP after an
        # address/control field, an invalid protocol, and a frame cut before its protocol.
        sess(b"\x7e\x21" + ip4[:10].replace(b"\x7d", b"\x7d\x5d") + b"\x7d\x31" + ip4[11:]),
        sess(b"\x7e\xff\x7d\x23\xc0\x21\x09\x01\x00\x08\x00\x00\x00\x01"),
        sess(b"\x7e\xff\x03\x7e\x21\x00"), sess(b"\x7e\xff\x03\x00"), sess(b"\x7e\x57" + ip6),
        sess(b"\x7e\x12\x80\x21\x05\x01\x00\x04"), sess(b"\x7e\x7d"),
        # Lengths: the PPPoE length past the frame, a frame longer than the PPPoE length,
        # the pre-standard ethertype, the PPP ethertype.
        sess(lcp(9, u32(1)), plen=200), sess(lcp(9, u32(1)) + b"pad", plen=12),
        sess(lcp(9, u32(1)), t=0x3c13),
        Ether(src=MA, dst="02:00:00:00:00:0b", type=0x880b) / Raw(b"\xff\x03" + lcp(9, u32(5))),
        Ether(src=MA, dst="02:00:00:00:00:0b", type=0x880b),
        # PPTP's enhanced GRE (version 1) carrying PPP: LCP, IPv4, and no payload.
        eth(IP(src=A4, dst=B4, proto=47) / Raw(struct.pack(">HHHHI", 0x3001, 0x880b, 18, 5, 1)
                                             + b"\xff\x03" + lcp(9, u32(5)))),
        eth(IP(src=A4, dst=B4, proto=47) / Raw(struct.pack(">HHHHII", 0x3081, 0x880b, 4 + len(ip4),
                                                           5, 2, 1) + b"\x00\x21" + ip4)),
        eth(IP(src=A4, dst=B4, proto=47) / Raw(struct.pack(">HHHHI", 0x3001, 0x880b, 0, 5, 3))),
    ]
    # Snaplen cuts: in a tag, in the PPPoE header, in LCP options, in an IPCP header
    # compression option, in an IP header, in an escaped frame, in CHAP's name.
    cuts = [(good[1], 14 + 6 + 10), (good[0], 14 + 3), (good[11], 14 + 6 + 2 + 4 + 6),
            (good[11], 14 + 6 + 2 + 4 + 9), (good[11], 14 + 6 + 1),
            (good[52], 14 + 6 + 2 + 4 + 9), (good[114], 14 + 6 + 2 + 12),
            (good[114], 14 + 6 + 8), (good[73], 14 + 6 + 12), (good[48], 14 + 6 + 2 + 4 + 3)]
    return good, cuts


def eigrp_packets():
    """EIGRP (IP protocol 88) over IPv4 and IPv6: every opcode and header flag, each TLV
    tcpdump decodes (general parameters, software version, IPv4 and AppleTalk internal and
    external routes, cable setup) with every prefix length class, the TLVs it dumps, and
    TLVs too short for their type or longer than the packet; another version, snaplen cuts."""
    def eigrp(op, tlvs, flags=0, version=2, v6=False):
        b = struct.pack(">BBHIIIHH", version, op, 0, flags, 7, 3, 0, 100) + tlvs
        b = b[:2] + struct.pack(">H", cksum16(b)) + b[4:]
        ip = (IPv6(src="fe80::1", dst="ff02::a", nh=88) if v6
              else IP(src=A4, dst="224.0.0.10", proto=88, ttl=2, tos=0xc0))
        return eth(ip / Raw(b))

    tlv = lambda t, v: struct.pack(">HH", t, 4 + len(v)) + v
    metric = struct.pack(">II", 2560000, 100000) + b"\x00\x05\xdc" + bytes([1, 255, 1, 0, 0])
    ip_int = lambda nh, plen, dest: tlv(0x0102, bytes(map(int, nh.split("."))) + metric
                                       + bytes([plen]) + dest)
    ip_ext = lambda nh, plen, dest, proto=2: tlv(0x0103, bytes(map(int, nh.split(".")))
                                                 + bytes([192, 0, 2, 99]) + u32(65001, 0xabcd,
                                                 77) + b"\x00\x00" + bytes([proto, 0x41])
                                                 + metric + bytes([plen]) + dest)
    at_int = lambda nh: tlv(0x0202, nh + metric + struct.pack(">HH", 100, 110))
    at_ext = lambda nh: tlv(0x0203, nh + u32(9, 65002, 0x77) + bytes([6, 1])
                            + struct.pack(">H", 5) + metric + struct.pack(">HH", 200, 210))
    hello = tlv(1, bytes([1, 0, 1, 0, 0, 0]) + struct.pack(">H", 15)) + tlv(4, bytes([12, 4, 1, 2]))
    good = [
        eigrp(5, hello),
        eigrp(5, hello, v6=True),
        eigrp(1, ip_int("0.0.0.0", 24, b"\xc6\x33\x64")
              + ip_int("192.0.2.7", 32, b"\xcb\x00\x71\x05") + ip_int("0.0.0.0", 0, b"")
              + ip_int("0.0.0.0", 9, b"\x0a\x80")
              + ip_int("0.0.0.0", 33, b"\x01"), flags=0x01),
        eigrp(3, ip_ext("0.0.0.0", 16, b"\xc6\x33") + ip_ext("192.0.2.8", 8, b"\x0a", proto=11)
              + ip_ext("0.0.0.0", 12, b"\xcb\x00", proto=99), flags=0x0b),
        eigrp(4, at_int(bytes(4)) + at_int(b"\x00\x64\x00\x01") + at_ext(bytes(4))
              + at_ext(b"\x00\x65\x00\x02") + tlv(0x0204, struct.pack(">HHI", 10, 20, 300)),
              flags=0x04),
        eigrp(5, tlv(2, b"\x00\x02" + bytes(14)) + tlv(3, b"\x04" + bytes(4)) + tlv(5, u32(9))
              + tlv(0x0302, b"ipx") + tlv(0x0303, b"") + tlv(0x7777, b"??")),
        eigrp(6, b""), eigrp(7, b""), eigrp(9, b""), eigrp(2, hello),
        eigrp(5, tlv(1, bytes(4)) + tlv(4, b"\x0c") + tlv(0x0102, bytes(10))
              + tlv(0x0103, bytes(30)) + tlv(0x0202, bytes(20)) + tlv(0x0203, bytes(20))
              + tlv(0x0204, bytes(4))),
        eigrp(5, hello + struct.pack(">HH", 1, 2) + bytes(8)),
        eigrp(5, hello + struct.pack(">HH", 1, 40) + bytes(8)),
        eigrp(5, hello, version=1),
    ]
    # Snaplen cuts: in the header, in a TLV header, in a TLV, in a route's prefix.
    cuts = [(good[0], 34 + 10), (good[0], 34 + 22), (good[0], 34 + 30), (good[2], 34 + 20 + 26),
            (good[4], 34 + 20 + 30)]
    return good, cuts


def rpl_packets():
    """ICMPv6 RPL control messages (type 155, RFC 6550): DIS, DIO (grounded or not, every
    mode of operation), DAO with and without DAGID and ack flag, DAO-ACK, their options
    (-vv names, -vvv bytes), secured and unknown codes; short bodies and snaplen cuts."""
    from scapy.layers.inet6 import ICMPv6Unknown

    def rpl(code, body, dst="ff02::1a"):
        return eth(IPv6(src="fe80::1", dst=dst) / ICMPv6Unknown(type=155, code=code, msgbody=body))

    dag = bytes(IPv6(dst="2001:db8::100"))[24:40]
    opts = (b"\x00" + b"\x01\x02\x00\x00" + b"\x04\x0e" + bytes(range(14))
            + b"\x08\x07\x40\x00\x00\x00\x0e\x10\x20" + b"\x05\x04\x00\x40\x20\x01" + b"\x63\x01q")
    dio = lambda mopprf, extra=b"": (struct.pack(">BBHBBBB", 1, 2, 256, mopprf, 7, 0, 0) + dag
                                     + extra)
    dao = lambda flags, extra=b"", withdag=None: struct.pack(">BBBB", 1, flags, 0, 9) + (
        dag if (flags & 0x40 if withdag is None else withdag) else b"") + extra
    ack = lambda flags, extra=b"": struct.pack(">BBBB", 1, flags, 9, 0) + (
        dag if flags & 0x80 else b"") + extra
    good = [
        rpl(0, b"\x00\x00"),
        rpl(1, dio(0x88, opts)), rpl(1, dio(0x10)), rpl(1, dio(0x13)), rpl(1, dio(0x3f)),
        rpl(1, dio(0x00, b"\x04\x05\x01")), rpl(1, dio(0x00, b"\x01")), rpl(1, bytes(10)),
        rpl(2, dao(0xc0, opts)), rpl(2, dao(0x00, b"\x00" * 16 + opts)), rpl(2, dao(0x80)),
        rpl(2, dao(0x40, withdag=False)), rpl(2, b"\x01\x00"),
        rpl(3, ack(0x80, b"\x00\x00")), rpl(3, ack(0x00)), rpl(3, ack(0x80)[:10]), rpl(3, b"\x01"),
        rpl(0x81, dio(0)), rpl(0x05, b"\x00\x00\x00\x00"),
    ]
    cuts = [(good[1], 54 + 4 + 10), (good[1], 54 + 4 + 24 + 8), (good[8], 54 + 4 + 12),
            (good[13], 54 + 4 + 3)]
    return good, cuts


def slow_packets():
    """IEEE slow protocols (ethertype 0x8809): LACP, Marker and OAM in every form
    print-slow.c prints differently; hand-built bytes, so lengths can lie."""
    from scapy.contrib.lacp import LACP, MarkerProtocol, SlowProtocol

    sp = lambda b: Ether(src=MA, dst="01:80:c2:00:00:02", type=0x8809) / Raw(b)
    tlv = lambda t, v: bytes([t, len(v) + 2]) + v
    actor = (struct.pack(">H", 32768) + bytes.fromhex("02000000000b") + struct.pack(">HHHB", 17, 255, 3, 0x3d)
             + bytes(3))
    oam_info = lambda t, oui=0x0080c2: tlv(t, bytes([1]) + struct.pack(">HBBH", 1, 0x05, 0x1f, 0x05ee)
                                         + oui.to_bytes(3, "big") + struct.pack(">I", 0xdeadbeef))
    event = lambda t: tlv(t, struct.pack(">HQQQQI", 600, 10, 1, 12345678901, 2**63 + 5, 7))
    pkts = [
        Ether(src=MA, dst="01:80:c2:00:00:02") / SlowProtocol() / LACP(
            actor_system="02:00:00:00:00:0a", actor_key=13, actor_port_number=2, actor_state=0x3f,
            partner_system="02:00:00:00:00:0b", partner_state=0x80),
        sp(b"\x01\x02" + bytes(20)),  # LACP version 2
        sp(b"\x02\x01" + tlv(1, struct.pack(">H", 5) + bytes.fromhex("02000000000a")
                              + struct.pack(">I", 0x01020304) + bytes(2)) + bytes(2)),
        sp(b"\x02" + bytes(MarkerProtocol(marker_type=2, requester_port=9))),  # Marker response: an unknown TLV
        sp(b"\x02\x03"),  # Marker version 3
        sp(b"\x0a\x01\x02\x03\x04"),  # an unknown subtype
        sp(b"\x01\x01" + tlv(1, actor[:10]) + tlv(3, bytes(4)) + tlv(9, b"abc") + bytes(2)),
        sp(b"\x01\x01" + tlv(2, actor) + bytes([3, 1]) + bytes(10)),  # TLV length 1
        sp(b"\x01\x01" + tlv(1, actor) + bytes([2, 40]) + bytes(4)),  # TLV past the end
        sp(b"\x01\x01" + tlv(1, actor) + b"\x03"),  # half a TLV header
        sp(b"\x01"),  # LACP without its version
        sp(b""),  # no subtype at all
        sp(b"\x03" + struct.pack(">HB", 0x0049, 0) + oam_info(1) + oam_info(2, 0x00000c)
           + tlv(0xfe, b"\x00\x12\x0fxyz") + tlv(7, b"q") + bytes(2)),
        sp(b"\x03" + struct.pack(">HB", 0x0000, 0) + bytes([1, 10]) + bytes(8)
           + bytes([2, 1])),  # bad info length, then a TLV length 1
        sp(b"\x03" + struct.pack(">HB", 0x0002, 0) + oam_info(1)[:10]),  # TLV past the end
        sp(b"\x03" + struct.pack(">HB", 0x0001, 1) + struct.pack(">H", 77) + event(1) + event(4)
           + tlv(2, bytes(10)) + tlv(0xfe, b"\x00\x00\x0c") + tlv(9, b"") + bytes(2)),
        sp(b"\x03" + struct.pack(">HB", 0, 1) + struct.pack(">H", 78) + bytes([3, 1])),
        sp(b"\x03" + struct.pack(">HB", 0, 1) + b"\x00"),  # no room for the sequence number
        sp(b"\x03" + struct.pack(">HB", 0, 1) + struct.pack(">H", 79) + event(2)[:20]),
        sp(b"\x03" + struct.pack(">HB", 0, 4) + b"\x01"),
        sp(b"\x03" + struct.pack(">HB", 0, 4) + b"\x07rest"),
        sp(b"\x03" + struct.pack(">HB", 0, 4)),  # loopback control without its command
        sp(b"\x03" + struct.pack(">HB", 0x7f, 2) + b"\x07\x00\x25"),  # variable request
        sp(b"\x03" + struct.pack(">HB", 0, 0xfe) + b"\x00\x00\x0cvendor"),
        sp(b"\x03" + struct.pack(">HB", 0, 0x77)),
        sp(b"\x03\x00"),  # OAM header too short
    ]
    cuts = [(pkts[0], n) for n in (14 + 1, 14 + 3, 14 + 10, 14 + 40, 14 + 60, 14 + 100)]
    cuts += [(pkts[2], 14 + 10), (pkts[12], 14 + 2), (pkts[12], 14 + 12), (pkts[12], 14 + 30),
             (pkts[15], 14 + 8), (pkts[15], 14 + 30), (pkts[19], 14 + 4), (pkts[22], 14 + 5)]
    return pkts, cuts


def cfm_packets():
    """802.1ag CFM / Y.1731 (ethertype 0x8902, the old 0xabcd too): every opcode print-cfm.c
    decodes, MD/MA name formats, each TLV and sender ID form, and the lengths it rejects."""
    cf = lambda b, t=0x8902: Ether(src=MA, dst="01:80:c2:00:00:37", type=t) / Raw(b)
    hdr = lambda op, flags, off, level=5, ver=0: bytes([level << 5 | ver, op, flags, off])
    tlv = lambda t, v: bytes([t]) + struct.pack(">H", len(v)) + v

    def names(md_fmt, md, ma_fmt, ma):
        b = bytes([md_fmt]) + (bytes([len(md)]) + md if md_fmt != 1 else b"") + bytes([ma_fmt, len(ma)]) + ma
        return (b + bytes(48))[:48]

    ccm = lambda flags, nm, tlvs=b"\x00", seq=7: (hdr(1, flags, 70) + struct.pack(">IH", seq, 0x0123) + nm
                                                 + bytes(16) + tlvs)
    sender = lambda *v: tlv(1, b"".join(v))
    mac_b = bytes.fromhex("02000000000b")
    pkts = [
        cf(ccm(0x84, names(4, b"example.net", 2, b"svc-1"),
               tlv(2, b"\x02") + tlv(3, b"\x01") + sender(b"\x06\x04" + mac_b, b"\x03\x06\x01\x02", b"\x04", b"\xc0\x00\x02\x01")
               + tlv(31, b"\x00\x80\xc2\x05ab") + tlv(4, b"hello") + b"\x00")),
        cf(ccm(0x01, names(1, b"", 3, b"\x00\x2a"))),
        cf(ccm(0x07, names(3, mac_b + b"\x00\x01", 1, b"\x00\x64"))),
        cf(ccm(0x04, names(3, mac_b, 2, b""))),
        cf(ccm(0x02, names(3, b"\x01\x02\x03\x04\x05", 0, b"\x01"))),
        cf(ccm(0x03, names(0, b"\xaa\xbb", 4, b"vpn-id!"))),
        cf(ccm(0x05, names(9, b"x" * 44, 2, b"y"))),  # MD name too large
        cf(ccm(0x06, bytes([2, 3]) + b"dns" + bytes([2, 45]) + bytes(41))),  # MA name too large
        cf(ccm(0x00, names(2, b"a\x00b", 2, b"\x01\x7f\xff"))),
        cf(hdr(1, 0, 60) + bytes(70)),  # first TLV offset below a CCM
        cf(hdr(1, 0, 200) + bytes(20)),  # first TLV offset past the end
        cf(hdr(1, 0, 70) + bytes(40)),  # CCM cut short by its length
        cf(hdr(5, 0x80, 17) + struct.pack(">IB", 0x1000, 64) + mac_b + bytes.fromhex("02000000000a")
           + tlv(7, b"\x00\x00" + mac_b) + tlv(4, b"zz") + b"\x00"),
        cf(hdr(5, 0x00, 10) + bytes(20)),
        cf(hdr(4, 0x60, 6) + struct.pack(">IBB", 0x1000, 63, 2) + tlv(5, b"\x01" + mac_b)
           + tlv(6, b"\x02" + mac_b) + b"\x00"),
        cf(hdr(4, 0xff, 6) + struct.pack(">IBB", 1, 0, 9)),
        cf(hdr(3, 0, 4) + struct.pack(">I", 0x55) + tlv(4, bytes(range(20))) + b"\x00"),
        cf(hdr(2, 0, 4) + struct.pack(">I", 0x55) + b"\x00"),
        cf(hdr(47, 0, 12) + bytes(12) + b"\x00", t=0xabcd),  # Y.1731 DMM, the old type
        cf(hdr(1, 0, 70, ver=1) + bytes(70)),
        cf(b"\x00\x01"),
        # Sender ID forms.
        cf(hdr(3, 0, 4) + bytes(4) + sender(b"\x00") + sender(b"\x05\x05\x01\xc0\x00\x02\x09")
           + sender(b"\x11\x05\x02" + bytes.fromhex("20010db8000000000000000000000001"))
           + sender(b"\x03\x05\x01\x01\x02") + sender(b"\x03\x05\x09\x01\x02")
           + sender(b"\x04\x07ifname") + sender(b"\x06\x09" + bytes(6)) + sender(b"\x02\x04\x00\x00")
           + sender(b"\x01\x01\x01\x08\x01") + b"\x00"),
        cf(hdr(3, 0, 4) + bytes(4) + sender(b"") + sender(b"\x05") + sender(b"\x09\x01abc")
           + sender(b"\x00\x05ab") + sender(b"\x00\x02\x01\x02") + sender(b"\x00\x01\x01\x05\x01")
           + sender(b"\x00") + b"\x00"),
        cf(hdr(3, 0, 4) + bytes(4) + tlv(2, b"") + b"\x00"),
        cf(hdr(3, 0, 4) + bytes(4) + tlv(3, b"\x04") + tlv(3, b"\x07") + tlv(31, b"\x00\x80") + b"\x00"),
        cf(hdr(3, 0, 4) + bytes(4) + tlv(2, b"\x09") + b"\x04\x00\x30abc"),  # TLV past the end
        cf(hdr(3, 0, 4) + bytes(4) + b"\x04\x00"),  # half a TLV header
    ]
    cuts = [(pkts[0], n) for n in (14 + 2, 14 + 30, 14 + 74, 14 + 76, 14 + 85, 14 + 100)]
    cuts += [(pkts[12], 14 + 12), (pkts[14], 14 + 8), (pkts[21], 14 + 20)]
    return pkts, cuts


def dccp_packets():
    """DCCP (IP protocol 33, RFC 4340) over IPv4 and IPv6: every packet type, 24- and 48-bit
    sequence numbers, each option print-dccp.c decodes and its bad lengths, full and partial
    checksum coverage (right and wrong), and lengths too short for the type."""
    import ipaddress

    def dccp(typ, opts=b"", body=b"", payload=b"", x=1, cscov=0, ccval=3, seq=0x010203040506,
             doff=None, bad=False, v6=False, ack=0x0000a1a2a3a4a5a6):
        ext = {0: struct.pack(">I", 42), 1: struct.pack(">QI", ack, 99), 7: struct.pack(">QBBBB", ack, body[0] if body else 3, 1, 2, 3)}
        if typ in ext:
            tail = ext[typ]
        elif typ == 2 or typ > 9:
            tail = b""
        else:
            tail = struct.pack(">Q", ack) if x else struct.pack(">I", ack & 0xFFFFFF) + bytes(4)
        if typ in (1, 7) and not x:
            tail = struct.pack(">I", ack & 0xFFFFFF) + tail[8:]
        seqb = (b"\x00" + seq.to_bytes(6, "big")) if x else (seq & 0xFFFFFF).to_bytes(3, "big")
        opts += bytes(-len(opts) % 4)
        hlen = 8 + 1 + len(seqb) + len(tail) + len(opts)
        h = struct.pack(">HHBBH", 5001, 5002, (doff if doff is not None else hlen // 4), ccval << 4 | cscov, 0)
        h += bytes([typ << 1 | x]) + seqb + tail + opts
        pkt = h + payload
        src, dst = (A6, "2001:db8::2") if v6 else (A4, B4)
        a, b = ipaddress.ip_address(src).packed, ipaddress.ip_address(dst).packed
        cov = len(pkt) if cscov == 0 else min((h[4] + cscov - 1) * 4, len(pkt))
        ph = a + b + (struct.pack(">I", len(pkt)) + b"\x00\x00\x00\x21" if v6 else b"\x00\x21" + struct.pack(">H", len(pkt)))
        c = cksum16(ph + pkt[:cov]) ^ (0x5555 if bad else 0)
        pkt = pkt[:6] + struct.pack(">H", c) + pkt[8:]
        if v6:
            return eth(IPv6(src=src, dst=dst, nh=33) / Raw(pkt))
        return eth(IP(src=src, dst=dst, proto=33) / Raw(pkt))

    o = lambda t, v=b"": bytes([t, len(v) + 2]) + v
    opts = (o(32, b"\x01\x02") + o(33, b"\x0c\x05") + b"\x00\x01\x02\x05" + o(34, b"\x08")
            + o(35, b"\x09\x01\x00") + o(36, b"\xde\xad\xbe\xef") + o(37, b"\x01\x02") + o(38, b"\x0f")
            + o(39, b"") + o(40, b"\x10\x20") + o(41, struct.pack(">I", 77)) + o(41, b"\x01")
            + o(42, struct.pack(">I", 78)) + o(42, struct.pack(">IH", 79, 5)) + o(42, struct.pack(">II", 80, 6))
            + o(42, b"\x01") + o(43, struct.pack(">H", 7)) + o(43, struct.pack(">I", 8)) + o(43, b"\x01")
            + o(44, b"\xca\xfe\xba\xbe") + o(128, b"\x01\x02") + o(129, struct.pack(">I", 9)) + o(130, b"\x01")
            + o(50) + o(32))
    pkts = [
        dccp(0, opts),
        dccp(1, o(41, struct.pack(">I", 1)), v6=True),
        dccp(2, payload=b"data", x=0, cscov=1),
        dccp(2, payload=b"data" * 10, cscov=2, bad=True),
        dccp(3, x=0),
        dccp(4, o(38, b"\x00\x01"), payload=b"more", v6=True, cscov=15),
        dccp(5),
        dccp(6, bad=True, v6=True),
        dccp(7, body=b"\x03"),
        dccp(7, body=b"\x14", x=0),
        dccp(8),
        dccp(9, x=0),
        dccp(12, payload=b"?"),
        dccp(3, o(40, b"")[:1] + b"\x01"),  # an option length of 1
        dccp(3, b"\x82\x01"),  # a CCID option length of 1
        dccp(3, o(36, b"\x01" * 10)[:4], doff=8),  # an option longer than the header
        dccp(3, o(32, b"")),  # a feature option without its feature
        dccp(3, doff=40),  # data offset past the packet
        dccp(3, b"\x00\x00\x00\x00\x00\x00\x00\x00"),
    ]
    short = [
        eth(IP(src=A4, dst=B4, proto=33) / Raw(bytes(8))),  # shorter than the generic header
        eth(IP(src=A4, dst=B4, proto=33) / Raw(bytes([0x13, 0x89, 0x13, 0x8a, 4, 0, 0, 0, 1, 0, 0, 0, 0, 0]))),
        eth(IP(src=A4, dst=B4, proto=33) / Raw(bytes(dccp(1)[IP].payload)[:20])),  # Response cut by length
        eth(IP(src=A4, dst=B4, proto=33) / Raw(bytes(dccp(0)[IP].payload)[:16])),
        eth(IP(src=A4, dst=B4, proto=33) / Raw(bytes(dccp(7)[IP].payload)[:20])),
        eth(IP(src=A4, dst=B4, proto=33) / Raw(bytes(dccp(3)[IP].payload)[:18])),
    ]
    pkts += short
    cuts = [(pkts[0], n) for n in (34 + 6, 34 + 14, 34 + 18, 34 + 24, 34 + 40, 34 + 70)]
    cuts += [(pkts[1], 54 + 20), (pkts[4], 34 + 14), (pkts[8], 34 + 26), (pkts[5], 54 + 30)]
    return pkts, cuts


def ipcomp_packets():
    """IPComp (IP protocol 108) over IPv4 and IPv6, and cut inside its CPI."""
    pkts = [
        eth(IP(src=A4, dst=B4, proto=108) / Raw(b"\x04\x00\x01\x02compressed")),
        eth(IPv6(src=A6, dst="2001:db8::2", nh=108) / Raw(b"\x29\x00\xff\xfe" + bytes(20))),
        eth(IP(src=A4, dst=B4, proto=108) / Raw(b"\x04\x00")),
    ]
    return pkts, [(pkts[0], 34 + 3), (pkts[1], 54 + 1)]


def mobility_packets():
    """IPv6 mobility headers (next header 135, and the old 62): every message type, each
    option, header lengths too small for their type, options past the header or capture."""
    from scapy.layers.inet6 import (MIP6MH_BA, MIP6MH_BE, MIP6MH_BRR, MIP6MH_BU, MIP6MH_CoT,
                                    MIP6MH_CoTI, MIP6MH_HoT, MIP6MH_HoTI, MIP6OptAltCoA,
                                    MIP6OptBindingAuthData, MIP6OptBRAdvice, MIP6OptNonceIndices)

    v6 = lambda p, nh=135: eth(IPv6(src=A6, dst="2001:db8::2", nh=nh) / p)
    # Raw mobility headers: proto, length (8-octet units past the first 8), type, reserved,
    # checksum, then the type's data and the options.
    raw = lambda t, body, nh=135, ln=None: v6(Raw(bytes([59, (len(body) + 6) // 8 - 1 if ln is None else ln, t, 0, 0, 0]) + body), nh)
    pkts = [
        v6(MIP6MH_BRR()),
        v6(MIP6MH_HoTI(cookie=bytes(range(1, 9)))),
        v6(MIP6MH_CoTI(cookie=bytes(range(17, 25)))),
        v6(MIP6MH_HoT(index=0x1234, cookie=bytes(range(33, 41)), token=bytes(range(49, 57)))),
        v6(MIP6MH_CoT(index=7, cookie=b"\x01" * 8, token=b"\x02" * 8)),
        v6(MIP6MH_BU(seq=100, flags=0x0f, mhtime=300, options=[MIP6OptBRAdvice(rinter=60), MIP6OptAltCoA(acoa="2001:db8::99")])),
        v6(MIP6MH_BU(seq=101, flags=0, mhtime=1, options=[MIP6OptNonceIndices(hni=3, coni=4), MIP6OptBindingAuthData()])),
        v6(MIP6MH_BA(status=128, flags=1, seq=100, mhtime=300)),
        v6(MIP6MH_BA(status=0, flags=0, seq=9, mhtime=0), nh=62),
        v6(MIP6MH_BE(status=2, ha="2001:db8::5")),
        raw(9, bytes(10)),  # an unknown type
        raw(5, b"\x00\x00" + b"\x40\x00\x00\x10" + b"\x00\x01\x00\x07\x00\x01\x01"),
        raw(5, b"\x00\x00" + b"\x40\x00\x00\x10" + b"\x01\x00\x09\x02\xff\xff" + b"\x33"),
        raw(6, b"\x00\x00" + b"\x00\x01\x00\x01" + b"\x02\x01\x00\x00\x00\x00"),  # option past the header
        raw(5, b"\x00\x00" + b"\x40\x00\x00\x10" + b"\x00\x00\x00\x00\x00\x01"),  # a last type byte
        raw(3, bytes(10), ln=0),  # too small for a HoT
        raw(7, bytes(18), ln=0),
    ]
    cuts = [(pkts[3], 54 + 1), (pkts[3], 54 + 5), (pkts[3], 54 + 20), (pkts[5], 54 + 9),
            (pkts[5], 54 + 14), (pkts[5], 54 + 30), (pkts[9], 54 + 12), (pkts[6], 54 + 17)]
    return pkts, cuts


def nsh_packets():
    """NSH (ethertype 0x894f, RFC 8300): MD types 1 and 2 (context headers, TLVs), each next
    protocol tcpdump follows (IPv4, IPv6, Ethernet) and the ones it does not, and the lengths
    it rejects."""
    def nsh(inner, md=1, np=1, length=None, ver=0, flags=0, ttl=63, ctx=None, spi=0x000abc, si=255):
        if ctx is None:
            ctx = struct.pack(">IIII", 1, 2, 0xdeadbeef, 4) if md == 1 else b""
        ln = length if length is not None else 2 + len(ctx) // 4
        base = ver << 30 | flags << 28 | ttl << 22 | ln << 16 | md << 8 | np
        b = struct.pack(">I", base) + struct.pack(">I", spi << 8 | si) + ctx + bytes(inner)
        return Ether(src=MA, dst=MB, type=0x894F) / Raw(b)

    tlv = lambda cls, t, v: struct.pack(">HBB", cls, t, len(v)) + v + bytes(-len(v) % 4)
    ip4 = IP(src=A4, dst=B4) / UDP(sport=1000, dport=2000) / Raw(b"x")
    ip6 = IPv6(src=A6, dst="2001:db8::2") / UDP(sport=1000, dport=2000)
    inner_eth = Ether(src=MA, dst="02:00:00:00:00:0b") / ip4
    pkts = [
        nsh(ip4),
        nsh(ip6, md=2, np=2, flags=2, ctx=tlv(0x0102, 7, b"abcde") + tlv(9, 1, b"") + tlv(0xffff, 0x80, b"\x01\x02\x03\x04")),
        nsh(inner_eth, np=3, flags=3),
        nsh(ip4, np=4),
        nsh(ip4, np=5, md=15, ctx=bytes(8)),
        nsh(ip4, np=0xfe, md=0, ctx=b""),
        nsh(ip4, ver=1),
        nsh(ip4, length=1, ctx=b""),
        nsh(b"", md=1, length=60),  # too many headers for the packet
        nsh(ip4, md=1, ctx=bytes(8)),  # MD type 1 with other than four context headers
        nsh(ip4, md=2, ctx=struct.pack(">HBB", 1, 2, 20) + bytes(4)),  # a TLV past the headers
        Ether(src=MA, dst=MB, type=0x894F) / Raw(b"\x00\x00\x00"),
    ]
    cuts = [(pkts[0], 14 + 6), (pkts[0], 14 + 12), (pkts[0], 14 + 30), (pkts[1], 14 + 13),
            (pkts[1], 14 + 22), (pkts[2], 14 + 30)]
    return pkts, cuts


def arista_packets():
    """Arista's vendor ethertype 0xd28b: TapAgg timestamp headers (64- and 48-bit, TAI/UTC,
    both hardware kinds, nanoseconds past a second) before IPv4, an 802.1Q tag or another
    Arista header; unknown subtypes and formats, which tcpdump dumps raw."""
    from scapy.layers.l2 import Dot1Q

    ar = lambda hdr, inner=b"": Ether(src=MA, dst=MB, type=0xD28B) / Raw(hdr + bytes(inner))
    ts64 = lambda sec, ns, scale=0, hw=0: struct.pack(">HBBII", 1, scale, 0x10 | hw, sec, ns)
    ts48 = lambda sec, ns, scale=1, hw=1: struct.pack(">HBBHI", 1, scale, 0x20 | hw, sec, ns)
    ip4 = lambda: IP(src=A4, dst=B4) / UDP(sport=1000, dport=2000) / Raw(b"hi")
    pkts = [
        ar(ts64(1710053990, 123456789) + b"\x08\x00", ip4()),
        ar(ts64(1710053990, 3999999999, scale=1, hw=1) + b"\x08\x00", ip4()),
        ar(ts48(65535, 999999999) + b"\x81\x00", Dot1Q(vlan=100) / ip4()),
        ar(ts48(7, 4294967295, scale=9, hw=7) + b"\x86\xdd", IPv6(src=A6, dst="2001:db8::2") / UDP(sport=1, dport=2)),
        ar(ts64(0, 0) + b"\xd2\x8b" + ts48(1, 2) + b"\x08\x00", ip4()),
        ar(struct.pack(">HBB", 1, 0, 0x30) + bytes(12)),  # an unknown format
        ar(struct.pack(">HBB", 2, 0, 0x10) + bytes(12)),  # an unknown subtype
        ar(b"\x00"),
        # 40 stacked headers: tcpdump loops (goto), it does not recurse.
        ar(b"\xd2\x8b".join(ts48(i, i) for i in range(40)) + b"\x08\x00", ip4()),
    ]
    cuts = [(pkts[0], 14 + 1), (pkts[0], 14 + 3), (pkts[0], 14 + 10), (pkts[2], 14 + 8),
            (pkts[0], 14 + 13)]
    return pkts, cuts


def msnlb_packets():
    """Microsoft NLB heartbeats (ethertype 0x886f), whole and cut in each field."""
    hb = Ether(src=MA, dst="03:bf:c0:00:02:09", type=0x886F) / Raw(
        bytes.fromhex("c0de0101") + bytes(4) + struct.pack("<I", 3) + bytes([192, 0, 2, 9, 192, 0, 2, 1]) + bytes(20))
    return [hb], [(hb, 14 + 4), (hb, 14 + 10), (hb, 14 + 14), (hb, 14 + 19)]


def aoe_packets():
    """ATA over Ethernet (ethertype 0x88a2): version 1's four commands with their arguments,
    errors, flags, and the lengths print-aoe.c calls invalid."""
    mac_b = bytes.fromhex("02000000000b")
    aoe = lambda b: Ether(src=MA, dst="ff:ff:ff:ff:ff:ff", type=0x88A2) / Raw(b)
    hdr = lambda cmd, flags=0, err=0, tag=0x11223344: bytes([0x10 | flags, err]) + struct.pack(">HBBI", 7, 1, cmd, tag)
    issue = bytes([0x53, 0, 2, 0x25, 1, 2, 3, 4, 5, 6, 0, 0])
    pkts = [
        aoe(hdr(0) + issue),
        aoe(hdr(0, flags=0x8) + issue + bytes(1024)),
        aoe(hdr(0, flags=0xc, err=2) + bytes([0xac]) + bytes(11)),
        aoe(hdr(0, flags=0x7, err=9) + bytes(5)),  # an ATA argument too short
        aoe(hdr(1, flags=0x8) + struct.pack(">HHBBH", 16, 0x4019, 2, 0x13, 8) + b"shelf=1\x01"),
        aoe(hdr(1) + struct.pack(">HHBBH", 0, 0, 0, 0x1f, 0)),
        aoe(hdr(1) + struct.pack(">HHBBH", 1, 1, 1, 0x10, 2000) + b"x"),  # config string too long
        aoe(hdr(1) + bytes(3)),
        aoe(hdr(2) + bytes([0, 1, 0, 2]) + bytes([0, 1]) + mac_b + bytes([0, 2]) + mac_b),
        aoe(hdr(2, flags=0xc) + bytes([0, 7, 9, 0])),
        aoe(hdr(2) + bytes([0, 0, 3, 5]) + bytes(8)),  # more directives than room
        aoe(hdr(3) + bytes([1, 2]) + mac_b + mac_b),
        aoe(hdr(3) + bytes([9, 0])),
        aoe(hdr(3) + bytes([1, 3]) + mac_b + mac_b),  # NMacs against the length
        aoe(hdr(3) + bytes([1, 1, 2])),  # not whole addresses
        aoe(hdr(9, flags=0x3)),  # an unknown command
        aoe(bytes([0x20]) + bytes(20)),  # version 2
        aoe(bytes([0x10, 0, 0])),
        aoe(b""),
    ]
    cuts = [(pkts[0], 14 + 3), (pkts[0], 14 + 12), (pkts[0], 14 + 16), (pkts[0], 14 + 21),
            (pkts[4], 14 + 24), (pkts[8], 14 + 20), (pkts[11], 14 + 16), (pkts[6], 14 + 19)]
    return pkts, cuts


def pgm_packets():
    """PGM (IP protocol 113, RFC 3208) over IPv4 and IPv6: every packet type, each option
    print-pgm.c decodes and the lengths it rejects, and cuts in the header and the fields."""
    from scapy.layers.inet6 import IPv6ExtHdrDestOpt

    g = lambda p: eth(IP(src=A4, dst="239.255.0.16", proto=113) / Raw(p))
    g6 = lambda p: eth(IPv6(src=A6, dst="ff05::16", nh=113) / Raw(p))
    a4 = struct.pack(">HH", 1, 0) + bytes([192, 0, 2, 1])
    a6 = struct.pack(">HH", 2, 0) + bytes.fromhex("20010db8000000000000000000000009")

    def pgm(typ, body, opts=b"", options=None, length=0):
        o = 0x01 if opts else 0
        if options is not None:
            o = options
        return struct.pack(">HHBBH", 3056, 5563, typ, o, 0) + bytes.fromhex("0a0b0c0d0e0f") + struct.pack(">H", length) + body + opts

    opt = lambda t, v: bytes([t, len(v) + 2]) + v
    opts = lambda *o: (lambda b: bytes([0, 4]) + struct.pack(">H", 4 + len(b)) + b)(b"".join(o))
    allopts = opts(opt(0x01, bytes(2) + struct.pack(">III", 1, 2, 3)), opt(0x02, bytes(2) + struct.pack(">II", 7, 8)),
                   opt(0x03, bytes(2) + struct.pack(">I", 9)), opt(0x04, bytes(2) + struct.pack(">II", 10, 11)),
                   opt(0x05, bytes(2) + struct.pack(">II", 12, 13)), opt(0x07, bytes(2) + a4),
                   opt(0x07, bytes(2) + a6), opt(0x08, bytes(2) + struct.pack(">I", 14)),
                   opt(0x09, bytes(2) + struct.pack(">I", 15)), opt(0x0A, bytes(2) + struct.pack(">I", 16)),
                   opt(0x0B, bytes(2)), opt(0x0C, bytes(2)), opt(0x0D, bytes(2)), opt(0x0E, bytes(2)),
                   opt(0x0F, bytes(2)), opt(0x10, bytes(2)), opt(0x11, bytes(2)),
                   opt(0x12, bytes(2) + struct.pack(">I", 17) + a4), opt(0x13, bytes(2) + struct.pack(">I", 18) + a6),
                   opt(0x00, bytes(2)), opt(0x20, bytes(4)), opt(0x8E, bytes(2)))
    pkts = [
        g(pgm(0, struct.pack(">III", 100, 90, 110) + a4)),
        g6(pgm(0, struct.pack(">III", 101, 91, 111) + a6, allopts)),
        g(pgm(1, struct.pack(">IHH", 5, 1, 0) + a4 + struct.pack(">III", 1000, 0xdeadbeef, 0xffff0000))),
        g(pgm(2, struct.pack(">IHH", 5, 1, 0), opts(opt(0x8D, bytes(2))))),
        g(pgm(4, struct.pack(">II", 200, 150) + b"payload", length=7)),
        g(pgm(5, struct.pack(">II", 201, 151), allopts, length=0)),
        g(pgm(8, struct.pack(">I", 300) + a4 + bytes([0, 1]) + bytes(2) + bytes([0, 1, 0, 2]))),
        g(pgm(9, struct.pack(">I", 301) + a6 + bytes(4) + bytes([0, 2]) + bytes(14))),
        g(pgm(10, struct.pack(">I", 302) + a4 + bytes(4) + bytes([0, 7, 0, 0]))),  # group "AFI" 7
        g(pgm(11, struct.pack(">II", 400, 0xffffffff))),
        g(pgm(12, b"")),
        g(pgm(0x33, b"", opts(opt(0x8C, bytes(6))))),
        g(pgm(0, struct.pack(">III", 1, 2, 3) + struct.pack(">HH", 9, 0) + bytes(4))),  # unknown NLA family
        g(pgm(2, struct.pack(">IHH", 5, 1, 0), bytes([1, 4, 0, 8]))),  # first option not OPT_LENGTH
        g(pgm(2, struct.pack(">IHH", 5, 1, 0), bytes([0, 5, 0, 8]))),
        g(pgm(2, struct.pack(">IHH", 5, 1, 0), bytes([0, 4, 0, 2]))),
        g(pgm(2, struct.pack(">IHH", 5, 1, 0), bytes([0, 4, 0, 6]) + bytes(2))),  # no room
        g(pgm(2, struct.pack(">IHH", 5, 1, 0), opts(bytes([0x03, 3]) + bytes(1)))),  # option length 3
        g(pgm(2, struct.pack(">IHH", 5, 1, 0), bytes([0, 4, 0, 8]) + bytes([0x03, 40, 0, 0]))),
        g(pgm(2, struct.pack(">IHH", 5, 1, 0), opts(opt(0x03, bytes(6)), opt(0x01, bytes(4)), opt(0x02, bytes(5))))),
        g(pgm(2, struct.pack(">IHH", 5, 1, 0), opts(opt(0x02, bytes(2) + bytes(5))))),  # NAK list not /4
        g(pgm(2, struct.pack(">IHH", 5, 1, 0), opts(opt(0x07, bytes(2) + struct.pack(">HH", 1, 0) + bytes(8))))),
        g(pgm(2, struct.pack(">IHH", 5, 1, 0), opts(opt(0x07, bytes(2) + struct.pack(">HH", 5, 0) + bytes(4))))),
        g(pgm(2, struct.pack(">IHH", 5, 1, 0), opts(opt(0x12, bytes(4))))),
        g(pgm(2, struct.pack(">IHH", 5, 1, 0), opts(opt(0x13, bytes(2) + struct.pack(">IHH", 1, 2, 0) + bytes(4))))),
        g(pgm(2, struct.pack(">IHH", 5, 1, 0), opts(opt(0x0B, bytes(4)), opt(0x0D, b""), opt(0x04, bytes(2))))),
        eth(IPv6(src=A6, dst="ff05::16") / IPv6ExtHdrDestOpt(nh=113) / Raw(pgm(11, struct.pack(">II", 1, 2)))),
        g(b"\x0b\xf0"),
    ]
    cuts = [(pkts[0], 34 + 3), (pkts[0], 34 + 10), (pkts[0], 34 + 20), (pkts[0], 34 + 34),
            (pkts[1], 54 + 40), (pkts[2], 34 + 40), (pkts[5], 34 + 30), (pkts[5], 34 + 60),
            (pkts[6], 34 + 30), (pkts[1], 54 + 3)]
    return pkts, cuts


def geonet_packets():
    """ETSI GeoNetworking (ethertypes 0x8947 and 0x0707) and CALM FAST (0x1111): each header
    type, BTP-A/B with ITS PDU headers, the lengths print-geonet.c rejects; one over
    LLC/SNAP."""
    def gn(ht, hst, nh=1, body=b"", payload=0, t=0x8947, hop=10):
        common = bytes([0x10 | nh, ht << 4 | hst, 0, 0]) + struct.pack(">HBB", payload, 0, hop)
        lpv = bytes.fromhex("bc00020000000a0b") + struct.pack(">III", 0, 480000000, 110000000) + bytes(8)
        return Ether(src=MA, dst="ff:ff:ff:ff:ff:ff", type=t) / Raw(common + lpv + body)

    btp = lambda d, s, pdu=b"": struct.pack(">HH", d, s) + pdu
    pkts = [
        gn(5, 0, body=btp(2001, 0, b"\x01\x02" + bytes(30)), payload=36),
        gn(1, 0, nh=0, body=bytes(8)),
        gn(0, 3, nh=2, body=btp(2002, 7, b"\x01\x00")),
        gn(5, 1, body=bytes(32) + btp(2003, 1, b"\x01\x96abc")),
        gn(5, 1, body=bytes(20)),  # shorter than a multi-hop header
        gn(5, 0, body=b"\x07\xd1"),  # BTP shorter than 4
        gn(5, 0, nh=3, body=bytes(10)),
        gn(5, 0, nh=9, body=btp(1, 2, b"\x01\x63"), t=0x0707),
        gn(2, 0, body=bytes(24)),
        gn(3, 1, body=bytes(8)),
        gn(4, 2, body=bytes(8)),
        gn(6, 1, body=bytes(8)),
        gn(6, 5, body=bytes(8)),
        gn(9, 0, body=bytes(8)),
        Ether(src=MA, dst="ff:ff:ff:ff:ff:ff", type=0x8947) / Raw(bytes(20)),
        Ether(src=MA, dst="ff:ff:ff:ff:ff:ff", type=0x1111) / Raw(b"\x05\x06extra"),
        Ether(src=MA, dst="ff:ff:ff:ff:ff:ff", type=0x1111) / Raw(b"\x05"),
        Dot3(src=MA, dst="ff:ff:ff:ff:ff:ff") / LLC(dsap=0xaa, ssap=0xaa, ctrl=3)
        / Raw(b"\x00\x00\x00\x89\x47" + bytes(gn(5, 0, body=btp(2001, 0, b"\x01\x00"))[Raw].load)),
    ]
    cuts = [(pkts[0], 14 + 5), (pkts[0], 14 + 12), (pkts[0], 14 + 30), (pkts[0], 14 + 38),
            (pkts[0], 14 + 41), (pkts[0], 14 + 50), (pkts[3], 14 + 50), (pkts[15], 14 + 1)]
    return pkts, cuts


def ipx_packets():
    """Novell IPX over Ethernet II, raw 802.3, 802.2 LLC and SNAP: each socket print-ipx.c
    names, SAP and RIP requests and responses and their bad lengths. (EIGRP over IPX, socket
    0x85be, is left out: the printer has no EIGRP yet.)"""
    def ipx(dskt, data, sskt=0x4008, length=None, pt=4):
        ln = 30 + len(data) if length is None else length
        return (struct.pack(">HHBB", 0xffff, ln, 0, pt) + struct.pack(">I", 0x0a0b0c0d) + bytes.fromhex("ffffffffffff")
                + struct.pack(">HI", dskt, 0x01020304) + bytes.fromhex("02000000000a") + struct.pack(">H", sskt) + data)

    e2 = lambda b: Ether(src=MA, dst="ff:ff:ff:ff:ff:ff", type=0x8137) / Raw(b)
    raw = lambda b: Dot3(src=MA, dst="ff:ff:ff:ff:ff:ff") / Raw(b)
    l2 = lambda b: Dot3(src=MA, dst="ff:ff:ff:ff:ff:ff") / LLC(dsap=0xe0, ssap=0xe0, ctrl=3) / Raw(b)
    sn = lambda b: Dot3(src=MA, dst="ff:ff:ff:ff:ff:ff") / LLC(dsap=0xaa, ssap=0xaa, ctrl=3) / Raw(b"\x00\x00\x00\x81\x37" + b)
    sap_entry = lambda t, name: struct.pack(">H", t) + name.ljust(48, b"\x00") + struct.pack(">I", 0x0a0b0c0d) + bytes.fromhex("02000000000b") + struct.pack(">HH", 0x0451, 1)
    pkts = [
        e2(ipx(0x0451, b"ncp-data")),
        raw(ipx(0x0452, struct.pack(">HH", 1, 0x0004))),
        l2(ipx(0x0452, struct.pack(">HH", 3, 0x0278))),
        sn(ipx(0x0452, struct.pack(">H", 2) + sap_entry(0x0004, b"FILESRV") + sap_entry(0x030c, b"PRINTER\x01"))),
        e2(ipx(0x0452, struct.pack(">H", 4) + sap_entry(0x0640, b"X" * 48))),
        e2(ipx(0x0452, struct.pack(">H", 2) + sap_entry(0x0004, b"A")[:30])),  # name cut by the length
        e2(ipx(0x0452, struct.pack(">H", 2) + sap_entry(0x0004, b"A")[:55])),  # address cut
        e2(ipx(0x0452, struct.pack(">H", 2) + sap_entry(0x0004, b"A")[:62])),  # socket cut
        e2(ipx(0x0452, struct.pack(">H", 2) + b"\x00")),
        e2(ipx(0x0452, struct.pack(">H", 9))),
        e2(ipx(0x0452, b"\x00\x01", length=31)),  # the command past the length
        e2(ipx(0x0453, struct.pack(">H", 1) + struct.pack(">IHH", 0xffffffff, 0xffff, 0xffff))),
        e2(ipx(0x0453, struct.pack(">H", 1))),
        e2(ipx(0x0453, struct.pack(">H", 1) + bytes(5))),
        l2(ipx(0x0453, struct.pack(">H", 2) + struct.pack(">IHH", 0x0a0b0c0d, 1, 2) + struct.pack(">IHH", 5, 3, 4))),
        e2(ipx(0x0453, struct.pack(">H", 2) + bytes(12))),
        e2(ipx(0x0453, struct.pack(">H", 7))),
        e2(ipx(0x0455, b"nb")),
        e2(ipx(0x0456, b"")),
        e2(ipx(0x0553, b"dgm")),
        e2(ipx(0x9999, b"other")),
        e2(ipx(0x0451, b"", length=20)),
    ]
    cuts = [(pkts[0], 14 + 5), (pkts[0], 14 + 20), (pkts[0], 14 + 29), (pkts[3], 22 + 45),
            (pkts[3], 22 + 100), (pkts[14], 17 + 40), (pkts[1], 14 + 31)]
    return pkts, cuts


def tipc_packets():
    """TIPC (ethertype 0x88ca): payload messages with short and long headers, internal
    protocol messages, neighbor detection, users tcpdump prints nothing for, and cuts."""
    tp = lambda b: Ether(src=MA, dst="01:00:5e:00:00:12", type=0x88CA) / Raw(b)
    addr = lambda z, c, n: z << 24 | c << 12 | n
    w0 = lambda user, hsize, msize, ver=2: ver << 29 | user << 25 | hsize << 21 | msize
    words = lambda *w: b"".join(struct.pack(">I", x) for x in w)
    pkts = [
        tp(words(w0(0, 6, 24), 1 << 29 | 5, 0x00030004, addr(1, 1, 10), 1000, 2000)),
        tp(words(w0(3, 10, 60), 2 << 29 | 0xffff, 0xfffe0001, addr(1, 1, 10), 1001, 2001, addr(1, 2, 3), addr(4, 5, 6), 77, 0, 0) + b"payload"),
        tp(words(w0(11, 11, 44), 3 << 29 | 9, 0x00010002, addr(1, 1, 11), 1, 2, addr(1, 1, 12), addr(1, 1, 13), 0, 0, 0)),
        tp(words(w0(8, 8, 32), 7 << 29, 0, 0, 3, 4, addr(0, 0, 1), addr(0, 0, 2))),
        tp(words(w0(7, 10, 40), 1 << 29 | 0x12345678 & 0x1fffffff, 0x00050006, addr(1, 1, 20), 0x00070008, 0x00090000,
                 addr(1, 1, 21), addr(1, 1, 22), 4242, 0x000a000b)),
        tp(words(w0(5, 10, 40), 0, 1, 2, 3, 4, 5, 6, 7, 8)),
        tp(words(w0(12, 10, 40), 0, 1, 2, 3, 4, 5, 6, 7, 8)),
        tp(words(w0(13, 10, 40), 1 << 29 | 0xbeef, addr(1, 1, 0), addr(1, 1, 30), 4711, 1) + bytes(16)),
        tp(words(w0(13, 10, 40), 5 << 29, addr(1, 1, 0), addr(1, 1, 30), 4711, 1) + bytes(16)),
        tp(words(w0(4, 10, 40), 0, 0)),  # users tcpdump prints nothing for
        tp(words(w0(15, 10, 40))),
    ]
    cuts = [(pkts[0], 14 + 3), (pkts[0], 14 + 14), (pkts[1], 14 + 26), (pkts[1], 14 + 30),
            (pkts[4], 14 + 30), (pkts[4], 14 + 36), (pkts[7], 14 + 14), (pkts[7], 14 + 18)]
    return pkts, cuts


def cooked_packets():
    """The ethertype-dispatched protocols above (slow, CFM, NSH, MS NLB, AoE, GeoNetworking
    and CALM FAST, IPX, TIPC, Arista) over Linux cooked v1, as `-i any` captures them: the
    same decoders, but GeoNetworking and CALM FAST have no source MAC to print."""
    from scapy.layers.l2 import CookedLinux

    pkts = []
    for make in (slow_packets, cfm_packets, nsh_packets, msnlb_packets, aoe_packets,
                 geonet_packets, ipx_packets, tipc_packets, arista_packets):
        for p in make()[0]:
            if Ether in p and p[Ether].type > 1500:
                pkts.append(CookedLinux(pkttype=0, lladdrtype=1, lladdrlen=6, src=bytes.fromhex("02000000000a0000"),
                                        proto=p[Ether].type) / Raw(bytes(p[Ether].payload)))
    return pkts, [(pkts[0], 16 + 10), (pkts[-20], 16 + 20)]


def isakmp_packets():
    """ISAKMP/IKE (print-isakmp.c): IKEv1 phase 1 and 2 with every payload, IKEv2 exchanges,
    the cookie cache's I/R/?, NAT-T's non-ESP marker, and malformed and cut payloads."""
    icky, rcky = bytes.fromhex("0102030405060708"), bytes.fromhex("1112131415161718")

    def udp(payload, sport=500, dport=500, src=A4, dst=B4):
        return eth(IP(src=src, dst=dst) / UDP(sport=sport, dport=dport) / Raw(payload))

    def udp6(payload, sport=500, dport=500):
        return eth(IPv6(src=A6, dst="2001:db8::2") / UDP(sport=sport, dport=dport) / Raw(payload))

    def hdr(np, body, etype=2, flags=0, msgid=0, ver=0x10, i=icky, r=bytes(8), length=None):
        n = 28 + len(body) if length is None else length
        return i + r + struct.pack(">BBBBII", np, ver, etype, flags, msgid, n) + body

    def pl(np, body, crit=0, length=None):
        return struct.pack(">BBH", np, crit, 4 + len(body) if length is None else length) + body

    def attr(t, v):
        if isinstance(v, int):
            return struct.pack(">HH", 0x8000 | t, v)
        return struct.pack(">HH", t, len(v)) + v

    oakley = (attr(1, 7) + attr(14, 128) + attr(2, 4) + attr(3, 1) + attr(4, 14) + attr(11, 1) +
              attr(12, b"\x00\x01\x51\x80") + attr(4, 18) + attr(1, 99) + attr(40, 3) +
              attr(41, b"\xde\xad"))
    t1 = pl(3, bytes([1, 1, 0, 0]) + oakley)
    t2 = pl(0, bytes([2, 1, 0, 0]) + attr(1, 5) + attr(2, 2) + attr(3, 3) + attr(4, 2))
    prop = pl(0, bytes([1, 1, 0, 2]) + t1 + t2)
    sa = struct.pack(">II", 1, 1) + prop
    sa_pl = pl(13, sa)
    vid = pl(0, bytes.fromhex("4a131c81070358455c5728f20e95452f"))
    main1 = hdr(1, sa_pl + vid)
    ke = pl(10, bytes(range(64)))
    nonce = pl(13, bytes(range(100, 140)))
    main3_i = hdr(4, ke + nonce + pl(0, b"RFC 3947"), r=rcky)

    def idp(np, typ, data, proto=17, port=500):
        return pl(np, struct.pack(">BBH", typ, proto, port) + data)

    ids = [idp(0, 1, bytes([192, 0, 2, 1])), idp(0, 1, b"\x01\x02"),
           idp(0, 2, b"vpn.example.com"), idp(0, 3, b"a\x01b\xffc@example.com"),
           idp(0, 4, bytes([192, 0, 2, 0, 255, 255, 255, 0])), idp(0, 4, bytes(5)),
           idp(0, 5, bytes.fromhex("20010db8000000000000000000000001")), idp(0, 5, bytes(8)),
           idp(0, 6, bytes.fromhex("20010db8" + "00" * 12) + b"\xff" * 8 + bytes(8)),
           idp(0, 6, bytes(20)), idp(0, 7, bytes([192, 0, 2, 1, 192, 0, 2, 9])),
           idp(0, 7, bytes(3)), idp(0, 8, bytes.fromhex("20010db8" + "00" * 11 + "01" +
                                                         "20010db8" + "00" * 11 + "ff")),
           idp(0, 8, bytes(16)), idp(0, 9, bytes.fromhex("3011310f300d06035504030c06736572766572")),
           idp(0, 11, b"keyid-1"), idp(0, 0, b"zz"), idp(0, 12, b""), idp(0, 2, b"")]
    main5 = [hdr(5, i, r=rcky, flags=0) for i in ids]
    hash_ = pl(9, bytes(range(20)))
    sig = pl(6, bytes(range(32)))
    cert = pl(7, bytes([4]) + bytes(range(40)))
    cr = pl(0, bytes([4]))
    cr_bad = pl(0, bytes([42]) + b"xy")
    main_more = hdr(8, hash_ + sig + cert + cr, r=rcky)
    encrypted = hdr(5, bytes(range(48)), r=rcky, flags=1)
    commit = hdr(8, pl(0, bytes(20)), r=rcky, flags=3, etype=32, msgid=0x12345678)

    def notify(np, typ, data=b"", doi=1, proto=1, spi=b""):
        return pl(np, struct.pack(">IBBH", doi, proto, len(spi), typ) + spi + data)

    notifies = [notify(0, 14), notify(0, 24, spi=icky + rcky), notify(0, 8192),
                notify(0, 9000), notify(0, 16384), notify(0, 20000),
                notify(0, 24576, spi=b"\x00\x00\x10\x01", data=attr(11, 1) + attr(12, b"\x00\x00\x0e\x10"), proto=3),
                notify(0, 24577, data=b"\x00\x00\x00\x01", proto=3),
                notify(0, 24577, data=b"\x00\x00\x00\x00", proto=2),
                notify(0, 24578, proto=1, spi=icky + rcky, data=b""),
                notify(0, 24578, data=bytes(range(40))), notify(0, 36137, data=b"abc"),
                notify(0, 40000), notify(0, 5, doi=7, proto=3, spi=b"\x01\x02"),
                notify(0, 20000, doi=0), notify(0, 30000, doi=0), notify(0, 9999, doi=2),
                notify(0, 24577, proto=9)]
    infos = [hdr(11, n, r=rcky, etype=5, msgid=0xdeadbeef) for n in notifies]
    deletes = [hdr(12, pl(0, struct.pack(">IBBH", 1, 3, 4, 2) + b"\xaa\xbb\xcc\xdd\x11\x22\x33\x44"),
                   r=rcky, etype=5, msgid=1),
               hdr(12, pl(0, struct.pack(">IBBH", 1, 1, 16, 1) + icky + rcky), r=rcky, etype=5, msgid=1),
               hdr(12, pl(0, struct.pack(">IBBH", 9, 7, 2, 3) + b"\x01\x02\x03\x04"), r=rcky, etype=5, msgid=1)]
    # Quick mode: ESP, AH and IPComp proposals with the IPsec DOI attributes.
    ipsec_attrs = (attr(1, 1) + attr(2, b"\x00\x00\x0e\x10") + attr(1, 2) + attr(2, b"\x00\x46\x50\x00") +
                   attr(3, 14) + attr(4, 1) + attr(4, 2) + attr(4, 9) + attr(5, 2) + attr(5, 7) +
                   attr(6, 256) + attr(7, 1) + attr(8, 2) + attr(9, b"x") + attr(10, 1))
    esp = pl(0, bytes([1, 3, 4, 2]) + b"\x0a\x0b\x0c\x0d" + pl(3, bytes([1, 12, 0, 0]) + ipsec_attrs) +
             pl(0, bytes([2, 40, 0, 0]) + attr(5, 1)))
    ah = pl(0, bytes([2, 2, 4, 1]) + b"\x01\x01\x01\x01" + pl(0, bytes([1, 3, 0, 0]) + attr(5, 2)))
    ipcomp = pl(0, bytes([3, 4, 2, 1]) + b"\x00\x05" + pl(0, bytes([1, 2, 0, 0]) + attr(4, 1)))
    other = pl(0, bytes([4, 9, 0, 1]) + pl(0, bytes([1, 5, 0, 0]) + attr(1, 1) + attr(2, b"zz")))
    qm = [hdr(1, pl(10, struct.pack(">II", 1, 1) + p) + pl(0, bytes(16)), r=rcky, etype=32,
              msgid=0x01020304) for p in (esp, ah, ipcomp, other)]
    # Situations other than identity-only, a non-IPsec DOI.
    sits = [hdr(1, pl(0, struct.pack(">III", 1, s, 0) + prop)) for s in (2, 3, 6, 7)]
    sits.append(hdr(1, pl(0, struct.pack(">II", 2, 1) + prop)))
    # Unknown payloads, an unknown exchange type, an unknown version, a length mismatch.
    odd = [hdr(20, pl(60, b"abcd") + pl(0, b"efgh")), hdr(0, b"", etype=99),
           hdr(1, b"", ver=0x30), hdr(0, b"", ver=0x11, length=200), hdr(14, pl(0, b"x"))]
    # Malformed: zero-length payload, a length past the data, an attribute past its transform.
    bad_t = pl(0, bytes([1, 1, 0, 1]) + pl(0, bytes([1, 1, 0, 0]) + attr(1, 1) + struct.pack(">HH", 2, 40)))
    malformed = [hdr(1, pl(13, struct.pack(">II", 1, 1) + bad_t) + vid),
                 hdr(13, pl(0, b"", length=0)), hdr(13, pl(0, b"abcd", length=4)),
                 hdr(13, pl(0, b"abcd", length=300)), hdr(5, pl(0, b"\x01\x11\x01", length=7))]

    # IKEv2.
    def v2(np, body, etype=34, flags=0x08, msgid=0, r=bytes(8)):
        return hdr(np, body, etype=etype, flags=flags, msgid=msgid, ver=0x20, r=r)

    def t2(np, typ, tid, attrs=b""):
        return pl(np, struct.pack(">BBH", typ, 0, tid) + attrs)

    transforms = (t2(3, 1, 12, attr(14, 256)) + t2(3, 1, 20, attr(14, 128)) + t2(3, 2, 2) +
                  t2(3, 2, 7) + t2(3, 3, 2) + t2(3, 3, 12) + t2(3, 4, 14) + t2(3, 4, 19) +
                  t2(3, 5, 0) + t2(3, 5, 1) + t2(3, 9, 3) + t2(0, 1, 3, attr(1, b"ab")))
    v2prop = pl(2, bytes([1, 1, 0, 12]) + transforms)
    v2prop2 = pl(0, bytes([2, 3, 4, 1]) + b"\xca\xfe\xba\xbe" + t2(0, 1, 12, attr(14, 128)))
    v2sa = pl(34, v2prop + v2prop2)
    v2ke = pl(40, struct.pack(">HH", 14, 0) + bytes(range(32)))
    v2nonce = pl(41, bytes(range(32)))
    v2nat = pl(41, struct.pack(">BBH", 0, 0, 16388) + bytes(range(20)))
    v2nat2 = pl(41, struct.pack(">BBH", 1, 8, 16389) + icky + bytes(20))
    v2vid = pl(0, b"strongSwan\x01\x02")
    init = v2(33, v2sa + v2ke + v2nonce + v2nat + v2nat2 + v2vid)
    init_r = v2(33, v2sa, flags=0x20, r=rcky)
    cookie = v2(41, pl(0, struct.pack(">BBH", 0, 0, 16390) + bytes(range(16))), flags=0x20, r=rcky)
    cookie_long = v2(41, pl(0, struct.pack(">BBH", 0, 0, 16390) + bytes(range(40))), flags=0x20,
                     r=rcky)
    notify_types = [1, 4, 5, 7, 9, 11, 14, 17, 24, 34, 35, 36, 37, 39, 16384, 16385, 16386, 16387,
                    16391, 16392, 16393, 16394, 16395, 100, 9000, 20000, 50000]
    v2notifies = [v2(41, pl(0, struct.pack(">BBH", 3, 4, t) + b"\x01\x02\x03\x04" + b"data"),
                     etype=37, msgid=2, r=rcky) for t in notify_types]
    enc = v2(46, pl(35, bytes(range(60))), etype=35, msgid=1, r=rcky)
    enc_crit = v2(46, pl(0, bytes(range(8)), crit=0x80), etype=35, msgid=1, r=rcky, flags=0x28)

    def idv2(np, typ, data):
        return pl(np, struct.pack(">BBH", typ, 0, 0) + data)

    v2ids = [idv2(0, 1, bytes([192, 0, 2, 1])), idv2(0, 2, b"vpn.example\x01com"),
             idv2(0, 3, b"user@example.com"), idv2(0, 5, bytes(16)), idv2(0, 9, b"\x30\x00"),
             idv2(0, 10, b"\x30\x01\x02"), idv2(0, 11, b"k1"), idv2(0, 4, b"xx"),
             pl(0, b"\x02\x00\x00")]
    v2id_pkts = [v2(35 + (i % 2), d, etype=35, msgid=1, r=rcky) for i, d in enumerate(v2ids)]
    auths = [v2(39, pl(0, struct.pack(">BBBB", m, 0, 0, 0) + bytes(range(24))), etype=35, msgid=1,
                r=rcky) for m in (1, 2, 3, 9)]
    auth_short = v2(39, pl(0, b"\x02\x00", ), etype=35, msgid=1, r=rcky)
    gens = v2(37, pl(38, bytes([4]) + b"certdata") + pl(42, bytes([4]) + b"hash") +
              pl(44, b"\x03\x04\x00\x01spi!") + pl(45, bytes(24)) + pl(47, bytes(16), crit=0x80) +
              pl(48, bytes(8)) + pl(43, bytes(4)) + pl(0, bytes(5)), etype=35, msgid=1, r=rcky)
    ke_short = v2(34, pl(0, b"\x00\x0e\x00"), etype=34)
    # v2 SA malformed: a proposal longer than the SA, a zero-length transform, a transform
    # longer than the proposal, a proposal whose next payload is not a proposal.
    sa_bad = [v2(0, pl(0, pl(0, bytes([1, 1, 0, 1]) + t2(0, 1, 12), length=60))),
              v2(0, pl(0, pl(0, bytes([1, 1, 0, 1]) + t2(0, 1, 12)[:2] + b"\x00\x04xxxx"))),
              v2(0, pl(0, pl(0, bytes([1, 1, 0, 1]) + pl(0, bytes([1, 0, 0, 12]), length=40)))),
              v2(0, pl(0, pl(5, bytes([1, 1, 0, 1]) + t2(0, 1, 12)) + pl(0, b"zzzz"))),
              v2(0, pl(0, pl(0, bytes([1, 1, 8, 1]) + b"\x01\x02"))),
              v2(0, pl(0, pl(0, bytes([1, 1, 0, 2]) + t2(7, 1, 12) + pl(0, b"zzzz"))))]
    v1_in_v2 = v2(1, sa_pl[:4] + sa[:8] + prop + vid[:0], etype=34)
    v2_in_v1 = hdr(41, pl(46, struct.pack(">BBH", 0, 0, 16384)) + pl(0, b"abcd"))

    pkts = [udp(main1, 500, 500), udp(hdr(1, sa_pl + vid, r=rcky), 500, 500, src=B4, dst=A4),
            udp(main3_i, 500, 500), udp(hdr(4, ke, i=b"\x99" * 8, r=rcky), 500, 500)]
    pkts += [udp(m) for m in main5] + [udp(main_more), udp(hdr(7, cr_bad, r=rcky))]
    pkts += [udp(encrypted), udp(commit)] + [udp(m) for m in infos + deletes + qm + sits + odd]
    pkts += [udp(m) for m in malformed]
    pkts += [udp(init), udp(init_r, src=B4, dst=A4), udp(cookie), udp(cookie_long)]
    pkts += [udp(m) for m in v2notifies] + [udp(enc), udp(enc_crit)]
    pkts += [udp(m) for m in v2id_pkts + auths + [auth_short, gens, ke_short] + sa_bad]
    pkts += [udp(v1_in_v2), udp(v2_in_v1)]
    # The other ports: NAT-T with the non-ESP marker (and its keepalive and ESP), the user
    # ports, IPv6 (the cookie cache keeps v6 addresses), a header cut short.
    pkts += [udp(b"\x00" * 4 + main1, 4500, 4500), udp(b"\xff", 4500, 4500),
             udp(b"\x00\x00\x00\x00" + main1[:20], 4500, 4500),
             udp(b"\x00\x00\x10\x01" + bytes(20), 4500, 4500), udp(main1, 7500, 40000),
             udp(init, 40000, 8500), udp6(hdr(1, sa_pl + vid, i=b"\x66" * 8)),
             udp6(hdr(1, sa_pl + vid, i=b"\x66" * 8, r=rcky)), udp(main1[:27])]
    base = 42
    cuts = [(pkts[0], n) for n in (base + 10, base + 30, base + 36, base + 44, base + 50,
                                   base + 54, base + 60, base + 70, base + 100, base + 140)]
    cuts += [(pkts[2], base + n) for n in (33, 50, 100, 110)]
    cuts += [(pkts[6], base + 36), (pkts[8], base + 34), (pkts[12], base + 45)]
    i_info = 4 + len(main5) + 4
    cuts += [(pkts[i_info + k], base + n) for k, n in ((1, 45), (6, 44), (6, 48), (7, 44), (10, 60))]
    i_del = i_info + len(infos)
    cuts += [(pkts[i_del], base + 45), (pkts[i_del + 1], base + 50)]
    i_v2 = i_del + len(deletes) + len(qm) + len(sits) + len(odd) + len(malformed)
    cuts += [(pkts[i_v2], base + n) for n in (40, 50, 60, 70, 80, 120, 200, 240, 300, 340)]
    cuts += [(pkts[i_v2 + 3], base + 60), (pkts[i_v2 + 4 + 5], base + 40)]
    i_enc = i_v2 + 4 + len(v2notifies)
    cuts += [(pkts[i_enc], base + 50), (pkts[i_enc + 2], base + 38), (pkts[i_enc + 3], base + 40),
             (pkts[i_enc + 2 + len(v2ids)], base + 44), (pkts[i_enc + 2 + len(v2ids) + 5], base + 50)]
    return pkts, cuts


def l2tp_packets():
    """L2TP (print-l2tp.c): control messages with every AVP the printer decodes (and too
    short, hidden, vendor and unknown ones), header flags and lengths, L2F, and data messages
    carrying PPP (IPv4, IPv6, MPLS, LCP, IPCP, IP6CP, CCP, CHAP, PAP, compressed and
    unknown protocols; print-ppp.c)."""
    from scapy.all import ICMP
    def udp(payload, sport=1701, dport=1701):
        return eth(IP(src=A4, dst=B4) / UDP(sport=sport, dport=dport) / Raw(payload))

    def avp(t, v=b"", flags=0x8000, vendor=0, length=None):
        n = 6 + len(v) if length is None else length
        return struct.pack(">HHH", flags | n, vendor, t) + v

    def ctl(avps, tunnel=1, session=0, ns=0, nr=0, flags=0xc802, length=None, extra=b""):
        body = struct.pack(">HH", tunnel, session) + struct.pack(">HH", ns, nr) + extra + avps
        n = 4 + len(body) if length is None else length
        return struct.pack(">HH", flags, n) + body

    H, I = (lambda v: struct.pack(">H", v)), (lambda v: struct.pack(">I", v))
    msg = lambda t: avp(0, H(t))
    sccrq = ctl(msg(1) + avp(2, H(0x0100)) + avp(3, I(3)) + avp(4, I(3)) + avp(5, bytes(range(8)), 0) +
                avp(6, H(0x0680), 0) + avp(7, b"lac.example") + avp(8, b"Vendor\x01X", 0) +
                avp(9, H(4711)) + avp(10, H(4)) + avp(11, bytes(range(16))))
    sccrp = ctl(msg(2) + avp(2, H(0x0100)) + avp(3, I(1)) + avp(4, I(2)) + avp(13, bytes(range(16))) +
                avp(7, b"lns"), ns=0, nr=1)
    scccn = ctl(msg(3) + avp(13, bytes(range(20))), ns=1, nr=1)
    stops = [ctl(msg(4) + avp(1, H(1))), ctl(msg(4) + avp(1, H(2) + H(6))),
             ctl(msg(4) + avp(1, H(2) + H(6) + b"bad version")), ctl(msg(4) + avp(1, H(2) + b"\x01")),
             ctl(msg(4) + avp(1, b"\x01"))]
    hello = ctl(msg(6), ns=2, nr=2)
    icrq = ctl(msg(10) + avp(14, H(77)) + avp(15, I(123456)) + avp(18, I(1)) + avp(18, I(2)) +
               avp(25, I(9)) + avp(21, b"5551234") + avp(22, b"5554321") + avp(23, b"sub") +
               avp(16, I(9600)) + avp(17, I(1000000)), session=0)
    icrp = ctl(msg(11) + avp(14, H(88)), session=77)
    iccn = ctl(msg(12) + avp(24, I(100000000)) + avp(19, I(1)) + avp(19, I(2)) +
               avp(26, bytes.fromhex("010405dc0506")) + avp(27, b"\x01\x02") + avp(28, b"\x03") +
               avp(29, H(2)) + avp(29, H(9)) + avp(30, b"user") + avp(31, bytes(8)) +
               avp(32, H(0x1234)) + avp(33, bytes(16)) + avp(38, I(56000)) + avp(39) +
               avp(37, b"grp") + avp(36, bytes(4)) + avp(20, I(0)), session=88)
    cdn = ctl(msg(14) + avp(1, H(3)) + avp(12, H(16) + b"\x02") + avp(12, H(16) + b"\x02cleared") +
              avp(12, b"\x00\x01"), session=88)
    wen = ctl(msg(15) + avp(34, H(0) + I(1) + I(2) + I(3) + I(4) + I(5) + I(6)) +
              avp(34, H(0) + I(1) + I(2)) + avp(34, b"\x00"), session=88)
    sli = ctl(msg(16) + avp(35, H(0) + I(0xffffffff) + I(0x0a)) + avp(35, H(0) + I(1)) +
              avp(35, b""), session=88)
    discon = ctl(msg(14) + avp(46, H(1) + H(0xc021) + b"\x01") + avp(46, H(2) + H(0x8021) + b"\x02peer") +
                 avp(46, H(2) + H(0x8021) + b"\x07") + avp(46, H(2)))
    odd = ctl(msg(99) + avp(99, b"zz") + avp(7, b"secret", flags=0xc000) + avp(7, b"x", flags=0x4000) +
              avp(1, b"\x01\x02", vendor=9) + avp(5, b"\x01") + avp(6, b"\x01") + avp(13, b"\x01") +
              avp(15, b"\x01") + avp(0, b"\x01") + avp(2, b"") + avp(3, b"") + avp(4, b"") +
              avp(18, b"") + avp(19, b"") + avp(29, b"") + avp(32, b"") + avp(12, b"") + avp(46, b""))
    bad = [ctl(msg(1) + avp(7, b"abc", length=4)), ctl(msg(1) + avp(7, b"abc", length=40)),
           ctl(b""), struct.pack(">HHH", 0xc802, 8, 1) + b"\x00\x00" + H(0) + H(0),
           ctl(b"", flags=0x8802)[:2] + b"\x00\x01\x00\x00\x00\x00\x00\x00",
           ctl(msg(1), length=200), ctl(msg(1), length=6), ctl(msg(6), flags=0xcb02, extra=b"")[:12],
           struct.pack(">HH", 0x0001, 0) + bytes(6), struct.pack(">HH", 0x0003, 0) + bytes(6),
           ctl(msg(6), flags=0xc902)]
    # Data: PPP with and without address/control and protocol compression.
    inner = bytes(IP(src="198.51.100.1", dst="198.51.100.2") / ICMP() / Raw(b"ping"))
    inner6 = bytes(IPv6(src="2001:db8::a", dst="2001:db8::b") / UDP(sport=1, dport=2))
    mplsed = struct.pack(">I", (16 << 12) | 0x100 | 64) + inner

    def data(ppp, flags=0x0002, tunnel=1, session=77, pre=b""):
        if flags & 0x4000:
            return struct.pack(">HHHH", flags, 8 + len(pre) + len(ppp), tunnel, session) + pre + ppp
        return struct.pack(">HHH", flags, tunnel, session) + pre + ppp

    datas = [data(b"\xff\x03\x00\x21" + inner), data(b"\x21" + inner), data(b"\xff\x03\x57" + inner6),
             data(b"\x00\x57" + inner6, flags=0x0802, pre=H(5) + H(6)),
             data(b"\xff\x03\x02\x81" + mplsed, flags=0x4002), data(b"\xff\x03\x00\xfd" + bytes(8)),
             data(b"\xff\x03\x12\x34" + bytes(6)), data(b"\xff\x03\x00\x25" + b"ns-data"),
             data(b"\xff\x03\xc0\x25" + b"lqm"), data(b"\x00\x03\x00\x21" + inner),
             data(b"\x01\x03\x00\x21" + inner), data(b"\xff\x03\x08\x00" + inner),
             data(b"\xff\x03\x00\x21" + inner, flags=0x0202, pre=H(2) + b"\x00\x00"),
             data(b"\xff\x03\x00\x21" + inner, flags=0x0102), data(b"\xff\x03"), data(b"\x21"),
             data(b"\xff\x03\x00\x21" + inner, flags=0x4002)[:2] + H(40) + data(b"")[2:]]
    # PPP's own protocols (print-ppp.c's control protocols, CHAP, PAP) in data messages.
    lcp = lambda code, ident, body: b"\xff\x03\xc0\x21" + bytes([code, ident]) + H(4 + len(body)) + body
    datas += [data(lcp(9, 1, b"\x12\x34\x56\x78")), data(lcp(10, 1, b"\x12\x34\x56\x78")),
              data(lcp(1, 2, bytes([1, 4, 0x05, 0xdc, 5, 6, 1, 2, 3, 4, 3, 5, 0xc2, 0x23, 5]))),
              data(lcp(2, 2, bytes([1, 4, 0x05, 0xdc]))), data(lcp(5, 3, b"")),
              data(b"\xff\x03\x80\x21" + bytes([1, 1]) + H(10) + bytes([3, 6, 198, 51, 100, 7])),
              data(b"\xff\x03\x80\x57" + bytes([1, 1]) + H(14) + bytes([1, 10]) + bytes(8)),
              data(b"\xff\x03\xc2\x23" + bytes([1, 1]) + H(21) + bytes([16]) + bytes(16)),
              data(b"\xff\x03\xc0\x23" + bytes([1, 1]) + H(14) + b"\x04user\x04pass"),
              data(b"\xff\x03\x80\xfd" + bytes([1, 1]) + H(4))]
    pkts = [udp(sccrq), udp(sccrp), udp(scccn)] + [udp(s) for s in stops]
    pkts += [udp(m) for m in (hello, icrq, icrp, iccn, cdn, wen, sli, discon, odd)]
    pkts += [udp(m) for m in bad] + [udp(d) for d in datas] + [udp(sccrq, 1701, 40000)]
    base = 42
    cuts = [(pkts[0], base + n) for n in (1, 3, 5, 7, 9, 11, 13, 20, 40, 60, 90)]
    cuts += [(pkts[11], base + 24), (pkts[14], base + 30)]
    i_data = 3 + len(stops) + 9 + len(bad)
    cuts += [(pkts[i_data], base + n) for n in (3, 5, 7, 9, 20, 30)]
    cuts += [(pkts[i_data + 3], base + 9), (pkts[i_data + 12], base + 9)]
    return pkts, cuts


def vxlan_gpe_packets():
    """VXLAN-GPE (print-vxlan-gpe.c): IPv4, IPv6, Ethernet and NSH inside, every flag, an
    unknown next protocol, a short header and cuts."""
    def udp(payload, sport=40000, dport=4790):
        return eth(IP(src=A4, dst=B4) / UDP(sport=sport, dport=dport) / Raw(payload))

    def gpe(np, inner, flags=0x0c, vni=4096):
        return bytes([flags, 0, 0, np]) + struct.pack(">I", vni << 8) + inner

    inner4 = bytes(IP(src="198.51.100.1", dst="198.51.100.2") / UDP(sport=7, dport=9) / Raw(b"hi"))
    inner6 = bytes(IPv6(src="2001:db8::a", dst="2001:db8::b") / UDP(sport=7, dport=9))
    inner_eth = bytes(Ether(src=MA, dst="02:00:00:00:00:0b") / IP(src="203.0.113.1", dst="203.0.113.2") /
                      UDP(sport=7, dport=9))
    pkts = [udp(gpe(1, inner4)), udp(gpe(2, inner6, flags=0x04)), udp(gpe(3, inner_eth, flags=0x0f)),
            udp(gpe(1, inner4, flags=0x00, vni=0xffffff)), udp(gpe(1, inner4, flags=0x32)),
            udp(gpe(5, bytes(8))), udp(gpe(0, b"")), udp(gpe(1, b"\x45")), udp(b"\x0c\x00\x00\x01"),
            udp(gpe(2, inner6), 4790, 4790), udp(gpe(1, inner4), 4790, 40001)]
    # NSH inside (print-nsh.c): MD type 1 and 2, a bad next protocol.
    nsh = lambda md, np, ctx: (struct.pack(">HBB", 0x0000 | (2 + len(ctx) // 4), md, np) +
                               struct.pack(">I", 0x00030907) + ctx)
    pkts += [udp(gpe(4, nsh(1, 1, bytes(range(16))) + inner4)), udp(gpe(4, nsh(2, 2, struct.pack(">HBB", 1, 2, 1) + b"\x12\x00\x00\x00") + inner6)),
             udp(gpe(4, nsh(1, 9, bytes(16)) + b"zz"))]
    cuts = [(pkts[0], 42 + n) for n in (1, 3, 5, 7, 9, 20)] + [(pkts[2], 42 + 16)]
    return pkts, cuts


def lisp_packets():
    """LISP (print-lisp.c): Map-Register and Map-Notify with IPv4/IPv6 EIDs and locators,
    xTR/site ids, authentication data, every action and flag, other message types, an LCAF
    EID, trailing data, zero records and cuts."""
    def udp(payload, sport=4342, dport=4342):
        return eth(IP(src=A4, dst=B4) / UDP(sport=sport, dport=dport) / Raw(payload))

    def hdr(typ, flags, count, auth=b"", key=1, flags2=0):
        return (bytes([(typ << 4) | flags, 0, flags2, count]) + struct.pack(">QHH", 0x1122334455667788,
                                                                               key, len(auth)) + auth)

    def loc(afi, a, prio=1, weight=100, flags=0x0005):
        return struct.pack(">BBBBHH", prio, weight, 255, 0, flags, afi) + a

    v4 = lambda s: bytes(int(x) for x in s.split("."))
    v6 = bytes.fromhex("20010db8000000000000000000000001")

    def rec(afi, eid, mask, locs, ttl=1440, aair=0x10, version=5):
        return struct.pack(">IBBBBHH", ttl, len(locs), mask, aair, 0, version, afi) + eid + b"".join(locs)

    r4 = rec(1, v4("198.51.100.0"), 24, [loc(1, v4("192.0.2.10")), loc(2, v6, flags=0x0002)])
    r6 = rec(2, v6, 48, [loc(2, v6, flags=0), loc(1, v4("192.0.2.11"), flags=7)], aair=0x70,
             version=0xfff)
    r_acts = [rec(1, v4("203.0.113.0"), 25, [], aair=a) for a in (0x00, 0x20, 0x50, 0xe0)]
    r_lcaf = rec(16387, b"\x00" * 8, 0, [])
    r_odd_loc = rec(1, v4("203.0.113.0"), 25, [loc(9, b"")])
    xtr = bytes(range(16)) + struct.pack(">Q", 987654321012)
    auth = bytes(range(20))
    pkts = [udp(hdr(3, 0, 2, auth, flags2=1) + r4 + r6),
            udp(hdr(3, 0xa, 1, auth, flags2=1) + r4 + xtr),
            udp(hdr(4, 0x8, 1, auth) + r6 + xtr), udp(hdr(4, 0x4, 1, auth) + r4 + b"trailing"),
            udp(hdr(3, 0, 4, bytes(32), key=2) + b"".join(r_acts)),
            udp(hdr(3, 0, 1, b"", key=7) + r_lcaf), udp(hdr(3, 0, 1) + r_odd_loc),
            udp(hdr(3, 0, 0)), udp(hdr(3, 2, 1, auth) + r4 + xtr[:10]),
            udp(hdr(3, 0, 3, auth) + r4), udp(hdr(1, 0, 1) + bytes(8)), udp(hdr(2, 0, 1)),
            udp(hdr(8, 0, 0)), udp(hdr(6, 0, 0)), udp(hdr(0, 0, 0)), udp(b"\x30\x00\x00\x01"),
            udp(hdr(3, 0, 1, auth) + r4, 40000, 4342)]
    cuts = [(pkts[0], 42 + n) for n in (3, 15, 16, 20, 36, 40, 50, 52, 58, 62, 66, 80, 90)]
    cuts += [(pkts[1], 42 + n) for n in (86, 100)] + [(pkts[3], 42 + 70)]
    return pkts, cuts


def ptp_packets():
    """PTP (print-ptp.c) over UDP 319/320 and Ethernet: every v2 message type, flags,
    version 1 and others, a short message and cuts."""
    def udp(payload, port=319):
        return eth(IP(src=A4, dst="224.0.1.129") / UDP(sport=port, dport=port) / Raw(payload))

    def v2(typ, body, flags=0x0200, domain=0, corr=0x123456789a, seq=7, control=0, lmi=0xfd, v1c=0):
        return (bytes([typ | v1c, 2]) + struct.pack(">HBBH", 34 + len(body), domain, 0, flags) +
                corr.to_bytes(6, "big") + struct.pack(">HI", 0x8000, 0) + bytes.fromhex("0011 22ff fe33 4455") +
                struct.pack(">HHBB", 1, seq, control, lmi) + body)

    ts = (1710053990).to_bytes(6, "big") + struct.pack(">I", 123456789)
    pid = bytes.fromhex("0011 22ff fe33 4466") + struct.pack(">H", 2)
    announce = ts + struct.pack(">hBBBBHB", 37, 0, 128, 6, 0x21, 0x4e5d, 128) + bytes.fromhex(
        "0011 22ff fe33 4455") + struct.pack(">HB", 0, 0xa0)
    msgs = [v2(0, ts), v2(1, ts, control=1), v2(2, ts + pid), v2(3, ts + pid), v2(8, ts, control=2),
            v2(9, ts + pid, control=3), v2(0xa, ts + pid), v2(0xb, announce, control=5, flags=0x003c),
            v2(0xc, pid), v2(0xd, pid + bytes([1, 2, 3, 4]), control=4), v2(5, b""), v2(0xf, b"",
                                                                                      flags=0x7fff),
            v2(0, ts, v1c=0x10, flags=0, domain=24, corr=0)]
    pkts = [udp(m, 320 if m[0] & 0x08 else 319) for m in msgs]
    pkts += [udp(b"\x00\x01" + bytes(40)), udp(b"\x00\x03" + bytes(40)), udp(bytes(33)),
             eth(Raw(b"")) / Raw(b""), udp(v2(0, ts), 40000)]
    pkts[-2] = Ether(src=MA, dst="01:1b:19:00:00:00", type=0x88f7) / Raw(v2(0xb, announce))
    pkts.append(Ether(src=MA, dst="01:1b:19:00:00:00", type=0x88f7) / Raw(bytes(20)))
    cuts = [(pkts[0], 42 + n) for n in (1, 3, 5, 7, 9, 15, 17, 21, 29, 31, 33, 35, 40, 44)]
    cuts += [(pkts[7], 42 + n) for n in (38, 45, 50, 55, 60, 63)]
    cuts += [(pkts[2], 42 + 50), (pkts[9], 42 + 40), (pkts[9], 42 + 44)]
    return pkts, cuts


def someip_packets():
    """SOME/IP (print-someip.c): methods and events, every message type and return code,
    unknown ones, a short message and cuts."""
    def udp(payload, sport=30490, dport=30490):
        return eth(IP(src=A4, dst=B4) / UDP(sport=sport, dport=dport) / Raw(payload))

    def msg(service, method, client, session, mtype, rc, payload=b"", pver=1, iver=1):
        return struct.pack(">HHIHHBBBB", service, method, 8 + len(payload), client, session, pver,
                           iver, mtype, rc) + payload
    mtypes = [0x00, 0x01, 0x02, 0x80, 0x81, 0x20, 0x21, 0x22, 0xa0, 0xa1, 0x42]
    pkts = [udp(msg(0x1234, 0x0001 + i, 7, 100 + i, t, i % 17, b"data")) for i, t in enumerate(mtypes)]
    pkts += [udp(msg(0xffff, 0x8100, 0, 1, 2, rc)) for rc in range(6, 17)]
    # (tcpdump's AppleTalk test before it: not decoded, see udp.rs's test.)
    pkts += [udp(msg(1, 2, 8, 5, 1, 0), 56001, 30490), udp(b"\x00\x01\x00\x02" + bytes(8)),
             udp(b"\x00\x01\x03\x02" + bytes(12), 300, 30490)]
    cuts = [(pkts[0], 42 + n) for n in (2, 4, 6, 8, 10, 12, 13, 14, 15)]
    return pkts, cuts


def timed_packets():
    """BSD timed (print-timed.c): every message type, times before and after 1970, a hop
    count, names cut short and unterminated, an unknown type."""
    def udp(payload, sport=525, dport=525):
        return eth(IP(src=A4, dst=B4) / UDP(sport=sport, dport=dport) / Raw(payload))

    def tsp(typ, seq=1, sec=0, usec=0, name=b"host.example\x00", vers=1):
        return struct.pack(">BBHii", typ, vers, seq, sec, usec) + name
    pkts = [udp(tsp(t, seq=t)) for t in range(0, 25)]
    pkts += [udp(tsp(5, sec=1710053990, usec=123456)), udp(tsp(1, sec=-5, usec=250000)),
             udp(tsp(1, sec=-1, usec=500000)), udp(tsp(22, sec=-3, usec=0)),
             udp(tsp(23, sec=10, usec=-1)), udp(tsp(1, sec=-2, usec=1500000)),
             udp(tsp(24, sec=0x05000000)), udp(tsp(99)), udp(tsp(8, name=b"A" * 300)),
             udp(tsp(8, name=b"n\x01\xff\x00tail")), udp(tsp(8, name=b"short")),
             udp(tsp(3), 40000, 525)]
    cuts = [(pkts[26], 42 + n) for n in (0, 1, 3, 5, 9, 13, 16)]
    return pkts, cuts


def bcm_li_packets():
    """Broadcom LI shim (print-bcm-li.c, from UDP port 49152): every direction, type and
    subtype, the IPv4, IPv6 and Ethernet packets it carries (-v), short shims and cuts."""
    def udp(payload, sport=49152, dport=49153):
        return eth(IP(src=A4, dst=B4) / UDP(sport=sport, dport=dport) / Raw(payload))

    def shim(direction, ptype, sub, li_id):
        return struct.pack(">I", direction << 29 | ptype << 25 | sub << 22 | li_id)
    in4 = bytes(IP(src="198.51.100.1", dst="198.51.100.2") / UDP(sport=53, dport=5353) / Raw(b"x"))
    in6 = bytes(IPv6(src="2001:db8::a", dst="2001:db8::b") / UDP(sport=7, dport=9))
    ineth = bytes(Ether(src=MA, dst="02:00:00:00:00:0b") / IP(src="203.0.113.1", dst="203.0.113.2") /
                  UDP(sport=7, dport=9))
    pkts = [udp(shim(3, 5, 3, 66666) + in4), udp(shim(2, 6, 1, 1) + in6), udp(shim(1, 7, 2, 4194303) + ineth),
            udp(shim(3, 4, 2, 5) + in4), udp(shim(3, 4, 2, 5) + in6), udp(shim(3, 4, 2, 5) + b"\x20abc"),
            udp(shim(0, 9, 0, 7) + b"abc"), udp(shim(5, 0, 7, 7)), udp(b"\x60\x00"), udp(shim(3, 5, 3, 1) + in4, 49152, 53)]
    cuts = [(pkts[0], 42 + n) for n in (2, 4, 10)] + [(pkts[2], 42 + 10), (pkts[3], 42 + 4)]
    return pkts, cuts


def zep_packets():
    """ZEP (print-zep.c): v1 and v2 headers without an 802.15.4 frame, v2 acks, CRC and LQI
    modes, timestamps (local time), bad preambles, short headers and cuts."""
    def udp(payload, sport=17754, dport=17754):
        return eth(IP(src=A4, dst=B4) / UDP(sport=sport, dport=dport) / Raw(payload))

    def v1(chan=11, dev=0x1234, crc=0, lqi=200, extra=b""):
        return b"EX\x01" + struct.pack(">BHBB", chan, dev, crc, lqi) + bytes(7) + b"\x00" + extra

    def v2(typ=1, chan=15, dev=0xbeef, crc=0, lqi=77, ts=(3919042790, 0x80000000), seq=42, extra=b""):
        return (b"EX\x02" + struct.pack(">BBHBB", typ, chan, dev, crc, lqi) + struct.pack(">II", *ts) +
                struct.pack(">I", seq) + bytes(10) + b"\x00" + extra)
    pkts = [udp(v1()), udp(v1(crc=1)), udp(v1(extra=b"trailing bytes")), udp(v2()), udp(v2(crc=1, ts=(0, 1))),
            udp(v2(typ=3, ts=(1, 0xffffffff))), udp(v2(ts=(3919042790, 12345))), udp(b"EX\x02\x02" + struct.pack(">I", 99)),
            udp(b"EX\x02\x02\x00"), udp(b"EX\x01" + bytes(5)), udp(b"EX\x02\x01" + bytes(20)),
            udp(b"XE\x02"), udp(b"E\x01\x02"), udp(v2(extra=b"xyz"), 40000, 17754)]
    # (A bad preamble cut after its first byte: found by the fuzzer against tcpdump.)
    cuts = [(pkts[3], 42 + n) for n in (1, 2, 3, 5, 8, 12, 16, 20, 25, 31)] + [(pkts[2], 42 + 20),
                                                                                (pkts[11], 42 + 1)]
    return pkts, cuts


def vqp_packets():
    """VQP (print-vqp.c): requests and responses with every object type, error codes,
    unknown types and objects, bad object lengths, another version, short headers, cuts."""
    def udp(payload, sport=1589, dport=1589):
        return eth(IP(src=A4, dst=B4) / UDP(sport=sport, dport=dport) / Raw(payload))

    def obj(t, v):
        return struct.pack(">IH", t, len(v)) + v

    def vqp(mtype, err, objs, seq=0x1234, n=None, vers=1):
        return struct.pack(">BBBBI", vers, mtype, err, len(objs) if n is None else n, seq) + b"".join(objs)
    join = [obj(0x0c01, bytes([192, 0, 2, 9])), obj(0x0c02, b"Fa0/1"), obj(0x0c03, b""),
            obj(0x0c04, b"corp"), obj(0x0c05, b"frame\x00x"), obj(0x0c06, bytes(6)),
            obj(0x0c08, bytes.fromhex("02000000000a"))]
    pkts = [udp(vqp(1, 0, join)), udp(vqp(2, 0, [obj(0x0c03, b"vlan10"), obj(0x0c08, bytes(6))])),
            udp(vqp(3, 3, join[:2])), udp(vqp(4, 4, [])), udp(vqp(9, 5, [obj(0x0c99, b"\x01\x02\x03")])),
            udp(vqp(2, 7, [obj(0x0c01, b"\x01\x02")])), udp(vqp(2, 0, [obj(0x0c08, b"\x01")])),
            udp(vqp(2, 0, [obj(0, b"x")])), udp(vqp(2, 0, [obj(0x0c02, b"")])),
            udp(vqp(2, 0, [obj(0x0c02, b"abc")], n=5)), udp(vqp(2, 0, [obj(0x0c02, b"abc")[:5]])),
            udp(vqp(1, 0, [obj(0x0c02, b"abcdef")])[:-3] + b"\x00\x09abc"), udp(vqp(1, 0, [], vers=2)),
            udp(b"\x01\x01\x00\x00"), udp(vqp(1, 0, join[:1]), 40000, 1589)]
    cuts = [(pkts[0], 42 + n) for n in (4, 8, 12, 16, 20, 30, 60)]
    return pkts, cuts


def ldp_packets():
    """LDP (print-ldp.c) over UDP (hellos) and TCP (sessions): every message and TLV the
    printer decodes, FECs (prefixes, Martini VCs with interface parameters), undecoded
    messages and TLVs in hex, bad lengths, several PDUs in a segment, cuts."""
    seq = [1000]

    def tcp(payload, sport=40646, dport=646):
        p = eth(IP(src=A4, dst=B4) / TCP(sport=sport, dport=dport, flags="PA", seq=seq[0], ack=1,
                                         window=502) / Raw(payload))
        seq[0] += len(payload)
        return p

    def udp(payload, sport=646, dport=646):
        return eth(IP(src=A4, dst="224.0.0.2") / UDP(sport=sport, dport=dport) / Raw(payload))

    def tlv(t, v, flags=0):
        return struct.pack(">HH", flags | t, len(v)) + v

    def msg(t, tlvs, mid=1, u=0):
        body = struct.pack(">I", mid) + b"".join(tlvs)
        return struct.pack(">HH", u | t, len(body)) + body

    def pdu(msgs, lsr=(192, 0, 2, 1), space=0, version=1, length=None):
        body = bytes(lsr) + struct.pack(">H", space) + b"".join(msgs)
        n = 4 + len(body) - 4 + 0 if length is None else length
        return struct.pack(">HH", version, len(body) if length is None else length) + body

    v4, v6 = bytes([192, 0, 2, 1]), bytes.fromhex("20010db8000000000000000000000001")
    hello = msg(0x100, [tlv(0x400, struct.pack(">HH", 15, 0)), tlv(0x401, v4), tlv(0x402, struct.pack(">I", 7))])
    thello = msg(0x100, [tlv(0x400, struct.pack(">HH", 45, 0xc000)), tlv(0x403, v6)])
    init = msg(0x200, [tlv(0x500, struct.pack(">HHBBH", 1, 180, 0, 0, 0xc000) + v4 + b"\x00\x00"),
                       tlv(0x503, struct.pack(">HHII", 0x800f, 0, 120000, 60000)),
                       tlv(0x503, struct.pack(">HHII", 0, 0, 0, 0)), tlv(0x601, struct.pack(">H", 1500))])
    ka = msg(0x201, [])
    addr = msg(0x300, [tlv(0x101, struct.pack(">H", 1) + v4 + bytes([198, 51, 100, 1]) + b"\x01")])
    addr6 = msg(0x301, [tlv(0x101, struct.pack(">H", 2) + v6 + v6), tlv(0x101, struct.pack(">H", 9) + b"zz")])

    def pfx(af, plen, addr):
        return struct.pack(">BHB", 2, af, plen) + addr
    mapping = msg(0x400, [tlv(0x100, pfx(1, 24, bytes([198, 51, 100])) + b""),
                          tlv(0x100, pfx(2, 64, bytes.fromhex("20010db800000001"))),
                          tlv(0x100, pfx(1, 33, b"")), tlv(0x100, pfx(2, 200, b"")),
                          tlv(0x100, pfx(7, 8, b"\x0a")), tlv(0x100, b"\x01"), tlv(0x100, b"\x03"),
                          tlv(0x100, b"\x42"), tlv(0x200, struct.pack(">I", 0x12345678)),
                          tlv(0x201, b"\x00\x01\x00\x02", flags=0x8000), tlv(0x104, b"\x01\x02\x03\x04", flags=0xc000)])
    martini = msg(0x400, [tlv(0x100, b"\x80" + struct.pack(">HBI", 0x8005, 0, 100)),
                          tlv(0x100, b"\x80" + struct.pack(">HBII", 0x0004, 4 + 4 + 6 + 4 + 3, 7, 1000) +
                              bytes([1, 4]) + struct.pack(">H", 1500) + bytes([3, 6]) + b"pw-1" +
                              bytes([0x0c, 4, 3, 6]) + bytes([0x99, 3, 0xab])),
                          tlv(0x100, b"\x80" + struct.pack(">HBII", 0x0005, 2, 7, 1)),
                          tlv(0x100, b"\x80" + struct.pack(">HBI", 0x0005, 9, 7)),
                          tlv(0x100, b"\x80" + struct.pack(">HBII", 0x0063, 20, 7, 1) + bytes(4)),
                          tlv(0x100, b"\x80" + struct.pack(">HBII", 0x0005, 10, 7, 1) + bytes([1, 1, 9, 9, 9, 9]))])
    notif = msg(0x001, [tlv(0x300, struct.pack(">II", 0x8000000a, 0x1234)), tlv(0x300, struct.pack(">II", 0x40000001, 0))], u=0x8000)
    withdraw = msg(0x402, [tlv(0x100, b"\x01"), tlv(0x200, struct.pack(">I", 3))])
    shorts = msg(0x100, [tlv(0x400, b"\x00"), tlv(0x401, b"\x01"), tlv(0x403, b""), tlv(0x402, b""),
                         tlv(0x101, b"\x00"), tlv(0x500, b""), tlv(0x100, b""), tlv(0x200, b""),
                         tlv(0x300, b""), tlv(0x503, b""), tlv(0x601, b""), tlv(0x100, b"\x02\x00"),
                         tlv(0x100, b"\x80\x00")])
    request = msg(0x401, [tlv(0x100, b"\x01")])
    unknown = msg(0x3e01, [b"vendor"])
    past = msg(0x100, [struct.pack(">HH", 0x400, 40) + b"\x00\x0f\x00\x00"])
    pkts = [udp(pdu([hello])), udp(pdu([thello], space=3)), udp(pdu([hello]), 40000, 646)]
    pkts += [tcp(pdu([m])) for m in (init, ka, addr, addr6, mapping, martini, notif, withdraw, shorts,
                                     request, unknown, past)]
    pkts += [tcp(pdu([ka, ka, request])), tcp(pdu([init]) + pdu([ka])), tcp(pdu([ka], version=2)),
             tcp(pdu([ka], length=5)), tcp(pdu([ka], length=60)), tcp(pdu([msg(0x201, [])[:2] + b"\x00\x02"])),
             tcp(pdu([ka])[:15]), tcp(pdu([ka]) + pdu([ka], version=3)),
             tcp(pdu([msg(0x400, [tlv(0x100, pfx(1, 24, b"\x0a"))])]))]
    cuts = [(pkts[0], 42 + n) for n in (2, 6, 9, 12, 16, 22, 26, 30, 36, 42)]
    cuts += [(pkts[7], 54 + n) for n in (20, 28, 40, 60, 75, 90)]
    cuts += [(pkts[8], 54 + n) for n in (30, 50, 70)]
    return pkts, cuts


def lspping_packets():
    """MPLS LSP ping (print-lspping.c): echo requests and replies with every target FEC
    sub-TLV, downstream mappings of each address type, BFD, vendor and other TLVs, bad and
    padded lengths, other versions, short packets and cuts."""
    def udp(payload, sport=3503, dport=3503):
        return eth(IP(src=A4, dst="127.0.0.1") / UDP(sport=sport, dport=dport) / Raw(payload))

    def tlv(t, v, length=None):
        return struct.pack(">HH", t, len(v) if length is None else length) + v + bytes(-len(v) % 4)

    def hdr(mtype=1, mode=2, rc=0, sub=0, seq=1, ts=(3919042790, 0x40000000), tr=(0, 0), version=1):
        return struct.pack(">HHBBBBII", version, 0, mtype, mode, rc, sub, 0xdeadbeef, seq) + \
            struct.pack(">IIII", *ts, *tr)
    v4, v6 = bytes([192, 0, 2, 1]), bytes.fromhex("20010db8000000000000000000000001")
    rd = struct.pack(">HHI", 0, 64512, 100)
    subs = [tlv(1, v4 + b"\x20"), tlv(2, v6 + b"\x40"), tlv(12, v4 + b"\x18"), tlv(13, v6 + b"\x30"),
            tlv(3, v4 + struct.pack(">HH", 0, 7) + v4 + v4 + struct.pack(">HH", 0, 9)),
            tlv(4, v6 + struct.pack(">HH", 0, 7) + v6 + v6 + struct.pack(">HH", 0, 9)),
            tlv(6, rd + v4 + b"\x18"), tlv(7, struct.pack(">HIH", 1, 0xc0000201, 5) + v6 + b"\x40"),
            tlv(8, struct.pack(">HIH", 2, 65000, 7) + struct.pack(">HHH", 1, 2, 5)),
            tlv(9, v4 + struct.pack(">IH", 1000, 4)), tlv(10, v4 + v4 + struct.pack(">IH", 77, 0x63)),
            tlv(1, v4), tlv(99, b"xyz"), tlv(16, b"")]
    # One sub-TLV per FEC stack: C reads a second sub-TLV 4 bytes early (see lspping.rs).
    fec = b"".join(tlv(1, sub) for sub in subs) + tlv(1, subs[0] + subs[1])
    ds = [tlv(2, struct.pack(">HBB", 1500, 1, 0) + v4 + v4 + struct.pack(">BBH", 0, 0, 0) + struct.pack(">I", 0x00010100)),
          tlv(2, struct.pack(">HBB", 1500, 2, 0) + v4 + struct.pack(">I", 7) + struct.pack(">BBH", 0, 0, 0)),
          tlv(2, struct.pack(">HBB", 9000, 3, 0) + v6 + v6 + struct.pack(">BBH", 0, 0, 0)),
          tlv(2, struct.pack(">HBB", 9000, 4, 0) + v6 + struct.pack(">I", 9) + struct.pack(">BBH", 0, 0, 0)),
          tlv(2, struct.pack(">HBB", 1500, 9, 0) + struct.pack(">BBH", 0, 0, 0)),
          tlv(2, struct.pack(">HBB", 1500, 1, 0) + v4), tlv(2, struct.pack(">HBB", 1500, 9, 0)), tlv(2, b"\x05")]
    others = [tlv(15, struct.pack(">I", 0x11223344)), tlv(15, b"\x01"), tlv(5, struct.pack(">I", 9)),
              tlv(5, struct.pack(">I", 4242424)), tlv(5, b""), tlv(3, b"\x01" + bytes(7)),
              tlv(9, b"\x00\x01\x02\x03"), tlv(0xfc00, b"priv"), tlv(0x7777, b"?")]
    pkts = [udp(hdr() + fec), udp(hdr(mtype=2, rc=3, sub=1, tr=(3919042791, 0x80000000)) + b"".join(ds)),
            udp(hdr(mtype=2, rc=8, sub=2) + b"".join(others)), udp(hdr() + tlv(7, b"")),
            udp(hdr(rc=14) + tlv(1, b"", length=40)), udp(hdr(rc=11, sub=4) + tlv(1, b"\x00\x01\x00\x09" + v4 + b"\x20")),
            udp(hdr() + tlv(1, b"\x00\x01")), udp(hdr() + b"\x00\x01"), udp(hdr(mtype=7)), udp(hdr(version=2)),
            udp(hdr()[:20]), udp(hdr(mode=9) + tlv(1, subs[0]), 40000, 3503),
            udp(hdr() + tlv(1, struct.pack(">HH", 1, 1) + b"\x0a\x00\x00"))]
    cuts = [(pkts[0], 42 + n) for n in (2, 16, 31, 34, 40, 45, 60, 100)]
    cuts += [(pkts[1], 42 + n) for n in (36, 40, 50)] + [(pkts[2], 42 + 40)]
    return pkts, cuts


def lwres_packets():
    """BIND lightweight resolver (print-lwres.c): every opcode as query and response, address
    families, names without their NUL, unknown opcodes and flags, other versions, length
    mismatches, trailing data, short addresses and cuts."""
    def udp(payload, sport=40921, dport=921):
        return eth(IP(src=A4, dst=B4) / UDP(sport=sport, dport=dport) / Raw(payload))

    def pkt(op, body, flags=0, version=0, length=None, serial=7, result=0):
        n = 28 + len(body) if length is None else length
        return struct.pack(">IHHIIIIHH", n, version, flags, serial, op, result, 4096, 0, 0) + body

    def name(s, nul=True):
        return struct.pack(">H", len(s)) + s + (b"\x00" if nul else b"x")

    def addr(fam, a):
        return struct.pack(">IH", fam, len(a)) + a
    v4, v6 = bytes([192, 0, 2, 9]), bytes.fromhex("20010db8000000000000000000000009")
    gabn_q = lambda types, n=b"host.example", nul=True: struct.pack(">II", 1, types) + name(n, nul)
    pkts = [udp(pkt(0, b"")), udp(pkt(0, b"", flags=1), 921, 40921),
            udp(pkt(0x10001, gabn_q(1))), udp(pkt(0x10001, gabn_q(2))), udp(pkt(0x10001, gabn_q(3))),
            udp(pkt(0x10001, gabn_q(0x10))), udp(pkt(0x10001, gabn_q(1, nul=False))),
            udp(pkt(0x10001, struct.pack(">IHHH", 0, 2, 3, 4) + b"real\x00" + name(b"a1") + name(b"a2") +
                    addr(1, v4) + addr(2, v6) + addr(9, b"\x01\x02\x03"), flags=1), 921, 40921),
            udp(pkt(0x10001, struct.pack(">IHHH", 0, 0, 1, 4) + b"real\x00" + addr(1, b"\x01\x02"), flags=1), 921, 40921),
            udp(pkt(0x10002, struct.pack(">I", 0) + addr(1, v4))), udp(pkt(0x10002, struct.pack(">I", 0) + addr(2, v6 + b"xx"))),
            udp(pkt(0x10002, struct.pack(">I", 0) + addr(2, v4))),
            udp(pkt(0x10002, struct.pack(">IHH", 0, 1, 7) + b"ptr.ex\x00" + name(b"alias"), flags=1), 921, 40921),
            udp(pkt(0x10003, struct.pack(">IHHH", 0, 1, 16, 3) + b"txt\x00")),
            udp(pkt(0x10003, struct.pack(">IHHH", 0, 3, 99, 3) + b"txt\x00")),
            udp(pkt(0x10003, struct.pack(">IHHHI", 0, 1, 1, 0, 0) + b"")[:28 + 10] + b"\x00\x00\x00\x00"),
            udp(pkt(0x10003, struct.pack(">IHHIHH", 0, 1, 1, 3661, 2, 1) + name(b"r") + struct.pack(">H", 2) + b"\x01\x02" +
                    struct.pack(">H", 1) + b"\xff" + struct.pack(">H", 3) + b"sig", flags=1), 921, 40921),
            udp(pkt(0x10003, struct.pack(">IHHIHH", 0, 255, 28, 0, 0, 0) + name(b"z"), flags=1), 921, 40921),
            udp(pkt(0x20001, b"?", flags=6)), udp(pkt(0x20001, b"", flags=3)), udp(pkt(0, b"", version=1)),
            udp(pkt(0, b"", length=100)), udp(pkt(0x10001, gabn_q(1), length=80)), udp(pkt(0, b"")[:20])]
    cuts = [(pkts[2], 42 + n) for n in (10, 27, 29, 33, 37, 40, 45)] + [(pkts[7], 42 + n) for n in (40, 50, 60, 70)]
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


def egp_packets():
    """EGP v2 (print-egp.c, IP protocol 8): every acquire code and status, reach hello and
    I-heard-you, poll, updates (solicited and not) with gateways, distances and networks
    from a class A, B and C source network and one outside them, errors with every reason,
    unknown version, type, codes, statuses and reasons, and short and cut packets."""
    def egp(typ, code, status, w10=0, src="0.0.0.0", ver=2, asn=65001, seq=7, body=b""):
        return struct.pack(">BBBBHHHH", ver, typ, code, status, 0, asn, seq, w10) + bytes(
            map(int, src.split("."))) + body
    v4 = lambda b: eth(IP(src=A4, dst=B4, proto=8) / Raw(b))
    gw = lambda hosts, dists: bytes(hosts) + bytes([len(dists)]) + b"".join(
        bytes([d, len(nets)]) + b"".join(bytes(n) for n in nets) for d, nets in dists)
    nets = [[10], [172, 16], [192, 0, 2], [224, 1, 2]]
    pkts = [v4(egp(3, c, st, 0x003c, "0.120.0.0")) for c in (0, 1) for st in (0, 1, 2, 3)]
    pkts += [v4(egp(3, c, st)) for c in (2, 3, 4) for st in (0, 1, 3, 4, 5, 6, 7, 9)]
    pkts += [v4(egp(3, 5, 0)), v4(egp(5, 0, 1)), v4(egp(5, 1, 2)), v4(egp(5, 1, 3)),
             v4(egp(5, 2, 0)), v4(egp(2, 0, 0, src="192.0.2.0")),
             v4(egp(2, 0, 4, src="198.51.100.0"))]
    pkts += [v4(egp(8, 0, st, r)) for st, r in ((0, 0), (1, 1), (2, 2), (0, 3), (1, 4),
                                               (2, 5), (0, 6), (5, 7), (1, 300))]
    pkts += [v4(egp(9, 0, 0)), v4(egp(3, 0, 0, ver=3)), v4(egp(3, 0, 0)[:15]),
             v4(egp(3, 0, 0)[:10])]
    # updates: (intgw << 8 | extgw), source network, gateways
    upd = [
        (0x0201, "10.0.0.0", gw([1, 2, 3], [(1, nets), (3, [[11]])]) +
         gw([4, 5, 6], [(2, [[172, 17]])]) + gw([7, 8, 9], [])),
        (0x0101, "172.16.0.0", gw([0, 1], [(0, [[192, 0, 2], [10]])]) + gw([0, 2], [])),
        (0x0100, "192.0.2.0", gw([5], [(1, nets), (2, [[128, 1]])])),
        (0x0100, "224.0.0.0", gw([1, 2, 3, 4], [(1, [[10]])])),
        (0x0000, "192.0.2.0", b""),
    ]
    for st in (0, 0x81, 0x85):
        pkts.append(v4(egp(1, 0, st, upd[0][0], upd[0][1], body=upd[0][2])))
    for w, src, body in upd[1:]:
        pkts.append(v4(egp(1, 0, 1, w, src, body=body)))
    full = egp(1, 0, 1, 0x0100, "192.0.2.0", body=gw([5], [(1, nets)]))
    # the IP length cuts the update (the "length <" checks), then the capture does
    pkts += [v4(full[:n]) for n in (16, 17, 18, 19, 20, 21, 23, 26)]
    pkts.append(v4(egp(1, 0, 1, 0x0100, "10.0.0.0", body=bytes([1, 2]))))
    pkts.append(v4(egp(1, 0, 1, 0x0100, "172.16.0.0", body=bytes([1, 2, 1, 3, 1, 172]))))
    cuts = [(v4(full), 34 + n) for n in (8, 15, 16, 19, 22, 26)]
    return pkts, cuts


def igrp_packets():
    """Cisco IGRP (print-igrp.c, IP protocol 9): updates with interior, system and exterior
    routes, a request, an unknown opcode, extra bytes past the counted routes, counts the
    packet does not hold (invalid), a zero bandwidth, and cuts in the header and a route."""
    def hdr(op, nint, nsys, nxt, ver=1, ed=7, asn=100, ck=0x1234):
        return struct.pack(">BBHHHHH", (ver << 4) | op, ed, asn, nint, nsys, nxt, ck)
    def rte(net, dly=2000, bw=10000, mtu=1500, rel=255, ld=1, hct=0):
        return bytes(net) + dly.to_bytes(3, "big") + bw.to_bytes(3, "big") + struct.pack(
            ">HBBB", mtu, rel, ld, hct)
    v4 = lambda b: eth(IP(src=A4, dst="255.255.255.255", proto=9) / Raw(b))
    pkts = [
        v4(hdr(1, 1, 1, 1) + rte([10, 1, 2]) + rte([192, 0, 2], 0xffffff, 0xffffff, 9000, 200,
                                                      30, 3) + rte([198, 51, 100], bw=0)),
        v4(hdr(2, 0, 0, 0, ed=0, asn=65535)),
        v4(hdr(5, 0, 2, 0, ver=0) + rte([203, 0, 113]) + rte([203, 0, 114], 1, 1, 0, 0, 0,
                                                              255)),
        v4(hdr(1, 0, 1, 0) + rte([203, 0, 113]) + rte([203, 0, 115])),
        v4(hdr(1, 2, 0, 0) + rte([10, 0, 0])),
        v4(hdr(1, 0, 1, 0) + rte([203, 0, 113]) + bytes(5)),
        v4(hdr(1, 0, 0, 0)[:8]),
        eth(IPv6(src=A6, dst="2001:db8::2", nh=9) / Raw(hdr(1, 0, 1, 0) + rte([192, 0, 2]))),
    ]
    cuts = [(pkts[0], 34 + 6), (pkts[0], 34 + 12 + 20), (pkts[2], 34 + 12 + 14 + 13)]
    return pkts, cuts


def mpcp_packets():
    """EPON MPCP (print-mpcp.c, ethertype 0x8808): Pause, Gate with 0 to 7 grants and every
    flag, Report with queue sets and bitmaps, Register Request/Register/Register ACK with
    known, multi-bit and reserved flags, an unknown opcode (hex dump), and cut frames."""
    mp = lambda op, b=b"", ts=123456: Ether(src=MA, dst="01:80:c2:00:00:01", type=0x8808) / Raw(
        struct.pack(">HI", op, ts) + b)
    grants = lambda n, fl: bytes([fl | n]) + b"".join(struct.pack(">IH", 1000 * i, 50 + i)
                                                       for i in range(n)) + struct.pack(">H", 9)
    pkts = [mp(1, bytes(40), 0), mp(2, grants(0, 0)), mp(2, grants(1, 0x08)),
            mp(2, grants(3, 0x30)), mp(2, grants(7, 0xf8)),
            mp(3, bytes([1])), mp(3, bytes([3, 0x05]) + struct.pack(">HH", 10, 20) + bytes([0])
                                   + bytes(4)),
            mp(3, bytes([2, 0xff]) + b"".join(struct.pack(">H", i) for i in range(8))),
            mp(4, bytes([1, 3])), mp(4, bytes([3, 0])), mp(4, bytes([0, 255])),
            mp(4, bytes([2, 1])),
            mp(5, struct.pack(">HBHB", 1, 1, 500, 2)), mp(5, struct.pack(">HBHB", 2, 3, 5, 0)),
            mp(5, struct.pack(">HBHB", 3, 4, 5, 0)), mp(5, struct.pack(">HBHB", 3, 0, 5, 0)),
            mp(5, struct.pack(">HBHB", 3, 8, 5, 0)), mp(5, struct.pack(">HBHB", 3, 6, 5, 0)),
            mp(6, struct.pack(">BHH", 1, 7, 8)), mp(6, struct.pack(">BHH", 0, 7, 8)),
            mp(6, struct.pack(">BHH", 5, 7, 8)), mp(6, struct.pack(">BHH", 2, 7, 8)),
            mp(7, bytes(range(20))), mp(0xffff, b"")]
    cuts = [(pkts[3], 14 + 5), (pkts[3], 14 + 7), (pkts[3], 14 + 15), (pkts[3], 14 + 19),
            (pkts[7], 14 + 12), (pkts[12], 14 + 10), (pkts[18], 14 + 9), (pkts[22], 14 + 12),
            (pkts[8], 14 + 7)]
    return pkts, cuts


def realtek_packets():
    """Realtek protocols (print-realtek.c, ethertype 0x8899): RRCP hello, get and set queries
    and replies, an unknown opcode, REP, both RLDPs, the DSA tags, an unknown type, one inside
    802.3 LLC/SNAP, and cut frames."""
    rt = lambda b: Ether(src=MA, dst="ff:ff:ff:ff:ff:ff", type=0x8899) / Raw(b)
    hello_reply = bytes([1, 0x80]) + struct.pack(">HBB", 0x2379, 3, 24) + bytes.fromhex(
        "02000000000b") + struct.pack(">HI", 0x8326, 0x0000000a) + bytes(8)
    getset = lambda op: bytes([1, op]) + struct.pack(">H", 0x2379) + struct.pack(
        "<HI", 0x0218, 0xdeadbeef) + struct.pack(">II", 0x11223344, 0x55667788) + bytes(8)
    pkts = [rt(bytes([1, 0, 0x23, 0x79]) + bytes(16)), rt(hello_reply), rt(getset(1)),
            rt(getset(0x81)), rt(getset(2)), rt(getset(0x82)), rt(bytes([1, 0x7f, 0, 0])),
            rt(bytes([1, 0x85, 0, 0])), rt(bytes([2]) + bytes(20)), rt(bytes([3]) + bytes(20)),
            rt(bytes([0x23]) + bytes(20)), rt(bytes([4]) + bytes(7)), rt(bytes([0x93, 1])),
            rt(bytes([0xa5, 2])), rt(bytes([0x55])), rt(b""),
            Dot3(src=MA, dst="01:00:5e:00:00:01") / LLC(dsap=0xaa, ssap=0xaa, ctrl=3) /
            Raw(bytes(3) + bytes([0x88, 0x99, 2]) + bytes(20))]
    cuts = [(pkts[1], 14 + 1), (pkts[1], 14 + 3), (pkts[1], 14 + 12), (pkts[1], 14 + 17),
            (pkts[2], 14 + 8), (pkts[2], 14 + 13), (pkts[2], 14 + 17), (pkts[0], 14 + 3),
            (pkts[8], 10)]
    return pkts, cuts


def write(fname, packets, cuts, linktype=1):
    """Ethernet pcap (or `linktype`); each cut is (packet, caplen): the frame keeps its wire
    length (a caplen of None keeps the whole packet)."""
    with open(fname, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 262144, linktype))
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
    packets, cuts = bgp_mp_packets()
    write(sys.argv[1] + "/proto-bgp-mp.pcap", packets, cuts)
    packets, cuts = eapol_packets()
    write(sys.argv[1] + "/proto-eapol.pcap", packets, cuts)
    packets, cuts = udp_chain_packets()
    write(sys.argv[1] + "/proto-udpchain.pcap", packets, cuts)
    packets, cuts = mobile_packets()
    write(sys.argv[1] + "/proto-mobile.pcap", packets, cuts)
    packets, cuts = ppp_ipx_packets()
    write(sys.argv[1] + "/proto-ppp-ipx.pcap", packets, cuts)
    packets, cuts = egp_packets()
    write(sys.argv[1] + "/proto-egp.pcap", packets, cuts)
    packets, cuts = igrp_packets()
    write(sys.argv[1] + "/proto-igrp.pcap", packets, cuts)
    packets, cuts = mpcp_packets()
    write(sys.argv[1] + "/proto-mpcp.pcap", packets, cuts)
    packets, cuts = realtek_packets()
    write(sys.argv[1] + "/proto-realtek.pcap", packets, cuts)
    packets, cuts = netbeui_packets()
    write(sys.argv[1] + "/proto-netbeui.pcap", packets, cuts)
    packets, cuts = quic_packets()
    write(sys.argv[1] + "/proto-quic.pcap", packets, cuts)
    packets, cuts = ospf_packets()
    write(sys.argv[1] + "/proto-ospf.pcap", packets, cuts)
    packets, cuts = ospf6_packets()
    write(sys.argv[1] + "/proto-ospf6.pcap", packets, cuts)
    packets, cuts = bfd_packets()
    write(sys.argv[1] + "/proto-bfd.pcap", packets, cuts)
    packets, cuts = openflow_packets()
    write(sys.argv[1] + "/proto-openflow.pcap", packets, cuts)
    packets, cuts = sctp_packets()
    write(sys.argv[1] + "/proto-sctp.pcap", packets, cuts)
    packets, cuts = icmp6ni_packets()
    write(sys.argv[1] + "/proto-icmp6ni.pcap", packets, cuts)
    packets, cuts = dvmrp_packets()
    write(sys.argv[1] + "/proto-dvmrp.pcap", packets, cuts)
    packets, cuts = macsec_packets()
    write(sys.argv[1] + "/proto-macsec.pcap", packets, cuts)
    packets, cuts = pppoe_packets()
    write(sys.argv[1] + "/proto-pppoe.pcap", packets, cuts)
    packets, cuts = eigrp_packets()
    write(sys.argv[1] + "/proto-eigrp.pcap", packets, cuts)
    packets, cuts = rpl_packets()
    write(sys.argv[1] + "/proto-rpl.pcap", packets, cuts)
    packets, cuts = slow_packets()
    write(sys.argv[1] + "/proto-slow.pcap", packets, cuts)
    packets, cuts = cfm_packets()
    write(sys.argv[1] + "/proto-cfm.pcap", packets, cuts)
    packets, cuts = dccp_packets()
    write(sys.argv[1] + "/proto-dccp.pcap", packets, cuts)
    packets, cuts = ipcomp_packets()
    write(sys.argv[1] + "/proto-ipcomp.pcap", packets, cuts)
    packets, cuts = mobility_packets()
    write(sys.argv[1] + "/proto-mobility.pcap", packets, cuts)
    packets, cuts = nsh_packets()
    write(sys.argv[1] + "/proto-nsh.pcap", packets, cuts)
    packets, cuts = arista_packets()
    write(sys.argv[1] + "/proto-arista.pcap", packets, cuts)
    packets, cuts = msnlb_packets()
    write(sys.argv[1] + "/proto-msnlb.pcap", packets, cuts)
    packets, cuts = aoe_packets()
    write(sys.argv[1] + "/proto-aoe.pcap", packets, cuts)
    packets, cuts = pgm_packets()
    write(sys.argv[1] + "/proto-pgm.pcap", packets, cuts)
    packets, cuts = geonet_packets()
    write(sys.argv[1] + "/proto-geonet.pcap", packets, cuts)
    packets, cuts = ipx_packets()
    write(sys.argv[1] + "/proto-ipx.pcap", packets, cuts)
    packets, cuts = tipc_packets()
    write(sys.argv[1] + "/proto-tipc.pcap", packets, cuts)
    packets, cuts = cooked_packets()
    write(sys.argv[1] + "/proto-cooked.pcap", packets, cuts, linktype=113)
    packets, cuts = isakmp_packets()
    write(sys.argv[1] + "/proto-isakmp.pcap", packets, cuts)
    packets, cuts = l2tp_packets()
    write(sys.argv[1] + "/proto-l2tp.pcap", packets, cuts)
    packets, cuts = vxlan_gpe_packets()
    write(sys.argv[1] + "/proto-vxlan-gpe.pcap", packets, cuts)
    packets, cuts = lisp_packets()
    write(sys.argv[1] + "/proto-lisp.pcap", packets, cuts)
    packets, cuts = ptp_packets()
    write(sys.argv[1] + "/proto-ptp.pcap", packets, cuts)
    packets, cuts = someip_packets()
    write(sys.argv[1] + "/proto-someip.pcap", packets, cuts)
    packets, cuts = timed_packets()
    write(sys.argv[1] + "/proto-timed.pcap", packets, cuts)
    packets, cuts = bcm_li_packets()
    write(sys.argv[1] + "/proto-bcm-li.pcap", packets, cuts)
    packets, cuts = zep_packets()
    write(sys.argv[1] + "/proto-zep.pcap", packets, cuts)
    packets, cuts = vqp_packets()
    write(sys.argv[1] + "/proto-vqp.pcap", packets, cuts)
    packets, cuts = ldp_packets()
    write(sys.argv[1] + "/proto-ldp.pcap", packets, cuts)
    packets, cuts = lspping_packets()
    write(sys.argv[1] + "/proto-lspping.pcap", packets, cuts)
    packets, cuts = lwres_packets()
    write(sys.argv[1] + "/proto-lwres.pcap", packets, cuts)
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
