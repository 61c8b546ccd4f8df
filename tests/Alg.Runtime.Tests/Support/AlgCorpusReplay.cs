using Alg.Runtime.Capture;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;

namespace Alg.Runtime.Tests.Support;

/// <summary>
/// Replays a corpus capture of a TCP-signalled protocol through an <see cref="AlgHarness"/>: the client of the first
/// connection to the harness's service port stands inside (its own address, PAT to 203.0.113.1), the server outside;
/// packets between other hosts are left out. Packets from the server are addressed to the client's mapping, as the server
/// saw it.
/// </summary>
public static class AlgCorpusReplay
{
    private static readonly uint LoopbackServer = Ip.V4("203.0.113.99");

    /// <returns>The frames that left the gateway, in order.</returns>
    /// <param name="alsoProtocol">Another IP protocol between the same two hosts to replay too (PPTP's GRE), the
    /// server's addressed to the public address.</param>
    /// <param name="protocol">The signalling protocol to replay with its ports (TCP; SCTP for an association).</param>
    /// <param name="servicePort">The server's port when not the harness's service port.</param>
    public static List<byte[]> Run(AlgHarness gateway, string file, byte alsoProtocol = 0, byte protocol = IpProtocol.Tcp, ushort servicePort = 0)
    {
        var service = servicePort != 0 ? servicePort : gateway.ServicePort;
        var forwarded = new List<byte[]>();
        var mapped = new Dictionary<ushort, (uint, ushort)>();
        uint client = 0;
        uint server = 0;
        using var reader = CaptureReader.Open(Corpus.FilePath(file));
        while (reader.TryRead(out var record))
        {
            if (!PacketDecoder.Decode(record.Data, record.LinkType, out var info))
            {
                continue;
            }

            var frame = Ethernet(record.Data, in info);
            if (info.IpVersion != 4)
            {
                // The runtime translates IPv4 only: IPv6 passes untouched, and must leave as it came.
                var passed = gateway.Send(frame, IngressSide.Inside);
                Assert.True(frame.AsSpan().SequenceEqual(passed.Frame), $"{file}: an IPv6 packet was changed");
                forwarded.Add(passed.Frame);
                continue;
            }

            if (alsoProtocol != 0 && info.Protocol == alsoProtocol && client != 0)
            {
                var towardsServer = info.SourceAddress == client && info.DestinationAddress == server;
                if (towardsServer || (info.SourceAddress == server && info.DestinationAddress == client))
                {
                    PacketDecoder.Decode(frame, LinkType.Ethernet, out var other);
                    if (!towardsServer)
                    {
                        PacketRewriter.RewriteIpv4(frame, ref other, server, 0, AlgHarness.Public, 0);
                    }

                    var passed = gateway.Send(frame, towardsServer ? IngressSide.Inside : IngressSide.Outside);
                    if (passed.Forwarded)
                    {
                        forwarded.Add(passed.Frame);
                    }
                }

                continue;
            }

            if (info.Protocol != protocol)
            {
                continue;
            }

            if (client == 0 && info.DestinationPort == service)
            {
                client = info.SourceAddress;
                server = info.DestinationAddress;
            }

            if (client == 0)
            {
                continue;
            }

            var loopback = client == server;
            bool fromClient;
            if (loopback)
            {
                // Both ends on 127.0.0.1 (zeek's FTP AUTH TLS capture): only the control connection can be told apart.
                if (info.SourcePort != service && info.DestinationPort != service)
                {
                    continue;
                }

                fromClient = info.DestinationPort == service;
            }
            else if (info.SourceAddress == client && info.DestinationAddress == server)
            {
                fromClient = true;
            }
            else if (info.SourceAddress == server && info.DestinationAddress == client)
            {
                fromClient = false;
            }
            else
            {
                continue;
            }

            PacketDecoder.Decode(frame, LinkType.Ethernet, out var framed);
            SentPacket sent;
            if (fromClient)
            {
                if (loopback)
                {
                    PacketRewriter.RewriteIpv4(frame, ref framed, AlgHarness.Client, framed.SourcePort, LoopbackServer, framed.DestinationPort);
                }

                sent = gateway.Send(frame, IngressSide.Inside);
                if (sent.Forwarded)
                {
                    mapped[framed.SourcePort] = (sent.Info.SourceAddress, sent.Info.SourcePort);
                }
            }
            else
            {
                // Addressed to the client's mapping, as the server saw it; a data or media port the ALG announced keeps its number.
                var target = mapped.TryGetValue(framed.DestinationPort, out var known) ? known : (AlgHarness.Public, framed.DestinationPort);
                PacketRewriter.RewriteIpv4(frame, ref framed, loopback ? LoopbackServer : framed.SourceAddress, framed.SourcePort, target.Item1, target.Item2);
                sent = gateway.Send(frame, IngressSide.Outside);
            }

            if (sent.Forwarded)
            {
                forwarded.Add(sent.Frame);
            }
        }

        return forwarded;
    }

    /// <summary>The packet from its IP header on, behind a fresh Ethernet header (corpus link types vary).</summary>
    private static byte[] Ethernet(ReadOnlySpan<byte> captured, in PacketInfo info)
    {
        var ip = captured[info.NetworkOffset..info.PacketEnd];
        var frame = new byte[14 + ip.Length];
        frame[12] = info.IpVersion == 4 ? (byte)0x08 : (byte)0x86;
        frame[13] = info.IpVersion == 4 ? (byte)0x00 : (byte)0xDD;
        ip.CopyTo(frame.AsSpan(14));
        return frame;
    }
}
