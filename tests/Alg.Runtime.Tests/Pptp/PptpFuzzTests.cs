using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using Alg.Runtime.Tests.Support;
using Alg.StdlibAlgs.Pptp;

namespace Alg.Runtime.Tests.Pptp;

/// <summary>
/// Mutated, truncated and re-segmented PPTP control streams through the ALG, and enhanced GRE headers cut at every byte
/// and with every flag: the ALG never throws or drops, a tunnel only ever joins the control connection's own ends, and
/// the decoder never reads past the packet (RFC 2637 §2, §4.1; algs.md §10.3).
/// </summary>
public sealed class PptpFuzzTests
{
    private static ReadOnlySpan<byte> Alphabet => [0x00, 0x01, 0x07, 0x08, 0x0B, 0x0D, 0x1A, 0x2B, 0x3C, 0x4D, 0xA8, 0xFF];

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Mutated_control_exchanges_never_throw_drop_or_open_a_tunnel_to_another_host(int seed)
    {
        var random = new Random(seed);
        var gateway = new AlgHarness("pptp", 1723, false, default, FtpEngine.Both);
        for (var i = 0; i < 200; i++)
        {
            var control = new ControlConnection(gateway, false, clientPort: (ushort)(20000 + i), clientAddress: Ip.V4("192.168.1." + (10 + (i % 3)).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            control.Connect();

            // Ids of their own per connection, so an untouched exchange keeps them and its replies name its requests.
            var pns = (ushort)(1000 + (2 * i));
            var pac = (ushort)(5000 + (2 * i));
            (bool FromPns, byte[] Message)[] exchange =
            [
                (true, PptpMessages.StartControlConnectionRequest()), (false, PptpMessages.StartControlConnectionReply()),
                (true, PptpMessages.OutgoingCallRequest(pns)), (false, PptpMessages.OutgoingCallReply(pac, pns)),
                (false, PptpMessages.IncomingCallRequest((ushort)(pac + 1))), (true, PptpMessages.IncomingCallReply((ushort)(pns + 1), (ushort)(pac + 1))),
                (false, PptpMessages.IncomingCallConnected((ushort)(pns + 1))), (true, PptpMessages.SetLinkInfo(pac)), (false, PptpMessages.WanErrorNotify(pns)),
                (true, PptpMessages.CallClearRequest(pns)), (false, PptpMessages.CallDisconnectNotify(pac)),
                (true, Concat(PptpMessages.EchoRequest(1), PptpMessages.OutgoingCallRequest(pns))), (false, PptpMessages.OutgoingCallReply(pac, pns)),
            ];
            foreach (var (fromPns, message) in exchange)
            {
                var bytes = random.Next(6) == 0 ? Fuzz.Mutate(random, message, Alphabet, headerBytes: 18) : message;
                Fuzz.SendSegmented(random, bytes, segment => fromPns ? control.Send(segment) : control.Answer(segment), gateway.Counters, i);
            }
        }

        Assert.Equal(0, gateway.Counters.Failures);
        Assert.Equal(0, gateway.Counters.PolicyDrops);
        Assert.True(gateway.Counters.TunnelsOpened > 10, $"only {gateway.Counters.TunnelsOpened} tunnels: the mutations no longer reach the call setup");

        // Every tunnel joins a PNS of the test to the PAC through the public address, nothing else.
        var flows = gateway.Engine.Flows;
        for (var index = 0; index < flows.Capacity; index++)
        {
            ref var flow = ref flows[index];
            if ((flow.Flags & Alg.Runtime.Flows.FlowEntryFlags.InUse) != 0 && flow.OriginalKey.Protocol == IpProtocol.Gre)
            {
                Assert.Equal(AlgHarness.Server, flow.OriginalKey.Destination);
                Assert.Equal(Ip.V4("192.168.1.0"), flow.OriginalKey.Source & 0xFFFFFF00);
                Assert.Equal((AlgHarness.Server, AlgHarness.Public), (flow.ReplyKey.Source, flow.ReplyKey.Destination));
            }
        }
    }

    [Fact]
    public void The_parser_never_reads_outside_its_input()
    {
        var random = new Random(11);
        var seeds = PptpParserTests.Messages();
        for (var i = 0; i < 20_000; i++)
        {
            var data = Fuzz.Mutate(random, seeds[random.Next(seeds.Length)], Alphabet, headerBytes: 16);
            data = data[..random.Next(data.Length + 1)];
            if (PptpMessageParser.Parse(data, out var message, out _) == PptpParseStatus.Complete)
            {
                Assert.InRange(message.Length, PptpMessageParser.FixedLength(message.Type), data.Length);
            }
        }
    }

    [Fact]
    public void Gre_headers_cut_at_every_byte_and_with_every_flag_never_throw_or_reach_a_tunnel()
    {
        var gateway = new AlgHarness("pptp", 1723, false, default, FtpEngine.Both);
        var control = new ControlConnection(gateway);
        control.Connect();
        control.Send(PptpMessages.StartControlConnectionRequest());
        control.Answer(PptpMessages.StartControlConnectionReply());
        control.Send(PptpMessages.OutgoingCallRequest(7));
        control.Answer(PptpMessages.OutgoingCallReply(100, 7));
        Assert.Equal(1, gateway.Counters.TunnelsOpened);

        var whole = TunnelPackets.Gre(AlgHarness.Server, AlgHarness.Public, 7, 1, acknowledgment: 1);
        var ipStart = PacketBuilder.EthernetHeader;
        for (var cut = ipStart + 20; cut < whole.Length; cut++)
        {
            // The IP total length still says the whole packet: the decoder must see it is not all there.
            var truncated = whole[..cut];
            Assert.False(PacketDecoder.Decode(truncated, LinkType.Ethernet, out _));
            Assert.False(gateway.Send(truncated, IngressSide.Outside).Forwarded);
        }

        for (var flags = 0; flags < 65536; flags += 7)
        {
            var packet = (byte[])whole.Clone();
            System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(ipStart + 20), (ushort)flags);
            var sent = gateway.Send(packet, IngressSide.Outside);
            if (sent.Forwarded)
            {
                // Only a well-formed enhanced GRE packet with the call's key reaches the PNS, with its own id.
                Assert.True(PacketDecoder.Decode(packet, LinkType.Ethernet, out var decoded));
                Assert.True((decoded.Flags & PacketFlags.EnhancedGre) != 0);
                Assert.Equal(AlgHarness.Client, sent.Info.DestinationAddress);
            }
        }

        // Length fields at their extremes (the key's payload length is not trusted for anything).
        foreach (var payloadLength in new ushort[] { 0, 1, 0x7FFF, 0xFFFF })
        {
            var packet = (byte[])whole.Clone();
            System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(ipStart + 24), payloadLength);
            Assert.Equal(7, TunnelPackets.GreCallId(gateway.Send(packet, IngressSide.Outside).Frame));
        }

        Assert.Equal(0, gateway.Counters.Failures);
    }

    [Fact]
    public void Esp_headers_cut_at_every_byte_never_throw()
    {
        var whole = TunnelPackets.Esp(AlgHarness.Client, AlgHarness.Server, 0x01020304, 1, payloadLength: 4);
        for (var cut = PacketBuilder.EthernetHeader + 4; cut <= whole.Length; cut++)
        {
            // The IP length agrees with what is there: the ESP header itself is what gets cut.
            var truncated = whole[..cut];
            System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(truncated.AsSpan(PacketBuilder.EthernetHeader + 2), (ushort)(cut - PacketBuilder.EthernetHeader));
            var ok = PacketDecoder.Decode(truncated, LinkType.Ethernet, out var info);
            Assert.Equal(cut - PacketBuilder.EthernetHeader >= 28, ok);
            if (ok)
            {
                Assert.Equal(0x01020304u, info.EspSpi);
            }
        }

        var nat = new NatHarness(AlgPolicies.PatEverythingStrict());
        foreach (var length in new ushort[] { 0, 20, 27, 28, 0xFFFF })
        {
            var packet = (byte[])whole.Clone();
            System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(PacketBuilder.EthernetHeader + 2), length);
            nat.Send(packet, 1, IngressSide.Inside);
        }
    }
}
