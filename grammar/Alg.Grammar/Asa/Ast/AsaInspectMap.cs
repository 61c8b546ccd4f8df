using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Asa.Ast;

/// <summary>ASA: <c>policy-map type inspect PROTOCOL NAME</c>: an inspect map, referenced from <c>inspect PROTOCOL NAME</c>.</summary>
public sealed record AsaInspectMap(Located<string> Protocol, Located<string> Name, SourceSpan Span, ImmutableArray<Statement> Children)
    : BlockStatement(Span, Children);
