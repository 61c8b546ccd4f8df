using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Asa.Ast;

/// <summary>ASA: <c>hostname NAME</c>.</summary>
public sealed record AsaHostname(Located<string> Name, SourceSpan Span)
    : Statement(Span);
