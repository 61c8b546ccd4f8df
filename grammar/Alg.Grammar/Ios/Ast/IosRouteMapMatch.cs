using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Ios.Ast;

/// <summary>IOS: <c>match ip address ACL...</c> or <c>match ip address prefix-list NAME...</c>.</summary>
/// <param name="Acls">The names matched: access lists, or prefix lists when <paramref name="PrefixLists"/>.</param>
public sealed record IosRouteMapMatch(ImmutableArray<Located<string>> Acls, SourceSpan Span, bool PrefixLists = false)
    : Statement(Span);
