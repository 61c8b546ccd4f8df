#!/usr/bin/python3
"""Checks on the e2e captures, read through tshark.

  pcapcheck.py rtp PCAP
      RTP packets per direction: "SRC:PORT DST:PORT COUNT" lines.
  pcapcheck.py sip PCAP [--public ADDR] [--private ADDR]
      Every SIP message: Content-Length equals the body's length; with --private, no Via, Contact, From,
      To-less address-bearing line (Via, Contact, From, SDP o=/c=) carries it; with --public, the messages
      that went out from the inside (Via sent-by) carry it in Via, Contact, From and SDP o=/c=.
      Exits 1 with one line per problem.
  pcapcheck.py checksums PCAP
      Frames tshark flags with a bad IP/UDP/TCP/ICMP checksum (exits 1 when any).
"""
import subprocess
import sys
from collections import Counter


def tshark(pcap, *args):
    out = subprocess.run(["tshark", "-r", pcap, *args], capture_output=True, text=True, check=False)
    return [line for line in out.stdout.splitlines() if line.strip()]


def rtp(pcap):
    rows = tshark(pcap, "-o", "rtp.heuristic_rtp:TRUE", "-Y", "rtp", "-T", "fields",
                  "-e", "ip.src", "-e", "udp.srcport", "-e", "ip.dst", "-e", "udp.dstport")
    counts = Counter(tuple(r.split("\t")) for r in rows)
    for (src, sport, dst, dport), n in sorted(counts.items()):
        print(f"{src}:{sport} {dst}:{dport} {n}")
    return 0


def sip_messages(pcap):
    """(frame, payload bytes) of every UDP datagram or TCP segment to or from port 5060 that starts a SIP message."""
    rows = tshark(pcap, "-Y", "(udp.port == 5060 || tcp.port == 5060) && (udp.payload || tcp.payload)", "-T", "fields",
                  "-e", "frame.number", "-e", "udp.payload", "-e", "tcp.payload")
    for row in rows:
        fields = row.split("\t") + ["", ""]
        payload = bytes.fromhex((fields[1] or fields[2]).replace(":", ""))
        first = payload.split(b"\r\n", 1)[0]
        if first.startswith(b"SIP/2.0") or first.endswith(b"SIP/2.0"):
            yield fields[0], payload


ADDRESS_LINES = (b"via:", b"v:", b"contact:", b"m:", b"from:", b"f:", b"o=", b"c=")


def sip(pcap, public, private):
    problems = []
    messages = 0
    carried = Counter()
    for frame, payload in sip_messages(pcap):
        messages += 1
        head, sep, body = payload.partition(b"\r\n\r\n")
        if not sep:
            problems.append(f"frame {frame}: no end of header")
            continue
        lines = head.split(b"\r\n")
        length = [l.split(b":", 1)[1].strip() for l in lines if l.lower().startswith((b"content-length:", b"l:"))]
        if not length:
            problems.append(f"frame {frame}: no Content-Length")
        elif int(length[0]) != len(body):
            problems.append(f"frame {frame}: Content-Length {int(length[0])} but the body has {len(body)} bytes")
        for line in lines + body.split(b"\r\n"):
            lower = line.lower()
            if not lower.startswith(ADDRESS_LINES):
                continue
            name = lower.split(b":", 1)[0] if b":" in lower[:9] else lower[:2]
            if private and private.encode() in line:
                problems.append(f"frame {frame}: {line.decode(errors='replace')} carries the private address {private}")
            if public and public.encode() in line:
                carried[name.decode()] += 1
    if messages == 0:
        problems.append("no SIP message in the capture")
    if public:
        for needed in ("via", "contact", "from", "o=", "c="):
            if carried[needed] == 0:
                problems.append(f"no {needed} line carries {public}")
    print(f"{messages} SIP messages; lines carrying {public}: {dict(carried)}")
    for p in problems:
        print("PROBLEM " + p)
    return 1 if problems else 0


def checksums(pcap):
    rows = tshark(pcap, "-o", "ip.check_checksum:TRUE", "-o", "udp.check_checksum:TRUE", "-o", "tcp.check_checksum:TRUE",
                  "-Y", "ip.checksum.status == 0 || udp.checksum.status == 0 || tcp.checksum.status == 0 || icmp.checksum.status == 0")
    for r in rows:
        print("BAD CHECKSUM " + r)
    return 1 if rows else 0


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    command, pcap = argv[1], argv[2]
    opts = dict(zip(argv[3::2], argv[4::2]))
    if command == "rtp":
        return rtp(pcap)
    if command == "sip":
        return sip(pcap, opts.get("--public"), opts.get("--private"))
    if command == "checksums":
        return checksums(pcap)
    print(__doc__)
    return 2


sys.exit(main(sys.argv))
