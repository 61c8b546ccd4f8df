// interface blocks.
parser grammar IosInterface;

options { tokenVocab = IosLexer; }

interface_header: INTERFACE name=variable rest+=variable* NEWLINE;

interface_line
  : IP ADDRESS address=IP_ADDRESS mask=IP_ADDRESS SECONDARY? NEWLINE      # if_ip_address
  | IP ADDRESS prefix=IP_PREFIX SECONDARY? NEWLINE                        # if_ip_address_prefix
  | IP ADDRESS (DHCP | NEGOTIATED | POOL) variable* NEWLINE                # if_ip_address_dynamic
  | NO IP ADDRESS NEWLINE                                                 # if_no_ip_address
  | NO? IP NAT role=(INSIDE | OUTSIDE | ENABLE) NEWLINE                    # if_ip_nat
  | NO? IP ACCESS_GROUP acl=variable direction=(IN | OUT) NEWLINE         # if_access_group
  | DESCRIPTION TEXT? NEWLINE                                             # if_description
  | NO? SHUTDOWN NEWLINE                                                  # if_shutdown
  | NO? IP INSPECT name=variable direction=(IN | OUT) NEWLINE             # if_ip_inspect
  | NO? ZONE_MEMBER SECURITY zone=variable NEWLINE                        # if_zone_member
  | IP VRF FORWARDING vrf=variable NEWLINE                                # if_vrf
  | VRF FORWARDING vrf=variable NEWLINE                                   # if_vrf
  | NO? SERVICE_POLICY direction=variable policy=variable NEWLINE          # if_qos_policy
  | NO? CRYPTO MAP name=variable NEWLINE                                   # if_crypto_map
  | IP UNNUMBERED source=variable NEWLINE                                  # if_unnumbered
  | NO? IP POLICY ROUTE_MAP map=variable NEWLINE                           # if_policy_route_map
  ;
