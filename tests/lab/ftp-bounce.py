#!/usr/bin/python3
"""FTP bounce shapes (RFC 2577 §2) sent by a client behind the gateway: PORT commands naming an address
that is not the client's own. A correct ALG must not rewrite them into the gateway's address or open a
pinhole for them; the server then refuses or fails the transfer.

Usage: ftp-bounce.py SERVER"""
import ftplib
import sys

server = sys.argv[1]
shapes = [
    ("another inside host, high port", "192,168,1,99,117,48"),
    ("the server's own address, port 25", "203,0,113,20,0,25"),
]
for label, argument in shapes:
    ftp = ftplib.FTP()
    ftp.connect(server, 21, timeout=5)
    ftp.login()
    try:
        reply = ftp.sendcmd("PORT " + argument)
        print(f"{label}: PORT {argument} -> {reply}")
        try:
            reply = ftp.sendcmd("RETR pub/data.txt")
            print(f"{label}: RETR -> {reply}")
            print(f"{label}: RETR done -> {ftp.getresp()}")
        except ftplib.all_errors as error:
            print(f"{label}: RETR -> {error}")
    except ftplib.all_errors as error:
        print(f"{label}: PORT {argument} -> {error}")
    try:
        ftp.quit()
    except ftplib.all_errors:
        ftp.close()
