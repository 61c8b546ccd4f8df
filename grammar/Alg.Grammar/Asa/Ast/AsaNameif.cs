using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Asa.Ast;

/// <summary>ASA: <c>nameif NAME</c> (the name every other command uses) or <c>no nameif</c> (Name null).</summary>
public sealed record AsaNameif(Located<string>? Name, SourceSpan Span)
    : Statement(Span);
