using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Ios.Ast;

/// <summary>IOS: <c>object-group {network|service} NAME and its members</c>.</summary>
public sealed record IosObjectGroup(Located<string> Name, bool Network, SourceSpan Span, ImmutableArray<Statement> Children)
    : BlockStatement(Span, Children);
