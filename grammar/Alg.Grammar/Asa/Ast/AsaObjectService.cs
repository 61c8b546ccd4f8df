using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Asa.Ast;

/// <summary>ASA: <c>object service NAME</c>.</summary>
public sealed record AsaObjectService(Located<string> Name, SourceSpan Span, ImmutableArray<Statement> Children)
    : BlockStatement(Span, Children);
