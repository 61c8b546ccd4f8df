using Alg.StdlibAlgs.Text;

namespace Alg.StdlibAlgs.Sip;

/// <summary>
/// Finds the host:port of every SIP or SIPS URI in a header value — Contact lists, From/To, a
/// Request-URI — without copying (RFC 3261 §19.1, §20.10, §25.1).
/// </summary>
/// <remarks>
/// Handles name-addr (<c>"Name" &lt;sip:…&gt;</c>) and bare addr-spec forms, comma-separated lists (commas inside
/// quotes or angle brackets do not split), userinfo with a password, and IPv6 references in brackets.
/// Other schemes (tel:, http:) and <c>*</c> are skipped: they carry nothing a NAT maps.
/// </remarks>
public static class SipUriLocator
{
    /// <param name="valueStart">Offset of <paramref name="value"/> in the message, added to every result.</param>
    /// <returns>How many were found, or -1 if <paramref name="found"/> is too small.</returns>
    public static int FindAll(ReadOnlySpan<byte> value, int valueStart, Span<SipHostPort> found)
    {
        var count = 0;
        var i = 0;
        while (i < value.Length)
        {
            var end = ElementEnd(value, i);
            var element = value[i..end];
            if (TryLocate(element, valueStart + i, out var hostPort))
            {
                if (count == found.Length)
                {
                    return -1;
                }

                found[count++] = hostPort;
            }

            i = end + 1;
        }

        return count;
    }

    /// <summary>The host:port of the first SIP URI in one list element (or a Request-URI).</summary>
    public static bool TryLocate(ReadOnlySpan<byte> element, int offset, out SipHostPort hostPort)
    {
        hostPort = default;
        var open = IndexOutsideQuotes(element, (byte)'<');
        var uri = element;
        var uriOffset = offset;
        if (open >= 0)
        {
            var close = element[(open + 1)..].IndexOf((byte)'>');
            uri = close < 0 ? element[(open + 1)..] : element.Slice(open + 1, close);
            uriOffset = offset + open + 1;
        }
        else
        {
            // addr-spec without brackets: ';' parameters belong to the header, not the URI (§20.10).
            var trimmed = TrimStart(uri, out var skipped);
            uri = trimmed;
            uriOffset += skipped;
            var semicolon = uri.IndexOf((byte)';');
            if (semicolon >= 0)
            {
                uri = uri[..semicolon];
            }
        }

        int schemeLength;
        if (AsciiText.StartsWithIgnoreCase(uri, "sip:"u8))
        {
            schemeLength = 4;
        }
        else if (AsciiText.StartsWithIgnoreCase(uri, "sips:"u8))
        {
            schemeLength = 5;
        }
        else
        {
            return false;
        }

        var rest = uri[schemeLength..];
        var restOffset = uriOffset + schemeLength;

        // The host follows the last '@' of the userinfo, if any, and ends at ';', '?' or the end.
        var end = rest.IndexOfAny((byte)';', (byte)'?');
        var hostPart = end < 0 ? rest : rest[..end];
        var at = hostPart.LastIndexOf((byte)'@');
        if (at >= 0)
        {
            hostPart = hostPart[(at + 1)..];
            restOffset += at + 1;
        }

        return TryHostPort(hostPart, restOffset, out hostPort);
    }

    /// <summary>Splits "host[:port]" where host may be "[IPv6]".</summary>
    public static bool TryHostPort(ReadOnlySpan<byte> text, int offset, out SipHostPort hostPort)
    {
        hostPort = default;
        if (text.IsEmpty)
        {
            return false;
        }

        int hostLength;
        if (text[0] == '[')
        {
            var close = text.IndexOf((byte)']');
            if (close < 0)
            {
                return false;
            }

            hostLength = close + 1;
        }
        else
        {
            var colon = text.IndexOf((byte)':');
            hostLength = colon < 0 ? text.Length : colon;
        }

        if (hostLength == 0)
        {
            return false;
        }

        if (hostLength == text.Length)
        {
            hostPort = new SipHostPort(offset, hostLength, -1, 0);
            return true;
        }

        if (text[hostLength] != ':' || hostLength + 1 == text.Length)
        {
            return false;
        }

        var port = text[(hostLength + 1)..];
        foreach (var b in port)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }
        }

        hostPort = new SipHostPort(offset, hostLength, offset + hostLength + 1, port.Length);
        return true;
    }

    // End of one comma-separated element: commas inside "quotes" or <brackets> do not count (§7.3.1).
    internal static int ElementEnd(ReadOnlySpan<byte> value, int start)
    {
        var quoted = false;
        var bracket = false;
        for (var i = start; i < value.Length; i++)
        {
            var b = value[i];
            if (b == '"' && !bracket)
            {
                quoted = !quoted;
            }
            else if (!quoted && b == '<')
            {
                bracket = true;
            }
            else if (!quoted && b == '>')
            {
                bracket = false;
            }
            else if (!quoted && !bracket && b == ',')
            {
                return i;
            }
        }

        return value.Length;
    }

    private static int IndexOutsideQuotes(ReadOnlySpan<byte> element, byte wanted)
    {
        var quoted = false;
        for (var i = 0; i < element.Length; i++)
        {
            if (element[i] == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && element[i] == wanted)
            {
                return i;
            }
        }

        return -1;
    }

    private static ReadOnlySpan<byte> TrimStart(ReadOnlySpan<byte> text, out int skipped)
    {
        skipped = 0;
        while (skipped < text.Length && text[skipped] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            skipped++;
        }

        return text[skipped..];
    }

}
