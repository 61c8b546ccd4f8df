#!/usr/bin/env bash
# Runs the e2e RPC scenarios with the server inside (tests/e2e/scenarios.sh sunrpc, msrpc: real rpcbind + rpc.statd,
# Samba's endpoint mapper, rpcinfo and impacket clients, forwarded by `alg run`) and keeps their captures and the
# clients' output as lab data in tests/data/lab/{sunrpc,msrpc}-alg-run (MANIFEST.md says what each holds). Root.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
lab="$here/../data/lab"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$here/../e2e/scenarios.sh" sunrpc "$work/sunrpc"
"$here/../e2e/scenarios.sh" msrpc "$work/msrpc"
for scenario in sunrpc msrpc; do
  target="$lab/$scenario-alg-run"
  rm -rf "$target"
  mkdir -p "$target/logs"
  cp "$work/$scenario/$scenario-lan0.pcap" "$target/lan0.pcap"
  cp "$work/$scenario/$scenario-wan0.pcap" "$target/wan0.pcap"
  cp "$work/$scenario/alg-run.log" "$target/logs/"
done
cp "$work"/sunrpc/{getport,rpcinfo-p,rpcinfo-t,rpcinfo-u}.log "$lab/sunrpc-alg-run/logs/"
cp "$work/msrpc/epm-map.log" "$lab/msrpc-alg-run/logs/"
cp "$work/msrpc/rpcdump.log" "$lab/msrpc-alg-run/logs/epm-lookup.log"
cp "$here/../e2e/configs/gateway-asa-rpc.cfg" "$lab/"
echo "kept: $lab/sunrpc-alg-run $lab/msrpc-alg-run"
