// `interfaces IF unit N family inet address A/L` and zone membership.
parser grammar JunosInterface;

options { tokenVocab = JunosLexer; }

interface_line
  : op=operation INTERFACES name=variable UNIT unit=DEC FAMILY INET ADDRESS prefix=IP_PREFIX words+=~NEWLINE* NEWLINE   # if_address
  | op=operation INTERFACES name=variable words+=~NEWLINE* NEWLINE                                                     # if_other
  ;

zone_line
  : op=operation SECURITY ZONES SECURITY_ZONE zone=variable INTERFACES interface_name=variable words+=~NEWLINE* NEWLINE   # zone_interface
  | op=operation SECURITY ZONES SECURITY_ZONE zone=variable words+=~NEWLINE* NEWLINE                                     # zone_other
  | op=operation SECURITY ZONES words+=~NEWLINE* NEWLINE                                                                 # zones_other
  ;
