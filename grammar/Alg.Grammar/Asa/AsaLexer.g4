// Cisco ASA / PIX / FWSM configuration lexer.
// Keywords are case-insensitive, as on the device. WORD is the catch-all for names, so any keyword may
// also be a name: the parser's `variable` rule accepts both. PIX 6/7 and FWSM files are read by this lexer
// too: their NAT (`global`, `nat (if) N`, `static`) and `fixup` commands are part of the ASA vocabulary.
lexer grammar AsaLexer;

options { caseInsensitive = true; }

tokens { COMMENT, CHECKSUM }

// ---- keywords (alphabetical) ----
ACCESS_GROUP: 'access-group';
ACCESS_LIST: 'access-list';
ADDRESS: 'address';
AFTER_AUTO: 'after-auto';
ANY: 'any';
ANY4: 'any4';
ANY6: 'any6';
ASA: 'asa';
CLASS: 'class';
CLASS_MAP: 'class-map';
CONF: 'conf';
CONFIGURE: 'configure';
DEFAULT_INSPECTION_TRAFFIC: 'default-inspection-traffic';
DENY: 'deny';
DESCRIPTION: 'description' -> pushMode(M_TEXT);
DESTINATION: 'destination';
DHCP: 'dhcp';
DO: 'do' -> pushMode(M_TEXT);
DYNAMIC: 'dynamic';
ENABLE: 'enable';
END: 'end';
EQ: 'eq';
ETHERTYPE: 'ethertype';
EXIT: 'exit';
EXTENDED: 'extended';
FIXUP: 'fixup';
FQDN: 'fqdn';
FWSM: 'fwsm';
GLOBAL: 'global';
GROUP_OBJECT: 'group-object';
GT: 'gt';
HOST: 'host';
HOSTNAME: 'hostname';
ICMP_OBJECT: 'icmp-object';
IN: 'in';
INACTIVE: 'inactive';
INSPECT: 'inspect';
INTERFACE: 'interface';
IP: 'ip';
LINE: 'line';
LT: 'lt';
MANAGEMENT_ONLY: 'management-only';
MATCH: 'match';
MATCH_ALL: 'match-all';
MATCH_ANY: 'match-any';
NAME: 'name';
NAMEIF: 'nameif';
NAMES: 'names';
NAT: 'nat';
NEQ: 'neq';
NETMASK: 'netmask';
NETWORK: 'network';
NETWORK_OBJECT: 'network-object';
NO: 'no';
OBJECT: 'object';
OBJECT_GROUP: 'object-group';
OUT: 'out';
PARAMETERS: 'parameters';
PAT_POOL: 'pat-pool';
PASSWORD_PROMPT: 'password:' -> pushMode(M_TEXT);
PERMIT: 'permit';
PIX: 'pix';
POLICY_MAP: 'policy-map';
PORT: 'port';
PORT_OBJECT: 'port-object';
PPPOE: 'pppoe';
PROTOCOL: 'protocol';
PROTOCOL_OBJECT: 'protocol-object';
RANGE: 'range';
REMARK: 'remark' -> pushMode(M_TEXT);
SCTP: 'sctp';
SECURITY_LEVEL: 'security-level';
SERVICE: 'service';
SERVICE_OBJECT: 'service-object';
SERVICE_POLICY: 'service-policy';
SET: 'set';
SHOW: 'show' -> pushMode(M_TEXT);
SHUTDOWN: 'shutdown';
SOURCE: 'source';
STANDARD: 'standard';
STANDBY: 'standby';
STATIC: 'static';
SUBNET: 'subnet';
SUNRPC_SERVER: 'sunrpc-server';
TCP: 'tcp';
TIMEOUT: 'timeout';
TYPE: 'type';
UDP: 'udp';
VERSION: 'version' -> pushMode(M_TEXT);
WEBTYPE: 'webtype';

// ---- values ----
// `(inside,outside)` or `(inside)`: one token, so a name need not exclude parentheses and commas.
IF_PAIR: '(' IF_NAME (',' IF_NAME)? ')';
IP_RANGE: OCTET '.' OCTET '.' OCTET '.' OCTET '-' OCTET '.' OCTET '.' OCTET '.' OCTET;
IP_PREFIX: OCTET '.' OCTET '.' OCTET '.' OCTET '/' [0-9]+;
IP_ADDRESS: OCTET '.' OCTET '.' OCTET '.' OCTET;
// Timeouts are hh:mm:ss (also h:m:s and hhhh:mm:ss).
DURATION: [0-9]+ ':' [0-9]+ ':' [0-9]+;
DEC: [0-9]+;
STRING: '"' ~["\r\n]* '"';

// `!` and `:` start comments at the start of a line (`: Saved`, `: end`, `:` alone); the checksum line is
// written by the device and means nothing to the policy. Both are read by AsaLexer.Comments.cs
// (LineCommentScanner): a start-of-line predicate here would stop ANTLR caching the lexer DFA.
NEWLINE: ('\r\n' | '\r' | '\n')+;
// Blanks are dropped, not kept on the hidden channel: the line reader never looks at them, and a token per
// blank run was a tenth of what a long file allocates.
WS: [ \t\u000C]+ -> skip;
WORD: ~[ \t\u000C\r\n]+;

fragment OCTET: [0-9] [0-9]? [0-9]?;
fragment IF_NAME: ~[ \t\u000C\r\n(),]+;

// Free text to the end of the line: descriptions, remarks, exec commands, version strings.
mode M_TEXT;
TEXT_NEWLINE: ('\r\n' | '\r' | '\n')+ -> type(NEWLINE), popMode;
TEXT: ~[\r\n]+;
