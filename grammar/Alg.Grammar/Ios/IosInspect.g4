// Firewall inspection: classic CBAC (`ip inspect name`) and zone-based (class-map/policy-map type
// inspect, zones, zone-pairs). Alg models these as stateful inspection being on.
parser grammar IosInspect;

options { tokenVocab = IosLexer; }

ip_inspect_line
  : NO? IP INSPECT NAME name=variable protocol=variable options+=variable* NEWLINE   # cbac_rule
  | NO? IP INSPECT setting=variable rest+=variable* NEWLINE                          # cbac_setting
  ;

class_map_inspect_header
  : CLASS_MAP TYPE INSPECT (MATCH_ALL | MATCH_ANY)? name=variable NEWLINE
  ;

class_map_inspect_line
  : MATCH ACCESS_GROUP (NAME acl=variable | number=DEC) NEWLINE     # cmi_match_acl
  | MATCH variable+ NEWLINE                                         # cmi_match_protocol
  | DESCRIPTION TEXT? NEWLINE                                       # cmi_description
  ;

policy_map_inspect_header: POLICY_MAP TYPE INSPECT name=variable NEWLINE;

policy_map_inspect_line
  : CLASS TYPE INSPECT name=variable NEWLINE     # pmi_class
  | CLASS name=variable NEWLINE                  # pmi_class_default
  ;

policy_map_inspect_class_line
  : INSPECT variable? NEWLINE                    # pmic_inspect
  | action=(PASS | DROP) rest+=variable* NEWLINE # pmic_action
  ;

zone_line: ZONE SECURITY name=variable NEWLINE;

zone_pair_header: ZONE_PAIR SECURITY name=variable SOURCE source=variable DESTINATION destination=variable NEWLINE;

zone_pair_line: SERVICE_POLICY TYPE INSPECT policy=variable NEWLINE;
