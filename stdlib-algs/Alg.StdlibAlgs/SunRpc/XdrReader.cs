using System.Buffers.Binary;

namespace Alg.StdlibAlgs.SunRpc;

/// <summary>Reads XDR (RFC 4506) big-endian units from one message, bounds-checked: every read says whether the bytes
/// were there instead of throwing.</summary>
public ref struct XdrReader
{
    private readonly ReadOnlySpan<byte> _data;

    public XdrReader(ReadOnlySpan<byte> data, int position)
    {
        _data = data;
        Position = position;
    }

    public int Position { get; private set; }

    public bool TryReadUInt32(out uint value)
    {
        if (Position < 0 || _data.Length - Position < 4)
        {
            value = 0;
            return false;
        }

        value = BinaryPrimitives.ReadUInt32BigEndian(_data[Position..]);
        Position += 4;
        return true;
    }

    /// <summary>A variable-length opaque or string (RFC 4506 §4.10-4.11): a 4-byte length, the bytes, zero padding to
    /// a multiple of four.</summary>
    /// <param name="maxLength">The longest the protocol allows; longer is refused.</param>
    /// <param name="start">Where the length field starts.</param>
    /// <param name="bytesStart">Where the bytes start.</param>
    public bool TryReadOpaque(int maxLength, out int start, out int bytesStart, out int length)
    {
        start = Position;
        bytesStart = 0;
        length = 0;
        if (!TryReadUInt32(out var declared) || declared > (uint)maxLength)
        {
            return false;
        }

        var padded = (int)((declared + 3) & ~3u);
        if (_data.Length - Position < padded)
        {
            return false;
        }

        bytesStart = Position;
        length = (int)declared;
        Position += padded;
        return true;
    }

    public bool TrySkipOpaque(int maxLength) => TryReadOpaque(maxLength, out _, out _, out _);
}
