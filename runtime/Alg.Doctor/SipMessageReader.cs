using System.Globalization;
using System.Text;
using Alg.StdlibAlgs.Sip;

namespace Alg.Doctor;

/// <summary>Reads the fields the doctor needs from one parsed SIP message (RFC 3261 §7, §20).</summary>
internal static class SipMessageReader
{
    public static SignallingRecord? Read(
        ReadOnlySpan<byte> data,
        SipMessageInfo message,
        ReadOnlySpan<SipHeaderField> fields,
        string capture,
        long frame,
        long timeNanoseconds,
        string transport,
        MediaEndpoint source,
        MediaEndpoint destination)
    {
        string? callId = null, from = null, to = null, cseqText = null;
        MediaEndpoint? via = null, contact = null;
        foreach (var field in fields)
        {
            var value = data.Slice(field.ValueStart, field.ValueLength);
            switch (field.Kind)
            {
                case SipHeaderKind.CallId:
                    callId ??= Text(value);
                    break;
                case SipHeaderKind.From:
                    from ??= Text(value);
                    break;
                case SipHeaderKind.To:
                    to ??= Text(value);
                    break;
                case SipHeaderKind.CSeq:
                    cseqText ??= Text(value);
                    break;
                case SipHeaderKind.Via when via is null:
                    if (SipViaParser.TryParseTop(value, field.ValueStart, out var top))
                    {
                        via = HostPort(data, top.SentBy, transport == "tls" ? 5061 : 5060);
                    }

                    break;
                case SipHeaderKind.Contact when contact is null:
                    if (SipUriLocator.TryLocate(value, field.ValueStart, out var hostPort))
                    {
                        contact = HostPort(data, hostPort, 5060);
                    }

                    break;
            }
        }

        if (callId is null || from is null || to is null || cseqText is null || !TryParseCSeq(cseqText, out var cseq, out var cseqMethod))
        {
            // RFC 3261 §8.1.1: every request and response carries these; a message without them cannot be placed in a dialog.
            return null;
        }

        var lineEnd = data.IndexOfAny((byte)'\r', (byte)'\n');
        var startLine = Text(lineEnd < 0 ? data : data[..lineEnd]);
        var method = message.IsRequest ? Text(data.Slice(message.MethodStart, message.MethodLength)) : cseqMethod;
        var sdp = SdpSummaryReader.Read(data.Slice(message.BodyStart, message.BodyLength));
        return new SignallingRecord(
            capture, frame, timeNanoseconds, transport, source, destination, message.IsRequest, method, message.StatusCode, startLine,
            callId, cseq, NameAddr(from), NameAddr(to), Tag(from), Tag(to), via, contact, sdp);
    }

    private static MediaEndpoint HostPort(ReadOnlySpan<byte> data, SipHostPort hostPort, int defaultPort)
    {
        var host = Text(data.Slice(hostPort.HostStart, hostPort.HostLength));
        var port = hostPort.HasPort && int.TryParse(data.Slice(hostPort.PortStart, hostPort.PortLength), NumberStyles.None, CultureInfo.InvariantCulture, out var written)
            ? written
            : defaultPort;
        return new MediaEndpoint(host, port);
    }

    private static bool TryParseCSeq(string value, out long number, out string method)
    {
        // CSeq = 1*DIGIT LWS Method (RFC 3261 §20.16)
        var parts = value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        method = parts.Length > 1 ? parts[1] : string.Empty;
        number = 0;
        return parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out number);
    }

    /// <summary>The name-addr without header parameters: what a person reads as "who".</summary>
    private static string NameAddr(string value)
    {
        var close = value.IndexOf('>', StringComparison.Ordinal);
        if (close >= 0)
        {
            return value[..(close + 1)].Trim();
        }

        var semicolon = value.IndexOf(';', StringComparison.Ordinal);
        return (semicolon < 0 ? value : value[..semicolon]).Trim();
    }

    private static string? Tag(string value)
    {
        // The tag is a header parameter: after the closing '>' when there is one (RFC 3261 §20.20, §19.3).
        var close = value.IndexOf('>', StringComparison.Ordinal);
        var parameters = close >= 0 ? value[(close + 1)..] : value;
        foreach (var parameter in parameters.Split(';').Skip(1))
        {
            var trimmed = parameter.Trim();
            if (trimmed.StartsWith("tag=", StringComparison.OrdinalIgnoreCase))
            {
                return trimmed["tag=".Length..];
            }
        }

        return null;
    }

    private static string Text(ReadOnlySpan<byte> bytes) => Encoding.Latin1.GetString(bytes).Trim();
}
