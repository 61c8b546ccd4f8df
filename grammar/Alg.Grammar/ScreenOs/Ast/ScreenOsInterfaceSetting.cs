using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.ScreenOs.Ast;

/// <summary>ScreenOS: another <c>set interface IF ...</c> setting (manage, route-deny, vip, ...): recognised, not modelled.</summary>
public sealed record ScreenOsInterfaceSetting(bool Unset, Located<string> Interface, string Setting, ImmutableArray<string> Values, SourceSpan Span)
    : Statement(Span);
