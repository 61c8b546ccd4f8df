#!/usr/bin/python3
"""e2e (tests/e2e/scenarios.sh msrpc): what impacket's rpcdump does — ept_lookup ([MS-RPCE] 2.2.1.2, C706 Appendix O)
of every endpoint registered with the endpoint mapper at ARGV[1]:135, in pages of 500 — printing each entry's string
binding ("endpoint: ncacn_ip_tcp:ADDRESS[PORT] ANNOTATION"). Samba 4.17 sends its last page with the status
ept_s_not_registered (0x16c9a0d6) and the entries beside it; impacket 0.10's request() raises on any non-zero status, so
rpcdump reports a failure and loses the page. Here that status ends the listing and the page's entries count. Exits 0
when at least one endpoint was listed."""
import sys

from impacket.dcerpc.v5 import epm, transport

EPT_S_NOT_REGISTERED = 0x16C9A0D6

server = sys.argv[1]
rpc = transport.DCERPCTransportFactory(f'ncacn_ip_tcp:{server}[135]')
rpc.set_connect_timeout(5)
dce = rpc.get_dce_rpc()
dce.connect()
dce.bind(epm.MSRPC_UUID_PORTMAP)
handle = epm.ept_lookup_handle_t()
listed = 0
while True:
    request = epm.ept_lookup()
    request['inquiry_type'] = epm.RPC_C_EP_ALL_ELTS
    request['object'] = epm.NULL
    request['Ifid'] = epm.NULL
    request['vers_option'] = epm.RPC_C_VERS_ALL
    request['entry_handle'] = handle
    request['max_ents'] = 500
    response = dce.request(request, checkError=False)
    if response['status'] not in (0, EPT_S_NOT_REGISTERED):
        print(f'ept_lookup: status {response["status"]:#x}')
        sys.exit(1)
    for i in range(response['num_ents']):
        entry = response['entries'][i]
        tower = epm.EPMTower(b''.join(entry['tower']['tower_octet_string']))
        annotation = b''.join(entry['annotation']).rstrip(b'\0').decode(errors='replace')
        print(f'endpoint: {epm.PrintStringBinding(tower["Floors"])} {annotation}', flush=True)
        listed += 1
    handle = response['entry_handle']
    if response['status'] == EPT_S_NOT_REGISTERED or handle.isNull():
        break
dce.disconnect()
print(f'listed: {listed}')
sys.exit(0 if listed else 1)
