// Commands outside NAT and filtering that name ACLs, prefix lists and route-maps: routing protocols, terminal
// lines, SNMP, HTTP and NTP. Alg reads only the names, so "undefined" and "unused" are what the router would
// say; the blocks' other settings load silently (their modes ignore other indented lines).
parser grammar IosReferences;

options { tokenVocab = IosLexer; }

router_header: ROUTER words+=variable+ NEWLINE;

router_line
  : NEIGHBOR peer=variable before+=~(ROUTE_MAP | NEWLINE)* ROUTE_MAP map=variable rest+=variable* NEWLINE   # router_route_map
  | REDISTRIBUTE before+=~(ROUTE_MAP | NEWLINE)* ROUTE_MAP map=variable rest+=variable* NEWLINE             # router_route_map
  | NEIGHBOR peer=variable PREFIX_LIST list=variable rest+=variable* NEWLINE                                # router_prefix_list
  | DISTRIBUTE_LIST PREFIX list=variable rest+=variable* NEWLINE                                            # router_prefix_list
  | DISTRIBUTE_LIST ROUTE_MAP map=variable rest+=variable* NEWLINE                                          # router_route_map
  | NEIGHBOR peer=variable DISTRIBUTE_LIST acl=variable rest+=variable* NEWLINE                             # router_acl
  | DISTRIBUTE_LIST acl=variable rest+=variable* NEWLINE                                                    # router_acl
  ;

// `line con 0`, `line vty 0 4`: `access-class` filters who may log in.
line_header: LINE words+=variable+ NEWLINE;

line_line: NO? ACCESS_CLASS acl=variable rest+=variable* NEWLINE;

// snmp-server community STRING [view V] [ro|rw] [ipv6 NACL] [ACL]: the builder finds the ACL among the words.
snmp_community_line: NO? SNMP_SERVER COMMUNITY community=variable words+=variable* NEWLINE;

// ip http access-class [ipv4] ACL
http_access_class_line: NO? IP HTTP ACCESS_CLASS words+=variable+ NEWLINE;

// ntp access-group [ipv4|ipv6] {peer|serve|serve-only|query-only} ACL [kod]
ntp_access_group_line: NO? NTP ACCESS_GROUP words+=variable+ NEWLINE;

// A QoS (or other non-inspect) policy-map: its nested `service-policy` names another QoS policy, nothing NAT uses.
qos_policy_map_header
  : POLICY_MAP TYPE kind=~(INSPECT | NEWLINE) name=variable rest+=variable* NEWLINE
  | POLICY_MAP plain=~(TYPE | NEWLINE | TEXT) rest+=variable* NEWLINE
  ;

qos_policy_map_line: SERVICE_POLICY words+=variable+ NEWLINE;

// IP SLA probes: their `timeout` is the probe's wait for a reply, not a translation timer.
ip_sla_header: IP SLA words+=variable* NEWLINE;

ip_sla_line: TIMEOUT milliseconds=DEC NEWLINE;

// crypto map NAME SEQ ipsec-isakmp: `match address ACL` selects the traffic the map encrypts.
crypto_map_header: NO? CRYPTO MAP name=variable words+=variable* NEWLINE;

crypto_map_line: MATCH ADDRESS acl=variable NEWLINE;

// ip local policy route-map NAME: policy routing of the router's own traffic.
local_policy_line: NO? IP LOCAL POLICY ROUTE_MAP map=variable NEWLINE;

// A QoS (or other non-inspect) class-map: `match access-group` names the ACL that classifies the traffic.
qos_class_map_header
  : CLASS_MAP TYPE kind=~(INSPECT | NEWLINE) (MATCH_ALL | MATCH_ANY)? name=variable rest+=variable* NEWLINE
  | CLASS_MAP (MATCH_ALL | MATCH_ANY)? plain=~(TYPE | NEWLINE | TEXT | MATCH_ALL | MATCH_ANY) NEWLINE
  ;

qos_class_map_line: MATCH NOT? ACCESS_GROUP (NAME acl=variable | number=DEC) NEWLINE;

// A line card's own configuration (Catalyst 6500 Content Switching Module): its `static nat` is the card's.
module_header: MODULE words+=variable+ NEWLINE;

module_line
  : STATIC NAT words+=variable* NEWLINE       # module_static_nat
  | IP ADDRESS words+=variable* NEWLINE       # module_vlan_address
  ;
