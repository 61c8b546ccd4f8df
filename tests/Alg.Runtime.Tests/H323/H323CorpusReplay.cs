using Alg.Runtime.Capture;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using Alg.Runtime.Tests.Support;

namespace Alg.Runtime.Tests.H323;

/// <summary>
/// Replays an H.323 capture through a gateway with the H.323 ALGs: the endpoints that start call signalling (TCP to
/// 1720) or RAS (the first sender of a 1719/1718 conversation) stand inside, PAT to 203.0.113.1; every other host is
/// outside. Packets from outside are addressed to the inside party's mapping as the outside party saw it (the port
/// the ALG announced keeps its number when the NAT preserved it). IPv4 TCP/UDP between an inside and an outside host
/// only.
/// </summary>
internal static class H323CorpusReplay
{
    /// <summary>What a replay sent in and what left.</summary>
    public sealed record Result(List<byte[]> Forwarded, List<byte[]> Offered, int DroppedFromOutside, HashSet<uint> InsideHosts);

    public static Result Run(AlgHarness gateway, string file)
    {
        var frames = Read(file);
        var inside = InsideHosts(frames);
        var forwarded = new List<byte[]>();
        var offered = new List<byte[]>();
        var mapped = new Dictionary<(uint, ushort), (uint, ushort)>();
        var dropped = 0;
        foreach (var frame in frames)
        {
            PacketDecoder.Decode(frame, LinkType.Ethernet, out var info);
            var fromInside = inside.Contains(info.SourceAddress) && !inside.Contains(info.DestinationAddress);
            var toInside = inside.Contains(info.DestinationAddress) && !inside.Contains(info.SourceAddress);
            if (!fromInside && !toInside)
            {
                continue;
            }

            SentPacket sent;
            if (fromInside)
            {
                offered.Add((byte[])frame.Clone());
                sent = gateway.Send(frame, IngressSide.Inside);
                if (sent.Forwarded)
                {
                    mapped[(info.SourceAddress, info.SourcePort)] = (sent.Info.SourceAddress, sent.Info.SourcePort);
                }
            }
            else
            {
                var target = mapped.TryGetValue((info.DestinationAddress, info.DestinationPort), out var known) ? known : (AlgHarness.Public, info.DestinationPort);
                PacketRewriter.RewriteIpv4(frame, ref info, info.SourceAddress, info.SourcePort, target.Item1, target.Item2);
                offered.Add((byte[])frame.Clone());
                sent = gateway.Send(frame, IngressSide.Outside);
                if (!sent.Forwarded)
                {
                    dropped++;
                }
            }

            if (sent.Forwarded)
            {
                forwarded.Add(sent.Frame);
            }
        }

        return new Result(forwarded, offered, dropped, inside);
    }

    /// <summary>The TCP/UDP payloads of a capture's IPv4 packets with their ports.</summary>
    public static IEnumerable<(byte Protocol, ushort SourcePort, ushort DestinationPort, byte[] Payload)> Payloads(string file)
    {
        foreach (var frame in Read(file))
        {
            PacketDecoder.Decode(frame, LinkType.Ethernet, out var info);
            if (info.PayloadLength > 0)
            {
                yield return (info.Protocol, info.SourcePort, info.DestinationPort, frame[info.PayloadOffset..info.PacketEnd]);
            }
        }
    }

    private static List<byte[]> Read(string file)
    {
        var frames = new List<byte[]>();
        using var reader = CaptureReader.Open(Corpus.FilePath(file));
        while (reader.TryRead(out var record))
        {
            if (!PacketDecoder.Decode(record.Data, record.LinkType, out var info) || info.IpVersion != 4 || info.Protocol is not (IpProtocol.Tcp or IpProtocol.Udp))
            {
                continue;
            }

            var ip = record.Data[info.NetworkOffset..info.PacketEnd];
            var frame = new byte[14 + ip.Length];
            frame[12] = 0x08;
            ip.CopyTo(frame.AsSpan(14));
            frames.Add(frame);
        }

        return frames;
    }

    private static HashSet<uint> InsideHosts(List<byte[]> frames)
    {
        var inside = new HashSet<uint>();
        var seen = new HashSet<(uint, ushort, uint, ushort)>();
        foreach (var frame in frames)
        {
            PacketDecoder.Decode(frame, LinkType.Ethernet, out var info);
            var forward = (info.SourceAddress, info.SourcePort, info.DestinationAddress, info.DestinationPort);
            var backward = (info.DestinationAddress, info.DestinationPort, info.SourceAddress, info.SourcePort);
            var first = !seen.Contains(backward) && seen.Add(forward);
            if (info.Protocol == IpProtocol.Tcp)
            {
                var flags = frame[info.TransportOffset + 13];
                if (info.DestinationPort == 1720 && ((flags & 0x12) == 0x02 || first))
                {
                    inside.Add(info.SourceAddress);
                }
            }
            else if (first && (info.DestinationPort is 1719 or 1718))
            {
                inside.Add(info.SourceAddress);
            }
        }

        return inside;
    }
}
