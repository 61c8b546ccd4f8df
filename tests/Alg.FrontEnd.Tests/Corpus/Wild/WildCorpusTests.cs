using System.Text.RegularExpressions;
using Alg.Compiler;
using Alg.FrontEnd.Tests.Support;
using Alg.Policy.Diagnostics;
using Alg.Policy.Model;

namespace Alg.FrontEnd.Tests.Corpus.Wild;

/// <summary>
/// The configurations in ../shared/corpus/configs-wild were written by engineers no one here knows. Each loads
/// in its own dialect (or is recognised as a dialect Alg does not read), and every warning or error that is
/// left is listed in the per-dialect tables with the reason it is a true finding or, where it is not, why it
/// cannot be avoided. A new false alarm, or a fixed one still listed, fails the test.
/// </summary>
public sealed partial class WildCorpusTests
{
    // A property, not a field: the tables live in the other parts of this class, whose static fields C#
    // initialises in no defined order relative to this one.
    private static Dictionary<string, WildFile> Expectations =>
        IosFiles.Concat(AsaFiles).Concat(ScreenOsFiles).Concat(JunosFiles).Concat(OtherPlatformFiles)
            .ToDictionary(f => f.Name, StringComparer.Ordinal);

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(TestPaths.CorpusWildConfigs).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Loads_in_its_dialect_and_every_remaining_finding_is_listed_with_its_reason(string file)
    {
        Assert.True(Expectations.TryGetValue(file, out var expected), $"{file} has no entry in the WildCorpusTests tables; add it");
        var result = ConfigurationLoader.LoadFile(Path.Combine(TestPaths.CorpusWildConfigs, file));

        if (expected.Dialect is null)
        {
            var only = Assert.Single(result.Diagnostics, d => d.Severity != DiagnosticSeverity.Info);
            Assert.Equal(DiagnosticCatalog.UnsupportedDialect.Code, only.Code);
            Assert.Null(result.Bound);
            return;
        }

        Assert.NotNull(result.Ast);
        Assert.NotNull(result.Bound);
        Assert.Equal(expected.Dialect, result.Ast!.Dialect);
        var actual = result.Diagnostics
            .Where(d => d.Severity != DiagnosticSeverity.Info)
            .Select(d => $"{d.Code} line {d.Span.Line}: {d.Message}")
            .Order(StringComparer.Ordinal)
            .ToList();
        var accepted = expected.Accepted
            .Select(a => a.Code + " line " + a.Line)
            .Order(StringComparer.Ordinal)
            .ToList();
        // Sorted again without the messages: "line 39:" sorts after "line 391:", "line 39" before "line 391".
        Assert.Equal(accepted, actual.Select(a => a[..a.IndexOf(':', StringComparison.Ordinal)]).Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void Every_listed_finding_has_a_reason()
    {
        Assert.All(Expectations.Values.SelectMany(f => f.Accepted), a => Assert.False(string.IsNullOrWhiteSpace(a.Reason), $"{a.Code} line {a.Line} has no reason"));
    }

    [Fact]
    public void Every_table_entry_names_a_corpus_file()
    {
        var present = Directory.EnumerateFiles(TestPaths.CorpusWildConfigs).Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        Assert.All(Expectations.Keys, name => Assert.Contains(name, present));
    }

    public static TheoryData<string> EveryCorpusConfiguration()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(TestPaths.CorpusConfigs).Concat(Directory.EnumerateFiles(TestPaths.CorpusWildConfigs)).Order(StringComparer.Ordinal))
        {
            data.Add(path);
        }

        return data;
    }

    /// <summary>
    /// A line that bears on NAT, ALGs/inspection, ACLs, interface roles or timers is never dropped in silence:
    /// if the front end skipped it (ignored or unrecognised) or the binder could not model it, a diagnostic
    /// stands on its line.
    /// </summary>
    [Theory]
    [MemberData(nameof(EveryCorpusConfiguration))]
    public void No_line_bearing_on_translation_is_dropped_in_silence(string path)
    {
        var result = ConfigurationLoader.LoadFile(path);
        if (result.Ast is null)
        {
            Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCatalog.UnsupportedDialect.Code);
            return;
        }

        var diagnosed = result.Diagnostics.Select(d => d.Span.Line).ToHashSet();
        var silent = result.Ast.Ignored.Select(i => (i.Span.Line, Text: i.Command))
            .Concat(result.Ast.Unrecognized.Select(u => (u.Span.Line, u.Text)))
            .Where(line => BearsOnTranslation().IsMatch(result.Ast.Source.GetLine(line.Line)) && !diagnosed.Contains(line.Line))
            .Select(line => $"{line.Line}: {result.Ast.Source.GetLine(line.Line).Trim()}")
            .ToList();
        Assert.Empty(silent);
    }

    [GeneratedRegex(@"^\s*(no\s+|set\s+|unset\s+|delete\s+|deactivate\s+)?(ip\s+nat|ipv6\s+nat|nat|static|global|inspect|fixup|timeout|alg|service-policy|policy-map\s+type\s+inspect|class-map\s+type\s+inspect|access-group|ip\s+access-group|ip\s+inspect|zone-member|nameif|security-level|security\s+(nat|alg|zones|policies)|interface\s+\S+\s+(zone|nat|mip|dip|vip)|policy\s+(id|from))\b", RegexOptions.IgnoreCase)]
    private static partial Regex BearsOnTranslation();
}
