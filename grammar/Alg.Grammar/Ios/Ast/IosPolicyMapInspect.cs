using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Ios.Ast;

/// <summary>IOS: <c>policy-map type inspect NAME and its classes</c>.</summary>
public sealed record IosPolicyMapInspect(Located<string> Name, SourceSpan Span, ImmutableArray<Statement> Children)
    : BlockStatement(Span, Children);
