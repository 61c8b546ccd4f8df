using Alg.Policy.Algs;
using Alg.Runtime.Nat;
using Alg.Runtime.Tests.Support;
using Kind = Alg.StdlibAlgs.H323.H323AddressKind;

namespace Alg.Runtime.Tests.H323;

/// <summary>
/// The RAS ALG (H.225.0 §7.7–§7.16; algs.md §4.3): an inside endpoint's RAS addresses become public, its
/// registration keeps a pinhole for calls the gatekeeper routes to it (inspected by the Q.931 ALG) for the granted
/// time-to-live, outliving the RAS flow, until it unregisters.
/// </summary>
public sealed class H323RasTests
{
    private static readonly uint Client = AlgHarness.Client;
    private static readonly uint Public = AlgHarness.Public;
    private static readonly uint Gatekeeper = AlgHarness.Server;

    private static SentPacket FromEndpoint(AlgHarness gateway, string vector) =>
        gateway.Udp(Client, 1719, Gatekeeper, 1719, IngressSide.Inside, H323Vectors.Get(vector));

    private static SentPacket FromGatekeeper(AlgHarness gateway, string vector) =>
        gateway.Udp(Gatekeeper, 1719, Public, 1719, IngressSide.Outside, H323Vectors.Get(vector));

    private static List<(Kind Kind, string Endpoint)> Addresses(SentPacket sent) => H323Messages.Addresses(sent.PayloadBytes, H323Messages.Kind.Ras);

    [Theory]
    [InlineData("ras-grq", Kind.RasAddress)]
    [InlineData("ras-lrq", Kind.ReplyAddress)]
    [InlineData("ras-irr", Kind.RasAddress)]
    public void The_endpoints_own_ras_address_becomes_its_public_one_h225_7_7(string vector, Kind kind)
    {
        var gateway = H323Gateway.Create();

        var sent = FromEndpoint(gateway, vector);

        Assert.True(PacketBuilder.ChecksumsValid(sent.Frame));
        Assert.Equal(H323Vectors.Get(vector).Length, sent.PayloadBytes.Length);
        Assert.Equal($"203.0.113.1:{sent.Info.SourcePort}", Addresses(sent).Single(a => a.Kind == kind).Endpoint);
    }

    [Fact]
    public void A_registration_opens_a_pinhole_for_gatekeeper_routed_calls_inspected_by_the_q931_alg_h225_7_9()
    {
        var gateway = H323Gateway.Create();

        var rrq = FromEndpoint(gateway, "ras-rrq");

        var addresses = Addresses(rrq);
        Assert.Equal($"203.0.113.1:{rrq.Info.SourcePort}", addresses.Single(a => a.Kind == Kind.RasAddress).Endpoint);
        var signalling = addresses.Single(a => a.Kind == Kind.CallSignalAddress).Endpoint;
        Assert.StartsWith("203.0.113.1:", signalling, StringComparison.Ordinal);
        var publicPort = ushort.Parse(signalling[12..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(1, gateway.Engine.Expectations.Count);
        FromGatekeeper(gateway, "ras-rcf");

        // The gatekeeper calls the endpoint on its registered address, twice (persistent); a stranger cannot.
        Assert.False(gateway.Syn(AlgHarness.Stranger, 44000, Public, publicPort, IngressSide.Outside).Forwarded);
        var first = gateway.Syn(Gatekeeper, 44001, Public, publicPort, IngressSide.Outside);
        Assert.True(first.Forwarded);
        Assert.Equal((Client, (ushort)1720), (first.Info.DestinationAddress, first.Info.DestinationPort));
        Assert.True(gateway.Syn(Gatekeeper, 44002, Public, publicPort, IngressSide.Outside).Forwarded);
    }

    [Fact]
    public void A_call_through_the_registration_pinhole_is_inspected_by_the_q931_alg_whatever_its_port()
    {
        var gateway = H323Gateway.Create(serverInside: true);

        // The endpoint (192.168.1.21 here) takes calls on 1721, not on the Q.931 ALG's port.
        var rrq = H323Vectors.WithInside("ras-rrq", AlgHarness.InsideServer);
        var at = Convert.ToHexString(rrq).IndexOf("C0A8011506B8", StringComparison.Ordinal) / 2;
        rrq[at + 5] = 0xB9;
        var sent = gateway.Udp(AlgHarness.InsideServer, 1719, Gatekeeper, 1719, IngressSide.Inside, rrq);
        var signalling = Addresses(sent).Single(a => a.Kind == Kind.CallSignalAddress).Endpoint;
        var publicPort = ushort.Parse(signalling[12..], System.Globalization.CultureInfo.InvariantCulture);

        var call = new ControlConnection(gateway, serverInside: true, clientPort: 45000, serverPort: 1721, dialledPort: publicPort);
        call.Connect();
        var connect = call.Answer(H323Vectors.WithInside("connect-h245-inside", AlgHarness.InsideServer));

        Assert.StartsWith("203.0.113.1:", H323Messages.Addresses(connect.PayloadBytes, H323Messages.Kind.CallSignalling).Single(a => a.Kind == Kind.H245Address).Endpoint, StringComparison.Ordinal);
    }

    [Fact]
    public void The_registration_pinhole_outlives_the_ras_flow_for_the_requested_time_to_live_then_expires()
    {
        var gateway = H323Gateway.Create();
        var rrq = FromEndpoint(gateway, "ras-rrq");
        var signalling = Addresses(rrq).Single(a => a.Kind == Kind.CallSignalAddress).Endpoint;
        var publicPort = ushort.Parse(signalling[12..], System.Globalization.CultureInfo.InvariantCulture);

        // The RRQ asked for 600 s; the RAS flow itself idles out well before.
        gateway.Advance(450 * NatTimeouts.Second);
        Assert.True(gateway.Syn(Gatekeeper, 44001, Public, publicPort, IngressSide.Outside).Forwarded);
        gateway.Advance(200 * NatTimeouts.Second);
        Assert.False(gateway.Syn(Gatekeeper, 44002, Public, publicPort, IngressSide.Outside).Forwarded);
    }

    [Fact]
    public void The_gatekeepers_granted_time_to_live_in_rcf_sets_the_pinholes_life_h225_7_9_2()
    {
        var gateway = H323Gateway.Create();
        var rrq = FromEndpoint(gateway, "ras-rrq");
        var signalling = Addresses(rrq).Single(a => a.Kind == Kind.CallSignalAddress).Endpoint;
        var publicPort = ushort.Parse(signalling[12..], System.Globalization.CultureInfo.InvariantCulture);

        FromGatekeeper(gateway, "ras-rcf");
        gateway.Advance(130 * NatTimeouts.Second);

        Assert.False(gateway.Syn(Gatekeeper, 44001, Public, publicPort, IngressSide.Outside).Forwarded);
    }

    [Fact]
    public void Unregistration_closes_the_pinhole_and_names_the_same_public_address_h225_7_10()
    {
        var gateway = H323Gateway.Create();
        var rrq = FromEndpoint(gateway, "ras-rrq");
        var signalling = Addresses(rrq).Single(a => a.Kind == Kind.CallSignalAddress).Endpoint;

        var urq = FromEndpoint(gateway, "ras-urq");

        Assert.Equal(signalling, Addresses(urq).Single().Endpoint);
        Assert.Equal(0, gateway.Engine.Expectations.Count);
    }

    [Fact]
    public void Admission_request_names_the_registered_public_call_signalling_address_h225_7_11()
    {
        var gateway = H323Gateway.Create();
        var rrq = FromEndpoint(gateway, "ras-rrq");
        var signalling = Addresses(rrq).Single(a => a.Kind == Kind.CallSignalAddress).Endpoint;

        var arq = FromEndpoint(gateway, "ras-arq");
        var acf = FromGatekeeper(gateway, "ras-acf");

        Assert.Equal(signalling, Addresses(arq).Single().Endpoint);
        Assert.Equal(H323Vectors.Get("ras-acf"), acf.PayloadBytes);
    }

    [Fact]
    public void Ras_rcf_pinholes_lets_any_endpoint_call_the_registered_one_asa_inspect_h323_map()
    {
        var gateway = H323Gateway.Create(options: ("ras-rcf-pinholes", AlgOptionValue.FromBoolean(true)));
        var rrq = FromEndpoint(gateway, "ras-rrq");
        var signalling = Addresses(rrq).Single(a => a.Kind == Kind.CallSignalAddress).Endpoint;
        var publicPort = ushort.Parse(signalling[12..], System.Globalization.CultureInfo.InvariantCulture);

        Assert.True(gateway.Syn(AlgHarness.Stranger, 44000, Public, publicPort, IngressSide.Outside).Forwarded);
    }

    [Fact]
    public void A_registered_call_signalling_address_of_another_host_opens_nothing()
    {
        var gateway = H323Gateway.Create();
        var rrq = H323Vectors.WithInside("ras-rrq", H323Vectors.Neighbour);

        var sent = gateway.Udp(Client, 1719, Gatekeeper, 1719, IngressSide.Inside, rrq);

        Assert.Equal(rrq, sent.PayloadBytes);
        Assert.Equal(0, gateway.Engine.Expectations.Count);
        Assert.Contains("other than the sender", gateway.Counters("h323-ras").LastPartRefused, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_datagram_passes_untouched_and_is_counted()
    {
        var gateway = H323Gateway.Create();
        var rrq = H323Vectors.Get("ras-rrq")[..20];

        var sent = gateway.Udp(Client, 1719, Gatekeeper, 1719, IngressSide.Inside, rrq);

        Assert.Equal(rrq, sent.PayloadBytes);
        Assert.Equal(1, gateway.Counters("h323-ras").Malformed);
        Assert.Equal(0, gateway.Engine.Expectations.Count);
    }
}
