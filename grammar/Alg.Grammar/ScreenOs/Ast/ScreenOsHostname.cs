using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.ScreenOs.Ast;

/// <summary>ScreenOS: <c>set hostname NAME</c> or <c>unset hostname</c> (Name null).</summary>
public sealed record ScreenOsHostname(bool Unset, Located<string>? Name, SourceSpan Span)
    : Statement(Span);
