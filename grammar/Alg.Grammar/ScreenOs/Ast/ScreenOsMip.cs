using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.ScreenOs.Ast;

/// <summary>ScreenOS: <c>[un]set interface IF mip MAPPED host REAL [netmask M] [vrouter VR]</c>: static one-to-one NAT.</summary>
public sealed record ScreenOsMip(bool Unset, Located<string> Interface, Located<Ipv4Address> Mapped, Located<Ipv4Address> Host, Ipv4Address Netmask, Located<string>? Vrouter, SourceSpan Span)
    : Statement(Span);
