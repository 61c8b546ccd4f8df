// Shared Junos value rules.
parser grammar JunosCommon;

options { tokenVocab = JunosLexer; }

operation: SET | DELETE | DEACTIVATE | ACTIVATE;

// Any single word, keyword or not, quoted or not.
variable: ~NEWLINE;

address_value: IP_PREFIX | IP_ADDRESS;
