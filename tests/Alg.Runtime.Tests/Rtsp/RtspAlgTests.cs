using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using Alg.Runtime.Tests.Support;

namespace Alg.Runtime.Tests.Rtsp;

/// <summary>
/// The RTSP ALG through NatEngine + AlgStage on both policy engines: SETUP and its reply (RFC 2326 §10.4, §12.39;
/// RFC 7826 §18.54), per-session TEARDOWN (§10.7), interleaved frames (§10.12), pipelining, and the refused shapes
/// (a destination naming another host, a Transport that is not at a message start).
/// </summary>
public sealed class RtspAlgTests
{
    private const string Url = "rtsp://203.0.113.20:554/stream";
    private static readonly uint SecondPlayer = Ip.V4("192.168.1.11");

    private static AlgHarness Gateway(bool serverInside = false) => new("rtsp", 554, serverInside, default, FtpEngine.Both);

    private static string Setup(int cseq, string transport, string? session = null, string track = "track1") =>
        $"SETUP {Url}/{track} RTSP/1.0\r\nCSeq: {cseq}\r\n" + (session is null ? string.Empty : $"Session: {session}\r\n") + $"Transport: {transport}\r\n\r\n";

    private static string Reply(int cseq, string transport, string session = "12345678") =>
        $"RTSP/1.0 200 OK\r\nCSeq: {cseq}\r\nSession: {session};timeout=60\r\nTransport: {transport}\r\n\r\n";

    private static string TransportOf(SentPacket sent) =>
        sent.Payload.Split("\r\n").Single(l => l.StartsWith("Transport:", StringComparison.Ordinal))["Transport: ".Length..];

    private static ControlConnection Connected(AlgHarness gateway, ushort clientPort = 40000, uint clientAddress = 0, bool serverInside = false)
    {
        var control = new ControlConnection(gateway, serverInside, clientPort, clientAddress);
        control.Connect();
        return control;
    }

    [Fact]
    public void A_setup_reply_opens_rtp_and_rtcp_from_the_servers_ports_only_rfc2326_12_39()
    {
        var gateway = Gateway();
        var control = Connected(gateway);

        var setup = control.Send(Setup(3, "RTP/AVP;unicast;client_port=5000-5001"));
        Assert.True(setup.Forwarded);
        Assert.Equal("RTP/AVP;unicast;client_port=5000-5001", TransportOf(setup));
        Assert.Equal(0, gateway.Engine.Expectations.Count);

        var reply = control.Answer(Reply(3, "RTP/AVP;unicast;client_port=5000-5001;server_port=6000-6001;ssrc=1234"));
        Assert.Equal("RTP/AVP;unicast;client_port=5000-5001;server_port=6000-6001;ssrc=1234", TransportOf(reply));
        Assert.Equal(2, gateway.Engine.Expectations.Count);

        // From the server's RTP and RTCP ports to the public pair: reaches the player's own pair.
        var rtp = gateway.Udp(AlgHarness.Server, 6000, AlgHarness.Public, 5000, IngressSide.Outside);
        Assert.True(rtp.Forwarded);
        Assert.Equal((AlgHarness.Client, (ushort)5000), (rtp.Info.DestinationAddress, rtp.Info.DestinationPort));
        var rtcp = gateway.Udp(AlgHarness.Server, 6001, AlgHarness.Public, 5001, IngressSide.Outside);
        Assert.Equal((AlgHarness.Client, (ushort)5001), (rtcp.Info.DestinationAddress, rtcp.Info.DestinationPort));
        Assert.True(PacketBuilder.ChecksumsValid(rtcp.Frame));
    }

    [Fact]
    public void Media_from_another_host_or_another_server_port_finds_no_pinhole()
    {
        var gateway = Gateway();
        var control = Connected(gateway);
        control.Send(Setup(3, "RTP/AVP;unicast;client_port=5000-5001"));
        control.Answer(Reply(3, "RTP/AVP;unicast;client_port=5000-5001;server_port=6000-6001"));

        Assert.False(gateway.Udp(AlgHarness.Stranger, 6000, AlgHarness.Public, 5000, IngressSide.Outside).Forwarded);
        Assert.False(gateway.Udp(AlgHarness.Server, 6100, AlgHarness.Public, 5000, IngressSide.Outside).Forwarded);
        Assert.Equal(2, gateway.Engine.Expectations.Count);
    }

    [Fact]
    public void Two_players_asking_for_the_same_client_ports_get_different_public_pairs()
    {
        var gateway = Gateway();
        var first = Connected(gateway, 40000);
        var second = Connected(gateway, 40002, SecondPlayer);

        first.Send(Setup(1, "RTP/AVP;unicast;client_port=5000-5001"));
        first.Answer(Reply(1, "RTP/AVP;unicast;client_port=5000-5001;server_port=6000-6001", "AAAA"));
        var setup = second.Send(Setup(1, "RTP/AVP;unicast;client_port=5000-5001"));
        var transport = TransportOf(setup);
        var ports = transport["RTP/AVP;unicast;client_port=".Length..].Split('-').Select(int.Parse).ToArray();

        Assert.NotEqual(5000, ports[0]);
        Assert.Equal(0, ports[0] % 2);
        Assert.Equal(ports[0] + 1, ports[1]);

        // The server answers with the public pair; the second player reads its own pair back.
        var reply = second.Answer(Reply(1, $"RTP/AVP;unicast;client_port={ports[0]}-{ports[1]};server_port=6002-6003", "BBBB"));
        Assert.Equal("RTP/AVP;unicast;client_port=5000-5001;server_port=6002-6003", TransportOf(reply));

        var toFirst = gateway.Udp(AlgHarness.Server, 6000, AlgHarness.Public, 5000, IngressSide.Outside);
        var toSecond = gateway.Udp(AlgHarness.Server, 6002, AlgHarness.Public, (ushort)ports[0], IngressSide.Outside);
        Assert.Equal((AlgHarness.Client, (ushort)5000), (toFirst.Info.DestinationAddress, toFirst.Info.DestinationPort));
        Assert.Equal((SecondPlayer, (ushort)5000), (toSecond.Info.DestinationAddress, toSecond.Info.DestinationPort));

        // The second player's RTCP leaves from the reserved public port, so the server's RTCP finds its way back.
        var receiverReport = gateway.Udp(SecondPlayer, 5001, AlgHarness.Server, 6003, IngressSide.Inside);
        Assert.Equal(ports[1], receiverReport.Info.SourcePort);
    }

    [Fact]
    public void A_server_that_changes_the_client_ports_is_followed_rfc2326_12_39()
    {
        var gateway = Gateway();
        var control = Connected(gateway);
        control.Send(Setup(5, "RTP/AVP;unicast;client_port=5000-5001"));

        var reply = control.Answer(Reply(5, "RTP/AVP;unicast;client_port=5010-5011;server_port=6000-6001"));

        Assert.Equal("RTP/AVP;unicast;client_port=5010-5011;server_port=6000-6001", TransportOf(reply));
        var rtp = gateway.Udp(AlgHarness.Server, 6000, AlgHarness.Public, 5010, IngressSide.Outside);
        Assert.Equal((AlgHarness.Client, (ushort)5010), (rtp.Info.DestinationAddress, rtp.Info.DestinationPort));
    }

    [Fact]
    public void Teardown_closes_the_pinholes_of_that_session_only_rfc2326_10_7()
    {
        var gateway = Gateway();
        var control = Connected(gateway);
        control.Send(Setup(1, "RTP/AVP;unicast;client_port=5000-5001"));
        control.Answer(Reply(1, "RTP/AVP;unicast;client_port=5000-5001;server_port=6000-6001", "one"));
        control.Send(Setup(2, "RTP/AVP;unicast;client_port=5002-5003", track: "other"));
        control.Answer(Reply(2, "RTP/AVP;unicast;client_port=5002-5003;server_port=6002-6003", "two"));
        Assert.Equal(4, gateway.Engine.Expectations.Count);

        control.Send($"TEARDOWN {Url} RTSP/1.0\r\nCSeq: 3\r\nSession: one\r\n\r\n");

        Assert.Equal(2, gateway.Engine.Expectations.Count);
        Assert.False(gateway.Udp(AlgHarness.Server, 6000, AlgHarness.Public, 5000, IngressSide.Outside).Forwarded);
        Assert.True(gateway.Udp(AlgHarness.Server, 6002, AlgHarness.Public, 5002, IngressSide.Outside).Forwarded);
    }

    [Fact]
    public void Two_tracks_of_one_session_each_get_their_pair()
    {
        var gateway = Gateway();
        var control = Connected(gateway);
        control.Send(Setup(1, "RTP/AVP;unicast;client_port=5000-5001", track: "audio"));
        control.Answer(Reply(1, "RTP/AVP;unicast;client_port=5000-5001;server_port=6000-6001", "S"));
        control.Send(Setup(2, "RTP/AVP;unicast;client_port=5002-5003", "S", "video"));
        control.Answer(Reply(2, "RTP/AVP;unicast;client_port=5002-5003;server_port=6002-6003", "S"));

        Assert.Equal(4, gateway.Engine.Expectations.Count);
        control.Send($"TEARDOWN {Url} RTSP/1.0\r\nCSeq: 3\r\nSession: S\r\n\r\n");
        Assert.Equal(0, gateway.Engine.Expectations.Count);
    }

    [Fact]
    public void A_destination_naming_another_host_is_removed_and_counted_rfc2326_12_39()
    {
        var gateway = Gateway();
        var control = Connected(gateway);

        var setup = control.Send(Setup(1, "RTP/AVP;unicast;destination=198.51.100.7;client_port=5000-5001"));

        Assert.Equal("RTP/AVP;unicast;client_port=5000-5001", TransportOf(setup));
        Assert.Equal(1, gateway.Counters.PartsRefused);
        Assert.Contains("destination", gateway.Counters.LastPartRefused, StringComparison.Ordinal);
        Assert.True(PacketBuilder.ChecksumsValid(setup.Frame));
    }

    [Fact]
    public void The_clients_own_destination_is_translated_to_its_public_address()
    {
        var gateway = Gateway();
        var control = Connected(gateway);

        var setup = control.Send(Setup(1, "RTP/AVP;unicast;destination=192.168.1.10;client_port=5000-5001"));

        Assert.Equal("RTP/AVP;unicast;destination=203.0.113.1;client_port=5000-5001", TransportOf(setup));
        Assert.Equal(0, gateway.Counters.PartsRefused);
    }

    [Fact]
    public void Rtsp2_dest_addr_of_the_client_is_translated_and_another_hosts_removed_rfc7826_18_54()
    {
        var gateway = Gateway();
        var second = Connected(gateway, 40002, SecondPlayer);
        second.Send(Setup(1, "RTP/AVP;unicast;client_port=5000-5001").Replace("RTSP/1.0", "RTSP/2.0", StringComparison.Ordinal));
        var control = Connected(gateway);

        // The first player holds 5000-5001 publicly, so this one's pair moves and dest_addr follows.
        var setup = control.Send($"SETUP {Url}/t RTSP/2.0\r\nCSeq: 1\r\nTransport: RTP/AVP;unicast;dest_addr=\"192.168.1.10:5000\"/\"192.168.1.10:5001\"\r\n\r\n");
        var transport = TransportOf(setup);
        Assert.StartsWith("RTP/AVP;unicast;dest_addr=\"203.0.113.1:", transport, StringComparison.Ordinal);
        Assert.DoesNotContain("192.168.1.10", transport, StringComparison.Ordinal);

        var other = control.Send($"SETUP {Url}/u RTSP/2.0\r\nCSeq: 2\r\nTransport: RTP/AVP;unicast;dest_addr=\"198.51.100.7:5000\"/\"198.51.100.7:5001\"\r\n\r\n");
        Assert.Equal("RTP/AVP;unicast", TransportOf(other));
    }

    [Fact]
    public void Interleaved_transport_opens_nothing_and_binary_frames_between_messages_are_skipped_rfc2326_10_12()
    {
        var gateway = Gateway();
        var control = Connected(gateway);
        control.Send(Setup(1, "RTP/AVP/TCP;unicast;interleaved=0-1"));
        control.Answer(Reply(1, "RTP/AVP/TCP;unicast;interleaved=0-1"));
        Assert.Equal(0, gateway.Engine.Expectations.Count);

        // A frame of 300 bytes split over two segments whose bytes look like a SETUP, then a real message.
        var fake = System.Text.Encoding.ASCII.GetBytes(Setup(9, "RTP/AVP;unicast;client_port=7000-7001").PadRight(300, 'x'));
        var frame = new byte[] { (byte)'$', 0, 1, 44 }.Concat(fake).ToArray();
        control.Send(frame[..100]);
        control.Send(frame[100..]);
        var real = control.Send(Setup(2, "RTP/AVP;unicast;client_port=5000-5001", "S", "t2"));
        control.Answer(Reply(2, "RTP/AVP;unicast;client_port=5000-5001;server_port=6000-6001", "S"));

        Assert.True(real.Forwarded);
        Assert.Equal(2, gateway.Engine.Expectations.Count);
        Assert.Equal(0, gateway.Counters.Malformed);
        Assert.Equal(0, gateway.Counters.Failures);
    }

    [Fact]
    public void Pipelined_setups_in_one_segment_are_both_translated()
    {
        var gateway = Gateway();
        var second = Connected(gateway, 40002, SecondPlayer);
        second.Send(Setup(1, "RTP/AVP;unicast;client_port=5000-5001"));
        second.Send(Setup(2, "RTP/AVP;unicast;client_port=5002-5003"));
        var control = Connected(gateway);

        var both = control.Send(Setup(1, "RTP/AVP;unicast;client_port=5000-5001", track: "a") + Setup(2, "RTP/AVP;unicast;client_port=5002-5003", track: "b"));

        var transports = both.Payload.Split("\r\n").Where(l => l.StartsWith("Transport:", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, transports.Length);
        Assert.All(transports, t => Assert.DoesNotContain("client_port=5000-", t, StringComparison.Ordinal));
        Assert.DoesNotContain("client_port=5002-", transports[1], StringComparison.Ordinal);
        Assert.True(PacketBuilder.ChecksumsValid(both.Frame));
    }

    [Fact]
    public void A_setup_split_over_two_segments_is_held_and_translated_whole()
    {
        var gateway = Gateway();
        var second = Connected(gateway, 40002, SecondPlayer);
        second.Send(Setup(1, "RTP/AVP;unicast;client_port=5000-5001"));
        var control = Connected(gateway);
        var text = Setup(1, "RTP/AVP;unicast;client_port=5000-5001");

        var head = control.Send(text[..50]);
        var tail = control.Send(text[50..]);

        Assert.Equal(0, head.Info.PayloadLength);
        Assert.StartsWith("SETUP ", tail.Payload, StringComparison.Ordinal);
        Assert.DoesNotContain("client_port=5000-5001", tail.Payload, StringComparison.Ordinal);
        Assert.Equal(1, gateway.Counters.SegmentsHeld);
    }

    [Fact]
    public void A_transport_inside_a_body_is_not_a_message_start_and_opens_nothing()
    {
        // Slipstreaming shape: attacker-controlled bytes that look like a SETUP, carried in a message body.
        var gateway = Gateway();
        var control = Connected(gateway);
        var body = Setup(7, "RTP/AVP;unicast;client_port=7000-7001");
        control.Send($"SET_PARAMETER {Url} RTSP/1.0\r\nCSeq: 7\r\nContent-Type: text/parameters\r\nContent-Length: {body.Length}\r\n\r\n{body}");
        var reply = control.Answer(Reply(7, "RTP/AVP;unicast;client_port=7000-7001;server_port=6000-6001"));

        Assert.Contains("client_port=7000-7001", TransportOf(reply), StringComparison.Ordinal);
        Assert.Equal(0, gateway.Engine.Expectations.Count);
        Assert.False(gateway.Udp(AlgHarness.Server, 6000, AlgHarness.Public, 7000, IngressSide.Outside).Forwarded);
    }

    [Fact]
    public void Bytes_that_are_not_rtsp_end_inspection_of_the_connection()
    {
        var gateway = Gateway();
        var control = Connected(gateway);
        control.Send("\u0016\u0003\u0001binary handshake\r\n");
        control.Send(Setup(1, "RTP/AVP;unicast;client_port=5000-5001"));
        control.Answer(Reply(1, "RTP/AVP;unicast;client_port=5000-5001;server_port=6000-6001"));

        Assert.Equal(1, gateway.Counters.Malformed);
        Assert.Equal(0, gateway.Engine.Expectations.Count);
    }

    [Fact]
    public void Server_inside_gets_its_server_ports_and_source_published_and_the_players_rtcp_reaches_it()
    {
        var gateway = Gateway(serverInside: true);
        var control = Connected(gateway, 41000, serverInside: true);
        control.Send(Setup(1, "RTP/AVP;unicast;client_port=7000-7001").Replace("203.0.113.20", "203.0.113.1", StringComparison.Ordinal));

        var reply = control.Answer(Reply(1, "RTP/AVP;unicast;client_port=7000-7001;source=192.168.1.21;server_port=6000-6001"));
        var transport = TransportOf(reply);
        Assert.Contains("source=203.0.113.1;", transport, StringComparison.Ordinal);
        var serverPort = int.Parse(transport[(transport.IndexOf("server_port=", StringComparison.Ordinal) + "server_port=".Length)..].Split('-')[0], System.Globalization.CultureInfo.InvariantCulture);

        // The player's RTCP to the published pair reaches the server's own RTCP port; the server's RTP leaves from the pair.
        var receiverReport = gateway.Udp(AlgHarness.Server, 7001, AlgHarness.PublishedServer, (ushort)(serverPort + 1), IngressSide.Outside);
        Assert.True(receiverReport.Forwarded);
        Assert.Equal((AlgHarness.InsideServer, (ushort)6001), (receiverReport.Info.DestinationAddress, receiverReport.Info.DestinationPort));
        var rtp = gateway.Udp(AlgHarness.InsideServer, 6000, AlgHarness.Server, 7000, IngressSide.Inside);
        Assert.Equal(serverPort, rtp.Info.SourcePort);
    }

    [Fact]
    public void Rtsp2_src_addr_of_a_server_inside_gets_its_public_pair_rfc7826_18_54()
    {
        var gateway = Gateway(serverInside: true);
        var control = Connected(gateway, 41000, serverInside: true);
        control.Send($"SETUP rtsp://203.0.113.1/t RTSP/2.0\r\nCSeq: 1\r\nTransport: RTP/AVP;unicast;dest_addr=\":7000\"/\":7001\"\r\n\r\n");

        var reply = control.Answer("RTSP/2.0 200 OK\r\nCSeq: 1\r\nSession: s2\r\nTransport: RTP/AVP;unicast;dest_addr=\":7000\"/\":7001\";src_addr=\"192.168.1.21:6000\"/\"192.168.1.21:6001\"\r\n\r\n");

        var transport = TransportOf(reply);
        Assert.DoesNotContain("192.168.1.21", transport, StringComparison.Ordinal);
        var rtp = int.Parse(transport.Split("src_addr=\"203.0.113.1:")[1].Split('"')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"/\"203.0.113.1:{rtp + 1}\"", transport, StringComparison.Ordinal);
        Assert.Equal(0, rtp % 2);
        var receiverReport = gateway.Udp(AlgHarness.Server, 7001, AlgHarness.PublishedServer, (ushort)(rtp + 1), IngressSide.Outside);
        Assert.Equal((AlgHarness.InsideServer, (ushort)6001), (receiverReport.Info.DestinationAddress, receiverReport.Info.DestinationPort));
    }

    [Fact]
    public void A_server_insides_describe_sdp_names_its_public_address_and_content_length_follows_rfc2326_10_2()
    {
        var gateway = Gateway(serverInside: true);
        var control = Connected(gateway, 41000, serverInside: true);
        control.Send("DESCRIBE rtsp://203.0.113.1/t RTSP/1.0\r\nCSeq: 2\r\nAccept: application/sdp\r\n\r\n");
        const string Sdp = "v=0\r\no=- 1 1 IN IP4 192.168.1.21\r\ns=t\r\nc=IN IP4 192.168.1.21\r\nt=0 0\r\nm=audio 0 RTP/AVP 0\r\na=control:track1\r\n";

        var reply = control.Answer($"RTSP/1.0 200 OK\r\nCSeq: 2\r\nContent-Type: application/sdp\r\nContent-Length: {Sdp.Length}\r\n\r\n{Sdp}");

        var (body, declared) = reply.Body();
        Assert.DoesNotContain("192.168.1.21", body, StringComparison.Ordinal);
        Assert.Contains("c=IN IP4 203.0.113.1\r\n", body, StringComparison.Ordinal);
        Assert.Contains("o=- 1 1 IN IP4 203.0.113.1\r\n", body, StringComparison.Ordinal);
        Assert.Equal(body.Length, declared);
        Assert.True(PacketBuilder.ChecksumsValid(reply.Frame));
    }
}
