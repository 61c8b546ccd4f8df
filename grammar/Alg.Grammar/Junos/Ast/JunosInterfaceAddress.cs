using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Junos.Ast;

/// <summary>Junos: <c>interfaces IF unit N family inet address A/L</c>.</summary>
public sealed record JunosInterfaceAddress(JunosOperation Operation, Located<string> Interface, Located<int> Unit, Ipv4Prefix Prefix, SourceSpan Span)
    : Statement(Span);
