// NAT: pools, dynamic and static rules, the `ip nat service` ALG switches and the translation timers.
parser grammar IosNat;

options { tokenVocab = IosLexer; }

nat_pool_line
  : IP NAT POOL name=variable start=IP_ADDRESS end=IP_ADDRESS? pool_mask? pool_option* NEWLINE
  ;

pool_mask
  : NETMASK mask=IP_ADDRESS
  | PREFIX_LENGTH length=DEC
  ;

pool_option: TYPE variable | ADD_ROUTE;

nat_dynamic_line
  : NO? IP NAT side=(INSIDE | OUTSIDE) direction=(SOURCE | DESTINATION)
    ( LIST acl=variable | ROUTE_MAP route_map=variable )
    ( POOL pool=variable | INTERFACE interface_name=variable )?
    nat_dynamic_option* NEWLINE
  ;

// Only the options IOS accepts: a misspelt one (`overlod`) is an error, never a silently different rule.
nat_dynamic_option
  : OVERLOAD
  | VRF vrf=variable
  | MATCH_IN_VRF
  | ADD_ROUTE
  | REVERSIBLE
  | REDUNDANCY variable
  | MAPPING_ID variable
  ;

nat_static_line
  : NO? IP NAT side=(INSIDE | OUTSIDE) SOURCE STATIC nat_static_body nat_static_option* NEWLINE
  ;

nat_static_body
  : protocol=(TCP | UDP) local=IP_ADDRESS local_port=DEC
    ( global=IP_ADDRESS | INTERFACE interface_name=variable ) global_port=DEC    # nat_static_port
  | NETWORK local=IP_ADDRESS global=IP_ADDRESS
    ( mask=IP_ADDRESS | length=DEC | slash=WORD )                               # nat_static_network
  | local=IP_ADDRESS global=IP_ADDRESS                                          # nat_static_host
  | local=IP_ADDRESS INTERFACE interface_name=variable                          # nat_static_host_interface
  ;

nat_static_option
  : EXTENDABLE
  | NO_ALIAS
  | NO_PAYLOAD
  | ADD_ROUTE
  | ROUTE_MAP route_map=variable
  | VRF vrf=variable
  | MATCH_IN_VRF
  | REVERSIBLE
  | REDUNDANCY variable
  | MAPPING_ID variable
  ;

// ip nat service <alg> [tcp|udp] [port N] ...: IOS's ALG switches, all on by default; the `no` form
// turns one off and is the only form `show running-config` prints.
nat_service_line
  : NO? IP NAT SERVICE (LIST acl=variable)? alg=variable
    protocol=(TCP | UDP)? (PORT port=DEC)? flags+=variable* NEWLINE
  ;

nat_translation_line
  : NO? IP NAT TRANSLATION MAX_ENTRIES
    ( limit=DEC | HOST host=IP_ADDRESS limit=DEC? | LIST acl=variable limit=DEC? | scope=variable limit=DEC? )? NEWLINE    # nat_max_entries
  | NO? IP NAT TRANSLATION PORT_TIMEOUT protocol=(TCP | UDP) port=DEC
    ( seconds=DEC | NEVER )? NEWLINE                                                   # nat_port_timeout
  | NO? IP NAT TRANSLATION timer=variable ( seconds=DEC | NEVER )? NEWLINE              # nat_timer
  ;
