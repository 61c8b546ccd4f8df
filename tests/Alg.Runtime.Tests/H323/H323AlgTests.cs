using Alg.Policy.Algs;
using Alg.Runtime.Nat;
using Alg.Runtime.Tests.Support;
using Alg.StdlibAlgs.H323;
using Kind = Alg.StdlibAlgs.H323.H323AddressKind;

namespace Alg.Runtime.Tests.H323;

/// <summary>
/// The H.323 ALGs through NatEngine + AlgStage on both policy engines (algs.md §4.3): each message shape rewritten in
/// place (same length, valid checksums), the H.245 connection admitted once and inspected by the H.245 ALG, media
/// pairs both ways, tunnelled H.245, Release Complete / CloseLogicalChannel / endSessionCommand closing pinholes, and
/// the refused shapes (NAT Slipstreaming 2.0's Facility, another host, a port below 1024) opening nothing.
/// </summary>
public sealed class H323AlgTests
{
    private static readonly uint Client = AlgHarness.Client;
    private static readonly uint Public = AlgHarness.Public;

    private static List<(Kind Kind, string Endpoint)> Addresses(SentPacket sent, H323Messages.Kind kind = H323Messages.Kind.CallSignalling) =>
        H323Messages.Addresses(sent.PayloadBytes, kind);

    private static string EndpointOf(List<(Kind Kind, string Endpoint)> addresses, Kind kind, int index = 0) =>
        addresses.Where(a => a.Kind == kind).ElementAt(index).Endpoint;

    private static ushort PortOf(string endpoint) => ushort.Parse(endpoint[(endpoint.IndexOf(':', StringComparison.Ordinal) + 1)..], System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void FastStart_setup_from_inside_is_rewritten_in_place_and_opens_one_rtp_rtcp_pair_h225_setup_faststart()
    {
        var gateway = H323Gateway.Create();
        var call = H323Gateway.Call(gateway);
        var original = H323Vectors.Get("faststart-setup");

        var sent = call.Send(original);

        Assert.True(sent.Forwarded);
        Assert.True(PacketBuilder.ChecksumsValid(sent.Frame));
        Assert.Equal(original.Length, sent.PayloadBytes.Length);
        var addresses = Addresses(sent);
        Assert.Equal("203.0.113.20:1720", EndpointOf(addresses, Kind.DestCallSignalAddress));
        Assert.Equal("203.0.113.1:1720", EndpointOf(addresses, Kind.SourceCallSignalAddress));
        var rtcp = EndpointOf(addresses, Kind.MediaControlChannel);
        var rtp = EndpointOf(addresses, Kind.MediaChannel);
        Assert.StartsWith("203.0.113.1:", rtp, StringComparison.Ordinal);
        Assert.Equal(PortOf(rtp) + 1, PortOf(rtcp));
        Assert.Equal(0, PortOf(rtp) % 2);
        Assert.Equal(rtcp, EndpointOf(addresses, Kind.MediaControlChannel, 1));
        Assert.Equal(2, gateway.Engine.Expectations.Count);
        Assert.Equal(0, gateway.Counters.Malformed);

        // The callee's media reaches the caller on both ports of the pair; a stranger's does not.
        var media = gateway.Udp(AlgHarness.Server, 7000, Public, PortOf(rtp), IngressSide.Outside);
        Assert.True(media.Forwarded);
        Assert.Equal((Client, (ushort)5000), (media.Info.DestinationAddress, media.Info.DestinationPort));
        Assert.True(gateway.Udp(AlgHarness.Server, 7001, Public, PortOf(rtcp), IngressSide.Outside).Forwarded);
        Assert.False(gateway.Udp(AlgHarness.Stranger, 7000, Public, (ushort)(PortOf(rtp) + 2), IngressSide.Outside).Forwarded);
    }

    [Fact]
    public void The_callees_h245Address_opens_the_callers_way_out_and_that_connection_is_inspected_by_the_h245_alg()
    {
        var gateway = H323Gateway.Create();
        var call = H323Gateway.Call(gateway);
        call.Send(H323Vectors.Get("faststart-setup"));
        var connect = call.Answer(H323Vectors.Get("faststart-connect"));

        Assert.True(connect.Forwarded);
        Assert.Equal(H323Vectors.Get("faststart-connect"), connect.PayloadBytes);
        Assert.Equal(3, gateway.Engine.Expectations.Count);

        // The caller connects to the callee's H.245 port: the H.245 ALG reads it from its first packet.
        var h245 = new ControlConnection(gateway, clientPort: 40001, serverPort: 1300);
        h245.Connect();
        Assert.Equal(2, gateway.Engine.Expectations.Count);
        var olc = h245.Send(H323Vectors.Get("h245-olc-bidirectional"));
        Assert.Equal(6, gateway.Engine.Expectations.Count);
        Assert.All(Addresses(olc, H323Messages.Kind.H245), a => Assert.StartsWith("203.0.113.1:", a.Endpoint, StringComparison.Ordinal));
        Assert.True(gateway.Counters("h323-h245").Inspected > 0);
    }

    [Theory]
    [InlineData("connect-h245-inside", 1300)]
    [InlineData("progress-h245-inside", 1301)]
    [InlineData("proceeding-h245-inside", 1302)]
    [InlineData("alerting-h245-inside", 1304)]
    [InlineData("facility-h245-inside", 1303)]
    public void An_inside_callees_h245Address_becomes_public_and_admits_the_caller_once_inspected_h225_7_6(string vector, int insidePort)
    {
        var gateway = H323Gateway.Create(serverInside: true);
        var call = H323Gateway.Call(gateway, serverInside: true, clientPort: 41000);

        var sent = call.Answer(H323Vectors.WithInside(vector, AlgHarness.InsideServer));

        Assert.True(PacketBuilder.ChecksumsValid(sent.Frame));
        var h245Address = EndpointOf(Addresses(sent), Kind.H245Address);
        Assert.StartsWith("203.0.113.1:", h245Address, StringComparison.Ordinal);
        var publicPort = PortOf(h245Address);

        // Only the caller, once; the connection lands on the callee's own port and its H.245 is translated.
        Assert.False(gateway.Syn(AlgHarness.Stranger, 41001, AlgHarness.PublishedServer, publicPort, IngressSide.Outside).Forwarded);
        var h245 = new ControlConnection(gateway, serverInside: true, clientPort: 41001, serverPort: (ushort)insidePort, dialledPort: publicPort);
        h245.Connect();
        var ack = h245.Answer(H323Vectors.WithInside("h245-olcack-inside", AlgHarness.InsideServer));
        Assert.All(Addresses(ack, H323Messages.Kind.H245), a => Assert.StartsWith("203.0.113.1:", a.Endpoint, StringComparison.Ordinal));
        Assert.False(gateway.Syn(AlgHarness.Server, 41002, AlgHarness.PublishedServer, publicPort, IngressSide.Outside).Forwarded);
    }

    [Fact]
    public void A_setup_to_a_callee_behind_a_port_forward_names_the_callees_own_address_to_it_h225_setup()
    {
        var gateway = H323Gateway.Create(serverInside: true);
        var call = H323Gateway.Call(gateway, serverInside: true, clientPort: 41000);

        // The caller outside dials the published address and writes it as destCallSignalAddress; its own addresses
        // (source, fastStart media) are real and stay.
        var setup = H323Vectors.WithInside("faststart-setup", AlgHarness.Server);
        var at = Convert.ToHexString(setup).IndexOf("CB00711406B8", StringComparison.Ordinal) / 2;
        setup[at + 3] = 0x01;
        var sent = call.Send(setup);

        var addresses = Addresses(sent);
        Assert.Equal("192.168.1.21:1720", EndpointOf(addresses, Kind.DestCallSignalAddress));
        Assert.All(addresses.Where(a => a.Kind != Kind.DestCallSignalAddress), a => Assert.StartsWith("203.0.113.20:", a.Endpoint, StringComparison.Ordinal));
        Assert.Equal(0, gateway.Engine.Expectations.Count);
    }

    [Fact]
    public void H245_channels_both_ways_open_their_pairs_and_close_on_close_logical_channel_and_end_session_h245_8()
    {
        var gateway = H323Gateway.Create();
        var call = H323Gateway.Call(gateway);
        call.Answer(H323Vectors.Get("faststart-connect"));
        var h245 = new ControlConnection(gateway, clientPort: 40001, serverPort: 1300);
        h245.Connect();
        var holesBefore = gateway.Engine.Expectations.Count;

        // A bidirectional OLC: the forward RTCP pair (5010/5011) and the reverse RTP/RTCP pair (5020/5021).
        var olc = h245.Send(H323Vectors.Get("h245-olc-bidirectional"));
        Assert.Equal(holesBefore + 4, gateway.Engine.Expectations.Count);
        var reverseRtp = PortOf(EndpointOf(Addresses(olc, H323Messages.Kind.H245), Kind.MediaChannel));

        // The peer's OLC names its own addresses (nothing to do); the caller's OLCAck names where it receives.
        Assert.Equal(H323Vectors.Get("h245-olc-outside"), h245.Answer(H323Vectors.Get("h245-olc-outside")).PayloadBytes);
        var ack = h245.Send(H323Vectors.Get("h245-olcack-inside"));
        Assert.Equal(holesBefore + 6, gateway.Engine.Expectations.Count);
        var ackRtp = PortOf(EndpointOf(Addresses(ack, H323Messages.Kind.H245), Kind.MediaChannel));
        var media = gateway.Udp(AlgHarness.Server, 7020, Public, ackRtp, IngressSide.Outside);
        Assert.Equal((Client, (ushort)5030), (media.Info.DestinationAddress, media.Info.DestinationPort));

        // CloseLogicalChannel 3 (the caller's) closes both its pairs; endSessionCommand the rest.
        h245.Send(H323Vectors.Get("h245-close"));
        Assert.Equal(holesBefore + 1, gateway.Engine.Expectations.Count);
        Assert.False(gateway.Udp(AlgHarness.Server, 7022, Public, reverseRtp, IngressSide.Outside).Forwarded);
        h245.Send(H323Vectors.Get("h245-endsession"));
        Assert.Equal(holesBefore, gateway.Engine.Expectations.Count);
    }

    [Fact]
    public void A_t120_separate_stack_gets_a_public_port_and_a_pinhole_for_several_connections_algs_4_3()
    {
        var gateway = H323Gateway.Create();
        var call = H323Gateway.Call(gateway);
        call.Answer(H323Vectors.Get("faststart-connect"));
        var h245 = new ControlConnection(gateway, clientPort: 40001, serverPort: 1300);
        h245.Connect();

        var olc = h245.Send(H323Vectors.Get("h245-olc-t120"));

        var stack = EndpointOf(Addresses(olc, H323Messages.Kind.H245), Kind.SeparateStack);
        Assert.StartsWith("203.0.113.1:", stack, StringComparison.Ordinal);
        var first = gateway.Syn(AlgHarness.Server, 42000, Public, PortOf(stack), IngressSide.Outside);
        Assert.Equal((Client, (ushort)1503), (first.Info.DestinationAddress, first.Info.DestinationPort));
        Assert.True(gateway.Syn(AlgHarness.Server, 42001, Public, PortOf(stack), IngressSide.Outside).Forwarded);
    }

    [Fact]
    public void Tunnelled_h245_is_translated_inside_h245Control_and_parallelH245Control_and_closes_with_it_h225_h245Control()
    {
        var gateway = H323Gateway.Create();
        var call = H323Gateway.Call(gateway);

        var setup = call.Send(H323Vectors.Get("tunnel-setup"));
        var rtcp = EndpointOf(Addresses(setup), Kind.MediaControlChannel);
        Assert.StartsWith("203.0.113.1:", rtcp, StringComparison.Ordinal);
        Assert.Equal(2, gateway.Engine.Expectations.Count);

        Assert.Equal(H323Vectors.Get("tunnel-connect"), call.Answer(H323Vectors.Get("tunnel-connect")).PayloadBytes);

        // The OLCAck for the callee's channel names the same pair (5002/5003): same public pair, no new pinholes.
        var ack = call.Send(H323Vectors.Get("tunnel-facility-ack"));
        var addresses = Addresses(ack);
        Assert.Equal(rtcp, EndpointOf(addresses, Kind.MediaControlChannel));
        Assert.Equal(PortOf(rtcp) - 1, PortOf(EndpointOf(addresses, Kind.MediaChannel)));
        Assert.Equal(2, gateway.Engine.Expectations.Count);

        // CloseLogicalChannel of the caller's channel 1 and endSessionCommand, tunnelled: the pair closes.
        call.Send(H323Vectors.Get("tunnel-facility-close"));
        Assert.Equal(0, gateway.Engine.Expectations.Count);
        Assert.Equal(0, gateway.Counters.Malformed);
    }

    [Fact]
    public void Release_complete_closes_the_calls_pinholes_h225_release_complete()
    {
        var gateway = H323Gateway.Create();
        var call = H323Gateway.Call(gateway);
        call.Send(H323Vectors.Get("faststart-setup"));
        call.Answer(H323Vectors.Get("faststart-connect"));
        Assert.Equal(3, gateway.Engine.Expectations.Count);

        call.Send(H323Vectors.Get("faststart-release"));

        Assert.Equal(0, gateway.Engine.Expectations.Count);
    }

    /// <summary>H.225.0 §7.3.2 (Release Complete ends the call) with H.245 on its own connection that never says
    /// endSessionCommand: the media that connection's OLCs opened closes with the call, not at the media timeout.</summary>
    [Fact]
    public void Release_complete_closes_the_media_its_separate_h245_connection_opened_h225_7_3_2()
    {
        var gateway = H323Gateway.Create();
        var call = H323Gateway.Call(gateway);
        call.Send(H323Vectors.Get("faststart-setup"));
        call.Answer(H323Vectors.Get("faststart-connect"));
        var h245 = new ControlConnection(gateway, clientPort: 40001, serverPort: 1300);
        h245.Connect();
        var olc = h245.Send(H323Vectors.Get("h245-olc-bidirectional"));
        var reverseRtp = PortOf(EndpointOf(Addresses(olc, H323Messages.Kind.H245), Kind.MediaChannel));
        Assert.True(gateway.Engine.Expectations.Count >= 4);

        call.Send(H323Vectors.Get("faststart-release"));

        Assert.Equal(0, gateway.Engine.Expectations.Count);
        Assert.False(gateway.Udp(AlgHarness.Server, 7022, Public, reverseRtp, IngressSide.Outside).Forwarded);
    }

    [Fact]
    public void Nat_slipstreaming_2_facility_call_forwarded_to_another_inside_host_opens_nothing_algs_4_4()
    {
        var gateway = H323Gateway.Create();
        var call = H323Gateway.Call(gateway);
        var facility = H323Vectors.Get("slipstream-facility");

        var sent = call.Send(facility);

        Assert.True(sent.Forwarded);
        Assert.Equal(facility, sent.PayloadBytes);
        Assert.Equal(0, gateway.Engine.Expectations.Count);
        Assert.Contains("Slipstreaming", gateway.Counters.LastPartRefused, StringComparison.Ordinal);
        Assert.False(gateway.Syn(AlgHarness.Server, 43000, Public, 3389, IngressSide.Outside).Forwarded);

        // The same Facility from the outside party opens nothing either.
        Assert.Equal(facility, call.Answer(facility).PayloadBytes);
        Assert.Equal(0, gateway.Engine.Expectations.Count);
    }

    [Theory]
    [InlineData("refused-h245-neighbour", "other than the sender")]
    [InlineData("refused-h245-lowport", "below 1024")]
    public void An_h245Address_of_another_host_or_a_low_port_is_left_and_opens_nothing_algs_0_2(string vector, string reason)
    {
        var gateway = H323Gateway.Create();
        var call = H323Gateway.Call(gateway);

        var sent = call.Send(H323Vectors.Get(vector));

        Assert.Equal("203.0.113.20:1720", EndpointOf(Addresses(sent), Kind.DestCallSignalAddress));
        Assert.DoesNotContain("203.0.113.1", EndpointOf(Addresses(sent), Kind.H245Address), StringComparison.Ordinal);
        Assert.Equal(0, gateway.Engine.Expectations.Count);
        Assert.Contains(reason, gateway.Counters.LastPartRefused, StringComparison.Ordinal);
    }

    [Fact]
    public void A_logical_channel_naming_another_host_opens_nothing_algs_0_2()
    {
        var gateway = H323Gateway.Create();
        var call = H323Gateway.Call(gateway);
        call.Answer(H323Vectors.Get("faststart-connect"));
        var h245 = new ControlConnection(gateway, clientPort: 40001, serverPort: 1300);
        h245.Connect();
        var holes = gateway.Engine.Expectations.Count;

        var sent = h245.Send(H323Vectors.Get("refused-olc-neighbour"));

        Assert.Equal(H323Vectors.Get("refused-olc-neighbour"), sent.PayloadBytes);
        Assert.Equal(holes, gateway.Engine.Expectations.Count);
        Assert.Contains("other than the sender", gateway.Counters("h323-h245").LastPartRefused, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_tpkts_in_a_segment_and_the_empty_keep_alive_tpkt_are_read_rfc1006()
    {
        var gateway = H323Gateway.Create();
        var call = H323Gateway.Call(gateway);
        byte[] keepAlive = [0x03, 0x00, 0x00, 0x04];
        var setup = H323Vectors.Get("tunnel-setup");
        var facility = H323Vectors.Get("tunnel-facility-ack");

        var sent = call.Send([.. keepAlive, .. setup, .. keepAlive, .. facility]);

        var payload = sent.PayloadBytes;
        Assert.Equal(keepAlive, payload[..4]);
        var first = H323Messages.Addresses(payload.AsSpan(4, setup.Length), H323Messages.Kind.CallSignalling);
        var second = H323Messages.Addresses(payload.AsSpan(8 + setup.Length), H323Messages.Kind.CallSignalling);
        Assert.StartsWith("203.0.113.1:", EndpointOf(first, Kind.MediaControlChannel), StringComparison.Ordinal);
        Assert.StartsWith("203.0.113.1:", EndpointOf(second, Kind.MediaChannel), StringComparison.Ordinal);
        Assert.Equal(0, gateway.Counters.Malformed);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(2)]
    [InlineData(60)]
    public void A_message_split_over_segments_is_held_and_rewritten_whole_which_linux_gives_up_on_algs_4_1(int split)
    {
        var gateway = H323Gateway.Create();
        var call = H323Gateway.Call(gateway);
        var setup = H323Vectors.Get("faststart-setup");

        var head = call.Send(setup[..split]);
        var tail = call.Send(setup[split..]);

        Assert.Equal(0, head.Info.PayloadLength);
        Assert.Equal(setup.Length, tail.PayloadBytes.Length);
        Assert.Equal("203.0.113.1:1720", EndpointOf(Addresses(tail), Kind.SourceCallSignalAddress));
        Assert.Equal(2, gateway.Engine.Expectations.Count);
        Assert.Equal(1, gateway.Counters.SegmentsHeld);
    }

    [Fact]
    public void Bytes_that_are_not_tpkt_end_inspection_of_the_connection_rfc1006_6()
    {
        var gateway = H323Gateway.Create();
        var call = H323Gateway.Call(gateway);

        call.Send(System.Text.Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\n\r\n"));
        var later = call.Send(H323Vectors.Get("faststart-setup"));

        Assert.Equal(H323Vectors.Get("faststart-setup"), later.PayloadBytes);
        Assert.Equal(1, gateway.Counters.Malformed);
        Assert.Equal(0, gateway.Engine.Expectations.Count);
    }

    [Fact]
    public void A_message_that_cannot_be_decoded_is_forwarded_untouched_and_counted_with_its_reason()
    {
        var gateway = H323Gateway.Create();
        var call = H323Gateway.Call(gateway);
        var setup = H323Vectors.Get("faststart-setup");

        // The User-user IE's PER cut short inside the fastStart open type, the TPKT and IE lengths kept consistent.
        var cut = setup[..^20];
        cut[3] = (byte)cut.Length;
        var uuLength = (cut[16] << 8) | cut[17];
        cut[16] = (byte)((uuLength - 20) >> 8);
        cut[17] = (byte)(uuLength - 20);
        var sent = call.Send(cut);

        Assert.Equal(cut, sent.PayloadBytes);
        Assert.Equal(0, gateway.Engine.Expectations.Count);
        Assert.Equal(1, gateway.Counters.Malformed);
        Assert.Equal(H323DecodeErrorText.Describe(H323DecodeError.Truncated), gateway.Counters.LastMalformedReason);
    }

    [Fact]
    public void H245_tunnel_block_drops_a_connection_that_tunnels_h245_asa_inspect_h323_map()
    {
        var gateway = H323Gateway.Create(options: ("h245-tunnel-block", AlgOptionValue.FromBoolean(true)));
        var call = H323Gateway.Call(gateway);

        Assert.False(call.Send(H323Vectors.Get("tunnel-setup")).Forwarded);
        Assert.False(call.Send(H323Vectors.Get("faststart-setup")).Forwarded);
        Assert.Equal(2, gateway.Counters.PolicyDrops);
    }

    [Fact]
    public void Without_tunnel_block_a_plain_call_passes_the_same_policy()
    {
        var gateway = H323Gateway.Create(options: ("h245-tunnel-block", AlgOptionValue.FromBoolean(true)));
        var call = H323Gateway.Call(gateway);

        Assert.True(call.Send(H323Vectors.Get("faststart-setup")).Forwarded);
        Assert.Equal(0, gateway.Counters.PolicyDrops);
    }
}
