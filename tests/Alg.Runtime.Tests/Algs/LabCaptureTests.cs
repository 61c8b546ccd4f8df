using Alg.Runtime.Algs;
using Alg.Runtime.Capture;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using Alg.Runtime.Tests.Support;
using Alg.StdlibAlgs;

namespace Alg.Runtime.Tests.Algs;

/// <summary>
/// Our translation against Linux's on the lab captures: the phone 192.168.1.10 behind the gateway 203.0.113.1
/// (nft masquerade on the outside interface, which preserves ports), the server 203.0.113.20. What entered the
/// gateway (gl0 from the phone, gw0 from the server) goes through NatEngine; what we send must be what Linux
/// sent on the other interface: same addresses, ports, IP id and transport bytes (ports, checksum, payload),
/// i.e. the same endpoint-independent mapping (RFC 4787 REQ-1) and port preservation.
/// </summary>
/// <remarks>Linux routes as it translates and so decrements the TTL (and fixes the IP checksum); the engine is a
/// translator only, so TTL and IP header checksum are not compared, only verified.</remarks>
public sealed class LabCaptureTests
{
    private static readonly uint Phone = Ip.V4("192.168.1.10");
    private static readonly uint Gateway = Ip.V4(TestPolicies.OutsideAddress);

    [Theory]
    [InlineData("nat-basic", false, false)]
    [InlineData("nat-basic", true, false)]
    [InlineData("tftp", true, false)]
    [InlineData("nat-basic", true, true)]
    [InlineData("tftp", true, true)]
    public void Our_translation_matches_what_Linux_sent(string scenario, bool algs, bool fromIosConfig)
    {
        var directory = LabData.Scenario(scenario);
        var engine = fromIosConfig ? EngineFromIosConfig() : Engine(algs);
        var inside = Read(Path.Combine(directory, "gl0.pcap"));
        var outside = Read(Path.Combine(directory, "gw0.pcap"));

        // In: the phone's packets as they reached gl0 and the server's as they reached gw0, in gateway time.
        var arrivals = inside.Where(p => p.Info.SourceAddress == Phone).Select(p => (Packet: p, Side: IngressSide.Inside))
            .Concat(outside.Where(p => p.Info.DestinationAddress == Gateway).Select(p => (Packet: p, Side: IngressSide.Outside)))
            .OrderBy(a => a.Packet.Time)
            .ToList();
        var linuxOut = new Queue<LabPacket>(outside.Where(p => p.Info.SourceAddress == Gateway));
        var linuxIn = new Queue<LabPacket>(inside.Where(p => p.Info.DestinationAddress == Phone));
        // Linux forwarded every packet it got (MANIFEST: nothing dropped in these scenarios), so must we.
        Assert.NotEmpty(arrivals);
        Assert.Equal(linuxOut.Count + linuxIn.Count, arrivals.Count);

        var buffer = new byte[70_000];
        foreach (var (arrival, side) in arrivals)
        {
            arrival.Frame.CopyTo(buffer, 0);
            var packet = new PacketBuffer(buffer, 0, arrival.Frame.Length, buffer.Length);
            PacketDecoder.Decode(packet.Span, LinkType.Ethernet, out var info);
            var verdict = engine.Process(ref packet, ref info, arrival.Time, side);
            Assert.True(verdict.Action == NatAction.Forward, $"{scenario}: {side} record {arrival.Number} was {verdict.Reason}");

            var expected = (side == IngressSide.Inside ? linuxOut : linuxIn).Dequeue();
            var ours = packet.Span[..info.PacketEnd];
            var theirs = expected.Frame.AsSpan(0, expected.Info.PacketEnd);
            var where = $"{scenario}: {side} record {arrival.Number} vs Linux record {expected.Number}";
            Assert.True(PacketBuilder.ChecksumsValid(ours), $"{where}: bad checksum");
            Assert.Equal((expected.Info.SourceAddress, expected.Info.DestinationAddress, expected.Info.Protocol, expected.Info.IpIdentification), (info.SourceAddress, info.DestinationAddress, info.Protocol, info.IpIdentification));
            Assert.Equal((expected.Info.SourcePort, expected.Info.DestinationPort), (info.SourcePort, info.DestinationPort));
            Assert.True(theirs[expected.Info.TransportOffset..].SequenceEqual(ours[info.TransportOffset..]), $"{where}: transport bytes differ");
        }

        Assert.Empty(linuxOut);
        Assert.Empty(linuxIn);
        Assert.Equal(0, engine.Drops.Total);
        if (scenario == "tftp")
        {
            Assert.Equal(1, engine.Algs!.CountersFor("tftp").PinholesOpened);
            Assert.Equal(0, engine.Expectations.Count);
        }
    }

    [Fact]
    public void Without_a_tftp_helper_we_drop_the_answers_Linux_dropped()
    {
        var directory = LabData.Scenario("tftp-no-helper");
        var engine = Engine(algs: false);
        var inside = Read(Path.Combine(directory, "gl0.pcap"));
        var outside = Read(Path.Combine(directory, "gw0.pcap"));
        Assert.DoesNotContain(inside, p => p.Info.DestinationAddress == Phone);

        var arrivals = inside.Where(p => p.Info.SourceAddress == Phone).Select(p => (Packet: p, Side: IngressSide.Inside))
            .Concat(outside.Where(p => p.Info.DestinationAddress == Gateway).Select(p => (Packet: p, Side: IngressSide.Outside)))
            .OrderBy(a => a.Packet.Time)
            .ToList();
        var answers = 0;
        var buffer = new byte[70_000];
        foreach (var (arrival, side) in arrivals)
        {
            arrival.Frame.CopyTo(buffer, 0);
            var packet = new PacketBuffer(buffer, 0, arrival.Frame.Length, buffer.Length);
            var verdict = engine.Process(ref packet, LinkType.Ethernet, arrival.Time, side);
            if (side == IngressSide.Outside)
            {
                answers++;
                Assert.Equal(NatAction.Drop, verdict.Action);
            }
            else
            {
                Assert.Equal(NatAction.Forward, verdict.Action);
            }
        }

        Assert.True(answers > 0);
    }

    private static NatEngine Engine(bool algs)
    {
        // Linux conntrack lets in only packets of a tracked tuple: address-and-port-dependent filtering.
        var policy = TestPolicies.Policy([TestPolicies.PatOnInterface()], TestPolicies.Behavior(filtering: Alg.Policy.Model.FilteringBehavior.AddressAndPortDependent));
        policy = algs ? policy.WithAlgs("tftp") : policy;
        var engine = TestEngines.Nat(policy, new NatEngineOptions(FlowCapacity: 256, MappingCapacity: 256, ExpectationCapacity: 16));
        if (algs)
        {
            engine.UseAlgs(new AlgStage(StandardAlgs.CreateHandlers(), TestEngines.Program(policy)));
        }

        return engine;
    }

    /// <summary>The lab's own IOS equivalent of the Linux gateway (gateway-ios.cfg: PAT list 1 onto gw0, TFTP ALG on by default).</summary>
    private static NatEngine EngineFromIosConfig()
    {
        var loaded = Alg.Compiler.ConfigurationLoader.LoadFile(Path.Combine(LabData.Scenario("."), "gateway-ios.cfg"));
        var policy = loaded.Policy ?? throw new InvalidOperationException(string.Join('\n', loaded.Diagnostics));
        Assert.True(policy.FindAlg("tftp") is { Enabled: true }, "IOS enables the TFTP ALG by default");
        var engine = TestEngines.Nat(policy, new NatEngineOptions(FlowCapacity: 256, MappingCapacity: 256, ExpectationCapacity: 16));
        engine.UseAlgs(new AlgStage(StandardAlgs.CreateHandlers(), TestEngines.Program(policy)));
        return engine;
    }

    private static List<LabPacket> Read(string path)
    {
        var packets = new List<LabPacket>();
        using var reader = CaptureReader.Open(path);
        while (reader.TryRead(out var record))
        {
            var frame = record.Data.ToArray();
            if (PacketDecoder.Decode(frame, record.LinkType, out var info) && info.IpVersion == 4)
            {
                packets.Add(new LabPacket(record.Number, record.TimestampNanoseconds, frame, info));
            }
        }

        return packets;
    }
}
