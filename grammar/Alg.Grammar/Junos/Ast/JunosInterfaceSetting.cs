using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Junos.Ast;

/// <summary>Junos: another <c>interfaces IF ...</c> line: recognised, not modelled.</summary>
public sealed record JunosInterfaceSetting(JunosOperation Operation, Located<string> Interface, ImmutableArray<string> Words, SourceSpan Span)
    : Statement(Span);
