using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.ScreenOs.Ast;

/// <summary>ScreenOS: <c>set zone id N NAME</c> / <c>set zone name NAME</c> (Defines) or <c>[un]set zone NAME SETTING...</c>.</summary>
public sealed record ScreenOsZone(bool Unset, Located<string> Name, bool Defines, ImmutableArray<string> Settings, SourceSpan Span)
    : Statement(Span);
