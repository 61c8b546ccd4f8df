using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.ScreenOs.Ast;

/// <summary>ScreenOS: <c>[un]set interface IF dip ID FIRST [LAST] [fix-port] ...</c>: a source NAT pool policies use with <c>nat src dip-id ID</c>.</summary>
public sealed record ScreenOsDip(bool Unset, Located<string> Interface, Located<int> Id, AddressRange? Range, bool FixPort, ImmutableArray<string> Options, SourceSpan Span)
    : Statement(Span);
