using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Ios.Ast;

/// <summary>IOS: <c>inspect | pass | drop inside a policy-map class</c>.</summary>
public sealed record IosPolicyMapAction(string Action, SourceSpan Span)
    : Statement(Span);
