// Interfaces: the ASA 7+ interface block, and the PIX 6 global forms (`nameif HW NAME securityN`,
// `ip address NAME ADDR MASK`).
parser grammar AsaInterface;

options { tokenVocab = AsaLexer; }

interface_header: INTERFACE name=variable rest+=variable* NEWLINE;

interface_line
  : NAMEIF name=variable NEWLINE                                                     # if_nameif
  | NO NAMEIF NEWLINE                                                                # if_no_nameif
  | SECURITY_LEVEL level=DEC NEWLINE                                                 # if_security_level
  | NO SECURITY_LEVEL NEWLINE                                                        # if_no_security_level
  | IP ADDRESS address=IP_ADDRESS mask=IP_ADDRESS (STANDBY standby=IP_ADDRESS)? NEWLINE    # if_ip_address
  | IP ADDRESS (DHCP | PPPOE) variable* NEWLINE                                      # if_ip_address_dynamic
  | NO IP ADDRESS NEWLINE                                                            # if_no_ip_address
  | NO? SHUTDOWN NEWLINE                                                             # if_shutdown
  | NO? MANAGEMENT_ONLY NEWLINE                                                      # if_management_only
  | DESCRIPTION TEXT? NEWLINE                                                        # if_description
  ;

pix_nameif_line: NAMEIF hardware=variable name=variable level=variable NEWLINE;

pix_ip_address_line
  : IP ADDRESS name=variable address=IP_ADDRESS mask=IP_ADDRESS NEWLINE             # pix_ip_address_static
  | IP ADDRESS name=variable (DHCP | PPPOE) variable* NEWLINE                         # pix_ip_address_dynamic
  ;
