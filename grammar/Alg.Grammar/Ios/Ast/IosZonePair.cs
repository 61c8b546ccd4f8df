using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Ios.Ast;

/// <summary>IOS: <c>zone-pair security NAME source Z destination Z</c>.</summary>
public sealed record IosZonePair(Located<string> Name, Located<string> Source, Located<string> Destination, SourceSpan Span, ImmutableArray<Statement> Children)
    : BlockStatement(Span, Children);
