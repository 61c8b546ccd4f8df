using Alg.StdlibAlgs.Text;

namespace Alg.StdlibAlgs.Sip;

/// <summary>Reads the first via-parm of a Via value: <c>SIP/2.0/UDP host[:port];param…</c> (RFC 3261 §20.42, §25.1).</summary>
public static class SipViaParser
{
    /// <param name="value">The Via header value (the part after the colon); only its first via-parm is read.</param>
    /// <param name="offset">Offset of <paramref name="value"/> in the message, added to every result.</param>
    public static bool TryParseTop(ReadOnlySpan<byte> value, int offset, out SipVia via)
    {
        via = default;

        // Only the top entry of a comma-separated Via is this hop's (§18.2.1).
        var comma = value.IndexOf((byte)',');
        var entry = comma < 0 ? value : value[..comma];
        if (!AsciiText.StartsWithIgnoreCase(entry, "sip/2.0/"u8))
        {
            return false;
        }

        var transportStart = 8;
        var transportEnd = transportStart;
        while (transportEnd < entry.Length && entry[transportEnd] is not ((byte)' ' or (byte)'\t'))
        {
            transportEnd++;
        }

        var i = transportEnd;
        while (i < entry.Length && entry[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            i++;
        }

        var sentByEnd = entry[i..].IndexOf((byte)';');
        var sentBy = sentByEnd < 0 ? entry[i..] : entry.Slice(i, sentByEnd);
        sentBy = TrimEnd(sentBy);
        if (!SipUriLocator.TryHostPort(sentBy, offset + i, out var hostPort))
        {
            return false;
        }

        int receivedStart = -1, receivedLength = 0, rportStart = -1, rportLength = 0, maddrStart = -1, maddrLength = 0, branchStart = -1, branchLength = 0;
        var hasRport = false;
        var position = sentByEnd < 0 ? entry.Length : i + sentByEnd;
        while (position < entry.Length && entry[position] == ';')
        {
            var start = position + 1;
            var end = entry[start..].IndexOf((byte)';');
            end = end < 0 ? entry.Length : start + end;
            var parameter = TrimEnd(entry[start..end]);
            var equals = parameter.IndexOf((byte)'=');
            var name = equals < 0 ? parameter : parameter[..equals];
            var valueStart = equals < 0 ? -1 : offset + start + equals + 1;
            var valueLength = equals < 0 ? 0 : parameter.Length - equals - 1;
            if (Is(name, "received"u8))
            {
                (receivedStart, receivedLength) = (valueStart, valueLength);
            }
            else if (Is(name, "rport"u8))
            {
                hasRport = true;
                (rportStart, rportLength) = (valueStart, valueLength);
            }
            else if (Is(name, "maddr"u8))
            {
                (maddrStart, maddrLength) = (valueStart, valueLength);
            }
            else if (Is(name, "branch"u8))
            {
                (branchStart, branchLength) = (valueStart, valueLength);
            }

            position = end;
        }

        via = new SipVia(offset + transportStart, transportEnd - transportStart, hostPort, receivedStart, receivedLength, rportStart, rportLength, hasRport, maddrStart, maddrLength, branchStart, branchLength);
        return true;
    }

    private static ReadOnlySpan<byte> TrimEnd(ReadOnlySpan<byte> text)
    {
        var length = text.Length;
        while (length > 0 && text[length - 1] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            length--;
        }

        return text[..length];
    }

    private static bool Is(ReadOnlySpan<byte> name, ReadOnlySpan<byte> lowerCase) => AsciiText.EqualsIgnoreCase(name, lowerCase);
}
