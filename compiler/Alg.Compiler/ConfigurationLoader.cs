using Alg.Compiler.Binding;
using Alg.Compiler.Lint;
using Alg.Grammar;
using Alg.Grammar.Common;
using Alg.Policy.Diagnostics;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Compiler;

/// <summary>
/// The front end as one call: parse → build AST → bind to the policy → lint. Every stage runs even after
/// errors in an earlier one where it can, so a user sees every problem at once.
/// </summary>
public static class ConfigurationLoader
{
    public static LoadResult Load(SourceText source, Dialect? dialect = null) => Load(source, dialect, trace: null);

    /// <summary>As <see cref="Load(SourceText, Dialect?)"/>, recording the modes open after every line (a console edits by blocks).</summary>
    public static LoadResult Load(SourceText source, Dialect? dialect, ModeTrace? trace)
    {
        var diagnostics = new DiagnosticBag();
        var ast = ConfigurationParser.Parse(source, dialect, diagnostics, trace);
        return Finish(ast?.Source ?? source, ast, diagnostics);
    }

    public static LoadResult LoadFile(string path, Dialect? dialect = null)
    {
        var diagnostics = new DiagnosticBag();
        var ast = ConfigurationParser.ParseFile(path, dialect, diagnostics);
        return Finish(ast?.Source, ast, diagnostics);
    }

    private static LoadResult Finish(SourceText? source, ConfigurationAst? ast, DiagnosticBag diagnostics)
    {
        BoundConfiguration? bound = null;
        if (ast is not null)
        {
            bound = PolicyBinder.Bind(ast, diagnostics);
            if (bound is null)
            {
                diagnostics.Add(DiagnosticCatalog.UnsupportedHere, new SourceSpan(ast.Source.Path, 1, 1, 1, 1), $"binding {DialectNames.Display(ast.Dialect)} configurations is not supported yet");
            }
            else
            {
                Linter.Run(bound, diagnostics);
            }
        }

        return new LoadResult(source, ast, bound, diagnostics.ToSortedList());
    }
}
