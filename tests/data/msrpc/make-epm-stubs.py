#!/usr/bin/python3
"""Writes epm-stubs.txt: real endpoint-mapper NDR stubs ([MS-RPCE] 2.2.1.2, C706 Appendix O) encoded by impacket
(python3-impacket 0.10.0, Debian), for tests/Alg.Runtime.Tests/MsRpc. Each line is `name hex`; the tests wrap the
stubs in request/response PDUs of either data representation.

    /usr/bin/python3 tests/data/msrpc/make-epm-stubs.py > tests/data/msrpc/epm-stubs.txt
"""
import socket

from impacket.dcerpc.v5 import epm
from impacket.dcerpc.v5.ndr import NULL
from impacket.uuid import uuidtup_to_bin, string_to_bin

NDR = uuidtup_to_bin(('8a885d04-1ceb-11c9-9fe8-08002b104860', '2.0'))
SVCCTL = uuidtup_to_bin(('367abb81-9844-35f1-ad32-98f038001003', '2.0'))
LSARPC = uuidtup_to_bin(('12345778-1234-abcd-ef00-0123456789ab', '0.0'))


def tower(interface, transport, port=0, address='0.0.0.0', pipe=None):
    """An EPM tower as hept_map builds it: interface, NDR, RPC v5 (connection-oriented) or datagram, transport floors."""
    t = epm.EPMTower()
    i = epm.EPMRPCInterface()
    i['InterfaceUUID'] = interface[:16]
    i['MajorVersion'] = int.from_bytes(interface[16:18], 'little')
    i['MinorVersion'] = int.from_bytes(interface[18:20], 'little')
    d = epm.EPMRPCDataRepresentation()
    d['DataRepUuid'] = NDR[:16]
    d['MajorVersion'] = 2
    d['MinorVersion'] = 0
    p = epm.EPMProtocolIdentifier()
    p['ProtIdentifier'] = 0x0B if transport != 'udp' else 0x0A
    if pipe is not None:
        n = epm.EPMPipeName()
        n['PipeName'] = pipe
        h = epm.EPMHostName()
        h['HostName'] = b'\\\\SERVER\x00'
        data = n.getData() + h.getData()
        floors = 5
    else:
        a = epm.EPMPortAddr()
        a['IpPort'] = port
        if transport == 'udp':
            a['PortIdentifier'] = 0x08
        h = epm.EPMHostAddr()
        h['Ip4addr'] = socket.inet_aton(address)
        data = a.getData() + h.getData()
        floors = 5
    t['NumberOfFloors'] = floors
    t['Floors'] = i.getData() + d.getData() + p.getData() + data
    return t.getData()


def twr_pointer(octets):
    """A twr_p_t: the pointer array of ept_map's reply holds referent ids, the towers follow (C706 §14.3.12.3)."""
    p = epm.twr_p_t()
    p['tower_length'] = len(octets)
    p['tower_octet_string'] = octets
    return p


def twr(octets):
    w = epm.twr_t()
    w['tower_length'] = len(octets)
    w['tower_octet_string'] = octets
    return w


def main():
    request = epm.ept_map()
    request['obj'] = NULL
    request['map_tower']['tower_length'] = len(tower(SVCCTL, 'tcp'))
    request['map_tower']['tower_octet_string'] = tower(SVCCTL, 'tcp')
    request['entry_handle'] = epm.ept_lookup_handle_t()
    request['max_towers'] = 4
    print('map-request', request.getData().hex())

    response = epm.ept_mapResponse()
    response['entry_handle'] = epm.ept_lookup_handle_t()
    response['num_towers'] = 1
    response['ITowers'].append(twr_pointer(tower(SVCCTL, 'tcp', 49683, '192.168.1.21')))
    response['status'] = 0
    print('map-response', response.getData().hex())

    lookup = epm.ept_lookupResponse()
    lookup['entry_handle'] = epm.ept_lookup_handle_t()
    lookup['num_ents'] = 3
    for octets, note in ((tower(SVCCTL, 'tcp', 49683, '192.168.1.21'), b'svcctl\x00'),
                         (tower(LSARPC, 'udp', 49700, '192.168.1.21'), b'\x00'),
                         (tower(LSARPC, 'tcp', 0, pipe=b'\\pipe\\lsass\x00'), b'lsass pipe\x00')):
        entry = epm.ept_entry_t()
        entry['object'] = string_to_bin('00000000-0000-0000-0000-000000000000')
        entry['tower'] = twr(octets)
        entry['annotation'] = note
        lookup['entries'].append(entry)
    lookup['status'] = 0
    print('lookup-response', lookup.getData().hex())


if __name__ == '__main__':
    main()
