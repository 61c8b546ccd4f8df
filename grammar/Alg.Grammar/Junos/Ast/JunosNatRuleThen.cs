using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Junos.Ast;

/// <summary>Junos: <c>security nat KIND rule-set RS rule R then {source-nat|destination-nat|static-nat} ...</c>.</summary>
public sealed record JunosNatRuleThen(JunosOperation Operation, JunosNatKind Kind, Located<string> RuleSet, Located<string> Rule, Located<string> Action, ImmutableArray<Located<string>> Values, SourceSpan Span)
    : Statement(Span);
