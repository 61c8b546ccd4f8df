using Alg.Policy.Algs;
using Alg.Runtime.Nat;
using Alg.Runtime.Tests.Support;

namespace Alg.Runtime.Tests.H323;

/// <summary>
/// H.460.18/19 traversal (algs.md §4.6): an endpoint that registers, calls or opens channels with the traversal
/// features passes untouched with no pinholes, and the decision is remembered for its registration (a later call on
/// a fresh connection without features is left alone too); the <c>h460-stand-aside</c> switch turns the H.323 ALGs
/// off for H.460 deployments (StarLeaf's, Cisco VCS's, Polycom RPAD's advice).
/// </summary>
public sealed class H323H460Tests
{
    private static readonly uint Client = AlgHarness.Client;

    [Fact]
    public void An_h460_registration_and_the_endpoints_later_calls_pass_untouched_and_open_nothing()
    {
        var gateway = H323Gateway.Create();
        var rrq = H323Vectors.Get("h460-rrq");

        var sentRrq = gateway.Udp(Client, 1719, AlgHarness.Server, 1719, IngressSide.Inside, rrq);
        var rcf = gateway.Udp(AlgHarness.Server, 1719, AlgHarness.Public, sentRrq.Info.SourcePort, IngressSide.Outside, H323Vectors.Get("h460-rcf"));
        var sci = gateway.Udp(AlgHarness.Server, 1719, AlgHarness.Public, sentRrq.Info.SourcePort, IngressSide.Outside, H323Vectors.Get("h460-sci"));

        Assert.Equal(rrq, sentRrq.PayloadBytes);
        Assert.Equal(H323Vectors.Get("h460-rcf"), rcf.PayloadBytes);
        Assert.Equal(H323Vectors.Get("h460-sci"), sci.PayloadBytes);
        Assert.Equal(0, gateway.Engine.Expectations.Count);

        // A call on a fresh connection, even one without features (a plain fastStart Setup), is the endpoint's.
        var call = H323Gateway.Call(gateway);
        var setup = H323Vectors.Get("faststart-setup");
        Assert.Equal(setup, call.Send(setup).PayloadBytes);
        Assert.Equal(0, gateway.Engine.Expectations.Count);
    }

    [Fact]
    public void The_remembered_decision_ends_with_the_registration()
    {
        var gateway = H323Gateway.Create();
        gateway.Udp(Client, 1719, AlgHarness.Server, 1719, IngressSide.Inside, H323Vectors.Get("h460-rrq"));

        gateway.Advance(301 * NatTimeouts.Second);
        var call = H323Gateway.Call(gateway);
        var sent = call.Send(H323Vectors.Get("faststart-setup"));

        Assert.NotEqual(H323Vectors.Get("faststart-setup"), sent.PayloadBytes);
    }

    [Fact]
    public void A_setup_with_traversal_features_passes_untouched_and_the_connection_is_left_alone()
    {
        var gateway = H323Gateway.Create();
        var call = H323Gateway.Call(gateway);

        var setup = H323Vectors.Get("h460-setup");
        Assert.Equal(setup, call.Send(setup).PayloadBytes);
        var later = H323Vectors.Get("tunnel-facility-ack");
        Assert.Equal(later, call.Send(later).PayloadBytes);
        Assert.Equal(0, gateway.Engine.Expectations.Count);
    }

    [Fact]
    public void An_open_logical_channel_with_h460_19_traversal_parameters_passes_untouched()
    {
        var gateway = H323Gateway.Create();
        var call = H323Gateway.Call(gateway);
        call.Answer(H323Vectors.Get("faststart-connect"));
        var h245 = new ControlConnection(gateway, clientPort: 40001, serverPort: 1300);
        h245.Connect();
        var holes = gateway.Engine.Expectations.Count;

        var olc = H323Vectors.Get("h460-olc");
        Assert.Equal(olc, h245.Send(olc).PayloadBytes);
        Assert.Equal(holes, gateway.Engine.Expectations.Count);
    }

    [Fact]
    public void The_stand_aside_switch_turns_the_h323_algs_off_for_an_h460_deployment()
    {
        var gateway = H323Gateway.Create(options: ("h460-stand-aside", AlgOptionValue.FromBoolean(true)));
        var call = H323Gateway.Call(gateway);

        var setup = H323Vectors.Get("faststart-setup");
        Assert.Equal(setup, call.Send(setup).PayloadBytes);
        var rrq = H323Vectors.Get("ras-rrq");
        Assert.Equal(rrq, gateway.Udp(Client, 1719, AlgHarness.Server, 1719, IngressSide.Inside, rrq).PayloadBytes);
        Assert.Equal(0, gateway.Engine.Expectations.Count);
    }
}
