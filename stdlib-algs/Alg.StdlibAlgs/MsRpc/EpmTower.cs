namespace Alg.StdlibAlgs.MsRpc;

/// <summary>What one protocol tower says (C706 Appendix L, [MS-RPCE] 2.2.1.2): the interface, and its TCP or UDP port
/// and IPv4 address with where each lies in the tower.</summary>
/// <param name="Protocol">Floor 4: 6 for TCP (0x07), 17 for UDP (0x08), 0 for anything else (pipes, HTTP, LRPC).</param>
/// <param name="PortOffset">Where floor 4's 2-byte big-endian port lies in the tower (-1: none).</param>
/// <param name="AddressOffset">Where floor 5's 4-byte big-endian IPv4 address lies in the tower (-1: none).</param>
public readonly record struct EpmTower(Guid Interface, byte Protocol, ushort Port, int PortOffset, uint Address, int AddressOffset);
