#!/usr/bin/python3
"""Traffic of the protocols without ports for the e2e scenarios pptp, esp and sctp (tests/e2e/scenarios.sh).

  tunnels.py pptp-client SERVER LOCALBIND SECONDS   pptp-linux's control exchange on a pty (no /dev/ppp here: the
                                                    call's PPP never starts, the control connection and the call stay)
  tunnels.py gre SRC DST CALLID MARKER [COUNT]      enhanced GRE (RFC 2637 §4.1) with the given key, payload "PPTP-MARKER"
  tunnels.py ike SRC DST [EXCHANGE]                 an IKEv1 header on UDP 500 (32: Quick Mode, encrypted flag set)
  tunnels.py esp SRC DST SPI [COUNT]                ESP (RFC 4303 §2) with the given SPI
  tunnels.py natt SRC DST                           on UDP 4500: IKE after the non-ESP marker, a NAT-keepalive, ESP in UDP
  tunnels.py sctp-server ADDRESS PORT SECONDS       a scripted SCTP endpoint (RFC 9260 §5): INIT ACK, COOKIE ACK, SACK and
                                                    an echo of each DATA, SHUTDOWN ACK
  tunnels.py sctp-client SRC SPORT DST DPORT        an association: INIT to SHUTDOWN COMPLETE with three DATA chunks
  tunnels.py sctp-anomalies SRC SPORT DST DPORT     one packet per anomaly class after a fresh handshake
Everything is sent with scapy's raw IP sockets; the kernels have no SCTP and no ESP, so nothing answers but this.
"""
import os
import pty
import signal
import subprocess
import sys
import time

from scapy.all import conf, get_if_list, send, sniff, sr1
from scapy.layers.inet import IP, UDP
from scapy.layers.ipsec import ESP
from scapy.layers.l2 import GRE_PPTP
from scapy.layers.sctp import (SCTP, SCTPChunkCookieAck, SCTPChunkCookieEcho, SCTPChunkData, SCTPChunkInit,
                               SCTPChunkInitAck, SCTPChunkParamStateCookie, SCTPChunkSACK, SCTPChunkShutdown,
                               SCTPChunkShutdownAck, SCTPChunkShutdownComplete)

conf.verb = 0


def pptp_client(server, localbind, seconds):
    # --localbind keeps each client's call manager socket apart (both run on one file system); --nohostroute leaves
    # the namespace's routes alone. pptp reads PPP from its stdin: a pty that stays open keeps the call up.
    master, slave = pty.openpty()
    process = subprocess.Popen(["pptp", server, "--nolaunchpppd", "--nohostroute", "--localbind", localbind, "--loglevel", "2"],
                               stdin=slave, stdout=slave, stderr=sys.stderr, start_new_session=True)
    os.close(slave)
    deadline = time.time() + float(seconds)
    while time.time() < deadline and process.poll() is None:
        time.sleep(0.2)
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(5)
    os.close(master)
    print(f"pptp-client {localbind}: ran {seconds}s, exit {process.returncode}")


def gre(src, dst, call_id, marker, count=3):
    for sequence in range(1, int(count) + 1):
        payload = f"PPTP-{marker}".encode()
        send(IP(src=src, dst=dst) / GRE_PPTP(key_present=1, seqnum_present=1, call_id=int(call_id), payload_len=len(payload),
                                              seqence_number=sequence) / payload)
        time.sleep(0.05)
    print(f"gre {src} -> {dst} call id {call_id}: {count} sent")


def ike(src, dst, exchange=32):
    # RFC 2408 §3.1 header: cookies, next payload 8 (hash), version 1.0, exchange, flags (1: encrypted), id, length.
    header = bytes(range(1, 9)) + bytes(8) + bytes([8, 0x10, int(exchange), 1]) + (7).to_bytes(4, "big") + (28 + 44).to_bytes(4, "big")
    body = bytes([0, 0, 0, 44]) + bytes(40)
    send(IP(src=src, dst=dst) / UDP(sport=500, dport=500) / (header + body))
    print(f"ike {src} -> {dst} exchange {exchange}")


def esp(src, dst, spi, count=3):
    for sequence in range(1, int(count) + 1):
        send(IP(src=src, dst=dst) / ESP(spi=int(spi, 0), seq=sequence, data=bytes(range(48))))
        time.sleep(0.05)
    print(f"esp {src} -> {dst} spi {spi}: {count} sent")


def natt(src, dst):
    # RFC 3948 §2.2-2.3: four zero bytes then IKE; one 0xFF byte; ESP in UDP starts with its (non-zero) SPI.
    ike_header = bytes(range(1, 9)) + bytes(8) + bytes([46, 0x20, 35, 0x08]) + (9).to_bytes(4, "big") + (28 + 20).to_bytes(4, "big")
    for payload in (bytes(4) + ike_header + bytes([0, 0, 0, 20]) + bytes(16), b"\xff", (0x4500).to_bytes(4, "big") + (1).to_bytes(4, "big") + bytes(40)):
        send(IP(src=src, dst=dst) / UDP(sport=4500, dport=4500) / payload)
        time.sleep(0.05)
    print(f"natt {src} -> {dst}: IKE, keepalive, ESP in UDP sent")


SERVER_TAG = 0x5E7E5E7E


def sctp_server(address, port, seconds):
    peer_tags = {}

    def answer(packet):
        ip, sctp = packet[IP], packet[SCTP]
        if ip.dst != address or sctp.dport != int(port):
            return
        reply = IP(src=address, dst=ip.src) / SCTP(sport=sctp.dport, dport=sctp.sport, tag=peer_tags.get(ip.src, 0))
        if sctp.haslayer(SCTPChunkInit):
            peer_tags[ip.src] = sctp[SCTPChunkInit].init_tag
            reply[SCTP].tag = peer_tags[ip.src]
            send(reply / SCTPChunkInitAck(init_tag=SERVER_TAG, a_rwnd=65536, n_out_streams=1, n_in_streams=1, init_tsn=1000,
                                          params=[SCTPChunkParamStateCookie(cookie=b"cookie-of-alg-e2e")]))
        elif sctp.haslayer(SCTPChunkCookieEcho):
            send(reply / SCTPChunkCookieAck())
        elif sctp.haslayer(SCTPChunkData):
            data = sctp[SCTPChunkData]
            send(reply / SCTPChunkSACK(cumul_tsn_ack=data.tsn, a_rwnd=65536) / SCTPChunkData(tsn=1000 + data.tsn, stream_id=0, stream_seq=0, proto_id=0, data=b"echo:" + bytes(data.data)))
        elif sctp.haslayer(SCTPChunkShutdown):
            send(reply / SCTPChunkShutdownAck())

    # The server's namespace has no default route, so scapy's default interface may be lo: listen on every other one.
    sniff(iface=[name for name in get_if_list() if name != "lo"], filter=f"sctp and dst host {address}", prn=answer, timeout=float(seconds), store=False)


def handshake(src, sport, dst, dport, tag):
    base = IP(src=src, dst=dst) / SCTP(sport=int(sport), dport=int(dport))
    init = base.copy()
    init[SCTP].tag = 0
    answer = sr1(init / SCTPChunkInit(init_tag=tag, a_rwnd=65536, n_out_streams=1, n_in_streams=1, init_tsn=1), timeout=3)
    if answer is None or not answer.haslayer(SCTPChunkInitAck):
        raise SystemExit("sctp: no INIT ACK")
    peer = answer[SCTPChunkInitAck].init_tag
    cookie = base.copy()
    cookie[SCTP].tag = peer
    if sr1(cookie / SCTPChunkCookieEcho(cookie=b"cookie-of-alg-e2e"), timeout=3) is None:
        raise SystemExit("sctp: no COOKIE ACK")
    return base, peer


def sctp_client(src, sport, dst, dport):
    base, peer = handshake(src, sport, dst, dport, 0x11112222)
    with_tag = base.copy()
    with_tag[SCTP].tag = peer
    echoes = 0
    for tsn in (1, 2, 3):
        reply = sr1(with_tag / SCTPChunkData(tsn=tsn, stream_id=0, stream_seq=tsn - 1, proto_id=0, data=f"hello {tsn}".encode()), timeout=3)
        echoes += 1 if reply is not None and reply.haslayer(SCTPChunkData) and bytes(reply[SCTPChunkData].data).startswith(b"echo:") else 0
    done = sr1(with_tag / SCTPChunkShutdown(cumul_tsn_ack=1003), timeout=3)
    shutdown = done is not None and done.haslayer(SCTPChunkShutdownAck)
    send(with_tag / SCTPChunkShutdownComplete())
    print(f"sctp-client: association up, {echoes} of 3 DATA echoed, shutdown {'acknowledged' if shutdown else 'NOT acknowledged'}")


def sctp_anomalies(src, sport, dst, dport):
    base, peer = handshake(src, sport, dst, dport, 0x33334444)
    good = base.copy()
    good[SCTP].tag = peer
    data = SCTPChunkData(tsn=7, stream_id=0, stream_seq=0, proto_id=0, data=b"anomaly")
    bad_tag = base.copy()
    bad_tag[SCTP].tag = peer ^ 0xFFFF
    send(bad_tag / data)                                                   # a wrong verification tag (§8.5)
    init = base.copy()
    init[SCTP].tag = 0
    send(init / SCTPChunkInit(init_tag=9, a_rwnd=65536, n_out_streams=1, n_in_streams=1, init_tsn=1) / data)  # INIT not alone (§6.10)
    send(good / SCTPChunkShutdownAck())                                    # SHUTDOWN ACK while established: wrong state (§9.2)
    broken = bytes(good / data)
    broken = broken[:20 + 12 + 2] + (400).to_bytes(2, "big") + broken[20 + 12 + 4:]
    send(IP(broken))                                                       # a chunk length past the packet (§3.2)
    send(good / b"".join(bytes(SCTPChunkSACK(cumul_tsn_ack=1, a_rwnd=1)) for _ in range(81)))  # too many chunks
    wrong = good.copy()
    wrong[SCTP].chksum = 0x12345678
    send(wrong / data)                                                     # a bad CRC32c (§6.8)
    stray = IP(src=src, dst=dst) / SCTP(sport=int(sport) + 1, dport=int(dport), tag=peer)
    send(stray / data)                                                     # no association: no INIT first (§8.4)
    print("sctp-anomalies: 7 sent")


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    {"pptp-client": pptp_client, "gre": gre, "ike": ike, "esp": esp, "natt": natt, "sctp-server": sctp_server,
     "sctp-client": sctp_client, "sctp-anomalies": sctp_anomalies}[command](*args)
