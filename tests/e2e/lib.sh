#!/usr/bin/env bash
# Shared by the e2e scenarios and the benchmark: the three-namespace bench of issue #6 (same addresses
# and MACs as tests/lab/make-captures.sh, other namespace names so the two never collide).
#
#   algrun-phone  lan0 192.168.1.10/24, default via 192.168.1.1
#   algrun-gw     gl0  192.168.1.1/24 (inside), gw0 203.0.113.1/24 (outside)
#   algrun-server wan0 203.0.113.20/24, no route to 192.168.1.0/24
#
# The gateway namespace runs either `alg run` (gateway_alg) or Linux itself (gateway_linux: forwarding,
# nft masquerade, the kernel's SIP helper). Traffic never leaves these namespaces.

NS_PHONE=algrun-phone
NS_GW=algrun-gw
NS_SERVER=algrun-server
NS_PHONE2=algrun-phone2
PHONE2_IP=192.168.1.11
PHONE_IP=192.168.1.10
GW_IN_IP=192.168.1.1
GW_OUT_IP=203.0.113.1
SERVER_IP=203.0.113.20
E2E_HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$E2E_HERE/../.." && pwd)"
ALG_PID=""

nsx() { local ns=$1; shift; ip netns exec "$ns" "$@"; }
log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

# Prints why the bench cannot run here, or nothing.
bench_unavailable() {
  [[ $EUID -eq 0 ]] || { echo "needs root (network namespaces, AF_PACKET, nftables)"; return; }
  local tool
  for tool in ip nft ethtool tcpdump tshark sipp; do
    command -v $tool >/dev/null 2>&1 || { echo "missing tool: $tool (apt-get install iproute2 nftables ethtool tcpdump tshark sip-tester)"; return; }
  done
  ip netns add algrun-probe 2>/dev/null || { echo "cannot create network namespaces"; return; }
  ip netns del algrun-probe
}

topology_down() {
  local ns pids
  for ns in $NS_PHONE2 $NS_PHONE $NS_GW $NS_SERVER; do
    if ip netns list | grep -qw "$ns"; then
      pids=$(ip netns pids "$ns" 2>/dev/null || true)
      [[ -n $pids ]] && kill $pids 2>/dev/null || true
      ip netns del "$ns" 2>/dev/null || true
    fi
  done
}

topology_up() {
  topology_down
  ip netns add $NS_PHONE; ip netns add $NS_GW; ip netns add $NS_SERVER
  local ns
  for ns in $NS_PHONE $NS_GW $NS_SERVER; do
    nsx $ns sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
    nsx $ns ip link set lo up
  done
  ip link add algrun-v1 netns $NS_PHONE type veth peer name algrun-v1p netns $NS_GW
  ip link add algrun-v2 netns $NS_GW type veth peer name algrun-v2p netns $NS_SERVER
  nsx $NS_PHONE ip link set algrun-v1 name lan0
  nsx $NS_GW ip link set algrun-v1p name gl0
  nsx $NS_GW ip link set algrun-v2 name gw0
  nsx $NS_SERVER ip link set algrun-v2p name wan0
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
    nsx "$1" ethtool -K "$2" tx off rx off >/dev/null 2>&1
    nsx "$1" ip link set "$2" up
  done
  nsx $NS_PHONE ip route add default via $GW_IN_IP
}

# A second inside host, algrun-phone2 (192.168.1.11), on the same LAN: the phone namespace becomes a bridge
# (br0 over lan0 and a veth to phone2) holding the phone's address, so both reach the gateway's gl0.
second_phone_up() {
  ip netns add $NS_PHONE2
  nsx $NS_PHONE2 sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
  nsx $NS_PHONE2 ip link set lo up
  ip link add algrun-v3 netns $NS_PHONE2 type veth peer name algrun-v3p netns $NS_PHONE
  nsx $NS_PHONE2 ip link set algrun-v3 name lan0
  nsx $NS_PHONE2 ip link set lan0 address 02:00:00:00:01:11
  nsx $NS_PHONE2 ip addr add $PHONE2_IP/24 dev lan0
  nsx $NS_PHONE ip link add br0 type bridge
  nsx $NS_PHONE ip link set br0 address 02:00:00:00:01:10
  nsx $NS_PHONE ip addr flush dev lan0
  nsx $NS_PHONE ip link set lan0 master br0
  nsx $NS_PHONE ip link set algrun-v3p master br0
  nsx $NS_PHONE ip addr add $PHONE_IP/24 dev br0
  local pair
  for pair in "$NS_PHONE2 lan0" "$NS_PHONE algrun-v3p" "$NS_PHONE br0"; do
    set -- $pair
    nsx "$1" ethtool -K "$2" tx off rx off >/dev/null 2>&1
    nsx "$1" ip link set "$2" up
  done
  nsx $NS_PHONE ip route replace default via $GW_IN_IP
  nsx $NS_PHONE2 ip route add default via $GW_IN_IP
}

# $1 config file, $2 log file, rest: extra alg run options. Waits until the control socket answers.
gateway_alg() {
  local config=$1 logfile=$2; shift 2
  ip netns exec $NS_GW "$ALG" run --config "$config" --control "$CONTROL" "$@" >"$logfile" 2>&1 &
  ALG_PID=$!
  local i
  for i in $(seq 1 100); do
    if [[ -S $CONTROL ]] && "$ALG" status --control "$CONTROL" >/dev/null 2>&1; then return 0; fi
    kill -0 $ALG_PID 2>/dev/null || { echo "alg run exited:" >&2; cat "$logfile" >&2; return 1; }
    sleep 0.1
  done
  echo "alg run did not answer on $CONTROL" >&2; cat "$logfile" >&2; return 1
}

gateway_alg_stop() {
  [[ -n $ALG_PID ]] || return 0
  kill -TERM $ALG_PID 2>/dev/null || true
  wait $ALG_PID 2>/dev/null
  local rc=$?
  ALG_PID=""
  return $rc
}

# Linux as the gateway: forwarding, masquerade, and the kernel's SIP helper on udp/tcp 5060.
gateway_linux() {
  nsx $NS_GW sysctl -qw net.ipv4.ip_forward=1
  nsx $NS_GW nft -f - <<'NFT'
table ip algrun_linux {
  ct helper sip-5060-udp { type "sip" protocol udp; l3proto ip; }
  ct helper sip-5060-tcp { type "sip" protocol tcp; l3proto ip; }
  chain prerouting {
    type filter hook prerouting priority filter; policy accept;
    udp dport 5060 ct state new ct helper set "sip-5060-udp"
    tcp dport 5060 ct state new ct helper set "sip-5060-tcp"
  }
  chain postrouting {
    type nat hook postrouting priority srcnat; policy accept;
    oifname "gw0" masquerade
  }
}
NFT
}

# sipp's working directory: scenarios and the RTP pcaps it plays (pcap/ under its cwd).
sipp_dir() {
  local dir=$1
  mkdir -p "$dir/pcap"
  cp /usr/share/sip-tester/*.pcap "$dir/pcap/"
  cp "$REPO"/tests/lab/sipp/*.xml "$dir/"
}

# $1 ns, $2 interface, $3 file: starts tcpdump, waits until it listens; pid in CAP_PIDS.
declare -a CAP_PIDS=()
capture_start() {
  local ns=$1 nic=$2 file=$3
  ip netns exec "$ns" tcpdump -Z root -U -n -s 0 -i "$nic" -w "$file" 2>"$file.log" &
  CAP_PIDS+=($!)
  local i
  for i in $(seq 1 50); do grep -q 'listening on' "$file.log" 2>/dev/null && return 0; sleep 0.1; done
  echo "tcpdump on $nic did not start" >&2; return 1
}

capture_stop() {
  local p
  # tcpdump writes what it has read when stopped; under load the last packets through the gateway need a moment.
  sleep 1
  for p in "${CAP_PIDS[@]:-}"; do [[ -n $p ]] && kill -INT "$p" 2>/dev/null || true; done
  for p in "${CAP_PIDS[@]:-}"; do [[ -n $p ]] && wait "$p" 2>/dev/null || true; done
  CAP_PIDS=()
}
