using Alg.Compiler.Binding;
using Alg.Policy.Diagnostics;

namespace Alg.Compiler.Lint;

/// <summary>One lint check over a bound configuration. Rules only report; they never change the policy.</summary>
public interface ILintRule
{
    DiagnosticDescriptor Descriptor { get; }

    void Check(BoundConfiguration configuration, DiagnosticBag diagnostics);
}
