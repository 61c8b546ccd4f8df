// Juniper ScreenOS configuration lexer. Every configuration line is `set ...` or `unset ...`; names are
// often double-quoted ("Trust", "MIP(203.0.113.10)"). Keywords are case-insensitive.
lexer grammar ScreenOsLexer;

options { caseInsensitive = true; }

// ---- keywords (alphabetical) ----
ADD: 'add';
ADDRESS: 'address';
ALG: 'alg';
BEFORE: 'before';
DIP: 'dip';
DIP_ID: 'dip-id';
DISABLE: 'disable';
DST: 'dst';
ENABLE: 'enable';
EXIT: 'exit';
FIX_PORT: 'fix-port';
FROM: 'from';
GROUP: 'group';
HOST: 'host';
HOSTNAME: 'hostname';
ID: 'id';
INTERFACE: 'interface';
IP: 'ip';
MIP: 'mip';
NAME: 'name';
NAT: 'nat';
NETMASK: 'netmask';
POLICY: 'policy';
PORT: 'port';
REMOVE: 'remove';
ROUTE: 'route';
TAG: 'tag';
SERVICE: 'service';
SET: 'set';
SRC: 'src';
TO: 'to';
TOP: 'top';
UNSET: 'unset';
VR: 'vr';
VROUTER: 'vrouter';
ZONE: 'zone';

// ---- values ----
IP_PREFIX: OCTET '.' OCTET '.' OCTET '.' OCTET '/' [0-9]+;
IP_ADDRESS: OCTET '.' OCTET '.' OCTET '.' OCTET;
DEC: [0-9]+;
STRING: '"' ~["\r\n]* '"';

// A comment starts a line. The check sits on the rule's right edge: a predicate at its left edge would be part
// of every token's start state, which the lexer DFA then cannot cache, and lexing ran ~15 times slower.
COMMENT: [ \t]* ('#' | '!') ~[\r\n]* {this.TokenStartColumn == 0}? -> channel(HIDDEN);
NEWLINE: ('\r\n' | '\r' | '\n')+;
WS: [ \t\u000C]+ -> channel(HIDDEN);
WORD: ~[ \t\u000C\r\n"]+;

fragment OCTET: [0-9] [0-9]? [0-9]?;
