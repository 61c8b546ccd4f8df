using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.ScreenOs.Ast;

/// <summary>ScreenOS: <c>set vrouter NAME</c> entered alone, with the lines up to <c>exit</c>.</summary>
public sealed record ScreenOsVrouterContext(Located<string> Name, SourceSpan Span, ImmutableArray<Statement> Children)
    : BlockStatement(Span, Children);
