using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Ios.Ast;

/// <summary>IOS: <c>[no] ip nat translation port-timeout {tcp|udp} PORT {SECONDS | never}</c>.</summary>
public sealed record IosNatPortTimeout(bool Negated, TransportProtocol Protocol, Located<int> Port, Located<long>? Seconds, bool Never, SourceSpan Span)
    : Statement(Span);
