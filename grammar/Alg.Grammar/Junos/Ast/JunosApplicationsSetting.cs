using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Text;

namespace Alg.Grammar.Junos.Ast;

/// <summary>Junos: any other <c>applications …</c> line (a bare <c>delete applications</c>): recognised, no effect.</summary>
public sealed record JunosApplicationsSetting(JunosOperation Operation, ImmutableArray<string> Words, SourceSpan Span)
    : Statement(Span);
