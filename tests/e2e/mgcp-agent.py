#!/usr/bin/python3
"""A scripted MGCP call agent (RFC 3435) for the e2e bench: drives a media gateway (osmo-mgw) to bridge two RTP
connections on one endpoint and checks that real RTP is relayed both ways.

usage: mgcp-agent.py GATEWAY_ADDRESS GATEWAY_PORT LOCAL_ADDRESS
Two CRCX on a wildcard rtpbridge endpoint, each naming one of our RTP sockets (LOCAL:6000, LOCAL:6002) as the remote
end; the gateway's 200 answers carry its local connection descriptors (c=/m=). RTP sent from 6000 to the first
connection must come out of the second one to 6002, and the other way round. DLCX at the end. Prints one line of
results; exits 0 when at least 20 packets crossed each way.
"""
import socket
import struct
import sys
import time

gateway = (sys.argv[1], int(sys.argv[2]))
local = sys.argv[3]

signalling = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
signalling.bind((local, 2727))
signalling.settimeout(2.0)
transaction = 1000


def command(text):
    global transaction
    transaction += 1
    message = text.replace("{tid}", str(transaction)).encode()
    for _ in range(3):
        signalling.sendto(message, gateway)
        try:
            while True:
                data, _ = signalling.recvfrom(4096)
                reply = data.decode(errors="replace")
                if reply.split(" ", 2)[1:2] == [str(transaction)] and not reply.startswith("1"):
                    return reply
        except socket.timeout:
            continue
    sys.exit("no answer to: " + text.splitlines()[0])


def descriptor(port):
    return "v=0\r\no=- 1 1 IN IP4 %s\r\ns=-\r\nc=IN IP4 %s\r\nt=0 0\r\nm=audio %d RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=ptime:20\r\n" % (local, local, port)


def crcx(endpoint, call, port):
    reply = command("CRCX {tid} %s MGCP 1.0\r\nC: %s\r\nL: p:20, a:PCMU\r\nM: sendrecv\r\n\r\n%s" % (endpoint, call, descriptor(port)))
    if not reply.startswith("200"):
        sys.exit("CRCX refused: " + reply.splitlines()[0])
    fields = dict((l[0], l[2:].strip()) for l in reply.splitlines() if len(l) > 2 and l[1] == ":")
    address = [l.split()[-1] for l in reply.splitlines() if l.startswith("c=IN IP4")][0]
    media = int([l.split()[1] for l in reply.splitlines() if l.startswith("m=audio")][0])
    return fields.get("Z", endpoint), fields.get("I"), address, media


endpoint, first, address1, port1 = crcx("rtpbridge/*@mgw", "C1", 6000)
_, second, address2, port2 = crcx(endpoint, "C1", 6002)
print("gateway media: %s:%d and %s:%d" % (address1, port1, address2, port2), flush=True)

sockets = []
for port in (6000, 6002):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind((local, port))
    s.setblocking(False)
    sockets.append(s)

received = [0, 0]
unreachable = None
for sequence in range(100):
    for index, (target, port) in enumerate(((address1, port1), (address2, port2))):
        packet = struct.pack("!BBHII", 0x80, 0, sequence, sequence * 160, 0x1000 + index) + bytes([0xFF]) * 160
        try:
            sockets[index].sendto(packet, (target, port))
        except OSError as error:
            # A private address in the gateway's SDP is unreachable from here: what a call agent sees without an ALG.
            unreachable = str(error)
    time.sleep(0.02)
    for index in (0, 1):
        while True:
            try:
                sockets[index].recvfrom(2048)
                received[index] += 1
            except BlockingIOError:
                break

for connection in (first, second):
    command("DLCX {tid} %s MGCP 1.0\r\nC: C1\r\nI: %s\r\n" % (endpoint, connection))
print("relayed to 6002: %d, relayed to 6000: %d%s" % (received[1], received[0], "; sending failed: " + unreachable if unreachable else ""), flush=True)
sys.exit(0 if received[0] >= 20 and received[1] >= 20 else 1)
