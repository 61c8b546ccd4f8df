using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.ScreenOs.Ast;

/// <summary>ScreenOS: <c>[un]set policy id N SETTING ...</c> on one line, e.g. <c>set policy id 4 application "IGNORE"</c>.</summary>
public sealed record ScreenOsPolicySetting(bool Unset, Located<int> Id, string Setting, ImmutableArray<string> Values, SourceSpan Span)
    : Statement(Span);
