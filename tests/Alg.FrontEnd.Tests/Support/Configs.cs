using Alg.Compiler;
using Alg.Policy.Algs;
using Alg.Policy.Diagnostics;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.FrontEnd.Tests.Support;

/// <summary>Loads configuration text written inline in a test.</summary>
public static class Configs
{
    public static LoadResult Load(string text, Dialect? dialect = null, string path = "test.cfg") =>
        ConfigurationLoader.Load(new SourceText(path, text), dialect);

    public static PolicyModel Policy(string text, Dialect? dialect = null)
    {
        var result = Load(text, dialect);
        Assert.True(result.Bound is not null, "binding failed: " + string.Join("; ", result.Diagnostics.Select(d => d.Code + " " + d.Message)));
        return result.Bound!.Policy;
    }

    public static AlgPolicy Alg(this PolicyModel policy, string name) =>
        policy.FindAlg(name) ?? throw new Xunit.Sdk.XunitException($"policy has no ALG {name}");

    public static IEnumerable<Diagnostic> WithCode(this LoadResult result, DiagnosticDescriptor descriptor) =>
        result.Diagnostics.Where(d => d.Code == descriptor.Code);

    public static Diagnostic Single(this LoadResult result, DiagnosticDescriptor descriptor)
    {
        var matches = result.WithCode(descriptor).ToList();
        Assert.True(matches.Count == 1, $"expected one {descriptor.Code}, got {matches.Count}: " + string.Join("; ", result.Diagnostics.Select(d => $"{d.Span.Line}:{d.Code} {d.Message}")));
        return matches[0];
    }

    public static void NoErrors(this LoadResult result) =>
        Assert.False(result.HasErrors, "unexpected errors: " + string.Join("; ", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => $"{d.Span.Line}:{d.Code} {d.Message}")));
}
