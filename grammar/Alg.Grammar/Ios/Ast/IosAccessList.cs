using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Ios.Ast;

/// <summary>IOS: <c>a numbered ACL line (access-list N ...) or a named list header with its entries</c>.</summary>
public sealed record IosAccessList(Located<string> Name, IosAclKind Kind, bool Numbered, SourceSpan Span, ImmutableArray<Statement> Children)
    : BlockStatement(Span, Children);
