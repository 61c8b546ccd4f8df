using Alg.Compiler.Binding;
using Alg.Grammar;
using Alg.Policy.Diagnostics;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.FrontEnd.Tests.Support;

/// <summary>Parses and binds configuration text, for assertions on the vendor-neutral policy.</summary>
internal static class Binding
{
    public static (BoundConfiguration Bound, DiagnosticBag Diagnostics) Bind(string text, Dialect? dialect = null)
    {
        var diagnostics = new DiagnosticBag();
        var ast = ConfigurationParser.Parse(new SourceText("test.cfg", text), dialect, diagnostics);
        Assert.NotNull(ast);
        var bound = PolicyBinder.Bind(ast, diagnostics);
        Assert.NotNull(bound);
        return (bound, diagnostics);
    }

    public static PolicyModel Policy(Dialect dialect, params string[] lines) => Bind(string.Join('\n', lines) + "\n", dialect).Bound.Policy;

    /// <summary>Binds a corpus file; null when the corpus is not on this machine.</summary>
    public static BoundConfiguration? BindCorpus(string fileName)
    {
        var path = Path.Combine(Parsing.CorpusDirectory, fileName);
        if (!File.Exists(path))
        {
            return null;
        }

        return Bind(File.ReadAllText(path)).Bound;
    }

    public static bool Enabled(PolicyModel policy, string alg) => policy.FindAlg(alg)!.Enabled;
}
