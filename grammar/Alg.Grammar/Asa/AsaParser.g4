// Cisco ASA (and PIX / FWSM) configuration parser.
// Like IOS, the ASA CLI reads one line at a time in a mode (global, interface, object, class-map,
// policy-map, ...), and a line the current mode rejects is tried in the parent mode, which leaves the
// sub-mode; indentation means nothing. Each `*_line` rule is the entry point of one mode (AsaFrontEnd.cs)
// and parses exactly one line ending at NEWLINE. Feature rules live in the imported sub-grammars.
parser grammar AsaParser;

options { tokenVocab = AsaLexer; }

import AsaCommon, AsaSession, AsaInterface, AsaObject, AsaAcl, AsaNat, AsaInspect;

global_line
  : session_line
  | version_line
  | hostname_line
  | names_line
  | interface_header
  | pix_nameif_line
  | pix_ip_address_line
  | object_network_header
  | object_service_header
  | object_group_header
  | acl_line
  | access_group_line
  | twice_nat_line
  | legacy_global_line
  | legacy_nat_line
  | legacy_static_line
  | class_map_header
  | policy_map_header
  | inspect_map_header
  | service_policy_line
  | timeout_line
  | sunrpc_server_line
  | fixup_line
  ;

// `ASA Version 9.0(3)`, `PIX Version 6.3(5)`, `FWSM Version 4.1(4) <context>`.
version_line: platform=(ASA | PIX | FWSM) VERSION TEXT? NEWLINE;

hostname_line: HOSTNAME name=variable NEWLINE;

// `names` turns on name aliases; `name ADDR ALIAS [description TEXT]` defines one.
names_line
  : NO? NAMES NEWLINE                                                        # names_enable
  | NAME address=IP_ADDRESS alias=variable (DESCRIPTION TEXT?)? NEWLINE      # name_alias
  | NAME other=variable alias=variable (DESCRIPTION TEXT?)? NEWLINE        # name_alias_other
  ;
