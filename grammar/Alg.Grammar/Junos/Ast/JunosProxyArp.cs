using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Junos.Ast;

/// <summary>Junos: <c>security nat proxy-arp interface IF address A[/L] [to B[/L]]</c>.</summary>
public sealed record JunosProxyArp(JunosOperation Operation, Located<string> Interface, Ipv4Prefix First, Ipv4Prefix? Last, SourceSpan Span)
    : Statement(Span);
