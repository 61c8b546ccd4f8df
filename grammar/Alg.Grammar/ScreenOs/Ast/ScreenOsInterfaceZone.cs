using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.ScreenOs.Ast;

/// <summary>ScreenOS: <c>[un]set interface IF zone ZONE</c>.</summary>
public sealed record ScreenOsInterfaceZone(bool Unset, Located<string> Interface, Located<string> Zone, SourceSpan Span)
    : Statement(Span);
