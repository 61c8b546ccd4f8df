using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.ScreenOs.Ast;

/// <summary>ScreenOS: <c>[un]set interface IF [tag VLAN] zone ZONE</c>; with a tag, IF is an 802.1Q subinterface (<c>ethernet0/0.1</c>).</summary>
public sealed record ScreenOsInterfaceZone(bool Unset, Located<string> Interface, Located<string> Zone, int? Tag, SourceSpan Span)
    : Statement(Span);
