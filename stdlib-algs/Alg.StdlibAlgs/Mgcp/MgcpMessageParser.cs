using Alg.StdlibAlgs.Text;

namespace Alg.StdlibAlgs.Mgcp;

/// <summary>
/// Reads the messages of an MGCP datagram (RFC 3435 §3): a command line <c>VERB txid endpoint MGCP 1.0</c> or a response
/// line <c>code txid [commentary]</c>, parameter lines <c>X: value</c>, and after an empty line a session description
/// (§3.5.5); several messages may be piggy-backed, separated by a line holding only a period (§3.5.5). Span-based,
/// bounds-checked, allocation-free.
/// </summary>
public static class MgcpMessageParser
{
    /// <summary>Reads the message starting at <paramref name="start"/>.</summary>
    /// <returns>False with the reason when it is not MGCP; the rest of the datagram is then not read.</returns>
    public static bool TryParse(ReadOnlySpan<byte> datagram, int start, out MgcpMessage message, out MgcpParseError error)
    {
        message = default;
        error = MgcpParseError.NotAStartLine;
        var lineEnd = TextLines.FindLineEnd(datagram, start, out var next);
        if (lineEnd < 0)
        {
            lineEnd = datagram.Length;
            next = datagram.Length;
        }

        var line = datagram[start..lineEnd];
        if (!TryReadStartLine(line, out var verb, out var code, out var transaction, out var endpointStart, out var endpointLength, ref error))
        {
            return false;
        }

        int callStart = -1, callLength = 0, sdpStart = -1, sdpLength = 0;
        var position = next;
        var end = datagram.Length;
        while (position < datagram.Length)
        {
            lineEnd = TextLines.FindLineEnd(datagram, position, out next);
            if (lineEnd < 0)
            {
                lineEnd = datagram.Length;
                next = datagram.Length;
            }

            var parameter = datagram[position..lineEnd];
            if (parameter.Length == 1 && parameter[0] == '.')
            {
                // Piggy-backing (§3.5.5): the next message starts after this line.
                end = position;
                position = next;
                break;
            }

            if (parameter.IsEmpty)
            {
                // The session description runs to the next "." line or the datagram's end.
                sdpStart = next;
                position = next;
                while (position < datagram.Length)
                {
                    lineEnd = TextLines.FindLineEnd(datagram, position, out next);
                    if (lineEnd < 0)
                    {
                        lineEnd = datagram.Length;
                        next = datagram.Length;
                    }

                    if (lineEnd - position == 1 && datagram[position] == '.')
                    {
                        end = position;
                        position = next;
                        break;
                    }

                    position = next;
                    end = position;
                }

                sdpLength = Math.Max(0, end - sdpStart);
                break;
            }

            var colon = parameter.IndexOf((byte)':');
            if (colon <= 0)
            {
                error = MgcpParseError.BadParameter;
                return false;
            }

            var name = AsciiText.Trim(parameter[..colon]);
            if (name.Length == 1 && AsciiText.ToLower(name[0]) == 'c')
            {
                var value = parameter[(colon + 1)..];
                var lead = 0;
                while (lead < value.Length && value[lead] is (byte)' ' or (byte)'\t')
                {
                    lead++;
                }

                callStart = position + colon + 1 + lead;
                callLength = AsciiText.Trim(value).Length;
            }

            position = next;
            end = position;
        }

        error = MgcpParseError.None;
        message = new MgcpMessage(start, position, verb, code, transaction, endpointStart + start, endpointLength, callStart, callLength, sdpStart, sdpLength);
        return true;
    }

    /// <summary>The counter text for an error: what is wrong and the rule it breaks.</summary>
    public static string Describe(MgcpParseError error) => error switch
    {
        MgcpParseError.None => "an MGCP message",
        MgcpParseError.NotAStartLine => "not an MGCP command or response line (RFC 3435 §3.2, §3.3)",
        MgcpParseError.BadTransactionId => "a transaction id that is not 1 to 9 digits (RFC 3435 §3.2.1.2)",
        MgcpParseError.BadParameter => "a parameter line without a name and colon (RFC 3435 §3.2.2)",
        _ => throw new ArgumentOutOfRangeException(nameof(error), error, null),
    };

    private static bool TryReadStartLine(ReadOnlySpan<byte> line, out MgcpVerb verb, out int code, out long transaction, out int endpointStart, out int endpointLength, ref MgcpParseError error)
    {
        verb = MgcpVerb.Other;
        code = 0;
        transaction = 0;
        endpointStart = -1;
        endpointLength = 0;
        var first = line.IndexOf((byte)' ');
        if (first <= 0)
        {
            return false;
        }

        var token = line[..first];
        var rest = line[(first + 1)..];
        var second = rest.IndexOf((byte)' ');
        var id = second < 0 ? rest : rest[..second];
        if (id.IsEmpty || id.Length > 9 || !DecimalText.TryParseNumber(id, out transaction) || transaction == 0)
        {
            error = MgcpParseError.BadTransactionId;
            return false;
        }

        if (token.Length == 3 && AsciiText.IsDigit(token[0]) && AsciiText.IsDigit(token[1]) && AsciiText.IsDigit(token[2]))
        {
            // Response line (§3.3): code SP txid [SP package-name/commentary].
            code = ((token[0] - '0') * 100) + ((token[1] - '0') * 10) + (token[2] - '0');
            return true;
        }

        // Command line (§3.2.1): verb SP txid SP endpoint SP "MGCP" SP version.
        if (token.Length != 4 || second < 0)
        {
            return false;
        }

        var afterId = rest[(second + 1)..];
        var third = afterId.IndexOf((byte)' ');
        if (third <= 0 || !AsciiText.StartsWithIgnoreCase(afterId[(third + 1)..], "mgcp "u8))
        {
            return false;
        }

        endpointStart = first + 1 + second + 1;
        endpointLength = third;
        verb = AsciiText.EqualsIgnoreCase(token, "crcx"u8) ? MgcpVerb.Crcx
            : AsciiText.EqualsIgnoreCase(token, "mdcx"u8) ? MgcpVerb.Mdcx
            : AsciiText.EqualsIgnoreCase(token, "dlcx"u8) ? MgcpVerb.Dlcx
            : AsciiText.EqualsIgnoreCase(token, "rsip"u8) ? MgcpVerb.Rsip
            : MgcpVerb.Other;
        return true;
    }
}
