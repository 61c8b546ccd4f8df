namespace Alg.Runtime.Pipeline;

/// <summary>What policy decisions look at: the 5-tuple and whether a TCP segment belongs to an established connection.</summary>
/// <param name="Established">TCP with ACK or RST set: what Cisco's <c>established</c> keyword matches.</param>
public readonly record struct PacketTuple(uint Source, uint Destination, ushort SourcePort, ushort DestinationPort, byte Protocol, bool Established);
