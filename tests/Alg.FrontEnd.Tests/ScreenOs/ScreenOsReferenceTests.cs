using Alg.Compiler;
using Alg.Policy.Diagnostics;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.FrontEnd.Tests.ScreenOs;

/// <summary>
/// Lint of ScreenOS names resolved the way the device resolves them (ScreenOS Concepts &amp; Examples, vol. 2
/// "Policies" and "Address Book"): an address is looked up in the address book of the policy's (or group's)
/// zone, or the Global zone; services and service groups in one device-wide book beside the predefined ones.
/// </summary>
public sealed class ScreenOsReferenceTests
{
    private static List<Diagnostic> Lint(params string[] lines) =>
        [.. ConfigurationLoader.Load(new SourceText("test.screenos", string.Join('\n', lines) + "\n"), Dialect.ScreenOs).Diagnostics
            .Where(d => d.Severity != DiagnosticSeverity.Info)];

    [Fact]
    public void Policy_group_and_context_uses_count_as_uses()
    {
        var diagnostics = Lint(
            "set zone id 100 \"Servers\"",
            "set interface ethernet0/1.5 tag 5 zone \"Servers\"",
            "set address \"Trust\" \"h1\" 10.0.0.1 255.255.255.255",
            "set address \"Trust\" \"h2\" 10.0.0.2 255.255.255.255",
            "set address \"Servers\" \"web\" 10.9.0.0/24",
            "set address \"Servers\" \"portal\" portal.example.test",
            "set group address \"Servers\" \"farm\" comment \" \"",
            "set group address \"Servers\" \"farm\" add \"web\"",
            "set group address \"Servers\" \"farm\" add \"portal\"",
            "set service \"tcp-8080\" protocol tcp src-port 0-65535 dst-port 8080-8080",
            "set service \"tcp-8443\" protocol tcp src-port 0-65535 dst-port 8443-8443",
            "set group service \"web-ports\"",
            "set group service \"web-ports\" add \"tcp-8080\"",
            "set group service \"web-ports\" add \"HTTP\"",
            "set policy id 1 from \"trust\" to \"Servers\" \"h1\" \"farm\" \"web-ports\" permit",
            "set policy id 1",
            "set src-address \"h2\"",
            "set service \"tcp-8443\"",
            "exit",
            "set policy id 2 from \"Untrust\" to \"Trust\" \"Any-IPv4\" \"MIP(203.0.113.10)\" \"ICMP-ANY\" permit",
            "set policy id 3 from \"Trust\" to \"Untrust\" \"Any\" \"Any\" \"ANY\" permit",
            "set policy id 3 disable");
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Names_that_do_not_resolve_are_errors_with_the_zone_they_live_in()
    {
        var diagnostics = Lint(
            "set address \"Trust\" \"h1\" 10.0.0.1 255.255.255.255",
            "set policy id 1 from \"Untrust\" to \"Trust\" \"h1\" \"Any\" \"HTTP\" permit",
            "set policy id 2 from \"Trust\" to \"Untrust\" \"h1\" \"Any\" \"tcp-9\" permit",
            "set policy id 3 from \"Trust\" to \"Untrsut\" \"h1\" \"Any\" \"HTTP\" permit");
        Assert.Equal(["ALG3002 line 2", "ALG3002 line 3", "ALG3002 line 4"], diagnostics.Select(d => $"{d.Code} line {d.Span.Line}").Order());
        Assert.Contains("defined in zone 'Trust'", diagnostics.Single(d => d.Span.Line == 2).Message);
        Assert.Contains("service 'tcp-9'", diagnostics.Single(d => d.Span.Line == 3).Message);
        Assert.Contains("did you mean 'Untrust'", diagnostics.Single(d => d.Span.Line == 4).Message);
    }

    [Fact]
    public void Unused_addresses_groups_and_services_are_reported()
    {
        var diagnostics = Lint(
            "set address \"Trust\" \"h1\" 10.0.0.1 255.255.255.255",
            "set group address \"Trust\" \"g1\" add \"h1\"",
            "set service \"tcp-8080\" protocol tcp src-port 0-65535 dst-port 8080-8080",
            "set group service \"sg\" add \"HTTP\"");
        Assert.Equal(["ALG3003 line 2", "ALG3003 line 3", "ALG3003 line 4"], diagnostics.Select(d => $"{d.Code} line {d.Span.Line}").Order());
    }

    [Fact]
    public void A_zone_with_addresses_but_no_definition_is_one_warning_not_an_error_per_use()
    {
        var diagnostics = Lint(
            "set address \"Inside\" \"h1\" 10.0.0.1 255.255.255.255",
            "set address \"Inside\" \"h2\" 10.0.0.2 255.255.255.255",
            "set policy id 1 from \"Inside\" to \"Untrust\" \"h1\" \"Any\" \"HTTP\" permit",
            "set policy id 2 from \"Inside\" to \"Untrust\" \"h2\" \"Any\" \"HTTP\" permit");
        var only = Assert.Single(diagnostics);
        Assert.Equal(("ALG3025", 1), (only.Code, only.Span.Line));
    }
}
