// Shared ScreenOS value rules.
parser grammar ScreenOsCommon;

options { tokenVocab = ScreenOsLexer; }

// Any single word, keyword or not, quoted or not.
variable: ~NEWLINE;
