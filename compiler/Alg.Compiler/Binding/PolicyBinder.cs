using Alg.Grammar.Common;
using Alg.Policy.Diagnostics;
using Alg.Policy.Model;

namespace Alg.Compiler.Binding;

/// <summary>Stage 3: picks the binder for the AST's dialect.</summary>
public static class PolicyBinder
{
    private static readonly Dictionary<Dialect, Func<IDialectBinder>> Binders = new()
    {
        [Dialect.Ios] = static () => new IosBinder(),
        [Dialect.Asa] = static () => new AsaBinder(),
        [Dialect.ScreenOs] = static () => new ScreenOsBinder(),
        [Dialect.Junos] = static () => new JunosBinder(),
    };

    public static BoundConfiguration? Bind(ConfigurationAst ast, DiagnosticBag diagnostics) =>
        Binders.TryGetValue(ast.Dialect, out var create) ? create().Bind(ast, diagnostics) : null;
}
