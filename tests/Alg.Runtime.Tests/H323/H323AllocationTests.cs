using Alg.Runtime.Nat;
using Alg.Runtime.Tests.Support;

namespace Alg.Runtime.Tests.H323;

/// <summary>The H.323 ALGs allocate nothing per message once a connection or flow exists (the walk fills a reused
/// findings buffer, edits live on the stack, the stage's output buffers are its own).</summary>
public sealed class H323AllocationTests
{
    [Theory]
    [InlineData("faststart-setup", "faststart-connect")]
    [InlineData("tunnel-facility-ack", "tunnel-connect")]
    public void Each_call_signalling_message_and_reply_allocates_nothing(string message, string reply)
    {
        var gateway = H323Gateway.Create();
        var call = H323Gateway.Call(gateway);
        var exchange = call.SteadyExchange(H323Vectors.Get(message), H323Vectors.Get(reply));
        for (var i = 0; i < 50; i++)
        {
            exchange();
        }

        var allocated = Allocations.Quietest(() =>
        {
            for (var i = 0; i < 100; i++)
            {
                exchange();
            }
        });

        Assert.Equal(0, allocated);
        Assert.Equal(0, gateway.Counters.Failures);
        Assert.Equal(0, gateway.Counters.Malformed);
        Assert.True(gateway.Counters.RewritesApplied > 300);
    }

    [Fact]
    public void Each_h245_message_allocates_nothing()
    {
        var gateway = H323Gateway.Create();
        var call = H323Gateway.Call(gateway);
        call.Answer(H323Vectors.Get("faststart-connect"));
        var h245 = new ControlConnection(gateway, clientPort: 40001, serverPort: 1300);
        h245.Connect();
        var exchange = h245.SteadyExchange(H323Vectors.Get("h245-olcack-inside"), H323Vectors.Get("h245-olc-outside"));
        for (var i = 0; i < 50; i++)
        {
            exchange();
        }

        var allocated = Allocations.Quietest(() =>
        {
            for (var i = 0; i < 100; i++)
            {
                exchange();
            }
        });

        Assert.Equal(0, allocated);
        Assert.True(gateway.Counters("h323-h245").RewritesApplied > 300);
    }

    [Fact]
    public void Each_ras_registration_allocates_nothing_once_the_flow_exists()
    {
        var gateway = H323Gateway.Create();
        var rrq = H323Vectors.Get("ras-rrq");
        var frame = PacketBuilder.Udp(AlgHarness.Client, 1719, AlgHarness.Server, 1719, rrq);
        var buffer = new byte[2048];
        var now = 0L;
        void Send()
        {
            frame.CopyTo(buffer, 0);
            var packet = new Alg.Runtime.Packets.PacketBuffer(buffer, 0, frame.Length, buffer.Length);
            gateway.Engine.Process(ref packet, Alg.Runtime.Packets.LinkType.Ethernet, now += 1000, IngressSide.Inside);
        }

        for (var i = 0; i < 50; i++)
        {
            Send();
        }

        var allocated = Allocations.Quietest(() =>
        {
            for (var i = 0; i < 100; i++)
            {
                Send();
            }
        });

        Assert.Equal(0, allocated);
        Assert.True(gateway.Counters("h323-ras").RewritesApplied > 300);
    }
}
