using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Asa.Ast;

/// <summary>ASA: an action under an inspect-map match: <c>drop-connection log</c>, <c>reset</c>, ...</summary>
public sealed record AsaInspectAction(Located<string> Action, ImmutableArray<string> Values, SourceSpan Span)
    : Statement(Span);
