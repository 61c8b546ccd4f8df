// Juniper Junos configuration parser, set-style. Every line is `set|delete|deactivate|activate PATH`
// in one flat mode; the path's leading words pick the feature rule. Hierarchies Alg does not model
// are recognised by JunosIgnoredCommands.cs.
parser grammar JunosParser;

options { tokenVocab = JunosLexer; }

import JunosCommon, JunosInterface, JunosNat, JunosAlg, JunosApplication;

global_line
  : host_name_line
  | interface_line
  | zone_line
  | nat_line
  | alg_line
  | security_policy_line
  | address_book_line
  | application_line
  ;

host_name_line: op=operation SYSTEM HOST_NAME name=variable NEWLINE;

// `security policies ...` and address books: the binder reads the words (addresses a policy names, and the
// applications a permitting policy matches, for the RPC ALGs' UUID and program filters).
security_policy_line: op=operation SECURITY POLICIES words+=~NEWLINE* NEWLINE;

address_book_line: op=operation SECURITY ADDRESS_BOOK words+=~NEWLINE* NEWLINE;
