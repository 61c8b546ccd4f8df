using Alg.FrontEnd.Tests.Support;
using Alg.Grammar.Common;
using Alg.Policy.Algs;
using Alg.Policy.Diagnostics;
using Alg.Policy.Model;

namespace Alg.FrontEnd.Tests.Ios;

/// <summary>`ip nat service`: IOS's ALG switches, default on, the `no` form turning a port or an ALG off.</summary>
public sealed class IosAlgServiceTests
{
    private const string ArticleTranscript =
        "ciscohost# conf t |\n" +
        "ciscohost(config)# no ip nat service sip tcp port 5060 |\n" +
        "ciscohost(config)# no ip nat service sip udp port 5060 |\n" +
        "ciscohost(config)# do show run | inc nat service sip |\n";

    [Fact]
    public void Article_transcript_turns_sip_off_on_tcp_and_udp_5060()
    {
        var result = Configs.Load(ArticleTranscript);

        result.NoErrors();
        Assert.Empty(result.WithCode(DiagnosticCatalog.UnrecognizedLine));
        Assert.Equal(Dialect.Ios, result.Ast!.Dialect);
        var sip = result.Bound!.Policy.Alg("sip");
        Assert.False(sip.Enabled);
        Assert.DoesNotContain(AlgPort.Udp(5060), sip.Ports);
        Assert.DoesNotContain(AlgPort.Tcp(5060), sip.Ports);
        Assert.Equal(3, sip.Source.Line);
        Assert.Equal([2, 3], sip.Spans.Select(s => s.Line));
    }

    [Fact]
    public void Article_transcript_session_lines_load_and_change_nothing()
    {
        var result = Configs.Load(ArticleTranscript);

        var session = result.Ast!.Statements.OfType<SessionCommand>().ToList();
        Assert.Equal([SessionCommandKind.Configure, SessionCommandKind.Exec], session.Select(s => s.Kind));
        Assert.Equal("do show run | inc nat service sip", session[1].Text);
    }

    [Fact]
    public void Sip_on_a_non_default_port_adds_that_port()
    {
        var policy = Configs.Policy("ip nat service sip udp port 5080\n");

        var sip = policy.Alg("sip");
        Assert.True(sip.Enabled);
        Assert.Equal([AlgPort.Tcp(5060), AlgPort.Udp(5060), AlgPort.Udp(5080)], sip.Ports.OrderBy(p => p).ToArray());
    }

    [Fact]
    public void Turning_off_one_port_leaves_the_other_inspected()
    {
        var policy = Configs.Policy("no ip nat service sip udp port 5060\n");

        var sip = policy.Alg("sip");
        Assert.True(sip.Enabled);
        Assert.Equal(new[] { AlgPort.Tcp(5060) }, sip.Ports.ToArray());
    }

    [Fact]
    public void Sip_is_on_by_default_on_ios()
    {
        var sip = Configs.Policy("hostname r1\n").Alg("sip");

        Assert.True(sip.Enabled);
        Assert.True(sip.Source.IsNone);
        Assert.Contains(AlgPort.Udp(5060), sip.Ports);
    }

    [Fact]
    public void No_all_algs_turns_every_ios_alg_off()
    {
        var policy = Configs.Policy("no ip nat service all-algs\n");

        Assert.All(new[] { "sip", "ftp", "h323-q931", "h323-ras", "pptp", "tftp", "dns", "skinny", "rtsp" }, name => Assert.False(policy.Alg(name).Enabled));
    }

    [Fact]
    public void H245_follows_h225()
    {
        var policy = Configs.Policy("no ip nat service H225\n");

        Assert.False(policy.Alg("h323-q931").Enabled);
        Assert.False(policy.Alg("h323-h245").Enabled);
        Assert.True(policy.Alg("h323-ras").Enabled);
    }

    [Fact]
    public void Ipsec_esp_is_off_until_enabled()
    {
        Assert.False(Configs.Policy("hostname r\n").Alg("ipsec-nat").Enabled);
        Assert.True(Configs.Policy("ip nat service ipsec-esp enable\n").Alg("ipsec-nat").Enabled);
        var spi = Configs.Policy("access-list 5 permit any\nip nat service list 5 ESP spi-match\n").Alg("ipsec-nat");
        Assert.True(spi.Options["spi-match"].AsBoolean);
        Assert.True(spi.Enabled);
        var ike = Configs.Policy("access-list 5 permit any\nip nat service list 5 IKE preserve-port\n").Alg("ipsec-nat");
        Assert.True(ike.Enabled);
        Assert.True(ike.Options["preserve-port"].AsBoolean);
        Assert.False(ike.Options["spi-match"].AsBoolean);
        var off = Configs.Policy("access-list 5 permit any\nip nat service list 5 ESP spi-match\nno ip nat service list 5 ESP spi-match\n").Alg("ipsec-nat");
        Assert.False(off.Enabled);
    }

    [Fact]
    public void Ipsec_passthrough_is_lowered_from_the_service_lines()
    {
        var both = Alg.Compiler.Lowering.PolicyLowerer.Lower(Configs.Policy("access-list 5 permit any\nip nat service list 5 ESP spi-match\nip nat service list 5 IKE preserve-port\n"));
        Assert.True(both.Ipsec.SpiMatching);
        Assert.True(both.Ipsec.PreserveIkePort);
        Assert.Equal(30 * Alg.Runtime.Nat.NatTimeouts.Second, both.Timeouts.Esp);
        var none = Alg.Compiler.Lowering.PolicyLowerer.Lower(Configs.Policy("hostname r\n"));
        Assert.Same(Alg.Runtime.Pipeline.Ir.IpsecPassthroughPlan.Off, none.Ipsec);
        Assert.Equal(none.Timeouts.Udp, none.Timeouts.Esp);
    }

    [Fact]
    public void Unknown_alg_name_is_an_error_with_a_suggestion()
    {
        var result = Configs.Load("ip nat service sipp udp port 5060\n");

        var error = result.Single(DiagnosticCatalog.UnknownAlg);
        Assert.Contains("did you mean 'sip'", error.Message, StringComparison.Ordinal);
        Assert.Equal(16, error.Span.Column);
    }

    [Fact]
    public void Port_zero_is_out_of_range()
    {
        var result = Configs.Load("ip nat service sip udp port 0\n");

        Assert.Single(result.WithCode(DiagnosticCatalog.ValueOutOfRange));
    }

    [Fact]
    public void Reversing_an_earlier_line_is_reported()
    {
        var result = Configs.Load("no ip nat service sip udp port 5060\nip nat service sip udp port 5060\n");

        var warning = result.Single(DiagnosticCatalog.ContradictingLine);
        Assert.Equal(2, warning.Span.Line);
        Assert.Contains(AlgPort.Udp(5060), result.Bound!.Policy.Alg("sip").Ports);
    }

    [Fact]
    public void Repeating_a_line_is_reported()
    {
        var result = Configs.Load("no ip nat service sip udp port 5060\nno ip nat service sip udp port 5060\n");

        Assert.Equal(2, result.Single(DiagnosticCatalog.DuplicateLine).Span.Line);
    }
}
