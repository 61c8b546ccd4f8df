using Alg.Compiler;
using Alg.Compiler.Output;
using Alg.FrontEnd.Tests.Support;
using Alg.Grammar.Common;
using Alg.Policy.Text;

namespace Alg.FrontEnd.Tests.Golden;

/// <summary>
/// One golden file per stage for every input under tests/golden/frontend: the AST (<c>.ast.txt</c>), the
/// diagnostics (<c>.diagnostics.txt</c>) and the policy (<c>.policy.json</c>). scripts/update-golden.sh
/// rewrites them all (ALG_UPDATE_GOLDEN=1); a missing golden file fails the test rather than being created.
/// </summary>
[Trait("Category", "Golden")]
public sealed class GoldenFrontEndTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(TestPaths.GoldenDirectory, "*.cfg").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Ast_matches_golden(string input)
    {
        var result = Load(input);

        Compare(input, ".ast.txt", result.Ast is null ? "(no AST)\n" : AstPrinter.Print(result.Ast));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Diagnostics_match_golden(string input)
    {
        var result = Load(input);

        var text = string.Join("\n", result.Diagnostics.Select(d => DiagnosticTextRenderer.Render(d, result.Source))) + "\n";
        Compare(input, ".diagnostics.txt", text);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Policy_matches_golden(string input)
    {
        var result = Load(input);

        Compare(input, ".policy.json", result.Bound is null ? "(no policy)\n" : PolicyJsonWriter.Write(result.Bound.Policy) + "\n");
    }

    private static LoadResult Load(string input)
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.GoldenDirectory, input));
        return ConfigurationLoader.Load(new SourceText(input, text));
    }

    private static void Compare(string input, string extension, string actual)
    {
        var path = Path.Combine(TestPaths.GoldenDirectory, Path.GetFileNameWithoutExtension(input) + extension);
        actual = actual.ReplaceLineEndings("\n");
        if (TestPaths.UpdateGolden)
        {
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"golden file {path} is missing: run scripts/update-golden.sh and review it");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.Equal(expected, actual);
    }
}
