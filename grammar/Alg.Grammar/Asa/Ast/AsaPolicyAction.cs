using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Asa.Ast;

/// <summary>ASA: another action of a policy-map class (<c>set connection ...</c>).</summary>
public sealed record AsaPolicyAction(string Text, SourceSpan Span)
    : Statement(Span);
