using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Asa.Ast;

/// <summary>ASA: <c>timeout NAME VALUE [NAME VALUE]...</c>.</summary>
public sealed record AsaTimeout(bool Negated, ImmutableArray<AsaTimeoutValue> Values, SourceSpan Span)
    : Statement(Span);
