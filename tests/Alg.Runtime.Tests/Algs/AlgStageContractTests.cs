using System.Buffers.Binary;
using System.Text;
using Alg.Policy.Algs;
using Alg.Runtime.Algs;
using Alg.Runtime.Flows;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using Alg.Runtime.Tests.Support;

namespace Alg.Runtime.Tests.Algs;

/// <summary>The ALG contract: the stage applies an ALG's rewrites (lengths, checksums, TCP seq/ack per RFC 2663 §7.1).</summary>
public sealed class AlgStageContractTests
{
    private static readonly uint Client = Ip.V4("192.168.1.10");
    private static readonly uint Server = Ip.V4("198.51.100.20");
    private static readonly uint Outside = Ip.V4(TestPolicies.OutsideAddress);

    private static (NatEngine Engine, ReplacingAlg Alg) Engine(string replacement, bool consumeLines = true, bool recordData = true)
    {
        var policy = TestPolicies.Policy([TestPolicies.PatOnInterface()]);
        policy = policy with { Algs = [AlgPolicies.Enabled(ReplacingAlg.TestDescriptor)] };
        var alg = new ReplacingAlg(replacement, consumeLines, recordData);
        var engine = TestEngines.Nat(policy, new NatEngineOptions(FlowCapacity: 256, MappingCapacity: 256, ExpectationCapacity: 16));
        engine.UseAlgs(new AlgStage([alg], TestEngines.Program(policy)));
        return (engine, alg);
    }

    [Theory]
    [InlineData("BBBBBBBB", true)]
    [InlineData("B", true)]
    [InlineData("BBBBBBBB", false)]
    public void Udp_rewrite_changes_length_and_keeps_lengths_and_checksums_right(string replacement, bool withChecksum)
    {
        var (engine, alg) = Engine(replacement);
        var frame = PacketBuilder.Udp(Client, 40000, Server, 7777, Encoding.ASCII.GetBytes("x=AAAA;y=AAAA"), withChecksum);
        var (verdict, output, info) = Send(engine, frame, IngressSide.Inside);

        Assert.Equal(NatAction.Forward, verdict.Action);
        var expected = $"x={replacement};y={replacement}";
        Assert.Equal(expected, Encoding.ASCII.GetString(output, info.PayloadOffset, info.PayloadLength));
        Assert.Equal(frame.Length + (2 * (replacement.Length - 4)), output.Length);
        Assert.Equal(output.Length - 14, BinaryPrimitives.ReadUInt16BigEndian(output.AsSpan(14 + 2)));
        Assert.Equal(8 + expected.Length, BinaryPrimitives.ReadUInt16BigEndian(output.AsSpan(info.TransportOffset + 4)));
        Assert.True(PacketBuilder.ChecksumsValid(output));
        Assert.Equal(withChecksum, BinaryPrimitives.ReadUInt16BigEndian(output.AsSpan(info.TransportOffset + 6)) != 0);
        Assert.Equal(Outside, info.SourceAddress);
        Assert.Equal(2, engine.Algs!.CountersFor("test-replace").RewritesApplied);

        // What the ALG was told about the flow.
        var context = alg.LastContext;
        Assert.Equal(AlgDirection.Original, context.Direction);
        Assert.Equal(new AlgEndpoint(Client, 40000), context.Inside);
        Assert.Equal(new AlgEndpoint(Outside, 40000), context.Mapped);
        Assert.Equal(new AlgEndpoint(Server, 7777), context.Remote);
        Assert.True(context.Translated);
        Assert.True(context.InsideInitiated);
        Assert.Equal(FlowSide.Inside, context.ArrivalSide);
        Assert.Equal(verdict.Flow, context.Flow);
    }

    [Fact]
    public void Only_the_responder_port_selects_an_alg()
    {
        var (engine, alg) = Engine("B");
        var (_, output, info) = Send(engine, PacketBuilder.Udp(Client, 7777, Server, 9999, Encoding.ASCII.GetBytes("AAAA")), IngressSide.Inside);
        Assert.Equal(0, alg.Calls);
        Assert.Equal("AAAA", Encoding.ASCII.GetString(output, info.PayloadOffset, info.PayloadLength));
    }

    [Fact]
    public void Tcp_length_change_shifts_seq_and_ack_of_every_later_segment_RFC2663_7_1()
    {
        var (engine, _) = Engine("BBBBBBBB");
        Send(engine, PacketBuilder.Tcp(Client, 40000, Server, 7777, TcpFlags.Syn, sequence: 1000), IngressSide.Inside);
        var synAck = Send(engine, PacketBuilder.Tcp(Server, 7777, Outside, 40000, TcpFlags.Syn | TcpFlags.Ack, sequence: 5000, acknowledgment: 1001), IngressSide.Outside);
        Assert.Equal(NatAction.Forward, synAck.Verdict.Action);
        Send(engine, PacketBuilder.Tcp(Client, 40000, Server, 7777, TcpFlags.Ack, 1001, 5001), IngressSide.Inside);

        // 5 bytes become 9: the segment keeps its start, everything after moves by +4.
        var first = Send(engine, PacketBuilder.Tcp(Client, 40000, Server, 7777, TcpFlags.Ack | TcpFlags.Psh, 1001, 5001, "AAAA\n"u8), IngressSide.Inside);
        Assert.Equal("BBBBBBBB\n", Payload(first));
        Assert.Equal((1001u, 5001u), SeqAck(first.Frame, first.Info));
        Assert.True(PacketBuilder.ChecksumsValid(first.Frame));

        // The server acknowledges the 9 bytes it got; the client must see an ACK of its 5.
        var ack = Send(engine, PacketBuilder.Tcp(Server, 7777, Outside, 40000, TcpFlags.Ack, 5001, 1010), IngressSide.Outside);
        Assert.Equal((5001u, 1006u), SeqAck(ack.Frame, ack.Info));
        Assert.True(PacketBuilder.ChecksumsValid(ack.Frame));

        var second = Send(engine, PacketBuilder.Tcp(Client, 40000, Server, 7777, TcpFlags.Ack | TcpFlags.Psh, 1006, 5001, "hello\n"u8), IngressSide.Inside);
        Assert.Equal("hello\n", Payload(second));
        Assert.Equal((1010u, 5001u), SeqAck(second.Frame, second.Info));
        Assert.True(PacketBuilder.ChecksumsValid(second.Frame));

        var retransmission = Send(engine, PacketBuilder.Tcp(Client, 40000, Server, 7777, TcpFlags.Ack | TcpFlags.Psh, 1006, 5001, "hello\n"u8), IngressSide.Inside);
        Assert.Equal((1010u, 5001u), SeqAck(retransmission.Frame, retransmission.Info));

        var serverData = Send(engine, PacketBuilder.Tcp(Server, 7777, Outside, 40000, TcpFlags.Ack | TcpFlags.Psh, 5001, 1016, "ok\n"u8), IngressSide.Outside);
        Assert.Equal((5001u, 1012u), SeqAck(serverData.Frame, serverData.Info));
        Assert.Equal("ok\n", Payload(serverData));
        Assert.True(PacketBuilder.ChecksumsValid(serverData.Frame));

        var counters = engine.Algs!.CountersFor("test-replace");
        Assert.Equal(1, counters.RewritesApplied);
        Assert.Equal(1, engine.Algs.TrackedFlows);
    }

    [Fact]
    public void Reconfiguring_the_alg_off_keeps_the_shift_of_a_rewritten_connection()
    {
        var (engine, alg) = Engine("BBBBBBBB");
        Send(engine, PacketBuilder.Tcp(Client, 40000, Server, 7777, TcpFlags.Syn, sequence: 1000), IngressSide.Inside);
        Send(engine, PacketBuilder.Tcp(Server, 7777, Outside, 40000, TcpFlags.Syn | TcpFlags.Ack, sequence: 5000, acknowledgment: 1001), IngressSide.Outside);
        Send(engine, PacketBuilder.Tcp(Client, 40000, Server, 7777, TcpFlags.Ack | TcpFlags.Psh, 1001, 5001, "AAAA\n"u8), IngressSide.Inside);
        var calls = alg.Calls;

        var off = TestPolicies.Policy([TestPolicies.PatOnInterface()]);
        TestEngines.Reload(engine, off);
        Assert.Equal(-1, engine.Algs!.Dispatch(6, 7777));

        var second = Send(engine, PacketBuilder.Tcp(Client, 40000, Server, 7777, TcpFlags.Ack | TcpFlags.Psh, 1006, 5001, "AAAA\n"u8), IngressSide.Inside);
        Assert.Equal((1010u, 5001u), SeqAck(second.Frame, second.Info));
        Assert.Equal("AAAA\n", Payload(second));
        var ack = Send(engine, PacketBuilder.Tcp(Server, 7777, Outside, 40000, TcpFlags.Ack, 5001, 1015), IngressSide.Outside);
        Assert.Equal((5001u, 1011u), SeqAck(ack.Frame, ack.Info));
        Assert.Equal(calls, alg.Calls);
        Assert.Equal(1, engine.Algs.CountersFor("test-replace").RewritesApplied);
    }

    [Fact]
    public void Tcp_alg_sees_messages_split_across_segments_but_cannot_rewrite_bytes_already_forwarded()
    {
        var (engine, alg) = Engine("BBBBBBBB");
        Send(engine, PacketBuilder.Tcp(Client, 40000, Server, 7777, TcpFlags.Syn, sequence: 1000), IngressSide.Inside);
        Send(engine, PacketBuilder.Tcp(Server, 7777, Outside, 40000, TcpFlags.Syn | TcpFlags.Ack, sequence: 5000, acknowledgment: 1001), IngressSide.Outside);

        var head = Send(engine, PacketBuilder.Tcp(Client, 40000, Server, 7777, TcpFlags.Ack, 1001, 5001, "xx AA"u8), IngressSide.Inside);
        Assert.Equal("xx AA", Payload(head));

        // The ALG sees the whole line, but "AAAA" starts in the bytes the previous segment already carried.
        var tail = Send(engine, PacketBuilder.Tcp(Client, 40000, Server, 7777, TcpFlags.Ack, 1006, 5001, "AA\n"u8), IngressSide.Inside);
        Assert.Equal("xx AAAA\n", Encoding.ASCII.GetString(alg.LastData));
        Assert.Equal(5, alg.LastContext.PacketStart);
        Assert.Equal("AA\n", Payload(tail));
        Assert.Equal(1, engine.Algs!.CountersFor("test-replace").RewritesRefused);

        // The consumed line left the buffer; the next one is rewritten in place.
        var next = Send(engine, PacketBuilder.Tcp(Client, 40000, Server, 7777, TcpFlags.Ack, 1009, 5001, "AAAA\n"u8), IngressSide.Inside);
        Assert.Equal("AAAA\n", Encoding.ASCII.GetString(alg.LastData));
        Assert.Equal("BBBBBBBB\n", Payload(next));
        Assert.Equal((1009u, 5001u), SeqAck(next.Frame, next.Info));
        Assert.True(PacketBuilder.ChecksumsValid(next.Frame));
    }

    [Fact]
    public void Tcp_out_of_order_segment_is_inspected_when_the_gap_fills()
    {
        var (engine, alg) = Engine("B");
        Send(engine, PacketBuilder.Tcp(Client, 40000, Server, 7777, TcpFlags.Syn, sequence: 1000), IngressSide.Inside);
        Send(engine, PacketBuilder.Tcp(Server, 7777, Outside, 40000, TcpFlags.Syn | TcpFlags.Ack, sequence: 5000, acknowledgment: 1001), IngressSide.Outside);

        var later = Send(engine, PacketBuilder.Tcp(Client, 40000, Server, 7777, TcpFlags.Ack, 1004, 5001, "x\n"u8), IngressSide.Inside);
        Assert.Equal(0, alg.Calls);
        Assert.Equal("x\n", Payload(later));
        Send(engine, PacketBuilder.Tcp(Client, 40000, Server, 7777, TcpFlags.Ack, 1001, 5001, "ab "u8), IngressSide.Inside);
        Assert.Equal("ab x\n", Encoding.ASCII.GetString(alg.LastData));
    }

    [Fact]
    public void Tcp_alg_flow_with_a_shift_allocates_nothing_per_segment()
    {
        var (engine, alg) = Engine("BBBBBBBB", recordData: false);
        Send(engine, PacketBuilder.Tcp(Client, 40000, Server, 7777, TcpFlags.Syn, sequence: 1000), IngressSide.Inside);
        Send(engine, PacketBuilder.Tcp(Server, 7777, Outside, 40000, TcpFlags.Syn | TcpFlags.Ack, sequence: 5000, acknowledgment: 1001), IngressSide.Outside);
        Send(engine, PacketBuilder.Tcp(Client, 40000, Server, 7777, TcpFlags.Ack | TcpFlags.Psh, 1001, 5001, "AAAA\n"u8), IngressSide.Inside);

        // Then line after line from the client, each inspected and shifted by +4, each acknowledged by the server.
        var data = PacketBuilder.Tcp(Client, 40000, Server, 7777, TcpFlags.Ack | TcpFlags.Psh, 1006, 5001, "hello\n"u8);
        var ack = PacketBuilder.Tcp(Server, 7777, Outside, 40000, TcpFlags.Ack, 5001, 1016);
        var buffer = new byte[70_000];
        var sequence = 1006u;
        var forwarded = 0;
        var now = NatTimeouts.Second;
        void Loop()
        {
            for (var i = 0; i < 1000; i++)
            {
                now += 1_000_000;
                SetSequence(data, 4, sequence);
                SetSequence(ack, 8, sequence + 6 + 4);
                sequence += 6;
                forwarded += SendInto(engine, buffer, data, now, IngressSide.Inside);
                forwarded += SendInto(engine, buffer, ack, now, IngressSide.Outside);
            }
        }

        Assert.Equal(0, Allocations.Quietest(Loop));
        Assert.Equal(0, engine.Drops.Total);
        Assert.True(forwarded >= 8000);
        Assert.True(alg.Calls >= 4001);
    }

    [Fact]
    public void An_alg_announces_the_public_port_its_media_will_really_use()
    {
        var policy = TestPolicies.Policy([TestPolicies.PatOnInterface()], TestPolicies.Behavior(portPreservation: false))
            with { Algs = [AlgPolicies.Enabled(AnnouncingAlg.TestDescriptor)] };
        var engine = TestEngines.Nat(policy, new NatEngineOptions(FlowCapacity: 64, MappingCapacity: 64, ExpectationCapacity: 4));
        engine.UseAlgs(new AlgStage([new AnnouncingAlg()], TestEngines.Program(policy)));

        var signalling = Send(engine, PacketBuilder.Udp(Client, 40000, Server, 7778, "port=06000"u8), IngressSide.Inside);
        var announced = ushort.Parse(Encoding.ASCII.GetString(signalling.Frame, signalling.Info.PayloadOffset + 5, 5), System.Globalization.CultureInfo.InvariantCulture);
        Assert.NotEqual(6000, announced);
        Assert.True(PacketBuilder.ChecksumsValid(signalling.Frame));

        var media = Send(engine, PacketBuilder.Udp(Client, 6000, Server, 30000, [1, 2, 3]), IngressSide.Inside);
        Assert.Equal((Outside, announced), (media.Info.SourceAddress, media.Info.SourcePort));
    }

    [Fact]
    public void Dispatch_follows_the_programs_ports()
    {
        // TFTP moved to 6969: the lowered program binds that port only, and the walk dispatches by it.
        var policy = AlgPolicies.PatEverythingStrict() with
        {
            Algs = [AlgPolicies.Enabled(Alg.StdlibAlgs.AlgCatalog.Get("tftp"), [new AlgPort(Alg.Policy.Model.TransportProtocol.Udp, 6969)])],
        };
        var engine = TestEngines.Nat(policy, new NatEngineOptions(FlowCapacity: 64, MappingCapacity: 64, ExpectationCapacity: 4));
        var stage = new AlgStage(Alg.StdlibAlgs.StandardAlgs.CreateHandlers(), TestEngines.Program(policy));
        engine.UseAlgs(stage);
        Assert.Equal(0, stage.Dispatch(17, 6969));
        Assert.Equal(-1, stage.Dispatch(17, 69));

        var rrq = "\0\u0001f\0octet\0"u8.ToArray();
        Send(engine, PacketBuilder.Udp(Client, 40000, Server, 69, rrq), IngressSide.Inside);
        Assert.Equal(0, engine.Expectations.Count);
        Send(engine, PacketBuilder.Udp(Client, 40001, Server, 6969, rrq), IngressSide.Inside);
        Assert.Equal(1, engine.Expectations.Count);
    }

    [Fact]
    public void Output_flags_rewrites_out_of_order_and_bounds_its_buffers()
    {
        var rewrites = new AlgRewrite[2];
        var bytes = new byte[4];
        var pinholes = new AlgPinholeRequest[1];
        var output = new AlgOutput(rewrites, bytes, pinholes);
        Assert.True(output.TryRewrite(10, 2, "ab"u8));
        Assert.False(output.RewritesOutOfOrder);
        Assert.False(output.TryRewrite(12, 0, "abc"u8));
        Assert.True(output.TryRewrite(5, 1, "c"u8));
        Assert.True(output.RewritesOutOfOrder);
        Assert.False(output.TryRewrite(20, 1, "d"u8));
        var spec = new ExpectationSpec(17, FlowSide.Outside, ExpectedPeer.Exactly(1, 2), 3, 4, 5, 6, 1, false, FlowId.None, 1);
        Assert.True(output.TryRequestPinhole(spec));
        Assert.False(output.TryRequestPinhole(spec));
        Assert.Equal(2, output.RewriteCount);
    }

    [Fact]
    public void Out_of_order_rewrites_are_refused_whole()
    {
        var policy = TestPolicies.Policy([TestPolicies.PatOnInterface()]) with { Algs = [AlgPolicies.Enabled(ReplacingAlg.TestDescriptor)] };
        var engine = TestEngines.Nat(policy, new NatEngineOptions(FlowCapacity: 64, MappingCapacity: 64, ExpectationCapacity: 4));
        engine.UseAlgs(new AlgStage([new BackwardsAlg()], TestEngines.Program(policy)));
        var (verdict, output, info) = Send(engine, PacketBuilder.Udp(Client, 40000, Server, 7777, "0123456789"u8), IngressSide.Inside);
        Assert.Equal(NatAction.Forward, verdict.Action);
        Assert.Equal("0123456789", Encoding.ASCII.GetString(output, info.PayloadOffset, info.PayloadLength));
        Assert.Equal(2, engine.Algs!.CountersFor("test-replace").RewritesRefused);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_alg_that_throws_is_counted_and_the_packet_passes_untouched(bool tcp)
    {
        var policy = TestPolicies.Policy([TestPolicies.PatOnInterface()]) with { Algs = [AlgPolicies.Enabled(ReplacingAlg.TestDescriptor)] };
        var engine = TestEngines.Nat(policy, new NatEngineOptions(FlowCapacity: 64, MappingCapacity: 64, ExpectationCapacity: 4));
        engine.UseAlgs(new AlgStage([new ThrowingAlg()], TestEngines.Program(policy)));
        if (tcp)
        {
            Send(engine, PacketBuilder.Tcp(Client, 40000, Server, 7777, TcpFlags.Syn, sequence: 1000), IngressSide.Inside);
        }

        var frame = tcp
            ? PacketBuilder.Tcp(Client, 40000, Server, 7777, TcpFlags.Ack, 1001, 1, "0123"u8)
            : PacketBuilder.Udp(Client, 40000, Server, 7777, "0123"u8);
        var (verdict, output, info) = Send(engine, frame, IngressSide.Inside);
        Assert.Equal(NatAction.Forward, verdict.Action);
        Assert.Equal("0123", Encoding.ASCII.GetString(output, info.PayloadOffset, info.PayloadLength));
        var counters = engine.Algs!.CountersFor("test-replace");
        Assert.Equal(1, counters.Failures);
        Assert.Equal(nameof(IndexOutOfRangeException), counters.LastFailure);
        Assert.Equal(0, counters.RewritesApplied);
    }

    [Fact]
    public void Enabled_alg_without_implementation_is_reported_and_its_flows_pass()
    {
        var policy = TestPolicies.Policy([TestPolicies.PatOnInterface()]).WithAlgs("skinny", "tftp");
        var stage = new AlgStage(Alg.StdlibAlgs.StandardAlgs.CreateHandlers(), TestEngines.Program(policy));
        Assert.Equal(["skinny"], stage.Unhandled);
        Assert.Equal(0, stage.Dispatch(6, 2000));
        Assert.Equal(1, stage.Dispatch(17, 69));
        Assert.Equal(-1, stage.Dispatch(6, 69));
    }

    private static void SetSequence(byte[] frame, int fieldOffset, uint value)
    {
        var field = frame.AsSpan(PacketBuilder.EthernetHeader + 20 + fieldOffset);
        var checksumField = frame.AsSpan(PacketBuilder.EthernetHeader + 20 + 16);
        var old = BinaryPrimitives.ReadUInt32BigEndian(field);
        BinaryPrimitives.WriteUInt32BigEndian(field, value);
        BinaryPrimitives.WriteUInt16BigEndian(checksumField, Alg.Runtime.Checksums.IncrementalChecksum.Update(BinaryPrimitives.ReadUInt16BigEndian(checksumField), old, value));
    }

    [Fact]
    public void Typed_settings_are_built_once_per_configuration_not_per_packet()
    {
        var alg = new SettingsCountingAlg();
        var policy = TestPolicies.Policy([TestPolicies.PatOnInterface()]);
        policy = policy with { Algs = [AlgPolicies.Enabled(SettingsCountingAlg.TestDescriptor)] };
        var engine = TestEngines.Nat(policy, new NatEngineOptions(FlowCapacity: 256, MappingCapacity: 256, ExpectationCapacity: 16));
        engine.UseAlgs(new AlgStage([alg], TestEngines.Program(policy)));
        for (var i = 0; i < 20; i++)
        {
            Send(engine, PacketBuilder.Udp(Client, (ushort)(40000 + (i % 3)), Server, 7777, "x"u8.ToArray()), IngressSide.Inside);
        }

        Assert.Equal(1, alg.SettingsBuilt);
        Assert.Equal(5, Assert.IsType<System.Runtime.CompilerServices.StrongBox<long>>(alg.LastSettings).Value);

        // A reload builds them again from the new options; the packets after it see the new settings.
        var limit = AlgOptionValue.FromNumber(AlgOptionKind.Integer, 9);
        var reloaded = policy with { Algs = [AlgPolicies.Enabled(SettingsCountingAlg.TestDescriptor) with { Options = System.Collections.Immutable.ImmutableSortedDictionary<string, AlgOptionValue>.Empty.Add("limit", limit) }] };
        TestEngines.Reload(engine, reloaded);
        Send(engine, PacketBuilder.Udp(Client, 40000, Server, 7777, "x"u8.ToArray()), IngressSide.Inside);

        Assert.Equal(2, alg.SettingsBuilt);
        Assert.Equal(9, Assert.IsType<System.Runtime.CompilerServices.StrongBox<long>>(alg.LastSettings).Value);
    }

    private static int SendInto(NatEngine engine, byte[] buffer, byte[] frame, long now, IngressSide side)
    {
        frame.CopyTo(buffer, 0);
        var packet = new PacketBuffer(buffer, 0, frame.Length, buffer.Length);
        return engine.Process(ref packet, LinkType.Ethernet, now, side).Action == NatAction.Forward ? 1 : 0;
    }

    private static string Payload((NatVerdict Verdict, byte[] Frame, PacketInfo Info) sent) =>
        Encoding.ASCII.GetString(sent.Frame, sent.Info.PayloadOffset, sent.Info.PayloadLength);

    private static (uint Seq, uint Ack) SeqAck(byte[] frame, PacketInfo info) =>
        (BinaryPrimitives.ReadUInt32BigEndian(frame.AsSpan(info.TransportOffset + 4)), BinaryPrimitives.ReadUInt32BigEndian(frame.AsSpan(info.TransportOffset + 8)));

    private static (NatVerdict Verdict, byte[] Frame, PacketInfo Info) Send(NatEngine engine, byte[] frame, IngressSide side)
    {
        var buffer = new byte[70_000];
        frame.CopyTo(buffer, 0);
        var packet = new PacketBuffer(buffer, 0, frame.Length, buffer.Length);
        PacketDecoder.Decode(packet.Span, LinkType.Ethernet, out var info);
        var verdict = engine.Process(ref packet, ref info, NatTimeouts.Second, side);
        return (verdict, packet.Span.ToArray(), info);
    }
}
