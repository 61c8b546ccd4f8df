using System.Buffers.Binary;
using Alg.Runtime.Packets;

namespace Alg.Runtime.Capture;

/// <summary>Writes classic little-endian pcap (pcap-savefile(5)) with micro- or nanosecond timestamps.</summary>
/// <remarks>One link type per file, as the classic format allows; records are written as given.</remarks>
public sealed class PcapWriter : IDisposable
{
    private readonly Stream _stream;
    private readonly bool _ownsStream;
    private readonly TimestampPrecision _precision;
    private readonly byte[] _header = new byte[16];

    public PcapWriter(Stream stream, LinkType linkType, TimestampPrecision precision, int snapLength = 262144, bool ownsStream = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _ownsStream = ownsStream;
        _precision = precision;
        LinkType = linkType;
        Span<byte> fileHeader = stackalloc byte[24];
        BinaryPrimitives.WriteUInt32LittleEndian(fileHeader, precision == TimestampPrecision.Nanoseconds ? 0xA1B23C4Du : 0xA1B2C3D4u);
        BinaryPrimitives.WriteUInt16LittleEndian(fileHeader[4..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(fileHeader[6..], 4);
        BinaryPrimitives.WriteUInt32LittleEndian(fileHeader[16..], (uint)snapLength);
        BinaryPrimitives.WriteUInt32LittleEndian(fileHeader[20..], (uint)linkType);
        _stream.Write(fileHeader);
    }

    public LinkType LinkType { get; }

    public static PcapWriter Create(string path, LinkType linkType, TimestampPrecision precision) =>
        new(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16), linkType, precision, ownsStream: true);

    /// <summary>Appends one record; <paramref name="originalLength"/> below the data length is raised to it.</summary>
    public void Write(long timestampNanoseconds, ReadOnlySpan<byte> data, int originalLength)
    {
        var seconds = Math.DivRem(timestampNanoseconds, 1_000_000_000L, out var nanoseconds);
        if (nanoseconds < 0)
        {
            seconds--;
            nanoseconds += 1_000_000_000L;
        }

        var fraction = _precision == TimestampPrecision.Nanoseconds ? nanoseconds : nanoseconds / 1000;
        BinaryPrimitives.WriteUInt32LittleEndian(_header, (uint)seconds);
        BinaryPrimitives.WriteUInt32LittleEndian(_header.AsSpan(4), (uint)fraction);
        BinaryPrimitives.WriteUInt32LittleEndian(_header.AsSpan(8), (uint)data.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(_header.AsSpan(12), (uint)Math.Max(originalLength, data.Length));
        _stream.Write(_header);
        _stream.Write(data);
    }

    /// <summary>Appends a record read from a <see cref="CaptureReader"/>, keeping its lengths and time.</summary>
    public void Write(in CaptureRecord record)
    {
        if (record.LinkType != LinkType)
        {
            throw new InvalidOperationException($"record {record.Number} has link type {record.LinkType}, this file holds {LinkType} only");
        }

        Write(record.TimestampNanoseconds, record.Data, record.OriginalLength);
    }

    public void Flush() => _stream.Flush();

    public void Dispose()
    {
        _stream.Flush();
        if (_ownsStream)
        {
            _stream.Dispose();
        }
    }
}
