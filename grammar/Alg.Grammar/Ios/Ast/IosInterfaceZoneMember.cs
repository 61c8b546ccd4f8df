using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Ios.Ast;

/// <summary>IOS: <c>zone-member security ZONE</c>.</summary>
public sealed record IosInterfaceZoneMember(Located<string> Zone, bool Negated, SourceSpan Span)
    : Statement(Span);
