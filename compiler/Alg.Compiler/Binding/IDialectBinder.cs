using Alg.Grammar.Common;
using Alg.Policy.Diagnostics;

namespace Alg.Compiler.Binding;

/// <summary>Binds one dialect's AST to the vendor-neutral policy.</summary>
public interface IDialectBinder
{
    BoundConfiguration Bind(ConfigurationAst ast, DiagnosticBag diagnostics);
}
