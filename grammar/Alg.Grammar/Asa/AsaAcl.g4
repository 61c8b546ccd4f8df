// Access lists (`access-list NAME [extended|standard] ...`, PIX lists without the kind word) and
// their binding to interfaces (`access-group`).
parser grammar AsaAcl;

options { tokenVocab = AsaLexer; }

acl_line
  : ACCESS_LIST name=variable (LINE DEC)? REMARK TEXT? NEWLINE                                  # acl_remark
  | ACCESS_LIST name=variable (LINE DEC)? STANDARD action=(PERMIT | DENY) source=acl_address NEWLINE   # acl_standard
  | ACCESS_LIST name=variable (LINE DEC)? EXTENDED? action=(PERMIT | DENY) protocol=acl_protocol
    source=acl_address source_ports=acl_source_ports? destination=acl_address destination_ports=acl_ports?
    options+=variable* NEWLINE                                                                  # acl_extended
  | ACCESS_LIST name=variable (LINE DEC)? kind=(WEBTYPE | ETHERTYPE) words+=variable* NEWLINE      # acl_unmodelled
  ;

acl_protocol
  : OBJECT_GROUP name=variable
  | OBJECT name=variable
  | variable
  ;

acl_address
  : ANY
  | ANY4
  | ANY6
  | HOST address=IP_ADDRESS
  | HOST alias=variable
  | address=IP_ADDRESS mask=IP_ADDRESS
  | OBJECT_GROUP name=variable
  | OBJECT name=variable
  | INTERFACE interface_name=variable
  | word_alias=WORD mask=IP_ADDRESS
  | {IsIpv6Next()}? prefix6=WORD
  ;

acl_ports
  : port_spec
  | OBJECT_GROUP group=variable
  ;

// After the source address, `object-group X` is a source port group only when X is a service group; a network
// group there is the destination, as the ASA reads it by the group's type.
acl_source_ports
  : port_spec
  | {IsServiceGroupNext()}? OBJECT_GROUP group=variable
  ;

access_group_line
  : ACCESS_GROUP acl=variable direction=(IN | OUT) INTERFACE interface_name=variable rest+=variable* NEWLINE   # access_group_interface
  | ACCESS_GROUP acl=variable GLOBAL NEWLINE                                                                  # access_group_global
  ;
