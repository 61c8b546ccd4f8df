using System.Text.RegularExpressions;
using Alg.Compiler;
using Alg.Compiler.Output;
using Alg.FrontEnd.Tests.Support;
using Alg.Grammar.Common;
using Alg.Policy.Diagnostics;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.FrontEnd.Tests.Junos;

/// <summary>
/// Junos as it is usually kept — the curly-brace form of <c>show configuration</c> — binds to the same policy as
/// its <c>| display set</c> form (Junos OS CLI User Guide, "Displaying the configuration in set format").
/// </summary>
public sealed partial class JunosHierarchyTests
{
    private const string Curly = """
        ## Last commit: 2026-11-30 09:12:44 UTC by admin
        version 21.4R3;
        system {
            host-name srx-branch;
        }
        interfaces {
            ge-0/0/0 {
                unit 0 {
                    family inet {
                        address 203.0.113.1/24;
                    }
                }
            }
            ge-0/0/1 {
                unit 0 {
                    family inet {
                        address 192.0.2.1/24;
                    }
                }
            }
        }
        security {
            address-book {
                global {
                    address PHONES 192.0.2.0/25;
                    address PRINTERS 192.0.2.128/26;
                    address-set OFFICE {
                        address PHONES;
                        address PRINTERS;
                    }
                }
            }
            alg {
                sip disable;
                mgcp {
                    inactive-media-timeout 180;
                }
            }
            nat {
                source {
                    rule-set trust-to-untrust {
                        from zone trust;
                        to zone untrust;
                        rule office {
                            match {
                                source-address-name OFFICE;
                            }
                            then {
                                source-nat {
                                    interface;
                                }
                            }
                        }
                    }
                }
            }
            policies {
                from-zone trust to-zone untrust {
                    policy out {
                        match {
                            source-address [ PHONES PRINTERS ];
                            destination-address any;
                            application any;
                        }
                        then {
                            permit;
                        }
                    }
                }
            }
            zones {
                security-zone untrust {
                    interfaces {
                        ge-0/0/0.0;
                    }
                }
                /* the office LAN */
                security-zone trust {
                    interfaces {
                        ge-0/0/1.0;
                    }
                }
            }
        }

        {master:0}
        admin@srx-branch>
        """;

    private const string DisplaySet = """
        set version 21.4R3
        set system host-name srx-branch
        set interfaces ge-0/0/0 unit 0 family inet address 203.0.113.1/24
        set interfaces ge-0/0/1 unit 0 family inet address 192.0.2.1/24
        set security address-book global address PHONES 192.0.2.0/25
        set security address-book global address PRINTERS 192.0.2.128/26
        set security address-book global address-set OFFICE address PHONES
        set security address-book global address-set OFFICE address PRINTERS
        set security alg sip disable
        set security alg mgcp inactive-media-timeout 180
        set security nat source rule-set trust-to-untrust from zone trust
        set security nat source rule-set trust-to-untrust to zone untrust
        set security nat source rule-set trust-to-untrust rule office match source-address-name OFFICE
        set security nat source rule-set trust-to-untrust rule office then source-nat interface
        set security policies from-zone trust to-zone untrust policy out match source-address PHONES
        set security policies from-zone trust to-zone untrust policy out match source-address PRINTERS
        set security policies from-zone trust to-zone untrust policy out match destination-address any
        set security policies from-zone trust to-zone untrust policy out match application any
        set security policies from-zone trust to-zone untrust policy out then permit
        set security zones security-zone untrust interfaces ge-0/0/0.0
        set security zones security-zone trust interfaces ge-0/0/1.0
        """;

    [Fact]
    public void Curly_form_is_detected_and_binds_to_the_policy_of_its_display_set_form()
    {
        var curly = ConfigurationLoader.Load(new SourceText("srx.conf", Curly));
        var set = ConfigurationLoader.Load(new SourceText("srx.set", DisplaySet));

        Assert.Equal(Dialect.Junos, curly.Ast!.Dialect);
        Assert.DoesNotContain(curly.Diagnostics, d => d.Severity != DiagnosticSeverity.Info);
        Assert.DoesNotContain(set.Diagnostics, d => d.Severity != DiagnosticSeverity.Info);
        Assert.Equal(WithoutSources(set), WithoutSources(curly));

        // The address-set is resolved, not widened: the rule translates exactly the office's two ranges.
        var rule = Assert.Single(curly.Policy!.NatRules);
        Assert.Equal(2, rule.RealAddresses.Length);
    }

    [Fact]
    public void Every_span_points_into_the_curly_file()
    {
        var result = ConfigurationLoader.Load(new SourceText("srx.conf", Curly));
        var policy = result.Policy!;

        // `address 203.0.113.1/24;` stands on line 10 of the curly file.
        var outside = Assert.Single(policy.Interfaces, i => i.Name == "ge-0/0/0.0");
        Assert.Equal(10, outside.Span.Line);
        var sip = policy.FindAlg("sip")!;
        Assert.Equal(34, sip.Source.Line);
        Assert.Equal("sip disable;", result.Source!.GetLine(sip.Source.Line).Trim());
    }

    [Fact]
    public void A_diagnostic_points_at_the_word_in_the_curly_file()
    {
        var text = "security {\n    alg {\n        sipp disable;\n    }\n}\n";
        var result = ConfigurationLoader.Load(new SourceText("x.conf", text));

        var diagnostic = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(DiagnosticCatalog.UnknownAlg.Code, diagnostic.Code);
        Assert.Equal((3, 9), (diagnostic.Span.Line, diagnostic.Span.Column));
        Assert.Contains("did you mean 'sip'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inactive_statements_are_deactivated_as_display_set_prints_them()
    {
        var text = "security {\n    alg {\n        inactive: sip disable;\n        ftp disable;\n    }\n}\n";
        var result = ConfigurationLoader.Load(new SourceText("x.conf", text));

        Assert.True(result.Policy!.FindAlg("sip")!.Enabled);
        Assert.False(result.Policy.FindAlg("ftp")!.Enabled);
    }

    [Fact]
    public void Unbalanced_braces_are_one_error()
    {
        var result = ConfigurationLoader.Load(new SourceText("cut.conf", "security {\n    alg {\n        sip disable;\n"));

        var error = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(DiagnosticCatalog.UnbalancedBraces.Code, error.Code);
        Assert.True(result.HasErrors);
    }

    public static TheoryData<string> CurlyCorpusFiles()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(TestPaths.CorpusWildConfigs).Order(StringComparer.Ordinal))
        {
            if (File.ReadLines(path).Take(10).Any(line => line.TrimEnd().EndsWith('{')))
            {
                data.Add(Path.GetFileName(path));
            }
        }

        return data;
    }

    /// <summary>
    /// Differential check on real files: an independent, deliberately naive converter (one statement per
    /// line, as <c>show configuration</c> prints) gives the set form; both must bind to the same policy.
    /// </summary>
    [Theory]
    [MemberData(nameof(CurlyCorpusFiles))]
    public void Corpus_curly_file_binds_like_its_set_form(string file)
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.CorpusWildConfigs, file));
        var curly = ConfigurationLoader.Load(new SourceText(file, text));
        var set = ConfigurationLoader.Load(new SourceText(file, NaiveDisplaySet(text)), Dialect.Junos);

        Assert.Equal(Dialect.Junos, curly.Ast!.Dialect);
        Assert.Equal(Codes(set), Codes(curly));
        Assert.Equal(WithoutSources(set), WithoutSources(curly));
    }

    private static string Codes(LoadResult result) => string.Join(",", result.Diagnostics.Select(d => d.Code).Order(StringComparer.Ordinal));

    private static string WithoutSources(LoadResult result) => FileAndLine().Replace(PolicyJsonWriter.Write(result.Bound!.Policy), "\"\"");

    private static string NaiveDisplaySet(string text)
    {
        var path = new List<string>();
        var lines = new List<string>();
        foreach (var raw in text.Split('\n'))
        {
            var line = BlockComment().Replace(raw, string.Empty);
            var hash = line.IndexOf(" #", StringComparison.Ordinal);
            line = (hash >= 0 ? line[..hash] : line).Trim();
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("/*", StringComparison.Ordinal) || line.StartsWith('*') || line.StartsWith("show ", StringComparison.Ordinal))
            {
                continue;
            }

            var inactive = line.StartsWith("inactive: ", StringComparison.Ordinal);
            line = Annotation().Replace(line, string.Empty);
            if (line == "}")
            {
                path.RemoveAt(path.Count - 1);
            }
            else if (line.EndsWith(" {", StringComparison.Ordinal))
            {
                path.Add(line[..^2]);
            }
            else if (line.EndsWith(';'))
            {
                var leaf = line[..^1];
                var prefix = string.Join(' ', path.Append(string.Empty)).TrimEnd();
                var list = ListValue().Match(leaf);
                var values = list.Success ? list.Groups[2].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => list.Groups[1].Value + v) : [leaf];
                lines.AddRange(values.Select(v => $"set {prefix} {v}".Replace("  ", " ", StringComparison.Ordinal)));
                if (inactive)
                {
                    lines.Add($"deactivate {prefix} {leaf}");
                }
            }
        }

        return string.Join('\n', lines) + "\n";
    }

    // "file:line" wherever the JSON says where a setting came from.
    [GeneratedRegex("\"[^\"\\s]+:\\d+\"")]
    private static partial Regex FileAndLine();

    [GeneratedRegex(@"/\*.*?\*/")]
    private static partial Regex BlockComment();

    [GeneratedRegex(@"^(inactive|replace|protect): ")]
    private static partial Regex Annotation();

    [GeneratedRegex(@"^(.*?)\[ (.*) \]$")]
    private static partial Regex ListValue();
}
