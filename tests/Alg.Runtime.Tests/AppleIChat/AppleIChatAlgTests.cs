using System.Text;
using Alg.Policy.Algs;
using Alg.Runtime.Flows;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using Alg.Runtime.Tests.Support;

namespace Alg.Runtime.Tests.AppleIChat;

/// <summary>
/// Apple iChat AV (ScreenOS <c>appleichat</c>, inferred behaviour: algs.md §12.2) through NatEngine + AlgStage on both
/// policy engines, on generated traffic: an AV invitation on UDP 16402 (Apple HT2282) translated with the SIP code,
/// its pinholes for the invited peer closing after <c>call-answer-time</c> when nobody answers (RFC 3261 §17.1.1.2:
/// 32 s is Timer B), staying for the media once answered, and invitations in IP fragments inspected only with
/// <c>re-assembly</c>.
/// </summary>
public sealed class AppleIChatAlgTests
{
    private const ushort Port = 16402;
    private static readonly uint Caller = AlgHarness.Client;
    private static readonly uint Peer = AlgHarness.Server;

    private static AlgHarness Gateway(params (string Name, AlgOptionValue Value)[] options) =>
        new("appleichat", Port, AlgPolicies.PatEverythingStrict(), default, FtpEngine.Both, options);

    private static string Invite() => SipHarness.Message(
        """
        INVITE sip:user@203.0.113.20:16402 SIP/2.0
        Via: SIP/2.0/UDP 192.168.1.10:16402;branch=z9hG4bK-ichat;rport
        From: "caller" <sip:caller@192.168.1.10:16402>;tag=i1
        To: <sip:user@203.0.113.20:16402>
        Call-ID: ichat-1@192.168.1.10
        CSeq: 1 INVITE
        Contact: <sip:caller@192.168.1.10:16402>
        Max-Forwards: 70
        Content-Type: application/sdp
        """,
        SipHarness.Sdp("v=0", "o=caller 1 1 IN IP4 192.168.1.10", "s=-", "c=IN IP4 192.168.1.10", "t=0 0",
            "m=audio 16386 RTP/AVP 110", "m=video 16388 RTP/AVP 126"));

    private static string Answer() => SipHarness.Message(
        """
        SIP/2.0 200 OK
        Via: SIP/2.0/UDP 203.0.113.1:16402;branch=z9hG4bK-ichat;rport=16402;received=203.0.113.1
        From: "caller" <sip:caller@203.0.113.1:16402>;tag=i1
        To: <sip:user@203.0.113.20:16402>;tag=u1
        Call-ID: ichat-1@192.168.1.10
        CSeq: 1 INVITE
        Contact: <sip:user@203.0.113.20:16402>
        Content-Type: application/sdp
        """,
        SipHarness.Sdp("v=0", "o=user 2 2 IN IP4 203.0.113.20", "s=-", "c=IN IP4 203.0.113.20", "t=0 0",
            "m=audio 16390 RTP/AVP 110", "m=video 16392 RTP/AVP 126"));

    private static SentPacket Invite(AlgHarness gateway) =>
        gateway.Udp(Caller, Port, Peer, Port, IngressSide.Inside, Encoding.ASCII.GetBytes(Invite()));

    private static bool MediaExpected(AlgHarness gateway, ushort mappedPort, long at) =>
        gateway.Engine.Expectations.Expects(new FlowKey(Peer, AlgHarness.Public, 16390, mappedPort, IpProtocol.Udp, FlowSide.Outside), at);

    [Fact]
    public void An_invitation_is_translated_and_its_pinholes_close_after_call_answer_time_without_an_answer()
    {
        var gateway = Gateway();
        var invite = Invite(gateway);
        Assert.True(invite.Forwarded);
        Assert.Contains("c=IN IP4 203.0.113.1\r\n", invite.Payload, StringComparison.Ordinal);
        Assert.DoesNotContain("192.168.1.10", invite.Payload.Replace("ichat-1@192.168.1.10", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.True(gateway.Counters.PinholesOpened >= 2);
        var mapped = (ushort)16386;
        Assert.True(MediaExpected(gateway, mapped, gateway.Now + (31 * NatTimeouts.Second)));
        Assert.False(MediaExpected(gateway, mapped, gateway.Now + (33 * NatTimeouts.Second)));
    }

    [Fact]
    public void Call_answer_time_is_the_configured_one()
    {
        var gateway = Gateway(("call-answer-time", AlgOptionValue.FromNumber(AlgOptionKind.Seconds, 60)));
        Invite(gateway);
        Assert.True(MediaExpected(gateway, 16386, gateway.Now + (59 * NatTimeouts.Second)));
        Assert.False(MediaExpected(gateway, 16386, gateway.Now + (61 * NatTimeouts.Second)));
    }

    [Fact]
    public void An_answered_invitation_keeps_the_media_pinholes_for_the_answerer_beyond_call_answer_time()
    {
        var gateway = Gateway();
        var invite = Invite(gateway);
        var answer = gateway.Udp(Peer, Port, AlgHarness.Public, invite.Info.SourcePort, IngressSide.Outside, Encoding.ASCII.GetBytes(Answer()));
        Assert.True(answer.Forwarded);
        Assert.Contains("Via: SIP/2.0/UDP 192.168.1.10:16402", answer.Payload, StringComparison.Ordinal);
        Assert.True(MediaExpected(gateway, 16386, gateway.Now + (40 * NatTimeouts.Second)));

        var rtp = gateway.Udp(Peer, 16390, AlgHarness.Public, 16386, IngressSide.Outside);
        Assert.Equal((Caller, (ushort)16386), (rtp.Info.DestinationAddress, rtp.Info.DestinationPort));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_invitation_in_ip_fragments_is_inspected_only_with_re_assembly(bool reassembly)
    {
        var gateway = Gateway(("re-assembly", AlgOptionValue.FromBoolean(reassembly)));
        var whole = PacketBuilder.Udp(Caller, Port, Peer, Port, Encoding.ASCII.GetBytes(Invite()));
        var ip = whole.AsSpan(PacketBuilder.EthernetHeader + 20);
        var firstLength = 256;
        var first = PacketBuilder.Ipv4(Caller, Peer, IpProtocol.Udp, ip[..firstLength], withChecksum: false, identification: 0x4242, fragmentField: 0x2000);
        var second = PacketBuilder.Ipv4(Caller, Peer, IpProtocol.Udp, ip[firstLength..], withChecksum: false, identification: 0x4242, fragmentField: (ushort)(firstLength / 8));

        Assert.Equal(NatAction.Held, gateway.Send(first, IngressSide.Inside).Verdict.Action);
        var sent = gateway.Send(second, IngressSide.Inside);
        Assert.True(sent.Forwarded);
        Assert.Equal(reassembly, sent.Payload.Contains("c=IN IP4 203.0.113.1", StringComparison.Ordinal));
        Assert.Equal(reassembly ? 0 : 1, gateway.Counters.PartsRefused);
    }
}
