using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Ios.Ast;

/// <summary>IOS: <c>[no] ip access-group ACL in|out</c>.</summary>
public sealed record IosInterfaceAccessGroup(Located<string> Acl, bool Inbound, bool Negated, SourceSpan Span)
    : Statement(Span);
