// `set policy [id N] [name NAME] [top | before N] from Z1 to Z2 SRC DST SERVICE [nat ...] ACTION [...]`
parser grammar ScreenOsPolicy;

options { tokenVocab = ScreenOsLexer; }

policy_line
  : op=(SET | UNSET) POLICY (ID id=DEC)? (NAME name=variable)? (TOP | BEFORE DEC)?
    FROM from_zone=variable TO to_zone=variable source=variable destination=variable service=variable
    policy_nat? action=variable rest+=variable* NEWLINE                               # policy_rule
  | UNSET POLICY ID id=DEC NEWLINE                                                    # policy_delete
  | op=(SET | UNSET) POLICY ID id=DEC DISABLE NEWLINE                                 # policy_disable
  ;

policy_nat
  : NAT (SRC (DIP_ID dip=DEC)?)? (DST IP dst_first=IP_ADDRESS (TO dst_last=IP_ADDRESS)? (PORT dst_port=DEC)?)?
  ;

// `set policy id N` alone enters the policy's context; `exit` leaves it.
policy_context_header: SET POLICY ID id=DEC NEWLINE;

policy_context_line: op=(SET | UNSET) setting=(SERVICE | WORD) rest+=variable* NEWLINE;
