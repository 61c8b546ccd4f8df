using Alg.Grammar;
using Alg.Grammar.Common;
using Alg.Policy.Diagnostics;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.FrontEnd.Tests.Support;

/// <summary>Parses configuration text the way the CLI does, for assertions on the AST.</summary>
internal static class Parsing
{
    /// <summary>Where the shared corpus of real configurations lives (read only; never copied into the repo).</summary>
    public static string CorpusDirectory =>
        Environment.GetEnvironmentVariable("ALG_CORPUS") ?? "/work/shared/corpus/configs";

    public static (ConfigurationAst Ast, DiagnosticBag Diagnostics) Parse(string text, Dialect? dialect = null)
    {
        var diagnostics = new DiagnosticBag();
        var ast = ConfigurationParser.Parse(new SourceText("test.cfg", text), dialect, diagnostics);
        Assert.NotNull(ast);
        return (ast, diagnostics);
    }

    /// <summary>Parses lines joined with newlines.</summary>
    public static ConfigurationAst Lines(Dialect dialect, params string[] lines) => Parse(string.Join('\n', lines) + "\n", dialect).Ast;

    /// <summary>Every statement of a type, at any depth.</summary>
    public static IEnumerable<T> All<T>(ConfigurationAst ast) => Flatten(ast.Statements).OfType<T>();

    public static T Single<T>(ConfigurationAst ast) => Assert.Single(All<T>(ast));

    private static IEnumerable<Statement> Flatten(IEnumerable<Statement> statements)
    {
        foreach (var statement in statements)
        {
            yield return statement;
            if (statement is BlockStatement block)
            {
                foreach (var child in Flatten(block.Children))
                {
                    yield return child;
                }
            }
        }
    }
}
