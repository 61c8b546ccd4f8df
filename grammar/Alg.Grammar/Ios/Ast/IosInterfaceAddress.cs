using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Ios.Ast;

/// <summary>IOS: <c>ip address A M [secondary] | ip address dhcp | no ip address</c>.</summary>
public sealed record IosInterfaceAddress(Ipv4Prefix? Address, bool Dhcp, bool Secondary, SourceSpan Span)
    : Statement(Span);
