using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Junos.Ast;

/// <summary>Junos: another <c>security zones ...</c> line (address books, host-inbound-traffic): recognised, not modelled.</summary>
public sealed record JunosZoneSetting(JunosOperation Operation, Located<string>? Zone, ImmutableArray<string> Words, SourceSpan Span)
    : Statement(Span);
