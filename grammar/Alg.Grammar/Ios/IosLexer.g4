// Cisco IOS / IOS-XE configuration lexer.
// Keywords are case-insensitive, as on the device. WORD is the catch-all for names, so any keyword
// may also be a name: the parser's `variable` rule accepts both.
lexer grammar IosLexer;

options { caseInsensitive = true; }

// ---- keywords (alphabetical) ----
ACCESS_CLASS: 'access-class';
ACCESS_GROUP: 'access-group';
ACCESS_LIST: 'access-list';
ADD_ROUTE: 'add-route';
ADDRESS: 'address';
ANY: 'any';
BANNER: 'banner';
CLASS: 'class';
CLASS_MAP: 'class-map';
COMMUNITY: 'community';
CONFIGURE: 'configure';
CRYPTO: 'crypto';
CONF: 'conf';
DENY: 'deny';
DESCRIPTION: 'description' -> pushMode(M_TEXT);
DESTINATION: 'destination';
DHCP: 'dhcp';
DISTRIBUTE_LIST: 'distribute-list';
DO: 'do' -> pushMode(M_TEXT);
DSCP: 'dscp';
DROP: 'drop';
DYNAMIC: 'dynamic';
ENABLE: 'enable';
END: 'end';
EQ: 'eq';
ESTABLISHED: 'established';
EXIT: 'exit';
EXTENDABLE: 'extendable';
EXTENDED: 'extended';
FORWARDING: 'forwarding';
FRAGMENTS: 'fragments';
GROUP_OBJECT: 'group-object';
GT: 'gt';
HOST: 'host';
HOSTNAME: 'hostname';
HTTP: 'http';
ICMP: 'icmp';
IN: 'in';
INSIDE: 'inside';
INSPECT: 'inspect';
INTERFACE: 'interface';
IP: 'ip';
LINE: 'line';
LIST: 'list';
LOCAL: 'local';
LOG: 'log';
LOG_INPUT: 'log-input';
LT: 'lt';
MAP: 'map';
MAPPING_ID: 'mapping-id';
MATCH: 'match';
MATCH_ALL: 'match-all';
MATCH_ANY: 'match-any';
MATCH_HOST: 'match-host';
MATCH_IN_VRF: 'match-in-vrf';
MAX_ENTRIES: 'max-entries';
MODULE: 'module';
NAME: 'name';
NAT: 'nat';
NEGOTIATED: 'negotiated';
NEQ: 'neq';
NEIGHBOR: 'neighbor';
NETMASK: 'netmask';
NETWORK: 'network';
NETWORK_OBJECT: 'network-object';
NEVER: 'never';
NO: 'no';
NOT: 'not';
NO_ALIAS: 'no-alias';
NO_PAYLOAD: 'no-payload';
NTP: 'ntp';
OBJECT: 'object';
OBJECT_GROUP: 'object-group';
OUT: 'out';
OUTSIDE: 'outside';
OVERLOAD: 'overload';
PASSWORD_PROMPT: 'password:' -> pushMode(M_TEXT);
PASS: 'pass';
PERMIT: 'permit';
POLICY: 'policy';
POLICY_MAP: 'policy-map';
POOL: 'pool';
PORT: 'port';
PORT_TIMEOUT: 'port-timeout';
PRECEDENCE: 'precedence';
PREFIX: 'prefix';
PREFIX_LENGTH: 'prefix-length';
PREFIX_LIST: 'prefix-list';
RANGE: 'range';
REDISTRIBUTE: 'redistribute';
REDUNDANCY: 'redundancy';
REMARK: 'remark' -> pushMode(M_TEXT);
REVERSIBLE: 'reversible';
ROTARY: 'rotary';
ROUTE_MAP: 'route-map';
ROUTER: 'router';
SECONDARY: 'secondary';
SECURITY: 'security';
SERVICE: 'service';
SERVICE_POLICY: 'service-policy';
SHOW: 'show' -> pushMode(M_TEXT);
SHUTDOWN: 'shutdown';
SLA: 'sla';
SNMP_SERVER: 'snmp-server';
SOURCE: 'source';
STANDARD: 'standard';
STATIC: 'static';
TCP: 'tcp';
TIME_RANGE: 'time-range';
TIMEOUT: 'timeout';
TOS: 'tos';
TRANSLATION: 'translation';
TYPE: 'type';
UDP: 'udp';
UNNUMBERED: 'unnumbered';
VRF: 'vrf';
ZONE: 'zone';
ZONE_MEMBER: 'zone-member';
ZONE_PAIR: 'zone-pair';

// ---- values ----
IP_PREFIX: OCTET '.' OCTET '.' OCTET '.' OCTET '/' [0-9]+;
IP_ADDRESS: OCTET '.' OCTET '.' OCTET '.' OCTET;
DEC: [0-9]+;
STRING: '"' ~["\r\n]* '"';

// `!` starts a comment. IOS only writes it at the start of a line; a `!` inside a word (a password)
// stays part of the WORD, which is the longer match.
COMMENT: [ \t]* '!' ~[\r\n]* -> channel(HIDDEN);
NEWLINE: ('\r\n' | '\r' | '\n')+;
// Blanks are dropped, not kept on the hidden channel: the line reader never looks at them, and a token per
// blank run was a tenth of what a long file allocates.
WS: [ \t\u000C]+ -> skip;
WORD: ~[ \t\u000C\r\n]+;

fragment OCTET: [0-9] [0-9]? [0-9]?;

// Free text to the end of the line: descriptions, remarks, exec commands.
mode M_TEXT;
TEXT_NEWLINE: ('\r\n' | '\r' | '\n')+ -> type(NEWLINE), popMode;
TEXT: ~[\r\n]+;
