using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Junos.Ast;

/// <summary>Junos: <c>security nat {source|destination} pool NAME address A[/L] [to B[/L]] [port P]</c>.</summary>
public sealed record JunosNatPool(JunosOperation Operation, JunosNatKind Kind, Located<string> Name, Ipv4Prefix First, Ipv4Prefix? Last, Located<int>? Port, SourceSpan Span)
    : Statement(Span);
