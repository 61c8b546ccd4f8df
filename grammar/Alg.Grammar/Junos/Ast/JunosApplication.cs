using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Text;

namespace Alg.Grammar.Junos.Ast;

/// <summary>Junos: <c>applications application NAME WORDS…</c>, e.g. <c>term t1 alg ms-rpc uuid 1a190310-…</c> or
/// <c>application-protocol sun-rpc</c>: one line of an application's definition, its words after the name.</summary>
public sealed record JunosApplication(JunosOperation Operation, Located<string> Name, ImmutableArray<Located<string>> Values, SourceSpan Span)
    : Statement(Span);
