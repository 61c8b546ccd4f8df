#!/usr/bin/python3
"""Derive a 'broken ALG' capture from a real one (Alg lab, sip-stun-rewritten).

Usage: rewrite-sdp.py IN.pcap OUT.pcap OLD_ADDR NEW_ADDR

For every SIP INVITE carried in UDP (either port 5060) whose SDP has o=/c= lines
naming OLD_ADDR, replaces OLD_ADDR by NEW_ADDR in those two SDP lines only (as a
broken ALG would), recomputes Content-Length, and lets scapy recompute the IPv4
total length/header checksum and the UDP length/checksum. Every other packet and
every timestamp is copied unchanged. Prints one line per rewritten frame.
"""
import re
import sys

from scapy.all import IP, UDP, Raw, rdpcap, wrpcap  # type: ignore

src, dst, old, new = sys.argv[1:5]
pkts = list(rdpcap(src))
changed = 0
for i, p in enumerate(pkts, 1):
    if IP not in p or UDP not in p or Raw not in p:
        continue
    if 5060 not in (p[UDP].sport, p[UDP].dport):
        continue
    data = bytes(p[Raw].load)
    if not data.startswith(b"INVITE "):
        continue
    head, sep, body = data.partition(b"\r\n\r\n")
    if not sep:
        continue
    lines = body.split(b"\r\n")
    hit = False
    for k, line in enumerate(lines):
        if (line.startswith(b"o=") or line.startswith(b"c=")) and line.endswith(b" " + old.encode()):
            lines[k] = line[: -len(old)] + new.encode()
            hit = True
    if not hit:
        continue
    body = b"\r\n".join(lines)
    head = re.sub(rb"(?im)^(Content-Length:[ \t]*)\d+", lambda m: m.group(1) + str(len(body)).encode(), head)
    p[Raw].load = head + sep + body
    del p[IP].len, p[IP].chksum, p[UDP].len, p[UDP].chksum
    ts = p.time
    pkts[i - 1] = p.__class__(bytes(p))
    pkts[i - 1].time = ts
    changed += 1
    print(f"{src}: frame {i}: INVITE SDP o=/c= {old} -> {new}, Content-Length now {len(body)}")
wrpcap(dst, pkts)
print(f"{dst}: {len(pkts)} frames written, {changed} rewritten")
if not changed:
    sys.exit("no INVITE with that SDP address found")
