// `[un]set alg NAME enable`, `[un]set alg NAME FEATURE enable` (`re-assembly`), and option lines
// (`set alg appleichat call-answer-time 32`, `set alg sip media-inactivity-timeout 120`).
parser grammar ScreenOsAlg;

options { tokenVocab = ScreenOsLexer; }

alg_line
  : op=(SET | UNSET) ALG name=variable feature=variable? ENABLE NEWLINE      # alg_switch
  | op=(SET | UNSET) ALG name=variable option=variable values+=variable* NEWLINE    # alg_option
  ;
