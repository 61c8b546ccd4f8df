using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Asa.Ast;

/// <summary>ASA: <c>[no] shutdown</c>.</summary>
public sealed record AsaInterfaceShutdown(bool Negated, SourceSpan Span)
    : Statement(Span);
