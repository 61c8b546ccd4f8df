using Alg.StdlibAlgs.Text;

namespace Alg.StdlibAlgs.Sip;

/// <summary>The values of one message the ALG's state follows: Call-ID, CSeq, branch, Expires, method, body type.</summary>
/// <remarks>Strings become hashes here so nothing is copied or allocated per message.</remarks>
internal readonly struct SipMessageFacts
{
    private readonly SipHeaderPresence _present;

    private SipMessageFacts(long callId, long cseq, SipMethod cseqMethod, SipMethod requestMethod, long branch, long expires, long maxForwards, bool bodyIsSdp, int status, SipHeaderPresence present)
    {
        CallId = callId;
        CSeq = cseq;
        CSeqMethod = cseqMethod;
        RequestMethod = requestMethod;
        Branch = branch;
        Expires = expires;
        MaxForwards = maxForwards;
        BodyIsSdp = bodyIsSdp;
        Status = status;
        _present = present;
    }

    /// <summary>Hash of the Call-ID value, or 0 when there is none.</summary>
    public long CallId { get; }

    public long CSeq { get; }

    public SipMethod CSeqMethod { get; }

    public SipMethod RequestMethod { get; }

    /// <summary>Hash of the top Via's branch parameter for REGISTER transactions, or 0.</summary>
    public long Branch { get; }

    /// <summary>The Expires header in seconds, or -1.</summary>
    public long Expires { get; }

    /// <summary>The Max-Forwards value, or -1.</summary>
    public long MaxForwards { get; }

    /// <summary>The body is SDP: Content-Type application/sdp, or no Content-Type and a body starting with v= (RFC 4566 §5).</summary>
    public bool BodyIsSdp { get; }

    public int Status { get; }

    /// <summary>RFC 3261 §8.1.1: To, From, CSeq, Call-ID, Via, and Max-Forwards in requests.</summary>
    public bool HasMandatoryHeaders(bool request)
    {
        const SipHeaderPresence always = SipHeaderPresence.To | SipHeaderPresence.From | SipHeaderPresence.CSeq | SipHeaderPresence.CallId | SipHeaderPresence.Via;
        var needed = request ? always | SipHeaderPresence.MaxForwards : always;
        return (_present & needed) == needed;
    }

    public static SipMessageFacts Read(ReadOnlySpan<byte> message, in SipMessageInfo info, ReadOnlySpan<SipHeaderField> fields)
    {
        long callId = 0, cseq = -1, branch = 0, expires = -1, maxForwards = -1;
        var cseqMethod = SipMethod.Other;
        var present = SipHeaderPresence.None;
        var contentType = -1;
        var topVia = ReadOnlySpan<byte>.Empty;
        foreach (var field in fields)
        {
            var value = message.Slice(field.ValueStart, field.ValueLength);
            switch (field.Kind)
            {
                case SipHeaderKind.CallId when callId == 0:
                    present |= SipHeaderPresence.CallId;
                    var trimmed = AsciiText.Trim(value);
                    callId = trimmed.IsEmpty ? 0 : AsciiText.Hash(trimmed);
                    break;
                case SipHeaderKind.CSeq when cseq < 0:
                    present |= SipHeaderPresence.CSeq;
                    ReadCSeq(value, out cseq, out cseqMethod);
                    break;
                case SipHeaderKind.Via when (present & SipHeaderPresence.Via) == 0:
                    present |= SipHeaderPresence.Via;
                    topVia = value;
                    break;
                case SipHeaderKind.Expires:
                    expires = DecimalText.TryParseNumber(value, out var seconds) ? seconds : -1;
                    break;
                case SipHeaderKind.MaxForwards:
                    present |= SipHeaderPresence.MaxForwards;
                    maxForwards = DecimalText.TryParseNumber(value, out var hops) ? hops : -1;
                    break;
                case SipHeaderKind.To:
                    present |= SipHeaderPresence.To;
                    break;
                case SipHeaderKind.From:
                    present |= SipHeaderPresence.From;
                    break;
                case SipHeaderKind.ContentType:
                    contentType = IsSdpType(value) ? 1 : 0;
                    break;
            }
        }

        if (cseqMethod == SipMethod.Register)
        {
            // Only REGISTER transactions are matched by branch (alg-behaviour §3 T2); others skip the scan.
            var comma = topVia.IndexOf((byte)',');
            var top = comma < 0 ? topVia : topVia[..comma];
            if (SipText.TryFindParameter(top, "branch"u8, out var start, out var length) && length > 0)
            {
                branch = AsciiText.Hash(top.Slice(start, length));
            }
        }

        var body = message.Slice(info.BodyStart, info.BodyLength);
        var bodyIsSdp = contentType == 1 || (contentType < 0 && body.StartsWith("v="u8));
        var requestMethod = info.IsRequest ? MethodOf(message.Slice(info.MethodStart, info.MethodLength)) : SipMethod.Other;
        return new SipMessageFacts(callId, cseq, cseqMethod, requestMethod, branch, expires, maxForwards, bodyIsSdp, info.StatusCode, present);
    }

    /// <summary>Methods are case-sensitive (RFC 3261 §7.1): "invite" is not INVITE.</summary>
    public static SipMethod MethodOf(ReadOnlySpan<byte> method) => method switch
    {
        _ when method.SequenceEqual("INVITE"u8) => SipMethod.Invite,
        _ when method.SequenceEqual("ACK"u8) => SipMethod.Ack,
        _ when method.SequenceEqual("BYE"u8) => SipMethod.Bye,
        _ when method.SequenceEqual("CANCEL"u8) => SipMethod.Cancel,
        _ when method.SequenceEqual("REGISTER"u8) => SipMethod.Register,
        _ when method.SequenceEqual("UPDATE"u8) => SipMethod.Update,
        _ when method.SequenceEqual("PRACK"u8) => SipMethod.Prack,
        _ => SipMethod.Other,
    };

    private static void ReadCSeq(ReadOnlySpan<byte> value, out long number, out SipMethod method)
    {
        // CSeq = 1*DIGIT LWS Method (RFC 3261 §20.16)
        value = AsciiText.Trim(value);
        var space = value.IndexOfAny((byte)' ', (byte)'\t');
        method = SipMethod.Other;
        if (space < 0 || !DecimalText.TryParseNumber(value[..space], out number))
        {
            number = -1;
            return;
        }

        method = MethodOf(AsciiText.Trim(value[space..]));
    }

    private static bool IsSdpType(ReadOnlySpan<byte> value)
    {
        value = AsciiText.Trim(value);
        var semicolon = value.IndexOf((byte)';');
        if (semicolon >= 0)
        {
            value = AsciiText.Trim(value[..semicolon]);
        }

        return AsciiText.EqualsIgnoreCase(value, "application/sdp"u8);
    }
}
