using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Junos.Ast;

/// <summary>Junos: <c>security nat KIND rule-set RS rule R match FIELD VALUE...</c>.</summary>
public sealed record JunosNatRuleMatch(JunosOperation Operation, JunosNatKind Kind, Located<string> RuleSet, Located<string> Rule, Located<string> Field, ImmutableArray<Located<string>> Values, SourceSpan Span)
    : Statement(Span);
