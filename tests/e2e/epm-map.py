#!/usr/bin/python3
"""e2e (tests/e2e/scenarios.sh msrpc): impacket's ept_map ([MS-RPCE] 2.2.1.2) on the endpoint mapper at ARGV[1]:135 for
the interface ARGV[2] over ncacn_ip_tcp, then a bind to that interface on the returned port. Prints "ept_map: BINDING"
and "bind: ok" or the failure; exits 0 only when the bind on the dynamic port was acknowledged."""
import sys

from impacket.dcerpc.v5 import epm, transport
from impacket.uuid import uuidtup_to_bin

server, interface = sys.argv[1], sys.argv[2]
remote = uuidtup_to_bin((interface, sys.argv[3] if len(sys.argv) > 3 else '1.0'))
binding = epm.hept_map(server, remote, protocol='ncacn_ip_tcp')
print(f'ept_map: {binding}', flush=True)
# The tower names the server's address as it sees itself; the client dials the one it used for the mapper.
port = binding.split('[')[1].rstrip(']')
rpc = transport.DCERPCTransportFactory(f'ncacn_ip_tcp:{server}[{port}]')
rpc.set_connect_timeout(5)
dce = rpc.get_dce_rpc()
try:
    dce.connect()
    dce.bind(remote)
    print('bind: ok')
except Exception as error:  # noqa: BLE001 - any failure is the scenario's answer
    print(f'bind: failed: {error}')
    sys.exit(1)
