using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Asa.Ast;

/// <summary>ASA: <c>[no] match ...</c> or <c>class NAME</c> inside an inspect map, with its actions.</summary>
public sealed record AsaInspectMatch(bool Negated, string Criteria, SourceSpan Span, ImmutableArray<Statement> Children)
    : BlockStatement(Span, Children);
