// Lines of a terminal session rather than of a configuration: they load, and change nothing.
// Pasted transcripts carry prompts and a trailing " |"; TranscriptNormalizer blanks those out first.
parser grammar AsaSession;

options { tokenVocab = AsaLexer; }

session_line
  : CONFIGURE variable? NEWLINE                 # session_configure
  | CONF variable? NEWLINE                      # session_configure
  | END NEWLINE                                 # session_end
  | EXIT NEWLINE                                # session_exit
  | ENABLE NEWLINE                              # session_enable
  | DO TEXT? NEWLINE                            # session_exec
  | SHOW TEXT? NEWLINE                          # session_exec
  | PASSWORD_PROMPT TEXT? NEWLINE               # session_password
  ;
