using Alg.Grammar;
using Alg.Grammar.Common;
using Alg.Policy.Diagnostics;
using Alg.Policy.Model;

namespace Alg.FrontEnd.Tests.Support;

/// <summary>Checks that a real configuration from the shared corpus loads in full.</summary>
internal static class CorpusAssert
{
    /// <summary>Word prefixes of modelled commands: none of these may be left unrecognised.</summary>
    private static readonly string[] ModelledPrefixes =
    [
        "nat", "static", "global", "inspect", "no inspect", "timeout", "fixup", "no fixup", "policy-map", "class-map",
        "service-policy", "access-list", "access-group", "object", "set alg", "unset alg", "set interface", "set policy",
        "set security nat", "set security alg", "delete security alg", "set security zones", "set interfaces",
    ];

    /// <returns>The AST, or null when the corpus file is not present on this machine.</returns>
    public static ConfigurationAst? LoadsCleanly(string fileName, Dialect dialect)
    {
        var path = Path.Combine(Parsing.CorpusDirectory, fileName);
        if (!File.Exists(path))
        {
            // The corpus is shared, read-only data outside the repository; without it there is nothing to check.
            return null;
        }

        var diagnostics = new DiagnosticBag();
        var ast = ConfigurationParser.ParseFile(path, null, diagnostics);
        Assert.NotNull(ast);
        Assert.Equal(dialect, ast.Dialect);
        Assert.DoesNotContain(diagnostics.Items, d => d.Severity == DiagnosticSeverity.Error);
        var modelled = ast.Unrecognized
            .Where(line => ModelledPrefixes.Any(p => line.Text.StartsWith(p + " ", StringComparison.OrdinalIgnoreCase)))
            .Select(line => $"{line.Span.Line}: {line.Text}")
            .ToList();
        Assert.Empty(modelled);
        return ast;
    }
}
