namespace Alg.StdlibAlgs.Text;

/// <summary>One planned replacement in a text message, offsets relative to the message's first byte.</summary>
/// <remarks>Edits are planned first and written afterwards (<see cref="TextEditPlan"/>), because a length field may sit
/// before the edits it counts (SIP Content-Length) and the ALG contract wants rewrites in ascending order, all of a
/// message's or none.</remarks>
/// <param name="Number">The port, length or number written (the port for <see cref="TextEditKind.CommaAddress"/>).</param>
/// <param name="LineEndLength">For <see cref="TextEditKind.PrefixedNumberLine"/>: 2 writes CRLF, else LF.</param>
/// <param name="Prefix">For <see cref="TextEditKind.PrefixedNumberLine"/>: the literal before the number, up to eight
/// ASCII bytes packed by <see cref="PackPrefix"/> (a value, so edits stay unmanaged and a plan can live on the stack).</param>
public readonly record struct TextEdit(int Offset, int OldLength, TextEditKind Kind, uint Address, long Number, int LineEndLength = 0, ulong Prefix = 0)
{
    /// <summary>How many bytes <see cref="Write"/> writes (computed once: sorting, sizing and writing all ask).</summary>
    public int NewLength { get; } = Kind switch
    {
        TextEditKind.Address => Ipv4Text.Ipv4Length(Address),
        TextEditKind.AddressAndPort => Ipv4Text.Ipv4Length(Address) + 1 + DecimalText.NumberLength(Number),
        TextEditKind.Number => DecimalText.NumberLength(Number),
        TextEditKind.CommaAddress => Ipv4Text.CommaFormLength(Address, (int)Number),
        TextEditKind.Delete => 0,
        TextEditKind.BigEndianNumber => OldLength,
        TextEditKind.Blanks => (int)Number,
        _ => PrefixLength(Prefix) + DecimalText.NumberLength(Number) + LineEndLength,
    };

    public int Delta => NewLength - OldLength;

    public void Write(Span<byte> destination)
    {
        switch (Kind)
        {
            case TextEditKind.Address:
                Ipv4Text.WriteIpv4(Address, destination);
                break;
            case TextEditKind.AddressAndPort:
                var written = Ipv4Text.WriteIpv4(Address, destination);
                destination[written++] = (byte)':';
                DecimalText.WriteNumber(Number, destination[written..]);
                break;
            case TextEditKind.Number:
                DecimalText.WriteNumber(Number, destination);
                break;
            case TextEditKind.CommaAddress:
                Ipv4Text.WriteCommaForm(Address, (int)Number, destination);
                break;
            case TextEditKind.Delete:
                break;
            case TextEditKind.Blanks:
                destination[..(int)Number].Fill((byte)' ');
                break;
            case TextEditKind.BigEndianNumber:
                for (var i = OldLength - 1; i >= 0; i--)
                {
                    destination[i] = (byte)(Number >> (8 * (OldLength - 1 - i)));
                }

                break;
            default:
                var prefixLength = PrefixLength(Prefix);
                for (var i = 0; i < prefixLength; i++)
                {
                    destination[i] = (byte)(Prefix >> (8 * i));
                }

                var end = prefixLength + DecimalText.WriteNumber(Number, destination[prefixLength..]);
                if (LineEndLength == 2)
                {
                    destination[end] = (byte)'\r';
                    destination[end + 1] = (byte)'\n';
                }
                else
                {
                    destination[end] = (byte)'\n';
                }

                break;
        }
    }

    /// <summary>Packs an ASCII literal of at most eight non-NUL bytes for <see cref="Prefix"/>.</summary>
    public static ulong PackPrefix(ReadOnlySpan<byte> literal)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(literal.Length, 8);
        ulong packed = 0;
        for (var i = 0; i < literal.Length; i++)
        {
            packed |= (ulong)literal[i] << (8 * i);
        }

        return packed;
    }

    private static int PrefixLength(ulong prefix)
    {
        var length = 0;
        while (length < 8 && (prefix >> (8 * length) & 0xFF) != 0)
        {
            length++;
        }

        return length;
    }
}
