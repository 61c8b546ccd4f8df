using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Asa.Ast;

/// <summary>ASA: <c>service-policy NAME global</c> or <c>service-policy NAME interface IF</c>.</summary>
public sealed record AsaServicePolicy(bool Negated, Located<string> PolicyMap, Located<string>? Interface, SourceSpan Span)
    : Statement(Span);
