namespace Alg.StdlibAlgs.H323;

/// <summary>
/// One IPv4 transport address found by the walk: which field it is, where its 6 bytes are (4 address octets, then
/// the 2-octet port, octet-aligned in aligned PER: H.225.0 TransportAddress.ipAddress, H.245 UnicastAddress.iPAddress),
/// and what it says. An offset into the bytes the walk read, never a copy, so a rewrite is in place.
/// </summary>
/// <param name="Offset">The first address octet, relative to the start of the span given to the walk; -1 for
/// <see cref="H323AddressKind.ChannelClosed"/>.</param>
/// <param name="Channel">For H.245 media and T.120 addresses and channel closes: the logical channel number (the
/// forward channel of the OpenLogicalChannel or the one the OpenLogicalChannelAck answers).</param>
/// <param name="PeerChannel">The address came from an OpenLogicalChannelAck: <see cref="Channel"/> is the channel the
/// <em>other</em> party opened (in an OpenLogicalChannel, forward and reverse parameters both belong to the sender's
/// channel).</param>
/// <param name="Element">Position in a SEQUENCE OF (RRQ callSignalAddress[i]).</param>
/// <param name="Ipv6">An ip6Address (H.225.0) / iP6Address (H.245): <see cref="Offset"/> is its first of 16 address
/// octets (the 2-octet port follows, 18 octets in all) and <see cref="Address"/> is 0. Recorded so every address of a
/// message is known; the runtime is IPv4 NAT, so the ALGs leave it as it is and say so.</param>
public readonly record struct H323AddressField(H323AddressKind Kind, int Offset, uint Address, ushort Port, ushort Channel = 0, bool PeerChannel = false, byte Element = 0, bool Ipv6 = false)
{
    /// <summary>The length of an IPv4 address and port in aligned PER.</summary>
    public const int Length = 6;

    /// <summary>The length of an IPv6 address and port in aligned PER.</summary>
    public const int Ipv6Length = 18;
}
