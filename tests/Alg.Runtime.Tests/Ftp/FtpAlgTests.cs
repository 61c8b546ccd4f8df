using Alg.Policy.Algs;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using Alg.Runtime.Tests.Support;
using Alg.StdlibAlgs;
using Alg.StdlibAlgs.Ftp;

namespace Alg.Runtime.Tests.Ftp;

/// <summary>
/// The FTP ALG through NatEngine + AlgStage, both engines deciding every packet: each command and reply shape that
/// announces a data endpoint (RFC 959 §4.1.2 PORT and 227, RFC 2428 §2-3 EPRT and 229, RFC 1123 §4.1.2.6), the
/// seq/ack shift of length-changing rewrites (RFC 2663 §7.1), the single-use pinhole from the right peer only, and the
/// shapes that must open nothing (RFC 2577 bounce, low ports, NAT Slipstreaming).
/// </summary>
public sealed class FtpAlgTests
{
    private const ushort DataPort = 40001;

    [Fact]
    public void Ftp_alg_is_registered_with_the_catalog_descriptor_and_says_it_is_implemented()
    {
        Assert.Same(AlgCatalog.Get("ftp"), new FtpAlg().Descriptor);
        Assert.True(FtpAlgDescriptor.Instance.Implemented);
        Assert.DoesNotContain("ftp", new FtpHarness().Stage.Unhandled);
    }

    /// <summary>RFC 959 §4.1.2 PORT; RFC 2663 §7.1: the line shrinks by one byte, so every later segment's SEQ moves by
    /// -1 and the server's ACKs by +1 back, and the data connection from the server is let in once.</summary>
    [Fact]
    public void Port_from_the_inside_client_names_the_public_address_and_opens_one_pinhole_for_the_server()
    {
        var gateway = new FtpHarness();
        var control = Connected(gateway);

        var port = control.Send("PORT 192,168,1,10,156,65\r\n");
        Assert.True(port.Forwarded);
        Assert.Equal("PORT 203,0,113,1,156,65\r\n", port.Payload);
        Assert.True(PacketBuilder.ChecksumsValid(port.Frame));
        Assert.Equal(1, gateway.Counters.PinholesOpened);

        // The next segment carries the shift; the server's ACK of it comes back to the client's own numbering.
        var list = control.Send("LIST\r\n");
        Assert.Equal(control.ClientNextSequence - 6 - 1, Tcp.Sequence(list.Frame, list.Info));
        Assert.True(PacketBuilder.ChecksumsValid(list.Frame));
        var reply = control.Answer("200 PORT command successful.\r\n");
        Assert.Equal(control.ClientNextSequence, control.LastAckToClient);
        Assert.True(PacketBuilder.ChecksumsValid(reply.Frame));

        AssertDataConnectionAdmittedOnce(gateway, FtpHarness.Server, FtpHarness.Public, port: DataPort, FtpHarness.Client);
    }

    /// <summary>RFC 2428 §2: EPRT |1|address|port| — the address is rewritten, the port kept when the mapping keeps it.</summary>
    [Fact]
    public void Eprt_ipv4_from_the_inside_client_is_rewritten_and_opens_one_pinhole()
    {
        var gateway = new FtpHarness();
        var control = Connected(gateway);

        var eprt = control.Send("EPRT |1|192.168.1.10|40001|\r\n");
        Assert.Equal("EPRT |1|203.0.113.1|40001|\r\n", eprt.Payload);
        Assert.True(PacketBuilder.ChecksumsValid(eprt.Frame));
        AssertDataConnectionAdmittedOnce(gateway, FtpHarness.Server, FtpHarness.Public, DataPort, FtpHarness.Client);
    }

    /// <summary>RFC 2428 §2 with another delimiter than '|' and a lower-case verb (RFC 959 §5.3: verbs are case-insensitive).</summary>
    [Fact]
    public void Eprt_with_another_delimiter_and_lower_case_verb_is_rewritten()
    {
        var gateway = new FtpHarness();
        var control = Connected(gateway);

        Assert.Equal("eprt !1!203.0.113.1!40001!\r\n", control.Send("eprt !1!192.168.1.10!40001!\r\n").Payload);
        Assert.Equal(1, gateway.Counters.PinholesOpened);
    }

    /// <summary>RFC 2428 §2 protocol 2: parsed, but an IPv6 address on an IPv4 control connection is not the sender's.</summary>
    [Fact]
    public void Eprt_ipv6_on_an_ipv4_connection_is_parsed_and_refused()
    {
        var gateway = new FtpHarness();
        var control = Connected(gateway);

        var eprt = control.Send("EPRT |2|2001:db8::10|40001|\r\n");
        Assert.Equal("EPRT |2|2001:db8::10|40001|\r\n", eprt.Payload);
        Assert.Equal(0, gateway.Counters.PinholesOpened);
        Assert.Contains("IPv6", gateway.Counters.LastMalformedReason, StringComparison.Ordinal);
    }

    /// <summary>RFC 959 §4.1.2 / §4.2 227 from a server behind a port forward: its address becomes the published one and the
    /// pinhole admits the control connection's client only.</summary>
    [Fact]
    public void Pasv_reply_from_the_inside_server_names_its_public_address_and_admits_the_client_only()
    {
        var gateway = new FtpHarness(serverInside: true);
        var control = new ControlConnection(gateway, serverInside: true);
        control.Connect();
        control.Answer("220 ready\r\n");
        control.Send("PASV\r\n");

        var reply = control.Answer("227 Entering Passive Mode (192,168,1,21,156,65).\r\n");
        Assert.Equal("227 Entering Passive Mode (203,0,113,1,156,65).\r\n", reply.Payload);
        Assert.True(PacketBuilder.ChecksumsValid(reply.Frame));
        AssertDataConnectionAdmittedOnce(gateway, FtpHarness.Server, FtpHarness.PublishedServer, DataPort, FtpHarness.InsideServer);
    }

    /// <summary>RFC 1123 §4.1.2.6: the text around the numbers is not standard (no parentheses here).</summary>
    [Fact]
    public void Pasv_reply_without_parentheses_is_found_by_its_first_number()
    {
        var gateway = new FtpHarness(serverInside: true);
        var control = new ControlConnection(gateway, serverInside: true);
        control.Connect();
        control.Answer("220 ready\r\n");
        control.Send("PASV\r\n");

        Assert.Equal("227 =203,0,113,1,156,65\r\n", control.Answer("227 =192,168,1,21,156,65\r\n").Payload);
        Assert.Equal(1, gateway.Counters.PinholesOpened);
    }

    /// <summary>RFC 959 §4.2 multi-line reply: the numbers stand on a continuation line, which Linux's helper never reads.</summary>
    [Fact]
    public void Multi_line_227_with_the_numbers_on_a_continuation_line_is_rewritten()
    {
        var gateway = new FtpHarness(serverInside: true);
        var control = new ControlConnection(gateway, serverInside: true);
        control.Connect();
        control.Answer("220 ready\r\n");
        control.Send("PASV\r\n");

        var reply = control.Answer("227-Entering Passive Mode\r\n 192,168,1,21,156,65\r\n227 OK\r\n");
        Assert.Equal("227-Entering Passive Mode\r\n 203,0,113,1,156,65\r\n227 OK\r\n", reply.Payload);
        Assert.Equal(1, gateway.Counters.PinholesOpened);
        Assert.True(PacketBuilder.ChecksumsValid(reply.Frame));
    }

    /// <summary>RFC 2428 §3: 229 names only a port; the mapping keeps it (port preservation), so nothing changes but the hole opens.</summary>
    [Fact]
    public void Epsv_reply_from_the_inside_server_opens_a_pinhole_for_the_client()
    {
        var gateway = new FtpHarness(serverInside: true);
        var control = new ControlConnection(gateway, serverInside: true);
        control.Connect();
        control.Answer("220 ready\r\n");
        control.Send("EPSV\r\n");

        var reply = control.Answer("229 Entering Extended Passive Mode (|||40001|)\r\n");
        Assert.Equal("229 Entering Extended Passive Mode (|||40001|)\r\n", reply.Payload);
        AssertDataConnectionAdmittedOnce(gateway, FtpHarness.Server, FtpHarness.PublishedServer, DataPort, FtpHarness.InsideServer);
    }

    /// <summary>A 227 from an outside server to an inside client needs nothing: the client connects out.</summary>
    [Fact]
    public void Pasv_reply_from_an_outside_server_is_left_alone()
    {
        var gateway = new FtpHarness();
        var control = Connected(gateway);
        control.Send("PASV\r\n");

        var reply = control.Answer("227 Entering Passive Mode (203,0,113,20,156,65)\r\n");
        Assert.Equal("227 Entering Passive Mode (203,0,113,20,156,65)\r\n", reply.Payload);
        Assert.Equal(0, gateway.Counters.PinholesOpened);
        Assert.Equal(0, gateway.Counters.RewritesApplied);
    }

    /// <summary>RFC 2577 §3 (FTP bounce): a PORT naming another host opens nothing and is not rewritten.</summary>
    [Fact]
    public void Port_naming_another_host_is_refused_and_opens_nothing()
    {
        var gateway = new FtpHarness();
        var control = Connected(gateway);

        var bounce = control.Send("PORT 198,51,100,7,0,80\r\n");
        Assert.True(bounce.Forwarded);
        Assert.Equal("PORT 198,51,100,7,0,80\r\n", bounce.Payload);
        var other = control.Send("PORT 10,9,9,9,156,64\r\n");
        Assert.Equal("PORT 10,9,9,9,156,64\r\n", other.Payload);
        Assert.Equal(0, gateway.Counters.PinholesOpened);
        Assert.Equal(2, gateway.Counters.Malformed);
        Assert.Contains("bounce", gateway.Counters.LastMalformedReason, StringComparison.Ordinal);
    }

    /// <summary>RFC 2577 §3: the client's own address with a privileged port (here 80) or port 0 opens nothing.</summary>
    [Theory]
    [InlineData("PORT 192,168,1,10,0,80\r\n")]
    [InlineData("PORT 192,168,1,10,0,0\r\n")]
    [InlineData("EPRT |1|192.168.1.10|22|\r\n")]
    public void Port_below_1024_or_zero_is_refused_and_opens_nothing(string command)
    {
        var gateway = new FtpHarness();
        var control = Connected(gateway);

        Assert.Equal(command, control.Send(command).Payload);
        Assert.Equal(0, gateway.Counters.PinholesOpened);
        Assert.Equal(1, gateway.Counters.Malformed);
        Assert.False(gateway.Syn(FtpHarness.Server, 20, FtpHarness.Public, 80, IngressSide.Outside).Forwarded);
    }

    /// <summary>NAT Slipstreaming: a PORT in the middle of a line is text, not a command.</summary>
    [Fact]
    public void Port_in_the_middle_of_a_line_opens_nothing()
    {
        var gateway = new FtpHarness();
        var control = Connected(gateway);

        var text = "SITE xxxxxxxxPORT 192,168,1,10,156,65\r\n";
        Assert.Equal(text, control.Send(text).Payload);
        Assert.Equal(0, gateway.Counters.PinholesOpened);
        Assert.Equal(0, gateway.Counters.RewritesApplied);
    }

    /// <summary>NAT Slipstreaming: the segment boundary falls where a line would start, but the stream says the line
    /// started in the previous segment; Linux's helper honours such a PORT when the previous segment ended in LF only,
    /// ours never, since line starts come from the stream.</summary>
    [Fact]
    public void Port_at_a_segment_start_that_is_not_a_line_start_opens_nothing()
    {
        var gateway = new FtpHarness();
        var control = Connected(gateway);

        Assert.Equal("SITE aaaaaaaa", control.Send("SITE aaaaaaaa").Payload);
        var second = control.Send("PORT 192,168,1,10,156,65\r\n");
        Assert.Equal("PORT 192,168,1,10,156,65\r\n", second.Payload);
        Assert.Equal(0, gateway.Counters.PinholesOpened);
        Assert.False(gateway.Syn(FtpHarness.Server, 20, FtpHarness.Public, DataPort, IngressSide.Outside).Forwarded);
    }

    /// <summary>A command split over segments (Linux: dropped until retransmitted): its start is held back and sent,
    /// rewritten whole, with the segment that completes it; the seq/ack shift then applies.</summary>
    [Fact]
    public void Port_split_over_two_segments_is_held_and_rewritten_whole()
    {
        var gateway = new FtpHarness();
        var control = Connected(gateway);

        var first = control.Send("PORT 192,16");
        Assert.True(first.Forwarded);
        Assert.Equal(string.Empty, first.Payload);
        var second = control.Send("8,1,10,156,65\r\n");
        Assert.Equal("PORT 203,0,113,1,156,65\r\n", second.Payload);
        Assert.True(PacketBuilder.ChecksumsValid(second.Frame));
        Assert.Equal(1, gateway.Counters.SegmentsHeld);
        control.Answer("200 OK\r\n");
        Assert.Equal(control.ClientNextSequence, control.LastAckToClient);
        AssertDataConnectionAdmittedOnce(gateway, FtpHarness.Server, FtpHarness.Public, DataPort, FtpHarness.Client);
    }

    /// <summary>Two commands in one segment (Linux reads only the first): both are read; the last PORT's pinhole is
    /// the one left (one expectation per control connection, as Linux's max_expected = 1).</summary>
    [Fact]
    public void Two_commands_in_one_segment_are_both_read()
    {
        var gateway = new FtpHarness();
        var control = Connected(gateway);

        var sent = control.Send("TYPE I\r\nPORT 192,168,1,10,156,65\r\n");
        Assert.Equal("TYPE I\r\nPORT 203,0,113,1,156,65\r\n", sent.Payload);
        var two = control.Send("PORT 192,168,1,10,156,66\r\nPORT 192,168,1,10,156,65\r\n");
        Assert.Equal("PORT 203,0,113,1,156,66\r\nPORT 203,0,113,1,156,65\r\n", two.Payload);
        Assert.True(PacketBuilder.ChecksumsValid(two.Frame));
        Assert.False(gateway.Syn(FtpHarness.Server, 20, FtpHarness.Public, 40002, IngressSide.Outside).Forwarded);
        AssertDataConnectionAdmittedOnce(gateway, FtpHarness.Server, FtpHarness.Public, DataPort, FtpHarness.Client);
    }

    /// <summary>RFC 4217 §4: after AUTH TLS and a 234, the channel carries TLS; nothing more is read.</summary>
    [Fact]
    public void Auth_tls_answered_234_ends_inspection()
    {
        var gateway = new FtpHarness();
        var control = Connected(gateway);
        control.Send("AUTH TLS\r\n");
        control.Answer("234 Proceed with negotiation.\r\n");

        Assert.Equal("PORT 192,168,1,10,156,65\r\n", control.Send("PORT 192,168,1,10,156,65\r\n").Payload);
        Assert.Equal(0, gateway.Counters.PinholesOpened);
    }

    /// <summary>RFC 4217 §4: a refused AUTH (534) leaves the channel in clear text, still inspected.</summary>
    [Fact]
    public void Auth_tls_refused_keeps_inspecting()
    {
        var gateway = new FtpHarness();
        var control = Connected(gateway);
        control.Send("AUTH TLS\r\n");
        control.Answer("534 Not available.\r\n");

        Assert.Equal("PORT 203,0,113,1,156,65\r\n", control.Send("PORT 192,168,1,10,156,65\r\n").Payload);
        Assert.Equal(1, gateway.Counters.PinholesOpened);
    }

    /// <summary>alg-behaviour T1 for FTP: an HTTP request sent to port 21 is not FTP; a PORT line later in it opens nothing.</summary>
    [Fact]
    public void Connection_whose_first_line_is_not_an_ftp_command_is_not_inspected()
    {
        var gateway = new FtpHarness();
        var control = Connected(gateway);

        var post = "POST / HTTP/1.1\r\nHost: x\r\n\r\nPORT 192,168,1,10,156,65\r\n";
        Assert.Equal(post, control.Send(post).Payload);
        Assert.Equal(0, gateway.Counters.PinholesOpened);
    }

    /// <summary>RFC 959 §4.1.2: fewer than six numbers or one above 255 is no address; nothing opens.</summary>
    [Theory]
    [InlineData("PORT 192,168,1,10,156\r\n")]
    [InlineData("PORT 192,168,1,300,156,65\r\n")]
    [InlineData("EPRT |3|192.168.1.10|40001|\r\n")]
    [InlineData("EPRT |1|192.168.1|40001|\r\n")]
    [InlineData("EPRT |1|192.168.1.10|70000|\r\n")]
    public void Malformed_endpoint_commands_open_nothing(string command)
    {
        var gateway = new FtpHarness();
        var control = Connected(gateway);

        Assert.Equal(command, control.Send(command).Payload);
        Assert.Equal(0, gateway.Counters.PinholesOpened);
        Assert.Equal(1, gateway.Counters.Malformed);
    }

    /// <summary>IOS <c>ip nat service ftp tcp port 2121</c> / ASA class ports: the ALG follows the policy's ports.</summary>
    [Fact]
    public void Control_connection_on_a_configured_port_is_inspected()
    {
        var gateway = new FtpHarness(ports: [AlgPort.Tcp(2121)]);
        var syn = gateway.Send(PacketBuilder.Tcp(FtpHarness.Client, 40000, FtpHarness.Server, 2121, TcpFlags.Syn, 1), IngressSide.Inside);
        gateway.Send(PacketBuilder.Tcp(FtpHarness.Server, 2121, FtpHarness.Public, syn.Info.SourcePort, TcpFlags.Syn | TcpFlags.Ack, 9, 2), IngressSide.Outside);
        var port = gateway.Send(PacketBuilder.Tcp(FtpHarness.Client, 40000, FtpHarness.Server, 2121, TcpFlags.Ack | TcpFlags.Psh, 2, 10, "PORT 192,168,1,10,156,65\r\n"u8), IngressSide.Inside);
        Assert.Equal("PORT 203,0,113,1,156,65\r\n", port.Payload);
    }

    internal static ControlConnection Connected(FtpHarness gateway)
    {
        var control = new ControlConnection(gateway);
        control.Connect();
        control.Answer("220 ready\r\n");
        return control;
    }

    /// <summary>The data connection from the right peer is admitted once, to the announced endpoint's private side; a
    /// stranger is not, nor a second connection from the peer.</summary>
    internal static void AssertDataConnectionAdmittedOnce(FtpHarness gateway, uint peer, uint publicAddress, ushort port, uint privateAddress)
    {
        Assert.False(gateway.Syn(FtpHarness.Stranger, 20, publicAddress, port, IngressSide.Outside).Forwarded);
        var data = gateway.Syn(peer, 20, publicAddress, port, IngressSide.Outside);
        Assert.True(data.Forwarded);
        Assert.Equal(privateAddress, data.Info.DestinationAddress);
        Assert.Equal(port, data.Info.DestinationPort);
        Assert.True(PacketBuilder.ChecksumsValid(data.Frame));
        Assert.False(gateway.Syn(peer, 21, publicAddress, port, IngressSide.Outside).Forwarded);
    }
}
