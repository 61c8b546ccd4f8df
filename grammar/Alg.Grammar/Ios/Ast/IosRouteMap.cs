using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Ios.Ast;

/// <summary>IOS: <c>route-map NAME [permit|deny] [SEQ] and its lines</c>.</summary>
public sealed record IosRouteMap(Located<string> Name, AclAction Action, int Sequence, SourceSpan Span, ImmutableArray<Statement> Children)
    : BlockStatement(Span, Children);
