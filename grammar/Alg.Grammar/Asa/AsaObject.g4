// Named objects and object groups that ACLs and NAT rules refer to.
parser grammar AsaObject;

options { tokenVocab = AsaLexer; }

object_network_header: OBJECT NETWORK name=variable NEWLINE;

object_network_line
  : HOST address=IP_ADDRESS NEWLINE                                  # on_host
  | SUBNET address=IP_ADDRESS mask=IP_ADDRESS NEWLINE                # on_subnet
  | SUBNET prefix=IP_PREFIX NEWLINE                                  # on_subnet_prefix
  | RANGE first=IP_ADDRESS last=IP_ADDRESS NEWLINE                   # on_range
  | FQDN variable* NEWLINE                                           # on_fqdn
  | DESCRIPTION TEXT? NEWLINE                                        # on_description
  | object_nat_line                                                  # on_nat
  ;

object_service_header: OBJECT SERVICE name=variable NEWLINE;

object_service_line
  : SERVICE protocol=variable (SOURCE source=port_spec)? (DESTINATION destination=port_spec)? NEWLINE    # os_service
  | DESCRIPTION TEXT? NEWLINE                                                                            # os_description
  ;

// `object-group network|service|protocol|icmp-type NAME [tcp|udp|tcp-udp]`
object_group_header: OBJECT_GROUP kind=variable name=variable protocol=variable? NEWLINE { RememberGroup($kind.text, $name.text); };

object_group_line
  : NETWORK_OBJECT HOST address=IP_ADDRESS NEWLINE                          # og_host
  | NETWORK_OBJECT HOST alias=variable NEWLINE                              # og_host_alias
  | NETWORK_OBJECT address=IP_ADDRESS mask=IP_ADDRESS NEWLINE               # og_subnet
  | NETWORK_OBJECT prefix=IP_PREFIX NEWLINE                                 # og_prefix
  | NETWORK_OBJECT OBJECT name=variable NEWLINE                             # og_object
  | NETWORK_OBJECT alias=variable mask=IP_ADDRESS NEWLINE                   # og_alias_subnet
  | PORT_OBJECT ports=port_spec NEWLINE                                     # og_port
  | SERVICE_OBJECT OBJECT name=variable NEWLINE                             # og_service_object
  | SERVICE_OBJECT protocol=variable (SOURCE source=port_spec)? (DESTINATION? destination=port_spec)? NEWLINE    # og_service
  | PROTOCOL_OBJECT protocol=variable NEWLINE                               # og_protocol
  | ICMP_OBJECT icmp=variable NEWLINE                                       # og_icmp
  | GROUP_OBJECT name=variable NEWLINE                                      # og_group
  | DESCRIPTION TEXT? NEWLINE                                               # og_description
  ;
