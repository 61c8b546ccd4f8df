#!/usr/bin/python3
"""A scripted Oracle TNS listener for the SQL*Net ALG's real-traffic captures (algs.md §8.5).

The first port answers a CONNECT with a REDIRECT naming the second port (on the address the client dialled); the
second answers a CONNECT with a REFUSE (ORA-12514), so a real client (python-oracledb's thin mode) goes through the
whole hand-off and stops with a clean error. No Oracle server is packaged in Debian; this is the listener's part only.

Redirect shapes (--mode):
  inline  REDIRECT with its redirect-data length and the text (address, NUL, connect data) in the same packet
  split   REDIRECT with only the redirect-data length; the text follows in a DATA packet (2 data-flag bytes first)

Usage: tns-listener.py [--host 127.0.0.1] [--port 1521] [--redirect-port 1522] [--mode inline|split] [--count N]
Runs until N CONNECTs have been answered on the second port (default 1), then exits 0.
"""
import argparse
import socket
import struct
import threading

CONNECT, ACCEPT, REFUSE, REDIRECT, DATA, RESEND = 1, 2, 4, 5, 6, 11


def packet(kind, body, flags=0):
    return struct.pack(">HHBBH", 8 + len(body), 0, kind, flags, 0) + body


def read_packet(conn):
    header = b""
    while len(header) < 8:
        chunk = conn.recv(8 - len(header))
        if not chunk:
            return None, None
        header += chunk
    length, _, kind, _, _ = struct.unpack(">HHBBH", header)
    body = b""
    while len(body) < length - 8:
        chunk = conn.recv(length - 8 - len(body))
        if not chunk:
            return None, None
        body += chunk
    return kind, body


def connect_data(body, conn):
    """The CONNECT's descriptor: inline at its offset, or in the DATA packet that follows a long one."""
    data_length, data_offset = struct.unpack(">HH", body[16:20])
    text = body[data_offset - 8:data_offset - 8 + data_length]
    if len(text) < data_length:
        kind, more = read_packet(conn)
        if kind == DATA:
            text = more[2:]
    return text


def serve_redirect(server, args):
    while True:
        conn, peer = server.accept()
        with conn:
            kind, body = read_packet(conn)
            if kind != CONNECT:
                continue
            descriptor = connect_data(body, conn)
            address = "(ADDRESS=(PROTOCOL=tcp)(HOST=%s)(PORT=%d))" % (args.host, args.redirect_port)
            text = address.encode() + b"\0" + descriptor
            if args.mode == "inline":
                conn.sendall(packet(REDIRECT, struct.pack(">H", len(text)) + text))
            else:
                conn.sendall(packet(REDIRECT, struct.pack(">H", len(text))))
                conn.sendall(packet(DATA, b"\0\0" + text))
            print("redirected %s:%d to %s" % (peer[0], peer[1], address), flush=True)
            # The listener closes once the client has read the redirect (it closes first, then so do we).
            conn.settimeout(5)
            try:
                while conn.recv(4096):
                    pass
            except OSError:
                pass


def serve_refuse(server, args, done):
    answered = 0
    while answered < args.count:
        conn, peer = server.accept()
        with conn:
            kind, body = read_packet(conn)
            if kind != CONNECT:
                continue
            descriptor = connect_data(body, conn)
            print("dedicated port got CONNECT from %s:%d: %s" % (peer[0], peer[1], descriptor.decode(errors="replace")), flush=True)
            reason = b"(DESCRIPTION=(TMP=)(VSNNUM=0)(ERR=12514)(ERROR_STACK=(ERROR=(CODE=12514)(EMFI=4))))"
            conn.sendall(packet(REFUSE, struct.pack(">BBH", 1, 0, len(reason)) + reason))
            answered += 1
    done.set()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=1521)
    parser.add_argument("--redirect-port", type=int, default=1522)
    parser.add_argument("--mode", choices=["inline", "split"], default="inline")
    parser.add_argument("--count", type=int, default=1)
    args = parser.parse_args()
    servers = []
    for port in (args.port, args.redirect_port):
        server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind((args.host, port))
        server.listen(4)
        servers.append(server)
    done = threading.Event()
    threading.Thread(target=serve_redirect, args=(servers[0], args), daemon=True).start()
    threading.Thread(target=serve_refuse, args=(servers[1], args, done), daemon=True).start()
    print("listening on %s:%d, redirecting to %d (%s)" % (args.host, args.port, args.redirect_port, args.mode), flush=True)
    done.wait()


if __name__ == "__main__":
    main()
