using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Asa.Ast;

/// <summary>ASA: <c>parameters</c> of an inspect map.</summary>
public sealed record AsaInspectParameters(SourceSpan Span, ImmutableArray<Statement> Children)
    : BlockStatement(Span, Children);
