using Alg.Compiler.Binding;
using Alg.Policy.Diagnostics;

namespace Alg.Compiler.Lint;

/// <summary>
/// ALG3010 — the SIP ALG is on: advice that NAT-aware phones (STUN, ICE, rport) and hosted PBXs break
/// behind it (alg-behaviour.md §2, row 1), with the exact line that turns it off in the file's dialect.
/// Only where NAT would translate SIP: with no NAT rule the ALG rewrites nothing, and the advice would be noise.
/// </summary>
public sealed class SipAlgAdviceRule : ILintRule
{
    public DiagnosticDescriptor Descriptor => DiagnosticCatalog.SipAlgAdvice;

    public void Check(BoundConfiguration configuration, DiagnosticBag diagnostics)
    {
        var sip = configuration.Policy.FindAlg("sip");
        if (sip is null || !sip.Enabled || !TranslatesAnything(configuration.Policy))
        {
            return;
        }

        var where = sip.Source.IsNone ? "on by default" : $"line {sip.Source.Line}";
        var span = sip.Source.IsNone ? new Alg.Policy.Text.SourceSpan(configuration.Ast.Source.Path, 1, 1, 1, 1) : sip.Source;
        diagnostics.Add(Descriptor, span, where, string.Join(" then ", DialectFixes.TurnOff(configuration.Policy.Dialect, sip).Select(line => $"'{line.Trim()}'")));
    }

    private static bool TranslatesAnything(Alg.Policy.Model.PolicyModel policy) =>
        policy.NatRules.Any(rule => !rule.Inactive && rule.Kind != Alg.Policy.Model.NatRuleKind.Exempt && Alg.Compiler.Lowering.NatRuleResolver.IsSupported(policy, rule, out _));
}
