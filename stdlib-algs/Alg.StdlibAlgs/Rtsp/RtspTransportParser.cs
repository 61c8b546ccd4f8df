using Alg.StdlibAlgs.Text;

namespace Alg.StdlibAlgs.Rtsp;

/// <summary>
/// Reads a Transport header value (RFC 2326 §12.39; RFC 7826 §18.54): comma-separated alternatives
/// <c>protocol/profile[/lower-transport]</c> each followed by <c>;parameter[=value]</c>, and returns the parameters that
/// carry addresses or ports with their offsets, so they can be rewritten or removed in place. Span-based and
/// allocation-free.
/// </summary>
public static class RtspTransportParser
{
    /// <summary>Reads <paramref name="value"/>; false when it is not a Transport value the ALG can trust (a bad port or
    /// address, an unterminated quote, more parameters than <paramref name="parameters"/> holds).</summary>
    public static bool TryParse(ReadOnlySpan<byte> value, Span<RtspTransportParam> parameters, out int count)
    {
        count = 0;
        var alternative = 0;
        var position = 0;
        while (position < value.Length)
        {
            while (position < value.Length && AsciiText.IsBlank(value[position]))
            {
                position++;
            }

            var specEnd = EndOfItem(value, position);
            if (specEnd < 0)
            {
                return false;
            }

            var spec = AsciiText.Trim(value[position..specEnd]);
            var udp = !spec.IsEmpty && !EndsWithIgnoreCase(spec, "/tcp"u8);
            var firstOfAlternative = count;
            position = specEnd;
            while (position < value.Length && value[position] == ';')
            {
                var end = EndOfItem(value, position + 1);
                if (end < 0)
                {
                    return false;
                }

                var parameter = value[(position + 1)..end];
                if (AsciiText.EqualsIgnoreCase(AsciiText.Trim(parameter), "multicast"u8))
                {
                    udp = false;
                }
                else if (!TryReadParameter(value, position, end, alternative, parameters, ref count))
                {
                    return false;
                }

                position = end;
            }

            if (!udp)
            {
                // Multicast or interleaved: nothing to open; mark what was read so the caller leaves it alone.
                for (var i = firstOfAlternative; i < count; i++)
                {
                    parameters[i] = parameters[i] with { Udp = false };
                }
            }

            if (position < value.Length)
            {
                if (value[position] != ',')
                {
                    return false;
                }

                position++;
                alternative++;
            }
        }

        return true;
    }

    private static bool TryReadParameter(ReadOnlySpan<byte> value, int start, int end, int alternative, Span<RtspTransportParam> parameters, ref int count)
    {
        var text = value[(start + 1)..end];
        var equals = text.IndexOf((byte)'=');
        if (equals < 0)
        {
            return true;
        }

        var name = AsciiText.Trim(text[..equals]);
        var valueStart = start + 1 + equals + 1;
        RtspTransportParamKind kind;
        if (AsciiText.EqualsIgnoreCase(name, "client_port"u8))
        {
            kind = RtspTransportParamKind.ClientPort;
        }
        else if (AsciiText.EqualsIgnoreCase(name, "server_port"u8))
        {
            kind = RtspTransportParamKind.ServerPort;
        }
        else if (AsciiText.EqualsIgnoreCase(name, "destination"u8))
        {
            kind = RtspTransportParamKind.Destination;
        }
        else if (AsciiText.EqualsIgnoreCase(name, "source"u8))
        {
            kind = RtspTransportParamKind.Source;
        }
        else if (AsciiText.EqualsIgnoreCase(name, "dest_addr"u8))
        {
            return TryReadQuotedAddresses(value, start, end, valueStart, alternative, RtspTransportParamKind.DestAddr, parameters, ref count);
        }
        else if (AsciiText.EqualsIgnoreCase(name, "src_addr"u8))
        {
            return TryReadQuotedAddresses(value, start, end, valueStart, alternative, RtspTransportParamKind.SrcAddr, parameters, ref count);
        }
        else
        {
            return true;
        }

        if (count == parameters.Length)
        {
            return false;
        }

        var raw = value[valueStart..end];
        var lead = 0;
        while (lead < raw.Length && AsciiText.IsBlank(raw[lead]))
        {
            lead++;
        }

        var item = AsciiText.Trim(raw);
        var itemStart = valueStart + lead;
        if (kind is RtspTransportParamKind.Destination or RtspTransportParamKind.Source)
        {
            if (!Ipv4Text.TryParseIpv4(item, out var address))
            {
                // A host name: nothing the ALG can compare or translate; it is treated as "another host".
                parameters[count++] = new RtspTransportParam(alternative, kind, true, start, end - start, -1, 0, -1, -1, 0, -1, itemStart, item.Length, 0);
                return true;
            }

            parameters[count++] = new RtspTransportParam(alternative, kind, true, start, end - start, -1, 0, -1, -1, 0, -1, itemStart, item.Length, address);
            return true;
        }

        // a, a-b or (Linux also accepts) a/b
        var firstLength = DecimalText.ReadDigits(item, 0, 5, out var first);
        if (firstLength == 0 || first is 0 or > 65535)
        {
            return false;
        }

        var second = -1;
        var secondStart = -1;
        var secondLength = 0;
        if (firstLength < item.Length)
        {
            if (item[firstLength] is not ((byte)'-' or (byte)'/'))
            {
                return false;
            }

            secondLength = DecimalText.ReadDigits(item, firstLength + 1, 5, out second);
            if (secondLength == 0 || firstLength + 1 + secondLength != item.Length || second is 0 or > 65535)
            {
                return false;
            }

            secondStart = itemStart + firstLength + 1;
        }

        parameters[count++] = new RtspTransportParam(alternative, kind, true, start, end - start, itemStart, firstLength, first, secondStart, secondLength, second, -1, 0, 0);
        return true;
    }

    /// <summary>RTSP 2.0 <c>dest_addr="host:port"/"host:port"</c>: one entry per quoted address, each covering the whole
    /// parameter for removal.</summary>
    private static bool TryReadQuotedAddresses(ReadOnlySpan<byte> value, int start, int end, int position, int alternative, RtspTransportParamKind kind, Span<RtspTransportParam> parameters, ref int count)
    {
        while (position < end)
        {
            if (value[position] != '"')
            {
                return false;
            }

            var close = value[(position + 1)..end].IndexOf((byte)'"');
            if (close < 0 || count == parameters.Length)
            {
                return false;
            }

            var inner = value.Slice(position + 1, close);
            var colon = inner.LastIndexOf((byte)':');
            if (colon < 0)
            {
                return false;
            }

            var portLength = DecimalText.ReadDigits(inner, colon + 1, 5, out var port);
            if (portLength == 0 || colon + 1 + portLength != inner.Length || port is 0 or > 65535)
            {
                return false;
            }

            var addressStart = -1;
            uint address = 0;
            if (colon > 0)
            {
                if (!Ipv4Text.TryParseIpv4(inner[..colon], out address))
                {
                    return false;
                }

                addressStart = position + 1;
            }

            parameters[count++] = new RtspTransportParam(alternative, kind, true, start, end - start, position + 1 + colon + 1, portLength, port, -1, 0, -1, addressStart, colon, address);
            position += close + 2;
            if (position < end)
            {
                if (value[position] != '/')
                {
                    return false;
                }

                position++;
            }
        }

        return true;
    }

    /// <summary>Where the item starting at <paramref name="start"/> ends: the next <c>;</c> or <c>,</c> outside quotes,
    /// or the end; -1 for an unterminated quote.</summary>
    private static int EndOfItem(ReadOnlySpan<byte> value, int start)
    {
        var quoted = false;
        for (var i = start; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is (byte)';' or (byte)',')
            {
                return i;
            }
        }

        return quoted ? -1 : value.Length;
    }

    private static bool EndsWithIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> lowerCase) =>
        text.Length >= lowerCase.Length && AsciiText.EqualsIgnoreCase(text[^lowerCase.Length..], lowerCase);
}
