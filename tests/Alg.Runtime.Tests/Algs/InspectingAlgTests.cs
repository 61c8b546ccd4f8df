using System.Text;
using Alg.Policy.Model;
using Alg.Runtime.Algs;
using Alg.Runtime.Flows;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using Alg.Runtime.Tests.Support;

namespace Alg.Runtime.Tests.Algs;

/// <summary>
/// A pinhole can name the ALG that inspects the connection it admits (<see cref="ExpectationSpec.InspectedBy"/>): the
/// H.245 channel an H.225 message announces (H.323 §8.2) and the connection a TNS REDIRECT sends a client to carry
/// signalling on ports no ALG listens on. Both policy engines answer every test (<see cref="TestEngines"/>).
/// </summary>
public sealed class InspectingAlgTests
{
    private static readonly uint Client = Ip.V4("192.168.1.10");
    private static readonly uint Server = Ip.V4("198.51.100.20");
    private static readonly uint Outside = Ip.V4(TestPolicies.OutsideAddress);
    private const ushort AnnouncedPort = 40002;
    private static readonly long Minute = 60 * NatTimeouts.Second;

    private static (NatEngine Engine, ReplacingAlg Inspector) Engine(bool nameTheInspector, byte protocol = IpProtocol.Udp)
    {
        // test-pinhole (UDP 7777) is the signalling ALG; test-replace claims 7777 too but loses it (first name wins), so
        // only a pinhole that names it can bring it a flow.
        var inspector = new ReplacingAlg("BBBBBBBB");
        var signalling = new PinholeAskingAlg(c => new ExpectationSpec(
            protocol,
            FlowSide.Outside,
            ExpectedPeer.AddressOnly(c.Remote.Address, "test"),
            c.Mapped.Address,
            AnnouncedPort,
            c.Inside.Address,
            AnnouncedPort,
            Minute,
            Persistent: false,
            c.Flow,
            c.OwnerTag,
            InspectedBy: nameTheInspector ? AlgStage.OwnerTagOf(ReplacingAlg.TestDescriptor.Name) : 0));
        var policy = TestPolicies.Policy([TestPolicies.PatOnInterface()]);
        policy = policy with { Algs = [AlgPolicies.Enabled(signalling.Descriptor), AlgPolicies.Enabled(ReplacingAlg.TestDescriptor)] };
        var engine = TestEngines.Nat(policy, new NatEngineOptions(FlowCapacity: 256, MappingCapacity: 256, ExpectationCapacity: 16));
        engine.UseAlgs(new AlgStage([signalling, inspector], TestEngines.Program(policy)));
        return (engine, inspector);
    }

    [Fact]
    public void The_admitted_datagram_flow_is_inspected_by_the_named_alg_from_its_first_packet_on()
    {
        var (engine, inspector) = Engine(nameTheInspector: true);
        Send(engine, PacketBuilder.Udp(Client, 40000, Server, 7777, "announce"u8.ToArray()), IngressSide.Inside);
        Assert.Equal(1, engine.Expectations.Count);

        var first = Send(engine, PacketBuilder.Udp(Server, 5000, Outside, AnnouncedPort, "x=AAAA"u8.ToArray()), IngressSide.Outside);
        Assert.Equal(NatAction.Forward, first.Verdict.Action);
        Assert.Equal("x=BBBBBBBB", Payload(first));
        Assert.True(PacketBuilder.ChecksumsValid(first.Frame));

        // The flow stays with its inspector both ways, though neither of its ports is one the inspector listens on.
        var reply = Send(engine, PacketBuilder.Udp(Client, AnnouncedPort, Server, 5000, "y=AAAA"u8.ToArray()), IngressSide.Inside);
        Assert.Equal("y=BBBBBBBB", Payload(reply));
        var second = Send(engine, PacketBuilder.Udp(Server, 5000, Outside, AnnouncedPort, "z=AAAA"u8.ToArray()), IngressSide.Outside);
        Assert.Equal("z=BBBBBBBB", Payload(second));
        Assert.Equal(3, inspector.Calls);
        Assert.Equal(AlgDirection.Original, inspector.LastContext.Direction);
        Assert.Equal(FlowSide.Outside, inspector.LastContext.Initiator);
    }

    [Fact]
    public void Without_a_named_inspector_the_admitted_flow_passes_uninspected()
    {
        var (engine, inspector) = Engine(nameTheInspector: false);
        Send(engine, PacketBuilder.Udp(Client, 40000, Server, 7777, "announce"u8.ToArray()), IngressSide.Inside);

        var first = Send(engine, PacketBuilder.Udp(Server, 5000, Outside, AnnouncedPort, "x=AAAA"u8.ToArray()), IngressSide.Outside);
        Assert.Equal(NatAction.Forward, first.Verdict.Action);
        Assert.Equal("x=AAAA", Payload(first));
        Assert.Equal(0, inspector.Calls);
    }

    [Fact]
    public void The_admitted_connection_gets_stream_inspection_with_seq_ack_shift_RFC2663_7_1()
    {
        var (engine, inspector) = Engine(nameTheInspector: true, IpProtocol.Tcp);
        Send(engine, PacketBuilder.Udp(Client, 40000, Server, 7777, "announce"u8.ToArray()), IngressSide.Inside);

        var syn = Send(engine, PacketBuilder.Tcp(Server, 5000, Outside, AnnouncedPort, TcpFlags.Syn, sequence: 100), IngressSide.Outside);
        Assert.Equal(NatAction.Forward, syn.Verdict.Action);
        Send(engine, PacketBuilder.Tcp(Client, AnnouncedPort, Server, 5000, TcpFlags.Syn | TcpFlags.Ack, sequence: 900, acknowledgment: 101), IngressSide.Inside);
        var data = Send(engine, PacketBuilder.Tcp(Server, 5000, Outside, AnnouncedPort, TcpFlags.Ack | TcpFlags.Psh, 101, 901, "AAAA\r\n"u8.ToArray()), IngressSide.Outside);

        Assert.Equal("BBBBBBBB\r\n", Payload(data));
        Assert.True(PacketBuilder.ChecksumsValid(data.Frame));
        Assert.True(inspector.Calls >= 1);

        // The client acknowledges the 10 bytes it got; the server must see its own 6 acknowledged.
        var ack = Send(engine, PacketBuilder.Tcp(Client, AnnouncedPort, Server, 5000, TcpFlags.Ack, 901, 111), IngressSide.Inside);
        Assert.Equal(107u, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(ack.Frame.AsSpan(ack.Info.TransportOffset + 8)));
    }

    [Fact]
    public void A_reload_that_turns_the_inspector_off_ends_the_inspection()
    {
        var (engine, inspector) = Engine(nameTheInspector: true);
        Send(engine, PacketBuilder.Udp(Client, 40000, Server, 7777, "announce"u8.ToArray()), IngressSide.Inside);
        Assert.Equal("x=BBBBBBBB", Payload(Send(engine, PacketBuilder.Udp(Server, 5000, Outside, AnnouncedPort, "x=AAAA"u8.ToArray()), IngressSide.Outside)));

        var policy = TestPolicies.Policy([TestPolicies.PatOnInterface()]);
        policy = policy with { Algs = [AlgPolicies.Enabled(new PinholeAskingAlg(_ => default).Descriptor)] };
        TestEngines.Reload(engine, policy);

        Assert.Equal("y=AAAA", Payload(Send(engine, PacketBuilder.Udp(Server, 5000, Outside, AnnouncedPort, "y=AAAA"u8.ToArray()), IngressSide.Outside)));
        Assert.Equal(1, inspector.Calls);
    }

    private static string Payload((NatVerdict Verdict, byte[] Frame, PacketInfo Info) sent) =>
        Encoding.ASCII.GetString(sent.Frame, sent.Info.PayloadOffset, sent.Info.PayloadLength);

    private static (NatVerdict Verdict, byte[] Frame, PacketInfo Info) Send(NatEngine engine, byte[] frame, IngressSide side)
    {
        var buffer = new byte[4096];
        frame.CopyTo(buffer, 0);
        var packet = new PacketBuffer(buffer, 0, frame.Length, buffer.Length);
        PacketDecoder.Decode(packet.Span, LinkType.Ethernet, out var info);
        var verdict = engine.Process(ref packet, ref info, NatTimeouts.Second, side);
        return (verdict, packet.Span.ToArray(), info);
    }
}
