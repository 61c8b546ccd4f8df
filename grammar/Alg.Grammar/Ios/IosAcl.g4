// Standard and extended access lists, numbered and named; object groups and route-maps that ACLs
// and NAT rules refer to.
parser grammar IosAcl;

options { tokenVocab = IosLexer; }

numbered_acl_line
  : ACCESS_LIST number=DEC acl_rule NEWLINE
  | ACCESS_LIST number=DEC REMARK TEXT? NEWLINE
  | NO ACCESS_LIST number=DEC NEWLINE
  ;

named_acl_header: NO? IP ACCESS_LIST kind=(STANDARD | EXTENDED) name=variable NEWLINE;

acl_line
  : sequence=DEC? acl_rule NEWLINE       # acl_entry
  | REMARK TEXT? NEWLINE                 # acl_remark
  | NO sequence=DEC NEWLINE              # acl_delete
  ;

// One rule body, standard or extended: the binder knows which kind the list is and checks the shape.
// Options (`log`, `established`, anything else) are any words, read as a token list rather than a context each.
acl_rule
  : action=(PERMIT | DENY) protocol=acl_protocol source=acl_address source_ports=port_spec?
    destination=acl_address destination_ports=port_spec? options+=~(NEWLINE | TEXT)*    # acl_extended_rule
  | action=(PERMIT | DENY) source=acl_address options+=~(NEWLINE | TEXT)*               # acl_standard_rule
  ;

acl_protocol
  : OBJECT_GROUP name=variable
  | IP
  | TCP
  | UDP
  | ICMP
  | DEC
  | WORD
  ;

acl_address
  : ANY
  | HOST address=IP_ADDRESS
  | OBJECT_GROUP name=variable
  | address=IP_ADDRESS wildcard=IP_ADDRESS
  | address=IP_ADDRESS
  | prefix=IP_PREFIX
  ;

// An IPv4 prefix list: only its name matters to Alg (route-maps and routing protocols refer to it).
prefix_list_line: NO? IP PREFIX_LIST name=variable rest+=~NEWLINE* NEWLINE;

route_map_header: ROUTE_MAP name=variable action=(PERMIT | DENY)? sequence=DEC? NEWLINE;

route_map_line
  : MATCH IP ADDRESS PREFIX_LIST lists+=variable+ NEWLINE    # rm_match_prefix_list
  | MATCH IP ADDRESS acls+=acl_name+ NEWLINE                 # rm_match_acl
  | MATCH IP ~(ADDRESS | NEWLINE) variable* NEWLINE          # rm_match_other
  | MATCH ~(IP | NEWLINE) variable* NEWLINE                  # rm_match_other
  | DESCRIPTION TEXT? NEWLINE                                # rm_description
  ;

acl_name: ~(PREFIX_LIST | NEWLINE | TEXT);

object_group_header: OBJECT_GROUP kind=(NETWORK | SERVICE) name=variable NEWLINE;

object_group_line
  : HOST address=IP_ADDRESS NEWLINE                          # og_host
  | address=IP_ADDRESS mask=IP_ADDRESS NEWLINE               # og_subnet
  | prefix=IP_PREFIX NEWLINE                                 # og_prefix
  | RANGE first=IP_ADDRESS last=IP_ADDRESS NEWLINE           # og_range
  | GROUP_OBJECT name=variable NEWLINE                       # og_group
  | protocol=(TCP | UDP) port_spec? NEWLINE                  # og_service
  | ICMP variable? NEWLINE                                   # og_icmp
  | DESCRIPTION TEXT? NEWLINE                                # og_description
  ;
