// `applications application NAME ...` and `applications application-set NAME ...`: the applications security
// policies match. Only their RPC filters matter to Alg (`term T alg ms-rpc uuid U`, `term T alg sun-rpc
// rpc-program-number P`, `application-protocol ms-rpc|sun-rpc`); the binder reads the words after the name.
parser grammar JunosApplication;

options { tokenVocab = JunosLexer; }

application_line
  : op=operation APPLICATIONS APPLICATION name=variable values+=variable* NEWLINE        # application_definition
  | op=operation APPLICATIONS APPLICATION_SET name=variable values+=variable* NEWLINE    # application_set_definition
  | op=operation APPLICATIONS words+=~NEWLINE* NEWLINE                                    # applications_other
  ;
