using Alg.Grammar.Common;
using Alg.Policy.Text;

namespace Alg.Grammar.Junos.Ast;

/// <summary>Junos: <c>security alg [NAME]</c> with no further words; with <c>delete</c> it restores the defaults of one ALG (or all).</summary>
public sealed record JunosAlgReset(JunosOperation Operation, Located<string>? Alg, SourceSpan Span)
    : Statement(Span);
