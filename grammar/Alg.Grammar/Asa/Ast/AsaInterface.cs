using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Asa.Ast;

/// <summary>ASA: <c>interface NAME</c> and the lines read in interface mode.</summary>
public sealed record AsaInterface(Located<string> Name, SourceSpan Span, ImmutableArray<Statement> Children)
    : BlockStatement(Span, Children);
