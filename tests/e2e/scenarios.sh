#!/usr/bin/env bash
# The e2e scenarios of issue #6: `alg run` as the gateway namespace between the phone and the server,
# proven with real tools (ping, socat, curl, tftp, SIPp) and checked on captures of both sides (tshark).
#
# Usage: tests/e2e/scenarios.sh SCENARIO OUTDIR
#   SCENARIO: nat tftp sip-udp sip-reload-one-way sip-tcp sip-register-inbound reload-under-load ftp ftp-off
#             rtsp rtsp-off mgcp mgcp-off sqlnet sqlnet-off static-nat sunrpc sunrpc-off sunrpc-outside
#             sunrpc-outside-off msrpc msrpc-off msrpc-outside msrpc-outside-off h323 console-sip-off pptp pptp-off
#             esp sctp
# Prints one "ok"/"FAIL" line per check and exits 1 when any failed, 77 when the bench cannot run here
# (not root, no namespaces, a tool missing: the reason is printed). ALG overrides the alg binary.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SCENARIO=${1:?scenario}
OUT=${2:?output directory}
ALG=${ALG:-$REPO/cli/Alg.Cli/bin/Release/net10.0/alg}
PY=/usr/bin/python3
CHECK="$PY $E2E_HERE/pcapcheck.py"
CONFIGS="$E2E_HERE/configs"
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
CONTROL="$OUT/alg.sock"
SIPP_WORK="$OUT/sipp"
FAILED=0
declare -a BG=()

why=$(bench_unavailable)
if [[ -n $why ]]; then echo "SKIP e2e bench: $why"; exit 77; fi
[[ -x $ALG ]] || { echo "FAIL no alg binary at $ALG (build cli/Alg.Cli -c Release)"; exit 1; }

pass() { echo "ok   $*"; }
fail() { echo "FAIL $*"; FAILED=1; }
# expect DESCRIPTION COMMAND...: the command's output goes to checks.log, and under a failure's line too.
expect() {
  local description=$1; shift
  local detail; detail=$("$@" 2>&1); local rc=$?
  [[ -n $detail ]] && printf '%s\n%s\n' "== $description" "$detail" >> "$OUT/checks.log"
  if [[ $rc -eq 0 ]]; then pass "$description"; else fail "$description"; [[ -n $detail ]] && head -20 <<<"$detail" | sed 's/^/       /'; fi
}

finish() {
  capture_stop
  local p
  for p in "${BG[@]:-}"; do [[ -n $p ]] && kill "$p" 2>/dev/null; done
  gateway_alg_stop >/dev/null 2>&1
  topology_down
}
trap finish EXIT

status_field() { "$ALG" status --json --control "$CONTROL" | $PY -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1], {}, d))" "$1"; }
count() { tshark -r "$1" -Y "$2" 2>/dev/null | wc -l; }
# RTP packets in one direction: pcap, "SRC:PORT" prefix (or ""), "DST:PORT" prefix
rtp_count() { $CHECK rtp "$1" | awk -v s="$2" -v d="$3" 'index($1, s) == 1 && index($2, d) == 1 { n += $3 } END { print n + 0 }'; }

SIPP_COMMON=(-nostdin -m 1 -l 1 -timeout 40s -timeout_error -trace_err)
# $1 ns, $2 tag, rest sipp args; output in $OUT/sipp-<tag>.log, exit code is sipp's
run_sipp() {
  local ns=$1 tag=$2; shift 2
  ( cd "$SIPP_WORK" && exec ip netns exec "$ns" sipp "$@" -error_file "$OUT/sipp-$tag-errors.log" >"$OUT/sipp-$tag.log" 2>&1 )
}

# One call, UAS with media on the server, uac_pcap on the phone; captures lan0 and wan0 as $OUT/<tag>-lan0.pcap...
# $1 tag, $2 transport (u1|t1). Sets UAC_RC and UAS_RC.
sip_call() {
  local tag=$1 transport=$2
  capture_start $NS_PHONE lan0 "$OUT/$tag-lan0.pcap" && capture_start $NS_SERVER wan0 "$OUT/$tag-wan0.pcap" || return 1
  run_sipp $NS_SERVER "$tag-uas" -sf uas_media.xml -t "$transport" -i $SERVER_IP -p 5060 -mi $SERVER_IP -mp 8000 "${SIPP_COMMON[@]}" &
  local uas=$!
  sleep 0.5
  run_sipp $NS_PHONE "$tag-uac" -sn uac_pcap -s alice -t "$transport" -i $PHONE_IP -p 5060 -mi $PHONE_IP -mp 6000 "${SIPP_COMMON[@]}" $SERVER_IP:5060
  UAC_RC=$?
  wait $uas; UAS_RC=$?
  capture_stop
}

# RTP both ways, none lost: what left one side arrived on the other, per direction. $1 tag
check_media_both_ways() {
  local tag=$1
  local up_in up_out down_in down_out
  up_in=$(rtp_count "$OUT/$tag-lan0.pcap" "$PHONE_IP:6000" "$SERVER_IP:8000")
  up_out=$(rtp_count "$OUT/$tag-wan0.pcap" "$GW_OUT_IP:" "$SERVER_IP:8000")
  down_out=$(rtp_count "$OUT/$tag-wan0.pcap" "$SERVER_IP:8000" "$GW_OUT_IP:")
  down_in=$(rtp_count "$OUT/$tag-lan0.pcap" "$SERVER_IP:8000" "$PHONE_IP:6000")
  expect "$tag: RTP phone->server: $up_in sent on lan0, $up_out arrived on wan0 from $GW_OUT_IP" test "$up_in" -gt 0 -a "$up_in" -eq "$up_out"
  expect "$tag: RTP server->phone: $down_out sent on wan0 to $GW_OUT_IP, $down_in arrived on lan0 at $PHONE_IP:6000" test "$down_out" -gt 0 -a "$down_out" -eq "$down_in"
}

check_sip_translated() {
  local tag=$1
  expect "$tag: SIP on the outside carries $GW_OUT_IP in Via/Contact/From/o=/c=, never $PHONE_IP; Content-Length equals body" \
    $CHECK sip "$OUT/$tag-wan0.pcap" --public $GW_OUT_IP --private $PHONE_IP
  expect "$tag: SIP on the inside: Content-Length equals body" $CHECK sip "$OUT/$tag-lan0.pcap"
  expect "$tag: checksums valid on both sides" eval "$CHECK checksums $OUT/$tag-lan0.pcap && $CHECK checksums $OUT/$tag-wan0.pcap"
}

start_gateway() {
  cp "$CONFIGS/${1:-gateway.cfg}" "$OUT/active.cfg"
  gateway_alg "$OUT/active.cfg" "$OUT/alg-run.log" --log-level Information || { fail "alg run did not start"; exit 1; }
}

scenario_nat() {
  topology_up
  nsx $NS_GW sysctl -qw net.ipv4.ip_forward=1
  start_gateway
  expect "ip_forward is 0 in the gateway namespace while alg runs" test "$(nsx $NS_GW cat /proc/sys/net/ipv4/ip_forward)" = 0
  expect "nft table netdev alg_run installed" eval "nsx $NS_GW nft list table netdev alg_run > $OUT/nft-table.txt"
  ip netns exec $NS_SERVER socat UDP4-RECVFROM:7000,bind=$SERVER_IP,fork EXEC:cat >/dev/null 2>&1 & BG+=($!)
  mkdir -p "$OUT/www"; echo "hello through alg run" > "$OUT/www/hello.txt"
  ( cd "$OUT/www" && exec ip netns exec $NS_SERVER $PY -m http.server 8080 --bind $SERVER_IP ) >/dev/null 2>&1 & BG+=($!)
  sleep 0.7
  capture_start $NS_PHONE lan0 "$OUT/nat-lan0.pcap" && capture_start $NS_SERVER wan0 "$OUT/nat-wan0.pcap"
  expect "ping phone->server: 5/5 replies" eval "nsx $NS_PHONE ping -c 5 -i 0.2 -W 2 $SERVER_IP > $OUT/ping.log 2>&1"
  local echoed
  echoed=$( (echo one; sleep 0.2; echo two; sleep 0.5) | nsx $NS_PHONE socat -t 1 - UDP4:$SERVER_IP:7000,bind=$PHONE_IP:40000 2>&1 | tr '\n' ' ')
  expect "UDP echo through the gateway ('$echoed')" test "$echoed" = "one two "
  local body
  body=$(nsx $NS_PHONE curl -sS -m 5 http://$SERVER_IP:8080/hello.txt 2>&1)
  expect "TCP (HTTP GET) through the gateway ('$body')" test "$body" = "hello through alg run"
  # The steady path allocates nothing: the worker's allocations across 2,000 echo round trips on one flow are
  # those of the status snapshots themselves (measured between two back-to-back snapshots).
  local a b c
  a=$(status_field workerAllocatedBytes); b=$(status_field workerAllocatedBytes)
  nsx $NS_PHONE ping -f -c 2000 -W 1 $SERVER_IP > "$OUT/ping-flood.log" 2>&1
  c=$(status_field workerAllocatedBytes)
  expect "worker allocations over 4,000 forwarded packets: $((c - b - (b - a))) bytes beyond a status snapshot's $((b - a))" \
    test $((c - b - (b - a))) -lt 4000
  nsx $NS_GW "$ALG" run --config "$OUT/active.cfg" --control "$OUT/second.sock" > "$OUT/second-run.txt" 2>&1; local second=$?
  expect "a second alg run in the namespace refuses (exit $second) and names the owner" eval "test $second -eq 2 && grep -q 'another alg run (pid $ALG_PID)' $OUT/second-run.txt"
  expect "the first run still forwards after the refused second one" eval "nsx $NS_PHONE ping -c 1 -W 2 $SERVER_IP > /dev/null"
  capture_stop
  expect "the outside never sees $PHONE_IP" test "$(count "$OUT/nat-wan0.pcap" "ip.addr == $PHONE_IP")" -eq 0
  expect "the outside sees $GW_OUT_IP" test "$(count "$OUT/nat-wan0.pcap" "ip.src == $GW_OUT_IP")" -gt 0
  expect "the kernel sent no RST and no ICMP unreachable for the translated traffic" \
    test "$(count "$OUT/nat-wan0.pcap" "tcp.flags.reset == 1 || icmp.type == 3")" -eq 0
  expect "checksums valid on both sides" eval "$CHECK checksums $OUT/nat-lan0.pcap && $CHECK checksums $OUT/nat-wan0.pcap"
  expect "alg status: flows created >= 3" test "$(status_field flowsCreated)" -ge 3
  "$ALG" status --control "$CONTROL" > "$OUT/status.txt"
  expect "alg status text names the engine tier and config" grep -q "config:.*active.cfg (fingerprint" "$OUT/status.txt"
  gateway_alg_stop; local rc=$?
  expect "SIGTERM: alg run exits 0" test $rc -eq 0
  expect "on exit the nft table is gone" eval "! nsx $NS_GW nft list table netdev alg_run >/dev/null 2>&1"
  expect "on exit ip_forward is restored (1)" test "$(nsx $NS_GW cat /proc/sys/net/ipv4/ip_forward)" = 1
  expect "on exit the control socket is removed" test ! -e "$CONTROL"
  # a crash leaves the table and the socket file behind; the next start replaces both
  gateway_alg "$OUT/active.cfg" "$OUT/alg-run-crashed.log" || { fail "alg run did not start again"; return; }
  kill -KILL $ALG_PID; wait $ALG_PID 2>/dev/null; ALG_PID=""
  expect "after SIGKILL the table and the socket file are left behind" eval "nsx $NS_GW nft list table netdev alg_run >/dev/null 2>&1 && test -S $CONTROL"
  gateway_alg "$OUT/active.cfg" "$OUT/alg-run-after-crash.log" || { fail "alg run did not start over a crashed run's state"; return; }
  expect "a new run replaces the stale table and socket, and forwards" eval "nsx $NS_PHONE ping -c 1 -W 2 $SERVER_IP > /dev/null && test \$(nsx $NS_GW nft list tables | grep -c alg_run) -eq 1"
  gateway_alg_stop
  expect "and removes them on exit" eval "! nsx $NS_GW nft list table netdev alg_run >/dev/null 2>&1 && test ! -e $CONTROL"
}

scenario_tftp() {
  command -v in.tftpd >/dev/null && command -v tftp >/dev/null || { fail "tftp: tftpd-hpa and tftp-hpa are not installed"; return; }
  topology_up
  start_gateway
  mkdir -p "$OUT/tftp" "$OUT/tftp-client"; chmod 755 "$OUT/tftp" "$OUT/tftp-client"
  head -c 1300 /dev/urandom > "$OUT/tftp/boot.bin"; chmod 644 "$OUT/tftp/boot.bin"
  ip netns exec $NS_SERVER in.tftpd -L --address $SERVER_IP:69 -u root -s "$OUT/tftp" >/dev/null 2>&1 & BG+=($!)
  sleep 0.5
  ( cd "$OUT/tftp-client" && printf 'binary\nrexmt 1\ntimeout 6\nget boot.bin\nquit\n' | timeout 15 ip netns exec $NS_PHONE tftp $SERVER_IP ) > "$OUT/tftp.log" 2>&1
  expect "TFTP download through the gateway (server answers from a new port: the TFTP ALG's pinhole)" cmp -s "$OUT/tftp/boot.bin" "$OUT/tftp-client/boot.bin"
  expect "alg status: the tftp ALG opened a pinhole" test "$(status_field "[a for a in algs if a['name'] == 'tftp'][0]['pinholesOpened']")" -ge 1
}

scenario_sip_udp() {
  topology_up
  start_gateway
  sipp_dir "$SIPP_WORK"
  sip_call sip-udp u1
  expect "sip-udp: caller and callee completed the call (sipp exit 0/0, got $UAC_RC/$UAS_RC)" test "$UAC_RC" -eq 0 -a "$UAS_RC" -eq 0
  check_media_both_ways sip-udp
  check_sip_translated sip-udp
}

scenario_sip_reload_one_way() {
  topology_up
  start_gateway gateway.cfg
  sipp_dir "$SIPP_WORK"
  local before after
  before=$(status_field fingerprint)
  # a configuration with an error: refused, the running one stays
  sed 's/^ip nat translation udp-timeout 300$/ip nat translation udp-timeout banana/' "$CONFIGS/gateway.cfg" > "$OUT/active.cfg"
  "$ALG" reload --control "$CONTROL" > "$OUT/reload-bad.txt" 2>&1; local rc=$?
  expect "reload of a config with errors exits 1 and names the file, line and code" \
    eval "test $rc -eq 1 && grep -q 'active.cfg' $OUT/reload-bad.txt && grep -q 'ALG[0-9]' $OUT/reload-bad.txt"
  expect "after the refused reload the fingerprint is unchanged" test "$(status_field fingerprint)" = "$before"
  # the one-way audio configuration, through the control socket
  cp "$CONFIGS/gateway-no-sip-alg.cfg" "$OUT/active.cfg"
  expect "alg reload of 'no ip nat service sip udp port 5060' exits 0" eval "'$ALG' reload --control '$CONTROL' > $OUT/reload.txt 2>&1"
  after=$(status_field fingerprint)
  expect "the fingerprint changed ($before -> $after)" test "$after" != "$before"
  sip_call one-way u1
  local down_in up_out
  down_in=$(rtp_count "$OUT/one-way-lan0.pcap" "$SERVER_IP:8000" "$PHONE_IP:6000")
  up_out=$(rtp_count "$OUT/one-way-wan0.pcap" "$GW_OUT_IP:" "$SERVER_IP:8000")
  expect "after the reload the call is one-way: phone->server RTP arrives ($up_out), none server->phone ($down_in)" test "$up_out" -gt 0 -a "$down_in" -eq 0
  $CHECK sip "$OUT/one-way-wan0.pcap" --private $PHONE_IP > "$OUT/one-way-sip.txt"
  expect "the server was offered the private address (c= $PHONE_IP on the outside)" grep -q "PROBLEM.*c=IN IP4 $PHONE_IP" "$OUT/one-way-sip.txt"
  if "$ALG" --help 2>/dev/null | grep -qE '^ +doctor '; then
    "$ALG" doctor --config "$OUT/active.cfg" --json "$OUT/one-way-lan0.pcap" > "$OUT/doctor.json" 2>"$OUT/doctor.err"
    local line
    line=$(grep -n '^no ip nat service sip udp port 5060' "$OUT/active.cfg" | cut -d: -f1)
    expect "alg doctor on the phone-side capture: one call, verdict one-way" \
      $PY -c 'import json, sys; calls = json.load(open(sys.argv[1])); sys.exit(0 if len(calls) == 1 and calls[0]["verdict"] == "one-way" else 1)' "$OUT/doctor.json"
    expect "alg doctor names the line: active.cfg:$line 'no ip nat service sip udp port 5060'" \
      $PY -c 'import json, sys
calls = json.load(open(sys.argv[1]))
named = [c["config"] for call in calls for c in call["causes"] if (c.get("config") or {}).get("line") == int(sys.argv[2])]
sys.exit(0 if any("no ip nat service sip udp port 5060" in (n.get("text") or "") for n in named) else 1)' "$OUT/doctor.json" "$line"
  else
    fail "alg doctor is not in this build (waiting for the doctor branch to be merged)"
  fi
  # back to the SIP ALG with SIGHUP: two-way again
  cp "$CONFIGS/gateway.cfg" "$OUT/active.cfg"
  local reloads; reloads=$(status_field reloads)
  kill -HUP $ALG_PID; sleep 1
  expect "SIGHUP reloaded the file (reloads $reloads -> $(status_field reloads), fingerprint back to $before)" \
    test "$(status_field reloads)" -eq $((reloads + 1)) -a "$(status_field fingerprint)" = "$before"
  sip_call two-way-again u1
  check_media_both_ways two-way-again
}

# The seed's transcripts typed into `alg console` attached to `alg run` (issue 18): each line is compiled and loaded at
# once through the control socket, and the next call goes one-way exactly as after the reload in sip-reload-one-way.
scenario_console_sip_off() {
  topology_up
  start_gateway gateway.cfg
  sipp_dir "$SIPP_WORK"
  local before after rc
  before=$(status_field fingerprint)
  # a line with an error: refused with its caret and code, the running configuration stays
  printf 'conf t\nip nat translation udp-timeout banana\n' | "$ALG" console --control "$CONTROL" > "$OUT/console-bad.txt" 2>&1; rc=$?
  expect "a console line with an error exits 1 and shows the caret and the code" \
    eval "test $rc -eq 1 && grep -q '^ *\\^' $OUT/console-bad.txt && grep -q 'error ALG1002' $OUT/console-bad.txt"
  expect "after the refused line the fingerprint is unchanged" test "$(status_field fingerprint)" = "$before"
  # the seed's IOS transcript as it is, prompts and trailing ' |' included
  "$ALG" console --control "$CONTROL" < "$REPO/samples/article-ios-transcript.cfg" > "$OUT/console-ios.txt" 2>&1; rc=$?
  expect "alg console ran the seed's IOS transcript against alg run (exit $rc)" test "$rc" -eq 0
  expect "'do show run | inc nat service sip' printed 'no ip nat service sip tcp port 5060' and 'no ip nat service sip udp port 5060'" \
    eval "grep -qx 'no ip nat service sip tcp port 5060' $OUT/console-ios.txt && grep -qx 'no ip nat service sip udp port 5060' $OUT/console-ios.txt"
  after=$(status_field fingerprint)
  expect "the console's lines were loaded at once: fingerprint $before -> $after, the file untouched" \
    eval "test '$after' != '$before' && cmp -s '$CONFIGS/gateway.cfg' '$OUT/active.cfg'"
  sip_call console-one-way u1
  local down_in up_out
  down_in=$(rtp_count "$OUT/console-one-way-lan0.pcap" "$SERVER_IP:8000" "$PHONE_IP:6000")
  up_out=$(rtp_count "$OUT/console-one-way-wan0.pcap" "$GW_OUT_IP:" "$SERVER_IP:8000")
  expect "after the console's change the call is one-way: phone->server RTP arrives ($up_out), none server->phone ($down_in)" test "$up_out" -gt 0 -a "$down_in" -eq 0
  $CHECK sip "$OUT/console-one-way-wan0.pcap" --private $PHONE_IP > "$OUT/console-one-way-sip.txt"
  expect "the server was offered the private address (c= $PHONE_IP on the outside)" grep -q "PROBLEM.*c=IN IP4 $PHONE_IP" "$OUT/console-one-way-sip.txt"
  printf 'show ip nat translations\nshow calls\n' | "$ALG" console --control "$CONTROL" > "$OUT/console-show.txt" 2>&1
  expect "show ip nat translations lists the phone's translation, show calls gives the one-way verdict" \
    eval "grep -q '$PHONE_IP:5060' $OUT/console-show.txt && grep -q 'verdict one-way' $OUT/console-show.txt"
  # write memory: the running configuration replaces the file, the previous one kept
  printf 'write memory\n' | "$ALG" console --control "$CONTROL" > "$OUT/console-write.txt" 2>&1; rc=$?
  expect "write memory rewrote active.cfg with the console's lines and kept active.cfg.bak (exit $rc)" \
    eval "test $rc -eq 0 && grep -qx 'no ip nat service sip udp port 5060' $OUT/active.cfg && cmp -s '$CONFIGS/gateway.cfg' '$OUT/active.cfg.bak'"
  # the seed's ASA transcript against an ASA alg run with SIP inspected
  gateway_alg_stop >/dev/null 2>&1
  start_gateway gateway-asa-sip.cfg
  expect "the ASA gateway starts with the SIP ALG on" test "$(status_field "'sip' in [a['name'] for a in algs]")" = True
  "$ALG" console --control "$CONTROL" < "$REPO/samples/article-asa-transcript.cfg" > "$OUT/console-asa.txt" 2>&1; rc=$?
  expect "alg console ran the seed's ASA transcript against alg run (exit $rc)" test "$rc" -eq 0
  expect "after the ASA transcript the running gateway's SIP ALG is off" test "$(status_field "'sip' in [a['name'] for a in algs]")" = False
}

scenario_sip_tcp() {
  topology_up
  start_gateway
  sipp_dir "$SIPP_WORK"
  sip_call sip-tcp t1
  # SIPp's TCP UAS counts a call failed when the caller closes during its 1 s timewait (tests/data/lab/MANIFEST.md):
  # the caller's exit code and the capture say whether the call completed.
  expect "sip-tcp: the caller completed the call (sipp exit $UAC_RC)" test "$UAC_RC" -eq 0
  expect "sip-tcp: the BYE was answered on the outside" test "$(count "$OUT/sip-tcp-wan0.pcap" 'sip.CSeq.method == "BYE" && sip.Status-Code == 200')" -ge 1
  check_media_both_ways sip-tcp
  check_sip_translated sip-tcp
}

scenario_sip_register_inbound() {
  topology_up
  start_gateway
  sipp_dir "$SIPP_WORK"
  capture_start $NS_PHONE lan0 "$OUT/inbound-lan0.pcap" && capture_start $NS_SERVER wan0 "$OUT/inbound-wan0.pcap"
  run_sipp $NS_SERVER registrar -sf uas_registrar.xml -t u1 -i $SERVER_IP -p 5060 -trace_logs -log_file "$OUT/registrar.log" "${SIPP_COMMON[@]}" &
  local registrar=$!
  sleep 0.5
  run_sipp $NS_PHONE register -sf uac_register.xml -t u1 -i $PHONE_IP -p 5060 "${SIPP_COMMON[@]}" $SERVER_IP:5060; local rc=$?
  wait $registrar
  expect "REGISTER through the gateway answered (sipp exit $rc)" test $rc -eq 0
  local contact
  contact=$(sed -n 's/.*CONTACT \([0-9.]*\) \([0-9]*\).*/\1:\2/p' "$OUT/registrar.log" | head -1)
  expect "the registrar saw the contact $contact on the gateway's outside address" test "${contact%%:*}" = "$GW_OUT_IP"
  run_sipp $NS_PHONE phone-uas -sf uas_media.xml -t u1 -i $PHONE_IP -p 5060 -mi $PHONE_IP -mp 6000 "${SIPP_COMMON[@]}" &
  local uas=$!
  sleep 0.5
  run_sipp $NS_SERVER server-uac -sn uac_pcap -s phone -t u1 -i $SERVER_IP -p 5060 -mi $SERVER_IP -mp 8000 "${SIPP_COMMON[@]}" "${contact:-$GW_OUT_IP:5060}"; local uac=$?
  wait $uas; local phone=$?
  capture_stop
  expect "inbound INVITE to the registered contact reached the phone; call completed (sipp exit $uac/$phone)" test $uac -eq 0 -a $phone -eq 0
  local up_in up_out down_in down_out
  down_out=$(rtp_count "$OUT/inbound-wan0.pcap" "$SERVER_IP:8000" "$GW_OUT_IP:")
  down_in=$(rtp_count "$OUT/inbound-lan0.pcap" "$SERVER_IP:8000" "$PHONE_IP:")
  up_in=$(rtp_count "$OUT/inbound-lan0.pcap" "$PHONE_IP:6000" "$SERVER_IP:8000")
  up_out=$(rtp_count "$OUT/inbound-wan0.pcap" "$GW_OUT_IP:" "$SERVER_IP:8000")
  expect "inbound call: RTP server->phone $down_out sent, $down_in arrived" test "$down_out" -gt 0 -a "$down_out" -eq "$down_in"
  expect "inbound call: RTP phone->server $up_in sent, $up_out arrived" test "$up_in" -gt 0 -a "$up_in" -eq "$up_out"
  expect "inbound call: SIP on the outside never carries $PHONE_IP" $CHECK sip "$OUT/inbound-wan0.pcap" --private $PHONE_IP
}

scenario_reload_under_load() {
  local rate=${RELOAD_LOAD_RATE:-100} calls=${RELOAD_LOAD_CALLS:-1500}
  topology_up
  start_gateway
  sipp_dir "$SIPP_WORK"
  run_sipp $NS_SERVER load-uas -sn uas -t u1 -i $SERVER_IP -p 5060 -nostdin -m $calls -timeout 120s -timeout_error &
  local uas=$!
  sleep 0.5
  run_sipp $NS_PHONE load-uac -sn uac -t u1 -i $PHONE_IP -p 5060 -nostdin -r $rate -m $calls -l 500 -timeout 120s -timeout_error -trace_stat -stf "$OUT/load-uac-stat.csv" $SERVER_IP:5060 &
  local uac=$!
  local i config ok=0
  sleep 1
  for i in $(seq 1 20); do
    config=$([[ $((i % 2)) -eq 1 ]] && echo gateway-alt-timeout.cfg || echo gateway.cfg)
    cp "$CONFIGS/$config" "$OUT/active.cfg"
    "$ALG" reload --control "$CONTROL" >> "$OUT/reloads.txt" 2>&1 && ok=$((ok + 1))
    sleep 0.4
  done
  wait $uac; local uac_rc=$?
  wait $uas; local uas_rc=$?
  expect "20 reloads during the call-rate run, all applied ($ok)" test $ok -eq 20
  expect "call-rate run ($calls calls at $rate/s) while reloading: no failed call (uac exit $uac_rc, uas exit $uas_rc)" test $uac_rc -eq 0 -a $uas_rc -eq 0
  "$ALG" status --control "$CONTROL" > "$OUT/status.txt"
}

# vsftpd on the server (anonymous, uploads, data from port 20, passive ports 30000-30009, port_promiscuous=NO
# so a PORT naming another address than the control connection's is refused, as deployed servers do).
start_ftp_server() {
  command -v vsftpd >/dev/null || { fail "ftp: vsftpd is not installed"; return 1; }
  mkdir -p "$OUT/ftp/pub/incoming" "$OUT/ftp-client" /var/run/vsftpd/empty
  chmod 555 "$OUT/ftp"; chmod 777 "$OUT/ftp/pub/incoming"
  head -c 200000 /dev/urandom > "$OUT/ftp/pub/data.bin"; chmod 644 "$OUT/ftp/pub/data.bin"
  printf 'uploaded through alg run\n' > "$OUT/ftp-client/up.txt"
  cat > "$OUT/vsftpd.conf" <<EOF
listen=YES
listen_ipv6=NO
listen_address=$SERVER_IP
anonymous_enable=YES
anon_root=$OUT/ftp
no_anon_password=YES
write_enable=YES
anon_upload_enable=YES
local_enable=NO
connect_from_port_20=YES
pasv_min_port=30000
pasv_max_port=30009
port_promiscuous=NO
seccomp_sandbox=NO
secure_chroot_dir=/var/run/vsftpd/empty
xferlog_enable=YES
log_ftp_protocol=YES
vsftpd_log_file=$OUT/vsftpd-protocol.log
EOF
  ip netns exec $NS_SERVER vsftpd "$OUT/vsftpd.conf" >"$OUT/vsftpd.log" 2>&1 & BG+=($!)
  sleep 0.5
}

# $1 tag, rest: curl options; downloads pub/data.bin (or uploads with -T) and compares
ftp_transfer() {
  local tag=$1; shift
  ( cd "$OUT/ftp-client" && timeout 20 ip netns exec $NS_PHONE curl -sS --max-time 10 -o "$tag.bin" "$@" ) >> "$OUT/curl.log" 2>&1
}

scenario_ftp() {
  topology_up
  start_gateway
  start_ftp_server || return
  capture_start $NS_PHONE lan0 "$OUT/ftp-lan0.pcap" && capture_start $NS_SERVER wan0 "$OUT/ftp-wan0.pcap" || return
  local url="ftp://$SERVER_IP/pub"
  ftp_transfer port --ftp-port - --disable-eprt "$url/data.bin"
  expect "active FTP with PORT: download complete and identical" cmp -s "$OUT/ftp/pub/data.bin" "$OUT/ftp-client/port.bin"
  ftp_transfer eprt --ftp-port - "$url/data.bin"
  expect "active FTP with EPRT: download complete and identical" cmp -s "$OUT/ftp/pub/data.bin" "$OUT/ftp-client/eprt.bin"
  ftp_transfer pasv --ftp-pasv --disable-epsv "$url/data.bin"
  expect "passive FTP with PASV (227): download complete and identical" cmp -s "$OUT/ftp/pub/data.bin" "$OUT/ftp-client/pasv.bin"
  ftp_transfer epsv --ftp-pasv "$url/data.bin"
  expect "passive FTP with EPSV (229): download complete and identical" cmp -s "$OUT/ftp/pub/data.bin" "$OUT/ftp-client/epsv.bin"
  ftp_transfer upload --ftp-port - --disable-eprt -T up.txt "$url/incoming/up.txt"
  expect "active FTP upload arrived" cmp -s "$OUT/ftp-client/up.txt" "$OUT/ftp/pub/incoming/up.txt"
  capture_stop
  expect "no private address left in the PORT/EPRT commands the server saw" test "$(count "$OUT/ftp-wan0.pcap" 'ftp.request.arg contains "192,168" || ftp.request.arg contains "192.168"')" -eq 0
  expect "alg status: the ftp ALG opened the active data pinholes" test "$(status_field "[a for a in algs if a['name'] == 'ftp'][0]['pinholesOpened']")" -ge 3
}

scenario_ftp_off() {
  topology_up
  start_gateway gateway-no-ftp-alg.cfg
  start_ftp_server || return
  local url="ftp://$SERVER_IP/pub"
  ftp_transfer port --ftp-port - --disable-eprt "$url/data.bin"
  expect "FTP ALG off: active FTP fails as behind a NAT without one" test ! -s "$OUT/ftp-client/port.bin"
  ftp_transfer pasv --ftp-pasv --disable-epsv "$url/data.bin"
  expect "FTP ALG off: passive FTP still works (the client opens the data connection)" cmp -s "$OUT/ftp/pub/data.bin" "$OUT/ftp-client/pasv.bin"
  expect "FTP ALG off: the server saw the phone's private address in PORT and refused it" grep -q '500 Illegal PORT' "$OUT/vsftpd-protocol.log"
  expect "FTP ALG off: the PORT the server saw named the phone's private address" grep -q '"PORT 192,168,1,10,' "$OUT/vsftpd-protocol.log"
}

# GStreamer's RTSP server on the server (port 554, /test: two audio tracks over RTP/UDP).
start_rtsp_server() {
  $PY -c 'import gi; gi.require_version("GstRtspServer", "1.0")' 2>/dev/null || { fail "rtsp: gir1.2-gst-rtsp-server-1.0 / python3-gst-1.0 are not installed"; return 1; }
  command -v ffmpeg >/dev/null || { fail "rtsp: ffmpeg is not installed"; return 1; }
  ip netns exec $NS_SERVER $PY -u "$E2E_HERE/rtsp-server.py" $SERVER_IP 554 >"$OUT/rtsp-server.log" 2>&1 & BG+=($!)
  local i
  for i in $(seq 50); do grep -q 'rtsp-server:' "$OUT/rtsp-server.log" 2>/dev/null && return 0; sleep 0.1; done
  fail "rtsp: the server did not start"; cat "$OUT/rtsp-server.log" >&2; return 1
}

# $1 ns, $2 tag: plays rtsp://server/test over UDP from client ports 5000-5003 for 4 s; the packets each track
# received are counted in $OUT/rtsp-<tag>.crc (ffmpeg's framecrc: one line per packet, stream index first).
rtsp_play() {
  local ns=$1 tag=$2
  timeout 25 ip netns exec "$ns" ffmpeg -nostdin -hide_banner -loglevel error -rtsp_transport udp -min_port 5000 -max_port 5003 \
    -timeout 8000000 -i "rtsp://$SERVER_IP:554/test" -t 4 -map 0 -c copy -f framecrc "$OUT/rtsp-$tag.crc" >"$OUT/rtsp-$tag.log" 2>&1
}
# $1 tag, $2 stream index: packets received
rtsp_packets() { grep -v '^#' "$OUT/rtsp-$1.crc" 2>/dev/null | awk -F, -v s="$2" '$1 + 0 == s { n++ } END { print n + 0 }'; }

scenario_rtsp() {
  topology_up
  second_phone_up
  start_gateway
  start_rtsp_server || return
  capture_start $NS_SERVER wan0 "$OUT/rtsp-wan0.pcap" || return
  # Two players on two inside hosts asking for the same client ports at once: the NAT must give one of them
  # another public pair, and the RTSP ALG must write it into SETUP, or that player gets no media.
  rtsp_play $NS_PHONE first & local first=$!
  rtsp_play $NS_PHONE2 second & local second=$!
  wait $first; wait $second
  # The players' TEARDOWNs leave as they exit; give the gateway and tcpdump time to pass and write them.
  sleep 2
  capture_stop
  expect "RTSP player 1 (192.168.1.10, client ports 5000-5003): both tracks received media" test "$(rtsp_packets first 0)" -ge 10 -a "$(rtsp_packets first 1)" -ge 10
  expect "RTSP player 2 (192.168.1.11, the same client ports): both tracks received media" test "$(rtsp_packets second 0)" -ge 10 -a "$(rtsp_packets second 1)" -ge 10
  expect "the server saw two different public client_port pairs and no private address" test "$(tshark -r "$OUT/rtsp-wan0.pcap" -Y 'rtsp.request and rtsp.transport contains "client_port"' -T fields -e rtsp.transport 2>/dev/null | grep -o 'client_port=[0-9]*' | sort -u | wc -l)" -ge 3 -a "$(count "$OUT/rtsp-wan0.pcap" 'rtsp and frame contains "192.168."')" -eq 0
  expect "alg status: the rtsp ALG opened a pinhole pair per track of both players" test "$(status_field "[a for a in algs if a['name'] == 'rtsp'][0]['pinholesOpened']")" -ge 8
  expect "the players' TEARDOWNs reached the server (RFC 2326 §10.7)" grep -q TEARDOWN <(tshark -r "$OUT/rtsp-wan0.pcap" -Y rtsp.request -T fields -e rtsp.method 2>/dev/null)
  # GStreamer's own player: both tracks must deliver 20 buffers over UDP (it exits 0 at end of stream, not before).
  expect "gst-launch rtspsrc (UDP, both tracks) plays through the gateway" timeout 20 ip netns exec $NS_PHONE2 gst-launch-1.0 -q \
    rtspsrc location="rtsp://$SERVER_IP:554/test" protocols=udp name=s s. ! queue ! fakesink num-buffers=20 s. ! queue ! fakesink num-buffers=20
}

scenario_rtsp_off() {
  topology_up
  second_phone_up
  start_gateway gateway-no-rtsp-alg.cfg
  start_rtsp_server || return
  rtsp_play $NS_PHONE first & local first=$!
  sleep 1
  rtsp_play $NS_PHONE2 second & local second=$!
  wait $first; wait $second
  local got_first=$(( $(rtsp_packets first 0) + $(rtsp_packets first 1) ))
  local got_second=$(( $(rtsp_packets second 0) + $(rtsp_packets second 1) ))
  expect "RTSP ALG off: one of two players asking for the same client ports gets no media, as behind a NAT without an RTSP ALG (first $got_first, second $got_second packets)" test $got_first -lt 10 -o $got_second -lt 10
}

# osmo-mgw as the media gateway on the phone's host (192.168.1.10:2427, RTP 4002-4100), published by the
# gateway's static UDP 2427; the call agent script on the server bridges two RTP connections through it.
start_media_gateway() {
  command -v osmo-mgw >/dev/null || { fail "mgcp: osmo-mgw is not installed"; return 1; }
  printf 'mgcp\n  bind ip %s\n  bind port 2427\n  rtp port-range 4002 4100\n  rtp bind-ip %s\n  number endpoints 8\n' $PHONE_IP $PHONE_IP > "$OUT/osmo-mgw.cfg"
  ( cd "$OUT" && exec ip netns exec $NS_PHONE osmo-mgw -c "$OUT/osmo-mgw.cfg" >"$OUT/osmo-mgw.log" 2>&1 ) & BG+=($!)
  sleep 1
}

# The call agent on the server: exit 0 when RTP crossed the media gateway both ways.
run_call_agent() { timeout 40 ip netns exec $NS_SERVER $PY "$E2E_HERE/mgcp-agent.py" $GW_OUT_IP 2427 $SERVER_IP >"$OUT/mgcp-agent.log" 2>&1; }

scenario_mgcp() {
  topology_up
  start_gateway gateway-mgcp.cfg
  start_media_gateway || return
  capture_start $NS_SERVER wan0 "$OUT/mgcp-wan0.pcap" || return
  expect "MGCP: osmo-mgw behind the NAT bridged two RTP connections the call agent outside created; RTP relayed both ways" run_call_agent
  capture_stop
  expect "the call agent saw the media gateway's public address in its SDP, never the private one" test "$(count "$OUT/mgcp-wan0.pcap" 'udp.srcport == 2427 and frame contains "c=IN IP4 203.0.113.1"')" -ge 2 -a "$(count "$OUT/mgcp-wan0.pcap" 'udp.srcport == 2427 and frame contains "192.168.1.10"')" -eq 0
  expect "alg status: the mgcp ALG opened the media pinholes" test "$(status_field "[a for a in algs if a['name'] == 'mgcp'][0]['pinholesOpened']")" -ge 4
}

scenario_mgcp_off() {
  topology_up
  start_gateway gateway-no-mgcp-alg.cfg
  start_media_gateway || return
  run_call_agent
  expect "MGCP ALG off: the gateway's SDP names its private address, so no RTP reaches it through the NAT" grep -q 'gateway media: 192.168.1.10:' "$OUT/mgcp-agent.log"
  expect "MGCP ALG off: no RTP is relayed" grep -q 'relayed to 6002: 0, relayed to 6000: 0' "$OUT/mgcp-agent.log"
}

# The scripted Oracle listener on the phone's host (192.168.1.10:1521, redirecting to its dedicated port 31522, the
# REDIRECT text in the DATA packet after it, as python-oracledb follows it), published by the ASA's static NAT; the
# client on the server is python-oracledb's thin driver, which the dedicated port refuses with ORA-12514 once reached.
start_tns_listener() {
  $PY -c 'import oracledb' 2>/dev/null || { fail "sqlnet: python3-oracledb is not installed"; return 1; }
  ip netns exec $NS_PHONE $PY -u "$REPO/tests/lab/tns-listener.py" --host $PHONE_IP --port 1521 --redirect-port 31522 --mode split --count 5 >"$OUT/tns-listener.log" 2>&1 & BG+=($!)
  sleep 1
}
oracle_connect() {
  timeout 30 ip netns exec $NS_SERVER $PY -c "import oracledb; oracledb.connect(user='u', password='p', dsn='$GW_OUT_IP:1521/svc', tcp_connect_timeout=5)" >"$OUT/oracledb.log" 2>&1
  return 0
}

scenario_sqlnet() {
  topology_up
  start_gateway gateway-asa-sqlnet.cfg
  start_tns_listener || return
  oracle_connect
  expect "SQL*Net: the listener behind the NAT redirected the client, which reached the dedicated port through the ALG's pinhole" grep -q "dedicated port got CONNECT from $SERVER_IP" "$OUT/tns-listener.log"
  expect "the client ended with the dedicated port's refusal (ORA-12514), not a network error" grep -q "12514" "$OUT/oracledb.log"
  expect "alg status: the sqlnet ALG rewrote the REDIRECT and opened its pinhole" test "$(status_field "[a for a in algs if a['name'] == 'sqlnet'][0]['pinholesOpened']")" -ge 1
}

scenario_sqlnet_off() {
  topology_up
  start_gateway gateway-asa-no-sqlnet.cfg
  start_tns_listener || return
  oracle_connect
  expect "SQL*Net ALG off: the redirect names the listener's private address and the client never reaches the dedicated port" test "$(grep -c 'dedicated port got CONNECT' "$OUT/tns-listener.log")" -eq 0
  expect "SQL*Net ALG off: the client fails with a network error, as behind a NAT without the ALG" grep -q -E "DPY-6005|unreachable|timed out|DPY-4011" "$OUT/oracledb.log"
}

# A 1:1 static NAT address on the outside link that no interface holds: the gateway must answer ARP for it (as IOS
# and ASA do for their NAT addresses), or nothing outside can reach the host behind it.
scenario_static_nat() {
  topology_up
  start_gateway gateway-static-nat.cfg
  # socat, not http.server: the latter looks up its own name first, and the phone's DNS queries go nowhere here.
  ip netns exec $NS_PHONE socat TCP4-LISTEN:8080,bind=$PHONE_IP,reuseaddr,fork SYSTEM:'echo static nat reached' >/dev/null 2>&1 & BG+=($!)
  local i
  for i in $(seq 50); do nsx $NS_PHONE ss -ltn | grep -q ":8080 " && break; sleep 0.1; done
  expect "the server resolves 203.0.113.10 to the gateway's outside MAC (proxy ARP)" eval "nsx $NS_SERVER ping -c 3 -i 0.2 -W 2 203.0.113.10 > $OUT/ping-static.log 2>&1; nsx $NS_SERVER ip neigh show 203.0.113.10 | grep -q 02:00:00:00:02:01"
  local body
  body=$(nsx $NS_SERVER socat -T 5 - TCP4:203.0.113.10:8080 </dev/null 2>&1)
  expect "TCP from outside to the static NAT address reaches the inside host ('$body')" test "$body" = "static nat reached"
  expect "the gateway does not answer ARP for an address it does not publish" eval "! nsx $NS_SERVER ping -c 1 -W 1 203.0.113.11 >/dev/null 2>&1"
}

# SunRPC and DCE/RPC port mappers on the phone's host, published 1:1 on 203.0.113.10 with an outside ACL that admits only
# 111 and 135 (configs/gateway-asa-rpc.cfg). rpcbind + rpc.statd (nfs-common) pick statd's dynamic TCP/UDP ports; samba-dcerpcd (samba-common-bin) serves
# the endpoint mapper and its dynamic ports (reference algs.md §5.5, §6.5).
RPC_PUBLIC=203.0.113.10
# start_rpcbind [NAMESPACE]: rpcbind and rpc.statd in the phone's namespace (server inside) or the one given.
start_rpcbind() {
  local ns=${1:-$NS_PHONE}
  command -v rpcbind >/dev/null && command -v rpc.statd >/dev/null || { fail "sunrpc: rpcbind and nfs-common are not installed"; return 1; }
  # statd keeps its monitor lists in sm/ and sm.bak/ under the state directory and will not start without them.
  mkdir -p "$OUT/rpcbind-state/sm" "$OUT/rpcbind-state/sm.bak" /run/rpcbind
  nsx $ns rpcbind -f -w >"$OUT/rpcbind.log" 2>&1 & BG+=($!)
  sleep 1
  nsx $ns rpc.statd -F --no-notify -P "$OUT/rpcbind-state" >"$OUT/statd.log" 2>&1 & BG+=($!)
  local i
  for i in $(seq 50); do nsx $ns rpcinfo -p 127.0.0.1 2>/dev/null | grep -q status && break; sleep 0.1; done
}
# sunrpc_clients [CLIENT-NAMESPACE SERVER-ADDRESS]: from outside to the published server, or the other way round.
sunrpc_clients() {
  local ns=${1:-$NS_SERVER} target=${2:-$RPC_PUBLIC}
  nsx $ns timeout 20 rpcinfo -p $target >"$OUT/rpcinfo-p.log" 2>&1
  nsx $ns timeout 20 rpcinfo -t $target status >"$OUT/rpcinfo-t.log" 2>&1
  nsx $ns timeout 20 rpcinfo -u $target status >"$OUT/rpcinfo-u.log" 2>&1
  nsx $ns timeout 20 $PY "$E2E_HERE/rpc-getport.py" $target >"$OUT/getport.log" 2>&1
  return 0
}

# The server outside: rpcbind and statd on the server's host, the phone's host as the client behind PAT, and an inside
# ACL that lets the LAN reach only the port mappers (configs/gateway-asa-rpc-client.cfg): the dynamic ports are reached
# through the SunRPC ALG's pinhole alone, which on a stateful device is also the permission past the interface ACL.
scenario_sunrpc_outside() {
  topology_up
  capture_start $NS_PHONE lan0 "$OUT/sunrpc-outside-lan0.pcap"
  start_gateway gateway-asa-rpc-client.cfg
  start_rpcbind $NS_SERVER || return
  sunrpc_clients $NS_PHONE $SERVER_IP
  capture_stop
  expect "server outside: rpcinfo -p lists rpc.statd" grep -q status "$OUT/rpcinfo-p.log"
  expect "server outside: rpcinfo -t reaches statd's dynamic TCP port past the inside ACL through the ALG's pinhole" grep -q "ready and waiting" "$OUT/rpcinfo-t.log"
  expect "server outside: rpcinfo -u reaches statd's dynamic UDP port through the ALG's pinhole" grep -q "ready and waiting" "$OUT/rpcinfo-u.log"
  expect "server outside: a v2 GETPORT then a NULL call to the returned port is answered" grep -q "null: ok" "$OUT/getport.log"
  expect "alg status: the sunrpc ALG opened pinholes" test "$(status_field "[a for a in algs if a['name'] == 'sunrpc'][0]['pinholesOpened']")" -ge 3
}

scenario_sunrpc_outside_off() {
  topology_up
  start_gateway gateway-asa-rpc-client-off.cfg
  start_rpcbind $NS_SERVER || return
  sunrpc_clients $NS_PHONE $SERVER_IP
  expect "server outside, SunRPC ALG off: the port mapper still answers" grep -q "getport:" "$OUT/getport.log"
  expect "server outside, SunRPC ALG off: the inside ACL keeps the dynamic ports closed" eval "! grep -q 'ready and waiting' $OUT/rpcinfo-t.log && ! grep -q 'null: ok' $OUT/getport.log"
}

scenario_sunrpc() {
  topology_up
  capture_start $NS_PHONE lan0 "$OUT/sunrpc-lan0.pcap" && capture_start $NS_SERVER wan0 "$OUT/sunrpc-wan0.pcap"
  start_gateway gateway-asa-rpc.cfg
  start_rpcbind || return
  sunrpc_clients
  capture_stop
  expect "rpcinfo -p (v2 DUMP over TCP) lists rpc.statd through the gateway" grep -q status "$OUT/rpcinfo-p.log"
  expect "rpcinfo -t reaches statd's dynamic TCP port through the ALG's pinhole (GETADDR then NULL)" grep -q "ready and waiting" "$OUT/rpcinfo-t.log"
  expect "rpcinfo -u reaches statd's dynamic UDP port through the ALG's pinhole" grep -q "ready and waiting" "$OUT/rpcinfo-u.log"
  expect "a v2 GETPORT from a script, then a NULL call to the returned port, is answered" grep -q "null: ok" "$OUT/getport.log"
  expect "the universal addresses the client saw name the public address, never the private one" test "$(count "$OUT/sunrpc-wan0.pcap" 'portmap and frame contains "192.168.1.10"')" -eq 0
  expect "alg status: the sunrpc ALG opened pinholes" test "$(status_field "[a for a in algs if a['name'] == 'sunrpc'][0]['pinholesOpened']")" -ge 3
}

scenario_sunrpc_off() {
  topology_up
  start_gateway gateway-asa-no-rpc.cfg
  start_rpcbind || return
  sunrpc_clients
  # rpcinfo -p (rpcbind v4) would first ask for rpcbind's own address and be told the private one: only an ALG fixes
  # that, so with it off the v2 GETPORT over UDP shows the port mapper itself is reachable.
  expect "SunRPC ALG off: the port mapper still answers (its port is open)" grep -q "getport:" "$OUT/getport.log"
  expect "SunRPC ALG off: rpcinfo -p is handed rpcbind's private address and cannot follow it" eval "! grep -q status $OUT/rpcinfo-p.log"
  expect "SunRPC ALG off: the dynamic ports stay closed" eval "! grep -q 'ready and waiting' $OUT/rpcinfo-t.log && ! grep -q 'null: ok' $OUT/getport.log"
}

# start_dcerpcd [NAMESPACE ADDRESS]: Samba's endpoint mapper on the phone's host (server inside) or the one given.
start_dcerpcd() {
  local ns=${1:-$NS_PHONE} address=${2:-$PHONE_IP}
  [[ -x /usr/libexec/samba/samba-dcerpcd ]] || { fail "msrpc: samba-common-bin (samba-dcerpcd) is not installed"; return 1; }
  $PY -c 'import impacket' 2>/dev/null || { fail "msrpc: python3-impacket is not installed"; return 1; }
  cat >"$OUT/smb.conf" <<CONF
[global]
  rpc start on demand helpers = false
  interfaces = $address
  bind interfaces only = yes
  lock directory = $OUT/samba
  state directory = $OUT/samba
  cache directory = $OUT/samba
  pid directory = $OUT/samba
  private dir = $OUT/samba
CONF
  mkdir -p "$OUT/samba"
  nsx $ns /usr/libexec/samba/samba-dcerpcd --libexec-rpcds -F --configfile="$OUT/smb.conf" >"$OUT/dcerpcd.log" 2>&1 & BG+=($!)
  local i
  for i in $(seq 100); do nsx $ns ss -ltn | grep -q ":135 " && break; sleep 0.1; done
}
# msrpc_clients [CLIENT-NAMESPACE SERVER-ADDRESS]
msrpc_clients() {
  local ns=${1:-$NS_SERVER} target=${2:-$RPC_PUBLIC}
  # lsarpc (12345778-1234-abcd-ef00-0123456789ab v0.0) is served by rpcd_lsad on a dynamic port.
  nsx $ns timeout 30 $PY "$E2E_HERE/epm-map.py" $target 12345778-1234-abcd-ef00-0123456789ab 0.0 >"$OUT/epm-map.log" 2>&1
  # rpcdump's ept_lookup listing, paged as rpcdump pages it (epm-lookup.py says why not rpcdump.py itself).
  nsx $ns timeout 30 $PY "$E2E_HERE/epm-lookup.py" $target >"$OUT/rpcdump.log" 2>&1
  return 0
}

# The endpoint mapper outside, the client behind PAT with an inside ACL that lets the LAN reach only 135
# (configs/gateway-asa-rpc-client.cfg): ept_map's answer opens the way to the returned port.
scenario_msrpc_outside() {
  topology_up
  start_gateway gateway-asa-rpc-client.cfg
  start_dcerpcd $NS_SERVER $SERVER_IP || return
  msrpc_clients $NS_PHONE $SERVER_IP
  expect "server outside: the ept_lookup listing comes back through the gateway, naming the server's own address" grep -q "endpoint: ncacn_ip_tcp:$SERVER_IP\[" "$OUT/rpcdump.log"
  expect "server outside: ept_map for lsarpc, then a bind on the returned port past the inside ACL" grep -q "bind: ok" "$OUT/epm-map.log"
  expect "alg status: the msrpc ALG opened a pinhole" test "$(status_field "[a for a in algs if a['name'] == 'msrpc'][0]['pinholesOpened']")" -ge 1
}

scenario_msrpc_outside_off() {
  topology_up
  start_gateway gateway-asa-rpc-client-off.cfg
  start_dcerpcd $NS_SERVER $SERVER_IP || return
  msrpc_clients $NS_PHONE $SERVER_IP
  expect "server outside, DCE/RPC ALG off: ept_map is answered but the inside ACL keeps the returned port closed" eval "grep -q 'ept_map: ' $OUT/epm-map.log && ! grep -q 'bind: ok' $OUT/epm-map.log"
}

scenario_msrpc() {
  topology_up
  capture_start $NS_PHONE lan0 "$OUT/msrpc-lan0.pcap" && capture_start $NS_SERVER wan0 "$OUT/msrpc-wan0.pcap"
  start_gateway gateway-asa-rpc.cfg
  start_dcerpcd || return
  msrpc_clients
  capture_stop
  # rpcdump's ept_lookup listing comes back from Samba as a 4.9 KB reply in two DCE fragments over four TCP segments,
  # too long to hold back: its towers are translated as they pass (docs/algs.md, MS-RPC).
  expect "the ept_lookup listing comes back through the gateway with TCP endpoints on the public address" grep -q "endpoint: ncacn_ip_tcp:$RPC_PUBLIC\[" "$OUT/rpcdump.log"
  expect "no endpoint of the listing names the server's private address" eval "! grep -q '$PHONE_IP' $OUT/rpcdump.log"
  expect "no segment from the endpoint mapper the client saw carries the private address" test "$(count "$OUT/msrpc-wan0.pcap" 'tcp.srcport == 135 and frame contains c0:a8:01:0a')" -eq 0
  expect "ept_map for lsarpc, then a bind on the returned dynamic port through the ALG's pinhole" grep -q "bind: ok" "$OUT/epm-map.log"
  expect "the ept_map towers the client saw name the public address, never the private one" test "$(count "$OUT/msrpc-wan0.pcap" 'epm.opnum == 3 and frame contains c0:a8:01:0a')" -eq 0
  expect "alg status: the msrpc ALG opened a pinhole" test "$(status_field "[a for a in algs if a['name'] == 'msrpc'][0]['pinholesOpened']")" -ge 1
}

scenario_msrpc_off() {
  topology_up
  start_gateway gateway-asa-no-rpc.cfg
  start_dcerpcd || return
  msrpc_clients
  expect "DCE/RPC ALG off: ept_map is answered but the dynamic port stays closed" eval "grep -q 'ept_map: ' $OUT/epm-map.log && ! grep -q 'bind: ok' $OUT/epm-map.log"
}

# H.323 through alg run: the corpus call (nDPI h323.pcap) replayed from real sockets by tests/lab/conversation-replay.py
# (no Debian package makes an H.323 endpoint), the caller and the RAS endpoint on the phone, the callee and the
# gatekeeper on the server — as tests/lab/make-captures.sh h323-helper does through Linux's own helpers. Then RTP from
# the callee to the media port the phone's OLC named (5000) must come in through the H.245 ALG's pinhole.
scenario_h323() {
  topology_up
  capture_start $NS_SERVER wan0 "$OUT/h323-wan0.pcap" || return
  start_gateway gateway.cfg
  local capture="$E2E_HERE/../../../shared/corpus/pcaps/ntop_nDPI__h323.pcap"
  local map=(--inside 10.1.3.143=$PHONE_IP 17.2.0.124=$PHONE_IP --outside 10.1.6.18=$SERVER_IP 17.2.0.161=$SERVER_IP --public $GW_OUT_IP)
  [[ -f $capture ]] || { fail "h323: the corpus capture $capture is missing"; return 1; }
  nsx $NS_SERVER timeout 40 $PY "$E2E_HERE/../lab/conversation-replay.py" --side outside --capture "$capture" "${map[@]}" --received "$OUT/h323-server.txt" >"$OUT/h323-server.log" 2>&1 &
  local server=$!
  nsx $NS_PHONE timeout 40 $PY "$E2E_HERE/../lab/conversation-replay.py" --side inside --capture "$capture" "${map[@]}" --received "$OUT/h323-phone.txt" >"$OUT/h323-phone.log" 2>&1
  local phone_rc=$?
  wait $server; local server_rc=$?
  nsx $NS_PHONE timeout 5 socat -u UDP4-RECV:5000,bind=$PHONE_IP OPEN:"$OUT/h323-rtp.bin",creat,append & local listener=$!
  sleep 0.5
  nsx $NS_SERVER $PY -c "import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(('$SERVER_IP', 2006)); [s.sendto(bytes([0x80, 8, 0, i]) + bytes(168), ('$GW_OUT_IP', 5000)) for i in range(5)]"
  wait $listener 2>/dev/null
  capture_stop
  expect "h323: both sides replayed the call's 25 payloads through the gateway (Q.931, the H.245 connection, RAS)" eval "test $phone_rc -eq 0 -a $server_rc -eq 0 && grep -q '25 payloads replayed' $OUT/h323-phone.log && grep -q '25 payloads replayed' $OUT/h323-server.log"
  expect "h323: nothing the callee and gatekeeper received names the phone's private address" test "$(count "$OUT/h323-wan0.pcap" 'ip.src == 203.0.113.1 and frame contains c0:a8:01:0a')" -eq 0
  expect "h323: the OLCs the callee received name the public address" test "$(count "$OUT/h323-wan0.pcap" 'ip.src == 203.0.113.1 and tcp.port == 1232 and frame contains cb:00:71:01:13:88')" -ge 1
  expect "h323: RTP from the callee reached the phone's media port through the H.245 ALG's pinhole" test -s "$OUT/h323-rtp.bin"
  expect "alg status: the H.245 ALG opened the media pinholes" test "$(status_field "[a for a in algs if a['name'] == 'h323-h245'][0]['pinholesOpened']")" -ge 2
}

# ---- Beyond TCP and UDP (issue 16). The kernels here have no /dev/ppp, no ESP and no SCTP (reference algs.md §0.1): GRE, ESP and SCTP
# are made with scapy (tests/e2e/tunnels.py); the PPTP control exchange is pptpd's and pptp-linux's own.
TUNNELS="$PY $E2E_HERE/tunnels.py"

# Keeps a namespace's kernel from answering what only scapy speaks (an ICMP protocol unreachable for each SCTP or ESP
# packet); AF_PACKET captures and scapy's sniffing see the packets before this hook.
quiet_kernel() {
  local ns=$1 protocols=$2
  nsx $ns nft -f - <<NFT
table inet e2e_quiet {
  chain input { type filter hook input priority 0; policy accept; meta l4proto { $protocols } drop; }
}
NFT
}

# pptpd on the server with a stand-in for pppd that only holds the call (no /dev/ppp: pppd could not run, and pptpd
# would clear the call when it exits): the control connection and the call stay up while GRE is sent by scapy.
start_pptpd() {
  command -v pptpd >/dev/null && command -v pptp >/dev/null || { fail "pptp: pptpd and pptp-linux are not installed"; return 1; }
  mkdir -p /var/run/pptp
  printf '#!/bin/sh\nexec sleep 90\n' > "$OUT/fake-pppd"; chmod 755 "$OUT/fake-pppd"
  printf 'localip 10.99.0.1\nremoteip 10.99.0.2-9\n' > "$OUT/pptpd.conf"
  : > "$OUT/pptpd-options"
  nsx $NS_SERVER pptpd -f -c "$OUT/pptpd.conf" -o "$OUT/pptpd-options" -e "$OUT/fake-pppd" -l $SERVER_IP -p "$OUT/pptpd.pid" >"$OUT/pptpd.log" 2>&1 & BG+=($!)
  local i
  for i in $(seq 50); do nsx $NS_SERVER ss -ltn | grep -q ":1723 " && return 0; sleep 0.1; done
  fail "pptp: pptpd does not listen on 1723"; return 1
}

# Both phones run pptp-linux's control exchange to the server at once (each numbers its first call 0); prints when the
# server has sent two Outgoing-Call-Replies.
pptp_two_clients() {
  nsx $NS_PHONE $TUNNELS pptp-client $SERVER_IP $PHONE_IP 40 >"$OUT/pptp-client1.log" 2>&1 & BG+=($!)
  nsx $NS_PHONE2 $TUNNELS pptp-client $SERVER_IP $PHONE2_IP 40 >"$OUT/pptp-client2.log" 2>&1 & BG+=($!)
  local i
  for i in $(seq 100); do
    [[ $(tshark -r "$OUT/pptp-wan0.pcap" -Y 'pptp.control_message_type == 8' 2>/dev/null | wc -l) -ge 2 ]] && return 0
    sleep 0.2
  done
  return 1
}

# $1 pcap, $2 display filter, $3 field: the field's values, one per line.
fields() { tshark -r "$1" -Y "$2" -T fields -e "$3" 2>/dev/null | tr ',' '\n' | sed '/^$/d'; }

scenario_pptp() {
  topology_up
  second_phone_up
  start_gateway
  start_pptpd || return
  capture_start $NS_SERVER wan0 "$OUT/pptp-wan0.pcap" && capture_start $NS_PHONE br0 "$OUT/pptp-phone1.pcap" && capture_start $NS_PHONE2 lan0 "$OUT/pptp-phone2.pcap" || return
  pptp_two_clients || { fail "pptp: the server did not answer both Outgoing-Call-Requests"; return; }
  # What each side saw: the phones' own call ids (private) and the PAC's; the server's view of each call.
  local own1 own2 pac1 pac2 pub1 pub2
  own1=$(fields "$OUT/pptp-phone1.pcap" "ip.src == $PHONE_IP and pptp.control_message_type == 7" pptp.call_id | head -1)
  own2=$(fields "$OUT/pptp-phone2.pcap" "ip.src == $PHONE2_IP and pptp.control_message_type == 7" pptp.call_id | head -1)
  pac1=$(fields "$OUT/pptp-phone1.pcap" "ip.dst == $PHONE_IP and pptp.control_message_type == 8" pptp.call_id | head -1)
  pac2=$(fields "$OUT/pptp-phone2.pcap" "ip.dst == $PHONE2_IP and pptp.control_message_type == 8" pptp.call_id | head -1)
  pub1=$(fields "$OUT/pptp-wan0.pcap" "pptp.control_message_type == 8 and pptp.call_id == ${pac1:-99999}" pptp.peer_call_id | head -1)
  pub2=$(fields "$OUT/pptp-wan0.pcap" "pptp.control_message_type == 8 and pptp.call_id == ${pac2:-99999}" pptp.peer_call_id | head -1)
  echo "pptp call ids: phone1 own $own1 pac $pac1 public $pub1; phone2 own $own2 pac $pac2 public $pub2" >> "$OUT/checks.log"
  expect "both clients completed the control exchange: SCCRQ/SCCRP, OCRQ/OCRP (phone1 pac id '$pac1', phone2 '$pac2')" test -n "$pac1" -a -n "$pac2"
  expect "the PAC knows the two PNSs behind one address by different call ids ($pub1, $pub2)" test -n "$pub1" -a -n "$pub2" -a "$pub1" != "$pub2"
  expect "every OCRQ the PAC saw came from the public address" test "$(count "$OUT/pptp-wan0.pcap" "pptp.control_message_type == 7 and ip.src != $GW_OUT_IP")" -eq 0
  expect "each PNS's OCRP came back naming its own call id (phone1 $own1, phone2 $own2)" test \
    "$(fields "$OUT/pptp-phone1.pcap" "ip.dst == $PHONE_IP and pptp.control_message_type == 8" pptp.peer_call_id | head -1)" = "$own1" -a \
    "$(fields "$OUT/pptp-phone2.pcap" "ip.dst == $PHONE2_IP and pptp.control_message_type == 8" pptp.peer_call_id | head -1)" = "$own2"
  # GRE data as the call ids say (RFC 2637 §4.1: the key is the receiver's call id), both ways for both calls.
  nsx $NS_SERVER $TUNNELS gre $SERVER_IP $GW_OUT_IP "$pub1" to-phone1 3 >>"$OUT/gre.log" 2>&1
  nsx $NS_SERVER $TUNNELS gre $SERVER_IP $GW_OUT_IP "$pub2" to-phone2 3 >>"$OUT/gre.log" 2>&1
  nsx $NS_PHONE $TUNNELS gre $PHONE_IP $SERVER_IP "$pac1" from-phone1 3 >>"$OUT/gre.log" 2>&1
  nsx $NS_PHONE2 $TUNNELS gre $PHONE2_IP $SERVER_IP "$pac2" from-phone2 3 >>"$OUT/gre.log" 2>&1
  capture_stop
  expect "phone1 got its GRE, keyed with its own call id $own1" test "$(count "$OUT/pptp-phone1.pcap" "ip.dst == $PHONE_IP and gre.key.call_id == $own1 and frame contains \"PPTP-to-phone1\"")" -eq 3
  expect "phone2 got its GRE, keyed with its own call id $own2" test "$(count "$OUT/pptp-phone2.pcap" "ip.dst == $PHONE2_IP and gre.key.call_id == $own2 and frame contains \"PPTP-to-phone2\"")" -eq 3
  expect "neither phone got the other's GRE" test "$(count "$OUT/pptp-phone1.pcap" "ip.dst == $PHONE_IP and frame contains \"PPTP-to-phone2\"")" -eq 0 -a \
    "$(count "$OUT/pptp-phone2.pcap" "ip.dst == $PHONE2_IP and frame contains \"PPTP-to-phone1\"")" -eq 0
  expect "the PAC got each PNS's GRE from the public address with its own call id as the key" test \
    "$(count "$OUT/pptp-wan0.pcap" "ip.src == $GW_OUT_IP and gre.key.call_id == $pac1 and frame contains \"PPTP-from-phone1\"")" -eq 3 -a \
    "$(count "$OUT/pptp-wan0.pcap" "ip.src == $GW_OUT_IP and gre.key.call_id == $pac2 and frame contains \"PPTP-from-phone2\"")" -eq 3
  expect "the outside never sees a private address" test "$(count "$OUT/pptp-wan0.pcap" "ip.addr == $PHONE_IP or ip.addr == $PHONE2_IP")" -eq 0
  expect "checksums valid on both sides" eval "$CHECK checksums $OUT/pptp-wan0.pcap && $CHECK checksums $OUT/pptp-phone2.pcap"
  expect "alg status: the pptp ALG opened a tunnel per call" test "$(status_field "[a for a in algs if a['name'] == 'pptp'][0]['tunnelsOpened']")" -ge 2
}

scenario_pptp_off() {
  topology_up
  second_phone_up
  start_gateway gateway-no-pptp-alg.cfg
  start_pptpd || return
  capture_start $NS_SERVER wan0 "$OUT/pptp-wan0.pcap" && capture_start $NS_PHONE br0 "$OUT/pptp-phone1.pcap" && capture_start $NS_PHONE2 lan0 "$OUT/pptp-phone2.pcap" || return
  pptp_two_clients || { fail "pptp-off: the server did not answer both Outgoing-Call-Requests"; return; }
  # pptp-linux picks its call ids at random, so the two seldom collide; what the ALG's absence always shows is that the
  # PAC's GRE for the calls (keyed with each PNS's call id, RFC 2637 §4.1) has no tunnel to come back through.
  local ids id
  ids=$(fields "$OUT/pptp-wan0.pcap" "pptp.control_message_type == 8" pptp.peer_call_id | sort -u)
  for id in $ids; do nsx $NS_SERVER $TUNNELS gre $SERVER_IP $GW_OUT_IP "$id" to-a-phone 3 >>"$OUT/gre.log" 2>&1; done
  capture_stop
  expect "PPTP ALG off: the control exchange itself crosses the NAT (two Outgoing-Call-Replies: $(echo $ids))" test "$(echo $ids | wc -w)" -eq 2
  expect "PPTP ALG off: the PAC's GRE for the calls reaches neither phone (no tunnel)" test \
    "$(count "$OUT/pptp-phone1.pcap" 'frame contains "PPTP-to-a-phone"')" -eq 0 -a "$(count "$OUT/pptp-phone2.pcap" 'frame contains "PPTP-to-a-phone"')" -eq 0
}

scenario_esp() {
  topology_up
  second_phone_up
  start_gateway gateway-ipsec.cfg
  quiet_kernel $NS_PHONE esp; quiet_kernel $NS_PHONE2 esp; quiet_kernel $NS_SERVER esp
  capture_start $NS_SERVER wan0 "$OUT/esp-wan0.pcap" && capture_start $NS_PHONE br0 "$OUT/esp-phone1.pcap" && capture_start $NS_PHONE2 lan0 "$OUT/esp-phone2.pcap" || return
  # Host 1 negotiates (an IKEv1 Quick Mode on UDP 500) and sends its ESP; the peer's first ESP of SPI 0x2001 comes back
  # through host 1's gate. Then host 2 the same way with SPIs 0x1002 / 0x2002. NAT traversal is not used: raw ESP.
  nsx $NS_PHONE $TUNNELS ike $PHONE_IP $SERVER_IP 32 >>"$OUT/esp.log" 2>&1
  nsx $NS_PHONE $TUNNELS esp $PHONE_IP $SERVER_IP 0x1001 3 >>"$OUT/esp.log" 2>&1
  nsx $NS_SERVER $TUNNELS esp $SERVER_IP $GW_OUT_IP 0x2001 3 >>"$OUT/esp.log" 2>&1
  nsx $NS_PHONE2 $TUNNELS ike $PHONE2_IP $SERVER_IP 32 >>"$OUT/esp.log" 2>&1
  nsx $NS_PHONE2 $TUNNELS esp $PHONE2_IP $SERVER_IP 0x1002 3 >>"$OUT/esp.log" 2>&1
  nsx $NS_SERVER $TUNNELS esp $SERVER_IP $GW_OUT_IP 0x2002 3 >>"$OUT/esp.log" 2>&1
  # Both security associations now pinned: the peer's replies interleaved, and one SPI no gate announced.
  nsx $NS_SERVER $TUNNELS esp $SERVER_IP $GW_OUT_IP 0x2001 3 >>"$OUT/esp.log" 2>&1
  nsx $NS_SERVER $TUNNELS esp $SERVER_IP $GW_OUT_IP 0x2002 3 >>"$OUT/esp.log" 2>&1
  nsx $NS_SERVER $TUNNELS esp $SERVER_IP $GW_OUT_IP 0x2999 2 >>"$OUT/esp.log" 2>&1
  # NAT traversal on 4500 (IKE after the non-ESP marker, a keepalive, ESP in UDP): plain NAPT, payloads untouched.
  nsx $NS_PHONE $TUNNELS natt $PHONE_IP $SERVER_IP >>"$OUT/esp.log" 2>&1
  capture_stop
  expect "both hosts' ESP reached the peer from the public address (SPIs 0x1001, 0x1002)" test \
    "$(count "$OUT/esp-wan0.pcap" "ip.src == $GW_OUT_IP and esp.spi == 0x1001")" -eq 3 -a "$(count "$OUT/esp-wan0.pcap" "ip.src == $GW_OUT_IP and esp.spi == 0x1002")" -eq 3
  expect "host 1 got only its own replies (SPI 0x2001)" test \
    "$(count "$OUT/esp-phone1.pcap" "ip.dst == $PHONE_IP and esp.spi == 0x2001")" -eq 6 -a "$(count "$OUT/esp-phone1.pcap" "ip.dst == $PHONE_IP and esp.spi != 0x2001 and not icmp")" -eq 0
  expect "host 2 got only its own replies (SPI 0x2002)" test \
    "$(count "$OUT/esp-phone2.pcap" "ip.dst == $PHONE2_IP and esp.spi == 0x2002")" -eq 6 -a "$(count "$OUT/esp-phone2.pcap" "ip.dst == $PHONE2_IP and esp.spi != 0x2002 and not icmp")" -eq 0
  expect "ESP of an SPI no IKE announced reached nobody, counted" test "$(status_field "sum(d['value'] for d in drops if d['key'] == 'esp-without-gate')")" -ge 2
  # Host 1's IKE keeps port 500 (IKE preserve-port); host 2's, from 500 as well, gets another public port. (The peer has
  # no IKE daemon: its kernel's port-unreachables quote our packets, hence "not icmp".)
  expect "IKE kept its port 500 (IKE preserve-port)" test "$(count "$OUT/esp-wan0.pcap" "ip.src == $GW_OUT_IP and udp.srcport == 500 and udp.dstport == 500 and not icmp")" -eq 1
  expect "IKE left untouched above UDP" test "$(fields "$OUT/esp-phone1.pcap" "ip.src == $PHONE_IP and udp.port == 500" udp.payload)" = "$(fields "$OUT/esp-wan0.pcap" "ip.src == $GW_OUT_IP and udp.srcport == 500 and udp.dstport == 500" udp.payload)"
  expect "NAT traversal on 4500 left untouched above UDP (IKE, keepalive, ESP in UDP)" test "$(fields "$OUT/esp-phone1.pcap" "ip.src == $PHONE_IP and udp.port == 4500" udp.payload | sort)" = "$(fields "$OUT/esp-wan0.pcap" "ip.src == $GW_OUT_IP and udp.port == 4500" udp.payload | sort)"
  expect "the outside never sees a private address" test "$(count "$OUT/esp-wan0.pcap" "ip.addr == $PHONE_IP or ip.addr == $PHONE2_IP")" -eq 0
}

scenario_sctp() {
  topology_up
  start_gateway gateway-asa-sctp.cfg
  quiet_kernel $NS_PHONE sctp; quiet_kernel $NS_SERVER sctp
  capture_start $NS_SERVER wan0 "$OUT/sctp-wan0.pcap" && capture_start $NS_PHONE lan0 "$OUT/sctp-lan0.pcap" || return
  nsx $NS_SERVER $TUNNELS sctp-server $SERVER_IP 2905 30 >"$OUT/sctp-server.log" 2>&1 & BG+=($!)
  sleep 1.5
  nsx $NS_PHONE timeout 20 $TUNNELS sctp-client $PHONE_IP 5000 $SERVER_IP 2905 >"$OUT/sctp-client.log" 2>&1
  nsx $NS_PHONE timeout 20 $TUNNELS sctp-anomalies $PHONE_IP 5100 $SERVER_IP 2905 >"$OUT/sctp-anomalies.log" 2>&1
  sleep 1
  capture_stop
  expect "an SCTP association through alg run: handshake, DATA both ways, shutdown" grep -q "3 of 3 DATA echoed, shutdown acknowledged" "$OUT/sctp-client.log"
  expect "the server saw the association from the public address with valid CRC32c" eval "test \$(count $OUT/sctp-wan0.pcap 'ip.src == $GW_OUT_IP and sctp') -ge 8 && test \$(tshark -r $OUT/sctp-wan0.pcap -o sctp.checksum:CRC-32C -Y 'sctp.checksum.status != 1' 2>/dev/null | wc -l) -eq 0"
  expect "the client saw valid CRC32c on everything that reached it" test "$(tshark -r "$OUT/sctp-lan0.pcap" -o sctp.checksum:CRC-32C -Y "ip.dst == $PHONE_IP and sctp and sctp.checksum.status != 1" 2>/dev/null | wc -l)" -eq 0
  # The seven: a wrong tag, INIT bundled with DATA, a chunk length past the packet, a bad CRC32c and DATA of no
  # association (each carries "anomaly"), a SHUTDOWN ACK while established, and a packet of 81 chunks.
  expect "none of the seven anomalous packets reached the server" test \
    "$(count "$OUT/sctp-wan0.pcap" 'frame contains "anomaly"')" -eq 0 -a \
    "$(count "$OUT/sctp-wan0.pcap" "ip.src == $GW_OUT_IP and sctp.chunk_type == 8")" -eq 0 -a \
    "$(count "$OUT/sctp-wan0.pcap" "ip.src == $GW_OUT_IP and sctp and frame.len > 1000")" -eq 0
  local classes
  classes=$(status_field "len([a for a in algs if a['name'] == 'sctp'][0]['policyDropsBy'])")
  expect "alg status: the sctp ALG dropped and counted each of the seven anomaly classes ($classes classes)" test "$classes" -ge 7
  "$ALG" status --control "$CONTROL" > "$OUT/status.txt"
}

case $SCENARIO in
  nat) scenario_nat ;;
  tftp) scenario_tftp ;;
  sip-udp) scenario_sip_udp ;;
  sip-reload-one-way) scenario_sip_reload_one_way ;;
  sip-tcp) scenario_sip_tcp ;;
  sip-register-inbound) scenario_sip_register_inbound ;;
  reload-under-load) scenario_reload_under_load ;;
  ftp) scenario_ftp ;;
  ftp-off) scenario_ftp_off ;;
  rtsp) scenario_rtsp ;;
  rtsp-off) scenario_rtsp_off ;;
  mgcp) scenario_mgcp ;;
  mgcp-off) scenario_mgcp_off ;;
  sqlnet) scenario_sqlnet ;;
  sqlnet-off) scenario_sqlnet_off ;;
  static-nat) scenario_static_nat ;;
  sunrpc) scenario_sunrpc ;;
  sunrpc-off) scenario_sunrpc_off ;;
  sunrpc-outside) scenario_sunrpc_outside ;;
  sunrpc-outside-off) scenario_sunrpc_outside_off ;;
  msrpc) scenario_msrpc ;;
  h323) scenario_h323 ;;
  msrpc-off) scenario_msrpc_off ;;
  msrpc-outside) scenario_msrpc_outside ;;
  msrpc-outside-off) scenario_msrpc_outside_off ;;
  console-sip-off) scenario_console_sip_off ;;

  pptp) scenario_pptp ;;
  pptp-off) scenario_pptp_off ;;
  esp) scenario_esp ;;
  sctp) scenario_sctp ;;
  *) echo "unknown scenario $SCENARIO"; exit 2 ;;
esac
gateway_alg_stop >/dev/null 2>&1
exit $FAILED
