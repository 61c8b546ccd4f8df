using System.Buffers.Binary;

namespace Alg.Runtime.Packets;

/// <summary>A typed view of a TCP header in place (RFC 9293 §3.1).</summary>
public readonly ref struct TcpHeader
{
    private readonly Span<byte> _bytes;

    public TcpHeader(Span<byte> bytes)
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

    public uint Sequence
    {
        get => BinaryPrimitives.ReadUInt32BigEndian(_bytes[4..]);
        set => BinaryPrimitives.WriteUInt32BigEndian(_bytes[4..], value);
    }

    public uint Acknowledgment
    {
        get => BinaryPrimitives.ReadUInt32BigEndian(_bytes[8..]);
        set => BinaryPrimitives.WriteUInt32BigEndian(_bytes[8..], value);
    }

    public int HeaderLength => (_bytes[12] >> 4) * 4;

    public TcpFlags Flags => (TcpFlags)_bytes[13];

    public ushort Window => BinaryPrimitives.ReadUInt16BigEndian(_bytes[14..]);

    public ushort Checksum
    {
        get => BinaryPrimitives.ReadUInt16BigEndian(_bytes[16..]);
        set => BinaryPrimitives.WriteUInt16BigEndian(_bytes[16..], value);
    }

    public Span<byte> Options => _bytes[20..HeaderLength];
}
