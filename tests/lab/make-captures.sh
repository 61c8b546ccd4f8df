#!/usr/bin/env bash
# Alg lab captures: real traffic from real tools through Linux's own NAT
# (nft masquerade + the kernel's conntrack helpers) in three network namespaces.
#
#   alglab-phone  lan0 192.168.1.10/24, default via 192.168.1.1
#   alglab-gw     gl0  192.168.1.1/24 (inside), gw0 203.0.113.1/24 (outside),
#                 ip_forward=1, nft masquerade on oifname gw0
#   alglab-server wan0 203.0.113.20/24, NO other route (no way back to 192.168.1.0/24)
#
# Every scenario gets a fresh topology (so a fresh conntrack table), tcpdump on
# lan0, gl0, gw0 and wan0, the traffic, then a clean stop of the captures and a
# teardown. Output: tests/data/lab/<scenario>/{lan0,gl0,gw0,wan0}.pcap plus
# logs/ (tool output, conntrack/nft state). Needs root. Idempotent: old
# namespaces and old output of the chosen scenarios are removed first.
#
# Usage: sudo tests/lab/make-captures.sh [scenario ...]
#   scenarios: nat-basic tftp tftp-no-helper sip-udp-helper sip-tcp-helper sip-udp-no-alg
#              sip-register-inbound sip-stun-rewritten sip-slipstream-v1
#              ftp-active-helper ftp-passive-helper ftp-active-no-helper ftp-bounce-helper
#              rtsp-no-helper mgcp-no-helper h323-helper pptp-helper   (default: all)
# Traffic goes only between these namespaces. Nothing leaves the machine.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
OUT="$REPO/tests/data/lab"
SIPP_XML="$HERE/sipp"
PY=/usr/bin/python3

NS_PHONE=alglab-phone
NS_GW=alglab-gw
NS_SERVER=alglab-server
PHONE_IP=192.168.1.10
GW_IN_IP=192.168.1.1
GW_OUT_IP=203.0.113.1
SERVER_IP=203.0.113.20

ALL_SCENARIOS=(nat-basic tftp tftp-no-helper sip-udp-helper sip-tcp-helper sip-udp-no-alg sip-register-inbound sip-stun-rewritten sip-slipstream-v1
               ftp-active-helper ftp-passive-helper ftp-active-no-helper ftp-bounce-helper rtsp-no-helper mgcp-no-helper
               h323-helper pptp-helper)

[[ $EUID -eq 0 ]] || { echo "make-captures.sh: needs root" >&2; exit 1; }
for t in ip nft tcpdump tshark sipp ethtool socat in.tftpd tftp curl ping vsftpd; do
  command -v "$t" >/dev/null || { echo "missing tool: $t (apt-get install iproute2 nftables tcpdump tshark sip-tester ethtool socat tftpd-hpa tftp-hpa curl iputils-ping python3-scapy vsftpd)" >&2; exit 1; }
done
$PY -c 'import scapy' 2>/dev/null || { echo "missing python3-scapy for $PY" >&2; exit 1; }

WORK="$(mktemp -d /tmp/alglab.XXXXXX)"
chmod 755 "$WORK"
declare -a BG_PIDS=()    # background servers/tools started by this script
declare -a CAP_PIDS=()   # tcpdump processes

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
nsx() { local ns=$1; shift; ip netns exec "$ns" "$@"; }

kill_bg() {
  local p
  for p in "${BG_PIDS[@]:-}"; do [[ -n $p ]] && kill "$p" 2>/dev/null || true; done
  for p in "${BG_PIDS[@]:-}"; do [[ -n $p ]] && wait "$p" 2>/dev/null || true; done
  BG_PIDS=()
}

teardown() {
  local p
  for p in "${CAP_PIDS[@]:-}"; do [[ -n $p ]] && kill -INT "$p" 2>/dev/null || true; done
  for p in "${CAP_PIDS[@]:-}"; do [[ -n $p ]] && wait "$p" 2>/dev/null || true; done
  CAP_PIDS=()
  kill_bg
  local ns
  for ns in $NS_PHONE $NS_GW $NS_SERVER; do
    if ip netns list | grep -qw "$ns"; then
      # kill anything we left inside (only processes in our own namespaces)
      local pids; pids=$(ip netns pids "$ns" 2>/dev/null || true)
      [[ -n $pids ]] && kill $pids 2>/dev/null || true
      ip netns del "$ns" 2>/dev/null || true
    fi
  done
  # veth peers die with their namespace; remove stray ones in the root ns too
  for ns in alglab-v1 alglab-v2; do ip link del "$ns" 2>/dev/null || true; done
}

cleanup_all() { teardown; rm -rf "$WORK"; }
trap cleanup_all EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- topology
# $1: gateway mode: plain | sip | tftp | ftp
setup_topology() {
  local mode=$1
  teardown
  ip netns add $NS_PHONE
  ip netns add $NS_GW
  ip netns add $NS_SERVER
  local ns
  for ns in $NS_PHONE $NS_GW $NS_SERVER; do
    # no IPv6 chatter (RS/MLD/DAD) in the captures
    nsx $ns sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
    nsx $ns ip link set lo up
  done
  ip link add alglab-v1 netns $NS_PHONE type veth peer name alglab-v1p netns $NS_GW
  ip link add alglab-v2 netns $NS_GW type veth peer name alglab-v2p netns $NS_SERVER
  nsx $NS_PHONE ip link set alglab-v1 name lan0
  nsx $NS_GW ip link set alglab-v1p name gl0
  nsx $NS_GW ip link set alglab-v2 name gw0
  nsx $NS_SERVER ip link set alglab-v2p name wan0
  # fixed MACs so captures are reproducible
  nsx $NS_PHONE  ip link set lan0 address 02:00:00:00:01:10
  nsx $NS_GW     ip link set gl0  address 02:00:00:00:01:01
  nsx $NS_GW     ip link set gw0  address 02:00:00:00:02:01
  nsx $NS_SERVER ip link set wan0 address 02:00:00:00:02:20

  nsx $NS_PHONE  ip addr add $PHONE_IP/24 dev lan0
  nsx $NS_GW     ip addr add $GW_IN_IP/24 dev gl0
  nsx $NS_GW     ip addr add $GW_OUT_IP/24 dev gw0
  nsx $NS_SERVER ip addr add $SERVER_IP/24 dev wan0
  local pair
  for pair in "$NS_PHONE lan0" "$NS_GW gl0" "$NS_GW gw0" "$NS_SERVER wan0"; do
    set -- $pair
    nsx "$1" ethtool -K "$2" tx off rx off >/dev/null 2>&1 || nsx "$1" ethtool -K "$2" tx off rx off
    nsx "$1" ip link set "$2" up
  done
  nsx $NS_PHONE ip route add default via $GW_IN_IP
  # the server deliberately gets no default route and no route to 192.168.1.0/24
  nsx $NS_GW sysctl -qw net.ipv4.ip_forward=1
  # helpers are only used when the ruleset assigns them (no automatic assignment)
  nsx $NS_GW sysctl -qw net.netfilter.nf_conntrack_helper=0 2>/dev/null || true

  local rules="$WORK/gw-$mode.nft"
  {
    echo "flush ruleset"
    echo "table ip alglab_nat {"
    echo "  chain postrouting {"
    echo "    type nat hook postrouting priority srcnat; policy accept;"
    echo "    oifname \"gw0\" masquerade"
    echo "  }"
    echo "}"
    case $mode in
      sip)
        cat <<'EOF'
table ip alglab_helpers {
  ct helper sip-5060-udp {
    type "sip" protocol udp;
    l3proto ip;
  }
  ct helper sip-5060-tcp {
    type "sip" protocol tcp;
    l3proto ip;
  }
  chain prerouting {
    type filter hook prerouting priority filter; policy accept;
    udp dport 5060 ct state new ct helper set "sip-5060-udp"
    tcp dport 5060 ct state new ct helper set "sip-5060-tcp"
  }
}
EOF
        ;;
      tftp)
        cat <<'EOF'
table ip alglab_helpers {
  ct helper tftp-69 {
    type "tftp" protocol udp;
    l3proto ip;
  }
  chain prerouting {
    type filter hook prerouting priority filter; policy accept;
    udp dport 69 ct state new ct helper set "tftp-69"
  }
}
EOF
        ;;
      ftp)
        cat <<'EOF'
table ip alglab_helpers {
  ct helper ftp-21 {
    type "ftp" protocol tcp;
    l3proto ip;
  }
  chain prerouting {
    type filter hook prerouting priority filter; policy accept;
    tcp dport 21 ct state new ct helper set "ftp-21"
  }
}
EOF
        ;;
      h323)
        # Linux's H.323 helpers: Q.931 call signalling on tcp/1720 (it expects the H.245 connection itself, with the
        # "H.245" helper) and RAS on udp/1719; nf_nat_h323 rewrites what they find.
        cat <<'EOF'
table ip alglab_helpers {
  ct helper q931-1720 {
    type "Q.931" protocol tcp;
    l3proto ip;
  }
  ct helper ras-1719 {
    type "RAS" protocol udp;
    l3proto ip;
  }
  chain prerouting {
    type filter hook prerouting priority filter; policy accept;
    tcp dport 1720 ct state new ct helper set "q931-1720"
    udp dport 1719 ct state new ct helper set "ras-1719"
  }
}
EOF
        ;;
      pptp)
        # Linux's PPTP conntrack helper (tcp/1723): it follows the call ids and expects the call's GRE; with
        # masquerade, nf_nat_pptp (present in this kernel after all: the capture shows it) maps the PNS's call id.
        cat <<'EOF'
table ip alglab_helpers {
  ct helper pptp-1723 {
    type "pptp" protocol tcp;
    l3proto ip;
  }
  chain prerouting {
    type filter hook prerouting priority filter; policy accept;
    tcp dport 1723 ct state new ct helper set "pptp-1723"
  }
}
EOF
        ;;
      mgcp-forward)
        # A media gateway on the phone's host published on UDP 2427, as a static NAT entry does on a router.
        cat <<EOF
table ip alglab_forward {
  chain prerouting {
    type nat hook prerouting priority dstnat; policy accept;
    iifname "gw0" udp dport 2427 dnat to $PHONE_IP
  }
}
EOF
        ;;
      plain) ;;
      *) echo "bad mode $mode" >&2; return 1 ;;
    esac
  } > "$rules"
  nsx $NS_GW nft -f "$rules"
}

# ---------------------------------------------------------------- captures
# $1: scenario directory
start_captures() {
  local dir=$1 pair
  CAP_PIDS=()
  for pair in "$NS_PHONE lan0" "$NS_GW gl0" "$NS_GW gw0" "$NS_SERVER wan0"; do
    set -- $pair
    # exec'd directly (not via a shell function) so $! is tcpdump itself
    ip netns exec "$1" tcpdump -Z root -U -n -s 0 -i "$2" -w "$dir/$2.pcap" 2>"$dir/logs/tcpdump-$2.log" &
    CAP_PIDS+=($!)
  done
  # wait until all four are listening
  local i
  for i in $(seq 1 50); do
    if [[ $(cat "$dir"/logs/tcpdump-*.log 2>/dev/null | grep -c 'listening on') -ge 4 ]]; then
      sleep 0.3; return 0
    fi
    sleep 0.1
  done
  echo "tcpdump did not start" >&2; cat "$dir"/logs/tcpdump-*.log >&2; return 1
}

stop_captures() {
  local p
  sleep 0.5
  for p in "${CAP_PIDS[@]}"; do kill -INT "$p" 2>/dev/null || true; done
  for p in "${CAP_PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
  CAP_PIDS=()
}

# state of the gateway after the traffic (conntrack table, nft ruleset)
dump_gw_state() {
  local dir=$1
  nsx $NS_GW nft list ruleset > "$dir/logs/gw-nft-ruleset.txt" 2>&1 || true
  nsx $NS_GW cat /proc/net/nf_conntrack > "$dir/logs/gw-conntrack.txt" 2>&1 || true
  nsx $NS_GW cat /proc/net/nf_conntrack_expect > "$dir/logs/gw-conntrack-expect.txt" 2>&1 || true
}

new_scenario() {
  local name=$1
  local dir="$OUT/$name"
  rm -rf "$dir"
  mkdir -p "$dir/logs"
  echo "$dir"
}

# sipp needs its RTP pcaps in pcap/ under its working directory
prepare_sipp_dir() {
  mkdir -p "$WORK/sipp/pcap"
  cp /usr/share/sip-tester/*.pcap "$WORK/sipp/pcap/"
  cp "$SIPP_XML"/*.xml "$WORK/sipp/"
}

SIPP_COMMON=(-nostdin -m 1 -l 1 -timeout 40s -timeout_error -trace_err -trace_msg -trace_screen)

# runs sipp inside a namespace, in the sipp work dir, logs into $dir/logs/sipp-<tag>*
# $1 ns, $2 tag, $3 dir, rest: sipp args
run_sipp() {
  local ns=$1 tag=$2 dir=$3; shift 3
  echo "ip netns exec $ns sipp $*" >> "$dir/logs/commands.txt"
  ( cd "$WORK/sipp" && exec ip netns exec "$ns" sipp "$@" \
      -message_file "$dir/logs/sipp-$tag-messages.log" \
      -error_file "$dir/logs/sipp-$tag-errors.log" \
      -screen_file "$dir/logs/sipp-$tag-screen.log" \
      >"$dir/logs/sipp-$tag-stdout.log" 2>&1 )
}

# ---------------------------------------------------------------- scenarios
scenario_nat_basic() {
  local dir; dir=$(new_scenario nat-basic)
  log "nat-basic"
  setup_topology plain
  mkdir -p "$WORK/www"
  printf 'hello from 203.0.113.20 over TCP through Linux masquerade\n' > "$WORK/www/hello.txt"
  # servers: UDP echo on 7000 (one child per peer), HTTP on 8080
  ip netns exec $NS_SERVER socat UDP4-RECVFROM:7000,bind=$SERVER_IP,fork EXEC:cat >"$dir/logs/socat-udp-server.log" 2>&1 &
  BG_PIDS+=($!)
  ( cd "$WORK/www" && exec ip netns exec $NS_SERVER $PY -m http.server 8080 --bind $SERVER_IP ) >"$dir/logs/http-server.log" 2>&1 &
  BG_PIDS+=($!)
  sleep 1
  start_captures "$dir"
  {
    echo "ip netns exec $NS_SERVER socat UDP4-RECVFROM:7000,bind=$SERVER_IP,fork EXEC:cat"
    echo "ip netns exec $NS_SERVER $PY -m http.server 8080 --bind $SERVER_IP   (cwd holds hello.txt)"
    echo "ip netns exec $NS_PHONE ping -c 3 -i 0.3 $SERVER_IP"
    echo "ip netns exec $NS_PHONE socat -t 1 - UDP4:$SERVER_IP:7000,bind=$PHONE_IP:40000   (3 lines in, 3 echoes back)"
    echo "ip netns exec $NS_PHONE socat -t 1 - UDP4:$SERVER_IP:7000,bind=$PHONE_IP:40001   (2 lines in, 2 echoes back)"
    echo "ip netns exec $NS_PHONE curl -sS --http1.0 http://$SERVER_IP:8080/hello.txt"
  } >> "$dir/logs/commands.txt"
  nsx $NS_PHONE ping -c 3 -i 0.3 $SERVER_IP > "$dir/logs/ping.log" 2>&1
  sleep 0.3
  ( for i in 1 2 3; do echo "udp from 40000 msg $i"; sleep 0.3; done; sleep 0.5 ) \
    | nsx $NS_PHONE socat -t 1 - UDP4:$SERVER_IP:7000,bind=$PHONE_IP:40000 > "$dir/logs/udp-40000.log" 2>&1
  ( for i in 1 2; do echo "udp from 40001 msg $i"; sleep 0.3; done; sleep 0.5 ) \
    | nsx $NS_PHONE socat -t 1 - UDP4:$SERVER_IP:7000,bind=$PHONE_IP:40001 > "$dir/logs/udp-40001.log" 2>&1
  sleep 0.3
  nsx $NS_PHONE curl -sS --http1.0 http://$SERVER_IP:8080/hello.txt > "$dir/logs/curl.log" 2>&1
  sleep 1
  dump_gw_state "$dir"
  stop_captures
  kill_bg
}

# TFTP download. $1 scenario name, $2 gateway mode (tftp = with the kernel's
# tftp helper, plain = masquerade only)
scenario_tftp() {
  local name=$1 mode=$2
  local dir; dir=$(new_scenario "$name")
  log "$name"
  setup_topology "$mode"
  rm -rf "$WORK/tftp" "$WORK/tftp-client"
  mkdir -p "$WORK/tftp" "$WORK/tftp-client"
  chmod 755 "$WORK/tftp" "$WORK/tftp-client"
  # 1300 bytes: three DATA blocks (512, 512, 276)
  $PY - "$WORK/tftp/boot.cfg" <<'EOF'
import sys
lines = "".join("alglab tftp test file, line %03d: 0123456789abcdef\n" % i for i in range(40))
open(sys.argv[1], "w").write(lines[:1300])
EOF
  chmod 644 "$WORK/tftp/boot.cfg"
  ip netns exec $NS_SERVER in.tftpd -L -vvv --address $SERVER_IP:69 -u root -s "$WORK/tftp" >"$dir/logs/tftpd.log" 2>&1 &
  BG_PIDS+=($!)
  sleep 1
  start_captures "$dir"
  {
    echo "ip netns exec $NS_SERVER in.tftpd -L -vvv --address $SERVER_IP:69 -u root -s <dir with boot.cfg, 1300 bytes>"
    echo "cd <empty dir> && printf 'binary\\nrexmt 2\\ntimeout 6\\nget boot.cfg\\nquit\\n' | timeout 15 ip netns exec $NS_PHONE tftp $SERVER_IP"
  } >> "$dir/logs/commands.txt"
  ( cd "$WORK/tftp-client" && printf 'binary\nrexmt 2\ntimeout 6\nget boot.cfg\nquit\n' | timeout 15 ip netns exec $NS_PHONE tftp $SERVER_IP ) \
    > "$dir/logs/tftp-client.log" 2>&1 || echo "tftp client rc=$?" >> "$dir/logs/tftp-client.log"
  if cmp "$WORK/tftp/boot.cfg" "$WORK/tftp-client/boot.cfg" >> "$dir/logs/tftp-client.log" 2>&1; then
    echo "downloaded file identical (1300 bytes)" >> "$dir/logs/tftp-client.log"
  else
    echo "download FAILED (no identical file)" >> "$dir/logs/tftp-client.log"
  fi
  sleep 1
  dump_gw_state "$dir"
  stop_captures
  kill_bg
}

# A call: UAS on the server, UAC (-sn uac_pcap) on the phone, RTP both ways.
# $1 scenario name, $2 gateway mode (sip|plain), $3 transport (u1|t1)
sip_call() {
  local name=$1 mode=$2 tr=$3
  local dir; dir=$(new_scenario "$name")
  log "$name"
  setup_topology "$mode"
  prepare_sipp_dir
  start_captures "$dir"
  run_sipp $NS_SERVER uas "$dir" -sf uas_media.xml -t $tr -i $SERVER_IP -p 5060 -mi $SERVER_IP -mp 8000 "${SIPP_COMMON[@]}" &
  local uas=$!
  BG_PIDS+=($uas)
  sleep 1
  run_sipp $NS_PHONE uac "$dir" -sn uac_pcap -s alice -t $tr -i $PHONE_IP -p 5060 -mi $PHONE_IP -mp 6000 "${SIPP_COMMON[@]}" $SERVER_IP:5060 \
    || echo "uac exit code $?" >> "$dir/logs/exit-codes.txt"
  wait $uas || echo "uas exit code $?" >> "$dir/logs/exit-codes.txt"
  BG_PIDS=()
  sleep 0.5
  dump_gw_state "$dir"
  stop_captures
}

scenario_sip_register_inbound() {
  local name=sip-register-inbound
  local dir; dir=$(new_scenario "$name")
  log "$name"
  setup_topology sip
  prepare_sipp_dir
  start_captures "$dir"
  # 1. registrar on the server, phone registers
  run_sipp $NS_SERVER registrar "$dir" -sf uas_registrar.xml -t u1 -i $SERVER_IP -p 5060 -trace_logs -log_file "$dir/logs/sipp-registrar-log.log" "${SIPP_COMMON[@]}" &
  local reg=$!
  BG_PIDS+=($reg)
  sleep 1
  run_sipp $NS_PHONE register "$dir" -sf uac_register.xml -t u1 -i $PHONE_IP -p 5060 "${SIPP_COMMON[@]}" $SERVER_IP:5060 \
    || echo "register uac exit code $?" >> "$dir/logs/exit-codes.txt"
  wait $reg || echo "registrar exit code $?" >> "$dir/logs/exit-codes.txt"
  BG_PIDS=()
  local cip cport
  read -r cip cport < <(sed -n 's/.*CONTACT \([0-9.]*\) \([0-9]*\).*/\1 \2/p' "$dir/logs/sipp-registrar-log.log" | head -1)
  [[ -n ${cip:-} && -n ${cport:-} ]] || { echo "registrar saw no contact" >&2; return 1; }
  echo "registered contact as seen by the server: $cip:$cport" > "$dir/logs/registered-contact.txt"
  # 2. the phone waits for calls on its 5060; the server calls the registered contact
  run_sipp $NS_PHONE uas "$dir" -sf uas_media.xml -t u1 -i $PHONE_IP -p 5060 -mi $PHONE_IP -mp 6000 "${SIPP_COMMON[@]}" &
  local uas=$!
  BG_PIDS+=($uas)
  sleep 1
  run_sipp $NS_SERVER uac "$dir" -sn uac_pcap -s phone -t u1 -i $SERVER_IP -p 5060 -mi $SERVER_IP -mp 8000 "${SIPP_COMMON[@]}" "$cip:$cport" \
    || echo "server uac exit code $?" >> "$dir/logs/exit-codes.txt"
  wait $uas || echo "phone uas exit code $?" >> "$dir/logs/exit-codes.txt"
  BG_PIDS=()
  sleep 0.5
  dump_gw_state "$dir"
  stop_captures
}

scenario_sip_stun_rewritten() {
  local name=sip-stun-rewritten
  local dir; dir=$(new_scenario "$name")
  log "$name"
  setup_topology plain
  prepare_sipp_dir
  start_captures "$dir"
  run_sipp $NS_SERVER uas "$dir" -sf uas_media.xml -t u1 -i $SERVER_IP -p 5060 -mi $SERVER_IP -mp 8000 "${SIPP_COMMON[@]}" &
  local uas=$!
  BG_PIDS+=($uas)
  sleep 1
  run_sipp $NS_PHONE uac "$dir" -sf uac_stun.xml -set pubip $GW_OUT_IP -s alice -t u1 -i $PHONE_IP -p 5060 -mi $PHONE_IP -mp 6000 "${SIPP_COMMON[@]}" $SERVER_IP:5060 \
    || echo "uac exit code $?" >> "$dir/logs/exit-codes.txt"
  wait $uas || echo "uas exit code $?" >> "$dir/logs/exit-codes.txt"
  BG_PIDS=()
  sleep 0.5
  dump_gw_state "$dir"
  stop_captures
  # derived files: what a broken ALG would have sent (see MANIFEST.md)
  local f
  for f in gw0 wan0; do
    $PY "$HERE/rewrite-sdp.py" "$dir/$f.pcap" "$dir/$f-broken-alg.pcap" $GW_OUT_IP 203.0.113.99 \
      >> "$dir/logs/rewrite-sdp.log" 2>&1
  done
}

# NAT Slipstreaming v1 through Linux with its SIP helper on tcp/5060: a POST whose second segment starts with a
# REGISTER naming the phone's port 3306, the attacker's matching 200 OK, then the attacker's SYN to 203.0.113.1:3306.
scenario_sip_slipstream_v1() {
  local name=sip-slipstream-v1
  local dir; dir=$(new_scenario "$name")
  log "$name"
  setup_topology sip
  start_captures "$dir"
  {
    echo "ip netns exec $NS_PHONE $PY tests/lab/slipstream.py listener $PHONE_IP"
    echo "ip netns exec $NS_SERVER $PY tests/lab/slipstream.py attacker $SERVER_IP $GW_OUT_IP"
    echo "ip netns exec $NS_PHONE $PY tests/lab/slipstream.py victim $SERVER_IP"
  } >> "$dir/logs/commands.txt"
  ip netns exec $NS_PHONE $PY "$HERE/slipstream.py" listener $PHONE_IP > "$dir/logs/listener.log" 2>&1 &
  local listener=$!
  BG_PIDS+=($listener)
  ip netns exec $NS_SERVER $PY "$HERE/slipstream.py" attacker $SERVER_IP $GW_OUT_IP > "$dir/logs/attacker.log" 2>&1 &
  local attacker=$!
  BG_PIDS+=($attacker)
  sleep 0.5
  ip netns exec $NS_PHONE $PY "$HERE/slipstream.py" victim $SERVER_IP > "$dir/logs/victim.log" 2>&1 || true
  wait $attacker || true
  wait $listener || true
  BG_PIDS=()
  dump_gw_state "$dir"
  stop_captures
}

# FTP: vsftpd on the server (anonymous, uploads allowed, passive ports 30000-30009), curl on the phone.
# $1 scenario name, $2 gateway mode (ftp|plain), $3 what the client does: active | passive | bounce
scenario_ftp() {
  local name=$1 mode=$2 what=$3
  local dir; dir=$(new_scenario "$name")
  log "$name"
  setup_topology "$mode"
  rm -rf "$WORK/ftp" "$WORK/ftp-client"
  mkdir -p "$WORK/ftp/pub/incoming" "$WORK/ftp-client" /var/run/vsftpd/empty
  chmod 555 "$WORK/ftp"
  chmod 777 "$WORK/ftp/pub/incoming"
  $PY -c 'import sys; open(sys.argv[1], "w").write("".join("alglab ftp test file, line %03d: 0123456789abcdef\n" % i for i in range(100)))' "$WORK/ftp/pub/data.txt"
  printf 'uploaded through the gateway\n' > "$WORK/ftp-client/up.txt"
  cat > "$WORK/vsftpd.conf" <<EOF
listen=YES
listen_ipv6=NO
listen_address=$SERVER_IP
anonymous_enable=YES
anon_root=$WORK/ftp
no_anon_password=YES
write_enable=YES
anon_upload_enable=YES
anon_umask=022
local_enable=NO
connect_from_port_20=YES
pasv_enable=YES
pasv_min_port=30000
pasv_max_port=30009
port_promiscuous=NO
seccomp_sandbox=NO
secure_chroot_dir=/var/run/vsftpd/empty
xferlog_enable=YES
vsftpd_log_file=$dir/logs/vsftpd.log
log_ftp_protocol=YES
EOF
  ip netns exec $NS_SERVER vsftpd "$WORK/vsftpd.conf" >"$dir/logs/vsftpd-stdout.log" 2>&1 &
  BG_PIDS+=($!)
  sleep 1
  start_captures "$dir"
  local url="ftp://$SERVER_IP/pub"
  local -a runs=()
  case $what in
    active)  runs=("--ftp-port - --disable-eprt $url/data.txt"
                   "--ftp-port - $url/data.txt"
                   "--ftp-port - --disable-eprt -T up.txt $url/incoming/up-port.txt") ;;
    passive) runs=("--ftp-pasv --disable-epsv $url/data.txt"
                   "--ftp-pasv $url/data.txt"
                   "--ftp-pasv --disable-epsv -T up.txt $url/incoming/up-pasv.txt") ;;
    bounce)  runs=() ;;
  esac
  if [[ $what == bounce ]]; then
    # PORT commands naming another host (RFC 2577 bounce shapes), sent by a script: curl cannot name one
    echo "ip netns exec $NS_PHONE $PY tests/lab/ftp-bounce.py $SERVER_IP" >> "$dir/logs/commands.txt"
    ip netns exec $NS_PHONE $PY "$HERE/ftp-bounce.py" $SERVER_IP >> "$dir/logs/curl.log" 2>&1 || echo "bounce script rc=$?" >> "$dir/logs/curl.log"
  fi
  local run i=0
  for run in "${runs[@]+"${runs[@]}"}"; do
    i=$((i + 1))
    echo "cd <client dir> && ip netns exec $NS_PHONE curl -sS --max-time 8 -o got-$i.txt $run" >> "$dir/logs/commands.txt"
    if ( cd "$WORK/ftp-client" && ip netns exec $NS_PHONE curl -sS --max-time 8 -o "got-$i.txt" $run ) >> "$dir/logs/curl.log" 2>&1; then
      echo "run $i ($run): ok" >> "$dir/logs/curl.log"
    else
      echo "run $i ($run): FAILED" >> "$dir/logs/curl.log"
    fi
    sleep 0.5
  done
  if [[ -f "$WORK/ftp-client/got-1.txt" ]] && cmp -s "$WORK/ftp/pub/data.txt" "$WORK/ftp-client/got-1.txt"; then
    echo "download identical ($(wc -c < "$WORK/ftp/pub/data.txt") bytes)" >> "$dir/logs/curl.log"
  fi
  ls "$WORK/ftp/pub/incoming" >> "$dir/logs/curl.log" 2>&1 || true
  sleep 1
  dump_gw_state "$dir"
  stop_captures
  kill_bg
}

# RTSP (RFC 2326): GStreamer's RTSP server (tests/e2e/rtsp-server.py, two audio tracks) on the server, one ffmpeg
# player on the phone over UDP with client ports 5000-5003, through masquerade alone: Linux has no RTSP helper in
# its tree. One player works (port preservation, and ffmpeg's punch packets open the mappings first); the e2e
# bench's rtsp-off shows the second player on the same ports that does not.
scenario_rtsp() {
  local name=$1
  local dir; dir=$(new_scenario "$name")
  log "$name"
  setup_topology plain
  ip netns exec $NS_SERVER $PY -u "$REPO/tests/e2e/rtsp-server.py" $SERVER_IP 554 >"$dir/logs/rtsp-server.log" 2>&1 &
  BG_PIDS+=($!)
  sleep 2
  start_captures "$dir"
  local play="ffmpeg -nostdin -hide_banner -loglevel error -rtsp_transport udp -min_port 5000 -max_port 5003 -i rtsp://$SERVER_IP:554/test -t 2 -map 0 -c copy -f framecrc -"
  echo "ip netns exec $NS_PHONE $play" >> "$dir/logs/commands.txt"
  ip netns exec $NS_PHONE timeout 20 $play > "$dir/logs/ffmpeg-framecrc.txt" 2> "$dir/logs/ffmpeg.log" || echo "ffmpeg rc=$?" >> "$dir/logs/ffmpeg.log"
  echo "packets per track: $(grep -v '^#' "$dir/logs/ffmpeg-framecrc.txt" | cut -d, -f1 | sort | uniq -c | tr -s ' ' | tr '\n' ';')" >> "$dir/logs/ffmpeg.log"
  sleep 1
  dump_gw_state "$dir"
  stop_captures
  kill_bg
}

# MGCP (RFC 3435): osmo-mgw on the phone's host, published on UDP 2427 by a DNAT rule; the scripted call agent on the
# server (tests/e2e/mgcp-agent.py) creates two connections and sends RTP to the addresses the gateway's SDP names.
# Linux has no MGCP helper: the SDP keeps 192.168.1.10 and the agent cannot reach it (what Alg's MGCP ALG fixes).
scenario_mgcp() {
  local name=$1
  local dir; dir=$(new_scenario "$name")
  log "$name"
  setup_topology mgcp-forward
  printf 'mgcp\n  bind ip %s\n  bind port 2427\n  rtp port-range 4002 4100\n  rtp bind-ip %s\n  number endpoints 8\n' $PHONE_IP $PHONE_IP > "$WORK/osmo-mgw.cfg"
  cp "$WORK/osmo-mgw.cfg" "$dir/logs/osmo-mgw.cfg"
  ( cd "$WORK" && exec ip netns exec $NS_PHONE osmo-mgw -c "$WORK/osmo-mgw.cfg" >"$dir/logs/osmo-mgw.log" 2>&1 ) &
  BG_PIDS+=($!)
  sleep 1
  start_captures "$dir"
  echo "ip netns exec $NS_SERVER $PY tests/e2e/mgcp-agent.py $GW_OUT_IP 2427 $SERVER_IP" >> "$dir/logs/commands.txt"
  ip netns exec $NS_SERVER timeout 30 $PY "$REPO/tests/e2e/mgcp-agent.py" $GW_OUT_IP 2427 $SERVER_IP > "$dir/logs/mgcp-agent.log" 2>&1 || echo "agent rc=$?" >> "$dir/logs/mgcp-agent.log"
  sleep 1
  dump_gw_state "$dir"
  stop_captures
  kill_bg
}

# H.323 (Linux's Q.931 and RAS helpers + nf_nat_h323): no Debian package makes an H.323 endpoint, so the corpus call
# (ntop_nDPI__h323.pcap: Setup → Connect with h245Address, the H.245 connection with TCS/MSD and OLC/OLCAck both ways;
# and a RAS GRQ/RRQ/ARQ exchange with a gatekeeper) is replayed from real sockets by tests/lab/conversation-replay.py,
# the caller and the endpoint on the phone, the callee and the gatekeeper on the server. What each side received is
# in logs/received-{phone,server}.txt; tests/Alg.Engine.Tests replays the same payloads through Alg and compares.
scenario_h323() {
  local name=$1
  local dir; dir=$(new_scenario "$name")
  log "$name"
  setup_topology h323
  local capture="$REPO/../shared/corpus/pcaps/ntop_nDPI__h323.pcap"
  local map=(--inside 10.1.3.143=$PHONE_IP 17.2.0.124=$PHONE_IP --outside 10.1.6.18=$SERVER_IP 17.2.0.161=$SERVER_IP --public $GW_OUT_IP)
  start_captures "$dir"
  echo "ip netns exec $NS_SERVER tests/lab/conversation-replay.py --side outside --capture ntop_nDPI__h323.pcap ${map[*]}" >> "$dir/logs/commands.txt"
  echo "ip netns exec $NS_PHONE tests/lab/conversation-replay.py --side inside --capture ntop_nDPI__h323.pcap ${map[*]}" >> "$dir/logs/commands.txt"
  ip netns exec $NS_SERVER $PY "$HERE/conversation-replay.py" --side outside --capture "$capture" "${map[@]}" --received "$dir/logs/received-server.txt" >"$dir/logs/replay-server.log" 2>&1 &
  local server=$!
  ip netns exec $NS_PHONE timeout 40 $PY "$HERE/conversation-replay.py" --side inside --capture "$capture" "${map[@]}" --received "$dir/logs/received-phone.txt" >"$dir/logs/replay-phone.log" 2>&1 || echo "phone replay rc=$?" >> "$dir/logs/replay-phone.log"
  wait $server || echo "server replay rc=$?" >> "$dir/logs/replay-server.log"
  sleep 1
  dump_gw_state "$dir"
  stop_captures
}

# PPTP (RFC 2637) through Linux's conntrack PPTP helper and masquerade: pptpd on the server (a stand-in for pppd, as
# this kernel has no /dev/ppp), pptp-linux's control exchange from the phone, then GRE for the call both ways made with
# scapy from the call ids the capture shows (tests/e2e/tunnels.py): what Linux does with one PNS, to compare with Alg.
scenario_pptp() {
  local name=$1
  local dir; dir=$(new_scenario "$name")
  log "$name"
  setup_topology pptp
  mkdir -p /var/run/pptp
  printf '#!/bin/sh\nexec sleep 60\n' > "$WORK/fake-pppd"; chmod 755 "$WORK/fake-pppd"
  printf 'localip 10.99.0.1\nremoteip 10.99.0.2-9\n' > "$WORK/pptpd.conf"
  : > "$WORK/pptpd-options"
  ip netns exec $NS_SERVER pptpd -f -c "$WORK/pptpd.conf" -o "$WORK/pptpd-options" -e "$WORK/fake-pppd" -l $SERVER_IP -p "$WORK/pptpd.pid" >"$dir/logs/pptpd.log" 2>&1 &
  BG_PIDS+=($!)
  sleep 1
  start_captures "$dir"
  echo "ip netns exec $NS_PHONE tests/e2e/tunnels.py pptp-client $SERVER_IP $PHONE_IP 8" >> "$dir/logs/commands.txt"
  ip netns exec $NS_PHONE $PY "$REPO/tests/e2e/tunnels.py" pptp-client $SERVER_IP $PHONE_IP 8 >"$dir/logs/pptp-client.log" 2>&1 &
  local client=$!
  sleep 4
  # The PAC keys its GRE with the call id it was told (RFC 2637 §4.1), which the gateway may have translated: read it
  # from what the server received.
  local own pac public
  own=$(tshark -r "$dir/lan0.pcap" -Y "pptp.control_message_type == 7" -T fields -e pptp.call_id 2>/dev/null | head -1)
  pac=$(tshark -r "$dir/lan0.pcap" -Y "pptp.control_message_type == 8" -T fields -e pptp.call_id 2>/dev/null | head -1)
  public=$(tshark -r "$dir/wan0.pcap" -Y "pptp.control_message_type == 8" -T fields -e pptp.peer_call_id 2>/dev/null | head -1)
  echo "call ids: PNS $own (at the PAC: $public), PAC $pac" >> "$dir/logs/commands.txt"
  ip netns exec $NS_SERVER $PY "$REPO/tests/e2e/tunnels.py" gre $SERVER_IP $GW_OUT_IP "${public:-0}" to-pns 3 >>"$dir/logs/gre.log" 2>&1
  ip netns exec $NS_PHONE $PY "$REPO/tests/e2e/tunnels.py" gre $PHONE_IP $SERVER_IP "${pac:-0}" to-pac 3 >>"$dir/logs/gre.log" 2>&1
  ip netns exec $NS_SERVER $PY "$REPO/tests/e2e/tunnels.py" gre $SERVER_IP $GW_OUT_IP "${public:-0}" to-pns-after 3 >>"$dir/logs/gre.log" 2>&1
  wait $client 2>/dev/null
  sleep 1
  dump_gw_state "$dir"
  stop_captures
  kill_bg
}

run_scenario() {
  case $1 in
    nat-basic) scenario_nat_basic ;;
    tftp) scenario_tftp tftp tftp ;;
    tftp-no-helper) scenario_tftp tftp-no-helper plain ;;
    sip-udp-helper) sip_call sip-udp-helper sip u1 ;;
    sip-tcp-helper) sip_call sip-tcp-helper sip t1 ;;
    sip-udp-no-alg) sip_call sip-udp-no-alg plain u1 ;;
    sip-register-inbound) scenario_sip_register_inbound ;;
    sip-stun-rewritten) scenario_sip_stun_rewritten ;;
    sip-slipstream-v1) scenario_sip_slipstream_v1 ;;
    ftp-active-helper) scenario_ftp ftp-active-helper ftp active ;;
    ftp-passive-helper) scenario_ftp ftp-passive-helper ftp passive ;;
    ftp-active-no-helper) scenario_ftp ftp-active-no-helper plain active ;;
    ftp-bounce-helper) scenario_ftp ftp-bounce-helper ftp bounce ;;
    rtsp-no-helper) scenario_rtsp rtsp-no-helper ;;
    mgcp-no-helper) scenario_mgcp mgcp-no-helper ;;
    h323-helper) scenario_h323 h323-helper ;;
    pptp-helper) scenario_pptp pptp-helper ;;
    *) echo "unknown scenario $1" >&2; return 1 ;;
  esac
  teardown
  # logs: strip the temp dir name so reruns give stable text
  sed -i -e "s#$WORK#\$WORK#g" -e "s#$REPO/##g" "$OUT/$1"/logs/*.txt "$OUT/$1"/logs/*.log 2>/dev/null || true
  "$HERE/check-captures.sh" "$OUT/$1" > "$OUT/$1/SANITY.txt" 2>&1 || true
}

mkdir -p "$OUT"
scen=("$@")
[[ ${#scen[@]} -gt 0 ]] || scen=("${ALL_SCENARIOS[@]}")
for s in "${scen[@]}"; do run_scenario "$s"; done
log "done: $OUT"
