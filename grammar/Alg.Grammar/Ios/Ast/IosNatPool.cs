using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Ios.Ast;

/// <summary>IOS: <c>ip nat pool NAME START [END] {netmask M | prefix-length L}</c>.</summary>
public sealed record IosNatPool(Located<string> Name, Located<Ipv4Address> Start, Located<Ipv4Address>? End, Ipv4Address? Netmask, Located<int>? PrefixLength, string? Type, SourceSpan Span)
    : Statement(Span);
