using System.Text;
using Alg.Runtime.Nat;
using Alg.Runtime.Tests.Support;

namespace Alg.Runtime.Tests.SqlNet;

/// <summary>
/// The SQL*Net ALG through NatEngine + AlgStage on both policy engines (algs.md §8): REDIRECT rewritten with its TNS and
/// redirect-data lengths, the redirected connection admitted once and inspected by the ALG, a zero-length REDIRECT and
/// the DATA with its text, 2- and 4-byte length forms, framing over segments, and the refused shapes.
/// </summary>
public sealed class SqlNetAlgTests
{
    private const ushort DedicatedPort = 49152;
    private const string Descriptor = "(DESCRIPTION=(CONNECT_DATA=(SERVICE_NAME=orcl)(CID=(PROGRAM=python)(HOST=client)(USER=u)))(ADDRESS=(PROTOCOL=tcp)(HOST=203.0.113.1)(PORT=1521)))";

    private static AlgHarness Gateway(bool serverInside) => new("sqlnet", 1521, serverInside, default, FtpEngine.Both);

    private static string Address(string host, int port, string protocol = "tcp") => $"(ADDRESS=(PROTOCOL={protocol})(HOST={host})(PORT={port}))";

    /// <summary>The listener's redirect text: the address to dial, a NUL, and the connect data handed on (algs.md §8.1).</summary>
    private static string RedirectText(string address) => address + "\0" + Descriptor;

    private static ControlConnection Connected(AlgHarness gateway, bool serverInside, ushort clientPort = 40000, ushort serverPort = 0, ushort dialledPort = 0)
    {
        var control = new ControlConnection(gateway, serverInside, clientPort, serverPort: serverPort, dialledPort: dialledPort);
        control.Connect();
        control.Send(Tns.ConnectPacket(Descriptor));
        return control;
    }

    private static int PortIn(string text)
    {
        var at = text.IndexOf("(PORT=", StringComparison.OrdinalIgnoreCase) + "(PORT=".Length;
        return int.Parse(text[at..text.IndexOf(')', at)], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public void Inside_servers_redirect_gets_the_public_address_and_port_with_both_lengths_updated_algs_8_2()
    {
        var gateway = Gateway(serverInside: true);
        var control = Connected(gateway, serverInside: true, clientPort: 41000);

        var redirect = control.Answer(Tns.RedirectPacket(RedirectText(Address("192.168.1.21", DedicatedPort))));

        Assert.True(redirect.Forwarded);
        Assert.True(PacketBuilder.ChecksumsValid(redirect.Frame));
        var sent = redirect.PayloadBytes;
        var text = Tns.RedirectText(sent);
        Assert.StartsWith("(ADDRESS=(PROTOCOL=tcp)(HOST=203.0.113.1)(PORT=", text, StringComparison.Ordinal);
        Assert.EndsWith("\0" + Descriptor, text, StringComparison.Ordinal);
        Assert.Equal(sent.Length, Tns.Length(sent));
        Assert.Equal(sent.Length - 10, Tns.RedirectLength(sent));
        Assert.Equal(1, gateway.Engine.Expectations.Count);
        Assert.Equal(0, gateway.Counters.Malformed);

        // The client's acknowledgement of the shorter REDIRECT reaches the server shifted back (RFC 2663 §7.1).
        var ack = control.Send([]);
        Assert.True(ack.Forwarded);
    }

    [Fact]
    public void The_redirected_connection_is_admitted_once_and_inspected_by_the_alg_algs_8_2()
    {
        var gateway = Gateway(serverInside: true);
        var control = Connected(gateway, serverInside: true, clientPort: 41000);
        var redirect = control.Answer(Tns.RedirectPacket(RedirectText(Address("192.168.1.21", DedicatedPort))));
        var publicPort = (ushort)PortIn(Tns.RedirectText(redirect.PayloadBytes));

        // The client dials the public endpoint it was given: it reaches the server's dedicated port.
        var dedicated = new ControlConnection(gateway, serverInside: true, clientPort: 41001, serverPort: DedicatedPort, dialledPort: publicPort);
        dedicated.Connect();
        Assert.Equal(0, gateway.Engine.Expectations.Count);

        // On a port no ALG listens on, the ALG still reads it: a second REDIRECT there is translated too.
        dedicated.Send(Tns.ConnectPacket(Descriptor));
        var again = dedicated.Answer(Tns.RedirectPacket(RedirectText(Address("192.168.1.21", DedicatedPort + 1))));
        var text = Tns.RedirectText(again.PayloadBytes);
        Assert.StartsWith("(ADDRESS=(PROTOCOL=tcp)(HOST=203.0.113.1)(PORT=", text, StringComparison.Ordinal);
        Assert.Equal(again.PayloadBytes.Length, Tns.Length(again.PayloadBytes));
        Assert.True(PacketBuilder.ChecksumsValid(again.Frame));
        Assert.Equal(1, gateway.Engine.Expectations.Count);

        // Once only: a second connection to the first public endpoint finds no pinhole.
        var second = gateway.Syn(AlgHarness.Server, 41002, AlgHarness.PublishedServer, publicPort, IngressSide.Outside);
        Assert.False(second.Forwarded);
    }

    [Fact]
    public void The_pinhole_admits_the_client_only_algs_0_2_3()
    {
        var gateway = Gateway(serverInside: true);
        var control = Connected(gateway, serverInside: true, clientPort: 41000);
        var redirect = control.Answer(Tns.RedirectPacket(RedirectText(Address("192.168.1.21", DedicatedPort))));
        var publicPort = (ushort)PortIn(Tns.RedirectText(redirect.PayloadBytes));

        Assert.False(gateway.Syn(AlgHarness.Stranger, 41001, AlgHarness.PublishedServer, publicPort, IngressSide.Outside).Forwarded);
        var client = gateway.Syn(AlgHarness.Server, 41001, AlgHarness.PublishedServer, publicPort, IngressSide.Outside);
        Assert.True(client.Forwarded);
        Assert.Equal((AlgHarness.InsideServer, DedicatedPort), (client.Info.DestinationAddress, client.Info.DestinationPort));
    }

    [Fact]
    public void A_redirect_naming_a_host_other_than_the_server_is_refused_and_opens_nothing_algs_8_3()
    {
        var gateway = Gateway(serverInside: true);
        var control = Connected(gateway, serverInside: true, clientPort: 41000);
        var packet = Tns.RedirectPacket(RedirectText(Address("192.168.1.30", DedicatedPort)));

        var redirect = control.Answer(packet);

        Assert.True(redirect.Forwarded);
        Assert.Equal(packet, redirect.PayloadBytes);
        Assert.Equal(0, gateway.Engine.Expectations.Count);
        Assert.Equal(1, gateway.Counters.PartsRefused);
        Assert.Contains("other than the server", gateway.Counters.LastPartRefused, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("db.example.com", DedicatedPort, "name")]
    [InlineData("192.168.1.21", 0, "below 1024")]
    [InlineData("192.168.1.21", 1023, "below 1024")]
    [InlineData("192.168.1.21", 70000, "PORT number")]
    public void A_host_name_or_a_privileged_or_bad_port_opens_nothing_algs_8_3(string host, int port, string reason)
    {
        var gateway = Gateway(serverInside: true);
        var control = Connected(gateway, serverInside: true, clientPort: 41000);
        var packet = Tns.RedirectPacket(RedirectText(Address(host, port)));

        var redirect = control.Answer(packet);

        Assert.Equal(packet, redirect.PayloadBytes);
        Assert.Equal(0, gateway.Engine.Expectations.Count);
        Assert.Contains(reason, gateway.Counters.LastPartRefused, StringComparison.Ordinal);
    }

    [Fact]
    public void Zero_length_redirect_and_the_data_with_the_address_are_rewritten_together_algs_8_1()
    {
        var gateway = Gateway(serverInside: true);
        var control = Connected(gateway, serverInside: true, clientPort: 41000);
        var data = Tns.DataPacket(Address("192.168.1.21", DedicatedPort));

        var sent = control.Answer(Tns.Concat(Tns.RedirectLengthOnly(0), data)).PayloadBytes;

        Assert.Equal(10, Tns.Length(sent));
        Assert.Equal(0, Tns.RedirectLength(sent));
        var dataSent = sent[10..];
        Assert.Equal(dataSent.Length, Tns.Length(dataSent));
        Assert.Equal(Tns.Data, dataSent[4]);
        Assert.StartsWith("(ADDRESS=(PROTOCOL=tcp)(HOST=203.0.113.1)(PORT=", Tns.DataText(dataSent), StringComparison.Ordinal);
        Assert.Equal(1, gateway.Engine.Expectations.Count);
    }

    [Fact]
    public void Zero_length_redirect_waits_for_its_data_in_the_next_segment()
    {
        var gateway = Gateway(serverInside: true);
        var control = Connected(gateway, serverInside: true, clientPort: 41000);

        var head = control.Answer(Tns.RedirectLengthOnly(0));
        var tail = control.Answer(Tns.DataPacket(Address("192.168.1.21", DedicatedPort)));

        Assert.Equal(0, head.Info.PayloadLength);
        var sent = tail.PayloadBytes;
        Assert.Equal(Tns.Redirect, sent[4]);
        Assert.StartsWith("(ADDRESS=(PROTOCOL=tcp)(HOST=203.0.113.1)", Tns.DataText(sent[10..]), StringComparison.Ordinal);
        Assert.Equal(1, gateway.Counters.SegmentsHeld);
        Assert.True(PacketBuilder.ChecksumsValid(tail.Frame));
    }

    [Fact]
    public void Redirect_length_whose_text_follows_in_data_gets_both_lengths_updated()
    {
        // python-oracledb reads the redirect-data length from the REDIRECT and the text from what follows (algs.md §8.5).
        var gateway = Gateway(serverInside: true);
        var control = Connected(gateway, serverInside: true, clientPort: 41000);
        var text = RedirectText(Address("192.168.1.21", DedicatedPort));

        var sent = control.Answer(Tns.Concat(Tns.RedirectLengthOnly(text.Length), Tns.DataPacket(text))).PayloadBytes;

        var dataSent = sent[10..];
        var rewritten = Tns.DataText(dataSent);
        Assert.Equal(rewritten.Length, Tns.RedirectLength(sent));
        Assert.Equal(dataSent.Length, Tns.Length(dataSent));
        Assert.StartsWith("(ADDRESS=(PROTOCOL=tcp)(HOST=203.0.113.1)", rewritten, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_after_a_redirect_that_already_left_keeps_its_length_with_blanks()
    {
        // A Nagle listener retransmits the held REDIRECT before sending its DATA: the stage lets it go as it is, so the
        // redirect-data length it carries is on the wire and the text must keep that length.
        var gateway = Gateway(serverInside: true);
        var control = Connected(gateway, serverInside: true, clientPort: 41000);
        var text = RedirectText(Address("192.168.1.21", DedicatedPort));
        var redirect = Tns.RedirectLengthOnly(text.Length);

        Assert.Equal(0, control.Answer(redirect).Info.PayloadLength);
        Assert.Equal(redirect, control.AnswerRetransmission(redirect).PayloadBytes);
        var data = control.Answer(Tns.DataPacket(text)).PayloadBytes;

        var rewritten = Tns.DataText(data);
        Assert.Equal(text.Length, rewritten.Length);
        Assert.StartsWith("(ADDRESS=(PROTOCOL=tcp)(HOST=203.0.113.1 )(PORT=", rewritten, StringComparison.Ordinal);
        Assert.Equal(1, gateway.Engine.Expectations.Count);
    }

    [Fact]
    public void A_redirect_split_over_segments_is_held_and_rewritten_whole()
    {
        var gateway = Gateway(serverInside: true);
        var control = Connected(gateway, serverInside: true, clientPort: 41000);
        var packet = Tns.RedirectPacket(RedirectText(Address("192.168.1.21", DedicatedPort)));

        var head = control.Answer(packet[..30]);
        var tail = control.Answer(packet[30..]);

        Assert.Equal(0, head.Info.PayloadLength);
        var sent = tail.PayloadBytes;
        Assert.Equal(sent.Length, Tns.Length(sent));
        Assert.StartsWith("(ADDRESS=(PROTOCOL=tcp)(HOST=203.0.113.1)", Tns.RedirectText(sent), StringComparison.Ordinal);
        Assert.Equal(1, gateway.Counters.SegmentsHeld);
        Assert.Equal(1, gateway.Engine.Expectations.Count);
    }

    [Fact]
    public void Two_tns_packets_in_one_segment_are_both_read()
    {
        var gateway = Gateway(serverInside: true);
        var control = Connected(gateway, serverInside: true, clientPort: 41000);

        var sent = control.Answer(Tns.Concat(Tns.Packet(Tns.Resend, []), Tns.RedirectPacket(RedirectText(Address("192.168.1.21", DedicatedPort))))).PayloadBytes;

        Assert.Equal(8, Tns.Length(sent));
        var redirect = sent[8..];
        Assert.Equal(redirect.Length, Tns.Length(redirect));
        Assert.StartsWith("(ADDRESS=(PROTOCOL=tcp)(HOST=203.0.113.1)", Tns.RedirectText(redirect), StringComparison.Ordinal);
    }

    [Fact]
    public void Address_list_with_mixed_case_keywords_and_blanks_has_every_server_address_rewritten()
    {
        var gateway = Gateway(serverInside: true);
        var control = Connected(gateway, serverInside: true, clientPort: 41000);
        var list = "(address_list = ( Address = (Protocol = TCP) ( HOST = 192.168.1.21 ) (port= 49152 ))(ADDRESS=(PROTOCOL=IPC)(KEY=x))(ADDRESS=(PROTOCOL=TCPS)(HOST=192.168.1.21)(PORT=49153)))";

        var sent = control.Answer(Tns.RedirectPacket(RedirectText(list))).PayloadBytes;

        var text = Tns.RedirectText(sent);
        Assert.Equal(2, text[..text.IndexOf('\0', StringComparison.Ordinal)].Split("203.0.113.1").Length - 1);
        Assert.DoesNotContain("192.168.1.21", text, StringComparison.Ordinal);
        Assert.Equal(2, gateway.Engine.Expectations.Count);
        Assert.Equal(sent.Length - 10, Tns.RedirectLength(sent));
    }

    [Fact]
    public void After_a_version_315_accept_lengths_are_4_bytes_both_ways_algs_8_1()
    {
        var gateway = Gateway(serverInside: true);
        var control = Connected(gateway, serverInside: true, clientPort: 41000);
        control.Answer(Tns.AcceptPacket(315));

        // A 4-byte DATA longer than one segment, then a REDIRECT: framing must hold across both.
        var big = Tns.DataPacket(new byte[3000], largeLength: true);
        control.Send(Tns.DataPacket("client says hello", largeLength: true));
        control.Answer(big[..1400]);
        control.Answer(big[1400..]);
        var sent = control.Answer(Tns.RedirectPacket(RedirectText(Address("192.168.1.21", DedicatedPort)), largeLength: true)).PayloadBytes;

        Assert.Equal(sent.Length, Tns.Length(sent, largeLength: true));
        Assert.StartsWith("(ADDRESS=(PROTOCOL=tcp)(HOST=203.0.113.1)", Tns.RedirectText(sent), StringComparison.Ordinal);
        Assert.Equal(0, gateway.Counters.Malformed);
    }

    [Fact]
    public void Before_version_315_lengths_stay_2_bytes()
    {
        var gateway = Gateway(serverInside: true);
        var control = Connected(gateway, serverInside: true, clientPort: 41000);
        control.Answer(Tns.AcceptPacket(314));
        control.Send(Tns.DataPacket("client says hello"));
        var sent = control.Answer(Tns.RedirectPacket(RedirectText(Address("192.168.1.21", DedicatedPort)))).PayloadBytes;

        Assert.Equal(sent.Length, Tns.Length(sent));
        Assert.StartsWith("(ADDRESS=(PROTOCOL=tcp)(HOST=203.0.113.1)", Tns.RedirectText(sent), StringComparison.Ordinal);
        Assert.Equal(0, gateway.Counters.Malformed);
    }

    [Fact]
    public void Client_inside_gets_its_redirected_connection_inspected_without_rewrite_algs_8_2()
    {
        var gateway = Gateway(serverInside: false);
        var control = Connected(gateway, serverInside: false);
        var packet = Tns.RedirectPacket(RedirectText(Address("203.0.113.20", DedicatedPort)));

        var redirect = control.Answer(packet);

        Assert.Equal(packet, redirect.PayloadBytes);
        Assert.Equal(1, gateway.Engine.Expectations.Count);

        // The client's new connection takes the pinhole (and so the ALG): a REDIRECT on it opens the next one.
        var dedicated = new ControlConnection(gateway, serverInside: false, clientPort: 40001, serverPort: DedicatedPort);
        dedicated.Connect();
        Assert.Equal(0, gateway.Engine.Expectations.Count);
        dedicated.Send(Tns.ConnectPacket(Descriptor));
        dedicated.Answer(Tns.RedirectPacket(RedirectText(Address("203.0.113.20", DedicatedPort + 1))));
        Assert.Equal(1, gateway.Engine.Expectations.Count);
        Assert.Equal(0, gateway.Counters.PartsRefused);
    }

    [Fact]
    public void Client_inside_a_redirect_to_a_third_host_opens_nothing_algs_8_3()
    {
        var gateway = Gateway(serverInside: false);
        var control = Connected(gateway, serverInside: false);

        control.Answer(Tns.RedirectPacket(RedirectText(Address("198.51.100.7", DedicatedPort))));

        Assert.Equal(0, gateway.Engine.Expectations.Count);
        Assert.Equal(1, gateway.Counters.PartsRefused);
    }

    [Fact]
    public void Bytes_that_are_not_tns_end_inspection_of_the_connection()
    {
        var gateway = Gateway(serverInside: true);
        var control = new ControlConnection(gateway, serverInside: true, clientPort: 41000);
        control.Connect();
        control.Send(Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
        var packet = Tns.RedirectPacket(RedirectText(Address("192.168.1.21", DedicatedPort)));

        var redirect = control.Answer(packet);

        Assert.Equal(1, gateway.Counters.Malformed);
        Assert.Contains("no longer inspected", gateway.Counters.LastMalformedReason, StringComparison.Ordinal);
        Assert.Equal(packet, redirect.PayloadBytes);
        Assert.Equal(0, gateway.Engine.Expectations.Count);
    }

    [Fact]
    public void A_redirect_address_inside_a_data_packet_is_not_read()
    {
        // The session's DATA is never scanned (algs.md §8.2): query results may carry any text.
        var gateway = Gateway(serverInside: true);
        var control = Connected(gateway, serverInside: true, clientPort: 41000);
        control.Answer(Tns.AcceptPacket(314));
        var data = Tns.DataPacket(Address("192.168.1.21", DedicatedPort));

        var sent = control.Answer(data);

        Assert.Equal(data, sent.PayloadBytes);
        Assert.Equal(0, gateway.Engine.Expectations.Count);
    }
}
