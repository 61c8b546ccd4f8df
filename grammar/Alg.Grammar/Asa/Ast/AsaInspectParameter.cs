using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Asa.Ast;

/// <summary>ASA: one line of an inspect map's <c>parameters</c>, e.g. <c>state-checking action drop log</c>; Action is the word after <c>action</c>.</summary>
public sealed record AsaInspectParameter(bool Negated, Located<string> Name, ImmutableArray<Located<string>> Values, string? Action, bool Log, SourceSpan Span)
    : Statement(Span);
