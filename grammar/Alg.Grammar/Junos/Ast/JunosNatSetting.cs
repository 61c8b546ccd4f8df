using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Junos.Ast;

/// <summary>Junos: another <c>security nat ...</c> line: recognised, not modelled.</summary>
public sealed record JunosNatSetting(JunosOperation Operation, ImmutableArray<string> Words, SourceSpan Span)
    : Statement(Span);
