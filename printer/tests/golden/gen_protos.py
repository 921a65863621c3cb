#!/usr/bin/env python3
"""Crafts the per-protocol corner cases of the printer's golden corpus with scapy.

usage: gen_protos.py PCAPDIR

Writes proto-eth.pcap: packets of the protocols decoded by their own printer modules
(VRRP, ...) that the conformance rig's real traffic does not make, each in its ordinary
form and in the forms tcpdump prints differently: every version and type, bad checksums,
odd TTLs, and snaplen cuts inside each field ("[|proto]"). `regen` prints them with tcpdump
like every other pcap; `regen --corpus` leaves proto-* alone (run this script instead).
Documentation addresses only.
"""
import struct
import sys

from scapy.all import Ether, IP, IPv6, Raw
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


def write(fname, packets, cuts):
    """Ethernet pcap; each cut is (packet, caplen): the frame keeps its wire length."""
    with open(fname, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 262144, 1))
        recs = [(bytes(p), None) for p in packets] + [(bytes(p)[:n], len(bytes(p)))
                                                       for p, n in cuts]
        for i, (b, wire) in enumerate(recs):
            t = T0 + i
            sec = int(t)
            usec = int(round((t - sec) * 1e6))
            f.write(struct.pack("<IIII", sec, usec, len(b), wire or len(b)))
            f.write(b)


if __name__ == "__main__":
    packets, cuts = vrrp_packets()
    write(sys.argv[1] + "/proto-eth.pcap", packets, cuts)
