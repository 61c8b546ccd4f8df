using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Ios.Ast;

/// <summary>IOS: <c>[no] ip nat translation max-entries [host H | list ACL | SCOPE] N</c>.</summary>
public sealed record IosNatMaxEntries(bool Negated, Located<Ipv4Address>? Host, Located<string>? Acl, string? Scope, Located<long>? Limit, SourceSpan Span)
    : Statement(Span);
