using Alg.Runtime.Nat;
using Alg.Runtime.Packets;

namespace Alg.Runtime.Tests.Support;

/// <summary>One packet of a <see cref="ClientSideReplay"/>: as captured, and as the engine left it.</summary>
/// <param name="Captured">The packet as captured (the client's private endpoints).</param>
/// <param name="Before">The packet as it entered the engine (a server's answer already re-addressed to the mapped endpoint).</param>
/// <param name="After">The packet as it left (valid when forwarded).</param>
public sealed record ReplayedPacket(long Number, bool FromClient, NatVerdict Verdict, PacketInfo Captured, PacketInfo Before, PacketInfo After, byte[] Output, LinkType LinkType);
