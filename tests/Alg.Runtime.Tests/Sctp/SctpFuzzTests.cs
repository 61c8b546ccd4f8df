using System.Buffers.Binary;
using Alg.Runtime.Packets;
using Alg.Runtime.Tests.Support;
using Alg.StdlibAlgs.Sctp;

namespace Alg.Runtime.Tests.Sctp;

/// <summary>
/// SCTP packets cut at every byte, with extreme chunk and parameter lengths, and mutated, through the parser alone and
/// through the inspector (RFC 9260 §3): nothing throws, nothing is read past the packet, every forwarded packet carries a
/// valid CRC32c, and no pinhole opens but for a peer's listed address.
/// </summary>
public sealed class SctpFuzzTests
{
    private static byte[][] Seeds() =>
    [
        TunnelPackets.Sctp(1, 5000, 2, 2905, 0, SctpChunks.Init(7, 1, SctpChunks.Ipv4Address(1), SctpChunks.Ipv4Address(3))),
        TunnelPackets.Sctp(2, 2905, 1, 5000, 7, SctpChunks.InitAck(9, SctpChunks.Ipv4Address(2), SctpChunks.Ipv4Address(4))),
        TunnelPackets.Sctp(1, 5000, 2, 2905, 9, SctpChunks.CookieEcho(), SctpChunks.Data(1)),
        TunnelPackets.Sctp(2, 2905, 1, 5000, 7, SctpChunks.CookieAck(), SctpChunks.Sack(1), SctpChunks.Data(2, "x")),
        TunnelPackets.Sctp(1, 5000, 2, 2905, 9, SctpChunks.Shutdown(3)),
        TunnelPackets.Sctp(2, 2905, 1, 5000, 9, SctpChunks.Abort(reflected: true)),
    ];

    private static ReadOnlySpan<byte> Alphabet => [0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 14, 0x40, 0x80, 0xC0, 0xFF];

    [Fact]
    public void Every_truncation_and_extreme_length_is_refused_without_reading_past_the_packet()
    {
        Span<SctpChunk> chunks = stackalloc SctpChunk[SctpSettings.MaxChunks];
        foreach (var frame in Seeds())
        {
            var sctp = frame.AsSpan(PacketBuilder.EthernetHeader + 20).ToArray();
            Assert.Equal(SctpParseStatus.Complete, SctpPacketParser.Parse(sctp, chunks, out _, out _));
            for (var length = 0; length < sctp.Length; length++)
            {
                // Cut inside a chunk: refused; cut only in the last chunk's padding: whole, and nothing beyond the cut.
                if (SctpPacketParser.Parse(sctp.AsSpan(0, length), chunks, out var count, out _) == SctpParseStatus.Complete)
                {
                    foreach (var chunk in chunks[..count])
                    {
                        Assert.InRange(chunk.Offset + chunk.Length, 0, length);
                    }
                }
            }

            foreach (var chunkLength in new ushort[] { 0, 1, 3, 4, 0x7FFF, 0xFFFF })
            {
                var bad = (byte[])sctp.Clone();
                BinaryPrimitives.WriteUInt16BigEndian(bad.AsSpan(14), chunkLength);
                if (SctpPacketParser.Parse(bad, chunks, out var count, out _) == SctpParseStatus.Complete)
                {
                    foreach (var chunk in chunks[..count])
                    {
                        Assert.InRange(chunk.Offset + chunk.Length, 0, bad.Length);
                    }
                }
            }
        }
    }

    [Fact]
    public void Mutated_packets_never_throw_and_only_leave_with_a_valid_crc32c()
    {
        var random = new Random(17);
        var policy = TestPolicies.Policy(
            [TestPolicies.PatOnInterface() with { RealAddresses = [] }],
            TestPolicies.Behavior(filtering: Alg.Policy.Model.FilteringBehavior.AddressAndPortDependent, portPreservation: false));
        var gateway = new AlgHarness("sctp", 0, policy, default, FtpEngine.Both);
        var client = AlgHarness.Client;
        var server = AlgHarness.Server;
        ushort mapped = 0;
        for (var i = 0; i < 3000; i++)
        {
            var clientPort = (ushort)(5000 + (i / 60));
            var step = i % 6;
            byte[][] chunks = step switch
            {
                0 => [SctpChunks.Init(7, 1, SctpChunks.Ipv4Address(client), SctpChunks.Ipv4Address(3))],
                1 => [SctpChunks.InitAck(9, SctpChunks.Ipv4Address(server), SctpChunks.Ipv4Address(Ip.V4("203.0.113.30")))],
                2 => [SctpChunks.CookieEcho(), SctpChunks.Data(1)],
                3 => [SctpChunks.CookieAck(), SctpChunks.Sack(1)],
                4 => [SctpChunks.Data(2, "abc")],
                _ => [SctpChunks.Shutdown(2)],
            };
            var fromClient = step is 0 or 2 or 4 or 5;
            var tag = step switch { 0 => 0u, 1 or 3 => 7u, _ => 9u };
            var frame = fromClient
                ? TunnelPackets.Sctp(client, clientPort, server, 2905, tag, chunks)
                : TunnelPackets.Sctp(server, 2905, AlgHarness.Public, mapped, tag, chunks);
            if (random.Next(3) == 0)
            {
                // Mutate the SCTP part, keep the IP header's length true, and give it a right CRC32c half the time.
                var sctp = Fuzz.Mutate(random, frame[34..], Alphabet, headerBytes: 40);
                frame = PacketBuilder.Ipv4(fromClient ? client : server, fromClient ? server : AlgHarness.Public, IpProtocol.Sctp, sctp, withChecksum: false);
                if (sctp.Length >= 12 && random.Next(2) == 0)
                {
                    Alg.Runtime.Nat.PacketRewriter.RecomputeSctpChecksum(frame.AsSpan(34));
                }
            }

            var sent = gateway.Send(frame, fromClient ? Alg.Runtime.Nat.IngressSide.Inside : Alg.Runtime.Nat.IngressSide.Outside);
            if (sent.Forwarded && sent.Info.Protocol == IpProtocol.Sctp)
            {
                Assert.True(TunnelPackets.SctpChecksumValid(sent.Frame), $"iteration {i}: forwarded with a bad CRC32c");
                if (fromClient && step == 0)
                {
                    mapped = sent.Info.SourcePort;
                }
            }
        }

        Assert.Equal(0, gateway.Counters.Failures);
        Assert.True(gateway.Counters.PolicyDrops > 100, $"only {gateway.Counters.PolicyDrops} drops");
        Assert.True(gateway.Counters.PinholesOpened > 0);
    }
}
