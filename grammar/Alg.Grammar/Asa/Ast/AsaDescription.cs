using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Asa.Ast;

/// <summary>ASA: <c>description TEXT</c> in an interface, object, group, class-map or policy-map.</summary>
public sealed record AsaDescription(string Text, SourceSpan Span)
    : Statement(Span);
