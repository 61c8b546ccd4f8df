// `security nat source|destination|static ...` and `security nat proxy-arp ...`.
parser grammar JunosNat;

options { tokenVocab = JunosLexer; }

nat_line
  : op=operation SECURITY NAT kind=(SOURCE | DESTINATION) POOL pool=variable
    ADDRESS first=address_value (TO last=address_value)? (PORT port=DEC)? NEWLINE                        # nat_pool_address
  | op=operation SECURITY NAT kind=(SOURCE | DESTINATION) POOL pool=variable words+=~NEWLINE* NEWLINE     # nat_pool_other
  | op=operation SECURITY NAT kind=(SOURCE | DESTINATION | STATIC) RULE_SET rule_set=variable
    direction=(FROM | TO) context=(ZONE | INTERFACE | ROUTING_INSTANCE) names+=variable+ NEWLINE            # nat_rule_set_context
  | op=operation SECURITY NAT kind=(SOURCE | DESTINATION | STATIC) RULE_SET rule_set=variable
    RULE rule=variable MATCH field=variable values+=variable* NEWLINE                                    # nat_rule_match
  | op=operation SECURITY NAT kind=(SOURCE | DESTINATION | STATIC) RULE_SET rule_set=variable
    RULE rule=variable THEN action=variable values+=variable* NEWLINE                                    # nat_rule_then
  | op=operation SECURITY NAT PROXY_ARP INTERFACE interface_name=variable
    ADDRESS first=address_value (TO last=address_value)? NEWLINE                                         # nat_proxy_arp
  | op=operation SECURITY NAT words+=~NEWLINE* NEWLINE                                                   # nat_other
  ;
