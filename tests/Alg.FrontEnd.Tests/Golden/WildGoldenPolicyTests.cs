using Alg.Compiler;
using Alg.Compiler.Output;
using Alg.FrontEnd.Tests.Support;

namespace Alg.FrontEnd.Tests.Golden;

/// <summary>
/// Golden policy JSON for configurations from ../shared/corpus/configs-wild, read from the corpus (never
/// copied here). A file <c>tests/golden/frontend/wild/NAME.policy.json</c> names its corpus file; each was
/// checked by hand against the vendor's documented meaning (docs/dialects.md, "Checked by hand").
/// To add one, create the empty file and run scripts/update-golden.sh.
/// </summary>
[Trait("Category", "Golden")]
public sealed class WildGoldenPolicyTests
{
    private const string Extension = ".policy.json";

    private static string Directory => Path.Combine(TestPaths.GoldenDirectory, "wild");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var path in System.IO.Directory.EnumerateFiles(Directory, "*" + Extension).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path)[..^Extension.Length]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Policy_matches_golden(string corpusFile)
    {
        var result = ConfigurationLoader.LoadFile(Path.Combine(TestPaths.CorpusWildConfigs, corpusFile));
        Assert.NotNull(result.Bound);

        // The corpus lives outside the repository; the golden file must not depend on where.
        var actual = PolicyJsonWriter.Write(result.Bound!.Policy).Replace(TestPaths.CorpusWildConfigs + "/", string.Empty, StringComparison.Ordinal) + "\n";
        var path = Path.Combine(Directory, corpusFile + Extension);
        if (TestPaths.UpdateGolden)
        {
            File.WriteAllText(path, actual);
            return;
        }

        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual.ReplaceLineEndings("\n"));
    }
}
