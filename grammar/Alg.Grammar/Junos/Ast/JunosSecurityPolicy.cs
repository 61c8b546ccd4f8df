using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Junos.Ast;

/// <summary>Junos: a <c>security policies ...</c> or <c>security address-book ...</c> line: recognised, not modelled.</summary>
public sealed record JunosSecurityPolicy(JunosOperation Operation, ImmutableArray<string> Words, SourceSpan Span)
    : Statement(Span);
