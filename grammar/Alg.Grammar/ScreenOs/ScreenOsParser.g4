// Juniper ScreenOS configuration parser.
// ScreenOS configurations are flat: each line is a `set` or `unset` command in global mode. The only
// sub-contexts are `set policy id N` and `set vrouter NAME` entered alone, both left with `exit`
// (ScreenOsFrontEnd.cs). Feature rules live in the imported sub-grammars.
parser grammar ScreenOsParser;

options { tokenVocab = ScreenOsLexer; }

import ScreenOsCommon, ScreenOsInterface, ScreenOsAlg, ScreenOsPolicy;

global_line
  : exit_line
  | hostname_line
  | interface_line
  | alg_line
  | zone_line
  | address_line
  | group_line
  | policy_line
  | policy_context_header
  | vrouter_line
  | vrouter_context_header
  | service_line
  ;

exit_line: EXIT NEWLINE;

hostname_line: op=(SET | UNSET) HOSTNAME name=variable? NEWLINE;

// `set zone id N NAME` (as `get config` prints it) and `set zone name NAME` define a zone; `set zone NAME ...`
// sets one of its properties.
zone_line: op=(SET | UNSET) ZONE (ID zone_id=DEC | define=NAME)? name=variable rest+=variable* NEWLINE;

// `set address ZONE NAME {A M | A/L | FQDN} [COMMENT]`
address_line
  : op=(SET | UNSET) ADDRESS zone=variable name=variable
    (address=IP_ADDRESS mask=IP_ADDRESS | prefix=IP_PREFIX | fqdn=WORD)? comment=STRING? NEWLINE
  ;

// `set group address ZONE NAME [add MEMBER | remove MEMBER | comment TEXT]`,
// `set group service NAME [add MEMBER | remove MEMBER | comment TEXT]`.
group_line
  : op=(SET | UNSET) GROUP ADDRESS zone=variable name=variable ((ADD | REMOVE) member=variable)? rest+=variable* NEWLINE  # group_address
  | op=(SET | UNSET) GROUP SERVICE name=variable ((ADD | REMOVE) member=variable)? rest+=variable* NEWLINE                # group_service
  ;

vrouter_context_header: SET VROUTER name=variable NEWLINE;

vrouter_line: op=(SET | UNSET) VROUTER name=variable rest+=variable+ NEWLINE;

service_line: op=(SET | UNSET) SERVICE name=variable rest+=variable* NEWLINE;

// Lines accepted inside `set vrouter NAME` ... `exit`: routes and the like, recognised and not modelled.
// Their first word is never a global keyword, so a global command after a missing `exit` is not swallowed.
vrouter_context_line: op=(SET | UNSET) setting=(ROUTE | WORD) rest+=variable* NEWLINE;
