using System.Text;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using Alg.Runtime.Tests.Support;

namespace Alg.Runtime.Tests.Sip;

/// <summary>
/// Mutated, truncated and spliced SIP messages through the ALG, over UDP and TCP: whatever the input, the ALG
/// never throws (a throw would be counted in <c>Failures</c>), never drops on its own, and every message it
/// rewrites still has a Content-Length equal to its body (RFC 3261 §18.3).
/// </summary>
public sealed class SipFuzzTests
{
    private static readonly string[] Seeds =
    [
        SipHarness.Message(
            """
            INVITE sip:bob@203.0.113.20 SIP/2.0
            Via: SIP/2.0/UDP 192.168.1.10:5060;branch=z9hG4bK-1;rport;received=192.168.1.10;maddr=192.168.1.10
            From: "A, B" <sip:alice@192.168.1.10:5060>;tag=a1
            To: <sip:bob@203.0.113.20>
            Call-ID: c1@192.168.1.10
            CSeq: 1 INVITE
            Contact: <sip:alice@192.168.1.10:5060>, sip:alice@192.168.1.10;expires=60
            Max-Forwards: 70
            Content-Type: application/sdp
            """,
            SipHarness.Sdp("v=0", "o=a 1 1 IN IP4 192.168.1.10", "s=-", "c=IN IP4 192.168.1.10", "t=0 0", "m=audio 6000 RTP/AVP 0", "a=rtcp:6001 IN IP4 192.168.1.10", "m=video 6002/2 RTP/AVP 96", "c=IN IP4 192.168.1.10")),
        SipHarness.Message(
            """
            REGISTER sip:203.0.113.20 SIP/2.0
            v: SIP/2.0/UDP 192.168.1.10;branch=z9hG4bK-r
            f: <sip:alice@203.0.113.20>;tag=r
            t: <sip:alice@203.0.113.20>
            i: reg
            CSeq: 7 REGISTER
            m: <sip:alice@[2001:db8::1]:5060>,<sip:alice@192.168.1.10>
            Expires: 0
            """),
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Mutated_messages_never_make_the_alg_throw_or_drop(int seed)
    {
        var random = new Random(seed);
        var gateway = new SipHarness([Alg.Policy.Algs.AlgPort.Udp(5060), Alg.Policy.Algs.AlgPort.Tcp(5060)]);
        var client = new TcpPeer(gateway, SipHarness.Phone, 5060, SipHarness.Server, 5060);
        client.Connect();
        var fields = new Alg.StdlibAlgs.Sip.SipHeaderField[Alg.StdlibAlgs.Sip.SipMessageParser.MaxHeaders];
        for (var i = 0; i < 3000; i++)
        {
            var bytes = Mutate(random, Encoding.ASCII.GetBytes(Seeds[random.Next(Seeds.Length)]));
            var sent = i % 3 == 0
                ? gateway.ServerSends(Encoding.Latin1.GetString(bytes), i / 10)
                : gateway.Udp(SipHarness.Phone, 5060, SipHarness.Server, 5060, bytes, i / 10, IngressSide.Inside);
            Assert.True(sent.Forwarded || sent.Verdict.Reason != DropReason.AlgPolicyViolation, $"iteration {i}: dropped {sent.Verdict.Reason}");
            if (sent.Forwarded && !sent.PayloadBytes.AsSpan().SequenceEqual(bytes)
                && Alg.StdlibAlgs.Sip.SipMessageParser.Parse(sent.PayloadBytes, false, fields, out var message) == Alg.StdlibAlgs.Sip.SipParseStatus.Complete
                && message.DeclaredContentLength >= 0)
            {
                Assert.Equal(message.BodyLength, message.DeclaredContentLength);
            }

            if (i % 50 == 0)
            {
                client.Send(bytes);
            }
        }

        Assert.Equal(0, gateway.Counters.Failures);
        Assert.Equal(0, gateway.Counters.PolicyDrops);
        Assert.True(gateway.Counters.RewritesApplied > 100, $"only {gateway.Counters.RewritesApplied} rewrites: the mutations no longer reach the translator");
    }

    private static byte[] Mutate(Random random, byte[] input)
    {
        var data = new List<byte>(input);
        var edits = random.Next(1, 6);
        for (var e = 0; e < edits && data.Count > 0; e++)
        {
            var at = random.Next(data.Count);
            switch (random.Next(6))
            {
                case 0:
                    data[at] = (byte)random.Next(256);
                    break;
                case 1:
                    data.RemoveRange(at, Math.Min(data.Count - at, random.Next(1, 40)));
                    break;
                case 2:
                    data.InsertRange(at, "\r\n ;,<>\"@:[]"u8.ToArray().AsSpan(random.Next(12), 1).ToArray());
                    break;
                case 3:
                    data.InsertRange(at, Encoding.ASCII.GetBytes("192.168.1.10:" + random.Next(70000)));
                    break;
                case 4:
                    data.RemoveRange(at, data.Count - at);
                    break;
                default:
                    var digits = Encoding.ASCII.GetBytes(random.Next(-5, 99999).ToString(System.Globalization.CultureInfo.InvariantCulture));
                    data.InsertRange(at, digits);
                    break;
            }
        }

        return [.. data];
    }
}
