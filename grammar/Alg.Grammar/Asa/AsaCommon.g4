// Shared ASA value rules.
parser grammar AsaCommon;

options { tokenVocab = AsaLexer; }

// Any single word, keyword or not: names may collide with keywords (an ACL called "ANY").
variable: ~(NEWLINE | TEXT);

port_number: DEC | variable;

port_spec
  : EQ port=port_number
  | NEQ port=port_number
  | LT port=port_number
  | GT port=port_number
  | RANGE low=port_number high=port_number
  ;
