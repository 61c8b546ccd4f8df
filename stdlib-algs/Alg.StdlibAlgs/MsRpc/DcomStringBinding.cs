namespace Alg.StdlibAlgs.MsRpc;

/// <summary>One ncacn_ip_tcp string binding <c>host[port]</c> of a DUALSTRINGARRAY ([MS-DCOM] 2.2.19.3) found in a DCOM
/// activation or OXID resolution reply.</summary>
/// <param name="Address">The host when it is a dotted IPv4 address; 0 when it is a name (not checkable).</param>
public readonly record struct DcomStringBinding(int Offset, uint Address, ushort Port);
