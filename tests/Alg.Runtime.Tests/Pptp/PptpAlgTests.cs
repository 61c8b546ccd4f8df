using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using Alg.Runtime.Tests.Support;
using Alg.StdlibAlgs.Pptp;

namespace Alg.Runtime.Tests.Pptp;

/// <summary>
/// The PPTP ALG through NatEngine + AlgStage on both policy engines: PNSs behind PAT to a PAC outside (RFC 2637 §2.7,
/// §2.8: each end chooses its own Call ID; §4.1: the enhanced GRE key carries the receiver's), call-id translation in
/// every message that carries the PNS's id, the GRE tunnel a connected call gets and loses, and the refused shapes.
/// </summary>
public sealed class PptpAlgTests
{
    private const ushort Port = 1723;
    private static readonly uint SecondPns = Ip.V4("192.168.1.11");
    private static readonly uint Pac = AlgHarness.Server;

    private static AlgHarness Gateway(bool serverInside = false) => new("pptp", Port, serverInside, default, FtpEngine.Both);

    private static ControlConnection Established(AlgHarness gateway, uint client = 0, ushort clientPort = 40000, bool serverInside = false)
    {
        var control = new ControlConnection(gateway, serverInside, clientPort, client);
        control.Connect();
        Assert.True(control.Send(PptpMessages.StartControlConnectionRequest()).Forwarded);
        Assert.True(control.Answer(PptpMessages.StartControlConnectionReply()).Forwarded);
        return control;
    }

    /// <summary>OCRQ then a connected OCRP; returns the call id the PAC was told.</summary>
    private static ushort Call(ControlConnection control, ushort pnsCallId, ushort pacCallId)
    {
        var request = control.Send(PptpMessages.OutgoingCallRequest(pnsCallId));
        Assert.True(request.Forwarded);
        var publicId = PptpMessages.Field(request.PayloadBytes, 12);
        var reply = control.Answer(PptpMessages.OutgoingCallReply(pacCallId, publicId));
        Assert.True(reply.Forwarded);
        Assert.Equal(pnsCallId, PptpMessages.Field(reply.PayloadBytes, 14));
        Assert.Equal(pacCallId, PptpMessages.Field(reply.PayloadBytes, 12));
        return publicId;
    }

    [Fact]
    public void Two_pns_behind_one_address_with_the_same_call_id_each_get_their_own_gre_rfc2637_4_1()
    {
        var gateway = Gateway();
        var first = Established(gateway);
        var second = Established(gateway, SecondPns, 40001);

        var firstPublic = Call(first, 7, 100);
        var secondPublic = Call(second, 7, 200);

        // The first keeps its id; the second is told another one, unique at this PAC for the public address.
        Assert.Equal(7, firstPublic);
        Assert.NotEqual(firstPublic, secondPublic);
        Assert.Equal(2, gateway.Counters.TunnelsOpened);

        // PAC to each PNS: the key names the public id; each reaches its own PNS with its own call id back (§4.1).
        var toFirst = gateway.Send(TunnelPackets.Gre(Pac, AlgHarness.Public, firstPublic, 1), IngressSide.Outside);
        Assert.True(toFirst.Forwarded);
        Assert.Equal(AlgHarness.Client, toFirst.Info.DestinationAddress);
        Assert.Equal(7, TunnelPackets.GreCallId(toFirst.Frame));
        Assert.True(PacketBuilder.ChecksumsValid(toFirst.Frame));

        var toSecond = gateway.Send(TunnelPackets.Gre(Pac, AlgHarness.Public, secondPublic, 1, acknowledgment: 5), IngressSide.Outside);
        Assert.True(toSecond.Forwarded);
        Assert.Equal(SecondPns, toSecond.Info.DestinationAddress);
        Assert.Equal(7, TunnelPackets.GreCallId(toSecond.Frame));

        // Each PNS to the PAC: the key is the PAC's own id, untouched; the source is the public address.
        var fromFirst = gateway.Send(TunnelPackets.Gre(AlgHarness.Client, Pac, 100, 2), IngressSide.Inside);
        Assert.Equal((AlgHarness.Public, Pac, (ushort)100), (fromFirst.Info.SourceAddress, fromFirst.Info.DestinationAddress, TunnelPackets.GreCallId(fromFirst.Frame)));
        var fromSecond = gateway.Send(TunnelPackets.Gre(SecondPns, Pac, 200, 2), IngressSide.Inside);
        Assert.Equal((AlgHarness.Public, Pac, (ushort)200), (fromSecond.Info.SourceAddress, fromSecond.Info.DestinationAddress, TunnelPackets.GreCallId(fromSecond.Frame)));
        Assert.True(PacketBuilder.ChecksumsValid(fromSecond.Frame));
    }

    [Fact]
    public void Gre_for_an_id_no_call_was_given_reaches_nobody()
    {
        var gateway = Gateway();
        var control = Established(gateway);
        var publicId = Call(control, 7, 100);

        var stray = gateway.Send(TunnelPackets.Gre(Pac, AlgHarness.Public, (ushort)(publicId + 1), 1), IngressSide.Outside);
        Assert.False(stray.Forwarded);

        // The same key from another host is another flow: not the call's.
        var spoofed = gateway.Send(TunnelPackets.Gre(AlgHarness.Stranger, AlgHarness.Public, publicId, 1), IngressSide.Outside);
        Assert.False(spoofed.Forwarded);
    }

    [Fact]
    public void Incoming_call_reply_and_connected_are_translated_and_open_the_tunnel_rfc2637_2_9_to_2_11()
    {
        var gateway = Gateway();
        var first = Established(gateway);
        Call(first, 9, 100);
        var second = Established(gateway, SecondPns, 40001);

        Assert.True(second.Answer(PptpMessages.IncomingCallRequest(300)).Forwarded);
        var reply = second.Send(PptpMessages.IncomingCallReply(9, 300));
        var publicId = PptpMessages.Field(reply.PayloadBytes, 12);
        Assert.NotEqual(9, publicId);
        Assert.Equal(300, PptpMessages.Field(reply.PayloadBytes, 14));

        var connected = second.Answer(PptpMessages.IncomingCallConnected(publicId));
        Assert.Equal(9, PptpMessages.Field(connected.PayloadBytes, 12));

        var gre = gateway.Send(TunnelPackets.Gre(Pac, AlgHarness.Public, publicId, 1), IngressSide.Outside);
        Assert.Equal((SecondPns, (ushort)9), (gre.Info.DestinationAddress, TunnelPackets.GreCallId(gre.Frame)));
    }

    [Fact]
    public void Clear_request_wan_error_and_set_link_info_carry_the_right_id_either_way_rfc2637_2_12_2_14_2_15()
    {
        var gateway = Gateway();
        Call(Established(gateway), 5, 100);
        var control = Established(gateway, SecondPns, 40001);
        var publicId = Call(control, 5, 200);
        Assert.NotEqual(5, publicId);

        Assert.Equal(5, PptpMessages.Field(control.Answer(PptpMessages.SetLinkInfo(publicId)).PayloadBytes, 12));
        Assert.Equal(5, PptpMessages.Field(control.Answer(PptpMessages.WanErrorNotify(publicId)).PayloadBytes, 12));

        // SLI from the PNS names the PAC's call: untouched.
        Assert.Equal(200, PptpMessages.Field(control.Send(PptpMessages.SetLinkInfo(200)).PayloadBytes, 12));

        // CCRQ names the PNS's call: the PAC is told the public id.
        Assert.Equal(publicId, PptpMessages.Field(control.Send(PptpMessages.CallClearRequest(5)).PayloadBytes, 12));
    }

    [Fact]
    public void Call_disconnect_notify_closes_the_tunnel_and_frees_the_id_rfc2637_2_13()
    {
        var gateway = Gateway();
        var control = Established(gateway);
        var publicId = Call(control, 7, 100);
        var handler = (PptpAlg)gateway.Stage.Plans.Single(p => p!.Name == "pptp")!.Handler!;
        Assert.Equal(1, handler.ReservedCallIds);

        Assert.True(control.Answer(PptpMessages.CallDisconnectNotify(100)).Forwarded);

        Assert.Equal(1, gateway.Counters.TunnelsClosed);
        Assert.Equal(0, handler.ReservedCallIds);
        Assert.False(gateway.Send(TunnelPackets.Gre(Pac, AlgHarness.Public, publicId, 9), IngressSide.Outside).Forwarded);
    }

    [Fact]
    public void Stop_control_connection_and_the_connections_end_close_every_tunnel_rfc2637_2_3()
    {
        var gateway = new AlgHarness("pptp", Port, false, default, FtpEngine.Both, ("gre-timeout", Alg.Policy.Algs.AlgOptionValue.FromNumber(Alg.Policy.Algs.AlgOptionKind.Seconds, 86400)));
        var stopping = Established(gateway);
        var stoppedId = Call(stopping, 7, 100);
        stopping.Send(PptpMessages.StopControlConnectionRequest());
        Assert.False(gateway.Send(TunnelPackets.Gre(Pac, AlgHarness.Public, stoppedId, 9), IngressSide.Outside).Forwarded);

        var idle = Established(gateway, SecondPns, 40001);
        var idleId = Call(idle, 8, 101);
        Assert.True(gateway.Send(TunnelPackets.Gre(Pac, AlgHarness.Public, idleId, 1), IngressSide.Outside).Forwarded);

        // The control connection idles out (no RST seen): its flow goes, and its tunnels with it.
        gateway.Advance(3 * 3600 * NatHarness.Second);
        gateway.Udp(AlgHarness.Client, 5555, Pac, 5555, IngressSide.Inside);
        Assert.False(gateway.Send(TunnelPackets.Gre(Pac, AlgHarness.Public, idleId, 2), IngressSide.Outside).Forwarded);
        var handler = (PptpAlg)gateway.Stage.Plans.Single(p => p!.Name == "pptp")!.Handler!;
        Assert.Equal(0, handler.ReservedCallIds);
        Assert.Equal(2, gateway.Counters.TunnelsClosed);
    }

    [Fact]
    public void An_outgoing_call_reply_for_no_request_opens_nothing_and_a_failed_one_frees_the_id()
    {
        var gateway = Gateway();
        var control = Established(gateway);

        var unsolicited = control.Answer(PptpMessages.OutgoingCallReply(100, 4242));
        Assert.Equal(4242, PptpMessages.Field(unsolicited.PayloadBytes, 14));
        Assert.Equal(1, gateway.Counters.PartsRefused);

        var request = control.Send(PptpMessages.OutgoingCallRequest(7));
        var busy = control.Answer(PptpMessages.OutgoingCallReply(101, PptpMessages.Field(request.PayloadBytes, 12), result: 4));
        Assert.True(busy.Forwarded);
        Assert.Equal(0, gateway.Counters.TunnelsOpened);
        var handler = (PptpAlg)gateway.Stage.Plans.Single(p => p!.Name == "pptp")!.Handler!;
        Assert.Equal(0, handler.ReservedCallIds);
    }

    [Fact]
    public void Calls_before_the_control_connection_is_established_are_not_translated_rfc2637_3_1()
    {
        var gateway = Gateway();
        Call(Established(gateway), 7, 100);
        var control = new ControlConnection(gateway, false, 40001, SecondPns);
        control.Connect();

        var request = control.Send(PptpMessages.OutgoingCallRequest(7));
        Assert.Equal(7, PptpMessages.Field(request.PayloadBytes, 12));
        control.Answer(PptpMessages.OutgoingCallReply(200, 7));
        Assert.Equal(1, gateway.Counters.TunnelsOpened);
    }

    [Fact]
    public void A_request_split_over_segments_is_held_and_translated_whole_and_two_in_a_segment_are_both_read()
    {
        var gateway = Gateway();
        Call(Established(gateway), 7, 100);
        var control = Established(gateway, SecondPns, 40001);

        var request = PptpMessages.OutgoingCallRequest(7);
        var head = control.Send(request[..13]);
        Assert.True(head.Forwarded);
        Assert.Empty(head.PayloadBytes);
        var rest = control.Send(request[13..]);
        Assert.Equal(168, rest.Info.PayloadLength);
        var publicId = PptpMessages.Field(rest.PayloadBytes, 12);
        Assert.NotEqual(7, publicId);

        // An Echo-Reply and the OCRP in one segment: the OCRP behind it is read too.
        var both = control.Answer([.. PptpMessages.EchoReply(1), .. PptpMessages.OutgoingCallReply(200, publicId)]);
        Assert.Equal(7, PptpMessages.Field(both.PayloadBytes, 20 + 14));
        Assert.Equal(2, gateway.Counters.TunnelsOpened);
        Assert.True(PacketBuilder.ChecksumsValid(both.Frame));
    }

    [Fact]
    public void Bytes_that_are_not_pptp_end_inspection_and_pass_untouched()
    {
        var gateway = Gateway();
        var control = Established(gateway);
        var bad = PptpMessages.OutgoingCallRequest(7);
        bad[4] ^= 0xFF;
        var sent = control.Send(bad);
        Assert.True(sent.Forwarded);
        Assert.Equal(bad, sent.PayloadBytes);
        Assert.Equal(1, gateway.Counters.Malformed);
        Assert.Contains("Magic Cookie", gateway.Counters.LastMalformedReason, StringComparison.Ordinal);

        control.Send(PptpMessages.OutgoingCallRequest(8));
        control.Answer(PptpMessages.OutgoingCallReply(100, 8));
        Assert.Equal(0, gateway.Counters.TunnelsOpened);
    }

    [Fact]
    public void A_pac_behind_a_port_forward_keeps_its_ids_and_its_calls_get_tunnels()
    {
        var gateway = Gateway(serverInside: true);
        var control = Established(gateway, serverInside: true);

        var request = control.Send(PptpMessages.OutgoingCallRequest(7));
        Assert.Equal(7, PptpMessages.Field(request.PayloadBytes, 12));
        var reply = control.Answer(PptpMessages.OutgoingCallReply(55, 7));
        Assert.Equal(7, PptpMessages.Field(reply.PayloadBytes, 14));

        // The PNS outside sends to the published address with the PAC's id; the PAC answers with the PNS's.
        var toPac = gateway.Send(TunnelPackets.Gre(AlgHarness.Server, AlgHarness.PublishedServer, 55, 1), IngressSide.Outside);
        Assert.Equal((AlgHarness.InsideServer, (ushort)55), (toPac.Info.DestinationAddress, TunnelPackets.GreCallId(toPac.Frame)));
        var toPns = gateway.Send(TunnelPackets.Gre(AlgHarness.InsideServer, AlgHarness.Server, 7, 1), IngressSide.Inside);
        Assert.Equal((AlgHarness.PublishedServer, AlgHarness.Server, (ushort)7), (toPns.Info.SourceAddress, toPns.Info.DestinationAddress, TunnelPackets.GreCallId(toPns.Frame)));
    }

    [Fact]
    public void The_tunnel_follows_the_gre_timeout_option()
    {
        var gateway = new AlgHarness("pptp", Port, false, default, FtpEngine.Both, ("gre-timeout", Alg.Policy.Algs.AlgOptionValue.FromNumber(Alg.Policy.Algs.AlgOptionKind.Seconds, 30)));
        var control = Established(gateway);
        var publicId = Call(control, 7, 100);

        gateway.Advance(20 * NatHarness.Second);
        Assert.True(gateway.Send(TunnelPackets.Gre(Pac, AlgHarness.Public, publicId, 1), IngressSide.Outside).Forwarded);
        gateway.Advance(31 * NatHarness.Second);
        gateway.Send(PacketBuilder.Udp(AlgHarness.Client, 5555, Pac, 5555), IngressSide.Inside);
        Assert.False(gateway.Send(TunnelPackets.Gre(Pac, AlgHarness.Public, publicId, 2), IngressSide.Outside).Forwarded);
    }

    [Fact]
    public void Echo_exchanges_and_gre_of_a_call_allocate_nothing()
    {
        var gateway = Gateway();
        var control = Established(gateway);
        var publicId = Call(control, 7, 100);
        var echo = control.SteadyExchange(PptpMessages.EchoRequest(1), PptpMessages.EchoReply(1));
        var toPns = TunnelPackets.Gre(Pac, AlgHarness.Public, publicId, 1);
        var toPac = TunnelPackets.Gre(AlgHarness.Client, Pac, 100, 1);
        var buffer = new byte[2048];
        var engine = gateway.Engine;
        var now = gateway.Now;
        void Gre(byte[] frame, IngressSide side)
        {
            frame.CopyTo(buffer, 0);
            var packet = new PacketBuffer(buffer, 0, frame.Length, buffer.Length);
            engine.Process(ref packet, LinkType.Ethernet, now += 1000, side);
        }

        var allocated = Allocations.Quietest(() =>
        {
            for (var i = 0; i < 100; i++)
            {
                echo();
                Gre(toPns, IngressSide.Outside);
                Gre(toPac, IngressSide.Inside);
            }
        });

        Assert.Equal(0, allocated);
        Assert.Equal(0, gateway.Counters.Failures);
    }
}
