using System.Buffers.Binary;

namespace Alg.Runtime.Tests.Support;

/// <summary>A read-only stream that produces a large classic pcap on the fly, so tests can read gigabytes without disk.</summary>
public sealed class SyntheticPcapStream : Stream
{
    private readonly long _records;
    private readonly byte[] _record;
    private readonly byte[] _fileHeader = new byte[24];
    private long _position;

    public SyntheticPcapStream(long records, int frameLength)
    {
        _records = records;
        _record = new byte[16 + frameLength];
        BinaryPrimitives.WriteUInt32LittleEndian(_record.AsSpan(8), (uint)frameLength);
        BinaryPrimitives.WriteUInt32LittleEndian(_record.AsSpan(12), (uint)frameLength);
        BinaryPrimitives.WriteUInt16BigEndian(_record.AsSpan(16 + 12), 0x0806);
        BinaryPrimitives.WriteUInt32LittleEndian(_fileHeader, 0xA1B2C3D4);
        BinaryPrimitives.WriteUInt16LittleEndian(_fileHeader.AsSpan(4), 2);
        BinaryPrimitives.WriteUInt16LittleEndian(_fileHeader.AsSpan(6), 4);
        BinaryPrimitives.WriteUInt32LittleEndian(_fileHeader.AsSpan(16), 65535);
        BinaryPrimitives.WriteUInt32LittleEndian(_fileHeader.AsSpan(20), 1);
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => _fileHeader.Length + (_records * _record.Length);

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var written = 0;
        while (written < buffer.Length && _position < Length)
        {
            ReadOnlySpan<byte> source;
            long within;
            if (_position < _fileHeader.Length)
            {
                source = _fileHeader;
                within = _position;
            }
            else
            {
                within = (_position - _fileHeader.Length) % _record.Length;
                source = _record;
            }

            var chunk = (int)Math.Min(source.Length - within, buffer.Length - written);
            source.Slice((int)within, chunk).CopyTo(buffer[written..]);
            written += chunk;
            _position += chunk;
        }

        return written;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
