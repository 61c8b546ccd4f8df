// Juniper Junos configuration lexer, set-style (`show configuration | display set`).
// Keywords are case-sensitive on the device but lower case in practice; matched case-insensitively.
lexer grammar JunosLexer;

options { caseInsensitive = true; }

tokens { COMMENT }

// ---- keywords (alphabetical) ----
ACTIVATE: 'activate';
ADDRESS: 'address';
ADDRESS_BOOK: 'address-book';
ALG: 'alg';
APPLICATION: 'application';
APPLICATION_SET: 'application-set';
APPLICATIONS: 'applications';
DEACTIVATE: 'deactivate';
DELETE: 'delete';
DESTINATION: 'destination';
DISABLE: 'disable';
FAMILY: 'family';
FROM: 'from';
HOST_NAME: 'host-name';
INET: 'inet';
INTERFACE: 'interface';
INTERFACES: 'interfaces';
MATCH: 'match';
NAT: 'nat';
POLICIES: 'policies';
POOL: 'pool';
PORT: 'port';
PROXY_ARP: 'proxy-arp';
ROUTING_INSTANCE: 'routing-instance';
RULE: 'rule';
RULE_SET: 'rule-set';
SECURITY: 'security';
SECURITY_ZONE: 'security-zone';
SET: 'set';
SOURCE: 'source';
STATIC: 'static';
SYSTEM: 'system';
THEN: 'then';
TO: 'to';
UNIT: 'unit';
ZONE: 'zone';
ZONES: 'zones';

// ---- values ----
IP_PREFIX: OCTET '.' OCTET '.' OCTET '.' OCTET '/' [0-9]+;
IP_ADDRESS: OCTET '.' OCTET '.' OCTET '.' OCTET;
DEC: [0-9]+;
STRING: '"' ~["\r\n]* '"';

// `#` comments at the start of a line are read by JunosLexer.Comments.cs (LineCommentScanner): a
// start-of-line predicate here would stop ANTLR caching the lexer DFA.
NEWLINE: ('\r\n' | '\r' | '\n')+;
// Blanks are dropped, not kept on the hidden channel: the line reader never looks at them, and a token per
// blank run was a tenth of what a long file allocates.
WS: [ \t\u000C]+ -> skip;
WORD: ~[ \t\u000C\r\n"]+;

fragment OCTET: [0-9] [0-9]? [0-9]?;
