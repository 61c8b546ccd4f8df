using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Ios.Ast;

/// <summary>IOS: <c>ip nat {inside|outside} source static ...</c>.</summary>
public sealed record IosNatStatic(bool Negated, bool Inside, IosStaticKind Kind, TransportProtocol? Protocol, Located<Ipv4Address> Local, Located<int>? LocalPort, Located<Ipv4Address>? Global, Located<string>? Interface, Located<int>? GlobalPort, Ipv4Address? NetworkMask, bool Extendable, bool NoAlias, bool NoPayload, Located<string>? RouteMap, string? Vrf, ImmutableArray<string> Options, SourceSpan Span)
    : Statement(Span);
