using Alg.FrontEnd.Tests.Support;
using Alg.Grammar.Ios.Ast;
using Alg.Policy.Diagnostics;
using Alg.Policy.Model;

namespace Alg.FrontEnd.Tests.Ios;

/// <summary>The IOS grammar and the mode machine: what parses, what is ignored, what is reported.</summary>
public sealed class IosParsingTests
{
    [Fact]
    public void Unindented_interface_lines_still_belong_to_the_interface()
    {
        var ast = Configs.Load("interface Vlan1\nip address 10.0.0.1 255.255.255.0\nip nat inside\nhostname x\n").Ast!;

        var iface = Assert.Single(ast.Statements.OfType<IosInterface>());
        Assert.Equal(2, iface.Children.Length);
        Assert.Single(ast.Statements.OfType<IosHostname>());
    }

    [Fact]
    public void Exit_leaves_the_interface_mode()
    {
        var ast = Configs.Load("interface e0\n ip nat inside\n exit\nip nat translation udp-timeout 300\n").Ast!;

        Assert.Single(ast.Statements.OfType<IosNatTimer>());
    }

    [Fact]
    public void Unknown_line_is_a_warning_and_parsing_goes_on()
    {
        var result = Configs.Load("frobnicate the widget\nhostname after\n");

        var warning = result.Single(DiagnosticCatalog.UnrecognizedLine);
        Assert.Equal(1, warning.Span.Line);
        Assert.Equal("after", result.Bound!.Policy.Hostname);
        Assert.False(result.HasErrors);
    }

    [Fact]
    public void Known_device_commands_are_ignored_silently()
    {
        var result = Configs.Load("snmp-server community public RO\nntp server 1.2.3.4\nline vty 0 4\n transport input ssh\n login local\ninterface e0\n speed 100\n ip nat outside\n");

        Assert.Empty(result.WithCode(DiagnosticCatalog.UnrecognizedLine));
        Assert.Equal(InterfaceRole.Outside, result.Bound!.Policy.Interfaces.Single().Role);
    }

    [Fact]
    public void Malformed_nat_line_is_an_error_with_did_you_mean()
    {
        var result = Configs.Load("ip nat inside source statik 1.1.1.1 2.2.2.2\n");

        var error = result.Single(DiagnosticCatalog.MalformedLine);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Contains("did you mean 'static'", error.Message, StringComparison.Ordinal);
        Assert.Equal(22, error.Span.Column);
    }

    [Fact]
    public void Banner_lines_are_not_read_as_commands()
    {
        var result = Configs.Load("banner motd ^C\nip nat service is not a command here\nhello\n^C\nhostname after\n");

        Assert.Single(result.Ast!.Statements.OfType<IosBanner>());
        Assert.Empty(result.WithCode(DiagnosticCatalog.UnrecognizedLine));
        Assert.Equal("after", result.Bound!.Policy.Hostname);
    }

    [Fact]
    public void Keywords_are_case_insensitive_like_the_device()
    {
        var policy = Configs.Policy("NO IP NAT SERVICE SIP UDP PORT 5060\nno ip nat service sip tcp port 5060\n");

        Assert.False(policy.Alg("sip").Enabled);
    }

    [Fact]
    public void Names_may_collide_with_keywords()
    {
        var policy = Configs.Policy("ip access-list extended nat\n permit ip any any\nip nat inside source list nat interface e0 overload\n");

        Assert.Equal("nat", policy.Acls.Single().Name);
        Assert.Equal("nat", policy.NatRules.Single().MatchAcl);
    }

    [Fact]
    public void Show_running_config_headers_load_silently()
    {
        var result = Configs.Load("Building configuration...\n\nCurrent configuration : 4318 bytes\n!\nversion 15.2\nhostname r1\nend\n");

        Assert.DoesNotContain(result.Diagnostics, d => d.Severity != DiagnosticSeverity.Info);
    }

    [Fact]
    public void A_certificate_is_read_up_to_quit_whatever_the_indentation()
    {
        var result = Configs.Load("crypto pki certificate chain TP\ncertificate self-signed 01\n30820254 308201BD A0030201\nE7CF84EC 9FED5F77\nquit\ninterface e0\n ip nat inside\n");

        Assert.Empty(result.WithCode(DiagnosticCatalog.UnrecognizedLine));
        Assert.Equal(InterfaceRole.Inside, result.Bound!.Policy.FindInterface("e0")!.Role);
    }

    [Fact]
    public void A_line_card_static_nat_is_named_as_not_modelled()
    {
        var result = Configs.Load("module ContentSwitchingModule 3\n vlan 706 server\n  ip address 172.16.1.1 255.255.255.128\n static nat virtual\n  real 192.168.16.20\n");

        Assert.Equal(4, result.Single(DiagnosticCatalog.NotModelled).Span.Line);
        Assert.Empty(result.WithCode(DiagnosticCatalog.UnrecognizedLine));
        result.NoErrors();
    }

    [Fact]
    public void Qos_service_policies_and_sla_timeouts_parse_as_what_they_are()
    {
        var ast = Parsing.Parse("policy-map SHAPE\n class ALL\n  shape average 630000\n  service-policy CBWFQ\nip sla monitor 8\n type echo protocol ipIcmpEcho 172.16.2.254\n timeout 500\ninterface e0\n service-policy output CBWFQ\n", Dialect.Ios).Ast;

        Assert.Equal(3, Parsing.All<IosInertSetting>(ast).Count());
        Assert.Empty(ast.Unrecognized);
    }
}
