using System.Text;
using Alg.StdlibAlgs.Sdp;
using Alg.StdlibAlgs.Sip;

namespace Alg.Doctor;

/// <summary>Turns an SDP body into a <see cref="SdpSummary"/> with the stdlib's allocation-free <see cref="SdpParser"/>.</summary>
internal static class SdpSummaryReader
{
    private const int MaxLines = 256;

    public static SdpSummary? Read(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty || !body.StartsWith("v="u8))
        {
            return null;
        }

        var lines = new SdpLine[MaxLines];
        var count = SdpParser.Parse(body, lines, out var usesIce);
        if (count < 0)
        {
            return null;
        }

        string? origin = null, sessionConnection = null;
        var media = new List<(string Kind, int Port, string? Connection)>();
        foreach (var line in lines.AsSpan(0, count))
        {
            switch (line.Kind)
            {
                case SdpLineKind.Origin when line.AddressStart >= 0:
                    origin = Text(body, line.AddressStart, line.AddressLength);
                    break;
                case SdpLineKind.Connection when line.AddressStart >= 0:
                    var address = Text(body, line.AddressStart, line.AddressLength);
                    if (line.MediaIndex < 0)
                    {
                        sessionConnection = address;
                    }
                    else if (line.MediaIndex < media.Count)
                    {
                        media[line.MediaIndex] = media[line.MediaIndex] with { Connection = address };
                    }

                    break;
                case SdpLineKind.Media:
                    media.Add((MediaKind(body, line), Port(body, line), null));
                    break;
            }
        }

        return new SdpSummary(origin, sessionConnection, [.. media.Select(m => new SdpMedia(m.Kind, m.Port, m.Connection ?? sessionConnection))], usesIce);
    }

    private static string MediaKind(ReadOnlySpan<byte> body, SdpLine line)
    {
        // m=<media> <port> …: the media type is the first field after "m=".
        var value = body.Slice(line.Start + 2, line.Length - 2);
        var space = value.IndexOf((byte)' ');
        return Encoding.ASCII.GetString(space < 0 ? value : value[..space]).ToLowerInvariant();
    }

    private static int Port(ReadOnlySpan<byte> body, SdpLine line)
    {
        if (line.PortStart < 0)
        {
            return 0;
        }

        var port = 0;
        foreach (var b in body.Slice(line.PortStart, line.PortLength))
        {
            if (b is < (byte)'0' or > (byte)'9' || port > 65535)
            {
                return 0;
            }

            port = (port * 10) + (b - '0');
        }

        return port;
    }

    private static string Text(ReadOnlySpan<byte> body, int start, int length) => Encoding.ASCII.GetString(body.Slice(start, length));
}
