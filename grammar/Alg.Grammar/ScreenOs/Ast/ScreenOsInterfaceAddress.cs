using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.ScreenOs.Ast;

/// <summary>ScreenOS: <c>[un]set interface IF ip A/L</c>.</summary>
public sealed record ScreenOsInterfaceAddress(bool Unset, Located<string> Interface, Ipv4Prefix Prefix, SourceSpan Span)
    : Statement(Span);
