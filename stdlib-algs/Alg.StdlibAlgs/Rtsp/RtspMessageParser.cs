using System.Buffers.Binary;
using Alg.StdlibAlgs.Text;

namespace Alg.StdlibAlgs.Rtsp;

/// <summary>
/// Frames an RTSP connection (RFC 2326 §4, §6-7; RFC 7826 §8-9): a message is a start line, header lines up to an
/// empty line, and a body of Content-Length bytes; an interleaved frame is <c>$</c>, a channel byte and a 16-bit
/// length (RFC 2326 §10.12). Span-based, bounds-checked, allocation-free; it locates the headers the ALG acts on.
/// </summary>
public static class RtspMessageParser
{
    /// <summary>Messages longer than this are not what players and servers send; the connection is not inspected.</summary>
    public const int MaxMessageBytes = 16 * 1024;

    private static readonly byte[] Version = "RTSP/"u8.ToArray();

    public static RtspParseStatus Parse(ReadOnlySpan<byte> data, out RtspMessage message, out RtspParseError error)
    {
        message = default;
        error = RtspParseError.None;
        if (data.IsEmpty)
        {
            return RtspParseStatus.Incomplete;
        }

        if (data[0] == (byte)'$')
        {
            if (data.Length < 4)
            {
                return RtspParseStatus.Incomplete;
            }

            message = new RtspMessage(4 + BinaryPrimitives.ReadUInt16BigEndian(data[2..]), RtspMethod.Other, 0, 0, -1, 0, -1, 0, -1);
            return RtspParseStatus.Interleaved;
        }

        var lineEnd = data.IndexOf((byte)'\n');
        if (lineEnd < 0)
        {
            if (data.Length > MaxMessageBytes || !MayStartMessage(data))
            {
                error = data.Length > MaxMessageBytes ? RtspParseError.TooLong : RtspParseError.NotAStartLine;
                return RtspParseStatus.Error;
            }

            return RtspParseStatus.Incomplete;
        }

        if (!TryReadStartLine(TextLines.Content(data[..(lineEnd + 1)]), out var method, out var status, out var major))
        {
            error = RtspParseError.NotAStartLine;
            return RtspParseStatus.Error;
        }

        int transportStart = -1, transportLength = 0, sessionStart = -1, sessionLength = 0;
        long cseq = -1, contentLength = 0;
        int contentLengthStart = -1, contentLengthLength = 0;
        var position = lineEnd + 1;
        var first = true;
        while (true)
        {
            if (position > MaxMessageBytes)
            {
                error = RtspParseError.TooLong;
                return RtspParseStatus.Error;
            }

            var next = TextLines.NextLineStart(data, position);
            if (next < 0)
            {
                return RtspParseStatus.Incomplete;
            }

            var line = TextLines.Content(data[position..next]);
            if (line.IsEmpty)
            {
                position = next;
                break;
            }

            var colon = line.IndexOf((byte)':');
            if (colon <= 0 || (first && line[0] is (byte)' ' or (byte)'\t'))
            {
                error = RtspParseError.BadHeader;
                return RtspParseStatus.Error;
            }

            first = false;
            var name = AsciiText.Trim(line[..colon]);
            var valueFrom = colon + 1;
            while (valueFrom < line.Length && line[valueFrom] is (byte)' ' or (byte)'\t')
            {
                valueFrom++;
            }

            var value = AsciiText.Trim(line[valueFrom..]);
            var valueStart = position + valueFrom;
            if (AsciiText.EqualsIgnoreCase(name, "transport"u8))
            {
                if (transportStart < 0)
                {
                    transportStart = valueStart;
                    transportLength = value.Length;
                }
            }
            else if (AsciiText.EqualsIgnoreCase(name, "session"u8))
            {
                sessionStart = valueStart;
                sessionLength = value.Length;
            }
            else if (AsciiText.EqualsIgnoreCase(name, "cseq"u8))
            {
                cseq = DecimalText.TryParseNumber(value, out var number) ? number : -1;
            }
            else if (AsciiText.EqualsIgnoreCase(name, "content-length"u8))
            {
                if (!DecimalText.TryParseNumber(value, out contentLength))
                {
                    error = RtspParseError.BadContentLength;
                    return RtspParseStatus.Error;
                }

                contentLengthStart = valueStart;
                contentLengthLength = value.Length;
            }

            position = next;
        }

        if (contentLength > MaxMessageBytes)
        {
            error = RtspParseError.TooLong;
            return RtspParseStatus.Error;
        }

        var length = position + (int)contentLength;
        if (data.Length < length)
        {
            return RtspParseStatus.Incomplete;
        }

        message = new RtspMessage(length, method, status, major, transportStart, transportLength, sessionStart, sessionLength, cseq, position, contentLengthStart, contentLengthLength);
        return RtspParseStatus.Complete;
    }

    /// <summary>The counter text for an error: what is wrong and the rule it breaks.</summary>
    public static string Describe(RtspParseError error) => error switch
    {
        RtspParseError.None => "an RTSP message",
        RtspParseError.NotAStartLine => "not an RTSP request or status line at a message boundary (RFC 2326 §6.1, §7.1)",
        RtspParseError.BadHeader => "a header line without a name and colon (RFC 2326 §4)",
        RtspParseError.BadContentLength => "a Content-Length that is not a number (RFC 2326 §12.14)",
        RtspParseError.TooLong => "an RTSP message longer than 16 KiB",
        _ => throw new ArgumentOutOfRangeException(nameof(error), error, null),
    };

    /// <summary>The session id of a Session header value: up to the first <c>;</c> (RFC 2326 §12.37: <c>;timeout=</c>).</summary>
    public static ReadOnlySpan<byte> SessionId(ReadOnlySpan<byte> value)
    {
        var semicolon = value.IndexOf((byte)';');
        return AsciiText.Trim(semicolon < 0 ? value : value[..semicolon]);
    }

    private static bool TryReadStartLine(ReadOnlySpan<byte> line, out RtspMethod method, out int status, out int major)
    {
        method = RtspMethod.Other;
        status = 0;
        major = 0;
        if (line.StartsWith(Version))
        {
            // Status-Line = RTSP-Version SP Status-Code SP Reason-Phrase (RFC 2326 §7.1)
            if (line.Length < 12 || !TryReadVersion(line[..8], out major) || line[8] != ' ' || DecimalText.ReadDigits(line, 9, 3, out status) != 3 || status < 100
                || (line.Length > 12 && line[12] != ' '))
            {
                return false;
            }

            return true;
        }

        // Request-Line = Method SP Request-URI SP RTSP-Version (RFC 2326 §6.1)
        var space = line.IndexOf((byte)' ');
        var last = line.LastIndexOf((byte)' ');
        if (space <= 0 || last <= space + 1 || !TryReadVersion(line[(last + 1)..], out major))
        {
            return false;
        }

        var name = line[..space];
        foreach (var c in name)
        {
            if (c is < (byte)'!' or > (byte)'~')
            {
                return false;
            }
        }

        method = name.SequenceEqual("SETUP"u8) ? RtspMethod.Setup : name.SequenceEqual("TEARDOWN"u8) ? RtspMethod.Teardown : RtspMethod.Other;
        return true;
    }

    private static bool TryReadVersion(ReadOnlySpan<byte> text, out int major)
    {
        major = 0;
        if (text.Length != 8 || !text.StartsWith(Version) || text[5] is not ((byte)'1' or (byte)'2') || text[6] != '.' || !AsciiText.IsDigit(text[7]))
        {
            return false;
        }

        major = text[5] - '0';
        return true;
    }

    /// <summary>Could these bytes (no line end yet) begin a request or status line? A method token or "RTSP/".</summary>
    private static bool MayStartMessage(ReadOnlySpan<byte> data)
    {
        foreach (var c in data.Length > 32 ? data[..32] : data)
        {
            if (c == ' ')
            {
                return true;
            }

            if (c is < (byte)'!' or > (byte)'~')
            {
                return false;
            }
        }

        return data.Length <= 32;
    }
}
