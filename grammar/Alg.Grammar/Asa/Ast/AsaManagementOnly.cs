using Alg.Grammar.Common;
using Alg.Policy.Text;

namespace Alg.Grammar.Asa.Ast;

/// <summary>ASA: <c>[no] management-only</c>: the interface takes traffic to the device only, never through it.</summary>
public sealed record AsaManagementOnly(bool Negated, SourceSpan Span)
    : Statement(Span);
