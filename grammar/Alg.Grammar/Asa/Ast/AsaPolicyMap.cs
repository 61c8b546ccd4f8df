using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Asa.Ast;

/// <summary>ASA: <c>policy-map NAME</c> (e.g. global_policy): classes and the inspections under them.</summary>
public sealed record AsaPolicyMap(Located<string> Name, SourceSpan Span, ImmutableArray<Statement> Children)
    : BlockStatement(Span, Children);
