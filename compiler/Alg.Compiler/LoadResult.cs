using Alg.Compiler.Binding;
using Alg.Grammar.Common;
using Alg.Policy.Diagnostics;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Compiler;

/// <summary>What loading one configuration produced. A policy with any error is never handed to an engine.</summary>
public sealed record LoadResult(
    SourceText? Source,
    ConfigurationAst? Ast,
    BoundConfiguration? Bound,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>The policy, only when loading succeeded without errors.</summary>
    public PolicyModel? Policy => HasErrors ? null : Bound?.Policy;
}
