using System.Buffers.Binary;

namespace Alg.Runtime.Packets;

/// <summary>A typed view of an IPv4 header in place (RFC 791 §3.1); reads and writes go to the packet bytes.</summary>
/// <remarks>Does not validate: create it from offsets <see cref="PacketDecoder"/> has checked.</remarks>
public readonly ref struct Ipv4Header
{
    private readonly Span<byte> _bytes;

    public Ipv4Header(Span<byte> bytes)
    {
        _bytes = bytes;
    }

    public int HeaderLength => (_bytes[0] & 0x0F) * 4;

    public ushort TotalLength
    {
        get => BinaryPrimitives.ReadUInt16BigEndian(_bytes[2..]);
        set => BinaryPrimitives.WriteUInt16BigEndian(_bytes[2..], value);
    }

    public ushort Identification => BinaryPrimitives.ReadUInt16BigEndian(_bytes[4..]);

    public bool MoreFragments => (_bytes[6] & 0x20) != 0;

    public bool DontFragment => (_bytes[6] & 0x40) != 0;

    public int FragmentOffsetBytes => (BinaryPrimitives.ReadUInt16BigEndian(_bytes[6..]) & 0x1FFF) * 8;

    public byte TimeToLive
    {
        get => _bytes[8];
        set => _bytes[8] = value;
    }

    public byte Protocol => _bytes[9];

    public ushort Checksum
    {
        get => BinaryPrimitives.ReadUInt16BigEndian(_bytes[10..]);
        set => BinaryPrimitives.WriteUInt16BigEndian(_bytes[10..], value);
    }

    public uint Source
    {
        get => BinaryPrimitives.ReadUInt32BigEndian(_bytes[12..]);
        set => BinaryPrimitives.WriteUInt32BigEndian(_bytes[12..], value);
    }

    public uint Destination
    {
        get => BinaryPrimitives.ReadUInt32BigEndian(_bytes[16..]);
        set => BinaryPrimitives.WriteUInt32BigEndian(_bytes[16..], value);
    }

    public Span<byte> Options => _bytes[20..HeaderLength];
}
