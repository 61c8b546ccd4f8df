using System.Buffers.Binary;

namespace Alg.StdlibAlgs.MsRpc;

/// <summary>Reads NDR (C706 Chapter 14) or NDR64 ([MS-RPCE] 2.2.5) integers in the PDU's data representation, aligned
/// from the stub's start, with every read bounds-checked: a short stub is an answer (false), never an exception.</summary>
/// <remarks>NDR64 widens pointers and the conformance, offset and count of arrays to 8 bytes aligned to 8 (and aligns
/// structures holding them to 8); plain unsigned longs stay 4 bytes.</remarks>
public ref struct NdrReader
{
    private readonly ReadOnlySpan<byte> _stub;
    private readonly bool _littleEndian;
    private readonly bool _ndr64;

    public NdrReader(ReadOnlySpan<byte> stub, bool littleEndian, bool ndr64 = false, int position = 0)
    {
        _stub = stub;
        _littleEndian = littleEndian;
        _ndr64 = ndr64;
        Position = position;
    }

    public int Position { get; private set; }

    public bool TryReadUInt32(out uint value)
    {
        Align(4);
        if (Position < 0 || _stub.Length - Position < 4)
        {
            value = 0;
            return false;
        }

        var bytes = _stub.Slice(Position, 4);
        value = _littleEndian ? BinaryPrimitives.ReadUInt32LittleEndian(bytes) : BinaryPrimitives.ReadUInt32BigEndian(bytes);
        Position += 4;
        return true;
    }

    /// <summary>A pointer's referent id, or an array's max_count, offset or actual_count: 4 bytes in NDR, 8 in NDR64.
    /// A value that does not fit an int is refused (no stub is that long).</summary>
    public bool TryReadSize(out uint value)
    {
        if (!_ndr64)
        {
            return TryReadUInt32(out value);
        }

        Align(8);
        value = 0;
        if (Position < 0 || _stub.Length - Position < 8)
        {
            return false;
        }

        var bytes = _stub.Slice(Position, 8);
        var wide = _littleEndian ? BinaryPrimitives.ReadUInt64LittleEndian(bytes) : BinaryPrimitives.ReadUInt64BigEndian(bytes);
        if (wide > int.MaxValue)
        {
            return false;
        }

        value = (uint)wide;
        Position += 8;
        return true;
    }

    /// <summary>The start of a structure that holds a pointer or a conformant array (8-aligned in NDR64).</summary>
    public void AlignStructure() => Align(_ndr64 ? 8 : 4);

    /// <summary>A UUID in NDR (time_low, time_mid, time_hi in the data representation; the rest as bytes).</summary>
    public bool TryReadUuid(out Guid uuid)
    {
        Align(4);
        if (Position < 0 || _stub.Length - Position < 16)
        {
            uuid = default;
            return false;
        }

        uuid = new Guid(_stub.Slice(Position, 16), bigEndian: !_littleEndian);
        Position += 16;
        return true;
    }

    /// <summary>Skips <paramref name="count"/> bytes (an opaque array's contents).</summary>
    public bool TrySkip(int count)
    {
        if (count < 0 || _stub.Length - Position < count)
        {
            return false;
        }

        Position += count;
        return true;
    }

    private void Align(int boundary) => Position = (Position + boundary - 1) & ~(boundary - 1);
}
