using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Text;

namespace Alg.Grammar.Ios.Ast;

/// <summary>
/// IOS: a block whose settings do not bear on the policy but whose lines may name structures the policy
/// has (<c>router bgp 1</c>, <c>line vty 0 4</c>, a QoS <c>policy-map</c>, <c>ip sla 1</c>, <c>module ...</c>).
/// </summary>
/// <param name="Header">The block's command as written ("router bgp 1").</param>
public sealed record IosSettingsBlock(string Header, SourceSpan Span, ImmutableArray<Statement> Children)
    : BlockStatement(Span, Children);
