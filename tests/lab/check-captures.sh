#!/usr/bin/env bash
# Sanity checks for one scenario folder of lab captures (tshark).
# Usage: check-captures.sh tests/data/lab/<scenario>
set -uo pipefail
dir=$1
RTP=(-o rtp.heuristic_rtp:TRUE)
for f in "$dir"/*.pcap; do
  [[ -f $f ]] || continue
  b=$(basename "$f")
  echo "=== $b ($(stat -c %s "$f") bytes, $(tshark -r "$f" 2>/dev/null | wc -l) frames)"
  echo "--- expert warnings/errors with checksum validation on (should be empty):"
  tshark -r "$f" -o ip.check_checksum:TRUE -o udp.check_checksum:TRUE -o tcp.check_checksum:TRUE "${RTP[@]}" \
    -Y '_ws.expert.severity >= warning' 2>&1 | grep -v 'Running as user' | sed 's/^/    /'
  echo "--- conversations (IPv4):"
  tshark -r "$f" -q -z conv,ip 2>/dev/null | sed -n '/<->/p' | sed 's/^/    /'
  echo "--- UDP/TCP conversations:"
  tshark -r "$f" -q -z conv,udp 2>/dev/null | sed -n '/<->/p' | sed 's/^/    udp /'
  tshark -r "$f" -q -z conv,tcp 2>/dev/null | sed -n '/<->/p' | sed 's/^/    tcp /'
  if tshark -r "$f" -Y sip 2>/dev/null | grep -q .; then
    echo "--- SIP:"
    tshark -r "$f" -Y sip 2>/dev/null | sed 's/^/    /'
    echo "--- SIP address-bearing lines per message (Request/Status line, Via, From, To, Contact, SDP o=/c=/m=):"
    tshark -r "$f" -Y sip -V -O sip,sdp 2>/dev/null \
      | grep -E '^(Frame [0-9]+:|\s+(Request-Line|Status-Line|Via|From|To|Contact|Content-Length|Owner/Creator, Session Id \(o\)|Connection Information \(c\)|Media Description, name and address \(m\)):)' \
      | sed -E 's/^Frame ([0-9]+):.*/  frame \1/; s/^\s+/      /'
  fi
  if tshark -r "$f" "${RTP[@]}" -Y rtp 2>/dev/null | grep -q .; then
    echo "--- RTP streams:"
    tshark -r "$f" "${RTP[@]}" -q -z rtp,streams 2>/dev/null | sed 's/^/    /'
  fi
  if tshark -r "$f" -Y icmp 2>/dev/null | grep -q .; then
    echo "--- ICMP:"
    tshark -r "$f" -Y icmp 2>/dev/null | sed 's/^/    /'
  fi
done
