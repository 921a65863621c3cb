#!/usr/bin/env python3
"""Crafts the corner cases of the printer conformance corpus with scapy.

usage: gen_corners.py OUTDIR

Writes one pcap per link type (eth.pcap, sll.pcap, sll2.pcap, raw.pcap, null.pcap,
loop.pcap). Real traffic (ping, HTTP, DNS, ND, VXLAN) comes from the test's namespaces;
these are the packets that traffic rarely makes: options, fragments, extension headers,
error messages, truncation, odd flags. Timestamps cross a DST change in America/New_York
(2024-03-10 07:00 UTC) so TZ handling is exercised.
"""
import struct
import sys

from scapy.all import (ARP, DNS, DNSQR, DNSRR, DNSRROPT, Dot1Q, Dot1AD, Ether, GRE, ICMP,
                       IP, IPOption_NOP, IPOption_RR, IPOption_Router_Alert, IPv6,
                       IPv6ExtHdrDestOpt, IPv6ExtHdrFragment, IPv6ExtHdrHopByHop,
                       IPv6ExtHdrRouting, Raw, TCP, UDP, RouterAlert, PadN, RawPcapWriter)
from scapy.layers.inet6 import (ICMPv6DestUnreach, ICMPv6EchoReply, ICMPv6EchoRequest,
                                ICMPv6MLDone, ICMPv6MLQuery, ICMPv6MLReport,
                                ICMPv6MLReport2, ICMPv6MLDMultAddrRec, ICMPv6ND_NA,
                                ICMPv6ND_NS, ICMPv6ND_RA, ICMPv6ND_RS, ICMPv6ND_Redirect,
                                ICMPv6PacketTooBig, ICMPv6ParamProblem, ICMPv6TimeExceeded,
                                ICMPv6NDOptSrcLLAddr, ICMPv6MLQuery2)
from scapy.contrib.igmp import IGMP
from scapy.contrib.igmpv3 import IGMPv3, IGMPv3mr, IGMPv3gr, IGMPv3mq
from scapy.layers.vxlan import VXLAN

out = sys.argv[1]
T0 = 1710053990.123456  # 2024-03-10 06:59:50.123456 UTC, 10 s before the US DST change

A4, B4, C4 = "192.0.2.1", "192.0.2.2", "198.51.100.7"
A6, B6 = "2001:db8::1", "2001:db8::2"
MA, MB = "02:00:00:00:00:0a", "02:00:00:00:00:0b"


def write(fname, linktype, packets):
    """pcap with an explicit link type; a packet's `wirelen` attribute marks a snaplen cut."""
    w = RawPcapWriter(fname, linktype=linktype, sync=True)
    w.linktype = linktype  # scapy ignores linktype=0 (DLT_NULL)
    w._write_header(None)
    for p in packets:
        b = bytes(p)
        t = float(p.time)
        sec = int(t)
        usec = int(round((t - sec) * 1e6))
        w.write_packet(b, sec=sec, usec=usec, caplen=len(b), wirelen=getattr(p, "wirelen", None) or len(b))
    w.close()


def eth(p, src=MA, dst=MB):
    return Ether(src=src, dst=dst) / p


def tcp(sport, dport, flags, seq=1000, ack=0, options=(), payload=b"", **kw):
    return TCP(sport=sport, dport=dport, flags=flags, seq=seq, ack=ack, window=502,
               options=list(options), **kw) / Raw(payload) if payload else \
        TCP(sport=sport, dport=dport, flags=flags, seq=seq, ack=ack, window=502,
            options=list(options), **kw)


def dnsq(qname, qtype="A", **kw):
    return DNS(id=0x1234, rd=1, qd=DNSQR(qname=qname, qtype=qtype), **kw)


pkts = []

# ARP
pkts += [
    eth(ARP(op=1, hwsrc=MA, psrc=A4, pdst=B4), dst="ff:ff:ff:ff:ff:ff"),
    eth(ARP(op=2, hwsrc=MB, psrc=B4, hwdst=MA, pdst=A4)),
    eth(ARP(op=1, hwsrc=MA, psrc=A4, hwdst=MB, pdst=B4)),
    eth(ARP(op=3, hwsrc=MA, hwdst=MA)),
    eth(ARP(op=4, hwsrc=MB, psrc=B4, hwdst=MA, pdst=A4)),
    eth(ARP(op=1, ptype=0x86dd, plen=16, hwsrc=MA, psrc=A6, pdst=B6)),
]
# VLAN and QinQ
pkts += [
    Ether(src=MA, dst=MB) / Dot1Q(vlan=100, prio=3) / IP(src=A4, dst=B4) / ICMP(id=7, seq=1),
    Ether(src=MA, dst=MB) / Dot1AD(vlan=10) / Dot1Q(vlan=20, id=1) / IP(src=A4, dst=B4) /
    UDP(sport=1234, dport=9999) / Raw(b"x" * 10),
    Ether(src=MA, dst=MB) / Dot1Q(vlan=5) / ARP(op=1, hwsrc=MA, psrc=A4, pdst=B4),
]
# IPv4 options, fragments, truncation
pkts += [
    eth(IP(src=A4, dst=B4, options=[IPOption_RR(routers=[C4, "0.0.0.0"]), IPOption_NOP(),
                                    IPOption_Router_Alert()]) / UDP(sport=5000, dport=5001) /
        Raw(b"opts")),
    eth(IP(src=A4, dst=B4, id=77, flags="MF", frag=0) / UDP(sport=5000, dport=5001, len=1008) /
        Raw(b"a" * 64)),
    eth(IP(src=A4, dst=B4, id=77, flags="MF", frag=8, proto=17) / Raw(b"b" * 64)),
    eth(IP(src=A4, dst=B4, id=77, frag=16, proto=6) / Raw(b"c" * 20)),
    eth(IP(src=A4, dst=B4, flags="DF") / TCP(sport=40000, dport=80, flags="S")),
    eth(IP(src=A4, dst=B4, proto=253) / Raw(b"unknown")),
    eth(IP(src=A4, dst=B4, proto=59) / Raw(b"")),
    eth(IP(src=A4, dst=B4) / IP(src=C4, dst="203.0.113.9") / ICMP()),
    eth(IP(src=A4, dst=B4) / IPv6(src=A6, dst=B6) / UDP(sport=1, dport=2)),
    eth(IP(src=A4, dst="224.0.0.22") / IGMP(type=0x16, gaddr="239.1.2.3")),
    eth(IP(src=A4, dst="224.0.0.1") / IGMP(type=0x11, mrcode=100, gaddr="0.0.0.0")),
    eth(IP(src=A4, dst="224.0.0.2") / IGMP(type=0x17, gaddr="239.1.2.3")),
    eth(IP(src=A4, dst="224.0.0.22") / IGMPv3(type=0x22) / IGMPv3mr(records=[
        IGMPv3gr(rtype=4, maddr="239.1.2.3")])),
    eth(IP(src=A4, dst="224.0.0.1") / IGMPv3(type=0x11, mrcode=20) / IGMPv3mq(gaddr="239.9.9.9")),
]
# ICMP
oq = IP(src=B4, dst=C4) / UDP(sport=33434, dport=33435)
oqt = IP(src=B4, dst=C4) / TCP(sport=44444, dport=22)
pkts += [
    eth(IP(src=A4, dst=B4) / ICMP(type=8, id=9, seq=3) / Raw(b"p" * 56)),
    eth(IP(src=B4, dst=A4) / ICMP(type=0, id=9, seq=3) / Raw(b"p" * 56)),
    eth(IP(src=A4, dst=B4) / ICMP(type=3, code=3) / oq),
    eth(IP(src=A4, dst=B4) / ICMP(type=3, code=3) / oqt),
    eth(IP(src=A4, dst=B4) / ICMP(type=3, code=1) / oq),
    eth(IP(src=A4, dst=B4) / ICMP(type=3, code=0) / oq),
    eth(IP(src=A4, dst=B4) / ICMP(type=3, code=2) / oq),
    eth(IP(src=A4, dst=B4) / ICMP(type=3, code=4, nexthopmtu=1400) / oq),
    eth(IP(src=A4, dst=B4) / ICMP(type=3, code=4) / oq),
    eth(IP(src=A4, dst=B4) / ICMP(type=3, code=13) / oq),
    eth(IP(src=A4, dst=B4) / ICMP(type=3, code=10) / oq),
    eth(IP(src=A4, dst=B4) / ICMP(type=3, code=99) / oq),
    eth(IP(src=A4, dst=B4) / ICMP(type=11, code=0) / oq),
    eth(IP(src=A4, dst=B4) / ICMP(type=11, code=1) / oq),
    eth(IP(src=A4, dst=B4) / ICMP(type=5, code=1, gw="192.0.2.254") / oq),
    eth(IP(src=A4, dst=B4) / ICMP(type=5, code=0, gw="192.0.2.254") / oq),
    eth(IP(src=A4, dst=B4) / ICMP(type=5, code=9, gw="192.0.2.254") / oq),
    eth(IP(src=A4, dst=B4) / ICMP(type=12, code=0, ptr=20) / oq),
    eth(IP(src=A4, dst=B4) / ICMP(type=12, code=1) / oq),
    # Fixed times: scapy's default is the current time, which made the file change per run.
    eth(IP(src=A4, dst=B4) / ICMP(type=13, id=1, seq=2, ts_ori=53283118, ts_rx=53283118,
                                  ts_tx=53283118)),
    eth(IP(src=A4, dst=B4) / ICMP(type=14, id=1, seq=2, ts_ori=3723004, ts_rx=3723005,
                                  ts_tx=3723006)),
    eth(IP(src=A4, dst=B4) / ICMP(type=4) / oq),
    eth(IP(src=A4, dst=B4) / ICMP(type=10)),
    eth(IP(src=A4, dst=B4) / ICMP(type=17)),
    eth(IP(src=A4, dst=B4) / ICMP(type=18, addr_mask="255.255.255.0")),
    eth(IP(src=A4, dst=B4) / ICMP(type=42)),
    eth(IP(src=A4, dst=B4) / ICMP(type=9) / Raw(bytes([2, 2, 7, 8]) + bytes([192, 0, 2, 1, 0, 0, 0, 5]) +
                                               bytes([192, 0, 2, 9, 0, 0, 0, 1]))),
]
# IPv6 extension headers and ICMPv6
pkts += [
    eth(IPv6(src=A6, dst=B6) / ICMPv6EchoRequest(id=5, seq=1) / Raw(b"q" * 8)),
    eth(IPv6(src=B6, dst=A6) / ICMPv6EchoReply(id=5, seq=1) / Raw(b"q" * 8)),
    eth(IPv6(src="fe80::1", dst="ff02::2") / ICMPv6ND_RS()),
    eth(IPv6(src="fe80::1", dst="ff02::1") / ICMPv6ND_RA() / ICMPv6NDOptSrcLLAddr(lladdr=MA)),
    eth(IPv6(src=A6, dst="ff02::1:ff00:2") / ICMPv6ND_NS(tgt=B6) / ICMPv6NDOptSrcLLAddr(lladdr=MA)),
    eth(IPv6(src=B6, dst=A6) / ICMPv6ND_NA(tgt=B6, R=0, S=1)),
    eth(IPv6(src="fe80::1", dst=A6) / ICMPv6ND_Redirect(tgt="fe80::2", dst=B6)),
    eth(IPv6(src="fe80::1", dst="ff02::1", hlim=1) / IPv6ExtHdrHopByHop(options=[RouterAlert()]) /
        ICMPv6MLQuery()),
    eth(IPv6(src="fe80::1", dst="ff02::1", hlim=1) / IPv6ExtHdrHopByHop(options=[RouterAlert()]) /
        ICMPv6MLQuery2()),
    eth(IPv6(src="fe80::1", dst="ff02::fb", hlim=1) / IPv6ExtHdrHopByHop(options=[RouterAlert()]) /
        ICMPv6MLReport(mladdr="ff02::fb")),
    eth(IPv6(src="fe80::1", dst="ff02::2", hlim=1) / IPv6ExtHdrHopByHop(options=[RouterAlert()]) /
        ICMPv6MLDone(mladdr="ff02::fb")),
    eth(IPv6(src="fe80::1", dst="ff02::16", hlim=1) / IPv6ExtHdrHopByHop(options=[RouterAlert()]) /
        ICMPv6MLReport2(records=[ICMPv6MLDMultAddrRec(dst="ff02::fb")])),
    eth(IPv6(src=A6, dst=B6) / ICMPv6DestUnreach(code=4) / IPv6(src=B6, dst=A6) / UDP(sport=9, dport=53)),
    eth(IPv6(src=A6, dst=B6) / ICMPv6DestUnreach(code=4) / IPv6(src=B6, dst=A6) / TCP(sport=9, dport=443)),
    eth(IPv6(src=A6, dst=B6) / ICMPv6DestUnreach(code=3) / IPv6(src=B6, dst=A6) / UDP()),
    eth(IPv6(src=A6, dst=B6) / ICMPv6DestUnreach(code=1) / IPv6(src=B6, dst=A6) / UDP()),
    eth(IPv6(src=A6, dst=B6) / ICMPv6DestUnreach(code=2) / IPv6(src=B6, dst=A6) / UDP()),
    eth(IPv6(src=A6, dst=B6) / ICMPv6PacketTooBig(mtu=1280) / IPv6(src=B6, dst=A6) / UDP()),
    eth(IPv6(src=A6, dst=B6) / ICMPv6TimeExceeded(code=0) / IPv6(src=B6, dst=A6) / UDP()),
    eth(IPv6(src=A6, dst=B6) / ICMPv6TimeExceeded(code=1) / IPv6(src=B6, dst=A6) / UDP()),
    eth(IPv6(src=A6, dst=B6) / ICMPv6ParamProblem(code=1, ptr=40) / IPv6(src=B6, dst=A6) / UDP()),
    eth(IPv6(src=A6, dst=B6) / IPv6ExtHdrDestOpt(options=[PadN(optdata=b"\0\0\0\0")]) / UDP(sport=7, dport=8)),
    eth(IPv6(src=A6, dst=B6) / IPv6ExtHdrRouting(addresses=["2001:db8::99"], segleft=1) /
        TCP(sport=1, dport=2, flags="S")),
    eth(IPv6(src=A6, dst=B6) / IPv6ExtHdrFragment(id=99, m=1, offset=0) / UDP(sport=7, dport=8) / Raw(b"f" * 32)),
    eth(IPv6(src=A6, dst=B6) / IPv6ExtHdrFragment(id=99, m=0, offset=5, nh=17) / Raw(b"g" * 32)),
    eth(IPv6(src=A6, dst=B6, nh=59)),
    eth(IPv6(src="::ffff:192.0.2.1", dst="::192.0.2.2") / UDP(sport=1, dport=2)),
    eth(IPv6(src=A6, dst=B6) / Raw(bytes([250, 0, 0, 0, 0, 0, 0, 0]))),
]
# TCP
opts_syn = [("MSS", 1460), ("SAckOK", b""), ("Timestamp", (123456, 0)), ("NOP", None), ("WScale", 7)]
pkts += [
    eth(IP(src=A4, dst=B4) / tcp(41000, 8080, "S", seq=1000, options=opts_syn)),
    eth(IP(src=B4, dst=A4) / tcp(8080, 41000, "SA", seq=5000, ack=1001, options=opts_syn)),
    eth(IP(src=A4, dst=B4) / tcp(41000, 8080, "A", seq=1001, ack=5001,
                                 options=[("NOP", None), ("NOP", None), ("Timestamp", (123457, 99))])),
    eth(IP(src=A4, dst=B4) / tcp(41000, 8080, "PA", seq=1001, ack=5001,
                                 payload=b"GET /index.html HTTP/1.1\r\nHost: x\r\n\r\n")),
    eth(IP(src=B4, dst=A4) / tcp(8080, 41000, "PA", seq=5001, ack=1038,
                                 payload=b"HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc")),
    eth(IP(src=B4, dst=A4) / tcp(8080, 41000, "PA", seq=5100, ack=1038, payload=b"more body bytes")),
    eth(IP(src=B4, dst=A4) / tcp(8080, 41000, "PA", seq=5200, ack=1038, payload=b"POST /x HTTP/1.0")),
    eth(IP(src=A4, dst=B4) / tcp(41000, 8080, "A", seq=1038, ack=5300,
                                 options=[("NOP", None), ("NOP", None), ("SAck", (5400, 5500, 5600, 5700))])),
    eth(IP(src=A4, dst=B4) / tcp(41000, 8080, "FA", seq=1038, ack=5300)),
    eth(IP(src=A4, dst=B4) / tcp(41000, 8080, "R", seq=1039)),
    eth(IP(src=A4, dst=B4) / tcp(41000, 8080, "RA", seq=1039, ack=5300)),
    eth(IP(src=A4, dst=B4) / tcp(41001, 9000, "SEC", seq=7, options=[("MSS", 1400)])),
    eth(IP(src=A4, dst=B4) / tcp(41001, 9000, "UA", seq=7, ack=9, urgptr=5, payload=b"urgent")),
    eth(IP(src=A4, dst=B4) / tcp(41001, 9000, "", seq=7)),
    eth(IP(src=A4, dst=B4) / tcp(41002, 179, "S", options=[(19, b"0123456789abcdef"), ("EOL", None)])),
    eth(IP(src=A4, dst=B4) / tcp(41003, 9000, "S", options=[(28, b"\x80\x05"), (34, b""), (99, b"\x01\x02")])),
    eth(IP(src=A4, dst=B4) / tcp(41003, 9000, "S", options=[(34, b"\x01\x02\x03\x04\x05\x06\x07\x08")])),
    eth(IP(src=A4, dst=B4) / tcp(41003, 9000, "S", options=[(254, b"\xf9\x89")])),
    eth(IP(src=A4, dst=B4) / tcp(41003, 9000, "S", options=[(2, b"\x05")])),
    eth(IP(src=A4, dst=B4) / tcp(41012, 9000, "S", options=[(30, b"\x01\x81")])),
    eth(IP(src=A4, dst=B4) / tcp(41012, 9000, "S", options=[(30, b"\x00\x81" + bytes(range(8)))])),
    eth(IP(src=A4, dst=B4) / tcp(41012, 9000, "A", ack=5, options=[(30, b"\x20\x05" + bytes(range(4)) + bytes(range(8)) + b"\x00\x10")])),
    eth(IP(src=A4, dst=B4) / tcp(41012, 9000, "A", ack=5, options=[(30, b"\x30\x01\xc0\x00\x02\x09\x1f\x90")])),
    eth(IP(src=A4, dst=B4) / tcp(41012, 9000, "A", ack=5, options=[(30, b"\x40\x01\x02")])),
    eth(IP(src=A4, dst=B4) / tcp(41012, 9000, "A", ack=5, options=[(30, b"\x70\x00" + bytes(range(8)))])),
    eth(IP(src=A4, dst=B4) / tcp(41012, 9000, "S", options=[(30, b"\x20")])),
    eth(IP(src=A4, dst=B4) / TCP(sport=41004, dport=22, flags="PA", seq=1, ack=1) /
        Raw(b"SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n")),
    eth(IP(src=A4, dst=B4) / TCP(sport=41005, dport=21, flags="PA", seq=1, ack=1) / Raw(b"USER anonymous\r\n")),
    eth(IP(src=B4, dst=A4) / TCP(sport=25, dport=41006, flags="PA", seq=1, ack=1) / Raw(b"220 mail ESMTP\r\n")),
    eth(IP(src=A4, dst=B4) / TCP(sport=41007, dport=80, flags="PA", seq=1, ack=1) / Raw(b"GET / HTTP/1.1")),
    eth(IP(src=A4, dst=B4, len=40) / TCP(sport=41008, dport=80, flags="A", dataofs=15)),
    eth(IP(src=A4, dst=B4) / TCP(sport=41009, dport=80, flags="A", dataofs=3)),
    eth(IPv6(src=A6, dst=B6) / tcp(41010, 443, "S", seq=1, options=opts_syn)),
    eth(IPv6(src=B6, dst=A6) / tcp(443, 41010, "SA", seq=2, ack=2, options=opts_syn)),
    eth(IPv6(src=A6, dst=B6) / tcp(41010, 443, "PA", seq=2, ack=3, payload=b"\x16\x03\x01")),
    eth(IP(src=A4, dst=B4) / TCP(sport=41011, dport=53, flags="PA", seq=1, ack=1) /
        Raw(struct.pack("!H", len(bytes(dnsq("tcp.example.test.")))) + bytes(dnsq("tcp.example.test.")))),
    eth(IP(src=A4, dst=B4) / TCP(sport=41011, dport=53, flags="PA", seq=1, ack=1) / Raw(b"\x00\x05abc")),
]
# DNS and mDNS
ans = DNSRR(rrname="www.example.test.", type="CNAME", rdata="web.example.test.", ttl=60) / \
    DNSRR(rrname="web.example.test.", type="A", rdata="192.0.2.80", ttl=60) / \
    DNSRR(rrname="web.example.test.", type="AAAA", rdata="2001:db8::80", ttl=60)
pkts += [
    eth(IP(src=A4, dst=B4) / UDP(sport=53000, dport=53) / dnsq("www.example.test.")),
    eth(IP(src=B4, dst=A4) / UDP(sport=53, dport=53000) /
        DNS(id=0x1234, qr=1, rd=1, ra=1, aa=1, qd=DNSQR(qname="www.example.test."), an=ans)),
    eth(IP(src=A4, dst=B4) / UDP(sport=53000, dport=53) / dnsq("example.test.", "MX")),
    eth(IP(src=B4, dst=A4) / UDP(sport=53, dport=53000) /
        DNS(id=0x1234, qr=1, qd=DNSQR(qname="example.test.", qtype="MX"),
            an=DNSRR(rrname="example.test.", type="MX", rdata=b"\x00\x0a\x04mail\xc0\x0c"))),
    eth(IP(src=B4, dst=A4) / UDP(sport=53, dport=53000) /
        DNS(id=7, qr=1, ra=1, rcode=3, qd=DNSQR(qname="nx.example.test."),
            ns=DNSRR(rrname="example.test.", type="SOA", rdata=b"\x00\x00" + b"\x00" * 20))),
    eth(IP(src=B4, dst=A4) / UDP(sport=53, dport=53000) /
        DNS(id=8, qr=1, ra=1, qd=DNSQR(qname="t.example.test.", qtype="TXT"),
            an=DNSRR(rrname="t.example.test.", type="TXT", rdata=["hello world", "v=1"]))),
    eth(IP(src=B4, dst=A4) / UDP(sport=53, dport=53000) /
        DNS(id=9, qr=1, ra=1, qd=DNSQR(qname="_http._tcp.example.test.", qtype="SRV"),
            an=DNSRR(rrname="_http._tcp.example.test.", type="SRV",
                     rdata=b"\x00\x01\x00\x02\x00\x50\x03web\x07example\x04test\x00"))),
    eth(IP(src=B4, dst=A4) / UDP(sport=53, dport=53000) /
        DNS(id=10, qr=1, ra=1, qd=DNSQR(qname="2.0.192.in-addr.arpa.", qtype="PTR"),
            an=DNSRR(rrname="2.0.192.in-addr.arpa.", type="PTR", rdata="host.example.test."))),
    eth(IP(src=A4, dst=B4) / UDP(sport=53001, dport=53) /
        DNS(id=11, rd=1, qd=DNSQR(qname="e.example.test."),
            ar=DNSRROPT(rclass=1232, rdata=b"\x00\x0a\x00\x08\x01\x02\x03\x04\x05\x06\x07\x08"))),
    eth(IP(src=A4, dst=B4) / UDP(sport=53001, dport=53) /
        DNS(id=12, rd=1, cd=1, qd=DNSQR(qname="c.example.test.", qclass=3),
            ar=DNSRROPT(rclass=4096, z=0x8000, rdata=b"\x00\x08\x00\x07\x00\x01\x18\x00\xc0\x00\x02"))),
    eth(IP(src=A4, dst=B4) / UDP(sport=53002, dport=53) /
        DNS(id=13, qd=[DNSQR(qname="a.test."), DNSQR(qname="b.test.", qtype="AAAA")])),
    eth(IP(src=A4, dst=B4) / UDP(sport=53003, dport=53) / Raw(b"\x00\x01\x02")),
    eth(IP(src=A4, dst=B4) / UDP(sport=53003, dport=53) / Raw(bytes(dnsq("cut.example.test."))[:20])),
    eth(IP(src=A4, dst="224.0.0.251") / UDP(sport=5353, dport=5353) /
        DNS(id=0, qd=DNSQR(qname="_services._dns-sd._udp.local.", qtype="PTR", unicastresponse=1))),
    eth(IP(src=A4, dst="224.0.0.251") / UDP(sport=5353, dport=5353) /
        DNS(id=0, qr=1, aa=1, an=DNSRR(rrname="host.local.", type="A", rdata="192.0.2.1",
                                       cacheflush=1))),
]
# UDP, VXLAN, Geneve, GRE
inner = Ether(src="02:00:00:00:01:01", dst="02:00:00:00:01:02") / IP(src="203.0.113.1", dst="203.0.113.2") / ICMP(id=1, seq=1)
pkts += [
    eth(IP(src=A4, dst=B4) / UDP(sport=40000, dport=9999) / Raw(b"data")),
    eth(IP(src=A4, dst=B4) / UDP(sport=40000, dport=9999, len=200) / Raw(b"data")),
    eth(IP(src=A4, dst=B4) / UDP(sport=40000, dport=9999, len=4) / Raw(b"data")),
    eth(IP(src=A4, dst=B4) / UDP(sport=40001, dport=4789) / VXLAN(vni=42) / inner),
    eth(IP(src=A4, dst=B4) / UDP(sport=40001, dport=4789) / VXLAN(vni=43) /
        Ether(src=MA, dst=MB) / ARP(op=1, hwsrc=MA, psrc="203.0.113.1", pdst="203.0.113.2")),
    eth(IP(src=A4, dst=B4) / UDP(sport=40001, dport=8472) / VXLAN(vni=1) / inner),
    eth(IP(src=A4, dst=B4) / UDP(sport=40001, dport=8472) / Raw(b"\x00\x00")),
    eth(IP(src=A4, dst=B4) / UDP(sport=40002, dport=6081) /
        Raw(bytes([0, 0, 0x65, 0x58, 0, 0, 7, 0])) / inner),
    eth(IP(src=A4, dst=B4) / UDP(sport=40002, dport=6081) /
        Raw(bytes([2, 0x40, 0x08, 0x00, 0, 1, 0, 0]) + bytes([1, 0, 1, 1, 0, 0, 0, 0])) /
        IP(src="203.0.113.1", dst="203.0.113.2") / UDP(sport=1, dport=2)),
    eth(IP(src=A4, dst=B4) / GRE(key_present=1, key=0x1234, seqnum_present=1, seqence_number=9) /
        IP(src="203.0.113.1", dst="203.0.113.2") / ICMP()),
    eth(IP(src=A4, dst=B4) / GRE(proto=0x6558) / inner),
    eth(IP(src=A4, dst=B4) / GRE(proto=0x86dd) / IPv6(src=A6, dst=B6) / ICMPv6EchoRequest()),
    eth(IP(src=A4, dst=B4) / GRE(proto=0x1234) / Raw(b"zz")),
    eth(IP(src=A4, dst=B4) / Raw(bytes([0x20, 0x01, 0x88, 0x0b, 0, 0, 0, 5]))),  # GREv1, no payload
    eth(IP(src=A4, dst=B4, proto=47) / Raw(bytes([0x00, 0x03]))),  # GRE unknown version
]
# syslog, NTP, DHCP, DHCPv6
pkts += [
    eth(IP(src=A4, dst=B4) / UDP(sport=40514, dport=514) / Raw(b"<34>Oct 11 22:14:15 host su: 'su root' failed")),
    eth(IP(src=A4, dst=B4) / UDP(sport=40514, dport=514) / Raw(b"<191>x")),
    eth(IP(src=A4, dst=B4) / UDP(sport=40514, dport=514) / Raw(b"no priority")),
    eth(IP(src=A4, dst=B4) / UDP(sport=40123, dport=123) / Raw(bytes([0x23]) + bytes(47))),
    eth(IP(src=B4, dst=A4) / UDP(sport=123, dport=40123) / Raw(bytes([0x24]) + bytes(47))),
    eth(IP(src="0.0.0.0", dst="255.255.255.255") / UDP(sport=68, dport=67) /
        Raw(bytes([1, 1, 6, 0]) + bytes(24) + bytes.fromhex("02000000000a") + bytes(202))),
    eth(IP(src=B4, dst=A4) / UDP(sport=67, dport=68) / Raw(bytes([2, 1, 6, 0]) + bytes(236))),
    eth(IPv6(src="fe80::1", dst="ff02::1:2") / UDP(sport=546, dport=547) / Raw(bytes([1, 0, 0, 7]))),
    eth(IPv6(src="fe80::2", dst="fe80::1") / UDP(sport=547, dport=546) / Raw(bytes([7, 0, 0, 7]))),
]
# IPsec: ESP, AH (then the next header), ESP in UDP 4500, NAT keep-alive
pkts += [
    eth(IP(src=A4, dst=B4, proto=50) / Raw(bytes.fromhex("00001234000000070102030405060708"))),
    eth(IPv6(src=A6, dst=B6, nh=50) / Raw(bytes.fromhex("0000abcd00000001aabbccdd"))),
    eth(IP(src=A4, dst=B4, proto=51) / Raw(bytes([1, 4, 0, 0]) + bytes.fromhex("00000100000000130102030405060708090a0b0c")) /
        ICMP(type=8, id=1, seq=1)),
    eth(IP(src=A4, dst=B4) / UDP(sport=4500, dport=4500) / Raw(bytes.fromhex("12345678000000010000000000000000"))),
    eth(IP(src=A4, dst=B4) / UDP(sport=4500, dport=4500) / Raw(b"\xff")),
]
# Odd link-layer frames
pkts += [
    Ether(src=MA, dst=MB, type=0x88b5) / Raw(bytes(range(40))),
    Ether(src=MA, dst=MB, type=0x86dd) / Raw(bytes([0x45] + [0] * 39)),
    Ether(src=MA, dst=MB, type=0x0800) / Raw(bytes([0x60] + [0] * 39)),
]

# Truncated copies (snaplen) of a sample of the above: every layer's "[|proto]".
trunc = []
for p in [pkts[0], pkts[6], pkts[9], pkts[40], pkts[60], pkts[70], pkts[75], pkts[95]]:
    raw = bytes(p)
    for cut in (10, 16, 20, 30, 38, 42, 50, 60, 70):
        if cut < len(raw):
            t = Raw(raw[:cut])
            t.wirelen = len(raw)
            trunc.append(t)
pkts += trunc

# What only -v/-vv/-vvv print (appended so the packets above keep their timestamps): DHCP
# options, IP timestamp and source-route options, an ICMP error with RFC 4884 MPLS
# extensions, IPv6 destination options, a TCP RST with text, DNS authority/additional
# sections and TTLs, an IGMPv3 report with sources, wrong checksums.
dhcp_opts = (bytes([99, 130, 83, 99]) +
             bytes([53, 1, 1]) +                               # DHCP-Message Discover
             bytes([61, 7, 1]) + bytes.fromhex("02000000000a") +  # Client-ID ether
             bytes([50, 4, 192, 0, 2, 10]) +                   # Requested-IP
             bytes([12, 4]) + b"pod1" +                        # Hostname
             bytes([55, 6, 1, 3, 6, 15, 119, 252]) +           # Parameter-Request
             bytes([57, 2, 5, 220]) +                          # MSZ
             bytes([81, 7, 0x01, 0, 0]) + b"pod" + bytes([0]) +  # FQDN
             bytes([121, 8, 24, 198, 51, 100, 192, 0, 2, 1]) +  # classless static route
             bytes([82, 6, 1, 4]) + b"eth0" +                   # relay agent circuit id
             bytes([0, 0, 255]))
dhcp_offer = (bytes([99, 130, 83, 99]) + bytes([53, 1, 2, 54, 4, 192, 0, 2, 254,
                                                51, 4, 0, 0, 14, 16, 1, 4, 255, 255, 255, 0,
                                                3, 4, 192, 0, 2, 254, 6, 8, 192, 0, 2, 53,
                                                198, 51, 100, 53, 15, 4]) + b"test" +
              bytes([255]))
bootp_hdr = lambda op, yi: (bytes([op, 1, 6, 0]) + bytes.fromhex("3903f326") + bytes([0, 3, 0x80, 0]) +
                            bytes(4) + bytes(yi) + bytes(8) + bytes.fromhex("02000000000a") + bytes(10) +
                            b"boot-server" + bytes(53) + b"pxelinux.0" + bytes(118))
mpls_ext = bytes([0x20, 0, 0, 0]) + bytes([0, 8, 1, 1]) + struct.pack(">I", (16001 << 12) | (1 << 8) | 255)
verbose = [
    eth(IP(src="0.0.0.0", dst="255.255.255.255") / UDP(sport=68, dport=67) /
        Raw(bootp_hdr(1, [0, 0, 0, 0]) + dhcp_opts)),
    eth(IP(src=B4, dst="192.0.2.10") / UDP(sport=67, dport=68) /
        Raw(bootp_hdr(2, [192, 0, 2, 10]) + dhcp_offer)),
    eth(IP(src=A4, dst=B4, options=[IPOption_RR(routers=["198.51.100.1"], pointer=8)]) / ICMP()),
    eth(IP(src=A4, dst=B4, options=[Raw(bytes([68, 12, 5, 0]) + struct.pack(">II", 1, 2))]) / ICMP()),
    eth(IP(src=A4, dst=B4, options=[Raw(bytes([68, 12, 13, 1]) + bytes([198, 51, 100, 1]) + struct.pack(">I", 7))]) / ICMP()),
    eth(IP(src=A4, dst=B4, options=[Raw(bytes([131, 7, 4, 198, 51, 100, 9, 0]))]) / UDP(sport=40000, dport=40001) / Raw(b"lsrr")),
    eth(IP(src=A4, dst=B4, tos=0x03, ttl=0, flags="MF+evil") / UDP(sport=40000, dport=40001) / Raw(b"x")),
    eth(IP(src=A4, dst=B4, chksum=0x1234) / ICMP()),
    # (the extension's checksum is left zero: "(incorrect)")
    eth(IP(src=A4, dst=B4) / ICMP(type=11, code=0, length=32) / Raw(bytes(oq)[:128].ljust(128, b"\0") + mpls_ext)),
    eth(IPv6(src=A6, dst=B6, fl=0x12345, tc=0xb8) / IPv6ExtHdrDestOpt(options=[PadN(optdata=b"\0\0\0\0")]) / UDP(sport=40000, dport=40001) / Raw(b"dst")),
    eth(IP(src=A4, dst=B4) / tcp(41000, 8080, "R", seq=7, payload=b"connection refused by the pod firewall")),
    eth(IP(src=A4, dst=B4) / tcp(41000, 8080, "PA", seq=7, ack=9, payload=b"GET / HTTP/1.1\r\nHost: web\r\n\r\n", chksum=0x0bad)),
    eth(IP(src=B4, dst=A4) / UDP(sport=53, dport=53000) /
        DNS(id=77, qr=1, aa=1, qd=DNSQR(qname="web.example.test"),
            an=DNSRR(rrname="web.example.test", type="A", ttl=3600, rdata="192.0.2.80"),
            ns=DNSRR(rrname="example.test", type="NS", ttl=86400, rdata="ns.example.test"),
            ar=DNSRR(rrname="ns.example.test", type="A", ttl=90061, rdata="192.0.2.53"))),
    eth(IP(src=A4, dst=B4) / UDP(sport=40000, dport=53, chksum=0x0bad) / DNS(id=78, rd=1, qd=DNSQR(qname="bad.example.test"))),
    eth(IP(src=A4, dst="224.0.0.22", options=[IPOption_Router_Alert()]) /
        IGMPv3() / IGMPv3mr(records=[IGMPv3gr(rtype=1, maddr="239.1.2.3", srcaddrs=["192.0.2.7", "192.0.2.8"])])),
    eth(IPv6(src="fe80::1", dst="ff02::1:2") / UDP(sport=546, dport=547) / Raw(
        bytes([1, 0x12, 0x34, 0x56]) +
        struct.pack(">HHHHI", 1, 14, 1, 1, 0x2d2d2d2d) + bytes.fromhex("02000000000a") +  # client-ID
        struct.pack(">HHIII", 3, 40, 7, 3600, 5400) +                                      # IA_NA
        struct.pack(">HH", 5, 24) + bytes.fromhex("20010db8000000000000000000000007") + struct.pack(">II", 7200, 7500) +
        struct.pack(">HHHHH", 6, 6, 23, 24, 56) +                                          # ORO
        struct.pack(">HHH", 8, 2, 0) +                                                     # elapsed-time
        struct.pack(">HH", 23, 16) + bytes.fromhex("20010db8000000000000000000000053") +  # DNS-server
        struct.pack(">HH", 24, 14) + b"\x07example\x04test\x00" +                        # search list
        struct.pack(">HHH", 13, 4, 2) + b"no")),                                          # status-code
    eth(IPv6(src="fe80::1", dst="ff02::1", hlim=255) / ICMPv6ND_RA(routerlifetime=1800, M=1, O=1, prf=1) /
        ICMPv6NDOptSrcLLAddr(lladdr=MA) / Raw(bytes([3, 4, 64, 0xc0]) + struct.pack(">II", 0xffffffff, 604800) + bytes(4) +
                                               bytes.fromhex("20010db8000100000000000000000000") +
                                               bytes([5, 1, 0, 0]) + struct.pack(">I", 1500) +
                                               bytes([25, 3, 0, 0]) + struct.pack(">I", 600) + bytes.fromhex("20010db8000000000000000000000053"))),
]
pkts += verbose

for i, p in enumerate(pkts):
    p.time = T0 + i * 0.37
write(f"{out}/eth.pcap", 1, pkts)


def cooked(v2, proto, pkttype, payload, ifindex=1, halen=6, addr=bytes.fromhex("02000000000a")):
    if v2:
        h = struct.pack("!HHIHBB", proto, 0, ifindex, 1, pkttype, halen) + addr.ljust(8, b"\0")
    else:
        h = struct.pack("!HHH", pkttype, 1, halen) + addr.ljust(8, b"\0") + struct.pack("!H", proto)
    return Raw(h + bytes(payload))


l3 = [
    (0x0800, IP(src=A4, dst=B4) / ICMP(id=3, seq=4)),
    (0x86dd, IPv6(src=A6, dst=B6) / UDP(sport=5, dport=53) / dnsq("sll.example.test.")),
    (0x0806, ARP(op=1, hwsrc=MA, psrc=A4, pdst=B4)),
    (0x8100, Dot1Q(vlan=7) / IP(src=A4, dst=B4) / UDP(sport=1, dport=2)),
    (0x88b5, Raw(b"local-experimental")),
]
for v2, name in ((False, "sll"), (True, "sll2")):
    cp = []
    for k, (proto, payload) in enumerate(l3):
        for pkttype in (0, 4, 1, 2, 3, 7):
            cp.append(cooked(v2, proto, pkttype, payload, ifindex=1 if k % 2 else 999999))
    cp.append(Raw(b"\x08\x00\x00"))  # shorter than the cooked header
    for i, p in enumerate(cp):
        p.time = T0 + 3600 * 24 * 200 + i * 1.5
    write(f"{out}/{name}.pcap", 276 if v2 else 113, cp)

raw = [IP(src=A4, dst=B4) / ICMP(), IPv6(src=A6, dst=B6) / ICMPv6EchoRequest(),
       IP(src=A4, dst=B4) / TCP(sport=1, dport=80, flags="S"), Raw(b"\x50\x00"), Raw(b"")]
for i, p in enumerate(raw):
    p.time = T0 + i
write(f"{out}/raw.pcap", 101, raw)
for name, lt, order in (("null", 0, "<I"), ("loop", 108, "!I")):
    fr = [Raw(struct.pack(order, 2) + bytes(IP(src=A4, dst=B4) / UDP(sport=1, dport=53) / dnsq("lo.test."))),
          Raw(struct.pack(order, 24) + bytes(IPv6(src=A6, dst=B6) / ICMPv6EchoRequest())),
          Raw(struct.pack(order, 30) + bytes(IPv6(src=A6, dst=B6) / ICMPv6EchoReply())),
          Raw(struct.pack(order, 99) + b"other"),
          Raw(struct.pack("!I", 2) + bytes(IP(src=A4, dst=B4) / ICMP()))]
    for i, p in enumerate(fr):
        p.time = T0 + i
    write(f"{out}/{name}.pcap", lt, fr)
