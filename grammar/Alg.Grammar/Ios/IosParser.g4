// Cisco IOS / IOS-XE configuration parser.
// IOS reads a configuration one line at a time in a mode (global, interface, ACL, ...), and a line that
// is not valid in the current mode is tried in the parent mode, which leaves the sub-mode; indentation
// means nothing to the device. Alg does the same: each `*_line` rule below is the entry point of one
// mode and parses exactly one line, ending at NEWLINE. The mode machine that picks the entry rule lives
// in IosModeMachine.cs; feature rules live in the imported sub-grammars.
parser grammar IosParser;

options { tokenVocab = IosLexer; }

import IosCommon, IosSession, IosInterface, IosAcl, IosNat, IosInspect, IosReferences;

global_line
  : session_line
  | hostname_line
  | interface_header
  | numbered_acl_line
  | named_acl_header
  | nat_pool_line
  | nat_dynamic_line
  | nat_static_line
  | nat_service_line
  | nat_translation_line
  | route_map_header
  | object_group_header
  | ip_inspect_line
  | class_map_inspect_header
  | policy_map_inspect_header
  | zone_line
  | zone_pair_header
  | banner_line
  | prefix_list_line
  | router_header
  | line_header
  | snmp_community_line
  | http_access_class_line
  | ntp_access_group_line
  | qos_policy_map_header
  | ip_sla_header
  | module_header
  | crypto_map_header
  | local_policy_line
  | qos_class_map_header
  ;

hostname_line: HOSTNAME name=variable NEWLINE;

// The lexer reads a whole banner, delimiters and lines, into one BANNER token (IosLexer.Banner.cs).
banner_line: BANNER NEWLINE;
