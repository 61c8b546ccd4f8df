namespace Alg.Runtime.Packets;

/// <summary>Typed header views of a decoded frame, at the offsets the decoder found.</summary>
public static class PacketViews
{
    public static Ipv4Header Ipv4(Span<byte> frame, in PacketInfo info) => new(frame[info.NetworkOffset..info.TransportOffset]);

    public static UdpHeader Udp(Span<byte> frame, in PacketInfo info) => new(frame[info.TransportOffset..info.PayloadOffset]);

    public static TcpHeader Tcp(Span<byte> frame, in PacketInfo info) => new(frame[info.TransportOffset..info.PayloadOffset]);

    /// <summary>The transport payload (what ALGs parse), excluding link-layer padding.</summary>
    public static Span<byte> Payload(Span<byte> frame, in PacketInfo info) => frame[info.PayloadOffset..info.PacketEnd];
}
