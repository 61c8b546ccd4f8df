// NAT in its three ASA generations: object NAT and twice NAT (8.3+), and the PIX / ASA < 8.3 commands
// (`global`, `nat (if) N`, `static`) that FWSM and old ASA images still print.
parser grammar AsaNat;

options { tokenVocab = AsaLexer; }

// Inside `object network`: `nat [(real,mapped)] {dynamic|static} {interface|IP|OBJ} [pat-pool OBJ] [options]`;
// with `pat-pool` the mapped object may be left out (ASA 8.4(2)+).
object_nat_line: NAT interfaces=IF_PAIR? kind=(DYNAMIC | STATIC) nat_mapped object_nat_option* NEWLINE;

nat_mapped
  : PAT_POOL pool=variable
  | mapped=variable (PAT_POOL pool=variable)?
  ;

object_nat_option
  : INTERFACE                                                            # onat_interface_fallback
  | SERVICE protocol=(TCP | UDP | SCTP) real_port=port_number mapped_port=port_number    # onat_service
  | flag=variable                                                        # onat_flag
  ;

// Twice NAT: `nat [(real,mapped)] [after-auto] source {dynamic|static} REAL MAPPED [interface]
//            [destination static MAPPED REAL] [service REAL MAPPED] [description TEXT] [inactive] ...`
twice_nat_line
  : NAT interfaces=IF_PAIR? AFTER_AUTO? (LINE? DEC)? SOURCE kind=(DYNAMIC | STATIC) real=variable nat_mapped
    twice_nat_option* NEWLINE
  ;

twice_nat_option
  : INTERFACE                                                            # tnat_interface_fallback
  | DESTINATION STATIC mapped_destination=variable real_destination=variable   # tnat_destination
  | SERVICE real_service=variable mapped_service=variable                # tnat_service
  | DESCRIPTION TEXT?                                                    # tnat_description
  | INACTIVE                                                             # tnat_inactive
  | flag=variable                                                        # tnat_flag
  ;

// PIX / ASA < 8.3: `global (if) N {interface | IP | A-B} [netmask M]`.
legacy_global_line: GLOBAL interfaces=IF_PAIR id=DEC (INTERFACE | address=IP_ADDRESS | range=IP_RANGE) (NETMASK mask=IP_ADDRESS)? NEWLINE;

// `nat (if) N {ADDR MASK | access-list ACL} [outside] [dns] [max_conns [emb_limit]] ...`; N = 0 exempts.
legacy_nat_line
  : NAT interfaces=IF_PAIR id=DEC ( ACCESS_LIST acl=variable | address=(IP_ADDRESS | DEC) mask=(IP_ADDRESS | DEC) )
    options+=variable* NEWLINE
  ;

// `static (real,mapped) [tcp|udp] {MAPPED | interface} [MPORT] {REAL [RPORT] | access-list ACL} [netmask M] [0 0]`
legacy_static_line: STATIC interfaces=IF_PAIR legacy_static_body legacy_static_option* NEWLINE;

legacy_static_body
  : protocol=(TCP | UDP) (INTERFACE | mapped=IP_ADDRESS) mapped_port=port_number
    (ACCESS_LIST acl=variable | real=IP_ADDRESS real_port=port_number)            # static_port
  | (INTERFACE | mapped=IP_ADDRESS) (ACCESS_LIST acl=variable | real=IP_ADDRESS)  # static_plain
  ;

legacy_static_option
  : NETMASK mask=IP_ADDRESS
  | variable
  ;
