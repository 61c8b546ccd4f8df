using System.Buffers.Binary;

namespace Alg.StdlibAlgs.H323.Per;

/// <summary>
/// A reader of ITU-T X.691 ALIGNED packed encoding rules over one PDU, enough of it to walk H.225.0 and H.245 to their
/// transport addresses: bits, octet alignment, constrained whole numbers, normally small numbers, length
/// determinants, extension bits and bitmaps, CHOICE indices, open types, strings skipped by their exact size.
/// </summary>
/// <remarks>
/// <para>Every read is checked against the end of the PDU (or of the open type / OCTET STRING the reader was made
/// for) before it happens: a read past it sets <see cref="Error"/>, moves the reader to its end and returns 0, so
/// loops over counts read from the input stop at once (algs.md §4.4: Linux's PER decoder CVEs were all unchecked
/// lengths). The error is sticky: the first one is kept, later reads return 0.</para>
/// <para>Positions are absolute within the span given to the constructor, so a reader made for an open type or an
/// OCTET STRING inside the PDU (a fastStart OpenLogicalChannel, a tunnelled H.245 message) reports byte offsets of
/// the whole PDU, and an address is rewritten in place (6 octet-aligned bytes, aligned PER: length never changes).</para>
/// <para>Fragmented length determinants (X.691 §10.9.3.8, 16K units) are refused: H.323 never needs them.</para>
/// </remarks>
public ref struct PerReader
{
    /// <summary>The largest value a length determinant may carry without fragmentation (X.691 §10.9.3.7).</summary>
    public const int MaxLength = 16383;

    private readonly ReadOnlySpan<byte> _data;
    private readonly int _end;
    private int _bit;

    /// <summary>A reader over all of <paramref name="data"/>.</summary>
    public PerReader(ReadOnlySpan<byte> data)
        : this(data, 0, data.Length)
    {
    }

    /// <summary>A reader over <paramref name="length"/> bytes of <paramref name="data"/> from <paramref name="start"/>,
    /// reporting positions relative to the start of <paramref name="data"/>.</summary>
    public PerReader(ReadOnlySpan<byte> data, int start, int length)
    {
        _data = data;
        if (start < 0 || length < 0 || start > data.Length - length)
        {
            _bit = 0;
            _end = 0;
            Error = H323DecodeError.Truncated;
            return;
        }

        _bit = start * 8;
        _end = (start + length) * 8;
        Error = H323DecodeError.None;
    }

    /// <summary>The first error met, or <see cref="H323DecodeError.None"/>.</summary>
    public H323DecodeError Error { get; private set; }

    public readonly bool Failed => Error != H323DecodeError.None;

    /// <summary>The bytes the positions refer to.</summary>
    public readonly ReadOnlySpan<byte> Data => _data;

    /// <summary>The current position in bits from the start of <see cref="Data"/>.</summary>
    public readonly int BitPosition => _bit;

    /// <summary>The current byte (meaningful after <see cref="Align"/>).</summary>
    public readonly int BytePosition => _bit >> 3;

    /// <summary>Bits left before the end of this reader.</summary>
    public readonly int RemainingBits => _end - _bit;

    /// <summary>Records <paramref name="error"/> (the first one is kept) and moves to the end, so nothing more is read.</summary>
    public void Fail(H323DecodeError error)
    {
        if (Error == H323DecodeError.None)
        {
            Error = error;
        }

        _bit = _end;
    }

    /// <summary>Reads <paramref name="count"/> (0–32) bits, most significant first (X.691 §6: bits are written from
    /// the most significant bit of each octet).</summary>
    public uint ReadBits(int count)
    {
        if (count <= 0 || Failed)
        {
            return 0;
        }

        if (count > 32 || count > _end - _bit)
        {
            Fail(H323DecodeError.Truncated);
            return 0;
        }

        var index = _bit >> 3;
        if (index <= _data.Length - sizeof(ulong))
        {
            // Fast path: one big-endian load holds the ≤ 32 bits wanted (at most 7 + 32 bits from this octet on). The
            // octets past this reader's end that the load may touch are inside the span and their bits are dropped.
            var word = BinaryPrimitives.ReadUInt64BigEndian(_data[index..]);
            var fast = (uint)((word << (_bit & 7)) >> (64 - count));
            _bit += count;
            return fast;
        }

        uint value = 0;
        while (count > 0)
        {
            var inByte = _bit & 7;
            var take = Math.Min(8 - inByte, count);
            var bits = (_data[_bit >> 3] >> (8 - inByte - take)) & ((1 << take) - 1);
            value = (value << take) | (uint)bits;
            _bit += take;
            count -= take;
        }

        return value;
    }

    public bool ReadBit() => ReadBits(1) != 0;

    /// <summary>Moves to the next octet boundary (ALIGNED variant, X.691 §10.1.3).</summary>
    public void Align()
    {
        var pad = (8 - (_bit & 7)) & 7;
        SkipBits(pad);
    }

    public void SkipBits(long count)
    {
        if (Failed || count == 0)
        {
            return;
        }

        if (count < 0 || count > _end - _bit)
        {
            Fail(H323DecodeError.Truncated);
            return;
        }

        _bit += (int)count;
    }

    /// <summary>Aligns and skips <paramref name="count"/> octets.</summary>
    public void SkipOctets(long count)
    {
        Align();
        SkipBits(count * 8);
    }

    /// <summary>Aligns and passes <paramref name="count"/> octets, returning where they start (-1 on error).</summary>
    public int TakeOctets(int count)
    {
        Align();
        var start = _bit >> 3;
        SkipBits((long)count * 8);
        return Failed ? -1 : start;
    }

    /// <summary>A constrained whole number in [<paramref name="lowerBound"/>, <paramref name="upperBound"/>] (X.691
    /// §10.5.7, ALIGNED): range 1 → no bits; ≤ 255 → the fewest bits, unaligned; 256 → one aligned octet; ≤ 64K →
    /// two aligned octets; larger → a length in octets (itself a constrained number) and that many aligned octets.</summary>
    public long ReadConstrained(long lowerBound, long upperBound)
    {
        var range = upperBound - lowerBound + 1;
        if (range <= 1 || Failed)
        {
            return lowerBound;
        }

        if (range <= 255)
        {
            return lowerBound + ReadBits(BitsFor(range));
        }

        if (range == 256)
        {
            Align();
            return lowerBound + ReadBits(8);
        }

        if (range <= 65536)
        {
            Align();
            return lowerBound + ReadBits(16);
        }

        var maxOctets = OctetsFor(range - 1);
        var octets = (int)ReadConstrained(1, maxOctets);
        Align();
        long value = 0;
        for (var i = 0; i < octets; i++)
        {
            value = (value << 8) | ReadBits(8);
        }

        var result = lowerBound + value;
        if (result > upperBound)
        {
            Fail(H323DecodeError.OutOfRange);
            return lowerBound;
        }

        return result;
    }

    /// <summary>An INTEGER with an extensible constraint <c>(lb..ub, ...)</c> (X.691 §12.1): an extension bit, then a
    /// constrained number, or a semi-constrained one outside the root range.</summary>
    public long ReadExtensibleConstrained(long lowerBound, long upperBound) =>
        ReadBit() ? ReadUnconstrainedInteger() : ReadConstrained(lowerBound, upperBound);

    /// <summary>A semi-constrained or unconstrained INTEGER (X.691 §12.2.6): a length determinant and that many octets
    /// (at most 8 are kept; longer ones are refused as out of range).</summary>
    public long ReadUnconstrainedInteger()
    {
        var octets = ReadLengthDeterminant();
        if (octets > 8)
        {
            Fail(H323DecodeError.OutOfRange);
            return 0;
        }

        long value = 0;
        for (var i = 0; i < octets; i++)
        {
            value = (value << 8) | ReadBits(8);
        }

        return value;
    }

    /// <summary>A normally small non-negative whole number (X.691 §10.6): a CHOICE extension index.</summary>
    public int ReadNormallySmall()
    {
        if (!ReadBit())
        {
            return (int)ReadBits(6);
        }

        var value = ReadUnconstrainedInteger();
        if (value > MaxLength)
        {
            Fail(H323DecodeError.OutOfRange);
            return 0;
        }

        return (int)value;
    }

    /// <summary>A normally small length (X.691 §10.9.3.4): the number of extension additions of a SEQUENCE.</summary>
    public int ReadNormallySmallLength() => ReadBit() ? ReadLengthDeterminant() : (int)ReadBits(6) + 1;

    /// <summary>An unconstrained length determinant (X.691 §10.9.3.5–§10.9.3.7, ALIGNED): one octet 0xxxxxxx or two
    /// 10xxxxxx xxxxxxxx. The fragmented form 11xxxxxx (§10.9.3.8) is refused.</summary>
    public int ReadLengthDeterminant()
    {
        Align();
        var first = ReadBits(8);
        if ((first & 0x80) == 0)
        {
            return (int)first;
        }

        if ((first & 0xC0) == 0x80)
        {
            return (int)(((first & 0x3F) << 8) | ReadBits(8));
        }

        Fail(H323DecodeError.FragmentedLength);
        return 0;
    }

    /// <summary>A length or count under a SIZE constraint (X.691 §10.9.4): none when fixed, a constrained number when
    /// the upper bound is below 64K, otherwise (and when <paramref name="upperBound"/> is negative: no constraint) a
    /// length determinant.</summary>
    public int ReadLength(int lowerBound, int upperBound)
    {
        if (upperBound < 0 || upperBound >= 65536)
        {
            var length = ReadLengthDeterminant();
            if (length < lowerBound)
            {
                Fail(H323DecodeError.OutOfRange);
            }

            return length;
        }

        return (int)ReadConstrained(lowerBound, upperBound);
    }

    /// <summary>The index of a CHOICE (X.691 §23): an extension bit when <paramref name="extensible"/>, then the root
    /// index in the fewest bits, or a normally small extension index, whose open type follows (the caller reads or
    /// skips it).</summary>
    public int ReadChoice(int rootAlternatives, bool extensible, out bool extension)
    {
        extension = extensible && ReadBit();
        if (extension)
        {
            return ReadNormallySmall();
        }

        return (int)ReadConstrained(0, rootAlternatives - 1);
    }

    /// <summary>The presence bitmap of a SEQUENCE's OPTIONAL root members (X.691 §19.2), first member in the highest
    /// bit of the result.</summary>
    public uint ReadPresence(int optionalMembers) => optionalMembers > 32 ? Overflow() : ReadBits(optionalMembers);

    /// <summary>After the root of a SEQUENCE whose extension bit was set: how many additions the sender knows and
    /// which are present (X.691 §19.7–§19.8), the first addition in bit 0 of the result.</summary>
    public ulong ReadExtensionPresence(out int count)
    {
        count = ReadNormallySmallLength();
        if (count > 64)
        {
            Fail(H323DecodeError.OutOfRange);
            count = 0;
            return 0;
        }

        ulong present = 0;
        for (var i = 0; i < count;)
        {
            // Up to 32 presence bits at a time; the first addition is the most significant bit read.
            var take = Math.Min(32, count - i);
            var bits = ReadBits(take);
            for (; bits != 0; bits &= bits - 1)
            {
                var lowest = System.Numerics.BitOperations.TrailingZeroCount(bits);
                present |= 1UL << (i + take - 1 - lowest);
            }

            i += take;
        }

        return Failed ? 0 : present;
    }

    /// <summary>An open type (X.691 §10.2): a length determinant and that many octets. Returns where its content
    /// starts and how long it is; the reader is past it.</summary>
    public bool ReadOpenType(out int start, out int length)
    {
        length = ReadLengthDeterminant();
        start = _bit >> 3;
        SkipBits((long)length * 8);
        if (Failed)
        {
            start = 0;
            length = 0;
            return false;
        }

        return true;
    }

    public void SkipOpenType() => ReadOpenType(out _, out _);

    /// <summary>After a root: the extension additions announced, each skipped by its open-type length (X.691 §19.9).</summary>
    public void SkipExtensions(bool extended)
    {
        if (!extended)
        {
            return;
        }

        var present = ReadExtensionPresence(out _);
        while (present != 0 && !Failed)
        {
            SkipOpenType();
            present &= present - 1;
        }
    }

    /// <summary>OCTET STRING with SIZE(<paramref name="lowerBound"/>..<paramref name="upperBound"/>); a negative upper
    /// bound means unconstrained (X.691 §17). Returns where the octets start (-1 on error).</summary>
    public int SkipOctetString(int lowerBound, int upperBound, out int length)
    {
        if (lowerBound == upperBound)
        {
            length = lowerBound;
            if (lowerBound == 0)
            {
                return _bit >> 3;
            }

            if (lowerBound <= 2)
            {
                // §17.6: up to two octets fixed: a bit-field, not aligned.
                var start = _bit >> 3;
                SkipBits(lowerBound * 8);
                return Failed ? -1 : start;
            }

            return TakeOctets(lowerBound);
        }

        length = ReadLength(lowerBound, upperBound);
        return TakeOctets(length);
    }

    /// <summary>A known-multiplier character string (IA5String, BMPString, NumericString, a FROM-restricted alphabet)
    /// of <paramref name="bitsPerCharacter"/> bits per character in the ALIGNED variant (X.691 §30.5): the length, then
    /// the characters, aligned unless the whole string fits in 16 bits.</summary>
    public void SkipCharacterString(int lowerBound, int upperBound, int bitsPerCharacter)
    {
        var fixedSize = lowerBound == upperBound;
        var length = fixedSize ? lowerBound : ReadLength(lowerBound, upperBound);
        if (upperBound < 0 || (long)upperBound * bitsPerCharacter > 16)
        {
            Align();
        }

        SkipBits((long)length * bitsPerCharacter);
    }

    /// <summary>BIT STRING of fixed size (X.691 §16.9–§16.10) or unconstrained (negative size: a length in bits).</summary>
    public void SkipBitString(int size)
    {
        if (size < 0)
        {
            var bits = ReadLengthDeterminant();
            Align();
            SkipBits(bits);
            return;
        }

        if (size > 16)
        {
            Align();
        }

        SkipBits(size);
    }

    /// <summary>OBJECT IDENTIFIER (X.691 §24): a length determinant and the BER contents octets. Returns where they start.</summary>
    public int ReadObjectIdentifier(out int length)
    {
        length = ReadLengthDeterminant();
        return TakeOctets(length);
    }

    /// <summary>The bits needed for values 0..<paramref name="range"/>−1.</summary>
    public static int BitsFor(long range) => range <= 1 ? 0 : 64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)(range - 1));

    private static int OctetsFor(long value)
    {
        var octets = 1;
        while (value > 0xFF)
        {
            value >>= 8;
            octets++;
        }

        return octets;
    }

    private uint Overflow()
    {
        Fail(H323DecodeError.OutOfRange);
        return 0;
    }
}
