using System.Buffers.Binary;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using Alg.Runtime.Tests.Support;
using Alg.StdlibAlgs.Sctp;

namespace Alg.Runtime.Tests.Sctp;

/// <summary>
/// SCTP stateful inspection through NatEngine + AlgStage on both policy engines (RFC 9260): an association behind PAT
/// from INIT to SHUTDOWN COMPLETE with its ports translated and a valid CRC32c; each anomaly class dropped and counted by
/// its reason; the verification-tag exceptions; multi-homed addresses in INIT and INIT ACK under NAT; state timeouts.
/// </summary>
public sealed class SctpAlgTests
{
    private const ushort ClientPort = 5000;
    private const ushort ServerPort = 2905;
    private const uint ClientTag = 0x11111111;
    private const uint ServerTag = 0x22222222;
    private static readonly uint Server = AlgHarness.Server;
    private static readonly uint OtherServerAddress = Ip.V4("203.0.113.21");

    private static AlgHarness Gateway()
    {
        // Ports not preserved: every packet's port changes, so every packet's CRC32c is recomputed.
        var policy = TestPolicies.Policy(
            [TestPolicies.PatOnInterface() with { RealAddresses = [] }],
            TestPolicies.Behavior(filtering: Alg.Policy.Model.FilteringBehavior.AddressAndPortDependent, portPreservation: false));
        return new AlgHarness("sctp", 0, policy, default, FtpEngine.Both);
    }

    private sealed class Association(AlgHarness gateway)
    {
        public ushort MappedPort { get; private set; }

        public SentPacket Out(uint tag, params byte[][] chunks)
        {
            var sent = gateway.Send(TunnelPackets.Sctp(AlgHarness.Client, ClientPort, Server, ServerPort, tag, chunks), IngressSide.Inside);
            if (sent.Forwarded)
            {
                MappedPort = sent.Info.SourcePort;
            }

            return sent;
        }

        public SentPacket In(uint tag, params byte[][] chunks) => From(Server, tag, chunks);

        public SentPacket From(uint address, uint tag, params byte[][] chunks) =>
            gateway.Send(TunnelPackets.Sctp(address, ServerPort, AlgHarness.Public, MappedPort, tag, chunks), IngressSide.Outside);

        public void Establish()
        {
            Assert.True(Out(0, SctpChunks.Init(ClientTag)).Forwarded);
            Assert.True(In(ClientTag, SctpChunks.InitAck(ServerTag)).Forwarded);
            Assert.True(Out(ServerTag, SctpChunks.CookieEcho()).Forwarded);
            Assert.True(In(ClientTag, SctpChunks.CookieAck()).Forwarded);
        }
    }

    private static void AssertValid(SentPacket sent)
    {
        Assert.True(sent.Forwarded, $"dropped: {sent.Verdict.Reason}");
        Assert.True(TunnelPackets.SctpChecksumValid(sent.Frame), "bad CRC32c");
        Assert.True(PacketBuilder.ChecksumsValid(sent.Frame));
    }

    [Fact]
    public void An_association_from_init_to_shutdown_complete_passes_with_its_ports_translated_and_a_valid_crc32c_rfc9260_5_and_9_2()
    {
        var gateway = Gateway();
        var association = new Association(gateway);

        var init = association.Out(0, SctpChunks.Init(ClientTag));
        AssertValid(init);
        Assert.Equal(AlgHarness.Public, init.Info.SourceAddress);
        Assert.NotEqual(ClientPort, init.Info.SourcePort);
        var initAck = association.In(ClientTag, SctpChunks.InitAck(ServerTag));
        AssertValid(initAck);
        Assert.Equal((AlgHarness.Client, ClientPort), (initAck.Info.DestinationAddress, initAck.Info.DestinationPort));
        AssertValid(association.Out(ServerTag, SctpChunks.CookieEcho(), SctpChunks.Data(1)));
        AssertValid(association.In(ClientTag, SctpChunks.CookieAck(), SctpChunks.Sack(1)));
        for (uint tsn = 2; tsn < 6; tsn++)
        {
            AssertValid(association.Out(ServerTag, SctpChunks.Data(tsn)));
            AssertValid(association.In(ClientTag, SctpChunks.Sack(tsn), SctpChunks.Data(100 + tsn)));
        }

        AssertValid(association.Out(ServerTag, SctpChunks.Heartbeat()));
        AssertValid(association.In(ClientTag, SctpChunks.Heartbeat(5)));
        AssertValid(association.Out(ServerTag, SctpChunks.Shutdown(105)));
        AssertValid(association.In(ClientTag, SctpChunks.ShutdownAck()));
        AssertValid(association.Out(ServerTag, SctpChunks.ShutdownComplete()));
        Assert.Equal(0, gateway.Counters.PolicyDrops);
        Assert.Equal(0, gateway.Counters.Failures);
    }

    [Fact]
    public void A_wrong_verification_tag_is_dropped_and_counted_rfc9260_8_5()
    {
        var gateway = Gateway();
        var association = new Association(gateway);
        association.Establish();

        Assert.Equal(DropReason.AlgPolicyViolation, association.In(0xBADBAD, SctpChunks.Data(7)).Verdict.Reason);
        Assert.Equal(DropReason.AlgPolicyViolation, association.Out(ClientTag, SctpChunks.Data(7)).Verdict.Reason);
        Assert.Equal(2, gateway.Counters.PolicyDropsBy[SctpInspectorReasons.BadTag]);

        // An INIT carries tag 0 (§8.5.1 A); an INIT whose Initiate Tag is 0 is refused (§3.3.2).
        var other = new Association(Gateway());
        Assert.False(other.Out(5, SctpChunks.Init(ClientTag)).Forwarded);
        Assert.False(other.Out(0, SctpChunks.Init(0)).Forwarded);
    }

    [Fact]
    public void Abort_and_shutdown_complete_with_t_set_carry_the_senders_own_tag_rfc9260_8_5_1()
    {
        var gateway = Gateway();
        var association = new Association(gateway);
        association.Establish();
        Assert.False(association.In(ServerTag, SctpChunks.Abort()).Forwarded);
        AssertValid(association.In(ServerTag, SctpChunks.Abort(reflected: true)));

        // Closed: only a new INIT starts again.
        Assert.Equal(DropReason.AlgPolicyViolation, association.Out(ServerTag, SctpChunks.Data(9)).Verdict.Reason);
        AssertValid(association.Out(0, SctpChunks.Init(0x33333333)));
    }

    [Fact]
    public void Chunks_the_state_does_not_allow_are_dropped_and_counted_rfc9260_4()
    {
        var gateway = Gateway();
        var association = new Association(gateway);
        AssertValid(association.Out(0, SctpChunks.Init(ClientTag)));

        // DATA before the handshake, COOKIE ECHO before an INIT ACK, an INIT ACK from the initiator's side.
        Assert.False(association.In(ClientTag, SctpChunks.Data(1)).Forwarded);
        Assert.False(association.Out(0, SctpChunks.CookieEcho()).Forwarded);
        AssertValid(association.In(ClientTag, SctpChunks.InitAck(ServerTag)));
        Assert.False(association.In(ClientTag, SctpChunks.CookieAck()).Forwarded);
        Assert.Equal(2, gateway.Counters.PolicyDropsBy[SctpInspectorReasons.WrongState]);
        Assert.Equal(1, gateway.Counters.PolicyDropsBy[SctpInspectorReasons.BadTag]);
    }

    [Fact]
    public void A_first_packet_that_is_not_init_opens_nothing_rfc9260_8_4()
    {
        var gateway = Gateway();
        var association = new Association(gateway);
        Assert.False(association.Out(ServerTag, SctpChunks.Data(1)).Forwarded);
        Assert.Equal(1, gateway.Counters.PolicyDropsBy[SctpInspectorReasons.NoAssociation]);
    }

    [Fact]
    public void Init_bundled_with_another_chunk_and_cookie_echo_not_first_are_dropped_rfc9260_6_10()
    {
        var gateway = Gateway();
        var association = new Association(gateway);
        Assert.False(association.Out(0, SctpChunks.Init(ClientTag), SctpChunks.Data(1)).Forwarded);
        AssertValid(association.Out(0, SctpChunks.Init(ClientTag)));
        AssertValid(association.In(ClientTag, SctpChunks.InitAck(ServerTag)));
        Assert.False(association.Out(ServerTag, SctpChunks.Data(1), SctpChunks.CookieEcho()).Forwarded);
        Assert.Equal(2, gateway.Counters.PolicyDropsBy[SctpInspectorReasons.Bundling]);
    }

    [Fact]
    public void Malformed_chunks_too_many_chunks_and_a_bad_crc32c_are_dropped_and_counted()
    {
        var gateway = Gateway();
        var association = new Association(gateway);
        association.Establish();

        var zeroLength = TunnelPackets.Sctp(AlgHarness.Client, ClientPort, Server, ServerPort, ServerTag, SctpChunks.Data(1));
        BinaryPrimitives.WriteUInt16BigEndian(zeroLength.AsSpan(34 + 12 + 2), 0);
        Alg.Runtime.Nat.PacketRewriter.RecomputeSctpChecksum(zeroLength.AsSpan(34));
        Assert.False(gateway.Send(zeroLength, IngressSide.Inside).Forwarded);

        var overrun = TunnelPackets.Sctp(AlgHarness.Client, ClientPort, Server, ServerPort, ServerTag, SctpChunks.Data(1));
        BinaryPrimitives.WriteUInt16BigEndian(overrun.AsSpan(34 + 12 + 2), 400);
        Alg.Runtime.Nat.PacketRewriter.RecomputeSctpChecksum(overrun.AsSpan(34));
        Assert.False(gateway.Send(overrun, IngressSide.Inside).Forwarded);
        Assert.Equal(2, gateway.Counters.PolicyDropsBy[SctpPacketParser.Describe(SctpParseError.ChunkLength)]);

        var many = Enumerable.Range(0, SctpSettings.MaxChunks + 1).Select(_ => SctpChunks.Sack(1)).ToArray();
        Assert.False(association.Out(ServerTag, many).Forwarded);
        Assert.Equal(1, gateway.Counters.PolicyDropsBy[SctpPacketParser.Describe(SctpParseError.TooManyChunks)]);

        var corrupt = TunnelPackets.Sctp(AlgHarness.Client, ClientPort, Server, ServerPort, ServerTag, SctpChunks.Data(1));
        corrupt[^1] ^= 0x40;
        Assert.False(gateway.Send(corrupt, IngressSide.Inside).Forwarded);
        Assert.Equal(1, gateway.Counters.PolicyDropsBy[SctpInspectorReasons.BadChecksum]);

        // The association itself goes on.
        AssertValid(association.Out(ServerTag, SctpChunks.Data(2)));
    }

    [Fact]
    public void An_inside_ends_own_address_in_its_init_becomes_the_public_one_and_its_others_go_rfc9260_3_3_2_1()
    {
        var gateway = Gateway();
        var association = new Association(gateway);
        var init = association.Out(0, SctpChunks.Init(ClientTag, 1, SctpChunks.Ipv4Address(AlgHarness.Client), SctpChunks.Ipv4Address(Ip.V4("10.9.9.9"))));
        AssertValid(init);
        var sctp = init.Frame.AsSpan(34);
        Assert.Equal(12 + 20 + 8, sctp.Length);
        Assert.Equal(20 + 8, BinaryPrimitives.ReadUInt16BigEndian(sctp[14..]));
        Assert.Equal(AlgHarness.Public, BinaryPrimitives.ReadUInt32BigEndian(sctp[(12 + 20 + 4)..]));
        Assert.Equal(1, gateway.Counters.PartsRefused);
    }

    [Fact]
    public void A_multi_homed_peers_other_address_reaches_the_association_and_nothing_else_rfc9260_6_4()
    {
        var gateway = Gateway();
        var association = new Association(gateway);
        AssertValid(association.Out(0, SctpChunks.Init(ClientTag)));
        AssertValid(association.In(ClientTag, SctpChunks.InitAck(ServerTag, SctpChunks.Ipv4Address(Server), SctpChunks.Ipv4Address(OtherServerAddress))));
        AssertValid(association.Out(ServerTag, SctpChunks.CookieEcho()));
        AssertValid(association.In(ClientTag, SctpChunks.CookieAck()));
        Assert.Equal(1, gateway.Engine.Expectations.Count);

        // The peer's HEARTBEAT on its other path reaches the client; the client's answer goes back that way.
        var heartbeat = association.From(OtherServerAddress, ClientTag, SctpChunks.Heartbeat());
        AssertValid(heartbeat);
        Assert.Equal((AlgHarness.Client, ClientPort), (heartbeat.Info.DestinationAddress, heartbeat.Info.DestinationPort));
        var answer = gateway.Send(TunnelPackets.Sctp(AlgHarness.Client, ClientPort, OtherServerAddress, ServerPort, ServerTag, SctpChunks.Heartbeat(5)), IngressSide.Inside);
        AssertValid(answer);
        Assert.Equal((AlgHarness.Public, association.MappedPort), (answer.Info.SourceAddress, answer.Info.SourcePort));

        // The same path with the wrong tag, or another stranger's address, gets nothing.
        Assert.False(association.From(OtherServerAddress, 0xBAD, SctpChunks.Data(3)).Forwarded);
        Assert.False(association.From(AlgHarness.Stranger, ClientTag, SctpChunks.Heartbeat()).Forwarded);
    }

    [Fact]
    public void A_half_open_association_lives_briefly_an_established_one_by_the_policy_sctp_timeout()
    {
        var gateway = Gateway();
        var halfOpen = new Association(gateway);
        AssertValid(halfOpen.Out(0, SctpChunks.Init(ClientTag)));
        gateway.Advance((SctpSettings.TransitionSeconds + 1) * NatTimeouts.Second);
        gateway.Udp(AlgHarness.Client, 9, Server, 9, IngressSide.Inside);
        Assert.False(halfOpen.In(ClientTag, SctpChunks.InitAck(ServerTag)).Forwarded);

        var established = new Association(gateway);
        established.Establish();
        gateway.Advance((SctpSettings.TransitionSeconds + 1) * NatTimeouts.Second);
        AssertValid(established.In(ClientTag, SctpChunks.Data(1)));
    }

    [Fact]
    public void A_restart_takes_the_new_tags_once_the_init_ack_names_them_rfc9260_5_2_2()
    {
        var gateway = Gateway();
        var association = new Association(gateway);
        association.Establish();
        AssertValid(association.Out(0, SctpChunks.Init(0x44444444)));

        // Until the peer answers, the old tags still hold.
        AssertValid(association.Out(ServerTag, SctpChunks.Data(1)));
        AssertValid(association.In(0x44444444, SctpChunks.InitAck(0x55555555)));
        AssertValid(association.Out(0x55555555, SctpChunks.CookieEcho()));
        AssertValid(association.In(0x44444444, SctpChunks.CookieAck()));
        Assert.False(association.Out(ServerTag, SctpChunks.Data(2)).Forwarded);
    }

    [Fact]
    public void Data_of_an_association_allocates_nothing()
    {
        var gateway = Gateway();
        var association = new Association(gateway);
        association.Establish();
        var toServer = TunnelPackets.Sctp(AlgHarness.Client, ClientPort, Server, ServerPort, ServerTag, SctpChunks.Data(1));
        var toClient = TunnelPackets.Sctp(Server, ServerPort, AlgHarness.Public, association.MappedPort, ClientTag, SctpChunks.Sack(1));
        var buffer = new byte[2048];
        var engine = gateway.Engine;
        var now = gateway.Now;
        void Send(byte[] frame, IngressSide side)
        {
            frame.CopyTo(buffer, 0);
            var packet = new PacketBuffer(buffer, 0, frame.Length, buffer.Length);
            engine.Process(ref packet, LinkType.Ethernet, now += 1000, side);
        }

        var allocated = Allocations.Quietest(() =>
        {
            for (var i = 0; i < 100; i++)
            {
                Send(toServer, IngressSide.Inside);
                Send(toClient, IngressSide.Outside);
            }
        });

        Assert.Equal(0, allocated);
        Assert.Equal(0, gateway.Counters.PolicyDrops);
    }

    [Fact]
    public void Without_the_inspector_a_wrong_crc32c_stays_wrong_when_ports_change_rfc9260_6_8()
    {
        var nat = new NatHarness(TestPolicies.Policy([TestPolicies.PatOnInterface()], TestPolicies.Behavior(portPreservation: false)));
        var good = nat.Send(TunnelPackets.Sctp(AlgHarness.Client, ClientPort, Server, ServerPort, 0, SctpChunks.Init(ClientTag)), 1, IngressSide.Inside);
        Assert.True(TunnelPackets.SctpChecksumValid(good.Frame));
        var corrupt = TunnelPackets.Sctp(AlgHarness.Client, ClientPort, Server, ServerPort, ClientTag, SctpChunks.Data(1));
        corrupt[^1] ^= 1;
        var sent = nat.Send(corrupt, 2, IngressSide.Inside);
        Assert.Equal(NatAction.Forward, sent.Verdict.Action);
        Assert.NotEqual(ClientPort, sent.Info.SourcePort);
        Assert.False(TunnelPackets.SctpChecksumValid(sent.Frame));
    }
}
