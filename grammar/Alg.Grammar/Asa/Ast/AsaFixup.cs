using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Asa.Ast;

/// <summary>ASA: PIX <c>[no] fixup protocol NAME [sub-protocol] [ports]</c>.</summary>
public sealed record AsaFixup(bool Negated, Located<string> Protocol, TransportProtocol? Transport, ImmutableArray<Located<PortRange>> Ports, ImmutableArray<string> Options, SourceSpan Span)
    : Statement(Span);
