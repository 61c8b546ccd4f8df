// Juniper ScreenOS configuration lexer. Every configuration line is `set ...` or `unset ...`; names are
// often double-quoted ("Trust", "MIP(203.0.113.10)"). Keywords are case-insensitive.
lexer grammar ScreenOsLexer;

options { caseInsensitive = true; }

tokens { COMMENT }

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

// `#` and `!` comments at the start of a line are read by ScreenOsLexer.Comments.cs (LineCommentScanner):
// a start-of-line predicate here would stop ANTLR caching the lexer DFA.
NEWLINE: ('\r\n' | '\r' | '\n')+;
// Blanks are dropped, not kept on the hidden channel: the line reader never looks at them, and a token per
// blank run was a tenth of what a long file allocates.
WS: [ \t\u000C]+ -> skip;
WORD: ~[ \t\u000C\r\n"]+;

fragment OCTET: [0-9] [0-9]? [0-9]?;
