#!/usr/bin/python3
"""Refresh the generated sanity blocks of tests/data/lab/MANIFEST.md from the captures.

For every scenario folder it writes, between <!-- sanity:NAME --> and
<!-- /sanity:NAME -->: each pcap's size and frame count, the number of tshark
expert warnings/errors with IP/UDP/TCP checksum validation on, packet counts per
direction (per 5-tuple) and tshark's RTP stream table (heuristic RTP on).
Usage: summarize.py [tests/data/lab]
"""
import collections
import os
import re
import subprocess
import sys

root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "data", "lab")
root = os.path.abspath(root)
RTP = ["-o", "rtp.heuristic_rtp:TRUE"]


def tshark(*args):
    return subprocess.run(["tshark", *args], capture_output=True, text=True).stdout


def summary(dirpath):
    out = []
    for name in sorted(f for f in os.listdir(dirpath) if f.endswith(".pcap")):
        f = os.path.join(dirpath, name)
        frames = tshark("-r", f, "-T", "fields", "-e", "frame.number").split()
        warn = tshark("-r", f, "-o", "ip.check_checksum:TRUE", "-o", "udp.check_checksum:TRUE",
                      "-o", "tcp.check_checksum:TRUE", *RTP, "-Y", "_ws.expert.severity >= warning")
        nwarn = len([l for l in warn.splitlines() if l.strip()])
        out.append(f"{name}: {os.path.getsize(f)} bytes, {len(frames)} frames, expert warnings/errors: {nwarn}")
        rows = tshark("-r", f, *RTP, "-T", "fields", "-E", "separator=|", "-e", "ip.src", "-e", "ip.dst",
                      "-e", "udp.srcport", "-e", "udp.dstport", "-e", "tcp.srcport", "-e", "tcp.dstport",
                      "-e", "_ws.col.Protocol", "-e", "eth.type")
        flows = collections.Counter()
        for r in rows.splitlines():
            src, dst, us, ud, ts, td, proto, etype = (r.split("|") + [""] * 8)[:8]
            if not src:
                flows[f"  {proto} (non-IP)"] += 1
                continue
            if us:
                key = f"  udp {src}:{us} -> {dst}:{ud}"
            elif ts:
                key = f"  tcp {src}:{ts} -> {dst}:{td}"
            else:
                key = f"  {proto.lower()} {src} -> {dst}"
            flows[key] += 1
        for k in sorted(flows):
            out.append(f"{k}: {flows[k]} pkts")
        rtp = tshark("-r", f, *RTP, "-q", "-z", "rtp,streams")
        lines = [l for l in rtp.splitlines() if re.search(r"\d+\.\d+\.\d+\.\d+", l)]
        if lines:
            out.append("  rtp,streams (start end src sport dst dport SSRC payload pkts lost ...):")
            out.extend("    " + re.sub(r"\s+", " ", l.strip()) for l in lines)
    return "\n".join(out)


man = os.path.join(root, "MANIFEST.md")
text = open(man).read()
for scen in sorted(os.listdir(root)):
    d = os.path.join(root, scen)
    if not os.path.isdir(d):
        continue
    begin, end = f"<!-- sanity:{scen} -->", f"<!-- /sanity:{scen} -->"
    if begin not in text:
        print(f"no sanity block for {scen} in MANIFEST.md", file=sys.stderr)
        continue
    block = f"{begin}\n```\n{summary(d)}\n```\n{end}"
    text = re.sub(re.escape(begin) + r".*?" + re.escape(end), lambda m: block, text, flags=re.S)
open(man, "w").write(text)
print(f"updated {man}")
