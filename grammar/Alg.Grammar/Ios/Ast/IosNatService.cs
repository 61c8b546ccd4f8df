using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Ios.Ast;

/// <summary>IOS: <c>[no] ip nat service [list ACL] ALG [tcp|udp] [port N] [flags]</c>.</summary>
public sealed record IosNatService(bool Negated, Located<string>? Acl, Located<string> Alg, TransportProtocol? Protocol, Located<int>? Port, ImmutableArray<Located<string>> Flags, SourceSpan Span)
    : Statement(Span);
