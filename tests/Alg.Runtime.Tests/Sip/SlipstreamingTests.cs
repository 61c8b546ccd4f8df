using System.Buffers.Binary;
using System.Text;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using Alg.Runtime.Tests.Support;

namespace Alg.Runtime.Tests.Sip;

/// <summary>
/// NAT Slipstreaming (alg-behaviour §3): the attack shapes and the checks T1–T8 that stop them. The phone's address
/// is the victim's; "the server" plays the attacker's host. Where Linux's helper is the one that fails (T1: it has no
/// stream-position rule for SIP; T2: it activates a REGISTER pinhole on a matching CSeq alone), these tests show ours right.
/// </summary>
public sealed class SlipstreamingTests
{
    private const ushort VictimPort = 3306;

    private static string Register(string callId = "slip", int cseq = 1, string branch = "z9hG4bK-slip", string contactHost = "192.168.1.10", int contactPort = VictimPort, string transport = "TCP") => SipHarness.Message($"""
        REGISTER sip:203.0.113.20;transport={transport} SIP/2.0
        Via: SIP/2.0/{transport} 192.168.1.10:5060;branch={branch}
        From: <sip:x@203.0.113.20>;tag=1
        To: <sip:x@203.0.113.20>
        Call-ID: {callId}
        CSeq: {cseq} REGISTER
        Contact: <sip:x@{contactHost}:{contactPort};transport={transport}>
        Expires: 3600
        Max-Forwards: 70
        """);

    private static string RegisterOk(string callId = "slip", int cseq = 1, string branch = "z9hG4bK-slip", int contactPort = VictimPort, string transport = "TCP") => SipHarness.Message($"""
        SIP/2.0 200 OK
        Via: SIP/2.0/{transport} 203.0.113.1:5060;branch={branch}
        From: <sip:x@203.0.113.20>;tag=1
        To: <sip:x@203.0.113.20>;tag=2
        Call-ID: {callId}
        CSeq: {cseq} REGISTER
        Contact: <sip:x@203.0.113.1:{contactPort};transport={transport}>;expires=3600
        """);

    /// <summary>
    /// T1, v1 shape: a browser POSTs to the attacker's port 5060; padding puts a REGISTER naming the victim's inside
    /// address at the start of a later TCP segment, at every offset. It is never parsed: the connection did not start
    /// with a SIP start line (RFC 3261 §7.1), so no pinhole opens, the bytes pass unmodified, and the attacker's SYN
    /// to the named port is dropped. (Linux's SIP helper parses each segment on its own and opens the hole.)
    /// </summary>
    [Fact]
    public void T1_register_smuggled_in_a_later_segment_of_an_http_post_opens_nothing_at_any_offset()
    {
        var register = Encoding.ASCII.GetBytes(Register());
        for (var padding = 0; padding <= 96; padding += padding < 24 ? 1 : 12)
        {
            var gateway = new SipHarness([Alg.Policy.Algs.AlgPort.Tcp(5060)]);
            var post = Encoding.ASCII.GetBytes($"POST /x HTTP/1.1\r\nHost: 203.0.113.20:5060\r\nContent-Type: text/plain\r\nContent-Length: {1000}\r\n\r\n{new string('A', padding)}");
            var client = new TcpPeer(gateway, SipHarness.Phone, 50000, SipHarness.Server, 5060);
            client.Connect();
            var first = client.Send(post);
            var second = client.Send(register);

            Assert.Equal(post, first.PayloadBytes);
            Assert.Equal(register, second.PayloadBytes);
            gateway.ServerSends(RegisterOk(), 1);
            client.Answer(Encoding.ASCII.GetBytes(RegisterOk()));
            Assert.Equal(0, gateway.Engine.Expectations.Count);
            var syn = gateway.Send(PacketBuilder.Tcp(SipHarness.Server, 40001, SipHarness.Public, VictimPort, TcpFlags.Syn, 7), 3 * NatHarness.Second, IngressSide.Outside);
            Assert.False(syn.Forwarded, $"padding {padding}");
        }
    }

    /// <summary>T1, positive control: the same REGISTER at the start of a SIP connection does create the binding.</summary>
    [Fact]
    public void T1_the_same_register_at_the_stream_start_is_a_registration()
    {
        var gateway = new SipHarness([Alg.Policy.Algs.AlgPort.Tcp(5060)]);
        var client = new TcpPeer(gateway, SipHarness.Phone, 5060, SipHarness.Server, 5060);
        client.Connect();
        var sent = client.Send(Encoding.ASCII.GetBytes(Register(contactPort: 5060)));
        Assert.Contains("Contact: <sip:x@203.0.113.1:5060;transport=TCP>", sent.Payload, StringComparison.Ordinal);
        client.Answer(Encoding.ASCII.GetBytes(RegisterOk(contactPort: 5060)));
        Assert.Equal(1, gateway.Engine.Expectations.Count);
    }

    /// <summary>T1: a message that follows a complete one exactly is read; bytes after a non-SIP start are not.</summary>
    [Fact]
    public void T1_messages_are_read_only_at_the_exact_end_of_the_previous_one()
    {
        var gateway = new SipHarness([Alg.Policy.Algs.AlgPort.Tcp(5060)]);
        var client = new TcpPeer(gateway, SipHarness.Phone, 5060, SipHarness.Server, 5060);
        client.Connect();
        var options = SipHarness.Message("""
            OPTIONS sip:203.0.113.20 SIP/2.0
            Via: SIP/2.0/TCP 192.168.1.10:5060;branch=z9hG4bK-o
            From: <sip:x@192.168.1.10:5060>;tag=1
            To: <sip:x@203.0.113.20>
            Call-ID: o1
            CSeq: 1 OPTIONS
            Max-Forwards: 70
            """);

        // Two messages in one segment, then a keep-alive CRLF, then one more: all translated.
        var sent = client.Send(Encoding.ASCII.GetBytes(options + options.Replace("o1", "o2", StringComparison.Ordinal) + "\r\n\r\n" + options.Replace("o1", "o3", StringComparison.Ordinal)));
        Assert.Equal(3, CountOf(sent.Payload, "Via: SIP/2.0/TCP 203.0.113.1:5060"));

        // A message whose Content-Length overstates its body swallows what follows; a later garbage start stops reading.
        var stopped = client.Send(Encoding.ASCII.GetBytes("XYZZY\r\n\r\n" + options.Replace("o1", "o4", StringComparison.Ordinal)));
        Assert.Contains("Via: SIP/2.0/TCP 192.168.1.10:5060", stopped.Payload, StringComparison.Ordinal);
        var later = client.Send(Encoding.ASCII.GetBytes(options.Replace("o1", "o5", StringComparison.Ordinal)));
        Assert.Contains("Via: SIP/2.0/TCP 192.168.1.10:5060", later.Payload, StringComparison.Ordinal);
    }

    /// <summary>T2 (RFC 3261 §17.1.3: a response matches its client transaction by branch and CSeq method; §10.3):
    /// a 2xx activates a registration only if Call-ID, CSeq and top-Via branch match a REGISTER seen on the same flow.</summary>
    [Theory]
    [InlineData("other-call", 1, "z9hG4bK-slip")]
    [InlineData("slip", 2, "z9hG4bK-slip")]
    [InlineData("slip", 1, "z9hG4bK-forged")]
    public void T2_a_2xx_that_does_not_match_the_register_changes_nothing(string callId, int cseq, string branch)
    {
        var gateway = new SipHarness();
        gateway.PhoneSends(Register(transport: "UDP", contactPort: 5060));
        gateway.ServerSends(RegisterOk(callId, cseq, branch, 5060, "UDP"), 1);
        Assert.Equal(0, gateway.Engine.Expectations.Count);

        gateway.ServerSends(RegisterOk(transport: "UDP", contactPort: 5060), 2);
        Assert.Equal(1, gateway.Engine.Expectations.Count);
    }

    /// <summary>T2: a 2xx on another flow (another source port of the attacker) matches nothing.</summary>
    [Fact]
    public void T2_a_2xx_from_another_flow_changes_nothing()
    {
        var gateway = new SipHarness();
        gateway.PhoneSends(Register(transport: "UDP", contactPort: 5060));
        var forged = gateway.ServerSends(RegisterOk(transport: "UDP", contactPort: 5060), 1, sourcePort: 5062);
        Assert.False(forged.Forwarded);
        Assert.Equal(0, gateway.Engine.Expectations.Count);
    }

    /// <summary>
    /// T3 (RFC 791 §3.2 reassembly; RFC 4787 REQ-14): a REGISTER placed at the start of a later fragment behind a
    /// fake UDP header is never inspected: the ALG sees only the reassembled datagram, which starts with the first
    /// fragment's payload and is not SIP.
    /// </summary>
    [Fact]
    public void T3_a_fake_udp_header_in_a_later_fragment_is_never_inspected()
    {
        var gateway = new SipHarness();
        var head = Encoding.ASCII.GetBytes("GET /padding HTTP/1.1\r\nX: " + new string('B', 1480 - 8 - 26));
        var fake = new byte[8];
        BinaryPrimitives.WriteUInt16BigEndian(fake, 5060);
        BinaryPrimitives.WriteUInt16BigEndian(fake.AsSpan(2), 5060);
        var smuggled = fake.Concat(Encoding.ASCII.GetBytes(Register(transport: "UDP"))).ToArray();
        var udpPayload = head.Concat(smuggled).ToArray();
        var udp = new byte[8 + udpPayload.Length];
        BinaryPrimitives.WriteUInt16BigEndian(udp, 5060);
        BinaryPrimitives.WriteUInt16BigEndian(udp.AsSpan(2), 5060);
        BinaryPrimitives.WriteUInt16BigEndian(udp.AsSpan(4), (ushort)udp.Length);
        udpPayload.CopyTo(udp, 8);
        var split = 1480;
        var first = PacketBuilder.Ipv4(SipHarness.Phone, SipHarness.Server, IpProtocol.Udp, udp.AsSpan(0, split), withChecksum: false, identification: 77, fragmentField: 0x2000);
        var second = PacketBuilder.Ipv4(SipHarness.Phone, SipHarness.Server, IpProtocol.Udp, udp.AsSpan(split), withChecksum: false, identification: 77, fragmentField: (ushort)(split / 8));

        gateway.Send(second, 0, IngressSide.Inside);
        gateway.Send(first, 1, IngressSide.Inside);
        gateway.ServerSends(RegisterOk(transport: "UDP"), 2);

        Assert.Equal(0, gateway.Engine.Expectations.Count);
        Assert.Equal(0, gateway.Counters.RewritesApplied);
        Assert.False(gateway.Udp(SipHarness.Server, 4000, SipHarness.Public, VictimPort, new byte[8], 3, IngressSide.Outside).Forwarded);
    }

    /// <summary>
    /// T4 (H.323 v2 shape: ITU-T H.225.0 Facility with callForwarded): the H.323 ALG reads the connection and a
    /// Facility naming another LAN host opens nothing (a well-formed Slipstreaming 2.0 Facility, generated from the
    /// ITU modules, is in H323AlgTests).
    /// </summary>
    [Fact]
    public void T4_an_h323_facility_forwarding_to_a_lan_host_opens_nothing()
    {
        var policy = AlgPolicies.PatEverythingStrict().WithAlgs("h323-q931");
        var engine = TestEngines.Nat(policy, new NatEngineOptions(FlowCapacity: 256, MappingCapacity: 256, ExpectationCapacity: 16));
        var stage = new Alg.Runtime.Algs.AlgStage(Alg.StdlibAlgs.StandardAlgs.CreateHandlers(), TestEngines.Program(policy));
        engine.UseAlgs(stage);
        var facility = new byte[] { 0x03, 0x00, 0x00, 0x20, 0x08, 0x02, 0x00, 0x01, 0x62, 0x1c, 0x00, 0x0a, 0xc0, 0xa8, 0x01, 0x63, 0x06, 0xb8 }.Concat(new byte[14]).ToArray();
        Send(engine, PacketBuilder.Tcp(SipHarness.Phone, 50001, SipHarness.Server, 1720, TcpFlags.Syn, 10), 0, IngressSide.Inside);
        Send(engine, PacketBuilder.Tcp(SipHarness.Server, 1720, SipHarness.Public, 50001, TcpFlags.Syn | TcpFlags.Ack, 500, 11), 1, IngressSide.Outside);
        Send(engine, PacketBuilder.Tcp(SipHarness.Server, 1720, SipHarness.Public, 50001, TcpFlags.Ack | TcpFlags.Psh, 501, 11, facility), 2, IngressSide.Outside);

        Assert.DoesNotContain("h323-q931", stage.Unhandled);
        Assert.Equal(0, engine.Expectations.Count);
    }

    /// <summary>T5: a Contact that is not the sender opens no registration; SDP naming another host or a port below
    /// 1024 opens no media hole; a hole admits only its peer; mapped media ports are never below 1024.</summary>
    [Fact]
    public void T5_only_the_senders_own_endpoints_and_unprivileged_ports_open_holes_for_the_peer_only()
    {
        var gateway = new SipHarness();
        gateway.PhoneSends(Register(transport: "UDP", contactHost: "192.168.1.99", contactPort: 5060));
        gateway.ServerSends(RegisterOk(transport: "UDP", contactPort: 5060), 1);
        Assert.Equal(0, gateway.Engine.Expectations.Count);

        var invite = """
            INVITE sip:bob@203.0.113.20 SIP/2.0
            Via: SIP/2.0/UDP 192.168.1.10:5060;branch=z9hG4bK-t5
            From: <sip:a@203.0.113.20>;tag=5
            To: <sip:bob@203.0.113.20>
            Call-ID: t5
            CSeq: 1 INVITE
            Max-Forwards: 70
            Content-Type: application/sdp
            """;
        var otherHost = SipHarness.Sdp("v=0", "o=a 1 1 IN IP4 192.168.1.99", "s=-", "c=IN IP4 192.168.1.99", "t=0 0", "m=audio 6000 RTP/AVP 0");
        var privileged = SipHarness.Sdp("v=0", "o=a 1 1 IN IP4 192.168.1.10", "s=-", "c=IN IP4 192.168.1.10", "t=0 0", "m=audio 445 RTP/AVP 0");
        Assert.Contains("c=IN IP4 192.168.1.99", gateway.PhoneSends(SipHarness.Message(invite, otherHost), 2).Payload, StringComparison.Ordinal);
        Assert.Contains("m=audio 445 ", gateway.PhoneSends(SipHarness.Message(invite.Replace("t5", "t5b", StringComparison.Ordinal), privileged), 3).Payload, StringComparison.Ordinal);
        Assert.Equal(0, gateway.Engine.Expectations.Count);

        var good = SipHarness.Sdp("v=0", "o=a 1 1 IN IP4 192.168.1.10", "s=-", "c=IN IP4 192.168.1.10", "t=0 0", "m=audio 6000 RTP/AVP 0");
        var sent = gateway.PhoneSends(SipHarness.Message(invite.Replace("t5", "t5c", StringComparison.Ordinal), good), 4);
        var port = ushort.Parse(sent.Payload.Split("\r\n").Single(l => l.StartsWith("m=audio", StringComparison.Ordinal)).Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(port >= 1024);
        Assert.False(gateway.Udp(SipHarness.Stranger, 8000, SipHarness.Public, port, new byte[12], 5, IngressSide.Outside).Forwarded);
        Assert.True(gateway.Udp(SipHarness.Server, 8000, SipHarness.Public, port, new byte[12], 5, IngressSide.Outside).Forwarded);
    }

    /// <summary>T6 (RFC 3261 §10.2.2: Expires 0 removes a binding): it removes only the binding of the same flow and
    /// Call-ID; another registration of the same phone stays.</summary>
    [Fact]
    public void T6_expires_zero_removes_only_that_call_ids_binding()
    {
        var gateway = new SipHarness();
        gateway.PhoneSends(Register("reg-a", 1, "z9hG4bK-a", transport: "UDP", contactPort: 5060));
        gateway.ServerSends(RegisterOk("reg-a", 1, "z9hG4bK-a", 5060, "UDP"), 1);
        gateway.PhoneSends(Register("reg-b", 1, "z9hG4bK-b", transport: "UDP", contactPort: 5060), 2);
        gateway.ServerSends(RegisterOk("reg-b", 1, "z9hG4bK-b", 5060, "UDP"), 3);
        Assert.Equal(2, gateway.Engine.Expectations.Count);

        gateway.PhoneSends(Register("reg-a", 2, "z9hG4bK-a2", transport: "UDP", contactPort: 5060).Replace("Expires: 3600", "Expires: 0", StringComparison.Ordinal), 4);
        gateway.ServerSends(RegisterOk("reg-a", 2, "z9hG4bK-a2", 5060, "UDP").Replace("expires=3600", "expires=0", StringComparison.Ordinal), 5);
        Assert.Equal(1, gateway.Engine.Expectations.Count);
        Assert.Equal(1, gateway.Engine.Expectations.CountGroup(gateway.Stage.Plans[0]!.OwnerTag, FirstFlow(gateway), Hash("reg-b")));
    }

    /// <summary>T8: the ports browsers now block because of Slipstreaming are never opened as media, even when an SDP
    /// from the phone's own address names them.</summary>
    [Theory]
    [InlineData(5060, "")]
    [InlineData(1720, "")]
    [InlineData(6666, "")]
    [InlineData(10080, "")]
    [InlineData(7000, "a=rtcp:6667")]
    public void T8_media_on_ports_browsers_block_gets_no_hole(int port, string rtcp)
    {
        var gateway = new SipHarness();
        var lines = new List<string> { "v=0", "o=a 1 1 IN IP4 192.168.1.10", "s=-", "c=IN IP4 192.168.1.10", "t=0 0", $"m=audio {port} RTP/AVP 0" };
        if (rtcp.Length > 0)
        {
            lines.Add(rtcp);
        }

        var sdp = SipHarness.Sdp([.. lines]);
        gateway.PhoneSends(SipHarness.Message("""
            INVITE sip:bob@203.0.113.20 SIP/2.0
            Via: SIP/2.0/UDP 192.168.1.10:5060;branch=z9hG4bK-t8
            From: <sip:a@203.0.113.20>;tag=8
            To: <sip:bob@203.0.113.20>
            Call-ID: t8
            CSeq: 1 INVITE
            Max-Forwards: 70
            Content-Type: application/sdp
            """, sdp));
        Assert.Equal(0, gateway.Engine.Expectations.Count);
    }

    /// <summary>T8 looks at the RTCP port only when RTCP has one: with rtcp-mux (RFC 5761) port+1 is not used.</summary>
    [Fact]
    public void T8_a_muxed_stream_next_to_a_blocked_port_still_gets_its_hole()
    {
        var gateway = new SipHarness();
        var sdp = SipHarness.Sdp("v=0", "o=a 1 1 IN IP4 192.168.1.10", "s=-", "c=IN IP4 192.168.1.10", "t=0 0", "m=audio 5059 RTP/AVP 0", "a=rtcp-mux");
        gateway.PhoneSends(SipHarness.Message("""
            INVITE sip:bob@203.0.113.20 SIP/2.0
            Via: SIP/2.0/UDP 192.168.1.10:5060;branch=z9hG4bK-t8m
            From: <sip:a@203.0.113.20>;tag=8
            To: <sip:bob@203.0.113.20>
            Call-ID: t8m
            CSeq: 1 INVITE
            Max-Forwards: 70
            Content-Type: application/sdp
            """, sdp));
        Assert.Equal(1, gateway.Engine.Expectations.Count);
    }

    private static Alg.Runtime.Flows.FlowId FirstFlow(SipHarness gateway)
    {
        var key = new Alg.Runtime.Flows.FlowKey(SipHarness.Phone, SipHarness.Server, 5060, 5060, IpProtocol.Udp, Alg.Runtime.Flows.FlowSide.Inside);
        var index = gateway.Engine.Flows.Find(key, out _);
        return gateway.Engine.Flows.IdOf(index);
    }

    private static long Hash(string callId) => Alg.StdlibAlgs.Sip.SipAlg.CallGroupOf(Encoding.ASCII.GetBytes(callId));

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static void Send(NatEngine engine, byte[] frame, long seconds, IngressSide side)
    {
        var buffer = new byte[4096];
        frame.CopyTo(buffer, 0);
        var packet = new PacketBuffer(buffer, 0, frame.Length, buffer.Length);
        engine.Process(ref packet, LinkType.Ethernet, seconds * NatHarness.Second, side);
    }
}
