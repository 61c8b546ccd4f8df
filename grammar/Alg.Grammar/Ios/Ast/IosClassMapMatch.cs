using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Ios.Ast;

/// <summary>IOS: <c>match access-group ... | match protocol ...</c>.</summary>
public sealed record IosClassMapMatch(Located<string>? Acl, string? Protocol, SourceSpan Span)
    : Statement(Span);
