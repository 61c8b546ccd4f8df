#!/usr/bin/python3
"""e2e (tests/e2e/scenarios.sh sunrpc): a portmapper v2 GETPORT over UDP (RFC 1833 §3.2) for rpc.statd (100024 v1 UDP),
then an RPC NULL call (RFC 5531 §9, procedure 0) to the returned port. Prints "getport: PORT" and "null: ok" or the
failure; exits 0 only when the NULL call was answered."""
import socket
import struct
import sys

server = sys.argv[1]
program, version = 100024, 1


def call(sock, address, xid, prog, vers, proc, args=b''):
    sock.sendto(struct.pack('>IIIIIIIIII', xid, 0, 2, prog, vers, proc, 0, 0, 0, 0) + args, address)
    data, _ = sock.recvfrom(4096)
    got_xid, kind, status, _flavor, length = struct.unpack('>IIIII', data[:20])
    accept = struct.unpack('>I', data[20 + length:24 + length])[0]
    if got_xid != xid or kind != 1 or status != 0 or accept != 0:
        raise RuntimeError(f'bad reply xid={got_xid} kind={kind} status={status} accept={accept}')
    return data[24 + length:]


sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
sock.settimeout(3)
port = struct.unpack('>I', call(sock, (server, 111), 0x4711, 100000, 2, 3, struct.pack('>IIII', program, version, 17, 0)))[0]
print(f'getport: {port}', flush=True)
if port == 0:
    sys.exit(1)
try:
    call(sock, (server, port), 0x4712, program, version, 0)
    print('null: ok')
except (OSError, RuntimeError) as error:
    print(f'null: failed: {error}')
    sys.exit(1)
