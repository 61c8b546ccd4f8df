#!/usr/bin/python3
"""Replays a capture's TCP/UDP conversations between two network namespaces from real sockets.

One process runs as the capture's inside party (in the client namespace), one as its outside party (in the
server namespace); both read the same capture and derive the same ordered list of events, so each sends its
payloads in capture order and waits, before each send, until the other side's earlier payloads have arrived
(byte counts per conversation: an ALG that rewrites in place keeps every length, which aligned-PER H.323 does).
TCP connections are made by the party that opened them in the capture; the outside party reaches the inside
one on the gateway's public address with the captured port (Linux masquerade preserves free ports). Captured
addresses inside payloads are patched to the lab's: as raw 4-byte fields (binary protocols: H.225.0, H.245,
RAS) and as dotted text. What arrives is written to --received as "conversation direction hex" lines, so the
two gateways' rewrites (Linux's helpers, Alg) can be compared.

  ip netns exec srv conversation-replay.py --side outside --capture h323.pcap \\
      --inside 10.1.3.143=192.168.1.10 --outside 10.1.6.18=203.0.113.20 --public 203.0.113.1 --received srv.txt &
  ip netns exec cli conversation-replay.py --side inside  --capture h323.pcap \\
      --inside 10.1.3.143=192.168.1.10 --outside 10.1.6.18=203.0.113.20 --public 203.0.113.1 --received cli.txt

Not run by CI (it needs namespaces); written for tests/lab scenarios comparing Linux's H.323 helpers with Alg.
"""
import argparse
import ipaddress
import select
import socket
import sys
import time

from scapy.all import IP, TCP, UDP, rdpcap  # python3-scapy

TIMEOUT = 10.0


def parse_map(pairs):
    mapping = {}
    for pair in pairs:
        old, new = pair.split("=", 1)
        mapping[old] = new
    return mapping


def patch(payload, mapping):
    """Captured addresses become the lab's: 4-byte fields (aligned PER keeps them octet-aligned) and dotted text."""
    for old, new in mapping.items():
        payload = payload.replace(ipaddress.IPv4Address(old).packed, ipaddress.IPv4Address(new).packed)
        payload = payload.replace(old.encode(), new.encode())
    return payload


def events(capture, inside, outside):
    """Ordered events: ('open', key) when a TCP connection starts, ('data', key, from_inside, payload)."""
    seen, out = {}, []
    for packet in rdpcap(capture):
        if IP not in packet or (TCP not in packet and UDP not in packet):
            continue
        src, dst = packet[IP].src, packet[IP].dst
        if not ((src in inside and dst in outside) or (src in outside and dst in inside)):
            continue
        layer = packet[TCP] if TCP in packet else packet[UDP]
        proto = "tcp" if TCP in packet else "udp"
        from_inside = src in inside
        ends = ((src, layer.sport), (dst, layer.dport))
        key = (proto,) + (ends if from_inside else ends[::-1])  # (proto, inside end, outside end)
        if key not in seen:
            seen[key] = {"initiator_inside": from_inside, "last": {}}
            if proto == "tcp":
                out.append(("open", key))
        # The IP length bounds the payload: scapy hands an Ethernet frame's padding (a bare ACK in a 60-byte frame) to
        # the transport layer as if it were data.
        header = packet[IP].ihl * 4 + (packet[TCP].dataofs * 4 if proto == "tcp" else 8)
        payload = bytes(layer.payload)[:max(0, packet[IP].len - header)]
        if not payload:
            continue
        if proto == "tcp":
            # capture duplicates (two interfaces, retransmissions): one copy of each sequence number
            seq = packet[TCP].seq
            last = seen[key]["last"]
            if last.get(from_inside) == seq:
                continue
            last[from_inside] = seq
        out.append(("data", key, from_inside, payload))
    return out, seen


class Side:
    def __init__(self, args):
        self.inside_side = args.side == "inside"
        self.inside = parse_map(args.inside)
        self.outside = parse_map(args.outside)
        self.mapping = {**self.inside, **self.outside}
        self.public = args.public
        self.sockets = {}      # key -> socket (TCP connection or UDP socket)
        self.listeners = {}    # (ip, port) -> listening TCP socket
        self.received = {}     # key -> bytes received
        self.expected = {}     # key -> bytes the other side has sent so far
        self.log = open(args.received, "w") if args.received else None

    def mine(self, from_inside):
        return from_inside == self.inside_side

    def local(self, key):
        end = key[1] if self.inside_side else key[2]
        return self.mapping[end[0]], end[1]

    def remote(self, key):
        if self.inside_side:
            return self.mapping[key[2][0]], key[2][1]
        return self.public, key[1][1]

    def prepare(self, all_events, conversations):
        for event in all_events:
            key = event[1]
            if key in self.sockets or key in self.listeners:
                continue
            if key[0] == "udp":
                sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                sock.bind(self.local(key))
                self.sockets[key] = sock
            elif conversations[key]["initiator_inside"] != self.inside_side:
                address = self.local(key)
                if address not in self.listeners:
                    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
                    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                    listener.bind(address)
                    listener.listen(8)
                    self.listeners[address] = listener

    def open(self, key, conversations):
        if conversations[key]["initiator_inside"] == self.inside_side:
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind(self.local(key))
            sock.settimeout(TIMEOUT)
            sock.connect(self.remote(key))
            self.sockets[key] = sock
        else:
            listener = self.listeners[self.local(key)]
            listener.settimeout(TIMEOUT)
            self.sockets[key], _ = listener.accept()

    def pump(self, until):
        """Reads whatever arrives until every conversation has received what `until` says the peer sent."""
        deadline = time.monotonic() + TIMEOUT
        while any(self.received.get(k, 0) < n for k, n in until.items()):
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"waiting for {until}, got {self.received}")
            ready, _, _ = select.select(list(self.sockets.values()), [], [], left)
            for sock in ready:
                key = next(k for k, s in self.sockets.items() if s is sock)
                data = sock.recv(65535)
                self.received[key] = self.received.get(key, 0) + len(data)
                if self.log:
                    self.log.write(f"{key} {'in' if self.inside_side else 'out'} {data.hex()}\n")

    def send(self, key, payload):
        sock = self.sockets[key]
        if key[0] == "udp":
            sock.sendto(payload, self.remote(key))
        else:
            sock.sendall(payload)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--side", choices=["inside", "outside"], required=True)
    parser.add_argument("--capture", required=True)
    parser.add_argument("--inside", nargs="+", required=True, help="CAPTURED=LAB address of each inside party")
    parser.add_argument("--outside", nargs="+", required=True, help="CAPTURED=LAB address of each outside party")
    parser.add_argument("--public", required=True, help="the gateway's public address")
    parser.add_argument("--received", help="file for what arrived, one line per read")
    args = parser.parse_args()
    side = Side(args)
    all_events, conversations = events(args.capture, set(side.inside), set(side.outside))
    side.prepare(all_events, conversations)
    time.sleep(1.0)  # the other side's listeners and UDP sockets are up
    for event in all_events:
        if event[0] == "open":
            side.pump(side.expected)
            side.open(event[1], conversations)
            continue
        _, key, from_inside, payload = event
        if side.mine(from_inside):
            side.pump(side.expected)
            side.send(key, patch(payload, side.mapping))
        else:
            side.expected[key] = side.expected.get(key, 0) + len(patch(payload, side.mapping))
    side.pump(side.expected)
    print(f"{args.side}: {sum(1 for e in all_events if e[0] == 'data')} payloads replayed", file=sys.stderr)


if __name__ == "__main__":
    main()
