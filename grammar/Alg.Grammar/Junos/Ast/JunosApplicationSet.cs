using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Text;

namespace Alg.Grammar.Junos.Ast;

/// <summary>Junos: <c>applications application-set NAME application|application-set MEMBER</c>: one member of a set of
/// applications a policy may match by the set's name.</summary>
public sealed record JunosApplicationSet(JunosOperation Operation, Located<string> Name, ImmutableArray<Located<string>> Values, SourceSpan Span)
    : Statement(Span);
