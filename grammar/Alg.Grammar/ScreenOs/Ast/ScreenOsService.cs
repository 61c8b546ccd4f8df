using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.ScreenOs.Ast;

/// <summary>ScreenOS: <c>[un]set service NAME ...</c>: a custom service definition.</summary>
public sealed record ScreenOsService(bool Unset, Located<string> Name, ImmutableArray<string> Settings, SourceSpan Span)
    : Statement(Span);
