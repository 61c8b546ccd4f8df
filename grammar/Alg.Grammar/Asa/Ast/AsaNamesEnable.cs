using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Asa.Ast;

/// <summary>ASA: <c>names</c> (aliases on) or <c>no names</c>.</summary>
public sealed record AsaNamesEnable(bool Negated, SourceSpan Span)
    : Statement(Span);
