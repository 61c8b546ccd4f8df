using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Junos.Ast;

/// <summary>Junos: another pool line (<c>port no-translation</c>, <c>overflow-pool</c>, ...).</summary>
public sealed record JunosNatPoolSetting(JunosOperation Operation, JunosNatKind Kind, Located<string> Name, ImmutableArray<string> Words, SourceSpan Span)
    : Statement(Span);
