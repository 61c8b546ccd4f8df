using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Asa.Ast;

/// <summary>ASA: <c>object network NAME</c> with its address and object NAT lines.</summary>
public sealed record AsaObjectNetwork(Located<string> Name, SourceSpan Span, ImmutableArray<Statement> Children)
    : BlockStatement(Span, Children);
