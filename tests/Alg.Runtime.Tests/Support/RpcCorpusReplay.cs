using Alg.Policy.Model;
using Alg.Runtime.Capture;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;

namespace Alg.Runtime.Tests.Support;

/// <summary>
/// Replays a corpus capture of a port-mapper protocol (SunRPC on 111, DCE/RPC on 135), TCP and UDP, through an
/// <see cref="AlgHarness"/>: every host that sends to the service port is a client and stands inside (its own address,
/// PAT to 203.0.113.1), everyone else outside; what a server sends back goes to the client's mapping, as the server saw
/// it. Packets an outside host sends first (no mapping yet), and IPv6, are left out.
/// </summary>
public static class RpcCorpusReplay
{
    /// <returns>The frames that left the gateway, in order.</returns>
    public static List<byte[]> Run(AlgHarness gateway, string file)
    {
        var service = gateway.ServicePort;
        var forwarded = new List<byte[]>();
        var mapped = new Dictionary<(uint, ushort, byte), (uint, ushort)>();
        var clients = new HashSet<uint>();
        using var reader = CaptureReader.Open(Corpus.FilePath(file));
        while (reader.TryRead(out var record))
        {
            if (!PacketDecoder.Decode(record.Data, record.LinkType, out var info) || info.IpVersion != 4
                || (info.Protocol != IpProtocol.Tcp && info.Protocol != IpProtocol.Udp))
            {
                continue;
            }

            if (info.DestinationPort == service && !clients.Contains(info.DestinationAddress))
            {
                clients.Add(info.SourceAddress);
            }

            var frame = Ethernet(record.Data, in info);
            PacketDecoder.Decode(frame, LinkType.Ethernet, out var framed);
            SentPacket sent;
            if (clients.Contains(info.SourceAddress))
            {
                sent = gateway.Send(frame, IngressSide.Inside);
                if (sent.Forwarded)
                {
                    mapped[(framed.SourceAddress, framed.SourcePort, framed.Protocol)] = (sent.Info.SourceAddress, sent.Info.SourcePort);
                }
            }
            else if (mapped.TryGetValue((framed.DestinationAddress, framed.DestinationPort, framed.Protocol), out var target))
            {
                PacketRewriter.RewriteIpv4(frame, ref framed, framed.SourceAddress, framed.SourcePort, target.Item1, target.Item2);
                sent = gateway.Send(frame, IngressSide.Outside);
            }
            else
            {
                continue;
            }

            if (sent.Forwarded)
            {
                forwarded.Add(sent.Frame);
            }
        }

        return forwarded;
    }

    /// <summary>
    /// The same capture with its server inside, published 1:1 (static NAT) on <paramref name="published"/>: what the
    /// server sends enters inside as captured; what clients send to it comes from outside to the published address.
    /// The server keeps its own address, so the addresses it writes into its answers are its own and get translated.
    /// </summary>
    public static List<byte[]> RunServerInside(AlgHarness gateway, string file, uint server, uint published)
    {
        var forwarded = new List<byte[]>();
        using var reader = CaptureReader.Open(Corpus.FilePath(file));
        while (reader.TryRead(out var record))
        {
            if (!PacketDecoder.Decode(record.Data, record.LinkType, out var info) || info.IpVersion != 4
                || (info.Protocol != IpProtocol.Tcp && info.Protocol != IpProtocol.Udp))
            {
                continue;
            }

            var frame = Ethernet(record.Data, in info);
            PacketDecoder.Decode(frame, LinkType.Ethernet, out var framed);
            SentPacket sent;
            if (framed.SourceAddress == server)
            {
                sent = gateway.Send(frame, IngressSide.Inside);
            }
            else if (framed.DestinationAddress == server)
            {
                PacketRewriter.RewriteIpv4(frame, ref framed, framed.SourceAddress, framed.SourcePort, published, framed.DestinationPort);
                sent = gateway.Send(frame, IngressSide.Outside);
            }
            else
            {
                continue;
            }

            if (sent.Forwarded)
            {
                forwarded.Add(sent.Frame);
            }
        }

        return forwarded;
    }

    /// <summary>A policy publishing <paramref name="server"/> 1:1 on <paramref name="published"/>, everything else PAT
    /// with address-and-port-dependent filtering.</summary>
    public static PolicyModel StaticNat(string server, string published) =>
        TestPolicies.Policy(
            [TestPolicies.Static(server, published), TestPolicies.PatOnInterface() with { RealAddresses = [] }],
            TestPolicies.Behavior(filtering: Alg.Policy.Model.FilteringBehavior.AddressAndPortDependent));

    /// <summary>The packet from its IP header on, behind a fresh Ethernet header (corpus link types vary).</summary>
    private static byte[] Ethernet(ReadOnlySpan<byte> captured, in PacketInfo info)
    {
        var ip = captured[info.NetworkOffset..info.PacketEnd];
        var frame = new byte[14 + ip.Length];
        frame[12] = 0x08;
        ip.CopyTo(frame.AsSpan(14));
        return frame;
    }
}
