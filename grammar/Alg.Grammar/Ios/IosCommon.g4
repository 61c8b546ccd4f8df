// Shared IOS value rules.
parser grammar IosCommon;

options { tokenVocab = IosLexer; }

// Any single word, keyword or not: names may collide with keywords (an ACL called "NAT").
variable: ~(NEWLINE | TEXT);

// A port is a number or a name; a keyword that can follow a port list (`host`, `log`, `established`, ...)
// ends it, as on the device.
port_number
  : DEC
  | ~(NEWLINE | TEXT | DEC | HOST | ANY | LOG | LOG_INPUT | ESTABLISHED | OBJECT_GROUP | IP_ADDRESS | IP_PREFIX
      | FRAGMENTS | TIME_RANGE | DSCP | PRECEDENCE | TOS | EQ | NEQ | LT | GT | RANGE)
  ;

port_spec
  : EQ ports+=port_number+
  | NEQ ports+=port_number
  | LT ports+=port_number
  | GT ports+=port_number
  | RANGE low=port_number high=port_number
  ;
