using Alg.Compiler.Lint;
using Alg.FrontEnd.Tests.Support;
using Alg.Policy.Diagnostics;

namespace Alg.FrontEnd.Tests.Lint;

/// <summary>The catalogue, the lint rules and docs/lint-rules.md stay in step.</summary>
public sealed class DocumentationTests
{
    [Fact]
    public void Every_code_is_documented_with_a_heading()
    {
        var doc = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "docs", "lint-rules.md"));

        foreach (var descriptor in DiagnosticCatalog.All)
        {
            Assert.Contains($"### {descriptor.Code}\n", doc, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_declared_descriptor_is_in_the_catalogue_list()
    {
        // The list feeds the documentation check and lint profiles' code validation; a descriptor missing from it
        // would be undocumented and impossible to tune.
        var declared = typeof(DiagnosticCatalog).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => ((DiagnosticDescriptor)f.GetValue(null)!).Code);

        Assert.Equal(declared.Order(StringComparer.Ordinal), DiagnosticCatalog.All.Select(d => d.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Codes_are_unique_and_in_their_stage_range()
    {
        var codes = DiagnosticCatalog.All.Select(d => d.Code).ToList();

        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, code => Assert.Matches("^ALG[1-5][0-9]{3}$", code));
        Assert.All(Linter.Rules, rule => Assert.StartsWith("ALG3", rule.Descriptor.Code, StringComparison.Ordinal));
    }

    [Fact]
    public void There_are_at_least_fifteen_lint_rules()
    {
        Assert.True(Linter.Rules.Select(r => r.Descriptor.Code).Distinct().Count() >= 15);
    }
}
