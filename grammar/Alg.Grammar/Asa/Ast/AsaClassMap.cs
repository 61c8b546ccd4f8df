using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Asa.Ast;

/// <summary>ASA: <c>class-map [type inspect PROTO] NAME</c> and its match lines.</summary>
public sealed record AsaClassMap(Located<string> Name, string? InspectProtocol, SourceSpan Span, ImmutableArray<Statement> Children)
    : BlockStatement(Span, Children);
