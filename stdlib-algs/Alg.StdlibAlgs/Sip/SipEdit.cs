namespace Alg.StdlibAlgs.Sip;

/// <summary>One planned replacement in a SIP message, offsets relative to the message's first byte.</summary>
/// <remarks>Edits are planned first and written afterwards, because Content-Length sits among the headers but its
/// new value depends on the body's edits, and the ALG contract wants rewrites in ascending order.</remarks>
internal readonly record struct SipEdit(int Offset, int OldLength, SipEditKind Kind, uint Address, long Number, int LineEndLength = 0)
{
    /// <summary>How many bytes <see cref="Write"/> writes (computed once: sorting, sizing and writing all ask).</summary>
    public int NewLength { get; } = Kind switch
    {
        SipEditKind.Address => SipText.Ipv4Length(Address),
        SipEditKind.AddressAndPort => SipText.Ipv4Length(Address) + 1 + SipText.NumberLength(Number),
        SipEditKind.Number => SipText.NumberLength(Number),
        _ => "a=rtcp:".Length + SipText.NumberLength(Number) + LineEndLength,
    };

    public int Delta => NewLength - OldLength;

    public void Write(Span<byte> destination)
    {
        switch (Kind)
        {
            case SipEditKind.Address:
                SipText.WriteIpv4(Address, destination);
                break;
            case SipEditKind.AddressAndPort:
                var written = SipText.WriteIpv4(Address, destination);
                destination[written++] = (byte)':';
                SipText.WriteNumber(Number, destination[written..]);
                break;
            case SipEditKind.Number:
                SipText.WriteNumber(Number, destination);
                break;
            default:
                "a=rtcp:"u8.CopyTo(destination);
                var end = "a=rtcp:".Length + SipText.WriteNumber(Number, destination["a=rtcp:".Length..]);
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
}
