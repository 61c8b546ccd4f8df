using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Asa.Ast;

/// <summary>ASA: <c>[no] inspect PROTOCOL [sub-protocol] [strict] [MAP]</c>; Protocol joins the sub-protocol (<c>h323 h225</c>, <c>icmp error</c>).</summary>
public sealed record AsaInspect(bool Negated, Located<string> Protocol, Located<string>? Map, ImmutableArray<string> Arguments, SourceSpan Span)
    : Statement(Span);
