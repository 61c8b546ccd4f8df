using Alg.StdlibAlgs.Text;

namespace Alg.StdlibAlgs.Sdp;

/// <summary>
/// Finds, in an SDP body, the lines a NAT must look at and where their address and port are, without
/// copying (RFC 4566 / RFC 8866 §5). Lines may end in CRLF, LF or a lone CR (§5: "accept bare LF").
/// </summary>
public static class SdpParser
{
    /// <returns>How many lines of interest were written to <paramref name="lines"/>, or -1 if it is too small.</returns>
    public static int Parse(ReadOnlySpan<byte> body, Span<SdpLine> lines, out bool usesIce)
    {
        usesIce = false;
        var count = 0;
        var media = -1;
        var position = 0;
        while (position < body.Length)
        {
            var end = TextLines.FindLineEnd(body, position, out var next);
            if (end < 0)
            {
                end = body.Length;
                next = body.Length;
            }

            var line = body[position..end];
            if (line.Length >= 2 && line[1] == '=')
            {
                var entry = Classify(line, position, ref media);
                if (entry.Kind == SdpLineKind.Candidate)
                {
                    usesIce = true;
                }

                if (entry.Kind != SdpLineKind.Other)
                {
                    if (count == lines.Length)
                    {
                        return -1;
                    }

                    lines[count++] = entry with { MediaIndex = media };
                }
            }

            position = next;
        }

        return count;
    }

    private static SdpLine Classify(ReadOnlySpan<byte> line, int offset, ref int media)
    {
        var value = line[2..];
        switch (line[0])
        {
            case (byte)'o':
                // o=<username> <sess-id> <sess-version> IN IP4 <unicast-address> (§5.2)
                return Field(SdpLineKind.Origin, line, offset, value, addressField: 5, portField: -1);
            case (byte)'c':
                // c=IN IP4 <connection-address>[/ttl][/count] (§5.7)
                return Field(SdpLineKind.Connection, line, offset, value, addressField: 2, portField: -1);
            case (byte)'m':
                // m=<media> <port>[/<number of ports>] <proto> <fmt> ... (§5.14)
                media++;
                return Field(SdpLineKind.Media, line, offset, value, addressField: -1, portField: 1);
            case (byte)'a' when value.Length >= 4 && value[0] is (byte)'r' or (byte)'c':
                // Most attributes (rtpmap, fmtp, sendrecv…) leave at the first letter.
                if (value.StartsWith("rtcp-mux"u8) && value.Length == 8)
                {
                    return new SdpLine(SdpLineKind.RtcpMux, offset, line.Length, -1, -1, 0, -1, 0);
                }

                if (value.StartsWith("rtcp:"u8))
                {
                    // a=rtcp:<port> [IN IP4 <address>] (RFC 3605 §2.1)
                    var rtcp = Field(SdpLineKind.Rtcp, line, offset, value["rtcp:".Length..], addressField: 3, portField: 0);
                    return rtcp with
                    {
                        PortStart = rtcp.PortStart < 0 ? -1 : rtcp.PortStart + 5,
                        AddressStart = rtcp.AddressStart < 0 ? -1 : rtcp.AddressStart + 5,
                    };
                }

                if (value.StartsWith("candidate:"u8))
                {
                    return new SdpLine(SdpLineKind.Candidate, offset, line.Length, -1, -1, 0, -1, 0);
                }

                break;
        }

        return default;
    }

    /// <summary>Locates space-separated fields of a line's value; the address stops at a '/' (TTL, count).</summary>
    private static SdpLine Field(SdpLineKind kind, ReadOnlySpan<byte> line, int offset, ReadOnlySpan<byte> value, int addressField, int portField)
    {
        int addressStart = -1, addressLength = 0, portStart = -1, portLength = 0;
        var field = 0;
        var i = 0;
        while (i < value.Length)
        {
            while (i < value.Length && value[i] == ' ')
            {
                i++;
            }

            var start = i;
            while (i < value.Length && value[i] != ' ')
            {
                i++;
            }

            if (i == start)
            {
                break;
            }

            if (field == addressField)
            {
                addressStart = offset + 2 + start;
                var slash = value[start..i].IndexOf((byte)'/');
                addressLength = slash < 0 ? i - start : slash;
            }
            else if (field == portField)
            {
                portStart = offset + 2 + start;
                var slash = value[start..i].IndexOf((byte)'/');
                portLength = slash < 0 ? i - start : slash;
            }

            field++;
        }

        return new SdpLine(kind, offset, line.Length, -1, addressStart, addressLength, portStart, portLength);
    }
}
