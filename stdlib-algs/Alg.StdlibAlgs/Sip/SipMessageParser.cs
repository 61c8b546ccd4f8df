using System.Text;
using Alg.StdlibAlgs.Text;

namespace Alg.StdlibAlgs.Sip;

/// <summary>
/// A span-based SIP message parser (RFC 3261 §7): it finds the start line, every header field and the body,
/// and returns offsets only, so the ALG can rewrite named fields in place and never copies a message.
/// </summary>
/// <remarks>
/// <para>Header names are case-insensitive and may be in compact form (§7.3.3); a line starting with a space
/// or tab continues the previous field (§7.3.1); lines may end in CRLF, LF or a lone CR (RFC 4566 §5 asks
/// the same leniency of SDP, and phones send all three).</para>
/// <para>On a stream the body is exactly Content-Length bytes (§18.3; absent means 0) and a message whose
/// body has not fully arrived is <see cref="SipParseStatus.Incomplete"/>; in a datagram the body is Content-Length
/// bytes too (§18.3: extra bytes are discarded by the receiver, a shorter datagram is an error), or the rest of the
/// datagram when there is no Content-Length.</para>
/// </remarks>
public static class SipMessageParser
{
    /// <summary>More header fields than this is not a message a phone sends; it is refused, not truncated.</summary>
    public const int MaxHeaders = 128;

    private static readonly byte[] Version = "SIP/2.0"u8.ToArray();

    /// <param name="fields">Receives the header fields; at least <see cref="MaxHeaders"/> long to never run out.</param>
    public static SipParseStatus Parse(ReadOnlySpan<byte> data, bool stream, Span<SipHeaderField> fields, out SipMessageInfo message) =>
        Parse(data, stream, fields, out message, out _);

    /// <param name="error">Why the status is <see cref="SipParseStatus.NotSip"/> or <see cref="SipParseStatus.Malformed"/>.</param>
    public static SipParseStatus Parse(ReadOnlySpan<byte> data, bool stream, Span<SipHeaderField> fields, out SipMessageInfo message, out SipParseError error)
    {
        message = default;
        error = SipParseError.None;
        var lineEnd = TextLines.FindLineEnd(data, 0, out var next);
        if (lineEnd < 0)
        {
            if (LooksLikeStartOfSip(data))
            {
                return SipParseStatus.Incomplete;
            }

            error = SipParseError.NotAStartLine;
            return SipParseStatus.NotSip;
        }

        var startLine = data[..lineEnd];
        int methodLength = 0, uriStart = 0, uriLength = 0, status = 0;
        if (startLine.StartsWith(Version))
        {
            // Status-Line = SIP-Version SP Status-Code SP Reason-Phrase (§7.2)
            if (startLine.Length < 12 || startLine[7] != ' ' || !IsDigit(startLine[8]) || !IsDigit(startLine[9]) || !IsDigit(startLine[10]))
            {
                error = SipParseError.NotAStartLine;
                return SipParseStatus.NotSip;
            }

            status = ((startLine[8] - '0') * 100) + ((startLine[9] - '0') * 10) + (startLine[10] - '0');
            if (status < 100 || (startLine.Length > 11 && startLine[11] != ' '))
            {
                error = SipParseError.NotAStartLine;
                return SipParseStatus.NotSip;
            }
        }
        else
        {
            // Request-Line = Method SP Request-URI SP SIP-Version (§7.1); the method is a token at byte 0.
            methodLength = startLine.IndexOf((byte)' ');
            if (methodLength <= 0 || !IsToken(startLine[..methodLength]))
            {
                error = SipParseError.NotAStartLine;
                return SipParseStatus.NotSip;
            }

            uriStart = methodLength + 1;
            var uriEnd = startLine[uriStart..].IndexOf((byte)' ');
            if (uriEnd <= 0 || !startLine[(uriStart + uriEnd + 1)..].SequenceEqual(Version))
            {
                error = SipParseError.NotAStartLine;
                return SipParseStatus.NotSip;
            }

            uriLength = uriEnd;
        }

        var count = 0;
        var position = next;
        var contentLength = -1;
        while (true)
        {
            lineEnd = TextLines.FindLineEnd(data, position, out next);
            if (lineEnd < 0)
            {
                if (stream)
                {
                    return SipParseStatus.Incomplete;
                }

                error = SipParseError.HeaderSectionUnterminated;
                return SipParseStatus.Malformed;
            }

            if (lineEnd == position)
            {
                position = next;
                break;
            }

            var line = data[position..lineEnd];
            if (line[0] is (byte)' ' or (byte)'\t')
            {
                if (count == 0)
                {
                    error = SipParseError.FoldedFirstHeader;
                    return SipParseStatus.Malformed;
                }

                // Folded: the previous field's value now runs to the end of this line.
                var previous = fields[count - 1];
                fields[count - 1] = previous with { ValueLength = lineEnd - previous.ValueStart };
                position = next;
                continue;
            }

            var colon = line.IndexOf((byte)':');
            if (colon <= 0)
            {
                error = SipParseError.HeaderWithoutColon;
                return SipParseStatus.Malformed;
            }

            if (count == fields.Length || count == MaxHeaders)
            {
                error = SipParseError.TooManyHeaders;
                return SipParseStatus.Malformed;
            }

            var nameLength = TrimEnd(line[..colon]);
            var valueStart = colon + 1;
            while (valueStart < line.Length && line[valueStart] is (byte)' ' or (byte)'\t')
            {
                valueStart++;
            }

            var kind = KindOf(line[..nameLength]);
            fields[count++] = new SipHeaderField(kind, position, nameLength, position + valueStart, line.Length - valueStart);
            position = next;
        }

        for (var i = 0; i < count; i++)
        {
            if (fields[i].Kind == SipHeaderKind.ContentLength)
            {
                if (!TryParseLength(data.Slice(fields[i].ValueStart, fields[i].ValueLength), out contentLength))
                {
                    error = SipParseError.BadContentLength;
                    return SipParseStatus.Malformed;
                }
            }
        }

        int bodyLength;
        if (stream)
        {
            bodyLength = Math.Max(0, contentLength);
            if (data.Length - position < bodyLength)
            {
                return SipParseStatus.Incomplete;
            }
        }
        else if (contentLength >= 0)
        {
            // §18.3: over UDP Content-Length says how long the body is; bytes after it are not part of the message
            // (and are kept as they are), and a datagram that ends before it is an error.
            if (data.Length - position < contentLength)
            {
                error = SipParseError.BodyShorterThanContentLength;
                return SipParseStatus.Malformed;
            }

            bodyLength = contentLength;
        }
        else
        {
            bodyLength = data.Length - position;
        }

        message = new SipMessageInfo(0, methodLength, uriStart, uriLength, status, count, position, bodyLength, contentLength);
        return SipParseStatus.Complete;
    }

    /// <summary>The kind of a header name, long or compact, in any case (RFC 3261 §7.3.1, §7.3.3, §20).</summary>
    /// <summary>The counter text for a parse error: what is wrong and the rule it breaks.</summary>
    public static string Describe(SipParseError error) => error switch
    {
        SipParseError.None => "a SIP message",
        SipParseError.NotAStartLine => "not a SIP message (RFC 3261 §7: no request or status line)",
        SipParseError.HeaderSectionUnterminated => "the header section does not end with an empty line (RFC 3261 §7)",
        SipParseError.FoldedFirstHeader => "the first header line is a continuation (RFC 3261 §7.3.1)",
        SipParseError.HeaderWithoutColon => "a header line without a colon (RFC 3261 §7.3.1)",
        SipParseError.TooManyHeaders => "more header fields than a phone sends",
        SipParseError.BadContentLength => "a Content-Length that is not a number (RFC 3261 §20.14)",
        SipParseError.BodyShorterThanContentLength => "the datagram ends before the body Content-Length announces (RFC 3261 §18.3)",
        _ => throw new ArgumentOutOfRangeException(nameof(error), error, null),
    };

    public static SipHeaderKind KindOf(ReadOnlySpan<byte> name)
    {
        if (name.Length == 1)
        {
            return (name[0] | 0x20) switch
            {
                'v' => SipHeaderKind.Via,
                'm' => SipHeaderKind.Contact,
                'f' => SipHeaderKind.From,
                't' => SipHeaderKind.To,
                'i' => SipHeaderKind.CallId,
                'l' => SipHeaderKind.ContentLength,
                'c' => SipHeaderKind.ContentType,
                _ => SipHeaderKind.Other,
            };
        }

        // First letter, then the whole name: most fields a phone sends are none of these and leave at the switch.
        return (name[0] | 0x20) switch
        {
            't' when AsciiText.EqualsIgnoreCase(name, "to"u8) => SipHeaderKind.To,
            'v' when AsciiText.EqualsIgnoreCase(name, "via"u8) => SipHeaderKind.Via,
            'f' when AsciiText.EqualsIgnoreCase(name, "from"u8) => SipHeaderKind.From,
            'c' when AsciiText.EqualsIgnoreCase(name, "cseq"u8) => SipHeaderKind.CSeq,
            'c' when AsciiText.EqualsIgnoreCase(name, "contact"u8) => SipHeaderKind.Contact,
            'c' when AsciiText.EqualsIgnoreCase(name, "call-id"u8) => SipHeaderKind.CallId,
            'c' when AsciiText.EqualsIgnoreCase(name, "content-type"u8) => SipHeaderKind.ContentType,
            'c' when AsciiText.EqualsIgnoreCase(name, "content-length"u8) => SipHeaderKind.ContentLength,
            'r' when AsciiText.EqualsIgnoreCase(name, "route"u8) => SipHeaderKind.Route,
            'r' when AsciiText.EqualsIgnoreCase(name, "record-route"u8) => SipHeaderKind.RecordRoute,
            'e' when AsciiText.EqualsIgnoreCase(name, "expires"u8) => SipHeaderKind.Expires,
            'm' when AsciiText.EqualsIgnoreCase(name, "max-forwards"u8) => SipHeaderKind.MaxForwards,
            _ => SipHeaderKind.Other,
        };
    }

    private static bool LooksLikeStartOfSip(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return true;
        }

        var space = data.IndexOf((byte)' ');
        var first = space < 0 ? data : data[..space];
        return data.StartsWith(Version.AsSpan(0, Math.Min(Version.Length, data.Length))) || (IsToken(first) && first.Length <= 16);
    }

    private static int TrimEnd(ReadOnlySpan<byte> name)
    {
        var length = name.Length;
        while (length > 0 && name[length - 1] is (byte)' ' or (byte)'\t')
        {
            length--;
        }

        return length;
    }

    private static bool TryParseLength(ReadOnlySpan<byte> value, out int length)
    {
        length = 0;
        var digits = 0;
        foreach (var b in value)
        {
            if (IsDigit(b))
            {
                if (++digits > 9)
                {
                    return false;
                }

                length = (length * 10) + (b - '0');
            }
            else if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }
        }

        return digits > 0;
    }

    private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';

    // token = 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~") (§25.1)
    private static bool IsToken(ReadOnlySpan<byte> text)
    {
        if (text.IsEmpty)
        {
            return false;
        }

        foreach (var b in text)
        {
            if (!(b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9'
                || b is (byte)'-' or (byte)'.' or (byte)'!' or (byte)'%' or (byte)'*' or (byte)'_' or (byte)'+' or (byte)'`' or (byte)'\'' or (byte)'~'))
            {
                return false;
            }
        }

        return true;
    }
}
