using System.Text.RegularExpressions;
using Alg.Compiler;
using Alg.FrontEnd.Tests.Support;

namespace Alg.FrontEnd.Tests.Corpus;

/// <summary>
/// Every real configuration in ../shared/corpus/configs loads without an exception, and every line Alg does
/// not recognise is listed here with the reason that is acceptable. No NAT, ALG, inspect or timeout line
/// may be among them.
/// </summary>
public sealed partial class CorpusConfigTests
{
    /// <summary>file → (unrecognised line, why that is acceptable).</summary>
    private static readonly Dictionary<string, (string Line, string Reason)[]> AcceptedUnrecognized = new(StringComparer.Ordinal)
    {
        ["mpenning_ciscoconfparse__sample_01.ios"] =
        [
            ("permit esp host any any", "invalid in the source itself: 'host' must be followed by an address, so IOS rejects it too (reported as ALG1002)"),
        ],
    };

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(TestPaths.CorpusConfigs).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Loads_and_every_unrecognised_line_is_accounted_for(string file)
    {
        var result = ConfigurationLoader.LoadFile(Path.Combine(TestPaths.CorpusConfigs, file));

        Assert.NotNull(result.Ast);
        Assert.NotNull(result.Bound);
        var unrecognized = result.Ast!.Unrecognized.Select(u => u.Text).ToList();
        var accepted = AcceptedUnrecognized.GetValueOrDefault(file, []).Select(a => a.Line).ToList();
        Assert.Equal(accepted, unrecognized);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void No_nat_alg_inspect_or_timeout_line_is_unrecognised(string file)
    {
        var result = ConfigurationLoader.LoadFile(Path.Combine(TestPaths.CorpusConfigs, file));

        var modelled = result.Ast!.Unrecognized.Where(u => ModelledWords().IsMatch(u.Text)).Select(u => $"{u.Span.Line}: {u.Text}").ToList();
        Assert.Empty(modelled);
    }

    [Fact]
    public void Every_accepted_line_has_a_reason()
    {
        Assert.All(AcceptedUnrecognized.Values.SelectMany(v => v), entry => Assert.False(string.IsNullOrWhiteSpace(entry.Reason)));
    }

    [GeneratedRegex(@"(^|\s)(nat|static|global|inspect|timeout|fixup|alg|service-policy|policy-map|class-map)(\s|$)", RegexOptions.IgnoreCase)]
    private static partial Regex ModelledWords();
}
