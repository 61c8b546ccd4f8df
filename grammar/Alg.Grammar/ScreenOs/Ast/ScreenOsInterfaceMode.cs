using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.ScreenOs.Ast;

/// <summary>ScreenOS: <c>set interface IF nat</c> (Nat true) or <c>set interface IF route</c>.</summary>
public sealed record ScreenOsInterfaceMode(bool Unset, Located<string> Interface, bool Nat, SourceSpan Span)
    : Statement(Span);
