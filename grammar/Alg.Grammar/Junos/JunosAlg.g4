// `[edit security alg]`: `sip disable`, `sip inactive-media-timeout N`, `mgcp transaction-timeout N`, ...
parser grammar JunosAlg;

options { tokenVocab = JunosLexer; }

alg_line
  : op=operation SECURITY ALG alg=variable DISABLE NEWLINE                              # alg_disable
  | op=operation SECURITY ALG alg=variable option=variable values+=variable* NEWLINE    # alg_option
  | op=operation SECURITY ALG alg=variable? NEWLINE                                     # alg_bare
  ;
