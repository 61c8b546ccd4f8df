// `set interface IF ...`: zone (of a tagged subinterface too), address, NAT/route mode, MIP (static NAT) and DIP
// (source NAT pools). `get config` prints a MIP's virtual router as `vr`; `vrouter` is the CLI's long form.
parser grammar ScreenOsInterface;

options { tokenVocab = ScreenOsLexer; }

interface_line
  : op=(SET | UNSET) INTERFACE name=variable (TAG tag=DEC)? ZONE zone=variable NEWLINE                                # if_zone
  | op=(SET | UNSET) INTERFACE name=variable IP (prefix=IP_PREFIX | address=IP_ADDRESS mask=IP_ADDRESS) NEWLINE    # if_ip
  | op=(SET | UNSET) INTERFACE name=variable kind=(NAT | ROUTE) NEWLINE                                  # if_mode
  | op=(SET | UNSET) INTERFACE name=variable MIP mapped=IP_ADDRESS HOST host=IP_ADDRESS
    (NETMASK mask=IP_ADDRESS)? ((VROUTER | VR) vrouter=variable)? NEWLINE                                        # if_mip
  | op=(SET | UNSET) INTERFACE name=variable DIP id=DEC (first=IP_ADDRESS last=IP_ADDRESS?)? options+=variable* NEWLINE    # if_dip
  | op=(SET | UNSET) INTERFACE name=variable setting=variable rest+=variable* NEWLINE                     # if_other
  ;
