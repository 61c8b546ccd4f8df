using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Junos.Ast;

/// <summary>Junos: <c>security alg NAME disable</c>: Junos ALGs are on unless disabled.</summary>
public sealed record JunosAlgDisable(JunosOperation Operation, Located<string> Alg, SourceSpan Span)
    : Statement(Span);
