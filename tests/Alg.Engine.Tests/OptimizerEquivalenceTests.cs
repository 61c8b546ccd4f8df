using System.Text.RegularExpressions;
using Alg.Compiler;
using Alg.Compiler.Lowering;
using Alg.Compiler.Output;
using Alg.Policy.Text;

namespace Alg.Engine.Tests;

/// <summary>
/// The optimiser, stated in the policy language: two configurations that mean the same lower to the same IR (the
/// same tables and steps, so the same fingerprint and the same compiled class); a change of meaning changes it.
/// </summary>
public sealed partial class OptimizerEquivalenceTests
{
    private const string Office = """
        hostname office-gw
        interface GigabitEthernet0/0
         ip address 203.0.113.1 255.255.255.0
         ip nat outside
         ip access-group EDGE-IN in
        interface GigabitEthernet0/1
         ip address 192.168.1.1 255.255.255.0
         ip nat inside
        ip access-list standard LAN
         permit 192.168.1.0 0.0.0.255
        ip access-list extended EDGE-IN
         permit udp any host 203.0.113.1 eq 5060
         permit tcp any host 203.0.113.1 eq 8443
         deny ip any any
        ip nat inside source list LAN interface GigabitEthernet0/0 overload
        ip nat inside source static tcp 192.168.1.20 443 203.0.113.1 8443
        ip nat translation udp-timeout 300

        """;

    [Fact]
    public void A_rule_an_earlier_rule_covers_is_pruned()
    {
        // A specific permit after a broader one can never match (lint says so too, ALG3012).
        var shadowed = Office.Replace(" permit tcp any host 203.0.113.1 eq 8443\n", " permit tcp any host 203.0.113.1 eq 8443\n permit tcp host 198.51.100.7 host 203.0.113.1 eq 8443\n", StringComparison.Ordinal);
        AssertSameProgram(Office, shadowed);
    }

    [Fact]
    public void An_acl_nothing_uses_is_left_out()
    {
        AssertSameProgram(Office, Office + "ip access-list extended UNUSED\n permit ip any any\n");
    }

    [Fact]
    public void The_order_of_independent_sections_does_not_matter()
    {
        var natFirst = "ip nat translation udp-timeout 300\nip nat inside source static tcp 192.168.1.20 443 203.0.113.1 8443\n"
            + Office.Replace("ip nat translation udp-timeout 300\n", string.Empty, StringComparison.Ordinal)
                .Replace("ip nat inside source static tcp 192.168.1.20 443 203.0.113.1 8443\n", string.Empty, StringComparison.Ordinal);
        AssertSameProgram(Office, natFirst);
    }

    [Fact]
    public void A_default_stated_explicitly_is_the_default()
    {
        // 300 s is the RFC 4787 default the runtime applies anyway; comments and blank lines mean nothing either.
        var stated = Office.Replace("ip nat translation udp-timeout 300\n", "!\n! timers\nip nat translation udp-timeout 300\nip nat translation icmp-timeout 60\n\n", StringComparison.Ordinal);
        AssertSameProgram(Office, stated);
    }

    [Fact]
    public void A_numbered_acl_with_the_same_rules_runs_the_same_tables()
    {
        var numbered = Office.Replace("ip access-list standard LAN\n permit 192.168.1.0 0.0.0.255\n", "access-list 10 permit 192.168.1.0 0.0.0.255\n", StringComparison.Ordinal)
            .Replace("source list LAN", "source list 10", StringComparison.Ordinal);
        Assert.Equal(Lower(Office).Fingerprint, Lower(numbered).Fingerprint);
    }

    [Theory]
    [InlineData(" permit tcp any host 203.0.113.1 eq 8443\n", " permit tcp any host 203.0.113.1 eq 8444\n")]
    [InlineData("ip nat translation udp-timeout 300\n", "ip nat translation udp-timeout 301\n")]
    [InlineData(" ip access-group EDGE-IN in\n", " ip access-group EDGE-IN out\n")]
    [InlineData("203.0.113.1 8443\n", "203.0.113.1 9443\n")]
    public void A_change_of_meaning_changes_the_program(string from, string to)
    {
        Assert.NotEqual(Lower(Office).Fingerprint, Lower(Office.Replace(from, to, StringComparison.Ordinal)).Fingerprint);
    }

    private static void AssertSameProgram(string first, string second)
    {
        var (a, b) = (Lower(first), Lower(second));
        Assert.Equal(WithoutLines(PipelineProgramWriter.Write(a)), WithoutLines(PipelineProgramWriter.Write(b)));
        Assert.Equal(a.Fingerprint, b.Fingerprint);
    }

    /// <summary>The IR text without the configuration lines the rules came from, which move when lines are added.</summary>
    private static string WithoutLines(string ir) => SourceLine().Replace(ir, string.Empty);

    private static Alg.Runtime.Pipeline.Ir.PipelineProgram Lower(string text)
    {
        var result = ConfigurationLoader.Load(new SourceText("test.cfg", text));
        return PolicyLowerer.Lower(result.Policy ?? throw new InvalidOperationException(string.Join("; ", result.Diagnostics.Select(d => d.Message))));
    }

    [GeneratedRegex(@"  ; [^\n]*")]
    private static partial Regex SourceLine();
}
