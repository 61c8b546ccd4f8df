using System.Text;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using Alg.Runtime.Tests.Support;

namespace Alg.Runtime.Tests.Sip;

/// <summary>A PBX trunk carries every call on one signalling flow: the ALG's per-call state (pinhole groups, the
/// answer address table) must not grow the heap per call.</summary>
public sealed class SipManyCallsTests
{
    [Fact]
    public void Thousands_of_calls_on_one_signalling_flow_allocate_nothing_per_call()
    {
        var gateway = new SipHarness();
        const int calls = 3000;
        var frames = new List<(byte[], IngressSide)>();
        for (var i = 0; i < calls; i++)
        {
            var head = $"INVITE sip:bob@203.0.113.20 SIP/2.0\nVia: SIP/2.0/UDP 192.168.1.10:5060;branch=z9hG4bK-{i}\nFrom: <sip:alice@192.168.1.10:5060>;tag={i}\nTo: <sip:bob@203.0.113.20>\nCall-ID: call-{i}@192.168.1.10\nCSeq: 1 INVITE\nContact: <sip:alice@192.168.1.10:5060>\nMax-Forwards: 70\nContent-Type: application/sdp";
            var sdp = SipHarness.Sdp("v=0", "o=a 1 1 IN IP4 192.168.1.10", "s=-", "c=IN IP4 192.168.1.10", "t=0 0", "m=audio 6000 RTP/AVP 0");
            frames.Add((PacketBuilder.Udp(SipHarness.Phone, 5060, SipHarness.Server, 5060, Encoding.ASCII.GetBytes(SipHarness.Message(head, sdp))), IngressSide.Inside));
            var ok = $"SIP/2.0 200 OK\nVia: SIP/2.0/UDP 203.0.113.1:5060;branch=z9hG4bK-{i}\nFrom: <sip:alice@203.0.113.1:5060>;tag={i}\nTo: <sip:bob@203.0.113.20>;tag=b\nCall-ID: call-{i}@192.168.1.10\nCSeq: 1 INVITE\nContent-Type: application/sdp";
            frames.Add((PacketBuilder.Udp(SipHarness.Server, 5060, SipHarness.Public, 5060, Encoding.ASCII.GetBytes(SipHarness.Message(ok, SipHarness.Sdp("v=0", "o=b 1 1 IN IP4 203.0.113.20", "s=-", "c=IN IP4 203.0.113.20", "t=0 0", "m=audio 8000 RTP/AVP 0")))), IngressSide.Outside));
            var bye = $"BYE sip:bob@203.0.113.20 SIP/2.0\nVia: SIP/2.0/UDP 192.168.1.10:5060;branch=z9hG4bK-b{i}\nFrom: <sip:alice@192.168.1.10:5060>;tag={i}\nTo: <sip:bob@203.0.113.20>;tag=b\nCall-ID: call-{i}@192.168.1.10\nCSeq: 2 BYE\nMax-Forwards: 70";
            frames.Add((PacketBuilder.Udp(SipHarness.Phone, 5060, SipHarness.Server, 5060, Encoding.ASCII.GetBytes(SipHarness.Message(bye))), IngressSide.Inside));
        }

        var buffer = new byte[4096];
        long now = 0;
        void Run(int from, int to)
        {
            for (var i = from; i < to; i++)
            {
                var (frame, side) = frames[i];
                frame.CopyTo(buffer, 0);
                var packet = new PacketBuffer(buffer, 0, frame.Length, buffer.Length);
                gateway.Engine.Process(ref packet, LinkType.Ethernet, now += 1_000_000, side);
            }
        }

        Run(0, 300);
        var before = GC.GetAllocatedBytesForCurrentThread();
        Run(300, frames.Count);
        var after = GC.GetAllocatedBytesForCurrentThread();
        Assert.Equal(0, after - before);
        Assert.Equal(0, gateway.Engine.Expectations.Count);
        Assert.Equal(0, gateway.Engine.Drops.Total);
        Assert.Equal(3 * calls, gateway.Counters.Inspected);
    }
}
