using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Alg.Policy.Algs;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using Alg.Runtime.Tests.Support;
using Alg.StdlibAlgs;
using Alg.StdlibAlgs.Sip;

namespace Alg.Runtime.Tests.Sip;

/// <summary>
/// The SIP ALG against the sixteen ways SIP ALGs break calls (alg-behaviour §2): one test per row at least, named
/// after it, through NatEngine + AlgStage with both engines deciding every packet.
/// </summary>
public sealed class SipAlgTests
{
    private const string PhoneInvite = """
        INVITE sip:bob@203.0.113.20 SIP/2.0
        Via: SIP/2.0/UDP 192.168.1.10:5060;branch=z9hG4bK-1;rport
        From: "Alice" <sip:alice@192.168.1.10:5060>;tag=a1
        To: <sip:bob@203.0.113.20>
        Call-ID: c1@192.168.1.10
        CSeq: 1 INVITE
        Contact: <sip:alice@192.168.1.10:5060>
        Max-Forwards: 70
        Content-Type: application/sdp
        """;

    private static readonly string PhoneOffer = SipHarness.Sdp(
        "v=0",
        "o=alice 1 1 IN IP4 192.168.1.10",
        "s=-",
        "c=IN IP4 192.168.1.10",
        "t=0 0",
        "m=audio 6000 RTP/AVP 0 101",
        "a=rtpmap:101 telephone-event/8000");

    private static readonly string ServerAnswer = SipHarness.Message(
        """
        SIP/2.0 200 OK
        Via: SIP/2.0/UDP 203.0.113.1:5060;branch=z9hG4bK-1;rport=5060;received=203.0.113.1
        From: "Alice" <sip:alice@203.0.113.1:5060>;tag=a1
        To: <sip:bob@203.0.113.20>;tag=b1
        Call-ID: c1@192.168.1.10
        CSeq: 1 INVITE
        Contact: <sip:bob@203.0.113.20:5060>
        Content-Type: application/sdp
        """,
        SipHarness.Sdp("v=0", "o=bob 2 2 IN IP4 203.0.113.20", "s=-", "c=IN IP4 203.0.113.20", "t=0 0", "m=audio 8000 RTP/AVP 0"));

    [Fact]
    public void Sip_alg_is_registered_with_the_catalog_descriptor()
    {
        Assert.Same(AlgCatalog.Get("sip"), new SipAlg().Descriptor);
        Assert.DoesNotContain("sip", new Alg.Runtime.Algs.AlgStage(StandardAlgs.CreateHandlers(), TestEngines.Program(new SipHarness().Policy)).Unhandled);
    }

    /// <summary>The basic call: RFC 3261 §18.2.1 Via, §20.10 Contact, RFC 4566 §5.2 o=, §5.7 c=, RFC 3261 §18.3 Content-Length.</summary>
    [Fact]
    public void Outbound_invite_translates_the_phones_own_endpoint_everywhere_it_is_named_and_nothing_else()
    {
        var gateway = new SipHarness();
        var sent = gateway.PhoneSends(SipHarness.Message(PhoneInvite, PhoneOffer));

        Assert.True(sent.Forwarded);
        var text = sent.Payload;
        Assert.StartsWith("INVITE sip:bob@203.0.113.20 SIP/2.0\r\n", text, StringComparison.Ordinal);
        Assert.Contains("Via: SIP/2.0/UDP 203.0.113.1:5060;branch=z9hG4bK-1;rport\r\n", text, StringComparison.Ordinal);
        Assert.Contains("From: \"Alice\" <sip:alice@203.0.113.1:5060>;tag=a1\r\n", text, StringComparison.Ordinal);
        Assert.Contains("Contact: <sip:alice@203.0.113.1:5060>\r\n", text, StringComparison.Ordinal);
        Assert.Contains("Call-ID: c1@192.168.1.10\r\n", text, StringComparison.Ordinal);
        Assert.Contains("o=alice 1 1 IN IP4 203.0.113.1\r\n", text, StringComparison.Ordinal);
        Assert.Contains("c=IN IP4 203.0.113.1\r\n", text, StringComparison.Ordinal);
        Assert.Contains("m=audio 6000 RTP/AVP 0 101\r\n", text, StringComparison.Ordinal);
        var (body, declared) = sent.Body();
        Assert.Equal(Encoding.ASCII.GetByteCount(body), declared);
        Assert.True(PacketBuilder.ChecksumsValid(sent.Frame));
    }

    /// <summary>RFC 3261 §18.1.2: a response whose top Via sent-by is not what the client wrote is dropped by it, so
    /// the responses' Via (and received/rport, RFC 3581 §4) come back to the phone's own values.</summary>
    [Fact]
    public void Inbound_response_gets_the_phones_own_via_and_from_back()
    {
        var gateway = new SipHarness();
        gateway.PhoneSends(SipHarness.Message(PhoneInvite, PhoneOffer));
        var answer = gateway.ServerSends(ServerAnswer, 1);

        Assert.True(answer.Forwarded);
        Assert.Contains("Via: SIP/2.0/UDP 192.168.1.10:5060;branch=z9hG4bK-1;rport=5060;received=192.168.1.10\r\n", answer.Payload, StringComparison.Ordinal);
        Assert.Contains("From: \"Alice\" <sip:alice@192.168.1.10:5060>;tag=a1\r\n", answer.Payload, StringComparison.Ordinal);
        Assert.Contains("c=IN IP4 203.0.113.20\r\n", answer.Payload, StringComparison.Ordinal);
        var (body, declared) = answer.Body();
        Assert.Equal(Encoding.ASCII.GetByteCount(body), declared);
    }

    /// <summary>Row 1 (RFC 3581, RFC 5389): a NAT-aware phone that already announces its public mapping is left alone,
    /// both ways, so the server's keep-alive logic keeps working.</summary>
    [Fact]
    public void Row01_nat_aware_client_with_its_stun_address_is_not_rewritten_either_way()
    {
        var gateway = new SipHarness();
        var register = SipHarness.Message("""
            REGISTER sip:203.0.113.20 SIP/2.0
            Via: SIP/2.0/UDP 203.0.113.1:5060;branch=z9hG4bK-r1;rport
            From: <sip:alice@203.0.113.20>;tag=r1
            To: <sip:alice@203.0.113.20>
            Call-ID: reg1@203.0.113.1
            CSeq: 1 REGISTER
            Contact: <sip:alice@203.0.113.1:5060>
            Expires: 600
            Max-Forwards: 70
            """);
        var sent = gateway.PhoneSends(register);
        Assert.Equal(register, sent.Payload);

        var ok = SipHarness.Message("""
            SIP/2.0 200 OK
            Via: SIP/2.0/UDP 203.0.113.1:5060;branch=z9hG4bK-r1;rport=5060;received=203.0.113.1
            From: <sip:alice@203.0.113.20>;tag=r1
            To: <sip:alice@203.0.113.20>;tag=s1
            Call-ID: reg1@203.0.113.1
            CSeq: 1 REGISTER
            Contact: <sip:alice@203.0.113.1:5060>;expires=600
            """);
        var answer = gateway.ServerSends(ok, 1);
        Assert.Equal(ok, answer.Payload);
        Assert.Equal(0, gateway.Counters.RewritesApplied);
    }

    /// <summary>Row 2 (RFC 3261 §8.1.1.4 Call-ID, §19.3 tags and branch; RFC 8445 §5.4): the private address inside
    /// identifiers is not an address and is never replaced.</summary>
    [Fact]
    public void Row02_call_id_tags_branch_and_record_route_keep_the_private_address()
    {
        var gateway = new SipHarness();
        var invite = SipHarness.Message(
            """
            INVITE sip:bob@203.0.113.20 SIP/2.0
            Via: SIP/2.0/UDP 192.168.1.10:5060;branch=z9hG4bK.192.168.1.10
            From: <sip:alice@192.168.1.10:5060>;tag=192.168.1.10
            To: <sip:bob@203.0.113.20>
            Call-ID: 192.168.1.10:5060@192.168.1.10
            CSeq: 1 INVITE
            Contact: <sip:alice@192.168.1.10:5060>
            Max-Forwards: 70
            """);
        var text = gateway.PhoneSends(invite).Payload;

        Assert.Contains(";branch=z9hG4bK.192.168.1.10\r\n", text, StringComparison.Ordinal);
        Assert.Contains(";tag=192.168.1.10\r\n", text, StringComparison.Ordinal);
        Assert.Contains("Call-ID: 192.168.1.10:5060@192.168.1.10\r\n", text, StringComparison.Ordinal);
        Assert.Contains("Via: SIP/2.0/UDP 203.0.113.1:5060;", text, StringComparison.Ordinal);
    }

    /// <summary>Row 2 (RFC 8445 §5.4, RFC 8839): SDP with ICE candidates is left whole; no media pinhole is opened.</summary>
    [Fact]
    public void Row02_sdp_with_ice_candidates_is_left_alone()
    {
        var gateway = new SipHarness();
        var ice = SipHarness.Sdp(
            "v=0",
            "o=alice 1 1 IN IP4 192.168.1.10",
            "s=-",
            "c=IN IP4 192.168.1.10",
            "t=0 0",
            "m=audio 6000 RTP/AVP 0",
            "a=candidate:1 1 UDP 2130706431 192.168.1.10 6000 typ host",
            "a=candidate:2 1 UDP 1694498815 203.0.113.1 6000 typ srflx raddr 192.168.1.10 rport 6000");
        var text = gateway.PhoneSends(SipHarness.Message(PhoneInvite, ice)).Payload;

        Assert.EndsWith(ice, text, StringComparison.Ordinal);

        // Only the dialog's signalling hole: no media one.
        Assert.Equal(1, gateway.Engine.Expectations.Count);
    }

    /// <summary>Row 3 (RFC 3261 §18.3): Content-Length follows the body's own change; bytes a phone pads the datagram
    /// with after the body are not body, are kept, and are not counted (an ALG that recomputes from the datagram length
    /// gets this wrong).</summary>
    [Fact]
    public void Row03_content_length_is_recomputed_from_the_real_body_not_the_datagram()
    {
        var gateway = new SipHarness();
        var padded = SipHarness.Message(PhoneInvite, PhoneOffer) + "\r\n\r\n";
        var sent = gateway.PhoneSends(padded);

        var text = sent.Payload;
        Assert.EndsWith("\r\n\r\n\r\n", text, StringComparison.Ordinal);
        var headerEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4;
        var declared = int.Parse(text.Split("\r\n").Single(l => l.StartsWith("Content-Length:", StringComparison.Ordinal))["Content-Length:".Length..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(text.Length - headerEnd - 4, declared);
        Assert.Equal(PhoneOffer.Length - 2, declared); // o= and c= each one character shorter
        Assert.Contains("c=IN IP4 203.0.113.1", text, StringComparison.Ordinal);
    }

    /// <summary>
    /// Row 4 (RFC 3261 §18.3 stream framing; RFC 2663 §7.1 seq/ack): an INVITE whose body comes in a second segment is
    /// held back and sent whole, translated, with the second segment; later segments and the peer's ACKs carry the
    /// shift. (Linux passes such a message untranslated.)
    /// </summary>
    [Fact]
    public void Row04_message_split_over_tcp_segments_is_translated_whole_and_seq_ack_stay_consistent()
    {
        var gateway = new SipHarness([AlgPort.Tcp(5060)]);
        var client = new TcpPeer(gateway, SipHarness.Phone, 5060, SipHarness.Server, 5060);
        client.Connect();
        var message = Encoding.ASCII.GetBytes(SipHarness.Message(PhoneInvite.Replace("UDP", "TCP", StringComparison.Ordinal), PhoneOffer));
        var split = message.Length - 40;
        var first = client.Send(message[..split]);
        var second = client.Send(message[split..]);

        Assert.True(first.Forwarded);
        Assert.Empty(first.PayloadBytes);
        var whole = second.Payload;
        Assert.StartsWith("INVITE sip:bob@203.0.113.20 SIP/2.0", whole, StringComparison.Ordinal);
        Assert.Contains("Via: SIP/2.0/TCP 203.0.113.1:5060;", whole, StringComparison.Ordinal);
        Assert.Contains("c=IN IP4 203.0.113.1\r\n", whole, StringComparison.Ordinal);
        Assert.Equal(Tcp.Sequence(first.Frame, first.Info), Tcp.Sequence(second.Frame, second.Info));
        var grown = whole.Length - message.Length;
        Assert.Equal(1, gateway.Counters.SegmentsHeld);
        Assert.Equal(1, gateway.Counters.SegmentsCoalesced);

        // The server acknowledges the translated length; the phone must see its own.
        var start = Tcp.Sequence(second.Frame, second.Info);
        var ack = gateway.Send(PacketBuilder.Tcp(SipHarness.Server, 5060, SipHarness.Public, client.MappedPort, TcpFlags.Ack, 50001, start + (uint)whole.Length), 9 * NatHarness.Second, IngressSide.Outside);
        Assert.Equal(start + (uint)message.Length, Tcp.Acknowledgment(ack.Frame, ack.Info));
        Assert.NotEqual(0, grown);
        var next = client.Send(Encoding.ASCII.GetBytes("\r\n\r\n"));
        Assert.Equal(Tcp.Sequence(second.Frame, second.Info) + (uint)whole.Length, Tcp.Sequence(next.Frame, next.Info));
        Assert.True(PacketBuilder.ChecksumsValid(second.Frame));
    }

    /// <summary>Row 4, Nagle (RFC 896): a sender that retransmits the held start before sending the rest gets it
    /// through as it is, rather than a stalled connection.</summary>
    [Fact]
    public void Row04_held_start_is_released_when_the_sender_retransmits_it()
    {
        var gateway = new SipHarness([AlgPort.Tcp(5060)]);
        var client = new TcpPeer(gateway, SipHarness.Phone, 5060, SipHarness.Server, 5060);
        client.Connect();
        var message = Encoding.ASCII.GetBytes(SipHarness.Message(PhoneInvite.Replace("UDP", "TCP", StringComparison.Ordinal), PhoneOffer));
        var split = message.Length - 40;
        client.Send(message[..split]);
        var retransmitted = client.Retransmit(message[..split]);

        Assert.Equal(message[..split], retransmitted.PayloadBytes);
        Assert.Equal(1, gateway.Counters.HoldsReleased);
        Assert.True(client.Send(message[split..]).Forwarded);
    }

    /// <summary>Row 5 (RFC 5246 record layer; RFC 4168 SCTP): TLS bytes on a port configured for SIP are not SIP text;
    /// the connection is passed untouched and never opens anything.</summary>
    [Fact]
    public void Row05_tls_on_a_sip_port_passes_untouched_and_opens_nothing()
    {
        var gateway = new SipHarness([AlgPort.Tcp(5061)]);
        byte[] clientHello = [0x16, 0x03, 0x01, 0x00, 0x30, 0x01, 0x00, 0x00, 0x2c, 0x03, 0x03, .. Encoding.ASCII.GetBytes("REGISTER sip:x SIP/2.0\r\nContact: <sip:a@192.168.1.10:5061>\r\n")];
        gateway.Send(PacketBuilder.Tcp(SipHarness.Phone, 40000, SipHarness.Server, 5061, TcpFlags.Syn, 100), 0, IngressSide.Inside);
        gateway.Send(PacketBuilder.Tcp(SipHarness.Server, 5061, SipHarness.Public, 40000, TcpFlags.Syn | TcpFlags.Ack, 900, 101), 1, IngressSide.Outside);
        var sent = gateway.Send(PacketBuilder.Tcp(SipHarness.Phone, 40000, SipHarness.Server, 5061, TcpFlags.Ack | TcpFlags.Psh, 101, 901, clientHello), 2, IngressSide.Inside);

        Assert.True(sent.Forwarded);
        Assert.Equal(clientHello, sent.PayloadBytes);
        Assert.Equal(0, gateway.Engine.Expectations.Count);
    }

    /// <summary>Row 5: SIP carried in SCTP (RFC 4168) is not given to the ALG.</summary>
    [Fact]
    public void Row05_sip_over_sctp_is_not_inspected()
    {
        var gateway = new SipHarness();
        var before = gateway.Counters.Inspected;
        var sctp = new byte[12 + 16];
        sctp[0] = 0x13;
        sctp[1] = 0xC4;
        sctp[2] = 0x13;
        sctp[3] = 0xC4;
        gateway.Send(PacketBuilder.Ipv4(SipHarness.Phone, SipHarness.Server, IpProtocol.Sctp, sctp, withChecksum: true), 0, IngressSide.Inside);
        Assert.Equal(before, gateway.Counters.Inspected);
    }

    /// <summary>Row 6: the ports come from the configuration (RFC 4787 REQ-10a: each ALG switchable, with its ports).</summary>
    [Fact]
    public void Row06_non_standard_port_from_the_config_is_inspected_and_the_default_then_is_not()
    {
        var gateway = new SipHarness([AlgPort.Udp(5080)]);
        var invite = SipHarness.Message(PhoneInvite, PhoneOffer);

        Assert.Contains("c=IN IP4 203.0.113.1", gateway.PhoneSends(invite, 0, 5060, 5080).Payload, StringComparison.Ordinal);
        Assert.Equal(invite, gateway.PhoneSends(invite.Replace("c1@", "c2@", StringComparison.Ordinal), 0, 5062, 5060).Payload.Replace("c2@", "c1@", StringComparison.Ordinal));
    }

    /// <summary>Row 7 (RFC 3264 §8.4 hold with c=0.0.0.0, §6 port 0 refuses a stream): neither is rewritten nor opened,
    /// and a re-INVITE that moves the media replaces the call's pinholes (§8.3.1).</summary>
    [Fact]
    public void Row07_hold_and_refused_streams_open_nothing_and_a_reinvite_moves_the_pinholes()
    {
        var gateway = new SipHarness();
        gateway.PhoneSends(SipHarness.Message(PhoneInvite, PhoneOffer));

        // RTP and RTCP, and the dialog's signalling hole for the far end's in-dialog requests.
        Assert.Equal(3, gateway.Engine.Expectations.Count);

        var moved = PhoneOffer.Replace("m=audio 6000", "m=audio 7000", StringComparison.Ordinal).Replace("o=alice 1 1", "o=alice 1 2", StringComparison.Ordinal);
        var reinvite = gateway.PhoneSends(SipHarness.Message(PhoneInvite.Replace("CSeq: 1", "CSeq: 2", StringComparison.Ordinal), moved), 5);
        Assert.Contains("m=audio 7000", reinvite.Payload, StringComparison.Ordinal);
        Assert.Equal(3, gateway.Engine.Expectations.Count);
        Assert.False(gateway.Udp(SipHarness.Server, 8000, SipHarness.Public, 6000, new byte[12], 6, IngressSide.Outside).Forwarded);
        Assert.True(gateway.Udp(SipHarness.Server, 8000, SipHarness.Public, 7000, new byte[12], 6, IngressSide.Outside).Forwarded);

        var gateway2 = new SipHarness();
        var hold = SipHarness.Sdp("v=0", "o=alice 1 3 IN IP4 192.168.1.10", "s=-", "c=IN IP4 0.0.0.0", "t=0 0", "m=audio 6000 RTP/AVP 0", "m=video 0 RTP/AVP 96");
        var held = gateway2.PhoneSends(SipHarness.Message(PhoneInvite, hold));
        Assert.Contains("c=IN IP4 0.0.0.0\r\n", held.Payload, StringComparison.Ordinal);
        Assert.Contains("m=video 0 RTP/AVP 96\r\n", held.Payload, StringComparison.Ordinal);
        Assert.Contains("o=alice 1 3 IN IP4 203.0.113.1\r\n", held.Payload, StringComparison.Ordinal);
        Assert.Equal(1, gateway2.Engine.Expectations.Count); // the dialog's signalling hole only
    }

    /// <summary>Row 8 (RFC 3261 §10.2.4 granted expiry; RFC 4787 REQ-5): a registration granted for an hour keeps the
    /// phone reachable long after the 5-minute UDP timeout would have closed the flow.</summary>
    [Fact]
    public void Row08_registration_is_held_for_the_granted_expires_not_the_udp_timeout()
    {
        var gateway = new SipHarness();
        Register(gateway, "reg-8", 1, "z9hG4bK-8", 0);
        var ok = gateway.ServerSends(RegisterOk("reg-8", 1, "z9hG4bK-8", "3600"), 1);
        Assert.Contains("Contact: <sip:alice@192.168.1.10:5060>;expires=3600", ok.Payload, StringComparison.Ordinal);

        var invite = SipHarness.Message("""
            INVITE sip:alice@203.0.113.1:5060 SIP/2.0
            Via: SIP/2.0/UDP 203.0.113.20:5060;branch=z9hG4bK-in
            From: <sip:carol@203.0.113.20>;tag=c9
            To: <sip:alice@203.0.113.1:5060>
            Call-ID: in-1@203.0.113.20
            CSeq: 1 INVITE
            Contact: <sip:carol@203.0.113.20:5060>
            Max-Forwards: 70
            """);
        var late = gateway.ServerSends(invite, 3000);
        Assert.True(late.Forwarded, late.Verdict.Reason.ToString());
        Assert.Equal(SipHarness.Phone, late.Info.DestinationAddress);
        Assert.StartsWith("INVITE sip:alice@192.168.1.10:5060 SIP/2.0", late.Payload, StringComparison.Ordinal);

        var expired = gateway.ServerSends(invite.Replace("in-1@", "in-2@", StringComparison.Ordinal), 3600 + 33 + 301);
        Assert.False(expired.Forwarded);
    }

    /// <summary>Row 9 (RFC 4566 §5.14 several m= lines, RFC 3605 §2.1 a=rtcp, RFC 5761 rtcp-mux): every stream gets
    /// its holes; a=rtcp names the mapped RTCP port; a muxed stream needs one.</summary>
    [Fact]
    public void Row09_every_media_line_with_rtcp_attribute_and_rtcp_mux_is_handled()
    {
        var gateway = new SipHarness();
        var offer = SipHarness.Sdp(
            "v=0",
            "o=alice 1 1 IN IP4 192.168.1.10",
            "s=-",
            "c=IN IP4 192.168.1.10",
            "t=0 0",
            "m=audio 6000 RTP/AVP 0",
            "a=rtcp:6005 IN IP4 192.168.1.10",
            "m=video 6010 RTP/AVP 96",
            "a=rtcp-mux");
        var sent = gateway.PhoneSends(SipHarness.Message(PhoneInvite, offer));

        Assert.Contains("a=rtcp:6005 IN IP4 203.0.113.1\r\n", sent.Payload, StringComparison.Ordinal);
        Assert.Contains("m=video 6010 RTP/AVP 96\r\n", sent.Payload, StringComparison.Ordinal);
        Assert.Equal(4, gateway.Engine.Expectations.Count); // three media holes and the dialog's signalling hole
        Assert.True(gateway.Udp(SipHarness.Server, 9000, SipHarness.Public, 6005, new byte[8], 1, IngressSide.Outside).Forwarded);
        Assert.True(gateway.Udp(SipHarness.Server, 9010, SipHarness.Public, 6010, new byte[8], 1, IngressSide.Outside).Forwarded);
        Assert.False(gateway.Udp(SipHarness.Server, 9011, SipHarness.Public, 6011, new byte[8], 1, IngressSide.Outside).Forwarded);
    }

    /// <summary>Row 10 (RFC 3261 §19.1.1 / RFC 5118): bracketed IPv6 references are parsed and, with no IPv6
    /// translation configured, left byte-identical.</summary>
    [Fact]
    public void Row10_ipv6_references_are_parsed_and_left_alone()
    {
        var gateway = new SipHarness();
        var invite = SipHarness.Message("""
            INVITE sip:bob@[2001:db8::20]:5060 SIP/2.0
            Via: SIP/2.0/UDP [2001:db8::10]:5060;branch=z9hG4bK-6
            From: <sip:alice@[2001:db8::10]>;tag=6
            To: <sip:bob@[2001:db8::20]>
            Call-ID: v6@example
            CSeq: 1 INVITE
            Contact: <sip:alice@[2001:db8::10]:5060>, <sip:alice@192.168.1.10:5060>
            Max-Forwards: 70
            """);
        var text = gateway.PhoneSends(invite).Payload;

        Assert.Contains("Contact: <sip:alice@[2001:db8::10]:5060>, <sip:alice@203.0.113.1:5060>\r\n", text, StringComparison.Ordinal);
        Assert.Contains("Via: SIP/2.0/UDP [2001:db8::10]:5060;", text, StringComparison.Ordinal);
    }

    /// <summary>Row 11 (RFC 3261 §7.3.1 folding and case, §7.3.3 compact forms, §20.10 comma lists).</summary>
    [Fact]
    public void Row11_compact_folded_mixed_case_and_multi_valued_headers_are_all_translated()
    {
        var gateway = new SipHarness();
        var invite = SipHarness.Message(
            """
            INVITE sip:bob@203.0.113.20 SIP/2.0
            v: SIP/2.0/UDP 192.168.1.10:5060;branch=z9hG4bK-11
            f: <sip:alice@192.168.1.10:5060>;tag=11
            t: <sip:bob@203.0.113.20>
            i: c11
            CSeq: 1 INVITE
            cONTACT: "A, B" <sip:alice@192.168.1.10:5060>,
             <sip:alice@192.168.1.10:5060;transport=udp>
            m: <sip:alice2@192.168.1.10:5060>
            Max-Forwards: 70
            c: application/sdp
            """,
            PhoneOffer);
        var text = gateway.PhoneSends(invite).Payload;

        Assert.Contains("v: SIP/2.0/UDP 203.0.113.1:5060;", text, StringComparison.Ordinal);
        Assert.Contains("f: <sip:alice@203.0.113.1:5060>;tag=11", text, StringComparison.Ordinal);
        Assert.Contains("cONTACT: \"A, B\" <sip:alice@203.0.113.1:5060>,\r\n <sip:alice@203.0.113.1:5060;transport=udp>", text, StringComparison.Ordinal);
        Assert.Contains("m: <sip:alice2@203.0.113.1:5060>", text, StringComparison.Ordinal);
        Assert.Contains("c=IN IP4 203.0.113.1", text, StringComparison.Ordinal);
    }

    /// <summary>Row 12 (RFC 3261 §19.1.2 default port): when PAT gives the phone another port, a Contact written
    /// without a port gets the mapped one explicitly.</summary>
    [Fact]
    public void Row12_a_contact_without_port_gets_the_mapped_port_written_out()
    {
        var gateway = new SipHarness();
        gateway.PhoneSends(SipHarness.Message(PhoneInvite, PhoneOffer));
        var second = Ip.V4("192.168.1.11");
        var invite = SipHarness.Message("""
            INVITE sip:bob@203.0.113.20 SIP/2.0
            Via: SIP/2.0/UDP 192.168.1.11;branch=z9hG4bK-12
            From: <sip:dave@192.168.1.11>;tag=12
            To: <sip:bob@203.0.113.20>
            Call-ID: c12
            CSeq: 1 INVITE
            Contact: <sip:dave@192.168.1.11>
            Max-Forwards: 70
            """);
        var sent = gateway.PhoneSends(invite, 1, source: second);

        Assert.NotEqual(5060, sent.Info.SourcePort);
        Assert.Contains($"Contact: <sip:dave@203.0.113.1:{sent.Info.SourcePort}>\r\n", sent.Payload, StringComparison.Ordinal);
        Assert.Contains($"Via: SIP/2.0/UDP 203.0.113.1:{sent.Info.SourcePort};", sent.Payload, StringComparison.Ordinal);
    }

    /// <summary>Row 12 (RFC 4566 §5.2, §5.7): o= and c= are each translated on their own merits.</summary>
    [Fact]
    public void Row12_origin_and_connection_are_translated_independently()
    {
        var gateway = new SipHarness();
        var offer = SipHarness.Sdp("v=0", "o=alice 1 1 IN IP4 10.9.9.9", "s=-", "c=IN IP4 192.168.1.10", "t=0 0", "m=audio 6000 RTP/AVP 0");
        var text = gateway.PhoneSends(SipHarness.Message(PhoneInvite, offer)).Payload;

        Assert.Contains("o=alice 1 1 IN IP4 10.9.9.9\r\n", text, StringComparison.Ordinal);
        Assert.Contains("c=IN IP4 203.0.113.1\r\n", text, StringComparison.Ordinal);
    }

    /// <summary>Row 13 (RFC 3261 §16.6, §20.30, §20.34): Record-Route and Route are the proxies' and never rewritten.</summary>
    [Fact]
    public void Row13_record_route_and_route_are_never_rewritten()
    {
        var gateway = new SipHarness();
        var invite = SipHarness.Message("""
            INVITE sip:bob@203.0.113.20 SIP/2.0
            Via: SIP/2.0/UDP 192.168.1.10:5060;branch=z9hG4bK-13
            Route: <sip:192.168.1.10:5060;lr>
            Record-Route: <sip:192.168.1.10:5060;lr>
            From: <sip:alice@192.168.1.10:5060>;tag=13
            To: <sip:bob@203.0.113.20>
            Call-ID: c13
            CSeq: 1 INVITE
            Contact: <sip:alice@192.168.1.10:5060>
            Max-Forwards: 70
            """);
        var text = gateway.PhoneSends(invite).Payload;

        Assert.Contains("Route: <sip:192.168.1.10:5060;lr>\r\nRecord-Route: <sip:192.168.1.10:5060;lr>\r\n", text, StringComparison.Ordinal);
        Assert.Contains("Contact: <sip:alice@203.0.113.1:5060>", text, StringComparison.Ordinal);
    }

    /// <summary>Row 14 (RFC 4787 REQ-1; alg-behaviour §2 #14): the SDP announces the mapping the media itself leaves
    /// with, reserved before the first RTP packet; the phone's RTP then uses exactly that endpoint.</summary>
    [Fact]
    public void Row14_sdp_announces_the_mapping_the_rtp_really_leaves_with()
    {
        var gateway = new SipHarness();

        // Another phone already holds public port 6000, so the media mapping cannot preserve the port.
        gateway.Udp(Ip.V4("192.168.1.11"), 6000, SipHarness.Server, 9999, new byte[4], 0, IngressSide.Inside);
        var sent = gateway.PhoneSends(SipHarness.Message(PhoneInvite, PhoneOffer));
        var media = sent.Payload.Split("\r\n").Single(l => l.StartsWith("m=audio ", StringComparison.Ordinal));
        var announced = ushort.Parse(media.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.NotEqual(6000, announced);
        Assert.Contains("c=IN IP4 203.0.113.1", sent.Payload, StringComparison.Ordinal);

        var rtp = gateway.Udp(SipHarness.Phone, 6000, SipHarness.Server, 8000, new byte[12], 1, IngressSide.Inside);
        Assert.Equal((SipHarness.Public, announced), (rtp.Info.SourceAddress, rtp.Info.SourcePort));
        var rtcpNotAdjacent = sent.Payload.Contains("a=rtcp:", StringComparison.Ordinal);
        var rtcp = gateway.Udp(SipHarness.Phone, 6001, SipHarness.Server, 8001, new byte[8], 1, IngressSide.Inside);
        Assert.True(rtcp.Info.SourcePort == announced + 1 || rtcpNotAdjacent, "RTCP is either on port+1 (RFC 3550 §11) or announced with a=rtcp (RFC 3605)");
        Assert.True(gateway.Udp(SipHarness.Server, 8000, SipHarness.Public, announced, new byte[12], 2, IngressSide.Outside).Forwarded);
    }

    /// <summary>Row 15: an ALG translates; it never originates or swallows a SIP message, even one it cannot read.</summary>
    [Fact]
    public void Row15_unreadable_messages_are_forwarded_untouched_and_counted()
    {
        var gateway = new SipHarness();
        var garbage = "INVITE sip:bob@203.0.113.20 SIP/2.0\r\nVia SIP/2.0/UDP 192.168.1.10\r\n\r\n";
        var sent = gateway.PhoneSends(garbage);

        Assert.True(sent.Forwarded);
        Assert.Equal(garbage, sent.Payload);
        Assert.Equal(1, gateway.Counters.Malformed);
        Assert.Equal(1L, gateway.Engine.PacketsTranslated);
    }

    /// <summary>Row 16 (3CX-style detection hashes the message): a NAT-aware message arrives with the same hash.</summary>
    [Fact]
    public void Row16_nat_aware_message_is_byte_identical()
    {
        var gateway = new SipHarness();
        var aware = SipHarness.Message(
            PhoneInvite.Replace("192.168.1.10:5060;branch", "203.0.113.1:5060;branch", StringComparison.Ordinal)
                .Replace("<sip:alice@192.168.1.10:5060>", "<sip:alice@203.0.113.1:5060>", StringComparison.Ordinal),
            PhoneOffer.Replace("192.168.1.10", "203.0.113.1", StringComparison.Ordinal));
        var sent = gateway.PhoneSends(aware);

        Assert.Equal(SHA256.HashData(Encoding.ASCII.GetBytes(aware)), SHA256.HashData(sent.PayloadBytes));
        Assert.Equal(0, gateway.Engine.Expectations.Count);
    }

    /// <summary>RFC 3261 §15.1.1 BYE and RFC 3264: the media holes close with the call, not at their timeout; the
    /// answer narrows them to the answerer's media address (alg-behaviour §3 T5).</summary>
    [Fact]
    public void Answer_limits_the_holes_to_the_answerers_address_and_bye_closes_them()
    {
        var gateway = new SipHarness();
        gateway.PhoneSends(SipHarness.Message(PhoneInvite, PhoneOffer));
        var answer = ServerAnswer.Replace("c=IN IP4 203.0.113.20", "c=IN IP4 203.0.113.30", StringComparison.Ordinal);
        gateway.ServerSends(answer, 1);

        Assert.False(gateway.Udp(SipHarness.Server, 8000, SipHarness.Public, 6000, new byte[12], 2, IngressSide.Outside).Forwarded);
        Assert.True(gateway.Udp(Ip.V4("203.0.113.30"), 8000, SipHarness.Public, 6001, new byte[8], 2, IngressSide.Outside).Forwarded);

        var bye = SipHarness.Message("""
            BYE sip:bob@203.0.113.20:5060 SIP/2.0
            Via: SIP/2.0/UDP 192.168.1.10:5060;branch=z9hG4bK-bye
            From: "Alice" <sip:alice@192.168.1.10:5060>;tag=a1
            To: <sip:bob@203.0.113.20>;tag=b1
            Call-ID: c1@192.168.1.10
            CSeq: 2 BYE
            Max-Forwards: 70
            """);
        gateway.PhoneSends(bye, 3);
        Assert.Equal(0, gateway.Engine.Expectations.Count);
        Assert.False(gateway.Udp(Ip.V4("203.0.113.30"), 8000, SipHarness.Public, 6000, new byte[12], 4, IngressSide.Outside).Forwarded);
    }

    /// <summary>RFC 3261 §13.2.2.3: a failed INVITE leaves no session; its holes close. Calls on the same signalling
    /// flow keep theirs (pinholes are grouped per Call-ID).</summary>
    [Fact]
    public void Failure_response_closes_only_that_calls_holes()
    {
        var gateway = new SipHarness();
        gateway.PhoneSends(SipHarness.Message(PhoneInvite, PhoneOffer));
        var other = PhoneOffer.Replace("6000", "7000", StringComparison.Ordinal);
        gateway.PhoneSends(SipHarness.Message(PhoneInvite.Replace("c1@", "c2@", StringComparison.Ordinal), other), 1);
        Assert.Equal(6, gateway.Engine.Expectations.Count);

        var busy = SipHarness.Message("""
            SIP/2.0 486 Busy Here
            Via: SIP/2.0/UDP 203.0.113.1:5060;branch=z9hG4bK-1
            From: "Alice" <sip:alice@203.0.113.1:5060>;tag=a1
            To: <sip:bob@203.0.113.20>;tag=b2
            Call-ID: c2@192.168.1.10
            CSeq: 1 INVITE
            """);
        gateway.ServerSends(busy, 2);
        Assert.Equal(3, gateway.Engine.Expectations.Count);
        Assert.True(gateway.Udp(SipHarness.Server, 8000, SipHarness.Public, 6000, new byte[12], 3, IngressSide.Outside).Forwarded);
    }

    /// <summary>ASA inspect-map parameters (alg-behaviour §4 notes; RFC 3261 §8.1.1 mandatory headers, §16.3 Max-Forwards).</summary>
    [Fact]
    public void Configured_inspect_map_actions_drop_only_when_the_user_said_so()
    {
        var missingCallId = SipHarness.Message("""
            OPTIONS sip:bob@203.0.113.20 SIP/2.0
            Via: SIP/2.0/UDP 192.168.1.10:5060;branch=z9hG4bK-o
            From: <sip:alice@192.168.1.10:5060>;tag=o
            To: <sip:bob@203.0.113.20>
            CSeq: 1 OPTIONS
            Max-Forwards: 70
            """);
        Assert.True(new SipHarness().PhoneSends(missingCallId).Forwarded);

        var strict = new SipHarness(default, ("strict-header-validation", AlgOptionValue.FromChoice("drop")));
        var dropped = strict.PhoneSends(missingCallId);
        Assert.Equal(DropReason.AlgPolicyViolation, dropped.Verdict.Reason);
        Assert.Equal(1, strict.Counters.PolicyDrops);

        var hops = new SipHarness(default, ("max-forwards-validation", AlgOptionValue.FromChoice("drop-connection")));
        Assert.False(hops.PhoneSends(SipHarness.Message(PhoneInvite.Replace("Max-Forwards: 70", "Max-Forwards: 0", StringComparison.Ordinal), PhoneOffer)).Forwarded);
        Assert.False(hops.PhoneSends(SipHarness.Message(PhoneInvite, PhoneOffer), 1).Forwarded);

        var nonSip = new SipHarness(default, ("traffic-non-sip", AlgOptionValue.FromBoolean(false)));
        Assert.False(nonSip.PhoneSends("GET / HTTP/1.1\r\n\r\n").Forwarded);
        Assert.True(new SipHarness().PhoneSends("GET / HTTP/1.1\r\n\r\n").Forwarded);
    }

    /// <summary>ASA <c>timeout sip-invite</c> / <c>sip_media</c>: an unanswered offer's holes live for the INVITE timeout,
    /// an answered call's for the media timeout (RFC 4787 REQ-5 applies to the flows, not to waiting holes).</summary>
    [Fact]
    public void Pinholes_follow_the_configured_invite_and_media_timeouts()
    {
        var gateway = new SipHarness(default, ("invite-timeout", AlgOptionValue.FromNumber(AlgOptionKind.Seconds, 30)), ("media-timeout", AlgOptionValue.FromNumber(AlgOptionKind.Seconds, 90)));
        gateway.PhoneSends(SipHarness.Message(PhoneInvite, PhoneOffer));
        gateway.Engine.Expectations.RemoveExpired(31 * NatHarness.Second);
        Assert.Equal(1, gateway.Engine.Expectations.Count);

        var answered = new SipHarness(default, ("invite-timeout", AlgOptionValue.FromNumber(AlgOptionKind.Seconds, 30)), ("media-timeout", AlgOptionValue.FromNumber(AlgOptionKind.Seconds, 90)));
        answered.PhoneSends(SipHarness.Message(PhoneInvite, PhoneOffer));
        answered.ServerSends(ServerAnswer, 1);
        answered.Engine.Expectations.RemoveExpired(60 * NatHarness.Second);
        Assert.Equal(3, answered.Engine.Expectations.Count);
        answered.Engine.Expectations.RemoveExpired(92 * NatHarness.Second);

        // The dialog's signalling hole follows signaling-timeout (ASA timeout sip), not the media timers.
        Assert.Equal(1, answered.Engine.Expectations.Count);
    }

    /// <summary>Steady path: an INVITE and its 200 OK of a known flow allocate nothing.</summary>
    [Fact]
    public void Translating_a_call_allocates_nothing_once_the_flow_exists()
    {
        var gateway = new SipHarness();
        var invite = PacketBuilder.Udp(SipHarness.Phone, 5060, SipHarness.Server, 5060, Encoding.ASCII.GetBytes(SipHarness.Message(PhoneInvite, PhoneOffer)));
        var ok = PacketBuilder.Udp(SipHarness.Server, 5060, SipHarness.Public, 5060, Encoding.ASCII.GetBytes(ServerAnswer));
        var buffer = new byte[4096];
        long now = 0;
        void Send(byte[] frame, IngressSide side)
        {
            frame.CopyTo(buffer, 0);
            var packet = new PacketBuffer(buffer, 0, frame.Length, buffer.Length);
            gateway.Engine.Process(ref packet, LinkType.Ethernet, now += 1000, side);
        }

        void Once()
        {
            Send(invite, IngressSide.Inside);
            Send(ok, IngressSide.Outside);
        }

        for (var i = 0; i < 50; i++)
        {
            Once();
        }

        var allocated = Allocations.Quietest(() =>
        {
            for (var i = 0; i < 100; i++)
            {
                Once();
            }
        });
        Assert.Equal(0, allocated);
    }

    internal static void Register(SipHarness gateway, string callId, int cseq, string branch, long seconds, string expires = "3600", string contact = "192.168.1.10:5060")
    {
        gateway.PhoneSends(SipHarness.Message($"""
            REGISTER sip:203.0.113.20 SIP/2.0
            Via: SIP/2.0/UDP 192.168.1.10:5060;branch={branch}
            From: <sip:alice@203.0.113.20>;tag=r
            To: <sip:alice@203.0.113.20>
            Call-ID: {callId}
            CSeq: {cseq} REGISTER
            Contact: <sip:alice@{contact}>
            Expires: {expires}
            Max-Forwards: 70
            """), seconds);
    }

    internal static string RegisterOk(string callId, int cseq, string branch, string expires, int status = 200) => SipHarness.Message($"""
        SIP/2.0 {status} {(status == 200 ? "OK" : "Whatever")}
        Via: SIP/2.0/UDP 203.0.113.1:5060;branch={branch};received=203.0.113.1
        From: <sip:alice@203.0.113.20>;tag=r
        To: <sip:alice@203.0.113.20>;tag=s
        Call-ID: {callId}
        CSeq: {cseq} REGISTER
        Contact: <sip:alice@203.0.113.1:5060>;expires={expires}
        """);
}
