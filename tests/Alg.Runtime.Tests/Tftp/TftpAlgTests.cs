using System.Text;
using Alg.Runtime.Algs;
using Alg.Runtime.Flows;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using Alg.Runtime.Tests.Support;
using Alg.StdlibAlgs;
using Alg.StdlibAlgs.Tftp;

namespace Alg.Runtime.Tests.Tftp;

/// <summary>The TFTP ALG (RFC 1350) through NatEngine + AlgStage, on corpus captures and built packets.</summary>
public sealed class TftpAlgTests
{
    private const string Tcpdump = "the-tcpdump-group_tcpdump__tftp.pcap";
    private const string Ndpi = "ntop_nDPI__tftp.pcap";
    private static readonly uint Outside = Ip.V4(TestPolicies.OutsideAddress);

    private static NatEngine Engine(bool tftp)
    {
        var policy = AlgPolicies.PatEverythingStrict();
        policy = tftp ? policy.WithAlgs("tftp") : policy;
        var engine = TestEngines.Nat(policy, new NatEngineOptions(FlowCapacity: 4096, MappingCapacity: 4096, ExpectationCapacity: 64));
        if (tftp)
        {
            engine.UseAlgs(new AlgStage(StandardAlgs.CreateHandlers(), TestEngines.Program(policy)));
        }

        return engine;
    }

    [Fact]
    public void Descriptor_is_the_catalog_instance()
    {
        Assert.Same(AlgCatalog.Get("tftp"), new TftpAlg().Descriptor);
        Assert.Empty(new AlgStage(StandardAlgs.CreateHandlers(), TestEngines.Program(AlgPolicies.PatEverythingStrict().WithAlgs("tftp"))).Unhandled);
    }

    [Fact]
    public void Server_answer_from_a_new_port_reaches_the_client_through_one_single_use_pinhole()
    {
        var engine = Engine(tftp: true);
        var replay = new ClientSideReplay(engine, 69).Run(Corpus.FilePath(Tcpdump));
        var counters = engine.Algs!.CountersFor("tftp");

        Assert.Equal(7, replay.Packets.Count);
        Assert.All(replay.Packets, p => Assert.Equal(NatAction.Forward, p.Verdict.Action));

        // The RRQ leaves from the gateway's address with the client's port preserved.
        var request = replay.Packets[0];
        Assert.Equal(Outside, request.After.SourceAddress);
        Assert.Equal(44935, request.After.SourcePort);
        Assert.Equal(Ip.V4("192.168.1.1"), request.After.DestinationAddress);
        Assert.Equal(69, request.After.DestinationPort);

        foreach (var packet in replay.Packets.Skip(1))
        {
            if (packet.FromClient)
            {
                // ACKs ride the flow the first answer created: out from the mapped endpoint to the server's new port.
                Assert.Equal((Outside, (ushort)44935), (packet.After.SourceAddress, packet.After.SourcePort));
                Assert.Equal((Ip.V4("192.168.1.1"), (ushort)59557), (packet.After.DestinationAddress, packet.After.DestinationPort));
            }
            else
            {
                // DATA from the server's new TID comes back to the client's private endpoint.
                Assert.Equal(Outside, packet.Before.DestinationAddress);
                Assert.Equal((Ip.V4("192.168.1.1"), (ushort)59557), (packet.After.SourceAddress, packet.After.SourcePort));
                Assert.Equal((Ip.V4("192.168.1.2"), (ushort)44935), (packet.After.DestinationAddress, packet.After.DestinationPort));
                Assert.Equal(3, ClientSideReplay.Opcode(packet));
            }

            Assert.True(PacketBuilder.ChecksumsValid(packet.Output.AsSpan(0, packet.After.PacketEnd)), $"record {packet.Number}");
        }

        Assert.Equal(1, counters.PinholesOpened);
        Assert.Equal(0, counters.Malformed);
        Assert.Equal(0, engine.Expectations.Count);
        Assert.Equal(2, engine.FlowsCreated);
        Assert.Equal(1, CountFlows(engine, FlowEntryFlags.FromExpectation));
        Assert.Equal(0, engine.Drops.Total);
    }

    /// <summary>Wireshark as the independent judge of what the ALG stage forwards.</summary>
    [RequiresTsharkTheory]
    [InlineData(Tcpdump)]
    [InlineData(Ndpi)]
    public void Tshark_finds_no_errors_or_malformed_packets_in_what_the_alg_stage_forwards(string file)
    {
        var engine = Engine(tftp: true);
        var replay = new ClientSideReplay(engine, 69).Run(Corpus.FilePath(file));
        var output = Path.Combine(Path.GetTempPath(), $"alg-tftp-{Environment.ProcessId}-{file}.pcap");
        try
        {
            using (var writer = Alg.Runtime.Capture.PcapWriter.Create(output, LinkType.Ethernet, Alg.Runtime.Capture.TimestampPrecision.Microseconds))
            {
                var time = 0L;
                foreach (var packet in replay.Packets.Where(p => p.Verdict.Action == NatAction.Forward))
                {
                    writer.Write(time += 1_000_000, packet.Output, packet.Output.Length);
                }
            }

            var errors = Tshark.Run(
                "-r", output,
                "-o", "ip.check_checksum:TRUE", "-o", "udp.check_checksum:TRUE",
                "-Y", "_ws.expert.severity >= error or _ws.malformed",
                "-T", "fields", "-e", "frame.number");
            var input = Tshark.Run(
                "-r", Corpus.FilePath(file),
                "-o", "ip.check_checksum:TRUE", "-o", "udp.check_checksum:TRUE",
                "-Y", "_ws.expert.severity >= error or _ws.malformed",
                "-T", "fields", "-e", "frame.number");
            Assert.True(
                errors.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length <= input.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length,
                $"{file}: tshark errors after the ALG stage: {errors}");
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public void Without_the_alg_the_answer_from_a_new_port_is_dropped_as_unsolicited()
    {
        var engine = Engine(tftp: false);
        var replay = new ClientSideReplay(engine, 69).Run(Corpus.FilePath(Tcpdump));

        // Only the first answer counts: the replay then has the client ACK a DATA it never got, which a real client
        // would not do, and that ACK opens the way for the rest.
        Assert.Equal(NatAction.Forward, replay.Packets[0].Verdict.Action);
        var firstAnswer = replay.Packets[1];
        Assert.False(firstAnswer.FromClient);
        Assert.Equal(NatAction.Drop, firstAnswer.Verdict.Action);
        Assert.Equal(DropReason.FilteredByEndpoint, firstAnswer.Verdict.Reason);
        Assert.Equal(0, CountFlows(engine, FlowEntryFlags.FromExpectation));
        Assert.Null(engine.Algs);
    }

    [Fact]
    public void Ndpi_capture_every_valid_request_opens_one_pinhole_and_every_answer_is_translated_back()
    {
        var engine = Engine(tftp: true);
        var replay = new ClientSideReplay(engine, 69).Run(Corpus.FilePath(Ndpi));
        var counters = engine.Algs!.CountersFor("tftp");

        Assert.Equal(109, replay.Packets.Count);
        Assert.All(replay.Packets, p => Assert.Equal(NatAction.Forward, p.Verdict.Action));
        foreach (var answer in replay.Packets.Where(p => !p.FromClient))
        {
            Assert.NotEqual(69, answer.Captured.SourcePort);
            Assert.Equal((answer.Captured.DestinationAddress, answer.Captured.DestinationPort), (answer.After.DestinationAddress, answer.After.DestinationPort));
            Assert.Equal((answer.Captured.SourceAddress, answer.Captured.SourcePort), (answer.After.SourceAddress, answer.After.SourcePort));
        }

        foreach (var sent in replay.Packets.Where(p => p.FromClient))
        {
            Assert.Equal(Outside, sent.After.SourceAddress);
        }

        // Records 1 and 2 are RRQs with an empty filename (a fuzzer's): counted, no pinhole. Records 3, 102, 103 and
        // 108 are valid RRQ/WRQs (102 is never answered, its pinhole just expires); 108 carries RFC 2347 options.
        Assert.Equal(2, counters.Malformed);
        Assert.Equal("empty filename", counters.LastMalformedReason);
        Assert.Equal(4, counters.PinholesOpened);
        Assert.Equal(0, engine.Drops.Total);

        // The capture jumps years ahead between sessions: the unanswered pinhole of record 102 has expired.
        Assert.Equal(0, engine.Expectations.Count);
    }

    [Fact]
    public void Established_transfer_allocates_nothing_per_packet()
    {
        var engine = Engine(tftp: true);
        var replay = new ClientSideReplay(engine, 69).Run(Corpus.FilePath(Tcpdump));

        // The last DATA (server's new port -> mapped endpoint) and ACK of the transfer, in a loop a millisecond apart,
        // crossing second ticks so the engine's and the stage's once-a-second sweeps run too.
        var data = replay.LastServerFrame!;
        var ack = replay.LastClientFrame!;
        var buffer = new byte[70_000];
        var now = 1433421114L * NatTimeouts.Second;
        var forwarded = 0L;
        void Loop()
        {
            for (var i = 0; i < 1000; i++)
            {
                now += 1_000_000;
                forwarded += Send(engine, buffer, data, now, IngressSide.Outside);
                forwarded += Send(engine, buffer, ack, now, IngressSide.Inside);
            }
        }

        var allocated = Allocations.Quietest(Loop);
        Assert.Equal(0, allocated);
        Assert.Equal(0, engine.Drops.Total);
        Assert.True(forwarded >= 2 * 1000 * 4, "every looped packet is forwarded");

        // Only the RRQ was inspected: the transfer rides a pinhole's flow, which no port dispatches.
        Assert.Equal(1, engine.Algs!.CountersFor("tftp").Inspected);
    }

    [Fact]
    public void Malformed_requests_open_nothing_pass_untouched_and_are_counted()
    {
        var engine = Engine(tftp: true);
        var client = Ip.V4("192.168.1.10");
        var server = Ip.V4("198.51.100.20");
        byte[][] payloads =
        [
            [0, 1, (byte)'a'],
            Encoding.ASCII.GetBytes("\0\u0009file\0octet\0"),
            Encoding.ASCII.GetBytes("\0\u0001file-without-nul"),
            Encoding.ASCII.GetBytes("\0\u0001file\0octet"),
            Encoding.ASCII.GetBytes("\0\u0001file\0binary\0"),
        ];
        var port = (ushort)40000;
        var t = 1L;
        foreach (var payload in payloads)
        {
            var (verdict, frame, info) = Send(engine, PacketBuilder.Udp(client, port, server, 69, payload), t, IngressSide.Inside);
            Assert.Equal(NatAction.Forward, verdict.Action);
            Assert.Equal(payload, frame.AsSpan(info.PayloadOffset, info.PayloadLength).ToArray());

            // The server's answer from a new port finds no pinhole.
            var answer = PacketBuilder.Udp(server, 50000, Outside, info.SourcePort, [0, 5, 0, 1, 0]);
            Assert.Equal(DropReason.FilteredByEndpoint, Send(engine, answer, t, IngressSide.Outside).Verdict.Reason);
            port++;
            t++;
        }

        var counters = engine.Algs!.CountersFor("tftp");
        Assert.Equal(payloads.Length, counters.Malformed);
        Assert.Equal(0, counters.PinholesOpened);
        Assert.Equal(0, engine.Expectations.Count);
    }

    [Fact]
    public void Port_forwarded_server_answers_from_a_new_port_through_an_inside_pinhole()
    {
        var serverInside = Ip.V4("192.168.1.10");
        var client = Ip.V4("198.51.100.7");
        var policy = TestPolicies.Policy(
            [TestPolicies.PortForward(Alg.Policy.Model.TransportProtocol.Udp, "192.168.1.10", 69, 69), TestPolicies.PatOnInterface()],
            TestPolicies.Behavior(filtering: Alg.Policy.Model.FilteringBehavior.AddressAndPortDependent)).WithAlgs("tftp");
        var engine = TestEngines.Nat(policy, new NatEngineOptions(FlowCapacity: 256, MappingCapacity: 256, ExpectationCapacity: 16));
        engine.UseAlgs(new AlgStage(StandardAlgs.CreateHandlers(), TestEngines.Program(policy)));

        var request = Send(engine, PacketBuilder.Udp(client, 40000, Outside, 69, Encoding.ASCII.GetBytes("\0\u0001boot.bin\0octet\0")), 1, IngressSide.Outside);
        Assert.Equal((serverInside, (ushort)69), (request.Info.DestinationAddress, request.Info.DestinationPort));
        Assert.Equal(1, engine.Expectations.Count);

        var data = Send(engine, PacketBuilder.Udp(serverInside, 50001, client, 40000, [0, 3, 0, 1, 0x41]), 1, IngressSide.Inside);
        Assert.Equal(NatAction.Forward, data.Verdict.Action);
        Assert.Equal((Outside, client, (ushort)40000), (data.Info.SourceAddress, data.Info.DestinationAddress, data.Info.DestinationPort));
        Assert.Equal(0, engine.Expectations.Count);
        Assert.Equal(1, CountFlows(engine, FlowEntryFlags.FromExpectation));

        var ack = Send(engine, PacketBuilder.Udp(client, 40000, Outside, data.Info.SourcePort, [0, 4, 0, 1]), 1, IngressSide.Outside);
        Assert.Equal(NatAction.Forward, ack.Verdict.Action);
        Assert.Equal((serverInside, (ushort)50001), (ack.Info.DestinationAddress, ack.Info.DestinationPort));
    }

    [Fact]
    public void A_transfer_keeps_its_mapping_after_the_request_flow_idles_out()
    {
        var policy = TestPolicies.Policy(
            [TestPolicies.PatOnInterface()],
            TestPolicies.Behavior(filtering: Alg.Policy.Model.FilteringBehavior.AddressAndPortDependent),
            timeouts: new Dictionary<string, long?> { ["udp"] = 120 }).WithAlgs("tftp");
        var engine = TestEngines.Nat(policy, new NatEngineOptions(FlowCapacity: 256, MappingCapacity: 256, ExpectationCapacity: 16));
        engine.UseAlgs(new AlgStage(StandardAlgs.CreateHandlers(), TestEngines.Program(policy)));
        var client = Ip.V4("192.168.1.10");
        var server = Ip.V4("198.51.100.20");
        Send(engine, PacketBuilder.Udp(client, 40000, server, 69, Encoding.ASCII.GetBytes("\0\u0001big.img\0octet\0")), 0, IngressSide.Inside);

        // A slow transfer: one block every 60 s for 10 minutes; the RRQ's flow idles out after 120 s.
        for (var t = 1L; t <= 600; t += 60)
        {
            Assert.Equal(NatAction.Forward, Send(engine, PacketBuilder.Udp(server, 50000, Outside, 40000, [0, 3, 0, 1, 0x41]), t, IngressSide.Outside).Verdict.Action);
            Assert.Equal(NatAction.Forward, Send(engine, PacketBuilder.Udp(client, 40000, server, 50000, [0, 4, 0, 1]), t, IngressSide.Inside).Verdict.Action);
        }

        Assert.Equal(1, engine.FlowsExpired);

        // The transfer's mapping still owns port 40000: another host asking for it gets another port.
        var other = Send(engine, PacketBuilder.Udp(Ip.V4("192.168.1.11"), 40000, Ip.V4("198.51.100.99"), 53, [1, 2, 3]), 601, IngressSide.Inside);
        Assert.Equal(NatAction.Forward, other.Verdict.Action);
        Assert.NotEqual(40000, other.Info.SourcePort);
    }

    [Fact]
    public void Retransmitted_request_replaces_its_pinhole()
    {
        var engine = Engine(tftp: true);
        var rrq = PacketBuilder.Udp(Ip.V4("192.168.1.10"), 40000, Ip.V4("198.51.100.20"), 69, Encoding.ASCII.GetBytes("\0\u0001f\0octet\0"));
        Send(engine, rrq, 1, IngressSide.Inside);
        Send(engine, rrq, 2, IngressSide.Inside);
        Assert.Equal(2, engine.Algs!.CountersFor("tftp").PinholesOpened);
        Assert.Equal(1, engine.Expectations.Count);
    }

    [Fact]
    public void Pinhole_admits_only_the_server_address()
    {
        var engine = Engine(tftp: true);
        var rrq = Send(engine, PacketBuilder.Udp(Ip.V4("192.168.1.10"), 40000, Ip.V4("198.51.100.20"), 69, Encoding.ASCII.GetBytes("\0\u0001f\0octet\0")), 1, IngressSide.Inside);
        var stranger = PacketBuilder.Udp(Ip.V4("198.51.100.99"), 50000, Outside, rrq.Info.SourcePort, [0, 3, 0, 1]);
        Assert.Equal(DropReason.FilteredByEndpoint, Send(engine, stranger, 2, IngressSide.Outside).Verdict.Reason);
        Assert.Equal(1, engine.Expectations.Count);
    }

    private static (NatVerdict Verdict, byte[] Frame, PacketInfo Info) Send(NatEngine engine, byte[] frame, long seconds, IngressSide side)
    {
        var buffer = new byte[70_000];
        frame.CopyTo(buffer, 0);
        var packet = new PacketBuffer(buffer, 0, frame.Length, buffer.Length);
        PacketDecoder.Decode(packet.Span, LinkType.Ethernet, out var info);
        var verdict = engine.Process(ref packet, ref info, seconds * NatTimeouts.Second, side);
        return (verdict, packet.Span.ToArray(), info);
    }

    private static int Send(NatEngine engine, byte[] buffer, byte[] frame, long now, IngressSide side)
    {
        frame.CopyTo(buffer, 0);
        var packet = new PacketBuffer(buffer, 0, frame.Length, buffer.Length);
        return engine.Process(ref packet, LinkType.Ethernet, now, side).Action == NatAction.Forward ? 1 : 0;
    }

    private static int CountFlows(NatEngine engine, FlowEntryFlags flag)
    {
        var count = 0;
        for (var i = 0; i < engine.Flows.Capacity; i++)
        {
            ref var flow = ref engine.Flows[i];
            if ((flow.Flags & FlowEntryFlags.InUse) != 0 && (flow.Flags & flag) != 0)
            {
                count++;
            }
        }

        return count;
    }
}
