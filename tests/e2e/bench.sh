#!/usr/bin/env bash
# Call-rate benchmark: the same SIPp scenarios through `alg run` and through Linux itself (forwarding, nft
# masquerade, the kernel's SIP helper) on the e2e bench, side by side. Results: docs/benchmarks.md.
#
# Usage: tests/e2e/bench.sh [--short] [OUTDIR]
#   For each gateway: a sweep of call rates (sipp -sn uac / -sn uas over UDP, RATE*SECONDS calls per step);
#   the highest rate with 0 failed calls; then 50 concurrent calls with RTP both ways (uac_pcap /
#   uas_media.xml) and the RTP lost per direction (sent on one side's capture, missing on the other's).
#   CPU: Linux forwards in softirq, which the kernel charges to whichever task runs it: mostly the SIPp
#   processes sending into the veths (their system time), else ksoftirqd. So the gateway's own share cannot be
#   isolated for Linux, and both gateways are compared by the bench's CPU: both SIPp processes (user+system,
#   /usr/bin/time) + ksoftirqd + the alg process, over the step's wall time (100% = one core). The SIPp load
#   is the same for both, so the difference is the gateway's cost; alg's own process time is shown too.
#   (The machine's /proc/stat is useless here: other builds share its 2 cores.) --short: two rates, 3 s each.
# Prints one "RESULT" line per measurement and a markdown table at the end.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
SHORT=0
[[ ${1:-} == --short ]] && { SHORT=1; shift; }
OUT=${1:-$(mktemp -d /tmp/alg-bench.XXXXXX)}
mkdir -p "$OUT"; OUT=$(cd "$OUT" && pwd)
ALG=${ALG:-$REPO/cli/Alg.Cli/bin/Release/net10.0/alg}
CONTROL="$OUT/alg.sock"
if [[ $SHORT -eq 1 ]]; then RATES=(100 300); SECONDS_PER_STEP=3; else RATES=(${BENCH_RATES:-250 500 1000 1500 2000 2500 3000}); SECONDS_PER_STEP=${BENCH_SECONDS:-10}; fi
why=$(bench_unavailable)
if [[ -n $why ]]; then echo "SKIP benchmark: $why"; exit 77; fi
declare -a BG=()
trap 'capture_stop; for p in "${BG[@]:-}"; do kill $p 2>/dev/null; done; gateway_alg_stop >/dev/null 2>&1; topology_down' EXIT

HZ=$(getconf CLK_TCK)
process_ticks() { awk '{ print $14 + $15 }' /proc/$1/stat; }
softirq_thread_ticks() { local p t=0; for p in $(pgrep -x 'ksoftirqd/[0-9]+'); do t=$((t + $(process_ticks $p))); done; echo $t; }

# sipp statistics: the last line's column named $2 of the ';' CSV $1
stat_column() {
  awk -F';' -v name="$2" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == name) c = i } END { print $c + 0 }' "$1"
}

# $1 gateway (alg|linux), $2 rate. Prints "failed successful bench-cpu% alg-process%"
rate_step() {
  local gw=$1 rate=$2 calls=$(( $2 * SECONDS_PER_STEP ))
  local stat="$OUT/$gw-$rate-stat.csv"
  rm -f "$stat"
  ( cd "$OUT/sipp" && exec /usr/bin/time -f '%U %S' -o "$OUT/$gw-$rate-uas.time" ip netns exec $NS_SERVER sipp -sn uas -t u1 -i $SERVER_IP -p 5060 -nostdin -m $calls -timeout $((SECONDS_PER_STEP * 4 + 20))s ) >"$OUT/$gw-$rate-uas.log" 2>&1 &
  local uas=$!
  sleep 0.3
  local t0 k0 p0=0
  t0=$(date +%s.%N)
  k0=$(softirq_thread_ticks)
  [[ $gw == alg ]] && p0=$(process_ticks $ALG_PID)
  ( cd "$OUT/sipp" && exec /usr/bin/time -f '%U %S' -o "$OUT/$gw-$rate-uac.time" ip netns exec $NS_PHONE sipp -sn uac -t u1 -i $PHONE_IP -p 5060 -nostdin -r $rate -m $calls -l $((rate * 4)) \
      -timeout $((SECONDS_PER_STEP * 4 + 15))s -timeout_error -trace_stat -fd 1 -stf "$stat" $SERVER_IP:5060 ) >"$OUT/$gw-$rate-uac.log" 2>&1
  local t1 k1 p1=0
  k1=$(softirq_thread_ticks)
  [[ $gw == alg ]] && p1=$(process_ticks $ALG_PID)
  t1=$(date +%s.%N)
  wait $uas 2>/dev/null
  local sipp_seconds
  sipp_seconds=$(cat "$OUT/$gw-$rate-uac.time" "$OUT/$gw-$rate-uas.time" 2>/dev/null | awk '/^[0-9.]+ [0-9.]+$/ { s += $1 + $2 } END { print s + 0 }')
  local failed successful
  failed=$(stat_column "$stat" 'FailedCall(C)')
  successful=$(stat_column "$stat" 'SuccessfulCall(C)')
  # calls never completed (timeout) count as failed too
  [[ $((failed + successful)) -lt $calls ]] && failed=$((calls - successful))
  local percent='BEGIN { printf "%.0f", 100 * c / hz / (t1 - t0) }'
  local bench_ticks
  bench_ticks=$(awk -v s=$sipp_seconds -v hz=$HZ -v k=$((k1 - k0 + p1 - p0)) 'BEGIN { printf "%.0f", s * hz + k }')
  echo "$failed $successful $(awk -v c=$bench_ticks -v hz=$HZ -v t0=$t0 -v t1=$t1 "$percent") $(awk -v c=$((p1 - p0)) -v hz=$HZ -v t0=$t0 -v t1=$t1 "$percent")"
}

# $1 gateway: 50 concurrent calls with RTP both ways. Prints "sent_up lost_up sent_down lost_down"
rtp_step() {
  local gw=$1
  capture_start $NS_PHONE lan0 "$OUT/$gw-rtp-lan0.pcap" && capture_start $NS_SERVER wan0 "$OUT/$gw-rtp-wan0.pcap"
  ( cd "$OUT/sipp" && exec ip netns exec $NS_SERVER sipp -sf uas_media.xml -t u1 -i $SERVER_IP -p 5060 -mi $SERVER_IP -mp 8000 -nostdin -m 50 -timeout 60s ) >"$OUT/$gw-rtp-uas.log" 2>&1 &
  local uas=$!
  sleep 0.3
  ( cd "$OUT/sipp" && exec ip netns exec $NS_PHONE sipp -sn uac_pcap -t u1 -i $PHONE_IP -p 5060 -mi $PHONE_IP -mp 6000 -nostdin -r 25 -l 50 -m 50 -timeout 60s -timeout_error $SERVER_IP:5060 ) >"$OUT/$gw-rtp-uac.log" 2>&1
  wait $uas 2>/dev/null
  capture_stop
  local check="/usr/bin/python3 $E2E_HERE/pcapcheck.py rtp"
  local up_sent up_arrived down_sent down_arrived
  up_sent=$($check "$OUT/$gw-rtp-lan0.pcap" | awk -v p=$PHONE_IP: 'index($1, p) == 1 { n += $3 } END { print n + 0 }')
  up_arrived=$($check "$OUT/$gw-rtp-wan0.pcap" | awk -v p=$SERVER_IP: 'index($2, p) == 1 { n += $3 } END { print n + 0 }')
  down_sent=$($check "$OUT/$gw-rtp-wan0.pcap" | awk -v p=$SERVER_IP: 'index($1, p) == 1 { n += $3 } END { print n + 0 }')
  down_arrived=$($check "$OUT/$gw-rtp-lan0.pcap" | awk -v p=$SERVER_IP: 'index($1, p) == 1 { n += $3 } END { print n + 0 }')
  echo "$up_sent $((up_sent - up_arrived)) $down_sent $((down_sent - down_arrived))"
}

declare -A BEST CPU_AT_BEST RTP
for gw in linux alg; do
  topology_up
  sipp_dir "$OUT/sipp"
  if [[ $gw == alg ]]; then
    cp "$E2E_HERE/configs/gateway.cfg" "$OUT/gateway.cfg"
    gateway_alg "$OUT/gateway.cfg" "$OUT/alg-run.log" --log-level Warning || exit 1
    # measure the compiled engine, not the background compile
    for _ in $(seq 1 100); do "$ALG" status --control "$CONTROL" | grep -q '^engine: *compiled' && break; sleep 0.1; done
  else
    gateway_linux
  fi
  BEST[$gw]=0; CPU_AT_BEST[$gw]=-
  for rate in "${RATES[@]}"; do
    read -r failed successful bench own < <(rate_step $gw $rate)
    echo "RESULT gateway=$gw rate=$rate calls=$((rate * SECONDS_PER_STEP)) successful=$successful failed=$failed bench_cpu=$bench% alg_process=$own%"
    if [[ $failed -eq 0 ]]; then
      BEST[$gw]=$rate
      CPU_AT_BEST[$gw]="bench $bench%"
      [[ $gw == alg ]] && CPU_AT_BEST[$gw]+=", $own% alg process"
    else
      break
    fi
  done
  read -r up_sent up_lost down_sent down_lost < <(rtp_step $gw)
  RTP[$gw]="phone->server $up_lost of $up_sent lost, server->phone $down_lost of $down_sent lost"
  echo "RESULT gateway=$gw rtp50 up_sent=$up_sent up_lost=$up_lost down_sent=$down_sent down_lost=$down_lost"
  [[ $gw == alg ]] && gateway_alg_stop
  topology_down
done

echo
echo "| gateway | highest rate with 0 failed calls (tried: ${RATES[*]} calls/s, ${SECONDS_PER_STEP} s each) | CPU at that rate (100% = one core) | RTP at 50 concurrent calls |"
echo "| --- | --- | --- | --- |"
echo "| Linux (nft masquerade + ct helper sip) | ${BEST[linux]} calls/s | ${CPU_AT_BEST[linux]} | ${RTP[linux]} |"
echo "| alg run | ${BEST[alg]} calls/s | ${CPU_AT_BEST[alg]} | ${RTP[alg]} |"
