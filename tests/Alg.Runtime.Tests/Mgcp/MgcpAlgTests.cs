using System.Text;
using Alg.Policy.Algs;
using Alg.Runtime.Nat;
using Alg.Runtime.Tests.Support;

namespace Alg.Runtime.Tests.Mgcp;

/// <summary>
/// The MGCP ALG (RFC 3435) on both policy engines: a media gateway inside (192.168.1.10, PAT to 203.0.113.1 with
/// address-and-port-dependent filtering) and its call agent outside (203.0.113.20:2727); the remote media endpoint
/// 198.51.100.30.
/// </summary>
public sealed class MgcpAlgTests
{
    private const ushort GatewayPort = 2427;
    private const ushort AgentPort = 2727;
    private const string Endpoint = "aaln/1@mg.example.net";
    private static readonly uint Gateway = AlgHarness.Client;
    private static readonly uint Agent = AlgHarness.Server;
    private static readonly uint RemoteMedia = Ip.V4("198.51.100.30");

    private static string LocalDescriptor(ushort port) =>
        $"v=0\r\no=- 25678 753849 IN IP4 192.168.1.10\r\ns=-\r\nc=IN IP4 192.168.1.10\r\nt=0 0\r\nm=audio {port} RTP/AVP 0\r\n";

    private static string Crcx(int transaction, string call, string? remoteSdp) =>
        $"CRCX {transaction} {Endpoint} MGCP 1.0\r\nC: {call}\r\nL: p:10, a:PCMU\r\nM: recvonly\r\n" + (remoteSdp is null ? string.Empty : "\r\n" + remoteSdp);

    private static string RemoteDescriptor(string address = "198.51.100.30") => $"v=0\r\nc=IN IP4 {address}\r\nm=audio 4000 RTP/AVP 0\r\n";

    /// <summary>The gateway announces itself (RSIP, §2.3.12) and the call agent acknowledges: the flow exists.</summary>
    private static AlgHarness Registered(params (string Name, AlgOptionValue Value)[] options)
    {
        var gateway = new AlgHarness("mgcp", GatewayPort, false, default, FtpEngine.Both, options);
        Assert.True(FromGateway(gateway, $"RSIP 1200 {Endpoint} MGCP 1.0\r\nRM: restart\r\n").Forwarded);
        Assert.True(FromAgent(gateway, "200 1200 OK\r\n").Forwarded);
        return gateway;
    }

    private static SentPacket FromGateway(AlgHarness gateway, string text) =>
        gateway.Udp(Gateway, GatewayPort, Agent, AgentPort, IngressSide.Inside, Encoding.ASCII.GetBytes(text));

    private static SentPacket FromAgent(AlgHarness gateway, string text, ushort agentPort = AgentPort) =>
        gateway.Udp(Agent, agentPort, AlgHarness.Public, GatewayPort, IngressSide.Outside, Encoding.ASCII.GetBytes(text));

    [Fact]
    public void The_gateways_local_descriptor_is_translated_and_media_from_the_remote_end_reaches_it_rfc3435_2_3_5()
    {
        var gateway = Registered();
        Assert.True(FromAgent(gateway, Crcx(1204, "A3C47F21456789F0", RemoteDescriptor())).Forwarded);

        var response = FromGateway(gateway, "200 1204 OK\r\nI: FDE234C8\r\n\r\n" + LocalDescriptor(16002));

        Assert.DoesNotContain("192.168.1.10", response.Payload, StringComparison.Ordinal);
        Assert.Contains("c=IN IP4 203.0.113.1\r\n", response.Payload, StringComparison.Ordinal);
        Assert.Contains("o=- 25678 753849 IN IP4 203.0.113.1\r\n", response.Payload, StringComparison.Ordinal);
        Assert.True(PacketBuilder.ChecksumsValid(response.Frame));
        var port = ushort.Parse(response.Payload[(response.Payload.IndexOf("m=audio ", StringComparison.Ordinal) + 8)..].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);

        var rtp = gateway.Udp(RemoteMedia, 4000, AlgHarness.Public, port, IngressSide.Outside);
        Assert.True(rtp.Forwarded);
        Assert.Equal((Gateway, (ushort)16002), (rtp.Info.DestinationAddress, rtp.Info.DestinationPort));
        var rtcp = gateway.Udp(RemoteMedia, 4001, AlgHarness.Public, (ushort)(port + 1), IngressSide.Outside);
        Assert.Equal((Gateway, (ushort)16003), (rtcp.Info.DestinationAddress, rtcp.Info.DestinationPort));
        Assert.False(gateway.Udp(AlgHarness.Stranger, 4000, AlgHarness.Public, port, IngressSide.Outside).Forwarded);
    }

    [Fact]
    public void A_connection_created_without_a_remote_descriptor_is_restricted_by_the_mdcx_that_brings_it_rfc3435_2_3_6()
    {
        var gateway = Registered();
        FromAgent(gateway, Crcx(1300, "CALL1", null));
        var response = FromGateway(gateway, "200 1300 OK\r\nI: 1\r\n\r\n" + LocalDescriptor(16010));
        Assert.Contains("c=IN IP4 203.0.113.1", response.Payload, StringComparison.Ordinal);

        FromAgent(gateway, $"MDCX 1301 {Endpoint} MGCP 1.0\r\nC: CALL1\r\nI: 1\r\nM: sendrecv\r\n\r\n" + RemoteDescriptor());
        FromGateway(gateway, "200 1301 OK\r\n");

        Assert.False(gateway.Udp(AlgHarness.Stranger, 4000, AlgHarness.Public, 16010, IngressSide.Outside).Forwarded);
        Assert.True(gateway.Udp(RemoteMedia, 4000, AlgHarness.Public, 16010, IngressSide.Outside).Forwarded);
    }

    [Fact]
    public void Dlcx_closes_the_calls_pinholes_and_rsip_those_of_every_call_rfc3435_2_3_7_and_2_3_12()
    {
        var gateway = Registered();
        FromAgent(gateway, Crcx(1400, "CALL1", RemoteDescriptor()));
        FromGateway(gateway, "200 1400 OK\r\nI: 1\r\n\r\n" + LocalDescriptor(16020));
        FromAgent(gateway, Crcx(1401, "CALL2", RemoteDescriptor()).Replace("aaln/1", "aaln/2", StringComparison.Ordinal));
        FromGateway(gateway, "200 1401 OK\r\nI: 2\r\n\r\n" + LocalDescriptor(16030));
        var media = gateway.Engine.Expectations.Count;

        FromAgent(gateway, $"DLCX 1402 {Endpoint} MGCP 1.0\r\nC: CALL1\r\nI: 1\r\n");
        Assert.Equal(media - 2, gateway.Engine.Expectations.Count);
        Assert.False(gateway.Udp(RemoteMedia, 4000, AlgHarness.Public, 16020, IngressSide.Outside).Forwarded);

        FromGateway(gateway, "RSIP 1500 aaln/*@mg.example.net MGCP 1.0\r\nRM: forced\r\n");
        Assert.False(gateway.Udp(RemoteMedia, 4000, AlgHarness.Public, 16030, IngressSide.Outside).Forwarded);
    }

    [Fact]
    public void A_response_with_no_pending_transaction_is_not_translated_and_opens_nothing_rfc3435_3_5_6()
    {
        var gateway = Registered();
        var before = gateway.Engine.Expectations.Count;

        var response = FromGateway(gateway, "200 9999 OK\r\nI: 1\r\n\r\n" + LocalDescriptor(16040));

        Assert.Contains("192.168.1.10", response.Payload, StringComparison.Ordinal);
        Assert.Equal(before, gateway.Engine.Expectations.Count);
        Assert.Equal(1, gateway.Counters.PartsRefused);
    }

    [Fact]
    public void A_response_after_the_transaction_timeout_is_unsolicited()
    {
        var gateway = Registered(("transaction-timeout", AlgOptionValue.FromNumber(AlgOptionKind.Seconds, 3)));
        FromAgent(gateway, Crcx(1600, "LATE", RemoteDescriptor()));
        for (var i = 0; i < 3100; i++)
        {
            // Each packet moves the harness clock 1 ms.
            gateway.Udp(AlgHarness.Client, 40000, AlgHarness.Server, 9, IngressSide.Inside);
        }

        var response = FromGateway(gateway, "200 1600 OK\r\nI: 1\r\n\r\n" + LocalDescriptor(16050));

        Assert.Contains("192.168.1.10", response.Payload, StringComparison.Ordinal);
        Assert.Equal(1, gateway.Counters.PartsRefused);
    }

    [Fact]
    public void Piggy_backed_messages_are_each_acted_on_rfc3435_3_5_5()
    {
        var gateway = Registered();
        FromAgent(gateway, Crcx(1700, "P1", RemoteDescriptor()) + ".\r\n" + $"RQNT 1701 {Endpoint} MGCP 1.0\r\nX: 0123456789AC\r\nR: L/hd(N)\r\n");

        var both = FromGateway(gateway, "200 1700 OK\r\nI: 7\r\n\r\n" + LocalDescriptor(16060) + ".\r\n200 1701 OK\r\n");

        Assert.Contains("c=IN IP4 203.0.113.1\r\n", both.Payload, StringComparison.Ordinal);
        Assert.EndsWith(".\r\n200 1701 OK\r\n", both.Payload, StringComparison.Ordinal);
        Assert.True(gateway.Udp(RemoteMedia, 4000, AlgHarness.Public, 16060, IngressSide.Outside).Forwarded);
    }

    [Fact]
    public void The_call_agent_reaches_the_gateway_from_another_port_after_the_gateway_spoke()
    {
        var gateway = Registered();

        var command = FromAgent(gateway, $"AUEP 1800 {Endpoint} MGCP 1.0\r\n", agentPort: 2728);

        Assert.True(command.Forwarded);
        Assert.Equal((Gateway, GatewayPort), (command.Info.DestinationAddress, command.Info.DestinationPort));
        Assert.False(gateway.Udp(AlgHarness.Stranger, 2727, AlgHarness.Public, GatewayPort, IngressSide.Outside, Encoding.ASCII.GetBytes("AUEP 1 x MGCP 1.0\r\n")).Forwarded);
    }

    [Fact]
    public void A_descriptor_naming_another_inside_host_opens_nothing()
    {
        var gateway = Registered();
        FromAgent(gateway, Crcx(1900, "X", RemoteDescriptor()));

        var response = FromGateway(gateway, "200 1900 OK\r\nI: 1\r\n\r\n" + LocalDescriptor(16070).Replace("192.168.1.10", "192.168.1.99", StringComparison.Ordinal));

        Assert.Contains("192.168.1.99", response.Payload, StringComparison.Ordinal);
        Assert.False(gateway.Udp(RemoteMedia, 4000, AlgHarness.Public, 16070, IngressSide.Outside).Forwarded);
    }

    [Fact]
    public void Bytes_that_are_not_mgcp_are_counted_and_pass_untouched()
    {
        var gateway = Registered();
        var sent = FromGateway(gateway, "\u0001\u0002 not mgcp\r\n");
        Assert.True(sent.Forwarded);
        Assert.Equal(1, gateway.Counters.Malformed);
    }
}
