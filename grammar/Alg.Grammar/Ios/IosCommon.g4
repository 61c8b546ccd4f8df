// Shared IOS value rules.
parser grammar IosCommon;

options { tokenVocab = IosLexer; }

// Any single word, keyword or not: names may collide with keywords (an ACL called "NAT").
variable: ~(NEWLINE | TEXT);

// A port is a number or a name; a keyword that can follow a port list (`host`, `log`, `established`, ...)
// ends it, as on the device. Ports are token sets, not a rule per port: an ACL line is parsed for every
// entry of a long list, and each rule invocation costs a parse-tree context.
port_spec
  : EQ ports+=~(NEWLINE | TEXT | HOST | ANY | LOG | LOG_INPUT | ESTABLISHED | OBJECT_GROUP | IP_ADDRESS | IP_PREFIX
      | FRAGMENTS | TIME_RANGE | DSCP | PRECEDENCE | TOS | EQ | NEQ | LT | GT | RANGE)+
  | NEQ ports+=~(NEWLINE | TEXT | HOST | ANY | LOG | LOG_INPUT | ESTABLISHED | OBJECT_GROUP | IP_ADDRESS | IP_PREFIX
      | FRAGMENTS | TIME_RANGE | DSCP | PRECEDENCE | TOS | EQ | NEQ | LT | GT | RANGE)
  | LT ports+=~(NEWLINE | TEXT | HOST | ANY | LOG | LOG_INPUT | ESTABLISHED | OBJECT_GROUP | IP_ADDRESS | IP_PREFIX
      | FRAGMENTS | TIME_RANGE | DSCP | PRECEDENCE | TOS | EQ | NEQ | LT | GT | RANGE)
  | GT ports+=~(NEWLINE | TEXT | HOST | ANY | LOG | LOG_INPUT | ESTABLISHED | OBJECT_GROUP | IP_ADDRESS | IP_PREFIX
      | FRAGMENTS | TIME_RANGE | DSCP | PRECEDENCE | TOS | EQ | NEQ | LT | GT | RANGE)
  | RANGE low=~(NEWLINE | TEXT | HOST | ANY | LOG | LOG_INPUT | ESTABLISHED | OBJECT_GROUP | IP_ADDRESS | IP_PREFIX
      | FRAGMENTS | TIME_RANGE | DSCP | PRECEDENCE | TOS | EQ | NEQ | LT | GT | RANGE)
    high=~(NEWLINE | TEXT | HOST | ANY | LOG | LOG_INPUT | ESTABLISHED | OBJECT_GROUP | IP_ADDRESS | IP_PREFIX
      | FRAGMENTS | TIME_RANGE | DSCP | PRECEDENCE | TOS | EQ | NEQ | LT | GT | RANGE)
  ;
