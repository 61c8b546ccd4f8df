using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Junos.Ast;

/// <summary>Junos: <c>security nat KIND rule-set RS {from|to} {zone|interface|routing-instance} NAME...</c>.</summary>
public sealed record JunosNatRuleSetContext(JunosOperation Operation, JunosNatKind Kind, Located<string> RuleSet, bool From, JunosNatContextType ContextType, ImmutableArray<Located<string>> Names, SourceSpan Span)
    : Statement(Span);
