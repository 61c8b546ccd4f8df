// Shared IOS value rules.
parser grammar IosCommon;

options { tokenVocab = IosLexer; }

// Any single word, keyword or not: names may collide with keywords (an ACL called "NAT").
variable: ~(NEWLINE | TEXT);

port_number: DEC | variable;

port_spec
  : EQ ports+=port_number+
  | NEQ ports+=port_number
  | LT ports+=port_number
  | GT ports+=port_number
  | RANGE low=port_number high=port_number
  ;
