using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Asa.Ast;

/// <summary>ASA: <c>security-level N</c> or <c>no security-level</c> (Level null).</summary>
public sealed record AsaSecurityLevel(Located<int>? Level, SourceSpan Span)
    : Statement(Span);
