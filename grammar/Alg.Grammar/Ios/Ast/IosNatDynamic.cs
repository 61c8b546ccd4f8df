using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Ios.Ast;

/// <summary>IOS: <c>ip nat {inside|outside} {source|destination} {list|route-map} X {pool P | interface I} [overload] ...</c>.</summary>
public sealed record IosNatDynamic(bool Negated, bool Inside, bool Destination, Located<string>? Acl, Located<string>? RouteMap, Located<string>? Pool, Located<string>? Interface, bool Overload, string? Vrf, ImmutableArray<string> Options, SourceSpan Span)
    : Statement(Span);
