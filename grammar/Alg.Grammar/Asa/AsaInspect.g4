// Application inspection (the ASA's ALGs): class-maps, the policy-map that lists `inspect` commands per
// class, inspect maps (`policy-map type inspect PROTO NAME` with `parameters`), `service-policy`,
// the `timeout` timers, and PIX `fixup protocol`.
parser grammar AsaInspect;

options { tokenVocab = AsaLexer; }

class_map_header: CLASS_MAP (TYPE kind=variable protocol=variable)? (MATCH_ALL | MATCH_ANY)? name=variable NEWLINE;

class_map_line
  : MATCH DEFAULT_INSPECTION_TRAFFIC NEWLINE                       # cm_default_inspection
  | MATCH PORT protocol=(TCP | UDP) ports=port_spec NEWLINE        # cm_port
  | MATCH ACCESS_LIST acl=variable NEWLINE                         # cm_access_list
  | MATCH ANY NEWLINE                                              # cm_any
  | NO? MATCH criteria+=variable+ NEWLINE                          # cm_other
  | DESCRIPTION TEXT? NEWLINE                                      # cm_description
  ;

policy_map_header: POLICY_MAP name=variable NEWLINE;

// In a policy-map: `class NAME`, and (accepted here so a pasted `no inspect sip` loads) `inspect` itself.
policy_map_line
  : CLASS name=variable NEWLINE                                    # pm_class
  | inspect_line                                                   # pm_inspect
  | DESCRIPTION TEXT? NEWLINE                                      # pm_description
  ;

policy_class_line
  : inspect_line                                                   # pc_inspect
  | SET words+=variable+ NEWLINE                                   # pc_set
  ;

// `inspect PROTO [sub-protocol | strict | map] ...`; the builder sorts the words out.
inspect_line: NO? INSPECT protocol=variable arguments+=variable* NEWLINE;

// `policy-map type inspect sip|dns|... NAME`
inspect_map_header: POLICY_MAP TYPE INSPECT protocol=variable name=variable NEWLINE;

inspect_map_line
  : PARAMETERS NEWLINE                                             # im_parameters
  | NO? MATCH criteria+=variable+ NEWLINE                          # im_match
  | CLASS name=variable NEWLINE                                    # im_class
  | DESCRIPTION TEXT? NEWLINE                                      # im_description
  ;

// Lines of `parameters`; the parameter names are a closed list (AsaParser.Predicates.cs) so that a
// global command after the block is not swallowed by it.
inspect_parameter_line: {IsInspectParameter()}? NO? name=variable values+=variable* NEWLINE;

// Actions under a `match` or `class` of an inspect map: `drop-connection log`, `reset`, `mask`, ...
inspect_action_line: {IsInspectAction()}? action=variable values+=variable* NEWLINE;

service_policy_line
  : NO? SERVICE_POLICY name=variable GLOBAL NEWLINE                              # sp_global
  | NO? SERVICE_POLICY name=variable INTERFACE interface_name=variable NEWLINE   # sp_interface
  ;

// `timeout NAME VALUE [NAME VALUE]...`; `uauth` takes `absolute|inactivity` after its value.
timeout_line: NO? TIMEOUT timeout_pair+ NEWLINE;

timeout_pair: name=variable value=(DURATION | DEC) qualifier=variable?;

// `[no] sunrpc-server IFC ADDRESS MASK service PROGRAM protocol tcp|udp port P[-P] timeout hh:mm:ss`: a static
// SunRPC service entry (no port mapper needed); the builder sorts the words out.
sunrpc_server_line: NO? SUNRPC_SERVER arguments+=variable* NEWLINE;

// PIX: `[no] fixup protocol NAME [sub-protocol] [ports | options]`.
fixup_line: NO? FIXUP PROTOCOL protocol=variable arguments+=variable* NEWLINE;
