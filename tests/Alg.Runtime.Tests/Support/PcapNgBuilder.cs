using System.Buffers.Binary;

namespace Alg.Runtime.Tests.Support;

/// <summary>Writes small pcapng files block by block, in either byte order, for reader tests.</summary>
public sealed class PcapNgBuilder
{
    private readonly MemoryStream _stream = new();
    private readonly bool _bigEndian;

    public PcapNgBuilder(bool bigEndian)
    {
        _bigEndian = bigEndian;
    }

    public PcapNgBuilder Section()
    {
        var body = new byte[16];
        WriteUInt32(body, 0x1A2B3C4D);
        WriteUInt16(body.AsSpan(4), 1);
        WriteUInt16(body.AsSpan(6), 0);
        BinaryPrimitives.WriteInt64LittleEndian(body.AsSpan(8), -1);
        return Block(0x0A0D0D0A, body);
    }

    /// <param name="timestampResolution">if_tsresol option byte, or null for the default (microseconds).</param>
    public PcapNgBuilder Interface(ushort linkType, byte? timestampResolution = null)
    {
        var body = new List<byte>();
        var fixedPart = new byte[8];
        WriteUInt16(fixedPart, linkType);
        WriteUInt32(fixedPart.AsSpan(4), 65535);
        body.AddRange(fixedPart);
        if (timestampResolution is { } resolution)
        {
            var option = new byte[8];
            WriteUInt16(option, 9);
            WriteUInt16(option.AsSpan(2), 1);
            option[4] = resolution;
            body.AddRange(option);
            body.AddRange(new byte[4]); // opt_endofopt
        }

        return Block(1, [.. body]);
    }

    public PcapNgBuilder EnhancedPacket(uint interfaceId, ulong timestamp, byte[] data)
    {
        var body = new byte[20 + Pad(data.Length)];
        WriteUInt32(body, interfaceId);
        WriteUInt32(body.AsSpan(4), (uint)(timestamp >> 32));
        WriteUInt32(body.AsSpan(8), (uint)timestamp);
        WriteUInt32(body.AsSpan(12), (uint)data.Length);
        WriteUInt32(body.AsSpan(16), (uint)data.Length);
        data.CopyTo(body, 20);
        return Block(6, body);
    }

    public PcapNgBuilder SimplePacket(byte[] data)
    {
        var body = new byte[4 + Pad(data.Length)];
        WriteUInt32(body, (uint)data.Length);
        data.CopyTo(body, 4);
        return Block(3, body);
    }

    public PcapNgBuilder Block(uint type, byte[] body)
    {
        var total = 12 + Pad(body.Length);
        var block = new byte[total];
        WriteUInt32(block, type);
        WriteUInt32(block.AsSpan(4), (uint)total);
        body.CopyTo(block, 8);
        WriteUInt32(block.AsSpan(total - 4), (uint)total);
        _stream.Write(block);
        return this;
    }

    public byte[] ToArray() => _stream.ToArray();

    private static int Pad(int length) => (length + 3) & ~3;

    private void WriteUInt16(Span<byte> span, ushort value)
    {
        if (_bigEndian)
        {
            BinaryPrimitives.WriteUInt16BigEndian(span, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(span, value);
        }
    }

    private void WriteUInt32(Span<byte> span, uint value)
    {
        if (_bigEndian)
        {
            BinaryPrimitives.WriteUInt32BigEndian(span, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(span, value);
        }
    }
}
