using System.Buffers.Binary;

namespace Alg.Runtime.Packets;

/// <summary>A typed view of a UDP header in place (RFC 768).</summary>
public readonly ref struct UdpHeader
{
    private readonly Span<byte> _bytes;

    public UdpHeader(Span<byte> bytes)
    {
        _bytes = bytes;
    }

    public ushort SourcePort
    {
        get => BinaryPrimitives.ReadUInt16BigEndian(_bytes);
        set => BinaryPrimitives.WriteUInt16BigEndian(_bytes, value);
    }

    public ushort DestinationPort
    {
        get => BinaryPrimitives.ReadUInt16BigEndian(_bytes[2..]);
        set => BinaryPrimitives.WriteUInt16BigEndian(_bytes[2..], value);
    }

    public ushort Length
    {
        get => BinaryPrimitives.ReadUInt16BigEndian(_bytes[4..]);
        set => BinaryPrimitives.WriteUInt16BigEndian(_bytes[4..], value);
    }

    /// <summary>0 over IPv4 means "no checksum" and must stay 0 (RFC 768).</summary>
    public ushort Checksum
    {
        get => BinaryPrimitives.ReadUInt16BigEndian(_bytes[6..]);
        set => BinaryPrimitives.WriteUInt16BigEndian(_bytes[6..], value);
    }
}
