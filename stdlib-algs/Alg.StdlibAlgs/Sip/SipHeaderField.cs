namespace Alg.StdlibAlgs.Sip;

/// <summary>
/// One header field as offsets into the message: the value may span folded lines (RFC 3261 §7.3.1), in
/// which case it includes the line breaks between them. Nothing is copied.
/// </summary>
public readonly record struct SipHeaderField(SipHeaderKind Kind, int NameStart, int NameLength, int ValueStart, int ValueLength)
{
    public int ValueEnd => ValueStart + ValueLength;
}
