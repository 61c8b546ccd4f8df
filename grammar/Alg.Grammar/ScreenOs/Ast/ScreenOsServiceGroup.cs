using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.ScreenOs.Ast;

/// <summary>ScreenOS: <c>[un]set group service NAME [add MEMBER | remove MEMBER | comment TEXT]</c>.</summary>
/// <param name="Remove">The member is taken out of the group (<c>remove</c>, or <c>unset ... add</c>).</param>
public sealed record ScreenOsServiceGroup(bool Unset, Located<string> Name, Located<string>? Member, bool Remove, ImmutableArray<string> Settings, SourceSpan Span)
    : Statement(Span);
