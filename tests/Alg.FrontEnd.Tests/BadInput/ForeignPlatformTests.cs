using Alg.Compiler;
using Alg.Policy.Diagnostics;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.FrontEnd.Tests.BadInput;

/// <summary>
/// A file from a platform Alg does not read, or a <c>show</c> output pasted instead of a configuration, is
/// reported once (ALG1013) with the line that gives it away — never linted line by line as IOS.
/// </summary>
public sealed class ForeignPlatformTests
{
    [Theory]
    [InlineData("!Command: show running-config\n!Time: Thu Nov 21 17:52:42 2019\nversion 9.2(3)\nhostname n9k\n", "NX-OS", 1)]
    [InlineData("hostname n9k\nfeature bgp\ninterface Ethernet1/1\n", "NX-OS", 2)]
    [InlineData("! Command: show running-config\n! device: leaf1 (vEOS-lab, EOS-4.27.0F)\nhostname leaf1\n", "Arista EOS", 1)]
    [InlineData("hostname r\nip access-list acl_in\n  10 permit tcp 10.0.0.0/8 any eq 22\n", "prefix lengths", 3)]
    [InlineData("access-list OUT; 1 elements; name hash: 0xaa83124c\naccess-list OUT line 1 extended permit ip any any (hitcnt=0) 0x849e9e8f\n", "show access-list", 1)]
    [InlineData("Extended IP access list 101\n    10 permit tcp any any eq www (12 matches)\n", "show ip access-lists", 1)]
    public void Is_recognised_and_reported_once(string text, string what, int line)
    {
        var result = ConfigurationLoader.Load(new SourceText("x.cfg", text));

        var only = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCatalog.UnsupportedDialect.Code, only.Code);
        Assert.Contains(what, only.Message, StringComparison.Ordinal);
        Assert.Equal(line, only.Span.Line);
        Assert.Null(result.Bound);
    }

    [Fact]
    public void A_forced_dialect_skips_the_check()
    {
        var result = ConfigurationLoader.Load(new SourceText("x.cfg", "hostname n9k\nfeature bgp\n"), Dialect.Ios);

        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCatalog.UnsupportedDialect.Code);
    }

    [Fact]
    public void An_ios_named_acl_with_wildcards_is_ios()
    {
        var result = ConfigurationLoader.Load(new SourceText("x.cfg", "hostname r\nip access-list extended IN\n permit tcp 10.0.0.0 0.255.255.255 any eq 22\n"));

        Assert.Equal(Dialect.Ios, result.Ast!.Dialect);
    }

    [Theory]
    [InlineData("{master:0}")]
    [InlineData("{primary:node0}")]
    [InlineData("admin@srx> show configuration | display set")]
    [InlineData("admin@srx>")]
    public void Junos_terminal_lines_around_a_configuration_are_not_lines_of_it(string terminal)
    {
        var text = $"{terminal}\nset system host-name srx\nset security alg sip disable\n{terminal}\n";
        var result = ConfigurationLoader.Load(new SourceText("x.set", text));

        Assert.DoesNotContain(result.Diagnostics, d => d.Severity != DiagnosticSeverity.Info);
        Assert.False(result.Policy!.FindAlg("sip")!.Enabled);
    }
}
