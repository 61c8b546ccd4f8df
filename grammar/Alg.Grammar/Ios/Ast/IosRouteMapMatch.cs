using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Ios.Ast;

/// <summary>IOS: <c>match ip address ACL...</c>.</summary>
public sealed record IosRouteMapMatch(ImmutableArray<Located<string>> Acls, SourceSpan Span)
    : Statement(Span);
